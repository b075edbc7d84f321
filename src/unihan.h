/* unihan.h: readings and English glosses of Han characters, from the Unicode
 * Han database as Debian ships it (package unicode-data:
 * /usr/share/unicode/Unihan_Readings.txt.bz2), compiled into a table when
 * annals is built (src/unihan_gen.awk). Readings are Hanyu Pinyin without
 * tones, in lowercase ASCII: ü is written u (吕 "lu"), as names are in Latin
 * script. Lookups are a binary search; the table is read-only and shared. */
#ifndef ANNALS_UNIHAN_H
#define ANNALS_UNIHAN_H

#include <stdint.h>

/* The first kMandarin reading ("xia" for 夏, "sha" for 厦), or NULL when the
 * database gives none. */
const char *unihan_mandarin(uint32_t cp);
/* The kDefinition text ("big building, mansion"), or NULL. */
const char *unihan_definition(uint32_t cp);
/* Every Mandarin reading the database records (kMandarin first, then those of
 * kHanyuPinyin, kXHC1983, kTGHZ2013 and kHanyuPinlu), distinct, separated by
 * one space ("sha xia" for 厦, whose reading in 厦门 is the second), or NULL. */
const char *unihan_readings(uint32_t cp);

#endif
