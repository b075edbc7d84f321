/* article.h: the model. An article is what ingest makes of one file (or one
 * record of a JSON / JSON Lines file), already cleaned: every string here is
 * valid, NFC-normalised UTF-8 with no control characters. Everything above the
 * model (events, alignment, search, panes) reads articles and never changes them. */
#ifndef ANNALS_ARTICLE_H
#define ANNALS_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How much of a date is known. */
enum date_precision { DATE_NONE = 0, DATE_YEAR, DATE_MONTH, DATE_DAY };

/* Eight bytes: half a million events carry two each, and every byte of them
 * is read at each start. */
struct adate {
	int year;
	signed char month, day;         /* 0 when not known */
	unsigned char prec;             /* enum date_precision */
	bool inferred;                  /* some part was not stated but worked out */
};

/* "YYYY", "YYYY-MM", "YYYY-MM-DD" into buf (at least 11 bytes); "" for none. */
void adate_format(const struct adate *d, char *buf, size_t size);
/* Chronological order; a less precise date sorts before a precise one of the same period. */
int adate_compare(const struct adate *a, const struct adate *b);

enum para_kind { PARA_TEXT = 0, PARA_HEADING, PARA_IMAGE, PARA_QUOTE };
const char *para_kind_name(enum para_kind k);   /* "text", "heading", "image", "quote" */

/* A run of emphasised text inside a paragraph (Markdown **bold** / *em*), in bytes. */
struct span {
	size_t start, len;
};

#define LANG_TAG_MAX 16  /* BCP 47 tags we produce are short: en, fr, zh-Hans ... */

/* A file of tiny paragraphs has one of these for every few bytes: 40 bytes,
 * the fields ordered so that none pads. */
struct paragraph {
	char *text;                     /* owned, or in its article's para_text */
	struct span *emph;              /* owned; may be NULL */
	char lang[LANG_TAG_MAX];
	enum para_kind kind;
	uint32_t nemph;                 /* a paragraph is at most a file of 64 MiB */
};

struct article {
	char *id;                       /* file name without extension, plus "#N" for JSONL records */
	char *title;
	char *source, *url;             /* NULL when the file does not state them */
	char *path;                     /* the file it came from */
	struct adate date;
	char lang[LANG_TAG_MAX];        /* main language */
	char (*langs)[LANG_TAG_MAX];    /* every language, main one first */
	size_t nlangs;
	struct paragraph *paras;
	size_t npara;
	size_t para_cap;                /* room in paras when article_add_para made it; 0 otherwise */
	/* Owned: one block for the text of the paragraphs ingest made, so that a
	 * paragraph of a few bytes is not an allocation of its own. A paragraph
	 * whose text lies in it is not freed alone (article_owns_text). */
	char *para_text;
	size_t para_text_used, para_text_cap;
	/* Read from the index without its body (store.h): the body's paragraphs
	 * not loaded (paras and npara stay empty until store_body), and the row. */
	size_t nbody;
	long long row;
};

/* Every article of the collections named on the command line, sorted by date
 * (undated last), then id. Warnings met while reading are kept in order, each
 * already formatted as "FILE:LINE: what is wrong" (no "annals: " prefix). */
struct collection {
	struct article *items;
	size_t n, cap;
	char **warnings;
	size_t nwarnings, capwarnings;
	/* Repeated warnings are grouped: after COLLECTION_WARN_REPEATS in a row
	 * that report one problem (100,000 empty files), one line counts the rest. */
	char *warn_last;                /* the last warning, as made */
	size_t warn_run;                /* how many in a row report its problem */
	/* Where the bodies left in the index come from (annals.c sets it when the
	 * collection was read without them); NULL: every body is here. */
	bool (*body)(void *ctx, struct article *a);
	void *body_ctx;
};
#define COLLECTION_WARN_REPEATS 3

void article_free(struct article *a);
void collection_init(struct collection *c);
void collection_free(struct collection *c);
/* Makes a's paragraphs present: loads them when they were left in the index
 * (a->nbody), once; the bodies are a cache of the collection, which is why a
 * const collection may fill them. false when they cannot be had. */
bool collection_body(const struct collection *c, const struct article *a);
/* Gives back every body that collection_body can load again (nothing when
 * the collection has no loader): after a pass over the whole collection. */
void collection_drop_bodies(struct collection *c);
/* Takes ownership of *a's contents; a is left zeroed. */
void collection_add(struct collection *c, struct article *a);
/* Takes ownership of the n articles at arts, one malloc'd array (or NULL when
 * n is 0), which is freed or becomes c's own: added at the end of c, with no
 * copy when c holds none yet (the index's 100,000 articles at a start). */
void collection_adopt(struct collection *c, struct article *arts, size_t n);
/* The same with from's articles: from keeps its warnings and no article. */
void collection_move_items(struct collection *to, struct collection *from);
/* A deep copy of from into to: the strings, languages and paragraphs loaded. */
void article_copy(struct article *to, const struct article *from);
void collection_warn(struct collection *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void collection_sort(struct collection *c);
/* The same, for c sorted up to from and in any order after: the few after
 * (a change to a large collection) are sorted and merged in. */
void collection_sort_tail(struct collection *c, size_t from);
/* The articles of a collection by their index row (article.row), to turn a
 * row back into a place: a table by row, as rows are handed out one after
 * another, or sorted pairs when they are too sparse for one. */
struct collection_rows {
	size_t *at;                     /* by row: index + 1, 0 for none */
	long long max;
	struct collection_row { long long row; size_t idx; } *sorted;
	size_t n;
};
/* false (and nothing to free) when some article has no row or two share one
 * (a file named twice). */
bool collection_rows_make(struct collection_rows *m, const struct collection *c);
/* The index of the article whose row is row, or (size_t)-1. */
size_t collection_rows_find(const struct collection_rows *m, long long row);
void collection_rows_free(struct collection_rows *m);
/* The article with this id, or NULL. */
const struct article *collection_find(const struct collection *c, const char *id);
/* Index of the article, or (size_t)-1. */
size_t collection_index(const struct collection *c, const char *id);

/* Convenience for builders (ingest, tests): append a paragraph, copying text
 * (into para_text while it has room, else an allocation of its own). */
struct paragraph *article_add_para(struct article *a, const char *text, size_t len,
				   const char *lang, enum para_kind kind);
/* Room in para_text for bytes more of paragraph text (and their NULs), made
 * once before the paragraphs are added: the block never moves, since
 * paragraphs point into it. Only when para_text is not made yet. */
void article_reserve_text(struct article *a, size_t bytes);
/* Recompute a->lang and a->langs from the paragraphs (main = most text). */
void article_update_langs(struct article *a);

#endif
