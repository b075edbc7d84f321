/* ingest_article.c: from a draft to an article, the work every reader shares.
 * In order: page furniture lines go (the boilerplate list and the general
 * rules in clean.c); "Source:" lines and datelines near the top become
 * metadata; the title is found and its repetitions dropped; account lines that
 * repeat the source and the trailing run of short lines (share buttons) go;
 * lines join into paragraphs; each paragraph gets its language; the date is
 * the stated one, else a dateline, else the first sentence's, else the latest
 * the text reports (inferred). */
#include <config.h>
#include "ingest_readers.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "xalloc.h"

/* A line this short, without a full stop, is a label or a button, not prose. */
#define SHORT_LINE 30
/* The trailing run of buttons (share, like, comment ...) must be this long,
 * each at most BUTTON code points. */
#define TRAILING_RUN 3
#define BUTTON 10
/* How far the header (title, dateline, byline) may reach, in lines. */
#define HEADER_LINES 12
/* A title longer than this is a sentence; cut titles end with "…" here. */
#define TITLE_MAX 150
#define TITLE_CUT 80
/* Lines as wide as this were not wrapped by hand: each is a paragraph. */
#define WRAP_WIDTH 100

static size_t ingest_cols(const char *s, size_t len)
{
	/* Display width, roughly: East Asian characters (3- and 4-byte UTF-8 from
	 * U+1100) take two columns. Enough to tell hand-wrapped text. */
	size_t cols = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xc0) == 0x80)
			continue;
		cols += (c >= 0xe1) ? 2 : 1;
	}
	return cols;
}

/* A line of prose: long enough, or a sentence of some length. */
static bool ingest_is_body(const struct draft *d, const struct iline *l)
{
	if (l->kind != PARA_TEXT)
		return false;
	size_t cp = clean_codepoints(iline_text(d, l), l->len);
	return cp >= 200 || (cp >= 40 && clean_ends_sentence(iline_text(d, l), l->len));
}

static bool ingest_is_short(const struct draft *d, const struct iline *l)
{
	return l->kind != PARA_IMAGE && clean_codepoints(iline_text(d, l), l->len) <= SHORT_LINE &&
	       !clean_ends_sentence(iline_text(d, l), l->len);
}

/* A button's worth of text: a word or two, no sentence, not a list item. */
static bool ingest_is_button(const struct draft *d, const struct iline *l)
{
	return l->kind == PARA_TEXT && !l->list_item && clean_codepoints(iline_text(d, l), l->len) <= BUTTON &&
	       !clean_ends_sentence(iline_text(d, l), l->len);
}

/* Index of the next kept line at or after i (d->nlines when none). */
static size_t ingest_next(const struct draft *d, size_t i)
{
	while (i < d->nlines && d->lines[i].dropped)
		i++;
	return i;
}

/* The longest run of bytes the two keys share (short strings only). */
static size_t ingest_common(const char *a, const char *b)
{
	size_t best = 0, la = strlen(a), lb = strlen(b);
	for (size_t i = 0; i < la; i++)
		for (size_t j = 0; j < lb; j++) {
			size_t k = 0;
			while (i + k < la && j + k < lb && a[i + k] == b[j + k])
				k++;
			if (k > best)
				best = k;
		}
	return best;
}

static void ingest_set_string(char **slot, const char *s, size_t len)
{
	while (len && *s == ' ')
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	if (!*slot && len)
		*slot = xstrndup(s, len);
}

/* "Source: Xinhua| 2019-10-24 19:38:01|Editor: Yurou": the source, and a date
 * if one of the fields is one. */
static bool ingest_source_line(struct ingest *in, struct draft *d, struct iline *l,
			       struct adate *dateline)
{
	size_t off = clean_source_label(in->rules, iline_text(d, l), l->len);
	if (!off || l->len - off > 200)
		return false;
	const char *s = iline_text(d, l) + off, *end = iline_text(d, l) + l->len;
	const char *bar = memchr(s, '|', (size_t)(end - s));
	ingest_set_string(&d->source, s, (size_t)((bar ? bar : end) - s));
	while (bar) {
		const char *f = bar + 1;
		bar = memchr(f, '|', (size_t)(end - f));
		struct adate dt;
		if (dateline->prec == DATE_NONE &&
		    ingest_date_parse(f, (size_t)((bar ? bar : end) - f), &dt))
			*dateline = dt;
	}
	l->dropped = true;
	return true;
}

/* Drops the repeated short lines: a line of a page's furniture ("取消", an
 * account's name) comes back, a sentence does not. The keys met are kept in
 * an open-addressed table of their hashes, one slot per distinct key with the
 * line that first had it (keys are compared on a hash's match, the last
 * compared kept at hand): a file of a million equal short lines needs one
 * slot, and no line costs a key of its own. */
struct ingest_key_slot {
	uint32_t hash;
	uint32_t line;                  /* INGEST_NO_LINE when free; files are at most 64 MiB */
};
#define INGEST_NO_LINE UINT32_MAX

static uint32_t ingest_key_hash(const char *key)
{
	uint32_t h = 2166136261u;       /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static struct ingest_key_slot *ingest_key_slots(size_t cap)
{
	struct ingest_key_slot *t = xmalloc(cap * sizeof *t);
	for (size_t i = 0; i < cap; i++)
		t[i] = (struct ingest_key_slot){ 0, INGEST_NO_LINE };
	return t;
}

/* Doubles the table; slots move by their hash, so no key is made again. */
static void ingest_key_grow(struct ingest_key_slot **t, size_t *cap)
{
	size_t ncap = *cap * 2;
	struct ingest_key_slot *n = ingest_key_slots(ncap);
	for (size_t i = 0; i < *cap; i++) {
		if ((*t)[i].line == INGEST_NO_LINE)
			continue;
		size_t k = (*t)[i].hash & (ncap - 1);
		while (n[k].line != INGEST_NO_LINE)
			k = (k + 1) & (ncap - 1);
		n[k] = (*t)[i];
	}
	free(*t);
	*t = n;
	*cap = ncap;
}

static void ingest_drop_repeats(struct draft *d, const char *title_key)
{
	size_t cap = 64, used = 0;
	struct ingest_key_slot *t = ingest_key_slots(cap);
	char *held = NULL;              /* the key of line held_line, last compared */
	uint32_t held_line = INGEST_NO_LINE;
	for (size_t i = 0; i < d->nlines; i++) {
		struct iline *l = &d->lines[i];
		/* Lines dropped already still count as an occurrence. */
		if (!ingest_is_short(d, l))
			continue;
		char *key = clean_key(iline_text(d, l), l->len);
		if (!key[0] || (title_key && strcmp(key, title_key) == 0)) {
			free(key);
			continue;
		}
		uint32_t h = ingest_key_hash(key);
		size_t k = h & (cap - 1);
		bool seen = false;
		for (; t[k].line != INGEST_NO_LINE; k = (k + 1) & (cap - 1)) {
			if (t[k].hash != h)
				continue;
			if (t[k].line != held_line) {
				const struct iline *f = &d->lines[t[k].line];
				free(held);
				held = clean_key(iline_text(d, f), f->len);
				held_line = t[k].line;
			}
			if (strcmp(held, key) == 0) {
				seen = true;
				break;
			}
		}
		free(key);
		if (seen) {
			/* The key comes back: this line goes, and the first that had it. */
			l->dropped = true;
			d->lines[t[k].line].dropped = true;
			continue;
		}
		t[k] = (struct ingest_key_slot){ h, (uint32_t)i };
		if (++used * 4 > cap * 3)
			ingest_key_grow(&t, &cap);
	}
	free(held);
	free(t);
}

/* Title: stated, else the first heading or a first short line standing alone. */
static char *ingest_find_title(struct draft *d, size_t header_end)
{
	if (d->title)
		return xstrdup(d->title);
	size_t i = ingest_next(d, 0);
	if (i >= d->nlines || i >= header_end + 1)
		return NULL;
	struct iline *l = &d->lines[i];
	size_t j = ingest_next(d, i + 1);
	bool alone = j >= d->nlines || d->lines[j].para_start;
	if (l->kind == PARA_HEADING ||
	    (l->kind == PARA_TEXT && alone && clean_codepoints(iline_text(d, l), l->len) <= TITLE_MAX &&
	     !clean_ends_sentence(iline_text(d, l), l->len))) {
		l->dropped = true;
		return xstrndup(iline_text(d, l), l->len);
	}
	return NULL;
}

/* The first sentence of text, cut short. */
static char *ingest_title_from_text(const char *s, size_t len)
{
	size_t end = 0, cps = 0;
	while (end < len && cps < TITLE_CUT) {
		unsigned char c = (unsigned char)s[end];
		size_t k = 1;
		while (end + k < len && ((unsigned char)s[end + k] & 0xc0) == 0x80)
			k++;
		end += k;
		cps++;
		if ((c == '.' || c == '!' || c == '?') && (end == len || s[end] == ' '))
			return xstrndup(s, end - 1);
		if (k == 3 && (memcmp(s + end - 3, "。", 3) == 0 || memcmp(s + end - 3, "！", 3) == 0 ||
			       memcmp(s + end - 3, "？", 3) == 0))
			return xstrndup(s, end - 3);
	}
	if (end >= len)
		return xstrndup(s, len);
	/* Cut at the last space if there is one not too far back. */
	size_t cut = end;
	while (cut > end / 2 && s[cut - 1] != ' ')
		cut--;
	if (cut <= end / 2)
		cut = end;
	while (cut && strchr(" ,;:", s[cut - 1]))
		cut--;
	return xasprintf("%.*s…", (int)cut, s);
}

/* True when a CJK character ends a or starts b: lines join without a space. */
static bool ingest_cjk_join(const char *a, size_t alen, const char *b)
{
	/* Lead bytes from 0xE3 start U+3000 and above: CJK punctuation, kana,
	 * ideographs, Hangul, full-width forms. */
	size_t j = alen;
	while (j > 0 && ((unsigned char)a[j - 1] & 0xc0) == 0x80)
		j--;
	bool wide_end = j > 0 && (unsigned char)a[j - 1] >= 0xe3;
	bool wide_start = (unsigned char)b[0] >= 0xe3;
	return wide_end || wide_start;
}

static void ingest_add_para(struct ingest *in, struct article *a, const struct draft *d,
			    struct buf *text, enum para_kind kind)
{
	if (!text->len)
		return;
	struct paragraph *p;
	if (d->markdown) {
		struct span *emph;
		size_t nemph;
		char *plain = clean_markdown_inline(text->data, text->len, &emph, &nemph);
		if (plain[0] && !clean_is_punctuation(plain, strlen(plain))) {
			p = article_add_para(a, plain, strlen(plain), "und", kind);
			p->emph = emph;
			p->nemph = nemph;
		} else {
			free(emph);
		}
		free(plain);
	} else {
		article_add_para(a, text->data, text->len, "und", kind);
	}
	text->len = 0;
	text->data[0] = '\0';
	(void)in;
}

/* Joins the kept lines into paragraphs. Blank lines separate paragraphs. Inside
 * a block, a hand-wrapped text (every line narrower than WRAP_WIDTH columns)
 * has its lines joined, except after a line that ends a sentence well short of
 * the block's width (a paragraph's last line); a block with a wider line was
 * not wrapped by hand, so each of its lines is a paragraph (the way scraped
 * pages put one paragraph on each line). */
/* Where paragraphs break, line by line: walked twice, once to count the
 * paragraphs (so that their array is made once, at its size) and once to
 * make them. */
struct ingest_walk {
	size_t i;                       /* the next line to look at */
	const struct iline *prev;       /* the last kept line */
	bool dropped_start;             /* a dropped line began a paragraph */
	size_t block_width;
	enum para_kind kind;            /* the kind of the paragraph being made */
};

/* The next kept line (NULL at the end), and whether a paragraph ends before it. */
static const struct iline *ingest_walk_next(const struct draft *d, struct ingest_walk *w,
					    bool *brk)
{
	for (; w->i < d->nlines; w->i++) {
		const struct iline *l = &d->lines[w->i];
		if (l->dropped) {
			/* The line that follows it begins one in its place: text
			 * after a dropped "Share" never runs on from the title. */
			w->dropped_start = w->dropped_start || l->para_start;
			continue;
		}
		bool starts = l->para_start || w->dropped_start;
		w->dropped_start = false;
		if (starts || !w->prev) {
			w->block_width = 0;
			for (size_t j = w->i; j < d->nlines && (j == w->i || !d->lines[j].para_start); j++)
				if (!d->lines[j].dropped) {
					size_t cols = ingest_cols(iline_text(d, &d->lines[j]), d->lines[j].len);
					if (cols > w->block_width)
						w->block_width = cols;
				}
		}
		const struct iline *prev = w->prev;
		*brk = !prev || starts || l->list_item || l->kind != w->kind ||
		       l->kind == PARA_HEADING || l->kind == PARA_IMAGE;
		if (!*brk && w->kind == PARA_TEXT) {
			if (w->block_width > WRAP_WIDTH)
				*brk = true;
			else if (clean_ends_sentence(iline_text(d, prev), prev->len) &&
				 ingest_cols(iline_text(d, prev), prev->len) * 10 < w->block_width * 7)
				*brk = true;
		}
		w->i++;
		w->prev = l;
		return l;
	}
	return NULL;
}

static void ingest_paragraphs(struct ingest *in, struct draft *d, struct article *a)
{
	/* How many paragraphs at most (a break, an image, the last), and how
	 * much text: a paragraph's text is its lines' and a space or nothing
	 * between them, so the kept lines with a byte each hold it all. */
	struct ingest_walk w = { 0, NULL, false, 0, PARA_TEXT };
	size_t most = 1, bytes = 0;
	const struct iline *l;
	bool brk;
	while ((l = ingest_walk_next(d, &w, &brk)) != NULL) {
		most += brk + (l->kind == PARA_IMAGE);
		bytes += l->len + 1;
		w.kind = l->kind;
	}
	if (a->npara == 0 && a->para_cap < most) {
		a->paras = xrealloc(a->paras, most * sizeof *a->paras);
		a->para_cap = most;
	}
	article_reserve_text(a, bytes);

	struct buf text;
	buf_init(&text);
	buf_add(&text, "", 0);
	w = (struct ingest_walk){ 0, NULL, false, 0, PARA_TEXT };
	while ((l = ingest_walk_next(d, &w, &brk)) != NULL) {
		if (brk)
			ingest_add_para(in, a, d, &text, w.kind);
		if (l->kind == PARA_IMAGE) {
			/* An image is stored as its alt text (maybe empty), nothing
			 * else: the "[image]" label is the interface's to draw, in
			 * the interface's language, so that show --json and search
			 * do not depend on the language annals happened to run in. */
			article_add_para(a, iline_text(d, l), l->len, "und", PARA_IMAGE);
		} else {
			if (text.len && !ingest_cjk_join(text.data, text.len, iline_text(d, l)))
				buf_addc(&text, ' ');
			buf_add(&text, iline_text(d, l), l->len);
		}
		w.kind = l->kind;
	}
	ingest_add_para(in, a, d, &text, w.kind);
	buf_free(&text);
	/* The article keeps its paragraphs for as long as it lives: no room
	 * beyond them. */
	if (a->npara && a->para_cap > a->npara) {
		a->paras = xrealloc(a->paras, a->npara * sizeof *a->paras);
		a->para_cap = a->npara;
	}
}

/* The last paragraph seen in each script, for ingest_langs: scripts are few
 * (lang.c's list), so a short array searched in order is enough. */
#define INGEST_SCRIPTS 32
#define INGEST_NONE ((size_t)-1)
struct ingest_last {
	const char *script;
	size_t para;
};

static size_t ingest_last_get(const struct ingest_last *l, size_t n, const char *script)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(l[k].script, script) == 0)
			return l[k].para;
	return INGEST_NONE;
}

static void ingest_last_set(struct ingest_last *l, size_t *n, const char *script, size_t para)
{
	if (!script[0])
		return;
	for (size_t k = 0; k < *n; k++)
		if (strcmp(l[k].script, script) == 0) {
			l[k].para = para;
			return;
		}
	if (*n < INGEST_SCRIPTS)
		l[(*n)++] = (struct ingest_last){ script, para };
}

/* Languages: each paragraph by itself; what cannot be told (a name, a number)
 * takes the language of its neighbours in the same script, else the declared
 * one. "zh" (characters both forms share) takes the article's other Han text. */
static void ingest_langs(struct ingest *in, struct article *a, const char *declared)
{
	char decl[LANG_TAG_MAX];
	lang_normalise(declared, decl);
	for (size_t i = 0; i < a->npara; i++) {
		struct paragraph *p = &a->paras[i];
		if (p->kind == PARA_IMAGE)
			continue;
		lang_detect(in->lang, p->text, strlen(p->text), p->lang);
	}
	/* The article's Han form: from its decided Han paragraphs, else declared. */
	size_t hans = 0, hant = 0;
	for (size_t i = 0; i < a->npara; i++) {
		hans += strcmp(a->paras[i].lang, "zh-Hans") == 0;
		hant += strcmp(a->paras[i].lang, "zh-Hant") == 0;
	}
	const char *han = hant > hans ? "zh-Hant" : hans > hant ? "zh-Hans"
			: strcmp(decl, "zh-Hant") == 0 ? "zh-Hant" : "zh-Hans";
	for (size_t i = 0; i < a->npara; i++)
		if (strcmp(a->paras[i].lang, "zh") == 0)
			snprintf(a->paras[i].lang, LANG_TAG_MAX, "%s", han);
	/* The nearest neighbour in the same script, the one before preferred at
	 * equal distance (and seen with the language it was just given), found
	 * in two passes over the paragraphs: the nearest one after each, then
	 * the nearest one before as the paragraphs are decided. Looking outwards
	 * from each undecided paragraph took time in the square of their number. */
	size_t *after = xcalloc(a->npara + 1, sizeof *after);
	const char **script = xcalloc(a->npara + 1, sizeof *script);
	struct ingest_last last[INGEST_SCRIPTS];
	size_t nlast = 0;
	for (size_t i = a->npara; i-- > 0;) {
		struct paragraph *p = &a->paras[i];
		bool undecided = p->kind != PARA_IMAGE && strcmp(p->lang, "und") == 0;
		script[i] = undecided ? lang_script_of_text(p->text, strlen(p->text)) : "";
		after[i] = script[i][0] ? ingest_last_get(last, nlast, script[i]) : INGEST_NONE;
		ingest_last_set(last, &nlast, lang_script_of_tag(p->lang), i);
	}
	nlast = 0;
	for (size_t i = 0; i < a->npara; i++) {
		struct paragraph *p = &a->paras[i];
		if (p->kind == PARA_IMAGE || strcmp(p->lang, "und") != 0) {
			ingest_last_set(last, &nlast, lang_script_of_tag(p->lang), i);
			continue;
		}
		const char *found = NULL;
		if (script[i][0]) {
			size_t before = ingest_last_get(last, nlast, script[i]);
			if (before != INGEST_NONE &&
			    (after[i] == INGEST_NONE || i - before <= after[i] - i))
				found = a->paras[before].lang;
			else if (after[i] != INGEST_NONE)
				found = a->paras[after[i]].lang;
		}
		if (!found && strcmp(decl, "und") != 0 && (!script[i][0] ||
		    strcmp(lang_script_of_tag(decl), script[i]) == 0))
			found = strcmp(decl, "zh") == 0 ? han : decl;
		if (found)
			snprintf(p->lang, LANG_TAG_MAX, "%s", found);
		ingest_last_set(last, &nlast, lang_script_of_tag(p->lang), i);
	}
	free(after);
	free(script);
	article_update_langs(a);
	if (strcmp(a->lang, "und") == 0 && strcmp(decl, "und") != 0) {
		snprintf(a->lang, LANG_TAG_MAX, "%s", strcmp(decl, "zh") == 0 ? han : decl);
		free(a->langs);
		a->langs = xcalloc(1, sizeof *a->langs);
		memcpy(a->langs[0], a->lang, LANG_TAG_MAX);
		a->nlangs = 1;
	}
	for (size_t i = 0; i < a->npara; i++)
		if (a->paras[i].kind == PARA_IMAGE)
			memcpy(a->paras[i].lang, a->lang, LANG_TAG_MAX);
}

static void ingest_date(struct article *a, const struct draft *d, const struct adate *dateline,
			struct collection *col)
{
	struct adate dt = { 0 };
	if (d->date && ingest_date_parse(d->date, strlen(d->date), &dt)) {
		a->date = dt;
		return;
	}
	/* A stated date we cannot read is said, not silently replaced. */
	if (d->date && d->line)
		collection_warn(col, _("%s:%zu: date '%s' not understood; taken from the text"),
				d->path, d->line, d->date);
	else if (d->date)
		collection_warn(col, _("%s: date '%s' not understood; taken from the text"), d->path,
				d->date);
	if (dateline->prec != DATE_NONE) {
		a->date = *dateline;
		return;
	}
	/* "On November 3, 2021, ..." in the first sentence of the first paragraph. */
	for (size_t i = 0; i < a->npara; i++) {
		const struct paragraph *p = &a->paras[i];
		if (p->kind != PARA_TEXT)
			continue;
		char *first = ingest_title_from_text(p->text, strlen(p->text));
		bool found = ingest_date_first(first, strlen(first), &dt);
		free(first);
		if (found) {
			a->date = dt;
			return;
		}
		break;
	}
	struct adate latest = { 0 };
	ingest_date_latest(a, &latest);
	if (latest.prec != DATE_NONE)
		latest.inferred = true;
	a->date = latest;
}

bool ingest_article(struct ingest *in, struct draft *d, struct collection *col)
{
	struct adate dateline = { 0 };
	/* 1. Furniture lines, wherever they are. */
	for (size_t i = 0; i < d->nlines; i++) {
		struct iline *l = &d->lines[i];
		if (l->kind != PARA_IMAGE && clean_is_boilerplate(in->rules, iline_text(d, l), l->len))
			l->dropped = true;
	}
	/* 2. The header: the lines before the first line of prose. */
	size_t header_end = 0;
	while (header_end < d->nlines && header_end < HEADER_LINES &&
	       (d->lines[header_end].dropped || !ingest_is_body(d, &d->lines[header_end])))
		header_end++;
	for (size_t i = 0; i < header_end; i++) {
		struct iline *l = &d->lines[i];
		struct adate dt;
		if (l->dropped || l->kind == PARA_IMAGE)
			continue;
		if (ingest_source_line(in, d, l, &dateline))
			continue;
		if (ingest_date_parse(iline_text(d, l), l->len, &dt)) {
			if (dateline.prec == DATE_NONE)
				dateline = dt;
			l->dropped = true;
		}
	}
	/* A "Source:" line among the last few lines is a credit, not text. */
	for (size_t i = d->nlines, seen = 0; i > header_end && seen < 3; i--) {
		struct iline *l = &d->lines[i - 1];
		if (l->dropped)
			continue;
		seen++;
		ingest_source_line(in, d, l, &dateline);
	}
	/* 3. The title, and its repetitions (Markdown files repeat it as a heading). */
	char *title = ingest_find_title(d, header_end);
	char *title_key = title ? clean_key(title, strlen(title)) : NULL;
	for (size_t i = 0; title_key && i < d->nlines; i++) {
		struct iline *l = &d->lines[i];
		size_t j = ingest_next(d, i + 1);
		bool alone = j >= d->nlines || d->lines[j].para_start;
		if (l->dropped || !(l->kind == PARA_HEADING || (l->para_start && alone)) ||
		    l->len > 4 * strlen(title) + 16)
			continue;
		char *key = clean_key(iline_text(d, l), l->len);
		if (strcmp(key, title_key) == 0)
			l->dropped = true;
		free(key);
	}
	/* 4. Account lines near the top that repeat the source's name. */
	char *source_key = d->source ? clean_key(d->source, strlen(d->source)) : NULL;
	for (size_t i = 0; source_key && source_key[0] && strlen(source_key) <= 200 &&
			    i < header_end; i++) {
		struct iline *l = &d->lines[i];
		if (l->dropped || !ingest_is_short(d, l) || l->kind != PARA_TEXT)
			continue;
		char *key = clean_key(iline_text(d, l), l->len);
		size_t common = ingest_common(key, source_key);
		if (common >= 6 || (common >= 3 && common == strlen(key)))
			l->dropped = true;
		free(key);
	}
	free(source_key);
	/* 5. Short lines that come back (buttons, account names), and the trailing
	 * run of short lines that scraped pages end with. */
	ingest_drop_repeats(d, title_key);
	size_t run = 0, first = d->nlines;
	for (size_t i = d->nlines; i > 0; i--) {
		struct iline *l = &d->lines[i - 1];
		if (l->dropped || l->kind == PARA_IMAGE || ingest_is_button(d, l)) {
			/* Furniture already dropped counts: images among it go with it. */
			run += l->kind != PARA_IMAGE;
			first = i - 1;
			continue;
		}
		break;
	}
	if (run >= TRAILING_RUN && ingest_next(d, 0) < first)
		for (size_t i = first; i < d->nlines; i++)
			d->lines[i].dropped = true;
	free(title_key);

	/* 6. Paragraphs, title, languages, date. */
	struct article a;
	memset(&a, 0, sizeof a);
	ingest_paragraphs(in, d, &a);
	draft_drop_lines(d);    /* the paragraphs hold the text now */
	if (a.npara == 0) {
		if (d->line)
			collection_warn(col, _("%s:%zu: no text; skipped"), d->path, d->line);
		else
			collection_warn(col, _("%s: no text; skipped"), d->path);
		free(title);
		article_free(&a);
		return false;
	}
	if (!title) {
		size_t i = 0;
		while (i + 1 < a.npara && a.paras[i].kind == PARA_IMAGE)
			i++;
		title = ingest_title_from_text(a.paras[i].text, strlen(a.paras[i].text));
	}
	if (d->markdown) {
		struct span *emph;
		size_t nemph;
		char *plain = clean_markdown_inline(title, strlen(title), &emph, &nemph);
		free(emph);
		free(title);
		title = plain;
	}
	a.title = title;
	/* The ID comes from the file name, which may hold any byte but "/": it is
	 * shown and typed, so it is made safe (U+FFFD for what is not); the path
	 * stays the real one, to open the file by. */
	a.id = clean_name(d->id, strlen(d->id));
	a.path = xstrdup(d->path);
	a.source = d->source ? xstrdup(d->source) : NULL;
	a.url = d->url ? xstrdup(d->url) : NULL;
	ingest_langs(in, &a, d->lang);
	ingest_date(&a, d, &dateline, col);
	collection_add(col, &a);
	return true;
}
