/* events_words.c: whether sentences paired across two texts say the same
 * things in words, not only in dates. Two texts are sometimes paired by their
 * dates alone (events_group.c: versions told alike); the aligner judges short
 * texts by their lengths, which two unrelated reports of the same three days
 * can match as well as a translation does. Here the words decide, the dates
 * left out (they paired the sentences; they are no evidence besides):
 *   - between languages, the lexicon of the aligner (lexicon.h: Han glosses
 *     and readings, FreeDict's English and French, words spelled alike) links
 *     each pair's two sentences; most pairs must share a word, and on the
 *     whole half their known words more than the same sentences each with
 *     the next pair's (a word or two in common is what unrelated reports of
 *     one city and one week have); a single pair, which has no neighbour
 *     to be measured against, was paired by a shared number on one day
 *     (events_group.c: a weak anchor), so the numbers are left out too, and
 *     two known words of each sentence must be linked (a short word spelled
 *     alike, the "a" of English and French, is what unrelated sentences
 *     share);
 *   - between two scripts of Chinese, which share most characters and glosses
 *     whatever they say, a simplified and a traditional form of one character
 *     have one reading: most pairs must read nearly alike, syllable by
 *     syllable (the longest common run of readings, four fifths of the
 *     longer). */
#include <config.h>
#include "events_int.h"

#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "align_int.h"
#include "keysort.h"
#include "lexicon.h"
#include "unihan.h"
#include "utf8.h"
#include "xalloc.h"

/* The known words each side of a single pair links (see above). */
#define EVENTS_WORDS_ONE 2

char *events_words_undated(const char *s, const char *lang)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1);
	memcpy(out, s, n + 1);
	struct datex *x = NULL;
	size_t nx = dates_find(s, n, lang, &x);
	for (size_t k = 0; k < nx; k++)
		if (x[k].start <= n && x[k].len <= n - x[k].start)
			memset(out + x[k].start, ' ', x[k].len);
	free(x);
	return out;
}

/* Blanks out the ASCII digits of s. */
static void events_words_blank_digits(char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			*s = ' ';
}

/* The readings of the Han characters of s, one pointer each (at most max). */
static size_t events_words_readings(const char *s, const char **out, size_t max)
{
	size_t n = strlen(s), k = 0;
	for (size_t i = 0; i < n && k < max;) {
		size_t l;
		int32_t cp = utf8_decode(s, n, i, &l);
		const char *r = cp >= 0x2E80 ? unihan_mandarin((uint32_t)cp) : NULL;
		if (r)
			out[k++] = r;
		i += l;
	}
	return k;
}

#define EVENTS_WORDS_HAN 160

/* Whether two Chinese sentences read nearly alike, syllable by syllable. */
static bool events_words_read_alike(const char *a, const char *b)
{
	const char *ra[EVENTS_WORDS_HAN], *rb[EVENTS_WORDS_HAN];
	size_t na = events_words_readings(a, ra, EVENTS_WORDS_HAN);
	size_t nb = events_words_readings(b, rb, EVENTS_WORDS_HAN);
	size_t longer = na > nb ? na : nb;
	if (longer == 0)
		return false;
	/* the longest common subsequence of readings, one row at a time */
	size_t row[EVENTS_WORDS_HAN + 1] = { 0 };
	for (size_t i = 1; i <= na; i++) {
		size_t diag = 0;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			row[j] = strcmp(ra[i - 1], rb[j - 1]) == 0 ? diag + 1
				 : row[j - 1] > up ? row[j - 1] : up;
			diag = up;
		}
	}
	return 5 * row[nb] >= 4 * longer;
}

static bool events_words_zh(const char *lang)
{
	return strncmp(lang, "zh", 2) == 0;
}

bool events_words_agree(struct align_ctx *ctx, const char *la, const char *lb,
			const char *const *ta, const char *const *tb, size_t n)
{
	if (n == 0)
		return false;
	char **ua = xmalloc(n * sizeof *ua), **ub = xmalloc(n * sizeof *ub);
	for (size_t k = 0; k < n; k++) {
		ua[k] = events_words_undated(ta[k], la);
		ub[k] = events_words_undated(tb[k], lb);
		if (n == 1) {
			events_words_blank_digits(ua[k]);
			events_words_blank_digits(ub[k]);
		}
	}
	bool agree;
	if (events_words_zh(la) && events_words_zh(lb)) {
		size_t alike = 0;
		for (size_t k = 0; k < n; k++)
			alike += events_words_read_alike(ua[k], ub[k]);
		agree = 2 * alike >= n;
	} else {
		/* without a context, the dictionaries are read for this once, as
		 * align_sides reads them */
		struct align_ctx *own_ctx = ctx ? NULL : align_ctx_new(NULL);
		if (!ctx)
			ctx = own_ctx;
		const struct freedict *ab = align_ctx_dict(ctx, la, lb);
		const struct freedict *ba = align_ctx_dict(ctx, lb, la);
		struct lexicon *lx = lexicon_new(la, lb, ab, ba);
		for (size_t k = 0; k < n; k++) {
			lexicon_add(lx, 0, k, ua[k], strlen(ua[k]));
			lexicon_add(lx, 1, k, ub[k], strlen(ub[k]));
		}
		struct align_links l;
		lexicon_links(lx, NULL, 0, &l);
		if (n == 1) {
			unsigned wa = 0, wb = 0;
			for (size_t k = l.row[0]; k < l.row[1]; k++) {
				wa += l.v[k].wa;
				wb += l.v[k].wb;
			}
			agree = wa >= EVENTS_WORDS_ONE && wb >= EVENTS_WORDS_ONE;
		} else {
			/* the pairs whose sentences share a word, and how much they
			 * share, beside the same sentences each with the next pair's:
			 * translated sentences share much more with each other than
			 * with their neighbours' */
			size_t own = 0;
			double mine = 0, other = 0;
			for (size_t k = 0; k < n; k++) {
				double x = align_links_share(&l, k, k + 1, k, k + 1);
				own += x > 0;
				mine += x;
				other += align_links_share(&l, k, k + 1, (k + 1) % n, (k + 1) % n + 1);
			}
			agree = 2 * own >= n && 2 * (mine - other) >= (double)n;
		}
		align_links_free(&l);
		lexicon_free(lx);
		align_ctx_free(own_ctx);
	}
	for (size_t k = 0; k < n; k++) {
		free(ua[k]);
		free(ub[k]);
	}
	free(ua);
	free(ub);
	return agree;
}

/* The next word of s from *i: a run of letters (Latin, with their marks) of
 * which the first is lowercase, at least five letters; or two Han characters
 * together. Returns its length (0 at the end) and its start in *at. */
static size_t events_words_next(const char *s, size_t n, size_t *i, size_t *at)
{
	while (*i < n) {
		size_t l;
		int32_t cp = utf8_decode(s, n, *i, &l);
		if (cp >= 0x2E80 && unihan_mandarin((uint32_t)cp)) {
			size_t l2;
			int32_t c2 = *i + l < n ? utf8_decode(s, n, *i + l, &l2) : 0;
			*at = *i;
			*i += l;
			if (c2 >= 0x2E80 && unihan_mandarin((uint32_t)c2))
				return l + l2;
			continue;
		}
		bool lower = (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp < 0x250);
		bool letter = lower || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250);
		if (!letter) {
			*i += l;
			continue;
		}
		size_t s0 = *i, letters = 0;
		while (*i < n) {
			cp = utf8_decode(s, n, *i, &l);
			if (!((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
			      (cp >= 0xC0 && cp < 0x250)))
				break;
			letters++;
			*i += l;
		}
		if (lower && letters >= 5) {
			*at = s0;
			return *i - s0;
		}
	}
	return 0;
}

size_t events_words_keys(const char *s, const char *lang, uint64_t **out)
{
	char *u = events_words_undated(s, lang);
	size_t n = strlen(u), nk = 0, cap = 0;
	uint64_t *k = NULL;
	for (size_t i = 0, at, len; (len = events_words_next(u, n, &i, &at)) > 0;) {
		xgrow((void **)&k, &cap, nk + 1, sizeof *k);
		k[nk++] = events_hash('W', u + at, len);
	}
	free(u);
	keysort(k, nk, sizeof *k);
	size_t d = 0;
	for (size_t i = 0; i < nk; i++)
		if (d == 0 || k[d - 1] != k[i])
			k[d++] = k[i];
	*out = k;
	return d;
}

bool events_words_keys_common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	for (size_t i = 0, j = 0; i < na && j < nb;) {
		if (a[i] == b[j])
			return true;
		if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return false;
}

bool events_words_common(const char *a, const char *b, const char *lang)
{
	uint64_t *ka, *kb;
	size_t na = events_words_keys(a, lang, &ka), nb = events_words_keys(b, lang, &kb);
	bool found = events_words_keys_common(ka, na, kb, nb);
	free(ka);
	free(kb);
	return found;
}
