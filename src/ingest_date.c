/* ingest_date.c: the few date shapes ingest needs to date an article: stated
 * metadata, a dateline, the first sentence, else the latest date the text
 * reports. (The events module recognises far more; this is a simple scan.) */
#include <config.h>
#include "ingest_readers.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

struct ingest_month {
	const char *name;
	int month;
};
/* English (full and abbreviated) and French month names. */
static const struct ingest_month ingest_months[] = {
	{ "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
	{ "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 },
	{ "november", 11 }, { "december", 12 },
	{ "janvier", 1 }, { "février", 2 }, { "fevrier", 2 }, { "mars", 3 }, { "avril", 4 },
	{ "mai", 5 }, { "juin", 6 }, { "juillet", 7 }, { "août", 8 }, { "aout", 8 },
	{ "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 }, { "décembre", 12 },
	{ "decembre", 12 },
	{ "sept", 9 }, { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 },
	{ "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
};

static bool ingest_is_word(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

/* A month name at s[i] (at a word start); its number and the index after it. */
static int ingest_month_at(const char *s, size_t len, size_t i, size_t *end)
{
	if (i > 0 && ingest_is_word((unsigned char)s[i - 1]))
		return 0;
	for (size_t m = 0; m < sizeof ingest_months / sizeof *ingest_months; m++) {
		size_t ml = strlen(ingest_months[m].name);
		if (len - i < ml || strncasecmp(s + i, ingest_months[m].name, ml) != 0)
			continue;
		size_t j = i + ml;
		if (j < len && ingest_is_word((unsigned char)s[j]))
			continue;
		if (j < len && s[j] == '.' && ml <= 4)
			j++;
		*end = j;
		return ingest_months[m].month;
	}
	return 0;
}

/* Up to max digits at s[i], not preceded or followed by another digit. */
static int ingest_number(const char *s, size_t len, size_t i, size_t min, size_t max, size_t *end)
{
	if (i > 0 && isdigit((unsigned char)s[i - 1]))
		return -1;
	size_t j = i;
	int v = 0;
	while (j < len && isdigit((unsigned char)s[j]) && j - i < max)
		v = v * 10 + (s[j++] - '0');
	if (j - i < min || (j < len && isdigit((unsigned char)s[j])))
		return -1;
	*end = j;
	return v;
}

static bool ingest_plausible(int y, int m, int d)
{
	return y >= 1800 && y <= 2199 && m >= 0 && m <= 12 && d >= 0 && d <= 31 && (m || !d);
}

static bool ingest_set(struct adate *out, int y, int m, int d)
{
	if (!ingest_plausible(y, m, d))
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	out->prec = d ? DATE_DAY : m ? DATE_MONTH : DATE_YEAR;
	out->inferred = false;
	return true;
}

static size_t ingest_spaces(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

/* One date expression starting at s[i]; *end after it. whole: also accept
 * the bare shapes a metadata field uses ("2024", "2024-05"). */
static bool ingest_date_at(const char *s, size_t len, size_t i, struct adate *d, size_t *end,
			   bool whole)
{
	size_t j, k;
	unsigned char c = (unsigned char)s[i];
	if (isdigit(c)) {
		int y = ingest_number(s, len, i, 4, 4, &j);
		if (y >= 0 && j < len && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
			char sep = s[j];
			int m = ingest_number(s, len, j + 1, 1, 2, &k);
			if (m > 0 && k < len && s[k] == sep) {
				int dd = ingest_number(s, len, k + 1, 1, 2, end);
				if (dd > 0 && ingest_set(d, y, m, dd))
					return true;
			}
			if (whole && m > 0 && k == len && ingest_set(d, y, m, 0)) {
				*end = k;
				return true;
			}
		}
		if (y >= 0 && len - j >= 3 && memcmp(s + j, "年", 3) == 0) {
			int m = ingest_number(s, len, j + 3, 1, 2, &k);
			if (m > 0 && len - k >= 3 && memcmp(s + k, "月", 3) == 0) {
				size_t e;
				int dd = ingest_number(s, len, k + 3, 1, 2, &e);
				if (dd > 0 && len - e >= 3 && (memcmp(s + e, "日", 3) == 0 ||
							       memcmp(s + e, "号", 3) == 0) &&
				    ingest_set(d, y, m, dd)) {
					*end = e + 3;
					return true;
				}
				if (ingest_set(d, y, m, 0)) {
					*end = k + 3;
					return true;
				}
			}
			if (whole && ingest_set(d, y, 0, 0)) {
				*end = j + 3;
				return true;
			}
		}
		if (y >= 0 && whole && ingest_set(d, y, 0, 0)) {
			*end = j;
			return true;
		}
		/* 3 November 2021, le 11 septembre 2024, 1er mai 2020 */
		int dd = ingest_number(s, len, i, 1, 2, &j);
		if (dd > 0) {
			if (len - j >= 2 && strncmp(s + j, "er", 2) == 0)
				j += 2;
			size_t ms = ingest_spaces(s, len, j);
			int m = ms > j ? ingest_month_at(s, len, ms, &k) : 0;
			if (m) {
				size_t ys = ingest_spaces(s, len, k);
				int yy = ys > k ? ingest_number(s, len, ys, 4, 4, end) : -1;
				if (yy >= 0 && ingest_set(d, yy, m, dd))
					return true;
			}
		}
		return false;
	}
	if (!isalpha(c))
		return false;
	int m = ingest_month_at(s, len, i, &j);
	if (!m)
		return false;
	j = ingest_spaces(s, len, j);
	/* Month D, YYYY */
	int dd = ingest_number(s, len, j, 1, 2, &k);
	if (dd > 0) {
		size_t ys = k;
		if (ys < len && s[ys] == ',')
			ys++;
		ys = ingest_spaces(s, len, ys);
		int y = ys > k ? ingest_number(s, len, ys, 4, 4, end) : -1;
		return y >= 0 && ingest_set(d, y, m, dd);
	}
	/* Month YYYY */
	int y = ingest_number(s, len, j, 4, 4, end);
	return y >= 0 && ingest_set(d, y, m, 0);
}

bool ingest_date_parse(const char *s, size_t len, struct adate *d)
{
	while (len && s[len - 1] == ' ')
		len--;
	while (len && *s == ' ')
		s++, len--;
	size_t end;
	if (!len || !ingest_date_at(s, len, 0, d, &end, true))
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
	size_t end;
	for (size_t i = 0; i < len; i++)
		if (ingest_date_at(s, len, i, d, &end, false))
			return true;
	return false;
}

void ingest_date_latest(const char *s, size_t len, struct adate *latest)
{
	struct adate d;
	size_t end;
	for (size_t i = 0; i < len; i++) {
		if (ingest_date_at(s, len, i, &d, &end, false)) {
			if (adate_compare(&d, latest) > 0 || latest->prec == DATE_NONE)
				*latest = d;
			i = end - 1;
		}
	}
}
