#!/bin/sh
# bad_input.sh: what annals does with input that is wrong: a missing path, an
# empty folder, an unreadable file, a binary file, invalid JSON, a record
# without text, a 5 MB single-line file, NUL bytes, an oversized file. The
# good files next to the bad ones always load. Files are created here, in a
# temporary folder, not kept in git.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
good="$TOP_SRCDIR/data/collection/003_b652dcd5a69fc392.txt"

# A missing path: exit 1, the path named.
"$ANNALS" -C "$tmp/missing" list >"$tmp/out" 2>"$tmp/err"; test $? -eq 1; ok $? "missing path exits 1"
grep -q "^annals: $tmp/missing: cannot read: No such file or directory" "$tmp/err"; ok $? "missing path is named"
"$ANNALS" -C "$tmp/missing" -C "$good" list >"$tmp/out" 2>"$tmp/err"; ok $? "a missing path next to a good one: exit 0"
test "$(wc -l <"$tmp/out")" -eq 1; ok $? "  and the good one is listed"

# An empty folder: readable, but no article in it: an error in the input, as
# when nothing is readable.
mkdir "$tmp/empty"
"$ANNALS" -C "$tmp/empty" list >"$tmp/out" 2>"$tmp/err"; test $? -eq 1; ok $? "empty folder exits 1"
test ! -s "$tmp/out"; ok $? "  lists nothing"
grep -q "empty: no articles found" "$tmp/err"; ok $? "  and says so"
grep -q "^annals: no article could be read$" "$tmp/err"; ok $? "  and that no article could be read"
# A folder of files none of which is an article (empty, binary): exit 1 too;
# next to a good one, exit 0.
mkdir "$tmp/none"
: >"$tmp/none/a.txt"; printf '\211PNG\r\n' >"$tmp/none/b.txt"
"$ANNALS" -C "$tmp/none" list >/dev/null 2>&1; test $? -eq 1; ok $? "a folder of no articles exits 1"
"$ANNALS" -C "$tmp/none" -C "$good" list >/dev/null 2>&1; ok $? "  next to a good file: exit 0"

# Many files with one problem: the first few warnings, then one line counts the rest.
mkdir "$tmp/many"
i=0; while [ $i -lt 500 ]; do : >"$tmp/many/e$i.txt"; i=$((i + 1)); done
cp "$good" "$tmp/many/good.txt"
"$ANNALS" -C "$tmp/many" list >/dev/null 2>"$tmp/err"; ok $? "500 empty files and a good one: exit 0"
test "$(grep -c 'empty file; skipped' "$tmp/err")" -eq 3; ok $? "  three of the warnings shown"
grep -q "^annals: 497 more like the warning above$" "$tmp/err"; ok $? "  and one line counts the other 497"
test "$(wc -l <"$tmp/err")" -eq 4; ok $? "  four lines in all"
LANGUAGE=fr "$ANNALS" --ui-lang=fr -C "$tmp/many" list 2>&1 >/dev/null | grep -q "497 autres semblables"
ok $? "  in French too (ngettext)"

# A huge COLUMNS is clamped: parallel does not pad lines to gigabytes (only
# the first 400 kB are kept, so that a regression fails quickly).
COLUMNS=2000000000 "$ANNALS" -C "$TOP_SRCDIR/data/collection" parallel \
	004_6c29ca260aaaa5ff@en 004_6c29ca260aaaa5ff@zh 2>/dev/null | head -c 400000 >"$tmp/out"
test -s "$tmp/out"; ok $? "COLUMNS=2000000000: parallel prints"
test "$(wc -L <"$tmp/out")" -le 4096; ok $? "  no line wider than 4096 columns"

# A folder of bad files and one good one.
mkdir "$tmp/c"
cp "$good" "$tmp/c/good.txt"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1' >"$tmp/c/picture.txt"
printf '{"title": "broken",\n  "text": [1, 2,\n}\n' >"$tmp/c/broken.json"
printf '%s\n' '{"title": "ok", "text": "A record with text in it."}' '{"title": "no text"}' >"$tmp/c/records.jsonl"
printf 'A Title\n\nText with\0 NUL\0 bytes in it, which are dropped.\n' >"$tmp/c/nul.txt"
mkfifo "$tmp/c/fifo.txt"
"$ANNALS" -C "$tmp/c" list --json >"$tmp/out" 2>"$tmp/err"; ok $? "a folder with bad files exits 0"
"$TOP_BUILDDIR/tests/json_check" list <"$tmp/out" >"$tmp/list"; ok $? "  its list is well formed"
cut -f1 "$tmp/list" | sort | tr '\n' ' ' >"$tmp/ids"
grep -qx 'good nul records#1 ' "$tmp/ids"; ok $? "  the good files load (got: $(cat "$tmp/ids"))"
grep -q "picture.txt: binary file (PNG); skipped" "$tmp/err"; ok $? "binary file skipped with a warning"
grep -q "broken.json:3: invalid JSON at column [0-9]*: " "$tmp/err"; ok $? "invalid JSON: line and column from jansson"
grep -q "records.jsonl:2: record without text" "$tmp/err"; ok $? "record without text: file and line"
grep -q "nul.txt: 2 NUL bytes removed" "$tmp/err"; ok $? "NUL bytes removed with a warning"
grep -q "fifo.txt: not a regular file; skipped" "$tmp/err"; ok $? "a FIFO is not opened (it would block)"
"$ANNALS" -C "$tmp/c" show nul 2>/dev/null | tr -d '\n' | grep -q 'Text with NUL bytes in it'; ok $? "  the text around NUL bytes is kept"
"$ANNALS" -C "$tmp/c" show nul 2>/dev/null | tr -d '\n' | LC_ALL=C grep -q "$(printf '\001')"; test $? -ne 0; ok $? "  no control bytes in the output"

# Unreadable: a file and a folder without permissions. Root reads anything,
# so as root annals runs as nobody (setpriv) for these checks.
unprivileged() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	unprivileged() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	chmod 755 "$tmp" "$tmp/c"
fi
if unprivileged "$ANNALS" --version >/dev/null 2>&1; then
	mkdir "$tmp/locked"; cp "$good" "$tmp/locked/a.txt"; cp "$good" "$tmp/c/secret.txt"
	chmod 000 "$tmp/c/secret.txt"
	unprivileged "$ANNALS" -C "$tmp/c" list >"$tmp/out" 2>"$tmp/err"; ok $? "unreadable file: exit 0"
	grep -q "secret.txt: cannot read: Permission denied" "$tmp/err"; ok $? "  named in a warning"
	grep -q " good  " "$tmp/out"; ok $? "  and the others still load"
	chmod 000 "$tmp/locked"
	unprivileged "$ANNALS" -C "$tmp/locked" list >"$tmp/out" 2>"$tmp/err"; test $? -eq 1; ok $? "unreadable folder exits 1"
	grep -q "locked: cannot read: Permission denied" "$tmp/err"; ok $? "  named in the message"
	chmod 755 "$tmp/locked"; rm -f "$tmp/c/secret.txt"
else
	tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP unreadable file: cannot run annals as an unprivileged user"
fi

# A 5 MB single-line file loads (its speed is measured by bench/bench_ingest, not here).
mkdir "$tmp/big"
awk 'BEGIN { printf "A Long Line\n\n"; for (i = 0; i < 200000; i++) printf "word%d and more text here. ", i % 97; printf "\n" }' >"$tmp/big/long.txt"
size=$(wc -c <"$tmp/big/long.txt")
test "$size" -gt 5000000; ok $? "the long line is over 5 MB ($size bytes)"
"$ANNALS" -C "$tmp/big" list >"$tmp/out" 2>"$tmp/err"; ok $? "5 MB single line loads"
grep -q ' long  A Long Line$' "$tmp/out"; ok $? "  with its title"

# Over the size limit: skipped without reading (a sparse file costs nothing).
mkdir "$tmp/huge"; cp "$good" "$tmp/huge/ok.txt"
truncate -s 65M "$tmp/huge/huge.txt" 2>/dev/null || dd if=/dev/zero of="$tmp/huge/huge.txt" bs=1 count=0 seek=65M 2>/dev/null
"$ANNALS" -C "$tmp/huge" list >"$tmp/out" 2>"$tmp/err"; ok $? "oversized file: exit 0"
grep -q "huge.txt: larger than 64 MiB; skipped" "$tmp/err"; ok $? "  skipped with a warning"
test "$(wc -l <"$tmp/out")" -eq 1; ok $? "  the other file loads"

# Invalid UTF-8: replaced, with the byte offset.
printf 'Title\n\nSome text \377 here.\n' >"$tmp/latin.txt"
"$ANNALS" -C "$tmp/latin.txt" show latin >"$tmp/out" 2>"$tmp/err"; ok $? "invalid UTF-8 loads"
grep -q "latin.txt: byte 17: invalid UTF-8 replaced" "$tmp/err"; ok $? "  with file and byte offset"
grep -q "Some text � here." "$tmp/out"; ok $? "  as U+FFFD"

# annals never writes: the collection's files are unchanged.
sum1=$(cat "$tmp/c/good.txt" "$tmp/c/nul.txt" | cksum)
"$ANNALS" -C "$tmp/c" list >/dev/null 2>&1
test "$sum1" = "$(cat "$tmp/c/good.txt" "$tmp/c/nul.txt" | cksum)"; ok $? "files are left as they were"
done_testing
