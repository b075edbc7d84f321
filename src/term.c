/* term.c: the one place that picks a terminal backend by name, and the one
 * place (with the backends themselves) that knows which ones are built in. */
#include <config.h>
#include "term.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

/* The backends built in, by name, the default first. */
const char *term_backends(void)
{
#if HAVE_TICKIT
	return "curses tickit";
#else
	return "curses";
#endif
}

bool term_backend_check(const char *name, char *err, size_t errsize)
{
	if (name == NULL || strcmp(name, "curses") == 0)
		return true;
#if HAVE_TICKIT
	if (strcmp(name, "tickit") == 0)
		return true;
#else
	if (strcmp(name, "tickit") == 0) {
		snprintf(err, errsize, _("backend '%s' is not built in (available: %s)"), name,
			 term_backends());
		return false;
	}
#endif
	snprintf(err, errsize, _("unknown backend '%s' (available: %s)"), name, term_backends());
	return false;
}

bool term_shown_fit(struct surface **shown, const struct surface *s)
{
	if (*shown == NULL) {
		*shown = surface_new(s->w, s->h, &s->lo);
		return true;
	}
	if ((*shown)->w != s->w || (*shown)->h != s->h) {
		surface_resize(*shown, s->w, s->h);
		return true;
	}
	return false;
}

struct term *term_open(const char *name, char *err, size_t errsize)
{
	if (!term_backend_check(name, err, errsize))
		return NULL;
#if HAVE_TICKIT
	if (name != NULL && strcmp(name, "tickit") == 0)
		return term_tickit_open(err, errsize);
#endif
	return term_curses_open(err, errsize);
}

/* Whether the terminal is known to take OSC 52 ("set the selection"). */
static bool term_osc52_allowed(void)
{
	const char *force = getenv("ANNALS_OSC52");
	if (force && force[0])
		return force[0] == '1' || force[0] == 'y';
	/* Inside tmux (with set-clipboard on) and the terminals that implement it. */
	const char *tmux = getenv("TMUX");
	if (tmux && tmux[0])
		return true;
	const char *term = getenv("TERM");
	static const char *const known[] = {
		"xterm", "tmux", "kitty", "foot", "alacritty", "wezterm", "contour", "st-", "rxvt",
	};
	for (size_t i = 0; term && i < sizeof known / sizeof *known; i++)
		if (strncmp(term, known[i], strlen(known[i])) == 0)
			return true;
	return false;
}

bool term_osc52(int fd, const char *text, size_t len)
{
	if (len > TERM_OSC52_MAX || !term_osc52_allowed())
		return false;
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "\033]52;c;");
	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned char)text[i] << 16;
		if (i + 1 < len)
			v |= (unsigned char)text[i + 1] << 8;
		if (i + 2 < len)
			v |= (unsigned char)text[i + 2];
		char q[4] = { b64[v >> 18 & 63], b64[v >> 12 & 63],
			      i + 1 < len ? b64[v >> 6 & 63] : '=', i + 2 < len ? b64[v & 63] : '=' };
		buf_add(&b, q, 4);
	}
	buf_adds(&b, "\a");
	bool ok = true;
	for (size_t off = 0; off < b.len;) {
		ssize_t n = write(fd, b.data + off, b.len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ok = false;
			break;
		}
		off += (size_t)n;
	}
	buf_free(&b);
	return ok;
}
