# e2e_backends.sh: the terminal backends, chosen at run time. --version names
# the ones built in; an unknown one, or one not built, is a usage error (status
# 2); every end-to-end terminal test runs again on each backend but the
# default; a mouse click and the wheel, as a terminal sends them, work on each.
. "$TOP_SRCDIR/tests/lib.sh"
[ -x "$ANNALS" ] || skip_all "annals not built"
ERR=${TMPDIR:-/tmp}/annals-backends-$$.err
trap 'rm -f "$ERR"' EXIT INT TERM

backends=$("$ANNALS" --version | sed -n 's/^backends: //p')
case " $backends " in *" curses "*) true ;; *) false ;; esac
ok $? "--version lists the curses backend (backends: $backends)"
"$ANNALS" --backend=curses list >/dev/null 2>"$ERR"
ok $? "--backend=curses is accepted"
"$ANNALS" --backend=nosuch list >/dev/null 2>"$ERR"
[ $? -eq 2 ]
ok $? "an unknown backend: status 2"
grep -qF "unknown backend 'nosuch'" "$ERR" && grep -qF "$backends" "$ERR"
ok $? "with a message naming it and the backends there are"
"$ANNALS" list --backend= >/dev/null 2>"$ERR"
[ $? -eq 2 ]
ok $? "an empty backend name: status 2"

has_tickit=false
case " $backends " in *" tickit "*) has_tickit=true ;; esac
if $has_tickit; then
	"$ANNALS" --backend=tickit list >/dev/null 2>"$ERR"
	ok $? "built with libtickit: --backend=tickit is accepted"
else
	"$ANNALS" --backend=tickit list >/dev/null 2>"$ERR"
	[ $? -eq 2 ]
	ok $? "built without libtickit: --backend=tickit is status 2"
	grep -qF "not built in" "$ERR"
	ok $? "with a message saying it is not built in"
fi

# The checks above need no terminal; without tmux they are the whole test.
rm -f "$ERR"
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || { echo "# tmux not found: terminal tests skipped"; done_testing; exit $?; }
. "$TOP_SRCDIR/tests/tmux.sh"

# Each end-to-end terminal test again on every other backend, its checks
# reported here with the backend's name in front.
for b in $backends; do
	[ "$b" = curses ] && continue
	for t in e2e_browser.sh e2e_hostile.sh e2e_file_names.sh e2e_keys.sh e2e_state.sh e2e_links.sh; do
		out=$(ANNALS_BACKEND=$b sh "$TOP_SRCDIR/tests/$t" 2>&1)
		n=0
		while IFS= read -r line; do
			case $line in
			"ok "*) ok 0 "$b, $t: ${line#ok * - }"; n=$((n + 1)) ;;
			"not ok "*) ok 1 "$b, $t: ${line#not ok * - }"; n=$((n + 1)) ;;
			"#"*) echo "$line" ;;
			esac
		done <<EOF
$out
EOF
		[ $n -gt 0 ]
		ok $? "$b, $t: ran ($n checks)"
	done
done

# The mouse, on every backend: the bytes an xterm-like terminal sends in the
# old X10 encoding (ESC [ M, then button, column and line, each plus 32;
# columns and lines counted from 1), written straight to the program's input.
x10() { printf '1b 5b 4d %x %x %x' $((32 + $1)) $((33 + $2)) $((33 + $3)); }
for b in $backends; do
	start 120 40 "'$ANNALS' --backend=$b"
	wait_for "Articles (5)"
	ok $? "$b: the browser starts"
	# The list's fourth row (screen line 4, 0-based) holds the Chinese article.
	send -H $(x10 0 5 4)
	send -H $(x10 3 5 4)
	send Enter
	wait_for "Reader · 001_b00b5af80d2634d6"
	ok $? "$b: a click on the fourth row selects it; Enter opens it"
	before=$(screen | sed -n 2p)
	send -H $(x10 65 80 10)
	send -H $(x10 65 80 10)
	sleep 0.5
	[ "$(screen | sed -n 2p)" != "$before" ]
	ok $? "$b: the wheel over the reader scrolls it"
	send q
	wait_for "exit=0"
	ok $? "$b: q quits with status 0"
done
done_testing
