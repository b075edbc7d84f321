/* bench_ingest.c: how long ingest takes, and what it made.
 *
 *   bench_ingest [-r RUNS] [-d] PATH...
 *
 * Reads the files and folders named (default: the bundled collection) RUNS
 * times (default 3) and prints the median time, the articles, paragraphs and
 * warnings. With -d, also writes every article as ingest made it (id, date,
 * languages, title, then each paragraph with its kind and language) to stdout,
 * so that two builds can be compared byte for byte: a faster ingest must make
 * the same articles. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "annals.h"
#include "bench.h"
#include "ingest.h"
#include "xalloc.h"

static void bench_load(char **paths, int npaths, struct collection *col)
{
	collection_init(col);
	struct ingest *in = ingest_new(annals_data_dir(), col);
	for (int i = 0; i < npaths; i++)
		ingest_path(in, paths[i], col);
	ingest_free(in);
	collection_sort(col);
}

static void bench_dump(const struct collection *col)
{
	for (size_t i = 0; i < col->n; i++) {
		const struct article *a = &col->items[i];
		char date[16];
		adate_format(&a->date, date, sizeof date);
		printf("= %s %s%s %s", a->id, date, a->date.inferred ? "?" : "", a->lang);
		for (size_t k = 0; k < a->nlangs; k++)
			printf("%s%s", k ? "," : " [", a->langs[k]);
		printf("]\n  title %s\n  source %s\n", a->title, a->source ? a->source : "-");
		for (size_t p = 0; p < a->npara; p++) {
			const struct paragraph *pp = &a->paras[p];
			printf("  %s %s %zu |%s\n", para_kind_name(pp->kind), pp->lang, (size_t)pp->nemph,
			       pp->text);
		}
	}
	for (size_t i = 0; i < col->nwarnings; i++)
		printf("! %s\n", col->warnings[i]);
}

int main(int argc, char **argv)
{
	int runs = 3, opt;
	bool dump = false;
	while ((opt = getopt(argc, argv, "r:d")) != -1) {
		if (opt == 'r')
			runs = atoi(optarg);
		else if (opt == 'd')
			dump = true;
		else {
			fprintf(stderr, "usage: %s [-r RUNS] [-d] PATH...\n", argv[0]);
			return 2;
		}
	}
	if (runs < 1)
		runs = 1;
	char *bundled[] = { (char *)annals_bundled_collection() };
	char **paths = optind < argc ? argv + optind : bundled;
	int npaths = optind < argc ? argc - optind : 1;
	double *t = xcalloc((size_t)runs, sizeof *t);
	struct collection col;
	for (int r = 0; r < runs; r++) {
		double t0 = bench_now();
		bench_load(paths, npaths, &col);
		t[r] = bench_now() - t0;
		if (r + 1 < runs)
			collection_free(&col);
	}
	qsort(t, (size_t)runs, sizeof *t, bench_double_order);
	size_t paras = 0, bytes = 0;
	for (size_t i = 0; i < col.n; i++) {
		paras += col.items[i].npara;
		for (size_t p = 0; p < col.items[i].npara; p++)
			bytes += strlen(col.items[i].paras[p].text);
	}
	if (dump)
		bench_dump(&col);
	fprintf(stderr, "ingest: %zu articles, %zu paragraphs, %zu bytes of text, %zu warnings; "
		"median of %d: %.3f s (%.1f us an article)\n", col.n, paras, bytes, col.nwarnings,
		runs, t[runs / 2], col.n ? t[runs / 2] * 1e6 / (double)col.n : 0.0);
	collection_free(&col);
	free(t);
	return 0;
}
