# i18n_help.sh: --help and the usage errors in each interface language, chosen
# by LANGUAGE (under the tests' LC_ALL=C.UTF-8) or by --ui-lang; the option
# column stays where it is in every language.
. "$TOP_SRCDIR/tests/lib.sh"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
nb=$(printf '\302\240')  # the no-break space French puts before a colon

# has FILE TEXT: FILE holds a line with TEXT (fixed string)
has() { grep -F -- "$2" "$1" >/dev/null; }

"$ANNALS" --help > "$tmp/en"
ok $? "--help: exit 0"
check "English by default: Usage" has "$tmp/en" "Usage: annals [OPTION]... [COMMAND [ARG]...]"
check "English by default: an option" has "$tmp/en" "  -h, --help             show this help and exit"

if ! grep -q '^#define ENABLE_NLS 1' "$TOP_BUILDDIR/config.h" 2>/dev/null; then
	echo "# built without NLS: no translations to check"
	done_testing
	exit $?
fi

LANGUAGE=fr "$ANNALS" --help > "$tmp/fr"
check "LANGUAGE=fr: Utilisation" has "$tmp/fr" "Utilisation${nb}: annals [OPTION]... [COMMANDE [ARG]...]"
check "LANGUAGE=fr: Options" has "$tmp/fr" "Options${nb}:"
check "LANGUAGE=fr: an option" has "$tmp/fr" "  -h, --help             afficher cette aide et quitter"
check "LANGUAGE=fr: a command" has "$tmp/fr" "  timeline [--year=Y]    les événements, par date"
check "LANGUAGE=fr: no command is the interactive interface" has "$tmp/fr" "Commandes (aucune${nb}: l’interface interactive)${nb}:"

LANGUAGE=zh_CN "$ANNALS" --help > "$tmp/zh_CN"
check "LANGUAGE=zh_CN: 用法" has "$tmp/zh_CN" "用法：annals [选项]... [命令 [参数]...]"
check "LANGUAGE=zh_CN: an option" has "$tmp/zh_CN" "      --ui-lang=LANG     界面语言：en、zh_CN、zh_TW、fr"
check "LANGUAGE=zh_CN: a command" has "$tmp/zh_CN" "  list                   按日期列出文章"
check "LANGUAGE=zh_CN: 交互界面, not 浏览器" has "$tmp/zh_CN" "命令（不给命令时打开交互界面）："

"$ANNALS" --ui-lang=zh_TW --help > "$tmp/zh_TW"
check "--ui-lang=zh_TW: 選項" has "$tmp/zh_TW" "選項："
check "--ui-lang=zh_TW: an option" has "$tmp/zh_TW" "  -h, --help             顯示此說明並離開"
check "--ui-lang=zh_TW: a command" has "$tmp/zh_TW" "  search QUERY           搜尋 QUERY 出現的位置"
check "--ui-lang=zh_TW: traditional, not simplified" sh -c "! grep -q '选项' '$tmp/zh_TW'"
check "--ui-lang=zh_TW: 互動介面, not 瀏覽器" has "$tmp/zh_TW" "指令（未指定指令時開啟互動介面）："

# --ui-lang wins over the environment, wherever it stands
LANGUAGE=fr "$ANNALS" --help --ui-lang=en > "$tmp/en2"
cmp -s "$tmp/en" "$tmp/en2"
ok $? "--ui-lang=en after --help beats LANGUAGE=fr"
"$ANNALS" --help --ui-lang fr_FR.UTF-8 > "$tmp/fr2"
cmp -s "$tmp/fr" "$tmp/fr2"
ok $? "--ui-lang fr_FR.UTF-8 (separate argument): the French help"
"$ANNALS" --ui-lang=zh-Hant --help > "$tmp/zh_TW2"
cmp -s "$tmp/zh_TW" "$tmp/zh_TW2"
ok $? "--ui-lang=zh-Hant: the zh_TW help"
LANGUAGE=zh "$ANNALS" --help > "$tmp/zh"
cmp -s "$tmp/zh_CN" "$tmp/zh"
ok $? "LANGUAGE=zh: simplified"

# the plain C locale: gettext's rule (LANGUAGE ignored), but --ui-lang still works
LC_ALL=C LANGUAGE=fr "$ANNALS" --help > "$tmp/c"
cmp -s "$tmp/en" "$tmp/c"
ok $? "LC_ALL=C LANGUAGE=fr: English, as gettext does"
LC_ALL=C "$ANNALS" --ui-lang=fr --help > "$tmp/c_fr"
cmp -s "$tmp/fr" "$tmp/c_fr"
ok $? "LC_ALL=C --ui-lang=fr: French all the same"
# a locale that is not installed still names the language
LC_ALL= LANGUAGE= LANG=zh_TW.UTF-8 "$ANNALS" --help > "$tmp/lang"
cmp -s "$tmp/zh_TW" "$tmp/lang"
ok $? "LANG=zh_TW.UTF-8 (maybe not installed): traditional Chinese"

# The option column: the first 25 bytes of every indented line are the same
# (untranslated, ASCII) in each language, and the description starts right there.
grep '^  ' "$tmp/en" | cut -c1-25 > "$tmp/en.cols"
for ll in fr zh_CN zh_TW; do
	grep '^  ' "$tmp/$ll" | cut -c1-25 > "$tmp/$ll.cols"
	cmp -s "$tmp/en.cols" "$tmp/$ll.cols"
	ok $? "$ll: option and command names untranslated, in the same column"
	! grep -E '^  .{23} ' "$tmp/$ll" >/dev/null
	ok $? "$ll: every description starts at column 26"
done

# usage errors, in the language asked for
LANGUAGE=fr "$ANNALS" frobnicate > /dev/null 2> "$tmp/err"
ok $(($? == 2 ? 0 : 1)) "unknown command: exit 2"
check "LANGUAGE=fr: unknown command in French" has "$tmp/err" "annals: commande inconnue${nb}: «${nb}frobnicate${nb}»"
check "LANGUAGE=fr: the hint in French" has "$tmp/err" "Essayez «${nb}annals --help${nb}» pour plus d’informations."
"$ANNALS" --ui-lang=zh_CN --year=abc timeline > /dev/null 2> "$tmp/err"
check "--ui-lang=zh_CN: invalid year in Chinese" has "$tmp/err" "annals: 无效的年份：“abc”"
"$ANNALS" --ui-lang=zh_TW show > /dev/null 2> "$tmp/err"
check "--ui-lang=zh_TW: missing argument in Chinese" has "$tmp/err" "annals: 「show」：缺少引數"
# what loading says, in French: a date the file gives that is not understood
LANGUAGE=fr "$ANNALS" --no-cache -C "$TOP_SRCDIR/tests/fixtures/ingest/json/typed.jsonl" list > /dev/null 2> "$tmp/err"
check "LANGUAGE=fr: a date not understood is non reconnue ; déduite du texte" has "$tmp/err" \
	"typed.jsonl:1: date «${nb}whenever${nb}» non reconnue${nb}; déduite du texte"
"$ANNALS" --ui-lang=tlh --help > "$tmp/out" 2> "$tmp/err"
ok $(($? == 2 ? 0 : 1)) "unknown --ui-lang: exit 2"
check "unknown --ui-lang: said so" has "$tmp/err" "annals: unknown interface language 'tlh' (en, zh_CN, zh_TW, fr)"
[ ! -s "$tmp/out" ]
ok $? "unknown --ui-lang: no help printed"

done_testing
