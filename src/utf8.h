/* utf8.h: one code point of article text, decoded with utf8proc the way every
 * module reads it once cleaning has run: a byte that does not decode counts as
 * U+FFFD, one byte long, so a scan always moves on. */
#ifndef ANNALS_UTF8_H
#define ANNALS_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <utf8proc.h>

/* The code point at s[i] (i < n), its length in *len. */
static inline int32_t utf8_decode(const char *s, size_t n, size_t i, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					      (utf8proc_ssize_t)(n - i), &cp);
	if (k <= 0) {
		*len = 1;
		return 0xFFFD;
	}
	*len = (size_t)k;
	return cp;
}

#endif
