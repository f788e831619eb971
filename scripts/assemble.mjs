// Assembles ONE self-contained page from index.html: the stylesheet inlined in
// a <style>, the wasm-bindgen no-modules glue and the boot script inlined in
// classic <script>s, and the wasm inlined as base64 (instantiated from a
// Uint8Array: no fetch, so the page works from file://).
//
// usage: node scripts/assemble.mjs <index.html> <glue.js> <module.wasm> <out.html>
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

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
  `<style>\n${safeStyle(readFileSync(resolve(root, href), "utf8"))}</style>`);
once(/<script src="[^"]+" data-inline="glue"><\/script>/, () =>
  `<script>\n${safeScript(readFileSync(gluePath, "utf8"))}</script>`);
once(/(<script data-inline="wasm"[^>]*>)(<\/script>)/, (_, open, close) =>
  `${open.replace(' data-inline="wasm"', "")}${readFileSync(wasmPath).toString("base64")}${close}`);
once(/<script src="([^"]+)" data-inline="boot"><\/script>/, (_, src) =>
  `<script>\n${safeScript(readFileSync(resolve(root, src), "utf8"))}</script>`);
html = html.replace(/<!-- scripts\/assemble\.mjs[\s\S]*?-->\n/, "");

mkdirSync(dirname(resolve(outPath)), { recursive: true });
writeFileSync(outPath, html);
