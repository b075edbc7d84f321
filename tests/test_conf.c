/* test_conf.c: the configuration file: every key, wrong lines (named by line,
 * the rest kept), quoting and comments, the environment, and the order in
 * which sources win (command line > environment > file > defaults). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "surface.h"
#include "xalloc.h"
#include "tap.h"

/* Reads text as a file named "cfg", line by line. */
static void read_text(struct conf *c, const char *text)
{
	int line = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		char *one = xstrndup(p, len);
		conf_read_line(c, one, "cfg", ++line);
		free(one);
		p += len;
		if (*p == '\n')
			p++;
	}
}

static char *error_at(const struct conf *c, size_t i)
{
	return i < c->nerrors ? conf_error_text(c, i) : xstrdup("(none)");
}

static void clear_env(void)
{
	static const char *const vars[] = {
		"ANNALS_COLLECTIONS", "ANNALS_UI_LANG", "ANNALS_READING_LANG", "ANNALS_SORT",
		"ANNALS_WIDTH", "ANNALS_AMBIGUOUS_WIDE", "ANNALS_BACKEND", "ANNALS_COLOURS",
		"NO_COLOR", "LANGUAGE", "LC_MESSAGES",
	};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
		unsetenv(vars[i]);
	setenv("LC_ALL", "C.UTF-8", 1);
}

static void test_defaults(void)
{
	struct conf c;
	conf_init(&c);
	tap_int_eq((long long)c.ncollections, 0, "defaults: no collections (the bundled one)");
	tap_ok(c.ui_lang == NULL && c.reading_lang == NULL && c.backend == NULL,
	       "defaults: no interface, reading language or backend chosen");
	tap_int_eq(c.sort, CONF_SORT_DATE, "defaults: sorted by date");
	tap_int_eq(c.width, 100, "defaults: lines of 100 columns at most");
	tap_ok(!c.ambiguous_wide, "defaults: ambiguous characters narrow");
	tap_int_eq(c.palette, PALETTE_DEFAULT, "defaults: the default palette");
	tap_int_eq(conf_elem_colour(&c, PALETTE_ACCENT), COLOR_CYAN, "defaults: accent is cyan");
	conf_free(&c);
}

static void test_every_key(void)
{
	struct conf c;
	conf_init(&c);
	setenv("HOME", "/home/reader", 1);
	read_text(&c,
		  "# my settings\n"
		  "collections = ~/news : /srv/archive.jsonl\n"
		  "ui-lang = fr\n"
		  "reading-lang = zh-Hant\n"
		  "sort = title\n"
		  "width = 72\n"
		  "ambiguous-wide = yes\n"
		  "backend = curses\n"
		  "colours = light\n"
		  "colour.mark = yellow\n"
		  "color.accent = default\n"
		  "bind J down\n"
		  "bind = K up\n"
		  "bind Ctrl-D none   # no half pages\n");
	tap_int_eq((long long)c.nerrors, 0, "every key: no errors");
	tap_int_eq((long long)c.ncollections, 2, "collections: two, separated by ':'");
	tap_str_eq(c.ncollections > 0 ? c.collections[0] : NULL, "/home/reader/news",
		   "collections: ~ is the home folder, blanks trimmed");
	tap_str_eq(c.ncollections > 1 ? c.collections[1] : NULL, "/srv/archive.jsonl",
		   "collections: a file");
	tap_str_eq(c.ui_lang, "fr", "ui-lang");
	tap_str_eq(c.reading_lang, "zh-Hant", "reading-lang");
	tap_int_eq(c.sort, CONF_SORT_TITLE, "sort");
	tap_int_eq(c.width, 72, "width");
	tap_ok(c.ambiguous_wide, "ambiguous-wide");
	tap_str_eq(c.backend, "curses", "backend");
	tap_int_eq(c.palette, PALETTE_LIGHT, "colours: a palette");
	tap_int_eq(conf_elem_colour(&c, PALETTE_MARK), COLOR_YELLOW, "colour.mark overrides");
	tap_int_eq(conf_elem_colour(&c, PALETTE_ACCENT), COLOR_NONE,
		   "color.accent (American spelling) = default: the terminal's colour");
	tap_int_eq(conf_elem_colour(&c, PALETTE_HIGHLIGHT), COLOR_MAGENTA,
		   "light palette: highlights in magenta, not yellow");
	tap_int_eq((long long)c.nbinds, 3, "three bind lines");
	tap_ok(c.nbinds == 3 && c.binds[2].code == 4 && c.binds[2].act == 0,
	       "bind Ctrl-D none: the key, unbound");
	tap_ok(c.nbinds == 3 && strcmp(c.binds[0].key, "J") == 0 &&
	       strcmp(c.binds[0].action, "down") == 0 && c.binds[0].line == 12,
	       "bind J down, with its line");
	tap_ok(c.nbinds == 3 && strcmp(c.binds[1].key, "K") == 0 &&
	       strcmp(c.binds[1].action, "up") == 0, "bind = K up");
	int8_t map[8];
	conf_colour_map(&c, map);
	tap_ok(map[COLOR_CYAN] == COLOR_NONE && map[COLOR_MAGENTA] == COLOR_YELLOW &&
	       map[COLOR_YELLOW] == COLOR_MAGENTA && map[COLOR_RED] == COLOR_RED,
	       "the colour map follows the palette and the overrides");
	conf_free(&c);
}

static void test_bad_lines(void)
{
	struct conf c;
	conf_init(&c);
	read_text(&c,
		  "width = 60\n"                /* 1 */
		  "no equals sign here\n"       /* 2 */
		  "colour = mauve\n"            /* 3: unknown key */
		  "width = wide\n"              /* 4 */
		  "sort = random\n"             /* 5 */
		  "ui-lang = klingon\n"         /* 6 */
		  "ambiguous-wide = maybe\n"    /* 7 */
		  "backend = dumb\n"            /* 8 */
		  "colours = sepia\n"           /* 9 */
		  "colour.accent = mauve\n"     /* 10 */
		  "colour.border = red\n"       /* 11 */
		  "reading-lang = 中文\n"        /* 12 */
		  "bind x\n"                    /* 13 */
		  "title = \"unclosed\n"        /* 14 */
		  "   = 3\n"                    /* 15 */
		  "width = -4\n"                /* 16 */
		  "sort = language\n"           /* 17 */
		  "bind Hyper-x down\n"         /* 18 */
		  "bind j fly\n");              /* 19 */
	tap_int_eq((long long)c.nerrors, 17, "seventeen bad lines, seventeen errors");
	static const char *const want[] = {
		"cfg:2: expected 'key = value'",
		"cfg:3: unknown setting 'colour'",
		"cfg:4: 'wide' is not a width in columns (0 for the whole pane)",
		"cfg:5: unknown sort order 'random' (date, newest, title, language)",
		"cfg:6: unknown interface language 'klingon' (en, zh_CN, zh_TW, fr)",
		"cfg:7: 'maybe' is neither yes nor no",
		NULL, /* backend: depends on the backends built in */
		"cfg:9: unknown palette 'sepia' (default, light, mono)",
		"cfg:10: unknown colour 'mauve' (default, black, red, green, yellow, blue, magenta, cyan, white)",
		"cfg:11: unknown setting 'colour.border'",
		"cfg:12: '中文' is not a language tag (en, fr, zh-Hans, zh-Hant ...)",
		"cfg:13: expected 'bind KEY ACTION'",
		"cfg:14: unclosed quote",
		"cfg:15: expected 'key = value'",
		"cfg:16: '-4' is not a width in columns (0 for the whole pane)",
		"cfg:18: unknown key 'Hyper-x' (a character, Ctrl-X, Enter, Esc, Tab, Space, Up, PgDn ...)",
		"cfg:19: unknown action 'fly' (the help, ?, names them)",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		char *got = error_at(&c, i);
		if (want[i]) {
			char what[96];
			snprintf(what, sizeof what, "error %zu names the line and what is wrong", i + 1);
			tap_str_eq(got, want[i], what);
		} else {
			tap_ok(strncmp(got, "cfg:8: unknown backend 'dumb' (available: curses", 48) == 0,
			       "an unknown backend, with the ones built in");
			if (strncmp(got, "cfg:8: unknown backend 'dumb' (available: curses", 48) != 0)
				tap_diag("got: %s", got);
		}
		free(got);
	}
	tap_int_eq(c.width, 60, "the good lines are kept: width from line 1");
	tap_int_eq(c.sort, CONF_SORT_LANGUAGE, "and sort from the last line");
	tap_int_eq(c.palette, PALETTE_DEFAULT, "a wrong palette leaves the default");
	conf_free(&c);
}

static void test_quoting(void)
{
	struct conf c;
	conf_init(&c);
	read_text(&c,
		  "  # an indented comment\n"
		  "\n"
		  "\t\n"
		  "collections = \"/data/news #1\"   # a quoted path keeps its #\n"
		  "width = 80 # a trailing comment\n"
		  "reading-lang=fr\n"
		  "backend = \"cur\\\"ses\"\n");
	tap_int_eq((long long)c.nerrors, 1, "only the escaped quote's backend is wrong");
	tap_str_eq(c.ncollections ? c.collections[0] : NULL, "/data/news #1",
		   "a quoted value keeps # and spaces");
	tap_int_eq(c.width, 80, "a trailing # comment is dropped");
	tap_str_eq(c.reading_lang, "fr", "no spaces around '=' is fine");
	char *e = error_at(&c, 0);
	tap_ok(strstr(e, "'cur\"ses'") != NULL, "\\\" in quotes is a quote");
	free(e);
	conf_free(&c);
}

static void test_precedence(void)
{
	clear_env();
	struct conf c;
	conf_init(&c);
	const char *fmt, *arg;
	/* The command line first, then the rest: order of reading does not matter. */
	tap_ok(conf_set(&c, "width", "100", CONF_CLI, &fmt, &arg), "command line: width 100");
	setenv("ANNALS_WIDTH", "90", 1);
	setenv("ANNALS_SORT", "title", 1);
	conf_read_env(&c);
	read_text(&c, "width = 70\nsort = language\ncolours = light\n");
	tap_int_eq(c.width, 100, "command line > environment > file");
	tap_int_eq(c.sort, CONF_SORT_TITLE, "environment > file");
	tap_int_eq(c.palette, PALETTE_LIGHT, "file > default");
	tap_int_eq(c.src[CONF_WIDTH], CONF_CLI, "width: from the command line");
	tap_int_eq(c.src[CONF_SORT], CONF_ENV, "sort: from the environment");
	tap_int_eq(c.src[CONF_COLOURS], CONF_FILE, "colours: from the file");
	/* A weaker source's mistake is still reported. */
	read_text(&c, "width = lots\n");
	tap_int_eq((long long)c.nerrors, 1, "a wrong value under a stronger one is still reported");
	/* NO_COLOR is the environment's palette: mono, unless the command line said. */
	setenv("NO_COLOR", "1", 1);
	conf_read_env(&c);
	tap_int_eq(c.palette, PALETTE_MONO, "NO_COLOR: mono, over the file's palette");
	int8_t map[8];
	conf_colour_map(&c, map);
	tap_ok(map[COLOR_YELLOW] == COLOR_NONE && map[COLOR_RED] == COLOR_NONE,
	       "mono: every colour is the terminal's own");
	unsetenv("NO_COLOR");
	/* The interface language: LANGUAGE counts, LANG does not (it is the
	 * system's default, below the file). */
	struct conf d;
	conf_init(&d);
	setenv("LANG", "zh_CN.UTF-8", 1);
	conf_read_env(&d);
	read_text(&d, "ui-lang = fr\n");
	tap_str_eq(d.ui_lang, "fr", "LANG=zh_CN: the file's ui-lang wins");
	conf_free(&d);
	conf_init(&d);
	setenv("LANGUAGE", "zh_TW:fr", 1);
	conf_read_env(&d);
	read_text(&d, "ui-lang = fr\n");
	tap_str_eq(d.ui_lang, "zh_TW", "LANGUAGE=zh_TW:fr: the environment's first language wins");
	tap_str_eq(d.src_where[CONF_UI_LANG], "LANGUAGE", "and says where it came from");
	conf_free(&d);
	conf_init(&d);
	setenv("LC_ALL", "C", 1);
	conf_read_env(&d);
	tap_ok(d.ui_lang == NULL, "LC_ALL=C: LANGUAGE is ignored, as gettext does");
	conf_free(&d);
	conf_init(&d);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("ANNALS_UI_LANG", "en", 1);
	conf_read_env(&d);
	tap_str_eq(d.ui_lang, "en", "ANNALS_UI_LANG beats LANGUAGE");
	conf_free(&d);
	unsetenv("LANG");
	clear_env();
	conf_free(&c);
}

static void test_env_errors(void)
{
	clear_env();
	struct conf c;
	conf_init(&c);
	setenv("ANNALS_WIDTH", "narrow", 1);
	setenv("ANNALS_COLLECTIONS", "/a:/b", 1);
	conf_read_env(&c);
	char *e = error_at(&c, 0);
	tap_str_eq(e, "ANNALS_WIDTH: 'narrow' is not a width in columns (0 for the whole pane)",
		   "a wrong environment value names the variable");
	free(e);
	tap_int_eq((long long)c.ncollections, 2, "ANNALS_COLLECTIONS: a ':' list");
	const char *paths[] = { "/cli" };
	conf_set_collections(&c, paths, 1, CONF_CLI);
	tap_ok(c.ncollections == 1 && strcmp(c.collections[0], "/cli") == 0,
	       "-C replaces the environment's collections");
	conf_set_collections(&c, paths, 0, CONF_FILE);
	tap_int_eq((long long)c.ncollections, 1, "and a weaker source cannot take them back");
	conf_free(&c);
	clear_env();
}

static void test_file(void)
{
	char dir[] = "/tmp/annals-conf-XXXXXX";
	if (!mkdtemp(dir)) {
		tap_ok(false, "a scratch folder");
		return;
	}
	char *path = xasprintf("%s/config", dir);
	struct conf c;
	conf_init(&c);
	tap_ok(!conf_read_file(&c, path) && c.nerrors == 0, "a missing file is no error");
	FILE *f = fopen(path, "w");
	fputs("width = 64\r\nsort = bogus\nbind q quit\n", f);
	fclose(f);
	tap_ok(conf_read_file(&c, path), "the file is read");
	tap_int_eq(c.width, 64, "a CRLF line is read");
	char *e = error_at(&c, 0);
	char *want = xasprintf("%s:2: unknown sort order 'bogus' (date, newest, title, language)", path);
	tap_str_eq(e, want, "an error names the file and the line");
	free(e);
	free(want);
	tap_ok(c.nbinds == 1 && c.binds[0].file == c.path, "a bind remembers its file");
	/* The dump reads back as the same configuration. */
	char *dump = xasprintf("%s/dump", dir);
	f = fopen(dump, "w");
	conf_dump(&c, f);
	fclose(f);
	struct conf d;
	conf_init(&d);
	conf_read_file(&d, dump);
	tap_int_eq((long long)d.nerrors, 0, "--dump-config's output is a valid file");
	tap_ok(d.width == 64 && d.nbinds == 1 && d.sort == c.sort && d.palette == c.palette,
	       "and reads back as the same settings");
	conf_free(&d);
	unlink(dump);
	free(dump);
	/* Setting XDG_CONFIG_HOME decides where the file is. */
	setenv("XDG_CONFIG_HOME", dir, 1);
	char *p = conf_default_path();
	char *w = xasprintf("%s/annals/config", dir);
	tap_str_eq(p, w, "$XDG_CONFIG_HOME/annals/config");
	free(p);
	free(w);
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);
	setenv("HOME", "/home/reader", 1);
	p = conf_default_path();
	tap_str_eq(p, "/home/reader/.config/annals/config",
		   "a relative XDG_CONFIG_HOME is ignored: ~/.config/annals/config");
	free(p);
	conf_free(&c);
	unlink(path);
	free(path);
	rmdir(dir);
}

int main(void)
{
	/* These tests read no real configuration: everything comes from the text above. */
	clear_env();
	test_defaults();
	test_every_key();
	test_bad_lines();
	test_quoting();
	test_precedence();
	test_env_errors();
	test_file();
	return tap_done();
}
