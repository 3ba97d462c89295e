#!/bin/sh
# bench/serve.sh — load test of `treve serve` with wrk on loopback: builds
# (once, kept in $BENCH_DB) a database of about 100,000 events by running
# `treve ingest` on generated French dispatches, then reports requests/s
# and p99 latency for /api/events and /api/ceasefires.
#   sh bench/serve.sh                 (BUILD=build, 10 s per endpoint)
#   EVENTS=20000 DURATION=5 CONNS=32 sh bench/serve.sh
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${TREVE_BUILD:-${BUILD:-build}}
TREVE="$BUILD/treve"
EVENTS=${EVENTS:-100000}
DURATION=${DURATION:-10}
CONNS=${CONNS:-50}
BENCH_DB=${BENCH_DB:-$BUILD/bench-serve-v2-$EVENTS.db}
command -v wrk >/dev/null || { echo "bench/serve.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$TREVE" ] || { echo "bench/serve.sh: build $TREVE first" >&2; exit 2; }

if [ ! -s "$BENCH_DB" ]; then
    tmp=$(mktemp -d)
    # Each generated dispatch codes to about 3 events (a clash with its
    # casualty claims, an appeal, a statement; one in ten also announces a
    # ceasefire), over 16 countries and 3 years.
    articles=$((EVENTS / 3 + 1))
    awk -v n="$articles" 'BEGIN {
        split("l\047Arménie|l\047Azerbaïdjan|la Russie|l\047Ukraine|Israël|le Liban|le Soudan|le Tchad|le Mali|le Niger|la Syrie|la Turquie|l\047Iran|l\047Irak|la Serbie|le Kosovo", who, "|");
        split("Djermouk|Goris|Kharkiv|Donetsk|Gaza|Khartoum|Gao|Niamey|Alep|Kirkouk|Mitrovica|Bakou|Erevan|Tyr|El-Facher|Kidal", at, "|");
        split("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre", mon, "|");
        srand(42);
        for (i = 0; i < n; i++) {
            a = 1 + int(rand() * 16); b = 1 + int(rand() * 16); if (b == a) b = a % 16 + 1;
            y = 2021 + int(rand() * 3); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28); k = 1 + int(rand() * 60);
            printf "{\"id\":\"bench-%d\",\"source\":\"Bench\",\"published\":\"%04d-%02d-%02dT12:00:00Z\",\"lang\":\"fr\",", i, y, m, d;
            printf "\"title\":\"Affrontements près de %s\",", at[1 + int(rand() * 16)];
            printf "\"text\":\"Des affrontements ont opposé le %d %s %d %s à %s près de %s. Au moins %d soldats ont été tués, a affirmé le ministère de la Défense. ", d, mon[m], y, who[a], who[b], at[1 + int(rand() * 16)], k;
            if (i % 10 == 0)
                printf "La Russie a annoncé un cessez-le-feu entre %s et %s à partir du %d %s %d à 06H00 GMT. ", who[a], who[b], d, mon[m], y;
            printf "L\047ONU a appelé les parties à la retenue. Le gouvernement s\047est dit préoccupé par la situation.\"}\n";
        }
    }' > "$tmp/bench.jsonl"
    echo "ingesting $articles generated articles into $BENCH_DB ..." >&2
    start=$(date +%s)
    rm -f "$BENCH_DB.part" "$BENCH_DB.part-wal" "$BENCH_DB.part-shm"
    if ! "$TREVE" ingest --db "$BENCH_DB.part" "$tmp/bench.jsonl" >/dev/null; then
        echo "bench/serve.sh: ingest of the generated articles failed (kept in $BUILD/bench-serve.jsonl)" >&2
        cp "$tmp/bench.jsonl" "$BUILD/bench-serve.jsonl"
        rm -rf "$tmp"
        exit 1
    fi
    mv "$BENCH_DB.part" "$BENCH_DB"
    echo "ingest took $(( $(date +%s) - start )) s" >&2
    rm -rf "$tmp"
fi

port=$((20000 + $$ % 20000))
"$TREVE" serve --db "$BENCH_DB" --port "$port" --quiet --max-per-ip 10000 2> "$BUILD/bench-serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT INT TERM
sleep 0.5
curl -sf "http://127.0.0.1:$port/api/stats" || { cat "$BUILD/bench-serve.err" >&2; exit 1; }
echo
for path in "/api/events" "/api/events?limit=100&type=19&since=2022-01-01" "/api/ceasefires" "/api/ceasefires?parties=ARM,AZE"; do
    out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "http://127.0.0.1:$port$path")
    rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')
    non2xx=$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')
    printf '%-50s %10s req/s   p99 %8s   non-2xx %s\n' "$path" "$rps" "$p99" "${non2xx:-0}"
done
