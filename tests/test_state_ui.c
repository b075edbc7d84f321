/* test_state_ui.c: the reading state and the configuration in the browser,
 * on the memory backend: marks and unread rows in the list, u and ' as
 * filters, r, a write that fails said on the status line; the configuration's
 * key bindings, sort order and palette. The state folder is the test's
 * scratch home (XDG_STATE_HOME, set by the test environment). */
#include <config.h>

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "events.h"
#include "screen.h"
#include "state.h"
#include "xalloc.h"
#include "tap.h"

static void add(struct collection *col, const char *id, int day)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xasprintf("Story %s", id);
	a.date = (struct adate){ 2022, 3, day, DATE_DAY, false };
	for (int i = 0; i < 3; i++) {
		char *t = i == 1 ? xasprintf("On March %d, 2021, the %s talks began.", day + 10, id)
				 : xasprintf("Paragraph %d of %s.", i + 1, id);
		article_add_para(&a, t, strlen(t), "en", PARA_TEXT);
		free(t);
	}
	article_update_langs(&a);
	collection_add(col, &a);
}

/* Starts the browser as app_run does: configuration, then the state. */
static const struct event_list *events;

static const struct surface *start(struct screen *sc, struct annals *app, int w, int h)
{
	screen_start(sc, &app->col, events, NULL, w, h);
	app_configure(&sc->ui, app);
	app_state_open(&sc->ui, app);
	return screen_keys(sc, "");
}

static void stop(struct screen *sc)
{
	app_state_close(&sc->ui);
	screen_end(sc);
}

static int row_of(const struct surface *s, const char *text)
{
	return screen_row_of(s, text);
}

int main(void)
{
	struct annals app;
	memset(&app, 0, sizeof app);
	conf_init(&app.conf);
	collection_init(&app.col);
	add(&app.col, "alpha", 1);
	add(&app.col, "beta", 2);
	add(&app.col, "gamma", 3);
	const char *paths[] = { "/nonexistent/state-ui-test" };
	app.opt.collections = paths;
	app.opt.ncollections = 1;

	struct event_list *ev = events_derive(&app.col);
	events = ev;
	struct screen sc;
	const struct surface *s = start(&sc, &app, 100, 20);
	int y = row_of(s, "Story alpha");
	tap_ok(y > 0 && (screen_attr_at(s, screen_col_of(s, y, "Story alpha"), y) & ATTR_BOLD),
	       "an unread article's title is bold");
	s = screen_keys(&sc, "jm");
	y = row_of(s, "Story beta");
	tap_ok(y > 0 && screen_row_has(s, y, "*"), "m: the selected row carries *");
	tap_ok(screen_status_has(s, "Marked: Story beta"), "and the status line says so");
	s = screen_keys(&sc, "'");
	tap_ok(screen_row_has(s, 0, "(1)") && row_of(s, "Story beta") > 0 && row_of(s, "Story alpha") < 0,
	       "': only the marked article");
	s = screen_keys(&sc, "'");
	tap_ok(screen_row_has(s, 0, "(3)"), "' again: every article");
	s = screen_keys(&sc, "gr");
	tap_ok(screen_status_has(s, "Marked as read: Story alpha"), "r marks the selected article read");
	s = screen_keys(&sc, "u");
	tap_ok(screen_row_has(s, 0, "(2)") && row_of(s, "Story alpha") < 0, "u: the two unread ones");
	s = screen_keys(&sc, "u");
	y = row_of(s, "Story alpha");
	s = screen_keys(&sc, "j");
	y = row_of(s, "Story alpha");
	tap_ok(y > 0 && !(screen_attr_at(s, screen_col_of(s, y, "Story alpha"), y) & ATTR_BOLD),
	       "a read article's title is not bold");

	/* An event marked in the timeline: ' lists its article, Enter opens it there. */
	tap_ok(ev && ev->n >= 3, "the test's articles carry events");
	s = screen_keys(&sc, "\t");
	size_t e = timeline_selected_event(&sc.ui.tl);
	s = screen_keys(&sc, "m");
	tap_ok(e != UI_NONE && screen_status_has(s, "Event marked"), "m in the timeline marks the event");
	s = screen_keys(&sc, "'");
	size_t art = e != UI_NONE ? ev->v[e].article : 0;
	tap_ok(screen_row_has(s, 0, "(2)") && row_of(s, app.col.items[art].title) > 0,
	       "' lists the article of the marked event with the marked article");
	while (list_selected(&sc.ui.list) != art && sc.ui.list.sel + 1 < sc.ui.list.nrows)
		s = screen_keys(&sc, "j");
	s = screen_keys(&sc, "\n");
	tap_ok(sc.ui.reader.article == art && sc.ui.cur_event == e,
	       "Enter opens it at the marked event");
	s = screen_keys(&sc, "'");

	/* A write that fails: said on the status line at once. */
	sqlite3 *db = (sqlite3 *)sc.ui.state->db;
	tap_ok(db != NULL, "the store is open");
	/* (query_only stands in for a store that stopped taking writes.) */
	sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
	s = screen_keys(&sc, "Gm");
	tap_ok(screen_status_has(s, "could not be saved"), "a failed write is said on the status line");
	stop(&sc);

	/* Started again: the mark and the read state are there. */
	s = start(&sc, &app, 100, 20);
	y = row_of(s, "Story beta");
	tap_ok(y > 0 && screen_row_has(s, y, "*"), "started again: the mark is there");
	stop(&sc);

	/* The configuration: a key bound, the order, the palette. */
	conf_read_line(&app.conf, "bind J down", "cfg", 1);
	conf_read_line(&app.conf, "bind j none", "cfg", 2);
	conf_read_line(&app.conf, "colours = mono", "cfg", 3);
	app.opt.sort = CONF_SORT_NEWEST;
	app.opt.no_state = true;
	s = start(&sc, &app, 100, 20);
	tap_ok(row_of(s, "Story gamma") < row_of(s, "Story alpha"), "sort = newest: gamma first");
	size_t gamma = collection_index(&app.col, "gamma"), beta = collection_index(&app.col, "beta");
	s = screen_keys(&sc, "g");
	tap_ok(list_selected(&sc.ui.list) == gamma, "g: the first row");
	s = screen_keys(&sc, "j");
	tap_ok(list_selected(&sc.ui.list) == gamma, "bind j none: j does nothing");
	s = screen_keys(&sc, "J");
	tap_ok(list_selected(&sc.ui.list) == beta, "bind J down: J moves down");
	bool coloured = false;
	for (int yy = 0; yy < s->h; yy++)
		for (int xx = 0; xx < s->w; xx++) {
			const struct cell *c = surface_cell_const(s, xx, yy);
			coloured |= c->style.fg != COLOR_NONE || c->style.bg != COLOR_NONE;
		}
	tap_ok(!coloured, "colours = mono: no cell has a colour");
	s = screen_keys(&sc, "m");
	tap_ok(screen_status_has(s, "Marked"), "--no-state: marks work for the run");
	stop(&sc);
	events_free(ev);
	collection_free(&app.col);
	conf_free(&app.conf);
	return tap_done();
}
