/* test_keysort.c: keysort against a sort by key then first place, on keys
 * with many ties, keys that differ only in one 16-bit digit, and sizes on
 * both sides of the small-array cut. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keysort.h"
#include "tap.h"
#include "xalloc.h"

struct rec {
	uint64_t key;
	uint64_t at;            /* its place before sorting */
	uint64_t pad;           /* a 24-byte record */
};

static int by_key_then_place(const void *pa, const void *pb)
{
	const struct rec *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* kind 0: any key; 1: eight keys, many ties; 2: keys apart in their top
 * digit only; 3: every key equal. */
static uint64_t make_key(int kind, uint64_t *s)
{
	switch (kind) {
	case 0: return next_rand(s);
	case 1: return next_rand(s) % 8 * 0x0001000100010001ULL;
	case 2: return (next_rand(s) % 5) << 48 | 0x1234;
	default: return 42;
	}
}

static void check(size_t n, int kind)
{
	uint64_t seed = 0x9E3779B97F4A7C15ULL ^ (n * 31 + (uint64_t)kind);
	struct rec *got = xmalloc((n ? n : 1) * sizeof *got);
	struct rec *want = xmalloc((n ? n : 1) * sizeof *want);
	for (size_t i = 0; i < n; i++)
		got[i] = (struct rec){ make_key(kind, &seed), i, i * 7 };
	memcpy(want, got, n * sizeof *got);
	qsort(want, n, sizeof *want, by_key_then_place);
	keysort(got, n, sizeof *got);
	tap_ok(n == 0 || memcmp(got, want, n * sizeof *got) == 0,
	       "%zu records, keys of kind %d: by key, ties in their order", n, kind);
	free(got);
	free(want);
}

/* 16-byte records, the size of the grouping's postings. */
static void check_16(size_t n)
{
	uint64_t seed = 77 + n;
	uint64_t *got = xmalloc(2 * n * sizeof *got), *want = xmalloc(3 * n * sizeof *want);
	for (size_t i = 0; i < n; i++) {
		got[2 * i] = next_rand(&seed) % 1000;
		got[2 * i + 1] = i;
		want[3 * i] = got[2 * i];
		want[3 * i + 1] = i;
		want[3 * i + 2] = 0;
	}
	qsort(want, n, 3 * sizeof *want, by_key_then_place);
	keysort(got, n, 2 * sizeof *got);
	bool same = true;
	for (size_t i = 0; i < n && same; i++)
		same = got[2 * i] == want[3 * i] && got[2 * i + 1] == want[3 * i + 1];
	tap_ok(same, "%zu records of 16 bytes: by key, ties in their order", n);
	free(got);
	free(want);
}

int main(void)
{
	static const size_t sizes[] = { 0, 1, 2, 63, 64, 65, 1000, 70000 };
	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
		for (int kind = 0; kind < 4; kind++)
			check(sizes[s], kind);
	check_16(5);
	check_16(100000);
	return tap_done();
}
