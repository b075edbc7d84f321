/* bench.h: what every benchmark needs: a monotonic clock in seconds, and
 * sorting a sample of times to read its median and extremes. Header-only,
 * because each benchmark is one file built on request. */
#ifndef ANNALS_BENCH_H
#define ANNALS_BENCH_H

#include <stdlib.h>
#include <time.h>

static inline double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int bench_double_order(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

/* Sorts v[0..n) (so that v[0] and v[n - 1] are the extremes) and returns the median. */
static inline double bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, bench_double_order);
	return v[n / 2];
}

#endif
