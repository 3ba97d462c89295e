#!/bin/sh
# tests/run.sh — runs the whole test suite: every unit-test binary in
# $TREVE_BUILD/tests/, then every data-file test in tests/data/**/*.test,
# then every script test tests/{store,timeml,realtext,cli,install,python}/*.sh (see below).
# Closes with one line "N passed, N failed, N skipped".
#
# A .test file is a sequence of sections, each opened by a line "--- NAME":
#   --- args        the treve command line; %INPUT% is the input file's path,
#                   %SHARED% the ../shared folder, %DATA% tests/data
#   --- input       the article, written byte for byte (the final newline kept)
#   --- input-hex   the article as hex bytes (for BOM, CRLF, NUL, bad UTF-8)
#   --- stdout      the exact expected standard output
#   --- stdout-has  lines each of which must be a whole line of stdout
#   --- stdout-lacks  substrings that must not appear in stdout
#   --- stderr-has  substrings each of which must appear in stderr
#   --- events      expectations on `treve code` output, checked by
#                   $BUILD/check-events (format at the top of tests/check-events.c)
#   --- exit        the expected exit status (default 0)
#   --- requires    "shared": skip (and say so) when ../shared is absent
# Lines before the first section are comments.
set -u
BUILD=${TREVE_BUILD:-build}
TREVE="$BUILD/treve"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${TREVE_SHARED:-$ROOT/../shared}
cd "$ROOT" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

passed=0
failed=0
skipped=0

# ---- unit tests --------------------------------------------------------
for t in "$BUILD"/tests/*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>"$tmp/unit.err")
    rc=$?
    line=$(printf '%s\n' "$out" | tail -n 1)
    p=$(printf '%s\n' "$line" | sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p')
    f=$(printf '%s\n' "$line" | sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p')
    [ -n "$p" ] || p=0
    [ -n "$f" ] || f=0
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
    if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
        echo "FAIL unit $(basename "$t") (exit $rc)"
        sed 's/^/    /' "$tmp/unit.err" | head -n 40
    fi
done

# ---- data-file tests ---------------------------------------------------
hex_to_bin() { # hex text on stdin → bytes on stdout (dash's printf has no \x)
    tr -d ' \n\r\t' | fold -w2 | while read -r h || [ -n "$h" ]; do printf "\\$(printf '%03o' "0x$h")"; done
}

find tests/data -name '*.test' | sort > "$tmp/list"
while IFS= read -r f; do
    d="$tmp/case"
    rm -rf "$d"
    mkdir -p "$d"
    awk -v dir="$d" '
        /^--- [a-z-]+[ \t]*$/ { sec = $2; file = dir "/" sec; printf "" > file; next }
        sec != "" { print >> file }
    ' "$f"
    if [ -f "$d/requires" ] && grep -q shared "$d/requires" && [ ! -d "$SHARED" ]; then
        echo "SKIP $f (needs ../shared, absent here)"
        skipped=$((skipped + 1))
        continue
    fi
    if [ -f "$d/input-hex" ]; then
        hex_to_bin < "$d/input-hex" > "$d/input"
    fi
    [ -f "$d/input" ] || : > "$d/input"
    args=$(sed -e "s#%INPUT%#$d/input#g" -e "s#%SHARED%#$SHARED#g" -e "s#%DATA%#$ROOT/tests/data#g" "$d/args" | tr '\n' ' ')
    # shellcheck disable=SC2086
    eval "\"$TREVE\" $args" > "$d/out" 2> "$d/err" < /dev/null
    rc=$?
    want_rc=0
    [ -f "$d/exit" ] && want_rc=$(tr -d ' \n' < "$d/exit")
    ok=1
    why=""
    if [ "$rc" != "$want_rc" ]; then ok=0; why="exit $rc, expected $want_rc"; fi
    if [ -f "$d/stdout" ] && ! cmp -s "$d/stdout" "$d/out"; then
        ok=0; why="$why; stdout differs:
$(diff "$d/stdout" "$d/out" | head -n 30)"
    fi
    if [ -f "$d/stdout-has" ]; then
        while IFS= read -r l; do
            [ -n "$l" ] || continue
            if ! grep -Fxq -- "$l" "$d/out"; then ok=0; why="$why; missing line: $l"; fi
        done < "$d/stdout-has"
    fi
    if [ -f "$d/stdout-lacks" ]; then
        while IFS= read -r l; do
            [ -n "$l" ] || continue
            if grep -Fq -- "$l" "$d/out"; then ok=0; why="$why; unwanted: $l"; fi
        done < "$d/stdout-lacks"
    fi
    if [ -f "$d/events" ]; then
        article=$(printf '%s\n' "$args" | awk '{print $NF}')
        if ! "$BUILD/check-events" "$d/events" "$article" < "$d/out" > "$d/check" 2>&1; then
            ok=0; why="$why; events:
$(head -n 40 "$d/check")"
        fi
    fi
    if [ -f "$d/stderr-has" ]; then
        while IFS= read -r l; do
            [ -n "$l" ] || continue
            if ! grep -Fq -- "$l" "$d/err"; then ok=0; why="$why; stderr lacks: $l"; fi
        done < "$d/stderr-has"
    fi
    if [ "$ok" = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $f: $why"
        if [ -s "$d/err" ]; then echo "  stderr:"; head -n 5 "$d/err" | sed 's/^/    /'; fi
    fi
done < "$tmp/list"

# ---- script tests -------------------------------------------------------
# tests/store/*.sh, tests/timeml/*.sh (the scored TimeML set), tests/realtext/*.sh (the
# real-text development sets, figures only), tests/cli/*.sh (help, version, ingest summary),
# tests/install/*.sh (install-deps, tables, make install, man pages, dashboard) and
# tests/python/*.sh (the Python module): each runs with TREVE (the binary), ROOT, SHARED and TMP
# (a scratch directory) in its environment, prints nothing and exits 0 on
# success, exits 77 to be skipped, anything else fails (its output shown).
case "$TREVE" in /*) treve_abs=$TREVE ;; *) treve_abs=$ROOT/$TREVE ;; esac
for f in tests/store/*.sh tests/timeml/*.sh tests/realtext/*.sh tests/cli/*.sh tests/install/*.sh tests/python/*.sh; do
    [ -f "$f" ] || continue
    mkdir -p "$tmp/script" && rm -rf "$tmp/script"/* 2>/dev/null
    out=$(TREVE="$treve_abs" ROOT="$ROOT" SHARED="$SHARED" TMP="$tmp/script" sh "$f" 2>&1)
    rc=$?
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
    elif [ "$rc" -eq 77 ]; then
        echo "SKIP $f"
        skipped=$((skipped + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $f (exit $rc)"
        printf '%s\n' "$out" | head -n 30 | sed 's/^/    /'
    fi
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
