/* align_fuzzer.c: sentence alignment, and the rows of the split view. The
 * input: one flags byte (flags % 5 and (flags / 5) % 5 pick the language part
 * of each side among none, en, fr, zh, zh-Hant; bit 7 makes both sides one
 * article), then text A, a 0xFF byte, text B; each line is a paragraph, and a
 * leading digit 0-4 sets its language (fuzz_lang). Both texts are cleaned
 * first, as ingest would. The beads cover every sentence of both sides once,
 * in order; every sentence knows its bead. */
#include <config.h>
#include "fuzz.h"

#include "align.h"
#include "layout.h"

static const char *const fuzz_side_langs[] = { NULL, "en", "fr", "zh", "zh-Hant" };

static void fuzz_side(struct article *a, const uint8_t *data, size_t size, const char *id)
{
	size_t len, clen;
	char *raw = fuzz_utf8(data, size, &len);
	char *text = clean_text(raw, len, &clen);
	fuzz_article(a, text, clen, id);
	free(text);
	free(raw);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 64 * 1024)
		return 0;
	unsigned flags = data[0];
	data++, size--;
	const uint8_t *sep = memchr(data, 0xFF, size);
	size_t n0 = sep ? (size_t)(sep - data) : size;
	struct article art[2];
	fuzz_side(&art[0], data, n0, "a");
	fuzz_side(&art[1], sep ? sep + 1 : data + size, sep ? size - n0 - 1 : 0, "b");
	struct align_side sa = { &art[0], fuzz_side_langs[flags % 5] };
	struct align_side sb = { (flags & 0x80) ? &art[0] : &art[1], fuzz_side_langs[(flags / 5) % 5] };
	struct alignment *al = align_sides(&sa, &sb);
	if (al) {
		size_t next[2] = { 0, 0 };
		for (size_t k = 0; k < al->nbeads; k++) {
			const struct align_bead *b = &al->beads[k];
			for (int s = 0; s < 2; s++) {
				FUZZ_ASSERT(b->count[s] == 0 || b->first[s] == next[s]);
				next[s] += b->count[s];
				FUZZ_ASSERT(b->text[s] != NULL);
				for (size_t i = b->first[s]; i < b->first[s] + b->count[s]; i++)
					FUZZ_ASSERT(al->sent[s][i].bead == k);
			}
		}
		FUZZ_ASSERT(next[0] == al->nsent[0] && next[1] == al->nsent[1]);
		for (int s = 0; s < 2; s++)
			for (size_t i = 0; i < al->nsent[s]; i++) {
				const struct align_sentence *x = &al->sent[s][i];
				const struct article *art_s = s ? sb.article : sa.article;
				FUZZ_ASSERT(x->para < art_s->npara);
				FUZZ_ASSERT(x->start <= x->end && x->end <= strlen(art_s->paras[x->para].text));
				(void)align_sentence_at(al, s, x->para, x->start);
			}
		int width[2] = { 1 + (int)(flags % 37), 1 + (int)(flags % 23) };
		struct layout_opts lo = { (flags & 0x40) != 0, 8 };
		int *rows = xcalloc(al->nbeads + 1, sizeof *rows);
		align_rows(al, width, (int)(flags & 1), &lo, rows);
		for (size_t k = 0; k < al->nbeads; k++)
			FUZZ_ASSERT(rows[k] <= rows[k + 1]);
		free(rows);
	}
	align_free(al);
	article_free(&art[0]);
	article_free(&art[1]);
	return 0;
}
