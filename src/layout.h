/* layout.h: pure text geometry. Where each grapheme cluster goes, how wide it is,
 * where a paragraph may break. The only place in annals that knows widths: every
 * other module asks here. No I/O, no state beyond what is passed in. */
#ifndef ANNALS_LAYOUT_H
#define ANNALS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct layout_opts {
	bool ambiguous_wide;            /* East Asian ambiguous width: 2 columns instead of 1 */
	int tab_width;                  /* tab stops every tab_width columns (0: 8) */
};

/* Longest byte form of one cluster as shown (a visible mark or the cluster itself,
 * cut at a sane length: a cluster of 40 combining marks keeps its first few). */
#define LAYOUT_CLUSTER_MAX 32

/* One grapheme cluster starting at s[0]: its byte length in *len, and its width
 * in columns. Invalid UTF-8 is one byte wide 1 (shown as U+FFFD); a control
 * character is shown as a visible mark (^X, or U+241B-style pictures) and has
 * that mark's width; combining marks, ZWJ sequences, variation selectors and
 * flags join their cluster. A tab is 1 here; layout_wrap expands tabs. */
int layout_cluster(const char *s, size_t n, size_t *len, const struct layout_opts *o);

/* What to put on screen for the cluster s[0..len): the cluster itself when it is
 * safe, else its visible mark. Writes a NUL-terminated string of at most
 * LAYOUT_CLUSTER_MAX bytes to out and returns its length. Never emits a control
 * character, an escape sequence or invalid UTF-8. */
size_t layout_visible(const char *s, size_t len, char out[LAYOUT_CLUSTER_MAX],
		      const struct layout_opts *o);

/* Width in columns of s[0..n), tabs counted as 1. */
int layout_width(const char *s, size_t n, const struct layout_opts *o);
int layout_strwidth(const char *s, const struct layout_opts *o);

/* How many bytes of s[0..n) fit in width columns without cutting a cluster;
 * the columns they take go to *used (may be NULL). */
size_t layout_fit(const char *s, size_t n, int width, int *used, const struct layout_opts *o);

/* Fits s into width columns, ending in "…" at the exact column when it does not
 * fit, padded with spaces to width when pad is set. Returns a new string of
 * what is shown (layout_visible of each cluster), so it is safe to print. */
char *layout_truncate(const char *s, int width, bool pad, const struct layout_opts *o);

/* One line of a wrapped paragraph: bytes [start, end) of the text, without the
 * spaces at the break, and its width in columns. */
struct layout_line {
	size_t start, end;
	int width;
};

/* Wraps text[0..n) to width columns (width >= 1) following Unicode line breaking
 * (libunibreak) and the CJK rules: no line starts with closing punctuation
 * (。，、）」… ) nor ends with opening punctuation (「（… ); a word longer than
 * the line is split at a cluster boundary; a cluster wider than the line gets a
 * line of its own. lang is a BCP 47 tag or NULL. Mandatory breaks (\n) are kept.
 * Sets *lines to a new array (caller frees) and returns how many; an empty text
 * gives one empty line. */
size_t layout_wrap(const char *text, size_t n, int width, const char *lang,
		   const struct layout_opts *o, struct layout_line **lines);

/* Column at which byte offset off of text[0..n) starts, within its line. */
int layout_column(const char *text, size_t start, size_t off, const struct layout_opts *o);

#endif
