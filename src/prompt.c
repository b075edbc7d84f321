/* prompt.c: a one-line input prompt. Text arrives one code point at a time
 * (CJK included); backspace removes a whole grapheme cluster, as layout sees
 * it; the text is shown through the layout module, its tail kept in view. */
#include <config.h>
#include "ui.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"

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
	p->len = 0;
	p->text[0] = '\0';
}

static bool prompt_is_digit(uint32_t key)
{
	return (key >= '0' && key <= '9') || (key >= 0xFF10 && key <= 0xFF19);
}

/* Drops the last grapheme cluster. */
static void prompt_backspace(struct prompt *p, const struct layout_opts *lo)
{
	size_t off = 0, last = 0;
	while (off < p->len) {
		size_t len;
		layout_cluster(p->text + off, p->len - off, &len, lo);
		if (len == 0)
			len = 1;
		last = off;
		off += len;
	}
	p->len = last;
	p->text[p->len] = '\0';
}

enum prompt_result prompt_key(struct prompt *p, uint32_t key, const struct layout_opts *lo)
{
	switch (key) {
	case TERM_KEY_ENTER:
		return PROMPT_SUBMIT;
	case TERM_KEY_ESCAPE:
		return PROMPT_CANCEL;
	case TERM_KEY_BACKSPACE:
		prompt_backspace(p, lo);
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
	memcpy(p->text + p->len, enc, (size_t)n);
	p->len += (size_t)n;
	p->text[p->len] = '\0';
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
	/* Keep the end of the text (where typing happens) in view. */
	int avail = r.x + r.w - x - 1;
	size_t from = 0;
	while (from < p->len && layout_width(p->text + from, p->len - from, &s->lo) > avail) {
		size_t len;
		layout_cluster(p->text + from, p->len - from, &len, &s->lo);
		from += len ? len : 1;
	}
	x += surface_print(s, r, x, r.y, p->text + from, p->len - from, STYLE_PLAIN);
	s->cursor_x = x < r.x + r.w ? x : r.x + r.w - 1;
	s->cursor_y = r.y;
}
