/* dates_resolve.c: from what an expression states to a calendar date. The
 * recogniser (dates.c) says what the words pin down; what they leave out comes
 * from one of two frames, as a careful reader takes it:
 *   - the article's own date (the dateline): "yesterday", "last June", "on
 *     Tuesday", "two years ago", and in reporting a month without a year, whose
 *     year follows the tense ("will meet in April" stays in the future);
 *   - the narrative: the last date the account established, for "two days
 *     later", "the following year", 次年, 同年, and for a month without a year
 *     in a history, where a month going backwards moves to the next year.
 * Which frame a month without a year is read in is decided per sentence by the
 * caller (events.c) and passed in; the frame used is recorded. */
#include <config.h>
#include "dates.h"
#include "dates_int.h"

#include <string.h>

int dates_month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int dates_weekday(int y, int m, int d)
{
	/* Sakamoto's method. */
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	if (m < 3)
		y -= 1;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static bool dates_resolve_valid(int y, int m, int d)
{
	if (m < 1 || m > 12)
		return false;
	return d == 0 || (d >= 1 && d <= dates_month_days(y, m));
}

/* Days since 1970-01-01 and back (Hinnant's civil-from-days algorithms). */
static long dates_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static struct adate dates_civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	int y = (int)(yoe + era * 400) + (m <= 2);
	return (struct adate){ y, m, d, DATE_DAY, true };
}

long dates_day_number(int y, int m, int d)
{
	return dates_days_from_civil(y, m, d);
}

void dates_from_day_number(long z, int *y, int *m, int *d)
{
	struct adate a = dates_civil_from_days(z);
	*y = a.year;
	*m = a.month;
	*d = a.day;
}

static struct adate dates_add_days(const struct adate *a, int n)
{
	return dates_civil_from_days(dates_days_from_civil(a->year, a->month, a->day) + n);
}

static void dates_add_months(int *y, int *m, int n)
{
	int k = *y * 12 + (*m - 1) + n;
	*y = k >= 0 ? k / 12 : -((11 - k) / 12);
	*m = k - *y * 12 + 1;
}

/* The first and last month of a season or quarter (winter runs December to
 * February, from the year it starts in). */
static int dates_period_first_month(enum dates_period p, int part)
{
	switch (p) {
	case DATES_PERIOD_SPRING: return 3;
	case DATES_PERIOD_SUMMER: return 6;
	case DATES_PERIOD_AUTUMN: return 9;
	case DATES_PERIOD_WINTER: return 12;
	case DATES_PERIOD_QUARTER: return part >= 1 && part <= 4 ? 3 * part - 2 : 0;
	default: return 0;
	}
}

/* A season or quarter of year y: date its first month, end its last. */
static bool dates_span_months(int y, enum dates_period p, int part, struct dates_when *out)
{
	int m = dates_period_first_month(p, part);
	if (!m)
		return false;
	out->date = (struct adate){ y, m, 0, DATE_MONTH, out->date.inferred };
	int ey = y, em = m;
	dates_add_months(&ey, &em, 2);
	out->end = (struct adate){ ey, em, 0, DATE_MONTH, out->date.inferred };
	out->period = p;
	return true;
}

/* A week from its first day: date that day, end six days on. */
static void dates_span_week(const struct adate *first, struct dates_when *out)
{
	out->date = *first;
	out->date.prec = DATE_DAY;
	out->end = dates_add_days(first, 6);
	out->end.inferred = first->inferred;
	out->period = DATES_PERIOD_WEEK;
}

/* The year of month m (day d, or 0) read in the article frame: ref's year,
 * one back when the month is still to come in it (news tells the past), one
 * on when the words say it is to come and it has passed. */
static int dates_article_year(int m, int d, int tense, bool said, const struct adate *ref)
{
	int y = ref->year;
	if (ref->prec < DATE_MONTH)
		return y;
	int M = ref->month, D = ref->prec == DATE_DAY ? ref->day : 0;
	if (tense > 0) {
		if (m < M || (m == M && d && D && d < D))
			y++;
	} else if (tense < 0) {
		if (m > M || (said && m == M && !d))
			y--;    /* "juin dernier" in June is a year back */
	} else {
		/* No tense: the nearer of this year's and last year's (a report
		 * speaks of the weeks around it: "payable Dec. 7" in November is
		 * this December, "in February" in November the last one), and of
		 * this year's and next year's in the last months of the year. */
		int here = m * 31 + d, now = M * 31 + (D ? D : 15);
		if (here > now && here - now > 6 * 31)
			y--;
		else if (here < now && now - here > 9 * 31)
			y++;
	}
	return y;
}

/* The year of month m in the narrative frame: prev's, moving on a year when the
 * month goes backwards in the account, unless that would pass the article's
 * own date (when the article states it: a date worked out from the text itself
 * is no limit). */
static int dates_narrative_year(int m, int d, enum date_precision prec, const struct adate *prev,
				const struct adate *ref)
{
	int y = prev->year;
	if (prev->prec >= DATE_MONTH && m < prev->month) {
		struct adate next = { y + 1, m, d, prec, true };
		if (ref->prec == DATE_NONE || ref->inferred || adate_compare(&next, ref) <= 0)
			y++;
	}
	return y;
}

/* A month (and day) without a year, in the frame ctx says, or in the other when
 * that one knows no year; a month the words place themselves ("last June",
 * "juin prochain", x_tense_said) is the dateline's. */
static bool dates_resolve_month(int m, int d, enum date_precision prec, int tense,
				bool x_tense_said, const struct dates_ctx *ctx, struct dates_when *out)
{
	int y;
	bool narrative = ctx->prev.prec >= DATE_YEAR &&
			 (ctx->narrative || ctx->ref.prec < DATE_YEAR) &&
			 !(x_tense_said && ctx->ref.prec >= DATE_MONTH);
	if (narrative) {
		y = dates_narrative_year(m, d, prec, &ctx->prev, &ctx->ref);
		out->frame = DATES_FRAME_NARRATIVE;
	} else if (ctx->ref.prec >= DATE_YEAR) {
		y = dates_article_year(m, d, tense, x_tense_said, &ctx->ref);
		out->frame = DATES_FRAME_ARTICLE;
	} else {
		return false;
	}
	if (!dates_resolve_valid(y, m, d))
		return false;
	out->date = (struct adate){ y, m, d, prec, true };
	return true;
}

static bool dates_resolve_weekday(const struct datex *x, const struct dates_ctx *ctx,
				  struct dates_when *out)
{
	const struct adate *ref = &ctx->ref;
	if (ref->prec != DATE_DAY || !dates_resolve_valid(ref->year, ref->month, ref->day))
		return false;
	int wd = dates_weekday(ref->year, ref->month, ref->day);
	int tense = x->tense ? x->tense : ctx->tense ? ctx->tense : x->done ? -1 : 0, delta;
	if (tense == 0) {
		/* Unmarked: the nearer one, the past one when both are as near. */
		int back = (wd - x->weekday + 7) % 7;
		tense = back <= 3 ? -1 : 1;
	}
	if (tense > 0) {
		delta = (x->weekday - wd + 7) % 7;
		if (delta == 0 && x->tense > 0)
			delta = 7;      /* "next Monday" on a Monday */
	} else {
		/* News tells the past: the most recent such day, on or before the
		 * dateline ("said on Thursday" in Thursday's paper is that day). */
		delta = -((wd - x->weekday + 7) % 7);
		if (delta == 0 && x->tense < 0)
			delta = -7;     /* "last Monday" on a Monday */
	}
	out->date = dates_add_days(ref, delta);
	out->frame = DATES_FRAME_ARTICLE;
	return true;
}

/* A day alone (20日): while the account stays within a year of the
 * dateline's (news names older days with their month), a day of the
 * dateline's month, the one before
 * when the day is still to come there and the words just before it do not look
 * ahead (and the next when it is past and they do); when the account is
 * further away (a history), or there is no dateline, a day of its month, or
 * of the next when the day has gone by in it (28日…2日). */
static bool dates_resolve_day_of_month(const struct datex *x, const struct dates_ctx *ctx,
				       struct dates_when *out)
{
	const struct adate *ref = &ctx->ref, *prev = &ctx->prev;
	int y, m, d = x->day;
	/* The account has left the dateline when its month is more than one
	 * away: a day alone placed last month is still the dateline's news. */
	int apart = prev->year * 12 + prev->month - (ref->year * 12 + ref->month);
	bool own = prev->prec >= DATE_MONTH &&
		   (ref->prec < DATE_MONTH || apart > 12 || apart < -12);
	if (own) {
		y = prev->year;
		m = prev->month;
		if (prev->prec == DATE_DAY && d < prev->day)
			dates_add_months(&y, &m, 1);
		out->frame = DATES_FRAME_NARRATIVE;
	} else if (ref->prec >= DATE_MONTH) {
		int tense = x->tense;
		y = ref->year;
		m = ref->month;
		if (ref->prec == DATE_DAY && d > ref->day && tense <= 0)
			dates_add_months(&y, &m, -1);
		else if (ref->prec == DATE_DAY && d < ref->day && tense > 0)
			dates_add_months(&y, &m, 1);
		out->frame = DATES_FRAME_ARTICLE;
	} else {
		return false;
	}
	if (!dates_resolve_valid(y, m, d))
		return false;
	out->date = (struct adate){ y, m, d, DATE_DAY, true };
	return true;
}

static bool dates_resolve_relative(const struct datex *x, const struct dates_ctx *ctx,
				   struct dates_when *out)
{
	enum date_precision need = x->unit == DATES_UNIT_YEAR ? DATE_YEAR :
				   x->unit == DATES_UNIT_MONTH ? DATE_MONTH : DATE_DAY;
	const struct adate *base = x->narrative ? &ctx->prev : &ctx->ref;
	out->frame = x->narrative ? DATES_FRAME_NARRATIVE : DATES_FRAME_ARTICLE;
	if (x->narrative && base->prec == DATE_NONE) {
		/* No account yet: "two days later" counts from the dateline; "the
		 * same year" has nothing to be the same as, but "the end of the
		 * year" with no account is the dateline's year. */
		if (x->offset == 0 && !dates_period_is_part(x->period) && !x->or_ref)
			return false;
		base = &ctx->ref;
		out->frame = DATES_FRAME_ARTICLE;
	}
	if (base->prec < need && x->or_ref && x->narrative && ctx->ref.prec >= need) {
		/* "later in the day" after a year: the report's day */
		base = &ctx->ref;
		out->frame = DATES_FRAME_ARTICLE;
	}
	if (base->prec < need)
		return false;
	if (need == DATE_DAY && !dates_resolve_valid(base->year, base->month, base->day))
		return false;
	int y = base->year, m = base->month;
	switch (x->unit) {
	case DATES_UNIT_DAY:
		out->date = dates_add_days(base, x->offset);
		return true;
	case DATES_UNIT_WEEK: {
		int wd = dates_weekday(base->year, base->month, base->day);
		struct adate monday = dates_add_days(base, -((wd + 6) % 7) + 7 * x->offset);
		if (x->day > 0) {
			/* 上周五: that day of the week counted to (Monday first) */
			out->date = dates_add_days(&monday, (x->weekday + 6) % 7);
			return true;
		}
		dates_span_week(&monday, out);
		return true;
	}
	case DATES_UNIT_MONTH:
		dates_add_months(&y, &m, x->offset);
		if (x->day) {
			if (!dates_resolve_valid(y, m, x->day))
				return false;
			out->date = (struct adate){ y, m, x->day, DATE_DAY, true };
			return true;
		}
		out->date = (struct adate){ y, m, 0, DATE_MONTH, true };
		out->period = dates_period_is_part(x->period) ? x->period : DATES_PERIOD_NONE;
		return true;
	case DATES_UNIT_YEAR:
		y += x->offset;
		if (x->period >= DATES_PERIOD_SPRING && x->period <= DATES_PERIOD_WINTER &&
		    base->prec >= DATE_MONTH && x->tense) {
			/* "last summer": the latest one over by the base date; "next
			 * summer": the first one not begun by it. */
			int first = dates_period_first_month(x->period, 0);
			int now = base->year * 12 + base->month - 1, start = y * 12 + first - 1;
			if (x->tense < 0 && start + 2 >= now)
				y--;
			else if (x->tense > 0 && start <= now)
				y++;
		} else if (x->period == DATES_PERIOD_WINTER && base->prec >= DATE_MONTH &&
			   base->month <= 2 && x->offset == 0) {
			y--;    /* "this winter" in January began in December */
		}
		if (x->period != DATES_PERIOD_NONE && x->period != DATES_PERIOD_DECADE &&
		    !dates_period_is_part(x->period)) {
			out->date.inferred = true;
			return dates_span_months(y, x->period, x->part, out);
		}
		out->date = (struct adate){ y, 0, 0, DATE_YEAR, true };
		out->period = dates_period_is_part(x->period) ? x->period : DATES_PERIOD_NONE;
		return true;
	}
	return false;
}

bool dates_resolve_in(const struct datex *x, const struct dates_ctx *ctx, struct dates_when *out)
{
	memset(out, 0, sizeof *out);
	const struct adate *prev = &ctx->prev, *ref = &ctx->ref, *base;
	switch (x->kind) {
	case DATEX_RANGE: {
		struct datex start = *x;
		start.kind = DATEX_DATE;
		if (!dates_resolve_in(&start, ctx, out))
			return false;
		int ey = x->year_end ? x->year_end : out->date.year;
		int em = x->month_end ? x->month_end : x->day_end ? out->date.month : 0;
		int ed = x->day_end;
		if (!x->year_end && em && em < out->date.month)
			ey++;   /* "December 28 to January 3" */
		if (!dates_resolve_valid(ey, em ? em : 1, ed))
			return false;
		out->end = (struct adate){ ey, em, ed, ed ? DATE_DAY : em ? DATE_MONTH : DATE_YEAR,
					   out->date.inferred };
		return true;
	}
	case DATEX_DECADE:
		out->date = (struct adate){ x->year, 0, 0, DATE_YEAR, false };
		out->period = DATES_PERIOD_DECADE;
		return true;
	case DATEX_SAME_MONTH:
	case DATEX_THIS_MONTH:
		if (x->kind == DATEX_SAME_MONTH)
			base = prev->prec >= DATE_MONTH ? prev : ref->prec >= DATE_MONTH ? ref : NULL;
		else
			base = ref->prec >= DATE_MONTH ? ref : prev->prec >= DATE_MONTH ? prev : NULL;
		if (!base)
			return false;
		out->date = (struct adate){ base->year, base->month, 0, DATE_MONTH, true };
		if (x->day) {
			if (!dates_resolve_valid(base->year, base->month, x->day))
				return false;
			out->date.day = x->day;
			out->date.prec = DATE_DAY;
		}
		out->frame = base == prev ? DATES_FRAME_NARRATIVE : DATES_FRAME_ARTICLE;
		return true;
	case DATEX_DAY_OFFSET:
		if (prev->prec != DATE_DAY || !dates_resolve_valid(prev->year, prev->month, prev->day))
			return false;
		out->date = dates_add_days(prev, x->offset);
		out->frame = DATES_FRAME_NARRATIVE;
		return true;
	case DATEX_WEEKDAY:
		return dates_resolve_weekday(x, ctx, out);
	case DATEX_DAY_OF_MONTH:
		return dates_resolve_day_of_month(x, ctx, out);
	case DATEX_RELATIVE:
		return dates_resolve_relative(x, ctx, out);
	case DATEX_DATE:
		break;
	}
	if (x->year) {
		out->date = (struct adate){ x->year, x->month, x->day, x->prec, false };
	} else {
		int tense = x->tense ? x->tense : ctx->tense ? ctx->tense : x->done ? -1 : 0;
		if (x->rel_year) {
			/* 去年3月, "in March last year", 同年10月, "this September" */
			base = x->narrative ? &ctx->prev : &ctx->ref;
			if (base->prec < DATE_YEAR)
				return false;
			int y = base->year + x->offset;
			if (!dates_resolve_valid(y, x->month, x->day))
				return false;
			out->date = (struct adate){ y, x->month, x->day, x->prec, true };
			out->frame = x->narrative ? DATES_FRAME_NARRATIVE : DATES_FRAME_ARTICLE;
		} else if (x->prec < DATE_MONTH ||
			   !dates_resolve_month(x->period == DATES_PERIOD_QUARTER ? x->month + 2 : x->month,
						x->prec == DATE_DAY ? x->day : 0, x->prec,
						tense, x->tense != 0, ctx, out)) {
			/* a quarter's year is placed by its last month: the third
			 * quarter in a report of February is last year's */
			return false;
		}
	}
	if (x->holiday) {
		/* The year is known now, and with it the holiday's day. */
		int m, d;
		if (!dates_holiday_date(x->holiday, out->date.year, &m, &d))
			return false;
		out->date.month = m;
		out->date.day = d;
		out->date.prec = DATE_DAY;
	}
	if (x->period == DATES_PERIOD_WEEK) {
		dates_span_week(&out->date, out);
		return true;
	}
	if (dates_period_is_part(x->period)) {
		out->period = x->period;
		return true;
	}
	if (x->period != DATES_PERIOD_NONE)
		return dates_span_months(out->date.year, x->period, x->part, out);
	return true;
}

bool dates_resolve(const struct datex *x, const struct adate *prev, const struct adate *ref,
		   struct adate *out)
{
	struct dates_ctx ctx = { *prev, *ref, 0, prev->prec >= DATE_YEAR };
	struct dates_when w;
	if (!dates_resolve_in(x, &ctx, &w)) {
		memset(out, 0, sizeof *out);
		return false;
	}
	*out = w.date;
	return true;
}

const char *dates_precision_name(const struct adate *d, enum dates_period period)
{
	if (period == DATES_PERIOD_DECADE)
		return "decade";
	if (period == DATES_PERIOD_WEEK)
		return "week";
	switch (d->prec) {
	case DATE_YEAR: return "year";
	case DATE_MONTH: return "month";
	case DATE_DAY: return "day";
	default: return "none";
	}
}

const char *dates_part_name(enum dates_period period)
{
	switch (period) {
	case DATES_PERIOD_EARLY: return "early";
	case DATES_PERIOD_MID: return "mid";
	case DATES_PERIOD_LATE: return "late";
	default: return NULL;
	}
}

const char *dates_frame_name(enum dates_frame f)
{
	switch (f) {
	case DATES_FRAME_ARTICLE: return "article";
	case DATES_FRAME_NARRATIVE: return "narrative";
	default: return "stated";
	}
}
