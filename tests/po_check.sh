# po_check.sh: the catalogs are valid and complete. Each po/LL.po passes
# msgfmt --check, has the plural forms of its language, and translates every
# message of a .pot made afresh from the sources (nothing untranslated, nothing
# fuzzy), and every source file that marks strings is listed in POTFILES.in:
# a new untranslated string in the sources fails here.
. "$TOP_SRCDIR/tests/lib.sh"

for tool in xgettext msgfmt msgmerge msgattrib; do
	command -v $tool >/dev/null 2>&1 || skip_all "$tool not installed"
done

# Names the messages of a catalog on stdin, one diagnostic line each.
po_check_msgids() {
	awk -v what="$1" '/^msgid / { id = substr($0, 7); getline; if (id == "\"\"" && $0 ~ /^"/) id = $0;
		if (id != "\"\"") print "# " what ": " id }'
}

po=$TOP_SRCDIR/po
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

linguas=$(sed -e 's/#.*//' "$po/LINGUAS")
[ -n "$linguas" ]
ok $? "LINGUAS names the catalogs"

# Every file that marks a string for translation is in POTFILES.in.
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$po/POTFILES.in" | sort > "$tmp/listed"
(cd "$TOP_SRCDIR" && grep -l -E '(^|[^A-Za-z0-9_])(N_|P_|_)\("' src/*.c src/*.h 2>/dev/null) |
	grep -v '^src/i18n\.h$' | sort > "$tmp/marking"
comm -23 "$tmp/marking" "$tmp/listed" > "$tmp/unlisted"
[ ! -s "$tmp/unlisted" ]
ok $? "every source file with translatable strings is in POTFILES.in"
sed 's/^/# not in POTFILES.in: /' "$tmp/unlisted"

# A fresh template, made with the options po/Makevars gives xgettext.
opts=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$po/Makevars" | sed -e 's/^XGETTEXT_OPTIONS *= *//' -e 's/\\$//' | tr '\n' ' ')
(cd "$TOP_SRCDIR" && xgettext --default-domain=annals $opts -f "$tmp/listed" -o "$tmp/annals.pot") 2> "$tmp/xgettext.err"
ok $? "xgettext reads every file of POTFILES.in"
sed 's/^/# /' "$tmp/xgettext.err"
# With no marked string at all xgettext writes nothing; then there is nothing to miss.
[ -f "$tmp/annals.pot" ] || printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' > "$tmp/annals.pot"

for ll in $linguas; do
	f=$po/$ll.po
	msgfmt --check -o /dev/null "$f" 2> "$tmp/err"
	ok $? "$ll.po: msgfmt --check"
	sed 's/^/# /' "$tmp/err"
	case $ll in
	fr*) want='nplurals=2; plural=(n > 1);' ;;
	zh*) want='nplurals=1; plural=0;' ;;
	*) want='' ;;
	esac
	if [ -n "$want" ]; then
		grep -F "\"Plural-Forms: $want\\n\"" "$f" >/dev/null
		ok $? "$ll.po: Plural-Forms: $want"
	fi
	msgmerge --quiet --no-fuzzy-matching -o "$tmp/$ll.po" "$f" "$tmp/annals.pot" 2> "$tmp/err"
	ok $? "$ll.po: merges with a fresh annals.pot"
	LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/$ll.po" > "$tmp/stats" 2>&1
	sed 's/^/# /' "$tmp/stats"
	! grep -q 'untranslated' "$tmp/stats"
	ok $? "$ll.po: no untranslated message"
	msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$ll.po" | po_check_msgids untranslated
	! grep -q 'fuzzy' "$tmp/stats"
	ok $? "$ll.po: no fuzzy message"
	msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$ll.po" | po_check_msgids fuzzy
done

done_testing
