/* anchors.h: tokens that survive translation (numbers, years, months and days,
 * Latin acronyms and names), found per unit of text (a sentence or a
 * paragraph), and the longest chain of them that two texts share without
 * crossing. The alignment pins the units of each chain link together. */
#ifndef ANNALS_ANCHORS_H
#define ANNALS_ANCHORS_H

#include <stdbool.h>
#include <stddef.h>

#define ANCHOR_KEY_MAX 24

/* One token: its normalised form ("y2013", "ym2013-10", "md12-1", "n3.5",
 * "wICANN") and the unit it was found in. */
struct anchor_tok {
	char key[ANCHOR_KEY_MAX];
	size_t unit;
	bool date;                      /* a year, month or day (or a compound of them) */
};

struct anchor_set {
	struct anchor_tok *v;
	size_t n, cap;
};

/* A link between unit a of one text and unit b of the other, and how many
 * tokens support it. */
struct anchor_pair {
	size_t a, b;
	int weight;
	bool date;                      /* at least one supporting token is a date */
};

void anchors_init(struct anchor_set *s);
void anchors_free(struct anchor_set *s);
/* Adds the tokens of text[0..n) as found in unit. */
void anchors_collect(struct anchor_set *s, const char *text, size_t n, size_t unit);

/* The heaviest chain of links that does not cross (both a and b strictly
 * increasing). A token links its units when it occurs once on each side, or,
 * when repeats is set, the same small number of times on each side (the k-th
 * with the k-th). With dates_names_only, only full dates (a month with its
 * year or day) and names count: bare numbers, years and months are shared by
 * chance too often between texts that are not translations. Sets *out (caller frees) and returns the chain's length. */
size_t anchors_chain(struct anchor_set *a, struct anchor_set *b, bool repeats,
		     bool dates_names_only, struct anchor_pair **out);

#endif
