/* picker.c: the chooser of what to read beside the open article. The open
 * article's other language parts come first (a bilingual article is the most
 * likely pair), then the other articles: those in a language the open one is
 * not in and those that report the same happenings (event groups) before the
 * rest, each group in collection order. */
#include <config.h>
#include "split.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "layout.h"
#include "ui.h"

static bool picker_has_lang(const struct article *a, const char *lang)
{
	for (size_t i = 0; i < a->nlangs; i++)
		if (strcmp(a->langs[i], lang) == 0)
			return true;
	return false;
}

/* Whether article b reports a happening (event group) that article a reports. */
static bool picker_shares_events(const struct event_list *ev, size_t a, size_t b)
{
	if (ev == NULL)
		return false;
	for (size_t i = 0; i < ev->n; i++) {
		if (ev->v[i].article != a)
			continue;
		for (size_t j = 0; j < ev->n; j++)
			if (ev->v[j].article == b && ev->v[j].group == ev->v[i].group)
				return true;
	}
	return false;
}

static int picker_rank(const struct picker_item *it)
{
	if (it->same)
		return 3;
	return (it->other_lang ? 1 : 0) + (it->shares_events ? 1 : 0);
}

struct picker *picker_new(const struct collection *col, const struct event_list *ev,
			  size_t from)
{
	struct picker *p = xcalloc(1, sizeof *p);
	p->from = from;
	if (from >= col->n)
		return p;
	const struct article *cur = &col->items[from];
	p->v = xcalloc(cur->nlangs + col->n + 1, sizeof *p->v);
	/* The parts other than the one the left side shows (the main language). */
	for (size_t i = 0; cur->nlangs > 1 && i < cur->nlangs; i++) {
		if (strcmp(cur->langs[i], cur->lang) == 0)
			continue;
		struct picker_item *it = &p->v[p->n++];
		it->article = from;
		it->same = true;
		it->other_lang = true;
		snprintf(it->lang, sizeof it->lang, "%s", cur->langs[i]);
	}
	size_t first_other = p->n;
	for (size_t a = 0; a < col->n; a++) {
		if (a == from)
			continue;
		struct picker_item *it = &p->v[p->n++];
		it->article = a;
		it->other_lang = !picker_has_lang(cur, col->items[a].lang);
		it->shares_events = picker_shares_events(ev, from, a);
	}
	/* A stable insertion sort by rank: collections are small enough, and
	 * collection order is kept within a rank. */
	for (size_t i = first_other + 1; i < p->n; i++) {
		struct picker_item x = p->v[i];
		size_t j = i;
		while (j > first_other && picker_rank(&p->v[j - 1]) < picker_rank(&x)) {
			p->v[j] = p->v[j - 1];
			j--;
		}
		p->v[j] = x;
	}
	return p;
}

void picker_free(struct picker *p)
{
	if (p == NULL)
		return;
	free(p->v);
	free(p);
}

enum picker_result picker_act(struct picker *p, enum action a, long count)
{
	long delta;
	if (ui_motion(a, count, p->height, &delta)) {
		size_t d = (size_t)(delta < 0 ? -delta : delta);
		if (delta < 0)
			p->sel = p->sel > d ? p->sel - d : 0;
		else
			p->sel = p->sel + d < p->n ? p->sel + d : (p->n ? p->n - 1 : 0);
		return PICKER_MORE;
	}
	switch (a) {
	case ACT_QUIT: case ACT_CLOSE:
		return PICKER_CANCEL;
	case ACT_OPEN:
		return p->n ? PICKER_CHOSEN : PICKER_CANCEL;
	case ACT_TOP:
		p->sel = 0;
		break;
	case ACT_BOTTOM:
		p->sel = p->n ? p->n - 1 : 0;
		if (count > 0 && (size_t)count - 1 < p->n)
			p->sel = (size_t)count - 1;
		break;
	default:
		break;
	}
	return PICKER_MORE;
}

/* One choice as a line: a language badge, then what it is. */
static char *picker_label(const struct picker_item *it, const struct collection *col)
{
	const struct article *a = &col->items[it->article];
	char bbuf[LANG_TAG_MAX];
	const char *badge = ui_lang_badge(it->same ? it->lang : a->lang, bbuf);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%-2s  ", badge);
	if (it->same) {
		/* Named, not badged: "the Chinese (traditional) part". */
		buf_printf(&b, _("this article, %s part"), ui_lang_name(it->lang));
	} else {
		buf_adds(&b, a->title && a->title[0] ? a->title : a->id);
		if (it->shares_events) {
			buf_adds(&b, " · ");
			buf_adds(&b, _("shares events"));
		}
	}
	return buf_take(&b);
}

void picker_draw(struct picker *p, const struct collection *col, struct surface *s,
		 struct rect r)
{
	int w = r.w - 4 < 78 ? r.w - 4 : 78;
	int h = (int)p->n + 2 < r.h - 2 ? (int)p->n + 2 : r.h - 2;
	if (w < 8 || h < 4) {
		w = r.w;
		h = r.h;
	}
	struct rect box = { r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h };
	struct rect body = ui_popup(s, box, _("Read beside it (Enter; q cancels)"));
	struct style dim = { ATTR_DIM, COLOR_NONE, COLOR_NONE };
	struct rect list = { body.x + 1, body.y, body.w - 2, body.h };
	p->height = list.h;
	if (list.h <= 0 || list.w <= 0)
		return;
	ui_scroll_to(&p->top, p->sel, p->n, list.h);
	if (p->n == 0) {
		surface_prints(s, list, list.x, list.y, _("Nothing else to read."), dim);
		return;
	}
	for (int row = 0; row < list.h && p->top + (size_t)row < p->n; row++) {
		size_t i = p->top + (size_t)row;
		char *label = picker_label(&p->v[i], col);
		char *t = layout_truncate(label, list.w, true, &s->lo);
		struct style st = i == p->sel ? (struct style){ ATTR_REVERSE, COLOR_NONE, COLOR_NONE }
					     : STYLE_PLAIN;
		surface_prints(s, list, list.x, list.y + row, t, st);
		free(t);
		free(label);
	}
}
