#!/bin/sh
# tests/realtext/run.sh — the real-text development sets (tests/realtext/README.md).
# Checks each gold file (syntax; every span inside its text and on UTF-8 boundaries; the
# article ids are exactly the sampler's), then scores treve on it with
# tools/score-realtext.py and prints the figures. The figures are measurements: they never
# fail the test; a broken gold file, a wrong id list or a crash does. Skips (exit 77) when
# ../shared is absent, after checking the gold syntax.
#
#   sh tests/realtext/run.sh [-v]      (-v lists each article's false and missed events)
#
# Under tests/run.sh it gets TREVE, ROOT and SHARED from the environment.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
TREVE=${TREVE:-$ROOT/build/treve}
case "$TREVE" in /*) ;; *) TREVE=$(pwd)/$TREVE ;; esac
SHARED=${SHARED:-$ROOT/../shared}
verbose=
[ "${1:-}" = "-v" ] && verbose=--verbose
export TREVE_NEWS_FR="${TREVE_NEWS_FR:-$SHARED/corpora/news-fr/orangesum-dev.jsonl}"

status=0
skipped=0
for kind in articles headlines; do
    gold="$ROOT/tests/realtext/$kind.gold"
    [ -f "$gold" ] || continue
    echo "== $kind"
    python3 "$ROOT/tools/score-realtext.py" --treve "$TREVE" $verbose "$gold"
    rc=$?
    case $rc in
        0) ;;
        77) skipped=1; continue ;;
        1) echo "FAIL: $gold is broken"; status=1; continue ;;
        *) echo "FAIL: the scorer or treve crashed on $gold (exit $rc)"; status=1; continue ;;
    esac
    want=$(python3 "$ROOT/tools/sample-devset.py" "$kind") || { echo "FAIL: sample-devset.py $kind"; status=1; continue; }
    have=$(sed -n 's/^article \([^ ]*\).*/\1/p' "$gold")
    if [ "$want" != "$have" ]; then
        echo "FAIL: the article ids of $gold are not those of sample-devset.py $kind (in order)"
        status=1
    fi
done
if [ "$status" -eq 0 ] && [ "$skipped" -eq 1 ]; then exit 77; fi
exit $status
