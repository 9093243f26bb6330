#!/usr/bin/env python3
"""Builds cues.tsv, the learned speech-cue lexicon, from PolNeAR's train split.

Usage: build_cues.py /work/shared/data/quotes/polnear/train > cues.tsv

For every word we count how often it heads a gold Cue span (the first word
of the span after auxiliaries and adverbs: "has said" -> said) and how often
it occurs in the text outside quotation marks. A word is kept when it heads
at least MIN_HEADS cues and at least MIN_PRECISION of its occurrences are cue
heads (SURE_PRECISION unless it heads FREQUENT_HEADS cues or more); the list holds words only, no text of the corpus. Deterministic: one
.ann per article, the first by name, as `chronicle eval quotes` reads them.
"""
import collections
import os
import re
import sys

MIN_HEADS = 3
MIN_PRECISION = 0.3
# Below this precision a word needs FREQUENT_HEADS heads to be kept.
SURE_PRECISION = 0.4
FREQUENT_HEADS = 20
WORD = re.compile(r"[A-Za-z]+(?:[’'-][A-Za-z]+)*")
SKIP = {
    "has", "have", "had", "also", "is", "was", "are", "were", "be", "been",
    "will", "would", "did", "does", "do", "not", "to", "could", "can",
    "should", "may", "might", "later", "then", "again", "first", "the", "a",
    "an", "in", "of", "on", "for", "and", "it", "that", "as", "this", "he",
    "she", "they", "i", "we", "you", "who", "what", "with", "by", "at",
    "about", "from", "his", "her", "their", "its", "our", "my", "your",
}


def is_cue_word(w):
    """Adverbs ("repeatedly"), contractions and "according" (read with its
    "to" by the rules) are not cue words of their own."""
    return (
        w not in SKIP
        and w != "according"
        and len(w) > 2
        and not w.endswith("ly")
        and not any(c in w for c in "’'")
    )


def outside_quotes(text):
    """The text with quoted passages (straight and curly double marks) blanked."""
    out, depth = [], 0
    for ch in text:
        if ch == "“":
            depth = 1
        elif ch == "”":
            depth = 0
        elif ch == '"':
            depth = 1 - depth
        elif ch == "\n" and out and out[-1] == "\n":
            depth = 0
        out.append(" " if depth else ch)
    return "".join(out)


def main(split):
    anns = sorted(os.listdir(os.path.join(split, "attributions")))
    heads, occurrences, seen = collections.Counter(), collections.Counter(), set()
    for ann in anns:
        stem = ann.rsplit("_", 1)[0]
        if stem in seen or not ann.endswith(".ann"):
            continue
        seen.add(stem)
        with open(os.path.join(split, "text", stem + ".txt"), encoding="utf-8") as f:
            text = f.read()
        for w in WORD.findall(outside_quotes(text)):
            occurrences[w.lower()] += 1
        spans, relations = {}, []
        with open(os.path.join(split, "attributions", ann), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 2:
                    continue
                if cols[0].startswith("T"):
                    kind, _, ranges = cols[1].partition(" ")
                    try:
                        spans[cols[0]] = [tuple(map(int, r.split())) for r in ranges.split(";")]
                    except ValueError:
                        continue
                elif cols[0].startswith("E"):
                    relations.append(dict(a.split(":", 1) for a in cols[1].split() if ":" in a))
        for rel in relations:
            if "Content" not in rel or rel.get("Cue") not in spans:
                continue
            words = [w.lower() for s, e in spans[rel["Cue"]] for w in WORD.findall(text[s:e])]
            head = next((w for w in words if w not in SKIP), None)
            if head:
                heads[head] += 1
    print("# word\tcue heads\toccurrences outside quotes (PolNeAR train; build_cues.py)")
    for w in sorted(heads):
        n, total = heads[w], max(occurrences[w], heads[w])
        precision = n / total
        sure = precision >= SURE_PRECISION or n >= FREQUENT_HEADS
        if n >= MIN_HEADS and precision >= MIN_PRECISION and sure and is_cue_word(w):
            print(f"{w}\t{n}\t{total}")


if __name__ == "__main__":
    main(sys.argv[1])
