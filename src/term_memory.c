/* term_memory.c: a terminal that exists only in memory, for the tests. It keeps
 * a copy of the last surface drawn and hands out a script of events, so a test
 * can type keys, click, resize, and read the screen back as text. */
#include <config.h>
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "xalloc.h"

struct term_memory {
	struct term base;               /* first: a struct term * points here */
	int w, h;
	struct surface *screen;         /* the last surface drawn, copied */
	int draws;
	int redraws, suspends;          /* Ctrl-L and Ctrl-Z, counted */
	int outsides;                   /* programs run outside (term_outside) */
	char *clipboard;                /* the last text put on the clipboard */
	struct term_event *queue;
	size_t nqueue, capqueue, head;
};

static struct term_memory *term_memory_of(struct term *t)
{
	return (struct term_memory *)t;
}

static void term_memory_size(struct term *t, int *w, int *h)
{
	struct term_memory *m = term_memory_of(t);
	*w = m->w;
	*h = m->h;
}

static void term_memory_draw(struct term *t, const struct surface *s)
{
	struct term_memory *m = term_memory_of(t);
	if (m->screen == NULL)
		m->screen = surface_new(s->w, s->h, &s->lo);
	else if (m->screen->w != s->w || m->screen->h != s->h)
		surface_resize(m->screen, s->w, s->h);
	memcpy(m->screen->cells, s->cells, (size_t)s->w * (size_t)s->h * sizeof *s->cells);
	m->screen->cursor_x = s->cursor_x;
	m->screen->cursor_y = s->cursor_y;
	m->draws++;
}

static void term_memory_next(struct term *t, int timeout_ms, struct term_event *ev)
{
	struct term_memory *m = term_memory_of(t);
	memset(ev, 0, sizeof *ev);
	if (m->head == m->nqueue) {
		ev->type = TERM_EV_END;
		return;
	}
	*ev = m->queue[m->head++];
	if (ev->type == TERM_EV_RESIZE) {
		m->w = ev->w;
		m->h = ev->h;
	}
}

static void term_memory_close(struct term *t)
{
	struct term_memory *m = term_memory_of(t);
	if (m->screen)
		surface_free(m->screen);
	free(m->queue);
	free(m->clipboard);
	free(m);
}

static void term_memory_redraw(struct term *t)
{
	term_memory_of(t)->redraws++;
}

/* Nothing to stop in a test: the suspension is counted. */
static void term_memory_suspend(struct term *t)
{
	term_memory_of(t)->suspends++;
}

/* Nothing to give back in a test: fn runs, and is counted. */
static void term_memory_outside(struct term *t, void (*fn)(void *arg), void *arg)
{
	term_memory_of(t)->outsides++;
	fn(arg);
}

static bool term_memory_clipboard_set(struct term *t, const char *text, size_t len)
{
	struct term_memory *tm = term_memory_of(t);
	free(tm->clipboard);
	tm->clipboard = xstrndup(text, len);
	return true;
}

const char *term_memory_clipboard(const struct term *t)
{
	return ((const struct term_memory *)t)->clipboard;
}

int term_memory_outsides(const struct term *t)
{
	return ((const struct term_memory *)t)->outsides;
}

int term_memory_redraws(const struct term *t)
{
	return ((const struct term_memory *)t)->redraws;
}

int term_memory_suspends(const struct term *t)
{
	return ((const struct term_memory *)t)->suspends;
}

static const struct term_ops term_memory_ops = {
	.name = "memory",
	.size = term_memory_size,
	.draw = term_memory_draw,
	.next = term_memory_next,
	.close = term_memory_close,
	.redraw = term_memory_redraw,
	.suspend = term_memory_suspend,
	.outside = term_memory_outside,
	.clipboard = term_memory_clipboard_set,
};

struct term *term_memory_new(int w, int h)
{
	struct term_memory *m = xcalloc(1, sizeof *m);
	m->base.ops = &term_memory_ops;
	m->w = w;
	m->h = h;
	return &m->base;
}

static void term_memory_push(struct term *t, const struct term_event *ev)
{
	struct term_memory *m = term_memory_of(t);
	xgrow((void **)&m->queue, &m->capqueue, m->nqueue + 1, sizeof *m->queue);
	m->queue[m->nqueue++] = *ev;
}

void term_memory_push_key(struct term *t, uint32_t key)
{
	struct term_event ev = { .type = TERM_EV_KEY, .key = key };
	term_memory_push(t, &ev);
}

void term_memory_push_keys(struct term *t, const char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s,
							(utf8proc_ssize_t)n, &cp);
		if (len <= 0) {
			/* A test's own string: a bad byte is a bug in the test, skip it. */
			len = 1;
			cp = -1;
		}
		/* Control characters as a terminal's keyboard sends them. */
		if (cp == '\r' || cp == '\n')
			term_memory_push_key(t, TERM_KEY_ENTER);
		else if (cp == '\t')
			term_memory_push_key(t, TERM_KEY_TAB);
		else if (cp == 0x1b)
			term_memory_push_key(t, TERM_KEY_ESCAPE);
		else if (cp == 0x7f)
			term_memory_push_key(t, TERM_KEY_BACKSPACE);
		else if (cp >= 0)
			term_memory_push_key(t, (uint32_t)cp);
		s += len;
		n -= (size_t)len;
	}
}

void term_memory_push_mouse(struct term *t, enum term_mouse mouse, int x, int y)
{
	struct term_event ev = { .type = TERM_EV_MOUSE, .mouse = mouse, .x = x, .y = y };
	term_memory_push(t, &ev);
}

void term_memory_push_resize(struct term *t, int w, int h)
{
	struct term_event ev = { .type = TERM_EV_RESIZE, .w = w, .h = h };
	term_memory_push(t, &ev);
}

const struct surface *term_memory_screen(const struct term *t)
{
	return ((const struct term_memory *)t)->screen;
}

int term_memory_draws(const struct term *t)
{
	return ((const struct term_memory *)t)->draws;
}
