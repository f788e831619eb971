#!/usr/bin/env bash
# Release build of the editor as ONE self-contained file, dist/thongbao.html
# (CSS, JS glue and wasm inlined; opens from disk). Works on its own in a
# fresh clone: what the build needs and lacks (the wasm32 target,
# wasm-bindgen, the node tools: terser, binaryen) is installed first by
# scripts/tools.sh in its build-only mode (no browsers).
#
#   scripts/build.sh          the release: dist/
#   scripts/build.sh --test   the test build: target/dist-test/, the same
#                             files with the feature crash-trigger (a panic
#                             on demand for tests/e2e/crash.test.mjs), the
#                             profile crash-test (release without LTO: a
#                             quicker build) and no wasm-opt. Never shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# The node tools are current when npm ci ran on this package-lock.json
# (tools.sh leaves a stamp).
node_tools_current() {
  [ -f node_modules/.thongbao-lock ] &&
    [ "$(cat node_modules/.thongbao-lock)" = "$(sha256sum package-lock.json | cut -d' ' -f1)" ]
}
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
  ! command -v wasm-bindgen >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1 ||
  ! command -v xz >/dev/null 2>&1 || ! node_tools_current; then
  echo "build: installing the build tools first (scripts/tools.sh, build-only)"
  TOOLS=build scripts/tools.sh
fi

out=target/web dist=dist profile=release features=app
if [ "${1:-}" = "--test" ]; then
  out=target/web-test dist=target/dist-test profile=crash-test features=app,crash-trigger
fi
mkdir -p "$out" "$dist"

# A panic names its file (the crash message shows it): a dependency's as
# `yew-0.23.0/src/…`, without the build machine's registry directory before
# it (179 such strings in the wasm, shorter; no local path in the file).
# (cargo fetch first, so that a first build in a fresh clone sees them too).
cargo fetch --quiet 2>/dev/null || true
remap=""
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$d" ] && remap="$remap --remap-path-prefix=$d="
done

echo "build: cargo ($profile, wasm32, features $features)"
RUSTFLAGS="${RUSTFLAGS:-}$remap" CARGO_PROFILE_RELEASE_STRIP=false cargo build --quiet --profile "$profile" --lib --target wasm32-unknown-unknown --features "$features"

echo "build: wasm-bindgen (no-modules)"
wasm-bindgen "target/wasm32-unknown-unknown/$profile/thongbao.wasm" \
  --out-dir "$out" --out-name thongbao --target no-modules --no-typescript \
  --remove-name-section --remove-producers-section

gz() { gzip -9 -n -c "$1" | wc -c; }

# wasm-opt, only when it makes the shipped file smaller (measured on the
# assembled page, gzip -9). Not -Oz/-Os/-O2: they shrink the raw wasm but
# grow its LZMA by ~5 % (inlining, function reordering and local CSE undo
# the repetition LZMA feeds on). These passes only fold identical
# functions and code, and tidy instructions and locals: each was measured
# alone on the LZMA of the wasm (docs/size.md, "Session 5: size").
node scripts/assemble.mjs index.html "$out/thongbao.js" "$out/thongbao_bg.wasm" "$out/plain.html"
chosen="$out/plain.html"
if [ "$profile" = release ] && [ -x node_modules/.bin/wasm-opt ] &&
  node_modules/.bin/wasm-opt --enable-bulk-memory --enable-reference-types \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-multivalue --duplicate-function-elimination --optimize-instructions \
    --reorder-locals --code-folding --precompute --duplicate-function-elimination \
    --merge-locals "$out/thongbao_bg.wasm" -o "$out/thongbao_opt.wasm" 2>"$out/wasm-opt.log"; then
  node scripts/assemble.mjs index.html "$out/thongbao.js" "$out/thongbao_opt.wasm" "$out/opt.html"
  plain=$(gz "$out/plain.html") opt=$(gz "$out/opt.html")
  if [ "$opt" -lt "$plain" ]; then
    chosen="$out/opt.html"
    echo "build: wasm-opt kept (gzip $plain → $opt bytes)"
  else
    echo "build: wasm-opt dropped (gzip $plain → $opt bytes: no gain)"
  fi
elif [ "$profile" = release ]; then
  echo "build: wasm-opt unavailable or failed (see $out/wasm-opt.log); shipping without it"
fi
cp "$chosen" "$dist/thongbao.html"

raw=$(wc -c <"$dist/thongbao.html")
echo "build: $dist/thongbao.html $((raw / 1024)) KiB raw ($raw bytes), $(($(gz "$dist/thongbao.html") / 1024)) KiB gzip -9 ($(gz "$dist/thongbao.html") bytes)"

# The custom element <thongbao-editor> (docs/embedding.md): one classic script
# with the same wasm the page ships, and the embedding demo beside it.
wasm="$out/thongbao_bg.wasm"
[ "$chosen" = "$out/opt.html" ] && wasm="$out/thongbao_opt.wasm"
node scripts/assemble-element.mjs "$out/thongbao.js" "$wasm" "$dist/thongbao-element.js" www/embed-demo.html "$dist/embed-demo.html"
raw=$(wc -c <"$dist/thongbao-element.js")
echo "build: $dist/thongbao-element.js $((raw / 1024)) KiB raw ($raw bytes), $(($(gz "$dist/thongbao-element.js") / 1024)) KiB gzip -9 ($(gz "$dist/thongbao-element.js") bytes)"
