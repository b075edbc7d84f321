/* search.h: finding words in the collection. The index holds the folded text
 * (fold.h) of every paragraph and, for every pair of adjacent characters, the
 * articles that contain it; a query is answered by intersecting those lists and
 * checking the few articles left with a plain substring search on their folded
 * text. Matches are reported in the original text, ready to highlight.
 *
 * The title of an article is searched as if it were a paragraph before the
 * first (SEARCH_TITLE below).
 *
 * Query syntax: words separated by spaces must all occur in the article, in any
 * order and any paragraph; "words in quotes" must occur as they stand (“ ” work
 * too). Matching ignores case, accents and width, and simplified and traditional
 * Chinese find each other. Chinese needs no spaces: a string matches wherever it
 * occurs. */
#ifndef ANNALS_SEARCH_H
#define ANNALS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "layout.h"

struct search_index;

struct search_match {
	size_t article;                 /* index into the collection */
	size_t para;                    /* 0-based paragraph of that article, or SEARCH_TITLE */
	size_t start, len;              /* bytes of the paragraph's (or title's) original text */
};

/* Titles are searched too: a match in an article's title has this paragraph
 * (JSON says -1, the text output "title"), and comes before the article's
 * other matches. Whatever replaces this index keeps that. */
#define SEARCH_TITLE ((size_t)-1)

/* The text a match is in: its paragraph's, or the article's title. */
const char *search_match_text(const struct collection *col, const struct search_match *m);
/* The same for a match of ix's last run, which may have read a paragraph
 * whose article's body is not loaded: it keeps those until its next run. */
const char *search_text(const struct search_index *ix, const struct search_match *m);

/* Builds the index of col, which must outlive it and not change meanwhile. */
struct search_index *search_index_new(const struct collection *col);

/* A place in an article that a source names for one word: slot 0 is the
 * title, slot k + 1 paragraph k; rest: that slot and every later one. */
struct search_slot {
	size_t article;                 /* index into the collection */
	size_t slot;
	bool rest;
};

/* Where the candidates of a query come from when the collection has a search
 * table elsewhere (the persistent index, store.h): nothing is built in memory,
 * and only the articles (or, better, the paragraphs) the source names are
 * folded and checked, so that the first matches come at once on any
 * collection. */
struct search_source {
	/* The articles that may match query (collection indices, ascending, a
	 * superset of those that do) into *out (malloc'd, also when *n is 0);
	 * *all instead when the query narrows nothing. Returns 0, or -1 when the
	 * source cannot say (the index is then built in memory after all). */
	int (*candidates)(void *ctx, const char *query, size_t **out, size_t *n, bool *all);
	/* Makes article a's paragraphs present (they may be loaded on demand);
	 * false when they cannot be had (the article is then left out). May be NULL. */
	bool (*body)(void *ctx, size_t a);
	void *ctx;
	/* May be NULL, both or neither. The slots that may hold one folded word
	 * or phrase term[0..len) (ascending by article then slot, a superset of
	 * those that do) into *out (malloc'd, also when *n is 0); *all instead
	 * when the term narrows nothing. Returns 0, or -1 when the source cannot
	 * say (candidates is asked instead). */
	int (*term_slots)(void *ctx, const char *term, size_t len, struct search_slot **out,
			  size_t *n, bool *all);
	/* The text of paragraph para of article a, whose body is not loaded
	 * (malloc'd), or NULL when it cannot be had (the article is left out). */
	char *(*para_text)(void *ctx, size_t a, size_t para);
	/* May be NULL. Calls each for every slot whose text may hold one of the
	 * folded terms terms[i][0..lens[i]), with that text folded (as fold.h
	 * folds it), all of an article's slots together and ascending, the
	 * articles in any order; until each returns non-zero. Returns 0; 1 when
	 * a term narrows nothing, or -1 when the source cannot say (each is not
	 * called then, and the slots or candidates are asked instead). */
	int (*scan)(void *ctx, const char *const *terms, const size_t *lens, size_t nterms,
		    int (*each)(void *arg, size_t a, size_t slot, const char *folded, size_t len),
		    void *arg);
};
/* An index of col whose candidates come from src (copied; ctx must outlive it).
 * Results are the same as search_index_new's. */
struct search_index *search_index_source(const struct collection *col,
					 const struct search_source *src);
void search_index_free(struct search_index *ix);

/* Every match of query, sorted by article (collection order), paragraph and
 * position; each occurrence of each word or phrase is one match. Stops after max
 * matches when max is not 0. Sets *out to a new array (caller frees, also when
 * *n is 0) and *n to its length. Returns 0, or -1 when the query holds nothing
 * to look for (empty, or only spaces, quotes and marks); *out is then NULL. */
int search_run(struct search_index *ix, const char *query, size_t max,
	       struct search_match **out, size_t *n);

/* How many words and phrases the query has (0: nothing to look for). */
size_t search_query_terms(struct search_index *ix, const char *query);

/* One line of text[0..) around the match [start, start + len): context on both
 * sides, fitted to width columns (at least the ellipsis), cut at cluster
 * boundaries with "…" where text was left out, white space shown as spaces and
 * anything unsafe as its visible mark (layout_visible). The match's bytes in the
 * returned string go to *hl_start and *hl_len (may be NULL). Returns a new string. */
char *search_snippet(const char *text, size_t start, size_t len, int width,
		     const struct layout_opts *lo, size_t *hl_start, size_t *hl_len);

#endif
