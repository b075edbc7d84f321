/* keysort.c: least significant digit first, 16 bits a pass; a pass whose
 * digit is the same for every record moves nothing and is skipped. Small
 * arrays go to an insertion sort, which is stable too. */
#include <config.h>
#include "keysort.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define KEYSORT_SMALL 64
#define KEYSORT_DIGITS 65536

static uint64_t keysort_key(const unsigned char *r)
{
	uint64_t k;
	memcpy(&k, r, sizeof k);
	return k;
}

/* One record from from to to: the sizes the grouping sorts are copied as
 * constants, which the compiler turns into a move or two. */
static void keysort_move(unsigned char *to, const unsigned char *from, size_t size)
{
	if (size == 16)
		memcpy(to, from, 16);
	else if (size == 24)
		memcpy(to, from, 24);
	else
		memcpy(to, from, size);
}

static void keysort_small(unsigned char *b, size_t n, size_t size, unsigned char *hold)
{
	for (size_t i = 1; i < n; i++) {
		uint64_t k = keysort_key(b + i * size);
		size_t j = i;
		while (j > 0 && keysort_key(b + (j - 1) * size) > k)
			j--;
		if (j == i)
			continue;
		memcpy(hold, b + i * size, size);
		memmove(b + (j + 1) * size, b + j * size, (i - j) * size);
		memcpy(b + j * size, hold, size);
	}
}

void keysort(void *base, size_t n, size_t size)
{
	unsigned char *b = base;
	if (n < 2)
		return;
	if (n <= KEYSORT_SMALL) {
		unsigned char *hold = xmalloc(size);
		keysort_small(b, n, size, hold);
		free(hold);
		return;
	}
	unsigned char *tmp = xmalloc(n * size), *from = b, *to = tmp;
	size_t *count = xmalloc(KEYSORT_DIGITS * sizeof *count);
	for (unsigned shift = 0; shift < 64; shift += 16) {
		memset(count, 0, KEYSORT_DIGITS * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[(keysort_key(from + i * size) >> shift) & 0xFFFF]++;
		if (count[(keysort_key(from) >> shift) & 0xFFFF] == n)
			continue;
		for (size_t d = 0, sum = 0; d < KEYSORT_DIGITS; d++) {
			size_t c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++) {
			size_t d = (keysort_key(from + i * size) >> shift) & 0xFFFF;
			keysort_move(to + count[d]++ * size, from + i * size, size);
		}
		unsigned char *t = from;
		from = to;
		to = t;
	}
	if (from != b)
		memcpy(b, from, n * size);
	free(count);
	free(tmp);
}
