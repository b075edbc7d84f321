# cli_conventions.sh: the command line as grep, git and ls users expect it:
# every exit status (0 found, 1 nothing found or an error in the input, 2 a
# usage error, an option the command does not take included), IDs shortened
# to a unique prefix (an ambiguous one lists the candidates, an unknown one
# suggests the nearest), the same file given twice read once with a warning,
# list's columns padded by their width on screen (CJK IDs included), and one
# notation for inferred dates and languages.
. "$TOP_SRCDIR/tests/lib.sh"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# status WANT DESCRIPTION CMD...: one check of CMD's exit status.
status() {
	want=$1 what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ]
	ok $? "$what: exit $want (got $got)"
}

# Exit statuses.
status 0 "list" "$ANNALS" list
status 0 "show ID" "$ANNALS" show 004_6c29ca260aaaa5ff
status 0 "search with matches" "$ANNALS" search CNCERT
status 1 "search with no match" "$ANNALS" search zzzqqqxx
status 1 "search --json with no match" "$ANNALS" --json search zzzqqqxx
status 0 "timeline" "$ANNALS" timeline
status 0 "timeline --year with events" "$ANNALS" timeline --year=2015
status 1 "timeline --year with no event" "$ANNALS" timeline --year=1999
status 1 "show an unknown ID" "$ANNALS" show nosuchid
status 2 "list --year: an option list does not take" "$ANNALS" list --year=2015
check "  named in the message" grep -qF "'list' does not take the option '--year'" "$tmp/err"
status 2 "show --tsv" "$ANNALS" show 004 --tsv
status 2 "list --groups" "$ANNALS" list --groups
status 2 "search --year" "$ANNALS" --year=2020 search CNCERT
status 2 "reindex --json" "$ANNALS" --json reindex
status 2 "an unknown option" "$ANNALS" list --nosuch
status 2 "an unknown command" "$ANNALS" nosuch
status 2 "show without an ID" "$ANNALS" show
status 2 "search with an empty query" "$ANNALS" search ""
status 1 "an unreadable collection" "$ANNALS" -C "$tmp/none" list

# IDs: a unique prefix is enough.
"$ANNALS" show 004 >"$tmp/out" 2>"$tmp/err"
ok $? "show 004: a unique prefix is enough"
head -n 1 "$tmp/out" | grep -qF "China’s Effort"
ok $? "  and shows that article"
"$ANNALS" --json show 00 >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ]
ok $? "show 00: ambiguous, exit 1"
grep -qF "ID '00' is ambiguous: 5 articles start with it:" "$tmp/err"
ok $? "  says so"
[ "$(grep -c '^  00[0-4]_' "$tmp/err")" -eq 5 ]
ok $? "  and lists the five candidates"
test ! -s "$tmp/out"
ok $? "  with nothing on stdout"
"$ANNALS" show 004_6c29ca260aaaa5fx >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ]
ok $? "a mistyped ID: exit 1"
grep -qF "did you mean '004_6c29ca260aaaa5ff'?" "$tmp/err"
ok $? "  suggests the nearest"
"$ANNALS" show zzz >"$tmp/out" 2>"$tmp/err"
grep -qF "no article with ID 'zzz'" "$tmp/err" && ! grep -qF "did you mean" "$tmp/err"
ok $? "an ID like none: no suggestion"
"$ANNALS" parallel 004@en 004@zh-Hant >"$tmp/out" 2>"$tmp/err"
ok $? "parallel takes prefixes too (004@en 004@zh-Hant)"
LANGUAGE=fr "$ANNALS" show 00 2>"$tmp/err" >/dev/null
grep -qF "l’ID « 00 » est ambigu" "$tmp/err"
ok $? "the ambiguity said in French"

# The same file twice: read once, with a warning.
mkdir -p "$tmp/col"
printf 'Harbour days\n\nOn 3 March 2016 the boats left at dawn.\n' > "$tmp/col/harbour.txt"
printf '港口的一天\n\n2018年3月1日，船只在清晨出发。\n' > "$tmp/col/港口.txt"
"$ANNALS" -C "$tmp/col/harbour.txt" -C "$tmp/col/../col/harbour.txt" list >"$tmp/out" 2>"$tmp/err"
ok $? "the same file given twice: exit 0"
[ "$(wc -l <"$tmp/out")" -eq 1 ]
ok $? "  listed once"
grep -qF "given more than once; read once" "$tmp/err"
ok $? "  with a warning"

# list pads its columns by width on screen: the CJK ID and the Latin one end
# in the same column.
"$ANNALS" -C "$tmp/col" list >"$tmp/out" 2>"$tmp/err"
c1=$(grep -F "Harbour days" "$tmp/out" | sed 's/Harbour days.*//' | wc -L)
c2=$(grep -F "港口的一天" "$tmp/out" | sed 's/港口的一天.*//' | wc -L)
[ "$c1" -eq "$c2" ] && [ "$c1" -gt 0 ]
ok $? "list: titles start in the same column after a CJK ID ($c1, $c2)"

# One notation: ~ in front of a worked-out date, in list, show and timeline;
# languages joined with + everywhere.
printf 'Quay notes\n\nIn March the quay was rebuilt.\n' > "$tmp/col/quay.txt"
"$ANNALS" -C "$tmp/col" list >"$tmp/out" 2>/dev/null
grep -q '^ 20[0-9-]*  ' "$tmp/out"
ok $? "list: a stated date has a space where ~ would be"
"$ANNALS" list | grep -q '^~2015-12-01  en+zh-Hant  004'
ok $? "list: ~ in front of an inferred date, languages joined with +"
"$ANNALS" timeline | grep -q '^~2015-05     en+zh-Hant  004_6c29ca260aaaa5ff ¶'
ok $? "timeline: the same ~ and the same languages"
"$ANNALS" show 004 | sed -n 2p | grep -q '^~2015-12-01  en+zh-Hant'
ok $? "show: the same"
"$ANNALS" --json list | grep -q '"inferred": true'
ok $? "list --json says inferred"
"$ANNALS" --json show 004 | grep -q '"inferred": true'
ok $? "show --json says inferred"
"$ANNALS" --json show 003 | grep -q '"inferred": false'
ok $? "  and false for a stated date"

# timeline: whole sentences when stdout is no terminal; JSON never cuts.
COLUMNS=40 "$ANNALS" timeline >"$tmp/out"
[ "$(wc -L <"$tmp/out")" -gt 40 ]
ok $? "timeline into a pipe: sentences not cut to COLUMNS"

done_testing
