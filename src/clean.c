/* clean.c: untrusted bytes to clean text, and the boilerplate rules. Every
 * function here is linear in its input: a 5 MB single-line file is ordinary. */
#include <config.h>
#include "clean.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "xalloc.h"

/* After this many warnings about one file's bytes, the rest are only counted. */
#define CLEAN_MAX_BYTE_WARNINGS 3
/* Lines longer than this are never page furniture: no need to look them up. */
#define CLEAN_MAX_FURNITURE 400

static void clean_add_cp(struct buf *b, utf8proc_int32_t cp)
{
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
	buf_add(b, (const char *)enc, (size_t)n);
}

char *clean_utf8(const char *bytes, size_t len, const char *file, struct collection *col,
		 size_t *outlen)
{
	struct buf b;
	buf_init(&b);
	buf_reserve(&b, len);   /* valid text is copied as it is: no more, no less */
	buf_add(&b, "", 0);
	size_t invalid = 0, nuls = 0, i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)bytes[i];
		if (c == 0) {
			nuls++;
			i++;
			continue;
		}
		if (c < 0x80) {
			/* Runs of ASCII are copied in one go: the common case. */
			size_t j = i + 1;
			while (j < len && (unsigned char)bytes[j] < 0x80 && bytes[j] != 0)
				j++;
			buf_add(&b, bytes + i, j - i);
			i = j;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)bytes + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (n > 0) {
			buf_add(&b, bytes + i, (size_t)n);
			i += (size_t)n;
			continue;
		}
		if (++invalid <= CLEAN_MAX_BYTE_WARNINGS)
			collection_warn(col, _("%s: byte %zu: invalid UTF-8 replaced"), file, i);
		clean_add_cp(&b, 0xFFFD);
		i++;
	}
	if (invalid > CLEAN_MAX_BYTE_WARNINGS)
		collection_warn(col, P_("%s: %zu more invalid UTF-8 byte replaced",
					"%s: %zu more invalid UTF-8 bytes replaced",
					invalid - CLEAN_MAX_BYTE_WARNINGS),
				file, invalid - CLEAN_MAX_BYTE_WARNINGS);
	if (nuls)
		collection_warn(col, P_("%s: %zu NUL byte removed", "%s: %zu NUL bytes removed", nuls),
				file, nuls);
	*outlen = b.len;
	return buf_take(&b);
}

/* Skips a terminal control string (OSC, DCS, SOS, PM, APC) from s[i]: it ends at
 * BEL, ESC \ or the C1 string terminator U+009C. Returns the index after it. */
static size_t clean_skip_string(const char *s, size_t len, size_t i)
{
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0x07)
			return i + 1;
		if (c == 0x1b && i + 1 < len && s[i + 1] == '\\')
			return i + 2;
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0x9c)
			return i + 2;
		i++;
	}
	return i;
}

/* Skips the rest of a CSI sequence (parameters, intermediates, final byte). */
static size_t clean_skip_csi(const char *s, size_t len, size_t i)
{
	while (i < len && (unsigned char)s[i] >= 0x30 && (unsigned char)s[i] <= 0x3f)
		i++;
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2f)
		i++;
	if (i < len && (unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e)
		i++;
	return i;
}

/* Skips an escape sequence starting at s[i] == ESC. */
static size_t clean_skip_escape(const char *s, size_t len, size_t i)
{
	i++;
	if (i >= len)
		return i;
	switch (s[i]) {
	case '[':
		return clean_skip_csi(s, len, i + 1);
	case ']': case 'P': case 'X': case '^': case '_':
		return clean_skip_string(s, len, i + 1);
	default:
		/* ESC, intermediates, one final byte (ESC ( B, ESC 7, ESC c ...). */
		while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x2f)
			i++;
		if (i < len && (unsigned char)s[i] >= 0x30 && (unsigned char)s[i] <= 0x7e)
			i++;
		return i;
	}
}

/* Code points that are never shown: format characters that reorder or hide
 * text (bidirectional overrides and isolates, BOM, interlinear annotation). */
static bool clean_is_hidden(utf8proc_int32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb) || cp == 0x200e || cp == 0x200f ||
	       cp == 0x061c;
}

char *clean_name(const char *s, size_t len)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			buf_addc(&b, (char)c);
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0 || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 ||
		    cp == 0x2029 || clean_is_hidden(cp)) {
			clean_add_cp(&b, 0xFFFD);
			i += n > 0 ? (size_t)n : 1;
			continue;
		}
		buf_add(&b, s + i, (size_t)n);
		i += (size_t)n;
	}
	return buf_take(&b);
}

bool clean_fold_inert(int32_t cp)
{
	/* U+302A..U+302F and U+3099..U+309A are combining marks. */
	return (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3030 && cp <= 0x303f) ||
	       (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309b && cp <= 0x30ff) ||
	       (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff);
}

bool clean_nfc_inert(int32_t cp)
{
	/* Nothing below the combining diacritics changes or combines. U+2000 and
	 * U+2001 have singleton decompositions; full-width and half-width forms
	 * decompose only for compatibility, which NFC leaves alone. */
	return cp < 0x300 || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e) ||
	       clean_fold_inert(cp) || (cp >= 0xff01 && cp <= 0xffef);
}

char *clean_text(const char *s, size_t len, size_t *outlen)
{
	struct buf b;
	buf_init(&b);
	buf_reserve(&b, len);   /* most text comes out as long as it went in */
	buf_add(&b, "", 0);
	size_t i = 0;
	bool inert = true;      /* everything kept so far is clean_nfc_inert */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			size_t j = i + 1;
			while (j < len && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7f)
				j++;
			buf_add(&b, s + i, j - i);
			i = j;
			continue;
		}
		if (c == '\n') {
			buf_addc(&b, '\n');
			i++;
		} else if (c == '\r') {
			buf_addc(&b, '\n');
			i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
		} else if (c == '\t') {
			buf_addc(&b, ' ');
			i++;
		} else if (c == '\f' || c == '\v') {
			buf_add(&b, "\n\n", 2);
			i++;
		} else if (c == 0x1b) {
			i = clean_skip_escape(s, len, i);
		} else if (c < 0x80) {
			i++;  /* other C0 controls, NUL and DEL */
		} else {
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
							      (utf8proc_ssize_t)(len - i), &cp);
			if (n <= 0) {
				/* Not expected after clean_utf8, but never trust. */
				clean_add_cp(&b, 0xFFFD);
				i++;
				continue;
			}
			i += (size_t)n;
			if (cp == 0x9b)
				i = clean_skip_csi(s, len, i);
			else if (cp == 0x9d || cp == 0x90 || cp == 0x98 || cp == 0x9e || cp == 0x9f)
				i = clean_skip_string(s, len, i);
			else if (cp == 0x85 || cp == 0x2028)
				buf_addc(&b, '\n');
			else if (cp >= 0x80 && cp <= 0x9f)
				continue;
			else if (cp == 0x2029)
				buf_add(&b, "\n\n", 2);
			else if (!clean_is_hidden(cp)) {
				buf_add(&b, s + i - (size_t)n, (size_t)n);
				inert = inert && clean_nfc_inert(cp);
			}
		}
	}
	if (inert) {
		/* NFC already: most text is, and normalising it cost more than
		 * everything else cleaning does. */
		*outlen = b.len;
		return buf_take(&b);
	}
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)b.data, (utf8proc_ssize_t)b.len,
					  &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		*outlen = b.len;
		return buf_take(&b);
	}
	buf_free(&b);
	*outlen = (size_t)n;
	return (char *)nfc;
}

/* Where the closing marker of an emphasis run opened at s[i] is, or NULL: it must
 * follow a non-space character and come before the end of the text. */
static const char *clean_find_close(const char *s, size_t len, size_t i, const char *mark,
				    size_t mlen)
{
	size_t from = i + mlen;
	if (from >= len || s[from] == ' ')
		return NULL;
	const char *p = s + from;
	while ((p = memmem(p, len - (size_t)(p - s), mark, mlen)) != NULL) {
		if (p > s + from && p[-1] != ' ')
			return p;
		p += mlen;
		if (p >= s + len)
			break;
	}
	return NULL;
}

char *clean_markdown_inline(const char *s, size_t len, struct span **emph, size_t *nemph)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	*emph = NULL;
	*nemph = 0;
	size_t cap = 0;
	/* Closing markers found ahead: where each open run ends. */
	const char *close2 = NULL, *close1 = NULL;
	size_t open2 = 0, open1 = 0;
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		if (c == '\\' && i + 1 < len && ispunct((unsigned char)s[i + 1])) {
			buf_addc(&b, s[i + 1]);
			i += 2;
			continue;
		}
		if ((c == '*' || c == '_') && i + 1 < len && s[i + 1] == c) {
			char mark[2] = { c, c };
			if (close2 == s + i) {
				xgrow((void **)emph, &cap, *nemph + 1, sizeof **emph);
				(*emph)[(*nemph)++] = (struct span){ open2, b.len - open2 };
				close2 = NULL;
				i += 2;
				continue;
			}
			const char *end;
			bool word_inside = c == '_' && i > 0 && isalnum((unsigned char)s[i - 1]);
			if (!close2 && !word_inside && (end = clean_find_close(s, len, i, mark, 2))) {
				close2 = end;
				open2 = b.len;
				i += 2;
				continue;
			}
		} else if (c == '*' || c == '_') {
			if (close1 == s + i) {
				xgrow((void **)emph, &cap, *nemph + 1, sizeof **emph);
				(*emph)[(*nemph)++] = (struct span){ open1, b.len - open1 };
				close1 = NULL;
				i++;
				continue;
			}
			const char *end;
			bool word_inside = c == '_' && i > 0 && isalnum((unsigned char)s[i - 1]);
			if (!close1 && !word_inside && (end = clean_find_close(s, len, i, &c, 1)) &&
			    !(end + 1 < s + len && end[1] == c) &&
			    !(c == '_' && end + 1 < s + len && isalnum((unsigned char)end[1]))) {
				close1 = end;
				open1 = b.len;
				i++;
				continue;
			}
		} else if (c == '[' && !(i > 0 && s[i - 1] == '!')) {
			/* [text](url): keep the text. Look only a short way ahead. */
			size_t lim = len - i < 1000 ? len : i + 1000;
			const char *rb = memchr(s + i, ']', lim - i);
			if (rb && rb + 1 < s + lim && rb[1] == '(') {
				const char *rp = memchr(rb, ')', (size_t)(s + lim - rb));
				if (rp) {
					buf_add(&b, s + i + 1, (size_t)(rb - s - i - 1));
					i = (size_t)(rp - s) + 1;
					continue;
				}
			}
		}
		buf_addc(&b, c);
		i++;
	}
	return buf_take(&b);
}

/* ------------------------------------------------------------ boilerplate */

struct clean_rules {
	char **phrases;         /* keys, sorted */
	size_t nphrases, capphrases;
	char **prefixes;        /* keys */
	size_t nprefixes, capprefixes;
	char **languages;       /* keys of language names */
	size_t nlanguages, caplanguages;
	char **labels;          /* source labels, as written */
	size_t nlabels, caplabels;
	size_t longest;         /* longest phrase key, bytes */
	size_t shortest_language;       /* shortest language key, bytes */
};

static bool clean_is_trim(utf8proc_int32_t cp)
{
	utf8proc_category_t cat = utf8proc_category(cp);
	return (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_ZP) ||
	       cp == 0xFFFD || cp == 0x200b || cp == 0x200d;
}

/* s case-folded and NFC into *folded (owned by the caller); its length, or -1. */
static utf8proc_ssize_t clean_fold(const char *s, size_t len, utf8proc_uint8_t **folded)
{
	/* Lines of ASCII or of Chinese need no more than ASCII letters lowered:
	 * utf8proc_map is the costly part of every key otherwise. */
	bool simple = true;
	for (size_t i = 0; simple && i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		simple = k > 0 && clean_fold_inert(cp);
		i += k > 0 ? (size_t)k : 1;
	}
	if (!simple)
		return utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, folded,
				    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	*folded = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		(*folded)[i] = c >= 'A' && c <= 'Z' ? (utf8proc_uint8_t)(c - 'A' + 'a') : c;
	}
	(*folded)[len] = '\0';
	return (utf8proc_ssize_t)len;
}

char *clean_key(const char *s, size_t len)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n = clean_fold(s, len, &folded);
	if (n < 0)
		return xstrndup(s, len);
	/* Drop spaces; remember where the last non-punctuation character ended. */
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	size_t keep = 0;
	bool started = false;
	for (utf8proc_ssize_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(folded + i, n - i, &cp);
		if (k <= 0)
			break;
		utf8proc_category_t cat = utf8proc_category(cp);
		bool space = cat >= UTF8PROC_CATEGORY_ZS && cat <= UTF8PROC_CATEGORY_ZP;
		bool trim = clean_is_trim(cp);
		if (!space && (started || !trim)) {
			buf_add(&b, (const char *)folded + i, (size_t)k);
			started = true;
			if (!trim)
				keep = b.len;
		}
		i += k;
	}
	free(folded);
	b.len = keep;
	b.data[keep] = '\0';
	return buf_take(&b);
}

size_t clean_codepoints(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

bool clean_is_punctuation(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			return false;
		if (!clean_is_trim(cp))
			return false;
		i += (size_t)k;
	}
	return true;
}

/* The last code point of s before position end, and where it starts. */
static utf8proc_int32_t clean_last_cp(const char *s, size_t *end)
{
	size_t j = *end;
	while (j > 0 && ((unsigned char)s[j - 1] & 0xc0) == 0x80)
		j--;
	if (j > 0)
		j--;
	utf8proc_int32_t cp = 0;
	if (utf8proc_iterate((const utf8proc_uint8_t *)s + j, (utf8proc_ssize_t)(*end - j), &cp) <= 0)
		cp = 0;
	*end = j;
	return cp;
}

bool clean_ends_sentence(const char *s, size_t len)
{
	size_t end = len;
	while (end > 0) {
		utf8proc_int32_t cp = clean_last_cp(s, &end);
		if (cp == ' ')
			continue;
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_PE || cat == UTF8PROC_CATEGORY_PF || cp == '"' || cp == '\'')
			continue;  /* closing quotes and brackets after the full stop */
		return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xff01 ||
		       cp == 0xff1f || cp == 0x2026 || cp == 0xff0e || cp == 0xff61;
	}
	return false;
}

static int clean_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void clean_push(char ***v, size_t *n, size_t *cap, char *s)
{
	xgrow((void **)v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

static void clean_trim(const char **s, size_t *len)
{
	while (*len && isspace((unsigned char)**s))
		(*s)++, (*len)--;
	while (*len && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

/* One line of the list: "phrase", "prefix: P", "language: L", "source-label: S". */
static void clean_rules_line(struct clean_rules *r, const char *line, size_t len)
{
	clean_trim(&line, &len);
	if (len == 0 || line[0] == '#')
		return;
	static const char *const kinds[] = { "prefix:", "language:", "source-label:" };
	for (size_t k = 0; k < 3; k++) {
		size_t kl = strlen(kinds[k]);
		if (len > kl && strncmp(line, kinds[k], kl) == 0) {
			const char *v = line + kl;
			size_t vl = len - kl;
			clean_trim(&v, &vl);
			if (vl == 0)
				return;
			char *key = k < 2 ? clean_key(v, vl) : NULL;
			if (k < 2 && !key[0])
				free(key);  /* only punctuation: it would match every line */
			else if (k == 0)
				clean_push(&r->prefixes, &r->nprefixes, &r->capprefixes, key);
			else if (k == 1)
				clean_push(&r->languages, &r->nlanguages, &r->caplanguages, key);
			else
				clean_push(&r->labels, &r->nlabels, &r->caplabels, xstrndup(v, vl));
			return;
		}
	}
	char *key = clean_key(line, len);
	if (!key[0]) {
		free(key);
		return;
	}
	size_t kl = strlen(key);
	if (kl > r->longest)
		r->longest = kl;
	clean_push(&r->phrases, &r->nphrases, &r->capphrases, key);
}

struct clean_rules *clean_rules_load(const char *path, struct collection *col)
{
	struct clean_rules *r = xcalloc(1, sizeof *r);
	FILE *f = path ? fopen(path, "r") : NULL;
	if (!f) {
		if (col)
			collection_warn(col, _("%s: cannot read the boilerplate list: %s"),
					path ? path : "boilerplate.txt", strerror(errno));
		return r;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0)
		clean_rules_line(r, line, (size_t)n);
	free(line);
	fclose(f);
	if (r->nphrases > 1)
		qsort(r->phrases, r->nphrases, sizeof *r->phrases, clean_strcmp);
	if (r->nlanguages > 1)
		qsort(r->languages, r->nlanguages, sizeof *r->languages, clean_strcmp);
	for (size_t i = 0; i < r->nlanguages; i++) {
		size_t ll = strlen(r->languages[i]);
		if (i == 0 || ll < r->shortest_language)
			r->shortest_language = ll;
	}
	return r;
}

static void clean_free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void clean_rules_free(struct clean_rules *r)
{
	if (!r)
		return;
	clean_free_list(r->phrases, r->nphrases);
	clean_free_list(r->prefixes, r->nprefixes);
	clean_free_list(r->languages, r->nlanguages);
	clean_free_list(r->labels, r->nlabels);
	free(r);
}

/* A menu of languages ("EnglishFrançais日本語...") or a label naming one
 * ("Mandarin Chinese:"): language names cover most of the line. */
static bool clean_is_language_line(const struct clean_rules *r, const char *key)
{
	size_t klen = strlen(key), covered = 0, distinct = 0;
	if (!klen || r->nlanguages == 0)
		return false;
	if (bsearch(&key, r->languages, r->nlanguages, sizeof *r->languages, clean_strcmp))
		return true;
	/* A menu names three languages at least: most lines are too short to
	 * hold three, and are not searched for every name. */
	if (klen < 3 * r->shortest_language)
		return false;
	for (size_t i = 0; i < r->nlanguages; i++) {
		size_t ll = strlen(r->languages[i]);
		bool seen = false;
		for (const char *p = key; (p = strstr(p, r->languages[i])) != NULL; p += ll) {
			covered += ll;
			seen = true;
		}
		distinct += seen;
	}
	return distinct >= 3 && covered * 2 >= klen;
}

/* Part numbers, the stuff of link farms: letters and digits with dashes. */
static bool clean_is_code_token(const char *t, size_t len)
{
	bool digit = false, upper = false, dash = false;
	if (len < 5)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		if (isdigit(c))
			digit = true;
		else if (isupper(c))
			upper = true;
		else if (c == '-' || c == '/' || c == '.')
			dash = true;
		else if (!islower(c))
			return false;
	}
	return digit && upper && (dash || len >= 6);
}

static bool clean_is_link_spam(const char *s, size_t len)
{
	size_t tokens = 0, codes = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < len && s[j] != ' ')
			j++;
		if (j > i) {
			tokens++;
			codes += clean_is_code_token(s + i, j - i);
		}
		i = j;
	}
	return tokens <= 12 && codes >= 2 && codes * 5 >= tokens * 2 && !clean_ends_sentence(s, len);
}

bool clean_is_boilerplate(const struct clean_rules *r, const char *s, size_t len)
{
	if (clean_is_punctuation(s, len))
		return true;
	if (len > CLEAN_MAX_FURNITURE)
		return false;
	if (clean_is_link_spam(s, len))
		return true;
	char *key = clean_key(s, len);
	bool hit = false;
	if (r->nphrases && strlen(key) <= r->longest)
		hit = bsearch(&key, r->phrases, r->nphrases, sizeof *r->phrases, clean_strcmp) != NULL;
	for (size_t i = 0; !hit && i < r->nprefixes; i++)
		hit = key[0] == r->prefixes[i][0] &&
		      strncmp(key, r->prefixes[i], strlen(r->prefixes[i])) == 0;
	if (!hit)
		hit = clean_is_language_line(r, key);
	free(key);
	return hit;
}

size_t clean_source_label(const struct clean_rules *r, const char *s, size_t len)
{
	for (size_t i = 0; i < r->nlabels; i++) {
		size_t ll = strlen(r->labels[i]);
		if (len <= ll || strncasecmp(s, r->labels[i], ll) != 0)
			continue;
		size_t j = ll;
		while (j < len && s[j] == ' ')
			j++;
		if (j < len && s[j] == ':')
			j++;
		else if (len - j >= 3 && memcmp(s + j, "\xef\xbc\x9a", 3) == 0)  /* ： */
			j += 3;
		else
			continue;
		while (j < len && s[j] == ' ')
			j++;
		if (j < len)
			return j;
	}
	return 0;
}
