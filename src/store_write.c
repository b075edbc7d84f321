/* store_write.c: the files read again. Worker threads (each with its own
 * ingest: the language detector keeps a cache) read, clean, tag and date the
 * files; this thread alone writes to the index, file after file in walk order
 * (so the index is the same whatever the number of threads), in large
 * transactions, and draws the progress bar. */
#include <config.h>
#include "store_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fold.h"
#include "i18n.h"
#include "uinum.h"
#include "xalloc.h"

/* A transaction is committed after this many files or this many seconds,
 * whichever comes first: large enough to be fast, small enough that another
 * process waiting for the lock (or a kill) loses little. */
#define STORE_BATCH_FILES 2000
#define STORE_BATCH_SECONDS 1.0
/* While a first ingestion's list fills (store_watch's publish), the first
 * transaction sooner: its articles are the first on screen. Only the first:
 * committing every quarter of a second makes a first ingestion of 20,000
 * files a quarter slower (bench/first_start.sh). */
#define STORE_BATCH_SECONDS_FIRST 0.25
/* How many files the workers may have read ahead of the writer: what waits
 * to be written is held in memory. */
#define STORE_AHEAD 256

/* What an article is found by, made by a worker: its folded text
 * (store_fts_text) and the tokens of each of its rows (store_fts_toks). */
struct store_search {
	char *text;
	char *toks;
};

struct store_pool {
	struct store_file *files;       /* each worker sets hashed and hash of its own */
	const size_t *todo;
	size_t ntodo;
	const char *datadir;
	struct collection *results;     /* one per todo */
	struct store_search **search;   /* per todo, per article */
	bool *done;
	size_t next;                    /* the next todo a worker takes */
	size_t written;                 /* the todos the writer is done with */
	bool stop;
	pthread_mutex_t mu;
	pthread_cond_t cv;              /* a result is done */
	pthread_cond_t room;            /* the writer is done with one */
};

static int store_toks_put(void *ctx, long long rowid, const char *s, size_t n)
{
	(void)rowid;
	store_fts_toks_row(ctx, s, n);
	return 0;
}

/* The tokens of every row of an article's search text, as one block
 * (malloc'd; NULL when it makes no row). */
static char *store_search_toks(struct store_fts_toks *t, const char *text)
{
	t->out.len = 0;
	store_fts_rows(0, text, t, store_toks_put);
	if (t->out.len == 0)
		return NULL;
	char *toks = xmalloc(t->out.len);
	memcpy(toks, t->out.data, t->out.len);
	return toks;
}

static void *store_worker(void *arg)
{
	struct store_pool *p = arg;
	struct collection quiet;
	collection_init(&quiet);
	struct ingest *in = ingest_new(p->datadir, &quiet);
	struct fold *fold = fold_new();
	struct fold_out out;
	fold_out_init(&out);
	struct store_fts_toks toks;
	store_fts_toks_init(&toks);
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->next < p->ntodo && p->next >= p->written + STORE_AHEAD)
			pthread_cond_wait(&p->room, &p->mu);
		size_t i = p->next < p->ntodo && !p->stop ? p->next++ : p->ntodo;
		pthread_mutex_unlock(&p->mu);
		if (i == p->ntodo)
			break;
		struct store_file *sf = &p->files[p->todo[i]];
		const struct ingest_file *f = sf->f;
		/* Hashed before it is read: a change in between is seen next time. */
		sf->hashed = store_in_doubt(&f->st, store_now_ns()) && store_file_hash(f->path, &sf->hash);
		ingest_file(in, f->path, &f->st, &p->results[i]);
		/* Folding and tokens are most of the search table's cost: made
		 * here, in parallel, so that the writer only hands them over. */
		const struct collection *res = &p->results[i];
		p->search[i] = xcalloc(res->n ? res->n : 1, sizeof *p->search[i]);
		for (size_t k = 0; k < res->n; k++) {
			struct store_search *ss = &p->search[i][k];
			ss->text = store_fts_text(fold, &out, &res->items[k]);
			ss->toks = store_search_toks(&toks, ss->text);
		}
		pthread_mutex_lock(&p->mu);
		p->done[i] = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	ingest_free(in);
	store_fts_toks_free(&toks);
	fold_out_free(&out);
	fold_free(fold);
	collection_free(&quiet);
	return NULL;
}

static void store_drop_result(struct store_pool *p, size_t i)
{
	for (size_t k = 0; p->search[i] && k < p->results[i].n; k++) {
		free(p->search[i][k].text);
		free(p->search[i][k].toks);
	}
	free(p->search[i]);
	p->search[i] = NULL;
	collection_free(&p->results[i]);
}

enum { Q_FIND, Q_FILE, Q_WARN, Q_ART, Q_PARA, Q_SEARCH, Q_DEL_PARA, Q_DEL_ART, Q_DEL_WARN,
       Q_DEL_FILE, Q_DEL_DERIVED, Q_DEL_PAIRS, Q_OLD_ARTS, Q_DEL_SEARCH, Q_N };

static const char *const store_write_sql[Q_N] = {
	[Q_FIND] = "SELECT id FROM files WHERE path = ?",
	[Q_FILE] = "INSERT INTO files(path, size, mtime, ctime, inode, hash) VALUES (?, ?, ?, ?, ?, ?)",
	[Q_WARN] = "INSERT INTO warnings(file, seq, text) VALUES (?, ?, ?)",
	[Q_ART] = "INSERT INTO articles(file, seq, aid, title, source, url, path, year, month, day,"
		  " prec, inferred, lang, langs, npara) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	[Q_PARA] = "INSERT INTO paragraphs(article, seq, lang, kind, text, emph) VALUES (?,?,?,?,?,?)",
	[Q_SEARCH] = "INSERT INTO search(rowid, text) VALUES (?, ?)",  /* one per slot */
	[Q_DEL_PARA] = "DELETE FROM paragraphs WHERE article IN (SELECT id FROM articles WHERE file = ?)",
	[Q_DEL_ART] = "DELETE FROM articles WHERE file = ?",
	[Q_DEL_WARN] = "DELETE FROM warnings WHERE file = ?",
	[Q_DEL_FILE] = "DELETE FROM files WHERE id = ?",
	/* what was derived from the articles goes with them: a row number may
	 * be given again to another article */
	[Q_DEL_DERIVED] = "DELETE FROM derived WHERE article IN (SELECT id FROM articles WHERE file = ?)",
	[Q_DEL_PAIRS] = "DELETE FROM pairs WHERE a IN (SELECT id FROM articles WHERE file = ?1)"
			" OR b IN (SELECT id FROM articles WHERE file = ?1)",
	/* An article's search rows: its row's range of rowids (store_fts_rows). */
	[Q_OLD_ARTS] = "SELECT id FROM articles WHERE file = ?",
	[Q_DEL_SEARCH] = "DELETE FROM search WHERE rowid BETWEEN ? AND ?",
};

struct store_stmts {
	sqlite3_stmt *q[Q_N];
	struct store_fts_feed *feed;    /* the search table's tokenizer's */
};

static int store_prepare(struct store *st, struct store_stmts *s)
{
	memset(s, 0, sizeof *s);
	s->feed = store_fts_feed(st->db);
	for (int i = 0; i < Q_N; i++) {
		int rc = sqlite3_prepare_v2(st->db, store_write_sql[i], -1, &s->q[i], NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static void store_finalize(struct store_stmts *s)
{
	for (int i = 0; i < Q_N; i++)
		sqlite3_finalize(s->q[i]);
}

/* Runs a bound statement that returns no row; resets it. */
static int store_run(sqlite3_stmt *q)
{
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static void store_bind_text(sqlite3_stmt *q, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, i);
}

/* The rows of an article's search text being written, and their tokens. */
struct store_put {
	sqlite3_stmt *q;
	struct store_fts_feed *feed;
	const char *toks;               /* the next row's */
};

/* Writes a row of the search table (store_fts_rows), its tokens fed to the
 * tokenizer. */
static int store_put_search(void *ctx, long long rowid, const char *text, size_t n)
{
	struct store_put *w = ctx;
	sqlite3_bind_int64(w->q, 1, rowid);
	sqlite3_bind_text(w->q, 2, text, (int)n, SQLITE_STATIC);
	if (w->feed)
		*w->feed = (struct store_fts_feed){ text, n, w->toks };
	int rc = store_run(w->q);
	if (w->feed)
		*w->feed = (struct store_fts_feed){ 0 };
	w->toks = store_fts_toks_next(w->toks);
	return rc;
}

/* Takes one article's rows out of the search table (which keeps their text). */
static int store_forget_search(struct store_stmts *s, long long art)
{
	sqlite3_stmt *q = s->q[Q_DEL_SEARCH];
	sqlite3_bind_int64(q, 1, art << STORE_FTS_SLOT_BITS);
	sqlite3_bind_int64(q, 2, (art << STORE_FTS_SLOT_BITS) | (long long)STORE_FTS_SLOT_LAST);
	return store_run(q);
}

static int store_forget_with(struct store_stmts *s, long long row)
{
	static const int order[] = { Q_DEL_PARA, Q_DEL_DERIVED, Q_DEL_PAIRS, Q_DEL_ART, Q_DEL_WARN,
				     Q_DEL_FILE };
	int rc = SQLITE_OK;
	sqlite3_stmt *q = s->q[Q_OLD_ARTS];
	sqlite3_bind_int64(q, 1, row);
	while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW)
		rc = store_forget_search(s, sqlite3_column_int64(q, 0));
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	for (size_t i = 0; rc == SQLITE_OK && i < sizeof order / sizeof *order; i++) {
		sqlite3_bind_int64(s->q[order[i]], 1, row);
		rc = store_run(s->q[order[i]]);
	}
	return rc;
}

int store_forget(struct store *st, const long long *rows, size_t n)
{
	if (n == 0)
		return SQLITE_OK;
	struct store_stmts s;
	int rc = store_prepare(st, &s);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++)
		rc = store_forget_with(&s, rows[i]);
	store_finalize(&s);
	return rc;
}

static int store_write_para(struct store_stmts *s, long long art, size_t seq, const struct paragraph *p)
{
	sqlite3_stmt *q = s->q[Q_PARA];
	sqlite3_bind_int64(q, 1, art);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)seq);
	sqlite3_bind_text(q, 3, p->lang, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 4, (int)p->kind);
	sqlite3_bind_text(q, 5, p->text, -1, SQLITE_STATIC);
	uint64_t *emph = NULL;
	if (p->nemph) {
		emph = xcalloc(p->nemph * 2, sizeof *emph);
		for (size_t i = 0; i < p->nemph; i++) {
			emph[2 * i] = p->emph[i].start;
			emph[2 * i + 1] = p->emph[i].len;
		}
		sqlite3_bind_blob(q, 6, emph, (int)(p->nemph * 2 * sizeof *emph), SQLITE_STATIC);
	}
	int rc = store_run(q);
	free(emph);
	return rc;
}

static int store_write_article(struct store_stmts *s, long long file, size_t seq, struct article *a,
			       const struct store_search *search)
{
	sqlite3_stmt *q = s->q[Q_ART];
	struct buf langs;
	buf_init(&langs);
	for (size_t i = 0; i < a->nlangs; i++) {
		if (i)
			buf_addc(&langs, ' ');
		buf_adds(&langs, a->langs[i]);
	}
	char *langs_s = buf_take(&langs);
	sqlite3_bind_int64(q, 1, file);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)seq);
	sqlite3_bind_text(q, 3, a->id, -1, SQLITE_STATIC);
	store_bind_text(q, 4, a->title);
	store_bind_text(q, 5, a->source);
	store_bind_text(q, 6, a->url);
	store_bind_text(q, 7, a->path);
	sqlite3_bind_int(q, 8, a->date.year);
	sqlite3_bind_int(q, 9, a->date.month);
	sqlite3_bind_int(q, 10, a->date.day);
	sqlite3_bind_int(q, 11, (int)a->date.prec);
	sqlite3_bind_int(q, 12, a->date.inferred);
	sqlite3_bind_text(q, 13, a->lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 14, langs_s ? langs_s : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 15, (sqlite3_int64)a->npara);
	int rc = store_run(q);
	free(langs_s);
	long long art = sqlite3_last_insert_rowid(sqlite3_db_handle(q));
	a->row = art;
	for (size_t i = 0; rc == SQLITE_OK && i < a->npara; i++)
		rc = store_write_para(s, art, i, &a->paras[i]);
	if (rc == SQLITE_OK)
		rc = store_fts_rows(art, search->text, &(struct store_put){ s->q[Q_SEARCH], s->feed,
									    search->toks },
				    store_put_search);
	return rc;
}

/* A file and what came of it, replacing what the index had under its path. */
static int store_write_file(struct store_stmts *s, struct store_file *f, struct collection *res,
			    const struct store_search *search)
{
	sqlite3_stmt *q = s->q[Q_FIND];
	sqlite3_bind_text(q, 1, f->f->path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	long long old = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc;
	rc = old ? store_forget_with(s, old) : SQLITE_OK;
	if (rc != SQLITE_OK)
		return rc;
	q = s->q[Q_FILE];
	sqlite3_bind_text(q, 1, f->f->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)f->f->st.st_size);
	sqlite3_bind_int64(q, 3, store_ns(&f->f->st.st_mtim));
	sqlite3_bind_int64(q, 4, store_ns(&f->f->st.st_ctim));
	sqlite3_bind_int64(q, 5, (sqlite3_int64)f->f->st.st_ino);
	if (f->hashed)
		sqlite3_bind_int64(q, 6, f->hash);
	else
		sqlite3_bind_null(q, 6);
	if ((rc = store_run(q)) != SQLITE_OK)
		return rc;
	f->row = sqlite3_last_insert_rowid(sqlite3_db_handle(q));
	for (size_t i = 0; rc == SQLITE_OK && i < res->nwarnings; i++) {
		q = s->q[Q_WARN];
		sqlite3_bind_int64(q, 1, f->row);
		sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
		sqlite3_bind_text(q, 3, res->warnings[i], -1, SQLITE_STATIC);
		rc = store_run(q);
	}
	for (size_t i = 0; rc == SQLITE_OK && i < res->n; i++)
		rc = store_write_article(s, f->row, i, &res->items[i], &search[i]);
	return rc;
}

/* ---- the articles handed over to a watcher (store_watch's publish) */

void store_watch_init(struct store_watch *w, bool publish)
{
	atomic_init(&w->done, 0);
	atomic_init(&w->total, 0);
	atomic_init(&w->cancel, false);
	w->publish = publish;
	pthread_mutex_init(&w->mu, NULL);
	collection_init(&w->arrived);
}

void store_watch_free(struct store_watch *w)
{
	collection_free(&w->arrived);
	pthread_mutex_destroy(&w->mu);
}

/* Moves every article of from to the end of to (from is left empty). */
static size_t store_move_articles(struct collection *to, struct collection *from)
{
	size_t n = from->n;
	for (size_t i = 0; i < n; i++)
		collection_add(to, &from->items[i]);
	from->n = 0;
	return n;
}

size_t store_watch_take(struct store_watch *w, struct collection *col)
{
	pthread_mutex_lock(&w->mu);
	size_t n = store_move_articles(col, &w->arrived);
	pthread_mutex_unlock(&w->mu);
	return n;
}

/* The articles of a file just written, without their bodies, to hand over
 * once their transaction commits: what the index gives without bodies
 * (store_peek), the paragraphs counted in nbody and loaded by row. */
static void store_keep_heads(struct collection *pending, struct collection *res)
{
	for (size_t i = 0; i < res->n; i++) {
		struct article *a = &res->items[i];
		struct article h = {
			.id = a->id, .title = a->title, .source = a->source, .url = a->url,
			.path = a->path, .date = a->date, .langs = a->langs, .nlangs = a->nlangs,
			.nbody = a->npara, .row = a->row,
		};
		memcpy(h.lang, a->lang, sizeof h.lang);
		a->id = a->title = a->source = a->url = a->path = NULL;
		a->langs = NULL;
		a->nlangs = 0;
		collection_add(pending, &h);
	}
}

/* What the last commit made durable goes to the watcher. */
static void store_publish(struct store_watch *w, struct collection *pending)
{
	if (w == NULL || pending->n == 0)
		return;
	pthread_mutex_lock(&w->mu);
	store_move_articles(&w->arrived, pending);
	pthread_mutex_unlock(&w->mu);
}

static double store_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* "[########------------] indexing 41,200 / 100,000 files · 12 s left", drawn in
 * place once the work has taken a second. */
static void store_progress(FILE *out, size_t done, size_t total, double elapsed,
			   enum uilang_id lang)
{
	enum { WIDTH = 20 };
	char bar[WIDTH + 1];
	size_t full = total ? done * WIDTH / total : WIDTH;
	for (size_t i = 0; i < WIDTH; i++)
		bar[i] = i < full ? '#' : '-';
	bar[WIDTH] = '\0';
	long left = done ? (long)(elapsed / (double)done * (double)(total - done) + 0.5) : 0;
	fprintf(out, "\r[%s] ", bar);
	char d[UINUM_MAX], t[UINUM_MAX];
	fprintf(out, P_("indexing %s / %s file", "indexing %s / %s files", total),
		uinum_format(done, lang, d, sizeof d), uinum_format(total, lang, t, sizeof t));
	if (done)
		fprintf(out, P_(" · %s s left", " · %s s left", (unsigned long)left),
			uinum_format((unsigned long long)left, lang, d, sizeof d));
	fputs("\033[K", out);
	fflush(out);
}

int store_write_files(struct store *st, struct store_file *files, const size_t *todo, size_t ntodo,
		      const struct store_sync_opts *opts)
{
	if (ntodo == 0)
		return SQLITE_OK;
	if (opts->watch)
		atomic_store(&opts->watch->total, ntodo);
	struct store_pool p = {
		.files = files, .todo = todo, .ntodo = ntodo, .datadir = opts->datadir,
		.results = xcalloc(ntodo, sizeof *p.results), .done = xcalloc(ntodo, sizeof *p.done),
		.search = xcalloc(ntodo, sizeof *p.search),
	};
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	pthread_cond_init(&p.room, NULL);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nthreads = opts->jobs > 0 ? (size_t)opts->jobs : cores > 0 ? (size_t)cores : 1;
	if (nthreads > ntodo)
		nthreads = ntodo;
	pthread_t *threads = xcalloc(nthreads, sizeof *threads);
	size_t started = 0;
	for (; started < nthreads; started++)
		if (pthread_create(&threads[started], NULL, store_worker, &p) != 0)
			break;
	if (started == 0)  /* no thread to be had: this one does the reading */
		store_worker(&p);
	struct store_stmts s;
	int rc = store_prepare(st, &s);
	struct store_watch *pub = opts->watch && opts->watch->publish ? opts->watch : NULL;
	struct collection pending;      /* written, not yet committed (pub) */
	collection_init(&pending);
	double batch_seconds = pub ? STORE_BATCH_SECONDS_FIRST : STORE_BATCH_SECONDS;
	double t0 = store_now(), tbatch = t0;
	bool in_tx = false, shown = false;
	size_t batch = 0;
	for (size_t i = 0; i < ntodo; i++) {
		pthread_mutex_lock(&p.mu);
		while (!p.done[i])
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
		if (rc == SQLITE_OK && !in_tx) {
			rc = db_exec(st->db, "BEGIN IMMEDIATE");
			in_tx = rc == SQLITE_OK;
			tbatch = store_now();
			batch = 0;
		}
		if (rc == SQLITE_OK)
			rc = store_write_file(&s, &files[todo[i]], &p.results[i], p.search[i]);
		if (rc == SQLITE_OK && pub)
			store_keep_heads(&pending, &p.results[i]);
		store_drop_result(&p, i);
		pthread_mutex_lock(&p.mu);
		p.written = i + 1;
		pthread_cond_broadcast(&p.room);
		pthread_mutex_unlock(&p.mu);
		if (opts->watch) {
			atomic_store(&opts->watch->done, i + 1);
			/* Given up: what was written is kept, the rest read next time. */
			if (rc == SQLITE_OK && i + 1 < ntodo && atomic_load(&opts->watch->cancel)) {
				int crc = in_tx ? db_exec(st->db, "COMMIT") : SQLITE_OK;
				in_tx = in_tx && crc != SQLITE_OK;
				rc = crc == SQLITE_OK ? SQLITE_INTERRUPT : crc;
				if (crc == SQLITE_OK)
					store_publish(pub, &pending);
			}
		}
		double now = store_now();
		if (rc == SQLITE_OK && (++batch >= STORE_BATCH_FILES || now - tbatch >= batch_seconds)) {
			rc = db_exec(st->db, "COMMIT");
			in_tx = false;
			batch_seconds = STORE_BATCH_SECONDS;
			if (rc == SQLITE_OK)
				store_publish(pub, &pending);
		}
		if (rc != SQLITE_OK) {
			/* Stop the workers; the results left are dropped as they come. */
			pthread_mutex_lock(&p.mu);
			p.stop = true;
			for (size_t j = p.next; j < ntodo; j++)
				p.done[j] = true;
			pthread_cond_broadcast(&p.room);
			pthread_mutex_unlock(&p.mu);
		}
		if (opts->progress && rc == SQLITE_OK && (shown || now - t0 >= 1.0) &&
		    (i + 1 == ntodo || (i & 63) == 0)) {
			store_progress(opts->progress, i + 1, ntodo, now - t0, opts->lang);
			shown = true;
		}
	}
	if (in_tx) {
		int crc = rc == SQLITE_OK ? db_exec(st->db, "COMMIT") : rc;
		if (crc != SQLITE_OK)
			db_exec(st->db, "ROLLBACK");
		else
			store_publish(pub, &pending);
		rc = crc;
	}
	/* What no commit made durable is not handed over. */
	collection_free(&pending);
	if (shown) {
		fputs("\r\033[K", opts->progress);
		fflush(opts->progress);
	}
	store_finalize(&s);
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	for (size_t i = 0; i < ntodo; i++)
		store_drop_result(&p, i);
	free(threads);
	free(p.search);
	free(p.results);
	free(p.done);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	pthread_cond_destroy(&p.room);
	return rc;
}
