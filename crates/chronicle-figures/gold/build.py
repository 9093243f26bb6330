#!/usr/bin/env python3
"""Builds figures.jsonl from the hand annotations in annotations/*.txt.

The annotations name each figure by its text, in reading order; this script
finds each one in the article (the next whole-word occurrence after the
previous figure), turns it into code-point offsets, and writes one JSON
object per article with its text, so the gold set stands alone.

    python3 build.py [CORPUS.jsonl]   # default: ../../../../shared/corpus/wikinews_en_2019_2024.jsonl

It only converts: every value, category and extent was written by hand.
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "../../../../shared/corpus/wikinews_en_2019_2024.jsonl")


def find(text, needle, start):
    """Next whole-word occurrence of needle in text at or after start."""
    i = start
    while True:
        i = text.find(needle, i)
        if i < 0:
            return -1
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(needle)] if i + len(needle) < len(text) else " "
        if not before.isalnum() and not (after.isalnum()):
            return i
        i += 1


def num(s):
    if s == "-":
        return None
    v = float(s)
    return v


def main():
    articles = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            articles[r["id"]] = r
    out = []
    for split in ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7"):
        path = os.path.join(HERE, "annotations", split + ".txt")
        if not os.path.exists(path):
            continue
        cur = None
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("# "):
                continue
            if line.startswith("## "):
                r = articles[line[3:].strip()]
                cur = {"id": r["id"], "url": r["url"], "title": r["title"],
                       "date": r["date"], "split": split, "text": r["text"],
                       "figures": []}
                cur["_cursor"] = 0
                out.append(cur)
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) not in (6, 8):
                sys.exit(f"{path}:{n}: expected 6 or 8 fields")
            extent, value, approx, category, unit, counted = parts[:6]
            low, high = (parts[6], parts[7]) if len(parts) == 8 else ("-", "-")
            text = cur["text"]
            skip = 0
            if "#" in extent:
                extent, k = extent.rsplit("#", 1)
                skip = int(k) - 1
            s = find(text, extent, cur["_cursor"])
            for _ in range(skip):
                s = find(text, extent, s + 1)
            if s < 0:
                sys.exit(f"{path}:{n}: {extent!r} not found after {cur['_cursor']} in {cur['id']}")
            e = s + len(extent)
            cur["_cursor"] = e
            fig = {"start": s, "end": e, "text": extent, "value": num(value),
                   "approx": approx, "category": category}
            if unit != "-":
                fig["unit"] = unit
            if low != "-":
                fig["low"] = num(low)
            if high != "-":
                fig["high"] = num(high)
            if counted != "-":
                c = find(text, counted, e)
                if c < 0 or c - e > 80:
                    c = text.rfind(counted, 0, s)
                if c < 0:
                    sys.exit(f"{path}:{n}: counted {counted!r} not found")
                fig["counted"] = {"start": c, "end": c + len(counted), "text": counted}
            cur["figures"].append(fig)
    with open(os.path.join(HERE, "figures.jsonl"), "w", encoding="utf-8") as f:
        for a in out:
            del a["_cursor"]
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    n = sum(len(a["figures"]) for a in out)
    print(f"{len(out)} articles, {n} figures")


main()
