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
/// stream (`xz --format=lzma -9e`) with the real size in its header, for
/// www/lzma.js (thongbaoLzma). "gzip" (no xz on the machine): for
/// DecompressionStream("gzip"). Shared by every assembler (page, element).
export function wasmPayload(wasmPath) {
  const wasm = readFileSync(wasmPath);
  try {
    const lz = execFileSync("xz", ["--format=lzma", "-9e", "-c", wasmPath], { maxBuffer: 1 << 28 });
    let n = wasm.length;
    for (let i = 0; i < 8; i++, n = Math.floor(n / 256)) lz[5 + i] = n % 256;
    return { encoding: "lzma", base64: lz.toString("base64") };
  } catch (e) {
    console.error(`assemble: xz unavailable (${e.message.split("\n")[0]}): shipping the wasm gzip-compressed`);
    return { encoding: "gzip", base64: gzipSync(wasm, { level: 9 }).toString("base64") };
  }
}

/// JavaScript without its whole-line comments: the lines that are only a
/// `//` comment or only (part of) a `/* */` block. A line is dropped only
/// when it starts outside a template literal (the one string that spans
/// lines): a light scan of the kept lines follows quotes, comments and
/// backticks for that, and should it end inside a template or a comment (a
/// regular expression fooled it), the script ships unchanged.
export function bareJs(src) {
  const out = [];
  let tpl = false, block = false, dropping = false;
  for (let line of src.split("\n")) {
    const t = line.trim();
    if (dropping) {
      const end = line.indexOf("*/");
      if (end < 0) continue;
      dropping = block = false;
      line = line.slice(end + 2);
      if (!line.trim()) continue;
    } else if (!tpl && !block) {
      if (t.startsWith("//")) continue;
      if (t.startsWith("/*")) {
        const end = t.indexOf("*/", 2);
        if (end < 0) {
          dropping = block = true;
          continue;
        }
        if (end + 2 === t.length) continue;
      }
    }
    out.push(line);
    let q = "";
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (block) {
        if (c === "*" && line[i + 1] === "/") (block = false), i++;
      } else if (q || tpl) {
        if (c === "\\") i++;
        else if (c === (q || "`")) q ? (q = "") : (tpl = false);
      } else if (c === "/" && line[i + 1] === "/") {
        break;
      } else if (c === "/" && line[i + 1] === "*") {
        (block = true), i++;
      } else if (c === "'" || c === '"') {
        q = c;
      } else if (c === "`") {
        tpl = true;
      }
    }
  }
  return tpl || block ? src : out.join("\n");
}

// Only the command line below runs when this file is imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

function main() {

const [template, gluePath, wasmPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node scripts/assemble.mjs <index.html> <glue.js> <module.wasm> <out.html>");
  process.exit(2);
}
const root = dirname(resolve(template));
let html = readFileSync(template, "utf8");

// The scripts and the stylesheet ship without their whole-line comments
// (bareJs; in CSS every `/* */`, none sits inside a string): about 2.3 KB of
// the gzip -9 size budget, and less text to parse before the boot. The
// comments stay in the sources.
const bareCss = (s) => s.replace(/\/\*[\s\S]*?\*\/\n?/g, "");

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
  `<style>\n${safeStyle(bareCss(readFileSync(resolve(root, href), "utf8")))}</style>`);
once(/<script src="[^"]+" data-inline="glue"><\/script>/, () =>
  `<script>\n${safeScript(bareJs(readFileSync(gluePath, "utf8")))}</script>`);
const payload = wasmPayload(wasmPath);
once(/(<script data-inline="wasm"[^>]*>)(<\/script>)/, (_, open, close) =>
  `${open.replace(' data-inline="wasm"', ` data-encoding="${payload.encoding}"`)}${payload.base64}${close}`);
once(/<script src="([^"]+)" data-inline="lzma"><\/script>/, (_, src) =>
  `<script>\n${safeScript(bareJs(readFileSync(resolve(root, src), "utf8")))}</script>`);
once(/<script src="([^"]+)" data-inline="boot"><\/script>/, (_, src) =>
  `<script>\n${safeScript(bareJs(readFileSync(resolve(root, src), "utf8")))}</script>`);
html = html.replace(/<!-- scripts\/assemble\.mjs[\s\S]*?-->\n/, "");

mkdirSync(dirname(resolve(outPath)), { recursive: true });
writeFileSync(outPath, html);
}
