/* app_lang.c: the browser's interface language. L cycles it (English, 中文,
 * Français); every string on screen is looked up with _() when drawn and
 * every date is written when drawn, so the next draw is all in the new
 * language, and the reading positions (kept as paragraph and byte offset,
 * never as screen lines) do not move. */
#include <config.h>
#include "ui.h"

void app_lang_cycle(struct ui *ui)
{
	if (ui->uilang == NULL)
		return;
	uilang_cycle(ui->uilang);
	ui->msg_lang = true;
}

enum uilang_id app_lang_id(const struct ui *ui)
{
	return ui->uilang ? ui->uilang->id : UILANG_EN;
}
