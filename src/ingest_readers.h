/* ingest_readers.h: what the readers share inside ingest. A reader turns one
 * file (or one record) into a draft: the metadata the file states and the body
 * as lines, each marked with its Markdown kind. ingest_article.c then does the
 * common work (boilerplate, title, date, source, paragraphs, languages). */
#ifndef ANNALS_INGEST_READERS_H
#define ANNALS_INGEST_READERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "article.h"
#include "clean.h"
#include "lang.h"

struct ingest {
	struct clean_rules *rules;
	struct lang_detector *lang;
};

/* One line of a body, trimmed; never empty. A file may hold millions of
 * lines of a byte or two each, so a line is 8 bytes and its text sits in the
 * draft's one text buffer, found by offset (the buffer may move as it grows,
 * an offset does not). */
#define ILINE_MAX_LEN ((1u << 27) - 1)  /* 128 MiB: twice a file's limit; longer is cut */
struct iline {
	uint32_t off;                   /* of its NUL-terminated text in the draft's text */
	unsigned len : 27;
	unsigned kind : 2;              /* enum para_kind */
	unsigned para_start : 1;        /* a blank line (or the start) came before it */
	unsigned list_item : 1;         /* "- item", "1. item": its own paragraph */
	unsigned dropped : 1;           /* removed by the rules below */
};

struct draft {
	const char *path;       /* borrowed: the file */
	char *id;               /* owned */
	size_t line;            /* line of the record in its file (JSON), 0 otherwise */
	char *title, *date, *source, *url, *lang;  /* stated metadata, cleaned; may be NULL */
	bool markdown;          /* inline markup to strip */
	struct iline *lines;
	size_t nlines, cap;
	char *text;                     /* the lines' text, one after another */
	size_t text_used, text_cap;
	bool in_place;                  /* text is the body itself, lines cut out of it */
};

static inline const char *iline_text(const struct draft *d, const struct iline *l)
{
	return d->text + l->off;
}

void draft_init(struct draft *d, const char *path, const char *id);
void draft_free(struct draft *d);
void draft_add_line(struct draft *d, const char *s, size_t len, enum para_kind kind,
		    bool para_start, bool list_item);
/* Room for n more lines and bytes more of their text, so that neither is
 * grown by doubling (which holds up to twice what is needed) when a reader
 * knows how much is coming. */
void draft_reserve(struct draft *d, size_t n, size_t bytes);
/* Lets go of the lines and their text once paragraphs are made of them. */
void draft_drop_lines(struct draft *d);
/* Splits a body into lines: plain text, or Markdown (headings, quotes, images,
 * list items, thematic breaks). text is clean (clean_text). */
void ingest_text_lines(struct draft *d, const char *text, size_t len);
/* The same, taking text (len bytes and a NUL, from malloc): the lines are cut
 * out of it where they stand, so a body of tiny lines is not held twice. */
void ingest_text_lines_adopt(struct draft *d, char *text, size_t len);
void ingest_markdown_lines(struct draft *d, const char *text, size_t len);
/* True when the text uses Markdown block syntax: ATX headings, images, quotes. */
bool ingest_markdown_detect(const char *text, size_t len);
/* Reads the YAML front matter at the start of text into d; returns the number
 * of bytes it spans (0 when there is none). */
size_t ingest_front_matter(struct draft *d, const char *text, size_t len);

/* The readers: text is the file's content, already valid UTF-8 (clean_utf8). */
void ingest_read_text(struct ingest *in, const char *path, const char *id, const char *text,
		      size_t len, struct collection *col);
/* The same, taking buf (from malloc; the text is buf[start..start+len)), which
 * is freed as soon as it is cleaned. */
void ingest_read_text_owned(struct ingest *in, const char *path, const char *id, char *buf,
			    size_t start, size_t len, struct collection *col);
void ingest_read_json(struct ingest *in, const char *path, const char *id, const char *text,
		      size_t len, bool lines, struct collection *col);

/* Builds the article from a draft and adds it to col. A draft with no text left
 * is warned about and skipped (returns false). The draft is emptied. */
bool ingest_article(struct ingest *in, struct draft *d, struct collection *col);

/* Dates (ingest_date.c). */
/* The whole string is a date, with an optional time after it ("2022-12-22",
 * "2019-10-24 19:38:01", "2022-12-22T02:14:18Z", "2024", "March 2020"). */
bool ingest_date_parse(const char *s, size_t len, struct adate *d);
/* The first date expression in text (day or month precision, with a year). */
bool ingest_date_first(const char *s, size_t len, struct adate *d);
/* Raises *latest to the latest date the article's text reports, reading each
 * language's account as a narrative (a month without a year takes it from the
 * dates before it). */
void ingest_date_latest(const struct article *a, struct adate *latest);

#endif
