/* cli_parallel.c: `annals parallel A B`: the aligned sentence pairs of two
 * texts, as two columns, as JSON (--json) or as tab-separated lines (--tsv).
 * A and B are article IDs, or ID@LANG for one language part of an article. */
#include <config.h>
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "align.h"
#include "i18n.h"
#include "layout.h"
#include "xalloc.h"

/* Columns between the two sides: " │ ". */
#define CLI_PARALLEL_GUTTER 3

/* Resolves "ID" or "ID@LANG" into a side (its language points into arg);
 * reports and returns 1 when the article or its language part does not exist. */
static int cli_parallel_side(struct annals *app, const char *arg, struct align_side *side)
{
	side->article = collection_find(&app->col, arg);
	side->lang = NULL;
	if (side->article)
		return annals_body(app, side->article, stderr) ? 0 : 1;
	const char *at = strrchr(arg, '@');
	if (!at || at == arg || at[1] == '\0') {
		/* A prefix of an ID, or a message saying what was meant. */
		side->article = cli_find(app, arg);
		if (!side->article)
			return 1;
		return annals_body(app, side->article, stderr) ? 0 : 1;
	}
	char *id = xstrndup(arg, (size_t)(at - arg));
	side->article = cli_find(app, id);
	if (!side->article) {
		free(id);
		return 1;
	}
	side->lang = at + 1;
	if (!annals_body(app, side->article, stderr)) {
		free(id);
		return 1;
	}
	if (!align_has_lang(side->article, side->lang)) {
		cli_error(1, _("article '%s' has no text in language '%s'"), id, side->lang);
		free(id);
		return 1;
	}
	free(id);
	return 0;
}

/* A JSON string of s; the model promises valid UTF-8, but should a byte slip
 * through, it becomes U+FFFD rather than a missing key. */
static json_t *cli_parallel_json_string(const char *s)
{
	json_t *v = json_string(s);
	if (v)
		return v;
	struct buf b;
	buf_init(&b);
	size_t n = strlen(s), i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			buf_adds(&b, "\xEF\xBF\xBD");
			i++;
		} else {
			buf_add(&b, s + i, (size_t)k);
			i += (size_t)k;
		}
	}
	buf_adds(&b, "");
	v = json_string(b.data);
	buf_free(&b);
	return v ? v : json_string("");
}

/* One pair per line: tabs, line ends and any other control byte inside the
 * text become spaces, so that the columns stay two. */
static void cli_parallel_tsv_field(const char *s, FILE *out)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s, out);
}

/* Prints text[start, end) cluster by cluster as shown on screen (a control
 * character as its visible mark), then pads to width columns. */
static void cli_parallel_cell(const char *text, size_t start, size_t end, int width,
			      const struct layout_opts *o, FILE *out)
{
	int used = 0;
	size_t i = start;
	while (i < end) {
		size_t len;
		int w = layout_cluster(text + i, end - i, &len, o);
		char shown[LAYOUT_CLUSTER_MAX];
		size_t n = layout_visible(text + i, len, shown, o);
		fwrite(shown, 1, n, out);
		used += w;
		i += len;
	}
	for (; used < width; used++)
		fputc(' ', out);
}

static void cli_parallel_columns(const struct alignment *al, int total, FILE *out,
				 const struct layout_opts *o)
{
	int width = (total - CLI_PARALLEL_GUTTER) / 2;
	if (width < 8)
		width = 8;
	for (size_t k = 0; k < al->nbeads; k++) {
		const struct align_bead *b = &al->beads[k];
		struct layout_line *lines[2];
		size_t n[2];
		for (int s = 0; s < 2; s++)
			n[s] = layout_wrap(b->text[s], strlen(b->text[s]), width, al->lang[s], o,
					   &lines[s]);
		if (k > 0) {
			/* the rule between pairs, crossed where the gutter runs */
			for (int c = 0; c < 2 * width + CLI_PARALLEL_GUTTER; c++)
				fputs(c == width + 1 ? "┼" : "─", out);
			fputc('\n', out);
		}
		size_t rows = n[0] > n[1] ? n[0] : n[1];
		for (size_t r = 0; r < rows; r++) {
			if (r < n[0])
				cli_parallel_cell(b->text[0], lines[0][r].start, lines[0][r].end, width,
						  o, out);
			else
				cli_parallel_cell("", 0, 0, width, o, out);
			/* no trailing spaces: the right column is printed unpadded */
			fputs(" │", out);
			if (r < n[1] && lines[1][r].end > lines[1][r].start) {
				fputc(' ', out);
				cli_parallel_cell(b->text[1], lines[1][r].start, lines[1][r].end, 0, o,
						  out);
			}
			fputc('\n', out);
		}
		free(lines[0]);
		free(lines[1]);
	}
}

int cli_parallel(struct annals *app, const char *a, const char *b, FILE *out)
{
	struct align_side side[2];
	if (cli_parallel_side(app, a, &side[0]) || cli_parallel_side(app, b, &side[1]))
		return 1;
	struct alignment *al = align_sides_ctx(annals_align(app), &side[0], &side[1]);
	if (!al)
		return cli_error(1, _("'%s' and '%s' have no text to align"), a, b);
	if (!al->translation)
		cli_error(0, _("'%s' and '%s' do not translate each other: "
			       "paired only where they share dates and names"), a, b);
	if (app->opt.json) {
		json_t *arr = json_array();
		for (size_t k = 0; k < al->nbeads; k++) {
			json_t *o = json_object();
			json_object_set_new(o, "a", cli_parallel_json_string(al->beads[k].text[0]));
			json_object_set_new(o, "b", cli_parallel_json_string(al->beads[k].text[1]));
			json_array_append_new(arr, o);
		}
		align_free(al);
		return cli_dump_json(arr, out);
	}
	if (app->opt.tsv) {
		for (size_t k = 0; k < al->nbeads; k++) {
			cli_parallel_tsv_field(al->beads[k].text[0], out);
			fputc('\t', out);
			cli_parallel_tsv_field(al->beads[k].text[1], out);
			fputc('\n', out);
		}
	} else {
		struct layout_opts o = { .ambiguous_wide = app->opt.ambiguous_wide, .tab_width = 8 };
		cli_parallel_columns(al, cli_output_width(out), out, &o);
	}
	align_free(al);
	return 0;
}
