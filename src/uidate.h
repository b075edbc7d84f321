/* uidate.h: dates written the way the interface language writes them:
 * "November 3, 2021", "3 novembre 2021", "2021年11月3日"; to the month
 * ("November 2021", "novembre 2021", "2021年11月") or the year ("2021",
 * "2021", "2021年") when that is all that is known. The language is passed in
 * (app->ui.id), so a date drawn after the L key is in the new language. */
#ifndef ANNALS_UIDATE_H
#define ANNALS_UIDATE_H

#include <stddef.h>
#include "article.h"
#include "dates.h"
#include "layout.h"
#include "uilang.h"

/* Longest result of uidate_format, with its terminating NUL. */
#define UIDATE_MAX 48

/* Writes d into buf (size bytes, UIDATE_MAX is always enough) at d's own
 * precision; "" for DATE_NONE, and for a month or day out of range the less
 * precise form that is still true. Returns buf. */
char *uidate_format(const struct adate *d, enum uilang_id lang, char *buf, size_t size);

/* The same without the year, for rows under a heading that shows it:
 * "November 3", "3 novembre", "11月3日"; "November", "novembre", "11月" to
 * the month; a date known only to the year is the year, as above. */
char *uidate_format_in_year(const struct adate *d, enum uilang_id lang, char *buf, size_t size);

/* A date that stands for a period, read as such: a decade ("the 1990s",
 * "années 1990", "1990年代"), a season ("autumn 2011", "automne 2011",
 * "2011年秋"), a quarter ("Q3 2020", "T3 2020", "2020年第三季度"); without
 * the year under a heading that shows it ("autumn", "Q3", "秋"; a decade keeps
 * its years). Any other period (none, a week) is written as uidate_format or
 * uidate_format_in_year writes it. Returns buf. */
char *uidate_format_period(const struct adate *d, enum dates_period period, enum uilang_id lang,
			   bool with_year, char *buf, size_t size);

/* Columns the widest uidate_format_in_year date to the day takes in lang:
 * the width of a date column that stays put while scrolling. */
int uidate_column_width(enum uilang_id lang, const struct layout_opts *lo);

/* A short month name for narrow places such as the timeline's year bar:
 * "Nov", "nov.", "11月". month is 1..12; "" otherwise. Static storage. */
const char *uidate_month_short(int month, enum uilang_id lang);

/* The full month name: "November", "novembre", "十一月". month is 1..12; "" otherwise. */
const char *uidate_month_name(int month, enum uilang_id lang);

#endif
