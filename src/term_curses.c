/* term_curses.c: the ncursesw backend. It keeps the surface it last showed and
 * writes only the cells that changed; colours come from the terminal's own
 * palette (use_default_colors), none at all when NO_COLOR is set. The terminal
 * is given back on close, on SIGINT/SIGTERM/SIGHUP (reported as an event so the
 * program leaves by its normal path) and on a fatal signal (the handler ends
 * curses, then lets the signal take its course). */
#include <config.h>
#include "term.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "term_signal.h"
#include "xalloc.h"

struct term_curses {
	struct term base;               /* first: a struct term * points here */
	SCREEN *screen;
	struct surface *last;           /* what the terminal shows now; NULL: unknown */
	bool color;
	bool pairs[9 * 9];              /* colour pairs initialised so far */
};

static struct term_curses *term_curses_of(struct term *t)
{
	return (struct term_curses *)t;
}

/* Called from a fatal signal's handler (term_signal.c). */
static void term_curses_restore(void *arg)
{
	(void)arg;
	endwin();
}

static void term_curses_size(struct term *t, int *w, int *h)
{
	*w = COLS;
	*h = LINES;
}

/* The colour pair for fg/bg (palette indices or COLOR_NONE), made on first use. */
static short term_curses_pair(struct term_curses *tc, int fg, int bg)
{
	if (!tc->color || (fg == COLOR_NONE && bg == COLOR_NONE))
		return 0;
	if (fg < -1 || fg > 7)
		fg = -1;
	if (bg < -1 || bg > 7)
		bg = -1;
	int idx = (fg + 1) * 9 + (bg + 1);
	if (!tc->pairs[idx]) {
		init_pair((short)idx, (short)fg, (short)bg);
		tc->pairs[idx] = true;
	}
	return (short)idx;
}

static attr_t term_curses_attr(uint16_t a)
{
	attr_t r = A_NORMAL;
	if (a & ATTR_BOLD)
		r |= A_BOLD;
	if (a & ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & ATTR_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & ATTR_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

static void term_curses_draw(struct term *t, const struct surface *s)
{
	struct term_curses *tc = term_curses_of(t);
	bool all = term_shown_fit(&tc->last, s);
	if (all)
		clearok(curscr, TRUE);
	for (int y = 0; y < s->h && y < LINES; y++) {
		for (int x = 0; x < s->w && x < COLS; x++) {
			const struct cell *c = &s->cells[(size_t)y * (size_t)s->w + (size_t)x];
			struct cell *old = &tc->last->cells[(size_t)y * (size_t)s->w + (size_t)x];
			if (!all && surface_cell_same(c, old))
				continue;
			*old = *c;
			/* The wide cluster to the left covers a continuation cell. */
			if (c->width == 0)
				continue;
			attr_set(term_curses_attr(c->style.attr),
				 term_curses_pair(tc, c->style.fg, c->style.bg), NULL);
			/* The bottom-right cell makes addstr report an error (the cursor
			 * cannot move past it); the cell is written all the same. */
			mvaddstr(y, x, c->text[0] ? c->text : " ");
		}
	}
	attr_set(A_NORMAL, 0, NULL);
	if (s->cursor_x >= 0 && s->cursor_y >= 0) {
		curs_set(1);
		move(s->cursor_y, s->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

static uint32_t term_curses_keycode(int k)
{
	switch (k) {
	case KEY_UP: return TERM_KEY_UP;
	case KEY_DOWN: return TERM_KEY_DOWN;
	case KEY_LEFT: return TERM_KEY_LEFT;
	case KEY_RIGHT: return TERM_KEY_RIGHT;
	case KEY_PPAGE: return TERM_KEY_PGUP;
	case KEY_NPAGE: return TERM_KEY_PGDN;
	case KEY_HOME: return TERM_KEY_HOME;
	case KEY_END: return TERM_KEY_END;
	case KEY_ENTER: return TERM_KEY_ENTER;
	case KEY_BTAB: return TERM_KEY_BTAB;
	case KEY_BACKSPACE: return TERM_KEY_BACKSPACE;
	case KEY_DC: return TERM_KEY_DELETE;
	default: return 0;
	}
}

static uint32_t term_curses_char(wint_t c)
{
	switch (c) {
	case '\r': case '\n': return TERM_KEY_ENTER;
	case '\t': return TERM_KEY_TAB;
	case 127: case 8: return TERM_KEY_BACKSPACE;
	case 27: return TERM_KEY_ESCAPE;
	/* Other control keys as their code points (Ctrl-D is 4), as keymap.h
	 * expects; NUL and the rest below space that no key sends are dropped. */
	default: return c == 0 || (c >= 28 && c < 32) ? 0 : (uint32_t)c;
	}
}

static void term_curses_next(struct term *t, int timeout_ms, struct term_event *ev)
{
	memset(ev, 0, sizeof *ev);
	timeout(timeout_ms);
	for (;;) {
		if (term_signal_interrupted()) {
			ev->type = TERM_EV_INTERRUPT;
			return;
		}
		wint_t c;
		int r = get_wch(&c);
		if (r == ERR) {
			if (term_signal_interrupted())
				continue;
			if (timeout_ms >= 0) {
				ev->type = TERM_EV_TIMEOUT;
				return;
			}
			continue;
		}
		if (r == KEY_CODE_YES && c == KEY_RESIZE) {
			ev->type = TERM_EV_RESIZE;
			ev->w = COLS;
			ev->h = LINES;
			return;
		}
		if (r == KEY_CODE_YES && c == KEY_MOUSE) {
			MEVENT me;
			if (getmouse(&me) != OK)
				continue;
			ev->type = TERM_EV_MOUSE;
			ev->x = me.x;
			ev->y = me.y;
			if (me.bstate & BUTTON4_PRESSED)
				ev->mouse = TERM_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
			else if (me.bstate & BUTTON5_PRESSED)
				ev->mouse = TERM_MOUSE_WHEEL_DOWN;
#endif
			else if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
				ev->mouse = TERM_MOUSE_CLICK;
			else
				continue;
			return;
		}
		uint32_t key = r == KEY_CODE_YES ? term_curses_keycode((int)c) : term_curses_char(c);
		if (key == 0)
			continue;
		ev->type = TERM_EV_KEY;
		ev->key = key;
		return;
	}
}

static void term_curses_close(struct term *t)
{
	struct term_curses *tc = term_curses_of(t);
	term_signal_guard(NULL, NULL);
	endwin();
	delscreen(tc->screen);
	term_signal_release();
	if (tc->last)
		surface_free(tc->last);
	free(tc);
}

static void term_curses_redraw(struct term *t)
{
	struct term_curses *tc = term_curses_of(t);
	if (tc->last)
		surface_free(tc->last);
	tc->last = NULL;
	/* ncurses too forgets what it believes is on screen. */
	clearok(curscr, TRUE);
}

static void term_curses_outside(struct term *t, void (*fn)(void *arg), void *arg)
{
	endwin();
	fn(arg);
	/* Back: the terminal is ours again, its contents unknown. */
	refresh();
	term_curses_redraw(t);
}

static void term_curses_stop(void *arg)
{
	(void)arg;
	term_signal_stop();
}

static void term_curses_suspend(struct term *t)
{
	term_curses_outside(t, term_curses_stop, NULL);
}

static bool term_curses_clipboard(struct term *t, const char *text, size_t len)
{
	(void)t;
	/* What curses buffered goes first, so the sequence lands between frames. */
	fflush(stdout);
	return term_osc52(STDOUT_FILENO, text, len);
}

static const struct term_ops term_curses_ops = {
	.name = "curses",
	.size = term_curses_size,
	.draw = term_curses_draw,
	.next = term_curses_next,
	.close = term_curses_close,
	.redraw = term_curses_redraw,
	.suspend = term_curses_suspend,
	.outside = term_curses_outside,
	.clipboard = term_curses_clipboard,
};

struct term *term_curses_open(char *err, size_t errsize)
{
	/* Our handlers first: ncurses leaves SIGINT/SIGTERM alone when they are
	 * already caught, and we want them as events, not as its own exit. */
	term_signal_catch();
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		term_signal_release();
		const char *name = getenv("TERM");
		snprintf(err, errsize, _("cannot use the terminal '%s'"), name ? name : "");
		return NULL;
	}
	struct term_curses *tc = xcalloc(1, sizeof *tc);
	tc->base.ops = &term_curses_ops;
	tc->screen = scr;
	term_signal_guard(term_curses_restore, NULL);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	const char *nc = getenv("NO_COLOR");
	if ((nc == NULL || nc[0] == '\0') && has_colors()) {
		start_color();
		use_default_colors();
		tc->color = true;
	}
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		  | BUTTON5_PRESSED
#endif
		  , NULL);
	mouseinterval(0);
	return &tc->base;
}
