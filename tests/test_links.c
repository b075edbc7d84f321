/* test_links.c: links out, on the memory backend: which URLs may go to a
 * browser; M runs $BROWSER with the URL as its one argument (a script that
 * records it) and says when it fails; c copies the paragraph read (side by
 * side: the aligned pair), and says when there is nothing to copy; | runs the
 * typed command with the article's text on its standard input. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "screen.h"
#include "split.h"
#include "xalloc.h"
#include "tap.h"

static char dir[] = "/tmp/annals-links-XXXXXX";

static void add(struct collection *col, const char *id, const char *url, const char *lang,
		const char *const *paras, size_t n)
{
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = xstrdup(id);
	a.title = xasprintf("Story %s", id);
	a.path = xasprintf("%s/%s.txt", dir, id);
	a.url = url ? xstrdup(url) : NULL;
	a.date = (struct adate){ 2022, 3, 4, DATE_DAY, false };
	for (size_t i = 0; i < n; i++)
		article_add_para(&a, paras[i], strlen(paras[i]), lang, PARA_TEXT);
	article_update_langs(&a);
	collection_add(col, &a);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return xstrdup("(missing)");
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	char chunk[512];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_take(&b);
}

/* A script that writes how many arguments it got and each on a line. */
static char *script(const char *name, int status)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	fprintf(f, "#!/bin/sh\n{ echo \"$#\"; for a in \"$@\"; do printf '%%s\\n' \"$a\"; done; } > '%s/%s.out'\nexit %d\n",
		dir, name, status);
	fclose(f);
	chmod(path, 0755);
	return path;
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	tap_ok(app_links_url_ok("https://example.org/a?b=1&c=$(x)"), "https URL, shell characters and all");
	tap_ok(app_links_url_ok("HTTP://example.org/") && app_links_url_ok("file:///tmp/x.html"),
	       "http (any case) and file");
	tap_ok(!app_links_url_ok("javascript:alert(1)") && !app_links_url_ok("ftp://x/") &&
	       !app_links_url_ok("mailto:a@b"), "other schemes are refused");
	tap_ok(!app_links_url_ok("https://a.org/x y") && !app_links_url_ok("https://a.org/\n-x") &&
	       !app_links_url_ok("-https://a.org/"), "blanks, control characters, a leading dash");

	static const char *const en[] = {
		"The first paragraph of the story.", "The second paragraph.", "The third one.",
	};
	static const char *const fr[] = {
		"Le premier paragraphe de l'histoire.", "Le deuxième paragraphe.", "Le troisième.",
	};
	struct collection col;
	collection_init(&col);
	add(&col, "linked", "https://example.org/news?id=1&x=$(touch${IFS}PWNED);ls", "en", en, 3);
	add(&col, "plain", NULL, "en", en, 3);
	add(&col, "odd", "javascript:alert(1)", "en", en, 3);
	add(&col, "french", "https://example.org/fr", "fr", fr, 3);

	char *browser = script("browser", 0);
	setenv("BROWSER", browser, 1);
	struct screen sc;
	const struct surface *s = screen_start(&sc, &col, NULL, NULL, 100, 30);
	s = screen_keys(&sc, "M");
	char *out = xasprintf("%s/browser.out", dir);
	char *got = slurp(out);
	tap_str_eq(got, "1\nhttps://example.org/news?id=1&x=$(touch${IFS}PWNED);ls\n",
		   "M: $BROWSER gets the URL as its one argument, as written");
	free(got);
	char *pwned = xasprintf("%s/PWNED", dir);
	tap_ok(access(pwned, F_OK) != 0 && access("PWNED", F_OK) != 0, "and no shell ran it");
	tap_int_eq(term_memory_outsides(sc.t), 1, "the terminal was given back while it ran");
	unlink(out);

	/* A list of browsers: the first that exists. */
	char *list = xasprintf("/nonexistent/browser:%s %%s --new-tab", browser);
	setenv("BROWSER", list, 1);
	screen_keys(&sc, "M");
	got = slurp(out);
	tap_str_eq(got, "2\nhttps://example.org/news?id=1&x=$(touch${IFS}PWNED);ls\n--new-tab\n",
		   "BROWSER=a:b: b, with the URL where %s stands");
	free(got);
	free(list);

	char *failing = script("failing", 3);
	setenv("BROWSER", failing, 1);
	s = screen_keys(&sc, "M");
	tap_ok(screen_status_has(s, "failed (exit status 3)"), "a failing browser: said on the status line");
	setenv("BROWSER", "/nonexistent/browser", 1);
	s = screen_keys(&sc, "M");
	tap_ok(screen_status_has(s, "Cannot run /nonexistent/browser"), "a missing browser: said");

	setenv("BROWSER", browser, 1);
	unlink(out);
	s = screen_keys(&sc, "jM");
	tap_ok(screen_status_has(s, "has no URL"), "an article without a URL: said");
	s = screen_keys(&sc, "jM");
	tap_ok(screen_status_has(s, "only http, https and file"), "javascript: is refused");
	tap_ok(access(out, F_OK) != 0, "and the browser never ran");

	/* e: the editor gets the file. */
	char *editor = script("editor", 0);
	setenv("VISUAL", editor, 1);
	screen_keys(&sc, "gge");
	char *eout = xasprintf("%s/editor.out", dir);
	got = slurp(eout);
	char *want = xasprintf("1\n%s/linked.txt\n", dir);
	tap_str_eq(got, want, "e: $VISUAL gets the article's file");
	free(got);
	free(want);

	/* |: the command typed at the prompt gets the text on its input. */
	char *piped = xasprintf("%s/piped", dir);
	char *keys = xasprintf("|cat > '%s'\n", piped);
	freopen("/dev/null", "r", stdin);
	s = screen_keys(&sc, keys);
	got = slurp(piped);
	tap_ok(strstr(got, "Story linked\n") && strstr(got, "\nThe third one.\n"),
	       "|: the article's text went to the command");
	free(got);
	free(keys);

	/* c: the paragraph read, on the clipboard. */
	s = screen_keys(&sc, "\n");
	s = screen_key(&sc, KEYMAP_CTRL('D'));
	s = screen_keys(&sc, "gc");
	tap_ok(screen_status_has(s, "Copied"), "c in the reader: copied");
	tap_str_eq(term_memory_clipboard(sc.t), "Story linked", "at the top, the title");
	s = screen_keys(&sc, "}c");
	tap_str_eq(term_memory_clipboard(sc.t), "The first paragraph of the story.",
		   "after }, the first paragraph");
	/* Side by side: the aligned pair under the cursor, one side then the other. */
	s = screen_keys(&sc, "s\n");
	struct split_info info;
	split_get_info(&sc.ui, &info);
	tap_ok(info.open, "side by side is open");
	s = screen_keys(&sc, "c");
	const char *clip = term_memory_clipboard(sc.t);
	const char *gap = clip ? strstr(clip, "\n\n") : NULL;
	tap_ok(screen_status_has(s, "Copied") && gap && gap > clip && gap[2] != '\0',
	       "c side by side: both sides of the pair, a blank line between");
	if (clip)
		tap_diag("copied: %s", clip);
	screen_end(&sc);
	collection_free(&col);
	free(out);
	free(eout);
	free(piped);
	free(pwned);
	free(browser);
	free(failing);
	free(editor);
	char *rm = xasprintf("rm -rf '%s'", dir);
	if (system(rm) != 0)
		tap_diag("could not remove %s", dir);
	free(rm);
	return tap_done();
}
