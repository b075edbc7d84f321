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

#include "events.h"
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

/* Writes root/a.txt and root/b.txt (their paths into a and b, size bytes
 * each) with bodies ta and tb, and opens the index of root (NULL: none). */
static struct store *open_pair(const char *root, char *a, char *b, size_t size, const char *ta,
			       const char *tb)
{
	snprintf(a, size, "%s/a.txt", root);
	snprintf(b, size, "%s/b.txt", root);
	write_file(a, ta);
	write_file(b, tb);
	char *warning = NULL;
	const char *roots[] = { root };
	struct store *st = store_open(roots, 1, &warning);
	free(warning);
	return st;
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

/* A sync of root that hands its articles over (store_watch's publish, as a
 * first ingestion does), cancelled before it starts when cancel; the
 * articles handed over go to got. Returns store_sync's result. */
static int sync_publish(struct store *st, const char *root, bool publish, bool cancel,
			struct collection *got)
{
	struct store_watch w;
	store_watch_init(&w, publish);
	atomic_store(&w.cancel, cancel);
	struct store_sync_opts so = { .datadir = ANNALS_SRCDATADIR, .jobs = 1, .watch = &w };
	struct collection col;
	collection_init(&col);
	size_t readable = 0;
	char *warning = NULL;
	int rc = store_sync(st, &root, 1, &so, &col, &readable, &warning);
	free(warning);
	collection_free(&col);
	store_watch_take(&w, got);
	store_watch_free(&w);
	return rc;
}

/* The articles a first ingestion hands over: every one, in walk order,
 * without its body, which another connection loads by row once committed. */
static void test_publish(const char *base)
{
	char root[2100], path[2200], cmd[2300];
	snprintf(root, sizeof root, "%s/pub", base);
	mkdir(root, 0755);
	static const char *const bodies[] = { "A zebra crossed.", "A lion slept.", "An owl flew." };
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%c.txt", root, 'a' + i);
		write_file(path, bodies[i]);
	}
	const char *roots[] = { root };
	char *warning = NULL;
	struct store *st = store_open(roots, 1, &warning);
	free(warning);
	struct store *reader = store_open(roots, 1, &warning);
	free(warning);
	if (!st || !reader) {
		tap_ok(false, "publish: two connections to the index");
		store_close(st);
		store_close(reader);
		return;
	}
	struct collection got;
	collection_init(&got);
	tap_int_eq(sync_publish(st, root, true, false, &got), 0, "publish: the sync ends well");
	tap_int_eq((long)got.n, 3, "  every article is handed over");
	bool order = got.n == 3, heads = got.n == 3, bodies_ok = got.n == 3;
	for (size_t i = 0; i < got.n && i < 3; i++) {
		struct article *a = &got.items[i];
		char id[2] = { (char)('a' + i), 0 };
		order = order && strcmp(a->id, id) == 0;
		heads = heads && a->title && strcmp(a->title, "A report") == 0 && a->npara == 0 &&
			a->nbody > 0 && a->row > 0 && a->date.year == 2001;
		bodies_ok = bodies_ok && store_body(reader, a) == 0 && a->npara > 0 &&
			    strstr(a->paras[a->npara - 1].text, bodies[i]) != NULL;
	}
	tap_ok(order, "  in the order the files were walked");
	tap_ok(heads, "  each with its title, date and row, its body left in the index");
	tap_ok(bodies_ok, "  which another connection loads, committed");
	collection_free(&got);

	collection_init(&got);
	snprintf(path, sizeof path, "%s/b.txt", root);
	write_file(path, "A lion slept long.");
	tap_int_eq(sync_publish(st, root, true, false, &got), 0, "publish: a later sync");
	tap_ok(got.n == 1 && strcmp(got.items[0].id, "b") == 0, "  hands over the file read again only");
	collection_free(&got);

	collection_init(&got);
	write_file(path, "A lion slept longer.");
	sync_publish(st, root, false, false, &got);
	tap_int_eq((long)got.n, 0, "without publish nothing is handed over");
	collection_free(&got);

	/* Cancelled at once: it stops after its first file, which it keeps,
	 * committed, and hands over. */
	snprintf(cmd, sizeof cmd, "rm -rf '%s'/*.txt", root);
	if (system(cmd) != 0)
		tap_diag("cannot empty %s", root);
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%c%c.txt", root, 'x', 'a' + i);
		write_file(path, bodies[i]);
	}
	collection_init(&got);
	tap_int_eq(sync_publish(st, root, true, true, &got), -1, "publish, cancelled: the sync gives up");
	tap_ok(got.n == 1 && strcmp(got.items[0].id, "xa") == 0 && store_body(reader, &got.items[0]) == 0,
	       "  the one file it wrote is handed over, its body there to load");
	collection_free(&got);
	store_close(reader);
	store_close(st);
}

/* The tokens store_fts_toks_row made, one row, as "ab|cd|…". */
static void toks_str(const char *cur, char *out, size_t cap)
{
	size_t n = 0;
	out[0] = '\0';
	for (const unsigned char *p = (const unsigned char *)cur; *p && n + *p + 2 < cap; p += 1 + *p) {
		if (n)
			out[n++] = '|';
		memcpy(out + n, p + 1, *p);
		n += *p;
		out[n] = '\0';
	}
}

static void test_toks(void)
{
	struct store_fts_toks t;
	store_fts_toks_init(&t);
	char got[256];
	store_fts_toks_row(&t, "abab ab", 7);
	store_fts_toks_row(&t, "!!", 2);
	store_fts_toks_row(&t, "中国中国", strlen("中国中国"));
	const char *cur = t.out.data;
	toks_str(cur, got, sizeof got);
	tap_str_eq(got, "ab|ba", "a row's tokens are said once each, in the order first seen");
	cur = store_fts_toks_next(cur);
	tap_int_eq(*cur, 0, "a row with no word character has no token");
	cur = store_fts_toks_next(cur);
	toks_str(cur, got, sizeof got);
	tap_str_eq(got, "中|国|中国|国中", "Han characters alone and in pairs; the next row starts afresh");
	/* Many distinct tokens: the set grows and still says each once. */
	t.out.len = 0;
	char big[4000];
	size_t n = 0;
	for (int i = 0; i < 26 * 26 && n + 4 < sizeof big; i++) {
		big[n++] = (char)('a' + i / 26);
		big[n++] = (char)('a' + i % 26);
		big[n++] = ' ';
	}
	store_fts_toks_row(&t, big, n);
	store_fts_toks_row(&t, big, n);
	size_t count = 0;
	for (const unsigned char *p = (const unsigned char *)t.out.data; *p; p += 1 + *p)
		count++;
	tap_int_eq((long)count, 26 * 26, "676 different pairs, each once");
	cur = store_fts_toks_next(t.out.data);
	count = 0;
	for (const unsigned char *p = (const unsigned char *)cur; *p; p += 1 + *p)
		count++;
	tap_int_eq((long)count, 26 * 26, "and again in the next row: the set is emptied between rows");
	store_fts_toks_free(&t);
}

/* The rowids of the search table of db that match expr. */
static long long match_row(sqlite3 *db, const char *expr)
{
	sqlite3_stmt *q;
	long long row = -1;
	if (sqlite3_prepare_v2(db, "SELECT rowid FROM search WHERE search MATCH ?", -1, &q, NULL) != SQLITE_OK)
		return -2;
	sqlite3_bind_text(q, 1, expr, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		row = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return row;
}

static int insert_row(sqlite3 *db, long long rowid, const char *text)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db, "INSERT INTO search(rowid, text) VALUES (?, ?)", -1, &q, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(q, 1, rowid);
	sqlite3_bind_text(q, 2, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The tokenizer takes a row's tokens from the feed, and only for the text
 * they were made from. */
static void test_feed(void)
{
	sqlite3 *db;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK || store_fts_register(db) != SQLITE_OK ||
	    db_exec(db, "CREATE VIRTUAL TABLE search USING fts5(text, detail=none, columnsize=0,"
			" tokenize='annals folded')") != SQLITE_OK) {
		tap_ok(false, "an FTS5 table with annals's tokenizer");
		sqlite3_close(db);
		return;
	}
	struct store_fts_feed *feed = store_fts_feed(db);
	tap_ok(feed != NULL, "the tokenizer has a feed");
	if (!feed) {
		sqlite3_close(db);
		return;
	}
	/* Tokens that are not the text's: only the feed can have put them there. */
	struct store_fts_toks t;
	store_fts_toks_init(&t);
	store_fts_toks_row(&t, "zq", 2);
	*feed = (struct store_fts_feed){ "ab cd", 5, t.out.data };
	insert_row(db, 7, "ab cd");
	*feed = (struct store_fts_feed){ "xy", 2, t.out.data };
	insert_row(db, 8, "ab cd");
	*feed = (struct store_fts_feed){ 0 };
	tap_int_eq(match_row(db, "\"zq\""), 7, "a fed row is found by the tokens it was fed");
	tap_int_eq(match_row(db, "\"cd\" AND \"ab\""), 8,
		   "a row whose text is not the feed's is found by its own tokens");
	store_fts_toks_free(&t);
	sqlite3_close(db);
}

/* The browser's events come without their texts; each is read from the index
 * when shown, and only while the index still holds that event at that place. */
struct texts_ctx {
	struct store *st;
	const struct collection *col;
};

static char *fetch_text(void *arg, const struct event *e, size_t i)
{
	struct texts_ctx *c = arg;
	return store_event_text(c->st, i, c->col->items[e->article].row, e);
}

static void test_event_texts(const char *base)
{
	char root[2100], a[2200], b[2200];
	snprintf(root, sizeof root, "%s/texts", base);
	mkdir(root, 0755);
	struct store *st = open_pair(root, a, b, sizeof a,
				     "The bridge opened on 3 May 2004. It closed on 9 June 2011.",
				     "A fire broke out on 12 March 1998.");
	const char *roots[] = { root };
	char *warning = NULL;
	struct store_sync_opts so = { .datadir = ANNALS_SRCDATADIR, .jobs = 1, .bodies = true };
	struct collection col;
	collection_init(&col);
	size_t readable = 0;
	bool ok = st && store_sync(st, (const char **)roots, 1, &so, &col, &readable, &warning) == 0;
	free(warning);
	tap_ok(ok, "texts: the collection is indexed");
	if (!ok) {
		collection_free(&col);
		store_close(st);
		return;
	}
	collection_sort(&col);
	struct event_list *derived = events_derive(&col);
	store_events_save(st, &col, derived);
	struct event_list *bare = store_events_load_bare(st, &col);
	tap_ok(bare && bare->n == derived->n && derived->n >= 3, "texts: the events load without them");
	bool none = bare != NULL;
	for (size_t i = 0; bare && i < bare->n; i++)
		none = none && bare->v[i].text == NULL;
	tap_ok(none, "texts: no event holds its text");
	bool alike = bare && bare->n == derived->n;
	for (size_t i = 0; alike && i < bare->n; i++)
		alike = bare->v[i].article == derived->v[i].article &&
			adate_compare(&bare->v[i].date, &derived->v[i].date) == 0 &&
			bare->v[i].para == derived->v[i].para && bare->v[i].start == derived->v[i].start &&
			bare->v[i].group == derived->v[i].group;
	tap_ok(alike, "texts: the events are those derived, in their order");
	struct texts_ctx ctx = { st, &col };
	bool same = bare && bare->n == derived->n;
	if (bare)
		events_texts_from(bare, fetch_text, &ctx);
	/* Asked for twice: fetched once, the same string both times. */
	for (int round = 0; round < 2 && same; round++) {
		for (size_t i = 0; i < bare->n && same; i++) {
			const char *t = events_text(bare, &bare->v[i]);
			same = t && derived->v[i].text && strcmp(t, derived->v[i].text) == 0;
		}
	}
	tap_ok(same, "texts: each is read when asked for, the text derived");
	/* Derived again with one event fewer ahead of the rest: at its old place
	 * an event's text is now another's, and is not given. */
	if (bare && bare->n >= 2) {
		struct event_list *fresh = store_events_load_bare(st, &col);
		struct event_list *shifted = events_derive(&col);
		free(shifted->v[0].text);
		memmove(&shifted->v[0], &shifted->v[1], (shifted->n - 1) * sizeof *shifted->v);
		shifted->n--;
		store_events_save(st, &col, shifted);
		events_texts_from(fresh, fetch_text, &ctx);
		tap_ok(events_text(fresh, &fresh->v[1]) == NULL,
		       "texts: an event the index no longer holds at its place has none");
		tap_ok(events_text(fresh, &fresh->v[0]) == NULL ||
		       strcmp(events_text(fresh, &fresh->v[0]), derived->v[0].text) == 0,
		       "texts: never another event's text");
		events_free(shifted);
		events_free(fresh);
	}
	events_free(bare);
	events_free(derived);
	collection_free(&col);
	store_close(st);
}

/* A sync that finds the index as the caller read it reads no articles again,
 * and says the same warnings as one that does. */
static void test_unchanged(const char *base)
{
	char root[2100], empty[2100], a[2200], bad[2200];
	snprintf(root, sizeof root, "%s/same", base);
	snprintf(empty, sizeof empty, "%s/same-empty", base);
	mkdir(root, 0755);
	mkdir(empty, 0755);
	snprintf(a, sizeof a, "%s/a.txt", root);
	snprintf(bad, sizeof bad, "%s/b.jsonl", root);
	write_file(a, "The bridge opened on 3 May 2004.");
	FILE *f = fopen(bad, "w");
	if (f) {
		fputs("{\"title\": \"One\", \"body\": \"Text.\"}\nnot json\n", f);
		fclose(f);
	}
	const char *roots[] = { root, empty };
	char *warning = NULL;
	struct store *st = store_open(roots, 2, &warning);
	free(warning);
	if (!st) {
		tap_ok(false, "unchanged: an index");
		return;
	}
	bool unchanged = true;
	struct store_sync_opts so = { .datadir = ANNALS_SRCDATADIR, .jobs = 1,
				      .unchanged = &unchanged, .known = -1 };
	struct collection full, same;
	collection_init(&full);
	collection_init(&same);
	size_t readable = 0;
	warning = NULL;
	int rc = store_sync(st, roots, 2, &so, &full, &readable, &warning);
	free(warning);
	tap_ok(rc == 0 && !unchanged && full.n == 2, "unchanged: a first sync reads the articles");
	so.known = store_generation(st);
	warning = NULL;
	rc = store_sync(st, roots, 2, &so, &same, &readable, &warning);
	free(warning);
	tap_ok(rc == 0 && unchanged && same.n == 0, "unchanged: a second one reads none");
	bool alike = full.nwarnings == same.nwarnings && full.nwarnings >= 2;
	for (size_t i = 0; alike && i < full.nwarnings; i++)
		alike = strcmp(full.warnings[i], same.warnings[i]) == 0;
	tap_ok(alike, "unchanged: and says the same warnings, in their order");
	collection_free(&same);
	collection_init(&same);
	write_file(a, "The bridge opened on 3 May 2004, and was widened.");
	warning = NULL;
	rc = store_sync(st, roots, 2, &so, &same, &readable, &warning);
	free(warning);
	tap_ok(rc == 0 && !unchanged && same.n == 2, "unchanged: after an edit, every article again");
	collection_free(&full);
	collection_free(&same);
	store_close(st);
}

/* The ids of col's articles, in order, into out: "a b c". */
static void col_ids(const struct collection *col, char *out, size_t cap)
{
	out[0] = '\0';
	for (size_t i = 0; i < col->n; i++) {
		size_t len = strlen(out);
		snprintf(out + len, cap - len, "%s%s", i ? " " : "", col->items[i].id);
	}
}

/* Articles are read in the table's own order and put by file: rows given out
 * in another order than their files' (moved here by hand) change nothing. */
static void test_row_order(const char *base)
{
	char root[2100], path[2200];
	snprintf(root, sizeof root, "%s/order", base);
	mkdir(root, 0755);
	const char *names[] = { "a", "b", "c" };
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s.txt", root, names[i]);
		write_file(path, "The same day for all three.");
	}
	const char *roots[] = { root };
	char *warning = NULL;
	struct store *st = store_open(roots, 1, &warning);
	free(warning);
	if (!st || sync_col(st, root) != 3) {
		tap_ok(false, "row order: an index of three articles");
		store_close(st);
		return;
	}
	int rc = db_exec(st->db, "UPDATE articles SET id = id + 1000"
			 " WHERE file = (SELECT min(file) FROM articles)");
	tap_int_eq(rc, SQLITE_OK, "row order: the first file's articles moved to the end");
	struct store_sync_opts so = { .datadir = ANNALS_SRCDATADIR, .jobs = 1 };
	struct collection synced, peeked;
	collection_init(&synced);
	collection_init(&peeked);
	size_t readable = 0;
	warning = NULL;
	rc = store_sync(st, roots, 1, &so, &synced, &readable, &warning);
	free(warning);
	char ids[64];
	col_ids(&synced, ids, sizeof ids);
	tap_ok(rc == 0 && strcmp(ids, "a b c") == 0, "row order: the sync finds every article (%s)", ids);
	rc = store_peek(st, ANNALS_SRCDATADIR, &peeked);
	col_ids(&peeked, ids, sizeof ids);
	tap_ok(rc == 0 && strcmp(ids, "a b c") == 0, "row order: and so does a peek (%s)", ids);
	collection_free(&synced);
	collection_free(&peeked);
	store_close(st);
}

/* The rows of root's articles a.txt and b.txt after a sync, into ra and rb. */
static bool sync_rows(struct store *st, const char *root, long long *ra, long long *rb)
{
	struct store_sync_opts so = { .datadir = ANNALS_SRCDATADIR, .jobs = 1 };
	struct collection col;
	collection_init(&col);
	size_t readable = 0;
	char *warning = NULL;
	bool ok = store_sync(st, &root, 1, &so, &col, &readable, &warning) == 0 && col.n == 2;
	free(warning);
	for (size_t i = 0; ok && i < col.n; i++) {
		const char *slash = strrchr(col.items[i].path, '/');
		*(strcmp(slash ? slash + 1 : col.items[i].path, "a.txt") == 0 ? ra : rb) =
			col.items[i].row;
	}
	collection_free(&col);
	return ok;
}

/* Whether the index keeps bytes want for the pair (a, la) (b, lb). */
static bool pair_is(struct store *st, long long a, long long b, const char *la, const char *lb,
		    bool words, const char *want)
{
	size_t len = 0;
	char *got = store_pair_get(st, a, b, la, lb, words, &len);
	bool is = want ? got && len == strlen(want) && memcmp(got, want, len) == 0 : !got;
	free(got);
	return is;
}

/* What aligning two texts told is kept under their rows, languages and
 * whether words were asked, and goes when either article is read again. */
static void test_pairs(const char *base)
{
	char root[2100], a[2200], b[2200];
	snprintf(root, sizeof root, "%s/pairs", base);
	mkdir(root, 0755);
	struct store *st = open_pair(root, a, b, sizeof a, "The bridge opened on 3 May 2004.",
				     "A fire broke out on 12 March 1998.");
	long long ra = -1, rb = -1;
	if (!st || !sync_rows(st, root, &ra, &rb)) {
		tap_ok(false, "pairs: an index of two articles");
		store_close(st);
		return;
	}
	store_pair_put(st, ra, rb, "en", "fr", false, "one", 3);
	store_pair_put(st, ra, rb, "en", "fr", true, "two", 3);
	store_pair_put(st, rb, rb, "en", "zh-Hans", false, "own", 3);
	store_derived_done(st);
	tap_ok(pair_is(st, ra, rb, "en", "fr", false, "one") &&
	       pair_is(st, ra, rb, "en", "fr", true, "two") &&
	       pair_is(st, rb, rb, "en", "zh-Hans", false, "own"), "pairs: kept, each its own");
	tap_ok(pair_is(st, ra, rb, "fr", "en", false, NULL) &&
	       pair_is(st, rb, ra, "en", "fr", false, NULL), "pairs: none for other languages or rows");
	write_file(a, "The bridge opened on 3 May 2004 and closed in 2011.");
	long long ra2 = -1, rb2 = -1;
	tap_ok(sync_rows(st, root, &ra2, &rb2) && rb2 == rb, "pairs: a.txt edited, b.txt kept");
	tap_ok(pair_is(st, ra, rb, "en", "fr", false, NULL) &&
	       pair_is(st, ra, rb, "en", "fr", true, NULL), "pairs: those of the edited article go");
	tap_ok(pair_is(st, rb, rb, "en", "zh-Hans", false, "own"), "pairs: the others stay");
	store_close(st);
}

int main(void)
{
	test_doubt();
	test_toks();
	test_feed();
	char root[2048];
	snprintf(root, sizeof root, "%s/tests/test_store.scratch", ANNALS_BUILDDIR);
	char cmd[2200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0 || mkdir(root, 0755) != 0) {
		printf("Bail out! cannot make %s\n", root);
		return 1;
	}
	char a[2100], b[2100];
	struct store *st = open_pair(root, a, b, sizeof a, "A zebra crossed the road.",
				     "Nothing to see here.");
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
	test_publish(root);
	test_event_texts(root);
	test_unchanged(root);
	test_row_order(root);
	test_pairs(root);
	return tap_done();
}
