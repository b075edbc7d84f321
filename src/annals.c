/* annals.c: the application struct: where the bundled data is, loading the
 * collections, and the derived views built on first use. */
#include <config.h>
#include "annals.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "events.h"
#include "i18n.h"
#include "ingest.h"
#include "search.h"
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

int annals_load(struct annals *app, FILE *err)
{
	collection_init(&app->col);
	/* Problems in the configuration are reported with those of the files. */
	for (size_t i = 0; i < app->conf.nerrors; i++) {
		char *t = conf_error_text(&app->conf, i);
		collection_warn(&app->col, "%s", t);
		free(t);
	}
	struct ingest *in = ingest_new(annals_data_dir(), &app->col);
	size_t readable = 0;
	if (app->opt.ncollections == 0) {
		readable += ingest_path(in, annals_bundled_collection(), &app->col) == 0;
	} else {
		for (size_t i = 0; i < app->opt.ncollections; i++)
			readable += ingest_path(in, app->opt.collections[i], &app->col) == 0;
	}
	ingest_free(in);
	collection_sort(&app->col);
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

void annals_free(struct annals *app)
{
	events_free(app->events);
	app->events = NULL;
	search_index_free(app->search);
	app->search = NULL;
	collection_free(&app->col);
	free(app->opt.collections);
	app->opt.collections = NULL;
	conf_free(&app->conf);
}

struct search_index *annals_search(struct annals *app)
{
	if (!app->search)
		app->search = search_index_new(&app->col);
	return app->search;
}

const struct event_list *annals_events(struct annals *app)
{
	if (!app->events)
		app->events = events_derive(&app->col);
	return app->events;
}
