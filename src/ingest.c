/* ingest.c: finding the articles. Folders are walked recursively with their
 * entries sorted by name; hidden files, editor backups and things that are not
 * regular files are passed over; each file is read whole (up to a size limit),
 * judged binary or text, made valid UTF-8, and given to a reader chosen by its
 * content: JSON (an object or an array), JSON Lines, Markdown, plain text.
 * Files are only ever opened for reading. */
#include <config.h>
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "ingest_readers.h"
#include "xalloc.h"

/* Larger files are not articles (and would only eat memory). */
#define INGEST_MAX_FILE ((off_t)64 * 1024 * 1024)
/* How deep folders may nest: a guard against loops made of links. */
#define INGEST_MAX_DEPTH 32
/* How much of a file is looked at to tell binary from text. */
#define INGEST_SNIFF 8192

struct ingest *ingest_new(const char *datadir, struct collection *col)
{
	struct ingest *in = xcalloc(1, sizeof *in);
	char *path = xasprintf("%s/boilerplate.txt", datadir ? datadir : ".");
	in->rules = clean_rules_load(path, col);
	free(path);
	in->lang = lang_new(datadir);
	return in;
}

void ingest_free(struct ingest *in)
{
	if (!in)
		return;
	clean_rules_free(in->rules);
	lang_free(in->lang);
	free(in);
}

/* Names passed over in a folder: hidden files and editors' leftovers. */
static bool ingest_skip_name(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.' || n == 0 || name[n - 1] == '~' || name[0] == '#')
		return true;
	static const char *const ext[] = { ".swp", ".swo", ".bak", ".orig", ".rej", ".tmp" };
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t el = strlen(ext[i]);
		if (n > el && strcmp(name + n - el, ext[i]) == 0)
			return true;
	}
	return false;
}

/* The file's name without folders and without its extension. */
static char *ingest_id(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return xstrndup(base, n);
}

/* Binary: a known file signature, or many bytes no text has. A few NUL bytes in
 * a text file are tolerated (cleaning drops them). */
static const char *ingest_binary_kind(const unsigned char *s, size_t len)
{
	static const struct { const char *magic; size_t n; const char *what; } sigs[] = {
		{ "\x89PNG", 4, "PNG" }, { "GIF8", 4, "GIF" }, { "\xff\xd8\xff", 3, "JPEG" },
		{ "%PDF", 4, "PDF" }, { "PK\x03\x04", 4, "ZIP" }, { "\x1f\x8b", 2, "gzip" },
		{ "\x7f" "ELF", 4, "ELF" }, { "BZh", 3, "bzip2" }, { "7z\xbc\xaf", 4, "7-Zip" },
		{ "\xfd" "7zXZ", 5, "xz" }, { "RIFF", 4, "RIFF" }, { "\x28\xb5\x2f\xfd", 4, "zstd" },
		{ "SQLite format 3", 15, "SQLite" },
	};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (len >= sigs[i].n && memcmp(s, sigs[i].magic, sigs[i].n) == 0)
			return sigs[i].what;
	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
		return "UTF-16";
	size_t n = len < INGEST_SNIFF ? len : INGEST_SNIFF, odd = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f' &&
		    s[i] != 0x1b)
			odd++;
	return odd * 10 > n ? "data" : NULL;
}

/* JSON Lines: the first non-blank line is an object by itself and more follow;
 * or the name says so. */
static bool ingest_is_jsonl(const char *path, const char *text, size_t len)
{
	size_t pl = strlen(path);
	if ((pl > 6 && strcmp(path + pl - 6, ".jsonl") == 0) ||
	    (pl > 7 && strcmp(path + pl - 7, ".ndjson") == 0))
		return true;
	const char *nl = memchr(text, '\n', len);
	if (!nl)
		return false;
	size_t e = (size_t)(nl - text);
	while (e && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t'))
		e--;
	if (!e || text[e - 1] != '}')
		return false;
	/* Look for more text first: a one-line JSON file would be parsed twice. */
	bool more = false;
	for (const char *p = nl; !more && p < text + len; p++)
		more = *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t';
	if (!more)
		return false;
	json_error_t err;
	json_t *v = json_loadb(text, e, 0, &err);
	bool one = v && json_is_object(v);
	json_decref(v);
	return one;
}

void ingest_file(struct ingest *in, const char *path, const struct stat *st, struct collection *col)
{
	if (st->st_size > INGEST_MAX_FILE) {
		collection_warn(col, _("%s: larger than %d MiB; skipped"), path,
				(int)(INGEST_MAX_FILE >> 20));
		return;
	}
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		collection_warn(col, _("%s: cannot read: %s"), path, strerror(errno));
		return;
	}
	/* Room for the file and one byte more, to see its end without growing
	 * the buffer (which doubled every file); a file that grows while it is
	 * read gets a larger buffer, never one past the limit. */
	size_t cap = (size_t)st->st_size + 2, len = 0;
	char *data = xmalloc(cap);
	for (;;) {
		if (len + 1 >= cap) {
			if (len > (size_t)INGEST_MAX_FILE) {
				collection_warn(col, _("%s: larger than %d MiB; skipped"), path,
						(int)(INGEST_MAX_FILE >> 20));
				goto out;
			}
			cap = cap * 2 < (size_t)INGEST_MAX_FILE + 2 ? cap * 2 : (size_t)INGEST_MAX_FILE + 2;
			data = xrealloc(data, cap);
		}
		ssize_t n = read(fd, data + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			collection_warn(col, _("%s: cannot read: %s"), path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	const char *kind = ingest_binary_kind((const unsigned char *)data, len);
	if (kind) {
		collection_warn(col, _("%s: binary file (%s); skipped"), path, kind);
		goto out;
	}
	size_t tlen;
	char *text = clean_utf8(data, len, path, col, &tlen);
	free(data);  /* no longer needed: the readers hold the text, and copies of it */
	data = NULL;
	char *id = ingest_id(path);
	size_t start = 0;
	if (tlen >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		start = 3;  /* byte order mark */
	size_t first = start;
	while (first < tlen && strchr(" \t\r\n", text[first]))
		first++;
	if (first == tlen)
		collection_warn(col, _("%s: empty file; skipped"), path);
	else if (text[first] == '[')
		ingest_read_json(in, path, id, text + start, tlen - start, false, col);
	else if (text[first] == '{')
		ingest_read_json(in, path, id, text + start, tlen - start,
				 ingest_is_jsonl(path, text + first, tlen - first), col);
	else {
		ingest_read_text_owned(in, path, id, text, start, tlen - start, col);
		text = NULL;    /* freed once cleaned */
	}
	free(id);
	free(text);
out:
	free(data);
	close(fd);
}

struct ingest_seen {
	dev_t dev;
	ino_t ino;
};

/* A walk in progress: the files found so far and the warnings, in order. */
struct ingest_walker {
	struct ingest_list *list;
	struct collection *warn;
};

static int ingest_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void ingest_list_add(struct ingest_walker *w, const char *path, const struct stat *st)
{
	struct ingest_list *l = w->list;
	xgrow((void **)&l->files, &l->cap, l->n + 1, sizeof *l->files);
	l->files[l->n++] = (struct ingest_file){ xstrdup(path), *st, w->warn->nwarnings };
}

static void ingest_walk(struct ingest_walker *w, const char *path, struct ingest_seen *up, int depth);

static void ingest_entry(struct ingest_walker *w, const char *path, struct ingest_seen *up, int depth)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		collection_warn(w->warn, _("%s: cannot read: %s"), path, strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		for (int i = 0; i < depth; i++)
			if (up[i].dev == st.st_dev && up[i].ino == st.st_ino)
				return;  /* a link back to a folder being walked */
		if (depth >= INGEST_MAX_DEPTH) {
			collection_warn(w->warn, _("%s: folders nested too deep; skipped"), path);
			return;
		}
		up[depth] = (struct ingest_seen){ st.st_dev, st.st_ino };
		ingest_walk(w, path, up, depth + 1);
	} else if (S_ISREG(st.st_mode)) {
		ingest_list_add(w, path, &st);
	} else {
		collection_warn(w->warn, _("%s: not a regular file; skipped"), path);
	}
}

static void ingest_walk(struct ingest_walker *w, const char *path, struct ingest_seen *up, int depth)
{
	DIR *dir = opendir(path);
	if (!dir) {
		collection_warn(w->warn, _("%s: cannot read: %s"), path, strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		if (ingest_skip_name(de->d_name))
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	if (n > 1)
		qsort(names, n, sizeof *names, ingest_name_cmp);
	size_t pl = strlen(path);
	for (size_t i = 0; i < n; i++) {
		char *child = xasprintf("%.*s/%s", (int)(pl > 1 && path[pl - 1] == '/' ? pl - 1 : pl),
					path, names[i]);
		ingest_entry(w, child, up, depth);
		free(child);
		free(names[i]);
	}
	free(names);
}

int ingest_list(const char *path, struct ingest_list *list, struct collection *warn)
{
	struct ingest_walker w = { list, warn };
	struct stat st;
	list->folder = false;
	if (stat(path, &st) != 0) {
		collection_warn(warn, _("%s: cannot read: %s"), path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (access(path, R_OK | X_OK) != 0) {
			collection_warn(warn, _("%s: cannot read: %s"), path, strerror(errno));
			return -1;
		}
		struct ingest_seen up[INGEST_MAX_DEPTH];
		up[0] = (struct ingest_seen){ st.st_dev, st.st_ino };
		list->folder = true;
		ingest_walk(&w, path, up, 1);
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {
		collection_warn(warn, _("%s: not a regular file or folder"), path);
		return -1;
	}
	if (access(path, R_OK) != 0) {
		collection_warn(warn, _("%s: cannot read: %s"), path, strerror(errno));
		return -1;
	}
	ingest_list_add(&w, path, &st);
	return 0;
}

void ingest_list_free(struct ingest_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->files[i].path);
	free(list->files);
	memset(list, 0, sizeof *list);
}

void ingest_no_articles(const char *path, struct collection *col)
{
	collection_warn(col, _("%s: no articles found"), path);
}

int ingest_path(struct ingest *in, const char *path, struct collection *col)
{
	struct ingest_list list = { 0 };
	struct collection walk;
	collection_init(&walk);
	int rc = ingest_list(path, &list, &walk);
	/* The walk's warnings and the files' ones, in the order they were met. */
	size_t w = 0, before = col->n;
	for (size_t i = 0; i < list.n; i++) {
		for (; w < list.files[i].warnings_before; w++)
			collection_warn(col, "%s", walk.warnings[w]);
		ingest_file(in, list.files[i].path, &list.files[i].st, col);
	}
	for (; w < walk.nwarnings; w++)
		collection_warn(col, "%s", walk.warnings[w]);
	if (rc == 0 && list.folder && col->n == before)
		ingest_no_articles(path, col);
	ingest_list_free(&list);
	collection_free(&walk);
	return rc;
}
