/* app_walk.c: moving through happenings (happenings.h) in the browser. The
 * timeline shows one row per happening, in the reading language; Enter opens
 * that version; s on a happening told in several texts opens two of them side
 * by side; [ and ] in the reader go to the previous or next happening in time,
 * staying in the language being read when the happening has a version in it,
 * and say where the reader is on the status line ("event 5 of 14 · October
 * 2013"); side by side, they move both sides to the previous or next happening
 * that either side reports. */
#include <config.h>
#include "ui.h"

#include <stdio.h>
#include <string.h>

#include "happenings.h"
#include "i18n.h"
#include "split.h"
#include "uidate.h"

static enum uilang_id app_walk_ui(const struct ui *ui)
{
	return ui->uilang ? ui->uilang->id : UILANG_EN;
}

const char *app_walk_reading_lang(const struct ui *ui)
{
	if (ui->reading_lang && ui->reading_lang[0])
		return ui->reading_lang;
	if (ui->events && ui->cur_event != UI_NONE && ui->cur_event < ui->events->n)
		return ui->events->v[ui->cur_event].lang;
	return happenings_ui_tag(uilang_code(app_walk_ui(ui)));
}

/* The language being read: the event the reader stands on, else the
 * paragraph at the top of the reader, else the reading language. */
static const char *app_walk_read_lang(const struct ui *ui)
{
	if (ui->events && ui->cur_event != UI_NONE && ui->cur_event < ui->events->n)
		return ui->events->v[ui->cur_event].lang;
	size_t a = ui->reader.article;
	if (a != UI_NONE && a < ui->col->n) {
		const struct article *art = &ui->col->items[a];
		collection_body(ui->col, art);
		size_t p = ui->reader.pos.para;
		if (p != UI_NONE && p < art->npara)
			return art->paras[p].lang;
		return art->lang;
	}
	return app_walk_reading_lang(ui);
}

/* "event 5 of 14 · October 2013" on the status line. */
static void app_walk_say(struct ui *ui, size_t k)
{
	const struct happenings *h = ui->happ;
	const struct event *e = &ui->events->v[ui->cur_event];
	char date[UIDATE_MAX];
	uidate_format(&e->date, app_walk_ui(ui), date, sizeof date);
	snprintf(ui->msg_text, sizeof ui->msg_text, _("event %zu of %zu · %s"), k + 1, h->n, date);
}

void app_walk_open(struct ui *ui, size_t event)
{
	if (!ui->happ || event >= ui->events->n) {
		app_open_event(ui, event);
		return;
	}
	size_t k = ui->happ->of_event[event];
	size_t to = happenings_version(ui->events, ui->happ, k, app_walk_reading_lang(ui));
	app_open_event(ui, to);
	snprintf(ui->walk_lang, sizeof ui->walk_lang, "%s", ui->events->v[to].lang);
}

/* The happening the reader stands on, or the first (dir > 0) or last one this
 * article reports, with *inside false (UI_NONE: none). */
static size_t app_walk_current(const struct ui *ui, int dir, bool *inside)
{
	const struct event_list *ev = ui->events;
	*inside = false;
	if (ui->cur_event != UI_NONE && ui->cur_event < ev->n) {
		*inside = true;
		return ui->happ->of_event[ui->cur_event];
	}
	size_t best = UI_NONE;
	for (size_t i = 0; i < ev->n; i++) {
		if (ev->v[i].article != ui->reader.article)
			continue;
		size_t k = ui->happ->of_event[i];
		if (best == UI_NONE || (dir > 0 ? k < best : k > best))
			best = k;
	}
	return best;
}

void app_walk_step(struct ui *ui, int dir, long count)
{
	const struct event_list *ev = ui->events;
	const struct happenings *h = ui->happ;
	if (ev == NULL || h == NULL || h->n == 0)
		return;
	bool inside;
	size_t k = app_walk_current(ui, dir, &inside);
	long steps = ui_count(count);
	if (k == UI_NONE) {
		k = dir > 0 ? 0 : h->n - 1;
		steps--;
	} else if (!inside) {
		steps--;
	}
	for (; steps > 0; steps--) {
		if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= h->n)) {
			ui->msg = dir > 0 ? N_("The last event.") : N_("The first event.");
			break;
		}
		k += (size_t)dir;
	}
	/* The language being read: kept over happenings told in other languages
	 * only, as long as the reader goes from event to event. */
	if (!inside || !ui->walk_lang[0])
		snprintf(ui->walk_lang, sizeof ui->walk_lang, "%s", app_walk_read_lang(ui));
	const char *lang = ui->walk_lang;
	/* the version in the language being read, else one in the reading language */
	size_t to = happenings_has_lang(ev, h, k, lang)
			    ? happenings_version(ev, h, k, lang)
			    : happenings_version(ev, h, k, app_walk_reading_lang(ui));
	const char *msg = ui->msg;
	char keep[LANG_TAG_MAX];
	memcpy(keep, ui->walk_lang, sizeof keep);
	app_open_event(ui, to);
	memcpy(ui->walk_lang, keep, sizeof keep);
	if (msg)
		ui->msg = msg;
	else
		app_walk_say(ui, k);
}

/* Two versions of happening k in two texts (article and language), the one
 * in the reading language first; false when it has one text only. */
static bool app_walk_two(const struct ui *ui, size_t k, size_t *first, size_t *second)
{
	const struct event_list *ev = ui->events;
	const struct happening *x = &ui->happ->v[k];
	*first = happenings_version(ev, ui->happ, k, app_walk_reading_lang(ui));
	*second = UI_NONE;
	const struct event *a = &ev->v[*first];
	for (int pass = 0; pass < 2 && *second == UI_NONE; pass++) {
		for (size_t m = 0; m < x->n; m++) {
			size_t i = ui->happ->members[x->first + m];
			const struct event *b = &ev->v[i];
			bool other_lang = happenings_lang_score(b->lang, a->lang) == 0;
			bool other_text = b->article != a->article || strcmp(b->lang, a->lang) != 0;
			/* another language first, then another article in the same one */
			if (other_text && (other_lang || pass == 1)) {
				*second = i;
				break;
			}
		}
	}
	return *second != UI_NONE;
}

bool app_walk_split(struct ui *ui, size_t event)
{
	if (!ui->happ || event == UI_NONE || event >= ui->events->n)
		return false;
	size_t k = ui->happ->of_event[event], a, b;
	if (!app_walk_two(ui, k, &a, &b))
		return false;
	const struct event *ea = &ui->events->v[a], *eb = &ui->events->v[b];
	if (!split_open(ui, ea->article, ea->lang, eb->article, eb->lang))
		return false;
	ui->cur_event = a;
	split_show(ui, ea->article, ea->para, ea->start, ea->len);
	app_walk_say(ui, k);
	return true;
}

/* Whether event e is on side s of the split view (article art, part lang). */
static bool app_walk_on_side(const struct event *e, size_t art, const char *lang)
{
	return e->article == art && (!lang[0] || happenings_lang_score(e->lang, lang) > 0);
}

void app_walk_split_step(struct ui *ui, int dir, long count, const size_t art[2],
			 const char lang[2][LANG_TAG_MAX], int focus)
{
	const struct event_list *ev = ui->events;
	const struct happenings *h = ui->happ;
	if (ev == NULL || h == NULL || h->n == 0)
		return;
	/* the happenings either side reports, in time */
	size_t k = ui->cur_event != UI_NONE && ui->cur_event < ev->n ? h->of_event[ui->cur_event]
								    : UI_NONE;
	for (long steps = ui_count(count); steps > 0; steps--) {
		size_t next = UI_NONE;
		for (size_t j = k == UI_NONE ? (dir > 0 ? 0 : h->n - 1) : k + (size_t)dir;
		     j < h->n && next == UI_NONE; j += (size_t)dir) {
			const struct happening *x = &h->v[j];
			for (size_t m = 0; m < x->n && next == UI_NONE; m++) {
				const struct event *e = &ev->v[h->members[x->first + m]];
				if (app_walk_on_side(e, art[0], lang[0]) ||
				    app_walk_on_side(e, art[1], lang[1]))
					next = j;
			}
			if (dir < 0 && j == 0)
				break;
		}
		if (next == UI_NONE) {
			ui->msg = dir > 0 ? N_("The last event.") : N_("The first event.");
			break;
		}
		k = next;
	}
	if (k == UI_NONE)
		return;
	/* its report on the focused side when it has one, else on the other */
	const struct happening *x = &h->v[k];
	size_t pick = UI_NONE;
	for (int pass = 0; pass < 2 && pick == UI_NONE; pass++) {
		int s = pass == 0 ? focus : !focus;
		for (size_t m = 0; m < x->n && pick == UI_NONE; m++) {
			size_t i = h->members[x->first + m];
			if (app_walk_on_side(&ev->v[i], art[s], lang[s]))
				pick = i;
		}
	}
	if (pick == UI_NONE)
		return;
	const char *msg = ui->msg;
	const struct event *e = &ev->v[pick];
	ui->cur_event = pick;
	timeline_select_event(&ui->tl, pick);
	split_show(ui, e->article, e->para, e->start, e->len);
	if (msg)
		ui->msg = msg;
	else
		app_walk_say(ui, k);
}
