# e2e_file_names.sh: file names are not text, and the browser shows them as
# the model made them: a name carrying a title change (OSC 0) and one carrying
# a clipboard write (OSC 52) change neither the pane title nor the clipboard,
# a name that is not UTF-8 shows U+FFFD, and each such article still opens.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DIR=$SCRATCH/collection
mkdir -p "$DIR"
printf 'Title change\n\n2019-10-28\n\nThe name of this file asks the terminal for a new title.\n' \
	>"$DIR/$(printf 'a_\033]0;PWNED-TITLE\007')x.txt"
printf 'Clipboard write\n\n2019-10-29\n\nThe name of this file writes to the clipboard.\n' \
	>"$DIR/$(printf 'b_\033]52;c;cHduZWQ=\007')y.txt"
printf 'Bad bytes\n\n2019-10-30\n\nThe name of this file is not valid UTF-8 at all.\n' \
	>"$DIR/$(printf 'c_\377\376')z.txt"
# A binary file whose name writes to the clipboard: its warning quotes it.
printf '\000\001\002\003\004\005binary' >"$DIR/$(printf 'd_\033]52;c;cHduZWQ=\007')w.txt"

start 120 40 "sleep 30"
# untouched WHEN: two checks, that the pane title is the one set below and
# that tmux's clipboard is empty (a clipboard write that got through would
# land in its buffers).
untouched() {
	title=$(T display-message -p -t "$SOCK" '#{pane_title}')
	[ "$title" = "KEEP-THIS-TITLE" ]
	ok $? "$1: the pane title did not change (it is '$title')"
	[ -z "$(T list-buffers 2>/dev/null)" ]
	ok $? "$1: nothing reached the clipboard"
}
T set-option -s set-clipboard on
T select-pane -t "$SOCK" -T "KEEP-THIS-TITLE"
respawn "'$ANNALS' --backend=$BACKEND -C '$DIR'"
wait_for "Articles (3)"
ok $? "the browser starts on the collection of hostile names"
# Sorted by date: the title change, the clipboard write, the bad bytes; the
# reader is titled with the ID of the article it shows.
wait_for "Reader · a_�]0;PWNED-TITLE�x"
ok $? "the ID with a title change shows U+FFFD for its controls"
untouched "at the start"
send j Enter
wait_for "Reader · b_�]52;c;cHduZWQ=�y"
ok $? "the ID with a clipboard write shows U+FFFD for its controls"
wait_for "writes to the clipboard"
ok $? "the article with a clipboard write in its name opens"
untouched "with it open"
send Tab j Enter
wait_for "Reader · c_��z"
ok $? "the ID that is not UTF-8 shows U+FFFD for each bad byte"
wait_for "not valid UTF-8 at all"
ok $? "the article with bad bytes in its name opens"
send q
wait_for "exit=0"
ok $? "q quits with status 0"
screen | grep -qF "d_�]52;c;cHduZWQ=�w.txt: binary file"
ok $? "the warning printed on quitting quotes the name made safe"
untouched "after quitting"
done_testing
