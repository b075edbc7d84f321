/* align.c: sentence alignment. The steps, each for a reason:
 * - lengths are weighted (a Han character counts 3, about the English letters
 *   it stands for), so that Gale and Church's variance, fitted on letters,
 *   holds for Chinese too; the ratio c is still estimated per pair, from the
 *   stretch between the first and last shared anchor when there is one (a side
 *   may carry paragraphs the other lacks), else from the totals;
 * - anchors (anchors.h) found in both texts pin sentences together: the
 *   programme may only build beads that keep each pinned pair in one bead, and
 *   its band follows the pins;
 * - paragraphs are aligned first when both sides have several, then sentences
 *   inside each group of paragraphs; when one side is a single paragraph, the
 *   sentences of the whole texts are aligned at once;
 * - a Chinese segment closed by "；" is aligned together with the next one
 *   against a Latin-script side, whose ";" does not end a sentence;
 * - the whole-text programme is semi-global: units left alone before or after
 *   everything the texts share cost little (an introduction, a source line),
 *   and the length term of any 1-0 bead is capped, so that extra sentences are
 *   left alone rather than forced into ill-fitting 2-1 beads;
 * - finally the result is judged: when few sentences found a counterpart, or
 *   only at a high mean cost, or the length ratio is far off, the texts are
 *   related rather than translations, and only their shared dates and names
 *   pair them. */
#include <config.h>
#include "align.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "anchors.h"
#include "segment.h"
#include "utf8.h"
#include "xalloc.h"

#define ALIGN_S2 6.8
#define ALIGN_NONE ((size_t)-1)
/* Above this mean cost per bead, the texts do not translate each other. */
#define ALIGN_MAX_COST 2.5
/* The length term of a 1-0 or 0-1 bead stops growing here. */
#define ALIGN_MAX_Z_ALONE 2.0
/* Cost of a unit left alone at the very start or end of one text. */
#define ALIGN_EDGE_COST 1.0

/* The six moves and their priors (Gale and Church 1993). */
static const struct align_moveinfo {
	unsigned char da, db;
	double prior;
} align_moves[] = {
	{ 1, 1, 0.89 }, { 1, 0, 0.0099 }, { 0, 1, 0.0099 },
	{ 2, 1, 0.089 }, { 1, 2, 0.089 }, { 2, 2, 0.011 },
};
#define ALIGN_NMOVES (sizeof align_moves / sizeof *align_moves)

/* One bead as the programme found it, in units of the level being aligned. */
struct align_step {
	size_t a, b;                    /* first unit on each side */
	size_t da, db;                  /* units taken on each side */
	double cost;
	bool pinned;
};

struct align_steps {
	struct align_step *v;
	size_t n, cap;
};

static void align_steps_add(struct align_steps *s, size_t a, size_t b, size_t da,
			    size_t db, double cost, bool pinned)
{
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = (struct align_step){ a, b, da, db, cost, pinned };
}

static bool align_lang_matches(const char *para_lang, const char *want)
{
	if (!want || !*want)
		return true;
	size_t n = strlen(want);
	return strncasecmp(para_lang, want, n) == 0 && (para_lang[n] == '\0' || para_lang[n] == '-');
}

bool align_has_lang(const struct article *art, const char *lang)
{
	for (size_t i = 0; i < art->npara; i++)
		if (art->paras[i].kind != PARA_IMAGE && align_lang_matches(art->paras[i].lang, lang))
			return true;
	return false;
}

/* Weighted length: Han, kana and Hangul count 3, everything else 1. */
static double align_weight(const char *s, size_t n)
{
	double w = 0;
	size_t i = 0;
	while (i < n) {
		size_t k;
		int32_t cp = utf8_decode(s, n, i, &k);
		i += k;
		if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
		    (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		    (cp >= 0x20000 && cp <= 0x3FFFF))
			w += 3;
		else
			w += 1;
	}
	return w;
}

/* −log P(bead): the prior of its type and how well the lengths agree. */
static double align_bead_cost(double l1, double l2, double c, double prior)
{
	double mean = (l1 + l2 / c) / 2;
	double z = mean > 0 ? (c * l1 - l2) / sqrt(ALIGN_S2 * mean) : 0;
	/* A sentence without counterpart says nothing about the length ratio:
	 * left unbounded, its cost grows with its length until the programme
	 * prefers to force long extra sentences into ill-fitting 2-1 beads. */
	if ((l1 == 0 || l2 == 0) && fabs(z) > ALIGN_MAX_Z_ALONE)
		z = ALIGN_MAX_Z_ALONE;
	double pd = erfc(fabs(z) / sqrt(2.0));        /* 2 (1 − Φ(|z|)) */
	if (pd < 1e-100)
		pd = 1e-100;
	return -log(prior) - log(pd);
}

/* The band of the programme: for each row, the columns it may use, around the
 * line through the pins. */
struct align_band {
	size_t *lo, *hi, *off;
	double *cost;
	unsigned char *move;
};

/* The centre of row i on the line through the knots; *k is the knot segment
 * reached so far (rows are asked in order, so the walk is linear). */
static size_t align_center(const size_t *kx, const size_t *ky, size_t nk, size_t i, size_t *k)
{
	while (*k + 1 < nk && kx[*k + 1] < i)
		(*k)++;
	size_t a = *k;
	if (a + 1 >= nk || kx[a + 1] == kx[a])
		return ky[a];
	double t = (double)(i - kx[a]) / (double)(kx[a + 1] - kx[a]);
	return ky[a] + (size_t)(t * (double)(ky[a + 1] - ky[a]) + 0.5);
}

/* Does a bead of a[i-da, i) and b[j-db, j) keep every pin whole? */
static bool align_pins_ok(const size_t *pin_a, const size_t *pin_b, size_t i, size_t j,
			  unsigned da, unsigned db)
{
	for (size_t x = i - da; x < i; x++)
		if (pin_a[x] != ALIGN_NONE && (pin_a[x] < j - db || pin_a[x] >= j))
			return false;
	for (size_t y = j - db; y < j; y++)
		if (pin_b[y] != ALIGN_NONE && (pin_b[y] < i - da || pin_b[y] >= i))
			return false;
	return true;
}

/* The dynamic programme over units la[0..na) and lb[0..nb), pins kept; the
 * beads are appended to out with units offset by a0 and b0. */
static void align_dp(const double *la, size_t na, const double *lb, size_t nb,
		     const size_t *pin_a, const size_t *pin_b, double c, bool semi_global,
		     size_t a0, size_t b0, struct align_steps *out)
{
	/* Knots of the band's centre line: the corners and both ends of each pin. */
	size_t *kx = xcalloc(2 * na + 2, sizeof *kx), *ky = xcalloc(2 * na + 2, sizeof *ky);
	size_t nk = 0;
	kx[nk] = 0, ky[nk++] = 0;
	for (size_t i = 0; i < na; i++)
		if (pin_a[i] != ALIGN_NONE) {
			kx[nk] = i, ky[nk++] = pin_a[i];
			kx[nk] = i + 1, ky[nk++] = pin_a[i] + 1;
		}
	kx[nk] = na, ky[nk++] = nb;
	size_t diff = na > nb ? na - nb : nb - na;
	size_t w = 30 + diff;
	struct align_band bd;
	bd.lo = xcalloc(na + 1, sizeof *bd.lo);
	bd.hi = xcalloc(na + 1, sizeof *bd.hi);
	bd.off = xcalloc(na + 2, sizeof *bd.off);
	size_t seg = 0;
	for (size_t i = 0; i <= na; i++) {
		size_t ctr = align_center(kx, ky, nk, i, &seg);
		bd.lo[i] = ctr > w ? ctr - w : 0;
		bd.hi[i] = ctr + w < nb ? ctr + w : nb;
		bd.off[i + 1] = bd.off[i] + (bd.hi[i] - bd.lo[i] + 1);
	}
	free(kx);
	free(ky);
	size_t cells = bd.off[na + 1];
	bd.cost = xcalloc(cells, sizeof *bd.cost);
	bd.move = xcalloc(cells, sizeof *bd.move);
	for (size_t i = 0; i <= na; i++) {
		for (size_t j = bd.lo[i]; j <= bd.hi[i]; j++) {
			size_t cell = bd.off[i] + (j - bd.lo[i]);
			double best = i == 0 && j == 0 ? 0 : HUGE_VAL;
			unsigned char bm = 0xFF;
			for (unsigned m = 0; m < ALIGN_NMOVES && !(i == 0 && j == 0); m++) {
				unsigned da = align_moves[m].da, db = align_moves[m].db;
				if (i < da || j < db)
					continue;
				size_t pi = i - da, pj = j - db;
				if (pj < bd.lo[pi] || pj > bd.hi[pi])
					continue;
				double prev = bd.cost[bd.off[pi] + (pj - bd.lo[pi])];
				if (prev == HUGE_VAL || !align_pins_ok(pin_a, pin_b, i, j, da, db))
					continue;
				double l1 = 0, l2 = 0;
				for (size_t x = pi; x < i; x++)
					l1 += la[x];
				for (size_t y = pj; y < j; y++)
					l2 += lb[y];
				double bead = align_bead_cost(l1, l2, c, align_moves[m].prior);
				/* Extra material before everything the texts share, or
				 * after it (a headline, an introduction, a source line),
				 * is cheap to leave alone: the alignment is semi-global. */
				if (semi_global && ((da == 0 && (pi == 0 || pi == na)) ||
						    (db == 0 && (pj == 0 || pj == nb))))
					bead = ALIGN_EDGE_COST;
				double cost = prev + bead;
				if (cost < best) {
					best = cost;
					bm = (unsigned char)m;
				}
			}
			bd.cost[cell] = best;
			bd.move[cell] = bm;
		}
	}
	/* Walk back from the end; the beads come out reversed. The end cell
	 * need not be in the band, nor reached: a pin near the end of a that
	 * links to an early unit of b moves row na's centre away from nb, and
	 * pins that cross the band's edge leave cells unreached. From such a
	 * cell, units are left alone (b's first, then a's) until the walk
	 * stands on a reached cell, whose moves lead back to (0, 0) in the band. */
	size_t first = out->n, i = na, j = nb;
	while (i > 0 || j > 0) {
		bool in = j >= bd.lo[i] && j <= bd.hi[i];
		size_t cell = in ? bd.off[i] + (j - bd.lo[i]) : 0;
		unsigned m = in ? bd.move[cell] : 0xFF;
		if (m == 0xFF) {
			bool take_b = j > 0 && (j > bd.lo[i] || i == 0);
			size_t pi = take_b ? i : i - 1, pj = take_b ? j - 1 : j;
			double len = take_b ? lb[pj] : la[pi];
			align_steps_add(out, a0 + pi, b0 + pj, i - pi, j - pj,
					align_bead_cost(take_b ? 0 : len, take_b ? len : 0, c,
							align_moves[1].prior),
					!take_b && pin_a[pi] != ALIGN_NONE);
			i = pi;
			j = pj;
			continue;
		}
		unsigned da = align_moves[m].da, db = align_moves[m].db;
		size_t pi = i - da, pj = j - db;
		double step = bd.cost[cell] - bd.cost[bd.off[pi] + (pj - bd.lo[pi])];
		bool pinned = false;
		for (size_t x = pi; x < i; x++)
			pinned |= pin_a[x] != ALIGN_NONE;
		align_steps_add(out, a0 + pi, b0 + pj, da, db, step, pinned);
		i = pi;
		j = pj;
	}
	for (size_t l = first, r = out->n; l + 1 < r; l++, r--) {
		struct align_step t = out->v[l];
		out->v[l] = out->v[r - 1];
		out->v[r - 1] = t;
	}
	free(bd.lo);
	free(bd.hi);
	free(bd.off);
	free(bd.cost);
	free(bd.move);
}

/* The text of one side, as units of sentences and paragraphs. */
struct align_text {
	const struct article *art;
	size_t *paras;                  /* the paragraphs read, indexes into art->paras */
	size_t npara;
	size_t *para_first;             /* first sentence of each, npara + 1 entries */
	struct align_sentence *sent;
	size_t nsent;
	bool cjk;                       /* the first paragraph read is Chinese (or Japanese, Korean) */
};

static bool align_text_read(struct align_text *t, const struct align_side *side)
{
	memset(t, 0, sizeof *t);
	t->art = side->article;
	const struct article *art = side->article;
	t->paras = xcalloc(art->npara + 1, sizeof *t->paras);
	t->para_first = xcalloc(art->npara + 2, sizeof *t->para_first);
	size_t cap = 0;
	for (size_t p = 0; p < art->npara; p++) {
		const struct paragraph *para = &art->paras[p];
		if (para->kind == PARA_IMAGE || !align_lang_matches(para->lang, side->lang))
			continue;
		struct sentence *ss;
		size_t n = segment_sentences(para->text, strlen(para->text), para->lang, &ss);
		if (n == 0) {
			free(ss);
			continue;
		}
		if (t->npara == 0)
			t->cjk = strncmp(para->lang, "zh", 2) == 0 || strncmp(para->lang, "ja", 2) == 0 ||
				 strncmp(para->lang, "ko", 2) == 0;
		t->para_first[t->npara] = t->nsent;
		t->paras[t->npara++] = p;
		for (size_t k = 0; k < n; k++) {
			xgrow((void **)&t->sent, &cap, t->nsent + 1, sizeof *t->sent);
			struct align_sentence *s = &t->sent[t->nsent++];
			s->para = p;
			s->start = ss[k].start;
			s->end = ss[k].end;
			s->bead = 0;
			s->len = align_weight(para->text + ss[k].start, ss[k].end - ss[k].start);
		}
		free(ss);
	}
	t->para_first[t->npara] = t->nsent;
	return t->npara > 0;
}

static const char *align_sent_text(const struct align_text *t, size_t i, size_t *len)
{
	const struct align_sentence *s = &t->sent[i];
	*len = s->end - s->start;
	return t->art->paras[s->para].text + s->start;
}

/* Anchors of sentences [s0, s1) as units 0.. */
static void align_collect(struct anchor_set *set, const struct align_text *t, size_t s0,
			  size_t s1)
{
	anchors_init(set);
	for (size_t i = s0; i < s1; i++) {
		size_t len;
		const char *s = align_sent_text(t, i, &len);
		anchors_collect(set, s, len, i - s0);
	}
}

/* The pins of a chain, as per-unit arrays (ALIGN_NONE where unpinned). */
static void align_pins(const struct anchor_pair *chain, size_t n, size_t na, size_t nb,
		       size_t **pin_a, size_t **pin_b)
{
	*pin_a = xmalloc((na + 1) * sizeof **pin_a);
	*pin_b = xmalloc((nb + 1) * sizeof **pin_b);
	for (size_t i = 0; i < na; i++)
		(*pin_a)[i] = ALIGN_NONE;
	for (size_t j = 0; j < nb; j++)
		(*pin_b)[j] = ALIGN_NONE;
	for (size_t k = 0; k < n; k++) {
		(*pin_a)[chain[k].a] = chain[k].b;
		(*pin_b)[chain[k].b] = chain[k].a;
	}
}

/* Units of alignment: sentences, except that a Chinese sentence closed by a
 * semicolon joins the next one when the other side is not Chinese (English
 * and French write ";" inside a sentence, Chinese ends a segment at "；"). */
struct align_unit {
	size_t first, count;
	double len;
};

static bool align_ends_semicolon(const struct align_text *t, size_t i)
{
	size_t len;
	const char *s = align_sent_text(t, i, &len);
	return (len >= 1 && s[len - 1] == ';') ||
	       (len >= 3 && memcmp(s + len - 3, "\xEF\xBC\x9B", 3) == 0);
}

static size_t align_units(const struct align_text *t, size_t s0, size_t s1, bool merge,
			  struct align_unit **out)
{
	struct align_unit *u = xcalloc(s1 - s0 + 1, sizeof *u);
	size_t n = 0;
	for (size_t i = s0; i < s1; i++) {
		bool join = merge && n > 0 && align_ends_semicolon(t, i - 1) &&
			    t->sent[i - 1].para == t->sent[i].para;
		if (!join)
			u[n++] = (struct align_unit){ i, 0, 0 };
		u[n - 1].count++;
		u[n - 1].len += t->sent[i].len;
	}
	*out = u;
	return n;
}

/* Anchors of units as units 0.. */
static void align_collect_units(struct anchor_set *set, const struct align_text *t,
				const struct align_unit *u, size_t n)
{
	anchors_init(set);
	for (size_t k = 0; k < n; k++)
		for (size_t i = u[k].first; i < u[k].first + u[k].count; i++) {
			size_t len;
			const char *s = align_sent_text(t, i, &len);
			anchors_collect(set, s, len, k);
		}
}

/* Sentence alignment of a[s0a, s1a) with b[s0b, s1b), anchors found inside. */
static void align_group(const struct align_text *a, size_t s0a, size_t s1a,
			const struct align_text *b, size_t s0b, size_t s1b, double c, bool whole,
			struct align_steps *out, size_t *nanchors)
{
	if (s1a == s0a || s1b == s0b) {
		for (size_t i = s0a; i < s1a; i++)
			align_steps_add(out, i, s0b, 1, 0, 0, false);
		for (size_t j = s0b; j < s1b; j++)
			align_steps_add(out, s1a, j, 0, 1, 0, false);
		return;
	}
	struct align_unit *ua, *ub;
	size_t na = align_units(a, s0a, s1a, a->cjk && !b->cjk, &ua);
	size_t nb = align_units(b, s0b, s1b, b->cjk && !a->cjk, &ub);
	struct anchor_set sa, sb;
	align_collect_units(&sa, a, ua, na);
	align_collect_units(&sb, b, ub, nb);
	struct anchor_pair *chain;
	size_t nchain = anchors_chain(&sa, &sb, true, false, &chain);
	*nanchors += nchain;
	size_t *pin_a, *pin_b;
	align_pins(chain, nchain, na, nb, &pin_a, &pin_b);
	double *la = xcalloc(na, sizeof *la), *lb = xcalloc(nb, sizeof *lb);
	for (size_t i = 0; i < na; i++)
		la[i] = ua[i].len;
	for (size_t j = 0; j < nb; j++)
		lb[j] = ub[j].len;
	struct align_steps st = { 0 };
	align_dp(la, na, lb, nb, pin_a, pin_b, c, whole, 0, 0, &st);
	/* Back from units to sentences. */
	for (size_t k = 0; k < st.n; k++) {
		const struct align_step *x = &st.v[k];
		size_t fa = x->a < na ? ua[x->a].first : s1a, fb = x->b < nb ? ub[x->b].first : s1b;
		size_t ca = 0, cb = 0;
		for (size_t i = x->a; i < x->a + x->da; i++)
			ca += ua[i].count;
		for (size_t j = x->b; j < x->b + x->db; j++)
			cb += ub[j].count;
		align_steps_add(out, fa, fb, ca, cb, x->cost, x->pinned);
	}
	free(st.v);
	free(ua);
	free(ub);
	free(la);
	free(lb);
	free(pin_a);
	free(pin_b);
	free(chain);
	anchors_free(&sa);
	anchors_free(&sb);
}

static double align_sum(const struct align_text *t, size_t s0, size_t s1)
{
	double sum = 0;
	for (size_t i = s0; i < s1; i++)
		sum += t->sent[i].len;
	return sum;
}

/* c, from the stretch that unique anchors say both texts share, else totals. */
static double align_ratio(const struct align_text *a, const struct align_text *b)
{
	double ta = align_sum(a, 0, a->nsent), tb = align_sum(b, 0, b->nsent);
	double c = ta > 0 && tb > 0 ? tb / ta : 1;
	struct anchor_set sa, sb;
	align_collect(&sa, a, 0, a->nsent);
	align_collect(&sb, b, 0, b->nsent);
	struct anchor_pair *chain;
	size_t n = anchors_chain(&sa, &sb, false, false, &chain);
	if (n >= 3) {
		double sa_len = align_sum(a, chain[0].a, chain[n - 1].a + 1);
		double sb_len = align_sum(b, chain[0].b, chain[n - 1].b + 1);
		if (sa_len > 0 && sb_len > 0)
			c = sb_len / sa_len;
	}
	free(chain);
	anchors_free(&sa);
	anchors_free(&sb);
	return c;
}

/* Paragraphs first, then sentences inside each group. */
static void align_by_paragraphs(const struct align_text *a, const struct align_text *b,
				double c, struct align_steps *out, size_t *nanchors)
{
	size_t na = a->npara, nb = b->npara;
	double *la = xcalloc(na, sizeof *la), *lb = xcalloc(nb, sizeof *lb);
	struct anchor_set sa, sb;
	anchors_init(&sa);
	anchors_init(&sb);
	for (size_t p = 0; p < na; p++) {
		la[p] = align_sum(a, a->para_first[p], a->para_first[p + 1]);
		for (size_t i = a->para_first[p]; i < a->para_first[p + 1]; i++) {
			size_t len;
			const char *s = align_sent_text(a, i, &len);
			anchors_collect(&sa, s, len, p);
		}
	}
	for (size_t p = 0; p < nb; p++) {
		lb[p] = align_sum(b, b->para_first[p], b->para_first[p + 1]);
		for (size_t i = b->para_first[p]; i < b->para_first[p + 1]; i++) {
			size_t len;
			const char *s = align_sent_text(b, i, &len);
			anchors_collect(&sb, s, len, p);
		}
	}
	struct anchor_pair *chain;
	size_t nchain = anchors_chain(&sa, &sb, true, false, &chain);
	size_t *pin_a, *pin_b;
	align_pins(chain, nchain, na, nb, &pin_a, &pin_b);
	struct align_steps groups = { 0 };
	align_dp(la, na, lb, nb, pin_a, pin_b, c, true, 0, 0, &groups);
	for (size_t g = 0; g < groups.n; g++) {
		const struct align_step *st = &groups.v[g];
		align_group(a, a->para_first[st->a], a->para_first[st->a + st->da],
			    b, b->para_first[st->b], b->para_first[st->b + st->db], c, false,
			    out, nanchors);
	}
	free(groups.v);
	free(chain);
	free(pin_a);
	free(pin_b);
	free(la);
	free(lb);
	anchors_free(&sa);
	anchors_free(&sb);
}

/* Related texts: pair the sentences that share a date or a name, the rest
 * stands alone, a's before b's between two pairs. */
static void align_on_anchors(const struct align_text *a, const struct align_text *b,
			     struct align_steps *out, size_t *nanchors)
{
	struct anchor_set sa, sb;
	align_collect(&sa, a, 0, a->nsent);
	align_collect(&sb, b, 0, b->nsent);
	struct anchor_pair *chain;
	size_t n = anchors_chain(&sa, &sb, false, true, &chain);
	*nanchors = n;
	size_t i = 0, j = 0;
	for (size_t k = 0; k <= n; k++) {
		size_t ea = k < n ? chain[k].a : a->nsent, eb = k < n ? chain[k].b : b->nsent;
		for (; i < ea; i++)
			align_steps_add(out, i, j, 1, 0, 0, false);
		for (; j < eb; j++)
			align_steps_add(out, i, j, 0, 1, 0, false);
		if (k < n) {
			align_steps_add(out, i, j, 1, 1,
					align_bead_cost(a->sent[i].len, b->sent[j].len, 1, 0.89),
					true);
			i++;
			j++;
		}
	}
	free(chain);
	anchors_free(&sa);
	anchors_free(&sb);
}

static bool align_is_cjk(int32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

static int32_t align_cp(const char *s, size_t n)
{
	size_t len;
	return utf8_decode(s, n, 0, &len);
}

/* Sentences i0..i0+n-1 joined as the source has them: with a space where the
 * paragraph had space between them, without one where it had none (Chinese
 * puts none after its full stop); across paragraphs, with a space unless both
 * sides of the join are CJK. */
static char *align_join(const struct align_text *t, size_t i0, size_t n)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	int32_t last = 0;
	for (size_t i = i0; i < i0 + n; i++) {
		size_t len;
		const char *s = align_sent_text(t, i, &len);
		if (i > i0) {
			const struct align_sentence *p = &t->sent[i - 1], *x = &t->sent[i];
			bool space = p->para == x->para
					     ? x->start > p->end
					     : !(align_is_cjk(last) && align_is_cjk(align_cp(s, len)));
			if (space)
				buf_addc(&b, ' ');
		}
		buf_add(&b, s, len);
		size_t back = len;
		while (back > 0 && ((unsigned char)s[back - 1] & 0xC0) == 0x80)
			back--;
		last = back > 0 ? align_cp(s + back - 1, len - back + 1) : 0;
	}
	return buf_take(&b);
}

static void align_text_free(struct align_text *t)
{
	free(t->paras);
	free(t->para_first);
	free(t->sent);
}

/* Judges whether b translates a: most sentences of the shorter text found a
 * counterpart, at a fair cost per bead, with a sane length ratio. */
static bool align_judge(const struct alignment *al, const struct align_steps *st)
{
	size_t matched[2] = { 0, 0 }, full = 0;
	double cost = 0;
	for (size_t k = 0; k < st->n; k++) {
		if (st->v[k].da && st->v[k].db) {
			matched[0] += st->v[k].da;
			matched[1] += st->v[k].db;
			cost += st->v[k].cost;
			full++;
		}
	}
	if (full == 0)
		return false;
	double cov0 = al->nsent[0] ? (double)matched[0] / (double)al->nsent[0] : 0;
	double cov1 = al->nsent[1] ? (double)matched[1] / (double)al->nsent[1] : 0;
	double cov = cov0 > cov1 ? cov0 : cov1;
	double per = cost / (double)full;
	if (al->ratio < 0.33 || al->ratio > 3)
		return false;
	return cov >= 0.6 && per < ALIGN_MAX_COST;
}

struct alignment *align_sides(const struct align_side *sa, const struct align_side *sb)
{
	struct align_text t[2];
	bool ok0 = align_text_read(&t[0], sa), ok1 = align_text_read(&t[1], sb);
	if (!ok0 || !ok1) {
		align_text_free(&t[0]);
		align_text_free(&t[1]);
		return NULL;
	}
	struct alignment *al = xcalloc(1, sizeof *al);
	al->ratio = align_ratio(&t[0], &t[1]);
	for (int s = 0; s < 2; s++) {
		al->nsent[s] = t[s].nsent;
		snprintf(al->lang[s], sizeof al->lang[s], "%s",
			 t[s].art->paras[t[s].paras[0]].lang);
	}
	struct align_steps st = { 0 };
	size_t nanchors = 0;
	if (t[0].npara >= 2 && t[1].npara >= 2)
		align_by_paragraphs(&t[0], &t[1], al->ratio, &st, &nanchors);
	else
		align_group(&t[0], 0, t[0].nsent, &t[1], 0, t[1].nsent, al->ratio, true, &st,
			    &nanchors);
	al->translation = align_judge(al, &st);
	double cost = 0;
	size_t full = 0;
	for (size_t k = 0; k < st.n; k++)
		if (st.v[k].da && st.v[k].db) {
			cost += st.v[k].cost;
			full++;
		}
	al->cost_per_bead = full ? cost / (double)full : 0;
	if (!al->translation) {
		st.n = 0;
		align_on_anchors(&t[0], &t[1], &st, &nanchors);
	}
	al->nanchors = nanchors;
	al->beads = xcalloc(st.n ? st.n : 1, sizeof *al->beads);
	al->nbeads = st.n;
	for (size_t k = 0; k < st.n; k++) {
		struct align_bead *bd = &al->beads[k];
		const struct align_step *s = &st.v[k];
		bd->first[0] = s->a;
		bd->count[0] = s->da;
		bd->first[1] = s->b;
		bd->count[1] = s->db;
		bd->cost = s->cost;
		bd->anchored = s->pinned;
		for (int side = 0; side < 2; side++) {
			bd->text[side] = align_join(&t[side], bd->first[side], bd->count[side]);
			for (size_t i = 0; i < bd->count[side]; i++)
				t[side].sent[bd->first[side] + i].bead = k;
		}
	}
	free(st.v);
	for (int s = 0; s < 2; s++) {
		al->sent[s] = t[s].sent;
		t[s].sent = NULL;
		align_text_free(&t[s]);
	}
	return al;
}

void align_free(struct alignment *al)
{
	if (!al)
		return;
	for (size_t k = 0; k < al->nbeads; k++) {
		free(al->beads[k].text[0]);
		free(al->beads[k].text[1]);
	}
	free(al->beads);
	free(al->sent[0]);
	free(al->sent[1]);
	free(al);
}

size_t align_sentence_at(const struct alignment *al, int s, size_t para, size_t off)
{
	size_t found = ALIGN_NONE;
	for (size_t i = 0; i < al->nsent[s]; i++) {
		const struct align_sentence *x = &al->sent[s][i];
		if (x->para < para || (x->para == para && x->start <= off))
			found = i;
		else
			break;
	}
	return found;
}
