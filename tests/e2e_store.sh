# e2e_store.sh: the browser on a collection kept in the index (store.h), in a
# real (tmux) terminal: it reads one article's body when it shows it, never
# the whole collection's (its memory stays well under the bodies' size), and a
# search names its matches from the index's search table, with their snippets
# and the reader at the match.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

# 200 articles of about 50 KB each, one word of its own in each (zqNNNx).
col=$SCRATCH/col
mkdir -p "$col"
awk -v dir="$col" 'BEGIN {
	filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
	for (i = 0; i < 200; i++) {
		f = sprintf("%s/a%03d.txt", dir, i)
		printf "Report %03d of the store test\n\n2001-%02d-%02d\n", i, 1 + i % 12, 1 + i % 28 >f
		for (p = 0; p < 100; p++) {
			printf "\n" >f
			if (p == 50)
				printf "The word zq%03dx stands in this paragraph. ", i >f
			for (k = 0; k < 4; k++)
				printf "%s ", filler >f
			printf "\n" >f
		}
		close(f)
	}
}'
tiny=$SCRATCH/tiny
mkdir -p "$tiny"
printf 'Report tiny\n\n2001-01-01\n\nOne short paragraph.\n' >"$tiny/t.txt"
# The timeline derives the events once and the index keeps them, as a first
# start of the browser would: what follows are second starts.
"$ANNALS" -C "$col" timeline >/dev/null 2>&1 && "$ANNALS" -C "$tiny" timeline >/dev/null 2>&1
ok $? "the index is made"

# peak COL NAME: the browser's peak resident memory (KiB) once its list
# shows, into $SCRATCH/NAME.
peak() {
	start 100 30 "$TIME -f %M -o '$SCRATCH/$2' '$ANNALS' -C '$1'"
	wait_for "Report" 20
	settle
	send q
	i=0
	while [ ! -s "$SCRATCH/$2" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
TIME=
[ -x /usr/bin/time ] && TIME=/usr/bin/time
# Not under AddressSanitizer: its allocator keeps what was freed in
# quarantine, so the peak follows what was ever allocated, not what is held.
if ldd "$ANNALS" 2>/dev/null | grep -q libasan; then
	tap_n=$((tap_n + 1)); echo "ok $tap_n - # SKIP memory: built with AddressSanitizer"
elif [ -n "$TIME" ] && "$TIME" -f %M -o /dev/null true 2>/dev/null; then
	peak "$tiny" base
	peak "$col" big
	base=$(cat "$SCRATCH/base") big=$(cat "$SCRATCH/big")
	bodies=$(du -sk "$col" | cut -f 1)
	echo "# peak: $big KiB with $bodies KiB of articles, $base KiB with one"
	[ -n "$base" ] && [ -n "$big" ] && [ $((big - base)) -lt $((bodies / 4)) ]
	ok $? "the browser does not hold every body: its memory grows by less than a quarter of the articles"
else
	echo "# no time(1) to measure memory with"
fi

start 100 30 "'$ANNALS' -C '$col'"
wait_for "Report" 20
ok $? "the browser starts from the index"
send / zq137x Enter
wait_for "1 match" 10
ok $? "a search finds the one match from the index's search table"
screen | grep -q "zq137x stands"
ok $? "with its snippet"
send Enter
wait_for "Report 137" 10
ok $? "Enter opens the article of the match"
screen | grep -q "The word zq137x"
ok $? "the reader shows its body, loaded from the index"
send q q
wait_for "exit=0"
ok $? "and quits"

# Between two runs a file is edited, one added, one removed: the browser
# shows the index as it was at once, looks at the files while it is on
# screen, and its panes then show them as they are.
sed -i 's/^Report 150 of the store test$/Report 150 renamed zzedited/' "$col/a150.txt"
printf 'Report 777 brand new zzadded\n\n2001-02-03\n\nOn 14 July 1999 the zzbridge opened.\n' >"$col/new.txt"
rm "$col/a010.txt"
start 100 30 "'$ANNALS' -C '$col'"
wait_for "Report" 20
settle
send / zzedited Enter
wait_for "1 match" 10 && screen | grep -q "Report 150 renamed zzedited"
ok $? "an edited file: its new title is found"
send Escape
wait_gone "1 match" 5
send / zzadded Enter
wait_for "1 match" 10
ok $? "an added file is found by search"
send Escape
wait_gone "1 match" 5
send / zq010x Enter
wait_for "No match" 10 || wait_for "no match" 1 || wait_for "nothing" 1
ok $? "a removed file is no longer found"
send Escape q
wait_for "exit=0"
ok $? "and quits"
"$ANNALS" -C "$col" list --json >"$SCRATCH/idx.json" 2>/dev/null &&
	"$ANNALS" --no-cache -C "$col" list --json >"$SCRATCH/direct.json" 2>/dev/null &&
	cmp -s "$SCRATCH/idx.json" "$SCRATCH/direct.json"
ok $? "the index is then the files' (list --json as with --no-cache)"
# The events of the new collection were derived beside the browser and kept.
"$ANNALS" -C "$col" timeline --json >"$SCRATCH/idx.json" 2>/dev/null &&
	"$ANNALS" --no-cache -C "$col" timeline --json >"$SCRATCH/direct.json" 2>/dev/null &&
	cmp -s "$SCRATCH/idx.json" "$SCRATCH/direct.json" && grep -q zzbridge "$SCRATCH/idx.json"
ok $? "and so are its events (timeline --json as with --no-cache, the new one in it)"
done_testing
