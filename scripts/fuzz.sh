#!/usr/bin/env bash
# Runs the proptest fuzz of tests/fuzz.rs (import → check → render → import)
# with a big budget, in release mode:
#   scripts/fuzz.sh            # 1 000 000 inputs in all
#   scripts/fuzz.sh 50000      # another budget
# The budget is shared among the fuzz tests (arbitrary bytes 20 %, text 10 %,
# structure-aware mutations of the sample's JSON 45 %, the same with broken
# bytes 25 %). Prints each test's cases and time, then the total.
# Exit status: cargo's (non-zero when any input panicked or failed).
set -euo pipefail
cd "$(dirname "$0")/.."

cases="${1:-1000000}"
case "$cases" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [CASES]" >&2; exit 2 ;;
esac

# Release mode tuned for speed rather than size (the release profile of
# Cargo.toml is opt-level "z" with LTO, for the wasm), in a target directory of
# its own so that it neither rebuilds nor waits for the other builds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/fuzz}"
export CARGO_PROFILE_RELEASE_OPT_LEVEL=3
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "fuzz: $cases inputs, release build (cargo test --release --test fuzz)"
# Build first, so that the time below is the fuzzing alone.
cargo test --release --test fuzz --no-run
start=$(date +%s)
set +e
THONGBAO_FUZZ_CASES="$cases" cargo test --release --test fuzz -- --nocapture 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
elapsed=$(($(date +%s) - start))
run=$(sed -n 's/^fuzz\[[^]]*\]: \([0-9]*\) cases.*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
opened=$(sed -n 's/^fuzz\[[^]]*\]: [0-9]* cases, \([0-9]*\) opened.*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
echo
echo "fuzz: $run inputs run ($opened opened as a notice) in ${elapsed} s, exit $rc"
exit "$rc"
