/* ingest_path_fuzzer.c: a whole path, as the command line names it. The input
 * is a file name (its first line: any bytes but "/" and NUL, which no name can
 * hold) and the file's content (the rest). The file is written in a scratch
 * folder that is then read as a collection: binary sniffing, byte order
 * marks, the choice of reader, IDs and warnings made from the name. */
#include <config.h>
#include "fuzz.h"

#include <unistd.h>

static const char *fuzz_scratch(void)
{
	static char dir[64];
	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/annals-fuzz-XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
	}
	return dir;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FUZZ_MAX_INPUT)
		return 0;
	const uint8_t *nl = memchr(data, '\n', size);
	size_t nlen = nl ? (size_t)(nl - data) : 0;
	char name[201];
	size_t k = 0;
	for (size_t i = 0; i < nlen && k < 200; i++)
		name[k++] = data[i] == '/' || data[i] == 0 ? '_' : (char)data[i];
	name[k] = '\0';
	if (k == 0 || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		snprintf(name, sizeof name, "f.txt");
	const char *dir = fuzz_scratch();
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f) {
		free(path);
		return 0;
	}
	size_t skip = nl ? nlen + 1 : 0;
	fwrite(data + skip, 1, size - skip, f);
	fclose(f);
	struct collection col;
	collection_init(&col);
	/* The folder (names filtered as a walk does), then the file itself. */
	(void)ingest_path(fuzz_ingest(), dir, &col);
	(void)ingest_path(fuzz_ingest(), path, &col);
	fuzz_check_collection(&col);
	for (size_t a = 0; a < col.n; a++)
		FUZZ_ASSERT(strncmp(col.items[a].path, dir, strlen(dir)) == 0);
	collection_free(&col);
	unlink(path);
	free(path);
	return 0;
}
