/* uinum.h: counts written the way the interface language writes them, with
 * its thousands separator: "41,200" in English and in Chinese, "41 200" in
 * French, where the separator is a narrow no-break space (U+202F, as CLDR has
 * it) so that a number never breaks across lines. Every number the interface
 * shows large enough to need one (the indexing progress line, the command
 * line's progress bar) goes through here, never through a hand-made "%zu". */
#ifndef ANNALS_UINUM_H
#define ANNALS_UINUM_H

#include <stddef.h>
#include "uilang.h"

/* Longest result of uinum_format, with its terminating NUL: the 20 digits of
 * the largest unsigned long long and 6 separators of 3 bytes each. */
#define UINUM_MAX 40

/* Writes n into buf (size bytes; UINUM_MAX is always enough, less is cut at
 * a whole character) grouped by thousands as lang writes numbers; numbers
 * below 1000 have no separator in any of them. Returns buf. */
char *uinum_format(unsigned long long n, enum uilang_id lang, char *buf, size_t size);

/* The separator itself ("," or U+202F in UTF-8). */
const char *uinum_separator(enum uilang_id lang);

#endif
