#!/bin/sh
# first_start.sh [N [RUNS]]: the browser's first start on a collection with no
# index yet (N plain-text files of about 16 KB, default 3000, the size the
# first-start test uses), in tmux. For each run it times, from the start:
#   first frame         the browser on screen (its list's title bar)
#   first articles      the list shows at least one article
#   all listed          the list shows all N
#   index done          the progress line gone (the events found too)
# and prints the median of RUNS runs (default 3). A benchmark, not a test:
# run it from the build folder, built without sanitizers:
#   sh ../bench/first_start.sh 3000 3
# JOBS sets --jobs (default: one thread per core). The collection goes to
# BENCH_DIR (default /tmp/annals-bench), kept between runs.
set -eu
n=${1:-3000}
runs=${2:-3}
annals=${ANNALS:-$(pwd)/src/annals}
base=${BENCH_DIR:-/tmp/annals-bench}
jobs=${JOBS:+--jobs=$JOBS}
[ -x "$annals" ] || { echo "$0: no $annals; run from the build folder or set ANNALS" >&2; exit 2; }
command -v tmux >/dev/null || { echo "$0: needs tmux" >&2; exit 2; }
col=$base/first-$n
if [ ! -d "$col" ]; then
	mkdir -p "$col"
	awk -v dir="$col" -v n="$n" 'BEGIN {
		filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
		for (i = 0; i < n; i++) {
			f = sprintf("%s/f%06d.txt", dir, i)
			printf "Story %06d of the first start\n\n2003-%02d-%02d\n", i, 1 + i % 12, 1 + i % 28 >f
			for (p = 0; p < 40; p++) {
				printf "\n" >f
				for (k = 0; k < 3; k++)
					printf "%s ", filler >f
				printf "\n" >f
			}
			close(f)
		}
	}'
fi
export XDG_CACHE_HOME="$base/first-cache" XDG_STATE_HOME="$base/first-state" LC_ALL=C.UTF-8
unset LANGUAGE
sock="annals-first-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
since() { echo "$(now) - $1" | bc; }

# one_run: "frame first all done" in seconds from the start.
one_run() {
	rm -rf "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
	tmux -L "$sock" kill-server 2>/dev/null || true
	s=$(now)
	tmux -L "$sock" -f /dev/null new-session -d -x 160 -y 50 "$annals $jobs -C $col"
	frame='' first='' all='' done=''
	while [ -z "$done" ]; do
		scr=$(tmux -L "$sock" capture-pane -p 2>/dev/null || true)
		c=$(printf '%s\n' "$scr" | sed -n 's/.*Articles (\([0-9]*\).*/\1/p' | head -n 1)
		[ -n "$c" ] && [ -z "$frame" ] && frame=$(since "$s")
		[ -n "$c" ] && [ "$c" -gt 0 ] && [ -z "$first" ] && first=$(since "$s")
		[ -n "$c" ] && [ "$c" -ge "$n" ] && [ -z "$all" ] && all=$(since "$s")
		[ -n "$all" ] && ! printf '%s\n' "$scr" | tail -n 1 | grep -q indexing && done=$(since "$s")
		sleep 0.02
	done
	echo "$frame $first $all $done"
	tmux -L "$sock" kill-server 2>/dev/null || true
}

i=0
: >"$base/first-runs"
while [ $i -lt "$runs" ]; do one_run >>"$base/first-runs"; i=$((i + 1)); done
echo "== first start, $n files ($(du -sk "$col" | cut -f 1) KiB), ${JOBS:+--jobs=$JOBS, }median of $runs runs"
for k in 1 2 3 4; do
	name=$(echo "first frame|first articles listed|all $n listed|index done (events found)" | cut -d'|' -f $k)
	printf '%-34s %8.3f s\n' "$name" "$(cut -d' ' -f $k "$base/first-runs" | median)"
done
