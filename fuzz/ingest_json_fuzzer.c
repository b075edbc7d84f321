/* ingest_json_fuzzer.c: a file read as JSON (an object or an array of them). */
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
	ingest_read_json(fuzz_ingest(), "fuzz.json", "fuzz", text, len, false, &col);
	fuzz_check_collection(&col);
	collection_free(&col);
	free(text);
	return 0;
}
