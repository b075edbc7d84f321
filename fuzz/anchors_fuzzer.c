/* anchors_fuzzer.c: anchors and their chain. Two texts split by a 0xFF byte,
 * each line a unit; the first byte sets the chain's options. The chain
 * links units that exist, strictly increasing on both sides. */
#include <config.h>
#include "fuzz.h"

#include "anchors.h"

static size_t fuzz_units(struct anchor_set *s, const char *text, size_t n)
{
	anchors_init(s);
	size_t unit = 0;
	for (size_t i = 0; i <= n; unit++) {
		const char *nl = i < n ? memchr(text + i, '\n', n - i) : NULL;
		size_t e = nl ? (size_t)(nl - text) : n;
		anchors_collect(s, text + i, e - i, unit);
		i = e + 1;
	}
	for (size_t k = 0; k < s->n; k++)
		FUZZ_ASSERT(s->v[k].unit < unit && memchr(s->v[k].key, 0, ANCHOR_KEY_MAX));
	return unit;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	unsigned flags = data[0];
	data++, size--;
	const uint8_t *sep = memchr(data, 0xFF, size);
	size_t n0 = sep ? (size_t)(sep - data) : size;
	size_t la, lb;
	char *a = fuzz_utf8(data, n0, &la);
	char *b = fuzz_utf8(sep ? sep + 1 : data + size, sep ? size - n0 - 1 : 0, &lb);
	struct anchor_set sa, sb;
	size_t ua = fuzz_units(&sa, a, la), ub = fuzz_units(&sb, b, lb);
	struct anchor_pair *chain;
	size_t n = anchors_chain(&sa, &sb, flags & 1, flags & 2, &chain);
	for (size_t k = 0; k < n; k++) {
		FUZZ_ASSERT(chain[k].a < ua && chain[k].b < ub && chain[k].weight > 0);
		FUZZ_ASSERT(k == 0 || (chain[k].a > chain[k - 1].a && chain[k].b > chain[k - 1].b));
	}
	free(chain);
	anchors_free(&sa);
	anchors_free(&sb);
	free(a);
	free(b);
	return 0;
}
