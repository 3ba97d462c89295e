# Two ingests into one database at once produce no duplicate, and a reader
# is never blocked by them.
. "$ROOT/tests/store/common.inc"
. "$ROOT/tests/store/gen.inc"
gen_articles 1500 "$TMP/a.jsonl"
db="$TMP/c.db"
"$TREVE" ingest --db "$db" --batch 50 "$TMP/a.jsonl" 2>"$TMP/e1" & p1=$!
"$TREVE" ingest --db "$db" --batch 50 "$TMP/a.jsonl" 2>"$TMP/e2" & p2=$!
reads=0
while kill -0 $p1 2>/dev/null || kill -0 $p2 2>/dev/null; do
    if [ -s "$db" ]; then
        "$TREVE" events --db "$db" --limit 5 >/dev/null 2>"$TMP/er" || grep -q "treve database" "$TMP/er" ||
            fail "reader failed during ingest: $(cat "$TMP/er")"
        reads=$((reads + 1))
    fi
    sleep 0.05
done
wait $p1 || fail "first ingest failed: $(cat "$TMP/e1")"
wait $p2 || fail "second ingest failed: $(cat "$TMP/e2")"
"$TREVE" ingest --db "$TMP/clean.db" "$TMP/a.jsonl" || fail "clean ingest failed"
[ "$(counts "$db")" = "$(counts "$TMP/clean.db")" ] || fail "concurrent: $(counts "$db"), clean: $(counts "$TMP/clean.db")"
dump "$db" > "$TMP/x" && dump "$TMP/clean.db" > "$TMP/y" && cmp -s "$TMP/x" "$TMP/y" || fail "outputs differ"
exit 0
