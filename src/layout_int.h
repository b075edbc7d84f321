/* layout_int.h: what the layout files share and nobody else needs: the one
 * function that decides a code point's width, and the facts about a cluster
 * that wrapping and drawing both ask for. */
#ifndef ANNALS_LAYOUT_INT_H
#define ANNALS_LAYOUT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout.h"

/* Whether cp is East Asian Ambiguous (UAX #11) outside the private use areas
 * and the variation selectors, which keep their own widths. */
bool layout_ambiguous(int32_t cp);

/* Columns of one code point standing alone, in the sense of layout_cluster. */
int layout_codepoint_width(int32_t cp, const struct layout_opts *o);

/* How a cluster is shown. */
enum layout_kind {
	LAYOUT_TEXT,            /* itself */
	LAYOUT_INVALID,         /* one byte that is not UTF-8: U+FFFD */
	LAYOUT_CONTROL,         /* C0 or DEL: ^X */
	LAYOUT_C1,              /* U+0080..U+009F: <9b> */
	LAYOUT_ESCAPE_MARK,     /* bidi controls, line/paragraph separators: <U+202E> */
	LAYOUT_UNASSIGNED,      /* not a character (yet): U+FFFD */
	LAYOUT_INVISIBLE,       /* a lone format character: nothing, width 0 */
	LAYOUT_LONE_MARK,       /* a combining mark with no base: shown on a no-break space */
	LAYOUT_TAB,             /* a space here, expanded by layout_wrap */
	LAYOUT_NEWLINE,         /* LF, CR LF, CR, VT, FF, NEL: ^J etc. when drawn */
};

struct layout_info {
	size_t len;             /* bytes of the cluster */
	int width;              /* columns when shown */
	int32_t first;          /* its first code point, or -1 when invalid */
	enum layout_kind kind;
};

/* Reads the cluster at s[0..n) (n >= 1). */
void layout_scan(const char *s, size_t n, const struct layout_opts *o, struct layout_info *li);

#endif
