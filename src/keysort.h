/* keysort.h: a stable sort of records by a 64-bit key at their start. The
 * grouping sorts millions of (key, event) postings at 100,000 articles; a
 * radix sort does it in a few passes where qsort's comparisons took seconds. */
#ifndef ANNALS_KEYSORT_H
#define ANNALS_KEYSORT_H

#include <stddef.h>

/* Sorts n records of size bytes each (a multiple of 8, at least 8), whose
 * first 8 bytes are a uint64_t key, by key; records of one key keep their
 * order. */
void keysort(void *base, size_t n, size_t size);

#endif
