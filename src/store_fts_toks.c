/* store_fts_toks.c: the distinct search tokens of a row, made by the threads
 * that read the files, so that the one thread writing the index only hands
 * them to FTS5.
 *
 * The table has no details (rowids only), so a token said twice in one row
 * adds nothing: each is said once. A token is at most two code points, eight
 * bytes of UTF-8 with no NUL in it, so it is its own key in a small hash set:
 * its bytes as one 64-bit number. */
#include <config.h>
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void store_fts_toks_init(struct store_fts_toks *t)
{
	memset(t, 0, sizeof *t);
}

void store_fts_toks_free(struct store_fts_toks *t)
{
	buf_free(&t->out);
	free(t->set);
	free(t->used);
	store_fts_toks_init(t);
}

static size_t store_fts_slot(uint64_t key, size_t mask)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

/* Makes room for one more key: the set is kept at most half full. */
static void store_fts_set_grow(struct store_fts_toks *t)
{
	size_t cap = t->setcap ? t->setcap * 2 : 256;
	uint64_t *set = xcalloc(cap, sizeof *set);
	size_t *used = xcalloc(cap / 2, sizeof *used);
	for (size_t i = 0; i < t->nused; i++) {
		size_t k = store_fts_slot(t->set[t->used[i]], cap - 1);
		while (set[k])
			k = (k + 1) & (cap - 1);
		set[k] = t->set[t->used[i]];
		used[i] = k;
	}
	free(t->set);
	free(t->used);
	t->set = set;
	t->used = used;
	t->setcap = cap;
}

/* Appends a token to t->out: its length byte, then its bytes. */
static void store_fts_toks_put(struct store_fts_toks *t, const char *tok, size_t len)
{
	struct buf *o = &t->out;
	if (o->len + len + 2 > o->cap)
		xgrow((void **)&o->data, &o->cap, o->len + len + 2, 1);
	o->data[o->len] = (char)len;
	memcpy(o->data + o->len + 1, tok, len);
	o->len += len + 1;
}

static int store_fts_toks_add(void *ctx, const char *tok, size_t len)
{
	struct store_fts_toks *t = ctx;
	if (len > sizeof(uint64_t)) {     /* not a token store_fts_tokens makes */
		store_fts_toks_put(t, tok, len);
		return 0;
	}
	uint64_t key = 0;
	memcpy(&key, tok, len);
	if ((t->nused + 1) * 2 > t->setcap)
		store_fts_set_grow(t);
	size_t mask = t->setcap - 1, k = store_fts_slot(key, mask);
	while (t->set[k] && t->set[k] != key)
		k = (k + 1) & mask;
	if (t->set[k])
		return 0;
	t->set[k] = key;
	t->used[t->nused++] = k;
	store_fts_toks_put(t, tok, len);
	return 0;
}

void store_fts_toks_row(struct store_fts_toks *t, const char *s, size_t n)
{
	store_fts_tokens(s, n, t, store_fts_toks_add);
	store_fts_toks_put(t, "", 0);   /* the row's end: a length of 0 */
	/* Emptied slot by slot: a long row does not make every short one pay
	 * for clearing its whole table. */
	for (size_t i = 0; i < t->nused; i++)
		t->set[t->used[i]] = 0;
	t->nused = 0;
}

int store_fts_toks_each(const char **cursor, void *ctx,
			int (*emit)(void *ctx, const char *tok, size_t len))
{
	const unsigned char *p = (const unsigned char *)*cursor;
	int rc = 0;
	for (; *p && rc == 0; p += 1 + *p)
		rc = emit(ctx, (const char *)p + 1, *p);
	*cursor = store_fts_toks_next((const char *)p);
	return rc;
}

const char *store_fts_toks_next(const char *cursor)
{
	const unsigned char *p = (const unsigned char *)cursor;
	if (!p)
		return NULL;
	while (*p)
		p += 1 + *p;
	return (const char *)p + 1;
}
