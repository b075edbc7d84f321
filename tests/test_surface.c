/* test_surface.c: cells, wide clusters and their continuation cells, clipping
 * at odd edges, and hostile text reaching a surface only as visible marks. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "surface.h"
#include "tap.h"

static const struct layout_opts lo = { false, 8 };

static void test_row(const struct surface *s, int y, const char *want, const char *what)
{
	char *got = surface_row(s, y);

	tap_str_eq(got, want, what);
	free(got);
}

/* Every cell holds valid UTF-8 with no control, C1 or bidi control, and the
 * pairing holds: a width-2 cell is followed by a width-0 cell with "", and a
 * width-0 cell follows a width-2 one. */
static bool test_cells_sane(const struct surface *s)
{
	int x, y;

	for (y = 0; y < s->h; y++)
		for (x = 0; x < s->w; x++) {
			const struct cell *c = surface_cell_const(s, x, y);
			const struct cell *next = surface_cell_const(s, x + 1, y);
			const struct cell *prev = surface_cell_const(s, x - 1, y);
			size_t n = strlen(c->text), pos;
			utf8proc_int32_t cp;
			utf8proc_ssize_t r;

			if (c->width == 2 && (next == NULL || next->width != 0 || next->text[0] != '\0'))
				return false;
			if (c->width == 0 && (prev == NULL || prev->width != 2 || c->text[0] != '\0'))
				return false;
			if (c->width == 1 && n == 0)
				return false;
			for (pos = 0; pos < n; pos += (size_t)r) {
				r = utf8proc_iterate((const utf8proc_uint8_t *)c->text + pos,
						     (utf8proc_ssize_t)(n - pos), &cp);
				if (r <= 0 || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
				    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
					return false;
			}
		}
	return true;
}

static void test_basics(void)
{
	struct surface *s = surface_new(10, 3, &lo);
	struct rect r = surface_rect(s);
	char *d;
	int adv;

	tap_ok(r.x == 0 && r.y == 0 && r.w == 10 && r.h == 3, "rect covers the surface");
	tap_ok(s->cursor_x == -1 && s->cursor_y == -1, "cursor starts hidden");
	d = surface_dump(s);
	tap_str_eq(d, "          \n          \n          \n", "a new surface is blank");
	free(d);
	tap_ok(surface_cell(s, -1, 0) == NULL && surface_cell(s, 10, 0) == NULL &&
	       surface_cell(s, 0, 3) == NULL && surface_cell_const(s, 0, -1) == NULL,
	       "cells outside are NULL");

	adv = surface_prints(s, r, 0, 0, "abc", STYLE_PLAIN);
	tap_int_eq(adv, 3, "ASCII advances by its width");
	test_row(s, 0, "abc", "ASCII written");
	adv = surface_prints(s, r, 0, 1, "中文", STYLE_PLAIN);
	tap_int_eq(adv, 4, "CJK advances 2 a character");
	tap_ok(surface_cell(s, 0, 1)->width == 2 && strcmp(surface_cell(s, 0, 1)->text, "中") == 0,
	       "wide cluster in its lead cell");
	tap_ok(surface_cell(s, 1, 1)->width == 0 && surface_cell(s, 1, 1)->text[0] == '\0',
	       "continuation cell: width 0, empty");
	d = surface_dump(s);
	tap_str_eq(d, "abc       \n中文      \n          \n",
		   "dump: wide clusters once, trailing spaces kept");
	free(d);
	test_row(s, 1, "中文", "row: trailing spaces dropped");
	test_row(s, 5, "", "row outside is empty");

	/* Overwriting halves. */
	surface_prints(s, r, 1, 1, "x", STYLE_PLAIN);
	test_row(s, 1, " x文", "writing on a continuation blanks the lead");
	surface_prints(s, r, 2, 1, "y", STYLE_PLAIN);
	test_row(s, 1, " xy", "writing on a lead blanks the continuation");
	surface_prints(s, r, 0, 2, "中文字", STYLE_PLAIN);
	surface_prints(s, r, 1, 2, "韩", STYLE_PLAIN);
	test_row(s, 2, " 韩 字", "a wide cluster over two halves blanks both others");
	tap_ok(test_cells_sane(s), "pairing holds after overwrites");

	surface_prints(s, r, 0, 0, "e\xCC\x81t\xC3\xA9", STYLE_PLAIN);
	tap_str_eq(surface_cell(s, 0, 0)->text, "e\xCC\x81", "a base and its mark share a cell");
	test_row(s, 0, "e\xCC\x81t\xC3\xA9", "combining text written");
	surface_prints(s, r, 0, 0, "a\xE2\x80\x8B" "b   ", STYLE_PLAIN);
	test_row(s, 0, "ab", "zero width space takes no cell");
	surface_free(s);
}

static void test_clipping(void)
{
	struct surface *s = surface_new(9, 6, &lo);
	struct style st = { ATTR_BOLD, COLOR_RED, COLOR_NONE };
	char *d;
	int adv;

	adv = surface_prints(s, (struct rect){ 0, 0, 5, 1 }, 0, 0, "中文字", st);
	test_row(s, 0, "中文", "clip at an odd right edge");
	tap_ok(surface_cell(s, 4, 0)->width == 1 && strcmp(surface_cell(s, 4, 0)->text, " ") == 0 &&
	       surface_cell(s, 4, 0)->style.attr == ATTR_BOLD,
	       "the straddling character becomes a space in the text's style");
	tap_int_eq(adv, 5, "advance stops at the clip edge");

	adv = surface_prints(s, (struct rect){ 1, 1, 5, 1 }, 0, 1, "中文字符", STYLE_PLAIN);
	d = surface_row(s, 1);
	tap_str_eq(d, "  文字", "clip at an odd left edge: the cut character is a space");
	free(d);
	tap_ok(surface_cell(s, 0, 1)->width == 1 && strcmp(surface_cell(s, 0, 1)->text, " ") == 0,
	       "nothing written left of the clip");
	tap_int_eq(adv, 6, "advance counts from x to the clip edge");

	adv = surface_prints(s, surface_rect(s), 6, 2, "a中文", STYLE_PLAIN);
	test_row(s, 2, "      a中", "a wide character at the surface edge is not cut");
	tap_int_eq(adv, 3, "advance stops at the surface edge");
	surface_prints(s, surface_rect(s), 7, 3, "中", STYLE_PLAIN);
	test_row(s, 3, "       中", "a wide character in the last two columns fits");
	adv = surface_prints(s, surface_rect(s), 8, 3, "文", STYLE_PLAIN);
	test_row(s, 3, "", "a wide character straddling the surface edge becomes a space");
	tap_ok(strcmp(surface_cell(s, 8, 3)->text, " ") == 0 && surface_cell(s, 8, 3)->width == 1 &&
	       surface_cell(s, 7, 3)->width == 1, "the last column stays narrow, the pair before is gone");
	tap_int_eq(adv, 1, "advance of the straddler is the one column left");

	adv = surface_prints(s, (struct rect){ 0, 0, 9, 1 }, 0, 4, "outside", STYLE_PLAIN);
	test_row(s, 4, "", "a row outside the clip is not written");
	tap_int_eq(adv, 7, "but the advance is reported");
	adv = surface_prints(s, (struct rect){ 2, 5, 3, 1 }, -3, 5, "abcdefgh", STYLE_PLAIN);
	test_row(s, 5, "  fgh", "text starting left of the surface");
	tap_int_eq(adv, 8, "advance from a negative x");
	adv = surface_prints(s, (struct rect){ 0, 0, 0, 0 }, 0, 0, "abc", STYLE_PLAIN);
	tap_int_eq(adv, 0, "an empty clip writes nothing");
	tap_ok(test_cells_sane(s), "pairing holds after clipping");

	/* Every odd and even clip edge against a wide string. */
	{
		bool sane = true, fits = true;
		int cx, cw;
		for (cx = 0; cx < 9; cx++)
			for (cw = 0; cw <= 9 - cx; cw++) {
				struct surface *t = surface_new(9, 1, &lo);
				char *row;
				surface_prints(t, surface_rect(t), 0, 0, "xxxxxxxxx", STYLE_PLAIN);
				surface_prints(t, (struct rect){ cx, 0, cw, 1 }, 0, 0, "中a文字符",
					       STYLE_PLAIN);
				sane = sane && test_cells_sane(t);
				row = surface_dump(t);
				fits = fits && layout_width(row, strlen(row) - 1, &lo) == 9;
				free(row);
				surface_free(t);
			}
		tap_ok(sane, "every clip of a wide string keeps cells paired and safe");
		tap_ok(fits, "every clip keeps the row 9 columns wide");
	}
	surface_free(s);
}

static void test_hostile(void)
{
	struct surface *s = surface_new(40, 6, &lo);
	struct rect r = surface_rect(s);

	surface_prints(s, r, 0, 0, "\x1B]0;title\x07", STYLE_PLAIN);
	test_row(s, 0, "^[]0;title^G", "OSC title: visible marks");
	surface_prints(s, r, 0, 1, "\x1B[2J", STYLE_PLAIN);
	test_row(s, 1, "^[[2J", "CSI clear: visible marks");
	surface_prints(s, r, 0, 2, "\xC2\x9B" "31m\x9B" "x", STYLE_PLAIN);
	test_row(s, 2, "<9b>31m\xEF\xBF\xBDx", "C1 CSI as <9b>, a raw 0x9b byte as U+FFFD");
	surface_prints(s, r, 0, 3, "\xE2\x80\xAE" "abc\xE2\x81\xA6" "d", STYLE_PLAIN);
	test_row(s, 3, "<U+202E>abc<U+2066>d", "bidi controls as marks");
	surface_prints(s, r, 0, 4, "a\tb\r\n\xCC\x81" "c\xCC\x81", STYLE_PLAIN);
	test_row(s, 4, "a       b^M^J\xC2\xA0\xCC\x81" "c\xCC\x81",
		 "tab expanded, CR LF marked, a lone mark on a no-break space");
	surface_prints(s, (struct rect){ 0, 5, 3, 1 }, 0, 5, "\x1B[2J", STYLE_PLAIN);
	test_row(s, 5, "^[[", "a mark is cut at the clip like text");
	tap_ok(test_cells_sane(s), "no control reaches a cell");
	surface_free(s);
}

static void test_fill_restyle_resize(void)
{
	struct surface *s = surface_new(8, 2, &lo);
	struct style hi = { ATTR_REVERSE, COLOR_NONE, COLOR_BLUE };

	surface_prints(s, surface_rect(s), 0, 0, "中文字符", STYLE_PLAIN);
	surface_fill(s, (struct rect){ 1, 0, 2, 1 }, hi);
	test_row(s, 0, "    字符", "fill over two halves blanks both wide characters");
	tap_ok(surface_cell(s, 1, 0)->style.bg == COLOR_BLUE &&
	       surface_cell(s, 0, 0)->style.bg == COLOR_NONE,
	       "fill styles its rect only");
	tap_ok(test_cells_sane(s), "pairing holds after fill");

	surface_restyle(s, (struct rect){ 4, 0, 4, 1 }, hi);
	test_row(s, 0, "    字符", "restyle keeps the text");
	tap_ok(surface_cell(s, 4, 0)->style.attr == ATTR_REVERSE &&
	       surface_cell(s, 5, 0)->style.attr == ATTR_REVERSE, "restyle sets the style");

	surface_fill(s, (struct rect){ -5, -5, 100, 100 }, STYLE_PLAIN);
	test_row(s, 0, "", "fill is clipped to the surface");

	{
		const struct layout_opts four = { false, 4 };
		struct surface *t = surface_new(12, 1, &four);
		surface_prints(t, surface_rect(t), 2, 0, "a\tb", STYLE_PLAIN);
		test_row(t, 0, "  a   b", "tab stops count from where the text starts");
		surface_free(t);
	}
	{
		const struct layout_opts amb = { true, 8 };
		struct surface *t = surface_new(6, 1, &amb);
		surface_prints(t, surface_rect(t), 0, 0, "··x", STYLE_PLAIN);
		tap_ok(surface_cell(t, 0, 0)->width == 2 && surface_cell(t, 4, 0)->width == 1 &&
		       strcmp(surface_cell(t, 4, 0)->text, "x") == 0,
		       "ambiguous wide characters take two cells");
		surface_free(t);
	}

	s->cursor_x = 7;
	s->cursor_y = 1;
	surface_resize(s, 4, 3);
	tap_ok(s->w == 4 && s->h == 3 && s->cursor_x == -1, "resize: new size, cursor hidden");
	{
		char *d = surface_dump(s);
		tap_str_eq(d, "    \n    \n    \n", "resize: blank");
		free(d);
	}
	surface_resize(s, 0, 0);
	{
		char *d = surface_dump(s);
		tap_str_eq(d, "", "a 0x0 surface dumps as nothing");
		free(d);
	}
	tap_int_eq(surface_prints(s, surface_rect(s), 0, 0, "abc", STYLE_PLAIN), 0,
		   "printing on a 0x0 surface writes nothing");
	surface_free(s);
	surface_free(NULL);
	tap_ok(true, "surface_free(NULL) is harmless");
}

int main(void)
{
	test_basics();
	test_clipping();
	test_hostile();
	test_fill_restyle_resize();
	return tap_done();
}
