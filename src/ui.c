/* ui.c: small pieces every pane uses: the title bar with its focus mark,
 * framed popups, language badges and names, a selected row's style, counts
 * and moves, and keeping a selection in view.
 *
 * What a pane shows follows the same conventions everywhere (app.c has those
 * of the keys):
 * - The focused pane's title bar is reversed and bold at every size; the
 *   others are underlined. Popups (help, chooser) are framed and filled, so
 *   nothing under them shows through.
 * - The status line speaks of the focused pane: what is selected or read
 *   there, and where it stands ("3/5", "¶ 12/40 · 34%").
 * - Paragraphs are counted from ¶1 on screen (JSON alone counts from 0).
 * - A worked-out date carries "~" in front, in the browser and the text
 *   outputs alike; languages are named in the interface language, from the
 *   catalogs (ui_lang_name, ui_lang_badge), never spelled in code.
 * - Words are the catalogs': an English msgid says "event", never
 *   "happening"; key names a reader says (Enter, Space, Esc) are translated
 *   where they are shown. */
#include <config.h>
#include "ui.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct rect ui_pane_title(struct surface *s, struct rect r, const char *title, bool focused)
{
	return ui_pane_title_at(s, r, title, NULL, focused);
}

struct rect ui_pane_title_at(struct surface *s, struct rect r, const char *title,
			     const char *where, bool focused)
{
	if (r.h <= 0 || r.w <= 0)
		return r;
	/* Focus shows as a reversed, bold title bar; the others are underlined. */
	struct style st = focused ? (struct style){ ATTR_REVERSE | ATTR_BOLD, COLOR_NONE, COLOR_NONE }
				  : (struct style){ ATTR_UNDERLINE | ATTR_DIM, COLOR_NONE, COLOR_NONE };
	surface_fill(s, (struct rect){ r.x, r.y, r.w, 1 }, st);
	struct rect bar = { r.x, r.y, r.w, 1 };
	int room = r.w - 1;
	if (where && where[0]) {
		/* Where the pane stands, at the right end: it outlives the title
		 * when the bar is short, as the status line keeps its right part. */
		char *w = layout_truncate(where, r.w - 1, false, &s->lo);
		int ww = layout_strwidth(w, &s->lo);
		surface_prints(s, bar, r.x + r.w - 1 - ww, r.y, w, st);
		free(w);
		room = r.w - 1 - ww - 3;
	}
	if (room > 0) {
		char *t = layout_truncate(title, room, false, &s->lo);
		surface_prints(s, bar, r.x + 1, r.y, t, st);
		free(t);
	}
	return (struct rect){ r.x, r.y + 1, r.w, r.h - 1 };
}

struct rect ui_popup(struct surface *s, struct rect box, const char *title)
{
	if (box.w < 4 || box.h < 3) {
		surface_fill(s, box, STYLE_PLAIN);
		return ui_pane_title(s, box, title, true);
	}
	/* Filled first: nothing under the box shows through, wide characters cut
	 * at its edges included (the surface blanks their other half). */
	surface_fill(s, box, STYLE_PLAIN);
	struct style fr = { ATTR_BOLD, COLOR_NONE, COLOR_NONE };
	int x1 = box.x + box.w - 1, y1 = box.y + box.h - 1;
	for (int x = box.x + 1; x < x1; x++) {
		surface_prints(s, box, x, box.y, "─", fr);
		surface_prints(s, box, x, y1, "─", fr);
	}
	for (int y = box.y + 1; y < y1; y++) {
		surface_prints(s, box, box.x, y, "│", fr);
		surface_prints(s, box, x1, y, "│", fr);
	}
	surface_prints(s, box, box.x, box.y, "┌", fr);
	surface_prints(s, box, x1, box.y, "┐", fr);
	surface_prints(s, box, box.x, y1, "└", fr);
	surface_prints(s, box, x1, y1, "┘", fr);
	/* The title in the top edge, marked as a focused pane's. */
	struct rect top = { box.x + 1, box.y, box.w - 2, 1 };
	ui_pane_title(s, top, title, true);
	return (struct rect){ box.x + 1, box.y + 1, box.w - 2, box.h - 2 };
}

/* The languages annals tells apart (lang.c) and those articles often declare:
 * a badge and a name for each, both from the catalogs, so that every interface
 * writes them its own way (the traditional-Chinese one writes 簡 for
 * simplified; Japanese is 日本語, Japanese or japonais, never "ja"). */
static const struct ui_lang {
	const char *tag, *badge, *name;
} ui_langs[] = {
	{ "en", N_("EN"), N_("English") },
	{ "fr", N_("FR"), N_("French") },
	{ "zh-Hans", N_("简"), N_("Chinese (simplified)") },
	{ "zh-Hant", N_("繁"), N_("Chinese (traditional)") },
	{ "zh", N_("ZH"), N_("Chinese") },
	{ "ja", N_("JA"), N_("Japanese") },
	{ "de", N_("DE"), N_("German") },
	{ "es", N_("ES"), N_("Spanish") },
	{ "it", N_("IT"), N_("Italian") },
	{ "pt", N_("PT"), N_("Portuguese") },
	{ "ko", N_("KO"), N_("Korean") },
	{ "ru", N_("RU"), N_("Russian") },
	{ "el", N_("EL"), N_("Greek") },
	{ "ar", N_("AR"), N_("Arabic") },
	{ "he", N_("HE"), N_("Hebrew") },
	{ "th", N_("TH"), N_("Thai") },
	{ "hi", N_("HI"), N_("Hindi") },
	{ "ka", N_("KA"), N_("Georgian") },
	{ "hy", N_("HY"), N_("Armenian") },
	{ "und", NULL, N_("undetermined") },
};
#define UI_NLANGS (sizeof ui_langs / sizeof *ui_langs)

static const struct ui_lang *ui_lang_named(const char *tag, size_t n)
{
	for (size_t i = 0; i < UI_NLANGS; i++)
		if (strlen(ui_langs[i].tag) == n && strncasecmp(ui_langs[i].tag, tag, n) == 0)
			return &ui_langs[i];
	return NULL;
}

/* The table's entry for a tag (an article's tag is untrusted: any case, any
 * subtags): the tag itself, else for Chinese its script or region (zh-Hant-TW,
 * zh-HK, zh-CN), else its primary subtag (fr-CA is French); NULL for a
 * language the table does not know. */
static const struct ui_lang *ui_lang_find(const char *tag)
{
	const struct ui_lang *l = ui_lang_named(tag, strlen(tag));
	if (l)
		return l;
	size_t n = strcspn(tag, "-_");
	if (n == 2 && strncasecmp(tag, "zh", 2) == 0) {
		static const char *const hans[] = { "hans", "cn", "sg", "my" };
		static const char *const hant[] = { "hant", "tw", "hk", "mo" };
		for (const char *p = tag + n; *p;) {
			p += strspn(p, "-_");
			size_t k = strcspn(p, "-_");
			for (size_t i = 0; i < 4; i++) {
				if (k == strlen(hans[i]) && strncasecmp(p, hans[i], k) == 0)
					return ui_lang_named("zh-Hans", 7);
				if (k == strlen(hant[i]) && strncasecmp(p, hant[i], k) == 0)
					return ui_lang_named("zh-Hant", 7);
			}
			p += k;
		}
	}
	return ui_lang_named(tag, n);
}

const char *ui_lang_badge(const char *tag, char buf[LANG_TAG_MAX])
{
	const struct ui_lang *l = ui_lang_find(tag);
	if (l && l->badge)
		return _(l->badge);
	/* A language no catalog can know: its primary subtag, upper-cased
	 * (ASCII letters only: the tag comes from the article). */
	size_t i = 0;
	for (; tag[i] && tag[i] != '-' && tag[i] != '_' && i < 3; i++) {
		char c = tag[i];
		buf[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : (c >= 'A' && c <= 'Z') ? c : '?';
	}
	buf[i] = '\0';
	return buf;
}

const char *ui_lang_name_en(const char *tag)
{
	const struct ui_lang *l = ui_lang_find(tag);
	return l ? l->name : tag;
}

const char *ui_lang_name(const char *tag)
{
	const struct ui_lang *l = ui_lang_find(tag);
	return l ? _(l->name) : tag;
}

struct style ui_row_style(bool sel, bool focused)
{
	if (!sel)
		return STYLE_PLAIN;
	return focused ? (struct style){ ATTR_REVERSE, COLOR_NONE, COLOR_NONE }
		       : (struct style){ ATTR_BOLD | ATTR_UNDERLINE, COLOR_NONE, COLOR_NONE };
}

void ui_mark_span(struct surface *s, const char *text, size_t start, size_t end, int x, int y,
		  size_t from, size_t to, struct style st)
{
	if (from < start)
		from = start;
	if (to > end)
		to = end;
	if (from >= to)
		return;
	int c0 = layout_column(text, start, from, &s->lo);
	int c1 = layout_column(text, start, to, &s->lo);
	if (c1 > c0)
		surface_restyle(s, (struct rect){ x + c0, y, c1 - c0, 1 }, st);
}

int ui_badges_width(const char (*langs)[LANG_TAG_MAX], size_t n, const struct layout_opts *lo)
{
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		char b[LANG_TAG_MAX];
		w += (i ? 1 : 0) + layout_strwidth(ui_lang_badge(langs[i], b), lo);
	}
	return w;
}

void ui_badges(struct surface *s, struct rect clip, int x, int y,
	       const char (*langs)[LANG_TAG_MAX], size_t n, struct style base, bool sel)
{
	struct style bs = base;
	if (!sel)
		bs.fg = COLOR_CYAN;
	for (size_t i = 0; i < n; i++) {
		char b[LANG_TAG_MAX];
		x += surface_prints(s, clip, x, y, ui_lang_badge(langs[i], b), bs) + 1;
	}
}

long ui_count(long count)
{
	return count > 0 ? count : 1;
}

bool ui_motion(enum action a, long count, int height, long *delta)
{
	/* A page keeps one line of the last one in view, as less does. */
	long page = height > 2 ? height - 1 : 1;
	long half = height > 1 ? height / 2 : 1;
	long n = ui_count(count);
	switch (a) {
	case ACT_UP: *delta = -n; return true;
	case ACT_DOWN: *delta = n; return true;
	case ACT_HALF_PAGE_UP: *delta = -half * n; return true;
	case ACT_HALF_PAGE_DOWN: *delta = half * n; return true;
	case ACT_PAGE_UP: *delta = -page * n; return true;
	case ACT_PAGE_DOWN: *delta = page * n; return true;
	default: return false;
	}
}

void ui_scroll_to(size_t *top, size_t sel, size_t n, int height)
{
	size_t h = height > 0 ? (size_t)height : 1;
	if (sel < *top)
		*top = sel;
	else if (sel >= *top + h)
		*top = sel - h + 1;
	if (n > h && *top > n - h)
		*top = n - h;
	if (n <= h)
		*top = 0;
}
