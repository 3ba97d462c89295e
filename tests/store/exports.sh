# Exports open cleanly: CSV and ACLED with Python's csv module and sqlite3's
# CSV import (same column count on every row), GDELT with 61 tab-separated
# columns; ACLED names countries and actors in English, GDELT's ActionGeo
# country is FIPS 10-4; `treve stats` prints the counts.
. "$ROOT/tests/store/common.inc"
db="$TMP/x.db"
cat "$DATA/shelling.jsonl" "$DATA/ceasefire.jsonl" > "$TMP/in.jsonl"
"$TREVE" ingest --db "$db" "$TMP/in.jsonl" || fail "ingest failed"
for f in csv acled gdelt; do
    "$TREVE" export --db "$db" --format $f > "$TMP/x.$f" || fail "export $f failed"
done
[ "$(awk -F'\t' '{print NF}' "$TMP/x.gdelt" | sort -u)" = 61 ] || fail "gdelt: not 61 columns on every line"
if command -v python3 >/dev/null; then
    for f in csv acled; do
        python3 -c "import csv, sys; rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert len({len(r) for r in rows}) == 1 and len(rows) > 1, {len(r) for r in rows}" "$TMP/x.$f" ||
            fail "$f does not parse as CSV with a fixed column count"
    done
fi
n=$(sqlite3 ":memory:" ".import --csv $TMP/x.acled t" "SELECT count(*) FROM t WHERE country = 'Armenia'") ||
    fail "sqlite3 cannot import the acled export"
[ "$n" -ge 1 ] || fail "acled: no row with country Armenia"
grep -q ',Azerbaijan,' "$TMP/x.acled" || fail "acled: actor not named: $(head -3 "$TMP/x.acled")"
[ "$(cut -f 54 "$TMP/x.gdelt" | grep -c '^AM$')" -ge 1 ] || fail "gdelt: ActionGeo_CountryCode not FIPS (AM)"
[ "$(cut -f 8 "$TMP/x.gdelt" | grep -c '^AZE$')" -ge 1 ] || fail "gdelt: Actor1CountryCode not CAMEO alpha-3"
"$TREVE" stats --db "$db" | grep -q '"articles":[1-9][0-9]*,"events":[1-9]' || fail "stats: $("$TREVE" stats --db "$db")"
"$TREVE" stats --db "$TMP/absent.db" 2>/dev/null && fail "stats on a missing database succeeded"
exit 0
