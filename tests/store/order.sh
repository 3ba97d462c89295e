# Stories and ceasefire states do not depend on ingest order or batching:
# the fixtures forwards one article per batch, and backwards in one batch.
. "$ROOT/tests/store/common.inc"
cat "$DATA/shelling.jsonl" "$DATA/ceasefire.jsonl" "$DATA/extra.jsonl" > "$TMP/fwd.jsonl"
awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }' "$TMP/fwd.jsonl" > "$TMP/bwd.jsonl"
"$TREVE" ingest --db "$TMP/a.db" --batch 1 "$TMP/fwd.jsonl" || fail "ingest forwards failed"
"$TREVE" ingest --db "$TMP/b.db" "$TMP/bwd.jsonl" || fail "ingest backwards failed"
dump "$TMP/a.db" > "$TMP/a.out" && dump "$TMP/b.db" > "$TMP/b.out" || fail "dump failed"
cmp -s "$TMP/a.out" "$TMP/b.out" || fail "outputs differ: $(diff "$TMP/a.out" "$TMP/b.out" | head -c 2000)"
[ "$(counts "$TMP/a.db")" = "$(counts "$TMP/b.db")" ] || fail "row counts differ"
exit 0
