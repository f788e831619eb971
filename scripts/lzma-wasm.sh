#!/usr/bin/env bash
# Builds the LZMA decoder that www/lzma.js ships (lzma-wasm/, no_std Rust,
# its own workspace) and writes its base64 into www/lzma.js (the WASM
# string). Run after changing lzma-wasm/src/lib.rs; commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
(cd lzma-wasm && cargo build --quiet --release --target wasm32-unknown-unknown)
wasm=lzma-wasm/target/wasm32-unknown-unknown/release/thongbao_lzma.wasm
wasm-opt -Oz --enable-mutable-globals --enable-sign-ext "$wasm" -o "$wasm.opt"
b64=$(base64 -w0 "$wasm.opt")
node -e '
const fs = require("fs");
const [file, b64] = process.argv.slice(1);
const js = fs.readFileSync(file, "utf8");
const out = js.replace(/var WASM = "[^"]*";/, () => `var WASM = "${b64}";`);
if (out === js && !js.includes(b64)) throw new Error(file + ": no WASM string");
fs.writeFileSync(file, out);
' www/lzma.js "$b64"
echo "lzma-wasm: $(wc -c <"$wasm.opt") bytes, written into www/lzma.js"
