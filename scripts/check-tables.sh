#!/bin/sh
# scripts/check-tables.sh — checks that a generated inflection table
# (tools/gen-inflections.c output) has its expected size, and fails naming
# the Debian package to install when it does not. The Makefile runs it on
# every table it generates (a table that fails is not kept: the build
# stops), and .ci/run runs it again on build/gen/data/inflections.fr.tsv.
#
#   sh scripts/check-tables.sh TABLE
#
# Expected sizes, measured on Debian 12 (hunspell-fr 1:7.0-1, hunspell-en-us
# 1:2020.12.07-2) with the data of 2025-06:
#   French   808 lemmas → 17,794 forms (22.0 forms per lemma)
#   English  737 lemmas →  3,546 forms ( 4.8 forms per lemma)
# A table fails when, for either language,
#   - it has fewer forms than the floor below (90 % of the figure above:
#     lower the floor when inflect=1 entries are removed from data/ on
#     purpose, raise it when they are added), or
#   - it has fewer forms per lemma than the ratio below (a dictionary that
#     is absent or does not match gives about one form per lemma), or
#   - more than 2 % of its lemmas are unknown to the Hunspell dictionary.
set -eu
FR_MIN_FORMS=16000
EN_MIN_FORMS=3200
FR_MIN_RATIO=15  # forms per lemma
EN_MIN_RATIO=3

[ $# -eq 1 ] || { echo "usage: sh scripts/check-tables.sh TABLE" >&2; exit 2; }
table=$1
[ -s "$table" ] || { echo "check-tables: $table is missing or empty (tools/gen-inflections failed)" >&2; exit 1; }
sizes=$(sed -n 's/^# sizes: //p' "$table" | head -n 1)
[ -n "$sizes" ] || { echo "check-tables: $table has no '# sizes:' line (not written by tools/gen-inflections)" >&2; exit 1; }
rows=$(grep -c -v '^#' "$table" || true)

echo "$sizes rows_counted=$rows" | awk -v t="$table" \
    -v frmin="$FR_MIN_FORMS" -v enmin="$EN_MIN_FORMS" -v frr="$FR_MIN_RATIO" -v enr="$EN_MIN_RATIO" '
{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] + 0 }
    bad = 0
    if (v["rows"] != v["rows_counted"]) {
        printf "check-tables: %s: %d rows, but its header says %d (truncated?)\n", t, v["rows_counted"], v["rows"]
        bad = 1
    }
    bad += check("French", "fr", frmin, frr, "hunspell-fr")
    bad += check("English", "en", enmin, enr, "hunspell-en-us")
    exit bad ? 1 : 0
}
function check(name, l, min, ratio, pkg,    lem, forms, miss, r) {
    lem = v[l "_lemmas"]; forms = v[l "_forms"]; miss = v[l "_missing"]
    r = lem ? forms / lem : 0
    if (forms < min || r < ratio || miss * 50 > lem) {
        printf "check-tables: %s: %s inflections far below their expected size: %d forms from %d lemmas " \
               "(%.1f per lemma, %d unknown to Hunspell); expected at least %d forms and %d per lemma. " \
               "Is the Debian package %s installed (apt-get install %s)? See scripts/check-tables.sh.\n",
               t, name, forms, lem, r, miss, min, ratio, pkg, pkg
        return 1
    }
    return 0
}' >&2
