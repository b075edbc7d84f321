/* store.c: the index of a collection set: its schema, opening it, and a sync
 * (walk, read again what changed, drop what vanished, read the collection back
 * in the order reading every file gives). */
#include <config.h>
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

/* Each step is shipped once and never changed; a new one goes at the end. */
static const char *const store_steps[] = {
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
	" size INTEGER NOT NULL, mtime INTEGER NOT NULL, ctime INTEGER NOT NULL,"
	" inode INTEGER NOT NULL);"
	"CREATE TABLE warnings(file INTEGER NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL,"
	" PRIMARY KEY(file, seq)) WITHOUT ROWID;"
	"CREATE TABLE articles(id INTEGER PRIMARY KEY, file INTEGER NOT NULL, seq INTEGER NOT NULL,"
	" aid TEXT NOT NULL, title TEXT, source TEXT, url TEXT, path TEXT,"
	" year INTEGER NOT NULL, month INTEGER NOT NULL, day INTEGER NOT NULL,"
	" prec INTEGER NOT NULL, inferred INTEGER NOT NULL, lang TEXT NOT NULL,"
	" langs TEXT NOT NULL, npara INTEGER NOT NULL);"
	"CREATE INDEX articles_file ON articles(file, seq);"
	"CREATE TABLE paragraphs(article INTEGER NOT NULL, seq INTEGER NOT NULL,"
	" lang TEXT NOT NULL, kind INTEGER NOT NULL, text TEXT NOT NULL, emph BLOB,"
	" PRIMARY KEY(article, seq)) WITHOUT ROWID;",
	/* 2: the search table; emptying meta has every file read again to fill it. */
	"CREATE VIRTUAL TABLE search USING fts5(text, content='', detail=none, columnsize=0,"
	" tokenize='annals folded');"
	"DELETE FROM meta;",
	/* 3: the derived events (store_events.c). */
	"CREATE TABLE events(seq INTEGER PRIMARY KEY, article INTEGER NOT NULL, text TEXT,"
	" raw BLOB NOT NULL);",
	/* 4: what was derived from each article alone (store_events.c). */
	"CREATE TABLE derived(article INTEGER PRIMARY KEY, raw BLOB NOT NULL);",
	/* 5: the search table keeps a row per title and paragraph (store_fts_rows)
	 * and their folded text, so that a search reads only the paragraphs that
	 * may match, already folded; every file is read again to fill it. */
	"DROP TABLE search;"
	"CREATE VIRTUAL TABLE search USING fts5(text, detail=none, columnsize=0,"
	" tokenize='annals folded');"
	"DELETE FROM meta WHERE key <> 'gen';",
	/* 6: the hash of a file read while its stat was in doubt (store_doubt.c). */
	"ALTER TABLE files ADD COLUMN hash INTEGER;",
	/* 7: the search table gathers 16 MiB of new tokens in memory before it
	 * writes them out (FTS5's default is 1 MiB): fewer, larger segments,
	 * so less merging; a first ingestion of 20,000 articles a quarter faster
	 * (bench/index_bench.sh). */
	"INSERT INTO search(search, rank) VALUES('hashsize', 16777216);",
	/* 8: the events' bytes again, thousands to a row (store_events.c): the
	 * browser reads them at every start, and a row per event was a quarter
	 * of its start at 470,000 events. */
	"CREATE TABLE event_chunks(seq INTEGER PRIMARY KEY, rows BLOB NOT NULL, raw BLOB NOT NULL);"
	"DELETE FROM meta WHERE key = 'events';",
	/* 9: what aligning two texts told the grouping (store_events.c): a
	 * change to one file has every event grouped again, and aligning the
	 * same pairs of unchanged articles again was a sixth of it. */
	"CREATE TABLE pairs(a INTEGER NOT NULL, b INTEGER NOT NULL, la TEXT NOT NULL,"
	" lb TEXT NOT NULL, words INTEGER NOT NULL, raw BLOB NOT NULL,"
	" PRIMARY KEY(a, b, la, lb, words)) WITHOUT ROWID;"
	"CREATE INDEX pairs_b ON pairs(b);",
};
static const struct db_schema store_schema = {
	.name = "index", .version = sizeof store_steps / sizeof *store_steps, .steps = store_steps,
	.setup = store_fts_register,
};

/* What ingest made of a file depends on the program and its boilerplate list:
 * an index made by another build (the executable's size and time), or with
 * another list, is started again. */
static char *store_fingerprint(const char *datadir)
{
	uint64_t h = STORE_FNV_BASIS;
	struct stat exe;
	if (stat("/proc/self/exe", &exe) == 0) {
		uint64_t v[2] = { (uint64_t)exe.st_size, (uint64_t)store_ns(&exe.st_mtim) };
		h = store_fnv(h, v, sizeof v);
	}
	char *path = xasprintf("%s/boilerplate.txt", datadir ? datadir : ".");
	int64_t list = 0;       /* no list: 0 */
	store_file_hash(path, &list);
	free(path);
	return xasprintf("%s %016llx %016llx", PACKAGE_VERSION, (unsigned long long)h,
			 (unsigned long long)list);
}

int64_t store_ns(const struct timespec *t)
{
	return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec;
}

struct store *store_open(const char *const *roots, size_t nroots, char **warning)
{
	*warning = NULL;
	char *dir = db_dir(DB_CACHE, warning);
	if (!dir)
		return NULL;
	char *name = db_set_name("index", roots, nroots);
	char *path = db_join(dir, name);
	free(dir);
	free(name);
	sqlite3 *db = db_open(path, &store_schema, warning);
	if (!db) {
		free(path);
		return NULL;
	}
	struct store *st = xcalloc(1, sizeof *st);
	st->db = db;
	st->path = path;
	store_cache(st, STORE_CACHE_WRITER);
	return st;
}

void store_cache(struct store *st, int kib)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size=-%d;", kib);
	db_exec(st->db, sql);
	st->cache_kib = kib;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_derived_done(st);
	sqlite3_finalize(st->body);
	sqlite3_finalize(st->para);
	sqlite3_finalize(st->event_text);
	db_close(st->db);
	free(st->path);
	free(st);
}

static int store_clear_rc(struct store *st)
{
	int rc = db_exec(st->db, "BEGIN IMMEDIATE; DELETE FROM paragraphs; DELETE FROM articles;"
			 " DELETE FROM warnings; DELETE FROM files; DELETE FROM events; DELETE FROM event_chunks;"
			 " DELETE FROM derived; DELETE FROM pairs;"
			 " DELETE FROM meta WHERE key <> 'gen';"
			 " DELETE FROM search; COMMIT;");
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(st->db))
		db_exec(st->db, "ROLLBACK");
	return rc;
}

int store_clear(struct store *st)
{
	return store_clear_rc(st) == SQLITE_OK ? 0 : -1;
}

/* Starts again when the index was made by another version of the reading. */
static int store_check_fingerprint(struct store *st, const char *datadir)
{
	char *want = store_fingerprint(datadir);
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key='reader'", -1, &q, NULL);
	bool same = false;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(q);
		same = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(q, 0), want) == 0;
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_finalize(q);
	}
	if (rc == SQLITE_OK && !same) {
		rc = store_clear_rc(st);
		if (rc == SQLITE_OK &&
		    sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO meta VALUES ('reader', ?)", -1, &q,
				       NULL) == SQLITE_OK) {
			sqlite3_bind_text(q, 1, want, -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(q);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
			sqlite3_finalize(q);
		}
	}
	free(want);
	return rc;
}

int store_peek(struct store *st, const char *datadir, struct collection *col)
{
	/* Not an index another reading made: the sync would start it again. */
	char *want = store_fingerprint(datadir);
	sqlite3_stmt *q;
	bool same = false;
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key='reader'", -1, &q,
			       NULL) == SQLITE_OK) {
		same = sqlite3_step(q) == SQLITE_ROW &&
		       strcmp((const char *)sqlite3_column_text(q, 0), want) == 0;
		sqlite3_finalize(q);
	}
	free(want);
	/* From here this connection only reads: every article once, then a
	 * body, a search or an event's sentence at a time (the sync has a
	 * connection of its own). */
	store_cache(st, STORE_CACHE_READER);
	struct store_rows rows = { 0 };
	if (!same || store_read_all(st, false, &rows) != SQLITE_OK) {
		store_rows_free(&rows);
		return -1;
	}
	/* The articles themselves, not copies: col takes the array. */
	collection_adopt(col, rows.arts, rows.n);
	rows.arts = NULL;
	store_rows_free(&rows);
	if (col->n == 0)
		return -1;
	collection_sort(col);
	st->gen = store_gen(st);
	return st->gen < 0 ? -1 : 0;
}

long long store_generation(const struct store *st)
{
	return st->gen;
}

void store_set_generation(struct store *st, long long gen)
{
	st->gen = gen;
}

/* The files the index knows, by path, to compare with the walk. */
struct store_known {
	char *path;
	long long row;
	int64_t size, mtime, ctime, inode;
	bool seen;
	bool hashed;                    /* read while in doubt: its hash */
	int64_t hash;
};

static int store_known_cmp(const void *a, const void *b)
{
	return strcmp(((const struct store_known *)a)->path, ((const struct store_known *)b)->path);
}

static int store_load_known(struct store *st, struct store_known **out, size_t *n)
{
	sqlite3_stmt *q;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(st->db, "SELECT id, path, size, mtime, ctime, inode, hash FROM files",
				    -1, &q, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		xgrow((void **)out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = (struct store_known){
			xstrdup((const char *)sqlite3_column_text(q, 1)), sqlite3_column_int64(q, 0),
			sqlite3_column_int64(q, 2), sqlite3_column_int64(q, 3),
			sqlite3_column_int64(q, 4), sqlite3_column_int64(q, 5), false,
			sqlite3_column_type(q, 6) != SQLITE_NULL, sqlite3_column_int64(q, 6),
		};
	}
	sqlite3_finalize(q);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, store_known_cmp);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static struct store_known *store_known_find(struct store_known *k, size_t n, const char *path)
{
	struct store_known key = { .path = (char *)path };
	return n ? bsearch(&key, k, n, sizeof *k, store_known_cmp) : NULL;
}

static bool store_same_file(const struct store_known *k, const struct stat *s)
{
	return k->size == (int64_t)s->st_size && k->mtime == store_ns(&s->st_mtim) &&
	       k->ctime == store_ns(&s->st_ctim) && k->inode == (int64_t)s->st_ino;
}

/* Whether a file whose stat is unchanged is the one the index read: one read
 * in doubt must also hash the same. *settled says the doubt is over (same
 * content, and the file has aged since): its hash can go. */
static bool store_same_content(const struct store_known *k, const struct ingest_file *f,
			       int64_t now, bool *settled)
{
	*settled = false;
	if (!k->hashed)
		return true;
	int64_t h;
	if (!store_file_hash(f->path, &h) || h != k->hash)
		return false;
	*settled = !store_in_doubt(&f->st, now);
	return true;
}

/* The doubt over the files of rows[0..n) is over: their hashes go. */
static int store_settle(struct store *st, const long long *rows, size_t n)
{
	if (n == 0)
		return SQLITE_OK;
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(st->db, "UPDATE files SET hash = NULL WHERE id = ?", -1, &q, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_bind_int64(q, 1, rows[i]);
		rc = sqlite3_step(q);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	return rc;
}

static int store_ll_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* First index in sorted keys[0..n) equal to key, or n. */
static size_t store_lower(const long long *keys, size_t n, long long key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Sets each file of the walk (in files, filled here) and its first equal:
 * alias[i] is the first file with the same path (i itself for most). */
static int store_alias_cmp(const void *a, const void *b, void *arg)
{
	const struct store_file *files = arg;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int d = strcmp(files[i].f->path, files[j].f->path);
	return d ? d : (i > j) - (i < j);
}

static size_t *store_aliases(struct store_file *files, const struct ingest_list *lists,
			     size_t nroots, size_t nfiles)
{
	size_t *alias = xcalloc(nfiles ? nfiles : 1, sizeof *alias);
	size_t *order = xcalloc(nfiles ? nfiles : 1, sizeof *order);
	for (size_t r = 0, fi = 0; r < nroots; r++)
		for (size_t i = 0; i < lists[r].n; i++, fi++)
			files[fi].f = &lists[r].files[i];
	for (size_t i = 0; i < nfiles; i++)
		order[i] = alias[i] = i;
	/* Paths are unique within one root: only several roots can name a file twice. */
	if (nroots > 1 && nfiles > 1) {
		qsort_r(order, nfiles, sizeof *order, store_alias_cmp, files);
		for (size_t k = 1; k < nfiles; k++)
			if (strcmp(files[order[k]].f->path, files[order[k - 1]].f->path) == 0)
				alias[order[k]] = alias[order[k - 1]];
	}
	free(order);
	return alias;
}

/* The collection in walk order: per root, the walk's warnings where they were
 * met, each file's warnings and articles, and "no articles found". */
static void store_assemble(struct store_file *files, size_t nroots, const size_t *root_end,
			   struct collection *walkwarn, const char *const *roots, const int *rootrc,
			   const struct ingest_list *lists,
			   struct store_rows *rows, size_t *used, struct collection *col)
{
	/* Read by store_read_heads: the warnings only. */
	bool heads = rows->arts == NULL;
	/* Every row goes in (and a file named twice, again, grown for): room
	 * for them at once, as the collection is kept for as long as annals
	 * runs and doubling would leave up to half of it unused. */
	if (!heads && col->cap < col->n + rows->n) {
		col->items = xrealloc(col->items, (col->n + rows->n) * sizeof *col->items);
		col->cap = col->n + rows->n;
	}
	size_t fi = 0;
	for (size_t r = 0; r < nroots; r++) {
		size_t w = 0, got = 0;
		for (; fi < root_end[r]; fi++) {
			struct store_file *f = &files[fi];
			for (; w < f->f->warnings_before; w++)
				collection_warn(col, "%s", walkwarn[r].warnings[w]);
			size_t a = store_lower(rows->warn_file, rows->nwarns, f->row);
			for (; a < rows->nwarns && rows->warn_file[a] == f->row; a++)
				collection_warn(col, "%s", rows->warns[a]);
			a = store_lower(rows->art_file, rows->n, f->row);
			for (; a < rows->n && rows->art_file[a] == f->row; a++) {
				got++;
				if (heads)
					continue;
				/* A file named twice: its articles again, copied from
				 * where they went the first time. */
				struct article copy;
				if (used[a]) {
					article_copy(&copy, &col->items[used[a] - 1]);
					collection_add(col, &copy);
				} else {
					used[a] = col->n + 1;
					collection_add(col, &rows->arts[a]);
				}
			}
		}
		for (; w < walkwarn[r].nwarnings; w++)
			collection_warn(col, "%s", walkwarn[r].warnings[w]);
		/* Only a folder says "no articles found" (ingest_path). */
		if (rootrc[r] == 0 && lists[r].folder && got == 0)
			ingest_no_articles(roots[r], col);
	}
}

void store_delta_free(struct store_delta *d)
{
	for (size_t i = 0; i < d->ngone; i++)
		free(d->gone[i]);
	free(d->gone);
	collection_free(&d->added);
	d->gone = NULL;
	d->ngone = 0;
}

/* What the sync changed, to opts->written: the files read again or gone, and
 * the articles now in those read. */
static void store_hand_delta(struct store *st, const struct store_file *files, size_t nfiles,
			     const size_t *alias, const struct store_known *known, size_t nknown,
			     const struct store_sync_opts *opts)
{
	struct store_delta d = { 0 };
	collection_init(&d.added);
	d.gone = xcalloc(nfiles + nknown + 1, sizeof *d.gone);
	long long *rows = xcalloc(nfiles + 1, sizeof *rows);
	size_t nrows = 0;
	for (size_t i = 0; i < nfiles; i++) {
		if (!files[i].fresh)
			continue;
		d.gone[d.ngone++] = xstrdup(files[i].f->path);
		if (alias[i] == i && files[i].row)
			rows[nrows++] = files[i].row;
	}
	for (size_t i = 0; i < nknown; i++)
		if (!known[i].seen)
			d.gone[d.ngone++] = xstrdup(known[i].path);
	/* Not had: the browser waits for the whole result instead. */
	if (store_read_files(st, rows, nrows, &d.added) == SQLITE_OK)
		opts->written(opts->written_ctx, &d);
	free(rows);
	store_delta_free(&d);
}

/* A code of our own: another process replaced some of the rows this sync wrote
 * before it could read them back; the sync is run again. */
#define STORE_AGAIN (-2)

static int store_sync_once(struct store *st, const char *const *roots, size_t nroots,
			   const struct store_sync_opts *opts, struct collection *col, size_t *readable,
			   char **warning)
{
	*warning = NULL;
	*readable = 0;
	if (opts->unchanged)
		*opts->unchanged = false;
	/* Problems with the boilerplate list come first, as when reading directly. */
	ingest_free(ingest_new(opts->datadir, col));
	struct ingest_list *lists = xcalloc(nroots, sizeof *lists);
	struct collection *walkwarn = xcalloc(nroots, sizeof *walkwarn);
	int *rootrc = xcalloc(nroots, sizeof *rootrc);
	size_t *root_end = xcalloc(nroots, sizeof *root_end);
	size_t nfiles = 0;
	for (size_t r = 0; r < nroots; r++) {
		collection_init(&walkwarn[r]);
		rootrc[r] = ingest_list(roots[r], &lists[r], &walkwarn[r]);
		*readable += rootrc[r] == 0;
		nfiles += lists[r].n;
		root_end[r] = nfiles;
	}
	struct store_file *files = xcalloc(nfiles ? nfiles : 1, sizeof *files);
	size_t *todo = xcalloc(nfiles ? nfiles : 1, sizeof *todo), ntodo = 0;
	struct store_known *known = NULL;
	size_t nknown = 0, *alias = NULL;
	struct store_rows rows = { 0 };
	size_t *used = NULL;  /* per loaded article: 1 + where it went in col, or 0 */
	long long *settle = NULL;  /* rows whose doubt is over */
	size_t nsettle = 0, settle_cap = 0;
	int rc = store_check_fingerprint(st, opts->datadir);
	if (rc == SQLITE_OK)
		rc = store_load_known(st, &known, &nknown);
	if (rc != SQLITE_OK)
		goto out;
	alias = store_aliases(files, lists, nroots, nfiles);
	int64_t now = store_now_ns();
	for (size_t fi = 0; fi < nfiles; fi++) {
		struct store_file *f = &files[fi];
		struct store_known *k = store_known_find(known, nknown, f->f->path);
		if (k)
			k->seen = true;
		bool settled;
		if (k && store_same_file(k, &f->f->st) && store_same_content(k, f->f, now, &settled)) {
			f->row = k->row;
			if (settled) {
				xgrow((void **)&settle, &settle_cap, nsettle + 1, sizeof *settle);
				settle[nsettle++] = k->row;
			}
			continue;
		}
		f->row = k ? k->row : 0;
		f->fresh = true;
		/* A file named twice is read once. */
		if (alias[fi] == fi)
			todo[ntodo++] = fi;
	}
	/* The vanished files go first, in one transaction, which also starts a new
	 * generation when anything changed (the kept events are then stale). */
	rc = db_exec(st->db, "BEGIN IMMEDIATE");
	long long *gone = xmalloc((nknown ? nknown : 1) * sizeof *gone);
	size_t ngone = 0;
	for (size_t i = 0; i < nknown; i++)
		if (!known[i].seen)
			gone[ngone++] = known[i].row;
	if (rc == SQLITE_OK)
		rc = store_forget(st, gone, ngone);
	free(gone);
	bool changed = ntodo > 0 || ngone > 0;
	if (rc == SQLITE_OK)
		rc = store_settle(st, settle, nsettle);
	if (rc == SQLITE_OK && changed)
		rc = store_bump_gen(st);
	if (rc == SQLITE_OK && (st->gen = store_gen(st)) < 0)
		rc = SQLITE_ERROR;
	rc = rc == SQLITE_OK ? db_exec(st->db, "COMMIT") : rc;
	if (rc != SQLITE_OK) {
		db_exec(st->db, "ROLLBACK");
		goto out;
	}
	rc = store_write_files(st, files, todo, ntodo, opts);
	/* Given up after the last file: not read back either. */
	if (rc == SQLITE_OK && opts->watch && atomic_load(&opts->watch->cancel))
		rc = SQLITE_INTERRUPT;
	/* Files named twice take the row of their first reading. */
	for (size_t i = 0; rc == SQLITE_OK && i < nfiles; i++)
		files[i].row = files[alias[i]].row;
	if (rc == SQLITE_OK && changed && opts->written)
		store_hand_delta(st, files, nfiles, alias, known, nknown, opts);
	/* The caller holds this generation's articles already: a second copy
	 * of 100,000 of them, only to be dropped, was a third of the browser's
	 * memory while it synced. */
	bool same = !changed && opts->unchanged && opts->known == st->gen;
	if (rc == SQLITE_OK)
		rc = same ? store_read_heads(st, &rows) : store_read_all(st, opts->bodies, &rows);
	if (rc != SQLITE_OK)
		goto out;
	for (size_t i = 0; i < nfiles; i++) {
		if (!bsearch(&files[i].row, rows.file_rows, rows.nfile_rows, sizeof *rows.file_rows,
			     store_ll_cmp)) {
			rc = STORE_AGAIN;
			goto out;
		}
	}
	used = xcalloc(rows.n ? rows.n : 1, sizeof *used);
	store_assemble(files, nroots, root_end, walkwarn, roots, rootrc, lists, &rows, used, col);
	collection_sort(col);
	if (same)
		*opts->unchanged = true;
out:
	if (rc == STORE_AGAIN || rc == SQLITE_INTERRUPT) {
		/* Cancelled by its watcher: nothing to warn about. */
		collection_free(col);
		collection_init(col);
	} else if (rc != SQLITE_OK) {
		const char *why = rc == SQLITE_FULL ? _("the disk is full")
				  : rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? _("locked by another process")
				  : sqlite3_errstr(rc);
		*warning = xasprintf(_("%s: cannot use the database (%s); going on without it"),
				     st->path, why);
		collection_free(col);
		collection_init(col);
		/* A damaged index is not tried again: the next run starts a new one. */
		if (db_is_damage(rc)) {
			free(db_set_aside(st->path, "damaged"));
		}
	}
	free(used);
	free(settle);
	store_rows_free(&rows);
	for (size_t i = 0; i < nknown; i++)
		free(known[i].path);
	free(known);
	free(todo);
	free(alias);
	free(files);
	for (size_t r = 0; r < nroots; r++) {
		ingest_list_free(&lists[r]);
		collection_free(&walkwarn[r]);
	}
	free(lists);
	free(walkwarn);
	free(rootrc);
	free(root_end);
	return rc == SQLITE_OK ? 0 : rc == STORE_AGAIN ? STORE_AGAIN : -1;
}

int store_sync(struct store *st, const char *const *roots, size_t nroots,
	       const struct store_sync_opts *opts, struct collection *col, size_t *readable,
	       char **warning)
{
	int rc = STORE_AGAIN;
	for (int attempt = 0; rc == STORE_AGAIN && attempt < 5; attempt++)
		rc = store_sync_once(st, roots, nroots, opts, col, readable, warning);
	if (rc == STORE_AGAIN)
		*warning = xasprintf(_("%s: cannot use the database (%s); going on without it"),
				     st->path, _("locked by another process"));
	return rc == 0 ? 0 : -1;
}
