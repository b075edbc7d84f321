/* db.c: opening SQLite databases: folders, WAL, busy timeout, schema versions
 * and migrations, and what to do with a database that cannot be used (db.h). */
#include <config.h>
#include "db.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "xalloc.h"

/* How long a connection waits for another process's write lock before giving
 * up: long enough for one large transaction of the indexer, short enough that a
 * person notices nothing worse than a pause. */
#define DB_BUSY_MS 5000

static char *db_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *db_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static void db_warn(char **warning, char *msg)
{
	if (warning && !*warning)
		*warning = msg;
	else
		free(msg);
}

char *db_join(const char *dir, const char *name)
{
	return db_printf("%s/%s", dir, name);
}

/* mkdir -p, with 0700 for each folder made here. */
static int db_mkdirs(char *path)
{
	for (char *p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		int rc = mkdir(path, 0700);
		int e = errno;
		*p = c;
		if (rc != 0 && e != EEXIST) {
			errno = e;
			return -1;
		}
		if (c == '\0')
			break;
	}
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

char *db_dir(enum db_place place, char **warning)
{
	const char *var = place == DB_CACHE ? "XDG_CACHE_HOME" : "XDG_STATE_HOME";
	const char *rel = place == DB_CACHE ? ".cache" : ".local/state";
	const char *base = getenv(var);
	char *dir;
	/* The XDG specification: a relative value is invalid and ignored. */
	if (base && base[0] == '/') {
		dir = db_printf("%s/annals", base);
	} else {
		const char *home = getenv("HOME");
		if (!home || home[0] != '/') {
			db_warn(warning, db_printf(_("neither %s nor HOME is set; going on without %s"),
						   var, place == DB_CACHE ? "~/.cache/annals" : "~/.local/state/annals"));
			return NULL;
		}
		dir = db_printf("%s/%s/annals", home, rel);
	}
	if (db_mkdirs(dir) != 0) {
		db_warn(warning, db_printf(_("%s: cannot create the folder (%s); going on without it"),
					   dir, strerror(errno)));
		free(dir);
		return NULL;
	}
	return dir;
}

char *db_set_name(const char *prefix, const char *const *paths, size_t npaths)
{
	/* FNV-1a, 64 bits, over the resolved paths each ended by a NUL: a name, not a
	 * secret, and stable across runs, builds and machines. */
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < npaths; i++) {
		char *real = realpath(paths[i], NULL);
		const char *s = real ? real : paths[i];
		for (const unsigned char *p = (const unsigned char *)s; ; p++) {
			h ^= *p;
			h *= 1099511628211ULL;
			if (!*p)
				break;
		}
		free(real);
	}
	return db_printf("%s-%016llx.sqlite", prefix, (unsigned long long)h);
}

bool db_is_damage(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || rc == SQLITE_FORMAT;
}

int db_exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

const char *db_sqlite_version(void)
{
	return sqlite3_libversion();
}

char *db_set_aside(const char *path, const char *suffix)
{
	char *to = NULL;
	struct stat st;
	for (int n = 0; n < 1000; n++) {
		free(to);
		to = n ? db_printf("%s.%s-%d", path, suffix, n) : db_printf("%s.%s", path, suffix);
		if (lstat(to, &st) != 0 && errno == ENOENT)
			break;
	}
	if (rename(path, to) != 0) {
		free(to);
		return NULL;
	}
	/* A WAL left next to a new, empty database would be replayed into it: the
	 * journal files go with the database they belong to. */
	static const char *const journals[] = { "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof journals / sizeof *journals; i++) {
		char *from_j = db_printf("%s%s", path, journals[i]);
		char *to_j = db_printf("%s%s", to, journals[i]);
		if (rename(from_j, to_j) != 0 && errno != ENOENT)
			unlink(from_j);
		free(from_j);
		free(to_j);
	}
	return to;
}

/* The value of a one-row, one-integer pragma, or -1 with *rc set. */
static long db_pragma_int(sqlite3 *db, const char *sql, int *rc)
{
	sqlite3_stmt *st;
	long v = -1;
	*rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return -1;
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		v = (long)sqlite3_column_int64(st, 0);
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

/* Sets WAL mode; SQLITE_READONLY when the file cannot be written. */
static int db_set_wal(sqlite3 *db)
{
	if (sqlite3_db_readonly(db, "main") == 1)
		return SQLITE_READONLY;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *mode = (const char *)sqlite3_column_text(st, 0);
		/* A folder where the -shm file cannot be made leaves the old mode. */
		rc = mode && strcmp(mode, "wal") == 0 ? SQLITE_OK : SQLITE_READONLY;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Runs the missing steps in one transaction, rechecking the version once the
 * write lock is held: another process may have migrated meanwhile. */
static int db_migrate(sqlite3 *db, const struct db_schema *schema)
{
	int rc = db_exec(db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return rc;
	long v = db_pragma_int(db, "PRAGMA user_version", &rc);
	for (; rc == SQLITE_OK && v >= 0 && v < schema->version; v++)
		rc = db_exec(db, schema->steps[v]);
	if (rc == SQLITE_OK && v >= 0) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d", schema->version);
		rc = db_exec(db, sql);
	}
	if (rc == SQLITE_OK)
		rc = db_exec(db, "COMMIT");
	if (rc != SQLITE_OK)
		db_exec(db, "ROLLBACK");
	return rc;
}

/* One attempt. Returns the connection, or NULL with *rc the reason; *newer is
 * set when the database is of a newer schema. */
static sqlite3 *db_try(const char *path, const struct db_schema *schema, int *rc, long *newer)
{
	sqlite3 *db = NULL;
	*newer = -1;
	*rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (*rc != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db, 0);
	sqlite3_busy_timeout(db, DB_BUSY_MS);
	*rc = schema->setup ? schema->setup(db) : SQLITE_OK;
	if (*rc == SQLITE_OK)
		*rc = db_set_wal(db);
	long v = *rc == SQLITE_OK ? db_pragma_int(db, "PRAGMA user_version", rc) : -1;
	/* Reading the schema finds a damaged first page or table list now, not later. */
	if (*rc == SQLITE_OK)
		db_pragma_int(db, "SELECT count(*) FROM sqlite_master", rc);
	if (*rc == SQLITE_OK && v > schema->version) {
		*newer = v;
		*rc = SQLITE_ERROR;
	}
	if (*rc == SQLITE_OK && v < schema->version)
		*rc = db_migrate(db, schema);
	if (*rc == SQLITE_OK) {
		db_exec(db, "PRAGMA synchronous=NORMAL");
		return db;
	}
	sqlite3_close(db);
	return NULL;
}

sqlite3 *db_open(const char *path, const struct db_schema *schema, char **warning)
{
	if (warning)
		*warning = NULL;
	int rc;
	long newer;
	/* Twice at most: a database set aside is started afresh once. */
	for (int attempt = 0; attempt < 2; attempt++) {
		sqlite3 *db = db_try(path, schema, &rc, &newer);
		if (db)
			return db;
		bool damaged = db_is_damage(rc);
		if (attempt > 0 || (!damaged && newer < 0))
			break;
		char *aside = db_set_aside(path, damaged ? "damaged" : "newer");
		if (!aside)
			break;
		if (damaged)
			db_warn(warning, db_printf(_("%s: damaged database set aside as %s; starting afresh"),
						   path, aside));
		else
			db_warn(warning, db_printf(_("%s: database of a newer annals (schema %ld) set aside as %s; starting afresh"),
						   path, newer, aside));
		free(aside);
	}
	free(warning ? *warning : NULL);
	const char *why;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		why = _("locked by another process");
		break;
	case SQLITE_FULL:
		why = _("the disk is full");
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		why = _("cannot be written");
		break;
	default:
		why = sqlite3_errstr(rc);
		break;
	}
	if (newer >= 0)
		why = _("written by a newer annals");
	char *msg = db_printf(_("%s: cannot use the database (%s); going on without it"), path, why);
	if (warning)
		*warning = msg;
	else
		free(msg);
	return NULL;
}

void db_close(sqlite3 *db)
{
	if (db)
		sqlite3_close(db);
}
