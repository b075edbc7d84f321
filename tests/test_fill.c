/* test_fill.c: the browser while a first ingestion hands articles over
 * (app_fill.c), on the memory backend: the list starts empty and fills, in
 * its order, as articles come; the selected article stays selected on the
 * same row whatever comes before it; keys work between the batches; the
 * language filter still names its language when new ones come; and when the
 * whole collection, in another order, takes the place of the articles that
 * came, what the user was on is found again in it. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "screen.h"
#include "article.h"
#include "events.h"
#include "split.h"
#include "ui.h"
#include "xalloc.h"

static void add(struct collection *col, const char *id, int y, int m, const char *lang)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xasprintf("Title %s", id);
	a.path = xasprintf("/fixtures/%s.txt", id);
	a.date = (struct adate){ y, m, 1, DATE_DAY, false };
	for (int p = 0; p < 3; p++) {
		char *t = xasprintf("Paragraph %d of %s.", p, id);
		article_add_para(&a, t, strlen(t), lang, PARA_TEXT);
		free(t);
	}
	article_update_langs(&a);
	collection_add(col, &a);
}

/* Adds the articles, as a tick of the sync does, and draws. */
static const struct surface *arrive(struct screen *sc, struct collection *col,
				    void (*what)(struct collection *))
{
	size_t from = col->n;
	what(col);
	app_fill_grow(&sc->ui, from);
	return screen_keys(sc, "");
}

/* Twelve months of 2003, in the order a walk may give them (by file name,
 * not by date). */
static void batch1(struct collection *c)
{
	static const int months[] = { 5, 1, 9, 2, 12, 3, 6, 4, 11, 7, 10, 8 };
	for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
		char id[8];
		snprintf(id, sizeof id, "m%02d", months[i]);
		add(c, id, 2003, months[i], "en");
	}
}

static void batch2(struct collection *c)
{
	add(c, "y2001", 2001, 3, "en");
	add(c, "y2002", 2002, 3, "en");
}

static void batch3(struct collection *c)
{
	add(c, "fr2004", 2004, 1, "fr");
	add(c, "en2000", 2000, 1, "en");
}

static const char *selected_id(const struct screen *sc)
{
	size_t a = list_selected(&sc->ui.list);
	return a < sc->ui.col->n ? sc->ui.col->items[a].id : "";
}

static const char *reader_id(const struct screen *sc)
{
	size_t a = sc->ui.reader.article;
	return a < sc->ui.col->n ? sc->ui.col->items[a].id : "";
}

/* The sync's end: the whole collection, sorted, takes the place of the
 * articles that came, and what the user was on is found again in it. */
static const struct surface *take_whole(struct screen *sc, struct collection *whole,
					const struct event_list *ev)
{
	struct app_fill_place place;
	app_fill_keep(&sc->ui, &place);
	collection_sort(whole);
	int w = sc->ui.surf->w, h = sc->ui.surf->h;
	struct layout_opts lo = sc->ui.lo;
	app_free(&sc->ui);
	app_init(&sc->ui, whole, ev, &lo, w, h);
	app_fill_restore(&sc->ui, &place);
	return screen_keys(sc, "");
}

/* A browser on a first start whose list has had two batches. */
static void start_filled(struct screen *sc, struct collection *col, struct event_list *ev)
{
	collection_init(col);
	screen_start(sc, col, ev, NULL, 80, 12);
	arrive(sc, col, batch1);
	arrive(sc, col, batch3);
}

/* The chooser of what to read beside an article, open when the whole
 * collection comes: still open, for the same article, on the same choice. */
static void test_picker(void)
{
	struct collection col;
	struct event_list ev = { 0 };
	struct screen sc;
	start_filled(&sc, &col, &ev);
	const struct surface *s = screen_keys(&sc, "\ts");
	tap_ok(sc.ui.picker != NULL, "s opens the chooser while the list fills");
	s = screen_keys(&sc, "j");
	const struct picker *pk = sc.ui.picker;
	char *from = xstrdup(pk ? col.items[pk->from].id : "");
	char *chosen = xstrdup(pk && pk->sel < pk->n ? col.items[pk->v[pk->sel].article].id : "");
	struct collection whole;
	collection_init(&whole);
	batch3(&whole);
	batch1(&whole);
	s = take_whole(&sc, &whole, &ev);
	pk = sc.ui.picker;
	tap_ok(pk != NULL, "the whole collection in place: the chooser still open");
	tap_str_eq(pk ? whole.items[pk->from].id : "", from, "  for the same article");
	tap_str_eq(pk && pk->sel < pk->n ? whole.items[pk->v[pk->sel].article].id : "", chosen,
		   "  on the same choice");
	(void)s;
	free(from);
	free(chosen);
	screen_end(&sc);
	collection_free(&whole);
	collection_free(&col);
}

/* A split view open when the whole collection comes: still open, on the
 * same pair, scrolled as it was. */
static void test_split(void)
{
	struct collection col;
	struct event_list ev = { 0 };
	struct screen sc;
	start_filled(&sc, &col, &ev);
	screen_keys(&sc, "\ts\r");
	size_t pair[2];
	char lang[2][LANG_TAG_MAX];
	tap_ok(split_pair(&sc.ui, pair, lang), "s and Enter open a split view while the list fills");
	char *ids[2] = { xstrdup(split_pair(&sc.ui, pair, lang) ? col.items[pair[0]].id : ""),
			 xstrdup(split_pair(&sc.ui, pair, lang) ? col.items[pair[1]].id : "") };
	screen_keys(&sc, "jj");
	struct split_place before = { 0 }, after = { 0 };
	split_place_get(&sc.ui, &before);
	tap_ok(before.top[0] + before.top[1] > 0, "  j scrolls it");
	struct collection whole;
	collection_init(&whole);
	batch3(&whole);
	batch1(&whole);
	take_whole(&sc, &whole, &ev);
	bool open = split_pair(&sc.ui, pair, lang);
	tap_ok(open, "the whole collection in place: the split view still open");
	tap_str_eq(open ? whole.items[pair[0]].id : "", ids[0], "  on the same article");
	tap_str_eq(open ? whole.items[pair[1]].id : "", ids[1], "  beside the same other");
	split_place_get(&sc.ui, &after);
	tap_ok(after.top[0] == before.top[0] && after.top[1] == before.top[1] &&
	       after.focus == before.focus && after.sync == before.sync,
	       "  scrolled as it was");
	free(ids[0]);
	free(ids[1]);
	screen_end(&sc);
	collection_free(&whole);
	collection_free(&col);
}

int main(void)
{
	test_picker();
	test_split();
	struct collection col;
	collection_init(&col);
	struct event_list ev = { 0 };
	struct screen sc;
	const struct surface *s = screen_start(&sc, &col, &ev, NULL, 80, 12);
	tap_ok(screen_row_of(s, "Articles (0)") >= 0, "a first start: the list is empty at once");

	s = arrive(&sc, &col, batch1);
	tap_ok(screen_row_of(s, "Articles (12…)") >= 0, "the first articles come: the list shows them");
	int r1 = screen_row_of(s, "Title m01"), r2 = screen_row_of(s, "Title m02"),
	    r3 = screen_row_of(s, "Title m03");
	tap_ok(r1 >= 0 && r1 < r2 && r2 < r3, "  in the list's order (by date)");
	tap_str_eq(selected_id(&sc), "m01", "  the first row is selected");
	tap_str_eq(reader_id(&sc), "m01", "  and open in the reader, as at any start");

	/* Keys work between batches: 5j moves to June. */
	s = screen_keys(&sc, "5j");
	tap_str_eq(selected_id(&sc), "m06", "5j between batches moves the selection");
	int row_before = screen_row_of(s, "Title m06");

	s = arrive(&sc, &col, batch2);
	tap_ok(screen_row_of(s, "Articles (14…)") >= 0, "more come: the list counts them");
	tap_str_eq(selected_id(&sc), "m06", "  the selected article stays selected");
	tap_int_eq(screen_row_of(s, "Title m06"), row_before,
		   "  on the same row, though two came before it");
	tap_ok(screen_status_has(s, "Title m06") && screen_status_has(s, "8/14"),
	       "  and the status line names it, where it now stands");
	tap_str_eq(reader_id(&sc), "m01", "  the reader stays on what it shows");

	/* The filter keeps its language when another comes that sorts before
	 * it in the list of languages (en, then fr: en is the first either way,
	 * but its number is checked through the next l). */
	s = screen_keys(&sc, "l");
	tap_ok(screen_status_has(s, "English"), "l filters the list to English");
	s = arrive(&sc, &col, batch3);
	tap_ok(screen_row_of(s, "Articles (15…) · English") >= 0 && screen_row_of(s, "Title fr2004") < 0,
	       "a batch with French: the list still shows English only");
	s = screen_keys(&sc, "l");
	tap_ok(screen_status_has(s, "French"), "  and l then goes on to French, which came");
	s = screen_keys(&sc, "l");
	tap_ok(screen_status_has(s, "all languages") && screen_row_of(s, "Articles (16…)") >= 0,
	       "  then to all languages");
	tap_str_eq(selected_id(&sc), "fr2004", "  on the article the French list selected");

	/* To the reader, then the whole collection comes, sorted (every
	 * article's number changes). */
	s = screen_keys(&sc, "k");
	tap_str_eq(selected_id(&sc), "m12", "k: the article before it selected");
	s = screen_keys(&sc, "\n");
	tap_str_eq(reader_id(&sc), "m12", "Enter opens it");
	s = screen_keys(&sc, "/Tit");
	tap_ok(screen_status_has(s, "Search: Tit"), "/ and a query being typed");
	struct collection whole;
	collection_init(&whole);
	batch3(&whole);
	batch2(&whole);
	batch1(&whole);
	s = take_whole(&sc, &whole, &ev);
	tap_str_eq(selected_id(&sc), "m12", "the whole collection in place: the same article selected");
	tap_str_eq(reader_id(&sc), "m12", "  and read");
	tap_int_eq(sc.ui.focus, PANE_READER, "  in the same pane");
	tap_ok(screen_row_of(s, "Paragraph 0 of m12") >= 0, "  its text on screen");
	tap_ok(!sc.ui.list.filling, "  the list no longer says more are coming");
	tap_ok(screen_status_has(s, "Search: Tit"), "  the query still being typed");
	s = screen_keys(&sc, "le\n");
	tap_ok(sc.ui.results.open && sc.ui.results.n >= 16, "  and Enter searches the whole collection");
	s = screen_keys(&sc, "q");
	tap_ok(!sc.ui.results.open, "  q closes the results");
	tap_int_eq(sc.ui.focus, PANE_LIST, "  on the list");
	s = screen_keys(&sc, "k");
	tap_str_eq(selected_id(&sc), "m11", "  where k moves from the article it had");
	screen_end(&sc);
	collection_free(&whole);
	collection_free(&col);
	return tap_done();
}
