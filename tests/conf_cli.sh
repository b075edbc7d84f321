# conf_cli.sh: the configuration file as a user meets it: annals alone opens
# the folders it names, --dump-config shows what is in effect and where it came
# from, the command line beats the environment which beats the file, and a
# wrong line is named and the rest kept. Everything under a scratch home.
. "$TOP_SRCDIR/tests/lib.sh"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
unset ANNALS_COLLECTIONS ANNALS_UI_LANG ANNALS_READING_LANG ANNALS_SORT ANNALS_WIDTH \
	ANNALS_AMBIGUOUS_WIDE ANNALS_BACKEND ANNALS_COLOURS NO_COLOR
mkdir -p "$HOME" "$XDG_CONFIG_HOME/annals" "$tmp/news"
cfg=$XDG_CONFIG_HOME/annals/config
printf 'Only article\n\n2020-05-01\n\nThe only paragraph here.\n' > "$tmp/news/only.txt"

"$ANNALS" --dump-config > "$tmp/out" 2> "$tmp/err"
ok $? "--dump-config without a file: exit 0"
grep -q '^width = 100 .*# default$' "$tmp/out"
ok $? "no file: the defaults"
[ ! -s "$tmp/err" ]
ok $? "no file is no error"

cat > "$cfg" <<CFG
# my reading
collections = $tmp/news
width = 72
sort = title
colours = light
wibble = 3
ui-lang = fr
CFG
"$ANNALS" list > "$tmp/out" 2> "$tmp/err"
ok $? "annals list with a default collection from the file"
grep -q 'only' "$tmp/out" && [ "$(wc -l < "$tmp/out")" -eq 1 ]
ok $? "the file's collection, not the bundled one"
grep -qF "annals: $cfg:6: " "$tmp/err"
ok $? "a wrong line is named by file and line"
grep -qF "wibble" "$tmp/err"
ok $? "with what is wrong (in the file's interface language)"

"$ANNALS" --ui-lang=en --dump-config > "$tmp/out" 2> "$tmp/err"
grep -qF "width = 72    # $cfg, line 3" "$tmp/out"
ok $? "--dump-config: the file's width and its line"
grep -qF "colours = light" "$tmp/out"
ok $? "--dump-config: the file's palette"

ANNALS_WIDTH=90 ANNALS_SORT=language "$ANNALS" --dump-config > "$tmp/out" 2>/dev/null
grep -q "^width = 90 .*ANNALS_WIDTH" "$tmp/out"
ok $? "environment > file"
ANNALS_SORT=language "$ANNALS" --ui-lang=en -C "$FIXTURES/ingest/text/wrapped.txt" --dump-config > "$tmp/out" 2>/dev/null
grep -q "^ui-lang = en .*# command line" "$tmp/out"
ok $? "command line > file"
grep -qF "collections = $FIXTURES/ingest/text/wrapped.txt" "$tmp/out"
ok $? "-C replaces the file's collections"
grep -q "^sort = language" "$tmp/out"
ok $? "the environment still beats the file for the rest"

"$ANNALS" --help > "$tmp/out"
grep -q "^Utilisation" "$tmp/out"
ok $? "the file's ui-lang = fr speaks French"
LANGUAGE=zh_CN "$ANNALS" --help > "$tmp/out"
grep -q "用法" "$tmp/out"
ok $? "LANGUAGE beats the file's ui-lang"

# The dump is a configuration file annals reads back without a complaint.
"$ANNALS" --dump-config > "$tmp/dump" 2>/dev/null
cp "$tmp/dump" "$cfg"
"$ANNALS" --dump-config > "$tmp/dump2" 2> "$tmp/err"
[ ! -s "$tmp/err" ]
ok $? "--dump-config's output reads back without an error"

# An unreadable file is reported; annals goes on.
if [ "$(id -u)" -ne 0 ]; then
	chmod 0 "$cfg"
	"$ANNALS" --dump-config > /dev/null 2> "$tmp/err"
	ok $? "an unreadable file: annals goes on"
	grep -qF "$cfg" "$tmp/err"
	ok $? "and names it"
	chmod 644 "$cfg"
fi

done_testing
