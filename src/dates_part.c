/* dates_part.c: the early, middle or late part of a year or month, read from
 * the words around an expression the scan has found: a word before it
 * ("early 2016", "mid-March", "late last year", "début 2016", "fin mars", "the
 * end of 2016", "la fin de l'année dernière") or a character after it
 * (2016年初, 2016年底, 3月下旬, 去年年底, 本月初). The part is recorded as the
 * expression's period and its span takes the words in; the date stays the
 * year or month (a reader is told "late 2016", not a made-up day). The parts
 * that stand alone ("year-end", "the end of the year", 年底, 月初) are phrases
 * of dates_phrase.c. */
#include <config.h>
#include "dates_int.h"

#include <string.h>

/* The Latin word that ends at e (after spaces, or one hyphen: "mid-2016"),
 * lowercased into w; its start, or e when none. */
static size_t dates_part_word_before(const char *s, size_t n, size_t e, char *w, size_t size)
{
	size_t j = e;
	while (j > 0 && s[j - 1] == ' ')
		j--;
	if (j == e && j > 0 && s[j - 1] == '-')
		j--;
	else if (j == e)
		return e;
	size_t end = j, st;
	while (j > 0) {
		size_t len;
		st = j - 1;
		while (st > 0 && ((unsigned char)s[st] & 0xC0) == 0x80)
			st--;
		if (!dates_is_latin(dates_cp(s, n, st, &len)))
			break;
		j = st;
	}
	if (j == end || !dates_word_lower(s, j, end, w, size))
		return e;
	return j;
}

/* The part a Latin cue before x names, and where the cue starts. */
static enum dates_period dates_part_before(const char *s, size_t n, size_t at, size_t *start)
{
	static const struct { const char *w; enum dates_period p; } one[] = {
		{ "early", DATES_PERIOD_EARLY }, { "mid", DATES_PERIOD_MID },
		{ "late", DATES_PERIOD_LATE }, { "début", DATES_PERIOD_EARLY },
		{ "mi", DATES_PERIOD_MID }, { "fin", DATES_PERIOD_LATE },
	};
	/* "the end of", "la fin de", "au début de", "le milieu de" */
	static const struct { const char *w; enum dates_period p; } of[] = {
		{ "beginning", DATES_PERIOD_EARLY }, { "start", DATES_PERIOD_EARLY },
		{ "middle", DATES_PERIOD_MID }, { "end", DATES_PERIOD_LATE },
		{ "début", DATES_PERIOD_EARLY }, { "milieu", DATES_PERIOD_MID },
		{ "fin", DATES_PERIOD_LATE },
	};
	char w[16], w2[16];
	size_t ws = dates_part_word_before(s, n, at, w, sizeof w);
	if (ws == at)
		return DATES_PERIOD_NONE;
	for (size_t k = 0; k < sizeof one / sizeof *one; k++) {
		if (strcmp(w, one[k].w) == 0) {
			*start = ws;
			return one[k].p;
		}
	}
	if (strcmp(w, "of") != 0 && strcmp(w, "de") != 0 && strcmp(w, "du") != 0 &&
	    !(strcmp(w, "d") == 0 && ws + 1 < at && s[ws + 1] == '\''))
		return DATES_PERIOD_NONE;
	size_t ws2 = dates_part_word_before(s, n, ws, w2, sizeof w2);
	if (ws2 == ws)
		return DATES_PERIOD_NONE;
	for (size_t k = 0; k < sizeof of / sizeof *of; k++) {
		if (strcmp(w2, of[k].w) == 0) {
			*start = ws2;
			return of[k].p;
		}
	}
	return DATES_PERIOD_NONE;
}

/* The part a Chinese suffix at e names (初 底 末 上旬 中旬 下旬, after a year
 * also 年初 年底 年末 for 去年年底), and its end. year says x ends with 年. */
static enum dates_period dates_part_after(const char *s, size_t n, size_t e, bool year,
					  size_t *end)
{
	static const struct { const char *w; enum dates_period p; bool year, month; } suf[] = {
		{ "年初", DATES_PERIOD_EARLY, true, false }, { "年底", DATES_PERIOD_LATE, true, false },
		{ "年末", DATES_PERIOD_LATE, true, false }, { "初", DATES_PERIOD_EARLY, true, true },
		{ "底", DATES_PERIOD_LATE, true, true }, { "末", DATES_PERIOD_LATE, true, true },
		{ "上旬", DATES_PERIOD_EARLY, false, true }, { "中旬", DATES_PERIOD_MID, false, true },
		{ "下旬", DATES_PERIOD_LATE, false, true },
	};
	for (size_t k = 0; k < sizeof suf / sizeof *suf; k++) {
		size_t l = strlen(suf[k].w);
		if ((year ? suf[k].year : suf[k].month) && e + l <= n && memcmp(s + e, suf[k].w, l) == 0 &&
		    !(e + l + 3 <= n && memcmp(s + e + l - 3, "初", 3) == 0 &&
		      (memcmp(s + e + l, "步", 3) == 0 || memcmp(s + e + l, "次", 3) == 0))) {
			*end = e + l;
			return suf[k].p;
		}
	}
	return DATES_PERIOD_NONE;
}

void dates_parts(const char *s, size_t n, struct datex *v, size_t nv)
{
	for (size_t k = 0; k < nv; k++) {
		struct datex *x = &v[k];
		enum date_precision prec = x->prec;
		bool fits = x->period == DATES_PERIOD_NONE && !x->holiday &&
			    ((x->kind == DATEX_DATE && (prec == DATE_YEAR || prec == DATE_MONTH)) ||
			     (x->kind == DATEX_RELATIVE && (x->unit == DATES_UNIT_YEAR ||
							    x->unit == DATES_UNIT_MONTH)) ||
			     x->kind == DATEX_THIS_MONTH || x->kind == DATEX_SAME_MONTH);
		if (!fits)
			continue;
		size_t e = x->start + x->len, lo = k ? v[k - 1].start + v[k - 1].len : 0;
		size_t hi = k + 1 < nv ? v[k + 1].start : n, start = x->start, end = e;
		enum dates_period p = DATES_PERIOD_NONE;
		bool han_end = e >= 3 && (unsigned char)s[e - 3] >= 0xE3 && (unsigned char)s[e - 3] <= 0xE9;
		if (han_end) {
			bool year = memcmp(s + e - 3, "年", 3) == 0;
			p = dates_part_after(s, n, e, year, &end);
			if (p && end > hi)
				p = DATES_PERIOD_NONE;
		} else {
			p = dates_part_before(s, n, x->start, &start);
			if (p && start < lo)
				p = DATES_PERIOD_NONE;
		}
		if (!p)
			continue;
		x->period = p;
		x->temporal = true;
		x->modifier = false;
		x->len = end - start;
		x->start = start;
	}
}
