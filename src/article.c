/* article.c: the model's small operations: dates, ownership, the collection list. */
#include "article.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "i18n.h"
#include "xalloc.h"

void adate_format(const struct adate *d, char *buf, size_t size)
{
	switch (d->prec) {
	case DATE_YEAR:
		snprintf(buf, size, "%04d", d->year);
		break;
	case DATE_MONTH:
		snprintf(buf, size, "%04d-%02d", d->year, d->month);
		break;
	case DATE_DAY:
		snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
		break;
	default:
		if (size)
			buf[0] = '\0';
	}
}

int adate_compare(const struct adate *a, const struct adate *b)
{
	/* An unknown date sorts after every known one. */
	if ((a->prec == DATE_NONE) != (b->prec == DATE_NONE))
		return a->prec == DATE_NONE ? 1 : -1;
	int ka[3] = { a->year, a->month, a->day };
	int kb[3] = { b->year, b->month, b->day };
	for (int i = 0; i < 3; i++)
		if (ka[i] != kb[i])
			return ka[i] < kb[i] ? -1 : 1;
	return (int)a->prec - (int)b->prec;
}

const char *para_kind_name(enum para_kind k)
{
	switch (k) {
	case PARA_HEADING: return "heading";
	case PARA_IMAGE: return "image";
	case PARA_QUOTE: return "quote";
	default: return "text";
	}
}

/* Whether text lies in a's block of paragraph text (compared as addresses:
 * text may come from anywhere). */
static bool article_in_text_block(const struct article *a, const char *text)
{
	uintptr_t t = (uintptr_t)text, b = (uintptr_t)a->para_text;
	return a->para_text && t >= b && t < b + a->para_text_cap;
}

void article_free(struct article *a)
{
	free(a->id);
	free(a->title);
	free(a->source);
	free(a->url);
	free(a->path);
	free(a->langs);
	for (size_t i = 0; i < a->npara; i++) {
		if (!article_in_text_block(a, a->paras[i].text))
			free(a->paras[i].text);
		free(a->paras[i].emph);
	}
	free(a->paras);
	free(a->para_text);
	memset(a, 0, sizeof *a);
}

void collection_drop_bodies(struct collection *c)
{
	for (size_t i = 0; c->body && i < c->n; i++) {
		struct article *a = &c->items[i];
		if (a->npara == 0 || a->row <= 0)
			continue;
		for (size_t k = 0; k < a->npara; k++) {
			free(a->paras[k].text);
			free(a->paras[k].emph);
		}
		free(a->paras);
		a->paras = NULL;
		a->nbody = a->npara;
		a->npara = a->para_cap = 0;
	}
}

void collection_init(struct collection *c)
{
	memset(c, 0, sizeof *c);
}

bool collection_body(const struct collection *c, const struct article *a)
{
	if (a->nbody == 0)
		return true;
	return c->body && c->body(c->body_ctx, (struct article *)a);
}

void collection_free(struct collection *c)
{
	for (size_t i = 0; i < c->n; i++)
		article_free(&c->items[i]);
	free(c->items);
	for (size_t i = 0; i < c->nwarnings; i++)
		free(c->warnings[i]);
	free(c->warnings);
	free(c->warn_last);
	collection_init(c);
}

void collection_add(struct collection *c, struct article *a)
{
	xgrow((void **)&c->items, &c->cap, c->n + 1, sizeof *c->items);
	c->items[c->n++] = *a;
	memset(a, 0, sizeof *a);
}

void collection_adopt(struct collection *c, struct article *arts, size_t n)
{
	if (c->n == 0) {
		free(c->items);
		c->items = arts;
		c->n = c->cap = n;
		return;
	}
	if (n) {
		xgrow((void **)&c->items, &c->cap, c->n + n, sizeof *c->items);
		memcpy(&c->items[c->n], arts, n * sizeof *arts);
		c->n += n;
	}
	free(arts);
}

void collection_move_items(struct collection *to, struct collection *from)
{
	collection_adopt(to, from->items, from->n);
	from->items = NULL;
	from->n = from->cap = 0;
}

/* Whether two warnings report one problem of two files (or two lines): the
 * text they end with alike begins after a ": " ("a.txt: empty file; skipped",
 * "b.txt: empty file; skipped"). The format cannot tell: warnings kept in the
 * index come back through "%s". */
static bool collection_warn_alike(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), k = 0;
	while (k < la && k < lb && a[la - 1 - k] == b[lb - 1 - k])
		k++;
	const char *common = b + lb - k, *sep = strstr(common, ": ");
	return sep && sep[2] != '\0';
}

void collection_warn(struct collection *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	char *msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	/* Warnings quote file names and the parsers' messages, which quote the
	 * file's bytes: shown on a terminal, neither may carry an escape. */
	char *safe = clean_name(msg, (size_t)n);
	free(msg);
	bool alike = c->warn_last && collection_warn_alike(c->warn_last, safe);
	c->warn_run = alike ? c->warn_run + 1 : 1;
	free(c->warn_last);
	c->warn_last = safe;
	char *line;
	if (c->warn_run > COLLECTION_WARN_REPEATS) {
		/* One line counts the rest of the run, and is rewritten as it grows. */
		size_t more = c->warn_run - COLLECTION_WARN_REPEATS;
		line = xasprintf(P_("%zu more like the warning above",
				    "%zu more like the warning above", more), more);
		if (more > 1)
			free(c->warnings[--c->nwarnings]);
	} else {
		line = xstrdup(safe);
	}
	xgrow((void **)&c->warnings, &c->capwarnings, c->nwarnings + 1, sizeof *c->warnings);
	c->warnings[c->nwarnings++] = line;
}

/* One article's place in the order, packed so that comparing two rarely reads
 * the articles themselves: at 100,000 articles the sort ran through the whole
 * array for every comparison and was a sixth of the browser's start. */
struct article_key {
	uint64_t when[2];               /* undated?, year; month, day (each as unsigned) */
	uint64_t id8;                   /* the id's first 8 bytes, big-endian */
	const char *id;
	size_t idx;
	int prec;
};

/* An int as an unsigned that sorts as the int does. */
static uint64_t article_uint(int v)
{
	return (uint64_t)((uint32_t)v ^ 0x80000000u);
}

static void article_key_make(struct article_key *k, const struct article *a, size_t idx)
{
	/* As adate_compare: unknown dates after every known one. */
	k->when[0] = (uint64_t)(a->date.prec == DATE_NONE) << 32 | article_uint(a->date.year);
	k->when[1] = article_uint(a->date.month) << 32 | article_uint(a->date.day);
	k->prec = (int)a->date.prec;
	k->id8 = 0;
	for (size_t i = 0; i < 8 && a->id[i]; i++)
		k->id8 |= (uint64_t)(unsigned char)a->id[i] << (56 - 8 * i);
	k->id = a->id;
	k->idx = idx;
}

static int article_key_cmp(const void *pa, const void *pb)
{
	const struct article_key *a = pa, *b = pb;
	for (int i = 0; i < 2; i++)
		if (a->when[i] != b->when[i])
			return a->when[i] < b->when[i] ? -1 : 1;
	if (a->prec != b->prec)
		return a->prec < b->prec ? -1 : 1;
	/* The same first bytes as strcmp compares them; past them, strcmp. */
	if (a->id8 != b->id8)
		return a->id8 < b->id8 ? -1 : 1;
	int d = (a->id8 & 0xff) ? strcmp(a->id + 8, b->id + 8) : 0;
	/* The same date and id (two collections): as they came. */
	return d ? d : (a->idx > b->idx) - (a->idx < b->idx);
}

static char *article_dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void article_copy(struct article *to, const struct article *from)
{
	*to = *from;
	to->id = article_dup_or_null(from->id);
	to->title = article_dup_or_null(from->title);
	to->source = article_dup_or_null(from->source);
	to->url = article_dup_or_null(from->url);
	to->path = article_dup_or_null(from->path);
	to->langs = xcalloc(from->nlangs ? from->nlangs : 1, sizeof *to->langs);
	if (from->nlangs)
		memcpy(to->langs, from->langs, from->nlangs * sizeof *to->langs);
	to->paras = from->npara ? xcalloc(from->npara, sizeof *to->paras) : NULL;
	to->para_cap = 0;
	to->para_text = NULL;   /* each paragraph's text is a copy of its own */
	to->para_text_used = to->para_text_cap = 0;
	for (size_t i = 0; i < from->npara; i++) {
		to->paras[i] = from->paras[i];
		to->paras[i].text = xstrdup(from->paras[i].text);
		if (from->paras[i].nemph) {
			to->paras[i].emph = xcalloc(from->paras[i].nemph, sizeof *to->paras[i].emph);
			memcpy(to->paras[i].emph, from->paras[i].emph,
			       from->paras[i].nemph * sizeof *to->paras[i].emph);
		}
	}
}

void collection_sort(struct collection *c)
{
	if (c->n < 2)
		return;
	struct article_key *keys = xcalloc(c->n, sizeof *keys);
	bool sorted = true;
	for (size_t i = 0; i < c->n; i++) {
		article_key_make(&keys[i], &c->items[i], i);
		sorted = sorted && (i == 0 || article_key_cmp(&keys[i - 1], &keys[i]) < 0);
	}
	if (!sorted) {
		qsort(keys, c->n, sizeof *keys, article_key_cmp);
		/* Put in place cycle by cycle (item i takes item keys[i].idx): a
		 * second array of 100,000 articles was 18 MiB more at the peak. */
		bool *done = xcalloc(c->n, sizeof *done);
		for (size_t s = 0; s < c->n; s++) {
			if (done[s])
				continue;
			struct article first = c->items[s];
			size_t j = s;
			for (;;) {
				size_t k = keys[j].idx;
				done[j] = true;
				if (k == s) {
					c->items[j] = first;
					break;
				}
				c->items[j] = c->items[k];
				j = k;
			}
		}
		free(done);
	}
	free(keys);
}

/* Whether a (at ia) goes after b (at ib) in collection_sort's order. */
static bool article_after(const struct article *a, size_t ia, const struct article *b, size_t ib)
{
	struct article_key ka, kb;
	article_key_make(&ka, a, ia);
	article_key_make(&kb, b, ib);
	return article_key_cmp(&ka, &kb) > 0;
}

void collection_sort_tail(struct collection *c, size_t from)
{
	if (from >= c->n)
		return;
	size_t k = c->n - from;
	struct collection tail = { .items = c->items + from, .n = k };
	collection_sort(&tail);
	/* Merged from the end, the tail set aside: what compares equal but for
	 * where it came keeps the sorted part first, as one sort of them all. */
	struct article *rest = xmalloc(k * sizeof *rest);
	memcpy(rest, tail.items, k * sizeof *rest);
	size_t i = from, j = k, w = c->n;
	while (j > 0) {
		if (i > 0 && article_after(&c->items[i - 1], i - 1, &rest[j - 1], from + j - 1))
			c->items[--w] = c->items[--i];
		else
			c->items[--w] = rest[--j];
	}
	free(rest);
}

static int collection_row_cmp(const void *a, const void *b)
{
	long long x = ((const struct collection_row *)a)->row, y = ((const struct collection_row *)b)->row;
	return (x > y) - (x < y);
}

void collection_rows_free(struct collection_rows *m)
{
	free(m->at);
	free(m->sorted);
	memset(m, 0, sizeof *m);
}

bool collection_rows_make(struct collection_rows *m, const struct collection *c)
{
	*m = (struct collection_rows){ .n = c->n };
	for (size_t i = 0; i < c->n; i++) {
		if (c->items[i].row <= 0)
			return false;
		if (c->items[i].row > m->max)
			m->max = c->items[i].row;
	}
	if ((unsigned long long)m->max <= 4 * (unsigned long long)c->n + 1024) {
		m->at = xcalloc((size_t)m->max + 1, sizeof *m->at);
		for (size_t i = 0; i < c->n; i++) {
			size_t *at = &m->at[c->items[i].row];
			if (*at) {
				collection_rows_free(m);
				return false;
			}
			*at = i + 1;
		}
		return true;
	}
	m->sorted = xcalloc(c->n ? c->n : 1, sizeof *m->sorted);
	for (size_t i = 0; i < c->n; i++)
		m->sorted[i] = (struct collection_row){ c->items[i].row, i };
	qsort(m->sorted, c->n, sizeof *m->sorted, collection_row_cmp);
	for (size_t i = 1; i < c->n; i++) {
		if (m->sorted[i].row == m->sorted[i - 1].row) {
			collection_rows_free(m);
			return false;
		}
	}
	return true;
}

size_t collection_rows_find(const struct collection_rows *m, long long row)
{
	if (m->at)
		return row > 0 && row <= m->max && m->at[row] ? m->at[row] - 1 : (size_t)-1;
	if (!m->sorted)
		return (size_t)-1;
	struct collection_row key = { row, 0 };
	struct collection_row *at = bsearch(&key, m->sorted, m->n, sizeof *m->sorted, collection_row_cmp);
	return at ? at->idx : (size_t)-1;
}

size_t collection_index(const struct collection *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->items[i].id, id) == 0)
			return i;
	return (size_t)-1;
}

const struct article *collection_find(const struct collection *c, const char *id)
{
	size_t i = collection_index(c, id);
	return i == (size_t)-1 ? NULL : &c->items[i];
}

struct paragraph *article_add_para(struct article *a, const char *text, size_t len,
				   const char *lang, enum para_kind kind)
{
	/* Room grows by half again: one paragraph at a time would copy the
	 * array once a paragraph (quadratic where realloc cannot grow in place),
	 * and doubling leaves up to half of a file of tiny paragraphs' worth
	 * unused. An array made elsewhere has para_cap 0 and is grown here on
	 * first use. */
	if (a->npara + 1 > a->para_cap) {
		size_t cap = a->para_cap < a->npara ? a->npara : a->para_cap;
		cap = cap < 2 ? 2 : cap + cap / 2;
		if (cap > SIZE_MAX / sizeof *a->paras)
			cap = a->npara + 1;     /* xrealloc says no when it must */
		a->paras = xrealloc(a->paras, cap * sizeof *a->paras);
		a->para_cap = cap;
	}
	struct paragraph *p = &a->paras[a->npara++];
	memset(p, 0, sizeof *p);
	if (a->para_text && a->para_text_cap - a->para_text_used > len) {
		p->text = a->para_text + a->para_text_used;
		memcpy(p->text, text, len);
		p->text[len] = '\0';
		a->para_text_used += len + 1;
	} else {
		p->text = xstrndup(text, len);
	}
	snprintf(p->lang, sizeof p->lang, "%s", lang ? lang : "und");
	p->kind = kind;
	return p;
}

void article_reserve_text(struct article *a, size_t bytes)
{
	if (a->para_text || bytes == 0)
		return;
	a->para_text = xmalloc(bytes);
	a->para_text_cap = bytes;
	a->para_text_used = 0;
}

void article_update_langs(struct article *a)
{
	/* Languages in order of first appearance, weighted by bytes of text. */
	size_t cap = a->npara ? a->npara : 1;
	char (*tags)[LANG_TAG_MAX] = xcalloc(cap, sizeof *tags);
	size_t *weight = xcalloc(cap, sizeof *weight);
	size_t n = 0;
	for (size_t i = 0; i < a->npara; i++) {
		const struct paragraph *p = &a->paras[i];
		if (p->kind == PARA_IMAGE || strcmp(p->lang, "und") == 0)
			continue;
		size_t j = 0;
		while (j < n && strcmp(tags[j], p->lang) != 0)
			j++;
		if (j == n)
			memcpy(tags[n++], p->lang, LANG_TAG_MAX);
		weight[j] += strlen(p->text);
	}
	size_t main = 0;
	for (size_t j = 1; j < n; j++)
		if (weight[j] > weight[main])
			main = j;
	free(a->langs);
	a->nlangs = n;
	a->langs = xcalloc(n ? n : 1, sizeof *a->langs);
	if (n) {
		memcpy(a->langs[0], tags[main], LANG_TAG_MAX);
		for (size_t j = 0, k = 1; j < n; j++)
			if (j != main)
				memcpy(a->langs[k++], tags[j], LANG_TAG_MAX);
		memcpy(a->lang, tags[main], LANG_TAG_MAX);
	} else {
		snprintf(a->lang, sizeof a->lang, "und");
	}
	free(tags);
	free(weight);
}
