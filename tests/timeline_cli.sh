#!/bin/sh
# timeline_cli.sh: `annals timeline`, as JSON and as text, with and without
# --year, on the bundled collection: the shape of DESIGN.md §3, the order, one
# text line per group with its languages' badges, the width, the exit codes.
. "$TOP_SRCDIR/tests/lib.sh"
CHECK="$TOP_BUILDDIR/tests/json_check"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$ANNALS" timeline --json >"$tmp/all.json" 2>"$tmp/err"; ok $? "timeline --json exits 0"
test ! -s "$tmp/err"; ok $? "timeline --json: nothing on stderr"
"$CHECK" timeline <"$tmp/all.json" >"$tmp/all.tsv"; ok $? "timeline --json has the contract's shape, sorted by date"
test "$(wc -l <"$tmp/all.tsv")" -eq 33; ok $? "timeline --json: thirty-three events"
head -n 1 "$tmp/all.tsv" | grep -q '^2013-10	2013	004_6c29ca260aaaa5ff	2	en	1	false	October 2013, ICANN'
ok $? "timeline --json: the first event, stated, in group 1"
grep -q '^2015-05	2015	004_6c29ca260aaaa5ff	2	en	[0-9]*	true	In the same month, Russia and China signed' "$tmp/all.tsv"
ok $? "timeline --json: the same month after May, inferred as 2015"
ru_en=$(awk -F '\t' '$8 ~ /^In the same month, Russia/ { print $6 }' "$tmp/all.tsv")
ru_zh=$(awk -F '\t' '$8 ~ /^同月,俄羅斯/ { print $6 }' "$tmp/all.tsv")
test -n "$ru_en" && test "$ru_en" = "$ru_zh"; ok $? "timeline --json: English and Chinese accounts share a group"
grep -q '^2019-10-22	2019	003_b652dcd5a69fc392	1	en	[0-9]*	true	At the sixth World Internet Conference' "$tmp/all.tsv"
ok $? "timeline --json: 'closed Tuesday' is the Tuesday before the dateline"
! grep -q 'HANGZHOU' "$tmp/all.tsv"; ok $? "timeline --json: the dateline is no event"
! awk -F '\t' '$1 == "2015" || $1 == "2020"' "$tmp/all.tsv" | grep -q .; ok $? "timeline --json: ranges and names make no events"

"$ANNALS" --json timeline --year=2015 >"$tmp/y.json"; ok $? "timeline --year=2015 --json exits 0"
"$CHECK" timeline <"$tmp/y.json" >"$tmp/y.tsv"; ok $? "timeline --year: the same shape"
test "$(wc -l <"$tmp/y.tsv")" -eq 16; ok $? "timeline --year=2015: sixteen events"
test "$(cut -f 2 "$tmp/y.tsv" | sort -u)" = 2015; ok $? "timeline --year=2015: only 2015"
grep '	2015	' "$tmp/all.tsv" | cmp -s - "$tmp/y.tsv"; ok $? "timeline --year=2015: the same events as the full list"

out=$("$ANNALS" timeline --year=1999 2>"$tmp/err"); test $? -eq 1; ok $? "timeline --year with no events exits 1, as grep"
grep -q "no events in 1999" "$tmp/err"; ok $? "timeline --year with no events says so on stderr"
test -z "$out"; ok $? "timeline --year with no events prints nothing"
test "$("$ANNALS" timeline --year=1999 --json 2>/dev/null | tr -d ' \n')" = '[]'; ok $? "timeline --year with no events: an empty JSON array"
"$ANNALS" timeline --year=abc >/dev/null 2>&1; test $? -eq 2; ok $? "timeline --year=abc is a usage error"
"$ANNALS" timeline extra >/dev/null 2>&1; test $? -eq 2; ok $? "timeline with an argument is a usage error"

COLUMNS=80 "$ANNALS" timeline >"$tmp/text"; ok $? "timeline exits 0"
test "$(wc -l <"$tmp/text")" -eq 21; ok $? "timeline: one line per group (twenty-one)"
head -n 1 "$tmp/text" | grep -q '^ 2013-10     en+zh-Hant  004_6c29ca260aaaa5ff ¶[0-9]*  October 2013, ICANN'; ok $? "timeline: date, badges of every language, the ID and ¶, the first member's text"
grep -q '^~2015-05     en+zh-Hant  004_6c29ca260aaaa5ff ¶[0-9]*  In the same month, Russia' "$tmp/text"; ok $? "timeline: an inferred date is marked ~ in front, as in the browser"
grep -q '^ 2024-09-11  fr  002_093f0cd005542350 ¶[0-9]*  le 11 septembre 2024' "$tmp/text"; ok $? "timeline: a single-language event"
test "$(wc -L <"$tmp/text")" -gt 80; ok $? "timeline: not a terminal: whole sentences, whatever COLUMNS says"
"$ANNALS" --json timeline >"$tmp/all2.json"
jq -r '.[0].text' "$tmp/all2.json" 2>/dev/null > "$tmp/t0" || true
if command -v jq >/dev/null 2>&1; then
	grep -qF "$(head -c 60 "$tmp/t0")" "$tmp/text"; ok $? "timeline: the text line holds the sentence JSON holds"
fi
COLUMNS=30 "$ANNALS" timeline --year=2019 >"$tmp/narrow"; ok $? "timeline, COLUMNS=30"
test "$(wc -l <"$tmp/narrow")" -eq 2 && test "$(wc -L <"$tmp/narrow")" -gt 30; ok $? "timeline into a file: COLUMNS=30 cuts nothing"
done_testing
