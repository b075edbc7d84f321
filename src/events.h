/* events.h: the happenings the articles report, found in their text in every
 * language (dates.h recognises the expressions), each with the sentence that
 * carries it; events that report the same happening share a group. A pure
 * function of the collection. */
#ifndef ANNALS_EVENTS_H
#define ANNALS_EVENTS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "article.h"
#include "dates.h"

/* 64 bytes, in this order: the browser reads half a million of them at every
 * start. Indices and offsets are 32 bits: a file is at most 64 MiB. */
struct event {
	char *text;                     /* the sentence that carries the date, one clean line */
	struct adate date;              /* with precision, and whether the year was inferred */
	struct adate end;               /* the end of a range ("14-16 March", "2004-2006")
					   or of a season or week; prec DATE_NONE otherwise */
	uint32_t article;               /* index into the collection's items */
	uint32_t para;                  /* index into the article's paras */
	uint32_t start, len;            /* the date expression: bytes of the paragraph text */
	int group;                      /* shared by events reporting the same happening:
					   1, 2, ... in the order the groups first appear
					   in time; an event alone has a group of its own */
	char lang[LANG_TAG_MAX];        /* the paragraph's language */
	unsigned char period;           /* enum dates_period: a decade, week, season or
					   quarter, read as such */
	unsigned char frame;            /* enum dates_frame: where the year came from */
};
_Static_assert(sizeof(struct event) <= 64, "struct event grew past 64 bytes");

/* Sorted by date, then article, then position. An article's dateline (a
 * paragraph that only dates it, "HANGZHOU, Oct. 24 (Xinhua) --") is no event. */
struct event_list {
	struct event *v;
	size_t n;
	/* NULL when every event carries its text. Otherwise the list was loaded
	 * without them (the browser: 470,000 sentences are most of what it would
	 * hold) and events_text fetches one when it is shown. */
	struct event_texts *texts;
};

/* Where the texts of a list loaded without them come from: fetch returns the
 * text of event i (malloc'd), or NULL when there is none or it cannot be had. */
struct event_texts {
	char *(*fetch)(void *ctx, const struct event *e, size_t i);
	void *ctx;
	char **got;                     /* per event: fetched, kept until the list is freed */
	bool *tried;                    /* per event: fetched already (got may be NULL) */
	size_t *seq;                    /* per event: the i fetch is given (NULL: its place) */
};

/* The sentence of e, an event of ev (NULL when it has none): its own, or
 * fetched the first time it is asked for. */
const char *events_text(const struct event_list *ev, const struct event *e);
/* Keeps the events of the articles that to[] maps (to[article]: its index in
 * another collection, or (size_t)-1 for none), renumbered; drops the rest. The
 * order, the groups and the texts stay. */
void events_keep_articles(struct event_list *ev, const size_t *to);
/* Makes ev fetch its texts through fetch (events with a text keep theirs). */
void events_texts_from(struct event_list *ev, char *(*fetch)(void *ctx, const struct event *e, size_t i),
		       void *ctx);

struct event_list *events_derive(const struct collection *c);
/* The same, with jobs worker threads reading the articles (0: one per core);
 * the result does not depend on their number. */
struct event_list *events_derive_jobs(const struct collection *c, int jobs);

/* Where what depends on one article alone is kept between runs (the index):
 * bytes per article, read with get (malloc'd, or NULL when none is kept) before
 * any thread starts, given to put for the articles derived anew once they are
 * done; both from the calling thread. */
struct events_keep {
	void *(*get)(void *arg, size_t article, size_t *len);
	void (*put)(void *arg, size_t article, const void *bytes, size_t len);
	/* Called (from the calling thread) before an article's paragraphs are
	 * read: an article whose results were kept is read again only when the
	 * grouping aligns it with another. */
	void (*body)(void *arg, size_t article);
	/* What aligning text (article a, language la) with (b, lb) told the
	 * grouping, kept the same way, from the calling thread; words: whether
	 * the sentences' words were asked too. Either may be NULL. */
	void *(*pair_get)(void *arg, size_t a, size_t b, const char *la, const char *lb, bool words,
			  size_t *len);
	void (*pair_put)(void *arg, size_t a, size_t b, const char *la, const char *lb, bool words,
			 const void *bytes, size_t len);
	void *arg;
	/* When set and it becomes true (the browser quits during a first
	 * ingestion), the work stops at the next article: what was derived so
	 * far is given to put, and the result is an empty list. May be NULL. */
	const atomic_bool *stop;
};

/* events_derive_jobs, deriving only the articles keep has nothing for, with
 * the dictionaries of ctx (align.h; NULL: each alignment reads its own). The
 * bytes are this program's own layout (a kept index never outlives the
 * program that wrote it: store.h's fingerprint). */
struct align_ctx;
struct event_list *events_derive_kept(const struct collection *c, int jobs,
				      const struct events_keep *keep, struct align_ctx *ctx);

/* The same, aligning articles with the dictionaries of ctx (align.h; NULL:
 * each alignment reads its own). */
struct event_list *events_derive_ctx(const struct collection *c, struct align_ctx *ctx);
void events_free(struct event_list *ev);

/* Index of the first event whose year is >= year, or ev->n. */
size_t events_year_start(const struct event_list *ev, int year);

#endif
