// What an editor costs on a host page: N <thongbao-editor>s (1, 2, 3) on a
// file:// page, each opening the sample, in headless Chromium. Measures the
// time from navigation to the last thongbao-ready, the JS heap, the
// renderer's resident memory (RSS and PSS of its process, after a GC) and,
// where the element exposes it, the wasm memory of each instance.
//
// usage: node scripts/bench-element.mjs [element.js ...]   (default dist/thongbao-element.js)
// env: BENCH_RUNS (runs per N, default 5), BENCH_N ("1,2,3")
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, mkdtempSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = +(process.env.BENCH_RUNS || 5);
const NS = (process.env.BENCH_N || "1,2,3").split(",").map(Number);
const elements = process.argv.slice(2).length ? process.argv.slice(2) : [join(ROOT, "dist", "thongbao-element.js")];
const SAMPLE = readFileSync(join(ROOT, "data", "chi-lang-2024.json"), "utf8");
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const mb = (n) => (n / 1048576).toFixed(1);

/** Processes whose ancestors include `pid`. */
function descendants(pid) {
  const parent = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(+d, +stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {}
  }
  const out = [];
  for (const p of parent.keys()) {
    for (let q = p; q; q = parent.get(q)) if (q === pid) { out.push(p); break; }
  }
  return out;
}
/** The browser process started with the profile `dir`. */
function browserPid(dir) {
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8");
      if (cmd.includes(`--user-data-dir=${dir}`) && !cmd.includes("--type=")) return +d;
    } catch {}
  }
  throw new Error(`no browser process for ${dir}`);
}
/** RSS and PSS (bytes) of the renderer processes under the browser `pid`. */
function rendererMemory(pid) {
  let rss = 0, pss = 0;
  for (const p of descendants(pid)) {
    try {
      if (!readFileSync(`/proc/${p}/cmdline`, "utf8").includes("--type=renderer")) continue;
      const roll = readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      rss += +roll.match(/^Rss:\s+(\d+)/m)[1];
      pss += +roll.match(/^Pss:\s+(\d+)/m)[1];
    } catch {}
  }
  return { rss: rss * 1024, pss: pss * 1024 };
}

function hostPage(dir, element, n, k) {
  const tags = Array.from({ length: n }, (_, i) => `<thongbao-editor id="e${i}" storage-key="none"></thongbao-editor>`).join("\n");
  const html = `<!doctype html><meta charset="utf-8"><body>${tags}
<script>
window.readyAt = [];
document.addEventListener("thongbao-ready", () => window.readyAt.push(performance.now()));
const sample = ${SAMPLE.replace(/</g, "\\u003c")};
for (const e of document.querySelectorAll("thongbao-editor")) e.value = sample;
</script>
<script src="${pathToFileURL(element).href}"></script>`;
  const path = join(dir, `host-${k}.html`);
  writeFileSync(path, html);
  return pathToFileURL(path).href;
}

const dir = mkdtempSync(join(tmpdir(), "thongbao-bench-element-"));
// Interleaved (run by run, every element and N in turn): the machine's load
// drifts, and the comparison should not.
const cells = [];
for (const element of elements) {
  for (const n of NS) cells.push({ element, n, url: hostPage(dir, element, n, cells.length), t: [], heap: [], rss: [], pss: [], wasm: [] });
}
for (let r = 0; r < RUNS; r++) {
  for (const c of cells) {
    const profile = mkdtempSync(join(tmpdir(), "thongbao-bench-profile-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--js-flags=--expose-gc"],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(c.url);
    await page.waitForFunction((n) => window.readyAt.length >= n, c.n, { timeout: 60000 });
    c.t.push(await page.evaluate(() => Math.max(...window.readyAt)));
    await page.waitForTimeout(500);
    await page.evaluate(() => window.gc && window.gc());
    await page.waitForTimeout(300);
    const cdp = await page.context().newCDPSession(page);
    c.heap.push((await cdp.send("Runtime.getHeapUsage")).usedSize);
    const m = rendererMemory(browserPid(profile));
    c.rss.push(m.rss);
    c.pss.push(m.pss);
    c.wasm.push(
      await page.evaluate(() =>
        [...document.querySelectorAll("thongbao-editor")].reduce(
          (s, e) => s + (e._life && e._life.exports ? e._life.exports.memory.buffer.byteLength : NaN), 0)),
    );
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
const rows = cells.map((c) => ({ element: c.element.replace(ROOT + "/", ""), n: c.n, ms: med(c.t), heap: med(c.heap), rss: med(c.rss), pss: med(c.pss), wasm: med(c.wasm) }));
rmSync(dir, { recursive: true, force: true });
console.log(`| element | editors | all ready, p50 ms | JS heap MB | renderer RSS MB | renderer PSS MB | wasm memories MB | (n=${RUNS})`);
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(`| ${r.element} | ${r.n} | ${r.ms.toFixed(0)} | ${mb(r.heap)} | ${mb(r.rss)} | ${mb(r.pss)} | ${Number.isNaN(r.wasm) ? "–" : mb(r.wasm)} |`);
}
