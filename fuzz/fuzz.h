/* fuzz.h: what the harnesses share. Each harness (fuzz/NAME_fuzzer.c) defines
 * LLVMFuzzerTestOneInput and nothing else: built with libFuzzer
 * (./configure --enable-fuzzing) it is a fuzzer, linked with replay.c it is a
 * program that runs the corpus through the same entry point (make check).
 *
 * A harness checks the promises its module makes (the model's strings are
 * valid UTF-8 without control characters, offsets stay inside their text,
 * alignments cover both sides) and aborts when one breaks, so a broken promise
 * is a crash the fuzzer keeps. Harnesses hold one ingest context each, made
 * once: building it for every input would fuzz the loading of data/. */
#ifndef ANNALS_FUZZ_H
#define ANNALS_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "clean.h"
#include "ingest.h"
#include "ingest_readers.h"
#include "utf8.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Larger inputs tell the fuzzer nothing new and only slow it down. */
#define FUZZ_MAX_INPUT (256 * 1024)

#define FUZZ_ASSERT(cond)                                                                   \
	do {                                                                                \
		if (!(cond)) {                                                              \
			fprintf(stderr, "%s:%d: promise broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                            \
		}                                                                           \
	} while (0)

/* The data folder: $ANNALS_DATADIR, else the source tree's. */
static inline const char *fuzz_datadir(void)
{
	const char *d = getenv("ANNALS_DATADIR");
	return d && *d ? d : ANNALS_SRCDATADIR;
}

/* The one ingest context of this process; its warnings are dropped. */
static inline struct ingest *fuzz_ingest(void)
{
	static struct ingest *in;
	if (!in) {
		struct collection col;
		collection_init(&col);
		in = ingest_new(fuzz_datadir(), &col);
		collection_free(&col);
	}
	return in;
}

/* s[0..n) is valid UTF-8 without C0 or C1 controls, DEL or NUL; newlines are
 * allowed when lines is set. */
static inline bool fuzz_clean_text(const char *s, size_t n, bool lines)
{
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return false;
		if ((cp < 0x20 && !(lines && cp == '\n')) || (cp >= 0x7F && cp <= 0x9F))
			return false;
		i += (size_t)k;
	}
	return true;
}

static inline bool fuzz_clean_str(const char *s, bool lines)
{
	return !s || fuzz_clean_text(s, strlen(s), lines);
}

/* The model's promise (article.h) for every article of col. */
static inline void fuzz_check_collection(const struct collection *col)
{
	for (size_t k = 0; k < col->n; k++) {
		const struct article *a = &col->items[k];
		FUZZ_ASSERT(a->id && fuzz_clean_str(a->id, false));
		FUZZ_ASSERT(fuzz_clean_str(a->title, false));
		FUZZ_ASSERT(fuzz_clean_str(a->source, false));
		FUZZ_ASSERT(fuzz_clean_str(a->url, false));
		FUZZ_ASSERT(a->nlangs == 0 || strcmp(a->langs[0], a->lang) == 0);
		for (size_t p = 0; p < a->npara; p++) {
			const struct paragraph *para = &a->paras[p];
			size_t len = strlen(para->text);
			FUZZ_ASSERT(fuzz_clean_text(para->text, len, true));
			FUZZ_ASSERT(memchr(para->lang, '\0', LANG_TAG_MAX) != NULL);
			for (size_t e = 0; e < para->nemph; e++)
				FUZZ_ASSERT(para->emph[e].start + para->emph[e].len <= len);
		}
	}
	for (size_t w = 0; w < col->nwarnings; w++)
		FUZZ_ASSERT(fuzz_clean_str(col->warnings[w], false));
}

/* The input as valid UTF-8, as ingest hands it to the readers (owned). */
static inline char *fuzz_utf8(const uint8_t *data, size_t size, size_t *len)
{
	struct collection col;
	collection_init(&col);
	char *s = clean_utf8((const char *)data, size, "fuzz", &col, len);
	collection_free(&col);
	return s;
}

/* A language tag picked by a digit: en, fr, zh-Hans, zh-Hant, und. */
static inline const char *fuzz_lang(unsigned d)
{
	static const char *const tags[] = { "en", "fr", "zh-Hans", "zh-Hant", "und" };
	return tags[d % 5];
}

/* An article made of text[0..n) (clean): each line is a paragraph, and a
 * leading digit 0-4 sets its language (fuzz_lang), else "en". */
static inline void fuzz_article(struct article *a, const char *text, size_t n, const char *id)
{
	memset(a, 0, sizeof *a);
	a->id = xstrdup(id);
	a->title = xstrdup(id);
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(text + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - text) : n;
		const char *lang = "en";
		size_t s = i;
		if (s < e && text[s] >= '0' && text[s] <= '4')
			lang = fuzz_lang((unsigned)(text[s++] - '0'));
		if (e > s)
			article_add_para(a, text + s, e - s, lang, PARA_TEXT);
		i = e + 1;
	}
	article_update_langs(a);
}

#endif
