/* term.h: the terminal, as annals sees it. A backend shows a surface and
 * reports keys, mouse and resizes in annals' own terms, so nothing above this
 * header knows which library talks to the terminal: ncursesw (term_curses.c),
 * libtickit, or a memory screen with scripted input for the tests
 * (term_memory.c). term.c is the one place that picks a backend by name. */
#ifndef ANNALS_TERM_H
#define ANNALS_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "surface.h"

/* A key is a Unicode code point, or one of these (above the Unicode range, so
 * they never collide with a character typed at a prompt). */
enum {
	TERM_KEY_UP = 0x110000,
	TERM_KEY_DOWN,
	TERM_KEY_LEFT,
	TERM_KEY_RIGHT,
	TERM_KEY_PGUP,
	TERM_KEY_PGDN,
	TERM_KEY_HOME,
	TERM_KEY_END,
	TERM_KEY_ENTER,
	TERM_KEY_TAB,
	TERM_KEY_BTAB,                  /* Shift-Tab */
	TERM_KEY_BACKSPACE,
	TERM_KEY_DELETE,
	TERM_KEY_ESCAPE,
};

enum term_event_type {
	TERM_EV_TIMEOUT = 0,            /* nothing happened within the timeout */
	TERM_EV_KEY,
	TERM_EV_MOUSE,
	TERM_EV_RESIZE,                 /* w, h hold the new size */
	TERM_EV_INTERRUPT,              /* SIGINT, SIGTERM or SIGHUP: time to leave */
	TERM_EV_END,                    /* no more input (a memory backend's script ran out) */
};

enum term_mouse {
	TERM_MOUSE_CLICK = 0,
	TERM_MOUSE_WHEEL_UP,
	TERM_MOUSE_WHEEL_DOWN,
};

struct term_event {
	enum term_event_type type;
	uint32_t key;                   /* TERM_EV_KEY */
	enum term_mouse mouse;          /* TERM_EV_MOUSE */
	int x, y;                       /* TERM_EV_MOUSE: the cell */
	int w, h;                       /* TERM_EV_RESIZE */
};

struct term;

/* What every backend provides. */
struct term_ops {
	const char *name;
	void (*size)(struct term *t, int *w, int *h);
	/* Shows s; the backend keeps what it showed and updates only what changed. */
	void (*draw)(struct term *t, const struct surface *s);
	/* Waits up to timeout_ms (-1: for ever) for the next event. */
	void (*next)(struct term *t, int timeout_ms, struct term_event *ev);
	/* Gives the terminal back as it was, and frees t. */
	void (*close)(struct term *t);
	/* Ctrl-L: forgets what the terminal shows, so that the next draw paints
	 * every cell (NULL: nothing to forget). */
	void (*redraw)(struct term *t);
	/* Ctrl-Z: gives the terminal back, stops the program (SIGTSTP) and, once
	 * it is continued, takes the terminal again; the next draw paints every
	 * cell (NULL: nothing to suspend, as in the tests). */
	void (*suspend)(struct term *t);
	/* Gives the terminal back as Ctrl-Z does, runs fn(arg) (a browser, an
	 * editor, a command) and takes the terminal again; the next draw paints
	 * every cell. NULL: fn is just called (the memory backend). */
	void (*outside)(struct term *t, void (*fn)(void *arg), void *arg);
	/* Puts text on the clipboard through the terminal (OSC 52). False when the
	 * terminal is not known to allow it (then nothing is sent). */
	bool (*clipboard)(struct term *t, const char *text, size_t len);
};

/* Backends embed this as their first member. */
struct term {
	const struct term_ops *ops;
};

static inline void term_size(struct term *t, int *w, int *h) { t->ops->size(t, w, h); }
static inline void term_draw(struct term *t, const struct surface *s) { t->ops->draw(t, s); }
static inline void term_next(struct term *t, int timeout_ms, struct term_event *ev)
{
	t->ops->next(t, timeout_ms, ev);
}
static inline void term_close(struct term *t) { t->ops->close(t); }
static inline void term_redraw(struct term *t)
{
	if (t->ops->redraw)
		t->ops->redraw(t);
}
static inline void term_suspend(struct term *t)
{
	if (t->ops->suspend)
		t->ops->suspend(t);
}
static inline void term_outside(struct term *t, void (*fn)(void *arg), void *arg)
{
	if (t->ops->outside)
		t->ops->outside(t, fn, arg);
	else
		fn(arg);
}
static inline bool term_clipboard(struct term *t, const char *text, size_t len)
{
	return t->ops->clipboard ? t->ops->clipboard(t, text, len) : false;
}

/* Opens the backend called name (NULL: the default, curses). On failure returns
 * NULL with a message, already translated, in err. */
struct term *term_open(const char *name, char *err, size_t errsize);
/* The names of the backends built in, separated by spaces, the default first. */
const char *term_backends(void);
/* Whether name (NULL: the default) is a backend built in; if not, says why in
 * err (translated): unknown, or known but not built. */
bool term_backend_check(const char *name, char *err, size_t errsize);

/* For the backends that write only the cells that changed: makes *shown (what
 * the terminal shows, NULL at first) the size of s, and says whether its
 * contents are unknown (the first draw, or a new size): then every cell must
 * be written. */
bool term_shown_fit(struct surface **shown, const struct surface *s);

/* For the real backends: whether the terminal is known to take OSC 52 (TERM
 * of xterm, tmux, screen inside tmux, kitty, foot, alacritty, wezterm ...;
 * ANNALS_OSC52=0 or 1 decides instead), and writing the sequence for text to
 * fd. False, with nothing written, when it is not known to, or the text is
 * longer than terminals take (TERM_OSC52_MAX bytes). */
#define TERM_OSC52_MAX 74994            /* 100000 bytes once in base64, xterm's limit */
bool term_osc52(int fd, const char *text, size_t len);

/* The ncursesw backend (term_curses.c). */
struct term *term_curses_open(char *err, size_t errsize);

/* The libtickit backend (term_tickit.c), when built (configure --with-tickit). */
struct term *term_tickit_open(char *err, size_t errsize);

/* The memory backend (term_memory.c): a screen of w x h cells and a queue of
 * scripted events; when the queue is empty, next() reports TERM_EV_END. */
struct term *term_memory_new(int w, int h);
void term_memory_push_key(struct term *t, uint32_t key);
/* Each character of the UTF-8 string s as one key; \r or \n is Enter, \t Tab,
 * ESC Escape, DEL Backspace. */
void term_memory_push_keys(struct term *t, const char *s);
void term_memory_push_mouse(struct term *t, enum term_mouse m, int x, int y);
/* Queues a resize; the screen takes the new size when the event is read. */
void term_memory_push_resize(struct term *t, int w, int h);
/* What was last drawn (NULL before the first draw), and how many draws so far. */
const struct surface *term_memory_screen(const struct term *t);
int term_memory_draws(const struct term *t);
/* How many times the app asked for a redraw (Ctrl-L) and a suspension (Ctrl-Z). */
int term_memory_redraws(const struct term *t);
int term_memory_suspends(const struct term *t);
/* What the app last put on the clipboard (NULL: nothing), and how many
 * programs it ran outside (term_outside). */
const char *term_memory_clipboard(const struct term *t);
int term_memory_outsides(const struct term *t);

#endif
