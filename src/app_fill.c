/* app_fill.c: the browser during a first ingestion. The sync hands over the
 * articles it has written (annals_sync_take); at each tick the list takes
 * them in, in their place in its order, while keys keep working, and the
 * selected article stays selected on the same row. When the sync ends, the
 * whole collection (sorted, with its events) takes their place and the panes
 * are made again: what the user was on (the article selected, the one read
 * and where, the pane, the list's order and filter) is found again in it by
 * the articles' IDs, since their numbers change. */
#include <config.h>
#include "ui.h"

#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "split.h"
#include "state.h"
#include "xalloc.h"

void app_fill_grow(struct ui *ui, size_t from)
{
	if (ui->col->n <= from)
		return;
	/* Read and marked can be set on them at once. */
	if (ui->state)
		state_grow(ui->state);
	list_grow(&ui->list, ui->col, from);
	reader_grow(&ui->reader, ui->col->n);
	/* Something to read as soon as there is, as at app_init. */
	if (ui->reader.article == UI_NONE && list_selected(&ui->list) != UI_NONE)
		reader_open(&ui->reader, list_selected(&ui->list));
	/* A search made before these came knows only the articles there were:
	 * its matches stay, the next search looks at all of them. */
	if (ui->results.ix) {
		search_index_free(ui->results.ix);
		ui->results.ix = NULL;
		ui->results.partial = false;
	}
}

static char *app_fill_id(const struct ui *ui, size_t a)
{
	return a < ui->col->n ? xstrdup(ui->col->items[a].id) : NULL;
}

void app_fill_keep(const struct ui *ui, struct app_fill_place *p)
{
	memset(p, 0, sizeof *p);
	p->list_id = app_fill_id(ui, list_selected(&ui->list));
	p->row = ui->list.sel >= ui->list.top ? ui->list.sel - ui->list.top : 0;
	p->reader_id = app_fill_id(ui, ui->reader.article);
	p->pos = ui->reader.pos;
	p->focus = ui->focus;
	p->sort = ui->list.sort;
	if (ui->list.filter > 0 && ui->list.filter <= ui->list.nlangs)
		memcpy(p->filter, ui->list.langs[ui->list.filter - 1], sizeof p->filter);
	p->help = ui->help.open;
	p->help_top = ui->help.top;
	p->prompt = ui->prompt;
	p->prompt_for = ui->prompt_for;
	for (int k = 0; k < UI_PROMPT_KINDS; k++) {
		p->history[k].n = ui->history[k].n;
		for (size_t i = 0; i < ui->history[k].n; i++)
			p->history[k].v[i] = xstrdup(ui->history[k].v[i]);
	}
	if (ui->results.open && ui->results.query[0]) {
		memcpy(p->query, ui->results.query, sizeof p->query);
		p->results_sel = ui->results.sel;
	}
	p->count = ui->count;
	size_t pair[2];
	if (split_pair(ui, pair, p->split_lang) && split_place_get(ui, &p->split)) {
		p->split_id[0] = app_fill_id(ui, pair[0]);
		p->split_id[1] = app_fill_id(ui, pair[1]);
	}
	if (ui->picker) {
		const struct picker *pk = ui->picker;
		p->picker_id = app_fill_id(ui, pk->from);
		if (pk->sel < pk->n) {
			p->picked_id = app_fill_id(ui, pk->v[pk->sel].article);
			memcpy(p->picked_lang, pk->v[pk->sel].lang, sizeof p->picked_lang);
		}
	}
}

void app_fill_place_free(struct app_fill_place *p)
{
	free(p->list_id);
	free(p->reader_id);
	free(p->picker_id);
	free(p->picked_id);
	free(p->split_id[0]);
	free(p->split_id[1]);
	for (int k = 0; k < UI_PROMPT_KINDS; k++)
		prompt_history_free(&p->history[k]);
	memset(p, 0, sizeof *p);
}

void app_fill_restore(struct ui *ui, struct app_fill_place *p)
{
	struct list_view *lv = &ui->list;
	bool rebuild = p->sort != lv->sort;
	lv->sort = p->sort;
	for (size_t k = 0; p->filter[0] && k < lv->nlangs; k++) {
		if (strcmp(lv->langs[k], p->filter) == 0) {
			rebuild = rebuild || lv->filter != k + 1;
			lv->filter = k + 1;
		}
	}
	if (rebuild)
		list_rebuild(lv, ui->col);
	size_t a = p->list_id ? collection_index(ui->col, p->list_id) : UI_NONE;
	for (size_t i = 0; a != UI_NONE && i < lv->nrows; i++) {
		if (lv->rows[i] == a) {
			lv->sel = i;
			lv->top = i >= p->row ? i - p->row : 0;
			break;
		}
	}
	size_t r = p->reader_id ? collection_index(ui->col, p->reader_id) : UI_NONE;
	if (r != UI_NONE) {
		app_open_article(ui, r);
		ui->reader.pos = p->pos;
	}
	/* The search shown, run again on the whole collection. */
	if (p->query[0]) {
		results_submit(ui, p->query);
		if (ui->results.n)
			ui->results.sel = p->results_sel < ui->results.n ? p->results_sel
									 : ui->results.n - 1;
	}
	/* What was being typed goes on being typed, with the same history. */
	for (int k = 0; k < UI_PROMPT_KINDS; k++) {
		prompt_history_free(&ui->history[k]);
		ui->history[k] = p->history[k];
		memset(&p->history[k], 0, sizeof p->history[k]);
	}
	ui->prompt = p->prompt;
	if (ui->prompt.active && p->prompt_for != UI_PROMPT_NONE)
		ui->prompt.hist = &ui->history[p->prompt_for];
	ui->prompt_for = p->prompt_for;
	ui->count = p->count;
	ui->focus = p->focus;
	ui->help.open = p->help;
	ui->help.top = p->help_top;
	/* The split view stays open where it stood (the reading state may
	 * have opened it again already, at its start). */
	size_t s0 = p->split_id[0] ? collection_index(ui->col, p->split_id[0]) : UI_NONE;
	size_t s1 = p->split_id[1] ? collection_index(ui->col, p->split_id[1]) : UI_NONE;
	if (s0 != UI_NONE && s1 != UI_NONE) {
		size_t now[2];
		char lang[2][LANG_TAG_MAX];
		bool same = split_pair(ui, now, lang) && now[0] == s0 && now[1] == s1 &&
			    strcmp(lang[0], p->split_lang[0]) == 0 && strcmp(lang[1], p->split_lang[1]) == 0;
		if (!same) {
			if (ui->split)
				split_close(ui);
			same = split_open(ui, s0, p->split_lang[0], s1, p->split_lang[1]);
		}
		if (same)
			split_place_set(ui, &p->split);
	}
	/* The chooser of what to read beside an article stays open, on the
	 * same choice where it is still offered. */
	size_t from = p->picker_id ? collection_index(ui->col, p->picker_id) : UI_NONE;
	if (from != UI_NONE && !ui->split && !ui->picker) {
		struct picker *pk = picker_new(ui->col, ui->events, from);
		if (pk->n) {
			size_t picked = p->picked_id ? collection_index(ui->col, p->picked_id) : UI_NONE;
			for (size_t i = 0; i < pk->n; i++)
				if (pk->v[i].article == picked && strcmp(pk->v[i].lang, p->picked_lang) == 0)
					pk->sel = i;
			ui->picker = pk;
		} else {
			picker_free(pk);
		}
	}
	app_fill_place_free(p);
}
