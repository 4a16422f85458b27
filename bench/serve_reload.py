#!/usr/bin/env python3
"""Measures save-to-served time of `glossa serve`: edits one term's body and
times until the rebuilt page is served. Standard library only.

usage: bench/serve_reload.py GLOSSA_BINARY SITE_ROOT [--runs 10] [--slug term-00042]
"""
import argparse
import statistics
import subprocess
import sys
import time
import urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a rebuild in progress may refuse a connection
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("root")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--slug", default="term-00042")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()

    server = subprocess.Popen(
        [args.binary, "serve", "--port", "0", "--root", args.root],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
    )
    try:
        base = None
        started = time.monotonic()
        for line in server.stdout:
            if "http://" in line:
                base = "http://" + line.split("http://", 1)[1].strip()
                break
        if base is None:
            sys.exit("the server did not start")
        print(f"initial build and start: {time.monotonic() - started:.2f} s", flush=True)
        path = f"{args.root}/content/{args.lang}/terms/{args.slug}.md"
        url = f"{base}{args.lang}/terms/{args.slug}/"
        with open(path, encoding="utf-8") as f:
            original = f.read()
        timings = []
        try:
            for run in range(args.runs):
                marker = f"reload-marker-{run}-{time.time_ns()}"
                saved = time.monotonic()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original + f"\n{marker}\n")
                while marker not in fetch(url):
                    if time.monotonic() - saved > 60:
                        sys.exit("the edit was not served within 60 s")
                    time.sleep(0.01)
                timings.append((time.monotonic() - saved) * 1000)
                time.sleep(0.3)
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
        print(f"save-to-served over {len(timings)} edits: median {statistics.median(timings):.0f} ms, "
              f"min {min(timings):.0f} ms, max {max(timings):.0f} ms")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
