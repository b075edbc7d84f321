# e2e_browser.sh: the real binary in a real (tmux) terminal, as a person sees
# it: panes side by side at 120 columns, CJK text in the right columns, help,
# resize down to "too small" and back, Ctrl-C and q giving the shell back.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

# browse W H: the browser in a fresh terminal, after a marker line that shows
# whether the normal screen came back.
browse() { start "$1" "$2" "printf 'BEFORE-ANNALS\n'; '$ANNALS' --backend=$BACKEND"; }
# restored DESCRIPTION: the marker is on screen and nothing of the browser.
restored() {
	screen | grep -qF "BEFORE-ANNALS" && ! screen | grep -qF "Articles"
	ok $? "$1"
}

browse 120 40
# A first start shows the browser at once and the list when the index is made:
# five articles, in time even for a sanitizer build on a loaded machine.
wait_for "Articles (5)" 30
ok $? "the browser starts on the bundled collection"
screen | grep -q "^ Articles (5)"
ok $? "the list at the top left, with its five articles"
wait_for "Reader ·"
ok $? "120 columns: the reader is shown beside the list"
wait_for " Timeline"
ok $? "and the timeline under the list"
# Every body row has the separator at column 48 (120 * 2 / 5), CJK rows included.
separator_at 48 39 "the separator stands at column 48 on every row, CJK titles included"
screen | grep -q "2022年CNCERT"
ok $? "a Chinese title is shown"
[ "$(widest)" -le 120 ]
ok $? "no line is wider than the terminal"

send "?"
wait_for "Help"
ok $? "? shows the help"
screen | grep -qF "quit"
ok $? "the help lists q"
send q
wait_gone "Help —"
ok $? "q closes the help first"
screen | grep -qF "Articles"
ok $? "and the panes are back"

# Open the Chinese article from the list and read it.
send j j j Enter
wait_for "Reader · 001_b00b5af80d2634d6"
ok $? "Enter opens the selected article in the reader"
wait_for "¶ 1/"
ok $? "the status line shows the reading position"
send Space
sleep 0.3
status | grep -qE "¶ [0-9]+/[0-9]+ · [0-9]+%"
ok $? "after Space, a position and a percentage"

resize 80 24
wait_gone " Timeline"
ok $? "80 columns: the focused reader takes the screen"
[ "$(widest)" -le 80 ] && [ "$(screen | wc -l)" -eq 24 ]
ok $? "the screen is laid out again to 80x24"
screen | grep -qF "Reader · 001_b00b5af80d2634d6"
ok $? "the same article stays open"
send Tab
wait_for " Articles"
ok $? "Tab brings the list"
send Tab
wait_for " Timeline"
ok $? "Tab again: the timeline"
screen | grep -qE "20[0-9][0-9]▁|20[0-9][0-9]█|20[0-9][0-9]▄"
ok $? "the timeline shows a bar of years"
resize 15 5
wait_for "Terminal"
ok $? "a tiny terminal says it is too small"
resize 120 40
wait_for "Reader ·"
ok $? "and recovers when enlarged"
send q
wait_for "exit=0"
ok $? "q quits with status 0"
screen | grep -qF "BEFORE-ANNALS"
ok $? "the normal screen is back after q"
screen | grep -qF "Articles"
[ $? -ne 0 ]
ok $? "nothing of the browser is left on it"

# ended_by HOW DESCRIPTION: the browser, ended by the function HOW; checks
# that it ended. The terminal must be given back whatever ends it.
ended_by() {
	browse 100 30
	wait_for "Articles (5)" 30
	$1
	wait_for "exit="
	ok $? "$2"
}
# Ctrl-C gives the terminal back too.
ctrl_c() { send C-c; }
ended_by ctrl_c "Ctrl-C ends the browser"
screen | grep -qF "exit=130"
ok $? "with status 130, as an interrupted program"
restored "and restores the normal screen"
# A fatal signal: the handler ends curses before the program dies.
segv() {
	shell=$(T display-message -p -t "$SOCK" '#{pane_pid}')
	pid=$(ps -o pid= --ppid "$shell" | tr -d ' ' | head -n 1)
	[ -n "$pid" ] && kill -SEGV "$pid"
}
ended_by segv "SIGSEGV ends the browser"
restored "and the normal screen is back"

# A locale that is not UTF-8: a clear message before the screen is touched.
start 100 30 "LC_ALL=C '$ANNALS' --backend=$BACKEND 2>&1"
wait_for "exit="
screen | grep -qF "exit=1"
ok $? "a non-UTF-8 locale: exit status 1"
screen | grep -qF "UTF-8"
ok $? "with a message that names UTF-8"

"$ANNALS" --backend="$BACKEND" </dev/null >/dev/null 2>"$SCRATCH/err"
[ $? -eq 1 ]
ok $? "not a terminal: status 1"
grep -qF "terminal" "$SCRATCH/err"
ok $? "with a message about the terminal"
done_testing
