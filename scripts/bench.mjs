// The browser half of scripts/bench.sh: measures dist/thongbao.html in
// headless Chromium (playwright-core, /usr/bin/chromium) with the page's own
// Performance API, side by side with the floor (bench/floor.html) and the
// static notice, prints a table and writes target/bench.json.
//
// usage: node scripts/bench.mjs   (scripts/bench.sh prepares target/bench/)
// env: BENCH_KEYS (keystrokes measured per notice, default 200),
//      BENCH_LIBRARY (notices in the library's benchmark, default 200; 0: skip),
//      BENCH_OPENS (runs of each open, default 7), BENCH_EDITS (heap, 1000),
//      BENCH_SIZES (list factors, default "1,10,100"), BENCH_APP (another page)
//      BENCH_PRINT (0: skip “In / Lưu PDF” made into pages)
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir, cpus } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const B = join(ROOT, "target", "bench");
const KEYS = +(process.env.BENCH_KEYS || 200);
const OPENS = +(process.env.BENCH_OPENS || 7);
const EDITS = +(process.env.BENCH_EDITS || 1000);
const APP = pathToFileURL(process.env.BENCH_APP || join(ROOT, "dist", "thongbao.html")).href;
const FLOOR = pathToFileURL(join(ROOT, "bench", "floor.html")).href;
const STATIC = pathToFileURL(join(B, "static.html")).href;
const BLOCK = "block/p1.s1.b1/text"; // the first paragraph: typed into at its start
const MARK = "\u0001TYPED\u0001";
// Typed text: lowercase letters and spaces, never "T" (the paragraph starts
// with "Trên"), so "the preview starts with what was typed" is exact.
const WORDS = "kiem tra giam sat viec thuc hien chinh sach tre em nam hai khong hai tu ".repeat(40);

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN;
};
const med = (xs) => q(xs, 0.5);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1000).toFixed(1);
const ms = (n) => (Number.isFinite(n) && n > 0 ? n.toFixed(2) : "–");

async function launch() {
  const dir = mkdtempSync(join(tmpdir(), "thongbao-bench-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage", "--enable-precise-memory-info", "--js-flags=--expose-gc",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, errors, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

// Runs in the page before its own scripts: records when the page first is
// "ready" (app: an input of the form exists and the preview shows the
// notice; static notice: its first data-field element exists).
function openProbe() {
  const ready = () => {
    const d = document;
    if (d.getElementById("thongbao-wasm") || d.getElementById("app")) {
      const input = d.querySelector("#form-pane input, #form-pane textarea");
      const f = d.getElementById("preview-frame");
      const fd = f && f.contentDocument;
      return !!(input && fd && fd.querySelector("[data-field]"));
    }
    return !!d.querySelector("[data-field]");
  };
  window.__open = null;
  const check = () => {
    if (window.__open === null && ready()) window.__open = performance.now();
    if (window.__open === null) setTimeout(check, 0);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener("load", check, true);
  check();
}

// Runs in the page before its own scripts: with sessionStorage's
// "thongbao.bench.wipe" set, deletes the library (IndexedDB) before the app
// opens it (requests run in order), so that the app starts empty.
function wipeProbe() {
  try {
    if (sessionStorage.getItem("thongbao.bench.wipe")) {
      sessionStorage.removeItem("thongbao.bench.wipe");
      localStorage.clear();
      indexedDB.deleteDatabase("thongbao");
    }
  } catch (e) {}
}

/// Opens the app on an empty library (the start screen).
async function openEmpty(page) {
  await page.goto(APP);
  await page.evaluate(() => sessionStorage.setItem("thongbao.bench.wipe", "1"));
  await page.goto("about:blank");
  await page.goto(APP);
}

async function measureOpen(page, url) {
  const times = [];
  for (let i = 0; i < OPENS; i++) {
    await page.goto(url);
    await page.waitForFunction(() => window.__open !== null, null, { timeout: 30000, polling: 20 });
    times.push(await page.evaluate(() => window.__open));
  }
  return times;
}

// Runs in the page: times each keystroke from its input event (window,
// capture phase: before any handler of the page) to the preview's element
// of BLOCK starting with the expected text (a MutationObserver on the
// preview's document, plus a polling fallback), then to the preview laid
// out again (a forced layout right after).
function keyProbe([block, layout]) {
  const frameDoc = () => document.getElementById("preview-frame")?.contentDocument;
  const st = (window.__keys = { expect: null, t0: 0, dom: [], layout: [], seen: 0 });
  const sel = `[data-field="${block}"]`;
  const done = () => {
    if (st.expect === null) return;
    const doc = frameDoc();
    const el = doc && doc.querySelector(sel);
    if (!el || !el.textContent.startsWith(st.expect)) return;
    const t1 = performance.now();
    if (layout) void doc.body.offsetHeight; // style + layout of the new preview
    const t2 = performance.now();
    st.dom.push(t1 - st.t0);
    st.layout.push(t2 - st.t0);
    st.expect = null;
    st.seen++;
  };
  let observed = null;
  const observe = () => {
    const doc = frameDoc();
    if (doc && doc !== observed) {
      observed = doc;
      new MutationObserver(done).observe(doc, { childList: true, subtree: true, characterData: true });
    }
  };
  window.addEventListener("input", () => {
    observe();
    st.t0 = performance.now();
  }, true);
  document.addEventListener("load", () => { observe(); done(); }, true);
  const poll = () => { observe(); done(); requestAnimationFrame(poll); };
  poll();
  window.__expect = (text) => { st.expect = text; };
}

// What was typed into the paragraph since it was opened (openEditor and
// openFloor reset it).
let typed = "";

async function typeKeys(page, n, { record = true } = {}) {
  for (let i = 0; i < n; i++) {
    const c = WORDS[typed.length % WORDS.length];
    const expect = typed + c;
    const seen = await page.evaluate((e) => {
      const seen = window.__keys.seen;
      window.__expect(e);
      return seen;
    }, expect);
    await page.keyboard.insertText(c);
    // Waits in the page (the times are taken there, not here).
    await page.evaluate((s) => new Promise((ok, fail) => {
      const until = performance.now() + 20000;
      const wait = () => (window.__keys.seen > s ? ok() : performance.now() > until ? fail(new Error("timeout")) : setTimeout(wait, 1));
      wait();
    }), seen).catch(async (e) => {
      const why = await page.evaluate((b) => {
        const el = document.getElementById("preview-frame")?.contentDocument?.querySelector(`[data-field="${b}"]`);
        return { seen: window.__keys.seen, n: window.__keys.dom.length, expect: window.__keys.expect, preview: el && el.textContent.slice(0, 80), focus: document.activeElement?.id };
      }, BLOCK);
      throw new Error(`keystroke ${i}: the preview never showed the text: ${JSON.stringify(why)} (${e.message})`);
    });
    typed = expect;
  }
  if (!record) return null;
  return page.evaluate((n) => ({ dom: window.__keys.dom.slice(-n), layout: window.__keys.layout.slice(-n) }), n);
}

async function heap(page) {
  return page.evaluate(() => {
    if (window.gc) window.gc();
    // eslint-disable-next-line no-undef
    const m = typeof wasm_bindgen !== "undefined" ? wasm_bindgen.memory : null;
    return {
      js: performance.memory ? performance.memory.usedJSHeapSize : null,
      wasm: m ? m.buffer.byteLength : null,
    };
  });
}

// Opens the app on `json` (as the saved draft: the editor opens on it) and
// puts the caret at the start of BLOCK.
// Whether each keystroke also forces the preview's layout (skipped on the
// 100× notice: laying out 4 MB of HTML takes seconds per keystroke).
let layoutToo = true;

async function openEditor(page, json) {
  // Leave the app first: its autosave must not overwrite the draft set here.
  await page.goto("about:blank");
  await page.goto(APP);
  await page.evaluate(() => localStorage.clear());
  await page.goto("about:blank");
  await page.goto(APP);
  await page.evaluate((j) => { localStorage.clear(); localStorage.setItem("thongbao.draft", j); }, json);
  await page.goto(APP);
  await page.waitForFunction(() => window.__open !== null, null, { timeout: 60000 });
  await page.evaluate(keyProbe, [BLOCK, layoutToo]);
  // Go to the paragraph's section in the navigation.
  await page.click('[id="nav-sec:p1.s1"]');
  const input = page.locator(`[id="f-${BLOCK}"]`);
  await input.waitFor({ state: "visible", timeout: 10000 });
  await input.focus();
  await page.keyboard.press("Control+Home");
  typed = "";
}

async function openFloor(page, html) {
  const anchor = `data-field="${BLOCK}">`;
  const at = html.indexOf(anchor);
  if (at < 0) throw new Error(`rendered notice lacks ${anchor}`);
  const marked = html.slice(0, at + anchor.length) + MARK + html.slice(at + anchor.length);
  const body = marked.slice(marked.indexOf(">", marked.indexOf("<body")) + 1, marked.lastIndexOf("</body>"));
  await page.goto(FLOOR);
  await page.evaluate(([h, b, m]) => window.floorInit(h, b, m), [html, body, MARK]);
  await page.evaluate(keyProbe, [BLOCK, layoutToo]);
  await page.locator("#floor-input").focus();
  typed = "";
}

// "In / Lưu PDF": from the click to the print call, the notice made into
// pages with each note at the foot of its page (www/pages.js); the
// browser's print is stubbed (a dialog cannot be driven headless), and the
// preview is put back after it. Timed inside the page.
async function measurePrint(page, json) {
  await openEditor(page, json);
  const times = [];
  let pages = 0;
  for (let i = 0; i < OPENS; i++) {
    const [ms, n] = await page.evaluate(() => {
      const w = document.getElementById("preview-frame").contentWindow;
      let at = 0;
      let n = 0;
      w.print = () => {
        at = performance.now();
        n = w.document.querySelectorAll(".page > .sheet").length;
      };
      const t0 = performance.now();
      document.getElementById("btn-print").click();
      return [at - t0, n];
    });
    times.push(ms);
    pages = n;
  }
  return { ...stats(times), pages };
}

// "Dán văn bản" on the start screen with the reference notice (a PDF's
// text): from the click on "Nhập" to the form's groups and the preview
// showing the imported notice. Timed inside the page (one clock).
async function measureImport(page) {
  const text = readFileSync(join(ROOT, "tests", "golden", "notice-chi-lang-2024.txt"), "utf8");
  const times = [];
  for (let i = 0; i < OPENS; i++) {
    // The start screen: an empty library, or "Tạo mới" from the notice
    // the library reopened.
    await openEmpty(page);
    await page.waitForSelector("#btn-paste, nav.groups", { timeout: 60000 });
    if (!(await page.$("#btn-paste"))) {
      await page.evaluate(() => document.getElementById("btn-new-notice").click());
      if (await page.waitForSelector("#confirm-continue", { timeout: 2000 }).catch(() => null)) {
        await page.click("#confirm-continue");
      }
    }
    await page.click("#btn-paste");
    await page.fill("#paste-text", text);
    times.push(await page.evaluate(() => new Promise((done, fail) => {
      const ready = () => {
        const f = document.getElementById("preview-frame")?.contentDocument;
        return document.querySelector("nav.groups") && f && f.querySelector("[data-field]");
      };
      const t0 = performance.now();
      document.getElementById("paste-import").click();
      const poll = () => {
        if (ready()) done(performance.now() - t0);
        else if (performance.now() - t0 > 30000) fail(new Error("import: no editor after 30 s"));
        else setTimeout(poll, 0);
      };
      poll();
    })));
  }
  return times;
}

// The library with LIBRARY notices (the sample, each its own subject):
// the page opened (the editor on the last edited, interactive), then
// "Thông báo của tôi" from the toolbar until every notice is listed.
// Timed inside the page.
const LIBRARY = +(process.env.BENCH_LIBRARY || 200);
async function measureLibrary(page, sample) {
  await openEmpty(page);
  await page.waitForSelector("#btn-sample");
  await page.evaluate(async ([j, count]) => {
    const n = JSON.parse(j);
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      n.header.subject = `Kết quả kiểm tra số ${i} tại huyện Chi Lăng năm 2024`;
      const e = {
        id: `bench${i}`, subject: n.header.subject, body: "UBND huyện Chi Lăng", date: "15/8/2024",
        status: "draft", edited: now - i * 1000, errors: 0, warnings: 2, dirty: false,
      };
      // eslint-disable-next-line no-undef
      await thongbaoLibrary.save(e, JSON.stringify(n));
    }
  }, [sample, LIBRARY]);
  const open = [];
  const list = [];
  for (let i = 0; i < OPENS; i++) {
    await page.goto("about:blank");
    await page.goto(APP);
    await page.waitForFunction(() => window.__open !== null, null, { timeout: 60000, polling: 20 });
    open.push(await page.evaluate(() => window.__open));
    list.push(await page.evaluate((count) => new Promise((done, fail) => {
      const t0 = performance.now();
      document.getElementById("btn-library").click();
      const poll = () => {
        if (document.querySelectorAll(".lib-item").length >= count) done(performance.now() - t0);
        else if (performance.now() - t0 > 30000) fail(new Error("library: not listed after 30 s"));
        else setTimeout(poll, 0);
      };
      poll();
    }), LIBRARY));
  }
  return { notices: LIBRARY, open: stats(open), list: stats(list) };
}

const stats = (xs) => ({ n: xs.length, p50: med(xs), p95: q(xs, 0.95), max: Math.max(...xs) });

async function main() {
  const result = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    sizes: {}, open: {}, import: null, keystroke: {}, heap: {}, native: null,
  };
  // 1. sizes
  for (const [name, path] of [
    ["thongbao.html", join(ROOT, "dist", "thongbao.html")],
    ["thongbao-element.js", join(ROOT, "dist", "thongbao-element.js")],
    ["wasm", join(ROOT, "target", "web", "thongbao_bg.wasm")],
  ]) {
    if (!existsSync(path)) continue;
    const buf = readFileSync(path);
    result.sizes[name] = { raw: buf.length, gzip9: gz(buf) };
  }

  const b = await launch();
  const { page } = b;
  await page.addInitScript(openProbe);
  await page.addInitScript(wipeProbe);
  try {
    // 2. open → interactive
    const sample = readFileSync(join(B, "scaled-1.json"), "utf8");
    await page.goto(APP);
    await page.evaluate((j) => { localStorage.clear(); localStorage.setItem("thongbao.draft", j); }, sample);
    const app = await measureOpen(page, APP);
    const stat = await measureOpen(page, STATIC);
    result.open = { app: stats(app), static: stats(stat), ratio: med(app) / med(stat) };
    const marks = await page.goto(APP).then(() => page.waitForFunction(() => window.__open !== null))
      .then(() => page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]))));
    result.open.marks = marks;

    // 2b. import: the reference notice as pasted text → the editor on it
    result.import = stats(await measureImport(page));

    // 3.–4. keystroke → preview, editor and floor, per notice size
    for (const factor of (process.env.BENCH_SIZES || "1,10,100").split(",").map(Number)) {
      const name = factor === 1 ? "sample" : `${factor}×`;
      const json = readFileSync(join(B, `scaled-${factor}.json`), "utf8");
      const html = readFileSync(join(B, `scaled-${factor}.html`), "utf8");
      const keys = factor === 100 ? Math.max(50, Math.round(KEYS / 2)) : KEYS;
      layoutToo = factor < 100;
      await openEditor(page, json);
      await typeKeys(page, 10, { record: false }); // warm-up
      const ed = await typeKeys(page, keys);
      await openFloor(page, html);
      await typeKeys(page, 10, { record: false });
      const fl = await typeKeys(page, keys);
      result.keystroke[name] = {
        html_bytes: html.length,
        editor: { dom: stats(ed.dom), layout: layoutToo ? stats(ed.layout) : null },
        floor: { dom: stats(fl.dom), layout: layoutToo ? stats(fl.layout) : null },
      };
      const k = result.keystroke[name];
      k.ratio_p50 = k.editor.dom.p50 / k.floor.dom.p50;
      k.ratio_p95 = k.editor.dom.p95 / k.floor.dom.p95;
      k.ratio_layout_p95 = layoutToo ? k.editor.layout.p95 / k.floor.layout.p95 : null;
    }

    // 5. heap after opening the sample and after EDITS edits
    layoutToo = true;
    await openEditor(page, sample);
    await page.waitForTimeout(600);
    const before = await heap(page);
    await typeKeys(page, EDITS, { record: false });
    await page.waitForTimeout(600); // the autosave runs
    const after = await heap(page);
    result.heap = { edits: EDITS, before, after, bound_js: 2 * before.js + 5e6, ok: after.js <= 2 * before.js + 5e6 };
    // 6. the library with 200 notices: open, and "Thông báo của tôi" (last:
    // the notices it writes must not weigh on the heap measured above)
    // After the heap: its garbage would weigh on the heap measured.
    if (process.env.BENCH_PRINT !== "0") {
      result.print = {};
      for (const f of [1, 10]) result.print[f] = await measurePrint(page, readFileSync(join(B, `scaled-${f}.json`), "utf8"));
    }
    if (process.env.BENCH_LIBRARY !== "0") result.library = await measureLibrary(page, sample);
    if (b.errors.length) result.page_errors = b.errors;
  } finally {
    await b.close();
  }

  // 7. native (cargo bench --bench core, run by bench.sh)
  const nativePath = join(ROOT, "target", "bench-core.json");
  if (existsSync(nativePath) && Date.now() - statSync(nativePath).mtimeMs < 3600e3) {
    result.native = JSON.parse(readFileSync(nativePath, "utf8")).results;
  }

  writeFileSync(join(ROOT, "target", "bench.json"), JSON.stringify(result, null, 2) + "\n");
  print(result);
}

function print(r) {
  const out = [];
  out.push(`thongbao benchmark — ${r.date.slice(0, 10)}, ${r.machine.cores} cores (${r.machine.cpu}), headless Chromium`);
  out.push("");
  out.push("| size | raw KB | gzip -9 KB |");
  out.push("|---|---:|---:|");
  for (const [k, v] of Object.entries(r.sizes)) out.push(`| ${k} | ${kb(v.raw)} | ${kb(v.gzip9)} |`);
  out.push("");
  out.push(`| open from file:// (n=${r.open.app.n}) | p50 ms | p95 ms |`);
  out.push("|---|---:|---:|");
  out.push(`| editor, sample draft → interactive | ${ms(r.open.app.p50)} | ${ms(r.open.app.p95)} |`);
  out.push(`| static notice (rendered sample) | ${ms(r.open.static.p50)} | ${ms(r.open.static.p95)} |`);
  out.push(`| ratio editor / static (p50) | ${r.open.ratio.toFixed(2)}× | |`);
  if (r.import) out.push(`| import: the reference pasted → editor on it (n=${r.import.n}) | ${ms(r.import.p50)} | ${ms(r.import.p95)} |`);
  for (const [f, p] of Object.entries(r.print || {})) {
    out.push(`| “In / Lưu PDF”: the ${f === "1" ? "sample" : f + "×"} made into ${p.pages} pages, notes at their feet (n=${p.n}) | ${ms(p.p50)} | ${ms(p.p95)} |`);
  }
  if (r.library) {
    const l = r.library;
    out.push(`| library of ${l.notices} notices: page → editor on the last edited | ${ms(l.open.p50)} | ${ms(l.open.p95)} |`);
    out.push(`| library of ${l.notices} notices: “Thông báo của tôi” → all listed | ${ms(l.list.p50)} | ${ms(l.list.p95)} |`);
  }
  out.push("");
  out.push("| keystroke → preview | n | editor p50 | editor p95 | floor p50 | floor p95 | ×floor p50 | ×floor p95 | editor p95 incl. layout | floor p95 incl. layout |");
  out.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const [k, v] of Object.entries(r.keystroke)) {
    out.push(`| ${k} (${kb(v.html_bytes)} KB HTML) | ${v.editor.dom.n} | ${ms(v.editor.dom.p50)} | ${ms(v.editor.dom.p95)} | ${ms(v.floor.dom.p50)} | ${ms(v.floor.dom.p95)} | ${v.ratio_p50.toFixed(2)} | ${v.ratio_p95.toFixed(2)} | ${ms(v.editor.layout?.p95)} | ${ms(v.floor.layout?.p95)} |`);
  }
  out.push("");
  const h = r.heap;
  if (h.before) {
    const mb = (n) => (n == null ? "–" : (n / 1e6).toFixed(2));
    out.push(`| memory (MB) | after opening | after ${h.edits} edits |`);
    out.push("|---|---:|---:|");
    out.push(`| JS heap (used) | ${mb(h.before.js)} | ${mb(h.after.js)} |`);
    out.push(`| wasm linear memory | ${mb(h.before.wasm)} | ${mb(h.after.wasm)} |`);
    out.push(`JS heap bound (2× + 5 MB): ${mb(h.bound_js)} MB — ${h.ok ? "met" : "MISSED"}`);
    out.push("");
  }
  if (r.native) {
    out.push("| native (cargo bench --bench core) | task | p50 ms | p95 ms |");
    out.push("|---|---|---:|---:|");
    for (const x of r.native) out.push(`| ${x.notice} | ${x.task} | ${ms(x.p50_ms)} | ${ms(x.p95_ms)} |`);
    out.push("");
  }
  if (r.page_errors) out.push(`page errors: ${r.page_errors.join("; ")}`);
  out.push("written to target/bench.json");
  console.log(out.join("\n"));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
