# Files that are not treve databases, newer schemas, read-only files and a
# full disk are refused or reported with a clear message, never a crash.
. "$ROOT/tests/store/common.inc"
art="$DATA/shelling.jsonl"
expect() { # expect EXIT STDERR-SUBSTRING command...
    want=$1 msg=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ "$rc" = "$want" ] || fail "$*: exit $rc, expected $want ($(cat "$TMP/err"))"
    grep -q -- "$msg" "$TMP/err" || fail "$*: stderr lacks '$msg': $(cat "$TMP/err")"
}
echo "not a database at all, just some text that is long enough to be a header...." > "$TMP/text.db"
expect 2 "not a treve database" "$TREVE" ingest --db "$TMP/text.db" "$art"
expect 2 "not a treve database" "$TREVE" events --db "$TMP/text.db"
sqlite3 "$TMP/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES(1)'
expect 2 "not a treve database" "$TREVE" ingest --db "$TMP/other.db" "$art"
expect 2 "not a treve database" "$TREVE" ceasefires --db "$TMP/other.db"
[ "$(sqlite3 "$TMP/other.db" 'SELECT count(*) FROM sqlite_master')" = 1 ] || fail "other database was modified"
"$TREVE" ingest --db "$TMP/new.db" "$art" || fail "ingest failed"
sqlite3 "$TMP/new.db" 'PRAGMA user_version = 99'
expect 2 "newer schema" "$TREVE" ingest --db "$TMP/new.db" "$art"
expect 2 "newer schema" "$TREVE" export --db "$TMP/new.db" --format csv
expect 2 "no such database" "$TREVE" events --db "$TMP/absent.db"
expect 2 "format" "$TREVE" export --db "$TMP/new.db" --format xml
expect 2 "--db" "$TREVE" ingest "$art"
if [ "$(id -u)" != 0 ]; then # root writes through file modes
    "$TREVE" ingest --db "$TMP/ro.db" "$art" || fail "ingest failed"
    chmod 444 "$TMP/ro.db"
    expect 2 "read-only" "$TREVE" ingest --db "$TMP/ro.db" "$DATA/ceasefire.jsonl"
fi
# a full disk: a file size limit makes every write past 200 KiB fail
. "$ROOT/tests/store/gen.inc"
gen_articles 3000 "$TMP/big.jsonl"
(trap '' XFSZ; ulimit -f 400; "$TREVE" ingest --db "$TMP/full.db" "$TMP/big.jsonl" >"$TMP/out" 2>"$TMP/err")
rc=$?
[ "$rc" = 2 ] || fail "full disk: exit $rc, expected 2 ($(cat "$TMP/err"))"
grep -q "treve: .*full.db: " "$TMP/err" || fail "full disk not reported: $(cat "$TMP/err")"
[ "$(sqlite3 "$TMP/full.db" 'PRAGMA integrity_check')" = ok ] || fail "full disk corrupted the database"
exit 0
