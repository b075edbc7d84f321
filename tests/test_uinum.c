/* test_uinum.c: counts grouped by thousands in each interface language. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "uinum.h"
#include "tap.h"

#define NNBSP "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE */

static void check(unsigned long long n, enum uilang_id lang, const char *want, const char *what)
{
	char buf[UINUM_MAX];
	tap_str_eq(uinum_format(n, lang, buf, sizeof buf), want, what);
}

int main(void)
{
	check(0, UILANG_EN, "0", "en: zero");
	check(999, UILANG_EN, "999", "en: below a thousand, no separator");
	check(1000, UILANG_EN, "1,000", "en: a thousand");
	check(41200, UILANG_EN, "41,200", "en: the issue's example");
	check(100000, UILANG_EN, "100,000", "en: a hundred thousand");
	check(1234567, UILANG_EN, "1,234,567", "en: millions");
	check(41200, UILANG_FR, "41" NNBSP "200", "fr: a narrow no-break space");
	check(999, UILANG_FR, "999", "fr: below a thousand");
	check(3000, UILANG_FR, "3" NNBSP "000", "fr: four digits are grouped too");
	check(1234567, UILANG_FR, "1" NNBSP "234" NNBSP "567", "fr: millions");
	check(41200, UILANG_ZH_CN, "41,200", "zh_CN: a comma");
	check(41200, UILANG_ZH_TW, "41,200", "zh_TW: a comma");
	check(18446744073709551615ULL, UILANG_EN, "18,446,744,073,709,551,615", "en: the largest");
	char big[UINUM_MAX];
	uinum_format(18446744073709551615ULL, UILANG_FR, big, sizeof big);
	tap_ok(strlen(big) == 20 + 6 * 3, "fr: the largest fits in UINUM_MAX");

	/* A buffer too small is cut at a whole digit or separator, never inside one. */
	char small[5];
	tap_str_eq(uinum_format(41200, UILANG_FR, small, sizeof small), "41", "fr: cut before a separator that does not fit");
	tap_str_eq(uinum_format(41200, UILANG_EN, small, sizeof small), "41,2", "en: cut at a digit");
	char one[1] = { 'x' };
	uinum_format(5, UILANG_EN, one, 0);
	tap_ok(one[0] == 'x', "a buffer of no bytes is left alone");
	uinum_format(5, UILANG_EN, one, 1);
	tap_ok(one[0] == '\0', "a buffer of one byte gets the empty string");
	return tap_done();
}
