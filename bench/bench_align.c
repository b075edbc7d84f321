/* bench_align.c: how long sentence alignment takes. For every article with
 * parts in two languages, its two parts; for every pair of articles in
 * different languages, the two whole texts (what `annals parallel A B` and the
 * split view compute); then chapters of about 400 sentences a side made from
 * the parallel fixtures (their gold beads drawn in a fixed pseudo-random
 * order, six to a paragraph: English with Chinese, English with French); then
 * the first bilingual article's parts repeated 1, 10 and 40 times, to see that
 * the banded programme grows linearly, not as the square of the length.
 * Medians of -r runs (default 11), wall clock and processor time (the second
 * is what one core spends, whatever else the machine runs). Not run by make
 * check:
 *   make bench/bench_align && bench/bench_align [-C PATH]... [-F FIXTURES] [-r RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "align.h"
#include "annals.h"
#include "bench.h"
#include "segment.h"
#include "xalloc.h"

#ifndef FIXTURES_DIR
#define FIXTURES_DIR "tests/fixtures"
#endif

static double bench_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Median time in ms of runs alignments of a with b (wall clock; processor
 * time in *cpu); the sentence counts of the last one in *na and *nb. With
 * ctx, the dictionaries are read once for all runs, as the program does;
 * without, each alignment reads its own. */
static double bench_align_run(struct align_ctx *ctx, const struct align_side *a,
			      const struct align_side *b, size_t runs, size_t *na, size_t *nb,
			      double *cpu)
{
	double *t = xcalloc(runs, sizeof *t), *c = xcalloc(runs, sizeof *c), median;

	*na = *nb = 0;
	for (size_t r = 0; r < runs; r++) {
		double t0 = bench_now(), c0 = bench_cpu();
		struct alignment *al = align_sides_ctx(ctx, a, b);

		t[r] = (bench_now() - t0) * 1e3;
		c[r] = (bench_cpu() - c0) * 1e3;
		if (al) {
			*na = al->nsent[0];
			*nb = al->nsent[1];
		}
		align_free(al);
	}
	median = bench_median(t, runs);
	*cpu = bench_median(c, runs);
	free(t);
	free(c);
	return median;
}

/* The sentences of a fixture file (paragraphs separated by blank lines). */
static size_t bench_align_sentences(const char *dir, const char *name, const char *lang,
				    char ***out)
{
	char *path = xasprintf("%s/parallel/%s", dir, name);
	FILE *f = fopen(path, "rb");
	struct buf b;
	size_t n = 0, cap = 0, got;
	char chunk[4096];

	free(path);
	*out = NULL;
	if (!f)
		return 0;
	buf_init(&b);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	fclose(f);
	buf_adds(&b, "");
	for (char *p = b.data; *p;) {
		char *end = strstr(p, "\n\n");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		struct sentence *ss;
		size_t k = segment_sentences(p, len, lang, &ss);

		for (size_t i = 0; i < k; i++) {
			xgrow((void **)out, &cap, n + 1, sizeof **out);
			(*out)[n++] = xstrndup(p + ss[i].start, ss[i].end - ss[i].start);
		}
		free(ss);
		if (!end)
			break;
		p = end + 2;
	}
	buf_free(&b);
	return n;
}

/* A chapter pair of about want sentences a side from the fixtures a and b
 * and their gold beads: beads drawn in a fixed pseudo-random order, six to a
 * paragraph. False when the fixtures cannot be read. */
static bool bench_align_chapter(const char *dir, const char *fa, const char *la, const char *fb,
				const char *lb, const char *gold, size_t want, struct article out[2])
{
	char **s[2];
	size_t n[2] = { bench_align_sentences(dir, fa, la, &s[0]),
			bench_align_sentences(dir, fb, lb, &s[1]) };
	char *path = xasprintf("%s/parallel/%s", dir, gold);
	FILE *f = fopen(path, "r");
	size_t (*bead)[4] = NULL, nbead = 0, cap = 0;
	char line[256];

	free(path);
	while (f && fgets(line, sizeof line, f)) {
		size_t v[4] = { 0, 0, 0, 0 };
		char *p = line;

		if (*p == '#')
			continue;
		for (int side = 0; side < 2; side++) {
			if (*p == '-') {
				p++;
			} else {
				v[2 * side] = strtoul(p, &p, 10);
				v[2 * side + 1] = 1;
				while (*p == ',') {
					strtoul(p + 1, &p, 10);
					v[2 * side + 1]++;
				}
			}
			while (*p == '\t' || *p == ' ')
				p++;
		}
		if (v[0] + v[1] > n[0] || v[2] + v[3] > n[1])
			continue;
		xgrow((void **)&bead, &cap, nbead + 1, sizeof *bead);
		memcpy(bead[nbead++], v, sizeof v);
	}
	if (f)
		fclose(f);
	memset(out, 0, 2 * sizeof *out);
	bool ok = nbead > 0;
	if (ok) {
		struct buf para[2];
		size_t have = 0, inpara = 0;
		unsigned long seed = 2026;

		buf_init(&para[0]);
		buf_init(&para[1]);
		out[0].id = xstrdup("chapter-a");
		out[1].id = xstrdup("chapter-b");
		while (have < want) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			const size_t *v = bead[(seed >> 33) % nbead];

			for (int side = 0; side < 2; side++)
				for (size_t i = v[2 * side]; i < v[2 * side] + v[2 * side + 1]; i++) {
					if (para[side].len)
						buf_adds(&para[side], " ");
					buf_adds(&para[side], s[side][i]);
				}
			have += v[1] > v[3] ? v[1] : v[3];
			if (++inpara == 6 || have >= want) {
				for (int side = 0; side < 2; side++) {
					article_add_para(&out[side], para[side].data, para[side].len,
							 side ? lb : la, PARA_TEXT);
					para[side].len = 0;
				}
				inpara = 0;
			}
		}
		buf_free(&para[0]);
		buf_free(&para[1]);
		article_update_langs(&out[0]);
		article_update_langs(&out[1]);
	}
	for (int side = 0; side < 2; side++) {
		for (size_t i = 0; i < n[side]; i++)
			free(s[side][i]);
		free(s[side]);
	}
	free(bead);
	return ok;
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
	const char *fixtures = FIXTURES_DIR;
	while ((c = getopt(argc, argv, "C:F:r:")) != -1) {
		if (c == 'C') {
			app.opt.collections[app.opt.ncollections++] = optarg;
		} else if (c == 'F') {
			fixtures = optarg;
		} else if (c == 'r') {
			runs = (size_t)strtoul(optarg, NULL, 10);
		} else {
			fprintf(stderr, "usage: bench_align [-C PATH]... [-F FIXTURES] [-r RUNS]\n");
			return 2;
		}
	}
	if (runs == 0)
		runs = 1;
	if (annals_load(&app, stderr) != 0)
		return 1;
	struct align_ctx *ctx = annals_align(&app);

	for (size_t i = 0; i < app.col.n; i++) {
		const struct article *art = &app.col.items[i];

		if (art->nlangs < 2)
			continue;
		if (!bilingual)
			bilingual = art;
		struct align_side a = { art, art->langs[0] }, b = { art, art->langs[1] };
		double cpu, ms = bench_align_run(ctx, &a, &b, runs, &na, &nb, &cpu);
		printf("parts   %-24s %s|%s  %3zu + %3zu sentences  %8.3f ms (cpu %.3f)  "
		       "%.0f sentences/s\n", art->id, art->langs[0], art->langs[1], na, nb, ms, cpu,
		       (double)(na + nb) / (cpu > 0 ? cpu : 1) * 1e3);
	}
	for (size_t i = 0; i < app.col.n; i++)
		for (size_t j = i + 1; j < app.col.n; j++) {
			const struct article *x = &app.col.items[i], *y = &app.col.items[j];

			if (strcmp(x->lang, y->lang) == 0)
				continue;
			struct align_side a = { x, NULL }, b = { y, NULL };
			double cpu, ms = bench_align_run(ctx, &a, &b, runs, &na, &nb, &cpu);
			printf("pair    %s | %s  %3zu + %3zu sentences  %8.3f ms (cpu %.3f)\n", x->id,
			       y->id, na, nb, ms, cpu);
		}
	static const struct {
		const char *a, *la, *b, *lb, *gold;
	} chapters[] = {
		{ "forum.en.txt", "en", "forum.zh.txt", "zh-Hans", "en-zh.gold" },
		{ "forum.en.txt", "en", "forum.fr.txt", "fr", "en-fr.gold" },
	};
	for (size_t k = 0; k < sizeof chapters / sizeof *chapters; k++) {
		struct article ch[2];

		if (!bench_align_chapter(fixtures, chapters[k].a, chapters[k].la, chapters[k].b,
					 chapters[k].lb, chapters[k].gold, 400, ch)) {
			fprintf(stderr, "bench_align: cannot read the fixtures in %s (-F)\n", fixtures);
			continue;
		}
		struct align_side a = { &ch[0], NULL }, b = { &ch[1], NULL };
		for (int own = 0; own < 2; own++) {
			double cpu, ms = bench_align_run(own ? NULL : ctx, &a, &b, runs, &na, &nb,
							 &cpu);
			printf("chapter %s|%-7s %5zu + %5zu sentences  %8.3f ms (cpu %.3f)  "
			       "%.0f sentences/s%s\n", chapters[k].la, chapters[k].lb, na, nb, ms,
			       cpu, (double)(na + nb) / (cpu > 0 ? cpu : 1) * 1e3,
			       own ? "  (dictionaries read each time)" : "");
		}
		article_free(&ch[0]);
		article_free(&ch[1]);
	}
	if (bilingual) {
		static const int copies[] = { 1, 10, 40 };

		for (size_t k = 0; k < sizeof copies / sizeof *copies; k++) {
			struct article big[2];

			bench_align_repeat(&big[0], bilingual, bilingual->langs[0], copies[k]);
			bench_align_repeat(&big[1], bilingual, bilingual->langs[1], copies[k]);
			struct align_side a = { &big[0], NULL }, b = { &big[1], NULL };
			double cpu, ms = bench_align_run(ctx, &a, &b, runs, &na, &nb, &cpu);
			printf("scaled  x%-3d %5zu + %5zu sentences  %8.3f ms (cpu %.3f)  (%.4f ms per "
			       "sentence)\n", copies[k], na, nb, ms, cpu,
			       cpu / (double)(na + nb ? na + nb : 1));
			article_free(&big[0]);
			article_free(&big[1]);
		}
	}
	annals_free(&app);
	return 0;
}
