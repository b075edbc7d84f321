/* app.c: the interactive browser: the loop, which pane has focus, where each
 * action goes, and how the panes share the terminal. From UI_WIDE_W columns the
 * list and the timeline are stacked on the left and the reader is on the
 * right; below that the focused pane takes the screen and Tab brings the next.
 *
 * The conventions every key follows (a new key follows them too):
 * - A key is looked up in the keymap (keymap.h) and becomes a named action;
 *   panes act on actions, never on keys, and the help lists the keymap.
 * - q leaves what is open (help, prompt, results, chooser, side by side) and
 *   quits only from the top level, asking nothing (less's habit). Esc closes
 *   what is open and never quits.
 * - Moving is the same in every pane: j k and the arrows, Ctrl-D Ctrl-U half
 *   pages, Space b Ctrl-F Ctrl-B PgDn PgUp pages, g G Home End; digits before
 *   a key are a count (5j, 3]); before G, the row (in the reader, the ¶).
 * - What works on the list (l, o, f) works from any pane and says on the
 *   status line what it did, since the list may be off screen.
 * - Ctrl-L repaints, Ctrl-Z suspends; both work over anything. */
#include <config.h>
#include "ui.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "annals.h"
#include "cli.h"
#include "happenings.h"
#include "i18n.h"
#include "search.h"
#include "split.h"
#include "uinum.h"
#include "xalloc.h"

void app_init(struct ui *ui, const struct collection *col, const struct event_list *ev,
	      const struct layout_opts *lo, int w, int h)
{
	memset(ui, 0, sizeof *ui);
	ui->col = col;
	ui->events = ev;
	ui->lo = *lo;
	ui->surf = surface_new(w, h, lo);
	ui->focus = PANE_LIST;
	keymap_defaults(&ui->keys);
	ui->cur_event = UI_NONE;
	ui->results.cur = UI_NONE;
	list_init(&ui->list, col);
	timeline_init(&ui->tl, col, ev);
	ui->happ = happenings_build(ev);
	reader_init(&ui->reader, col->n);
	ui->reader.max_width = UI_READ_WIDTH;
	/* Loading's warnings are on stderr, under the full screen: say so. */
	ui->msg_problems = col->nwarnings;
	/* Something to read from the start: the first article of the list. */
	if (list_selected(&ui->list) != UI_NONE)
		reader_open(&ui->reader, list_selected(&ui->list));
}

void app_free(struct ui *ui)
{
	split_free_all(ui);
	list_free(&ui->list);
	timeline_free(&ui->tl);
	happenings_free(ui->happ);
	reader_free(&ui->reader);
	results_free(&ui->results);
	for (int i = 0; i < UI_PROMPT_KINDS; i++)
		prompt_history_free(&ui->history[i]);
	free(ui->run.cmd);
	if (ui->surf)
		surface_free(ui->surf);
	memset(ui, 0, sizeof *ui);
}

void app_open_article(struct ui *ui, size_t a)
{
	if (a >= ui->col->n)
		return;
	reader_open(&ui->reader, a);
	ui->cur_event = UI_NONE;
}

void app_open_event(struct ui *ui, size_t i)
{
	if (ui->events == NULL || i >= ui->events->n)
		return;
	const struct event *e = &ui->events->v[i];
	if (e->article >= ui->col->n)
		return;
	reader_open_at(&ui->reader, e->article, e->para);
	reader_highlight(&ui->reader, e->para, e->start, e->len);
	ui->cur_event = i;
	timeline_select_event(&ui->tl, i);
}

static bool app_pane_shown(const struct ui *ui, enum ui_pane p)
{
	return ui->rects[p].w > 0 && ui->rects[p].h > 0;
}

static void app_draw_too_small(struct ui *ui)
{
	struct surface *s = ui->surf;
	const char *msg = _("Terminal too small");
	char *t = layout_truncate(msg, s->w, false, &s->lo);
	int w = layout_strwidth(t, &s->lo);
	surface_prints(s, surface_rect(s), (s->w - w) / 2, s->h / 2, t,
		       (struct style){ ATTR_BOLD, COLOR_NONE, COLOR_NONE });
	free(t);
}

static void app_draw_panes(struct ui *ui)
{
	struct surface *s = ui->surf;
	surface_fill(s, surface_rect(s), STYLE_PLAIN);
	s->cursor_x = s->cursor_y = -1;
	memset(ui->rects, 0, sizeof ui->rects);
	if (s->w < UI_MIN_W || s->h < UI_MIN_H) {
		app_draw_too_small(ui);
		return;
	}
	struct rect body = { 0, 0, s->w, s->h - 1 };
	struct rect status = { 0, s->h - 1, s->w, 1 };
	/* Dates are written in the interface language of this draw. */
	ui->reader.lang = ui->tl.lang = app_lang_id(ui);
	if (ui->help.open) {
		help_draw(&ui->help, &ui->keys, s, body);
		status_draw(ui, s, status);
		return;
	}
	if (split_draw(ui, body)) {
		status_draw(ui, s, status);
		return;
	}
	ui->wide = s->w >= UI_WIDE_W;
	if (ui->wide) {
		int lw = s->w * 2 / 5;
		int lh = body.h / 2;
		ui->rects[PANE_LIST] = (struct rect){ 0, 0, lw, lh };
		ui->rects[PANE_TIMELINE] = (struct rect){ 0, lh, lw, body.h - lh };
		ui->rects[PANE_READER] = (struct rect){ lw + 1, 0, s->w - lw - 1, body.h };
		struct style sep = { ATTR_DIM, COLOR_NONE, COLOR_NONE };
		for (int y = 0; y < body.h; y++)
			surface_prints(s, body, lw, y, "│", sep);
	} else {
		ui->rects[ui->focus] = body;
	}
	/* Search results, while open, stand in the list's place. */
	if (app_pane_shown(ui, PANE_LIST) && ui->results.open)
		results_draw(&ui->results, ui->col, s, ui->rects[PANE_LIST],
			     ui->focus == PANE_LIST);
	else if (app_pane_shown(ui, PANE_LIST))
		list_draw(&ui->list, ui->col, s, ui->rects[PANE_LIST], ui->focus == PANE_LIST);
	results_mark_reader(ui);
	ui->tl.happ = ui->happ;
	ui->tl.read_lang = app_walk_reading_lang(ui);
	if (app_pane_shown(ui, PANE_TIMELINE))
		timeline_draw(&ui->tl, ui->col, ui->events, s, ui->rects[PANE_TIMELINE],
			      ui->focus == PANE_TIMELINE);
	if (app_pane_shown(ui, PANE_READER))
		reader_draw(&ui->reader, ui->col, s, ui->rects[PANE_READER],
			    ui->focus == PANE_READER);
	if (ui->picker)
		picker_draw(ui->picker, ui->col, s, body);
	status_draw(ui, s, status);
}

void app_draw(struct ui *ui)
{
	app_draw_panes(ui);
	/* The configured palette, over everything drawn. */
	if (ui->recolour)
		surface_recolour(ui->surf, ui->colours);
}

void app_configure(struct ui *ui, const struct annals *app)
{
	for (size_t i = 0; i < app->conf.nbinds; i++)
		keymap_bind(&ui->keys, app->conf.binds[i].code, (enum action)app->conf.binds[i].act);
	if (app->opt.sort > 0 && app->opt.sort < LIST_SORT_COUNT) {
		ui->list.sort = (enum list_sort)app->opt.sort;
		list_rebuild(&ui->list, ui->col);
		if (list_selected(&ui->list) != UI_NONE)
			reader_open(&ui->reader, list_selected(&ui->list));
	}
	conf_colour_map(&app->conf, ui->colours);
	ui->recolour = true;
	ui->reader.max_width = app->opt.width;
}

static void app_mouse(struct ui *ui, const struct term_event *ev)
{
	int wheel = ev->mouse == TERM_MOUSE_WHEEL_UP ? -3 : ev->mouse == TERM_MOUSE_WHEEL_DOWN ? 3 : 0;
	if (ui->help.open) {
		if (wheel)
			help_act(&ui->help, wheel < 0 ? ACT_UP : ACT_DOWN, 0);
		return;
	}
	if (split_mouse(ui, ev))
		return;
	for (int p = 0; p < PANE_COUNT; p++) {
		struct rect r = ui->rects[p];
		if (!app_pane_shown(ui, (enum ui_pane)p) || ev->x < r.x || ev->x >= r.x + r.w ||
		    ev->y < r.y || ev->y >= r.y + r.h)
			continue;
		if (wheel == 0)
			ui->focus = (enum ui_pane)p;
		switch (p) {
		case PANE_LIST:
			if (ui->results.open && wheel)
				results_wheel(&ui->results, wheel);
			else if (ui->results.open)
				results_click(&ui->results, r, ev->y);
			else if (wheel)
				list_wheel(&ui->list, wheel);
			else
				list_click(&ui->list, r, ev->y);
			break;
		case PANE_TIMELINE:
			if (wheel)
				timeline_wheel(&ui->tl, wheel);
			else
				timeline_click(&ui->tl, ev->y);
			break;
		default:
			if (wheel)
				reader_scroll(&ui->reader, ui->col, &ui->lo, wheel);
			break;
		}
		return;
	}
}

/* y reading side by side: the first event of that year (or the nearest year)
 * on either side, its date marked there. */
static void app_split_year(struct ui *ui, int want)
{
	size_t best = UI_NONE;
	int bestd = 0;
	for (size_t i = 0; ui->events && i < ui->events->n; i++) {
		const struct event *e = &ui->events->v[i];
		if (split_side_holding(ui, e->article, e->para, e->start) < 0)
			continue;
		int d = abs(e->date.year - want);
		if (best == UI_NONE || d < bestd) {
			best = i;
			bestd = d;
		}
	}
	if (best == UI_NONE) {
		ui->msg = N_("No events on either side.");
		return;
	}
	const struct event *e = &ui->events->v[best];
	split_show(ui, e->article, e->para, e->start, e->len);
	if (e->date.year != want) {
		ui->msg = N_("No events in %d; showing %d, the nearest year.");
		ui->msg_a = want;
		ui->msg_b = e->date.year;
	}
}

void app_prompt_open(struct ui *ui, enum ui_prompt_for what, const char *label, bool digits_only)
{
	prompt_open(&ui->prompt, label, digits_only);
	prompt_use_history(&ui->prompt, &ui->history[what]);
	ui->prompt_for = what;
}

static void app_prompt_key(struct ui *ui, uint32_t key)
{
	enum prompt_result r = prompt_key(&ui->prompt, key, &ui->lo);
	if (r == PROMPT_MORE)
		return;
	enum ui_prompt_for what = ui->prompt_for;
	/* The text is copied first: closing the prompt clears it. */
	char text[PROMPT_MAX];
	memcpy(text, ui->prompt.text, sizeof text);
	if (r == PROMPT_SUBMIT)
		prompt_remember(&ui->prompt);
	long want = prompt_number(&ui->prompt);
	prompt_close(&ui->prompt);
	ui->prompt_for = UI_PROMPT_NONE;
	if (r != PROMPT_SUBMIT)
		return;
	if (what == UI_PROMPT_YEAR && want >= 0 && want <= 99999 && ui->split) {
		app_split_year(ui, (int)want);
	} else if (what == UI_PROMPT_YEAR && want >= 0 && want <= 99999) {
		int got = timeline_goto_year(&ui->tl, (int)want);
		ui->focus = PANE_TIMELINE;
		if (got == 0) {
			ui->msg = N_("No events to go to.");
		} else if (got != want) {
			ui->msg = N_("No events in %d; showing %d, the nearest year.");
			ui->msg_a = (int)want;
			ui->msg_b = got;
		}
	} else if (what == UI_PROMPT_SEARCH) {
		results_submit(ui, text);
		if (ui->split && ui->results.query[0]) {
			/* Reading side by side: the first match on either side. */
			ui->results.open = false;
			ui->focus = PANE_READER;
			results_step_split(ui, 1);
		}
	} else if (what == UI_PROMPT_PIPE) {
		app_links_pipe(ui, text);
	} else if (what == UI_PROMPT_FILTER) {
		size_t n = list_set_query(&ui->list, ui->col, text);
		if (ui->list.query == NULL) {
			ui->msg = N_("Filter cleared.");
		} else {
			if (n == 0)
				ui->msg = N_("Filter: no article matches.");
			else
				snprintf(ui->msg_text, sizeof ui->msg_text,
					 P_("Filter: %zu article.", "Filter: %zu articles.", n), n);
		}
		/* The list shows what the filter left (results, if open, close). */
		ui->results.open = false;
	}
}

/* The scope a key is looked up in: where the focus is (keymap.h). */
static enum keymap_scope app_scope(const struct ui *ui)
{
	if (ui->help.open || ui->picker)
		return KEYMAP_ANY;
	if (ui->split)
		return KEYMAP_SPLIT;
	if (ui->focus == PANE_TIMELINE)
		return KEYMAP_TIMELINE;
	if (ui->focus == PANE_READER)
		return KEYMAP_READER;
	return KEYMAP_ANY;
}

/* The focused pane's share of an action: moving, opening. */
static void app_pane_act(struct ui *ui, enum action a, long count)
{
	size_t open = UI_NONE;
	switch (ui->focus) {
	case PANE_LIST:
		if (ui->results.open)
			results_act(ui, a, count);
		else if (list_act(&ui->list, a, count, &open) && open != UI_NONE) {
			/* In the list of marks, an article marked for an event opens at it. */
			size_t ev = ui->list.only == LIST_MARKED ? app_state_marked_event(ui, open)
								: UI_NONE;
			if (ev != UI_NONE)
				app_open_event(ui, ev);
			else
				app_open_article(ui, open);
			ui->focus = PANE_READER;
		}
		break;
	case PANE_TIMELINE:
		if (timeline_act(&ui->tl, a, count, &open) && open != UI_NONE) {
			app_walk_open(ui, open);
			ui->focus = PANE_READER;
		}
		break;
	case PANE_READER:
		if (a == ACT_PREV_EVENT || a == ACT_NEXT_EVENT)
			app_walk_step(ui, a == ACT_PREV_EVENT ? -1 : 1, count);
		else
			reader_act(&ui->reader, ui->col, &ui->lo, a, count);
		break;
	default:
		break;
	}
}

void app_act(struct ui *ui, enum action a, long count)
{
	/* The interface language works over the help too: the keys can be read
	 * in another language. Redrawing and suspending work over anything. */
	switch (a) {
	case ACT_INTERFACE_LANGUAGE:
		app_lang_cycle(ui);
		return;
	case ACT_REDRAW:
		ui->redraw = true;
		return;
	case ACT_SUSPEND:
		ui->suspend = true;
		return;
	default:
		break;
	}
	if (help_act(&ui->help, a, count))
		return;
	/* s on a happening of the timeline: two of its versions side by side. */
	if (a == ACT_SIDE_BY_SIDE && !ui->split && !ui->picker && ui->focus == PANE_TIMELINE &&
	    app_walk_split(ui, timeline_selected_event(&ui->tl))) {
		ui->focus = PANE_READER;
		return;
	}
	/* s, and while side-by-side reading or its chooser is open, their keys. */
	if (split_act(ui, a, count))
		return;
	switch (a) {
	case ACT_QUIT:
		/* Search results on screen close first (hidden ones do not hold q up). */
		if (ui->results.open && app_pane_shown(ui, PANE_LIST))
			ui->results.open = false;
		else
			ui->quit = true;
		return;
	case ACT_CLOSE:
		/* Esc closes what is open and never quits. */
		if (ui->results.open && app_pane_shown(ui, PANE_LIST))
			ui->results.open = false;
		return;
	case ACT_HELP:
		ui->help.open = true;
		ui->help.top = 0;
		return;
	case ACT_NEXT_PANE:
		ui->focus = (enum ui_pane)((ui->focus + 1) % PANE_COUNT);
		return;
	case ACT_PREV_PANE:
		ui->focus = (enum ui_pane)((ui->focus + PANE_COUNT - 1) % PANE_COUNT);
		return;
	case ACT_LANGUAGE_FILTER: {
		/* The list's filter and order, from any pane: the status line says
		 * what they did, since the list may not be on screen. */
		const char *tag = list_cycle_filter(&ui->list, ui->col);
		ui->msg = N_("Language filter: %s");
		ui->msg_s = tag ? ui_lang_name(tag) : _("all languages");
		return;
	}
	case ACT_SORT:
		ui->msg = N_("Sorted: %s");
		ui->msg_s = list_sort_name(list_cycle_sort(&ui->list, ui->col));
		return;
	case ACT_SEARCH:
		app_prompt_open(ui, UI_PROMPT_SEARCH, N_("Search:"), false);
		return;
	case ACT_FILTER:
		app_prompt_open(ui, UI_PROMPT_FILTER, N_("Filter (year, language or words):"), false);
		return;
	case ACT_NEXT_MATCH: case ACT_PREV_MATCH:
		for (long k = ui_count(count); k > 0; k--) {
			if (ui->split)
				results_step_split(ui, a == ACT_NEXT_MATCH ? 1 : -1);
			else
				results_step(ui, a == ACT_NEXT_MATCH ? 1 : -1);
		}
		return;
	case ACT_GO_TO_YEAR:
		app_prompt_open(ui, UI_PROMPT_YEAR, N_("Go to year:"), true);
		return;
	case ACT_MARK: case ACT_MARKS: case ACT_TOGGLE_READ: case ACT_UNREAD: case ACT_BACK:
		app_state_act(ui, a);
		return;
	case ACT_OPEN_URL: case ACT_EDIT: case ACT_PIPE: case ACT_COPY:
		app_links_act(ui, a);
		return;
	default:
		app_pane_act(ui, a, count);
		return;
	}
}

static void app_key(struct ui *ui, uint32_t key)
{
	ui->msg = NULL;
	ui->msg_s = NULL;
	ui->msg_text[0] = '\0';
	ui->msg_problems = 0;
	ui->msg_lang = false;
	if (ui->prompt.active) {
		app_prompt_key(ui, key);
		return;
	}
	/* A count before a key, as in less and vi: 5j, 3], 20G. */
	if ((key >= '1' && key <= '9') || (key == '0' && ui->count > 0)) {
		if (ui->count < 100000)
			ui->count = ui->count * 10 + (long)(key - '0');
		return;
	}
	long count = ui->count;
	ui->count = 0;
	enum action a = keymap_lookup(&ui->keys, key, app_scope(ui));
	ui->last_act = a;
	if (a != ACT_NONE)
		app_act(ui, a, count);
}

void app_handle(struct ui *ui, const struct term_event *ev)
{
	switch (ev->type) {
	case TERM_EV_RESIZE:
		if (ev->w > 0 && ev->h > 0)
			surface_resize(ui->surf, ev->w, ev->h);
		break;
	case TERM_EV_INTERRUPT:
		ui->quit = true;
		ui->interrupted = true;
		break;
	case TERM_EV_MOUSE:
		app_mouse(ui, ev);
		break;
	case TERM_EV_KEY:
		app_key(ui, ev->key);
		break;
	default:
		break;
	}
}

/* How often a pending task is looked at, in milliseconds. */
#define APP_PENDING_MS 50

bool app_loop(struct ui *ui, struct term *t)
{
	app_draw(ui);
	if (app_state_sync(ui))
		app_draw(ui);
	term_draw(t, ui->surf);
	for (;;) {
		struct term_event ev;
		/* While something is pending, a look at it every tick. */
		term_next(t, ui->pending ? APP_PENDING_MS : -1, &ev);
		if (ev.type == TERM_EV_END)
			return false;
		app_handle(ui, &ev);
		if (ui->quit)
			return true;
		if (ui->pending)
			ui->pending(ui, ui->pending_ctx);
		if (ui->quit)
			return true;
		if (ui->suspend) {
			ui->suspend = false;
			term_suspend(t);
			/* The terminal may have another size after it comes back. */
			int w, h;
			term_size(t, &w, &h);
			if (w > 0 && h > 0 && (w != ui->surf->w || h != ui->surf->h))
				surface_resize(ui->surf, w, h);
		}
		if (ui->run.kind != UI_RUN_NONE) {
			app_links_run(ui, t);
			int w, h;
			term_size(t, &w, &h);
			if (w > 0 && h > 0 && (w != ui->surf->w || h != ui->surf->h))
				surface_resize(ui->surf, w, h);
		}
		if (ui->redraw) {
			ui->redraw = false;
			term_redraw(t);
		}
		app_draw(ui);
		/* After the draw: whether an article's end is on screen is known now;
		 * what the store had to say (a write that failed) shows at once. */
		if (app_state_sync(ui))
			app_draw(ui);
		term_draw(t, ui->surf);
	}
}

/* What the browser needs of the application, made again when the collection
 * changes under it (app_sync_tick). */
struct app_setup {
	struct annals *app;
	struct layout_opts lo;
	struct search_source src;
	struct annals_sync *sync;       /* the index's sync, running; NULL when none */
	/* The first ingestion's progress line (app_sync_say). */
	double t0;                      /* when the count of files to read was first seen */
	size_t done0;                   /* how many were read then */
	char said[sizeof ((struct ui *)0)->msg_text];  /* the line last put up */
	bool empty;                     /* it ended with no article at all */
};

static double app_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* "indexing 41,200 / 100,000 files · 12 s left" on the status line while the
 * first ingestion runs, unless another message holds it. The time left is
 * measured from what this process saw read, once that took a second. */
static void app_sync_say(struct ui *ui, struct app_setup *su)
{
	if (ui->msg || ui->msg_problems || ui->msg_lang ||
	    (ui->msg_text[0] && strcmp(ui->msg_text, su->said) != 0))
		return;
	size_t done, total;
	bool deriving;
	annals_sync_progress(su->sync, &done, &total, &deriving);
	char *m = ui->msg_text;
	size_t cap = sizeof ui->msg_text;
	if (deriving) {
		snprintf(m, cap, "%s", _("indexing: finding the events…"));
	} else if (total == 0) {
		snprintf(m, cap, "%s", _("indexing: looking at the files…"));
	} else {
		double now = app_now();
		if (su->t0 == 0) {
			su->t0 = now;
			su->done0 = done;
		}
		enum uilang_id lang = app_lang_id(ui);
		char d[UINUM_MAX], t[UINUM_MAX];
		int n = snprintf(m, cap, P_("indexing %s / %s file", "indexing %s / %s files", total),
				 uinum_format(done, lang, d, sizeof d), uinum_format(total, lang, t, sizeof t));
		double took = now - su->t0;
		if (took >= 1.0 && done > su->done0 && done < total && n > 0 && (size_t)n < cap) {
			unsigned long left = (unsigned long)(took / (double)(done - su->done0) *
							     (double)(total - done) + 0.5);
			snprintf(m + n, cap - (size_t)n, P_(" · %s s left", " · %s s left", left),
				 uinum_format(left, lang, d, sizeof d));
		}
	}
	snprintf(su->said, sizeof su->said, "%s", m);
}

static void app_setup_ui(struct ui *ui, struct app_setup *su, int w, int h)
{
	struct annals *app = su->app;
	app_init(ui, &app->col, annals_events(app), &su->lo, w, h);
	/* A first ingestion: the list fills as it goes (app_fill.c). */
	ui->list.filling = app->indexing;
	ui->reading_lang = app->opt.reading_lang;
	ui->uilang = &app->ui;
	ui->align = annals_align(app);
	app_configure(ui, app);
	/* The index's search table: the first matches come at once. */
	if (annals_search_source(app, &su->src))
		ui->search_src = &su->src;
	app_state_open(ui, app);
}

/* The panes made again from the application's collection and events, as
 * they are now, with what the user was on (place, kept by app_fill_keep
 * before the collection changed; freed). The next draw sends only the cells
 * that changed: a full repaint would blank the screen for a moment (and
 * did, under libtickit, on a slow machine). */
static void app_setup_again(struct ui *ui, struct app_setup *su, struct app_fill_place *place)
{
	int w = ui->surf->w, h = ui->surf->h;
	app_state_close(ui);
	app_free(ui);
	app_setup_ui(ui, su, w, h);
	app_fill_restore(ui, place);
}

/* The sync that started with the browser: when it has ended and the files
 * changed, the panes are made again from the new collection. */
static void app_sync_tick(struct ui *ui, void *ctx)
{
	struct app_setup *su = ctx;
	if (!annals_sync_done(su->sync)) {
		if (su->app->indexing) {
			/* The articles written since the last tick join the list. */
			size_t from = su->app->col.n;
			if (annals_sync_take(su->app, su->sync) > 0)
				app_fill_grow(ui, from);
			app_sync_say(ui, su);
		} else if (annals_sync_early_ready(su->sync)) {
			/* The files changed: shown as they are while the events
			 * are derived again, with what the user was on. */
			struct app_fill_place place;
			app_fill_keep(ui, &place);
			annals_sync_take_early(su->app, su->sync);
			app_setup_again(ui, su, &place);
			ui->pending = app_sync_tick;    /* until it ends */
			ui->pending_ctx = su;
		}
		return;
	}
	/* The progress line goes with the sync. */
	if (su->said[0] && strcmp(ui->msg_text, su->said) == 0)
		ui->msg_text[0] = '\0';
	su->said[0] = '\0';
	struct annals_sync *sync = su->sync;
	su->sync = NULL;
	ui->pending = NULL;
	/* What the user was on (while the list filled, or before the files
	 * changed), found again in the whole collection. */
	struct app_fill_place place;
	app_fill_keep(ui, &place);
	if (!annals_sync_finish(su->app, sync)) {
		app_fill_place_free(&place);
		return;
	}
	app_setup_again(ui, su, &place);
	/* A first ingestion that found no article: as at any start without
	 * one, an error (app_run says it). */
	if (su->app->col.n == 0) {
		su->empty = true;
		ui->quit = true;
	}
}

int app_run(struct annals *app)
{
	/* Everything that can stop us is checked before the screen is touched.
	 * What loading said is printed after the full screen is gone (it would
	 * hide it), or at once when the browser cannot start. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "annals: %s\n",
			_("the browser needs a terminal on stdin and stdout; "
			  "for other uses try 'annals list' or 'annals --help'"));
		annals_print_warnings(app, stderr);
		return 1;
	}
	const char *codeset = nl_langinfo(CODESET);
	if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
		fprintf(stderr, "annals: ");
		fprintf(stderr, _("the browser needs a UTF-8 locale, and the character set "
				  "is %s; try LC_ALL=C.UTF-8"), codeset ? codeset : "?");
		fputc('\n', stderr);
		annals_print_warnings(app, stderr);
		return 1;
	}
	char err[256];
	struct term *t = term_open(app->opt.backend, err, sizeof err);
	if (t == NULL) {
		fprintf(stderr, "annals: %s\n", err);
		annals_print_warnings(app, stderr);
		return 1;
	}
	struct app_setup su = {
		.app = app, .lo = { .ambiguous_wide = app->opt.ambiguous_wide, .tab_width = 8 },
	};
	int w, h;
	term_size(t, &w, &h);
	struct ui ui;
	app_setup_ui(&ui, &su, w, h);
	/* The first screen shows the index as it was; the files are looked at
	 * now, while it is on screen. */
	su.sync = annals_sync_start(app);
	if (su.sync) {
		ui.pending = app_sync_tick;
		ui.pending_ctx = &su;
		if (app->indexing)
			app_sync_say(&ui, &su);
	}
	app_loop(&ui, t);
	/* Interrupted (Ctrl-C, SIGTERM or SIGHUP): 130, 128 + SIGINT, as a shell
	 * reports a program that Ctrl-C ended. */
	int status = ui.interrupted ? 130 : su.empty ? 1 : 0;
	app_state_close(&ui);
	app_free(&ui);
	term_close(t);
	/* A sync still running, on a first start or any other, stops at its
	 * next file or article: what it wrote and derived stays in the index,
	 * the rest is the next start's. It ends with the terminal given back. */
	if (su.sync)
		annals_sync_cancel(su.sync);
	if (su.sync)
		annals_sync_finish(app, su.sync);
	/* After the full screen is gone, where they can be read. */
	annals_print_warnings(app, stderr);
	if (su.empty)
		fprintf(stderr, "annals: %s\n", _("no article could be read"));
	return status;
}
