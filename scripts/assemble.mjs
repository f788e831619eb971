// Assembles ONE self-contained page from index.html: the stylesheet inlined in
// a <style>, the wasm-bindgen no-modules glue and the boot script inlined in
// classic <script>s, and the wasm inlined as base64 of its LZMA compression
// (www/lzma.js inflates it; instantiated from a Uint8Array: no fetch, so the
// page works from file://). LZMA because base64 of the raw wasm compresses
// badly and LZMA is ~25 % smaller than gzip -9 on this wasm (docs/size.md).
//
// usage: node scripts/assemble.mjs <index.html> <glue.js> <module.wasm> <out.html>
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

/// The wasm as the page ships it: { encoding, base64 }. "lzma": an LZMA-alone
/// stream (`xz --format=lzma -9e` with lc=4, pb=0: four bits of the previous
/// byte as literal context and no position state suit wasm code, 0.2 % smaller
/// than xz's lc=3, pb=2; lzma-wasm reads any lc + lp ≤ 4) with the real size
/// in its header, for www/lzma.js (thongbaoLzma). "gzip" (no xz on the machine): for
/// DecompressionStream("gzip"). Shared by every assembler (page, element).
export function wasmPayload(wasmPath) {
  const wasm = readFileSync(wasmPath);
  try {
    const lz = execFileSync("xz", ["--format=lzma", "--lzma1=preset=9e,lc=4,pb=0", "-c", wasmPath], { maxBuffer: 1 << 28 });
    let n = wasm.length;
    for (let i = 0; i < 8; i++, n = Math.floor(n / 256)) lz[5 + i] = n % 256;
    return { encoding: "lzma", base64: lz.toString("base64") };
  } catch (e) {
    console.error(`assemble: xz unavailable (${e.message.split("\n")[0]}): shipping the wasm gzip-compressed`);
    return { encoding: "gzip", base64: gzipSync(wasm, { level: 9 }).toString("base64") };
  }
}

/// JavaScript as the page ships it: minified by terser (whitespace,
/// comments, local names; top-level names such as `wasm_bindgen` and
/// `thongbaoLzma` stay, since other scripts of the page use them). About
/// 3.5 KB of the gzip -9 size budget, and less text to parse before the boot.
export async function minJs(src) {
  const { minify } = await import("terser");
  const out = await minify(src, { compress: true, mangle: true, format: { comments: false } });
  return out.code;
}

/// CSS without comments and indentation (no string in our CSS spans lines
/// or holds a comment).
export const minCss = (s) =>
  s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s*\n\s*/g, "\n").trim() + "\n";

// Only the command line below runs when this file is imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

async function main() {

const [template, gluePath, wasmPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node scripts/assemble.mjs <index.html> <glue.js> <module.wasm> <out.html>");
  process.exit(2);
}
const root = dirname(resolve(template));
let html = readFileSync(template, "utf8");

// Text inside <script>/<style> must not close the element early.
const safeScript = (s) => s.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const safeStyle = (s) => s.replace(/<\/(style)/gi, "\\3C/$1");

let count = 0;
const once = (re, fn) => {
  const before = html;
  html = html.replace(re, (...m) => {
    count++;
    return fn(...m);
  });
  if (html === before) throw new Error(`index.html: nothing matched ${re}`);
};

once(/<link rel="stylesheet" href="([^"]+)">/g, (_, href) =>
  `<style>\n${safeStyle(minCss(readFileSync(resolve(root, href), "utf8")))}</style>`);
const glue = await minJs(readFileSync(gluePath, "utf8"));
once(/<script src="[^"]+" data-inline="glue"><\/script>/, () => `<script>\n${safeScript(glue)}</script>`);
const payload = wasmPayload(wasmPath);
once(/(<script data-inline="wasm"[^>]*>)(<\/script>)/, (_, open, close) =>
  `${open.replace(' data-inline="wasm"', ` data-encoding="${payload.encoding}"`)}${payload.base64}${close}`);
for (const name of ["library", "pages", "lzma", "draft", "boot"]) {
  const re = new RegExp(`<script src="([^"]+)" data-inline="${name}"><\\/script>`);
  const src = await minJs(readFileSync(resolve(root, html.match(re)[1]), "utf8"));
  once(re, () => `<script>\n${safeScript(src)}</script>`);
}
html = html.replace(/<!-- scripts\/assemble\.mjs[\s\S]*?-->\n/, "");

mkdirSync(dirname(resolve(outPath)), { recursive: true });
writeFileSync(outPath, html);
}
