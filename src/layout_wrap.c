/* layout_wrap.c: breaking a paragraph into lines. libunibreak says where UAX #14
 * allows a break; on top of it the CJK line rules (kinsoku) forbid a line that
 * starts with closing punctuation or ends with opening punctuation. Greedy and
 * linear: each cluster is looked at a bounded number of times. */
#include <stdlib.h>
#include <string.h>

#include <linebreak.h>
#include <utf8proc.h>

#include "layout.h"
#include "layout_int.h"
#include "xalloc.h"

enum {
	LAYOUT_F_SPACE = 1 << 0,        /* dropped at a break */
	LAYOUT_F_NEWLINE = 1 << 1,      /* a mandatory break, not part of any line */
	LAYOUT_F_NOSTART = 1 << 2,      /* may not start a line */
	LAYOUT_F_NOEND = 1 << 3,        /* may not end a line */
	LAYOUT_F_BREAK = 1 << 4,        /* a break is allowed after it */
};

struct layout_cl {
	size_t off;
	int width;                      /* -1: a tab, measured where it lands */
	uint8_t flags;
};

/* libunibreak keeps its tables in constant data; init_linebreak() only has to
 * run once before the first use, and running it again is harmless. */
static void layout_wrap_init(void)
{
	static bool done;

	if (!done) {
		init_linebreak();
		done = true;
	}
}

/* Closing punctuation: no line starts with it. */
static bool layout_wrap_closing(int32_t cp, bool french)
{
	static const char set[] =
		"。，、．・：；？！）」』】〕〉》〗〙〛”’々ー…‥〜｝］｠ヽヾゝゞ〻"
		"\xEF\xBD\xA1\xEF\xBD\xA3\xEF\xBD\xA4\xEF\xBD\xA5)]},.;:!?%";
	char u[5];
	utf8proc_ssize_t n;

	if (french && (cp == 0x00BB || cp == 0x203A))
		return true;
	n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)u);
	u[n] = '\0';
	return n > 0 && strstr(set, u) != NULL;
}

/* Opening punctuation: no line ends with it. */
static bool layout_wrap_opening(int32_t cp, bool french)
{
	static const char set[] = "（「『【〔〈《〖〘〚“‘｛［｟([{\xEF\xBD\xA2";
	char u[5];
	utf8proc_ssize_t n;

	if (french && (cp == 0x00AB || cp == 0x2039))
		return true;
	n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)u);
	u[n] = '\0';
	return n > 0 && strstr(set, u) != NULL;
}

/* What libunibreak is given. It stops at the first byte that is not UTF-8;
 * the installed version aborts on an assertion when it meets a regional
 * indicator after anything at all ("a 🇫🇷"), and takes U+FFFF for the end of
 * the string (its EOS) and aborts when more follows. So it reads a copy in
 * which each invalid byte is an ordinary letter, each regional indicator an
 * ideograph of the same length (breaks around a flag are those around a CJK
 * character; a flag is one cluster, so no break falls inside it) and U+FFFF
 * is U+FFFD: offsets still match. */
static const char *layout_wrap_sanitize(const char *text, size_t n, char **copy)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	size_t pos, step;

	*copy = NULL;
	for (pos = 0; pos < n; pos += step) {
		r = utf8proc_iterate((const utf8proc_uint8_t *)text + pos,
				     n - pos > 4 ? 4 : (utf8proc_ssize_t)(n - pos), &cp);
		step = r > 0 ? (size_t)r : 1;
		if (r > 0 && !(cp >= 0x1F1E6 && cp <= 0x1F1FF) && cp != 0xFFFF)
			continue;
		if (*copy == NULL) {
			*copy = xmalloc(n);
			memcpy(*copy, text, n);
		}
		if (cp == 0xFFFF && r == 3)
			memcpy(*copy + pos, "\xEF\xBF\xBD", 3);          /* U+FFFD */
		else if (r > 0)
			memcpy(*copy + pos, "\xF0\xA0\x80\x80", 4);      /* U+20000 */
		else
			(*copy)[pos] = 'x';
	}
	return *copy != NULL ? *copy : text;
}

/* The clusters of text with what wrapping needs to know of each. */
static size_t layout_wrap_clusters(const char *text, size_t n, const char *lang,
				   const struct layout_opts *o, struct layout_cl **out)
{
	struct layout_cl *cl;
	struct layout_info li;
	char *brks, *copy;
	const char *valid;
	size_t pos, count = 0;
	bool french = lang != NULL && strncmp(lang, "fr", 2) == 0 &&
		(lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');

	cl = xcalloc(n ? n : 1, sizeof *cl);
	brks = xmalloc(n ? n : 1);
	if (n > 0) {
		layout_wrap_init();
		valid = layout_wrap_sanitize(text, n, &copy);
		set_linebreaks_utf8((const utf8_t *)valid, n, lang, brks);
		free(copy);
	}
	for (pos = 0; pos < n; pos += li.len) {
		struct layout_cl *c = &cl[count++];
		char b;

		layout_scan(text + pos, n - pos, o, &li);
		c->off = pos;
		c->width = li.kind == LAYOUT_TAB ? -1 : li.width;
		c->flags = 0;
		if (li.kind == LAYOUT_TAB || li.first == ' ')
			c->flags |= LAYOUT_F_SPACE;
		if (li.kind == LAYOUT_NEWLINE || li.first == 0x2028 || li.first == 0x2029)
			c->flags |= LAYOUT_F_NEWLINE;
		if (layout_wrap_closing(li.first, french))
			c->flags |= LAYOUT_F_NOSTART;
		if (layout_wrap_opening(li.first, french))
			c->flags |= LAYOUT_F_NOEND;
		b = brks[pos + li.len - 1];
		if (b == LINEBREAK_ALLOWBREAK)
			c->flags |= LAYOUT_F_BREAK;
	}
	free(brks);
	*out = cl;
	return count;
}

struct layout_wrap_out {
	struct layout_line *lines;
	size_t count, cap;
};

static void layout_wrap_emit(struct layout_wrap_out *w, size_t start, size_t end, int width)
{
	xgrow((void **)&w->lines, &w->cap, w->count + 1, sizeof *w->lines);
	w->lines[w->count++] = (struct layout_line){ start, end, width };
}

/* One past the last non-space cluster of [s, k). */
static size_t layout_wrap_trim(const struct layout_cl *cl, size_t s, size_t k)
{
	while (k > s && (cl[k - 1].flags & LAYOUT_F_SPACE))
		k--;
	return k;
}

static int layout_wrap_tab(int col, const struct layout_opts *o)
{
	int tw = o != NULL && o->tab_width > 0 ? o->tab_width : 8;

	return tw - col % tw;
}

size_t layout_wrap(const char *text, size_t n, int width, const char *lang,
		   const struct layout_opts *o, struct layout_line **lines)
{
	struct layout_wrap_out w = { NULL, 0, 0 };
	struct layout_cl *cl;
	size_t count, i = 0, s, j, k, content, j_content;
	/* The last break: allowed and kinsoku-clean, allowed, at a space. */
	size_t ok, ok_content, any, any_content, sp, sp_content;
	int *col;                       /* col[j]: column after cluster j on its line */
	int cur, ok_w, any_w, sp_w, cw;
	bool soft = false;

	if (width < 1)
		width = 1;
	count = layout_wrap_clusters(text, n, lang, o, &cl);
	col = xmalloc((count ? count : 1) * sizeof *col);
#define OFF(x) ((x) < count ? cl[(x)].off : n)
	while (i < count) {
		s = i;
		if (soft)
			while (s < count && (cl[s].flags & LAYOUT_F_SPACE))
				s++;
		if (s == count && soft)
			break;          /* only break spaces were left */
		cur = 0;
		content = s;            /* one past the last non-space cluster */
		ok = any = sp = SIZE_MAX;
		ok_content = any_content = sp_content = s;
		ok_w = any_w = sp_w = 0;
		for (j = s; j < count; j++) {
			if (cl[j].flags & LAYOUT_F_NEWLINE) {
				layout_wrap_emit(&w, OFF(s), OFF(content),
						 content > s ? col[content - 1] : 0);
				i = j + 1;
				soft = false;
				goto next_line;
			}
			cw = cl[j].width < 0 ? layout_wrap_tab(cur, o) : cl[j].width;
			if (cl[j].flags & LAYOUT_F_SPACE) {
				cur += cw;
				col[j] = cur;
			} else if (cur + cw > width && content == s) {
				/* Nothing on the line yet: an over-wide cluster gets a line
				 * of its own (spaces before it were at a break). */
				if (cur > 0 && cw <= width) {
					/* Leading spaces pushed it out: drop them. */
					layout_wrap_emit(&w, OFF(s), OFF(s), 0);
					i = j;
					soft = true;
					goto next_line;
				}
				layout_wrap_emit(&w, OFF(j), OFF(j + 1), cw);
				i = j + 1;
				soft = true;
				goto next_line;
			} else if (cur + cw > width) {
				if (ok != SIZE_MAX || any != SIZE_MAX || sp != SIZE_MAX) {
					/* Kinsoku first; then any break UAX #14 allows,
					 * then a space, rather than cutting a word. */
					if (ok == SIZE_MAX && any == SIZE_MAX) {
						ok = sp;
						ok_content = sp_content;
						ok_w = sp_w;
					} else if (ok == SIZE_MAX) {
						ok = any;
						ok_content = any_content;
						ok_w = any_w;
					}
					layout_wrap_emit(&w, OFF(s), OFF(ok_content), ok_w);
					i = ok + 1;
				} else {
					/* No break allowed in what fits: split at a
					 * cluster. Walk back over closing marks (and
					 * opening ones before them) so that they go down
					 * with the character they belong to; when the
					 * whole line is such marks, break anyway. */
					k = j;
					content = layout_wrap_trim(cl, s, k);
					j_content = content;
					while (content > s + 1 &&
					       ((cl[k].flags & LAYOUT_F_NOSTART) ||
						(cl[content - 1].flags & LAYOUT_F_NOEND))) {
						k = content - 1;
						content = layout_wrap_trim(cl, s, k);
					}
					if (content <= s || (cl[k].flags & LAYOUT_F_NOSTART) ||
					    (cl[content - 1].flags & LAYOUT_F_NOEND)) {
						k = j;
						content = j_content;
					}
					layout_wrap_emit(&w, OFF(s), OFF(content),
							 content > s ? col[content - 1] : 0);
					i = k;
				}
				soft = true;
				goto next_line;
			} else {
				cur += cw;
				col[j] = cur;
				content = j + 1;
			}
			if ((cl[j].flags & LAYOUT_F_SPACE) && j + 1 < count && content > s &&
			    !(cl[j + 1].flags & (LAYOUT_F_SPACE | LAYOUT_F_NOSTART)) &&
			    !(cl[content - 1].flags & LAYOUT_F_NOEND)) {
				/* Last resort before cutting a word: a space UAX #14
				 * keeps (around quotation marks), kinsoku-clean. */
				sp = j;
				sp_content = content;
				sp_w = col[content - 1];
			}
			if ((cl[j].flags & LAYOUT_F_BREAK) && j + 1 < count && content > s) {
				any = j;
				any_content = content;
				any_w = col[content - 1];
			}
			if ((cl[j].flags & LAYOUT_F_BREAK) && j + 1 < count && content > s &&
			    !(cl[content - 1].flags & LAYOUT_F_NOEND) &&
			    !(cl[j + 1].flags & LAYOUT_F_NOSTART)) {
				ok = j;
				ok_content = content;
				ok_w = col[content - 1];
			}
		}
		layout_wrap_emit(&w, OFF(s), OFF(content), content > s ? col[content - 1] : 0);
		i = count;
next_line:
		;
	}
#undef OFF
	/* An empty text, or one ending in a newline, still has a (last) line. */
	if (count == 0 || (cl[count - 1].flags & LAYOUT_F_NEWLINE))
		layout_wrap_emit(&w, n, n, 0);
	free(col);
	free(cl);
	*lines = w.lines;
	return w.count;
}

int layout_column(const char *text, size_t start, size_t off, const struct layout_opts *o)
{
	struct layout_info li;
	size_t pos;
	int c = 0;

	for (pos = start; pos < off; pos += li.len) {
		layout_scan(text + pos, off - pos, o, &li);
		c += li.kind == LAYOUT_TAB ? layout_wrap_tab(c, o) : li.width;
	}
	return c;
}
