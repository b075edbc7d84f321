/* events_derive.c: the events of a collection. What depends on one article
 * alone (its events, the alignments of its own language parts) is worked out
 * per article by worker threads, one per core, each taking the next article;
 * the results are put together in the articles' order, so the grouping
 * (events_group.c), a pass over all of them, sees the same input whatever the
 * number of threads. */
#include <config.h>
#include "events.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "events_int.h"
#include "xalloc.h"

/* Opens the bytes of one article's results; a new layout takes a new one. */
#define EVENTS_DERIVE_MAGIC 0x416e6e4576310001ULL

struct events_derive_pool {
	const struct collection *c;
	struct events_article *arts;
	const bool *kept;               /* arts[a] read from what was kept */
	const atomic_bool *stop;        /* keep's, or NULL */
	struct align_ctx *ctx;
	pthread_mutex_t mu;
	size_t next;
};

static void events_derive_one(const struct collection *c, size_t ai, struct events_article *a,
			      struct align_ctx *ctx)
{
	events_article_extract(c, ai, a);
	events_group_self(c, ai, a, ctx);
}

static void *events_derive_worker(void *arg)
{
	struct events_derive_pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->mu);
		bool stop = p->stop && atomic_load(p->stop);
		size_t ai = p->next < p->c->n && !stop ? p->next++ : p->c->n;
		pthread_mutex_unlock(&p->mu);
		if (ai == p->c->n)
			return NULL;
		if (!p->kept[ai])
			events_derive_one(p->c, ai, &p->arts[ai], p->ctx);
	}
}

/* ---- one article's results as bytes ---- */

struct events_derive_buf {
	unsigned char *b;
	size_t n, cap;
};

static void events_derive_put(struct events_derive_buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	xgrow((void **)&b->b, &b->cap, b->n + n, 1);
	memcpy(b->b + b->n, p, n);
	b->n += n;
}

static void events_derive_put_size(struct events_derive_buf *b, size_t v)
{
	uint64_t u = v;
	events_derive_put(b, &u, sizeof u);
}

/* The events (their texts apart), their work records, the texts, then the
 * alignments with their pairs. */
static void events_derive_pack(const struct events_article *a, struct events_derive_buf *b)
{
	uint64_t magic = EVENTS_DERIVE_MAGIC;
	events_derive_put(b, &magic, sizeof magic);
	events_derive_put_size(b, a->n);
	events_derive_put_size(b, a->nself);
	for (size_t i = 0; i < a->n; i++) {
		struct event e = a->v[i];
		e.text = NULL;
		e.article = 0;
		events_derive_put(b, &e, sizeof e);
		events_derive_put(b, &a->w[i], sizeof a->w[i]);
		size_t len = a->v[i].text ? strlen(a->v[i].text) + 1 : 0;
		events_derive_put_size(b, len);
		events_derive_put(b, a->v[i].text, len);
	}
	for (size_t k = 0; k < a->nself; k++) {
		struct events_self sf = a->self[k];
		sf.pairs = NULL;
		events_derive_put(b, &sf, sizeof sf);
		events_derive_put(b, a->self[k].pairs, 2 * sf.npairs * sizeof *sf.pairs);
	}
}

struct events_derive_reader {
	const unsigned char *b;
	size_t n, at;
};

static bool events_derive_get(struct events_derive_reader *r, void *p, size_t n)
{
	if (n > r->n - r->at)
		return false;
	if (n == 0)
		return true;
	memcpy(p, r->b + r->at, n);
	r->at += n;
	return true;
}

static bool events_derive_get_size(struct events_derive_reader *r, size_t *v)
{
	uint64_t u;
	if (!events_derive_get(r, &u, sizeof u) || u > r->n)
		return false;
	*v = (size_t)u;
	return true;
}

/* Article ai's results from bytes events_derive_pack wrote; false (and nothing
 * in *a) when they are not such bytes. */
static bool events_derive_unpack(const void *bytes, size_t len, size_t ai, struct events_article *a)
{
	struct events_derive_reader r = { bytes, len, 0 };
	uint64_t magic;
	size_t n, nself;
	memset(a, 0, sizeof *a);
	if (!events_derive_get(&r, &magic, sizeof magic) || magic != EVENTS_DERIVE_MAGIC ||
	    !events_derive_get_size(&r, &n) || !events_derive_get_size(&r, &nself) ||
	    n > len / sizeof *a->v || nself > len / sizeof *a->self)
		return false;
	a->v = xcalloc(n ? n : 1, sizeof *a->v);
	a->w = xcalloc(n ? n : 1, sizeof *a->w);
	a->self = xcalloc(nself ? nself : 1, sizeof *a->self);
	bool ok = true;
	for (; ok && a->n < n; a->n++) {
		struct event *e = &a->v[a->n];
		size_t tl;
		ok = events_derive_get(&r, e, sizeof *e) && events_derive_get(&r, &a->w[a->n], sizeof *a->w) &&
		     events_derive_get_size(&r, &tl);
		e->article = ai;
		e->text = NULL;
		if (ok && tl) {
			e->text = xmalloc(tl);
			ok = events_derive_get(&r, e->text, tl) && e->text[tl - 1] == '\0';
		}
	}
	for (; ok && a->nself < nself; a->nself++) {
		struct events_self *sf = &a->self[a->nself];
		ok = events_derive_get(&r, sf, sizeof *sf);
		sf->pairs = NULL;
		if (ok && sf->npairs > len / (2 * sizeof *sf->pairs))
			ok = false, sf->npairs = 0;
		if (ok) {
			sf->pairs = xmalloc((sf->npairs ? 2 * sf->npairs : 1) * sizeof *sf->pairs);
			ok = events_derive_get(&r, sf->pairs, 2 * sf->npairs * sizeof *sf->pairs);
			for (size_t p = 0; ok && p < 2 * sf->npairs; p++)
				ok = sf->pairs[p] < n;
		}
	}
	if (!ok || r.at != len) {
		events_article_free(a);
		return false;
	}
	return true;
}

/* ---- deriving ---- */

struct event_list *events_derive_kept(const struct collection *c, int jobs,
				      const struct events_keep *keep, struct align_ctx *ctx)
{
	struct events_derive_pool p = { .c = c, .arts = xcalloc(c->n ? c->n : 1, sizeof *p.arts),
					.ctx = ctx };
	bool *kept = xcalloc(c->n ? c->n : 1, sizeof *kept);
	size_t todo = c->n;
	for (size_t a = 0; keep && a < c->n; a++) {
		size_t len = 0;
		void *bytes = keep->get(keep->arg, a, &len);
		if (bytes && events_derive_unpack(bytes, len, a, &p.arts[a])) {
			kept[a] = true;
			todo--;
		}
		free(bytes);
	}
	p.kept = kept;
	p.stop = keep ? keep->stop : NULL;
	/* Stopped here, no article is derived: the workers see it too. */
	for (size_t a = 0; keep && a < c->n && !(p.stop && atomic_load(p.stop)); a++)
		if (!kept[a])
			keep->body(keep->arg, a);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nthreads = jobs > 0 ? (size_t)jobs : cores > 0 ? (size_t)cores : 1;
	if (nthreads > todo)
		nthreads = todo;
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
	for (size_t a = 0; keep && a < c->n; a++) {
		/* Workers take articles in order and finish each they take:
		 * those before next were derived, unless kept. */
		if (kept[a] || a >= p.next)
			continue;
		struct events_derive_buf b = { 0 };
		events_derive_pack(&p.arts[a], &b);
		keep->put(keep->arg, a, b.b, b.n);
		free(b.b);
	}
	free(kept);
	if (p.stop && atomic_load(p.stop)) {
		/* Stopped: what each article gave is kept, the grouping (a pass
		 * over all of them) is left to the next run. */
		for (size_t a = 0; a < c->n; a++)
			events_article_free(&p.arts[a]);
		free(p.arts);
		return xcalloc(1, sizeof(struct event_list));
	}

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
		}
		/* Now v's and w's; the grouping needs only the article's own
		 * alignments (self) of what it kept. */
		free(ar->v);
		free(ar->w);
		ar->v = NULL;
		ar->w = NULL;
		ar->n = 0;
	}
	events_group(v, w, n, c, p.arts, keep, ctx);
	free(w);
	for (size_t a = 0; a < c->n; a++)
		events_article_free(&p.arts[a]);
	free(p.arts);

	struct event_list *ev = xcalloc(1, sizeof *ev);
	ev->v = v;
	ev->n = n;
	return ev;
}

struct event_list *events_derive_jobs(const struct collection *c, int jobs)
{
	return events_derive_kept(c, jobs, NULL, NULL);
}

struct event_list *events_derive_ctx(const struct collection *c, struct align_ctx *ctx)
{
	return events_derive_kept(c, 0, NULL, ctx);
}

struct event_list *events_derive(const struct collection *c)
{
	return events_derive_jobs(c, 0);
}
