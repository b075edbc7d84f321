# tests/lib.sh: TAP helpers for the shell tests (sourced). Each check is one TAP line.
tap_n=0
tap_failed=0
ok() {
	# ok CONDITION-STATUS DESCRIPTION: pass when the previous command succeeded
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2"; else echo "not ok $tap_n - $2"; tap_failed=$((tap_failed + 1)); fi
}
check() {
	# check DESCRIPTION COMMAND...: runs the command, one TAP line from its status
	desc=$1; shift
	"$@" >/dev/null 2>&1
	ok $? "$desc"
}
skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}
done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
