#!/bin/sh
# gen_collection.sh N DIR: writes a collection of N articles into DIR (which must
# not exist yet), made of the bundled articles' paragraphs, in every format
# ingest reads: plain text, Markdown with front matter, JSON objects, and JSON
# Lines files of ten records each; a hundred files a folder.
#
# Measuring `annals list` (hyperfine is one way):
#   bench/gen_collection.sh 10000 /tmp/c10k
#   hyperfine --warmup 2 'src/annals -C /tmp/c10k list >/dev/null'
#   hyperfine --warmup 2 'src/annals list >/dev/null'          # the bundled five
# Build without --enable-sanitizers for figures worth quoting.
set -eu
if [ $# -ne 2 ] || ! [ "$1" -ge 1 ] 2>/dev/null; then
	echo "usage: $0 N DIR" >&2
	exit 2
fi
n=$1 dir=$2
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -e "$dir" ]; then
	echo "$0: $dir exists; give a new folder" >&2
	exit 1
fi
mkdir -p "$dir"
# The pool: every paragraph of the bundled articles longer than 80 bytes, one
# a line (Markdown images and front matter left out).
cat "$here"/data/collection/*.txt | awk '
	BEGIN { RS = ""; FS = "\n" }
	{ p = $0; gsub(/\n/, " ", p); gsub(/\t/, " ", p)
	  if (length(p) > 80 && p !~ /^---/ && p !~ /^!\[/) print p }' >"$dir/.pool"
LC_ALL=C awk -v n="$n" -v dir="$dir" '
	function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
	function date(i) { return sprintf("%04d-%02d-%02d", 2000 + i % 25, 1 + i % 12, 1 + i % 28) }
	function title(i) { return "Report " i " of the bench collection" }
	function body(i, sep,   k, s) {
		s = ""
		for (k = 0; k < 3 + i % 4; k++)
			s = s (k ? sep : "") pool[(i * 7 + k * 13) % np]
		return s
	}
	{ pool[np++] = $0 }
	END {
		i = 0
		while (i < n) {
			sub_ = sprintf("%s/part%03d", dir, int(i / 100))
			if (!(sub_ in made)) { system("mkdir -p \"" sub_ "\""); made[sub_] = 1 }
			kind = i % 4
			if (kind == 3 && n - i >= 10) {
				f = sprintf("%s/a%06d.jsonl", sub_, i)
				for (r = 0; r < 10; r++) {
					printf "{\"title\": \"%s\", \"date\": \"%s\", \"text\": \"%s\"}\n",
						esc(title(i)), date(i), esc(body(i, "\\n\\n")) >f
					i++
				}
				close(f)
				continue
			}
			if (kind == 0) {
				f = sprintf("%s/a%06d.txt", sub_, i)
				printf "%s\n\n%s\n\n%s\n", title(i), date(i), body(i, "\n\n") >f
			} else if (kind == 1) {
				f = sprintf("%s/a%06d.md", sub_, i)
				printf "---\ntitle: %s\ndate: %s\nsource: Bench\n---\n\n# %s\n\n%s\n",
					title(i), date(i), title(i), body(i, "\n\n") >f
			} else {
				f = sprintf("%s/a%06d.json", sub_, i)
				printf "{\"title\": \"%s\", \"date\": \"%s\", \"source\": \"Bench\", \"body\": \"%s\"}\n",
					esc(title(i)), date(i), esc(body(i, "\\n\\n")) >f
			}
			close(f)
			i++
		}
	}' "$dir/.pool"
rm -f "$dir/.pool"
