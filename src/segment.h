/* segment.h: sentences. Split per language: . ! ? with care for abbreviations,
 * initials and numbers in English and French; 。！？； (and their full-width
 * kin) in Chinese; closing quotes and brackets stay with their sentence. */
#ifndef ANNALS_SEGMENT_H
#define ANNALS_SEGMENT_H

#include <stddef.h>

struct sentence {
	size_t start, end;              /* bytes of the text, spaces around trimmed */
};

/* Sentences of text[0..n) in language lang (BCP 47, or NULL to guess from the
 * script). Sets *out to a new array (caller frees); returns how many. */
size_t segment_sentences(const char *text, size_t n, const char *lang, struct sentence **out);

#endif
