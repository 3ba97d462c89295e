#!/bin/sh
# tests/web/run.sh — tests of `treve serve`: builds a fixture database with
# `treve ingest` (tests/web/fixtures/articles.jsonl, plus the seed dispatch
# of 13 Sept 2022 when ../shared is there), starts the server on a free
# loopback port, runs every tests/web/*.test.mjs with node (the browser
# tests drive Debian's /usr/bin/chromium through playwright-core from
# web/node_modules: run `npm ci` in web/ first), then stops the server with
# SIGTERM and checks that it exits cleanly. Screenshots are kept in
# $TREVE_SCREENSHOTS (default $BUILD/screenshots). Closes with one line
# "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
BUILD=${TREVE_BUILD:-build}
TREVE="$BUILD/treve"
SHARED=${TREVE_SHARED:-$ROOT/../shared}
SEED="$SHARED/seed/000_d108e5129da414a1.txt"
SHOTS=${TREVE_SCREENSHOTS:-$BUILD/screenshots}
export TREVE_SCREENSHOTS="$SHOTS"

for need in "$TREVE" "$BUILD/web/index.html" web/node_modules/playwright-core/package.json "${CHROMIUM:-/usr/bin/chromium}"; do
    if [ ! -e "$need" ]; then
        echo "tests/web/run.sh: missing $need (make BUILD=$BUILD; cd web && npm ci; apt-get install chromium)" >&2
        echo "0 passed, 1 failed"
        exit 1
    fi
done
command -v node >/dev/null || { echo "tests/web/run.sh: node is not installed" >&2; echo "0 passed, 1 failed"; exit 1; }

tmp=$(mktemp -d) || exit 2
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

passed=0
failed=0
db="$tmp/web.db"
if ! "$TREVE" ingest --db "$db" tests/web/fixtures/articles.jsonl > "$tmp/ingest.out" 2>&1; then
    echo "FAIL ingest of tests/web/fixtures/articles.jsonl"; sed 's/^/    /' "$tmp/ingest.out" | head -n 20
    echo "0 passed, 1 failed"; exit 1
fi
if [ -f "$SEED" ]; then
    if ! "$TREVE" ingest --db "$db" --lang fr --published 2022-09-13T08:00:00Z "$SEED" > "$tmp/ingest.out" 2>&1; then
        echo "FAIL ingest of the seed dispatch"; sed 's/^/    /' "$tmp/ingest.out" | head -n 20
        echo "0 passed, 1 failed"; exit 1
    fi
    export TREVE_HAS_SEED=1
else
    echo "SKIP seed-dispatch checks (no $SEED)"
    export TREVE_HAS_SEED=0
fi

"$TREVE" serve --db "$db" --port 0 --web "$BUILD/web" --timeout 2 --quiet 2> "$tmp/serve.err" &
pid=$!
url=""
i=0
while [ $i -lt 100 ]; do
    url=$(sed -n 's/^treve serve: listening on \(http:[^ ]*\) .*/\1/p' "$tmp/serve.err")
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
    i=$((i + 1))
done
if [ -z "$url" ]; then
    echo "FAIL treve serve did not start"; sed 's/^/    /' "$tmp/serve.err"
    echo "0 passed, 1 failed"; exit 1
fi
export TREVE_URL="$url"
mkdir -p "$SHOTS"

for t in tests/web/*.test.mjs; do
    node "$t" > "$tmp/out" 2>&1
    rc=$?
    cat "$tmp/out"
    line=$(tail -n 1 "$tmp/out")
    p=$(printf '%s\n' "$line" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p')
    f=$(printf '%s\n' "$line" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p')
    [ -n "$p" ] || p=0
    [ -n "$f" ] || f=0
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "FAIL $t (exit $rc)"; fi
    passed=$((passed + p))
    failed=$((failed + f))
done

# Graceful shutdown: SIGTERM, exit status 0 within 5 s.
kill -TERM "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
    echo "FAIL treve serve still running 5 s after SIGTERM"; failed=$((failed + 1))
else
    wait "$pid"; rc=$?
    if [ "$rc" -eq 0 ]; then echo "ok   SIGTERM: clean exit"; passed=$((passed + 1))
    else echo "FAIL SIGTERM: exit status $rc"; sed 's/^/    /' "$tmp/serve.err" | tail -n 5; failed=$((failed + 1)); fi
fi
pid=""
echo "screenshots in $SHOTS"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
