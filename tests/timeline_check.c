/* timeline_check.c: checks that stdin is the JSON of `annals timeline --json` in
 * the shape DESIGN.md §3 gives (plus "inferred"): an array, sorted by date, of
 * {"date","year","article","paragraph","lang","text","group","inferred"}. Prints
 * one line an event for the shell tests to compare:
 * "date<TAB>year<TAB>article<TAB>paragraph<TAB>lang<TAB>group<TAB>inferred<TAB>text".
 * Exit 1 with a reason otherwise. */
#include <config.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int timeline_check_fail(const char *what, size_t i)
{
	fprintf(stderr, "timeline_check: event %zu: %s\n", i, what);
	return 1;
}

static bool timeline_check_is_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

int main(void)
{
	json_error_t err;
	json_t *root = json_loadf(stdin, 0, &err);
	if (!root) {
		fprintf(stderr, "timeline_check: not JSON: %s (line %d)\n", err.text, err.line);
		return 1;
	}
	if (!json_is_array(root)) {
		json_decref(root);
		return timeline_check_fail("the value is not an array", 0);
	}
	const char *prev = "";
	int status = 0;
	for (size_t i = 0; i < json_array_size(root) && status == 0; i++) {
		json_t *o = json_array_get(root, i);
		json_t *date = json_object_get(o, "date"), *year = json_object_get(o, "year"),
		       *article = json_object_get(o, "article"), *para = json_object_get(o, "paragraph"),
		       *lang = json_object_get(o, "lang"), *text = json_object_get(o, "text"),
		       *group = json_object_get(o, "group"), *inferred = json_object_get(o, "inferred");
		if (!json_is_object(o) || json_object_size(o) != 8)
			status = timeline_check_fail("not an object of eight members", i);
		else if (!json_is_string(date) || !timeline_check_is_date(json_string_value(date)))
			status = timeline_check_fail("date is not YYYY, YYYY-MM or YYYY-MM-DD", i);
		else if (!json_is_integer(year) ||
			 json_integer_value(year) != atoi(json_string_value(date)))
			status = timeline_check_fail("year is not the date's year", i);
		else if (!json_is_string(article) || !json_string_length(article))
			status = timeline_check_fail("article is not an id", i);
		else if (!json_is_integer(para) || json_integer_value(para) < 0)
			status = timeline_check_fail("paragraph is not an index", i);
		else if (!json_is_string(lang) || !json_string_length(lang))
			status = timeline_check_fail("lang is not a tag", i);
		else if (!json_is_string(text) || !json_string_length(text) ||
			 strchr(json_string_value(text), '\n'))
			status = timeline_check_fail("text is not one line", i);
		else if (!json_is_integer(group) || json_integer_value(group) < 1)
			status = timeline_check_fail("group is not a positive integer", i);
		else if (!json_is_boolean(inferred))
			status = timeline_check_fail("inferred is not a boolean", i);
		else if (strcmp(prev, json_string_value(date)) > 0)
			status = timeline_check_fail("not sorted by date", i);
		if (status)
			break;
		prev = json_string_value(date);
		printf("%s\t%lld\t%s\t%lld\t%s\t%lld\t%s\t%s\n", prev,
		       (long long)json_integer_value(year), json_string_value(article),
		       (long long)json_integer_value(para), json_string_value(lang),
		       (long long)json_integer_value(group), json_is_true(inferred) ? "true" : "false",
		       json_string_value(text));
	}
	json_decref(root);
	return status;
}
