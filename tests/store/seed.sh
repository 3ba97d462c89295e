# Done-when of issue 5: the seed dispatch ingested twice leaves the same rows
# as once; its ceasefire is effective 2022-09-13T06:00:00Z, mediated by RUS.
. "$ROOT/tests/store/common.inc"
seed="$SHARED/seed/000_d108e5129da414a1.txt"
[ -f "$seed" ] || exit 77
db="$TMP/seed.db"
"$TREVE" ingest --db "$db" --lang fr --published 2022-09-13T08:00:00Z "$seed" || fail "first ingest failed"
once=$(counts "$db"); d1=$(dump "$db")
"$TREVE" ingest --db "$db" --lang fr --published 2022-09-13T08:00:00Z "$seed" || fail "second ingest failed"
[ "$(counts "$db")" = "$once" ] || fail "rows changed on re-ingest: $once -> $(counts "$db")"
[ "$(dump "$db")" = "$d1" ] || fail "output changed on re-ingest"
# the same bytes under another id (content hash) change nothing either
"$TREVE" ingest --db "$db" --id other-id --lang fr --published 2022-09-13T08:00:00Z "$seed" || fail "third ingest"
[ "$(counts "$db")" = "$once" ] || fail "rows changed on re-ingest under another id"
cf=$("$TREVE" ceasefires --db "$db" --parties ARM,AZE) || fail "ceasefires failed"
echo "$cf" | grep '"effective_from":"2022-09-13T06:00:00Z"' | grep '"mediators":\["RUS"\]' | grep -q '"parties":\["ARM","AZE"\]' ||
    fail "no ARM/AZE ceasefire effective 06:00Z mediated by RUS: $cf"
echo "$cf" | grep '"effective_from":"2022-09-13T06:00:00Z"' | grep -q '"state":"in_force"' || fail "not in force: $cf"
# before it was announced there is nothing to show
[ -z "$("$TREVE" ceasefires --db "$db" --parties ARM,AZE --at 2022-09-13T05:00:00Z | grep 2022-09-13T06)" ] ||
    fail "ceasefire shown before its announcement"
exit 0
