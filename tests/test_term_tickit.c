/* test_term_tickit.c: the libtickit backend, drawn onto libtickit's mock
 * terminal and compared cell by cell (text and pen) with what the memory
 * backend holds for the same screens: a hand-made surface of Latin, CJK and
 * styled text, and the browser's own panes on the bundled collection while keys
 * are typed. Then what it sends (only changed cells), NO_COLOR, resizes, and the
 * bytes a terminal sends for every key and mouse action annals uses. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tickit.h>
#include <tickit-mockterm.h>

#include "tap.h"
#include "annals.h"
#include "surface.h"
#include "term.h"
#include "term_tickit.h"
#include "ui.h"

static const struct layout_opts lo = { .ambiguous_wide = false, .tab_width = 8 };

/* The pen a cell should have on the terminal: dim becomes grey (8) on a cell
 * without a colour of its own, colours only when they are on. */
static int want_fg(const struct cell *c, bool color)
{
	if (!color)
		return -1;
	if (c->style.fg >= 0 && c->style.fg <= 7)
		return c->style.fg;
	return c->style.attr & ATTR_DIM ? 8 : -1;
}

static int want_bg(const struct cell *c, bool color)
{
	return color && c->style.bg >= 0 && c->style.bg <= 7 ? c->style.bg : -1;
}

/* Cells where the mock terminal differs from the memory screen (text, then pen
 * of every cell that starts a cluster); the first few are shown. */
static int compare(TickitMockTerm *mt, const struct surface *mem, bool color)
{
	int bad = 0;
	for (int y = 0; y < mem->h; y++) {
		for (int x = 0; x < mem->w; x++) {
			const struct cell *c = surface_cell_const(mem, x, y);
			char got[64] = "";
			size_t n = tickit_mockterm_get_display_text(mt, got, sizeof got - 1, y, x, 1);
			got[n < sizeof got ? n : sizeof got - 1] = '\0';
			const char *want = c->width == 0 ? "" : c->text[0] ? c->text : " ";
			bool ok = strcmp(got, want) == 0;
			if (ok && c->width > 0) {
				TickitPen *p = tickit_mockterm_get_display_pen(mt, y, x);
				ok = tickit_pen_get_bool_attr(p, TICKIT_PEN_BOLD) ==
					     !!(c->style.attr & ATTR_BOLD) &&
				     tickit_pen_get_bool_attr(p, TICKIT_PEN_UNDER) ==
					     !!(c->style.attr & ATTR_UNDERLINE) &&
				     tickit_pen_get_bool_attr(p, TICKIT_PEN_ITALIC) ==
					     !!(c->style.attr & ATTR_ITALIC) &&
				     tickit_pen_get_bool_attr(p, TICKIT_PEN_REVERSE) ==
					     !!(c->style.attr & ATTR_REVERSE) &&
				     tickit_pen_get_colour_attr(p, TICKIT_PEN_FG) == want_fg(c, color) &&
				     tickit_pen_get_colour_attr(p, TICKIT_PEN_BG) == want_bg(c, color);
			}
			if (!ok && bad++ < 5)
				tap_diag("cell %d,%d: terminal [%s], memory [%s] attr %u fg %d bg %d",
					 x, y, got, want, c->style.attr, c->style.fg, c->style.bg);
		}
	}
	return bad;
}

/* Draws s on both backends and compares. */
static void draw_both(struct term *tk, struct term *mem, TickitMockTerm *mt,
		      const struct surface *s, bool color, const char *what)
{
	term_draw(tk, s);
	term_draw(mem, s);
	tap_int_eq(compare(mt, term_memory_screen(mem), color), 0, what);
}

static int count_log(TickitMockTerm *mt, int type)
{
	int n = 0;
	for (int i = 0; i < tickit_mockterm_loglen(mt); i++)
		if ((int)tickit_mockterm_peeklog(mt, i)->type == type)
			n++;
	return n;
}

static void build_styled(struct surface *s)
{
	struct rect r = surface_rect(s);
	surface_fill(s, r, STYLE_PLAIN);
	surface_prints(s, r, 0, 0, "Latin text, café, naïve", STYLE_PLAIN);
	surface_prints(s, r, 0, 1, "中文字符，网络空间。", (struct style){ ATTR_BOLD, COLOR_CYAN,
									   COLOR_NONE });
	surface_prints(s, r, 2, 2, "mixed 漢字 and 繁體 ok", (struct style){ ATTR_UNDERLINE,
										 COLOR_NONE, COLOR_NONE });
	surface_prints(s, r, 0, 3, " selected row ", (struct style){ ATTR_REVERSE, COLOR_YELLOW,
									 COLOR_BLUE });
	surface_prints(s, r, 0, 4, "« une citation »", (struct style){ ATTR_ITALIC, COLOR_NONE,
									   COLOR_NONE });
	surface_prints(s, r, 0, 5, "dim │ separator", (struct style){ ATTR_DIM, COLOR_NONE,
									  COLOR_NONE });
	surface_prints(s, r, 20, 5, "dim red", (struct style){ ATTR_DIM, COLOR_RED, COLOR_NONE });
	surface_prints(s, r, 0, 6, "e\xcc\x81 combining, tab\there", (struct style){
		ATTR_BOLD | ATTR_UNDERLINE | ATTR_ITALIC, COLOR_GREEN, COLOR_BLACK });
	/* A wide character that would straddle the right edge becomes a space. */
	surface_prints(s, r, s->w - 5, 7, "ab中文", STYLE_PLAIN);
}

static void test_styled(void)
{
	TickitMockTerm *mt = tickit_mockterm_new(8, 40);
	struct term *tk = term_tickit_new(mt, true);
	struct term *mem = term_memory_new(40, 8);
	struct surface *s = surface_new(40, 8, &lo);
	build_styled(s);

	int w = 0, h = 0;
	term_size(tk, &w, &h);
	tap_ok(w == 40 && h == 8, "the backend reports the mock terminal's size (%dx%d)", w, h);
	tap_str_eq(tk->ops->name, "tickit", "the backend is called tickit");
	draw_both(tk, mem, mt, s, true,
		  "a surface of Latin, CJK and styled text: every cell's text and pen match");

	char buf[64];
	size_t n = tickit_mockterm_get_display_text(mt, buf, sizeof buf - 1, 1, 0, 4);
	buf[n] = '\0';
	tap_str_eq(buf, "中文", "CJK: two characters in four columns");
	n = tickit_mockterm_get_display_text(mt, buf, sizeof buf - 1, 1, 1, 1);
	tap_int_eq((long long)n, 0, "a wide character's second column holds nothing of its own");
	TickitPen *p = tickit_mockterm_get_display_pen(mt, 1, 2);
	tap_ok(tickit_pen_get_bool_attr(p, TICKIT_PEN_BOLD) &&
		       tickit_pen_get_colour_attr(p, TICKIT_PEN_FG) == COLOR_CYAN,
	       "bold cyan CJK text is bold and cyan on the terminal");
	p = tickit_mockterm_get_display_pen(mt, 3, 1);
	tap_ok(tickit_pen_get_bool_attr(p, TICKIT_PEN_REVERSE) &&
		       tickit_pen_get_colour_attr(p, TICKIT_PEN_FG) == COLOR_YELLOW &&
		       tickit_pen_get_colour_attr(p, TICKIT_PEN_BG) == COLOR_BLUE,
	       "reverse yellow on blue");
	p = tickit_mockterm_get_display_pen(mt, 5, 0);
	tap_int_eq(tickit_pen_get_colour_attr(p, TICKIT_PEN_FG), 8,
		   "dim text is grey (libtickit has no dim)");
	p = tickit_mockterm_get_display_pen(mt, 5, 20);
	tap_int_eq(tickit_pen_get_colour_attr(p, TICKIT_PEN_FG), COLOR_RED,
		   "dim text with a colour of its own keeps the colour");
	n = tickit_mockterm_get_display_text(mt, buf, sizeof buf - 1, 6, 0, 1);
	buf[n] = '\0';
	tap_str_eq(buf, "e\xcc\x81", "a combining cluster is printed whole in one cell");
	n = tickit_mockterm_get_display_text(mt, buf, sizeof buf - 1, 7, 35, 5);
	buf[n] = '\0';
	tap_str_eq(buf, "ab中 ", "a wide character cut by the edge is a space");

	/* Minimal updates: the same surface again sends nothing; one changed cell
	 * sends one print, at that cell. */
	tickit_mockterm_clearlog(mt);
	term_draw(tk, s);
	tap_int_eq(count_log(mt, LOG_PRINT), 0, "drawing the same surface again prints nothing");
	tap_int_eq(count_log(mt, LOG_CLEAR), 0, "and does not clear the screen");
	surface_prints(s, surface_rect(s), 3, 0, "X", STYLE_PLAIN);
	tickit_mockterm_clearlog(mt);
	draw_both(tk, mem, mt, s, true, "one cell changed: the screens still match");
	tap_int_eq(count_log(mt, LOG_PRINT), 1, "one cell changed: one print");
	TickitMockTermLogEntry *e = tickit_mockterm_peeklog(mt, 0);
	tap_ok(e && e->type == LOG_GOTO && e->val1 == 0 && e->val2 == 3,
	       "and the print goes to that cell (goto 0,3)");

	/* Wide over narrow and back: the terminal must not keep half a character. */
	surface_prints(s, surface_rect(s), 0, 0, "漢字測試", STYLE_PLAIN);
	draw_both(tk, mem, mt, s, true, "wide characters over narrow ones: the screens match");
	surface_prints(s, surface_rect(s), 1, 0, "abc", (struct style){ ATTR_BOLD, COLOR_NONE,
									COLOR_NONE });
	draw_both(tk, mem, mt, s, true, "narrow over wide, at an odd column: the screens match");
	n = tickit_mockterm_get_display_text(mt, buf, sizeof buf - 1, 0, 0, 6);
	buf[n] = '\0';
	tap_str_eq(buf, " abc測", "the half-covered wide character became a space");

	/* The cursor: shown where the surface puts it, hidden otherwise. */
	s->cursor_x = 7;
	s->cursor_y = 2;
	term_draw(tk, s);
	int cl = -1, cc = -1, vis = -1;
	tickit_mockterm_get_position(mt, &cl, &cc);
	tickit_term_getctl_int(mt, TICKIT_TERMCTL_CURSORVIS, &vis);
	tap_ok(cl == 2 && cc == 7 && vis == 1, "the cursor is shown at the prompt's place");
	s->cursor_x = s->cursor_y = -1;
	term_draw(tk, s);
	tickit_term_getctl_int(mt, TICKIT_TERMCTL_CURSORVIS, &vis);
	tap_int_eq(vis, 0, "and hidden again");

	/* A resize of the terminal is an event with the new size; the next draw
	 * of a surface of that size lays every cell out again. */
	tickit_mockterm_resize(mt, 10, 50);
	struct term_event ev;
	term_next(tk, 0, &ev);
	tap_ok(ev.type == TERM_EV_RESIZE && ev.w == 50 && ev.h == 10,
	       "a resize reaches annals as TERM_EV_RESIZE 50x10");
	term_size(tk, &w, &h);
	tap_ok(w == 50 && h == 10, "and the size is the new one");
	term_memory_push_resize(mem, 50, 10);
	term_next(mem, 0, &ev);
	surface_resize(s, 50, 10);
	build_styled(s);
	tickit_mockterm_clearlog(mt);
	draw_both(tk, mem, mt, s, true, "after the resize, the larger screen matches");
	tap_ok(count_log(mt, LOG_CLEAR) == 1, "a new size clears the terminal once");
	term_next(tk, 0, &ev);
	tap_int_eq(ev.type, TERM_EV_END, "nothing more to read from a mock terminal: the end");

	surface_free(s);
	term_close(mem);
	term_close(tk);
	tickit_mockterm_destroy(mt);
}

static void test_no_color(void)
{
	TickitMockTerm *mt = tickit_mockterm_new(8, 40);
	struct term *tk = term_tickit_new(mt, false);
	struct term *mem = term_memory_new(40, 8);
	struct surface *s = surface_new(40, 8, &lo);
	build_styled(s);
	draw_both(tk, mem, mt, s, false,
		  "NO_COLOR: every cell matches, with the default colours everywhere");
	TickitPen *p = tickit_mockterm_get_display_pen(mt, 1, 0);
	tap_ok(tickit_pen_get_bool_attr(p, TICKIT_PEN_BOLD) &&
		       tickit_pen_get_colour_attr(p, TICKIT_PEN_FG) == -1,
	       "NO_COLOR: bold stays, cyan goes");
	p = tickit_mockterm_get_display_pen(mt, 5, 0);
	tap_int_eq(tickit_pen_get_colour_attr(p, TICKIT_PEN_FG), -1,
		   "NO_COLOR: dim is not made grey either");
	surface_free(s);
	term_close(mem);
	term_close(tk);
	tickit_mockterm_destroy(mt);
}

/* Reads every event the backend has queued into evs (at most max). */
static int read_events(struct term *tk, struct term_event *evs, int max)
{
	int n = 0;
	for (;;) {
		struct term_event ev;
		term_next(tk, 0, &ev);
		if (ev.type == TERM_EV_END || ev.type == TERM_EV_TIMEOUT)
			return n;
		if (n < max)
			evs[n] = ev;
		n++;
	}
}

static uint32_t key_of(TickitMockTerm *mt, struct term *tk, const char *bytes)
{
	tickit_term_input_push_bytes(mt, bytes, strlen(bytes));
	struct term_event evs[4];
	int n = read_events(tk, evs, 4);
	return n == 1 && evs[0].type == TERM_EV_KEY ? evs[0].key : 0;
}

static void test_discard(TickitTerm *tt, const char *bytes, size_t len, void *user)
{
	(void)tt, (void)bytes, (void)len, (void)user;
}

/* Input: a terminal built as the backend builds its own (with its terminfo
 * hook), fed the bytes a terminal sends. */
static void test_input(void)
{
	TickitTerm *mt = tickit_term_build(&(const struct TickitTermBuilder){
		.open = TICKIT_NO_OPEN,
		.output_func = test_discard,
		.ti_hook = term_tickit_hook(),
	});
	struct term *tk = term_tickit_new(mt, true);
	static const struct {
		const char *bytes, *what;
		uint32_t key;
	} keys[] = {
		{ "\x1b[A", "Up", TERM_KEY_UP }, { "\x1b[B", "Down", TERM_KEY_DOWN },
		{ "\x1b[D", "Left", TERM_KEY_LEFT }, { "\x1b[C", "Right", TERM_KEY_RIGHT },
		{ "\x1bOA", "Up (application mode)", TERM_KEY_UP },
		{ "\x1b[5~", "PgUp", TERM_KEY_PGUP }, { "\x1b[6~", "PgDn", TERM_KEY_PGDN },
		{ "\x1b[H", "Home", TERM_KEY_HOME }, { "\x1b[F", "End", TERM_KEY_END },
		{ "\x1b[1~", "Home (vt)", TERM_KEY_HOME }, { "\x1b[4~", "End (vt)", TERM_KEY_END },
		{ "\r", "Enter", TERM_KEY_ENTER }, { "\t", "Tab", TERM_KEY_TAB },
		{ "\x1b[Z", "Shift-Tab", TERM_KEY_BTAB },
		{ "\x7f", "Backspace (DEL)", TERM_KEY_BACKSPACE },
		{ "\x08", "Backspace (^H)", TERM_KEY_BACKSPACE },
		{ "\x1b[3~", "Delete", TERM_KEY_DELETE },
		{ "q", "q", 'q' }, { "?", "?", '?' }, { " ", "Space", ' ' }, { "G", "G", 'G' },
		{ "[", "[", '[' }, { "]", "]", ']' }, { "/", "/", '/' }, { "=", "=", '=' },
		{ "L", "L", 'L' }, { "N", "N", 'N' },
		{ "中", "a CJK character typed", 0x4E2D }, { "é", "é", 0xE9 },
		{ "網", "a traditional character typed", 0x7DB2 },
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		uint32_t got = key_of(mt, tk, keys[i].bytes);
		tap_ok(got == keys[i].key, "%s arrives as key 0x%X (got 0x%X)", keys[i].what,
		       (unsigned)keys[i].key, (unsigned)got);
	}

	/* Several characters in one read (a paste, an input method) are several
	 * keys, in order. */
	tickit_term_input_push_bytes(mt, "网络q", strlen("网络q"));
	struct term_event evs[8];
	int n = read_events(tk, evs, 8);
	tap_ok(n == 3 && evs[0].key == 0x7F51 && evs[1].key == 0x7EDC && evs[2].key == 'q',
	       "three characters in one read: three keys in order");

	/* A lone Escape is told from the start of a sequence by waiting a little. */
	tickit_term_input_push_bytes(mt, "\x1b", 1);
	n = read_events(tk, evs, 8);
	tap_int_eq(n, 0, "a lone ESC is not a key at once");
	for (int i = 0; i < 100 && tickit_term_input_check_timeout_msec(mt) > 0; i++)
		nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
	n = read_events(tk, evs, 8);
	tap_ok(n == 1 && evs[0].type == TERM_EV_KEY && evs[0].key == TERM_KEY_ESCAPE,
	       "but Escape once the wait is over");

	/* Ctrl-C read as a key (when the terminal does not signal it) leaves too. */
	tickit_term_input_push_bytes(mt, "\x03", 1);
	n = read_events(tk, evs, 8);
	tap_ok(n == 1 && evs[0].type == TERM_EV_INTERRUPT, "Ctrl-C as a key is an interrupt");
	tap_int_eq(key_of(mt, tk, "\x1b[1;5A"), 0, "Ctrl-Up is not a key annals uses");

	/* The mouse, as xterm reports it in SGR mode (1-based columns and lines). */
	tickit_term_input_push_bytes(mt, "\x1b[<0;5;3M\x1b[<0;5;3m", 18);
	n = read_events(tk, evs, 8);
	tap_ok(n == 1 && evs[0].type == TERM_EV_MOUSE && evs[0].mouse == TERM_MOUSE_CLICK &&
		       evs[0].x == 4 && evs[0].y == 2,
	       "a left click at column 5, line 3 is a click at cell 4,2 (release ignored)");
	tickit_term_input_push_bytes(mt, "\x1b[<64;10;4M", 11);
	n = read_events(tk, evs, 8);
	tap_ok(n == 1 && evs[0].type == TERM_EV_MOUSE && evs[0].mouse == TERM_MOUSE_WHEEL_UP &&
		       evs[0].x == 9 && evs[0].y == 3,
	       "the wheel turned up");
	tickit_term_input_push_bytes(mt, "\x1b[<65;10;4M", 11);
	n = read_events(tk, evs, 8);
	tap_ok(n == 1 && evs[0].type == TERM_EV_MOUSE && evs[0].mouse == TERM_MOUSE_WHEEL_DOWN,
	       "the wheel turned down");
	tickit_term_input_push_bytes(mt, "\x1b[M !!", 6);
	n = read_events(tk, evs, 8);
	tap_ok(n == 1 && evs[0].type == TERM_EV_MOUSE && evs[0].mouse == TERM_MOUSE_CLICK &&
		       evs[0].x == 0 && evs[0].y == 0,
	       "a click in the old X10 encoding, at the top left");
	tickit_term_input_push_bytes(mt, "\x1b[<2;5;3M", 9);
	n = read_events(tk, evs, 8);
	tap_int_eq(n, 0, "the right button does nothing");

	term_close(tk);
	tickit_term_unref(mt);
}

/* The browser's own screens, drawn on both backends while keys typed on the
 * mock terminal are handled as annals handles them. */
static void test_panes(void)
{
	struct annals app;
	memset(&app, 0, sizeof app);
	if (annals_load(&app, stderr) != 0) {
		tap_ok(false, "the bundled collection loads");
		return;
	}
	TickitMockTerm *mt = tickit_mockterm_new(30, 100);
	struct term *tk = term_tickit_new(mt, true);
	struct term *mem = term_memory_new(100, 30);
	struct ui ui;
	app_init(&ui, &app.col, annals_events(&app), &lo, 100, 30);
	app_draw(&ui);
	draw_both(tk, mem, mt, ui.surf, true, "the browser at 100x30: every cell matches");
	char *row = surface_row(term_memory_screen(mem), 0);
	tap_ok(strstr(row, "Articles") != NULL, "and it is the browser (%s)", row);
	free(row);

	static const struct {
		const char *bytes, *what;
	} steps[] = {
		{ "jjj", "three rows down the list" },
		{ "\r", "Enter opens the article (Chinese text in the reader)" },
		{ " ", "Space pages the reader" },
		{ "\t", "Tab to the next pane" },
		{ "\x1b[Z", "Shift-Tab back" },
		{ "?", "the help screen" },
		{ "q", "q closes the help" },
		{ "\x1b[<0;3;4M", "a click on the list" },
		{ "\x1b[<65;60;10M\x1b[<65;60;10M", "the wheel over the reader" },
		{ "\t\tG", "the timeline's last event" },
		{ "\r", "the event opened in the reader" },
	};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		tickit_term_input_push_bytes(mt, steps[i].bytes, strlen(steps[i].bytes));
		struct term_event ev;
		int nev = 0;
		for (term_next(tk, 0, &ev); ev.type != TERM_EV_END; term_next(tk, 0, &ev)) {
			app_handle(&ui, &ev);
			nev++;
		}
		app_draw(&ui);
		char what[160];
		snprintf(what, sizeof what, "%s (%d events): every cell matches", steps[i].what, nev);
		draw_both(tk, mem, mt, ui.surf, true, what);
	}
	tap_ok(!ui.quit, "still running");

	/* A resize, as the loop handles it. */
	tickit_mockterm_resize(mt, 24, 80);
	struct term_event ev;
	term_next(tk, 0, &ev);
	app_handle(&ui, &ev);
	term_memory_push_resize(mem, ev.w, ev.h);
	struct term_event mev;
	term_next(mem, 0, &mev);
	app_draw(&ui);
	draw_both(tk, mem, mt, ui.surf, true, "resized to 80x24: every cell matches");

	app_free(&ui);
	term_close(mem);
	term_close(tk);
	tickit_mockterm_destroy(mt);
	annals_free(&app);
}

int main(void)
{
	/* The terminal type decides how keys are decoded: fix it. xterm's entry is
	 * the one whose mouse string needs the backend's terminfo hook. */
	setenv("TERM", "xterm", 1);
	test_styled();
	test_no_color();
	test_input();
	test_panes();
	return tap_done();
}
