/* test_ingest.c: each reader on small fixtures (tests/fixtures/ingest), the
 * folder walk, detection by content, the date shapes, and cleaning as ingest
 * applies it to whole files. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"
#include "ingest_readers.h"
#include "tap.h"
#include "xalloc.h"

#define FIX FIXTURES_DIR "/ingest/"

static struct ingest *in;

/* Reads path into a fresh collection (not sorted: files in walk order). */
static void load(struct collection *c, const char *path, int want)
{
	collection_init(c);
	tap_int_eq(ingest_path(in, path, c), want, path);
}

static const struct article *find(const struct collection *c, const char *id)
{
	const struct article *a = collection_find(c, id);
	tap_ok(a != NULL, "article %s", id);
	return a;
}

static void date_is(const struct article *a, const char *want, bool inferred)
{
	char buf[16];
	adate_format(&a->date, buf, sizeof buf);
	tap_str_eq(buf, want, "  date");
	tap_int_eq(a->date.inferred, inferred, "  inferred or not");
}

static void para_is(const struct article *a, size_t i, enum para_kind kind, const char *text)
{
	if (!tap_ok(i < a->npara, "  paragraph %zu exists", i))
		return;
	tap_str_eq(a->paras[i].text, text, "  paragraph text");
	tap_str_eq(para_kind_name(a->paras[i].kind), para_kind_name(kind), "  paragraph kind");
}

static bool warned(const struct collection *c, const char *needle)
{
	for (size_t i = 0; i < c->nwarnings; i++)
		if (strstr(c->warnings[i], needle))
			return tap_ok(true, "warning: %s", needle);
	for (size_t i = 0; i < c->nwarnings; i++)
		tap_diag("%s", c->warnings[i]);
	return tap_ok(false, "warning: %s", needle);
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, len, f);
	fclose(f);
}

static void test_text(void)
{
	struct collection c;
	load(&c, FIX "text/wrapped.txt", 0);
	const struct article *a = find(&c, "wrapped");
	if (a) {
		tap_str_eq(a->title, "A Hand-Wrapped Report", "title from the first short line");
		tap_str_eq(a->source, "Example Wire", "source from the Source: line");
		date_is(a, "2021-03", true);
		tap_int_eq((long long)a->npara, 4, "four paragraphs");
		para_is(a, 0, PARA_TEXT, "The committee met on Tuesday to discuss the budget for the coming "
			"year, and agreed on most of the items that had been proposed in March 2021 by the members.");
		para_is(a, 1, PARA_TEXT, "A second paragraph follows here, also wrapped by hand at seventy "
			"columns or so.");
		para_is(a, 2, PARA_TEXT, "Short last line.");
		para_is(a, 3, PARA_TEXT, "这是一个中文段落，作者在这里手工换行了。");
		tap_str_eq(a->paras[0].lang, "en", "English paragraph");
		if (a->npara > 3)
			tap_str_eq(a->paras[3].lang, "zh-Hans", "Chinese paragraph");
		tap_str_eq(a->lang, "en", "main language");
		tap_int_eq((long long)a->nlangs, 2, "two languages");
		tap_str_eq(a->path, FIX "text/wrapped.txt", "path is the file's");
	}
	collection_free(&c);

	load(&c, FIX "text/untitled.txt", 0);
	if ((a = find(&c, "untitled"))) {
		tap_str_eq(a->title, "Officials from both countries signed an agreement on Monday that covers trade…",
			   "title: the first sentence cut short");
		date_is(a, "2023-07-01", true);
		tap_int_eq((long long)a->npara, 2, "the first sentence stays in the body");
	}
	collection_free(&c);
}

static void test_markdown(void)
{
	struct collection c;
	load(&c, FIX "md/front.md", 0);
	const struct article *a = find(&c, "front");
	if (a) {
		tap_str_eq(a->title, "A Markdown Article", "title from the front matter");
		date_is(a, "2023-05-06", false);
		tap_str_eq(a->source, "Example Times", "source");
		tap_str_eq(a->url, "https://example.org/a", "url");
		tap_str_eq(a->lang, "en", "lang");
		tap_int_eq((long long)a->npara, 6, "six paragraphs (title heading and empty image dropped)");
		para_is(a, 0, PARA_IMAGE, "a chart");  /* the alt text; the label is the interface's */
		para_is(a, 1, PARA_TEXT, "The first paragraph has emphasis and a link. It continues on a second line.");
		if (a->npara > 1 && tap_int_eq((long long)a->paras[1].nemph, 2, "two emphasis spans")) {
			tap_int_eq((long long)a->paras[1].emph[0].start, 4, "  first span start");
			tap_int_eq((long long)a->paras[1].emph[0].len, 5, "  first span length");
		}
		para_is(a, 2, PARA_QUOTE, "A quoted statement.");
		para_is(a, 3, PARA_HEADING, "A Section");
		para_is(a, 4, PARA_TEXT, "- one item");
		para_is(a, 5, PARA_TEXT, "- another item");
	}
	collection_free(&c);
}

static void test_json(void)
{
	struct collection c;
	load(&c, FIX "json/one.json", 0);
	const struct article *a = find(&c, "one");
	if (a) {
		tap_str_eq(a->title, "Un objet", "JSON object: title");
		date_is(a, "2020-01-02", false);
		tap_str_eq(a->source, "Le Journal", "source");
		tap_str_eq(a->url, "https://example.org/un", "url");
		tap_str_eq(a->lang, "fr", "lang");
		tap_int_eq((long long)a->npara, 2, "two paragraphs");
	}
	collection_free(&c);

	load(&c, FIX "json/many.json", 0);
	tap_int_eq((long long)c.n, 2, "JSON array: two records with text");
	if ((a = find(&c, "many#1")))
		para_is(a, 0, PARA_TEXT, "The first record has its text in the body field.");
	tap_ok(collection_find(&c, "many#2") == NULL, "the record without text is skipped");
	if ((a = find(&c, "many#3"))) {
		tap_int_eq((long long)a->npara, 2, "content as an array of paragraphs");
		tap_str_eq(a->title, "Third", "title");
		tap_int_eq(a->date.prec, DATE_NONE, "no date stated or found");
	}
	warned(&c, FIX "json/many.json:3: record without text");
	collection_free(&c);

	load(&c, FIX "json/lines.jsonl", 0);
	tap_int_eq((long long)c.n, 2, "JSON Lines: two good records");
	if ((a = find(&c, "lines#1")))
		date_is(a, "2022-01-01", false);
	if ((a = find(&c, "lines#4"))) {
		tap_str_eq(a->title, "L5", "the fourth record is on line 5 (blank lines do not count)");
		tap_str_eq(a->lang, "zh-Hant", "declared zh-TW, detected traditional");
	}
	warned(&c, FIX "json/lines.jsonl:2: invalid JSON at column");
	warned(&c, FIX "json/lines.jsonl:3: record without text");
	collection_free(&c);

	load(&c, FIX "json/bad.json", 0);
	tap_int_eq((long long)c.n, 0, "invalid JSON: nothing loaded");
	warned(&c, FIX "json/bad.json:2: invalid JSON at column");
	collection_free(&c);

	/* An array is read a record at a time: a broken record is named at its
	 * own line and column, and the others load under their own numbers. */
	load(&c, FIX "json/broken_element.json", 0);
	tap_int_eq((long long)c.n, 2, "an array with a broken record: the others load");
	if ((a = find(&c, "broken_element#3")))
		tap_str_eq(a->title, "Third", "  the third keeps its number");
	warned(&c, FIX "json/broken_element.json:3: invalid JSON at column 31");
	collection_free(&c);

	/* Fields of the wrong type are named and ignored; the record still loads. */
	load(&c, FIX "json/typed.jsonl", 0);
	tap_int_eq((long long)c.n, 2, "records with fields of the wrong type load");
	if ((a = find(&c, "typed#1"))) {
		tap_str_eq(a->title, "Le texte est là, avec un titre qui n'est pas une chaîne",
			   "a title that is an object: the first sentence instead");
		tap_str_eq(a->lang, "fr", "a lang that is an array: detected instead");
	}
	if ((a = find(&c, "typed#2")))
		date_is(a, "2023-07-04", false);
	warned(&c, FIX "json/typed.jsonl:1: \"title\" is not a string; ignored");
	warned(&c, FIX "json/typed.jsonl:1: \"lang\" is not a string; ignored");
	warned(&c, FIX "json/typed.jsonl:1: date 'whenever' not understood; taken from the text");
	tap_int_eq((long long)c.nwarnings, 3, "and nothing else is warned about");
	collection_free(&c);

	load(&c, FIX "json/records.txt", 0);
	tap_int_eq((long long)c.n, 2, "JSON Lines told by content, whatever the name");
	tap_ok(collection_find(&c, "records#2") != NULL, "records#2");
	collection_free(&c);
}

static void test_walk(void)
{
	struct collection c;
	load(&c, FIX "tree", 0);
	tap_int_eq((long long)c.n, 2, "hidden files and backups skipped");
	if (c.n == 2) {
		tap_str_eq(c.items[0].path, FIX "tree/a/z.txt", "folders walked in name order");
		tap_str_eq(c.items[1].path, FIX "tree/b.txt", "then the next name");
		tap_str_eq(c.items[0].id, "z", "id is the file name without extension");
	}
	tap_int_eq((long long)c.nwarnings, 0, "no warnings");
	collection_free(&c);

	load(&c, FIX "no-such-thing", -1);
	warned(&c, "no-such-thing: cannot read");
	collection_free(&c);
}

static void test_files(void)
{
	char dir[] = "/tmp/annals-test-ingest-XXXXXX";
	if (!tap_ok(mkdtemp(dir) != NULL, "temporary folder"))
		return;
	char *p1 = xasprintf("%s/dirty.txt", dir);
	static const char dirty[] = "Dirty \x1b[31mTitle\x1b[0m\r\n\r\nA line with\tcontrols\x07 and "
				    "bad \xff bytes.\r\nAnd a second\x1b]0;owned\x07 line.\r\n";
	write_file(p1, dirty, sizeof dirty - 1);
	struct collection c;
	load(&c, p1, 0);
	const struct article *a = find(&c, "dirty");
	if (a) {
		tap_str_eq(a->title, "Dirty Title", "escape sequences gone from the title");
		para_is(a, 0, PARA_TEXT, "A line with controls and bad \xef\xbf\xbd bytes. And a second line.");
	}
	char *w = xasprintf("%s: byte 54: invalid UTF-8 replaced", p1);
	warned(&c, w);
	free(w);
	collection_free(&c);

	char *p2 = xasprintf("%s/blob.txt", dir);
	static const char blob[] = "\x01\x02\x03\x04\0\0\0\0\x05\x06\x07\x08";
	write_file(p2, blob, sizeof blob - 1);
	load(&c, p2, 0);
	tap_int_eq((long long)c.n, 0, "binary file skipped");
	warned(&c, "blob.txt: binary file");
	collection_free(&c);

	char *p3 = xasprintf("%s/empty.txt", dir);
	write_file(p3, "\n\n  \n", 5);
	load(&c, p3, 0);
	tap_int_eq((long long)c.n, 0, "empty file skipped");
	warned(&c, "empty.txt: empty file");
	collection_free(&c);
	unlink(p1);
	unlink(p2);
	unlink(p3);
	rmdir(dir);
	free(p1);
	free(p2);
	free(p3);
}

/* Repeated short lines (a page's furniture) go, each once-only line stays: two
 * lines whose keys share a hash ("glbvs" and "yacxa" under FNV-1a) are still
 * two keys, and a key seen before the table grew is still seen after. */
static void test_repeats(void)
{
	char dir[] = "/tmp/annals-test-repeats-XXXXXX";
	if (!tap_ok(mkdtemp(dir) != NULL, "temporary folder"))
		return;
	char *path = xasprintf("%s/page.txt", dir);
	struct buf b;
	buf_init(&b);
	/* One line a paragraph, as scraped pages have them. */
	buf_adds(&b, "The page of an article\n\nShare\n\n"
		     "The first paragraph is long enough to be the body of the article, and ends.\n\n"
		     "glbvs\n\n");
	for (int i = 1; i <= 60; i++)
		buf_printf(&b, "entry %d\n\n", i);
	buf_adds(&b, "yacxa\n\nShare\n\n"
		     "The last paragraph is long enough to be the body of the article too, and ends.\n");
	write_file(path, b.data, b.len);
	buf_free(&b);
	struct collection c;
	load(&c, path, 0);
	const struct article *a = find(&c, "page");
	if (a) {
		size_t share = 0, entries = 0, g = 0, y = 0;
		for (size_t i = 0; i < a->npara; i++) {
			const char *t = a->paras[i].text;
			share += strcmp(t, "Share") == 0;
			entries += strncmp(t, "entry ", 6) == 0;
			g += strcmp(t, "glbvs") == 0;
			y += strcmp(t, "yacxa") == 0;
		}
		tap_int_eq((long long)share, 0, "a short line that comes back is dropped");
		tap_int_eq((long long)entries, 60, "sixty short lines seen once are kept");
		tap_ok(g == 1 && y == 1, "two short lines of one hash are two lines, both kept");
	}
	collection_free(&c);
	/* "Share" begins the second block and goes: the body still begins a
	 * paragraph of its own, never runs on from the title's. */
	static const char glued[] = "The page of an article\n\nShare\n"
		"The first paragraph is long enough to be the body of the article, and ends.\n\n"
		"Share\n\nThe last paragraph is long enough to be the body of the article, and ends.\n";
	write_file(path, glued, sizeof glued - 1);
	load(&c, path, 0);
	a = find(&c, "page");
	if (a) {
		bool apart = true;
		for (size_t i = 0; i < a->npara; i++)
			apart = apart && strstr(a->paras[i].text, "article The first") == NULL;
		tap_ok(apart, "a dropped line that began a paragraph leaves the next one beginning it");
	}
	collection_free(&c);
	unlink(path);
	rmdir(dir);
	free(path);
}

/* The latest date of an article with an English and a Chinese paragraph. */
static void check_latest(const char *en, const char *zh, const char *want, const char *what)
{
	struct article a = { 0 };
	if (en)
		article_add_para(&a, en, strlen(en), "en", PARA_TEXT);
	if (zh)
		article_add_para(&a, zh, strlen(zh), "zh-Hant", PARA_TEXT);
	struct adate latest = { 0 };
	ingest_date_latest(&a, &latest);
	char buf[16];
	adate_format(&latest, buf, sizeof buf);
	tap_str_eq(buf, want, what);
	if (*want)
		tap_ok(latest.inferred, "%s: its year is marked inferred", what);
	article_free(&a);
}

static void test_dates(void)
{
	static const struct { const char *s; const char *want; } parse[] = {
		{ "2022-12-22", "2022-12-22" }, { "2019-10-24 19:38:01", "2019-10-24" },
		{ "2022-12-22T02:14:18.058649", "2022-12-22" }, { "2020/03/05", "2020-03-05" },
		{ "2024", "2024" }, { "2024-05", "2024-05" }, { "March 2020", "2020-03" },
		{ "Oct. 24, 2019", "2019-10-24" }, { "2024年3月5日", "2024-03-05" },
		{ "3 November 2021", "2021-11-03" }, { "2019-13-01", "" }, { "tomorrow", "" },
		{ "2019-10-24 and more", "" }, { "20230704", "2023-07-04" }, { "20231304", "" },
		{ "20230700", "" }, { "2023070", "" },
	};
	for (size_t i = 0; i < sizeof parse / sizeof *parse; i++) {
		struct adate d = { 0 };
		char buf[16] = "";
		if (ingest_date_parse(parse[i].s, strlen(parse[i].s), &d))
			adate_format(&d, buf, sizeof buf);
		tap_str_eq(buf, parse[i].want, parse[i].s);
	}
	static const struct { const char *s; const char *want; } first[] = {
		{ "On November 3, 2021, the conference", "2021-11-03" },
		{ "le 1er mai 2020, le ministre", "2020-05-01" },
		{ "le 11 septembre 2024, le porte-parole", "2024-09-11" },
		{ "在2013年10月,多个机构", "2013-10" },
		{ "In recent years, nothing", "" },
	};
	for (size_t i = 0; i < sizeof first / sizeof *first; i++) {
		struct adate d = { 0 };
		char buf[16] = "";
		if (ingest_date_first(first[i].s, strlen(first[i].s), &d))
			adate_format(&d, buf, sizeof buf);
		tap_str_eq(buf, first[i].want, first[i].s);
	}
	/* The latest date reported, each language's account read as a narrative:
	 * "December 1" after April 2014 is December 1, 2014; the Chinese account
	 * runs on to May of the next year after October. */
	const char *en = "October 2013, a statement. April 2014, a conference. December 1, a dialogue.";
	const char *zh = "2013年10月,一份聲明。10月,一次會議。5月,一項計劃。";
	check_latest(en, zh, "2014-12-01", "latest date reported: a month read from the narrative");
	check_latest(en, NULL, "2014-12-01", "the English account alone");
	check_latest(NULL, zh, "2014-05", "the Chinese account: May after October is the next year");
	check_latest("In recent years, nothing.", NULL, "", "no date at all");
}

/* The order of a collection: by date (undated last, then by precision), then
 * id, whatever the order the articles came in; ids that share their first
 * eight bytes and dates before year 0 included. */
static void test_sort(void)
{
	static const struct { const char *id; int y, m, d; enum date_precision p; } in_order[] = {
		{ "old", -44, 3, 15, DATE_DAY },
		{ "b", 1999, 0, 0, DATE_YEAR },
		{ "a", 1999, 5, 0, DATE_MONTH },
		{ "report-000002", 1999, 5, 7, DATE_DAY },
		{ "report-00001#2", 1999, 5, 7, DATE_DAY },
		{ "report-000010", 1999, 5, 7, DATE_DAY },
		{ "report-0000100", 1999, 5, 7, DATE_DAY },
		{ "z", 2024, 12, 31, DATE_DAY },
		{ "a-undated", 0, 0, 0, DATE_NONE },
		{ "b-undated", 0, 0, 0, DATE_NONE },
	};
	size_t n = sizeof in_order / sizeof *in_order;
	bool all = true;
	/* Several shuffles of the same articles, each sorted. */
	for (size_t shift = 0; shift < n; shift++) {
		struct collection c;
		collection_init(&c);
		for (size_t k = 0; k < n; k++) {
			size_t i = (k * 7 + shift) % n;
			struct article a = { 0 };
			a.id = xstrdup(in_order[i].id);
			a.date = (struct adate){ .year = in_order[i].y, .month = in_order[i].m,
						 .day = in_order[i].d, .prec = in_order[i].p };
			collection_add(&c, &a);
		}
		collection_sort(&c);
		for (size_t i = 0; i < n; i++)
			all = all && c.n == n && strcmp(c.items[i].id, in_order[i].id) == 0;
		collection_free(&c);
	}
	tap_ok(all, "a collection sorts by date, undated last, then by id");
}

/* Rows back to articles: by a table when the rows are dense, by sorted pairs
 * when sparse; none when an article has no row or two share one. */
static void test_rows(void)
{
	static const long long dense[] = { 3, 1, 2 }, sparse[] = { 900000, 7, 123456 };
	const long long *sets[] = { dense, sparse };
	for (int k = 0; k < 2; k++) {
		struct collection c;
		collection_init(&c);
		for (size_t i = 0; i < 3; i++) {
			struct article a = { 0 };
			a.id = xasprintf("a%zu", i);
			a.row = sets[k][i];
			collection_add(&c, &a);
		}
		struct collection_rows m;
		bool made = collection_rows_make(&m, &c);
		bool right = made;
		for (size_t i = 0; made && i < 3; i++)
			right = right && collection_rows_find(&m, sets[k][i]) == i;
		right = right && made && collection_rows_find(&m, 5) == (size_t)-1 &&
			collection_rows_find(&m, 0) == (size_t)-1 && collection_rows_find(&m, -1) == (size_t)-1;
		tap_ok(right, k ? "rows: sparse rows find their articles, and no other"
				: "rows: dense rows find their articles, and no other");
		if (made)
			collection_rows_free(&m);
		/* Two articles of one row (a file named twice): no map. */
		c.items[2].row = c.items[0].row;
		tap_ok(!collection_rows_make(&m, &c), k ? "rows: a shared sparse row makes none"
							: "rows: a shared row makes none");
		c.items[2].row = 0;
		tap_ok(!collection_rows_make(&m, &c), k ? "rows: (sparse) an article without a row, none"
							: "rows: an article without a row, none");
		collection_free(&c);
	}
}

/* n articles, the same each call: dates over a few days (some undated), ids
 * over a few names, so that many share a date and some a date and an id; the
 * title says which one each is. */
static void tail_articles(struct collection *c, size_t n)
{
	collection_init(c);
	unsigned v = 12345;
	for (size_t i = 0; i < n; i++) {
		v = v * 1103515245u + 12345u;
		struct article a = { 0 };
		a.id = xasprintf("id%u", (v >> 8) % 7);
		a.title = xasprintf("t%zu", i);
		a.date = (struct adate){ .year = 2000, .month = 1, .day = 1 + (int)((v >> 16) % 4),
					 .prec = (v >> 20) % 5 ? DATE_DAY : DATE_NONE };
		collection_add(c, &a);
	}
}

/* A sorted collection with a few articles more at its end: sorting those in
 * gives what one sort of them all gives, ties included. */
static void test_sort_tail(void)
{
	static const size_t tails[] = { 0, 1, 3, 40 };
	for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
		struct collection whole, part;
		tail_articles(&whole, 200);
		tail_articles(&part, 200);
		collection_sort(&whole);
		size_t from = 200 - tails[t];
		struct collection head = { .items = part.items, .n = from };
		collection_sort(&head);
		collection_sort_tail(&part, from);
		bool same = true;
		for (size_t i = 0; i < 200 && same; i++)
			same = strcmp(whole.items[i].title, part.items[i].title) == 0;
		tap_ok(same, "sort tail: %zu more sorted in as one sort of all 200", tails[t]);
		collection_free(&whole);
		collection_free(&part);
	}
}

int main(void)
{
	struct collection warnings;
	collection_init(&warnings);
	in = ingest_new(ANNALS_SRCDATADIR, &warnings);
	tap_int_eq((long long)warnings.nwarnings, 0, "the boilerplate list loads");
	test_text();
	test_markdown();
	test_json();
	test_walk();
	test_files();
	test_repeats();
	test_dates();
	test_sort();
	test_rows();
	test_sort_tail();
	ingest_free(in);
	collection_free(&warnings);
	return tap_done();
}
