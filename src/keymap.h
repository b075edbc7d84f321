/* keymap.h: what the browser's keys do. Every key is bound to a named action
 * ("quit", "page-down", "next-year" ...); the panes act on actions, never on
 * keys, so a key can be rebound (a config file's "bind KEY ACTION") without
 * touching them, and the help screen lists whatever the keys now are.
 *
 * An action belongs to a scope: most work everywhere, a few only where they
 * mean something ("next-year" in the timeline, "next-event" in the reader,
 * "swap-sides" reading side by side). One key can be bound once per scope, so
 * ] is next-year in the timeline and next-event in the reader. A lookup tries
 * the scope of where the focus is first, then the wider ones (side by side
 * reading is a reader: split, then reader, then everywhere).
 *
 * Not here, on purpose: what is typed at a prompt (text and its readline
 * editing keys), and the digits of a count (5j), which come before a key. */
#ifndef ANNALS_KEYMAP_H
#define ANNALS_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The actions. Their names (keymap_action_name) are a contract: config files
 * and the man page use them; add new ones, never rename. */
enum action {
	ACT_NONE = 0,
	ACT_QUIT,                       /* q: close what is open; quit at the top */
	ACT_CLOSE,                      /* Esc: close what is open; never quits */
	ACT_HELP,
	ACT_NEXT_PANE,
	ACT_PREV_PANE,
	ACT_UP,
	ACT_DOWN,
	ACT_HALF_PAGE_UP,
	ACT_HALF_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_TOP,
	ACT_BOTTOM,                     /* with a count: that row (20G) */
	ACT_OPEN,
	ACT_PREV_YEAR,                  /* timeline */
	ACT_NEXT_YEAR,
	ACT_PREV_EVENT,                 /* reader */
	ACT_NEXT_EVENT,
	ACT_PREV_PARAGRAPH,             /* reader */
	ACT_NEXT_PARAGRAPH,
	ACT_GO_TO_YEAR,
	ACT_SEARCH,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_LANGUAGE_FILTER,
	ACT_SORT,
	ACT_FILTER,
	ACT_SIDE_BY_SIDE,
	ACT_SWAP_SIDES,                 /* side by side */
	ACT_SYNC_SCROLL,
	ACT_INTERFACE_LANGUAGE,
	ACT_REDRAW,
	ACT_SUSPEND,
	ACT_MARK,                       /* the reading state (app_state.c) */
	ACT_MARKS,
	ACT_TOGGLE_READ,
	ACT_UNREAD,
	ACT_BACK,
	ACT_OPEN_URL,                   /* links out (app_links.c) */
	ACT_EDIT,
	ACT_PIPE,
	ACT_COPY,                       /* reader */
	ACT_COUNT
};

enum keymap_scope {
	KEYMAP_ANY = 0,                 /* everywhere in the browser */
	KEYMAP_TIMELINE,
	KEYMAP_READER,
	KEYMAP_SPLIT,                   /* side-by-side reading (falls back on the reader's) */
	KEYMAP_SCOPES
};

/* Control keys arrive as their code points: Ctrl-A is 1 ... Ctrl-Z is 26
 * (except Ctrl-H, Ctrl-I and Ctrl-M, which are Backspace, Tab and Enter). */
#define KEYMAP_CTRL(c) ((uint32_t)((c) & 0x1f))

#define KEYMAP_MAX 192

struct keymap_binding {
	uint32_t key;
	enum action act;
};

struct keymap {
	struct keymap_binding v[KEYMAP_MAX];
	size_t n;
};

/* The action's stable name ("page-down"), or NULL for ACT_NONE and out of range. */
const char *keymap_action_name(enum action a);
/* The action called name, or ACT_NONE. */
enum action keymap_action_by_name(const char *name);
enum keymap_scope keymap_action_scope(enum action a);

/* The default keys (the man page's KEYS). */
void keymap_defaults(struct keymap *km);
/* Binds key to a in a's scope (replacing what key did there); ACT_NONE
 * unbinds key in every scope. False when the map is full. */
bool keymap_bind(struct keymap *km, uint32_t key, enum action a);
/* What key does where the focus is, or ACT_NONE. */
enum action keymap_lookup(const struct keymap *km, uint32_t key, enum keymap_scope where);
/* The keys bound to a, in the order they were bound; returns how many (up to max). */
size_t keymap_keys(const struct keymap *km, enum action a, uint32_t *keys, size_t max);

/* A key from its name: a character ("q", "]", "日"), "Ctrl-D" / "C-d" / "^D",
 * Enter, Esc (Escape), Tab, Shift-Tab (S-Tab, BTab), Space, Backspace, Delete,
 * Up, Down, Left, Right, PgUp (PageUp), PgDn (PageDown), Home, End; case
 * does not matter for the names. False when name is none of these. */
bool keymap_parse_key(const char *name, uint32_t *key);
/* A key's name as the help shows it (↑, PgDn, Ctrl-D; Enter, Space and Esc in
 * the interface language), in buf. */
const char *keymap_key_name(uint32_t key, char *buf, size_t size);

#endif
