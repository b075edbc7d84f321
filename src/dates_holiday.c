/* dates_holiday.c: holidays whose day follows from the year: fixed ones
 * (Christmas, New Year's Day, Noël, 元旦, 国庆节), ones counted from Easter
 * (Good Friday, lundi de Pâques), the fourth Thursday of November
 * (Thanksgiving), and the Chinese New Year (春节), the second new moon after
 * the month of the winter solstice, worked out from the moon's mean motion
 * with Meeus's main periodic terms (Astronomical Algorithms, ch. 49) in
 * Beijing time.
 *
 * The names are data: one table. Each says whether it is a time alone
 * ("Christmas Day", "Thanksgiving Day", 春节) or also a word of other things
 * ("Christmas tree", "Easter Island", "marché de Noël"), a time only where the
 * words around make it one (dates.c decides). */
#include <config.h>
#include "dates_int.h"

#include <math.h>
#include <string.h>

enum dates_holiday_rule {
	HR_FIXED,               /* month and day */
	HR_EASTER,              /* days from Easter Sunday */
	HR_NTH_WEEKDAY,         /* the nth weekday of a month */
	HR_LUNAR_NEW_YEAR,      /* days from the Chinese New Year */
};

struct dates_holiday {
	const char *name;       /* as written; a space is any run of spaces, an
				 * apostrophe ' or ’ */
	enum dates_holiday_rule rule;
	int month, day;         /* HR_FIXED; otherwise a usual day, to place the year */
	int offset;             /* HR_EASTER, HR_LUNAR_NEW_YEAR: days; HR_NTH_WEEKDAY: nth */
	int weekday;            /* HR_NTH_WEEKDAY: 0 Sunday .. 6 Saturday */
	bool alone;             /* a time without a cue word */
};

static const struct dates_holiday dates_holidays[] = {
	/* English */
	{ "Christmas Day", HR_FIXED, 12, 25, 0, 0, true },
	{ "Christmas Eve", HR_FIXED, 12, 24, 0, 0, true },
	{ "Christmas", HR_FIXED, 12, 25, 0, 0, false },
	{ "New Year's Day", HR_FIXED, 1, 1, 0, 0, true },
	{ "New Year's Eve", HR_FIXED, 12, 31, 0, 0, true },
	{ "Boxing Day", HR_FIXED, 12, 26, 0, 0, true },
	{ "Valentine's Day", HR_FIXED, 2, 14, 0, 0, true },
	{ "Bastille Day", HR_FIXED, 7, 14, 0, 0, true },
	{ "Halloween", HR_FIXED, 10, 31, 0, 0, false },
	{ "Veterans Day", HR_FIXED, 11, 11, 0, 0, true },
	{ "Armistice Day", HR_FIXED, 11, 11, 0, 0, true },
	{ "Thanksgiving Day", HR_NTH_WEEKDAY, 11, 25, 4, 4, true },
	{ "Thanksgiving", HR_NTH_WEEKDAY, 11, 25, 4, 4, false },
	{ "Easter Sunday", HR_EASTER, 4, 8, 0, 0, true },
	{ "Easter Monday", HR_EASTER, 4, 8, 1, 0, true },
	{ "Easter", HR_EASTER, 4, 8, 0, 0, false },
	{ "Good Friday", HR_EASTER, 4, 8, -2, 0, true },
	/* French */
	{ "jour de Noël", HR_FIXED, 12, 25, 0, 0, true },
	{ "veille de Noël", HR_FIXED, 12, 24, 0, 0, true },
	{ "Noël", HR_FIXED, 12, 25, 0, 0, false },
	{ "jour de l'An", HR_FIXED, 1, 1, 0, 0, true },
	{ "Saint-Sylvestre", HR_FIXED, 12, 31, 0, 0, false },
	{ "Toussaint", HR_FIXED, 11, 1, 0, 0, false },
	{ "dimanche de Pâques", HR_EASTER, 4, 8, 0, 0, true },
	{ "lundi de Pâques", HR_EASTER, 4, 8, 1, 0, true },
	{ "vendredi saint", HR_EASTER, 4, 8, -2, 0, true },
	{ "Pâques", HR_EASTER, 4, 8, 0, 0, false },
	/* Chinese */
	{ "元旦", HR_FIXED, 1, 1, 0, 0, true },
	{ "圣诞节", HR_FIXED, 12, 25, 0, 0, true },
	{ "聖誕節", HR_FIXED, 12, 25, 0, 0, true },
	{ "平安夜", HR_FIXED, 12, 24, 0, 0, true },
	{ "情人节", HR_FIXED, 2, 14, 0, 0, true },
	{ "情人節", HR_FIXED, 2, 14, 0, 0, true },
	{ "劳动节", HR_FIXED, 5, 1, 0, 0, true },
	{ "勞動節", HR_FIXED, 5, 1, 0, 0, true },
	{ "国庆节", HR_FIXED, 10, 1, 0, 0, true },
	{ "国庆", HR_FIXED, 10, 1, 0, 0, true },
	{ "双十节", HR_FIXED, 10, 10, 0, 0, true },
	{ "雙十節", HR_FIXED, 10, 10, 0, 0, true },
	{ "春节", HR_LUNAR_NEW_YEAR, 2, 1, 0, 0, true },
	{ "春節", HR_LUNAR_NEW_YEAR, 2, 1, 0, 0, true },
	{ "农历新年", HR_LUNAR_NEW_YEAR, 2, 1, 0, 0, true },
	{ "農曆新年", HR_LUNAR_NEW_YEAR, 2, 1, 0, 0, true },
	{ "除夕", HR_LUNAR_NEW_YEAR, 1, 31, -1, 0, true },
	{ "元宵节", HR_LUNAR_NEW_YEAR, 2, 15, 14, 0, true },
	{ "元宵節", HR_LUNAR_NEW_YEAR, 2, 15, 14, 0, true },
};

/* Does name match the text at i? Its end in *end. */
static bool dates_holiday_match(const char *s, size_t n, size_t i, const char *name, size_t *end)
{
	size_t j = i;
	for (const char *p = name; *p; p++) {
		if (*p == ' ') {
			size_t k = dates_skip_spaces(s, n, j);
			if (k == j)
				return false;
			j = k;
		} else if (*p == '\'') {
			if (j < n && s[j] == '\'')
				j++;
			else if (j + 3 <= n && memcmp(s + j, "\xE2\x80\x99", 3) == 0)
				j += 3;
			else
				return false;
		} else if (j < n && s[j] == *p) {
			j++;
		} else {
			return false;
		}
	}
	size_t len;
	if ((unsigned char)name[0] < 0x80 || (unsigned char)name[0] == 0xC3) {
		if (dates_is_latin(dates_cp(s, n, j, &len)))
			return false;   /* "Christmastime", "Noëlle" */
	}
	*end = j;
	return true;
}

size_t dates_holiday_at(const char *s, size_t n, size_t i, struct datex *x, bool *alone)
{
	const struct dates_holiday *best = NULL;
	size_t best_end = 0;
	for (size_t k = 0; k < sizeof dates_holidays / sizeof *dates_holidays; k++) {
		const struct dates_holiday *h = &dates_holidays[k];
		size_t e;
		if ((unsigned char)h->name[0] != (unsigned char)s[i] ||
		    !dates_holiday_match(s, n, i, h->name, &e) || e <= best_end)
			continue;
		best = h;
		best_end = e;
	}
	if (!best)
		return 0;
	memset(x, 0, sizeof *x);
	x->kind = DATEX_DATE;
	x->start = i;
	x->len = best_end - i;
	x->month = best->month;
	x->day = best->day;
	x->prec = DATE_DAY;
	x->holiday = (int)(best - dates_holidays) + 1;
	x->temporal = true;
	*alone = best->alone;
	return best_end;
}

/* Easter Sunday of year y (Gregorian; the anonymous algorithm). */
static void dates_holiday_easter(int y, int *m, int *d)
{
	int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - dd - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int mm = (a + 11 * h + 22 * l) / 451;
	*m = (h + l - 7 * mm + 114) / 31;
	*d = (h + l - 7 * mm + 114) % 31 + 1;
}

/* The Julian day of new moon number k (0: 6 January 2000), Meeus ch. 49. */
static double dates_holiday_new_moon(double k)
{
	const double rad = 3.14159265358979323846 / 180.0;
	double t = k / 1236.85, e = 1 - 0.002516 * t - 0.0000074 * t * t;
	double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t * t;
	double m = (2.5534 + 29.1053567 * k) * rad;
	double mp = (201.5643 + 385.81693528 * k + 0.0107582 * t * t) * rad;
	double f = (160.7108 + 390.67050284 * k - 0.0016118 * t * t) * rad;
	double om = (124.7746 - 1.56375588 * k + 0.0020672 * t * t) * rad;
	jde += -0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) +
	       0.01039 * sin(2 * f) + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) +
	       0.00208 * e * e * sin(2 * m) - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) +
	       0.00056 * e * sin(2 * mp + m) - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) +
	       0.00038 * e * sin(m - 2 * f) - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om);
	return jde;
}

/* The day (in Beijing, UTC+8; days since 1970-01-01) of a Julian day. */
static long dates_holiday_beijing_day(double jd)
{
	return (long)floor(jd + 8.0 / 24.0 + 0.5) - 2440588;
}

/* The Chinese New Year of year y: the second new moon after the one that
 * opens the month holding the winter solstice of y - 1 (Meeus's mean
 * solstice, ch. 27), in Beijing days. Days since 1970-01-01. A leap month
 * between the eleventh and the first (as in the winter of 2033) is not known
 * here: that year comes out a month early. */
static long dates_holiday_lunar_new_year(int y)
{
	double Y = (y - 1 - 2000) / 1000.0;
	double solstice = 2451900.05952 + 365242.74049 * Y - 0.06223 * Y * Y - 0.00823 * Y * Y * Y;
	long sday = dates_holiday_beijing_day(solstice);
	double k = floor((y - 1 - 2000 + 11.5 / 12.0) * 12.3685) - 2;
	/* the last new moon on or before the solstice's day */
	while (dates_holiday_beijing_day(dates_holiday_new_moon(k + 1)) <= sday)
		k++;
	while (dates_holiday_beijing_day(dates_holiday_new_moon(k)) > sday)
		k--;
	return dates_holiday_beijing_day(dates_holiday_new_moon(k + 2));
}

bool dates_holiday_date(int holiday, int y, int *m, int *d)
{
	if (holiday < 1 || (size_t)holiday > sizeof dates_holidays / sizeof *dates_holidays ||
	    y < 1583 || y > 2999)
		return false;
	const struct dates_holiday *h = &dates_holidays[holiday - 1];
	switch (h->rule) {
	case HR_FIXED:
		*m = h->month;
		*d = h->day;
		return true;
	case HR_NTH_WEEKDAY: {
		int first = dates_weekday(y, h->month, 1);
		*m = h->month;
		*d = 1 + (h->weekday - first + 7) % 7 + 7 * (h->offset - 1);
		return true;
	}
	case HR_EASTER: {
		int em, ed;
		dates_holiday_easter(y, &em, &ed);
		dates_from_day_number(dates_day_number(y, em, ed) + h->offset, &y, m, d);
		return true;
	}
	case HR_LUNAR_NEW_YEAR:
		dates_from_day_number(dates_holiday_lunar_new_year(y) + h->offset, &y, m, d);
		return true;
	}
	return false;
}
