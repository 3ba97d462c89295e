#!/bin/sh
# tools/timex-to-timeml.sh — runs `treve times` on a TimeML document and
# writes the same document annotated by treve, for the TempEval-3 scorer.
#
#   tools/timex-to-timeml.sh [-l fr|en] [-t TREVE] [-z ZONE] GOLD.tml > SYSTEM.tml
#
# Takes a gold TimeML file (French TimeBank, TempEval-3 TBAQ/platinum…):
# its DCT is the value of the <TIMEX3 … functionInDocument="CREATION_TIME">,
# its text the content of <TEXT>…</TEXT> with every tag removed (entities
# such as &amp; are left as they are, so that the text stays byte-identical
# to the gold's). Runs `treve times --dct DCT --lang L` on that text and
# writes: the gold file up to and including <TEXT> (DOCID, DCT… kept, the
# DCT TIMEX3 included), the text with one
#   <TIMEX3 tid="t1001" type="DATE" value="2020-11-09" [mod="END"]>…</TIMEX3>
# around each expression (text[span[0]:span[1]], byte offsets), then
# </TEXT></TimeML>. Gold EVENT/SIGNAL/TIMEX3 tags inside TEXT and the links
# after it are dropped (the TIMEX3 scores only need the TIMEX3s). treve's
# tids start at t1001 so that they never clash with the gold DCT's.
# Expressions with a value treve cannot resolve (no DCT) keep their
# underspecified value (XXXX-XX-XX…), as TimeML allows.
#
# POSIX sh + awk; byte offsets need LC_ALL=C, set below. Exit 2 on usage
# errors, 1 when treve fails.
set -eu
LC_ALL=C
export LC_ALL
lang=fr
treve=${TREVE:-build/treve}
zone=
while getopts l:t:z: o; do
    case $o in
    l) lang=$OPTARG ;;
    t) treve=$OPTARG ;;
    z) zone=$OPTARG ;;
    *) echo "usage: $0 [-l fr|en] [-t TREVE] [-z ZONE] GOLD.tml" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -r "$1" ] || { echo "usage: $0 [-l fr|en] [-t TREVE] [-z ZONE] GOLD.tml" >&2; exit 2; }
gold=$1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The awk below reads the whole file into one string; mode "text" prints the
# tag-stripped TEXT content, "dct" the DCT value, "merge" the output.
prog='
function slurp(f,    s, l, first) {
    s = ""; first = 1
    while ((getline l < f) > 0) { s = first ? l : s "\n" l; first = 0 }
    close(f)
    return s
}
function strip(s,    out, i, j) {
    out = ""
    while ((i = index(s, "<")) > 0) {
        out = out substr(s, 1, i - 1)
        s = substr(s, i)
        j = index(s, ">")
        if (j == 0) { s = ""; break }
        s = substr(s, j + 1)
    }
    return out s
}
function jstr(line, key,    i, r) {   # "key":"value" or "key":null in a treve JSON line
    i = index(line, "\"" key "\":")
    if (i == 0) return ""
    r = substr(line, i + length(key) + 3)
    if (substr(r, 1, 1) != "\"") return ""
    r = substr(r, 2)
    return substr(r, 1, index(r, "\"") - 1)
}
BEGIN {
    doc = slurp(gold)
    a = index(doc, "<TEXT>")
    b = index(doc, "</TEXT>")
    if (a == 0 || b == 0 || b < a) { print "timex-to-timeml: no <TEXT> in " gold > "/dev/stderr"; exit 1 }
    head = substr(doc, 1, a + 5)
    text = strip(substr(doc, a + 6, b - a - 6))
    if (mode == "text") { printf "%s", text; exit 0 }
    if (mode == "dct") {
        s = doc
        while ((i = index(s, "<TIMEX3")) > 0) {
            s = substr(s, i)
            tag = substr(s, 1, index(s, ">"))
            if (index(tag, "CREATION_TIME")) {
                v = tag; sub(/.*value="/, "", v); sub(/".*/, "", v); print v; exit 0
            }
            s = substr(s, 8)
        }
        exit 0
    }
    # merge: spans are 0-based byte offsets, ordered, never overlapping
    out = head; pos = 0; n = 0
    while ((getline line < times) > 0) {
        sp = line; sub(/^\{"span":\[/, "", sp); split(sp, se, /[],]/)
        s0 = se[1] + 0; s1 = se[2] + 0
        if (s0 < pos || s1 > length(text) || s1 <= s0) continue
        n++
        mod = jstr(line, "mod")
        out = out substr(text, pos + 1, s0 - pos) "<TIMEX3 tid=\"t" (1000 + n) "\" type=\"" jstr(line, "type") \
              "\" value=\"" jstr(line, "value") "\"" (mod != "" ? " mod=\"" mod "\"" : "") ">" \
              substr(text, s0 + 1, s1 - s0) "</TIMEX3>"
        pos = s1
    }
    printf "%s%s</TEXT>\n</TimeML>\n", out, substr(text, pos + 1)
}'
awk -v mode=text -v gold="$gold" "$prog" > "$tmp/text.txt"
dct=$(awk -v mode=dct -v gold="$gold" "$prog")
if [ -n "$dct" ]; then set -- --dct "$dct"; else set --; fi
[ -n "$zone" ] && set -- "$@" --tz "$zone"
"$treve" times "$@" --lang "$lang" "$tmp/text.txt" > "$tmp/times.jsonl" 2> "$tmp/err" || {
    cat "$tmp/err" >&2
    exit 1
}
awk -v mode=merge -v gold="$gold" -v times="$tmp/times.jsonl" "$prog"
