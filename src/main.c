/* main.c: options and dispatch. Options may stand before or after the command. */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "cli.h"
#include "db.h"
#include "freedict.h"
#include "i18n.h"
#include "term.h"
#include "uilang.h"
#include "xalloc.h"

enum {
	OPT_UI_LANG = 256, OPT_JSON, OPT_TSV, OPT_YEAR, OPT_BACKEND, OPT_AMBIGUOUS_WIDE,
	OPT_WIDTH, OPT_DUMP_CONFIG, OPT_FRESH, OPT_NO_STATE, OPT_NO_CACHE, OPT_JOBS,
	OPT_GROUPS,
};

static void usage(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), "annals");
	fputs(_("Browse a collection of news articles in several languages.\n\n"), out);
	fputs(_("Options:\n"
		"  -C, --collection=PATH  folder or file of articles; repeatable;\n"
		"                         default: the bundled collection\n"
		"      --ui-lang=LANG     interface language: en, zh_CN, zh_TW, fr\n"
		"      --json             machine-readable output for the commands\n"
		"      --tsv              parallel: one aligned pair per line\n"
		"      --year=Y           timeline: only the events of year Y\n"
		"      --backend=NAME     terminal backend: curses or tickit\n"
		"      --ambiguous-wide   East Asian ambiguous characters take two columns\n"
		"  -h, --help             show this help and exit\n"
		"  -V, --version          show the version and exit\n\n"), out);
	fputs(_("Reading:\n"
		"      --width=N          the reader's lines at most N columns wide\n"
		"                         (default 100; 0: as wide as the pane)\n\n"), out);
	fputs(_("Configuration and reading state:\n"
		"      --dump-config      print the configuration in effect and exit\n"
		"      --fresh            start at the top, not where reading stopped\n"
		"      --no-state         neither read nor save the reading state\n\n"), out);
	fputs(_("Commands (none: the interactive browser):\n"
		"  list                   the articles, by date\n"
		"  show ID                one article, cleaned\n"
		"  timeline [--year=Y]    the events, by date\n"
		"  search QUERY           where QUERY occurs\n"
		"  parallel A B           aligned sentence pairs of two texts;\n"
		"                         A and B are IDs, or ID@LANG\n\n"), out);
	fputs(_("The index ($XDG_CACHE_HOME/annals, by default ~/.cache/annals):\n"
		"      --no-cache         read the files, not the index\n"
		"      --jobs=N           threads that read new or changed files\n"
		"                         (default: one per core)\n"
		"  reindex                build the index of the collection again\n\n"), out);
	fputs(_("Timeline:\n"
		"      --groups           timeline: one line per event, with its\n"
		"                         languages and the articles that report it\n\n"), out);
	fputs(_("Exit status: 0 success, 1 an error in the input, 2 a usage error.\n"), out);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("annals: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), "annals");
	return 2;
}

static void version(FILE *out)
{
	fprintf(out, "annals %s\n", PACKAGE_VERSION);
	fprintf(out, _("backends: %s\n"), term_backends());
	fprintf(out, "SQLite %s\n", db_sqlite_version());
	/* Alignment of English with French reads them when they are there. */
	fprintf(out, freedict_installed(NULL)
		? _("FreeDict English-French dictionaries: %s\n")
		: _("FreeDict English-French dictionaries: not found in %s (aligned without them)\n"),
		FREEDICT_DIR);
}

/* Checks the number of command arguments: exactly n. */
static bool argc_is(int have, int want, const char *cmd)
{
	if (have == want)
		return true;
	usage_error(have < want ? _("'%s': missing argument") : _("'%s': too many arguments"), cmd);
	return false;
}

/* The value of the last --ui-lang before "--", or NULL; getopt_long reads the
 * options again below and keeps the same value in app.opt.ui_lang. */
static const char *main_ui_lang(int argc, char **argv)
{
	const char *lang = NULL;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--ui-lang=", 10) == 0)
			lang = argv[i] + 10;
		else if (strcmp(argv[i], "--ui-lang") == 0 && i + 1 < argc)
			lang = argv[++i];
	}
	return lang;
}

/* The options that came from the configuration (file, environment or
 * defaults); the command line's, read next, replace them. */
static void main_apply_conf(struct annals *app)
{
	const struct conf *c = &app->conf;
	app->opt.backend = c->backend;
	app->opt.ambiguous_wide = c->ambiguous_wide;
	app->opt.reading_lang = c->reading_lang;
	app->opt.sort = (int)c->sort;
	app->opt.width = c->width;
}

/* Reads a command-line value into the configuration too, for --dump-config
 * (it was checked already). */
static void main_conf_cli(struct annals *app, const char *key, const char *value)
{
	const char *fmt, *arg;
	conf_set(&app->conf, key, value, CONF_CLI, &fmt, &arg);
}

/* The heap grows by this much at a time beyond what is asked (glibc's
 * default is 128 KiB): a start on a large index builds its tables from
 * hundreds of thousands of small blocks, and growing the heap in small steps
 * was a system call every few hundred of them (the first screen at 100,000
 * articles: 1.02 to 0.93 s, median of 7). Pages not written to are not
 * memory taken. */
#define MAIN_HEAP_STEP ((size_t)64 << 20)

int main(int argc, char **argv)
{
#ifdef M_TOP_PAD
	mallopt(M_TOP_PAD, (int)MAIN_HEAP_STEP);
#endif
	setlocale(LC_ALL, "");
	struct annals app;
	memset(&app, 0, sizeof app);
	/* The configuration first (file, then environment; conf_set keeps the
	 * stronger), so that its interface language speaks from the first message. */
	conf_init(&app.conf);
	char *conf_path = conf_default_path();
	if (conf_path)
		conf_read_file(&app.conf, conf_path);
	free(conf_path);
	conf_read_env(&app.conf);
	main_apply_conf(&app);
	/* The language is settled before anything is printed, so that
	 * "annals --help --ui-lang=fr" and every usage error are in French. */
	const char *ui_lang = main_ui_lang(argc, argv);
	if (!uilang_init(&app.ui, annals_locale_dir(), ui_lang ? ui_lang : app.conf.ui_lang)) {
		int status = usage_error(_("unknown interface language '%s' (en, zh_CN, zh_TW, fr)"),
					 ui_lang);
		conf_free(&app.conf);
		return status;
	}
	static const struct option longopts[] = {
		{ "collection", required_argument, NULL, 'C' },
		{ "ui-lang", required_argument, NULL, OPT_UI_LANG },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "tsv", no_argument, NULL, OPT_TSV },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "groups", no_argument, NULL, OPT_GROUPS },
		{ "backend", required_argument, NULL, OPT_BACKEND },
		{ "ambiguous-wide", no_argument, NULL, OPT_AMBIGUOUS_WIDE },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "dump-config", no_argument, NULL, OPT_DUMP_CONFIG },
		{ "fresh", no_argument, NULL, OPT_FRESH },
		{ "no-state", no_argument, NULL, OPT_NO_STATE },
		{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
		{ "jobs", required_argument, NULL, OPT_JOBS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	app.opt.collections = xcalloc((size_t)argc, sizeof *app.opt.collections);
	int c, status = 0;
	bool dump_config = false;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":C:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'C':
			app.opt.collections[app.opt.ncollections++] = optarg;
			break;
		case OPT_UI_LANG: {
			/* Settled already, unless given abbreviated ("--ui=fr"). */
			enum uilang_id id;
			if (!uilang_parse(optarg, &id)) {
				status = usage_error(_("unknown interface language '%s' (en, zh_CN, zh_TW, fr)"), optarg);
				goto out;
			}
			if (id != app.ui.id)
				uilang_set(&app.ui, id);
			app.opt.ui_lang = optarg;
			main_conf_cli(&app, "ui-lang", optarg);
			break;
		}
		case OPT_JSON:
			app.opt.json = true;
			break;
		case OPT_TSV:
			app.opt.tsv = true;
			break;
		case OPT_YEAR: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || y < 1 || y > 9999) {
				status = usage_error(_("invalid year: '%s'"), optarg);
				goto out;
			}
			app.opt.has_year = true;
			app.opt.year = (int)y;
			break;
		}
		case OPT_BACKEND: {
			char err[256];
			if (!term_backend_check(optarg, err, sizeof err)) {
				status = usage_error("%s", err);
				goto out;
			}
			app.opt.backend = optarg;
			main_conf_cli(&app, "backend", optarg);
			break;
		}
		case OPT_AMBIGUOUS_WIDE:
			app.opt.ambiguous_wide = true;
			main_conf_cli(&app, "ambiguous-wide", "yes");
			break;
		case OPT_WIDTH: {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 0 || n > 10000) {
				status = usage_error(_("'%s' is not a width in columns (0 for the whole pane)"),
						     optarg);
				goto out;
			}
			app.opt.width = (int)n;
			main_conf_cli(&app, "width", optarg);
			break;
		}
		case OPT_DUMP_CONFIG:
			dump_config = true;
			break;
		case OPT_FRESH:
			app.opt.fresh = true;
			break;
		case OPT_NO_STATE:
			app.opt.no_state = true;
			break;
		case OPT_NO_CACHE:
			app.opt.no_cache = true;
			break;
		case OPT_GROUPS:
			app.opt.groups = true;
			break;
		case OPT_JOBS: {
			char *end;
			long j = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || j < 1 || j > 256) {
				status = usage_error(_("invalid number of jobs: '%s'"), optarg);
				goto out;
			}
			app.opt.jobs = (int)j;
			break;
		}
		case 'h':
			usage(stdout);
			goto out;
		case 'V':
			version(stdout);
			goto out;
		case ':':
			status = usage_error(_("option '%s' requires an argument"), argv[optind - 1]);
			goto out;
		default:
			status = usage_error(_("unknown option '%s'"), argv[optind - 1]);
			goto out;
		}
	}
	if (app.opt.ncollections > 0) {
		conf_set_collections(&app.conf, app.opt.collections, app.opt.ncollections, CONF_CLI);
	} else if (app.conf.ncollections > 0) {
		/* The configuration's default collections: "annals" alone opens them. */
		app.opt.collections = xrealloc(app.opt.collections,
					       app.conf.ncollections * sizeof *app.opt.collections);
		for (size_t i = 0; i < app.conf.ncollections; i++)
			app.opt.collections[i] = app.conf.collections[i];
		app.opt.ncollections = app.conf.ncollections;
	}
	if (dump_config) {
		conf_print_errors(&app.conf, stderr);
		conf_dump(&app.conf, stdout);
		goto out;
	}
	int nargs = argc - optind;
	char **args = argv + optind;
	const char *cmd = nargs ? args[0] : NULL;
	static const char *const commands[] = { "list", "show", "timeline", "search", "parallel",
						 "reindex" };
	bool known = cmd == NULL;
	for (size_t i = 0; cmd && i < sizeof commands / sizeof *commands; i++)
		known |= strcmp(cmd, commands[i]) == 0;
	if (!known) {
		status = usage_error(_("unknown command '%s'"), cmd);
		goto out;
	}
	/* An option the command does not take is a usage error, not ignored. */
	const char *stray = NULL;
	if (app.opt.has_year && (cmd == NULL || strcmp(cmd, "timeline") != 0))
		stray = "--year";
	else if (app.opt.groups && (cmd == NULL || strcmp(cmd, "timeline") != 0))
		stray = "--groups";
	else if (app.opt.tsv && (cmd == NULL || strcmp(cmd, "parallel") != 0))
		stray = "--tsv";
	else if (app.opt.json && (cmd == NULL || strcmp(cmd, "reindex") == 0))
		stray = "--json";
	if (stray) {
		fputs("annals: ", stderr);
		fprintf(stderr, _("'%s' does not take the option '%s'"), cmd ? cmd : "annals", stray);
		fputc('\n', stderr);
		fprintf(stderr, _("Try '%s --help' for more information.\n"), "annals");
		status = 2;
		goto out;
	}
	if (cmd && strcmp(cmd, "search") == 0 && nargs > 2) {
		/* Several words without quotes are one query: "annals search cyber china". */
		size_t len = 0;
		for (int i = 1; i < nargs; i++)
			len += strlen(args[i]) + 1;
		char *q = xmalloc(len);
		q[0] = '\0';
		for (int i = 1; i < nargs; i++) {
			if (i > 1)
				strcat(q, " ");
			strcat(q, args[i]);
		}
		app.opt.lazy_bodies = true;
		if ((status = annals_load(&app, stderr)) == 0) {
			annals_print_warnings(&app, stderr);
			status = cli_search(&app, q, stdout);
		}
		free(q);
		goto out;
	}
	if ((cmd == NULL && !argc_is(nargs, 0, "annals")) ||
	    (cmd && (strcmp(cmd, "list") == 0 || strcmp(cmd, "timeline") == 0 ||
		     strcmp(cmd, "reindex") == 0) && !argc_is(nargs, 1, cmd)) ||
	    (cmd && (strcmp(cmd, "show") == 0 || strcmp(cmd, "search") == 0) && !argc_is(nargs, 2, cmd)) ||
	    (cmd && strcmp(cmd, "parallel") == 0 && !argc_is(nargs, 3, cmd))) {
		status = 2;
		goto out;
	}
	/* These print one or two bodies at most, and the browser reads one at a
	 * time: the rest stay in the index. */
	app.opt.lazy_bodies = !cmd || (strcmp(cmd, "list") == 0 || strcmp(cmd, "show") == 0 ||
				      strcmp(cmd, "parallel") == 0 || strcmp(cmd, "reindex") == 0 ||
				      strcmp(cmd, "search") == 0 || strcmp(cmd, "timeline") == 0);
	app.opt.reindex = cmd && strcmp(cmd, "reindex") == 0;
	/* The browser shows the index as it was at once, then looks at the files. */
	app.opt.early = !cmd;
	app.opt.lazy_texts = !cmd;
	if (app.opt.reindex && app.opt.no_cache) {
		status = usage_error(_("'%s' needs the index: drop --no-cache"), cmd);
		goto out;
	}
	if ((status = annals_load(&app, stderr)) != 0)
		goto out;
	if (cmd == NULL) {
		status = app_run(&app);
		goto out;
	}
	annals_print_warnings(&app, stderr);
	if (strcmp(cmd, "list") == 0)
		status = cli_list(&app, stdout);
	else if (strcmp(cmd, "show") == 0)
		status = cli_show(&app, args[1], stdout);
	else if (strcmp(cmd, "timeline") == 0)
		status = cli_timeline(&app, stdout);
	else if (strcmp(cmd, "search") == 0)
		status = cli_search(&app, args[1], stdout);
	else if (strcmp(cmd, "reindex") == 0)
		status = app.store ? 0 : 1;
	else
		status = cli_parallel(&app, args[1], args[2], stdout);
out:
	if (fflush(stdout) != 0 && status == 0)
		status = 1;
	annals_free(&app);
	return status;
}
