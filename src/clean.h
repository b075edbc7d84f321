/* clean.h: making untrusted bytes into text that is safe to measure and show,
 * and telling scraped page furniture (share buttons, language menus, link spam)
 * from an article's own words. Cleaning is done once, in ingest. */
#ifndef ANNALS_CLEAN_H
#define ANNALS_CLEAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "article.h"

/* Bytes to valid UTF-8: every invalid byte becomes U+FFFD and NUL bytes are
 * dropped. Warnings name the file and the byte offset ("FILE: byte N: invalid
 * UTF-8 replaced"); after a few, one summary line counts the rest. Returns a
 * NUL-terminated string (owned by the caller), its length in *outlen. */
char *clean_utf8(const char *bytes, size_t len, const char *file, struct collection *col,
		 size_t *outlen);

/* Valid UTF-8 to clean text: CRLF and CR become LF, tabs spaces; C0 and C1
 * control characters, DEL, terminal escape sequences (CSI, OSC, DCS ...),
 * bidirectional overrides and byte order marks are removed; the result is NFC.
 * Embedded NUL bytes are dropped. The result is at most CLEAN_TEXT_MAX(len)
 * bytes (plus its NUL): usually no longer than the input, but a form feed or
 * vertical tab becomes a blank line (two newlines), a byte that is not UTF-8
 * U+FFFD (three bytes), and NFC may decompose a composition exclusion into
 * three times its bytes (U+1D160 is 4 bytes, its NFC 12). */
#define CLEAN_TEXT_MAX(len) (3 * (size_t)(len))
char *clean_text(const char *s, size_t len, size_t *outlen);

/* A name (a file name, an ID, a message that quotes them) as text that is safe
 * to show: every byte that is not UTF-8 and every control character, escape
 * sequence introducer, line separator or bidirectional override becomes
 * U+FFFD; the rest is kept as it is, so a clean name is unchanged. Owned by
 * the caller. */
char *clean_name(const char *s, size_t len);

/* True when normalisation can never change the code point nor join it to its
 * neighbours (no decomposition, combining class 0, never the second half of a
 * composition): ASCII, Latin-1 and Latin Extended letters, common punctuation,
 * kana, CJK ideographs and punctuation, full-width forms. Text made of these
 * alone is NFC already, so cleaning skips the normalisation. */
bool clean_nfc_inert(int32_t cp);
/* Inert, and case folding leaves it alone too (ASCII letters aside): CJK
 * ideographs, kana and CJK punctuation. */
bool clean_fold_inert(int32_t cp);

/* Markdown inline markup: **strong**, *em*, __strong__, _em_ markers are removed
 * and recorded as spans (bytes of the result); [text](url) becomes text and
 * backslash escapes are resolved. *emph is owned by the caller (NULL if none). */
char *clean_markdown_inline(const char *s, size_t len, struct span **emph, size_t *nemph);

/* Boilerplate rules: data/boilerplate.txt plus the general heuristics. */
struct clean_rules;

/* Reads the list at path; a missing or unreadable list is warned about and the
 * general rules still apply. */
struct clean_rules *clean_rules_load(const char *path, struct collection *col);
void clean_rules_free(struct clean_rules *r);

/* The comparison key of a line: case-folded, spaces removed, surrounding
 * punctuation trimmed. Owned by the caller. */
char *clean_key(const char *s, size_t len);

/* True when the line is nothing but punctuation, symbols and spaces. */
bool clean_is_punctuation(const char *s, size_t len);
/* True when the line is page furniture by itself: a listed phrase or prefix, a
 * lone punctuation line, a language menu, a language label ("Mandarin
 * Chinese:"), or a line of part numbers (link spam). */
bool clean_is_boilerplate(const struct clean_rules *r, const char *s, size_t len);
/* When the line is a "Source: X" line, the offset of X; else 0. */
size_t clean_source_label(const struct clean_rules *r, const char *s, size_t len);

/* Number of code points in s. */
size_t clean_codepoints(const char *s, size_t len);
/* True when the text ends with sentence-final punctuation (. ! ? 。！？… and
 * closing quotes or brackets after them). */
bool clean_ends_sentence(const char *s, size_t len);

#endif
