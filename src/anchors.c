/* anchors.c: tokens that survive translation, and the chain two texts share.
 * Numbers are read with full-width digits folded to ASCII and thousands
 * separators dropped; a number followed by 年 / 月 / 日 is a year, month or day,
 * as is a number next to a month name (October 2013, le 11 septembre); the
 * date parts that stand together also make one compound token, which is far
 * more often unique than its parts. Latin words with a capital (ICANN, W3C,
 * Paris) are kept as they are: Chinese text carries them untranslated. */
#include <config.h>
#include "anchors.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "utf8.h"
#include "xalloc.h"

enum anchor_kind { ANCHOR_NUMBER, ANCHOR_YEAR, ANCHOR_MONTH, ANCHOR_DAY };

/* A date part or number found in the text, before tokens are made of it. */
struct anchor_atom {
	enum anchor_kind kind;
	long value;                     /* -1 when not an integer (3.5) */
	bool grouped;                   /* written with a thousands separator: not a year */
	char text[ANCHOR_KEY_MAX - 2];  /* the number as normalised */
	size_t start, end;              /* bytes, the suffix (年, 月) included */
};

void anchors_init(struct anchor_set *s)
{
	memset(s, 0, sizeof *s);
}

void anchors_free(struct anchor_set *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

static void anchors_add(struct anchor_set *s, const char *key, size_t unit, bool date)
{
	/* A token repeated inside one unit links it once. */
	for (size_t i = s->n; i > 0 && s->v[i - 1].unit == unit; i--)
		if (strcmp(s->v[i - 1].key, key) == 0)
			return;
	xgrow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	struct anchor_tok *t = &s->v[s->n++];
	snprintf(t->key, sizeof t->key, "%s", key);
	t->unit = unit;
	t->date = date;
}

/* An ASCII or full-width digit's value, or -1. */
static int anchors_digit(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return cp - 0xFF10;
	return -1;
}

/* A Chinese numeral's value (十 is 10), or -1. */
static int anchors_han_digit(int32_t cp)
{
	static const int32_t digits[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
					  0x516D, 0x4E03, 0x516B, 0x4E5D };
	for (int d = 0; d < 10; d++)
		if (cp == digits[d])
			return d;
	if (cp == 0x96F6)
		return 0;               /* 零 */
	if (cp == 0x4E24 || cp == 0x5169)
		return 2;               /* 两 兩 */
	if (cp == 0x5341)
		return 10;              /* 十 */
	return -1;
}

static bool anchors_is_cjk(int32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

static bool anchors_is_latin_letter(int32_t cp)
{
	if (anchors_is_cjk(cp) || cp >= 0x2E80)
		return false;
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* The month a word names (English with a capital, French in any case), or 0. */
static int anchors_month(const char *w, size_t len)
{
	static const char *const en[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };
	static const char *const en_short[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sept", "Oct", "Nov", "Dec" };
	static const char *const fr[] = { "janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre", "décembre" };
	static const char *const fr_short[] = { "janv", "févr", "mars", "avr", "mai", "juin",
		"juil", "août", "sept", "oct", "nov", "déc" };
	for (int m = 0; m < 12; m++) {
		if ((strlen(en[m]) == len && memcmp(en[m], w, len) == 0) ||
		    (strlen(en_short[m]) == len && memcmp(en_short[m], w, len) == 0))
			return m + 1;
		if (len > 1 && w[0] >= 'A' && w[0] <= 'Z') {
			/* French at the start of a sentence: compare the rest. */
			if ((strlen(fr[m]) == len && fr[m][0] == w[0] + 32 &&
			     memcmp(fr[m] + 1, w + 1, len - 1) == 0))
				return m + 1;
		}
		if ((strlen(fr[m]) == len && memcmp(fr[m], w, len) == 0) ||
		    (strlen(fr_short[m]) == len && memcmp(fr_short[m], w, len) == 0))
			return m + 1;
	}
	if (len == 3 && memcmp(w, "Sep", 3) == 0)
		return 9;
	return 0;
}

/* Reads a number of Arabic digits at s[i]: "2,000" and "2 000" are 2000, "3,5"
 * and "3.5" are 3.5. Returns the byte after it. */
static size_t anchors_number(const char *s, size_t n, size_t i, struct anchor_atom *at)
{
	char buf[sizeof at->text];
	size_t used = 0, len;
	bool decimal = false;
	for (;;) {
		int d;
		while (i < n && (d = anchors_digit(utf8_decode(s, n, i, &len))) >= 0) {
			if (used + 1 < sizeof buf)
				buf[used++] = (char)('0' + d);
			i += len;
		}
		if (i >= n || decimal)
			break;
		/* A separator and what follows it. */
		int32_t sep = utf8_decode(s, n, i, &len);
		if (sep != ',' && sep != '.' && sep != 0xA0 && sep != 0x202F)
			break;
		size_t j = i + len, digits = 0, l2;
		while (j < n && anchors_digit(utf8_decode(s, n, j, &l2)) >= 0) {
			digits++;
			j += l2;
		}
		if (digits == 0)
			break;
		if (digits == 3 && sep != '.') {
			at->grouped = true;
			i += len;       /* thousands */
			continue;
		}
		if (sep == ',' || sep == '.') {
			decimal = true;
			if (used + 1 < sizeof buf)
				buf[used++] = '.';
			i += len;
			continue;
		}
		break;
	}
	buf[used] = '\0';
	at->kind = ANCHOR_NUMBER;
	snprintf(at->text, sizeof at->text, "%s", buf);
	at->value = decimal || used > 9 ? -1 : strtol(buf, NULL, 10);
	return i;
}

/* After a number at s[i]: 年 年 月 日 号 makes it a date part (个月 does not). */
static size_t anchors_suffix(const char *s, size_t n, size_t i, struct anchor_atom *at)
{
	size_t len, j = i;
	while (j < n && utf8_decode(s, n, j, &len) == ' ')
		j += len;
	if (j >= n)
		return i;
	int32_t cp = utf8_decode(s, n, j, &len);
	long v = at->value;
	if (cp == 0x5E74 && v >= 0) {                                     /* 年 */
		at->kind = ANCHOR_YEAR;
		return j + len;
	}
	if (cp == 0x6708 && v >= 1 && v <= 12) {                          /* 月 */
		at->kind = ANCHOR_MONTH;
		return j + len;
	}
	if ((cp == 0x65E5 || cp == 0x53F7 || cp == 0x865F) && v >= 1 && v <= 31) { /* 日 号 號 */
		at->kind = ANCHOR_DAY;
		return j + len;
	}
	return i;
}

/* Chinese numerals before 年 月 日: 二〇一三年 (digit by digit), 十二月, 二十一日. */
static size_t anchors_han_number(const char *s, size_t n, size_t i, struct anchor_atom *at)
{
	size_t len, j = i;
	int digits[8], nd = 0;
	int d;
	while (j < n && nd < 8 && (d = anchors_han_digit(utf8_decode(s, n, j, &len))) >= 0) {
		digits[nd++] = d;
		j += len;
	}
	if (j >= n)
		return 0;
	int32_t suffix = utf8_decode(s, n, j, &len);
	long v = 0;
	bool has_ten = false;
	for (int k = 0; k < nd; k++)
		has_ten |= digits[k] == 10;
	if (suffix == 0x5E74 && nd == 4 && !has_ten) {
		for (int k = 0; k < nd; k++)
			v = v * 10 + digits[k];
		at->kind = ANCHOR_YEAR;
	} else if ((suffix == 0x6708 || suffix == 0x65E5 || suffix == 0x53F7) && nd <= 3) {
		/* 十 alone, 十二, 二十, 二十一, or a single digit */
		long tens = 0, units = 0;
		if (has_ten) {
			int t = 0;
			while (t < nd && digits[t] != 10)
				t++;
			tens = t == 0 ? 1 : digits[0];
			units = t + 1 < nd ? digits[t + 1] : 0;
			if (t > 1 || nd - t > 2)
				return 0;
		} else if (nd == 1) {
			units = digits[0];
		} else {
			return 0;
		}
		v = tens * 10 + units;
		at->kind = suffix == 0x6708 ? ANCHOR_MONTH : ANCHOR_DAY;
		if ((at->kind == ANCHOR_MONTH && (v < 1 || v > 12)) || v < 1 || v > 31)
			return 0;
	} else {
		return 0;
	}
	at->value = v;
	snprintf(at->text, sizeof at->text, "%ld", v);
	return j + len;
}

/* Only spaces and light punctuation between two atoms: they make one date. */
static bool anchors_adjacent(const char *s, const struct anchor_atom *x,
			     const struct anchor_atom *y)
{
	if (y->start < x->end || y->start - x->end > 4)
		return false;
	for (size_t k = x->end; k < y->start; k++)
		if (!strchr(" ,.", s[k]) && (unsigned char)s[k] != 0xC2 &&
		    (unsigned char)s[k] != 0xA0)
			return false;
	return true;
}

void anchors_collect(struct anchor_set *set, const char *s, size_t n, size_t unit)
{
	struct anchor_atom *atoms = NULL;
	size_t natoms = 0, cap = 0, i = 0, len;
	/* At the opening of a sentence a capital says nothing: "He", "The" are
	 * not names. */
	bool opening = true;
	while (i < n) {
		int32_t cp = utf8_decode(s, n, i, &len);
		struct anchor_atom at = { .start = i };
		bool was_opening = opening;
		opening = false;
		if (anchors_digit(cp) >= 0) {
			size_t end = anchors_number(s, n, i, &at);
			at.end = anchors_suffix(s, n, end, &at);
			i = at.end;
		} else if (anchors_han_digit(cp) >= 0) {
			size_t end = anchors_han_number(s, n, i, &at);
			if (end == 0) {
				i += len;
				continue;
			}
			at.end = i = end;
		} else if (anchors_is_latin_letter(cp)) {
			size_t j = i;
			size_t upper = 0;
			while (j < n) {
				int32_t c = utf8_decode(s, n, j, &len);
				if (!anchors_is_latin_letter(c) && anchors_digit(c) < 0)
					break;
				upper += c >= 'A' && c <= 'Z';
				j += len;
			}
			if (was_opening && upper == 1 && s[i] >= 'A' && s[i] <= 'Z')
				upper = 0;      /* a capitalised first word */
			int month = anchors_month(s + i, j - i);
			if (month) {
				at.kind = ANCHOR_MONTH;
				at.value = month;
				snprintf(at.text, sizeof at.text, "%d", month);
				at.end = j;
			} else if (upper && j - i >= 2) {
				char key[ANCHOR_KEY_MAX];
				snprintf(key, sizeof key, "w%.*s", (int)(j - i), s + i);
				anchors_add(set, key, unit, false);
			}
			i = j;
			if (!month)
				continue;
		} else {
			utf8proc_category_t c = utf8proc_category(cp);
			if (cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 ||
			    cp == 0xFF1F)
				opening = true;
			else if (!(c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO))
				opening = was_opening;  /* spaces, quotes, brackets */
			i += len;
			continue;
		}
		xgrow((void **)&atoms, &cap, natoms + 1, sizeof *atoms);
		atoms[natoms++] = at;
	}
	/* A number next to a month is its day; four digits of our era are a year. */
	for (size_t k = 0; k < natoms; k++) {
		struct anchor_atom *a = &atoms[k];
		if (a->kind != ANCHOR_NUMBER || a->value < 0)
			continue;
		bool by_month = (k > 0 && atoms[k - 1].kind == ANCHOR_MONTH &&
				 anchors_adjacent(s, &atoms[k - 1], a)) ||
				(k + 1 < natoms && atoms[k + 1].kind == ANCHOR_MONTH &&
				 anchors_adjacent(s, a, &atoms[k + 1]));
		if (a->value >= 1000 && a->value <= 2100 && strlen(a->text) == 4 && !a->grouped)
			a->kind = ANCHOR_YEAR;
		else if (by_month && a->value >= 1 && a->value <= 31)
			a->kind = ANCHOR_DAY;
	}
	char key[ANCHOR_KEY_MAX];
	for (size_t k = 0; k < natoms; k++) {
		const struct anchor_atom *a = &atoms[k];
		switch (a->kind) {
		case ANCHOR_NUMBER:
			snprintf(key, sizeof key, "n%s", a->text);
			anchors_add(set, key, unit, false);
			break;
		case ANCHOR_YEAR:
			snprintf(key, sizeof key, "y%ld", a->value);
			anchors_add(set, key, unit, true);
			break;
		case ANCHOR_MONTH:
			snprintf(key, sizeof key, "m%ld", a->value);
			anchors_add(set, key, unit, true);
			break;
		case ANCHOR_DAY:
			break;          /* a day alone says little; its compound below */
		}
		if (k + 1 < natoms && anchors_adjacent(s, a, &atoms[k + 1])) {
			const struct anchor_atom *b = &atoms[k + 1];
			const struct anchor_atom *y = NULL, *m = NULL, *d = NULL;
			for (int t = 0; t < 2; t++) {
				const struct anchor_atom *x = t ? b : a;
				if (x->kind == ANCHOR_YEAR)
					y = x;
				else if (x->kind == ANCHOR_MONTH)
					m = x;
				else if (x->kind == ANCHOR_DAY)
					d = x;
			}
			if (y && m) {
				snprintf(key, sizeof key, "ym%ld-%ld", y->value, m->value);
				anchors_add(set, key, unit, true);
			} else if (m && d) {
				snprintf(key, sizeof key, "md%ld-%ld", m->value, d->value);
				anchors_add(set, key, unit, true);
			}
		}
	}
	free(atoms);
}

static int anchors_tok_cmp(const void *x, const void *y)
{
	const struct anchor_tok *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	return a->unit < b->unit ? -1 : a->unit > b->unit;
}

static int anchors_pair_cmp(const void *x, const void *y)
{
	const struct anchor_pair *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

/* How many tokens from i on share v[i]'s key. */
static size_t anchors_run(const struct anchor_set *s, size_t i)
{
	size_t j = i;
	while (j < s->n && strcmp(s->v[j].key, s->v[i].key) == 0)
		j++;
	return j - i;
}

size_t anchors_chain(struct anchor_set *a, struct anchor_set *b, bool repeats,
		     bool dates_names_only, struct anchor_pair **out)
{
	if (a->n)
		qsort(a->v, a->n, sizeof *a->v, anchors_tok_cmp);
	if (b->n)
		qsort(b->v, b->n, sizeof *b->v, anchors_tok_cmp);
	struct anchor_pair *p = NULL;
	size_t np = 0, cap = 0, i = 0, j = 0;
	while (i < a->n && j < b->n) {
		int c = strcmp(a->v[i].key, b->v[j].key);
		if (c < 0) {
			i += anchors_run(a, i);
			continue;
		}
		if (c > 0) {
			j += anchors_run(b, j);
			continue;
		}
		size_t ca = anchors_run(a, i), cb = anchors_run(b, j);
		/* Texts that are not translations share little by chance in full dates
		 * and names, but much in bare years, months and numbers. */
		const char *key = a->v[i].key;
		bool weak = key[0] == 'n' || ((key[0] == 'y' || key[0] == 'm') && key[1] >= '0' &&
					      key[1] <= '9');
		if (ca == cb && (ca == 1 || (repeats && ca <= 4)) &&
		    !(dates_names_only && weak)) {
			for (size_t k = 0; k < ca; k++) {
				xgrow((void **)&p, &cap, np + 1, sizeof *p);
				p[np++] = (struct anchor_pair){ a->v[i + k].unit, b->v[j + k].unit,
								ca == 1 ? 2 : 1, a->v[i].date };
			}
		}
		i += ca;
		j += cb;
	}
	/* One link per pair of units, weighed by its tokens. */
	if (np)
		qsort(p, np, sizeof *p, anchors_pair_cmp);
	size_t nu = 0;
	for (size_t k = 0; k < np; k++) {
		if (nu && p[nu - 1].a == p[k].a && p[nu - 1].b == p[k].b) {
			p[nu - 1].weight += p[k].weight;
			p[nu - 1].date |= p[k].date;
		} else {
			p[nu++] = p[k];
		}
	}
	/* The heaviest increasing chain: quadratic, links are few. */
	long *best = xcalloc(nu, sizeof *best);
	size_t *prev = xcalloc(nu, sizeof *prev);
	size_t top = (size_t)-1;
	for (size_t k = 0; k < nu; k++) {
		best[k] = p[k].weight;
		prev[k] = (size_t)-1;
		for (size_t l = 0; l < k; l++)
			if (p[l].a < p[k].a && p[l].b < p[k].b && best[l] + p[k].weight > best[k]) {
				best[k] = best[l] + p[k].weight;
				prev[k] = l;
			}
		if (top == (size_t)-1 || best[k] > best[top])
			top = k;
	}
	size_t len = 0;
	for (size_t k = top; k != (size_t)-1; k = prev[k])
		len++;
	struct anchor_pair *chain = xcalloc(len ? len : 1, sizeof *chain);
	size_t w = len;
	for (size_t k = top; k != (size_t)-1; k = prev[k])
		chain[--w] = p[k];
	free(best);
	free(prev);
	free(p);
	*out = chain;
	return len;
}
