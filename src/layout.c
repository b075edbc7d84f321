/* layout.c: grapheme clusters, their widths and how they are shown. Every width
 * in annals comes from layout_codepoint_width and layout_scan: nothing else
 * guesses. Article bytes are untrusted, so anything a terminal would obey
 * (controls, escapes, bidi overrides, broken UTF-8) becomes a visible mark. */
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "layout.h"
#include "layout_int.h"
#include "xalloc.h"

#define LAYOUT_ZWJ 0x200D
#define LAYOUT_VS16 0xFE0F
#define LAYOUT_REPLACEMENT "\xEF\xBF\xBD"       /* U+FFFD */
#define LAYOUT_NBSP "\xC2\xA0"

int layout_codepoint_width(int32_t cp, const struct layout_opts *o)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	int w;

	switch (p->category) {
	case UTF8PROC_CATEGORY_CO:
		return 1;       /* private use: fonts vary, one column is the common guess */
	case UTF8PROC_CATEGORY_CN:
		return 1;       /* shown as U+FFFD */
	default:
		break;
	}
	w = utf8proc_charwidth(cp);
	if (w == 1 && o != NULL && o->ambiguous_wide && layout_ambiguous(cp))
		w = 2;
	return w;
}

/* Decodes one code point; -1 for a byte that does not start valid UTF-8. */
static int32_t layout_decode(const char *s, size_t n, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;

	if (n > 4)
		n = 4;
	r = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
	if (r <= 0) {
		*len = 1;
		return -1;
	}
	*len = (size_t)r;
	return cp;
}

static bool layout_is_bidi_control(int32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static bool layout_is_newline(int32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85;
}

/* How a single code point that starts a cluster is shown. */
static enum layout_kind layout_kind_of(int32_t cp)
{
	const utf8proc_property_t *p;

	if (cp < 0)
		return LAYOUT_INVALID;
	if (cp == '\t')
		return LAYOUT_TAB;
	if (layout_is_newline(cp))
		return LAYOUT_NEWLINE;
	if (cp < 0x20 || cp == 0x7F)
		return LAYOUT_CONTROL;
	if (cp >= 0x80 && cp < 0xA0)
		return LAYOUT_C1;
	if (layout_is_bidi_control(cp) || cp == 0x2028 || cp == 0x2029)
		return LAYOUT_ESCAPE_MARK;
	p = utf8proc_get_property(cp);
	switch (p->category) {
	case UTF8PROC_CATEGORY_CN:
	case UTF8PROC_CATEGORY_CS:
		return LAYOUT_UNASSIGNED;
	case UTF8PROC_CATEGORY_CF:
		/* Soft hyphens, zero-width spaces, LRM/RLM and the like: nothing to
		 * see, and a terminal that does bidi must not get them either. */
		return LAYOUT_INVISIBLE;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return LAYOUT_LONE_MARK;
	default:
		return LAYOUT_TEXT;
	}
}

/* The width of a mark, which is ASCII: its length. */
static int layout_mark_width(enum layout_kind kind, int32_t first, size_t len)
{
	switch (kind) {
	case LAYOUT_CONTROL:
		return 2;       /* ^X */
	case LAYOUT_NEWLINE:
		return len == 2 ? 4 : (first == 0x85 ? 4 : 2);  /* ^M^J, <85>, ^J */
	case LAYOUT_C1:
		return 4;       /* <9b> */
	case LAYOUT_ESCAPE_MARK:
		return 8;       /* <U+202E> */
	default:
		return 1;
	}
}

/* Whether a mark starts a new cluster even after a base (NBSP). */
static bool layout_mark_refuses_base(int32_t mark)
{
	utf8proc_int32_t state = 0;

	return utf8proc_grapheme_break_stateful(0xA0, mark, &state);
}

static bool layout_joinable(int32_t cp);

void layout_scan(const char *s, size_t n, const struct layout_opts *o, struct layout_info *li)
{
	size_t l, first_len, pos;
	int32_t cp, prev, state = 0;
	int width, ri = 0;
	bool emoji_join = false, vs16 = false, foreign = false;

	cp = layout_decode(s, n, &l);
	li->first = cp;
	li->len = first_len = l;
	li->kind = layout_kind_of(cp);
	if (cp < 0) {
		li->width = layout_codepoint_width(0xFFFD, o);
		return;
	}
	width = layout_codepoint_width(cp, o);
	if (utf8proc_get_property(cp)->boundclass == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR)
		ri = 1;
	/* Extend the cluster while utf8proc says there is no boundary. The width
	 * is the widest member's (Hangul jamo, emoji with modifiers, a base with
	 * marks), then two for emoji presentation, ZWJ sequences and flags. */
	prev = cp;
	for (pos = l; pos < n; pos += l) {
		cp = layout_decode(s + pos, n - pos, &l);
		if (cp < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		/* A member that cannot be drawn inside a cluster (an unassigned
		 * code point after a prepended sign): layout_visible_text shows the
		 * whole as U+FFFD, and it is measured so. */
		if (!layout_joinable(cp))
			foreign = true;
		if (cp == LAYOUT_VS16)
			vs16 = true;
		else if (prev == LAYOUT_ZWJ)
			emoji_join = true;
		else if (utf8proc_get_property(cp)->boundclass ==
			 UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR)
			ri++;
		if (cp != LAYOUT_ZWJ && cp != LAYOUT_VS16) {
			int w = layout_codepoint_width(cp, o);
			if (w > width)
				width = w;
		}
		prev = cp;
	}
	li->len = pos;
	if (foreign && (li->kind == LAYOUT_TEXT || li->kind == LAYOUT_LONE_MARK ||
			li->kind == LAYOUT_INVISIBLE)) {
		li->kind = li->kind == LAYOUT_LONE_MARK ? LAYOUT_LONE_MARK : LAYOUT_TEXT;
		li->width = layout_codepoint_width(0xFFFD, o);
	} else if (li->kind == LAYOUT_TEXT) {
		if (vs16 || emoji_join || ri == 2)
			width = 2;
		li->width = width;
	} else if (li->kind == LAYOUT_INVISIBLE && li->len > first_len) {
		/* A format character that carries something (a prepended sign on
		 * its number): show the whole as text. */
		li->kind = LAYOUT_TEXT;
		li->width = width > 0 ? width : 1;
	} else if (li->kind == LAYOUT_INVISIBLE) {
		li->width = 0;
	} else if (li->kind == LAYOUT_LONE_MARK) {
		/* As shown (see layout_visible): on a no-break space, as wide as
		 * its widest member, or U+FFFD for a mark that takes no base. */
		if (layout_mark_refuses_base(li->first))
			li->width = layout_codepoint_width(0xFFFD, o);
		else if (vs16 || emoji_join || ri == 2 || li->first == LAYOUT_VS16)
			li->width = 2;  /* as the text kind below: a ZWJ inside joins, and
					 * U+FE0F asks its no-break space for emoji width */
		else
			li->width = width > 1 ? width : 1;
	} else if (li->kind == LAYOUT_TAB ||
		   li->kind == LAYOUT_UNASSIGNED || li->kind == LAYOUT_INVALID) {
		li->width = li->kind == LAYOUT_UNASSIGNED ? layout_codepoint_width(0xFFFD, o) : 1;
	} else {
		li->width = layout_mark_width(li->kind, li->first, li->len);
	}
}

int layout_cluster(const char *s, size_t n, size_t *len, const struct layout_opts *o)
{
	struct layout_info li;

	if (n == 0) {
		*len = 0;
		return 0;
	}
	layout_scan(s, n, o, &li);
	*len = li.len;
	return li.width;
}

/* Whether a code point may follow the first one inside a shown cluster. */
static bool layout_joinable(int32_t cp)
{
	enum layout_kind k = layout_kind_of(cp);

	return k == LAYOUT_TEXT || k == LAYOUT_LONE_MARK || k == LAYOUT_INVISIBLE;
}

/* Copies the cluster itself, cut at a code point boundary so that it fits in
 * room (with its NUL). A control cannot be inside a cluster by UAX #29, but the
 * bytes are untrusted: every code point is checked, and a cluster holding
 * anything else is shown as U+FFFD. */
static size_t layout_visible_text(const char *s, size_t len, char *out, size_t room)
{
	size_t pos, l, kept = 0;
	int32_t cp;

	for (pos = 0; pos < len; pos += l) {
		cp = layout_decode(s + pos, len - pos, &l);
		if (cp < 0 || (pos > 0 && !layout_joinable(cp)))
			return (size_t)snprintf(out, room, "%s", LAYOUT_REPLACEMENT);
		if (kept == pos && pos + l < room)
			kept = pos + l;
	}
	memcpy(out, s, kept);
	out[kept] = '\0';
	return kept;
}

size_t layout_visible(const char *s, size_t len, char out[LAYOUT_CLUSTER_MAX],
		      const struct layout_opts *o)
{
	struct layout_info li;
	size_t r;

	out[0] = '\0';
	if (len == 0)
		return 0;
	layout_scan(s, len, o, &li);
	switch (li.kind) {
	case LAYOUT_INVALID:
	case LAYOUT_UNASSIGNED:
		return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, "%s", LAYOUT_REPLACEMENT);
	case LAYOUT_TAB:
		return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, " ");
	case LAYOUT_CONTROL:
		return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, "^%c", (char)(li.first ^ 0x40));
	case LAYOUT_NEWLINE:
		if (li.first == 0x85)
			return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, "<85>");
		if (li.len == 2)
			return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, "^M^J");
		return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, "^%c", (char)(li.first ^ 0x40));
	case LAYOUT_C1:
		return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, "<%02x>", (unsigned)li.first);
	case LAYOUT_ESCAPE_MARK:
		return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, "<U+%04X>", (unsigned)li.first);
	case LAYOUT_INVISIBLE:
		return 0;
	case LAYOUT_LONE_MARK:
		/* A mark with nothing to sit on would land on whatever the terminal
		 * drew before: give it a base of its own. A few marks never join a
		 * base (U+106D, which Unicode gives no cluster class): with one they
		 * would be two clusters, wider than the one column measured, so they
		 * are shown as U+FFFD like anything else that cannot be drawn. */
		if (layout_mark_refuses_base(li.first))
			return (size_t)snprintf(out, LAYOUT_CLUSTER_MAX, "%s", LAYOUT_REPLACEMENT);
		r = layout_visible_text(s, li.len, out + 2, LAYOUT_CLUSTER_MAX - 2);
		if (strcmp(out + 2, LAYOUT_REPLACEMENT) == 0) {
			memmove(out, out + 2, r + 1);
			return r;
		}
		memcpy(out, LAYOUT_NBSP, 2);
		return r + 2;
	case LAYOUT_TEXT:
		break;
	}
	return layout_visible_text(s, li.len, out, LAYOUT_CLUSTER_MAX);
}

/* Whether s[pos] is a printable ASCII character that is a cluster of its
 * own, one column wide: the next byte is ASCII too (or there is none), and no
 * two ASCII characters but CR LF hold together. Most text is measured so,
 * without asking utf8proc (a list of 100,000 titles). */
static bool layout_ascii_alone(const char *s, size_t pos, size_t n)
{
	unsigned char c = (unsigned char)s[pos];
	return c >= 0x20 && c < 0x7F && (pos + 1 == n || (unsigned char)s[pos + 1] < 0x80);
}

int layout_width(const char *s, size_t n, const struct layout_opts *o)
{
	struct layout_info li;
	size_t pos = 0;
	int w = 0;

	while (pos < n) {
		if (layout_ascii_alone(s, pos, n)) {
			w++;
			pos++;
			continue;
		}
		layout_scan(s + pos, n - pos, o, &li);
		w += li.width;
		pos += li.len;
	}
	return w;
}

int layout_strwidth(const char *s, const struct layout_opts *o)
{
	return layout_width(s, strlen(s), o);
}

size_t layout_fit(const char *s, size_t n, int width, int *used, const struct layout_opts *o)
{
	struct layout_info li;
	size_t pos;
	int w = 0;

	for (pos = 0; pos < n; pos += li.len) {
		layout_scan(s + pos, n - pos, o, &li);
		if (w + li.width > width)
			break;
		w += li.width;
	}
	if (used != NULL)
		*used = w;
	return pos;
}

char *layout_truncate(const char *s, int width, bool pad, const struct layout_opts *o)
{
	static const char ellipsis[] = "\xE2\x80\xA6";  /* U+2026 */
	struct layout_info li;
	struct buf b;
	size_t n = strlen(s), fit, pos;
	int w, ew, used;

	buf_init(&b);
	if (width <= 0)
		return buf_take(&b);
	w = layout_width(s, n, o);
	ew = layout_codepoint_width(0x2026, o);
	if (w <= width) {
		fit = n;
		used = w;
	} else if (ew > width) {
		fit = layout_fit(s, n, width, &used, o);
	} else {
		fit = layout_fit(s, n, width - ew, &used, o);
	}
	/* The result is what is shown, so that it is safe to print anywhere (the
	 * command line prints it straight to a terminal): marks for controls, a
	 * space for a tab (it would expand wherever it lands). The widths agree:
	 * a mark is measured as itself. */
	for (pos = 0; pos < fit; pos += li.len) {
		char shown[LAYOUT_CLUSTER_MAX];
		size_t k;

		layout_scan(s + pos, fit - pos, o, &li);
		k = layout_visible(s + pos, li.len, shown, o);
		buf_add(&b, shown, k);
	}
	if (w > width && ew <= width) {
		/* A wide cluster that would straddle the ellipsis left a gap. */
		for (; used < width - ew; used++)
			buf_addc(&b, ' ');
		buf_adds(&b, ellipsis);
		used += ew;
	}
	for (; pad && used < width; used++)
		buf_addc(&b, ' ');
	return buf_take(&b);
}
