#!/bin/sh
# cli_list_show.sh: `annals list` and `annals show`, as text and as JSON, on the
# bundled collection: the shapes of DESIGN.md §3, the order, the exit codes.
. "$TOP_SRCDIR/tests/lib.sh"
CHECK="$TOP_BUILDDIR/tests/json_check"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$ANNALS" list >"$tmp/list" 2>"$tmp/err"; ok $? "list exits 0"
test ! -s "$tmp/err"; ok $? "list: no warnings on the bundled collection"
test "$(wc -l <"$tmp/list")" -eq 5; ok $? "list: five lines"
head -n 1 "$tmp/list" | grep -q '^~2015-12-01 .*004_6c29ca260aaaa5ff  China’s Effort'; ok $? "list: oldest first"
tail -n 1 "$tmp/list" | grep -q '^ 2024-09-12 .*fr .*002_093f0cd005542350  la chine'; ok $? "list: newest last"
grep -q 'en+zh-Hant' "$tmp/list"; ok $? "list: a bilingual article shows both languages"

"$ANNALS" list --json >"$tmp/list.json"; ok $? "list --json exits 0"
"$CHECK" list <"$tmp/list.json" >"$tmp/list.tsv"; ok $? "list --json has the contract's shape"
cat >"$tmp/want" <<'W'
004_6c29ca260aaaa5ff	2015-12-01	en	en+zh-Hant	4	China’s Effort at network security has become a major trend of international cooperation
003_b652dcd5a69fc392	2019-10-24	en	en	10	China Focus: Experts call for joint efforts to build a safer cyberspace
000_57b86d4df9855b08	2021-11-03	en	en	6	2021 CNCERT International Partner Africa Regional Video Conference Successfully Held
001_b00b5af80d2634d6	2022-12-22	zh-Hans	zh-Hans	10	2022年CNCERT国际合作伙伴视频会议成功举办
002_093f0cd005542350	2024-09-12	fr	fr	3	la chine et l'afrique renforceront leur coopération dans le domaine de la cybersécurité, a répondu le ministère des affaires étrangères
W
diff "$tmp/want" "$tmp/list.tsv" >&2; ok $? "list --json: ids, dates, languages, counts, titles"
"$ANNALS" --json list >"$tmp/list2.json"; cmp -s "$tmp/list.json" "$tmp/list2.json"; ok $? "options before or after the command"

"$ANNALS" show 003_b652dcd5a69fc392 >"$tmp/show"; ok $? "show exits 0"
head -n 1 "$tmp/show" | grep -q '^China Focus: Experts call'; ok $? "show: the title first"
sed -n 2p "$tmp/show" | grep -q '^2019-10-24  en  Xinhua$'; ok $? "show: date, language, source"
grep -q '^HANGZHOU, Oct. 24 (Xinhua)' "$tmp/show"; ok $? "show: the body"
! grep -q 'Video Player' "$tmp/show"; ok $? "show: no furniture"
"$ANNALS" show 004_6c29ca260aaaa5ff | sed -n 2p | grep -q '^~2015-12-01 '; ok $? "show: an inferred date is marked ~ in front, as in list and the browser"

"$ANNALS" show --json 001_b00b5af80d2634d6 >"$tmp/show.json"; ok $? "show --json exits 0"
"$CHECK" show <"$tmp/show.json" >"$tmp/show.tsv"; ok $? "show --json has the contract's shape"
sed -n 2p "$tmp/show.tsv" | grep -q '^image	zh-Hans	cover_image$'; ok $? "show --json: an image is its alt text, in no interface language"
"$ANNALS" show 001_b00b5af80d2634d6 | grep -qx '\[image: cover_image\]'; ok $? "show: the image labelled in the interface language"
sed -n 4p "$tmp/show.tsv" | grep -q '^text	zh-Hans	2022年12月14日，由国家计算机网络'; ok $? "show --json: first text paragraph"
! grep -q '微信扫一扫' "$tmp/show.tsv"; ok $? "show --json: no WeChat furniture"
"$ANNALS" show --json 004_6c29ca260aaaa5ff | "$CHECK" show | tail -n 1 | grep -q '^text	zh-Hant	近年來'; ok $? "show --json: paragraph languages"

for id in 000_57b86d4df9855b08 001_b00b5af80d2634d6 002_093f0cd005542350 003_b652dcd5a69fc392 004_6c29ca260aaaa5ff; do
	"$ANNALS" show --json "$id" | "$CHECK" show >/dev/null; ok $? "show --json $id: shape"
done

"$ANNALS" show no_such_id >"$tmp/out" 2>"$tmp/err"; test $? -eq 1; ok $? "show: unknown id exits 1"
grep -q "^annals: .*no_such_id" "$tmp/err"; ok $? "show: unknown id is named on stderr"
test ! -s "$tmp/out"; ok $? "show: nothing on stdout for an unknown id"
"$ANNALS" show >/dev/null 2>&1; test $? -eq 2; ok $? "show without an id exits 2"
"$ANNALS" list extra >/dev/null 2>&1; test $? -eq 2; ok $? "list with an argument exits 2"
"$ANNALS" --no-such-option list >/dev/null 2>&1; test $? -eq 2; ok $? "unknown option exits 2"
"$ANNALS" -C "$FIXTURES/ingest/json/many.json" list --json 2>"$tmp/err" | "$CHECK" list >"$tmp/many"; ok $? "list --json on a JSON collection"
cut -f1 "$tmp/many" | tr '\n' ' ' | grep -q '^many#1 many#3 $'; ok $? "JSON records get #N ids"
grep -q "many.json:3: record without text" "$tmp/err"; ok $? "the skipped record is warned about"
done_testing
