/* test_uilang.c: reading language names and the environment, and switching
 * the interface language at run time with the build tree's catalogs. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "i18n.h"
#include "uilang.h"
#include "tap.h"

/* A message of the catalogs and what each language makes of it. */
#define KNOWN "no collection could be read"
#define KNOWN_FR "aucune collection n’a pu être lue"
#define KNOWN_ZH_CN "无法读取任何文章集"
#define KNOWN_ZH_TW "無法讀取任何文章集"

static void parse(const char *name, int want, const char *what)
{
	enum uilang_id id = UILANG_COUNT;
	bool known = uilang_parse(name, &id);
	tap_int_eq(known ? (int)id : -1, want, what);
}

/* Sets the four variables gettext reads; NULL unsets. */
static void env(const char *language, const char *lc_all, const char *lc_messages, const char *lang)
{
	const char *names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *values[] = { language, lc_all, lc_messages, lang };
	for (size_t i = 0; i < 4; i++) {
		if (values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
	}
}

int main(void)
{
	/* names as people write them */
	parse("en", UILANG_EN, "en");
	parse("en_US.UTF-8", UILANG_EN, "en_US.UTF-8");
	parse("fr", UILANG_FR, "fr");
	parse("fr_FR", UILANG_FR, "fr_FR");
	parse("fr_CA.UTF-8@euro", UILANG_FR, "fr_CA.UTF-8@euro");
	parse("FR-be", UILANG_FR, "FR-be: case does not matter");
	parse("zh", UILANG_ZH_CN, "zh: simplified");
	parse("zh_CN", UILANG_ZH_CN, "zh_CN");
	parse("zh_SG.UTF-8", UILANG_ZH_CN, "zh_SG.UTF-8");
	parse("zh-Hans", UILANG_ZH_CN, "zh-Hans");
	parse("zh_TW", UILANG_ZH_TW, "zh_TW");
	parse("zh_TW.UTF-8", UILANG_ZH_TW, "zh_TW.UTF-8");
	parse("zh-Hant", UILANG_ZH_TW, "zh-Hant");
	parse("zh_HK", UILANG_ZH_TW, "zh_HK");
	parse("zh-Hant-CN", UILANG_ZH_TW, "zh-Hant-CN: the script decides");
	parse("zh-Hans-HK", UILANG_ZH_CN, "zh-Hans-HK: the script decides");
	parse("de_DE", -1, "de_DE: unknown");
	parse("C", -1, "C: not a language");
	parse("POSIX", -1, "POSIX: not a language");
	parse("", -1, "empty: unknown");
	parse("english", -1, "english: not a tag");
	parse("zhx", -1, "zhx: not zh");
	parse(NULL, -1, "NULL: unknown");

	/* the environment, read the way gettext reads it */
	env(NULL, NULL, NULL, NULL);
	tap_int_eq(uilang_from_env(), UILANG_EN, "nothing set: English");
	env("fr", "C.UTF-8", NULL, NULL);
	tap_int_eq(uilang_from_env(), UILANG_FR, "LANGUAGE=fr with LC_ALL=C.UTF-8: French");
	env("fr", "C", NULL, NULL);
	tap_int_eq(uilang_from_env(), UILANG_EN, "LANGUAGE=fr with LC_ALL=C: English, as gettext");
	env("fr", NULL, NULL, NULL);
	tap_int_eq(uilang_from_env(), UILANG_EN, "LANGUAGE=fr with no locale at all: English");
	env("de:zh_TW:fr", NULL, NULL, "en_US.UTF-8");
	tap_int_eq(uilang_from_env(), UILANG_ZH_TW, "LANGUAGE list: the first known entry");
	env("de", NULL, NULL, "fr_FR.UTF-8");
	tap_int_eq(uilang_from_env(), UILANG_EN, "LANGUAGE of unknown ones only: English");
	env(NULL, "zh_CN.UTF-8", "fr_FR.UTF-8", "en_US.UTF-8");
	tap_int_eq(uilang_from_env(), UILANG_ZH_CN, "LC_ALL before LC_MESSAGES");
	env(NULL, NULL, "fr_FR.UTF-8", "zh_TW.UTF-8");
	tap_int_eq(uilang_from_env(), UILANG_FR, "LC_MESSAGES before LANG");
	env(NULL, NULL, NULL, "zh_HK.UTF-8");
	tap_int_eq(uilang_from_env(), UILANG_ZH_TW, "LANG alone");
	env("", "", "", "fr_FR.UTF-8");
	tap_int_eq(uilang_from_env(), UILANG_FR, "empty variables are not set");

	tap_str_eq(uilang_code(UILANG_ZH_TW), "zh_TW", "code of zh_TW");
	tap_str_eq(uilang_name(UILANG_FR), "Français", "French under its own name");
	tap_str_eq(uilang_name(UILANG_ZH_CN), "简体中文", "simplified Chinese under its own name");

	/* switching at run time: the same _() changes language */
	env(NULL, "C.UTF-8", NULL, NULL);
	setlocale(LC_ALL, "");
	struct uilang ui;
	tap_ok(uilang_init(&ui, annals_locale_dir(), "en"), "init: en is known");
	tap_int_eq(ui.id, UILANG_EN, "init: English");
#if ENABLE_NLS
	tap_str_eq(_(KNOWN), KNOWN, "English: the message itself");
	tap_int_eq(uilang_cycle(&ui), UILANG_ZH_CN, "L: English to simplified Chinese");
	tap_str_eq(_(KNOWN), KNOWN_ZH_CN, "after L: Chinese");
	tap_int_eq(uilang_cycle(&ui), UILANG_ZH_TW, "L: simplified to traditional Chinese");
	tap_str_eq(_(KNOWN), KNOWN_ZH_TW, "after L: traditional Chinese");
	tap_int_eq(uilang_cycle(&ui), UILANG_FR, "L: Chinese to French");
	tap_str_eq(_(KNOWN), KNOWN_FR, "after L: French");
	tap_int_eq(uilang_cycle(&ui), UILANG_EN, "L: French to English");
	tap_str_eq(_(KNOWN), KNOWN, "after L: English again");
	tap_int_eq(ui.id, UILANG_EN, "the state holds the language");

	/* a traditional-Chinese user's cycle stops at traditional Chinese */
	tap_ok(uilang_init(&ui, annals_locale_dir(), "zh-Hant"), "init: zh-Hant is known");
	tap_str_eq(_(KNOWN), KNOWN_ZH_TW, "zh-Hant: traditional");
	uilang_cycle(&ui);
	uilang_cycle(&ui);
	uilang_cycle(&ui);
	tap_int_eq(uilang_cycle(&ui), UILANG_ZH_TW, "L four times: back to traditional");
	tap_str_eq(_(KNOWN), KNOWN_ZH_TW, "and the catalog follows");

	/* an unknown --ui-lang is refused; the environment's language stays */
	env("fr", "C.UTF-8", NULL, NULL);
	tap_ok(!uilang_init(&ui, annals_locale_dir(), "klingon"), "init: klingon refused");
	tap_int_eq(ui.id, UILANG_FR, "init: the environment's French instead");
	tap_str_eq(_(KNOWN), KNOWN_FR, "and gettext speaks it");

	/* the plain C locale: gettext would ignore LANGUAGE, uilang_set still works */
	env(NULL, "C", NULL, NULL);
	setlocale(LC_ALL, "");
	tap_ok(uilang_init(&ui, annals_locale_dir(), NULL), "init in C");
	tap_str_eq(_(KNOWN), KNOWN, "C locale: English");
	uilang_set(&ui, UILANG_FR);
	tap_str_eq(_(KNOWN), KNOWN_FR, "C locale, set to French: French, in UTF-8");
	uilang_set(&ui, UILANG_EN);
	tap_str_eq(_(KNOWN), KNOWN, "and back to English");

	/* no catalog: English, no error */
	tap_ok(uilang_init(&ui, "/nonexistent/locale", "fr"), "init with no catalogs");
	tap_int_eq(ui.id, UILANG_FR, "the state says French");
	tap_str_eq(_(KNOWN), KNOWN, "but the messages fall back to English");
#endif
	return tap_done();
}
