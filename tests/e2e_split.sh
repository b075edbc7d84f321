# e2e_split.sh: side-by-side reading in a real (tmux) terminal, with real keys:
# s opens the chooser, Enter puts 004's English and traditional Chinese parts
# side by side, j moves both, = and w and Tab do what the status line and the
# titles say, s closes, q closes the split view before it quits.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

start 120 40 "'$ANNALS'"
wait_for "Reader · 004_6c29ca260aaaa5ff"
ok $? "the browser opens on 004, English and traditional Chinese"
# A first start: the index is made meanwhile (slowly in a sanitizer build);
# what follows is side-by-side reading once it is.
wait_gone "indexing" 120
send s
wait_for "this article, Chinese (traditional) part"
ok $? "s: the chooser offers the article's other part"
send Enter
wait_for "Reader · 004_6c29ca260aaaa5ff · 繁"
ok $? "Enter: the 繁 part opens beside it"
screen | grep -qF "Reader · 004_6c29ca260aaaa5ff · EN"
ok $? "the English part on the other side"
status | grep -qF "sync on"
ok $? "the status line says sync on"
screen | grep -F "· EN" | grep -qF "¶ 1/4 · synced"
ok $? "the English side's title says where it is and that it is synced"
screen | grep -F "· 繁" | grep -qF "¶ 4/4 · synced"
ok $? "so does the Chinese side's"
# Every text row has the separator at column 59 ((120 - 1) / 2), CJK rows included.
separator_at 59 39 "the separator stands at column 59 on every row"

send j j j j j j j j j j
wait_for "11/22"
ok $? "j ten times: the eleventh pair"
ra=$(row_of "October 2013, ICANN")
rb=$(row_of "2013年10月")
[ -n "$ra" ] && [ "$ra" = "$rb" ]
ok $? "'October 2013' and '2013年10月' on the same row ($ra, $rb)"
[ "$(col_of "October 2013, ICANN")" -eq 1 ] && [ "$(col_of "2013年10月")" -eq 61 ]
ok $? "each at its side's first column (1 and 61)"

send w
i=0
while [ $i -lt 50 ] && [ "$(col_of "2013年10月")" -ne 1 ]; do sleep 0.1; i=$((i + 1)); done
ra=$(row_of "October 2013, ICANN")
[ "$(col_of "2013年10月")" -eq 1 ] && [ "$(col_of "October 2013, ICANN")" -eq 61 ]
ok $? "w: the sides change places"
[ -n "$ra" ] && [ "$ra" = "$(row_of "2013年10月")" ]
ok $? "and the pair still shares its row"
send w

send =
wait_for "sync off"
ok $? "=: sync off"
[ "$(screen | grep -cF "¶ 3/4 · not synced")" -eq 1 ] && screen | grep -qF "¶ 4/4 · not synced"
ok $? "and both titles say not synced"
send =
wait_for "sync on"
ok $? "=: sync on again"

send PageDown
sleep 0.3
status | grep -qE "sync on +([2-9][0-9]?|1[2-9])/22"
ok $? "a page down moves both sides and the cursor with them"

resize 80 24
wait_for "───"
[ "$(widest)" -le 80 ]
ok $? "80 columns: the sides are stacked, nothing wider than the terminal"
screen | grep -qF "Reader · 004_6c29ca260aaaa5ff · 繁"
ok $? "both sides still open"

send s
wait_gone " · 繁"
ok $? "s closes the split view"
screen | grep -qF "Reader · 004_6c29ca260aaaa5ff"
ok $? "the reader is back on 004"

send s
wait_for "this article, Chinese (traditional) part"
send Enter
wait_for " · 繁"
send q
wait_gone " · 繁"
ok $? "q closes the split view first"
screen | grep -qF "exit="
[ $? -ne 0 ]
ok $? "and annals is still running"
send q
wait_for "exit=0"
ok $? "q again quits with status 0"

# In simplified Chinese, at 80x24 and 200x60: the titles in its words, and
# every match of a search marked (bold: tmux shows the marks' attributes).
for size in "80 24" "200 60"; do
	set -- $size
	start "$1" "$2" "LANGUAGE=zh_CN '$ANNALS'"
	wait_for "阅读器 · 004_6c29ca260aaaa5ff"
	send s
	wait_for "本文的 繁体中文 部分"
	send Enter
	wait_for "¶ 4/4 · 已同步"
	ok $? "zh_CN $1x$2: the titles say where each side is, and 已同步"
	send =
	wait_for "¶ 4/4 · 未同步"
	ok $? "zh_CN $1x$2: = : 未同步"
	send = / network Enter
	wait_for "network"
	settle
	# Each network on screen, printed with the search mark's colour (yellow, 33).
	all=$(screen | grep -o network | wc -l)
	marked=$(screen_e | grep -o '\[[0-9;]*33[0-9;]*mnetwork' | wc -l)
	[ "$all" -ge 2 ] && [ "$marked" -eq "$all" ]
	ok $? "zh_CN $1x$2: /network: every one on screen marked ($marked of $all)"
	send q q
	wait_for "exit=0"
done
done_testing
