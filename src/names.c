/* names.c: a Chinese name and its English or French form, by reading and by
 * sound; an English and a French form, by spelling (names.h says the rules). */
#include <config.h>
#include "names.h"

#include <string.h>
#include <utf8proc.h>

#include "unihan.h"
#include "utf8.h"

/* Readings read per character, and reading combinations per substring. */
#define NAMES_READINGS 3
#define NAMES_COMBOS 4
/* Han characters in a name. */
#define NAMES_HAN_MIN 2
#define NAMES_HAN_MAX 6

/* ---- folding ---- */

static bool names_is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* The ASCII letters cp folds to (é -> e, ß -> ss), appended at out[*o]. */
static void names_fold_cp(int32_t cp, char *out, size_t size, size_t *o)
{
	if (cp < 0x80) {
		char c = (char)cp;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c >= 'a' && c <= 'z' && *o + 1 < size)
			out[(*o)++] = c;
		return;
	}
	if (cp >= 0x2E80)
		return;         /* no Latin letter up there */
	utf8proc_int32_t buf[8];
	int last = 0;
	utf8proc_ssize_t k = utf8proc_decompose_char(cp, buf, 8,
		UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT, &last);
	for (utf8proc_ssize_t j = 0; j < k && j < 8; j++)
		if (buf[j] >= 'a' && buf[j] <= 'z' && *o + 1 < size)
			out[(*o)++] = (char)buf[j];
}

size_t names_fold(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0;
	if (size == 0)
		return 0;
	for (size_t i = 0; i < n;) {
		size_t l;
		int32_t cp = utf8_decode(s, n, i, &l);
		names_fold_cp(cp, out, size, &o);
		i += l;
	}
	out[o] = '\0';
	return o;
}

/* Words between which a name goes on: Rio de Janeiro, Bosnie-et-Herzégovine. */
static bool names_is_particle(const char *w, size_t n)
{
	static const char *const particles[] = {
		"de", "du", "des", "da", "do", "dos", "das", "del", "la", "le", "les", "of",
		"the", "et", "and", "y", "d", "l",
	};
	for (size_t k = 0; k < sizeof particles / sizeof *particles; k++)
		if (strlen(particles[k]) == n && memcmp(particles[k], w, n) == 0)
			return true;
	return false;
}

/* The folded words of a name joined; particles left out when drop_particles
 * (transliteration does not say them) unless first. */
static size_t names_join(const char *s, size_t n, bool drop_particles, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n;) {
		/* one word: up to a space, a hyphen or an apostrophe */
		char w[NAMES_MAX + 1];
		size_t nw = 0;
		while (i < n) {
			size_t l;
			int32_t cp = utf8_decode(s, n, i, &l);
			i += l;
			if (cp == ' ' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2010)
				break;
			names_fold_cp(cp, w, sizeof w, &nw);
		}
		if (nw == 0)
			continue;
		if (drop_particles && o > 0 && names_is_particle(w, nw))
			continue;
		for (size_t k = 0; k < nw && o + 1 < size; k++)
			out[o++] = w[k];
	}
	out[o] = '\0';
	return o;
}

/* ---- sound skeletons ---- */

/* Consonant classes: P labials (b p f v w), T dentals (d t), K velars (g k c q),
 * S sibilants (s z j x ch sh, pinyin j q x z c zh ch sh r), L liquids (l r),
 * N nasals (m n ng). Vowel classes, kept for skeletons of two consonants: A
 * (a group with an a), O (o or u), E (e, i, y). */
struct names_skel {
	char c[NAMES_MAX];      /* classes */
	char v[NAMES_MAX];      /* the vowel class after each ('-' none) */
	size_t n;
	bool vowel;             /* a vowel since the last class (no collapsing) */
};

static void names_skel_push(struct names_skel *k, char cls)
{
	if (k->n > 0 && !k->vowel && k->c[k->n - 1] == cls)
		return;         /* nn, ss, ng+m: one sound */
	if (k->n < NAMES_MAX) {
		k->c[k->n] = cls;
		k->v[k->n] = '-';
		k->n++;
	}
	k->vowel = false;
}

static void names_skel_vowel(struct names_skel *k, char v)
{
	char cls = v == 'a' ? 'A' : (v == 'o' || v == 'u') ? 'O' : 'E';
	k->vowel = true;
	if (k->n > 0 && (k->v[k->n - 1] == '-' || cls == 'A'))
		k->v[k->n - 1] = k->v[k->n - 1] == 'A' ? 'A' : cls;
}

/* The key of a skeleton: its classes, and the first vowel too when it has
 * only two consonants (Vienna and 不能 share "PN"). 0 when shorter. */
static uint64_t names_skel_key(const struct names_skel *k)
{
	if (k->n < 2)
		return 0;
	uint64_t h = 0xCBF29CE484222325ULL ^ 'S';
	for (size_t i = 0; i < k->n; i++) {
		h = (h ^ (unsigned char)k->c[i]) * 0x100000001B3ULL;
		if (k->n == 2 && i == 0)
			h = (h ^ (unsigned char)k->v[i]) * 0x100000001B3ULL;
	}
	return h;
}

/* The skeleton of a folded Latin name, and an estimate of how many syllables
 * Chinese gives it: [*lo, *hi]. */
static void names_latin_skel(const char *w, size_t n, struct names_skel *k, size_t *lo, size_t *hi)
{
	memset(k, 0, sizeof *k);
	/* a final s is not said (Paris, Brussels); nor w (Moscow) */
	while (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'w'))
		n--;
	size_t groups = 0, lone = 0;
	for (size_t i = 0; i < n; i++) {
		char c = w[i], next = i + 1 < n ? w[i + 1] : '\0';
		bool before_vowel = next && names_is_vowel(next);
		if (names_is_vowel(c)) {
			if (i == 0 || !names_is_vowel(w[i - 1]))
				groups++;
			names_skel_vowel(k, c);
			continue;
		}
		if (!before_vowel && c != 'h' && !(c == 'r' && next) && i + 1 < n)
			lone++;
		if (i + 1 == n && c != 'r' && c != 'l')
			lone++;
		char cls = 0;
		switch (c) {
		case 's':
			if (next == 'c' && i + 2 < n && w[i + 2] == 'h')
				i += 2;
			else if (next == 'h')
				i++;
			cls = 'S';
			break;
		case 'c':
			if (next == 'h') {
				i++;
				cls = 'S';
			} else if (next == 'k') {
				i++;
				cls = 'K';
			} else {
				cls = next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K';
			}
			break;
		case 'p':
			if (next == 'h')
				i++;
			cls = 'P';
			break;
		case 't':
			if (next == 'h')
				i++;
			cls = 'T';
			break;
		case 'q':
			if (next == 'u')
				i++;
			cls = 'K';
			break;
		case 'x':
			names_skel_push(k, 'K');
			cls = 'S';
			break;
		case 'g':
			/* ng before a consonant or at the end is one nasal */
			if (i > 0 && w[i - 1] == 'n' && !before_vowel)
				continue;
			if (next == 'h')
				i++;
			cls = 'K';
			break;
		case 'r':
			if (!before_vowel)
				continue;       /* Berlin, Argentina: r not said */
			cls = 'L';
			break;
		case 'l':
			if (i + 1 == n)
				continue;       /* Nepal, Brussel: the final l is 尔 */
			cls = 'L';
			break;
		case 'w':
			if (!before_vowel)
				continue;
			cls = 'P';
			break;
		case 'b': case 'f': case 'v': cls = 'P'; break;
		case 'd': cls = 'T'; break;
		case 'k': cls = 'K'; break;
		case 'j': case 'z': cls = 'S'; break;
		case 'm': case 'n': cls = 'N'; break;
		default: continue;      /* h */
		}
		names_skel_push(k, cls);
	}
	*lo = groups > 1 ? groups - 1 : 1;
	*hi = groups + lone + 1;
}

/* Adds pinyin syllable p (toneless ASCII) to skeleton k. */
static void names_pinyin_skel(const char *p, struct names_skel *k)
{
	if (strcmp(p, "er") == 0)
		return;                 /* 尔: a final l or r, not said above */
	size_t i = 0;
	char cls = 0;
	if ((p[0] == 'z' || p[0] == 'c' || p[0] == 's') && p[1] == 'h') {
		cls = 'S';
		i = 2;
	} else {
		switch (p[0]) {
		case 'b': case 'p': case 'f': case 'w': cls = 'P'; i = 1; break;
		case 'm': case 'n': cls = 'N'; i = 1; break;
		case 'd': case 't': cls = 'T'; i = 1; break;
		case 'g': case 'k': cls = 'K'; i = 1; break;
		case 'j': case 'q': case 'x': case 'z': case 'c': case 's': case 'r':
			cls = 'S'; i = 1; break;
		case 'l': cls = 'L'; i = 1; break;
		case 'y': i = 1; break;
		case 'h':
			/* hua, huo: how Chinese writes wa, wo */
			cls = p[1] == 'u' && (p[2] == 'a' || p[2] == 'o') ? 'P' : 0;
			i = 1;
			break;
		default: break;
		}
	}
	if (cls)
		names_skel_push(k, cls);
	for (; p[i]; i++) {
		if (p[i] == 'n') {
			names_skel_push(k, 'N');        /* -n, -ng */
			break;
		}
		if (names_is_vowel(p[i]) || p[i] == 'v')
			names_skel_vowel(k, p[i] == 'v' ? 'u' : p[i]);
	}
}

/* ---- keys ---- */

/* FNV-1a: h, then the bytes s[0..n) (a key of a name made piece by piece is
 * the key of the whole). */
static uint64_t names_hash_more(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ULL;
	return h;
}

#define NAMES_HASH_START(kind) (0xCBF29CE484222325ULL ^ (uint64_t)(unsigned char)(kind))

static uint64_t names_hash(char kind, const char *s, size_t n)
{
	return names_hash_more(NAMES_HASH_START(kind), s, n);
}

/* The spelling two Latin forms are compared by: folded, x as s, double
 * letters single, a final s then a final e dropped (Bruxelles -> brusel). */
static size_t names_latin_norm(const char *s, size_t n, char *out, size_t size)
{
	char f[NAMES_MAX + 1];
	size_t nf = names_join(s, n, false, f, sizeof f), o = 0;
	for (size_t i = 0; i < nf && o + 1 < size; i++) {
		char c = f[i] == 'x' ? 's' : f[i];
		if (o > 0 && out[o - 1] == c)
			continue;
		out[o++] = c;
	}
	if (o > 3 && out[o - 1] == 's')
		o--;
	if (o > 3 && out[o - 1] == 'e')
		o--;
	out[o] = '\0';
	return o;
}

void names_latin_keys(const char *name, size_t n, struct names_keys *k)
{
	char f[NAMES_MAX + 1];
	memset(k, 0, sizeof *k);
	size_t nf = names_join(name, n, false, f, sizeof f);
	if (nf >= 4)
		k->pinyin = names_hash('P', f, nf);
	nf = names_join(name, n, true, f, sizeof f);
	struct names_skel sk;
	size_t lo, hi;
	names_latin_skel(f, nf, &sk, &lo, &hi);
	k->sound = names_skel_key(&sk);
	/* A transliteration gives a syllable for each vowel, and may give one to
	 * a consonant standing alone: 布鲁塞尔 for Brussel. Two consonants say
	 * little: then three characters at least (维也纳, not 本年). */
	if (sk.n == 2 && lo < 3)
		lo = 3;
	k->sound_lo = (unsigned char)(lo < 255 ? lo : 255);
	k->sound_hi = (unsigned char)(hi < 255 ? hi : 255);
	nf = names_latin_norm(name, n, f, sizeof f);
	if (nf >= 4)
		k->latin = names_hash('L', f, 3);
}

/* ---- Han names ---- */

struct names_han {
	size_t start[NAMES_HAN_MAX + 1];        /* byte offsets of the characters, and the end */
	const char *read[NAMES_HAN_MAX][NAMES_READINGS];
	size_t rlen[NAMES_HAN_MAX][NAMES_READINGS];
	size_t nread[NAMES_HAN_MAX];
	size_t n;
};

typedef void names_key_fn(uint64_t key, size_t start, size_t len, void *arg);

/* The reading combinations of the first characters of h, walked as a tree:
 * a node at depth d is a choice of readings for characters [0, d), and its
 * children add a reading of character d. Each node extends its parent's
 * pinyin hash and skeleton by one syllable, so a name of six characters costs
 * six steps, not the 2 + 3 + ... + 6 of spelling each length afresh. */
struct names_walk {
	const struct names_han *h;
	names_key_fn *fn;
	void *arg;
	size_t seen[NAMES_HAN_MAX + 1];         /* nodes met at each depth */
};

/* Node d (pinyin hash py, skeleton sk): for d >= NAMES_HAN_MIN, fn gets the
 * pinyin key (d <= 4) and the sound key of characters [0, d). Children are
 * visited in reading order, so the nodes of one depth come in the order of
 * their combinations, the last character turning fastest; each depth keeps
 * its first NAMES_COMBOS. A node past them has only descendants past them
 * too (every node has a child), so the walk stops there. */
static void names_han_walk(struct names_walk *w, size_t d, uint64_t py, const struct names_skel *sk)
{
	const struct names_han *h = w->h;
	if (d >= NAMES_HAN_MIN) {
		size_t len = h->start[d] - h->start[0];
		if (d <= 4)
			w->fn(py, h->start[0], len, w->arg);
		uint64_t s = names_skel_key(sk);
		if (s)
			w->fn(s, h->start[0], len, w->arg);
	}
	if (d == h->n)
		return;
	for (size_t r = 0; r < h->nread[d]; r++) {
		if (d + 1 >= NAMES_HAN_MIN && w->seen[d + 1] >= NAMES_COMBOS)
			return;
		w->seen[d + 1]++;
		char syl[8];
		size_t l = h->rlen[d][r] < sizeof syl - 1 ? h->rlen[d][r] : sizeof syl - 1;
		memcpy(syl, h->read[d][r], l);
		syl[l] = '\0';
		struct names_skel k = *sk;
		names_pinyin_skel(syl, &k);
		names_han_walk(w, d + 1, names_hash_more(py, syl, l), &k);
	}
}

/* The characters of a text with their readings, read once. */
#define NAMES_TEXT_MAX 512

void names_han_keys(const char *s, size_t n, names_key_fn *fn, void *arg)
{
	struct {
		size_t start, len;
		const char *read[NAMES_READINGS];
		size_t rlen[NAMES_READINGS], nread;
	} c[NAMES_TEXT_MAX];
	size_t nc = 0;
	for (size_t i = 0; i < n && nc < NAMES_TEXT_MAX;) {
		size_t l;
		int32_t cp = utf8_decode(s, n, i, &l);
		const char *r = cp >= 0x2E80 ? unihan_readings((uint32_t)cp) : NULL;
		c[nc].start = i;
		c[nc].len = l;
		c[nc].nread = 0;
		while (r && *r && c[nc].nread < NAMES_READINGS) {
			size_t k = 0;
			while (r[k] && r[k] != ' ')
				k++;
			c[nc].read[c[nc].nread] = r;
			c[nc].rlen[c[nc].nread++] = k;
			r += k;
			while (*r == ' ')
				r++;
		}
		nc++;
		i += l;
	}
	struct names_han h;
	for (size_t i = 0; i < nc; i++) {
		if (c[i].nread == 0)
			continue;
		/* a window of up to NAMES_HAN_MAX Han characters from i */
		h.n = 0;
		for (size_t j = i; j < nc && h.n < NAMES_HAN_MAX && c[j].nread; j++) {
			for (size_t k = 0; k < c[j].nread; k++) {
				h.read[h.n][k] = c[j].read[k];
				h.rlen[h.n][k] = c[j].rlen[k];
			}
			h.nread[h.n] = c[j].nread;
			h.start[h.n++] = c[j].start;
			h.start[h.n] = c[j].start + c[j].len;
		}
		struct names_walk w = { .h = &h, .fn = fn, .arg = arg };
		struct names_skel sk;
		memset(&sk, 0, sizeof sk);
		names_han_walk(&w, 0, NAMES_HASH_START('P'), &sk);
	}
}

/* ---- matching ---- */

struct names_want {
	uint64_t pinyin, sound;
	size_t han_len;         /* the whole Han text must be the name */
	enum names_how how;
};

static void names_want_key(uint64_t key, size_t start, size_t len, void *arg)
{
	struct names_want *w = arg;
	if (start != 0 || len != w->han_len || w->how == NAMES_PINYIN)
		return;
	if (key == w->pinyin)
		w->how = NAMES_PINYIN;
	else if (key == w->sound)
		w->how = NAMES_SOUND;
}

bool names_sound_fits(unsigned lo, unsigned hi, const char *han, size_t hn)
{
	size_t chars = 0;
	for (size_t i = 0; i < hn;) {
		size_t l;
		utf8_decode(han, hn, i, &l);
		chars++;
		i += l;
	}
	return chars >= lo && chars <= hi;
}

enum names_how names_match_han(const char *han, size_t hn, const char *latin, size_t ln)
{
	struct names_keys k;
	names_latin_keys(latin, ln, &k);
	struct names_want w = { k.pinyin, k.sound, hn, NAMES_NONE };
	if (!k.pinyin && !k.sound)
		return NAMES_NONE;
	names_han_keys(han, hn, names_want_key, &w);
	if (w.how != NAMES_SOUND)
		return w.how;
	return names_sound_fits(k.sound_lo, k.sound_hi, han, hn) ? NAMES_SOUND : NAMES_NONE;
}

/* Levenshtein distance of a and b, up to max + 1. */
static size_t names_distance(const char *a, size_t an, const char *b, size_t bn, size_t max)
{
	size_t row[NAMES_MAX + 1];
	if (an > NAMES_MAX || bn > NAMES_MAX)
		return max + 1;
	if ((an > bn ? an - bn : bn - an) > max)
		return max + 1;
	for (size_t j = 0; j <= bn; j++)
		row[j] = j;
	for (size_t i = 1; i <= an; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= bn; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[bn];
}

bool names_match_latin(const char *a, size_t an, const char *b, size_t bn)
{
	char x[NAMES_MAX + 1], y[NAMES_MAX + 1];
	size_t nx = names_latin_norm(a, an, x, sizeof x), ny = names_latin_norm(b, bn, y, sizeof y);
	size_t shorter = nx < ny ? nx : ny;
	if (shorter < 3)
		return nx == ny && nx > 0 && memcmp(x, y, nx) == 0;
	size_t max = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
	/* the same opening: the rest may differ by a letter or two */
	return memcmp(x, y, 3) == 0 && names_distance(x, nx, y, ny, max) <= max;
}

static bool names_has_han(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t l;
		int32_t cp = utf8_decode(s, n, i, &l);
		if (cp >= 0x2E80 && unihan_mandarin((uint32_t)cp))
			return true;
		i += l;
	}
	return false;
}

enum names_how names_match(const char *a, size_t an, const char *b, size_t bn)
{
	bool ha = names_has_han(a, an), hb = names_has_han(b, bn);
	if (ha && !hb)
		return names_match_han(a, an, b, bn);
	if (hb && !ha)
		return names_match_han(b, bn, a, an);
	if (ha && hb)
		return an == bn && memcmp(a, b, an) == 0 ? NAMES_LATIN : NAMES_NONE;
	return names_match_latin(a, an, b, bn) ? NAMES_LATIN : NAMES_NONE;
}

/* ---- names in a sentence ---- */

struct names_word {
	size_t start, end;
	bool cap, particle;
	bool joined;            /* only spaces since the word before */
};

size_t names_latin_spans(const char *s, size_t n, bool zh, struct names_span *out, size_t max)
{
	struct names_word words[64];
	size_t nw = 0;
	bool opening = true;
	for (size_t i = 0; i < n && nw < 64;) {
		size_t l;
		int32_t cp = utf8_decode(s, n, i, &l);
		utf8proc_category_t cat = utf8proc_category(cp);
		bool letter = cp < 0x2E80 && (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL);
		if (!letter) {
			/* a sentence inside the sentence opens again ("... : The") */
			if (cp == '.' || cp == ':' || cp == '"' || cp == 0x201C || cp == 0x00AB ||
			    cp == '(' || cp >= 0x2E80)
				opening = !zh;
			i += l;
			continue;
		}
		size_t ws = i;
		bool cap = cat == UTF8PROC_CATEGORY_LU;
		char f[NAMES_MAX + 1];
		size_t nf = 0;
		while (i < n) {
			cp = utf8_decode(s, n, i, &l);
			cat = utf8proc_category(cp);
			bool in = cp < 0x2E80 && (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
						  cat == UTF8PROC_CATEGORY_MN);
			/* Sheng-kun, d'Ivoire: the word goes on over an inner hyphen */
			if (!in && (cp == '-' || cp == '\'' || cp == 0x2019) && i + l < n) {
				size_t l2;
				int32_t c2 = utf8_decode(s, n, i + l, &l2);
				utf8proc_category_t k2 = utf8proc_category(c2);
				in = c2 < 0x2E80 && (k2 == UTF8PROC_CATEGORY_LU || k2 == UTF8PROC_CATEGORY_LL);
			}
			if (!in)
				break;
			names_fold_cp(cp, f, sizeof f, &nf);
			i += l;
		}
		struct names_word *w = &words[nw];
		w->start = ws;
		w->end = i;
		w->particle = !cap && names_is_particle(f, nf);
		w->cap = (cap || zh) && !opening && nf >= 2;
		w->joined = nw > 0;
		for (size_t k = nw ? words[nw - 1].end : 0; nw > 0 && k < ws; k++)
			w->joined &= s[k] == ' ';
		nw++;
		opening = false;
	}
	/* Runs of capitalised words, particles allowed between two of them; each
	 * run and its stretches of one to three words. */
	size_t no = 0;
	for (size_t a = 0; a < nw; a++) {
		if (!words[a].cap)
			continue;
		size_t b = a + 1, last = a;
		while (b < nw && words[b].joined) {
			if (words[b].cap)
				last = b;
			else if (!words[b].particle)
				break;
			b++;
		}
		for (size_t i = a; i <= last; i++) {
			if (!words[i].cap)
				continue;
			for (size_t j = i, k = 0; j <= last && k < 3; j++) {
				if (!words[j].cap)
					continue;
				k++;
				if (no < max)
					out[no++] = (struct names_span){ words[i].start,
									 words[j].end - words[i].start };
			}
		}
		if (last - a + 1 > 3 && no < max)
			out[no++] = (struct names_span){ words[a].start, words[last].end - words[a].start };
		a = last;
	}
	return no;
}
