/* ingest.h: files in, articles out. A reader is picked by content (plain text,
 * Markdown with YAML front matter, JSON, JSON Lines); cleaning (clean.h) is done
 * here, once. Problems with single files become warnings in the collection and
 * the rest keeps loading. annals only ever opens files for reading. */
#ifndef ANNALS_INGEST_H
#define ANNALS_INGEST_H

#include <stdbool.h>
#include <sys/stat.h>
#include "article.h"

struct ingest;  /* the reader's configuration: boilerplate rules and the like */

/* datadir holds boilerplate.txt; warnings about it go to col. */
struct ingest *ingest_new(const char *datadir, struct collection *col);
void ingest_free(struct ingest *in);

/* Reads a file, or a folder walked recursively with its files sorted by name,
 * appending articles to col. Returns 0, or -1 when the path itself cannot be
 * read (missing, not a file or folder, unreadable); a warning is recorded. */
int ingest_path(struct ingest *in, const char *path, struct collection *col);

/* ingest_path in two halves, for the index (store.c), which reads only the
 * files that changed. First the walk: the files to read under path, in the
 * order ingest_path reads them, and the warnings met on the way, in col. */
struct ingest_file {
	char *path;
	struct stat st;
	size_t warnings_before;         /* walk warnings that come before this file */
};
struct ingest_list {
	struct ingest_file *files;
	size_t n, cap;
	bool folder;                    /* path is a folder: "no articles found" applies */
};
/* Returns 0, or -1 when path itself cannot be read (a warning is in col). */
int ingest_list(const char *path, struct ingest_list *list, struct collection *col);
void ingest_list_free(struct ingest_list *list);
/* Then each file: its articles and warnings appended to col. An ingest is used
 * by one thread at a time (its language detector keeps a cache). */
void ingest_file(struct ingest *in, const char *path, const struct stat *st, struct collection *col);
/* The warning for a folder with no articles in it. */
void ingest_no_articles(const char *path, struct collection *col);

#endif
