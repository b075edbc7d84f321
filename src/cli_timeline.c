/* cli_timeline.c: `annals timeline [--year=Y] [--json]`. The JSON form lists
 * every event; the text form one line per group (the same happening in several
 * languages or articles), with a badge for each of its languages:
 *     ~2015-05     en+zh-Hant  004_6c29ca260aaaa5ff ¶5  In the same month, Russia ...
 * A "~" before the date (as in the browser) says that part of it was worked out, not stated; the
 * ID and paragraph (¶1 the first) say where to read it. The sentence is whole
 * unless stdout is a terminal, where each line is cut to its width; JSON
 * never cuts. --year with no event there exits 1. */
#include <config.h>
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "events.h"
#include "i18n.h"
#include "layout.h"
#include "xalloc.h"

static json_t *cli_timeline_event_json(const struct annals *app, const struct event *e)
{
	char date[16];
	adate_format(&e->date, date, sizeof date);
	json_t *o = json_object();
	json_object_set_new(o, "date", json_string(date));
	json_object_set_new(o, "year", json_integer(e->date.year));
	json_object_set_new(o, "article", json_string(app->col.items[e->article].id));
	json_object_set_new(o, "paragraph", json_integer((json_int_t)e->para));
	json_object_set_new(o, "lang", json_string(e->lang));
	json_object_set_new(o, "text", json_string(e->text));
	json_object_set_new(o, "group", json_integer(e->group));
	json_object_set_new(o, "inferred", json_boolean(e->date.inferred));
	json_object_set_new(o, "precision", json_string(dates_precision_name(&e->date, e->period)));
	if (dates_part_name(e->period))
		json_object_set_new(o, "part", json_string(dates_part_name(e->period)));
	if (e->end.prec != DATE_NONE) {
		char end[16];
		adate_format(&e->end, end, sizeof end);
		json_object_set_new(o, "end", json_string(end));
	}
	json_object_set_new(o, "frame", json_string(dates_frame_name(e->frame)));
	return o;
}

/* "en+zh-Hant" for each group: its languages in the order they appear, written
 * as list and show write an article's. */
static char **cli_timeline_badges(const struct event_list *ev, int ngroups)
{
	char **badges = xcalloc((size_t)ngroups + 1, sizeof *badges);
	for (size_t i = 0; i < ev->n; i++) {
		int g = ev->v[i].group;
		if (g < 1 || g > ngroups)
			continue;
		const char *tag = ev->v[i].lang;
		bool seen = false;
		for (const char *p = badges[g]; p && *p && !seen;) {
			size_t len = strcspn(p, "+");
			seen = len == strlen(tag) && strncmp(p, tag, len) == 0;
			p += len + (p[len] == '+');
		}
		if (seen)
			continue;
		char *joined = badges[g] ? xasprintf("%s+%s", badges[g], tag) : xstrdup(tag);
		free(badges[g]);
		badges[g] = joined;
	}
	return badges;
}

int cli_timeline(struct annals *app, FILE *out)
{
	if (app->opt.groups)
		return cli_timeline_groups(app, out);
	const struct event_list *ev = annals_events(app);
	size_t from = 0, to = ev->n;
	if (app->opt.has_year) {
		from = events_year_start(ev, app->opt.year);
		to = from;
		while (to < ev->n && ev->v[to].date.year == app->opt.year)
			to++;
	}
	/* --year with nothing in it: 1, as grep finding nothing (after printing
	 * the empty list, so that JSON readers get their array). */
	int status = app->opt.has_year && from == to ? 1 : 0;
	if (status)
		cli_error(1, _("no events in %d"), app->opt.year);
	if (app->opt.json) {
		json_t *arr = json_array();
		for (size_t i = from; i < to; i++)
			json_array_append_new(arr, cli_timeline_event_json(app, &ev->v[i]));
		cli_dump_json(arr, out);
		return status;
	}
	int ngroups = 0;
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].group > ngroups)
			ngroups = ev->v[i].group;
	char **badges = cli_timeline_badges(ev, ngroups);
	bool *shown = xcalloc((size_t)ngroups + 1, sizeof *shown);
	struct layout_opts lo = { .ambiguous_wide = app->opt.ambiguous_wide };
	/* The whole sentence, unless a terminal shows it: then one line each. */
	int width = isatty(fileno(out)) ? cli_output_width(out) : 0;
	for (size_t i = from; i < to; i++) {
		const struct event *e = &ev->v[i];
		bool grouped = e->group >= 1 && e->group <= ngroups;
		if (grouped && shown[e->group])
			continue;
		if (grouped)
			shown[e->group] = true;
		struct buf mark;
		buf_init(&mark);
		cli_date_mark(&mark, &e->date);
		const char *own = e->lang;
		/* Where to read it: the article's ID and the paragraph, from ¶1. */
		char *line = xasprintf("%s  %s  %s ¶%zu  %s", mark.data,
				       grouped && badges[e->group] ? badges[e->group] : own,
				       app->col.items[e->article].id, (size_t)e->para + 1, e->text);
		if (width > 0) {
			char *fit = layout_truncate(line, width, false, &lo);
			fprintf(out, "%s\n", fit);
			free(fit);
		} else {
			fprintf(out, "%s\n", line);
		}
		free(line);
		buf_free(&mark);
	}
	for (int g = 0; g <= ngroups; g++)
		free(badges[g]);
	free(badges);
	free(shown);
	return status;
}
