/* events_int.h: what event extraction (events.c) hands to grouping
 * (events_group.c) beside each event. Not for other modules. */
#ifndef ANNALS_EVENTS_INT_H
#define ANNALS_EVENTS_INT_H

#include <stddef.h>
#include <stdint.h>
#include "events.h"

/* Anchors kept per event. */
#define EVENTS_ANCHORS_MAX 32

struct events_work {
	uint64_t anchors[EVENTS_ANCHORS_MAX];
	size_t nanchors;
	size_t order;           /* position in the article, for ordinal pairing */
};

/* Sorts v[0..n) by date, then article, then position (w[] kept beside v[]),
 * and gives every event its group. */
struct align_ctx;
void events_group(struct event *v, struct events_work *w, size_t n, const struct collection *c,
		  struct align_ctx *ctx);

#endif
