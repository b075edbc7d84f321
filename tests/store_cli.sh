#!/bin/sh
# store_cli.sh: the index. Every command answers from it exactly what reading
# the files gives (--no-cache), on the bundled collection and the fixtures, with
# any number of threads; files added, edited, renamed and deleted between runs
# are seen; a damaged or foreign index, a cache folder that cannot be made, a
# full disk, two processes at once and a kill -9 while indexing all end well.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME

# same DESCRIPTION ARGS...: the command's stdout, stderr and status are the same
# from a new index, from the index made by that run, and from the files.
same() {
	desc=$1; shift
	"$ANNALS" --no-cache "$@" >"$tmp/want.out" 2>"$tmp/want.err"; want=$?
	rm -rf "$tmp/cache"
	"$ANNALS" "$@" >"$tmp/new.out" 2>"$tmp/new.err"; new=$?
	"$ANNALS" "$@" >"$tmp/old.out" 2>"$tmp/old.err"; old=$?
	test "$want" = "$new" && test "$want" = "$old" &&
		cmp -s "$tmp/want.out" "$tmp/new.out" && cmp -s "$tmp/want.out" "$tmp/old.out" &&
		cmp -s "$tmp/want.err" "$tmp/new.err" && cmp -s "$tmp/want.err" "$tmp/old.err"
	ok $? "$desc"
}

# The bundled collection, every command.
same "bundled: list" list
same "bundled: list --json" list --json
same "bundled: show --json" show --json 001_b00b5af80d2634d6
same "bundled: show" show 004_6c29ca260aaaa5ff
same "bundled: show, an unknown ID" show nothing-like-it
same "bundled: timeline --json" timeline --json
same "bundled: timeline --groups --json" timeline --groups --json
same "bundled: timeline --year=2015" timeline --year=2015
same "bundled: search --json" search --json cybersécurité
same "bundled: search, Chinese, traditional for simplified" search --json 網絡
same "bundled: search, nothing found" search --json zzqqxx
same "bundled: search, case and accents folded" search --json CYBERSECURITE
same "bundled: search, a phrase in quotes" search --json '"network security"'
same "bundled: search, two words anywhere" search --json security 2013
same "bundled: search, one letter narrows nothing" search --json a
same "bundled: search, one Chinese character" search --json 网
same "bundled: search, full-width letters" search --json ｃｙｂｅｒ
same "bundled: search, as text" search cooperation
same "bundled: parallel --json" parallel --json 004_6c29ca260aaaa5ff@en 004_6c29ca260aaaa5ff@zh-Hant

# The fixtures: every reader, warnings included, several roots at once.
I=$FIXTURES/ingest
same "fixtures: list --json, warnings in order" -C "$I/tree" -C "$I/json" -C "$I/md" -C "$I/text" list --json
same "fixtures: show --json from a JSON Lines record" -C "$I/json" show --json 'lines#2'
same "fixtures: timeline --json" -C "$I/json" -C "$I/md" -C "$I/text" timeline --json
same "fixtures: search --json" -C "$I/json" -C "$I/md" -C "$I/text" search --json the
same "fixtures: a file given twice" -C "$I/text" -C "$I/text/wrapped.txt" list --json
same "fixtures: a missing root" -C "$I/text" -C "$tmp/missing" list --json
P=$FIXTURES/parallel
same "fixtures: parallel --json" -C "$P" parallel --json forum.en forum.fr

# A generated collection: the same index whatever the number of threads.
sh "$TOP_SRCDIR/bench/gen_collection.sh" 400 "$tmp/gen" >/dev/null 2>&1
for cmd in "list --json" "timeline --json" "timeline --groups --json"; do
	rm -rf "$tmp/cache"
	"$ANNALS" -C "$tmp/gen" --jobs=1 $cmd >"$tmp/j1" 2>&1
	rm -rf "$tmp/cache"
	"$ANNALS" -C "$tmp/gen" --jobs=3 $cmd >"$tmp/j3" 2>&1
	"$ANNALS" -C "$tmp/gen" --no-cache $cmd >"$tmp/direct" 2>&1
	cmp -s "$tmp/j1" "$tmp/j3" && cmp -s "$tmp/j1" "$tmp/direct"
	ok $? "generated: $cmd the same with --jobs=1, --jobs=3 and --no-cache"
done
same "generated: search --json" -C "$tmp/gen" search --json cyberspace
# A search reads only the paragraphs the search table names, each word's:
# words in different paragraphs, phrases, a word that narrows nothing, and
# snippets cut to a narrow terminal all come out as from the files.
same "generated: search, two words in any paragraphs" -C "$tmp/gen" search --json cyberspace China
same "generated: search, a phrase" -C "$tmp/gen" search --json '"in cyberspace"'
same "generated: search, one letter and a word" -C "$tmp/gen" search --json a cyberspace
COLUMNS=30; export COLUMNS
same "generated: search as text, 30 columns" -C "$tmp/gen" search 网络 cyberspace
unset COLUMNS
same "fixtures: search in a file given twice" -C "$I/text" -C "$I/text/wrapped.txt" search --json the
# One file changed in a derived collection: its events and groups derived
# again, the others' taken from the index, the same as from the files.
rm -rf "$tmp/cache"
"$ANNALS" -C "$tmp/gen" timeline --groups --json >/dev/null 2>&1
f=$(grep -rl '20[0-9][0-9]' "$tmp/gen" | head -n 1)
sed -i 's/20\([0-9]\)\([0-9]\)/19\2\1/g' "$f"
for cmd in "timeline --groups --json" "timeline --json"; do
	"$ANNALS" -C "$tmp/gen" --jobs=3 $cmd >"$tmp/idx" 2>&1
	"$ANNALS" -C "$tmp/gen" --no-cache --jobs=1 $cmd >"$tmp/dir" 2>&1
	test -s "$tmp/idx" && cmp -s "$tmp/idx" "$tmp/dir"
	ok $? "generated, one file's dates changed: $cmd from the index as from the files"
done
rm "$f"
"$ANNALS" -C "$tmp/gen" timeline --groups --json >"$tmp/idx" 2>&1
"$ANNALS" -C "$tmp/gen" --no-cache timeline --groups --json >"$tmp/dir" 2>&1
cmp -s "$tmp/idx" "$tmp/dir"; ok $? "generated, one file deleted: timeline --groups the same"
# Events are derived per article by the threads, then grouped: the same
# events and groups from one thread as from several, read from the files.
for root in "$tmp/gen" "$FIXTURES/group" "$TOP_SRCDIR/data/collection"; do
	"$ANNALS" -C "$root" --no-cache --jobs=1 timeline --groups --json >"$tmp/j1" 2>&1
	"$ANNALS" -C "$root" --no-cache --jobs=3 timeline --groups --json >"$tmp/j3" 2>&1
	test -s "$tmp/j1" && cmp -s "$tmp/j1" "$tmp/j3"
	ok $? "timeline --groups --no-cache: --jobs=1 and --jobs=3 agree on $(basename "$root")"
done
same "group fixtures: timeline --groups --json" -C "$FIXTURES/group" timeline --groups --json
same "group fixtures: timeline --json" -C "$FIXTURES/group" timeline --json

# Changes between runs.
mkdir -p "$tmp/col/sub"
cp "$TOP_SRCDIR"/data/collection/000_*.txt "$TOP_SRCDIR"/data/collection/003_*.txt "$tmp/col/"
cp "$I"/text/wrapped.txt "$tmp/col/sub/"
rm -rf "$tmp/cache"
"$ANNALS" -C "$tmp/col" list --json >/dev/null 2>&1
# changed DESCRIPTION: the index agrees with the files after the change.
# The timeline too: what was derived from the articles that did not change is
# taken from the index, the rest derived again.
changed() {
	"$ANNALS" -C "$tmp/col" timeline --groups --json >"$tmp/tl.idx" 2>/dev/null
	"$ANNALS" -C "$tmp/col" --no-cache timeline --groups --json >"$tmp/tl.dir" 2>/dev/null
	"$ANNALS" -C "$tmp/col" list --json >"$tmp/idx" 2>"$tmp/idx.err"
	"$ANNALS" -C "$tmp/col" --no-cache list --json >"$tmp/dir" 2>"$tmp/dir.err"
	cmp -s "$tmp/idx" "$tmp/dir" && cmp -s "$tmp/idx.err" "$tmp/dir.err" &&
		test -s "$tmp/tl.idx" && cmp -s "$tmp/tl.idx" "$tmp/tl.dir"
	ok $? "$1"
}
cp "$TOP_SRCDIR"/data/collection/002_*.txt "$tmp/col/sub/"
changed "a file added is seen"
grep -q '002_093f0cd005542350' "$tmp/idx"; ok $? "... and listed"
sed -i 's/Experts call for joint efforts/Experts call for joint work/; s/joint efforts to tackle/joint labours to tackle/' "$tmp/col"/003_*.txt
changed "a file edited is seen"
grep -q 'Experts call for joint work' "$tmp/idx"; ok $? "... with its new title"
"$ANNALS" -C "$tmp/col" show 003_b652dcd5a69fc392 | grep -q 'joint work'; ok $? "... in show too"
"$ANNALS" -C "$tmp/col" search --json 'joint labours' >"$tmp/s1" 2>&1
"$ANNALS" -C "$tmp/col" --no-cache search --json 'joint labours' >"$tmp/s2" 2>&1
cmp -s "$tmp/s1" "$tmp/s2" && grep -q 003_b652dcd5a69fc392 "$tmp/s1"; ok $? "... its new words found by search"
"$ANNALS" -C "$tmp/col" search --json 'joint efforts to tackle' >"$tmp/s1" 2>&1
"$ANNALS" -C "$tmp/col" --no-cache search --json 'joint efforts to tackle' >"$tmp/s2" 2>&1
cmp -s "$tmp/s1" "$tmp/s2" && ! grep -q 003_b652dcd5a69fc392 "$tmp/s1"; ok $? "... its old ones no more"
mv "$tmp/col/sub/wrapped.txt" "$tmp/col/sub/unwrapped.txt"
changed "a file renamed is seen"
grep -q '"unwrapped"' "$tmp/idx" && ! grep -q '"wrapped"' "$tmp/idx"; ok $? "... under its new name only"
rm "$tmp/col"/000_*.txt
changed "a file deleted is seen"
! grep -q '000_57b86d4df9855b08' "$tmp/idx"; ok $? "... and gone"
printf 'not an article\000\001\002\003\004\005\006' >"$tmp/col/sub/binary.txt"
changed "a binary file added: the same warning from the index"
"$ANNALS" -C "$tmp/col" list >/dev/null 2>"$tmp/err"
grep -q 'binary.txt: binary file' "$tmp/err"; ok $? "... every time, not only when read"

# A damaged index: set aside with one warning, the answer unchanged.
index=$(ls "$tmp/cache/annals/"index-*.sqlite)
head -c 8192 /dev/urandom >"$index"
"$ANNALS" -C "$tmp/col" list --json >"$tmp/out" 2>"$tmp/err"; ok $? "a damaged index: exit 0"
test "$(wc -l <"$tmp/err")" -eq 2 && grep -q 'damaged database set aside' "$tmp/err"
ok $? "... one warning (beside the binary file's)"
cmp -s "$tmp/out" "$tmp/dir"; ok $? "... and the same answer"
test -e "$index.damaged"; ok $? "... the damaged file kept aside"
"$ANNALS" -C "$tmp/col" list >/dev/null 2>"$tmp/err"
test "$(wc -l <"$tmp/err")" -eq 1; ok $? "... and the next run is quiet again"

# An index of a newer annals (PRAGMA user_version, bytes 60-63 of the header).
printf '\000\000\000\143' | dd of="$index" bs=1 seek=60 conv=notrunc 2>/dev/null
"$ANNALS" -C "$tmp/col" list --json >"$tmp/out" 2>"$tmp/err"; ok $? "a newer index: exit 0"
grep -q 'newer annals' "$tmp/err" && test "$(wc -l <"$tmp/err")" -eq 2; ok $? "... one warning"
cmp -s "$tmp/out" "$tmp/dir"; ok $? "... and the same answer"
test -e "$index.newer"; ok $? "... the newer file kept aside, not destroyed"

# A cache folder that cannot be made.
: >"$tmp/blocker"
XDG_CACHE_HOME=$tmp/blocker/cache "$ANNALS" -C "$tmp/col" list --json >"$tmp/out" 2>"$tmp/err"
ok $? "no cache folder: exit 0"
grep -q 'cannot create the folder' "$tmp/err" && test "$(wc -l <"$tmp/err")" -eq 2; ok $? "... one warning"
cmp -s "$tmp/out" "$tmp/dir"; ok $? "... and the same answer"
"$ANNALS" --no-cache -C "$tmp/col" list >/dev/null 2>"$tmp/err"
test "$(wc -l <"$tmp/err")" -eq 1; ok $? "--no-cache does not look for the cache"

# A full disk: a tiny tmpfs in a mount namespace of our own, where one can be had.
if unshare -rm true 2>/dev/null; then
	mkdir -p "$tmp/full"
	unshare -rm sh -c 'mount -t tmpfs -o size=96k tmpfs "$1" && d=$1 && shift &&
		XDG_CACHE_HOME=$d exec "$@"' sh "$tmp/full" \
		"$ANNALS" -C "$tmp/gen" list --json >"$tmp/out" 2>"$tmp/err"
	ok $? "a full disk: exit 0"
	grep -q 'the disk is full' "$tmp/err"; ok $? "... a warning that says so"
	"$ANNALS" --no-cache -C "$tmp/gen" list --json >"$tmp/want" 2>/dev/null
	cmp -s "$tmp/out" "$tmp/want"; ok $? "... and the answer from the files"
else
	echo "# no mount namespace here: the full disk is left to tests/test_db"
fi

# Two processes indexing the same collection at once.
rm -rf "$tmp/cache"
"$ANNALS" -C "$tmp/gen" --no-cache list --json >"$tmp/want" 2>/dev/null
"$ANNALS" -C "$tmp/gen" list --json >"$tmp/p1" 2>"$tmp/p1.err" & p1=$!
"$ANNALS" -C "$tmp/gen" --jobs=1 list --json >"$tmp/p0" 2>"$tmp/p0.err" & p0=$!
"$ANNALS" -C "$tmp/gen" list --json >"$tmp/p2" 2>"$tmp/p2.err"; s2=$?
wait $p1; s1=$?
wait $p0; s0=$?
test $s0 -eq 0 && test $s1 -eq 0 && test $s2 -eq 0; ok $? "three processes at once: all exit 0"
cmp -s "$tmp/p0" "$tmp/want" && cmp -s "$tmp/p1" "$tmp/want" && cmp -s "$tmp/p2" "$tmp/want"
ok $? "... all give the answer"
"$ANNALS" -C "$tmp/gen" list --json >"$tmp/p3" 2>"$tmp/p3.err"
cmp -s "$tmp/p3" "$tmp/want" && test ! -s "$tmp/p3.err"; ok $? "... and the index they left is sound"

# kill -9 while indexing, then a run that finishes the work.
rm -rf "$tmp/cache"
"$ANNALS" -C "$tmp/gen" --jobs=1 list >/dev/null 2>&1 & pk=$!
sleep 0.2
kill -9 $pk 2>/dev/null
wait $pk 2>/dev/null
"$ANNALS" -C "$tmp/gen" list --json >"$tmp/out" 2>"$tmp/err"; ok $? "after a kill -9: exit 0"
cmp -s "$tmp/out" "$tmp/want" && test ! -s "$tmp/err"; ok $? "... the right answer, no warning"

# Where the index lives, and the options.
mkdir -p "$tmp/home"
env -u XDG_CACHE_HOME HOME="$tmp/home" "$ANNALS" list >/dev/null 2>&1
ls "$tmp/home/.cache/annals/"index-*.sqlite >/dev/null 2>&1; ok $? "without XDG_CACHE_HOME: ~/.cache/annals"
test "$(stat -c %a "$tmp/home/.cache/annals")" = 700; ok $? "... made private (0700)"
"$ANNALS" --jobs=0 list >/dev/null 2>&1; test $? -eq 2; ok $? "--jobs=0 is a usage error"
"$ANNALS" --version | grep -q '^SQLite 3\.'; ok $? "--version names the SQLite version"

# reindex.
"$ANNALS" -C "$tmp/col" reindex 2>"$tmp/err"; ok $? "reindex exits 0"
"$ANNALS" -C "$tmp/col" --no-cache reindex 2>/dev/null; test $? -eq 2; ok $? "reindex --no-cache is a usage error"
changed "after reindex, the same answer"

done_testing
