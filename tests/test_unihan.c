/* test_unihan.c: readings and glosses of Han characters as the generated table
 * gives them: tones stripped, ü as u, every reading of a character with
 * several, glosses, and nothing for what is not a Han character. */
#include <config.h>

#include <stdio.h>

#include "tap.h"
#include "unihan.h"

static void check_mandarin(uint32_t cp, const char *want)
{
	char what[64];
	snprintf(what, sizeof what, "mandarin U+%04X", (unsigned)cp);
	tap_str_eq(unihan_mandarin(cp), want, what);
}

static void check_readings(uint32_t cp, const char *want)
{
	char what[64];
	snprintf(what, sizeof what, "readings U+%04X", (unsigned)cp);
	tap_str_eq(unihan_readings(cp), want, what);
}

int main(void)
{
	check_mandarin(0x4E00, "yi");           /* 一 yī */
	check_mandarin(0x590F, "xia");          /* 夏 xià */
	check_mandarin(0x95E8, "men");          /* 门 mén */
	check_mandarin(0x9580, "men");          /* 門, traditional */
	check_mandarin(0x90ED, "guo");          /* 郭 guō */
	check_mandarin(0x58F0, "sheng");        /* 声 shēng */
	check_mandarin(0x7428, "kun");          /* 琨 kūn */
	check_mandarin(0x5415, "lu");           /* 吕 lǚ: ü as u */
	check_mandarin(0x5973, "nu");           /* 女 nǚ */
	check_mandarin(0x53A6, "sha");          /* 厦: shà first, xià in 厦门 */
	check_mandarin(0x67CF, "bai");          /* 柏: bǎi first, bó in 柏林 */
	/* not Han, or outside the table */
	check_mandarin('A', NULL);
	check_mandarin(0x3002, NULL);           /* 。 */
	check_mandarin(0x0, NULL);
	check_mandarin(0x10FFFF, NULL);
	check_mandarin(0xFFFFFFFF, NULL);

	check_readings(0x53A6, "sha xia");
	check_readings(0x67CF, "bai bo");
	check_readings(0x7EF4, "wei");          /* 维 */
	check_readings('z', NULL);

	tap_str_eq(unihan_definition(0x6797), "forest, grove; surname", "definition 林");
	tap_str_eq(unihan_definition(0x95E8), "gate, door, entrance, opening", "definition 门");
	tap_str_eq(unihan_definition('A'), NULL, "no definition for A");

	/* every reading is lowercase ASCII letters, and the first is kMandarin's */
	bool clean = true, first = true;
	size_t han = 0;
	for (uint32_t cp = 0x4E00; cp <= 0x9FFF; cp++) {
		const char *m = unihan_mandarin(cp), *r = unihan_readings(cp);
		if (!m)
			continue;
		han++;
		for (const char *p = m; *p; p++)
			clean &= *p >= 'a' && *p <= 'z';
		for (const char *p = r; *p; p++)
			clean &= (*p >= 'a' && *p <= 'z') || *p == ' ';
		size_t n = strlen(m);
		first &= strncmp(r, m, n) == 0 && (r[n] == '\0' || r[n] == ' ');
	}
	tap_ok(clean, "readings of U+4E00..U+9FFF are lowercase ASCII");
	tap_ok(first, "the first reading is kMandarin's");
	tap_ok(han > 20000, "most of U+4E00..U+9FFF has a reading (%zu)", han);
	return tap_done();
}
