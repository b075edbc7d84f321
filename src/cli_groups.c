/* cli_groups.c: `annals timeline --groups [--year=Y] [--json]`, the happenings:
 * each group of events once, with every report of it. The text form is one line
 * per happening, its languages, the articles that report it and its line in the
 * reading language (the configured one, else the interface language):
 *     2013-05-12   [en][fr][zh-Hans]  harbour.en harbour.fr harbour.zh  On 12 May ...
 * The JSON form: [{"group","date","precision","reports":[{"article","paragraph",
 * "lang","text"}]}]. */
#include <config.h>
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "events.h"
#include "happenings.h"
#include "layout.h"
#include "xalloc.h"

static json_t *cli_groups_json(const struct annals *app, const struct event_list *ev,
			       const struct happenings *h, size_t k)
{
	const struct happening *x = &h->v[k];
	char date[16];
	adate_format(&x->date, date, sizeof date);
	json_t *o = json_object();
	json_object_set_new(o, "group", json_integer(x->group));
	json_object_set_new(o, "date", json_string(date));
	json_object_set_new(o, "precision", json_string(dates_precision_name(&x->date, x->period)));
	json_t *reports = json_array();
	for (size_t m = 0; m < x->n; m++) {
		const struct event *e = &ev->v[h->members[x->first + m]];
		json_t *r = json_object();
		json_object_set_new(r, "article", json_string(app->col.items[e->article].id));
		json_object_set_new(r, "paragraph", json_integer((json_int_t)e->para));
		json_object_set_new(r, "lang", json_string(e->lang));
		json_object_set_new(r, "text", json_string(e->text));
		json_array_append_new(reports, r);
	}
	json_object_set_new(o, "reports", reports);
	return o;
}

/* "[en][fr]  a.en a.fr": the languages, then the articles, each once. */
static char *cli_groups_who(const struct annals *app, const struct event_list *ev,
			    const struct happenings *h, size_t k)
{
	const struct happening *x = &h->v[k];
	char *langs = xstrdup(""), *ids = xstrdup("");
	for (size_t m = 0; m < x->n; m++) {
		const struct event *e = &ev->v[h->members[x->first + m]];
		char b[LANG_TAG_MAX + 3];
		snprintf(b, sizeof b, "[%s]", e->lang);
		if (!strstr(langs, b)) {
			char *t = xasprintf("%s%s", langs, b);
			free(langs);
			langs = t;
		}
		const char *id = app->col.items[e->article].id;
		bool seen = false;
		for (size_t p = 0; p < m && !seen; p++)
			seen = ev->v[h->members[x->first + p]].article == e->article;
		if (!seen) {
			char *t = xasprintf("%s%s%s", ids, *ids ? " " : "", id);
			free(ids);
			ids = t;
		}
	}
	char *who = xasprintf("%s  %s", langs, ids);
	free(langs);
	free(ids);
	return who;
}

int cli_timeline_groups(struct annals *app, FILE *out)
{
	const struct event_list *ev = annals_events(app);
	struct happenings *h = happenings_build(ev);
	const char *lang = app->opt.reading_lang ? app->opt.reading_lang
						 : happenings_ui_tag(uilang_code(app->ui.id));
	json_t *arr = app->opt.json ? json_array() : NULL;
	struct layout_opts lo = { .ambiguous_wide = app->opt.ambiguous_wide };
	int width = cli_output_width(out);
	for (size_t k = 0; k < h->n; k++) {
		const struct happening *x = &h->v[k];
		if (app->opt.has_year && x->date.year != app->opt.year)
			continue;
		if (arr) {
			json_array_append_new(arr, cli_groups_json(app, ev, h, k));
			continue;
		}
		const struct event *e = &ev->v[happenings_version(ev, h, k, lang)];
		char date[16], mark[24];
		adate_format(&x->date, date, sizeof date);
		snprintf(mark, sizeof mark, "%s%s", date, x->date.inferred ? "~" : "");
		char *who = cli_groups_who(app, ev, h, k);
		char *line = xasprintf("%-11s  %s  %s", mark, who, e->text);
		char *fit = layout_truncate(line, width, false, &lo);
		fprintf(out, "%s\n", fit);
		free(fit);
		free(line);
		free(who);
	}
	happenings_free(h);
	/* a year with nothing in it prints nothing, and is no error, as timeline */
	return arr ? cli_dump_json(arr, out) : 0;
}
