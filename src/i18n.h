/* i18n.h: gettext the ordinary way; _() and N_() are no-ops without NLS. */
#ifndef ANNALS_I18N_H
#define ANNALS_I18N_H

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext(s, p, n)
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
