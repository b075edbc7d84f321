#!/bin/sh
# fuzz_replay.sh: every corpus file of fuzz/corpus (each harness's seeds and
# every input that once crashed one) through every harness's entry point, in
# this build (no libFuzzer needed): a regression of anything the fuzzers
# found, or of a promise a harness checks, fails here. One line per harness.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
TMPDIR=$tmp; export TMPDIR
ANNALS_DATADIR="$TOP_SRCDIR/data"; export ANNALS_DATADIR
corpus="$TOP_SRCDIR/fuzz/corpus"
for name in ingest_text ingest_markdown ingest_json ingest_jsonl ingest_path clean dates \
	events segment anchors align layout fold search; do
	test -d "$corpus/$name" && test -n "$(ls "$corpus/$name")"
	ok $? "$name: has a seed corpus"
	"$TOP_BUILDDIR/fuzz/${name}_replay" "$corpus"/* >"$tmp/out" 2>"$tmp/err"
	rc=$?
	ok $rc "$name: every corpus file replayed ($(cat "$tmp/out"))"
	[ $rc -eq 0 ] || sed 's/^/# /' "$tmp/err" | tail -20
done
done_testing
