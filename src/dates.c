/* dates.c: date expressions in English, French and Chinese running text.
 *
 * One left-to-right scan looks at each word or number once: a Latin word is
 * looked up among month names, weekdays and the "same month" phrases; an ASCII
 * number is tried as an ISO date, a range of years, a Chinese 年/月 date or a
 * bare year; a full-width digit, a Chinese numeral or one of a few Han
 * characters (同 当 當 本 星 周 週 礼 禮) starts the Chinese forms. Candidates
 * go to one list; overlaps are settled at the end (the earliest, then the
 * longest, wins). Every byte is untrusted: invalid UTF-8 never matches. */
#include <config.h>
#include "dates.h"
#include "dates_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "xalloc.h"

/* Years we believe as bare numbers: outside this, "1500 people" is not a year. */
#define DATES_BARE_MIN 1800
#define DATES_BARE_MAX 2199
/* Years we believe next to a month or a 年. */
#define DATES_YEAR_MIN 1000
#define DATES_YEAR_MAX 2999

struct dates_vec {
	struct datex *v;
	size_t n, cap;
};

static void dates_push(struct dates_vec *vec, const struct datex *x)
{
	xgrow((void **)&vec->v, &vec->cap, vec->n + 1, sizeof *vec->v);
	vec->v[vec->n++] = *x;
}

/* ---- code points ---- */

int32_t dates_cp(const char *s, size_t n, size_t i, size_t *len)
{
	if (i >= n) {
		*len = 0;
		return -1;
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					      (utf8proc_ssize_t)(n - i), &cp);
	if (l <= 0) {
		*len = 1;
		return -1;
	}
	*len = (size_t)l;
	return cp;
}

/* The code point that ends at byte i, its first byte in *start; -1 at the start. */
static int32_t dates_cp_before(const char *s, size_t n, size_t i, size_t *start)
{
	if (i == 0 || i > n) {
		*start = 0;
		return -1;
	}
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	*start = j;
	size_t len;
	int32_t cp = dates_cp(s, n, j, &len);
	return len == i - j ? cp : -1;
}

static bool dates_is_letter(int32_t cp)
{
	if (cp < 0)
		return false;
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool dates_is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static bool dates_is_fw_digit(int32_t cp)
{
	return cp >= 0xFF10 && cp <= 0xFF19;
}

/* A letter of a Latin-script word (not a Han character): word boundaries of the
 * English and French forms. */
bool dates_is_latin(int32_t cp)
{
	return dates_is_letter(cp) && cp < 0x2000;
}

static bool dates_is_han(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x3134F);
}

static bool dates_is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x3000;
}

size_t dates_skip_spaces(const char *s, size_t n, size_t i)
{
	/* ASCII first: most text has no other spaces, and no need to decode */
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n || (unsigned char)s[i] < 0x80)
		return i;
	size_t len;
	while (i < n && dates_is_space(dates_cp(s, n, i, &len)))
		i += len;
	return i;
}

static size_t dates_skip_spaces_back(const char *s, size_t n, size_t i)
{
	size_t st;
	while (i > 0 && dates_is_space(dates_cp_before(s, n, i, &st)))
		i = st;
	return i;
}

/* Is the text at i the code point cp? Then *end is just after it. */
static bool dates_cp_is(const char *s, size_t n, size_t i, int32_t cp, size_t *end)
{
	size_t len;
	if (dates_cp(s, n, i, &len) != cp)
		return false;
	*end = i + len;
	return true;
}

static bool dates_cp_in(int32_t cp, const int32_t *set, size_t nset)
{
	for (size_t k = 0; k < nset; k++)
		if (set[k] == cp)
			return true;
	return false;
}

/* ---- Latin words ---- */

/* The Latin word s[i..end), lowercased (ASCII only: the accented letters of the
 * French names are compared as they are) into buf; false when too long. */
bool dates_word_lower(const char *s, size_t i, size_t end, char *buf, size_t size)
{
	if (end - i >= size)
		return false;
	for (size_t k = i; k < end; k++) {
		char c = s[k];
		buf[k - i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	buf[end - i] = '\0';
	return true;
}

size_t dates_word_end(const char *s, size_t n, size_t i)
{
	/* ASCII letters without decoding; the rest of the word, if any, decoded */
	while (i < n && (((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z'))
		i++;
	if (i >= n || (unsigned char)s[i] < 0x80)
		return i;
	size_t len;
	while (i < n && dates_is_latin(dates_cp(s, n, i, &len)))
		i += len;
	return i;
}

/* The Latin word that ends at i (after skipping spaces and one hyphen), lowercased
 * into buf; its start in *ws. Empty when there is none. */
static void dates_word_before(const char *s, size_t n, size_t i, char *buf, size_t size,
			      size_t *ws)
{
	buf[0] = '\0';
	*ws = i;
	size_t j = dates_skip_spaces_back(s, n, i);
	if (j > 0 && s[j - 1] == '-')     /* "mid-May", "mi-mai" */
		j--;
	size_t end = j, st;
	while (j > 0 && dates_is_latin(dates_cp_before(s, n, j, &st)))
		j = st;
	if (j < end && dates_word_lower(s, j, end, buf, size))
		*ws = j;
	else
		buf[0] = '\0';
}

static bool dates_in_list(const char *w, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(w, list[k]) == 0)
			return true;
	return false;
}
#define DATES_IN(w, list) dates_in_list((w), (list), sizeof (list) / sizeof *(list))

/* Words after which a bare year or a month alone says when: "in 2014", "In May",
 * "en mai", "depuis 2014", "mid-May". */
static const char *const dates_preps[] = {
	"in", "since", "during", "until", "till", "by", "before", "after", "from", "through",
	"throughout", "around", "early", "late", "mid", "en", "depuis", "dès", "avant", "après",
	"pendant", "vers", "fin", "début", "mi", "fiscal", "of", "for", "into", "due", "de",
	"courant",
};
/* Of those, the ones that also take counts ("a crowd of 2000", "for 1900
 * people"): there the year must not be followed by a noun. */
static const char *const dates_preps_counting[] = { "of", "for", "into", "due", "de" };
/* Those after which a year is the bound of a state ("since 1980", "until
 * 1990"), not a time the account has moved to. */
static const char *const dates_preps_bound[] = {
	"since", "until", "till", "by", "before", "depuis", "dès", "avant",
};

struct dates_month_name {
	const char *name;
	int month;
	bool english;           /* English names are capitalised in running text */
	bool abbr;              /* needs a day or a year: "Oct. 24", never "in Oct." alone */
};

static const struct dates_month_name dates_months[] = {
	{ "january", 1, true, false }, { "february", 2, true, false }, { "march", 3, true, false },
	{ "april", 4, true, false }, { "may", 5, true, false }, { "june", 6, true, false },
	{ "july", 7, true, false }, { "august", 8, true, false }, { "september", 9, true, false },
	{ "october", 10, true, false }, { "november", 11, true, false },
	{ "december", 12, true, false },
	{ "jan", 1, true, true }, { "feb", 2, true, true }, { "mar", 3, true, true },
	{ "apr", 4, true, true }, { "jun", 6, true, true }, { "jul", 7, true, true },
	{ "aug", 8, true, true }, { "sep", 9, true, true }, { "sept", 9, true, true },
	{ "oct", 10, true, true }, { "nov", 11, true, true }, { "dec", 12, true, true },
	{ "janvier", 1, false, false }, { "février", 2, false, false },
	{ "fevrier", 2, false, false }, { "mars", 3, false, false }, { "avril", 4, false, false },
	{ "mai", 5, false, false }, { "juin", 6, false, false }, { "juillet", 7, false, false },
	{ "août", 8, false, false }, { "aout", 8, false, false },
	{ "septembre", 9, false, false }, { "octobre", 10, false, false },
	{ "novembre", 11, false, false }, { "décembre", 12, false, false },
	{ "decembre", 12, false, false },
	{ "janv", 1, false, true }, { "févr", 2, false, true }, { "avr", 4, false, true },
	{ "juil", 7, false, true }, { "déc", 12, false, true },
};

static const struct dates_month_name *dates_month_lookup(const char *w)
{
	for (size_t k = 0; k < sizeof dates_months / sizeof *dates_months; k++)
		if (w[0] == dates_months[k].name[0] && strcmp(w, dates_months[k].name) == 0)
			return &dates_months[k];
	return NULL;
}

static const char *const dates_weekdays_en[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
};
static const char *const dates_weekdays_fr[] = {
	"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
};

static int dates_weekday_lookup(const char *w, const char *const *names)
{
	for (int k = 0; k < 7; k++)
		if (strcmp(w, names[k]) == 0)
			return k;
	return -1;
}

/* ASCII digits s[i..) (at most max of them, and not followed by another digit):
 * their value, the end in *end; -1 when there are none or too many. */
static int dates_digits(const char *s, size_t n, size_t i, size_t min, size_t max, size_t *end)
{
	size_t j = i;
	int v = 0;
	while (j < n && s[j] >= '0' && s[j] <= '9' && j - i <= max) {
		v = v * 10 + (s[j] - '0');
		j++;
	}
	if (j - i < min || j - i > max)
		return -1;
	*end = j;
	return v;
}

/* A number standing alone: no Latin letter or digit touches it on the right. */
static bool dates_number_ends(const char *s, size_t n, size_t i)
{
	size_t len;
	int32_t cp = dates_cp(s, n, i, &len);
	return !(dates_is_digit(cp) || dates_is_latin(cp));
}

/* A day number, with an optional ordinal ending: "3", "3rd", "1er". */
static int dates_day_at(const char *s, size_t n, size_t i, size_t *end)
{
	size_t j;
	int d = dates_digits(s, n, i, 1, 2, &j);
	if (d < 1 || d > 31)
		return -1;
	static const char *const ord[] = { "st", "nd", "rd", "th", "er", "e" };
	for (size_t k = 0; k < sizeof ord / sizeof *ord; k++) {
		size_t l = strlen(ord[k]);
		if (j + l <= n && strncmp(s + j, ord[k], l) == 0 && dates_number_ends(s, n, j + l)) {
			j += l;
			break;
		}
	}
	if (!dates_number_ends(s, n, j))
		return -1;
	*end = j;
	return d;
}

static bool dates_valid(int y, int m, int d)
{
	if (m < 1 || m > 12)
		return false;
	if (d == 0)
		return true;
	return d >= 1 && d <= (y ? dates_month_days(y, m) : (m == 2 ? 29 : dates_month_days(2001, m)));
}

/* Is the word after e a noun, as in "2000 people" (lowercase, and not one of
 * the little words that go on a sentence: "in 2014 the", "of 1989 and")? */
static bool dates_noun_follows(const char *s, size_t n, size_t e)
{
	static const char *const little[] = {
		"and", "or", "the", "a", "an", "when", "as", "was", "were", "is", "are", "but", "to",
		"with", "at", "in", "on", "by", "after", "before", "that", "which", "while", "he",
		"she", "it", "they", "we", "i", "than", "from", "for", "of", "et", "ou", "le", "la",
		"les", "à", "en", "et", "qui", "que", "il", "elle", "ils", "est", "a", "sont",
	};
	size_t j = dates_skip_spaces(s, n, e), we = dates_word_end(s, n, j);
	char w[16];
	if (we == j || s[j] < 'a' || s[j] > 'z' || !dates_word_lower(s, j, we, w, sizeof w))
		return false;
	size_t l = strlen(w);
	if (l > 3 && strcmp(w + l - 2, "ed") == 0)
		return false;   /* a verb: "the Panic of 1893 ruined" */
	return !DATES_IN(w, little);
}

/* Does the text at i read word (ASCII, case-insensitive) as a whole word? */
static bool dates_word_is(const char *s, size_t n, size_t i, const char *word, size_t *end)
{
	size_t l = strlen(word);
	if (i + l > n || strncasecmp(s + i, word, l) != 0)
		return false;
	size_t len;
	if (dates_is_latin(dates_cp(s, n, i + l, &len)))
		return false;
	*end = i + l;
	return true;
}

/* Is the expression at ws joined to the one before it in vec ("in March and
 * April", "in 1990, 1991 or 1993", "en 1990 et 1991")? The earlier one must
 * say when; of its kind (a month, when month is set; else a year alone), and
 * only a comma, "and", "or", "et" or "ou" between them. The later one then
 * says when as well, though no preposition of its own stands before it. */
static bool dates_coordinated(const char *s, size_t n, const struct dates_vec *vec, size_t ws,
			      bool month)
{
	if (vec->n == 0)
		return false;
	const struct datex *p = &vec->v[vec->n - 1];
	if (!p->temporal || p->kind != DATEX_DATE || p->start + p->len > ws || p->holiday)
		return false;
	if (month ? p->month == 0 : (p->prec != DATE_YEAR || p->month != 0 || p->year == 0))
		return false;
	size_t i = dates_skip_spaces(s, n, p->start + p->len), k;
	bool joined = false;
	if (i < ws && s[i] == ',') {
		joined = true;
		i = dates_skip_spaces(s, n, i + 1);
	}
	if (dates_word_is(s, n, i, "and", &k) || dates_word_is(s, n, i, "or", &k) ||
	    dates_word_is(s, n, i, "et", &k) || dates_word_is(s, n, i, "ou", &k)) {
		joined = true;
		i = dates_skip_spaces(s, n, k);
	}
	return joined && i == ws;
}

/* A separator between the two ends of a range at i ("-", "–", "to", "au",
 * "à", "until", "through"), spaces around it skipped: where the end starts;
 * 0 when there is none. */
static size_t dates_range_sep(const char *s, size_t n, size_t i)
{
	size_t j = dates_skip_spaces(s, n, i), k;
	if (j < n && s[j] == '-')
		k = j + 1;
	else if (j + 3 <= n && (memcmp(s + j, "–", 3) == 0 || memcmp(s + j, "—", 3) == 0))
		k = j + 3;
	else if (!dates_word_is(s, n, j, "to", &k) && !dates_word_is(s, n, j, "au", &k) &&
		 !dates_word_is(s, n, j, "à", &k) && !dates_word_is(s, n, j, "until", &k) &&
		 !dates_word_is(s, n, j, "through", &k) && !dates_word_is(s, n, j, "and", &k) &&
		 !dates_word_is(s, n, j, "et", &k))
		return 0;
	return dates_skip_spaces(s, n, k);
}

/* The first day of a range that ends with the day at ds ("14-" of "14-16
 * March", "du 14 au" of "du 14 au 16 mars"): its value, and in *start where
 * the range begins; 0 when there is none. */
static int dates_range_start(const char *s, size_t n, size_t ds, size_t *start)
{
	size_t j = dates_skip_spaces_back(s, n, ds), st;
	size_t sep;
	if (j > 0 && s[j - 1] == '-')
		sep = j - 1;
	else if (j >= 3 && (memcmp(s + j - 3, "–", 3) == 0 || memcmp(s + j - 3, "—", 3) == 0))
		sep = j - 3;
	else {
		char w[16];
		dates_word_before(s, n, j, w, sizeof w, &sep);
		if (strcmp(w, "le") == 0)       /* "entre le 3 et le 5 juin" */
			dates_word_before(s, n, dates_skip_spaces_back(s, n, sep), w, sizeof w, &sep);
		if (strcmp(w, "to") != 0 && strcmp(w, "au") != 0 && strcmp(w, "and") != 0 &&
		    strcmp(w, "et") != 0 && strcmp(w, "à") != 0 && strcmp(w, "until") != 0)
			return 0;
	}
	size_t e = dates_skip_spaces_back(s, n, sep), d0 = e;
	while (d0 > 0 && e - d0 < 2 && s[d0 - 1] >= 'a' && s[d0 - 1] <= 'z')
		d0--;   /* "1er", "3rd" */
	size_t b = d0;
	while (b > 0 && d0 - b < 2 && s[b - 1] >= '0' && s[b - 1] <= '9')
		b--;
	if (b == d0)
		return 0;
	int32_t before = dates_cp_before(s, n, b, &st);
	if (dates_is_digit(before) || before == '-' || before == '/' || before == '.')
		return 0;
	size_t k;
	int d = dates_day_at(s, n, b, &k);
	if (d <= 0 || k != e)
		return 0;
	*start = b;
	return d;
}

/* The determiners before a month that names a thing ("the October
 * slaying", "a June agreement", "its March report"); not "his" or "her",
 * before which a month may be a name ("her June had"). */
static const char *const dates_month_det[] = { "a", "an", "its", "our", "the", "their" };

/* A month name at [ws, we): "November 3, 2021", "Nov. 3, 2021", "3 November
 * 2021", "1er décembre 2015", "October 2013", "In May", "en mai", "Oct. 24". */
static void dates_latin_month(const char *s, size_t n, size_t ws, size_t we,
			      const struct dates_month_name *mn, struct dates_vec *vec)
{
	struct datex x = { .kind = DATEX_DATE, .month = mn->month, .temporal = true };
	size_t end = we;
	if (mn->abbr) {
		if (we < n && s[we] == '.')
			end = we + 1;
		else if (!mn->english)
			return;         /* French abbreviations always carry their period */
	}
	size_t start = ws;
	/* A day on the right: "November 3", "Nov. 3, 2021". */
	size_t j = dates_skip_spaces(s, n, end), k = 0;
	int day = j > end ? dates_day_at(s, n, j, &k) : -1;
	if (day > 0) {
		x.day = day;
		end = k;
		size_t re, r2;
		int d2;
		if ((re = dates_range_sep(s, n, k)) > 0 &&
		    (d2 = dates_day_at(s, n, re, &r2)) > day) {
			x.kind = DATEX_RANGE;   /* "March 14-16", "March 14 to 16" */
			x.day_end = d2;
			x.month_end = x.month;
			end = k = r2;
		}
		size_t y0 = k;
		if (y0 < n && s[y0] == ',')
			y0++;
		y0 = dates_skip_spaces(s, n, y0);
		int y = dates_digits(s, n, y0, 4, 4, &k);
		if (y >= DATES_YEAR_MIN && y <= DATES_YEAR_MAX && dates_number_ends(s, n, k)) {
			x.year = y;
			end = k;
		}
	} else {
		/* A day on the left: "3 November", "le 1er décembre". */
		size_t b = dates_skip_spaces_back(s, n, ws), st;
		size_t d0 = b;
		while (d0 > 0 && b - d0 < 2 && s[d0 - 1] >= 'a' && s[d0 - 1] <= 'z')
			d0--;   /* an ordinal ending: "1er", "3rd" */
		size_t ds = d0;
		while (ds > 0 && d0 - ds < 2 && s[ds - 1] >= '0' && s[ds - 1] <= '9')
			ds--;
		int32_t before = dates_cp_before(s, n, ds, &st);
		if (b < ws && ds < d0 && before != '-' && !dates_is_latin(before) &&
		    !dates_is_digit(before)) {
			int d = dates_day_at(s, n, ds, &k);
			if (d > 0 && k == b) {
				x.day = d;
				start = ds;
			}
		}
		if (b < ws && ds < d0) {
			/* "14-16 March", "du 14 au 16 mars", "from 14 to 16 March" */
			int d = dates_day_at(s, n, ds, &k);
			size_t rs;
			int d1 = d > 0 && k == b ? dates_range_start(s, n, ds, &rs) : 0;
			if (d1 > 0 && d1 < d) {
				x.kind = DATEX_RANGE;
				x.day = d1;
				x.day_end = d;
				x.month_end = x.month;
				start = rs;
			}
		}
		/* A year on the right: "October 2013", "3 November 2021", "January
		 * nineteen ninety-seven". */
		j = dates_skip_spaces(s, n, end);
		if (j < n && s[j] == ',' && x.day)
			j = dates_skip_spaces(s, n, j + 1);
		int y = dates_digits(s, n, j, 4, 4, &k);
		bool count_like;
		if (y >= DATES_YEAR_MIN && y <= DATES_YEAR_MAX && dates_number_ends(s, n, k)) {
			x.year = y;
			end = k;
		} else if (mn->english && j > end && (y = dates_spelled_year(s, n, j, &count_like, &k)) > 0) {
			x.year = y;
			end = k;
		}
	}
	if (x.day == 0 && x.year == 0) {
		/* A month alone says when only after a preposition ("In May", "en
		 * mai") or with a word that places it: "last June", "next March",
		 * "juin dernier", "en mars prochain". */
		char w[16];
		size_t pw, te;
		dates_word_before(s, n, ws, w, sizeof w, &pw);
		if (!mn->abbr && strcmp(w, "this") == 0) {
			x.rel_year = true;      /* "this September": this year's */
			start = pw;
		} else if (!mn->abbr && (strcmp(w, "last") == 0 || strcmp(w, "next") == 0 ||
					 strcmp(w, "coming") == 0)) {
			x.tense = w[0] == 'l' ? -1 : 1;
			start = pw;
		} else if (!mn->english && (dates_word_is(s, n, dates_skip_spaces(s, n, end), "dernier", &te) ||
					    dates_word_is(s, n, dates_skip_spaces(s, n, end), "prochain", &te))) {
			x.tense = s[dates_skip_spaces(s, n, end)] == 'd' ? -1 : 1;
			end = te;
		} else if (!mn->abbr && DATES_IN(w, dates_month_det) && mn->english &&
			   dates_noun_follows(s, n, end)) {
			x.done = true;  /* "the October slaying", "a June agreement": a thing done */
		} else if ((mn->abbr || !DATES_IN(w, dates_preps)) &&
			   !dates_coordinated(s, n, vec, ws, true)) {
			return;
		}
	} else if (x.year == 0) {
		/* "the Aug. 7 blasts": a day that names a thing done */
		char w[16];
		size_t pw;
		dates_word_before(s, n, start, w, sizeof w, &pw);
		if (strcmp(w, "the") == 0 && dates_noun_follows(s, n, end))
			x.done = true;
	}
	if (!dates_valid(x.year, x.month, x.day))
		return;
	x.prec = x.day ? DATE_DAY : DATE_MONTH;
	x.start = start;
	x.len = end - start;
	dates_push(vec, &x);
}


/* Whether a day named relative to another ("the day after", "la veille") stands
 * alone at k, rather than being tied to a thing the text names ("the day after
 * the vote", "la veille du sommet", "le lendemain de l'élection"), whose date we
 * would not know. */
static bool dates_day_offset_alone(const char *s, size_t n, size_t k, bool french)
{
	size_t j = dates_skip_spaces(s, n, k), e;
	if (!french)
		return j >= n || !dates_is_latin(dates_cp(s, n, j, &e));
	return !dates_word_is(s, n, j, "de", &e) && !dates_word_is(s, n, j, "du", &e) &&
	       !dates_word_is(s, n, j, "des", &e) && !(j + 1 < n && s[j] == 'd' &&
						       (s[j + 1] == '\'' || (unsigned char)s[j + 1] == 0xe2));
}

/* "the next day", "the following day", "the previous day", "the day before",
 * "the day after" at j (after "the"); the offset, and the end in *m; 0 if none. */
static int dates_day_offset_en(const char *s, size_t n, size_t j, size_t *m)
{
	size_t k;
	if (dates_word_is(s, n, j, "next", &k) || dates_word_is(s, n, j, "following", &k))
		return dates_word_is(s, n, dates_skip_spaces(s, n, k), "day", m) ? 1 : 0;
	if (dates_word_is(s, n, j, "previous", &k))
		return dates_word_is(s, n, dates_skip_spaces(s, n, k), "day", m) ? -1 : 0;
	if (!dates_word_is(s, n, j, "day", &k))
		return 0;
	k = dates_skip_spaces(s, n, k);
	int off = dates_word_is(s, n, k, "after", m) ? 1 : dates_word_is(s, n, k, "before", m) ? -1 : 0;
	return off && dates_day_offset_alone(s, n, *m, false) ? off : 0;
}

/* The phrases at a Latin word w (lowercased) starting at i: "the same month",
 * "that month", "this month", "le même mois", "ce mois-ci", "ce lundi", "the
 * next day", "le lendemain", "la veille". */
static void dates_latin_phrase(const char *s, size_t n, size_t i, size_t we, const char *w,
			       struct dates_vec *vec)
{
	struct datex x = { .prec = DATE_MONTH, .temporal = true, .start = i };
	size_t j = dates_skip_spaces(s, n, we), k = 0, m = 0;
	if (strcmp(w, "the") == 0 && (x.offset = dates_day_offset_en(s, n, j, &m)) != 0) {
		x.kind = DATEX_DAY_OFFSET;
		x.prec = DATE_DAY;
	} else if ((strcmp(w, "le") == 0 && dates_word_is(s, n, j, "lendemain", &m)) ||
		   (strcmp(w, "la") == 0 && dates_word_is(s, n, j, "veille", &m))) {
		if (!dates_day_offset_alone(s, n, m, true))
			return;
		x.kind = DATEX_DAY_OFFSET;
		x.offset = w[1] == 'e' ? 1 : -1;
		x.prec = DATE_DAY;
	} else if (strcmp(w, "the") == 0 || strcmp(w, "that") == 0) {
		if (dates_word_is(s, n, j, "same", &k) &&
		    dates_word_is(s, n, dates_skip_spaces(s, n, k), "month", &m)) {
			x.kind = DATEX_SAME_MONTH;
		} else if (strcmp(w, "that") == 0 && dates_word_is(s, n, j, "month", &m)) {
			/* "later that month", "in that month"; not "that month's budget" */
			char pw[16];
			size_t ps;
			dates_word_before(s, n, i, pw, sizeof pw, &ps);
			if (strcmp(pw, "in") != 0 && strcmp(pw, "later") != 0 &&
			    strcmp(pw, "earlier") != 0 && strcmp(pw, "of") != 0)
				return;
			x.kind = DATEX_SAME_MONTH;
		} else {
			return;
		}
	} else if (strcmp(w, "this") == 0) {
		if (!dates_word_is(s, n, j, "month", &m))
			return;
		x.kind = DATEX_THIS_MONTH;
	} else if (strcmp(w, "le") == 0 || strcmp(w, "du") == 0 || strcmp(w, "ce") == 0) {
		if (dates_word_is(s, n, j, "même", &k) &&
		    dates_word_is(s, n, dates_skip_spaces(s, n, k), "mois", &m)) {
			x.kind = DATEX_SAME_MONTH;
		} else if (strcmp(w, "ce") == 0 && dates_word_is(s, n, j, "mois-ci", &m)) {
			x.kind = DATEX_THIS_MONTH;
		} else if (strcmp(w, "ce") == 0) {
			size_t e = dates_word_end(s, n, j);
			char d[16];
			int wd;
			if (e == j || !dates_word_lower(s, j, e, d, sizeof d) ||
			    (wd = dates_weekday_lookup(d, dates_weekdays_fr)) < 0)
				return;
			x.kind = DATEX_WEEKDAY;
			x.weekday = wd;
			x.prec = DATE_DAY;
			m = e;
		} else {
			return;
		}
	} else {
		return;
	}
	x.len = m - i;
	dates_push(vec, &x);
}

/* A weekday name: "on Monday", "closed Tuesday", "mardi dernier". */
static void dates_latin_weekday(const char *s, size_t n, size_t ws, size_t we, const char *w,
				struct dates_vec *vec)
{
	int wd = dates_weekday_lookup(w, dates_weekdays_en), tense = 0;
	if (wd >= 0) {
		if (s[ws] < 'A' || s[ws] > 'Z')
			return;
		char pw[16];
		size_t ps;
		dates_word_before(s, n, ws, pw, sizeof pw, &ps);
		if (strcmp(pw, "cyber") == 0 || strcmp(pw, "black") == 0 ||
		    strcmp(pw, "good") == 0 || strcmp(pw, "every") == 0)
			return;
		if (strcmp(pw, "last") == 0 || strcmp(pw, "next") == 0 || strcmp(pw, "this") == 0 ||
		    strcmp(pw, "coming") == 0) {
			tense = pw[0] == 'l' ? -1 : pw[0] == 't' ? 0 : 1;
			ws = ps;
		} else if (strcmp(pw, "previous") == 0 || strcmp(pw, "preceding") == 0) {
			/* "the previous Friday": before the day of the report, as "last
			 * Friday" (a Friday's paper means the week before's) */
			tense = -1;
			ws = ps;
		}
	} else {
		/* French weekdays in running text, lowercase: "a déclaré lundi",
		 * "mardi dernier", "jeudi prochain"; not "chaque lundi", "le lundi
		 * de Pâques" (a day of the year, not of this week). */
		wd = dates_weekday_lookup(w, dates_weekdays_fr);
		if (wd < 0 || (s[ws] >= 'A' && s[ws] <= 'Z' && ws > 0))
			return;
		char pw[16];
		size_t ps, k = 0;
		dates_word_before(s, n, ws, pw, sizeof pw, &ps);
		static const char *const no[] = { "chaque", "le", "les", "du", "tous", "un", "une",
						  "au", "ce", "le" };
		if (DATES_IN(pw, no))
			return;
		size_t j = dates_skip_spaces(s, n, we);
		if (dates_word_is(s, n, j, "dernier", &k)) {
			tense = -1;
			we = k;
		} else if (dates_word_is(s, n, j, "prochain", &k)) {
			tense = 1;
			we = k;
		} else if (dates_day_at(s, n, j, &k) > 0) {
			return;         /* "lundi 3 mars": the date's own weekday */
		}
	}
	/* "Wednesday's ruling": a day whose doings are spoken of, so past */
	bool done = !tense && we < n &&
		    (s[we] == '\'' || (we + 3 <= n && memcmp(s + we, "\xE2\x80\x99", 3) == 0));
	struct datex x = { .kind = DATEX_WEEKDAY, .weekday = wd, .prec = DATE_DAY, .tense = tense,
			   .done = done, .temporal = true, .start = ws, .len = we - ws };
	dates_push(vec, &x);
}

static int dates_str_order(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A year of four digits at j after spaces and one of "of", "de", "d'", "du":
 * its value and end; 0 when none. */
static int dates_year_after(const char *s, size_t n, size_t j, size_t *end)
{
	size_t k, e;
	j = dates_skip_spaces(s, n, j);
	if (dates_word_is(s, n, j, "of", &k) || dates_word_is(s, n, j, "de", &k) ||
	    dates_word_is(s, n, j, "du", &k))
		j = dates_skip_spaces(s, n, k);
	else if (j + 2 <= n && s[j] == 'd' && s[j + 1] == '\'')
		j += 2;
	else if (j + 4 <= n && s[j] == 'd' && memcmp(s + j + 1, "\xE2\x80\x99", 3) == 0)
		j += 4;
	int y = dates_digits(s, n, j, 4, 4, &e);
	if (y < DATES_YEAR_MIN || y > DATES_YEAR_MAX || !dates_number_ends(s, n, e))
		return 0;
	*end = e;
	return y;
}

/* An ordinal word before a "quarter" or a "week": 1..4 (5 for "last"), 0 none. */
static int dates_ordinal_before(const char *s, size_t n, size_t ws, size_t *start)
{
	static const char *const ords[] = {
		"first", "second", "third", "fourth", "premier", "deuxième", "troisième",
		"quatrième", "première", "seconde", "1st", "2nd", "3rd", "4th", "last", "dernière",
		"dernier",
	};
	static const int val[] = { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 1, 2, 3, 4, 5, 5, 5 };
	char w[20];
	dates_word_before(s, n, ws, w, sizeof w, start);
	for (size_t k = 0; k < sizeof ords / sizeof *ords; k++)
		if (strcmp(w, ords[k]) == 0)
			return val[k];
	return 0;
}

/* Periods named by a word: a season with its year ("autumn 2011", "the spring
 * of 2011", "l'automne 2011", "au printemps 2011"), a quarter ("the third
 * quarter of 2020", "Q3 2020", "le troisième trimestre 2020"), a week of a
 * month ("the second week of March", "la deuxième semaine de mars"), a decade
 * ("les années 1990", "les années 90"). Returns whether one was found. */
static bool dates_latin_period(const char *s, size_t n, size_t ws, size_t we, const char *w,
			       struct dates_vec *vec)
{
	static const struct {
		const char *w;
		enum dates_period p;
	} seasons[] = {
		{ "spring", DATES_PERIOD_SPRING }, { "summer", DATES_PERIOD_SUMMER },
		{ "autumn", DATES_PERIOD_AUTUMN }, { "fall", DATES_PERIOD_AUTUMN },
		{ "winter", DATES_PERIOD_WINTER }, { "printemps", DATES_PERIOD_SPRING },
		{ "été", DATES_PERIOD_SUMMER }, { "automne", DATES_PERIOD_AUTUMN },
		{ "hiver", DATES_PERIOD_WINTER },
	};
	/* Most words are none of these: one binary search says so. */
	static const char *const words[] = {
		"années", "automne", "autumn", "fall", "hiver", "printemps", "q", "quarter",
		"semaine", "semestre", "spring", "summer", "trimestre", "week", "winter", "été",
	};
	if (!bsearch(&w, words, sizeof words / sizeof *words, sizeof *words, dates_str_order))
		return false;
	struct datex x = { .kind = DATEX_DATE, .start = ws, .temporal = true, .prec = DATE_MONTH };
	size_t end = 0, st;
	for (size_t k = 0; k < sizeof seasons / sizeof *seasons; k++) {
		if (strcmp(w, seasons[k].w) != 0)
			continue;
		if (!(x.year = dates_year_after(s, n, we, &end)))
			return false;
		x.period = seasons[k].p;
		x.len = end - ws;
		dates_push(vec, &x);
		return true;
	}
	if (strcmp(w, "quarter") == 0 || strcmp(w, "trimestre") == 0 ||
	    (strcmp(w, "q") == 0 && we < n && s[we] >= '1' && s[we] <= '4')) {
		size_t os = ws;
		int q = w[0] == 'q' && w[1] == '\0' ? s[we] - '0' : dates_ordinal_before(s, n, ws, &os);
		if (w[1] == '\0')
			we++;
		if (q < 1 || q > 4)
			return false;
		if (!(x.year = dates_year_after(s, n, we, &end))) {
			/* Without a year, "in the third quarter", "au troisième
			 * trimestre" say when (the quarter the report speaks of);
			 * "for the third quarter", "third-quarter profit" name the
			 * figures. */
			static const char *const when[] = {
				"au", "by", "during", "in", "since", "through", "until",
			};
			char w1[16], w2[16];
			size_t p1, p2;
			dates_word_before(s, n, os, w1, sizeof w1, &p1);
			if (w[1] == '\0' || os == ws)
				return false;
			if (strcmp(w1, "the") == 0) {
				dates_word_before(s, n, p1, w2, sizeof w2, &p2);
				if (!DATES_IN(w2, when))
					return false;
			} else if (strcmp(w1, "au") != 0) {
				return false;
			}
			end = we;
			x.month = 3 * q - 2;
		}
		x.period = DATES_PERIOD_QUARTER;
		x.part = q;
		x.start = os;
		x.len = end - os;
		dates_push(vec, &x);
		return true;
	}
	if (strcmp(w, "semestre") == 0) {
		/* "le premier semestre 2017", "au second semestre de 2016": the
		 * year, at the only precision annals keeps for a half of it. */
		size_t os;
		int h = dates_ordinal_before(s, n, ws, &os);
		if (h < 1 || h > 2 || !(x.year = dates_year_after(s, n, we, &end)))
			return false;
		x.prec = DATE_YEAR;
		x.start = os;
		x.len = end - os;
		dates_push(vec, &x);
		return true;
	}
	if (strcmp(w, "week") == 0 || strcmp(w, "semaine") == 0) {
		size_t os, k;
		int q = dates_ordinal_before(s, n, ws, &os);
		size_t j = dates_skip_spaces(s, n, we);
		if (q < 1 || q > 4 || (!dates_word_is(s, n, j, "of", &k) && !dates_word_is(s, n, j, "de", &k)))
			return false;
		j = dates_skip_spaces(s, n, k);
		size_t me = dates_word_end(s, n, j);
		char mw[16];
		const struct dates_month_name *mn;
		if (me == j || !dates_word_lower(s, j, me, mw, sizeof mw) ||
		    !(mn = dates_month_lookup(mw)) || mn->abbr)
			return false;
		x.month = mn->month;
		x.day = 7 * (q - 1) + 1;
		x.year = dates_year_after(s, n, me, &end);
		if (!x.year)
			end = me;
		x.prec = DATE_DAY;
		x.period = DATES_PERIOD_WEEK;
		x.start = os;
		x.len = end - os;
		dates_push(vec, &x);
		return true;
	}
	if (strcmp(w, "années") == 0) {
		size_t j = dates_skip_spaces(s, n, we), e;
		int y = dates_digits(s, n, j, 4, 4, &e);
		if (y < 0) {
			y = dates_digits(s, n, j, 2, 2, &e);
			y = y >= 0 ? 1900 + y : -1;
		}
		if (y < DATES_YEAR_MIN || y % 10 != 0 || !dates_number_ends(s, n, e) ||
		    dates_cp_before(s, n, dates_skip_spaces_back(s, n, ws), &st) == -2)
			return false;
		x.kind = DATEX_DECADE;
		x.year = y;
		x.prec = DATE_YEAR;
		x.len = e - ws;
		dates_push(vec, &x);
		return true;
	}
	return false;
}

static bool dates_year_modifier(const char *s, size_t n, const char *pw, size_t ps, size_t e);

/* A year in words at ws ("in nineteen ninety-six", "the year two thousand"):
 * a year and nothing else in the century-and-tens form, so it says when
 * unless it names a thing ("a nineteen ninety-seven attack"); "two thousand"
 * only where a year is asked for. */
static bool dates_latin_spelled_year(const char *s, size_t n, size_t ws, struct dates_vec *vec)
{
	bool count_like = false;
	size_t e;
	int y = dates_spelled_year(s, n, ws, &count_like, &e);
	if (y <= 0 || dates_is_latin(dates_cp(s, n, e, &(size_t){ 0 })))
		return false;
	char pw[16];
	size_t ps;
	dates_word_before(s, n, ws, pw, sizeof pw, &ps);
	static const char *const not_year[] = { "at", "aged", "age", "number", "no" };
	if (DATES_IN(pw, not_year))
		return false;   /* "at nineteen hundred hours", a time or a count */
	struct datex x = { .kind = DATEX_DATE, .start = ws, .len = e - ws, .year = y,
			   .prec = DATE_YEAR };
	bool asked = strcmp(pw, "year") == 0 ||
		     (DATES_IN(pw, dates_preps) && !DATES_IN(pw, dates_preps_counting));
	/* "the year two thousand" is a year whatever follows ("by the year two
	 * thousand has been dropped"); "each year two thousand people" a count. */
	char pw2[16];
	size_t ps2;
	dates_word_before(s, n, ps, pw2, sizeof pw2, &ps2);
	bool the_year = strcmp(pw, "year") == 0 && strcmp(pw2, "the") == 0;
	if (count_like && (!asked || (dates_noun_follows(s, n, e) && !the_year)))
		return false;
	x.modifier = !asked && dates_year_modifier(s, n, pw, ps, e);
	x.temporal = !x.modifier;
	x.bound = DATES_IN(pw, dates_preps_bound);
	dates_push(vec, &x);
	return true;
}

/* A holiday at ws: a capitalised name, or a French one opening with a
 * lowercase day word ("lundi de Pâques", "jour de Noël"). A name that is also
 * a word of other things is a time after a word that makes it one ("on
 * Christmas", "last Easter", "à Noël") and before no name or noun of its
 * own ("Easter Island", "the Christmas tree", "marché de Noël"), save one of
 * the time of day ("on Christmas morning"). */
static bool dates_latin_holiday(const char *s, size_t n, size_t ws, size_t we,
				struct dates_vec *vec)
{
	static const char *const fr_openers[] = { "dimanche", "jour", "lundi", "veille", "vendredi" };
	static const char *const cues[] = {
		"after", "around", "at", "before", "by", "during", "last", "next", "on", "over",
		"since", "this", "through", "till", "until", "à", "après", "avant", "depuis", "dès",
		"pour", "la",
	};
	static const char *const times[] = {
		"afternoon", "day", "eve", "evening", "morning", "night", "weekend",
	};
	char w[16], pw[16];
	/* the first letters of the names: most words are ruled out here */
	if (!strchr("ABCEGHNPSTVdjlv", s[ws]) ||
	    (s[ws] >= 'a' && !(we - ws < sizeof w && dates_word_lower(s, ws, we, w, sizeof w) &&
			       DATES_IN(w, fr_openers))))
		return false;
	struct datex x;
	bool alone;
	size_t e = dates_holiday_at(s, n, ws, &x, &alone);
	if (!e)
		return false;
	size_t ps;
	dates_word_before(s, n, ws, pw, sizeof pw, &ps);
	if (!alone) {
		size_t j = dates_skip_spaces(s, n, e), je = dates_word_end(s, n, j);
		char nw[16] = "";
		bool timeword = je > j && dates_word_lower(s, j, je, nw, sizeof nw) && DATES_IN(nw, times);
		bool name = j > e && s[j] >= 'A' && s[j] <= 'Z';
		if (!timeword && (!DATES_IN(pw, cues) || name || dates_noun_follows(s, n, e)))
			return false;
	}
	if (strcmp(pw, "last") == 0 || strcmp(pw, "next") == 0 || strcmp(pw, "this") == 0) {
		/* "last Christmas", "this Easter" */
		x.tense = pw[0] == 'l' ? -1 : pw[0] == 'n' ? 1 : 0;
		x.rel_year = pw[0] == 't';
		x.len += x.start - ps;
		x.start = ps;
	}
	/* "Christmas 2019", "Pâques 2016" */
	size_t j = dates_skip_spaces(s, n, e), k;
	int y = dates_digits(s, n, j, 4, 4, &k);
	if (j > e && y >= DATES_YEAR_MIN && y <= DATES_YEAR_MAX && dates_number_ends(s, n, k)) {
		x.year = y;
		x.rel_year = false;
		x.tense = 0;
		x.len = k - x.start;
	}
	dates_push(vec, &x);
	return true;
}

static void dates_latin_word(const char *s, size_t n, size_t ws, size_t we,
			     struct dates_vec *vec)
{
	if (dates_latin_holiday(s, n, ws, we, vec))
		return;
	/* Most words are none of ours: months and weekdays are 3 to 10 bytes long
	 * ("décembre" is 9), the phrase openers 2 to 4; look up only those. */
	size_t len = we - ws;
	if ((len < 2 && (s[ws] | 0x20) != 'q') || len > 10)
		return;
	char w[16];
	if (!dates_word_lower(s, ws, we, w, sizeof w))
		return;
	if ((strcmp(w, "two") == 0 || strcmp(w, "twenty") == 0 || strcmp(w, "eighteen") == 0 ||
	     strcmp(w, "nineteen") == 0) && dates_latin_spelled_year(s, n, ws, vec))
		return;
	if (len <= 4)
		dates_latin_phrase(s, n, ws, we, w, vec);
	if (dates_latin_period(s, n, ws, we, w, vec))
		return;
	if (len < 3 || !strchr("jfmasondltwv", w[0]))
		return;
	const struct dates_month_name *mn = dates_month_lookup(w);
	if (mn) {
		/* English names are capitalised: "may" and "march" are verbs. */
		if (mn->english && (s[ws] < 'A' || s[ws] > 'Z'))
			return;
		dates_latin_month(s, n, ws, we, mn, vec);
		return;
	}
	if (len >= 5)
		dates_latin_weekday(s, n, ws, we, w, vec);
}

/* ---- Chinese ---- */

static int dates_zh_digit(int32_t cp)
{
	switch (cp) {
	case 0x3007: case 0x96F6: return 0;     /* 〇 零 */
	case 0x4E00: return 1;                  /* 一 */
	case 0x4E8C: case 0x4E24: case 0x5169: return 2;        /* 二 两 兩 */
	case 0x4E09: return 3;
	case 0x56DB: return 4;
	case 0x4E94: return 5;
	case 0x516D: return 6;
	case 0x4E03: return 7;
	case 0x516B: return 8;
	case 0x4E5D: return 9;
	case 0x5341: return 10;                 /* 十 */
	default: return -1;
	}
}

static bool dates_is_numeral_cp(int32_t cp)
{
	return dates_is_digit(cp) || dates_is_fw_digit(cp) || dates_zh_digit(cp) >= 0;
}

int dates_zh_weekday_at(const char *s, size_t n, size_t i, size_t *end)
{
	size_t len, nl;
	int32_t c = dates_cp(s, n, i, &len);
	int wd = c == 0x65E5 || c == 0x5929 ? 0 : dates_zh_digit(c);       /* 日 天 */
	if (wd < 0 || wd > 6)
		return -1;
	/* 上周三次会议 is three meetings last week: no numeral or measure word after */
	static const int32_t measure[] = {
		0x6B21, 0x4E2A, 0x500B, 0x540D, 0x4F4D, 0x573A, 0x5834, 0x9879, 0x9805, 0x5BB6,
		0x6761, 0x689D, 0x5C4A, 0x5C46, 0x6279, 0x8F6E, 0x8F2A, 0x4EFD, 0x4EF6, 0x5EA6,
	};      /* 次个個名位场場项項家条條届屆批轮輪份件度 */
	int32_t next = dates_cp(s, n, i + len, &nl);
	if (dates_is_numeral_cp(next) || dates_cp_in(next, measure, sizeof measure / sizeof *measure))
		return -1;
	*end = i + len;
	return wd;
}

bool dates_zh_number(const char *s, size_t n, size_t i, struct dates_zhnum *z)
{
	memset(z, 0, sizeof *z);
	size_t len, j = i;
	int32_t cp = dates_cp(s, n, j, &len);
	if (dates_is_digit(cp) || dates_is_fw_digit(cp)) {
		while ((dates_is_digit(cp) || dates_is_fw_digit(cp)) && z->ndigits < 5) {
			z->value = z->value * 10 + (int)(dates_is_digit(cp) ? cp - '0' : cp - 0xFF10);
			z->ndigits++;
			j += len;
			cp = dates_cp(s, n, j, &len);
		}
		if (dates_is_digit(cp) || dates_is_fw_digit(cp))
			return false;
		z->end = j;
		return true;
	}
	int digits[8], nd = 0, tens = -1;
	while (nd < 8 && (cp = dates_cp(s, n, j, &len), dates_zh_digit(cp) >= 0)) {
		if (dates_zh_digit(cp) == 10) {
			if (tens >= 0)
				return false;
			tens = nd;
		}
		digits[nd++] = dates_zh_digit(cp);
		j += len;
	}
	if (nd == 0 || nd == 8)
		return false;
	z->numeral = true;
	z->ndigits = (size_t)nd;
	z->end = j;
	if (tens < 0) {
		z->positional = true;
		for (int k = 0; k < nd; k++)
			z->value = z->value * 10 + digits[k];
		return true;
	}
	/* 十 = 10, 十二 = 12, 二十 = 20, 三十一 = 31 */
	if (tens > 1 || nd - tens > 2)
		return false;
	int hi = tens == 1 ? digits[0] : 1, lo = nd - tens == 2 ? digits[tens + 1] : 0;
	if (hi < 1 || hi > 9 || lo > 9)
		return false;
	z->value = hi * 10 + lo;
	return true;
}

#define ZH_NIAN 0x5E74  /* 年 */
#define ZH_YUE 0x6708   /* 月 */

/* After a year with 年: does it say when ("2014年，", "2014年底") rather than
 * qualify a noun ("2022年工业网络安全")? */
static bool dates_zh_year_temporal(const char *s, size_t n, size_t start, size_t after)
{
	static const int32_t before[] = {
		0x5728, 0x4E8E, 0x65BC, 0x81EA, 0x4ECE, 0x5F9E, 0x81F3, 0x5230, 0x622A, /* 在于於自从從至到截 */
	};
	static const int32_t next[] = {
		0xFF0C, ',', 0x3001, 0x3002, 0xFF1B, ';', 0xFF1A, ':', 0xFF09, ')',
		0x5E95, 0x521D, 0x672B, 0x4E2D, 0x8D77, 0x4EE5, 0x524D, 0x540E, 0x5F8C, /* 底初末中起以前后後 */
		0x4E0A, 0x4E0B, 0x95F4, 0x9593, 0x671F, 0x5185, 0x5167, 0x65F6, 0x6642, /* 上下间間期内內时時 */
		0x5DE6, 0x5E74,                                                         /* 左 (右) 年 */
	};
	size_t st, len;
	int32_t p = dates_cp_before(s, n, dates_skip_spaces_back(s, n, start), &st);
	if (dates_cp_in(p, before, sizeof before / sizeof *before))
		return true;
	int32_t c = dates_cp(s, n, dates_skip_spaces(s, n, after), &len);
	return c < 0 || dates_cp_in(c, next, sizeof next / sizeof *next);
}

/* A day after 月: "3日", "二十一号"; 0 when none. */
int dates_zh_day(const char *s, size_t n, size_t i, size_t *end)
{
	struct dates_zhnum z;
	size_t j = dates_skip_spaces(s, n, i), k = 0;
	if (!dates_zh_number(s, n, j, &z) || z.value < 1 || z.value > 31 ||
	    (z.positional && z.ndigits > 1 && z.numeral))
		return 0;
	j = dates_skip_spaces(s, n, z.end);
	if (dates_cp_is(s, n, j, 0x65E5, &k) || dates_cp_is(s, n, j, 0x53F7, &k) ||
	    dates_cp_is(s, n, j, 0x865F, &k)) {     /* 日 号 號 */
		*end = k;
		return z.value;
	}
	return 0;
}

/* A month number then 月 at i: its value and the end; 0 when none. */
static int dates_zh_month(const char *s, size_t n, size_t i, size_t *end)
{
	struct dates_zhnum z;
	size_t j = dates_skip_spaces(s, n, i), k = 0;
	if (!dates_zh_number(s, n, j, &z) || z.value < 1 || z.value > 12 || z.ndigits > 2 ||
	    (z.numeral && z.positional && z.ndigits > 1))
		return 0;
	j = dates_skip_spaces(s, n, z.end);
	if (!dates_cp_is(s, n, j, ZH_YUE, &k))
		return 0;
	*end = k;
	return z.value;
}

/* Month m of x, read up to me, and the day after it when there is one (valid
 * in x->year; any year when it has none): x is pushed, and the scan goes on
 * from where it ends, which is returned. */
static size_t dates_zh_push_month(const char *s, size_t n, size_t me, int m, struct datex *x,
				  struct dates_vec *vec)
{
	x->month = m;
	x->prec = DATE_MONTH;
	size_t de = 0;
	int d = dates_zh_day(s, n, me, &de);
	if (d && dates_valid(x->year, m, d)) {
		x->day = d;
		x->prec = DATE_DAY;
		me = de;
		/* 3月14日至16日, 3月14日至4月2日, 3月14日-16日 */
		size_t r = dates_skip_spaces(s, n, me), rl;
		int32_t c = dates_cp(s, n, r, &rl);
		if (c == 0x81F3 || c == 0x5230 || c == '-' || c == 0x2013 || c == 0x2014 ||
		    c == '~' || c == 0xFF5E) {
			size_t r2 = dates_skip_spaces(s, n, r + rl), e2 = 0, me2 = 0;
			int m2 = dates_zh_month(s, n, r2, &me2), d2 = 0;
			if (m2 && m2 > m)
				d2 = dates_zh_day(s, n, me2, &e2);
			else if (!m2 && (d2 = dates_zh_day(s, n, r2, &e2)) > d)
				m2 = m;
			if (d2 && m2 >= m && (m2 > m || d2 > d) && dates_valid(x->year, m2, d2)) {
				x->kind = DATEX_RANGE;
				x->month_end = m2;
				x->day_end = d2;
				me = e2;
			}
		}
	} else if (dates_cp_is(s, n, me, 0x7B2C, &de)) {
		/* 3月第二周, 3月第2週: the week of the month from its 1st, 8th, ... */
		size_t l2, k;
		int32_t c = dates_cp(s, n, de, &l2);
		int q = dates_zh_digit(c);
		if (q < 1 || q > 5)
			q = c >= '1' && c <= '5' ? c - '0' : 0;
		if (q && (dates_cp_is(s, n, de + l2, 0x5468, &k) || dates_cp_is(s, n, de + l2, 0x9031, &k)) &&
		    dates_valid(x->year, m, 7 * (q - 1) + 1)) {
			x->day = 7 * (q - 1) + 1;
			x->prec = DATE_DAY;
			x->period = DATES_PERIOD_WEEK;
			me = k;
		}
	}
	x->len = me - x->start;
	dates_push(vec, x);
	return me;
}

/* What may follow 年 of a stated year at after, into *x: 年代 (a decade:
 * 1990年代), a season (2011年秋, 2011年秋天, 2011年秋季), a quarter
 * (2020年第三季度). Returns the end, or after when none. */
static size_t dates_zh_after_year(const char *s, size_t n, size_t after, struct datex *x)
{
	size_t len, k;
	int32_t c = dates_cp(s, n, after, &len);
	if (c == 0x4EE3 && x->year % 10 == 0) {         /* 代 */
		x->kind = DATEX_DECADE;
		return after + len;
	}
	static const int32_t seasons[] = { 0x6625, 0x590F, 0x79CB, 0x51AC };    /* 春夏秋冬 */
	static const enum dates_period sp[] = {
		DATES_PERIOD_SPRING, DATES_PERIOD_SUMMER, DATES_PERIOD_AUTUMN, DATES_PERIOD_WINTER,
	};
	for (int q = 0; q < 4; q++) {
		if (c != seasons[q])
			continue;
		size_t e = after + len, l2;
		int32_t d = dates_cp(s, n, e, &l2);
		if (d == 0x5929 || d == 0x5B63)         /* 天 季 */
			e += l2;
		else if (d == 0x8282 || d == 0x7BC0 || d == 0x88C5 || d == 0x88DD)
			return after;   /* 春节 春節 (a holiday), 夏装 (clothes) */
		x->period = sp[q];
		x->prec = DATE_MONTH;
		return e;
	}
	if (c == 0x7B2C) {                              /* 第 */
		size_t l2;
		int qn = dates_zh_digit(dates_cp(s, n, after + len, &l2));
		if (qn < 1 || qn > 4)
			qn = dates_cp(s, n, after + len, &l2) - '0';
		k = after + len + l2;
		if (qn >= 1 && qn <= 4 && dates_cp_is(s, n, k, 0x5B63, &k)) {       /* 季 */
			size_t k2;
			if (dates_cp_is(s, n, k, 0x5EA6, &k2))      /* 度 */
				k = k2;
			x->period = DATES_PERIOD_QUARTER;
			x->part = qn;
			x->prec = DATE_MONTH;
			return k;
		}
	}
	return after;
}

/* Chinese forms that start with a number at i: 2021年11月3日, 2013年10月, 10月,
 * 12月1日, ２０１９年, 二〇一九年十月, 2015年至2020年. Returns where the scan goes
 * on (past the number at least). */
/* Is "N日" whose 日 ends at k, after prev, a day alone? Chinese news names
 * the days of the dateline's month so: 李克强20日在北京会见……, 会议将于25日闭幕.
 * Only digits and 日 (20号 is as often a number: 3号线, 20号楼), and never a
 * count (连续3日, 为期3日, 3日内, 3日游, 3日后), the end of a range (12日至15日
 * is dated by its start), a dispatch line (北京21日电) or 日 for Japan
 * (20日元, 5日籍). */
static bool dates_zh_bare_day(const char *s, size_t n, int32_t prev, size_t k)
{
	static const int32_t count_before[] = {
		0x6BCF, 0x7B2C, 0x8FD1, 0x7EA6, 0x7D04, 0x8FDE, 0x9023, 0x7EED, 0x7E8C, 0x4E86,
		0x6EE1, 0x6EFF, 0x903E, 0x8D85, 0x8FC7, 0x904E, 0x8FBE, 0x9054, 0x5171, 0x4EC5,
		0x50C5, 0x53EA, 0x518D, 0x524D, 0x540E, 0x5F8C, 0x9694, 0x671F, 0x81F3, 0x5230,
		0x548C, 0x53CA, 0x6216, 0x3001, 0x7528, 0x9700, 0x82B1, 0x534A, 0x591A, 0x51E0,
		0x5E7E, 0x6570, 0x6578, 0x65F6, 0x6642, 0x8981, 0x7559, 0x4F4F, 0x5E74,
		0x6708, '-', '~', 0xFF5E, 0x2013, 0x2014, '+', 0xFF0B,
	};      /* 每第近约約连連续續了满滿逾超过過达達共仅僅只再前后後隔期至到和及或、用需花半多几幾数數时時要留住年月 */
	static const int32_t count_after[] = {
		0x5185, 0x5167, 0x4E4B, 0x524D, 0x540E, 0x5F8C, 0x6E38, 0x904A, 0x7535, 0x96FB,
		0x5747, 0x95F4, 0x9593, 0x5DE6, 0x672C, 0x5143, 0x5706, 0x5713, 0x8BED, 0x8A9E,
		0x6587, 0x7C4D, 0x4FA8, 0x50D1, 0x5E01, 0x5E63, 0x4F01, 0x8D44, 0x8CC7, 0x8D27,
		0x8CA8, 0x519B, 0x8ECD, 0x4EA7, 0x7522, 0x5F0F, 0x7CFB,
	};      /* 内內之前后後游遊电電均间間左本元圆圓语語文籍侨僑币幣企资資货貨军軍产產式系 */
	if (dates_is_numeral_cp(prev) ||
	    dates_cp_in(prev, count_before, sizeof count_before / sizeof *count_before))
		return false;
	size_t len;
	int32_t next = dates_cp(s, n, k, &len);
	if (dates_cp_in(next, count_after, sizeof count_after / sizeof *count_after))
		return false;
	/* 3日以内 is a count, 20日以来 a day */
	size_t l2;
	if (next == 0x4EE5) {
		int32_t n2 = dates_cp(s, n, k + len, &l2);
		if (n2 == 0x5185 || n2 == 0x5167)
			return false;
	}
	return true;
}

/* Do the words just before i look ahead (将于25日, 定于, 计划于, 预计在)? A
 * day alone takes its tense from them only: in 该公司30日宣布将…… the
 * future is what was announced, not the announcing. */
static bool dates_zh_ahead_before(const char *s, size_t n, size_t i)
{
	/* 将 alone, or a word of two: 定于 拟于 计划 预计 预定 (and traditional) */
	static const int32_t pairs[][2] = {
		{ 0x5B9A, 0x4E8E }, { 0x5B9A, 0x65BC }, { 0x62DF, 0x4E8E }, { 0x64EC, 0x65BC },
		{ 0x8BA1, 0x5212 }, { 0x8A08, 0x5283 }, { 0x9884, 0x8BA1 }, { 0x9810, 0x8A08 },
		{ 0x9884, 0x5B9A }, { 0x9810, 0x5B9A },
	};
	size_t at = i, st;
	int32_t after = 0;
	for (int k = 0; k < 4 && at > 0; k++, at = st) {
		int32_t c = dates_cp_before(s, n, at, &st);
		if (c == 0x5C06 || c == 0x5C07)         /* 将 將 */
			return true;
		for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++)
			if (pairs[p][0] == c && pairs[p][1] == after)
				return true;
		if (!dates_is_han(c))
			return false;
		after = c;
	}
	return false;
}

static size_t dates_zh_at(const char *s, size_t n, size_t i, struct dates_vec *vec)
{
	struct dates_zhnum z;
	if (!dates_zh_number(s, n, i, &z))
		return i + 1;
	size_t st, k = 0;
	int32_t prev = dates_cp_before(s, n, i, &st);
	if (!z.numeral && (dates_is_latin(prev) || prev == '-' || prev == '.' || prev == '/'))
		return z.end;           /* "CM600", "Xiamen-2015", "v2.10" are names */
	size_t j = dates_skip_spaces(s, n, z.end);
	struct datex x = { .kind = DATEX_DATE, .start = i, .temporal = true };
	bool year_ok = !z.numeral ? z.ndigits == 4 : z.positional && z.ndigits == 4;
	if (year_ok && z.value >= DATES_YEAR_MIN && z.value <= DATES_YEAR_MAX &&
	    dates_cp_is(s, n, j, ZH_NIAN, &k)) {
		x.year = z.value;
		size_t after = k, me;
		int m = dates_zh_month(s, n, after, &me);
		if (m)
			return dates_zh_push_month(s, n, me, m, &x, vec);
		/* A range: 2015年至2020年, 2015年到2020年, 2015年-2020年. */
		size_t r = dates_skip_spaces(s, n, after), re = 0;
		int32_t c = dates_cp(s, n, r, &re);
		if (c == 0x81F3 || c == 0x5230 || c == '-' || c == 0x2013 || c == 0x2014 ||
		    c == '~' || c == 0xFF5E) {
			struct dates_zhnum z2;
			size_t r2 = dates_skip_spaces(s, n, r + re);
			if (dates_zh_number(s, n, r2, &z2) && z2.numeral == z.numeral &&
			    z2.ndigits == 4 && z2.value > z.value && z2.value - z.value <= 100) {
				size_t e = z2.end, ne;
				if (dates_cp_is(s, n, dates_skip_spaces(s, n, e), ZH_NIAN, &ne))
					e = ne;
				x.kind = DATEX_RANGE;
				x.year_end = z2.value;
				x.prec = DATE_YEAR;
				x.len = e - i;
				x.temporal = dates_zh_year_temporal(s, n, i, e);
				dates_push(vec, &x);
				return e;
			}
		}
		x.prec = DATE_YEAR;
		x.len = after - i;
		size_t pe = dates_zh_after_year(s, n, after, &x);
		if (pe > after) {
			x.len = pe - i;
			dates_push(vec, &x);
			return pe;
		}
		x.temporal = dates_zh_year_temporal(s, n, i, after);
		/* 2015年版, 2022年工业网络安全: the year names the thing it dates */
		size_t l2;
		x.modifier = !x.temporal && dates_is_han(dates_cp(s, n, after, &l2));
		dates_push(vec, &x);
		return after;
	}
	/* 90年代 after 上世纪 / 20世纪: a decade of that century */
	if (!z.numeral && z.ndigits == 2 && z.value % 10 == 0 && dates_cp_is(s, n, j, ZH_NIAN, &k) &&
	    dates_cp_is(s, n, k, 0x4EE3, &k)) {    /* 代 */
		size_t cs;
		int32_t c1 = dates_cp_before(s, n, i, &cs), c2 = dates_cp_before(s, n, cs, &cs);
		int century = 1900;
		if ((c1 == 0x7EAA || c1 == 0x7D00) && c2 == 0x4E16) {      /* 世纪 世紀 */
			struct dates_zhnum zc;
			size_t b = cs;
			/* 20世纪 / 二十世纪: the number before; 上世纪 the last one */
			size_t st2;
			int32_t c3 = dates_cp_before(s, n, b, &st2);
			if (c3 == 0x4E0A)
				century = 1900;
			else {
				while (b > 0 && dates_is_numeral_cp(dates_cp_before(s, n, b, &st2)))
					b = st2;
				if (b < cs && dates_zh_number(s, n, b, &zc) && zc.value >= 11 && zc.value <= 21)
					century = (zc.value - 1) * 100;
			}
		}
		x.kind = DATEX_DECADE;
		x.year = century + z.value;
		x.prec = DATE_YEAR;
		x.len = k - i;
		dates_push(vec, &x);
		return k;
	}
	/* 2015至2020年: a range whose first year has no 年. */
	if (year_ok && !z.numeral && (dates_cp_is(s, n, j, 0x81F3, &k) || dates_cp_is(s, n, j, 0x5230, &k))) {
		struct dates_zhnum z2;
		size_t r2 = dates_skip_spaces(s, n, k), ne = 0;
		if (dates_zh_number(s, n, r2, &z2) && !z2.numeral && z2.ndigits == 4 &&
		    z2.value > z.value && z2.value - z.value <= 100 &&
		    dates_cp_is(s, n, dates_skip_spaces(s, n, z2.end), ZH_NIAN, &ne)) {
			x.kind = DATEX_RANGE;
			x.year = z.value;
			x.year_end = z2.value;
			x.prec = DATE_YEAR;
			x.len = ne - i;
			x.temporal = dates_zh_year_temporal(s, n, i, ne);
			dates_push(vec, &x);
			return ne;
		}
	}
	/* A month without a year: 10月, 12月1日, 十月. */
	size_t me = 0;
	int m = dates_zh_month(s, n, i, &me);
	if (m) {
		if (prev == 0x7B2C)     /* 第 */
			return me;
		/* 十月 after a Han character: only after a word that introduces a
		 * time ("在十月", "同年十月"); "统一月度" is no month. */
		static const int32_t ok_before[] = {
			0x5728, 0x4E8E, 0x65BC, 0x81F3, 0x5230, 0x4ECE, 0x5F9E, 0x81EA,
			0x5E74, 0x5230, 0x6216, 0x548C, 0x4E0E, 0x8207, 0x53CA,
		};  /* 在于於至到从從自年到或和与與及 */
		if (z.numeral && dates_is_han(prev) &&
		    !dates_cp_in(prev, ok_before, sizeof ok_before / sizeof *ok_before))
			return z.end;
		size_t len;
		int32_t next = dates_cp(s, n, me, &len);
		if (next == 0x4EAE || next == 0x7403 || next == 0x5149 || next == 0x997C ||
		    next == 0x9905)     /* 月亮 月球 月光 月饼 月餅 */
			return me;
		/* 十月革命, 五月花号: a month in numerals glued to a noun names a
		 * thing; a month says when before a day, punctuation, or the words
		 * that place a time in it (份 初 中 底 末 的 里 间 起 ...). */
		static const int32_t after[] = {
			0x4EFD, 0x521D, 0x4E2D, 0x4E0A, 0x4E0B, 0x5E95, 0x672B, 0x7684, 0x91CC, 0x88E1,
			0x95F4, 0x9593, 0x8D77, 0x81F3, 0x5230, 0x4EE5, 0x5185, 0x5167, 0x540E, 0x5F8C,
			0x524D, 0x65F6, 0x6642, 0x671F, 0x5F00, 0x958B, 0x4E2D,
		};
		if (z.numeral && dates_is_han(next) && !dates_zh_day(s, n, me, &len) &&
		    !dates_cp_in(next, after, sizeof after / sizeof *after) &&
		    !dates_cp_in(prev, ok_before, sizeof ok_before / sizeof *ok_before))
			return me;
		return dates_zh_push_month(s, n, me, m, &x, vec);
	}
	if (!z.numeral && z.value >= 1 && z.value <= 31 && z.ndigits <= 2 &&
	    dates_cp_is(s, n, j, 0x65E5, &k) && dates_zh_bare_day(s, n, prev, k)) {
		x.kind = DATEX_DAY_OF_MONTH;
		x.day = z.value;
		x.tense = dates_zh_ahead_before(s, n, i) ? 1 : 0;
		x.prec = DATE_DAY;
		x.len = k - i;
		dates_push(vec, &x);
		return k;
	}
	return z.end;
}

/* The day after or before the narrative's: 次日, 翌日, 第二天, 前一天 at i.
 * Returns where it ends, or i when there is none. */
static size_t dates_zh_day_offset(const char *s, size_t n, size_t i, int32_t cp, size_t len,
				  int *offset)
{
	static const struct {
		int32_t cp[3];
		int offset;
	} forms[] = {
		{ { 0x6B21, 0x65E5, 0 }, 1 },           /* 次日 */
		{ { 0x7FCC, 0x65E5, 0 }, 1 },           /* 翌日 */
		{ { 0x7B2C, 0x4E8C, 0x5929 }, 1 },      /* 第二天 */
		{ { 0x524D, 0x4E00, 0x5929 }, -1 },     /* 前一天 */
	};
	for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
		if (forms[f].cp[0] != cp)
			continue;
		size_t k = i + len;
		for (int c = 1; c < 3 && forms[f].cp[c] && k > i; c++)
			if (!dates_cp_is(s, n, k, forms[f].cp[c], &k))
				k = i;
		if (k > i) {
			*offset = forms[f].offset;
			return k;
		}
	}
	return i;
}

/* Han-led forms at i (cp is the character there): 同月, 当月, 當月, 本月, the
 * weekdays 星期二, 周二, 週二, 礼拜二, and the days 次日, 翌日, 第二天, 前一天.
 * Returns where the scan goes on. */
/* A quarter without a year at 第 (i): 第三季度, 今年第三季度, 去年第四季度. It
 * says when after 在 / 于 / 於 or a year word, or before a pause (，、) or 内
 * / 中 / 期间; "第三季度利润" (the quarter's figures) names the figures. */
static size_t dates_zh_quarter(const char *s, size_t n, size_t i, size_t len, struct dates_vec *vec)
{
	size_t l2, k;
	int32_t c = dates_cp(s, n, i + len, &l2);
	int q = dates_zh_digit(c);
	if (q < 1 || q > 4)
		q = c >= '1' && c <= '4' ? c - '0' : 0;
	if (!q || !dates_cp_is(s, n, i + len + l2, 0x5B63, &k))        /* 季 */
		return i + len;
	size_t k2;
	if (dates_cp_is(s, n, k, 0x5EA6, &k2))                          /* 度 */
		k = k2;
	struct datex x = { .kind = DATEX_DATE, .start = i, .len = k - i, .month = 3 * q - 2,
			   .prec = DATE_MONTH, .period = DATES_PERIOD_QUARTER, .part = q };
	static const struct { const char *w; int offset; } rel[] = {
		{ "前年", -2 }, { "去年", -1 }, { "今年", 0 }, { "明年", 1 },
	};
	bool cue = false;
	for (size_t r = 0; r < sizeof rel / sizeof *rel; r++) {
		if (i >= 6 && memcmp(s + i - 6, rel[r].w, 6) == 0) {
			x.rel_year = true;
			x.offset = rel[r].offset;
			x.start = i - 6;
			x.len += 6;
			cue = true;
		}
	}
	size_t st;
	int32_t prev = dates_cp_before(s, n, i, &st), next = dates_cp(s, n, k, &l2);
	cue = cue || prev == 0x5728 || prev == 0x4E8E || prev == 0x65BC ||     /* 在 于 於 */
	      next == 0xFF0C || next == 0x3001 || next == 0x5185 || next == 0x4E2D ||   /* ，、内中 */
	      (next == 0x671F && k + l2 + 3 <= n && memcmp(s + k + l2, "间", 3) == 0);
	x.temporal = cue;
	dates_push(vec, &x);
	return k;
}

static size_t dates_zh_han(const char *s, size_t n, size_t i, int32_t cp, size_t len,
			   struct dates_vec *vec)
{
	size_t st, k = 0;
	int32_t prev = dates_cp_before(s, n, i, &st);
	struct datex x = { .start = i, .temporal = true };
	if ((k = dates_zh_day_offset(s, n, i, cp, len, &x.offset)) > i) {
		/* 每次日 is no day; 其次日本 is "next, Japan". */
		size_t l2;
		if (prev == 0x6BCF || prev == 0x5176 || dates_cp(s, n, k, &l2) == 0x672C)
			return k;
		x.kind = DATEX_DAY_OFFSET;
		x.prec = DATE_DAY;
		x.len = k - i;
		dates_push(vec, &x);
		return k;
	}
	if (cp == 0x7B2C)
		return dates_zh_quarter(s, n, i, len, vec);
	k = 0;
	if (cp == 0x540C || cp == 0x5F53 || cp == 0x7576 || cp == 0x672C) {
		if (!dates_cp_is(s, n, i + len, ZH_YUE, &k))
			return i + len;
		size_t l2;
		int32_t next = dates_cp(s, n, k, &l2);
		if (prev == 0x4E0D || next == 0x4EAE || next == 0x7403 || next == 0x5149)
			return k;       /* 不同月; 当月亮, 当月球, 当月光 are the moon */
		x.kind = cp == 0x672C ? DATEX_THIS_MONTH : DATEX_SAME_MONTH;
		x.prec = DATE_MONTH;
		/* 本月15日, 同月3日: a day of that month */
		size_t de;
		if ((x.day = dates_zh_day(s, n, k, &de)) > 0) {
			x.prec = DATE_DAY;
			k = de;
		}
		x.len = k - i;
		dates_push(vec, &x);
		return k;
	}
	/* Weekdays: 星期 / 礼拜 / 禮拜 take two characters, 周 / 週 one. */
	size_t j = i + len;
	if (cp == 0x661F || cp == 0x793C || cp == 0x79AE) {
		int32_t second = cp == 0x661F ? 0x671F : 0x62DC;    /* 期 拜 */
		if (!dates_cp_is(s, n, j, second, &k))
			return j;
		j = k;
	} else if (cp != 0x5468 && cp != 0x9031) {
		return j;
	}
	if (prev == 0x6BCF || prev == 0x4E0A || prev == 0x4E0B || dates_is_numeral_cp(prev))
		return j;               /* 每周一 (every Monday), 上周二, 一周一次 */
	size_t dl;
	int32_t d = dates_cp(s, n, j, &dl);
	int wd = d == 0x65E5 || d == 0x5929 ? 0 : dates_zh_digit(d);
	if (wd < 0 || wd > 6)
		return j;
	/* 周一至周五 is a schedule, 周三次 a count: want no numeral after it. */
	size_t nl;
	if (dates_is_numeral_cp(dates_cp(s, n, j + dl, &nl)))
		return j;
	x.kind = DATEX_WEEKDAY;
	x.weekday = wd;
	x.prec = DATE_DAY;
	x.len = j + dl - i;
	dates_push(vec, &x);
	return j + dl;
}

/* ---- ASCII numbers: ISO dates, ranges, bare years ---- */

/* A year that names a thing and so dates it: after a determiner and before a
 * noun ("a 2012 survey", "the 2006 raid", "Japan's 2011 earthquake"; not "the
 * 2000 soldiers", a count), or after a French noun of the kind that takes a
 * year ("l'édition 2015", "le budget 2016"). A word between the determiner
 * and the year is the thing's adjective ("his failed 1996 campaign"). pw is
 * the word before, starting at ps; e the year's end. */
static bool dates_year_modifier(const char *s, size_t n, const char *pw, size_t ps, size_t e)
{
	static const char *const det[] = {
		"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "whose", "s",
	};
	static const char *const fr[] = {
		"édition", "rapport", "budget", "saison", "promotion", "élection", "élections",
		"présidentielle", "loi", "plan", "programme", "sommet", "coupe", "festival",
		"championnat", "mondial", "recensement", "enquête", "exercice", "bilan",
		"classement", "récolte", "campagne", "rentrée", "session", "millésime", "cuvée",
	};
	size_t j = dates_skip_spaces(s, n, e), len;
	if (DATES_IN(pw, fr))
		return !dates_is_digit(dates_cp(s, n, j, &len)) && !dates_is_latin(dates_cp(s, n, e, &len));
	if (!DATES_IN(pw, det) && strlen(pw) >= 3 && s[ps] >= 'a' && s[ps] <= 'z' &&
	    !DATES_IN(pw, dates_preps) && !DATES_IN(pw, fr)) {
		char pw2[16];
		size_t ps2;
		dates_word_before(s, n, ps, pw2, sizeof pw2, &ps2);
		if (!DATES_IN(pw2, det) || strcmp(pw2, "that") == 0)
			return false;
	} else if (!DATES_IN(pw, det)) {
		return false;
	}
	if (j == e)
		return false;
	size_t we = dates_word_end(s, n, j);
	if (we - j < 3)
		return false;
	if (s[j] >= 'A' && s[j] <= 'Z')
		return true;    /* "the 2008 Olympics" */
	char w[24];
	if (!dates_word_lower(s, j, we, w, sizeof w))
		return false;
	size_t l = strlen(w);
	/* An English plural ends in s but not in ss, us or is: those are
	 * singular ("a 1988 loss", "the 2008 crisis", "its 2010 census"). */
	static const char *const singular_s[] = { "games", "series" };
	if (w[l - 1] != 's' || DATES_IN(w, singular_s))
		return true;
	return l >= 3 && (w[l - 2] == 's' || w[l - 2] == 'u' || w[l - 2] == 'i');
}

/* "l'année 2017", "l'an 2000": the year itself, as "en 2017" says it
 * ("l'année 2017 a été" as much as "au cours de l'année 2017"). */
static bool dates_the_year(const char *s, size_t n, const char *pw, size_t ps)
{
	if (strcmp(pw, "année") != 0 && strcmp(pw, "an") != 0)
		return false;
	(void)n;
	return (ps >= 2 && s[ps - 1] == '\'' && (s[ps - 2] == 'l' || s[ps - 2] == 'L')) ||
	       (ps >= 4 && memcmp(s + ps - 3, "\xE2\x80\x99", 3) == 0 &&
		(s[ps - 4] == 'l' || s[ps - 4] == 'L'));
}

/* A year before DATES_BARE_MIN, which history needs ("In 1789, the
 * Revolution", "en 1643 Louis XIV"): only after "in" / "en" and before what
 * cannot be counted, a comma or the end of a clause, or a capital ("In 1492
 * Columbus"); "in 1500 cases" stays a count. */
static bool dates_early_year(const char *s, size_t n, const char *pw, int y, size_t de)
{
	if (y < DATES_YEAR_MIN || (strcmp(pw, "in") != 0 && strcmp(pw, "en") != 0))
		return false;
	size_t j = dates_skip_spaces(s, n, de);
	if (j >= n)
		return true;
	unsigned char c = (unsigned char)s[j];
	return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || (j > de && c >= 'A' && c <= 'Z');
}

static void dates_ascii_number(const char *s, size_t n, size_t i, size_t de,
			       struct dates_vec *vec)
{
	size_t st, k = 0, k2 = 0;
	int32_t prev = dates_cp_before(s, n, i, &st);
	char pw[16];
	size_t ps;
	dates_word_before(s, n, i, pw, sizeof pw, &ps);
	bool mid = prev == '-' && (strcmp(pw, "mid") == 0 || strcmp(pw, "mi") == 0);
	/* "FY2018", "FY 2018": a fiscal year */
	bool fy = strcmp(pw, "fy") == 0 && (s[ps] == 'F' && s[ps + 1] == 'Y') && de - i == 4;
	if (!mid && !fy && (dates_is_latin(prev) || prev == '-' || prev == '.' || prev == '/' ||
		     prev == ',' || prev == 0x2013 || prev == 0x2014 || prev == '+'))
		return;                 /* inside a name or a number: "CM600DY-12NF", "-2015" */
	if (de - i != 4)
		return;
	int y = dates_digits(s, n, i, 4, 4, &k);
	struct datex x = { .kind = DATEX_DATE, .start = i, .year = y, .temporal = true };
	/* ISO: 2019-10-24, 2019/10/24 */
	if (de < n && (s[de] == '-' || s[de] == '/')) {
		char sep = s[de];
		int m = dates_digits(s, n, de + 1, 1, 2, &k);
		if (m > 0 && k < n && s[k] == sep) {
			int d = dates_digits(s, n, k + 1, 1, 2, &k2);
			size_t l;
			int32_t after = dates_cp(s, n, k2, &l);
			if (d > 0 && (!dates_is_latin(after) || after == 'T') && !dates_is_digit(after) &&
			    after != '-' && y >= DATES_YEAR_MIN && y <= DATES_YEAR_MAX &&
			    dates_valid(y, m, d)) {
				x.month = m;
				x.day = d;
				x.prec = DATE_DAY;
				x.len = k2 - i;
				dates_push(vec, &x);
				return;
			}
		}
	}
	if ((y < DATES_BARE_MIN && !dates_early_year(s, n, pw, y, de)) || y > DATES_BARE_MAX)
		return;
	/* A decade: "the 1990s", "the 1990’s". */
	if (y % 10 == 0) {
		size_t e = de;
		if (e < n && s[e] == '\'')
			e++;
		else if (e + 3 <= n && memcmp(s + e, "\xE2\x80\x99", 3) == 0)
			e += 3;
		size_t l;
		if (e < n && s[e] == 's' && !dates_is_latin(dates_cp(s, n, e + 1, &l))) {
			x.kind = DATEX_DECADE;
			x.prec = DATE_YEAR;
			x.len = e + 1 - i;
			dates_push(vec, &x);
			return;
		}
	}
	/* Ranges: 2015-2020, 2015–2020, from 2015 to 2020, entre 2015 et 2020. */
	size_t r = de, rl;
	int32_t c = dates_cp(s, n, r, &rl);
	size_t y2s = 0;
	if (c == '-' || c == 0x2013 || c == 0x2014) {
		y2s = r + rl;
	} else {
		size_t w0 = dates_skip_spaces(s, n, de), w1 = 0;
		if (w0 > de &&
		    (((strcmp(pw, "from") == 0 || strcmp(pw, "de") == 0) &&
		      (dates_word_is(s, n, w0, "to", &w1) || dates_word_is(s, n, w0, "à", &w1) ||
		       dates_word_is(s, n, w0, "until", &w1))) ||
		     ((strcmp(pw, "between") == 0 || strcmp(pw, "entre") == 0) &&
		      (dates_word_is(s, n, w0, "and", &w1) || dates_word_is(s, n, w0, "et", &w1)))))
			y2s = dates_skip_spaces(s, n, w1);
	}
	if (y2s) {
		int y2 = dates_digits(s, n, y2s, 4, 4, &k);
		if (y2 < 0 && y2s == de + (size_t)rl && (y2 = dates_digits(s, n, y2s, 2, 2, &k)) >= 0) {
			/* "1968–69", "1999-00": the end in the start's century */
			y2 += y / 100 * 100;
			if (y2 <= y)
				y2 += 100;
		}
		size_t l;
		int32_t after = dates_cp(s, n, k, &l);
		if (y2 > y && y2 - y <= 100 && !dates_is_latin(after) && !dates_is_digit(after)) {
			size_t e = k;
			if (after == ZH_NIAN)
				e = k + l;
			x.kind = DATEX_RANGE;
			x.year_end = y2;
			x.prec = DATE_YEAR;
			x.len = e - i;
			x.temporal = (DATES_IN(pw, dates_preps) && !DATES_IN(pw, dates_preps_counting)) ||
				     strcmp(pw, "between") == 0 ||
				     strcmp(pw, "entre") == 0 || strcmp(pw, "de") == 0 ||
				     (after == ZH_NIAN && dates_zh_year_temporal(s, n, i, e));
			x.modifier = !x.temporal && (after == ZH_NIAN || dates_year_modifier(s, n, pw, ps, e));
			dates_push(vec, &x);
			return;
		}
	}
	/* A fiscal year in Chinese: 2018财年, 2018財政年度, 2018会计年度 */
	static const char *const zh_fiscal[] = {
		"财年", "財年", "财政年度", "財政年度", "会计年度", "會計年度",
	};
	for (size_t f = 0; f < sizeof zh_fiscal / sizeof *zh_fiscal; f++) {
		size_t l = strlen(zh_fiscal[f]);
		if (de + l <= n && memcmp(s + de, zh_fiscal[f], l) == 0 && y >= DATES_BARE_MIN) {
			x.prec = DATE_YEAR;
			x.len = de + l - i;
			x.temporal = true;
			dates_push(vec, &x);
			return;
		}
	}
	if (!dates_number_ends(s, n, de))
		return;
	/* A bare year. "In 2014" says when; "the 2021 conference" names a thing. A
	 * year that opens a sentence and is followed by a comma says when too; so
	 * does a fiscal year ("fiscal 1988", "fiscal year 1988", "FY2018"). */
	x.prec = DATE_YEAR;
	x.len = de - i;
	char pw2[16];
	size_t ps2;
	dates_word_before(s, n, ps, pw2, sizeof pw2, &ps2);
	if (fy || (strcmp(pw, "year") == 0 && (strcmp(pw2, "fiscal") == 0 || strcmp(pw2, "financial") == 0))) {
		x.temporal = true;
		x.start = fy ? ps : ps2;
		x.len = de - x.start;
		dates_push(vec, &x);
		return;
	}
	size_t b = dates_skip_spaces_back(s, n, i);
	int32_t pc = dates_cp_before(s, n, b, &st);
	bool opens = b == 0 || pc == '.' || pc == '!' || pc == '?' || pc == 0x3002;
	/* "in both 1990 and 1991", "in either 2001 or 2002": the preposition is
	 * the word before */
	if (strcmp(pw, "both") == 0 || strcmp(pw, "either") == 0)
		memcpy(pw, pw2, sizeof pw);
	x.temporal = DATES_IN(pw, dates_preps) || (opens && de < n && s[de] == ',') ||
		     dates_the_year(s, n, pw, ps);
	if (x.temporal && DATES_IN(pw, dates_preps_counting) && dates_noun_follows(s, n, de))
		x.temporal = false;
	if (!x.temporal && !dates_noun_follows(s, n, de) && dates_coordinated(s, n, vec, i, false))
		x.temporal = true;
	x.bound = DATES_IN(pw, dates_preps_bound);
	x.modifier = !x.temporal && dates_year_modifier(s, n, pw, ps, de);
	dates_push(vec, &x);
}

/* ---- the scan ---- */

static int dates_order(const void *pa, const void *pb)
{
	const struct datex *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	return 0;
}

/* Is text[a..b) only spaces, 的, or one of the given joining words? */
static bool dates_joined(const char *s, size_t n, size_t a, size_t b, bool words)
{
	size_t i = dates_skip_spaces(s, n, a), k;
	if (i == b)
		return true;
	if (i + 3 == b && memcmp(s + i, "的", 3) == 0)
		return true;
	if (!words)
		return false;
	if ((dates_word_is(s, n, i, "of", &k) || dates_word_is(s, n, i, "de", &k)) &&
	    dates_skip_spaces(s, n, k) == b)
		return true;
	return i < b && s[i] == ',' && dates_skip_spaces(s, n, i + 1) == b;
}

/* Two dates joined as a range: "from June 3 to June 5", "between 3 June and
 * 5 July 2018", "du 3 juin au 5 juillet", "entre le 3 juin et le 5 juin",
 * "March–May 2018", 3月14日至4月2日. The range is dated by its start, which
 * takes a year it leaves out from the end; the end alone is never an event.
 * "and" / "et" join a range only after "between" / "entre" ("on June 3 and
 * June 5" are two days). */
static bool dates_range_joined(const char *s, size_t n, const struct datex *x,
			       const struct datex *y)
{
	size_t a = dates_skip_spaces(s, n, x->start + x->len), b = y->start, k;
	if (a >= b || b - a > 12)
		return false;
	if ((s[a] == '-' && a + 1 == dates_skip_spaces_back(s, n, b)) ||
	    (b - a >= 3 && (memcmp(s + a, "–", 3) == 0 || memcmp(s + a, "—", 3) == 0 ||
			    memcmp(s + a, "至", 3) == 0 || memcmp(s + a, "到", 3) == 0) &&
	     dates_skip_spaces(s, n, a + 3) == b))
		return true;
	static const char *const to[] = { "to", "until", "till", "through", "au", "à", "jusqu'au" };
	for (size_t t = 0; t < sizeof to / sizeof *to; t++)
		if (dates_word_is(s, n, a, to[t], &k) && dates_skip_spaces(s, n, k) == b)
			return true;
	if (!dates_word_is(s, n, a, "and", &k) && !dates_word_is(s, n, a, "et", &k))
		return false;
	if (dates_skip_spaces(s, n, k) != b)
		return false;
	char w[16];
	size_t ws;
	dates_word_before(s, n, x->start, w, sizeof w, &ws);
	return strcmp(w, "between") == 0 || strcmp(w, "entre") == 0;
}

static size_t dates_merge_ranges(const char *s, size_t n, struct datex *v, size_t nv)
{
	size_t out = 0;
	for (size_t k = 0; k < nv; k++) {
		struct datex *x = &v[k], *y = k + 1 < nv ? &v[k + 1] : NULL;
		if (y && x->kind == DATEX_DATE && y->kind == DATEX_DATE && x->month && y->month &&
		    !x->holiday && !y->holiday && !x->rel_year && !y->rel_year &&
		    x->period == DATES_PERIOD_NONE && y->period == DATES_PERIOD_NONE &&
		    (x->year == 0 || y->year == 0 || x->year <= y->year) &&
		    dates_range_joined(s, n, x, y)) {
			struct datex r = *x;
			int sy = x->year ? x->year : y->year;
			if (!x->year && y->year && x->month > y->month)
				sy--;   /* "December 28 to January 3, 2019" */
			long from = (long)sy * 400 + x->month * 32 + x->day;
			long to = (long)(y->year ? y->year : sy) * 400 + y->month * 32 + y->day;
			if (to > from) {
				r.kind = DATEX_RANGE;
				r.year = sy;
				r.year_end = y->year && y->year != sy ? y->year : 0;
				r.month_end = y->month;
				r.day_end = y->day;
				r.len = y->start + y->len - x->start;
				v[out++] = r;
				k++;
				continue;
			}
		}
		v[out++] = *x;
	}
	return out;
}

/* A year counted from the article or the narrative, joined to a month without
 * a year, gives the month its year: 去年3月, 今年5月, 同年10月, 次年1月, "in
 * March last year", "March of this year". The two become one expression. */
static size_t dates_merge_years(const char *s, size_t n, struct datex *v, size_t nv)
{
	size_t out = 0;
	for (size_t k = 0; k < nv; k++) {
		struct datex *x = &v[k];
		if (k + 1 < nv) {
			struct datex *y = &v[k + 1], *rel = NULL, *date = NULL;
			if (x->kind == DATEX_RELATIVE && (y->kind == DATEX_DATE || y->kind == DATEX_RANGE) &&
			    dates_joined(s, n, x->start + x->len, y->start, false)) {
				rel = x;
				date = y;
			} else if (y->kind == DATEX_RELATIVE && (x->kind == DATEX_DATE || x->kind == DATEX_RANGE) &&
				   dates_joined(s, n, x->start + x->len, y->start, true)) {
				rel = y;
				date = x;
			}
			if (rel && rel->unit == DATES_UNIT_YEAR && rel->period == DATES_PERIOD_NONE &&
			    !date->year && !date->rel_year && date->prec >= DATE_MONTH && !date->tense &&
			    date->period == DATES_PERIOD_NONE) {
				struct datex m = *date;
				m.rel_year = true;
				m.offset = rel->offset;
				m.narrative = rel->narrative;
				m.start = x->start;
				m.len = y->start + y->len - x->start;
				v[out++] = m;
				k++;
				continue;
			}
		}
		v[out++] = *x;
	}
	return out;
}

/* The first characters of the Chinese phrases of dates_phrase.c:
 * 前昨今明上本这這下去同当當次翌第. */
static bool dates_zh_phrase_first(int32_t cp)
{
	static const int32_t first[] = {
		0x524D, 0x6628, 0x4ECA, 0x660E, 0x4E0A, 0x672C, 0x8FD9, 0x9019, 0x4E0B, 0x53BB,
		0x540C, 0x5F53, 0x7576, 0x6B21, 0x7FCC, 0x7B2C,
	};
	return dates_cp_in(cp, first, sizeof first / sizeof *first);
}

/* The year before a Chinese holiday at i: 2021年春节, 去年国庆节, 明年元旦. */
static void dates_zh_holiday_year(const char *s, size_t i, struct datex *x)
{
	static const struct { const char *w; int offset; } rel[] = {
		{ "前年", -2 }, { "去年", -1 }, { "今年", 0 }, { "明年", 1 },
	};
	for (size_t k = 0; k < sizeof rel / sizeof *rel; k++) {
		if (i >= 6 && memcmp(s + i - 6, rel[k].w, 6) == 0) {
			x->rel_year = true;
			x->offset = rel[k].offset;
			x->len += 6;
			x->start = i - 6;
			return;
		}
	}
	if (i < 7 || memcmp(s + i - 3, "年", 3) != 0)
		return;
	size_t d = i - 3;
	while (d > 0 && i - 3 - d < 4 && s[d - 1] >= '0' && s[d - 1] <= '9')
		d--;
	if (i - 3 - d != 4 || (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9'))
		return;
	int y = 0;
	for (size_t k = d; k < i - 3; k++)
		y = y * 10 + (s[k] - '0');
	if (y < DATES_YEAR_MIN || y > DATES_YEAR_MAX)
		return;
	x->year = y;
	x->len += x->start - d;
	x->start = d;
}

size_t dates_find(const char *text, size_t n, const char *lang, struct datex **out)
{
	struct dates_vec vec = { 0 };
	size_t i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)text[i];
		size_t len, st;
		if (b >= '0' && b <= '9') {
			struct datex px;
			size_t pe = 0;
			int32_t pc = dates_cp_before(text, n, i, &st);
			if (pc != '.' && pc != ',' && (pe = dates_phrase_at(text, n, i, &px)) > 0) {
				dates_push(&vec, &px);
				i = pe;
				continue;
			}
			size_t de = i;
			while (de < n && text[de] >= '0' && text[de] <= '9')
				de++;
			size_t j = dates_skip_spaces(text, n, de), k = 0;
			/* Chinese forms when a 年, 月, 日 or 至 follows. */
			if (dates_cp_is(text, n, j, ZH_NIAN, &k) || dates_cp_is(text, n, j, ZH_YUE, &k) ||
			    dates_cp_is(text, n, j, 0x65E5, &k) ||
			    dates_cp_is(text, n, j, 0x81F3, &k) || dates_cp_is(text, n, j, 0x5230, &k)) {
				size_t next = dates_zh_at(text, n, i, &vec);
				i = next > de ? next : de;
			} else {
				dates_ascii_number(text, n, i, de, &vec);
				i = de;
			}
			continue;
		}
		int32_t cp = dates_cp(text, n, i, &len);
		if (dates_is_latin(cp)) {
			size_t we = dates_word_end(text, n, i);
			if (!dates_is_latin(dates_cp_before(text, n, i, &st))) {
				struct datex px;
				size_t pe = dates_phrase_at(text, n, i, &px);
				if (pe) {
					dates_push(&vec, &px);
					i = pe;
					continue;
				}
				dates_latin_word(text, n, i, we, &vec);
			}
			i = we;
			continue;
		}
		if (dates_is_fw_digit(cp) || dates_zh_digit(cp) >= 0) {
			if (dates_is_numeral_cp(dates_cp_before(text, n, i, &st))) {
				i += len;
				continue;
			}
			struct datex px;
			size_t pe = dates_phrase_at(text, n, i, &px);
			if (pe) {
				dates_push(&vec, &px);
				i = pe;
				continue;
			}
			size_t next = dates_zh_at(text, n, i, &vec);
			i = next > i ? next : i + len;
			continue;
		}
		/* 元旦 圣诞节 聖誕節 平安夜 情人节 劳动节 勞動節 国庆 双十节 雙十節 春节
		 * 农历新年 農曆新年 除夕 元宵节 */
		static const int32_t holiday_first[] = {
			0x5143, 0x5723, 0x8056, 0x5E73, 0x60C5, 0x52B3, 0x52DE, 0x56FD, 0x53CC,
			0x96D9, 0x6625, 0x519C, 0x8FB2, 0x9664,
		};
		if (dates_cp_in(cp, holiday_first, sizeof holiday_first / sizeof *holiday_first)) {
			struct datex hx;
			bool alone;
			size_t he = dates_holiday_at(text, n, i, &hx, &alone);
			if (he)
				dates_zh_holiday_year(text, i, &hx);
			if (he) {
				dates_push(&vec, &hx);
				i = he;
				continue;
			}
		}
		/* 年初 年底 年末 月初 月底 月末: only where 初 底 末 follows */
		bool part = (cp == ZH_NIAN || cp == ZH_YUE) && i + len + 3 <= n &&
			    (memcmp(text + i + len, "初", 3) == 0 || memcmp(text + i + len, "底", 3) == 0 ||
			     memcmp(text + i + len, "末", 3) == 0);
		if (part || dates_zh_phrase_first(cp)) {
			struct datex px;
			size_t pe = dates_phrase_at(text, n, i, &px);
			if (pe) {
				dates_push(&vec, &px);
				i = pe;
				continue;
			}
		}
		if (cp == 0x540C || cp == 0x5F53 || cp == 0x7576 || cp == 0x672C || cp == 0x661F ||
		    cp == 0x5468 || cp == 0x9031 || cp == 0x793C || cp == 0x79AE || cp == 0x6B21 ||
		    cp == 0x7FCC || cp == 0x7B2C || cp == 0x524D) {
			size_t next = dates_zh_han(text, n, i, cp, len, &vec);
			i = next > i ? next : i + len;
			continue;
		}
		i += len ? len : 1;
	}
	(void)lang;
	if (vec.n > 1)
		qsort(vec.v, vec.n, sizeof *vec.v, dates_order);
	/* Keep the earliest, then longest, of overlapping candidates; a weekday that
	 * only decorates a date ("Tuesday, Oct. 22", "10月22日（星期二）") goes. */
	size_t kept = 0;
	for (size_t k = 0; k < vec.n; k++) {
		struct datex *x = &vec.v[k];
		if (kept && x->start < vec.v[kept - 1].start + vec.v[kept - 1].len)
			continue;
		if (x->kind == DATEX_WEEKDAY) {
			bool beside = false;
			if (k + 1 < vec.n && vec.v[k + 1].kind == DATEX_DATE &&
			    vec.v[k + 1].start <= x->start + x->len + 4)
				beside = true;
			if (kept && vec.v[kept - 1].kind == DATEX_DATE &&
			    x->start <= vec.v[kept - 1].start + vec.v[kept - 1].len + 4)
				beside = true;
			if (beside)
				continue;
		}
		vec.v[kept++] = *x;
	}
	kept = dates_merge_years(text, n, vec.v, kept);
	kept = dates_merge_ranges(text, n, vec.v, kept);
	dates_parts(text, n, vec.v, kept);
	if (kept == 0) {
		free(vec.v);
		vec.v = NULL;
	}
	*out = vec.v;
	return kept;
}
