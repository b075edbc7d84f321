/* prompt.c: a one-line input prompt that edits as readline's basics do:
 * left and right (Ctrl-B, Ctrl-F), Home and End (Ctrl-A, Ctrl-E), Ctrl-U and
 * Ctrl-K kill to the start or the end, Ctrl-W the word before, Backspace and
 * Delete (Ctrl-D) a whole grapheme cluster as layout sees it, up and down
 * (Ctrl-P, Ctrl-N) what was entered before at the same kind of prompt in the
 * run. Text arrives one code point at a time (CJK included); it is shown
 * through the layout module, the cursor kept in view. */
#include <config.h>
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "xalloc.h"

void prompt_open(struct prompt *p, const char *label, bool digits_only)
{
	memset(p, 0, sizeof *p);
	p->active = true;
	p->label = label;
	p->digits_only = digits_only;
}

void prompt_close(struct prompt *p)
{
	p->active = false;
	p->len = p->cur = 0;
	p->text[0] = '\0';
	p->hist = NULL;
}

static bool prompt_is_digit(uint32_t key)
{
	return (key >= '0' && key <= '9') || (key >= 0xFF10 && key <= 0xFF19);
}

void prompt_use_history(struct prompt *p, struct prompt_history *h)
{
	p->hist = h;
	p->hist_at = h ? h->n : 0;
}

void prompt_remember(struct prompt *p)
{
	struct prompt_history *h = p->hist;
	if (h == NULL || p->len == 0)
		return;
	/* The same line twice in a row is kept once, as shells do. */
	if (h->n && strcmp(h->v[h->n - 1], p->text) == 0)
		return;
	if (h->n == PROMPT_HISTORY) {
		free(h->v[0]);
		memmove(h->v, h->v + 1, (PROMPT_HISTORY - 1) * sizeof *h->v);
		h->n--;
	}
	h->v[h->n++] = xstrdup(p->text);
}

void prompt_history_free(struct prompt_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i]);
	memset(h, 0, sizeof *h);
}

/* The start of the grapheme cluster before byte off. */
static size_t prompt_prev(const struct prompt *p, size_t off, const struct layout_opts *lo)
{
	size_t at = 0, last = 0;
	while (at < off) {
		size_t len;
		layout_cluster(p->text + at, p->len - at, &len, lo);
		last = at;
		at += len ? len : 1;
	}
	return last;
}

/* The end of the grapheme cluster at byte off. */
static size_t prompt_next(const struct prompt *p, size_t off, const struct layout_opts *lo)
{
	if (off >= p->len)
		return p->len;
	size_t len;
	layout_cluster(p->text + off, p->len - off, &len, lo);
	return off + (len ? len : 1);
}

/* Removes text[from, to) and puts the cursor at from. */
static void prompt_cut(struct prompt *p, size_t from, size_t to)
{
	if (from >= to)
		return;
	memmove(p->text + from, p->text + to, p->len - to + 1);
	p->len -= to - from;
	p->cur = from;
}

static void prompt_set(struct prompt *p, const char *text)
{
	snprintf(p->text, sizeof p->text, "%s", text);
	p->len = p->cur = strlen(p->text);
}

/* Ctrl-W: the word before the cursor and the spaces after it, as readline's
 * unix-word-rubout (words end at white space). */
static size_t prompt_word_start(const struct prompt *p)
{
	size_t i = p->cur;
	while (i > 0 && (p->text[i - 1] == ' ' || p->text[i - 1] == '\t'))
		i--;
	while (i > 0 && p->text[i - 1] != ' ' && p->text[i - 1] != '\t')
		i--;
	return i;
}

static void prompt_walk(struct prompt *p, int dir)
{
	struct prompt_history *h = p->hist;
	if (h == NULL || h->n == 0)
		return;
	if (dir < 0 && p->hist_at == 0)
		return;
	if (dir > 0 && p->hist_at >= h->n)
		return;
	if (p->hist_at == h->n)
		snprintf(p->typed, sizeof p->typed, "%s", p->text);
	p->hist_at = dir < 0 ? p->hist_at - 1 : p->hist_at + 1;
	prompt_set(p, p->hist_at == h->n ? p->typed : h->v[p->hist_at]);
}

enum prompt_result prompt_key(struct prompt *p, uint32_t key, const struct layout_opts *lo)
{
	if (p->cur > p->len)
		p->cur = p->len;
	switch (key) {
	case TERM_KEY_ENTER:
		return PROMPT_SUBMIT;
	case TERM_KEY_ESCAPE:
		return PROMPT_CANCEL;
	case TERM_KEY_BACKSPACE:
		/* A whole grapheme cluster: é typed as e and U+0301 goes at once. */
		prompt_cut(p, prompt_prev(p, p->cur, lo), p->cur);
		return PROMPT_MORE;
	case TERM_KEY_DELETE: case KEYMAP_CTRL('D'):
		prompt_cut(p, p->cur, prompt_next(p, p->cur, lo));
		return PROMPT_MORE;
	case TERM_KEY_LEFT: case KEYMAP_CTRL('B'):
		p->cur = prompt_prev(p, p->cur, lo);
		return PROMPT_MORE;
	case TERM_KEY_RIGHT: case KEYMAP_CTRL('F'):
		p->cur = prompt_next(p, p->cur, lo);
		return PROMPT_MORE;
	case TERM_KEY_HOME: case KEYMAP_CTRL('A'):
		p->cur = 0;
		return PROMPT_MORE;
	case TERM_KEY_END: case KEYMAP_CTRL('E'):
		p->cur = p->len;
		return PROMPT_MORE;
	case KEYMAP_CTRL('U'):
		prompt_cut(p, 0, p->cur);
		return PROMPT_MORE;
	case KEYMAP_CTRL('K'):
		prompt_cut(p, p->cur, p->len);
		return PROMPT_MORE;
	case KEYMAP_CTRL('W'):
		prompt_cut(p, prompt_word_start(p), p->cur);
		return PROMPT_MORE;
	case TERM_KEY_UP: case KEYMAP_CTRL('P'):
		prompt_walk(p, -1);
		return PROMPT_MORE;
	case TERM_KEY_DOWN: case KEYMAP_CTRL('N'):
		prompt_walk(p, 1);
		return PROMPT_MORE;
	default:
		break;
	}
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0) || key > 0x10FFFF ||
	    !utf8proc_codepoint_valid((utf8proc_int32_t)key))
		return PROMPT_MORE;
	if (p->digits_only && !prompt_is_digit(key))
		/* A prompt that takes only digits reads q as "never mind". */
		return key == 'q' ? PROMPT_CANCEL : PROMPT_MORE;
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)key, enc);
	if (n <= 0 || p->len + (size_t)n >= sizeof p->text)
		return PROMPT_MORE;
	memmove(p->text + p->cur + n, p->text + p->cur, p->len - p->cur + 1);
	memcpy(p->text + p->cur, enc, (size_t)n);
	p->len += (size_t)n;
	p->cur += (size_t)n;
	return PROMPT_MORE;
}

long prompt_number(const struct prompt *p)
{
	long v = 0;
	bool any = false;
	for (size_t i = 0; i < p->len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p->text + i,
						      (utf8proc_ssize_t)(p->len - i), &cp);
		if (n <= 0)
			return -1;
		i += (size_t)n;
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = cp - 0xFF10 + '0';
		if (cp < '0' || cp > '9' || v > 100000000)
			return -1;
		v = v * 10 + (cp - '0');
		any = true;
	}
	return any ? v : -1;
}

void prompt_draw(const struct prompt *p, struct surface *s, struct rect r)
{
	if (r.w <= 0 || r.h <= 0)
		return;
	surface_fill(s, r, STYLE_PLAIN);
	int x = r.x;
	x += surface_prints(s, r, x, r.y, _(p->label), (struct style){ ATTR_BOLD, COLOR_NONE,
								       COLOR_NONE });
	x += 1;
	/* Keep the cursor in view: the text scrolls by whole clusters. */
	int avail = r.x + r.w - x - 1;
	size_t cur = p->cur <= p->len ? p->cur : p->len;
	size_t from = 0;
	while (from < cur && layout_width(p->text + from, cur - from, &s->lo) > avail) {
		size_t len;
		layout_cluster(p->text + from, p->len - from, &len, &s->lo);
		from += len ? len : 1;
	}
	int cx = x + layout_width(p->text + from, cur - from, &s->lo);
	surface_print(s, r, x, r.y, p->text + from, p->len - from, STYLE_PLAIN);
	s->cursor_x = cx < r.x + r.w ? cx : r.x + r.w - 1;
	s->cursor_y = r.y;
}
