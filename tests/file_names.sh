#!/bin/sh
# file_names.sh: file names are not text. One may carry terminal escapes (a
# title change, a clipboard write), another bytes that are not UTF-8. IDs made
# of them and warnings that quote them must reach the terminal harmless, and
# JSON must keep every member, with the exact bytes recoverable (path_bytes).
# Files are created here, in a temporary folder.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
CHECK="$TOP_BUILDDIR/tests/json_check"
esc=$(printf '\033')
bel=$(printf '\007')

# Escapes in names: an OSC title change in a good file's name, an OSC 52
# clipboard write in a binary one's (its warning quotes the name).
mkdir "$tmp/esc"
printf 'Name test\n\n2019-10-28\n\nThe text of this article is written in plain English words.\n' >"$tmp/esc/$(printf 'n_\033]0;TITLE\007')x.txt"
printf '\000\001\002\003\004\005binary' >"$tmp/esc/$(printf 'z_\033]52;c;cHduZWQ=\007')y.txt"
"$ANNALS" -C "$tmp/esc" list >"$tmp/out" 2>"$tmp/err"
ok $? "names with escapes: list exits 0"
! grep -q "[$esc$bel]" "$tmp/out"; ok $? "  no escape or bell in list's output"
! grep -q "[$esc$bel]" "$tmp/err"; ok $? "  no escape or bell in the warnings"
grep -q "n_�\]0;TITLE�x" "$tmp/out"; ok $? "  the ID shows U+FFFD where the name had controls"
grep -q "z_�\]52;c;cHduZWQ=�y.txt: binary file" "$tmp/err"; ok $? "  and so does the warning"
"$ANNALS" -C "$tmp/esc" show "n_�]0;TITLE�x" >"$tmp/out" 2>/dev/null; ok $? "  the ID as shown opens the article"
"$ANNALS" -C "$tmp/esc" --json list >"$tmp/json" 2>/dev/null
"$CHECK" list <"$tmp/json" >/dev/null; ok $? "  --json list is well formed"
grep -qi '"path": "[^"]*n_\\u001b\]0;TITLE\\u0007x.txt"' "$tmp/json"; ok $? "  path in JSON is the real path, escaped by JSON"
grep -q '"path_bytes": "[^"]*n_%1B\]0;TITLE%07x.txt"' "$tmp/json"; ok $? "  path_bytes holds its bytes, percent-escaped"

# A name that is not UTF-8.
mkdir "$tmp/bad"
printf 'Bad name\n\n2019-10-28\n\nThe name of this file is not valid UTF-8, and this is English.\n' >"$tmp/bad/$(printf 'bad\377\376name')x.txt"
"$ANNALS" -C "$tmp/bad" --json list >"$tmp/json" 2>/dev/null
ok $? "invalid UTF-8 name: --json list exits 0"
"$CHECK" list <"$tmp/json" >"$tmp/list"; ok $? "  --json list is well formed (id, path and path_bytes present)"
grep -q '"id": "bad��namex"' "$tmp/json"; ok $? "  the ID holds U+FFFD for each byte that is not UTF-8"
grep -q '"path": "[^"]*/bad��namex.txt"' "$tmp/json"; ok $? "  and so does path"
grep -q '"path_bytes": "[^"]*/bad%FF%FEnamex.txt"' "$tmp/json"; ok $? "  path_bytes keeps the exact bytes"
"$ANNALS" -C "$tmp/bad" --json search name >"$tmp/json" 2>/dev/null
ok $? "  --json search exits 0"
grep -q '"article": "bad��namex"' "$tmp/json"; ok $? "  and each match names its article"
"$ANNALS" -C "$tmp/bad" list 2>/dev/null | grep -q "bad��namex"; ok $? "  list shows the same ID"
done_testing
