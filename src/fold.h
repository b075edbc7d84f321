/* fold.h: text folding for search. Two strings that a reader would call "the
 * same words" fold to the same bytes: case is folded, accents and other marks
 * are stripped, compatibility forms (full-width letters and digits, ligatures,
 * no-break spaces) become their plain kin, default-ignorable characters (soft
 * hyphens, zero-width joiners) vanish, every run of white space becomes one
 * space (none at either end), and traditional Chinese becomes simplified,
 * character by character (OpenCC's t2s of each character alone).
 *
 * The folded text keeps a map back to the source, so that a match found in the
 * folded form can be highlighted in the original: every folded byte knows the
 * grapheme cluster of the source it came from. */
#ifndef ANNALS_FOLD_H
#define ANNALS_FOLD_H

#include <stdbool.h>
#include <stddef.h>

struct fold;  /* the folding context: the OpenCC converter and scratch space */

/* A new context. Never NULL: without OpenCC's t2s configuration, Chinese is
 * folded for case and width only (fold_has_variants then says false). One
 * context must not be used by two threads at once. */
struct fold *fold_new(void);
void fold_free(struct fold *f);
bool fold_has_variants(const struct fold *f);

/* A folded text. map[i] is the byte offset in the source of the cluster that
 * folded byte i came from; map[len] is the source's length. */
struct fold_out {
	char *text;                     /* NUL-terminated */
	size_t len, cap;
	size_t *map;                    /* only filled when asked for */
	size_t mapcap;
};

void fold_out_init(struct fold_out *o);
void fold_out_free(struct fold_out *o);

/* Folds s[0..n) into o, replacing what o held; fills o->map when with_map. */
void fold_text(struct fold *f, const char *s, size_t n, struct fold_out *o, bool with_map);

/* The source bytes [*start, *end) behind folded bytes [fs, fe) of o (which must
 * have its map): whole clusters, from the one where the match begins to the end
 * of the one where it ends. */
void fold_span(const struct fold_out *o, size_t fs, size_t fe, size_t *start, size_t *end);

#endif
