/* events_int.h: what event extraction (events.c) hands to grouping
 * (events_group.c) beside each event. Not for other modules. */
#ifndef ANNALS_EVENTS_INT_H
#define ANNALS_EVENTS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "events.h"

/* Anchors kept per event. */
#define EVENTS_ANCHORS_MAX 32
/* The bit of an anchor's key set when it is weak (a two-digit number): a weak
 * anchor alone does not join events of two languages. */
#define EVENTS_ANCHOR_WEAK 1u

struct events_work {
	uint64_t anchors[EVENTS_ANCHORS_MAX];
	size_t nanchors;
	size_t order;           /* position in the article, for ordinal pairing */
	size_t orig;            /* position before sorting: the article's place
				   among all events, for its own results below */
};

/* Two language parts of one article, aligned: whether the aligner judged
 * them translations, and the pairs of the article's events (indices into its
 * own events) that share a bead with agreeing dates. */
struct events_self {
	char la[LANG_TAG_MAX], lb[LANG_TAG_MAX];        /* strcmp(la, lb) < 0 */
	bool tr;
	size_t *pairs;          /* 2 * npairs */
	size_t npairs;
};

/* All that depends on one article alone: its events, in its own order, and
 * the alignments of its language parts that the grouping may ask for. */
struct events_article {
	struct event *v;
	struct events_work *w;
	size_t n;
	struct events_self *self;
	size_t nself;
};

/* The events of article ai of c, and their work records (orig unset). */
void events_article_extract(const struct collection *c, size_t ai, struct events_article *out);
/* Aligns the article's language parts two by two, where the grouping could
 * ask for it whatever the other articles say (events_group_align_needed with
 * every pair of events still apart). */
struct align_ctx;
void events_group_self(const struct collection *c, size_t ai, struct events_article *out,
		       struct align_ctx *ctx);
void events_article_free(struct events_article *a);

/* Sorts v[0..n) by date, then article, then position (w[] kept beside v[]),
 * and gives every event its group. v is the articles' events one after the
 * other, w[i].orig = i; arts (one per article, or NULL: aligned here) holds
 * the alignments of each article's own parts; keep (or NULL) is told before
 * an article's paragraphs are read; ctx (align.h, or NULL) aligns. */
struct align_ctx;
/* Whether the sentences ta[k] (in language la) and tb[k] (in lb), paired k by
 * k, say the same things in words: most pairs share a word, and more of them
 * than when paired out of order (events_words.c). */
bool events_words_agree(struct align_ctx *ctx, const char *la, const char *lb,
			const char *const *ta, const char *const *tb, size_t n);

/* Whether two sentences of one language share a word besides their names,
 * numbers and dates: a lowercase word of five letters or more, or two Han
 * characters together (events_words.c). */
bool events_words_common(const char *a, const char *b, const char *lang);
/* FNV-1a of s[0..n), started from a byte of its own for each kind of thing
 * hashed (anchors, words), so that two kinds never share a key. */
uint64_t events_hash(char kind, const char *s, size_t n);
/* The words events_words_common compares, of sentence s in language lang:
 * sorted, each once, as hashes (malloc'd into *out; their count returned). A
 * sentence compared with many others is read once. */
size_t events_words_keys(const char *s, const char *lang, uint64_t **out);
/* Whether two sentences of events_words_keys share a word. */
bool events_words_keys_common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);
/* Sentence s with its date expressions blanked out (malloc'd). */
char *events_words_undated(const char *s, const char *lang);

void events_group(struct event *v, struct events_work *w, size_t n, const struct collection *c,
		  const struct events_article *arts, const struct events_keep *keep, struct align_ctx *ctx);

#endif
