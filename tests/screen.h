/* screen.h: the screen tests' harness. Runs the browser on the memory backend
 * (keys and resizes pushed, the app's loop run until its input is used up) and
 * reads the screen back cell by cell. Set SCREEN_DUMP in the environment to
 * print the screen after every key as TAP diagnostics. */
#ifndef ANNALS_TESTS_SCREEN_H
#define ANNALS_TESTS_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "article.h"
#include "events.h"
#include "surface.h"
#include "term.h"
#include "ui.h"
#include "uilang.h"

/* The browser on a memory terminal. The collection and events stay the
 * caller's and must outlive it. */
struct screen {
	struct term *t;
	struct ui ui;
};

/* Opens a w x h memory terminal, starts the app on col and ev in the interface
 * language ui (NULL: English) and draws the first screen, which it returns. */
const struct surface *screen_start(struct screen *sc, const struct collection *col,
				   const struct event_list *ev, struct uilang *ui, int w, int h);
/* Types keys (UTF-8, one key per character; \n Enter, \t Tab, \x1b Escape). */
const struct surface *screen_keys(struct screen *sc, const char *keys);
const struct surface *screen_key(struct screen *sc, uint32_t key);
const struct surface *screen_resize(struct screen *sc, int w, int h);
void screen_end(struct screen *sc);

/* Column, from x0 on, where needle starts on row y, or -1. Matched cell by
 * cell: a match starts on a cluster, never on a wide one's second column. */
int screen_col_from(const struct surface *s, int y, int x0, const char *needle);
int screen_col_of(const struct surface *s, int y, const char *needle);
/* Row where needle first appears (right of x0), or -1. */
int screen_row_of(const struct surface *s, const char *needle);
int screen_row_from(const struct surface *s, int x0, const char *needle);
/* First row inside r where needle starts at r.x exactly, or -1. */
int screen_row_at(const struct surface *s, struct rect r, const char *needle);
/* First row inside r where needle starts anywhere in r's columns, or -1. */
int screen_row_in(const struct surface *s, struct rect r, const char *needle);
bool screen_row_has(const struct surface *s, int y, const char *needle);
/* Whether the status line (the last row) holds needle. */
bool screen_status_has(const struct surface *s, const char *needle);
/* The attributes of cell (x, y); 0 outside the screen. */
uint16_t screen_attr_at(const struct surface *s, int x, int y);

#endif
