/* test_events.c: events from hand-built articles: year inference across
 * paragraphs and within one account, each language read on its own, datelines,
 * weekdays, ranges and adjectival years that make no event, the sentence that
 * carries the date, and grouping (translations in one article, the same
 * happening in two articles). */
#include <config.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "tap.h"
#include "xalloc.h"

static void add_article(struct collection *c, const char *id, struct adate date,
			const char *const *paras, const char *const *langs)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xstrdup(id);
	a.date = date;
	for (size_t i = 0; paras[i]; i++)
		article_add_para(&a, paras[i], strlen(paras[i]), langs[i], PARA_TEXT);
	article_update_langs(&a);
	collection_add(c, &a);
}

/* "date lang para" of every event, joined by " | ", for one comparison. */
static char *summary(const struct event_list *ev, const struct collection *c, bool with_id)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < ev->n; i++) {
		char d[16];
		adate_format(&ev->v[i].date, d, sizeof d);
		if (i)
			buf_adds(&b, " | ");
		if (with_id)
			buf_printf(&b, "%s ", c->items[ev->v[i].article].id);
		buf_printf(&b, "%s%s %s p%zu", d, ev->v[i].date.inferred ? "~" : "", ev->v[i].lang,
			   (size_t)ev->v[i].para);
	}
	return buf_take(&b);
}

/* The event whose text starts with prefix, or NULL. */
static const struct event *find_event(const struct event_list *ev, const char *prefix)
{
	for (size_t i = 0; i < ev->n; i++)
		if (strncmp(ev->v[i].text, prefix, strlen(prefix)) == 0)
			return &ev->v[i];
	return NULL;
}

static const struct adate NODATE = { 0 };

static void test_chronological_account(void)
{
	/* The shape of the bundled 004: an English account, then its Chinese
	 * translation; each is read on its own. */
	static const char *const paras[] = {
		"In recent years, cooperation grew. October 2013, ICANN, IETF, W3C and other "
		"institutions signed the statement. April 2014, the Brazilian Internet Conference "
		"issued a declaration. In the same month, Japan and the US held a second dialogue.",
		"In October, Japan and South Korea signed a memorandum. In May, the new EU "
		"disclosed 2015-2020 to strengthen the fight against crime. In the same month, "
		"Russia and China signed an agreement. In the “Xiamen -2015” exercise, forces "
		"trained. December 1, Guo Shengkun and Lynch co-chaired a dialogue.",
		"近年來,合作已成大趨勢。 2013年10月,ICANN、IETF、W3C等機構共同簽署了聲明。 "
		"2014年4月,巴西互聯網大會發表聲明。同月,日美進行了第二次對話。",
		"10月,中日韓簽署備忘錄。 5月,歐盟新披露了2015年至2020年強化打擊犯罪的計劃。"
		"同月,俄羅斯與中國簽署了協議。“廈門-2015”演習舉行。 12月1日,郭聲琨與林奇共同主持對話。",
		NULL,
	};
	static const char *const langs[] = { "en", "en", "zh-Hant", "zh-Hant" };
	struct collection c;
	collection_init(&c);
	add_article(&c, "004", NODATE, paras, langs);
	struct event_list *ev = events_derive(&c);
	char *got = summary(ev, &c, false);
	tap_str_eq(got,
		   "2013-10 en p0 | 2013-10 zh-Hant p2 | 2014-04 en p0 | 2014-04~ en p0 | "
		   "2014-04 zh-Hant p2 | 2014-04~ zh-Hant p2 | 2014-10~ en p1 | "
		   "2014-10~ zh-Hant p3 | 2015-05~ en p1 | 2015-05~ en p1 | "
		   "2015-05~ zh-Hant p3 | 2015-05~ zh-Hant p3 | 2015-12-01~ en p1 | "
		   "2015-12-01~ zh-Hant p3",
		   "a chronological account: years carried across paragraphs, the month going "
		   "back moves to the next year, ranges and names make no event");
	free(got);
	/* Translations share a group; the k-th of a date goes with the k-th. */
	const struct event *brazil = find_event(ev, "April 2014"),
			   *brazil_zh = find_event(ev, "2014年4月"),
			   *japan = find_event(ev, "In the same month, Japan"),
			   *japan_zh = find_event(ev, "同月,日美"),
			   *russia = find_event(ev, "In the same month, Russia"),
			   *russia_zh = find_event(ev, "同月,俄羅斯"),
			   *may = find_event(ev, "In May"), *may_zh = find_event(ev, "5月");
	tap_ok(brazil && brazil_zh && brazil->group == brazil_zh->group,
	       "the English and Chinese accounts of April 2014 are one group");
	tap_ok(japan && japan_zh && japan->group == japan_zh->group && japan->group != brazil->group,
	       "the same month in both languages is one group, not the April one");
	tap_ok(russia && russia_zh && may && may_zh && russia->group == russia_zh->group &&
	       may->group == may_zh->group && may->group != russia->group,
	       "May 2015: two happenings, two groups, each in both languages");
	/* Groups are numbered in time. */
	bool ordered = ev->n > 0 && ev->v[0].group == 1;
	int top = 0;
	for (size_t i = 0; i < ev->n; i++) {
		if (ev->v[i].group > top + 1)
			ordered = false;
		if (ev->v[i].group > top)
			top = ev->v[i].group;
	}
	tap_ok(ordered, "group ids are 1, 2, ... in chronological order");
	tap_int_eq(top, 7, "seven happenings in all");
	/* The expression's bytes and the sentence that carries it. */
	tap_ok(may && strncmp(c.items[0].paras[1].text + may->start, "May", may->len) == 0 &&
	       may->len == 3, "an event points at its date expression");
	tap_str_eq(may ? may->text : NULL,
		   "In May, the new EU disclosed 2015-2020 to strengthen the fight against crime.",
		   "an event carries its sentence");
	tap_str_eq(may_zh ? may_zh->text : NULL, "5月,歐盟新披露了2015年至2020年強化打擊犯罪的計劃。",
		   "and in Chinese");
	tap_int_eq((long long)events_year_start(ev, 2015), 8, "2015 starts at the ninth event");
	tap_int_eq((long long)events_year_start(ev, 2013), 0, "2013 at the first");
	tap_int_eq((long long)events_year_start(ev, 2030), (long long)ev->n, "2030 at the end");
	events_free(ev);
	collection_free(&c);
}

static void test_datelines_and_weekdays(void)
{
	static const char *const paras[] = {
		"Source: Xinhua| 2019-10-24 19:38:01|Editor: Yurou",
		"HANGZHOU, Oct. 24 (Xinhua) -- Experts have called for joint efforts.",
		"At the sixth World Internet Conference (WIC) which closed Tuesday in Wuzhen, "
		"leaders met.",
		"\"Faced with new challenges,\" said Shang Bing at a WIC forum on Monday.",
		"In recent years, the digital economy has grown.",
		NULL,
	};
	static const char *const langs[] = { "en", "en", "en", "en", "en" };
	struct collection c;
	collection_init(&c);
	add_article(&c, "003", (struct adate){ 2019, 10, 24, DATE_DAY, false }, paras, langs);
	/* The same text with no date known: the dateline paragraph dates it. */
	add_article(&c, "003b", NODATE, paras, langs);
	struct event_list *ev = events_derive(&c);
	char *got = summary(ev, &c, true);
	tap_str_eq(got,
		   "003 2019-10-21~ en p3 | 003b 2019-10-21~ en p3 | 003 2019-10-22~ en p2 | "
		   "003b 2019-10-22~ en p2",
		   "datelines are no events; weekdays resolve to the days before the dateline");
	free(got);
	tap_ok(ev->n == 4 && ev->v[0].group == ev->v[1].group && ev->v[2].group == ev->v[3].group &&
	       ev->v[0].group != ev->v[2].group, "the same report in two articles is one group");
	events_free(ev);
	collection_free(&c);
}

/* Reuters separates its dateline with a spaced hyphen, in every language. */
static void test_reuters_datelines(void)
{
	static const char *const paras[] = {
		"WASHINGTON, June 13 (Reuters) - The government presented its plan.",
		"PARIS, 13 juin (Reuters) - Le gouvernement a présenté son plan.",
		"The plan was welcomed on Tuesday.",
		NULL,
	};
	static const char *const langs[] = { "en", "fr", "en" };
	struct collection c;
	collection_init(&c);
	add_article(&c, "r", (struct adate){ 2019, 6, 13, DATE_DAY, false }, paras, langs);
	struct event_list *ev = events_derive(&c);
	char *got = summary(ev, &c, true);
	tap_str_eq(got, "r 2019-06-11~ en p2", "a Reuters dateline is no event");
	free(got);
	events_free(ev);
	collection_free(&c);
}

static void test_year_mentions(void)
{
	static const char *const paras[] = {
		"On November 3, 2021, the 2021 CNCERT International Partner Conference was held "
		"online. More than 30 representatives from 17 organizations attended.",
		"This conference was held in the form of video this year.",
		NULL,
	};
	static const char *const langs[] = { "en", "en" };
	static const char *const zh[] = {
		"2022年12月14日，由国家计算机网络应急技术处理协调中心主办的2022年CNCERT"
		"国际合作伙伴视频会议在线上成功举办。",
		"卡巴斯基以“2022年工业网络安全面临的挑战”为题，分享了2022年工业网络安全攻击数据。",
		"此次会议是CNCERT国际合作论坛机制下的第六届会议。",
		NULL,
	};
	static const char *const zhl[] = { "zh-Hans", "zh-Hans", "zh-Hans" };
	static const char *const fr[] = {
		"nouvelles",
		"2024-09-12",
		"le 11 septembre 2024, le porte-parole, mao ning, a tenu une conférence de presse. "
		"cette semaine coïncide avec la semaine de la cybersécurité en 2024.",
		NULL,
	};
	static const char *const frl[] = { "fr", "fr", "fr" };
	struct collection c;
	collection_init(&c);
	add_article(&c, "000", NODATE, paras, langs);
	add_article(&c, "001", (struct adate){ 2022, 12, 22, DATE_DAY, false }, zh, zhl);
	add_article(&c, "002", NODATE, fr, frl);
	struct event_list *ev = events_derive(&c);
	char *got = summary(ev, &c, true);
	/* The 2021 of "the 2021 ... Conference" beside its full date is no event;
	 * the year that names a topic and data (2022年工业网络安全) dates them,
	 * once for the sentence; "en 2024" goes with "cette semaine", the week
	 * of the dateline, which is the event. */
	tap_str_eq(got, "000 2021-11-03 en p0 | 001 2022 zh-Hans p1 | 001 2022-12-14 zh-Hans p0 | "
		   "002 2024-09-09~ fr p2 | 002 2024-09-11 fr p2",
		   "a year beside a finer date of that year makes no event; a year naming a thing does");
	free(got);
	const struct event *conf = find_event(ev, "On November 3");
	tap_str_eq(conf ? conf->text : NULL,
		   "On November 3, 2021, the 2021 CNCERT International Partner Conference was "
		   "held online.", "the sentence, not the paragraph");
	events_free(ev);
	collection_free(&c);
}

static void test_groups_across_articles(void)
{
	static const char *const a[] = { "On May 3, 2019, ICANN met in Montevideo.", NULL };
	static const char *const b[] = { "2019年5月3日，ICANN在蒙得维的亚开会。", NULL };
	static const char *const cc[] = { "On May 3, 2019, farmers harvested 300 tonnes.", NULL };
	static const char *const d[] = { "In May 2019, ICANN met in Montevideo, Uruguay.", NULL };
	static const char *const e[] = { "On May 4, 2019, ICANN met again.", NULL };
	static const char *const f[] = { "On May 3, 2019, Montevideo elected a mayor.", NULL };
	static const char *const en[] = { "en" }, *const zh[] = { "zh-Hans" };
	struct collection c;
	collection_init(&c);
	add_article(&c, "a", NODATE, a, en);
	add_article(&c, "b", NODATE, b, zh);
	add_article(&c, "c", NODATE, cc, en);
	add_article(&c, "d", NODATE, d, en);
	add_article(&c, "e", NODATE, e, en);
	add_article(&c, "f", NODATE, f, en);
	struct event_list *ev = events_derive(&c);
	const struct event *ea = find_event(ev, "On May 3, 2019, ICANN"),
			   *eb = find_event(ev, "2019年5月3日"), *ec = find_event(ev, "On May 3, 2019, f"),
			   *ed = find_event(ev, "In May 2019"), *ee = find_event(ev, "On May 4");
	tap_ok(ea && eb && ea->group == eb->group,
	       "the same day and an acronym in two languages: one group");
	tap_ok(ec && ec->group != ea->group, "the same day without a shared anchor: apart");
	tap_ok(ed && ed->group == ea->group,
	       "May 2019 with two shared names (ICANN, Montevideo) joins at month precision");
	tap_ok(ee && ee->group != ea->group, "another day is another happening");
	const struct event *ef = find_event(ev, "On May 3, 2019, Montevideo");
	tap_ok(ef && ef->group != ea->group,
	       "one shared name within one language is not enough");
	tap_int_eq(ed ? ed->group : -1, 1, "the month sorts first and numbers the group");
	events_free(ev);
	collection_free(&c);
}

/* "The next day", "le lendemain", 次日: the day after the narrative's last,
 * which then carries the narrative on; the three accounts group on the 60. */
static void test_day_offsets(void)
{
	static const char *const en[] = {
		"On February 28, 2024, leaders met in Paris. The next day, 60 countries signed a "
		"declaration.", "The day before, officials had prepared the text.", NULL };
	static const char *const fr[] = {
		"Le 28 février 2024, les dirigeants se sont réunis à Paris. Le lendemain, une "
		"déclaration a été signée par 60 pays.", NULL };
	static const char *const zh[] = {
		"2024年2月28日，各国领导人在巴黎举行会议。次日，60个国家签署了一份宣言。", NULL };
	static const char *const en_l[] = { "en", "en" }, *const fr_l[] = { "fr" },
				*const zh_l[] = { "zh-Hans" };
	struct collection c;
	collection_init(&c);
	add_article(&c, "en", NODATE, en, en_l);
	add_article(&c, "fr", NODATE, fr, fr_l);
	add_article(&c, "zh", NODATE, zh, zh_l);
	struct event_list *ev = events_derive(&c);
	char *s = summary(ev, &c, true);
	tap_str_eq(s, "en 2024-02-28 en p0 | en 2024-02-28~ en p1 | fr 2024-02-28 fr p0 | "
		      "zh 2024-02-28 zh-Hans p0 | en 2024-02-29~ en p0 | fr 2024-02-29~ fr p0 | "
		      "zh 2024-02-29~ zh-Hans p0",
		   "the day after in each language (a leap day), and the day before that");
	free(s);
	const struct event *e1 = find_event(ev, "The next day"), *e2 = find_event(ev, "Le lendemain"),
			   *e3 = find_event(ev, "次日");
	tap_ok(e1 && e2 && e3 && e1->group == e2->group && e2->group == e3->group,
	       "the next day in three languages, sharing 60: one group");
	events_free(ev);
	collection_free(&c);
}

static void test_summary(void)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "2019年10月,");
	for (int i = 0; i < 2000; i++)
		buf_adds(&b, "網");
	buf_adds(&b, "。");
	char *zh = buf_take(&b);
	buf_adds(&b, "On May 3, 2019, the\n   meeting");
	for (int i = 0; i < 60; i++)
		buf_adds(&b, " went on");
	buf_adds(&b, ".");
	char *en = buf_take(&b);
	const char *const p1[] = { zh, NULL }, *const p2[] = { en, NULL };
	const char *const l1[] = { "zh-Hant" }, *const l2[] = { "en" };
	struct collection c;
	collection_init(&c);
	add_article(&c, "zh", NODATE, p1, l1);
	add_article(&c, "en", NODATE, p2, l2);
	struct event_list *ev = events_derive(&c);
	tap_int_eq((long long)ev->n, 2, "two long sentences, two events");
	for (size_t i = 0; i < ev->n; i++) {
		const char *t = ev->v[i].text;
		tap_ok(strchr(t, '\n') == NULL && strstr(t, "  ") == NULL, "a sentence of %zu bytes on one line",
		       strlen(t));
	}
	/* A sentence is kept whole (JSON never cuts it; the panes cut to their
	 * width); only a run that no boundary ends for 4 KiB is cut. */
	const struct event *en_ev = find_event(ev, "On May 3, 2019");
	tap_ok(en_ev && strlen(en_ev->text) == strlen("On May 3, 2019, the meeting") + 60 * strlen(" went on") + 1 &&
	       strstr(en_ev->text, "…") == NULL, "a sentence of 500 bytes is kept whole");
	const struct event *z = find_event(ev, "2019年10月");
	size_t zn = z ? strlen(z->text) : 0;
	tap_ok(z && zn <= 4096 && zn > 4000 && strcmp(z->text + zn - 3, "…") == 0,
	       "a run of 6,000 bytes with no sentence end is cut at 4 KiB with …");
	tap_ok(z && (zn - strlen("2019年10月,") - 3) % 3 == 0,
	       "and cut between characters");
	events_free(ev);
	collection_free(&c);
	free(zh);
	free(en);
}

static void test_empty(void)
{
	struct collection c;
	collection_init(&c);
	struct event_list *ev = events_derive(&c);
	tap_ok(ev && ev->n == 0, "no articles, no events");
	tap_int_eq((long long)events_year_start(ev, 2000), 0, "and the year start is 0");
	events_free(ev);
	events_free(NULL);
	collection_free(&c);
}

static void test_backstory(void)
{
	/* A report's backstory of the last year or two is no history: a month
	 * without a year after it is the dateline's. A history decades back
	 * still carries its year on. */
	static const char *const paras[] = {
		"The dock strike of August 2018 closed the port for a month.",
		"Dockers walked out again on Oct. 3 after pay talks failed.",
		NULL,
	};
	static const char *const hist[] = {
		"The harbour was dredged in May 1994.",
		"Its new quay opened on Oct. 3 with a brass band.",
		NULL,
	};
	static const char *const langs[] = { "en", "en" };
	struct collection c;
	collection_init(&c);
	add_article(&c, "port", (struct adate){ 2019, 10, 24, DATE_DAY, false }, paras, langs);
	add_article(&c, "quay", (struct adate){ 2019, 10, 24, DATE_DAY, false }, hist, langs);
	struct event_list *ev = events_derive(&c);
	char *got = summary(ev, &c, true);
	tap_str_eq(got, "quay 1994-05 en p0 | quay 1994-10-03~ en p1 | port 2018-08 en p0 | "
			"port 2019-10-03~ en p1",
		   "a month after a recent backstory is the dateline's; after a history, the history's");
	free(got);
	events_free(ev);
	collection_free(&c);
}

/* A place to keep what each article gave that counts its calls; the body
 * callback raises stop at the stop_at-th article read (0: never). */
struct stop_keep {
	atomic_bool stop;
	size_t bodies, puts, stop_at;
};

static void *stop_get(void *arg, size_t article, size_t *len)
{
	(void)arg;
	(void)article;
	*len = 0;
	return NULL;
}

static void stop_put(void *arg, size_t article, const void *bytes, size_t len)
{
	(void)article;
	(void)bytes;
	(void)len;
	((struct stop_keep *)arg)->puts++;
}

static void stop_body(void *arg, size_t article)
{
	struct stop_keep *k = arg;
	(void)article;
	if (++k->bodies == k->stop_at)
		atomic_store(&k->stop, true);
}

static size_t stop_run(const struct collection *c, size_t stop_at, bool stopped, struct stop_keep *k)
{
	memset(k, 0, sizeof *k);
	atomic_init(&k->stop, stopped);
	k->stop_at = stop_at;
	struct events_keep keep = { .get = stop_get, .put = stop_put, .body = stop_body, .arg = k,
				    .stop = &k->stop };
	struct event_list *ev = events_derive_kept(c, 1, &keep, NULL);
	size_t n = ev->n;
	events_free(ev);
	return n;
}

static void test_stop(void)
{
	static const char *const a[] = { "On May 3, 2019, ICANN met in Montevideo.", NULL };
	static const char *const en[] = { "en" };
	struct collection c;
	collection_init(&c);
	for (int i = 0; i < 6; i++) {
		char id[8];
		snprintf(id, sizeof id, "s%d", i);
		add_article(&c, id, NODATE, a, en);
	}
	struct stop_keep k;
	tap_ok(stop_run(&c, 0, false, &k) == 6 && k.bodies == 6 && k.puts == 6,
	       "keep with a stop never raised: every article read, derived and kept");
	tap_ok(stop_run(&c, 0, true, &k) == 0 && k.bodies == 0 && k.puts == 0,
	       "stop raised before: nothing read, nothing kept, no events");
	tap_ok(stop_run(&c, 2, false, &k) == 0 && k.bodies == 2 && k.puts == 0,
	       "stop raised while the bodies are read: no more read, none derived, no events");
	collection_free(&c);
}

int main(void)
{
	test_chronological_account();
	test_datelines_and_weekdays();
	test_reuters_datelines();
	test_backstory();
	test_year_mentions();
	test_groups_across_articles();
	test_day_offsets();
	test_summary();
	test_empty();
	test_stop();
	return tap_done();
}
