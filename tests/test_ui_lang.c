/* test_ui_lang.c: the browser's screens in every interface language, on the
 * memory backend with the bundled collection and the build tree's catalogs.
 * Every pane and the help screen are drawn in English, simplified Chinese,
 * traditional Chinese and French at 80x24 and 120x40 (and a narrow 40x12):
 * titles, hints and dates are the language's own, and no row is wider than the
 * screen or holds half of a wide character. Then the L key: the titles change
 * at once and the reader's first line stays where it was. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "screen.h"
#include "annals.h"
#include "events.h"
#include "i18n.h"
#include "layout.h"
#include "surface.h"
#include "term.h"
#include "ui.h"
#include "uilang.h"
#include "xalloc.h"

/* What each language calls things; written out here (not looked up with _())
 * so that a missing translation fails. */
struct words {
	enum uilang_id id;
	const char *articles, *timeline, *reader, *help, *quit;
	const char *list_date;          /* the list keeps ISO dates: a column of equal width */
	const char *tl_date;            /* the timeline's first event: October 2013, to the month */
	const char *tl_heading;         /* its year heading */
	const char *reader_date;        /* the first article's date line (December 1, 2015, inferred) */
	const char *image;              /* the image label of 001's cover */
	const char *lang_msg;           /* the status line after L chose this language */
	const char *bar_month;          /* the year bar's month of the first event (80x24) */
	/* The first article's languages, named in the language: the start of the
	 * line, and the end of the second name (on that line or, wrapped, the next). */
	const char *reader_langs, *reader_lang2;
};

static const struct words words[] = {
	{ UILANG_EN, "Articles (5)", "Timeline", "Reader · ", "Help — q or ? closes it", "q quit",
	  "2015-12-01", "October", "2013 · 1 event", "~December 1, 2015 (date inferred)",
	  "[image] cover_image", "Interface language: English", "· Oct",
	  "Languages: English,", "traditional)" },
	{ UILANG_ZH_CN, "文章 (5)", "时间线", "阅读器 · ", "帮助 — 按 q 或 ? 关闭", "q 退出",
	  "2015-12-01", "10月", "2013年 · 1 个事件", "~2015年12月1日（推断日期）",
	  "[图片] cover_image", "界面语言：简体中文", "· 10月",
	  "语言：英语、", "繁体中文" },
	{ UILANG_ZH_TW, "文章 (5)", "時間軸", "閱讀器 · ", "說明 — 按 q 或 ? 關閉", "q 離開",
	  "2015-12-01", "10月", "2013年 · 1 個事件", "~2015年12月1日（推定日期）",
	  "[圖片] cover_image", "介面語言：繁體中文", "· 10月",
	  "語言：英文、", "繁體中文" },
	{ UILANG_FR, "Articles (5)", "Chronologie", "Lecteur · ", "Aide — q ou ?",
	  "q quitter", "2015-12-01", "octobre", "2013 · 1 événement", "~1er décembre 2015 (date déduite)",
	  "[image] cover_image", "Langue de l’interface\xc2\xa0: Français", "· oct.",
	  "Langues\xc2\xa0: anglais,", "traditionnel" },
};
#define NWORDS (sizeof words / sizeof *words)

/* ---- reading the screen (the rest is screen.h's) */

/* Every row fits the screen and every wide cluster is whole: a width-2 cell is
 * followed by its continuation cell, and a continuation cell follows one.
 * Measured twice: cell by cell, and surface_row's text with the layout
 * module's widths. Prints what is wrong as TAP diagnostics. */
static bool screen_sound(const struct surface *s, const char *what)
{
	bool ok = true;
	for (int y = 0; y < s->h; y++) {
		for (int x = 0; x < s->w; x++) {
			const struct cell *c = surface_cell_const(s, x, y);
			bool bad = false;
			if (c->width == 2)
				bad = x + 1 >= s->w || surface_cell_const(s, x + 1, y)->width != 0;
			else if (c->width == 0)
				bad = x == 0 || surface_cell_const(s, x - 1, y)->width != 2;
			if (bad) {
				printf("# %s: row %d, column %d: a wide character cut\n", what, y, x);
				ok = false;
			}
		}
		char *row = surface_row(s, y);
		int w = layout_strwidth(row, &s->lo);
		if (w > s->w) {
			printf("# %s: row %d is %d columns wide: %s\n", what, y, w, row);
			ok = false;
		}
		free(row);
	}
	if (!ok || getenv("UILANG_DUMP")) {
		char *d = surface_dump(s);
		printf("# %s:\n%s", what, d);
		free(d);
	}
	return ok;
}

/* ---- running the browser */

static const struct surface *run_start(struct screen *r, struct annals *app, int w, int h)
{
	return screen_start(r, &app->col, annals_events(app), &app->ui, w, h);
}

/* ---- the tests */

static void test_screens(struct annals *app, const struct words *wd, int w, int h)
{
	char what[96];
	const char *code = uilang_code(wd->id);
	uilang_set(&app->ui, wd->id);
	struct screen r;
	const struct surface *s = run_start(&r, app, w, h);
	bool wide = w >= UI_WIDE_W;

	snprintf(what, sizeof what, "%s %dx%d list", code, w, h);
	tap_ok(screen_sound(s, what), what);
	tap_int_eq(screen_col_of(s, 0, wd->articles), 1, "  the list's title");
	tap_ok(screen_row_has(s, 1, wd->list_date), "  the list keeps ISO dates");
	tap_ok(screen_row_has(s, h - 1, wd->quit), "  the status line's first hint");
	const struct cell *last = surface_cell_const(s, w - 1, h - 1);
	tap_ok(last->width == 1 && strcmp(last->text, " ") == 0,
	       "  the hints end one column before the edge, uncut");
	if (wide) {
		tap_ok(screen_row_of(s, wd->timeline) > 0, "  wide: the timeline's title");
		tap_ok(screen_row_has(s, 0, wd->reader), "  wide: the reader's title");
	}

	s = screen_key(&r, TERM_KEY_TAB);
	snprintf(what, sizeof what, "%s %dx%d timeline", code, w, h);
	tap_ok(screen_sound(s, what), what);
	int ty = screen_row_of(s, wd->timeline);
	tap_ok(ty >= 0 && (surface_cell_const(s, 1, ty)->style.attr & ATTR_REVERSE),
	       "  the timeline's title, focused");
	tap_ok(ty >= 0 && screen_row_has(s, ty + 2, wd->tl_heading), "  the year heading in the language");
	tap_ok(ty >= 0 && screen_col_of(s, ty + 3, wd->tl_date) == 2,
	       "  the first event's date in the language, without the heading's year");
	if (!wide) {
		int mx = ty >= 0 ? screen_col_of(s, ty + 1, wd->bar_month) : -1;
		tap_ok(mx > 0 && (surface_cell_const(s, mx + 2, ty + 1)->style.attr & ATTR_REVERSE),
		       "  the year bar: the selected year's months, the event's reversed");
	}

	s = screen_key(&r, TERM_KEY_TAB);
	snprintf(what, sizeof what, "%s %dx%d reader", code, w, h);
	tap_ok(screen_sound(s, what), what);
	int rx = wide ? r.ui.rects[PANE_READER].x + 1 : 1;
	tap_int_eq(screen_col_of(s, 0, wd->reader), rx, "  the reader's title");
	tap_ok(screen_row_of(s, wd->reader_date) > 0, "  the date line in the language");
	tap_ok(screen_row_of(s, "China’s Effort") > 0, "  the article's own title, untranslated");
	int gy = screen_row_of(s, wd->reader_langs);
	tap_ok(gy > 0 && (screen_row_has(s, gy, wd->reader_lang2) ||
			  screen_row_has(s, gy + 1, wd->reader_lang2)),
	       "  its languages named in the language");

	s = screen_key(&r, '?');
	snprintf(what, sizeof what, "%s %dx%d help", code, w, h);
	tap_ok(screen_sound(s, what), what);
	tap_int_eq(screen_col_of(s, 0, wd->help), 2, "  the help's title, in its frame's top edge");
	tap_ok(screen_col_of(s, 0, "┌") == 0 && screen_col_of(s, h - 2, "└") == 0,
	       "  the help is framed");
	/* Down the help, a line at a time, until L and its wrapped line are in view. */
	int ly = -1;
	for (int step = 0; step < 80 && ly < 0; step++) {
		for (int y = 1; y < h - 3 && ly < 0; y++)
			if (screen_col_of(s, y, "L") == 3)
				ly = y;
		if (ly < 0)
			s = screen_key(&r, 'j');
	}
	/* A description too long for the line wraps under itself. */
	bool wrapped = ly > 0 && ly + 1 < h - 1 && screen_col_of(s, ly + 1, "Français") > 3 &&
		       surface_cell_const(s, 3, ly + 1)->text[0] == ' ';
	tap_ok(ly > 0 && screen_row_has(s, ly, "English") && screen_row_has(s, ly, "简体中文") &&
	       (screen_row_has(s, ly, "繁體") || wrapped) &&
	       (screen_row_has(s, ly, "Français") || wrapped),
	       "  the help lists L with the four languages");
	s = screen_key(&r, 'G');
	tap_ok(screen_row_of(s, _("mouse")) > 0 && screen_row_of(s, _("mouse")) < h - 1,
	       "  G scrolls to the last entry, wrapped lines counted");
	screen_key(&r, 'q');

	/* The search results, the chooser and side-by-side reading. */
	term_memory_push_keys(r.t, "/cyber");
	s = screen_key(&r, TERM_KEY_ENTER);
	snprintf(what, sizeof what, "%s %dx%d search results", code, w, h);
	tap_ok(screen_sound(s, what), what);
	s = screen_key(&r, TERM_KEY_ESCAPE);
	s = screen_key(&r, TERM_KEY_ESCAPE);
	app_open_article(&r.ui, collection_index(&app->col, "004_6c29ca260aaaa5ff"));
	r.ui.focus = PANE_READER;
	s = screen_key(&r, 's');
	snprintf(what, sizeof what, "%s %dx%d chooser", code, w, h);
	tap_ok(screen_sound(s, what), what);
	s = screen_key(&r, TERM_KEY_ENTER);
	snprintf(what, sizeof what, "%s %dx%d side by side", code, w, h);
	tap_ok(screen_sound(s, what), what);
	/* L while reading side by side: both sides stay, in the next language. */
	s = screen_key(&r, 'L');
	snprintf(what, sizeof what, "%s %dx%d side by side, then L", code, w, h);
	tap_ok(r.ui.split != NULL && app->ui.id != wd->id && screen_sound(s, what), what);
	screen_end(&r);
}

/* Opens 001 (Chinese, a cover image) and checks its image label and date. */
static void test_image_and_date(struct annals *app, const struct words *wd)
{
	uilang_set(&app->ui, wd->id);
	struct screen r;
	run_start(&r, app, 80, 24);
	size_t a = collection_index(&app->col, "001_b00b5af80d2634d6");
	app_open_article(&r.ui, a);
	r.ui.focus = PANE_READER;
	const struct surface *s = screen_key(&r, TERM_KEY_HOME);
	char what[96];
	snprintf(what, sizeof what, "%s: the image label before the alt text", uilang_code(wd->id));
	int y = screen_row_of(s, wd->image);
	tap_ok(y > 0 && (surface_cell_const(s, 1, y)->style.attr & ATTR_DIM), what);
	static const char *const dates[] = { "December 22, 2022", "2022年12月22日", "2022年12月22日",
					     "22 décembre 2022" };
	snprintf(what, sizeof what, "%s: the article's date, %s", uilang_code(wd->id),
		 dates[wd->id]);
	tap_ok(screen_row_of(s, dates[wd->id]) > 0, what);
	tap_ok(screen_row_of(s, "2022年CNCERT") > 0, "  the title as written");
	screen_end(&r);
}

/* A narrow terminal: fewer hints, nothing cut in half. */
static void test_narrow(struct annals *app, const struct words *wd)
{
	uilang_set(&app->ui, wd->id);
	struct screen r;
	const struct surface *s = run_start(&r, app, 40, 12);
	char what[64];
	snprintf(what, sizeof what, "%s 40x12 list", uilang_code(wd->id));
	tap_ok(screen_sound(s, what), what);
	tap_ok(screen_row_has(s, 11, wd->quit), "  the first hint stays");
	s = screen_key(&r, '?');
	snprintf(what, sizeof what, "%s 40x12 help", uilang_code(wd->id));
	tap_ok(screen_sound(s, what), what);
	s = screen_key(&r, 'q');
	s = screen_key(&r, TERM_KEY_BTAB);
	snprintf(what, sizeof what, "%s 40x12 reader", uilang_code(wd->id));
	tap_ok(screen_sound(s, what), what);
	/* The smallest screen drawn: the hints are cut with … at the last column. */
	term_memory_push_resize(r.t, UI_MIN_W, UI_MIN_H);
	app_loop(&r.ui, r.t);
	s = term_memory_screen(r.t);
	snprintf(what, sizeof what, "%s %dx%d reader", uilang_code(wd->id), UI_MIN_W, UI_MIN_H);
	tap_ok(screen_sound(s, what), what);
	char *status = surface_row(s, UI_MIN_H - 1);
	int sw = layout_strwidth(status, &s->lo);
	tap_ok(sw <= UI_MIN_W && (strstr(status, wd->quit) || strstr(status, "…")),
	       "  the status line: the whole first hint, or cut with …");
	free(status);
	screen_end(&r);
}

/* Text of row y, trailing spaces dropped. Caller frees. */
static char *row_text(const struct surface *s, int y)
{
	return surface_row(s, y);
}

static void test_cycle(struct annals *app, int w, int h)
{
	uilang_set(&app->ui, UILANG_EN);
	app->ui.chinese = UILANG_ZH_CN;
	struct screen r;
	run_start(&r, app, w, h);
	/* The English article 003, read a page and a few lines down. */
	app_open_article(&r.ui, collection_index(&app->col, "003_b652dcd5a69fc392"));
	r.ui.focus = PANE_READER;
	screen_key(&r, TERM_KEY_HOME);
	screen_key(&r, ' ');
	screen_key(&r, 'j');
	const struct surface *s = screen_key(&r, 'j');
	int ry = r.ui.rects[PANE_READER].y + 1;
	char *before = row_text(s, ry);
	size_t para = r.ui.reader.pos.para, off = r.ui.reader.pos.off;
	tap_ok(para != UI_NONE && strlen(before) > 10, "L: the reader stands in the body");
	static const enum uilang_id order[] = { UILANG_ZH_CN, UILANG_ZH_TW, UILANG_FR, UILANG_EN };
	for (size_t i = 0; i < 4; i++) {
		const struct words *wd = &words[0];
		for (size_t k = 0; k < NWORDS; k++)
			if (words[k].id == order[i])
				wd = &words[k];
		s = screen_key(&r, 'L');
		char what[96];
		snprintf(what, sizeof what, "%dx%d L: %s", w, h, uilang_code(order[i]));
		tap_int_eq(app->ui.id, order[i], what);
		tap_ok(screen_row_has(s, 0, wd->reader), "  the reader's title at once");
		if (w >= UI_WIDE_W)
			tap_ok(screen_row_has(s, 0, wd->articles) && screen_row_of(s, wd->timeline) > 0,
			       "  and the other panes' titles");
		tap_ok(screen_row_has(s, h - 1, wd->lang_msg), "  the status line names the language");
		char *now = row_text(s, ry);
		tap_str_eq(now, before, "  the first visible line stays the same");
		free(now);
		tap_ok(r.ui.reader.pos.para == para && r.ui.reader.pos.off == off,
		       "  the reading position is unchanged");
		snprintf(what, sizeof what, "%dx%d after L: %s", w, h, uilang_code(order[i]));
		tap_ok(screen_sound(s, what), what);
	}
	free(before);
	s = screen_key(&r, 'j');
	tap_ok(!screen_row_has(s, h - 1, words[0].lang_msg), "the language message goes at the next key");
	/* L over the help: the help in the next language. */
	screen_key(&r, '?');
	s = screen_key(&r, 'L');
	tap_ok(r.ui.help.open && screen_row_has(s, 0, words[1].help), "L over the help redraws it in 中文");
	uilang_set(&app->ui, UILANG_EN);
	screen_end(&r);
}

/* The count of problems while loading, in each language's plural: French
 * singular for 0 and 1, Chinese one form. Warnings are added to the loaded
 * collection, so this runs last. */
static void test_problems(struct annals *app)
{
	static const struct {
		enum uilang_id id;
		size_t n;
		const char *want;
	} cases[] = {
		{ UILANG_EN, 1, "1 problem while loading" },
		{ UILANG_FR, 1, "1 problème au chargement de la collection\xc2\xa0: détaillé" },
		{ UILANG_ZH_TW, 1, "載入文章集時出現 1 個問題" },
		{ UILANG_EN, 2, "2 problems while loading" },
		{ UILANG_FR, 2, "2 problèmes au chargement de la collection\xc2\xa0: détaillés" },
		{ UILANG_ZH_CN, 2, "加载文章集时出现 2 个问题" },
	};  /* counts never go down: each warning added is the collection's to free */
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		while (app->col.nwarnings < cases[i].n)
			collection_warn(&app->col, "problem %zu", app->col.nwarnings);
		uilang_set(&app->ui, cases[i].id);
		struct screen r;
		const struct surface *s = run_start(&r, app, 80, 24);
		tap_ok(screen_row_has(s, 23, cases[i].want) && screen_sound(s, cases[i].want),
		       "%s, %zu: %s", uilang_code(cases[i].id), cases[i].n, cases[i].want);
		screen_end(&r);
	}
}

/* Language names and badges come from the catalogs, for every language annals
 * tells apart: none is shown as its bare tag, the traditional interface writes
 * 簡, Japanese is 日本語 / Japanese / japonais; a tag with a region or script is
 * named after its language, one annals does not know stays as it is. */
static void test_lang_names(struct annals *app)
{
	static const char *const tags[] = { "en", "fr", "zh-Hans", "zh-Hant", "zh", "ja", "de", "es",
					    "it", "pt", "ko", "ru", "el", "ar", "he", "th", "hi",
					    "ka", "hy", "und" };
	for (size_t k = 0; k < NWORDS; k++) {
		uilang_set(&app->ui, words[k].id);
		size_t bare = 0;
		for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
			if (strcmp(ui_lang_name(tags[i]), tags[i]) == 0) {
				printf("# %s: %s has no name\n", uilang_code(words[k].id), tags[i]);
				bare++;
			}
		tap_ok(bare == 0, "%s: every language annals tells apart has a name",
		       uilang_code(words[k].id));
	}
	static const struct {
		enum uilang_id id;
		const char *tag, *name, *badge;
	} cases[] = {
		{ UILANG_EN, "ja", "Japanese", "JA" },
		{ UILANG_FR, "ja", "japonais", "JA" },
		{ UILANG_ZH_CN, "ja", "日本語", "JA" },
		{ UILANG_ZH_TW, "ja", "日本語", "JA" },
		{ UILANG_ZH_TW, "zh-Hans", "簡體中文", "簡" },
		{ UILANG_ZH_CN, "zh-Hans", "简体中文", "简" },
		{ UILANG_ZH_TW, "ko", "韓文", "KO" },
		{ UILANG_ZH_CN, "ru", "俄语", "RU" },
		{ UILANG_FR, "de", "allemand", "DE" },
		{ UILANG_FR, "fr-CA", "français", "FR" },
		{ UILANG_EN, "EN-gb", "English", "EN" },
		{ UILANG_ZH_TW, "zh-TW", "繁體中文", "繁" },
		{ UILANG_ZH_CN, "zh-HK", "繁体中文", "繁" },
		{ UILANG_EN, "zh-Hant-TW", "Chinese (traditional)", "繁" },
		{ UILANG_EN, "zh-SG", "Chinese (simplified)", "简" },
		{ UILANG_EN, "tlh", "tlh", "TLH" },
		{ UILANG_EN, "x\xc3\xa9-1", "x\xc3\xa9-1", "X??" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		uilang_set(&app->ui, cases[i].id);
		char buf[LANG_TAG_MAX];
		tap_str_eq(ui_lang_name(cases[i].tag), cases[i].name, cases[i].tag);
		tap_str_eq(ui_lang_badge(cases[i].tag, buf), cases[i].badge, cases[i].badge);
	}
	uilang_set(&app->ui, UILANG_EN);
}

int main(void)
{
	setlocale(LC_ALL, "");
	struct annals app;
	memset(&app, 0, sizeof app);
	uilang_init(&app.ui, annals_locale_dir(), "en");
	if (annals_load(&app, stderr) != 0 || app.col.n != 5) {
		tap_ok(false, "the bundled collection loads");
		return tap_done();
	}
	static const int sizes[][2] = { { 80, 24 }, { 120, 40 } };
	for (size_t k = 0; k < NWORDS; k++)
		for (size_t i = 0; i < 2; i++)
			test_screens(&app, &words[k], sizes[i][0], sizes[i][1]);
	for (size_t k = 0; k < NWORDS; k++) {
		test_image_and_date(&app, &words[k]);
		test_narrow(&app, &words[k]);
	}
	test_cycle(&app, 80, 24);
	test_cycle(&app, 120, 40);
	test_lang_names(&app);
	test_problems(&app);
	annals_free(&app);
	return tap_done();
}
