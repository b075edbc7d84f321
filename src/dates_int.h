/* dates_int.h: what the recogniser's files (dates.c, dates_phrase.c) share:
 * code points, words and Chinese numbers read from untrusted UTF-8. Not for
 * use outside the dates_* files. */
#ifndef ANNALS_DATES_INT_H
#define ANNALS_DATES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dates.h"

/* A number in Chinese dates: ASCII or full-width digits, or Chinese numerals. */
struct dates_zhnum {
	int value;
	size_t ndigits;         /* characters read */
	bool numeral;           /* Chinese numerals */
	bool positional;        /* numerals read digit by digit (二〇一九), no 十 */
	size_t end;
};

/* The code point at byte i (its length in *len); -1 at the end or on invalid UTF-8. */
int32_t dates_cp(const char *s, size_t n, size_t i, size_t *len);
bool dates_is_latin(int32_t cp);
size_t dates_skip_spaces(const char *s, size_t n, size_t i);
/* The end of the Latin word at i. */
size_t dates_word_end(const char *s, size_t n, size_t i);
/* s[i..end) lowercased (ASCII letters) into buf; false when it does not fit. */
bool dates_word_lower(const char *s, size_t i, size_t end, char *buf, size_t size);
bool dates_zh_number(const char *s, size_t n, size_t i, struct dates_zhnum *z);
/* A day number then 日, 号 or 號 at i (spaces allowed): 1..31, its end in
 * *end; 0 when none. */
int dates_zh_day(const char *s, size_t n, size_t i, size_t *end);
/* A weekday digit after 周 / 星期 at i (一..六, 日 or 天 for Sunday): 0 Sunday ..
 * 6 Saturday, its end in *end; -1 when none. */
int dates_zh_weekday_at(const char *s, size_t n, size_t i, size_t *end);

/* A year in English words at i (dates_spelled.c): "nineteen ninety-six",
 * "twenty twenty-two", "two thousand and eight". Its value and end; 0 when
 * none. *count_like is set for "two thousand ...", which may as well count
 * things. */
int dates_spelled_year(const char *s, size_t n, size_t i, bool *count_like, size_t *end);

/* A holiday at i (dates_holiday.c): "Christmas", "Thanksgiving Day", "lundi de
 * Pâques", 春节. Fills *x (a DATEX_DATE with holiday set, month and day its
 * usual ones, to place the year) and returns its end; 0 when none. *alone
 * says whether the name is a time by itself ("Christmas Day"), or also a word
 * of other things ("Christmas tree"). */
size_t dates_holiday_at(const char *s, size_t n, size_t i, struct datex *x, bool *alone);
/* The month and day of holiday h (datex.holiday) in year y; false when unknown. */
bool dates_holiday_date(int holiday, int y, int *m, int *d);
/* Days since 1970-01-01 of a date, and back (dates_resolve.c). */
long dates_day_number(int y, int m, int d);
void dates_from_day_number(long z, int *y, int *m, int *d);

/* Marks the early, middle or late part of a year or month said around the
 * expressions v[0..nv) (in text order, no overlaps): "late 2016", "the end of
 * last year", 2016年底, 3月下旬 (dates_part.c). */
void dates_parts(const char *s, size_t n, struct datex *v, size_t nv);

/* A phrase of dates_phrase.c at i (a word start, a Han character or a digit):
 * fills *x (a DATEX_RELATIVE) and returns its end; 0 when none. */
size_t dates_phrase_at(const char *s, size_t n, size_t i, struct datex *x);

#endif
