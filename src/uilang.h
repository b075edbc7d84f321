/* uilang.h: the interface language: which one the user asked for (--ui-lang,
 * LANGUAGE, LC_ALL, LC_MESSAGES, LANG), making gettext answer in it, and
 * switching at run time (the browser's L key). The current language lives in
 * struct annals (app->ui); these functions get it and return it explicitly.
 * The only process state touched is gettext's own (the LANGUAGE variable, the
 * LC_MESSAGES locale and the text domain), which cannot be avoided. */
#ifndef ANNALS_UILANG_H
#define ANNALS_UILANG_H

#include <stdbool.h>

enum uilang_id { UILANG_EN = 0, UILANG_ZH_CN, UILANG_ZH_TW, UILANG_FR, UILANG_COUNT };

struct uilang {
	enum uilang_id id;      /* the language the interface speaks now */
	/* The Chinese stop of the L cycle: traditional when the user's own choice
	 * was traditional Chinese, else simplified. */
	enum uilang_id chinese;
};

/* Reads a language name as people write it: en, en_US.UTF-8, fr, fr_FR, fr-CA,
 * zh (simplified), zh_CN, zh_SG, zh-Hans, zh_TW, zh_HK, zh-Hant, zh-Hant-TW ...
 * False (and *out untouched) for anything else, "C" and "POSIX" included. */
bool uilang_parse(const char *name, enum uilang_id *out);

/* The language the environment asks for, the way gettext reads it: the first
 * known entry of the LANGUAGE list (ignored when the locale is plain "C", as
 * gettext does), else LC_ALL, LC_MESSAGES, LANG; English when none is known. */
enum uilang_id uilang_from_env(void);

/* Binds the text domain to localedir (the build tree's catalogs or the
 * installed ones) and sets ui to the language asked for: asked (--ui-lang)
 * when not NULL, else the environment's. Returns false when asked is not a
 * language we know; ui then speaks the environment's language. */
bool uilang_init(struct uilang *ui, const char *localedir, const char *asked);

/* Makes gettext answer in id from the next _() on. A missing catalog means
 * English, silently. */
void uilang_set(struct uilang *ui, enum uilang_id id);

/* The L key: English → 中文 → Français → English. Switches and returns the new one. */
enum uilang_id uilang_cycle(struct uilang *ui);

/* "en", "zh_CN", "zh_TW", "fr": the catalog names. */
const char *uilang_code(enum uilang_id id);
/* The language's own name, for the status line: "English", "简体中文", "繁體中文", "Français". */
const char *uilang_name(enum uilang_id id);

#endif
