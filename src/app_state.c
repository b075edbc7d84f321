/* app_state.c: the reading state in the browser (state.h keeps it): going back
 * to where the user was at start, saving the place after each draw, read and
 * unread, marks, and going back through the articles opened. */
#include <config.h>
#include "ui.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "annals.h"
#include "i18n.h"
#include "split.h"
#include "state.h"
#include "xalloc.h"

/* Selects article a in the list, when it is shown there. */
static void app_state_select(struct ui *ui, size_t a)
{
	for (size_t i = 0; i < ui->list.nrows; i++) {
		if (ui->list.rows[i] == a) {
			ui->list.sel = i;
			return;
		}
	}
}

/* Where the user was: the article, its paragraph, the pane, the pair. */
static void app_state_restore(struct ui *ui)
{
	const struct state *st = ui->state;
	const struct state_place *p = &st->place;
	if (!p->valid)
		return;
	if (p->article < ui->col->n) {
		app_open_article(ui, p->article);
		app_state_select(ui, p->article);
	}
	if (p->pane >= 0 && p->pane < PANE_COUNT)
		ui->focus = (enum ui_pane)p->pane;
	if (p->split_a < ui->col->n && p->split_b < ui->col->n)
		split_open(ui, p->split_a, p->split_lang_a, p->split_b, p->split_lang_b);
}

void app_state_open(struct ui *ui, struct annals *app)
{
	ui->state_article = ui->state_end_seen = UI_NONE;
	struct state *st = xcalloc(1, sizeof *st);
	char *path = NULL, *warning = NULL;
	if (!app->opt.no_state) {
		const char *bundled = annals_bundled_collection();
		const char *const *paths = app->opt.ncollections ? app->opt.collections : &bundled;
		path = state_path(paths, app->opt.ncollections ? app->opt.ncollections : 1, &warning);
	}
	state_open(st, ui->col, path, time(NULL));
	free(path);
	if (warning && st->warning == NULL)
		st->warning = warning;
	else
		free(warning);
	ui->state = st;
	ui->list.st = st;
	/* Each article opens where it was left (--fresh: at its top). */
	for (size_t a = 0; !app->opt.fresh && a < st->n && a < ui->reader.nmemory; a++)
		if (st->a[a].has_pos)
			ui->reader.memory[a] = (struct reader_pos){ st->a[a].para, st->a[a].off };
	/* The article app_init opened already was opened at its top. */
	if (ui->reader.article < ui->reader.nmemory)
		ui->reader.pos = ui->reader.memory[ui->reader.article];
	if (!app->opt.fresh)
		app_state_restore(ui);
	/* The first sync puts the article open now in the history. */
	ui->state_article = UI_NONE;
	app_state_status(ui);
}

void app_state_close(struct ui *ui)
{
	if (ui->state == NULL)
		return;
	app_state_sync(ui);
	state_close(ui->state);
	free(ui->state);
	ui->state = NULL;
	ui->list.st = NULL;
}

bool app_state_status(struct ui *ui)
{
	struct state *st = ui->state;
	/* Over what the key said ("Marked: ..."): it was not kept after all. */
	if (st == NULL || st->warning == NULL || ui->msg_problems)
		return false;
	snprintf(ui->msg_buf, sizeof ui->msg_buf, "%s", st->warning);
	ui->msg = N_("Reading state: %s");
	ui->msg_s = ui->msg_buf;
	/* Said once; a new problem (a write failing later) is said again. */
	free(st->warning);
	st->warning = NULL;
	return true;
}

bool app_state_sync(struct ui *ui)
{
	struct state *st = ui->state;
	if (st == NULL)
		return false;
	struct reader_view *rv = &ui->reader;
	size_t a = rv->article;
	if (a != ui->state_article) {
		if (a != UI_NONE && !ui->state_back)
			state_history_push(st, a);
		ui->state_back = false;
		ui->state_article = a;
		ui->state_end_seen = UI_NONE;
	}
	if (a != UI_NONE && a < st->n) {
		state_set_position(st, a, rv->pos.para, rv->pos.off);
		/* Read once its end has been on screen (in the reader, drawn). */
		size_t para, npara;
		int pct;
		if (ui->focus == PANE_READER || ui->wide) {
			reader_progress(rv, ui->col, &ui->lo, &para, &npara, &pct);
			if (pct == 100 && ui->state_end_seen != a && ui->rects[PANE_READER].w > 0) {
				ui->state_end_seen = a;
				if (!st->a[a].read)
					state_set_read(st, a, true);
			}
		}
	}
	struct state_place p = { .valid = true, .pane = (int)ui->focus, .article = a,
				 .para = rv->pos.para, .off = rv->pos.off,
				 .split_a = STATE_NONE, .split_b = STATE_NONE };
	size_t art[2];
	char lang[2][LANG_TAG_MAX];
	if (split_pair(ui, art, lang)) {
		p.split_a = art[0];
		p.split_b = art[1];
		memcpy(p.split_lang_a, lang[0], LANG_TAG_MAX);
		memcpy(p.split_lang_b, lang[1], LANG_TAG_MAX);
	} else if (ui->last_act == ACT_QUIT && st->place.valid) {
		/* q closes the split view before it quits: "q q" leaves annals
		 * reading side by side, and that is where the next start goes. */
		p.split_a = st->place.split_a;
		p.split_b = st->place.split_b;
		memcpy(p.split_lang_a, st->place.split_lang_a, LANG_TAG_MAX);
		memcpy(p.split_lang_b, st->place.split_lang_b, LANG_TAG_MAX);
	}
	state_save_place(st, &p);
	return app_state_status(ui);
}

/* The article an action on "the selected article" means: the reader's when
 * it has the focus (or stands beside the list), else the list's selection. */
static size_t app_state_target(const struct ui *ui)
{
	if (ui->focus == PANE_LIST && !ui->results.open)
		return list_selected(&ui->list);
	return ui->reader.article != UI_NONE ? ui->reader.article : list_selected(&ui->list);
}

/* m: the event under the cursor (timeline, or the reader standing on one), else the article. */
static void app_state_mark(struct ui *ui)
{
	struct state *st = ui->state;
	size_t ev = UI_NONE;
	if (ui->focus == PANE_TIMELINE)
		ev = timeline_selected_event(&ui->tl);
	else if (ui->focus == PANE_READER)
		ev = ui->cur_event;
	if (ev != UI_NONE && ui->events && ev < ui->events->n) {
		const struct event *e = &ui->events->v[ev];
		bool on = state_toggle_event_mark(st, e->article, e->para, e->start);
		ui->msg = on ? N_("Event marked: %s") : N_("Event unmarked: %s");
		const char *text = events_text(ui->events, e);
		snprintf(ui->msg_buf, sizeof ui->msg_buf, "%s", text ? text : "");
		ui->msg_s = ui->msg_buf;
		return;
	}
	size_t a = app_state_target(ui);
	if (a == UI_NONE)
		return;
	bool on = !st->a[a].marked;
	state_set_marked(st, a, on);
	ui->msg = on ? N_("Marked: %s") : N_("Unmarked: %s");
	const struct article *art = &ui->col->items[a];
	snprintf(ui->msg_buf, sizeof ui->msg_buf, "%s", art->title && art->title[0] ? art->title : art->id);
	ui->msg_s = ui->msg_buf;
	if (ui->list.only == LIST_MARKED)
		list_rebuild(&ui->list, ui->col);
}

/* ' and u: the list shows only the marked (or unread) articles, or all again. */
static void app_state_only(struct ui *ui, enum list_only only)
{
	struct list_view *lv = &ui->list;
	lv->only = lv->only == only ? LIST_ALL : only;
	list_rebuild(lv, ui->col);
	ui->focus = PANE_LIST;
	ui->results.open = false;
	if (lv->only == LIST_ALL)
		ui->msg = N_("All articles.");
	else if (lv->nrows == 0)
		ui->msg = only == LIST_MARKED ? N_("No marks yet: m marks an article or an event.")
					      : N_("Nothing unread.");
	else
		ui->msg = only == LIST_MARKED ? N_("Marked articles and events; Enter opens one, ' again lists all.")
					      : N_("Unread articles; u again lists all.");
}

bool app_state_act(struct ui *ui, enum action a)
{
	struct state *st = ui->state;
	if (st == NULL)
		return false;
	switch (a) {
	case ACT_MARK:
		app_state_mark(ui);
		return true;
	case ACT_MARKS:
		app_state_only(ui, LIST_MARKED);
		return true;
	case ACT_UNREAD:
		app_state_only(ui, LIST_UNREAD);
		return true;
	case ACT_TOGGLE_READ: {
		size_t art = app_state_target(ui);
		if (art == UI_NONE)
			return true;
		bool read = !st->a[art].read;
		state_set_read(st, art, read);
		/* Marked unread at its end: it stays unread until read again. */
		ui->state_end_seen = art;
		ui->msg = read ? N_("Marked as read: %s") : N_("Marked as unread: %s");
		const struct article *ar = &ui->col->items[art];
		snprintf(ui->msg_buf, sizeof ui->msg_buf, "%s", ar->title && ar->title[0] ? ar->title : ar->id);
		ui->msg_s = ui->msg_buf;
		if (ui->list.only == LIST_UNREAD)
			list_rebuild(&ui->list, ui->col);
		return true;
	}
	case ACT_BACK: {
		size_t prev = state_history_back(st);
		if (prev == STATE_NONE || prev >= ui->col->n) {
			ui->msg = N_("No article to go back to.");
			return true;
		}
		ui->state_back = true;
		app_open_article(ui, prev);
		app_state_select(ui, prev);
		ui->focus = PANE_READER;
		return true;
	}
	default:
		return false;
	}
}

/* The first marked event of article a, or UI_NONE (for Enter in the marks list). */
size_t app_state_marked_event(const struct ui *ui, size_t a)
{
	const struct state *st = ui->state;
	if (st == NULL || ui->events == NULL || (a < st->n && st->a[a].marked))
		return UI_NONE;
	for (size_t i = 0; i < st->nmarks; i++) {
		const struct state_mark *m = &st->marks[i];
		if (!m->event || m->article != a)
			continue;
		for (size_t e = 0; e < ui->events->n; e++) {
			const struct event *ev = &ui->events->v[e];
			if (ev->article == a && ev->para == m->para && ev->start == m->start)
				return e;
		}
	}
	return UI_NONE;
}
