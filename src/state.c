/* state.c: the reading state (state.h), and the only SQL for it. */
#include <config.h>
#include "state.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "xalloc.h"

/* Steps are only ever appended (db.h). */
static const char *const state_steps[] = {
	"CREATE TABLE article("
	"  id TEXT NOT NULL, hash TEXT NOT NULL,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  marked INTEGER NOT NULL DEFAULT 0,"       /* when it was marked; 0: not marked */
	"  para INTEGER, off INTEGER,"               /* the position read last, or NULL */
	"  seen INTEGER NOT NULL DEFAULT 0,"         /* last time it was in the collection */
	"  PRIMARY KEY(id, hash)) WITHOUT ROWID;"
	"CREATE TABLE event_mark("
	"  id TEXT NOT NULL, hash TEXT NOT NULL, para INTEGER NOT NULL, start INTEGER NOT NULL,"
	"  made INTEGER NOT NULL, seen INTEGER NOT NULL,"
	"  PRIMARY KEY(id, hash, para, start)) WITHOUT ROWID;"
	"CREATE TABLE history(n INTEGER PRIMARY KEY, id TEXT NOT NULL, hash TEXT NOT NULL);"
	"CREATE TABLE place(k INTEGER PRIMARY KEY CHECK (k = 1),"
	"  pane INTEGER NOT NULL, id TEXT, hash TEXT, para INTEGER, off INTEGER,"
	"  a_id TEXT, a_hash TEXT, a_lang TEXT, b_id TEXT, b_hash TEXT, b_lang TEXT);",
};
static const struct db_schema state_schema = { .name = "state", .version = 1, .steps = state_steps };

void state_hash(const struct article *a, char out[STATE_HASH_LEN + 1])
{
	/* FNV-1a, 64 bits: a name for the content, not a defence against anyone. */
	uint64_t h = 14695981039346656037ULL;
	const char *parts[2] = { a->title ? a->title : "", NULL };
	for (size_t i = 0; i <= a->npara; i++) {
		const char *s = i == 0 ? parts[0] : a->paras[i - 1].text;
		for (; s && *s; s++) {
			h ^= (unsigned char)*s;
			h *= 1099511628211ULL;
		}
		/* A separator, so that moving text across paragraphs changes it. */
		h ^= 0xff;
		h *= 1099511628211ULL;
	}
	snprintf(out, STATE_HASH_LEN + 1, "%016llx", (unsigned long long)h);
}

char *state_path(const char *const *paths, size_t npaths, char **warning)
{
	char *dir = db_dir(DB_STATE, warning);
	if (dir == NULL)
		return NULL;
	char *name = db_set_name("state", paths, npaths);
	char *path = db_join(dir, name);
	free(name);
	free(dir);
	return path;
}

/* An article's hash, made the first time it is needed: at start only the
 * articles the store names are hashed, not the whole collection. */
static const char *state_hash_of(const struct state *st, size_t a)
{
	if (st->hash[a][0] == '\0') {
		collection_body(st->col, &st->col->items[a]);
		state_hash(&st->col->items[a], st->hash[a]);
	}
	return st->hash[a];
}

/* ---- finding an article by id and hash */

/* The articles by id, in a table of chains: made in one pass at every start,
 * where sorting 100,000 ids cost a tenth of the first screen. */
struct state_finder {
	size_t *head;                   /* per bucket: first article + 1, or 0 */
	size_t *next;                   /* per article: next in its chain + 1, or 0 */
	size_t mask;                    /* buckets - 1 (a power of two) */
};

/* FNV-1a: ids are short and the table only needs them spread. */
static size_t state_id_hash(const char *id)
{
	uint64_t h = 14695981039346656037u;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return (size_t)(h ^ (h >> 32));
}

static void state_finder_init(struct state_finder *f, const struct collection *col)
{
	size_t buckets = 16;
	while (buckets < col->n * 2)
		buckets *= 2;
	f->mask = buckets - 1;
	f->head = xcalloc(buckets, sizeof *f->head);
	f->next = xcalloc(col->n ? col->n : 1, sizeof *f->next);
	/* Backwards, so that each chain lists its articles in collection order. */
	for (size_t i = col->n; i-- > 0;) {
		size_t b = state_id_hash(col->items[i].id) & f->mask;
		f->next[i] = f->head[b];
		f->head[b] = i + 1;
	}
}

static void state_finder_free(struct state_finder *f)
{
	free(f->head);
	free(f->next);
}

/* The article with id and hash, or STATE_NONE. */
static size_t state_find(const struct state *st, const struct state_finder *f, const char *id,
			 const char *hash)
{
	if (id == NULL || hash == NULL)
		return STATE_NONE;
	for (size_t k = f->head[state_id_hash(id) & f->mask]; k; k = f->next[k - 1])
		if (strcmp(st->col->items[k - 1].id, id) == 0 &&
		    strcmp(state_hash_of(st, k - 1), hash) == 0)
			return k - 1;
	return STATE_NONE;
}

/* ---- writing */

/* The first problem, translated, kept for the status line. */
static void state_warn(struct state *st, char *msg)
{
	if (st->warning == NULL)
		st->warning = msg;
	else
		free(msg);
}

static void state_write_failed(struct state *st, int rc)
{
	if (st->write_failed)
		return;
	st->write_failed = true;
	const char *why = (rc & 0xff) == SQLITE_FULL ? _("the disk is full")
			: (rc & 0xff) == SQLITE_BUSY ? _("locked by another process")
			: sqlite3_errstr(rc);
	state_warn(st, xasprintf(_("the reading state could not be saved (%s)"), why));
}

/* Binds args by types: 's' text (NULL: SQL NULL), 'i' 64-bit integer. */
static int state_bind(sqlite3_stmt *q, const char *types, va_list ap)
{
	int rc = SQLITE_OK;
	for (int k = 0; types[k] && rc == SQLITE_OK; k++) {
		if (types[k] == 's') {
			const char *s = va_arg(ap, const char *);
			rc = s ? sqlite3_bind_text(q, k + 1, s, -1, SQLITE_TRANSIENT)
			       : sqlite3_bind_null(q, k + 1);
		} else {
			rc = sqlite3_bind_int64(q, k + 1, va_arg(ap, int64_t));
		}
	}
	return rc;
}

/* Runs one statement with its arguments; its own transaction (autocommit). */
static bool state_exec(struct state *st, const char *sql, const char *types, ...)
{
	if (st->db == NULL)
		return false;
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
	if (rc == SQLITE_OK) {
		va_list ap;
		va_start(ap, types);
		rc = state_bind(q, types, ap);
		va_end(ap);
		if (rc == SQLITE_OK)
			rc = sqlite3_step(q);
		sqlite3_finalize(q);
	}
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return true;
	state_write_failed(st, rc);
	return false;
}

/* Makes sure the article has its row (INSERT OR IGNORE), then runs sql on it. */
static bool state_upsert(struct state *st, size_t a, const char *sql, const char *types, ...)
{
	if (st->db == NULL || a >= st->n)
		return false;
	const char *id = st->col->items[a].id;
	const char *hash = state_hash_of(st, a);
	/* One transaction for the two, so that no half of it is ever seen. */
	if (!state_exec(st, "BEGIN IMMEDIATE", ""))
		return false;
	bool ok = state_exec(st, "INSERT OR IGNORE INTO article(id, hash, seen) VALUES(?, ?, ?)",
			     "ssi", id, hash, (int64_t)st->now);
	if (ok) {
		sqlite3_stmt *q;
		int rc = sqlite3_prepare_v2(st->db, sql, -1, &q, NULL);
		if (rc == SQLITE_OK) {
			va_list ap;
			va_start(ap, types);
			rc = state_bind(q, types, ap);
			va_end(ap);
			int n = (int)strlen(types);
			if (rc == SQLITE_OK)
				rc = sqlite3_bind_text(q, n + 1, id, -1, SQLITE_STATIC);
			if (rc == SQLITE_OK)
				rc = sqlite3_bind_text(q, n + 2, hash, -1, SQLITE_STATIC);
			if (rc == SQLITE_OK)
				rc = sqlite3_step(q);
			sqlite3_finalize(q);
		}
		ok = rc == SQLITE_DONE;
		if (!ok)
			state_write_failed(st, rc);
	}
	if (ok && state_exec(st, "COMMIT", ""))
		return true;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return false;
}

/* ---- reading */

static const char *state_col_text(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

static void state_add_mark(struct state *st, struct state_mark m)
{
	xgrow((void **)&st->marks, &st->capmarks, st->nmarks + 1, sizeof *st->marks);
	st->marks[st->nmarks++] = m;
}

/* Reads every table; entries of articles no longer in the collection are skipped. */
static int state_load(struct state *st, const struct state_finder *f, time_t now, bool *tidy)
{
	sqlite3_stmt *q;
	/* Marks of articles and of events, in the order they were made. */
	int rc = sqlite3_prepare_v2(st->db,
		"SELECT id, hash, read, marked, para, off, 0 AS ev, 0 AS start, seen FROM article "
		"UNION ALL SELECT id, hash, 0, made, para, NULL, 1, start, seen FROM event_mark "
		"ORDER BY 4", -1, &q, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		size_t a = state_find(st, f, state_col_text(q, 0), state_col_text(q, 1));
		int64_t seen = sqlite3_column_int64(q, 8);
		/* Tidying is for entries seen over a day ago, or gone too long. */
		if ((a != STATE_NONE && seen < (int64_t)now - 86400) ||
		    seen < (int64_t)now - (int64_t)STATE_KEEP_DAYS * 86400)
			*tidy = true;
		if (a == STATE_NONE)
			continue;
		int64_t marked = sqlite3_column_int64(q, 3);
		int64_t para = sqlite3_column_int64(q, 4);
		if (sqlite3_column_int(q, 6)) {
			if (para >= 0 && collection_body(st->col, &st->col->items[a]) &&
			    (size_t)para < st->col->items[a].npara)
				state_add_mark(st, (struct state_mark){ a, true, (size_t)para,
						(size_t)sqlite3_column_int64(q, 7) });
			continue;
		}
		struct state_article *sa = &st->a[a];
		sa->read = sqlite3_column_int(q, 2) != 0;
		sa->marked = marked != 0;
		if (sa->marked)
			state_add_mark(st, (struct state_mark){ a, false, 0, 0 });
		if (sqlite3_column_type(q, 4) != SQLITE_NULL && para >= 0) {
			sa->has_pos = true;
			sa->para = (size_t)para;
			sa->off = (size_t)sqlite3_column_int64(q, 5);
		}
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return rc;
	rc = sqlite3_prepare_v2(st->db, "SELECT id, hash FROM history ORDER BY n", -1, &q, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		size_t a = state_find(st, f, state_col_text(q, 0), state_col_text(q, 1));
		if (a == STATE_NONE || (st->nhistory && st->history[st->nhistory - 1] == a))
			continue;
		xgrow((void **)&st->history, &st->caphistory, st->nhistory + 1, sizeof *st->history);
		st->history[st->nhistory++] = a;
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return rc;
	rc = sqlite3_prepare_v2(st->db,
		"SELECT pane, id, hash, para, off, a_id, a_hash, a_lang, b_id, b_hash, b_lang "
		"FROM place WHERE k = 1", -1, &q, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct state_place *p = &st->place;
		p->valid = true;
		p->pane = sqlite3_column_int(q, 0);
		p->article = state_find(st, f, state_col_text(q, 1), state_col_text(q, 2));
		p->para = (size_t)sqlite3_column_int64(q, 3);
		p->off = (size_t)sqlite3_column_int64(q, 4);
		p->split_a = state_find(st, f, state_col_text(q, 5), state_col_text(q, 6));
		p->split_b = state_find(st, f, state_col_text(q, 8), state_col_text(q, 9));
		snprintf(p->split_lang_a, LANG_TAG_MAX, "%s", state_col_text(q, 7) ? state_col_text(q, 7) : "");
		snprintf(p->split_lang_b, LANG_TAG_MAX, "%s", state_col_text(q, 10) ? state_col_text(q, 10) : "");
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return rc;
	return SQLITE_OK;
}

/* Entries of articles in the collection are seen now; those missing for
 * STATE_KEEP_DAYS go. One transaction; a failure here changes nothing. Run
 * at start when an entry was last seen over a day ago, so that most starts
 * write nothing. */
static void state_tidy(struct state *st, time_t now)
{
	if (!state_exec(st, "BEGIN IMMEDIATE", ""))
		return;
	bool ok = true;
	sqlite3_stmt *q[2] = { NULL, NULL };
	ok = sqlite3_prepare_v2(st->db, "UPDATE article SET seen = ? WHERE id = ? AND hash = ?",
				-1, &q[0], NULL) == SQLITE_OK &&
	     sqlite3_prepare_v2(st->db, "UPDATE event_mark SET seen = ? WHERE id = ? AND hash = ?",
				-1, &q[1], NULL) == SQLITE_OK;
	/* Only the articles with an entry (their hash is made already). */
	for (size_t a = 0; ok && a < st->n; a++) {
		if (st->hash[a][0] == '\0')
			continue;
		for (int k = 0; k < 2 && ok; k++) {
			sqlite3_reset(q[k]);
			sqlite3_bind_int64(q[k], 1, (int64_t)now);
			sqlite3_bind_text(q[k], 2, st->col->items[a].id, -1, SQLITE_STATIC);
			sqlite3_bind_text(q[k], 3, state_hash_of(st, a), -1, SQLITE_STATIC);
			ok = sqlite3_step(q[k]) == SQLITE_DONE;
		}
	}
	sqlite3_finalize(q[0]);
	sqlite3_finalize(q[1]);
	int64_t old = (int64_t)now - (int64_t)STATE_KEEP_DAYS * 86400;
	ok = ok && state_exec(st, "DELETE FROM article WHERE seen < ?", "i", old) &&
	     state_exec(st, "DELETE FROM event_mark WHERE seen < ?", "i", old) &&
	     state_exec(st, "DELETE FROM history WHERE n <= (SELECT max(n) FROM history) - ?", "i",
			(int64_t)STATE_HISTORY_MAX);
	if (ok && state_exec(st, "COMMIT", ""))
		return;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void state_open(struct state *st, const struct collection *col, const char *path, time_t now)
{
	memset(st, 0, sizeof *st);
	st->col = col;
	st->n = col->n;
	st->now = now;
	st->a = xcalloc(col->n ? col->n : 1, sizeof *st->a);
	st->hash = xcalloc(col->n ? col->n : 1, sizeof *st->hash);
	st->place.article = st->place.split_a = st->place.split_b = STATE_NONE;
	if (path == NULL)
		return;
	char *warning = NULL;
	st->db = (struct sqlite3 *)db_open(path, &state_schema, &warning);
	if (warning)
		state_warn(st, warning);
	if (st->db == NULL)
		return;
	struct state_finder f;
	state_finder_init(&f, col);
	bool tidy = false;
	int rc = state_load(st, &f, now, &tidy);
	state_finder_free(&f);
	if (rc != SQLITE_OK) {
		/* Damage found while reading: what was read stays, nothing more is written. */
		state_warn(st, xasprintf(_("%s: cannot read the reading state (%s); going on without it"),
					 path, sqlite3_errstr(rc)));
		db_close(st->db);
		st->db = NULL;
		return;
	}
	if (tidy)
		state_tidy(st, now);
}

void state_grow(struct state *st)
{
	size_t n = st->col->n;
	if (n <= st->n)
		return;
	st->a = xrealloc(st->a, n * sizeof *st->a);
	st->hash = xrealloc(st->hash, n * sizeof *st->hash);
	memset(st->a + st->n, 0, (n - st->n) * sizeof *st->a);
	memset(st->hash + st->n, 0, (n - st->n) * sizeof *st->hash);
	st->n = n;
}

void state_close(struct state *st)
{
	db_close(st->db);
	free(st->a);
	free(st->hash);
	free(st->marks);
	free(st->history);
	free(st->warning);
	memset(st, 0, sizeof *st);
}

bool state_set_read(struct state *st, size_t a, bool read)
{
	if (a >= st->n)
		return false;
	st->a[a].read = read;
	return state_upsert(st, a, "UPDATE article SET read = ? WHERE id = ? AND hash = ?", "i",
			    (int64_t)read);
}

bool state_set_marked(struct state *st, size_t a, bool marked)
{
	if (a >= st->n)
		return false;
	if (st->a[a].marked != marked) {
		st->a[a].marked = marked;
		if (marked) {
			state_add_mark(st, (struct state_mark){ a, false, 0, 0 });
		} else {
			size_t o = 0;
			for (size_t i = 0; i < st->nmarks; i++)
				if (st->marks[i].event || st->marks[i].article != a)
					st->marks[o++] = st->marks[i];
			st->nmarks = o;
		}
	}
	return state_upsert(st, a, "UPDATE article SET marked = ? WHERE id = ? AND hash = ?", "i",
			    marked ? (int64_t)time(NULL) : (int64_t)0);
}

bool state_event_marked(const struct state *st, size_t a, size_t para, size_t start)
{
	for (size_t i = 0; i < st->nmarks; i++) {
		const struct state_mark *m = &st->marks[i];
		if (m->event && m->article == a && m->para == para && m->start == start)
			return true;
	}
	return false;
}

bool state_any_mark(const struct state *st, size_t a)
{
	for (size_t i = 0; i < st->nmarks; i++)
		if (st->marks[i].article == a)
			return true;
	return false;
}

bool state_toggle_event_mark(struct state *st, size_t a, size_t para, size_t start)
{
	if (a >= st->n)
		return false;
	const char *id = st->col->items[a].id, *hash = state_hash_of(st, a);
	if (state_event_marked(st, a, para, start)) {
		size_t o = 0;
		for (size_t i = 0; i < st->nmarks; i++) {
			const struct state_mark *m = &st->marks[i];
			if (!(m->event && m->article == a && m->para == para && m->start == start))
				st->marks[o++] = *m;
		}
		st->nmarks = o;
		state_exec(st, "DELETE FROM event_mark WHERE id = ? AND hash = ? AND para = ? AND start = ?",
			   "ssii", id, hash, (int64_t)para, (int64_t)start);
		return false;
	}
	state_add_mark(st, (struct state_mark){ a, true, para, start });
	state_exec(st, "INSERT OR REPLACE INTO event_mark(id, hash, para, start, made, seen) "
		   "VALUES(?, ?, ?, ?, ?, ?)", "ssiiii", id, hash, (int64_t)para, (int64_t)start,
		   (int64_t)time(NULL), (int64_t)st->now);
	return true;
}

bool state_set_position(struct state *st, size_t a, size_t para, size_t off)
{
	if (a >= st->n)
		return false;
	struct state_article *sa = &st->a[a];
	if (sa->has_pos && sa->para == para && sa->off == off)
		return true;
	sa->has_pos = true;
	sa->para = para;
	sa->off = off;
	return state_upsert(st, a, "UPDATE article SET para = ?, off = ? WHERE id = ? AND hash = ?",
			    "ii", (int64_t)para, (int64_t)off);
}

/* An article's id and hash for a place column, or NULLs. */
static const char *state_id(const struct state *st, size_t a)
{
	return a < st->n ? st->col->items[a].id : NULL;
}

static const char *state_h(const struct state *st, size_t a)
{
	return a < st->n ? state_hash_of(st, a) : NULL;
}

bool state_save_place(struct state *st, const struct state_place *p)
{
	struct state_place *q = &st->place;
	if (q->valid && q->pane == p->pane && q->article == p->article && q->para == p->para &&
	    q->off == p->off && q->split_a == p->split_a && q->split_b == p->split_b &&
	    strcmp(q->split_lang_a, p->split_lang_a) == 0 &&
	    strcmp(q->split_lang_b, p->split_lang_b) == 0)
		return true;
	*q = *p;
	q->valid = true;
	bool two = p->split_a < st->n && p->split_b < st->n;
	return state_exec(st, "INSERT OR REPLACE INTO place(k, pane, id, hash, para, off, "
			  "a_id, a_hash, a_lang, b_id, b_hash, b_lang) "
			  "VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "issiissssss",
			  (int64_t)p->pane, state_id(st, p->article), state_h(st, p->article),
			  (int64_t)p->para, (int64_t)p->off,
			  two ? state_id(st, p->split_a) : NULL, two ? state_h(st, p->split_a) : NULL,
			  two ? p->split_lang_a : NULL,
			  two ? state_id(st, p->split_b) : NULL, two ? state_h(st, p->split_b) : NULL,
			  two ? p->split_lang_b : NULL);
}

bool state_history_push(struct state *st, size_t a)
{
	if (a >= st->n || (st->nhistory && st->history[st->nhistory - 1] == a))
		return true;
	if (st->nhistory == STATE_HISTORY_MAX) {
		memmove(st->history, st->history + 1, (st->nhistory - 1) * sizeof *st->history);
		st->nhistory--;
	}
	xgrow((void **)&st->history, &st->caphistory, st->nhistory + 1, sizeof *st->history);
	st->history[st->nhistory++] = a;
	return state_exec(st, "INSERT INTO history(id, hash) VALUES(?, ?)", "ss",
			  st->col->items[a].id, state_hash_of(st, a));
}

size_t state_history_back(struct state *st)
{
	if (st->nhistory < 2)
		return STATE_NONE;
	st->nhistory--;
	state_exec(st, "DELETE FROM history WHERE n = (SELECT max(n) FROM history)", "");
	return st->history[st->nhistory - 1];
}
