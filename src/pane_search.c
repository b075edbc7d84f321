/* pane_search.c: a search from the browser. The results take the list pane's
 * place, one row per match: the article (named on its first row), the
 * paragraph, and a snippet with the match highlighted. Enter opens the reader
 * at the match; n and N walk every match of the collection in order, from
 * article to article, and wrap around at the ends. The query stays after the
 * results are closed, so that the reader keeps marking its matches.
 *
 * The index is made at the first search (from the persistent index's search
 * table when there is one, search.h's source). A search first finds a few
 * screenfuls of matches, which is instant on any collection; the rest is found
 * when something needs it (moving past them, the last match, a count). */
#include <config.h>
#include "ui.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "split.h"
#include "search.h"
#include "xalloc.h"

/* Matches found before the first screen is drawn. */
#define RESULTS_FIRST 1000
/* Width of the article column: a quarter of the pane, within these bounds. */
#define RESULTS_TITLE_MIN 8
#define RESULTS_TITLE_MAX 24
/* Narrower than this, rows hold only the paragraph and the snippet. */
#define RESULTS_TITLE_FROM 40

void results_free(struct results_view *rv)
{
	if (rv->ix)
		search_index_free(rv->ix);
	free(rv->m);
	memset(rv, 0, sizeof *rv);
	rv->cur = UI_NONE;
}

/* Finds the matches left out by the first, limited run. The limited run's
 * matches are the first ones of the full run, so indices stay valid. */
static void results_all(struct results_view *rv)
{
	if (!rv->partial || rv->ix == NULL)
		return;
	struct search_match *m;
	size_t n;
	if (search_run(rv->ix, rv->query, 0, &m, &n) != 0)
		return;
	free(rv->m);
	rv->m = m;
	rv->n = n;
	rv->partial = false;
}

static void results_clear(struct results_view *rv)
{
	free(rv->m);
	rv->m = NULL;
	rv->n = 0;
	rv->partial = false;
	rv->query[0] = '\0';
	rv->open = false;
	rv->sel = rv->top = 0;
	rv->cur = UI_NONE;
	rv->split_cur = UI_NONE;
}

void results_submit(struct ui *ui, const char *query)
{
	struct results_view *rv = &ui->results;
	results_clear(rv);
	if (rv->ix == NULL)
		rv->ix = ui->search_src ? search_index_source(ui->col, ui->search_src)
				       : search_index_new(ui->col);
	/* The prompt's text fits; a longer string is cut at a character boundary. */
	size_t len = strlen(query);
	if (len >= sizeof rv->query) {
		len = sizeof rv->query - 1;
		while (len > 0 && ((unsigned char)query[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(rv->query, query, len);
	rv->query[len] = '\0';
	struct search_match *m;
	size_t n;
	if (search_run(rv->ix, rv->query, RESULTS_FIRST, &m, &n) != 0) {
		/* Empty, or only spaces and quotes: nothing to show, nothing to mark. */
		rv->query[0] = '\0';
		ui->msg = N_("Nothing to search for: type a word or a phrase.");
		return;
	}
	rv->m = m;
	rv->n = n;
	rv->partial = n == RESULTS_FIRST;
	rv->open = true;
	ui->focus = PANE_LIST;
}

static int results_int(size_t v)
{
	return v > INT_MAX ? INT_MAX : (int)v;
}

void results_open_match(struct ui *ui, size_t i)
{
	struct results_view *rv = &ui->results;
	if (i >= rv->n)
		return;
	const struct search_match *m = &rv->m[i];
	if (m->article >= ui->col->n)
		return;
	if (m->para == SEARCH_TITLE) {
		/* A match in the title: the article from its top, where the title is. */
		reader_open_at(&ui->reader, m->article, 0);
		reader_top(&ui->reader);
		ui->reader.hl = false;
		ui->cur_event = UI_NONE;
		rv->cur = rv->sel = i;
		ui->focus = PANE_READER;
		return;
	}
	/* A search reads only the paragraphs that match: the rest come now. */
	collection_body(ui->col, &ui->col->items[m->article]);
	if (m->para >= ui->col->items[m->article].npara)
		return;
	reader_open_at(&ui->reader, m->article, m->para);
	reader_reveal(&ui->reader, ui->col, &ui->lo, m->para, m->start);
	reader_highlight(&ui->reader, m->para, m->start, m->len);
	ui->cur_event = UI_NONE;
	rv->cur = rv->sel = i;
	ui->focus = PANE_READER;
}

/* The match the reader stands on, if it still does (the reader may have gone
 * to another article or event since). */
static size_t results_current(const struct ui *ui)
{
	const struct results_view *rv = &ui->results;
	const struct reader_view *r = &ui->reader;
	if (rv->cur >= rv->n)
		return UI_NONE;
	const struct search_match *m = &rv->m[rv->cur];
	if (m->para == SEARCH_TITLE)
		return r->article == m->article && !r->hl ? rv->cur : UI_NONE;
	if (r->article != m->article || !r->hl || r->hl_para != m->para ||
	    r->hl_start != m->start || r->hl_len != m->len)
		return UI_NONE;
	return rv->cur;
}

/* Where a match stands in its article: 0 the title, then 1 + its paragraph. */
static size_t results_order(const struct search_match *m)
{
	return m->para == SEARCH_TITLE ? 0 : m->para + 1;
}

/* Not on a match: the first match from the reader's position on (dir 1), or
 * the last one before it (dir -1); UI_NONE when there is none that way. */
static size_t results_from_reader(struct ui *ui, int dir)
{
	struct results_view *rv = &ui->results;
	size_t a = ui->reader.article;
	if (a == UI_NONE)
		return dir > 0 ? 0 : UI_NONE;
	/* The header (and the title in it) counts as before the first paragraph. */
	size_t p = ui->reader.pos.para == UI_NONE ? 0 : ui->reader.pos.para + 1;
	if (dir > 0) {
		for (int pass = 0; pass < 2; pass++) {
			for (size_t i = 0; i < rv->n; i++)
				if (rv->m[i].article > a ||
				    (rv->m[i].article == a && results_order(&rv->m[i]) >= p))
					return i;
			if (!rv->partial)
				break;
			results_all(rv);
		}
		return UI_NONE;
	}
	results_all(rv);
	for (size_t i = rv->n; i-- > 0;)
		if (rv->m[i].article < a || (rv->m[i].article == a && results_order(&rv->m[i]) < p))
			return i;
	return UI_NONE;
}

void results_step(struct ui *ui, int dir)
{
	struct results_view *rv = &ui->results;
	if (rv->query[0] == '\0') {
		ui->msg = N_("No search yet: press / to search.");
		return;
	}
	if (rv->n == 0) {
		ui->msg = N_("The last search found nothing; press / to search again.");
		return;
	}
	size_t cur = results_current(ui), next;
	bool wrapped = false;
	if (cur == UI_NONE) {
		next = results_from_reader(ui, dir);
	} else if (dir > 0) {
		if (cur + 1 >= rv->n)
			results_all(rv);
		next = cur + 1 < rv->n ? cur + 1 : UI_NONE;
	} else {
		next = cur > 0 ? cur - 1 : UI_NONE;
	}
	if (next == UI_NONE) {
		/* Past either end: round to the other. */
		results_all(rv);
		next = dir > 0 ? 0 : rv->n - 1;
		wrapped = true;
	}
	results_open_match(ui, next);
	if (wrapped)
		ui->msg = dir > 0 ? N_("Past the last match: back to the first (%d of %d).")
				  : N_("Before the first match: on to the last (%d of %d).");
	else if (rv->partial)
		ui->msg = N_("Match %d of at least %d.");
	else
		ui->msg = N_("Match %d of %d.");
	ui->msg_a = results_int(next + 1);
	ui->msg_b = results_int(rv->n);
}

void results_step_split(struct ui *ui, int dir)
{
	struct results_view *rv = &ui->results;
	if (rv->query[0] == '\0') {
		ui->msg = N_("No search yet: press / to search.");
		return;
	}
	results_all(rv);
	/* The matches the two sides hold, and where the last one shown is. */
	size_t held = 0, at = 0, next = UI_NONE, first = UI_NONE, last = UI_NONE;
	size_t from = rv->split_cur < rv->n ? rv->split_cur : UI_NONE;
	for (size_t i = 0; i < rv->n; i++) {
		const struct search_match *m = &rv->m[i];
		if (split_side_holding(ui, m->article, m->para, m->start) < 0)
			continue;
		held++;
		if (first == UI_NONE)
			first = i;
		last = i;
		if (dir > 0 && next == UI_NONE && (from == UI_NONE || i > from))
			next = i;
		if (dir < 0 && from != UI_NONE && i < from)
			next = i;
	}
	if (held == 0) {
		ui->msg = rv->n ? N_("No match on either side; s closes side-by-side reading.")
				: N_("The last search found nothing; press / to search again.");
		return;
	}
	bool wrapped = next == UI_NONE;
	if (wrapped)
		next = dir > 0 ? first : last;
	const struct search_match *m = &rv->m[next];
	split_show(ui, m->article, m->para, m->start, m->len);
	rv->split_cur = next;
	for (size_t i = 0; i <= next; i++)
		if (split_side_holding(ui, rv->m[i].article, rv->m[i].para, rv->m[i].start) >= 0)
			at++;
	ui->msg = wrapped && from != UI_NONE
			  ? (dir > 0 ? N_("Past the last match: back to the first (%d of %d).")
				     : N_("Before the first match: on to the last (%d of %d)."))
			  : N_("Match %d of %d.");
	ui->msg_a = results_int(at);
	ui->msg_b = results_int(held);
}

size_t results_in_article(struct results_view *rv, size_t article,
			  const struct search_match **m)
{
	*m = NULL;
	if (rv->query[0] == '\0' || article == UI_NONE)
		return 0;
	/* The first run may have stopped in this article or before it. */
	if (rv->partial && (rv->n == 0 || rv->m[rv->n - 1].article <= article))
		results_all(rv);
	/* Matches are in article order: find the first of this article. */
	size_t lo = 0, hi = rv->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rv->m[mid].article < article)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < rv->n && rv->m[end].article == article)
		end++;
	if (end > lo)
		*m = rv->m + lo;
	return end - lo;
}

void results_mark_reader(struct ui *ui)
{
	struct reader_view *r = &ui->reader;
	r->nmarks = results_in_article(&ui->results, r->article, &r->marks);
}

/* Moves the selection to sel (clamped), finding the rest of the matches when
 * the move goes past those found so far. */
static void results_select(struct results_view *rv, size_t sel)
{
	if (sel >= rv->n && rv->partial)
		results_all(rv);
	if (rv->n == 0)
		return;
	rv->sel = sel < rv->n ? sel : rv->n - 1;
}

bool results_act(struct ui *ui, enum action a, long count)
{
	struct results_view *rv = &ui->results;
	if (!rv->open)
		return false;
	long delta;
	if (ui_motion(a, count, rv->height, &delta)) {
		size_t d = (size_t)(delta < 0 ? -delta : delta);
		results_select(rv, delta < 0 ? (rv->sel > d ? rv->sel - d : 0) : rv->sel + d);
		return true;
	}
	switch (a) {
	case ACT_QUIT: case ACT_CLOSE:
		rv->open = false;
		return true;
	case ACT_TOP:
		results_select(rv, 0);
		return true;
	case ACT_BOTTOM:
		results_select(rv, count > 0 ? (size_t)count - 1 : (size_t)-1);
		return true;
	case ACT_OPEN:
		results_open_match(ui, rv->sel);
		return true;
	default:
		return false;
	}
}

void results_click(struct results_view *rv, struct rect r, int y)
{
	int row = y - (r.y + 1);        /* below the title bar */
	if (row >= 0 && rv->top + (size_t)row < rv->n)
		rv->sel = rv->top + (size_t)row;
}

void results_wheel(struct results_view *rv, int delta)
{
	if (delta < 0)
		results_select(rv, rv->sel > (size_t)-delta ? rv->sel - (size_t)-delta : 0);
	else
		results_select(rv, rv->sel + (size_t)delta);
}

static void results_title(struct results_view *rv, struct buf *b)
{
	buf_printf(b, _("Search “%s”"), rv->query);
	if (rv->n == 0)
		return;
	buf_adds(b, " · ");
	if (rv->partial)
		buf_printf(b, P_("%zu+ match", "%zu+ matches", rv->n), rv->n);
	else
		buf_printf(b, P_("%zu match", "%zu matches", rv->n), rv->n);
}

/* One result on row y: article column (tw wide, 0: none), paragraph, snippet. */
static void results_draw_row(struct results_view *rv, const struct collection *col,
			     struct surface *s, struct rect body, int y, size_t i, int tw,
			     bool selected)
{
	const struct search_match *m = &rv->m[i];
	if (m->article >= col->n)
		return;
	const struct article *a = &col->items[m->article];
	struct style row = selected ? (struct style){ ATTR_REVERSE, COLOR_NONE, COLOR_NONE }
				    : STYLE_PLAIN;
	struct rect line = { body.x, y, body.w, 1 };
	surface_fill(s, line, row);
	int x = body.x + 1;
	if (tw > 0) {
		/* The article is named on its first row (and at the top of the pane). */
		if (i == rv->top || rv->m[i - 1].article != m->article) {
			char *t = layout_truncate(a->title && a->title[0] ? a->title : a->id, tw,
						  false, &s->lo);
			struct style ts = row;
			ts.attr |= ATTR_BOLD;
			surface_prints(s, line, x, y, t, ts);
			free(t);
		}
		x += tw + 1;
	}
	char para[64];
	if (m->para == SEARCH_TITLE)
		snprintf(para, sizeof para, "%s", _("title"));
	else
		snprintf(para, sizeof para, "¶%zu", m->para + 1);
	struct style ps = row;
	ps.fg = COLOR_CYAN;
	x += surface_prints(s, line, x, y, para, ps) + 1;
	int room = body.x + body.w - 1 - x;
	if (room < 1)
		return;
	size_t hs, hl;
	/* The paragraph as the search read it: its article's body may not be loaded. */
	char *snip = search_snippet(rv->ix ? search_text(rv->ix, m) : search_match_text(col, m),
				    m->start, m->len, room, &s->lo, &hs, &hl);
	surface_prints(s, line, x, y, snip, row);
	int c0 = layout_width(snip, hs, &s->lo);
	int c1 = layout_width(snip, hs + hl, &s->lo);
	/* On a selected (reversed) row the match is the part not reversed. */
	struct style ms = { (uint16_t)(ATTR_BOLD | (selected ? 0 : ATTR_REVERSE)), COLOR_YELLOW,
			    COLOR_NONE };
	if (c1 > c0)
		surface_restyle(s, (struct rect){ x + c0, y, c1 - c0, 1 }, ms);
	free(snip);
}

void results_draw(struct results_view *rv, const struct collection *col, struct surface *s,
		  struct rect r, bool focused)
{
	struct buf title;
	buf_init(&title);
	results_title(rv, &title);
	struct rect body = ui_pane_title(s, r, title.data, focused);
	buf_free(&title);
	rv->height = body.h;
	if (body.h <= 0 || body.w <= 0)
		return;
	if (rv->n == 0) {
		struct buf b;
		buf_init(&b);
		buf_printf(&b, _("No matches for “%s”."), rv->query);
		char *t = layout_truncate(b.data, body.w - 1, false, &s->lo);
		surface_prints(s, body, body.x + 1, body.y, t, (struct style){ ATTR_BOLD, COLOR_NONE,
									      COLOR_NONE });
		free(t);
		buf_free(&b);
		if (body.h > 2) {
			t = layout_truncate(_("Press / to search again, Esc to go back to the list."),
					    body.w - 1, false, &s->lo);
			surface_prints(s, body, body.x + 1, body.y + 2, t,
				       (struct style){ ATTR_DIM, COLOR_NONE, COLOR_NONE });
			free(t);
		}
		return;
	}
	if (rv->sel >= rv->n)
		rv->sel = rv->n - 1;
	ui_scroll_to(&rv->top, rv->sel, rv->n, body.h);
	int tw = 0;
	if (body.w >= RESULTS_TITLE_FROM) {
		tw = body.w / 4;
		tw = tw < RESULTS_TITLE_MIN ? RESULTS_TITLE_MIN
					    : tw > RESULTS_TITLE_MAX ? RESULTS_TITLE_MAX : tw;
	}
	for (int row = 0; row < body.h && rv->top + (size_t)row < rv->n; row++) {
		size_t i = rv->top + (size_t)row;
		results_draw_row(rv, col, s, body, body.y + row, i, tw, focused && i == rv->sel);
	}
}
