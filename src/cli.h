/* cli.h: the non-interactive commands. Each returns the exit status:
 * 0 success, 1 an error in the input (unknown ID, unreadable collection), 2 usage. */
#ifndef ANNALS_CLI_H
#define ANNALS_CLI_H

#include <stdio.h>
#include <jansson.h>
#include "annals.h"
#include "xalloc.h"

int cli_list(struct annals *app, FILE *out);
int cli_show(struct annals *app, const char *id, FILE *out);
int cli_timeline(struct annals *app, FILE *out);
/* timeline --groups: one happening a line, or {"group","date","precision","reports"}. */
int cli_timeline_groups(struct annals *app, FILE *out);
int cli_search(struct annals *app, const char *query, FILE *out);
int cli_parallel(struct annals *app, const char *a, const char *b, FILE *out);

/* Shared by the commands. */
/* The article called id, or the one whose ID id is a unique prefix of; NULL
 * after saying why on stderr (none, with the nearest ID when one is near; or
 * several, listed). */
const struct article *cli_find(struct annals *app, const char *id);
json_t *cli_article_json(const struct article *a, bool with_body);
/* Dumps v (taking the reference) as one JSON value and a newline; returns 0. */
int cli_dump_json(json_t *v, FILE *out);
/* Reports "annals: msg" on stderr and returns status. */
int cli_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A date as the text outputs write it, 11 columns: "~" in front when part of
 * it was worked out (else a space), as the browser marks it; "-" for none. */
void cli_date_mark(struct buf *b, const struct adate *d);
/* Width of the output terminal, or 80 when stdout is not a terminal. */
int cli_output_width(FILE *out);

/* The interactive browser (app.c). */
int app_run(struct annals *app);

#endif
