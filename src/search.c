/* search.c: the search index, queries and snippets (see search.h).
 *
 * The folded text of every paragraph sits in one buffer, each paragraph ended
 * by '\n' (folding turns every newline of the text into a space, so '\n' never
 * occurs inside a paragraph nor in a folded query: no match can run across two
 * paragraphs). For each pair of adjacent code points, and for each single
 * non-ASCII code point, a posting list names the articles holding it, as
 * ascending article numbers stored as variable-length deltas. A query's words
 * are folded the same way; the lists of all their pairs are intersected, and
 * the articles left are checked with memmem on their folded text. Only the
 * paragraphs that match are folded again, this time with the map back to the
 * original bytes. */
#include <config.h>
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "utf8.h"
#include "xalloc.h"

/* The articles that hold one pair of code points (or one code point). */
struct search_posting {
	uint64_t key;                   /* 0: an empty slot of the hash table */
	uint32_t last;                  /* the last article added, plus one (0: none) */
	uint32_t count;
	uint8_t *data;                  /* article deltas, LEB128 */
	size_t len, cap;
};

#define SEARCH_ASCII 128

struct search_index {
	const struct collection *col;
	struct fold *fold;
	struct fold_out scratch;        /* one paragraph folded, with or without map */
	char *text;                     /* every paragraph folded, each ended by '\n' */
	size_t len, cap;
	size_t *art_off;                /* art_off[a]: article a's first byte in text */
	size_t *art_para;               /* art_para[a]: article a's first paragraph (global) */
	size_t *para_off;               /* para_off[g]: paragraph g's first byte in text */
	struct search_posting *ascii;   /* pairs of ASCII code points: a direct table */
	struct search_posting *tab;     /* everything else: open addressing */
	size_t tabcap, tabn;
	/* With a source (search_index_source): no postings and no text kept;
	 * the source names the candidates and each is folded when checked. */
	struct search_source src;
	bool has_src;
	size_t *slot_off;               /* one candidate's paragraph offsets in text */
	size_t slot_cap;
	/* The paragraphs the last run read from the source (search_text), by
	 * article then slot, ascending. */
	struct search_kept *kept;
	size_t nkept, capkept;
};

struct search_kept {
	size_t article, slot;
	char *text;
};

/* A word or a phrase of a query, folded. */
struct search_term {
	char *text;
	size_t len;
};

struct search_query {
	struct search_term *terms;
	size_t n, cap;
};

static uint64_t search_key(utf8proc_int32_t a, utf8proc_int32_t b)
{
	return ((uint64_t)a << 21) | (uint64_t)b;
}

static size_t search_hash(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & (cap - 1);
}

static void search_tab_grow(struct search_index *ix)
{
	size_t ncap = ix->tabcap ? ix->tabcap * 2 : 4096;
	struct search_posting *nt = xcalloc(ncap, sizeof *nt);
	for (size_t i = 0; i < ix->tabcap; i++) {
		if (!ix->tab[i].key)
			continue;
		size_t h = search_hash(ix->tab[i].key, ncap);
		while (nt[h].key)
			h = (h + 1) & (ncap - 1);
		nt[h] = ix->tab[i];
	}
	free(ix->tab);
	ix->tab = nt;
	ix->tabcap = ncap;
}

/* The posting list of key; created when create is set, else NULL if none. */
static struct search_posting *search_find(struct search_index *ix, uint64_t key, bool create)
{
	if (ix->tabcap == 0 || (create && (ix->tabn + 1) * 2 > ix->tabcap)) {
		if (!create)
			return NULL;
		search_tab_grow(ix);
	}
	size_t h = search_hash(key, ix->tabcap);
	while (ix->tab[h].key) {
		if (ix->tab[h].key == key)
			return &ix->tab[h];
		h = (h + 1) & (ix->tabcap - 1);
	}
	if (!create)
		return NULL;
	ix->tab[h].key = key;
	ix->tabn++;
	return &ix->tab[h];
}

static struct search_posting *search_posting_of(struct search_index *ix, utf8proc_int32_t a,
						utf8proc_int32_t b, bool create)
{
	if (a < SEARCH_ASCII && b < SEARCH_ASCII && a > 0) {
		struct search_posting *p = &ix->ascii[a * SEARCH_ASCII + b];
		return create || p->count ? p : NULL;
	}
	return search_find(ix, search_key(a, b), create);
}

/* Records that article art holds the pair (once per article). */
static void search_post(struct search_posting *p, uint32_t art)
{
	if (p->last == art + 1)
		return;
	uint32_t delta = art + 1 - p->last;
	xgrow((void **)&p->data, &p->cap, p->len + 5, 1);
	while (delta >= 0x80) {
		p->data[p->len++] = (uint8_t)(delta | 0x80);
		delta >>= 7;
	}
	p->data[p->len++] = (uint8_t)delta;
	p->last = art + 1;
	p->count++;
}

/* The delta at byte *i of posting list p (seven bits a byte, low first, the
 * high bit set on all but the last); moves *i past it. */
static uint32_t search_delta(const struct search_posting *p, size_t *i)
{
	uint32_t delta = 0;
	int shift = 0;
	while (*i < p->len) {
		uint8_t b = p->data[(*i)++];
		delta |= (uint32_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80))
			break;
	}
	return delta;
}

/* The articles of a posting list, ascending, into a new array. */
static uint32_t *search_decode(const struct search_posting *p)
{
	uint32_t *out = xmalloc((p->count ? p->count : 1) * sizeof *out);
	uint32_t cur = 0;
	size_t i = 0, k = 0;
	while (i < p->len && k < p->count) {
		cur += search_delta(p, &i);
		out[k++] = cur - 1;
	}
	return out;
}

/* Keeps the candidates cand[0..n) that are in list p; returns how many are left. */
static size_t search_intersect(uint32_t *cand, size_t n, const struct search_posting *p)
{
	uint32_t cur = 0;
	size_t i = 0, kept = 0, c = 0;
	while (i < p->len && c < n) {
		cur += search_delta(p, &i);
		uint32_t art = cur - 1;
		while (c < n && cand[c] < art)
			c++;
		if (c < n && cand[c] == art)
			cand[kept++] = cand[c++];
	}
	return kept;
}

/* Posts every pair of adjacent code points (and every non-ASCII code point) of
 * text[from, to) for article art. */
static void search_index_article(struct search_index *ix, size_t from, size_t to, uint32_t art)
{
	const char *t = ix->text;
	utf8proc_int32_t prev = '\n';
	size_t i = from;
	while (i < to) {
		unsigned char b = (unsigned char)t[i];
		utf8proc_int32_t c;
		if (b < 0x80) {
			c = b;
			i++;
		} else {
			size_t len;
			c = utf8_decode(t, to, i, &len);
			i += len;
			search_post(search_posting_of(ix, 0, c, true), art);
		}
		if (prev != '\n' && c != '\n')
			search_post(search_posting_of(ix, prev, c, true), art);
		prev = c;
	}
}

static void search_append(struct search_index *ix, const char *s, size_t n)
{
	xgrow((void **)&ix->text, &ix->cap, ix->len + n + 1, 1);
	memcpy(ix->text + ix->len, s, n);
	ix->len += n;
	ix->text[ix->len] = '\0';
}

struct search_index *search_index_new(const struct collection *col)
{
	struct search_index *ix = xcalloc(1, sizeof *ix);
	ix->col = col;
	ix->fold = fold_new();
	fold_out_init(&ix->scratch);
	ix->ascii = xcalloc(SEARCH_ASCII * SEARCH_ASCII, sizeof *ix->ascii);
	/* Each article: its title, then its paragraphs. */
	size_t npara = 0;
	for (size_t a = 0; a < col->n; a++)
		npara += 1 + col->items[a].npara;
	ix->art_off = xcalloc(col->n + 1, sizeof *ix->art_off);
	ix->art_para = xcalloc(col->n + 1, sizeof *ix->art_para);
	ix->para_off = xcalloc(npara + 1, sizeof *ix->para_off);
	size_t g = 0;
	for (size_t a = 0; a < col->n; a++) {
		const struct article *art = &col->items[a];
		ix->art_off[a] = ix->len;
		ix->art_para[a] = g;
		for (size_t p = 0; p <= art->npara; p++) {
			const char *s = p == 0 ? (art->title ? art->title : "") : art->paras[p - 1].text;
			ix->para_off[g++] = ix->len;
			fold_text(ix->fold, s, strlen(s), &ix->scratch, false);
			search_append(ix, ix->scratch.text, ix->scratch.len);
			search_append(ix, "\n", 1);
		}
		search_index_article(ix, ix->art_off[a], ix->len, (uint32_t)a);
	}
	ix->art_off[col->n] = ix->len;
	ix->art_para[col->n] = g;
	ix->para_off[g] = ix->len;
	return ix;
}

struct search_index *search_index_source(const struct collection *col,
					 const struct search_source *src)
{
	struct search_index *ix = xcalloc(1, sizeof *ix);
	ix->col = col;
	ix->fold = fold_new();
	fold_out_init(&ix->scratch);
	ix->src = *src;
	ix->has_src = true;
	return ix;
}

/* The source's article a folded into ix->text (title, then paragraphs, each
 * ended by '\n'), slot k's first byte at ix->slot_off[k]; returns the number
 * of slots, 0 when the article's body cannot be had. */
static size_t search_fold_one(struct search_index *ix, size_t a)
{
	if (ix->src.body && !ix->src.body(ix->src.ctx, a))
		return 0;
	const struct article *art = &ix->col->items[a];
	size_t nslots = 1 + art->npara;
	xgrow((void **)&ix->slot_off, &ix->slot_cap, nslots + 1, sizeof *ix->slot_off);
	ix->len = 0;
	for (size_t p = 0; p < nslots; p++) {
		const char *s = p == 0 ? (art->title ? art->title : "") : art->paras[p - 1].text;
		ix->slot_off[p] = ix->len;
		fold_text(ix->fold, s, strlen(s), &ix->scratch, false);
		search_append(ix, ix->scratch.text, ix->scratch.len);
		search_append(ix, "\n", 1);
	}
	ix->slot_off[nslots] = ix->len;
	return nslots;
}

static int search_kept_cmp(const void *k, const void *e)
{
	const struct search_kept *x = k, *y = e;
	if (x->article != y->article)
		return x->article < y->article ? -1 : 1;
	return (x->slot > y->slot) - (x->slot < y->slot);
}

static void search_kept_clear(struct search_index *ix)
{
	for (size_t i = 0; i < ix->nkept; i++)
		free(ix->kept[i].text);
	ix->nkept = 0;
}

void search_index_free(struct search_index *ix)
{
	if (!ix)
		return;
	for (size_t i = 0; ix->ascii && i < SEARCH_ASCII * SEARCH_ASCII; i++)
		free(ix->ascii[i].data);
	for (size_t i = 0; i < ix->tabcap; i++)
		free(ix->tab[i].data);
	free(ix->ascii);
	free(ix->tab);
	free(ix->text);
	free(ix->art_off);
	free(ix->art_para);
	free(ix->para_off);
	free(ix->slot_off);
	search_kept_clear(ix);
	free(ix->kept);
	fold_out_free(&ix->scratch);
	fold_free(ix->fold);
	free(ix);
}

static void search_query_add(struct search_query *q, const char *s, size_t n)
{
	if (n == 0)
		return;
	for (size_t i = 0; i < q->n; i++)
		if (q->terms[i].len == n && memcmp(q->terms[i].text, s, n) == 0)
			return;
	xgrow((void **)&q->terms, &q->cap, q->n + 1, sizeof *q->terms);
	q->terms[q->n].text = xstrndup(s, n);
	q->terms[q->n].len = n;
	q->n++;
}

/* Folds raw[0..n) and adds it: as one phrase, or split at its spaces. */
static void search_query_fold(struct search_index *ix, struct search_query *q, const char *raw,
			      size_t n, bool phrase)
{
	fold_text(ix->fold, raw, n, &ix->scratch, false);
	const char *s = ix->scratch.text;
	size_t len = ix->scratch.len;
	if (phrase) {
		search_query_add(q, s, len);
		return;
	}
	size_t i = 0;
	while (i < len) {
		const char *sp = memchr(s + i, ' ', len - i);
		size_t end = sp ? (size_t)(sp - s) : len;
		search_query_add(q, s + i, end - i);
		i = end + 1;
	}
}

/* Length of a quotation mark at s, or 0: " and the curly “ ” . */
static size_t search_quote(const char *s)
{
	if (*s == '"')
		return 1;
	if (strncmp(s, "\xe2\x80\x9c", 3) == 0 || strncmp(s, "\xe2\x80\x9d", 3) == 0)
		return 3;
	return 0;
}

static void search_query_parse(struct search_index *ix, const char *raw, struct search_query *q)
{
	memset(q, 0, sizeof *q);
	size_t i = 0, from = 0;
	bool quoted = false;
	while (raw[i]) {
		size_t ql = search_quote(raw + i);
		if (!ql) {
			i++;
			continue;
		}
		search_query_fold(ix, q, raw + from, i - from, quoted);
		quoted = !quoted;
		i += ql;
		from = i;
	}
	/* An unclosed quote runs to the end. */
	search_query_fold(ix, q, raw + from, i - from, quoted);
}

static void search_query_free(struct search_query *q)
{
	for (size_t i = 0; i < q->n; i++)
		free(q->terms[i].text);
	free(q->terms);
}

size_t search_query_terms(struct search_index *ix, const char *query)
{
	struct search_query q;
	search_query_parse(ix, query, &q);
	size_t n = q.n;
	search_query_free(&q);
	return n;
}

static int search_count_order(const void *pa, const void *pb)
{
	const struct search_posting *a = *(const struct search_posting *const *)pa;
	const struct search_posting *b = *(const struct search_posting *const *)pb;
	return a->count < b->count ? -1 : a->count > b->count;
}

/* The articles that may hold every term, ascending, into *cand; returns how
 * many. Terms of one ASCII character narrow nothing: they are checked later. */
static size_t search_candidates(struct search_index *ix, const struct search_query *q,
				uint32_t **cand)
{
	struct search_posting **lists = NULL;
	size_t nlists = 0, caplists = 0;
	bool none = false;
	for (size_t t = 0; t < q->n && !none; t++) {
		const char *s = q->terms[t].text;
		size_t n = q->terms[t].len, i = 0;
		utf8proc_int32_t prev = 0, c;
		while (i < n && !none) {
			size_t len;
			c = utf8_decode(s, n, i, &len);
			i += len;
			struct search_posting *p = NULL;
			bool want = false;
			if (prev) {
				p = search_posting_of(ix, prev, c, false);
				want = true;
			} else if (c >= SEARCH_ASCII && i == n) {
				p = search_posting_of(ix, 0, c, false);
				want = true;
			}
			if (want && !p)
				none = true;
			if (p) {
				xgrow((void **)&lists, &caplists, nlists + 1, sizeof *lists);
				lists[nlists++] = p;
			}
			prev = c;
		}
	}
	size_t ncand = 0;
	if (none) {
		*cand = xmalloc(sizeof **cand);
	} else if (nlists == 0) {
		size_t n = ix->col->n;
		*cand = xmalloc((n ? n : 1) * sizeof **cand);
		for (size_t a = 0; a < n; a++)
			(*cand)[a] = (uint32_t)a;
		ncand = n;
	} else {
		/* Shortest list first: every later step only narrows it. */
		qsort(lists, nlists, sizeof *lists, search_count_order);
		*cand = search_decode(lists[0]);
		ncand = lists[0]->count;
		for (size_t l = 1; l < nlists && ncand; l++)
			if (lists[l] != lists[l - 1])
				ncand = search_intersect(*cand, ncand, lists[l]);
	}
	free(lists);
	return ncand;
}

/* A match in the folded text, before it is mapped back. */
struct search_hit {
	size_t pos, len;
};

static int search_hit_order(const void *pa, const void *pb)
{
	const struct search_hit *a = pa, *b = pb;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return a->len < b->len ? -1 : a->len > b->len;
}

/* The slot (0: the title, k: paragraph k - 1) holding folded byte pos, given
 * the slots' first bytes off[0..nslots), ascending. */
static size_t search_slot_at(const size_t *off, size_t nslots, size_t pos)
{
	size_t lo = 0, hi = nslots;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (off[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* What a run collects: its matches, and room for one article's hits. */
struct search_found {
	struct search_match *res;
	size_t nres, capres;
	struct search_hit *hits;
	size_t caphits;
};

/* The slots of one article to check, and their texts where read from the
 * source (texts[k] NULL: not read, or the article's own). */
struct search_slots {
	size_t *ids;
	char **texts;
	size_t n, cap, tcap;
};

/* Room for one more slot in ss. */
static void search_slots_grow(struct search_slots *ss)
{
	xgrow((void **)&ss->ids, &ss->cap, ss->n + 1, sizeof *ss->ids);
	xgrow((void **)&ss->texts, &ss->tcap, ss->n + 1, sizeof *ss->texts);
}

/* The text of slot k of article a (ss's k-th when ss is not NULL): the title,
 * the loaded paragraph, or the paragraph read from the source (once, kept in
 * ss); NULL when it cannot be had. */
static const char *search_slot_text(struct search_index *ix, size_t a, struct search_slots *ss,
				    size_t k)
{
	const struct article *art = &ix->col->items[a];
	size_t id = ss ? ss->ids[k] : k;
	if (id == 0)
		return art->title ? art->title : "";
	if (id - 1 < art->npara)
		return art->paras[id - 1].text;
	if (ss && !ss->texts[k] && ix->src.para_text)
		ss->texts[k] = ix->src.para_text(ix->src.ctx, a, id - 1);
	return ss ? ss->texts[k] : NULL;
}

/* Keeps the paragraphs of ss read from the source for search_text when the
 * article matched, frees them otherwise. */
static void search_slots_keep(struct search_index *ix, size_t a, struct search_slots *ss, bool keep)
{
	for (size_t k = 0; k < ss->n; k++) {
		if (!ss->texts[k])
			continue;
		if (keep) {
			xgrow((void **)&ix->kept, &ix->capkept, ix->nkept + 1, sizeof *ix->kept);
			ix->kept[ix->nkept++] = (struct search_kept){ a, ss->ids[k], ss->texts[k] };
		} else {
			free(ss->texts[k]);
		}
		ss->texts[k] = NULL;
	}
}

/* The matches of q in article a, whose folded text is text[0..span) with slot
 * k starting at off[k] - base (nslots of them); slot k is the article's slot
 * k, or ss's k-th (search_slot_text) when ss is not NULL. Stops at max
 * matches when max is not 0. */
static void search_article(struct search_index *ix, const struct search_query *q, size_t a,
			   const char *text, size_t span, const size_t *off, size_t nslots,
			   struct search_slots *ss, size_t base, size_t max, struct search_found *fd)
{
	size_t nhits = 0;
	bool all = true;
	for (size_t t = 0; t < q->n && all; t++) {
		const struct search_term *term = &q->terms[t];
		size_t found = 0, i = 0;
		const char *h;
		while (i < span && (h = memmem(text + i, span - i, term->text, term->len))) {
			xgrow((void **)&fd->hits, &fd->caphits, nhits + 1, sizeof *fd->hits);
			fd->hits[nhits].pos = (size_t)(h - text) + base;
			fd->hits[nhits].len = term->len;
			nhits++;
			found++;
			i = (size_t)(h - text) + term->len;
		}
		all = found > 0;
	}
	if (!all || nhits == 0)
		return;
	qsort(fd->hits, nhits, sizeof *fd->hits, search_hit_order);
	size_t mapped = (size_t)-1;
	for (size_t k = 0; k < nhits && !(max && fd->nres >= max); k++) {
		size_t at = search_slot_at(off, nslots, fd->hits[k].pos);
		/* Slot 0 is the title. */
		size_t slot = ss ? ss->ids[at] : at;
		size_t p = slot == 0 ? SEARCH_TITLE : slot - 1;
		if (at != mapped) {
			const char *s = search_slot_text(ix, a, ss, at);
			/* Gone from the index since (another process read the file again). */
			if (!s)
				continue;
			fold_text(ix->fold, s, strlen(s), &ix->scratch, true);
			mapped = at;
		}
		size_t fs = fd->hits[k].pos - off[at], start, end;
		fold_span(&ix->scratch, fs, fs + fd->hits[k].len, &start, &end);
		struct search_match *last = fd->nres ? &fd->res[fd->nres - 1] : NULL;
		if (last && last->article == a && last->para == p && last->start == start &&
		    last->len == end - start)
			continue;
		xgrow((void **)&fd->res, &fd->capres, fd->nres + 1, sizeof *fd->res);
		fd->res[fd->nres++] = (struct search_match){ a, p, start, end - start };
	}
}

static int search_size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* Checks article a in the slots the terms' lists name for it (each list's
 * entries for a start at its cursor, moved past them here); with every slot
 * of it instead when every_slot. */
static void search_slot_article(struct search_index *ix, const struct search_query *q, size_t a,
				struct search_slot *const *per, const size_t *nper, size_t *cur,
				bool every_slot, size_t max, struct search_slots *ss,
				struct search_found *fd)
{
	const struct article *art = &ix->col->items[a];
	/* Loaded or not, the article has this many slots. */
	size_t total = 1 + art->npara + art->nbody;
	ss->n = 0;
	for (size_t t = 0; t < q->n; t++) {
		for (; per[t] && cur[t] < nper[t] && per[t][cur[t]].article == a; cur[t]++) {
			const struct search_slot *sl = &per[t][cur[t]];
			for (size_t k = sl->slot; k < total && (k == sl->slot || sl->rest) && !every_slot; k++) {
				search_slots_grow(ss);
				ss->ids[ss->n++] = k;
			}
		}
	}
	if (every_slot) {
		size_t nslots = search_fold_one(ix, a);
		if (nslots)
			search_article(ix, q, a, ix->text, ix->len, ix->slot_off, nslots, NULL, 0,
				       max, fd);
		return;
	}
	if (ss->n > 1)
		qsort(ss->ids, ss->n, sizeof *ss->ids, search_size_cmp);
	size_t n = 0;
	for (size_t k = 0; k < ss->n; k++)
		if (n == 0 || ss->ids[n - 1] != ss->ids[k])
			ss->ids[n++] = ss->ids[k];
	ss->n = n;
	if (n == 0)
		return;
	/* A body not loaded is read a paragraph at a time when the source can. */
	bool loaded = art->nbody == 0;
	if (!loaded && !ix->src.para_text) {
		if (ix->src.body && !ix->src.body(ix->src.ctx, a))
			return;
		loaded = true;
	}
	bool ok = true;
	for (size_t k = 0; k < n; k++) {
		ss->texts[k] = NULL;
		if (!loaded && ss->ids[k] > 0 && ok) {
			ss->texts[k] = ix->src.para_text(ix->src.ctx, a, ss->ids[k] - 1);
			ok = ss->texts[k] != NULL;
		}
	}
	xgrow((void **)&ix->slot_off, &ix->slot_cap, n + 1, sizeof *ix->slot_off);
	ix->len = 0;
	for (size_t k = 0; ok && k < n; k++) {
		size_t id = ss->ids[k];
		const char *s = ss->texts[k] ? ss->texts[k]
				: id == 0 ? (art->title ? art->title : "") : art->paras[id - 1].text;
		ix->slot_off[k] = ix->len;
		fold_text(ix->fold, s, strlen(s), &ix->scratch, false);
		search_append(ix, ix->scratch.text, ix->scratch.len);
		search_append(ix, "\n", 1);
	}
	ix->slot_off[n] = ix->len;
	size_t before = fd->nres;
	if (ok)
		search_article(ix, q, a, ix->text, ix->len, ix->slot_off, n, ss, 0, max, fd);
	/* What was read is kept for the matches that need it (search_text). */
	search_slots_keep(ix, a, ss, fd->nres > before);
}

/* A scan of the source (search_run_scan): the article being gathered, its
 * slots and their folded text (in ix->text), and where each article's
 * matches went in the order the source gave the articles. */
struct search_scan {
	struct search_index *ix;
	const struct search_query *q;
	struct search_found *fd;
	size_t a;                       /* SIZE_MAX: none yet */
	struct search_slots ss;
	struct search_group {
		size_t article, first, n;
	} *groups;
	size_t ngroups, capgroups;
};

/* Checks the article gathered so far. */
static void search_scan_flush(struct search_scan *sc)
{
	struct search_index *ix = sc->ix;
	if (sc->a == SIZE_MAX || sc->ss.n == 0)
		return;
	ix->slot_off[sc->ss.n] = ix->len;
	size_t before = sc->fd->nres;
	search_article(ix, sc->q, sc->a, ix->text, ix->len, ix->slot_off, sc->ss.n, &sc->ss, 0, 0,
		       sc->fd);
	if (sc->fd->nres > before) {
		xgrow((void **)&sc->groups, &sc->capgroups, sc->ngroups + 1, sizeof *sc->groups);
		sc->groups[sc->ngroups++] = (struct search_group){ sc->a, before, sc->fd->nres - before };
	}
	search_slots_keep(ix, sc->a, &sc->ss, sc->fd->nres > before);
	sc->ss.n = 0;
	ix->len = 0;
}

static int search_scan_each(void *arg, size_t a, size_t slot, const char *folded, size_t len)
{
	struct search_scan *sc = arg;
	struct search_index *ix = sc->ix;
	if (a != sc->a) {
		search_scan_flush(sc);
		sc->a = a;
	}
	if (a >= ix->col->n)
		return 0;
	const struct article *art = &ix->col->items[a];
	/* Not in the article as loaded (the index changed since): left out. */
	if (slot >= 1 + art->npara + art->nbody || (sc->ss.n && sc->ss.ids[sc->ss.n - 1] >= slot))
		return 0;
	search_slots_grow(&sc->ss);
	xgrow((void **)&ix->slot_off, &ix->slot_cap, sc->ss.n + 2, sizeof *ix->slot_off);
	sc->ss.ids[sc->ss.n] = slot;
	sc->ss.texts[sc->ss.n] = NULL;
	ix->slot_off[sc->ss.n++] = ix->len;
	search_append(ix, folded, len);
	search_append(ix, "\n", 1);
	return 0;
}

static int search_group_cmp(const void *a, const void *b)
{
	size_t x = ((const struct search_group *)a)->article, y = ((const struct search_group *)b)->article;
	return (x > y) - (x < y);
}

/* Runs q through the source's scan: the slots that may hold any term come
 * folded, in one pass; only the paragraphs that match are read again, for
 * their original text. False when the source cannot say. */
static bool search_run_scan(struct search_index *ix, const struct search_query *q,
			    struct search_found *fd)
{
	if (!ix->src.scan)
		return false;
	const char **terms = xcalloc(q->n, sizeof *terms);
	size_t *lens = xcalloc(q->n, sizeof *lens);
	for (size_t t = 0; t < q->n; t++) {
		terms[t] = q->terms[t].text;
		lens[t] = q->terms[t].len;
	}
	struct search_scan sc = { .ix = ix, .q = q, .fd = fd, .a = SIZE_MAX };
	ix->len = 0;  /* the first article's slots start the text */
	int rc = ix->src.scan(ix->src.ctx, terms, lens, q->n, search_scan_each, &sc);
	if (rc == 0)
		search_scan_flush(&sc);
	free(terms);
	free(lens);
	free(sc.ss.ids);
	for (size_t k = 0; k < sc.ss.n; k++)
		free(sc.ss.texts[k]);
	free(sc.ss.texts);
	if (rc != 0) {
		free(sc.groups);
		search_kept_clear(ix);
		fd->nres = 0;
		return false;
	}
	/* The articles in collection order, each one's matches as found. */
	if (sc.ngroups > 1)     /* no groups: sc.groups is NULL, which qsort may not take */
		qsort(sc.groups, sc.ngroups, sizeof *sc.groups, search_group_cmp);
	struct search_match *res = xmalloc((fd->nres ? fd->nres : 1) * sizeof *res);
	size_t n = 0;
	for (size_t g = 0; g < sc.ngroups; g++) {
		memcpy(res + n, fd->res + sc.groups[g].first, sc.groups[g].n * sizeof *res);
		n += sc.groups[g].n;
	}
	free(fd->res);
	fd->res = res;
	fd->capres = fd->nres ? fd->nres : 1;
	free(sc.groups);
	if (ix->nkept > 1)
		qsort(ix->kept, ix->nkept, sizeof *ix->kept, search_kept_cmp);
	return true;
}

/* Runs q with the slots the source names for each term: only the paragraphs
 * that may match are read and folded. False when the source cannot say, or
 * no term narrows anything (every article is checked whole then). */
static bool search_run_slots(struct search_index *ix, const struct search_query *q, size_t max,
			     struct search_found *fd)
{
	if (!ix->src.term_slots)
		return false;
	struct search_slot **per = xcalloc(q->n, sizeof *per);
	size_t *nper = xcalloc(q->n, sizeof *nper), *cur = xcalloc(q->n, sizeof *cur);
	bool ok = true, any_all = false;
	size_t driver = q->n;  /* the narrowing term with the fewest slots */
	for (size_t t = 0; t < q->n && ok; t++) {
		bool all = false;
		ok = ix->src.term_slots(ix->src.ctx, q->terms[t].text, q->terms[t].len, &per[t],
					&nper[t], &all) == 0;
		if (ok && all) {
			free(per[t]);
			per[t] = NULL;
			nper[t] = 0;
			any_all = true;
		} else if (ok && (driver == q->n || nper[t] < nper[driver])) {
			driver = t;
		}
	}
	ok = ok && driver < q->n;
	for (size_t i = 0; ok && i < nper[driver] && !(max && fd->nres >= max);) {
		size_t a = per[driver][i].article;
		while (i < nper[driver] && per[driver][i].article == a)
			i++;
		/* In every narrowing term's list, or not a candidate. */
		bool cand = a < ix->col->n;
		for (size_t t = 0; t < q->n && cand; t++) {
			if (!per[t] || t == driver)
				continue;
			while (cur[t] < nper[t] && per[t][cur[t]].article < a)
				cur[t]++;
			cand = cur[t] < nper[t] && per[t][cur[t]].article == a;
		}
		if (!cand) {
			cur[driver] = i;
			continue;
		}
		struct search_slots ss = { 0 };
		search_slot_article(ix, q, a, per, nper, cur, any_all, max, &ss, fd);
		free(ss.ids);
		free(ss.texts);
		cur[driver] = i;
	}
	for (size_t t = 0; t < q->n; t++)
		free(per[t]);
	free(per);
	free(nper);
	free(cur);
	return ok;
}

/* The candidates the source names, or every article; false when the source
 * cannot say. */
static bool search_source_candidates(struct search_index *ix, const char *query, size_t **cand,
				     size_t *ncand)
{
	bool all = false;
	if (ix->src.candidates(ix->src.ctx, query, cand, ncand, &all) != 0)
		return false;
	if (all) {
		free(*cand);
		*ncand = ix->col->n;
		*cand = xmalloc((*ncand ? *ncand : 1) * sizeof **cand);
		for (size_t a = 0; a < *ncand; a++)
			(*cand)[a] = a;
	}
	return true;
}

/* The whole index built in memory after all, for a source that cannot name
 * candidates: every body is loaded first. */
static void search_source_fallback(struct search_index *ix)
{
	for (size_t a = 0; ix->src.body && a < ix->col->n; a++)
		ix->src.body(ix->src.ctx, a);
	struct search_index *full = search_index_new(ix->col);
	search_kept_clear(ix);
	free(ix->kept);
	free(ix->slot_off);
	free(ix->text);
	fold_out_free(&ix->scratch);
	fold_free(ix->fold);
	*ix = *full;
	free(full);
}

int search_run(struct search_index *ix, const char *query, size_t max,
	       struct search_match **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct search_query q;
	search_query_parse(ix, query, &q);
	if (q.n == 0) {
		search_query_free(&q);
		return -1;
	}
	struct search_found fd = { 0 };
	search_kept_clear(ix);
	if (ix->has_src && max == 0 && search_run_scan(ix, &q, &fd)) {
		/* done: the paragraphs that may match came folded, in one pass */
	} else if (ix->has_src && search_run_slots(ix, &q, max, &fd)) {
		/* done: only the paragraphs that may match were read */
	} else if (ix->has_src) {
		size_t *cand = NULL, ncand = 0;
		if (!search_source_candidates(ix, query, &cand, &ncand)) {
			search_query_free(&q);
			search_source_fallback(ix);
			return search_run(ix, query, max, out, n);
		}
		for (size_t c = 0; c < ncand && !(max && fd.nres >= max); c++) {
			size_t nslots = search_fold_one(ix, cand[c]);
			if (nslots)
				search_article(ix, &q, cand[c], ix->text, ix->len, ix->slot_off, nslots,
					       NULL, 0, max, &fd);
		}
		free(cand);
	} else {
		uint32_t *cand;
		size_t ncand = search_candidates(ix, &q, &cand);
		for (size_t c = 0; c < ncand && !(max && fd.nres >= max); c++) {
			size_t a = cand[c], base = ix->art_off[a];
			search_article(ix, &q, a, ix->text + base, ix->art_off[a + 1] - base,
				       ix->para_off + ix->art_para[a],
				       ix->art_para[a + 1] - ix->art_para[a], NULL, base, max, &fd);
		}
		free(cand);
	}
	free(fd.hits);
	search_query_free(&q);
	*out = fd.res;
	*n = fd.nres;
	return 0;
}

const char *search_match_text(const struct collection *col, const struct search_match *m)
{
	if (m->article >= col->n)
		return "";
	const struct article *a = &col->items[m->article];
	if (m->para == SEARCH_TITLE)
		return a->title ? a->title : "";
	return m->para < a->npara ? a->paras[m->para].text : "";
}

const char *search_text(const struct search_index *ix, const struct search_match *m)
{
	if (m->article >= ix->col->n)
		return "";
	const struct article *a = &ix->col->items[m->article];
	if (m->para == SEARCH_TITLE || m->para < a->npara)
		return search_match_text(ix->col, m);
	struct search_kept key = { m->article, m->para + 1, NULL };
	const struct search_kept *k = ix->nkept ? bsearch(&key, ix->kept, ix->nkept, sizeof *ix->kept,
							 search_kept_cmp) : NULL;
	return k ? k->text : "";
}

/* One cluster of a snippet: where it starts and how wide it is shown. */
/* A snippet cut inside a word gives back at most this many columns to cut
 * between words instead. */
#define SEARCH_WORD_MAX 15

struct search_cluster {
	size_t off;
	int width;
};

static bool search_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The snippet of text[0..n), which may be a window of a longer text: more
 * before it when more_before, more after it when more_after. NULL when the
 * snippet would reach an end of the window that is not an end of the text:
 * the caller then asks again with the whole text. */
static char *search_snippet_in(const char *text, size_t n, size_t start, size_t len, int width,
			       const struct layout_opts *lo, size_t *hl_start, size_t *hl_len,
			       bool more_before, bool more_after)
{
	/* Every cluster's offset, and the running width before it. */
	struct search_cluster *cl = NULL;
	size_t nc = 0, capcl = 0;
	long *before = NULL;
	for (size_t i = 0; i < n;) {
		size_t l;
		int w;
		/* Printable ASCII before ASCII: a cluster of one column. */
		if (text[i] >= ' ' && text[i] < 0x7f && (i + 1 == n || (unsigned char)text[i + 1] < 0x80)) {
			l = 1;
			w = 1;
		} else {
			w = layout_cluster(text + i, n - i, &l, lo);
		}
		if (l == 0)
			l = 1;
		xgrow((void **)&cl, &capcl, nc + 2, sizeof *cl);
		cl[nc].off = i;
		cl[nc].width = search_is_space(text[i]) ? 1 : w;
		nc++;
		i += l;
	}
	xgrow((void **)&cl, &capcl, nc + 1, sizeof *cl);
	cl[nc].off = n;
	cl[nc].width = 0;
	before = xmalloc((nc + 1) * sizeof *before);
	before[0] = 0;
	for (size_t k = 0; k < nc; k++)
		before[k + 1] = before[k] + cl[k].width;
	/* The clusters of the match: [ms, me). */
	size_t ms = 0, me;
	while (ms < nc && cl[ms + 1].off <= start)
		ms++;
	me = ms;
	while (me < nc && cl[me].off < start + len)
		me++;
	const char *ell = "…";
	long ew = layout_strwidth(ell, lo);
	/* Whether the cut ends are marked with ellipses: not when they leave no
	 * room for the match's first cluster (a snippet of a column or two). */
	bool marks = true;
#define SEARCH_TOTAL(l, r)                                                                  \
	(before[r] - before[l] + (marks && (l) > 0 ? ew : 0) + (marks && (r) < nc ? ew : 0))
	size_t l = ms, r = me;
	if (SEARCH_TOTAL(l, r) > width) {
		/* The match alone does not fit: as much of it as does. */
		r = l;
		if (SEARCH_TOTAL(l, l < me ? l + 1 : l) > width)
			marks = false;
		while (r < me && SEARCH_TOTAL(l, r + 1) <= width)
			r++;
	} else {
		/* A third of the room before the match, the rest after it, and what
		 * the end of the text leaves unused goes before it too. */
		long room = width - (before[me] - before[ms]);
		while (l > 0 && before[ms] - before[l - 1] <= room / 3 &&
		       SEARCH_TOTAL(l - 1, r) <= width)
			l--;
		while (r < nc && SEARCH_TOTAL(l, r + 1) <= width)
			r++;
		while (l > 0 && SEARCH_TOTAL(l - 1, r) <= width)
			l--;
	}
#undef SEARCH_TOTAL
	/* Latin text is cut between words when a word boundary is near. */
	if (l > 0 && l < ms && !search_is_space(text[cl[l - 1].off])) {
		size_t k = l;
		while (k < ms && !search_is_space(text[cl[k].off]))
			k++;
		if (k < ms && before[k] - before[l] <= SEARCH_WORD_MAX)
			l = k;
	}
	if (r < nc && r > me && !search_is_space(text[cl[r].off])) {
		size_t k = r;
		while (k > me && !search_is_space(text[cl[k - 1].off]))
			k--;
		if (k > me && before[r] - before[k] <= SEARCH_WORD_MAX)
			r = k;
	}
	/* No space right after an ellipsis or right before one. */
	while (l > 0 && l < ms && search_is_space(text[cl[l].off]))
		l++;
	while (r < nc && r > me && search_is_space(text[cl[r - 1].off]))
		r--;
	/* l and r only ever leave an end of the window when they were never at
	 * it: a snippet that does not touch the ends is the whole text's. */
	if ((l == 0 && more_before) || (r == nc && more_after)) {
		free(cl);
		free(before);
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	if (l > 0 && marks)
		buf_adds(&b, ell);
	size_t hs = b.len, he = b.len;
	for (size_t k = l; k < r; k++) {
		if (k == ms)
			hs = b.len;
		if (search_is_space(text[cl[k].off])) {
			buf_addc(&b, ' ');
		} else {
			char vis[LAYOUT_CLUSTER_MAX];
			size_t vl = layout_visible(text + cl[k].off, cl[k + 1].off - cl[k].off, vis, lo);
			buf_add(&b, vis, vl);
		}
		if (k + 1 == me)
			he = b.len;
	}
	if (ms >= r)
		hs = he = b.len;
	else if (me > r)
		he = b.len;
	if (r < nc && marks)
		buf_adds(&b, ell);
	/* Not even the match's first cluster fits (a wide one in one column):
	 * one ellipsis says something is there. */
	if (b.len == 0 && nc > 0 && ew <= width)
		buf_adds(&b, ell);
	if (hl_start)
		*hl_start = hs;
	if (hl_len)
		*hl_len = he > hs ? he - hs : 0;
	free(cl);
	free(before);
	return buf_take(&b);
}

/* Whether a cluster boundary lies before text[i] whatever precedes it: two
 * ASCII characters (other than CR LF) always have one between them (UAX #29
 * keeps together only marks, joiners, prepended signs, flags and CR LF). */
static bool search_ascii_break(const char *text, size_t i)
{
	return (unsigned char)text[i - 1] < 0x80 && (unsigned char)text[i] < 0x80 &&
	       text[i] != '\n';
}

/* Han ideographs and printable ASCII: none is a mark, a joiner or a
 * prepended sign, so there is a cluster boundary between any two of them. */
static bool search_plain(int32_t c)
{
	return (c >= 0x20 && c < 0x7f) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* search_ascii_break, and between two characters of Chinese text (or Chinese
 * and ASCII): a long Chinese paragraph is measured near the match too. */
static bool search_break(const char *text, size_t n, size_t i)
{
	if (search_ascii_break(text, i))
		return true;
	if (((unsigned char)text[i] & 0xC0) == 0x80)
		return false;
	size_t len, j = i;
	if (!search_plain(utf8_decode(text, n, i, &len)))
		return false;
	do
		j--;
	while (j > 0 && ((unsigned char)text[j] & 0xC0) == 0x80);
	return search_plain(utf8_decode(text, n, j, &len)) && j + len == i;
}

/* Bytes measured on each side of a match for a snippet of width columns:
 * enough for any text but runs of invisible clusters, which the whole text
 * is measured for (search_snippet_in says when). */
static size_t search_reach(int width)
{
	return 2 * (size_t)(width > 0 ? width : 0) + 4 * SEARCH_WORD_MAX + 16;
}

char *search_snippet(const char *text, size_t start, size_t len, int width,
		     const struct layout_opts *lo, size_t *hl_start, size_t *hl_len)
{
	size_t n = strlen(text);
	if (start > n)
		start = n;
	if (len > n - start)
		len = n - start;
	/* A long paragraph is measured only near the match: from a boundary
	 * before it to one after it (search_break); text without such
	 * boundaries near there is measured whole. */
	size_t reach = search_reach(width), from = 0, to = n;
	if (start > reach) {
		size_t i = start - reach;
		while (i > 0 && start - i < 2 * reach && !search_break(text, n, i))
			i--;
		from = i > 0 && search_break(text, n, i) ? i : 0;
	}
	if (n - (start + len) > reach) {
		size_t i = start + len + reach;
		while (i < n && i - (start + len) < 2 * reach && !search_break(text, n, i))
			i++;
		to = i < n && search_break(text, n, i) ? i : n;
	}
	char *s = NULL;
	if (from > 0 || to < n)
		s = search_snippet_in(text + from, to - from, start - from, len, width, lo, hl_start,
				      hl_len, from > 0, to < n);
	if (!s)
		s = search_snippet_in(text, n, start, len, width, lo, hl_start, hl_len, false, false);
	return s;
}
