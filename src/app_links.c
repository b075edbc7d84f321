/* app_links.c: from an article out of annals. M opens its URL in a browser
 * ($BROWSER, else xdg-open), e its file in an editor ($VISUAL, $EDITOR, else
 * vi), | pipes its text to a command typed at a prompt, c copies the paragraph
 * read (side by side: the aligned pair) to the clipboard through the terminal.
 *
 * The browser and the editor are run directly, never through a shell, the URL
 * or the path passed as one argument, so that nothing in an article (a URL is
 * the article's own text) can make a shell do anything; only http, https and
 * file URLs go out. The piped command is the user's own, typed at the prompt,
 * and like less's and mutt's | it runs with /bin/sh -c. While a program runs,
 * the terminal is given back (term_outside). */
#include <config.h>
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "split.h"
#include "xalloc.h"

/* The article actions mean: the list's selection while the list has the
 * focus, else the one in the reader. */
static size_t app_links_target(const struct ui *ui)
{
	if (ui->focus == PANE_LIST && !ui->results.open)
		return list_selected(&ui->list);
	return ui->reader.article != UI_NONE ? ui->reader.article : list_selected(&ui->list);
}

bool app_links_url_ok(const char *url)
{
	static const char *const schemes[] = { "http://", "https://", "file://" };
	bool known = false;
	for (size_t i = 0; i < 3; i++)
		known |= strncasecmp(url, schemes[i], strlen(schemes[i])) == 0;
	if (!known)
		return false;
	/* One argument, nothing a browser could read as an option or a second URL. */
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return false;
	return true;
}

/* ---- running a program outside */

/* What runs, and what came of it. */
struct app_run {
	char **argv;                    /* the program and its arguments */
	const char *input;              /* for |: written to its standard input */
	size_t ninput;
	bool wait_enter;                /* |: the user reads the output, then Enter */
	int status;                     /* waitpid's */
	int exec_errno;                 /* the program could not be run: why */
	bool ran;
};

/* Splits a command such as "emacs -nw" or "firefox %s" at blanks (no quoting,
 * no shell) and puts arg where %s stands, else at the end. */
static char **app_links_argv(const char *cmd, const char *arg)
{
	char **v = xcalloc(strlen(cmd) / 2 + 3, sizeof *v);
	size_t n = 0;
	bool placed = false;
	for (const char *p = cmd; *p;) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t len = strcspn(p, " \t");
		if (len == 0)
			break;
		if (len == 2 && strncmp(p, "%s", 2) == 0 && arg) {
			v[n++] = xstrdup(arg);
			placed = true;
		} else {
			v[n++] = xstrndup(p, len);
		}
		p += len;
	}
	if (!placed && arg)
		v[n++] = xstrdup(arg);
	v[n] = NULL;
	return v;
}

static void app_links_argv_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* Writes all of s to fd; a reader that went away is no error. */
static void app_links_feed(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* Runs r->argv with the terminal given back (called through term_outside). */
static void app_links_spawn(void *arg)
{
	struct app_run *r = arg;
	int report[2], in[2] = { -1, -1 };
	/* The child tells, through a pipe closed on exec, why exec failed. */
	if (pipe(report) != 0 || (r->input && pipe(in) != 0)) {
		r->exec_errno = errno;
		return;
	}
	fcntl(report[1], F_SETFD, FD_CLOEXEC);
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		r->exec_errno = errno;
		close(report[0]);
		close(report[1]);
		return;
	}
	if (pid == 0) {
		/* The program gets the signals as a program started from a shell does. */
		static const int sigs[] = { SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGPIPE,
					    SIGWINCH, SIGCONT };
		for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
			signal(sigs[i], SIG_DFL);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		close(report[0]);
		if (in[0] >= 0) {
			dup2(in[0], STDIN_FILENO);
			close(in[0]);
			close(in[1]);
		}
		execvp(r->argv[0], r->argv);
		int e = errno;
		if (write(report[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	/* While it runs, Ctrl-C and Ctrl-\ are the program's, not ours (as system() does). */
	struct sigaction ign, old_int, old_quit, old_pipe;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	sigaction(SIGPIPE, &ign, &old_pipe);
	close(report[1]);
	int e = 0;
	ssize_t got;
	while ((got = read(report[0], &e, sizeof e)) < 0 && errno == EINTR)
		;
	close(report[0]);
	if (in[0] >= 0) {
		close(in[0]);
		if (got <= 0)
			app_links_feed(in[1], r->input, r->ninput);
		close(in[1]);
	}
	while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR)
		;
	if (got == (ssize_t)sizeof e)
		r->exec_errno = e;
	else
		r->ran = true;
	if (r->ran && r->wait_enter && isatty(STDIN_FILENO)) {
		/* The output stays to be read, as less and mutt leave it. */
		printf("\n%s", _("Press Enter to return to annals."));
		fflush(stdout);
		int c;
		while ((c = getchar()) != EOF && c != '\n')
			;
		clearerr(stdin);
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
}

/* How a run ended, for the status line, when it did not end well; else "". */
static void app_links_outcome(struct ui *ui, const struct app_run *r, const char *what)
{
	if (!r->ran) {
		snprintf(ui->msg_text, sizeof ui->msg_text, _("Cannot run %s: %s"), what,
			 strerror(r->exec_errno));
	} else if (WIFEXITED(r->status) && WEXITSTATUS(r->status) != 0) {
		snprintf(ui->msg_text, sizeof ui->msg_text, _("%s failed (exit status %d)."), what,
			 WEXITSTATUS(r->status));
	} else if (WIFSIGNALED(r->status)) {
		snprintf(ui->msg_text, sizeof ui->msg_text, _("%s was stopped by signal %d."), what,
			 WTERMSIG(r->status));
	}
}

/* The first of $NAME1, $NAME2 that is set, else fallback. */
static const char *app_links_env(const char *a, const char *b, const char *fallback)
{
	const char *v = a ? getenv(a) : NULL;
	if (v && v[0])
		return v;
	v = b ? getenv(b) : NULL;
	return v && v[0] ? v : fallback;
}

/* The article's cleaned text, as "annals show" prints it. */
static char *app_links_text(const struct article *a, size_t *len)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s\n", a->title ? a->title : "");
	if (a->url)
		buf_printf(&b, "%s\n", a->url);
	for (size_t i = 0; i < a->npara; i++) {
		const struct paragraph *p = &a->paras[i];
		if (p->kind == PARA_IMAGE)
			buf_printf(&b, "\n[%s%s%s]\n", _("image"), p->text[0] ? ": " : "", p->text);
		else
			buf_printf(&b, "\n%s\n", p->text);
	}
	*len = b.len;
	return buf_take(&b);
}

static void app_links_clipboard(struct ui *ui, struct term *t, const char *text)
{
	if (strlen(text) > TERM_OSC52_MAX)
		ui->msg = N_("Too long to copy through the terminal.");
	else if (!term_clipboard(t, text, strlen(text)))
		ui->msg = N_("This terminal cannot take a copy (OSC 52); nothing copied.");
	else
		ui->msg = N_("Copied to the clipboard.");
}

void app_links_run(struct ui *ui, struct term *t)
{
	struct ui_run req = ui->run;
	memset(&ui->run, 0, sizeof ui->run);
	if (req.kind == UI_RUN_COPY)
		app_links_clipboard(ui, t, req.cmd);
	if (req.kind == UI_RUN_NONE || req.kind == UI_RUN_COPY || req.article >= ui->col->n) {
		free(req.cmd);
		return;
	}
	const struct article *a = &ui->col->items[req.article];
	struct app_run r;
	memset(&r, 0, sizeof r);
	char *text = NULL;
	const char *what = "";
	switch (req.kind) {
	case UI_RUN_BROWSER: {
		/* $BROWSER may list several, separated by ':' (the convention): the
		 * first that can be run. */
		const char *list = app_links_env("BROWSER", NULL, "xdg-open");
		for (const char *p = list; *p;) {
			size_t len = strcspn(p, ":");
			char *one = xstrndup(p, len);
			app_links_argv_free(r.argv);
			r.argv = app_links_argv(one, a->url);
			free(one);
			if (r.argv[0] == NULL) {
				p += len + (p[len] == ':');
				continue;
			}
			term_outside(t, app_links_spawn, &r);
			if (r.ran || r.exec_errno != ENOENT || p[len] != ':')
				break;
			p += len + 1;
		}
		what = r.argv && r.argv[0] ? r.argv[0] : "xdg-open";
		break;
	}
	case UI_RUN_EDITOR:
		r.argv = app_links_argv(app_links_env("VISUAL", "EDITOR", "vi"), a->path);
		what = r.argv[0] ? r.argv[0] : "vi";
		if (r.argv[0])
			term_outside(t, app_links_spawn, &r);
		break;
	case UI_RUN_PIPE:
		r.argv = xcalloc(4, sizeof *r.argv);
		r.argv[0] = xstrdup("/bin/sh");
		r.argv[1] = xstrdup("-c");
		r.argv[2] = xstrdup(req.cmd);
		collection_body(ui->col, a);
		text = app_links_text(a, &r.ninput);
		r.input = text;
		r.wait_enter = true;
		what = req.cmd;
		term_outside(t, app_links_spawn, &r);
		break;
	default:
		break;
	}
	char what_copy[96];
	snprintf(what_copy, sizeof what_copy, "%s", what);
	app_links_argv_free(r.argv);
	app_links_outcome(ui, &r, what_copy);
	free(text);
	free(req.cmd);
}

/* ---- the actions */

/* c: the paragraph at the top of the reader, or the aligned pair side by side;
 * taken now, put on the clipboard by app_links_run. */
static void app_links_copy(struct ui *ui)
{
	char *text = NULL;
	if (ui->split) {
		text = split_block_text(ui);
	} else if (ui->reader.article < ui->col->n) {
		const struct article *a = &ui->col->items[ui->reader.article];
		collection_body(ui->col, a);
		size_t p = ui->reader.pos.para;
		text = xstrdup(p < a->npara ? a->paras[p].text : a->title ? a->title : "");
	}
	if (text == NULL || text[0] == '\0') {
		ui->msg = N_("Nothing to copy here.");
		free(text);
		return;
	}
	ui->run = (struct ui_run){ UI_RUN_COPY, ui->reader.article, text };
}


bool app_links_act(struct ui *ui, enum action a)
{
	size_t art = app_links_target(ui);
	const struct article *ar = art < ui->col->n ? &ui->col->items[art] : NULL;
	switch (a) {
	case ACT_OPEN_URL:
		if (ar == NULL || ar->url == NULL || ar->url[0] == '\0')
			ui->msg = N_("This article has no URL.");
		else if (!app_links_url_ok(ar->url))
			ui->msg = N_("Not opened: only http, https and file URLs go to the browser.");
		else
			ui->run = (struct ui_run){ UI_RUN_BROWSER, art, NULL };
		return true;
	case ACT_EDIT:
		if (ar == NULL || ar->path == NULL)
			ui->msg = N_("This article has no file.");
		else
			ui->run = (struct ui_run){ UI_RUN_EDITOR, art, NULL };
		return true;
	case ACT_PIPE:
		if (ar == NULL)
			return true;
		ui->run_article = art;
		app_prompt_open(ui, UI_PROMPT_PIPE, N_("Pipe the text to:"), false);
		return true;
	case ACT_COPY:
		app_links_copy(ui);
		return true;
	default:
		return false;
	}
}

void app_links_pipe(struct ui *ui, const char *cmd)
{
	if (cmd[0] == '\0' || ui->run_article >= ui->col->n)
		return;
	ui->run = (struct ui_run){ UI_RUN_PIPE, ui->run_article, xstrdup(cmd) };
}
