#!/usr/bin/env python3
"""Turn local_news.txt (hand-marked toponyms) into LGL-format XML.

Each toponym's GeoNames id and coordinates come from the text form of the
bundled gazetteer (../../data/gazetteer.tsv.gz, written by
../../data/build_gazetteer.py; not kept in the repository): the entry with the marked name (main or
alternate) in the marked first-level region and country, the most populous
if several. Offsets are code points, as in LGL.
Run: python3 make_local_news.py [NAME]  (reads NAME.txt, writes NAME.xml
beside itself; NAME is local_news by default).
"""
import gzip
import os
import re
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "..", "data", "gazetteer.tsv.gz")
MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([^|\]]*)\|([^|\]]*)\]\]")


def load():
    by_name = {}
    with gzip.open(GAZ, "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] != "P":
                continue
            for n in [p[2]] + [a for a in p[10].split("|") if a]:
                by_name.setdefault(n, []).append(p)
    return by_name


def resolve(by_name, name, region, cc):
    rows = [p for p in by_name.get(name, []) if p[5] == cc and p[6] == region]
    if not rows:
        raise SystemExit(f"not in the gazetteer: {name}, {region}, {cc}")
    rows.sort(key=lambda p: (p[8] == "ADM1" and name == region, p[2] == name, int(p[9] or 0)),
              reverse=True)
    return rows[0]


def main():
    by_name = load()
    name = sys.argv[1] if len(sys.argv) > 1 else "local_news"
    src = open(os.path.join(HERE, name + ".txt"), encoding="utf-8").read()
    paras = [p for p in src.split("\n\n") if p.strip() and not p.startswith("#")]
    out = ["<?xml version='1.0' encoding='utf-8'?>", "<articles>"]
    for n, para in enumerate(paras):
        text, tops, pos = "", [], 0
        for m in MARK.finditer(para):
            text += para[pos:m.start()]
            start = len(text)
            text += m.group(1)
            row = resolve(by_name, m.group(2), m.group(3), m.group(4))
            tops.append((start, len(text), m.group(1), row))
            pos = m.end()
        text += para[pos:]
        out.append(f'<article docid="{n}"><text>{escape(text.strip())}</text><toponyms>')
        for s, e, phrase, row in tops:
            out.append(f"<toponym><start>{s}</start><end>{e}</end><phrase>{escape(phrase)}</phrase>"
                       f'<gaztag geonameid="{row[1]}"><name>{escape(row[2])}</name>'
                       f"<lat>{row[3]}</lat><lon>{row[4]}</lon></gaztag></toponym>")
        out.append("</toponyms></article>")
    out.append("</articles>")
    with open(os.path.join(HERE, name + ".xml"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(len(paras), "articles")


if __name__ == "__main__":
    main()
