/* pane_split.c: side-by-side reading. Each side shows its sentences as the
 * alignment groups them, wrapped to its own width by the layout module. With
 * synchronised scrolling the text is cut into blocks (a bead for translations;
 * for related texts, each anchored pair and each stretch between two) that
 * start on the same row on both sides, the shorter side padded; one row
 * number then scrolls both. Without it each side is laid out on its own and
 * scrolls on its own. Positions are kept as (bead, rows into it), not screen
 * rows, so a resize re-lays the text and keeps the reader where it was. */
#include <config.h>
#include "split.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "i18n.h"
#include "layout.h"
#include "search.h"
#include "ui.h"

struct split_line {
	size_t bead;
	size_t start, end;              /* bytes of the bead's text on this side */
	int row, width;
};

struct split_text {
	struct split_line *lines;       /* sorted by row */
	size_t n, cap;
	int *bead_row;                  /* per bead: its first row (where it would be when empty) */
	int nrows;
};

struct split_view {
	size_t art[2];
	char lang[2][LANG_TAG_MAX];     /* "" : the whole article */
	struct alignment *al;
	size_t *block_of;               /* per bead: its block */
	size_t *block_first;            /* per block: its first bead; [nblocks] = nbeads */
	size_t nblocks;
	bool anchored;                  /* something to synchronise on */
	bool sync, swapped;
	int focus;                      /* alignment side with the focus */
	size_t cur;                     /* block under the cursor */
	bool want_cur;                  /* next draw brings the cursor's block to the top */
	int top[2];                     /* first row shown, per alignment side */
	struct split_text t[2];
	int *block_row;                 /* synchronised layout: [nblocks] = total */
	bool laid, laid_sync;
	int laid_w[2];
	int height[2];
	/* a search match or an event to show (n, N, y): alignment side, bead,
	 * and its bytes in the bead's text; hl_side -1: none */
	int hl_side;
	size_t hl_bead, hl_start, hl_len;
	bool want_hl;                   /* next draw scrolls to it */
	/* the last draw */
	bool fallback, vertical;
	struct rect pane[2], text[2];   /* per shown side */
};

static const char *split_msg_independent = N_("not a translation: scrolling independently");
static const char *split_msg_small = N_("Too small for side-by-side reading: one side shown");

/* ---- layout */

static void split_text_free(struct split_text *t)
{
	free(t->lines);
	free(t->bead_row);
	memset(t, 0, sizeof *t);
}

static size_t split_first_para(const struct alignment *al, int s, size_t k)
{
	return al->sent[s][al->beads[k].first[s]].para;
}

static size_t split_last_para(const struct alignment *al, int s, size_t k)
{
	return al->sent[s][al->beads[k].first[s] + al->beads[k].count[s] - 1].para;
}

/* Lays bead k of side s from row on; returns the rows it takes. */
static int split_lay_bead(struct split_view *sv, int s, size_t k, int width, int row,
			  const struct layout_opts *lo)
{
	const char *text = sv->al->beads[k].text[s];
	struct layout_line *ll;
	size_t n = layout_wrap(text, strlen(text), width > 0 ? width : 1, sv->al->lang[s], lo, &ll);
	struct split_text *t = &sv->t[s];
	xgrow((void **)&t->lines, &t->cap, t->n + n, sizeof *t->lines);
	for (size_t i = 0; i < n; i++)
		t->lines[t->n++] = (struct split_line){ k, ll[i].start, ll[i].end, row + (int)i,
							ll[i].width };
	free(ll);
	return (int)n;
}

/* Lays beads [k0, k1) of side s from row on, a blank row where the paragraph
 * changes; returns the row after them. */
static int split_lay_run(struct split_view *sv, int s, size_t k0, size_t k1, int width,
			 int row, const struct layout_opts *lo)
{
	size_t prev = UI_NONE;
	for (size_t k = k0; k < k1; k++) {
		if (sv->al->beads[k].count[s] == 0) {
			sv->t[s].bead_row[k] = row;
			continue;
		}
		if (prev != UI_NONE && split_first_para(sv->al, s, k) != prev)
			row++;
		sv->t[s].bead_row[k] = row;
		row += split_lay_bead(sv, s, k, width, row, lo);
		prev = split_last_para(sv->al, s, k);
	}
	return row;
}

/* The bead at the top of side s, and how many rows into it. */
static void split_anchor(const struct split_view *sv, int s, size_t *bead, int *off)
{
	*bead = 0;
	*off = 0;
	for (size_t k = 0; k < sv->al->nbeads; k++) {
		if (sv->t[s].bead_row[k] > sv->top[s])
			break;
		if (sv->al->beads[k].count[s] || k == 0) {
			*bead = k;
			*off = sv->top[s] - sv->t[s].bead_row[k];
		}
	}
}

/* Lays both sides out for these widths unless they are; true when it did. */
static bool split_layout(struct split_view *sv, const int width[2], const struct layout_opts *lo)
{
	if (sv->laid && sv->laid_sync == sv->sync && sv->laid_w[0] == width[0] &&
	    sv->laid_w[1] == width[1])
		return false;
	size_t nb = sv->al->nbeads;
	size_t bead[2] = { 0, 0 };
	int off[2] = { 0, 0 };
	bool keep = sv->laid && nb > 0;
	if (keep)
		for (int s = 0; s < 2; s++)
			split_anchor(sv, s, &bead[s], &off[s]);
	for (int s = 0; s < 2; s++) {
		split_text_free(&sv->t[s]);
		sv->t[s].bead_row = xcalloc(nb + 1, sizeof *sv->t[s].bead_row);
	}
	if (sv->sync) {
		int row = 0;
		for (size_t b = 0; b < sv->nblocks; b++) {
			sv->block_row[b] = row;
			int tallest = 1;
			for (int s = 0; s < 2; s++) {
				int end = split_lay_run(sv, s, sv->block_first[b],
							sv->block_first[b + 1], width[s], row, lo);
				if (end - row > tallest)
					tallest = end - row;
			}
			row += tallest + 1;
		}
		sv->block_row[sv->nblocks] = row;
		sv->t[0].nrows = sv->t[1].nrows = row;
	} else {
		for (int s = 0; s < 2; s++)
			sv->t[s].nrows = split_lay_run(sv, s, 0, nb, width[s], 0, lo);
	}
	for (int s = 0; s < 2; s++)
		sv->t[s].bead_row[nb] = sv->t[s].nrows;
	sv->laid = true;
	sv->laid_sync = sv->sync;
	sv->laid_w[0] = width[0];
	sv->laid_w[1] = width[1];
	if (keep) {
		/* Synchronised: the focused side says where both are. */
		for (int s = 0; s < 2; s++) {
			int from = sv->sync ? sv->focus : s;
			int h = sv->t[from].bead_row[bead[from] + 1] - sv->t[from].bead_row[bead[from]];
			int o = off[from] < h ? off[from] : (h > 0 ? h - 1 : 0);
			sv->top[s] = sv->t[from].bead_row[bead[from]] + o;
		}
	}
	return true;
}

/* ---- positions */

static int split_minh(const struct split_view *sv)
{
	int h = sv->height[0] < sv->height[1] ? sv->height[0] : sv->height[1];
	return h > 0 ? h : 1;
}

static void split_clamp(struct split_view *sv)
{
	for (int s = 0; s < 2; s++) {
		int h = sv->sync ? split_minh(sv) : (sv->height[s] > 0 ? sv->height[s] : 1);
		int max = sv->t[s].nrows - h;
		if (sv->top[s] > max)
			sv->top[s] = max;
		if (sv->top[s] < 0)
			sv->top[s] = 0;
	}
	if (sv->sync)
		sv->top[1] = sv->top[0];
}

/* Rows [start, end) of block b (without the blank row after it). */
static void split_block_rows(const struct split_view *sv, size_t b, int *start, int *end)
{
	*start = sv->block_row[b];
	*end = sv->block_row[b + 1] - 1;
}

/* Synchronised: scrolls so that the cursor's block is on screen. */
static void split_show_cur(struct split_view *sv)
{
	int start, end, h = split_minh(sv);
	split_block_rows(sv, sv->cur, &start, &end);
	if (start < sv->top[0])
		sv->top[0] = start;
	else if (end > sv->top[0] + h)
		sv->top[0] = end - h > start ? end - h : start;
	split_clamp(sv);
}

/* Synchronised: after a scroll, the cursor follows onto the screen. */
static void split_follow(struct split_view *sv)
{
	int start, end, h = split_minh(sv);
	split_block_rows(sv, sv->cur, &start, &end);
	if (start >= sv->top[0] && start < sv->top[0] + h)
		return;
	/* The first block that starts on screen, else the one the screen is in. */
	size_t in = UI_NONE;
	for (size_t b = 0; b < sv->nblocks; b++) {
		split_block_rows(sv, b, &start, &end);
		if (start >= sv->top[0] && start < sv->top[0] + h) {
			sv->cur = b;
			return;
		}
		if (in == UI_NONE && end > sv->top[0])
			in = b;
	}
	if (in != UI_NONE)
		sv->cur = in;
}

/* The block at the top of side s. */
static size_t split_block_at_top(const struct split_view *sv, int s)
{
	size_t bead;
	int off;
	split_anchor(sv, s, &bead, &off);
	return sv->al->nbeads ? sv->block_of[bead] : 0;
}

/* ---- opening and closing */

static void split_view_free(struct split_view *sv)
{
	if (sv == NULL)
		return;
	align_free(sv->al);
	for (int i = 0; i < 2; i++)
		split_text_free(&sv->t[i]);
	free(sv->block_of);
	free(sv->block_first);
	free(sv->block_row);
	free(sv);
}

bool split_open(struct ui *ui, size_t a0, const char *lang0, size_t a1, const char *lang1)
{
	if (a0 >= ui->col->n || a1 >= ui->col->n)
		return false;
	collection_body(ui->col, &ui->col->items[a0]);
	collection_body(ui->col, &ui->col->items[a1]);
	struct align_side sa = { &ui->col->items[a0], lang0 && lang0[0] ? lang0 : NULL };
	struct align_side sb = { &ui->col->items[a1], lang1 && lang1[0] ? lang1 : NULL };
	struct alignment *al = align_sides_ctx(ui->align, &sa, &sb);
	if (al == NULL)
		return false;
	split_free_all(ui);
	struct split_view *sv = xcalloc(1, sizeof *sv);
	sv->al = al;
	sv->art[0] = a0;
	sv->art[1] = a1;
	snprintf(sv->lang[0], sizeof sv->lang[0], "%s", sa.lang ? sa.lang : "");
	snprintf(sv->lang[1], sizeof sv->lang[1], "%s", sb.lang ? sb.lang : "");
	size_t nb = al->nbeads;
	sv->block_of = xcalloc(nb + 1, sizeof *sv->block_of);
	sv->block_first = xcalloc(nb + 2, sizeof *sv->block_first);
	bool any_anchor = false;
	for (size_t k = 0; k < nb; k++)
		any_anchor |= al->beads[k].anchored;
	sv->anchored = al->translation || any_anchor;
	/* Translations: a block a bead. Related texts: an anchored pair alone, the
	 * stretch between two anchors as one block. Nothing to pair: one block. */
	for (size_t k = 0; k < nb; k++) {
		bool start = k == 0 ||
			     (al->translation ? true
					      : sv->anchored && (al->beads[k].anchored ||
								 al->beads[k - 1].anchored));
		if (start)
			sv->block_first[sv->nblocks++] = k;
		sv->block_of[k] = sv->nblocks - 1;
	}
	sv->block_first[sv->nblocks] = nb;
	sv->block_row = xcalloc(sv->nblocks + 1, sizeof *sv->block_row);
	sv->sync = sv->anchored;
	/* Start where the reader was, when it was reading this article. */
	if (ui->reader.article == a0 && ui->reader.pos.para != UI_NONE && nb > 0) {
		size_t i = align_sentence_at(al, 0, ui->reader.pos.para, ui->reader.pos.off);
		if (i != (size_t)-1)
			sv->cur = sv->block_of[al->sent[0][i].bead];
	}
	sv->hl_side = -1;
	sv->want_cur = true;
	ui->split = sv;
	if (!sv->anchored)
		ui->msg = split_msg_independent;
	return true;
}

void split_close(struct ui *ui)
{
	struct split_view *sv = ui->split;
	if (sv == NULL)
		return;
	/* The reader goes on from the paragraph the split view was at. */
	int s = sv->art[0] == ui->reader.article ? 0 : sv->art[1] == ui->reader.article ? 1 : 0;
	size_t para = UI_NONE;
	if (sv->al->nbeads > 0 && sv->laid) {
		size_t bead;
		int off;
		if (sv->sync) {
			bead = sv->block_first[sv->cur];
		} else {
			split_anchor(sv, s, &bead, &off);
		}
		for (size_t k = bead; k < sv->al->nbeads && para == UI_NONE; k++)
			if (sv->al->beads[k].count[s])
				para = split_first_para(sv->al, s, k);
	}
	if (para != UI_NONE)
		reader_open_at(&ui->reader, sv->art[s], para);
	else if (ui->reader.article != sv->art[s])
		reader_open(&ui->reader, sv->art[s]);
	ui->focus = PANE_READER;
	if (ui->msg == split_msg_small || ui->msg == split_msg_independent)
		ui->msg = NULL;
	split_view_free(sv);
	ui->split = NULL;
}

void split_free_all(struct ui *ui)
{
	split_view_free(ui->split);
	ui->split = NULL;
	picker_free(ui->picker);
	ui->picker = NULL;
}

/* ---- keys */

static void split_picked(struct ui *ui)
{
	struct picker *p = ui->picker;
	const struct picker_item it = p->v[p->sel];
	size_t from = p->from;
	picker_free(p);
	ui->picker = NULL;
	const struct article *a = &ui->col->items[from];
	/* A bilingual article shows its main language beside the other text. */
	const char *lang0 = a->nlangs > 1 ? a->lang : NULL;
	if (!split_open(ui, from, lang0, it.article, it.same ? it.lang : NULL))
		ui->msg = N_("Nothing to read side by side there.");
}

static bool split_picker_act(struct ui *ui, enum action a, long count)
{
	switch (picker_act(ui->picker, a, count)) {
	case PICKER_CHOSEN:
		split_picked(ui);
		break;
	case PICKER_CANCEL:
		picker_free(ui->picker);
		ui->picker = NULL;
		break;
	default:
		break;
	}
	return true;
}

static void split_begin(struct ui *ui)
{
	size_t a = ui->reader.article != UI_NONE ? ui->reader.article : list_selected(&ui->list);
	if (a == UI_NONE || a >= ui->col->n) {
		ui->msg = N_("Open an article first.");
		return;
	}
	struct picker *p = picker_new(ui->col, ui->events, a);
	if (p->n == 0) {
		picker_free(p);
		ui->msg = N_("Nothing else to read beside it.");
		return;
	}
	ui->picker = p;
}

static void split_toggle_sync(struct ui *ui)
{
	struct split_view *sv = ui->split;
	if (!sv->anchored) {
		ui->msg = split_msg_independent;
		return;
	}
	/* Turned on, the cursor stays where it is if the focused side shows it,
	 * else it goes to that side's top. */
	if (sv->laid && !sv->sync && sv->nblocks > 0) {
		int s = sv->focus;
		int row = sv->t[s].bead_row[sv->block_first[sv->cur]];
		if (row < sv->top[s] || row >= sv->top[s] + (sv->height[s] > 0 ? sv->height[s] : 1))
			sv->cur = split_block_at_top(sv, s);
	}
	sv->sync = !sv->sync;
	sv->want_cur = true;
}

/* Scrolls by delta rows: both sides when synchronised, else side s. */
static void split_scroll(struct split_view *sv, int s, int delta)
{
	if (!sv->laid)
		return;
	if (sv->sync) {
		sv->top[0] += delta;
		split_clamp(sv);
		split_follow(sv);
	} else {
		sv->top[s] += delta;
		split_clamp(sv);
	}
}

static void split_move(struct split_view *sv, enum action a, long count)
{
	int s = sv->focus;
	int h = sv->sync ? split_minh(sv) : (sv->height[s] > 0 ? sv->height[s] : 1);
	bool cursor = sv->sync && sv->laid && sv->nblocks > 0;
	long delta;
	if ((a == ACT_UP || a == ACT_DOWN) && cursor) {
		/* Synchronised, up and down move the cursor block by block. */
		long n = ui_count(count);
		if (a == ACT_UP)
			sv->cur = sv->cur > (size_t)n ? sv->cur - (size_t)n : 0;
		else
			sv->cur = sv->cur + (size_t)n < sv->nblocks ? sv->cur + (size_t)n
								      : sv->nblocks - 1;
		split_show_cur(sv);
		return;
	}
	if (ui_motion(a, count, h, &delta)) {
		split_scroll(sv, s, (int)delta);
		return;
	}
	switch (a) {
	case ACT_TOP:
		sv->top[s] = 0;
		sv->cur = 0;
		split_clamp(sv);
		break;
	case ACT_BOTTOM:
		sv->top[s] = sv->t[s].nrows;
		sv->cur = sv->nblocks ? sv->nblocks - 1 : 0;
		split_clamp(sv);
		break;
	default:
		break;
	}
}

bool split_act(struct ui *ui, enum action a, long count)
{
	if (ui->picker)
		return split_picker_act(ui, a, count);
	struct split_view *sv = ui->split;
	if (sv == NULL) {
		if (a != ACT_SIDE_BY_SIDE)
			return false;
		split_begin(ui);
		return true;
	}
	switch (a) {
	case ACT_SIDE_BY_SIDE: case ACT_QUIT: case ACT_CLOSE:
		split_close(ui);
		return true;
	case ACT_HELP: case ACT_INTERFACE_LANGUAGE: case ACT_REDRAW: case ACT_SUSPEND:
		/* help and the interface language work as anywhere */
		return false;
	case ACT_SWAP_SIDES:
		sv->swapped = !sv->swapped;
		return true;
	case ACT_SYNC_SCROLL:
		split_toggle_sync(ui);
		return true;
	case ACT_NEXT_PANE: case ACT_PREV_PANE:
		sv->focus = !sv->focus;
		return true;
	case ACT_COPY: case ACT_OPEN_URL: case ACT_EDIT: case ACT_PIPE: case ACT_MARK:
	case ACT_TOGGLE_READ:
		/* The pair is copied (c), the article read is opened, piped or marked. */
		return false;
	case ACT_SEARCH: case ACT_NEXT_MATCH: case ACT_PREV_MATCH: case ACT_GO_TO_YEAR:
	case ACT_LANGUAGE_FILTER: case ACT_SORT: case ACT_FILTER:
		/* Side-by-side reading does not block the other jobs: search and
		 * years show on the sides (app.c), the list's keys say what they did. */
		return false;
	case ACT_PREV_EVENT: case ACT_NEXT_EVENT:
		/* Both sides to the previous or next happening either reports. */
		app_walk_split_step(ui, a == ACT_PREV_EVENT ? -1 : 1, count, sv->art,
				    (const char (*)[LANG_TAG_MAX])sv->lang, sv->focus);
		return true;
	default:
		split_move(sv, a, count);
		return true;
	}
}

/* The alignment side shown at display side d. */
static int split_side_of(const struct split_view *sv, int d)
{
	return sv->swapped ? !d : d;
}

static bool split_in(struct rect r, int x, int y)
{
	return r.w > 0 && r.h > 0 && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

bool split_mouse(struct ui *ui, const struct term_event *ev)
{
	struct split_view *sv = ui->split;
	if (ui->picker)
		return true;
	if (sv == NULL)
		return false;
	int wheel = ev->mouse == TERM_MOUSE_WHEEL_UP ? -3 : ev->mouse == TERM_MOUSE_WHEEL_DOWN ? 3 : 0;
	for (int d = 0; d < 2; d++) {
		if (!split_in(sv->pane[d], ev->x, ev->y))
			continue;
		int s = split_side_of(sv, d);
		if (wheel) {
			split_scroll(sv, s, wheel);
			return true;
		}
		sv->focus = s;
		/* A click on a sentence puts the cursor there. */
		int row = sv->top[s] + ev->y - sv->text[d].y;
		for (size_t i = 0; sv->sync && ev->y >= sv->text[d].y && i < sv->t[s].n; i++)
			if (sv->t[s].lines[i].row == row)
				sv->cur = sv->block_of[sv->t[s].lines[i].bead];
		return true;
	}
	return true;
}

/* ---- drawing */

/* Where bytes [start, start + len) of paragraph para of article stand on
 * alignment side `side`: the bead that holds them and their bytes in its text
 * (cut at the sentence's end); false when that side does not show them. */
static bool split_locate(const struct split_view *sv, int side, size_t article, size_t para,
			 size_t start, size_t len, size_t *bead, size_t *from, size_t *to)
{
	if (sv->art[side] != article)
		return false;
	size_t i = align_sentence_at(sv->al, side, para, start);
	if (i == (size_t)-1)
		return false;
	const struct align_sentence *st = &sv->al->sent[side][i];
	if (st->para != para || start < st->start || start >= st->end || st->bead >= sv->al->nbeads)
		return false;
	size_t end = len < st->end - start ? start + len : st->end;
	*bead = st->bead;
	*from = st->at + (start - st->start);
	*to = st->at + (end - st->start);
	return true;
}

/* The first line of t at or below row: lines are sorted by row. */
static size_t split_line_at(const struct split_text *t, int row)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->lines[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The paragraph at the top of side `side` (as the reader counts its position:
 * the one its first line shown belongs to), or UI_NONE for an empty side. */
static size_t split_top_para(const struct split_view *sv, int side)
{
	const struct split_text *t = &sv->t[side];
	if (t->n == 0)
		return UI_NONE;
	size_t i = split_line_at(t, sv->top[side]);
	const struct split_line *l = &t->lines[i < t->n ? i : t->n - 1];
	const struct align_bead *b = &sv->al->beads[l->bead];
	size_t para = UI_NONE;
	for (size_t j = 0; j < b->count[side]; j++) {
		const struct align_sentence *st = &sv->al->sent[side][b->first[side] + j];
		if (j == 0 || st->at <= l->start)
			para = st->para;
	}
	return para;
}

/* A match of the search on one side: its bead and bytes there. */
struct split_mark {
	size_t bead, from, to;
};

/* The current search's matches that side `side` shows; caller frees. */
static struct split_mark *split_marks(struct ui *ui, int side, size_t *n)
{
	struct split_view *sv = ui->split;
	const struct search_match *m;
	size_t nm = results_in_article(&ui->results, sv->art[side], &m);
	struct split_mark *v = nm ? xcalloc(nm, sizeof *v) : NULL;
	*n = 0;
	for (size_t i = 0; i < nm; i++) {
		struct split_mark k;
		if (m[i].para != SEARCH_TITLE &&
		    split_locate(sv, side, m[i].article, m[i].para, m[i].start, m[i].len, &k.bead,
				 &k.from, &k.to))
			v[(*n)++] = k;
	}
	return v;
}

static void split_draw_side(struct ui *ui, int d, bool focused)
{
	struct split_view *sv = ui->split;
	struct surface *s = ui->surf;
	int side = split_side_of(sv, d);
	const struct article *a = &ui->col->items[sv->art[side]];
	char bbuf[LANG_TAG_MAX];
	struct buf title, where;
	buf_init(&title);
	buf_init(&where);
	/* Where this side is ("¶ 3/12", counted as the reader counts) and
	 * whether it scrolls with the other: the title says it of each side. */
	size_t para = split_top_para(sv, side);
	if (para != UI_NONE)
		buf_printf(&where, "¶ %zu/%zu · ", para + 1, a->npara);
	buf_adds(&where, !sv->anchored ? _("independent") : sv->sync ? _("synced") : _("not synced"));
	/* The badge says which side is which: when the bar is short, the ID is
	 * cut rather than the badge (ui_pane_title_at leaves the title this room). */
	const char *badge = ui_lang_badge(sv->lang[side][0] ? sv->lang[side] : a->lang, bbuf);
	int room = sv->pane[d].w - 4 - layout_strwidth(where.data, &s->lo) -
		   layout_strwidth(_("Reader"), &s->lo) - layout_strwidth(badge, &s->lo) - 6;
	char *id = layout_truncate(a->id, room > 1 ? room : 1, false, &s->lo);
	buf_printf(&title, "%s · %s · %s", _("Reader"), id, badge);
	free(id);
	ui_pane_title_at(s, sv->pane[d], title.data, where.data, focused);
	buf_free(&title);
	buf_free(&where);
	struct rect r = sv->text[d];
	const struct split_text *t = &sv->t[side];
	size_t nmarks;
	struct split_mark *marks = split_marks(ui, side, &nmarks);
	struct style cursor = { (uint16_t)(focused ? ATTR_REVERSE : ATTR_UNDERLINE), COLOR_NONE,
				COLOR_NONE };
	for (size_t i = split_line_at(t, sv->top[side]); i < t->n && t->lines[i].row < sv->top[side] + r.h;
	     i++) {
		const struct split_line *l = &t->lines[i];
		int y = r.y + l->row - sv->top[side];
		const char *text = sv->al->beads[l->bead].text[side];
		surface_print(s, r, r.x, y, text + l->start, l->end - l->start, STYLE_PLAIN);
		bool under = sv->sync && sv->block_of[l->bead] == sv->cur && l->width > 0;
		if (under)
			surface_restyle(s, (struct rect){ r.x, y, l->width < r.w ? l->width : r.w, 1 },
					cursor);
		/* Every match of the search on this side, as the reader marks them
		 * (the cursor's highlight kept under them), then the one shown (or
		 * a date) above them. */
		struct style mk = { (uint16_t)((under ? cursor.attr : 0) | ATTR_BOLD | ATTR_UNDERLINE),
				    COLOR_YELLOW, COLOR_NONE };
		for (size_t k = 0; k < nmarks; k++)
			if (marks[k].bead == l->bead)
				ui_mark_span(s, text, l->start, l->end, r.x, y, marks[k].from, marks[k].to, mk);
		if (sv->hl_side == side && l->bead == sv->hl_bead)
			ui_mark_span(s, text, l->start, l->end, r.x, y, sv->hl_start,
				     sv->hl_start + sv->hl_len,
				     (struct style){ ATTR_BOLD | ATTR_UNDERLINE | ATTR_REVERSE,
						     COLOR_YELLOW, COLOR_NONE });
	}
	free(marks);
}

int split_side_holding(const struct ui *ui, size_t article, size_t para, size_t start)
{
	const struct split_view *sv = ui->split;
	if (sv == NULL)
		return -1;
	size_t bead, from, to;
	for (int side = 0; side < 2; side++)
		if (split_locate(sv, side, article, para, start, 1, &bead, &from, &to))
			return side;
	return -1;
}

bool split_show(struct ui *ui, size_t article, size_t para, size_t start, size_t len)
{
	struct split_view *sv = ui->split;
	int side = split_side_holding(ui, article, para, start);
	size_t bead, from, to;
	if (sv == NULL || side < 0 ||
	    !split_locate(sv, side, article, para, start, len, &bead, &from, &to))
		return false;
	sv->hl_side = side;
	sv->hl_bead = bead;
	sv->hl_start = from;
	sv->hl_len = to - from;
	sv->want_hl = true;
	sv->focus = side;
	return true;
}

static struct rect split_text_rect(struct rect pane)
{
	struct rect t = { pane.x, pane.y + 1, pane.w, pane.h - 1 };
	if (t.w >= 12) {
		t.x += 1;
		t.w -= 2;
	}
	return t;
}

bool split_draw(struct ui *ui, struct rect body)
{
	struct split_view *sv = ui->split;
	if (sv == NULL)
		return false;
	struct surface *s = ui->surf;
	sv->vertical = body.w >= SPLIT_WIDE_W;
	struct rect sep;
	if (sv->vertical) {
		int lw = (body.w - 1) / 2;
		sv->pane[0] = (struct rect){ body.x, body.y, lw, body.h };
		sv->pane[1] = (struct rect){ body.x + lw + 1, body.y, body.w - lw - 1, body.h };
		sep = (struct rect){ body.x + lw, body.y, 1, body.h };
	} else {
		int th = (body.h - 1) / 2;
		sv->pane[0] = (struct rect){ body.x, body.y, body.w, th };
		sv->pane[1] = (struct rect){ body.x, body.y + th + 1, body.w, body.h - th - 1 };
		sep = (struct rect){ body.x, body.y + th, body.w, 1 };
	}
	/* Each side needs its title and two rows of text, else one side is shown. */
	sv->fallback = sv->pane[0].h < 3 || sv->pane[1].h < 3 || sv->pane[0].w < 8 ||
		       sv->pane[1].w < 8;
	int fd = sv->swapped ? !sv->focus : sv->focus;
	if (sv->fallback) {
		sv->pane[fd] = body;
		sv->pane[!fd] = (struct rect){ 0, 0, 0, 0 };
		ui->msg = split_msg_small;
	} else if (ui->msg == split_msg_small) {
		ui->msg = NULL;
	}
	int width[2];
	for (int d = 0; d < 2; d++) {
		sv->text[d] = split_text_rect(sv->pane[d]);
		int side = split_side_of(sv, d);
		width[side] = sv->text[d].w;
		sv->height[side] = sv->text[d].h;
	}
	if (sv->fallback) {
		int side = split_side_of(sv, !fd);
		width[side] = sv->text[fd].w;
		sv->height[side] = sv->text[fd].h;
	}
	bool relaid = split_layout(sv, width, &s->lo);
	if (relaid && sv->sync && !sv->want_cur && sv->nblocks > 0) {
		/* A new width: the text at the top stays, and the cursor on screen. */
		split_clamp(sv);
		split_show_cur(sv);
	}
	if (sv->want_cur) {
		sv->want_cur = false;
		for (int side = 0; side < 2 && sv->nblocks > 0; side++)
			sv->top[side] = sv->sync ? sv->block_row[sv->cur]
						 : sv->t[side].bead_row[sv->block_first[sv->cur]];
	}
	if (sv->want_hl && sv->hl_side >= 0) {
		/* The match's bead: under the cursor when synchronised, else at the
		 * top of its side, a row of what comes before above it. */
		sv->want_hl = false;
		if (sv->sync && sv->nblocks > 0) {
			sv->cur = sv->block_of[sv->hl_bead];
			split_clamp(sv);
			split_show_cur(sv);
		} else {
			int row = sv->t[sv->hl_side].bead_row[sv->hl_bead];
			sv->top[sv->hl_side] = row > 0 ? row - 1 : 0;
		}
	}
	split_clamp(sv);
	for (int d = 0; d < 2; d++)
		if (sv->pane[d].w > 0 && sv->pane[d].h > 0)
			split_draw_side(ui, d, split_side_of(sv, d) == sv->focus);
	/* The separator last, so that nothing drawn beside it covers it. */
	struct style dim = { ATTR_DIM, COLOR_NONE, COLOR_NONE };
	if (!sv->fallback)
		for (int i = 0; i < (sv->vertical ? sep.h : sep.w); i++)
			surface_prints(s, sep, sv->vertical ? sep.x : sep.x + i,
				       sv->vertical ? sep.y + i : sep.y, sv->vertical ? "│" : "─",
				       dim);
	return true;
}

void split_status(struct ui *ui, struct buf *right)
{
	struct split_view *sv = ui->split;
	if (sv == NULL)
		return;
	if (!sv->anchored) {
		buf_printf(right, "%s  ", _(split_msg_independent));
		return;
	}
	if (!sv->al->translation)
		buf_printf(right, "%s  ", _("not a translation: aligned on shared dates and names"));
	buf_printf(right, "%s  ", sv->sync ? _("sync on") : _("sync off"));
	if (sv->sync && sv->nblocks)
		buf_printf(right, "%zu/%zu  ", sv->cur + 1, sv->nblocks);
}

void split_get_info(const struct ui *ui, struct split_info *info)
{
	memset(info, 0, sizeof *info);
	const struct split_view *sv = ui->split;
	if (sv == NULL)
		return;
	info->open = true;
	info->fallback = sv->fallback;
	info->vertical = sv->vertical;
	info->sync = sv->sync;
	info->translation = sv->al->translation;
	info->anchored = sv->anchored;
	info->swapped = sv->swapped;
	info->focus = sv->swapped ? !sv->focus : sv->focus;
	info->cur = sv->cur;
	info->nblocks = sv->nblocks;
	for (int d = 0; d < 2; d++) {
		info->text[d] = sv->text[d];
		info->cur_row[d] = -1;
		int side = split_side_of(sv, d);
		if (!sv->laid || sv->nblocks == 0 || sv->text[d].h <= 0)
			continue;
		/* Where the block's first line on this side is. */
		for (size_t i = 0; i < sv->t[side].n; i++) {
			const struct split_line *l = &sv->t[side].lines[i];
			if (sv->block_of[l->bead] != sv->cur)
				continue;
			int y = l->row - sv->top[side];
			if (y >= 0 && y < sv->text[d].h)
				info->cur_row[d] = sv->text[d].y + y;
			break;
		}
	}
}

bool split_pair(const struct ui *ui, size_t art[2], char lang[2][LANG_TAG_MAX])
{
	if (ui->split == NULL)
		return false;
	for (int k = 0; k < 2; k++) {
		art[k] = ui->split->art[k];
		memcpy(lang[k], ui->split->lang[k], LANG_TAG_MAX);
	}
	return true;
}

bool split_place_get(const struct ui *ui, struct split_place *p)
{
	const struct split_view *sv = ui->split;
	if (sv == NULL)
		return false;
	*p = (struct split_place){ sv->sync, sv->swapped, sv->focus, sv->cur, { sv->top[0], sv->top[1] } };
	return true;
}

void split_place_set(struct ui *ui, const struct split_place *p)
{
	struct split_view *sv = ui->split;
	if (sv == NULL)
		return;
	/* Sync only where there is something to synchronise on. */
	sv->sync = p->sync && sv->anchored;
	sv->swapped = p->swapped;
	sv->focus = p->focus == 1;
	sv->cur = p->cur < sv->nblocks ? p->cur : 0;
	sv->want_cur = false;
	sv->top[0] = p->top[0];
	sv->top[1] = p->top[1];
	sv->laid = false;
}

char *split_block_text(const struct ui *ui)
{
	const struct split_view *sv = ui->split;
	if (sv == NULL || sv->al == NULL || sv->cur >= sv->nblocks)
		return NULL;
	struct buf b;
	buf_init(&b);
	for (int side = 0; side < 2; side++) {
		if (side)
			buf_adds(&b, "\n\n");
		for (size_t i = sv->block_first[sv->cur]; i < sv->block_first[sv->cur + 1]; i++) {
			const char *t = sv->al->beads[i].text[side];
			if (t && t[0])
				buf_printf(&b, "%s%s", b.len && b.data[b.len - 1] != '\n' ? " " : "", t);
		}
	}
	return buf_take(&b);
}
