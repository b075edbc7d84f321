# e2e_hostile.sh: an article full of terminal escapes is shown, never obeyed:
# the pane title (OSC 0) stays, the screen is not cleared (CSI 2J), and a C1
# CSI byte does nothing; the panes are drawn as before.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DIR=$SCRATCH/collection
mkdir -p "$DIR"
# Raw ESC, BEL and the C1 byte 0x9b (as UTF-8 U+009B, and as a bare byte).
printf 'Hostile \033]0;PWNED-TITLE\007 headline \033[2J here\n\nFirst \033]2;PWNED-AGAIN\033\\ paragraph with \033[31mred\033[0m and \302\2332J and \2331m bytes.\n\nSecond paragraph, plain and calm.\n' \
	>"$DIR/hostile.txt"
printf 'A calm article\n\nNothing to see here, only words.\n' >"$DIR/calm.txt"

# The pane is given a title first, then annals in its place.
start 120 40 "sleep 30"
T select-pane -t "$SOCK" -T "KEEP-THIS-TITLE"
respawn "'$ANNALS' --backend=$BACKEND -C '$DIR'"
wait_for "Articles (2)"
ok $? "the browser starts on the hostile collection"
screen | tail -n 1 | grep -qF "1 problem while loading the collection: listed when annals quits."
ok $? "the status line says a file had a problem (its invalid UTF-8)"
# Undated, the two sort by name: calm, then hostile.
send j Enter
wait_for "Second paragraph"
ok $? "the hostile article is open in the reader"
title=$(T display-message -p -t "$SOCK" '#{pane_title}')
[ "$title" = "KEEP-THIS-TITLE" ]
ok $? "the pane title did not change (it is '$title')"
screen | grep -qF "Articles (2)"
ok $? "the screen was not cleared: the list is still there"
screen | grep -qF "paragraph with"
ok $? "the text around the escapes is shown"
screen | grep -q "PWNED"
[ $? -ne 0 ] || screen | grep -qF "]0;PWNED"
ok $? "an OSC that is shown at all is shown as text"
send q
wait_for "exit=0"
ok $? "q quits with status 0"
screen | grep -q "^annals: $DIR/hostile.txt: byte [0-9]*: invalid UTF-8 replaced"
ok $? "the problem is printed once the screen is restored"
title=$(T display-message -p -t "$SOCK" '#{pane_title}')
[ "$title" = "KEEP-THIS-TITLE" ]
ok $? "the pane title is still the same after quitting"
done_testing
