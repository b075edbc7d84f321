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
	DATEX_RELATIVE,         /* a count of days, weeks, months or years from the
				 * article's date ("yesterday", "last week", "two years
				 * ago", 去年, "il y a deux ans") or from the narrative's
				 * ("two days later", "the following year", 次年, 同年) */
	DATEX_DECADE,           /* "the 1990s", "les années 1990", 上世纪90年代 */
	DATEX_DAY_OF_MONTH,     /* a day alone, 李克强20日表示: a day of the dateline's
				 * month (or the one before), or of the account's */
};

/* The unit of a DATEX_RELATIVE count. */
enum dates_unit { DATES_UNIT_DAY = 1, DATES_UNIT_WEEK, DATES_UNIT_MONTH, DATES_UNIT_YEAR };

/* A stretch of time coarser than its precision says, or finer than a year and
 * not a month: kept beside the date so that it reads as such ("autumn 2011",
 * "the 1990s", "the week of ..."). */
enum dates_period {
	DATES_PERIOD_NONE = 0,
	DATES_PERIOD_DECADE,    /* date: the decade's first year */
	DATES_PERIOD_WEEK,      /* date: its Monday (or the month's 1st, 8th, ...) */
	DATES_PERIOD_SPRING,    /* seasons: date the first month, end the last */
	DATES_PERIOD_SUMMER,
	DATES_PERIOD_AUTUMN,
	DATES_PERIOD_WINTER,
	DATES_PERIOD_QUARTER,   /* date the first month, end the last */
	/* The early, middle or late part of a year or month ("late 2016", "mid-
	 * March", "2016年底", "début mars", "year-end"): date the year or month
	 * itself, no end. */
	DATES_PERIOD_EARLY,
	DATES_PERIOD_MID,
	DATES_PERIOD_LATE,
};

/* Is p the part of a year or month? */
static inline bool dates_period_is_part(enum dates_period p)
{
	return p == DATES_PERIOD_EARLY || p == DATES_PERIOD_MID || p == DATES_PERIOD_LATE;
}

/* Where the year of a resolved date came from. */
enum dates_frame {
	DATES_FRAME_STATED = 0, /* the expression states it */
	DATES_FRAME_ARTICLE,    /* the article's own date (reporting) */
	DATES_FRAME_NARRATIVE,  /* the last date the account established */
};

struct datex {
	size_t start, len;      /* the expression: bytes of the text */
	enum datex_kind kind;
	int year, month, day;   /* as stated; 0 when the text leaves it out */
	int year_end;           /* DATEX_RANGE: the last year (0: the start's) */
	int month_end, day_end; /* DATEX_RANGE: the end's month and day, when given */
	int weekday;            /* DATEX_WEEKDAY: 0 Sunday .. 6 Saturday */
	int offset;             /* DATEX_DAY_OFFSET: days after (+1) or before (-1);
				 * DATEX_RELATIVE: units after (+) or before (-) */
	enum dates_unit unit;   /* DATEX_RELATIVE */
	bool narrative;         /* DATEX_RELATIVE: from the narrative, not the article */
	bool or_ref;            /* DATEX_RELATIVE: with no narrative, the article's date
				 * ("later in the day"), where "the same day" is none */
	int tense;              /* a month or weekday said to be past (-1: "last June",
				 * "mardi dernier") or to come (+1: "next Monday",
				 * "juin prochain"); 0 when the words do not say */
	bool rel_year;          /* DATEX_DATE: the year is offset years from the
				 * article's (or with narrative, the account's):
				 * 去年3月, "in March last year", 同年10月 */
	bool done;              /* a date naming a thing done ("the Aug. 7 blasts",
				 * "Wednesday's ruling"): past when the words say no tense */
	bool bound;             /* a year after "since", "until", "by": the bound of
				 * a state, which moves no narrative */
	enum dates_period period;
	int part;               /* DATES_PERIOD_QUARTER: 1..4 */
	int holiday;            /* DATEX_DATE: a holiday (dates_holiday.c, 1-based) whose
				 * day follows from the year; month and day are its
				 * usual ones until the year is known */
	enum date_precision prec;  /* what the expression pins down once resolved */
	/* The expression says when something happened ("in 2014", "2014年，", any
	 * date with a month) rather than naming a thing ("the 2021 conference",
	 * "2022年工业网络安全", "the 2015-2020 plan"). Only these make events. */
	bool temporal;
	/* Not temporal, but a year that dates the thing it names ("a 2012
	 * survey", "the 2006 raid", 2015年版): an event at year precision that
	 * moves no narrative. */
	bool modifier;
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

/* What dates_resolve_in knows beside the expression: the narrative so far
 * (prev), the article's date (ref), the tense of the words around the
 * expression (-1 past, +1 to come, 0 unknown), and which of the two frames a
 * month or day without a year is read in (narrative true: the account's last
 * year; false: the article's date and the tense). */
struct dates_ctx {
	struct adate prev, ref;
	int tense;
	bool narrative;
};

/* A resolved expression: its date (a week's Monday, a season's or quarter's
 * first month, a decade's first year), the end of a range or period (prec
 * DATE_NONE when there is none), the period, and where the year came from. */
struct dates_when {
	struct adate date, end;
	enum dates_period period;
	enum dates_frame frame;
};

/* dates_resolve with all that: a month without a year in the article frame is
 * the most recent such month on or before ref, or with a tense to come the next
 * on or after it; in the narrative frame, as dates_resolve says. */
bool dates_resolve_in(const struct datex *x, const struct dates_ctx *ctx, struct dates_when *out);

/* The tense of the words around byte at of the sentence s[a..b): the nearest
 * marker before at ("will", "said", 将, "prochain"), else the nearest after;
 * -1 past, +1 to come, 0 none. */
int dates_tense(const char *s, size_t a, size_t b, size_t at);

/* "decade", "year", "month", "week" or "day": the precision a user reads. */
const char *dates_precision_name(const struct adate *d, enum dates_period period);
/* "early", "mid" or "late" for a part of a year or month; NULL otherwise. */
const char *dates_part_name(enum dates_period period);
const char *dates_frame_name(enum dates_frame f);

/* Days in month m of year y (Gregorian), and the weekday of a date (0 Sunday). */
int dates_month_days(int y, int m);
int dates_weekday(int y, int m, int d);

#endif
