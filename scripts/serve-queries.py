#!/usr/bin/env python3
"""The varied query lists of the serve benchmarks: search, quotes and
timeline request paths a person might send, made from the corpus's words,
the served database's speakers and places, and the years (and, for
timelines, half years) 2019-2024 — more distinct queries than the server's
answer cache keeps, so each is computed.

    scripts/serve-queries.py http://127.0.0.1:18080 examples/wikinews_en_2019_2024.jsonl OUTDIR

writes OUTDIR/search.txt, quotes.txt and timeline.txt, one request path a
line, each list shuffled with a fixed seed (the same lists for the same
corpus and database). Used by scripts/bench-serve.sh (QUERIES=varied) and
scripts/serve-cpu.py.
"""
import collections
import json
import random
import re
import sys
import urllib.parse
import urllib.request


def fetch(base, path):
    with urllib.request.urlopen(base + path) as answer:
        return json.load(answer)


def names(data, key):
    rows = data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))
    return [r[key] for r in rows if isinstance(r, dict) and r.get(key)]


def q(path, **params):
    return path + "?" + urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})


def span(y):
    return (f"{y}-01-01", f"{y}-12-31") if y else (None, None)


def main():
    base, corpus, out = sys.argv[1], sys.argv[2], sys.argv[3]
    counts = collections.Counter()
    for line in open(corpus, encoding="utf-8"):
        counts.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", json.loads(line).get("text", "")))
    # Words a person might search for: neither rare nor function words.
    words = [w for w, n in counts.most_common() if 5 <= n <= 400][:2200]
    speakers = names(fetch(base, "/api/speakers?limit=200"), "speaker") or words[:200]
    places = names(fetch(base, "/api/places?limit=200"), "name") or words[:200]
    years = [None] + list(range(2019, 2025))
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
        with open(f"{out}/{name}.txt", "w") as f:
            f.write("".join(p + "\n" for p in paths))
        print(f"{name}: {len(paths)} distinct queries")


if __name__ == "__main__":
    main()
