/* store_doubt.c: when a file's size, times and inode cannot be trusted to show
 * a change, and the hash of its content that settles it. A file written again
 * within the same tick of the file system's clock as its last change keeps
 * its times (a coarse clock, or a file system such as FAT that keeps two
 * seconds); if annals read it during that tick, the second writing would go
 * unseen. Such a file is young when it is read: its hash is kept, and checked
 * when its stat is unchanged, until it has aged (git's "racily clean"). */
#include <config.h>
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

int64_t store_now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	return store_ns(&t);
}

bool store_in_doubt(const struct stat *st, int64_t now)
{
	int64_t m = store_ns(&st->st_mtim), c = store_ns(&st->st_ctim);
	int64_t last = m > c ? m : c;
	return now - last < STORE_DOUBT_NS;
}

uint64_t store_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 1099511628211ULL;
	}
	return h;
}

bool store_file_hash(const char *path, int64_t *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	/* A check of one file against itself, not a defence against someone
	 * crafting a collision. */
	uint64_t h = STORE_FNV_BASIS;
	unsigned char buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return false;
		}
		h = store_fnv(h, buf, (size_t)n);
	}
	close(fd);
	*out = (int64_t)h;
	return true;
}
