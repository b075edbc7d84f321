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
	for (size_t i = 0; i < d->nlines; i++)
		free(d->lines[i].text);
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
	xgrow((void **)&d->lines, &d->cap, d->nlines + 1, sizeof *d->lines);
	struct iline *l = &d->lines[d->nlines++];
	l->text = xstrndup(s, len);
	l->len = len;
	l->kind = kind;
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
