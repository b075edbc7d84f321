/* search_fuzzer.c: search. The first line is the query; the rest is an
 * article (lines are paragraphs, a leading digit sets the language). Every
 * match lies inside its paragraph (or the title) and is found again in its
 * snippet. */
#include <config.h>
#include "fuzz.h"

#include "layout.h"
#include "search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	/* The first byte: the snippets' width, and (its low bit) whether the
	 * search takes every match or stops after five. */
	int width = 1 + data[0] % 64;
	size_t max = data[0] & 1 ? 0 : 5;
	data++, size--;
	const uint8_t *nl = memchr(data, '\n', size);
	size_t qn = nl ? (size_t)(nl - data) : size;
	char *query = xstrndup((const char *)data, qn);
	size_t len, clen;
	char *raw = fuzz_utf8(nl ? nl + 1 : data + size, nl ? size - qn - 1 : 0, &len);
	char *text = clean_text(raw, len, &clen);
	struct collection col;
	collection_init(&col);
	struct article a;
	fuzz_article(&a, text, clen, "a");
	collection_add(&col, &a);
	fuzz_article(&a, text, clen / 2, "b");
	collection_add(&col, &a);
	struct search_index *ix = search_index_new(&col);
	struct search_match *m;
	size_t n;
	struct layout_opts lo = { false, 8 };
	if (search_run(ix, query, max, &m, &n) == 0) {
		FUZZ_ASSERT(search_query_terms(ix, query) > 0);
		for (size_t i = 0; i < n; i++) {
			/* A match is in a paragraph, or in the title (SEARCH_TITLE). */
			FUZZ_ASSERT(m[i].article < col.n);
			const struct article *art = &col.items[m[i].article];
			FUZZ_ASSERT(m[i].para == SEARCH_TITLE || m[i].para < art->npara);
			const char *p = m[i].para == SEARCH_TITLE ? art->title : art->paras[m[i].para].text;
			FUZZ_ASSERT(m[i].start + m[i].len <= strlen(p));
			size_t hs, hl;
			char *snip = search_snippet(p, m[i].start, m[i].len, width, &lo, &hs, &hl);
			FUZZ_ASSERT(fuzz_clean_str(snip, false) && hs + hl <= strlen(snip));
			FUZZ_ASSERT(layout_strwidth(snip, &lo) <= (width > 1 ? width : 1));
			free(snip);
		}
		free(m);
	}
	search_index_free(ix);
	collection_free(&col);
	free(text);
	free(raw);
	free(query);
	return 0;
}
