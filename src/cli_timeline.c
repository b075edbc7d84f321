/* cli_timeline.c: `annals timeline [--year=Y] [--json]`. The JSON form lists
 * every event; the text form one line per group (the same happening in several
 * languages or articles), with a badge for each of its languages:
 *     2015-05~     [en][zh-Hant]  In the same month, Russia and China signed ...
 * A "~" after the date says that part of it was worked out, not stated. */
#include <config.h>
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "events.h"
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
	if (e->end.prec != DATE_NONE) {
		char end[16];
		adate_format(&e->end, end, sizeof end);
		json_object_set_new(o, "end", json_string(end));
	}
	json_object_set_new(o, "frame", json_string(dates_frame_name(e->frame)));
	return o;
}

/* "[en][zh-Hant]" for each group: its languages in the order they appear. */
static char **cli_timeline_badges(const struct event_list *ev, int ngroups)
{
	char **badges = xcalloc((size_t)ngroups + 1, sizeof *badges);
	for (size_t i = 0; i < ev->n; i++) {
		int g = ev->v[i].group;
		if (g < 1 || g > ngroups)
			continue;
		char b[LANG_TAG_MAX + 3];
		snprintf(b, sizeof b, "[%s]", ev->v[i].lang);
		if (badges[g] && strstr(badges[g], b))
			continue;
		char *joined = xasprintf("%s%s", badges[g] ? badges[g] : "", b);
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
	if (app->opt.json) {
		json_t *arr = json_array();
		for (size_t i = from; i < to; i++)
			json_array_append_new(arr, cli_timeline_event_json(app, &ev->v[i]));
		return cli_dump_json(arr, out);
	}
	int ngroups = 0;
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].group > ngroups)
			ngroups = ev->v[i].group;
	char **badges = cli_timeline_badges(ev, ngroups);
	bool *shown = xcalloc((size_t)ngroups + 1, sizeof *shown);
	struct layout_opts lo = { .ambiguous_wide = app->opt.ambiguous_wide };
	int width = cli_output_width(out);
	for (size_t i = from; i < to; i++) {
		const struct event *e = &ev->v[i];
		bool grouped = e->group >= 1 && e->group <= ngroups;
		if (grouped && shown[e->group])
			continue;
		if (grouped)
			shown[e->group] = true;
		char date[16], mark[24];
		adate_format(&e->date, date, sizeof date);
		snprintf(mark, sizeof mark, "%s%s", date, e->date.inferred ? "~" : "");
		char own[LANG_TAG_MAX + 3];
		snprintf(own, sizeof own, "[%s]", e->lang);
		char *line = xasprintf("%-11s  %s  %s", mark,
				       grouped && badges[e->group] ? badges[e->group] : own, e->text);
		char *fit = layout_truncate(line, width, false, &lo);
		fprintf(out, "%s\n", fit);
		free(fit);
		free(line);
	}
	for (int g = 0; g <= ngroups; g++)
		free(badges[g]);
	free(badges);
	free(shown);
	return 0;
}
