/* bench_search.c: how long the search index takes to build and a query to run.
 *
 *   bench_search [-C PATH]... [-g N] [-w DIR] [-r RUNS] [QUERY]...
 *
 * Loads the collections named with -C (default: the bundled one). With -g N,
 * makes N articles from the loaded paragraphs instead (each a random pick of
 * 8 to 23 of them, plus a line naming the article, so that one word is rare),
 * and with -w DIR also writes them there as text files, to compare with other
 * tools (rg -c) on the same bytes. Prints the build time and, for each query,
 * the number of matches and the median of RUNS runs (default 21) for all the
 * matches and for the first 100 (what a screen of results needs). */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "annals.h"
#include "bench.h"
#include "layout.h"
#include "search.h"
#include "xalloc.h"

/* A small deterministic generator, so every run makes the same collection. */
static uint32_t bench_rand(uint64_t *state)
{
	*state = *state * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(*state >> 33);
}

/* Replaces col by n articles made of its paragraphs. */
static void bench_generate(struct collection *col, size_t n)
{
	const struct paragraph **pool = NULL;
	size_t npool = 0, cap = 0;
	for (size_t a = 0; a < col->n; a++)
		for (size_t p = 0; p < col->items[a].npara; p++) {
			xgrow((void **)&pool, &cap, npool + 1, sizeof *pool);
			pool[npool++] = &col->items[a].paras[p];
		}
	struct collection gen;
	collection_init(&gen);
	uint64_t state = 42;
	for (size_t i = 0; i < n && npool; i++) {
		struct article a;
		memset(&a, 0, sizeof a);
		a.id = xasprintf("gen%06zu", i);
		a.title = xasprintf("Generated article %zu", i);
		a.date = (struct adate){ .year = 2000 + (int)(i % 25), .month = 1 + (int)(i % 12),
					 .day = 1 + (int)(i % 28), .prec = DATE_DAY };
		size_t k = 8 + bench_rand(&state) % 16;
		for (size_t j = 0; j < k; j++) {
			const struct paragraph *p = pool[bench_rand(&state) % npool];
			article_add_para(&a, p->text, strlen(p->text), p->lang, p->kind);
		}
		char *ref = xasprintf("Reference %s.", a.id);
		article_add_para(&a, ref, strlen(ref), "en", PARA_TEXT);
		free(ref);
		article_update_langs(&a);
		collection_add(&gen, &a);
	}
	free(pool);
	collection_free(col);
	*col = gen;
}

static int bench_write(const struct collection *col, const char *dir)
{
	mkdir(dir, 0777);
	for (size_t i = 0; i < col->n; i++) {
		const struct article *a = &col->items[i];
		char *path = xasprintf("%s/%s.txt", dir, a->id);
		FILE *f = fopen(path, "w");
		free(path);
		if (!f)
			return -1;
		fprintf(f, "%s\n", a->title);
		for (size_t p = 0; p < a->npara; p++)
			fprintf(f, "\n%s\n", a->paras[p].text);
		fclose(f);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct annals app;
	memset(&app, 0, sizeof app);
	app.opt.collections = xcalloc((size_t)argc, sizeof *app.opt.collections);
	size_t gen = 0, runs = 21;
	const char *write_dir = NULL;
	int c;
	while ((c = getopt(argc, argv, "C:g:w:r:")) != -1) {
		switch (c) {
		case 'C':
			app.opt.collections[app.opt.ncollections++] = optarg;
			break;
		case 'g':
			gen = (size_t)strtoul(optarg, NULL, 10);
			break;
		case 'w':
			write_dir = optarg;
			break;
		case 'r':
			runs = (size_t)strtoul(optarg, NULL, 10);
			break;
		default:
			fprintf(stderr, "usage: bench_search [-C PATH]... [-g N] [-w DIR] [-r RUNS] [QUERY]...\n");
			return 2;
		}
	}
	if (runs == 0)
		runs = 1;
	double t0 = bench_now();
	if (annals_load(&app, stderr) != 0)
		return 1;
	double t1 = bench_now();
	if (gen)
		bench_generate(&app.col, gen);
	if (write_dir && bench_write(&app.col, write_dir) != 0) {
		perror(write_dir);
		return 1;
	}
	size_t bytes = 0, paras = 0;
	for (size_t a = 0; a < app.col.n; a++)
		for (size_t p = 0; p < app.col.items[a].npara; p++, paras++)
			bytes += strlen(app.col.items[a].paras[p].text);
	printf("collection: %zu articles, %zu paragraphs, %.1f MB of text (loaded in %.3f s)\n",
	       app.col.n, paras, (double)bytes / 1e6, t1 - t0);

	double t2 = bench_now();
	struct search_index *ix = annals_search(&app);
	double t3 = bench_now();
	printf("index build: %.3f s\n", t3 - t2);

	static const char *const defaults[] = {
		"cncert", "网络安全", "網絡安全", "cybersecurite", "\"cyber security\"",
		"international cooperation", "gen000042", "the", NULL,
	};
	const char *const *queries = optind < argc ? (const char *const *)argv + optind : defaults;
	size_t nq = optind < argc ? (size_t)(argc - optind) : sizeof defaults / sizeof *defaults - 1;
	double *t = xmalloc(runs * sizeof *t), *t100 = xmalloc(runs * sizeof *t100);
	const struct layout_opts lo = { false, 8 };
	for (size_t q = 0; q < nq; q++) {
		size_t n = 0, n100 = 0;
		for (size_t r = 0; r < runs; r++) {
			struct search_match *m;
			double s = bench_now();
			search_run(ix, queries[q], 0, &m, &n);
			t[r] = bench_now() - s;
			free(m);
			s = bench_now();
			search_run(ix, queries[q], 100, &m, &n100);
			t100[r] = bench_now() - s;
			free(m);
		}
		double median = bench_median(t, runs), median100 = bench_median(t100, runs);
		/* The query padded to 26 columns as a terminal shows it (CJK is wide). */
		int pad = 26 - layout_strwidth(queries[q], &lo);
		printf("%s%*s %8zu matches  all: median %8.3f ms (min %.3f, max %.3f)  "
		       "first 100: median %.3f ms\n", queries[q], pad > 0 ? pad : 0, "", n,
		       median * 1e3, t[0] * 1e3, t[runs - 1] * 1e3, median100 * 1e3);
	}
	free(t);
	free(t100);
	annals_free(&app);
	return 0;
}
