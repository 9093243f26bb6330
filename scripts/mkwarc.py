#!/usr/bin/env python3
"""Build a WARC.gz test archive from saved HTML pages, for memory and speed
measurements of `chronicle extract F.warc.gz` (issue 8: a 1 GB archive and a
10 MB one must use the same memory within 20%).

Sources are folders (read recursively) or tar archives (`.tar`, `.tar.gz`,
`.tar.xz`) of `.html` / `.htm` pages, gzipped or not. Every page becomes one
`response` record (HTTP 200, text/html), each record its own gzip member, as
in Common Crawl's CC-NEWS. `--urls` reads JSON Lines with `id` and `url`
(the benchmarks' gold.jsonl) so a page keeps the address it came from (date
rules read it); other pages get `https://example.invalid/NAME`.

Without `--shuffle` the pages are written once each, in sorted order, until
`--pages` or `--size` is reached. With `--shuffle`, pages are drawn at
random (seeded by `--seed`) and the words of every text run outside tags,
scripts and styles are shuffled, so each record is a distinct article (the
near-duplicate index grows as on real archives) while its markup, metadata
and size stay those of a real page; draws go on until the limit.

    # the 1 GB archive and three 10 MB ones of the issue-8 measurements
    scripts/mkwarc.py ../shared/data/html/scrapinghub/html \\
        ../shared/data/html/trafilatura/html.tar.xz \\
        --urls ../shared/data/html/scrapinghub/gold.jsonl \\
        --urls ../shared/data/html/trafilatura/gold.jsonl \\
        --shuffle --seed 1 --size 1G -o /tmp/big.warc.gz
    scripts/mkwarc.py ... --shuffle --seed 2 --size 10M -o /tmp/small2.warc.gz
    scripts/mkwarc.py ... --size 10M -o /tmp/first.warc.gz   # first pages, as they are

The output is deterministic for given sources and options.
"""

import argparse
import gzip
import json
import os
import random
import re
import sys
import tarfile
import uuid

PAGE_NAME = re.compile(r"\.(html?)(\.gz)?$", re.IGNORECASE)
# Markup kept as it is: scripts, styles, comments, tags.
MARKUP = re.compile(
    rb"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)",
    re.IGNORECASE | re.DOTALL,
)
WORDS = re.compile(rb"\S+")


def size_arg(text):
    """`10M`, `1G`, `500k` or a number of bytes."""
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = text.strip().lower()
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def page_id(name):
    """The id a gold file gives a page: its file name, with and without the
    page extension."""
    base = os.path.basename(name)
    if base.lower().endswith(".gz"):
        base = base[:-3]
    return base


def read_pages(sources):
    """(name, bytes) of every page of the sources, sorted by name."""
    pages = []
    for source in sources:
        if os.path.isdir(source):
            for root, dirs, files in os.walk(source):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in files:
                    if PAGE_NAME.search(f) and not f.startswith("."):
                        with open(os.path.join(root, f), "rb") as fh:
                            pages.append((f, fh.read()))
        elif tarfile.is_tarfile(source):
            with tarfile.open(source) as tar:
                for member in tar:
                    name = os.path.basename(member.name)
                    if member.isfile() and PAGE_NAME.search(name):
                        pages.append((name, tar.extractfile(member).read()))
        else:
            sys.exit(f"mkwarc: {source}: neither a folder nor a tar archive")
    out = []
    for name, data in pages:
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out.append((name, data))
    out.sort()
    return out


def read_urls(paths):
    urls = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as e:
                    sys.exit(f"mkwarc: {path}:{n}: {e}")
                if row.get("id") and row.get("url"):
                    urls[str(row["id"])] = row["url"]
    return urls


def url_of(name, urls):
    base = page_id(name)
    stem = PAGE_NAME.sub("", base)
    return urls.get(base) or urls.get(stem) or f"https://example.invalid/{base}"


def shuffle_words(html, rng):
    """The page with the words of each text run between tags shuffled."""
    parts = MARKUP.split(html)
    for i in range(0, len(parts), 2):  # even parts are text, odd ones markup
        words = WORDS.findall(parts[i])
        if len(words) > 1:
            rng.shuffle(words)
            lead = parts[i][: len(parts[i]) - len(parts[i].lstrip())]
            trail = parts[i][len(parts[i].rstrip()) :]
            parts[i] = lead + b" ".join(words) + trail
    return b"".join(parts)


def record(url, html, number, seed):
    http = (
        b"HTTP/1.1 200 OK\r\n"
        b"Content-Type: text/html\r\n"
        + f"Content-Length: {len(html)}\r\n\r\n".encode()
        + html
    )
    rid = uuid.UUID(int=random.Random(seed * 1_000_003 + number).getrandbits(128))
    day = 1 + number % 28
    head = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Date: 2024-01-{day:02d}T12:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + http + b"\r\n\r\n", compresslevel=6, mtime=0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="+", help="folders or tar archives of HTML pages")
    ap.add_argument("-o", "--output", required=True, help="the .warc.gz to write")
    ap.add_argument("--urls", action="append", default=[], help="JSON Lines with id and url")
    ap.add_argument("--pages", type=int, help="stop after this many records")
    ap.add_argument("--size", type=size_arg, help="stop once the file reaches this size (10M, 1G)")
    ap.add_argument("--shuffle", action="store_true", help="random draws, words shuffled")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.pages is None and args.size is None and args.shuffle:
        sys.exit("mkwarc: --shuffle needs --pages or --size")
    pages = read_pages(args.sources)
    if not pages:
        sys.exit("mkwarc: no .html or .htm pages in the sources")
    urls = read_urls(args.urls)
    rng = random.Random(args.seed)
    written, size = 0, 0
    with open(args.output, "wb") as out:
        while True:
            if args.pages is not None and written >= args.pages:
                break
            if args.size is not None and size >= args.size:
                break
            if args.shuffle:
                name, html = pages[rng.randrange(len(pages))]
                html = shuffle_words(html, rng)
            elif written < len(pages):
                name, html = pages[written]
            else:
                break
            data = record(url_of(name, urls), html, written, args.seed)
            out.write(data)
            written += 1
            size += len(data)
    print(f"{args.output}: {written} records, {size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
