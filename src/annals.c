/* annals.c: the application struct: where the bundled data is, loading the
 * collections, and the derived views built on first use. */
#include <config.h>
#include "annals.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "align.h"
#include "events.h"
#include "i18n.h"
#include "ingest.h"
#include "search.h"
#include "store.h"
#include "xalloc.h"

/* True when this executable is the one in the build tree, so the source tree's
 * data is the right one (tests, and trying annals before installing it). */
static bool annals_in_build_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	const char *top = ANNALS_BUILDDIR;
	size_t len = strlen(top);
	return strncmp(exe, top, len) == 0 && exe[len] == '/';
}

const char *annals_data_dir(void)
{
	return annals_in_build_tree() ? ANNALS_SRCDATADIR : ANNALS_PKGDATADIR;
}

const char *annals_locale_dir(void)
{
	return annals_in_build_tree() ? ANNALS_BUILDDIR "/locale" : LOCALEDIR;
}

const char *annals_bundled_collection(void)
{
	return annals_in_build_tree() ? ANNALS_SRCDATADIR "/collection"
				      : ANNALS_PKGDATADIR "/collection";
}

static bool annals_col_body(void *ctx, struct article *a)
{
	struct annals *app = ctx;
	return app->store && store_body(app->store, a) == 0;
}

/* The index brought up to date and read; false when there is none to be had
 * (one warning printed), and the files are read directly. */
static bool annals_load_index(struct annals *app, const char *const *roots, size_t nroots,
			      size_t *readable, FILE *err)
{
	char *warning = NULL;
	app->store = store_open(roots, nroots, &warning);
	if (warning)
		fprintf(err, "annals: %s\n", warning);
	free(warning);
	if (!app->store)
		return false;
	if (app->opt.reindex && store_clear(app->store) != 0) {
		store_close(app->store);
		app->store = NULL;
		return false;
	}
	struct store_sync_opts so = {
		.datadir = annals_data_dir(), .jobs = app->opt.jobs, .bodies = !app->opt.lazy_bodies,
		.progress = isatty(fileno(err)) ? err : NULL, .lang = app->ui.id,
	};
	struct collection got;
	collection_init(&got);
	if (store_sync(app->store, roots, nroots, &so, &got, readable, &warning) == 0) {
		/* After the warnings already there (the configuration's). */
		for (size_t i = 0; i < got.nwarnings; i++)
			collection_warn(&app->col, "%s", got.warnings[i]);
		collection_move_items(&app->col, &got);
		collection_free(&got);
		/* Bodies left in the index come when something reads them. */
		app->col.body = annals_col_body;
		app->col.body_ctx = app;
		return true;
	}
	collection_free(&got);
	fprintf(err, "annals: %s\n", warning);
	free(warning);
	store_close(app->store);
	app->store = NULL;
	return false;
}

/* The collection as the index last left it (store_peek), the files not looked
 * at yet: true when there was one; annals_sync_start then brings it up to date. */
static bool annals_peek(struct annals *app, const char *const *roots, size_t nroots)
{
	char *warning = NULL;
	app->store = store_open(roots, nroots, &warning);
	free(warning);
	if (!app->store)
		return false;
	struct collection got;
	collection_init(&got);
	if (store_peek(app->store, annals_data_dir(), &got) != 0) {
		collection_free(&got);
		/* No index yet (a first start): the browser shows an empty one at
		 * once and the sync is the first ingestion, when there is a
		 * collection to read at all (else the error comes as always). */
		bool any = false;
		for (size_t i = 0; i < nroots && !any; i++)
			any = access(roots[i], R_OK) == 0;
		if (!any) {
			store_close(app->store);
			app->store = NULL;
			return false;
		}
		collection_init(&got);
		app->indexing = true;
	}
	collection_move_items(&app->col, &got);
	collection_free(&got);
	app->col.body = annals_col_body;
	app->col.body_ctx = app;
	app->peeked = true;
	return true;
}

static bool annals_rows_unique(const struct collection *col);

/* A sync of the index in a thread of its own, with a connection of its own,
 * while the browser shows what store_peek read. */
struct annals_sync {
	pthread_t thread;
	const char *const *roots;
	size_t nroots;
	struct store_sync_opts opts;
	struct align_ctx *align;        /* the application's, made before the thread */
	long long peek_gen;             /* the generation the browser shows */
	bool derive;                    /* the events are due even when nothing changed */
	bool unchanged;                 /* the index is as the browser read it (store_sync) */
	/* The files changed: what changed (delta, as soon as the files are
	 * written), or else a copy of what the sync read (early), for the browser
	 * to show while the events are derived again (annals_sync_take_early). */
	bool want_early;
	bool has_delta;
	struct store_delta delta;
	struct collection early;
	atomic_bool early_ready;
	bool early_taken;
	struct store *st;               /* the thread's connection, while it runs */
	struct store_watch watch;       /* how far it is; how to stop it (annals_sync_cancel) */
	atomic_bool deriving;           /* the files are read: the events are being derived */
	struct collection col;          /* what the sync read */
	struct event_list *events;      /* derived from col when it changed, or NULL */
	long long gen;                  /* the index's generation after it */
	size_t readable;
	char *warning;
	int rc;
	atomic_bool done;
};

/* What was derived from one article is kept under its row (annals_keep_get,
 * with the thread's connection and collection). */
static void *annals_sync_get(void *arg, size_t article, size_t *len)
{
	struct annals_sync *s = arg;
	return store_derived_get(s->st, s->col.items[article].row, len);
}

static void annals_sync_put(void *arg, size_t article, const void *bytes, size_t len)
{
	struct annals_sync *s = arg;
	store_derived_put(s->st, s->col.items[article].row, bytes, len);
}

static void *annals_sync_pair_get(void *arg, size_t a, size_t b, const char *la, const char *lb,
				  bool words, size_t *len)
{
	struct annals_sync *s = arg;
	return store_pair_get(s->st, s->col.items[a].row, s->col.items[b].row, la, lb, words, len);
}

static void annals_sync_pair_put(void *arg, size_t a, size_t b, const char *la, const char *lb,
				 bool words, const void *bytes, size_t len)
{
	struct annals_sync *s = arg;
	store_pair_put(s->st, s->col.items[a].row, s->col.items[b].row, la, lb, words, bytes, len);
}

static void annals_sync_body(void *arg, size_t article)
{
	struct annals_sync *s = arg;
	store_body(s->st, &s->col.items[article]);
}

static bool annals_sync_col_body(void *ctx, struct article *a)
{
	struct annals_sync *s = ctx;
	return store_body(s->st, a) == 0;
}

/* store_sync_opts.written: the change, kept for the browser, once. */
static void annals_sync_written(void *ctx, struct store_delta *d)
{
	struct annals_sync *s = ctx;
	if (atomic_load(&s->early_ready))
		return;
	s->delta = *d;
	memset(d, 0, sizeof *d);
	collection_init(&d->added);
	s->has_delta = true;
	atomic_store(&s->early_ready, true);
}

static void *annals_sync_run(void *arg)
{
	struct annals_sync *s = arg;
	s->rc = -1;
	struct store *st = store_open(s->roots, s->nroots, &s->warning);
	if (st) {
		free(s->warning);
		s->warning = NULL;
		s->rc = store_sync(st, s->roots, s->nroots, &s->opts, &s->col, &s->readable, &s->warning);
		s->gen = store_generation(st);
		/* Deriving the events again takes long on a large collection (a
		 * minute at 100,000 articles): the browser shows the files as they
		 * are meanwhile, with the events it has. */
		if (s->rc == 0 && s->gen != s->peek_gen && s->want_early &&
		    !atomic_load(&s->early_ready) && !atomic_load(&s->watch.cancel)) {
			for (size_t i = 0; i < s->col.nwarnings; i++)
				collection_warn(&s->early, "%s", s->col.warnings[i]);
			for (size_t i = 0; i < s->col.n; i++) {
				struct article copy;
				article_copy(&copy, &s->col.items[i]);
				collection_add(&s->early, &copy);
			}
			atomic_store(&s->early_ready, true);
		}
		/* Changed: the events are derived here too (what each unchanged
		 * article gave is kept), not in the browser's thread. */
		atomic_store(&s->deriving, true);
		if (s->rc == 0 && (s->gen != s->peek_gen || s->derive) && annals_rows_unique(&s->col) &&
		    !atomic_load(&s->watch.cancel)) {
			s->st = st;
			s->col.body = annals_sync_col_body;
			s->col.body_ctx = s;
			/* q stops it at the next article (annals_sync_cancel): what
			 * each article gave is kept, the rest is the next start's. */
			struct events_keep keep = {
				.get = annals_sync_get, .put = annals_sync_put, .body = annals_sync_body,
				.pair_get = annals_sync_pair_get, .pair_put = annals_sync_pair_put,
				.arg = s, .stop = &s->watch.cancel,
			};
			s->events = events_derive_kept(&s->col, s->opts.jobs, &keep, s->align);
			store_derived_done(st);
			if (atomic_load(&s->watch.cancel)) {
				events_free(s->events);
				s->events = NULL;
			} else {
				store_events_save(st, &s->col, s->events);
			}
			collection_drop_bodies(&s->col);
			s->col.body = NULL;
			s->col.body_ctx = NULL;
			s->st = NULL;
		}
		store_close(st);
	}
	atomic_store(&s->done, true);
	return NULL;
}

struct annals_sync *annals_sync_start(struct annals *app)
{
	if (!app->peeked)
		return NULL;
	struct annals_sync *s = xcalloc(1, sizeof *s);
	s->roots = app->opt.ncollections ? app->opt.collections : &app->bundled;
	s->nroots = app->opt.ncollections ? app->opt.ncollections : 1;
	s->opts = (struct store_sync_opts){
		.datadir = annals_data_dir(), .jobs = app->opt.jobs, .watch = &s->watch,
	};
	/* A first ingestion hands its articles over as they are written: the
	 * browser's list fills as it goes (annals_sync_take). */
	store_watch_init(&s->watch, app->indexing);
	atomic_init(&s->deriving, false);
	s->align = annals_align(app);
	s->peek_gen = store_generation(app->store);
	s->derive = app->events_due;
	s->want_early = !app->indexing;
	if (s->want_early) {
		s->opts.written = annals_sync_written;
		s->opts.written_ctx = s;
	}
	collection_init(&s->early);
	atomic_init(&s->early_ready, false);
	/* Events due are derived from the sync's own articles: those it reads. */
	if (!s->derive && !app->indexing) {
		s->opts.unchanged = &s->unchanged;
		s->opts.known = s->peek_gen;
	}
	collection_init(&s->col);
	atomic_init(&s->done, false);
	if (pthread_create(&s->thread, NULL, annals_sync_run, s) != 0) {
		/* No thread to be had: the sync runs now. */
		annals_sync_run(s);
		s->thread = pthread_self();
	}
	return s;
}

bool annals_sync_done(const struct annals_sync *s)
{
	return atomic_load(&s->done);
}

void annals_sync_progress(struct annals_sync *s, size_t *done, size_t *total, bool *deriving)
{
	*done = atomic_load(&s->watch.done);
	*total = atomic_load(&s->watch.total);
	*deriving = atomic_load(&s->deriving);
}

void annals_sync_cancel(struct annals_sync *s)
{
	atomic_store(&s->watch.cancel, true);
}

size_t annals_sync_take(struct annals *app, struct annals_sync *s)
{
	return store_watch_take(&s->watch, &app->col);
}

/* The first ingestion failed part way (locked too long, full disk): the
 * files are read directly, as when there is no index to be had. */
static void annals_read_direct(struct annals *app, const char *const *roots, size_t nroots)
{
	store_close(app->store);
	app->store = NULL;
	/* The articles the sync handed over before it failed go: the files
	 * give them all again. The configuration's warnings stay. */
	for (size_t i = 0; i < app->col.n; i++)
		article_free(&app->col.items[i]);
	app->col.n = 0;
	struct ingest *in = ingest_new(annals_data_dir(), &app->col);
	for (size_t i = 0; i < nroots; i++)
		ingest_path(in, roots[i], &app->col);
	ingest_free(in);
	collection_sort(&app->col);
	app->col.body = NULL;
	app->col.body_ctx = NULL;
}

/* from (warnings and articles, taken) in place of app->col, the
 * configuration's warnings first as at any start; the search index goes. */
static void annals_adopt(struct annals *app, struct collection *from)
{
	search_index_free(app->search);
	app->search = NULL;
	struct collection old = app->col;
	collection_init(&app->col);
	for (size_t i = 0; i < app->conf.nerrors; i++) {
		char *t = conf_error_text(&app->conf, i);
		collection_warn(&app->col, "%s", t);
		free(t);
	}
	for (size_t i = 0; i < from->nwarnings; i++)
		collection_warn(&app->col, "%s", from->warnings[i]);
	collection_move_items(&app->col, from);
	app->col.body = annals_col_body;
	app->col.body_ctx = app;
	collection_free(&old);
}

bool annals_sync_early_ready(const struct annals_sync *s)
{
	return !s->early_taken && atomic_load(&s->early_ready);
}

/* The events kept follow their articles by row, once app->col has changed:
 * rows[a] was the row of the old article a, which left[a] says went (NULL:
 * none went). An unchanged file's articles keep their rows, and so their
 * events; those of a changed file are new, and their events come with the
 * sync's (all of them, when a file named twice gives two articles one row). */
static void annals_events_follow(struct annals *app, const long long *rows, const bool *left,
				 size_t n)
{
	if (!app->events)
		return;
	struct collection_rows map;
	bool mapped = collection_rows_make(&map, &app->col);
	size_t *to = xcalloc(n ? n : 1, sizeof *to);
	for (size_t a = 0; a < n; a++)
		to[a] = mapped && !(left && left[a]) ? collection_rows_find(&map, rows[a]) : (size_t)-1;
	if (mapped)
		collection_rows_free(&map);
	events_keep_articles(app->events, to);
	free(to);
}

static int annals_path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The change d made to what the browser shows: the articles of the files
 * gone or read again leave, those read arrive; the rest stay as they are
 * (not read again: at 100,000 articles, reading them all back, and copying
 * them for the browser, took a second). The events kept follow their
 * articles. The warnings stay until the whole result comes. */
static void annals_apply_delta(struct annals *app, struct store_delta *d)
{
	qsort(d->gone, d->ngone, sizeof *d->gone, annals_path_cmp);
	struct collection *col = &app->col;
	size_t n = col->n, kept = 0;
	long long *rows = xcalloc(n ? n : 1, sizeof *rows);
	bool *left = xcalloc(n ? n : 1, sizeof *left);
	/* In place: the articles that stay close up, in their order. */
	for (size_t a = 0; a < n; a++) {
		struct article *art = &col->items[a];
		rows[a] = art->row;
		left[a] = art->path && bsearch(&art->path, d->gone, d->ngone, sizeof *d->gone,
					       annals_path_cmp);
		if (left[a])
			article_free(art);
		else
			col->items[kept++] = *art;
	}
	col->n = kept;
	for (size_t i = 0; i < d->added.n; i++)
		collection_add(col, &d->added.items[i]);
	d->added.n = 0;
	collection_sort_tail(col, kept);
	annals_events_follow(app, rows, left, n);
	free(left);
	free(rows);
	search_index_free(app->search);
	app->search = NULL;
}

bool annals_sync_take_early(struct annals *app, struct annals_sync *s)
{
	if (s->early_taken || !atomic_load(&s->early_ready))
		return false;
	s->early_taken = true;
	if (s->has_delta) {
		annals_apply_delta(app, &s->delta);
		store_delta_free(&s->delta);
		return true;
	}
	size_t n = app->col.n;
	long long *rows = xcalloc(n ? n : 1, sizeof *rows);
	for (size_t a = 0; a < n; a++)
		rows[a] = app->col.items[a].row;
	annals_adopt(app, &s->early);
	annals_events_follow(app, rows, NULL, n);
	free(rows);
	collection_free(&s->early);
	collection_init(&s->early);
	return true;
}

bool annals_sync_finish(struct annals *app, struct annals_sync *s)
{
	if (!pthread_equal(s->thread, pthread_self()))
		pthread_join(s->thread, NULL);
	bool changed = false;
	if (s->rc != 0) {
		/* What the index showed stays; why it could not be brought up to
		 * date is said with the other warnings, after the browser. */
		if (s->warning)
			collection_warn(&app->col, "%s", s->warning);
		if (app->indexing && !atomic_load(&s->watch.cancel)) {
			annals_read_direct(app, s->roots, s->nroots);
			changed = true;
		}
		/* Events left to it are derived here after all (the panes are
		 * made again with them). */
		if (app->events_due) {
			events_free(app->events);
			app->events = NULL;
			changed = true;
		}
	} else if (s->gen == store_generation(app->store) && (s->unchanged || s->col.n == app->col.n) &&
		   !s->events && !app->events_due && !app->indexing) {
		/* Nothing changed: only the warnings of the files are new. */
		for (size_t i = 0; i < s->col.nwarnings; i++)
			collection_warn(&app->col, "%s", s->col.warnings[i]);
	} else {
		events_free(app->events);
		app->events = NULL;
		annals_adopt(app, &s->col);
		/* In the same order: the events' article numbers stay right. */
		app->events = s->events;
		s->events = NULL;
		store_set_generation(app->store, s->gen);
		changed = true;
	}
	events_free(s->events);
	collection_free(&s->col);
	collection_free(&s->early);
	store_delta_free(&s->delta);
	store_watch_free(&s->watch);
	free(s->warning);
	free(s);
	app->peeked = false;
	app->events_due = false;
	app->indexing = false;
	return changed;
}

/* The same file or folder given twice (under any name: ./a.txt and a.txt)
 * is read once, with a warning. */
static void annals_unique_roots(struct annals *app)
{
	size_t n = app->opt.ncollections, o = 0;
	char **real = xcalloc(n ? n : 1, sizeof *real);
	for (size_t i = 0; i < n; i++) {
		const char *root = app->opt.collections[i];
		char *r = realpath(root, NULL);
		bool seen = false;
		for (size_t k = 0; r && k < o && !seen; k++)
			seen = real[k] && strcmp(real[k], r) == 0;
		if (seen) {
			collection_warn(&app->col, _("%s: given more than once; read once"), root);
			free(r);
			continue;
		}
		real[o] = r;
		app->opt.collections[o++] = root;
	}
	for (size_t k = 0; k < o; k++)
		free(real[k]);
	free(real);
	app->opt.ncollections = o;
}

int annals_load(struct annals *app, FILE *err)
{
	collection_init(&app->col);
	/* Problems in the configuration are reported with those of the files. */
	for (size_t i = 0; i < app->conf.nerrors; i++) {
		char *t = conf_error_text(&app->conf, i);
		collection_warn(&app->col, "%s", t);
		free(t);
	}
	app->bundled = annals_bundled_collection();
	annals_unique_roots(app);
	const char *const *roots = app->opt.ncollections ? app->opt.collections : &app->bundled;
	size_t nroots = app->opt.ncollections ? app->opt.ncollections : 1, readable = 0;
	if (app->opt.early && !app->opt.no_cache && !app->opt.reindex && annals_peek(app, roots, nroots))
		return 0;
	if (app->opt.no_cache || !annals_load_index(app, roots, nroots, &readable, err)) {
		struct ingest *in = ingest_new(annals_data_dir(), &app->col);
		for (size_t i = 0; i < nroots; i++)
			readable += ingest_path(in, roots[i], &app->col) == 0;
		ingest_free(in);
		collection_sort(&app->col);
	}
	if (readable == 0) {
		annals_print_warnings(app, err);
		fprintf(err, "annals: %s\n", _("no collection could be read"));
		return 1;
	}
	/* Readable, but nothing in it is an article: as much an error in the
	 * input as a collection that cannot be read. */
	if (app->col.n == 0) {
		annals_print_warnings(app, err);
		fprintf(err, "annals: %s\n", _("no article could be read"));
		return 1;
	}
	return 0;
}

void annals_print_warnings(const struct annals *app, FILE *err)
{
	for (size_t i = 0; i < app->col.nwarnings; i++)
		fprintf(err, "annals: %s\n", app->col.warnings[i]);
}

bool annals_body(struct annals *app, const struct article *a, FILE *err)
{
	if (!a->nbody)
		return true;
	if (app->store && store_body(app->store, (struct article *)a) == 0)
		return true;
	fprintf(err, "annals: %s: %s\n", a->path ? a->path : a->id,
		_("the index changed meanwhile; try again"));
	return false;
}

void annals_free(struct annals *app)
{
	events_free(app->events);
	app->events = NULL;
	search_index_free(app->search);
	app->search = NULL;
	align_ctx_free(app->align);
	app->align = NULL;
	collection_free(&app->col);
	store_close(app->store);
	app->store = NULL;
	free(app->opt.collections);
	app->opt.collections = NULL;
	conf_free(&app->conf);
}

static int annals_row_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* The search source of the index: its search table names the candidates. */
static int annals_search_candidates(void *ctx, const char *query, size_t **out, size_t *n, bool *all)
{
	struct annals *app = ctx;
	long long *rows = NULL;
	size_t nrows = 0;
	*out = NULL;
	*n = 0;
	if (store_candidates(app->store, query, &rows, &nrows, all) != 0)
		return -1;
	if (!*all) {
		size_t cap = nrows ? nrows : 1;
		*out = xmalloc(cap * sizeof **out);
		/* A file named twice gives two articles one row: each row is looked
		 * for, not each article. Collection order, ascending. */
		for (size_t i = 0; nrows && i < app->col.n; i++) {
			if (bsearch(&app->col.items[i].row, rows, nrows, sizeof *rows, annals_row_cmp)) {
				xgrow((void **)out, &cap, *n + 1, sizeof **out);
				(*out)[(*n)++] = i;
			}
		}
	}
	free(rows);
	return 0;
}

static int annals_slot_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = ((const struct store_slot *)b)->row;
	return (x > y) - (x < y);
}

/* The search source's slots of one word: the index names rows, each of which
 * is an article of the collection (or two, for a file named twice). */
static int annals_search_slots(void *ctx, const char *term, size_t len, struct search_slot **out,
			       size_t *n, bool *all)
{
	struct annals *app = ctx;
	struct store_slot *slots = NULL;
	size_t nslots = 0, cap = 0;
	*out = NULL;
	*n = 0;
	if (store_term_slots(app->store, term, len, &slots, &nslots, all) != 0)
		return -1;
	/* Collection order: each article's row looked for among the slots'
	 * (ascending by row), its slots taken in their order. */
	for (size_t i = 0; nslots && !*all && i < app->col.n; i++) {
		const struct store_slot *s = bsearch(&app->col.items[i].row, slots, nslots, sizeof *slots,
						     annals_slot_cmp);
		if (!s)
			continue;
		while (s > slots && s[-1].row == s->row)
			s--;
		for (; s < slots + nslots && s->row == app->col.items[i].row; s++) {
			xgrow((void **)out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = (struct search_slot){ i, s->slot, s->rest };
		}
	}
	free(slots);
	return 0;
}

/* A scan of the index's search table (search.h's scan): its rows named by
 * collection index. */
struct annals_scan {
	struct annals_rowix {
		long long row;
		size_t i;
	} *by_row;
	size_t n;
	int (*each)(void *arg, size_t a, size_t slot, const char *folded, size_t len);
	void *arg;
};

static int annals_rowix_cmp(const void *a, const void *b)
{
	long long x = ((const struct annals_rowix *)a)->row, y = ((const struct annals_rowix *)b)->row;
	return (x > y) - (x < y);
}

static int annals_scan_each(void *arg, long long row, size_t slot, const char *folded, size_t len)
{
	struct annals_scan *sc = arg;
	struct annals_rowix key = { row, 0 };
	const struct annals_rowix *r = bsearch(&key, sc->by_row, sc->n, sizeof key, annals_rowix_cmp);
	/* A row the collection does not have (the index changed since): none. */
	return r ? sc->each(sc->arg, r->i, slot, folded, len) : 0;
}

static int annals_search_scan(void *ctx, const char *const *terms, const size_t *lens, size_t nterms,
			      int (*each)(void *arg, size_t a, size_t slot, const char *folded,
					  size_t len),
			      void *arg)
{
	struct annals *app = ctx;
	struct annals_scan sc = { xmalloc((app->col.n ? app->col.n : 1) * sizeof *sc.by_row),
				  app->col.n, each, arg };
	for (size_t i = 0; i < app->col.n; i++)
		sc.by_row[i] = (struct annals_rowix){ app->col.items[i].row, i };
	qsort(sc.by_row, sc.n, sizeof *sc.by_row, annals_rowix_cmp);
	/* A file named twice gives two articles one row: asked another way. */
	bool unique = true;
	for (size_t i = 1; i < sc.n && unique; i++)
		unique = sc.by_row[i].row != sc.by_row[i - 1].row;
	int rc = unique ? store_scan(app->store, terms, lens, nterms, annals_scan_each, &sc) : -1;
	free(sc.by_row);
	return rc;
}

static char *annals_search_para(void *ctx, size_t a, size_t para)
{
	struct annals *app = ctx;
	return store_para_text(app->store, app->col.items[a].row, para);
}

static bool annals_search_body(void *ctx, size_t a)
{
	struct annals *app = ctx;
	/* Quietly: the browser may be on the screen. */
	return collection_body(&app->col, &app->col.items[a]);
}

int annals_search_run(struct annals *app, const char *query, struct search_match **out, size_t *n)
{
	return search_run(annals_search(app), query, 0, out, n);
}

bool annals_search_source(struct annals *app, struct search_source *src)
{
	*src = (struct search_source){ annals_search_candidates, annals_search_body, app,
				       annals_search_slots, annals_search_para, annals_search_scan };
	return app->store != NULL;
}

struct search_index *annals_search(struct annals *app)
{
	if (app->search)
		return app->search;
	struct search_source src;
	if (annals_search_source(app, &src)) {
		app->search = search_index_source(&app->col, &src);
	} else {
		app->search = search_index_new(&app->col);
	}
	return app->search;
}

/* What was derived from one article is kept in the index under its row. */
static void *annals_keep_get(void *arg, size_t article, size_t *len)
{
	struct annals *app = arg;
	return store_derived_get(app->store, app->col.items[article].row, len);
}

static void annals_keep_put(void *arg, size_t article, const void *bytes, size_t len)
{
	struct annals *app = arg;
	store_derived_put(app->store, app->col.items[article].row, bytes, len);
}

static void *annals_keep_pair_get(void *arg, size_t a, size_t b, const char *la, const char *lb,
				  bool words, size_t *len)
{
	struct annals *app = arg;
	return store_pair_get(app->store, app->col.items[a].row, app->col.items[b].row, la, lb,
			      words, len);
}

static void annals_keep_pair_put(void *arg, size_t a, size_t b, const char *la, const char *lb,
				 bool words, const void *bytes, size_t len)
{
	struct annals *app = arg;
	store_pair_put(app->store, app->col.items[a].row, app->col.items[b].row, la, lb, words, bytes,
		       len);
}

static void annals_keep_body(void *arg, size_t article)
{
	struct annals *app = arg;
	annals_body(app, &app->col.items[article], stderr);
}

/* Whether every article has an index row of its own (none is named twice). */
static bool annals_rows_unique(const struct collection *col)
{
	struct collection_rows rows;
	if (!collection_rows_make(&rows, col))
		return false;
	collection_rows_free(&rows);
	return true;
}

struct align_ctx *annals_align(struct annals *app)
{
	if (!app->align)
		app->align = align_ctx_new(NULL);
	return app->align;
}

/* An event's text from the index, for a list loaded without them. */
static char *annals_event_text(void *arg, const struct event *e, size_t i)
{
	struct annals *app = arg;
	if (!app->store || e->article >= app->col.n)
		return NULL;
	return store_event_text(app->store, i, app->col.items[e->article].row, e);
}

const struct event_list *annals_events(struct annals *app)
{
	if (app->events)
		return app->events;
	if (app->store && app->opt.lazy_texts) {
		app->events = store_events_load_bare(app->store, &app->col);
		if (app->events)
			events_texts_from(app->events, annals_event_text, app);
	} else if (app->store) {
		app->events = store_events_load(app->store, &app->col);
	}
	if (app->events)
		return app->events;
	/* The browser's first screen does not wait for them: none until the
	 * sync that runs beside it has derived them (annals_sync_finish). */
	if (app->peeked) {
		app->events_due = true;
		app->events = xcalloc(1, sizeof *app->events);
		return app->events;
	}
	/* What was derived from each article alone is kept in the index: only
	 * the new or changed articles are derived again, and only their bodies
	 * (and those of articles the grouping aligns) come from the index. */
	struct events_keep keep = {
		.get = annals_keep_get, .put = annals_keep_put, .body = annals_keep_body,
		.pair_get = annals_keep_pair_get, .pair_put = annals_keep_pair_put, .arg = app,
	};
	bool kept = app->store && annals_rows_unique(&app->col);
	/* Otherwise derived from every body: those the command left in the index
	 * come now. */
	for (size_t i = 0; !kept && i < app->col.n; i++)
		annals_body(app, &app->col.items[i], stderr);
	app->events = events_derive_kept(&app->col, app->opt.jobs, kept ? &keep : NULL,
					  annals_align(app));
	if (app->store) {
		store_derived_done(app->store);
		store_events_save(app->store, &app->col, app->events);
	}
	/* What deriving loaded goes back to the index: the browser holds one
	 * article's body at a time, not the collection's. */
	if (app->opt.lazy_bodies)
		collection_drop_bodies(&app->col);
	return app->events;
}
