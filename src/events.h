/* events.h: the happenings the articles report, found in their text in every
 * language (dates.h recognises the expressions), each with the sentence that
 * carries it; events that report the same happening share a group. A pure
 * function of the collection. */
#ifndef ANNALS_EVENTS_H
#define ANNALS_EVENTS_H

#include <stddef.h>
#include "article.h"
#include "dates.h"

struct event {
	struct adate date;              /* with precision, and whether the year was inferred */
	size_t article;                 /* index into the collection's items */
	size_t para;                    /* index into the article's paras */
	size_t start, len;              /* the date expression: bytes of the paragraph text */
	char lang[LANG_TAG_MAX];        /* the paragraph's language */
	char *text;                     /* the sentence that carries the date, one clean line */
	struct adate end;               /* the end of a range ("14-16 March", "2004-2006")
					   or of a season or week; prec DATE_NONE otherwise */
	enum dates_period period;       /* a decade, week, season or quarter, read as such */
	enum dates_frame frame;         /* where the year came from */
	int group;                      /* shared by events reporting the same happening:
					   1, 2, ... in the order the groups first appear
					   in time; an event alone has a group of its own */
};

/* Sorted by date, then article, then position. An article's dateline (a
 * paragraph that only dates it, "HANGZHOU, Oct. 24 (Xinhua) --") is no event. */
struct event_list {
	struct event *v;
	size_t n;
};

struct event_list *events_derive(const struct collection *c);
/* The same, aligning articles with the dictionaries of ctx (align.h; NULL:
 * each alignment reads its own). */
struct align_ctx;
struct event_list *events_derive_ctx(const struct collection *c, struct align_ctx *ctx);
void events_free(struct event_list *ev);

/* Index of the first event whose year is >= year, or ev->n. */
size_t events_year_start(const struct event_list *ev, int year);

#endif
