/* align_search.c: the search for the cheapest chain of beads. A banded
 * dynamic programme (Gale and Church 1993), widened to the beads literary
 * translations need: one sentence of Chinese often becomes three or four of
 * English, so beads go up to 1-4 / 4-1, with 2-2 and 2-3 / 3-2. Each bead
 * costs the −log of its shape's prior and of how well its lengths agree, less
 * a reward for the words it pairs (align_links); priors, the ratio c and the
 * variance are estimated for each pair of texts from a first path, not fixed,
 * since a translator who splits sentences splits them throughout. A unit left
 * alone pays its prior everywhere, the ends of the texts included: a cheap
 * way out at the edges lets one skipped sentence shift every pair after it. */
#include <config.h>
#include "align_int.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const unsigned char align_shape[ALIGN_NSHAPES][2] = {
	{ 1, 1 }, { 1, 0 }, { 0, 1 }, { 1, 2 }, { 2, 1 }, { 2, 2 },
	{ 1, 3 }, { 3, 1 }, { 2, 3 }, { 3, 2 }, { 1, 4 }, { 4, 1 },
};

/* Priors before anything is known of the pair: Gale and Church's for the
 * shapes they counted, the wider ones small but possible. */
static const double align_prior0[ALIGN_NSHAPES] = {
	0.80, 0.004, 0.004, 0.07, 0.07, 0.01, 0.012, 0.012, 0.004, 0.004, 0.005, 0.005,
};

/* Gale and Church's variance of b's length per character of a. */
#define ALIGN_S2 6.8
/* The length term of a unit alone stops growing here: a sentence without
 * counterpart says nothing about the ratio, and an unbounded term would force
 * long extra sentences into ill-fitting beads. */
#define ALIGN_MAX_Z_ALONE 2.0
/* The refitted variance stops here: beyond it, the length of a sentence would
 * no longer tell a bead from a sentence merged into its neighbour. */
#ifndef ALIGN_S2_MAX
#define ALIGN_S2_MAX 30
#endif

void align_steps_add(struct align_steps *s, size_t a, size_t b, size_t da, size_t db,
		     double cost, bool pinned)
{
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = (struct align_step){ a, b, da, db, cost, 0, pinned };
}

void align_links_free(struct align_links *l)
{
	free(l->v);
	free(l->row);
	free(l->tok[0]);
	free(l->tok[1]);
	free(l->words[0]);
	free(l->words[1]);
	memset(l, 0, sizeof *l);
}

static void align_model_set_priors(struct align_model *m, const double *p)
{
	double sum = 0;
	for (unsigned k = 0; k < ALIGN_NSHAPES; k++)
		sum += p[k];
	for (unsigned k = 0; k < ALIGN_NSHAPES; k++)
		m->cost[k] = -log(p[k] / sum);
}

void align_model_init(struct align_model *m, double c, size_t na, size_t nb)
{
	memset(m, 0, sizeof *m);
	m->c = c > 0 ? c : 1;
	m->s2 = ALIGN_S2;
	m->lex_weight = 0;
	m->para_cost = 1.5;
	/* More sentences on b: beads that take more of b are likelier. */
	double r = na && nb ? (double)nb / (double)na : 1;
	if (r < 0.4)
		r = 0.4;
	if (r > 2.5)
		r = 2.5;
	double p[ALIGN_NSHAPES];
	for (unsigned k = 0; k < ALIGN_NSHAPES; k++) {
		int d = (int)align_shape[k][1] - (int)align_shape[k][0];
		p[k] = align_prior0[k];
		if (align_shape[k][0] && align_shape[k][1])
			p[k] *= pow(r, d);
	}
	align_model_set_priors(m, p);
	for (int k = 0; k <= ALIGN_ZN; k++) {
		double pd = erfc((double)k / ALIGN_ZSTEP / sqrt(2.0));
		m->zcost[k] = -log(pd < 1e-100 ? 1e-100 : pd);
	}
}

double align_model_cost(const struct align_model *m, double l1, double l2, unsigned k)
{
	double mean = (l1 + l2 / m->c) / 2;
	double z = mean > 0 ? (m->c * l1 - l2) / sqrt(m->s2 * mean) : 0;
	if ((l1 == 0 || l2 == 0) && fabs(z) > ALIGN_MAX_Z_ALONE)
		z = ALIGN_MAX_Z_ALONE;
	double x = fabs(z) * ALIGN_ZSTEP;
	if (x >= ALIGN_ZN)      /* far out, −log erfc grows as z²/2 */
		return m->cost[k] + m->zcost[ALIGN_ZN] + (z * z - 144.0) / 2;
	size_t at = (size_t)x;
	double f = x - (double)at;
	return m->cost[k] + m->zcost[at] * (1 - f) + m->zcost[at + 1] * f;
}

static int align_cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

void align_model_refit(struct align_model *m, const struct align_problem *p,
		       const struct align_steps *st)
{
	double count[ALIGN_NSHAPES] = { 0 }, sa = 0, sb = 0, n = 0;
	for (size_t k = 0; k < st->n; k++) {
		const struct align_step *x = &st->v[k];
		for (unsigned s = 0; s < ALIGN_NSHAPES; s++)
			if (align_shape[s][0] == x->da && align_shape[s][1] == x->db)
				count[s]++;
		n++;
		if (x->da && x->db) {
			for (size_t i = x->a; i < x->a + x->da; i++)
				sa += p->len[0][i];
			for (size_t j = x->b; j < x->b + x->db; j++)
				sb += p->len[1][j];
		}
	}
	/* Smoothed towards the current priors, as if 20 beads had been seen. */
	double prior[ALIGN_NSHAPES];
	for (unsigned s = 0; s < ALIGN_NSHAPES; s++)
		prior[s] = (count[s] + 20 * exp(-m->cost[s])) / (n + 20);
	(void)prior;
	if (sa > 0 && sb > 0)
		m->c = sb / sa;
	/* The variance, from the beads' squared deviations, the worst tenth left
	 * out (they are the errors the refit should not learn). */
	double *v = xcalloc(st->n + 1, sizeof *v);
	size_t nv = 0;
	for (size_t k = 0; k < st->n; k++) {
		const struct align_step *x = &st->v[k];
		if (!x->da || !x->db)
			continue;
		double l1 = 0, l2 = 0;
		for (size_t i = x->a; i < x->a + x->da; i++)
			l1 += p->len[0][i];
		for (size_t j = x->b; j < x->b + x->db; j++)
			l2 += p->len[1][j];
		double mean = (l1 + l2 / m->c) / 2;
		if (mean > 0)
			v[nv++] = (m->c * l1 - l2) * (m->c * l1 - l2) / mean;
	}
	if (nv >= 10) {
		qsort(v, nv, sizeof *v, align_cmp_double);
		size_t keep = nv - nv / 10;
		double sum = 0;
		for (size_t k = 0; k < keep; k++)
			sum += v[k];
		/* The kept nine tenths of a normal have 0.73 of its variance; and
		 * the first path was chosen for agreeing lengths, so its deviations
		 * understate the texts' own about five times over (measured on
		 * literary translations, where this choice matters most). */
		double s2 = 5 * sum / (double)keep / 0.73;
		if (s2 < ALIGN_S2)
			s2 = ALIGN_S2;
		if (s2 > ALIGN_S2_MAX)
			s2 = ALIGN_S2_MAX;
		m->s2 = s2;
	}

	free(v);
}

struct align_prep;
static bool align_pins_ok(const struct align_problem *p, const struct align_prep *q, size_t i,
			  size_t j, unsigned da, unsigned db);

/* The share of the known words of a[i0, i1) and b[j0, j1) that the links
 * pair, 0..1. */
double align_links_share(const struct align_links *l, size_t i0, size_t i1, size_t j0, size_t j1)
{
	if (!l || i0 == i1 || j0 == j1)
		return 0;
	double tok = 0, hit = 0;
	for (size_t i = i0; i < i1; i++)
		tok += l->tok[0][i];
	for (size_t j = j0; j < j1; j++)
		tok += l->tok[1][j];
	if (tok == 0)
		return 0;
	for (size_t i = i0; i < i1; i++) {
		size_t lo = l->row[i], hi = l->row[i + 1];
		/* Rows are sorted by j: skip to j0 by halving. */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (l->v[mid].j < j0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo; k < l->row[i + 1] && l->v[k].j < j1; k++)
			hit += l->v[k].wa + l->v[k].wb;
	}
	return hit >= tok ? 1 : hit / tok;
}

struct align_band {
	size_t *lo, *hi, *off;
	double *cost;
	unsigned char *move;
};

/* What the programme asks of every bead, summed in advance: lengths, pins,
 * paragraph ends, and for each row of a its links to the columns of b the
 * band can reach. */
struct align_prep {
	double *len[2];                 /* len[s][u]: length of units 0..u-1 */
	size_t *npin[2];                /* pinned units among 0..u-1 */
	size_t *nbrk[2];                /* paragraph ends among 0..u-1 */
	double *tok[2];                 /* known words of units 0..u-1 */
	size_t *col0, *loff;            /* row x's link sums: lsum[loff[x] + (j - col0[x])] */
	size_t *ncol;
	double *lsum;                   /* for row x: matched words in columns col0[x].. j-1 */
};

static size_t *align_prefix_pins(const size_t *pin, size_t n)
{
	size_t *c = xcalloc(n + 1, sizeof *c);
	for (size_t u = 0; u < n; u++)
		c[u + 1] = c[u] + (pin && pin[u] != ALIGN_NONE);
	return c;
}

static void align_prep_make(struct align_prep *q, const struct align_problem *p,
			    const struct align_band *bd)
{
	memset(q, 0, sizeof *q);
	for (int s = 0; s < 2; s++) {
		size_t n = p->n[s];
		q->len[s] = xcalloc(n + 1, sizeof *q->len[s]);
		for (size_t u = 0; u < n; u++)
			q->len[s][u + 1] = q->len[s][u] + p->len[s][u];
		q->npin[s] = align_prefix_pins(p->pin[s], n);
		if (p->brk[s]) {
			q->nbrk[s] = xcalloc(n + 1, sizeof *q->nbrk[s]);
			for (size_t u = 0; u < n; u++)
				q->nbrk[s][u + 1] = q->nbrk[s][u] + p->brk[s][u];
		}
	}
	const struct align_links *l = p->links;
	if (!l)
		return;
	size_t na = p->n[0], nb = p->n[1];
	for (int s = 0; s < 2; s++) {
		q->tok[s] = xcalloc(p->n[s] + 1, sizeof *q->tok[s]);
		for (size_t u = 0; u < p->n[s]; u++)
			q->tok[s][u + 1] = q->tok[s][u] + l->tok[s][u];
	}
	/* Row x serves the cells of rows x+1 .. x+4, whose columns lie in
	 * [lo[x] - 4, hi[x + 4]]. */
	q->col0 = xcalloc(na + 1, sizeof *q->col0);
	q->ncol = xcalloc(na + 1, sizeof *q->ncol);
	q->loff = xcalloc(na + 2, sizeof *q->loff);
	for (size_t x = 0; x < na; x++) {
		size_t last = x + 4 < na ? x + 4 : na;
		q->col0[x] = bd->lo[x] > 4 ? bd->lo[x] - 4 : 0;
		size_t end = bd->hi[last] < nb ? bd->hi[last] : nb;
		q->ncol[x] = end >= q->col0[x] ? end - q->col0[x] + 1 : 1;
		q->loff[x + 1] = q->loff[x] + q->ncol[x];
	}
	q->lsum = xcalloc(q->loff[na] + 1, sizeof *q->lsum);
	for (size_t x = 0; x < na; x++) {
		double *r = q->lsum + q->loff[x];
		for (size_t k = l->row[x]; k < l->row[x + 1]; k++) {
			size_t j = l->v[k].j;
			if (j >= q->col0[x] && j + 1 - q->col0[x] < q->ncol[x])
				r[j + 1 - q->col0[x]] += l->v[k].wa + l->v[k].wb;
		}
		for (size_t c = 1; c < q->ncol[x]; c++)
			r[c] += r[c - 1];
	}
}

static void align_prep_free(struct align_prep *q)
{
	for (int s = 0; s < 2; s++) {
		free(q->len[s]);
		free(q->npin[s]);
		free(q->nbrk[s]);
		free(q->tok[s]);
	}
	free(q->col0);
	free(q->ncol);
	free(q->loff);
	free(q->lsum);
}

/* Matched words of row x in columns [j0, j1), from the row's sums. */
static double align_prep_row(const struct align_prep *q, size_t x, size_t j0, size_t j1)
{
	size_t c0 = q->col0[x], n = q->ncol[x];
	size_t a = j0 < c0 ? 0 : j0 - c0, b = j1 < c0 ? 0 : j1 - c0;
	if (a >= n)
		a = n - 1;
	if (b >= n)
		b = n - 1;
	const double *r = q->lsum + q->loff[x];
	return r[b] - r[a];
}

/* Does a bead of a[i-da, i) and b[j-db, j) keep every pin whole? */
static bool align_pins_ok(const struct align_problem *p, const struct align_prep *q, size_t i,
			  size_t j, unsigned da, unsigned db)
{
	if (!p->pin[0] || (q->npin[0][i] == q->npin[0][i - da] && q->npin[1][j] == q->npin[1][j - db]))
		return true;
	for (size_t x = i - da; x < i; x++)
		if (p->pin[0][x] != ALIGN_NONE && (p->pin[0][x] < j - db || p->pin[0][x] >= j))
			return false;
	for (size_t y = j - db; y < j; y++)
		if (p->pin[1][y] != ALIGN_NONE && (p->pin[1][y] < i - da || p->pin[1][y] >= i))
			return false;
	return true;
}

/* What the bead a[i-da, i), b[j-db, j) pays for the sentences merged into it
 * that say nothing the other text knows (align_orphan): a sentence left out
 * beside a translated one ("Nobody was hurt.") must not ride along in its
 * bead for the price of a merge. */
static double align_orphans(const struct align_links *l, const struct align_model *m, size_t i,
			    size_t j, unsigned da, unsigned db)
{
	double cost = 0;
	for (size_t x = i - da; da > 1 && x < i; x++)
		cost += align_orphan(l, 0, x) ? m->orphan : 0;
	for (size_t y = j - db; db > 1 && y < j; y++)
		cost += align_orphan(l, 1, y) ? m->orphan : 0;
	return cost;
}

/* Cost of the bead a[i-da, i), b[j-db, j); *lex gets its lexical share. */
static double align_bead(const struct align_problem *p, const struct align_model *m,
			 const struct align_prep *q, size_t i, size_t j, unsigned k, double *lex)
{
	unsigned da = align_shape[k][0], db = align_shape[k][1];
	double cost = align_model_cost(m, q->len[0][i] - q->len[0][i - da],
				       q->len[1][j] - q->len[1][j - db], k);
	*lex = 0;
	if (da && db && q->lsum && m->lex_weight > 0) {
		double tok = q->tok[0][i] - q->tok[0][i - da] + q->tok[1][j] - q->tok[1][j - db];
		if (tok > 0) {
			double hit = 0;
			for (size_t x = i - da; x < i; x++)
				hit += align_prep_row(q, x, j - db, j);
			*lex = hit >= tok ? 1 : hit / tok;
			cost -= m->lex_weight * *lex;
		}
		if (m->orphan > 0 && (da > 1 || db > 1))
			cost += align_orphans(p->links, m, i, j, da, db);
	}
	/* Paragraphs that end on one side but not on the other. */
	if (p->brk[0] && p->brk[1] && i > 0 && j > 0 && i < p->n[0] && j < p->n[1] &&
	    (da || db) && p->brk[0][i - 1] != p->brk[1][j - 1])
		cost += m->para_cost;
	/* A bead that runs across the end of a paragraph on one side only: a
	 * translator keeps a sentence inside its paragraph. */
	long cross[2] = { 0, 0 };
	if (p->cross[0] && da > 1)
		cross[0] = (long)(q->nbrk[0][i - 1] - q->nbrk[0][i - da]);
	if (p->cross[1] && db > 1)
		cross[1] = (long)(q->nbrk[1][j - 1] - q->nbrk[1][j - db]);
	if (cross[0] != cross[1])
		cost += m->para_cost * 2 * (double)labs(cross[0] - cross[1]);
	return cost;
}

/* Moves beyond the shapes: a whole paragraph of a, or of b, alone. */
#define ALIGN_PARA_A 0xFD
#define ALIGN_PARA_B 0xFE

/* The first unit of the paragraph that holds unit u of side s. */
static size_t align_para_start(const struct align_problem *p, int s, size_t u)
{
	while (u > 0 && !p->brk[s][u - 1])
		u--;
	return u;
}

/* A paragraph of n units alone: the prior of a unit alone once, and a little
 * for each unit, so that it is no cheaper than leaving one sentence out. */
static double align_para_alone(const struct align_model *m, size_t n)
{
	return m->cost[1] + 3.0 + (double)n;
}

/* The band: for each row, columns around the guide, widened so that it is
 * monotone and connected (a path from (0, 0) to (na, nb) always exists). */
static void align_band_make(struct align_band *bd, const size_t *guide, size_t na, size_t nb,
			    size_t w)
{
	bd->lo = xcalloc(na + 1, sizeof *bd->lo);
	bd->hi = xcalloc(na + 1, sizeof *bd->hi);
	bd->off = xcalloc(na + 2, sizeof *bd->off);
	for (size_t i = 0; i <= na; i++) {
		size_t glo = guide[2 * i] > nb ? nb : guide[2 * i];
		size_t ghi = guide[2 * i + 1] > nb ? nb : guide[2 * i + 1];
		bd->lo[i] = glo > w ? glo - w : 0;
		bd->hi[i] = ghi + w < nb ? ghi + w : nb;
	}
	bd->lo[0] = 0;
	bd->hi[na] = nb;
	for (size_t i = 1; i <= na; i++)
		if (bd->hi[i] < bd->hi[i - 1])
			bd->hi[i] = bd->hi[i - 1];
	for (size_t i = na; i-- > 0;)
		if (bd->lo[i] > bd->lo[i + 1])
			bd->lo[i] = bd->lo[i + 1];
	for (size_t i = 1; i <= na; i++)
		if (bd->lo[i] > bd->hi[i - 1])
			bd->lo[i] = bd->hi[i - 1];
	for (size_t i = 0; i <= na; i++)
		bd->off[i + 1] = bd->off[i] + (bd->hi[i] - bd->lo[i] + 1);
	size_t cells = bd->off[na + 1];
	bd->cost = xmalloc(cells * sizeof *bd->cost);
	bd->move = xmalloc(cells * sizeof *bd->move);
}

static void align_band_free(struct align_band *bd)
{
	free(bd->lo);
	free(bd->hi);
	free(bd->off);
	free(bd->cost);
	free(bd->move);
}

/* The guide through the pins: straight lines between the corners and both
 * ends of each pin. */
static size_t *align_guide_pins(const struct align_problem *p)
{
	size_t na = p->n[0], nb = p->n[1];
	size_t *kx = xmalloc((2 * na + 2) * sizeof *kx), *ky = xmalloc((2 * na + 2) * sizeof *ky);
	size_t nk = 0;
	kx[nk] = 0, ky[nk++] = 0;
	for (size_t i = 0; i < na && p->pin[0]; i++)
		if (p->pin[0][i] != ALIGN_NONE) {
			kx[nk] = i, ky[nk++] = p->pin[0][i];
			kx[nk] = i + 1, ky[nk++] = p->pin[0][i] + 1;
		}
	kx[nk] = na, ky[nk++] = nb;
	size_t *g = xcalloc(2 * (na + 1), sizeof *g), k = 0;
	for (size_t i = 0; i <= na; i++) {
		/* Knots on row i itself (a run of b inside one row) widen it. */
		while (k + 1 < nk && kx[k + 1] < i)
			k++;
		size_t lo = SIZE_MAX, hi = 0;
		for (size_t q = k; q < nk && kx[q] <= i; q++)
			if (kx[q] == i) {
				lo = ky[q] < lo ? ky[q] : lo;
				hi = ky[q] > hi ? ky[q] : hi;
			}
		if (lo == SIZE_MAX) {
			size_t c = k + 1 >= nk || kx[k + 1] == kx[k] || ky[k + 1] < ky[k]
					   ? ky[k]
					   : ky[k] + (size_t)((double)(i - kx[k]) *
							      (double)(ky[k + 1] - ky[k]) /
							      (double)(kx[k + 1] - kx[k]) + 0.5);
			lo = hi = c;
		}
		g[2 * i] = lo;
		g[2 * i + 1] = hi;
	}
	free(kx);
	free(ky);
	return g;
}

/* The programme in the band; false when the end cannot be reached (pins the
 * band cannot keep). */
static bool align_fill(const struct align_problem *p, const struct align_model *m,
		       const struct align_prep *q, struct align_band *bd, bool pins)
{
	size_t na = p->n[0];
	for (size_t i = 0; i <= na; i++) {
		for (size_t j = bd->lo[i]; j <= bd->hi[i]; j++) {
			size_t cell = bd->off[i] + (j - bd->lo[i]);
			double best = i == 0 && j == 0 ? 0 : HUGE_VAL;
			unsigned char bm = 0xFF;
			for (unsigned k = 0; k < ALIGN_NSHAPES && !(i == 0 && j == 0); k++) {
				unsigned da = align_shape[k][0], db = align_shape[k][1];
				if (i < da || j < db)
					continue;
				size_t pi = i - da, pj = j - db;
				if (pj < bd->lo[pi] || pj > bd->hi[pi])
					continue;
				double prev = bd->cost[bd->off[pi] + (pj - bd->lo[pi])];
				/* No bead costs less than its prior less the most
				 * its words can earn: beyond that, no need to look. */
				if (prev + m->cost[k] - m->lex_weight >= best ||
				    (pins && !align_pins_ok(p, q, i, j, da, db)))
					continue;
				double lex, cost = prev + align_bead(p, m, q, i, j, k, &lex);
				if (cost < best) {
					best = cost;
					bm = (unsigned char)k;
				}
			}
			/* A whole paragraph of one side without counterpart (an
			 * introduction, a note the translation leaves out). */
			for (int side = 0; side < 2 && !(i == 0 && j == 0); side++) {
				size_t at = side ? j : i;
				if (!p->cross[side] || at == 0 || !p->brk[side][at - 1])
					continue;
				size_t from = align_para_start(p, side, at - 1);
				size_t pi = side ? i : from, pj = side ? from : j;
				if (pj < bd->lo[pi] || pj > bd->hi[pi])
					continue;
				double prev = bd->cost[bd->off[pi] + (pj - bd->lo[pi])];
				if (prev == HUGE_VAL ||
				    (pins && !align_pins_ok(p, q, i, j, (unsigned)(i - pi), (unsigned)(j - pj))))
					continue;
				double cost = prev + align_para_alone(m, at - from);
				if (cost < best) {
					best = cost;
					bm = side ? ALIGN_PARA_B : ALIGN_PARA_A;
				}
			}
			bd->cost[cell] = best;
			bd->move[cell] = bm;
		}
	}
	return bd->cost[bd->off[na] + (p->n[1] - bd->lo[na])] < HUGE_VAL;
}

void align_search(const struct align_problem *p, const struct align_model *m,
		  const size_t *guide, size_t w, struct align_steps *out)
{
	size_t na = p->n[0], nb = p->n[1];
	size_t *own = guide ? NULL : align_guide_pins(p);
	struct align_band bd;
	struct align_prep q;
	align_band_make(&bd, guide ? guide : own, na, nb, w < 4 ? 4 : w);
	align_prep_make(&q, p, &bd);
	bool pins = p->pin[0] != NULL;
	if (!align_fill(p, m, &q, &bd, pins)) {
		/* Pins that cannot all hold in the band: the whole square, no pins. */
		align_band_free(&bd);
		align_prep_free(&q);
		free(own);
		own = xcalloc(2 * (na + 1), sizeof *own);
		align_band_make(&bd, own, na, nb, nb);
		align_prep_make(&q, p, &bd);
		pins = false;
		align_fill(p, m, &q, &bd, pins);
	}
	/* Walk back from the end; the beads come out reversed. */
	size_t first = out->n, i = na, j = nb;
	while (i > 0 || j > 0) {
		unsigned k = bd.move[bd.off[i] + (j - bd.lo[i])];
		if (k == 0xFF)
			break;  /* cannot happen: the band always holds a path */
		if (k == ALIGN_PARA_A || k == ALIGN_PARA_B) {
			/* As many beads of one unit alone, each its share of the cost. */
			int side = k == ALIGN_PARA_B;
			size_t at = side ? j : i, from = align_para_start(p, side, at - 1);
			double each = align_para_alone(m, at - from) / (double)(at - from);
			for (size_t u = at; u-- > from;)
				align_steps_add(out, side ? i : u, side ? u : j, !side, side, each, false);
			if (side)
				j = from;
			else
				i = from;
			continue;
		}
		unsigned da = align_shape[k][0], db = align_shape[k][1];
		size_t pi = i - da, pj = j - db;
		double lex, cost = align_bead(p, m, &q, i, j, k, &lex);
		bool pinned = q.npin[0][i] != q.npin[0][pi];
		align_steps_add(out, pi, pj, da, db, cost, pinned && pins);
		out->v[out->n - 1].lex = lex;
		i = pi;
		j = pj;
	}
	for (size_t l = first, r = out->n; l + 1 < r; l++, r--) {
		struct align_step t = out->v[l];
		out->v[l] = out->v[r - 1];
		out->v[r - 1] = t;
	}
	align_band_free(&bd);
	align_prep_free(&q);
	free(own);
}
