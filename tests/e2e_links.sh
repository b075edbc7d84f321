# e2e_links.sh: links out of annals in a real (tmux) terminal: M hands the
# article's URL to $BROWSER (a script that records its arguments) as one
# argument, never through a shell, and the browser comes back after it;
# a failing browser is named on the status line; | pipes the text to a
# command typed at a prompt and waits for Enter; c puts the paragraph on the
# clipboard through OSC 52, which tmux (set-clipboard on) keeps as a buffer.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

col=$SCRATCH/news
mkdir -p "$col"
cat > "$col/linked.md" <<'MD'
---
title: A linked story
date: 2022-03-04
url: https://example.org/news?id=1&x=$(touch${IFS}PWNED);ls
---
The first paragraph of the linked story.

The second paragraph of the linked story.
MD
cat > "$SCRATCH/browser" <<SH
#!/bin/sh
{ echo "\$#"; for a in "\$@"; do printf '%s\n' "\$a"; done; } > '$SCRATCH/browser.out'
SH
printf '#!/bin/sh\nexit 3\n' > "$SCRATCH/failing"
chmod +x "$SCRATCH/browser" "$SCRATCH/failing"
run() { start 100 30 "cd '$SCRATCH' && $1 '$ANNALS' --backend=$BACKEND -C '$col'"; }

run "BROWSER='$SCRATCH/browser'"
wait_for "Articles (1)"
ok $? "the browser starts on the linked story"
send M
wait_for "A linked story" 5
i=0
while [ ! -s "$SCRATCH/browser.out" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
printf '1\nhttps://example.org/news?id=1&x=$(touch${IFS}PWNED);ls\n' | cmp -s - "$SCRATCH/browser.out"
ok $? "M: \$BROWSER got the URL as its one argument"
[ ! -e "$SCRATCH/PWNED" ] && [ ! -e "$col/PWNED" ]
ok $? "no shell ran any of it"
wait_for "Articles (1)"
ok $? "annals is back on screen after the browser"

# c: the paragraph read, through OSC 52, into tmux's buffer.
T set-option -s set-clipboard on
send Enter
wait_for "Reader ·"
send "}" c
wait_for "Copied"
ok $? "c says it copied"
i=0
while ! T show-buffer 2>/dev/null | grep -qF "first paragraph" && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(T show-buffer 2>/dev/null)" = "The first paragraph of the linked story." ]
ok $? "the terminal got the paragraph (tmux's buffer holds it)"

# |: a command typed at the prompt gets the text; Enter brings annals back.
send "|"
wait_for "Pipe"
ok $? "| opens a prompt"
send "wc -l > piped.out; echo PIPE-RAN" Enter
wait_for "PIPE-RAN"
ok $? "the command runs on the normal screen, its output shown"
wait_for "Press Enter"
ok $? "and waits for Enter"
send Enter
wait_for "Reader ·"
ok $? "Enter: annals is back"
[ "$(tr -d ' ' < "$SCRATCH/piped.out")" -ge 5 ] 2>/dev/null
ok $? "the command read the article's text on its input"
send q q
wait_for "exit=0"
ok $? "q quits"

run "BROWSER='$SCRATCH/failing'"
wait_for "Articles (1)"
send M
wait_for "failed (exit status 3)"
ok $? "a failing browser: its status on the status line"
send q
wait_for "exit=0"

done_testing
