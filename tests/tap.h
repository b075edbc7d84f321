/* tap.h: the smallest test harness that can tell what failed. Each check prints
 * one TAP line ("ok N - what" / "not ok N - what"), so automake's tap-driver
 * counts every assertion; tap_done() prints the plan and gives the exit status. */
#ifndef ANNALS_TAP_H
#define ANNALS_TAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct tap_state {
	int n, failed;
};
static struct tap_state tap_state_;  /* test programs only: one per process */

static inline bool tap_ok(bool cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline bool tap_ok(bool cond, const char *fmt, ...)
{
	va_list ap;
	printf("%sok %d - ", cond ? "" : "not ", ++tap_state_.n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_state_.failed++;
	fflush(stdout);
	return cond;
}

/* Compares two strings and shows both when they differ. */
static inline bool tap_str_eq(const char *got, const char *want, const char *what)
{
	bool same = got && want ? strcmp(got, want) == 0 : got == want;
	tap_ok(same, "%s", what);
	if (!same)
		printf("# got:  [%s]\n# want: [%s]\n", got ? got : "(null)", want ? want : "(null)");
	return same;
}

static inline bool tap_int_eq(long long got, long long want, const char *what)
{
	bool same = got == want;
	tap_ok(same, "%s", what);
	if (!same)
		printf("# got:  %lld\n# want: %lld\n", got, want);
	return same;
}

static inline void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void tap_diag(const char *fmt, ...)
{
	va_list ap;
	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline int tap_done(void)
{
	printf("1..%d\n", tap_state_.n);
	return tap_state_.failed ? 1 : 0;
}

#endif
