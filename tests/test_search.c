/* test_search.c: queries against a small collection built here: what matches,
 * in what order, which original bytes a match covers, and the snippets. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fold.h"
#include "layout.h"
#include "search.h"
#include "tap.h"
#include "xalloc.h"

static void add_article(struct collection *c, const char *id, const char *const *paras)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xstrdup(id);
	for (size_t i = 0; paras[i]; i++)
		article_add_para(&a, paras[i], strlen(paras[i]), "und", PARA_TEXT);
	article_update_langs(&a);
	collection_add(c, &a);
}

/* The matched bytes of match i, as a new string. */
static char *matched(const struct collection *c, const struct search_match *m)
{
	return xstrndup(c->items[m->article].paras[m->para].text + m->start, m->len);
}

/* Runs q and checks the number of matches; the matches stay in *m. */
static size_t run(struct search_index *ix, const char *q, size_t want, struct search_match **m)
{
	size_t n = 0;
	int rc = search_run(ix, q, 0, m, &n);
	char what[256];
	snprintf(what, sizeof what, "search '%s': %zu matches", q, want);
	tap_ok(rc == 0 && n == want, "%s", what);
	if (rc != 0 || n != want)
		tap_diag("rc %d, got %zu", rc, n);
	return n;
}

/* Checks that match k is in article art, paragraph para, covering want. */
static void check_match(const struct collection *c, const struct search_match *m, size_t n,
			size_t k, size_t art, size_t para, const char *want)
{
	char what[256];
	snprintf(what, sizeof what, "match %zu is article %zu paragraph %zu", k, art, para);
	if (!tap_ok(k < n && m[k].article == art && m[k].para == para, "%s", what)) {
		if (k < n)
			tap_diag("got article %zu paragraph %zu", m[k].article, m[k].para);
		return;
	}
	char *got = matched(c, &m[k]);
	snprintf(what, sizeof what, "match %zu covers '%s'", k, want);
	tap_str_eq(got, want, what);
	free(got);
}


/* A paragraph made of head, unit times times, mid, unit2 times2 times. */
static char *repeat(const char *head, const char *unit, size_t times, const char *mid,
		    const char *unit2, size_t times2)
{
	size_t n = strlen(head) + strlen(unit) * times + strlen(mid) + strlen(unit2) * times2 + 1;
	char *s = xmalloc(n), *p = s;
	p += sprintf(p, "%s", head);
	for (size_t i = 0; i < times; i++)
		p += sprintf(p, "%s", unit);
	p += sprintf(p, "%s", mid);
	for (size_t i = 0; i < times2; i++)
		p += sprintf(p, "%s", unit2);
	return s;
}

/* A snippet of s (owned, freed here) for match in width columns: the text
 * wanted, the highlight where wanted, and never wider than asked. */
static void check_snippet(const char *name, char *s, const char *match, int width,
			  const char *want, size_t want_hs, size_t want_hl)
{
	struct layout_opts lo = { 0 };
	size_t start = (size_t)(strstr(s, match) - s), hs, hl;
	char *got = search_snippet(s, start, strlen(match), width, &lo, &hs, &hl);
	tap_str_eq(got, want, name);
	tap_ok(hs == want_hs && hl == want_hl, "%s: highlight", name);
	tap_ok(layout_strwidth(got, &lo) <= width && hs + hl <= strlen(got),
	       "%s: fits its %d columns, highlight inside it", name, width);
	free(got);
	free(s);
}

/* A snippet narrower than the match with its two ellipses shows the start of
 * the match and no ellipses; one too narrow for the match's first cluster
 * shows an ellipsis alone. */
static void test_narrow_snippets(void)
{
	check_snippet("'def' in 1 column", xstrdup("abc def ghi"), "def", 1, "d", 0, 1);
	check_snippet("'def' in 2 columns", xstrdup("abc def ghi"), "def", 2, "de", 0, 2);
	check_snippet("'def' in 3 columns", xstrdup("abc def ghi"), "def", 3, "…d…", 3, 1);
	check_snippet("'abc' in 1 column", xstrdup("abc def ghi"), "abc", 1, "a", 0, 1);
	check_snippet("'abc' in 2 columns", xstrdup("abc def ghi"), "abc", 2, "a…", 0, 1);
	check_snippet("'丙' in 1 column", xstrdup("甲乙丙丁戊"), "丙", 1, "…", 0, 0);
	check_snippet("'丙' in 2 columns", xstrdup("甲乙丙丁戊"), "丙", 2, "丙", 0, 3);
	check_snippet("'丙' in 3 columns", xstrdup("甲乙丙丁戊"), "丙", 3, "丙", 0, 3);
	check_snippet("'丙' in 4 columns", xstrdup("甲乙丙丁戊"), "丙", 4, "…丙…", 3, 3);
}

/* Snippets of long paragraphs are measured only near the match; they are the
 * ones measuring the whole paragraph gave (these were made by it). */
static void test_long_snippets(void)
{
	check_snippet("long Latin paragraph, 40 columns",
		      repeat("Start ", "lorem ipsum dolor ", 100, "the NEEDLE here ", "sit amet elit ", 100),
		      "NEEDLE", 40, "…dolor the NEEDLE here sit amet elit…", 13, 6);
	check_snippet("long Latin paragraph, 80 columns",
		      repeat("Start ", "lorem ipsum dolor ", 100, "the NEEDLE here ", "sit amet elit ", 100),
		      "NEEDLE", 80,
		      "…lorem ipsum dolor the NEEDLE here sit amet elit sit amet elit sit amet elit…",
		      25, 6);
	check_snippet("match near the end of a long paragraph",
		      repeat("Start ", "lorem ipsum dolor ", 100, "the NEEDLE here", "", 0), "NEEDLE", 60,
		      "…dolor lorem ipsum dolor lorem ipsum dolor the NEEDLE here", 49, 6);
	check_snippet("match near the start of a long paragraph",
		      repeat("the NEEDLE ", "", 0, "x", "sit amet elit ", 100), "NEEDLE", 60,
		      "the NEEDLE xsit amet elit sit amet elit sit amet elit sit…", 4, 6);
	check_snippet("long Chinese paragraph",
		      repeat("开始", "网络安全领域合作", 200, "磋商机制", "中日韩签署备忘录", 200), "磋商机制", 40,
		      "…全领域合作磋商机制中日韩签署备忘录中日…", 18, 12);
	/* Chinese is measured near the match too: marks and variation
	 * selectors stay with their character wherever the window starts. */
	check_snippet("long Chinese paragraph with marks",
		      repeat("", "网\xcc\x81络", 300, "磋商机制", "安\xef\xb8\x80全", 300), "磋商机制", 40,
		      "…络网\xcc\x81络网\xcc\x81络磋商机制安\xef\xb8\x80全安\xef\xb8\x80全安\xef\xb8\x80全"
		      "安\xef\xb8\x80全安\xef\xb8\x80全…", 22, 12);
	check_snippet("long paragraph of Chinese and ASCII",
		      repeat("开始", "a网", 300, "磋商机制", "全b", 300), "磋商机制", 30,
		      "…a网a网磋商机制全b全b全b全b全…", 11, 12);
	check_snippet("long paragraph with accents",
		      repeat("", "élevé café ", 200, "cybersécurité", " défi commun", 200), "cybersécurité",
		      50, "…élevé café cybersécurité défi commun défi…", 17, 15);
	check_snippet("runs of zero-width spaces",
		      repeat("a ", "\xe2\x80\x8b", 700, " match ", "\xe2\x80\x8b", 700), "match", 30,
		      "a  match ", 3, 5);
	check_snippet("runs of combining marks",
		      repeat("", "e\xcc\x81\xcc\x81", 300, " match ", "o\xcc\x88", 300), "match", 30,
		      "…match…", 3, 5);
	check_snippet("long words",
		      repeat("", "abcdefghijklmnopqrstuvwxyz", 100, " match ", "abcdefghijklmnopqrstuvwxyz", 100),
		      "match", 50, "…match abcdefghijklmnopqrstuvwxyza…", 3, 5);
}

/* A search source for the tests: candidates as the mode says, and the
 * bodies it was asked for counted. */
struct test_source {
	const struct collection *col;
	struct search_index *mem;       /* mode 1 names the articles it finds */
	int mode;                       /* 0: every article, 1: only those that match, 2: cannot say,
					 * 3: a scan of every slot, the articles last first */
	size_t bodies;
	size_t scans;
};

static int test_candidates(void *ctx, const char *query, size_t **out, size_t *n, bool *all)
{
	struct test_source *ts = ctx;
	*out = NULL;
	*n = 0;
	*all = ts->mode == 0 || ts->mode == 3;
	if (ts->mode == 2)
		return -1;
	if (ts->mode == 1) {
		struct search_match *m;
		size_t nm;
		search_run(ts->mem, query, 0, &m, &nm);
		*out = xcalloc(nm + 1, sizeof **out);
		for (size_t i = 0; i < nm; i++)
			if (*n == 0 || (*out)[*n - 1] != m[i].article)
				(*out)[(*n)++] = m[i].article;
		free(m);
	}
	return 0;
}

/* Every slot of every article, folded, the last article first: a superset
 * in an order of the source's own. */
static int test_scan(void *ctx, const char *const *terms, const size_t *lens, size_t nterms,
		     int (*each)(void *arg, size_t a, size_t slot, const char *folded, size_t len),
		     void *arg)
{
	struct test_source *ts = ctx;
	(void)terms;
	(void)lens;
	(void)nterms;
	if (ts->mode != 3)
		return -1;
	ts->scans++;
	struct fold *f = fold_new();
	struct fold_out o;
	fold_out_init(&o);
	int stop = 0;
	for (size_t a = ts->col->n; a-- > 0 && !stop;) {
		const struct article *art = &ts->col->items[a];
		for (size_t k = 0; k <= art->npara && !stop; k++) {
			const char *s = k == 0 ? art->title : art->paras[k - 1].text;
			fold_text(f, s, strlen(s), &o, false);
			stop = each(arg, a, k, o.text, o.len);
		}
	}
	fold_out_free(&o);
	fold_free(f);
	return 0;
}

static bool test_body(void *ctx, size_t a)
{
	struct test_source *ts = ctx;
	(void)a;
	ts->bodies++;
	return true;
}

/* An index whose candidates come from a source finds what the index built in
 * memory finds, whatever the source names (a superset) or when it cannot say. */
static void test_source(const struct collection *c, struct search_index *mem)
{
	const char *queries[] = { "cybersecurite", "CNCERT", "网络安全", "the", "\"first word\"",
				  "cyber security", "e", "韩", "zzz", NULL };
	for (int mode = 0; mode < 4; mode++) {
		struct test_source ts = { c, mem, mode, 0, 0 };
		struct search_source src = { test_candidates, test_body, &ts, NULL, NULL, test_scan };
		struct search_index *ix = search_index_source(c, &src);
		for (size_t q = 0; queries[q]; q++) {
			for (size_t max = 0; max < 3; max += 2) {
				struct search_match *a, *b;
				size_t na, nb;
				int ra = search_run(mem, queries[q], max, &a, &na);
				int rb = search_run(ix, queries[q], max, &b, &nb);
				tap_ok(ra == rb && na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0),
				       "source mode %d, '%s', max %zu: the same matches (%zu)", mode,
				       queries[q], max, na);
				free(a);
				free(b);
			}
		}
		tap_ok(ts.bodies > 0, "source mode %d: bodies asked for", mode);
		if (mode == 3)
			tap_ok(ts.scans > 0, "source mode 3: scanned");
		search_index_free(ix);
	}
}

int main(void)
{
	struct collection c;
	collection_init(&c);
	add_article(&c, "fr", (const char *const[]){
		"La Chine et l'Afrique renforceront leur coopération.",
		"mao ning : la cybersécurité est un défi commun. La CYBERSÉCURITÉ aussi.",
		NULL });
	add_article(&c, "en", (const char *const[]){
		"CNCERT/CC hosted the meeting on cyber security.",
		"Security matters; cyber threats grow. Ask cncert.",
		NULL });
	add_article(&c, "hant", (const char *const[]){
		"中日韓簽署《關於加強網絡安全領域合作的諒解備忘錄》",
		"建立網絡安全事務磋商機制",
		NULL });
	add_article(&c, "hans", (const char *const[]){
		"马来西亚国家网络安全中心部门副主任",
		"由ＣＮＣＥＲＴ主办",
		NULL });
	add_article(&c, "nfd", (const char *const[]){
		"Un cafe\xcc\x81 noir, s'il vous plai\xcc\x82t.",
		NULL });
	add_article(&c, "split", (const char *const[]){
		"the last word here is cyber",
		"security is the first word here",
		NULL });

	struct search_index *ix = search_index_new(&c);
	struct search_match *m;
	size_t n;

	/* Accents and case. */
	n = run(ix, "cybersecurite", 2, &m);
	check_match(&c, m, n, 0, 0, 1, "cybersécurité");
	check_match(&c, m, n, 1, 0, 1, "CYBERSÉCURITÉ");
	free(m);
	n = run(ix, "CYBERSÉCURITÉ", 2, &m);
	free(m);
	n = run(ix, "CNCERT", 3, &m);
	check_match(&c, m, n, 0, 1, 0, "CNCERT");
	check_match(&c, m, n, 1, 1, 1, "cncert");
	check_match(&c, m, n, 2, 3, 1, "ＣＮＣＥＲＴ");
	free(m);
	/* Full-width in the query. */
	n = run(ix, "ｃｎｃｅｒｔ/ＣＣ", 1, &m);
	check_match(&c, m, n, 0, 1, 0, "CNCERT/CC");
	free(m);

	/* Simplified and traditional find each other, and spans are the original. */
	n = run(ix, "网络安全", 3, &m);
	check_match(&c, m, n, 0, 2, 0, "網絡安全");
	check_match(&c, m, n, 1, 2, 1, "網絡安全");
	check_match(&c, m, n, 2, 3, 0, "网络安全");
	free(m);
	n = run(ix, "網絡安全", 3, &m);
	check_match(&c, m, n, 2, 3, 0, "网络安全");
	free(m);
	n = run(ix, "韩", 1, &m);
	check_match(&c, m, n, 0, 2, 0, "韓");
	free(m);
	n = run(ix, "磋商机制", 1, &m);
	check_match(&c, m, n, 0, 2, 1, "磋商機制");
	free(m);
	n = run(ix, "網絡安全中心", 1, &m);
	check_match(&c, m, n, 0, 3, 0, "网络安全中心");
	free(m);
	n = run(ix, "龍", 0, &m);
	free(m);

	/* NFD text: the span takes the combining marks along. */
	n = run(ix, "café", 1, &m);
	check_match(&c, m, n, 0, 4, 0, "cafe\xcc\x81");
	free(m);
	n = run(ix, "plait", 1, &m);
	check_match(&c, m, n, 0, 4, 0, "plai\xcc\x82t");
	free(m);

	/* Phrases must be adjacent; words may be anywhere in the article. */
	n = run(ix, "\"cyber security\"", 1, &m);
	check_match(&c, m, n, 0, 1, 0, "cyber security");
	free(m);
	n = run(ix, "“Cyber Security”", 1, &m);
	free(m);
	n = run(ix, "security cyber", 6, &m);
	check_match(&c, m, n, 0, 1, 0, "cyber");
	check_match(&c, m, n, 1, 1, 0, "security");
	check_match(&c, m, n, 2, 1, 1, "Security");
	check_match(&c, m, n, 3, 1, 1, "cyber");
	check_match(&c, m, n, 4, 5, 0, "cyber");
	check_match(&c, m, n, 5, 5, 1, "security");
	free(m);
	n = run(ix, "cncert cybersécurité", 0, &m);
	free(m);
	n = run(ix, "\"threats grow\" ask", 2, &m);
	check_match(&c, m, n, 0, 1, 1, "threats grow");
	check_match(&c, m, n, 1, 1, 1, "Ask");
	free(m);
	n = run(ix, "\"cyber   security\" hosted", 2, &m);
	free(m);

	/* Never across a paragraph boundary. */
	n = run(ix, "\"cyber security is\"", 0, &m);
	free(m);
	n = run(ix, "\"here security\"", 0, &m);
	free(m);
	n = run(ix, "\"cyber\"", 5, &m);
	check_match(&c, m, n, 0, 0, 1, "cyber");
	check_match(&c, m, n, 4, 5, 0, "cyber");
	free(m);

	/* Nothing to look for. */
	tap_int_eq(search_run(ix, "", 0, &m, &n), -1, "empty query");
	tap_ok(m == NULL && n == 0, "empty query: no matches");
	tap_int_eq(search_run(ix, "  \"\" \t", 0, &m, &n), -1, "only spaces and quotes");
	tap_int_eq((long long)search_query_terms(ix, "a \"b c\" d"), 3, "three terms");
	tap_int_eq((long long)search_query_terms(ix, "cyber Cyber CYBER"), 1, "repeated words are one term");

	/* A limit. */
	tap_int_eq(search_run(ix, "the", 2, &m, &n), 0, "limited search runs");
	tap_int_eq((long long)n, 2, "limited to 2");
	free(m);

	/* One ASCII letter narrows nothing but still finds. */
	n = run(ix, "ж", 0, &m);
	free(m);
	n = run(ix, "/", 1, &m);
	free(m);

	/* Snippets. */
	struct layout_opts lo = { 0 };
	const char *long_text = "The first sentence talks about nothing in particular. Then the "
				"National Computer Network Emergency Response Team comes along, "
				"and the text goes on for a good while after it, longer than a line.";
	const char *what = "Emergency Response";
	size_t start = (size_t)(strstr(long_text, what) - long_text), hs, hl;
	char *snip = search_snippet(long_text, start, strlen(what), 40, &lo, &hs, &hl);
	tap_ok(layout_strwidth(snip, &lo) <= 40, "snippet fits 40 columns (%d)",
	       layout_strwidth(snip, &lo));
	tap_ok(layout_strwidth(snip, &lo) >= 40 - 2 * 15, "snippet uses the room it has");
	tap_ok(strstr(snip, "…Emergency") != NULL, "snippet cut between words");
	tap_ok(strncmp(snip, "…", 3) == 0, "snippet cut on the left starts with …");
	tap_ok(strcmp(snip + strlen(snip) - 3, "…") == 0, "snippet cut on the right ends with …");
	tap_ok(hl == strlen(what) && strncmp(snip + hs, what, hl) == 0, "snippet highlight is the match");
	tap_diag("snippet: %s", snip);
	free(snip);

	snip = search_snippet("short text", 6, 4, 40, &lo, &hs, &hl);
	tap_str_eq(snip, "short text", "a short text is its own snippet");
	tap_ok(hs == 6 && hl == 4, "highlight in a short snippet");
	free(snip);

	const char *zh = "由国家计算机网络应急技术处理协调中心主办的国际合作伙伴视频会议在线上成功举办";
	start = (size_t)(strstr(zh, "网络") - zh);
	snip = search_snippet(zh, start, strlen("网络"), 20, &lo, &hs, &hl);
	tap_ok(layout_strwidth(snip, &lo) <= 20, "CJK snippet fits 20 columns (%d)",
	       layout_strwidth(snip, &lo));
	tap_ok(hl == strlen("网络") && strncmp(snip + hs, "网络", hl) == 0, "CJK highlight");
	tap_diag("snippet: %s", snip);
	free(snip);

	snip = search_snippet("abc\tdef\nghi", 4, 3, 40, &lo, &hs, &hl);
	tap_str_eq(snip, "abc def ghi", "white space shown as spaces");
	free(snip);

	start = (size_t)(strstr(long_text, "National") - long_text);
	snip = search_snippet(long_text, start, strlen(long_text) - start, 30, &lo, &hs, &hl);
	tap_ok(layout_strwidth(snip, &lo) <= 30, "a match wider than the snippet is cut (%d)",
	       layout_strwidth(snip, &lo));
	tap_ok(strncmp(snip + hs, "National", 8) == 0, "and still starts with the match");
	free(snip);

	test_narrow_snippets();
	test_source(&c, ix);
	test_long_snippets();
	search_index_free(ix);
	collection_free(&c);
	return tap_done();
}
