/* ingest_text_fuzzer.c: a file read as plain text (or as Markdown when its
 * content says so), the way ingest hands it over: bytes made valid UTF-8,
 * then the text reader and the common article building. */
#include <config.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return 0;
	size_t len;
	char *text = fuzz_utf8(data, size, &len);
	struct collection col;
	collection_init(&col);
	ingest_read_text(fuzz_ingest(), "fuzz.txt", "fuzz", text, len, &col);
	fuzz_check_collection(&col);
	collection_free(&col);
	free(text);
	return 0;
}
