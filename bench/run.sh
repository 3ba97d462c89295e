#!/bin/sh
# bench/run.sh — throughput per pipeline stage (MB/s on one core) and peak
# RSS, on a French corpus: Debian's French manual pages (manpages-fr, roff
# markup stripped), the bundled samples, and the seed dispatch when
# ../shared is present, repeated to about 20 MB. Also times `treve code`
# end to end as a process. Not a test: run it and read the figures.
set -eu
cd "$(dirname "$0")/.."
BUILD=${TREVE_BUILD:-build}
mkdir -p bench/corpus
corpus=bench/corpus/fr.txt
if [ ! -s "$corpus" ]; then
    : > bench/corpus/base.txt
    if [ -d /usr/share/man/fr ]; then
        find /usr/share/man/fr -name '*.gz' | sort | while read -r f; do
            zcat "$f" | sed -e '/^\./d' -e "/^'/d" -e 's/\\f[BIRP]//g' -e 's/\\(..//g' -e 's/\\-/-/g' -e 's/\\//g'
            echo
        done >> bench/corpus/base.txt
    else
        echo "bench: manpages-fr not installed (apt-get install manpages-fr): samples only" >&2
    fi
    for f in samples/*.txt ../shared/seed/*.txt; do
        [ -f "$f" ] && { cat "$f"; echo; } >> bench/corpus/base.txt
    done
    while [ "$(wc -c < "$corpus" 2>/dev/null || echo 0)" -lt 20000000 ]; do
        cat bench/corpus/base.txt >> "$corpus"
    done
fi
make -s BUILD="$BUILD" "$BUILD/treve" "$BUILD/libtreve.a" >/dev/null
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Ilib $(pkg-config --cflags libutf8proc icu-uc) \
    -o "$BUILD/bench" bench/bench.c "$BUILD/libtreve.a" \
    $(pkg-config --libs libutf8proc icu-uc icu-i18n jansson hunspell sqlite3 libmicrohttpd) -lm
echo "== stages (bench/bench.c)"
"$BUILD/bench" "$corpus"
echo "== treve code as a process on the same corpus (JSONL output discarded)"
start=$(date +%s.%N)
"$BUILD/treve" code --lang fr --published 2022-09-13T08:00:00Z --invalid-utf8 replace "$corpus" > /dev/null || true
end=$(date +%s.%N)
size=$(wc -c < "$corpus")
echo "$size $start $end" | awk '{ printf "treve code: %.1f MB in %.2f s = %.1f MB/s\n", $1/1e6, $3-$2, $1/1e6/($3-$2) }'
