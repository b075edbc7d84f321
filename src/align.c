/* align.c: sentence alignment. The steps, each for a reason:
 * - lengths are weighted (a Han character counts 3, about the English letters
 *   it stands for), so that Gale and Church's variance, fitted on letters,
 *   holds for Chinese too; the ratio c is still estimated per pair, from the
 *   stretch between the first and last shared anchor when there is one (a side
 *   may carry paragraphs the other lacks), else from the totals;
 * - anchors (anchors.h) found in both texts pin sentences together: the
 *   programme may only build beads that keep each pinned pair in one bead, and
 *   its band follows the pins;
 * - the whole texts are aligned at once by align_search.c (beads up to 1-4 /
 *   4-1, priors and length model per pair, a first search and a second in a
 *   narrow band around it); paragraphs guide it: beads end together at
 *   paragraph ends, do not run across one side's paragraphs, and a whole
 *   paragraph of one side may stand alone (an introduction the other lacks),
 *   while a single sentence left alone pays its prior, at the ends too;
 * - a Chinese segment closed by "；" is aligned together with the next one
 *   against a Latin-script side, whose ";" does not end a sentence;
 * - finally the result is judged: texts long enough are translations when
 *   they align much better in their own order than with one side shuffled
 *   (and shared dates and names in order add to that evidence); short ones
 *   when most sentences found a counterpart at a fair cost. Otherwise they
 *   are related texts, and only their shared dates and names pair them. */
#include <config.h>
#include "align.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "align_int.h"
#include "anchors.h"
#include "freedict.h"
#include "lexicon.h"
#include "segment.h"
#include "utf8.h"
#include "xalloc.h"

/* Short texts: above this mean cost per bead, they do not translate each
 * other. */
#define ALIGN_MAX_COST 3.0
/* Below this many sentences on a side, a text is judged on its costs alone. */
#define ALIGN_JUDGE_MIN 12
/* Longer texts translate each other when the evidence of their order
 * (align_null_test: lengths, dates and names) and half that of their words
 * (align_lex_test) add up to this many standard errors. On translated
 * chapters the first scores 0.3 to 7 and the second 8 to 20; on unrelated
 * chapters -0.8 to 1.1 and -0.2 to 1.1. */
#define ALIGN_MIN_EVIDENCE 2.0
/* Nats a bead earns at most when all its known words find a partner. */
#define ALIGN_LEX_WEIGHT 8.0
/* The half-width of the band of the searches that follow a first path. */
#define ALIGN_LAST_BAND 24
/* The units of a that the shuffle test reads at most. */
#define ALIGN_JUDGE_UNITS 120

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

/* Related texts: pair the sentences that share a date or a name, the rest
 * stands alone, a's before b's between two pairs. */
static void align_on_anchors(const struct align_text *a, const struct align_text *b,
			     const struct align_model *m, struct align_steps *out, size_t *nanchors)
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
			align_steps_add(out, i, j, 1, 1, align_model_cost(m, a->sent[i].len,
									       b->sent[j].len, 0),
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
static char *align_join(struct align_text *t, size_t i0, size_t n)
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
		/* Where it lands, so that a match in the paragraph can be found in
		 * the bead (split view). */
		t->sent[i].at = b.len;
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

/* The path of a search as a guide for the next one: for each unit of a, the
 * unit of b where the path enters its row. */
static size_t *align_guide_path(const struct align_steps *st, size_t na)
{
	size_t *g = xcalloc(2 * (na + 1), sizeof *g);
	for (size_t i = 0; i <= na; i++)
		g[2 * i] = SIZE_MAX;
	for (size_t k = 0; k < st->n; k++) {
		const struct align_step *x = &st->v[k];
		for (size_t i = x->a; i <= x->a + x->da && i <= na; i++) {
			size_t lo = x->b + (x->da ? (i - x->a) * x->db / x->da : 0);
			size_t hi = x->da ? lo : x->b + x->db;
			g[2 * i] = lo < g[2 * i] ? lo : g[2 * i];
			g[2 * i + 1] = hi > g[2 * i + 1] ? hi : g[2 * i + 1];
		}
	}
	for (size_t i = 0; i <= na; i++)
		if (g[2 * i] == SIZE_MAX)
			g[2 * i] = g[2 * i + 1];
	return g;
}

/* Cost of a length-only path of the problem (no pins, no words). */
static double align_length_cost(const struct align_problem *p, const struct align_model *m,
				size_t w, size_t *nbeads)
{
	struct align_problem q = *p;
	q.pin[0] = q.pin[1] = NULL;
	q.links = NULL;
	struct align_steps st = { 0 };
	align_search(&q, m, NULL, w, &st);
	double sum = 0;
	for (size_t k = 0; k < st.n; k++)
		sum += st.v[k].cost;
	*nbeads = st.n;
	free(st.v);
	return sum;
}

/* How much better the texts align in their own order than with b's units
 * shuffled (a fixed shuffle, so that the answer does not change from run to
 * run), in standard errors: translations follow each other, unrelated texts
 * align no better in order than out of it. */
static void align_null_test(const struct align_problem *p, const struct align_model *m,
			    size_t w, double *evidence)
{
	/* A long text is judged on its first stretch: the shuffle's answer is
	 * clear long before its end, and the search costs as the square of the
	 * band. */
	struct align_problem head = *p;
	if (head.n[0] > ALIGN_JUDGE_UNITS) {
		head.n[1] = (size_t)((double)head.n[1] * ALIGN_JUDGE_UNITS / (double)head.n[0]);
		head.n[0] = ALIGN_JUDGE_UNITS;
		if (head.n[1] == 0)
			head.n[1] = 1;
	}
	p = &head;
	size_t nb = p->n[1], nreal, nperm;
	double real = align_length_cost(p, m, w, &nreal);
	double *perm = xmalloc((nb + 1) * sizeof *perm);
	unsigned char *brk = p->brk[1] ? xmalloc(nb + 1) : NULL;
	memcpy(perm, p->len[1], nb * sizeof *perm);
	uint64_t seed = 0x9E3779B97F4A7C15u;
	for (size_t j = nb; j > 1; j--) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		size_t k = (size_t)(seed >> 33) % j;
		double t = perm[j - 1];
		perm[j - 1] = perm[k];
		perm[k] = t;
	}
	if (brk)
		memcpy(brk, p->brk[1], nb);
	struct align_problem q = *p;
	q.len[1] = perm;
	q.brk[1] = brk;
	double shuffled = align_length_cost(&q, m, w, &nperm);
	size_t n = nreal > nperm ? nreal : nperm;
	*evidence = n ? (shuffled - real) / sqrt((double)n) : 0;
	free(perm);
	free(brk);
}

/* How much more of their words the paired beads of a path share than the
 * same beads of a with the b side of beads further on, in standard errors of
 * the paired differences (0 when the links know too few words to tell). */
static double align_lex_test(const struct align_links *l, const struct align_steps *st)
{
	static const size_t shift[] = { 3, 7, 13, 29 };
	size_t *pk = xcalloc(st->n + 1, sizeof *pk), np = 0;
	for (size_t k = 0; k < st->n; k++)
		if (st->v[k].da && st->v[k].db)
			pk[np++] = k;
	double sum = 0, sum2 = 0;
	for (size_t q = 0; q < np; q++) {
		const struct align_step *x = &st->v[pk[q]];
		double real = align_links_share(l, x->a, x->a + x->da, x->b, x->b + x->db), other = 0;
		for (size_t s = 0; s < sizeof shift / sizeof *shift; s++) {
			const struct align_step *y = &st->v[pk[(q + shift[s]) % np]];
			other += align_links_share(l, x->a, x->a + x->da, y->b, y->b + y->db);
		}
		double d = real - other / (double)(sizeof shift / sizeof *shift);
		sum += d;
		sum2 += d * d;
	}
	free(pk);
	if (np < 8)
		return 0;
	double mean = sum / (double)np, var = sum2 / (double)np - mean * mean;
	return var > 1e-12 ? mean / sqrt(var / (double)np) : 0;
}

/* What a sentence that says nothing the other text knows (align_orphan)
 * costs when merged into a bead: −log of how often the sentences of the
 * paired beads of a path are that silent (0 when none of them has words
 * enough to tell). In English and French, dictionaries make it rare and
 * costly; Han glosses miss often, and it costs little. */
static double align_orphan_cost(const struct align_links *l, const struct align_steps *st)
{
	double seen = 0, silent = 0;
	for (size_t k = 0; k < st->n; k++) {
		const struct align_step *x = &st->v[k];
		if (!x->da || !x->db)
			continue;
		for (size_t i = x->a; i < x->a + x->da; i++)
			if (l->words[0][i] >= ALIGN_ORPHAN_WORDS) {
				seen++;
				silent += align_orphan(l, 0, i);
			}
		for (size_t j = x->b; j < x->b + x->db; j++)
			if (l->words[1][j] >= ALIGN_ORPHAN_WORDS) {
				seen++;
				silent += align_orphan(l, 1, j);
			}
	}
	if (seen == 0)
		return 0;
	/* Smoothed: one silent sentence in every ten more. */
	double rate = (silent + 1) / (seen + 10);
	return -log(rate);
}

/* Sentence alignment of the whole texts: units, pins, paragraph ends, then a
 * first search along the pins, the model refitted to its path, and a second
 * search in a narrow band around it. */
static void align_texts(struct align_ctx *ctx, const struct align_text *a,
			const struct align_text *b, double c, struct align_model *m, struct align_steps *out, size_t *nanchors,
			double *evidence, double *lex_evidence)
{
	struct align_unit *ua, *ub;
	size_t na = align_units(a, 0, a->nsent, a->cjk && !b->cjk, &ua);
	size_t nb = align_units(b, 0, b->nsent, b->cjk && !a->cjk, &ub);
	align_model_init(m, c, na, nb);
	if (na == 0 || nb == 0) {
		for (size_t i = 0; i < a->nsent; i++)
			align_steps_add(out, i, 0, 1, 0, 0, false);
		for (size_t j = 0; j < b->nsent; j++)
			align_steps_add(out, a->nsent, j, 0, 1, 0, false);
		free(ua);
		free(ub);
		return;
	}
	struct anchor_set sa, sb;
	align_collect_units(&sa, a, ua, na);
	align_collect_units(&sb, b, ub, nb);
	struct anchor_pair *chain;
	size_t nchain = anchors_chain(&sa, &sb, true, false, &chain);
	*nanchors = nchain;
	size_t *pin_a, *pin_b;
	align_pins(chain, nchain, na, nb, &pin_a, &pin_b);
	double *la = xcalloc(na, sizeof *la), *lb = xcalloc(nb, sizeof *lb);
	unsigned char *brk[2] = { NULL, NULL };
	for (size_t i = 0; i < na; i++)
		la[i] = ua[i].len;
	for (size_t j = 0; j < nb; j++)
		lb[j] = ub[j].len;
	/* Where paragraphs end, on each side that has several. */
	const struct align_text *tt[2] = { a, b };
	const struct align_unit *uu[2] = { ua, ub };
	size_t nn[2] = { na, nb };
	bool cross[2] = { false, false };
	for (int s = 0; s < 2; s++) {
		if (tt[s]->npara < 2)
			continue;
		brk[s] = xcalloc(nn[s] + 1, 1);
		for (size_t k = 0; k < nn[s]; k++) {
			size_t last = uu[s][k].first + uu[s][k].count - 1;
			brk[s][k] = last + 1 >= tt[s]->nsent ||
				    tt[s]->sent[last + 1].para != tt[s]->sent[last].para;
		}
		/* Paragraphs of a sentence or two are lines, not paragraphs. */
		cross[s] = 2 * tt[s]->nsent >= 5 * tt[s]->npara;
	}
	struct align_problem p = {
		.len = { la, lb }, .n = { na, nb }, .pin = { pin_a, pin_b },
		.brk = { brk[0], brk[1] }, .cross = { cross[0], cross[1] }, .links = NULL,
	};
	size_t big = na > nb ? na : nb;
	/* Wide enough for the drift of a long chapter, bounded so that long
	 * texts stay linear. */
	size_t w = 30 + big / 10 > 60 ? 60 : 30 + big / 10;
	struct align_steps st = { 0 };
	align_search(&p, m, NULL, w, &st);
	align_model_refit(m, &p, &st);
	size_t *guide = align_guide_path(&st, na);
	st.n = 0;
	align_search(&p, m, guide, ALIGN_LAST_BAND, &st);
	free(guide);
	/* Words: what the sources know, and what the beads so far teach. */
	const char *lang[2] = { a->art->paras[a->paras[0]].lang, b->art->paras[b->paras[0]].lang };
	/* Han glosses are English: French meets Chinese through English. */
	const char *to[2] = { b->cjk ? "en" : lang[1], a->cjk ? "en" : lang[0] };
	/* Without a context, read for this alignment only. */
	struct freedict *own[2] = { NULL, NULL };
	const struct freedict *dict[2];
	for (int s = 0; s < 2; s++)
		dict[s] = ctx ? align_ctx_dict(ctx, lang[s], to[s])
			      : (own[s] = freedict_open(NULL, lang[s], to[s]));
	struct lexicon *lx = lexicon_new(lang[0], lang[1], dict[0], dict[1]);
	for (int s = 0; s < 2; s++) {
		const struct align_text *t = s ? b : a;
		const struct align_unit *u = s ? ub : ua;
		for (size_t k = 0; k < (s ? nb : na); k++)
			for (size_t i = u[k].first; i < u[k].first + u[k].count; i++) {
				size_t len;
				const char *text = align_sent_text(t, i, &len);
				lexicon_add(lx, s, k, text, len);
			}
	}
	/* Before anything is learned from it, how much better the path pairs
	 * words than the same beads of a matched with other beads of b. */
	struct align_links links;
	lexicon_links(lx, NULL, 0, &links);
	*lex_evidence = align_lex_test(&links, &st);
	align_links_free(&links);
	lexicon_learn(lx, &st);
	/* The last search stays near this path: links beyond its band serve
	 * nothing. */
	guide = align_guide_path(&st, na);
	lexicon_links(lx, guide, ALIGN_LAST_BAND + 8, &links);
	lexicon_free(lx);
	freedict_close(own[0]);
	freedict_close(own[1]);
	p.links = &links;
	/* Words count as much as they told the path from chance, up to a bound:
	 * a Chinese gloss reached from French through a dictionary is weaker
	 * evidence than English meeting its own glosses. */
	m->lex_weight = *lex_evidence < 0 ? 0
			: *lex_evidence > ALIGN_LEX_WEIGHT ? ALIGN_LEX_WEIGHT : *lex_evidence;
	/* As much as the words are trusted. */
	m->orphan = align_orphan_cost(&links, &st) * m->lex_weight / ALIGN_LEX_WEIGHT;
	st.n = 0;
	align_search(&p, m, guide, ALIGN_LAST_BAND, &st);
	free(guide);
	align_links_free(&links);
	p.links = NULL;
	align_null_test(&p, m, w > 40 ? 40 : w, evidence);
	/* Dates and names shared in order count too: a handful among a few
	 * sentences is strong evidence, the same handful among hundreds is not. */
	struct anchor_pair *strict;
	size_t nstrict = anchors_chain(&sa, &sb, false, true, &strict);
	free(strict);
	*evidence += (double)nstrict / sqrt((double)(na < nb ? na : nb));
	/* Back from units to sentences. */
	for (size_t k = 0; k < st.n; k++) {
		const struct align_step *x = &st.v[k];
		size_t fa = x->a < na ? ua[x->a].first : a->nsent;
		size_t fb = x->b < nb ? ub[x->b].first : b->nsent;
		size_t ca = 0, cb = 0;
		for (size_t i = x->a; i < x->a + x->da; i++)
			ca += ua[i].count;
		for (size_t j = x->b; j < x->b + x->db; j++)
			cb += ub[j].count;
		align_steps_add(out, fa, fb, ca, cb, x->cost, x->pinned);
		out->v[out->n - 1].lex = x->lex;
	}
	free(st.v);
	free(ua);
	free(ub);
	free(la);
	free(lb);
	free(brk[0]);
	free(brk[1]);
	free(pin_a);
	free(pin_b);
	free(chain);
	anchors_free(&sa);
	anchors_free(&sb);
}

/* Judges whether b translates a: most sentences of the shorter text found a
 * counterpart, at a fair cost per bead, with a sane length ratio. */
static bool align_judge(const struct alignment *al, const struct align_steps *st,
			const struct align_model *m, double evidence, double lex_evidence)
{
	size_t matched[2] = { 0, 0 }, full = 0;
	double cost = 0;
	for (size_t k = 0; k < st->n; k++) {
		if (st->v[k].da && st->v[k].db) {
			matched[0] += st->v[k].da;
			matched[1] += st->v[k].db;
			/* The cost of the lengths and shapes: words shared by chance
			 * must not make unrelated short texts look translated. */
			cost += st->v[k].cost + m->lex_weight * st->v[k].lex;
			full++;
		}
	}
	if (full == 0)
		return false;
	double cov0 = al->nsent[0] ? (double)matched[0] / (double)al->nsent[0] : 0;
	double cov1 = al->nsent[1] ? (double)matched[1] / (double)al->nsent[1] : 0;
	double cov = cov0 > cov1 ? cov0 : cov1;
	double per = cost / (double)full;
	if (al->ratio < 0.25 || al->ratio > 4)
		return false;
	/* Too few sentences for the shuffle to say much: most of them paired,
	 * cheaply enough. */
	if (al->nsent[0] < ALIGN_JUDGE_MIN || al->nsent[1] < ALIGN_JUDGE_MIN)
		return cov >= 0.6 && per < ALIGN_MAX_COST;
	return evidence + lex_evidence / 2 >= ALIGN_MIN_EVIDENCE;
}

struct alignment *align_sides(const struct align_side *sa, const struct align_side *sb)
{
	return align_sides_ctx(NULL, sa, sb);
}

struct alignment *align_sides_ctx(struct align_ctx *ctx, const struct align_side *sa,
				  const struct align_side *sb)
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
	struct align_model m;
	size_t nanchors = 0;
	double evidence = 0, lex_evidence = 0;
	align_texts(ctx, &t[0], &t[1], al->ratio, &m, &st, &nanchors, &evidence, &lex_evidence);
	al->translation = align_judge(al, &st, &m, evidence, lex_evidence);
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
		align_on_anchors(&t[0], &t[1], &m, &st, &nanchors);
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
