// Assembles dist/thongbao-element.js, the <thongbao-editor> custom element as
// ONE classic script: www/element.js with the wasm-bindgen no-modules glue
// (kept inside a function: its `let wasm_bindgen` stays local, and each call
// gives one element's instance its own glue), the wasm as
// the page ships it (scripts/assemble.mjs wasmPayload: LZMA or gzip, base64,
// with www/lzma.js inside the element's function scope) and the styles for the shadow root (www/element.css + www/app.css,
// rewritten for a shadow root) filled in. Also copies the embedding demo.
//
// usage: node scripts/assemble-element.mjs <glue.js> <module.wasm> <out.js> [<demo.html> <out-demo.html>]
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve, join } from "node:path";
import { fileURLToPath } from "node:url";
import { wasmPayload, minJs } from "./assemble.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [gluePath, wasmPath, outPath, demoPath, demoOut] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node scripts/assemble-element.mjs <glue.js> <module.wasm> <out.js> [<demo.html> <out-demo.html>]");
  process.exit(2);
}

/// app.css for a shadow root: `:root` is the inner root element, `rem`
/// (which the host page's <html> font size would set) becomes px at the
/// app's 16px, viewport heights become the element's height (container
/// units), and width media queries become container queries (the element
/// is not the viewport).
export function shadowCss(css) {
  return css
    .replace(/:root\b/g, ".tb-root")
    .replace(/(^|[^\w.])(-?\d*\.?\d+)rem\b/g, (_, pre, n) => `${pre}${+(parseFloat(n) * 16).toFixed(3)}px`)
    .replace(/\b(\d+)vh\b/g, "$1cqh")
    .replace(/@media\s*(\((?:max|min)-width:[^)]*\)(?:\s*and\s*\((?:max|min)-width:[^)]*\))*)\s*\{/g, "@container $1 {");
}

const css = shadowCss(
  readFileSync(join(root, "www/element.css"), "utf8") + "\n" + readFileSync(join(root, "www/app.css"), "utf8"),
);
let glue = readFileSync(gluePath, "utf8");
if (!/^let wasm_bindgen\b/m.test(glue)) throw new Error(`${gluePath}: not the no-modules glue`);
// Each element's instance: the glue takes its exports through www/element.js's
// guard (a dead instance is never entered again; a trap stops one editor).
const EXPORTS = "wasm = instance.exports;";
if (glue.split(EXPORTS).length !== 2) throw new Error(`${gluePath}: expected "${EXPORTS}" once`);
glue = glue.replace(EXPORTS, "wasm = guard(instance.exports);");
const wasm = wasmPayload(wasmPath);

let js = readFileSync(join(root, "www/element.js"), "utf8");
const fill = (marker, text) => {
  const at = js.indexOf(marker);
  if (at < 0 || js.indexOf(marker, at + 1) >= 0) throw new Error(`www/element.js: marker ${marker} must occur once`);
  js = js.slice(0, at) + text + js.slice(at + marker.length);
};
fill("/*@@GLUE@@*/", glue);
fill('"@@ENCODING@@"', JSON.stringify(wasm.encoding));
fill('"@@WASM@@"', JSON.stringify(wasm.base64));
fill("/*@@LZMA@@*/", wasm.encoding === "lzma" ? readFileSync(join(root, "www/lzma.js"), "utf8") : "");
fill("/*@@LIBRARY@@*/", readFileSync(join(root, "www/library.js"), "utf8"));
fill("/*@@PAGES@@*/", readFileSync(join(root, "www/pages.js"), "utf8"));
fill("/*@@DRAFT@@*/", readFileSync(join(root, "www/draft-download.js"), "utf8"));
fill('"@@CSS@@"', JSON.stringify(css));

mkdirSync(dirname(resolve(outPath)), { recursive: true });
// Minified, as the page's scripts (assemble.mjs minJs).
writeFileSync(outPath, await minJs(js));

if (demoPath && demoOut) {
  // The demo's script points at the built element next to it.
  const demo = readFileSync(demoPath, "utf8")
    .replace(/(src|href)="\.\.\/dist\//g, '$1="')
    .replace(/(<script type="application\/json" id="[^"]+") data-inline="([^"]+)">(<\/script>)/g, (_, open, file, close) =>
      `${open}>${readFileSync(join(root, file), "utf8").replace(/<\//g, "<\\/")}${close}`);
  writeFileSync(demoOut, demo);
}
