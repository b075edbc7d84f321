/* bench_screen.c: how fast the browser shows its first screen, and how fast it
 * redraws after a key.
 *
 *   bench_screen [-C PATH]... [-r RUNS]
 *
 * First: from nothing to the first complete screen on the collection (the
 * bundled one by default): load, derive the events, lay out and draw a 200x60
 * memory screen. Then, on a 200x60 screen whose reader is full of Chinese text
 * (a made-up article of many Chinese paragraphs, beside the list and the
 * timeline), the median time of RUNS redraws after j, after Space, and after a
 * resize between 200x60 and 190x60 (which re-wraps everything). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "annals.h"
#include "bench.h"
#include "events.h"
#include "term.h"
#include "ui.h"
#include "xalloc.h"

static const char *bench_zh =
	"网络空间是人类共同的活动空间，网络空间前途命运应由世界各国共同掌握。各国应该加强沟通、"
	"扩大共识、深化合作，共同构建网络空间命运共同体。中国愿同各国一道，推动网络空间国际规则"
	"制定，维护网络空间和平与安全，促进开放合作，构建良好秩序。";

/* Times one kind of key, runs times; returns the median in ms. */
static double bench_keys(struct ui *ui, struct term *t, uint32_t key, uint32_t back, int runs)
{
	double *v = xcalloc((size_t)runs, sizeof *v);
	for (int i = 0; i < runs; i++) {
		term_memory_push_key(t, (i & 1) && back ? back : key);
		double t0 = bench_now();
		app_loop(ui, t);
		v[i] = (bench_now() - t0) * 1e3;
	}
	double m = bench_median(v, (size_t)runs);
	free(v);
	return m;
}

int main(int argc, char **argv)
{
	struct annals app;
	memset(&app, 0, sizeof app);
	app.opt.collections = xcalloc((size_t)argc, sizeof *app.opt.collections);
	int runs = 101, c;
	while ((c = getopt(argc, argv, "C:r:")) != -1) {
		if (c == 'C')
			app.opt.collections[app.opt.ncollections++] = optarg;
		else if (c == 'r')
			runs = atoi(optarg) > 0 ? atoi(optarg) : runs;
		else
			return 2;
	}
	struct layout_opts lo = { false, 8 };

	double t0 = bench_now();
	if (annals_load(&app, stderr) != 0)
		return 1;
	const struct event_list *ev = annals_events(&app);
	struct term *t = term_memory_new(200, 60);
	struct ui ui;
	app_init(&ui, &app.col, ev, &lo, 200, 60);
	app_loop(&ui, t);
	double first = (bench_now() - t0) * 1e3;
	printf("first screen, 200x60, %zu articles, %zu events: %.2f ms "
	       "(load + derive + layout + draw)\n", app.col.n, ev ? ev->n : 0, first);
	app_free(&ui);
	term_close(t);

	/* A reader full of Chinese: one article of 400 long Chinese paragraphs. */
	struct collection col;
	collection_init(&col);
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup("zh");
	a.title = xstrdup("网络空间命运共同体");
	a.date = (struct adate){ 2022, 12, 22, DATE_DAY, false };
	for (int i = 0; i < 400; i++) {
		char *p = xasprintf("%d。%s%s", i, bench_zh, bench_zh);
		article_add_para(&a, p, strlen(p), "zh-Hans", PARA_TEXT);
		free(p);
	}
	article_update_langs(&a);
	collection_add(&col, &a);
	struct event_list none = { 0 };
	t = term_memory_new(200, 60);
	app_init(&ui, &col, &none, &lo, 200, 60);
	term_memory_push_key(t, TERM_KEY_TAB);
	term_memory_push_key(t, TERM_KEY_TAB);
	app_loop(&ui, t);
	double j = bench_keys(&ui, t, 'j', 0, runs);
	double page = bench_keys(&ui, t, ' ', 'b', runs);
	double *v = xcalloc((size_t)runs, sizeof *v);
	for (int i = 0; i < runs; i++) {
		term_memory_push_resize(t, i & 1 ? 200 : 190, 60);
		double s = bench_now();
		app_loop(&ui, t);
		v[i] = (bench_now() - s) * 1e3;
	}
	double resize = bench_median(v, (size_t)runs);
	free(v);
	printf("200x60 Chinese reader, median of %d: key j %.3f ms, Space/b %.3f ms, "
	       "resize (re-wrap 400 paragraphs) %.3f ms\n", runs, j, page, resize);
	app_free(&ui);
	term_close(t);
	collection_free(&col);
	annals_free(&app);
	return 0;
}
