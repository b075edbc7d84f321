/* test_sync.c: the browser's sync (annals.c) on a later start, after files
 * changed: what it read is handed over at once (annals_sync_take_early), with
 * the events of the unchanged articles, each still with its article and text,
 * while the events are derived again; then the whole result takes its place.
 * The index lives in a scratch folder (XDG_CACHE_HOME) under the build tree. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "annals.h"
#include "events.h"
#include "tap.h"
#include "xalloc.h"

static void write_article(const char *root, const char *name, const char *title, const char *body)
{
	char *path = xasprintf("%s/%s", root, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fprintf(f, "%s\n\n2010-01-01\n\n%s\n", title, body);
		fclose(f);
	}
	free(path);
}

/* An application on root, as main sets one up; early: as the browser. */
static void app_on(struct annals *app, const char *root, bool early)
{
	memset(app, 0, sizeof *app);
	app->opt.collections = xcalloc(1, sizeof *app->opt.collections);
	app->opt.collections[0] = root;
	app->opt.ncollections = 1;
	app->opt.jobs = 1;
	app->opt.lazy_bodies = true;
	app->opt.early = early;
	app->opt.lazy_texts = early;
}

/* The event of app dated year, or NULL. */
static const struct event *event_in(const struct annals *app, int year)
{
	for (size_t i = 0; app->events && i < app->events->n; i++)
		if (app->events->v[i].date.year == year)
			return &app->events->v[i];
	return NULL;
}

static const char *id_of(const struct annals *app, const struct event *e)
{
	return e && e->article < app->col.n ? app->col.items[e->article].id : "";
}

/* "id title, id title, ..." of app's list, into out. */
static void list_of(const struct annals *app, char *out, size_t cap)
{
	out[0] = '\0';
	for (size_t i = 0; i < app->col.n; i++) {
		size_t len = strlen(out);
		snprintf(out + len, cap - len, "%s%s %s", i ? ", " : "", app->col.items[i].id,
			 app->col.items[i].title);
	}
}

int main(void)
{
	char root[2048], cache[2048];
	snprintf(root, sizeof root, "%s/tests/test_sync.scratch/col", ANNALS_BUILDDIR);
	snprintf(cache, sizeof cache, "%s/tests/test_sync.scratch/cache", ANNALS_BUILDDIR);
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s/tests/test_sync.scratch' && mkdir -p '%s' '%s'",
		 ANNALS_BUILDDIR, root, cache);
	if (system(cmd) != 0) {
		printf("Bail out! cannot make the scratch folder\n");
		return 1;
	}
	setenv("XDG_CACHE_HOME", cache, 1);
	write_article(root, "a.txt", "Alpha", "The dam was finished on 4 May 2001.");
	write_article(root, "b.txt", "Bravo", "The mill burnt down on 9 June 2002.");
	write_article(root, "c.txt", "Charlie", "The school opened on 12 July 2003.");
	write_article(root, "e.txt", "Echo", "The bridge fell on 6 June 2006.");

	/* A first run indexes the files and keeps their events. */
	struct annals app;
	app_on(&app, root, false);
	tap_int_eq(annals_load(&app, stderr), 0, "the collection loads");
	const struct event_list *ev = annals_events(&app);
	tap_ok(ev && ev->n == 4, "four events, kept in the index");
	annals_free(&app);

	/* b changes, d comes, e goes; the browser starts from the index as it was. */
	write_article(root, "b.txt", "Bravo", "The mill was rebuilt on 1 March 2005, and opened again.");
	write_article(root, "d.txt", "Delta", "The port closed on 2 April 2004.");
	char *gone = xasprintf("%s/e.txt", root);
	remove(gone);
	free(gone);
	app_on(&app, root, true);
	tap_int_eq(annals_load(&app, stderr), 0, "the browser reads the index as it was");
	ev = annals_events(&app);
	tap_ok(app.col.n == 4 && ev && ev->n == 4, "  four articles and their events");
	const char *t2001 = event_in(&app, 2001) ? events_text(ev, event_in(&app, 2001)) : NULL;
	char *kept = t2001 ? xstrdup(t2001) : NULL;
	struct annals_sync *sync = annals_sync_start(&app);
	tap_ok(sync != NULL, "a sync starts");
	if (!sync) {
		free(kept);
		annals_free(&app);
		return tap_done();
	}
	/* Taken after the sync has ended too: it is the same copy. */
	for (int i = 0; i < 3000 && !annals_sync_done(sync); i++)
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
	tap_ok(annals_sync_take_early(&app, sync), "what the sync read is handed over early");
	tap_ok(!annals_sync_take_early(&app, sync), "  once");
	bool has_d = false;
	for (size_t i = 0; i < app.col.n; i++)
		has_d = has_d || strcmp(app.col.items[i].id, "d") == 0;
	tap_ok(app.col.n == 4 && has_d, "  the list has the new file's article, not the gone one's");
	char early[256];
	list_of(&app, early, sizeof early);
	tap_str_eq(early, "a Alpha, b Bravo, c Charlie, d Delta", "  each once, in order");
	ev = app.events;
	const struct event *e2001 = event_in(&app, 2001), *e2003 = event_in(&app, 2003);
	tap_ok(ev && ev->n == 2 && e2001 && e2003,
	       "  the unchanged articles' events stay; the changed and gone ones' go");
	tap_str_eq(id_of(&app, e2001), "a", "  each still names its article");
	tap_str_eq(id_of(&app, e2003), "c", "  (and the other)");
	const char *t = e2001 ? events_text(ev, e2001) : NULL;
	tap_ok(kept && t && strcmp(t, kept) == 0, "  and has its text");
	free(kept);
	tap_ok(annals_sync_finish(&app, sync), "the sync ends with the collection changed");
	char whole[256];
	list_of(&app, whole, sizeof whole);
	tap_str_eq(whole, early, "  the same list as the one handed over early");
	ev = annals_events(&app);
	tap_ok(ev && ev->n == 4 && event_in(&app, 2005) && event_in(&app, 2004) && !event_in(&app, 2002),
	       "then every event, derived again");
	tap_str_eq(id_of(&app, event_in(&app, 2005)), "b", "  the changed article's new event names it");
	annals_free(&app);
	return tap_done();
}
