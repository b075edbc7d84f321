/* lexicon.h: lexical evidence that two units of text translate each other,
 * beyond the numbers and names of anchors.h. Every source maps the words of
 * each side into one space of keys; a word of a and a word of b that share a
 * key are a match:
 * - the same word on both sides (names, cognates: "table", "Paris");
 * - Han characters by their English glosses and Mandarin readings from the
 *   Unicode Han database (unihan.h): 宫 meets "palace", 陈清扬 meets "Chen
 *   Qingyang";
 * - English and French words by FreeDict's dictionaries (freedict.h), when
 *   they are installed;
 * - a lexicon learned from the texts themselves: word pairs that keep meeting
 *   in the beads of a first alignment (lexicon_learn).
 * Words that occur in too many units are left out: they pair everything. */
#ifndef ANNALS_LEXICON_H
#define ANNALS_LEXICON_H

#include <stddef.h>

#include "align_int.h"

struct lexicon;
struct freedict;

/* A lexicon for units of a in language lang_a and of b in lang_b, with the
 * dictionaries from a's language to b's and back (either may be NULL). */
struct lexicon *lexicon_new(const char *lang_a, const char *lang_b,
			    const struct freedict *dict_ab, const struct freedict *dict_ba);
void lexicon_free(struct lexicon *lx);

/* Adds text to unit u of side s (0 = a, 1 = b); units are added in order,
 * a unit's text may come in several pieces. */
void lexicon_add(struct lexicon *lx, int s, size_t u, const char *text, size_t n);

/* Learns word pairs from the beads of a first alignment (in units), the
 * cheaper half of them: pairs seen together at least twice, and more often
 * together than apart. */
void lexicon_learn(struct lexicon *lx, const struct align_steps *st);

/* The links between units: for each unit of a, the units of b that share
 * keys with it (freed with align_links_free). With a guide (for each unit i
 * of a, 0..na, the first and last unit of b near it: guide[2i], guide[2i + 1],
 * as align_search takes it), only pairs within margin of it: a text that
 * repeats itself would otherwise link every unit with every other. */
void lexicon_links(struct lexicon *lx, const size_t *guide, size_t margin,
		   struct align_links *out);

#endif
