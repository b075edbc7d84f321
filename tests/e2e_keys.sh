# e2e_keys.sh: the keys a reader of less, vim and mutt expects, typed into the
# real binary in a real (tmux) terminal, in English and in simplified Chinese,
# at 80x24 and 200x60: Esc closes and never quits, counts, Ctrl-D and Ctrl-U,
# { }, o and l saying what they did, f, Ctrl-L, and Ctrl-Z (or a SIGTSTP sent
# from outside) giving the shell back with fg bringing the screen back as it was. e2e_backends.sh runs it
# again on every other backend.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

# A collection of our own: one article of 150 short paragraphs, longer than
# any screen, and a second one to sort.
mkdir -p "$SCRATCH/col"
{
	printf 'Harbour days\n\n'
	i=1
	while [ $i -le 150 ]; do
		printf 'Paragraph %d: the boats leave the harbour at dawn.\n\n' $i
		i=$((i + 1))
	done
} > "$SCRATCH/col/harbour.txt"
printf 'Quay notes\n\nOn 3 March 2016 the quay was rebuilt.\n' > "$SCRATCH/col/quay.txt"

# keys LANG W H: one round of checks.
keys() {
	lang=$1 w=$2 h=$3 tag="$1 $2x$3"
	# An interactive shell, so that Ctrl-Z has a job control to go back to.
	start "$w" "$h" "env -u TMUX PS1='SH> ' LANGUAGE=$lang bash --norc --noprofile -i"
	wait_for "SH>"
	send "'$ANNALS' --backend=$BACKEND -C '$SCRATCH/col'" Enter
	wait_for "Quay notes"
	ok $? "$tag: the browser starts"

	send Escape
	sleep 0.3
	screen | grep -qF "SH>" && ! screen | grep -qF "Quay notes"
	[ $? -ne 0 ]
	ok $? "$tag: Esc at the top level does not quit"
	send "?"
	wait_for "Ctrl-D"
	ok $? "$tag: the help lists Ctrl-D"
	send Escape
	wait_gone "Ctrl-D"
	ok $? "$tag: Esc closes the help"

	send o
	case $lang in
	zh_CN) want="排序：最新优先" ;;
	*) want="Sorted: newest first" ;;
	esac
	wait_for "$want"
	ok $? "$tag: o says '$want' on the status line"
	send o o o

	# The reader on the long article (undated: last by date), Enter on it.
	send G Enter
	wait_for "¶ 1/"
	ok $? "$tag: Enter opens the reader at ¶1"
	send 3 "}"
	wait_for "¶ 3/"
	ok $? "$tag: 3} goes to ¶3"
	send "{"
	wait_for "¶ 2/"
	ok $? "$tag: { goes back to ¶2"
	send g C-d
	sleep 0.3
	status | grep -qF "¶ 1/"
	[ $? -ne 0 ] || [ "$h" -gt 40 ]
	ok $? "$tag: Ctrl-D moves half a page down (or the article fits)"
	send C-u
	wait_for "¶ 1/"
	ok $? "$tag: Ctrl-U comes back"

	send C-l
	sleep 0.3
	screen | grep -qF "¶ 1/"
	ok $? "$tag: Ctrl-L repaints the same screen"

	before=$(screen)
	send C-z
	wait_for "SH>"
	ok $? "$tag: Ctrl-Z gives the shell back"
	screen | grep -qF "¶ 1/"
	[ $? -ne 0 ]
	ok $? "$tag: with the normal screen"
	send "fg" Enter
	wait_for "¶ 1/"
	ok $? "$tag: fg brings annals back"
	settle
	[ "$(screen)" = "$before" ]
	ok $? "$tag: with the screen as it was"

	# A stop sent from outside (kill -TSTP, as a job control or a script
	# sends it) does what Ctrl-Z does.
	pid=$(pane_pid "$(basename "$ANNALS")")
	[ -n "$pid" ] && kill -TSTP "$pid"
	ok $? "$tag: kill -TSTP reaches annals ($pid)"
	wait_gone "¶ 1/"
	ok $? "$tag: kill -TSTP gives the normal screen back"
	screen | grep -qF "SH>"
	ok $? "$tag: with the shell's prompt"
	send "fg" Enter
	wait_for "¶ 1/"
	ok $? "$tag: fg brings annals back"
	settle
	[ "$(screen)" = "$before" ]
	ok $? "$tag: with the screen as it was"

	# f from the reader: the list narrowed, said on the status line; the
	# prompt edits (Ctrl-A, Ctrl-E, Backspace) as readline does.
	case $lang in
	zh_CN) label="筛选（年份、语言或词语）：" one="筛选：1 篇文章。" cleared="已清除筛选。" ;;
	*) label="Filter (year, language or words):" one="Filter: 1 article." cleared="Filter cleared." ;;
	esac
	send f
	wait_for "$label"
	ok $? "$tag: f opens the filter prompt"
	send 016 C-a 2 C-e x BSpace Enter
	wait_for "$one"
	ok $? "$tag: typed 016, Ctrl-A 2, Ctrl-E x Backspace: 2016 filters to one article"
	send f C-u Enter
	wait_for "$cleared"
	ok $? "$tag: an empty f clears it"
	# Side by side and the chooser close with Esc, and annals stays.
	send s
	sleep 0.3
	send Escape
	sleep 0.3
	screen | grep -qF "SH>"
	[ $? -ne 0 ]
	ok $? "$tag: Esc closes the chooser, and annals stays"

	send q
	wait_for "SH>"
	ok $? "$tag: q from the top level quits, asking nothing"
}

keys en 80 24
keys zh_CN 80 24
keys en 200 60
keys zh_CN 200 60
done_testing
