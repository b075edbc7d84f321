/* unihan_table.h: the table that src/unihan_gen.awk writes into
 * unihan_table.c, sorted by code point; read only through unihan.h. */
#ifndef ANNALS_UNIHAN_TABLE_H
#define ANNALS_UNIHAN_TABLE_H

#include <stddef.h>
#include <stdint.h>

struct unihan_entry {
	uint32_t cp;
	const char *mandarin;           /* first kMandarin reading, or NULL */
	const char *readings;           /* every reading, space-separated, or NULL */
	const char *definition;         /* kDefinition, or NULL */
};

extern const struct unihan_entry unihan_table[];
extern const unsigned long unihan_table_n;

#endif
