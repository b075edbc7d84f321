/* test_dates.c: each date expression form in each language (kind, precision,
 * values, byte span), the false positives that must stay quiet, and the
 * resolution rules (narrative year, month going backwards, same month, weekdays). */
#include <config.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "tap.h"

/* Finds the expressions of text; checks there are want of them; returns the
 * k-th (a zeroed one when missing) so that its fields can be checked. */
static struct datex find_nth(const char *text, const char *lang, size_t want, size_t k)
{
	struct datex *x;
	size_t n = dates_find(text, strlen(text), lang, &x);
	if (n != want) {
		tap_diag("in [%s]", text);
		for (size_t i = 0; i < n; i++)
			tap_diag("  found [%.*s] kind %d prec %d temporal %d", (int)x[i].len,
				 text + x[i].start, (int)x[i].kind, (int)x[i].prec, (int)x[i].temporal);
	}
	tap_int_eq((long long)n, (long long)want, text);
	struct datex r;
	memset(&r, 0, sizeof r);
	if (k < n)
		r = x[k];
	free(x);
	return r;
}

/* One expression expected: its span's text, y/m/d and precision. */
static void expect(const char *text, const char *lang, const char *span, int y, int m, int d,
		   enum date_precision prec, bool temporal)
{
	struct datex x = find_nth(text, lang, 1, 0);
	char got[128];
	snprintf(got, sizeof got, "%.*s", (int)x.len, text + x.start);
	char what[256];
	snprintf(what, sizeof what, "  span of [%s]", span);
	tap_str_eq(got, span, what);
	char want[64], have[64];
	snprintf(want, sizeof want, "%d-%d-%d p%d t%d", y, m, d, (int)prec, (int)temporal);
	snprintf(have, sizeof have, "%d-%d-%d p%d t%d", x.year, x.month, x.day, (int)x.prec,
		 (int)x.temporal);
	snprintf(what, sizeof what, "  values of [%s]", span);
	tap_str_eq(have, want, what);
}

static void expect_none(const char *text, const char *lang)
{
	struct datex *x;
	size_t n = dates_find(text, strlen(text), lang, &x);
	size_t temporal = 0;
	for (size_t i = 0; i < n; i++)
		temporal += x[i].temporal;
	if (temporal)
		tap_diag("found [%.*s]", (int)x[0].len, text + x[0].start);
	tap_int_eq((long long)temporal, 0, text);
	free(x);
}

static void test_english(void)
{
	expect("On November 3, 2021, the meeting was held.", "en", "November 3, 2021",
	       2021, 11, 3, DATE_DAY, true);
	expect("Signed Nov. 3, 2021 in Paris.", "en", "Nov. 3, 2021", 2021, 11, 3, DATE_DAY, true);
	expect("It opened on 3 November 2021.", "en", "3 November 2021", 2021, 11, 3, DATE_DAY, true);
	expect("October 2013, ICANN, IETF, W3C signed.", "en", "October 2013", 2013, 10, 0,
	       DATE_MONTH, true);
	expect("The law passed in 2014 after a debate.", "en", "2014", 2014, 0, 0, DATE_YEAR, true);
	expect("Source: Xinhua| 2019-10-24 19:38:01|Editor: Yurou", "en", "2019-10-24",
	       2019, 10, 24, DATE_DAY, true);
	expect("HANGZHOU, Oct. 24 (Xinhua) -- Though the Internet", "en", "Oct. 24",
	       0, 10, 24, DATE_DAY, true);
	expect("In May, the new EU disclosed a plan.", "en", "May", 0, 5, 0, DATE_MONTH, true);
	expect("In the same month, Japan and the US met.", "en", "the same month", 0, 0, 0,
	       DATE_MONTH, true);
	expect("December 1, State Councilor Guo Shengkun met.", "en", "December 1", 0, 12, 1,
	       DATE_DAY, true);
	expect("Talks resumed on March 3rd.", "en", "March 3rd", 0, 3, 3, DATE_DAY, true);
	expect("It grew until mid-May.", "en", "mid-May", 0, 5, 0, DATE_MONTH, true);
	tap_ok(find_nth("It grew until mid-May.", "en", 1, 0).period == DATES_PERIOD_MID,
	       "mid-May is the middle of May");
	struct datex x = find_nth("In the same month, Japan and the US met.", "en", 1, 0);
	tap_int_eq(x.kind, DATEX_SAME_MONTH, "the same month is a same-month reference");
	x = find_nth("The WIC closed Tuesday in Wuzhen.", "en", 1, 0);
	tap_int_eq(x.kind, DATEX_WEEKDAY, "closed Tuesday is a weekday");
	tap_int_eq(x.weekday, 2, "  Tuesday is day 2");
	x = find_nth("said Shang Bing at a WIC forum on Monday.", "en", 1, 0);
	tap_int_eq(x.weekday, 1, "on Monday is day 1");
	x = find_nth("On Tuesday, Oct. 22, 2019, it closed.", "en", 1, 0);
	tap_int_eq(x.kind, DATEX_DATE, "a weekday beside a full date is part of it");
	x = find_nth("in a plan for 2015-2020 to strengthen", "en", 1, 0);
	tap_int_eq(x.kind, DATEX_RANGE, "2015-2020 is a range");
	tap_int_eq(x.year_end, 2020, "  ending in 2020");
	tap_ok(!x.temporal, "  naming a plan, it says no when");
	x = find_nth("From 2015 to 2020, trade doubled.", "en", 1, 0);
	tap_int_eq(x.kind, DATEX_RANGE, "from 2015 to 2020 is a range");
	tap_ok(x.temporal && x.year == 2015 && x.len == strlen("2015 to 2020"),
	       "  that says when, spanning \"2015 to 2020\"");
	/* the same month written otherwise */
	x = find_nth("Later that month, prices fell.", "en", 1, 0);
	tap_int_eq(x.kind, DATEX_SAME_MONTH, "later that month");
	x = find_nth("Sales rose this month.", "en", 1, 0);
	tap_int_eq(x.kind, DATEX_THIS_MONTH, "this month");
	/* a day from the narrative's last one */
	static const struct {
		const char *text, *span;
		int offset;
	} days[] = {
		{ "The next day, 60 countries signed.", "The next day", 1 },
		{ "They signed on the following day.", "the following day", 1 },
		{ "It had been agreed the previous day.", "the previous day", -1 },
		{ "It leaked the day before, officials said.", "the day before", -1 },
		{ "Markets fell the day after.", "the day after", 1 },
	};
	for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
		expect(days[i].text, "en", days[i].span, 0, 0, 0, DATE_DAY, true);
		x = find_nth(days[i].text, "en", 1, 0);
		tap_ok(x.kind == DATEX_DAY_OFFSET && x.offset == days[i].offset, "  a day offset of %+d",
		       days[i].offset);
	}
}

static void test_spelled_years(void)
{
	/* Years in words, as transcripts give them. */
	expect("In nineteen ninety-one the bank failed.", "en", "nineteen ninety-one", 1991, 0, 0,
	       DATE_YEAR, true);
	expect("Houston, nineteen eighty-six.", "en", "nineteen eighty-six", 1986, 0, 0, DATE_YEAR,
	       true);
	expect("The war of eighteen twelve ended.", "en", "eighteen twelve", 1812, 0, 0, DATE_YEAR, true);
	expect("It was built in nineteen oh five.", "en", "nineteen oh five", 1905, 0, 0, DATE_YEAR,
	       true);
	expect("The plan runs to twenty thirty.", "en", "twenty thirty", 2030, 0, 0, DATE_YEAR, true);
	expect("March nineteen seventy-nine was cold.", "en", "March nineteen seventy-nine", 1979, 3,
	       0, DATE_MONTH, true);
	expect("by the year two thousand and ten", "en", "two thousand and ten", 2010, 0, 0,
	       DATE_YEAR, true);
	struct datex m = find_nth("a nineteen ninety-seven flood", "en", 1, 0);
	tap_ok(m.year == 1997 && !m.temporal && m.modifier, "a year in words naming a thing dates it");
	expect("A pledge to halve debt by the year two thousand was dropped.", "en", "two thousand",
	       2000, 0, 0, DATE_YEAR, true);
	expect_none("Each year two thousand people visit.", "en");
	/* A year joined to one that says when says when too; a year after a
	 * determiner and an adjective names a thing. */
	m = find_nth("Rents rose in both 1990 and 1991.", "en", 2, 0);
	tap_ok(m.year == 1990 && m.temporal, "in both 1990: a when");
	m = find_nth("Rents rose in 1990, 1991 or 1993.", "en", 3, 2);
	tap_ok(m.year == 1993 && m.temporal, "in 1990, 1991 or 1993: each a when");
	m = find_nth("Les loyers ont augmenté en 1990 et 1991.", "fr", 2, 1);
	tap_ok(m.year == 1991 && m.temporal, "en 1990 et 1991: each a when");
	m = find_nth("Rents rose in March and April.", "en", 2, 1);
	tap_ok(m.month == 4 && m.temporal, "in March and April: April a when");
	m = find_nth("The club has 1990 and 2000 members.", "en", 2, 1);
	tap_ok(!m.temporal, "1990 and 2000 members: counts");
	m = find_nth("She ran his failed 1994 bid for mayor.", "en", 1, 0);
	tap_ok(m.year == 1994 && !m.temporal && m.modifier, "his failed 1994 bid: a year naming a thing");
	m = find_nth("The first 2000 soldiers arrived.", "en", 1, 0);
	tap_ok(!m.temporal && !m.modifier, "the first 2000 soldiers: a count");
	expect_none("About two thousand people marched.", "en");
	expect_none("The ferry leaves at nineteen hundred hours.", "en");
	expect_none("Nineteen twenty-year-olds signed up.", "en");
	expect_none("She counted nineteen, twenty, twenty-one.", "en");
}

static void resolve_eq(const char *text, const struct adate *prev, const struct adate *ref,
		       const char *want, bool inferred);

static void test_holidays(void)
{
	/* Holidays whose day follows from the year: fixed, from Easter, the
	 * fourth Thursday of November, the Chinese New Year. */
	struct adate none = { 0 };
	struct adate ref = { 2019, 10, 24, DATE_DAY, false };
	resolve_eq("The shop was shut on Christmas Day 2016.", &none, &ref, "2016-12-25", false);
	resolve_eq("He died on Easter Sunday 1998.", &none, &ref, "1998-04-12", false);
	resolve_eq("They met on Good Friday 2019.", &none, &ref, "2019-04-19", false);
	resolve_eq("They met last Christmas.", &none, &ref, "2018-12-25", true);
	resolve_eq("The vote is due by Christmas Eve.", &none, &ref, "2019-12-24", true);
	resolve_eq("He was found on Thanksgiving.", &none, &ref, "2018-11-22", true);
	resolve_eq("Thanksgiving Day 2021 was cold.", &none, &ref, "2021-11-25", false);
	resolve_eq("Il est rentré à Noël.", &none, &ref, "2018-12-25", true);
	resolve_eq("Le lundi de Pâques 2019, la ville était vide.", &none, &ref, "2019-04-22", false);
	resolve_eq("2020年春节期间，游客减少。", &none, &ref, "2020-01-25", false);
	resolve_eq("1985年春节，全家团圆。", &none, &ref, "1985-02-20", false);
	resolve_eq("2021年春节，全家团圆。", &none, &ref, "2021-02-12", false);
	resolve_eq("2023年除夕，全家团圆。", &none, &ref, "2023-01-21", false);
	resolve_eq("去年国庆节，游客很多。", &none, &ref, "2018-10-01", true);
	resolve_eq("明年元旦将放假三天。", &none, &ref, "2020-01-01", true);
	expect_none("They sailed to Easter Island.", "en");
	expect_none("The Christmas tree was lit.", "en");
	expect_none("Christmas sales were weak.", "en");
	expect_none("Le marché de Noël a fermé.", "fr");
	expect_none("Le Père Noël est arrivé.", "fr");
}

/* One expression expected, with its span and period. */
static void expect_part(const char *text, const char *lang, const char *span, enum dates_period p)
{
	struct datex x = find_nth(text, lang, 1, 0);
	char got[128];
	snprintf(got, sizeof got, "%.*s", (int)x.len, text + x.start);
	tap_str_eq(got, span, text);
	tap_int_eq((long long)x.period, (long long)p, "  its part");
}

static void test_parts(void)
{
	/* The early, middle or late part of a year or month, recorded. */
	expect_part("Prices fell in late 2016.", "en", "late 2016", DATES_PERIOD_LATE);
	expect_part("The line opened in mid-March 2018.", "en", "mid-March 2018", DATES_PERIOD_MID);
	expect_part("Work stopped at the end of 2015.", "en", "end of 2015", DATES_PERIOD_LATE);
	expect_part("Sales slowed early last year.", "en", "early last year", DATES_PERIOD_EARLY);
	expect_part("The deal should close by year-end.", "en", "year-end", DATES_PERIOD_LATE);
	expect_part("It will close by the end of the year.", "en", "the end of the year",
		    DATES_PERIOD_LATE);
	expect_part("Les prix ont chuté fin 2016.", "fr", "fin 2016", DATES_PERIOD_LATE);
	expect_part("Le chantier reprendra début mars.", "fr", "début mars", DATES_PERIOD_EARLY);
	expect_part("Le port fermera à la fin de l'année.", "fr", "la fin de l'année", DATES_PERIOD_LATE);
	expect_part("2016年底，价格下跌。", "zh-Hans", "2016年底", DATES_PERIOD_LATE);
	expect_part("去年年底，港口扩建。", "zh-Hans", "去年年底", DATES_PERIOD_LATE);
	expect_part("3月下旬，码头关闭。", "zh-Hans", "3月下旬", DATES_PERIOD_LATE);
	expect_part("本月初，价格上涨。", "zh-Hans", "本月初", DATES_PERIOD_EARLY);
	expect_part("工程将于年底完工。", "zh-Hans", "年底", DATES_PERIOD_LATE);
	expect_none("Year-end results were strong.", "en");
	expect_none("每年年底都要盘点。", "zh-Hans");
	expect_none("三个月初步完成。", "zh-Hans");
	/* "the end of the year": the account's year, else the dateline's */
	struct adate none = { 0 }, ref = { 2019, 10, 24, DATE_DAY, false };
	struct adate y1883 = { 1883, 0, 0, DATE_YEAR, false };
	resolve_eq("It will close by the end of the year.", &none, &ref, "2019", true);
	resolve_eq("By the end of the year, every line used it.", &y1883, &none, "1883", true);
	resolve_eq("去年年底，港口扩建。", &none, &ref, "2018", true);
}

static void test_fiscal_years(void)
{
	expect("Sales in fiscal year 2018 rose.", "en", "fiscal year 2018", 2018, 0, 0, DATE_YEAR, true);
	expect("Profit for FY2018 rose.", "en", "FY2018", 2018, 0, 0, DATE_YEAR, true);
	expect("2018财年，公司营收增长。", "zh-Hans", "2018财年", 2018, 0, 0, DATE_YEAR, true);
	expect("2018財政年度，公司營收增長。", "zh-Hant", "2018財政年度", 2018, 0, 0, DATE_YEAR, true);
	expect_none("The CFY2018 model sold well.", "en");
}

static void test_english_false_positives(void)
{
	expect_none("More than 30 representatives from 17 organizations attended.", "en");
	expect_none("The Links:   CM600DY-12NF LCM-5523-32NTK", "en");
	expect_none("the sixth World Internet Conference", "en");
	expect_none("the “Xiamen -2015” Network counter-terrorism exercises", "en");
	expect_none("They may 5 times a day march on.", "en");
	expect_none("The plan may be revised.", "en");
	expect_none("Oct. was cold.", "en");
	expect_none("the 2021 CNCERT International Partner conference", "en");
	expect_none("Cyber Monday sales", "en");
	expect_none("He paid 2014 yuan for 1500 people.", "en");
	/* a day tied to a thing whose date the text does not give */
	expect_none("Markets fell the day after the vote.", "en");
	struct datex dby = find_nth("the day before yesterday", "en", 1, 0);
	tap_ok(dby.kind == DATEX_RELATIVE && dby.unit == DATES_UNIT_DAY && dby.offset == -2 &&
	       !dby.narrative,
	       "the day before yesterday: two days before the dateline");
	expect_none("The next days were calm.", "en");
	/* the adjectival year is still found, as a mention */
	struct datex x = find_nth("the 2021 CNCERT International Partner conference", "en", 1, 0);
	tap_ok(x.prec == DATE_YEAR && x.year == 2021 && !x.temporal,
	       "an adjectival year is a year-precision mention");
}

static void test_french(void)
{
	expect("le 11 septembre 2024, le porte-parole a tenu", "fr", "11 septembre 2024",
	       2024, 9, 11, DATE_DAY, true);
	expect("Le 1er décembre 2015, l'accord est signé.", "fr", "1er décembre 2015",
	       2015, 12, 1, DATE_DAY, true);
	expect("Créé en octobre 2013 par l'ICANN.", "fr", "octobre 2013", 2013, 10, 0,
	       DATE_MONTH, true);
	expect("Puis en mai, l'UE a publié un plan.", "fr", "mai", 0, 5, 0, DATE_MONTH, true);
	expect("le même mois, la Russie a signé.", "fr", "le même mois", 0, 0, 0, DATE_MONTH, true);
	expect("la semaine de la cybersécurité en 2024.", "fr", "2024", 2024, 0, 0, DATE_YEAR, true);
	expect("il est parti le 3 mars.", "fr", "3 mars", 0, 3, 3, DATE_DAY, true);
	struct datex x = find_nth("le plan 2015-2020 de l'UE", "fr", 1, 0);
	tap_ok(x.kind == DATEX_RANGE && !x.temporal, "2015-2020 naming a plan is a range, no when");
	x = find_nth("entre 2015 et 2020, le commerce a doublé", "fr", 1, 0);
	tap_ok(x.kind == DATEX_RANGE && x.temporal && x.year_end == 2020,
	       "entre 2015 et 2020 is a range that says when");
	x = find_nth("lundi dernier, il a dit", "fr", 1, 0);
	tap_ok(x.kind == DATEX_WEEKDAY && x.weekday == 1, "lundi dernier is a Monday");
	expect("Le lendemain, une déclaration a été signée.", "fr", "Le lendemain", 0, 0, 0,
	       DATE_DAY, true);
	x = find_nth("Le lendemain, une déclaration a été signée.", "fr", 1, 0);
	tap_ok(x.kind == DATEX_DAY_OFFSET && x.offset == 1, "le lendemain is the day after");
	x = find_nth("Il était arrivé la veille au soir.", "fr", 1, 0);
	tap_ok(x.kind == DATEX_DAY_OFFSET && x.offset == -1, "la veille is the day before");
	expect_none("le lendemain de l'élection", "fr");
	expect_none("le lendemain d’une crise", "fr");
	expect_none("la veille du sommet", "fr");
	expect_none("La planète Mars est rouge; mai est un mot.", "fr");
	expect_none("il y a sept personnes.", "fr");
}

static void test_chinese(void)
{
	expect("2021年11月3日，会议举行。", "zh-Hans", "2021年11月3日", 2021, 11, 3, DATE_DAY, true);
	expect("2013年10月,ICANN等机构签署", "zh-Hant", "2013年10月", 2013, 10, 0, DATE_MONTH, true);
	expect("。10月,中日韓簽署", "zh-Hant", "10月", 0, 10, 0, DATE_MONTH, true);
	expect("12月1日,國務委員郭聲琨", "zh-Hant", "12月1日", 0, 12, 1, DATE_DAY, true);
	expect("２０１９年１０月２４日发布", "zh-Hans", "２０１９年１０月２４日", 2019, 10, 24,
	       DATE_DAY, true);
	expect("二〇一九年十月，大会召开", "zh-Hans", "二〇一九年十月", 2019, 10, 0, DATE_MONTH, true);
	expect("在十二月一日举行", "zh-Hans", "十二月一日", 0, 12, 1, DATE_DAY, true);
	expect("十月,中日韓簽署", "zh-Hant", "十月", 0, 10, 0, DATE_MONTH, true);
	expect("２０１９年，经济增长", "zh-Hans", "２０１９年", 2019, 0, 0, DATE_YEAR, true);
	expect("2022年12月14日，由国家计算机网络应急技术处理协调中心主办", "zh-Hans",
	       "2022年12月14日", 2022, 12, 14, DATE_DAY, true);
	struct datex x = find_nth("同月,日美進行了對話", "zh-Hant", 1, 0);
	tap_ok(x.kind == DATEX_SAME_MONTH && x.len == strlen("同月"), "同月 is the same month");
	x = find_nth("当月，价格上涨", "zh-Hans", 1, 0);
	tap_int_eq(x.kind, DATEX_SAME_MONTH, "当月 is the same month");
	x = find_nth("當月，價格上漲", "zh-Hant", 1, 0);
	tap_int_eq(x.kind, DATEX_SAME_MONTH, "當月 is the same month");
	x = find_nth("本月，价格上涨", "zh-Hans", 1, 0);
	tap_int_eq(x.kind, DATEX_THIS_MONTH, "本月 is this month");
	x = find_nth("歐盟新披露了2015年至2020年強化打擊網絡恐怖犯罪的計劃", "zh-Hant", 1, 0);
	tap_ok(x.kind == DATEX_RANGE && x.year == 2015 && x.year_end == 2020 && !x.temporal &&
	       x.len == strlen("2015年至2020年"), "2015年至2020年 is one range naming a plan");
	x = find_nth("2015年至2020年，贸易翻番", "zh-Hans", 1, 0);
	tap_ok(x.kind == DATEX_RANGE && x.temporal, "2015年至2020年， says when");
	x = find_nth("会议于星期二闭幕", "zh-Hans", 1, 0);
	tap_ok(x.kind == DATEX_WEEKDAY && x.weekday == 2, "星期二 is a Tuesday");
	x = find_nth("他周一表示", "zh-Hans", 1, 0);
	tap_ok(x.kind == DATEX_WEEKDAY && x.weekday == 1, "周一 is a Monday");
	static const struct {
		const char *text, *span;
		int offset;
	} days[] = {
		{ "次日，60个国家签署了宣言。", "次日", 1 },
		{ "翌日，雙方發表聲明。", "翌日", 1 },
		{ "第二天，会议闭幕。", "第二天", 1 },
		{ "他在前一天抵达。", "前一天", -1 },
	};
	for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
		expect(days[i].text, "zh-Hans", days[i].span, 0, 0, 0, DATE_DAY, true);
		x = find_nth(days[i].text, "zh-Hans", 1, 0);
		tap_ok(x.kind == DATEX_DAY_OFFSET && x.offset == days[i].offset, "  a day offset of %+d",
		       days[i].offset);
	}
	x = find_nth("分享了2022年工业网络安全攻击数据", "zh-Hans", 1, 0);
	tap_ok(x.prec == DATE_YEAR && x.year == 2022 && !x.temporal,
	       "2022年工业网络安全: a year as an adjective is a mention, no when");
}

static void test_chinese_false_positives(void)
{
	expect_none("“廈門-2015”網絡反恐演習", "zh-Hant");
	expect_none("21世纪丝绸之路下的网络安全", "zh-Hans");
	expect_none("第六届会议，共8位嘉宾", "zh-Hans");
	expect_none("一带一路，一是深化共识", "zh-Hans");
	expect_none("持续3个月的演习", "zh-Hans");
	expect_none("统一月度报告", "zh-Hans");
	expect_none("每周一开会", "zh-Hans");
	expect_none("他站在当月亮升起的地方", "zh-Hans");
	expect_none("2022年CNCERT国际合作伙伴视频会议成功举办", "zh-Hans");
	expect_none("每次日程都有变化", "zh-Hans");
	expect_none("其次日本也表示支持", "zh-Hans");
	expect_none("第二届会议", "zh-Hans");
}

static void test_invalid(void)
{
	expect_none("February 30, 2021 never was.", "en");
	expect_none("2021-02-30 is no date", "en");
	expect_none("2021年13月 is no month", "zh-Hans");
	/* bytes that are not UTF-8 never match, nor crash */
	const char bad[] = "\xe5\xb9 2013\xe5\xb9\xb4\xe6\x9c 10\xff\xfe月 Oct\xc3";
	struct datex *x;
	size_t n = dates_find(bad, sizeof bad - 1, NULL, &x);
	tap_ok(n <= 1, "invalid UTF-8 is read without harm");
	free(x);
	n = dates_find("", 0, "en", &x);
	tap_ok(n == 0 && x == NULL, "empty text has no dates");
}

/* Text stitched from the pieces the recognisers look for, and broken bytes:
 * every expression found must lie inside the text, in order, without overlaps. */
static void test_stitched(void)
{
	static const char *const pieces[] = {
		"2019", "年", "月", "日", "十", "二", "〇", "-", "–", " ", ",", "May", "Oct.", "in ",
		"le ", "même", " mois", "同", "当", "周", "星期", "１", "0", "3", "31", "\xff",
		"\xe5\xb9", "the same month", "Tuesday", "至", "er ", "décembre", "\xc3", "1er",
	};
	unsigned seed = 12345;
	size_t bad = 0, found = 0;
	for (int round = 0; round < 3000; round++) {
		char text[256];
		size_t n = 0;
		int parts = 1 + round % 24;
		for (int k = 0; k < parts; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			size_t l = strlen(p);
			if (n + l >= sizeof text)
				break;
			memcpy(text + n, p, l);
			n += l;
		}
		struct datex *x;
		size_t nx = dates_find(text, n, NULL, &x);
		found += nx;
		for (size_t k = 0; k < nx; k++) {
			if (x[k].len == 0 || x[k].start + x[k].len > n ||
			    (k > 0 && x[k].start < x[k - 1].start + x[k - 1].len))
				bad++;
			struct adate d, none = { 0 }, ref = { 2019, 10, 24, DATE_DAY, false };
			if (dates_resolve(&x[k], &none, &ref, &d) &&
			    (d.year < 1000 || d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31))
				bad++;
		}
		free(x);
	}
	tap_ok(found > 100, "stitched text: %zu expressions found", found);
	tap_int_eq((long long)bad, 0, "stitched text: every expression inside the text, in order, resolvable");
}

static struct adate mk(int y, int m, int d, enum date_precision p)
{
	return (struct adate){ y, m, d, p, false };
}

static void resolve_eq(const char *text, const struct adate *prev, const struct adate *ref,
		       const char *want, bool inferred)
{
	struct datex *x;
	size_t n = dates_find(text, strlen(text), NULL, &x);
	struct adate d;
	char got[16] = "none";
	/* As events.c reads them: the tense of the words, the narrative frame
	 * when there is one. */
	struct dates_ctx ctx = { *prev, *ref, 0, prev->prec >= DATE_YEAR };
	struct dates_when w;
	if (n >= 1) {
		ctx.tense = dates_tense(text, 0, strlen(text), x[0].start);
		if (dates_resolve_in(&x[0], &ctx, &w)) {
			d = w.date;
			adate_format(&d, got, sizeof got);
		}
	}
	tap_str_eq(got, want, text);
	if (n >= 1 && strcmp(want, "none") != 0)
		tap_ok(d.inferred == inferred, "  %s", inferred ? "inferred" : "stated");
	free(x);
}

static void test_resolve(void)
{
	struct adate none = { 0 };
	struct adate oct2014 = mk(2014, 10, 0, DATE_MONTH);
	struct adate apr2014 = mk(2014, 4, 0, DATE_MONTH);
	struct adate y2014 = mk(2014, 0, 0, DATE_YEAR);
	resolve_eq("October 2013, ICANN", &none, &none, "2013-10", false);
	resolve_eq("In October, Japan", &apr2014, &none, "2014-10", true);
	resolve_eq("In May, the EU", &oct2014, &none, "2015-05", true);
	resolve_eq("5月,歐盟", &oct2014, &none, "2015-05", true);
	resolve_eq("In the same month, Russia", &apr2014, &none, "2014-04", true);
	resolve_eq("le même mois, la Russie", &apr2014, &none, "2014-04", true);
	resolve_eq("同月,俄羅斯", &apr2014, &none, "2014-04", true);
	resolve_eq("In May, the EU", &y2014, &none, "2014-05", true);
	resolve_eq("In May, the EU", &none, &none, "none", false);
	resolve_eq("同月,俄羅斯", &none, &none, "none", false);
	/* A day of a month named by where it stands: 本月, 上个月, 下月 count
	 * from the dateline, 同月 and 次月 from the account. */
	struct adate mar20 = mk(2018, 3, 20, DATE_DAY);
	struct adate jun13_ = mk(2019, 6, 13, DATE_DAY);
	resolve_eq("本月15日，工厂开工", &none, &mar20, "2018-03-15", true);
	resolve_eq("上个月15日，仓库失火", &none, &mar20, "2018-02-15", true);
	resolve_eq("下個月3日將舉行會議", &none, &mar20, "2018-04-03", true);
	resolve_eq("同月二十日，协议生效", &apr2014, &none, "2014-04-20", true);
	resolve_eq("次月5日，货物运抵", &apr2014, &none, "2014-05-05", true);
	resolve_eq("上个月31日", &none, &mar20, "none", false);   /* no 31 February */
	resolve_eq("本月15", &none, &mar20, "2018-03", true);      /* no 日: the month */
	/* A day alone: of the dateline's month, the one before when still to
	 * come there, the next when past and the words look ahead; of the
	 * account's month when it has moved away from the dateline's. */
	resolve_eq("李克强20日在北京会见", &none, &mar20, "2018-03-20", true);
	resolve_eq("该公司28日发布公告", &none, &mar20, "2018-02-28", true);
	resolve_eq("会议将于25日闭幕", &none, &mar20, "2018-03-25", true);
	resolve_eq("会议将于2日开幕", &none, &mar20, "2018-04-02", true);
	resolve_eq("5日，他前往南京", &apr2014, &none, "2014-04-05", true);
	resolve_eq("5日，他前往南京", &none, &none, "none", false);
	resolve_eq("为期3日", &none, &mar20, "none", false);
	resolve_eq("3日游", &none, &mar20, "none", false);
	resolve_eq("3日以内", &none, &mar20, "none", false);
	resolve_eq("有20日本游客", &none, &mar20, "none", false);
	resolve_eq("北京21日电", &none, &mar20, "none", false);
	/* Two dates joined as a range are one expression, dated by its start;
	 * "and" joins a range only after "between". */
	{
		struct datex *v;
		const char *t = "The talks ran from June 3 to June 5, 2019.";
		size_t nv = dates_find(t, strlen(t), "en", &v);
		tap_ok(nv == 1 && v[0].kind == DATEX_RANGE && v[0].day == 3 && v[0].day_end == 5 &&
		       v[0].month_end == 6 && v[0].year == 2019, "from June 3 to June 5, 2019: one range");
		free(v);
		t = "The office was closed on June 3 and June 5.";
		nv = dates_find(t, strlen(t), "en", &v);
		tap_ok(nv == 2 && v[0].kind == DATEX_DATE && v[1].kind == DATEX_DATE,
		       "on June 3 and June 5: two days");
		free(v);
		t = "entre le 3 et le 5 juin";
		nv = dates_find(t, strlen(t), "fr", &v);
		tap_ok(nv == 1 && v[0].kind == DATEX_RANGE && v[0].day == 3 && v[0].day_end == 5,
		       "entre le 3 et le 5 juin: one range");
		free(v);
	}
	resolve_eq("The fair ran from December 28 to January 3, 2019", &none, &mar20, "2018-12-28", false);
	/* Years before 1800 after in / en, where nothing counted follows. */
	resolve_eq("In 1789, the Revolution", &none, &none, "1789", false);
	resolve_eq("En 1643, Louis XIV", &none, &none, "1643", false);
	resolve_eq("found in 1500 cases", &none, &none, "none", false);
	/* A day of a week counted from the dateline (Thursday 13 June 2019). */
	resolve_eq("上周五，双方举行了会谈", &none, &jun13_, "2019-06-07", true);
	resolve_eq("下週一，新規實施", &none, &jun13_, "2019-06-17", true);
	resolve_eq("上星期日，游行", &none, &jun13_, "2019-06-09", true);
	resolve_eq("上周三次会议", &none, &jun13_, "2019-06-03", true);   /* the week */
	/* A day alone after a backstory of the same year is still the dateline's
	 * month; 统计局 holds 计 but does not look ahead. */
	struct adate mar2019 = mk(2019, 3, 0, DATE_MONTH);
	resolve_eq("市长11日表示", &mar2019, &jun13_, "2019-06-11", true);
	resolve_eq("统计局15日公布", &none, &jun13_, "2019-05-15", true);
	/* Parts of the dateline's day, and decades counted back. */
	struct adate jun13 = mk(2019, 6, 13, DATE_DAY);
	resolve_eq("resigned this morning", &none, &jun13, "2019-06-13", true);
	resolve_eq("Fighting resumed last night", &none, &jun13, "2019-06-12", true);
	resolve_eq("A decade ago, the town", &none, &jun13, "2009", true);
	resolve_eq("Il y a deux décennies", &none, &jun13, "1999", true);
	resolve_eq("昨晚，战斗再次爆发", &none, &jun13, "2019-06-12", true);
	resolve_eq("至今晚上仍在下雨", &none, &jun13, "none", false);
	/* The year named as such, and courant. */
	resolve_eq("En l'an 2000, la ville", &none, &none, "2000", false);
	resolve_eq("Au cours de l'année 2017, les ventes", &none, &none, "2017", false);
	resolve_eq("Courant 2020, le tramway", &none, &none, "2020", false);
	/* French halves of a year, and a season to come after "au". */
	resolve_eq("Au second semestre 2017, les ventes", &none, &mar20, "2017", false);
	resolve_eq("au printemps prochain", &none, &mar20, "2019-03", true);
	/* From the article's date: a later month than the dateline's is last year's. */
	struct adate ref = mk(2019, 10, 24, DATE_DAY);
	resolve_eq("HANGZHOU, Oct. 24 (Xinhua)", &none, &ref, "2019-10-24", true);
	resolve_eq("In March, it began", &none, &ref, "2019-03", true);
	resolve_eq("In December, it began", &none, &ref, "2018-12", true);
	/* A verb of saying marks only the saying: the reported clause has its
	 * own tense, or none (then the nearer December), unless the date is the
	 * saying's own. */
	resolve_eq("The firm said it is calling its bonds on Dec. 7", &none, &ref, "2019-12-07", true);
	resolve_eq("The firm said in December that it would sell", &none, &ref, "2018-12", true);
	resolve_eq("It told staff that the plant was shut in December", &none, &ref, "2018-12", true);
	/* A deadline moved to a date looks ahead from the moving, whatever its
	 * tense: the nearer such date. */
	resolve_eq("The bank extended its offer to Nov. 6", &none, &ref, "2019-11-06", true);
	resolve_eq("The deadline was extended to Oct. 15", &none, &ref, "2019-10-15", true);
	resolve_eq("The vote was postponed until Jan. 9", &none, &ref, "2020-01-09", true);
	resolve_eq("L'offre a été prolongée jusqu'au 6 novembre", &none, &ref, "2019-11-06", true);
	resolve_eq("报名期限已延长至11月6日", &none, &ref, "2019-11-06", true);
	/* "later in the day" is the report's day; "later that day" the account's */
	resolve_eq("The ferry sailed later in the day", &none, &ref, "2019-10-24", true);
	resolve_eq("Le ferry est parti plus tard dans la journée", &none, &ref, "2019-10-24", true);
	resolve_eq("Earlier that day, the ferry sailed", &(struct adate){ 2011, 5, 3, DATE_DAY, false },
		   &ref, "2011-05-03", true);
	/* "the previous Thursday" in a Thursday's paper is the week before's. */
	resolve_eq("Shares fell 2% from the previous Thursday", &none, &ref, "2019-10-17", true);
	resolve_eq("Shares fell 2% from the preceding Monday", &none, &ref, "2019-10-21", true);
	/* A French infinitive after a past verb looks ahead from it, as the
	 * English one does; "de" only after a participle. */
	resolve_eq("Le ministre est arrivé à Pékin pour signer l'accord en novembre", &none, &ref,
		   "2019-11", true);
	resolve_eq("Le conseil a décidé de fermer le pont en novembre", &none, &ref, "2019-11", true);
	resolve_eq("Le conseil a accepté d\xe2\x80\x99" "ouvrir le pont en novembre", &none, &ref, "2019-11",
		   true);
	resolve_eq("Le ministre a convoqué les syndicats afin de conclure en novembre", &none, &ref,
		   "2019-11", true);
	resolve_eq("Le pont a été fermé pour travaux en novembre", &none, &ref, "2018-11", true);
	resolve_eq("Le centre de crise a été créé en novembre", &none, &ref, "2018-11", true);
	resolve_eq("Le siège a été installé pour notre part en novembre", &none, &ref, "2018-11", true);
	/* "next to" is a place: the past verb governs the weekday. */
	resolve_eq("Two guards were killed in the blast next to the embassy on Friday", &none, &ref,
		   "2019-10-18", true);
	resolve_eq("Two guards died on Friday", &none, &ref, "2019-10-18", true);
	resolve_eq("He was shot in the house next door on Monday", &none, &ref, "2019-10-21", true);
	resolve_eq("The ministers will meet next to the old palace on Friday", &none, &ref,
		   "2019-10-25", true);
	/* A weekday a deadline is put off to is the coming one. */
	resolve_eq("The hearing was postponed until Tuesday", &none, &ref, "2019-10-29", true);
	/* "plan" is a marker as a verb ("plans to"), not as a noun; "deadline"
	 * says nothing of tense. */
	resolve_eq("The board announced the plan Aug. 21", &none, &ref, "2019-08-21", true);
	resolve_eq("The firm plans to open a plant in December", &none, &ref, "2019-12", true);
	resolve_eq("Holders tendered their shares by the Tuesday deadline", &none, &ref,
		   "2019-10-22", true);
	/* An infinitive after a past verb dates what was to be done: the nearer
	 * such date; "to death" is no infinitive, and a weekday stays the
	 * past verb's. */
	resolve_eq("The court summoned him to testify on Dec. 2", &none, &ref, "2019-12-02", true);
	resolve_eq("The board decided to admit two members in early December", &none, &ref,
		   "2019-12", true);
	resolve_eq("He was sentenced to death in December", &none, &ref, "2018-12", true);
	resolve_eq("He returned to work on Friday", &none, &ref, "2019-10-18", true);
	/* An -ed word after a determiner is no verb; a word that dates its own
	 * expression marks only its clause. */
	resolve_eq("It will be paid on a still unspecified date in January", &none, &ref, "2020-01", true);
	resolve_eq("The union would decide, as long ago, on Nov. 12", &none,
		   &ref, "2019-11-12", true);
	/* "succeed" is no past; "supposed to", "is redeeming" look ahead. */
	resolve_eq("The deputy will succeed her on Feb. 1", &none, &ref, "2020-02-01", true);
	resolve_eq("The talks are supposed to end by May", &none, &ref, "2020-05", true);
	resolve_eq("The bank said it is redeeming on Dec. 7 all its preferred shares", &none, &ref,
		   "2019-12-07", true);
	/* French and Chinese verbs of saying mark only the saying. */
	resolve_eq("La société a annoncé qu'elle ferme l'usine en décembre", &none, &ref, "2019-12",
		   true);
	resolve_eq("Le maire a déclaré mardi que le pont était fermé", &none, &ref, "2019-10-22", true);
	resolve_eq("公司已表示，工厂12月关闭", &none, &ref, "2019-12", true);
	resolve_eq("他曾表示，新厂12月投产", &none, &ref, "2019-12", true);
	/* A quarter without a year is the report's: the latest one over or
	 * running, or with a tense to come the next; placed by its last month. */
	resolve_eq("Profit rose in the third quarter", &none, &ref, "2019-07", true);
	resolve_eq("Profit rose in the third quarter", &none, &(struct adate){ 2020, 2, 10, DATE_DAY, false },
		   "2019-07", true);
	resolve_eq("The plant will reopen in the second quarter", &none, &ref, "2020-04", true);
	resolve_eq("Le bénéfice a progressé au troisième trimestre", &none, &ref, "2019-07", true);
	resolve_eq("第三季度，利润增长", &none, &ref, "2019-07", true);
	resolve_eq("去年第四季度，利润下降", &none, &ref, "2018-10", true);
	expect_none("Net income for the third quarter rose.", "en");
	expect_none("第三季度利润增长。", "zh-Hans");
	/* The week of a month, in Chinese too. */
	resolve_eq("3月第二周，港口关闭", &none, &ref, "2019-03-08", true);
	resolve_eq("2018年3月第2週，港口關閉", &none, &ref, "2018-03-08", false);
	resolve_eq("Sales should grow in the current year", &none, &ref, "2019", true);
	resolve_eq("Les ventes progresseront sur l'année en cours", &none, &ref, "2019", true);
	resolve_eq("本月，价格上涨", &apr2014, &ref, "2019-10", true);
	/* The account goes on but never past the article's date. */
	struct adate sep2019 = mk(2019, 9, 0, DATE_MONTH);
	resolve_eq("In March, it began", &sep2019, &ref, "2019-03", true);
	struct adate guessed = { 2014, 4, 0, DATE_MONTH, true };
	resolve_eq("In May, the EU", &oct2014, &guessed, "2015-05", true);
	/* Weekdays: the most recent before Thursday 2019-10-24. */
	tap_int_eq(dates_weekday(2019, 10, 24), 4, "2019-10-24 was a Thursday");
	resolve_eq("The WIC closed Tuesday.", &none, &ref, "2019-10-22", true);
	resolve_eq("at a WIC forum on Monday.", &none, &ref, "2019-10-21", true);
	resolve_eq("said on Thursday.", &none, &ref, "2019-10-24", true);
	resolve_eq("said on Friday.", &none, &ref, "2019-10-18", true);
	struct adate jan2 = mk(2020, 1, 2, DATE_DAY);   /* a Thursday */
	resolve_eq("on Monday", &none, &jan2, "2019-12-30", true);
	resolve_eq("on Monday", &none, &oct2014, "none", false);
	resolve_eq("2015年至2020年，贸易翻番", &none, &none, "2015", false);
	/* A day after or before the narrative's, across months and years; nothing
	 * without a narrative to the day. */
	resolve_eq("The next day, it closed.", &jan2, &none, "2020-01-03", true);
	resolve_eq("la veille, il a dit", &jan2, &none, "2020-01-01", true);
	struct adate jan1 = mk(2020, 1, 1, DATE_DAY), feb28 = mk(2024, 2, 28, DATE_DAY);
	resolve_eq("前一天，他抵达", &jan1, &none, "2019-12-31", true);
	resolve_eq("次日，会议闭幕", &feb28, &none, "2024-02-29", true);
	resolve_eq("次日，会议闭幕", &(struct adate){ 2023, 12, 31, DATE_DAY, false }, &none,
		   "2024-01-01", true);
	resolve_eq("The next day, it closed.", &oct2014, &ref, "none", false);
	resolve_eq("The next day, it closed.", &none, &ref, "none", false);
	resolve_eq("February 29", &none, &(struct adate){ 2021, 3, 1, DATE_DAY, false }, "none",
		   false);
	tap_int_eq(dates_month_days(2000, 2), 29, "2000 was a leap year");
	tap_int_eq(dates_month_days(1900, 2), 28, "1900 was not");
}

int main(void)
{
	test_english();
	test_english_false_positives();
	test_spelled_years();
	test_holidays();
	test_parts();
	test_fiscal_years();
	test_french();
	test_chinese();
	test_chinese_false_positives();
	test_invalid();
	test_stitched();
	test_resolve();
	return tap_done();
}
