/* xalloc.h: allocation that cannot fail quietly. annals has nothing sensible to
 * do when memory runs out, so these print a message and exit. */
#ifndef ANNALS_XALLOC_H
#define ANNALS_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *p (holding *cap elements of size) so that it holds at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer, always NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_init(struct buf *b);
/* Room for n bytes and the NUL, exactly, when the caller knows what is coming:
 * a buffer grown by doubling may hold twice what it needs. */
void buf_reserve(struct buf *b, size_t n);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the string over to the caller; b is left empty. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
