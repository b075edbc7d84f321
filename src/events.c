/* events.c: the timeline issue. Each article is read in order, one account per
 * language (a bilingual article tells its story twice, and each half is read on
 * its own): every date expression that says when something happened becomes an
 * event with the sentence that carries it, its year worked out from the account
 * so far when the text leaves it out, and the anchors of that sentence (numbers,
 * acronyms, Latin-script names). events_group.c then puts the events that report
 * the same happening in one group. */
#include <config.h>
#include "events.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "dates.h"
#include "events_int.h"
#include "segment.h"
#include "utf8.h"
#include "xalloc.h"

/* The longest summary, in bytes, "…" included. */
/* The whole sentence is the event's text (the panes cut it to their width,
 * the command line to the terminal's, JSON never): only a run of text that
 * no sentence boundary ends for this long is cut, so that one 20 MB line
 * does not become a 20 MB event. */
#define EVENTS_TEXT_MAX 4096

struct events_builder {
	struct event *v;
	struct events_work *w;
	size_t n, cap, capw;
};

/* ---- the sentence as a summary ---- */

/* One line: runs of white space become one space; cut at a grapheme cluster
 * boundary with "…" when longer than EVENTS_TEXT_MAX bytes. */
static char *events_summary(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t o = 0;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = false;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	if (o <= EVENTS_TEXT_MAX)
		return out;
	/* The last cluster boundary that leaves room for "…" (3 bytes). */
	size_t limit = EVENTS_TEXT_MAX - 3, cut = 0, i = 0;
	utf8proc_int32_t prev = -1, state = 0;
	while (i < o) {
		size_t l;
		utf8proc_int32_t cp = utf8_decode(out, o, i, &l);
		if (prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
			if (i > limit)
				break;
			cut = i;
		}
		prev = cp;
		i += l;
	}
	if (i <= limit)
		cut = i;
	while (cut > 0 && out[cut - 1] == ' ')
		cut--;
	memcpy(out + cut, "…", 3);
	out[cut + 3] = '\0';
	return out;
}

/* ---- datelines ---- */

static bool events_ends_sentence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return false;
	char c = s[n - 1];
	if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')')
		return true;
	static const char *const ends[] = { "。", "！", "？", "”", "」", "…" };
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		size_t l = strlen(ends[k]);
		if (n >= l && memcmp(s + n - l, ends[k], l) == 0)
			return true;
	}
	return false;
}

/* A paragraph that only dates the article: "2024-09-12", "Source: Xinhua|
 * 2019-10-24 19:38:01|Editor: Yurou". Short, no sentence, a full date in it. */
static bool events_para_is_dateline(const char *s, size_t n, const struct datex *x, size_t nx)
{
	if (n > 160 || events_ends_sentence(s, n))
		return false;
	size_t e = n;
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n'))
		e--;
	if (e > 0 && s[e - 1] == ':')
		return false;   /* "said in an editorial on Monday, Oct. 26:" opens a quote */
	for (size_t k = 0; k < nx; k++)
		if (x[k].kind == DATEX_DATE && x[k].prec == DATE_DAY)
			return true;
	return false;
}

/* A wire-service dateline opening a paragraph: "HANGZHOU, Oct. 24 (Xinhua) --",
 * "WASHINGTON, June 13 (Reuters) - ". */
static bool events_is_wire_dateline(const char *s, size_t n, const struct datex *x)
{
	if (x->kind != DATEX_DATE || x->prec != DATE_DAY || x->start > 48)
		return false;
	for (size_t i = 0; i < x->start; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '.')
			return false;   /* the place is in capitals */
	size_t i = x->start + x->len;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && s[i] == '(') {
		size_t close = i;
		while (close < n && close - i < 40 && s[close] != ')')
			close++;
		if (close >= n || s[close] != ')')
			return false;
		i = close + 1;
		while (i < n && s[i] == ' ')
			i++;
	}
	/* "--", a dash, or Reuters's spaced hyphen ("PARIS, 13 juin (Reuters) - ") */
	return (i + 1 < n && s[i] == '-' && (s[i + 1] == '-' || s[i + 1] == ' ')) ||
	       (i + 3 <= n && (memcmp(s + i, "—", 3) == 0 || memcmp(s + i, "–", 3) == 0));
}

/* ---- anchors ---- */

uint64_t events_hash(char kind, const char *s, size_t n)
{
	uint64_t h = 0xCBF29CE484222325ULL ^ (uint64_t)(unsigned char)kind;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001B3ULL;
	}
	return h;
}

/* An anchor's key: its hash, with the lowest bit saying whether it is weak
 * (EVENTS_ANCHOR_WEAK: alone, not enough between languages). */
static uint64_t events_anchor_key(uint64_t h, bool weak)
{
	return (h & ~(uint64_t)EVENTS_ANCHOR_WEAK) | (weak ? EVENTS_ANCHOR_WEAK : 0);
}

static void events_add_anchor(struct events_work *w, uint64_t h)
{
	for (size_t k = 0; k < w->nanchors; k++)
		if (w->anchors[k] == h)
			return;
	if (w->nanchors < EVENTS_ANCHORS_MAX)
		w->anchors[w->nanchors++] = h;
}

static bool events_is_ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Anchors of sentence s[a..b) of a paragraph, leaving out the event's own date
 * expression [ds, de): numbers of two digits or more (full-width ones read as
 * ASCII), acronyms, and Latin-script names (capitalised words not opening the
 * sentence; any Latin word inside Chinese text). */
static void events_anchors(const char *s, size_t a, size_t b, size_t ds, size_t de, bool zh,
			   struct events_work *w)
{
	size_t i = a;
	bool opening = true;    /* no word yet: a capital here opens the sentence */
	while (i < b) {
		if (i >= ds && i < de) {
			i = de;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		/* full-width digits: EF BC 90..99 */
		bool fw = c == 0xEF && i + 2 < b && (unsigned char)s[i + 1] == 0xBC &&
			  (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99;
		if ((c >= '0' && c <= '9') || fw) {
			char digits[24];
			size_t nd = 0;
			while (i < b && !(i >= ds && i < de)) {
				c = (unsigned char)s[i];
				if (c >= '0' && c <= '9') {
					if (nd < sizeof digits)
						digits[nd++] = (char)c;
					i++;
				} else if (c == 0xEF && i + 2 < b && (unsigned char)s[i + 1] == 0xBC &&
					   (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
					if (nd < sizeof digits)
						digits[nd++] = (char)('0' + (unsigned char)s[i + 2] - 0x90);
					i += 3;
				} else {
					break;
				}
			}
			/* Two digits are a weak anchor: the 20 of "20 stalls" and of
			 * "20 enfants" may meet on one day by chance. */
			if (nd >= 2)
				events_add_anchor(w, events_anchor_key(events_hash('#', digits, nd),
								       nd == 2));
			continue;
		}
		if (!events_is_ascii_alnum((char)c)) {
			i++;
			continue;
		}
		size_t ws = i, upper = 0, letters = 0;
		char tok[32];
		size_t nt = 0;
		while (i < b && events_is_ascii_alnum(s[i])) {
			char ch = s[i];
			upper += ch >= 'A' && ch <= 'Z';
			letters += (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
			if (nt < sizeof tok)
				tok[nt++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
			i++;
		}
		/* a word glued to other letters (é, ü) is not a clean token */
		if (i < b && (unsigned char)s[i] >= 0x80 && (unsigned char)s[i] < 0xE0)
			continue;
		if (upper >= 2 && letters >= 2)
			events_add_anchor(w, events_anchor_key(events_hash('A', tok, nt), false));
		else if (letters >= 3 && (zh || (upper == 1 && s[ws] >= 'A' && s[ws] <= 'Z' && !opening)))
			events_add_anchor(w, events_anchor_key(events_hash('N', tok, nt), false));
		opening = false;
	}
}

/* ---- deriving ---- */

/* One account (the article's text in one language): the last date it
 * established, and how many of its paragraphs ago. */
struct events_account {
	char lang[LANG_TAG_MAX];
	struct adate prev;
	size_t paras;           /* text paragraphs of this account read so far */
	size_t prev_at;         /* the value of paras when prev was set */
	enum dates_frame prev_frame;    /* where prev's year came from */
};

/* A narrative established this many paragraphs back or fewer still governs a
 * month without a year in an article that has its own date; further back, a
 * report reads such a month from its dateline. */
#define EVENTS_NARRATIVE_REACH 2

/* An account that has come no further back than this many years before the
 * dateline is the report's own backstory, not a history: news gives the year
 * of any date outside the months around it, so a month without a year there
 * is read from the dateline ("the August 1988 cease-fire ... condemned the
 * invasion on Aug. 2" in a report of August 1990 is this August). An
 * article date worked out from the text itself is no dateline. */
#define EVENTS_BACKSTORY_YEARS 2

static struct events_account *events_account(struct events_account **acc, size_t *nacc,
					     size_t *cap, const char *lang)
{
	for (size_t k = 0; k < *nacc; k++)
		if (strcmp((*acc)[k].lang, lang) == 0)
			return &(*acc)[k];
	xgrow((void **)acc, cap, *nacc + 1, sizeof **acc);
	struct events_account *a = &(*acc)[(*nacc)++];
	memset(a, 0, sizeof *a);
	snprintf(a->lang, sizeof a->lang, "%s", lang);
	return a;
}

static bool events_lang_is_zh(const char *lang)
{
	return strncmp(lang, "zh", 2) == 0 || strncmp(lang, "yue", 3) == 0;
}

static void events_push(struct events_builder *b, const struct event *e,
			const struct events_work *w)
{
	xgrow((void **)&b->v, &b->cap, b->n + 1, sizeof *b->v);
	xgrow((void **)&b->w, &b->capw, b->n + 1, sizeof *b->w);
	b->v[b->n] = *e;
	b->w[b->n] = *w;
	b->n++;
}

/* A Chinese dispatch line opening a paragraph: 新华社上海6月8日电, 中新网北京
 * 3月2日電: a month and day followed by 电 / 電, near the start. */
static bool events_is_zh_dispatch(const char *s, size_t n, const struct datex *x)
{
	size_t e = x->start + x->len;
	if (x->kind != DATEX_DATE || x->prec != DATE_DAY || x->start > 60)
		return false;
	return e + 3 <= n && (memcmp(s + e, "电", 3) == 0 || memcmp(s + e, "電", 3) == 0);
}

/* Does the expression read in the article's frame on its own (it counts from
 * the dateline, or names a day of its week)? Such words in a sentence make it
 * a report, whose months without a year are the dateline's. */
static bool events_reports(const struct datex *x)
{
	return (x->kind == DATEX_RELATIVE && !x->narrative) || x->kind == DATEX_WEEKDAY ||
	       x->kind == DATEX_THIS_MONTH;
}

/* Whether s[a..e) contains needle (ASCII, any case). */
static bool events_has(const char *s, size_t a, size_t e, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = a; i + l <= e; i++)
		if (strncasecmp(s + i, needle, l) == 0)
			return true;
	return false;
}

/* Whether x is the base of a comparison of figures: "a year ago" or "a year
 * earlier" (un an plus tôt) in a sentence of amounts ("net rose to $108
 * million from $90 million a year ago", "A year earlier, sales were 4%
 * lower"). It dates a figure, not a happening: no reader wants a timeline
 * entry a year before every results report. */
static bool events_figure_base(const char *s, size_t a, size_t e, const struct datex *x)
{
	if (x->kind != DATEX_RELATIVE || x->unit != DATES_UNIT_YEAR || x->offset != -1)
		return false;
	size_t xs = x->start, xe = x->start + x->len;
	if (!events_has(s, xs, xe, "ago") && !events_has(s, xs, xe, "earlier") &&
	    !events_has(s, xs, xe, "plus t") && !events_has(s, xs, xe, "auparavant"))
		return false;
	static const char *const figures[] = {
		"$", "%", "\xe2\x82\xac", "\xc2\xa3", "million", "billion", "cents", "pence",
		"milliard",
	};
	for (size_t k = 0; k < sizeof figures / sizeof *figures; k++)
		if (events_has(s, a, e, figures[k]))
			return true;
	return false;
}

/* Whether the expression moves the narrative on: dates that say when the
 * account is now (not a range, decade or week, nor a year naming a thing). */
static bool events_moves_narrative(const struct datex *x, const struct dates_when *w)
{
	if (x->modifier || x->bound || x->kind == DATEX_RANGE || x->kind == DATEX_DECADE)
		return false;
	return w->period == DATES_PERIOD_NONE || dates_period_is_part(w->period);
}

/* The events of one paragraph; ref and the accounts carry over between them. */
static void events_paragraph(const struct paragraph *p, size_t ai, size_t pi, struct adate *ref,
			     struct events_account *acc, size_t *order, struct events_builder *b)
{
	const char *s = p->text;
	size_t n = strlen(s);
	struct datex *x;
	acc->paras++;
	size_t nx = dates_find(s, n, p->lang, &x);
	if (nx == 0)
		return;
	if (events_para_is_dateline(s, n, x, nx)) {
		/* Metadata, not a happening; it dates the article when nothing else does. */
		struct adate none = { 0 }, d;
		for (size_t k = 0; k < nx && ref->prec < DATE_DAY; k++)
			if (x[k].prec == DATE_DAY && dates_resolve(&x[k], &none, ref, &d))
				*ref = d;
		free(x);
		return;
	}
	struct sentence *sv;
	size_t ns = segment_sentences(s, n, p->lang, &sv);
	/* Which sentence each expression is in, and whether the sentence reports
	 * (counts from the dateline). */
	size_t *sent = xcalloc(nx, sizeof *sent);
	bool *reports = xcalloc(ns ? ns : 1, sizeof *reports);
	for (size_t k = 0, j = 0; k < nx; k++) {
		while (j + 1 < ns && sv[j].end <= x[k].start)
			j++;
		sent[k] = j;
		if (ns && events_reports(&x[k]))
			reports[j] = true;
	}
	/* First every expression is resolved, in order, the narrative moving on;
	 * then the events are kept: a year (or a range or decade) beside a finer
	 * date of the same year in its sentence is no event of its own, nor is a
	 * second mention of one date in one sentence. */
	struct dates_when *when = xcalloc(nx, sizeof *when);
	bool *ok = xcalloc(nx, sizeof *ok);
	for (size_t k = 0; k < nx; k++) {
		struct adate d, none = { 0 };
		if (events_is_wire_dateline(s, n, &x[k]) || events_is_zh_dispatch(s, n, &x[k])) {
			if (ref->prec < DATE_DAY && dates_resolve(&x[k], &none, ref, &d))
				*ref = d;
			continue;
		}
		if (!x[k].temporal && !x[k].modifier)
			continue;
		size_t a = 0, e = n;
		if (ns && sv[sent[k]].start <= x[k].start && x[k].start < sv[sent[k]].end) {
			a = sv[sent[k]].start;
			e = sv[sent[k]].end;
		}
		if (events_figure_base(s, a, e, &x[k]))
			continue;
		/* The frame of a month without a year: the narrative while it is
		 * fresh and the sentence does not report; the dateline otherwise. */
		struct dates_ctx ctx = { .prev = acc->prev, .ref = *ref };
		bool fresh = acc->paras - acc->prev_at <= EVENTS_NARRATIVE_REACH;
		/* An account whose year came from the dateline, or that has come
		 * to the dateline's year, is the report's own: its months are read
		 * from the dateline, with the tense. */
		ctx.narrative = ref->prec < DATE_MONTH ||
				(fresh && !(ns && reports[sent[k]]) &&
				 acc->prev_frame != DATES_FRAME_ARTICLE &&
				 (acc->prev.year < ref->year - EVENTS_BACKSTORY_YEARS ||
				  (ref->inferred && acc->prev.year < ref->year)));
		if (!x[k].year && x[k].kind != DATEX_RELATIVE && x[k].kind != DATEX_DAY_OFFSET)
			ctx.tense = dates_tense(s, a, e, x[k].start);
		if (ctx.tense > 0)
			ctx.narrative = ref->prec < DATE_MONTH;
		if (x[k].kind == DATEX_RELATIVE && x[k].narrative && !fresh && ref->prec >= DATE_MONTH)
			ctx.prev = (struct adate){ 0 };  /* "a year earlier" than the report */
		/* "by the end of the year", 年底: the account's year only where a
		 * month would be read in it, and never when it is still to come. */
		if (x[k].kind == DATEX_RELATIVE && x[k].narrative && dates_period_is_part(x[k].period) &&
		    ref->prec >= DATE_MONTH &&
		    (!ctx.narrative || dates_tense(s, a, e, x[k].start) > 0))
			ctx.prev = (struct adate){ 0 };
		if (!dates_resolve_in(&x[k], &ctx, &when[k]))
			continue;
		ok[k] = true;
		if (events_moves_narrative(&x[k], &when[k])) {
			/* A year does not blur a finer date of that year already read. */
			if (!(when[k].date.prec < acc->prev.prec && when[k].date.year == acc->prev.year)) {
				acc->prev = when[k].date;
				acc->prev_frame = when[k].frame;
			}
			acc->prev_at = acc->paras;
		} else if (when[k].period >= DATES_PERIOD_SPRING && when[k].period <= DATES_PERIOD_QUARTER &&
			   !x[k].modifier &&
			   acc->prev.year != when[k].date.year) {
			/* A season or quarter establishes its year. */
			acc->prev = (struct adate){ when[k].date.year, 0, 0, DATE_YEAR, true };
			acc->prev_frame = when[k].frame;
			acc->prev_at = acc->paras;
		}
	}
	for (size_t k = 0; k < nx; k++) {
		if (!ok[k])
			continue;
		const struct dates_when *w = &when[k];
		bool coarse = w->date.prec == DATE_YEAR || x[k].kind == DATEX_RANGE ||
			      w->period == DATES_PERIOD_DECADE;
		bool drop = false;
		for (size_t j = 0; j < nx && !drop && ns; j++) {
			if (j == k || !ok[j] || sent[j] != sent[k])
				continue;
			const struct dates_when *o = &when[j];
			if (coarse && o->date.year == w->date.year && o->period != DATES_PERIOD_DECADE &&
			    (o->date.prec > w->date.prec || (o->date.prec == w->date.prec && j < k &&
							      o->period == DATES_PERIOD_NONE &&
							      x[j].kind != DATEX_RANGE)))
				drop = true;
			else if (j < k && o->period == w->period && adate_compare(&o->date, &w->date) == 0 &&
				 o->date.prec == w->date.prec && adate_compare(&o->end, &w->end) == 0)
				drop = true;
		}
		if (drop)
			continue;
		size_t a = 0, e = n;
		if (ns && sv[sent[k]].start <= x[k].start && x[k].start < sv[sent[k]].end) {
			a = sv[sent[k]].start;
			e = sv[sent[k]].end;
		}
		struct event ev = {
			.date = w->date, .article = ai, .para = pi, .start = x[k].start, .len = x[k].len,
			.text = events_summary(s + a, e - a), .end = w->end, .period = w->period,
			.frame = w->frame, .group = 0,
		};
		memcpy(ev.lang, p->lang, LANG_TAG_MAX);
		struct events_work wk = { .order = (*order)++ };
		events_anchors(s, a, e, x[k].start, x[k].start + x[k].len,
			       events_lang_is_zh(p->lang), &wk);
		events_push(b, &ev, &wk);
	}
	free(ok);
	free(when);
	free(reports);
	free(sent);
	free(sv);
	free(x);
}

void events_article_extract(const struct collection *c, size_t ai, struct events_article *out)
{
	struct events_builder b = { 0 };
	struct events_account *acc = NULL;
	size_t capacc = 0;
	const struct article *art = &c->items[ai];
	struct adate ref = art->date;
	size_t nacc = 0, order = 0;
	for (size_t pi = 0; pi < art->npara; pi++) {
		const struct paragraph *p = &art->paras[pi];
		if (p->kind == PARA_IMAGE || !p->text)
			continue;
		struct events_account *ac = events_account(&acc, &nacc, &capacc, p->lang);
		events_paragraph(p, ai, pi, &ref, ac, &order, &b);
	}
	free(acc);
	out->v = b.v;
	out->w = b.w;
	out->n = b.n;
}

void events_article_free(struct events_article *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i].text);
	free(a->v);
	free(a->w);
	for (size_t k = 0; k < a->nself; k++)
		free(a->self[k].pairs);
	free(a->self);
	memset(a, 0, sizeof *a);
}

void events_free(struct event_list *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < ev->n; i++)
		free(ev->v[i].text);
	if (ev->texts) {
		for (size_t i = 0; i < ev->n; i++)
			free(ev->texts->got[i]);
		free(ev->texts->got);
		free(ev->texts->tried);
		free(ev->texts->seq);
		free(ev->texts);
	}
	free(ev->v);
	free(ev);
}

void events_keep_articles(struct event_list *ev, const size_t *to)
{
	struct event_texts *t = ev->texts;
	if (t && !t->seq) {
		t->seq = xcalloc(ev->n ? ev->n : 1, sizeof *t->seq);
		for (size_t i = 0; i < ev->n; i++)
			t->seq[i] = i;
	}
	size_t k = 0;
	for (size_t i = 0; i < ev->n; i++) {
		size_t a = to[ev->v[i].article];
		if (a == (size_t)-1) {
			free(ev->v[i].text);
			if (t)
				free(t->got[i]);
			continue;
		}
		ev->v[k] = ev->v[i];
		ev->v[k].article = a;
		if (t) {
			t->got[k] = t->got[i];
			t->tried[k] = t->tried[i];
			t->seq[k] = t->seq[i];
		}
		k++;
	}
	ev->n = k;
}

void events_texts_from(struct event_list *ev, char *(*fetch)(void *ctx, const struct event *e, size_t i),
		       void *ctx)
{
	struct event_texts *t = xcalloc(1, sizeof *t);
	t->fetch = fetch;
	t->ctx = ctx;
	t->got = xcalloc(ev->n ? ev->n : 1, sizeof *t->got);
	t->tried = xcalloc(ev->n ? ev->n : 1, sizeof *t->tried);
	ev->texts = t;
}

const char *events_text(const struct event_list *ev, const struct event *e)
{
	if (e->text || !ev || !ev->texts || e < ev->v || e >= ev->v + ev->n)
		return e->text;
	size_t i = (size_t)(e - ev->v);
	struct event_texts *t = ev->texts;
	if (!t->tried[i]) {
		t->tried[i] = true;
		t->got[i] = t->fetch(t->ctx, e, t->seq ? t->seq[i] : i);
	}
	return t->got[i];
}

size_t events_year_start(const struct event_list *ev, int year)
{
	size_t lo = 0, hi = ev->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ev->v[mid].date.year < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
