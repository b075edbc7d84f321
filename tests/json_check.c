/* json_check.c: checks that stdin is the JSON of `annals COMMAND --json` in
 * the shape DESIGN.md §3 gives, and prints a summary for the shell tests to
 * compare, one line a record:
 *   list, show  "id<TAB>date<TAB>lang<TAB>langs<TAB>paragraphs<TAB>title", and
 *               for show one line a paragraph ("kind<TAB>lang<TAB>text");
 *   timeline    an array sorted by date of {"date","year","article","paragraph",
 *               "lang","text","group","inferred","precision","frame"} (and "end"
 *               for a range), printed as
 *               "date<TAB>year<TAB>article<TAB>paragraph<TAB>lang<TAB>group<TAB>inferred<TAB>text";
 *   parallel    an array of {"a","b"}, both strings, never both empty, printed
 *               as `--tsv` would.
 * Exit 1 with a reason otherwise. */
#include <config.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, const char *id)
{
	fprintf(stderr, "json_check: %s%s%s\n", what, id ? " in " : "", id ? id : "");
	return 1;
}

static int fail_at(const char *what, size_t i)
{
	fprintf(stderr, "json_check: element %zu: %s\n", i, what);
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
	static const char *const keys[] = { "id", "title", "date", "inferred", "lang", "langs",
					    "source", "url", "path", "path_bytes", "paragraphs",
					    "body" };
	size_t want = show ? 12 : 11;
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
	if (!json_is_string(json_object_get(o, "title")) || !json_is_string(json_object_get(o, "path")) ||
	    !json_is_string(json_object_get(o, "path_bytes")))
		return fail("title, path or path_bytes not a string", id);
	if (!(json_is_null(date) || (json_is_string(date) && is_date(json_string_value(date)))))
		return fail("date neither null nor YYYY[-MM[-DD]]", id);
	if (!json_is_boolean(json_object_get(o, "inferred")))
		return fail("inferred is not a boolean", id);
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

static bool one_of(const char *s, const char *const *set, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(s, set[k]) == 0)
			return true;
	return false;
}

static int timeline(json_t *root)
{
	if (!json_is_array(root))
		return fail("the value is not an array", NULL);
	const char *prev = "";
	for (size_t i = 0; i < json_array_size(root); i++) {
		json_t *o = json_array_get(root, i);
		json_t *date = json_object_get(o, "date"), *year = json_object_get(o, "year"),
		       *article = json_object_get(o, "article"), *para = json_object_get(o, "paragraph"),
		       *lang = json_object_get(o, "lang"), *text = json_object_get(o, "text"),
		       *group = json_object_get(o, "group"), *inferred = json_object_get(o, "inferred");
		json_t *precision = json_object_get(o, "precision"), *frame = json_object_get(o, "frame"),
		       *end = json_object_get(o, "end");
		if (!json_is_object(o) || json_object_size(o) != (end ? 11u : 10u))
			return fail_at("not an object of ten members (eleven with end)", i);
		static const char *const precisions[] = { "decade", "year", "month", "week", "day" };
		static const char *const frames[] = { "stated", "article", "narrative" };
		if (!json_is_string(precision) ||
		    !one_of(json_string_value(precision), precisions, 5))
			return fail_at("precision is not decade, year, month, week or day", i);
		if (!json_is_string(frame) || !one_of(json_string_value(frame), frames, 3))
			return fail_at("frame is not stated, article or narrative", i);
		if (end && (!json_is_string(end) || !is_date(json_string_value(end))))
			return fail_at("end is not YYYY, YYYY-MM or YYYY-MM-DD", i);
		if (!json_is_string(date) || !is_date(json_string_value(date)))
			return fail_at("date is not YYYY, YYYY-MM or YYYY-MM-DD", i);
		if (!json_is_integer(year) || json_integer_value(year) != atoi(json_string_value(date)))
			return fail_at("year is not the date's year", i);
		if (!json_is_string(article) || !json_string_length(article))
			return fail_at("article is not an id", i);
		if (!json_is_integer(para) || json_integer_value(para) < 0)
			return fail_at("paragraph is not an index", i);
		if (!json_is_string(lang) || !json_string_length(lang))
			return fail_at("lang is not a tag", i);
		if (!json_is_string(text) || !json_string_length(text) ||
		    strchr(json_string_value(text), '\n'))
			return fail_at("text is not one line", i);
		if (!json_is_integer(group) || json_integer_value(group) < 1)
			return fail_at("group is not a positive integer", i);
		if (!json_is_boolean(inferred))
			return fail_at("inferred is not a boolean", i);
		if (strcmp(prev, json_string_value(date)) > 0)
			return fail_at("not sorted by date", i);
		prev = json_string_value(date);
		printf("%s\t%lld\t%s\t%lld\t%s\t%lld\t%s\t%s\n", prev,
		       (long long)json_integer_value(year), json_string_value(article),
		       (long long)json_integer_value(para), json_string_value(lang),
		       (long long)json_integer_value(group), json_is_true(inferred) ? "true" : "false",
		       json_string_value(text));
	}
	return 0;
}

/* A side of a pair as --tsv prints it: control characters as spaces. */
static void field(const char *s)
{
	for (; *s; s++)
		putchar((unsigned char)*s < 0x20 || *s == 0x7F ? ' ' : *s);
}

static int parallel(json_t *v)
{
	if (!json_is_array(v))
		return fail("the value is not an array", NULL);
	for (size_t i = 0; i < json_array_size(v); i++) {
		json_t *o = json_array_get(v, i);
		if (!json_is_object(o) || json_object_size(o) != 2)
			return fail_at("not an object of two keys", i);
		const char *a = json_string_value(json_object_get(o, "a"));
		const char *b = json_string_value(json_object_get(o, "b"));
		if (!a || !b)
			return fail_at("\"a\" or \"b\" missing or not a string", i);
		if (!*a && !*b)
			return fail_at("both sides empty", i);
		field(a);
		putchar('\t');
		field(b);
		putchar('\n');
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const modes[] = { "list", "show", "timeline", "parallel" };
	size_t mode = 0;
	while (argc == 2 && mode < 4 && strcmp(argv[1], modes[mode]) != 0)
		mode++;
	if (argc != 2 || mode == 4)
		return fail("usage: json_check list|show|timeline|parallel < JSON", NULL);
	json_error_t err;
	json_t *v = json_loadf(stdin, 0, &err);
	if (!v) {
		fprintf(stderr, "json_check: line %d column %d: %s\n", err.line, err.column, err.text);
		return 1;
	}
	int st = 0;
	if (mode == 1) {
		st = article(v, true);
	} else if (mode == 2) {
		st = timeline(v);
	} else if (mode == 3) {
		st = parallel(v);
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
