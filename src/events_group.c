/* events_group.c: which events report the same happening.
 *   - in one article, the k-th event of a date in one language and the k-th
 *     event of the same date in another (a translation keeps the order);
 *   - across articles, events of the same date (at the precision both have) that
 *     share anchors: numbers, acronyms, Latin-script names; one anchor is enough
 *     between languages, two within one (where incidental names are shared).
 * Everything is near-linear: anchors are looked up in a sorted table keyed by
 * (date, anchor), and each lookup considers a bounded window of earlier events. */
#include <config.h>
#include "events_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Earlier events looked at per (date, anchor). */
#define EVENTS_WINDOW 16

static uint64_t events_group_mix(uint64_t h)
{
	/* splitmix64's finaliser */
	h += 0x9E3779B97F4A7C15ULL;
	h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
	h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
	return h ^ (h >> 31);
}

static size_t events_group_root(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void events_group_union(size_t *parent, size_t a, size_t b)
{
	a = events_group_root(parent, a);
	b = events_group_root(parent, b);
	if (a != b) {
		if (a < b)
			parent[b] = a;
		else
			parent[a] = b;
	}
}

static bool events_group_same_date(const struct adate *a, const struct adate *b)
{
	return a->prec == b->prec && a->year == b->year && a->month == b->month && a->day == b->day;
}

static uint64_t events_group_date_key(const struct adate *d, enum date_precision p)
{
	uint64_t k = (uint64_t)(unsigned)d->year * 10000u;
	if (p >= DATE_MONTH)
		k += (uint64_t)d->month * 100u;
	if (p >= DATE_DAY)
		k += (uint64_t)d->day;
	return events_group_mix(k * 4u + (uint64_t)p);
}

struct events_group_posting {
	uint64_t key;
	size_t ev;
};

static int events_group_posting_order(const void *pa, const void *pb)
{
	const struct events_group_posting *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->ev < b->ev ? -1 : a->ev > b->ev;
}

static int events_group_size_order(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return a < b ? -1 : a > b;
}

/* The first posting with key >= key. */
static size_t events_group_lower(const struct events_group_posting *pv, size_t n, uint64_t key, size_t ev)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pv[mid].key < key || (pv[mid].key == key && pv[mid].ev < ev))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Events of one article in several languages: the k-th of a date in one language
 * goes with the k-th of that date in each other. ev is sorted by date, article,
 * position, so such events sit in one run. */
static void events_group_translations(const struct event *v, size_t n, size_t *parent)
{
	size_t *ord = xcalloc(n ? n : 1, sizeof *ord);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && v[j].article == v[i].article && events_group_same_date(&v[j].date, &v[i].date))
			j++;
		if (j - i > 1 && j - i <= 256) {
			for (size_t a = i; a < j; a++)
				for (size_t b = i; b < a; b++)
					ord[a] += strcmp(v[a].lang, v[b].lang) == 0;
			for (size_t a = i; a < j; a++)
				for (size_t b = i; b < a; b++)
					if (ord[a] == ord[b] && strcmp(v[a].lang, v[b].lang) != 0)
						events_group_union(parent, a, b);
		}
		i = j;
	}
	free(ord);
}

/* Events of different articles, same date at the shared precision, shared anchors. */
static void events_group_anchors(const struct event *v, const struct events_work *w, size_t n,
				size_t *parent)
{
	size_t np = 0;
	for (size_t i = 0; i < n; i++)
		np += w[i].nanchors;
	if (np == 0)
		return;
	struct events_group_posting *pv = xmalloc(np * sizeof *pv);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t dk = events_group_date_key(&v[i].date, v[i].date.prec);
		for (size_t a = 0; a < w[i].nanchors; a++)
			pv[k++] = (struct events_group_posting){ events_group_mix(dk ^ w[i].anchors[a]), i };
	}
	qsort(pv, np, sizeof *pv, events_group_posting_order);
	size_t capc = EVENTS_ANCHORS_MAX * 3 * EVENTS_WINDOW;
	size_t *cand = xmalloc(capc * sizeof *cand);
	for (size_t i = 0; i < n; i++) {
		size_t nc = 0;
		for (enum date_precision p = DATE_YEAR; p <= v[i].date.prec; p++) {
			uint64_t dk = events_group_date_key(&v[i].date, p);
			for (size_t a = 0; a < w[i].nanchors; a++) {
				uint64_t key = events_group_mix(dk ^ w[i].anchors[a]);
				size_t at = events_group_lower(pv, np, key, i);
				/* the nearest earlier events under this key */
				for (size_t back = 0; back < EVENTS_WINDOW && at > back; back++) {
					const struct events_group_posting *q = &pv[at - 1 - back];
					if (q->key != key)
						break;
					if (v[q->ev].article != v[i].article && nc < capc)
						cand[nc++] = q->ev;
				}
			}
		}
		if (nc == 0)
			continue;
		qsort(cand, nc, sizeof *cand, events_group_size_order);
		for (size_t c = 0; c < nc;) {
			size_t d = c;
			while (d < nc && cand[d] == cand[c])
				d++;
			size_t j = cand[c], shared = d - c;
			const struct adate *x = &v[i].date, *y = &v[j].date;
			enum date_precision p = x->prec < y->prec ? x->prec : y->prec;
			bool same = x->year == y->year && (p < DATE_MONTH || x->month == y->month) &&
				    (p < DATE_DAY || x->day == y->day);
			size_t need = strcmp(v[i].lang, v[j].lang) == 0 ? 2 : 1;
			if (same && shared >= need)
				events_group_union(parent, i, j);
			c = d;
		}
	}
	free(cand);
	free(pv);
}

static int events_group_order(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;
	int d = adate_compare(&a->date, &b->date);
	if (d)
		return d;
	if (a->article != b->article)
		return a->article < b->article ? -1 : 1;
	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Sorts the events and their work records together. */
struct events_group_pair {
	struct event e;
	struct events_work w;
};

static int events_group_pair_order(const void *pa, const void *pb)
{
	return events_group_order(&((const struct events_group_pair *)pa)->e, &((const struct events_group_pair *)pb)->e);
}

void events_group(struct event *v, struct events_work *w, size_t n, const struct collection *c)
{
	(void)c;
	struct events_group_pair *pairs = xmalloc((n ? n : 1) * sizeof *pairs);
	for (size_t i = 0; i < n; i++)
		pairs[i] = (struct events_group_pair){ v[i], w[i] };
	qsort(pairs, n, sizeof *pairs, events_group_pair_order);
	for (size_t i = 0; i < n; i++) {
		v[i] = pairs[i].e;
		w[i] = pairs[i].w;
	}
	free(pairs);

	size_t *parent = xmalloc((n ? n : 1) * sizeof *parent);
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	events_group_translations(v, n, parent);
	events_group_anchors(v, w, n, parent);
	/* Group ids 1, 2, ... in the order the groups first appear in time. */
	int *gid = xcalloc(n ? n : 1, sizeof *gid);
	int next = 0;
	for (size_t i = 0; i < n; i++) {
		size_t r = events_group_root(parent, i);
		if (gid[r] == 0)
			gid[r] = ++next;
		v[i].group = gid[r];
	}
	free(gid);
	free(parent);
}
