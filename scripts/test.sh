#!/usr/bin/env bash
# The second command: runs EVERY check and test, stopping at the first
# failure (non-zero exit):
#   tools, rustfmt, clippy (native and wasm32), native tests (the core),
#   browser component tests (wasm-bindgen-test in headless Chromium, then
#   in headless Firefox), the release build (dist/thongbao.html), the test
#   build (target/dist-test: the same with a crash trigger),
#   end-to-end tests (node:test + playwright-core driving headless Chromium
#   on the file:// page, then node:test + selenium-webdriver driving
#   headless Firefox through geckodriver on the core flows).
# Ends with "N passed, N failed" summed over every test runner that ran.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}"

passed=0 failed=0
logdir="$(mktemp -d)"
start=$SECONDS
summary() {
  local rc=$?
  echo
  echo "$passed passed, $failed failed ($((SECONDS - start)) s)"
  [ $rc -eq 0 ] || echo "test.sh: FAILED (exit $rc)" >&2
  rm -rf "$logdir"
}
trap summary EXIT

step() {
  echo
  echo "== $1"
}

# Runs a test command, shows its output and adds its counts to the tally.
tests() {
  local log="$logdir/log" rc=0
  "$@" 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
  # cargo test / wasm-bindgen-test-runner: "test result: ok. 3 passed; 0 failed";
  # node --test (spec reporter): "ℹ pass 3" and "ℹ fail 0".
  local p f
  read -r p f < <(awk '
    match($0, /[0-9]+ passed; [0-9]+ failed/) { split(substr($0, RSTART, RLENGTH), w, " "); p += w[1]; f += w[3] }
    /^ℹ pass [0-9]+$/ { p += $3 }
    /^ℹ fail [0-9]+$/ { f += $3 }
    END { print p + 0, f + 0 }' "$log")
  passed=$((passed + p)) failed=$((failed + f))
  return "$rc"
}

step "rustfmt"
cargo fmt --all -- --check

step "clippy (native, all targets)"
cargo clippy --quiet --all-targets -- -D warnings

step "clippy (wasm32, feature app)"
cargo clippy --quiet --lib --test browser --target wasm32-unknown-unknown --features app -- -D warnings

step "rustfmt and clippy: the LZMA decoder (lzma-wasm/, its own workspace)"
cargo fmt --manifest-path lzma-wasm/Cargo.toml -- --check
cargo clippy --quiet --manifest-path lzma-wasm/Cargo.toml --target wasm32-unknown-unknown -- -D warnings

step "native tests (cargo test)"
tests cargo test --quiet

# wasm-bindgen-test-runner takes whichever driver variable it finds: each
# run sees only its own.
step "browser component tests (wasm-bindgen-test, headless Chromium)"
tests env -u GECKODRIVER cargo test --target wasm32-unknown-unknown --features app --test browser

step "browser component tests (wasm-bindgen-test, headless Firefox)"
tests env -u CHROMEDRIVER cargo test --target wasm32-unknown-unknown --features app --test browser

step "release build"
scripts/build.sh

step "test build (target/dist-test: the crash trigger, for tests/e2e/crash.test.mjs)"
scripts/build.sh --test

step "end-to-end tests (playwright-core, Chromium, dist/thongbao.html over file://)"
tests node --test --test-reporter=spec tests/e2e/

step "end-to-end tests (selenium-webdriver, Firefox, the core flows over file://)"
tests node --test --test-reporter=spec tests/e2e-firefox/
