/* test_timeline_bundled.c: the bundled collection's timeline, event by event,
 * against tests/fixtures/timeline/bundled.txt (written by reading the five
 * articles): date (and whether it was worked out), article, paragraph, language,
 * and which events share a group. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "ingest.h"
#include "tap.h"
#include "xalloc.h"

struct expected {
	char date[24], id[64], lang[LANG_TAG_MAX], label[64];
	size_t para;
};

static size_t read_fixture(const char *path, struct expected **out)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		tap_ok(false, "cannot open %s", path);
		*out = NULL;
		return 0;
	}
	struct expected *v = NULL;
	size_t n = 0, cap = 0;
	char line[512];
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		struct expected e;
		memset(&e, 0, sizeof e);
		if (sscanf(line, "%23s %63s %zu %15s %63s", e.date, e.id, &e.para, e.lang,
			   e.label) != 5) {
			tap_ok(false, "fixture line reads: %s", line);
			continue;
		}
		xgrow((void **)&v, &cap, n + 1, sizeof *v);
		v[n++] = e;
	}
	fclose(f);
	*out = v;
	return n;
}

int main(void)
{
	const char *fixtures = getenv("FIXTURES");
	char *path = xasprintf("%s/timeline/bundled.txt",
			       fixtures ? fixtures : ANNALS_SRCDATADIR "/../tests/fixtures");
	struct expected *want;
	size_t nwant = read_fixture(path, &want);
	free(path);

	struct collection col;
	collection_init(&col);
	struct ingest *in = ingest_new(ANNALS_SRCDATADIR, &col);
	tap_int_eq(ingest_path(in, ANNALS_SRCDATADIR "/collection", &col), 0,
		   "the bundled collection reads");
	ingest_free(in);
	collection_sort(&col);
	struct event_list *ev = events_derive(&col);

	tap_int_eq((long long)ev->n, (long long)nwant, "as many events as read by hand");
	size_t n = ev->n < nwant ? ev->n : nwant;
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev->v[i];
		char got[200], exp[200], d[16];
		adate_format(&e->date, d, sizeof d);
		snprintf(got, sizeof got, "%s%s %s p%zu %s", d, e->date.inferred ? "~" : "",
			 col.items[e->article].id, (size_t)e->para, e->lang);
		snprintf(exp, sizeof exp, "%s %s p%zu %s", want[i].date, want[i].id, want[i].para,
			 want[i].lang);
		char what[400];
		snprintf(what, sizeof what, "event %zu: %s (%s)", i, exp, want[i].label);
		tap_str_eq(got, exp, what);
	}
	/* Same label, same group; different labels, different groups. */
	size_t bad = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++) {
			bool same_label = strcmp(want[i].label, want[j].label) == 0;
			bool same_group = ev->v[i].group == ev->v[j].group;
			if (same_label != same_group) {
				tap_diag("events %zu (%s) and %zu (%s): groups %d and %d", j,
					 want[j].label, i, want[i].label, ev->v[j].group, ev->v[i].group);
				bad++;
			}
		}
	tap_int_eq((long long)bad, 0, "events share a group exactly when they report one happening");
	/* Group ids count up in time from 1. */
	int top = 0;
	bool ordered = true;
	for (size_t i = 0; i < ev->n; i++) {
		if (ev->v[i].group > top + 1 || ev->v[i].group < 1)
			ordered = false;
		if (ev->v[i].group > top)
			top = ev->v[i].group;
	}
	tap_ok(ordered, "group ids are assigned in chronological order");
	/* Every event carries its sentence, whole, on one line. */
	bool clean = true;
	for (size_t i = 0; i < ev->n; i++)
		if (strstr(ev->v[i].text, "…") || strchr(ev->v[i].text, '\n') || !ev->v[i].text[0])
			clean = false;
	tap_ok(clean, "every event carries its whole sentence on one line");

	events_free(ev);
	collection_free(&col);
	free(want);
	return tap_done();
}
