# e2e_split.sh: side-by-side reading in a real (tmux) terminal, with real keys:
# s opens the chooser, Enter puts 004's English and traditional Chinese parts
# side by side, j moves both, = and w and Tab do what the status line and the
# titles say, s closes, q closes the split view before it quits.
. "$TOP_SRCDIR/tests/lib.sh"
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || skip_all "tmux not found"
[ -x "$ANNALS" ] || skip_all "annals not built"

SOCK=annals-split-$$
T() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1' EXIT INT TERM
screen() { T capture-pane -p -t "$SOCK" 2>/dev/null; }
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
# row_of TEXT: the 1-based screen row where TEXT first is, or nothing.
row_of() { screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1; }
# col_of TEXT: the column (in cells, wc -L counts CJK as 2) where TEXT starts.
col_of() {
	line=$(screen | grep -F -- "$1" | head -n 1)
	left=${line%%"$1"*}
	printf '%s' "$left" | wc -L
}

T new-session -d -s "$SOCK" -x 120 -y 40 "'$ANNALS'; echo \"exit=\$?\"; sleep 30"
wait_for "Reader · 004_6c29ca260aaaa5ff"
ok $? "the browser opens on 004, English and traditional Chinese"
T send-keys -t "$SOCK" s
wait_for "this article, 繁 part"
ok $? "s: the chooser offers the article's other part"
T send-keys -t "$SOCK" Enter
wait_for "Reader · 004_6c29ca260aaaa5ff · 繁"
ok $? "Enter: the 繁 part opens beside it"
screen | grep -qF "Reader · 004_6c29ca260aaaa5ff · EN"
ok $? "the English part on the other side"
screen | tail -n 1 | grep -qF "sync on"
ok $? "the status line says sync on"
# Every text row has the separator at column 59 ((120 - 1) / 2), CJK rows included.
bad=$(screen | head -n 39 | while IFS= read -r line; do
	left=${line%%│*}
	[ "$left" = "$line" ] && { echo "no separator: $line"; continue; }
	w=$(printf '%s' "$left" | wc -L)
	[ "$w" -eq 59 ] || echo "$w: $line"
done)
[ -z "$bad" ]
ok $? "the separator stands at column 59 on every row"
[ -n "$bad" ] && printf '# %s\n' "$bad"

T send-keys -t "$SOCK" j j j j j j j j j j
wait_for "11/22"
ok $? "j ten times: the eleventh pair"
ra=$(row_of "October 2013, ICANN")
rb=$(row_of "2013年10月")
[ -n "$ra" ] && [ "$ra" = "$rb" ]
ok $? "'October 2013' and '2013年10月' on the same row ($ra, $rb)"
[ "$(col_of "October 2013, ICANN")" -eq 1 ] && [ "$(col_of "2013年10月")" -eq 61 ]
ok $? "each at its side's first column (1 and 61)"

T send-keys -t "$SOCK" w
i=0
while [ $i -lt 50 ] && [ "$(col_of "2013年10月")" -ne 1 ]; do sleep 0.1; i=$((i + 1)); done
ra=$(row_of "October 2013, ICANN")
[ "$(col_of "2013年10月")" -eq 1 ] && [ "$(col_of "October 2013, ICANN")" -eq 61 ]
ok $? "w: the sides change places"
[ -n "$ra" ] && [ "$ra" = "$(row_of "2013年10月")" ]
ok $? "and the pair still shares its row"
T send-keys -t "$SOCK" w

T send-keys -t "$SOCK" =
wait_for "sync off"
ok $? "=: sync off"
T send-keys -t "$SOCK" =
wait_for "sync on"
ok $? "=: sync on again"

T send-keys -t "$SOCK" PageDown
sleep 0.3
screen | tail -n 1 | grep -qE "sync on +([2-9][0-9]?|1[2-9])/22"
ok $? "a page down moves both sides and the cursor with them"

T resize-window -t "$SOCK" -x 80 -y 24
wait_for "───"
[ "$(screen | wc -L)" -le 80 ]
ok $? "80 columns: the sides are stacked, nothing wider than the terminal"
screen | grep -qF "Reader · 004_6c29ca260aaaa5ff · 繁"
ok $? "both sides still open"

T send-keys -t "$SOCK" s
wait_gone " · 繁"
ok $? "s closes the split view"
screen | grep -qF "Reader · 004_6c29ca260aaaa5ff"
ok $? "the reader is back on 004"

T send-keys -t "$SOCK" s
wait_for "this article, 繁 part"
T send-keys -t "$SOCK" Enter
wait_for " · 繁"
T send-keys -t "$SOCK" q
wait_gone " · 繁"
ok $? "q closes the split view first"
screen | grep -qF "exit="
[ $? -ne 0 ]
ok $? "and annals is still running"
T send-keys -t "$SOCK" q
wait_for "exit=0"
ok $? "q again quits with status 0"
T kill-server >/dev/null 2>&1

done_testing
