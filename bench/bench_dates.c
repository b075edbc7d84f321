/* bench_dates.c: how fast the date recogniser reads, in sentences per second,
 * and how long the timeline of a collection takes to derive.
 *
 *   bench_dates [-C PATH]... [-r RUNS]
 *
 * Loads the collections named with -C (default: the bundled one), splits every
 * paragraph into sentences, and times dates_find on each of them (the median
 * of RUNS passes, default 21), then events_derive over the whole collection
 * (what `annals timeline` does after loading). Times are of the process's
 * CPU, not the wall clock: the figures stay comparable on a busy machine. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "annals.h"
#include "bench.h"
#include "dates.h"
#include "events.h"
#include "segment.h"
#include "xalloc.h"

static double bench_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct annals app;
	memset(&app, 0, sizeof app);
	app.opt.collections = xcalloc((size_t)argc, sizeof *app.opt.collections);
	size_t runs = 21;
	int c;
	while ((c = getopt(argc, argv, "C:r:")) != -1) {
		switch (c) {
		case 'C':
			app.opt.collections[app.opt.ncollections++] = optarg;
			break;
		case 'r':
			runs = (size_t)strtoul(optarg, NULL, 10);
			break;
		default:
			fprintf(stderr, "usage: bench_dates [-C PATH]... [-r RUNS]\n");
			return 2;
		}
	}
	if (runs == 0)
		runs = 1;
	if (annals_load(&app, stderr) != 0)
		return 1;
	size_t nsent = 0, found = 0, bytes = 0;
	double *t = xmalloc(runs * sizeof *t);
	for (size_t r = 0; r < runs; r++) {
		double s = bench_cpu();
		nsent = found = bytes = 0;
		for (size_t a = 0; a < app.col.n; a++) {
			const struct article *art = &app.col.items[a];
			for (size_t p = 0; p < art->npara; p++) {
				const char *text = art->paras[p].text;
				if (!text)
					continue;
				size_t n = strlen(text);
				struct sentence *sv;
				size_t ns = segment_sentences(text, n, art->paras[p].lang, &sv);
				for (size_t k = 0; k < ns; k++) {
					struct datex *x;
					found += dates_find(text + sv[k].start, sv[k].end - sv[k].start,
							    art->paras[p].lang, &x);
					free(x);
				}
				free(sv);
				nsent += ns;
				bytes += n;
			}
		}
		t[r] = bench_cpu() - s;
	}
	double median = bench_median(t, runs);
	printf("dates_find: %zu sentences (%.1f kB), %zu expressions; median %.3f ms a pass, "
	       "%.0f sentences/s\n", nsent, (double)bytes / 1e3, found, median * 1e3,
	       median > 0 ? (double)nsent / median : 0.0);
	for (size_t r = 0; r < runs; r++) {
		double s = bench_cpu();
		struct event_list *ev = events_derive(&app.col);
		t[r] = bench_cpu() - s;
		found = ev->n;
		events_free(ev);
	}
	median = bench_median(t, runs);
	printf("events_derive: %zu events; median %.3f ms (min %.3f, max %.3f)\n", found,
	       median * 1e3, t[0] * 1e3, t[runs - 1] * 1e3);
	free(t);
	annals_free(&app);
	return 0;
}
