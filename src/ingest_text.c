/* ingest_text.c: the plain text reader, and the draft it shares with the other
 * readers. A plain text file is a body and nothing else: what it says about
 * itself (title, dateline, "Source:" line) is found by ingest_article.c. */
#include <config.h>
#include "ingest_readers.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void draft_init(struct draft *d, const char *path, const char *id)
{
	memset(d, 0, sizeof *d);
	d->path = path;
	d->id = xstrdup(id);
}

void draft_drop_lines(struct draft *d)
{
	free(d->lines);
	free(d->text);
	d->lines = NULL;
	d->text = NULL;
	d->nlines = d->cap = d->text_used = d->text_cap = 0;
	d->in_place = false;
}

void draft_free(struct draft *d)
{
	free(d->id);
	free(d->title);
	free(d->date);
	free(d->source);
	free(d->url);
	free(d->lang);
	draft_drop_lines(d);
	memset(d, 0, sizeof *d);
}

/* Spaces at either end of a line: ASCII, no-break and ideographic spaces. */
static size_t ingest_text_space_at(const char *s, size_t len)
{
	if (len >= 1 && s[0] == ' ')
		return 1;
	if (len >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2;
	if (len >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

static size_t ingest_text_space_before(const char *s, size_t len)
{
	if (len >= 1 && s[len - 1] == ' ')
		return 1;
	if (len >= 2 && (unsigned char)s[len - 2] == 0xc2 && (unsigned char)s[len - 1] == 0xa0)
		return 2;
	if (len >= 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

/* Where a NUL-terminated copy of s[0..len) goes in the draft's text. A
 * reader reserves what its body can hold (draft_reserve); the buffer grows
 * only for text it did not count. */
static uint32_t draft_store(struct draft *d, const char *s, size_t len)
{
	if (d->text_cap - d->text_used < len + 1) {
		size_t want = d->text_used + len + 1;
		size_t cap = d->text_cap ? d->text_cap : 1024;
		while (cap < want)
			cap *= 2;
		d->text = xrealloc(d->text, cap);
		d->text_cap = cap;
	}
	uint32_t off = (uint32_t)d->text_used;
	memcpy(d->text + off, s, len);
	d->text[off + len] = '\0';
	d->text_used += len + 1;
	return off;
}

void draft_reserve(struct draft *d, size_t n, size_t bytes)
{
	if (d->nlines + n > d->cap) {
		d->lines = xrealloc(d->lines, (d->nlines + n) * sizeof *d->lines);
		d->cap = d->nlines + n;
	}
	if (d->text_used + bytes > d->text_cap) {
		d->text = xrealloc(d->text, d->text_used + bytes);
		d->text_cap = d->text_used + bytes;
	}
}

void draft_add_line(struct draft *d, const char *s, size_t len, enum para_kind kind,
		    bool para_start, bool list_item)
{
	size_t k;
	while ((k = ingest_text_space_at(s, len)) != 0)
		s += k, len -= k;
	while ((k = ingest_text_space_before(s, len)) != 0)
		len -= k;
	if (len == 0 && kind != PARA_IMAGE)
		return;
	if (len > ILINE_MAX_LEN)
		len = ILINE_MAX_LEN;  /* more than a file of 64 MiB makes, even grown by NFC */
	xgrow((void **)&d->lines, &d->cap, d->nlines + 1, sizeof *d->lines);
	uint32_t off;
	if (d->in_place) {
		/* s lies in d->text; what follows the trimmed line is a space, its
		 * newline or the body's NUL, never the next line. */
		off = (uint32_t)(s - d->text);
		d->text[off + len] = '\0';
	} else {
		off = draft_store(d, s, len);
	}
	struct iline *l = &d->lines[d->nlines++];
	l->off = off;
	l->len = (unsigned)len;
	l->kind = (unsigned)kind;
	l->para_start = para_start || d->nlines == 1;
	l->list_item = list_item;
	l->dropped = false;
}

/* True when the line holds nothing but spaces. */
static bool ingest_text_blank(const char *s, size_t len)
{
	size_t k;
	while ((k = ingest_text_space_at(s, len)) != 0)
		s += k, len -= k;
	return len == 0;
}

/* Splits text into lines, in place when d->in_place. */
static void ingest_text_split(struct draft *d, const char *text, size_t len)
{
	/* Lines that are not empty: blank lines between paragraphs take no
	 * room (lines of spaces are counted; they are few). */
	size_t n = len > 0 && text[0] != '\n';
	for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
		n += p + 1 < text + len && p[1] != '\n';
	/* Each line's text and its NUL fit in what it took with its newline. */
	draft_reserve(d, n, d->in_place ? 0 : len + 1);
	bool para_start = true;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		if (ingest_text_blank(text + i, e - i)) {
			para_start = true;
		} else {
			draft_add_line(d, text + i, e - i, PARA_TEXT, para_start, false);
			para_start = false;
		}
		i = e + 1;
	}
}

void ingest_text_lines(struct draft *d, const char *text, size_t len)
{
	ingest_text_split(d, text, len);
}

void ingest_text_lines_adopt(struct draft *d, char *text, size_t len)
{
	draft_drop_lines(d);
	d->text = text;
	d->text_used = d->text_cap = len + 1;
	d->in_place = true;
	ingest_text_split(d, text, len);
}

/* Reads a plain text or Markdown body; frees owned (which text lies in) as
 * soon as the body is cleaned. */
static void ingest_text_body(struct ingest *in, const char *path, const char *id,
			     const char *text, size_t len, char *owned, struct collection *col)
{
	struct draft d;
	draft_init(&d, path, id);
	size_t clen;
	char *clean = clean_text(text, len, &clen);
	free(owned);
	size_t fm = ingest_front_matter(&d, clean, clen);
	if (fm || ingest_markdown_detect(clean + fm, clen - fm)) {
		d.markdown = true;
		ingest_markdown_lines(&d, clean + fm, clen - fm);
		free(clean);
	} else {
		ingest_text_lines_adopt(&d, clean, clen);  /* d owns clean now */
	}
	ingest_article(in, &d, col);
	draft_free(&d);
}

void ingest_read_text(struct ingest *in, const char *path, const char *id, const char *text,
		      size_t len, struct collection *col)
{
	ingest_text_body(in, path, id, text, len, NULL, col);
}

void ingest_read_text_owned(struct ingest *in, const char *path, const char *id, char *buf,
			    size_t start, size_t len, struct collection *col)
{
	ingest_text_body(in, path, id, buf + start, len, buf, col);
}
