/* store_int.h: what the parts of the index share (store.c: opening and the
 * sync, store_read.c: rows into articles, store_write.c: the files read again,
 * by worker threads, written by one writer). */
#ifndef ANNALS_STORE_INT_H
#define ANNALS_STORE_INT_H

#include <stdint.h>
#include <sys/stat.h>
#include "db.h"
#include "ingest.h"
#include "store.h"
#include "xalloc.h"

struct store {
	sqlite3 *db;
	char *path;
	long long gen;                  /* the index's generation when this process synced */
	int cache_kib;                  /* SQLite's page cache for this connection (store_cache) */
	/* what was derived per article (store_events.c): the statements while
	 * in use, and whether keeping it failed */
	sqlite3_stmt *derived_get, *derived_put, *pair_get, *pair_put;
	bool derived_open, derived_failed;      /* the transaction of the puts */
	sqlite3_stmt *body;             /* one article's paragraphs (store_body), kept */
	sqlite3_stmt *para;             /* one paragraph's text (store_para_text), kept */
	sqlite3_stmt *event_text;       /* one event's text (store_event_text), kept */
};

/* The page cache st's connection keeps, in KiB: large for a writer, which
 * touches the same pages of the paragraph and search tables again and again;
 * SQLite's default for a reader, and for a read of every article once, which
 * would only fill a larger one (a page fault for each of its pages). */
#define STORE_CACHE_WRITER 32768
#define STORE_CACHE_READER 2000
void store_cache(struct store *st, int kib);

/* One file of the walk as the index knows it. */
struct store_file {
	const struct ingest_file *f;    /* the walk's entry */
	long long row;                  /* files.id, 0 when not (or no longer) in the index */
	bool fresh;                     /* read again in this sync */
	bool hashed;                    /* read while in doubt: hash is kept with it */
	int64_t hash;
	size_t first, n;                /* its articles in the loaded array */
	size_t wfirst, wn;              /* its warnings in the loaded array */
};

/* A file's identity: a change to any of these means read it again. */
int64_t store_ns(const struct timespec *t);

/* store_doubt.c: a file changed less than this before it was read may change
 * again without a change to its stat (two seconds: FAT's clock). */
#define STORE_DOUBT_NS ((int64_t)2000000000)
/* The wall clock, in nanoseconds. */
int64_t store_now_ns(void);
/* Whether the file whose stat is st, read at now, is in doubt. */
bool store_in_doubt(const struct stat *st, int64_t now);
/* FNV-1a, 64 bits, of p[0..n) continuing from h (STORE_FNV_BASIS to start). */
#define STORE_FNV_BASIS 14695981039346656037ULL
uint64_t store_fnv(uint64_t h, const void *p, size_t n);
/* The hash of the file's content into *out; false when it cannot be read. */
bool store_file_hash(const char *path, int64_t *out);

/* store_write.c: reads todo[0..ntodo) (indexes into files) with worker
 * threads and writes each to the index in large transactions; sets their row.
 * Returns SQLITE_OK or the error that stopped it. */
int store_write_files(struct store *st, struct store_file *files, const size_t *todo, size_t ntodo,
		      const struct store_sync_opts *opts);
/* Removes files and all that came from them (the statements prepared once for
 * all of them). */
int store_forget(struct store *st, const long long *rows, size_t n);

/* store_read.c: every article of the index, ordered by file row then position,
 * with or without bodies; and every file's warnings. Returns SQLITE_OK or an error. */
struct store_rows {
	struct article *arts;
	long long *art_file;            /* the file row of each article */
	size_t n;
	char **warns;
	long long *warn_file;
	size_t nwarns;
	long long *file_rows;           /* every file row, ascending */
	size_t nfile_rows;
};
int store_read_all(struct store *st, bool bodies, struct store_rows *rows);
/* The same, but of the articles only which file each comes from (arts NULL):
 * enough to say where a file gave none. */
int store_read_heads(struct store *st, struct store_rows *rows);
void store_rows_free(struct store_rows *rows);
/* The articles of the files of index rows files[0..n), in that order, added to
 * col without their bodies; SQLITE_OK or the error that stopped it. */
int store_read_files(struct store *st, const long long *files, size_t n, struct collection *col);

/* store_fts.c: the search table (FTS5 with annals's tokenizer). */
struct fold;
struct fold_out;
int store_fts_register(sqlite3 *db);
/* Calls emit for each search token of folded text s[0..n). */
int store_fts_tokens(const char *s, size_t n, void *ctx,
		     int (*emit)(void *ctx, const char *tok, size_t len));
/* The text an article is found by: its title and paragraphs, folded, each
 * ended by a newline (the title's line empty when it has none; malloc'd). */
char *store_fts_text(struct fold *f, struct fold_out *o, const struct article *a);
/* The search table keeps one row per slot of an article (store.h's
 * store_slot): its rowid is the article's row shifted left by this many bits,
 * or'd with the slot; the slots from STORE_FTS_SLOT_LAST on share one row. */
#define STORE_FTS_SLOT_BITS 20
#define STORE_FTS_SLOT_LAST (((size_t)1 << STORE_FTS_SLOT_BITS) - 1)
/* Calls put with the rowid and text of each row that store_fts_text's text of
 * the article of row art makes (empty slots make none); stops at an error. */
int store_fts_rows(long long art, const char *text, void *ctx,
		   int (*put)(void *ctx, long long rowid, const char *s, size_t n));
/* The search table's tokenizer takes the tokens of the row being inserted
 * from the connection's feed when they were made beforehand (store_fts_toks),
 * instead of making them again: store_write.c points text and toks at a row
 * just before it inserts it, and clears them after. NULL when the tokenizer
 * is not registered on db. */
struct store_fts_feed {
	const char *text;       /* the row's folded text, n bytes */
	size_t n;
	const char *toks;       /* its tokens, as store_fts_toks_row made them */
};
struct store_fts_feed *store_fts_feed(sqlite3 *db);
int store_fts_term_slots(struct store *st, const char *term, size_t len, struct store_slot **out,
			 size_t *n, bool *all);
/* The rows of the articles that may match query, ascending; *all when the query
 * narrows nothing (every article may). Returns a SQLite result code. */
int store_fts_candidates(struct store *st, const char *query, long long **rows, size_t *n, bool *all);

/* store_fts_toks.c: the distinct tokens of rows of the search table. */
struct store_fts_toks {
	struct buf out;         /* per row: each token as a length byte and its
				 * bytes, then a 0 byte */
	uint64_t *set;          /* the row's tokens so far (a token is its key) */
	size_t *used;           /* the slots of set in use */
	size_t setcap, nused;
};
void store_fts_toks_init(struct store_fts_toks *t);
void store_fts_toks_free(struct store_fts_toks *t);
/* Adds the distinct tokens of folded text s[0..n) to t->out, as one row. */
void store_fts_toks_row(struct store_fts_toks *t, const char *s, size_t n);
/* Calls emit for each token of the row at *cursor and moves *cursor to the
 * next row; stops calling at the first nonzero return, which it returns. */
int store_fts_toks_each(const char **cursor, void *ctx,
			int (*emit)(void *ctx, const char *tok, size_t len));
/* The row after the one at cursor (NULL stays NULL). */
const char *store_fts_toks_next(const char *cursor);

/* store_events.c: the derived events, kept per generation of the index. */
int store_bump_gen(struct store *st);
long long store_gen(struct store *st);

#endif
