# e2e_first_start.sh: the browser's first start on a collection that has no
# index yet, in a real (tmux) terminal: it appears at once, says on its status
# line how far the indexing is (in the interface language, its numbers grouped
# as the language groups them), answers keys meanwhile, quits at once with q
# (also while it finds the events, there and on a later start), shows every
# article once the index is made, and a start after a kill -9 during indexing
# ends well; --no-cache still reads the files before the first screen.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

# 3,000 articles of about 16 KB each: read with one thread (--jobs=1), the
# first ingestion takes seconds, long enough to be watched.
n=3000
col=$SCRATCH/col
mkdir -p "$col"
awk -v dir="$col" -v n=$n 'BEGIN {
	filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
	for (i = 0; i < n; i++) {
		f = sprintf("%s/f%04d.txt", dir, i)
		printf "Story %04d of the first start\n\n2003-%02d-%02d\n", i, 1 + i % 12, 1 + i % 28 >f
		for (p = 0; p < 40; p++) {
			printf "\n" >f
			for (k = 0; k < 3; k++)
				printf "%s ", filler >f
			printf "\n" >f
		}
		close(f)
	}
}'
run() { start 100 30 "XDG_CACHE_HOME='$SCRATCH/$1' $2 '$ANNALS' --jobs=1 -C '$col'"; }
# q_at_once WHEN ALSO: q quits with status 0, within 2 s.
q_at_once() {
	t0=$(date +%s)
	send q
	wait_for "exit=0" 2
	ok $? "  q quits${1:+ $1}, with status 0"
	test $(($(date +%s) - t0)) -le 2
	ok $? "  at once (within 2 s)$2"
}
# The count as each interface language writes it: grouped by thousands, in
# French with a narrow no-break space (U+202F).
nen=3,000 nfr=$(printf '3\342\200\257000')

# Wide, so that the list stays on screen beside the reader.
start 160 40 "XDG_CACHE_HOME='$SCRATCH/cache1' '$ANNALS' --jobs=1 -C '$col'"
wait_for "indexing" 5 && screen | grep -Eq "Articles \([0-9]+(…)?\)"
ok $? "a first start: the browser is on screen while the index is made"
wait_for " / $nen files" 5 && status | grep -Eq "indexing [0-9,]+ / $nen files"
ok $? "  its status line says how many files are indexed of how many, grouped by thousands"
wait_for "s left" 5
ok $? "  and how long is left"
# listed: the count in the list's title bar.
listed() { screen | sed -n 's/.*Articles (\([0-9]*\).*/\1/p' | head -n 1; }
shot=$(screen)
c=$(printf '%s\n' "$shot" | sed -n 's/.*Articles (\([0-9]*\).*/\1/p' | head -n 1)
test "${c:-0}" -gt 0 && test "$c" -lt $n && printf '%s\n' "$shot" | tail -n 1 | grep -q "indexing" &&
	printf '%s\n' "$shot" | grep -q "Articles ($c…)"
ok $? "  the list fills as the files are indexed ($c of $n listed, … for more to come)"
# reading: the ID of the article the reader shows (the first row's, at first).
reading() { screen | sed -n 's/.*Reader · \(f[0-9]*\).*/\1/p' | head -n 1; }
first=$(reading)
send j Enter
i=0
while [ $i -lt 50 ]; do
	id=$(reading)
	[ -n "$id" ] && [ "$id" != "$first" ] && break
	sleep 0.1
	i=$((i + 1))
done
story="Story ${id#f} of the first start"
test -n "$first" && test "$id" != "$first" && screen | grep -q "$story" && status | grep -q "indexing"
ok $? "  keys work on it meanwhile: j and Enter open the second row ($id after $first)"
send m
wait_for "Marked: $story" 2
ok $? "  m marks it meanwhile"
i=0
while [ $i -lt 50 ]; do
	c2=$(listed)
	[ "${c2:-0}" -gt "${c:-0}" ] && break
	sleep 0.1
	i=$((i + 1))
done
test "${c2:-0}" -gt "${c:-0}"
ok $? "  more come while it is read ($c2 listed)"
send '?'
wait_for "Help — q or ? closes it" 2 && status | grep -q "indexing"
ok $? "  ? opens the help meanwhile"
send q
wait_gone "Help — q or ? closes it" 2
ok $? "  q closes it"
# (Every article is listed before the events are found: the progress line
# goes once they are.)
wait_gone "indexing" 60 && screen | grep -q "Articles ($n)"
ok $? "  the list shows every article once the index is made, the progress line gone"
screen | grep -q "Reader · $id" && status | grep -q "$story"
ok $? "  the reader still on the article it showed"
send Tab
wait_for "/$n " 5 && status | grep -q "$story"
ok $? "  which the list still has selected"
send "'"
wait_for "Marked articles" 5 && status | grep -q "Marked articles" &&
	screen | grep -q "Articles (1)" && screen | grep -q "$story"
ok $? "  the mark made while the list filled is kept"
send q
wait_for "exit=0" 5
ok $? "  and quits"

# In Chinese; q while the index is made quits at once, with status 0, and
# the next start finishes the work.
run cache2 "LANGUAGE=zh_CN"
# (Waiting for the count itself: "正在索引：查看文件…" comes first, while the
# files are walked.)
wait_for " / $nen 个文件" 5 && status | grep -Eq "正在索引 [0-9,]+ / $nen 个文件"
ok $? "LANGUAGE=zh_CN: the progress line in Chinese, 3,000 written as Chinese writes it"
q_at_once "while the index is made" ""
XDG_CACHE_HOME=$SCRATCH/cache2 "$ANNALS" -C "$col" list >"$SCRATCH/list" 2>"$SCRATCH/err" &&
	test "$(wc -l <"$SCRATCH/list")" -eq $n && ! test -s "$SCRATCH/err"
ok $? "  the index it left is completed by the next start, quietly"

# In French, the count grouped with a narrow no-break space; q while the
# events are found (once every file is read) quits at once too.
run cache4 "LANGUAGE=fr"
wait_for " / $nfr fichiers" 5 && status | grep -q "indexation : .* / $nfr fichiers"
ok $? "LANGUAGE=fr: the progress line in French, 3 000 with a narrow no-break space"
wait_for "recherche des événements" 60
ok $? "  then it says that it finds the events"
q_at_once "then" ", without waiting for the events"
XDG_CACHE_HOME=$SCRATCH/cache4 "$ANNALS" -C "$col" list >"$SCRATCH/list" 2>"$SCRATCH/err" &&
	test "$(wc -l <"$SCRATCH/list")" -eq $n && ! test -s "$SCRATCH/err"
ok $? "  the files it indexed are listed by the next start, quietly"
XDG_CACHE_HOME=$SCRATCH/cache4 "$ANNALS" --json -C "$col" timeline >"$SCRATCH/tl" 2>"$SCRATCH/err" &&
	"$ANNALS" --no-cache --json -C "$col" timeline >"$SCRATCH/tl-direct" 2>/dev/null &&
	cmp -s "$SCRATCH/tl" "$SCRATCH/tl-direct" && ! test -s "$SCRATCH/err"
ok $? "  and its timeline is the one reading the files gives"

# A later start whose events are still to be found (list made the index, and
# list finds none): q quits at once there too, and what was left is done by
# the next start. Its articles each hold an English and a French part, which
# are aligned to find the events: seconds of work with one thread.
col2=$SCRATCH/col2
mkdir -p "$col2"
awk -v dir="$col2" -v n=1500 'BEGIN {
	en = "On 3 May 2003 the council met in the town hall and voted on the new budget for the harbour."
	fr = "Le 3 mai 2003, le conseil s est réuni à la mairie et a voté le nouveau budget du port."
	for (i = 0; i < n; i++) {
		f = sprintf("%s/f%04d.txt", dir, i)
		printf "Story %04d of a later start\n\n2003-%02d-%02d\n", i, 1 + i % 12, 1 + i % 28 >f
		for (p = 0; p < 20; p++)
			printf "\n%s\n\n%s\n", en, fr >f
		close(f)
	}
}'
XDG_CACHE_HOME=$SCRATCH/cache8 "$ANNALS" --jobs=1 -C "$col2" list >/dev/null 2>&1
start 100 30 "XDG_CACHE_HOME='$SCRATCH/cache8' '$ANNALS' --jobs=1 -C '$col2'"
wait_for "Story" 10
ok $? "a later start that has the events still to find: the list at once"
q_at_once "" ", without waiting for the events"
XDG_CACHE_HOME=$SCRATCH/cache8 "$ANNALS" --json -C "$col2" timeline >"$SCRATCH/tl8" 2>"$SCRATCH/err" &&
	"$ANNALS" --no-cache --json -C "$col2" timeline >"$SCRATCH/tl8-direct" 2>/dev/null &&
	cmp -s "$SCRATCH/tl8" "$SCRATCH/tl8-direct" && ! test -s "$SCRATCH/err"
ok $? "  and the next start's timeline is the one reading the files gives"

# A split view opened while the list fills stays open, on the same articles
# and at the same place, when the whole collection takes the list's place.
start 160 40 "XDG_CACHE_HOME='$SCRATCH/cache9' XDG_STATE_HOME='$SCRATCH/state9' '$ANNALS' --jobs=1 -C '$col'"
wait_for "Story 0000" 10
send Enter
wait_for "Reader · f0000" 5
send s
wait_for "Read beside it" 5
send Enter
wait_for "independent" 5
screen | head -n 1 | grep -q "Reader · f0000 · UND .*│ Reader · f[0-9]* · UND"
ok $? "a split view opened while the list fills: f0000 beside another"
# Three lines down; a key also clears the split view's message, so that the
# progress line shows again: the index is still being made.
send j j j
wait_for "indexing" 5
ok $? "  j scrolls one side while the index is still being made"
sleep 0.3
before=$(screen | head -n 3)
wait_gone "indexing" 120
ok $? "  the index is made meanwhile"
sleep 0.3
[ "$(screen | head -n 3)" = "$before" ]
ok $? "  then the split view is still open, on the same articles, at the same place"
send q q
wait_for "exit=0" 10
ok $? "  q closes it, and q quits"

# The command line's progress bar, on a terminal, writes its numbers alike.
start 100 30 "XDG_CACHE_HOME='$SCRATCH/cache7' LANGUAGE=fr '$ANNALS' --jobs=1 -C '$col' list >/dev/null"
wait_for " / $nfr fichiers" 10 && screen | grep -q "^\[[#-]*\] indexation : [0-9].* / $nfr fichiers"
ok $? "annals list on a terminal: its progress bar in French, 3 000 grouped as French does"
wait_for "exit=0" 60
ok $? "  and it ends"

# Killed (kill -9) while indexing: the next start works from what was
# written, reads the rest, and lists every article.
run cache5 ""
wait_for " / $nen files" 5
pid=$(pane_pid annals)
wait_for "s left" 10 && test -n "$pid" && kill -9 "$pid"
wait_for "exit=137" 5
ok $? "killed with kill -9 while indexing"
XDG_CACHE_HOME=$SCRATCH/cache5 "$ANNALS" --json -C "$col" list >"$SCRATCH/after" 2>"$SCRATCH/err" &&
	"$ANNALS" --no-cache --json -C "$col" list >"$SCRATCH/direct" 2>/dev/null &&
	cmp -s "$SCRATCH/after" "$SCRATCH/direct" && ! test -s "$SCRATCH/err"
ok $? "  the next start lists every article, as reading the files does, quietly"
run cache5 ""
wait_for "Articles ($n)" 60 && ! status | grep -q "indexing"
ok $? "  and the browser after it shows them all"
# (It finds the events before it ends, as any start that is not the
# first does: slow in a sanitizer build.)
send q
wait_for "exit=0" 60
ok $? "  and quits"
# Killed again, this time in the browser's first start, then the browser
# itself starts again: it finishes the index and shows every article.
run cache6 ""
wait_for " / $nen files" 5
pid=$(pane_pid annals)
wait_for "s left" 10 && test -n "$pid" && kill -9 "$pid"
wait_for "exit=137" 5
run cache6 ""
wait_for "Articles ($n)" 60 && ! status | grep -q "indexing"
ok $? "killed during a first start, the browser started again shows every article"
send q
wait_for "exit=0" 60
XDG_CACHE_HOME=$SCRATCH/cache6 "$ANNALS" --json -C "$col" list >"$SCRATCH/after" 2>"$SCRATCH/err" &&
	cmp -s "$SCRATCH/after" "$SCRATCH/direct" && ! test -s "$SCRATCH/err"
ok $? "  and the index it left is whole"

# --no-cache: the files read before the first screen, no index made.
start 100 30 "XDG_CACHE_HOME='$SCRATCH/cache3' '$ANNALS' --no-cache -C '$col'"
wait_for "Articles ($n)" 60 && ! screen | grep -q "indexing"
ok $? "--no-cache: the whole list at the first screen, no indexing"
send q
wait_for "exit=0" 5 && ! ls "$SCRATCH/cache3/annals/"index-* >/dev/null 2>&1
ok $? "  and no index made"
done_testing
