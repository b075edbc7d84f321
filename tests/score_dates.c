/* score_dates.c: scores the date recogniser on a gold file of dated sentences
 * (tests/fixtures/dates/gold.txt; its head says how it is written) the way the
 * timeline reads them: each "@" block becomes an article, each line one of its
 * paragraphs, and events_derive runs on the whole. An event counts when its
 * paragraph expects exactly its date, precision, frame and end.
 *
 *   score_dates [-v] [FILE]
 *
 * Prints recall, precision and the share of events in the wrong year, with
 * TAP checks of the thresholds below (run by make check); -v lists each miss
 * and each false event. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "dates.h"
#include "events.h"
#include "tap.h"
#include "xalloc.h"

#define SCORE_MIN_RECALL 0.90
#define SCORE_MIN_PRECISION 0.93
#define SCORE_MAX_WRONG_YEAR 0.02
#define SCORE_MIN_DATED 300

/* What one paragraph expects: its events as "DATE PREC FRAME [END]". */
struct score_para {
	size_t article, para;
	char **want;
	size_t nwant;
	bool *met;
};

struct score_gold {
	struct collection col;
	struct score_para *p;
	size_t n, cap;
	size_t dated;           /* paragraphs with at least one event */
};

static char *score_trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t l = strlen(s);
	while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\n' || s[l - 1] == '\r'))
		s[--l] = '\0';
	return s;
}

static void score_finish(struct score_gold *g, struct article *a, bool *open)
{
	if (!*open)
		return;
	article_update_langs(a);
	collection_add(&g->col, a);
	*open = false;
}

static bool score_read(const char *path, struct score_gold *g)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return false;
	}
	collection_init(&g->col);
	char line[2048], lang[LANG_TAG_MAX] = "en";
	struct article a;
	bool open = false;
	int lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *s = score_trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if (*s == '@') {
			score_finish(g, &a, &open);
			memset(&a, 0, sizeof a);
			char date[32] = "";
			if (sscanf(s + 1, "%15s %31s", lang, date) != 2) {
				fprintf(stderr, "%s:%d: want \"@ LANG DATE\"\n", path, lineno);
				fclose(f);
				return false;
			}
			int y = 0, m = 0, d = 0;
			int k = sscanf(date, "%d-%d-%d", &y, &m, &d);
			if (k >= 1 && y > 0)
				a.date = (struct adate){ y, k >= 2 ? m : 0, k >= 3 ? d : 0,
							 k >= 3 ? DATE_DAY : k == 2 ? DATE_MONTH : DATE_YEAR,
							 false };
			a.id = xasprintf("g%03zu", g->col.n);
			a.title = xstrdup(a.id);
			a.path = xstrdup(path);
			open = true;
			continue;
		}
		char *bar = strstr(s, " | ");
		if (!open || !bar) {
			fprintf(stderr, "%s:%d: want \"EVENTS | TEXT\" inside an article\n", path, lineno);
			fclose(f);
			return false;
		}
		*bar = '\0';
		char *text = bar + 3;
		xgrow((void **)&g->p, &g->cap, g->n + 1, sizeof *g->p);
		struct score_para *p = &g->p[g->n++];
		memset(p, 0, sizeof *p);
		p->article = g->col.n;
		p->para = a.npara;
		char *want = score_trim(s);
		if (strcmp(want, "-") != 0) {
			for (char *tok = strtok(want, ";"); tok; tok = strtok(NULL, ";")) {
				p->want = xrealloc(p->want, (p->nwant + 1) * sizeof *p->want);
				/* one space between the fields */
				char norm[128];
				size_t o = 0;
				for (char *c = score_trim(tok); *c && o + 1 < sizeof norm; c++)
					if (*c != ' ' || (o && norm[o - 1] != ' '))
						norm[o++] = *c;
				norm[o] = '\0';
				p->want[p->nwant++] = xstrdup(norm);
			}
			g->dated++;
		}
		p->met = xcalloc(p->nwant ? p->nwant : 1, sizeof *p->met);
		article_add_para(&a, text, strlen(text), lang, PARA_TEXT);
	}
	score_finish(g, &a, &open);
	fclose(f);
	return true;
}

static void score_key(const struct event *e, char *buf, size_t size)
{
	char date[16], end[16] = "";
	adate_format(&e->date, date, sizeof date);
	if (e->end.prec != DATE_NONE)
		adate_format(&e->end, end, sizeof end);
	snprintf(buf, size, "%s %s %s%s%s", date, dates_precision_name(&e->date, e->period),
		 dates_frame_name(e->frame), *end ? " " : "", end);
}

static struct score_para *score_find(struct score_gold *g, size_t article, size_t para)
{
	for (size_t i = 0; i < g->n; i++)
		if (g->p[i].article == article && g->p[i].para == para)
			return &g->p[i];
	return NULL;
}

int main(int argc, char **argv)
{
	bool verbose = false;
	const char *path = FIXTURES_DIR "/dates/gold.txt";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = true;
		else
			path = argv[i];
	}
	struct score_gold g = { 0 };
	if (!score_read(path, &g))
		return 2;
	struct event_list *ev = events_derive(&g.col);
	size_t want = 0, found = ev->n, right = 0, wrong_year = 0, wrong_frame = 0;
	for (size_t i = 0; i < g.n; i++)
		want += g.p[i].nwant;
	for (size_t i = 0; i < ev->n; i++) {
		const struct event *e = &ev->v[i];
		char key[128];
		score_key(e, key, sizeof key);
		struct score_para *p = score_find(&g, e->article, e->para);
		bool hit = false;
		for (size_t k = 0; p && k < p->nwant && !hit; k++)
			if (!p->met[k] && strcmp(p->want[k], key) == 0)
				hit = p->met[k] = true;
		if (hit) {
			right++;
			continue;
		}
		/* What went wrong: the year alone (the rest of the date agrees), or
		 * only the frame the year was taken from. */
		char date[16];
		adate_format(&e->date, date, sizeof date);
		const char *why = "no such event";
		for (size_t k = 0; p && k < p->nwant; k++) {
			const char *w = p->want[k];
			size_t dl = strcspn(w, " ");
			if (dl == strlen(date) && strncmp(w, date, dl) == 0) {
				why = "another frame or end";
				wrong_frame++;
				break;
			}
			if (dl == strlen(date) && dl > 4 && strncmp(w + 4, date + 4, dl - 4) == 0) {
				why = "wrong year";
				wrong_year++;
				break;
			}
			if (dl == 4 && strlen(date) == 4 && strncmp(w, date, 4) != 0) {
				why = "wrong year";
				wrong_year++;
				break;
			}
		}
		if (verbose)
			printf("# false (%s): %s | %s\n", why, key, e->text);
	}
	for (size_t i = 0; verbose && i < g.n; i++)
		for (size_t k = 0; k < g.p[i].nwant; k++)
			if (!g.p[i].met[k])
				printf("# missed: %s | %s\n", g.p[i].want[k],
				       g.col.items[g.p[i].article].paras[g.p[i].para].text);
	double recall = want ? (double)right / (double)want : 0;
	double precision = found ? (double)right / (double)found : 0;
	double wy = found ? (double)wrong_year / (double)found : 0;
	tap_diag("%s: %zu paragraphs, %zu dated, %zu events expected, %zu found", path, g.n,
		 g.dated, want, found);
	tap_diag("recall %zu/%zu = %.3f, precision %zu/%zu = %.3f, wrong year %zu (%.3f), "
		 "another frame or end %zu", right, want, recall, right, found, precision, wrong_year,
		 wy, wrong_frame);
	tap_ok(g.dated >= SCORE_MIN_DATED, "the gold file has at least %d dated sentences",
	       SCORE_MIN_DATED);
	tap_ok(recall >= SCORE_MIN_RECALL, "recall %.3f >= %.2f", recall, SCORE_MIN_RECALL);
	tap_ok(precision >= SCORE_MIN_PRECISION, "precision %.3f >= %.2f", precision,
	       SCORE_MIN_PRECISION);
	tap_ok(wy <= SCORE_MAX_WRONG_YEAR, "events in the wrong year %.3f <= %.2f", wy,
	       SCORE_MAX_WRONG_YEAR);
	events_free(ev);
	for (size_t i = 0; i < g.n; i++) {
		for (size_t k = 0; k < g.p[i].nwant; k++)
			free(g.p[i].want[k]);
		free(g.p[i].want);
		free(g.p[i].met);
	}
	free(g.p);
	collection_free(&g.col);
	return tap_done();
}
