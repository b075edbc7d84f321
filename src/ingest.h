/* ingest.h: files in, articles out. A reader is picked by content (plain text,
 * Markdown with YAML front matter, JSON, JSON Lines); cleaning (clean.h) is done
 * here, once. Problems with single files become warnings in the collection and
 * the rest keeps loading. annals only ever opens files for reading. */
#ifndef ANNALS_INGEST_H
#define ANNALS_INGEST_H

#include "article.h"

struct ingest;  /* the reader's configuration: boilerplate rules and the like */

/* datadir holds boilerplate.txt; warnings about it go to col. */
struct ingest *ingest_new(const char *datadir, struct collection *col);
void ingest_free(struct ingest *in);

/* Reads a file, or a folder walked recursively with its files sorted by name,
 * appending articles to col. Returns 0, or -1 when the path itself cannot be
 * read (missing, not a file or folder, unreadable); a warning is recorded. */
int ingest_path(struct ingest *in, const char *path, struct collection *col);

#endif
