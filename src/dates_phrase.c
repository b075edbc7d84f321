/* dates_phrase.c: the fixed phrases that count from a date: from the
 * article's ("yesterday", "last week", "il y a deux ans", 去年, 上周) or from
 * the narrative's ("two days later", "l'année suivante", 次年, 同年), and the
 * seasons named from the article ("last summer", "cet automne", 今春).
 *
 * The phrases are data: one table, each entry its words as written (a space
 * stands for any run of spaces, an apostrophe for ' or ’, "#" for a count:
 * digits, a number word, or Chinese numerals), what it counts and in which
 * direction. At a word start the longest entry that matches wins. */
#include <config.h>
#include "dates_int.h"

#include <stdlib.h>
#include <string.h>

enum {
	PH_ALONE = 1,           /* "two years after", "the year before": only when no
				 * noun follows ("two years after the war" is
				 * counted from the war, whose date we do not know) */
	PH_OR_REF = 2,          /* the account's day, or with no account the
				 * dateline's ("later in the day") */
};

struct dates_phrase {
	const char *text;
	enum dates_unit unit;
	int offset;             /* units; with "#", per unit of the count */
	bool narrative;
	enum dates_period period;
	int tense;              /* seasons: the last one (-1), the next (+1) */
	int flags;
};

#define A(t, u, o) { t, DATES_UNIT_##u, o, false, DATES_PERIOD_NONE, 0, 0 }
#define N(t, u, o) { t, DATES_UNIT_##u, o, true, DATES_PERIOD_NONE, 0, 0 }
#define NA(t, u, o) { t, DATES_UNIT_##u, o, true, DATES_PERIOD_NONE, 0, PH_ALONE }
#define NR(t, u, o) { t, DATES_UNIT_##u, o, true, DATES_PERIOD_NONE, 0, PH_OR_REF }
#define S(t, p, tense) { t, DATES_UNIT_YEAR, 0, false, DATES_PERIOD_##p, tense, 0 }
#define SY(t, p, o) { t, DATES_UNIT_YEAR, o, false, DATES_PERIOD_##p, 0, 0 }
/* A part of "the year" or "the month": the narrative's while it is fresh,
 * else the dateline's ("by the end of the year", 年底, 月初). */
#define PART(t, u, p, f) { t, DATES_UNIT_##u, 0, true, DATES_PERIOD_##p, 0, f }
/* Counted from the narrative, singular and plural: "a day later", "# days later". */
#define LATER(one, many, u, word, o, f) \
	{ "# " one " " word, DATES_UNIT_##u, o, true, DATES_PERIOD_NONE, 0, f }, \
	{ "# " many " " word, DATES_UNIT_##u, o, true, DATES_PERIOD_NONE, 0, f }
#define LATER_EN(one, many, u) \
	LATER(one, many, u, "later", 1, 0), LATER(one, many, u, "earlier", -1, 0), \
	LATER(one, many, u, "after", 1, PH_ALONE), LATER(one, many, u, "before", -1, PH_ALONE), \
	LATER(one, many, u, "afterwards", 1, 0), LATER(one, many, u, "afterward", 1, 0)
#define LATER_FR(one, many, u) \
	LATER(one, many, u, "plus tard", 1, 0), LATER(one, many, u, "plus tôt", -1, 0), \
	LATER(one, many, u, "après", 1, PH_ALONE), LATER(one, many, u, "auparavant", -1, 0)
#define AGO_EN(one, many, u) \
	{ "# " one " ago", DATES_UNIT_##u, -1, false, DATES_PERIOD_NONE, 0, 0 }, \
	{ "# " many " ago", DATES_UNIT_##u, -1, false, DATES_PERIOD_NONE, 0, 0 }
#define AGO_FR(one, many, u) \
	{ "il y a # " one, DATES_UNIT_##u, -1, false, DATES_PERIOD_NONE, 0, 0 }, \
	{ "il y a # " many, DATES_UNIT_##u, -1, false, DATES_PERIOD_NONE, 0, 0 }
#define SEASON_EN(w, p) \
	S("this " w, p, 0), S("last " w, p, -1), S("this past " w, p, -1), S("next " w, p, 1)

static const struct dates_phrase dates_phrases[] = {
	/* English, from the article */
	A("the day before yesterday", DAY, -2), A("the day after tomorrow", DAY, 2),
	A("yesterday", DAY, -1), A("today", DAY, 0), A("tomorrow", DAY, 1),
	A("this morning", DAY, 0), A("this afternoon", DAY, 0), A("this evening", DAY, 0),
	A("tonight", DAY, 0), A("last night", DAY, -1), A("last evening", DAY, -1),
	{ "# decade ago", DATES_UNIT_YEAR, -10, false, DATES_PERIOD_NONE, 0, 0 },
	{ "# decades ago", DATES_UNIT_YEAR, -10, false, DATES_PERIOD_NONE, 0, 0 },
	A("last week", WEEK, -1), A("this past week", WEEK, -1), A("this week", WEEK, 0),
	A("next week", WEEK, 1),
	A("last month", MONTH, -1), A("next month", MONTH, 1),
	A("last year", YEAR, -1), A("this year", YEAR, 0), A("next year", YEAR, 1),
	A("the current year", YEAR, 0), A("the current month", MONTH, 0),
	AGO_EN("day", "days", DAY), AGO_EN("week", "weeks", WEEK),
	AGO_EN("month", "months", MONTH), AGO_EN("year", "years", YEAR),
	SEASON_EN("spring", SPRING), SEASON_EN("summer", SUMMER), SEASON_EN("autumn", AUTUMN),
	SEASON_EN("fall", AUTUMN), SEASON_EN("winter", WINTER),
	/* English, from the narrative */
	LATER_EN("day", "days", DAY), LATER_EN("week", "weeks", WEEK),
	LATER_EN("month", "months", MONTH), LATER_EN("year", "years", YEAR),
	N("the following week", WEEK, 1), N("the following month", MONTH, 1),
	N("the following year", YEAR, 1), N("the next year", YEAR, 1),
	N("the previous week", WEEK, -1), N("the previous month", MONTH, -1),
	N("the previous year", YEAR, -1), N("the preceding year", YEAR, -1),
	NA("the year before", YEAR, -1), NA("the year after", YEAR, 1),
	N("the same year", YEAR, 0), N("that same year", YEAR, 0), N("that year", YEAR, 0),
	N("the same day", DAY, 0), N("that same day", DAY, 0),
	/* the day the account is at; "in the day", with no account, the report's */
	NR("later in the day", DAY, 0), NR("earlier in the day", DAY, 0),
	N("later that day", DAY, 0), N("earlier that day", DAY, 0),
	N("the next morning", DAY, 1), N("the following morning", DAY, 1),
	N("the next evening", DAY, 1), N("the following evening", DAY, 1),
	PART("the end of the year", YEAR, LATE, 0), PART("the beginning of the year", YEAR, EARLY, 0),
	PART("the start of the year", YEAR, EARLY, 0), PART("the middle of the year", YEAR, MID, 0),
	PART("year-end", YEAR, LATE, PH_ALONE), PART("year end", YEAR, LATE, PH_ALONE),
	PART("year's end", YEAR, LATE, PH_ALONE),
	PART("the end of the month", MONTH, LATE, 0), PART("the beginning of the month", MONTH, EARLY, 0),
	PART("the start of the month", MONTH, EARLY, 0), PART("the middle of the month", MONTH, MID, 0),
	/* French, from the article */
	A("avant-hier", DAY, -2), A("après-demain", DAY, 2), A("hier", DAY, -1),
	A("aujourd'hui", DAY, 0), A("demain", DAY, 1),
	A("ce matin", DAY, 0), A("cet après-midi", DAY, 0), A("ce soir", DAY, 0),
	{ "il y a # décennie", DATES_UNIT_YEAR, -10, false, DATES_PERIOD_NONE, 0, 0 },
	{ "il y a # décennies", DATES_UNIT_YEAR, -10, false, DATES_PERIOD_NONE, 0, 0 },
	A("la semaine dernière", WEEK, -1), A("la semaine passée", WEEK, -1),
	A("cette semaine", WEEK, 0), A("la semaine prochaine", WEEK, 1),
	A("le mois dernier", MONTH, -1), A("le mois passé", MONTH, -1),
	A("le mois prochain", MONTH, 1),
	A("l'an dernier", YEAR, -1), A("l'an passé", YEAR, -1), A("l'année dernière", YEAR, -1),
	A("l'année passée", YEAR, -1), A("l'an prochain", YEAR, 1),
	A("l'année prochaine", YEAR, 1), A("cette année", YEAR, 0),
	A("l'année en cours", YEAR, 0), A("le mois en cours", MONTH, 0),
	AGO_FR("jour", "jours", DAY), AGO_FR("semaine", "semaines", WEEK),
	AGO_FR("mois", "mois", MONTH), AGO_FR("an", "ans", YEAR),
	S("ce printemps", SPRING, 0), S("cet été", SUMMER, 0), S("cet automne", AUTUMN, 0),
	S("cet hiver", WINTER, 0),
	S("le printemps dernier", SPRING, -1), S("l'été dernier", SUMMER, -1),
	S("l'automne dernier", AUTUMN, -1), S("l'hiver dernier", WINTER, -1),
	S("au printemps dernier", SPRING, -1), S("au printemps prochain", SPRING, 1),
	S("le printemps prochain", SPRING, 1), S("l'été prochain", SUMMER, 1),
	S("l'automne prochain", AUTUMN, 1), S("l'hiver prochain", WINTER, 1),
	/* French, from the narrative */
	LATER_FR("jour", "jours", DAY), LATER_FR("semaine", "semaines", WEEK),
	LATER_FR("mois", "mois", MONTH), LATER_FR("an", "ans", YEAR),
	LATER_FR("année", "années", YEAR),
	N("la semaine suivante", WEEK, 1), N("le mois suivant", MONTH, 1),
	N("l'année suivante", YEAR, 1), N("l'an suivant", YEAR, 1),
	N("la semaine précédente", WEEK, -1), N("le mois précédent", MONTH, -1),
	N("l'année précédente", YEAR, -1),
	N("la même année", YEAR, 0), N("cette année-là", YEAR, 0), N("cette même année", YEAR, 0),
	N("le même jour", DAY, 0),
	NR("plus tard dans la journée", DAY, 0), NR("plus tôt dans la journée", DAY, 0),
	PART("la fin de l'année", YEAR, LATE, 0), PART("fin de l'année", YEAR, LATE, 0),
	PART("le début de l'année", YEAR, EARLY, 0), PART("début de l'année", YEAR, EARLY, 0),
	PART("la fin du mois", MONTH, LATE, 0), PART("fin du mois", MONTH, LATE, 0),
	PART("le début du mois", MONTH, EARLY, 0), PART("début du mois", MONTH, EARLY, 0),
};

/* The Chinese phrases: tried at a Han character or a number only. */
static const struct dates_phrase dates_phrases_han[] = {
	/* Chinese, from the article */
	A("前天", DAY, -2), A("昨天", DAY, -1), A("昨日", DAY, -1), A("今天", DAY, 0),
	A("今日", DAY, 0), A("明天", DAY, 1), A("明日", DAY, 1),
	A("今晨", DAY, 0), A("今早", DAY, 0), A("今晚", DAY, 0), A("昨晚", DAY, -1),
	A("昨夜", DAY, -1), A("明晚", DAY, 1),
	A("上周", WEEK, -1), A("上週", WEEK, -1), A("上星期", WEEK, -1), A("上个星期", WEEK, -1),
	A("上個星期", WEEK, -1), A("本周", WEEK, 0), A("本週", WEEK, 0), A("这周", WEEK, 0),
	A("這週", WEEK, 0), A("本星期", WEEK, 0), A("这个星期", WEEK, 0), A("這個星期", WEEK, 0),
	A("下周", WEEK, 1), A("下週", WEEK, 1), A("下星期", WEEK, 1), A("下个星期", WEEK, 1),
	A("下個星期", WEEK, 1),
	A("上月", MONTH, -1), A("上个月", MONTH, -1), A("上個月", MONTH, -1),
	A("下月", MONTH, 1), A("下个月", MONTH, 1), A("下個月", MONTH, 1),
	A("去年", YEAR, -1), A("前年", YEAR, -2), A("今年", YEAR, 0), A("明年", YEAR, 1),
	A("#年前", YEAR, -1), A("#个月前", MONTH, -1), A("#個月前", MONTH, -1),
	A("#天前", DAY, -1), A("#日前", DAY, -1), A("#周前", WEEK, -1), A("#週前", WEEK, -1),
	A("#星期前", WEEK, -1),
	SY("今春", SPRING, 0), SY("今夏", SUMMER, 0), SY("今秋", AUTUMN, 0), SY("今冬", WINTER, 0),
	SY("去年春", SPRING, -1), SY("去年夏", SUMMER, -1), SY("去年秋", AUTUMN, -1),
	SY("去年冬", WINTER, -1), SY("今年春", SPRING, 0), SY("今年夏", SUMMER, 0),
	SY("今年秋", AUTUMN, 0), SY("今年冬", WINTER, 0), SY("明年春", SPRING, 1),
	SY("明年夏", SUMMER, 1), SY("明年秋", AUTUMN, 1), SY("明年冬", WINTER, 1),
	/* Chinese, from the narrative */
	N("次年", YEAR, 1), N("翌年", YEAR, 1), N("第二年", YEAR, 1), N("同年", YEAR, 0),
	N("當年", YEAR, 0), N("当年", YEAR, 0), N("前一年", YEAR, -1),
	N("次月", MONTH, 1), N("翌月", MONTH, 1), N("同日", DAY, 0), N("当天", DAY, 0),
	N("當天", DAY, 0),
	N("#年后", YEAR, 1), N("#年後", YEAR, 1), N("#年以后", YEAR, 1), N("#年以後", YEAR, 1),
	N("#个月后", MONTH, 1), N("#個月後", MONTH, 1), N("#天后", DAY, 1), N("#天後", DAY, 1),
	N("#周后", WEEK, 1), N("#週後", WEEK, 1),
	PART("年初", YEAR, EARLY, 0), PART("年底", YEAR, LATE, 0), PART("年末", YEAR, LATE, 0),
	PART("月初", MONTH, EARLY, 0), PART("月底", MONTH, LATE, 0), PART("月末", MONTH, LATE, 0),
};

struct dates_count_word {
	const char *w;
	int v;
};

/* Sorted by name (strcmp), for bsearch. */
static const struct dates_count_word dates_counts[] = {
	{ "a", 1 }, { "an", 1 }, { "cinq", 5 }, { "cinquante", 50 }, { "deux", 2 }, { "dix", 10 },
	{ "douze", 12 }, { "eight", 8 }, { "eleven", 11 }, { "fifteen", 15 }, { "fifty", 50 },
	{ "five", 5 }, { "four", 4 }, { "huit", 8 }, { "neuf", 9 }, { "nine", 9 }, { "one", 1 },
	{ "onze", 11 }, { "quatre", 4 }, { "quinze", 15 }, { "sept", 7 }, { "seven", 7 },
	{ "six", 6 }, { "ten", 10 }, { "thirty", 30 }, { "three", 3 }, { "trente", 30 },
	{ "trois", 3 }, { "twelve", 12 }, { "twenty", 20 }, { "two", 2 }, { "un", 1 }, { "une", 1 },
	{ "vingt", 20 },
};

static int dates_count_order(const void *a, const void *b)
{
	return strcmp(((const struct dates_count_word *)a)->w, ((const struct dates_count_word *)b)->w);
}

/* A count at i: digits, a number word, or (han) Chinese numerals. Its value,
 * the end in *end; 0 when none. */
static int dates_phrase_count(const char *s, size_t n, size_t i, bool han, size_t *end)
{
	size_t j = i;
	int v = 0;
	while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 3)
		v = v * 10 + (s[j++] - '0');
	if (j > i) {
		if (j < n && s[j] >= '0' && s[j] <= '9')
			return 0;
		*end = j;
		return v;
	}
	if (han) {
		struct dates_zhnum z;
		if (!dates_zh_number(s, n, i, &z) || z.value < 1 || z.value > 99 ||
		    (z.positional && z.ndigits > 1))
			return 0;
		*end = z.end;
		return z.value;
	}
	size_t we = dates_word_end(s, n, i);
	char w[16];
	if (we == i || !dates_word_lower(s, i, we, w, sizeof w))
		return 0;
	struct dates_count_word key = { w, 0 };
	const struct dates_count_word *c = bsearch(&key, dates_counts,
						   sizeof dates_counts / sizeof *dates_counts,
						   sizeof *dates_counts, dates_count_order);
	if (!c)
		return 0;
	*end = we;
	return c->v;
}

/* Does phrase p match the text at i? Then its end in *end. A "#" (always
 * the phrase's first character or after "il y a ") takes the count read
 * once by the caller at i (cv, ending at ce), or is read here. */
static bool dates_phrase_match(const char *s, size_t n, size_t i, const char *p, int cv,
			       size_t ce, size_t *end, int *count)
{
	size_t j = i;
	bool han = (unsigned char)p[0] >= 0xE0 || ((p[0] == '#') && (unsigned char)p[1] >= 0xE0);
	*count = 1;
	for (; *p; p++) {
		char c = *p;
		if (c == '#') {
			size_t e = ce;
			int v = j == i ? cv : dates_phrase_count(s, n, j, han, &e);
			if (v <= 0)
				return false;
			*count = v;
			j = e;
		} else if (c == ' ') {
			size_t k = j;
			while (k < n && s[k] == ' ')
				k++;    /* the usual space, without decoding */
			k = dates_skip_spaces(s, n, k);
			if (k == j)
				return false;
			j = k;
		} else if (c == '\'') {
			if (j < n && s[j] == '\'')
				j++;
			else if (j + 3 <= n && memcmp(s + j, "\xE2\x80\x99", 3) == 0)
				j += 3;
			else
				return false;
		} else {
			char t = j < n ? s[j] : '\0';
			if (t >= 'A' && t <= 'Z')
				t = (char)(t + 32);
			if (t != c)
				return false;
			j++;
		}
	}
	if (!han) {
		size_t len;
		if (dates_is_latin(dates_cp(s, n, j, &len)))
			return false;
	}
	*end = j;
	return true;
}

/* Whether a noun follows at k (after spaces): "two years after the war". */
static bool dates_phrase_noun_follows(const char *s, size_t n, size_t k)
{
	size_t j = dates_skip_spaces(s, n, k), len;
	return dates_is_latin(dates_cp(s, n, j, &len));
}

/* Chinese has no spaces: a phrase may be the tail of one word and the head of
 * the next (日本周边 is not 本周, 相当年轻 not 当年, 说明年度 not 明年, 目前年轻
 * not 前年). The characters that make such words with the first one, and a
 * 度 after a year (年度, the fiscal year), rule it out. */
static bool dates_phrase_han_ok(const char *s, size_t n, size_t i, size_t end)
{
	static const char *const glued[] = {
		"本日基根资資成版文样樣剧劇课課书書账賬", "当相适適应應充正", "當相适適应應充正",
		"前目此之以提空当當从從先向", "明说說声聲证證表透发發光文英清精分鲜鮮简簡高聪聰",
		"同不共相", "去过過失除", "今至如现現", "上以向北南东東西路马馬", "下以向天地手乡鄉",
		"年每全年", "月每岁歲个個",
	};
	size_t st = i > 3 ? i - 3 : 0, len;
	while (st < i && ((unsigned char)s[st] & 0xC0) == 0x80)
		st++;
	if (st >= i || dates_cp(s, n, st, &len) < 0x3400)
		goto after;
	for (size_t g = 0; g < sizeof glued / sizeof *glued; g++) {
		const char *set = glued[g];
		size_t fl = (size_t)(((unsigned char)set[0] >= 0xF0) ? 4 : 3);
		if (memcmp(s + i, set, fl) != 0)
			continue;
		for (size_t k = fl; set[k]; k += fl)
			if (memcmp(s + st, set + k, fl) == 0 && i - st == fl)
				return false;
	}
after:;
	/* 初步 (preliminary), 初次 (first time), 初中 (a school) are no 月初 */
	static const char *const after_chu = "步次中级級始衷稿";
	if (end >= 3 && memcmp(s + end - 3, "初", 3) == 0 && end + 3 <= n)
		for (size_t k = 0; after_chu[k]; k += 3)
			if (memcmp(s + end, after_chu + k, 3) == 0)
				return false;
	/* 今年春节 is this year's Spring Festival (a holiday), not this spring */
	if (end >= 3 && memcmp(s + end - 3, "春", 3) == 0 && end + 3 <= n &&
	    (memcmp(s + end, "节", 3) == 0 || memcmp(s + end, "節", 3) == 0))
		return false;
	/* 今年度, 明年度: a fiscal year names an account, not a time */
	return !(end + 3 <= n && memcmp(s + end, "度", 3) == 0 && end >= 3 &&
		 memcmp(s + end - 3, "年", 3) == 0);
}

/* Is the phrase s[i..end) part of a name: "This Week" (a programme), "USA
 * Today", "VOA Today"? A word after the first with a capital, or a
 * capitalised phrase after another capitalised word in mid-sentence. */
static bool dates_phrase_is_name(const char *s, size_t n, size_t i, size_t end)
{
	for (size_t k = i + 1; k < end; k++)
		if (s[k - 1] == ' ' && s[k] >= 'A' && s[k] <= 'Z')
			return true;
	if (s[i] < 'A' || s[i] > 'Z')
		return false;
	size_t j = i;
	while (j > 0 && s[j - 1] == ' ')
		j--;
	if (j == i || j == 0)
		return false;
	size_t w = j;
	while (w > 0 && dates_is_latin((unsigned char)s[w - 1]) && (unsigned char)s[w - 1] < 0x80)
		w--;
	(void)n;
	return w < j && s[w] >= 'A' && s[w] <= 'Z';
}

/* The first words of the Latin phrases and the counts, sorted (strcmp): a
 * word not among them opens no phrase, which most words learn from one
 * binary search. */
static const char *const dates_phrase_openers[] = {
	"a", "an", "après", "au", "aujourd", "avant", "ce", "cet", "cette", "cinq", "cinquante",
	"demain", "deux", "dix", "douze", "début", "earlier", "eight", "eleven", "fifteen", "fifty",
	"fin", "five", "four", "hier", "huit", "il", "l", "la", "last", "later", "le", "neuf",
	"next", "nine", "one", "onze", "plus", "quatre", "quinze", "sept", "seven", "six", "ten",
	"that", "the", "thirty",
	"this", "three", "today", "tomorrow", "tonight", "trente", "trois", "twelve", "twenty", "two", "un",
	"une", "vingt", "year", "yesterday",
};

static int dates_phrase_str_order(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool dates_phrase_opener(const char *s, size_t n, size_t i, char *w, size_t size)
{
	size_t we = dates_word_end(s, n, i);
	if (we == i || !dates_word_lower(s, i, we, w, size))
		return false;
	const char *key = w;
	return bsearch(&key, dates_phrase_openers,
		       sizeof dates_phrase_openers / sizeof *dates_phrase_openers,
		       sizeof *dates_phrase_openers, dates_phrase_str_order) != NULL;
}

/* The longest entry of table t[0..nt) that matches at i, into *best, *bp and
 * *bcount. lc0 is the first byte lowercased, w the first word (Latin), cv and
 * ce the count there (cv 0: none). */
static void dates_phrase_scan(const char *s, size_t n, size_t i, const struct dates_phrase *t,
			      size_t nt, unsigned char lc0, const char *w, int cv, size_t ce,
			      size_t *best, const struct dates_phrase **bp, int *bcount)
{
	size_t wl = strlen(w);
	/* the word after a count: "days" of "two days later" */
	char w2[16] = "";
	if (cv > 0) {
		size_t j = dates_skip_spaces(s, n, ce), we = dates_word_end(s, n, j);
		if (we == j || !dates_word_lower(s, j, we, w2, sizeof w2))
			w2[0] = '\0';
	}
	size_t w2l = strlen(w2);
	for (size_t k = 0; k < nt; k++) {
		const struct dates_phrase *p = &t[k];
		unsigned char f = (unsigned char)p->text[0];
		/* A cheap first test: the first byte, or a count for "#"; then the
		 * whole first character (Han) or word (Latin). */
		if (f == '#') {
			/* the count, then the unit word (Latin) or character (Han) */
			if (cv <= 0)
				continue;
			if (p->text[1] == ' ') {
				if (!w2[0] || strncmp(p->text + 2, w2, w2l) != 0 ||
				    !strchr(" '-", p->text[2 + w2l]))
					continue;
			} else if (ce + 3 > n || memcmp(p->text + 1, s + ce, 3) != 0) {
				continue;
			}
		} else if (f != lc0) {
			continue;
		} else if (f >= 0x80) {
			if (i + 2 >= n || p->text[1] != s[i + 1] || p->text[2] != s[i + 2])
				continue;
		} else if (!wl || strncmp(p->text, w, wl) != 0 || !strchr(" '-", p->text[wl])) {
			continue;
		}
		size_t end;
		int count;
		if (!dates_phrase_match(s, n, i, p->text, cv, ce, &end, &count) || end <= *best)
			continue;
		if ((p->flags & PH_ALONE) && dates_phrase_noun_follows(s, n, end))
			continue;
		if ((f >= 0xE0 || (f == '#' && (unsigned char)p->text[1] >= 0xE0)) &&
		    !dates_phrase_han_ok(s, n, i, end))
			continue;
		if (f < 0x80 && f != '#' && !p->narrative && dates_phrase_is_name(s, n, i, end))
			continue;
		*best = end;
		*bp = p;
		*bcount = count;
	}
}

size_t dates_phrase_at(const char *s, size_t n, size_t i, struct datex *x)
{
	unsigned char c0 = (unsigned char)s[i];
	bool digit = c0 >= '0' && c0 <= '9', han = c0 >= 0xE0;
	char w[16] = "";
	if (!han && !digit && !dates_phrase_opener(s, n, i, w, sizeof w))
		return 0;
	/* Entries that open with a count are tried only where there is one. */
	size_t ce = i;
	int cv = dates_phrase_count(s, n, i, han, &ce);
	size_t best = 0;
	const struct dates_phrase *bp = NULL;
	int bcount = 0;
	unsigned char lc0 = c0 >= 'A' && c0 <= 'Z' ? (unsigned char)(c0 + 32) : c0;
	if (!han)
		dates_phrase_scan(s, n, i, dates_phrases, sizeof dates_phrases / sizeof *dates_phrases,
				  lc0, w, cv, ce, &best, &bp, &bcount);
	if (han || digit)
		dates_phrase_scan(s, n, i, dates_phrases_han,
				  sizeof dates_phrases_han / sizeof *dates_phrases_han, lc0, w, cv, ce,
				  &best, &bp, &bcount);
	if (!bp)
		return 0;
	memset(x, 0, sizeof *x);
	x->kind = DATEX_RELATIVE;
	x->start = i;
	x->len = best - i;
	x->unit = bp->unit;
	x->offset = bp->offset * bcount;
	x->narrative = bp->narrative;
	x->or_ref = (bp->flags & PH_OR_REF) != 0;
	x->period = bp->period;
	x->tense = bp->tense;
	x->temporal = true;
	x->prec = bp->period != DATES_PERIOD_NONE && !dates_period_is_part(bp->period) ? DATE_MONTH :
		  bp->unit == DATES_UNIT_YEAR ? DATE_YEAR :
		  bp->unit == DATES_UNIT_MONTH ? DATE_MONTH : DATE_DAY;
	/* 上周五, 本星期三, 下週一: a day of the week counted to */
	size_t we;
	int wd;
	if (han && bp->unit == DATES_UNIT_WEEK && !bp->narrative && !(bp->text[0] == '#') &&
	    (wd = dates_zh_weekday_at(s, n, best, &we)) >= 0) {
		x->weekday = wd;
		x->day = wd + 1;        /* says a weekday was given (Sunday is 0) */
		best = we;
		x->len = best - i;
		return best;
	}
	/* 上个月15日, 下月3日, 次月5日: a day of the month counted to */
	size_t de;
	if (han && bp->unit == DATES_UNIT_MONTH && bp->period == DATES_PERIOD_NONE &&
	    bp->offset != 0 && (x->day = dates_zh_day(s, n, best, &de)) > 0) {
		x->prec = DATE_DAY;
		best = de;
		x->len = best - i;
	}
	return best;
}
