/* ingest_markdown_fuzzer.c: a file read as Markdown whatever it holds: the
 * front matter, the block syntax and the inline markup. */
#include <config.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return 0;
	size_t len, clen;
	char *text = fuzz_utf8(data, size, &len);
	char *clean = clean_text(text, len, &clen);
	struct collection col;
	collection_init(&col);
	struct draft d;
	draft_init(&d, "fuzz.md", "fuzz");
	size_t fm = ingest_front_matter(&d, clean, clen);
	FUZZ_ASSERT(fm <= clen);
	d.markdown = true;
	ingest_markdown_lines(&d, clean + fm, clen - fm);
	for (size_t i = 0; i < d.nlines; i++)
		FUZZ_ASSERT(d.lines[i].len == strlen(iline_text(&d, &d.lines[i])));
	ingest_article(fuzz_ingest(), &d, &col);
	draft_free(&d);
	fuzz_check_collection(&col);
	collection_free(&col);
	free(clean);
	free(text);
	return 0;
}
