# tests/cli/version.sh — `treve --version` gives the data version: every
# dictionary of data/ is listed with its number of entries (lines neither
# blank nor comments, counted here independently), the inflection table
# with its forms (at least the floors of scripts/check-tables.sh: English
# forms included), and the linked libraries with versions.
set -u
fail() { echo "$*"; exit 1; }
"$TREVE" --version > "$TMP/v" || fail "treve --version: exit $?"
n=0
for f in $(cd "$ROOT/data" && find . -name '*.txt' | sed 's#^\./##' | sort); do
    want=$(grep -cv '^[[:space:]]*\(#.*\)\{0,1\}$' "$ROOT/data/$f")
    got=$(awk -v f="$f" '$1 == f { print $2 }' "$TMP/v")
    [ "$got" = "$want" ] || fail "--version: $f has '$got' entries, expected $want"
    n=$((n + 1))
done
[ "$n" -gt 20 ] || fail "only $n data files found under $ROOT/data"
grep -q "^data [0-9a-f]\{12\}: $((n + 1)) files, " "$TMP/v" || fail "--version: no 'data DIGEST: $((n + 1)) files' line: $(head -n 2 "$TMP/v")"
forms=$(awk '$1 == "inflections.fr.tsv" { print $2 }' "$TMP/v")
[ "${forms:-0}" -ge 19200 ] || fail "--version: inflections.fr.tsv has ${forms:-no} forms, expected at least 19200"
for lib in SQLite ICU utf8proc jansson libmicrohttpd; do
    grep -q "^$lib [0-9][0-9.]*$" "$TMP/v" || fail "--version: no '$lib VERSION' line"
done
# the same data gives the same digest, run after run
"$TREVE" --version | cmp -s - "$TMP/v" || fail "--version differs between two runs"
exit 0
