/* names.h: one name in two scripts. A Chinese name of a place, a person or an
 * organisation is matched to its English or French form by its reading, from
 * the Unicode Han database (unihan.h), never from a list of names:
 *   - Chinese names are written in pinyin: 厦门 Xiamen, 郭声琨 Guo Shengkun;
 *   - foreign names are transliterated by sound: 柏林 Berlin, 维也纳 Vienna,
 *     里约热内卢 Rio de Janeiro. Both sides become a skeleton of consonant
 *     classes (labials, dentals, velars, sibilants, liquids, nasals) under the
 *     rules Chinese transliteration follows: vowels and h are left out, an r
 *     before a consonant or at the end is not said, a final s or l goes, w is
 *     v, j and r are sibilants;
 *   - an English and a French form of one name fold to nearly the same letters
 *     (Bruxelles / Brussels, Lisbonne / Lisbon): accents and case folded, x read
 *     as s, double letters single, a final e or s dropped, then an edit
 *     distance of one (two in long names).
 * A Latin name is one capitalised word or a run of them, with the particles
 * between (de, la, of: Rio de Janeiro). Pure functions; no state. */
#ifndef ANNALS_NAMES_H
#define ANNALS_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest name, in folded letters, that the matcher reads. */
#define NAMES_MAX 48

/* How a pair of names matched. */
enum names_how {
	NAMES_NONE = 0,
	NAMES_PINYIN,           /* the Han name's reading is the Latin name */
	NAMES_SOUND,            /* a transliteration: the sound skeletons agree */
	NAMES_LATIN,            /* two Latin forms of one name */
};

/* Folds Latin text to lowercase ASCII letters: accents, case and everything
 * that is not a letter dropped ("Rio de Janeiro" -> "riodejaneiro"). Returns
 * the length written (out holds size bytes, NUL included). */
size_t names_fold(const char *s, size_t n, char *out, size_t size);

/* Whether Han text han[0..hn) and the Latin name latin[0..ln) name one thing,
 * and how. */
enum names_how names_match_han(const char *han, size_t hn, const char *latin, size_t ln);
/* Whether two Latin-script names are one name in two languages. */
bool names_match_latin(const char *a, size_t an, const char *b, size_t bn);
/* Either of the above, by the scripts of a and b. */
enum names_how names_match(const char *a, size_t an, const char *b, size_t bn);

/* ---- the pieces grouping indexes by (events_group.c) ---- */

/* A name found in a sentence: bytes [start, start+len). */
struct names_span {
	size_t start, len;
};

/* The Latin names of sentence s[0..n): runs of capitalised words (with the
 * particles between them), leaving out a word that only opens the sentence;
 * in Chinese text (zh) every Latin word counts. At most max. */
size_t names_latin_spans(const char *s, size_t n, bool zh, struct names_span *out, size_t max);

/* The keys a Latin name is found under: its pinyin key (the folded letters),
 * its sound key (the skeleton; 0 when too short to say anything) and its
 * Latin key (the first letters, for names_match_latin). A Han name whose
 * sound key is the name's is its transliteration when it has sound_lo to
 * sound_hi characters (names_match_han). */
struct names_keys {
	uint64_t pinyin, sound, latin;
	unsigned char sound_lo, sound_hi;
};
void names_latin_keys(const char *name, size_t n, struct names_keys *k);
/* Whether Han text han[0..hn) has as many characters as a transliteration of
 * a name may: lo to hi (its names_keys' sound_lo and sound_hi). */
bool names_sound_fits(unsigned lo, unsigned hi, const char *han, size_t hn);

/* Calls fn for every key of every reading of every substring of two to six
 * Han characters of s[0..n) (non-Han characters split the runs): the pinyin
 * key and the sound key, each with the substring's bytes. Bounded: at most a
 * few readings per substring. */
void names_han_keys(const char *s, size_t n,
		    void (*fn)(uint64_t key, size_t start, size_t len, void *arg), void *arg);

#endif
