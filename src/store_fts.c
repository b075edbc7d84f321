/* store_fts.c: the search table of the index: an FTS5 table whose tokenizer is
 * annals's own ("annals", registered through SQLite's FTS5 tokenizer API).
 *
 * It finds candidates, not matches: the text is folded as search.c folds it
 * (fold.h: case, accents, width, traditional to simplified), and its tokens are
 * every pair of adjacent letters or digits and every letter outside ASCII alone,
 * the same units search.c's own index is made of. An article that holds a query
 * word holds all of that word's pairs, so the articles holding them all are a
 * superset of the answer; search.c then checks those few exactly, which keeps
 * the results exactly what reading the files gives.
 *
 * The table is contentless and has no details (rowids only): small. The rows
 * of files read again or gone are taken out with FTS5's 'delete' command,
 * which needs the text a row was made from: store_write.c makes it again from
 * the title and paragraphs the index kept (store_fts_text, the same function). */
#include <config.h>
#include "store_int.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "utf8.h"
#include "xalloc.h"

struct store_tok {
	bool folded;                    /* "annals folded": the text comes folded already */
	struct fold *fold;
	struct fold_out out;
	struct store_fts_feed *feed;    /* the connection's, or NULL */
	struct store_fts_toks toks;     /* a row's tokens, when not fed */
};

static bool store_fts_wordc(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

/* Calls emit for every token of folded text s[0..n): adjacent pairs of word
 * characters, and each word character outside ASCII. */
int store_fts_tokens(const char *s, size_t n, void *ctx,
		     int (*emit)(void *ctx, const char *tok, size_t len))
{
	size_t prev = (size_t)-1;   /* where the previous word character starts */
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0;) {
		size_t len;
		int32_t c = utf8_decode(s, n, i, &len);
		if (!store_fts_wordc(c)) {
			prev = (size_t)-1;
			i += len;
			continue;
		}
		if (c >= 0x80)
			rc = emit(ctx, s + i, len);
		if (rc == 0 && prev != (size_t)-1)
			rc = emit(ctx, s + prev, i + len - prev);
		prev = i;
		i += len;
	}
	return rc;
}

static int store_tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct store_tok *t = xcalloc(1, sizeof *t);
	t->feed = ctx;
	store_fts_toks_init(&t->toks);
	for (int i = 0; i < argc; i++)
		t->folded |= strcmp(argv[i], "folded") == 0;
	if (!t->folded)
		t->fold = fold_new();
	fold_out_init(&t->out);
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void store_tok_delete(Fts5Tokenizer *tok)
{
	struct store_tok *t = (struct store_tok *)tok;
	if (t->fold)
		fold_free(t->fold);
	fold_out_free(&t->out);
	store_fts_toks_free(&t->toks);
	free(t);
}

struct store_tok_emit {
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
};

static int store_tok_emit(void *ctx, const char *tok, size_t len)
{
	struct store_tok_emit *e = ctx;
	return e->token(e->ctx, 0, tok, (int)len, 0, (int)len);
}

static int store_tok_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int n,
			      int (*token)(void *, int, const char *, int, int, int))
{
	struct store_tok *t = (struct store_tok *)tok;
	/* A query's tokens are made by store_fts_match, already whole. */
	if (flags & FTS5_TOKENIZE_QUERY)
		return n > 0 ? token(ctx, 0, text, n, 0, n) : SQLITE_OK;
	const char *s = text;
	size_t len = (size_t)n;
	if (!t->folded) {
		fold_text(t->fold, text, len, &t->out, false);
		s = t->out.text;
		len = t->out.len;
	}
	/* No positions are kept (detail=none), so the offsets given are moot. */
	struct store_tok_emit e = { ctx, token };
	const struct store_fts_feed *fd = t->feed;
	if (fd && fd->toks && fd->n == len && memcmp(fd->text, s, len) == 0) {
		const char *cur = fd->toks;
		return store_fts_toks_each(&cur, &e, store_tok_emit);
	}
	t->toks.out.len = 0;
	store_fts_toks_row(&t->toks, s, len);
	const char *cur = t->toks.out.data;
	return store_fts_toks_each(&cur, &e, store_tok_emit);
}

static fts5_api *store_fts_api(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &q, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(q, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(q);
	sqlite3_finalize(q);
	return api && api->iVersion >= 2 ? api : NULL;
}

int store_fts_register(sqlite3 *db)
{
	fts5_api *api = store_fts_api(db);
	if (!api)
		return SQLITE_ERROR;
	static fts5_tokenizer tokenizer = { store_tok_create, store_tok_delete, store_tok_tokenize };
	/* The feed lives as long as the tokenizer: SQLite frees it with the connection. */
	return api->xCreateTokenizer(api, "annals", xcalloc(1, sizeof(struct store_fts_feed)),
				     &tokenizer, free);
}

struct store_fts_feed *store_fts_feed(sqlite3 *db)
{
	fts5_api *api = store_fts_api(db);
	void *feed = NULL;
	fts5_tokenizer tok;
	if (!api || api->xFindTokenizer(api, "annals", &feed, &tok) != SQLITE_OK)
		return NULL;
	return feed;
}

/* The MATCH expression of a folded word: every one of its tokens, ANDed. */
struct store_match {
	struct buf expr;
	char **seen;
	size_t nseen, capseen;
};

static int store_match_add(void *ctx, const char *tok, size_t len)
{
	struct store_match *m = ctx;
	for (size_t i = 0; i < m->nseen; i++)
		if (strlen(m->seen[i]) == len && memcmp(m->seen[i], tok, len) == 0)
			return 0;
	xgrow((void **)&m->seen, &m->capseen, m->nseen + 1, sizeof *m->seen);
	m->seen[m->nseen++] = xstrndup(tok, len);
	if (m->expr.len)
		buf_adds(&m->expr, " AND ");
	/* Tokens are letters and digits only: no quote to double. */
	buf_addc(&m->expr, '"');
	buf_add(&m->expr, tok, len);
	buf_addc(&m->expr, '"');
	return 0;
}

/* The expression for folded text s[0..n) (malloc'd), or NULL when it has no
 * token (one ASCII letter, or only marks): it narrows nothing. */
static char *store_match_expr(const char *s, size_t n)
{
	struct store_match m = { 0 };
	buf_init(&m.expr);
	store_fts_tokens(s, n, &m, store_match_add);
	for (size_t i = 0; i < m.nseen; i++)
		free(m.seen[i]);
	free(m.seen);
	char *expr = buf_take(&m.expr);
	if (expr && !*expr) {
		free(expr);
		expr = NULL;
	}
	return expr;
}

int store_fts_term_slots(struct store *st, const char *term, size_t len, struct store_slot **out,
			 size_t *n, bool *all)
{
	*out = NULL;
	*n = 0;
	char *expr = store_match_expr(term, len);
	*all = expr == NULL;
	if (!expr)
		return SQLITE_OK;
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(st->db, "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid",
				    -1, &q, NULL);
	size_t cap = 0;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, expr, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			long long key = sqlite3_column_int64(q, 0);
			size_t slot = (size_t)(key & STORE_FTS_SLOT_LAST);
			xgrow((void **)out, &cap, *n + 1, sizeof **out);
			(*out)[(*n)++] = (struct store_slot){ key >> STORE_FTS_SLOT_BITS, slot,
							      slot == STORE_FTS_SLOT_LAST };
		}
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_finalize(q);
	}
	free(expr);
	return rc;
}

static int store_ll_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* The articles of the rows a word's slots name, in place, ascending, once each. */
static size_t store_slot_articles(const struct store_slot *s, size_t n, long long *rows)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (k == 0 || rows[k - 1] != s[i].row)
			rows[k++] = s[i].row;
	return k;
}

int store_fts_candidates(struct store *st, const char *query, long long **rows, size_t *n, bool *all)
{
	*rows = NULL;
	*n = 0;
	*all = true;
	struct fold *f = fold_new();
	struct fold_out o;
	fold_out_init(&o);
	fold_text(f, query, strlen(query), &o, false);
	fold_free(f);
	/* Every word must be in the article, in any of its rows: the articles of
	 * each word's rows, intersected (quotes left aside: a superset). */
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < o.len;) {
		const char *sp = memchr(o.text + i, ' ', o.len - i);
		size_t end = sp ? (size_t)(sp - o.text) : o.len;
		struct store_slot *slots;
		size_t ns;
		bool word_all;
		rc = store_fts_term_slots(st, o.text + i, end - i, &slots, &ns, &word_all);
		if (rc == SQLITE_OK && !word_all) {
			long long *w = xmalloc((ns ? ns : 1) * sizeof *w);
			size_t nw = store_slot_articles(slots, ns, w);
			if (*all) {
				free(*rows);
				*rows = w;
				*n = nw;
				*all = false;
			} else {
				size_t k = 0;
				for (size_t j = 0; j < *n; j++)
					if (bsearch(&(*rows)[j], w, nw, sizeof *w, store_ll_cmp))
						(*rows)[k++] = (*rows)[j];
				*n = k;
				free(w);
			}
		}
		free(slots);
		i = end + 1;
	}
	fold_out_free(&o);
	if (rc != SQLITE_OK || *all) {
		free(*rows);
		*rows = NULL;
		*n = 0;
	}
	return rc;
}

int store_scan(struct store *st, const char *const *terms, const size_t *lens, size_t nterms,
	       int (*each)(void *arg, long long row, size_t slot, const char *folded, size_t len),
	       void *arg)
{
	/* Any word's rows: each word's tokens ANDed, the words ORed. */
	struct buf expr;
	buf_init(&expr);
	for (size_t t = 0; t < nterms; t++) {
		char *e = store_match_expr(terms[t], lens[t]);
		if (!e) {
			buf_free(&expr);
			return 1;
		}
		buf_printf(&expr, "%s(%s)", t ? " OR " : "", e);
		free(e);
	}
	char *e = buf_take(&expr);
	if (!e)
		return 1;
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(st->db, "SELECT rowid, text FROM search WHERE search MATCH ?"
				    " ORDER BY rowid", -1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, e, -1, SQLITE_STATIC);
		int stop = 0;
		while (!stop && (rc = sqlite3_step(q)) == SQLITE_ROW) {
			long long key = sqlite3_column_int64(q, 0);
			const char *text = (const char *)sqlite3_column_text(q, 1);
			size_t len = (size_t)sqlite3_column_bytes(q, 1);
			size_t slot = (size_t)(key & (long long)STORE_FTS_SLOT_LAST);
			if (!text)
				continue;
			/* The last row holds every slot from there on, a line each. */
			for (size_t i = 0; !stop && i <= len; slot++) {
				const char *nl = slot >= STORE_FTS_SLOT_LAST ? memchr(text + i, '\n', len - i) : NULL;
				size_t end = nl ? (size_t)(nl - text) : len;
				stop = each(arg, key >> STORE_FTS_SLOT_BITS, slot, text + i, end - i);
				i = end + 1;
			}
		}
		rc = stop ? SQLITE_OK : rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_finalize(q);
	}
	free(e);
	return rc == SQLITE_OK ? 0 : -1;
}

int store_fts_rows(long long art, const char *text, void *ctx,
		   int (*put)(void *ctx, long long rowid, const char *s, size_t n))
{
	int rc = SQLITE_OK;
	size_t slot = 0;
	for (const char *p = text; rc == SQLITE_OK && *p; slot++) {
		/* The last row takes every slot from there on. */
		const char *nl = slot < STORE_FTS_SLOT_LAST ? strchr(p, '\n') : NULL;
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len)
			rc = put(ctx, (art << STORE_FTS_SLOT_BITS) | (long long)slot, p, len);
		p += len + (nl != NULL);
	}
	return rc;
}

char *store_fts_text(struct fold *f, struct fold_out *o, const struct article *a)
{
	struct buf b;
	buf_init(&b);
	/* Folding keeps most text as long as it was: room for that at once, so
	 * that an article of many megabytes is not held twice over by doubling. */
	size_t want = a->title ? strlen(a->title) + 1 : 0;
	for (size_t i = 0; i < a->npara; i++)
		want += strlen(a->paras[i].text) + 1;
	buf_reserve(&b, want);
	/* The title too, always as the first line (empty when there is none),
	 * so that line k + 1 is paragraph k (store_fts_rows). */
	if (a->title) {
		fold_text(f, a->title, strlen(a->title), o, false);
		buf_add(&b, o->text, o->len);
	}
	buf_addc(&b, '\n');
	for (size_t i = 0; i < a->npara; i++) {
		fold_text(f, a->paras[i].text, strlen(a->paras[i].text), o, false);
		buf_add(&b, o->text, o->len);
		buf_addc(&b, '\n');
	}
	char *s = buf_take(&b);
	return s ? s : xstrdup("");
}

int store_candidates(struct store *st, const char *query, long long **rows, size_t *n, bool *all)
{
	return store_fts_candidates(st, query, rows, n, all) == SQLITE_OK ? 0 : -1;
}

int store_term_slots(struct store *st, const char *term, size_t len, struct store_slot **out,
		     size_t *n, bool *all)
{
	return store_fts_term_slots(st, term, len, out, n, all) == SQLITE_OK ? 0 : -1;
}
