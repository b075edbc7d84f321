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

static void test_fixture(void)
{
	const char *fixtures = getenv("FIXTURES");
	char *path = xasprintf("%s/group", fixtures ? fixtures : ANNALS_SRCDATADIR "/../tests/fixtures");
	struct collection col;
	collection_init(&col);
	struct ingest *in = ingest_new(ANNALS_SRCDATADIR, &col);
	tap_int_eq(ingest_path(in, path, &col), 0, "the group fixtures read");
	ingest_free(in);
	free(path);
	collection_sort(&col);
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

int main(void)
{
	test_fixture();
	test_bilingual_article();
	test_same_days();
	return tap_done();
}
