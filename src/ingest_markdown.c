/* ingest_markdown.c: Markdown with YAML front matter. The front matter's
 * title, date, source, url and lang are kept (other keys, like fetch_date, are
 * not ours); the body's block syntax becomes line kinds: ATX and setext
 * headings, quotes, images (placeholders later), list items; thematic breaks
 * and code fences separate paragraphs. Inline markup is handled later. */
#include <config.h>
#include "ingest_readers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

/* The line at text[i], its end (without the newline) in *e; index of the next. */
static size_t ingest_md_line(const char *text, size_t len, size_t i, size_t *e)
{
	const char *nl = memchr(text + i, '\n', len - i);
	*e = nl ? (size_t)(nl - text) : len;
	return nl ? *e + 1 : len;
}

static bool ingest_md_is_fence(const char *s, size_t len)
{
	while (len && *s == ' ')
		s++, len--;
	return len >= 3 && (strncmp(s, "---", 3) == 0) && strspn(s, "-") == len;
}

static char *ingest_md_value(const char *s, size_t len)
{
	while (len && *s == ' ')
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	if (len >= 2 && (s[0] == '"' || s[0] == '\'') && s[len - 1] == s[0])
		s++, len -= 2;
	return xstrndup(s, len);
}

size_t ingest_front_matter(struct draft *d, const char *text, size_t len)
{
	size_t e, i = ingest_md_line(text, len, 0, &e);
	if (!ingest_md_is_fence(text, e) || e == len)
		return 0;
	/* Find the closing fence first: without one, this is no front matter. */
	size_t j = i, end = 0;
	while (j < len) {
		size_t le, next = ingest_md_line(text, len, j, &le);
		if (ingest_md_is_fence(text + j, le - j) ||
		    (le - j == 3 && strncmp(text + j, "...", 3) == 0)) {
			end = next;
			break;
		}
		j = next;
	}
	if (!end)
		return 0;
	static const char *const keys[] = { "title", "date", "source", "url", "lang", "language", "link" };
	while (i < j) {
		size_t le, next = ingest_md_line(text, len, i, &le);
		const char *colon = memchr(text + i, ':', le - i);
		for (size_t k = 0; colon && k < sizeof keys / sizeof *keys; k++) {
			size_t kl = strlen(keys[k]);
			if ((size_t)(colon - text) - i != kl || strncasecmp(text + i, keys[k], kl) != 0)
				continue;
			char **slot = k == 0 ? &d->title : k == 1 ? &d->date : k == 2 ? &d->source
				    : (k == 3 || k == 6) ? &d->url : &d->lang;
			char *v = ingest_md_value(colon + 1, le - (size_t)(colon + 1 - text));
			if (*slot || !v[0])
				free(v);
			else
				*slot = v;
		}
		i = next;
	}
	return end;
}

/* "# Heading ##" → level and the heading's text. */
static int ingest_md_heading(const char *s, size_t len, const char **text, size_t *tlen)
{
	size_t h = 0;
	while (h < len && s[h] == '#')
		h++;
	if (h == 0 || h > 6 || (h < len && s[h] != ' '))
		return 0;
	const char *t = s + h;
	size_t n = len - h;
	while (n && *t == ' ')
		t++, n--;
	while (n && t[n - 1] == '#')
		n--;
	while (n && t[n - 1] == ' ')
		n--;
	*text = t;
	*tlen = n;
	return (int)h;
}

/* A line made only of images: their alt texts, or false. An image without a
 * target (![]() and the like) shows nothing and yields no placeholder. */
static bool ingest_md_images(struct draft *d, const char *s, size_t len, bool para_start)
{
	size_t i = 0;
	bool any = false;
	struct { const char *alt; size_t altlen; bool target; } img[16];
	size_t n = 0;
	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		if (i == len)
			break;
		if (len - i < 5 || s[i] != '!' || s[i + 1] != '[')
			return false;
		const char *rb = memchr(s + i + 2, ']', len - i - 2);
		if (!rb || rb + 1 >= s + len || rb[1] != '(')
			return false;
		const char *rp = memchr(rb, ')', (size_t)(s + len - rb));
		if (!rp)
			return false;
		if (n < 16) {
			img[n].alt = s + i + 2;
			img[n].altlen = (size_t)(rb - s - i - 2);
			img[n].target = rp > rb + 2;
			n++;
		}
		i = (size_t)(rp - s) + 1;
		any = true;
	}
	for (size_t k = 0; k < n; k++)
		if (img[k].target)
			draft_add_line(d, img[k].alt, img[k].altlen, PARA_IMAGE, true, false);
	(void)para_start;
	return any;
}

static bool ingest_md_list_item(const char *s, size_t len)
{
	if (len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
		return true;
	size_t i = 0;
	while (i < len && i < 9 && isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

/* ---, ***, ___ (three or more, spaces allowed). */
static bool ingest_md_break(const char *s, size_t len)
{
	char c = 0;
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ')
			continue;
		if (!c && (s[i] == '-' || s[i] == '*' || s[i] == '_'))
			c = s[i];
		if (s[i] != c)
			return false;
		n++;
	}
	return n >= 3;
}

void ingest_markdown_lines(struct draft *d, const char *text, size_t len)
{
	/* A line (an image's alt text too) and its NUL fit in what it took in
	 * the source; images beyond one a line grow the array as they come. */
	size_t nlines = 1;
	for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
		nlines++;
	draft_reserve(d, nlines, len + 1);
	bool para_start = true, fenced = false;
	for (size_t i = 0; i < len;) {
		size_t e, next = ingest_md_line(text, len, i, &e);
		const char *s = text + i;
		size_t n = e - i, indent = 0;
		i = next;
		while (indent < n && s[indent] == ' ')
			indent++;
		const char *t = s + indent;
		size_t tl = n - indent;
		if (tl >= 3 && (strncmp(t, "```", 3) == 0 || strncmp(t, "~~~", 3) == 0)) {
			fenced = !fenced;
			para_start = true;
			continue;
		}
		if (fenced) {
			/* Code keeps its lines: each is its own paragraph. */
			draft_add_line(d, s, n, PARA_TEXT, true, true);
			continue;
		}
		if (tl == 0) {
			para_start = true;
			continue;
		}
		const char *h;
		size_t hl;
		if (ingest_md_heading(t, tl, &h, &hl)) {
			draft_add_line(d, h, hl, PARA_HEADING, true, false);
			para_start = true;
			continue;
		}
		/* Setext: "Title" then "=====" or "-----" right under it. */
		struct iline *prev = d->nlines ? &d->lines[d->nlines - 1] : NULL;
		if (!para_start && prev && prev->kind == PARA_TEXT &&
		    ((strspn(t, "=") == tl && tl >= 2) || (strspn(t, "-") == tl && tl >= 2))) {
			prev->kind = PARA_HEADING;
			prev->para_start = true;
			para_start = true;
			continue;
		}
		if (ingest_md_break(t, tl)) {
			para_start = true;
			continue;
		}
		if (t[0] == '>') {
			size_t q = 0;
			while (q < tl && (t[q] == '>' || t[q] == ' '))
				q++;
			bool start = para_start || !prev || prev->kind != PARA_QUOTE;
			if (q < tl)
				draft_add_line(d, t + q, tl - q, PARA_QUOTE, start, false);
			else
				para_start = true;
			para_start = q == tl;
			continue;
		}
		if (t[0] == '!' && ingest_md_images(d, t, tl, para_start)) {
			para_start = true;
			continue;
		}
		/* A line that is only an HTML tag (<br>, <div ...>) carries nothing. */
		if (t[0] == '<' && t[tl - 1] == '>' && !memchr(t + 1, '<', tl - 1))
			continue;
		bool item = ingest_md_list_item(t, tl);
		draft_add_line(d, t, tl, PARA_TEXT, para_start || item || (prev && prev->kind != PARA_TEXT),
			       item);
		para_start = false;
	}
}

bool ingest_markdown_detect(const char *text, size_t len)
{
	size_t hits = 0;
	for (size_t i = 0; i < len && hits < 2;) {
		size_t e, next = ingest_md_line(text, len, i, &e);
		const char *s = text + i, *h;
		size_t n = e - i, hl;
		if (ingest_md_heading(s, n, &h, &hl) && hl)
			hits += 2;
		else if (n >= 5 && s[0] == '!' && s[1] == '[' && memmem(s, n, "](", 2))
			hits += 2;
		else if (n >= 2 && s[0] == '>' && s[1] == ' ')
			hits++;
		else if (n >= 5 && s[0] == '*' && s[1] == '*' && memmem(s + 2, n - 2, "**", 2))
			hits++;
		i = next;
	}
	return hits >= 2;
}
