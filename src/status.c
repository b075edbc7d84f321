/* status.c: the bottom line: the current article, the reading position
 * ("¶ 3/12  40%") and key hints; a prompt or a one-off message takes it over. */
#include <config.h>
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "xalloc.h"

void status_draw(struct ui *ui, struct surface *s, struct rect r)
{
	if (r.w <= 0 || r.h <= 0)
		return;
	if (ui->prompt.active) {
		prompt_draw(&ui->prompt, s, r);
		return;
	}
	struct style st = { ATTR_REVERSE, COLOR_NONE, COLOR_NONE };
	surface_fill(s, r, st);
	struct buf right;
	buf_init(&right);
	if (ui->msg) {
		/* A message replaces the title: it answers what was just asked. */
		struct buf m;
		buf_init(&m);
		buf_printf(&m, _(ui->msg), ui->msg_a, ui->msg_b);
		char *t = layout_truncate(m.data, r.w - 1, false, &s->lo);
		surface_prints(s, r, r.x + 1, r.y, t, (struct style){ ATTR_REVERSE | ATTR_BOLD,
								      COLOR_NONE, COLOR_NONE });
		free(t);
		buf_free(&m);
		return;
	}
	size_t art = ui->reader.article != UI_NONE ? ui->reader.article : list_selected(&ui->list);
	if (ui->reader.article != UI_NONE) {
		size_t para, npara;
		int pct;
		reader_progress(&ui->reader, ui->col, &ui->lo, &para, &npara, &pct);
		buf_printf(&right, "¶ %zu/%zu  ", para, npara);
		if (pct >= 0)
			buf_printf(&right, "%d%%  ", pct);
		buf_adds(&right, " ");
	}
	buf_printf(&right, "%s  %s  %s ", _("q quit"), _("? help"), _("Tab pane"));
	int rw = layout_strwidth(right.data, &s->lo);
	if (rw > r.w) {
		char *t = layout_truncate(right.data, r.w, false, &s->lo);
		surface_prints(s, r, r.x, r.y, t, st);
		free(t);
		buf_free(&right);
		return;
	}
	surface_prints(s, r, r.x + r.w - rw, r.y, right.data, st);
	buf_free(&right);
	int avail = r.w - rw - 2;
	if (art < ui->col->n && avail > 0) {
		const struct article *a = &ui->col->items[art];
		char *t = layout_truncate(a->title && a->title[0] ? a->title : a->id, avail, false,
					  &s->lo);
		surface_prints(s, r, r.x + 1, r.y, t, (struct style){ ATTR_REVERSE | ATTR_BOLD,
								      COLOR_NONE, COLOR_NONE });
		free(t);
	}
}
