#!/usr/bin/env python3
"""Times `glossa check` on inputs that once took time growing with the
square of their size (issue: nothing lost, nothing leaked, nothing stalls).

    python3 bench/hostile.py [--glossa target/release/glossa] [--runs 3] [--work /tmp/glossa-hostile]

Each case is a copy of tests/fixtures/basic with one hostile addition. Prints
one line a case: the median wall time of `check` over the runs, and the
largest resident memory (from /usr/bin/time when it is there). The test suite
asserts only a generous ceiling on the same inputs (tests/it/reliability/stalls.rs).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "tests", "fixtures", "basic")


def site(work, name):
    path = os.path.join(work, name)
    shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(BASE, path)
    return path


def term(path, slug, title, body="Body text.", extra=""):
    with open(os.path.join(path, "content", "en", "terms", slug + ".md"), "w", encoding="utf-8") as f:
        f.write(f"---\ntitle: {title}\nsummary: s\n{extra}---\n{body}\n")


def related_all(work, n):
    path = site(work, f"related-{n}")
    shutil.rmtree(os.path.join(path, "content", "ko"))
    terms_dir = os.path.join(path, "content", "en", "terms")
    for name in os.listdir(terms_dir):
        os.remove(os.path.join(terms_dir, name))
    slugs = [f"t{i}" for i in range(n)]
    for slug in slugs:
        related = ", ".join(s for s in slugs if s != slug)
        term(path, slug, "Title " + slug, extra=f"related: [{related}]\n")
    return path


def one_term(name, slug, title, body="Body text.", extra=""):
    """A case that adds one term file to the basic fixture."""

    def make(work):
        path = site(work, name)
        term(path, slug, title, body, extra)
        return path

    return make


CASES = {
    "title of 100,000 Latin letters": one_term("title", "long", "a" * 100_000),
    "title of 8,000 Hangul syllables": one_term("hangul", "long", "가" * 8_000),
    "body of 1,000,000 `[[`": one_term("brackets", "br", "Brackets", body="[[" * 1_000_000),
    "40,000 aliases in one file": one_term(
        "aliases", "many", "Many", extra="aliases: [" + ", ".join(f"a{i}" for i in range(40_000)) + "]\n"
    ),
    "100,001 quiz choices": one_term(
        "quiz", "quiz", "Quiz", extra="quiz:\n  - question: q\n    choices: [" + ", ".join(["x"] * 100_001) + "]\n"
    ),
    "1,000 terms, each related to all others": lambda work: related_all(work, 1_000),
    "2,000 terms, each related to all others": lambda work: related_all(work, 2_000),
    "5,000 terms, each related to all others": lambda work: related_all(work, 5_000),
}


def measure(glossa, path, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([glossa, "check", "--root", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    peak = ""
    if os.path.exists("/usr/bin/time"):
        out = subprocess.run(
            ["/usr/bin/time", "-f", "%M", glossa, "check", "--root", path],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        ).stderr.strip().splitlines()
        if out and out[-1].isdigit():
            peak = f"{int(out[-1]) / 1024:.0f} MB"
    return statistics.median(times), peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--glossa", default=os.path.join(ROOT, "target", "release", "glossa"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/glossa-hostile")
    args = parser.parse_args()
    if not os.path.exists(args.glossa):
        sys.exit(f"{args.glossa} not found: run `cargo build --release` first")
    os.makedirs(args.work, exist_ok=True)
    print("| input | glossa check | peak memory |\n| --- | --- | --- |")
    for name, make in CASES.items():
        path = make(args.work)
        seconds, peak = measure(args.glossa, path, args.runs)
        print(f"| {name} | {seconds:.2f} s | {peak} |", flush=True)


if __name__ == "__main__":
    main()
