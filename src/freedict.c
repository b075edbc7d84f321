/* freedict.c: FreeDict dictionaries read at run time (freedict.h). The index
 * gives each headword the offset and length of its entry, in dictd's base 64;
 * the entries are read whole from the gzip file with zlib and looked up by a
 * binary search over the headwords, sorted here (dictd's own order folds case
 * and accents its own way). */
#include <config.h>
#include "freedict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "xalloc.h"

/* No FreeDict dictionary comes near this; a bigger file is not one. */
#define FREEDICT_MAX (64u << 20)

struct freedict_entry {
	const char *word;               /* into index, NUL-terminated */
	size_t off, len;                /* into text */
};

struct freedict {
	char *index;
	char *text;
	size_t ntext;
	struct freedict_entry *e;
	size_t n;
};

static const char *freedict_lang(const char *lang)
{
	if (strncmp(lang, "en", 2) == 0 && (lang[2] == '\0' || lang[2] == '-'))
		return "eng";
	if (strncmp(lang, "fr", 2) == 0 && (lang[2] == '\0' || lang[2] == '-'))
		return "fra";
	return NULL;
}

static char *freedict_path(const char *dir, const char *from, const char *to, const char *ext)
{
	return xasprintf("%s/freedict-%s-%s.%s", dir ? dir : FREEDICT_DIR, from, to, ext);
}

/* A number in dictd's base 64 (A-Z a-z 0-9 + /); false on any other byte. */
static bool freedict_b64(const char *s, size_t n, size_t *out)
{
	size_t v = 0;
	if (n == 0 || n > 8)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int d = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
			: c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;
		if (d < 0)
			return false;
		v = v * 64 + (size_t)d;
	}
	*out = v;
	return true;
}

static char *freedict_read_index(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b;
	buf_init(&b);
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < FREEDICT_MAX)
		buf_add(&b, chunk, n);
	fclose(f);
	buf_adds(&b, "");
	return buf_take(&b);
}

static char *freedict_read_dict(const char *path, size_t *len)
{
	gzFile g = gzopen(path, "rb");
	if (!g)
		return NULL;
	struct buf b;
	buf_init(&b);
	char chunk[16384];
	int n;
	while ((n = gzread(g, chunk, sizeof chunk)) > 0 && b.len < FREEDICT_MAX)
		buf_add(&b, chunk, (size_t)n);
	bool bad = n < 0;
	gzclose(g);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	buf_adds(&b, "");
	return buf_take(&b);
}

static int freedict_cmp(const void *x, const void *y)
{
	const struct freedict_entry *a = x, *b = y;
	return strcmp(a->word, b->word);
}

struct freedict *freedict_open(const char *dir, const char *from, const char *to)
{
	const char *f = freedict_lang(from), *t = freedict_lang(to);
	if (!f || !t || strcmp(f, t) == 0)
		return NULL;
	char *ipath = freedict_path(dir, f, t, "index"), *dpath = freedict_path(dir, f, t, "dict.dz");
	struct freedict *d = xcalloc(1, sizeof *d);
	d->index = freedict_read_index(ipath);
	if (d->index)
		d->text = freedict_read_dict(dpath, &d->ntext);
	free(ipath);
	free(dpath);
	if (!d->index || !d->text) {
		freedict_close(d);
		return NULL;
	}
	size_t cap = 0;
	for (char *line = d->index; *line;) {
		char *end = strchr(line, '\n');
		if (end)
			*end = '\0';
		char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		size_t off, len;
		/* The 00database... entries describe the dictionary itself. */
		if (t2 && strncmp(line, "00database", 10) != 0 &&
		    freedict_b64(t1 + 1, (size_t)(t2 - t1 - 1), &off) &&
		    freedict_b64(t2 + 1, strlen(t2 + 1), &len) && off <= d->ntext &&
		    len <= d->ntext - off) {
			*t1 = '\0';
			xgrow((void **)&d->e, &cap, d->n + 1, sizeof *d->e);
			d->e[d->n++] = (struct freedict_entry){ line, off, len };
		}
		if (!end)
			break;
		line = end + 1;
	}
	if (d->n)
		qsort(d->e, d->n, sizeof *d->e, freedict_cmp);
	return d;
}

void freedict_close(struct freedict *d)
{
	if (!d)
		return;
	free(d->index);
	free(d->text);
	free(d->e);
	free(d);
}

const char *freedict_lookup(const struct freedict *d, const char *word, size_t n, size_t *len)
{
	if (!d)
		return NULL;
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(d->e[mid].word, word, n);
		if (c == 0 && d->e[mid].word[n] != '\0')
			c = 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= d->n || strncmp(d->e[lo].word, word, n) != 0 || d->e[lo].word[n] != '\0')
		return NULL;
	/* The entry without its first line (the headword, its pronunciation). */
	const char *s = d->text + d->e[lo].off, *end = s + d->e[lo].len;
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	if (!nl)
		return NULL;
	*len = (size_t)(end - nl - 1);
	return nl + 1;
}

bool freedict_installed(const char *dir)
{
	bool ok = true;
	static const char *const pairs[][2] = { { "eng", "fra" }, { "fra", "eng" } };
	for (size_t k = 0; k < 2; k++) {
		char *ipath = freedict_path(dir, pairs[k][0], pairs[k][1], "index");
		char *dpath = freedict_path(dir, pairs[k][0], pairs[k][1], "dict.dz");
		FILE *f = fopen(ipath, "rb"), *g = fopen(dpath, "rb");
		ok &= f && g;
		if (f)
			fclose(f);
		if (g)
			fclose(g);
		free(ipath);
		free(dpath);
	}
	return ok;
}
