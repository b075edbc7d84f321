/* test_db.c: opening databases: folders from the XDG variables, names of
 * collection sets, creation, migration step by step, a damaged file and one of a
 * newer schema set aside, a folder that cannot be written, a full disk, and two
 * connections at once. Everything happens in a scratch folder under the build tree. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "tap.h"

static char scratch[2048];

static char *path_in(const char *name)
{
	static char buf[8][4200];
	static int k;
	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "%s/%s", scratch, name);
	return buf[k];
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static long query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -2;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *const steps[] = {
	"CREATE TABLE t(a INTEGER);",
	"ALTER TABLE t ADD COLUMN b TEXT; CREATE TABLE u(x);",
};
static const struct db_schema schema_v1 = { .name = "test", .version = 1, .steps = steps };
static const struct db_schema schema_v2 = { .name = "test", .version = 2, .steps = steps };

static void test_dirs(void)
{
	char *w = NULL;
	setenv("XDG_CACHE_HOME", path_in("xdg-cache"), 1);
	char *d = db_dir(DB_CACHE, &w);
	tap_str_eq(d, path_in("xdg-cache/annals"), "cache folder under XDG_CACHE_HOME");
	struct stat st;
	tap_ok(d && stat(d, &st) == 0 && (st.st_mode & 0777) == 0700, "cache folder made, mode 0700");
	tap_ok(w == NULL, "no warning for a folder that could be made");
	free(d);
	setenv("XDG_CACHE_HOME", "relative/cache", 1);
	setenv("HOME", path_in("home"), 1);
	d = db_dir(DB_CACHE, &w);
	tap_str_eq(d, path_in("home/.cache/annals"), "a relative XDG_CACHE_HOME is ignored: ~/.cache");
	free(d);
	unsetenv("XDG_STATE_HOME");
	d = db_dir(DB_STATE, &w);
	tap_str_eq(d, path_in("home/.local/state/annals"), "state folder defaults to ~/.local/state");
	tap_ok(d && stat(path_in("home/.local"), &st) == 0 && (st.st_mode & 0777) == 0700,
	       "parents made here are 0700 too");
	free(d);
	setenv("XDG_STATE_HOME", path_in("xdg-state"), 1);
	d = db_dir(DB_STATE, &w);
	tap_str_eq(d, path_in("xdg-state/annals"), "state folder under XDG_STATE_HOME");
	free(d);
	/* A folder that cannot be made: a file stands in the way. */
	FILE *f = fopen(path_in("blocker"), "w");
	if (f)
		fclose(f);
	setenv("XDG_CACHE_HOME", path_in("blocker"), 1);
	d = db_dir(DB_CACHE, &w);
	tap_ok(d == NULL && w != NULL && strstr(w, "blocker") != NULL,
	       "a folder that cannot be made: NULL and a warning naming it");
	free(w);
	w = NULL;
	unsetenv("XDG_CACHE_HOME");
	unsetenv("HOME");
	d = db_dir(DB_CACHE, &w);
	tap_ok(d == NULL && w != NULL, "no XDG_CACHE_HOME and no HOME: NULL and a warning");
	free(w);
	setenv("HOME", path_in("home"), 1);
}

static void test_names(void)
{
	mkdir(path_in("c1"), 0700);
	mkdir(path_in("c2"), 0700);
	const char *a[] = { path_in("c1") };
	char other[4200];
	snprintf(other, sizeof other, "%s/../c1/", path_in("c2"));
	const char *b[] = { other };
	const char *ab[] = { path_in("c1"), path_in("c2") };
	const char *ba[] = { path_in("c2"), path_in("c1") };
	char *na = db_set_name("index", a, 1), *nb = db_set_name("index", b, 1);
	char *nab = db_set_name("index", ab, 2), *nba = db_set_name("index", ba, 2);
	tap_str_eq(na, nb, "one folder by two spellings: one name");
	tap_ok(strcmp(na, nab) != 0 && strcmp(nab, nba) != 0, "other sets, other names");
	tap_ok(strncmp(na, "index-", 6) == 0 && strlen(na) == 6 + 16 + 7 &&
	       strcmp(na + strlen(na) - 7, ".sqlite") == 0, "name is prefix-<16 hex>.sqlite (%s)", na);
	free(na);
	free(nb);
	free(nab);
	free(nba);
}

static void test_open_migrate(void)
{
	char *w = NULL;
	const char *p = path_in("m.sqlite");
	sqlite3 *db = db_open(p, &schema_v1, &w);
	tap_ok(db != NULL && w == NULL, "a new database opens without a warning");
	tap_int_eq(query_int(db, "PRAGMA user_version"), 1, "new database at version 1");
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
	sqlite3_step(st);
	tap_str_eq((const char *)sqlite3_column_text(st, 0), "wal", "journal in WAL mode");
	sqlite3_finalize(st);
	db_exec(db, "INSERT INTO t VALUES (42)");
	db_close(db);
	db = db_open(p, &schema_v2, &w);
	tap_ok(db != NULL && w == NULL, "version 1 opens as version 2");
	tap_int_eq(query_int(db, "PRAGMA user_version"), 2, "migrated to version 2");
	tap_int_eq(query_int(db, "SELECT a FROM t WHERE b IS NULL"), 42, "rows kept across the step");
	tap_int_eq(query_int(db, "SELECT count(*) FROM u"), 0, "second step ran whole");
	db_close(db);
	db = db_open(p, &schema_v2, &w);
	tap_ok(db != NULL && query_int(db, "SELECT count(*) FROM t") == 1, "reopening runs no step again");
	db_close(db);
}

static void test_damaged(void)
{
	char *w = NULL;
	const char *p = path_in("bad.sqlite");
	FILE *f = fopen(p, "w");
	for (int i = 0; f && i < 512; i++)
		fputs("not a database at all ", f);
	if (f)
		fclose(f);
	sqlite3 *db = db_open(p, &schema_v2, &w);
	tap_ok(db != NULL, "a damaged file: a fresh database instead");
	tap_ok(w != NULL && strstr(w, "bad.sqlite.damaged") != NULL, "one warning naming where it went: %s",
	       w ? w : "(none)");
	tap_ok(exists(path_in("bad.sqlite.damaged")), "the damaged file is kept aside");
	tap_int_eq(query_int(db, "SELECT count(*) FROM t"), 0, "the fresh database has the schema");
	free(w);
	db_close(db);
	/* A second damaged file does not overwrite the first one set aside. */
	f = fopen(p, "w");
	if (f) {
		fputs("garbage again, long enough to be a header? no.", f);
		for (int i = 0; i < 100; i++)
			fputs("................", f);
		fclose(f);
	}
	w = NULL;
	db = db_open(p, &schema_v2, &w);
	tap_ok(db != NULL && exists(path_in("bad.sqlite.damaged-1")), "a second one goes beside the first");
	free(w);
	db_close(db);
}

static void test_newer(void)
{
	char *w = NULL;
	const char *p = path_in("new.sqlite");
	sqlite3 *raw;
	sqlite3_open(p, &raw);
	sqlite3_exec(raw, "CREATE TABLE future(x); PRAGMA user_version=99;", NULL, NULL, NULL);
	sqlite3_close(raw);
	sqlite3 *db = db_open(p, &schema_v2, &w);
	tap_ok(db != NULL && query_int(db, "PRAGMA user_version") == 2,
	       "a newer schema: a fresh database of ours instead");
	tap_ok(w != NULL && strstr(w, "new.sqlite.newer") != NULL, "one warning: %s", w ? w : "(none)");
	tap_ok(exists(path_in("new.sqlite.newer")), "the newer database is kept aside, not destroyed");
	free(w);
	db_close(db);
}

static void test_unwritable(void)
{
	char *w = NULL;
	sqlite3 *db;
	if (geteuid() == 0) {
		/* Permissions do not stop root: a place no one can create files in does. */
		db = db_open("/proc/annals-test-db/x.sqlite", &schema_v2, &w);
	} else {
		mkdir(path_in("ro"), 0700);
		chmod(path_in("ro"), 0500);
		db = db_open(path_in("ro/x.sqlite"), &schema_v2, &w);
		chmod(path_in("ro"), 0700);
	}
	tap_ok(db == NULL, "a folder that cannot be written: no database");
	tap_ok(w != NULL && strstr(w, "going on without it") != NULL, "and one warning: %s", w ? w : "(none)");
	free(w);
}

static void test_full(void)
{
	/* A step that runs out of room (max_page_count stands in for a full disk). */
	static const char *const full_steps[] = {
		"PRAGMA max_page_count=3; CREATE TABLE big(x);"
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<2000)"
		" INSERT INTO big SELECT randomblob(500) FROM n;",
	};
	static const struct db_schema full = { .name = "full", .version = 1, .steps = full_steps };
	char *w = NULL;
	sqlite3 *db = db_open(path_in("full.sqlite"), &full, &w);
	tap_ok(db == NULL, "a full disk during migration: no database");
	tap_ok(w != NULL && strstr(w, "full") != NULL, "and one warning that says so: %s", w ? w : "(none)");
	free(w);
}

static void test_two(void)
{
	char *w1 = NULL, *w2 = NULL;
	const char *p = path_in("two.sqlite");
	sqlite3 *a = db_open(p, &schema_v2, &w1), *b = db_open(p, &schema_v2, &w2);
	tap_ok(a && b && !w1 && !w2, "two connections to one database");
	db_exec(a, "BEGIN IMMEDIATE; INSERT INTO t(a) VALUES (7);");
	tap_int_eq(query_int(b, "SELECT count(*) FROM t"), 0, "a reader is not blocked by a writer");
	sqlite3 *c = db_open(p, &schema_v2, &w2);
	tap_ok(c != NULL, "opening while another connection writes");
	db_exec(a, "COMMIT");
	tap_int_eq(query_int(b, "SELECT count(*) FROM t"), 1, "the reader sees the commit");
	db_close(a);
	db_close(b);
	db_close(c);
}

int main(void)
{
	snprintf(scratch, sizeof scratch, "%s/tests/test_db.scratch", ANNALS_BUILDDIR);
	char cmd[4400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", scratch, scratch);
	if (system(cmd) != 0)
		return 99;
	test_dirs();
	test_names();
	test_open_migrate();
	test_damaged();
	test_newer();
	test_unwritable();
	test_full();
	test_two();
	tap_ok(strlen(db_sqlite_version()) > 0, "SQLite version known: %s", db_sqlite_version());
	return tap_done();
}
