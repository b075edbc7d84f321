#!/bin/sh
# groups_cli.sh: `annals timeline --groups`, as text and as JSON, on the
# trilingual fixture of tests/fixtures/group: one line per happening with its
# languages and articles, the line in the reading language, the JSON shape of
# DESIGN.md §3, --year.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
G="$FIXTURES/group"

COLUMNS=200 "$ANNALS" -C "$G" --ui-lang=en timeline --groups >"$tmp/text" 2>"$tmp/err"; ok $? "timeline --groups exits 0"
test ! -s "$tmp/err"; ok $? "timeline --groups: nothing on stderr"
test "$(wc -l <"$tmp/text")" -eq 9; ok $? "timeline --groups: nine happenings, one line each"
grep -q '^2013-05-12   \[en\]\[fr\]\[zh-Hans\]  harbour.en harbour.fr harbour.zh  On 12 May 2013, Guo Shengkun' "$tmp/text"
ok $? "timeline --groups: date, languages, articles, the English line"
test "$(grep -c '^2013-10 ' "$tmp/text")" -eq 3; ok $? "timeline --groups: three happenings of October 2013 stay three"
grep -q '^2013-11-20   \[en\]\[fr\]  museum.en museum.fr ' "$tmp/text"; ok $? "timeline --groups: Lisbon and Lisbonne, one happening"
COLUMNS=200 "$ANNALS" -C "$G" --ui-lang=fr timeline --groups >"$tmp/fr"
grep -q '^2013-05-12 .*  Le 12 mai 2013, Guo Shengkun' "$tmp/fr"; ok $? "timeline --groups: the French line for a French reader"
COLUMNS=200 "$ANNALS" -C "$G" --ui-lang=zh_CN timeline --groups >"$tmp/zh"
grep -q '^2014-01 .*  维也纳的专家' "$tmp/zh"; ok $? "timeline --groups: the Chinese line for a Chinese reader"
grep -q '^2013-11-20 .*  On 20 November 2013' "$tmp/zh"; ok $? "timeline --groups: the first report where the reading language has none"
COLUMNS=40 "$ANNALS" -C "$G" timeline --groups >"$tmp/narrow"
test "$(wc -L <"$tmp/narrow")" -le 40; ok $? "timeline --groups: lines never pass the width"

"$ANNALS" -C "$G" --json timeline --groups >"$tmp/all.json"; ok $? "timeline --groups --json exits 0"
test "$(grep -c '"group":' "$tmp/all.json")" -eq 9; ok $? "timeline --groups --json: nine happenings"
test "$(grep -c '"article":' "$tmp/all.json")" -eq 22; ok $? "timeline --groups --json: twenty-two reports"
tr -d ' \n' <"$tmp/all.json" | grep -q '{"group":2,"date":"2013-05-12","precision":"day","reports":\[{"article":"harbour.en","paragraph":1,"lang":"en","text":"On12May2013,GuoShengkunvisitedthesiteandmettheengineers."},{"article":"harbour.fr"'
ok $? "timeline --groups --json: the contract's shape"
"$ANNALS" -C "$G" --json timeline --groups --year=2014 >"$tmp/y.json"; ok $? "timeline --groups --year=2014 exits 0"
test "$(grep -c '"group":' "$tmp/y.json")" -eq 1 && grep -q '"date": "2014-01"' "$tmp/y.json"; ok $? "timeline --groups --year=2014: one happening, of 2014"
test "$("$ANNALS" -C "$G" --json timeline --groups --year=1999 | tr -d ' \n')" = '[]'; ok $? "timeline --groups --year with none: an empty array"

# A week or a decade is listed at its own precision, not as its first day or year.
mkdir "$tmp/periods"
printf -- '---\ntitle: Ferries\ndate: 2019-06-13\nlang: en\n---\n\nThe ferry line carried few riders last week.\n\nIts boats were built in the 1960s.\n' >"$tmp/periods/ferry.md"
"$ANNALS" -C "$tmp/periods" --json timeline --groups | tr -d ' \n' >"$tmp/p.json"
grep -q '"date":"2019-06-03","precision":"week"' "$tmp/p.json"; ok $? "timeline --groups --json: a week reads as a week"
grep -q '"date":"1960","precision":"decade"' "$tmp/p.json"; ok $? "timeline --groups --json: a decade reads as a decade"
# The part of a year is recorded in timeline --json.
printf -- '---\ntitle: Fares\ndate: 2019-06-13\nlang: en\n---\n\nFares rose in late 2016.\n' >"$tmp/periods/fares.md"
"$ANNALS" -C "$tmp/periods" --json timeline | tr -d ' \n' >"$tmp/t.json"
grep -q '"date":"2016",.*"precision":"year","part":"late"' "$tmp/t.json"; ok $? "timeline --json: late 2016 is the late part of 2016"
done_testing
