/* screen.c: the screen tests' harness (screen.h): the browser on the memory
 * backend, and the screen read back cell by cell. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "screen.h"

/* With SCREEN_DUMP set, the screen after each step, to see what a test saw. */
static const struct surface *screen_now(struct screen *sc, const char *after)
{
	const struct surface *s = term_memory_screen(sc->t);
	if (getenv("SCREEN_DUMP")) {
		char *d = surface_dump(s);
		printf("# after %s:\n%s", after, d);
		free(d);
	}
	return s;
}

const struct surface *screen_start(struct screen *sc, const struct collection *col,
				   const struct event_list *ev, struct uilang *ui, int w, int h)
{
	sc->t = term_memory_new(w, h);
	struct layout_opts lo = { false, 8 };
	app_init(&sc->ui, col, ev, &lo, w, h);
	sc->ui.uilang = ui;
	app_loop(&sc->ui, sc->t);
	return screen_now(sc, "start");
}

const struct surface *screen_keys(struct screen *sc, const char *keys)
{
	term_memory_push_keys(sc->t, keys);
	app_loop(&sc->ui, sc->t);
	char after[64];
	snprintf(after, sizeof after, "keys %s", keys);
	return screen_now(sc, after);
}

const struct surface *screen_key(struct screen *sc, uint32_t key)
{
	term_memory_push_key(sc->t, key);
	app_loop(&sc->ui, sc->t);
	char after[32];
	snprintf(after, sizeof after, "key %u", (unsigned)key);
	return screen_now(sc, after);
}

const struct surface *screen_resize(struct screen *sc, int w, int h)
{
	term_memory_push_resize(sc->t, w, h);
	app_loop(&sc->ui, sc->t);
	char after[32];
	snprintf(after, sizeof after, "resize %dx%d", w, h);
	return screen_now(sc, after);
}

void screen_end(struct screen *sc)
{
	app_free(&sc->ui);
	term_close(sc->t);
}

int screen_col_from(const struct surface *s, int y, int x0, const char *needle)
{
	if (y < 0 || y >= s->h)
		return -1;
	for (int x = x0 < 0 ? 0 : x0; x < s->w; x++) {
		if (surface_cell_const(s, x, y)->width == 0)
			continue;       /* a match starts on a cluster, not its second column */
		const char *n = needle;
		int cx = x;
		while (*n && cx < s->w) {
			const struct cell *c = surface_cell_const(s, cx, y);
			if (c->width == 0) {
				cx++;
				continue;
			}
			size_t l = strlen(c->text);
			if (l == 0 || strncmp(n, c->text, l) != 0)
				break;
			n += l;
			cx++;
		}
		if (*n == '\0')
			return x;
	}
	return -1;
}

int screen_col_of(const struct surface *s, int y, const char *needle)
{
	return screen_col_from(s, y, 0, needle);
}

int screen_row_from(const struct surface *s, int x0, const char *needle)
{
	for (int y = 0; y < s->h; y++)
		if (screen_col_from(s, y, x0, needle) >= 0)
			return y;
	return -1;
}

int screen_row_of(const struct surface *s, const char *needle)
{
	return screen_row_from(s, 0, needle);
}

int screen_row_at(const struct surface *s, struct rect r, const char *needle)
{
	for (int y = r.y; y < r.y + r.h; y++)
		if (screen_col_from(s, y, r.x, needle) == r.x)
			return y;
	return -1;
}

int screen_row_in(const struct surface *s, struct rect r, const char *needle)
{
	for (int y = r.y; y < r.y + r.h; y++) {
		int x = screen_col_from(s, y, r.x, needle);
		if (x >= 0 && x < r.x + r.w)
			return y;
	}
	return -1;
}

bool screen_row_has(const struct surface *s, int y, const char *needle)
{
	return screen_col_of(s, y, needle) >= 0;
}

bool screen_status_has(const struct surface *s, const char *needle)
{
	return screen_row_has(s, s->h - 1, needle);
}

uint16_t screen_attr_at(const struct surface *s, int x, int y)
{
	const struct cell *c = surface_cell_const(s, x, y);
	return c ? c->style.attr : 0;
}
