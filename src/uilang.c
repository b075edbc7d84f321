/* uilang.c: choosing the interface language and switching it at run time. */
#include <config.h>
#include "uilang.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

/* Compares the n bytes at s with the word w, ignoring ASCII case. */
static bool uilang_word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

bool uilang_parse(const char *name, enum uilang_id *out)
{
	if (name == NULL)
		return false;
	/* A locale name ends its language part at the codeset or the modifier:
	 * "fr_FR.UTF-8@euro" is "fr_FR". */
	size_t end = strcspn(name, ".@");
	size_t n = strcspn(name, "_-");
	if (n > end)
		n = end;
	if (uilang_word_is(name, n, "en")) {
		*out = UILANG_EN;
		return true;
	}
	if (uilang_word_is(name, n, "fr")) {
		*out = UILANG_FR;
		return true;
	}
	if (!uilang_word_is(name, n, "zh"))
		return false;
	/* Chinese: the script subtag decides when there is one (zh-Hant-CN is
	 * still traditional), else the region; plain "zh" is simplified, the
	 * larger readership. */
	enum uilang_id by_script = UILANG_COUNT, by_region = UILANG_COUNT;
	for (size_t i = n; i < end;) {
		i++;  /* the separator */
		size_t len = strcspn(name + i, "_-");
		if (i + len > end)
			len = end - i;
		const char *t = name + i;
		if (uilang_word_is(t, len, "hant"))
			by_script = UILANG_ZH_TW;
		else if (uilang_word_is(t, len, "hans"))
			by_script = UILANG_ZH_CN;
		else if (uilang_word_is(t, len, "tw") || uilang_word_is(t, len, "hk") ||
			 uilang_word_is(t, len, "mo"))
			by_region = UILANG_ZH_TW;
		i += len;
	}
	*out = by_script != UILANG_COUNT ? by_script
	     : by_region != UILANG_COUNT ? by_region : UILANG_ZH_CN;
	return true;
}

/* The locale the environment asks for messages: what setlocale(LC_MESSAGES, "")
 * reads, whether or not that locale is installed. */
static const char *uilang_env_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

static bool uilang_is_c(const char *locale)
{
	return locale == NULL || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0;
}

enum uilang_id uilang_from_env(void)
{
	const char *locale = uilang_env_locale();
	enum uilang_id id;
	/* gettext ignores LANGUAGE in the "C" locale, so that the output POSIX
	 * specifies for it stays English; C.UTF-8 is not "C" there (glibc 2.36
	 * honours LANGUAGE with LC_ALL=C.UTF-8), and we follow it. */
	if (uilang_is_c(locale))
		return UILANG_EN;
	const char *language = getenv("LANGUAGE");
	if (language && *language) {
		/* A list "fr:de:en": gettext takes the first it has a catalog for; the
		 * ones we do not know have none. Unknown ones only: English. */
		for (const char *p = language; *p;) {
			size_t len = strcspn(p, ":");
			char one[64];
			if (len > 0 && len < sizeof one) {
				memcpy(one, p, len);
				one[len] = '\0';
				if (uilang_parse(one, &id))
					return id;
			}
			p += len;
			if (*p == ':')
				p++;
		}
		return UILANG_EN;
	}
	return uilang_parse(locale, &id) ? id : UILANG_EN;
}

bool uilang_init(struct uilang *ui, const char *localedir, const char *asked)
{
#if ENABLE_NLS
	bindtextdomain(PACKAGE, localedir);
	/* Everything annals writes is UTF-8 (the articles are), so the messages
	 * are too, even when LC_CTYPE is plain "C" and gettext would otherwise
	 * turn every accent and every Chinese character into '?'. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	enum uilang_id id = uilang_from_env();
	bool known = asked == NULL || uilang_parse(asked, &id);
	ui->chinese = id == UILANG_ZH_TW ? UILANG_ZH_TW : UILANG_ZH_CN;
	uilang_set(ui, id);
	return known;
}

void uilang_set(struct uilang *ui, enum uilang_id id)
{
	if ((unsigned)id >= UILANG_COUNT)
		id = UILANG_EN;
	ui->id = id;
	if (id == UILANG_ZH_CN || id == UILANG_ZH_TW)
		ui->chinese = id;
#if ENABLE_NLS
	/* LANGUAGE is the one setting gettext reads on every lookup, and it needs
	 * no installed locale: a catalog is enough. */
	setenv("LANGUAGE", uilang_code(id), 1);
	/* But gettext does not read LANGUAGE while LC_MESSAGES is "C" (a fresh
	 * Debian, or LANG=fr_FR.UTF-8 where that locale is not generated, leaves
	 * it "C"). Any other locale will do, since the catalog's codeset is fixed
	 * to UTF-8 above; C.UTF-8 is built into glibc 2.35 and later, the others
	 * are for older systems. When none exists, the interface stays English. */
	if (id != UILANG_EN && uilang_is_c(setlocale(LC_MESSAGES, NULL))) {
		static const char *const utf8[] = {
			"C.UTF-8", "C.utf8", "en_US.UTF-8", "fr_FR.UTF-8", "zh_CN.UTF-8", "zh_TW.UTF-8",
		};
		for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++)
			if (setlocale(LC_MESSAGES, utf8[i]))
				break;
	}
	/* Setting the text domain again, even to the same name, is gettext's
	 * documented signal that the environment changed: it drops the messages
	 * it has already looked up, so the next _() reads the new catalog. */
	textdomain(PACKAGE);
#endif
}

enum uilang_id uilang_cycle(struct uilang *ui)
{
	enum uilang_id next;
	switch (ui->id) {
	/* All four, in the help's order: English, 简体中文, 繁體中文, Français. */
	case UILANG_EN:
		next = UILANG_ZH_CN;
		break;
	case UILANG_ZH_CN:
		next = UILANG_ZH_TW;
		break;
	case UILANG_ZH_TW:
		next = UILANG_FR;
		break;
	default:
		next = UILANG_EN;
		break;
	}
	uilang_set(ui, next);
	return next;
}

const char *uilang_code(enum uilang_id id)
{
	static const char *const codes[UILANG_COUNT] = { "en", "zh_CN", "zh_TW", "fr" };
	return (unsigned)id < UILANG_COUNT ? codes[id] : "en";
}

const char *uilang_name(enum uilang_id id)
{
	/* Each language under its own name, as a language menu shows them. */
	static const char *const names[UILANG_COUNT] = { "English", "简体中文", "繁體中文", "Français" };
	return (unsigned)id < UILANG_COUNT ? names[id] : "English";
}
