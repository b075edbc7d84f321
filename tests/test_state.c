/* test_state.c: the reading state store: what is saved comes back on the next
 * start; an edited or renamed article starts afresh; an entry whose article is
 * gone is kept, then dropped after STATE_KEEP_DAYS; a damaged store and one of
 * a newer annals are set aside with a warning; two writers at once, a full
 * disk and a kill -9 lose nothing saved and corrupt nothing; --no-state (no
 * path) works in memory and writes nothing. In a scratch folder. */
#include <config.h>

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "state.h"
#include "xalloc.h"
#include "tap.h"

static char scratch[1024];

static char *in_scratch(const char *name)
{
	return xasprintf("%s/%s", scratch, name);
}

static void add(struct collection *col, const char *id, const char *text)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xasprintf("Title of %s", id);
	for (int i = 0; i < 20; i++) {
		char *p = xasprintf("%s, paragraph %d.", text, i + 1);
		article_add_para(&a, p, strlen(p), "en", PARA_TEXT);
		free(p);
	}
	article_update_langs(&a);
	collection_add(col, &a);
}

/* a, b, c; variant 1 edits b, variant 2 has no c, variant 3 renames a to a2. */
static void make(struct collection *col, int variant)
{
	collection_init(col);
	add(col, variant == 3 ? "a2" : "a", "Alpha text");
	add(col, "b", variant == 1 ? "Beta text, edited" : "Beta text");
	if (variant != 2)
		add(col, "c", "Gamma text");
}

static long count(const char *path, const char *sql)
{
	sqlite3 *db;
	long v = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK) {
			if (sqlite3_step(q) == SQLITE_ROW)
				v = sqlite3_column_int64(q, 0);
			sqlite3_finalize(q);
		}
	}
	sqlite3_close(db);
	return v;
}

static bool intact(const char *path)
{
	sqlite3 *db;
	bool ok = false;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) == SQLITE_OK) {
			ok = sqlite3_step(q) == SQLITE_ROW &&
			     strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
			sqlite3_finalize(q);
		}
	}
	sqlite3_close(db);
	return ok;
}

static const time_t T0 = 1790000000;

static void test_round_trip(void)
{
	char *path = in_scratch("round.sqlite");
	struct collection col;
	make(&col, 0);
	struct state st;
	state_open(&st, &col, path, T0);
	tap_ok(st.db != NULL && st.warning == NULL, "a new store opens without a warning");
	tap_ok(!st.place.valid && st.nmarks == 0 && st.nhistory == 0, "and is empty");
	tap_ok(state_set_read(&st, 0, true), "mark a read");
	tap_ok(state_set_marked(&st, 1, true), "mark b");
	tap_ok(state_set_position(&st, 1, 11, 0), "b read to paragraph 12");
	state_toggle_event_mark(&st, 2, 3, 7);
	state_history_push(&st, 0);
	state_history_push(&st, 1);
	state_history_push(&st, 1);
	struct state_place p = { .pane = 2, .article = 1, .para = 11, .off = 0,
				 .split_a = 0, .split_b = 2, .split_lang_a = "en", .split_lang_b = "" };
	tap_ok(state_save_place(&st, &p), "save the place");
	state_close(&st);
	tap_ok(intact(path), "the store is intact");

	state_open(&st, &col, path, T0 + 60);
	tap_ok(st.a[0].read && !st.a[1].read && !st.a[2].read, "read state comes back");
	tap_ok(st.a[1].marked && !st.a[0].marked, "the mark comes back");
	tap_ok(st.a[1].has_pos && st.a[1].para == 11, "b's position comes back");
	tap_ok(state_event_marked(&st, 2, 3, 7), "the event mark comes back");
	tap_int_eq((long long)st.nmarks, 2, "two marks, in the order made");
	tap_ok(st.nmarks == 2 && !st.marks[0].event && st.marks[0].article == 1 && st.marks[1].event,
	       "b's mark first, then the event's");
	tap_int_eq((long long)st.nhistory, 2, "history: a, b (b once)");
	tap_ok(st.place.valid && st.place.pane == 2 && st.place.article == 1 && st.place.para == 11,
	       "the place comes back: the reader, b, paragraph 12");
	tap_ok(st.place.split_a == 0 && st.place.split_b == 2 &&
	       strcmp(st.place.split_lang_a, "en") == 0, "and the side-by-side pair");
	tap_int_eq((long long)state_history_back(&st), 0, "back: to a");
	tap_int_eq((long long)state_history_back(&st), (long long)STATE_NONE, "and no further");
	state_set_marked(&st, 1, false);
	tap_ok(!state_toggle_event_mark(&st, 2, 3, 7), "the event mark toggled off");
	tap_int_eq((long long)st.nmarks, 0, "no marks left");
	state_close(&st);
	state_open(&st, &col, path, T0 + 120);
	tap_ok(st.nmarks == 0 && st.nhistory == 1, "unmarking and going back were saved");
	state_close(&st);
	collection_free(&col);
	free(path);
}

static void test_identity(void)
{
	char *path = in_scratch("identity.sqlite");
	struct collection col;
	make(&col, 0);
	struct state st;
	state_open(&st, &col, path, T0);
	state_set_read(&st, 0, true);
	state_set_read(&st, 1, true);
	state_set_marked(&st, 2, true);
	state_close(&st);
	collection_free(&col);

	make(&col, 1);
	state_open(&st, &col, path, T0 + 10);
	tap_ok(st.a[0].read, "an unchanged article keeps its state");
	tap_ok(!st.a[1].read, "an edited article (same ID, new text) starts afresh");
	state_close(&st);
	collection_free(&col);

	make(&col, 3);
	state_open(&st, &col, path, T0 + 20);
	tap_ok(!st.a[0].read && strcmp(col.items[0].id, "a2") == 0,
	       "a renamed article (new ID) does not inherit the old one's state");
	state_close(&st);
	collection_free(&col);

	/* Gone for a while: kept quietly, and back with its article. */
	make(&col, 2);
	state_open(&st, &col, path, T0 + 30);
	tap_ok(st.warning == NULL, "a vanished article is no warning");
	state_close(&st);
	tap_int_eq(count(path, "SELECT count(*) FROM article WHERE id = 'c'"), 1,
		   "its entry is kept");
	collection_free(&col);
	make(&col, 0);
	state_open(&st, &col, path, T0 + 40);
	tap_ok(st.a[2].marked && st.a[0].read, "it comes back with the article");
	state_close(&st);
	collection_free(&col);

	/* Gone for longer than STATE_KEEP_DAYS: dropped. */
	make(&col, 2);
	state_open(&st, &col, path, T0 + 40 + (time_t)(STATE_KEEP_DAYS + 1) * 86400);
	state_close(&st);
	tap_int_eq(count(path, "SELECT count(*) FROM article WHERE id = 'c'"), 0,
		   "an entry missing for longer than it is kept is dropped");
	tap_int_eq(count(path, "SELECT count(*) FROM article WHERE id = 'a' AND read = 1"), 1,
		   "the present ones stay");
	collection_free(&col);
	free(path);
}

static void test_damage(void)
{
	struct collection col;
	make(&col, 0);
	struct state st;
	/* Not a database at all. */
	char *path = in_scratch("bad.sqlite");
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 512; i++)
		fputs("this is not a database, ", f);
	fclose(f);
	state_open(&st, &col, path, T0);
	tap_ok(st.db != NULL, "a damaged store: annals starts clean");
	tap_ok(st.warning && strstr(st.warning, "set aside"), "with a warning: %s",
	       st.warning ? st.warning : "(none)");
	char *aside = xasprintf("%s.damaged", path);
	struct stat sb;
	tap_ok(stat(aside, &sb) == 0, "the damaged file is kept beside it");
	tap_ok(state_set_read(&st, 0, true), "and the new store takes writes");
	state_close(&st);
	free(aside);
	free(path);

	/* Written by a newer annals. */
	path = in_scratch("newer.sqlite");
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE future(x); PRAGMA user_version = 99;", NULL, NULL, NULL);
	sqlite3_close(db);
	state_open(&st, &col, path, T0);
	tap_ok(st.db != NULL && st.warning && strstr(st.warning, "newer"),
	       "a newer store is set aside with a warning: %s", st.warning ? st.warning : "(none)");
	state_close(&st);
	free(path);

	/* An older, empty one (schema 0) is brought up to date. */
	path = in_scratch("old.sqlite");
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 0;", NULL, NULL, NULL);
	sqlite3_close(db);
	state_open(&st, &col, path, T0);
	tap_ok(st.db != NULL && st.warning == NULL, "an older store is migrated, silently");
	state_close(&st);
	tap_int_eq(count(path, "PRAGMA user_version"), 1, "to schema 1");
	free(path);

	/* A folder that cannot hold it: memory only, one warning. */
	state_open(&st, &col, "/nonexistent-dir/for/annals/state.sqlite", T0);
	tap_ok(st.db == NULL && st.warning != NULL, "no store: a warning, and memory only");
	tap_ok(!state_set_read(&st, 1, true) && st.a[1].read,
	       "a change is kept for this run even so");
	state_close(&st);

	/* --no-state: no path, nothing read or written, no warning. */
	state_open(&st, &col, NULL, T0);
	tap_ok(st.db == NULL && st.warning == NULL, "--no-state: no store, no warning");
	state_set_marked(&st, 0, true);
	tap_ok(st.a[0].marked && state_any_mark(&st, 0), "marks work in memory");
	state_close(&st);
	collection_free(&col);
}

static void test_two_writers(void)
{
	char *path = in_scratch("two.sqlite");
	struct collection col;
	make(&col, 0);
	struct state s1, s2;
	state_open(&s1, &col, path, T0);
	state_open(&s2, &col, path, T0);
	tap_ok(s1.db && s2.db, "two annals on the same collections");
	for (int i = 0; i < 20; i++) {
		state_set_position(&s1, 0, (size_t)i, 0);
		state_set_position(&s2, 1, (size_t)i + 1, 0);
	}
	state_set_marked(&s1, 2, true);
	state_set_read(&s2, 2, true);
	tap_ok(!s1.write_failed && !s2.write_failed, "every write of both went through");
	state_close(&s1);
	state_close(&s2);
	tap_ok(intact(path), "the store is intact");
	state_open(&s1, &col, path, T0);
	tap_ok(s1.a[0].para == 19 && s1.a[1].para == 20, "each one's positions are there");
	tap_ok(s1.a[2].marked && s1.a[2].read, "one's mark and the other's read flag, both on c");
	state_close(&s1);

	/* Two processes writing at the same moment. */
	pid_t pid = fork();
	if (pid == 0) {
		struct state s;
		state_open(&s, &col, path, T0);
		for (int i = 0; i < 200; i++)
			state_set_position(&s, 0, (size_t)i, 0);
		bool ok = !s.write_failed;
		state_close(&s);
		_exit(ok ? 0 : 1);
	}
	state_open(&s2, &col, path, T0);
	for (int i = 0; i < 200; i++)
		state_set_position(&s2, 1, (size_t)i, 0);
	bool ok2 = !s2.write_failed;
	state_close(&s2);
	int status = 0;
	waitpid(pid, &status, 0);
	tap_ok(ok2 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "two processes at once: no write lost to the lock");
	state_open(&s1, &col, path, T0);
	tap_ok(s1.a[0].para == 199 && s1.a[1].para == 199, "both last positions saved");
	state_close(&s1);
	tap_ok(intact(path), "and the store intact");
	collection_free(&col);
	free(path);
}

static void test_full_disk(void)
{
	char *path = in_scratch("full.sqlite");
	struct collection col;
	collection_init(&col);
	for (int i = 0; i < 400; i++) {
		char id[16];
		snprintf(id, sizeof id, "art%03d", i);
		add(&col, id, "Some text");
	}
	struct state st;
	state_open(&st, &col, path, T0);
	state_set_read(&st, 0, true);
	/* No room to grow: max_page_count stands in for a full disk. */
	sqlite3_exec((sqlite3 *)st.db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_exec((sqlite3 *)st.db, "PRAGMA max_page_count = 1", NULL, NULL, NULL);
	bool all = true;
	for (size_t i = 1; i < col.n; i++)
		all &= state_set_read(&st, i, true);
	tap_ok(!all, "a full disk: writes fail");
	tap_ok(st.warning && strstr(st.warning, "full"), "said once, as a full disk: %s",
	       st.warning ? st.warning : "(none)");
	tap_ok(st.a[399].read, "this run still knows what was read");
	state_close(&st);
	tap_ok(intact(path), "the store is intact");
	state_open(&st, &col, path, T0);
	tap_ok(st.a[0].read, "what was saved before the disk filled is there");
	tap_ok(st.db != NULL && st.warning == NULL, "and the store opens cleanly");
	state_close(&st);
	collection_free(&col);
	free(path);
}

static void test_kill(void)
{
	char *path = in_scratch("kill.sqlite");
	struct collection col;
	make(&col, 0);
	pid_t pid = fork();
	if (pid == 0) {
		struct state st;
		state_open(&st, &col, path, T0);
		state_set_position(&st, 2, 11, 0);
		state_set_marked(&st, 1, true);
		/* No close, no exit: the process is killed with the store open. */
		raise(SIGKILL);
		_exit(3);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	tap_ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "a writer killed with -9");
	struct state st;
	state_open(&st, &col, path, T0);
	tap_ok(st.warning == NULL, "the store opens without a warning");
	tap_ok(st.a[2].has_pos && st.a[2].para == 11 && st.a[1].marked,
	       "everything saved before the kill is there");
	state_close(&st);
	tap_ok(intact(path), "and the store is intact");
	collection_free(&col);
	free(path);
}

static void test_hash(void)
{
	struct collection col;
	make(&col, 0);
	char h[STATE_HASH_LEN + 1], h2[STATE_HASH_LEN + 1];
	state_hash(&col.items[0], h);
	state_hash(&col.items[0], h2);
	tap_ok(strlen(h) == STATE_HASH_LEN && strcmp(h, h2) == 0, "a content hash: 16 hex digits, stable");
	state_hash(&col.items[1], h2);
	tap_ok(strcmp(h, h2) != 0, "other text, other hash");
	collection_free(&col);
}

int main(void)
{
	snprintf(scratch, sizeof scratch, "%s/annals-state-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(scratch)) {
		tap_ok(false, "a scratch folder");
		return tap_done();
	}
	test_hash();
	test_round_trip();
	test_identity();
	test_damage();
	test_two_writers();
	test_full_disk();
	test_kill();
	char *cmd = xasprintf("rm -rf '%s'", scratch);
	if (system(cmd) != 0)
		tap_diag("could not remove %s", scratch);
	free(cmd);
	return tap_done();
}
