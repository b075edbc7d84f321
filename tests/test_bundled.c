/* test_bundled.c: each article of the bundled collection as ingest makes it:
 * title, date (precision, stated or inferred), languages, source; the page
 * furniture gone and the article's own sentences kept. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "ingest.h"
#include "tap.h"

static const struct article *get(const struct collection *c, const char *id)
{
	const struct article *a = collection_find(c, id);
	tap_ok(a != NULL, "%s is loaded", id);
	return a;
}

static void check_date(const struct article *a, const char *want, bool inferred)
{
	char buf[16];
	adate_format(&a->date, buf, sizeof buf);
	tap_str_eq(buf, want, "date");
	tap_int_eq(a->date.inferred, inferred, inferred ? "date is inferred" : "date is stated");
}

static void check_langs(const struct article *a, const char *main, const char *other)
{
	tap_str_eq(a->lang, main, "main language");
	tap_int_eq((long long)a->nlangs, other ? 2 : 1, "number of languages");
	if (a->nlangs > 0)
		tap_str_eq(a->langs[0], main, "langs[0] is the main language");
	if (other && a->nlangs > 1)
		tap_str_eq(a->langs[1], other, "langs[1]");
}

/* No paragraph contains needle. */
static void gone(const struct article *a, const char *needle)
{
	size_t hit = (size_t)-1;
	for (size_t i = 0; i < a->npara && hit == (size_t)-1; i++)
		if (strstr(a->paras[i].text, needle))
			hit = i;
	tap_ok(hit == (size_t)-1, "%s: no \"%s\"", a->id, needle);
	if (hit != (size_t)-1)
		tap_diag("paragraph %zu: %s", hit, a->paras[hit].text);
}

/* Some paragraph starts with prefix; its index, or -1. */
static long kept(const struct article *a, const char *prefix)
{
	for (size_t i = 0; i < a->npara; i++)
		if (strncmp(a->paras[i].text, prefix, strlen(prefix)) == 0) {
			tap_ok(true, "%s: kept \"%s\"", a->id, prefix);
			return (long)i;
		}
	tap_ok(false, "%s: kept \"%s\"", a->id, prefix);
	return -1;
}

/* No paragraph is a line of nothing but punctuation. */
static void no_lone_punctuation(const struct article *a)
{
	bool ok = true;
	for (size_t i = 0; i < a->npara; i++) {
		const char *t = a->paras[i].text;
		if (strcmp(t, "，") == 0 || strcmp(t, "：") == 0 || strcmp(t, "。") == 0 ||
		    strcmp(t, "×") == 0)
			ok = false;
	}
	tap_ok(ok, "%s: no lone punctuation paragraphs", a->id);
}

int main(void)
{
	struct collection c;
	collection_init(&c);
	struct ingest *in = ingest_new(ANNALS_SRCDATADIR, &c);
	tap_int_eq(ingest_path(in, ANNALS_SRCDATADIR "/collection", &c), 0, "the collection is read");
	ingest_free(in);
	collection_sort(&c);
	tap_int_eq((long long)c.n, 5, "five articles");
	tap_int_eq((long long)c.nwarnings, 0, "no warnings");
	for (size_t i = 0; i < c.nwarnings; i++)
		tap_diag("%s", c.warnings[i]);
	const struct article *a;

	/* 000: plain text, dateline in the first sentence, link spam at the end. */
	if ((a = get(&c, "000_57b86d4df9855b08"))) {
		tap_str_eq(a->title, "2021 CNCERT International Partner Africa Regional Video "
			   "Conference Successfully Held", "000 title");
		check_date(a, "2021-11-03", false);
		check_langs(a, "en", NULL);
		tap_ok(a->source == NULL, "000 states no source");
		tap_int_eq((long long)a->npara, 6, "000 has six paragraphs");
		tap_int_eq(kept(a, "On November 3, 2021, the 2021 CNCERT International"), 0,
			   "000 starts with its first sentence");
		kept(a, "This conference is a regional conference for African partners");
		gone(a, "The Links");
		gone(a, "CM600DY");
		gone(a, "Related Posts");
	}

	/* 001: Markdown, front matter, WeChat furniture. */
	if ((a = get(&c, "001_b00b5af80d2634d6"))) {
		tap_str_eq(a->title, "2022年CNCERT国际合作伙伴视频会议成功举办", "001 title");
		check_date(a, "2022-12-22", false);
		check_langs(a, "zh-Hans", NULL);
		tap_str_eq(a->source, "CNCERT风险评估", "001 source from the front matter");
		tap_ok(a->url && strncmp(a->url, "https://mp.weixin.qq.com/s?", 27) == 0, "001 url");
		tap_ok(a->npara > 0 && a->paras[0].kind == PARA_IMAGE &&
		       strcmp(a->paras[0].text, "cover_image") == 0,
		       "001 opens with the cover image, kept as its alt text");
		bool heading = false;
		for (size_t i = 0; i < a->npara; i++)
			heading |= strstr(a->paras[i].text, "视频会议成功举办") == a->paras[i].text;
		tap_ok(!heading, "001 repeated title heading dropped");
		long p = kept(a, "2022年12月14日，由国家计算机网络应急技术处理协调中心");
		tap_ok(p >= 0 && a->paras[p].kind == PARA_TEXT, "001 first paragraph is text");
		long q = kept(a, "严寒冰指出");
		bool emph = false;
		for (size_t i = 0; q >= 0 && i < a->paras[q].nemph; i++) {
			const struct span *s = &a->paras[q].emph[i];
			emph |= strncmp(a->paras[q].text + s->start, "一是深化共识，增进包容互信。",
					s->len) == 0 && s->len == strlen("一是深化共识，增进包容互信。");
		}
		tap_ok(emph, "001 bold run recorded as an emphasis span");
		gone(a, "**");
		long last = kept(a, "此次会议是CNCERT国际合作论坛机制下的第六届会议");
		tap_int_eq(last, (long)a->npara - 1, "001 ends with its last paragraph");
		static const char *const furniture[] = {
			"原创", "微信扫一扫", "关注该公众号", "轻触阅读原文", "取消", "允许",
			"在看", "收藏", "听过", "作者头像", "预览时标签不可点", "国家互联网应急中心CNCERT",
		};
		for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++)
			gone(a, furniture[i]);
		bool lone = false;
		for (size_t i = 0; i < a->npara; i++)
			lone |= strcmp(a->paras[i].text, "CNCERT") == 0 || strcmp(a->paras[i].text, "赞") == 0;
		tap_ok(!lone, "001 account name and buttons dropped");
		no_lone_punctuation(a);
	}

	/* 002: French, one paragraph a line, language menu, section word. */
	if ((a = get(&c, "002_093f0cd005542350"))) {
		tap_str_eq(a->title, "la chine et l'afrique renforceront leur coopération dans le "
			   "domaine de la cybersécurité, a répondu le ministère des affaires étrangères",
			   "002 title");
		check_date(a, "2024-09-12", false);
		check_langs(a, "fr", NULL);
		tap_int_eq((long long)a->npara, 3, "002 has three paragraphs");
		tap_int_eq(kept(a, "le 11 septembre 2024, le porte-parole"), 0, "002 paragraph 1");
		tap_int_eq(kept(a, "mao ning : la cybersécurité est un défi commun"), 1, "002 paragraph 2");
		tap_int_eq(kept(a, "cette semaine coïncide avec la semaine nationale"), 2, "002 paragraph 3");
		gone(a, "Русский");
		gone(a, "EnglishFrançais");
		gone(a, "rapport/commentaires");
		tap_ok(a->npara == 0 || strcmp(a->paras[0].text, "nouvelles") != 0, "002 section word gone");
	}

	/* 003: byline with source and date, video player residue. */
	if ((a = get(&c, "003_b652dcd5a69fc392"))) {
		tap_str_eq(a->title, "China Focus: Experts call for joint efforts to build a safer "
			   "cyberspace", "003 title");
		check_date(a, "2019-10-24", false);
		check_langs(a, "en", NULL);
		tap_str_eq(a->source, "Xinhua", "003 source from the byline");
		tap_int_eq((long long)a->npara, 10, "003 has ten paragraphs");
		tap_int_eq(kept(a, "HANGZHOU, Oct. 24 (Xinhua) -- Though the Internet"), 0,
			   "003 starts with the dateline sentence");
		kept(a, "\"It's impossible for any individual");
		gone(a, "Video Player");
		gone(a, "Source:");
		gone(a, "Editor: Yurou");
	}

	/* 004: English and traditional Chinese, a label, a credit line. */
	if ((a = get(&c, "004_6c29ca260aaaa5ff"))) {
		tap_str_eq(a->title, "China’s Effort at network security has become a major trend of "
			   "international cooperation", "004 title");
		check_date(a, "2015-12-01", true);
		tap_int_eq(a->date.prec, DATE_DAY, "004 date: December 1 (2015), the last the account reports");
		check_langs(a, "en", "zh-Hant");
		tap_str_eq(a->source, "China Information Security", "004 source from the credit line");
		tap_int_eq((long long)a->npara, 4, "004 has four paragraphs");
		long z = kept(a, "近年來,世界各國已深刻認識到");
		tap_ok(z >= 0 && strcmp(a->paras[z].lang, "zh-Hant") == 0, "004 Chinese part is zh-Hant");
		long e = kept(a, "The present era, the rapid development");
		tap_ok(e >= 0 && strcmp(a->paras[e].lang, "en") == 0, "004 English part is en");
		gone(a, "Mandarin Chinese");
		gone(a, "Source: China Information Security");
	}
	collection_free(&c);
	return tap_done();
}
