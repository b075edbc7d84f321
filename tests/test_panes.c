/* test_panes.c: the browser's screens, on the memory backend. A small
 * collection and a hand-made event list (English, French, simplified Chinese,
 * and one hostile article) are shown at 80x24, 120x40, 200x60 and a tiny size;
 * keys are typed and the screen is read back cell by cell. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "screen.h"
#include "article.h"
#include "events.h"
#include "layout.h"
#include "surface.h"
#include "term.h"
#include "ui.h"
#include "xalloc.h"

static const char *zh_para =
	"网络空间是人类共同的活动空间，网络空间前途命运应由世界各国共同掌握。"
	"各国应该加强沟通、扩大共识、深化合作，共同构建网络空间命运共同体。"
	"中国愿同各国一道，推动网络空间国际规则制定，维护网络空间和平与安全。";

static void add_article(struct collection *col, const char *id, const char *title,
			int y, int m, int d, bool inferred)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xstrdup(title);
	a.path = xasprintf("/fixtures/%s.txt", id);
	a.date = (struct adate){ y, m, d, !y ? DATE_NONE : d ? DATE_DAY : m ? DATE_MONTH : DATE_YEAR,
				 inferred };
	if (strcmp(id, "alpha") == 0) {
		a.source = xstrdup("Xinhua");
		a.url = xstrdup("https://example.org/wuzhen-2019");
		article_add_para(&a, "Alpha heading", 13, "en", PARA_HEADING);
		const char *t = "On October 24, 2019, experts met in Wuzhen to call for joint "
				"efforts to build a safer cyberspace, and they said so at length "
				"so that this paragraph wraps over several lines of the reader.";
		article_add_para(&a, t, strlen(t), "en", PARA_TEXT);
		struct paragraph *p = article_add_para(&a, "Some bold words here.", 21, "en",
						       PARA_TEXT);
		p->emph = xcalloc(1, sizeof *p->emph);
		p->emph[0] = (struct span){ 5, 4 };
		p->nemph = 1;
		article_add_para(&a, "A quoted sentence.", 18, "en", PARA_QUOTE);
		article_add_para(&a, "cover", 5, "en", PARA_IMAGE);
		article_add_para(&a, "网络安全合作。", strlen("网络安全合作。"), "zh-Hans",
				 PARA_TEXT);
	} else if (strcmp(id, "wangluo") == 0) {
		for (int i = 0; i < 30; i++) {
			char *t = xasprintf("%d. %s", i, zh_para);
			article_add_para(&a, t, strlen(t), "zh-Hans", PARA_TEXT);
			free(t);
		}
	} else if (strcmp(id, "hostile") == 0) {
		const char *t = "Evil \x1b]0;pwned\x07 and \x1b[2J and \xc2\x9b" "31m end.";
		article_add_para(&a, t, strlen(t), "en", PARA_TEXT);
	} else {
		const char *t = "Le 11 septembre 2024, la Chine et l'Afrique renforceront leur "
				"coopération dans le domaine de la cybersécurité.";
		article_add_para(&a, t, strlen(t), "fr", PARA_TEXT);
		article_add_para(&a, "En novembre, une réunion.", strlen("En novembre, une réunion."),
				 "fr", PARA_TEXT);
	}
	article_update_langs(&a);
	collection_add(col, &a);
}

struct fx {
	struct collection col;
	struct event_list ev;
};

static void add_event(struct fx *f, const char *id, size_t para, const char *expr,
		      struct adate d, int group, const char *text)
{
	size_t ai = collection_index(&f->col, id);
	const struct paragraph *p = &f->col.items[ai].paras[para];
	const char *at = strstr(p->text, expr);
	struct event *e = &f->ev.v[f->ev.n++];
	memset(e, 0, sizeof *e);
	e->date = d;
	e->article = ai;
	e->para = para;
	e->start = at ? (size_t)(at - p->text) : 0;
	e->len = strlen(expr);
	strcpy(e->lang, p->lang);
	e->text = (char *)text;
	e->group = group;
}

static void fx_init(struct fx *f)
{
	collection_init(&f->col);
	add_article(&f->col, "alpha", "China Focus: Experts call for joint efforts to build a "
		    "safer cyberspace, a title long enough to be cut", 2019, 10, 24, false);
	add_article(&f->col, "wangluo", "2022年网络安全国际合作伙伴会议成功举办", 2022, 12, 22,
		    false);
	add_article(&f->col, "cooperation", "La Chine et l'Afrique renforcent leur coopération",
		    2024, 9, 12, true);
	add_article(&f->col, "hostile", "Title \x1b]0;pwned\x07 \x1b[2J \xc2\x9b" "1m", 0, 0, 0,
		    false);
	collection_sort(&f->col);
	f->ev.v = xcalloc(8, sizeof *f->ev.v);
	f->ev.n = 0;
	/* Sorted by date, as events_derive gives them. */
	add_event(f, "wangluo", 2, "网络空间", (struct adate){ 2013, 5, 0, DATE_MONTH, true }, 0,
		  "2013年5月，网络空间是人类共同的活动空间，这一句很长很长很长很长很长很长很长很长很长很长很长很长。");
	add_event(f, "alpha", 1, "October 24, 2019", (struct adate){ 2019, 10, 24, DATE_DAY, false },
		  1, "On October 24, 2019, experts met in Wuzhen.");
	add_event(f, "wangluo", 3, "网络空间", (struct adate){ 2019, 10, 24, DATE_DAY, false }, 1,
		  "2019年10月24日，专家在乌镇会面。");
	add_event(f, "cooperation", 1, "novembre", (struct adate){ 2019, 11, 0, DATE_MONTH, true },
		  2, "En novembre, une réunion.");
	add_event(f, "wangluo", 20, "网络空间", (struct adate){ 2022, 12, 22, DATE_DAY, false }, 3,
		  "2022年12月22日，会议成功举办。");
	add_event(f, "cooperation", 0, "11 septembre 2024",
		  (struct adate){ 2024, 9, 11, DATE_DAY, false }, 4,
		  "Le 11 septembre 2024, la Chine et l'Afrique renforceront leur coopération.");
}

static void fx_free(struct fx *f)
{
	free(f->ev.v);
	collection_free(&f->col);
}

/* ---- reading the screen (the rest is screen.h's) */

/* Row y's text from column x0 on, trailing spaces dropped. Caller frees. */
static char *text_from(const struct surface *s, int y, int x0)
{
	struct buf b;
	buf_init(&b);
	for (int x = x0; x < s->w; x++) {
		const struct cell *c = surface_cell_const(s, x, y);
		if (c && c->width)
			buf_adds(&b, c->text);
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_take(&b);
}

/* The highlighted row of the focused pane (narrow layout), or -1. */
static int sel_row(const struct surface *s)
{
	for (int y = 1; y < s->h - 1; y++)
		if (screen_attr_at(s, 1, y) & ATTR_REVERSE)
			return y;
	return -1;
}

struct run {
	struct fx f;
	struct screen sc;
};

static void run_start(struct run *r, int w, int h)
{
	fx_init(&r->f);
	screen_start(&r->sc, &r->f.col, &r->f.ev, NULL, w, h);
}

static void run_end(struct run *r)
{
	screen_end(&r->sc);
	fx_free(&r->f);
}

/* ---- the tests */

static void test_list_80(void)
{
	struct run r;
	run_start(&r, 80, 24);
	const struct surface *s = term_memory_screen(r.sc.t);
	tap_ok(s != NULL && s->w == 80 && s->h == 24, "80x24: a screen was drawn");
	tap_int_eq(screen_col_of(s, 0, "Articles (4)"), 1, "80x24: the list's title at the top left");
	tap_ok(screen_attr_at(s, 1, 0) & ATTR_REVERSE, "80x24: the focused list's title is highlighted");
	tap_ok(screen_row_of(s, "Timeline") < 0, "80x24: the timeline is one key away, not shown");
	/* Sorted by date, the undated hostile article last. */
	tap_int_eq(screen_col_of(s, 1, "2019-10-24"), 1, "first row: 2019-10-24");
	tap_int_eq(screen_col_of(s, 1, "EN 简"), 12, "language badges after the date");
	tap_int_eq(screen_col_of(s, 1, "China Focus"), 19, "the title after the badges column");
	const struct cell *last = surface_cell_const(s, 79, 1);
	tap_str_eq(last->text, "…", "a long title ends in … at the last column");
	tap_int_eq(screen_col_of(s, 2, "2022年网络安全"), 19, "a CJK title in the title column");
	const struct cell *zh = surface_cell_const(s, 23, 2);
	tap_ok(zh->width == 2 && strcmp(zh->text, "年") == 0, "年 is wide, at column 23");
	tap_ok(surface_cell_const(s, 24, 2)->width == 0, "followed by a continuation cell");
	tap_int_eq(screen_col_of(s, 3, "~2024-09-12"), 0, "an inferred date marked with ~");
	tap_ok(screen_row_has(s, 4, "Title"), "the undated article last");
	tap_ok(screen_row_has(s, 23, "q quit"), "status line: key hints");
	tap_ok(screen_row_has(s, 23, "1/4"), "status line: the list's position, as the list has focus");
	tap_ok(screen_row_has(s, 23, "China Focus"), "status line: the selected article");
	tap_ok(screen_attr_at(s, 1, 1) & ATTR_REVERSE, "the selected row is highlighted");

	s = screen_key(&r.sc, 'j');
	tap_ok(screen_attr_at(s, 1, 2) & ATTR_REVERSE, "j moves the selection down");
	s = screen_key(&r.sc, 'G');
	tap_ok(screen_attr_at(s, 1, 4) & ATTR_REVERSE, "G goes to the last row");
	s = screen_key(&r.sc, 'g');
	tap_ok(screen_attr_at(s, 1, 1) & ATTR_REVERSE, "g goes to the first row");

	s = screen_key(&r.sc, 'l');
	tap_ok(screen_row_has(s, 0, "Articles (2) · English"), "l filters to English");
	tap_ok(screen_status_has(s, "Language filter: English"), "  and says so on the status line");
	s = screen_key(&r.sc, 'l');
	tap_ok(screen_row_has(s, 0, "Articles (1) · French"), "l again: French");
	s = screen_key(&r.sc, 'l');
	tap_ok(screen_row_has(s, 0, "Articles (2) · Chinese (simplified)"), "then simplified Chinese");
	s = screen_key(&r.sc, 'l');
	tap_ok(screen_row_has(s, 0, "Articles (4)"), "and back to all");
	s = screen_key(&r.sc, 'o');
	tap_ok(screen_row_has(s, 0, "newest first"), "o sorts by date, newest first");
	tap_ok(screen_status_has(s, "Sorted: newest first"), "  and says so on the status line");
	s = screen_key(&r.sc, 'o');
	tap_ok(screen_row_has(s, 0, "by title"), "o again sorts by title");
	tap_ok(screen_row_has(s, 1, "2022年网络安全"), "by title: the digit-led title first");
	s = screen_keys(&r.sc, "oo");
	tap_ok(screen_row_has(s, 0, "by date"), "o cycles back to date");
	run_end(&r);
}

static void test_focus_and_sizes(void)
{
	static const int sizes[][2] = { { 80, 24 }, { 120, 40 }, { 200, 60 } };
	for (size_t i = 0; i < 3; i++) {
		int w = sizes[i][0], h = sizes[i][1];
		struct run r;
		run_start(&r, w, h);
		const struct surface *s = term_memory_screen(r.sc.t);
		bool wide = w >= UI_WIDE_W;
		int lw = w * 2 / 5, lh = (h - 1) / 2;
		tap_int_eq(screen_col_of(s, 0, "Articles"), 1, "list title");
		if (wide) {
			tap_int_eq(screen_col_of(s, lh, "Timeline"), 1, "wide: the timeline under the list");
			tap_int_eq(screen_col_of(s, 0, "Reader · alpha"), lw + 2,
				   "wide: the reader on the right");
			tap_str_eq(surface_cell_const(s, lw, 5)->text, "│", "wide: a separator");
			tap_ok(!(screen_attr_at(s, lw + 2, 0) & ATTR_REVERSE), "wide: the reader not focused");
		}
		s = screen_key(&r.sc, TERM_KEY_TAB);
		int ty = wide ? lh : 0;
		tap_int_eq(screen_col_of(s, ty, "Timeline"), 1, "Tab: the timeline");
		tap_ok(screen_attr_at(s, 1, ty) & ATTR_REVERSE, "the timeline's title is highlighted");
		tap_ok(!(screen_attr_at(s, 1, 0) & ATTR_REVERSE) || ty == 0, "the list's is not");
		/* The bar of counts per year, then the first heading. */
		tap_ok(screen_row_has(s, ty + 1, "2013▄") && screen_row_has(s, ty + 1, "2019█") &&
		       screen_row_has(s, ty + 1, "2022▄") && screen_row_has(s, ty + 1, "2024▄"),
		       "a bar of counts per year");
		tap_ok(screen_row_has(s, ty + 2, "2013 · 1 event"), "a heading per year with its count");
		tap_int_eq(screen_col_of(s, ty + 3, "~May "), 1, "inferred year marked with ~; the year is the heading's");
		int x = screen_col_of(s, ty + 3, "2013年5月");
		tap_int_eq(x, 22, "the sentence after date (as wide as September 28) and badges");
		int right = wide ? lw - 1 : w - 1;
		tap_str_eq(surface_cell_const(s, right, ty + 3)->text, "…",
			   "a long sentence ends in … at the pane's last column");
		tap_ok(screen_row_has(s, ty + 4, "2019 · 2 events"), "2019: two events");
		tap_ok(screen_row_has(s, ty + 5, "EN 简"), "a group's row carries both badges");
		tap_ok(screen_row_has(s, ty + 6, "~November "), "then November 2019");
		s = screen_key(&r.sc, TERM_KEY_TAB);
		tap_int_eq(screen_col_of(s, 0, "Reader · alpha"), wide ? lw + 2 : 1, "Tab: the reader");
		int rx = wide ? lw + 2 : 1;
		tap_ok(screen_attr_at(s, rx, 0) & ATTR_REVERSE, "the reader's title is highlighted");
		tap_int_eq(screen_col_from(s, 1, rx, "China Focus"), rx, "the article's title");
		tap_ok(screen_attr_at(s, rx, 1) & ATTR_BOLD, "in bold");
		int dy = screen_row_from(s, rx, "October 24, 2019");
		tap_ok(dy >= 2 && dy <= 3, "its date under the title");
		tap_ok(dy > 0 && screen_col_from(s, dy + 1, rx, "Source: Xinhua") == rx &&
		       screen_col_from(s, dy + 1, rx, "Languages: English, Chinese (simplified)") > rx,
		       "source and languages");
		tap_ok(dy > 0 && screen_col_from(s, dy + 2, rx, "https://example.org/wuzhen-2019") == rx &&
		       (screen_attr_at(s, rx, dy + 2) & ATTR_UNDERLINE),
		       "the url underlined under them");
		s = screen_key(&r.sc, TERM_KEY_BTAB);
		tap_ok(screen_attr_at(s, 1, ty) & ATTR_REVERSE, "Shift-Tab goes back to the timeline");
		run_end(&r);
	}
}

static void test_timeline_keys(void)
{
	struct run r;
	run_start(&r, 80, 24);
	const struct surface *s = screen_key(&r.sc, TERM_KEY_TAB);
	tap_ok(screen_attr_at(s, 1, 3) & ATTR_REVERSE, "the first event is selected");
	s = screen_key(&r.sc, 'j');
	tap_ok(screen_attr_at(s, 1, 5) & ATTR_REVERSE, "j passes over the heading to the next event");
	s = screen_key(&r.sc, ']');
	tap_ok(screen_row_has(s, sel_row(s), "December 22"), "] goes to the next year's first event");
	s = screen_key(&r.sc, ']');
	tap_ok(screen_row_has(s, sel_row(s), "September 11"), "] again: 2024");
	s = screen_key(&r.sc, ']');
	tap_ok(screen_row_has(s, sel_row(s), "September 11"), "] at the last year stays");
	s = screen_keys(&r.sc, "[[");
	tap_ok(screen_row_has(s, sel_row(s), "October 24") && screen_row_has(s, sel_row(s), "EN 简"),
	       "[ [ goes back to 2019");
	tap_ok(screen_attr_at(s, 7, 1) & ATTR_REVERSE, "the bar shows the selected year");
	s = screen_key(&r.sc, 'y');
	tap_ok(screen_row_has(s, 23, "Go to year:"), "y opens a prompt");
	tap_int_eq(s->cursor_y, 23, "the cursor stands in the prompt");
	s = screen_keys(&r.sc, "2022\r");
	tap_ok(screen_row_has(s, sel_row(s), "December 22"), "y 2022: 2022");
	s = screen_keys(&r.sc, "y２０２４");
	s = screen_key(&r.sc, TERM_KEY_ENTER);
	tap_ok(screen_row_has(s, sel_row(s), "September 11"), "full-width digits are read as a year");
	s = screen_keys(&r.sc, "y2020\r");
	tap_ok(screen_row_has(s, sel_row(s), "October 24"), "a year without events: the nearest one");
	tap_ok(screen_row_has(s, 23, "No events in 2020; showing 2019"), "and a message says so");
	s = screen_keys(&r.sc, "y12q");
	tap_ok(!r.sc.ui.prompt.active && !r.sc.ui.quit, "q closes the year prompt, not the program");
	s = screen_keys(&r.sc, "y1");
	s = screen_key(&r.sc, TERM_KEY_ESCAPE);
	tap_ok(!r.sc.ui.prompt.active, "Escape closes the prompt");
	/* Enter on the 2019 group row opens its first event: alpha, paragraph 1. */
	s = screen_key(&r.sc, TERM_KEY_ENTER);
	tap_int_eq(r.sc.ui.focus, PANE_READER, "Enter moves to the reader");
	tap_ok(screen_row_has(s, 0, "Reader · alpha"), "the event's article is open");
	/* A short article: all of it fits, the paragraph is in view. */
	int py = screen_row_of(s, "On October 24, 2019");
	tap_ok(py > 0 && screen_col_of(s, py, "On October") == 1, "the event's paragraph is shown");
	tap_ok(screen_attr_at(s, 4, py) & ATTR_REVERSE, "the date expression is highlighted");
	tap_ok(screen_attr_at(s, 19, py) & ATTR_REVERSE, "to its last character");
	tap_ok(!(screen_attr_at(s, 1, py) & ATTR_REVERSE) && !(screen_attr_at(s, 20, py) & ATTR_REVERSE),
	       "and no further");
	tap_ok(screen_row_has(s, 23, "¶ 1/6 · 100%"), "status: paragraph at the top, all of it seen");
	/* ] goes from happening to happening: the next one is told in French only,
	 * the one after in Chinese only. */
	s = screen_key(&r.sc, ']');
	tap_ok(screen_row_has(s, 0, "Reader · cooperation") && screen_row_of(s, "En novembre") > 0,
	       "reader ]: the next happening, November 2019, in French, its only version");
	tap_ok(screen_row_has(s, 23, "event 3 of 5 · November 2019"),
	       "the status line says where the reader is");
	s = screen_key(&r.sc, ']');
	tap_ok(screen_row_has(s, 0, "Reader · wangluo"), "] again: December 2022, in another article");
	tap_int_eq(screen_col_of(s, 1, "20. 网络空间"), 1, "a long article: its paragraph at the top");
	tap_ok(screen_attr_at(s, 5, 1) & ATTR_REVERSE, "its date expression highlighted");
	tap_ok(surface_cell_const(s, 5, 1)->width == 2, "on a wide cell");
	tap_ok(screen_row_has(s, 23, "event 4 of 5 · December 22, 2022"), "event 4 of 5");
	s = screen_key(&r.sc, '[');
	s = screen_key(&r.sc, '[');
	tap_ok(screen_row_has(s, 0, "Reader · alpha"),
	       "[ [ back to the happening of October 2019, in English, the language read");
	s = screen_key(&r.sc, TERM_KEY_TAB);
	s = screen_key(&r.sc, TERM_KEY_TAB);
	tap_ok(screen_attr_at(s, 1, 5) & ATTR_REVERSE, "the timeline follows the reader's event");
	run_end(&r);
}

static void test_reader_scroll_resize(void)
{
	struct run r;
	run_start(&r, 80, 24);
	screen_keys(&r.sc, "j\r");
	const struct surface *s = term_memory_screen(r.sc.t);
	tap_ok(screen_row_has(s, 0, "Reader · wangluo"), "Enter opens the selected article");
	tap_ok(screen_row_has(s, 1, "2022年网络安全国际"), "from the top");
	tap_ok(screen_row_has(s, 23, "¶ 1/30"), "status: ¶ 1/30");
	s = screen_key(&r.sc, 'j');
	tap_ok(screen_row_has(s, 1, "December 22, 2022"), "j scrolls one line");
	s = screen_key(&r.sc, 'k');
	tap_ok(screen_row_has(s, 1, "2022年网络安全国际"), "k scrolls back");
	s = screen_key(&r.sc, ' ');
	tap_ok(!screen_row_has(s, 1, "2022年网络") && r.sc.ui.reader.pos.para != UI_NONE,
	       "Space pages down into the text");
	s = screen_keys(&r.sc, "jjjjjjjjjjjj");
	struct reader_pos pos = r.sc.ui.reader.pos;
	tap_ok(pos.para != UI_NONE && pos.off > 0, "the position is a paragraph and an offset");
	const char *ptext = r.f.col.items[r.sc.ui.reader.article].paras[pos.para].text;
	char *row = text_from(s, 1, 1);
	const char *at = strstr(ptext, row);
	tap_ok(at != NULL && (size_t)(at - ptext) == pos.off, "the top line starts there");
	free(row);
	int pct = 0;
	size_t para, npara;
	reader_progress(&r.sc.ui.reader, &r.f.col, &r.sc.ui.lo, &para, &npara, &pct);
	tap_ok(pct > 0 && pct < 100 && para == pos.para + 1, "progress follows");
	static const int sizes[][2] = { { 200, 60 }, { 120, 40 }, { 43, 24 }, { 80, 24 } };
	for (size_t i = 0; i < 4; i++) {
		s = screen_resize(&r.sc, sizes[i][0], sizes[i][1]);
		tap_ok(r.sc.ui.reader.pos.para == pos.para && r.sc.ui.reader.pos.off == pos.off,
		       "resize %dx%d keeps the reading position", sizes[i][0], sizes[i][1]);
		int rx = r.sc.ui.rects[PANE_READER].x;
		char *line = text_from(s, 1, rx + 1);
		/* The top line is the one holding the remembered offset. */
		const char *l = line;
		const char *found = strstr(ptext, l);
		size_t start = found ? (size_t)(found - ptext) : (size_t)-1;
		tap_ok(found && start <= pos.off && pos.off < start + strlen(l),
		       "%dx%d: the same text at the top", sizes[i][0], sizes[i][1]);
		free(line);
	}
	s = screen_key(&r.sc, 'G');
	tap_ok(screen_row_has(s, 23, "100%"), "G: the end, 100%%");
	int ly = screen_row_of(s, "29. ");
	tap_ok(ly > 0 && ly < 23, "the last paragraph in view");
	tap_ok(screen_row_has(s, 22, "维护网络空间和平与安全。"), "its last line on the last row");
	s = screen_key(&r.sc, 'g');
	tap_ok(screen_row_has(s, 1, "2022年网络安全国际"), "g: back to the top");
	/* Per-article memory: read a little, go elsewhere, come back. */
	screen_keys(&r.sc, "jjjjjjj");
	pos = r.sc.ui.reader.pos;
	screen_key(&r.sc, TERM_KEY_TAB);               /* list */
	screen_keys(&r.sc, "g\r");                      /* alpha */
	s = term_memory_screen(r.sc.t);
	tap_ok(screen_row_has(s, 0, "Reader · alpha"), "another article");
	screen_key(&r.sc, TERM_KEY_TAB);
	screen_keys(&r.sc, "j\r");
	tap_ok(r.sc.ui.reader.pos.para == pos.para && r.sc.ui.reader.pos.off == pos.off,
	       "coming back to an article: where it was left");
	s = screen_keys(&r.sc, "G");
	tap_ok(screen_row_has(s, 23, "/30 · 100%"), "status at the end: 100%% of 30 paragraphs");
	run_end(&r);
}

static void test_reader_styles(void)
{
	struct run r;
	run_start(&r, 200, 60);
	const struct surface *s = screen_keys(&r.sc, "\r");
	int rx = r.sc.ui.rects[PANE_READER].x + 1;
	int y = screen_row_of(s, "Alpha heading");
	tap_ok(y > 0 && (screen_attr_at(s, rx, y) & ATTR_BOLD), "headings in bold");
	y = screen_row_of(s, "Some bold words");
	tap_ok(y > 0 && (screen_attr_at(s, rx + 5, y) & ATTR_BOLD) && !(screen_attr_at(s, rx, y) & ATTR_BOLD),
	       "emphasis in bold, the rest plain");
	tap_ok(y > 0 && !(screen_attr_at(s, rx + 10, y) & ATTR_BOLD), "emphasis ends where it ends");
	y = screen_row_of(s, "A quoted sentence.");
	tap_int_eq(screen_col_of(s, y, "A quoted"), rx + 4, "quotes indented");
	y = screen_row_of(s, "[image] cover");
	tap_ok(y > 0 && (screen_attr_at(s, screen_col_of(s, y, "[image"), y) & ATTR_DIM), "image placeholders dim");
	y = screen_row_of(s, "网络安全合作");
	tap_int_eq(screen_col_of(s, y, "网络安全合作"), rx, "CJK paragraph at the margin");
	tap_ok(surface_cell_const(s, rx + 2, y)->width == 2 &&
	       strcmp(surface_cell_const(s, rx + 2, y)->text, "络") == 0, "络 at the third column");
	/* The long English paragraph wraps inside the reader's width. */
	y = screen_row_of(s, "On October 24");
	tap_ok(y > 0 && !screen_row_has(s, y, "reader.") && screen_row_has(s, y + 1, "reader."),
	       "a long paragraph wraps");
	run_end(&r);
}

static void test_tiny_and_help(void)
{
	struct run r;
	run_start(&r, 19, 5);
	const struct surface *s = term_memory_screen(r.sc.t);
	tap_ok(screen_row_has(s, 2, "Terminal too small"), "19x5: Terminal too small");
	s = screen_resize(&r.sc, 20, 6);
	tap_ok(screen_row_has(s, 0, "Articles"), "20x6: the list again");
	tap_ok(screen_row_has(s, 5, "q quit") || screen_row_has(s, 5, "q"), "with a status line");
	s = screen_resize(&r.sc, 10, 3);
	tap_ok(screen_row_has(s, 1, "Terminal…") || screen_row_has(s, 1, "Terminal"), "10x3: a cut message");
	s = screen_resize(&r.sc, 80, 10);
	s = screen_key(&r.sc, '?');
	tap_ok(screen_row_has(s, 0, "Help"), "? opens the help");
	tap_ok(screen_row_has(s, 1, "quit"), "listing q first");
	int kx = screen_col_of(s, 1, "q"), dx = screen_col_of(s, 1, "quit");
	tap_ok(kx >= 0 && dx > kx, "keys then what they do");
	tap_ok(screen_row_of(s, "mouse") < 0, "too tall for 10 rows");
	s = screen_key(&r.sc, 'G');
	tap_ok(screen_row_of(s, "mouse") > 0, "G scrolls the help to its end");
	s = screen_key(&r.sc, 'q');
	tap_ok(!r.sc.ui.help.open && !r.sc.ui.quit, "q closes the help first");
	tap_ok(screen_row_has(s, 0, "Articles"), "the list is back");
	term_memory_push_key(r.sc.t, 'q');
	term_memory_push_key(r.sc.t, 'j');
	tap_ok(app_loop(&r.sc.ui, r.sc.t), "q quits");
	run_end(&r);
}

static void test_mouse(void)
{
	struct run r;
	run_start(&r, 120, 40);
	int lh = 39 / 2;
	term_memory_push_mouse(r.sc.t, TERM_MOUSE_CLICK, 5, lh + 5);
	app_loop(&r.sc.ui, r.sc.t);
	const struct surface *s = term_memory_screen(r.sc.t);
	tap_int_eq(r.sc.ui.focus, PANE_TIMELINE, "a click focuses the timeline");
	tap_ok(screen_attr_at(s, 1, lh + 5) & ATTR_REVERSE, "and selects the row clicked");
	term_memory_push_mouse(r.sc.t, TERM_MOUSE_CLICK, 5, 2);
	app_loop(&r.sc.ui, r.sc.t);
	tap_int_eq(r.sc.ui.focus, PANE_LIST, "a click focuses the list");
	tap_int_eq(r.sc.ui.list.sel, 1, "and selects the second row");
	screen_key(&r.sc, TERM_KEY_ENTER);
	term_memory_push_mouse(r.sc.t, TERM_MOUSE_WHEEL_DOWN, 80, 10);
	app_loop(&r.sc.ui, r.sc.t);
	tap_ok(r.sc.ui.reader.article == 1 && r.sc.ui.reader.pos.para == UI_NONE &&
	       r.sc.ui.reader.pos.off == 3, "the wheel scrolls the reader by three lines");
	tap_int_eq(r.sc.ui.focus, PANE_READER, "the wheel does not move the focus");
	run_end(&r);
}

static void test_prompt(void)
{
	struct layout_opts lo = { false, 8 };
	struct prompt p;
	prompt_open(&p, "Find:", false);
	prompt_key(&p, 0x5E74, &lo);            /* 年 */
	prompt_key(&p, 'e', &lo);
	prompt_key(&p, 0x0301, &lo);            /* combining acute */
	tap_str_eq(p.text, "年e\xcc\x81", "CJK and combining input");
	struct surface *s = surface_new(30, 1, &lo);
	prompt_draw(&p, s, surface_rect(s));
	tap_int_eq(screen_col_of(s, 0, "年"), 6, "the text after the label");
	tap_int_eq(s->cursor_x, 9, "the cursor after the text, by columns");
	prompt_key(&p, TERM_KEY_BACKSPACE, &lo);
	tap_str_eq(p.text, "年", "backspace removes the whole cluster é");
	prompt_key(&p, TERM_KEY_BACKSPACE, &lo);
	tap_str_eq(p.text, "", "and then 年");
	tap_int_eq(prompt_key(&p, TERM_KEY_BACKSPACE, &lo), PROMPT_MORE, "empty stays empty");
	for (int i = 0; i < 40; i++)
		prompt_key(&p, 0x6587, &lo);    /* 文 x40: wider than the line */
	surface_fill(s, surface_rect(s), STYLE_PLAIN);
	prompt_draw(&p, s, surface_rect(s));
	tap_ok(s->cursor_x < 30 && surface_cell_const(s, s->cursor_x - 2, 0)->width == 2,
	       "a long text shows its end");
	tap_int_eq(prompt_key(&p, TERM_KEY_ENTER, &lo), PROMPT_SUBMIT, "Enter submits");
	surface_free(s);
}

static void test_hostile(void)
{
	struct run r;
	run_start(&r, 120, 40);
	const struct surface *s = screen_keys(&r.sc, "G\r");
	char *dump = surface_dump(s);
	tap_ok(strchr(dump, '\x1b') == NULL, "no ESC reaches the screen");
	tap_ok(strchr(dump, '\x07') == NULL, "no BEL");
	tap_ok(strstr(dump, "\xc2\x9b") == NULL, "no C1 CSI");
	tap_ok(strstr(dump, "]0;pwned") != NULL, "the rest of the sequence is shown as text");
	tap_ok(strstr(dump, "Evil ") != NULL, "the hostile paragraph is shown");
	for (const char *p = dump; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\n') {
			tap_ok(false, "a control byte 0x%02x on screen", (unsigned char)*p);
			break;
		}
	free(dump);
	run_end(&r);
}

/* Problems while loading are on stderr, hidden by the full screen: the status
 * line says how many until the first key. */
static void test_load_problems(void)
{
	for (int n = 1; n <= 2; n++) {
		struct run r;
		fx_init(&r.f);
		for (int i = 0; i < n; i++)
			collection_warn(&r.f.col, "file%d.txt: binary file; skipped", i);
		screen_start(&r.sc, &r.f.col, &r.f.ev, NULL, 80, 24);
		const struct surface *s = term_memory_screen(r.sc.t);
		tap_ok(screen_row_has(s, 23, n == 1 ? "1 problem while loading the collection: "
						      "listed when annals quits."
						    : "2 problems while loading the collection: "
						      "listed when annals quits."),
		       "%d warning%s: said in the status line", n, n == 1 ? "" : "s");
		tap_ok(!screen_row_has(s, 23, "q quit"), "  in place of the hints");
		s = screen_key(&r.sc, 'j');
		tap_ok(!screen_row_has(s, 23, "problem") && screen_row_has(s, 23, "q quit"),
		       "  until the first key");
		run_end(&r);
	}
	struct run r;
	run_start(&r, 80, 24);
	tap_ok(!screen_row_has(term_memory_screen(r.sc.t), 23, "problem"),
	       "no warning: no such message");
	run_end(&r);
}

int main(void)
{
	test_list_80();
	test_focus_and_sizes();
	test_timeline_keys();
	test_reader_scroll_resize();
	test_reader_styles();
	test_tiny_and_help();
	test_mouse();
	test_prompt();
	test_hostile();
	test_load_problems();
	return tap_done();
}
