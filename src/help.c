/* help.c: the help screen: every key that works, drawn with the layout
 * module's widths, scrollable when the terminal is short. */
#include <config.h>
#include "ui.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

/* One row of the help: the keys of one or two actions (a pair such as up and
 * down reads "↑ ↓  k j": first keys, then second keys), or, for what is not
 * an action (a count, the mouse), keys written out. The keys come from the
 * keymap, so a rebound key shows as it now is. */
struct help_entry {
	enum action act[2];
	const char *keys;               /* when not an action: key names, a msgid */
	const char *what;               /* msgid, translated when drawn */
};

static const struct help_entry help_entries[] = {
	{ { ACT_QUIT }, NULL, N_("leave what is open; quit from the top level") },
	{ { ACT_CLOSE }, NULL, N_("close what is open (help, prompt, results, chooser, "
				  "side by side); never quits") },
	{ { ACT_HELP }, NULL, N_("show or hide this help") },
	{ { ACT_NEXT_PANE, ACT_PREV_PANE }, NULL, N_("next / previous pane") },
	{ { ACT_UP, ACT_DOWN }, NULL, N_("move by one line or row") },
	{ { ACT_HALF_PAGE_UP, ACT_HALF_PAGE_DOWN }, NULL, N_("move by half a page") },
	{ { ACT_PAGE_UP, ACT_PAGE_DOWN }, NULL, N_("move by one page") },
	{ { ACT_TOP, ACT_BOTTOM }, NULL, N_("go to the top / bottom") },
	{ { ACT_NONE }, N_("5j 3] 20G"), N_("a number before a key repeats it; before G, goes "
					    "to that row (in the reader, that paragraph)") },
	{ { ACT_OPEN }, NULL, N_("open the selected article or event") },
	{ { ACT_PREV_YEAR, ACT_NEXT_YEAR }, NULL, N_("timeline: previous / next year with events") },
	{ { ACT_PREV_EVENT, ACT_NEXT_EVENT }, NULL,
	  N_("reader: previous / next event in time, in any article") },
	{ { ACT_PREV_PARAGRAPH, ACT_NEXT_PARAGRAPH }, NULL, N_("reader: previous / next paragraph") },
	{ { ACT_SIDE_BY_SIDE }, NULL, N_("read another text side by side; s or q closes it") },
	{ { ACT_SWAP_SIDES }, NULL, N_("side by side: swap the two sides") },
	{ { ACT_SYNC_SCROLL }, NULL, N_("side by side: synchronised scrolling on or off") },
	{ { ACT_NEXT_PANE }, NULL, N_("side by side: move between the two sides") },
	{ { ACT_GO_TO_YEAR }, NULL, N_("go to a year typed at a prompt") },
	{ { ACT_SEARCH }, NULL, N_("search the collection (Esc or q closes the results)") },
	{ { ACT_NEXT_MATCH, ACT_PREV_MATCH }, NULL, N_("next / previous match, in any article") },
	{ { ACT_LANGUAGE_FILTER }, NULL, N_("cycle the list's language filter") },
	{ { ACT_SORT }, NULL, N_("sort the list: date, newest first, title, language") },
	{ { ACT_FILTER }, NULL, N_("filter the list by a year, a language or words of the title "
				   "or source; empty clears it") },
	{ { ACT_INTERFACE_LANGUAGE }, NULL,
	  N_("cycle the interface language: English, 简体中文, 繁體中文, Français") },
	{ { ACT_REDRAW }, NULL, N_("redraw the screen") },
	{ { ACT_SUSPEND }, NULL, N_("suspend annals (fg in the shell brings it back)") },
	{ { ACT_MARK }, NULL, N_("mark or unmark the selected article, or the event being read") },
	{ { ACT_MARKS }, NULL, N_("list the marked articles and events (again: every article)") },
	{ { ACT_TOGGLE_READ }, NULL, N_("mark the article read or unread (read: its end was on "
					"screen)") },
	{ { ACT_UNREAD }, NULL, N_("list only the unread articles, or all again") },
	{ { ACT_BACK }, NULL, N_("back to the article read before") },
	{ { ACT_OPEN_URL }, NULL, N_("open the article's URL in $BROWSER (else xdg-open)") },
	{ { ACT_EDIT }, NULL, N_("open the article's file in $VISUAL or $EDITOR") },
	{ { ACT_PIPE }, NULL, N_("pipe the article's text to a command typed at a prompt") },
	{ { ACT_COPY }, NULL, N_("reader: copy the paragraph (side by side: the aligned pair) "
				 "to the clipboard") },
	{ { ACT_NONE }, N_("← → Home End"), N_("in a prompt: move; Ctrl-A Ctrl-E start / end, "
					       "Ctrl-U Ctrl-W delete, ↑ ↓ earlier entries") },
	{ { ACT_NONE }, N_("mouse"), N_("a click selects and focuses; the wheel scrolls") },
};
#define HELP_N (sizeof help_entries / sizeof *help_entries)

/* The keys of entry e as the help shows them, into b. */
static void help_keys(const struct help_entry *e, const struct keymap *km, struct buf *b)
{
	if (e->keys) {
		buf_adds(b, _(e->keys));
		return;
	}
	uint32_t keys[2][8];
	size_t n[2] = { 0, 0 }, most = 0;
	for (int i = 0; i < 2; i++) {
		if (e->act[i] != ACT_NONE)
			n[i] = keymap_keys(km, e->act[i], keys[i], 8);
		if (n[i] > most)
			most = n[i];
	}
	bool any = false;
	bool pair = e->act[1] != ACT_NONE;
	for (size_t k = 0; k < most; k++) {
		if (k && pair)
			buf_adds(b, " ");
		for (int i = 0; i < 2; i++) {
			if (k >= n[i])
				continue;
			char name[16];
			buf_adds(b, any ? " " : "");
			buf_adds(b, keymap_key_name(keys[i][k], name, sizeof name));
			any = true;
		}
	}
	if (!any)
		buf_adds(b, "—");
}

bool help_act(struct help_view *hv, enum action a, long count)
{
	if (!hv->open)
		return false;
	/* Rows as last drawn (a long description wraps onto more than one). */
	size_t h = (size_t)(hv->height > 0 ? hv->height : 1);
	size_t nrows = hv->rows ? hv->rows : h;
	size_t max = nrows > h ? nrows - h : 0;
	long delta;
	if (ui_motion(a, count, hv->height, &delta)) {
		size_t d = (size_t)(delta < 0 ? -delta : delta);
		hv->top = delta < 0 ? (hv->top > d ? hv->top - d : 0) : hv->top + d;
	} else {
		switch (a) {
		case ACT_QUIT: case ACT_HELP: case ACT_CLOSE:
			hv->open = false;
			break;
		case ACT_TOP:
			hv->top = 0;
			break;
		case ACT_BOTTOM:
			hv->top = max;
			break;
		default:
			break;
		}
	}
	if (hv->top > max)
		hv->top = max;
	return true;
}

void help_draw(struct help_view *hv, const struct keymap *km, struct surface *s, struct rect r)
{
	struct rect body = ui_popup(s, r, _("Help — q or ? closes it"));
	hv->height = body.h;
	if (body.h <= 0 || body.w <= 0)
		return;
	/* The key column is as wide as its widest entry up to a third of the
	 * screen; keys wider than that get a row of their own above what they do. */
	char *keys[HELP_N];
	int kw[HELP_N];
	int keys_w = 0, cap = body.w / 3 > 8 ? body.w / 3 : 8;
	for (size_t i = 0; i < HELP_N; i++) {
		struct buf b;
		buf_init(&b);
		help_keys(&help_entries[i], km, &b);
		keys[i] = b.data ? b.data : xstrdup("");
		kw[i] = layout_strwidth(keys[i], &s->lo);
		if (kw[i] > keys_w && kw[i] <= cap)
			keys_w = kw[i];
	}
	int kx = body.x + 2;
	int dx = kx + keys_w + 3;
	int avail = body.x + body.w - dx;
	/* Descriptions wrap under themselves rather than lose their ends: French
	 * ones run longer than the English, Chinese ones are twice as wide. */
	struct layout_line *lines[HELP_N];
	size_t nlines[HELP_N], extra[HELP_N];
	size_t nrows = 0;
	for (size_t i = 0; i < HELP_N; i++) {
		const char *what = _(help_entries[i].what);
		lines[i] = NULL;
		nlines[i] = avail > 0 ? layout_wrap(what, strlen(what), avail, NULL, &s->lo, &lines[i])
				      : 1;
		extra[i] = kw[i] > keys_w ? 1 : 0;
		nrows += extra[i] + nlines[i];
	}
	hv->rows = nrows;
	size_t max = nrows > (size_t)body.h ? nrows - (size_t)body.h : 0;
	if (hv->top > max)
		hv->top = max;
	size_t row = 0;
	struct style ks = { ATTR_BOLD, COLOR_CYAN, COLOR_NONE };
	for (size_t i = 0; i < HELP_N; i++) {
		const struct help_entry *e = &help_entries[i];
		const char *what = _(e->what);
		for (size_t k = 0; k < extra[i] + nlines[i]; k++, row++) {
			if (row < hv->top || row >= hv->top + (size_t)body.h)
				continue;
			int y = body.y + (int)(row - hv->top);
			if (k == 0)
				surface_prints(s, body, kx, y, keys[i], ks);
			if (k < extra[i] || lines[i] == NULL)
				continue;
			const struct layout_line *l = &lines[i][k - extra[i]];
			surface_print(s, body, dx, y, what + l->start, l->end - l->start, STYLE_PLAIN);
		}
		free(lines[i]);
		free(keys[i]);
	}
}
