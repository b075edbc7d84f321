/* events_group.c: which events report the same happening.
 *   - across articles, events of the same date (at the precision both have) that
 *     share anchors: numbers, acronyms, Latin-script names; one anchor is enough
 *     between languages, two within one (where incidental names are shared);
 *     a two-digit number alone is weak: it joins two languages only where the
 *     articles share another happening, or the sentences words;
 *   - between languages, events of agreeing dates (equal, or one a more precise
 *     form of the other) that name one thing in two scripts or spellings
 *     (names.h: 厦门 and Xiamen, 柏林 and Berlin, Bruxelles and Brussels);
 *   - translations: the language parts of one article, and two articles in two
 *     languages once the passes above have linked them, are aligned sentence by
 *     sentence (align.h); where the aligner judges them translations, events of
 *     agreeing dates in aligned sentences are one happening (several of one
 *     date in one bead go in order). Where it does not, one article's k-th
 *     event of a date in one language goes with the k-th of that date in
 *     another (a translation keeps the order);
 *   - versions told alike: two articles in two languages whose dates agree
 *     (two thirds of the shorter's, a third of the longer's, which may be
 *     abridged) are aligned too, and joined where the
 *     aligner judges them translations and the words of the sentences so
 *     paired agree (events_words.c): a translation need share no name the
 *     readings can find (東京 Tokyo, 日本 Japan), but it says the same things.
 * A month or weekday named is part of a date, never a name.
 * Everything is near-linear: anchors and names are looked up in sorted tables
 * keyed by (date, key), each lookup considers a bounded window, and only linked
 * pairs of articles are aligned, a few per article. */
#include <config.h>
#include "events_int.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "keysort.h"
#include "names.h"
#include "xalloc.h"

/* Earlier events looked at per (date, anchor). */
#define EVENTS_WINDOW 16
/* Names read per sentence, and other articles aligned with one article. */
#define EVENTS_NAMES_MAX 12
#define EVENTS_PARTNERS 2

/* Two texts (article, language) that the passes linked: candidates to align.
 * There are millions at 100,000 articles, so a language is its rank among the
 * languages of the events (events_group_langs), which orders as its tag does. */
struct events_group_link {
	uint32_t a, b;                  /* articles, a <= b */
	uint32_t la, lb;                /* languages: ranks into the links' tags */
	unsigned weight;                /* 2: the events were joined; 1: one name only;
					 * 0: only their dates agree (a twin) */
};

struct events_group_links {
	struct events_group_link *v;
	size_t n, cap;
	char (*tag)[LANG_TAG_MAX];      /* the languages, in order */
	uint32_t *lang;                 /* each event's language, its rank */
};

/* The two texts of a link, their languages spelt out. */
struct events_group_texts {
	size_t a, b;
	const char *la, *lb;
};

static struct events_group_texts events_group_texts_of(const struct events_group_links *links,
							const struct events_group_link *l)
{
	return (struct events_group_texts){ l->a, l->b, links->tag[l->la], links->tag[l->lb] };
}

static int events_group_tag_order(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* The languages of events v[0..n), each once and in order, into *tags;
 * each event's rank among them into *rank. */
static void events_group_langs(const struct event *v, size_t n, char (**tags)[LANG_TAG_MAX],
			       uint32_t **rank)
{
	const char **all = xmalloc((n ? n : 1) * sizeof *all);
	size_t na = 0;
	for (size_t i = 0; i < n; i++)
		if (na == 0 || strcmp(all[na - 1], v[i].lang) != 0)
			all[na++] = v[i].lang;
	qsort(all, na, sizeof *all, events_group_tag_order);
	size_t nt = 0;
	for (size_t i = 0; i < na; i++)
		if (nt == 0 || strcmp(all[nt - 1], all[i]) != 0)
			all[nt++] = all[i];
	*tags = xmalloc((nt ? nt : 1) * sizeof **tags);
	for (size_t t = 0; t < nt; t++)
		memcpy((*tags)[t], all[t], LANG_TAG_MAX);
	*rank = xmalloc((n ? n : 1) * sizeof **rank);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && strcmp(v[i].lang, v[i - 1].lang) == 0) {
			(*rank)[i] = (*rank)[i - 1];
			continue;
		}
		const char *key = v[i].lang;
		const char **at = bsearch(&key, all, nt, sizeof *all, events_group_tag_order);
		(*rank)[i] = (uint32_t)(at - all);
	}
	free(all);
}

static bool events_group_is_zh(const char *lang)
{
	return strncmp(lang, "zh", 2) == 0 || strncmp(lang, "yue", 3) == 0;
}

/* Records that events i and j, of two languages, may report one happening. */
static void events_group_link_add(struct events_group_links *l, const struct event *v, size_t i,
				  size_t j, unsigned weight)
{
	if (!l || l->lang[i] == l->lang[j])
		return;
	if (v[i].article > v[j].article ||
	    (v[i].article == v[j].article && l->lang[i] > l->lang[j])) {
		size_t t = i;
		i = j;
		j = t;
	}
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = (struct events_group_link){ v[i].article, v[j].article, l->lang[i],
						   l->lang[j], weight };
}

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

/* Sorts postings made in the order of their events by key, then event. */
static void events_group_postings_sort(struct events_group_posting *pv, size_t n)
{
	_Static_assert(offsetof(struct events_group_posting, key) == 0, "keysort reads the key first");
	keysort(pv, n, sizeof *pv);
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
static void events_group_translations(const struct event *v, size_t n, const bool *aligned,
				      size_t *parent)
{
	size_t *ord = xcalloc(n ? n : 1, sizeof *ord);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && v[j].article == v[i].article && events_group_same_date(&v[j].date, &v[i].date))
			j++;
		if (j - i > 1 && j - i <= 256 && !aligned[v[i].article]) {
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

/* The words of events' sentences (events_words_keys), each read when first
 * asked for. */
struct events_group_words {
	uint64_t *k;
	size_t n;
	bool read;
};

static const struct events_group_words *events_group_words_of(struct events_group_words *words,
								const struct event *v, size_t i)
{
	if (!words[i].read) {
		words[i].n = events_words_keys(v[i].text, v[i].lang, &words[i].k);
		words[i].read = true;
	}
	return &words[i];
}

static bool events_group_words_common(struct events_group_words *words, const struct event *v,
				      size_t i, size_t j)
{
	const struct events_group_words *a = events_group_words_of(words, v, i);
	const struct events_group_words *b = events_group_words_of(words, v, j);
	return events_words_keys_common(a->k, a->n, b->k, b->n);
}

/* Two events of two languages whose only shared anchor is weak. */
struct events_group_weak {
	size_t i, j;
	struct events_group_weak *next;
};

/* Events of different articles, same date at the shared precision, shared
 * anchors. The pairs of two languages that share one weak anchor only go on
 * *weak, for events_group_weak_join. */
static void events_group_anchors(const struct event *v, const struct events_work *w, size_t n,
				size_t *parent, struct events_group_links *links,
				struct events_group_weak **weak)
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
	events_group_postings_sort(pv, np);
	/* each event's words, read once when first asked for */
	struct events_group_words *words = xcalloc(n, sizeof *words);
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
					/* the event, and whether the anchor is weak */
					if (v[q->ev].article != v[i].article && nc < capc)
						cand[nc++] = q->ev << 1 |
							     (w[i].anchors[a] & EVENTS_ANCHOR_WEAK);
				}
			}
		}
		if (nc == 0)
			continue;
		qsort(cand, nc, sizeof *cand, events_group_size_order);
		for (size_t c = 0; c < nc;) {
			size_t d = c, strong = 0;
			for (; d < nc && cand[d] >> 1 == cand[c] >> 1; d++)
				strong += !(cand[d] & EVENTS_ANCHOR_WEAK);
			size_t j = cand[c] >> 1, shared = d - c;
			const struct adate *x = &v[i].date, *y = &v[j].date;
			enum date_precision p = x->prec < y->prec ? x->prec : y->prec;
			bool same = x->year == y->year && (p < DATE_MONTH || x->month == y->month) &&
				    (p < DATE_DAY || x->day == y->day);
			/* Within one language, two names in common are not enough:
			 * two reports of one day in one country name the same
			 * places; reports of one happening also say what it was
			 * in the same words. */
			bool one = strcmp(v[i].lang, v[j].lang) == 0;
			/* Between languages one anchor is enough, unless it is weak. */
			if (same && (one ? shared >= 2 : strong >= 1 || shared >= 2) &&
			    (!one || events_group_words_common(words, v, i, j))) {
				events_group_union(parent, i, j);
				events_group_link_add(links, v, i, j, 2);
			} else if (same && !one) {
				struct events_group_weak *wk = xmalloc(sizeof *wk);
				*wk = (struct events_group_weak){ i, j, *weak };
				*weak = wk;
			}
			c = d;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(words[i].k);
	free(words);
	free(cand);
	free(pv);
}

static int events_group_pair_key_order(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return a[1] < b[1] ? -1 : a[1] > b[1];
}

/* The pairs of events that share one weak anchor (a two-digit number on one
 * day, which unrelated reports share by chance) are joined when their two
 * articles already report another happening together, by a name or a strong
 * anchor, or when their two sentences say the same things in words besides
 * (events_words.c). */
static void events_group_weak_join(const struct event *v, size_t *parent,
				   struct events_group_links *links, struct events_group_weak *weak,
				   struct align_ctx *ctx)
{
	size_t np = 0;
	size_t *pairs = xmalloc((links->n ? links->n : 1) * 2 * sizeof *pairs);
	for (size_t k = 0; k < links->n; k++) {
		if (links->v[k].weight == 0 || links->v[k].a == links->v[k].b)
			continue;
		pairs[2 * np] = links->v[k].a;
		pairs[2 * np + 1] = links->v[k].b;
		np++;
	}
	qsort(pairs, np, 2 * sizeof *pairs, events_group_pair_key_order);
	while (weak) {
		struct events_group_weak *next = weak->next;
		size_t i = weak->i, j = weak->j;
		size_t key[2] = { v[i].article < v[j].article ? v[i].article : v[j].article,
				  v[i].article < v[j].article ? v[j].article : v[i].article };
		const char *ti = v[i].text, *tj = v[j].text;
		if (events_group_root(parent, i) != events_group_root(parent, j) &&
		    (bsearch(key, pairs, np, 2 * sizeof *pairs, events_group_pair_key_order) ||
		     events_words_agree(ctx, v[i].lang, v[j].lang, &ti, &tj, 1))) {
			events_group_union(parent, i, j);
			events_group_link_add(links, v, i, j, 2);
		}
		free(weak);
		weak = next;
	}
	free(pairs);
}

/* ---- names across scripts ---- */

/* Whether two dates agree: equal, or one a more precise form of the other. */
static bool events_group_dates_agree(const struct adate *x, const struct adate *y)
{
	enum date_precision p = x->prec < y->prec ? x->prec : y->prec;
	return p > DATE_NONE && x->year == y->year && (p < DATE_MONTH || x->month == y->month) &&
	       (p < DATE_DAY || x->day == y->day);
}

/* A Latin name of an event, under one key at one precision. */
struct events_group_name {
	uint64_t key;                   /* the date at prec, mixed with the name's key */
	size_t ev;
	uint16_t start, len;            /* the name: bytes of the event's text */
	uint8_t own;                    /* the event's own precision */
	uint8_t kind;                   /* which of the name's keys: EVENTS_NAME_PINYIN, ... */
	uint8_t lo, hi;                 /* the name's names_keys: sound_lo and sound_hi */
};

enum { EVENTS_NAME_PINYIN, EVENTS_NAME_SOUND, EVENTS_NAME_LATIN };
_Static_assert(offsetof(struct events_group_name, key) == 0, "keysort reads the key first");

static size_t events_group_name_lower(const struct events_group_name *t, size_t n, uint64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The precisions an event's names are filed under: its own, and the month of
 * a day, so that an event of 2016-05 meets one of 2016-05-26. */
static size_t events_group_precs(enum date_precision own, enum date_precision *out)
{
	size_t n = 0;
	out[n++] = own;
	if (own == DATE_DAY)
		out[n++] = DATE_MONTH;
	return n;
}

/* Two events whose sentences name one thing: the Latin name at start of j. */
struct events_group_hit {
	size_t i, j;
	size_t start;
};

/* A filter of the name keys filed, whatever their date: most keys of Han
 * substrings are no name's, and are dropped before a lookup. */
#define EVENTS_BLOOM_BITS (1u << 22)

static bool events_group_bloom(const uint64_t *bloom, uint64_t key)
{
	uint64_t h = events_group_mix(key) & (EVENTS_BLOOM_BITS - 1);
	return (bloom[h >> 6] >> (h & 63)) & 1;
}

struct events_group_names {
	const uint64_t *bloom;
	const struct event *v;
	const struct events_group_name *t;
	size_t nt;
	size_t ev;                      /* the Chinese event being read */
	struct events_group_hit *hits;
	size_t nhits, caphits;
};

static void events_group_hit_add(struct events_group_names *nm, size_t i, size_t j, size_t start)
{
	xgrow((void **)&nm->hits, &nm->caphits, nm->nhits + 1, sizeof *nm->hits);
	nm->hits[nm->nhits++] = (struct events_group_hit){ i, j, start };
}

static int events_group_hit_order(const void *pa, const void *pb)
{
	const struct events_group_hit *a = pa, *b = pb;
	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	if (a->j != b->j)
		return a->j < b->j ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Anchors events i and j share. */
static size_t events_group_shared(const struct events_work *w, size_t i, size_t j)
{
	size_t k = 0;
	for (size_t a = 0; a < w[i].nanchors; a++)
		for (size_t b = 0; b < w[j].nanchors; b++)
			k += w[i].anchors[a] == w[j].anchors[b];
	return k;
}

/* Whether Han text han[0..n), one of whose keys is q's, names what q does,
 * as names_match_han would say, from what q keeps: the pinyin key is the
 * name's reading; the sound key, a transliteration of the right length. False
 * leaves it to names_match_han (the Han text's pinyin may be the name's too). */
static bool events_group_han_names(const char *han, size_t n, const struct events_group_name *q)
{
	if (q->kind == EVENTS_NAME_PINYIN)
		return true;
	return q->kind == EVENTS_NAME_SOUND && names_sound_fits(q->lo, q->hi, han, n);
}

/* One key of a Han substring of event nm->ev: the Latin names filed under it,
 * checked by the matcher, join the event. */
static void events_group_han_key(uint64_t key, size_t start, size_t len, void *arg)
{
	struct events_group_names *nm = arg;
	if (!events_group_bloom(nm->bloom, key))
		return;
	const struct event *z = &nm->v[nm->ev];
	enum date_precision precs[2];
	size_t np = events_group_precs(z->date.prec, precs);
	for (size_t k = 0; k < np; k++) {
		uint64_t dk = events_group_mix(events_group_date_key(&z->date, precs[k]) ^ key);
		size_t at = events_group_name_lower(nm->t, nm->nt, dk);
		for (size_t h = at; h < nm->nt && h - at < EVENTS_WINDOW && nm->t[h].key == dk; h++) {
			const struct events_group_name *q = &nm->t[h];
			const struct event *l = &nm->v[q->ev];
			/* at the month of a day: only what is no more precise than a month */
			if (k > 0 && q->own != precs[k])
				continue;
			if (!events_group_dates_agree(&z->date, &l->date))
				continue;
			if (!events_group_han_names(z->text + start, len, q) &&
			    names_match_han(z->text + start, len, l->text + q->start, q->len) == NAMES_NONE)
				continue;
			events_group_hit_add(nm, nm->ev, q->ev, q->start);
		}
	}
}

/* The Latin names of sentence s, less those inside a date expression: a
 * month or a weekday is capitalised in English, and sounds like many Han
 * words (December and 的一场罢), but it names no place, person or body. */
static size_t events_group_latin_names(const char *s, const char *lang, struct names_span *sp)
{
	size_t n = strlen(s);
	size_t ns = names_latin_spans(s, n, false, sp, EVENTS_NAMES_MAX);
	if (ns == 0)
		return 0;
	struct datex *x = NULL;
	size_t nx = dates_find(s, n, lang, &x), k = 0;
	for (size_t a = 0; a < ns; a++) {
		bool in_date = false;
		for (size_t d = 0; d < nx && !in_date; d++)
			in_date = sp[a].start < x[d].start + x[d].len &&
				  x[d].start < sp[a].start + sp[a].len;
		if (!in_date)
			sp[k++] = sp[a];
	}
	free(x);
	return k;
}

/* Joins the pairs of events nm->hits found to name one thing (and empties
 * it): hits of one pair at several places of its second sentence are that
 * many names. */
static void events_group_name_hits(struct events_group_names *nm, const struct events_work *w,
				   size_t *parent, struct events_group_links *links)
{
	const struct event *v = nm->v;
	struct events_group_hit *hits = nm->hits;
	if (nm->nhits)
		qsort(hits, nm->nhits, sizeof *hits, events_group_hit_order);
	for (size_t k = 0; k < nm->nhits;) {
		size_t i = hits[k].i, j = hits[k].j, names = 0;
		for (; k < nm->nhits && hits[k].i == i && hits[k].j == j; k++)
			names += k == 0 || hits[k - 1].i != i || hits[k - 1].j != j ||
				 hits[k - 1].start != hits[k].start;
		/* Two Latin spellings are one anchor, as a shared Latin name is; a name
		 * read from Han characters is less sure (柏林 has other readings than
		 * Berlin's) and needs one more thing across articles. */
		bool latin = !events_group_is_zh(v[i].lang) && !events_group_is_zh(v[j].lang);
		bool join = v[i].article == v[j].article || latin ||
			    names + events_group_shared(w, i, j) >= 2;
		if (join)
			events_group_union(parent, i, j);
		events_group_link_add(links, v, i, j, join ? 2 : 1);
	}
	nm->nhits = 0;
}

/* Events of two languages whose sentences name one thing: a Chinese name and
 * its English or French form (pinyin, transliteration), or an English and a
 * French form. Latin names are filed by (date, key); Han substrings, and Latin
 * names of the other languages, look them up. In one article a name joins two
 * events; across articles a name and one more thing (another name, an anchor)
 * do, and a name alone makes the articles candidates for alignment. */
static void events_group_names(const struct event *v, const struct events_work *w, size_t n,
			       size_t *parent, struct events_group_links *links)
{
	struct events_group_name *t = NULL;
	size_t nt = 0, cap = 0;
	bool any_zh = false;
	uint64_t *bloom = xcalloc(EVENTS_BLOOM_BITS / 64, sizeof *bloom);
	for (size_t i = 0; i < n; i++) {
		if (events_group_is_zh(v[i].lang)) {
			any_zh = true;
			continue;
		}
		if (!v[i].text || v[i].date.prec == DATE_NONE)
			continue;
		struct names_span sp[EVENTS_NAMES_MAX];
		size_t ns = events_group_latin_names(v[i].text, v[i].lang, sp);
		enum date_precision precs[2];
		size_t np = events_group_precs(v[i].date.prec, precs);
		for (size_t k = 0; k < ns; k++) {
			struct names_keys nk;
			names_latin_keys(v[i].text + sp[k].start, sp[k].len, &nk);
			uint64_t keys[3] = { nk.pinyin, nk.sound, nk.latin };
			for (size_t a = 0; a < 3; a++) {
				if (!keys[a])
					continue;
				uint64_t bit = events_group_mix(keys[a]) & (EVENTS_BLOOM_BITS - 1);
				bloom[bit >> 6] |= 1ULL << (bit & 63);
				for (size_t p = 0; p < np; p++) {
					xgrow((void **)&t, &cap, nt + 1, sizeof *t);
					t[nt++] = (struct events_group_name){
						events_group_mix(events_group_date_key(&v[i].date, precs[p]) ^
								 keys[a]),
						i, (uint16_t)sp[k].start, (uint16_t)sp[k].len,
						(uint8_t)v[i].date.prec, (uint8_t)a, nk.sound_lo,
						nk.sound_hi,
					};
				}
			}
		}
	}
	if (nt == 0) {
		free(bloom);
		free(t);
		return;
	}
	/* by key, then event: made in the events' order */
	keysort(t, nt, sizeof *t);
	struct events_group_names nm = { bloom, v, t, nt, 0, NULL, 0, 0 };
	for (size_t i = 0; i < n && any_zh; i++) {
		if (!events_group_is_zh(v[i].lang) || !v[i].text || v[i].date.prec == DATE_NONE)
			continue;
		nm.ev = i;
		names_han_keys(v[i].text, strlen(v[i].text), events_group_han_key, &nm);
		/* Its hits all have i first: joined now, they are never many. */
		events_group_name_hits(&nm, w, parent, links);
	}
	/* English and French forms: each Latin name's Latin key, in the other languages. */
	for (size_t i = 0; i < nt; i++) {
		size_t at = events_group_name_lower(t, nt, t[i].key);
		for (size_t h = at; h < nt && h - at < EVENTS_WINDOW && t[h].key == t[i].key; h++) {
			size_t a = t[i].ev, b = t[h].ev;
			if (h == i || a > b || strcmp(v[a].lang, v[b].lang) == 0 ||
			    !events_group_dates_agree(&v[a].date, &v[b].date))
				continue;
			if (!names_match_latin(v[a].text + t[i].start, t[i].len, v[b].text + t[h].start,
					       t[h].len))
				continue;
			events_group_hit_add(&nm, a, b, t[h].start);
		}
	}
	free(t);
	free(bloom);
	events_group_name_hits(&nm, w, parent, links);
	free(nm.hits);
}

/* ---- translations, through the alignment ---- */

static int events_group_link_order(const void *pa, const void *pb)
{
	const struct events_group_link *a = pa, *b = pb;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	if (a->la != b->la)
		return a->la < b->la ? -1 : 1;
	return a->lb < b->lb ? -1 : a->lb > b->lb;
}

/* Aligns text (a, la) with (b, lb); where the aligner judges them translations,
 * events of agreeing dates whose sentences share a bead are one happening.
 * byart[first[x] .. first[x + 1]) are the events of article x. */
/* Whether aligning (a, la) with (b, lb) could tell anything: some events of
 * agreeing dates on the two sides are not in one group yet, and, within one
 * article, are not simply the one event of one date on each side (which the
 * ordinal pairing joins as well, without the cost of an alignment). */
static bool events_group_align_needed(const struct event *v, const size_t *byart,
				      const size_t *first, const struct events_group_texts *l,
				      size_t *parent)
{
	for (size_t x = first[l->a]; x < first[l->a + 1]; x++) {
		const struct event *e = &v[byart[x]];
		if (strcmp(e->lang, l->la) != 0)
			continue;
		size_t agree = 0;
		bool open = false, plain = true;
		for (size_t y = first[l->b]; y < first[l->b + 1]; y++) {
			const struct event *f = &v[byart[y]];
			if (strcmp(f->lang, l->lb) != 0 || !events_group_dates_agree(&e->date, &f->date))
				continue;
			agree++;
			plain &= events_group_same_date(&e->date, &f->date);
			open |= events_group_root(parent, byart[x]) != events_group_root(parent, byart[y]);
		}
		if (open && (l->a != l->b || agree > 1 || !plain))
			return true;
	}
	if (l->a != l->b)
		return false;
	/* the other way: one event of lb agreeing with several of la */
	for (size_t y = first[l->b]; y < first[l->b + 1]; y++) {
		const struct event *f = &v[byart[y]];
		if (strcmp(f->lang, l->lb) != 0)
			continue;
		size_t agree = 0;
		for (size_t x = first[l->a]; x < first[l->a + 1]; x++) {
			const struct event *e = &v[byart[x]];
			agree += strcmp(e->lang, l->la) == 0 && events_group_dates_agree(&e->date, &f->date);
		}
		if (agree > 1)
			return true;
	}
	return false;
}

/* The bead of event e on side (0 or 1) of al, or (size_t)-1. */
static size_t events_group_bead_of(const struct alignment *al, int side, const struct event *e)
{
	size_t s = align_sentence_at(al, side, e->para, e->start);
	return s == (size_t)-1 ? s : al->sent[side][s].bead;
}

static bool events_group_before(const struct event *x, const struct event *y)
{
	return x->para < y->para || (x->para == y->para && x->start < y->start);
}

/* Where e stands, in text order, among the events of es[0..n) in bead that
 * agree in date with f. */
static size_t events_group_rank(const struct alignment *al, int side, const struct event *const *es,
				size_t n, size_t bead, const struct event *e, const struct event *f)
{
	size_t r = 0;
	for (size_t k = 0; k < n; k++)
		r += es[k] != e && events_group_before(es[k], e) &&
		     events_group_dates_agree(&es[k]->date, &f->date) &&
		     events_group_bead_of(al, side, es[k]) == bead;
	return r;
}

/* The pairs of events of (a, la) and (b, lb) whose sentences share a bead of
 * al, with agreeing dates: found (a pair x, y of indices into ia[] and ib[])
 * for each. Where a bead holds several such events on both sides (two
 * sentences of one year joined to one, as a Chinese sentence with "；" is),
 * they go in order, the k-th with the k-th: a translation keeps the order,
 * and two happenings of one year are not one. */
static void events_group_beads(const struct alignment *al, const struct event *const *ea,
			       size_t na, const struct event *const *eb, size_t nb,
			       void (*found)(size_t x, size_t y, void *arg), void *arg)
{
	for (size_t x = 0; x < na; x++) {
		const struct event *e = ea[x];
		size_t bead = events_group_bead_of(al, 0, e);
		if (bead == (size_t)-1)
			continue;
		for (size_t y = 0; y < nb; y++) {
			const struct event *f = eb[y];
			if (!events_group_dates_agree(&e->date, &f->date) ||
			    events_group_bead_of(al, 1, f) != bead)
				continue;
			if (events_group_rank(al, 0, ea, na, bead, e, f) ==
			    events_group_rank(al, 1, eb, nb, bead, f, e))
				found(x, y, arg);
		}
	}
}

struct events_group_sides {
	const struct event **ea, **eb;
	size_t *ia, *ib;                /* the events' indices */
	size_t na, nb;
};

/* The events of one text (an article's part in lang): those of v at at[from
 * .. to) (at NULL: v[from .. to)), with their indices. */
static size_t events_group_part(const struct event *v, const size_t *at, size_t from, size_t to,
				const char *lang, const struct event ***e, size_t **idx)
{
	size_t n = to - from, k = 0;
	*e = xmalloc((n ? n : 1) * sizeof **e);
	*idx = xmalloc((n ? n : 1) * sizeof **idx);
	for (size_t x = from; x < to; x++) {
		size_t i = at ? at[x] : x;
		if (strcmp(v[i].lang, lang) == 0) {
			(*e)[k] = &v[i];
			(*idx)[k++] = i;
		}
	}
	return k;
}

static void events_group_sides_free(struct events_group_sides *s)
{
	free(s->ea);
	free(s->eb);
	free(s->ia);
	free(s->ib);
}

/* One article's own alignments, worked out beforehand: where they are, the
 * events of article a sit at pos[first[a] + k] for its k-th own event. */
struct events_group_own {
	const struct events_article *arts;
	const size_t *pos;
	const struct events_keep *keep;
};

/* The pairs of events found in the beads, kept to be judged by their words
 * before any is joined. */
struct events_group_found {
	const struct events_group_sides *s;
	size_t *x, *y, n, cap;
};

static void events_group_found_add(size_t x, size_t y, void *arg)
{
	struct events_group_found *f = arg;
	if (f->n == f->cap) {
		size_t cap = f->cap;
		xgrow((void **)&f->x, &cap, f->n + 1, sizeof *f->x);
		xgrow((void **)&f->y, &f->cap, f->n + 1, sizeof *f->y);
	}
	f->x[f->n] = x;
	f->y[f->n++] = y;
}

/* What aligning two texts told (events_group_pair_align), as the index keeps
 * it: whether they are translations, then the pairs of events to join, as
 * indices into the sides. */
static void *events_group_pair_pack(bool tr, const struct events_group_found *f, size_t *len)
{
	*len = 1 + sizeof(uint32_t) * (1 + 2 * f->n);
	unsigned char *b = xmalloc(*len), *p = b + 1;
	b[0] = tr;
	uint32_t n = (uint32_t)f->n;
	memcpy(p, &n, sizeof n);
	p += sizeof n;
	for (size_t k = 0; k < f->n; k++) {
		uint32_t xy[2] = { (uint32_t)f->x[k], (uint32_t)f->y[k] };
		memcpy(p, xy, sizeof xy);
		p += sizeof xy;
	}
	return b;
}

/* The kept result, into *tr and f; false when the bytes do not fit the sides
 * (then it is aligned again). */
static bool events_group_pair_unpack(const unsigned char *b, size_t len, bool *tr,
				     struct events_group_found *f)
{
	uint32_t n;
	if (len < 1 + sizeof n || b[0] > 1)
		return false;
	memcpy(&n, b + 1, sizeof n);
	if (len != 1 + sizeof n * (1 + 2 * (size_t)n))
		return false;
	const unsigned char *p = b + 1 + sizeof n;
	for (uint32_t k = 0; k < n; k++, p += 2 * sizeof n) {
		uint32_t xy[2];
		memcpy(xy, p, sizeof xy);
		if (xy[0] >= f->s->na || xy[1] >= f->s->nb) {
			f->n = 0;
			return false;
		}
		events_group_found_add(xy[0], xy[1], f);
	}
	*tr = b[0];
	return true;
}

/* Aligns the two texts: whether the aligner judges them translations (and,
 * with words, their sentences so paired say the same things), and then the
 * events to join into f. False in *known when they could not be aligned. */
static bool events_group_pair_align(const struct collection *c, const struct events_group_texts *l,
				    const struct events_group_own *own, struct align_ctx *ctx,
				    bool words, struct events_group_found *f, bool *known)
{
	const struct events_group_sides *s = f->s;
	if (own && own->keep) {
		own->keep->body(own->keep->arg, l->a);
		own->keep->body(own->keep->arg, l->b);
	}
	struct align_side sa = { &c->items[l->a], l->la }, sb = { &c->items[l->b], l->lb };
	struct alignment *al = align_sides_ctx(ctx, &sa, &sb);
	*known = al != NULL;
	if (al == NULL)
		return false;
	bool tr = al->translation;
	if (tr)
		events_group_beads(al, s->ea, s->na, s->eb, s->nb, events_group_found_add, f);
	if (tr && words) {
		const char **ta = xmalloc((f->n ? f->n : 1) * sizeof *ta);
		const char **tb = xmalloc((f->n ? f->n : 1) * sizeof *tb);
		for (size_t k = 0; k < f->n; k++) {
			ta[k] = s->ea[f->x[k]]->text ? s->ea[f->x[k]]->text : "";
			tb[k] = s->eb[f->y[k]]->text ? s->eb[f->y[k]]->text : "";
		}
		tr = events_words_agree(ctx, l->la, l->lb, ta, tb, f->n);
		free(ta);
		free(tb);
	}
	if (!tr)
		f->n = 0;
	align_free(al);
	return tr;
}

/* Aligns the texts of link l and joins the events of agreeing dates in its
 * beads where the aligner judges them translations; with words, only when the
 * sentences so paired share words too (events_words_agree): the texts were
 * paired by their dates alone. What it told is kept (events_keep's pair_get
 * and pair_put) while neither text changes. */
static bool events_group_align_pair(const struct event *v, const struct collection *c,
				    const size_t *byart, const size_t *first,
				    const struct events_group_texts *l, size_t *parent, size_t *budget,
				    const struct events_group_own *own, struct align_ctx *ctx,
				    bool words)
{
	if (*budget == 0 || !events_group_align_needed(v, byart, first, l, parent))
		return false;
	--*budget;
	if (own && l->a == l->b) {
		const struct events_article *ar = &own->arts[l->a];
		for (size_t k = 0; k < ar->nself; k++) {
			const struct events_self *sf = &ar->self[k];
			if (strcmp(sf->la, l->la) != 0 || strcmp(sf->lb, l->lb) != 0)
				continue;
			for (size_t p = 0; p < sf->npairs; p++)
				events_group_union(parent, own->pos[first[l->a] + sf->pairs[2 * p]],
						   own->pos[first[l->a] + sf->pairs[2 * p + 1]]);
			return sf->tr;
		}
	}
	/* both sides of one text: the events of a in la, of b in lb */
	struct events_group_sides s;
	s.na = events_group_part(v, byart, first[l->a], first[l->a + 1], l->la, &s.ea, &s.ia);
	s.nb = events_group_part(v, byart, first[l->b], first[l->b + 1], l->lb, &s.eb, &s.ib);
	struct events_group_found f = { &s, NULL, NULL, 0, 0 };
	const struct events_keep *keep = own ? own->keep : NULL;
	bool tr = false, kept = false;
	if (keep && keep->pair_get) {
		size_t len = 0;
		void *b = keep->pair_get(keep->arg, l->a, l->b, l->la, l->lb, words, &len);
		kept = b && events_group_pair_unpack(b, len, &tr, &f);
		free(b);
	}
	if (!kept) {
		bool known;
		tr = events_group_pair_align(c, l, own, ctx, words, &f, &known);
		if (known && keep && keep->pair_put) {
			size_t len;
			void *b = events_group_pair_pack(tr, &f, &len);
			keep->pair_put(keep->arg, l->a, l->b, l->la, l->lb, words, b, len);
			free(b);
		}
	}
	for (size_t k = 0; k < f.n; k++)
		events_group_union(parent, s.ia[f.x[k]], s.ib[f.y[k]]);
	free(f.x);
	free(f.y);
	events_group_sides_free(&s);
	return tr;
}

/* Whether events_group_align_needed could hold for the two parts la, lb of
 * one article whatever joined its events before: some event of one part
 * agrees with several of the other, or with one of another precision. */
static bool events_group_self_may_need(const struct events_group_sides *s)
{
	for (size_t x = 0; x < s->na; x++) {
		size_t agree = 0;
		bool plain = true;
		for (size_t y = 0; y < s->nb; y++) {
			if (!events_group_dates_agree(&s->ea[x]->date, &s->eb[y]->date))
				continue;
			agree++;
			plain &= events_group_same_date(&s->ea[x]->date, &s->eb[y]->date);
		}
		if (agree > 1 || (agree && !plain))
			return true;
	}
	for (size_t y = 0; y < s->nb; y++) {
		size_t agree = 0;
		for (size_t x = 0; x < s->na; x++)
			agree += events_group_dates_agree(&s->ea[x]->date, &s->eb[y]->date);
		if (agree > 1)
			return true;
	}
	return false;
}

struct events_group_collect {
	const struct events_group_sides *s;
	struct events_self *self;
	size_t cap;
};

static void events_group_collect_found(size_t x, size_t y, void *arg)
{
	struct events_group_collect *k = arg;
	struct events_self *sf = k->self;
	xgrow((void **)&sf->pairs, &k->cap, 2 * sf->npairs + 2, sizeof *sf->pairs);
	sf->pairs[2 * sf->npairs] = k->s->ia[x];
	sf->pairs[2 * sf->npairs + 1] = k->s->ib[y];
	sf->npairs++;
}

void events_group_self(const struct collection *c, size_t ai, struct events_article *out,
		       struct align_ctx *ctx)
{
	const struct event *v = out->v;
	/* the article's languages */
	const char **langs = xmalloc((out->n ? out->n : 1) * sizeof *langs);
	size_t nl = 0;
	for (size_t i = 0; i < out->n; i++) {
		size_t k = 0;
		while (k < nl && strcmp(langs[k], v[i].lang) != 0)
			k++;
		if (k == nl)
			langs[nl++] = v[i].lang;
	}
	size_t cap = 0;
	for (size_t x = 0; x < nl; x++) {
		for (size_t y = 0; y < nl; y++) {
			if (strcmp(langs[x], langs[y]) >= 0)
				continue;
			struct events_group_sides s;
			s.na = events_group_part(v, NULL, 0, out->n, langs[x], &s.ea, &s.ia);
			s.nb = events_group_part(v, NULL, 0, out->n, langs[y], &s.eb, &s.ib);
			if (events_group_self_may_need(&s)) {
				struct align_side sa = { &c->items[ai], langs[x] };
				struct align_side sb = { &c->items[ai], langs[y] };
				struct alignment *al = align_sides_ctx(ctx, &sa, &sb);
				xgrow((void **)&out->self, &cap, out->nself + 1, sizeof *out->self);
				struct events_self *sf = &out->self[out->nself++];
				memset(sf, 0, sizeof *sf);
				memcpy(sf->la, langs[x], LANG_TAG_MAX);
				memcpy(sf->lb, langs[y], LANG_TAG_MAX);
				sf->tr = al && al->translation;
				if (sf->tr) {
					struct events_group_collect k = { &s, sf, 0 };
					events_group_beads(al, s.ea, s.na, s.eb, s.nb,
							   events_group_collect_found, &k);
				}
				align_free(al);
			}
			events_group_sides_free(&s);
		}
	}
	free(langs);
}

/* ---- versions told alike ---- */

/* Two events of two texts (article, language) with one date at one precision. */
struct events_group_twin {
	size_t a, b;                    /* articles, a < b */
	uint64_t la, lb;                /* their languages, hashed */
	size_t ea, eb;                  /* the events */
};

static int events_group_twin_order(const void *pa, const void *pb)
{
	const struct events_group_twin *x = pa, *y = pb;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	if (x->la != y->la)
		return x->la < y->la ? -1 : 1;
	if (x->lb != y->lb)
		return x->lb < y->lb ? -1 : 1;
	if (x->ea != y->ea)
		return x->ea < y->ea ? -1 : 1;
	return x->eb < y->eb ? -1 : x->eb > y->eb;
}

static uint64_t events_group_lang_hash(const char *lang)
{
	uint64_t h = 0xCBF29CE484222325ULL;
	for (; *lang; lang++)
		h = (h ^ (unsigned char)*lang) * 0x100000001B3ULL;
	return h;
}

/* How many distinct events of one side a run of twins holds (sorted by ea
 * when side is 0; by eb otherwise, after a sort). */
static size_t events_group_twin_distinct(struct events_group_twin *t, size_t n, int side)
{
	if (side)
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && t[j - 1].eb > t[j].eb; j--) {
				struct events_group_twin x = t[j];
				t[j] = t[j - 1];
				t[j - 1] = x;
			}
	size_t d = 0;
	for (size_t i = 0; i < n; i++)
		d += i == 0 || (side ? t[i].eb != t[i - 1].eb : t[i].ea != t[i - 1].ea);
	return d;
}

/* The events of article x in language lang (hashed). */
static size_t events_group_part_size(const struct event *v, const size_t *byart,
				     const size_t *first, size_t x, uint64_t lang)
{
	size_t k = 0;
	for (size_t y = first[x]; y < first[x + 1]; y++)
		k += events_group_lang_hash(v[byart[y]].lang) == lang;
	return k;
}

/* Two texts in two languages that give the same dates (equal, or one a more
 * precise form of the other) are likely versions of one account, whatever
 * their words: a Chinese translation that names Tokyo 東京 and Japan 日本 shares no
 * name the readings can find with its English original. Such pairs become
 * candidates for alignment, which alone decides: texts it does not judge
 * translations join nothing (two articles that happen to share a few dates
 * stay apart). Two dates at least of each text must agree with the other's:
 * two thirds of the shorter's, a third of the longer's. */
static void events_group_twin_add(struct events_group_twin **t, size_t *nt, size_t *cap,
				  const struct event *v, size_t i, size_t j)
{
	if (v[i].article == v[j].article || strcmp(v[i].lang, v[j].lang) == 0)
		return;
	if (v[i].article > v[j].article) {
		size_t x = i;
		i = j;
		j = x;
	}
	xgrow((void **)t, cap, *nt + 1, sizeof **t);
	(*t)[(*nt)++] = (struct events_group_twin){ v[i].article, v[j].article,
		events_group_lang_hash(v[i].lang), events_group_lang_hash(v[j].lang), i, j };
}

static void events_group_twins(const struct event *v, size_t n, const size_t *byart,
			       const size_t *first, struct events_group_links *links)
{
	struct events_group_posting *pv = xmalloc((n ? n : 1) * sizeof *pv);
	size_t np = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].date.prec != DATE_NONE)
			pv[np++] = (struct events_group_posting){
				events_group_date_key(&v[i].date, v[i].date.prec), i };
	events_group_postings_sort(pv, np);
	struct events_group_twin *t = NULL;
	size_t nt = 0, cap = 0;
	for (size_t k = 0; k < np; k++) {
		/* the same date, at the same precision */
		for (size_t back = 1; back <= EVENTS_WINDOW && back <= k; back++) {
			if (pv[k - back].key != pv[k].key)
				break;
			events_group_twin_add(&t, &nt, &cap, v, pv[k - back].ev, pv[k].ev);
		}
		/* the year or month of a day, the year of a month, as stated by
		 * another (1961 and 1961年7月) */
		size_t i = pv[k].ev;
		for (enum date_precision p = DATE_YEAR; p < v[i].date.prec; p++) {
			if (p != DATE_YEAR && p != DATE_MONTH)
				continue;
			uint64_t key = events_group_date_key(&v[i].date, p);
			size_t at = events_group_lower(pv, np, key, 0);
			for (size_t h = at; h < np && h - at < EVENTS_WINDOW && pv[h].key == key; h++)
				events_group_twin_add(&t, &nt, &cap, v, pv[h].ev, i);
		}
	}
	free(pv);
	if (nt)
		qsort(t, nt, sizeof *t, events_group_twin_order);
	for (size_t k = 0; k < nt;) {
		size_t e = k + 1;
		while (e < nt && t[e].a == t[k].a && t[e].b == t[k].b && t[e].la == t[k].la &&
		       t[e].lb == t[k].lb)
			e++;
		size_t da = events_group_twin_distinct(t + k, e - k, 0);
		size_t db = da >= 2 && e - k <= 256 ? events_group_twin_distinct(t + k, e - k, 1) : 0;
		if (db >= 2) {
			size_t sa = events_group_part_size(v, byart, first, t[k].a, t[k].la);
			size_t sb = events_group_part_size(v, byart, first, t[k].b, t[k].lb);
			/* the shorter text two thirds told in the other, the
			 * longer a third (an abridged version leaves much out) */
			size_t ds = sa <= sb ? da : db, dl = sa <= sb ? db : da;
			size_t ss = sa <= sb ? sa : sb, sl = sa <= sb ? sb : sa;
			if (3 * ds >= 2 * ss && 3 * dl >= sl)
				for (size_t x = k; x < e; x++)
					events_group_link_add(links, v, t[x].ea, t[x].eb, 0);
		}
		k = e;
	}
	free(t);
}

/* A pair of texts to align, and what links them. */
struct events_group_cand {
	const struct events_group_link *l;
	unsigned weight, pairs, twins;
};

static int events_group_cand_order(const void *pa, const void *pb)
{
	const struct events_group_cand *a = pa, *b = pb;
	bool la = a->weight >= 2 && (a->l->a == a->l->b || a->pairs >= 2);
	bool lb = b->weight >= 2 && (b->l->a == b->l->b || b->pairs >= 2);
	if (la != lb)
		return la ? -1 : 1;
	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	if (a->twins != b->twins)
		return a->twins > b->twins ? -1 : 1;
	return events_group_link_order(a->l, b->l);
}

/* The texts to align: each article's language parts two by two, and the linked
 * pairs of articles (a few per article, the most linked first). */
static void events_group_aligned(const struct event *v, size_t n, const struct collection *c,
				 struct events_group_links *links, bool *aligned, size_t *parent,
				 const struct events_group_own *own, struct align_ctx *ctx)
{
	size_t na = c->n;
	size_t *first = xcalloc(na + 1, sizeof *first);
	size_t *byart = xmalloc((n ? n : 1) * sizeof *byart);
	for (size_t i = 0; i < n; i++)
		first[v[i].article + 1]++;
	for (size_t a = 0; a < na; a++)
		first[a + 1] += first[a];
	size_t *fill = xmalloc((na + 1) * sizeof *fill);
	memcpy(fill, first, (na + 1) * sizeof *fill);
	for (size_t i = 0; i < n; i++)
		byart[fill[v[i].article]++] = i;
	free(fill);
	/* an article's languages, each with another */
	for (size_t a = 0; a < na; a++) {
		size_t langs[8], nl = 0;
		for (size_t x = first[a]; x < first[a + 1] && nl < 8; x++) {
			size_t k = 0;
			while (k < nl && strcmp(v[langs[k]].lang, v[byart[x]].lang) != 0)
				k++;
			if (k == nl)
				langs[nl++] = byart[x];
		}
		for (size_t x = 0; x < nl; x++)
			for (size_t y = 0; y < x; y++)
				events_group_link_add(links, v, langs[x], langs[y], 2);
	}
	events_group_twins(v, n, byart, first, links);
	if (links->n) {
		qsort(links->v, links->n, sizeof *links->v, events_group_link_order);
		size_t *partners = xcalloc(na ? na : 1, sizeof *partners);
		/* Alignments are the costly part (milliseconds each): a bounded
		 * number of them, one article in sixteen for language parts, one
		 * in thirty-two for pairs of articles; past it, parts are paired by
		 * order and articles by their anchors and names only. */
		size_t within = 64 + na / 16, across = 64 + na / 32;
		/* The pairs of texts linked, with what links them; the most linked
		 * first, so that an article's few partners are its likeliest
		 * versions, and those linked by their dates alone last. */
		struct events_group_cand *cand = xmalloc(links->n * sizeof *cand);
		size_t nc = 0;
		for (size_t k = 0; k < links->n;) {
			struct events_group_cand *x = &cand[nc++];
			*x = (struct events_group_cand){ &links->v[k], 0, 0, 0 };
			for (; k < links->n && events_group_link_order(x->l, &links->v[k]) == 0; k++) {
				x->weight += links->v[k].weight;
				x->pairs += links->v[k].weight > 0;
				x->twins += links->v[k].weight == 0;
			}
		}
		qsort(cand, nc, sizeof *cand, events_group_cand_order);
		for (size_t k = 0; k < nc; k++) {
			const struct events_group_link *l = cand[k].l;
			/* Two articles are versions of each other when they tell two
			 * happenings alike at least: one name alone, or one shared
			 * happening, is no reason to align them; nor are shared days,
			 * which unrelated articles have too, unless the words of
			 * the sentences so paired agree as well. */
			bool linked = cand[k].weight >= 2 && (l->a == l->b || cand[k].pairs >= 2);
			if (!linked && cand[k].twins == 0)
				continue;
			if (l->a != l->b && (partners[l->a] >= EVENTS_PARTNERS ||
					     partners[l->b] >= EVENTS_PARTNERS))
				continue;
			struct events_group_texts tx = events_group_texts_of(links, l);
			bool tr = events_group_align_pair(v, c, byart, first, &tx, parent,
							  l->a == l->b ? &within : &across, own, ctx,
							  !linked);
			if (l->a == l->b)
				aligned[l->a] |= tr;
			else if (linked || tr)
				partners[l->a]++, partners[l->b]++;
		}
		free(cand);
		free(partners);
	}
	free(byart);
	free(first);
}

/* An event's place in time order: its date, article, paragraph and position
 * there, and where it was before sorting (equal ones keep their order). */
struct events_group_place {
	struct adate date;
	uint32_t article, para, start, at;
};

static int events_group_place_order(const void *pa, const void *pb)
{
	const struct events_group_place *a = pa, *b = pb;
	int d = adate_compare(&a->date, &b->date);
	if (d)
		return d;
	if (a->article != b->article)
		return a->article < b->article ? -1 : 1;
	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

/* Sorts v and w together by their events' places, keeping equal events in
 * their order. The events and their work records are 350 bytes a pair, half
 * a million at 100,000 articles: their places are sorted, then each moved
 * once, round its cycle of the permutation. */
static void events_group_sort(struct event *v, struct events_work *w, size_t n)
{
	struct events_group_place *pl = xmalloc((n ? n : 1) * sizeof *pl);
	for (size_t i = 0; i < n; i++)
		pl[i] = (struct events_group_place){ v[i].date, v[i].article, v[i].para, v[i].start,
						     (uint32_t)i };
	qsort(pl, n, sizeof *pl, events_group_place_order);
	/* pl[i].at: the event that goes to i; set to i once it is there */
	for (size_t i = 0; i < n; i++) {
		if (pl[i].at == i)
			continue;
		struct event e = v[i];
		struct events_work x = w[i];
		size_t j = i;
		while (pl[j].at != i) {
			size_t from = pl[j].at;
			v[j] = v[from];
			w[j] = w[from];
			pl[j].at = (uint32_t)j;
			j = from;
		}
		v[j] = e;
		w[j] = x;
		pl[j].at = (uint32_t)j;
	}
	free(pl);
}

void events_group(struct event *v, struct events_work *w, size_t n, const struct collection *c,
		  const struct events_article *arts, const struct events_keep *keep,
		  struct align_ctx *ctx)
{
	events_group_sort(v, w, n);

	size_t *parent = xmalloc((n ? n : 1) * sizeof *parent);
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	struct events_group_links links = { 0 };
	events_group_langs(v, n, &links.tag, &links.lang);
	struct events_group_weak *weak = NULL;
	events_group_anchors(v, w, n, parent, &links, &weak);
	events_group_names(v, w, n, parent, &links);
	events_group_weak_join(v, parent, &links, weak, ctx);
	bool *aligned = xcalloc(c->n ? c->n : 1, sizeof *aligned);
	size_t *pos = xmalloc((n ? n : 1) * sizeof *pos);
	for (size_t i = 0; i < n; i++)
		pos[w[i].orig] = i;
	struct events_group_own own = { arts, pos, keep };
	events_group_aligned(v, n, c, &links, aligned, parent, arts ? &own : NULL, ctx);
	free(pos);
	events_group_translations(v, n, aligned, parent);
	free(aligned);
	free(links.v);
	free(links.tag);
	free(links.lang);
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
