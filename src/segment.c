/* segment.c: sentences. One scanner serves every language: the characters decide
 * (a Chinese full stop always ends a sentence, an ASCII period only when the word
 * before it is not an abbreviation, an initial or part of a number), so mixed
 * text (Latin names inside Chinese, Chinese quotes inside English) needs no mode
 * switch. The language only adds what is particular to it: in Chinese text the
 * ASCII ! ? ; end a sentence even with no space after them. The scanner keeps
 * track of the double quotation marks open around it, so that speech the text
 * introduced (他道：“……！”) ends with its closing mark and speech that trails
 * off (“我…… 我不知道。”) goes on to it. */
#include <config.h>
#include "segment.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"
#include "xalloc.h"

/* How an abbreviation behaves before a space. */
enum segment_abbr {
	SEGMENT_WORD = 0,       /* an ordinary word: the period ends the sentence */
	SEGMENT_NEVER,          /* a title or "e.g.": never ends a sentence */
	SEGMENT_BEFORE_NUMBER,  /* "No. 5", "p. 12": not before a number */
	SEGMENT_MAY_END,        /* "etc.", "Inc.", "U.S.", months: only before a typical sentence start */
};

static const char *const segment_never[] = {
	"Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "St", "Mt", "Ft", "Gen", "Col", "Lt", "Sgt",
	"Capt", "Cmdr", "Adm", "Rev", "Sen", "Rep", "Gov", "Hon", "Pres", "Supt", "Mme", "Mmes",
	"Mlle", "Mlles", "Mgr", "Me", "Pr", "Ste", "MM", "e.g", "i.e", "E.g", "I.e", "cf", "Cf",
	"vs", "viz", "approx", "av", "apr", "env", "ca", "c", "resp", "op", "ibid", "Ibid",
	"Fig", "fig", "Figs", "figs", "Eq", "eq", "Vol", "vol", "ch", "Ch", "éd", "Éd", "ed",
	"Ed", "Eds", "eds", "Dept", "dept", "Univ", "Assn", "Bros", "Mass", "Calif",
};

static const char *const segment_before_number[] = {
	"No", "no", "Nos", "nos", "Art", "art", "p", "pp", "n", "Sec", "sec", "Ord", "Tel", "tel",
};

static const char *const segment_may_end[] = {
	"etc", "Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "al", "Bros", "Cie", "Jan", "Feb", "Mar",
	"Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "janv", "févr", "avr",
	"juil", "sept", "oct", "nov", "déc", "a.m", "p.m", "A.M", "P.M", "J.-C", "U.S", "U.K",
	"U.N", "E.U", "U.S.A",
};

/* Capitalised words that usually open a sentence (and rarely follow "U.S." or an
 * initial inside a name), English and French. */
static const char *const segment_starters[] = {
	"The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "In", "On", "At", "But",
	"And", "Or", "So", "This", "That", "These", "Those", "There", "Then", "Thus", "However",
	"Its", "His", "Her", "Their", "Our", "My", "Since", "After", "Before", "When", "While",
	"As", "If", "For", "With", "From", "To", "By", "Some", "Many", "Most", "All", "Both",
	"Other", "Another", "Such", "One", "No", "Not", "Yet", "Also", "Meanwhile", "According",
	"What", "Why", "How", "Who", "Where", "Le", "La", "Les", "L", "Il", "Elle", "Ils",
	"Elles", "Un", "Une", "Des", "Du", "De", "D", "Ce", "Cet", "Cette", "Ces", "Mais", "Et",
	"En", "Dans", "Au", "Aux", "Selon", "Pour", "Par", "Nous", "Vous", "Je", "Lors",
	"Depuis", "Après", "Avant", "Quand", "Alors", "Ainsi", "Cependant", "Pourtant", "Son",
	"Sa", "Ses", "Leur", "Leurs", "Qu", "Si", "Puis", "Enfin",
};

static bool segment_in(const char *const *list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return true;
	return false;
}

#define SEGMENT_IN(list, s, len) segment_in(list, sizeof list / sizeof *list, s, len)

/* Start of the code point before s[i] (i > 0). */
static size_t segment_back(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

static bool segment_is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	       cp == '\v' || cp == 0x200B || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Han, kana, Hangul, CJK punctuation and full-width forms: scripts written
 * without spaces between sentences. */
static bool segment_is_cjk(int32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

static bool segment_is_upper(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool segment_is_lower(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static bool segment_is_letter(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool segment_is_digit(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* Full stops that end a sentence wherever they stand. */
static bool segment_is_cjk_stop(int32_t cp)
{
	return cp == 0x3002 /* 。 */ || cp == 0xFF01 /* ！ */ || cp == 0xFF1F /* ？ */ ||
	       cp == 0xFF1B /* ； */ || cp == 0xFF61 /* ｡ */ || cp == 0xFE12 /* ︒ */ ||
	       cp == 0xFE56 /* ﹖ */ || cp == 0xFE57 /* ﹗ */;
}

static bool segment_is_bang(int32_t cp)
{
	return cp == '!' || cp == '?' || cp == 0x203C || cp == 0x2047 || cp == 0x2048 ||
	       cp == 0x2049;
}

static bool segment_is_dot(int32_t cp)
{
	return cp == '.' || cp == 0x2026 /* … */;
}

/* Closing quotes and brackets that stay with the sentence they close. The
 * straight quotes open as often as they close, so they join only when they
 * touch the stop; the French » may stand after a (no-break) space. */
enum segment_closer { SEGMENT_NOT_CLOSER = 0, SEGMENT_CLOSER, SEGMENT_CLOSER_TOUCHING,
		      SEGMENT_CLOSER_SPACED };

static enum segment_closer segment_closer_kind(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case 0xFF02: case 0xFF07:
		return SEGMENT_CLOSER_TOUCHING;
	case 0x00BB: case 0x203A:       /* » › */
		return SEGMENT_CLOSER_SPACED;
	case ')': case ']': case '}': case 0x2019: case 0x201D: case 0x300D: case 0x300F:
	case 0xFF09: case 0xFF3D: case 0xFF5D: case 0x3011: case 0x300B: case 0x3009:
	case 0x3015: case 0x3017: case 0xFE42: case 0xFE44:
		return SEGMENT_CLOSER;
	default:
		return SEGMENT_NOT_CLOSER;
	}
}

/* The double quotation marks open around the scanner: how deep, and for
 * each depth whether the quotation was introduced (opened after a colon or a
 * comma: 他道：“……”, He said, “...”), so that the speech is reported before it
 * and nothing after its end belongs to it. Single quotes are left out: the
 * apostrophe looks the same. */
struct segment_quotes {
	unsigned depth;
	uint32_t intro;                 /* bit d: the quotation at depth d + 1 was introduced */
	int32_t last;                   /* the last code point that is not a space */
};

static bool segment_is_open_quote(int32_t cp)
{
	return cp == 0x201C || cp == 0x300C || cp == 0x300E || cp == 0xFE41 || cp == 0xFE43;
}

static bool segment_is_close_quote(int32_t cp)
{
	return cp == 0x201D || cp == 0x300D || cp == 0x300F || cp == 0xFE42 || cp == 0xFE44;
}

static void segment_quotes_read(struct segment_quotes *q, const char *s, size_t from, size_t to)
{
	size_t len;
	for (size_t p = from; p < to; p += len) {
		int32_t cp = utf8_decode(s, to, p, &len);
		if (segment_is_space(cp))
			continue;
		if (segment_is_open_quote(cp)) {
			bool intro = q->last == ':' || q->last == ',' || q->last == 0xFF1A ||
				     q->last == 0xFF0C || q->last == 0x3001;
			if (q->depth < 32) {
				q->intro = intro ? q->intro | (1u << q->depth) : q->intro & ~(1u << q->depth);
				q->depth++;
			}
		} else if (segment_is_close_quote(cp) && q->depth > 0) {
			q->depth--;
		}
		q->last = cp;
	}
}

/* Whether the innermost open quotation was introduced. */
static bool segment_quotes_intro(const struct segment_quotes *q)
{
	return q->depth > 0 && (q->intro >> (q->depth - 1) & 1);
}

static bool segment_is_dash(int32_t cp)
{
	return cp == 0x2014 || cp == 0x2013;
}

/* Quotation marks of every kind, opening or closing. */
static bool segment_is_quote(int32_t cp)
{
	return cp == '"' || cp == '\'' || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x00AB ||
	       cp == 0x00BB || cp == 0x2039 || cp == 0x203A || (cp >= 0x300C && cp <= 0x300F) ||
	       cp == 0xFF02 || cp == 0xFF07;
}

/* The end of a spaced ellipsis ". . ." (three dots or more, one space
 * between them) starting at s[i], or i. */
static size_t segment_spaced_dots(const char *s, size_t n, size_t i)
{
	size_t j = i + 1, dots = 1;
	while (j + 1 < n && s[j] == ' ' && s[j + 1] == '.') {
		j += 2;
		dots++;
	}
	return dots >= 3 ? j : i;
}

/* The code point at s[i] past opening quotes and brackets (0 at the end). */
static int32_t segment_after_openers(const char *s, size_t n, size_t i)
{
	size_t len;
	while (i < n) {
		int32_t cp = utf8_decode(s, n, i, &len);
		if (!segment_is_quote(cp) && cp != '(' && cp != '[' && cp != 0xFF08 &&
		    cp != 0x3010 && cp != 0x300A)
			return cp;
		i += len;
	}
	return 0;
}

/* The word before the period at s[dot]: letters, digits, dots, hyphens. */
static void segment_word_before(const char *s, size_t dot, size_t *ws)
{
	size_t j = dot;
	while (j > 0) {
		size_t p = segment_back(s, j), len;
		int32_t cp = utf8_decode(s, dot, p, &len);
		if (!(segment_is_letter(cp) || segment_is_digit(cp) || cp == '.' || cp == '-') ||
		    segment_is_cjk(cp))
			break;
		j = p;
	}
	*ws = j;
}

/* Whether the word starting at s[i] opens a sentence for sure enough to end one
 * at an abbreviation that may also stand inside a sentence. */
static bool segment_next_is_starter(const char *s, size_t n, size_t i)
{
	size_t j = i, len;
	while (j < n) {
		int32_t cp = utf8_decode(s, n, j, &len);
		if (!segment_is_letter(cp) || segment_is_cjk(cp))
			break;
		j += len;
	}
	if (j == i)
		return false;
	return SEGMENT_IN(segment_starters, s + i, j - i);
}

static enum segment_abbr segment_abbr_kind(const char *w, size_t len)
{
	if (SEGMENT_IN(segment_never, w, len))
		return SEGMENT_NEVER;
	if (SEGMENT_IN(segment_before_number, w, len))
		return SEGMENT_BEFORE_NUMBER;
	if (SEGMENT_IN(segment_may_end, w, len))
		return SEGMENT_MAY_END;
	size_t cl;
	int32_t first = utf8_decode(w, len, 0, &cl);
	if (cl == len && segment_is_upper(first))
		return SEGMENT_MAY_END;         /* an initial: J. R. R. Tolkien, M. Dupont */
	if (memchr(w, '.', len))
		return SEGMENT_MAY_END;         /* a dotted acronym: N.Y., S.A. */
	return SEGMENT_WORD;
}

/* Does the period run s[i..j) end a sentence, given what follows at s[k]
 * (after the closers) and at s[next] (after the spaces)? */
static bool segment_period_ends(const char *s, size_t n, size_t i, size_t j, size_t k,
				size_t next, const struct segment_quotes *q)
{
	size_t len;
	int32_t prev = 0, after = 0, nextcp = 0;
	if (i > 0)
		prev = utf8_decode(s, n, segment_back(s, i), &len);
	if (k < n)
		after = utf8_decode(s, n, k, &len);
	if (next < n)
		nextcp = utf8_decode(s, n, next, &len);
	if (next >= n)
		return true;                    /* the end of the text */
	bool ellipsis = j - i >= 3 || memchr(s + i, 0xE2, j - i) != NULL;
	if (k < n && !segment_is_space(after)) {
		/* No space after the period: a number (3.5), a domain, U.S. inside. */
		/* 传说……”“大部分是真的: speech trailing off ends with its
		 * quotation before the next one, or before the narrative when it
		 * was introduced (as after ！ and ？). */
		if (ellipsis && k > j && segment_is_cjk(prev) && segment_is_quote(after))
			return true;
		if (ellipsis && k > j && segment_is_cjk(prev) && segment_is_cjk(after))
			return segment_quotes_intro(q);
		/* A Chinese sentence ended with an ASCII period; an ellipsis ends
		 * the narrative's (没好运……轿夫们), not the speech that trails
		 * off inside its quotation (“我……我不知道。”). */
		if (segment_is_cjk(prev) && segment_is_cjk(after))
			return !ellipsis || (k == j && q->depth == 0);
		if (ellipsis || j - i != 1 || !segment_is_upper(after))
			return false;
		/* "end.Next": a lower-case word of two letters or more, then a capital. */
		size_t al;
		utf8_decode(s, n, k, &al);
		if (k + al >= n || !segment_is_lower(utf8_decode(s, n, k + al, &len)))
			return false;
		size_t ws;
		segment_word_before(s, i, &ws);
		if (i - ws < 2)
			return false;
		for (size_t p = ws; p < i; p += len)
			if (!segment_is_lower(utf8_decode(s, i, p, &len)))
				return false;
		return true;
	}
	/* Speech that trails off and takes up again inside its quotation:
	 * “我叫…… 叫小玄子。” The quotation's end will end it. */
	if (ellipsis && k == j && q->depth > 0)
		return false;
	if (segment_is_cjk(nextcp))
		return true;
	/* What follows, past opening quotes and brackets: "...' 'Yes", ". . . (Then" */
	int32_t word = segment_after_openers(s, n, next);
	if (ellipsis)
		return segment_is_upper(word);
	size_t ws;
	segment_word_before(s, i, &ws);
	if (ws == i)
		return true;
	int32_t last = utf8_decode(s, n, segment_back(s, i), &len);
	if (segment_is_digit(last))
		return true;                    /* "in 2013. The" */
	switch (segment_abbr_kind(s + ws, i - ws)) {
	case SEGMENT_NEVER:
		return false;
	case SEGMENT_BEFORE_NUMBER:
		return !segment_is_digit(nextcp);
	case SEGMENT_MAY_END:
		if (i - ws == 3 && memcmp(s + ws, "etc", 3) == 0)
			return segment_is_upper(word);
		/* A quotation closed after it: "at one A.M." "Wow". */
		if (k > j && segment_is_quote(utf8_decode(s, n, j, &len)))
			return segment_is_upper(word) || segment_is_quote(nextcp);
		return segment_next_is_starter(s, n, next);
	case SEGMENT_WORD:
	default:
		return true;
	}
}

static bool segment_is_han(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Is the run of stops s[i..j) an exclamation or a question (no full stop in
 * it) closed by a quotation mark before s[k], and does the text go on at
 * s[next] in lower case, or, in Chinese, straight on with a Han character? */
static bool segment_quote_goes_on(const char *s, size_t n, size_t i, size_t j, size_t k,
				  size_t next, bool bang, const struct segment_quotes *q)
{
	size_t len;
	for (size_t p = i; p < j; p += len) {
		int32_t cp = utf8_decode(s, n, p, &len);
		/* "Why did you...?" she asked: an ellipsis before the mark. */
		if (cp != '!' && cp != '?' && cp != 0xFF01 && cp != 0xFF1F &&
		    !(bang && (cp == 0x2026 || cp == '.' || cp == ' ')))
			return false;
	}
	bool quoted = false;
	for (size_t p = j; p < k; p += len) {
		int32_t cp = utf8_decode(s, n, p, &len);
		quoted |= cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D || cp == 0x00BB ||
			  cp == 0x300D || cp == 0x300F || cp == 0xFF02 || cp == 0x203A;
	}
	if (!quoted || next >= n)
		return false;
	int32_t cp = utf8_decode(s, n, next, &len);
	/* “救命！”他喊道: the words after the quotation report it, unless
	 * they did so before it (他道：“好，你上来！”韦小宝扑将过去). */
	if (segment_is_han(cp))
		return next == k && !segment_quotes_intro(q);
	return segment_is_lower(cp);
}

/* If the character at s[i] ends a sentence, the byte offset just after the
 * sentence (its stops and closers); else 0. */
static size_t segment_stop(const char *s, size_t n, size_t i, bool cjk_text,
			   const struct segment_quotes *q)
{
	size_t len, j = i;
	bool strong = false, bang = false, semi = false, dash = false;
	/* The run of stops: "?!", "...", ". . .", "。」" is handled by the
	 * closers below. */
	while (j < n) {
		int32_t cp = utf8_decode(s, n, j, &len);
		if (segment_is_cjk_stop(cp))
			strong = true;
		else if (segment_is_bang(cp))
			bang = true;
		else if (cp == ';' && j == i)
			semi = true;
		else if (cp == '.' && segment_spaced_dots(s, n, j) > j)
			len = segment_spaced_dots(s, n, j) - j;
		else if (segment_is_dash(cp) && (j == i || dash))
			dash = true;
		else if (!segment_is_dot(cp))
			break;
		j += len;
	}
	if (j == i)
		return 0;
	/* Speech broken off: "though—' 'Is it?", 咚——”“猛捅. A dash ends a
	 * sentence only so, before its closing quote. */
	if (dash) {
		if (j >= n || !segment_is_quote(utf8_decode(s, n, j, &len)))
			return 0;
		size_t k = j + len, next = k;
		while (next < n && segment_is_space(utf8_decode(s, n, next, &len)))
			next += len;
		if (next >= n)
			return k;
		int32_t cp = utf8_decode(s, n, next, &len);
		return segment_is_quote(cp) || segment_is_upper(cp) ? k : 0;
	}
	/* Closers, each possibly after a space when it is the French kind. */
	size_t k = j;
	for (;;) {
		size_t p = k;
		bool spaced = false;
		while (p < n) {
			int32_t cp = utf8_decode(s, n, p, &len);
			if (!segment_is_space(cp) || cp == '\n')
				break;
			spaced = true;
			p += len;
		}
		if (p >= n)
			break;
		int32_t cp = utf8_decode(s, n, p, &len);
		enum segment_closer kind = segment_closer_kind(cp);
		if (kind == SEGMENT_NOT_CLOSER || (spaced && kind != SEGMENT_CLOSER_SPACED))
			break;
		k = p + len;
	}
	size_t next = k;
	while (next < n) {
		int32_t cp = utf8_decode(s, n, next, &len);
		if (!segment_is_space(cp))
			break;
		next += len;
	}
	/* A quotation that ends in ! or ? and goes on: "'Help!' he cried.",
	 * « Au secours ! » cria-t-il., “救命！”他喊道。 The exclamation belongs to
	 * the sentence that reports it. A full stop inside the quotation ends the
	 * sentence as written. */
	if ((bang || strong) && segment_quote_goes_on(s, n, i, j, k, next, bang, q))
		return 0;
	if (strong)
		return k;
	int32_t prev = 0, after = 0;
	if (i > 0)
		prev = utf8_decode(s, n, segment_back(s, i), &len);
	if (k < n)
		after = utf8_decode(s, n, k, &len);
	bool spaced_or_end = k >= n || segment_is_space(after);
	if (semi)
		/* ";" ends a sentence only in Chinese: 。！？； and their ASCII stand-ins. */
		return segment_is_cjk(prev) && (cjk_text || segment_is_cjk(after) || spaced_or_end)
		       ? k : 0;
	if (bang) {
		if (segment_is_cjk(prev) || segment_is_cjk(after) || cjk_text)
			return k;
		/* "it gave a loud dong! like a bell", « Quoi ! tu pars ? »: a
		 * sentence goes on in lower case. */
		if (next < n && segment_is_lower(utf8_decode(s, n, next, &len)))
			return 0;
		return spaced_or_end ? k : 0;
	}
	return segment_period_ends(s, n, i, j, k, next, q) ? k : 0;
}

static bool segment_lang_is_cjk(const char *lang)
{
	return lang && (strncmp(lang, "zh", 2) == 0 || strncmp(lang, "ja", 2) == 0 ||
			strncmp(lang, "ko", 2) == 0);
}

/* Appends s[start..end) trimmed of spaces, unless nothing is left. */
static void segment_emit(const char *s, size_t start, size_t end, struct sentence **v,
			 size_t *nv, size_t *cap)
{
	size_t len;
	while (start < end) {
		int32_t cp = utf8_decode(s, end, start, &len);
		if (!segment_is_space(cp))
			break;
		start += len;
	}
	while (end > start) {
		size_t p = segment_back(s, end);
		if (p < start)
			p = start;
		int32_t cp = utf8_decode(s, end, p, &len);
		if (!segment_is_space(cp))
			break;
		end = p;
	}
	if (end <= start)
		return;
	xgrow((void **)v, cap, *nv + 1, sizeof **v);
	(*v)[*nv].start = start;
	(*v)[*nv].end = end;
	(*nv)++;
}

size_t segment_sentences(const char *text, size_t n, const char *lang, struct sentence **out)
{
	struct sentence *v = NULL;
	size_t nv = 0, cap = 0, start = 0, i = 0, len;
	bool cjk_text = segment_lang_is_cjk(lang);
	if (!lang) {
		/* Guess: Chinese when CJK characters outnumber Latin letters. */
		long cjk = 0, latin = 0;
		for (size_t p = 0; p < n; p += len) {
			int32_t cp = utf8_decode(text, n, p, &len);
			if (segment_is_cjk(cp))
				cjk++;
			else if (segment_is_letter(cp))
				latin++;
		}
		cjk_text = cjk > latin;
	}
	struct segment_quotes q = { 0, 0, 0 };
	while (i < n) {
		size_t end = segment_stop(text, n, i, cjk_text, &q);
		if (end > i) {
			segment_emit(text, start, end, &v, &nv, &cap);
			segment_quotes_read(&q, text, i, end);
			start = i = end;
			continue;
		}
		/* Skip the whole run of stops that did not end a sentence ("U.S.",
		 * "...", ". . ."). */
		size_t from = i;
		int32_t cp = utf8_decode(text, n, i, &len);
		i = cp == '.' ? segment_spaced_dots(text, n, i) : i;
		i += i == from ? len : 0;
		while ((segment_is_dot(cp) || segment_is_bang(cp)) && i < n) {
			cp = utf8_decode(text, n, i, &len);
			if (cp == '.' && segment_spaced_dots(text, n, i) > i)
				len = segment_spaced_dots(text, n, i) - i;
			else if (!segment_is_dot(cp) && !segment_is_bang(cp))
				break;
			i += len;
		}
		segment_quotes_read(&q, text, from, i);
	}
	segment_emit(text, start, n, &v, &nv, &cap);
	*out = v;
	return nv;
}
