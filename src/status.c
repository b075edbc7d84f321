/* status.c: the bottom line, about the focused pane: what is selected or read
 * there and where it stands (the list's "3/5", the reader's "¶ 3/12 · 40%"),
 * then key hints; a prompt or a one-off message takes it over. */
#include <config.h>
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "search.h"
#include "split.h"
#include "xalloc.h"

/* The key hints after what b holds, as many as fit in width columns, the
 * least needed last; French and Chinese hints are longer or wider than the
 * English ones, so which fit is measured, never assumed. */
static void status_add_hints(struct buf *b, int width, const struct layout_opts *lo)
{
	static const char *const hints[] = { N_("q quit"), N_("? help"), N_("Tab pane") };
	/* A third of the line stays for the article's title. */
	int limit = width - width / 3;
	int used = layout_strwidth(b->data ? b->data : "", lo);
	for (size_t i = 0; i < sizeof hints / sizeof *hints; i++) {
		const char *h = _(hints[i]);
		int w = (i ? 2 : 0) + layout_strwidth(h, lo);
		/* The first hint always goes in (cut with … when it must). */
		if (i > 0 && used + w + 1 > limit)
			break;
		buf_adds(b, i ? "  " : "");
		buf_adds(b, h);
		used += w;
	}
	buf_addc(b, ' ');
}

void status_draw(struct ui *ui, struct surface *s, struct rect r)
{
	if (r.w <= 0 || r.h <= 0)
		return;
	if (ui->prompt.active) {
		prompt_draw(&ui->prompt, s, r);
		return;
	}
	struct style st = { ATTR_REVERSE, COLOR_NONE, COLOR_NONE };
	surface_fill(s, r, st);
	struct buf right;
	buf_init(&right);
	if (ui->msg || ui->msg_text[0] || (ui->msg_lang && ui->uilang) || ui->msg_problems) {
		/* A message replaces the title: it answers what was just asked. */
		struct buf m;
		buf_init(&m);
		if (ui->msg_problems)
			/* What loading said goes to stderr, which the full screen hides. */
			buf_printf(&m, P_("%zu problem while loading the collection: "
					  "listed when annals quits.",
					  "%zu problems while loading the collection: "
					  "listed when annals quits.", ui->msg_problems),
				   ui->msg_problems);
		else if (ui->msg_text[0])
			buf_adds(&m, ui->msg_text);
		else if (ui->msg && ui->msg_s)
			buf_printf(&m, _(ui->msg), ui->msg_s);
		else if (ui->msg)
			buf_printf(&m, _(ui->msg), ui->msg_a, ui->msg_b);
		else
			/* The L key: the language's own name, in the new language's words. */
			buf_printf(&m, _("Interface language: %s"), uilang_name(ui->uilang->id));
		char *t = layout_truncate(m.data, r.w - 1, false, &s->lo);
		surface_prints(s, r, r.x + 1, r.y, t, (struct style){ ATTR_REVERSE | ATTR_BOLD,
								      COLOR_NONE, COLOR_NONE });
		free(t);
		buf_free(&m);
		return;
	}
	/* The status line speaks of the focused pane: what is selected or read
	 * there on the left, where it stands on the right. */
	const char *subject = NULL;
	size_t art = UI_NONE;
	if (ui->split) {
		split_status(ui, &right);
		art = ui->reader.article;
	} else if (ui->focus == PANE_READER && ui->reader.article != UI_NONE) {
		size_t para, npara;
		int pct;
		reader_progress(&ui->reader, ui->col, &ui->lo, &para, &npara, &pct);
		/* "¶ 12/40 · 34%": the paragraph at the top, and how much was seen. */
		buf_printf(&right, "¶ %zu/%zu", para, npara);
		if (pct >= 0)
			buf_printf(&right, " · %d%%", pct);
		buf_adds(&right, "   ");
		art = ui->reader.article;
	} else if (ui->focus == PANE_LIST && ui->results.open) {
		if (ui->results.n)
			buf_printf(&right, "%zu/%zu   ", ui->results.sel + 1, ui->results.n);
		if (ui->results.sel < ui->results.n)
			art = ui->results.m[ui->results.sel].article;
	} else if (ui->focus == PANE_LIST) {
		if (ui->list.nrows)
			buf_printf(&right, "%zu/%zu   ", ui->list.sel + 1, ui->list.nrows);
		art = list_selected(&ui->list);
	} else if (ui->focus == PANE_TIMELINE) {
		size_t e = timeline_selected_event(&ui->tl);
		if (ui->events && e < ui->events->n) {
			subject = events_text(ui->events, &ui->events->v[e]);
			art = ui->events->v[e].article;
		}
	}
	/* A count being typed (5j), shown as less and vi show it. */
	if (ui->count > 0) {
		struct buf c;
		buf_init(&c);
		buf_printf(&c, "%ld  %s", ui->count, right.data ? right.data : "");
		buf_free(&right);
		right = c;
	}
	status_add_hints(&right, r.w, &s->lo);
	int rw = layout_strwidth(right.data, &s->lo);
	if (rw > r.w) {
		char *t = layout_truncate(right.data, r.w, false, &s->lo);
		surface_prints(s, r, r.x, r.y, t, st);
		free(t);
		buf_free(&right);
		return;
	}
	surface_prints(s, r, r.x + r.w - rw, r.y, right.data, st);
	buf_free(&right);
	int avail = r.w - rw - 2;
	if (subject == NULL && art < ui->col->n) {
		const struct article *a = &ui->col->items[art];
		subject = a->title && a->title[0] ? a->title : a->id;
	}
	if (subject && avail > 0) {
		char *t = layout_truncate(subject, avail, false, &s->lo);
		surface_prints(s, r, r.x + 1, r.y, t, (struct style){ ATTR_REVERSE | ATTR_BOLD,
								      COLOR_NONE, COLOR_NONE });
		free(t);
	}
}
