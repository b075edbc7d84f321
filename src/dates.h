/* dates.h: date expressions in running text, in English, French and Chinese.
 * dates_find says what the text states (and where, in bytes); dates_resolve
 * turns one statement into a calendar date, taking what the text leaves out
 * (the year, the month of "the same month", the day of "on Tuesday") from the
 * narrative so far and from the article's own date. Pure functions: no state
 * beyond what is passed in. */
#ifndef ANNALS_DATES_H
#define ANNALS_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include "article.h"

enum datex_kind {
	DATEX_DATE = 0,         /* a stated date: year, month and day as far as given */
	DATEX_SAME_MONTH,       /* "the same month", "le même mois", 同月, 当月 / 當月 */
	DATEX_THIS_MONTH,       /* "this month", 本月: the month of the article */
	DATEX_WEEKDAY,          /* "on Monday", "closed Tuesday", 周二: a day near the dateline */
	DATEX_RANGE,            /* "2015-2020", "2015年至2020年": a span of years */
	DATEX_DAY_OFFSET,       /* "the next day", "le lendemain", 次日, "la veille", 前一天:
				 * a day from the narrative's last one */
};

struct datex {
	size_t start, len;      /* the expression: bytes of the text */
	enum datex_kind kind;
	int year, month, day;   /* as stated; 0 when the text leaves it out */
	int year_end;           /* DATEX_RANGE: the last year */
	int weekday;            /* DATEX_WEEKDAY: 0 Sunday .. 6 Saturday */
	int offset;             /* DATEX_DAY_OFFSET: days after (+1) or before (-1) */
	enum date_precision prec;  /* what the expression pins down once resolved */
	/* The expression says when something happened ("in 2014", "2014年，", any
	 * date with a month) rather than naming a thing ("the 2021 conference",
	 * "2022年工业网络安全", "the 2015-2020 plan"). Only these make events. */
	bool temporal;
};

/* Every date expression in text[0..n), in text order, without overlaps. lang is
 * the BCP 47 tag of the text or NULL; the recognisers of every language run in
 * any case (their patterns do not collide), lang only settles doubtful cases.
 * Sets *out to a new array (caller frees; NULL when none) and returns how many. */
size_t dates_find(const char *text, size_t n, const char *lang, struct datex **out);

/* Turns x into a date. prev is the narrative so far (the last date this account
 * stated or worked out; prec DATE_NONE at the start) and ref the article's own
 * date (prec DATE_NONE when unknown). A month without a year takes the year of
 * prev, moving to the next year when the month goes backwards in the account
 * (unless that passes ref, when ref is stated rather than inferred);
 * with no narrative, the year of ref (the year before when the month is after
 * ref's: news reports the past). A weekday needs ref to the day: the most recent
 * such day on or before it. A day offset needs the narrative to the day: the
 * day after or before prev. Returns false when nothing can be worked out. Fills
 * *out; out->inferred is set when any part was not stated. */
bool dates_resolve(const struct datex *x, const struct adate *prev, const struct adate *ref,
		   struct adate *out);

/* Days in month m of year y (Gregorian), and the weekday of a date (0 Sunday). */
int dates_month_days(int y, int m);
int dates_weekday(int y, int m, int d);

#endif
