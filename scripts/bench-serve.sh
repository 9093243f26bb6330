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
  curl -sf "http://127.0.0.1:$PORT/api/speakers?limit=200" >"$WORK/speakers.json"
  curl -sf "http://127.0.0.1:$PORT/api/places?limit=200" >"$WORK/places.json"
  python3 - "$WORK" examples/wikinews_en_2019_2024.jsonl <<'PY'
import collections, json, random, re, sys, urllib.parse
work, corpus = sys.argv[1], sys.argv[2]
counts = collections.Counter()
for line in open(corpus, encoding="utf-8"):
    counts.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", json.loads(line).get("text", "")))
# Words a person might search for: neither rare nor function words.
words = [w for w, n in counts.most_common() if 5 <= n <= 400][:2200]
def names(path, key):
    data = json.load(open(path))
    rows = data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))
    return [r[key] for r in rows if isinstance(r, dict) and r.get(key)]
speakers = names(f"{work}/speakers.json", "speaker") or words[:200]
places = names(f"{work}/places.json", "name") or words[:200]
years = [None] + list(range(2019, 2025))
def q(path, **params):
    return path + "?" + urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
def span(y):
    return (f"{y}-01-01", f"{y}-12-31") if y else (None, None)
search, quotes, timeline = [], [], []
for w in words:
    for y in years:
        f, t = span(y)
        search.append(q("/api/search", q=w, **{"from": f, "to": t}))
        quotes.append(q("/api/quotes", about=w, **{"from": f, "to": t}))
for name in speakers + places:
    for y in years:
        f, t = span(y)
        quotes.append(q("/api/quotes", speaker=name, **{"from": f, "to": t}))
        timeline.append(q("/api/timeline", entity=name, **{"from": f, "to": t}))
    # Half years too: without them the timelines (~3,000) would fit in the
    # answer cache and, after the first pass, be served from it.
    for y in range(2019, 2025):
        for f, t in (("01-01", "06-30"), ("07-01", "12-31")):
            timeline.append(q("/api/timeline", entity=name, **{"from": f"{y}-{f}", "to": f"{y}-{t}"}))
for y in range(2019, 2025):
    for m in range(1, 13):
        for d in (1, 8, 15, 22):
            timeline.append(q("/api/timeline", **{"from": f"{y}-{m:02}-{d:02}", "to": f"{y}-{m:02}-28"}))
rng = random.Random(7)
for name, paths in (("search", search), ("quotes", quotes), ("timeline", timeline)):
    paths = list(dict.fromkeys(paths))
    rng.shuffle(paths)
    with open(f"{work}/{name}.lua", "w") as out:
        out.write("local paths = {\n" + "".join(f"  {json.dumps(p)},\n" for p in paths) + "}\n")
        # Each wrk thread starts at its own place in the list: in step, the
        # second would ask what the first just asked and take it from the
        # cache (or wait for it) instead of computing it.
        out.write("local i = 0\nlocal threads = 0\n"
                  "function setup(thread)\n  thread:set(\"start\", threads * 997)\n"
                  "  threads = threads + 1\nend\n"
                  "function init(args)\n  i = (start or 0) % #paths\nend\n"
                  "request = function()\n  i = i % #paths + 1\n"
                  "  return wrk.format(\"GET\", paths[i])\nend\n")
    print(f"{name}: {len(paths)} distinct queries")
PY
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
