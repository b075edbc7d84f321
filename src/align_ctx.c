/* align_ctx.c: the lexical resources of the aligner, read once for all the
 * alignments of a process. FreeDict's dictionaries take tens of milliseconds
 * to inflate and sort; grouping aligns every multilingual article, so each
 * alignment reading them again cost more than the alignment itself. A
 * dictionary is read on first need (a command that aligns only English with
 * Chinese never reads French), under a lock, since grouping may align from
 * several threads; once read it is only looked up, which needs no lock. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "align_int.h"
#include "freedict.h"
#include "xalloc.h"

/* Directions asked for, by primary language ("fr" for "fr-CA": FreeDict
 * knows no regions): a handful at most. */
#define ALIGN_CTX_DICTS 8

struct align_ctx_dict {
	char from[LANG_TAG_MAX], to[LANG_TAG_MAX];
	struct freedict *d;             /* NULL: not installed */
};

struct align_ctx {
	char *dir;                      /* NULL: FREEDICT_DIR */
	pthread_mutex_t lock;
	struct align_ctx_dict dict[ALIGN_CTX_DICTS];
	size_t ndict;
	size_t reads;                   /* dictionaries asked of the disk */
};

struct align_ctx *align_ctx_new(const char *dict_dir)
{
	struct align_ctx *ctx = xcalloc(1, sizeof *ctx);
	ctx->dir = dict_dir ? xstrdup(dict_dir) : NULL;
	pthread_mutex_init(&ctx->lock, NULL);
	return ctx;
}

void align_ctx_free(struct align_ctx *ctx)
{
	if (!ctx)
		return;
	for (size_t i = 0; i < ctx->ndict; i++)
		freedict_close(ctx->dict[i].d);
	pthread_mutex_destroy(&ctx->lock);
	free(ctx->dir);
	free(ctx);
}

size_t align_ctx_reads(struct align_ctx *ctx)
{
	pthread_mutex_lock(&ctx->lock);
	size_t n = ctx->reads;
	pthread_mutex_unlock(&ctx->lock);
	return n;
}

/* The primary subtag of a language tag, into out. */
static void align_ctx_primary(const char *tag, char out[LANG_TAG_MAX])
{
	size_t n = strcspn(tag, "-_");
	if (n >= LANG_TAG_MAX)
		n = LANG_TAG_MAX - 1;
	memcpy(out, tag, n);
	out[n] = '\0';
}

const struct freedict *align_ctx_dict(struct align_ctx *ctx, const char *lang_from,
				      const char *lang_to)
{
	char from[LANG_TAG_MAX], to[LANG_TAG_MAX];
	align_ctx_primary(lang_from, from);
	align_ctx_primary(lang_to, to);
	pthread_mutex_lock(&ctx->lock);
	const struct freedict *d = NULL;
	size_t i = 0;
	while (i < ctx->ndict && (strcmp(ctx->dict[i].from, from) != 0 ||
				  strcmp(ctx->dict[i].to, to) != 0))
		i++;
	if (i < ctx->ndict) {
		d = ctx->dict[i].d;
	} else {
		struct freedict *nd = freedict_open(ctx->dir, from, to);
		ctx->reads++;
		if (ctx->ndict < ALIGN_CTX_DICTS) {
			struct align_ctx_dict *e = &ctx->dict[ctx->ndict++];
			snprintf(e->from, sizeof e->from, "%s", from);
			snprintf(e->to, sizeof e->to, "%s", to);
			e->d = nd;
			d = nd;
		} else {
			/* More directions than any collection has: not kept. */
			freedict_close(nd);
		}
	}
	pthread_mutex_unlock(&ctx->lock);
	return d;
}
