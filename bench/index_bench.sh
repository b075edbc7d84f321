#!/bin/sh
# index_bench.sh [N [RUNS]]: measures the index (issue "a persistent index") on two
# generated collections of N articles (default 100000): bench/gen_collection.sh's
# mix of formats, and plain text, one file an article. For each it prints the
# median of RUNS runs (default 3) of every row of the issue's table, with the
# reference it is compared to:
#   first complete screen, second start     (the browser in tmux, until the list shows)
#   list, second start                      (and cat of every file)
#   first ingestion                         (list with no index; and cat)
#   search one word, second start           (and rg -c -i, or grep -r -c -i without rg)
#   first / result in the browser           (from the key to the match on screen)
#   peak memory of the browser              (and the collection's size)
#   one changed file, restart to the screen (the list counting a file added)
#   the events after that change            (timeline: derived again, peak memory)
# A benchmark, not a test: run it from the build folder on a quiet machine,
# built without sanitizers:   sh ../bench/index_bench.sh 100000 3
# The collections and the index go to a scratch folder (BENCH_DIR, default
# /tmp/annals-bench) that is kept between runs, so a second run skips generating.
# BENCH_SETS names the collections measured (default "mixed plain");
# BENCH_FIRST_RUNS how many first ingestions are timed (default RUNS: each one
# indexes everything again, the dearest measure at 100k on a shared machine).
set -eu
n=${1:-100000}
runs=${2:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
annals=${ANNALS:-$(pwd)/src/annals}
base=${BENCH_DIR:-/tmp/annals-bench}
word=${BENCH_WORD:-cybersécurité}
sets=${BENCH_SETS:-mixed plain}
first_runs=${BENCH_FIRST_RUNS:-$runs}
[ -x "$annals" ] || { echo "$0: no $annals; run from the build folder or set ANNALS" >&2; exit 2; }
command -v tmux >/dev/null || { echo "$0: needs tmux" >&2; exit 2; }
mkdir -p "$base"
export XDG_CACHE_HOME="$base/cache" XDG_STATE_HOME="$base/state" XDG_CONFIG_HOME="$base/config"
export LC_ALL=C.UTF-8
sock="annals-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT

now() { date +%s.%N; }
# median: the middle one of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# timeit CMD...: seconds the command takes (output thrown away).
timeit() { s=$(now); "$@" >/dev/null 2>&1 || true; e=$(now); echo "$e - $s" | bc; }
# med CMD...: median of $runs runs.
med() { i=0; while [ $i -lt "$runs" ]; do timeit "$@"; i=$((i + 1)); done | median; }
ratio() { echo "scale=2; $1 / $2" | bc; }

gen_plain() {
	# One plain-text file an article, from the bundled articles' paragraphs.
	mkdir -p "$2"
	cat "$here"/data/collection/*.txt | awk '
		BEGIN { RS = ""; FS = "\n" }
		{ p = $0; gsub(/\n/, " ", p); if (length(p) > 80 && p !~ /^---/ && p !~ /^!\[/) print p }' |
	LC_ALL=C awk -v n="$1" -v dir="$2" '
		{ pool[np++] = $0 }
		END {
			for (i = 0; i < n; i++) {
				d = sprintf("%s/p%03d", dir, int(i / 1000))
				if (!(d in made)) { system("mkdir -p " d); made[d] = 1 }
				f = sprintf("%s/t%06d.txt", d, i)
				printf "Plain report %d\n\n%04d-%02d-%02d\n", i, 2000 + i % 25, 1 + i % 12, 1 + i % 28 >f
				for (k = 0; k < 3 + i % 4; k++)
					printf "\n%s\n", pool[(i * 7 + k * 13) % np] >f
				close(f)
			}
		}'
}

# shown_time TEXT ARGS...: seconds from starting the browser to TEXT on its
# screen; the browser is then closed.
shown_time() {
	text=$1; shift
	tmux -L "$sock" kill-server 2>/dev/null || true
	s=$(now)
	tmux -L "$sock" new-session -d -x 160 -y 50 "$annals $*"
	while ! tmux -L "$sock" capture-pane -p 2>/dev/null | grep -qi "$text"; do sleep 0.005; done
	e=$(now)
	echo "$e - $s" | bc
	tmux -L "$sock" kill-server 2>/dev/null || true
}

# screen_time ARGS...: seconds to a list on screen (a line with "report" in it).
screen_time() { shown_time report "$@"; }

# slash_time ARGS...: seconds from "/word Enter" to the first match on screen.
slash_time() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	tmux -L "$sock" new-session -d -x 160 -y 50 "$annals $*"
	while ! tmux -L "$sock" capture-pane -p 2>/dev/null | grep -qi 'report'; do sleep 0.01; done
	before=$(tmux -L "$sock" capture-pane -p)
	s=$(now)
	tmux -L "$sock" send-keys "/$word" Enter
	while [ "$(tmux -L "$sock" capture-pane -p)" = "$before" ] ||
	      tmux -L "$sock" capture-pane -p | grep -q "/$word"; do sleep 0.002; done
	e=$(now)
	echo "$e - $s" | bc
	tmux -L "$sock" kill-server 2>/dev/null || true
}

# changed_time DIR K: a file added to DIR (zz-bench-edit-K.txt), which holds
# K articles before: seconds from starting the browser to its list counting
# the new one (the list keeps the user's place, so the new article itself may
# be off screen).
changed_time() {
	printf 'Bench edit %s\n\n2001-02-03\n\nWritten by the benchmark.\n' "$2" >"$1/zz-bench-edit-$2.txt"
	shown_time "Articles ($(($2 + 1)))" -C "$1"
}

# peak_kib ARGS...: the browser's peak resident memory once the list shows.
peak_kib() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -f "$base/peak"
	tmux -L "$sock" new-session -d -x 160 -y 50 \
		"sh -c '/usr/bin/env time -f %M -o $base/peak $annals $* 2>/dev/null'"
	while ! tmux -L "$sock" capture-pane -p 2>/dev/null | grep -qi 'report'; do sleep 0.05; done
	sleep 1
	tmux -L "$sock" send-keys q
	while [ ! -s "$base/peak" ]; do sleep 0.05; done
	cat "$base/peak"
	tmux -L "$sock" kill-server 2>/dev/null || true
}

report() {
	name=$1 dir=$2
	files=$(find "$dir" -type f | wc -l)
	kib=$(du -sk "$dir" | cut -f 1)
	echo "== $name: $n articles, $files files, $((kib / 1024)) MiB; median of $runs runs"
	cat_s=$(med sh -c "find '$dir' -type f -print0 | xargs -0 cat")
	rm -rf "$XDG_CACHE_HOME"
	first=$(timeit "$annals" -C "$dir" list)
	i=1; while [ $i -lt "$first_runs" ]; do rm -rf "$XDG_CACHE_HOME"; first="$first
$(timeit "$annals" -C "$dir" list)"; i=$((i + 1)); done
	first=$(echo "$first" | median)
	direct=$(timeit "$annals" --no-cache -C "$dir" list)
	# The first browser start derives the events (and keeps them): the
	# timeline does the same, once, so that what follows is a second start.
	events=$(timeit "$annals" -C "$dir" timeline)
	list=$(med "$annals" -C "$dir" list)
	tl=$(med "$annals" -C "$dir" timeline)
	if command -v rg >/dev/null; then ref="rg -c -i"; grep_s=$(med rg -c -i "$word" "$dir")
	else ref="grep -r -c -i"; grep_s=$(med grep -r -c -i "$word" "$dir"); fi
	search=$(med "$annals" -C "$dir" search "$word")
	scr=$(i=0; while [ $i -lt "$runs" ]; do screen_time -C "$dir"; i=$((i + 1)); done | median)
	slash=$(i=0; while [ $i -lt "$runs" ]; do slash_time -C "$dir"; i=$((i + 1)); done | median)
	peak=$(peak_kib -C "$dir")
	had=$("$annals" -C "$dir" list 2>/dev/null | wc -l)
	changed=$(i=0; while [ $i -lt "$runs" ]; do changed_time "$dir" $((had + i)); i=$((i + 1)); done | median)
	# The browser was closed before it had grouped the events again: the
	# timeline does it, over the whole collection (the grouping is global).
	s=$(now)
	regroup_kib=$(/usr/bin/env time -f %M "$annals" -C "$dir" timeline 2>&1 >/dev/null | tail -n 1)
	regroup=$(echo "$(now) - $s" | bc)
	rm -f "$dir"/zz-bench-edit-*.txt
	printf '%-44s %10s   %s\n' "measure" "annals" "reference"
	printf '%-44s %9.3fs   target < 0.3 s\n' "first complete screen, second start" "$scr"
	printf '%-44s %9.3fs   cat %.3fs: %sx\n' "list, second start" "$list" "$cat_s" "$(ratio "$list" "$cat_s")"
	printf '%-44s %9.3fs   cat %.3fs: %sx (target <= 2.5x); --no-cache %.3fs\n' \
		"first ingestion (list, no index)" "$first" "$cat_s" "$(ratio "$first" "$cat_s")" "$direct"
	printf '%-44s %9.3fs   %s %.3fs: %sx faster\n' "search $word, second start" "$search" "$ref" \
		"$grep_s" "$(ratio "$grep_s" "$search")"
	printf '%-44s %9.3fs   target < 0.05 s\n' "first / result in the browser" "$slash"
	printf '%-44s %7d MiB   collection %d MiB: %sx (target <= 0.5x)\n' "peak memory, browser" \
		"$((peak / 1024))" "$((kib / 1024))" "$(ratio "$peak" "$kib")"
	printf '%-44s %9.3fs   target < 0.5 s\n' "one changed file, restart to the screen" "$changed"
	printf '%-44s %9.3fs   (once, then kept in the index)\n' "events derived (timeline, first run)" "$events"
	printf '%-44s %9.3fs   peak %d MiB\n' "timeline after the changed files" "$regroup" \
		"$((regroup_kib / 1024))"
	printf '%-44s %9.3fs\n' "timeline, second start" "$tl"
}

for set in $sets; do
	case $set in
	mixed)
		[ -d "$base/mixed-$n" ] || sh "$here/bench/gen_collection.sh" "$n" "$base/mixed-$n" >/dev/null
		report "gen_collection.sh (text, Markdown, JSON, JSON Lines)" "$base/mixed-$n" ;;
	plain)
		[ -d "$base/plain-$n" ] || gen_plain "$n" "$base/plain-$n"
		report "plain text" "$base/plain-$n" ;;
	*) echo "$0: unknown set $set (mixed, plain)" >&2; exit 2 ;;
	esac
done
