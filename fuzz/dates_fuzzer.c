/* dates_fuzzer.c: date expressions. The first byte picks the language and the
 * article's date; the rest is the text. Every expression lies inside the text,
 * in order and without overlaps, and each one resolves (or not) to a real
 * calendar date. */
#include <config.h>
#include "fuzz.h"

#include "dates.h"

static bool fuzz_date_sane(const struct adate *d)
{
	if (d->prec == DATE_NONE)
		return true;
	if (d->prec >= DATE_MONTH && (d->month < 1 || d->month > 12))
		return false;
	if (d->prec == DATE_DAY && (d->day < 1 || d->day > dates_month_days(d->year, d->month)))
		return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	unsigned flags = data[0];
	size_t len;
	char *text = fuzz_utf8(data + 1, size - 1, &len);
	struct datex *x;
	size_t n = dates_find(text, len, flags & 8 ? NULL : fuzz_lang(flags & 7), &x);
	struct adate ref = { 0 }, prev = { 0 };
	if (flags & 0x10)
		ref = (struct adate){ 1990 + (int)(flags >> 5) * 5, 1 + (int)(flags % 12),
				      1 + (int)(flags % 28), DATE_DAY, false };
	size_t end = 0;
	for (size_t i = 0; i < n; i++) {
		FUZZ_ASSERT(x[i].start >= end && x[i].start + x[i].len <= len);
		end = x[i].start + x[i].len;
		struct adate d;
		if (dates_resolve(&x[i], &prev, &ref, &d)) {
			FUZZ_ASSERT(fuzz_date_sane(&d));
			prev = d;
		}
	}
	free(x);
	free(text);
	return 0;
}
