/* test_fold.c: what folding makes of case, accents, width, white space and
 * Chinese variants, and whether the map leads back to the right source bytes. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "tap.h"

/* in, with control characters shown as \t \n, for a one-line test name. */
static void show(const char *in, char *out, size_t size)
{
	size_t j = 0;
	for (; *in && j + 3 < size; in++) {
		if (*in == '\t' || *in == '\n') {
			out[j++] = '\\';
			out[j++] = *in == '\t' ? 't' : 'n';
		} else {
			out[j++] = *in;
		}
	}
	out[j] = '\0';
}

static void check_fold(struct fold *f, const char *in, const char *want)
{
	struct fold_out o;
	fold_out_init(&o);
	fold_text(f, in, strlen(in), &o, false);
	char shown[200], what[256];
	show(in, shown, sizeof shown);
	snprintf(what, sizeof what, "fold(%s)", shown);
	tap_str_eq(o.text, want, what);
	fold_out_free(&o);
}

/* Folds in, finds needle (already folded) in the folded text, and checks that
 * the source span behind it is want. */
static void check_span(struct fold *f, const char *in, const char *needle, const char *want)
{
	struct fold_out o;
	fold_out_init(&o);
	fold_text(f, in, strlen(in), &o, true);
	const char *hit = strstr(o.text, needle);
	char what[256];
	snprintf(what, sizeof what, "'%s' found in fold(%s)", needle, in);
	if (tap_ok(hit != NULL, "%s", what)) {
		size_t s, e;
		size_t fs = (size_t)(hit - o.text);
		fold_span(&o, fs, fs + strlen(needle), &s, &e);
		char *got = strndup(in + s, e - s);
		snprintf(what, sizeof what, "span of '%s' in '%s'", needle, in);
		tap_str_eq(got, want, what);
		free(got);
	}
	fold_out_free(&o);
}

/* U+0000 is a code point like any other to the context's table: a NUL, then
 * code points whose slot it would share (U+0400, U+3000 and every multiple of
 * 1024 hash there in a fresh table), must not take its folded form. */
static void check_nul_slot(void)
{
	struct fold *f = fold_new(), *fresh = fold_new();
	struct fold_out o, p;
	fold_out_init(&o);
	fold_out_init(&p);
	fold_text(f, "\0\xd0\x80", 3, &o, false);
	bool same = true;
	static const char *const after[] = { "a\xe3\x80\x80" "b", "\xd0\x80", "\xe3\x80\x80" };
	for (size_t i = 0; i < sizeof after / sizeof *after; i++) {
		fold_text(f, after[i], strlen(after[i]), &o, false);
		fold_text(fresh, after[i], strlen(after[i]), &p, false);
		same &= o.len == p.len && memcmp(o.text, p.text, o.len) == 0;
	}
	tap_ok(same, "a NUL does not poison the fold table: U+0400 and U+3000 fold as in a fresh one");
	fold_out_free(&o);
	fold_out_free(&p);
	fold_free(f);
	fold_free(fresh);
}

int main(void)
{
	struct fold *f = fold_new();
	tap_ok(fold_has_variants(f), "OpenCC t2s is available");
	check_nul_slot();

	/* Case and accents. */
	check_fold(f, "CNCERT", "cncert");
	check_fold(f, "Cybersécurité", "cybersecurite");
	check_fold(f, "Cybersecurite\xcc\x81", "cybersecurite");          /* NFD */
	check_fold(f, "L'ÉTÉ À PÉKIN", "l'ete a pekin");
	check_fold(f, "Straße", "strasse");
	check_fold(f, "ΣΊΣΥΦΟΣ", "σισυφοσ");
	check_fold(f, "naïve café", "naive cafe");
	/* Full width and other compatibility forms. */
	check_fold(f, "ＣＮＣＥＲＴ ２０２２", "cncert 2022");
	check_fold(f, "ﬁle", "file");
	/* White space: runs become one space, none at the ends; soft hyphens go. */
	check_fold(f, "  cyber \t\n security  ", "cyber security");
	check_fold(f, "cyber\xc2\xa0security", "cyber security");          /* no-break space */
	check_fold(f, "cyber\xe3\x80\x80security", "cyber security");      /* ideographic space */
	check_fold(f, "cyber\xc2\xadsecurity", "cybersecurity");           /* soft hyphen */
	check_fold(f, "", "");
	/* Chinese: traditional becomes simplified, simplified stays. */
	check_fold(f, "網絡安全", "网络安全");
	check_fold(f, "网络安全", "网络安全");
	check_fold(f, "中日韓簽署《關於加強網絡安全領域合作的諒解備忘錄》",
		   "中日韩签署《关于加强网络安全领域合作的谅解备忘录》");
	check_fold(f, "國家ＣＮＣＥＲＴ，網絡", "国家cncert,网络");
	/* Hangul stays in syllables. */
	check_fold(f, "한어", "한어");

	/* The map: spans cover exactly the source of the match. */
	check_span(f, "La cybersécurité est un défi", "cybersecurite", "cybersécurité");
	check_span(f, "La cybersecurite\xcc\x81 est", "cybersecurite", "cybersecurite\xcc\x81");
	check_span(f, "La cybersecurite\xcc\x81 est", "securit", "securit");
	check_span(f, "café", "cafe", "café");
	check_span(f, "Die Straße hier", "ss", "ß");
	check_span(f, "ＣＮＣＥＲＴ/CC", "cncert", "ＣＮＣＥＲＴ");
	check_span(f, "cyber   security", "cyber security", "cyber   security");
	check_span(f, "中日韓簽署《關於加強網絡安全領域合作", "网络安全", "網絡安全");
	check_span(f, "中日韓簽署《關於加強網絡安全領域合作", "韩", "韓");
	check_span(f, "由國家計算機網絡應急技術處理協調中心（CNCERT/CC）主辦", "cncert/cc", "CNCERT/CC");
	check_span(f, "  leading space", "leading", "leading");
	check_span(f, "trailing  ", "trailing", "trailing");

	/* The map's last entry is where the last written cluster ends. */
	struct fold_out o;
	fold_out_init(&o);
	fold_text(f, "ab  ", 4, &o, true);
	tap_int_eq((long long)o.len, 2, "trailing spaces are not written");
	tap_int_eq((long long)o.map[o.len], 2, "map[len] is the end of the last cluster");
	fold_out_free(&o);

	fold_free(f);
	return tap_done();
}
