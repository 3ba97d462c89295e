# kill -9 in the middle of a large ingest loses nothing committed, never
# corrupts the database, and a re-run completes it without duplicates.
. "$ROOT/tests/store/common.inc"
. "$ROOT/tests/store/gen.inc"
gen_articles 4000 "$TMP/big.jsonl"
db="$TMP/k.db"
"$TREVE" ingest --db "$db" --batch 100 "$TMP/big.jsonl" 2>"$TMP/err" &
pid=$!
# wait until a few batches are committed, then kill
i=0
while [ $i -lt 400 ]; do
    n=$(sqlite3 "$db" 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 300 ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.02
    i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity check failed after kill -9"
n=$(sqlite3 "$db" 'SELECT count(*) FROM articles')
[ $((n % 100)) -eq 0 ] || fail "$n articles after kill -9: a partial batch was committed"
[ "$n" -lt 4000 ] || fail "the ingest finished before the kill: make the input larger"
"$TREVE" ingest --db "$db" --batch 100 "$TMP/big.jsonl" || fail "re-run failed"
"$TREVE" ingest --db "$TMP/clean.db" "$TMP/big.jsonl" || fail "clean ingest failed"
[ "$(counts "$db")" = "$(counts "$TMP/clean.db")" ] || fail "after re-run: $(counts "$db"), clean: $(counts "$TMP/clean.db")"
dump "$db" > "$TMP/a" && dump "$TMP/clean.db" > "$TMP/b" || fail "dump failed"
cmp -s "$TMP/a" "$TMP/b" || fail "re-run and clean ingest differ"
[ "$(sqlite3 "$db" 'SELECT count(*) - count(DISTINCT article_id) FROM articles')" = 0 ] || fail "duplicates"
exit 0
