/* uinum.c: counts grouped by thousands in the interface language's way. */
#include <config.h>
#include "uinum.h"

#include <string.h>

const char *uinum_separator(enum uilang_id lang)
{
	/* French groups with a narrow no-break space (CLDR, and the Imprimerie
	 * nationale's rules); English and Chinese, simplified and traditional,
	 * with a comma. */
	return lang == UILANG_FR ? "\xe2\x80\xaf" : ",";  /* U+202F */
}

char *uinum_format(unsigned long long n, enum uilang_id lang, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	char digits[24];
	size_t nd = 0;
	do {
		digits[nd++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	const char *sep = uinum_separator(lang);
	size_t seplen = strlen(sep), at = 0;
	/* Digits from the most significant; a separator before every group of
	 * three that has digits before it. Stops at a whole digit or separator
	 * when buf is too small. */
	for (size_t i = nd; i-- > 0;) {
		if (at + 1 >= size)
			break;
		buf[at++] = digits[i];
		if (i > 0 && i % 3 == 0) {
			if (at + seplen >= size)
				break;
			memcpy(buf + at, sep, seplen);
			at += seplen;
		}
	}
	buf[at] = '\0';
	return buf;
}
