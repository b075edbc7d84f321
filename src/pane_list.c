/* pane_list.c: the document list: date, language badges and title of each
 * article, sorted by date (or title, or language), filtered by language. */
#include <config.h>
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "i18n.h"
#include "state.h"
#include "xalloc.h"

static bool list_has_lang(const struct article *a, const char *lang)
{
	for (size_t i = 0; i < a->nlangs; i++)
		if (strcmp(a->langs[i], lang) == 0)
			return true;
	return strcmp(a->lang, lang) == 0;
}

static int list_cmp_lang(const void *x, const void *y)
{
	return strcmp(*(const char (*)[LANG_TAG_MAX])x, *(const char (*)[LANG_TAG_MAX])y);
}

/* Adds the languages of articles [from, col->n) that lv does not list yet,
 * sorted. */
static void list_add_langs(struct list_view *lv, const struct collection *col, size_t from)
{
	size_t cap = lv->nlangs, before = lv->nlangs;
	for (size_t i = from; i < col->n; i++) {
		const struct article *a = &col->items[i];
		for (size_t j = 0; j <= a->nlangs; j++) {
			const char *tag = j < a->nlangs ? a->langs[j] : a->lang;
			if (tag[0] == '\0')
				continue;
			bool seen = false;
			for (size_t k = 0; k < lv->nlangs && !seen; k++)
				seen = strcmp(lv->langs[k], tag) == 0;
			if (seen)
				continue;
			xgrow((void **)&lv->langs, &cap, lv->nlangs + 1, sizeof *lv->langs);
			snprintf(lv->langs[lv->nlangs++], LANG_TAG_MAX, "%s", tag);
		}
	}
	if (lv->nlangs > before)
		qsort(lv->langs, lv->nlangs, sizeof *lv->langs, list_cmp_lang);
}

void list_init(struct list_view *lv, const struct collection *col)
{
	memset(lv, 0, sizeof *lv);
	list_add_langs(lv, col, 0);
	list_rebuild(lv, col);
}

void list_grow(struct list_view *lv, const struct collection *col, size_t from)
{
	/* The filter names a language, not a place in the list of them. */
	char filter[LANG_TAG_MAX] = "";
	if (lv->filter > 0 && lv->filter <= lv->nlangs)
		memcpy(filter, lv->langs[lv->filter - 1], sizeof filter);
	list_add_langs(lv, col, from);
	for (size_t k = 0; filter[0] && k < lv->nlangs; k++)
		if (strcmp(lv->langs[k], filter) == 0)
			lv->filter = k + 1;
	bool had = lv->nrows > 0;
	size_t off = lv->sel >= lv->top ? lv->sel - lv->top : 0;
	list_rebuild(lv, col);
	lv->filling = true;
	/* The selected article stays selected, on the same screen row. */
	if (had)
		lv->top = lv->sel >= off ? lv->sel - off : 0;
}

void list_free(struct list_view *lv)
{
	free(lv->query);
	free(lv->query_folded);
	free(lv->rows);
	free(lv->langs);
	memset(lv, 0, sizeof *lv);
}

/* Sorting needs the collection; qsort gives no context, so rows are sorted as
 * (article pointer, index) pairs. */
struct list_item {
	const struct article *a;
	size_t i;
};

static int list_cmp_date(const void *x, const void *y)
{
	const struct list_item *p = x, *q = y;
	int c = adate_compare(&p->a->date, &q->a->date);
	return c ? c : (p->i > q->i) - (p->i < q->i);
}

/* Newest first; undated articles stay at the end. */
static int list_cmp_date_desc(const void *x, const void *y)
{
	const struct list_item *p = x, *q = y;
	bool pu = p->a->date.year == 0, qu = q->a->date.year == 0;
	if (pu != qu)
		return pu - qu;
	int c = adate_compare(&q->a->date, &p->a->date);
	return c ? c : (p->i > q->i) - (p->i < q->i);
}

static int list_cmp_title(const void *x, const void *y)
{
	const struct list_item *p = x, *q = y;
	int c = strcmp(p->a->title ? p->a->title : "", q->a->title ? q->a->title : "");
	return c ? c : list_cmp_date(x, y);
}

static int list_cmp_language(const void *x, const void *y)
{
	const struct list_item *p = x, *q = y;
	int c = strcmp(p->a->lang, q->a->lang);
	return c ? c : list_cmp_date(x, y);
}

/* Whether article a answers the f query. */
static bool list_query_match(const struct list_view *lv, const struct article *a,
			     struct fold *f, struct fold_out *o)
{
	if (lv->query == NULL || lv->query[0] == '\0')
		return true;
	if (lv->query_year)
		return a->date.year == lv->query_year;
	if (lv->query_lang[0])
		return list_has_lang(a, lv->query_lang);
	if (lv->query_folded == NULL || lv->query_folded[0] == '\0')
		return true;
	char *hay = xasprintf("%s\n%s\n%s", a->title ? a->title : "", a->source ? a->source : "",
			      a->id);
	fold_text(f, hay, strlen(hay), o, false);
	free(hay);
	/* Every word of the query, anywhere in title, source or ID. */
	bool all = true;
	const char *w = lv->query_folded;
	while (all && *w) {
		const char *e = strchr(w, ' ');
		size_t len = e ? (size_t)(e - w) : strlen(w);
		char *word = xstrndup(w, len);
		all = strstr(o->text, word) != NULL;
		free(word);
		w += len;
		while (*w == ' ')
			w++;
	}
	return all;
}

void list_rebuild(struct list_view *lv, const struct collection *col)
{
	size_t keep = lv->nrows ? lv->rows[lv->sel] : UI_NONE;
	struct list_item *items = xcalloc(col->n ? col->n : 1, sizeof *items);
	size_t n = 0;
	struct fold *f = lv->query_folded ? fold_new() : NULL;
	struct fold_out o;
	fold_out_init(&o);
	for (size_t i = 0; i < col->n; i++) {
		const struct article *a = &col->items[i];
		if (lv->filter > 0 && lv->filter <= lv->nlangs &&
		    !list_has_lang(a, lv->langs[lv->filter - 1]))
			continue;
		if (lv->st && lv->only == LIST_UNREAD && i < lv->st->n && lv->st->a[i].read)
			continue;
		if (lv->st && lv->only == LIST_MARKED && !state_any_mark(lv->st, i))
			continue;
		if (!list_query_match(lv, a, f, &o))
			continue;
		items[n++] = (struct list_item){ a, i };
	}
	static int (*const cmp[LIST_SORT_COUNT])(const void *, const void *) = {
		list_cmp_date, list_cmp_date_desc, list_cmp_title, list_cmp_language,
	};
	fold_out_free(&o);
	if (f)
		fold_free(f);
	if (n)
		qsort(items, n, sizeof *items, cmp[lv->sort]);
	free(lv->rows);
	lv->rows = xcalloc(n ? n : 1, sizeof *lv->rows);
	lv->nrows = n;
	lv->sel = lv->top = 0;
	for (size_t i = 0; i < n; i++) {
		lv->rows[i] = items[i].i;
		if (items[i].i == keep)
			lv->sel = i;
	}
	free(items);
}

/* The query as a year: digits (ASCII or full-width) only, 1 to 9999. */
static int list_query_year(const char *q)
{
	int v = 0, nd = 0;
	const unsigned char *p = (const unsigned char *)q;
	while (*p) {
		int d;
		if (*p >= '0' && *p <= '9') {
			d = *p - '0';
			p++;
		} else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
			d = p[2] - 0x90;        /* U+FF10..U+FF19 */
			p += 3;
		} else {
			return 0;
		}
		if (++nd > 4)
			return 0;
		v = v * 10 + d;
	}
	return v;
}

size_t list_set_query(struct list_view *lv, const struct collection *col, const char *query)
{
	free(lv->query);
	free(lv->query_folded);
	lv->query = lv->query_folded = NULL;
	lv->query_year = 0;
	lv->query_lang[0] = '\0';
	while (query && *query == ' ')
		query++;
	if (query && query[0]) {
		lv->query = xstrdup(query);
		lv->query_year = list_query_year(query);
		/* A language: its tag (fr, zh-Hans) or its name in the interface
		 * language (French, 法语) or in English. */
		for (size_t i = 0; i < lv->nlangs && !lv->query_year && !lv->query_lang[0]; i++) {
			const char *tag = lv->langs[i];
			if (strcasecmp(query, tag) == 0 || strcasecmp(query, ui_lang_name(tag)) == 0 ||
			    strcasecmp(query, ui_lang_name_en(tag)) == 0)
				snprintf(lv->query_lang, sizeof lv->query_lang, "%s", tag);
		}
		if (!lv->query_year && !lv->query_lang[0]) {
			struct fold *f = fold_new();
			struct fold_out o;
			fold_out_init(&o);
			fold_text(f, query, strlen(query), &o, false);
			lv->query_folded = xstrdup(o.text);
			fold_out_free(&o);
			fold_free(f);
		}
	}
	list_rebuild(lv, col);
	return lv->nrows;
}

size_t list_selected(const struct list_view *lv)
{
	return lv->nrows ? lv->rows[lv->sel] : UI_NONE;
}

static void list_move(struct list_view *lv, long delta)
{
	if (lv->nrows == 0)
		return;
	if (delta < 0)
		lv->sel = (size_t)-delta > lv->sel ? 0 : lv->sel - (size_t)-delta;
	else
		lv->sel = lv->sel + (size_t)delta >= lv->nrows ? lv->nrows - 1 : lv->sel + (size_t)delta;
}

bool list_act(struct list_view *lv, enum action a, long count, size_t *open)
{
	long delta;
	if (ui_motion(a, count, lv->height, &delta)) {
		list_move(lv, delta);
		return true;
	}
	switch (a) {
	case ACT_TOP:
		lv->sel = 0;
		return true;
	case ACT_BOTTOM:
		/* 20G: the 20th row. */
		if (count > 0)
			lv->sel = 0, list_move(lv, count - 1);
		else
			lv->sel = lv->nrows ? lv->nrows - 1 : 0;
		return true;
	case ACT_OPEN:
		*open = list_selected(lv);
		return true;
	default:
		return false;
	}
}

enum list_sort list_cycle_sort(struct list_view *lv, const struct collection *col)
{
	lv->sort = (lv->sort + 1) % LIST_SORT_COUNT;
	list_rebuild(lv, col);
	return lv->sort;
}

const char *list_cycle_filter(struct list_view *lv, const struct collection *col)
{
	lv->filter = (lv->filter + 1) % (lv->nlangs + 1);
	list_rebuild(lv, col);
	return lv->filter > 0 && lv->filter <= lv->nlangs ? lv->langs[lv->filter - 1] : NULL;
}

void list_click(struct list_view *lv, struct rect r, int y)
{
	size_t row = lv->top + (size_t)(y - r.y - 1);
	if (y > r.y && row < lv->nrows)
		lv->sel = row;
}

void list_wheel(struct list_view *lv, int delta)
{
	list_move(lv, delta);
}

const char *list_sort_name(enum list_sort s)
{
	switch (s) {
	case LIST_BY_DATE_DESC: return _("newest first");
	case LIST_BY_TITLE: return _("by title");
	case LIST_BY_LANG: return _("by language");
	default: return _("by date");
	}
}

void list_draw(struct list_view *lv, const struct collection *col, struct surface *s,
	       struct rect r, bool focused)
{
	char title[256];
	const char *filter = lv->filter > 0 && lv->filter <= lv->nlangs ? ui_lang_name(lv->langs[lv->filter - 1])
									 : _("all languages");
	/* "Articles (730…)" while more are coming. */
	int tn = snprintf(title, sizeof title, "%s (%zu%s) · %s · %s", _("Articles"), lv->nrows,
			  lv->filling ? "…" : "", filter, list_sort_name(lv->sort));
	if (lv->query && tn > 0 && (size_t)tn < sizeof title)
		snprintf(title + tn, sizeof title - (size_t)tn, " · “%s”", lv->query);
	struct rect body = ui_pane_title(s, r, title, focused);
	lv->height = body.h;
	if (body.h <= 0 || body.w <= 0)
		return;
	if (lv->nrows == 0) {
		surface_prints(s, body, body.x + 1, body.y, _("No articles."),
			       (struct style){ ATTR_DIM, COLOR_NONE, COLOR_NONE });
		return;
	}
	ui_scroll_to(&lv->top, lv->sel, lv->nrows, body.h);
	/* The badge column is as wide as the widest set of badges on screen. */
	int badges_w = 0;
	for (int row = 0; row < body.h && lv->top + (size_t)row < lv->nrows; row++) {
		const struct article *a = &col->items[lv->rows[lv->top + (size_t)row]];
		int w = ui_badges_width(a->langs, a->nlangs, &s->lo);
		if (w > badges_w)
			badges_w = w;
	}
	for (int row = 0; row < body.h && lv->top + (size_t)row < lv->nrows; row++) {
		size_t idx = lv->top + (size_t)row;
		const struct article *a = &col->items[lv->rows[idx]];
		int y = body.y + row;
		bool sel = idx == lv->sel;
		struct style base = ui_row_style(sel, focused);
		surface_fill(s, (struct rect){ body.x, y, body.w, 1 }, base);
		/* ISO dates here in every interface language, on purpose: the list
		 * is scanned down a column, and 2019-10-24 is ten columns wide in
		 * each language, sorts as it reads and leaves the titles their
		 * room at 80 columns ("24 septembre 2024" would take 17). The
		 * reader's header and the timeline write dates the language's way. */
		char date[16];
		adate_format(&a->date, date, sizeof date);
		int x = body.x;
		if (a->date.inferred)
			surface_prints(s, body, x, y, "~", base);
		surface_prints(s, body, x + 1, y, date, base);
		/* The reading state: * marked (articles with a marked event too), and
		 * unread titles bold, in the unread colour. */
		size_t ai = lv->rows[idx];
		bool unread = lv->st && ai < lv->st->n && !lv->st->a[ai].read;
		if (lv->st && state_any_mark(lv->st, ai))
			surface_prints(s, body, x + 11, y, "*",
				       (struct style){ (uint16_t)(base.attr | ATTR_BOLD), COLOR_MAGENTA,
						       base.bg });
		x += 12;
		ui_badges(s, body, x, y, a->langs, a->nlangs, base, sel);
		x += badges_w + (badges_w ? 2 : 0);
		int avail = body.x + body.w - x;
		if (avail > 0) {
			char *t = layout_truncate(a->title && a->title[0] ? a->title : a->id, avail,
						  false, &s->lo);
			struct style ts = base;
			if (unread) {
				ts.attr |= ATTR_BOLD;
				if (!sel)
					ts.fg = COLOR_BLUE;
			}
			surface_prints(s, body, x, y, t, ts);
			free(t);
		}
	}
}
