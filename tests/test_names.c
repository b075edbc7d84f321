/* test_names.c: names across scripts. Pairs that must match (pinyin,
 * transliteration, English and French forms) and pairs that must not, and the
 * names a sentence is found to hold. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "tap.h"

static const char *names_how_name(enum names_how h)
{
	switch (h) {
	case NAMES_PINYIN: return "pinyin";
	case NAMES_SOUND: return "sound";
	case NAMES_LATIN: return "latin";
	default: return "none";
	}
}

static void check(const char *a, const char *b, enum names_how want)
{
	enum names_how got = names_match(a, strlen(a), b, strlen(b));
	tap_ok(got == want, "%s ~ %s: %s", a, b, names_how_name(want));
	if (got != want)
		tap_diag("got %s", names_how_name(got));
	/* the same either way round */
	enum names_how back = names_match(b, strlen(b), a, strlen(a));
	tap_ok(back == got, "%s ~ %s: the same backwards", b, a);
}

static void check_spans(const char *s, bool zh, const char *want)
{
	struct names_span sp[16];
	size_t n = names_latin_spans(s, strlen(s), zh, sp, 16);
	char got[256] = "";
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(got, "|");
		strncat(got, s + sp[i].start, sp[i].len);
	}
	char what[300];
	snprintf(what, sizeof what, "names in \"%s\"", s);
	tap_str_eq(got, want, what);
}

/* The keys names_han_keys gives substring [start, start + len) of a text. */
struct keys_of {
	size_t start, len, n;
	uint64_t key[64];
};

static void keys_of_add(uint64_t key, size_t start, size_t len, void *arg)
{
	struct keys_of *k = arg;
	if (start == k->start && len == k->len && k->n < 64)
		k->key[k->n++] = key;
}

static int key_order(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
	return a < b ? -1 : a > b;
}

/* A name in a sentence has the keys it has alone, and a few at most: two (the
 * pinyin and the sound key) for each of four reading combinations. */
static void check_han_keys(const char *sentence, const char *name)
{
	const char *at = strstr(sentence, name);
	struct keys_of in = { (size_t)(at - sentence), strlen(name), 0, { 0 } };
	struct keys_of alone = { 0, strlen(name), 0, { 0 } };
	names_han_keys(sentence, strlen(sentence), keys_of_add, &in);
	names_han_keys(name, strlen(name), keys_of_add, &alone);
	qsort(in.key, in.n, sizeof *in.key, key_order);
	qsort(alone.key, alone.n, sizeof *alone.key, key_order);
	tap_ok(alone.n > 0 && alone.n <= 8, "%s: %zu keys, at most 8", name, alone.n);
	tap_ok(in.n == alone.n && memcmp(in.key, alone.key, in.n * sizeof *in.key) == 0,
	       "%s: the same keys in \"%s\"", name, sentence);
}

/* A transliteration of name may have `fits` characters, not `too_many`. */
static void check_sound_fits(const char *name, size_t fits, size_t too_many)
{
	struct names_keys k;
	names_latin_keys(name, strlen(name), &k);
	tap_ok(k.sound_lo <= fits && fits <= k.sound_hi,
	       "%s: a transliteration may have %zu characters", name, fits);
	tap_ok(too_many > k.sound_hi, "%s: not %zu", name, too_many);
	if (k.sound_lo > fits || fits > k.sound_hi || too_many <= k.sound_hi)
		tap_diag("%s: %d to %d", name, k.sound_lo, k.sound_hi);
}

int main(void)
{
	char f[64];
	names_fold("Bosnie-Herzégovine", strlen("Bosnie-Herzégovine"), f, sizeof f);
	tap_str_eq(f, "bosnieherzegovine", "fold: accents, case and the hyphen");
	names_fold("ÉTATS-UNIS", strlen("ÉTATS-UNIS"), f, sizeof f);
	tap_str_eq(f, "etatsunis", "fold: capitals with accents");

	/* Chinese names in pinyin, with readings that are not the first */
	check("厦门", "Xiamen", NAMES_PINYIN);           /* 厦 shà first, xià here */
	check("深圳", "Shenzhen", NAMES_PINYIN);
	check("郭声琨", "Guo Shengkun", NAMES_PINYIN);
	check("郭聲琨", "Guo Shengkun", NAMES_PINYIN);    /* traditional */
	check("杭州", "Hangzhou", NAMES_PINYIN);
	check("吕梁", "Lüliang", NAMES_PINYIN);          /* ü folded */
	check("习近平", "Xi Jinping", NAMES_PINYIN);
	/* foreign names by sound */
	check("柏林", "Berlin", NAMES_SOUND);
	check("维也纳", "Vienna", NAMES_SOUND);
	check("维也纳", "Vienne", NAMES_SOUND);           /* French */
	check("里约热内卢", "Rio de Janeiro", NAMES_SOUND);
	check("阿根廷", "Argentina", NAMES_SOUND);
	check("阿根廷", "Argentine", NAMES_SOUND);
	check("布鲁塞尔", "Brussels", NAMES_SOUND);
	check("伦敦", "London", NAMES_SOUND);
	check("华盛顿", "Washington", NAMES_SOUND);
	check("莫斯科", "Moscou", NAMES_SOUND);
	check("尼泊尔", "Nepal", NAMES_SOUND);
	/* English and French forms */
	check("Bruxelles", "Brussels", NAMES_LATIN);
	check("Lisbonne", "Lisbon", NAMES_LATIN);
	check("Genève", "Geneve", NAMES_LATIN);
	check("Berlin", "berlin", NAMES_LATIN);

	/* must not match */
	check("厦门", "Shanghai", NAMES_NONE);
	check("深圳", "Shenyang", NAMES_NONE);
	check("郭声琨", "Guo Jinlong", NAMES_NONE);
	check("柏林", "Paris", NAMES_NONE);
	check("维也纳", "Venice", NAMES_NONE);
	check("不能", "Vienna", NAMES_NONE);             /* a common word, same consonants */
	check("本年", "Vienna", NAMES_NONE);
	check("阿根廷", "Algeria", NAMES_NONE);
	check("柏林", "Bern", NAMES_NONE);
	check("里约热内卢", "Rio", NAMES_NONE);
	check("Lisbonne", "London", NAMES_NONE);
	check("Bruxelles", "Brazil", NAMES_NONE);
	check("Austria", "Australia", NAMES_NONE);
	check("Iran", "Iraq", NAMES_NONE);
	check("Berlin", "Bern", NAMES_NONE);

	/* the keys a Han name is looked up by, alone and in a sentence; 重庆 and
	 * 长乐 are of characters with two readings each */
	check_han_keys("市长在重庆会见了郭声琨。", "重庆");
	check_han_keys("市长在重庆会见了郭声琨。", "郭声琨");
	check_han_keys("他们从长乐出发去里约热内卢", "长乐");
	check_han_keys("他们从长乐出发去里约热内卢", "里约热内卢");
	check_han_keys("重重长长乐乐", "重重长长乐乐");
	/* how many characters a transliteration has: a syllable per vowel
	 * group, and one for a consonant alone */
	check_sound_fits("Brussels", 4, 7);     /* 布鲁塞尔 */
	check_sound_fits("Vienna", 3, 6);       /* 维也纳 */
	check_sound_fits("Berlin", 2, 5);       /* 柏林 */
	check_sound_fits("Washington", 3, 9);   /* 华盛顿 */

	/* names in a sentence */
	check_spans("The mayor of Rio de Janeiro met Guo Shengkun in Berlin.", false,
		    "Rio|Rio de Janeiro|Janeiro|Guo|Guo Shengkun|Shengkun|Berlin");
	check_spans("Berlin hosted the talks on Monday.", false, "Monday");
	check_spans("Le maire de Lisbonne a rencontré l'ambassadeur.", false, "Lisbonne");
	check_spans("会议在Xiamen举行，IMF代表出席。", true, "Xiamen|IMF");
	check_spans("no names here at all", false, "");
	return tap_done();
}
