/* store_events.c: the events of the collection, kept in the index once derived
 * (events.h), so that the timeline and the browser do not derive them again
 * while no file changed. Events and their groups depend on the whole
 * collection: they are kept whole, with the generation of the index they were
 * derived from (meta 'gen', raised by every sync that changed a file), and used
 * only while it is still the index's generation.
 *
 * An event is kept as its bytes (its text apart, its article as the article's
 * row): the index is started afresh whenever the program changes (the
 * fingerprint names the executable), so the layout of struct event is always
 * this program's, whatever fields it gains. Each event is a row of events,
 * with its text, for the commands (which print them all) and for one text at a
 * time (store_event_text); the same bytes, thousands to a row of event_chunks,
 * are what the browser reads at every start (store_events_load_bare). */
#include <config.h>
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "xalloc.h"

static long long store_meta_int(struct store *st, const char *key, int *rc)
{
	sqlite3_stmt *q;
	long long v = -1;
	*rc = sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = ?", -1, &q, NULL);
	if (*rc != SQLITE_OK)
		return -1;
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	*rc = sqlite3_step(q);
	if (*rc == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	*rc = *rc == SQLITE_ROW || *rc == SQLITE_DONE ? SQLITE_OK : *rc;
	sqlite3_finalize(q);
	return v;
}

int store_bump_gen(struct store *st)
{
	return db_exec(st->db, "INSERT INTO meta VALUES ('gen', '1') ON CONFLICT(key) DO UPDATE"
			       " SET value = CAST(value AS INTEGER) + 1;"
			       "DELETE FROM meta WHERE key = 'events';");
}

long long store_gen(struct store *st)
{
	int rc;
	long long g = store_meta_int(st, "gen", &rc);
	return rc == SQLITE_OK ? (g < 0 ? 0 : g) : -1;
}

/* Whether the index keeps the events of col as it is; then the map of its
 * rows in *rows (collection_rows_free it). */
static bool store_events_kept(struct store *st, const struct collection *col,
			      struct collection_rows *rows)
{
	int rc;
	long long have = store_meta_int(st, "events", &rc);
	return rc == SQLITE_OK && have >= 0 && have == st->gen && collection_rows_make(rows, col);
}

struct event_list *store_events_load(struct store *st, const struct collection *col)
{
	struct collection_rows rows;
	if (!store_events_kept(st, col, &rows))
		return NULL;
	sqlite3_stmt *q;
	struct event_list *ev = xcalloc(1, sizeof *ev);
	size_t cap = 0;
	/* Every event is read once, through a reader's cache. */
	int cache = st->cache_kib;
	store_cache(st, STORE_CACHE_READER);
	int rc = sqlite3_prepare_v2(st->db, "SELECT article, raw, text FROM events ORDER BY seq", -1, &q,
				NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		size_t at = collection_rows_find(&rows, sqlite3_column_int64(q, 0));
		if (at == (size_t)-1 || sqlite3_column_bytes(q, 1) != (int)sizeof(struct event)) {
			rc = SQLITE_MISMATCH;
			break;
		}
		xgrow((void **)&ev->v, &cap, ev->n + 1, sizeof *ev->v);
		struct event *e = &ev->v[ev->n++];
		memcpy(e, sqlite3_column_blob(q, 1), sizeof *e);
		e->article = at;
		const unsigned char *t = sqlite3_column_text(q, 2);
		e->text = t ? xstrdup((const char *)t) : NULL;
	}
	sqlite3_finalize(q);
	store_cache(st, cache);
	collection_rows_free(&rows);
	if (rc != SQLITE_DONE) {
		events_free(ev);
		return NULL;
	}
	return ev;
}

/* Events to a row of event_chunks: a few hundred KiB each. */
#define STORE_EVENT_CHUNK 4096

struct event_list *store_events_load_bare(struct store *st, const struct collection *col)
{
	struct collection_rows rows;
	if (!store_events_kept(st, col, &rows))
		return NULL;
	sqlite3_stmt *q;
	struct event_list *ev = xcalloc(1, sizeof *ev);
	size_t cap = 0;
	/* One read transaction: the chunks all of one saving. */
	int rc = db_exec(st->db, "BEGIN");
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, "SELECT rows, raw FROM event_chunks ORDER BY seq", -1, &q, NULL);
	else
		q = NULL;
	while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		size_t nrows = (size_t)sqlite3_column_bytes(q, 0) / sizeof(int64_t);
		size_t nraw = (size_t)sqlite3_column_bytes(q, 1);
		const unsigned char *rb = sqlite3_column_blob(q, 0), *eb = sqlite3_column_blob(q, 1);
		if (nrows == 0 || nrows > STORE_EVENT_CHUNK || nraw != nrows * sizeof(struct event) ||
		    (size_t)sqlite3_column_bytes(q, 0) != nrows * sizeof(int64_t)) {
			rc = SQLITE_MISMATCH;
			break;
		}
		xgrow((void **)&ev->v, &cap, ev->n + nrows, sizeof *ev->v);
		memcpy(&ev->v[ev->n], eb, nraw);
		for (size_t k = 0; k < nrows && rc == SQLITE_OK; k++) {
			int64_t row;
			memcpy(&row, rb + k * sizeof row, sizeof row);
			size_t at = collection_rows_find(&rows, row);
			if (at == (size_t)-1)
				rc = SQLITE_MISMATCH;
			ev->v[ev->n + k].article = at;
			ev->v[ev->n + k].text = NULL;
		}
		ev->n += rc == SQLITE_OK ? nrows : 0;
	}
	sqlite3_finalize(q);
	db_exec(st->db, "COMMIT");
	collection_rows_free(&rows);
	if (rc != SQLITE_DONE) {
		events_free(ev);
		return NULL;
	}
	return ev;
}

/* ev's bytes into event_chunks, in the transaction that writes events. */
static int store_events_chunks(struct store *st, const struct collection *col,
			       const struct event_list *ev)
{
	sqlite3_stmt *q = NULL;
	int rc = db_exec(st->db, "DELETE FROM event_chunks");
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, "INSERT INTO event_chunks(seq, rows, raw) VALUES (?,?,?)",
					-1, &q, NULL);
	int64_t *rows = xcalloc(STORE_EVENT_CHUNK, sizeof *rows);
	struct event *raw = xcalloc(STORE_EVENT_CHUNK, sizeof *raw);
	for (size_t i = 0; rc == SQLITE_OK && i < ev->n; i += STORE_EVENT_CHUNK) {
		size_t k = ev->n - i < STORE_EVENT_CHUNK ? ev->n - i : STORE_EVENT_CHUNK;
		for (size_t j = 0; j < k; j++) {
			raw[j] = ev->v[i + j];
			raw[j].text = NULL;
			rows[j] = col->items[raw[j].article].row;
		}
		sqlite3_bind_int64(q, 1, (sqlite3_int64)(i / STORE_EVENT_CHUNK));
		sqlite3_bind_blob(q, 2, rows, (int)(k * sizeof *rows), SQLITE_STATIC);
		sqlite3_bind_blob(q, 3, raw, (int)(k * sizeof *raw), SQLITE_STATIC);
		rc = sqlite3_step(q);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(q);
	}
	free(rows);
	free(raw);
	sqlite3_finalize(q);
	return rc;
}

char *store_event_text(struct store *st, size_t seq, long long row, const struct event *e)
{
	/* Prepared once: the timeline asks for a screenful at a time. */
	if (!st->event_text &&
	    sqlite3_prepare_v2(st->db, "SELECT article, raw, text FROM events WHERE seq = ?", -1,
			       &st->event_text, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_stmt *q = st->event_text;
	sqlite3_bind_int64(q, 1, (sqlite3_int64)seq);
	char *text = NULL;
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int64(q, 0) == row &&
	    sqlite3_column_bytes(q, 1) == (int)sizeof *e) {
		/* The same event as loaded: its bytes, but for the two fields that
		 * loading set (its place in the collection, and the text). */
		struct event kept, want = *e;
		memcpy(&kept, sqlite3_column_blob(q, 1), sizeof kept);
		kept.article = want.article;
		kept.text = want.text = NULL;
		const unsigned char *t = sqlite3_column_text(q, 2);
		if (t && memcmp(&kept, &want, sizeof kept) == 0)
			text = xstrdup((const char *)t);
	}
	sqlite3_reset(q);
	return text;
}

void store_events_save(struct store *st, const struct collection *col, const struct event_list *ev)
{
	struct collection_rows rows;
	if (!collection_rows_make(&rows, col))
		return;
	collection_rows_free(&rows);
	int rc = db_exec(st->db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return;
	/* Only for the generation they were derived from: another annals may have
	 * read changed files meanwhile. */
	if (store_gen(st) != st->gen) {
		db_exec(st->db, "ROLLBACK");
		return;
	}
	sqlite3_stmt *q = NULL;
	rc = db_exec(st->db, "DELETE FROM events");
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, "INSERT INTO events(seq, article, text, raw) VALUES (?,?,?,?)",
					-1, &q, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < ev->n; i++) {
		struct event e = ev->v[i];
		e.text = NULL;
		sqlite3_bind_int64(q, 1, (sqlite3_int64)i);
		sqlite3_bind_int64(q, 2, col->items[e.article].row);
		if (ev->v[i].text)
			sqlite3_bind_text(q, 3, ev->v[i].text, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(q, 3);
		sqlite3_bind_blob(q, 4, &e, (int)sizeof e, SQLITE_TRANSIENT);
		rc = sqlite3_step(q);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	if (rc == SQLITE_OK)
		rc = store_events_chunks(st, col, ev);
	if (rc == SQLITE_OK) {
		char *sql = xasprintf("INSERT OR REPLACE INTO meta VALUES ('events', '%lld')", st->gen);
		rc = db_exec(st->db, sql);
		free(sql);
	}
	rc = rc == SQLITE_OK ? db_exec(st->db, "COMMIT") : rc;
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(st->db))
		db_exec(st->db, "ROLLBACK");
}

/* ---- what was derived from one article ---- */

/* The bytes of the first column of the row bound query q finds, malloc'd
 * (*len of them); NULL when it finds none. Leaves q ready to be bound again. */
static void *store_blob_of(sqlite3_stmt *q, size_t *len)
{
	void *out = NULL;
	if (sqlite3_step(q) == SQLITE_ROW) {
		int n = sqlite3_column_bytes(q, 0);
		const void *b = sqlite3_column_blob(q, 0);
		if (b && n > 0) {
			out = xmalloc((size_t)n);
			memcpy(out, b, (size_t)n);
			*len = (size_t)n;
		}
	}
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return out;
}

void *store_derived_get(struct store *st, long long row, size_t *len)
{
	if (!st->derived_get &&
	    sqlite3_prepare_v2(st->db, "SELECT raw FROM derived WHERE article = ?", -1,
			       &st->derived_get, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st->derived_get, 1, row);
	return store_blob_of(st->derived_get, len);
}

/* Gives up the puts' transaction (store_derived_stmt), and every put after it. */
static void store_derived_fail(struct store *st)
{
	st->derived_failed = true;
	if (!sqlite3_get_autocommit(st->db))
		db_exec(st->db, "ROLLBACK");
	st->derived_open = false;
}

/* Put statement *q (prepared from sql when first needed). All that is kept
 * goes in one transaction, begun with the first put, and only while the index
 * is still the one the articles were read from: another annals may have read
 * changed files into the same rows meanwhile. NULL when it cannot be begun,
 * or an earlier put failed. */
static sqlite3_stmt *store_derived_stmt(struct store *st, sqlite3_stmt **q, const char *sql)
{
	if (st->derived_failed)
		return NULL;
	if (!st->derived_open) {
		int rc = db_exec(st->db, "BEGIN IMMEDIATE");
		if (rc == SQLITE_OK && store_gen(st) != st->gen)
			rc = SQLITE_ABORT;
		if (rc != SQLITE_OK) {
			store_derived_fail(st);
			return NULL;
		}
		st->derived_open = true;
	}
	if (!*q && sqlite3_prepare_v2(st->db, sql, -1, q, NULL) != SQLITE_OK) {
		*q = NULL;
		store_derived_fail(st);
	}
	return *q;
}

static void store_derived_step(struct store *st, sqlite3_stmt *q)
{
	bool done = sqlite3_step(q) == SQLITE_DONE;
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	if (!done)
		store_derived_fail(st);
}

void store_derived_put(struct store *st, long long row, const void *raw, size_t len)
{
	sqlite3_stmt *q = store_derived_stmt(st, &st->derived_put, "INSERT OR REPLACE INTO"
					     " derived(article, raw) VALUES (?, ?)");
	if (!q)
		return;
	sqlite3_bind_int64(q, 1, row);
	sqlite3_bind_blob(q, 2, raw, (int)len, SQLITE_STATIC);
	store_derived_step(st, q);
}

void *store_pair_get(struct store *st, long long a, long long b, const char *la, const char *lb,
		     bool words, size_t *len)
{
	if (!st->pair_get &&
	    sqlite3_prepare_v2(st->db, "SELECT raw FROM pairs WHERE a = ? AND b = ? AND la = ?"
				       " AND lb = ? AND words = ?", -1, &st->pair_get, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_stmt *q = st->pair_get;
	sqlite3_bind_int64(q, 1, a);
	sqlite3_bind_int64(q, 2, b);
	sqlite3_bind_text(q, 3, la, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, lb, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 5, words);
	return store_blob_of(q, len);
}

void store_pair_put(struct store *st, long long a, long long b, const char *la, const char *lb,
		    bool words, const void *raw, size_t len)
{
	sqlite3_stmt *q = store_derived_stmt(st, &st->pair_put, "INSERT OR REPLACE INTO"
					     " pairs(a, b, la, lb, words, raw) VALUES (?, ?, ?, ?, ?, ?)");
	if (!q)
		return;
	sqlite3_bind_int64(q, 1, a);
	sqlite3_bind_int64(q, 2, b);
	sqlite3_bind_text(q, 3, la, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, lb, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 5, words);
	sqlite3_bind_blob(q, 6, raw, (int)len, SQLITE_STATIC);
	store_derived_step(st, q);
}

void store_derived_done(struct store *st)
{
	sqlite3_stmt **q[] = { &st->derived_get, &st->derived_put, &st->pair_get, &st->pair_put };
	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		sqlite3_finalize(*q[i]);
		*q[i] = NULL;
	}
	if (st->derived_open && db_exec(st->db, "COMMIT") != SQLITE_OK &&
	    !sqlite3_get_autocommit(st->db))
		db_exec(st->db, "ROLLBACK");
	st->derived_open = false;
	st->derived_failed = false;
}
