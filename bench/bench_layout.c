/* bench_layout.c: how long layout_wrap takes for a 200x60 screen of Chinese
 * (about 6000 characters at width 200), and whether ten times the text takes
 * ten times as long (wrapping must be linear). Not run by make check:
 *   make bench/bench_layout && bench/bench_layout */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "layout.h"
#include "xalloc.h"

/* Chinese prose of at least cols columns: sentences with the punctuation the
 * kinsoku rules act on. */
static char *bench_layout_text(int cols, const struct layout_opts *o)
{
	static const char sentence[] =
		"中华人民共和国于一九四九年十月一日成立。他说：“我们必须继续前进，不能停下来！”"
		"会议（为期三天）讨论了经济、教育和卫生等问题；代表们一致认为「改革」势在必行。";
	struct buf b;

	buf_init(&b);
	while (layout_width(b.data ? b.data : "", b.len, o) < cols)
		buf_adds(&b, sentence);
	return buf_take(&b);
}

static double bench_layout_run(const char *text, int width, int rounds, size_t *lines_out,
			       const struct layout_opts *o)
{
	struct layout_line *lines;
	size_t n = strlen(text), count = 0;
	double t0 = bench_now();
	int i;

	for (i = 0; i < rounds; i++) {
		count = layout_wrap(text, n, width, "zh-Hans", o, &lines);
		free(lines);
	}
	*lines_out = count;
	return (bench_now() - t0) / rounds;
}

int main(void)
{
	const struct layout_opts o = { false, 8 };
	char *screen = bench_layout_text(200 * 60, &o), *ten = bench_layout_text(200 * 600, &o);
	size_t lines1, lines10;
	double t1, t10;

	t1 = bench_layout_run(screen, 200, 200, &lines1, &o);
	t10 = bench_layout_run(ten, 200, 20, &lines10, &o);
	printf("one 200x60 screen of Chinese: %zu bytes, %zu lines, %.3f ms a wrap\n",
	       strlen(screen), lines1, t1 * 1e3);
	printf("ten screens: %zu bytes, %zu lines, %.3f ms a wrap (%.1fx)\n",
	       strlen(ten), lines10, t10 * 1e3, t10 / t1);
	free(screen);
	free(ten);
	return 0;
}
