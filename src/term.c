/* term.c: the one place that picks a terminal backend by name, and the one
 * place (with the backends themselves) that knows which ones are built in. */
#include <config.h>
#include "term.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

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
