/* test_keys.c: the keymap (names, scopes, binding, key names both ways) and
 * the keys a reader of less and vi expects, typed into the browser on the
 * memory backend in English and in Chinese, at 80x24 and 200x60: Esc never
 * quits, counts (2j, 20G), half pages and pages, { } by paragraph, o and l
 * saying what they did, and a rebound key working and shown in the help. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "screen.h"
#include "annals.h"
#include "article.h"
#include "events.h"
#include "i18n.h"
#include "keymap.h"
#include "term.h"
#include "ui.h"
#include "uilang.h"
#include "xalloc.h"

/* ---- a collection: one long English article (120 numbered paragraphs), one
 * Chinese, one French; no events. */
static void add(struct collection *col, const char *id, const char *title, int year,
		const char *lang, int npara)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xstrdup(title);
	a.path = xasprintf("/fixtures/%s.txt", id);
	a.source = xstrdup(strcmp(lang, "en") == 0 ? "Harbour Gazette" : "Other Press");
	a.date = (struct adate){ year, 3, 1, DATE_DAY, false };
	for (int i = 0; i < npara; i++) {
		char *t = strcmp(lang, "zh-Hans") == 0
				  ? xasprintf("第%d段。港口的船只在清晨出发，傍晚回到码头。", i + 1)
			  : strcmp(lang, "fr") == 0
				  ? xasprintf("Paragraphe %d : les bateaux partent le matin.", i + 1)
				  : xasprintf("Paragraph %d: the boats leave the harbour at dawn and "
					      "come back to the quay at dusk, and the gulls follow them "
					      "all the way out to the open sea and back again.", i + 1);
		article_add_para(&a, t, strlen(t), lang, PARA_TEXT);
		free(t);
	}
	article_update_langs(&a);
	collection_add(col, &a);
}

static void fx(struct collection *col)
{
	collection_init(col);
	add(col, "harbour", "Harbour days", 2015, "en", 120);
	add(col, "gangkou", "港口的一天", 2018, "zh-Hans", 12);
	add(col, "port", "Jours de port", 2020, "fr", 5);
	collection_sort(col);
}

static struct event_list no_events;

/* ---- the keymap on its own */
static void test_keymap(void)
{
	struct keymap km;
	keymap_defaults(&km);
	tap_int_eq(keymap_lookup(&km, 'q', KEYMAP_ANY), ACT_QUIT, "q is quit");
	tap_int_eq(keymap_lookup(&km, TERM_KEY_ESCAPE, KEYMAP_READER), ACT_CLOSE,
		   "Esc is close, from the reader too");
	tap_int_eq(keymap_lookup(&km, ']', KEYMAP_TIMELINE), ACT_NEXT_YEAR, "] in the timeline: next-year");
	tap_int_eq(keymap_lookup(&km, ']', KEYMAP_READER), ACT_NEXT_EVENT, "] in the reader: next-event");
	tap_int_eq(keymap_lookup(&km, ']', KEYMAP_ANY), ACT_NONE, "] in the list: nothing");
	tap_int_eq(keymap_lookup(&km, '}', KEYMAP_SPLIT), ACT_NEXT_PARAGRAPH,
		   "side by side falls back on the reader's keys");
	tap_int_eq(keymap_lookup(&km, KEYMAP_CTRL('D'), KEYMAP_ANY), ACT_HALF_PAGE_DOWN, "Ctrl-D");
	tap_int_eq(keymap_lookup(&km, KEYMAP_CTRL('F'), KEYMAP_ANY), ACT_PAGE_DOWN, "Ctrl-F");
	tap_int_eq(keymap_lookup(&km, KEYMAP_CTRL('B'), KEYMAP_ANY), ACT_PAGE_UP, "Ctrl-B");
	tap_int_eq(keymap_lookup(&km, KEYMAP_CTRL('U'), KEYMAP_ANY), ACT_HALF_PAGE_UP, "Ctrl-U");
	tap_int_eq(keymap_lookup(&km, KEYMAP_CTRL('L'), KEYMAP_ANY), ACT_REDRAW, "Ctrl-L");
	tap_int_eq(keymap_lookup(&km, KEYMAP_CTRL('Z'), KEYMAP_ANY), ACT_SUSPEND, "Ctrl-Z");

	/* Every action has a name, and the name finds it again. */
	bool names = true;
	for (int a = 1; a < ACT_COUNT; a++) {
		const char *n = keymap_action_name((enum action)a);
		if (n == NULL || keymap_action_by_name(n) != (enum action)a) {
			tap_diag("action %d: name %s", a, n ? n : "(none)");
			names = false;
		}
	}
	tap_ok(names, "every action has a name that finds it");
	tap_str_eq(keymap_action_name(ACT_NEXT_YEAR), "next-year", "next-year's name");
	tap_str_eq(keymap_action_name(ACT_PAGE_DOWN), "page-down", "page-down's name");
	tap_int_eq(keymap_action_by_name("no-such-thing"), ACT_NONE, "an unknown name: none");

	static const struct {
		const char *name;
		uint32_t key;
	} parse[] = {
		{ "q", 'q' }, { "]", ']' }, { "日", 0x65E5 }, { "Ctrl-D", 4 }, { "C-d", 4 },
		{ "^L", 12 }, { "ctrl-z", 26 }, { "Esc", TERM_KEY_ESCAPE },
		{ "escape", TERM_KEY_ESCAPE }, { "Enter", TERM_KEY_ENTER }, { "Space", ' ' },
		{ "S-Tab", TERM_KEY_BTAB }, { "PgDn", TERM_KEY_PGDN }, { "PageUp", TERM_KEY_PGUP },
		{ "Up", TERM_KEY_UP }, { "End", TERM_KEY_END },
	};
	for (size_t i = 0; i < sizeof parse / sizeof *parse; i++) {
		uint32_t k = 0;
		bool got = keymap_parse_key(parse[i].name, &k);
		tap_ok(got && k == parse[i].key, "key name %s", parse[i].name);
	}
	uint32_t k;
	tap_ok(!keymap_parse_key("", &k) && !keymap_parse_key("qq", &k) &&
	       !keymap_parse_key("Ctrl-", &k) && !keymap_parse_key("Hyper-x", &k),
	       "names that are no key are refused");
	char buf[16];
	tap_str_eq(keymap_key_name(4, buf, sizeof buf), "Ctrl-D", "Ctrl-D named");
	tap_str_eq(keymap_key_name(TERM_KEY_PGDN, buf, sizeof buf), "PgDn", "PgDn named");
	tap_str_eq(keymap_key_name(0x65E5, buf, sizeof buf), "日", "a character names itself");

	/* Binding: a key once per scope; none unbinds. */
	keymap_bind(&km, 'x', ACT_QUIT);
	tap_int_eq(keymap_lookup(&km, 'x', KEYMAP_READER), ACT_QUIT, "bind x quit");
	keymap_bind(&km, ']', ACT_SORT);
	tap_int_eq(keymap_lookup(&km, ']', KEYMAP_ANY), ACT_SORT, "bind ] sort: in the list");
	tap_int_eq(keymap_lookup(&km, ']', KEYMAP_TIMELINE), ACT_NEXT_YEAR,
		   "  and the timeline's ] stays next-year");
	keymap_bind(&km, ']', ACT_NONE);
	tap_ok(keymap_lookup(&km, ']', KEYMAP_TIMELINE) == ACT_NONE &&
	       keymap_lookup(&km, ']', KEYMAP_ANY) == ACT_NONE, "bind ] none: ] does nothing");
	uint32_t keys[4];
	tap_int_eq((long long)keymap_keys(&km, ACT_QUIT, keys, 4), 2, "quit has q and x");
}

/* ---- the keys in the browser */
struct run {
	struct collection col;
	struct uilang ul;
	struct screen sc;
};

static const struct surface *run_start(struct run *r, const char *lang, int w, int h)
{
	fx(&r->col);
	uilang_init(&r->ul, annals_locale_dir(), lang);
	return screen_start(&r->sc, &r->col, &no_events, &r->ul, w, h);
}

static void run_end(struct run *r)
{
	screen_end(&r->sc);
	collection_free(&r->col);
}

/* The reader's first paragraph on screen (its ¶ number on the status line). */
static size_t top_para(struct run *r)
{
	size_t para, npara;
	int pct;
	reader_progress(&r->sc.ui.reader, &r->col, &r->sc.ui.lo, &para, &npara, &pct);
	return para;
}

static void test_browser_keys(const char *lang, int w, int h)
{
	struct run r;
	char what[64];
	snprintf(what, sizeof what, "%s %dx%d", lang, w, h);
	const struct surface *s = run_start(&r, lang, w, h);
	struct ui *ui = &r.sc.ui;

	/* Esc over nothing, over the help, over a prompt: never quits. */
	s = screen_key(&r.sc, TERM_KEY_ESCAPE);
	tap_ok(!ui->quit, "%s: Esc at the top level does not quit", what);
	s = screen_keys(&r.sc, "?");
	tap_ok(ui->help.open, "%s: ? opens the help", what);
	/* Framed, and over the whole body: every row from the top edge to the
	 * bottom one starts and ends with the frame. */
	bool framed = screen_col_of(s, 0, "┌") == 0 && screen_col_of(s, h - 2, "└") == 0;
	for (int y = 1; y < h - 2; y++)
		framed = framed && screen_col_of(s, y, "│") == 0 &&
			 screen_col_from(s, y, w - 1, "│") == w - 1;
	tap_ok(framed, "%s: the help is framed and covers the screen", what);
	s = screen_key(&r.sc, TERM_KEY_ESCAPE);
	tap_ok(!ui->help.open && !ui->quit, "%s: Esc closes the help", what);
	s = screen_keys(&r.sc, "/");
	tap_ok(ui->prompt.active, "%s: / opens the search prompt", what);
	s = screen_key(&r.sc, TERM_KEY_ESCAPE);
	tap_ok(!ui->prompt.active && !ui->quit, "%s: Esc closes the prompt", what);

	/* Counts in the list: 2j moves two rows, 1G the first, 3G the third. */
	size_t sel0 = ui->list.sel;
	s = screen_keys(&r.sc, "2");
	tap_ok(screen_status_has(s, "2  "), "%s: a count being typed shows on the status line", what);
	s = screen_keys(&r.sc, "j");
	tap_int_eq((long long)ui->list.sel, (long long)sel0 + 2, "2j moves two rows");
	s = screen_keys(&r.sc, "1G");
	tap_int_eq((long long)ui->list.sel, 0, "1G goes to the first row");
	s = screen_keys(&r.sc, "3G");
	tap_int_eq((long long)ui->list.sel, 2, "3G goes to the third row");
	s = screen_keys(&r.sc, "g");

	/* o and l say what they did, in the interface language. */
	s = screen_keys(&r.sc, "o");
	char want[128];
	snprintf(want, sizeof want, _("Sorted: %s"), _("newest first"));
	tap_ok(screen_status_has(s, want), "%s: o says \"%s\"", what, want);
	s = screen_keys(&r.sc, "ooo");
	tap_int_eq(ui->list.sort, LIST_BY_DATE, "four o: back to by date");
	s = screen_keys(&r.sc, "l");
	snprintf(want, sizeof want, _("Language filter: %s"), ui_lang_name("en"));
	tap_ok(screen_status_has(s, want), "%s: l says \"%s\"", what, want);
	s = screen_keys(&r.sc, "lll");
	tap_int_eq((long long)ui->list.filter, 0, "l cycles back to all languages");

	/* The reader: open the long English article (the first by date). */
	s = screen_keys(&r.sc, "g\n");
	tap_int_eq(ui->focus, PANE_READER, "Enter opens the reader");
	tap_int_eq((long long)top_para(&r), 1, "the reader starts at ¶1");
	s = screen_keys(&r.sc, "}");
	tap_int_eq((long long)top_para(&r), 1, "} from the header: ¶1 at the top");
	s = screen_keys(&r.sc, "}");
	tap_int_eq((long long)top_para(&r), 2, "} : ¶2");
	s = screen_keys(&r.sc, "3}");
	tap_int_eq((long long)top_para(&r), 5, "3} : ¶5");
	s = screen_keys(&r.sc, "{");
	tap_int_eq((long long)top_para(&r), 4, "{ : ¶4");
	s = screen_keys(&r.sc, "20G");
	tap_int_eq((long long)top_para(&r), 20, "20G: ¶20");
	s = screen_keys(&r.sc, "g");
	tap_int_eq((long long)top_para(&r), 1, "g: back to the top");
	int height = ui->reader.height;
	size_t before = ui->reader.pos.para;
	s = screen_key(&r.sc, KEYMAP_CTRL('D'));
	size_t half = top_para(&r);
	tap_ok(half > 1 || ui->reader.pos.para != before, "%s: Ctrl-D moves down", what);
	s = screen_key(&r.sc, KEYMAP_CTRL('F'));
	tap_ok(top_para(&r) > half, "%s: Ctrl-F moves further than Ctrl-D did", what);
	s = screen_key(&r.sc, KEYMAP_CTRL('B'));
	tap_int_eq((long long)top_para(&r), (long long)half, "Ctrl-B undoes Ctrl-F");
	s = screen_key(&r.sc, KEYMAP_CTRL('U'));
	tap_int_eq((long long)top_para(&r), 1, "Ctrl-U undoes Ctrl-D");
	(void)height;

	/* Ctrl-L asks the terminal to paint afresh; Ctrl-Z to suspend; both
	 * leave the reader where it was. */
	size_t at = top_para(&r);
	s = screen_keys(&r.sc, "}");
	at = top_para(&r);
	s = screen_key(&r.sc, KEYMAP_CTRL('L'));
	tap_int_eq(term_memory_redraws(r.sc.t), 1, "Ctrl-L redraws");
	s = screen_key(&r.sc, KEYMAP_CTRL('Z'));
	tap_int_eq(term_memory_suspends(r.sc.t), 1, "Ctrl-Z suspends");
	tap_ok(top_para(&r) == at && !ui->quit, "%s: and the reader is where it was", what);

	/* The chooser: a framed box; Esc closes it. */
	s = screen_keys(&r.sc, "s");
	int top = screen_row_of(s, "┌"), bottom = screen_row_of(s, "└");
	tap_ok(ui->picker && top >= 0 && bottom > top + 1 &&
	       screen_col_of(s, top, "┌") == screen_col_of(s, bottom, "└"),
	       "%s: the chooser is a framed box", what);
	s = screen_key(&r.sc, TERM_KEY_ESCAPE);
	tap_ok(!ui->picker && !ui->quit, "%s: Esc closes the chooser", what);
	/* Side by side, Esc closes it too, and never quits. */
	s = screen_keys(&r.sc, "s\n");
	tap_ok(ui->split != NULL, "%s: side-by-side reading open", what);
	s = screen_key(&r.sc, TERM_KEY_ESCAPE);
	tap_ok(ui->split == NULL && !ui->quit, "%s: Esc closes side-by-side reading", what);
	/* The status line speaks of the focused pane. */
	s = screen_keys(&r.sc, "g");
	tap_ok(screen_status_has(s, "¶ 1/120 · "), "%s: the reader's \"¶ 1/120 · N%%\"", what);

	/* q from the reader quits (less's habit: nothing asked). */
	s = screen_keys(&r.sc, "q");
	tap_ok(ui->quit, "%s: q at the top level quits", what);
	run_end(&r);
}

/* Prompts edit like readline's basics; up and down bring back earlier lines. */
static void test_prompt_editing(void)
{
	struct run r;
	run_start(&r, "en", 80, 24);
	struct prompt *p = &r.sc.ui.prompt;
	screen_keys(&r.sc, "/abc");
	screen_key(&r.sc, TERM_KEY_LEFT);
	screen_key(&r.sc, TERM_KEY_LEFT);
	screen_keys(&r.sc, "X");
	tap_str_eq(p->text, "aXbc", "left, left, X: inserted at the cursor");
	screen_key(&r.sc, KEYMAP_CTRL('A'));
	screen_keys(&r.sc, "Y");
	tap_str_eq(p->text, "YaXbc", "Ctrl-A goes to the start");
	screen_key(&r.sc, TERM_KEY_END);
	screen_keys(&r.sc, " two words");
	screen_key(&r.sc, KEYMAP_CTRL('W'));
	tap_str_eq(p->text, "YaXbc two ", "Ctrl-W deletes the word before the cursor");
	screen_key(&r.sc, TERM_KEY_HOME);
	screen_key(&r.sc, TERM_KEY_RIGHT);
	screen_key(&r.sc, TERM_KEY_DELETE);
	tap_str_eq(p->text, "YXbc two ", "Home, right, Delete");
	screen_key(&r.sc, KEYMAP_CTRL('E'));
	screen_key(&r.sc, KEYMAP_CTRL('U'));
	tap_str_eq(p->text, "", "Ctrl-E then Ctrl-U empties it");
	/* Backspace takes a whole cluster: e and a combining acute together. */
	screen_keys(&r.sc, "de\xcc\x81");
	screen_key(&r.sc, TERM_KEY_BACKSPACE);
	tap_str_eq(p->text, "d", "Backspace removes e and its accent at once");
	screen_key(&r.sc, TERM_KEY_BACKSPACE);
	screen_keys(&r.sc, "harbour\n");
	screen_keys(&r.sc, "/港口\n");
	screen_keys(&r.sc, "/dra");
	screen_key(&r.sc, TERM_KEY_UP);
	tap_str_eq(p->text, "港口", "up: the last search");
	screen_key(&r.sc, TERM_KEY_UP);
	tap_str_eq(p->text, "harbour", "up again: the one before");
	screen_key(&r.sc, TERM_KEY_DOWN);
	screen_key(&r.sc, TERM_KEY_DOWN);
	tap_str_eq(p->text, "dra", "down twice: what was being typed");
	const struct surface *s = screen_key(&r.sc, TERM_KEY_LEFT);
	tap_int_eq(s->cursor_x, (long long)strlen("Search: dr"), "the cursor stands where editing is");
	screen_key(&r.sc, TERM_KEY_ESCAPE);
	/* Each kind of prompt has its own history. */
	screen_keys(&r.sc, "y");
	screen_key(&r.sc, TERM_KEY_UP);
	tap_str_eq(p->text, "", "the year prompt does not offer searches");
	screen_key(&r.sc, TERM_KEY_ESCAPE);
	run_end(&r);
}

/* f narrows the list: a year, a language, words of the title or source; empty clears. */
static void test_filter(const char *lang, int w, int h)
{
	struct run r;
	char what[64];
	snprintf(what, sizeof what, "%s %dx%d", lang, w, h);
	const struct surface *s = run_start(&r, lang, w, h);
	struct list_view *lv = &r.sc.ui.list;
	s = screen_keys(&r.sc, "f");
	tap_ok(r.sc.ui.prompt.active && screen_status_has(s, _("Filter (year, language or words):")),
	       "%s: f opens the filter prompt", what);
	s = screen_keys(&r.sc, "2018\n");
	tap_int_eq((long long)lv->nrows, 1, "f 2018: one article");
	tap_ok(screen_row_of(s, "港口的一天") >= 0, "%s: the one of 2018", what);
	char want[64];
	snprintf(want, sizeof want, P_("Filter: %zu article.", "Filter: %zu articles.", 1), (size_t)1);
	tap_ok(screen_status_has(s, want), "%s: the status line says \"%s\"", what, want);
	s = screen_keys(&r.sc, "f");
	screen_key(&r.sc, KEYMAP_CTRL('U'));
	char q[64];
	snprintf(q, sizeof q, "%s\n", ui_lang_name("fr"));
	s = screen_keys(&r.sc, q);
	tap_ok(lv->nrows == 1 && list_selected(lv) == collection_index(&r.col, "port"),
	       "%s: f %s: the French article", what, ui_lang_name("fr"));
	s = screen_keys(&r.sc, "f");
	screen_key(&r.sc, KEYMAP_CTRL('U'));
	s = screen_keys(&r.sc, "HARBOUR gazette\n");
	tap_ok(lv->nrows == 1 && list_selected(lv) == collection_index(&r.col, "harbour"),
	       "%s: words of the title and the source, any case", what);
	s = screen_keys(&r.sc, "f");
	screen_key(&r.sc, KEYMAP_CTRL('U'));
	s = screen_keys(&r.sc, "nothing like it\n");
	tap_ok(lv->nrows == 0 && screen_status_has(s, _("Filter: no article matches.")),
	       "%s: no match says so", what);
	s = screen_keys(&r.sc, "f");
	screen_key(&r.sc, KEYMAP_CTRL('U'));
	s = screen_keys(&r.sc, "\n");
	tap_ok(lv->nrows == 3 && screen_status_has(s, _("Filter cleared.")),
	       "%s: an empty f clears it", what);
	run_end(&r);
}

/* The widest text column in rect r, counted from r.x. */
static int widest_text(const struct surface *s, struct rect r)
{
	int most = 0;
	for (int y = r.y + 1; y < r.y + r.h; y++)
		for (int x = r.x + r.w - 1; x >= r.x; x--) {
			const struct cell *c = surface_cell_const(s, x, y);
			if (c && c->text[0] && strcmp(c->text, " ") != 0) {
				if (x - r.x + 1 > most)
					most = x - r.x + 1;
				break;
			}
		}
	return most;
}

/* At 200 columns the reader's lines stop at 100 columns (--width's
 * default); with 0 they run to the pane's edge. */
static void test_reading_width(void)
{
	struct run r;
	const struct surface *s = run_start(&r, "en", 200, 60);
	s = screen_keys(&r.sc, "g\n");
	struct rect rr = r.sc.ui.rects[PANE_READER];
	int most = widest_text(s, rr);
	tap_ok(rr.w > 110 && most > 80 && most <= 101,
	       "200 columns: the reader's pane is %d wide, its lines %d", rr.w, most);
	r.sc.ui.reader.max_width = 0;
	s = screen_resize(&r.sc, 200, 60);
	most = widest_text(s, rr);
	tap_ok(most > 101, "width 0: the lines take the pane (%d)", most);
	run_end(&r);
}

/* A file's text with roff's escapes read as the characters they stand for,
 * and every run of white space one space. Caller frees. */
static char *docs_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return xstrdup("");
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	buf_adds(&b, "");
	static const char *const esc[][2] = {
		{ "\\-", "-" }, { "\\(ua", "↑" }, { "\\(da", "↓" }, { "\\(aq", "'" },
		{ "\\(<-", "←" }, { "\\(->", "→" }, { "\\(lq", "“" }, { "\\(rq", "”" },
	};
	struct buf o;
	buf_init(&o);
	buf_adds(&o, "");
	for (const char *p = b.data; *p;) {
		bool done = false;
		for (size_t i = 0; i < sizeof esc / sizeof *esc && !done; i++)
			if (strncmp(p, esc[i][0], strlen(esc[i][0])) == 0) {
				buf_adds(&o, esc[i][1]);
				p += strlen(esc[i][0]);
				done = true;
			}
		if (done)
			continue;
		char c = *p == '\n' || *p == '\t' ? ' ' : *p;
		if (!(c == ' ' && o.len && o.data[o.len - 1] == ' '))
			buf_addc(&o, c);
		p++;
	}
	buf_free(&b);
	return buf_take(&o);
}

/* The help, README and the man page describe the keys in the same words:
 * every description the help shows is in both. */
static void test_docs_match_help(void)
{
	struct run r;
	const struct surface *s = run_start(&r, "en", 300, 100);
	s = screen_keys(&r.sc, "?");
	int dx = screen_col_of(s, 1, "leave what is open");
	char *readme = docs_text(SRCDIR "/README");
	char *man = docs_text(SRCDIR "/doc/annals.1");
	int n = 0, missing = 0;
	for (int y = 1; dx > 0 && y < s->h - 3; y++) {
		struct buf d;
		buf_init(&d);
		buf_adds(&d, "");
		for (int x = dx; x < s->w - 1; x++) {
			const struct cell *c = surface_cell_const(s, x, y);
			if (c && c->width)
				buf_adds(&d, c->text);
		}
		while (d.len && d.data[d.len - 1] == ' ')
			d.data[--d.len] = '\0';
		if (d.len == 0) {
			buf_free(&d);
			continue;
		}
		n++;
		if (!strstr(readme, d.data) || !strstr(man, d.data)) {
			tap_diag("%s%s: %s", strstr(readme, d.data) ? "" : "README ",
				 strstr(man, d.data) ? "" : "annals.1", d.data);
			missing++;
		}
		buf_free(&d);
	}
	tap_ok(n > 30 && missing == 0,
	       "the help's %d descriptions are in README and the man page, word for word", n);
	free(readme);
	free(man);
	run_end(&r);
}

/* A key rebound works and the help names it. */
static void test_rebind(void)
{
	struct run r;
	const struct surface *s = run_start(&r, "en", 80, 24);
	keymap_bind(&r.sc.ui.keys, 'x', ACT_HELP);
	s = screen_keys(&r.sc, "x");
	tap_ok(r.sc.ui.help.open, "x bound to help opens it");
	int y = screen_row_of(s, "show or hide this help");
	tap_ok(y > 0 && screen_col_of(s, y, "? x") >= 0, "the help shows ? x for help");
	s = screen_keys(&r.sc, "x");
	tap_ok(!r.sc.ui.help.open, "x closes it again");
	run_end(&r);
}

int main(void)
{
	setlocale(LC_ALL, "");
	test_keymap();
	static const char *langs[] = { "en", "zh_CN" };
	static const int sizes[][2] = { { 80, 24 }, { 200, 60 } };
	for (int l = 0; l < 2; l++)
		for (int z = 0; z < 2; z++)
			test_browser_keys(langs[l], sizes[z][0], sizes[z][1]);
	test_rebind();
	test_prompt_editing();
	test_reading_width();
	test_docs_match_help();
	for (int l = 0; l < 2; l++)
		for (int z = 0; z < 2; z++)
			test_filter(langs[l], sizes[z][0], sizes[z][1]);
	return tap_done();
}
