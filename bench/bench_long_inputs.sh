#!/bin/sh
# bench_long_inputs.sh [BUILDDIR]: loads each long input (tests/gen_long_inputs.sh:
# 1 MB of short paragraphs, a million lines, a single line of 20 MB, 100,000 tiny
# files) with `annals list` and reports its speed in bytes per second and its
# peak memory per input byte, both in all and beyond what a small file takes.
# Needs tests/peak_rss (make tests/peak_rss). Build without sanitizers for
# figures worth quoting; runs with --no-cache as well as with the index.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
annals=$build/src/annals peak=$build/tests/peak_rss
[ -x "$peak" ] || { echo "$0: no $peak: make tests/peak_rss first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME"
"$here/tests/gen_long_inputs.sh" "$tmp/in"
set -- $("$peak" "$annals" --no-cache -C "$here/data/collection/003_b652dcd5a69fc392.txt" list)
base=$2
echo "a small file: peak $base kB"
printf '%-28s %-10s %10s %8s %12s %10s %12s\n' input mode bytes seconds "MB/s" "peak kB" "B/B (extra)"
for input in paras.txt lines.txt line.txt tiny; do
	bytes=$(du -sb --apparent-size "$tmp/in/$input" | cut -f1)
	for mode in --no-cache index; do
		opt=$mode; [ "$mode" = index ] && opt=
		rm -rf "$XDG_CACHE_HOME"
		set -- $("$peak" "$annals" $opt -C "$tmp/in/$input" list)
		awk -v n="$input" -v m="$mode" -v b="$bytes" -v rc="$1" -v kb="$2" -v s="$3" -v base="$base" \
			'BEGIN { mbs = 0; if (s > 0) mbs = b / s / 1e6; note = ""; if (rc != 0) note = "  exit " rc
				 printf "%-28s %-10s %10d %8.2f %12.2f %10d %5.1f (%4.1f)%s\n", n, m, b, s,
				 mbs, kb, kb * 1024 / b, (kb - base) * 1024 / b, note }'
	done
done
