/* test_timeline_ui.c: happenings in the browser, on the memory backend. On the
 * trilingual fixture (tests/fixtures/group): one timeline row per happening,
 * its line in the reading language, the title's counts in every interface
 * language, Enter and s on a happening, and ] from the first event visiting
 * each happening once, in order, in one language. On a collection of forty
 * years: the year bar at 40, 80 and 200 columns, whole labels, the selected
 * year always on it and marked. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "events.h"
#include "happenings.h"
#include "ingest.h"
#include "screen.h"
#include "split.h"
#include "tap.h"
#include "xalloc.h"

/* Row y's text from column x0, trailing spaces dropped. */
static void row_text(const struct surface *s, int y, int x0, char *out, size_t size)
{
	size_t o = 0;
	for (int x = x0; x < s->w; x++) {
		const struct cell *c = surface_cell_const(s, x, y);
		size_t l = c && c->width ? strlen(c->text) : 0;
		if (o + l + 1 > size)
			break;
		memcpy(out + o, c->text, l);
		o += l;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

/* Rows of the screen holding needle. */
static int rows_with(const struct surface *s, const char *needle)
{
	int n = 0;
	for (int y = 0; y < s->h; y++)
		n += screen_row_has(s, y, needle);
	return n;
}

static void load(struct collection *col, const char *sub)
{
	const char *fixtures = getenv("FIXTURES");
	char *path = xasprintf("%s/%s", fixtures ? fixtures : ANNALS_SRCDATADIR "/../tests/fixtures",
			       sub);
	collection_init(col);
	struct ingest *in = ingest_new(ANNALS_SRCDATADIR, col);
	tap_ok(ingest_path(in, path, col) == 0, "%s reads", sub);
	ingest_free(in);
	free(path);
	collection_sort(col);
}

static void test_rows(const struct collection *col, const struct event_list *ev, int w, int h)
{
	struct screen sc;
	const struct surface *s = screen_start(&sc, col, ev, NULL, w, h);
	if (w < UI_WIDE_W)
		s = screen_key(&sc, TERM_KEY_TAB);      /* the timeline takes the screen */
	tap_ok(rows_with(s, "Timeline · 9 events · 22 reports") == 1,
	       "%dx%d: the title counts events and reports", w, h);
	tap_int_eq(rows_with(s, "Guo Shengkun"), 1, "one row for a happening told three times");
	tap_int_eq(rows_with(s, "郭声琨") + rows_with(s, "Le 12 mai"), 0,
		   "its line is the English version, for an English interface");
	tap_ok(rows_with(s, "EN FR 简") >= 5, "with the badges of its three languages");
	tap_int_eq(rows_with(s, "深圳举办"), 1, "a happening told in Chinese only keeps its own line");
	screen_end(&sc);
}

static void test_walk(const struct collection *col, const struct event_list *ev)
{
	struct happenings *hp = happenings_build(ev);
	struct screen sc;
	const struct surface *s = screen_start(&sc, col, ev, NULL, 80, 24);
	s = screen_keys(&sc, "\tg\n");                  /* the first happening, opened */
	tap_int_eq(sc.ui.focus, PANE_READER, "Enter opens the reader");
	tap_ok(sc.ui.cur_event != UI_NONE && strcmp(ev->v[sc.ui.cur_event].lang, "en") == 0,
	       "Enter opens the English version");
	size_t seen = 1, k = sc.ui.cur_event != UI_NONE ? hp->of_event[sc.ui.cur_event] : 0;
	bool in_order = k == 0, in_english = true;
	for (int i = 0; i < 12; i++) {
		s = screen_key(&sc, ']');
		size_t now = hp->of_event[sc.ui.cur_event];
		if (now == k)
			continue;
		in_order &= now == k + 1;
		/* English wherever the happening has an English version */
		in_english &= strcmp(ev->v[sc.ui.cur_event].lang, "en") == 0 ||
			      !happenings_has_lang(ev, hp, now, "en");
		k = now;
		seen++;
		if (seen == 2)
			tap_ok(screen_status_has(s, "event 2 of 9 · May 12, 2013"),
			       "the status line: event 2 of 9 and its date");
	}
	tap_int_eq((long long)seen, (long long)hp->n, "] visits every happening");
	tap_ok(in_order, "once each, in order, never back");
	tap_ok(in_english, "in English, the language read");
	tap_ok(screen_status_has(s, "The last event."), "] at the end says so");
	s = screen_key(&sc, '[');
	tap_int_eq((long long)hp->of_event[sc.ui.cur_event], (long long)hp->n - 2,
		   "[ goes back one happening");
	screen_end(&sc);

	/* s on a happening told in three languages: two of them side by side. */
	s = screen_start(&sc, col, ev, NULL, 120, 40);
	s = screen_keys(&sc, "\tgj");
	s = screen_key(&sc, 's');
	tap_ok(sc.ui.split != NULL && sc.ui.picker == NULL, "s on a happening opens two versions");
	tap_ok(rows_with(s, "Guo Shengkun") >= 1 && rows_with(s, "郭声琨") + rows_with(s, "Le 12 mai") >= 1,
	       "its English version beside another language's");
	/* ] side by side: both sides to the next happening either reports (the
	 * footbridge and the marathon of October are in other articles) */
	s = screen_key(&sc, ']');
	tap_ok(sc.ui.split != NULL && sc.ui.cur_event != UI_NONE &&
	       strncmp(ev->v[sc.ui.cur_event].text, "In October 2013, a delegation", 29) == 0,
	       "] side by side: the next happening the two sides report, the split still open");
	tap_ok(screen_status_has(s, "event 5 of 9 · October 2013"), "the status line says which");
	s = screen_key(&sc, '[');
	tap_ok(sc.ui.split != NULL && strncmp(ev->v[sc.ui.cur_event].text, "On 12 May 2013", 14) == 0,
	       "[ side by side: back to May");
	screen_end(&sc);
	happenings_free(hp);
}

static void test_french(const struct collection *col, const struct event_list *ev)
{
	struct uilang ui;
	uilang_init(&ui, annals_locale_dir(), "fr");
	struct screen sc;
	const struct surface *s = screen_start(&sc, col, ev, &ui, 80, 24);
	s = screen_key(&sc, TERM_KEY_TAB);
	tap_ok(rows_with(s, "9 événements · 22 mentions") == 1, "fr: the title's counts");
	tap_int_eq(rows_with(s, "Le 12 mai 2013, Guo Shengkun"), 1, "fr: the French version's line");
	screen_end(&sc);
	uilang_init(&ui, annals_locale_dir(), "zh_CN");
	s = screen_start(&sc, col, ev, &ui, 80, 24);
	s = screen_key(&sc, TERM_KEY_TAB);
	tap_ok(rows_with(s, "9 个事件 · 22 条报道") == 1, "zh_CN: the title's counts");
	tap_int_eq(rows_with(s, "郭声琨视察"), 1, "zh_CN: the Chinese version's line");
	screen_end(&sc);
	uilang_init(&ui, annals_locale_dir(), "en");
}

/* A collection of forty years, one event each. */
static void years_collection(struct collection *col)
{
	collection_init(col);
	for (int y = 1981; y <= 2020; y++) {
		struct article a;
		memset(&a, 0, sizeof a);
		a.id = xasprintf("y%d", y);
		a.title = xasprintf("Year %d", y);
		char *t = xasprintf("In March %d, the river flooded the lower town.", y);
		article_add_para(&a, t, strlen(t), "en", PARA_TEXT);
		free(t);
		article_update_langs(&a);
		collection_add(col, &a);
	}
	collection_sort(col);
}

/* The year bar: the row under the timeline's title. Every number on it is a
 * whole year, and the selected one is there and reversed. */
static void check_bar(const struct surface *s, int y, int x0, int year, int w, const char *when)
{
	char row[1024], want[16];
	row_text(s, y, x0, row, sizeof row);
	snprintf(want, sizeof want, "%d", year);
	bool whole = true;
	for (const char *p = row; *p;) {
		if (*p >= '0' && *p <= '9') {
			size_t n = strspn(p, "0123456789");
			whole &= n == 4;
			p += n;
		} else {
			p++;
		}
	}
	int x = screen_col_from(s, y, x0, want);
	tap_ok(whole && x >= 0 && (screen_attr_at(s, x, y) & ATTR_REVERSE), "%d columns, %s: %d shown whole and marked",
	       w, when, year);
	if (!(whole && x >= 0))
		tap_diag("bar: [%s]", row);
}

static void test_year_bar(int w)
{
	struct collection col;
	years_collection(&col);
	struct event_list *ev = events_derive(&col);
	struct screen sc;
	const struct surface *s = screen_start(&sc, &col, ev, NULL, w, 24);
	s = screen_key(&sc, TERM_KEY_TAB);             /* the timeline has the keys */
	int ty = screen_row_of(s, "Timeline ·");
	int tx = screen_col_of(s, ty, "Timeline ·");
	int x0 = tx > 2 ? tx - 2 : 0;
	check_bar(s, ty + 1, x0, 1981, w, "at the start");
	for (int y = 1982; y <= 2020; y++) {
		s = screen_key(&sc, ']');
		if (y == 1990 || y == 2004 || y == 2020)
			check_bar(s, ty + 1, x0, y, w, "after ]");
	}
	s = screen_key(&sc, 'g');
	check_bar(s, ty + 1, x0, 1981, w, "back at the top");
	s = screen_key(&sc, 'G');
	check_bar(s, ty + 1, x0, 2020, w, "at the bottom");
	if (w <= 80)
		tap_ok(screen_col_from(s, ty + 1, x0, "‹") >= 0, "%d columns: ‹ says years are hidden", w);
	screen_end(&sc);
	events_free(ev);
	collection_free(&col);
}

/* Groups numbered 1, 2, ... are looked up in a table; any other numbers
 * (here past the number of events) are sorted: the same rows either way, a
 * group's languages on its first event's row, in the order met. */
static void test_group_numbers(void)
{
	struct collection col;
	collection_init(&col);
	const char *langs[] = { "en", "fr", "en", "zh-Hans" };
	struct event v[4];
	memset(v, 0, sizeof v);
	for (size_t i = 0; i < 4; i++) {
		v[i].date = (struct adate){ .year = 2004, .month = 5, .day = 3, .prec = DATE_DAY };
		snprintf(v[i].lang, sizeof v[i].lang, "%s", langs[i]);
	}
	static const int dense[] = { 1, 2, 1, 1 }, sparse[] = { 70, 9999, 70, 70 };
	const int *numbers[] = { dense, sparse };
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; i < 4; i++)
			v[i].group = numbers[k][i];
		struct event_list ev = { .v = v, .n = 4 };
		struct timeline_view tv;
		timeline_init(&tv, &col, &ev);
		const char *how = k ? "numbers out of range" : "numbers 1, 2";
		/* a heading, then one row per group */
		tap_ok(tv.nrows == 3 && tv.row_of_event[0] == 1 && tv.row_of_event[1] == 2 &&
		       tv.row_of_event[2] == 1 && tv.row_of_event[3] == 1,
		       "groups with %s: a row each, events on their group's row", how);
		const struct timeline_row *r = tv.nrows > 1 ? &tv.rows[1] : NULL;
		tap_ok(r && r->nlangs == 2 && strcmp(tv.tags[r->langs[0]], "en") == 0 &&
		       strcmp(tv.tags[r->langs[1]], "zh-Hans") == 0,
		       "groups with %s: the row's languages, each once, as met", how);
		timeline_free(&tv);
	}
	collection_free(&col);
}

int main(void)
{
	setlocale(LC_ALL, "");
	struct collection col;
	load(&col, "group");
	struct event_list *ev = events_derive(&col);
	test_rows(&col, ev, 80, 24);
	test_rows(&col, ev, 200, 50);
	test_walk(&col, ev);
	test_french(&col, ev);
	events_free(ev);
	collection_free(&col);
	test_year_bar(40);
	test_year_bar(80);
	test_year_bar(200);
	test_group_numbers();
	return tap_done();
}
