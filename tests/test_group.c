/* test_group.c: one happening, one group, on a collection of our own in three
 * languages (tests/fixtures/group): an article about harbour works in English,
 * French and Chinese, the Chinese sharing no Latin token with the others, so
 * that only names read across scripts and the alignment can join them; two
 * unrelated events of October 2013 that must stay apart from each other and
 * from the harbour's; a museum reopening told in English and in French
 * (Lisbon, Lisbonne). Prints how many translated happenings were grouped and
 * how many groups were wrong. Then a bilingual article, on its own. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "events_int.h"
#include "ingest.h"
#include "tap.h"
#include "xalloc.h"

static const struct event *find(const struct event_list *ev, const char *prefix)
{
	for (size_t i = 0; i < ev->n; i++)
		if (strncmp(ev->v[i].text, prefix, strlen(prefix)) == 0)
			return &ev->v[i];
	return NULL;
}

/* Each happening: the opening of its report in each language. */
static const char *const happenings[][3] = {
	{ "The harbour works in Xiamen", "Les travaux du port de Xiamen", "厦门港口工程" },
	{ "On 12 May 2013, Guo Shengkun", "Le 12 mai 2013, Guo Shengkun", "2013年5月12日，郭声琨" },
	{ "In October 2013, a delegation", "En octobre 2013, une délégation", "2013年10月，一个来自柏林" },
	{ "The last crane", "La dernière grue", "2013年11月15日，最后一台" },
	{ "On 3 December 2013", "Le 3 décembre 2013", "2013年12月3日" },
	{ "Experts from Vienna", "Des experts de Vienne", "维也纳的专家" },
	{ "On 20 November 2013, the old museum", "Le 20 novembre 2013, le vieux musée", NULL },
};
#define NHAPPENINGS (sizeof happenings / sizeof *happenings)

static void read_fixture(struct collection *col)
{
	const char *fixtures = getenv("FIXTURES");
	char *path = xasprintf("%s/group", fixtures ? fixtures : ANNALS_SRCDATADIR "/../tests/fixtures");
	collection_init(col);
	struct ingest *in = ingest_new(ANNALS_SRCDATADIR, col);
	tap_int_eq(ingest_path(in, path, col), 0, "the group fixtures read");
	ingest_free(in);
	free(path);
	collection_sort(col);
}

static void test_fixture(void)
{
	struct collection col;
	read_fixture(&col);
	struct event_list *ev = events_derive(&col);

	size_t grouped = 0, wrong = 0;
	int groups[NHAPPENINGS];
	for (size_t h = 0; h < NHAPPENINGS; h++) {
		const struct event *first = find(ev, happenings[h][0]);
		bool all = first != NULL;
		for (size_t l = 1; l < 3 && all; l++) {
			if (!happenings[h][l])
				continue;
			const struct event *e = find(ev, happenings[h][l]);
			all = e && e->group == first->group;
		}
		grouped += all;
		groups[h] = first ? first->group : -1;
		tap_ok(all, "one happening in every language: %s", happenings[h][0]);
	}
	/* Nothing else in the groups, and no two happenings in one. */
	for (size_t h = 0; h < NHAPPENINGS; h++) {
		size_t members = 0, want = happenings[h][2] ? 3 : 2;
		for (size_t i = 0; i < ev->n; i++)
			members += ev->v[i].group == groups[h];
		wrong += members > want;
		tap_int_eq((long long)members, (long long)want, "and nothing else in its group");
	}
	const struct event *bridge = find(ev, "In October 2013, a new footbridge"),
			   *marathon = find(ev, "2013年10月，深圳"),
			   *berlin = find(ev, "In October 2013, a delegation");
	tap_ok(bridge && marathon && berlin, "the three events of October 2013 are found");
	if (bridge && marathon && berlin) {
		bool apart = bridge->group != marathon->group && bridge->group != berlin->group &&
			     marathon->group != berlin->group;
		wrong += !apart;
		tap_ok(apart, "unrelated events of one month stay apart");
	}
	tap_diag("translated happenings grouped: %zu of %zu; wrong merges: %zu", grouped,
		 (size_t)NHAPPENINGS, wrong);
	int max = 0;
	for (size_t i = 0; i < ev->n; i++)
		max = ev->v[i].group > max ? ev->v[i].group : max;
	tap_int_eq(max, (int)NHAPPENINGS + 2, "nine happenings in all");
	events_free(ev);
	collection_free(&col);
}

/* One article holding its story in English and in Chinese: paragraphs of each
 * language, names only in Han characters on one side. */
static void test_bilingual_article(void)
{
	struct collection c;
	collection_init(&c);
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup("bi");
	a.title = xstrdup("bi");
	const char *const paras[][2] = {
		{ "en", "On 2 June 2016, the mayor of Shenzhen opened a new library." },
		{ "en", "In September 2016, readers from Vienna visited it." },
		{ "en", "The library lent its first rare book on 30 November 2016." },
		{ "zh-Hans", "2016年6月2日，深圳市长为一座新图书馆揭幕。" },
		{ "zh-Hans", "2016年9月，来自维也纳的读者参观了这座图书馆。" },
		{ "zh-Hans", "2016年11月30日，图书馆借出了第一本珍本书。" },
	};
	for (size_t i = 0; i < sizeof paras / sizeof *paras; i++)
		article_add_para(&a, paras[i][1], strlen(paras[i][1]), paras[i][0], PARA_TEXT);
	article_update_langs(&a);
	collection_add(&c, &a);
	struct event_list *ev = events_derive(&c);
	tap_int_eq((long long)ev->n, 6, "six events in the bilingual article");
	const char *const pairs[][2] = {
		{ "On 2 June 2016", "2016年6月2日" },
		{ "In September 2016", "2016年9月" },
		{ "The library lent", "2016年11月30日" },
	};
	for (size_t k = 0; k < 3; k++) {
		const struct event *e = find(ev, pairs[k][0]), *f = find(ev, pairs[k][1]);
		tap_ok(e && f && e->group == f->group, "bilingual: %s", pairs[k][0]);
	}
	const struct event *x = find(ev, "On 2 June"), *y = find(ev, "In September");
	tap_ok(x && y && x->group != y->group, "bilingual: two happenings stay two");
	events_free(ev);
	collection_free(&c);
}

static void add(struct collection *c, const char *id, const char *lang,
		const char *const *paras)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xstrdup(id);
	for (size_t i = 0; paras[i]; i++)
		article_add_para(&a, paras[i], strlen(paras[i]), lang, PARA_TEXT);
	article_update_langs(&a);
	collection_add(c, &a);
}

/* Articles in two languages that give the same three days and nothing else
 * alike: days shared are no reason to join anything. */
static void test_same_days(void)
{
	static const char *const storm[] = {
		"On 2 March 2015, a storm hit the coast and closed the port.",
		"On 9 April 2015, voters chose a new council for the district.",
		"On 30 May 2015, an old bridge over the canal collapsed.", NULL,
	};
	static const char *const market[] = {
		"2015年3月2日，股市大幅上涨。", "2015年4月9日，一家纺织厂宣布关闭。",
		"2015年5月30日，音乐节在公园开幕。", NULL,
	};
	struct collection c;
	collection_init(&c);
	add(&c, "storm", "en", storm);
	add(&c, "market", "zh-Hans", market);
	struct event_list *ev = events_derive(&c);
	tap_int_eq((long long)ev->n, 6, "six events on three days");
	int max = 0;
	for (size_t i = 0; i < ev->n; i++)
		max = ev->v[i].group > max ? ev->v[i].group : max;
	tap_int_eq(max, 6, "unrelated articles sharing three days: six happenings");
	events_free(ev);
	collection_free(&c);
}


/* A month's name is no name: "December" sounds like 的一场罢 (T S N P), and an
 * English report of one day would join a Chinese one of that day through it. */
static void test_month_no_name(void)
{
	static const char *const shares[] = {
		"On 2 December 2019, shares in Germany fell after weak factory orders.", NULL,
	};
	static const char *const strike_en[] = {
		"A strike in Germany stopped the trains for three days on 2 December 2019.", NULL,
	};
	static const char *const strike_zh[] = {
		"2019年12月2日，德国的一场罢工使列车停运了三天。", NULL,
	};
	struct collection c;
	collection_init(&c);
	add(&c, "shares", "en", shares);
	add(&c, "strike.en", "en", strike_en);
	add(&c, "strike.zh", "zh-Hans", strike_zh);
	struct event_list *ev = events_derive(&c);
	const struct event *a = find(ev, "On 2 December"), *z = find(ev, "2019年12月2日");
	tap_ok(a && z && a->group != z->group, "a month named is no name to match across scripts");
	events_free(ev);
	collection_free(&c);
}

/* Versions of one account in two articles that share no name the readings
 * find (東京 is not read Tokyo): their dates agree, one by one, and their
 * words do; the aligner pairs their sentences. Beside them, a Chinese article
 * of the same three dates about something else, a report of the same month,
 * and one of the same day: all apart. */
static void test_versions_by_dates(void)
{
	static const char *const en[] = {
		"On 12 October 2019, a typhoon reached Tokyo and cut power to thousands of homes.",
		"Rivers north of the city burst their banks the same night.",
		"In November 2019, Japan asked the United States to lend pumps and engineers.",
		"The government announced a plan to rebuild the river walls on 20 December 2019.",
		NULL,
	};
	static const char *const zh[] = {
		"2019年10月12日，颱風抵達東京，導致數千戶家庭停電。",
		"當晚，城市北部的河流決堤。",
		"2019年11月，日本請求美國提供水泵和工程師。",
		"2019年12月20日，政府宣佈了重建河堤的計劃。",
		NULL,
	};
	static const char *const other[] = {
		"2019年10月12日，东京的一家旧书店举办了第一次读书会。",
		"2019年11月，书店邀请了一位美国作家来谈她的小说。",
		"2019年12月20日，店主宣布书店将搬到更大的地方。",
		NULL,
	};
	static const char *const month[] = {
		"In November 2019, a new ferry line opened on the lake.", NULL,
	};
	struct collection c;
	collection_init(&c);
	add(&c, "typhoon.en", "en", en);
	add(&c, "typhoon.zh", "zh-Hant", zh);
	add(&c, "bookshop", "zh-Hans", other);
	add(&c, "ferry", "en", month);
	struct event_list *ev = events_derive(&c);
	const char *const pairs[][2] = {
		{ "On 12 October 2019", "2019年10月12日，颱風" },
		{ "In November 2019, Japan", "2019年11月，日本" },
		{ "The government announced", "2019年12月20日，政府" },
	};
	for (size_t k = 0; k < 3; k++) {
		const struct event *e = find(ev, pairs[k][0]), *f = find(ev, pairs[k][1]);
		tap_ok(e && f && e->group == f->group, "versions by their dates: %s", pairs[k][0]);
	}
	const char *const apart[] = { "2019年10月12日，东京", "2019年11月，书店", "2019年12月20日，店主",
				      "In November 2019, a new ferry" };
	for (size_t k = 0; k < 4; k++) {
		const struct event *x = find(ev, apart[k]);
		size_t with = 0;
		for (size_t i = 0; x && i < ev->n; i++)
			with += ev->v[i].group == x->group;
		tap_ok(x && with == 1, "the same dates, another story: apart: %s", apart[k]);
	}
	events_free(ev);
	collection_free(&c);
}

/* Two happenings of one year, which the Chinese joins in one sentence with
 * "；": in the bead that holds them all, the first goes with the first. */
static void test_bead_in_order(void)
{
	static const char *const en[] = {
		"Work on the canal began in April 1859 at Port Said.",
		"In 1863, the company turned to steam dredgers. In the same year, a fresh-water channel reached Ismailia.",
		"The canal opened on 17 November 1869, and the empress of France sailed through first.",
		NULL,
	};
	static const char *const zh[] = {
		"1859年4月，运河工程在塞得港动工。",
		"1863年，公司改用蒸汽挖泥船；同年，一条淡水渠通到了伊斯梅利亚。",
		"1869年11月17日，运河通航，法国皇后第一个乘船通过。",
		NULL,
	};
	struct collection c;
	collection_init(&c);
	add(&c, "canal.en", "en", en);
	add(&c, "canal.zh", "zh-Hans", zh);
	struct event_list *ev = events_derive(&c);
	const struct event *a1 = find(ev, "In 1863"), *a2 = find(ev, "In the same year"),
			   *z1 = find(ev, "1863年"), *z2 = find(ev, "同年");
	tap_ok(a1 && a2 && z1 && z2 && a1->group == z1->group && a2->group == z2->group &&
	       a1->group != a2->group, "two happenings of one year in one bead: in order");
	events_free(ev);
	collection_free(&c);
}

/* The words of sentences paired by their dates (events_words.c). */
static void test_words_agree(void)
{
	const char *const en[] = {
		"On 16 July 1969, three astronauts lifted off from Florida.",
		"On 20 July 1969, Armstrong stepped onto the Moon.",
		"The crew came back to Earth on 24 July 1969 and landed in the Pacific.",
	};
	const char *const zh[] = {
		"1969年7月16日，三名太空人從佛羅里達升空。",
		"1969年7月20日，阿姆斯壯踏上了月球。",
		"1969年7月24日，機組人員返回地球，降落在太平洋。",
	};
	const char *const fr[] = {
		"Le 16 juillet 1969, trois astronautes ont décollé de Floride.",
		"Le 20 juillet 1969, Armstrong a posé le pied sur la Lune.",
		"L'équipage est revenu sur Terre le 24 juillet 1969 et s'est posé dans le Pacifique.",
	};
	const char *const market[] = {
		"1969年7月16日，股市大幅上涨。",
		"1969年7月20日，一家纺织厂宣布关闭。",
		"1969年7月24日，音乐节在公园开幕。",
	};
	const char *const hans[] = {
		"1969年7月16日，三名太空人从佛罗里达升空。",
		"1969年7月20日，阿姆斯壮踏上了月球。",
		"1969年7月24日，机组人员返回地球，降落在太平洋。",
	};
	const char *const near[] = {
		"1969年7月16日，佛罗里达的一家书店请来了三名作家。",
		"1969年7月20日，书店的人在电视上看月球。",
		"1969年7月24日，书店关门休息。",
	};
	tap_ok(events_words_agree(NULL, "en", "zh-Hant", en, zh, 3), "words: English and Chinese versions");
	tap_ok(events_words_agree(NULL, "en", "fr", en, fr, 3), "words: English and French versions");
	tap_ok(events_words_agree(NULL, "zh-Hans", "zh-Hant", hans, zh, 3),
	       "words: simplified and traditional forms of one text");
	tap_ok(!events_words_agree(NULL, "en", "zh-Hans", en, market, 3),
	       "words: the same dates, nothing else alike");
	tap_ok(!events_words_agree(NULL, "zh-Hans", "zh-Hant", near, zh, 3),
	       "words: two Chinese scripts, the same dates and names, other stories");
	tap_ok(!events_words_agree(NULL, "en", "zh-Hant", en + 1, zh, 2),
	       "words: versions paired out of order");
	/* One pair: two known words each side, numbers and dates left out. */
	tap_ok(events_words_agree(NULL, "en", "zh-Hant", en, zh, 1),
	       "words: one translated pair, three astronauts lifting off");
	const char *const stalls = "On 14 June 2018, a fire destroyed 20 stalls at the covered market.";
	const char *const choir = "Le 14 juin 2018, une chorale de 20 enfants a chanté à l'hôpital.";
	const char *const willows = "2018年6月14日，20名志愿者在河边种下了一排柳树。";
	tap_ok(!events_words_agree(NULL, "en", "fr", &stalls, &choir, 1),
	       "words: one pair sharing a number, a day and the word \"a\" says too little");
	tap_ok(!events_words_agree(NULL, "en", "zh-Hans", &stalls, &willows, 1),
	       "words: one pair sharing a number and a day, nothing else");
}

/* Two reports in one language of one day that name the same two countries:
 * one happening when they say what happened in the same words, two when not. */
static void test_one_language_words(void)
{
	static const char *const deal[] = {
		"On 3 May 2021, France and Korea signed a trade deal in Seoul.", NULL,
	};
	static const char *const again[] = {
		"Korea and France signed a trade agreement in Seoul on 3 May 2021.", NULL,
	};
	static const char *const talks[] = {
		"On 3 May 2021, the president of France met visitors from Korea in Paris.", NULL,
	};
	struct collection c;
	collection_init(&c);
	add(&c, "deal", "en", deal);
	add(&c, "again", "en", again);
	add(&c, "talks", "en", talks);
	struct event_list *ev = events_derive(&c);
	const struct event *a = find(ev, "On 3 May 2021, France"), *b = find(ev, "Korea and France"),
			   *t = find(ev, "On 3 May 2021, the president");
	tap_ok(a && b && a->group == b->group, "one language: the same names and words, one happening");
	tap_ok(a && t && a->group != t->group, "one language: the same names, other words, two");
	events_free(ev);
	collection_free(&c);

	tap_ok(events_words_common("France and Korea signed a trade deal.",
				   "Korea and France signed an agreement.", "en"), "common word: signed");
	tap_ok(!events_words_common("France and Korea signed a deal.",
				    "France met Korea.", "en"), "common word: names are not words");
	tap_ok(!events_words_common("Le 2 décembre 2019, la neige est tombée.",
				    "Le 2 décembre 2019, une grève a commencé.", "fr"),
	       "common word: a month is no word");
	tap_ok(events_words_common("2019年12月2日，德国的一场罢工使列车停运。",
				   "2019年12月2日，罢工还在继续。", "zh-Hans"), "common word: 罢工 in Han text");
	tap_ok(!events_words_common("2019年12月2日，股市下跌。", "2019年12月2日，下雪了。", "zh-Hans"),
	       "common word: a date in Han text is no word");
}

/* An index in memory for events_derive_kept: what each article gave, what
 * each pair of texts aligned told, and how often each was asked for. */
struct mem_pair {
	size_t a, b;
	char la[16], lb[16];
	bool words;
	unsigned char *bytes;
	size_t len;
};

struct mem_keep {
	unsigned char *art[16];
	size_t artlen[16];
	struct mem_pair pair[64];
	size_t npairs, pair_hits, pair_puts, bodies;
};

static void *mem_get(void *arg, size_t article, size_t *len)
{
	struct mem_keep *k = arg;
	if (article >= 16 || !k->art[article])
		return NULL;
	*len = k->artlen[article];
	return memcpy(xmalloc(*len), k->art[article], *len);
}

static void mem_put(void *arg, size_t article, const void *bytes, size_t len)
{
	struct mem_keep *k = arg;
	if (article >= 16)
		return;
	free(k->art[article]);
	k->art[article] = memcpy(xmalloc(len), bytes, len);
	k->artlen[article] = len;
}

static void mem_body(void *arg, size_t article)
{
	(void)article;
	((struct mem_keep *)arg)->bodies++;
}

static struct mem_pair *mem_pair_find(struct mem_keep *k, size_t a, size_t b, const char *la,
				      const char *lb, bool words)
{
	for (size_t i = 0; i < k->npairs; i++) {
		struct mem_pair *p = &k->pair[i];
		if (p->a == a && p->b == b && strcmp(p->la, la) == 0 && strcmp(p->lb, lb) == 0 &&
		    p->words == words)
			return p;
	}
	return NULL;
}

static void *mem_pair_get(void *arg, size_t a, size_t b, const char *la, const char *lb, bool words,
			  size_t *len)
{
	struct mem_keep *k = arg;
	struct mem_pair *p = mem_pair_find(k, a, b, la, lb, words);
	if (!p)
		return NULL;
	k->pair_hits++;
	*len = p->len;
	return memcpy(xmalloc(p->len), p->bytes, p->len);
}

static void mem_pair_put(void *arg, size_t a, size_t b, const char *la, const char *lb, bool words,
			 const void *bytes, size_t len)
{
	struct mem_keep *k = arg;
	struct mem_pair *p = mem_pair_find(k, a, b, la, lb, words);
	k->pair_puts++;
	if (!p && k->npairs < 64) {
		p = &k->pair[k->npairs++];
		*p = (struct mem_pair){ a, b, "", "", words, NULL, 0 };
		snprintf(p->la, sizeof p->la, "%s", la);
		snprintf(p->lb, sizeof p->lb, "%s", lb);
	}
	if (p) {
		free(p->bytes);
		p->bytes = memcpy(xmalloc(len), bytes, len);
		p->len = len;
	}
}

/* Each event's article and group, as one string (malloc'd); frees ev. */
static char *groups_of(struct event_list *ev)
{
	size_t cap = 24 * (ev->n + 1), n = 0;
	char *out = xmalloc(cap);
	out[0] = '\0';
	for (size_t i = 0; i < ev->n; i++)
		n += (size_t)snprintf(out + n, cap - n, "%u:%d ", (unsigned)ev->v[i].article,
				      ev->v[i].group);
	events_free(ev);
	return out;
}

/* The groups of col's events, derived with k. */
static char *kept_groups(const struct collection *col, struct mem_keep *k)
{
	struct events_keep keep = { .get = mem_get, .put = mem_put, .body = mem_body,
				    .pair_get = mem_pair_get, .pair_put = mem_pair_put, .arg = k };
	k->pair_hits = k->pair_puts = k->bodies = 0;
	return groups_of(events_derive_kept(col, 1, &keep, NULL));
}

/* What aligning two articles told the grouping is kept, and used as it is
 * while they do not change: the same groups, no alignment made again, no
 * article read; bytes that do not fit are aligned again. */
static void test_kept_pairs(void)
{
	struct collection col;
	read_fixture(&col);
	char *want = groups_of(events_derive(&col));
	struct mem_keep k;
	memset(&k, 0, sizeof k);
	char *first = kept_groups(&col, &k);
	tap_str_eq(first, want, "kept: the groups of a derivation with nothing kept");
	tap_ok(k.pair_puts > 0 && k.npairs > 0, "the pairs of articles aligned are kept (%zu)",
	       k.npairs);
	size_t aligned = k.npairs;
	char *again = kept_groups(&col, &k);
	tap_str_eq(again, want, "kept: the same groups from what was kept");
	tap_ok(k.pair_hits == aligned && k.pair_puts == 0 && k.bodies == 0,
	       "every pair taken from what was kept; none aligned again, no article read");
	for (size_t i = 0; i < k.npairs; i++)
		k.pair[i].bytes[0] = 7;         /* not a judgement */
	char *damaged = kept_groups(&col, &k);
	tap_str_eq(damaged, want, "kept bytes that do not fit: the same groups");
	tap_ok(k.pair_puts == aligned, "... each pair aligned again and kept again");
	free(first);
	free(again);
	free(damaged);
	free(want);
	for (size_t i = 0; i < 16; i++)
		free(k.art[i]);
	for (size_t i = 0; i < k.npairs; i++)
		free(k.pair[i].bytes);
	collection_free(&col);
}

int main(void)
{
	test_fixture();
	test_kept_pairs();
	test_bilingual_article();
	test_same_days();
	test_month_no_name();
	test_versions_by_dates();
	test_bead_in_order();
	test_words_agree();
	test_one_language_words();
	return tap_done();
}
