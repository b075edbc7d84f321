/* test_clean.c: bytes to clean text, Markdown inline markup, and the
 * boilerplate rules (the bundled list and the general ones). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "clean.h"
#include "tap.h"

static void text_is(const char *in, size_t len, const char *want, const char *what)
{
	size_t n;
	char *got = clean_text(in, len, &n);
	tap_str_eq(got, want, what);
	tap_int_eq((long long)n, (long long)strlen(want), "  and its length");
	free(got);
}

/* The literal's own length, so that embedded NUL bytes count. */
#define TEXT_IS(lit, want, what) text_is(lit, sizeof(lit) - 1, want, what)

static void inline_is(const char *in, const char *want, size_t nspans, const char *what)
{
	struct span *sp;
	size_t n;
	char *got = clean_markdown_inline(in, strlen(in), &sp, &n);
	tap_str_eq(got, want, what);
	tap_int_eq((long long)n, (long long)nspans, "  spans");
	free(got);
	free(sp);
}

/* The code points cleaning does not normalise must be the ones normalisation
 * could not change: checked against utf8proc's own tables, all of Unicode. */
static void inert_checks(void)
{
	long changed = 0, combining = 0, second = 0, folded = 0, ninert = 0;
	for (utf8proc_int32_t cp = 0; cp < 0x110000; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		utf8proc_int32_t d[32];
		int last = 0;
		utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 32, UTF8PROC_DECOMPOSE, &last);
		/* A composite's later parts must never be inert, or an inert
		 * character could join what comes before it. */
		for (utf8proc_ssize_t k = 1; k < n && k < 32; k++)
			second += clean_nfc_inert(d[k]);
		if (!clean_nfc_inert(cp))
			continue;
		ninert++;
		combining += utf8proc_get_property(cp)->combining_class != 0;
		utf8proc_uint8_t enc[4], *nfc = NULL;
		utf8proc_ssize_t el = utf8proc_encode_char(cp, enc);
		utf8proc_ssize_t nl = utf8proc_map(enc, el, &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		changed += !(nl == el && memcmp(nfc, enc, (size_t)el) == 0);
		free(nfc);
		if (clean_fold_inert(cp)) {
			n = utf8proc_decompose_char(cp, d, 32, UTF8PROC_CASEFOLD, &last);
			folded += !(n == 1 && d[0] == cp);
		}
	}
	tap_ok(ninert > 28000, "inert code points: ASCII, Latin, kana, ideographs ...");
	tap_int_eq(changed, 0, "NFC leaves every inert code point as it is");
	tap_int_eq(combining, 0, "no inert code point combines (class 0)");
	tap_int_eq(second, 0, "no inert code point is a later part of a composite");
	tap_int_eq(folded, 0, "case folding leaves the fold-inert ones alone");
	tap_ok(!clean_nfc_inert(0x301) && !clean_nfc_inert(0x2000) && !clean_nfc_inert(0x3099) &&
	       !clean_nfc_inert(0xf900) && !clean_nfc_inert(0x1161), "marks, singletons, jamo are not");
	tap_ok(clean_nfc_inert('e') && clean_nfc_inert(0xe9) && clean_nfc_inert(0x4e2d) &&
	       clean_nfc_inert(0x201c) && clean_nfc_inert(0xff0c), "letters, ideographs, quotes are");
}

static void key_is(const char *in, const char *want, const char *what)
{
	char *got = clean_key(in, strlen(in));
	tap_str_eq(got, want, what);
	free(got);
}

/* clean_text's bound (CLEAN_TEXT_MAX): form feeds and vertical tabs become
 * blank lines, stray bytes U+FFFD, and NFC grows some code points; every code
 * point of Unicode is tried alone and three times over. */
static void bound_checks(void)
{
	static const char *const cases[] = { "\v\v", "\f", "\xff\xfe", "a\vb\fc",
		"\xf0\x9d\x85\xa0" /* U+1D160: its NFC is three code points */ };
	bool within = true;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n, len = strlen(cases[i]);
		char *got = clean_text(cases[i], len, &n);
		within &= n <= CLEAN_TEXT_MAX(len) && n == strlen(got);
		free(got);
	}
	tap_ok(within, "clean_text: form feeds, stray bytes and NFC within CLEAN_TEXT_MAX");
	size_t worst = 0, worst_cp = 0;
	for (utf8proc_int32_t cp = 1; cp < 0x110000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		utf8proc_uint8_t enc[12];
		utf8proc_ssize_t el = utf8proc_encode_char(cp, enc);
		memcpy(enc + el, enc, (size_t)el);
		memcpy(enc + 2 * el, enc, (size_t)el);
		size_t n;
		char *got = clean_text((const char *)enc, 3 * (size_t)el, &n);
		free(got);
		if (n * 100 / (3 * (size_t)el) > worst) {
			worst = n * 100 / (3 * (size_t)el);
			worst_cp = (size_t)cp;
		}
	}
	tap_diag("clean_text: at most %zu%% of the input's length (U+%04zX)", worst, worst_cp);
	tap_ok(worst <= 300, "clean_text: every code point within CLEAN_TEXT_MAX");
}

int main(void)
{
	inert_checks();
	bound_checks();
	/* Keys: the quick way (ASCII, Chinese) and the full one agree. */
	key_is("  Share on FACEBOOK!  ", "shareonfacebook", "key of ASCII: lowered, no spaces, trimmed");
	key_is("（分享到 微信）", "分享到微信", "key of Chinese: no spaces, trimmed");
	key_is("ＡＢＣ Ünïcode", "ａｂｃünïcode", "key of full-width and accented letters: folded");
	key_is("Cafe\xcc\x81", "café", "key of decomposed text: composed");
	/* Text that is NFC already is left as it is; other text is composed. */
	TEXT_IS("e\xcc\x81t\xc3\xa9 \xe2\x80\x9c\xe4\xb8\xad\xe2\x80\x9d",
		"\xc3\xa9t\xc3\xa9 \xe2\x80\x9c\xe4\xb8\xad\xe2\x80\x9d", "decomposed letters composed");
	TEXT_IS("\xe3\x81\x8b\xe3\x82\x99", "\xe3\x81\x8c", "kana and its voicing mark composed");
	TEXT_IS("\xef\xbc\xa1\xe2\x80\x94\xe4\xb8\xad", "\xef\xbc\xa1\xe2\x80\x94\xe4\xb8\xad",
		"full-width letter, dash, ideograph: as they were");
	TEXT_IS("\xe2\x80\x80", "\xe2\x80\x82", "U+2000 becomes U+2002 (a singleton)");

	struct collection c;
	collection_init(&c);
	size_t n;

	/* Invalid UTF-8 and NUL bytes. */
	char *s = clean_utf8("ab\xff" "cd\xe4\xb8" "e\0f", 10, "x.txt", &c, &n);
	tap_str_eq(s, "ab\xef\xbf\xbd" "cd\xef\xbf\xbd\xef\xbf\xbd" "ef", "invalid bytes become U+FFFD, NUL dropped");
	tap_int_eq((long long)n, (long long)strlen(s), "length of the repaired text");
	free(s);
	tap_int_eq((long long)c.nwarnings, 4, "four warnings: three bytes and the NUL");
	if (c.nwarnings == 4) {
		tap_str_eq(c.warnings[0], "x.txt: byte 2: invalid UTF-8 replaced", "warning names file and offset");
		tap_str_eq(c.warnings[1], "x.txt: byte 5: invalid UTF-8 replaced", "second offset");
		tap_str_eq(c.warnings[2], "x.txt: byte 6: invalid UTF-8 replaced", "third offset");
		tap_str_eq(c.warnings[3], "x.txt: 1 NUL byte removed", "NUL warning");
	}
	collection_free(&c);
	s = clean_utf8("\x80\x80\x80\x80\x80", 5, "y", &c, &n);
	tap_int_eq((long long)c.nwarnings, 4, "after three warnings one summary");
	if (c.nwarnings == 4)
		tap_str_eq(c.warnings[3], "y: 2 more invalid UTF-8 bytes replaced", "summary counts the rest");
	free(s);
	collection_free(&c);
	s = clean_utf8("日本 é ok", strlen("日本 é ok"), "z", &c, &n);
	tap_str_eq(s, "日本 é ok", "valid text unchanged");
	tap_int_eq((long long)c.nwarnings, 0, "and no warning");
	free(s);

	/* Line ends, controls, escape sequences, NFC. */
	TEXT_IS("a\r\nb\rc\n", "a\nb\nc\n", "CRLF and CR become LF");
	TEXT_IS("a\tb", "a b", "tab becomes a space");
	TEXT_IS("x\x1b[1;31mred\x1b[0m y", "xred y", "CSI sequences removed");
	TEXT_IS("\x1b]0;evil title\x07ok", "ok", "OSC to BEL removed");
	TEXT_IS("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link", "OSC to ST removed (hyperlink)");
	TEXT_IS("a\x1b" "7b\x1b(Bc", "abc", "two- and three-byte escapes removed");
	TEXT_IS("a\xc2\x9b" "2Jb", "ab", "C1 CSI removed");
	TEXT_IS("a\xc2\x85" "b", "a\nb", "NEL becomes a line end");
	TEXT_IS("a\x7f\x01\x08" "b", "ab", "DEL and C0 controls removed");
	TEXT_IS("a\0b", "ab", "embedded NUL dropped");
	TEXT_IS("\xef\xbb\xbf" "a\xe2\x80\xae" "b", "ab", "BOM and bidi override removed");
	TEXT_IS("e\xcc\x81t\xc3\xa9", "\xc3\xa9t\xc3\xa9", "NFC: e + combining acute composes");
	TEXT_IS("中文\xe2\x80\x8d👍", "中文\xe2\x80\x8d👍", "ZWJ kept");

	/* Markdown inline markup. */
	inline_is("a **b c** d", "a b c d", 1, "strong markers removed");
	struct span *sp;
	char *t = clean_markdown_inline("x **一是。**y", strlen("x **一是。**y"), &sp, &n);
	tap_ok(n == 1 && sp[0].start == 2 && sp[0].len == strlen("一是。"), "span covers the bold text");
	free(t);
	free(sp);
	inline_is("an *em* word", "an em word", 1, "em markers removed");
	inline_is("2 * 3 * 4", "2 * 3 * 4", 0, "lone stars are not emphasis");
	inline_is("snake_case_name", "snake_case_name", 0, "underscores inside words stay");
	inline_is("see [the site](http://x.org) now", "see the site now", 0, "links keep their text");
	inline_is("a \\*b\\*", "a *b*", 0, "escapes resolved");
	inline_is("**unclosed", "**unclosed", 0, "unclosed markers stay");

	/* Keys, punctuation, sentences. */
	t = clean_key("  Related Posts: ", 17);
	tap_str_eq(t, "relatedposts", "key: folded, spaces and trailing colon gone");
	free(t);
	t = clean_key("，分享。", strlen("，分享。"));
	tap_str_eq(t, "分享", "key: CJK punctuation trimmed");
	free(t);
	tap_ok(clean_is_punctuation("：", 3), "lone full-width colon is punctuation");
	tap_ok(clean_is_punctuation(" × ", 4), "lone multiplication sign is punctuation");
	tap_ok(!clean_is_punctuation("a.", 2), "a letter is not");
	tap_ok(clean_ends_sentence("He left.", 8), "ends a sentence");
	tap_ok(clean_ends_sentence("他说。”", strlen("他说。”")), "full stop before a closing quote");
	tap_ok(!clean_ends_sentence("A Title", 7), "a title does not");
	tap_int_eq((long long)clean_codepoints("中a", 4), 2, "code points");

	/* The bundled list and the general rules. */
	struct clean_rules *r = clean_rules_load(ANNALS_SRCDATADIR "/boilerplate.txt", &c);
	tap_int_eq((long long)c.nwarnings, 0, "the bundled list loads");
#define BP(line, want) tap_ok(clean_is_boilerplate(r, line, strlen(line)) == want, "%s: %s", \
			      want ? "furniture" : "text", line)
	BP("Related Posts", true);
	BP("RELATED POSTS:", true);
	BP("The Links: CM600DY-12NF LCM-5523-32NTK", true);
	BP("Parts: XR2206CP-A1 LM317T-DG ATMEGA328P-PU", true);
	BP("한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañolItalianoSuomalainenLatina", true);
	BP("English | 中文 | Français", true);
	BP("Mandarin Chinese:", true);
	BP("，轻点两下取消赞", true);
	BP("微信扫一扫可打开此内容，", true);
	BP("：", true);
	BP("Video PlayerClose", true);
	BP("rapport/commentaires", true);
	BP("nouvelles", true);
	BP("原创", true);
	BP("English is spoken widely in the region.", false);
	BP("ICANN, IETF, W3C and other institutions signed the statement.", false);
	BP("The forum discussed models such as GPT-4 and Llama-3 last year.", false);
	BP("Shang suggested that measures should be taken.", false);
	BP("China and Africa", false);
	tap_int_eq((long long)clean_source_label(r, "Source: Xinhua", 14), 8, "Source: label");
	tap_int_eq((long long)clean_source_label(r, "来源：新华社", strlen("来源：新华社")), 9, "来源： label");
	tap_int_eq((long long)clean_source_label(r, "Sources say the talks failed", 28), 0, "not a label without a colon");
	clean_rules_free(r);
	collection_free(&c);

	/* A list of one's own: the format. */
	r = clean_rules_load(FIXTURES_DIR "/ingest/boilerplate-format.txt", &c);
	BP("Buy now!", true);
	BP("SPONSORED CONTENT: our partners", true);
	BP("Buy now and later, the minister said.", false);
	BP("Buy later", false);
	clean_rules_free(r);
	collection_free(&c);
	r = clean_rules_load("/nonexistent/boilerplate.txt", &c);
	tap_int_eq((long long)c.nwarnings, 1, "a missing list is warned about");
	BP("：", true);
	clean_rules_free(r);
	collection_free(&c);
	return tap_done();
}
