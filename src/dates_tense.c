/* dates_tense.c: whether the words around a date speak of the past or of what
 * is to come. A report of 14 March that says "the talks will open in April"
 * means this April; "the talks opened in April" last April. The markers are
 * few and plain (auxiliaries, "planned", "prochain", 将, 已): the nearest one
 * before the date governs it, else the nearest after ("in April, the talks
 * will open"). Unmarked sentences are left to the caller's default. */
#include <config.h>
#include "dates.h"

#include <stdlib.h>
#include <string.h>

/* The Latin lists are sorted (strcmp, bytes) for bsearch. */
static const char *const dates_tense_future[] = {
	"aims", "aura", "auront", "demain", "devraient", "devrait", "doit",
	"doivent", "due", "effective", "expected", "expects", "expire", "expires",
	"expiring", "fera", "feront", "intend", "intends", "ira", "iront", "ll", "next",
	"payable", "plan", "planned", "planning", "plans", "poised", "pourra", "pourront",
	"prochain", "prochaine", "prochaines", "prochains", "prévoient", "prévoit",
	"prévu", "prévue", "prévues", "prévus", "scheduled", "sera", "seront", "shall",
	"slated", "soon", "supposed", "tomorrow", "upcoming", "va", "vont", "will", "would",
};
static const char *const dates_tense_past[] = {
	"ago", "avaient", "avait", "became", "began", "bought", "broke", "brought",
	"built", "came", "caught", "chose", "dernier", "dernière", "did", "died", "drove",
	"earlier", "eut", "fell", "felt", "fled", "flew", "fought", "found", "furent",
	"fut", "gave", "got", "grew", "had", "held", "hier", "hit", "kept", "knew", "last",
	"led", "left", "lost", "made", "meant", "met", "ont", "paid", "quit", "ran",
	"rose", "said", "saw", "sent", "shot", "sold", "sought", "spent", "spoke", "stood",
	"struck", "thought", "told", "took", "was", "went", "were", "withdrew", "won",
	"wore", "wrote", "yesterday", "étaient", "était", "été",
};
/* Words ending in -ed that are no past tense. */
static const char *const dates_tense_not_ed[] = {
	"bleed", "breed", "exceed", "hatred", "hundred", "indeed", "kindred", "naked",
	"proceed", "sacred", "speed", "succeed", "wicked",
};
/* Han markers, as UTF-8. */
static const char *const dates_tense_zh_future[] = {
	"将", "將", "即将", "计划", "計劃", "拟", "擬", "预计", "預計", "预定", "預定", "定于",
	"定於", "届时", "屆時", "准备", "準備", "明年", "下周", "下週", "明天",
};
static const char *const dates_tense_zh_past[] = {
	"了", "已", "曾", "去年", "上周", "上週", "昨天", "昨日",
};

static int dates_tense_order(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is w in list (sorted by strcmp)? */
static bool dates_tense_in(const char *w, const char *const *list, size_t n)
{
	return bsearch(&w, list, n, sizeof *list, dates_tense_order) != NULL;
}

/* The marker of the Latin word w (lowercased): +1, -1 or 0. A French verb in
 * the future ends in -ra / -ront ("se tiendra", "auront"); an English one in
 * the past in -ed, a French participle in -é (but "expected", "planned" and
 * "prévu" look ahead). */
static int dates_tense_word(const char *w, size_t len)
{
	if (dates_tense_in(w, dates_tense_future, sizeof dates_tense_future / sizeof *dates_tense_future))
		return 1;
	if (dates_tense_in(w, dates_tense_past, sizeof dates_tense_past / sizeof *dates_tense_past))
		return -1;
	if (len >= 6 && (strcmp(w + len - 4, "ront") == 0 ||
			 (strcmp(w + len - 2, "ra") == 0 && strchr("eid", w[len - 3]))))
		return 1;
	if (len >= 5 && (strcmp(w + len - 2, "ed") == 0 || strcmp(w + len - 2, "é") == 0) &&
	    !dates_tense_in(w, dates_tense_not_ed, sizeof dates_tense_not_ed / sizeof *dates_tense_not_ed))
		return -1;
	return 0;
}

static int dates_tense_han(const char *s, size_t i, size_t b, size_t *len)
{
	for (int pass = 0; pass < 2; pass++) {
		const char *const *list = pass ? dates_tense_zh_past : dates_tense_zh_future;
		size_t n = pass ? sizeof dates_tense_zh_past / sizeof *dates_tense_zh_past :
				  sizeof dates_tense_zh_future / sizeof *dates_tense_zh_future;
		for (size_t k = 0; k < n; k++) {
			size_t l = strlen(list[k]);
			if (i + l <= b && memcmp(s + i, list[k], l) == 0) {
				*len = l;
				return pass ? -1 : 1;
			}
		}
	}
	*len = 0;
	return 0;
}

/* Words before an -ed adjective. */
static const char *const dates_tense_determiner[] = {
	"a", "an", "its", "still", "the", "their", "this",
};
/* Words of date expressions that are also markers of tense. */
static const char *const dates_tense_dateword[] = {
	"ago", "demain", "dernier", "dernière", "earlier", "hier", "last", "next",
	"prochain", "prochaine", "tomorrow", "yesterday",
};
/* Words before the date a deadline is moved to ("to", "until", "jusqu'au"). */
static const char *const dates_tense_deadline[] = {
	"au", "through", "till", "to", "until",
};

/* Is w (lowercased) a verb of extending or putting off a deadline? */
static bool dates_tense_puts_off(const char *w)
{
	static const char *const stems[] = {
		"defer", "delay", "extend", "extens", "postpon", "prolong", "repouss", "report\xc3\xa9",
		"resched",
	};
	for (size_t k = 0; k < sizeof stems / sizeof *stems; k++)
		if (strncmp(w, stems[k], strlen(stems[k])) == 0)
			return true;
	return false;
}

/* Does a Chinese verb of extending or putting off start at s[i] (before at)? */
static bool dates_tense_han_puts_off(const char *s, size_t i, size_t b, size_t at)
{
	static const char *const verbs[] = { "延长", "延長", "延期", "推迟", "推遲", "延至", "延到" };
	(void)b;
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
		size_t l = strlen(verbs[k]);
		if (i + l <= at && memcmp(s + i, verbs[k], l) == 0)
			return true;
	}
	return false;
}

/* Does a Chinese verb of saying start at s[i]? */
static bool dates_tense_han_saying(const char *s, size_t i, size_t b)
{
	static const char *const verbs[] = {
		"说", "說", "表示", "称", "稱", "指出", "透露", "介绍", "介紹", "强调", "強調",
	};
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
		size_t l = strlen(verbs[k]);
		if (i + l <= b && memcmp(s + i, verbs[k], l) == 0)
			return true;
	}
	return false;
}

/* Is the two-character marker at s a date word (去年, 上周, 明天)? */
static bool dates_tense_han_dateword(const char *s)
{
	static const char *const words[] = {
		"去年", "上周", "上週", "昨天", "昨日", "明年", "下周", "下週", "明天",
	};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (memcmp(s, words[k], 6) == 0)
			return true;
	return false;
}

/* Words that open a clause: a marker before one is not the date's. */
static const char *const dates_tense_clause[] = {
	"although", "because", "but", "lorsque", "mais", "où", "quand", "qui", "tandis",
	"when", "where", "which", "while", "who", "whom", "whose",
};

/* Words after "to" that show it is no infinitive ("to the court", "to 5%"). */
static const char *const dates_tense_not_verb[] = {
	"a", "about", "all", "an", "and", "another", "any", "around", "court", "date",
	"death", "each", "every", "her", "him", "his", "it", "its", "jail", "life", "me",
	"more", "my", "nearly", "office", "our", "power", "prison", "school", "some",
	"that", "the", "their", "them", "these", "this", "those", "us", "what", "whom",
	"work", "your",
};

/* The lowercased Latin word at s[i..b) into w (size bytes); its end. */
static size_t dates_tense_peek(const char *s, size_t i, size_t b, char *w, size_t size)
{
	while (i < b && s[i] == ' ')
		i++;
	size_t nw = 0;
	while (i < b && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) {
		if (nw + 1 < size)
			w[nw++] = (char)(s[i] | 0x20);
		i++;
	}
	w[nw] = '\0';
	return i;
}

/* The Latin word at s[i..b) (ASCII letters lowercased, accented letters of
 * two bytes kept) into w (size bytes, cut short when longer), its length in
 * *nw; its end. */
static size_t dates_tense_read(const char *s, size_t i, size_t b, char *w, size_t size, size_t *nw)
{
	*nw = 0;
	while (i < b) {
		unsigned char d = (unsigned char)s[i];
		if ((d | 0x20) >= 'a' && (d | 0x20) <= 'z') {
			if (*nw + 1 < size)
				w[(*nw)++] = (char)(d | 0x20);
			i++;
		} else if (d >= 0xC3 && d <= 0xC5 && i + 1 < b) {
			if (*nw + 2 < size) {
				w[(*nw)++] = (char)d;
				w[(*nw)++] = s[i + 1];
			}
			i += 2;
		} else {
			break;
		}
	}
	w[*nw] = '\0';
	return i;
}

/* The French word after s[i] (past spaces and an apostrophe, "d'ouvrir")
 * into w (size bytes; "" when it does not fit); its end. */
static size_t dates_tense_peek_fr(const char *s, size_t i, size_t b, char *w, size_t size)
{
	while (i < b && (s[i] == ' ' || s[i] == '\''))
		i++;
	if (i + 3 <= b && memcmp(s + i, "\xe2\x80\x99", 3) == 0)
		i += 3;
	size_t nw, end = dates_tense_read(s, i, b, w, size, &nw);
	if (end - i >= size)
		w[0] = '\0';
	return end;
}

/* Does the French word w look like an infinitive ("signer", "ouvrir",
 * "conclure", "recevoir")? Months, ranks and a few other words end so too. */
static bool dates_tense_fr_infinitive(const char *w)
{
	static const char *const not_verbs[] = {
		"autre", "contre", "dernier", "entre", "février", "janvier", "notre",
		"premier", "quatre", "votre",
	};
	size_t n = strlen(w);
	if (n < 4 || dates_tense_in(w, not_verbs, sizeof not_verbs / sizeof *not_verbs))
		return false;
	return strcmp(w + n - 2, "er") == 0 || strcmp(w + n - 2, "ir") == 0 ||
	       strcmp(w + n - 2, "re") == 0;
}

/* Does French w, after the word prev, open an infinitive: "pour signer",
 * "afin de conclure", "a décidé de fermer", "a promis d'ouvrir"? "de"
 * counts only after a participle, as "le centre de crise" is no verb. */
static bool dates_tense_fr_to(const char *prev, const char *w)
{
	static const char *const participles[] = { "choisi", "convenu", "permis", "promis" };
	if (strcmp(w, "pour") == 0)
		return true;
	if (strcmp(w, "de") != 0 && strcmp(w, "d") != 0)
		return false;
	size_t n = strlen(prev);
	return strcmp(prev, "afin") == 0 || (n >= 4 && strcmp(prev + n - 2, "\xc3\xa9") == 0) ||
	       dates_tense_in(prev, participles, sizeof participles / sizeof *participles);
}

/* Is the date at s[at] a day of the week ("Friday", "vendredi")? Such a day
 * is the week's around the dateline whatever an infinitive says. */
static bool dates_tense_at_weekday(const char *s, size_t at, size_t b)
{
	static const char *const days[] = {
		"dimanche", "friday", "jeudi", "lundi", "mardi", "mercredi", "monday",
		"samedi", "saturday", "sunday", "thursday", "tuesday", "vendredi", "wednesday",
	};
	char w[16];
	dates_tense_peek(s, at, b, w, sizeof w);
	return dates_tense_in(w, days, sizeof days / sizeof *days);
}

/* Does an infinitive ("to submit") follow the date at s[at] closely, in its
 * clause: within its next four words? */
static bool dates_tense_to_follows(const char *s, size_t at, size_t b)
{
	size_t i = at;
	for (int k = 0; k < 5 && i < b; k++) {
		while (i < b && (s[i] == ' ' || s[i] == '.' || s[i] == '-'))
			i++;
		if (i >= b || s[i] == ',' || s[i] == ';' || s[i] == ':')
			return false;
		char w[16];
		size_t nw, j = dates_tense_read(s, i, b, w, sizeof w, &nw);
		if (j == i) {
			/* digits and the like: part of the date */
			while (j < b && s[j] != ' ' && s[j] != ',' && s[j] != ';')
				j++;
		} else if (strcmp(w, "to") == 0) {
			char nx[16];
			dates_tense_peek(s, j, b, nx, sizeof nx);
			return strlen(nx) >= 2 &&
			       !dates_tense_in(nx, dates_tense_not_verb,
					       sizeof dates_tense_not_verb / sizeof *dates_tense_not_verb) &&
			       dates_tense_word(nx, strlen(nx)) >= 0;
		}
		i = j;
	}
	return false;
}

int dates_tense(const char *s, size_t a, size_t b, size_t at)
{
	/* The nearest marker before at in its clause, else the nearest after in
	 * it, else the nearest before and after in the sentence. */
	int before = 0, after = 0, clause_before = 0, clause_after = 0;
	bool clause_closed = false;     /* a clause boundary after at was met */
	bool extended = false;          /* a verb of extending or putting off before at */
	bool infinitive = false;        /* an infinitive after a past verb, before at */
	bool will = false;              /* a future auxiliary in the clause so far */
	char prevw[16] = "";
	char lastw[3][16] = { "", "", "" };   /* the last three words before at */
	size_t i = a;
	while (i < b) {
		unsigned char c = (unsigned char)s[i];
		bool latin = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
		if (latin || (c >= 0xC3 && c <= 0xC5)) {
			char w[16];
			size_t nw, j = dates_tense_read(s, i, b, w, sizeof w, &nw);
			int t = j - i < sizeof w ? dates_tense_word(w, nw) : 0;
			/* After "will" in one clause an -ed word is a participle ("will
			 * buy all shares tendered through Nov. 17"), no past verb: a
			 * past verb there would open a clause of its own. */
			if (t < 0 && will &&
			    !dates_tense_in(w, dates_tense_past, sizeof dates_tense_past / sizeof *dates_tense_past))
				t = 0;
			if (strcmp(w, "will") == 0 || strcmp(w, "shall") == 0 || strcmp(w, "would") == 0 ||
			    strcmp(w, "ll") == 0)
				will = true;
			/* An -ed word after a determiner is an adjective ("a still
			 * unspecified date", "the proposed sale"), no verb (a French
			 * participle after "a" is the passé composé: "a abaissé"). */
			if (t < 0 && nw >= 2 && strcmp(w + nw - 2, "ed") == 0 &&
			    dates_tense_in(prevw, dates_tense_determiner,
						    sizeof dates_tense_determiner / sizeof *dates_tense_determiner) &&
			    !dates_tense_in(w, dates_tense_past, sizeof dates_tense_past / sizeof *dates_tense_past))
				t = 0;
			/* A word that dates its own expression ("due to expire last
			 * Thursday, to Nov. 6") marks its clause, not the sentence. */
			bool dateword = dates_tense_in(w, dates_tense_dateword,
						       sizeof dates_tense_dateword / sizeof *dates_tense_dateword);
			/* "plan" and "plans" look ahead as verbs ("plans to open"),
			 * not as nouns ("announced the plan", "vacation plans"). */
			if (t > 0 && (strcmp(w, "plan") == 0 || strcmp(w, "plans") == 0)) {
				char nx[16];
				dates_tense_peek(s, j, b, nx, sizeof nx);
				if (strcmp(nx, "to") != 0)
					t = 0;
			}
			/* "next to" and "next door" say where, not when ("killed in
			 * the blast next to the embassy on Friday"). */
			if (t > 0 && strcmp(w, "next") == 0) {
				char nx[16];
				dates_tense_peek(s, j, b, nx, sizeof nx);
				if (strcmp(nx, "to") == 0 || strcmp(nx, "door") == 0)
					t = 0;
			}
			/* An infinitive between a past verb and the date ("subpoenaed
			 * him to testify on Feb. 10", "decided to admit them in
			 * March") dates what was to be done: it looks ahead from the
			 * past, so the nearer such date, as if unmarked. A weekday is
			 * left to the past verb. */
			if (i < at && strcmp(w, "to") == 0 && (before < 0 || clause_before < 0) &&
			    !dates_tense_at_weekday(s, at, b)) {
				char nx[16];
				size_t ne = dates_tense_peek(s, j, b, nx, sizeof nx);
				if (nx[0] && ne <= at && strlen(nx) >= 2 &&
				    !dates_tense_in(nx, dates_tense_not_verb,
						    sizeof dates_tense_not_verb / sizeof *dates_tense_not_verb) &&
				    dates_tense_word(nx, strlen(nx)) >= 0) {
					before = 0;
					clause_before = 0;
					infinitive = true;
				}
			}
			/* The same in French: "est arrivé à Pékin pour signer
			 * l'accord en novembre", "a décidé de fermer le pont en mai". */
			if (i < at && (before < 0 || clause_before < 0) && dates_tense_fr_to(prevw, w) &&
			    !dates_tense_at_weekday(s, at, b)) {
				char nx[24];
				size_t ne = dates_tense_peek_fr(s, j, b, nx, sizeof nx);
				if (ne <= at && dates_tense_fr_infinitive(nx)) {
					before = 0;
					clause_before = 0;
					infinitive = true;
				}
			}
			/* A participle after an auxiliary of the future ("will be
			 * named", "sera lancé") takes its tense from it. */
			static const char *const future_aux[] = {
				"be", "being", "sera", "seraient", "serait", "seront",
				"être",
			};
			if (t < 0 && dates_tense_in(prevw, future_aux, sizeof future_aux / sizeof *future_aux))
				t = 0;
			/* "is calling the bonds on Dec. 7": the present progressive
			 * with a date is an arrangement, to come. */
			if (t == 0 && nw >= 5 && strcmp(w + nw - 3, "ing") == 0 &&
			    (strcmp(prevw, "is") == 0 || strcmp(prevw, "are") == 0 || strcmp(prevw, "am") == 0))
				t = 1;
			/* "is set for March", "to be completed by": arranged, to come */
			if ((strcmp(w, "set") == 0 && (strcmp(prevw, "is") == 0 || strcmp(prevw, "are") == 0)) ||
			    (strcmp(w, "be") == 0 && strcmp(prevw, "to") == 0))
				t = 1;
			/* A verb of saying opens the reported clause unless a date of
			 * its own follows it ("said on Monday", "said in March", "a
			 * déclaré mardi"):
			 * "said it is calling the shares on Dec. 7" speaks of the
			 * past only in the saying, so its mark is no longer the
			 * date's, and the clause's own words (or none) govern. */
			static const char *const saying[] = {
				"added", "affirmé", "ajouté", "annoncé", "announced",
				"assuré", "confirmed", "confirmé", "disclosed", "dit",
				"déclaré", "estimated", "estimé", "explained", "expliqué",
				"indicated", "indiqué", "noted", "predicted", "précisé",
				"rappelé", "reported", "said", "says", "souligné",
				"stated", "told", "warned",
			};
			static const char *const own_date[] = {
				"at", "ce", "cette", "dans", "dimanche", "during", "début",
				"earlier", "en", "fin", "hier", "in", "jeudi", "la",
				"last", "le", "lundi", "mardi", "mercredi", "on", "samedi",
				"this", "vendredi", "yesterday",
			};
			if (i < at && dates_tense_in(prevw, saying, sizeof saying / sizeof *saying) &&
			    !dates_tense_in(w, own_date, sizeof own_date / sizeof *own_date) &&
			    before == -1 && t == 0) {
				before = 0;
				clause_before = 0;
			}
			memcpy(prevw, w, nw + 1);
			if (i < at && dates_tense_puts_off(w))
				extended = true;
			if (dates_tense_in(w, dates_tense_clause,
					   sizeof dates_tense_clause / sizeof *dates_tense_clause)) {
				will = false;
				if (i < at)
					clause_before = 0;
				else
					clause_closed = true;
			}
			if (t && i < at) {
				if (!dateword)
					before = t;
				clause_before = t;
			} else if (t && i >= at) {
				if (!after && !dateword)
					after = t;
				if (!clause_after && !clause_closed)
					clause_after = t;
			}
			if (i < at) {
				memmove(lastw[1], lastw[0], 2 * sizeof lastw[0]);
				memcpy(lastw[0], w, nw + 1);
			}
			i = j;
			continue;
		}
		if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') {
			will = false;
			if (i < at)
				clause_before = 0;
			else
				clause_closed = true;
		}
		if (c >= 0xE3 && c <= 0xE9) {
			size_t l;
			int t = dates_tense_han(s, i, b, &l);
			if (i < at && dates_tense_han_puts_off(s, i, b, at))
				extended = true;
			if (i < at && dates_tense_han_saying(s, i, b)) {
				/* 他表示，…: what was marked before is the saying's */
				before = 0;
				clause_before = 0;
			}
			/* 去年, 上周, 明天 date their own expression: their clause's mark */
			bool dateword = t && l == 6 && dates_tense_han_dateword(s + i);
			if (t) {
				if (i < at) {
					if (!dateword)
						before = t;
					clause_before = t;
				} else {
					if (!after && !dateword)
						after = t;
					if (!clause_after && !clause_closed)
						clause_after = t;
				}
				i += l;
				continue;
			}
			/* ，；： close a Chinese clause */
			if (i + 3 <= b && (memcmp(s + i, "，", 3) == 0 || memcmp(s + i, "；", 3) == 0 ||
					   memcmp(s + i, "：", 3) == 0)) {
				if (i < at)
					clause_before = 0;
				else
					clause_closed = true;
				i += 3;
				continue;
			}
		}
		i++;
	}
	/* A deadline extended or put off to the date ("extended to Nov. 16",
	 * "postponed until March", "reporté au mois de mai", 延长至5月) looks
	 * ahead from when it was moved, whatever the tense of the moving: the
	 * date is the nearer one to the article's, as if unmarked; a weekday,
	 * named only days ahead, is the coming one ("postponed until Tuesday"). */
	for (int k = 0; extended && k < 3; k++)
		if (dates_tense_in(lastw[k], dates_tense_deadline,
				   sizeof dates_tense_deadline / sizeof *dates_tense_deadline))
			return dates_tense_at_weekday(s, at, b) ? 1 : 0;
	if (extended && at >= a + 6 && at <= b &&
	    (memcmp(s + at - 3, "至", 3) == 0 || memcmp(s + at - 3, "到", 3) == 0))
		return 0;
	int r = clause_before ? clause_before : clause_after ? clause_after : before ? before : after;
	/* A deadline given ("gave Merieux until mid-November to submit", "has
	 * until Friday to reply") looks ahead from the giving, as one put off
	 * does: the date is the nearer one. */
	if (r < 0 && (strcmp(lastw[0], "until") == 0 || strcmp(lastw[0], "till") == 0) &&
	    dates_tense_to_follows(s, at, b))
		return dates_tense_at_weekday(s, at, b) ? 1 : 0;
	/* The infinitive's date is unmarked unless its own words look ahead. */
	return infinitive && r < 0 ? 0 : r;
}
