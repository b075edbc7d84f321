/* happenings.h: the events of each group together, as one happening: what the
 * timeline shows as a row, what `timeline --groups` lists, and what `[` `]`
 * walk through. A happening's reports are its events, in time order; the
 * version a reader is shown is the report in the reading language when there
 * is one. Built from an event list; read-only afterwards. */
#ifndef ANNALS_HAPPENINGS_H
#define ANNALS_HAPPENINGS_H

#include <stdbool.h>
#include <stddef.h>
#include "events.h"

struct happening {
	int group;                      /* the events' group */
	struct adate date;              /* the most precise date its reports give */
	enum dates_period period;       /* that report's period: a week or decade
					 * reads as such, not as its first day or year */
	size_t first, n;                /* its events: members[first .. first + n) */
};

/* In time order (the order of the groups' first reports). */
struct happenings {
	struct happening *v;
	size_t n;
	size_t *members;                /* event indices, each happening's in time order */
	size_t *of_event;               /* the happening of each event */
};

struct happenings *happenings_build(const struct event_list *ev);
void happenings_free(struct happenings *h);

/* How well an event's language serves a reader of want (a BCP 47 tag such as
 * "fr", "zh-Hant", or "zh" for any Chinese): 2 the same, 1 the same language in
 * another script or region, 0 another language. */
int happenings_lang_score(const char *have, const char *want);
/* The report of happening k for a reader of lang (NULL: the first report):
 * the first in lang, else the first in lang's language, else the first. An
 * event index. */
size_t happenings_version(const struct event_list *ev, const struct happenings *h, size_t k,
			  const char *lang);
/* Whether happening k has a report in lang (score 2 or 1). */
bool happenings_has_lang(const struct event_list *ev, const struct happenings *h, size_t k,
			 const char *lang);
/* The reading language of an interface language code ("zh_CN" -> "zh-Hans",
 * "zh_TW" -> "zh-Hant", "fr" -> "fr"). */
const char *happenings_ui_tag(const char *code);

#endif
