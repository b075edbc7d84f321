# e2e_uilang.sh: the interface language in a real (tmux) terminal: chosen by
# LANGUAGE or --ui-lang at the start, and switched with L while reading,
# without the text moving.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"
[ -f "$TOP_BUILDDIR/locale/fr/LC_MESSAGES/annals.mo" ] || skip_all "built without NLS"

start 120 40 "LANGUAGE=zh_CN '$ANNALS'"
wait_for "文章 (5)"
ok $? "LANGUAGE=zh_CN: the list's title in Chinese"
screen | grep -qF "时间线" && screen | grep -qF "阅读器 ·"
ok $? "LANGUAGE=zh_CN: the timeline's and the reader's titles too"
status | grep -qF "q 退出"
ok $? "LANGUAGE=zh_CN: the key hints"
screen | grep -qF "2015年12月1日"
ok $? "LANGUAGE=zh_CN: the reader's date written the Chinese way"
[ "$(widest)" -le 120 ]
ok $? "LANGUAGE=zh_CN: no line wider than the terminal"
send q
wait_for "exit=0"
ok $? "LANGUAGE=zh_CN: q quits"

start 120 40 "LANGUAGE=fr '$ANNALS'"
wait_for "Chronologie"
ok $? "LANGUAGE=fr: the timeline's title in French"
screen | grep -qF "Lecteur ·" && status | grep -qF "q quitter"
ok $? "LANGUAGE=fr: the reader's title and the hints"
screen | grep -qF "1er décembre 2015"
ok $? "LANGUAGE=fr: the date written the French way"
[ "$(widest)" -le 120 ]
ok $? "LANGUAGE=fr: no line wider than the terminal"

start 80 24 "LANGUAGE=zh_CN '$ANNALS' --ui-lang=fr"
wait_for "Articles (5)"
ok $? "--ui-lang=fr over LANGUAGE=zh_CN: the list in French"
status | grep -qF "q quitter"
ok $? "--ui-lang=fr: the hints in French"
[ "$(widest)" -le 80 ]
ok $? "--ui-lang=fr at 80x24: no line wider than the terminal"

# L while reading: the titles change, the text stays put.
start 80 24 "'$ANNALS' --ui-lang=en"
wait_for "Articles (5)"
send j Enter
wait_for "Reader · 003_b652dcd5a69fc392"
ok $? "English: the reader opens 003"
send Space j j
settle
first=$(screen | sed -n 2p)
[ -n "$first" ] && [ "$first" != "$(screen | sed -n 1p)" ]
ok $? "a page and two lines down, a line of text at the top"
send L
wait_for "阅读器 · 003_b652dcd5a69fc392"
ok $? "L: the reader's title in Chinese"
settle
status | grep -qF "界面语言：简体中文"
ok $? "L: the status line names the language"
[ "$(screen | sed -n 2p)" = "$first" ]
ok $? "L: the first visible line stays the same"
send L
wait_for "閱讀器 · 003_b652dcd5a69fc392"
ok $? "L again: traditional Chinese"
status | grep -qF "介面語言：繁體中文"
ok $? "L again: the status line names it"
send L
wait_for "Lecteur · 003_b652dcd5a69fc392"
ok $? "L a third time: French"
[ "$(screen | sed -n 2p)" = "$first" ]
ok $? "L a third time: the first visible line stays the same"
send L
wait_for "Reader · 003_b652dcd5a69fc392"
ok $? "L a fourth time: English again"
[ "$(screen | sed -n 2p)" = "$first" ] && [ "$(widest)" -le 80 ]
ok $? "the same line at the top, nothing wider than the terminal"
send q
wait_for "exit=0"
ok $? "q quits"
done_testing
