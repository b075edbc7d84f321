/* keymap.c: the actions' names and scopes, the default keys, binding and
 * looking keys up, and key names both ways (keymap.h says why). */
#include <config.h>
#include "keymap.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "i18n.h"
#include "term.h"

static const struct {
	const char *name;
	enum keymap_scope scope;
} keymap_actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", KEYMAP_ANY },
	[ACT_QUIT] = { "quit", KEYMAP_ANY },
	[ACT_CLOSE] = { "close", KEYMAP_ANY },
	[ACT_HELP] = { "help", KEYMAP_ANY },
	[ACT_NEXT_PANE] = { "next-pane", KEYMAP_ANY },
	[ACT_PREV_PANE] = { "previous-pane", KEYMAP_ANY },
	[ACT_UP] = { "up", KEYMAP_ANY },
	[ACT_DOWN] = { "down", KEYMAP_ANY },
	[ACT_HALF_PAGE_UP] = { "half-page-up", KEYMAP_ANY },
	[ACT_HALF_PAGE_DOWN] = { "half-page-down", KEYMAP_ANY },
	[ACT_PAGE_UP] = { "page-up", KEYMAP_ANY },
	[ACT_PAGE_DOWN] = { "page-down", KEYMAP_ANY },
	[ACT_TOP] = { "top", KEYMAP_ANY },
	[ACT_BOTTOM] = { "bottom", KEYMAP_ANY },
	[ACT_OPEN] = { "open", KEYMAP_ANY },
	[ACT_PREV_YEAR] = { "previous-year", KEYMAP_TIMELINE },
	[ACT_NEXT_YEAR] = { "next-year", KEYMAP_TIMELINE },
	[ACT_PREV_EVENT] = { "previous-event", KEYMAP_READER },
	[ACT_NEXT_EVENT] = { "next-event", KEYMAP_READER },
	[ACT_PREV_PARAGRAPH] = { "previous-paragraph", KEYMAP_READER },
	[ACT_NEXT_PARAGRAPH] = { "next-paragraph", KEYMAP_READER },
	[ACT_GO_TO_YEAR] = { "go-to-year", KEYMAP_ANY },
	[ACT_SEARCH] = { "search", KEYMAP_ANY },
	[ACT_NEXT_MATCH] = { "next-match", KEYMAP_ANY },
	[ACT_PREV_MATCH] = { "previous-match", KEYMAP_ANY },
	[ACT_LANGUAGE_FILTER] = { "language-filter", KEYMAP_ANY },
	[ACT_SORT] = { "sort", KEYMAP_ANY },
	[ACT_FILTER] = { "filter", KEYMAP_ANY },
	[ACT_SIDE_BY_SIDE] = { "side-by-side", KEYMAP_ANY },
	[ACT_SWAP_SIDES] = { "swap-sides", KEYMAP_SPLIT },
	[ACT_SYNC_SCROLL] = { "sync-scroll", KEYMAP_SPLIT },
	[ACT_INTERFACE_LANGUAGE] = { "interface-language", KEYMAP_ANY },
	[ACT_REDRAW] = { "redraw", KEYMAP_ANY },
	[ACT_SUSPEND] = { "suspend", KEYMAP_ANY },
	[ACT_MARK] = { "mark", KEYMAP_ANY },
	[ACT_MARKS] = { "marks", KEYMAP_ANY },
	[ACT_TOGGLE_READ] = { "toggle-read", KEYMAP_ANY },
	[ACT_UNREAD] = { "unread", KEYMAP_ANY },
	[ACT_BACK] = { "back", KEYMAP_ANY },
	[ACT_OPEN_URL] = { "open-url", KEYMAP_ANY },
	[ACT_EDIT] = { "edit", KEYMAP_ANY },
	[ACT_PIPE] = { "pipe", KEYMAP_ANY },
	[ACT_COPY] = { "copy", KEYMAP_READER },
};

const char *keymap_action_name(enum action a)
{
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return NULL;
	return keymap_actions[a].name;
}

enum action keymap_action_by_name(const char *name)
{
	for (int a = 1; a < ACT_COUNT; a++)
		if (strcmp(keymap_actions[a].name, name) == 0)
			return (enum action)a;
	return ACT_NONE;
}

enum keymap_scope keymap_action_scope(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? keymap_actions[a].scope : KEYMAP_ANY;
}

void keymap_defaults(struct keymap *km)
{
	/* Where a key has a less or vi habit, it is that (j k g G b Space / n N
	 * q, Ctrl-D Ctrl-U Ctrl-F Ctrl-B, { }); the arrows and the page keys
	 * always work. The first key of an action is the one the help names
	 * first. */
	static const struct keymap_binding defaults[] = {
		{ 'q', ACT_QUIT },
		{ TERM_KEY_ESCAPE, ACT_CLOSE },
		{ '?', ACT_HELP },
		{ TERM_KEY_TAB, ACT_NEXT_PANE },
		{ TERM_KEY_BTAB, ACT_PREV_PANE },
		{ TERM_KEY_UP, ACT_UP }, { 'k', ACT_UP },
		{ TERM_KEY_DOWN, ACT_DOWN }, { 'j', ACT_DOWN },
		{ KEYMAP_CTRL('U'), ACT_HALF_PAGE_UP },
		{ KEYMAP_CTRL('D'), ACT_HALF_PAGE_DOWN },
		{ TERM_KEY_PGUP, ACT_PAGE_UP }, { 'b', ACT_PAGE_UP },
		{ KEYMAP_CTRL('B'), ACT_PAGE_UP },
		{ TERM_KEY_PGDN, ACT_PAGE_DOWN }, { ' ', ACT_PAGE_DOWN },
		{ KEYMAP_CTRL('F'), ACT_PAGE_DOWN },
		{ 'g', ACT_TOP }, { TERM_KEY_HOME, ACT_TOP },
		{ 'G', ACT_BOTTOM }, { TERM_KEY_END, ACT_BOTTOM },
		{ TERM_KEY_ENTER, ACT_OPEN },
		{ '[', ACT_PREV_YEAR }, { ']', ACT_NEXT_YEAR },
		{ '[', ACT_PREV_EVENT }, { ']', ACT_NEXT_EVENT },
		{ '{', ACT_PREV_PARAGRAPH }, { '}', ACT_NEXT_PARAGRAPH },
		{ 'y', ACT_GO_TO_YEAR },
		{ '/', ACT_SEARCH },
		{ 'n', ACT_NEXT_MATCH }, { 'N', ACT_PREV_MATCH },
		{ 'l', ACT_LANGUAGE_FILTER },
		{ 'o', ACT_SORT },
		{ 'f', ACT_FILTER },
		{ 's', ACT_SIDE_BY_SIDE },
		{ 'w', ACT_SWAP_SIDES },
		{ '=', ACT_SYNC_SCROLL },
		{ 'L', ACT_INTERFACE_LANGUAGE },
		{ KEYMAP_CTRL('L'), ACT_REDRAW },
		{ KEYMAP_CTRL('Z'), ACT_SUSPEND },
		{ 'm', ACT_MARK }, { '\'', ACT_MARKS },
		{ 'r', ACT_TOGGLE_READ }, { 'u', ACT_UNREAD },
		{ TERM_KEY_BACKSPACE, ACT_BACK }, { KEYMAP_CTRL('O'), ACT_BACK },
		{ 'M', ACT_OPEN_URL }, { 'e', ACT_EDIT }, { '|', ACT_PIPE }, { 'c', ACT_COPY },
	};
	memset(km, 0, sizeof *km);
	for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++)
		keymap_bind(km, defaults[i].key, defaults[i].act);
}

bool keymap_bind(struct keymap *km, uint32_t key, enum action a)
{
	enum keymap_scope sc = keymap_action_scope(a);
	size_t o = 0;
	for (size_t i = 0; i < km->n; i++) {
		bool same = km->v[i].key == key &&
			    (a == ACT_NONE || keymap_action_scope(km->v[i].act) == sc);
		if (!same)
			km->v[o++] = km->v[i];
	}
	km->n = o;
	if (a == ACT_NONE)
		return true;
	if (km->n >= KEYMAP_MAX)
		return false;
	km->v[km->n++] = (struct keymap_binding){ key, a };
	return true;
}

enum action keymap_lookup(const struct keymap *km, uint32_t key, enum keymap_scope where)
{
	/* The narrowest scope first. */
	static const enum keymap_scope chain[KEYMAP_SCOPES][3] = {
		[KEYMAP_ANY] = { KEYMAP_ANY, KEYMAP_ANY, KEYMAP_ANY },
		[KEYMAP_TIMELINE] = { KEYMAP_TIMELINE, KEYMAP_ANY, KEYMAP_ANY },
		[KEYMAP_READER] = { KEYMAP_READER, KEYMAP_ANY, KEYMAP_ANY },
		[KEYMAP_SPLIT] = { KEYMAP_SPLIT, KEYMAP_READER, KEYMAP_ANY },
	};
	if ((unsigned)where >= KEYMAP_SCOPES)
		where = KEYMAP_ANY;
	for (int c = 0; c < 3; c++)
		for (size_t i = 0; i < km->n; i++)
			if (km->v[i].key == key && keymap_action_scope(km->v[i].act) == chain[where][c])
				return km->v[i].act;
	return ACT_NONE;
}

size_t keymap_keys(const struct keymap *km, enum action a, uint32_t *keys, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < km->n && n < max; i++)
		if (km->v[i].act == a)
			keys[n++] = km->v[i].key;
	return n;
}

/* Special keys: the config file's names (any of them), the help's (the first). */
static const struct {
	uint32_t key;
	const char *names[3];
} keymap_names[] = {
	{ TERM_KEY_UP, { "↑", "Up", NULL } },
	{ TERM_KEY_DOWN, { "↓", "Down", NULL } },
	{ TERM_KEY_LEFT, { "←", "Left", NULL } },
	{ TERM_KEY_RIGHT, { "→", "Right", NULL } },
	{ TERM_KEY_PGUP, { "PgUp", "PageUp", NULL } },
	{ TERM_KEY_PGDN, { "PgDn", "PageDown", NULL } },
	{ TERM_KEY_HOME, { "Home", NULL, NULL } },
	{ TERM_KEY_END, { "End", NULL, NULL } },
	{ TERM_KEY_ENTER, { "Enter", "Return", "RET" } },
	{ TERM_KEY_TAB, { "Tab", NULL, NULL } },
	{ TERM_KEY_BTAB, { "Shift-Tab", "S-Tab", "BTab" } },
	{ TERM_KEY_BACKSPACE, { "Backspace", "BS", NULL } },
	{ TERM_KEY_DELETE, { "Delete", "Del", NULL } },
	{ TERM_KEY_ESCAPE, { "Esc", "Escape", NULL } },
	{ ' ', { "Space", "SPC", NULL } },
};

bool keymap_parse_key(const char *name, uint32_t *key)
{
	if (name == NULL || name[0] == '\0')
		return false;
	for (size_t i = 0; i < sizeof keymap_names / sizeof *keymap_names; i++)
		for (int k = 0; k < 3 && keymap_names[i].names[k]; k++)
			if (strcasecmp(name, keymap_names[i].names[k]) == 0) {
				*key = keymap_names[i].key;
				return true;
			}
	/* Ctrl-x, C-x, ^X */
	const char *c = NULL;
	if (strncasecmp(name, "Ctrl-", 5) == 0)
		c = name + 5;
	else if (strncasecmp(name, "C-", 2) == 0)
		c = name + 2;
	else if (name[0] == '^' && name[1] != '\0')
		c = name + 1;
	if (c && c[0] != '\0' && c[1] == '\0' &&
	    ((c[0] >= 'a' && c[0] <= 'z') || (c[0] >= 'A' && c[0] <= 'Z'))) {
		*key = KEYMAP_CTRL(c[0]);
		return true;
	}
	/* One character, as typed. */
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)name, -1, &cp);
	if (n <= 0 || name[n] != '\0' || cp < 0x21 || cp == 0x7f)
		return false;
	*key = (uint32_t)cp;
	return true;
}

const char *keymap_key_name(uint32_t key, char *buf, size_t size)
{
	/* Keys with a name a reader says in their own language. */
	switch (key) {
	case TERM_KEY_ENTER: return _("Enter");
	case ' ': return _("Space");
	case TERM_KEY_ESCAPE: return _("Esc");
	default: break;
	}
	for (size_t i = 0; i < sizeof keymap_names / sizeof *keymap_names; i++)
		if (keymap_names[i].key == key)
			return keymap_names[i].names[0];
	if (key >= 1 && key <= 26) {
		snprintf(buf, size, "Ctrl-%c", (char)('A' + key - 1));
		return buf;
	}
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n = key <= 0x10FFFF ? utf8proc_encode_char((utf8proc_int32_t)key, enc) : 0;
	if (n <= 0 || (size_t)n >= size)
		return "?";
	memcpy(buf, enc, (size_t)n);
	buf[n] = '\0';
	return buf;
}
