/* freedict.h: FreeDict's English–French and French–English dictionaries as
 * Debian installs them (packages dict-freedict-eng-fra, dict-freedict-fra-eng:
 * /usr/share/dictd/freedict-*.index and .dict.dz), read at run time. The
 * .dict.dz is gzip (dictzip adds random access, which a whole read does not
 * need); each entry is a headword line, then its translations separated by
 * commas. annals works without them. */
#ifndef ANNALS_FREEDICT_H
#define ANNALS_FREEDICT_H

#include <stdbool.h>
#include <stddef.h>

#define FREEDICT_DIR "/usr/share/dictd"

struct freedict;

/* The dictionary from language from ("en", "fr") to language to, read from
 * dir (NULL: /usr/share/dictd); NULL when it is not installed or unreadable. */
struct freedict *freedict_open(const char *dir, const char *from, const char *to);
void freedict_close(struct freedict *d);

/* The translations of a headword (lower case), as text of *len bytes with
 * the words separated by commas and line ends, or NULL. Points into d. */
const char *freedict_lookup(const struct freedict *d, const char *word, size_t n, size_t *len);

/* Whether both directions between English and French are installed in dir
 * (NULL: /usr/share/dictd), for --version. */
bool freedict_installed(const char *dir);

#endif
