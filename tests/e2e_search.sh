# e2e_search.sh: searching in the real browser in a real (tmux) terminal, as a
# person sees it: / and a query, the results, Enter into the reader with the
# match shown in reverse video, n and N from article to article and around the
# ends, Chinese typed at the prompt finding traditional text too, a query with
# no match.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

# reversed WORD: WORD is on screen in reverse video (SGR 7), however the
# terminal spells the sequences before it.
reversed() {
	screen_e | grep -q "$(printf '\033')\[7m\($(printf '\033')\[[0-9;]*m\)*$1"
}
marked() {
	screen_e | grep -q "$(printf '\033')\[[0-9;]*4[0-9;]*m\($(printf '\033')\[[0-9;]*m\)*$1"
}

# The bundled collection: CNCERT occurs in the title and 5 times in the text
# of an English article, and the same in a Chinese one, in that order.
start 100 30 "'$ANNALS'"
# The list, once the first start has made the index.
wait_for "Articles (5)" 30
ok $? "the browser starts"

send /
wait_for "Search:"
status | grep -q "^Search:"
ok $? "/ opens the search prompt on the last line"
send CNCERT
wait_for "Search: CNCERT"
ok $? "the query is shown as it is typed"
send Enter
wait_for "Search “CNCERT” · 12 matches"
ok $? "Enter: twelve matches, counted in the title"
screen | sed -n 2p | grep -q "title .*CNCERT International"
ok $? "the first result: the article's title, said so"
screen | sed -n 3p | grep -q "¶1 .*CNCERT"
ok $? "then its paragraph and a snippet"
screen | grep -q "2022年CNCERT.*title"
ok $? "the Chinese article's results are named by its title"
[ "$(widest)" -le 100 ]
ok $? "no line wider than the terminal"

send Enter
wait_for "Reader · 000_57b86d4df9855b08"
ok $? "Enter opens the reader at the first match, the title"
send n
wait_for "Match 2 of 12."
ok $? "n: match 2 of 12"
reversed CNCERT
ok $? "the match stood on is in reverse video"
marked CNCERT
ok $? "the other matches in view are underlined"
send n n n n n
wait_for "Match 7 of 12."
ok $? "n five more times: match 7"
screen | grep -qF "Reader · 001_b00b5af80d2634d6"
ok $? "in the next article, which n opened"
send n
wait_for "Match 8 of 12."
reversed CNCERT
ok $? "its match in reverse video"
send N N
wait_for "Match 6 of 12."
ok $? "N N: back to match 6"
screen | grep -qF "Reader · 000_57b86d4df9855b08"
ok $? "in the first article again"
send N N N N N
wait_for "Match 1 of 12."
ok $? "N to the first match"
send N
wait_for "Before the first match: on to the last (12 of 12)."
ok $? "N before the first wraps to the last, and says so"
screen | grep -qF "Reader · 001_b00b5af80d2634d6"
ok $? "which is in the Chinese article"
send n
wait_for "Past the last match: back to the first (1 of 12)."
ok $? "n after the last wraps to the first, and says so"

# Chinese typed at the prompt; simplified finds traditional.
send / 网络安全 Enter
wait_for "Search “网络安全”"
ok $? "a Chinese query"
screen | grep -qF "網絡安全"
ok $? "finds the traditional 網絡安全 too"
screen | grep -qF "网络安全"
ok $? "and the simplified"

send / xyzzy Enter
wait_for "No matches for “xyzzy”."
ok $? "a query with no match says so"
send Escape
wait_for " Articles"
ok $? "Esc closes the results; the list is back"
send q
wait_for "exit=0"
ok $? "q quits"
done_testing
