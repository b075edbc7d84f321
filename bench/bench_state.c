/* bench_state.c: what the reading state costs: at start (hashing every
 * article, opening the store, reading it, marking the entries seen) and on a
 * key press (the sync after a draw: the position and the place written, each
 * its own transaction; and a mark).
 *
 *   bench_state [-n ARTICLES] [-e ENTRIES] [-r RUNS] [-d DIR]
 *
 * Makes ARTICLES articles (default 10000) of 20 paragraphs of about 200 bytes,
 * and a store in DIR (default: a new folder under /tmp, removed after) where
 * ENTRIES of them (default 2000) were read, marked or left at a paragraph.
 * Prints the medians of RUNS runs (default 11) for the start, and of 1000 key
 * presses for each write. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "bench.h"
#include "state.h"
#include "xalloc.h"

static void bench_make(struct collection *col, size_t n)
{
	collection_init(col);
	for (size_t i = 0; i < n; i++) {
		struct article a;
		memset(&a, 0, sizeof a);
		a.id = xasprintf("article-%06zu", i);
		a.title = xasprintf("Article number %zu of the benchmark", i);
		for (int p = 0; p < 20; p++) {
			char *t = xasprintf("Paragraph %d of article %zu, which says what a paragraph "
					    "of a news report says, at about the length of one, with "
					    "a date like 2019-10-24 and a name or two in it, so that "
					    "hashing it costs what a real one does. End.", p, i);
			article_add_para(&a, t, strlen(t), "en", PARA_TEXT);
			free(t);
		}
		collection_add(col, &a);
	}
}

int main(int argc, char **argv)
{
	size_t n = 10000, entries = 2000;
	int runs = 11;
	const char *dir = NULL;
	int c;
	while ((c = getopt(argc, argv, "n:e:r:d:")) != -1) {
		switch (c) {
		case 'n': n = (size_t)strtoul(optarg, NULL, 10); break;
		case 'e': entries = (size_t)strtoul(optarg, NULL, 10); break;
		case 'r': runs = atoi(optarg); break;
		case 'd': dir = optarg; break;
		default:
			fprintf(stderr, "usage: bench_state [-n ARTICLES] [-e ENTRIES] [-r RUNS] [-d DIR]\n");
			return 2;
		}
	}
	if (runs < 1)
		runs = 1;
	if (entries > n)
		entries = n;
	char tmp[] = "/tmp/annals-bench-state-XXXXXX";
	if (dir == NULL && (dir = mkdtemp(tmp)) == NULL)
		return 1;
	char *path = xasprintf("%s/state.sqlite", dir);
	struct collection col;
	bench_make(&col, n);
	time_t now = time(NULL);

	/* The store: entries articles read, a fifth marked, a third at a paragraph. */
	struct state st;
	state_open(&st, &col, path, now);
	for (size_t i = 0; i < entries; i++) {
		size_t a = i * (n / entries);
		state_set_read(&st, a, true);
		if (i % 5 == 0)
			state_set_marked(&st, a, true);
		if (i % 3 == 0)
			state_set_position(&st, a, i % 20, 0);
	}
	for (size_t i = 0; i < 100; i++)
		state_history_push(&st, i * 7 % n);
	state_close(&st);

	double *t = xcalloc((size_t)runs, sizeof *t), *h = xcalloc((size_t)runs, sizeof *h);
	double *y = xcalloc((size_t)runs, sizeof *y);
	/* The first start of a day also marks the entries seen (one transaction). */
	for (int r = 0; r < runs; r++) {
		double t0 = bench_now();
		state_open(&st, &col, path, now + (time_t)(r + 1) * 2 * 86400);
		y[r] = bench_now() - t0;
		state_close(&st);
	}
	now += (time_t)(runs + 1) * 2 * 86400;
	for (int r = 0; r < runs; r++) {
		char hash[STATE_HASH_LEN + 1];
		double t0 = bench_now();
		for (size_t i = 0; i < col.n; i++)
			state_hash(&col.items[i], hash);
		h[r] = bench_now() - t0;
		t0 = bench_now();
		state_open(&st, &col, path, now);
		t[r] = bench_now() - t0;
		if (r + 1 < runs)
			state_close(&st);
	}
	double hm = bench_median(h, (size_t)runs), tm = bench_median(t, (size_t)runs);
	double ym = bench_median(y, (size_t)runs);
	printf("articles %zu, entries %zu (read %zu, marked %zu, positions %zu)\n", n, entries,
	       entries, (entries + 4) / 5, (entries + 2) / 3);
	printf("start: open and read the store  %8.2f ms (median of %d; min %.2f, max %.2f)\n",
	       tm * 1e3, runs, t[0] * 1e3, t[runs - 1] * 1e3);
	printf("start, first of the day (seen)  %8.2f ms (median of %d; min %.2f, max %.2f)\n",
	       ym * 1e3, runs, y[0] * 1e3, y[runs - 1] * 1e3);
	printf("(for scale: hashing every article %.2f ms; only those the store names are hashed)\n",
	       hm * 1e3);

	enum { KEYS = 1000 };
	double *k = xcalloc(KEYS, sizeof *k), *m = xcalloc(KEYS, sizeof *m);
	for (int i = 0; i < KEYS; i++) {
		/* A scroll: a new paragraph for the article, and the place. */
		struct state_place p = { .valid = true, .pane = 2, .article = 5, .para = (size_t)i,
					 .off = 0, .split_a = STATE_NONE, .split_b = STATE_NONE };
		double t0 = bench_now();
		state_set_position(&st, 5, (size_t)i, 0);
		state_save_place(&st, &p);
		k[i] = bench_now() - t0;
		t0 = bench_now();
		state_set_marked(&st, 7, i % 2 == 0);
		m[i] = bench_now() - t0;
	}
	double km = bench_median(k, KEYS), mm = bench_median(m, KEYS);
	printf("key press: position + place     %8.3f ms (median of %d; max %.3f)\n", km * 1e3, KEYS,
	       k[KEYS - 1] * 1e3);
	printf("key press: a mark               %8.3f ms (median of %d; max %.3f)\n", mm * 1e3, KEYS,
	       m[KEYS - 1] * 1e3);
	printf("key press: nothing changed    (no write: the place and position are compared first)\n");
	if (st.write_failed)
		printf("warning: %s\n", st.warning ? st.warning : "a write failed");
	state_close(&st);
	collection_free(&col);
	free(t);
	free(h);
	free(y);
	free(k);
	free(m);
	if (dir == tmp) {
		char *rm = xasprintf("rm -rf '%s'", tmp);
		if (system(rm) != 0)
			fprintf(stderr, "could not remove %s\n", tmp);
		free(rm);
	}
	free(path);
	return 0;
}
