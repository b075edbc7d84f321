/* conf.h: the configuration file ($XDG_CONFIG_HOME/annals/config) and the
 * order in which settings win: command line > environment > file > defaults.
 * Every layer goes through one setter, conf_set, which checks the value and
 * keeps it only when its source is at least as strong as the one it replaces;
 * so the order in which the layers are read does not matter, and every value
 * remembers where it came from (annals --dump-config shows it). Errors in the
 * file name the file and line and the rest of the file is kept. */
#ifndef ANNALS_CONF_H
#define ANNALS_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

enum conf_source { CONF_DEFAULT = 0, CONF_FILE, CONF_ENV, CONF_CLI };

enum conf_key {
	CONF_COLLECTIONS = 0, CONF_UI_LANG, CONF_READING_LANG, CONF_SORT, CONF_WIDTH,
	CONF_AMBIGUOUS_WIDE, CONF_BACKEND, CONF_COLOURS, CONF_NKEYS,
};

/* The elements a palette colours; each is drawn in one colour of the terminal's
 * palette, which a palette (or an override) maps to another. */
enum palette_elem {
	PALETTE_ACCENT = 0,             /* language badges, sources, the keys in the help */
	PALETTE_HIGHLIGHT,              /* search matches, the date read, year headings */
	PALETTE_BAR,                    /* the timeline's bars of events */
	PALETTE_MARK,                   /* a marked article or event */
	PALETTE_UNREAD,                 /* an article not read yet */
	PALETTE_NELEM,
};
enum palette_name { PALETTE_DEFAULT = 0, PALETTE_LIGHT, PALETTE_MONO };
#define PALETTE_UNSET (-2)             /* an element with no override */
#define CONF_NSLOTS (CONF_NKEYS + PALETTE_NELEM)

/* The sort orders of the list, in the order of enum list_sort (ui.h). */
enum conf_sort { CONF_SORT_DATE = 0, CONF_SORT_NEWEST, CONF_SORT_TITLE, CONF_SORT_LANGUAGE };

/* A "bind KEY ACTION" line, checked against the keymap's names (keymap.h)
 * when read: a wrong key or action is an error of its line. */
struct conf_bind {
	char *key, *action;             /* as written */
	char *file;                     /* where it was written (not owned: config's path) */
	int line;
	uint32_t code;                  /* the key */
	int act;                        /* enum action; ACT_NONE ("none"): unbinds the key */
};

/* A problem, kept with its message id so that it is translated when printed
 * (the file may itself change the interface language). */
struct conf_error {
	char *where;                    /* a file or an environment variable */
	int line;                       /* 0: none */
	const char *fmt;                /* msgid with up to two %s */
	char *a, *b;
};

/* The reader's widest line by default, in columns (--width, "width" in the
 * configuration; 0: as wide as the pane). */
#define UI_READ_WIDTH 100

struct conf {
	char *path;                     /* the file read, or NULL when there was none */
	char **collections;             /* the folders and files annals opens by default */
	size_t ncollections;
	char *ui_lang;                  /* NULL: the environment's */
	char *reading_lang;             /* a language tag, or NULL: none preferred */
	enum conf_sort sort;
	int width;                      /* the reader's widest line in columns; 0: the pane's */
	bool ambiguous_wide;
	char *backend;                  /* NULL: curses */
	enum palette_name palette;
	int8_t colour[PALETTE_NELEM];   /* overrides: a colour index, COLOR_NONE or PALETTE_UNSET */
	struct conf_bind *binds;
	size_t nbinds, capbinds;
	/* Where each value came from: a key's slot is its enum conf_key, the
	 * colour of element e is slot CONF_NKEYS + e. */
	enum conf_source src[CONF_NSLOTS];
	char *src_where[CONF_NSLOTS];   /* the file or variable, or NULL */
	int src_line[CONF_NSLOTS];
	struct conf_error *errors;
	size_t nerrors, caperrors;
};

void conf_init(struct conf *c);
void conf_free(struct conf *c);

/* The file annals reads: $XDG_CONFIG_HOME/annals/config, else
 * $HOME/.config/annals/config. Caller frees; NULL when neither is set. */
char *conf_default_path(void);

/* Sets key (as written in the file: "width", "colours", "colour.accent" ...)
 * to value from src. Returns false with a message id (and its arguments, which
 * point into value or static text) when the key or the value is wrong; a
 * weaker source than the current one is accepted and changes nothing. */
bool conf_set(struct conf *c, const char *key, const char *value, enum conf_source src,
		const char **fmt, const char **arg);

/* -C on the command line: the collections, replacing the file's. */
void conf_set_collections(struct conf *c, const char *const *paths, size_t n,
			  enum conf_source src);

/* Reads one line of a file (without its newline), as the file reader does:
 * blank lines and # comments are skipped, "key = value" and "bind KEY ACTION"
 * are set from CONF_FILE; a bad line becomes an error naming where and line. */
void conf_read_line(struct conf *c, const char *text, const char *where, int line);
/* Reads the file at path. A missing file is no error; an unreadable one is.
 * Returns whether a file was read. */
bool conf_read_file(struct conf *c, const char *path);
/* Reads the environment: ANNALS_<KEY> for each key (ANNALS_UI_LANG,
 * ANNALS_WIDTH ...), NO_COLOR (mono), and LANGUAGE, LC_ALL or LC_MESSAGES when
 * they name an interface language. */
void conf_read_env(struct conf *c);

/* "default", "light", "mono". */
const char *conf_palette_name(enum palette_name p);
const char *conf_elem_name(enum palette_elem e);
const char *conf_sort_name(enum conf_sort s);
const char *conf_key_name(enum conf_key k);
/* "red", "default" (COLOR_NONE) ... */
const char *conf_colour_name(int colour);
/* The colour each element is drawn in: the palette's, then the overrides.
 * COLOR_NONE: the terminal's default colour. */
int conf_elem_colour(const struct conf *c, enum palette_elem e);

/* The panes draw each element in the default palette's colour (accent cyan,
 * highlight yellow, bar green, mark magenta, unread blue); map[i] is the
 * colour that colour i is shown in (surface_recolour), COLOR_NONE for the
 * terminal's own. */
void conf_colour_map(const struct conf *c, int8_t map[8]);

/* Prints every error, translated, as "annals: FILE:LINE: message". */
void conf_print_errors(const struct conf *c, FILE *out);
/* The error i, translated, as "FILE:LINE: message". Caller frees. */
char *conf_error_text(const struct conf *c, size_t i);
/* Prints the effective configuration as a file annals can read, each value
 * followed by a comment saying where it came from. */
void conf_dump(const struct conf *c, FILE *out);

#endif
