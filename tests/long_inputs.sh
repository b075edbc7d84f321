#!/bin/sh
# long_inputs.sh: inputs far longer than articles, generated here (never
# committed): 1 MB of short paragraphs, a million lines, a single line of
# 20 MB, 100,000 tiny files. Each must load; how fast and in how much memory
# is measured by bench/bench_long_inputs.sh, not here, except for two guards
# against what these inputs once did: short paragraphs took time in the
# square of their number (2 MB: minutes), and a million short lines held
# over 40 bytes of memory per byte of the file (then 11: a line's 16 bytes,
# its key's and the sort's; now about 4).
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
PEAK="$TOP_BUILDDIR/tests/peak_rss"
"$TOP_SRCDIR/tests/gen_long_inputs.sh" "$tmp/in"; ok $? "the long inputs generated"

# run NAME PATH ARTICLES: loads PATH with list; exit 0 and ARTICLES listed.
run() {
	name=$1 path=$2 want=$3
	set -- $("$PEAK" -o "$tmp/out" "$ANNALS" -C "$path" list)
	echo "# $name: exit $1, peak $2 kB, $3 s"
	test "$1" -eq 0; ok $? "$name: loads (exit 0)"
	test "$(wc -l <"$tmp/out")" -eq "$want"; ok $? "$name: $want article(s) listed"
	peak=$2
}
run "1 MB of short paragraphs" "$tmp/in/paras.txt" 1
run "a million lines" "$tmp/in/lines.txt" 1
lines_peak=$peak
run "a single line of 20 MB" "$tmp/in/line.txt" 1
run "100,000 tiny files" "$tmp/in/tiny" 100000

# Guard: time in proportion to the paragraphs (the quadratic took minutes).
awk 'BEGIN { printf "Short paragraphs\n\n"; for (i = 0; i < 170000; i++) printf "Word %d.\n\n", i }' \
	>"$tmp/paras2.txt"
# Not under AddressSanitizer, whose allocator makes every build slower than
# the quadratic was at this size.
if ldd "$ANNALS" 2>/dev/null | grep -q libasan; then
	echo "ok $((tap_n + 1)) - # SKIP time: built with AddressSanitizer"; tap_n=$((tap_n + 1))
else
	timeout 120 "$ANNALS" -C "$tmp/paras2.txt" list >/dev/null 2>&1
	ok $? "2 MB of short paragraphs loads within 120 s (in proportion to their number)"
fi

# Guard: memory in proportion to the file, at most 8 bytes a byte beyond what
# annals takes to load a small file (about 4 today, with the index's share). Not measurable under AddressSanitizer.
if ldd "$ANNALS" 2>/dev/null | grep -q libasan; then
	echo "ok $((tap_n + 1)) - # SKIP memory: built with AddressSanitizer"; tap_n=$((tap_n + 1))
else
	set -- $("$PEAK" "$ANNALS" -C "$TOP_SRCDIR/data/collection/003_b652dcd5a69fc392.txt" list)
	base=$2
	size=$(($(wc -c <"$tmp/in/lines.txt") / 1024))
	echo "# a million lines: $size kB, peak $lines_peak kB, a small file $base kB"
	test "$lines_peak" -le $((base + 8 * size)); ok $? "a million lines: peak memory within 8 times the file (beyond a small file's)"
fi
done_testing
