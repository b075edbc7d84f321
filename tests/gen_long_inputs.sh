#!/bin/sh
# gen_long_inputs.sh DIR: the long inputs, written into DIR (made here): a file
# of 1 MB of short paragraphs (paras.txt), one of a million lines (lines.txt),
# one single line of 20 MB (line.txt), and a folder of 100,000 tiny files
# (tiny/). Generated, never committed; awk writes them in seconds.
set -eu
dir=$1
mkdir -p "$dir/tiny"
awk 'BEGIN { printf "Short paragraphs\n\n"; n = 18; i = 0
	while (n < 1048576) { s = sprintf("Word %d.\n\n", i++); printf "%s", s; n += length(s) } }' \
	>"$dir/paras.txt"
awk 'BEGIN { printf "A million lines\n\n2019-10-28\n\nThe text of this article comes before a million short lines.\n\n"
	for (i = 0; i < 1000000; i++) print "ab" }' >"$dir/lines.txt"
awk 'BEGIN { printf "One line"; for (i = 0; i < 4000000; i++) printf " word" }' >"$dir/line.txt"
awk -v d="$dir/tiny" 'BEGIN { for (i = 0; i < 100000; i++) {
	f = sprintf("%s/f%06d.txt", d, i); printf "Tiny %d\n\nWord %d of the collection.\n", i, i >f; close(f) } }'
