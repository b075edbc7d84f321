/* split.h: side-by-side reading. Two texts (two articles, or two language
 * parts of one) shown beside each other (left and right from SPLIT_WIDE_W
 * columns, else top and bottom), aligned sentence by sentence (align.h):
 * with synchronised scrolling each aligned block starts on the same row on
 * both sides, and the block under the cursor is highlighted on both. The
 * picker chooses what goes beside the open article. app.c keeps one pointer
 * to each in struct ui and calls the hooks below. */
#ifndef ANNALS_SPLIT_H
#define ANNALS_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "events.h"
#include "keymap.h"
#include "surface.h"
#include "term.h"
#include "xalloc.h"

#define SPLIT_WIDE_W 100                /* from here the sides are left and right */

struct ui;

/* ---- the chooser (picker.c) */
struct picker_item {
	size_t article;
	bool same;                      /* another language part of the open article */
	char lang[LANG_TAG_MAX];        /* the part to show ("": the whole article) */
	bool other_lang;                /* in a language the open text is not in */
	bool shares_events;             /* reports a happening the open article reports */
};

struct picker {
	size_t from;                    /* the open article */
	struct picker_item *v;
	size_t n, sel, top;
	int height;                     /* rows of the last draw, for paging */
};

enum picker_result { PICKER_MORE = 0, PICKER_CHOSEN, PICKER_CANCEL };

/* The choices beside article from: its other language parts first, then the
 * other articles, those in another language or sharing an event group first. */
struct picker *picker_new(const struct collection *col, const struct event_list *ev,
			  size_t from);
void picker_free(struct picker *p);
enum picker_result picker_act(struct picker *p, enum action a, long count);
/* An overlay box centred in r. */
void picker_draw(struct picker *p, const struct collection *col, struct surface *s,
		 struct rect r);

/* ---- the split view (pane_split.c) */
struct split_view;

/* Opens the split view on article a0 (part lang0, NULL or "" for all) beside
 * a1 (lang1). Returns false when a side has nothing to read. */
bool split_open(struct ui *ui, size_t a0, const char *lang0, size_t a1, const char *lang1);
/* Closes it; the reader stays where the split view was reading. */
void split_close(struct ui *ui);
/* Frees the split view and the picker (app_free). */
void split_free_all(struct ui *ui);
/* Actions: side-by-side opens the picker (or closes the split), and while the
 * picker or the split view is open, the moving ones are theirs. True when
 * the action was used. */
bool split_act(struct ui *ui, enum action a, long count);
bool split_mouse(struct ui *ui, const struct term_event *ev);
/* Draws the split view over body; false when there is none. */
bool split_draw(struct ui *ui, struct rect body);
/* The alignment side (0 or 1) that shows byte start of paragraph para of
 * article, or -1 (no split view, or neither side). */
int split_side_holding(const struct ui *ui, size_t article, size_t para, size_t start);
/* Shows bytes [start, start + len) of that paragraph on the side that holds
 * it, marked, and gives that side the focus; false when neither does. */
bool split_show(struct ui *ui, size_t article, size_t para, size_t start, size_t len);
/* The status line's part for the split view (sync, position). */
void split_status(struct ui *ui, struct buf *right);

/* The two texts read side by side (articles, and language parts: "" for the
 * whole article), left or top first as opened; false when the split is closed. */
bool split_pair(const struct ui *ui, size_t art[2], char lang[2][LANG_TAG_MAX]);
/* Where a split view stands: sync, sides, focus, cursor and scroll. Given
 * back to one opened again on the same pair, at the same size (app_fill.c:
 * across the filling list's final swap). get is false with no split view. */
struct split_place {
	bool sync, swapped;
	int focus;
	size_t cur;
	int top[2];
};
bool split_place_get(const struct ui *ui, struct split_place *p);
void split_place_set(struct ui *ui, const struct split_place *p);

/* The texts of the aligned pair under the cursor, one side, a blank line, the
 * other (for c). Caller frees; NULL when the split is closed. */
char *split_block_text(const struct ui *ui);

/* For tests: where things are after the last draw. */
struct split_info {
	bool open, fallback, vertical;  /* vertical: left and right */
	bool sync, translation, anchored, swapped;
	int focus;                      /* shown side with the focus (0 left/top) */
	struct rect text[2];            /* text areas of the shown sides */
	size_t cur;                     /* the block under the cursor */
	size_t nblocks;
	int cur_row[2];                 /* screen row where it starts on each shown side,
					   -1 when not on screen */
};
void split_get_info(const struct ui *ui, struct split_info *info);

#endif
