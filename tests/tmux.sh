# tests/tmux.sh: annals in a real (tmux) terminal, for the end-to-end tests
# (sourced after lib.sh). Skips the whole script without tmux or the binary.
#   start W H CMD...    CMD in a fresh W x H terminal; "exit=STATUS" is printed
#                       when it ends, and the terminal stays up to be read
#   respawn CMD...      CMD in place of what runs there, in the same terminal
#   send KEYS...        keys, as tmux send-keys names them (-H for raw bytes)
#   resize W H          the terminal to W x H
#   screen, screen_e    the screen as text; with its attributes as escapes
#   status              the screen's last line
#   wait_for TEXT [S]   up to S seconds (10) for TEXT to be on screen
#   wait_gone TEXT [S]  up to S seconds (10) for TEXT to leave it
#   settle              up to 5 s for the screen to stop changing
#   widest              the widest line on screen, in columns
#   row_of, col_of TEXT where TEXT first stands on screen
#   pane_pid NAME       the process id of the program NAME that runs in the
#                       terminal (under its shell), or nothing
#   separator_at COL ROWS DESCRIPTION
#                       a check: │ at column COL on the first ROWS rows
# Each start gets a reading state of its own (a fresh XDG_STATE_HOME in
# $SCRATCH), so that one run does not start where another left off; a script
# that tests what is kept between runs sets KEEP_STATE to the folder to share.
# $BACKEND is the terminal backend under test: ANNALS_BACKEND, else curses
# (e2e_backends.sh runs the other scripts again with it set). $SCRATCH is a
# directory of the script's own, removed at the end with the terminal.
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || skip_all "tmux not found"
[ -x "$ANNALS" ] || skip_all "annals not built"
BACKEND=${ANNALS_BACKEND:-curses}

# Each start gets its own server (socket), named after the script and its
# process, so that one session ending cannot race with the next starting, nor
# one script's with another's run at the same time.
tmux_name=annals-$(basename "$0" .sh)-$$
tmux_n=0
SOCK=$tmux_name-0
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/$tmux_name.XXXXXX") || skip_all "no scratch directory"
T() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }
# tmux_stop: ends the server, and removes its socket, which it leaves behind.
tmux_stop() {
	tmux_sock=$(T display-message -p '#{socket_path}' 2>/dev/null)
	T kill-server >/dev/null 2>&1
	[ -z "$tmux_sock" ] || rm -f "$tmux_sock"
}
tmux_exit() { tmux_stop; rm -rf "$SCRATCH"; }
trap tmux_exit EXIT
# An interrupted script still ends through the EXIT trap above.
trap 'exit 130' INT
trap 'exit 143' TERM

# The shell command a terminal runs: CMD, then how it ended, then a pause
# that keeps the terminal up to be read (the trap ends it sooner).
tmux_tail='; echo "exit=$?"; sleep 30'
start() {
	tmux_w=$1 tmux_h=$2
	shift 2
	tmux_stop
	tmux_n=$((tmux_n + 1))
	SOCK=$tmux_name-$tmux_n
	T new-session -d -s "$SOCK" -x "$tmux_w" -y "$tmux_h" "$(tmux_state)$*$tmux_tail"
}
respawn() { T respawn-pane -k -t "$SOCK" "$(tmux_state)$*$tmux_tail"; }
tmux_state() {
	printf "XDG_STATE_HOME='%s'; export XDG_STATE_HOME; " "${KEEP_STATE:-$SCRATCH/state-$tmux_n}"
}
send() { T send-keys -t "$SOCK" "$@"; }
resize() { T resize-window -t "$SOCK" -x "$1" -y "$2"; }
screen() { T capture-pane -p -t "$SOCK" 2>/dev/null; }
screen_e() { T capture-pane -e -p -t "$SOCK" 2>/dev/null; }
status() { screen | tail -n 1; }

# tmux_poll WANT TEXT [S]: up to S seconds (10: a loaded machine running the
# suite in parallel is slow to draw) for grep to say WANT (0: found,
# 1: not found) of TEXT on screen, looking every tenth of a second.
tmux_poll() {
	tmux_i=0
	while [ "$tmux_i" -lt $((${3:-10} * 10)) ]; do
		screen | grep -qF -- "$2"
		[ $? -eq "$1" ] && return 0
		sleep 0.1
		tmux_i=$((tmux_i + 1))
	done
	return 1
}
wait_for() { tmux_poll 0 "$@"; }
wait_gone() { tmux_poll 1 "$@"; }
settle() {
	tmux_prev=$(screen)
	tmux_i=0
	while [ "$tmux_i" -lt 25 ]; do
		sleep 0.2
		tmux_now=$(screen)
		[ "$tmux_now" = "$tmux_prev" ] && return 0
		tmux_prev=$tmux_now
		tmux_i=$((tmux_i + 1))
	done
	return 1
}

pane_pid() {
	tmux_root=$(T display-message -p -t "$SOCK" '#{pane_pid}' 2>/dev/null)
	[ -n "$tmux_root" ] || return 0
	# The processes named NAME whose ancestors include the pane's shell.
	ps -e -o pid= -o ppid= -o comm= | awk -v root="$tmux_root" -v name="$1" '
		{ parent[$1] = $2; comm[$1] = $3 }
		END { for (p in comm) if (comm[p] == name) {
			for (q = p; q in parent && q != root && q > 1; q = parent[q]) ;
			if (q == root) print p } }' | head -n 1
}

# Widths in columns are counted by wc -L, which counts CJK as 2.
widest() { screen | wc -L; }
# row_of TEXT: the 1-based screen row where TEXT first is, or nothing.
row_of() { screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1; }
# col_of TEXT: the column (0-based) where TEXT first starts.
col_of() {
	tmux_line=$(screen | grep -F -- "$1" | head -n 1)
	printf '%s' "${tmux_line%%"$1"*}" | wc -L
}
# separator_at COL ROWS DESCRIPTION: one check, that the first │ of each of
# the first ROWS rows stands at column COL; the rows where it does not (or
# that have none) follow as comments.
separator_at() {
	tmux_bad=$(screen | head -n "$2" | while IFS= read -r tmux_line; do
		tmux_left=${tmux_line%%│*}
		[ "$tmux_left" = "$tmux_line" ] && { echo "no separator: $tmux_line"; continue; }
		tmux_col=$(printf '%s' "$tmux_left" | wc -L)
		[ "$tmux_col" -eq "$1" ] || echo "$tmux_col: $tmux_line"
	done)
	[ -z "$tmux_bad" ]
	ok $? "$3"
	[ -z "$tmux_bad" ] || printf '%s\n' "$tmux_bad" | sed 's/^/# /'
}
