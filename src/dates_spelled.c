/* dates_spelled.c: years written in English words, as transcripts and spoken
 * news give them: "nineteen ninety-six", "nineteen oh five", "nineteen
 * hundred", "twenty twenty-two", "two thousand and eight". The century-and-
 * tens form is a year and nothing else (a count would say "one thousand nine
 * hundred ninety-six"); "two thousand ..." is as often a count, and the
 * caller takes it as a year only where a year is asked for ("the year two
 * thousand", "January two thousand"). */
#include <config.h>
#include "dates_int.h"

#include <string.h>

struct dates_spelled_word {
	const char *w;
	int v;
};

static const struct dates_spelled_word dates_spelled_units[] = {
	{ "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
	{ "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 },
};
static const struct dates_spelled_word dates_spelled_teens[] = {
	{ "ten", 10 }, { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 },
	{ "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 },
	{ "eighteen", 18 }, { "nineteen", 19 },
};
static const struct dates_spelled_word dates_spelled_tens[] = {
	{ "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
	{ "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
};

#define DATES_SPELLED_LOOKUP(w, t) dates_spelled_lookup((w), (t), sizeof (t) / sizeof *(t))

static int dates_spelled_lookup(const char *w, const struct dates_spelled_word *t, size_t nt)
{
	for (size_t k = 0; k < nt; k++)
		if (strcmp(w, t[k].w) == 0)
			return t[k].v;
	return 0;
}

/* The lowercased ASCII word at i into w; its end, or i when none. */
static size_t dates_spelled_word(const char *s, size_t n, size_t i, char *w, size_t size)
{
	size_t we = dates_word_end(s, n, i);
	if (we == i || !dates_word_lower(s, i, we, w, size))
		return i;
	return we;
}

/* The word after spaces (or one hyphen, when hyphen) at i; its start in *ws. */
static size_t dates_spelled_next(const char *s, size_t n, size_t i, bool hyphen, char *w,
				 size_t size, size_t *ws)
{
	size_t j = hyphen && i < n && s[i] == '-' ? i + 1 : dates_skip_spaces(s, n, i);
	if (j == i)
		return i;
	*ws = j;
	size_t e = dates_spelled_word(s, n, j, w, size);
	return e == j ? i : e;
}

/* A number from 1 to 99 in words at i ("six", "twelve", "ninety-six", "ninety
 * six"): its value and end; 0 when none. */
static int dates_spelled_below_100(const char *s, size_t n, size_t i, size_t *end)
{
	char w[16];
	size_t e = dates_spelled_word(s, n, i, w, sizeof w);
	if (e == i)
		return 0;
	int v;
	if ((v = DATES_SPELLED_LOOKUP(w, dates_spelled_units)) ||
	    (v = DATES_SPELLED_LOOKUP(w, dates_spelled_teens))) {
		*end = e;
		return v;
	}
	if (!(v = DATES_SPELLED_LOOKUP(w, dates_spelled_tens)))
		return 0;
	*end = e;
	char u[16];
	size_t us, ue = dates_spelled_next(s, n, e, true, u, sizeof u, &us);
	int uv = ue > e ? DATES_SPELLED_LOOKUP(u, dates_spelled_units) : 0;
	if (uv) {
		*end = ue;
		return v + uv;
	}
	return v;
}

int dates_spelled_year(const char *s, size_t n, size_t i, bool *count_like, size_t *end)
{
	char w[16], w2[16];
	size_t e = dates_spelled_word(s, n, i, w, sizeof w), ws2;
	if (e == i)
		return 0;
	int century = DATES_SPELLED_LOOKUP(w, dates_spelled_teens);
	if (strcmp(w, "twenty") == 0)
		century = 20;
	if (strcmp(w, "two") == 0) {
		/* "two thousand", "two thousand and eight", "two thousand eight" */
		size_t e2 = dates_spelled_next(s, n, e, false, w2, sizeof w2, &ws2);
		if (e2 == e || strcmp(w2, "thousand") != 0)
			return 0;
		*count_like = true;
		*end = e2;
		size_t j = e2, k;
		char a[8];
		size_t as, ae = dates_spelled_next(s, n, e2, false, a, sizeof a, &as);
		if (ae > e2 && strcmp(a, "and") == 0)
			j = ae;
		size_t ns = dates_skip_spaces(s, n, j);
		int v = ns > j ? dates_spelled_below_100(s, n, ns, &k) : 0;
		if (v) {
			*end = k;
			return 2000 + v;
		}
		return 2000;
	}
	if (century < 18 || century > 20)
		return 0;
	size_t e2 = dates_spelled_next(s, n, e, false, w2, sizeof w2, &ws2);
	if (e2 == e)
		return 0;
	*count_like = false;
	if (century < 20 && strcmp(w2, "hundred") == 0) {
		*end = e2;
		return century * 100;
	}
	if (strcmp(w2, "oh") == 0 || strcmp(w2, "o") == 0) {
		char u[16];
		size_t us, ue = dates_spelled_next(s, n, e2, false, u, sizeof u, &us);
		int uv = ue > e2 ? DATES_SPELLED_LOOKUP(u, dates_spelled_units) : 0;
		if (!uv)
			return 0;
		*end = ue;
		return century * 100 + uv;
	}
	size_t k;
	int v = dates_spelled_below_100(s, n, ws2, &k);
	/* "nineteen ninety-six", not "fifteen twenty-year-olds" */
	if (v < 10 || (k < n && s[k] == '-'))
		return 0;
	*end = k;
	return century * 100 + v;
}
