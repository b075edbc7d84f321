/* term_tickit.c: the libtickit backend. It shows a surface the way the curses
 * backend does: it keeps the surface it last showed and writes only the cells
 * that changed, a wide cluster at its own column (the continuation cell is
 * covered by it), colours from the terminal's palette and none when NO_COLOR is
 * set. libtickit has no dim attribute (its pens know bold, underline, italic,
 * reverse, strike, blink, fonts and colours), so dim text takes the closest
 * thing a terminal shows, grey: palette colour 8 ("bright black") when the cell
 * has no foreground colour of its own, colours are on and the terminal has 16
 * colours or more (on 8, libtickit would turn grey into black); otherwise, dim
 * is dropped rather than made into something else.
 *
 * Input comes from libtickit's own decoder (bundled libtermkey): key names
 * ("Up", "PageDown", "S-Tab", ...) and UTF-8 text become term.h's key codes,
 * mouse presses and wheel turns become clicks and wheel events (whatever the
 * terminfo entry says of the mouse, see term_tickit_getstr), and its
 * resize event (raised after SIGWINCH, which libtickit observes) becomes
 * TERM_EV_RESIZE. The terminal is given back on close, on SIGINT/SIGTERM/SIGHUP
 * (reported as an event so that the program leaves by its normal path) and on
 * a fatal signal (term_signal.c). libtickit leaves SIGTSTP alone, so a stop
 * sent from outside (kill -TSTP; Ctrl-Z itself arrives as a key) would freeze
 * the program with the terminal raw and the alternate screen up: it is caught,
 * and answered as Ctrl-Z is (the terminal given back, stopped, taken again on
 * SIGCONT and painted whole), as ncurses does for the curses backend. */
#include <config.h>
#include "term.h"
#include "term_tickit.h"

#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "i18n.h"
#include "term_signal.h"
#include "xalloc.h"

/* Palette colour 8, bright black: the grey that stands in for dim. */
#define TERM_TICKIT_GREY 8

struct term_tickit {
	struct term base;               /* first: a struct term * points here */
	TickitTerm *tt;
	bool owned;                     /* opened on stdio by us: given back on close */
	bool color;
	bool grey;                      /* dim can be grey: 16 colours or more */
	struct surface *last;           /* what the terminal shows now; NULL: unknown */
	TickitPen *pen;                 /* reused for every cell */
	struct style pen_style;         /* the style the terminal's pen is in now */
	bool pen_known;
	int cursorvis;                  /* -1: not known yet */
	int bind_key, bind_mouse, bind_resize;
	/* Events decoded by libtickit and not yet handed out: one read may hold
	 * several keys (a paste, a burst of typing). */
	struct term_event *queue;
	size_t nqueue, capqueue, head;
};

static struct term_tickit *term_tickit_of(struct term *t)
{
	return (struct term_tickit *)t;
}

/* Called from a fatal signal's handler (term_signal.c). */
static void term_tickit_restore(void *tt)
{
	tickit_term_teardown(tt);
}

static void term_tickit_push(struct term_tickit *tc, const struct term_event *ev)
{
	if (tc->head == tc->nqueue)
		tc->head = tc->nqueue = 0;
	xgrow((void **)&tc->queue, &tc->capqueue, tc->nqueue + 1, sizeof *tc->queue);
	tc->queue[tc->nqueue++] = *ev;
}

/* libtickit's name of a special key (modifiers written in front: "S-Tab",
 * "C-c") as a term.h key code; 0 for keys annals does not use. */
static uint32_t term_tickit_keyname(const char *name)
{
	static const struct {
		const char *name;
		uint32_t key;
	} keys[] = {
		{ "Up", TERM_KEY_UP }, { "Down", TERM_KEY_DOWN },
		{ "Left", TERM_KEY_LEFT }, { "Right", TERM_KEY_RIGHT },
		{ "PageUp", TERM_KEY_PGUP }, { "PageDown", TERM_KEY_PGDN },
		{ "Home", TERM_KEY_HOME }, { "End", TERM_KEY_END },
		/* ESC [1~ and ESC [4~, the vt220's Find and Select, are Home and End
		 * on PC keyboards (the Linux console, rxvt, screen, tmux). */
		{ "Find", TERM_KEY_HOME }, { "Select", TERM_KEY_END },
		{ "Enter", TERM_KEY_ENTER }, { "KPEnter", TERM_KEY_ENTER },
		{ "Tab", TERM_KEY_TAB }, { "S-Tab", TERM_KEY_BTAB },
		{ "Backspace", TERM_KEY_BACKSPACE }, { "DEL", TERM_KEY_BACKSPACE },
		/* ^H, which the curses backend also takes for Backspace */
		{ "C-h", TERM_KEY_BACKSPACE },
		{ "Delete", TERM_KEY_DELETE }, { "Escape", TERM_KEY_ESCAPE },
		/* Only when the decoder is told to treat space as a key name. */
		{ "Space", ' ' },
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (strcmp(name, keys[i].name) == 0)
			return keys[i].key;
	return 0;
}

static int term_tickit_on_key(TickitTerm *tt, TickitEventFlags flags, void *info, void *user)
{
	(void)tt;
	if (!(flags & TICKIT_EV_FIRE))
		return 0;
	struct term_tickit *tc = user;
	const TickitKeyEventInfo *k = info;
	if (k->str == NULL)
		return 0;
	if (k->type == TICKIT_KEYEV_KEY) {
		/* Ctrl-C reaches us as a key only when the terminal does not turn it
		 * into SIGINT; either way it means the same. */
		if (strcmp(k->str, "C-c") == 0) {
			term_tickit_push(tc, &(struct term_event){ .type = TERM_EV_INTERRUPT });
			return 1;
		}
		uint32_t key = term_tickit_keyname(k->str);
		/* C-a ... C-z as their code points (Ctrl-D is 4), as keymap.h expects. */
		if (key == 0 && k->str[0] == 'C' && k->str[1] == '-' && k->str[2] >= 'a' &&
		    k->str[2] <= 'z' && k->str[3] == '\0')
			key = (uint32_t)(k->str[2] - 'a' + 1);
		if (key != 0)
			term_tickit_push(tc, &(struct term_event){ .type = TERM_EV_KEY, .key = key });
		return 1;
	}
	/* Text: one or more characters, each a key, as typed (CJK input included). */
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)k->str;
	utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(k->str);
	while (n > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, n, &cp);
		if (len <= 0)
			break;          /* the decoder hands out whole characters only */
		if (cp >= 32 && cp != 127)
			term_tickit_push(tc, &(struct term_event){ .type = TERM_EV_KEY,
								   .key = (uint32_t)cp });
		p += len;
		n -= len;
	}
	return 1;
}

static int term_tickit_on_mouse(TickitTerm *tt, TickitEventFlags flags, void *info, void *user)
{
	(void)tt;
	if (!(flags & TICKIT_EV_FIRE))
		return 0;
	struct term_tickit *tc = user;
	const TickitMouseEventInfo *m = info;
	struct term_event ev = { .type = TERM_EV_MOUSE, .x = m->col, .y = m->line };
	if (m->type == TICKIT_MOUSEEV_PRESS && m->button == 1)
		ev.mouse = TERM_MOUSE_CLICK;
	else if (m->type == TICKIT_MOUSEEV_WHEEL && m->button == TICKIT_MOUSEWHEEL_UP)
		ev.mouse = TERM_MOUSE_WHEEL_UP;
	else if (m->type == TICKIT_MOUSEEV_WHEEL && m->button == TICKIT_MOUSEWHEEL_DOWN)
		ev.mouse = TERM_MOUSE_WHEEL_DOWN;
	else
		return 1;       /* releases, drags, other buttons: as in curses, unused */
	term_tickit_push(tc, &ev);
	return 1;
}

static int term_tickit_on_resize(TickitTerm *tt, TickitEventFlags flags, void *info, void *user)
{
	(void)tt;
	if (!(flags & TICKIT_EV_FIRE))
		return 0;
	const TickitResizeEventInfo *r = info;
	term_tickit_push(user, &(struct term_event){ .type = TERM_EV_RESIZE, .w = r->cols,
						     .h = r->lines });
	return 1;
}

static void term_tickit_size(struct term *t, int *w, int *h)
{
	tickit_term_get_size(term_tickit_of(t)->tt, h, w);
}

/* The pen for a cell's style; every attribute is set, so that the terminal's
 * pen becomes exactly this one whatever it was before. Nothing is sent when
 * the style is the one already set: libtickit's terminfo driver writes a whole
 * SGR sequence on every pen change, asked for or not. */
static void term_tickit_setpen(struct term_tickit *tc, struct style st)
{
	if (tc->pen_known && tc->pen_style.attr == st.attr && tc->pen_style.fg == st.fg &&
	    tc->pen_style.bg == st.bg)
		return;
	tc->pen_style = st;
	tc->pen_known = true;
	TickitPen *pen = tc->pen;
	int fg = tc->color && st.fg >= 0 && st.fg <= 7 ? st.fg : -1;
	int bg = tc->color && st.bg >= 0 && st.bg <= 7 ? st.bg : -1;
	if ((st.attr & ATTR_DIM) && tc->grey && fg == -1)
		fg = TERM_TICKIT_GREY;
	tickit_pen_set_bool_attr(pen, TICKIT_PEN_BOLD, st.attr & ATTR_BOLD);
	tickit_pen_set_int_attr(pen, TICKIT_PEN_UNDER, st.attr & ATTR_UNDERLINE
				? TICKIT_PEN_UNDER_SINGLE : TICKIT_PEN_UNDER_NONE);
	tickit_pen_set_bool_attr(pen, TICKIT_PEN_ITALIC, st.attr & ATTR_ITALIC);
	tickit_pen_set_bool_attr(pen, TICKIT_PEN_REVERSE, st.attr & ATTR_REVERSE);
	tickit_pen_set_colour_attr(pen, TICKIT_PEN_FG, fg);
	tickit_pen_set_colour_attr(pen, TICKIT_PEN_BG, bg);
	tickit_term_setpen(tc->tt, pen);
}

/* Printable ASCII: one column on every terminal, so the cursor's next place is
 * known without asking. After anything else the next cell is reached with an
 * explicit goto, in case the terminal measures a cluster otherwise. */
static bool term_tickit_ascii(const char *s)
{
	return s[0] >= 0x20 && s[0] < 0x7f && s[1] == '\0';
}

static void term_tickit_draw(struct term *t, const struct surface *s)
{
	struct term_tickit *tc = term_tickit_of(t);
	int lines, cols;
	tickit_term_get_size(tc->tt, &lines, &cols);
	bool all = term_shown_fit(&tc->last, s);
	const struct cell blank = { .text = " ", .width = 1, .style = STYLE_PLAIN };
	if (all) {
		/* A new size or a first draw: the terminal's contents are unknown.
		 * Clear them in the plain pen; plain blank cells are then already shown. */
		term_tickit_setpen(tc, STYLE_PLAIN);
		tickit_term_clear(tc->tt);
	}
	int cx = -1, cy = -1;           /* where the terminal's cursor is, if known */
	for (int y = 0; y < s->h && y < lines; y++) {
		for (int x = 0; x < s->w && x < cols; x++) {
			const struct cell *c = &s->cells[(size_t)y * (size_t)s->w + (size_t)x];
			struct cell *old = &tc->last->cells[(size_t)y * (size_t)s->w + (size_t)x];
			if (surface_cell_same(c, all ? &blank : old)) {
				*old = *c;
				continue;
			}
			*old = *c;
			/* The wide cluster to the left covers a continuation cell; a wide
			 * cluster that the terminal cuts at its right edge is not shown. */
			if (c->width == 0 || x + c->width > cols)
				continue;
			if (cx != x || cy != y)
				tickit_term_goto(tc->tt, y, x);
			term_tickit_setpen(tc, c->style);
			const char *text = c->text[0] ? c->text : " ";
			tickit_term_print(tc->tt, text);
			cy = y;
			cx = term_tickit_ascii(text) && x + 1 < cols ? x + 1 : -1;
		}
	}
	int vis = s->cursor_x >= 0 && s->cursor_y >= 0;
	if (vis)
		tickit_term_goto(tc->tt, s->cursor_y, s->cursor_x);
	if (vis != tc->cursorvis) {
		tickit_term_setctl_int(tc->tt, TICKIT_TERMCTL_CURSORVIS, vis);
		tc->cursorvis = vis;
	}
	tickit_term_flush(tc->tt);
}

static long term_tickit_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void term_tickit_suspend(struct term *t);

static void term_tickit_next(struct term *t, int timeout_ms, struct term_event *ev)
{
	struct term_tickit *tc = term_tickit_of(t);
	memset(ev, 0, sizeof *ev);
	long deadline = timeout_ms >= 0 ? term_tickit_now_ms() + timeout_ms : -1;
	for (;;) {
		if (tc->owned && term_signal_interrupted()) {
			ev->type = TERM_EV_INTERRUPT;
			return;
		}
		if (tc->owned && term_signal_stopped()) {
			/* Stopped from outside: as Ctrl-Z, then a resize event, since the
			 * program must draw again (and the size may have changed). */
			term_tickit_suspend(t);
			ev->type = TERM_EV_RESIZE;
			term_tickit_size(t, &ev->w, &ev->h);
			return;
		}
		if (tc->head < tc->nqueue) {
			*ev = tc->queue[tc->head++];
			return;
		}
		if (tickit_term_get_input_fd(tc->tt) < 0) {
			/* A terminal fed by hand (the tests): what was pushed is all. */
			ev->type = TERM_EV_END;
			return;
		}
		long wait = -1;
		if (deadline >= 0) {
			wait = deadline - term_tickit_now_ms();
			if (wait <= 0) {
				ev->type = TERM_EV_TIMEOUT;
				return;
			}
		}
		/* Reads and decodes what arrived (our handlers queue it), raises a
		 * resize after SIGWINCH, and returns early on any signal. */
		tickit_term_input_wait_msec(tc->tt, wait);
	}
}

static void term_tickit_close(struct term *t)
{
	struct term_tickit *tc = term_tickit_of(t);
	tickit_term_unbind_event_id(tc->tt, tc->bind_key);
	tickit_term_unbind_event_id(tc->tt, tc->bind_mouse);
	tickit_term_unbind_event_id(tc->tt, tc->bind_resize);
	if (tc->owned) {
		term_signal_guard(NULL, NULL);
		/* Destroying the terminal tears it down: the normal screen, the
		 * cursor, no mouse reports, the termios it found. */
		tickit_term_unref(tc->tt);
		term_signal_release();
	} else {
		tickit_term_unref(tc->tt);
	}
	tickit_pen_unref(tc->pen);
	if (tc->last)
		surface_free(tc->last);
	free(tc->queue);
	free(tc);
}

static void term_tickit_redraw(struct term *t)
{
	struct term_tickit *tc = term_tickit_of(t);
	if (tc->last)
		surface_free(tc->last);
	tc->last = NULL;
	tc->pen_known = false;
	tc->cursorvis = -1;
}

static void term_tickit_outside(struct term *t, void (*fn)(void *arg), void *arg)
{
	struct term_tickit *tc = term_tickit_of(t);
	if (!tc->owned) {
		fn(arg);
		return;
	}
	/* The normal screen, the cursor and no mouse reports, as the shell
	 * wants them; libtickit's pause gives back the termios it found, and
	 * resume takes the terminal again. */
	term_tickit_setpen(tc, STYLE_PLAIN);
	tickit_term_setctl_int(tc->tt, TICKIT_TERMCTL_MOUSE, TICKIT_TERM_MOUSEMODE_OFF);
	tickit_term_setctl_int(tc->tt, TICKIT_TERMCTL_CURSORVIS, 1);
	tickit_term_setctl_int(tc->tt, TICKIT_TERMCTL_ALTSCREEN, 0);
	tickit_term_flush(tc->tt);
	tickit_term_pause(tc->tt);
	/* Meanwhile a stop stops us with whatever has the terminal. */
	term_signal_release_stop();
	fn(arg);
	term_signal_catch_stop();
	tickit_term_resume(tc->tt);
	tickit_term_setctl_int(tc->tt, TICKIT_TERMCTL_ALTSCREEN, 1);
	tickit_term_setctl_int(tc->tt, TICKIT_TERMCTL_MOUSE, TICKIT_TERM_MOUSEMODE_CLICK);
	tickit_term_refresh_size(tc->tt);
	term_tickit_redraw(t);
}

static void term_tickit_stop(void *arg)
{
	(void)arg;
	term_signal_stop();
}

static void term_tickit_suspend(struct term *t)
{
	term_tickit_outside(t, term_tickit_stop, NULL);
}

static bool term_tickit_clipboard(struct term *t, const char *text, size_t len)
{
	struct term_tickit *tc = term_tickit_of(t);
	if (!tc->owned)
		return false;
	tickit_term_flush(tc->tt);
	return term_osc52(STDOUT_FILENO, text, len);
}

static const struct term_ops term_tickit_ops = {
	.name = "tickit",
	.size = term_tickit_size,
	.draw = term_tickit_draw,
	.next = term_tickit_next,
	.close = term_tickit_close,
	.redraw = term_tickit_redraw,
	.suspend = term_tickit_suspend,
	.outside = term_tickit_outside,
	.clipboard = term_tickit_clipboard,
};

struct term *term_tickit_new(TickitTerm *tt, bool color)
{
	struct term_tickit *tc = xcalloc(1, sizeof *tc);
	tc->base.ops = &term_tickit_ops;
	tc->tt = tickit_term_ref(tt);
	tc->color = color;
	int colors = 0;
	tc->grey = color && tickit_term_getctl_int(tt, TICKIT_TERMCTL_COLORS, &colors) &&
		   colors >= 16;
	tc->pen = tickit_pen_new();
	if (tc->pen == NULL) {
		fputs("annals: out of memory\n", stderr);
		exit(1);
	}
	tc->cursorvis = -1;
	tc->bind_key = tickit_term_bind_event(tt, TICKIT_TERM_ON_KEY, 0, term_tickit_on_key, tc);
	tc->bind_mouse = tickit_term_bind_event(tt, TICKIT_TERM_ON_MOUSE, 0,
						term_tickit_on_mouse, tc);
	tc->bind_resize = tickit_term_bind_event(tt, TICKIT_TERM_ON_RESIZE, 0,
						 term_tickit_on_resize, tc);
	return &tc->base;
}

/* Terminfo strings as the key decoder sees them. Newer xterm entries give
 * key_mouse as "ESC [<", the start of an SGR (1006) mouse report, and the
 * decoder would then read the report's digits as an old X10 report: clicks
 * land at nonsense places and the rest arrives as typed text. Without
 * key_mouse, the decoder's own CSI parser reads both encodings. */
static const char *term_tickit_getstr(const char *name, const char *value, void *data)
{
	(void)data;
	return strcmp(name, "key_mouse") == 0 ? NULL : value;
}

static const struct TickitTerminfoHook term_tickit_hook_ = { term_tickit_getstr, NULL };

const struct TickitTerminfoHook *term_tickit_hook(void)
{
	return &term_tickit_hook_;
}

struct term *term_tickit_open(char *err, size_t errsize)
{
	term_signal_catch();
	term_signal_catch_stop();
	TickitTerm *tt = tickit_term_build(&(const struct TickitTermBuilder){
		.open = TICKIT_OPEN_STDIO,
		.ti_hook = &term_tickit_hook_,
	});
	if (tt == NULL) {
		term_signal_release();
		const char *name = getenv("TERM");
		snprintf(err, errsize, _("cannot use the terminal '%s'"), name ? name : "");
		return NULL;
	}
	term_signal_guard(term_tickit_restore, tt);
	/* A resize is raised from within the input wait, never from the signal
	 * handler. */
	tickit_term_observe_sigwinch(tt, true);
	tickit_term_set_output_buffer(tt, 16384);
	/* The driver asks the terminal what it supports; an answer that never
	 * comes must not hold us up for long. */
	tickit_term_await_started_msec(tt, 100);
	tickit_term_setctl_int(tt, TICKIT_TERMCTL_ALTSCREEN, 1);
	tickit_term_setctl_int(tt, TICKIT_TERMCTL_CURSORVIS, 0);
	tickit_term_setctl_int(tt, TICKIT_TERMCTL_MOUSE, TICKIT_TERM_MOUSEMODE_CLICK);
	tickit_term_refresh_size(tt);
	const char *nc = getenv("NO_COLOR");
	struct term *t = term_tickit_new(tt, nc == NULL || nc[0] == '\0');
	struct term_tickit *tc = term_tickit_of(t);
	tc->owned = true;
	tc->cursorvis = 0;
	/* term_tickit_new took its own reference; ours is the backend's now. */
	tickit_term_unref(tt);
	return t;
}
