/* ingest_json.c: JSON articles: one object, an array of objects, or JSON Lines
 * (one object a line). The fields we read are title, date, lang (or language),
 * url (or link), source, and the body from text, body or content (a string,
 * or an array of strings, one a paragraph). A record's id is the file's name,
 * plus "#N" for the N-th record of an array or of a JSON Lines file (N counts
 * every non-blank line, broken ones too, so ids do not shift when one breaks). */
#include <config.h>
#include "ingest_readers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

/* A string field, cleaned; NULL when absent or not a string (or a number,
 * for dates such as 2024). A field of another type (an object, an array) is
 * named in a warning at the record's line. */
static char *ingest_json_field(json_t *rec, const char *const *names, struct collection *col,
			       const char *path, size_t line)
{
	for (; *names; names++) {
		json_t *v = json_object_get(rec, *names);
		if (v && !json_is_string(v) && !json_is_integer(v) && !json_is_null(v))
			collection_warn(col, _("%s:%zu: \"%s\" is not a string; ignored"), path, line,
					*names);
		if (json_is_string(v)) {
			size_t n;
			char *s = clean_text(json_string_value(v), json_string_length(v), &n);
			/* One line: metadata never spans lines. */
			for (char *p = s; *p; p++)
				if (*p == '\n')
					*p = ' ';
			if (n)
				return s;
			free(s);
		} else if (json_is_integer(v)) {
			return xasprintf("%lld", (long long)json_integer_value(v));
		}
	}
	return NULL;
}

/* The body: a string, or an array of strings (paragraphs). */
static char *ingest_json_body(json_t *rec, size_t *len)
{
	static const char *const names[] = { "text", "body", "content" };
	for (size_t i = 0; i < 3; i++) {
		json_t *v = json_object_get(rec, names[i]);
		if (json_is_string(v) && json_string_length(v))
			return clean_text(json_string_value(v), json_string_length(v), len);
		if (json_is_array(v) && json_array_size(v)) {
			struct buf b;
			buf_init(&b);
			buf_add(&b, "", 0);
			size_t k;
			json_t *e;
			json_array_foreach(v, k, e) {
				if (!json_is_string(e))
					continue;
				size_t n;
				char *s = clean_text(json_string_value(e), json_string_length(e), &n);
				if (b.len)
					buf_add(&b, "\n\n", 2);
				buf_add(&b, s, n);
				free(s);
			}
			if (b.len) {
				*len = b.len;
				return buf_take(&b);
			}
			buf_free(&b);
		}
	}
	return NULL;
}

static void ingest_json_record(struct ingest *in, const char *path, const char *base, size_t nth,
			       size_t line, json_t *rec, struct collection *col)
{
	if (!json_is_object(rec)) {
		collection_warn(col, _("%s:%zu: not a JSON object; skipped"), path, line);
		return;
	}
	size_t len = 0;
	char *body = ingest_json_body(rec, &len);
	if (!body) {
		collection_warn(col, _("%s:%zu: record without text (text, body or content); skipped"),
				path, line);
		return;
	}
	char *id = nth ? xasprintf("%s#%zu", base, nth) : xstrdup(base);
	struct draft d;
	draft_init(&d, path, id);
	free(id);
	d.line = line;
	static const char *const title[] = { "title", "headline", NULL };
	static const char *const date[] = { "date", "published", "pubdate", NULL };
	static const char *const lang[] = { "lang", "language", NULL };
	static const char *const url[] = { "url", "link", NULL };
	static const char *const source[] = { "source", "publisher", NULL };
	d.title = ingest_json_field(rec, title, col, path, line);
	d.date = ingest_json_field(rec, date, col, path, line);
	d.lang = ingest_json_field(rec, lang, col, path, line);
	d.url = ingest_json_field(rec, url, col, path, line);
	d.source = ingest_json_field(rec, source, col, path, line);
	if (ingest_markdown_detect(body, len)) {
		d.markdown = true;
		ingest_markdown_lines(&d, body, len);
	} else {
		ingest_text_lines(&d, body, len);
	}
	free(body);
	ingest_article(in, &d, col);
	draft_free(&d);
}

/* One element of a top-level array: the bytes it spans, and the line and
 * byte column where it starts (for warnings). */
struct ingest_json_elem {
	size_t start, end, line, col;
};

/* The elements of a top-level array, found by their brackets, strings and
 * commas without building anything: jansson then parses one element at a
 * time, so that a file of many records is never held as one tree (a tree
 * takes several times the text). False when text is not an array split this
 * way (unbalanced, a trailing comma, text after it): the whole document then
 * goes to jansson, which says what is wrong. */
static bool ingest_json_elements(const char *s, size_t len, struct ingest_json_elem **out,
				 size_t *count)
{
	struct ingest_json_elem *v = NULL;
	size_t n = 0, cap = 0, i = 0, line = 1, bol = 0;
#define INGEST_JSON_SPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\n')
#define INGEST_JSON_SKIP()                                                   \
	while (i < len && INGEST_JSON_SPACE(s[i])) {                          \
		if (s[i] == '\n')                                             \
			line++, bol = i + 1;                                  \
		i++;                                                          \
	}
	INGEST_JSON_SKIP();
	if (i >= len || s[i] != '[')
		goto no;
	i++;
	INGEST_JSON_SKIP();
	bool closed = i < len && s[i] == ']';
	if (closed)
		i++;
	while (!closed) {
		INGEST_JSON_SKIP();
		struct ingest_json_elem e = { i, i, line, i - bol + 1 };
		int depth = 0;
		bool str = false, esc = false, ended = false;
		for (; i < len && !ended; i++) {
			char c = s[i];
			if (c == '\n')
				line++, bol = i + 1;
			if (str) {
				if (esc)
					esc = false;
				else if (c == '\\')
					esc = true;
				else if (c == '"')
					str = false;
				continue;
			}
			if (c == '"') {
				str = true;
			} else if (c == '[' || c == '{') {
				depth++;
			} else if ((c == ']' || c == '}') && depth > 0) {
				depth--;
			} else if ((c == ',' || c == ']') && depth == 0) {
				e.end = i;
				closed = c == ']';
				ended = true;
			}
		}
		if (!ended)
			goto no;
		while (e.end > e.start && INGEST_JSON_SPACE(s[e.end - 1]))
			e.end--;
		if (e.end == e.start)
			goto no;        /* "[1,]" or "[,": jansson's to explain */
		xgrow((void **)&v, &cap, n + 1, sizeof *v);
		v[n++] = e;
	}
	INGEST_JSON_SKIP();
	if (i != len)
		goto no;
#undef INGEST_JSON_SKIP
#undef INGEST_JSON_SPACE
	*out = v;
	*count = n;
	return true;
no:
	free(v);
	return false;
}

/* An array's records, parsed one at a time; a broken one is warned about at
 * its own line and column, and the others load. */
static void ingest_json_array(struct ingest *in, const char *path, const char *id, const char *text,
			      const struct ingest_json_elem *v, size_t n, struct collection *col)
{
	for (size_t k = 0; k < n; k++) {
		json_error_t err;
		json_t *rec = json_loadb(text + v[k].start, v[k].end - v[k].start, 0, &err);
		if (!rec) {
			size_t line = v[k].line + (size_t)(err.line > 0 ? err.line - 1 : 0);
			int column = err.column + (err.line <= 1 ? (int)v[k].col - 1 : 0);
			collection_warn(col, _("%s:%zu: invalid JSON at column %d: %s"), path, line,
					column, err.text);
			continue;
		}
		ingest_json_record(in, path, id, k + 1, v[k].line, rec, col);
		json_decref(rec);
	}
	if (n == 0)
		collection_warn(col, _("%s: empty JSON array; no articles"), path);
}

static void ingest_json_lines(struct ingest *in, const char *path, const char *id, const char *text,
			      size_t len, struct collection *col)
{
	size_t line = 0, nth = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		line++;
		size_t b = i;
		while (b < e && strchr(" \t\r", text[b]))
			b++;
		if (b < e) {
			nth++;
			json_error_t err;
			json_t *rec = json_loadb(text + b, e - b, 0, &err);
			if (!rec)
				collection_warn(col, _("%s:%zu: invalid JSON at column %d: %s"), path,
						line, err.column + (int)(b - i), err.text);
			else
				ingest_json_record(in, path, id, nth, line, rec, col);
			json_decref(rec);
		}
		i = e + 1;
	}
}

void ingest_read_json(struct ingest *in, const char *path, const char *id, const char *text,
		      size_t len, bool lines, struct collection *col)
{
	if (lines) {
		ingest_json_lines(in, path, id, text, len, col);
		return;
	}
	struct ingest_json_elem *elems;
	size_t nelems;
	if (ingest_json_elements(text, len, &elems, &nelems)) {
		ingest_json_array(in, path, id, text, elems, nelems, col);
		free(elems);
		return;
	}
	json_error_t err;
	json_t *v = json_loadb(text, len, 0, &err);
	if (!v) {
		collection_warn(col, _("%s:%d: invalid JSON at column %d: %s"), path, err.line,
				err.column, err.text);
		return;
	}
	if (json_is_array(v)) {
		/* Not met: an array jansson reads is one ingest_json_elements
		 * splits. Its records would still load, each said to be on line 1. */
		size_t k;
		json_t *rec;
		json_array_foreach(v, k, rec)
			ingest_json_record(in, path, id, k + 1, 1, rec, col);
		if (json_array_size(v) == 0)
			collection_warn(col, _("%s: empty JSON array; no articles"), path);
	} else {
		ingest_json_record(in, path, id, 0, 1, v, col);
	}
	json_decref(v);
}
