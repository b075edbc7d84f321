/* test_search_ui.c: searching from the browser, on the memory backend: the /
 * prompt, the results with their highlighted matches (English and Chinese,
 * simplified finding traditional), Enter opening the reader at the match, n and
 * N across articles with their wrap-around messages, an empty result, hostile
 * queries, at 80x24 and 120x40. The screen is read back cell by cell. */
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

/* ---- the collection: one article a year, so that collection order is known */

static void add(struct collection *col, const char *id, const char *title, int year,
		const char *const *paras, const char *lang)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xstrdup(title);
	a.path = xasprintf("/fixtures/%s.txt", id);
	a.date = (struct adate){ year, 1, 1, DATE_DAY, false };
	for (size_t i = 0; paras[i]; i++)
		article_add_para(&a, paras[i], strlen(paras[i]), lang,
				 i == 0 && strcmp(lang, "en") == 0 ? PARA_HEADING : PARA_TEXT);
	article_update_langs(&a);
	collection_add(col, &a);
}

static void fx_init(struct collection *col)
{
	collection_init(col);
	add(col, "a_en", "Talks in Wuzhen", 2019,
	    (const char *const[]){ "Security first",
				   "Experts discussed cyber security in Wuzhen, and they "
				   "came back to security again.",
				   "Nothing here.", NULL }, "en");
	add(col, "b_zhs", "乌镇会谈纪要", 2020,
	    (const char *const[]){ "各国加强网络安全合作，共同维护网络安全。", NULL }, "zh-Hans");
	add(col, "c_zht", "論壇紀要", 2021,
	    (const char *const[]){ "論壇討論網絡安全。", NULL }, "zh-Hant");
	add(col, "d_fr", "Le réseau", 2022,
	    (const char *const[]){ "La sécurité du réseau est une priorité.", NULL }, "fr");
	/* One long paragraph with a word near its end, for scrolling to a match. */
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 120; i++)
		buf_printf(&b, "Filler sentence number %d of a long paragraph. ", i);
	buf_adds(&b, "The zebra stands here.");
	add(col, "e_long", "A long one", 2023, (const char *const[]){ b.data, NULL }, "fr");
	/* More matches than the first screenfuls a search finds at once. */
	b.len = 0;
	for (int i = 0; i < 1500; i++)
		buf_adds(&b, "zz ");
	add(col, "f_many", "Many", 2024, (const char *const[]){ b.data, NULL }, "fr");
	buf_free(&b);
	collection_sort(col);
}

/* ---- reading the screen (the rest is screen.h's) */

static const struct cell *at(const struct surface *s, int x, int y)
{
	return surface_cell_const(s, x, y);
}

/* The n-th (0-based) run of yellow cells on row y from x0 on: its first column
 * and width; false when there is none. */
static bool yellow_run(const struct surface *s, int y, int x0, int n, int *x, int *w)
{
	for (int cx = x0; cx < s->w; cx++) {
		if (at(s, cx, y)->style.fg != COLOR_YELLOW)
			continue;
		int end = cx;
		while (end < s->w && at(s, end, y)->style.fg == COLOR_YELLOW)
			end++;
		if (n-- == 0) {
			*x = cx;
			*w = end - cx;
			return true;
		}
		cx = end;
	}
	return false;
}

/* The text of columns [x, x + w) of row y. Caller frees. */
static char *text_at(const struct surface *s, int y, int x, int w)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (int cx = x; cx < x + w && cx < s->w; cx++)
		if (at(s, cx, y)->width)
			buf_adds(&b, at(s, cx, y)->text);
	return buf_take(&b);
}

/* Checks that the n-th highlighted run on row y from x0 is want at column wx. */
static void check_run(const struct surface *s, int y, int x0, int n, int wx, const char *want,
		      const char *what)
{
	int x = -1, w = 0;
	bool found = yellow_run(s, y, x0, n, &x, &w);
	char *t = found ? text_at(s, y, x, w) : xstrdup("");
	tap_str_eq(t, want, what);
	if (wx >= 0)
		tap_int_eq(x, wx, "  ... at its column");
	free(t);
}

struct run {
	struct collection col;
	struct event_list ev;
	struct screen sc;
};

static void run_start(struct run *r, int w, int h)
{
	fx_init(&r->col);
	memset(&r->ev, 0, sizeof r->ev);
	screen_start(&r->sc, &r->col, &r->ev, NULL, w, h);
}

static void run_end(struct run *r)
{
	screen_end(&r->sc);
	collection_free(&r->col);
}

/* ---- the tests */

static void test_prompt_and_results_80(void)
{
	struct run r;
	run_start(&r, 80, 24);
	const struct surface *s = screen_keys(&r.sc, "/");
	tap_int_eq(screen_col_of(s, 23, "Search:"), 0, "80x24: / opens the search prompt on the last row");
	tap_int_eq(s->cursor_y, 23, "the cursor is on the prompt");
	tap_int_eq(s->cursor_x, 8, "after the label");
	s = screen_keys(&r.sc, "security");
	tap_int_eq(screen_col_of(s, 23, "security"), 8, "the query is typed after the label");
	tap_int_eq(s->cursor_x, 16, "the cursor follows it");
	s = screen_keys(&r.sc, "\r");
	tap_ok(screen_row_has(s, 0, "Search “security” · 3 matches"), "the results replace the list");
	tap_ok(at(s, 1, 0)->style.attr & ATTR_REVERSE, "and have the focus");
	tap_int_eq(screen_row_of(s, "Articles"), -1, "the list is not shown meanwhile");
	tap_int_eq(screen_col_of(s, 1, "Talks in Wuzhen"), 1, "the article is named on its first row");
	tap_int_eq(screen_col_of(s, 2, "Cyber"), -1, "and not again on the next");
	tap_int_eq(screen_col_of(s, 1, "¶1"), 22, "the paragraph after the article column");
	tap_int_eq(screen_col_of(s, 2, "¶2"), 22, "the second match: paragraph 2");
	tap_int_eq(screen_col_of(s, 3, "¶2"), 22, "the third: paragraph 2 again");
	tap_ok(at(s, 1, 1)->style.attr & ATTR_REVERSE, "the first row is selected");
	check_run(s, 1, 25, 0, 25, "Security", "row 1: the match is highlighted");
	tap_ok(!(at(s, 25, 1)->style.attr & ATTR_REVERSE) && (at(s, 25, 1)->style.attr & ATTR_BOLD),
	       "on the selected row the match is the part not reversed");
	int x, w;
	check_run(s, 2, 25, 0, -1, "security", "row 2: its first security is highlighted");
	tap_ok(yellow_run(s, 2, 25, 0, &x, &w) && (at(s, x, 2)->style.attr & ATTR_REVERSE),
	       "reversed on a row not selected");
	tap_ok(yellow_run(s, 2, 25, 0, &x, &w) && at(s, x - 1, 2)->style.fg != COLOR_YELLOW &&
	       at(s, x + w, 2)->style.fg != COLOR_YELLOW, "and nothing around it");
	tap_ok(!yellow_run(s, 2, 25, 1, &x, &w), "only one match highlighted per row");
	check_run(s, 3, 25, 0, -1, "security", "row 3: the second security");
	int x2, x3;
	yellow_run(s, 2, 25, 0, &x2, &w);
	yellow_run(s, 3, 25, 0, &x3, &w);
	tap_ok(x3 > x2, "further right in the snippet than the first (%d > %d)", x3, x2);
	tap_int_eq(screen_row_of(s, "sécurité"), -1, "d_fr is not a result");

	/* Enter: the reader at the match. */
	s = screen_keys(&r.sc, "j\r");
	tap_ok(screen_row_has(s, 0, "Reader · a_en"), "Enter opens the article of the match");
	tap_ok(screen_row_has(s, 23, "¶ 1/3"), "a short article is shown from its top");
	int y = screen_row_of(s, "Experts discussed");
	tap_ok(y > 0, "whose text is on screen (row %d)", y);
	check_run(s, y, 0, 0, -1, "security", "the match stood on is highlighted");
	tap_ok(yellow_run(s, y, 0, 0, &x, &w) && (at(s, x, y)->style.attr & ATTR_REVERSE),
	       "  reversed");
	/* The second security of the paragraph, after the first. */
	int yy = y, xx = -1;
	if (yellow_run(s, y, 0, 0, &x, &w))
		xx = screen_col_from(s, y, x + w, "security");
	tap_ok(xx >= 0 && at(s, xx, yy)->style.fg == COLOR_YELLOW &&
	       (at(s, xx, yy)->style.attr & ATTR_UNDERLINE) &&
	       !(at(s, xx, yy)->style.attr & ATTR_REVERSE),
	       "the other match in view is marked, underlined, not reversed");
	tap_ok(xx >= 0 && at(s, xx + 8, yy)->style.fg != COLOR_YELLOW, "  only the word");

	/* n and N, with their wrap-around. */
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 23, "Match 3 of 3."), "n: the next match, counted");
	tap_ok(xx >= 0 && (at(s, xx, yy)->style.attr & ATTR_REVERSE), "and it is the one reversed");
	tap_ok(x >= 0 && !(at(s, x, y)->style.attr & ATTR_REVERSE) &&
	       at(s, x, y)->style.fg == COLOR_YELLOW, "the first one is now only marked");
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 23, "Past the last match: back to the first (1 of 3)."),
	       "n past the last wraps to the first, and says so");
	y = screen_row_of(s, "Security first");
	tap_ok(y > 0 && (at(s, screen_col_of(s, y, "Security"), y)->style.attr & ATTR_REVERSE),
	       "the heading's match is reversed");
	s = screen_keys(&r.sc, "N");
	tap_ok(screen_row_has(s, 23, "Before the first match: on to the last (3 of 3)."),
	       "N before the first wraps to the last, and says so");
	s = screen_keys(&r.sc, "N");
	tap_ok(screen_row_has(s, 23, "Match 2 of 3."), "N: the previous match");
	s = screen_keys(&r.sc, "j");
	tap_ok(!screen_row_has(s, 23, "Match"), "the message goes with the next key");

	/* Tab back to the results; q closes them and the list comes back. */
	s = screen_keys(&r.sc, "\t");
	tap_ok(screen_row_has(s, 0, "Search “security”"), "Tab brings the results back");
	tap_ok(at(s, 1, 2)->style.attr & ATTR_REVERSE, "with the last opened match selected");
	s = screen_keys(&r.sc, "q");
	tap_ok(screen_row_has(s, 0, "Articles"), "q closes the results: the list is back");
	tap_ok(!r.sc.ui.quit, "and does not quit");
	s = screen_keys(&r.sc, "\t\t");
	tap_ok(screen_row_has(s, 0, "Reader · a_en"), "the reader still marks the query's matches:");
	y = screen_row_of(s, "Security first");
	tap_ok(y > 0 && at(s, screen_col_of(s, y, "Security"), y)->style.fg == COLOR_YELLOW,
	       "  the heading's Security");
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 23, "of 3."), "n still works with the results closed");
	screen_keys(&r.sc, "/security\r\r");
	tap_ok(r.sc.ui.results.open && r.sc.ui.focus == PANE_READER, "80x24: the reader hides the results");
	screen_keys(&r.sc, "q");
	tap_ok(r.sc.ui.quit, "q then quits: results out of sight do not hold it up");
	run_end(&r);
}

/* snip_x: where snippets start; c1, c2: the columns of the first two matches
 * (the snippets of the narrower pane are cut on both sides). */
static void test_chinese(int wdt, int hgt, int snip_x, int c1, int c2)
{
	struct run r;
	run_start(&r, wdt, hgt);
	char what[96];
	const struct surface *s = screen_keys(&r.sc, "/网络安全");
	snprintf(what, sizeof what, "%dx%d: CJK typed at the prompt", wdt, hgt);
	tap_int_eq(screen_col_of(s, hgt - 1, "网络安全"), 8, what);
	tap_int_eq(s->cursor_x, 16, "  the cursor two columns a character on");
	s = screen_keys(&r.sc, "\r");
	tap_ok(screen_row_has(s, 0, "3 matches"), "网络安全: three matches, traditional included");
	tap_ok(screen_row_has(s, 1, "乌镇会谈纪要"), "  the simplified article first");
	tap_ok(screen_row_has(s, 3, "論壇紀要"), "  the traditional one named on its row");
	snprintf(what, sizeof what, "%dx%d: row 1 highlights the first 网络安全", wdt, hgt);
	check_run(s, 1, snip_x, 0, c1, "网络安全", what);
	check_run(s, 2, snip_x, 0, c2, "网络安全", "row 2: the second 网络安全");
	check_run(s, 3, snip_x, 0, snip_x + 8, "網絡安全", "row 3: traditional 網絡安全 highlighted");
	tap_ok(at(s, snip_x + 8, 3)->width == 2 && at(s, snip_x + 9, 3)->width == 0 &&
	       at(s, snip_x + 9, 3)->style.fg == COLOR_YELLOW,
	       "  wide cells, both columns highlighted");
	s = screen_keys(&r.sc, "\r");
	tap_ok(screen_row_has(s, 0, "Reader · b_zhs"), "Enter opens the simplified article");
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, hgt - 1, "Match 2 of 3."), "n: its second match");
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 0, "Reader · c_zht"), "n: on to the next article, traditional");
	tap_ok(screen_row_has(s, hgt - 1, "Match 3 of 3."), "  match 3 of 3");
	int y = screen_row_of(s, "網絡安全。");
	int x = y >= 0 ? screen_col_of(s, y, "網絡安全。") : -1;
	tap_ok(x >= 0 && (at(s, x, y)->style.attr & ATTR_REVERSE) &&
	       at(s, x, y)->style.fg == COLOR_YELLOW && at(s, x + 8, y)->style.fg != COLOR_YELLOW,
	       "  網絡安全 reversed in the reader, not the full stop");
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 0, "Reader · b_zhs"), "n wraps back to the first article");
	s = screen_keys(&r.sc, "N");
	tap_ok(screen_row_has(s, 0, "Reader · c_zht"), "N wraps back to the last");
	run_end(&r);
}

static void test_wide_120(void)
{
	struct run r;
	run_start(&r, 120, 40);
	const struct surface *s = screen_keys(&r.sc, "/security\r");
	tap_ok(screen_row_has(s, 0, "Search “security”"), "120x40: the results in the list's place");
	tap_int_eq(screen_col_of(s, 0, "Search"), 1, "  at the top left");
	tap_ok(screen_row_has(s, 0, "Reader"), "  the reader beside them");
	/* The left pane is 48 wide: a 12-column article column, then ¶N at 14. */
	tap_int_eq(screen_col_of(s, 2, "¶2"), 14, "the paragraph column in the narrower pane");
	check_run(s, 1, 17, 0, 17, "Security", "row 1's match at column 17");
	int x, w;
	tap_ok(yellow_run(s, 2, 17, 0, &x, &w) && x + w <= 47, "row 2's match inside the pane");
	s = screen_keys(&r.sc, "jj\r");
	tap_ok(screen_row_has(s, 0, "Reader · a_en"), "Enter opens the reader on the right");
	tap_int_eq(screen_col_of(s, 0, "Search"), 1, "the results stay on the left");
	int y = screen_row_from(s, 49, "Experts discussed");
	x = y >= 0 ? screen_col_from(s, y, 49, "security") : -1;
	tap_ok(x > 48 && (at(s, x, y)->style.attr & ATTR_UNDERLINE) &&
	       at(s, x, y)->style.fg == COLOR_YELLOW, "the second match in view, marked");
	/* At this width the third one begins the next line. */
	x = screen_col_from(s, y + 1, 49, "security again");
	tap_ok(x == 50 && (at(s, x, y + 1)->style.attr & ATTR_REVERSE), "the third match, reversed");
	s = screen_keys(&r.sc, "/zebra\r\r");
	tap_ok(screen_row_has(s, 0, "Reader · e_long"), "a match at the end of a long paragraph:");
	y = screen_row_from(s, 49, "zebra");
	tap_ok(y > 0 && y < 39, "  scrolled into view (row %d)", y);
	x = y > 0 ? screen_col_from(s, y, 49, "zebra") : -1;
	tap_ok(x > 48 && (at(s, x, y)->style.attr & ATTR_REVERSE), "  and highlighted");
	tap_ok(screen_row_from(s, 49, "A long one") < 0, "  the header scrolled away");
	s = screen_keys(&r.sc, "q");
	tap_ok(!r.sc.ui.quit && screen_row_has(s, 0, "Articles"), "q closes the results beside the reader first");
	run_end(&r);
}

static void test_many_and_empty(void)
{
	struct run r;
	run_start(&r, 80, 24);
	const struct surface *s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 23, "No search yet: press / to search."), "n before any search says so");
	s = screen_keys(&r.sc, "/zz\r");
	tap_ok(screen_row_has(s, 0, "1000+ matches"), "the first screenfuls come first (1000+)");
	s = screen_keys(&r.sc, "G");
	tap_ok(screen_row_has(s, 0, "1500 matches"), "G finds the rest: 1500");
	tap_ok(screen_row_has(s, 22, "¶1"), "  and shows the last one on the last row");
	s = screen_keys(&r.sc, "/zz\r\r");
	tap_ok(screen_row_has(s, 0, "Reader · f_many"), "a new search; Enter opens the first match");
	s = screen_keys(&r.sc, "N");
	tap_ok(screen_row_has(s, 23, "Before the first match: on to the last (1500 of 1500)."),
	       "N reaches the last of all 1500 matches");
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 23, "Past the last match: back to the first (1 of 1500)."),
	       "and n wraps from it");

	s = screen_keys(&r.sc, "/xyzzy\r");
	tap_ok(screen_row_has(s, 0, "Search “xyzzy”"), "no match: the results pane still opens");
	tap_int_eq(screen_col_of(s, 1, "No matches for “xyzzy”."), 1, "and says there are no matches");
	tap_ok(screen_row_has(s, 3, "Press / to search again"), "with what to do next");
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 23, "The last search found nothing"), "n then says so too");
	s = screen_keys(&r.sc, "\x1b");
	tap_ok(screen_row_has(s, 0, "Articles"), "Esc closes the results");
	run_end(&r);
}

static void test_hostile_queries(void)
{
	struct run r;
	run_start(&r, 80, 24);
	screen_keys(&r.sc, "/");
	/* Control characters typed at the prompt are not taken. */
	screen_key(&r.sc, 0x07);
	screen_key(&r.sc, 0x1b + 0);          /* a raw ESC code point, not the Escape key */
	screen_key(&r.sc, 0x9b);
	screen_key(&r.sc, 0x202e);            /* a bidi override is a character; it is shown as a mark */
	const struct surface *s = screen_keys(&r.sc, "zebra");
	tap_str_eq(r.sc.ui.prompt.text, "\xe2\x80\xae" "zebra", "only printable input reaches the query");
	char *d = surface_dump(s);
	tap_ok(strchr(d, '\x1b') == NULL && strchr(d, '\x07') == NULL, "no control byte on screen");
	tap_ok(strstr(d, "\xe2\x80\xae") == NULL, "the bidi override is not written raw");
	free(d);
	s = screen_keys(&r.sc, "\r");
	tap_ok(screen_row_has(s, 0, "Search “<U+202E>zebra”"), "the override is shown as a mark");
	tap_ok(screen_row_has(s, 0, "1 match"), "  and matching ignores it, as it ignores marks");

	/* A very long query: the prompt takes what fits, the title is cut. */
	screen_keys(&r.sc, "/");
	for (int i = 0; i < 400; i++)
		screen_key(&r.sc, i % 2 ? 0x5B57 : 'a');   /* 字 */
	tap_ok(r.sc.ui.prompt.len < PROMPT_MAX, "a 400-character query is held within the prompt");
	s = screen_keys(&r.sc, "\r");
	tap_ok(screen_row_has(s, 0, "Search “"), "it is searched");
	tap_ok(at(s, 79, 0)->text[0] != '\0', "the title is cut at the screen's edge");
	tap_ok(screen_row_has(s, 1, "No matches for"), "and finds nothing");

	s = screen_keys(&r.sc, "/   \r");
	tap_ok(screen_row_has(s, 23, "Nothing to search for"), "only spaces: nothing to search for");
	tap_ok(!r.sc.ui.results.open, "  no results pane");
	s = screen_keys(&r.sc, "/\r");
	tap_ok(screen_row_has(s, 23, "Nothing to search for"), "an empty query: the same");
	s = screen_keys(&r.sc, "n");
	tap_ok(screen_row_has(s, 23, "No search yet"), "and the old query is gone");
	s = screen_keys(&r.sc, "/\"\"\r");
	tap_ok(screen_row_has(s, 23, "Nothing to search for"), "only quotes: the same");
	run_end(&r);
}

static void test_mouse(void)
{
	struct run r;
	run_start(&r, 80, 24);
	screen_keys(&r.sc, "/security\r");
	term_memory_push_mouse(r.sc.t, TERM_MOUSE_CLICK, 40, 3);
	app_loop(&r.sc.ui, r.sc.t);
	const struct surface *s = term_memory_screen(r.sc.t);
	tap_ok((at(s, 1, 3)->style.attr & ATTR_REVERSE) && !(at(s, 1, 1)->style.attr & ATTR_REVERSE),
	       "a click selects the result under it");
	s = screen_keys(&r.sc, "\r");
	tap_ok(screen_row_has(s, 0, "Reader · a_en") && r.sc.ui.results.cur == 2,
	       "Enter then opens that match (the third)");
	s = screen_keys(&r.sc, "\t");
	term_memory_push_mouse(r.sc.t, TERM_MOUSE_WHEEL_UP, 40, 5);
	app_loop(&r.sc.ui, r.sc.t);
	s = term_memory_screen(r.sc.t);
	tap_ok(at(s, 1, 1)->style.attr & ATTR_REVERSE, "the wheel moves the selection up");
	term_memory_push_mouse(r.sc.t, TERM_MOUSE_CLICK, 40, 12);
	app_loop(&r.sc.ui, r.sc.t);
	s = term_memory_screen(r.sc.t);
	tap_ok(at(s, 1, 1)->style.attr & ATTR_REVERSE, "a click below the last result changes nothing");
	run_end(&r);
}

/* Titles are searched too: a match there says "title", comes first, and
 * Enter opens the article at its top. */
static void test_titles(void)
{
	struct run r;
	run_start(&r, 80, 24);
	const struct surface *s = screen_keys(&r.sc, "/纪要\r");
	tap_ok(screen_row_has(s, 0, "2 matches"), "纪要: two matches, both in titles");
	tap_ok(screen_row_has(s, 1, "title") && screen_row_has(s, 1, "纪要"),
	       "  the first says title, with the match");
	tap_ok(screen_row_has(s, 2, "title") && screen_row_has(s, 2, "紀要"),
	       "  the traditional title is found too");
	s = screen_keys(&r.sc, "\r");
	tap_ok(r.sc.ui.reader.article == collection_index(&r.col, "b_zhs") &&
	       r.sc.ui.reader.pos.para == UI_NONE, "Enter opens the article at its top");
	int ty = screen_row_of(s, "乌镇会谈纪要");
	int tx = ty >= 0 ? screen_col_of(s, ty, "纪要") : -1;
	tap_ok(tx >= 0 && at(s, tx, ty)->style.fg == COLOR_YELLOW &&
	       at(s, tx - 2, ty)->style.fg != COLOR_YELLOW, "  the match is marked in the title");
	s = screen_keys(&r.sc, "n");
	tap_ok(r.sc.ui.reader.article == collection_index(&r.col, "c_zht") &&
	       screen_status_has(s, "Match 2 of 2"), "n goes to the next title");
	s = screen_keys(&r.sc, "/wuzhen\r");
	tap_ok(screen_row_has(s, 0, "2 matches"), "wuzhen: the title and the paragraph");
	tap_ok(screen_row_has(s, 1, "title") && screen_row_has(s, 2, "¶2"),
	       "  the title's first, then ¶2");
	run_end(&r);
}

static void test_help_lists_keys(void)
{
	struct run r;
	run_start(&r, 100, 40);
	const struct surface *s = screen_keys(&r.sc, "?");
	int y = screen_row_of(s, "search the collection");
	tap_ok(y > 0 && screen_col_of(s, y, "/") >= 0, "help lists /");
	y = screen_row_of(s, "next / previous match");
	tap_ok(y > 0 && screen_col_of(s, y, "n N") >= 0, "help lists n N");
	run_end(&r);
}

int main(void)
{
	test_prompt_and_results_80();
	/* 80: "各国加强" before the first match, 15 characters before the second. */
	test_chinese(80, 24, 25, 25 + 8, 25 + 30);
	/* 120: "…国加强" and "…安全合作，共同维护" (30 columns of snippet). */
	test_chinese(120, 40, 17, 17 + 1 + 6, 17 + 1 + 18);
	test_wide_120();
	test_many_and_empty();
	test_hostile_queries();
	test_mouse();
	test_help_lists_keys();
	test_titles();
	return tap_done();
}
