/* test_uidate.c: dates in each interface language, at each precision. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "uidate.h"
#include "tap.h"

static void check(int y, int m, int d, enum date_precision prec, enum uilang_id lang,
		  const char *want, const char *what)
{
	struct adate date = { .year = y, .month = m, .day = d, .prec = prec };
	char buf[UIDATE_MAX];
	tap_str_eq(uidate_format(&date, lang, buf, sizeof buf), want, what);
}

int main(void)
{
	/* to the day */
	check(2021, 11, 3, DATE_DAY, UILANG_EN, "November 3, 2021", "en: day");
	check(2021, 11, 3, DATE_DAY, UILANG_FR, "3 novembre 2021", "fr: day");
	check(2021, 11, 3, DATE_DAY, UILANG_ZH_CN, "2021年11月3日", "zh_CN: day");
	check(2021, 11, 3, DATE_DAY, UILANG_ZH_TW, "2021年11月3日", "zh_TW: day");
	check(2013, 5, 1, DATE_DAY, UILANG_FR, "1er mai 2013", "fr: the first is an ordinal");
	check(2013, 5, 21, DATE_DAY, UILANG_FR, "21 mai 2013", "fr: the 21st is not");
	check(2013, 5, 1, DATE_DAY, UILANG_EN, "May 1, 2013", "en: the first");
	check(2020, 2, 29, DATE_DAY, UILANG_FR, "29 février 2020", "fr: accents kept");
	check(2019, 8, 15, DATE_DAY, UILANG_FR, "15 août 2019", "fr: août");
	check(2019, 12, 31, DATE_DAY, UILANG_ZH_CN, "2019年12月31日", "zh: two-digit month and day");

	/* to the month */
	check(2021, 11, 0, DATE_MONTH, UILANG_EN, "November 2021", "en: month");
	check(2021, 11, 0, DATE_MONTH, UILANG_FR, "novembre 2021", "fr: month, no capital");
	check(2021, 11, 0, DATE_MONTH, UILANG_ZH_CN, "2021年11月", "zh_CN: month");
	check(2021, 11, 0, DATE_MONTH, UILANG_ZH_TW, "2021年11月", "zh_TW: month");
	check(2021, 11, 9, DATE_MONTH, UILANG_EN, "November 2021", "en: month precision hides a day");

	/* to the year */
	check(2014, 0, 0, DATE_YEAR, UILANG_EN, "2014", "en: year");
	check(2014, 0, 0, DATE_YEAR, UILANG_FR, "2014", "fr: year");
	check(2014, 0, 0, DATE_YEAR, UILANG_ZH_CN, "2014年", "zh_CN: year");
	check(2014, 0, 0, DATE_YEAR, UILANG_ZH_TW, "2014年", "zh_TW: year");

	/* nothing known, and parts out of range: the true, less precise form */
	check(0, 0, 0, DATE_NONE, UILANG_FR, "", "no date: empty");
	check(2014, 13, 2, DATE_DAY, UILANG_EN, "2014", "month 13: the year only");
	check(2014, 3, 40, DATE_DAY, UILANG_ZH_CN, "2014年3月", "day 40: the month only");
	check(2014, 0, 5, DATE_MONTH, UILANG_FR, "2014", "month 0: the year only");
	check(2021, 11, 3, DATE_DAY, UILANG_COUNT, "November 3, 2021", "unknown language: English");

	/* a short buffer is cut, never overrun, and stays a C string */
	struct adate d = { .year = 2021, .month = 9, .day = 30, .prec = DATE_DAY };
	char small[8];
	memset(small, 'x', sizeof small);
	uidate_format(&d, UILANG_EN, small, sizeof small);
	tap_str_eq(small, "Septemb", "short buffer: cut and terminated");
	char none[1] = { 'x' };
	uidate_format(&d, UILANG_EN, none, 0);
	tap_ok(none[0] == 'x', "size 0: nothing written");

	/* month names, short and long */
	tap_str_eq(uidate_month_short(1, UILANG_EN), "Jan", "short: en Jan");
	tap_str_eq(uidate_month_short(9, UILANG_EN), "Sep", "short: en Sep");
	tap_str_eq(uidate_month_short(2, UILANG_FR), "févr.", "short: fr févr.");
	tap_str_eq(uidate_month_short(6, UILANG_FR), "juin", "short: fr juin whole");
	tap_str_eq(uidate_month_short(7, UILANG_FR), "juil.", "short: fr juil.");
	tap_str_eq(uidate_month_short(9, UILANG_FR), "sept.", "short: fr sept.");
	tap_str_eq(uidate_month_short(12, UILANG_FR), "déc.", "short: fr déc.");
	tap_str_eq(uidate_month_short(3, UILANG_ZH_CN), "3月", "short: zh_CN 3月");
	tap_str_eq(uidate_month_short(11, UILANG_ZH_TW), "11月", "short: zh_TW 11月");
	tap_str_eq(uidate_month_short(0, UILANG_EN), "", "short: month 0");
	tap_str_eq(uidate_month_short(13, UILANG_FR), "", "short: month 13");
	tap_str_eq(uidate_month_name(11, UILANG_ZH_CN), "十一月", "long: zh 十一月");
	tap_str_eq(uidate_month_name(10, UILANG_FR), "octobre", "long: fr octobre");
	tap_str_eq(uidate_month_name(5, UILANG_EN), "May", "long: en May");
	/* every month has a name in every language */
	int missing = 0;
	for (int lang = 0; lang < UILANG_COUNT; lang++)
		for (int m = 1; m <= 12; m++)
			missing += !*uidate_month_short(m, (enum uilang_id)lang) ||
				   !*uidate_month_name(m, (enum uilang_id)lang);
	tap_int_eq(missing, 0, "all 12 months named in all languages");

	/* without the year, for rows under a heading that shows it */
	struct { int y, m, d; enum date_precision p; enum uilang_id l; const char *want; } in[] = {
		{ 2021, 11, 3, DATE_DAY, UILANG_EN, "November 3" },
		{ 2021, 11, 3, DATE_DAY, UILANG_FR, "3 novembre" },
		{ 2013, 5, 1, DATE_DAY, UILANG_FR, "1er mai" },
		{ 2021, 11, 3, DATE_DAY, UILANG_ZH_CN, "11月3日" },
		{ 2021, 11, 3, DATE_DAY, UILANG_ZH_TW, "11月3日" },
		{ 2021, 11, 0, DATE_MONTH, UILANG_EN, "November" },
		{ 2021, 11, 0, DATE_MONTH, UILANG_FR, "novembre" },
		{ 2021, 11, 0, DATE_MONTH, UILANG_ZH_CN, "11月" },
		{ 2014, 0, 0, DATE_YEAR, UILANG_EN, "2014" },
		{ 2014, 0, 0, DATE_YEAR, UILANG_ZH_TW, "2014年" },
		{ 2014, 3, 40, DATE_DAY, UILANG_FR, "mars" },
		{ 2014, 13, 2, DATE_DAY, UILANG_ZH_CN, "2014年" },
		{ 0, 0, 0, DATE_NONE, UILANG_EN, "" },
	};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		struct adate date = { .year = in[i].y, .month = in[i].m, .day = in[i].d,
				      .prec = in[i].p };
		char buf[UIDATE_MAX], what[64];
		snprintf(what, sizeof what, "in year, %s: %s", uilang_code(in[i].l), in[i].want);
		tap_str_eq(uidate_format_in_year(&date, in[i].l, buf, sizeof buf), in[i].want, what);
	}
	/* decades, seasons, quarters and parts read as such, with and without the year */
	static const struct {
		int y, m;
		enum dates_period p;
		enum uilang_id l;
		bool with_year;
		const char *want;
	} per[] = {
		{ 1990, 0, DATES_PERIOD_DECADE, UILANG_EN, true, "the 1990s" },
		{ 1990, 0, DATES_PERIOD_DECADE, UILANG_EN, false, "1990s" },
		{ 1990, 0, DATES_PERIOD_DECADE, UILANG_FR, true, "années 1990" },
		{ 1990, 0, DATES_PERIOD_DECADE, UILANG_ZH_CN, true, "1990年代" },
		{ 1990, 0, DATES_PERIOD_DECADE, UILANG_ZH_TW, false, "1990年代" },
		{ 2011, 9, DATES_PERIOD_AUTUMN, UILANG_EN, true, "autumn 2011" },
		{ 2011, 9, DATES_PERIOD_AUTUMN, UILANG_EN, false, "autumn" },
		{ 2011, 9, DATES_PERIOD_AUTUMN, UILANG_FR, true, "automne 2011" },
		{ 2011, 9, DATES_PERIOD_AUTUMN, UILANG_ZH_CN, true, "2011年秋" },
		{ 2011, 9, DATES_PERIOD_AUTUMN, UILANG_ZH_TW, false, "秋" },
		{ 2012, 6, DATES_PERIOD_SUMMER, UILANG_FR, false, "été" },
		{ 2012, 12, DATES_PERIOD_WINTER, UILANG_EN, true, "winter 2012" },
		{ 2020, 7, DATES_PERIOD_QUARTER, UILANG_EN, true, "Q3 2020" },
		{ 2020, 7, DATES_PERIOD_QUARTER, UILANG_FR, false, "T3" },
		{ 2020, 7, DATES_PERIOD_QUARTER, UILANG_ZH_CN, true, "2020年第三季度" },
		{ 2020, 7, DATES_PERIOD_QUARTER, UILANG_ZH_TW, true, "2020年第三季" },
		/* the early, middle and late part of a year or month */
		{ 2016, 0, DATES_PERIOD_LATE, UILANG_EN, true, "late 2016" },
		{ 2016, 0, DATES_PERIOD_LATE, UILANG_EN, false, "late" },
		{ 2016, 0, DATES_PERIOD_EARLY, UILANG_FR, true, "début 2016" },
		{ 2016, 0, DATES_PERIOD_LATE, UILANG_ZH_CN, true, "2016年底" },
		{ 2016, 0, DATES_PERIOD_EARLY, UILANG_ZH_TW, false, "年初" },
		{ 2018, 3, DATES_PERIOD_MID, UILANG_EN, true, "mid-March 2018" },
		{ 2018, 3, DATES_PERIOD_MID, UILANG_FR, false, "mi-mars" },
		{ 2018, 3, DATES_PERIOD_LATE, UILANG_ZH_CN, true, "2018年3月下旬" },
		{ 2018, 3, DATES_PERIOD_EARLY, UILANG_EN, false, "early March" },
	};
	for (size_t i = 0; i < sizeof per / sizeof *per; i++) {
		struct adate date = { .year = per[i].y, .month = per[i].m,
				      .prec = per[i].m ? DATE_MONTH : DATE_YEAR };
		char buf[UIDATE_MAX], what[80];
		snprintf(what, sizeof what, "period, %s%s: %s", uilang_code(per[i].l),
			 per[i].with_year ? "" : " in year", per[i].want);
		tap_str_eq(uidate_format_period(&date, per[i].p, per[i].l, per[i].with_year, buf,
						sizeof buf), per[i].want, what);
	}
	/* a week, or no period, is written as a date */
	struct adate wk = { 2021, 3, 8, DATE_DAY, true };
	char wb[UIDATE_MAX];
	tap_str_eq(uidate_format_period(&wk, DATES_PERIOD_WEEK, UILANG_FR, false, wb, sizeof wb),
		   "8 mars", "period: a week in the year is its first day");
	/* the timeline's date column: as wide as the widest month with a two-digit day */
	struct layout_opts lo = { false, 8 };
	tap_int_eq(uidate_column_width(UILANG_EN, &lo), 12, "column: en, September 28");
	tap_int_eq(uidate_column_width(UILANG_FR, &lo), 13, "column: fr, 1er septembre");
	tap_int_eq(uidate_column_width(UILANG_ZH_CN, &lo), 8, "column: zh_CN, 12月28日 (wide)");
	tap_int_eq(uidate_column_width(UILANG_ZH_TW, &lo), 8, "column: zh_TW");
	return tap_done();
}
