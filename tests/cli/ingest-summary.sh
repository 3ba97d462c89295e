# tests/cli/ingest-summary.sh — `treve ingest` tells the truth: one summary
# line on standard error at the end of every run (terminal or not) whose
# figures match the database (articles, duplicates by id and by content,
# rejected, events = what `treve stats` counts); --quiet prints nothing; on
# a terminal (script(1) gives one) a progress line with rate and ETA.
set -u
fail() { echo "$*"; exit 1; }
. "$ROOT/tests/store/gen.inc"
T='"text":"Des affrontements ont opposé l'"'"'Arménie et l'"'"'Azerbaïdjan mardi, faisant 12 morts."'
{
    echo '{"id":"a1","published":"2022-09-13T08:00:00Z","lang":"fr",'"$T"'}'
    echo '{"id":"a2","published":"2022-09-14T08:00:00Z","lang":"fr","text":"La Russie a appelé au calme mercredi."}'
    echo '{"id":"a1","published":"2022-09-13T08:00:00Z","lang":"fr","text":"Autre texte, même identifiant."}'
    echo '{"id":"a3","published":"2022-09-13T08:00:00Z","lang":"fr",'"$T"'}'
    echo '{"id":"a4", this is not JSON'
    echo '{"id":"a5","published":"2022-09-15T08:00:00Z","lang":"fr","text":"Des combats ont éclaté jeudi à Goma entre l'"'"'armée et le M23."}'
} > "$TMP/in.jsonl"
db="$TMP/s.db"
"$TREVE" ingest --db "$db" "$TMP/in.jsonl" > "$TMP/out" 2> "$TMP/err"
rc=$?
[ "$rc" = 1 ] || fail "ingest with one bad line: exit $rc, expected 1 ($(cat "$TMP/err"))"
[ -s "$TMP/out" ] && fail "ingest wrote on stdout: $(cat "$TMP/out")"
line=$(grep '^treve ingest: ' "$TMP/err")
[ "$(grep -c '^treve ingest: ' "$TMP/err")" = 1 ] || fail "not one summary line: $(cat "$TMP/err")"
events=$("$TREVE" stats --db "$db" | sed -n 's/.*"events":\([0-9]*\).*/\1/p')
articles=$("$TREVE" stats --db "$db" | sed -n 's/.*"articles":\([0-9]*\).*/\1/p')
[ "$articles" = 3 ] || fail "stats: $articles articles, expected 3"
[ "${events:-0}" -ge 2 ] || fail "stats: ${events:-no} events, expected at least 2"
echo "$line" | grep -q "^treve ingest: 6 articles read: 3 new, 2 already stored (1 same id, 1 same content), 1 rejected; $events events stored; [1-9][0-9]* stories and [0-9]* ceasefires changed; [0-9.]* s, [0-9]* articles/s$" ||
    fail "summary: $line (stats: $articles articles, $events events)"
grep -q "in.jsonl:5: " "$TMP/err" || fail "the bad line is not reported: $(cat "$TMP/err")"
# again: nothing new, everything already stored, nothing changed
"$TREVE" ingest --db "$db" "$TMP/in.jsonl" 2> "$TMP/err2"
grep -q "^treve ingest: 6 articles read: 0 new, 5 already stored (4 same id, 1 same content), 1 rejected; 0 events stored; 0 stories and 0 ceasefires changed; " "$TMP/err2" ||
    fail "second run: $(cat "$TMP/err2")"
# --quiet: nothing but the rejected line; -q the same
"$TREVE" ingest --quiet --db "$db" "$TMP/in.jsonl" 2> "$TMP/err3"
[ "$(grep -c . "$TMP/err3")" = 1 ] && grep -q "in.jsonl:5: " "$TMP/err3" || fail "--quiet: $(cat "$TMP/err3")"
"$TREVE" ingest -q --db "$db" "$TMP/in.jsonl" 2> "$TMP/err4"
cmp -s "$TMP/err3" "$TMP/err4" || fail "-q differs from --quiet"
# events stored adds up over runs: the sum of the summaries = treve stats
gen_articles 600 "$TMP/big.jsonl"
"$TREVE" ingest --db "$TMP/b.db" --batch 100 "$TMP/big.jsonl" 2> "$TMP/err5" || fail "big ingest: $(cat "$TMP/err5")"
stored=$(sed -n 's/.*; \([0-9]*\) events stored;.*/\1/p' "$TMP/err5")
[ "$stored" = "$("$TREVE" stats --db "$TMP/b.db" | sed -n 's/.*"events":\([0-9]*\).*/\1/p')" ] ||
    fail "600 articles: summary says $stored events, stats says otherwise: $(cat "$TMP/err5")"
# on a terminal: the progress line (count/total, rate, ETA), then the summary
command -v script > /dev/null || fail "script(1) is missing: install the Debian package bsdutils"
gen_articles 3000 "$TMP/tty.jsonl"
script -qec "'$TREVE' ingest --db '$TMP/t.db' --batch 200 '$TMP/tty.jsonl'" /dev/null > "$TMP/tty.out" 2>&1 < /dev/null ||
    fail "ingest on a terminal failed: $(tail -c 300 "$TMP/tty.out")"
esc=$(printf '\033')
tr '\r' '\n' < "$TMP/tty.out" | sed "s/$esc\[K//g" > "$TMP/tty.lines"
grep -q '^[0-9]*/3000 articles ([0-9]* new, [0-9]* already stored), [0-9]*/s, [0-9]* events, 0 errors, ETA [0-9]*s' "$TMP/tty.lines" ||
    fail "no progress line with ETA on a terminal: $(head -c 400 "$TMP/tty.out")"
grep -q '^treve ingest: 3000 articles read: 3000 new, ' "$TMP/tty.lines" || fail "no summary on a terminal: $(tail -c 400 "$TMP/tty.out")"
script -qec "'$TREVE' ingest --quiet --db '$TMP/t.db' '$TMP/tty.jsonl'" /dev/null > "$TMP/tty2.out" 2>&1 < /dev/null
[ -s "$TMP/tty2.out" ] && fail "--quiet on a terminal printed: $(head -c 300 "$TMP/tty2.out")"
exit 0
