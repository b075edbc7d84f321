/* db.h: the one module that opens SQLite databases for annals: the index in the
 * cache folder and the reading state in the state folder. It finds their
 * folders (XDG base directories), creates them private (0700), sets WAL mode and
 * a busy timeout, and brings a database to its schema version by running the
 * schema's ordered migration steps. A database that is damaged or written by a
 * newer annals is set aside (renamed with a suffix) and started afresh; one that
 * cannot be opened or written (read-only folder, full disk, locked too long) is
 * given up with one warning, and the caller goes on without it. */
#ifndef ANNALS_DB_H
#define ANNALS_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

/* A schema: steps[i] is the SQL (one or more statements) that takes a database
 * from version i to version i + 1; version is the number of steps. Version 0 is
 * an empty database. Steps are only ever appended: a shipped step never changes. */
struct db_schema {
	const char *name;               /* "index", "state": for the test harness and logs */
	int version;
	const char *const *steps;
	/* Run on every new connection before the steps (registering a tokenizer the
	 * schema names, say); returns a SQLite result code. May be NULL. */
	int (*setup)(sqlite3 *db);
};

/* Which XDG folder a database lives in. */
enum db_place {
	DB_CACHE,                       /* $XDG_CACHE_HOME/annals, default ~/.cache/annals */
	DB_STATE,                       /* $XDG_STATE_HOME/annals, default ~/.local/state/annals */
};

/* The folder for place (malloc'd), created with its parents (0700 for the ones
 * made here). NULL when there is no home to put it in or it cannot be created;
 * then *warning (when warning is not NULL) is a malloc'd message. */
char *db_dir(enum db_place place, char **warning);

/* The file name of the database for a set of collections: prefix, "-", and a
 * hash of the resolved (absolute, symlink-free) paths in order, then ".sqlite".
 * The same folders given by other spellings give the same name. Malloc'd. */
char *db_set_name(const char *prefix, const char *const *paths, size_t npaths);

/* dir/name, malloc'd. */
char *db_join(const char *dir, const char *name);

/* Opens (creating it if needed) the database at path and brings it to
 * schema->version. On success returns the connection (close with db_close) and
 * leaves *warning NULL, unless a damaged or newer database was set aside first:
 * then *warning says so. On failure returns NULL and *warning says why. Each
 * warning is malloc'd, one line, without the "annals: " prefix. */
sqlite3 *db_open(const char *path, const struct db_schema *schema, char **warning);
void db_close(sqlite3 *db);

/* Renames path (and its -wal and -shm files) to path.SUFFIX, or path.SUFFIX-N
 * when that exists. Returns the new name (malloc'd), or NULL when it could not. */
char *db_set_aside(const char *path, const char *suffix);

/* True for the result codes that mean the database file itself is bad, as
 * opposed to a busy, full or read-only one. */
bool db_is_damage(int rc);

/* Runs sql (one or more statements, no results); returns the SQLite result code. */
int db_exec(sqlite3 *db, const char *sql);

/* The SQLite library version, for --version. */
const char *db_sqlite_version(void);

#endif
