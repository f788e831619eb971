#!/usr/bin/env bash
# The benchmark: builds the release single file, then measures it in headless
# Chromium side by side with the floor (bench/floor.html: the pre-rendered
# notice written into the preview with one innerHTML per keystroke) and the
# static notice, and runs the native benchmark of the core. Prints a table
# and writes target/bench.json (browser + native) and target/bench-core.json.
#
#   scripts/bench.sh            # everything (about 5 minutes on 2 cores)
#   BENCH_KEYS=50 scripts/bench.sh   # fewer keystrokes (quick look)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

echo "== release build"
scripts/build.sh

echo "== notices: the sample, 10× and 100× lists (JSON and rendered HTML)"
b=target/bench
mkdir -p "$b"
cargo build --quiet --release --bin thongbao --example scaled
for n in 1 10 100; do
  target/release/examples/scaled "$n" >"$b/scaled-$n.json"
  target/release/thongbao render "$b/scaled-$n.json" -o "$b/scaled-$n.html"
done
target/release/thongbao render data/chi-lang-2024.json -o "$b/static.html"

echo "== native (cargo bench --bench core)"
cargo bench --quiet --bench core

echo "== browser (headless Chromium)"
node scripts/bench.mjs
