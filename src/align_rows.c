/* align_rows.c: where each bead of an alignment starts in a split view. Kept
 * apart from align.c so that the alignment itself needs no text geometry. */
#include <config.h>
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"

void align_rows(const struct alignment *al, const int width[2], int gap,
		const struct layout_opts *o, int *rows)
{
	int row = 0;
	for (size_t k = 0; k < al->nbeads; k++) {
		rows[k] = row;
		size_t tallest = 1;
		for (int s = 0; s < 2; s++) {
			const char *text = al->beads[k].text[s];
			struct layout_line *lines;
			size_t n = layout_wrap(text, strlen(text), width[s] > 0 ? width[s] : 1,
					       al->lang[s], o, &lines);
			free(lines);
			if (n > tallest)
				tallest = n;
		}
		row += (int)tallest + gap;
	}
	rows[al->nbeads] = row;
}
