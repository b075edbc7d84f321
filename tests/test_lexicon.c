/* test_lexicon.c: the lexical evidence of the aligner: Han glosses and
 * readings (through unihan.h), the same word on both sides, FreeDict
 * dictionaries (a small one written here, and the installed ones when there
 * are any), and the lexicon learned from a first alignment. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "align_int.h"
#include "freedict.h"
#include "lexicon.h"
#include "xalloc.h"
#include "tap.h"

/* The words matched between unit i of a and unit j of b (both directions). */
static int linked(const struct align_links *l, size_t i, size_t j)
{
	for (size_t k = l->row[i]; k < l->row[i + 1]; k++)
		if (l->v[k].j == j)
			return l->v[k].wa + l->v[k].wb;
	return 0;
}

/* Units given as strings, a's then b's; links between them. */
static void links_of(const char *la, const char *lb, const char *const *a, size_t na,
		     const char *const *b, size_t nb, const struct freedict *ab,
		     const struct freedict *ba, struct align_links *out)
{
	struct lexicon *lx = lexicon_new(la, lb, ab, ba);
	for (size_t u = 0; u < na; u++)
		lexicon_add(lx, 0, u, a[u], strlen(a[u]));
	for (size_t u = 0; u < nb; u++)
		lexicon_add(lx, 1, u, b[u], strlen(b[u]));
	lexicon_links(lx, NULL, 0, out);
	lexicon_free(lx);
}

static void check_glosses(void)
{
	/* Filler units, so that no key is in too many of them. */
	static const char *const en[] = {
		"The old palace stood on the hill.", "Chen Qingyang laughed at me.",
		"Rain fell all night.", "We walked to the river.", "Nobody answered the door.",
		"A dog barked twice.", "The bread was stale.", "Snow covered the roofs.",
		"He counted the coins.", "The lamp went out.", "They sang until dawn.",
		"Her letter came late.", "The ship left the harbour.", "I closed the window.",
	};
	static const char *const zh[] = {
		"旧宫殿立在山上。", "陈清扬笑我。", "雨下了一夜。", "我们走到河边。", "没人应门。",
		"一条狗叫了两声。", "面包不新鲜了。", "雪盖住了屋顶。", "他数了数硬币。", "灯灭了。",
		"他们唱到天亮。", "她的信来晚了。", "船离开了港口。", "我关上了窗。",
	};
	struct align_links l;
	links_of("en", "zh-Hans", en, 14, zh, 14, NULL, NULL, &l);
	tap_ok(linked(&l, 0, 0) > 0, "glosses: palace meets \u5bab\u6bbf");
	tap_ok(linked(&l, 1, 1) > 0, "readings: Chen Qingyang meets \u9648\u6e05\u626c");
	tap_ok(linked(&l, 0, 1) == 0 && linked(&l, 1, 0) == 0, "no match across unrelated units");
	tap_ok(l.tok[0][0] > 0 && l.tok[1][0] > 0, "known words counted on both sides");
	align_links_free(&l);
}

static void check_same_word(void)
{
	static const char *const en[] = { "Paris and Lisbon signed it.", "The weather was mild.",
					  "Music played late.", "Trade went on.", "It rained." };
	static const char *const fr[] = { "Paris et Lisbonne l'ont sign\u00e9.", "Il faisait doux.",
					  "La musique a jou\u00e9 tard.", "Le commerce a continu\u00e9.",
					  "Il a plu." };
	struct align_links l;
	links_of("en", "fr", en, 5, fr, 5, NULL, NULL, &l);
	tap_ok(linked(&l, 0, 0) > 0, "the same word on both sides: Paris");
	align_links_free(&l);
}

/* dictd's base 64. */
static void b64(size_t v, char *out)
{
	static const char d[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char tmp[16];
	size_t n = 0;
	do {
		tmp[n++] = d[v % 64];
		v /= 64;
	} while (v);
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* A small French-English dictionary in dir, as FreeDict lays one out. */
static bool write_dict(const char *dir)
{
	static const char *const entries[][2] = {
		{ "chat", "chat /\u0283a/ <n, masc>\n1. cat, tomcat\n" },
		{ "maison", "maison /m\u025bz\u0254\u0303/ <n, fem>\nhouse, home\n" },
		{ "pomme", "pomme /p\u0254m/ <n, fem>\napple\n" },
	};
	char *dpath = xasprintf("%s/freedict-fra-eng.dict.dz", dir);
	char *ipath = xasprintf("%s/freedict-fra-eng.index", dir);
	gzFile g = gzopen(dpath, "wb");
	FILE *f = fopen(ipath, "w");
	bool ok = g && f;
	size_t off = 0;
	for (size_t k = 0; ok && k < sizeof entries / sizeof *entries; k++) {
		size_t len = strlen(entries[k][1]);
		char o[16], n[16];
		b64(off, o);
		b64(len, n);
		ok &= gzwrite(g, entries[k][1], (unsigned)len) == (int)len;
		fprintf(f, "%s\t%s\t%s\n", entries[k][0], o, n);
		off += len;
	}
	if (g)
		ok &= gzclose(g) == Z_OK;
	if (f)
		ok &= fclose(f) == 0;
	free(dpath);
	free(ipath);
	return ok;
}

static void check_freedict(void)
{
	char dir[] = "/tmp/annals-test-lexicon-XXXXXX";
	if (!tap_ok(mkdtemp(dir) != NULL, "freedict: a scratch folder"))
		return;
	tap_ok(freedict_open(dir, "fr", "en") == NULL, "freedict: none installed, none opened");
	tap_ok(!freedict_installed(dir), "freedict: none installed, says so");
	if (tap_ok(write_dict(dir), "freedict: a small dictionary written")) {
		struct freedict *d = freedict_open(dir, "fr", "en");
		size_t len = 0;
		const char *t = d ? freedict_lookup(d, "maison", 6, &len) : NULL;
		tap_ok(t && len == 12 && memcmp(t, "house, home\n", 12) == 0,
		       "freedict: maison, without its headword line");
		tap_ok(d && freedict_lookup(d, "chien", 5, &len) == NULL, "freedict: unknown word");
		tap_ok(d && freedict_lookup(d, "cha", 3, &len) == NULL, "freedict: a prefix is no word");
		tap_ok(freedict_open(dir, "fr", "zh") == NULL, "freedict: only English and French");
		/* Through it, a French word meets its English translation. */
		static const char *const en[] = { "The cat slept.", "It rained.", "Music played.",
						  "Trade went on.", "We left." };
		static const char *const fr[] = { "Le chat dormait.", "Il a plu.", "On jouait.",
						  "Le commerce a continu\u00e9.", "Nous sommes partis." };
		struct align_links l;
		links_of("en", "fr", en, 5, fr, 5, NULL, d, &l);
		tap_ok(linked(&l, 0, 0) > 0, "freedict: chat meets cat");
		align_links_free(&l);
		freedict_close(d);
		char *p = xasprintf("%s/freedict-fra-eng.dict.dz", dir);
		unlink(p);
		free(p);
		p = xasprintf("%s/freedict-fra-eng.index", dir);
		unlink(p);
		free(p);
	}
	rmdir(dir);
	/* The installed ones, when there are. */
	if (freedict_installed(NULL)) {
		struct freedict *d = freedict_open(NULL, "en", "fr");
		size_t len;
		const char *t = d ? freedict_lookup(d, "house", 5, &len) : NULL;
		bool found = false;
		for (size_t i = 0; t && i + 6 <= len; i++)
			found |= memcmp(t + i, "maison", 6) == 0;
		tap_ok(found, "freedict: the installed English-French dictionary translates house");
		freedict_close(d);
	} else {
		tap_ok(true, "freedict: the installed dictionaries # SKIP not installed");
	}
}

/* A pair that keeps meeting in the beads of a first alignment is learned;
 * nothing is learned from too few beads. */
static void check_learned(void)
{
	enum { N = 80 };
	char *a[N], *b[N];
	for (size_t u = 0; u < N; u++) {
		/* Words and characters of their own in each unit. */
		char w[8] = { 'q', (char)('a' + u % 26), (char)('a' + u / 26), 'x', 0 };
		char zh[8];
		unsigned cp = 0x4E00 + 40 * (unsigned)u;
		zh[0] = (char)(0xE0 | cp >> 12);
		zh[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		zh[2] = (char)(0x80 | (cp & 0x3F));
		zh[3] = 0;
		bool pair = u % 20 == 5;
		a[u] = xasprintf("%s%s", w, pair ? " zorbat" : "");
		b[u] = xasprintf("%s%s", zh, pair ? "\u9451\u9451" : "");
	}
	struct align_steps st = { 0 };
	for (size_t u = 0; u < N; u++)
		align_steps_add(&st, u, u, 1, 1, 0, false);
	for (int round = 0; round < 2; round++) {
		struct lexicon *lx = lexicon_new("en", "zh-Hans", NULL, NULL);
		size_t n = round ? N : 40;
		for (size_t u = 0; u < n; u++) {
			lexicon_add(lx, 0, u, a[u], strlen(a[u]));
			lexicon_add(lx, 1, u, b[u], strlen(b[u]));
		}
		st.n = n;
		lexicon_learn(lx, &st);
		struct align_links l;
		lexicon_links(lx, NULL, 0, &l);
		if (round)
			tap_ok(linked(&l, 5, 25) > 0, "learned: a word that keeps meeting a character "
			       "pairs them in other units too");
		else
			tap_ok(linked(&l, 5, 25) == 0, "learned: nothing from 40 beads");
		align_links_free(&l);
		lexicon_free(lx);
	}
	free(st.v);
	for (size_t u = 0; u < N; u++) {
		free(a[u]);
		free(b[u]);
	}
}

int main(void)
{
	check_glosses();
	check_same_word();
	check_freedict();
	check_learned();
	return tap_done();
}
