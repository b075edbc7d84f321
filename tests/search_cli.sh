# search_cli.sh: `annals search` on the bundled collection, as a user runs it.
. "$TOP_SRCDIR/tests/lib.sh"

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

# The distinct article IDs of the text output, space-separated.
ids() {
	"$ANNALS" search "$@" 2>/dev/null | awk '{print $1}' | sort -u | tr '\n' ' '
}

# Accents and case do not matter.
check "cybersecurite finds the French article" test "$(ids cybersecurite)" = "002_093f0cd005542350 "
"$ANNALS" search cybersecurite >"$out" 2>"$err"
ok $? "search exits 0"
check "each line shows the accented word" test "$(grep -c 'cybersécurité' "$out")" -eq "$(wc -l <"$out")"
check "six matches of cybersécurité: the title and five in the text" test "$(wc -l <"$out")" -eq 6
check "lines read ID ¶N  snippet" grep -q '^002_093f0cd005542350 ¶[0-9]*  mao ning : la cybersécurité' "$out"
check "the title's match first, said so" test "$(head -n 1 "$out" | cut -d' ' -f2)" = "title"
check "paragraphs counted from ¶1, as in the browser" test "$(sed -n 2p "$out" | cut -d' ' -f2)" = "¶1"
check "CYBERSÉCURITÉ finds the same" test "$(ids CYBERSÉCURITÉ)" = "002_093f0cd005542350 "
check "CNCERT finds 000 and 001" test "$(ids CNCERT)" = "000_57b86d4df9855b08 001_b00b5af80d2634d6 "
check "cncert finds the same" test "$(ids cncert)" = "000_57b86d4df9855b08 001_b00b5af80d2634d6 "
check "full-width ＣＮＣＥＲＴ finds the same" test "$(ids ＣＮＣＥＲＴ)" = "000_57b86d4df9855b08 001_b00b5af80d2634d6 "

# Simplified and traditional Chinese find each other.
check "网络安全 finds 001 and 004" test "$(ids 网络安全)" = "001_b00b5af80d2634d6 004_6c29ca260aaaa5ff "
check "網絡安全 finds 001 and 004" test "$(ids 網絡安全)" = "001_b00b5af80d2634d6 004_6c29ca260aaaa5ff "
"$ANNALS" search 网络安全 >"$out" 2>/dev/null
check "traditional text is shown as it is written" grep -q '^004_6c29ca260aaaa5ff ¶[0-9]*  .*網絡安全' "$out"

# Phrases and several words.
check "a phrase must be adjacent" test "$(ids '"cyber security"')" = "000_57b86d4df9855b08 "
check "unquoted words join into one query" test "$(ids cyber china)" = "000_57b86d4df9855b08 003_b652dcd5a69fc392 004_6c29ca260aaaa5ff "
check "all the words must occur" test -z "$(ids cncert cybersecurite)"

# Lines fit the output width.
COLUMNS=40 "$ANNALS" search international >"$out" 2>/dev/null
check "matches found" test -s "$out"
check "lines fit 40 columns" test "$(wc -L <"$out")" -le 40

# JSON.
"$ANNALS" --json search cybersecurite >"$out" 2>"$err"
ok $? "--json exits 0"
check "JSON is an array" test "$(head -c1 "$out")" = "["
check "JSON has six objects" test "$(grep -c '"article": "002_093f0cd005542350"' "$out")" -eq 6
check "JSON: the title's match is paragraph -1" grep -q '"paragraph": -1,' "$out"
check "JSON paragraph is an integer" grep -q '"paragraph": [0-9][0-9]*,' "$out"
check "JSON paragraphs are 0-based: the text's ¶1 is 0" grep -q '"paragraph": 0,' "$out"
check "JSON snippet holds the match" grep -q '"snippet": "mao ning : la cybersécurité' "$out"
check "JSON start and length in bytes" grep -q '"length": 15' "$out"
check "JSON: nothing on stderr" test ! -s "$err"
if command -v jq >/dev/null 2>&1; then
	check "JSON shape (jq)" jq -e 'length == 6 and all(.[]; (.article|type) == "string" and (.paragraph|type) == "number" and (.snippet|type) == "string" and (.start|type) == "number" and (.length|type) == "number")' "$out"
	"$ANNALS" --json show 002_093f0cd005542350 >"$err.show" 2>/dev/null
	first=$(jq -r '.[1] | "\(.paragraph) \(.start) \(.length)"' "$out")
	set -- $first
	check "start and length cover the match in the paragraph" test "$(jq -r --argjson p "$1" '.body[$p].text' "$err.show" | head -c $(($2 + $3)) | tail -c "$3")" = "cybersécurité"
	rm -f "$err.show"
fi

# No match; empty query.
"$ANNALS" search zzzqqqxx >"$out" 2>"$err"
check "no match exits 1, as grep" test $? -eq 1
check "no match prints nothing" test ! -s "$out"
check "no match says so on stderr" grep -q 'no matches' "$err"
"$ANNALS" --json search zzzqqqxx >"$out" 2>/dev/null
check "no match in JSON: exit 1" test $? -eq 1
check "no match in JSON is []" test "$(tr -d ' \n' <"$out")" = "[]"
"$ANNALS" search "" >"$out" 2>"$err"
check "empty query is a usage error" test $? -eq 2
check "empty query explained" grep -q 'empty' "$err"
"$ANNALS" search '  ""  ' >/dev/null 2>&1
check "a query of spaces and quotes is empty too" test $? -eq 2

done_testing
