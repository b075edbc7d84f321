# unihan_gen.awk: the Han readings and glosses table (src/unihan_table.c) from
# Unihan_Readings.txt (Debian's unicode-data), read with LC_ALL=C so that every
# pattern below is a byte string. For each character: its first kMandarin
# reading, every Mandarin reading the dictionaries give (kMandarin, kHanyuPinyin,
# kXHC1983, kTGHZ2013, kHanyuPinlu), without tones, in ASCII, and kDefinition.
# Lines come sorted by code point, so a character is written when the next
# begins.

function toneless(s) {
	gsub(/ā|á|ǎ|à/, "a", s)
	gsub(/ē|é|ě|è|ê̄|ê̌|ề|ế|ề|ê/, "e", s)
	gsub(/ī|í|ǐ|ì/, "i", s)
	gsub(/ō|ó|ǒ|ò/, "o", s)
	gsub(/ū|ú|ǔ|ù|ǖ|ǘ|ǚ|ǜ|ü/, "u", s)
	gsub(/ḿ|m̀/, "m", s)
	gsub(/ń|ň|ǹ/, "n", s)
	gsub(/\xcc[\x80-\xbf]/, "", s)          # any combining mark left over
	s = tolower(s)
	gsub(/[^a-z]/, "", s)
	return s
}

function add(r) {
	r = toneless(r)
	if (r == "" || (" " readings " ") ~ (" " r " "))
		return
	readings = readings == "" ? r : readings " " r
	if (first == "")
		first = r
}

function cstr(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	gsub(/\?/, "\\?", s)
	return "\"" s "\""
}

function flush() {
	if (cp != "" && (first != "" || def != ""))
		printf "\t{ 0x%s, %s, %s, %s },\n", cp, first == "" ? "NULL" : cstr(first),
		       readings == "" ? "NULL" : cstr(readings), def == "" ? "NULL" : cstr(def)
	first = readings = def = ""
}

BEGIN {
	FS = "\t"
	print "/* Generated from Unihan_Readings.txt by src/unihan_gen.awk: do not edit. */"
	print "#include <config.h>"
	print "#include \"unihan_table.h\""
	print ""
	print "const struct unihan_entry unihan_table[] = {"
}

/^U\+/ {
	c = substr($1, 3)
	if (c != cp) {
		flush()
		cp = c
	}
	if ($2 == "kMandarin") {
		n = split($3, w, " ")
		for (k = 1; k <= n; k++)
			add(w[k])
	} else if ($2 == "kHanyuPinyin" || $2 == "kXHC1983" || $2 == "kTGHZ2013") {
		# "10251.030:shà,xià 10252.010:xiá": readings after each colon
		n = split($3, w, " ")
		for (k = 1; k <= n; k++) {
			sub(/^[^:]*:/, "", w[k])
			m = split(w[k], v, ",")
			for (j = 1; j <= m; j++)
				add(v[j])
		}
	} else if ($2 == "kHanyuPinlu") {
		# "shà(17) xià(3)"
		n = split($3, w, " ")
		for (k = 1; k <= n; k++) {
			sub(/\(.*/, "", w[k])
			add(w[k])
		}
	} else if ($2 == "kDefinition") {
		def = $3
	}
}

END {
	flush()
	print "};"
	print ""
	print "const unsigned long unihan_table_n = sizeof unihan_table / sizeof *unihan_table;"
}
