/* bench_align.c: how long sentence alignment takes. For every article with
 * parts in two languages, its two parts; for every pair of articles in
 * different languages, the two whole texts (what `annals parallel A B` and the
 * split view compute); then the first bilingual article's parts repeated 1, 10
 * and 40 times, to see that the banded programme grows linearly, not as the
 * square of the length. Medians of -r runs (default 11). Not run by make check:
 *   make bench/bench_align && bench/bench_align [-C PATH]... [-r RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "align.h"
#include "annals.h"
#include "bench.h"
#include "xalloc.h"

/* Median time in ms of runs alignments of a with b; the sentence counts of the
 * last one in *na and *nb. */
static double bench_align_run(const struct align_side *a, const struct align_side *b,
			      size_t runs, size_t *na, size_t *nb)
{
	double *t = xcalloc(runs, sizeof *t), median;

	*na = *nb = 0;
	for (size_t r = 0; r < runs; r++) {
		double t0 = bench_now();
		struct alignment *al = align_sides(a, b);

		t[r] = (bench_now() - t0) * 1e3;
		if (al) {
			*na = al->nsent[0];
			*nb = al->nsent[1];
		}
		align_free(al);
	}
	median = bench_median(t, runs);
	free(t);
	return median;
}

/* The paragraphs of art in lang, copy times over, as one new article. */
static void bench_align_repeat(struct article *out, const struct article *art, const char *lang,
			       int copies)
{
	memset(out, 0, sizeof *out);
	out->id = xstrdup(art->id);
	for (int c = 0; c < copies; c++)
		for (size_t p = 0; p < art->npara; p++)
			if (strcmp(art->paras[p].lang, lang) == 0)
				article_add_para(out, art->paras[p].text, strlen(art->paras[p].text),
						 lang, art->paras[p].kind);
	article_update_langs(out);
}

int main(int argc, char **argv)
{
	struct annals app;
	size_t runs = 11, na, nb;
	const struct article *bilingual = NULL;
	int c;

	memset(&app, 0, sizeof app);
	app.opt.collections = xcalloc((size_t)argc, sizeof *app.opt.collections);
	while ((c = getopt(argc, argv, "C:r:")) != -1) {
		if (c == 'C') {
			app.opt.collections[app.opt.ncollections++] = optarg;
		} else if (c == 'r') {
			runs = (size_t)strtoul(optarg, NULL, 10);
		} else {
			fprintf(stderr, "usage: bench_align [-C PATH]... [-r RUNS]\n");
			return 2;
		}
	}
	if (runs == 0)
		runs = 1;
	if (annals_load(&app, stderr) != 0)
		return 1;

	for (size_t i = 0; i < app.col.n; i++) {
		const struct article *art = &app.col.items[i];

		if (art->nlangs < 2)
			continue;
		if (!bilingual)
			bilingual = art;
		struct align_side a = { art, art->langs[0] }, b = { art, art->langs[1] };
		double ms = bench_align_run(&a, &b, runs, &na, &nb);
		printf("parts   %-24s %s|%s  %3zu + %3zu sentences  %8.3f ms\n", art->id,
		       art->langs[0], art->langs[1], na, nb, ms);
	}
	for (size_t i = 0; i < app.col.n; i++)
		for (size_t j = i + 1; j < app.col.n; j++) {
			const struct article *x = &app.col.items[i], *y = &app.col.items[j];

			if (strcmp(x->lang, y->lang) == 0)
				continue;
			struct align_side a = { x, NULL }, b = { y, NULL };
			double ms = bench_align_run(&a, &b, runs, &na, &nb);
			printf("pair    %s | %s  %3zu + %3zu sentences  %8.3f ms\n", x->id, y->id, na,
			       nb, ms);
		}
	if (bilingual) {
		static const int copies[] = { 1, 10, 40 };

		for (size_t k = 0; k < sizeof copies / sizeof *copies; k++) {
			struct article big[2];

			bench_align_repeat(&big[0], bilingual, bilingual->langs[0], copies[k]);
			bench_align_repeat(&big[1], bilingual, bilingual->langs[1], copies[k]);
			struct align_side a = { &big[0], NULL }, b = { &big[1], NULL };
			double ms = bench_align_run(&a, &b, runs, &na, &nb);
			printf("scaled  x%-3d %5zu + %5zu sentences  %8.3f ms  (%.4f ms per sentence)\n",
			       copies[k], na, nb, ms, ms / (double)(na + nb ? na + nb : 1));
			article_free(&big[0]);
			article_free(&big[1]);
		}
	}
	annals_free(&app);
	return 0;
}
