# e2e_browser.sh: the real binary in a real (tmux) terminal, as a person sees
# it: panes side by side at 120 columns, CJK text in the right columns, help,
# resize down to "too small" and back, Ctrl-C and q giving the shell back.
. "$TOP_SRCDIR/tests/lib.sh"
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || skip_all "tmux not found"
[ -x "$ANNALS" ] || skip_all "annals not built"
# ANNALS_BACKEND picks the terminal backend under test (e2e_backends.sh sets it).
BACKEND=${ANNALS_BACKEND:-curses}

# Each session gets its own server (socket), so that one ending cannot race
# with the next starting.
n=0
next_server() { n=$((n + 1)); SOCK=annals-test-$$-$n; }
next_server
T() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1' EXIT INT TERM
screen() { T capture-pane -p -t "$SOCK" 2>/dev/null; }
# wait_for TEXT: up to 5 s for TEXT to be on screen.
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
wait_gone() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# widest: the widest line on screen, in columns (wc -L counts CJK as 2).
widest() { screen | wc -L; }

# The session runs annals after a marker line, then says how it ended.
T new-session -d -s "$SOCK" -x 120 -y 40 \
	"printf 'BEFORE-ANNALS\n'; '$ANNALS' --backend=$BACKEND; echo \"exit=\$?\"; sleep 30"
wait_for "Articles"
ok $? "the browser starts on the bundled collection"
screen | grep -q "^ Articles (5)"
ok $? "the list at the top left, with its five articles"
wait_for "Reader ·"
ok $? "120 columns: the reader is shown beside the list"
screen | grep -qF " Timeline"
ok $? "and the timeline under the list"
# Every body row has the separator at column 48 (120 * 2 / 5), CJK rows included.
bad=$(screen | head -n 39 | while IFS= read -r line; do
	left=${line%%│*}
	[ "$left" = "$line" ] && { echo "no separator: $line"; continue; }
	w=$(printf '%s' "$left" | wc -L)
	[ "$w" -eq 48 ] || echo "$w: $line"
done)
[ -z "$bad" ]
ok $? "the separator stands at column 48 on every row, CJK titles included"
[ -n "$bad" ] && printf '# %s\n' "$bad"
screen | grep -q "2022年CNCERT"
ok $? "a Chinese title is shown"
[ "$(widest)" -le 120 ]
ok $? "no line is wider than the terminal"

T send-keys -t "$SOCK" "?"
wait_for "Help"
ok $? "? shows the help"
screen | grep -qF "quit"
ok $? "the help lists q"
T send-keys -t "$SOCK" q
wait_gone "Help —"
ok $? "q closes the help first"
screen | grep -qF "Articles"
ok $? "and the panes are back"

# Open the Chinese article from the list and read it.
T send-keys -t "$SOCK" j j j Enter
wait_for "Reader · 001_b00b5af80d2634d6"
ok $? "Enter opens the selected article in the reader"
screen | grep -qF "¶ 1/"
ok $? "the status line shows the reading position"
T send-keys -t "$SOCK" Space
sleep 0.3
screen | tail -n 1 | grep -qE "¶ [0-9]+/[0-9]+ +[0-9]+%"
ok $? "after Space, a position and a percentage"

T resize-window -t "$SOCK" -x 80 -y 24
wait_gone " Timeline"
ok $? "80 columns: the focused reader takes the screen"
[ "$(widest)" -le 80 ] && [ "$(screen | wc -l)" -eq 24 ]
ok $? "the screen is laid out again to 80x24"
screen | grep -qF "Reader · 001_b00b5af80d2634d6"
ok $? "the same article stays open"
T send-keys -t "$SOCK" Tab
wait_for " Articles"
ok $? "Tab brings the list"
T send-keys -t "$SOCK" Tab
wait_for " Timeline"
ok $? "Tab again: the timeline"
screen | grep -qE "20[0-9][0-9]▁|20[0-9][0-9]█|20[0-9][0-9]▄"
ok $? "the timeline shows a bar of years"
T resize-window -t "$SOCK" -x 15 -y 5
wait_for "Terminal"
ok $? "a tiny terminal says it is too small"
T resize-window -t "$SOCK" -x 120 -y 40
wait_for "Reader ·"
ok $? "and recovers when enlarged"
T send-keys -t "$SOCK" q
wait_for "exit=0"
ok $? "q quits with status 0"
screen | grep -qF "BEFORE-ANNALS"
ok $? "the normal screen is back after q"
screen | grep -qF "Articles"
[ $? -ne 0 ]
ok $? "nothing of the browser is left on it"
T kill-server >/dev/null 2>&1
next_server

# Ctrl-C gives the terminal back too.
T new-session -d -s "$SOCK" -x 100 -y 30 \
	"printf 'BEFORE-ANNALS\n'; '$ANNALS' --backend=$BACKEND; echo \"exit=\$?\"; sleep 30"
wait_for "Articles"
T send-keys -t "$SOCK" C-c
wait_for "exit="
ok $? "Ctrl-C ends the browser"
screen | grep -qF "exit=130"
ok $? "with status 130, as an interrupted program"
screen | grep -qF "BEFORE-ANNALS" && ! screen | grep -qF "Articles"
ok $? "and restores the normal screen"
T kill-server >/dev/null 2>&1
next_server

# A fatal signal: the handler ends curses before the program dies.
T new-session -d -s "$SOCK" -x 100 -y 30 \
	"printf 'BEFORE-ANNALS\n'; '$ANNALS' --backend=$BACKEND; echo \"exit=\$?\"; sleep 30"
wait_for "Articles"
shell=$(T display-message -p -t "$SOCK" '#{pane_pid}')
pid=$(ps -o pid= --ppid "$shell" | tr -d ' ' | head -n 1)
[ -n "$pid" ] && kill -SEGV "$pid"
wait_for "exit="
ok $? "SIGSEGV ends the browser"
screen | grep -qF "BEFORE-ANNALS" && ! screen | grep -qF "Articles"
ok $? "and the normal screen is back"
T kill-server >/dev/null 2>&1
next_server

# A locale that is not UTF-8: a clear message before the screen is touched.
T new-session -d -s "$SOCK" -x 100 -y 30 \
	"LC_ALL=C '$ANNALS' --backend=$BACKEND 2>&1; echo \"exit=\$?\"; sleep 30"
wait_for "exit="
screen | grep -qF "exit=1"
ok $? "a non-UTF-8 locale: exit status 1"
screen | grep -qF "UTF-8"
ok $? "with a message that names UTF-8"
T kill-server >/dev/null 2>&1

"$ANNALS" --backend="$BACKEND" </dev/null >/dev/null 2>"${TMPDIR:-/tmp}/annals-e2e-$$.err"
[ $? -eq 1 ]
ok $? "not a terminal: status 1"
grep -qF "terminal" "${TMPDIR:-/tmp}/annals-e2e-$$.err"
ok $? "with a message about the terminal"
rm -f "${TMPDIR:-/tmp}/annals-e2e-$$.err"
done_testing
