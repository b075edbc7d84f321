/* unihan.c: lookups in the Han readings table generated at build time. */
#include <config.h>
#include "unihan.h"

#include <stddef.h>

#include "unihan_table.h"

static const struct unihan_entry *unihan_find(uint32_t cp)
{
	size_t lo = 0, hi = unihan_table_n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (unihan_table[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < unihan_table_n && unihan_table[lo].cp == cp ? &unihan_table[lo] : NULL;
}

const char *unihan_mandarin(uint32_t cp)
{
	const struct unihan_entry *e = unihan_find(cp);
	return e ? e->mandarin : NULL;
}

const char *unihan_definition(uint32_t cp)
{
	const struct unihan_entry *e = unihan_find(cp);
	return e ? e->definition : NULL;
}

const char *unihan_readings(uint32_t cp)
{
	const struct unihan_entry *e = unihan_find(cp);
	return e ? e->readings : NULL;
}
