/* store_read.c: rows of the index back into articles: all of them in one pass
 * (with or without their bodies), or one article's body on demand. */
#include <config.h>
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static char *store_col_dup(sqlite3_stmt *q, int i)
{
	const unsigned char *t = sqlite3_column_text(q, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* s[0..len) as a language tag, cut to fit. (Not snprintf: at 100,000 articles
 * its formatting was a twentieth of the browser's start.) */
static void store_tag(char tag[LANG_TAG_MAX], const char *s, size_t len)
{
	if (len >= LANG_TAG_MAX)
		len = LANG_TAG_MAX - 1;
	memcpy(tag, s, len);
	tag[len] = '\0';
}

static void store_col_tag(sqlite3_stmt *q, int i, char tag[LANG_TAG_MAX])
{
	const unsigned char *t = sqlite3_column_text(q, i);
	store_tag(tag, t ? (const char *)t : "", t ? strlen((const char *)t) : 0);
}

/* "en zh-Hant" into a->langs. */
static void store_split_langs(struct article *a, const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += (p == s || p[-1] == ' ') && *p != ' ';
	a->langs = xcalloc(n ? n : 1, sizeof *a->langs);
	a->nlangs = 0;
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (len)
			store_tag(a->langs[a->nlangs++], p, len);
		p += len;
	}
}

#define STORE_ARTICLE_COLUMNS \
	"id, file, aid, title, source, url, path, year, month, day, prec, inferred, lang, langs, npara"

static void store_row_article(sqlite3_stmt *q, struct article *a)
{
	memset(a, 0, sizeof *a);
	a->row = sqlite3_column_int64(q, 0);
	a->id = store_col_dup(q, 2);
	a->title = store_col_dup(q, 3);
	a->source = store_col_dup(q, 4);
	a->url = store_col_dup(q, 5);
	a->path = store_col_dup(q, 6);
	a->date.year = sqlite3_column_int(q, 7);
	a->date.month = sqlite3_column_int(q, 8);
	a->date.day = sqlite3_column_int(q, 9);
	a->date.prec = (enum date_precision)sqlite3_column_int(q, 10);
	a->date.inferred = sqlite3_column_int(q, 11) != 0;
	store_col_tag(q, 12, a->lang);
	const unsigned char *langs = sqlite3_column_text(q, 13);
	store_split_langs(a, langs ? (const char *)langs : "");
	a->nbody = (size_t)sqlite3_column_int64(q, 14);
}

/* One paragraph row (lang, kind, text, emph) into p. */
static void store_row_para(sqlite3_stmt *q, int c, struct paragraph *p)
{
	memset(p, 0, sizeof *p);
	store_col_tag(q, c, p->lang);
	p->kind = (enum para_kind)sqlite3_column_int(q, c + 1);
	const unsigned char *t = sqlite3_column_text(q, c + 2);
	p->text = xstrdup(t ? (const char *)t : "");
	int bytes = sqlite3_column_bytes(q, c + 3);
	const void *blob = sqlite3_column_blob(q, c + 3);
	if (blob && bytes >= (int)(2 * sizeof(uint64_t))) {
		p->nemph = (size_t)bytes / (2 * sizeof(uint64_t));
		p->emph = xcalloc(p->nemph, sizeof *p->emph);
		const unsigned char *b = blob;
		for (size_t i = 0; i < p->nemph; i++) {
			uint64_t v[2];
			memcpy(v, b + i * sizeof v, sizeof v);
			p->emph[i] = (struct span){ (size_t)v[0], (size_t)v[1] };
		}
	}
}

/* The article whose row is row, in arts sorted by row (by), or NULL. */
static struct article *store_by_row(struct article **by, size_t n, long long row)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (by[mid]->row < row)
			lo = mid + 1;
		else if (by[mid]->row > row)
			hi = mid;
		else
			return by[mid];
	}
	return NULL;
}

static int store_row_cmp(const void *a, const void *b)
{
	long long x = (*(struct article *const *)a)->row, y = (*(struct article *const *)b)->row;
	return (x > y) - (x < y);
}

static int store_read_bodies(struct store *st, struct store_rows *rows)
{
	struct article **by = xcalloc(rows->n ? rows->n : 1, sizeof *by);
	for (size_t i = 0; i < rows->n; i++) {
		by[i] = &rows->arts[i];
		by[i]->paras = xcalloc(by[i]->nbody ? by[i]->nbody : 1, sizeof *by[i]->paras);
	}
	qsort(by, rows->n, sizeof *by, store_row_cmp);
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(st->db, "SELECT article, seq, lang, kind, text, emph FROM paragraphs"
				    " ORDER BY article, seq", -1, &q, NULL);
	struct article *a = NULL;
	while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		long long row = sqlite3_column_int64(q, 0);
		if (!a || a->row != row)
			a = store_by_row(by, rows->n, row);
		size_t seq = (size_t)sqlite3_column_int64(q, 1);
		/* Rows always come whole from one transaction; anything else is not ours. */
		if (!a || seq != a->npara || seq >= a->nbody) {
			rc = SQLITE_CORRUPT;
			break;
		}
		store_row_para(q, 2, &a->paras[a->npara++]);
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(q);
	for (size_t i = 0; rc == SQLITE_OK && i < rows->n; i++) {
		if (rows->arts[i].npara != rows->arts[i].nbody)
			rc = SQLITE_CORRUPT;
		rows->arts[i].nbody = 0;
	}
	free(by);
	return rc;
}

/* What store_read_rows reads of each article. */
enum store_read_what { STORE_HEADS, STORE_ARTICLES, STORE_BODIES };

/* An article's place in the order the rows are handed out in: by file, then
 * its place in the file. */
struct store_order {
	long long file, seq;
	size_t at;
};

static int store_order_cmp(const void *a, const void *b)
{
	const struct store_order *x = a, *y = b;
	if (x->file != y->file)
		return (x->file > y->file) - (x->file < y->file);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The articles read in the table's own order (no lookup from an index per
 * row: a third of the read at 100,000) put by file and place; ord[] holds
 * each one's, and is sorted. A file's rows are given out as it is written,
 * after its file row, so mostly nothing moves; the order is checked, not
 * assumed. */
static void store_rows_order(struct store_rows *rows, struct store_order *ord)
{
	size_t i = 1;
	while (i < rows->n && store_order_cmp(&ord[i - 1], &ord[i]) <= 0)
		i++;
	if (i >= rows->n)
		return;
	qsort(ord, rows->n, sizeof *ord, store_order_cmp);
	struct article *arts = xcalloc(rows->n, sizeof *arts);
	for (size_t k = 0; k < rows->n; k++) {
		arts[k] = rows->arts[ord[k].at];
		rows->art_file[k] = ord[k].file;
	}
	free(rows->arts);
	rows->arts = arts;
}

static int store_read_rows(struct store *st, enum store_read_what what, struct store_rows *rows)
{
	memset(rows, 0, sizeof *rows);
	sqlite3_stmt *q;
	size_t cap = 0, fcap = 0;
	/* Every article is read once, through a reader's cache. */
	int cache = st->cache_kib;
	store_cache(st, STORE_CACHE_READER);
	/* One read transaction, so that a writer in another process cannot come
	 * between the articles and their paragraphs. */
	int rc = db_exec(st->db, "BEGIN");
	/* The heads come from the index on (file, seq) alone; whole articles
	 * in the table's order, then put in that one. */
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, what == STORE_HEADS
					? "SELECT id, file FROM articles ORDER BY file, seq"
					: "SELECT " STORE_ARTICLE_COLUMNS ", seq FROM articles ORDER BY id",
					-1, &q, NULL);
	if (rc != SQLITE_OK) {
		db_exec(st->db, "ROLLBACK");
		store_cache(st, cache);
		return rc;
	}
	struct store_order *ord = NULL;
	size_t ocap = 0;
	/* Whole articles: the arrays at their size from the start (grown by
	 * doubling, the copies of 100,000 articles were a tenth of `list`).
	 * The heads are a number each, and are not counted first: that would
	 * be a second pass over the same index. */
	sqlite3_stmt *cq;
	if (what != STORE_HEADS &&
	    sqlite3_prepare_v2(st->db, "SELECT count(*) FROM articles", -1, &cq, NULL) == SQLITE_OK) {
		if (sqlite3_step(cq) == SQLITE_ROW && sqlite3_column_int64(cq, 0) > 0) {
			size_t want = (size_t)sqlite3_column_int64(cq, 0);
			xgrow((void **)&rows->art_file, &fcap, want, sizeof *rows->art_file);
			xgrow((void **)&rows->arts, &cap, want, sizeof *rows->arts);
			xgrow((void **)&ord, &ocap, want, sizeof *ord);
		}
		sqlite3_finalize(cq);
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		xgrow((void **)&rows->art_file, &fcap, rows->n + 1, sizeof *rows->art_file);
		rows->art_file[rows->n] = sqlite3_column_int64(q, 1);
		if (what != STORE_HEADS) {
			xgrow((void **)&rows->arts, &cap, rows->n + 1, sizeof *rows->arts);
			xgrow((void **)&ord, &ocap, rows->n + 1, sizeof *ord);
			store_row_article(q, &rows->arts[rows->n]);
			ord[rows->n] = (struct store_order){ rows->art_file[rows->n],
							     sqlite3_column_int64(q, 15), rows->n };
		}
		rows->n++;
	}
	sqlite3_finalize(q);
	rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	if (rc == SQLITE_OK && what != STORE_HEADS)
		store_rows_order(rows, ord);
	free(ord);
	cap = fcap = 0;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, "SELECT file, text FROM warnings ORDER BY file, seq", -1,
					&q, NULL);
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			xgrow((void **)&rows->warns, &cap, rows->nwarns + 1, sizeof *rows->warns);
			xgrow((void **)&rows->warn_file, &fcap, rows->nwarns + 1, sizeof *rows->warn_file);
			rows->warn_file[rows->nwarns] = sqlite3_column_int64(q, 0);
			rows->warns[rows->nwarns++] = store_col_dup(q, 1);
		}
		sqlite3_finalize(q);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	cap = 0;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, "SELECT id FROM files ORDER BY id", -1, &q, NULL);
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			xgrow((void **)&rows->file_rows, &cap, rows->nfile_rows + 1, sizeof *rows->file_rows);
			rows->file_rows[rows->nfile_rows++] = sqlite3_column_int64(q, 0);
		}
		sqlite3_finalize(q);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc == SQLITE_OK && what == STORE_BODIES)
		rc = store_read_bodies(st, rows);
	db_exec(st->db, "COMMIT");
	store_cache(st, cache);
	return rc;
}

int store_read_all(struct store *st, bool bodies, struct store_rows *rows)
{
	return store_read_rows(st, bodies ? STORE_BODIES : STORE_ARTICLES, rows);
}

int store_read_heads(struct store *st, struct store_rows *rows)
{
	return store_read_rows(st, STORE_HEADS, rows);
}

int store_read_files(struct store *st, const long long *files, size_t n, struct collection *col)
{
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(st->db, "SELECT " STORE_ARTICLE_COLUMNS " FROM articles WHERE file = ?"
				    " ORDER BY seq", -1, &q, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		sqlite3_bind_int64(q, 1, files[i]);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			struct article a;
			store_row_article(q, &a);
			collection_add(col, &a);
		}
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	return rc;
}

void store_rows_free(struct store_rows *rows)
{
	for (size_t i = 0; rows->arts && i < rows->n; i++)
		article_free(&rows->arts[i]);
	free(rows->arts);
	free(rows->art_file);
	for (size_t i = 0; i < rows->nwarns; i++)
		free(rows->warns[i]);
	free(rows->warns);
	free(rows->warn_file);
	free(rows->file_rows);
	memset(rows, 0, sizeof *rows);
}

int store_body(struct store *st, struct article *a)
{
	if (!a->nbody)
		return 0;
	/* Prepared once: a search loads thousands of bodies one after another. */
	if (!st->body && sqlite3_prepare_v2(st->db, "SELECT lang, kind, text, emph FROM paragraphs"
					    " WHERE article = ? ORDER BY seq", -1, &st->body,
					    NULL) != SQLITE_OK)
		return -1;
	sqlite3_stmt *q = st->body;
	int rc;
	sqlite3_bind_int64(q, 1, a->row);
	struct paragraph *paras = xcalloc(a->nbody, sizeof *paras);
	size_t n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW && n < a->nbody)
		store_row_para(q, 0, &paras[n++]);
	sqlite3_reset(q);
	if (n != a->nbody) {
		/* Another process read the file again meanwhile: the row is gone. */
		for (size_t i = 0; i < n; i++) {
			free(paras[i].text);
			free(paras[i].emph);
		}
		free(paras);
		return -1;
	}
	a->paras = paras;
	a->npara = n;
	a->para_cap = 0;
	a->nbody = 0;
	return 0;
}

char *store_para_text(struct store *st, long long row, size_t para)
{
	/* Prepared once: a search reads a paragraph of each article it finds. */
	if (!st->para && sqlite3_prepare_v2(st->db, "SELECT text FROM paragraphs"
					    " WHERE article = ? AND seq = ?", -1, &st->para,
					    NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st->para, 1, row);
	sqlite3_bind_int64(st->para, 2, (sqlite3_int64)para);
	char *text = NULL;
	if (sqlite3_step(st->para) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st->para, 0);
		text = xstrdup(t ? (const char *)t : "");
	}
	sqlite3_reset(st->para);
	return text;
}
