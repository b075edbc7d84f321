/* fold_fuzzer.c: folding for search, on any bytes, twice over with one
 * context (whatever one text leaves in the context must not change how the
 * next folds: after a 0xFF byte, the second text must fold as it does in a
 * context that has seen other texts: making a context per input would fold
 * at a tenth of the speed). The map
 * points back into the source, never backwards. */
#include <config.h>
#include "fuzz.h"

#include "fold.h"

static void fuzz_fold_check(const struct fold_out *o, size_t n)
{
	FUZZ_ASSERT(o->text[o->len] == 0 && o->map[o->len] <= n);
	for (size_t i = 0; i < o->len; i++)
		FUZZ_ASSERT(o->map[i] <= n && (i == 0 || o->map[i - 1] <= o->map[i]));
	if (o->len) {
		size_t s, e;
		fold_span(o, 0, o->len, &s, &e);
		FUZZ_ASSERT(s <= e && e <= n);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return 0;
	static struct fold *f, *fresh;
	if (!f)
		f = fold_new();
	if (!fresh)
		fresh = fold_new();
	const char *s = (const char *)data;
	const uint8_t *sep = memchr(data, 0xFF, size);
	size_t n0 = sep ? (size_t)(sep - data) : size;
	struct fold_out o, p;
	fold_out_init(&o);
	fold_out_init(&p);
	fold_text(f, s, n0, &o, true);
	fuzz_fold_check(&o, n0);
	if (sep) {
		const char *t = s + n0 + 1;
		size_t n1 = size - n0 - 1;
		fold_text(f, t, n1, &o, true);
		fuzz_fold_check(&o, n1);
		fold_text(fresh, t, n1, &p, false);
		FUZZ_ASSERT(o.len == p.len && memcmp(o.text, p.text, o.len) == 0);
	}
	fold_out_free(&o);
	fold_out_free(&p);
	return 0;
}
