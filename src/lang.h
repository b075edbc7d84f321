/* lang.h: the language of a piece of text, as a BCP 47 tag. By script first
 * (Han, kana, Hangul, Cyrillic, Greek ...), then by vocabulary: Han text is
 * zh-Hans or zh-Hant as OpenCC's conversions tell, Latin text en or fr by
 * function words and accents. Text too short or too mixed to tell is "und". */
#ifndef ANNALS_LANG_H
#define ANNALS_LANG_H

#include <stddef.h>
#include "article.h"

struct lang_detector;

/* OpenCC is opened on first use of Han text; without it Han text is "zh".
 * datadir (may be NULL) holds s2t-characters.json, OpenCC's simplified to
 * traditional conversion without its phrases: much quicker to open than
 * s2t.json, which stands in when it is missing. */
struct lang_detector *lang_new(const char *datadir);
void lang_free(struct lang_detector *ld);

/* The language of text (valid UTF-8) into tag. Looks at a bounded sample, so
 * the cost does not grow with very long paragraphs. */
void lang_detect(struct lang_detector *ld, const char *text, size_t len, char tag[LANG_TAG_MAX]);

/* A declared language ("EN", "zh_CN", "zh-TW", "fr-FR") in the tags we use;
 * "und" when it is empty or not a tag at all. Plain "zh" stays "zh". */
void lang_normalise(const char *declared, char tag[LANG_TAG_MAX]);

/* The writing system of a tag, so that a guess can stand in for text of the
 * same script only: "Latn", "Hani", "Kana", "Hang", "Cyrl", ... or "". */
const char *lang_script_of_tag(const char *tag);
/* The writing system most letters of the text are in ("" when none). */
const char *lang_script_of_text(const char *text, size_t len);

#endif
