/* cli_search.c: `annals search QUERY`: every match, one per line as
 * "ID ¶N  snippet" (¶1 the first paragraph; "title" for a match in the title)
 * fitted to the output width, or a JSON array of
 * {"article","paragraph","snippet","start","length"} (paragraph 0-based, -1
 * for the title; start and length in bytes of that text, for highlighting).
 * Exit status 1 when nothing matches, as grep's. */
#include <config.h>
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "layout.h"
#include "search.h"
#include "xalloc.h"

/* Snippets in JSON do not depend on a terminal: this many columns. */
#define CLI_SEARCH_JSON_WIDTH 80
/* Below this the snippet would say nothing; the line is truncated instead. */
#define CLI_SEARCH_MIN_SNIPPET 20

/* s made safe to print: every cluster as layout_visible shows it. */
static void cli_search_visible(struct buf *b, const char *s, const struct layout_opts *lo)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t len;
		layout_cluster(s + i, n - i, &len, lo);
		if (len == 0)
			len = 1;
		char vis[LAYOUT_CLUSTER_MAX];
		size_t vl = layout_visible(s + i, len, vis, lo);
		buf_add(b, vis, vl);
		i += len;
	}
}

static json_t *cli_search_json(const struct collection *col, const struct search_index *ix,
			       const struct search_match *m, size_t n, const struct layout_opts *lo)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct article *a = &col->items[m[i].article];
		char *snip = search_snippet(search_text(ix, &m[i]), m[i].start, m[i].len,
					    CLI_SEARCH_JSON_WIDTH, lo, NULL, NULL);
		json_t *o = json_object();
		json_object_set_new(o, "article", json_string(a->id));
		/* 0-based, as in show --json's body; -1: the title. */
		json_object_set_new(o, "paragraph", m[i].para == SEARCH_TITLE
						? json_integer(-1) : json_integer((json_int_t)m[i].para));
		json_object_set_new(o, "snippet", json_string(snip));
		json_object_set_new(o, "start", json_integer((json_int_t)m[i].start));
		json_object_set_new(o, "length", json_integer((json_int_t)m[i].len));
		json_array_append_new(arr, o);
		free(snip);
	}
	return arr;
}

static void cli_search_text(const struct collection *col, const struct search_index *ix,
			    const struct search_match *m, size_t n, int width,
			    const struct layout_opts *lo, FILE *out)
{
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < n; i++) {
		const struct article *a = &col->items[m[i].article];
		line.len = 0;
		cli_search_visible(&line, a->id, lo);
		/* Human forms count from ¶1, as the browser does; JSON from 0. */
		if (m[i].para == SEARCH_TITLE)
			buf_printf(&line, " %s  ", _("title"));
		else
			buf_printf(&line, " ¶%zu  ", m[i].para + 1);
		int used = layout_strwidth(line.data, lo), room = width - used;
		if (room < CLI_SEARCH_MIN_SNIPPET)
			room = CLI_SEARCH_MIN_SNIPPET;
		char *snip = search_snippet(search_text(ix, &m[i]), m[i].start, m[i].len,
					    room, lo, NULL, NULL);
		/* The snippet is made visible and fitted already: only a line
		 * whose name leaves it too little room is cut. */
		bool fits = used + layout_strwidth(snip, lo) <= width;
		buf_adds(&line, snip);
		free(snip);
		if (fits) {
			buf_addc(&line, '\n');
			fwrite(line.data, 1, line.len, out);
			continue;
		}
		char *fitted = layout_truncate(line.data, width, false, lo);
		fprintf(out, "%s\n", fitted);
		free(fitted);
	}
	buf_free(&line);
}

int cli_search(struct annals *app, const char *query, FILE *out)
{
	struct search_match *m;
	size_t n;
	if (annals_search_run(app, query, &m, &n) < 0) {
		cli_error(2, _("search: the query is empty"));
		fprintf(stderr, _("Try '%s --help' for more information.\n"), "annals");
		return 2;
	}
	struct layout_opts lo = { .ambiguous_wide = app->opt.ambiguous_wide };
	if (app->opt.json) {
		cli_dump_json(cli_search_json(&app->col, annals_search(app), m, n, &lo), out);
	} else {
		cli_search_text(&app->col, annals_search(app), m, n, cli_output_width(out), &lo, out);
		if (n == 0)
			fprintf(stderr, "annals: %s\n", _("no matches"));
	}
	free(m);
	/* As grep: 1 when nothing matched. */
	return n == 0 ? 1 : 0;
}
