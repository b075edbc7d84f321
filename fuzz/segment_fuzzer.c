/* segment_fuzzer.c: sentences. The first byte picks the language (or none);
 * every sentence lies inside the text, in order, without overlaps. */
#include <config.h>
#include "fuzz.h"

#include "segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	size_t len;
	char *text = fuzz_utf8(data + 1, size - 1, &len);
	struct sentence *s;
	size_t n = segment_sentences(text, len, data[0] & 8 ? NULL : fuzz_lang(data[0] & 7), &s);
	size_t end = 0;
	for (size_t i = 0; i < n; i++) {
		FUZZ_ASSERT(s[i].start >= end && s[i].start < s[i].end && s[i].end <= len);
		end = s[i].end;
	}
	free(s);
	free(text);
	return 0;
}
