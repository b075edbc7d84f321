/* happenings.c: the groups of an event list gathered, one happening each. */
#include <config.h>
#include "happenings.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* How finely a date pins its happening down: a decade is coarser than its
 * first year, a season or quarter than a month, a week than a day. */
static int happenings_fineness(const struct adate *d, enum dates_period period)
{
	int r = 2 * (int)d->prec;
	if (period == DATES_PERIOD_DECADE || (period != DATES_PERIOD_NONE && d->prec == DATE_MONTH) ||
	    period == DATES_PERIOD_WEEK)
		r--;
	return r;
}

struct happenings *happenings_build(const struct event_list *ev)
{
	struct happenings *h = xcalloc(1, sizeof *h);
	size_t n = ev ? ev->n : 0;
	int ngroups = 0;
	for (size_t i = 0; i < n; i++)
		if (ev->v[i].group > ngroups)
			ngroups = ev->v[i].group;
	/* Group ids run 1, 2, ... in the order of their first reports in time; an
	 * event without one (0) is a happening of its own after them. */
	size_t *slot = xmalloc(((size_t)ngroups + 1) * sizeof *slot);
	for (int g = 0; g <= ngroups; g++)
		slot[g] = (size_t)-1;
	h->v = xcalloc(n ? n : 1, sizeof *h->v);
	h->of_event = xcalloc(n ? n : 1, sizeof *h->of_event);
	h->members = xcalloc(n ? n : 1, sizeof *h->members);
	for (size_t i = 0; i < n; i++) {
		int g = ev->v[i].group;
		size_t k;
		if (g > 0 && slot[g] != (size_t)-1) {
			k = slot[g];
		} else {
			k = h->n++;
			h->v[k] = (struct happening){ .group = g, .date = ev->v[i].date,
						      .period = ev->v[i].period };
			if (g > 0)
				slot[g] = k;
		}
		h->of_event[i] = k;
		h->v[k].n++;
		if (happenings_fineness(&ev->v[i].date, ev->v[i].period) >
		    happenings_fineness(&h->v[k].date, h->v[k].period)) {
			h->v[k].date = ev->v[i].date;
			h->v[k].period = ev->v[i].period;
		}
	}
	free(slot);
	size_t at = 0;
	for (size_t k = 0; k < h->n; k++) {
		h->v[k].first = at;
		at += h->v[k].n;
		h->v[k].n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		struct happening *x = &h->v[h->of_event[i]];
		h->members[x->first + x->n++] = i;
	}
	return h;
}

void happenings_free(struct happenings *h)
{
	if (!h)
		return;
	free(h->v);
	free(h->members);
	free(h->of_event);
	free(h);
}

int happenings_lang_score(const char *have, const char *want)
{
	if (!have || !want || !*want)
		return 0;
	if (strcmp(have, want) == 0)
		return 2;
	size_t a = strcspn(have, "-_"), b = strcspn(want, "-_");
	return a == b && strncmp(have, want, a) == 0 ? 1 : 0;
}

size_t happenings_version(const struct event_list *ev, const struct happenings *h, size_t k,
			  const char *lang)
{
	const struct happening *x = &h->v[k];
	size_t best = h->members[x->first];
	int score = 0;
	for (size_t m = 0; m < x->n && lang; m++) {
		size_t i = h->members[x->first + m];
		int s = happenings_lang_score(ev->v[i].lang, lang);
		if (s > score) {
			score = s;
			best = i;
		}
	}
	return best;
}

bool happenings_has_lang(const struct event_list *ev, const struct happenings *h, size_t k,
			 const char *lang)
{
	const struct happening *x = &h->v[k];
	for (size_t m = 0; m < x->n; m++)
		if (happenings_lang_score(ev->v[h->members[x->first + m]].lang, lang) > 0)
			return true;
	return false;
}

const char *happenings_ui_tag(const char *code)
{
	if (code && strcmp(code, "zh_CN") == 0)
		return "zh-Hans";
	if (code && strcmp(code, "zh_TW") == 0)
		return "zh-Hant";
	return code;
}
