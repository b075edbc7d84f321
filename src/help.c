/* help.c: the help screen: every key that works, drawn with the layout
 * module's widths, scrollable when the terminal is short. */
#include <config.h>
#include "ui.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

struct help_entry {
	const char *keys;               /* key names, as typed */
	const char *what;               /* msgid, translated when drawn */
};

static const struct help_entry help_entries[] = {
	{ "q", N_("quit (closes the help or a prompt first)") },
	{ "?", N_("show or hide this help") },
	{ "Tab  Shift-Tab", N_("next / previous pane") },
	{ "↑ ↓  j k", N_("move by one line or event") },
	{ "PgUp PgDn  b Space", N_("move by one page") },
	{ "g G  Home End", N_("go to the top / bottom") },
	{ "Enter", N_("open the selected article or event") },
	{ "[ ]", N_("timeline: previous / next year with events") },
	{ "[ ]", N_("reader: previous / next event in time, in any article") },
	{ "s", N_("read another text side by side; s or q closes it") },
	{ "w", N_("side by side: swap the two sides") },
	{ "=", N_("side by side: synchronised scrolling on or off") },
	{ "Tab", N_("side by side: move between the two sides") },
	{ "y", N_("go to a year typed at a prompt") },
	{ "/", N_("search the collection (Esc or q closes the results)") },
	{ "n N", N_("next / previous match, in any article") },
	{ "l", N_("cycle the list's language filter") },
	{ "o", N_("sort the list by date, title or language") },
	{ "L", N_("cycle the interface language: English, 中文, Français") },
	{ "Esc", N_("close a prompt") },
	{ N_("mouse"), N_("a click selects and focuses; the wheel scrolls") },
};
#define HELP_N (sizeof help_entries / sizeof *help_entries)

bool help_key(struct help_view *hv, uint32_t key)
{
	if (!hv->open)
		return false;
	size_t page = hv->height > 2 ? (size_t)hv->height - 1 : 1;
	/* Rows as last drawn (a long description wraps onto more than one). */
	size_t nrows = hv->rows ? hv->rows : HELP_N;
	size_t max = nrows > (size_t)(hv->height > 0 ? hv->height : 1)
			     ? nrows - (size_t)(hv->height > 0 ? hv->height : 1) : 0;
	switch (key) {
	case 'q': case '?': case TERM_KEY_ESCAPE:
		hv->open = false;
		break;
	case TERM_KEY_UP: case 'k':
		hv->top = hv->top ? hv->top - 1 : 0;
		break;
	case TERM_KEY_DOWN: case 'j':
		hv->top++;
		break;
	case TERM_KEY_PGUP: case 'b':
		hv->top = hv->top > page ? hv->top - page : 0;
		break;
	case TERM_KEY_PGDN: case ' ':
		hv->top += page;
		break;
	case TERM_KEY_HOME: case 'g':
		hv->top = 0;
		break;
	case TERM_KEY_END: case 'G':
		hv->top = max;
		break;
	default:
		break;
	}
	if (hv->top > max)
		hv->top = max;
	return true;
}

void help_draw(struct help_view *hv, struct surface *s, struct rect r)
{
	surface_fill(s, r, STYLE_PLAIN);
	struct rect body = ui_pane_title(s, r, _("Help — q or ? closes it"), true);
	hv->height = body.h;
	if (body.h <= 0 || body.w <= 0)
		return;
	int keys_w = 0;
	for (size_t i = 0; i < HELP_N; i++) {
		int w = layout_strwidth(_(help_entries[i].keys), &s->lo);
		if (w > keys_w)
			keys_w = w;
	}
	int kx = body.x + 2;
	int dx = kx + keys_w + 3;
	int avail = body.x + body.w - dx;
	/* Descriptions wrap under themselves rather than lose their ends: French
	 * ones run longer than the English, Chinese ones are twice as wide. */
	struct layout_line *lines[HELP_N];
	size_t nlines[HELP_N];
	size_t nrows = 0;
	for (size_t i = 0; i < HELP_N; i++) {
		const char *what = _(help_entries[i].what);
		lines[i] = NULL;
		nlines[i] = avail > 0 ? layout_wrap(what, strlen(what), avail, NULL, &s->lo, &lines[i])
				      : 1;
		nrows += nlines[i];
	}
	hv->rows = nrows;
	size_t max = nrows > (size_t)body.h ? nrows - (size_t)body.h : 0;
	if (hv->top > max)
		hv->top = max;
	size_t row = 0;
	for (size_t i = 0; i < HELP_N; i++) {
		const struct help_entry *e = &help_entries[i];
		const char *what = _(e->what);
		for (size_t k = 0; k < nlines[i]; k++, row++) {
			if (row < hv->top || row >= hv->top + (size_t)body.h)
				continue;
			int y = body.y + (int)(row - hv->top);
			if (k == 0)
				surface_prints(s, body, kx, y, _(e->keys),
					       (struct style){ ATTR_BOLD, COLOR_CYAN, COLOR_NONE });
			if (lines[i])
				surface_print(s, body, dx, y, what + lines[i][k].start,
					      lines[i][k].end - lines[i][k].start, STYLE_PLAIN);
		}
		free(lines[i]);
	}
}
