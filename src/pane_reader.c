/* pane_reader.c: one article, wrapped to the pane. The reading position is kept
 * as (paragraph, byte offset of the first visible line), never as a screen
 * line, so the same text stays at the top across resizes and when coming back
 * to an article. A reader_view draws into any rect: side-by-side reading will
 * put two of them next to each other. */
#include <config.h>
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "search.h"
#include "uidate.h"
#include "xalloc.h"

/* The header (title, date, source and languages), built at each use: its text
 * is translated when shown and is a few lines long. */
struct reader_head_line {
	int src;
	size_t start, end;
};

/* Title; date; source and languages; the url when the file gives one. */
#define READER_HEAD_SRC 4
struct reader_head {
	char *src[READER_HEAD_SRC];
	struct style st[READER_HEAD_SRC];
	struct reader_head_line *lines;
	size_t n, cap;
};

void reader_init(struct reader_view *rv, size_t narticles)
{
	memset(rv, 0, sizeof *rv);
	rv->article = UI_NONE;
	rv->pos.para = UI_NONE;
	rv->laid_article = UI_NONE;
	rv->nmemory = narticles;
	rv->memory = xcalloc(narticles ? narticles : 1, sizeof *rv->memory);
	for (size_t i = 0; i < narticles; i++)
		rv->memory[i].para = UI_NONE;
}

void reader_grow(struct reader_view *rv, size_t narticles)
{
	if (narticles <= rv->nmemory)
		return;
	rv->memory = xrealloc(rv->memory, narticles * sizeof *rv->memory);
	for (size_t i = rv->nmemory; i < narticles; i++)
		rv->memory[i] = (struct reader_pos){ UI_NONE, 0 };
	rv->nmemory = narticles;
}

void reader_free(struct reader_view *rv)
{
	free(rv->memory);
	free(rv->lines);
	memset(rv, 0, sizeof *rv);
}

static void reader_remember(struct reader_view *rv)
{
	if (rv->article != UI_NONE && rv->article < rv->nmemory)
		rv->memory[rv->article] = rv->pos;
}

void reader_open(struct reader_view *rv, size_t article)
{
	reader_remember(rv);
	rv->article = article;
	rv->hl = false;
	if (article < rv->nmemory)
		rv->pos = rv->memory[article];
	else
		rv->pos = (struct reader_pos){ UI_NONE, 0 };
}

void reader_open_at(struct reader_view *rv, size_t article, size_t para)
{
	reader_remember(rv);
	rv->article = article;
	rv->hl = false;
	rv->pos = (struct reader_pos){ para, 0 };
}

void reader_highlight(struct reader_view *rv, size_t para, size_t start, size_t len)
{
	rv->hl = true;
	rv->hl_para = para;
	rv->hl_start = start;
	rv->hl_len = len;
}

/* The article read, its body loaded when it was left in the index. */
static const struct article *reader_article(const struct reader_view *rv,
					    const struct collection *col)
{
	if (rv->article >= col->n)
		return NULL;
	const struct article *a = &col->items[rv->article];
	collection_body(col, a);
	return a;
}

static void reader_head_add(struct reader_head *h, int src, int width, const char *lang,
			    const struct layout_opts *lo)
{
	struct layout_line *ll;
	size_t n = layout_wrap(h->src[src], strlen(h->src[src]), width, lang, lo, &ll);
	for (size_t i = 0; i < n; i++) {
		xgrow((void **)&h->lines, &h->cap, h->n + 1, sizeof *h->lines);
		h->lines[h->n++] = (struct reader_head_line){ src, ll[i].start, ll[i].end };
	}
	free(ll);
}

static void reader_head_build(struct reader_head *h, const struct article *a, int width,
			      enum uilang_id ui_lang, const struct layout_opts *lo)
{
	memset(h, 0, sizeof *h);
	if (a == NULL || width < 1)
		return;
	h->src[0] = xstrdup(a->title && a->title[0] ? a->title : a->id);
	h->st[0] = (struct style){ ATTR_BOLD, COLOR_NONE, COLOR_NONE };
	/* The date as the interface language writes it; the article's text
	 * (title, body) is never translated. */
	char date[UIDATE_MAX];
	uidate_format(&a->date, ui_lang, date, sizeof date);
	struct buf b;
	buf_init(&b);
	if (date[0] == '\0')
		buf_adds(&b, _("undated"));
	else if (a->date.inferred) {
		/* A full-width parenthesis brings its own space: none before it. */
		const char *inf = _("(date inferred)");
		buf_printf(&b, "~%s%s%s", date, strncmp(inf, "（", strlen("（")) == 0 ? "" : " ",
			   inf);
	}
	else
		buf_adds(&b, date);
	h->src[1] = buf_take(&b);
	h->st[1] = (struct style){ 0, COLOR_CYAN, COLOR_NONE };
	if (a->source && a->source[0]) {
		buf_printf(&b, _("Source: %s"), a->source);
		buf_adds(&b, "   ");
	}
	struct buf names;
	buf_init(&names);
	for (size_t i = 0; i < a->nlangs; i++) {
		/* TRANSLATORS: between two language names in the reader's header. */
		buf_adds(&names, i ? _(", ") : "");
		buf_adds(&names, ui_lang_name(a->langs[i]));
	}
	buf_printf(&b, _("Languages: %s"), names.data ? names.data : "");
	buf_free(&names);
	h->src[2] = buf_take(&b);
	h->st[2] = (struct style){ ATTR_DIM, COLOR_NONE, COLOR_NONE };
	reader_head_add(h, 0, width, a->lang, lo);
	reader_head_add(h, 1, width, NULL, lo);
	reader_head_add(h, 2, width, NULL, lo);
	if (a->url && a->url[0]) {
		h->src[3] = xstrdup(a->url);
		h->st[3] = (struct style){ ATTR_DIM | ATTR_UNDERLINE, COLOR_NONE, COLOR_NONE };
		reader_head_add(h, 3, width, NULL, lo);
	}
	/* A blank line between the header and the text. */
	xgrow((void **)&h->lines, &h->cap, h->n + 1, sizeof *h->lines);
	h->lines[h->n++] = (struct reader_head_line){ -1, 0, 0 };
}

static void reader_head_free(struct reader_head *h)
{
	for (int i = 0; i < READER_HEAD_SRC; i++)
		free(h->src[i]);
	free(h->lines);
}

/* An image paragraph holds only its alt text; the reader puts a label in the
 * interface language before it ("[image] a chart", "[图片] a chart"). */
static const char *reader_image_label(char *buf, size_t size)
{
	snprintf(buf, size, "[%s]", _("image"));
	return buf;
}

static int reader_indent(enum para_kind k, int image_w)
{
	return k == PARA_QUOTE ? 4 : k == PARA_IMAGE ? image_w : 0;
}

/* Columns an image's alt text is indented by: its label and a space. */
static int reader_image_width(const struct layout_opts *lo)
{
	char label[64];
	return layout_strwidth(reader_image_label(label, sizeof label), lo) + 1;
}

/* Wraps the body for width, unless it is already wrapped so. */
static void reader_layout(struct reader_view *rv, const struct article *a, int width,
			  const struct layout_opts *lo)
{
	/* The image label's width changes with the interface language. */
	int image_w = reader_image_width(lo);
	if (rv->lines && rv->laid_article == rv->article && rv->laid_width == width &&
	    rv->laid_image_w == image_w)
		return;
	free(rv->lines);
	rv->lines = NULL;
	rv->nlines = 0;
	size_t cap = 0;
	for (size_t p = 0; a && p < a->npara; p++) {
		const struct paragraph *para = &a->paras[p];
		int indent = reader_indent(para->kind, image_w);
		int w = width - indent > 0 ? width - indent : 1;
		size_t len = strlen(para->text);
		struct layout_line *ll;
		size_t n = layout_wrap(para->text, len, w, para->lang, lo, &ll);
		xgrow((void **)&rv->lines, &cap, rv->nlines + n + 1, sizeof *rv->lines);
		for (size_t i = 0; i < n; i++)
			rv->lines[rv->nlines++] = (struct reader_line){ p, ll[i].start, ll[i].end,
									 indent, false };
		free(ll);
		/* A blank line between paragraphs, none after the last. */
		if (p + 1 < a->npara)
			rv->lines[rv->nlines++] = (struct reader_line){ p, len, len, 0, true };
	}
	rv->laid_article = rv->article;
	rv->laid_width = width;
	rv->laid_image_w = image_w;
}

/* The line (counting the header's) where the reading position stands. */
static size_t reader_top_of(const struct reader_view *rv, size_t nhead)
{
	if (rv->pos.para == UI_NONE)
		return rv->pos.off < nhead ? rv->pos.off : 0;
	size_t found = UI_NONE;
	for (size_t i = 0; i < rv->nlines; i++) {
		const struct reader_line *l = &rv->lines[i];
		if (l->para > rv->pos.para)
			break;
		if (l->para == rv->pos.para && (found == UI_NONE || l->start <= rv->pos.off))
			found = i;
	}
	return found == UI_NONE ? 0 : nhead + found;
}

static struct reader_pos reader_pos_of(const struct reader_view *rv, size_t top, size_t nhead)
{
	if (top < nhead || rv->nlines == 0)
		return (struct reader_pos){ UI_NONE, top < nhead ? top : 0 };
	const struct reader_line *l = &rv->lines[top - nhead < rv->nlines ? top - nhead
									  : rv->nlines - 1];
	return (struct reader_pos){ l->para, l->start };
}

static size_t reader_clamp(size_t top, size_t total, int height)
{
	size_t max = total > (size_t)(height > 0 ? height : 1)
			     ? total - (size_t)(height > 0 ? height : 1) : 0;
	return top > max ? max : top;
}

/* Header and body wrapped for the last drawn width; false when never drawn. */
static bool reader_measure(struct reader_view *rv, const struct collection *col,
			   const struct layout_opts *lo, size_t *nhead)
{
	const struct article *a = reader_article(rv, col);
	if (a == NULL || rv->width < 1)
		return false;
	struct reader_head h;
	reader_head_build(&h, a, rv->width, rv->lang, lo);
	*nhead = h.n;
	reader_head_free(&h);
	reader_layout(rv, a, rv->width, lo);
	return true;
}

void reader_scroll(struct reader_view *rv, const struct collection *col,
		   const struct layout_opts *lo, long delta)
{
	size_t nhead;
	if (!reader_measure(rv, col, lo, &nhead))
		return;
	size_t total = nhead + rv->nlines;
	size_t top = reader_clamp(reader_top_of(rv, nhead), total, rv->height);
	if (delta < 0)
		top = (size_t)-delta > top ? 0 : top - (size_t)-delta;
	else
		top = reader_clamp(top + (size_t)delta, total, rv->height);
	rv->pos = reader_pos_of(rv, top, nhead);
}

void reader_reveal(struct reader_view *rv, const struct collection *col,
		   const struct layout_opts *lo, size_t para, size_t off)
{
	rv->pos = (struct reader_pos){ para, 0 };
	size_t nhead;
	if (!reader_measure(rv, col, lo, &nhead)) {
		rv->pos.off = off;
		return;
	}
	size_t first = UI_NONE, at = UI_NONE;
	for (size_t i = 0; i < rv->nlines; i++) {
		const struct reader_line *l = &rv->lines[i];
		if (l->para != para || l->blank)
			continue;
		if (first == UI_NONE)
			first = i;
		if (l->start <= off)
			at = i;
	}
	/* From the top, header included, or else from the paragraph's start, when
	 * that shows the line in the top half; deeper in a long paragraph, from
	 * the line a quarter of the way up the screen. */
	size_t half = rv->height > 1 ? (size_t)rv->height / 2 : 0;
	if (first == UI_NONE || at == UI_NONE)
		return;
	if (nhead + at <= half)
		rv->pos = (struct reader_pos){ UI_NONE, 0 };
	if (at - first <= half)
		return;
	rv->pos.off = rv->lines[at - (size_t)rv->height / 4].start;
}

void reader_top(struct reader_view *rv)
{
	rv->pos = (struct reader_pos){ UI_NONE, 0 };
}

void reader_bottom(struct reader_view *rv, const struct collection *col,
		   const struct layout_opts *lo)
{
	size_t nhead;
	if (!reader_measure(rv, col, lo, &nhead))
		return;
	size_t total = nhead + rv->nlines;
	rv->pos = reader_pos_of(rv, reader_clamp(total, total, rv->height), nhead);
}

void reader_progress(struct reader_view *rv, const struct collection *col,
		     const struct layout_opts *lo, size_t *para, size_t *npara, int *percent)
{
	const struct article *a = reader_article(rv, col);
	size_t nhead;
	*para = *npara = 0;
	*percent = -1;
	if (a == NULL)
		return;
	*npara = a->npara;
	if (!reader_measure(rv, col, lo, &nhead)) {
		/* Not drawn yet (another pane has the screen): the paragraph is known. */
		*para = rv->pos.para == UI_NONE ? (a->npara ? 1 : 0) : rv->pos.para + 1;
		return;
	}
	size_t total = nhead + rv->nlines;
	size_t top = reader_clamp(reader_top_of(rv, nhead), total, rv->height);
	*para = top < nhead || rv->nlines == 0 ? (a->npara ? 1 : 0)
					       : rv->lines[top - nhead].para + 1;
	size_t seen = top + (size_t)rv->height;
	*percent = total == 0 || seen >= total ? 100 : (int)(seen * 100 / total);
}

/* { and }: the paragraph before or after the one at the top, to the top
 * (n times); before the first, the header. */
static void reader_step_paragraph(struct reader_view *rv, const struct collection *col, long n)
{
	const struct article *a = reader_article(rv, col);
	if (a == NULL || a->npara == 0)
		return;
	long p = rv->pos.para == UI_NONE ? -1 : (long)rv->pos.para;
	if (n < 0 && p >= 0 && rv->pos.off > 0)
		n++;            /* back to the start of the paragraph at the top first */
	p += n;
	if (p < 0)
		rv->pos = (struct reader_pos){ UI_NONE, 0 };
	else
		rv->pos = (struct reader_pos){ (size_t)p < a->npara ? (size_t)p : a->npara - 1, 0 };
}

bool reader_act(struct reader_view *rv, const struct collection *col,
		const struct layout_opts *lo, enum action act, long count)
{
	long delta;
	if (ui_motion(act, count, rv->height, &delta)) {
		reader_scroll(rv, col, lo, delta);
		return true;
	}
	switch (act) {
	case ACT_TOP:
		reader_top(rv);
		return true;
	case ACT_BOTTOM:
		/* 20G: paragraph ¶20, as the status line counts them. */
		if (count > 0) {
			reader_top(rv);
			reader_step_paragraph(rv, col, count);
		} else {
			reader_bottom(rv, col, lo);
		}
		return true;
	case ACT_PREV_PARAGRAPH:
		reader_step_paragraph(rv, col, -ui_count(count));
		return true;
	case ACT_NEXT_PARAGRAPH:
		reader_step_paragraph(rv, col, ui_count(count));
		return true;
	default:
		return false;
	}
}

static struct style reader_style(enum para_kind k)
{
	switch (k) {
	case PARA_HEADING: return (struct style){ ATTR_BOLD, COLOR_NONE, COLOR_NONE };
	case PARA_IMAGE: return (struct style){ ATTR_DIM, COLOR_NONE, COLOR_NONE };
	case PARA_QUOTE: return (struct style){ ATTR_ITALIC, COLOR_NONE, COLOR_NONE };
	default: return STYLE_PLAIN;
	}
}

static void reader_draw_line(struct reader_view *rv, const struct article *a,
			     struct surface *s, struct rect clip, int x, int y,
			     const struct reader_line *l)
{
	if (l->blank)
		return;
	const struct paragraph *p = &a->paras[l->para];
	struct style st = reader_style(p->kind);
	if (p->kind == PARA_QUOTE)
		surface_prints(s, clip, x + 1, y, "│", (struct style){ ATTR_DIM, COLOR_NONE,
									COLOR_NONE });
	if (p->kind == PARA_IMAGE && l->start == 0) {
		char label[64];
		surface_prints(s, clip, x, y, reader_image_label(label, sizeof label), st);
	}
	x += l->indent;
	surface_print(s, clip, x, y, p->text + l->start, l->end - l->start, st);
	for (size_t i = 0; i < p->nemph; i++) {
		struct style em = st;
		em.attr |= ATTR_BOLD;
		ui_mark_span(s, p->text, l->start, l->end, x, y, p->emph[i].start,
			     p->emph[i].start + p->emph[i].len, em);
	}
	/* Every match of the search, then the one stood on (or a date) above them. */
	struct style mk = { (uint16_t)(st.attr | ATTR_BOLD | ATTR_UNDERLINE), COLOR_YELLOW,
			    COLOR_NONE };
	for (size_t i = 0; i < rv->nmarks; i++)
		if (rv->marks[i].para == l->para)
			ui_mark_span(s, p->text, l->start, l->end, x, y, rv->marks[i].start,
				     rv->marks[i].start + rv->marks[i].len, mk);
	if (rv->hl && rv->hl_para == l->para) {
		struct style hl = { (uint16_t)(st.attr | ATTR_REVERSE), COLOR_YELLOW, COLOR_NONE };
		ui_mark_span(s, p->text, l->start, l->end, x, y, rv->hl_start,
			     rv->hl_start + rv->hl_len, hl);
	}
}

void reader_draw(struct reader_view *rv, const struct collection *col, struct surface *s,
		 struct rect r, bool focused)
{
	const struct article *a = reader_article(rv, col);
	struct buf title;
	buf_init(&title);
	buf_adds(&title, _("Reader"));
	if (a) {
		buf_adds(&title, " · ");
		buf_adds(&title, a->id);
	}
	struct rect body = ui_pane_title(s, r, title.data, focused);
	buf_free(&title);
	if (body.h <= 0 || body.w <= 0)
		return;
	if (a == NULL) {
		surface_prints(s, body, body.x + 1, body.y,
			       _("No article open: choose one in the list and press Enter."),
			       (struct style){ ATTR_DIM, COLOR_NONE, COLOR_NONE });
		return;
	}
	/* A column of margin on each side when there is room for it. */
	struct rect text = body;
	if (text.w >= 12) {
		text.x += 1;
		text.w -= 2;
	}
	/* A line no wider than --width, from the left margin, however wide the pane. */
	if (rv->max_width > 0 && text.w > rv->max_width)
		text.w = rv->max_width;
	rv->width = text.w;
	rv->height = text.h;
	struct reader_head h;
	reader_head_build(&h, a, text.w, rv->lang, &s->lo);
	reader_layout(rv, a, text.w, &s->lo);
	size_t total = h.n + rv->nlines;
	size_t top = reader_clamp(reader_top_of(rv, h.n), total, text.h);
	for (int row = 0; row < text.h && top + (size_t)row < total; row++) {
		size_t li = top + (size_t)row;
		int y = text.y + row;
		if (li < h.n) {
			const struct reader_head_line *hl = &h.lines[li];
			if (hl->src >= 0)
				surface_print(s, text, text.x, y, h.src[hl->src] + hl->start,
					      hl->end - hl->start, h.st[hl->src]);
			/* Search matches in the title (search covers titles too). */
			if (hl->src == 0 && a->title && a->title[0]) {
				struct reader_line tl = { .start = hl->start, .end = hl->end };
				struct style mk = { ATTR_BOLD | ATTR_UNDERLINE, COLOR_YELLOW, COLOR_NONE };
				for (size_t i = 0; i < rv->nmarks; i++)
					if (rv->marks[i].para == SEARCH_TITLE)
						ui_mark_span(s, h.src[0], tl.start, tl.end, text.x, y,
							     rv->marks[i].start,
							     rv->marks[i].start + rv->marks[i].len, mk);
			}
		} else {
			reader_draw_line(rv, a, s, text, text.x, y, &rv->lines[li - h.n]);
		}
	}
	reader_head_free(&h);
}
