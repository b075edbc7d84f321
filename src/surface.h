/* surface.h: a rectangle of cells that panes draw on. Panes never talk to a
 * terminal; a backend (term_*.c) shows a surface, and tests read one as text.
 * Everything written here goes through the layout module, so a surface holds
 * only safe, measured clusters: a wide cluster takes its cell and a continuation
 * cell, and is never cut in half by a clip edge (it becomes spaces instead). */
#ifndef ANNALS_SURFACE_H
#define ANNALS_SURFACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout.h"

enum {
	ATTR_BOLD = 1 << 0,
	ATTR_UNDERLINE = 1 << 1,
	ATTR_REVERSE = 1 << 2,
	ATTR_DIM = 1 << 3,
	ATTR_ITALIC = 1 << 4,
};

/* Colours are indices of the terminal's own palette; COLOR_NONE is its default. */
enum {
	COLOR_NONE = -1, COLOR_BLACK = 0, COLOR_RED, COLOR_GREEN, COLOR_YELLOW,
	COLOR_BLUE, COLOR_MAGENTA, COLOR_CYAN, COLOR_WHITE,
};

struct style {
	uint16_t attr;
	int8_t fg, bg;
};
#define STYLE_PLAIN ((struct style){ 0, COLOR_NONE, COLOR_NONE })

struct cell {
	char text[LAYOUT_CLUSTER_MAX];  /* one cluster, NUL-terminated; "" in the second
					   column of a wide cluster */
	uint8_t width;                  /* 1 or 2; 0 for a continuation cell */
	struct style style;
};

struct rect {
	int x, y, w, h;
};

struct surface {
	int w, h;
	struct cell *cells;             /* h rows of w cells */
	struct layout_opts lo;
	int cursor_x, cursor_y;         /* where the terminal cursor goes; -1: hidden */
};

struct surface *surface_new(int w, int h, const struct layout_opts *lo);
void surface_free(struct surface *s);
/* New size; contents become blank. */
void surface_resize(struct surface *s, int w, int h);
/* Whether two cells show the same: text, width and style. */
bool surface_cell_same(const struct cell *a, const struct cell *b);
struct rect surface_rect(const struct surface *s);
/* The cell at x, y, or NULL outside. */
struct cell *surface_cell(struct surface *s, int x, int y);
const struct cell *surface_cell_const(const struct surface *s, int x, int y);

/* Blank cells (a space) in r, in style st. */
void surface_fill(struct surface *s, struct rect r, struct style st);
/* Writes s[0..n) at x, y, clipped to clip (and the surface); a cluster that would
 * straddle the clip's right edge is replaced by spaces. Returns the columns
 * advanced (as if unclipped on the right up to clip's edge). */
int surface_print(struct surface *s, struct rect clip, int x, int y, const char *text,
		  size_t n, struct style st);
int surface_prints(struct surface *s, struct rect clip, int x, int y, const char *text,
		   struct style st);
/* Sets the style of the cells in r, keeping their text (highlights, selections). */
void surface_restyle(struct surface *s, struct rect r, struct style st);

/* Shows each colour i of the cells as map[i] (COLOR_NONE: the terminal's
 * own): the palette of the configuration (conf_colour_map), applied once to a
 * drawn screen so that no pane has to know it. */
void surface_recolour(struct surface *s, const int8_t map[8]);

/* The surface as text, one line a row, trailing spaces kept, wide clusters once
 * (for tests and for dumps). Caller frees. */
char *surface_dump(const struct surface *s);
/* Row y as text, trailing spaces dropped. Caller frees. */
char *surface_row(const struct surface *s, int y);

#endif
