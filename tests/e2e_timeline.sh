# e2e_timeline.sh: happenings in a real (tmux) terminal. On the trilingual
# fixture (tests/fixtures/group): the timeline has one row per happening and
# counts events and reports; Enter on the first opens its English version, and
# ] from there visits each happening once, in order, in English wherever there
# is an English version, the status line saying "event N of 9". On forty years
# of floods written here: the year bar at 40, 80 and 200 columns shows whole
# labels only, and the selected year, marked, wherever the selection goes.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

start 80 24 "'$ANNALS' -C '$FIXTURES/group'"
wait_for "Articles (7)"
ok $? "the browser opens on the trilingual fixture"
send Tab
wait_for "Timeline · 9 events · 22 reports"
ok $? "Tab: the timeline counts nine events and twenty-two reports"
test "$(screen | grep -cF "Guo Shengkun")" -eq 1
ok $? "one row for a happening told in three languages"
send g Enter
wait_for "Reader · harbour.en"
ok $? "Enter on the first happening: its English version"
prev=1 order=true english=true
for n in 2 3 4 5 6 7 8 9; do
	send ]
	wait_for "event $n of 9" || { order=false; break; }
	title=$(screen | head -n 1)
	case $n in
	4) case $title in *marathon.zh*) ;; *) english=false ;; esac ;;
	*) case $title in *harbour.en*|*bridge.en*|*museum.en*) ;; *) english=false ;; esac ;;
	esac
	prev=$n
done
$order && [ "$prev" -eq 9 ]
ok $? "] eight times: events 2 to 9 of 9, each once, in order"
$english
ok $? "in English wherever the happening has an English version"
send ]
wait_for "The last event."
ok $? "] at the last: it says so"
send [
wait_for "event 8 of 9"
ok $? "[ : back one"

# Forty years, one flood each.
years="$SCRATCH/years"
mkdir -p "$years"
y=1981
while [ $y -le 2020 ]; do
	printf -- '---\ntitle: "Flood of %s"\nlang: en\n---\n\nIn March %s, the river flooded the lower town.\n' \
		"$y" "$y" >"$years/flood-$y.md"
	y=$((y + 1))
done

# bar_check W WHEN YEAR: the row under the timeline's title, within the
# timeline (left of a │), holds YEAR, marked, and only whole years.
bar_check() {
	bar=$(screen | grep -A1 -F "Timeline ·" | tail -n 1)
	bar=${bar%%│*}
	whole=$(printf '%s\n' "$bar" | grep -oE '[0-9]+' | awk 'length($0) != 4' | wc -l)
	marked=$(screen_e | grep -A1 -F "Timeline ·" | tail -n 1 | grep -c "7m$3")
	[ "$whole" -eq 0 ] && printf '%s' "$bar" | grep -qF "$3" && [ "$marked" -ge 1 ]
	ok $? "$1 columns, $2: $3 whole and marked on the year bar"
	[ "$(widest)" -le "$1" ]
	ok $? "$1 columns, $2: nothing wider than the terminal"
}
for w in 40 80 200; do
	start "$w" 24 "'$ANNALS' -C '$years'"
	wait_for "Articles (40)"
	send Tab
	wait_for "Timeline · 40 events"
	bar_check "$w" "at the start" 1981
	send ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ] ]
	wait_for "2004 · 1 happening"
	bar_check "$w" "after ]" 2004
	send G
	wait_for "2020 · 1 happening"
	bar_check "$w" "at the end" 2020
	send g
	settle
	bar_check "$w" "back at the top" 1981
done
done_testing
