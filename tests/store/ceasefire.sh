# A ceasefire announced, holding a day, violated twice, collapsing
# (tests/data/store/ceasefire.jsonl, five dispatches of 1-5 Oct 2022).
. "$ROOT/tests/store/common.inc"
db="$TMP/c.db"
"$TREVE" ingest --db "$db" "$DATA/ceasefire.jsonl" || fail "ingest failed"
state_at() {
    "$TREVE" ceasefires --db "$db" --parties ARM,AZE --at "$1" | grep -o '"state":"[a-z_]*","reason":"[^"]*","violations":[0-9]*'
}
want() {
    got=$(state_at "$1")
    [ "$got" = "$2" ] || fail "at $1: got '$got', want '$2'"
}
want 2022-10-01T11:00:00Z '"state":"announced","reason":"ceasefire reported","violations":0'
want 2022-10-01T12:00:00Z '"state":"in_force","reason":"effective time reached","violations":0'
want 2022-10-02T12:00:00Z '"state":"in_force","reason":"reported holding","violations":0'
want 2022-10-03T00:00:00Z '"state":"violated","reason":"reported violation (CAMEO 196)","violations":1'
want 2022-10-04T00:00:00Z '"state":"violated","reason":"clash between ARM/AZE (CAMEO 190) with deaths","violations":2'
want 2022-10-06T00:00:00Z '"state":"collapsed","reason":"reported ended","violations":3'
[ -z "$("$TREVE" ceasefires --db "$db" --parties ARM,AZE --at 2022-09-30T00:00:00Z)" ] || fail "shown before it existed"
all=$("$TREVE" ceasefires --db "$db")
echo "$all" | grep -q '"mediators":\["RUS"\],"announced_by":"RUSGOV","agreed_at":"2022-10-01T10:00:00Z","effective_from":"2022-10-01T12:00:00Z"' ||
    fail "wrong entity: $all"
[ -z "$("$TREVE" ceasefires --db "$db" --parties ARM,RUS)" ] || fail "--parties ARM,RUS should find nothing"
exit 0
