#!/bin/sh
# bench/store.sh — event store figures (issue 5): ingest throughput into
# SQLite including merging and ceasefire tracking (synthetic short French
# dispatches), and the ceasefire-state query on a database of 1 million
# events. Not a test: run it and read the figures.
#   sh bench/store.sh [N_ARTICLES [N_EVENTS]]
set -eu
cd "$(dirname "$0")/.."
BUILD=${TREVE_BUILD:-build}
N=${1:-20000}
E=${2:-1000000}
make -s BUILD="$BUILD" "$BUILD/treve" "$BUILD/libtreve.a" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
ROOT=$(pwd)
. tests/store/gen.inc
gen_articles "$N" "$tmp/a.jsonl"
t0=$(date +%s.%N)
"$BUILD/treve" code "$tmp/a.jsonl" > /dev/null
t1=$(date +%s.%N)
"$BUILD/treve" ingest --db "$tmp/a.db" "$tmp/a.jsonl"
t2=$(date +%s.%N)
awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
    printf "treve code:   %d articles in %.2f s = %.0f articles/s\n", n, b - a, n / (b - a)
    printf "treve ingest: %d articles in %.2f s = %.0f articles/s (coding + storing + merging + ceasefires)\n", n, c - b, n / (c - b)
}'
sqlite3 "$tmp/a.db" "SELECT 'stored: '||(SELECT count(*) FROM articles)||' articles, '||(SELECT count(*) FROM events)||' events, '||(SELECT count(*) FROM stories)||' stories'"
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Ilib -o "$tmp/store_query" bench/store_query.c \
    "$BUILD/libtreve.a" $(pkg-config --libs libutf8proc icu-uc icu-i18n jansson hunspell sqlite3) -lm
"$tmp/store_query" "$tmp/big.db" "$E"
t0=$(date +%s.%N)
"$BUILD/treve" ceasefires --db "$tmp/big.db" --parties ARM,AZE --at 2020-06-01T00:00:00Z > /dev/null
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "treve ceasefires as a process (start, open, query): %.1f ms\n", (b - a) * 1000 }'
