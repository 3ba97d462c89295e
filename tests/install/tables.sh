# tests/install/tables.sh — nothing silently degraded: the generated
# inflection table has its expected size (scripts/check-tables.sh), and a
# missing or wrong Hunspell dictionary fails the build naming the Debian
# package instead of shrinking the table; the table is generated again when
# a dictionary changes, and only then.
set -u
fail() { echo "$*"; exit 1; }
BUILD=$(cd "$(dirname "$TREVE")" && pwd)
check="$ROOT/scripts/check-tables.sh"
sh "$check" "$BUILD/gen/data/inflections.fr.tsv" 2> "$TMP/err" || fail "the build's table fails its check: $(cat "$TMP/err")"

# tables below their expected size, as a missing dictionary would make them
table() { # $1 = the sizes line; rows follow
    { echo "# sizes: $1"; awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "l%d\tf%d\t\n", i, i }'; } > "$TMP/t.tsv"
}
expect_fail() { # $1 = what must be named
    if sh "$check" "$TMP/t.tsv" 2> "$TMP/err"; then fail "check-tables passed: $(head -n 1 "$TMP/t.tsv")"; fi
    grep -q -- "$1" "$TMP/err" || fail "check-tables: '$1' not named: $(cat "$TMP/err")"
}
table "fr_lemmas=808 fr_forms=17794 fr_missing=0 en_lemmas=737 en_forms=3546 en_missing=0 rows=20136" 20136
sh "$check" "$TMP/t.tsv" 2> "$TMP/err" || fail "today's sizes fail: $(cat "$TMP/err")"
table "fr_lemmas=808 fr_forms=17794 fr_missing=0 en_lemmas=737 en_forms=737 en_missing=0 rows=18531" 18531
expect_fail "apt-get install hunspell-en-us"
table "fr_lemmas=808 fr_forms=808 fr_missing=808 en_lemmas=737 en_forms=3546 en_missing=0 rows=4354" 4354
expect_fail "apt-get install hunspell-fr"
table "fr_lemmas=808 fr_forms=17794 fr_missing=0 en_lemmas=737 en_forms=3546 en_missing=40 rows=20136" 20136
expect_fail "40 unknown to Hunspell"
table "fr_lemmas=808 fr_forms=17794 fr_missing=0 en_lemmas=737 en_forms=3546 en_missing=0 rows=20136" 100
expect_fail "truncated"
: > "$TMP/t.tsv"; expect_fail "missing or empty"
echo "lemma	form	" > "$TMP/t.tsv"; expect_fail "no '# sizes:' line"

# the build: a dictionary that is not there stops it, naming the package
mk() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$ROOT" BUILD="$TMP/b" "$@"; }
gen="$TMP/b/gen/data/inflections.fr.tsv"
if mk HUNSPELL_EN="$TMP/none/en_US" "$gen" > "$TMP/out" 2>&1; then fail "built without an English dictionary"; fi
grep -q "Hunspell dictionary $TMP/none/en_US.aff not found: install the Debian package hunspell-en-us" "$TMP/out" ||
    fail "missing dictionary, message: $(tail -n 3 "$TMP/out")"
[ -e "$gen" ] && fail "a table was kept without the English dictionary"
# a dictionary that does not expand (no affix rules): the table is too small
mkdir -p "$TMP/tiny"
printf 'SET UTF-8\n' > "$TMP/tiny/en_US.aff"
printf '1\nhello\n' > "$TMP/tiny/en_US.dic"
if mk HUNSPELL_EN="$TMP/tiny/en_US" "$gen" > "$TMP/out" 2>&1; then fail "built with a dictionary that gives one form per lemma"; fi
grep -q "English inflections far below their expected size.*apt-get install hunspell-en-us" "$TMP/out" ||
    fail "tiny dictionary, message: $(tail -n 3 "$TMP/out")"
[ -e "$gen" ] && fail "a table below its expected size was kept"
# a dictionary that changes makes a new table; an unchanged one does not
en=$(sed -n 's#^\(.*\)/en_US\.dic .*#\1#p' "$BUILD/gen/hunspell.id")
[ -n "$en" ] || fail "no en_US.dic in $BUILD/gen/hunspell.id: $(cat "$BUILD/gen/hunspell.id")"
mkdir -p "$TMP/dict"
cp "$en/en_US.aff" "$en/en_US.dic" "$TMP/dict/"
mk HUNSPELL_EN="$TMP/dict/en_US" "$gen" > "$TMP/out" 2>&1 || fail "table with a copy of en_US: $(tail -n 3 "$TMP/out")"
cmp -s "$gen" "$BUILD/gen/data/inflections.fr.tsv" || fail "a copy of en_US gives another table"
t1=$(stat -c %y "$gen")
sleep 1
mk HUNSPELL_EN="$TMP/dict/en_US" "$gen" > "$TMP/out" 2>&1 || fail "second make: $(tail -n 3 "$TMP/out")"
[ "$(stat -c %y "$gen")" = "$t1" ] || fail "the table was generated again with no change"
echo "zzyzx/S" >> "$TMP/dict/en_US.dic"
touch -d '2001-01-01' "$TMP/dict/en_US.dic" # an older date than the table: a package's files keep theirs
mk HUNSPELL_EN="$TMP/dict/en_US" "$gen" > "$TMP/out" 2>&1 || fail "make after a change: $(tail -n 3 "$TMP/out")"
[ "$(stat -c %y "$gen")" != "$t1" ] || fail "a changed dictionary did not regenerate the table"
exit 0
