/* events_fuzzer.c: events from one or two articles. The first byte sets the
 * articles' dates; the rest is their text (lines are paragraphs, a leading
 * digit sets a paragraph's language, a 0xFF byte starts the second article).
 * Every event points into its paragraph and carries a clean sentence. */
#include <config.h>
#include "fuzz.h"

#include "events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	unsigned flags = data[0];
	data++, size--;
	const uint8_t *sep = memchr(data, 0xFF, size);
	size_t n0 = sep ? (size_t)(sep - data) : size;
	struct collection col;
	collection_init(&col);
	for (int k = 0; k < (sep ? 2 : 1); k++) {
		size_t len, clen;
		char *raw = fuzz_utf8(k ? sep + 1 : data, k ? size - n0 - 1 : n0, &len);
		char *text = clean_text(raw, len, &clen);
		struct article a;
		fuzz_article(&a, text, clen, k ? "b" : "a");
		if (flags & (1u << k))
			a.date = (struct adate){ 2000 + (int)(flags >> 4), 1 + (int)(flags % 12),
						 1 + (int)(flags % 28), (enum date_precision)(1 + (flags >> 2) % 3),
						 false };
		collection_add(&col, &a);
		free(text);
		free(raw);
	}
	struct event_list *ev = events_derive(&col);
	for (size_t i = 0; i < ev->n; i++) {
		const struct event *e = &ev->v[i];
		FUZZ_ASSERT(e->article < col.n);
		FUZZ_ASSERT(e->para < col.items[e->article].npara);
		FUZZ_ASSERT(e->start + e->len <= strlen(col.items[e->article].paras[e->para].text));
		FUZZ_ASSERT(fuzz_clean_str(e->text, false));
		FUZZ_ASSERT(e->group >= 1);
		FUZZ_ASSERT(i == 0 || adate_compare(&ev->v[i - 1].date, &e->date) <= 0);
	}
	events_free(ev);
	collection_free(&col);
	return 0;
}
