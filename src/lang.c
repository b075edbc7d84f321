/* lang.c: which language a paragraph is in. Script decides first; within the
 * Han script OpenCC tells simplified from traditional (a character that the
 * simplified-to-traditional conversion changes exists in simplified form, and
 * the other way round); within the Latin script the function words decide. */
#include <config.h>
#include "lang.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <opencc/opencc.h>
#include <utf8proc.h>

#include "xalloc.h"

/* Enough text to tell, and a bound on the work for huge paragraphs. */
#define LANG_SAMPLE 2048
#define LANG_HAN_SAMPLE 200     /* code points given to OpenCC */

/* What OpenCC makes of each Han character alone, remembered: asking it once a
 * character instead of twice a paragraph is what keeps ingest fast (a phrase
 * conversion of every paragraph cost most of the time of loading). */
#define LANG_HAN_KNOWN 0x80     /* the two bits below are set */
#define LANG_HAN_SIMP 0x01      /* s2t changes it: a simplified form */
#define LANG_HAN_TRAD 0x02      /* t2s changes it: a traditional form */
/* The Han blocks lang_script_of_cp knows, one byte each in the table. */
#define LANG_HAN_A_FIRST 0x3400         /* extension A and the unified block */
#define LANG_HAN_A_LAST 0x9fff
#define LANG_HAN_C_FIRST 0xf900         /* compatibility ideographs */
#define LANG_HAN_C_LAST 0xfaff
#define LANG_HAN_B_FIRST 0x20000        /* extensions B to G */
#define LANG_HAN_B_LAST 0x3134f
#define LANG_HAN_SLOTS ((LANG_HAN_A_LAST - LANG_HAN_A_FIRST + 1) + \
			(LANG_HAN_C_LAST - LANG_HAN_C_FIRST + 1) + \
			(LANG_HAN_B_LAST - LANG_HAN_B_FIRST + 1))

/* A function word (packed in a number, see lang_word_key) and the languages
 * (bits, in the order of lang_latin) whose list has it. */
struct lang_word {
	uint64_t key;
	unsigned langs;
};
#define LANG_NWORDS_MAX 256

struct lang_detector {
	struct lang_word words[LANG_NWORDS_MAX];
	size_t nwords;
	opencc_t s2t, t2s;
	bool tried;             /* OpenCC opened (or failed) already */
	unsigned char *han;     /* LANG_HAN_SLOTS answers, made with OpenCC */
	char *s2t_config;       /* the character-only s2t configuration, or NULL */
};

static void lang_words_build(struct lang_detector *ld);

struct lang_detector *lang_new(const char *datadir)
{
	struct lang_detector *ld = xcalloc(1, sizeof *ld);
	if (datadir)
		ld->s2t_config = xasprintf("%s/s2t-characters.json", datadir);
	lang_words_build(ld);
	return ld;
}

void lang_free(struct lang_detector *ld)
{
	if (!ld)
		return;
	if (ld->s2t && ld->s2t != (opencc_t)-1)
		opencc_close(ld->s2t);
	if (ld->t2s && ld->t2s != (opencc_t)-1)
		opencc_close(ld->t2s);
	free(ld->han);
	free(ld->s2t_config);
	free(ld);
}

static bool lang_opencc(struct lang_detector *ld)
{
	if (!ld->tried) {
		ld->tried = true;
		/* OpenCC's own s2t.json loads a large phrase dictionary (20 ms,
		 * most of the time it takes to load a small collection) that
		 * one character at a time never uses; its character dictionary
		 * alone gives the same answers. */
		ld->s2t = ld->s2t_config ? opencc_open(ld->s2t_config) : (opencc_t)-1;
		if (ld->s2t == (opencc_t)-1 || !ld->s2t)
			ld->s2t = opencc_open("s2t.json");
		ld->t2s = opencc_open("t2s.json");
	}
	return ld->s2t != (opencc_t)-1 && ld->t2s != (opencc_t)-1 && ld->s2t && ld->t2s;
}

enum lang_script {
	SC_LATN, SC_HANI, SC_KANA, SC_HANG, SC_CYRL, SC_GREK, SC_ARAB, SC_HEBR,
	SC_THAI, SC_DEVA, SC_GEOR, SC_ARMN, SC_NONE
};
static const char *const lang_script_names[] = {
	"Latn", "Hani", "Kana", "Hang", "Cyrl", "Grek", "Arab", "Hebr", "Thai", "Deva",
	"Geor", "Armn", ""
};
/* The language a script alone suggests (Latin and Han need a closer look). */
static const char *const lang_script_tags[] = {
	"und", "zh", "ja", "ko", "ru", "el", "ar", "he", "th", "hi", "ka", "hy", "und"
};

static enum lang_script lang_script_of_cp(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return isalpha(cp) ? SC_LATN : SC_NONE;
	if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f))
		return SC_HANI;
	if ((cp >= 0x3041 && cp <= 0x30fa) || (cp >= 0x31f0 && cp <= 0x31ff) ||
	    (cp >= 0xff66 && cp <= 0xff9d))
		return SC_KANA;
	if ((cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) ||
	    (cp >= 0x3131 && cp <= 0x318e))
		return SC_HANG;
	if (cp >= 0x400 && cp <= 0x52f)
		return SC_CYRL;
	if ((cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff))
		return SC_GREK;
	if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f))
		return SC_ARAB;
	if (cp >= 0x591 && cp <= 0x5f4)
		return SC_HEBR;
	if (cp >= 0xe01 && cp <= 0xe5b)
		return SC_THAI;
	if (cp >= 0x900 && cp <= 0x97f)
		return SC_DEVA;
	if (cp >= 0x10a0 && cp <= 0x10ff)
		return SC_GEOR;
	if (cp >= 0x531 && cp <= 0x58f)
		return SC_ARMN;
	if ((cp < 0x250 || (cp >= 0x1e00 && cp <= 0x1eff)) &&
	    utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
	    utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO)
		return SC_LATN;
	return SC_NONE;
}

/* Counts letters per script; ideographs and syllables weigh two letters, since
 * one carries about as much as a short word. */
static enum lang_script lang_count_scripts(const char *s, size_t len, size_t count[SC_NONE + 1])
{
	memset(count, 0, sizeof(size_t) * (SC_NONE + 1));
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp = (unsigned char)s[i];
		utf8proc_ssize_t k = 1;
		if (cp >= 0x80)  /* ASCII needs no decoding */
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					     (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		i += (size_t)k;
		enum lang_script sc = lang_script_of_cp(cp);
		count[sc] += (sc == SC_HANI || sc == SC_KANA || sc == SC_HANG) ? 2 : 1;
	}
	/* Japanese writes kanji with kana: any real share of kana makes it Japanese. */
	if (count[SC_KANA] && count[SC_KANA] * 10 >= count[SC_HANI] + count[SC_KANA]) {
		count[SC_KANA] += count[SC_HANI];
		count[SC_HANI] = 0;
	}
	enum lang_script best = SC_NONE;
	for (int sc = 0; sc < SC_NONE; sc++)
		if (count[sc] > (best == SC_NONE ? 0 : count[best]))
			best = (enum lang_script)sc;
	return best;
}

/* The slot of a Han character in the table, or -1 outside the Han blocks. */
static long lang_han_slot(utf8proc_int32_t cp)
{
	long a = LANG_HAN_A_LAST - LANG_HAN_A_FIRST + 1, c = LANG_HAN_C_LAST - LANG_HAN_C_FIRST + 1;
	if (cp >= LANG_HAN_A_FIRST && cp <= LANG_HAN_A_LAST)
		return cp - LANG_HAN_A_FIRST;
	if (cp >= LANG_HAN_C_FIRST && cp <= LANG_HAN_C_LAST)
		return a + (cp - LANG_HAN_C_FIRST);
	if (cp >= LANG_HAN_B_FIRST && cp <= LANG_HAN_B_LAST)
		return a + c + (cp - LANG_HAN_B_FIRST);
	return -1;
}

/* True when the conversion cc changes the character enc[0..n) by itself. */
static bool lang_converts(opencc_t cc, const char *enc, size_t n)
{
	char *out = opencc_convert_utf8(cc, enc, n);
	if (!out)
		return false;
	bool changed = strlen(out) != n || memcmp(out, enc, n) != 0;
	opencc_convert_utf8_free(out);
	return changed;
}

/* LANG_HAN_SIMP and LANG_HAN_TRAD of one Han character. */
static unsigned lang_han_char(struct lang_detector *ld, utf8proc_int32_t cp)
{
	long slot = lang_han_slot(cp);
	if (slot < 0)
		return 0;
	if (!ld->han)
		ld->han = xcalloc(LANG_HAN_SLOTS, 1);
	unsigned char *e = &ld->han[slot];
	if (!(*e & LANG_HAN_KNOWN)) {
		utf8proc_uint8_t enc[4];
		size_t n = (size_t)utf8proc_encode_char(cp, enc);
		*e = LANG_HAN_KNOWN;
		if (lang_converts(ld->s2t, (const char *)enc, n))
			*e |= LANG_HAN_SIMP;
		if (lang_converts(ld->t2s, (const char *)enc, n))
			*e |= LANG_HAN_TRAD;
	}
	return *e & (LANG_HAN_SIMP | LANG_HAN_TRAD);
}

/* Simplified or traditional by the first LANG_HAN_SAMPLE code points: the one
 * with more characters of its own form wins. */
static const char *lang_han(struct lang_detector *ld, const char *s, size_t len)
{
	if (!lang_opencc(ld))
		return "zh";
	size_t simp = 0, trad = 0, seen = 0;
	for (size_t i = 0; i < len && seen < LANG_HAN_SAMPLE; seen++) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		i += (size_t)k;
		unsigned f = lang_han_char(ld, cp);
		simp += (f & LANG_HAN_SIMP) != 0;
		trad += (f & LANG_HAN_TRAD) != 0;
	}
	if (simp > trad)
		return "zh-Hans";
	if (trad > simp)
		return "zh-Hant";
	return "zh";
}

/* Function words: frequent, short, and telling of one language. */
struct lang_words {
	const char *tag;
	const char *const *words;
};
static const char *const lang_en[] = {
	"the", "and", "of", "to", "is", "that", "for", "with", "was", "are", "this", "it",
	"from", "by", "has", "have", "which", "be", "been", "were", "will", "its", "their",
	"an", "as", "at", "on", "in", "not", "or", "but", "said", "would", "can", "should",
	"also", "we", "they", "he", "she", NULL
};
static const char *const lang_fr[] = {
	"le", "la", "les", "de", "des", "du", "et", "est", "une", "un", "que", "qui", "dans",
	"pour", "sur", "par", "au", "aux", "avec", "ce", "cette", "sont", "pas", "il", "elle",
	"nous", "vous", "ils", "à", "été", "ont", "ses", "leur", "leurs", "plus", "en", "d",
	"l", "qu", "s", "n", "c", "ne", "se", "mais", "ou", NULL
};
static const char *const lang_de[] = {
	"der", "die", "und", "das", "ist", "nicht", "mit", "sich", "des", "ein", "eine", "dem",
	"den", "zu", "auf", "für", "von", "auch", "wird", "im", "werden", NULL
};
static const char *const lang_es[] = {
	"el", "los", "las", "del", "y", "que", "por", "con", "para", "una", "es", "se", "al",
	"lo", "como", "más", "su", "sus", "fue", NULL
};
static const char *const lang_it[] = {
	"il", "gli", "della", "delle", "che", "di", "e", "è", "per", "una", "non", "sono",
	"con", "nel", "alla", "dei", "del", NULL
};
static const char *const lang_pt[] = {
	"o", "os", "as", "do", "da", "dos", "das", "e", "em", "um", "uma", "para", "com",
	"não", "que", "no", "na", "ao", NULL
};
static const struct lang_words lang_latin[] = {
	{ "en", lang_en }, { "fr", lang_fr }, { "de", lang_de },
	{ "es", lang_es }, { "it", lang_it }, { "pt", lang_pt },
};
#define LANG_NLATIN (sizeof lang_latin / sizeof *lang_latin)

/* No function word is longer, in bytes: a word fits in one number. */
#define LANG_WORD_MAX 8

static uint64_t lang_word_key(const char *w, size_t len)
{
	unsigned char b[LANG_WORD_MAX] = { 0 };
	memcpy(b, w, len);
	uint64_t k = 0;
	for (size_t i = 0; i < LANG_WORD_MAX; i++)
		k = k << 8 | b[i];
	return k;
}

static int lang_word_cmp(const void *pa, const void *pb)
{
	const struct lang_word *a = pa, *b = pb;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* The function words of every language in one sorted table, each with the
 * languages it belongs to: one search a word instead of a walk through all
 * the lists (which was most of the time spent on Latin text). */
static void lang_words_build(struct lang_detector *ld)
{
	for (size_t l = 0; l < LANG_NLATIN; l++)
		for (const char *const *p = lang_latin[l].words; *p; p++) {
			uint64_t key = lang_word_key(*p, strlen(*p));
			size_t i = 0;
			while (i < ld->nwords && ld->words[i].key != key)
				i++;
			if (i == LANG_NWORDS_MAX)
				break;  /* not reached: the lists are far shorter */
			if (i == ld->nwords)
				ld->words[ld->nwords++] = (struct lang_word){ key, 0 };
			ld->words[i].langs |= 1u << l;
		}
	qsort(ld->words, ld->nwords, sizeof *ld->words, lang_word_cmp);
}

static void lang_score_word(const struct lang_detector *ld, const char *w, size_t len,
			    size_t score[LANG_NLATIN])
{
	if (len > LANG_WORD_MAX)
		return;
	struct lang_word k = { lang_word_key(w, len), 0 };
	const struct lang_word *hit = bsearch(&k, ld->words, ld->nwords, sizeof *ld->words,
					      lang_word_cmp);
	for (size_t l = 0; hit && l < LANG_NLATIN; l++)
		score[l] += (hit->langs >> l) & 1;
}

static const char *lang_latin_tag(const struct lang_detector *ld, const char *s, size_t len)
{
	size_t score[LANG_NLATIN] = { 0 }, accents = 0;
	char word[16];
	size_t wl = 0;
	bool toolong = false;
	for (size_t i = 0; i <= len;) {
		utf8proc_int32_t cp = ' ';
		utf8proc_ssize_t k = 1;
		if (i < len && (unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i];
		} else if (i < len) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					     (utf8proc_ssize_t)(len - i), &cp);
			if (k <= 0) {
				cp = ' ';
				k = 1;
			}
		}
		i += (size_t)k;
		if (lang_script_of_cp(cp) == SC_LATN) {
			cp = cp < 0x80 ? (cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp)
				       : utf8proc_tolower(cp);
			/* French marks: é è ê ç à ù â î ô û ë ï œ. */
			if ((cp == 0xe9 || cp == 0xe8 || cp == 0xea || cp == 0xe7 ||
					      cp == 0xe0 || cp == 0xf9 || cp == 0xe2 || cp == 0xee ||
					      cp == 0xf4 || cp == 0xfb || cp == 0xeb || cp == 0xef ||
					      cp == 0x153))
				accents++;
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
			if (wl + (size_t)n < sizeof word) {
				memcpy(word + wl, enc, (size_t)n);
				wl += (size_t)n;
			} else {
				toolong = true;
			}
			continue;
		}
		if (wl && !toolong) {
			word[wl] = '\0';
			lang_score_word(ld, word, wl, score);
		}
		wl = 0;
		toolong = false;
		if (i > len)
			break;
	}
	/* The accents of French weigh like a function word each few of them. */
	score[1] += accents / 3;
	size_t best = 0, second = 0;
	for (size_t l = 1; l < LANG_NLATIN; l++)
		if (score[l] > score[best])
			best = l;
	for (size_t l = 0; l < LANG_NLATIN; l++)
		if (l != best && score[l] > second)
			second = score[l];
	if (score[best] == 0 || score[best] == second)
		return "und";
	return lang_latin[best].tag;
}

void lang_detect(struct lang_detector *ld, const char *text, size_t len, char tag[LANG_TAG_MAX])
{
	size_t n = len < LANG_SAMPLE ? len : LANG_SAMPLE;
	while (n < len && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	size_t count[SC_NONE + 1];
	enum lang_script sc = lang_count_scripts(text, n, count);
	const char *t;
	if (sc == SC_NONE || count[sc] < 2)
		t = "und";
	else if (sc == SC_HANI)
		t = lang_han(ld, text, n);
	else if (sc == SC_LATN)
		t = lang_latin_tag(ld, text, n);
	else
		t = lang_script_tags[sc];
	snprintf(tag, LANG_TAG_MAX, "%s", t);
}

const char *lang_script_of_text(const char *text, size_t len)
{
	size_t n = len < LANG_SAMPLE ? len : LANG_SAMPLE;
	while (n < len && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	size_t count[SC_NONE + 1];
	return lang_script_names[lang_count_scripts(text, n, count)];
}

const char *lang_script_of_tag(const char *tag)
{
	if (strncmp(tag, "zh", 2) == 0)
		return "Hani";
	if (strcmp(tag, "und") == 0 || !tag[0])
		return "";
	for (int sc = SC_HANI; sc < SC_NONE; sc++)
		if (strcmp(tag, lang_script_tags[sc]) == 0)
			return lang_script_names[sc];
	return "Latn";
}

void lang_normalise(const char *declared, char tag[LANG_TAG_MAX])
{
	char low[LANG_TAG_MAX];
	size_t n = 0;
	for (const char *p = declared; p && *p && n + 1 < sizeof low; p++) {
		char c = *p == '_' ? '-' : (char)tolower((unsigned char)*p);
		if (!isalnum((unsigned char)c) && c != '-') {
			n = 0;
			break;
		}
		low[n++] = c;
	}
	low[n] = '\0';
	const char *t = low;
	if (n < 2 || !isalpha((unsigned char)low[0]) || !isalpha((unsigned char)low[1]))
		t = "und";
	else if (strcmp(low, "zh-hans") == 0 || strcmp(low, "zh-cn") == 0 || strcmp(low, "zh-sg") == 0 ||
		 strncmp(low, "zh-hans-", 8) == 0)
		t = "zh-Hans";
	else if (strcmp(low, "zh-hant") == 0 || strcmp(low, "zh-tw") == 0 || strcmp(low, "zh-hk") == 0 ||
		 strcmp(low, "zh-mo") == 0 || strncmp(low, "zh-hant-", 8) == 0)
		t = "zh-Hant";
	else if (strncmp(low, "zh", 2) == 0)
		t = "zh";
	else if (n > 2 && low[2] == '-')
		low[2] = '\0';  /* en-US, fr-FR: the language is what we tag */
	snprintf(tag, LANG_TAG_MAX, "%s", t);
}
