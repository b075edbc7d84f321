/* term.c: the one place that picks a terminal backend by name. */
#include <config.h>
#include "term.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

struct term *term_open(const char *name, char *err, size_t errsize)
{
	if (name == NULL || strcmp(name, "curses") == 0)
		return term_curses_open(err, errsize);
	/* The libtickit backend joins here (under HAVE_TICKIT) when it lands. */
	snprintf(err, errsize, _("unknown backend '%s' (available: %s)"), name, "curses");
	return NULL;
}
