/* events_derive.c: the events of a collection. What depends on one article
 * alone (its events, the alignments of its own language parts) is worked out
 * per article by worker threads, one per core, each taking the next article;
 * the results are put together in the articles' order, so the grouping
 * (events_group.c), a pass over all of them, sees the same input whatever the
 * number of threads. */
#include <config.h>
#include "events.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "events_int.h"
#include "xalloc.h"

struct events_derive_pool {
	const struct collection *c;
	struct events_article *arts;
	pthread_mutex_t mu;
	size_t next;
};

static void events_derive_one(const struct collection *c, size_t ai, struct events_article *a)
{
	events_article_extract(c, ai, a);
	events_group_self(c, ai, a);
}

static void *events_derive_worker(void *arg)
{
	struct events_derive_pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->mu);
		size_t ai = p->next < p->c->n ? p->next++ : p->c->n;
		pthread_mutex_unlock(&p->mu);
		if (ai == p->c->n)
			return NULL;
		events_derive_one(p->c, ai, &p->arts[ai]);
	}
}

struct event_list *events_derive_jobs(const struct collection *c, int jobs)
{
	struct events_derive_pool p = { .c = c, .arts = xcalloc(c->n ? c->n : 1, sizeof *p.arts) };
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nthreads = jobs > 0 ? (size_t)jobs : cores > 0 ? (size_t)cores : 1;
	if (nthreads > c->n)
		nthreads = c->n;
	pthread_mutex_init(&p.mu, NULL);
	pthread_t *threads = xcalloc(nthreads ? nthreads : 1, sizeof *threads);
	size_t started = 0;
	/* One thread needs none of its own; a thread that cannot start leaves
	 * its share to the others and to this one. */
	for (; nthreads > 1 && started < nthreads; started++)
		if (pthread_create(&threads[started], NULL, events_derive_worker, &p) != 0)
			break;
	events_derive_worker(&p);
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	pthread_mutex_destroy(&p.mu);

	size_t n = 0;
	for (size_t a = 0; a < c->n; a++)
		n += p.arts[a].n;
	struct event *v = xmalloc((n ? n : 1) * sizeof *v);
	struct events_work *w = xmalloc((n ? n : 1) * sizeof *w);
	size_t k = 0;
	for (size_t a = 0; a < c->n; a++) {
		struct events_article *ar = &p.arts[a];
		for (size_t i = 0; i < ar->n; i++, k++) {
			v[k] = ar->v[i];
			w[k] = ar->w[i];
			w[k].orig = k;
			ar->v[i].text = NULL;   /* now v's */
		}
	}
	events_group(v, w, n, c, p.arts);
	free(w);
	for (size_t a = 0; a < c->n; a++)
		events_article_free(&p.arts[a]);
	free(p.arts);

	struct event_list *ev = xcalloc(1, sizeof *ev);
	ev->v = v;
	ev->n = n;
	return ev;
}

struct event_list *events_derive(const struct collection *c)
{
	return events_derive_jobs(c, 0);
}
