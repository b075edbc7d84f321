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

void draft_free(struct draft *d)
{
	free(d->id);
	free(d->title);
	free(d->date);
	free(d->source);
	free(d->url);
	free(d->lang);
	while (d->blocks) {
		struct draft_block *next = d->blocks->next;
		free(d->blocks);
		d->blocks = next;
	}
	free(d->lines);
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

/* Block size for lines' text: large enough that a block's header and the
 * allocator's are nothing beside the text. */
#define DRAFT_BLOCK 65536

/* A NUL-terminated copy of s[0..len) in the draft's blocks. */
static char *draft_store(struct draft *d, const char *s, size_t len)
{
	struct draft_block *b = d->blocks;
	if (!b || b->size - b->used < len + 1) {
		/* Small first, as most files are: each block twice the last. */
		size_t size = b ? (b->size < DRAFT_BLOCK ? b->size * 2 : DRAFT_BLOCK) : 1024;
		if (size < len + 1)
			size = len + 1;
		b = xmalloc(sizeof *b + size);
		b->next = d->blocks;
		b->used = 0;
		b->size = size;
		d->blocks = b;
	}
	char *t = b->text + b->used;
	memcpy(t, s, len);
	t[len] = '\0';
	b->used += len + 1;
	return t;
}

void draft_reserve(struct draft *d, size_t n)
{
	if (d->nlines + n > d->cap) {
		d->lines = xrealloc(d->lines, (d->nlines + n) * sizeof *d->lines);
		d->cap = d->nlines + n;
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
	if (len > UINT32_MAX)
		len = UINT32_MAX;  /* not from a file of 64 MiB */
	xgrow((void **)&d->lines, &d->cap, d->nlines + 1, sizeof *d->lines);
	struct iline *l = &d->lines[d->nlines++];
	l->text = draft_store(d, s, len);
	l->len = (uint32_t)len;
	l->kind = (uint8_t)kind;
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

void ingest_text_lines(struct draft *d, const char *text, size_t len)
{
	size_t n = 1;
	for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
		n++;
	draft_reserve(d, n);
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

void ingest_read_text(struct ingest *in, const char *path, const char *id, const char *text,
		      size_t len, struct collection *col)
{
	struct draft d;
	draft_init(&d, path, id);
	size_t clen;
	char *clean = clean_text(text, len, &clen);
	size_t fm = ingest_front_matter(&d, clean, clen);
	if (fm || ingest_markdown_detect(clean + fm, clen - fm)) {
		d.markdown = true;
		ingest_markdown_lines(&d, clean + fm, clen - fm);
	} else {
		ingest_text_lines(&d, clean, clen);
	}
	free(clean);
	ingest_article(in, &d, col);
	draft_free(&d);
}
