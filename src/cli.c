/* cli.c: the shared pieces of the commands, and `list` and `show`. */
#include <config.h>
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <utf8proc.h>

#include "i18n.h"
#include "layout.h"
#include "xalloc.h"

int cli_error(int status, const char *fmt, ...)
{
	va_list ap;
	fputs("annals: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

/* No terminal is wider: a COLUMNS of billions would have parallel pad every
 * line to gigabytes. */
#define CLI_MAX_WIDTH 4096

int cli_output_width(FILE *out)
{
	struct winsize ws;
	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < CLI_MAX_WIDTH ? ws.ws_col : CLI_MAX_WIDTH;
	const char *cols = getenv("COLUMNS");
	char *end;
	long n = cols ? strtol(cols, &end, 10) : 0;
	if (n > 0)
		return n < CLI_MAX_WIDTH ? (int)n : CLI_MAX_WIDTH;
	return 80;
}

int cli_dump_json(json_t *v, FILE *out)
{
	json_dumpf(v, out, JSON_INDENT(2));
	fputc('\n', out);
	json_decref(v);
	return 0;
}

static json_t *json_string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* A path as JSON holds it: a file name need not be UTF-8, which a JSON string
 * must be, so the bytes that are not become U+FFFD; control characters stay
 * (JSON escapes them). */
static json_t *cli_json_path(const char *s)
{
	if (!s)
		return json_null();
	json_t *v = json_string(s);
	if (v)
		return v;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k > 0) {
			buf_add(&b, s + i, (size_t)k);
			i += (size_t)k;
		} else {
			buf_adds(&b, "\xEF\xBF\xBD");
			i++;
		}
	}
	v = json_string(b.data);
	buf_free(&b);
	return v ? v : json_string("");
}

/* The path's exact bytes, percent-escaped: every byte outside printable
 * ASCII, and "%" itself, as %XX. Percent-decoding gives the file name back
 * whatever its bytes, where "path" may have replaced some. */
static json_t *cli_json_path_bytes(const char *s)
{
	if (!s)
		return json_null();
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p > 0x20 && *p < 0x7f && *p != '%')
			buf_addc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	json_t *v = json_string(b.data);
	buf_free(&b);
	return v;
}

json_t *cli_article_json(const struct article *a, bool with_body)
{
	char date[16];
	adate_format(&a->date, date, sizeof date);
	json_t *langs = json_array();
	for (size_t i = 0; i < a->nlangs; i++)
		json_array_append_new(langs, json_string(a->langs[i]));
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(a->id));
	json_object_set_new(o, "title", json_string(a->title ? a->title : ""));
	json_object_set_new(o, "date", date[0] ? json_string(date) : json_null());
	/* As timeline --json says it: whether part of the date was worked out. */
	json_object_set_new(o, "inferred", json_boolean(a->date.inferred));
	json_object_set_new(o, "lang", json_string(a->lang));
	json_object_set_new(o, "langs", langs);
	json_object_set_new(o, "source", json_string_or_null(a->source));
	json_object_set_new(o, "url", json_string_or_null(a->url));
	json_object_set_new(o, "path", cli_json_path(a->path));
	json_object_set_new(o, "path_bytes", cli_json_path_bytes(a->path));
	json_object_set_new(o, "paragraphs", json_integer((json_int_t)(a->npara + a->nbody)));
	if (with_body) {
		json_t *body = json_array();
		for (size_t i = 0; i < a->npara; i++) {
			const struct paragraph *p = &a->paras[i];
			json_t *po = json_object();
			json_object_set_new(po, "lang", json_string(p->lang));
			json_object_set_new(po, "kind", json_string(para_kind_name(p->kind)));
			json_object_set_new(po, "text", json_string(p->text));
			json_array_append_new(body, po);
		}
		json_object_set_new(o, "body", body);
	}
	return o;
}

void cli_date_mark(struct buf *b, const struct adate *d)
{
	char date[16];
	adate_format(d, date, sizeof date);
	/* "~2015-05": the browser's mark, in the same place; dates line up. */
	buf_printf(b, "%s%-10s", d->inferred ? "~" : " ", date[0] ? date : "-");
}

/* s, which is w columns wide, then spaces up to width columns. */
static void cli_pad(struct buf *b, const char *s, int w, int width)
{
	buf_adds(b, s);
	for (; w < width; w++)
		buf_addc(b, ' ');
}

/* "en", or "en+zh-Hant" for an article in several languages (cut short at
 * size - 1 bytes). */
static void cli_langs(const struct article *a, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < (a->nlangs ? a->nlangs : 1); i++) {
		const char *t = a->nlangs ? a->langs[i] : a->lang;
		size_t n = strlen(t) + (i > 0);
		if (used + n >= size)
			break;
		if (i > 0)
			buf[used++] = '+';
		memcpy(buf + used, t, n - (i > 0));
		used += n - (i > 0);
		buf[used] = '\0';
	}
}

int cli_list(struct annals *app, FILE *out)
{
	const struct collection *c = &app->col;
	if (app->opt.json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < c->n; i++)
			json_array_append_new(arr, cli_article_json(&c->items[i], false));
		return cli_dump_json(arr, out);
	}
	/* Columns as wide as their widest cell, counted in columns on screen
	 * (an ID or a title may be CJK, two columns a character). */
	struct layout_opts lo = { .ambiguous_wide = app->opt.ambiguous_wide };
	/* each row's two measured cells, measured once */
	int *wl = xmalloc((c->n ? c->n : 1) * 2 * sizeof *wl), wlang = 0, wid = 0;
	for (size_t i = 0; i < c->n; i++) {
		char langs[64];
		cli_langs(&c->items[i], langs, sizeof langs);
		wl[2 * i] = layout_strwidth(langs, &lo);
		wl[2 * i + 1] = layout_strwidth(c->items[i].id, &lo);
		wlang = wl[2 * i] > wlang ? wl[2 * i] : wlang;
		wid = wl[2 * i + 1] > wid ? wl[2 * i + 1] : wid;
	}
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < c->n; i++) {
		const struct article *a = &c->items[i];
		char langs[64];
		cli_langs(a, langs, sizeof langs);
		line.len = 0;
		cli_date_mark(&line, &a->date);
		buf_adds(&line, "  ");
		cli_pad(&line, langs, wl[2 * i], wlang);
		buf_adds(&line, "  ");
		cli_pad(&line, a->id, wl[2 * i + 1], wid);
		buf_adds(&line, "  ");
		buf_adds(&line, a->title ? a->title : "");
		buf_addc(&line, '\n');
		fputs(line.data, out);
	}
	buf_free(&line);
	free(wl);
	return 0;
}

/* Edit distance between a and b (bytes), for suggesting an ID. */
static size_t cli_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na > 200 || nb > 200)
		return (size_t)-1;
	size_t row[201];
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

/* How many of the candidates an ambiguous prefix lists. */
#define CLI_FIND_SHOWN 10

const struct article *cli_find(struct annals *app, const char *id)
{
	const struct collection *c = &app->col;
	const struct article *a = collection_find(c, id);
	if (a)
		return a;
	/* A unique prefix is enough, as git's abbreviated commits. */
	size_t n = 0, len = strlen(id), first = 0;
	for (size_t i = 0; len && i < c->n; i++)
		if (strncmp(c->items[i].id, id, len) == 0 && n++ == 0)
			first = i;
	if (n == 1)
		return &c->items[first];
	if (n > 1) {
		cli_error(1, P_("ID '%s' is ambiguous: %zu article starts with it:",
				"ID '%s' is ambiguous: %zu articles start with it:", n), id, n);
		size_t shown = 0;
		for (size_t i = 0; i < c->n && shown < CLI_FIND_SHOWN; i++)
			if (strncmp(c->items[i].id, id, len) == 0) {
				fprintf(stderr, "  %s  %s\n", c->items[i].id,
					c->items[i].title ? c->items[i].title : "");
				shown++;
			}
		if (n > shown)
			fprintf(stderr, "  …\n");
		return NULL;
	}
	/* Unknown: the nearest ID, when one is near enough to be a slip. */
	size_t best = (size_t)-1, bi = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t d = cli_distance(id, c->items[i].id);
		if (d < best) {
			best = d;
			bi = i;
		}
	}
	size_t near = strlen(id) / 3 + 2;
	if (c->n && best <= near)
		cli_error(1, _("no article with ID '%s'; did you mean '%s'?"), id, c->items[bi].id);
	else
		cli_error(1, _("no article with ID '%s'"), id);
	return NULL;
}

int cli_show(struct annals *app, const char *id, FILE *out)
{
	const struct article *a = cli_find(app, id);
	if (!a)
		return 1;
	if (!annals_body(app, a, stderr))
		return 1;
	if (app->opt.json)
		return cli_dump_json(cli_article_json(a, true), out);
	char date[16], langs[64];
	adate_format(&a->date, date, sizeof date);
	cli_langs(a, langs, sizeof langs);
	fprintf(out, "%s\n", a->title ? a->title : "");
	fprintf(out, "%s%s  %s", a->date.inferred ? "~" : "", date[0] ? date : "-", langs);
	if (a->source)
		fprintf(out, "  %s", a->source);
	fputc('\n', out);
	if (a->url)
		fprintf(out, "%s\n", a->url);
	for (size_t i = 0; i < a->npara; i++) {
		const struct paragraph *p = &a->paras[i];
		/* An image is kept as its alt text; the label is the interface's. */
		if (p->kind == PARA_IMAGE && p->text[0])
			fprintf(out, "\n[%s: %s]\n", _("image"), p->text);
		else if (p->kind == PARA_IMAGE)
			fprintf(out, "\n[%s]\n", _("image"));
		else
			fprintf(out, "\n%s\n", p->text);
	}
	return 0;
}
