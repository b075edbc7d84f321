/* term_tickit.h: the libtickit backend on a TickitTerm that someone else made,
 * for the tests (libtickit's mock terminal). annals itself opens the backend
 * through term_open("tickit"); only the backend and its tests see libtickit. */
#ifndef ANNALS_TERM_TICKIT_H
#define ANNALS_TERM_TICKIT_H

#include <stdbool.h>
#include <tickit.h>

#include "term.h"

/* A backend drawing on tt and reading its key, mouse and resize events. color:
 * whether palette colours are used (false: as under NO_COLOR). The caller keeps
 * tt and destroys it after term_close; the backend takes a reference meanwhile.
 * When tt has no input file descriptor, next() reports TERM_EV_END once the
 * events already pushed to tt are read. */
struct term *term_tickit_new(TickitTerm *tt, bool color);

/* The terminfo hook the backend builds its terminal with (for a TickitTerm
 * made by a test to decode input the same way). */
const struct TickitTerminfoHook *term_tickit_hook(void);

#endif
