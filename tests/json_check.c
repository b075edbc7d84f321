/* json_check.c: checks that stdin is the JSON of `annals list --json` or
 * `annals show --json` in the exact shape DESIGN.md §3 gives, and prints a
 * summary for the shell tests to compare: one line an article
 * ("id<TAB>date<TAB>lang<TAB>langs<TAB>paragraphs<TAB>title"), and for show one
 * line a paragraph ("kind<TAB>lang<TAB>text"). Exit 1 with a reason otherwise. */
#include <config.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int fail(const char *what, const char *id)
{
	fprintf(stderr, "json_check: %s%s%s\n", what, id ? " in " : "", id ? id : "");
	return 1;
}

static bool is_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

static int article(json_t *o, bool show)
{
	static const char *const keys[] = { "id", "title", "date", "lang", "langs", "source",
					    "url", "path", "paragraphs", "body" };
	size_t want = show ? 10 : 9;
	if (!json_is_object(o))
		return fail("an element is not an object", NULL);
	const char *id = json_string_value(json_object_get(o, "id"));
	if (!id)
		return fail("id missing or not a string", NULL);
	if (json_object_size(o) != want)
		return fail("wrong number of keys", id);
	for (size_t i = 0; i < want; i++)
		if (!json_object_get(o, keys[i]))
			return fail(keys[i], id);
	json_t *date = json_object_get(o, "date"), *langs = json_object_get(o, "langs");
	const char *lang = json_string_value(json_object_get(o, "lang"));
	if (!json_is_string(json_object_get(o, "title")) || !json_is_string(json_object_get(o, "path")))
		return fail("title or path not a string", id);
	if (!(json_is_null(date) || (json_is_string(date) && is_date(json_string_value(date)))))
		return fail("date neither null nor YYYY[-MM[-DD]]", id);
	if (!lang || !json_is_array(langs) || json_array_size(langs) == 0 ||
	    !json_is_string(json_array_get(langs, 0)) ||
	    strcmp(json_string_value(json_array_get(langs, 0)), lang) != 0)
		return fail("lang / langs: langs[0] must be lang", id);
	for (const char *k = "source"; k; k = strcmp(k, "source") == 0 ? "url" : NULL) {
		json_t *v = json_object_get(o, k);
		if (!json_is_null(v) && !json_is_string(v))
			return fail("source or url neither string nor null", id);
	}
	json_t *np = json_object_get(o, "paragraphs");
	if (!json_is_integer(np) || json_integer_value(np) < 1)
		return fail("paragraphs not a positive integer", id);
	printf("%s\t%s\t%s\t", id, json_is_null(date) ? "null" : json_string_value(date), lang);
	size_t k;
	json_t *l;
	json_array_foreach(langs, k, l)
		printf("%s%s", k ? "+" : "", json_string_value(l));
	printf("\t%lld\t%s\n", (long long)json_integer_value(np),
	       json_string_value(json_object_get(o, "title")));
	if (!show)
		return 0;
	json_t *body = json_object_get(o, "body");
	if (!json_is_array(body) || (json_int_t)json_array_size(body) != json_integer_value(np))
		return fail("body is not an array of `paragraphs` elements", id);
	json_t *p;
	json_array_foreach(body, k, p) {
		const char *kind = json_string_value(json_object_get(p, "kind"));
		if (!json_is_object(p) || json_object_size(p) != 3 || !kind ||
		    !json_is_string(json_object_get(p, "lang")) || !json_is_string(json_object_get(p, "text")))
			return fail("body element is not {lang, kind, text}", id);
		if (strcmp(kind, "text") && strcmp(kind, "heading") && strcmp(kind, "image") &&
		    strcmp(kind, "quote"))
			return fail("unknown paragraph kind", id);
		printf("%s\t%s\t%s\n", kind, json_string_value(json_object_get(p, "lang")),
		       json_string_value(json_object_get(p, "text")));
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 2 || (strcmp(argv[1], "list") && strcmp(argv[1], "show")))
		return fail("usage: json_check list|show < JSON", NULL);
	json_error_t err;
	json_t *v = json_loadf(stdin, 0, &err);
	if (!v) {
		fprintf(stderr, "json_check: line %d column %d: %s\n", err.line, err.column, err.text);
		return 1;
	}
	int st = 0;
	if (strcmp(argv[1], "show") == 0) {
		st = article(v, true);
	} else if (!json_is_array(v)) {
		st = fail("list output is not an array", NULL);
	} else {
		size_t i;
		json_t *o;
		json_array_foreach(v, i, o)
			if ((st = article(o, false)) != 0)
				break;
	}
	json_decref(v);
	return st;
}
