/* test_layout.c: widths, visible marks, wrapping and truncation. The wrapping
 * tests run every width from 1 to 120 over English, French, Chinese and mixed
 * text and check the invariants a reader relies on, then pin exact lines for a
 * few cases. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "layout.h"
#include "tap.h"

static const struct layout_opts narrow = { false, 8 };
static const struct layout_opts wide = { true, 8 };

/* ---------------------------------------------------------------- helpers */

/* Whether s[0..n) is something a terminal may be given: valid UTF-8 with no
 * C0, DEL, C1 or bidi embedding/override/isolate. */
static bool test_safe(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	size_t pos;

	for (pos = 0; pos < n; pos += (size_t)r) {
		r = utf8proc_iterate((const utf8proc_uint8_t *)s + pos, (utf8proc_ssize_t)(n - pos), &cp);
		if (r <= 0)
			return false;
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			return false;
		if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
			return false;
	}
	return true;
}

/* The visible form of a whole string, cluster by cluster; *safe is cleared when
 * any cluster's form is not safe or its length disagrees with strlen. */
static char *test_shown(const char *s, size_t n, const struct layout_opts *o, bool *safe)
{
	char *out = malloc(n * 12 + 1), one[LAYOUT_CLUSTER_MAX];
	size_t pos, len, k, used = 0;

	*safe = true;
	for (pos = 0; pos < n; pos += len) {
		layout_cluster(s + pos, n - pos, &len, o);
		if (len == 0) {
			*safe = false;
			break;
		}
		k = layout_visible(s + pos, len, one, o);
		if (k != strlen(one) || k >= LAYOUT_CLUSTER_MAX || !test_safe(one, k))
			*safe = false;
		memcpy(out + used, one, k);
		used += k;
	}
	out[used] = '\0';
	return out;
}

static void test_width(const char *s, int want, const struct layout_opts *o, const char *what)
{
	tap_int_eq(layout_strwidth(s, o), want, what);
}

/* One cluster: its length and width. */
static void test_one_cluster(const char *s, int want_w, const struct layout_opts *o, const char *what)
{
	size_t len = 0;
	int w = layout_cluster(s, strlen(s), &len, o);

	tap_ok(len == strlen(s) && w == want_w, "%s: one cluster of width %d (len %zu/%zu, w %d)",
	       what, want_w, len, strlen(s), w);
}

static void test_visible(const char *s, size_t n, const char *want, const char *what)
{
	bool safe;
	char *got = test_shown(s, n, &narrow, &safe);

	tap_str_eq(got, want, what);
	tap_ok(safe, "%s: only safe output", what);
	free(got);
}

/* ---------------------------------------------------------------- widths */

static void test_widths(void)
{
	test_width("", 0, &narrow, "empty is 0");
	test_width("abc", 3, &narrow, "ASCII is 1 a character");
	test_width("abc", 3, &wide, "ASCII stays 1 with ambiguous wide");
	test_one_cluster("e\xCC\x81", 1, &narrow, "e + U+0301 (NFD)");
	test_width("caf" "e\xCC\x81", 4, &narrow, "café in NFD is 4");
	test_width("caf\xC3\xA9", 4, &narrow, "café in NFC is 4");
	test_one_cluster("a\xCC\x81\xCC\xA7\xCC\x88", 1, &narrow, "a with three marks");
	test_width("中文", 4, &narrow, "CJK is 2 each");
	test_width("中文", 4, &wide, "CJK is 2 with ambiguous wide too");
	test_width("１２３", 6, &narrow, "full-width digits are 2");
	test_width("ＡＢ", 4, &narrow, "full-width Latin is 2");
	test_width("ｱｲ", 2, &narrow, "half-width katakana is 1");
	test_width("한국어", 6, &narrow, "Hangul syllables are 2");
	test_one_cluster("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", 2, &narrow, "Hangul jamo L V T");
	test_one_cluster("😀", 2, &narrow, "emoji");
	test_one_cluster("👍🏽", 2, &narrow, "emoji with skin tone modifier");
	test_one_cluster("👨\u200D👩\u200D👧", 2, &narrow, "ZWJ family");
	test_one_cluster("👩\u200D💻", 2, &narrow, "ZWJ technologist");
	test_one_cluster("🇫🇷", 2, &narrow, "flag pair");
	test_width("🇫🇷🇩🇪", 4, &narrow, "two flags are 4");
	test_one_cluster("❤\xEF\xB8\x8F", 2, &narrow, "heart + VS16 is 2");
	test_width("❤", 1, &narrow, "heart alone is 1");
	test_one_cluster("#\xEF\xB8\x8F\xE2\x83\xA3", 2, &narrow, "keycap # is 2");
	/* ASCII measured without utf8proc, but only where a cluster cannot go on */
	test_width("ab#\xEF\xB8\x8F\xE2\x83\xA3" "cd", 6, &narrow, "a keycap # inside ASCII is 2");
	test_width("xe\xCC\x81y", 3, &narrow, "e + U+0301 inside ASCII is one column");
	test_width("say \xE4\xB8\xAD ok", 9, &narrow, "a Han character between ASCII words is 2");
	test_one_cluster("🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", 2,
			 &narrow, "tag sequence flag");
	test_width("·", 1, &narrow, "middle dot: 1 by default");
	test_width("·", 2, &wide, "middle dot: 2 when ambiguous is wide");
	test_width("…", 1, &narrow, "ellipsis: 1 by default");
	test_width("…", 2, &wide, "ellipsis: 2 when ambiguous is wide");
	test_width("±", 1, &narrow, "plus-minus: 1 by default");
	test_width("±", 2, &wide, "plus-minus: 2 when ambiguous is wide");
	test_width("αβγ", 3, &narrow, "Greek: 1 by default");
	test_width("αβγ", 6, &wide, "Greek: 2 when ambiguous is wide");
	test_width("ñ", 1, &narrow, "ñ (not ambiguous): 1");
	test_width("ñ", 1, &wide, "ñ (not ambiguous): 1 when ambiguous is wide");
	test_width("é", 2, &wide, "é is ambiguous: 2 when ambiguous is wide");
	test_width("\xEE\x80\x80", 1, &narrow, "private use is 1");
	test_width("\xEE\x80\x80", 1, &wide, "private use is 1 when ambiguous is wide");
	test_width("\xCD\xB8", 1, &narrow, "unassigned U+0378 is 1");
	test_width("\xF0\xAF\xBF\xBD", 1, &narrow, "unassigned U+2FFFD is 1");
	test_width("\x1B", 2, &narrow, "ESC is shown as ^[ (2)");
	test_width("\x7F", 2, &narrow, "DEL is shown as ^? (2)");
	test_width("\xC2\x9B", 4, &narrow, "C1 CSI is shown as <9b> (4)");
	test_width("\xE2\x80\xAE", 8, &narrow, "RLO is shown as <U+202E> (8)");
	test_width("\xFF", 1, &narrow, "an invalid byte is 1");
	test_width("\xE4\xB8", 2, &narrow, "a cut sequence is 1 a byte");
	test_width("\xC0\xAF", 2, &narrow, "an overlong slash is 1 a byte");
	test_width("\xED\xA0\x80", 3, &narrow, "an encoded surrogate is 1 a byte");
	test_width("a\xE2\x80\x8B" "b", 2, &narrow, "zero width space takes nothing");
	test_width("\xCC\x81", 1, &narrow, "a lone combining mark gets a base: 1");
	test_width("\t", 1, &narrow, "a tab is 1 outside wrapping");

	{
		size_t len;
		int w = layout_cluster("e\xCC\x81x", 4, &len, &narrow);
		tap_ok(len == 3 && w == 1, "cluster stops before the next base (len %zu)", len);
		w = layout_cluster("", 0, &len, &narrow);
		tap_ok(len == 0 && w == 0, "empty input: no cluster");
		w = layout_cluster("\r\n", 2, &len, &narrow);
		tap_int_eq((long long)len, 2, "CR LF is one cluster");
		w = layout_cluster("\xE4\xB8\xAD", 2, &len, &narrow);
		tap_ok(len == 1 && w == 1, "a sequence cut by n is invalid, one byte");
	}
}

/* ---------------------------------------------------------------- marks */

static void test_marks(void)
{
	char out[LAYOUT_CLUSTER_MAX], big[200];
	size_t k, len, i;
	bool safe;
	char *s;

	test_visible("\x1B]0;title\x07", 10, "^[]0;title^G", "OSC title: ESC and BEL as marks");
	test_visible("\x1B[2J", 4, "^[[2J", "CSI clear: ESC as a mark");
	test_visible("\xC2\x9B" "2J", 4, "<9b>2J", "C1 CSI as <9b>");
	test_visible("\x9B" "2J", 3, "\xEF\xBF\xBD" "2J", "a raw 0x9b byte as U+FFFD");
	test_visible("\xE2\x80\xAE" "abc", 6, "<U+202E>abc", "RLO as a mark");
	test_visible("\xE2\x81\xA6x\xE2\x81\xA9", 7, "<U+2066>x<U+2069>", "isolates as marks");
	test_visible("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", 12,
		     "<U+202A><U+202B><U+202C><U+202D>", "embeddings and LRO as marks");
	test_visible("a\x00" "b", 3, "a^@b", "NUL as ^@");
	test_visible("\x7F", 1, "^?", "DEL as ^?");
	test_visible("\x1F", 1, "^_", "US as ^_");
	test_visible("a\tb", 3, "a b", "tab as a space");
	test_visible("\n", 1, "^J", "LF drawn as ^J");
	test_visible("\r\n", 2, "^M^J", "CR LF drawn as ^M^J");
	test_visible("\xC2\x85", 2, "<85>", "NEL drawn as <85>");
	test_visible("\xE2\x80\xA8", 3, "<U+2028>", "line separator as a mark");
	test_visible("\xFF\xFE", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", "invalid bytes as U+FFFD each");
	test_visible("\xCD\xB8", 2, "\xEF\xBF\xBD", "unassigned as U+FFFD");
	test_visible("\xEF\xBF\xBF", 3, "\xEF\xBF\xBD", "noncharacter U+FFFF as U+FFFD");
	test_visible("a\xE2\x80\x8B" "b", 5, "ab", "zero width space shows nothing");
	test_visible("a\xE2\x80\x8F" "b", 5, "ab", "RLM shows nothing");
	test_visible("\xCC\x81", 2, "\xC2\xA0\xCC\x81", "lone mark on a no-break space");
	test_visible("e\xCC\x81", 3, "e\xCC\x81", "e + U+0301 as itself");
	test_visible("中文", 6, "中文", "CJK as itself");
	test_visible("👨\u200D👩\u200D👧", strlen("👨\u200D👩\u200D👧"), "👨\u200D👩\u200D👧",
		     "ZWJ family as itself");

	/* A cluster of 40 marks: all consumed, shown cut at a code point. */
	big[0] = 'a';
	for (i = 0; i < 40; i++)
		memcpy(big + 1 + 2 * i, "\xCC\x81", 2);
	layout_cluster(big, 81, &len, &narrow);
	tap_int_eq((long long)len, 81, "40 marks: one cluster of 81 bytes");
	k = layout_visible(big, len, out, &narrow);
	tap_ok(k < LAYOUT_CLUSTER_MAX && k == strlen(out) && out[0] == 'a' && test_safe(out, k),
	       "40 marks: shown as a safe prefix of %zu bytes", k);
	tap_ok(k % 2 == 1, "40 marks: cut between code points");

	/* Every byte value alone and after a lead byte. */
	safe = true;
	for (i = 0; i < 256; i++) {
		char two[3] = { (char)i, (char)0xC3, '\0' };
		char pair[3] = { (char)0xE4, (char)i, '\0' };
		bool ok;
		s = test_shown(two, 2, &narrow, &ok);
		safe = safe && ok;
		free(s);
		s = test_shown(pair, 2, &narrow, &ok);
		safe = safe && ok;
		free(s);
	}
	tap_ok(safe, "every byte value shows safely");
}

/* Random bytes, biased towards UTF-8 lead bytes and hostile code points:
 * nothing unsafe comes out, widths add up. */
static void test_fuzz(void)
{
	static const char *pieces[] = {
		"\x1B", "[", "]", "\x07", "\xC2\x9B", "\xE2\x80\xAE", "\xE2\x81\xA6", "\xCC\x81",
		"\xE2\x80\x8D", "\xEF\xB8\x8F", "🇫", "中", "。", "「", " ", "\t", "\n", "\xFF",
		"\xE4", "a", "\xF0\x9F", "👩", "\xC2\xA0", "\r",
	};
	uint32_t seed = 12345;
	char buf[256], *shown;
	bool safe = true, sums = true, ok;
	size_t n, i, len, pos;
	int round, w;

	for (round = 0; round < 3000; round++) {
		n = 0;
		while (n < 200) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3 == 0) {
				buf[n++] = (char)(seed >> 8);
			} else {
				const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
				size_t l = strlen(p);
				memcpy(buf + n, p, l);
				n += l;
			}
		}
		shown = test_shown(buf, n, round % 2 ? &wide : &narrow, &ok);
		safe = safe && ok;
		free(shown);
		for (w = 0, pos = 0; pos < n; pos += len)
			w += layout_cluster(buf + pos, n - pos, &len, &narrow);
		sums = sums && w == layout_width(buf, n, &narrow);
		for (i = 0; i < 3; i++) {
			struct layout_line *lines;
			size_t count = layout_wrap(buf, n, (int)(1 + i * 7), NULL, &narrow, &lines);
			sums = sums && count >= 1 && lines[count - 1].end <= n;
			free(lines);
		}
	}
	tap_ok(safe, "fuzz: every cluster of 3000 hostile strings shows safely");
	tap_ok(sums, "fuzz: cluster widths add up to layout_width, wrap stays in bounds");
}

/* ---------------------------------------------------------------- wrapping */

static const char *text_en =
	"The committee met on 14 March 2013 to discuss the proposal, which had been "
	"circulated in advance. Members raised concerns about cost (estimated at "
	"$2.4 million) and timing; the chair, however, insisted: \"We proceed.\" "
	"Supercalifragilisticexpialidocious-sized words and URLs like "
	"https://example.org/a/very/long/path?query=1 must still wrap.";
static const char *text_fr =
	"Le comité s\xE2\x80\x99" "est réuni le 14\xC2\xA0mars 2013\xE2\x80\xAF; il a déclaré\xC2\xA0: "
	"«\xC2\xA0Nous avançons\xE2\x80\xAF!\xC2\xA0» Les membres ont-ils des doutes\xE2\x80\xAF? "
	"Oui\xE2\x80\xAF: le coût (estimé à 2,4\xE2\x80\xAFmillions d\xE2\x80\x99" "euros) "
	"et le calendrier. «\xC2\xA0Très bien\xC2\xA0», répondit-elle.";
static const char *text_zh =
	"中华人民共和国于一九四九年十月一日成立。他说：“我们必须继续前进，不能停下来！”"
	"会议（为期三天）讨论了经济、教育和卫生等问题；代表们一致认为「改革」势在必行。"
	"《人民日报》报道称，这是一次“历史性”的会议……与会者约有３０００人。";
static const char *text_mixed =
	"2013年10月，Apple公司发布了iPhone 5s（售价\xC2\xA0$199）。The CEO said: "
	"「これは素晴らしい」. 韩国어 텍스트도 있습니다. Emoji 👨\u200D👩\u200D👧 and 🇫🇷 flags, "
	"café e\xCC\x81t\xC3\xA9, tabs\there, and a very-long-hyphenated-compound-word too.";

static bool test_is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

static int32_t test_cp_at(const char *s, size_t n, size_t pos)
{
	utf8proc_int32_t cp;

	if (pos >= n || utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
					 (utf8proc_ssize_t)(n - pos), &cp) <= 0)
		return -1;
	return cp;
}

/* The code point that ends at end (or -1). */
static int32_t test_cp_before(const char *s, size_t end)
{
	size_t p = end;

	if (end == 0)
		return -1;
	do
		p--;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80);
	return test_cp_at(s, end, p);
}

static bool test_in(int32_t cp, const char *set)
{
	char u[5];
	utf8proc_ssize_t k;

	if (cp < 0)
		return false;
	k = utf8proc_encode_char(cp, (utf8proc_uint8_t *)u);
	u[k] = '\0';
	return strstr(set, u) != NULL;
}

/* Byte offset where the last cluster of s[a..b) starts. */
static size_t test_last_cluster(const char *s, size_t a, size_t b, const struct layout_opts *o)
{
	size_t pos = a, last = a, len;

	while (pos < b) {
		last = pos;
		layout_cluster(s + pos, b - pos, &len, o);
		pos += len;
	}
	return last;
}

static const char *closing_cjk = "。，、．・：；？！）」』】〕〉》”’々ー";
static const char *opening_cjk = "（「『【〔〈《“‘";

static bool test_latin_letter(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0 || cp >= 0x250)
		return false;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL;
}

/* Width of the run of non-spaces around byte pos. */
static int test_segment_width(const char *s, size_t n, size_t pos, const struct layout_opts *o)
{
	size_t a = pos, b = pos;

	while (a > 0 && !test_is_space_cp((unsigned char)s[a - 1]))
		a--;
	while (b < n && !test_is_space_cp((unsigned char)s[b]))
		b++;
	return layout_width(s + a, b - a, o);
}

/* Whether the punctuation at the break between lines a and b could have been
 * kept with its neighbour: the last character of a that is not punctuation
 * and what follows it, every closing mark that starts b, and for an opening mark ending a, the first cluster after it,
 * fit in width together. When they cannot, breaking is allowed. */
static bool test_kinsoku_fits(const char *text, const struct layout_line *a,
			      const struct layout_line *b, int width, const struct layout_opts *o)
{
	size_t from = test_last_cluster(text, a->start, a->end, o), to = b->start, len;
	size_t n = strlen(text);

	while (from > a->start && (test_in(test_cp_at(text, n, from), opening_cjk) ||
				   test_in(test_cp_at(text, n, from), closing_cjk)))
		from = test_last_cluster(text, a->start, from, o);
	while (to < b->end && test_in(test_cp_at(text, n, to), closing_cjk)) {
		layout_cluster(text + to, b->end - to, &len, o);
		to += len;
	}
	if (to == b->start && to < b->end) {
		layout_cluster(text + to, b->end - to, &len, o);
		to += len;
	}
	return layout_width(text + from, to - from, o) <= width;
}

struct test_wrap_tally {
	int too_wide, coverage, gap_not_space, kinsoku_start, kinsoku_end, word_split, column;
	int shown;              /* diagnostics printed so far */
};

/* Shows a failing line once in a while, so a failure says where. */
static void test_wrap_diag(struct test_wrap_tally *t, const char *why, const char *text,
			   const struct layout_line *l, const struct layout_line *next, int width)
{
	if (t->shown++ >= 6)
		return;
	tap_diag("%s at width %d: [%.*s] then [%.*s]", why, width, (int)(l->end - l->start),
		 text + l->start, next ? (int)(next->end - next->start) : 0,
		 next ? text + next->start : "");
}

static void test_wrap_one(const char *text, const char *lang, int width,
			  const struct layout_opts *o, struct test_wrap_tally *t)
{
	struct layout_line *lines;
	size_t n = strlen(text), count, i, prev = 0, p;

	count = layout_wrap(text, n, width, lang, o, &lines);
	if (count == 0 || lines[0].start != 0)
		t->coverage++;
	for (i = 0; i < count; i++) {
		struct layout_line *l = &lines[i];
		size_t clen;

		if (l->start < prev || l->end < l->start || l->end > n) {
			t->coverage++;
			break;
		}
		for (p = prev; p < l->start; p++)
			if (!test_is_space_cp((unsigned char)text[p]))
				t->gap_not_space++;
		if (layout_column(text, l->start, l->end, o) != l->width)
			t->column++;
		layout_cluster(text + l->start, l->end - l->start, &clen, o);
		if (l->width > width && !(clen == l->end - l->start && width < 2)) {
			t->too_wide++;
			test_wrap_diag(t, "too wide", text, l, NULL, width);
		}
		if (width >= 3 && i > 0 && test_in(test_cp_at(text, n, l->start), closing_cjk) &&
		    test_kinsoku_fits(text, l - 1, l, width, o)) {
			t->kinsoku_start++;
			test_wrap_diag(t, "starts with closing", text, l - 1, l, width);
		}
		if (width >= 3 && i + 1 < count && test_in(test_cp_before(text, l->end), opening_cjk) &&
		    test_kinsoku_fits(text, l, l + 1, width, o)) {
			t->kinsoku_end++;
			test_wrap_diag(t, "ends with opening", text, l, l + 1, width);
		}
		if (i + 1 < count && lines[i + 1].start == l->end && l->end > l->start &&
		    test_latin_letter(test_cp_before(text, l->end)) &&
		    test_latin_letter(test_cp_at(text, n, l->end)) &&
		    test_segment_width(text, n, l->end, o) <= width) {
			t->word_split++;
			test_wrap_diag(t, "word split", text, l, l + 1, width);
		}
		prev = l->end;
	}
	for (p = prev; p < n; p++)
		if (!test_is_space_cp((unsigned char)text[p]))
			t->gap_not_space++;
	free(lines);
}

static void test_wrap_invariants(const char *name, const char *text, const char *lang)
{
	struct test_wrap_tally t = { 0 }, tw = { 0 };
	int width;

	for (width = 1; width <= 120; width++) {
		test_wrap_one(text, lang, width, &narrow, &t);
		test_wrap_one(text, lang, width, &wide, &tw);
	}
	tap_int_eq(t.too_wide + tw.too_wide, 0, name);
	tap_ok(t.coverage + tw.coverage == 0, "%s: lines in order, inside the text", name);
	tap_ok(t.gap_not_space + tw.gap_not_space == 0,
	       "%s: only spaces dropped between lines", name);
	tap_ok(t.column + tw.column == 0, "%s: each line's width is its column span", name);
	tap_ok(t.kinsoku_start + tw.kinsoku_start == 0,
	       "%s: no line starts with closing CJK punctuation (width >= 3)", name);
	tap_ok(t.kinsoku_end + tw.kinsoku_end == 0,
	       "%s: no line ends with opening CJK punctuation (width >= 3)", name);
	tap_ok(t.word_split + tw.word_split == 0, "%s: no Latin word split when it fits", name);
}

/* Lines joined by '|' for exact comparisons. */
static char *test_wrap_join(const char *text, int width, const char *lang,
			    const struct layout_opts *o)
{
	struct layout_line *lines;
	size_t n = strlen(text), count, i, used = 0;
	char *out = malloc(2 * n + 64);

	count = layout_wrap(text, n, width, lang, o, &lines);
	for (i = 0; i < count; i++) {
		if (i > 0)
			out[used++] = '|';
		memcpy(out + used, text + lines[i].start, lines[i].end - lines[i].start);
		used += lines[i].end - lines[i].start;
	}
	out[used] = '\0';
	free(lines);
	return out;
}

static void test_wrap_exact(const char *text, int width, const char *lang, const char *want,
			    const char *what)
{
	char *got = test_wrap_join(text, width, lang, &narrow);

	tap_str_eq(got, want, what);
	free(got);
}

static void test_wrapping(void)
{
	struct layout_line *lines;
	size_t count;

	test_wrap_invariants("English: no line too wide at widths 1..120", text_en, "en");
	test_wrap_invariants("French: no line too wide at widths 1..120", text_fr, "fr");
	test_wrap_invariants("Chinese: no line too wide at widths 1..120", text_zh, "zh-Hans");
	test_wrap_invariants("Chinese without a language: no line too wide", text_zh, NULL);
	test_wrap_invariants("mixed: no line too wide at widths 1..120", text_mixed, NULL);

	test_wrap_exact("The quick brown fox jumps over the lazy dog.", 10, "en",
			"The quick|brown fox|jumps over|the lazy|dog.", "English at 10");
	test_wrap_exact("The quick brown fox jumps over the lazy dog.", 44, "en",
			"The quick brown fox jumps over the lazy dog.", "English that fits");
	test_wrap_exact("supercalifragilistic", 5, "en", "super|calif|ragil|istic",
			"a word longer than the line is cut at clusters");
	test_wrap_exact("a supercalifragilistic b", 8, "en", "a|supercal|ifragili|stic b",
			"a long word starts its own line before it is cut");
	test_wrap_exact("aaa   bbb", 4, "en", "aaa|bbb", "spaces at a break are dropped");
	test_wrap_exact("a\nb", 10, NULL, "a|b", "a newline is a mandatory break");
	test_wrap_exact("a\n\nb", 10, NULL, "a||b", "an empty line between newlines");
	test_wrap_exact("a\r\nb", 10, NULL, "a|b", "CR LF is one mandatory break");
	test_wrap_exact("a\n", 10, NULL, "a|", "a trailing newline opens a last line");
	test_wrap_exact("  indented\n  twice", 20, NULL, "  indented|  twice",
			"leading spaces after a newline are kept");
	test_wrap_exact("中华人民共和国成立于一九四九年。", 8, "zh",
			"中华人民|共和国成|立于一九|四九年。", "Chinese at 8");
	test_wrap_exact("中华人民共和国成立于一九四九年。", 6, "zh",
			"中华人|民共和|国成立|于一九|四九|年。",
			"the full stop takes its character with it");
	test_wrap_exact("中华人民共和国成立于一九四九年。", 7, "zh",
			"中华人|民共和|国成立|于一九|四九|年。",
			"Chinese at an odd width: 3 characters a line");
	test_wrap_exact("他说「你好」", 6, "zh", "他说|「你|好」",
			"an opening bracket never ends a line");
	test_wrap_exact("他们说，好。", 4, "zh", "他们|说，|好。",
			"a comma never starts a line");
	test_wrap_exact("中文", 1, "zh", "中|文", "over-wide clusters get a line each");
	test_wrap_exact("a中b", 1, "zh", "a|中|b", "over-wide cluster between narrow ones");
	test_wrap_exact("Il a dit\xC2\xA0: «\xC2\xA0oui\xC2\xA0».", 10, "fr",
			"Il a dit\xC2\xA0:|«\xC2\xA0oui\xC2\xA0».",
			"French: no-break spaces hold punctuation and guillemets");
	test_wrap_exact("Vraiment\xE2\x80\xAF? Oui\xE2\x80\xAF!", 10, "fr",
			"Vraiment\xE2\x80\xAF?|Oui\xE2\x80\xAF!",
			"French: narrow no-break space before ? and !");

	count = layout_wrap("", 0, 10, NULL, &narrow, &lines);
	tap_ok(count == 1 && lines[0].start == 0 && lines[0].end == 0 && lines[0].width == 0,
	       "an empty text gives one empty line");
	free(lines);

	count = layout_wrap("中文", 6, 1, "zh", &narrow, &lines);
	tap_ok(count == 2 && lines[0].width == 2 && lines[1].width == 2,
	       "an over-wide cluster reports its width (2)");
	free(lines);

	count = layout_wrap("a\tb", 3, 20, NULL, &narrow, &lines);
	tap_ok(count == 1 && lines[0].width == 9, "a tab runs to the next stop (width %d)",
	       count ? lines[0].width : -1);
	free(lines);
	{
		const struct layout_opts four = { false, 4 };
		count = layout_wrap("ab\tc", 4, 20, NULL, &four, &lines);
		tap_ok(count == 1 && lines[0].width == 5, "tab stops every 4 columns");
		free(lines);
	}
	test_wrap_exact("a\tb", 5, NULL, "a|b", "a tab at a break is dropped");

	count = layout_wrap("aaa   bbb", 9, 4, NULL, &narrow, &lines);
	tap_ok(count == 2 && lines[0].start == 0 && lines[0].end == 3 && lines[1].start == 6 &&
	       lines[1].end == 9 && lines[0].width == 3, "break spaces are outside both lines");
	free(lines);

	count = layout_wrap("·· ··", strlen("·· ··"), 4, NULL, &wide, &lines);
	tap_ok(count == 2 && lines[0].width == 4, "ambiguous wide counts in wrapping");
	free(lines);

	/* Pathological input ends, with the obvious number of lines. */
	{
		size_t big = 100000, i;
		char *t = malloc(big * 3 + 1);
		memset(t, 'a', big);
		count = layout_wrap(t, big, 7, "en", &narrow, &lines);
		tap_int_eq((long long)count, (long long)((big + 6) / 7), "a 100000-letter word at 7");
		free(lines);
		for (i = 0; i < big; i++)
			memcpy(t + 3 * i, "。", 3);
		count = layout_wrap(t, 3 * big, 4, "zh", &narrow, &lines);
		tap_int_eq((long long)count, (long long)(big / 2),
			   "100000 full stops at 4: two a line, kinsoku gives way");
		free(lines);
		memset(t, ' ', big);
		t[0] = 'x';
		t[big - 1] = 'y';
		count = layout_wrap(t, big, 3, "en", &narrow, &lines);
		tap_ok(count == 2 && lines[1].start == big - 1, "100000 spaces between two letters");
		free(lines);
		free(t);
	}

	/* An invalid byte does not stop libunibreak from seeing what follows. */
	test_wrap_exact("ab\xFF" "cd efgh ijkl", 7, NULL, "ab\xFF" "cd|efgh|ijkl",
			"invalid bytes do not disturb breaking");
}

/* ---------------------------------------------------------------- the rest */

static void test_truncate_one(const char *s, int width, bool pad, const struct layout_opts *o,
			      const char *want, const char *what)
{
	char *got = layout_truncate(s, width, pad, o);

	tap_str_eq(got, want, what);
	free(got);
}

static void test_truncation(void)
{
	static const char *samples[] = { "中文字符串", "a中b文c字", "hello world", "·±…·±…",
					 "👨\u200D👩\u200D👧🇫🇷x", "" };
	bool exact = true, prefix = true;
	size_t i;
	int w;

	test_truncate_one("hello world", 5, false, &narrow, "hell…", "ASCII cut with …");
	test_truncate_one("hi", 5, false, &narrow, "hi", "short text unchanged");
	test_truncate_one("hi", 5, true, &narrow, "hi   ", "short text padded");
	test_truncate_one("hello", 5, false, &narrow, "hello", "exact fit has no …");
	test_truncate_one("中文字符串", 7, false, &narrow, "中文字…", "CJK at 7");
	test_truncate_one("中文字符串", 6, false, &narrow, "中文 …",
			  "CJK at 6: the straddling character becomes a space");
	test_truncate_one("中文字符串", 5, false, &narrow, "中文…", "CJK at 5");
	test_truncate_one("中文字符串", 4, false, &narrow, "中 …", "CJK at 4");
	test_truncate_one("中文字符串", 1, false, &narrow, "…", "CJK at 1");
	test_truncate_one("中文字符串", 0, true, &narrow, "", "width 0 is empty");
	test_truncate_one("中文字符串", 11, true, &narrow, "中文字符串 ", "fits, padded");
	test_truncate_one("abcdef", 4, false, &wide, "ab…", "ambiguous wide: … takes 2");
	test_truncate_one("abcdef", 1, true, &wide, "a", "ambiguous wide at 1: no room for …");
	test_truncate_one("a\tb\tc", 10, false, &narrow, "a b c", "tabs become spaces");
	test_truncate_one("a\x1B[2Jbcdefgh", 6, false, &narrow, "a^[[2…",
			  "a control is shown and counted as its mark (2)");
	test_truncate_one("\xE2\x80\xAE" "evil\x9B", 20, false, &narrow, "<U+202E>evil\xEF\xBF\xBD",
			  "truncation returns only safe text");
	test_truncate_one("\xCC\x81x", 4, true, &narrow, "\xC2\xA0\xCC\x81x  ",
			  "a lone mark that joins a base is shown on one (1 column)");
	test_truncate_one("\xE1\x81\xAD", 3, true, &narrow, "\xEF\xBF\xBD  ",
			  "a lone mark that never joins a base is U+FFFD (no 2-column surprise)");
	test_truncate_one("\xE1\x81\xAD", 3, true, &wide, "\xEF\xBF\xBD ",
			  "... and measured as U+FFFD is (2 columns when ambiguous is wide)");
	{
		/* a lone mark carrying a ZWJ and another mark: as wide as its shown
		 * form (on a no-break space), which joins like an emoji sequence */
		const char *z = "\xCC\xA8\xE2\x80\x8D\xE2\x83\x9F";
		char *t = layout_truncate(z, 3, true, &narrow);
		tap_int_eq(layout_strwidth(t, &narrow), 3, "lone mark with a ZWJ: truncation is the width");
		free(t);
	}

	for (i = 0; i < sizeof samples / sizeof samples[0]; i++)
		for (w = 0; w <= 14; w++) {
			char *t = layout_truncate(samples[i], w, true, &narrow);
			char *u = layout_truncate(samples[i], w, false, &narrow);
			if (layout_strwidth(t, &narrow) != w)
				exact = false;
			if (layout_strwidth(u, &narrow) > w || strncmp(t, u, strlen(u)) != 0)
				prefix = false;
			free(t);
			free(u);
		}
	tap_ok(exact, "padded truncation is exactly the width, widths 0..14");
	tap_ok(prefix, "unpadded truncation fits and is the padded one's prefix");
}

static void test_fit_and_column(void)
{
	int used = -1;
	size_t k;

	k = layout_fit("中文", 6, 3, &used, &narrow);
	tap_ok(k == 3 && used == 2, "fit: one CJK character in 3 columns");
	k = layout_fit("e\xCC\x81" "e\xCC\x81", 6, 1, &used, &narrow);
	tap_ok(k == 3 && used == 1, "fit: never cuts a cluster");
	k = layout_fit("abc", 3, 10, NULL, &narrow);
	tap_int_eq((long long)k, 3, "fit: all of it, used may be NULL");
	k = layout_fit("abc", 3, 0, &used, &narrow);
	tap_ok(k == 0 && used == 0, "fit: nothing in 0 columns");

	tap_int_eq(layout_column("a\tb", 0, 2, &narrow), 8, "column after a tab");
	tap_int_eq(layout_column("中a", 0, 3, &narrow), 2, "column after CJK");
	tap_int_eq(layout_column("xx中a", 2, 5, &narrow), 2, "column counts from the line start");
	tap_int_eq(layout_column("··", 0, 2, &wide), 2, "column with ambiguous wide");
}

/* What a cluster is measured as and what it is shown as agree, for a wide
 * sample of code points after the starts that change how a cluster is shown
 * (none, a no-break space, a prepended sign, a ZWJ, U+FE0F, a lone mark, an
 * unassigned code point), with ambiguous narrow and wide: truncation and the
 * panes rely on it (the layout fuzzer found three ways it did not hold). */
static void test_shown_width_agrees(void)
{
	static const int32_t starts[] = { -1, 0xA0, 0x0601, 0x200D, 0xFE0F, 0x0301, 0x0DD7 };
	long bad = 0, tried = 0;
	for (int amb = 0; amb < 2; amb++) {
		struct layout_opts lo = { amb != 0, 8 };
		for (size_t p = 0; p < sizeof starts / sizeof *starts; p++)
			for (int32_t c = 0; c < 0x110000; c += c < 0x3000 ? 1 : 97) {
				if (c >= 0xD800 && c < 0xE000)
					continue;
				char s[32];
				size_t n = 0;
				if (starts[p] >= 0)
					n += (size_t)utf8proc_encode_char(starts[p], (utf8proc_uint8_t *)s + n);
				n += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)s + n);
				n += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)s + n);
				for (size_t i = 0; i < n;) {
					size_t len;
					int w = layout_cluster(s + i, n - i, &len, &lo);
					char out[LAYOUT_CLUSTER_MAX];
					layout_visible(s + i, len, out, &lo);
					if (layout_strwidth(out, &lo) != w && bad++ < 3)
						tap_diag("U+%04X after U+%04X: measured %d, shown %d", (unsigned)c,
							 (unsigned)starts[p], w, layout_strwidth(out, &lo));
					tried++;
					i += len;
				}
			}
	}
	tap_ok(bad == 0, "a cluster is as wide as what is shown for it (%ld clusters, %ld differ)",
	       tried, bad);
}

int main(void)
{
	test_widths();
	test_marks();
	test_fuzz();
	test_wrapping();
	test_truncation();
	test_fit_and_column();
	test_shown_width_agrees();
	return tap_done();
}
