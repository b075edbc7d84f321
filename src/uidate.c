/* uidate.c: dates in the interface language. The forms differ in more than
 * words (the order of day, month and year, French "1er", Chinese 年月日 with
 * no spaces), which one translated format string cannot carry, so each of the
 * four languages has its own small table and rule here. */
#include <config.h>
#include "uidate.h"

#include <stdio.h>

static const char *const uidate_en_long[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};
static const char *const uidate_en_short[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
/* French months take no capital. */
static const char *const uidate_fr_long[12] = {
	"janvier", "février", "mars", "avril", "mai", "juin",
	"juillet", "août", "septembre", "octobre", "novembre", "décembre",
};
/* The usual abbreviations (those of the Imprimerie nationale and CLDR): short
 * names stay whole, the rest are cut after a consonant and take a full stop. */
static const char *const uidate_fr_short[12] = {
	"janv.", "févr.", "mars", "avr.", "mai", "juin",
	"juil.", "août", "sept.", "oct.", "nov.", "déc.",
};
/* Written the same in simplified and traditional characters. */
static const char *const uidate_zh_long[12] = {
	"一月", "二月", "三月", "四月", "五月", "六月",
	"七月", "八月", "九月", "十月", "十一月", "十二月",
};
static const char *const uidate_zh_short[12] = {
	"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
};

static bool uidate_is_zh(enum uilang_id lang)
{
	return lang == UILANG_ZH_CN || lang == UILANG_ZH_TW;
}

const char *uidate_month_name(int month, enum uilang_id lang)
{
	if (month < 1 || month > 12)
		return "";
	if (uidate_is_zh(lang))
		return uidate_zh_long[month - 1];
	return lang == UILANG_FR ? uidate_fr_long[month - 1] : uidate_en_long[month - 1];
}

const char *uidate_month_short(int month, enum uilang_id lang)
{
	if (month < 1 || month > 12)
		return "";
	if (uidate_is_zh(lang))
		return uidate_zh_short[month - 1];
	return lang == UILANG_FR ? uidate_fr_short[month - 1] : uidate_en_short[month - 1];
}

/* with_year false leaves the year out where a month is known (a list under a
 * heading of the year); a date known only to the year keeps it. */
static char *uidate_write(const struct adate *d, enum uilang_id lang, bool with_year,
			  char *buf, size_t size)
{
	if (size == 0)
		return buf;
	buf[0] = '\0';
	/* Precision says how much to show, as long as the parts are real: a bad
	 * month leaves the year, a bad day the month. */
	enum date_precision prec = d->prec;
	if (prec >= DATE_MONTH && (d->month < 1 || d->month > 12))
		prec = DATE_YEAR;
	if (prec == DATE_DAY && (d->day < 1 || d->day > 31))
		prec = DATE_MONTH;
	bool zh = uidate_is_zh(lang);
	const char *month = uidate_month_name(d->month, lang);
	switch (prec) {
	case DATE_NONE:
		break;
	case DATE_YEAR:
		snprintf(buf, size, zh ? "%d年" : "%d", d->year);
		break;
	case DATE_MONTH:
		if (!with_year)
			snprintf(buf, size, "%s", zh ? uidate_zh_short[d->month - 1] : month);
		else if (zh)
			snprintf(buf, size, "%d年%d月", d->year, d->month);
		else
			snprintf(buf, size, "%s %d", month, d->year);
		break;
	case DATE_DAY:
		if (zh && !with_year)
			snprintf(buf, size, "%d月%d日", d->month, d->day);
		else if (zh)
			snprintf(buf, size, "%d年%d月%d日", d->year, d->month, d->day);
		else if (lang == UILANG_FR && !with_year)
			snprintf(buf, size, d->day == 1 ? "%der %s" : "%d %s", d->day, month);
		else if (lang == UILANG_FR)
			/* The first of the month is an ordinal in French: "1er mai". */
			snprintf(buf, size, d->day == 1 ? "%der %s %d" : "%d %s %d", d->day, month, d->year);
		else if (!with_year)
			snprintf(buf, size, "%s %d", month, d->day);
		else
			snprintf(buf, size, "%s %d, %d", month, d->day, d->year);
		break;
	}
	return buf;
}

char *uidate_format(const struct adate *d, enum uilang_id lang, char *buf, size_t size)
{
	return uidate_write(d, lang, true, buf, size);
}

char *uidate_format_in_year(const struct adate *d, enum uilang_id lang, char *buf, size_t size)
{
	return uidate_write(d, lang, false, buf, size);
}

int uidate_column_width(enum uilang_id lang, const struct layout_opts *lo)
{
	int w = 0;
	for (int m = 1; m <= 12; m++) {
		/* The widest day of a month is two digits, the 28th standing for
		 * all, or the first, which French writes "1er" (1er septembre is a
		 * column wider than 28 septembre). */
		static const int days[] = { 1, 28 };
		for (int k = 0; k < 2; k++) {
			struct adate d = { .year = 2000, .month = m, .day = days[k], .prec = DATE_DAY };
			char buf[UIDATE_MAX];
			int dw = layout_strwidth(uidate_format_in_year(&d, lang, buf, sizeof buf), lo);
			if (dw > w)
				w = dw;
		}
	}
	return w;
}

/* Seasons and quarters by language: English, French, Chinese (the same in
 * simplified and traditional characters, but for the quarter's 度). */
static const char *const uidate_seasons[3][4] = {
	{ "spring", "summer", "autumn", "winter" },
	{ "printemps", "été", "automne", "hiver" },
	{ "春", "夏", "秋", "冬" },
};
static const char *const uidate_zh_ordinal[4] = { "一", "二", "三", "四" };

char *uidate_format_period(const struct adate *d, enum dates_period period, enum uilang_id lang,
			   bool with_year, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	bool zh = uidate_is_zh(lang);
	int l = zh ? 2 : lang == UILANG_FR ? 1 : 0;
	switch (period) {
	case DATES_PERIOD_DECADE:
		/* "the 1990s", "années 1990", "1990年代"; "1990s" under a heading */
		if (zh)
			snprintf(buf, size, "%d年代", d->year);
		else if (lang == UILANG_FR)
			snprintf(buf, size, "années %d", d->year);
		else
			snprintf(buf, size, with_year ? "the %ds" : "%ds", d->year);
		return buf;
	case DATES_PERIOD_SPRING:
	case DATES_PERIOD_SUMMER:
	case DATES_PERIOD_AUTUMN:
	case DATES_PERIOD_WINTER: {
		const char *name = uidate_seasons[l][period - DATES_PERIOD_SPRING];
		if (!with_year)
			snprintf(buf, size, "%s", name);
		else if (zh)
			snprintf(buf, size, "%d年%s", d->year, name);
		else
			snprintf(buf, size, "%s %d", name, d->year);
		return buf;
	}
	case DATES_PERIOD_QUARTER: {
		int q = d->month >= 1 && d->month <= 12 ? (d->month - 1) / 3 + 1 : 1;
		const char *du = lang == UILANG_ZH_TW ? "" : "度";
		if (zh && with_year)
			snprintf(buf, size, "%d年第%s季%s", d->year, uidate_zh_ordinal[q - 1], du);
		else if (zh)
			snprintf(buf, size, "第%s季%s", uidate_zh_ordinal[q - 1], du);
		else if (lang == UILANG_FR)
			snprintf(buf, size, with_year ? "T%d %d" : "T%d", q, d->year);
		else
			snprintf(buf, size, with_year ? "Q%d %d" : "Q%d", q, d->year);
		return buf;
	}
	case DATES_PERIOD_EARLY:
	case DATES_PERIOD_MID:
	case DATES_PERIOD_LATE: {
		/* "late 2016", "fin 2016", "2016年底"; "mid-March 2016", "mi-mars
		 * 2016", "2016年3月中旬" */
		int part = period - DATES_PERIOD_EARLY;
		static const char *const en[3] = { "early ", "mid-", "late " };
		static const char *const fr[3] = { "début ", "mi-", "fin " };
		static const char *const zh_year[3] = { "初", "中", "底" };
		static const char *const zh_month[3] = { "上旬", "中旬", "下旬" };
		char inner[UIDATE_MAX];
		bool month = d->prec >= DATE_MONTH && d->month >= 1 && d->month <= 12;
		struct adate m = *d;
		m.prec = month ? DATE_MONTH : DATE_YEAR;
		static const char *const en_alone[3] = { "early", "mid", "late" };
		static const char *const fr_alone[3] = { "début", "milieu", "fin" };
		if (!month && !with_year && !zh)
			snprintf(buf, size, "%s", (lang == UILANG_FR ? fr_alone : en_alone)[part]);
		else if (zh && !month && with_year)
			snprintf(buf, size, "%d年%s", d->year, zh_year[part]);
		else if (zh && !month)
			snprintf(buf, size, "年%s", zh_year[part]);
		else if (zh)
			snprintf(buf, size, "%s%s", uidate_write(&m, lang, with_year, inner, sizeof inner),
				 zh_month[part]);
		else
			snprintf(buf, size, "%s%s", (lang == UILANG_FR ? fr : en)[part],
				 uidate_write(&m, lang, with_year, inner, sizeof inner));
		return buf;
	}
	default:
		return uidate_write(d, lang, with_year, buf, size);
	}
}

