/* pane_timeline.c: the events by date, under a heading per year, with a bar of
 * counts per year on top. Events of one group (the same happening reported in
 * several languages or articles) share one row that carries all their badges. */
#include <config.h>
#include "ui.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "happenings.h"
#include "i18n.h"
#include "uidate.h"
#include "xalloc.h"

struct timeline_key {
	int group;
	size_t i;
};

static int timeline_cmp_key(const void *x, const void *y)
{
	const struct timeline_key *p = x, *q = y;
	if (p->group != q->group)
		return p->group < q->group ? -1 : 1;
	return (p->i > q->i) - (p->i < q->i);
}

/* For each event, the first event of its group (itself when alone). */
static size_t *timeline_firsts(const struct event_list *ev)
{
	size_t n = ev->n;
	size_t *first = xcalloc(n, sizeof *first);
	/* Groups are numbered 1, 2, ... (events.h): a table by group, in one
	 * pass. Sorting (group, index) pairs instead was a tenth of the start at
	 * 470,000 events; it stays for numbers out of that range. */
	size_t *by_group = xcalloc(n + 1, sizeof *by_group);   /* first + 1, or 0 */
	size_t i = 0;   /* up to the first number out of that range */
	for (; i < n; i++) {
		int group = ev->v[i].group;
		if (group < 0 || (size_t)group > n)
			break;
		size_t *g = &by_group[group];
		if (*g == 0)
			*g = i + 1;
		first[i] = *g - 1;
	}
	free(by_group);
	if (i == n)
		return first;
	struct timeline_key *keys = xcalloc(n, sizeof *keys);
	for (size_t k = 0; k < n; k++)
		keys[k] = (struct timeline_key){ ev->v[k].group, k };
	qsort(keys, n, sizeof *keys, timeline_cmp_key);
	for (size_t k = 0; k < n; k++) {
		bool same = k > 0 && keys[k].group == keys[k - 1].group && keys[k].group >= 0;
		first[keys[k].i] = same ? first[keys[k - 1].i] : keys[k].i;
	}
	free(keys);
	return first;
}

/* lang's place in the view's table of languages, added when new (past the
 * 255 a row can name, the last one stands for the rest). */
static unsigned char timeline_tag(struct timeline_view *tv, size_t *cap, const char *lang)
{
	for (size_t i = 0; i < tv->ntags; i++)
		if (strcmp(tv->tags[i], lang) == 0)
			return (unsigned char)i;
	if (tv->ntags > UCHAR_MAX)
		return UCHAR_MAX;
	xgrow((void **)&tv->tags, cap, tv->ntags + 1, sizeof *tv->tags);
	size_t len = strnlen(lang, LANG_TAG_MAX - 1);
	memcpy(tv->tags[tv->ntags], lang, len);
	tv->tags[tv->ntags][len] = '\0';
	return (unsigned char)tv->ntags++;
}

static void timeline_add_lang(struct timeline_row *row, unsigned char tag)
{
	for (size_t i = 0; i < row->nlangs; i++)
		if (row->langs[i] == tag)
			return;
	if (row->nlangs < TIMELINE_ROW_LANGS)
		row->langs[row->nlangs++] = tag;
}

/* The tags of row's languages, for the badges. */
static size_t timeline_row_tags(const struct timeline_view *tv, const struct timeline_row *row,
				char out[TIMELINE_ROW_LANGS][LANG_TAG_MAX])
{
	for (size_t i = 0; i < row->nlangs; i++)
		memcpy(out[i], tv->tags[row->langs[i]], LANG_TAG_MAX);
	return row->nlangs;
}

void timeline_init(struct timeline_view *tv, const struct collection *col,
		   const struct event_list *ev)
{
	memset(tv, 0, sizeof *tv);
	size_t n = ev ? ev->n : 0;
	tv->row_of_event = xcalloc(n ? n : 1, sizeof *tv->row_of_event);
	if (n == 0)
		return;
	size_t *first = timeline_firsts(ev);
	size_t caprows = 0, capyears = 0, captags = 0;
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev->v[i];
		unsigned char tag = timeline_tag(tv, &captags, e->lang);
		if (first[i] != i) {
			size_t row = tv->row_of_event[first[i]];
			tv->row_of_event[i] = row;
			timeline_add_lang(&tv->rows[row], tag);
			continue;
		}
		int year = e->date.prec == DATE_NONE ? 0 : e->date.year;
		if (tv->nyears == 0 || tv->years[tv->nyears - 1].year != year) {
			xgrow((void **)&tv->years, &capyears, tv->nyears + 1, sizeof *tv->years);
			tv->years[tv->nyears++] = (struct timeline_year){ year, 0, tv->nrows };
			xgrow((void **)&tv->rows, &caprows, tv->nrows + 1, sizeof *tv->rows);
			tv->rows[tv->nrows++] = (struct timeline_row){ .heading = true, .year = year };
		}
		struct timeline_year *y = &tv->years[tv->nyears - 1];
		y->count++;
		tv->rows[y->row].count++;
		xgrow((void **)&tv->rows, &caprows, tv->nrows + 1, sizeof *tv->rows);
		tv->rows[tv->nrows] = (struct timeline_row){ .year = year, .event = i };
		timeline_add_lang(&tv->rows[tv->nrows], tag);
		tv->row_of_event[i] = tv->nrows++;
	}
	free(first);
	tv->sel = tv->nrows > 1 ? 1 : 0;
	(void)col;
}

void timeline_free(struct timeline_view *tv)
{
	free(tv->rows);
	free(tv->row_of_event);
	free(tv->years);
	free(tv->tags);
	memset(tv, 0, sizeof *tv);
}

size_t timeline_selected_event(const struct timeline_view *tv)
{
	return tv->sel < tv->nrows && !tv->rows[tv->sel].heading ? tv->rows[tv->sel].event
								 : UI_NONE;
}

void timeline_select_event(struct timeline_view *tv, size_t event)
{
	if (tv->nrows && event != UI_NONE)
		tv->sel = tv->row_of_event[event];
}

/* The event row nearest to row in direction dir (+1 / -1), row itself included. */
static size_t timeline_snap(const struct timeline_view *tv, size_t row, int dir)
{
	if (tv->nrows == 0)
		return 0;
	if (row >= tv->nrows)
		row = tv->nrows - 1;
	for (size_t r = row; r < tv->nrows; r += (size_t)dir) {
		if (!tv->rows[r].heading)
			return r;
		if (dir < 0 && r == 0)
			break;
	}
	/* Nothing that way: the other way. */
	for (size_t r = row; r < tv->nrows; r -= (size_t)dir) {
		if (!tv->rows[r].heading)
			return r;
		if (dir > 0 && r == 0)
			break;
	}
	return row;
}

static void timeline_move(struct timeline_view *tv, long delta)
{
	if (tv->nrows == 0)
		return;
	size_t row = tv->sel;
	long steps = delta < 0 ? -delta : delta;
	int dir = delta < 0 ? -1 : 1;
	/* Event by event: headings are passed over and do not count. */
	while (steps-- > 0) {
		size_t r = row;
		do {
			if ((dir < 0 && r == 0) || (dir > 0 && r + 1 >= tv->nrows)) {
				r = UI_NONE;
				break;
			}
			r += (size_t)dir;
		} while (tv->rows[r].heading);
		if (r == UI_NONE)
			break;
		row = r;
	}
	tv->sel = row;
}

static size_t timeline_year_index(const struct timeline_view *tv)
{
	for (size_t i = tv->nyears; i-- > 0;)
		if (tv->years[i].row <= tv->sel)
			return i;
	return 0;
}

static void timeline_goto_year_index(struct timeline_view *tv, size_t yi)
{
	if (yi >= tv->nyears)
		return;
	tv->sel = timeline_snap(tv, tv->years[yi].row, 1);
	/* The heading at the top, so the year is seen with its first events. */
	tv->top = tv->years[yi].row;
}

int timeline_goto_year(struct timeline_view *tv, int year)
{
	if (tv->nyears == 0)
		return 0;
	size_t best = 0;
	for (size_t i = 1; i < tv->nyears; i++) {
		int d = abs(tv->years[i].year - year), bd = abs(tv->years[best].year - year);
		if (d < bd)
			best = i;
	}
	timeline_goto_year_index(tv, best);
	return tv->years[best].year;
}

bool timeline_act(struct timeline_view *tv, enum action a, long count, size_t *open)
{
	long delta;
	if (ui_motion(a, count, tv->height, &delta)) {
		timeline_move(tv, delta);
		return true;
	}
	switch (a) {
	case ACT_TOP: tv->sel = timeline_snap(tv, 0, 1); return true;
	case ACT_BOTTOM:
		if (count > 0)
			tv->sel = timeline_snap(tv, (size_t)count - 1 < tv->nrows ? (size_t)count - 1
						  : (tv->nrows ? tv->nrows - 1 : 0), 1);
		else
			tv->sel = timeline_snap(tv, tv->nrows ? tv->nrows - 1 : 0, -1);
		return true;
	case ACT_PREV_YEAR: {
		size_t yi = timeline_year_index(tv);
		size_t n = (size_t)ui_count(count);
		timeline_goto_year_index(tv, yi > n ? yi - n : 0);
		return true;
	}
	case ACT_NEXT_YEAR: {
		size_t yi = timeline_year_index(tv) + (size_t)ui_count(count);
		if (tv->nyears && yi >= tv->nyears)
			yi = count > 0 ? tv->nyears - 1 : yi;   /* 9] stops at the last year */
		timeline_goto_year_index(tv, yi);
		return true;
	}
	case ACT_OPEN:
		*open = timeline_selected_event(tv);
		return true;
	default:
		return false;
	}
}

void timeline_click(struct timeline_view *tv, int y)
{
	if (y < tv->rows_y)
		return;
	size_t row = tv->top + (size_t)(y - tv->rows_y);
	if (row < tv->nrows)
		tv->sel = timeline_snap(tv, row, 1);
}

void timeline_wheel(struct timeline_view *tv, int delta)
{
	timeline_move(tv, delta);
}

static const char *const timeline_blocks[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };

/* One of eight block heights for count out of max (at least the lowest). */
static const char *timeline_block(size_t count, size_t max)
{
	size_t level = max ? (count * 8 + max - 1) / max : 1;
	level = level < 1 ? 1 : level > 8 ? 8 : level;
	return timeline_blocks[level - 1];
}

/* The months of the selected year after the years, "· Oct▁ Dec█" ("10月",
 * "oct." in the interface language), the selected event's month reversed;
 * only when all of them fit, since a month cut off would read as none. */
static void timeline_draw_months(const struct timeline_view *tv, const struct event_list *ev,
				 struct surface *s, struct rect r, int x, size_t cur)
{
	if (ev == NULL || cur >= tv->nyears || tv->years[cur].year <= 0)
		return;
	size_t counts[12] = { 0 }, max = 0;
	for (size_t i = tv->years[cur].row + 1; i < tv->nrows && !tv->rows[i].heading; i++) {
		const struct adate *d = &ev->v[tv->rows[i].event].date;
		if (d->prec >= DATE_MONTH && d->month >= 1 && d->month <= 12)
			counts[d->month - 1]++;
	}
	int need = 2;
	for (int m = 0; m < 12; m++) {
		if (counts[m] > max)
			max = counts[m];
		if (counts[m])
			need += layout_strwidth(uidate_month_short(m + 1, tv->lang), &s->lo) + 2;
	}
	if (max == 0 || x + need > r.x + r.w)
		return;
	size_t sel = timeline_selected_event(tv);
	int sel_month = sel != UI_NONE && ev->v[sel].date.prec >= DATE_MONTH ? ev->v[sel].date.month
									     : 0;
	x += surface_prints(s, r, x, r.y, "· ", (struct style){ ATTR_DIM, COLOR_NONE, COLOR_NONE });
	for (int m = 0; m < 12; m++) {
		if (!counts[m])
			continue;
		struct style st = m + 1 == sel_month ? (struct style){ ATTR_REVERSE, COLOR_NONE, COLOR_NONE }
						     : STYLE_PLAIN;
		x += surface_prints(s, r, x, r.y, uidate_month_short(m + 1, tv->lang), st);
		x += surface_prints(s, r, x, r.y, timeline_block(counts[m], max),
				    (struct style){ st.attr, COLOR_GREEN, COLOR_NONE });
		x += 1;
	}
}

/* The columns year i takes on the bar: its label, its block and a space. */
static int timeline_year_w(const struct timeline_view *tv, size_t i, int block_w)
{
	char label[16];
	int n = tv->years[i].year > 0 ? snprintf(label, sizeof label, "%d", tv->years[i].year) : 1;
	return n + block_w + 1;
}

/* The last year shown when the bar starts at first, in avail columns: "‹ "
 * before when years are hidden on the left, " ›" after when on the right. */
static size_t timeline_bar_last(const struct timeline_view *tv, size_t first, int avail,
				int block_w)
{
	int used = first > 0 ? 2 : 0;
	size_t last = first;
	for (size_t i = first; i < tv->nyears; i++) {
		int w = timeline_year_w(tv, i, block_w);
		int more = i + 1 < tv->nyears ? 2 : 0;
		if (used + w + more > avail && i > first)
			break;
		used += w;
		last = i;
	}
	return last;
}

/* One line of counts per year: "2013▂ 2014█ 2015▆", the selected year reversed,
 * then that year's months when they fit. The bar scrolls with the selection,
 * whole labels only: ‹ and › say that years are hidden on that side. */
static void timeline_draw_bar(struct timeline_view *tv, const struct event_list *ev,
			      struct surface *s, struct rect r, size_t cur)
{
	size_t max = 0;
	for (size_t i = 0; i < tv->nyears; i++)
		if (tv->years[i].count > max)
			max = tv->years[i].count;
	int block_w = layout_strwidth(timeline_blocks[0], &s->lo);
	int avail = r.w - 1;
	if (tv->bar_first >= tv->nyears || tv->bar_first > cur)
		tv->bar_first = cur < tv->nyears ? cur : 0;
	while (tv->bar_first < cur && timeline_bar_last(tv, tv->bar_first, avail, block_w) < cur)
		tv->bar_first++;
	size_t last = timeline_bar_last(tv, tv->bar_first, avail, block_w);
	struct style dim = { ATTR_DIM, COLOR_NONE, COLOR_NONE };
	int x = r.x + 1;
	if (tv->bar_first > 0)
		x += surface_prints(s, r, x, r.y, "‹ ", dim);
	for (size_t i = tv->bar_first; i <= last && i < tv->nyears; i++) {
		char label[16];
		if (tv->years[i].year > 0)
			snprintf(label, sizeof label, "%d", tv->years[i].year);
		else
			snprintf(label, sizeof label, "?");
		struct style st = i == cur ? (struct style){ ATTR_REVERSE, COLOR_NONE, COLOR_NONE }
					   : STYLE_PLAIN;
		x += surface_prints(s, r, x, r.y, label, st);
		x += surface_prints(s, r, x, r.y, timeline_block(tv->years[i].count, max),
				    (struct style){ st.attr, COLOR_GREEN, COLOR_NONE });
		x += 1;
	}
	if (last + 1 < tv->nyears) {
		surface_prints(s, r, x, r.y, "›", dim);
		return;
	}
	timeline_draw_months(tv, ev, s, r, x + 1, cur);
}

void timeline_draw(struct timeline_view *tv, const struct collection *col,
		   const struct event_list *ev, struct surface *s, struct rect r, bool focused)
{
	char title[256];
	size_t nev = ev ? ev->n : 0;
	snprintf(title, sizeof title, "%s · %s", _("Timeline"),
		 nev == 0 ? _("no events") : "");
	if (nev) {
		/* "14 events · 31 reports": the happenings, and the mentions of them */
		size_t rows = tv->nrows - tv->nyears;
		char events[64], reports[64];
		snprintf(events, sizeof events, P_("%zu event", "%zu events", rows), rows);
		snprintf(reports, sizeof reports, P_("%zu report", "%zu reports", nev), nev);
		snprintf(title, sizeof title, "%s · %s · %s", _("Timeline"), events, reports);
	}
	struct rect body = ui_pane_title(s, r, title, focused);
	tv->height = 0;
	tv->rows_y = body.y;
	if (body.h <= 0 || body.w <= 0)
		return;
	if (tv->nrows == 0) {
		surface_prints(s, body, body.x + 1, body.y, _("No dated events found."),
			       (struct style){ ATTR_DIM, COLOR_NONE, COLOR_NONE });
		return;
	}
	if (body.h >= 3) {
		timeline_draw_bar(tv, ev, s, (struct rect){ body.x, body.y, body.w, 1 },
				  timeline_year_index(tv));
		body.y++;
		body.h--;
	}
	tv->height = body.h;
	tv->rows_y = body.y;
	ui_scroll_to(&tv->top, tv->sel, tv->nrows, body.h);
	int date_w = uidate_column_width(tv->lang, &s->lo);
	int badges_w = 0;
	for (int row = 0; row < body.h && tv->top + (size_t)row < tv->nrows; row++) {
		const struct timeline_row *tr = &tv->rows[tv->top + (size_t)row];
		char tags[TIMELINE_ROW_LANGS][LANG_TAG_MAX];
		size_t ntags = timeline_row_tags(tv, tr, tags);
		int w = tr->heading ? 0 : ui_badges_width((const char (*)[LANG_TAG_MAX])tags, ntags, &s->lo);
		if (w > badges_w)
			badges_w = w;
	}
	for (int row = 0; row < body.h && tv->top + (size_t)row < tv->nrows; row++) {
		size_t idx = tv->top + (size_t)row;
		const struct timeline_row *tr = &tv->rows[idx];
		int y = body.y + row;
		if (tr->heading) {
			char head[128];
			char year[UIDATE_MAX];
			struct adate yd = { .year = tr->year, .prec = DATE_YEAR };
			if (tr->year > 0)
				uidate_format(&yd, tv->lang, year, sizeof year);
			else
				snprintf(year, sizeof year, "%s", _("undated"));
			snprintf(head, sizeof head, P_("%s · %zu event", "%s · %zu events",
						       tr->count), year, tr->count);
			surface_prints(s, body, body.x, y, head,
				       (struct style){ ATTR_BOLD, COLOR_YELLOW, COLOR_NONE });
			continue;
		}
		const struct event *e = &ev->v[tr->event];
		/* the happening's version in the reading language */
		if (tv->happ && tr->event < ev->n)
			e = &ev->v[happenings_version(ev, tv->happ, tv->happ->of_event[tr->event],
						      tv->read_lang)];
		bool sel = idx == tv->sel;
		struct style base = ui_row_style(sel, focused);
		surface_fill(s, (struct rect){ body.x, y, body.w, 1 }, base);
		/* The year stands in the heading above; the row says month and day
		 * in the interface language, in a column as wide as the language's
		 * widest date, so that the column does not move while scrolling. */
		char date[UIDATE_MAX];
		uidate_format_period(&e->date, e->period, tv->lang, false, date, sizeof date);
		if (e->date.inferred)
			surface_prints(s, body, body.x + 1, y, "~", base);
		struct rect dcol = { body.x + 2, y, date_w, 1 };
		if (dcol.x + dcol.w > body.x + body.w)
			dcol.w = body.x + body.w - dcol.x;
		/* Never cut without saying so: "1er septem…", not "1er septembr". */
		char *dfit = layout_truncate(date, dcol.w, false, &s->lo);
		surface_prints(s, dcol, dcol.x, y, dfit, base);
		free(dfit);
		int x = body.x + 2 + date_w + 1;
		char tags[TIMELINE_ROW_LANGS][LANG_TAG_MAX];
		size_t ntags = timeline_row_tags(tv, tr, tags);
		ui_badges(s, body, x, y, (const char (*)[LANG_TAG_MAX])tags, ntags, base, sel);
		x += badges_w + (badges_w ? 2 : 0);
		int avail = body.x + body.w - x;
		const char *text = avail > 0 ? events_text(ev, e) : NULL;
		if (text) {
			char *t = layout_truncate(text, avail, false, &s->lo);
			surface_prints(s, body, x, y, t, base);
			free(t);
		}
	}
	(void)col;
}
