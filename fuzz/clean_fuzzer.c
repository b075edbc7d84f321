/* clean_fuzzer.c: cleaning. Bytes to valid UTF-8, then to clean text, whose
 * promises are checked (valid, no controls, NFC, within its bound); then the
 * line tests the readers apply to clean lines. */
#include <config.h>
#include "fuzz.h"

#include <utf8proc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return 0;
	size_t len, clen;
	char *text = fuzz_utf8(data, size, &len);
	FUZZ_ASSERT(len == strlen(text));
	FUZZ_ASSERT(fuzz_clean_text(text, len, true) || memchr(text, 0, len) == NULL);
	char *clean = clean_text(text, len, &clen);
	FUZZ_ASSERT(clen == strlen(clean));
	FUZZ_ASSERT(fuzz_clean_text(clean, clen, true));
	FUZZ_ASSERT(clen <= CLEAN_TEXT_MAX(len));
	/* NFC: normalising again changes nothing. */
	utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)clean);
	FUZZ_ASSERT(nfc && strcmp((const char *)nfc, clean) == 0);
	free(nfc);
	struct span *emph;
	size_t nemph;
	char *plain = clean_markdown_inline(clean, clen, &emph, &nemph);
	size_t plen = strlen(plain);
	FUZZ_ASSERT(fuzz_clean_text(plain, plen, true));
	for (size_t i = 0; i < nemph; i++)
		FUZZ_ASSERT(emph[i].start + emph[i].len <= plen);
	free(emph);
	free(plain);
	char *key = clean_key(clean, clen);
	FUZZ_ASSERT(fuzz_clean_str(key, true));
	free(key);
	struct clean_rules *rules = fuzz_ingest()->rules;
	for (size_t i = 0; i < clen;) {
		const char *nl = memchr(clean + i, '\n', clen - i);
		size_t e = nl ? (size_t)(nl - clean) : clen;
		(void)clean_is_punctuation(clean + i, e - i);
		(void)clean_is_boilerplate(rules, clean + i, e - i);
		FUZZ_ASSERT(clean_source_label(rules, clean + i, e - i) <= e - i);
		(void)clean_ends_sentence(clean + i, e - i);
		FUZZ_ASSERT(clean_codepoints(clean + i, e - i) <= e - i);
		i = e + 1;
	}
	free(clean);
	free(text);
	return 0;
}
