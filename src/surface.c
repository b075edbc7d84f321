/* surface.c: a rectangle of cells. Text arrives through the layout module, so a
 * cell only ever holds one safe, measured cluster. A wide cluster is a lead cell
 * (width 2) followed by a continuation cell (width 0, text ""); whatever breaks
 * that pair up blanks the other half, so no backend is asked to draw half a
 * character. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "surface.h"
#include "xalloc.h"

static void surface_blank(struct cell *c, struct style st)
{
	c->text[0] = ' ';
	c->text[1] = '\0';
	c->width = 1;
	c->style = st;
}

struct surface *surface_new(int w, int h, const struct layout_opts *lo)
{
	struct surface *s = xcalloc(1, sizeof *s);

	if (lo != NULL)
		s->lo = *lo;
	s->cursor_x = s->cursor_y = -1;
	surface_resize(s, w, h);
	return s;
}

void surface_free(struct surface *s)
{
	if (s == NULL)
		return;
	free(s->cells);
	free(s);
}

void surface_resize(struct surface *s, int w, int h)
{
	size_t i, n;

	s->w = w > 0 ? w : 0;
	s->h = h > 0 ? h : 0;
	n = (size_t)s->w * (size_t)s->h;
	free(s->cells);
	s->cells = xmalloc((n ? n : 1) * sizeof *s->cells);
	for (i = 0; i < n; i++)
		surface_blank(&s->cells[i], STYLE_PLAIN);
	if (s->cursor_x >= s->w || s->cursor_y >= s->h)
		s->cursor_x = s->cursor_y = -1;
}

bool surface_cell_same(const struct cell *a, const struct cell *b)
{
	return a->width == b->width && a->style.attr == b->style.attr &&
	       a->style.fg == b->style.fg && a->style.bg == b->style.bg &&
	       strcmp(a->text, b->text) == 0;
}

struct rect surface_rect(const struct surface *s)
{
	return (struct rect){ 0, 0, s->w, s->h };
}

struct cell *surface_cell(struct surface *s, int x, int y)
{
	if (x < 0 || y < 0 || x >= s->w || y >= s->h)
		return NULL;
	return &s->cells[(size_t)y * (size_t)s->w + (size_t)x];
}

const struct cell *surface_cell_const(const struct surface *s, int x, int y)
{
	if (x < 0 || y < 0 || x >= s->w || y >= s->h)
		return NULL;
	return &s->cells[(size_t)y * (size_t)s->w + (size_t)x];
}

/* r cut to the surface. */
static struct rect surface_clip(const struct surface *s, struct rect r)
{
	int x1 = r.x + r.w, y1 = r.y + r.h;

	if (r.w <= 0 || r.h <= 0)
		return (struct rect){ 0, 0, 0, 0 };
	if (r.x < 0)
		r.x = 0;
	if (r.y < 0)
		r.y = 0;
	if (x1 > s->w)
		x1 = s->w;
	if (y1 > s->h)
		y1 = s->h;
	r.w = x1 > r.x ? x1 - r.x : 0;
	r.h = y1 > r.y ? y1 - r.y : 0;
	return r;
}

/* Before cell x, y is overwritten: if it is half of a wide cluster, the other
 * half becomes a space (in its own style). */
static void surface_unpair(struct surface *s, int x, int y)
{
	struct cell *c = surface_cell(s, x, y), *other;

	if (c == NULL)
		return;
	if (c->width == 0) {
		other = surface_cell(s, x - 1, y);
		if (other != NULL && other->width == 2)
			surface_blank(other, other->style);
	} else if (c->width == 2) {
		other = surface_cell(s, x + 1, y);
		if (other != NULL && other->width == 0)
			surface_blank(other, other->style);
	}
}

/* Puts one shown cluster of width 1 or 2 at x, y (inside the surface). */
static void surface_put(struct surface *s, int x, int y, const char *text, int width,
			struct style st)
{
	struct cell *c;

	struct cell *next = width == 2 ? surface_cell(s, x + 1, y) : NULL;

	c = surface_cell(s, x, y);
	if (c == NULL || (width == 2 && next == NULL))
		return;         /* callers clip first; a wide cluster never half fits */
	surface_unpair(s, x, y);
	if (width == 2)
		surface_unpair(s, x + 1, y);
	snprintf(c->text, sizeof c->text, "%s", text);
	c->width = (uint8_t)width;
	c->style = st;
	if (next != NULL) {
		next->text[0] = '\0';
		next->width = 0;
		next->style = st;
	}
}

void surface_fill(struct surface *s, struct rect r, struct style st)
{
	int x, y;

	r = surface_clip(s, r);
	for (y = r.y; y < r.y + r.h; y++) {
		surface_unpair(s, r.x, y);
		surface_unpair(s, r.x + r.w - 1, y);
		for (x = r.x; x < r.x + r.w; x++)
			surface_blank(&s->cells[(size_t)y * (size_t)s->w + (size_t)x], st);
	}
}

int surface_print(struct surface *s, struct rect clip, int x, int y, const char *text,
		  size_t n, struct style st)
{
	struct layout_info li;
	char shown[LAYOUT_CLUSTER_MAX];
	size_t pos;
	int col = x, w, i, right, tw = s->lo.tab_width > 0 ? s->lo.tab_width : 8;
	bool row_visible;

	clip = surface_clip(s, clip);
	right = clip.x + clip.w;
	row_visible = y >= clip.y && y < clip.y + clip.h;
	for (pos = 0; pos < n && col < right; pos += li.len) {
		layout_scan(text + pos, n - pos, &s->lo, &li);
		if (li.kind == LAYOUT_TAB) {
			/* Tab stops count from where the text starts. */
			w = tw - (col - x) % tw;
			for (i = 0; i < w && col < right; i++, col++)
				if (row_visible && col >= clip.x)
					surface_put(s, col, y, " ", 1, st);
			continue;
		}
		w = li.width;
		if (w == 0)
			continue;
		if (li.kind == LAYOUT_CONTROL || li.kind == LAYOUT_NEWLINE ||
		    li.kind == LAYOUT_C1 || li.kind == LAYOUT_ESCAPE_MARK) {
			/* A mark (^[, <9b>, <U+202E>) is ASCII: one cell a byte. */
			layout_visible(text + pos, li.len, shown, &s->lo);
			for (i = 0; shown[i] != '\0' && col < right; i++, col++) {
				char one[2] = { shown[i], '\0' };
				if (row_visible && col >= clip.x)
					surface_put(s, col, y, one, 1, st);
			}
			continue;
		}
		if (row_visible && col + w > clip.x && col < right) {
			if (col < clip.x || col + w > right) {
				/* Straddles an edge: the part inside becomes spaces. */
				for (i = 0; i < w; i++)
					if (col + i >= clip.x && col + i < right)
						surface_put(s, col + i, y, " ", 1, st);
			} else {
				layout_visible(text + pos, li.len, shown, &s->lo);
				surface_put(s, col, y, shown, w, st);
			}
		}
		col += w;
	}
	if (col > right)
		col = right;
	return col - x;
}

int surface_prints(struct surface *s, struct rect clip, int x, int y, const char *text,
		   struct style st)
{
	return surface_print(s, clip, x, y, text, strlen(text), st);
}

void surface_restyle(struct surface *s, struct rect r, struct style st)
{
	int x, y;

	r = surface_clip(s, r);
	for (y = r.y; y < r.y + r.h; y++)
		for (x = r.x; x < r.x + r.w; x++)
			s->cells[(size_t)y * (size_t)s->w + (size_t)x].style = st;
}

void surface_recolour(struct surface *s, const int8_t map[8])
{
	size_t n = (size_t)s->w * (size_t)s->h;
	for (size_t i = 0; i < n; i++) {
		struct style *st = &s->cells[i].style;
		if (st->fg >= 0 && st->fg < 8)
			st->fg = map[st->fg];
		if (st->bg >= 0 && st->bg < 8)
			st->bg = map[st->bg];
	}
}

static void surface_row_add(const struct surface *s, int y, struct buf *b)
{
	const struct cell *c;
	int x;

	for (x = 0; x < s->w; x++) {
		c = &s->cells[(size_t)y * (size_t)s->w + (size_t)x];
		if (c->width != 0)
			buf_adds(b, c->text);
	}
}

char *surface_dump(const struct surface *s)
{
	struct buf b;
	int y;

	buf_init(&b);
	for (y = 0; y < s->h; y++) {
		surface_row_add(s, y, &b);
		buf_addc(&b, '\n');
	}
	return buf_take(&b);
}

char *surface_row(const struct surface *s, int y)
{
	struct buf b;

	buf_init(&b);
	if (y >= 0 && y < s->h) {
		surface_row_add(s, y, &b);
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
	}
	return buf_take(&b);
}
