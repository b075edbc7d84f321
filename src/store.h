/* store.h: the persistent index of a collection set, in SQLite (db.h), and the
 * only code that speaks SQL to it. It keeps, for every file of the collections,
 * what ingest made of it: the file's identity (path, size, times, inode), its
 * warnings, its articles (every field of `list --json`) and their paragraphs.
 * A sync walks the collections (stat only), reads again only the files that are
 * new or changed (with worker threads, one writer), drops the vanished ones, and
 * gives back the collection exactly as reading every file would, in the same
 * order with the same warnings: with bodies, or without them (list, show) and
 * one body loaded on demand (store_body). */
#ifndef ANNALS_STORE_H
#define ANNALS_STORE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "article.h"
#include "uilang.h"

struct store;

/* Opens (or creates) the index of this set of collection roots in the cache
 * folder. NULL when there is none to be had; *warning then says why (malloc'd).
 * *warning may also be set on success (a damaged index was set aside). */
struct store *store_open(const char *const *roots, size_t nroots, char **warning);
void store_close(struct store *st);
/* Forgets every file (annals reindex). Returns 0, or -1. */
int store_clear(struct store *st);

/* How far a sync is, for a thread that watches it (the browser's status
 * line): files read of those to read, total 0 while the files are walked;
 * cancel, set by the watcher, stops it at the next file with what it wrote
 * kept (store_sync then fails, with no warning). With publish (a first
 * ingestion, whose list fills as it goes), the articles of the files read
 * are handed over as each transaction that wrote them commits, without their
 * bodies (which the watcher's own connection loads by row): the sync's
 * thread adds them to arrived, the watcher takes them with store_watch_take,
 * both under mu. */
struct store_watch {
	atomic_size_t done, total;
	atomic_bool cancel;
	bool publish;                   /* set before the sync starts, then only read */
	pthread_mutex_t mu;
	struct collection arrived;      /* guarded by mu */
};
void store_watch_init(struct store_watch *w, bool publish);
void store_watch_free(struct store_watch *w);
/* Moves the articles handed over since the last call to the end of col (in
 * the order the files were walked); returns how many. */
size_t store_watch_take(struct store_watch *w, struct collection *col);

/* What a sync changed, as soon as it is written: the files whose articles
 * are gone or were read again, by path, and the articles read from them
 * (without their bodies; a file named twice, once). */
struct store_delta {
	char **gone;
	size_t ngone;
	struct collection added;
};
void store_delta_free(struct store_delta *d);

struct store_sync_opts {
	const char *datadir;            /* boilerplate list and the like (ingest_new) */
	int jobs;                       /* worker threads; 0: one per core */
	bool bodies;                    /* load every article's paragraphs */
	FILE *progress;                 /* where the progress bar goes (a terminal), or NULL */
	enum uilang_id lang;            /* the interface language: how the bar writes numbers */
	struct store_watch *watch;      /* kept up to date while it runs, or NULL */
	/* When not NULL: set true when the index is still at generation known
	 * (the one the caller read) and no file changed; the articles are then
	 * not read again, and col holds the warnings only. */
	bool *unchanged;
	long long known;
	/* When not NULL: called once the files that changed are written, before
	 * every article is read back, with what changed (the callee takes d's
	 * contents): a browser shows it while the sync goes on. */
	void (*written)(void *ctx, struct store_delta *d);
	void *written_ctx;
};

/* Brings the index up to date with the files under roots and reads it into col
 * (empty on entry). *readable counts the roots that could be read. Returns 0;
 * -1 when the index failed part way (locked too long, full disk, damaged): col
 * is then emptied, *warning says why, and the caller reads the files directly. */
int store_sync(struct store *st, const char *const *roots, size_t nroots,
	       const struct store_sync_opts *opts, struct collection *col, size_t *readable,
	       char **warning);

/* The collection as the index last left it, read without looking at the files
 * (the browser's first screen, before store_sync brings it up to date): every
 * article without its body, sorted; no warnings. Returns 0, or -1 when the
 * index holds nothing usable for these roots (empty, made by another reading,
 * unreadable; datadir as store_sync_opts's): col is then left empty. */
int store_peek(struct store *st, const char *datadir, struct collection *col);
/* The index's generation as this process last read or synced it: a sync that
 * changed anything gives a new one. */
long long store_generation(const struct store *st);
/* Takes the generation another connection's sync reached, whose collection
 * this process now shows (the kept events are then its). */
void store_set_generation(struct store *st, long long gen);

/* The index rows (article->row) of the articles that may match a search query,
 * ascending, a superset of those that do; *all when the query narrows nothing.
 * Returns 0, or -1 when the search table cannot be read. */
int store_candidates(struct store *st, const char *query, long long **rows, size_t *n, bool *all);

/* A place in an article the search table names: slot 0 is the title, slot
 * k + 1 paragraph k; rest: that slot and every later one (an article of very
 * many paragraphs keeps its last ones in one row). */
struct store_slot {
	long long row;                  /* the article's index row */
	size_t slot;
	bool rest;
};
/* The slots whose text may hold term (folded, as fold.h folds), ascending by
 * row then slot, a superset of those that do; *all when the term narrows
 * nothing (one ASCII letter, or only marks). Returns 0, or -1 when the search
 * table cannot be read. */
int store_term_slots(struct store *st, const char *term, size_t len, struct store_slot **out,
		     size_t *n, bool *all);
/* Calls each for every slot whose text may hold one of the folded terms
 * terms[i][0..lens[i]), with that text folded, ascending by row then slot,
 * until each returns non-zero. Returns 0; 1 when a term narrows nothing (each
 * is not called); -1 when the search table cannot be read. */
int store_scan(struct store *st, const char *const *terms, const size_t *lens, size_t nterms,
	       int (*each)(void *arg, long long row, size_t slot, const char *folded, size_t len),
	       void *arg);
/* The text of paragraph para of the article of index row row (malloc'd), or
 * NULL when the index has no such paragraph (any longer). */
char *store_para_text(struct store *st, long long row, size_t para);

/* The events derived from col (events.h), when the index kept them for the
 * collection as it is; NULL otherwise. col must be the one store_sync gave. */
struct event_list;
struct event;
struct event_list *store_events_load(struct store *st, const struct collection *col);
/* The same without the events' texts (each NULL, to be had with
 * store_event_text when shown). */
struct event_list *store_events_load_bare(struct store *st, const struct collection *col);
/* The text of the event at seq (its place in the list store_events_load gave)
 * whose article has row, malloc'd; NULL when it has none, or when the index no
 * longer holds that event there (another sync derived them again meanwhile). */
char *store_event_text(struct store *st, size_t seq, long long row, const struct event *e);
/* Keeps them, unless the index changed since the sync. */
void store_events_save(struct store *st, const struct collection *col, const struct event_list *ev);

/* What was derived from the article of index row row alone (events.h's
 * events_keep), as kept: malloc'd bytes, *len of them; NULL when none is. */
void *store_derived_get(struct store *st, long long row, size_t *len);
/* Keeps it, in one transaction with the others until store_derived_done, and
 * only while no other process changed the index since the sync. */
void store_derived_put(struct store *st, long long row, const void *raw, size_t len);
/* The same of what aligning text (row a, language la) with (row b, lb) told
 * the grouping (events.h's events_keep; words: whether the sentences' words
 * were asked too); kept until either article changes. */
void *store_pair_get(struct store *st, long long a, long long b, const char *la, const char *lb,
		     bool words, size_t *len);
void store_pair_put(struct store *st, long long a, long long b, const char *la, const char *lb,
		    bool words, const void *raw, size_t len);
/* Ends what the puts began (the transaction, the statements). */
void store_derived_done(struct store *st);

/* Loads the paragraphs of an article read without its body. Returns 0, or -1. */
int store_body(struct store *st, struct article *a);

#endif
