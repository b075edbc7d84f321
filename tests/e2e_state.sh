# e2e_state.sh: what annals keeps between runs, as a user meets it in a real
# (tmux) terminal: read an article to paragraph 12, quit, start again and land
# on it; mark an article, quit, start again and list the marks; read articles
# show as read; --fresh starts at the top and --no-state keeps nothing. The
# state folder is the test's own scratch home (XDG_STATE_HOME).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

# One state folder for every start: what is kept between runs is the test.
KEEP_STATE="$SCRATCH/state"
export XDG_STATE_HOME="$KEEP_STATE" XDG_CONFIG_HOME="$SCRATCH/config" HOME="$SCRATCH/home"
mkdir -p "$HOME"
col=$SCRATCH/news
mkdir -p "$col"
# Three articles of thirty paragraphs each, of our own writing.
month=0
for name in alpha beta gamma; do
	month=$((month + 1))
	{
		printf 'The %s report\n\n2021-0%d-10\n\n' "$name" "$month"
		i=1
		while [ $i -le 30 ]; do
			printf 'Paragraph %d of the %s report, a line of plain text to read.\n\n' $i "$name"
			i=$((i + 1))
		done
	} > "$col/$name.txt"
done
run() { start 100 30 "'$ANNALS' --backend=$BACKEND -C '$col' $*"; }

run
wait_for "Articles (3)"
ok $? "the browser starts on three articles"
send Enter
wait_for "Reader ·"
ok $? "Enter opens the first article"
send 1 2 G
wait_for "¶ 12/"
ok $? "12G: the reader stands on paragraph 12"
send q
wait_for "exit=0"
ok $? "q quits"
[ -n "$(find "$XDG_STATE_HOME/annals" -name 'state-*.sqlite' 2>/dev/null)" ]
ok $? "the state is kept under XDG_STATE_HOME/annals"
[ -z "$(find "$col" -newer "$col/gamma.txt" ! -path "$col")" ]
ok $? "nothing is written into the collection"

run
wait_for "¶ 12/"
ok $? "started again: the reader, on paragraph 12"
screen | grep -qF "Reader · "
ok $? "in the reader pane, where it was left"
send q
wait_for "exit=0"

run --fresh
wait_for "Articles (3)"
ok $? "--fresh: starts at the list"
screen | grep -qF "¶ 12/"
[ $? -ne 0 ]
ok $? "--fresh: not on paragraph 12"
send q
wait_for "exit=0"

# Marks: m on the second article, quit, start, ' lists the marks.
run --fresh
wait_for "Articles (3)"
send j m
wait_for "Marked:"
ok $? "m marks the selected article and says so"
send q
wait_for "exit=0"
run --fresh
wait_for "Articles (3)"
send "'"
wait_for "Articles (1)"
ok $? "' after a restart: the list of marks, one article"
mark_row=$(screen | grep -F "*" | grep -F "report" | head -n 1)
printf '%s\n' "$mark_row" | grep -q "beta"
ok $? "the marked article (beta), shown with *"
send Enter
wait_for "Reader · beta"
ok $? "Enter jumps to it"
send "'"
wait_for "Articles (3)"
ok $? "' again lists every article"
send q
wait_for "exit=0"

# Read: the article read to its end is read; u lists the unread ones.
run --fresh
wait_for "Articles (3)"
send Enter
wait_for "Reader ·"
send G
sleep 0.3
send u
wait_for "Articles (2)"
ok $? "an article whose end was on screen is read: u lists the two others"
send u r
wait_for "Marked as"
ok $? "r toggles the selected article's read state"
send q
wait_for "exit=0"

# History: open two articles, Backspace goes back to the first.
run --fresh
wait_for "Articles (3)"
send Enter
wait_for "Reader · alpha"
send Tab j Enter
wait_for "Reader · beta"
send BSpace
wait_for "Reader · alpha"
ok $? "Backspace goes back to the article read before"
send q
wait_for "exit=0"

# Side by side: q q leaves it, and the next start reads the two texts again.
run --fresh
wait_for "Articles (3)"
send Enter
wait_for "Reader · alpha"
send s
sleep 0.3
send Enter
sleep 0.5
[ "$(screen | grep -o "Reader · " | wc -l)" -eq 2 ]
ok $? "s and Enter: two texts side by side"
send q q
wait_for "exit=0"
run
wait_for "Reader · alpha"
sleep 0.3
[ "$(screen | grep -o "Reader · " | wc -l)" -eq 2 ]
ok $? "started again: side by side, the same two texts"
send q q
wait_for "exit=0"

# --no-state: nothing read, nothing written; marks hold for the run.
run --fresh
wait_for "Articles (3)"
send Enter 1 2 G
wait_for "¶ 12/"
send q
wait_for "exit=0"
before=$(cat "$XDG_STATE_HOME"/annals/* | cksum)
run --no-state
wait_for "Articles (3)"
screen | grep -qF "¶ 12/"
[ $? -ne 0 ]
ok $? "--no-state: the saved place is not read"
send m
wait_for "Marked:"
ok $? "--no-state: m marks, for this run"
send q
wait_for "exit=0"
[ "$(cat "$XDG_STATE_HOME"/annals/* | cksum)" = "$before" ]
ok $? "--no-state writes nothing"

done_testing
