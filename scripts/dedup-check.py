#!/usr/bin/env python3
"""Measure chronicle's duplicate detection on a corpus and on synthetic syndicated copies.

1. Runs `chronicle extract CORPUS --format jsonl --threads 1`, lists every article marked
   `duplicate_of`, with the true Jaccard similarity of the two texts' 5-word shingle sets
   (words lower-cased, punctuation set aside, as chronicle's dedup does) so each can be
   spot-checked, and the closest pairs that were *not* marked (possible misses).
2. Builds a synthetic corpus: the corpus's articles (the originals, in order), then, shuffled,
   copies of a seeded sample of them made the ways wire stories are syndicated — same words
   under a new id and headline, case / punctuation / white-space changes, a dateline and a
   trailer added, the last paragraph dropped, 2% of words replaced — and, as copies that should
   *not* be called near ones, heavy rewrites (first half only; 15% of words replaced). Runs
   extract on it and prints, per kind, how many copies were found and whether they point to
   their original; any original marked as a copy, or a copy pointing elsewhere, is a false
   positive.

Usage: python3 scripts/dedup-check.py ../shared/corpus/wikinews_en_2019_2024.jsonl \
           --chronicle $CARGO_TARGET_DIR/eval/chronicle [--copies 200] [--seed 7]
"""

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

WORD = re.compile(r"\w+")

# (kind, expected verdict): "exact", "near", or None (should stay distinct).
KINDS = [
    ("same words, new headline", "exact"),
    ("case, punctuation, spacing", "exact"),
    ("dateline + trailer", "near"),
    ("last paragraph dropped", "near"),
    ("2% of words replaced", "near"),
    ("first half only", None),
    ("15% of words replaced", None),
]
FILLER = "the a of to in and said on for was with by at from as that".split()


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def shingles(text, n=5):
    w = words(text)
    if len(w) < n:
        return {tuple(w)} if w else set()
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def jaccard(a, b):
    sa, sb = shingles(a), shingles(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def load(path):
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
    return records


def extract(binary, records):
    """chronicle's verdicts: {id: duplicate_of or None} in input order."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        f.flush()
        done = subprocess.run(
            [binary, "extract", f.name, "--format", "jsonl", "--threads", "1"],
            capture_output=True,
            check=False,
        )
    if done.returncode not in (0, 1):
        sys.exit(f"chronicle failed: {done.stderr.decode(errors='replace')}")
    print("  chronicle:", done.stderr.decode(errors="replace").strip().replace("\n", " | "))
    verdicts = {}
    for line in done.stdout.decode().splitlines():
        out = json.loads(line)
        verdicts[out["id"]] = out.get("duplicate_of")
    return verdicts


def replace_words(text, share, rng):
    tokens = re.split(r"(\W+)", text)
    spots = [i for i, t in enumerate(tokens) if WORD.fullmatch(t)]
    for i in rng.sample(spots, max(1, int(len(spots) * share))):
        tokens[i] = rng.choice(FILLER)
    return "".join(tokens)


def make_copy(kind, text, rng):
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if kind == "same words, new headline":
        return text
    if kind == "case, punctuation, spacing":
        out = re.sub(r"[,;]", "", text).replace(". ", ".  ")
        return out.upper() if rng.random() < 0.5 else out.lower()
    if kind == "dateline + trailer":
        return (
            "LONDON (Wire) — "
            + text
            + "\n\n(Reporting by Jane Doe; editing by John Roe)\nCopyright 2024 Wire. All rights reserved."
        )
    if kind == "last paragraph dropped":
        if len(paragraphs) < 4:
            return None
        return "\n\n".join(paragraphs[:-1])
    if kind == "2% of words replaced":
        return replace_words(text, 0.02, rng)
    if kind == "first half only":
        w = text.split(" ")
        return " ".join(w[: len(w) // 2])
    if kind == "15% of words replaced":
        return replace_words(text, 0.15, rng)
    raise ValueError(kind)


def corpus_report(binary, records):
    print(f"1. {len(records)} articles as they are")
    verdicts = extract(binary, records)
    text = {r["id"]: r["text"] for r in records}
    marked = [(i, d) for i, d in verdicts.items() if d]
    for copy, original in marked:
        print(f"  marked: {copy}\n      of {original}: Jaccard {jaccard(text[copy], text[original]):.2f}")
    # Closest unmarked pairs among articles of 50+ words, by shared shingles.
    index = defaultdict(set)
    sets = {}
    for r in records:
        if len(words(r["text"])) >= 50:
            sets[r["id"]] = shingles(r["text"])
            for s in sets[r["id"]]:
                index[s].add(r["id"])
    pairs = Counter()
    for ids in index.values():
        if len(ids) < 20:
            ids = sorted(ids)
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    pairs[(a, b)] += 1
    close = []
    for (a, b), shared in pairs.items():
        j = shared / len(sets[a] | sets[b])
        if j >= 0.3 and verdicts.get(a) != b and verdicts.get(b) != a:
            close.append((j, a, b))
    close.sort(reverse=True)
    print(f"  unmarked pairs with Jaccard >= 0.3: {len(close)}")
    for j, a, b in close[:10]:
        print(f"    {j:.2f}  {a}  ~  {b}")


def synthetic_report(binary, records, copies, seed):
    rng = random.Random(seed)
    long_enough = [r for r in records if len(words(r["text"])) >= 80]
    sample = rng.sample(long_enough, min(copies, len(long_enough)))
    made = []
    for n, original in enumerate(sample):
        kind, verdict = KINDS[n % len(KINDS)]
        text = make_copy(kind, original["text"], rng)
        if text is None:
            continue
        copy = dict(original, id=f"copy-{n}-{original['id']}", title=f"Syndicated: {original.get('title', '')}", text=text)
        made.append((copy, original["id"], kind, verdict))
    rng.shuffle(made)
    originals = {r["id"]: r["text"] for r in sample}
    stream = records + [m[0] for m in made]
    print(f"2. synthetic: {len(records)} originals + {len(made)} copies of {len(sample)} sampled articles (seed {seed})")
    verdicts = extract(binary, stream)
    false_originals = [i for i, d in verdicts.items() if d and not i.startswith("copy-")]
    table = defaultdict(Counter)
    misses = []
    for copy, original, kind, verdict in made:
        got = verdicts.get(copy["id"])
        row = table[kind]
        row["copies"] += 1
        if got == original:
            row["found"] += 1
        elif got:
            row["wrong original"] += 1
        similarity = jaccard(copy["text"], originals[original])
        row["jaccard"] += similarity
        if verdict and got != original:
            misses.append((kind, similarity, len(words(copy["text"])), copy["id"]))
    print(f"  {'kind':30} expected  copies  found  wrong  mean Jaccard")
    for kind, verdict in KINDS:
        row = table[kind]
        if row["copies"]:
            print(
                f"  {kind:30} {str(verdict or 'distinct'):8} {row['copies']:6} {row['found']:6} "
                f"{row['wrong original']:6}  {row['jaccard'] / row['copies']:.2f}"
            )
    for kind, similarity, n, copy in misses:
        print(f"  missed ({kind}): Jaccard {similarity:.2f}, {n} words: {copy}")
    print(f"  originals marked as copies: {len(false_originals)}", *false_originals[:10])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--chronicle", default="target/eval/chronicle")
    parser.add_argument("--copies", type=int, default=210)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    records = load(args.corpus)
    corpus_report(args.chronicle, records)
    synthetic_report(args.chronicle, records, args.copies, args.seed)


if __name__ == "__main__":
    main()
