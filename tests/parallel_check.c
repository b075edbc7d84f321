/* parallel_check.c: checks that stdin is the JSON of `annals parallel --json`
 * in the shape DESIGN.md §3 gives (an array of {"a","b"}, both strings, never
 * both empty) and prints it as `--tsv` would, one pair a line, for the shell
 * test to compare. Exit 1 with a reason otherwise. */
#include <config.h>

#include <jansson.h>
#include <stdio.h>

static int fail(const char *what, size_t i)
{
	fprintf(stderr, "parallel_check: element %zu: %s\n", i, what);
	return 1;
}

static void field(const char *s)
{
	for (; *s; s++)
		putchar((unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
}

int main(void)
{
	json_error_t err;
	json_t *v = json_loadf(stdin, 0, &err);
	if (!v) {
		fprintf(stderr, "parallel_check: not JSON: %s (line %d)\n", err.text, err.line);
		return 1;
	}
	int status = 0;
	if (!json_is_array(v)) {
		status = fail("the value is not an array", 0);
		goto out;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *o = json_array_get(v, i);
		if (!json_is_object(o) || json_object_size(o) != 2) {
			status = fail("not an object of two keys", i);
			goto out;
		}
		const char *a = json_string_value(json_object_get(o, "a"));
		const char *b = json_string_value(json_object_get(o, "b"));
		if (!a || !b) {
			status = fail("\"a\" or \"b\" missing or not a string", i);
			goto out;
		}
		if (!*a && !*b) {
			status = fail("both sides empty", i);
			goto out;
		}
		field(a);
		putchar('\t');
		field(b);
		putchar('\n');
	}
out:
	json_decref(v);
	return status;
}
