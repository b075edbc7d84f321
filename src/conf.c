/* conf.c: the configuration file, the environment's settings, and which one
 * wins (conf.h). The file is plain "key = value" lines, # comments, and
 * "bind KEY ACTION" lines, the way newsboat's and mutt's are. */
#include <config.h>
#include "conf.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "i18n.h"
#include "keymap.h"
#include "surface.h"
#include "term.h"
#include "uilang.h"
#include "xalloc.h"

#define CONF_LINE_MAX 4096

static const char *const conf_keys[CONF_NKEYS] = {
	"collections", "ui-lang", "reading-lang", "sort", "width", "ambiguous-wide", "backend",
	"colours",
};
static const char *const conf_elems[PALETTE_NELEM] = {
	"accent", "highlight", "bar", "mark", "unread",
};
static const char *const conf_palettes[] = { "default", "light", "mono" };
/* In the order of enum list_sort (ui.h). */
static const char *const conf_sorts[] = { "date", "newest", "title", "language" };
static const char *const conf_colours[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* Each palette's colour of each element (accent, highlight, bar, mark, unread).
 * light: no yellow or cyan, which vanish on a white background. */
static const int8_t conf_palette_colours[3][PALETTE_NELEM] = {
	{ COLOR_CYAN, COLOR_YELLOW, COLOR_GREEN, COLOR_MAGENTA, COLOR_NONE },
	{ COLOR_BLUE, COLOR_MAGENTA, COLOR_GREEN, COLOR_RED, COLOR_NONE },
	{ COLOR_NONE, COLOR_NONE, COLOR_NONE, COLOR_NONE, COLOR_NONE },
};

void conf_init(struct conf *c)
{
	memset(c, 0, sizeof *c);
	/* Lines of a hundred columns at most: on a wide screen a line of 180
	 * is hard to follow back to its start. */
	c->width = UI_READ_WIDTH;
	for (size_t i = 0; i < PALETTE_NELEM; i++)
		c->colour[i] = PALETTE_UNSET;
}

void conf_free(struct conf *c)
{
	free(c->path);
	for (size_t i = 0; i < c->ncollections; i++)
		free(c->collections[i]);
	free(c->collections);
	free(c->ui_lang);
	free(c->reading_lang);
	free(c->backend);
	for (size_t i = 0; i < c->nbinds; i++) {
		free(c->binds[i].key);
		free(c->binds[i].action);
	}
	free(c->binds);
	for (size_t i = 0; i < CONF_NSLOTS; i++)
		free(c->src_where[i]);
	for (size_t i = 0; i < c->nerrors; i++) {
		free(c->errors[i].where);
		free(c->errors[i].a);
		free(c->errors[i].b);
	}
	free(c->errors);
	memset(c, 0, sizeof *c);
}

char *conf_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	/* The XDG specification: a relative path is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/annals/config", xdg);
	const char *home = getenv("HOME");
	if (home && home[0])
		return xasprintf("%s/.config/annals/config", home);
	return NULL;
}

const char *conf_palette_name(enum palette_name p)
{
	return (unsigned)p < 3 ? conf_palettes[p] : "default";
}

const char *conf_elem_name(enum palette_elem e)
{
	return (unsigned)e < PALETTE_NELEM ? conf_elems[e] : "";
}

const char *conf_sort_name(enum conf_sort s)
{
	return (unsigned)s < 4 ? conf_sorts[s] : "date";
}

const char *conf_key_name(enum conf_key k)
{
	return (unsigned)k < CONF_NKEYS ? conf_keys[k] : "";
}

const char *conf_colour_name(int colour)
{
	return colour >= 0 && colour < 8 ? conf_colours[colour] : "default";
}

void conf_colour_map(const struct conf *c, int8_t map[8])
{
	/* The colour the panes draw each element in (the default palette's). */
	static const int8_t drawn[PALETTE_NELEM] = {
		COLOR_CYAN, COLOR_YELLOW, COLOR_GREEN, COLOR_MAGENTA, COLOR_BLUE,
	};
	for (int i = 0; i < 8; i++)
		map[i] = c->palette == PALETTE_MONO ? COLOR_NONE : (int8_t)i;
	for (size_t e = 0; e < PALETTE_NELEM; e++)
		map[drawn[e]] = (int8_t)conf_elem_colour(c, (enum palette_elem)e);
}

int conf_elem_colour(const struct conf *c, enum palette_elem e)
{
	if ((unsigned)e >= PALETTE_NELEM)
		return COLOR_NONE;
	if (c->colour[e] != PALETTE_UNSET)
		return c->colour[e];
	return conf_palette_colours[c->palette][e];
}

/* Index of word in names[0..n), or -1. */
static int conf_lookup(const char *word, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(word, names[i]) == 0)
			return (int)i;
	return -1;
}

static bool conf_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	if (conf_lookup(v, yes, 4) >= 0)
		*out = true;
	else if (conf_lookup(v, no, 4) >= 0)
		*out = false;
	else
		return false;
	return true;
}

/* A language tag as articles carry them: letters, digits and '-', starting
 * with two or three letters (en, fr, zh-Hans, zh-Hant). */
static bool conf_lang_tag(const char *v)
{
	size_t n = strlen(v), letters = 0;
	if (n == 0 || n >= LANG_TAG_MAX)
		return false;
	while (isalpha((unsigned char)v[letters]))
		letters++;
	if (letters < 2 || letters > 3 || (v[letters] != '\0' && v[letters] != '-'))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i]) && v[i] != '-')
			return false;
	return v[n - 1] != '-';
}

/* "~/x" is $HOME/x, as a shell would have it on the command line. */
static char *conf_expand(const char *path, size_t n)
{
	const char *home = getenv("HOME");
	if (n >= 1 && path[0] == '~' && (n == 1 || path[1] == '/') && home && home[0])
		return xasprintf("%s%.*s", home, (int)(n - 1), path + 1);
	return xstrndup(path, n);
}

static void conf_clear_collections(struct conf *c)
{
	for (size_t i = 0; i < c->ncollections; i++)
		free(c->collections[i]);
	free(c->collections);
	c->collections = NULL;
	c->ncollections = 0;
}

void conf_set_collections(struct conf *c, const char *const *paths, size_t n,
			  enum conf_source src)
{
	if (src < c->src[CONF_COLLECTIONS])
		return;
	conf_clear_collections(c);
	c->collections = xcalloc(n ? n : 1, sizeof *c->collections);
	for (size_t i = 0; i < n; i++)
		c->collections[i] = xstrdup(paths[i]);
	c->ncollections = n;
	c->src[CONF_COLLECTIONS] = src;
}

static void conf_split_collections(struct conf *c, const char *v)
{
	conf_clear_collections(c);
	size_t cap = 0;
	/* A list like $PATH: folders and files separated by ':'. */
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, ":");
		while (len > 0 && isspace((unsigned char)p[len - 1]))
			len--;
		if (len > 0) {
			xgrow((void **)&c->collections, &cap, c->ncollections + 1,
			      sizeof *c->collections);
			c->collections[c->ncollections++] = conf_expand(p, len);
		}
		p += strcspn(p, ":");
		if (*p == ':')
			p++;
		while (isspace((unsigned char)*p))
			p++;
	}
}

static void conf_set_str(char **field, const char *v)
{
	free(*field);
	*field = v[0] ? xstrdup(v) : NULL;
}

/* "colour.accent" (or "color.accent"): the element's index, else -1. */
static int conf_colour_key(const char *key)
{
	if (strncmp(key, "colour.", 7) == 0)
		return conf_lookup(key + 7, conf_elems, PALETTE_NELEM);
	if (strncmp(key, "color.", 6) == 0)
		return conf_lookup(key + 6, conf_elems, PALETTE_NELEM);
	return -1;
}

/* The slot of a key (conf.h), or -1 for one we do not know. */
static int conf_slot(const char *key)
{
	int elem = conf_colour_key(key);
	if (elem >= 0)
		return CONF_NKEYS + elem;
	if (strcmp(key, "colors") == 0)
		return CONF_COLOURS;
	return conf_lookup(key, conf_keys, CONF_NKEYS);
}

bool conf_set(struct conf *c, const char *key, const char *value, enum conf_source src,
		const char **fmt, const char **arg)
{
	*arg = value;
	int elem = conf_colour_key(key);
	if (elem >= 0) {
		bool dflt = strcmp(value, "default") == 0;
		int col = dflt ? COLOR_NONE : conf_lookup(value, conf_colours, 8);
		if (!dflt && col < 0) {
			*fmt = N_("unknown colour '%s' (default, black, red, green, yellow, "
				  "blue, magenta, cyan, white)");
			return false;
		}
		if (src >= c->src[CONF_NKEYS + elem]) {
			c->colour[elem] = (int8_t)col;
			c->src[CONF_NKEYS + elem] = src;
		}
		return true;
	}
	int k = strcmp(key, "colors") == 0 ? CONF_COLOURS
	      : conf_lookup(key, conf_keys, CONF_NKEYS);
	if (k < 0) {
		*arg = key;
		*fmt = N_("unknown setting '%s'");
		return false;
	}
	/* Checked whatever the source, so that a mistake is reported even when a
	 * stronger source hides it. */
	enum uilang_id lang;
	bool yes = false;
	int idx = 0;
	long width = 0;
	switch ((enum conf_key)k) {
	case CONF_UI_LANG:
		/* Empty: the environment's, as if unset. */
		if (value[0] && !uilang_parse(value, &lang)) {
			*fmt = N_("unknown interface language '%s' (en, zh_CN, zh_TW, fr)");
			return false;
		}
		break;
	case CONF_READING_LANG:
		if (value[0] && !conf_lang_tag(value)) {
			*fmt = N_("'%s' is not a language tag (en, fr, zh-Hans, zh-Hant ...)");
			return false;
		}
		break;
	case CONF_SORT:
		if ((idx = conf_lookup(value, conf_sorts, 4)) < 0) {
			*fmt = N_("unknown sort order '%s' (date, newest, title, language)");
			return false;
		}
		break;
	case CONF_WIDTH: {
		char *end;
		errno = 0;
		width = strtol(value, &end, 10);
		if (value[0] == '\0' || *end != '\0' || errno || width < 0 || width > 10000) {
			*fmt = N_("'%s' is not a width in columns (0 for the whole pane)");
			return false;
		}
		break;
	}
	case CONF_AMBIGUOUS_WIDE:
		if (!conf_bool(value, &yes)) {
			*fmt = N_("'%s' is neither yes nor no");
			return false;
		}
		break;
	case CONF_BACKEND: {
		char err[256];
		if (!term_backend_check(value, err, sizeof err)) {
			*fmt = N_("unknown backend '%s' (available: %s)");
			*arg = value;
			return false;
		}
		break;
	}
	case CONF_COLOURS:
		if ((idx = conf_lookup(value, conf_palettes, 3)) < 0) {
			*fmt = N_("unknown palette '%s' (default, light, mono)");
			return false;
		}
		break;
	default:
		break;
	}
	if (src < c->src[k])
		return true;
	c->src[k] = src;
	switch ((enum conf_key)k) {
	case CONF_COLLECTIONS: conf_split_collections(c, value); break;
	case CONF_UI_LANG: conf_set_str(&c->ui_lang, value); break;
	case CONF_READING_LANG: conf_set_str(&c->reading_lang, value); break;
	case CONF_SORT: c->sort = (enum conf_sort)idx; break;
	case CONF_WIDTH: c->width = (int)width; break;
	case CONF_AMBIGUOUS_WIDE: c->ambiguous_wide = yes; break;
	case CONF_BACKEND: conf_set_str(&c->backend, value); break;
	case CONF_COLOURS: c->palette = (enum palette_name)idx; break;
	default: break;
	}
	return true;
}

static void conf_error(struct conf *c, const char *where, int line, const char *fmt,
			 const char *a, const char *b)
{
	xgrow((void **)&c->errors, &c->caperrors, c->nerrors + 1, sizeof *c->errors);
	c->errors[c->nerrors++] = (struct conf_error){
		xstrdup(where), line, fmt, a ? xstrdup(a) : NULL, b ? xstrdup(b) : NULL,
	};
}

/* Sets key from src and records a wrong value as an error at where:line, or
 * where the value came from when it was taken (for --dump-config). */
static void conf_apply(struct conf *c, const char *key, const char *value,
			 enum conf_source src, const char *where, int line)
{
	const char *fmt, *arg;
	int slot = conf_slot(key);
	enum conf_source before = slot >= 0 ? c->src[slot] : CONF_DEFAULT;
	if (!conf_set(c, key, value, src, &fmt, &arg)) {
		conf_error(c, where, line, fmt, arg,
			     strcmp(fmt, "unknown backend '%s' (available: %s)") == 0 ? term_backends()
										 : NULL);
		return;
	}
	if (slot >= 0 && src >= before) {
		free(c->src_where[slot]);
		c->src_where[slot] = xstrdup(where);
		c->src_line[slot] = line;
	}
}

/* Strips a "quoted value" (with \" and \\ inside) or a bare one ending at an
 * unquoted " #" comment; trims blanks. Returns false on an unclosed quote. */
static bool conf_value(const char *s, char *out, size_t size)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = 0;
	if (*s == '"') {
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
				s++;
			if (n + 1 < size)
				out[n++] = *s;
		}
		if (*s != '"')
			return false;
		out[n] = '\0';
		for (s++; *s == ' ' || *s == '\t'; s++)
			;
		return *s == '\0' || *s == '#';
	}
	for (; *s; s++) {
		if (*s == '#' && n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
			break;
		if (n + 1 < size)
			out[n++] = *s;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		n--;
	out[n] = '\0';
	return true;
}

/* "bind KEY ACTION": two words after bind (or after "bind ="). */
static void conf_read_bind(struct conf *c, const char *rest, const char *where, int line)
{
	char words[2][128];
	size_t nw = 0;
	const char *p = rest;
	while (*p == ' ' || *p == '\t' || *p == '=')
		p++;
	while (*p && *p != '#' && nw < 3) {
		size_t len = strcspn(p, " \t");
		if (nw < 2) {
			if (len >= sizeof words[0])
				len = sizeof words[0] - 1;
			memcpy(words[nw], p, len);
			words[nw][len] = '\0';
		}
		nw++;
		p += strcspn(p, " \t");
		while (*p == ' ' || *p == '\t')
			p++;
	}
	if (nw != 2) {
		conf_error(c, where, line, N_("expected 'bind KEY ACTION'"), NULL, NULL);
		return;
	}
	uint32_t key;
	if (!keymap_parse_key(words[0], &key)) {
		conf_error(c, where, line, N_("unknown key '%s' (a character, Ctrl-X, Enter, Esc, "
					      "Tab, Space, Up, PgDn ...)"), words[0], NULL);
		return;
	}
	/* "none" unbinds the key. */
	enum action act = keymap_action_by_name(words[1]);
	if (act == ACT_NONE && strcmp(words[1], "none") != 0) {
		conf_error(c, where, line, N_("unknown action '%s' (the help, ?, names them)"),
			   words[1], NULL);
		return;
	}
	xgrow((void **)&c->binds, &c->capbinds, c->nbinds + 1, sizeof *c->binds);
	c->binds[c->nbinds++] = (struct conf_bind){
		xstrdup(words[0]), xstrdup(words[1]), c->path, line, key, (int)act,
	};
}

void conf_read_line(struct conf *c, const char *text, const char *where, int line)
{
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#')
		return;
	if (strncmp(p, "bind", 4) == 0 && (p[4] == ' ' || p[4] == '\t')) {
		const char *q = p + 4;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q != '=' || q[1] == ' ' || q[1] == '\t' || q[1] == '\0') {
			conf_read_bind(c, q, where, line);
			return;
		}
	}
	const char *eq = strchr(p, '=');
	if (eq == NULL) {
		conf_error(c, where, line, N_("expected 'key = value'"), NULL, NULL);
		return;
	}
	size_t klen = (size_t)(eq - p);
	while (klen > 0 && (p[klen - 1] == ' ' || p[klen - 1] == '\t'))
		klen--;
	char key[64], value[CONF_LINE_MAX];
	if (klen == 0 || klen >= sizeof key) {
		conf_error(c, where, line, N_("expected 'key = value'"), NULL, NULL);
		return;
	}
	memcpy(key, p, klen);
	key[klen] = '\0';
	if (!conf_value(eq + 1, value, sizeof value)) {
		conf_error(c, where, line, N_("unclosed quote"), NULL, NULL);
		return;
	}
	if (strcmp(key, "bind") == 0) {
		conf_read_bind(c, value, where, line);
		return;
	}
	conf_apply(c, key, value, CONF_FILE, where, line);
}

bool conf_read_file(struct conf *c, const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		if (errno != ENOENT)
			conf_error(c, path, 0, N_("cannot read the configuration: %s"),
				     strerror(errno), NULL);
		return false;
	}
	free(c->path);
	c->path = xstrdup(path);
	struct buf b;
	buf_init(&b);
	int line = 0, ch = 0;
	while (ch != EOF) {
		b.len = 0;
		buf_add(&b, "", 0);
		while ((ch = getc(f)) != EOF && ch != '\n')
			buf_addc(&b, (char)ch);
		if (ch == EOF && b.len == 0)
			break;
		line++;
		if (b.len && b.data[b.len - 1] == '\r')
			b.data[--b.len] = '\0';
		if (b.len >= CONF_LINE_MAX || strlen(b.data) != b.len)
			conf_error(c, path, line, N_("line too long or not text"), NULL, NULL);
		else
			conf_read_line(c, b.data, path, line);
	}
	if (ferror(f))
		conf_error(c, path, 0, N_("cannot read the configuration: %s"), strerror(errno),
			     NULL);
	buf_free(&b);
	fclose(f);
	return true;
}

void conf_read_env(struct conf *c)
{
	for (size_t k = 0; k < CONF_NKEYS; k++) {
		char name[64] = "ANNALS_";
		size_t n = strlen(name);
		for (const char *p = conf_keys[k]; *p && n + 1 < sizeof name; p++)
			name[n++] = *p == '-' ? '_' : (char)toupper((unsigned char)*p);
		name[n] = '\0';
		const char *v = getenv(name);
		if (v && v[0])
			conf_apply(c, conf_keys[k], v, CONF_ENV, name, 0);
	}
	/* The conventions every program follows (no-color.org; gettext). LANG
	 * is the system's default rather than a choice for annals, so it stays
	 * below the file: only LANGUAGE, LC_ALL and LC_MESSAGES count here. */
	const char *nc = getenv("NO_COLOR");
	if (nc && nc[0] && c->src[CONF_COLOURS] <= CONF_ENV)
		conf_apply(c, "colours", "mono", CONF_ENV, "NO_COLOR", 0);
	if (c->src[CONF_UI_LANG] < CONF_ENV) {
		static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES" };
		const char *lc_all = getenv("LC_ALL");
		for (size_t i = 0; i < 3; i++) {
			const char *v = getenv(vars[i]);
			enum uilang_id id;
			/* gettext ignores LANGUAGE in the plain C locale. */
			if (i == 0 && lc_all && (strcmp(lc_all, "C") == 0 || strcmp(lc_all, "POSIX") == 0))
				continue;
			if (v == NULL || v[0] == '\0')
				continue;
			char first[64];
			snprintf(first, sizeof first, "%.*s", (int)strcspn(v, ":"), v);
			if (uilang_parse(first, &id)) {
				conf_apply(c, "ui-lang", uilang_code(id), CONF_ENV, vars[i], 0);
				break;
			}
			if (i > 0 || strchr(v, ':') == NULL)
				break;
		}
	}
}

char *conf_error_text(const struct conf *c, size_t i)
{
	const struct conf_error *e = &c->errors[i];
	struct buf b;
	buf_init(&b);
	buf_adds(&b, e->where);
	if (e->line > 0)
		buf_printf(&b, ":%d", e->line);
	buf_adds(&b, ": ");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	buf_printf(&b, _(e->fmt), e->a ? e->a : "", e->b ? e->b : "");
#pragma GCC diagnostic pop
	return buf_take(&b);
}

void conf_print_errors(const struct conf *c, FILE *out)
{
	for (size_t i = 0; i < c->nerrors; i++) {
		char *t = conf_error_text(c, i);
		fprintf(out, "annals: %s\n", t);
		free(t);
	}
}

/* "# file, line 3", "# environment (ANNALS_WIDTH)", "# command line", "# default". */
static void conf_dump_source(FILE *out, enum conf_source src, const char *where, int line)
{
	fputs("    # ", out);
	switch (src) {
	case CONF_CLI: fputs(_("command line"), out); break;
	case CONF_ENV: fprintf(out, _("environment (%s)"), where ? where : ""); break;
	case CONF_FILE: fprintf(out, _("%s, line %d"), where ? where : "", line); break;
	default: fputs(_("default"), out); break;
	}
	fputc('\n', out);
}

/* A value as the file would hold it: quoted when a reader would change it. */
static void conf_dump_value(FILE *out, const char *v)
{
	bool quote = v[0] == '\0' || v[0] == ' ' || v[0] == '"' || strstr(v, " #") ||
		     v[strlen(v) - 1] == ' ';
	if (!quote) {
		fputs(v, out);
		return;
	}
	fputc('"', out);
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			fputc('\\', out);
		fputc(*v, out);
	}
	fputc('"', out);
}

void conf_dump(const struct conf *c, FILE *out)
{
	fprintf(out, "# %s\n", _("annals: the configuration in effect "
				 "(command line > environment > file > defaults)"));
	if (c->path)
		fprintf(out, "# %s\n", c->path);
	for (size_t k = 0; k < CONF_NKEYS; k++) {
		struct buf v;
		buf_init(&v);
		buf_add(&v, "", 0);
		switch ((enum conf_key)k) {
		case CONF_COLLECTIONS:
			for (size_t i = 0; i < c->ncollections; i++)
				buf_printf(&v, "%s%s", i ? ":" : "", c->collections[i]);
			break;
		case CONF_UI_LANG: buf_adds(&v, c->ui_lang ? c->ui_lang : ""); break;
		case CONF_READING_LANG: buf_adds(&v, c->reading_lang ? c->reading_lang : ""); break;
		case CONF_SORT: buf_adds(&v, conf_sort_name(c->sort)); break;
		case CONF_WIDTH: buf_printf(&v, "%d", c->width); break;
		case CONF_AMBIGUOUS_WIDE: buf_adds(&v, c->ambiguous_wide ? "yes" : "no"); break;
		case CONF_BACKEND: buf_adds(&v, c->backend ? c->backend : "curses"); break;
		case CONF_COLOURS: buf_adds(&v, conf_palette_name(c->palette)); break;
		default: break;
		}
		fprintf(out, "%s = ", conf_keys[k]);
		conf_dump_value(out, v.data);
		buf_free(&v);
		conf_dump_source(out, c->src[k], c->src_where[k], c->src_line[k]);
	}
	for (size_t e = 0; e < PALETTE_NELEM; e++) {
		fprintf(out, "colour.%s = %s", conf_elems[e],
			conf_colour_name(conf_elem_colour(c, (enum palette_elem)e)));
		size_t slot = c->colour[e] != PALETTE_UNSET ? CONF_NKEYS + e : CONF_COLOURS;
		conf_dump_source(out, c->src[slot], c->src_where[slot], c->src_line[slot]);
	}
	for (size_t i = 0; i < c->nbinds; i++) {
		fprintf(out, "bind %s %s", c->binds[i].key, c->binds[i].action);
		conf_dump_source(out, CONF_FILE, c->binds[i].file, c->binds[i].line);
	}
}
