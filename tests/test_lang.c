/* test_lang.c: the language of a paragraph, by script and vocabulary. */
#include <config.h>

#include <string.h>

#include "annals.h"
#include "lang.h"
#include "tap.h"

static void is(struct lang_detector *ld, const char *text, const char *want)
{
	char tag[LANG_TAG_MAX];
	lang_detect(ld, text, strlen(text), tag);
	tap_str_eq(tag, want, text);
}

static void norm(const char *in, const char *want)
{
	char tag[LANG_TAG_MAX];
	lang_normalise(in, tag);
	tap_str_eq(tag, want, in);
}

int main(void)
{
	struct lang_detector *ld = lang_new(annals_data_dir());
	is(ld, "The forum focused on delivering better outcomes of the initiative.", "en");
	is(ld, "la chine et l'afrique renforceront leur coopération dans le domaine de la cybersécurité", "fr");
	is(ld, "Le ministre a répondu aux questions des journalistes.", "fr");
	is(ld, "Die Regierung hat die Zusammenarbeit mit den Partnern und der Industrie gestärkt.", "de");
	is(ld, "El gobierno y los socios firmaron el acuerdo para la cooperación.", "es");
	is(ld, "2022年12月14日，由国家计算机网络应急技术处理协调中心主办的会议在线上成功举办。", "zh-Hans");
	is(ld, "近年來,世界各國已深刻認識到共同應對網絡安全威脅的重要性。", "zh-Hant");
	is(ld, "CNCERT/CC运行部主任严寒冰参会并致辞", "zh-Hans");
	is(ld, "中国", "zh-Hans");
	is(ld, "中國", "zh-Hant");
	is(ld, "中文", "zh");  /* the same in both forms: undecided here, ingest decides */
	is(ld, "これは日本語の文章です。東京で会議が開かれた。", "ja");
	is(ld, "한국어 문장입니다. 회의가 열렸다.", "ko");
	is(ld, "Это русский текст о сотрудничестве.", "ru");
	is(ld, "Αυτό είναι ένα κείμενο στα ελληνικά.", "el");
	is(ld, "هذا نص باللغة العربية", "ar");
	is(ld, "שלום עולם", "he");
	is(ld, "12345 67", "und");
	is(ld, "CNCERT", "und");
	is(ld, "", "und");
	/* A very long paragraph costs a bounded sample. */
	char big[20000];
	for (size_t i = 0; i + 4 < sizeof big; i += 4)
		memcpy(big + i, "the ", 4);
	big[sizeof big - 4] = '\0';
	is(ld, big, "en");
	lang_free(ld);

	/* The character-only conversion in data/ and OpenCC's own s2t.json (used
	 * without a data folder, or when the file is missing) agree. */
	static const char *const han[] = {
		"2022年12月14日，由国家计算机网络应急技术处理协调中心主办的会议在线上成功举办。",
		"近年來,世界各國已深刻認識到共同應對網絡安全威脅的重要性。",
		"头发干了，乾隆皇帝的后来", "頭髮乾了，乾隆皇帝的後來", "么麼著着了瞭", "台臺颱檯",
	};
	struct lang_detector *quick = lang_new(annals_data_dir());
	struct lang_detector *plain = lang_new(NULL);
	struct lang_detector *missing = lang_new("/nonexistent");
	for (size_t i = 0; i < sizeof han / sizeof *han; i++) {
		char a[LANG_TAG_MAX], b[LANG_TAG_MAX], c[LANG_TAG_MAX];
		lang_detect(quick, han[i], strlen(han[i]), a);
		lang_detect(plain, han[i], strlen(han[i]), b);
		lang_detect(missing, han[i], strlen(han[i]), c);
		tap_ok(strcmp(a, b) == 0 && strcmp(b, c) == 0 && strncmp(a, "zh", 2) == 0, han[i]);
	}
	/* Every ideograph of the unified block, one at a time. */
	long disagree = 0;
	for (unsigned cp = 0x4e00; cp <= 0x9fff; cp++) {
		char ch[4] = { (char)(0xe0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3f)),
			       (char)(0x80 | (cp & 0x3f)), '\0' };
		char a[LANG_TAG_MAX], b[LANG_TAG_MAX];
		lang_detect(quick, ch, 3, a);
		lang_detect(plain, ch, 3, b);
		disagree += strcmp(a, b) != 0;
	}
	tap_int_eq(disagree, 0, "each ideograph alone: both conversions agree");
	lang_free(quick);
	lang_free(plain);
	lang_free(missing);

	norm("zh_CN", "zh-Hans");
	norm("zh-TW", "zh-Hant");
	norm("zh-Hant-HK", "zh-Hant");
	norm("EN-us", "en");
	norm("fr", "fr");
	norm("zh", "zh");
	norm("", "und");
	norm("!!", "und");
	norm("english language", "und");
	tap_str_eq(lang_script_of_tag("zh-Hant"), "Hani", "script of zh-Hant");
	tap_str_eq(lang_script_of_tag("fr"), "Latn", "script of fr");
	tap_str_eq(lang_script_of_tag("ru"), "Cyrl", "script of ru");
	tap_str_eq(lang_script_of_text("Hello 世界 world", strlen("Hello 世界 world")), "Latn",
		   "script of mostly Latin text");
	return tap_done();
}
