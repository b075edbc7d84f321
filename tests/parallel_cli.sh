#!/bin/sh
# parallel_cli.sh: `annals parallel A B` on the bundled bilingual article (its
# English and traditional Chinese parts) and on the parallel fixtures: the two
# columns, the JSON shape of DESIGN.md §3, --tsv, and the errors.
. "$TOP_SRCDIR/tests/lib.sh"
CHECK="$TOP_BUILDDIR/tests/json_check"
EN=004_6c29ca260aaaa5ff@en
ZH=004_6c29ca260aaaa5ff@zh-Hant
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

COLUMNS=60 "$ANNALS" parallel "$EN" "$ZH" >"$tmp/text" 2>"$tmp/err"; ok $? "parallel exits 0"
test ! -s "$tmp/err"; ok $? "parallel: no warning for a translation"
test "$(wc -L <"$tmp/text")" -le 60; ok $? "text: no line wider than COLUMNS=60"
test "$(wc -L <"$tmp/text")" -ge 50; ok $? "text: the width is used"
grep -q '^October 2013, ICANN, IETF.* │ 2013年10月,ICANN' "$tmp/text"; ok $? "text: the October 2013 pair side by side"
grep -q '^─*┼─*$' "$tmp/text"; ok $? "text: a rule between pairs"
grep -q ' │ 近年來' "$tmp/text"; ok $? "text: the Chinese side in the right column"

"$ANNALS" parallel --json "$EN" "$ZH" >"$tmp/json"; ok $? "parallel --json exits 0"
"$CHECK" parallel <"$tmp/json" >"$tmp/json.tsv"; ok $? "--json: an array of {a, b} strings"
grep -q '^October 2013, ICANN, IETF, W3C.*	2013年10月,ICANN、IETF、W3C' "$tmp/json.tsv"; ok $? "--json: October 2013 pairs with 2013年10月"
grep -q '^December 1, State Councilor.*	12月1日,國務委員' "$tmp/json.tsv"; ok $? "--json: December 1 pairs with 12月1日"
grep -q '^In recent years, the world.*	近年來' "$tmp/json.tsv"; ok $? "--json: the paragraph's first sentences pair"
grep -q '^The present era.*	$' "$tmp/json.tsv"; ok $? "--json: an English sentence without counterpart has an empty b"
first_ch=$(grep -n '	近年來' "$tmp/json.tsv" | cut -d: -f1)
last_ch=$(grep -n '	12月1日' "$tmp/json.tsv" | cut -d: -f1)
test -n "$first_ch" && test -n "$last_ch" && test "$first_ch" -lt "$last_ch"; ok $? "--json: pairs in reading order"

"$ANNALS" parallel --tsv "$EN" "$ZH" >"$tmp/tsv"; ok $? "parallel --tsv exits 0"
cmp -s "$tmp/tsv" "$tmp/json.tsv"; ok $? "--tsv: the same pairs as --json"
awk -F '	' 'NF != 2 { bad = 1 } END { exit bad }' "$tmp/tsv"; ok $? "--tsv: one tab a line"
"$ANNALS" --tsv parallel "$EN" "$ZH" | cmp -s - "$tmp/tsv"; ok $? "--tsv: options before the command"
"$ANNALS" parallel --tsv "$ZH" "$EN" | awk -F '	' '{ print $2 "	" $1 }' | cmp -s - "$tmp/tsv"; ok $? "swapped sides give the same pairs, swapped"

# Two articles: the fixtures in English and French, then a related text.
P="$FIXTURES/parallel"
"$ANNALS" -C "$P/forum.en.txt" -C "$P/forum.fr.txt" parallel --tsv forum.en forum.fr >"$tmp/enfr" 2>"$tmp/err"; ok $? "two articles: exits 0"
test "$(wc -l <"$tmp/enfr")" -ge 28; ok $? "two articles: about one pair a sentence"
grep -q 'Norda Systems, had been warned in January.	Le fabricant, Norda Systems, avait été prévenu en janvier.' "$tmp/enfr"; ok $? "two articles: a pair"
"$ANNALS" -C "$P/forum.en.txt" -C "$P/related.fr.txt" parallel --json forum.en related.fr >"$tmp/rel" 2>"$tmp/err"; ok $? "related texts: exits 0"
grep -q 'do not translate each other' "$tmp/err"; ok $? "related texts: said so on stderr"
"$CHECK" parallel <"$tmp/rel" | grep -q 'ENISA.*	.*ENISA'; ok $? "related texts: paired on a shared name"
"$ANNALS" -C "$P/forum.en.txt" -C "$TOP_SRCDIR/data/collection" parallel --tsv forum.en 003_b652dcd5a69fc392 >"$tmp/unrel" 2>"$tmp/err"; ok $? "unrelated texts: exits 0"
awk -F '	' '$1 != "" && $2 != "" { bad = 1 } END { exit bad }' "$tmp/unrel"; ok $? "unrelated texts: no pair (\"He said\" and \"He hopes\" share no name)"

# Hostile bytes (an escape sequence, invalid UTF-8, a tab) never reach the output raw.
mkdir "$tmp/hostile"
printf 'Title one\n\nA first \033[31mred\033[0m sentence.\tA second \377 one.\n' >"$tmp/hostile/h1.txt"
printf 'Title two\n\nUne premi\303\250re \033]0;x\007phrase. Une seconde.\n' >"$tmp/hostile/h2.txt"
"$ANNALS" -C "$tmp/hostile" parallel h1 h2 >"$tmp/h.text" 2>/dev/null; ok $? "hostile: exits 0"
! grep -q "$(printf '\033')" "$tmp/h.text"; ok $? "hostile: no escape byte in the columns"
"$ANNALS" -C "$tmp/hostile" parallel --json h1 h2 2>/dev/null | "$CHECK" parallel >/dev/null; ok $? "hostile: --json keeps its shape"
"$ANNALS" -C "$tmp/hostile" parallel --tsv h1 h2 2>/dev/null | awk -F '	' 'NF != 2 { bad = 1 } END { exit bad }'; ok $? "hostile: --tsv keeps two columns"

"$ANNALS" parallel nosuchid "$ZH" >"$tmp/out" 2>"$tmp/err"; test $? -eq 1; ok $? "unknown ID: exit 1"
grep -q "^annals: .*nosuchid" "$tmp/err"; ok $? "unknown ID: named on stderr"
test ! -s "$tmp/out"; ok $? "unknown ID: nothing on stdout"
"$ANNALS" parallel "$EN" nosuch@en 2>"$tmp/err"; test $? -eq 1; ok $? "unknown ID before @: exit 1"
"$ANNALS" parallel "$EN" 004_6c29ca260aaaa5ff@fr >/dev/null 2>"$tmp/err"; test $? -eq 1; ok $? "unknown language: exit 1"
grep -q "^annals: .*'fr'" "$tmp/err"; ok $? "unknown language: named on stderr"
"$ANNALS" parallel "$EN" >/dev/null 2>&1; test $? -eq 2; ok $? "one argument: usage error"

# The dictionaries the alignment of English with French reads, named by --version
# whether or not they are installed.
"$ANNALS" --version | grep -q '^FreeDict English-French dictionaries: '; ok $? "--version names the FreeDict dictionaries"
done_testing
