#!/usr/bin/env python3
"""Server CPU per computed request of `chronicle serve`, and the answers.

Starts `chronicle serve --db DB` on a loopback port, makes the varied query
lists (scripts/serve-queries.py), then for each endpoint sends its first N
queries one after another on one keep-alive connection, reading the server
process's user + system CPU time (/proc/PID/stat, every thread) before and
after. Each query is distinct, so none is answered from the answer cache:
the figure is what computing a request costs the server. Wall time is
printed too, but moves with the load; on a shared machine CPU time moves
too (±15% between runs here), so compare builds in alternating runs, or
count instructions with --callgrind (valgrind; the same count on every run,
though it weighs a memset of a page as much as its loop's iterations).
A warm-up of other queries of the same list runs first (connections opened,
per-connection name lists read).

    cargo build --profile eval -p chronicle-cli
    chronicle ingest examples/wikinews_en_2019_2024.jsonl --db /tmp/kb.db
    scripts/serve-cpu.py --chronicle target/eval/chronicle --db /tmp/kb.db \
        [--count 2000] [--endpoints search,quotes,timeline] [--answers DIR] \
        [--callgrind /tmp/cg --count 300] [--perf /tmp/perf]

With --answers DIR, every answer is written to DIR/ENDPOINT.txt (the path, a
tab, the status and the body, one request a line), so two builds can be
compared with `diff` (answers must stay identical when only speed changes).
Linux only (reads /proc). Not part of CI.
"""
import argparse
import glob
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def cpu_seconds(pid):
    """User + system CPU of every thread of `pid`, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # Fields 14 and 15 (utime, stime) of proc(5), counted after the name.
    ticks = int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, server):
    for _ in range(600):
        if server.poll() is not None:
            sys.exit(f"serve-cpu: the server exited ({server.returncode})")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/api/health")
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("serve-cpu: the server did not start")


def callgrind(pid, *args):
    subprocess.run(["callgrind_control", *args, str(pid)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def dump_instructions(prefix, pid, path):
    """Dumps the counts collected since the last zeroing (callgrind writes
    PREFIX.PID.N) and moves the dump to `path`; their instructions."""
    callgrind(pid, "-d")
    dumps = glob.glob(f"{prefix}.{pid}.*")
    dump = max(dumps, key=lambda d: int(d.rsplit(".", 1)[1]))
    os.replace(dump, path)
    with open(path) as f:
        for line in f:
            if line.startswith("totals:"):
                return int(line.split()[1])
    return 0


def run(conn, paths, out=None):
    for path in paths:
        conn.request("GET", path)
        answer = conn.getresponse()
        body = answer.read()
        if out is not None:
            out.write(f"{path}\t{answer.status}\t{body.decode()}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chronicle", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--count", type=int, default=2000, help="queries measured per endpoint")
    ap.add_argument("--warmup", type=int, default=200, help="other queries sent first")
    ap.add_argument("--endpoints", default="search,quotes,timeline")
    ap.add_argument("--answers", help="a folder for the answers")
    ap.add_argument("--perf", help="record the measured requests with `perf record -g` into PREFIX.ENDPOINT")
    ap.add_argument("--callgrind", metavar="PREFIX",
                    help="run the server under valgrind's callgrind and count the instructions of the "
                         "measured requests (steady on a loaded machine, unlike CPU time; ~50x slower); "
                         "profiles in PREFIX.ENDPOINT for callgrind_annotate")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "examples/wikinews_en_2019_2024.jsonl"))
    args = ap.parse_args()

    port = free_port()
    command = [args.chronicle, "serve", "--db", args.db, "--addr", f"127.0.0.1:{port}"]
    if args.callgrind:
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no",
                   f"--callgrind-out-file={args.callgrind}.%p"] + command
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, server)
        with tempfile.TemporaryDirectory() as lists:
            subprocess.run(
                [sys.executable, os.path.join(HERE, "serve-queries.py"),
                 f"http://127.0.0.1:{port}", args.corpus, lists],
                check=True, stdout=subprocess.DEVNULL,
            )
            queries = {
                name: open(os.path.join(lists, f"{name}.txt")).read().split()
                for name in args.endpoints.split(",")
            }
        if args.answers:
            os.makedirs(args.answers, exist_ok=True)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        print(f"{'endpoint':<10} {'queries':>8} {'CPU ms/req':>11} {'wall ms/req':>12}"
              + (f" {'k instr/req':>12}" if args.callgrind else ""))
        for name, paths in queries.items():
            measured = paths[: args.count]
            run(conn, paths[args.count: args.count + args.warmup])
            out = open(os.path.join(args.answers, f"{name}.txt"), "w") if args.answers else None
            perf = None
            if args.perf:
                perf = subprocess.Popen(
                    ["perf", "record", "-q", "-g", "-p", str(server.pid), "-o", f"{args.perf}.{name}"],
                    stderr=subprocess.DEVNULL,
                )
                time.sleep(1)
            if args.callgrind:
                callgrind(server.pid, "-i", "on")
                callgrind(server.pid, "-z")
            cpu, wall = cpu_seconds(server.pid), time.perf_counter()
            run(conn, measured, out)
            cpu, wall = cpu_seconds(server.pid) - cpu, time.perf_counter() - wall
            if perf:
                perf.send_signal(2)
                perf.wait()
            instructions = None
            if args.callgrind:
                callgrind(server.pid, "-i", "off")
                instructions = dump_instructions(args.callgrind, server.pid, f"{args.callgrind}.{name}")
            if out:
                out.close()
            n = len(measured)
            line = f"{name:<10} {n:>8} {1000 * cpu / n:>11.3f} {1000 * wall / n:>12.3f}"
            if instructions is not None:
                line += f" {instructions / n / 1e3:>12.1f}"
            print(line, flush=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
