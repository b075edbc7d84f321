/* align_int.h: the parts of the aligner shared between its files (not a
 * public interface): the search (align_search.c) and the lexical links between
 * units that it rewards (lexicon.h fills them). */
#ifndef ANNALS_ALIGN_INT_H
#define ANNALS_ALIGN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ALIGN_NONE ((size_t)-1)

/* The bead shapes the search may build: up to 1-4 / 4-1, 2-2, 2-3 / 3-2,
 * and a unit alone on either side. */
#define ALIGN_NSHAPES 12
extern const unsigned char align_shape[ALIGN_NSHAPES][2];

/* A sentence of fewer words says too little by finding no partner. */
#define ALIGN_ORPHAN_WORDS 4

#define ALIGN_ZSTEP 50
#define ALIGN_ZN (ALIGN_ZSTEP * 12)

/* The model of one pair of texts: what a bead costs. */
struct align_model {
	double c;                       /* length of b per unit length of a */
	double s2;                      /* variance of b's length per unit of a's */
	double cost[ALIGN_NSHAPES];     /* −log prior of each shape */
	double lex_weight;              /* nats for a bead whose words all match */
	/* Nats for a sentence of ALIGN_ORPHAN_WORDS words or more merged into
	 * a bead whose other side pairs none of them: −log of how often a
	 * translated sentence is that silent (0: words tell nothing). */
	double orphan;
	double para_cost;               /* a bead ending a paragraph on one side only */
	/* −log 2(1 − Φ(z)) for z = 0, 1/ALIGN_ZSTEP, ...: erfc is the costliest
	 * thing in the programme's inner loop. */
	double zcost[ALIGN_ZN + 1];
};

/* Lexical links between the units of a and of b: for unit i of a, the units j
 * of b that share evidence with it, and how many of i's words (wa) and of j's
 * (wb) find a partner on the other side. tok[s][u] counts the words of unit u
 * of side s that the evidence knows at all; words[s][u] its words that are
 * not common on its side, whether the other text has a partner for them or
 * not (a sentence the other side left out has words but no known ones). */
struct align_link {
	uint32_t j;
	uint16_t wa, wb;
};

struct align_links {
	struct align_link *v;
	size_t *row;                    /* na + 1 offsets into v, rows sorted by j */
	uint32_t *tok[2];
	uint32_t *words[2];
	size_t n[2];
};

void align_links_free(struct align_links *l);
/* Whether unit u of side s has words enough and none that the other text
 * knows: a sentence the other side leaves out. */
static inline bool align_orphan(const struct align_links *l, int s, size_t u)
{
	return l->words[s][u] >= ALIGN_ORPHAN_WORDS && l->tok[s][u] == 0;
}
/* The share of the known words of a[i0, i1) and b[j0, j1) that the links
 * pair, 0..1. */
double align_links_share(const struct align_links *l, size_t i0, size_t i1, size_t j0,
			 size_t j1);

/* One bead as the search found it, in units. */
struct align_step {
	size_t a, b;                    /* first unit on each side */
	size_t da, db;                  /* units taken on each side */
	double cost;
	double lex;                     /* share of the bead's known words matched, 0..1 */
	bool pinned;
};

struct align_steps {
	struct align_step *v;
	size_t n, cap;
};

void align_steps_add(struct align_steps *s, size_t a, size_t b, size_t da, size_t db,
		     double cost, bool pinned);

/* The input of a search: unit lengths, pins (the unit of the other side a unit
 * must share its bead with, or ALIGN_NONE), where paragraphs end (brk[s][u]:
 * a paragraph ends after unit u; NULL when the side is one paragraph),
 * whether beads may run across a side's paragraphs (not when they are single
 * sentences, one a line), and lexical links (NULL: none). Beads must end
 * together at paragraph ends only when both sides have them. */
struct align_problem {
	const double *len[2];
	size_t n[2];
	const size_t *pin[2];
	const unsigned char *brk[2];
	bool cross[2];                  /* beads across brk[s] pay: real paragraphs */
	const struct align_links *links;
};

/* The cheapest path of beads from (0, 0) to (na, nb) under model m, inside a
 * band around guide (for each row i of a, 0..na, the first and last column of
 * b it must hold, guide[2i] and guide[2i + 1]; NULL: the line through the
 * pins) widened by w on each side. Appends the beads to out. */
void align_search(const struct align_problem *p, const struct align_model *m,
		  const size_t *guide, size_t w, struct align_steps *out);

/* A model with Gale and Church's length model and priors suited to the
 * ratio of the sentence counts (a side with more sentences splits more). */
void align_model_init(struct align_model *m, double c, size_t na, size_t nb);
/* Re-estimates the priors, c and s² from a first path (its beads counted,
 * smoothed towards the model's own priors). */
void align_model_refit(struct align_model *m, const struct align_problem *p,
		       const struct align_steps *st);

/* Cost of one bead of lengths l1, l2 and shape k, without lexical evidence. */
double align_model_cost(const struct align_model *m, double l1, double l2, unsigned k);

/* The dictionary from language from to language to (align_ctx.c), read on
 * first need; NULL when not installed. Lives as long as ctx. */
struct freedict;
struct align_ctx;
const struct freedict *align_ctx_dict(struct align_ctx *ctx, const char *from, const char *to);

#endif
