/* test_split.c: side-by-side reading on the memory backend, with the bundled
 * collection. The bilingual 004 (English and traditional Chinese) is opened
 * beside itself through the chooser at 80x24 (top and bottom), 120x40 and
 * 200x60 (left and right); keys are typed and the screen is read back: both
 * texts at their columns, aligned sentences on the same row, the cursor's
 * sentence and its counterpart highlighted, swap, focus, sync, close; then two
 * articles that are not translations, a tiny terminal and resizes. */
#include <config.h>

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "screen.h"
#include "annals.h"
#include "article.h"
#include "events.h"
#include "ingest.h"
#include "layout.h"
#include "split.h"
#include "surface.h"
#include "term.h"
#include "ui.h"
#include "uilang.h"
#include "xalloc.h"

#define ID004 "004_6c29ca260aaaa5ff"

struct run {
	struct collection col;
	struct event_list *ev;
	struct screen sc;
};

static void run_start_in(struct run *r, struct uilang *ul, int w, int h)
{
	collection_init(&r->col);
	struct ingest *in = ingest_new(ANNALS_SRCDATADIR, &r->col);
	ingest_path(in, ANNALS_SRCDATADIR "/collection", &r->col);
	ingest_free(in);
	collection_sort(&r->col);
	r->ev = events_derive(&r->col);
	screen_start(&r->sc, &r->col, r->ev, ul, w, h);
}

static void run_start(struct run *r, int w, int h)
{
	run_start_in(r, NULL, w, h);
}

static void run_end(struct run *r)
{
	screen_end(&r->sc);
	events_free(r->ev);
	collection_free(&r->col);
}

/* tap_int_eq with a formatted description. */
static void int_eq(long got, long want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void int_eq(long got, long want, const char *fmt, ...)
{
	char what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	tap_int_eq(got, want, what);
}

/* Every cell of the separator holds its line: nothing was drawn over it. */
static bool separator_whole(const struct surface *s, const struct split_info *in)
{
	if (in->vertical) {
		int x = in->text[0].x + in->text[0].w + 1;
		for (int y = 0; y < s->h - 1; y++)
			if (strcmp(surface_cell_const(s, x, y)->text, "│") != 0)
				return false;
		return true;
	}
	int y = in->text[0].y + in->text[0].h;
	for (int x = 0; x < s->w; x++)
		if (strcmp(surface_cell_const(s, x, y)->text, "─") != 0)
			return false;
	return true;
}

/* Opens 004's English part beside its traditional Chinese part with s, Enter. */
static const struct surface *open_004(struct run *r, const char *tag)
{
	const struct surface *s = screen_key(&r->sc, 's');
	tap_ok(r->sc.ui.picker != NULL && r->sc.ui.split == NULL, "%s: s opens the chooser first", tag);
	int y = screen_row_of(s, "this article, Chinese (traditional) part");
	tap_ok(y >= 0, "%s: the chooser offers this article's 繁 part", tag);
	int x = screen_col_from(s, y, 0, "繁");
	tap_ok(y >= 0 && (screen_attr_at(s, x, y) & ATTR_REVERSE), "%s: and it is selected first", tag);
	tap_ok(y >= 0 && screen_row_in(s, (struct rect){ 0, y + 1, s->w, s->h - y - 2 }, "2022年CNCERT") > y,
	       "%s: the other articles follow", tag);
	return screen_key(&r->sc, TERM_KEY_ENTER);
}

static void test_004(int w, int h)
{
	char tag[32];
	snprintf(tag, sizeof tag, "%dx%d", w, h);
	struct run r;
	run_start(&r, w, h);
	tap_ok(r.sc.ui.reader.article == collection_index(&r.col, ID004),
	       "%s: the reader starts on 004", tag);
	const struct surface *s = open_004(&r, tag);
	struct split_info in;
	split_get_info(&r.sc.ui, &in);
	tap_ok(in.open && r.sc.ui.picker == NULL, "%s: Enter opens the split view", tag);
	tap_ok(in.vertical == (w >= SPLIT_WIDE_W), "%s: %s", tag,
	       w >= SPLIT_WIDE_W ? "left and right" : "top and bottom");
	tap_ok(!in.fallback, "%s: both sides shown", tag);
	tap_ok(in.translation && in.sync, "%s: a translation, synchronised", tag);
	tap_ok(screen_status_has(s, "sync on"), "%s: the status line says sync on", tag);
	tap_ok(separator_whole(s, &in), "%s: the separator is whole", tag);
	tap_ok(screen_row_of(s, "Reader · " ID004 " · EN") == in.text[0].y - 1,
	       "%s: the first side's title: 004, EN", tag);
	tap_ok(screen_row_of(s, "Reader · " ID004 " · 繁") == in.text[1].y - 1,
	       "%s: the second side's title: 004, 繁", tag);
	int_eq(screen_row_at(s, in.text[0], "The present era"), in.text[0].y,
		   "%s: English text at the first side's column, first row", tag);

	/* Down to the sentence of October 2013 (the 11th bead). */
	for (int i = 0; i < 10; i++)
		s = screen_key(&r.sc, 'j');
	split_get_info(&r.sc.ui, &in);
	int_eq((long)in.cur, 10, "%s: j moves the cursor sentence by sentence", tag);
	int ya = screen_row_at(s, in.text[0], "October 2013");
	int yb = screen_row_at(s, in.text[1], "2013年10月");
	tap_ok(ya >= 0, "%s: 'October 2013' starts a line at the first side's column", tag);
	tap_ok(yb >= 0, "%s: '2013年10月' starts a line at the second side's column", tag);
	int_eq(ya - in.text[0].y, yb - in.text[1].y,
		   "%s: and they start on the same row of their sides", tag);
	int_eq(in.cur_row[0], ya, "%s: the cursor is on the English sentence", tag);
	int_eq(in.cur_row[1], yb, "%s: and on its counterpart", tag);
	tap_ok(screen_attr_at(s, in.text[0].x, ya) & ATTR_REVERSE,
	       "%s: the sentence is highlighted (reverse: its side has the focus)", tag);
	tap_ok(screen_attr_at(s, in.text[1].x, yb) & ATTR_UNDERLINE,
	       "%s: its counterpart is highlighted too (underlined)", tag);
	tap_ok(!(screen_attr_at(s, in.text[0].x, in.text[0].y + in.text[0].h - 1) & ATTR_REVERSE) ||
		       in.text[0].h < 8,
	       "%s: the rest is not highlighted", tag);
	tap_ok(separator_whole(s, &in), "%s: CJK text never covers the separator", tag);
	/* The Chinese side wraps at its own width: no line passes its edge. */
	bool inside = true;
	for (int y = in.text[1].y; y < in.text[1].y + in.text[1].h; y++)
		for (int x = in.text[1].x + in.text[1].w; x < w && in.vertical; x++)
			if (strcmp(surface_cell_const(s, x, y)->text, " ") != 0)
				inside = false;
	tap_ok(inside, "%s: the right side's text stays in its columns", tag);

	/* Tab: the focus goes to the other side; the highlights follow. */
	s = screen_key(&r.sc, TERM_KEY_TAB);
	split_get_info(&r.sc.ui, &in);
	int_eq(in.focus, 1, "%s: Tab moves the focus to the second side", tag);
	tap_ok(screen_attr_at(s, in.text[1].x, yb) & ATTR_REVERSE, "%s: now the Chinese is reversed", tag);
	s = screen_key(&r.sc, TERM_KEY_TAB);

	/* w: the sides change places, the alignment stays. */
	s = screen_key(&r.sc, 'w');
	split_get_info(&r.sc.ui, &in);
	tap_ok(in.swapped, "%s: w swaps the sides", tag);
	tap_ok(screen_row_of(s, "Reader · " ID004 " · 繁") == in.text[0].y - 1,
	       "%s: the 繁 side comes first", tag);
	ya = screen_row_at(s, in.text[0], "2013年10月");
	yb = screen_row_at(s, in.text[1], "October 2013");
	tap_ok(ya >= 0 && yb >= 0 && ya - in.text[0].y == yb - in.text[1].y,
	       "%s: swapped, the pair still starts on the same row", tag);
	int_eq((long)in.cur, 10, "%s: and the cursor stays on it", tag);
	s = screen_key(&r.sc, 'w');

	/* =: each side on its own, then back. */
	s = screen_key(&r.sc, '=');
	split_get_info(&r.sc.ui, &in);
	tap_ok(!in.sync && screen_status_has(s, "sync off"), "%s: = turns sync off, the status says so",
	       tag);
	tap_ok(screen_row_at(s, in.text[1], "2013年10月") >= 0 || screen_row_in(s, in.text[1], "2013年10月") >= 0,
	       "%s: sync off, the Chinese side stays at the same sentence", tag);
	s = screen_key(&r.sc, 'j');
	s = screen_key(&r.sc, '=');
	split_get_info(&r.sc.ui, &in);
	tap_ok(in.sync && screen_status_has(s, "sync on"), "%s: = turns it on again", tag);

	/* Search works side by side: / opens the prompt over it, Esc closes the
	 * prompt and the split view stays where it was. */
	size_t cur = in.cur;
	s = screen_key(&r.sc, '/');
	tap_ok(r.sc.ui.prompt.active && r.sc.ui.split != NULL,
	       "%s: / opens the search prompt over the split view", tag);
	s = screen_key(&r.sc, TERM_KEY_ESCAPE);
	split_get_info(&r.sc.ui, &in);
	tap_ok(!r.sc.ui.prompt.active && r.sc.ui.split != NULL && in.cur == cur,
	       "%s: Esc closes the prompt; the split view stays", tag);
	/* A word only the English side holds, then one only the Chinese side does:
	 * each shown, marked, on its side; the split view stays open. */
	s = screen_keys(&r.sc, "/phishing\n");
	split_get_info(&r.sc.ui, &in);
	int my = screen_row_in(s, in.text[0], "phishing");
	tap_ok(r.sc.ui.split != NULL && my >= 0 &&
	       (screen_attr_at(s, screen_col_from(s, my, in.text[0].x, "phishing"), my) & ATTR_REVERSE),
	       "%s: /phishing: marked on the English side", tag);
	tap_ok(w < 80 || screen_status_has(s, "Match 1 of 1"), "%s: the status line counts it", tag);
	s = screen_keys(&r.sc, "/蒙得維得亞\n");
	split_get_info(&r.sc.ui, &in);
	my = screen_row_in(s, in.text[1], "蒙得維得亞");
	tap_ok(r.sc.ui.split != NULL && my >= 0 &&
	       (screen_attr_at(s, screen_col_from(s, my, in.text[1].x, "蒙得維得亞"), my) & ATTR_REVERSE),
	       "%s: /蒙得維得亞: marked on the Chinese side", tag);
	s = screen_key(&r.sc, 'n');
	tap_ok(r.sc.ui.split != NULL && (w < 80 || screen_status_has(s, "1 of 1")),
	       "%s: n goes round to the same match", tag);
	/* The list's keys work from here and say what they did. */
	s = screen_key(&r.sc, 'l');
	tap_ok(r.sc.ui.split != NULL && (w < 80 || screen_status_has(s, "Language filter:")),
	       "%s: l works side by side and says so", tag);
	s = screen_keys(&r.sc, "llllllll");
	while (r.sc.ui.list.filter != 0)
		s = screen_key(&r.sc, 'l');
	/* y: the year's first event on either side, its date marked there. */
	s = screen_keys(&r.sc, "y2013\n");
	split_get_info(&r.sc.ui, &in);
	int ey = screen_row_in(s, in.text[0], "October 2013");
	int ez = screen_row_in(s, in.text[1], "2013年10月");
	/* Marked as a match is, in yellow (the cursor's block is only reversed). */
	const struct cell *c0 = ey >= 0 ? surface_cell_const(s, screen_col_from(s, ey, in.text[0].x,
								       "October 2013"), ey) : NULL;
	const struct cell *c1 = ez >= 0 ? surface_cell_const(s, screen_col_from(s, ez, in.text[1].x,
								       "2013年10月"), ez) : NULL;
	bool marked = (c0 && c0->style.fg == COLOR_YELLOW) || (c1 && c1->style.fg == COLOR_YELLOW);
	tap_ok(r.sc.ui.split != NULL && marked, "%s: y 2013 shows October 2013, marked, side by side",
	       tag);
	/* Back where the test was: the block of October 2013. */
	s = screen_keys(&r.sc, "/2013年10月\n");

	/* s closes; the reader goes on where the split view was. */
	s = screen_key(&r.sc, 's');
	tap_ok(r.sc.ui.split == NULL, "%s: s closes the split view", tag);
	tap_ok(screen_row_of(s, "Reader · " ID004) >= 0, "%s: the reader is back", tag);
	tap_ok(r.sc.ui.reader.pos.para == 2, "%s: at the paragraph of October 2013", tag);
	tap_ok(w >= 200 || screen_status_has(s, "¶ 3/4"), "%s: the status line says paragraph 3", tag);
	tap_ok(screen_row_of(s, "Reader · " ID004 " · 繁") < 0, "%s: one reader only", tag);

	/* q closes the split view before quitting. */
	open_004(&r, tag);
	tap_ok(r.sc.ui.split != NULL, "%s: opened again", tag);
	s = screen_key(&r.sc, 'q');
	tap_ok(r.sc.ui.split == NULL && !r.sc.ui.quit, "%s: q closes the split view, not annals", tag);
	/* q and Esc cancel the chooser. */
	screen_key(&r.sc, 's');
	screen_key(&r.sc, TERM_KEY_ESCAPE);
	tap_ok(r.sc.ui.picker == NULL && r.sc.ui.split == NULL && !r.sc.ui.quit, "%s: Esc cancels the chooser",
	       tag);
	screen_key(&r.sc, 's');
	screen_key(&r.sc, 'q');
	tap_ok(r.sc.ui.picker == NULL && r.sc.ui.split == NULL && !r.sc.ui.quit, "%s: q cancels the chooser",
	       tag);
	run_end(&r);
}

/* Two articles that do not translate each other. */
static void test_related(void)
{
	struct run r;
	run_start(&r, 120, 40);
	size_t a = collection_index(&r.col, "002_093f0cd005542350");
	size_t b = collection_index(&r.col, "003_b652dcd5a69fc392");
	tap_ok(split_open(&r.sc.ui, a, NULL, b, NULL), "002 beside 003 opens");
	const struct surface *s = screen_key(&r.sc, TERM_KEY_RIGHT);
	struct split_info in;
	split_get_info(&r.sc.ui, &in);
	tap_ok(!in.translation && !in.anchored && !in.sync, "no translation, nothing shared: no sync");
	tap_ok(screen_status_has(s, "not a translation: scrolling independently"),
	       "the status line says they scroll independently");
	int ya = screen_row_at(s, in.text[0], "la chine et l'afrique");
	tap_ok(ya < 0 || ya >= in.text[0].y, "the French text in the first side");
	tap_ok(screen_row_in(s, in.text[1], "China Focus") >= 0 || screen_row_in(s, in.text[1], "HANGZHOU") >= 0 ||
		       screen_row_in(s, in.text[1], "Wuzhen") >= 0,
	       "the English article in the second side");
	char *before = surface_row(s, in.text[1].y);
	s = screen_keys(&r.sc, "jjj");
	char *after = surface_row(s, in.text[1].y);
	tap_ok(strcmp(before, after) == 0, "j scrolls the focused side only");
	free(before);
	free(after);
	s = screen_key(&r.sc, '=');
	split_get_info(&r.sc.ui, &in);
	tap_ok(!in.sync && screen_col_from(s, s->h - 1, 0, "not a translation") >= 0,
	       "= cannot synchronise them and says why");
	screen_key(&r.sc, 'q');

	/* Related, with shared dates and names: synchronised on those. */
	a = collection_index(&r.col, "000_57b86d4df9855b08");
	tap_ok(split_open(&r.sc.ui, a, NULL, b, NULL), "000 beside 003 opens");
	s = screen_key(&r.sc, TERM_KEY_RIGHT);
	split_get_info(&r.sc.ui, &in);
	tap_ok(!in.translation && in.anchored && in.sync, "related texts: synchronised on anchors");
	tap_ok(screen_status_has(s, "not a translation: aligned on shared dates"),
	       "the status line says what they are aligned on");
	tap_ok(in.nblocks >= 3, "anchored pairs and the stretches between them are blocks");
	screen_key(&r.sc, 'q');
	run_end(&r);
}

/* Tiny terminals, resizes, the cursor kept. */
static void test_resize(void)
{
	struct run r;
	run_start(&r, 200, 60);
	open_004(&r, "200x60 resize");
	for (int i = 0; i < 12; i++)
		screen_key(&r.sc, 'j');
	struct split_info in;
	split_get_info(&r.sc.ui, &in);
	tap_int_eq((long)in.cur, 12, "12 sentences down");
	const struct surface *s = screen_resize(&r.sc, 80, 24);
	split_get_info(&r.sc.ui, &in);
	tap_ok(!in.vertical && in.cur == 12, "resized to 80x24: top and bottom, same sentence");
	tap_ok(in.cur_row[0] >= 0 && in.cur_row[1] >= 0, "and it is on screen on both sides");
	tap_ok(screen_row_in(s, in.text[0], "In the same month, Japan") >= 0,
	       "the same sentence is shown after the resize");
	s = screen_resize(&r.sc, 40, 7);
	split_get_info(&r.sc.ui, &in);
	tap_ok(in.open && in.fallback, "40x7: one side only");
	tap_ok(screen_status_has(s, "Too small for side-by-side"), "with a message");
	tap_ok(screen_row_of(s, "Reader ·") == 0, "the focused side takes the screen");
	s = screen_resize(&r.sc, 10, 4);
	tap_ok(screen_row_of(s, "Terminal") >= 0,
	       "10x4: too small for anything");
	s = screen_resize(&r.sc, 120, 40);
	split_get_info(&r.sc.ui, &in);
	tap_ok(in.vertical && !in.fallback && in.cur == 12, "back to 120x40: both sides, same sentence");
	tap_ok(in.cur_row[0] >= 0 && in.cur_row[0] == in.cur_row[1],
	       "the pair on the same row of the screen");
	tap_ok(!screen_status_has(s, "Too small"), "the message is gone");
	tap_ok(separator_whole(s, &in), "the separator is whole");
	/* G and g, and a page. */
	screen_key(&r.sc, 'G');
	split_get_info(&r.sc.ui, &in);
	tap_int_eq((long)in.cur, (long)in.nblocks - 1, "G: the last sentence");
	tap_ok(in.cur_row[0] >= 0, "and it is on screen");
	screen_key(&r.sc, 'g');
	split_get_info(&r.sc.ui, &in);
	tap_ok(in.cur == 0 && in.cur_row[0] == in.text[0].y, "g: the first, at the top");
	screen_key(&r.sc, ' ');
	split_get_info(&r.sc.ui, &in);
	tap_ok(in.cur > 0 && in.cur_row[0] >= 0, "a page down: the cursor follows onto the screen");
	run_end(&r);
}


/* What the pane titles say, in each interface language tested; written out
 * (not looked up with _()) so that a missing translation fails. */
struct title_words {
	const char *lang;
	const char *synced, *not_synced, *independent;
};
static const struct title_words title_words[] = {
	{ "en", "synced", "not synced", "independent" },
	{ "zh_CN", "已同步", "未同步", "独立滚动" },
};

/* The title bar above shown side d (the row over its text). */
static bool title_has(const struct surface *s, const struct split_info *in, int d, const char *what)
{
	int y = in->text[d].y - 1;
	int x = screen_col_from(s, y, in->text[d].x - 1 > 0 ? in->text[d].x - 1 : 0, what);
	return y >= 0 && x >= 0 && x < in->text[d].x + in->text[d].w + 1;
}

/* Every place needle starts on shown side d's text; those not drawn as a
 * search mark (yellow) are counted in *unmarked. Returns how many there are. */
static int marks_on(const struct surface *s, const struct split_info *in, int d,
		    const char *needle, int *unmarked)
{
	struct rect r = in->text[d];
	int n = 0;
	for (int y = r.y; y < r.y + r.h; y++)
		for (int x = screen_col_from(s, y, r.x, needle); x >= 0 && x < r.x + r.w;
		     x = screen_col_from(s, y, x + 1, needle)) {
			n++;
			if (surface_cell_const(s, x, y)->style.fg != COLOR_YELLOW)
				(*unmarked)++;
		}
	return n;
}

/* Side by side, the titles say where each side is and whether they scroll
 * together; a search marks every match on both sides, not only the one shown. */
static void test_titles_marks(const struct title_words *tw, int w, int h)
{
	char tag[48];
	snprintf(tag, sizeof tag, "%s %dx%d", tw->lang, w, h);
	struct uilang ul;
	uilang_init(&ul, annals_locale_dir(), tw->lang);
	struct run r;
	run_start_in(&r, &ul, w, h);
	size_t a = collection_index(&r.col, ID004);
	tap_ok(split_open(&r.sc.ui, a, "en", a, "zh-Hant"), "%s: 004 beside itself opens", tag);
	const struct surface *s = screen_key(&r.sc, 12);
	struct split_info in;
	split_get_info(&r.sc.ui, &in);
	char want[64];
	snprintf(want, sizeof want, "¶ 1/4 · %s", tw->synced);
	tap_ok(title_has(s, &in, 0, want), "%s: the first side's title says '%s'", tag, want);
	/* 004 is three English paragraphs and a Chinese one. */
	snprintf(want, sizeof want, "¶ 4/4 · %s", tw->synced);
	tap_ok(title_has(s, &in, 1, want), "%s: the second side's title says '%s'", tag, want);
	tap_ok(title_has(s, &in, 0, "EN") && title_has(s, &in, 1, "繁"),
	       "%s: and the badges are kept beside it", tag);
	if (w == 80) {
		/* 100 columns: sides of 49, too short for it all: the ID is cut,
		 * the badge and where the side is are kept. */
		s = screen_resize(&r.sc, 100, 30);
		split_get_info(&r.sc.ui, &in);
		snprintf(want, sizeof want, "¶ 1/4 · %s", tw->synced);
		tap_ok(in.vertical && title_has(s, &in, 0, want) && title_has(s, &in, 0, " · EN"),
		       "%s: at 100x30 the left title keeps EN and '%s'", tag, want);
		tap_ok(title_has(s, &in, 1, " · 繁") && title_has(s, &in, 1, "¶ 4/4"),
		       "%s: the right one 繁 and ¶ 4/4", tag);
		s = screen_resize(&r.sc, w, h);
		split_get_info(&r.sc.ui, &in);
	}
	/* Down to October 2013: the English side's third paragraph at the top
	 * (at 200x60 the whole text fits, and the top stays at the first). */
	for (int i = 0; i < 10; i++)
		s = screen_key(&r.sc, 'j');
	split_get_info(&r.sc.ui, &in);
	const char *para = h < 60 ? "¶ 3/4" : "¶ 1/4";
	tap_ok(title_has(s, &in, 0, para), "%s: 10 j: the English side says %s", tag, para);
	tap_ok(title_has(s, &in, 1, "¶ 4/4"), "%s: the Chinese side ¶ 4/4", tag);
	s = screen_key(&r.sc, '=');
	split_get_info(&r.sc.ui, &in);
	tap_ok(title_has(s, &in, 0, tw->not_synced) && title_has(s, &in, 1, tw->not_synced),
	       "%s: = : both titles say '%s'", tag, tw->not_synced);
	s = screen_key(&r.sc, '=');
	split_get_info(&r.sc.ui, &in);
	tap_ok(title_has(s, &in, 0, tw->synced) && !title_has(s, &in, 0, tw->not_synced),
	       "%s: = again: '%s'", tag, tw->synced);

	/* /network, then /網絡: every one on screen marked, on its side. */
	s = screen_keys(&r.sc, "g/network\n");
	split_get_info(&r.sc.ui, &in);
	int unmarked = 0;
	int n = marks_on(s, &in, 0, "network", &unmarked);
	tap_ok(n >= 2, "%s: /network: %d matches on the English side's screen", tag, n);
	int_eq(unmarked, 0, "%s: every one of them is marked, not only the one shown", tag);
	s = screen_key(&r.sc, 'n');
	split_get_info(&r.sc.ui, &in);
	unmarked = 0;
	marks_on(s, &in, 0, "network", &unmarked);
	int_eq(unmarked, 0, "%s: n: still all marked", tag);
	s = screen_keys(&r.sc, "/網絡\n");
	split_get_info(&r.sc.ui, &in);
	unmarked = 0;
	n = marks_on(s, &in, 1, "網絡", &unmarked);
	tap_ok(n >= 2, "%s: /網絡: %d matches on the Chinese side's screen", tag, n);
	int_eq(unmarked, 0, "%s: every one of them is marked", tag);
	unmarked = 0;
	marks_on(s, &in, 0, "network", &unmarked);
	tap_ok(unmarked > 0, "%s: and the English side's network no longer is", tag);
	/* A query that only one side holds: the other side has no mark at all. */
	s = screen_keys(&r.sc, "/phishing\n");
	split_get_info(&r.sc.ui, &in);
	bool yellow1 = false;
	for (int y = in.text[1].y; y < in.text[1].y + in.text[1].h; y++)
		for (int x = in.text[1].x; x < in.text[1].x + in.text[1].w; x++)
			yellow1 |= surface_cell_const(s, x, y)->style.fg == COLOR_YELLOW;
	tap_ok(!yellow1, "%s: /phishing: nothing marked on the Chinese side", tag);
	screen_key(&r.sc, 'q');
	run_end(&r);

	/* Texts that cannot be synchronised say so in their titles. */
	run_start_in(&r, &ul, w, h);
	size_t b = collection_index(&r.col, "002_093f0cd005542350");
	size_t c = collection_index(&r.col, "003_b652dcd5a69fc392");
	split_open(&r.sc.ui, b, NULL, c, NULL);
	s = screen_key(&r.sc, 12);
	split_get_info(&r.sc.ui, &in);
	tap_ok(title_has(s, &in, 0, tw->independent) && title_has(s, &in, 1, tw->independent),
	       "%s: unrelated texts: both titles say '%s'", tag, tw->independent);
	tap_ok(title_has(s, &in, 0, "¶ 1/"), "%s: and where each is", tag);
	run_end(&r);
}

int main(void)
{
	setlocale(LC_ALL, "");
	test_004(80, 24);
	test_004(120, 40);
	test_004(200, 60);
	test_related();
	test_resize();
	for (size_t l = 0; l < sizeof title_words / sizeof *title_words; l++) {
		test_titles_marks(&title_words[l], 80, 24);
		test_titles_marks(&title_words[l], 200, 60);
	}
	return tap_done();
}
