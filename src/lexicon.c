/* lexicon.c: lexical evidence between the units of two texts (lexicon.h).
 * Each distinct word form of a side is a type ("palace", 宫, 清扬); a type has
 * keys, and two types on different sides that share a key match. Keys are
 * interned strings: "=stem" for a Latin word and for each English word that
 * translates a type (a Han gloss, a dictionary entry), "~pinyin" for a run
 * of capitalised words and for the readings of two or three Han characters,
 * "#n" for the n-th learned pair. */
#include <config.h>
#include "lexicon.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "freedict.h"
#include "unihan.h"
#include "utf8.h"
#include "xalloc.h"

#define LEX_NONE UINT32_MAX
/* A key in more than this share of a side's units pairs everything. */
#define LEX_MAX_DF 0.08
/* A word learned from the texts may be in this share of a side's units. */
#define LEX_LEARN_DF 0.25
/* A learned pair: seen together in at least this many beads, with a Dice
 * coefficient of at least LEX_MIN_DICE (twice as often together as the
 * two are seen, over the times each is seen). */
#define LEX_MIN_PAIR 3
#define LEX_MIN_DICE 0.6
/* Below this many beads, nothing is learned. */
#define LEX_MIN_BEADS 60
/* Words of a gloss read per character, and the longest word kept. */
#define LEX_GLOSS_WORDS 6
#define LEX_WORD_MAX 48

/* Interned strings: ids are dense, 0.. */
struct lex_intern {
	char **str;
	size_t n, cap;
	uint32_t *slot;                 /* open addressing, LEX_NONE when empty */
	size_t nslot;
};

static uint32_t lex_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void lex_intern_grow(struct lex_intern *in)
{
	size_t nslot = in->nslot ? in->nslot * 2 : 1024;
	uint32_t *slot = xmalloc(nslot * sizeof *slot);
	for (size_t k = 0; k < nslot; k++)
		slot[k] = LEX_NONE;
	for (size_t id = 0; id < in->n; id++) {
		size_t k = lex_hash(in->str[id], strlen(in->str[id])) & (nslot - 1);
		while (slot[k] != LEX_NONE)
			k = (k + 1) & (nslot - 1);
		slot[k] = (uint32_t)id;
	}
	free(in->slot);
	in->slot = slot;
	in->nslot = nslot;
}

/* The id of s[0..n); added when add is set, else LEX_NONE when absent. */
static uint32_t lex_intern(struct lex_intern *in, const char *s, size_t n, bool add)
{
	if (2 * (in->n + 1) > in->nslot)
		lex_intern_grow(in);
	size_t k = lex_hash(s, n) & (in->nslot - 1);
	while (in->slot[k] != LEX_NONE) {
		const char *x = in->str[in->slot[k]];
		if (strncmp(x, s, n) == 0 && x[n] == '\0')
			return in->slot[k];
		k = (k + 1) & (in->nslot - 1);
	}
	if (!add)
		return LEX_NONE;
	xgrow((void **)&in->str, &in->cap, in->n + 1, sizeof *in->str);
	in->str[in->n] = xstrndup(s, n);
	in->slot[k] = (uint32_t)in->n;
	return (uint32_t)in->n++;
}

static void lex_intern_free(struct lex_intern *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->str[i]);
	free(in->str);
	free(in->slot);
}

/* A word form of one side and its keys. */
struct lex_type {
	uint32_t *keys;
	size_t nkeys, cap;
};

struct lex_side {
	bool han;                       /* Chinese (or Japanese): types are characters and runs */
	bool english, french;
	struct lex_intern types;
	struct lex_type *t;             /* by type id */
	size_t tcap;
	uint32_t *occ;                  /* type ids, unit after unit */
	size_t nocc, occcap;
	size_t *unit;                   /* occ offsets: unit u is occ[unit[u] .. unit[u + 1]) */
	size_t nunits, ucap;
};

struct lexicon {
	struct lex_side side[2];
	struct lex_intern keys;
	const struct freedict *dict[2]; /* a's language to b's, and back */
	size_t learned;
};

static bool lex_lang(const char *lang, const char *want)
{
	size_t n = strlen(want);
	return lang && strncmp(lang, want, n) == 0 && (lang[n] == '\0' || lang[n] == '-');
}

struct lexicon *lexicon_new(const char *lang_a, const char *lang_b,
			    const struct freedict *dict_ab, const struct freedict *dict_ba)
{
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	const char *lang[2] = { lang_a, lang_b };
	for (int s = 0; s < 2; s++) {
		lx->side[s].han = lex_lang(lang[s], "zh") || lex_lang(lang[s], "ja");
		lx->side[s].english = lex_lang(lang[s], "en");
		lx->side[s].french = lex_lang(lang[s], "fr");
		lx->side[s].unit = xcalloc(1, sizeof *lx->side[s].unit);
		lx->side[s].ucap = 1;
	}
	lx->dict[0] = dict_ab;
	lx->dict[1] = dict_ba;
	return lx;
}

void lexicon_free(struct lexicon *lx)
{
	if (!lx)
		return;
	for (int s = 0; s < 2; s++) {
		struct lex_side *sd = &lx->side[s];
		for (size_t i = 0; i < sd->types.n; i++)
			free(sd->t[i].keys);
		free(sd->t);
		lex_intern_free(&sd->types);
		free(sd->occ);
		free(sd->unit);
	}
	lex_intern_free(&lx->keys);
	free(lx);
}

static bool lex_is_han(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

static bool lex_is_letter(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return !lex_is_han(cp) && c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* A word in lower case, plural and -ed / -ing taken off (English; French
 * plurals lose their s or x), so that "palaces" meets the gloss "palace". */
static size_t lex_stem(const char *w, size_t n, char *out)
{
	size_t len = 0, i = 0, k;
	while (i < n && len + 4 < LEX_WORD_MAX) {
		int32_t cp = utf8proc_tolower(utf8_decode(w, n, i, &k));
		len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + len);
		i += k;
	}
	out[len] = '\0';
	if (len > 5 && strcmp(out + len - 3, "ies") == 0)
		strcpy(out + len - 3, "y"), len -= 2;
	else if (len > 5 && strcmp(out + len - 3, "ing") == 0)
		out[len -= 3] = '\0';
	else if (len > 4 && strcmp(out + len - 2, "ed") == 0)
		out[len -= 2] = '\0';
	else if (len > 3 && (out[len - 1] == 's' || out[len - 1] == 'x') && out[len - 2] != 's' &&
		 out[len - 2] != 'u' && out[len - 2] != 'i')
		out[--len] = '\0';
	return len;
}

static uint32_t lex_key(struct lexicon *lx, char tag, const char *s, size_t n)
{
	char buf[LEX_WORD_MAX * 4 + 2];
	if (n > sizeof buf - 2)
		n = sizeof buf - 2;
	buf[0] = tag;
	memcpy(buf + 1, s, n);
	return lex_intern(&lx->keys, buf, n + 1, true);
}

static void lex_type_key(struct lex_type *t, uint32_t key)
{
	for (size_t i = 0; i < t->nkeys; i++)
		if (t->keys[i] == key)
			return;
	xgrow((void **)&t->keys, &t->cap, t->nkeys + 1, sizeof *t->keys);
	t->keys[t->nkeys++] = key;
}

/* "=stem" keys for each word of a list of English (or French) words. */
static void lex_words_keys(struct lexicon *lx, struct lex_type *t, const char *s, size_t n,
			   size_t max)
{
	size_t i = 0, k, got = 0;
	while (i < n && got < max) {
		while (i < n && !lex_is_letter(utf8_decode(s, n, i, &k)))
			i += k;
		size_t start = i;
		while (i < n && lex_is_letter(utf8_decode(s, n, i, &k)))
			i += k;
		if (i - start < 3 || i - start >= LEX_WORD_MAX)
			continue;
		char stem[LEX_WORD_MAX];
		size_t len = lex_stem(s + start, i - start, stem);
		lex_type_key(t, lex_key(lx, '=', stem, len));
		got++;
	}
}

/* The id of a type of side s, its static keys made on first sight. */
static uint32_t lex_type(struct lexicon *lx, int s, const char *form, size_t n, int32_t han,
			 const char *pinyin)
{
	struct lex_side *sd = &lx->side[s];
	size_t before = sd->types.n;
	uint32_t id = lex_intern(&sd->types, form, n, true);
	if (sd->types.n == before)
		return id;
	xgrow((void **)&sd->t, &sd->tcap, sd->types.n, sizeof *sd->t);
	struct lex_type *t = &sd->t[id];
	memset(t, 0, sizeof *t);
	if (pinyin) {
		lex_type_key(t, lex_key(lx, '~', pinyin, strlen(pinyin)));
	} else if (han) {
		/* A character: the words of its gloss, first senses first. */
		const char *def = unihan_definition((uint32_t)han);
		if (def) {
			size_t len = strcspn(def, ";");
			lex_words_keys(lx, t, def, len, LEX_GLOSS_WORDS);
		}
	} else {
		/* A Latin word: itself, and its dictionary translations. */
		lex_type_key(t, lex_key(lx, '=', form, n));
		if (lx->dict[s]) {
			/* The stem, or the stem with its e back ("lived": "liv"). */
			size_t len;
			const char *tr = freedict_lookup(lx->dict[s], form, n, &len);
			if (!tr && n + 1 < LEX_WORD_MAX) {
				char e[LEX_WORD_MAX];
				memcpy(e, form, n);
				e[n] = 'e';
				tr = freedict_lookup(lx->dict[s], e, n + 1, &len);
			}
			if (tr)
				lex_words_keys(lx, t, tr, len, 12);
		}
	}
	return id;
}

static void lex_occ(struct lex_side *sd, uint32_t id)
{
	xgrow((void **)&sd->occ, &sd->occcap, sd->nocc + 1, sizeof *sd->occ);
	sd->occ[sd->nocc++] = id;
}

/* Readings of consecutive Han characters joined: "qingyang". */
static void lex_han_runs(struct lexicon *lx, int s, const int32_t *cp, size_t n)
{
	struct lex_side *sd = &lx->side[s];
	for (size_t i = 0; i < n; i++) {
		char form[32], py[64];
		size_t flen = 0, plen = 0;
		for (size_t l = 0; l < 3 && i + l < n; l++) {
			const char *r = unihan_mandarin((uint32_t)cp[i + l]);
			flen += (size_t)utf8proc_encode_char(cp[i + l], (utf8proc_uint8_t *)form + flen);
			if (!r || plen + strlen(r) + 1 >= sizeof py)
				break;
			memcpy(py + plen, r, strlen(r));
			plen += strlen(r);
			py[plen] = '\0';
			if (l == 0)
				continue;
			/* The run as a type of its own: its reading a key, and
			 * what is learned of it. */
			lex_occ(sd, lex_type(lx, s, form, flen, 0, py));
		}
	}
}

void lexicon_add(struct lexicon *lx, int s, size_t u, const char *text, size_t n)
{
	struct lex_side *sd = &lx->side[s];
	while (sd->nunits <= u) {
		xgrow((void **)&sd->unit, &sd->ucap, sd->nunits + 2, sizeof *sd->unit);
		sd->unit[sd->nunits + 1] = sd->nocc;
		sd->nunits++;
	}
	size_t i = 0, k;
	int32_t run[64];
	size_t nrun = 0;
	/* Capitalised words in a row (a name: "Chen Qingyang"), for readings. */
	char caps[3][LEX_WORD_MAX];
	size_t ncaps = 0;
	while (i < n) {
		int32_t cp = utf8_decode(text, n, i, &k);
		if (lex_is_han(cp)) {
			char form[8];
			size_t flen = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)form);
			lex_occ(sd, lex_type(lx, s, form, flen, cp, NULL));
			if (nrun < sizeof run / sizeof *run)
				run[nrun++] = cp;
			i += k;
			ncaps = 0;
			continue;
		}
		if (nrun) {
			lex_han_runs(lx, s, run, nrun);
			nrun = 0;
		}
		if (!lex_is_letter(cp)) {
			/* A space keeps a run of capitalised words going; anything
			 * else ends it. */
			if (cp != ' ')
				ncaps = 0;
			i += k;
			continue;
		}
		size_t start = i;
		while (i < n && lex_is_letter(utf8_decode(text, n, i, &k)))
			i += k;
		if (i - start >= LEX_WORD_MAX)
			continue;
		char stem[LEX_WORD_MAX];
		size_t len = lex_stem(text + start, i - start, stem);
		if (len >= 2)
			lex_occ(sd, lex_type(lx, s, stem, len, 0, NULL));
		bool cap = utf8proc_category(utf8_decode(text, n, start, &k)) == UTF8PROC_CATEGORY_LU;
		if (!cap || sd->han) {
			ncaps = 0;
			continue;
		}
		if (ncaps == 3) {
			memmove(caps[0], caps[1], sizeof caps[0] * 2);
			ncaps = 2;
		}
		size_t w = 0, j = start;
		while (j < i && w + 4 < LEX_WORD_MAX) {
			int32_t c = utf8proc_tolower(utf8_decode(text, n, j, &k));
			w += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)caps[ncaps] + w);
			j += k;
		}
		caps[ncaps++][w] = '\0';
		/* Every run ending here, one to three words, read as pinyin. */
		char joined[3 * LEX_WORD_MAX + 2];
		for (size_t from = ncaps; from-- > 0;) {
			joined[0] = '\0';
			for (size_t q = from; q < ncaps; q++)
				strcat(joined, caps[q]);
			char form[3 * LEX_WORD_MAX + 4];
			form[0] = '~';
			strcpy(form + 1, joined);
			lex_occ(sd, lex_type(lx, s, form, strlen(form), 0, joined));
		}
	}
	if (nrun)
		lex_han_runs(lx, s, run, nrun);
	sd->unit[u + 1] = sd->nocc;
}

static int lex_cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return (a > b) - (a < b);
}

/* Sorts and de-duplicates each unit's types. */
static void lex_units_distinct(struct lex_side *sd)
{
	size_t w = 0;
	for (size_t u = 0; u < sd->nunits; u++) {
		size_t a = sd->unit[u], b = sd->unit[u + 1];
		if (b > a)
			qsort(sd->occ + a, b - a, sizeof *sd->occ, lex_cmp_u32);
		sd->unit[u] = w;
		for (size_t i = a; i < b; i++)
			if (i == a || sd->occ[i] != sd->occ[i - 1])
				sd->occ[w++] = sd->occ[i];
	}
	sd->unit[sd->nunits] = w;
	sd->nocc = w;
}

/* How many units of each side hold each type (df). */
static uint32_t *lex_type_df(const struct lex_side *sd)
{
	uint32_t *df = xcalloc(sd->types.n + 1, sizeof *df);
	for (size_t i = 0; i < sd->nocc; i++)
		df[sd->occ[i]]++;
	return df;
}

/* Pair counts, open addressing on (x, y). */
struct lex_pairs {
	uint64_t *k;
	uint32_t *c;
	size_t n, cap;
};

static void lex_pairs_grow(struct lex_pairs *p)
{
	size_t cap = p->cap ? p->cap * 2 : 4096;
	uint64_t *k = xmalloc(cap * sizeof *k);
	uint32_t *c = xcalloc(cap, sizeof *c);
	for (size_t i = 0; i < cap; i++)
		k[i] = UINT64_MAX;
	for (size_t i = 0; i < p->cap; i++)
		if (p->k[i] != UINT64_MAX) {
			size_t h = (size_t)((p->k[i] * 0x9E3779B97F4A7C15u) >> 20) & (cap - 1);
			while (k[h] != UINT64_MAX)
				h = (h + 1) & (cap - 1);
			k[h] = p->k[i];
			c[h] = p->c[i];
		}
	free(p->k);
	free(p->c);
	p->k = k;
	p->c = c;
	p->cap = cap;
}

static void lex_pairs_add(struct lex_pairs *p, uint32_t x, uint32_t y)
{
	if (2 * (p->n + 1) > p->cap)
		lex_pairs_grow(p);
	uint64_t key = (uint64_t)x << 32 | y;
	size_t h = (size_t)((key * 0x9E3779B97F4A7C15u) >> 20) & (p->cap - 1);
	while (p->k[h] != UINT64_MAX && p->k[h] != key)
		h = (h + 1) & (p->cap - 1);
	if (p->k[h] == UINT64_MAX) {
		p->k[h] = key;
		p->n++;
	}
	p->c[h]++;
}

static int lex_cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* Does type x of a already share a key with type y of b? */
static bool lex_share(const struct lex_type *x, const struct lex_type *y)
{
	for (size_t i = 0; i < x->nkeys; i++)
		for (size_t j = 0; j < y->nkeys; j++)
			if (x->keys[i] == y->keys[j])
				return true;
	return false;
}

void lexicon_learn(struct lexicon *lx, const struct align_steps *st)
{
	struct lex_side *sa = &lx->side[0], *sb = &lx->side[1];
	lex_units_distinct(sa);
	lex_units_distinct(sb);
	/* The cheaper half of the beads with both sides. */
	double *cost = xcalloc(st->n + 1, sizeof *cost);
	size_t nc = 0;
	for (size_t k = 0; k < st->n; k++)
		if (st->v[k].da && st->v[k].db)
			cost[nc++] = st->v[k].cost;
	/* Too few beads teach chance pairs. */
	if (nc < LEX_MIN_BEADS) {
		free(cost);
		return;
	}
	qsort(cost, nc, sizeof *cost, lex_cmp_double);
	double limit = cost[nc / 2];
	free(cost);
	uint32_t *dfa = lex_type_df(sa), *dfb = lex_type_df(sb);
	double maxa = LEX_LEARN_DF * (double)sa->nunits, maxb = LEX_LEARN_DF * (double)sb->nunits;
	uint32_t *ca = xcalloc(sa->types.n + 1, sizeof *ca), *cb = xcalloc(sb->types.n + 1, sizeof *cb);
	uint32_t *bx = NULL, *by = NULL;
	size_t bxcap = 0, bycap = 0;
	struct lex_pairs pairs = { 0 };
	for (size_t k = 0; k < st->n; k++) {
		const struct align_step *x = &st->v[k];
		if (!x->da || !x->db || x->cost > limit)
			continue;
		/* The distinct types of each side of the bead, frequent ones left out. */
		size_t nx = 0, ny = 0;
		for (size_t u = x->a; u < x->a + x->da && u < sa->nunits; u++)
			for (size_t i = sa->unit[u]; i < sa->unit[u + 1]; i++)
				if (dfa[sa->occ[i]] >= 2 && dfa[sa->occ[i]] <= maxa) {
					xgrow((void **)&bx, &bxcap, nx + 1, sizeof *bx);
					bx[nx++] = sa->occ[i];
				}
		for (size_t u = x->b; u < x->b + x->db && u < sb->nunits; u++)
			for (size_t i = sb->unit[u]; i < sb->unit[u + 1]; i++)
				if (dfb[sb->occ[i]] >= 2 && dfb[sb->occ[i]] <= maxb) {
					xgrow((void **)&by, &bycap, ny + 1, sizeof *by);
					by[ny++] = sb->occ[i];
				}
		if (nx)
			qsort(bx, nx, sizeof *bx, lex_cmp_u32);
		if (ny)
			qsort(by, ny, sizeof *by, lex_cmp_u32);
		for (size_t i = 0; i < nx; i++) {
			if (i && bx[i] == bx[i - 1])
				continue;
			ca[bx[i]]++;
			for (size_t j = 0; j < ny; j++)
				if (!j || by[j] != by[j - 1])
					lex_pairs_add(&pairs, bx[i], by[j]);
		}
		for (size_t j = 0; j < ny; j++)
			if (!j || by[j] != by[j - 1])
				cb[by[j]]++;
	}
	for (size_t h = 0; h < pairs.cap; h++) {
		if (pairs.k[h] == UINT64_MAX || pairs.c[h] < LEX_MIN_PAIR)
			continue;
		uint32_t x = (uint32_t)(pairs.k[h] >> 32), y = (uint32_t)pairs.k[h];
		double dice = 2.0 * pairs.c[h] / (double)(ca[x] + cb[y]);
		if (dice < LEX_MIN_DICE || lex_share(&sa->t[x], &sb->t[y]))
			continue;
		char name[24];
		int len = snprintf(name, sizeof name, "%zu", lx->learned++);
		uint32_t key = lex_key(lx, '#', name, (size_t)len);
		lex_type_key(&sa->t[x], key);
		lex_type_key(&sb->t[y], key);
	}
	free(pairs.k);
	free(pairs.c);
	free(bx);
	free(by);
	free(ca);
	free(cb);
	free(dfa);
	free(dfb);
}

/* One match of a word of one unit in the other: (i, j, wa, wb). */
struct lex_hit {
	uint32_t i, j;
	uint16_t wa, wb;
};

static int lex_cmp_hit(const void *x, const void *y)
{
	const struct lex_hit *a = x, *b = y;
	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	return (a->j > b->j) - (a->j < b->j);
}

/* For each key, the units of side s whose types hold it. */
struct lex_post {
	size_t *off;                    /* nkeys + 1 */
	uint32_t *unit;
};

static void lex_post_make(const struct lexicon *lx, const struct lex_side *sd,
			  const bool *dropped, struct lex_post *p)
{
	size_t nk = lx->keys.n;
	p->off = xcalloc(nk + 2, sizeof *p->off);
	uint32_t *last = xmalloc((nk + 1) * sizeof *last);
	for (size_t k = 0; k <= nk; k++)
		last[k] = UINT32_MAX;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t u = 0; u < sd->nunits; u++)
			for (size_t i = sd->unit[u]; i < sd->unit[u + 1]; i++) {
				const struct lex_type *t = &sd->t[sd->occ[i]];
				for (size_t q = 0; q < t->nkeys; q++) {
					uint32_t key = t->keys[q];
					if (dropped[key] || last[key] == u)
						continue;
					last[key] = (uint32_t)u;
					if (pass == 0)
						p->off[key + 2]++;
					else
						p->unit[p->off[key + 1]++] = (uint32_t)u;
				}
			}
		if (pass == 0) {
			for (size_t k = 0; k < nk; k++)
				p->off[k + 2] += p->off[k + 1];
			p->unit = xmalloc((p->off[nk + 1] + 1) * sizeof *p->unit);
			for (size_t k = 0; k <= nk; k++)
				last[k] = UINT32_MAX;
		}
	}
	free(last);
}

/* The matches of side s's words in the other side's units, as hits. */
/* For each unit u of side s, the units of the other side near it: [lo, hi]
 * in win[2u], win[2u + 1]; from the guide for a, inverted for b (the guide
 * only grows, so its inverse is a range too). */
static size_t *lex_window(const size_t *guide, size_t margin, size_t na, size_t nb, int s)
{
	size_t n = s ? nb : na;
	size_t *w = xmalloc(2 * (n + 1) * sizeof *w);
	for (size_t u = 0; u <= n; u++) {
		w[2 * u] = SIZE_MAX;
		w[2 * u + 1] = 0;
	}
	for (size_t i = 0; i < na; i++) {
		size_t lo = guide[2 * i] > margin ? guide[2 * i] - margin : 0;
		size_t hi = guide[2 * i + 1] + margin;
		if (s == 0) {
			w[2 * i] = lo;
			w[2 * i + 1] = hi;
			continue;
		}
		for (size_t j = lo; j <= hi && j < nb; j++) {
			w[2 * j] = i < w[2 * j] ? i : w[2 * j];
			w[2 * j + 1] = i > w[2 * j + 1] ? i : w[2 * j + 1];
		}
	}
	return w;
}

static void lex_side_hits(const struct lex_side *sd, int s, const bool *dropped,
			  const bool *common, const struct lex_post *other, size_t nother,
			  const size_t *win, struct lex_hit **hits, size_t *nh, size_t *cap,
			  uint32_t *tok, uint32_t *words)
{
	uint32_t *count = xcalloc(nother + 1, sizeof *count);
	uint32_t *stamp = xcalloc(nother + 1, sizeof *stamp), *touched = NULL;
	size_t ntouched = 0, tcap = 0;
	uint32_t tick = 0;
	for (size_t u = 0; u < sd->nunits; u++) {
		ntouched = 0;
		tok[u] = 0;
		words[u] = 0;
		for (size_t i = sd->unit[u]; i < sd->unit[u + 1]; i++) {
			const struct lex_type *t = &sd->t[sd->occ[i]];
			bool known = false, rare = false;
			tick++;
			for (size_t q = 0; q < t->nkeys; q++) {
				uint32_t key = t->keys[q];
				rare |= !common[key];
				if (dropped[key])
					continue;
				known = true;
				size_t p = other->off[key], end = other->off[key + 1];
				if (win) {
					/* Postings are in unit order: from the window's
					 * start, found by halving, to its end. */
					size_t lo = p, hi = end;
					while (lo < hi) {
						size_t mid = lo + (hi - lo) / 2;
						if (other->unit[mid] < win[2 * u])
							lo = mid + 1;
						else
							hi = mid;
					}
					p = lo;
				}
				for (; p < end; p++) {
					uint32_t v = other->unit[p];
					if (win && v > win[2 * u + 1])
						break;
					if (stamp[v] == tick)
						continue;
					stamp[v] = tick;
					if (count[v]++ == 0) {
						xgrow((void **)&touched, &tcap, ntouched + 1, sizeof *touched);
						touched[ntouched++] = v;
					}
				}
			}
			tok[u] += known;
			words[u] += rare;
		}
		for (size_t k = 0; k < ntouched; k++) {
			uint32_t v = touched[k];
			xgrow((void **)hits, cap, *nh + 1, sizeof **hits);
			uint16_t c = count[v] > UINT16_MAX ? UINT16_MAX : (uint16_t)count[v];
			(*hits)[(*nh)++] = s == 0 ? (struct lex_hit){ (uint32_t)u, v, c, 0 }
						  : (struct lex_hit){ v, (uint32_t)u, 0, c };
			count[v] = 0;
		}
	}
	free(count);
	free(stamp);
	free(touched);
}

void lexicon_links(struct lexicon *lx, const size_t *guide, size_t margin,
		   struct align_links *out)
{
	memset(out, 0, sizeof *out);
	struct lex_side *sd[2] = { &lx->side[0], &lx->side[1] };
	lex_units_distinct(sd[0]);
	lex_units_distinct(sd[1]);
	/* Keys in too many units of either side, or in none of the other. */
	size_t nk = lx->keys.n;
	uint32_t *df[2];
	for (int s = 0; s < 2; s++) {
		df[s] = xcalloc(nk + 1, sizeof *df[s]);
		uint32_t *last = xmalloc((nk + 1) * sizeof *last);
		for (size_t k = 0; k <= nk; k++)
			last[k] = UINT32_MAX;
		for (size_t u = 0; u < sd[s]->nunits; u++)
			for (size_t i = sd[s]->unit[u]; i < sd[s]->unit[u + 1]; i++) {
				const struct lex_type *t = &sd[s]->t[sd[s]->occ[i]];
				for (size_t q = 0; q < t->nkeys; q++)
					if (last[t->keys[q]] != u) {
						last[t->keys[q]] = (uint32_t)u;
						df[s][t->keys[q]]++;
					}
			}
		free(last);
	}
	bool *dropped = xcalloc(nk + 1, sizeof *dropped), *common = xcalloc(nk + 1, sizeof *common);
	for (size_t k = 0; k < nk; k++) {
		/* A learned pair was chosen for meeting where it occurs: a name
		 * in every fifth sentence is still good evidence. */
		double share = lx->keys.str[k][0] == '#' ? LEX_LEARN_DF : LEX_MAX_DF;
		double ma = share * (double)sd[0]->nunits, mb = share * (double)sd[1]->nunits;
		common[k] = (df[0][k] > 2 && df[0][k] > ma) || (df[1][k] > 2 && df[1][k] > mb);
		dropped[k] = df[0][k] == 0 || df[1][k] == 0 || common[k];
	}
	struct lex_post post[2];
	lex_post_make(lx, sd[0], dropped, &post[0]);
	lex_post_make(lx, sd[1], dropped, &post[1]);
	out->n[0] = sd[0]->nunits;
	out->n[1] = sd[1]->nunits;
	out->tok[0] = xcalloc(out->n[0] + 1, sizeof *out->tok[0]);
	out->tok[1] = xcalloc(out->n[1] + 1, sizeof *out->tok[1]);
	out->words[0] = xcalloc(out->n[0] + 1, sizeof *out->words[0]);
	out->words[1] = xcalloc(out->n[1] + 1, sizeof *out->words[1]);
	struct lex_hit *hits = NULL;
	size_t nh = 0, cap = 0;
	for (int s = 0; s < 2; s++) {
		size_t *win = guide ? lex_window(guide, margin, out->n[0], out->n[1], s) : NULL;
		lex_side_hits(sd[s], s, dropped, common, &post[!s], out->n[!s], win, &hits, &nh,
			      &cap, out->tok[s], out->words[s]);
		free(win);
	}
	if (nh)
		qsort(hits, nh, sizeof *hits, lex_cmp_hit);
	out->row = xcalloc(out->n[0] + 2, sizeof *out->row);
	out->v = xcalloc(nh + 1, sizeof *out->v);
	size_t nv = 0;
	for (size_t h = 0; h < nh; h++) {
		if (nv && out->v[nv - 1].j == hits[h].j && h > 0 && hits[h - 1].i == hits[h].i) {
			out->v[nv - 1].wa = (uint16_t)(out->v[nv - 1].wa + hits[h].wa);
			out->v[nv - 1].wb = (uint16_t)(out->v[nv - 1].wb + hits[h].wb);
			continue;
		}
		out->v[nv++] = (struct align_link){ hits[h].j, hits[h].wa, hits[h].wb };
		out->row[hits[h].i + 1] = nv;
	}
	/* Rows without hits start where the previous one ended. */
	for (size_t i = 1; i <= out->n[0]; i++)
		if (out->row[i] < out->row[i - 1])
			out->row[i] = out->row[i - 1];
	free(hits);
	for (int s = 0; s < 2; s++) {
		free(post[s].off);
		free(post[s].unit);
		free(df[s]);
	}
	free(dropped);
	free(common);
}
