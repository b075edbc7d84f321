/* ingest_date.c: dating an article: stated metadata, a dateline, the first
 * sentence, else the latest date the text reports. The expressions are read by
 * dates.h, the recogniser the timeline uses, so an article's date and its
 * events never disagree about what a date looks like. */
#include <config.h>
#include "ingest_readers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "xalloc.h"

static bool ingest_date_set(struct adate *out, int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 0 || m > 12 || d < 0 || (d && (!m || d > dates_month_days(y, m))))
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	out->prec = d ? DATE_DAY : m ? DATE_MONTH : DATE_YEAR;
	out->inferred = false;
	return true;
}

/* "2024-05": a metadata shape that running text does not use for a month. */
static bool ingest_date_year_month(const char *s, size_t len, struct adate *d)
{
	if (len != 7 || s[4] != '-')
		return false;
	for (size_t i = 0; i < len; i++)
		if (i != 4 && !isdigit((unsigned char)s[i]))
			return false;
	return ingest_date_set(d, atoi(s), atoi(s + 5), 0);
}

/* ISO 8601's basic form: 20230704. */
static bool ingest_date_basic(const char *s, size_t len, struct adate *d)
{
	if (len != 8)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	int v = atoi(s);
	return v / 100 % 100 && v % 100 && ingest_date_set(d, v / 10000, v / 100 % 100, v % 100);
}

bool ingest_date_parse(const char *s, size_t len, struct adate *d)
{
	while (len && s[len - 1] == ' ')
		len--;
	while (len && *s == ' ')
		s++, len--;
	if (!len)
		return false;
	if (ingest_date_year_month(s, len, d) || ingest_date_basic(s, len, d))
		return true;
	struct datex *x;
	size_t n = dates_find(s, len, NULL, &x);
	bool ok = n >= 1 && x[0].start == 0 && x[0].kind == DATEX_DATE && x[0].year &&
		  ingest_date_set(d, x[0].year, x[0].month, x[0].day);
	size_t end = ok ? x[0].len : 0;
	free(x);
	if (!ok)
		return false;
	/* Whatever follows must be a time of day ("19:38:01", "T02:14:18.05Z"). */
	if (end < len && (s[end] == 'T' || s[end] == ' ')) {
		end++;
		while (end < len && strchr("0123456789:.+-Z ", s[end]))
			end++;
	}
	return end == len;
}

bool ingest_date_first(const char *s, size_t len, struct adate *d)
{
	struct datex *x;
	size_t n = dates_find(s, len, NULL, &x);
	bool found = false;
	for (size_t i = 0; i < n && !found; i++)
		found = x[i].kind == DATEX_DATE && x[i].year && x[i].month &&
			ingest_date_set(d, x[i].year, x[i].month, x[i].day);
	free(x);
	return found;
}

/* The narrative of one language of an article: the last date it stated or
 * worked out, so that "In May," after "October 2014" is read as May 2015. */
struct ingest_narrative {
	char lang[LANG_TAG_MAX];
	struct adate prev;
};

void ingest_date_latest(const struct article *a, struct adate *latest)
{
	/* One narrative a language: a handful, whatever the paragraphs. */
	struct ingest_narrative *acc = NULL;
	size_t nacc = 0, cap = 0;
	const struct adate none = { 0 };
	for (size_t i = 0; i < a->npara; i++) {
		const struct paragraph *p = &a->paras[i];
		if (p->kind == PARA_IMAGE)
			continue;
		size_t k = 0;
		while (k < nacc && strcmp(acc[k].lang, p->lang) != 0)
			k++;
		if (k == nacc) {
			xgrow((void **)&acc, &cap, nacc + 1, sizeof *acc);
			memset(&acc[nacc], 0, sizeof *acc);
			memcpy(acc[nacc++].lang, p->lang, LANG_TAG_MAX);
		}
		struct datex *x;
		size_t n = dates_find(p->text, strlen(p->text), p->lang, &x);
		for (size_t j = 0; j < n; j++) {
			struct adate d;
			if (!x[j].temporal || x[j].kind == DATEX_RANGE ||
			    !dates_resolve(&x[j], &acc[k].prev, &none, &d))
				continue;
			acc[k].prev = d;
			if (latest->prec == DATE_NONE || adate_compare(&d, latest) > 0)
				*latest = d;
		}
		free(x);
	}
	free(acc);
}
