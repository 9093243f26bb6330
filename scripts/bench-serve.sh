#!/usr/bin/env bash
# Load test of `chronicle serve` on loopback: wrk (Debian package `wrk`) with 64
# connections against the demo database (the bundled Wikinews corpus), for the
# search, quotes and timeline endpoints, each rotating through a few queries.
# Prints requests/s and the latency percentiles; the goal is p99 <= 50 ms.
#
# QUERIES=repeated (default) cycles through 8 queries per endpoint, so after
# the first second nearly every answer comes from the server's answer cache.
# QUERIES=varied cycles through ~8,000-18,000 distinct queries per endpoint,
# made from the corpus's words, speakers and places and the years (and, for
# timelines, half years) 2019-2024: more than the cache keeps (4,096
# answers), so every request is computed — the cost of queries nobody asked
# before.
#
#   cargo build --release -p chronicle-cli
#   scripts/bench-serve.sh                       # 15 s per endpoint
#   DURATION=30s CHRONICLE=target/eval/chronicle scripts/bench-serve.sh
#
# Bounded: each run lasts DURATION, the server listens on 127.0.0.1 only and
# is stopped on exit. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${CHRONICLE:-${CARGO_TARGET_DIR:-target}/release/chronicle}
PORT=${PORT:-18080}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WORK=$(mktemp -d)
DB=${DB:-$WORK/demo.sqlite}

command -v wrk >/dev/null || { echo "bench-serve: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "bench-serve: no chronicle binary at $BIN (cargo build --release -p chronicle-cli, or set CHRONICLE)" >&2; exit 2; }

"$BIN" serve --demo --db "$DB" --addr "127.0.0.1:$PORT" 2>"$WORK/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT

for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then break; fi
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log" >&2; exit 2; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/api/stats" >/dev/null || { echo "bench-serve: the server did not start" >&2; exit 2; }
echo "server: $BIN on 127.0.0.1:$PORT, database $DB ($(curl -s "http://127.0.0.1:$PORT/api/stats"))"
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per endpoint"

# A wrk script that cycles through the given request paths.
rotate() {
  local out=$1; shift
  {
    echo "local paths = {"
    for p in "$@"; do echo "  \"$p\","; done
    echo "}"
    echo "local i = 0"
    echo "request = function()"
    echo "  i = i % #paths + 1"
    echo "  return wrk.format(\"GET\", paths[i])"
    echo "end"
  } >"$out"
}

if [ "${QUERIES:-repeated}" = varied ]; then
  command -v python3 >/dev/null || { echo "bench-serve: QUERIES=varied needs python3" >&2; exit 2; }
  python3 scripts/serve-queries.py "http://127.0.0.1:$PORT" examples/wikinews_en_2019_2024.jsonl "$WORK"
  for name in search quotes timeline; do
    python3 - "$WORK/$name.txt" >"$WORK/$name.lua" <<'PY'
import json, sys
paths = open(sys.argv[1]).read().split()
sys.stdout.write("local paths = {\n" + "".join(f"  {json.dumps(p)},\n" for p in paths) + "}\n")
# Each wrk thread starts at its own place in the list: in step, the
# second would ask what the first just asked and take it from the
# cache (or wait for it) instead of computing it.
sys.stdout.write("local i = 0\nlocal threads = 0\n"
                 "function setup(thread)\n  thread:set(\"start\", threads * 997)\n"
                 "  threads = threads + 1\nend\n"
                 "function init(args)\n  i = (start or 0) % #paths\nend\n"
                 "request = function()\n  i = i % #paths + 1\n"
                 "  return wrk.format(\"GET\", paths[i])\nend\n")
PY
  done
else
rotate "$WORK/search.lua" \
  "/api/search?q=ukraine" "/api/search?q=election+results" "/api/search?q=police" \
  "/api/search?q=president+said" "/api/search?q=vaccine" "/api/search?q=earthquake" \
  "/api/search?q=climate+change" "/api/search?q=russia+sanctions&from=2022-01-01"
rotate "$WORK/quotes.lua" \
  "/api/quotes?speaker=biden" "/api/quotes?about=war" "/api/quotes?speaker=trump" \
  "/api/quotes" "/api/quotes?about=vaccine" "/api/quotes?speaker=johnson&from=2020-01-01" \
  "/api/quotes?about=police+said" "/api/quotes?speaker=zelensky"
rotate "$WORK/timeline.lua" \
  "/api/timeline?entity=NATO" "/api/timeline?entity=Ukraine" \
  "/api/timeline?from=2022-03-01&to=2022-03-31" "/api/timeline" "/api/timeline?entity=Biden" \
  "/api/timeline?from=2020-01-01&to=2020-12-31" "/api/timeline?entity=China" "/api/timeline?entity=police"
fi

printf '\n%-10s %10s %9s %9s %9s %9s %8s\n' endpoint "req/s" p50 p90 p99 max errors
for endpoint in search quotes timeline; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/$endpoint.lua" \
    "http://127.0.0.1:$PORT" >"$WORK/$endpoint.txt"
  awk -v name="$endpoint" '
    /^ +Latency +[0-9]/ { max = $4 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /^Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx responses/ { errors += $NF }
    /Socket errors/ { line = $0; gsub(/[^0-9]+/, " ", line); n = split(line, f, " "); for (k = 1; k <= n; k++) errors += f[k] }
    END { printf "%-10s %10s %9s %9s %9s %9s %8d\n", name, rps, p50, p90, p99, max, errors }
  ' "$WORK/$endpoint.txt"
done
