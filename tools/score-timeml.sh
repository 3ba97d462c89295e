#!/bin/sh
# tools/score-timeml.sh — scores TIMEX3 annotations in the TempEval-3 manner.
#
#   tools/score-timeml.sh [-v] GOLD_DIR SYSTEM_DIR
#   tools/score-timeml.sh [-v] GOLD.tml SYSTEM.tml
#
# GOLD_DIR and SYSTEM_DIR hold TimeML files of the same names (*.tml); a
# gold file without its system file counts as a document where the system
# found nothing. The system files are typically written by
# tools/timex-to-timeml.sh; any TimeML tagger's output will do, as long as
# the text inside <TEXT>…</TEXT>, tags removed, is byte-identical to the
# gold's (the script checks, and refuses a document whose texts differ).
#
# For every TIMEX3 inside <TEXT> it records the byte span in the
# tag-stripped text and the attributes type and value (mod is reported but,
# as in TempEval-3, not part of the F1 figures). Then, per document:
#   strict match   identical [start, end)
#   relaxed match  overlapping spans; one-to-one, each gold expression takes
#                  the first free system expression that overlaps it (an
#                  exact one first)
#   P = matches / system expressions, R = matches / gold expressions
#   value, type    attribute P/R/F1 as TempEval-3 computes them: a relaxed
#                  match with the same attribute (exact string) counts, P over
#                  system expressions, R over gold ones; "accuracy" is the same
#                  count over relaxed matches only.
# Prints a table, then one line
#   summary docs=N gold=N system=N strict_f1=F relaxed_f1=F value_f1=F type_f1=F value_acc=F type_acc=F mod_acc=F
# With -v, it first lists every error: "MISS" (gold not found), "SPUR"
# (system expression matching no gold), "VALUE"/"TYPE"/"SPAN" (relaxed
# match with another value, type or extent), one per line, with the document.
# POSIX sh + awk; byte offsets need LC_ALL=C, set below. Exit 2 on usage errors.
set -eu
LC_ALL=C
export LC_ALL
verbose=0
while getopts v o; do
    case $o in
    v) verbose=1 ;;
    *) echo "usage: $0 [-v] GOLD_DIR|GOLD.tml SYSTEM_DIR|SYSTEM.tml" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: $0 [-v] GOLD_DIR|GOLD.tml SYSTEM_DIR|SYSTEM.tml" >&2; exit 2; }
list=$(mktemp) || exit 2
trap 'rm -f "$list"' EXIT INT TERM
if [ -d "$1" ]; then
    [ -d "$2" ] || { echo "score-timeml: $2 is not a directory" >&2; exit 2; }
    for g in "$1"/*.tml; do
        [ -f "$g" ] || continue
        printf '%s\t%s\n' "$g" "$2/$(basename "$g")" >> "$list"
    done
else
    [ -r "$1" ] || { echo "score-timeml: cannot read $1" >&2; exit 2; }
    printf '%s\t%s\n' "$1" "$2" >> "$list"
fi
[ -s "$list" ] || { echo "score-timeml: no .tml file in $1" >&2; exit 2; }

awk -v verbose="$verbose" -v list="$list" '
function slurp(f,    s, l, first) {
    s = ""; first = 1
    while ((getline l < f) > 0) { s = first ? l : s "\n" l; first = 0 }
    close(f)
    return s
}
function attr(tag, key,    i, r) {
    i = index(tag, " " key "=\"")
    if (i == 0) return ""
    r = substr(tag, i + length(key) + 3)
    return substr(r, 1, index(r, "\"") - 1)
}
# parse(file, prefix): fills N[p], S[p,i], E[p,i], T[p,i], V[p,i], M[p,i]
# and TXT[p] (the tag-stripped text); returns 0 when there is no <TEXT>.
function parse(f, p,    doc, a, b, s, out, i, j, tag, n, open) {
    N[p] = 0; TXT[p] = ""
    doc = slurp(f)
    a = index(doc, "<TEXT>"); b = index(doc, "</TEXT>")
    if (a == 0 || b == 0 || b < a) return 0
    s = substr(doc, a + 6, b - a - 6)
    out = ""; n = 0; open = 0
    while ((i = index(s, "<")) > 0) {
        out = out substr(s, 1, i - 1)
        s = substr(s, i)
        j = index(s, ">")
        if (j == 0) { s = ""; break }
        tag = substr(s, 1, j)
        s = substr(s, j + 1)
        if (tag ~ /^<TIMEX3[ >]/) {
            n++; open = n
            S[p, n] = length(out); T[p, n] = attr(tag, "type"); V[p, n] = attr(tag, "value")
            M[p, n] = attr(tag, "mod"); E[p, n] = -1
        } else if (tag == "</TIMEX3>" && open) {
            E[p, open] = length(out); open = 0
        }
    }
    out = out s
    N[p] = n; TXT[p] = out
    for (i = 1; i <= n; i++) if (E[p, i] < 0) E[p, i] = S[p, i]
    return 1
}
function frag(p, i) { return substr(TXT[p], S[p, i] + 1, E[p, i] - S[p, i]) }
function f1(c, sys, gold,    pr, rc) {
    pr = sys ? c / sys : 0; rc = gold ? c / gold : 0
    return (pr + rc) ? 2 * pr * rc / (pr + rc) : 0
}
function row(name, c, sys, gold) {
    printf "%-14s %6.3f %6.3f %6.3f   (%d)\n", name, sys ? c / sys : 0, gold ? c / gold : 0, f1(c, sys, gold), c
}
BEGIN {
    docs = 0; G = 0; Sy = 0; strict = 0; relaxed = 0; vok = 0; tok = 0; mok = 0
    while ((getline line < list) > 0) {
        split(line, fl, "\t")
        id = fl[2]; sub(/.*\//, "", id); sub(/\.tml$/, "", id)
        if (!parse(fl[1], "g")) { print "score-timeml: no <TEXT> in " fl[1] > "/dev/stderr"; exit 2 }
        if ((getline tmp < fl[2]) > 0) { close(fl[2]); parse(fl[2], "s") } else { N["s"] = 0; TXT["s"] = TXT["g"] }
        if (TXT["s"] != TXT["g"]) { print "score-timeml: texts differ in " id " (gold " fl[1] ", system " fl[2] ")" > "/dev/stderr"; exit 2 }
        docs++; G += N["g"]; Sy += N["s"]
        for (j = 1; j <= N["s"]; j++) used[j] = 0
        for (i = 1; i <= N["g"]; i++) {
            m = 0
            for (j = 1; j <= N["s"]; j++)
                if (!used[j] && S["s", j] == S["g", i] && E["s", j] == E["g", i]) { m = j; break }
            if (!m)
                for (j = 1; j <= N["s"]; j++)
                    if (!used[j] && S["s", j] < E["g", i] && S["g", i] < E["s", j]) { m = j; break }
            if (!m) {
                if (verbose) printf "MISS  %s [%s] %s %s\n", id, frag("g", i), T["g", i], V["g", i]
                continue
            }
            used[m] = 1; relaxed++
            if (S["s", m] == S["g", i] && E["s", m] == E["g", i]) strict++
            else if (verbose) printf "SPAN  %s gold [%s] system [%s]\n", id, frag("g", i), frag("s", m)
            if (V["s", m] == V["g", i]) vok++
            else if (verbose) printf "VALUE %s [%s] gold %s system %s\n", id, frag("g", i), V["g", i], V["s", m]
            if (T["s", m] == T["g", i]) tok++
            else if (verbose) printf "TYPE  %s [%s] gold %s system %s\n", id, frag("g", i), T["g", i], T["s", m]
            if (M["s", m] == M["g", i]) mok++
            else if (verbose) printf "MOD   %s [%s] gold %s system %s\n", id, frag("g", i), M["g", i], M["s", m]
        }
        if (verbose)
            for (j = 1; j <= N["s"]; j++)
                if (!used[j]) printf "SPUR  %s [%s] %s %s\n", id, frag("s", j), T["s", j], V["s", j]
    }
    printf "%d documents, %d gold TIMEX3, %d system TIMEX3\n", docs, G, Sy
    printf "%-14s %6s %6s %6s\n", "", "P", "R", "F1"
    row("strict span", strict, Sy, G)
    row("relaxed span", relaxed, Sy, G)
    row("value", vok, Sy, G)
    row("type", tok, Sy, G)
    printf "on relaxed matches: value accuracy %.3f, type accuracy %.3f, mod accuracy %.3f\n",
        relaxed ? vok / relaxed : 0, relaxed ? tok / relaxed : 0, relaxed ? mok / relaxed : 0
    printf "summary docs=%d gold=%d system=%d strict_f1=%.3f relaxed_f1=%.3f value_f1=%.3f type_f1=%.3f value_acc=%.3f type_acc=%.3f mod_acc=%.3f\n",
        docs, G, Sy, f1(strict, Sy, G), f1(relaxed, Sy, G), f1(vok, Sy, G), f1(tok, Sy, G),
        relaxed ? vok / relaxed : 0, relaxed ? tok / relaxed : 0, relaxed ? mok / relaxed : 0
}'
