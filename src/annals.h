/* annals.h: the one application struct. It holds the options, the collection
 * and the views derived from it; everything else gets what it needs passed in.
 * Derived views are built on first use, so a command pays only for what it asks. */
#ifndef ANNALS_ANNALS_H
#define ANNALS_ANNALS_H

#include <stdbool.h>
#include <stdio.h>
#include "article.h"
#include "conf.h"
#include "uilang.h"

struct options {
	const char **collections;       /* -C PATH, in order; none: the bundled collection */
	size_t ncollections;
	const char *ui_lang;            /* --ui-lang */
	const char *backend;            /* --backend: "curses" (default) or "tickit" */
	bool json;                      /* --json */
	bool tsv;                       /* --tsv (parallel) */
	bool ambiguous_wide;            /* --ambiguous-wide: East Asian ambiguous = 2 columns */
	bool has_year;
	int year;                       /* timeline --year=Y */
	bool groups;                    /* timeline --groups: happenings, not mentions */
	/* From the configuration (conf.h: command line > environment > file > defaults). */
	const char *reading_lang;       /* the preferred reading language (a tag such as fr or
					   zh-Hant) for the timeline's summaries and the version
					   ] prefers; NULL: none */
	int sort;                       /* the list's order: enum list_sort (ui.h) */
	int width;                      /* the reader's widest line in columns; 0: the pane's */
	bool fresh;                     /* --fresh: start at the top, not where the user was */
	bool no_state;                  /* --no-state: read and write no reading state */
	bool no_cache;                  /* --no-cache: read the files, not the index */
	int jobs;                       /* --jobs=N: threads for reading files; 0: one per core */
	bool reindex;                   /* annals reindex: the index started again */
	bool lazy_bodies;               /* the command needs few bodies: annals_body loads them */
	bool early;                     /* the browser: its first screen from the index as it
					   was, the files looked at afterwards (annals_sync_start) */
	bool lazy_texts;                /* the browser: the events kept in the index come
					   without their texts, each read when shown */
};

struct align_ctx;
struct event_list;
struct search_index;
struct store;

struct annals {
	struct options opt;
	struct collection col;
	struct uilang ui;               /* the interface language now (uilang.h) */
	struct conf conf;               /* the configuration in effect (owns the strings
					   opt points to when they came from it) */
	/* derived on demand (see the accessors below), owned here */
	struct event_list *events;
	struct search_index *search;
	struct store *store;            /* the index (store.h), or NULL: files read directly */
	struct align_ctx *align;        /* what every alignment shares (align.h) */
	const char *bundled;            /* the bundled collection's folder, when no -C */
	bool peeked;                    /* col is the index as it was: a sync is due */
	bool events_due;                /* events shown empty until that sync derives them */
	bool indexing;                  /* there was no index: that sync is the first ingestion */
};

/* The bundled collection's folder: the source tree's data/collection when run
 * from the build tree, else $(pkgdatadir)/collection. */
const char *annals_bundled_collection(void);
/* Folder of the interface translations (LL/LC_MESSAGES/annals.mo): the build
 * tree's locale/ when run from the build tree, else $(localedir). */
const char *annals_locale_dir(void);
/* Folder of the data files (boilerplate list): source tree's data/ or $(pkgdatadir). */
const char *annals_data_dir(void);

/* Reads every collection named in opt (or the bundled one). Returns 0, or 1 when
 * nothing could be read at all (a message has been printed to err). Warnings
 * about single files stay in app->col.warnings. */
int annals_load(struct annals *app, FILE *err);
/* The article's body, loaded from the index when it was read without it
 * (opt.lazy_bodies). Returns false when it could not be had (a message has been
 * printed to err). */
bool annals_body(struct annals *app, const struct article *a, FILE *err);
/* When annals_load read the index as it was (opt.early), its sync: started in
 * a thread of its own (NULL when none is due); annals_sync_done says whether it
 * ended, without waiting; annals_sync_finish waits for it and takes its
 * result: true when the collection changed, which then replaced app->col (the
 * events and the search index are dropped, to be derived again). */
struct annals_sync;
struct annals_sync *annals_sync_start(struct annals *app);
bool annals_sync_done(const struct annals_sync *s);
bool annals_sync_finish(struct annals *app, struct annals_sync *s);
/* While it derives the events again after the files changed: puts what it read
 * in place of app->col at once, keeping the events of the articles that are
 * still there (the rest come with annals_sync_finish); true when it did. From
 * the thread that owns app. */
bool annals_sync_take_early(struct annals *app, struct annals_sync *s);
/* Whether annals_sync_take_early has something to hand over. */
bool annals_sync_early_ready(const struct annals_sync *s);
/* How far it is (store_watch): files read of those to read (total 0: the
 * files are still being walked), and whether it is deriving the events. */
void annals_sync_progress(struct annals_sync *s, size_t *done, size_t *total, bool *deriving);
/* Asks it to stop soon (the browser quits): what it wrote stays in the index. */
void annals_sync_cancel(struct annals_sync *s);
/* A first ingestion (app->indexing): the articles it wrote since the last
 * call, appended to app->col without their bodies (loaded from the index on
 * demand), in the order the files were walked; returns how many. From the
 * thread that owns app, while the sync runs; annals_sync_finish then puts
 * the whole collection, sorted, in place of them. */
size_t annals_sync_take(struct annals *app, struct annals_sync *s);
/* Prints the collection's warnings to err as "annals: FILE:LINE: message". */
void annals_print_warnings(const struct annals *app, FILE *err);
void annals_free(struct annals *app);

/* Every match of query, as search_run gives it on the whole collection. With
 * the index, only the articles its search table names as candidates are
 * loaded and searched. Returns 0, or -1 for an empty query. */
struct search_match;
int annals_search_run(struct annals *app, const char *query, struct search_match **out, size_t *n);

/* The index's search table as a search source (search.h), ctx app; false
 * when there is no index (files read directly). */
struct search_source;
bool annals_search_source(struct annals *app, struct search_source *src);

/* Derived views, built on first use. */
const struct event_list *annals_events(struct annals *app);
struct search_index *annals_search(struct annals *app);
/* The dictionaries every alignment of the process shares, read on first need. */
struct align_ctx *annals_align(struct annals *app);

#endif
