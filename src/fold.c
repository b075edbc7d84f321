/* fold.c: folding text for search (see fold.h). Case, marks and compatibility
 * forms are utf8proc's business, one grapheme cluster at a time so that every
 * folded byte can point back at its cluster. Traditional to simplified Chinese
 * is OpenCC's t2s, asked once per distinct character and remembered: a
 * conversion that is a function of the character alone folds a query and the
 * text the same way whatever surrounds them (whole-text conversion lets phrase
 * tables decide differently for a short query and a long paragraph), keeps the
 * map one character to one character, and spares the phrase matcher, which
 * cost three fifths of the index build when run on every paragraph. */
#include <config.h>
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <opencc/opencc.h>
#include <utf8proc.h>

#include "utf8.h"
#include "xalloc.h"

/* Everything a reader would not tell apart when looking for a word. */
#define FOLD_OPTIONS (UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | \
		      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE)

/* From here on a code point may be Chinese: the only ones t2s may change. */
#define FOLD_CJK_FIRST 0x2E80

/* What is known about one code point, worked out on first sight: its
 * simplified form, and what it folds to when it is a cluster on its own (the
 * common case for everything but ASCII, which has its own shortcut). */
enum fold_kind { FOLD_UNKNOWN = 0, FOLD_BYTES, FOLD_SPACE, FOLD_UNCACHED };

#define FOLD_BYTES_MAX 14

struct fold_char {
	utf8proc_int32_t key;           /* the code point plus one; 0: an empty slot
					   (U+0000 is a code point like any other) */
	utf8proc_int32_t to;            /* simplified form; 0: not asked yet */
	uint8_t kind;                   /* enum fold_kind of the cluster alone */
	uint8_t len;
	char bytes[FOLD_BYTES_MAX];     /* its folded bytes, for FOLD_BYTES */
};

struct fold {
	opencc_t cc;                    /* (opencc_t)-1 when t2s is not available */
	utf8proc_int32_t *cps;          /* one cluster's folded code points */
	size_t cpscap;
	struct fold_char *chars;        /* open addressing, a power of two in size */
	size_t nchars, capchars;
};

/* Where one fold_text call stands while it writes. */
struct fold_state {
	struct fold_out *o;
	bool with_map;
	bool space;                     /* white space seen and not yet written */
	size_t space_src;               /* where that white space began */
	size_t last_end;                /* end in the source of the last cluster written */
};

struct fold *fold_new(void)
{
	struct fold *f = xcalloc(1, sizeof *f);
	f->cc = opencc_open("t2s.json");
	return f;
}

void fold_free(struct fold *f)
{
	if (!f)
		return;
	if (f->cc != (opencc_t)-1)
		opencc_close(f->cc);
	free(f->cps);
	free(f->chars);
	free(f);
}

bool fold_has_variants(const struct fold *f)
{
	return f->cc != (opencc_t)-1;
}

void fold_out_init(struct fold_out *o)
{
	memset(o, 0, sizeof *o);
}

void fold_out_free(struct fold_out *o)
{
	free(o->text);
	free(o->map);
	fold_out_init(o);
}

/* Room for extra more bytes (and their map entries) plus the terminator. */
static void fold_reserve(struct fold_out *o, size_t extra, bool with_map)
{
	if (o->len + extra + 1 <= o->cap && (!with_map || o->len + extra + 1 <= o->mapcap))
		return;
	xgrow((void **)&o->text, &o->cap, o->len + extra + 1, 1);
	if (with_map)
		xgrow((void **)&o->map, &o->mapcap, o->len + extra + 1, sizeof *o->map);
}

static void fold_put(struct fold_out *o, const char *b, size_t n, size_t src, bool with_map)
{
	fold_reserve(o, n, with_map);
	memcpy(o->text + o->len, b, n);
	if (with_map)
		for (size_t i = 0; i < n; i++)
			o->map[o->len + i] = src;
	o->len += n;
}

static bool fold_is_space(utf8proc_int32_t c)
{
	if (c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x85)
		return true;
	if (c < 0x80)
		return false;
	utf8proc_category_t cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

static size_t fold_char_slot(const struct fold *f, utf8proc_int32_t c)
{
	utf8proc_int32_t key = c + 1;
	size_t h = ((uint32_t)key * 2654435761u) & (f->capchars - 1);
	while (f->chars[h].key && f->chars[h].key != key)
		h = (h + 1) & (f->capchars - 1);
	return h;
}

/* The entry of c, made (empty) when there is none. The pointer lasts until
 * the next call. */
static struct fold_char *fold_char_of(struct fold *f, utf8proc_int32_t c)
{
	if (f->capchars) {
		struct fold_char *e = &f->chars[fold_char_slot(f, c)];
		if (e->key == c + 1)
			return e;
	}
	if ((f->nchars + 1) * 2 > f->capchars) {
		struct fold_char *old = f->chars;
		size_t oldcap = f->capchars;
		f->capchars = oldcap ? oldcap * 2 : 1024;
		f->chars = xcalloc(f->capchars, sizeof *f->chars);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				f->chars[fold_char_slot(f, old[i].key - 1)] = old[i];
		free(old);
	}
	struct fold_char *e = &f->chars[fold_char_slot(f, c)];
	e->key = c + 1;
	f->nchars++;
	return e;
}

/* The simplified form of c: what OpenCC's t2s makes of c alone, when that is
 * one character; else c. */
static utf8proc_int32_t fold_simplified(struct fold *f, utf8proc_int32_t c)
{
	if (f->cc == (opencc_t)-1)
		return c;
	struct fold_char *e = fold_char_of(f, c);
	if (e->to)
		return e->to;
	utf8proc_uint8_t b[8];
	utf8proc_ssize_t n = utf8proc_encode_char(c, b);
	utf8proc_int32_t to = c;
	char *conv = opencc_convert_utf8(f->cc, (const char *)b, (size_t)n);
	if (conv) {
		utf8proc_int32_t first;
		size_t clen = strlen(conv);
		utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)conv,
						      (utf8proc_ssize_t)clen, &first);
		if (l > 0 && (size_t)l == clen)
			to = first;
		opencc_convert_utf8_free(conv);
	}
	fold_char_of(f, c)->to = to;
	return to;
}

/* White space from src on: written as one space before whatever comes next. */
static void fold_space(struct fold_state *st, size_t src)
{
	if (!st->space) {
		st->space = true;
		st->space_src = src;
	}
}

/* Folded bytes that came from the cluster [src, src_end). */
static void fold_bytes(struct fold_state *st, const char *b, size_t n, size_t src, size_t src_end)
{
	if (st->space) {
		/* A run of white space is one space, and none leads the text. */
		if (st->o->len)
			fold_put(st->o, " ", 1, st->space_src, st->with_map);
		st->space = false;
	}
	fold_put(st->o, b, n, src, st->with_map);
	st->last_end = src_end;
}

/* Writes one folded code point that came from the cluster [src, src_end). */
static void fold_emit(struct fold *f, struct fold_state *st, utf8proc_int32_t c, size_t src,
		      size_t src_end)
{
	if (fold_is_space(c)) {
		fold_space(st, src);
		return;
	}
	if (c >= FOLD_CJK_FIRST)
		c = fold_simplified(f, c);
	utf8proc_uint8_t b[8];
	utf8proc_ssize_t n = utf8proc_encode_char(c, b);
	fold_bytes(st, (const char *)b, (size_t)n, src, src_end);
}

/* Folds the code points of one cluster into f->cps; returns how many. */
static size_t fold_cluster(struct fold *f, const utf8proc_int32_t *in, size_t nin)
{
	size_t k = 0;
	for (size_t i = 0; i < nin; i++) {
		for (;;) {
			xgrow((void **)&f->cps, &f->cpscap, k + 4, sizeof *f->cps);
			int boundclass = 0;
			utf8proc_ssize_t r = utf8proc_decompose_char(in[i], f->cps + k,
				(utf8proc_ssize_t)(f->cpscap - k), FOLD_OPTIONS, &boundclass);
			if (r < 0)
				break;  /* not a valid code point: drop it */
			if ((size_t)r <= f->cpscap - k) {
				k += (size_t)r;
				break;
			}
			xgrow((void **)&f->cps, &f->cpscap, k + (size_t)r, sizeof *f->cps);
		}
	}
	/* Hangul syllables came apart into jamo: put them back together, so a
	 * query of one jamo does not match half a syllable. */
	if (k > 1) {
		utf8proc_ssize_t r = utf8proc_normalize_utf32(f->cps, (utf8proc_ssize_t)k,
							     UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		if (r >= 0)
			k = (size_t)r;
	}
	return k;
}

/* Folds the cluster of the one code point c, [src, src_end), from what is
 * remembered about c; works it out the first time. False when c has to be
 * folded the long way every time (its folded form holds white space among
 * other things, or is long). */
static bool fold_single(struct fold *f, struct fold_state *st, utf8proc_int32_t c, size_t src,
			size_t src_end)
{
	struct fold_char *e = fold_char_of(f, c);
	if (e->kind == FOLD_UNKNOWN) {
		size_t k = fold_cluster(f, &c, 1);
		uint8_t kind = FOLD_BYTES, len = 0;
		char bytes[FOLD_BYTES_MAX];
		if (k == 1 && fold_is_space(f->cps[0]))
			kind = FOLD_SPACE;
		for (size_t j = 0; j < k && kind == FOLD_BYTES; j++) {
			utf8proc_int32_t d = f->cps[j];
			if (fold_is_space(d) || len + 4 > FOLD_BYTES_MAX) {
				kind = FOLD_UNCACHED;
				break;
			}
			if (d >= FOLD_CJK_FIRST)
				d = fold_simplified(f, d);
			len += (uint8_t)utf8proc_encode_char(d, (utf8proc_uint8_t *)bytes + len);
		}
		e = fold_char_of(f, c);  /* fold_simplified may have moved it */
		e->kind = kind;
		e->len = len;
		memcpy(e->bytes, bytes, len);
	}
	switch (e->kind) {
	case FOLD_SPACE:
		fold_space(st, src);
		return true;
	case FOLD_BYTES:
		if (e->len)
			fold_bytes(st, e->bytes, e->len, src, src_end);
		return true;
	default:
		return false;
	}
}

/* Case, marks, width and white space, cluster by cluster, into st->o. */
static void fold_plain(struct fold *f, const char *s, size_t n, struct fold_state *st)
{
	utf8proc_int32_t in[64];
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		/* ASCII followed by ASCII is a cluster of its own: the common case
		 * by far, and worth not asking utf8proc about. */
		if (c < 0x80 && (i + 1 == n || (unsigned char)s[i + 1] < 0x80)) {
			struct fold_out *o = st->o;
			/* Most of it: a letter after a letter, with room. */
			if (c > ' ' && !st->space && o->len + 2 <= o->cap &&
			    (!st->with_map || o->len + 2 <= o->mapcap)) {
				if (st->with_map)
					o->map[o->len] = i;
				o->text[o->len++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
				st->last_end = ++i;
				continue;
			}
			fold_emit(f, st, c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c, i, i + 1);
			i++;
			continue;
		}
		size_t start = i, nin = 0;
		utf8proc_int32_t next, state = 0;
		size_t len;
		utf8proc_int32_t cp = utf8_decode(s, n, i, &len);
		i += len;
		in[nin++] = cp;
		while (i < n) {
			next = utf8_decode(s, n, i, &len);
			if (utf8proc_grapheme_break_stateful(cp, next, &state))
				break;
			/* A cluster of dozens of marks keeps its first few: marks are
			 * stripped anyway. */
			if (nin < sizeof in / sizeof *in)
				in[nin++] = next;
			cp = next;
			i += len;
		}
		if (nin == 1 && fold_single(f, st, in[0], start, i))
			continue;
		size_t k = fold_cluster(f, in, nin);
		for (size_t j = 0; j < k; j++)
			fold_emit(f, st, f->cps[j], start, i);
	}
}

void fold_text(struct fold *f, const char *s, size_t n, struct fold_out *o, bool with_map)
{
	struct fold_state st = { .o = o, .with_map = with_map };
	o->len = 0;
	fold_reserve(o, n, with_map);
	fold_plain(f, s, n, &st);
	fold_reserve(o, 0, with_map);
	o->text[o->len] = '\0';
	if (with_map)
		o->map[o->len] = st.last_end;
}

void fold_span(const struct fold_out *o, size_t fs, size_t fe, size_t *start, size_t *end)
{
	if (fs > o->len)
		fs = o->len;
	if (fe < fs)
		fe = fs;
	if (fe > o->len)
		fe = o->len;
	*start = o->map[fs];
	if (fe == fs) {
		*end = *start;
		return;
	}
	/* The match ends where the next cluster begins. */
	size_t last = o->map[fe - 1], j = fe;
	while (j < o->len && o->map[j] == last)
		j++;
	*end = o->map[j] > last ? o->map[j] : last;
}
