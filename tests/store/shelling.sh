# One shelling reported by three outlets in different words and figures:
# one story, 3 articles, 3 sources, the three casualty claims kept.
. "$ROOT/tests/store/common.inc"
db="$TMP/s.db"
"$TREVE" ingest --db "$db" "$DATA/shelling.jsonl" || fail "ingest failed"
out=$("$TREVE" events --db "$db" --type 194)
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "expected one story: $out"
echo "$out" | grep -q '"sources":3,"articles":3' || fail "not 3 sources / 3 articles: $out"
n=$(echo "$out" | grep -o '"kind":"killed"' | wc -l)
[ "$n" -eq 3 ] || fail "expected 3 killed claims, got $n"
for f in '"min":12' '"min":15' '"min":20' '"source_names":\["AFP","Reuters","TASS"\]'; do
    echo "$out" | grep -q "$f" || fail "missing $f"
done
# filters
[ "$("$TREVE" events --db "$db" --actor AZE --country ARM --min-casualties 10 --since 2022-09-13 --until 2022-09-15 | wc -l)" -eq 1 ] ||
    fail "filters lost the story"
[ -z "$("$TREVE" events --db "$db" --historical)" ] || fail "--historical should find nothing"
[ -z "$("$TREVE" events --db "$db" --actor RUS)" ] || fail "--actor RUS should find nothing"
exit 0
