/* annals.c: the application struct: where the bundled data is, loading the
 * collections, and the derived views built on first use. */
#include <config.h>
#include "annals.h"

#include <limits.h>
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
		.progress = isatty(fileno(err)) ? err : NULL,
	};
	struct collection got;
	collection_init(&got);
	if (store_sync(app->store, roots, nroots, &so, &got, readable, &warning) == 0) {
		/* After the warnings already there (the configuration's). */
		for (size_t i = 0; i < got.nwarnings; i++)
			collection_warn(&app->col, "%s", got.warnings[i]);
		for (size_t i = 0; i < got.n; i++)
			collection_add(&app->col, &got.items[i]);
		collection_free(&got);
		return true;
	}
	collection_free(&got);
	fprintf(err, "annals: %s\n", warning);
	free(warning);
	store_close(app->store);
	app->store = NULL;
	return false;
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
	const char *bundled = annals_bundled_collection();
	annals_unique_roots(app);
	const char *const *roots = app->opt.ncollections ? app->opt.collections : &bundled;
	size_t nroots = app->opt.ncollections ? app->opt.ncollections : 1, readable = 0;
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

int annals_search_run(struct annals *app, const char *query, struct search_match **out, size_t *n)
{
	long long *rows = NULL;
	size_t nrows = 0;
	bool all = false;
	if (!app->store || !app->opt.lazy_bodies || store_candidates(app->store, query, &rows, &nrows, &all) != 0)
		return search_run(annals_search(app), query, 0, out, n);
	/* The candidates, in collection order, bodies loaded, searched as a
	 * collection of their own; matches then name their place in the whole. */
	struct collection sub;
	collection_init(&sub);
	size_t *where = xcalloc(app->col.n ? app->col.n : 1, sizeof *where);
	for (size_t i = 0; i < app->col.n; i++) {
		struct article *a = &app->col.items[i];
		if (!all && (!nrows || !bsearch(&a->row, rows, nrows, sizeof *rows, annals_row_cmp)))
			continue;
		if (!annals_body(app, a, stderr))
			continue;
		xgrow((void **)&sub.items, &sub.cap, sub.n + 1, sizeof *sub.items);
		where[sub.n] = i;
		sub.items[sub.n++] = *a;  /* borrowed: only the array is freed */
	}
	struct search_index *ix = search_index_new(&sub);
	int rc = search_run(ix, query, 0, out, n);
	for (size_t i = 0; rc == 0 && i < *n; i++)
		(*out)[i].article = where[(*out)[i].article];
	search_index_free(ix);
	free(sub.items);
	free(where);
	free(rows);
	return rc;
}

struct search_index *annals_search(struct annals *app)
{
	if (!app->search)
		app->search = search_index_new(&app->col);
	return app->search;
}

struct align_ctx *annals_align(struct annals *app)
{
	if (!app->align)
		app->align = align_ctx_new(NULL);
	return app->align;
}

const struct event_list *annals_events(struct annals *app)
{
	if (app->events)
		return app->events;
	if (app->store)
		app->events = store_events_load(app->store, &app->col);
	if (app->events)
		return app->events;
	/* Derived from every body: those the command left in the index come now. */
	for (size_t i = 0; i < app->col.n; i++)
		annals_body(app, &app->col.items[i], stderr);
	app->events = events_derive_ctx(&app->col, annals_align(app));
	if (app->store)
		store_events_save(app->store, &app->col, app->events);
	return app->events;
}
