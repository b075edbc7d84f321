/* layout_fuzzer.c: text geometry on any bytes (the browser lays out text
 * that is clean, but layout promises to survive anything). The first byte
 * sets the width and the options, the second the language. Lines cover the
 * text in order within the width (or hold one cluster wider than it); what
 * layout says to show is never a control character. */
#include <config.h>
#include "fuzz.h"

#include "layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || size > FUZZ_MAX_INPUT)
		return 0;
	int width = 1 + data[0] % 80;
	struct layout_opts lo = { (data[0] & 0x80) != 0, (data[1] >> 4) % 9 };
	const char *lang = data[1] & 8 ? NULL : fuzz_lang(data[1] & 7);
	const char *s = (const char *)data + 2;
	size_t n = size - 2;
	struct layout_line *lines;
	size_t nl = layout_wrap(s, n, width, lang, &lo, &lines);
	FUZZ_ASSERT(nl >= 1);
	size_t end = 0;
	for (size_t i = 0; i < nl; i++) {
		FUZZ_ASSERT(lines[i].start >= end && lines[i].start <= lines[i].end && lines[i].end <= n);
		FUZZ_ASSERT(lines[i].width >= 0);
		if (lines[i].width > width) {
			size_t len;
			layout_cluster(s + lines[i].start, n - lines[i].start, &len, &lo);
			FUZZ_ASSERT(lines[i].start + len >= lines[i].end);
		}
		end = lines[i].end;
		(void)layout_column(s, lines[i].start, lines[i].end, &lo);
	}
	free(lines);
	for (size_t i = 0; i < n;) {
		size_t len;
		int w = layout_cluster(s + i, n - i, &len, &lo);
		FUZZ_ASSERT(len >= 1 && i + len <= n && w >= 0 && w <= 8);
		char out[LAYOUT_CLUSTER_MAX];
		size_t k = layout_visible(s + i, len, out, &lo);
		FUZZ_ASSERT(k < LAYOUT_CLUSTER_MAX && k == strlen(out));
		FUZZ_ASSERT(fuzz_clean_text(out, k, false));
		i += len;
	}
	int used;
	size_t fit = layout_fit(s, n, width, &used, &lo);
	FUZZ_ASSERT(fit <= n && used <= width);
	char *z = xstrndup(s, n);
	char *t = layout_truncate(z, width, data[1] & 1, &lo);
	FUZZ_ASSERT(fuzz_clean_str(t, false));
	FUZZ_ASSERT(layout_strwidth(t, &lo) <= width);
	free(t);
	free(z);
	return 0;
}
