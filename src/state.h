/* state.h: what a reader keeps between runs, for one set of collections:
 * where the user was (pane, article, paragraph, the side-by-side pair), which
 * articles were read, the marks (on articles and on events), and the history
 * of opened articles. It lives in a SQLite database in the state folder
 * (db.h opens it; this is the only code that speaks SQL to it), never in a
 * collection.
 *
 * Articles are known by their ID and a hash of their content, so a renamed or
 * edited file starts afresh instead of inheriting another text's state. An
 * entry whose article is gone is kept quietly (the file may come back) and
 * dropped once it has been missing for STATE_KEEP_DAYS.
 *
 * Every change is written at once, each in its own transaction, so a crash,
 * kill -9, a full disk or a second annals on the same collections loses
 * nothing already saved and corrupts nothing; a write that fails leaves the
 * store as it was, the change is kept in memory for this run, and the first
 * failure is reported once. With no database (--no-state, or one that could
 * not be opened) everything still works in memory and nothing is written. */
#ifndef ANNALS_STATE_H
#define ANNALS_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "article.h"

#define STATE_KEEP_DAYS 180
#define STATE_HISTORY_MAX 100
#define STATE_HASH_LEN 16               /* hex digits of an article's content hash */
#define STATE_NONE ((size_t)-1)

struct sqlite3;

struct state_article {
	bool read;
	bool marked;
	bool has_pos;                   /* a position was saved */
	size_t para, off;               /* the paragraph (and byte in it) read last */
};

/* A mark: an article, or an event in one (its paragraph and byte offset). */
struct state_mark {
	size_t article;
	bool event;
	size_t para, start;
};

/* Where the user was when annals last ran. */
struct state_place {
	bool valid;
	int pane;                       /* enum ui_pane */
	size_t article;                 /* STATE_NONE: none */
	size_t para, off;
	size_t split_a, split_b;        /* the side-by-side pair; STATE_NONE: not reading two */
	char split_lang_a[LANG_TAG_MAX], split_lang_b[LANG_TAG_MAX];
};

struct state {
	struct sqlite3 *db;             /* NULL: kept in memory only */
	const struct collection *col;
	char (*hash)[STATE_HASH_LEN + 1];
	struct state_article *a;        /* one per article of col */
	size_t n;
	struct state_mark *marks;       /* in the order they were made */
	size_t nmarks, capmarks;
	size_t *history;                /* opened articles, oldest first */
	size_t nhistory, caphistory;
	struct state_place place;
	char *warning;                  /* the first problem (malloc'd, translated), or NULL */
	bool write_failed;              /* a write failed: said once */
	time_t now;                     /* when it was opened: what "seen" means this run */
};

/* The hash that names an article's content (title and paragraphs). */
void state_hash(const struct article *a, char out[STATE_HASH_LEN + 1]);

/* Opens the store at path for col (path NULL: memory only) and reads it. A
 * store that cannot be used leaves a warning and st working in memory.
 * now: the time, for dropping entries gone too long. */
void state_open(struct state *st, const struct collection *col, const char *path, time_t now);
void state_close(struct state *st);
/* Articles were added at the end of the collection (a first ingestion hands
 * them over as it goes): they start unread and unmarked, and what is done
 * to them is kept as for any other. What the store holds for them is read at
 * the next state_open. */
void state_grow(struct state *st);

/* The store's file for a set of collections: $XDG_STATE_HOME/annals/
 * state-HASH.sqlite, the hash of their resolved paths (db_set_name). NULL
 * (with *warning) when there is no state folder. */
char *state_path(const char *const *paths, size_t npaths, char **warning);

/* Changes, each written at once. They return false when the store could not
 * take it (the change still holds for this run). */
bool state_set_read(struct state *st, size_t article, bool read);
bool state_set_marked(struct state *st, size_t article, bool marked);
/* Toggles the mark of an event (article, paragraph, byte offset); returns its new state. */
bool state_toggle_event_mark(struct state *st, size_t article, size_t para, size_t start);
bool state_event_marked(const struct state *st, size_t article, size_t para, size_t start);
/* Whether an article or any event in it is marked. */
bool state_any_mark(const struct state *st, size_t article);
bool state_set_position(struct state *st, size_t article, size_t para, size_t off);
bool state_save_place(struct state *st, const struct state_place *p);
/* Appends an opened article to the history (not when it is already the last). */
bool state_history_push(struct state *st, size_t article);
/* Drops the last entry and returns the one before it (STATE_NONE when none). */
size_t state_history_back(struct state *st);

#endif
