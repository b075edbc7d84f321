/* test_segment.c: sentence splitting in English, French and Chinese. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "xalloc.h"
#include "tap.h"

/* Splits text and joins the sentences with " | ", so that one string shows all
 * the boundaries at once. */
static char *split(const char *text, const char *lang)
{
	struct sentence *s;
	size_t n = segment_sentences(text, strlen(text), lang, &s);
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&b, " | ");
		buf_add(&b, text + s[i].start, s[i].end - s[i].start);
	}
	free(s);
	buf_adds(&b, "");
	return buf_take(&b);
}

static void check(const char *text, const char *lang, const char *want, const char *what)
{
	char *got = split(text, lang);
	tap_str_eq(got, want, what);
	free(got);
}

int main(void)
{
	/* English */
	check("It rained. We stayed in! Did you? Yes.", "en",
	      "It rained. | We stayed in! | Did you? | Yes.", "en: . ! ?");
	check("Mr. Smith met Dr. Jones at St. Paul's. They talked.", "en",
	      "Mr. Smith met Dr. Jones at St. Paul's. | They talked.", "en: titles");
	check("The U.S. President spoke. The U.S. The end.", "en",
	      "The U.S. President spoke. | The U.S. | The end.", "en: U.S. inside and at the end");
	check("Fruit, e.g. apples, i.e. food, etc. are sold. Bread etc. Then milk.", "en",
	      "Fruit, e.g. apples, i.e. food, etc. are sold. | Bread etc. | Then milk.",
	      "en: e.g. i.e. etc.");
	check("J. R. R. Tolkien wrote it. It sold.", "en",
	      "J. R. R. Tolkien wrote it. | It sold.", "en: initials");
	check("Growth was 3.5 percent in 2013. It fell.", "en",
	      "Growth was 3.5 percent in 2013. | It fell.", "en: decimals, year at the end");
	check("On Oct. 24 and Nov. 3 it met, No. 5 on the list. Acme Inc. Beijing grew. Acme Inc. The firm grew.", "en",
	      "On Oct. 24 and Nov. 3 it met, No. 5 on the list. | Acme Inc. Beijing grew. | Acme Inc. | The firm grew.",
	      "en: months, No., Inc.");
	check("Smith vs. Jones went on... and on. Then... Nothing.", "en",
	      "Smith vs. Jones went on... and on. | Then... | Nothing.", "en: vs. and ellipses");
	check("He said, \u201cWe agree.\u201d Then he left. (It was late.) Done.", "en",
	      "He said, \u201cWe agree.\u201d | Then he left. | (It was late.) | Done.",
	      "en: closing quotes and brackets stay");
	check("She asked \"why?\" Nobody knew.", "en",
	      "She asked \"why?\" | Nobody knew.", "en: straight quote closes");
	check("'Help!' he cried. Then he ran.", "en",
	      "'Help!' he cried. | Then he ran.", "en: a quotation ending in ! goes on in lower case");
	check("\u201cWhere to?\u201d asked the driver, and we left. \u201cHome!\u201d We slept.", "en",
	      "\u201cWhere to?\u201d asked the driver, and we left. | \u201cHome!\u201d | We slept.",
	      "en: ? inside curly quotes goes on; a capital after it starts anew");
	check("\u2018Run!\u2019 she said. \u2018Now.\u2019 he said.", "en",
	      "\u2018Run!\u2019 she said. | \u2018Now.\u2019 | he said.",
	      "en: a full stop inside the quotation ends the sentence as written");
	check("Mrs. Hale and Prof. Lin met Mt. Kenya's guide. St. Ives was far... but we went. Fine.", "en",
	      "Mrs. Hale and Prof. Lin met Mt. Kenya's guide. | St. Ives was far... but we went. | Fine.",
	      "en: titles, St. at the start, an ellipsis going on in lower case");
	check("   Spaces around.   And more.  ", "en",
	      "Spaces around. | And more.", "en: spaces trimmed");
	check("Visit example.com today.It works.", "en",
	      "Visit example.com today. | It works.", "en: no space after the stop");
	check("I kept thinking . . . about the sea. It was over . . . The rain stopped.", "en",
	      "I kept thinking . . . about the sea. | It was over . . . | The rain stopped.",
	      "en: a spaced ellipsis goes on in lower case, ends before a capital");
	check("'Are you...?' she asked. He nodded.", "en",
	      "'Are you...?' she asked. | He nodded.",
	      "en: a quotation ending in ...? goes on in lower case");
	check("The bell rang clang! across the square. We ran.", "en",
	      "The bell rang clang! across the square. | We ran.",
	      "en: ! goes on in lower case");
	check("'I only wanted\u2014' 'Enough!' she said. \"Then\u2014\" He stopped.", "en",
	      "'I only wanted\u2014' | 'Enough!' she said. | \"Then\u2014\" | He stopped.",
	      "en: speech broken off by a dash ends before the next quotation or a capital");
	check("We landed at six A.M.\" \"So early?\" he asked. The plane . . .\" \"Yes.\"", "en",
	      "We landed at six A.M.\" | \"So early?\" he asked. | The plane . . .\" | \"Yes.\"",
	      "en: a quotation closed after an abbreviation or an ellipsis ends");
	check("No stop at the end", "en", "No stop at the end", "en: no stop");
	check("", "en", "", "empty text");
	{
		struct sentence *s = (struct sentence *)1;
		size_t n = segment_sentences("  ", 2, "en", &s);
		tap_int_eq((long long)n, 0, "only spaces: no sentence");
		free(s);
	}

	/* French */
	check("M. Dupont et Mme. Durand sont arriv\u00e9s. Ils parlent.", "fr",
	      "M. Dupont et Mme. Durand sont arriv\u00e9s. | Ils parlent.", "fr: M. Mme.");
	check("C\u00e9sar vint en 55 av. J.-C. Il vainquit.", "fr",
	      "C\u00e9sar vint en 55 av. J.-C. | Il vainquit.", "fr: av. J.-C.");
	check("Quoi\u00a0! tu pars d\u00e9j\u00e0\u00a0? Oui. Il dit\u00a0: \u00ab\u00a0Je reviens\u2026\u00a0\u00bb Puis rien.", "fr",
	      "Quoi\u00a0! tu pars d\u00e9j\u00e0\u00a0? | Oui. | Il dit\u00a0: \u00ab\u00a0Je reviens\u2026\u00a0\u00bb | Puis rien.",
	      "fr: ! goes on in lower case; a quotation closed after an ellipsis ends");
	check("Quoi\u202f? Il est parti\u202f! \u00ab\u00a0C'est fini.\u00a0\u00bb Oui.", "fr",
	      "Quoi\u202f? | Il est parti\u202f! | \u00ab\u00a0C'est fini.\u00a0\u00bb | Oui.",
	      "fr: spaced ? ! and guillemets");
	check("le taux est de 2,5 %. la hausse continue. fin", "fr",
	      "le taux est de 2,5 %. | la hausse continue. | fin", "fr: lower-case text still splits");

	check("\u00ab Au secours ! \u00bb cria-t-il. \u00ab Qui est l\u00e0 ? \u00bb Personne.", "fr",
	      "\u00ab Au secours ! \u00bb cria-t-il. | \u00ab Qui est l\u00e0 ? \u00bb | Personne.",
	      "fr: a quotation ending in ! goes on in lower case, one in capitals does not");
	check("Mme Roux, M. Blanc et Mlle Petit, etc. arriv\u00e8rent\u2026 puis partirent. Fin.", "fr",
	      "Mme Roux, M. Blanc et Mlle Petit, etc. arriv\u00e8rent\u2026 puis partirent. | Fin.",
	      "fr: Mme, M., Mlle, etc., an ellipsis going on");

	/* Chinese, simplified and traditional */
	check("\u4eca\u5929\u4e0b\u96e8\u3002\u6211\u4eec\u5728\u5bb6\uff01\u4f60\u5462\uff1f\u597d\u3002", "zh-Hans",
	      "\u4eca\u5929\u4e0b\u96e8\u3002 | \u6211\u4eec\u5728\u5bb6\uff01 | \u4f60\u5462\uff1f | \u597d\u3002",
	      "zh-Hans: \u3002\uff01\uff1f without spaces");
	check("\u4ed6\u8bf4\uff1a\u201c\u6211\u4eec\u540c\u610f\u3002\u201d\u7136\u540e\u8d70\u4e86\u3002", "zh-Hans",
	      "\u4ed6\u8bf4\uff1a\u201c\u6211\u4eec\u540c\u610f\u3002\u201d | \u7136\u540e\u8d70\u4e86\u3002",
	      "zh-Hans: closing quote stays");
	check("\u300c\u597d\u5417\uff1f\u300d\u4ed6\u554f\u3002\u300e\u597d\u3002\u300f\uff08\u5b8c\u3002\uff09\u7d50\u675f", "zh-Hant",
	      "\u300c\u597d\u5417\uff1f\u300d\u4ed6\u554f\u3002 | \u300e\u597d\u3002\u300f | \uff08\u5b8c\u3002\uff09 | \u7d50\u675f",
	      "zh-Hant: corner brackets and full-width parentheses stay");
	check("\u9054\u6210\u5171\u8b58\uff1b\u7b2c\u516b\u5c46\u8ad6\u58c7\u53ec\u958b\u3002 2013\u5e7410\u6708,ICANN\u7c3d\u7f72\u3002", "zh-Hant",
	      "\u9054\u6210\u5171\u8b58\uff1b | \u7b2c\u516b\u5c46\u8ad6\u58c7\u53ec\u958b\u3002 | 2013\u5e7410\u6708,ICANN\u7c3d\u7f72\u3002",
	      "zh-Hant: \uff1b ends a sentence, ASCII comma does not");
	check("\u201c\u6551\u547d\uff01\u201d\u4ed6\u558a\u9053\u3002\u6211\u4eec\u8dd1\u4e86\u3002", "zh-Hans",
	      "\u201c\u6551\u547d\uff01\u201d\u4ed6\u558a\u9053\u3002 | \u6211\u4eec\u8dd1\u4e86\u3002",
	      "zh-Hans: a quotation ending in \uff01 goes on");
	check("\u201c\u6551\u547d\uff01\u201d\u201c\u5feb\u6765\uff01\u201d\u4ed6\u558a\u9053\u3002", "zh-Hans",
	      "\u201c\u6551\u547d\uff01\u201d | \u201c\u5feb\u6765\uff01\u201d\u4ed6\u558a\u9053\u3002",
	      "zh-Hans: a quotation followed by another quotation ends");
	/* 他问道：“你去哪儿？”她摇了摇头。 The speech was reported before it. */
	check("\u4ed6\u95ee\u9053\uff1a\u201c\u4f60\u53bb\u54ea\u513f\uff1f\u201d\u5979\u6447\u4e86\u6447\u5934\u3002", "zh-Hans",
	      "\u4ed6\u95ee\u9053\uff1a\u201c\u4f60\u53bb\u54ea\u513f\uff1f\u201d | \u5979\u6447\u4e86\u6447\u5934\u3002",
	      "zh-Hans: a quotation introduced by \uff1a ends with its closing mark");
	/* 她说：“我…… 我不知道。”他笑了。 */
	check("\u5979\u8bf4\uff1a\u201c\u6211\u2026\u2026 \u6211\u4e0d\u77e5\u9053\u3002\u201d\u4ed6\u7b11\u4e86\u3002", "zh-Hans",
	      "\u5979\u8bf4\uff1a\u201c\u6211\u2026\u2026 \u6211\u4e0d\u77e5\u9053\u3002\u201d | \u4ed6\u7b11\u4e86\u3002",
	      "zh-Hans: an ellipsis inside a quotation does not end it");
	/* 喇叭响了：“嘀——嘀——”“咚——咚——”鼓也响了。 */
	check("\u5587\u53ed\u54cd\u4e86\uff1a\u201c\u5600\u2014\u2014\u5600\u2014\u2014\u201d\u201c\u549a\u2014\u2014\u549a\u2014\u2014\u201d\u9f13\u4e5f\u54cd\u4e86\u3002", "zh-Hans",
	      "\u5587\u53ed\u54cd\u4e86\uff1a\u201c\u5600\u2014\u2014\u5600\u2014\u2014\u201d | \u201c\u549a\u2014\u2014\u549a\u2014\u2014\u201d\u9f13\u4e5f\u54cd\u4e86\u3002",
	      "zh-Hans: a quotation broken off by a dash ends before the next one");
	check("\u771f\u7684\u5417?\u662f\u7684!\u597d", "zh-Hans",
	      "\u771f\u7684\u5417? | \u662f\u7684! | \u597d", "zh-Hans: ASCII ? ! after CJK");
	check("\u589e\u957f3.5%\u3002\u7f8e\u56fdU.S.\u7684\u5b98\u5458\u3002", "zh-Hans",
	      "\u589e\u957f3.5%\u3002 | \u7f8e\u56fdU.S.\u7684\u5b98\u5458\u3002", "zh-Hans: decimals and Latin inside");
	/* 他说：“我……没有。”完 / 他等着……没有人来。 */
	check("\u4ed6\u8bf4\uff1a\u201c\u6211\u2026\u2026\u6ca1\u6709\u3002\u201d\u5b8c", NULL,
	      "\u4ed6\u8bf4\uff1a\u201c\u6211\u2026\u2026\u6ca1\u6709\u3002\u201d | \u5b8c",
	      "guessed Chinese: an ellipsis inside a quotation does not end");
	check("\u4ed6\u7b49\u7740\u2026\u2026\u6ca1\u6709\u4eba\u6765\u3002", NULL,
	      "\u4ed6\u7b49\u7740\u2026\u2026 | \u6ca1\u6709\u4eba\u6765\u3002",
	      "guessed Chinese: an ellipsis in the narrative ends its sentence");
	/* 她问：“真的……”“是的……”他答道……然后走了。 */
	check("\u5979\u95ee\uff1a\u201c\u771f\u7684\u2026\u2026\u201d\u201c\u662f\u7684\u2026\u2026\u201d\u4ed6\u7b54\u9053\u3002", "zh-Hans",
	      "\u5979\u95ee\uff1a\u201c\u771f\u7684\u2026\u2026\u201d | \u201c\u662f\u7684\u2026\u2026\u201d\u4ed6\u7b54\u9053\u3002",
	      "zh-Hans: speech trailing off ends before the next quotation, goes on to its report");
	check("Mixed \u6587\u5b57. Next one.", NULL, "Mixed \u6587\u5b57. | Next one.", "guessed: mixed text");
	/* Arbitrary bytes: sentences stay inside the text, in order, never empty. */
	{
		static const char *const pieces[] = { ".", "!", "?", "\u3002", "\uff1f", " ", "\u00a0",
			"a", "Mr", "U.S", "3", "\u201d", "\"", "\u300d", "\xff", "\xe3\x80", "\n", "\u2026",
			"\u4e2d", "J", ";", "\uff1b", ")", "\u00bb", "\u201c", "\u2014", ". . .", "\uff1a", "'" };
		unsigned long seed = 12345;
		bool good = true;
		for (int round = 0; round < 2000 && good; round++) {
			char text[256];
			size_t n = 0;
			while (n < 200) {
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				const char *p = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
				memcpy(text + n, p, strlen(p));
				n += strlen(p);
			}
			struct sentence *v;
			size_t k = segment_sentences(text, n, round % 2 ? "zh-Hans" : NULL, &v);
			size_t last = 0;
			for (size_t i = 0; i < k; i++) {
				good &= v[i].start >= last && v[i].start < v[i].end && v[i].end <= n;
				last = v[i].end;
			}
			free(v);
		}
		tap_ok(good, "arbitrary bytes: sentences inside the text, in order, not empty");
	}
	return tap_done();
}
