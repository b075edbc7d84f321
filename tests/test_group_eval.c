/* test_group_eval.c: how faithfully the timeline groups happenings, measured on
 * a collection of our own (tests/fixtures/happen): news and history told in
 * English, French and Chinese (simplified and traditional), each version
 * reporting several dated happenings, beside unrelated articles that share
 * their months, days and names. happen.gold lists every happening with its
 * reports. Prints how many translated happenings are grouped whole and alone,
 * and how many wrong merges there are (a group holding two happenings counts
 * one, three two, ...); fails when fewer are grouped than the floor below, or
 * when anything is merged wrongly. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "ingest.h"
#include "tap.h"
#include "xalloc.h"

/* What the grouping reached when this floor was set; raise it with it. */
#define EVAL_FLOOR 46

#define EVAL_REPORTS 4

struct eval_line {
	char *article[EVAL_REPORTS];
	char *prefix[EVAL_REPORTS];
	size_t n;
};

static char *eval_trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static size_t eval_read(const char *path, struct eval_line **out)
{
	FILE *f = fopen(path, "r");
	size_t n = 0, cap = 0;
	char buf[2048];
	*out = NULL;
	if (!f)
		return 0;
	while (fgets(buf, sizeof buf, f)) {
		if (buf[0] == '#' || buf[0] == '\n')
			continue;
		xgrow((void **)out, &cap, n + 1, sizeof **out);
		struct eval_line *l = &(*out)[n++];
		memset(l, 0, sizeof *l);
		for (char *save = NULL, *r = strtok_r(buf, "|", &save); r && l->n < EVAL_REPORTS;
		     r = strtok_r(NULL, "|", &save)) {
			char *tab = strchr(r, '\t');
			if (!tab)
				continue;
			*tab = '\0';
			l->article[l->n] = xstrdup(eval_trim(r));
			l->prefix[l->n] = xstrdup(eval_trim(tab + 1));
			l->n++;
		}
	}
	fclose(f);
	return n;
}

int main(void)
{
	const char *fixtures = getenv("FIXTURES");
	char *dir = xasprintf("%s/happen", fixtures ? fixtures : ANNALS_SRCDATADIR "/../tests/fixtures");
	char *gold = xasprintf("%s.gold", dir);
	struct eval_line *lines;
	size_t nl = eval_read(gold, &lines);
	tap_ok(nl > 0, "the gold happenings read");

	struct collection col;
	collection_init(&col);
	struct ingest *in = ingest_new(ANNALS_SRCDATADIR, &col);
	tap_int_eq(ingest_path(in, dir, &col), 0, "the collection read");
	ingest_free(in);
	collection_sort(&col);
	struct event_list *ev = events_derive(&col);

	/* each event's happening in the gold file, by article and opening */
	size_t *line_of = xmalloc((ev->n ? ev->n : 1) * sizeof *line_of);
	size_t unlisted = 0;
	for (size_t i = 0; i < ev->n; i++) {
		const struct event *e = &ev->v[i];
		line_of[i] = (size_t)-1;
		for (size_t k = 0; k < nl && line_of[i] == (size_t)-1; k++)
			for (size_t r = 0; r < lines[k].n; r++)
				if (strcmp(col.items[e->article].id, lines[k].article[r]) == 0 &&
				    strncmp(e->text, lines[k].prefix[r], strlen(lines[k].prefix[r])) == 0) {
					line_of[i] = k;
					break;
				}
		if (line_of[i] == (size_t)-1) {
			unlisted++;
			tap_diag("not in happen.gold: %s: %s", col.items[e->article].id, e->text);
		}
	}
	tap_int_eq((long long)unlisted, 0, "every event is a gold happening's report");

	/* wrong merges: the gold happenings each group holds, past the first */
	size_t wrong = 0;
	int maxg = 0;
	for (size_t i = 0; i < ev->n; i++)
		maxg = ev->v[i].group > maxg ? ev->v[i].group : maxg;
	size_t *seen = xmalloc(((size_t)maxg + 1) * sizeof *seen);
	bool *mixed = xcalloc((size_t)maxg + 1, sizeof *mixed);
	for (int g = 0; g <= maxg; g++)
		seen[g] = (size_t)-1;
	for (size_t k = 0; k < nl; k++) {
		bool *in_k = xcalloc((size_t)maxg + 1, sizeof *in_k);
		for (size_t i = 0; i < ev->n; i++)
			if (line_of[i] == k)
				in_k[ev->v[i].group] = true;
		for (int g = 0; g <= maxg; g++) {
			if (!in_k[g])
				continue;
			if (seen[g] == (size_t)-1) {
				seen[g] = k;
			} else {
				wrong++;
				mixed[g] = true;
				tap_diag("wrong merge: \"%s\" with \"%s\"", lines[seen[g]].prefix[0],
					 lines[k].prefix[0]);
			}
		}
		free(in_k);
	}

	/* translated happenings grouped whole, with nothing else */
	size_t translated = 0, grouped = 0;
	for (size_t k = 0; k < nl; k++) {
		if (lines[k].n < 2)
			continue;
		translated++;
		size_t found = 0;
		int g = -1;
		bool one = true;
		for (size_t i = 0; i < ev->n; i++) {
			if (line_of[i] != k)
				continue;
			found++;
			if (g == -1)
				g = ev->v[i].group;
			one &= ev->v[i].group == g;
		}
		bool whole = found == lines[k].n && one && !mixed[g];
		grouped += whole;
		if (!whole)
			tap_diag("not grouped: %s", lines[k].prefix[0]);
	}
	printf("# translated happenings grouped: %zu of %zu; wrong merges: %zu\n", grouped,
	       translated, wrong);
	tap_ok(grouped >= EVAL_FLOOR, "at least %d translated happenings grouped", EVAL_FLOOR);
	tap_int_eq((long long)wrong, 0, "no wrong merge");

	free(mixed);
	free(seen);
	free(line_of);
	events_free(ev);
	collection_free(&col);
	for (size_t k = 0; k < nl; k++)
		for (size_t r = 0; r < lines[k].n; r++) {
			free(lines[k].article[r]);
			free(lines[k].prefix[r]);
		}
	free(lines);
	free(gold);
	free(dir);
	return tap_done();
}
