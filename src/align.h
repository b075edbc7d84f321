/* align.h: sentence alignment of two texts (two articles, or two language parts
 * of one). Gale and Church's length-based dynamic programme (1993), widened to
 * beads of up to 1-4 / 4-1 with priors and length model estimated per pair,
 * strengthened by anchors (anchors.h) that pin sentences together and guided
 * by paragraphs. Texts that are not translations of each other are detected
 * and then paired only where they share dates and names. A pure function of
 * the articles. */
#ifndef ANNALS_ALIGN_H
#define ANNALS_ALIGN_H

#include <stdbool.h>
#include <stddef.h>
#include "article.h"

/* One side: an article, and optionally one of its languages ("en", "zh-Hant";
 * "zh" takes every zh-*): only the paragraphs in that language are read. */
struct align_side {
	const struct article *article;
	const char *lang;               /* NULL: every paragraph */
};

/* A sentence of one side, where the split view finds it. */
struct align_sentence {
	size_t para;                    /* index into the article's paras */
	size_t start, end;              /* bytes of that paragraph's text */
	size_t bead;                    /* the bead that holds it */
	size_t at;                      /* where it starts in that bead's text[] */
	double len;                     /* weighted length (CJK characters count 3) */
};

/* The sentences first[s] .. first[s]+count[s]-1 of side s (0 = a, 1 = b) are
 * translations of each other; count[s] is 0 where one side has no counterpart. */
struct align_bead {
	size_t first[2], count[2];
	char *text[2];                  /* the sentences joined ("" when none), owned */
	double cost;                    /* −log probability of the bead */
	bool anchored;                  /* pinned by a shared anchor */
};

struct alignment {
	struct align_sentence *sent[2];
	size_t nsent[2];
	struct align_bead *beads;       /* in reading order: first[] never decreases */
	size_t nbeads;
	char lang[2][LANG_TAG_MAX];     /* each side's language (of its first paragraph read) */
	bool translation;               /* false: related texts, paired on anchors only */
	double ratio;                   /* c: characters of b per character of a */
	size_t nanchors;                /* links in the anchor chain */
	double cost_per_bead;           /* mean cost of the beads with both sides */
};

/* What alignments share in a process: the dictionaries (freedict.h), each
 * read from dict_dir (NULL: /usr/share/dictd) when an alignment first needs
 * it and kept until align_ctx_free. The caller owns it (struct annals holds
 * the program's); alignments may share one from several threads. */
struct align_ctx;
struct align_ctx *align_ctx_new(const char *dict_dir);
void align_ctx_free(struct align_ctx *ctx);
/* How many dictionaries ctx has asked of the disk so far (installed or not). */
size_t align_ctx_reads(struct align_ctx *ctx);

/* Aligns a with b. Returns NULL when a side has no paragraph to read (no such
 * language in the article); never fails otherwise (an empty side aligns with
 * nothing). align_sides reads the dictionaries it needs for this one
 * alignment; align_sides_ctx takes them from ctx (NULL: as align_sides). */
struct alignment *align_sides(const struct align_side *a, const struct align_side *b);
struct alignment *align_sides_ctx(struct align_ctx *ctx, const struct align_side *a,
				  const struct align_side *b);
void align_free(struct alignment *al);

/* Whether an article has a paragraph in lang (as matched by align_side). */
bool align_has_lang(const struct article *art, const char *lang);

/* The sentence of side s that holds byte off of paragraph para (the nearest
 * one before it when off falls between sentences), or (size_t)-1. */
size_t align_sentence_at(const struct alignment *al, int s, size_t para, size_t off);
/* The bead of the counterpart of sentence i of side s. */
static inline const struct align_bead *align_counterpart(const struct alignment *al, int s,
							   size_t i)
{
	return i < al->nsent[s] ? &al->beads[al->sent[s][i].bead] : NULL;
}

/* Block layout for a split view: each bead is a block as high as the taller of
 * its two sides wrapped to width[0] and width[1] columns (layout_wrap), plus gap
 * rows after it. Fills rows[0..nbeads] (caller allocates nbeads + 1): rows[k]
 * is the row where bead k starts, rows[nbeads] the total. */
struct layout_opts;
void align_rows(const struct alignment *al, const int width[2], int gap,
		const struct layout_opts *o, int *rows);

#endif
