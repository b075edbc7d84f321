/* test_store.c: the index of a collection across syncs, as the files change:
 * the search table names an article while its file holds the words, and
 * forgets it when the file is edited or removed (no row of an old reading is
 * left behind), and stays sound meanwhile. Everything happens in a scratch
 * folder under the build tree; the cache folder is XDG_CACHE_HOME's. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_int.h"
#include "tap.h"

static void write_file(const char *path, const char *body)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fprintf(f, "A report\n\n2001-01-01\n\n%s\n", body);
		fclose(f);
	}
}

/* Syncs; returns how many articles the collection has. */
static size_t sync_col(struct store *st, const char *root)
{
	struct store_sync_opts so = { .datadir = ANNALS_SRCDATADIR, .jobs = 1 };
	struct collection col;
	collection_init(&col);
	size_t readable = 0;
	char *warning = NULL;
	int rc = store_sync(st, &root, 1, &so, &col, &readable, &warning);
	if (rc != 0)
		tap_diag("sync: %s", warning ? warning : "?");
	free(warning);
	size_t n = col.n;
	collection_free(&col);
	return rc == 0 ? n : (size_t)-1;
}

static size_t candidates(struct store *st, const char *word)
{
	long long *rows = NULL;
	size_t n = 0;
	bool all = false;
	if (store_candidates(st, word, &rows, &n, &all) != 0 || all)
		n = (size_t)-1;
	free(rows);
	return n;
}

/* FTS5's own check of its table: SQLITE_OK when it is sound. */
static int search_sound(struct store *st)
{
	return db_exec(st->db, "INSERT INTO search(search) VALUES ('integrity-check')");
}

/* The files row of path: whether it has a hash. */
static bool has_hash(struct store *st, const char *path)
{
	sqlite3_stmt *q;
	bool h = false;
	if (sqlite3_prepare_v2(st->db, "SELECT hash FROM files WHERE path = ?", -1, &q, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(q, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		h = sqlite3_column_type(q, 0) != SQLITE_NULL;
	sqlite3_finalize(q);
	return h;
}

/* Gives the files row of path the file's present stat, as if the file had
 * been written again within one tick of the file system's clock. */
static int same_tick(struct store *st, const char *path)
{
	struct stat s;
	sqlite3_stmt *q;
	if (stat(path, &s) != 0 ||
	    sqlite3_prepare_v2(st->db, "UPDATE files SET size = ?, mtime = ?, ctime = ?, inode = ? WHERE path = ?",
			       -1, &q, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(q, 1, (sqlite3_int64)s.st_size);
	sqlite3_bind_int64(q, 2, store_ns(&s.st_mtim));
	sqlite3_bind_int64(q, 3, store_ns(&s.st_ctim));
	sqlite3_bind_int64(q, 4, (sqlite3_int64)s.st_ino);
	sqlite3_bind_text(q, 5, path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* When a file's stat is in doubt: changed less than two seconds before it is
 * looked at (or, with a clock set back, after). */
static void test_doubt(void)
{
	int64_t now = (int64_t)1700000000 * 1000000000;
	struct stat s = { 0 };
	s.st_mtim.tv_sec = s.st_ctim.tv_sec = 1700000000 - 60;
	tap_ok(!store_in_doubt(&s, now), "a file changed a minute before is not in doubt");
	s.st_ctim.tv_sec = 1700000000 - 1;
	tap_ok(store_in_doubt(&s, now), "a file whose inode changed a second before is in doubt");
	s.st_ctim.tv_sec = 1700000000 - 60;
	s.st_mtim.tv_sec = 1700000000;
	tap_ok(store_in_doubt(&s, now), "a file written this very tick is in doubt");
	s.st_mtim.tv_sec = 1700000000 + 3600;
	tap_ok(store_in_doubt(&s, now), "a file dated in the future is in doubt");
}

int main(void)
{
	test_doubt();
	char root[2048];
	snprintf(root, sizeof root, "%s/tests/test_store.scratch", ANNALS_BUILDDIR);
	char cmd[2200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0 || mkdir(root, 0755) != 0) {
		printf("Bail out! cannot make %s\n", root);
		return 1;
	}
	char a[2100], b[2100];
	snprintf(a, sizeof a, "%s/a.txt", root);
	snprintf(b, sizeof b, "%s/b.txt", root);
	write_file(a, "A zebra crossed the road.");
	write_file(b, "Nothing to see here.");

	char *warning = NULL;
	const char *roots[] = { root };
	struct store *st = store_open(roots, 1, &warning);
	free(warning);
	if (!st) {
		printf("Bail out! no index\n");
		return 1;
	}
	tap_int_eq((long)sync_col(st, root), 2, "first sync: two articles");
	tap_int_eq((long)candidates(st, "zebra"), 1, "the search table names the article with zebra");

	/* Edited: another size, so that it is read again. */
	write_file(a, "A lion crossed the long road.");
	tap_int_eq((long)sync_col(st, root), 2, "after an edit: two articles");
	tap_int_eq((long)candidates(st, "zebra"), 0, "the old reading's words name nothing");
	tap_int_eq((long)candidates(st, "lion"), 1, "the new words name the article");
	tap_int_eq(search_sound(st), SQLITE_OK, "the search table is sound");

	for (int i = 0; i < 5; i++) {
		char body[64];
		snprintf(body, sizeof body, "Edit number %d of a lion%*s.", i, i, "");
		write_file(a, body);
		sync_col(st, root);
	}
	tap_int_eq((long)candidates(st, "lion"), 1, "after five edits: one candidate, not six");

	/* Written again within one tick of the clock, to the same size: its
	 * stat says nothing, the hash kept from a reading in doubt does. */
	tap_ok(has_hash(st, a), "a file read while young keeps its hash");
	write_file(a, "Edit number 4 of a zebra   .");
	tap_int_eq(same_tick(st, a), 0, "  (the index given the file's new stat)");
	tap_int_eq((long)sync_col(st, root), 2, "after an edit in the same tick: two articles");
	tap_int_eq((long)candidates(st, "zebra"), 1, "the edit in the same tick is read");
	tap_int_eq((long)candidates(st, "lion"), 0, "and the words it replaced name nothing");

	unlink(a);
	tap_int_eq((long)sync_col(st, root), 1, "after a removal: one article");
	tap_int_eq((long)candidates(st, "lion"), 0, "the removed file's words name nothing");
	tap_int_eq((long)candidates(st, "nothing"), 1, "the other file is still found");
	tap_int_eq(search_sound(st), SQLITE_OK, "the search table is still sound");
	store_close(st);
	return tap_done();
}
