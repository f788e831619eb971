// Injection in the browser (issue 5): every payload of
// tests/injection/payloads.txt is put into five of the editor's text fields
// (a header field, a paragraph, a recipient, a cited document's subject, a
// figure's unit); then nothing may have run and nothing may have been
// injected — in the form, the error summary and the preview — and the
// exported notice, opened from file:// in a new page, is checked the same
// way and must carry a CSP that forbids scripts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openApp, field, gotoGroup, previewText, ROOT, openSample, download } from "./helpers.mjs";

// What core::nfc does, in JavaScript: Unicode NFC of every letter and the
// marks after it when those marks are the ones Vietnamese letters are built
// from (grave, acute, circumflex, tilde, breve, hook above, horn, dot below,
// and the old tone marks U+0340/U+0341), at most 15 of them; a run holding
// any other combining mark is left as it is (src/core/nfc.rs says why).
const VIETNAMESE_MARKS = /^[\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323\u0340\u0341]{0,15}$/;
const MARK = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/u;
function vietnameseNfc(text) {
  const runs = text.match(/[^]([\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]*)/gu) ?? [];
  return runs
    .map((run) => {
      const first = [...run][0];
      const marks = run.slice(first.length);
      if (MARK.test(first)) return run;
      return VIETNAMESE_MARKS.test(marks) ? run.normalize("NFC") : run;
    })
    .join("");
}

/// The payloads file's own format: one a line, `#` comments, escapes
/// \n \r \t \\ \u{HEX}; any other backslash stays as it is.
export function readPayloads(path = join(ROOT, "tests", "injection", "payloads.txt")) {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) =>
      l.replace(/\\(u\{([0-9a-fA-F]{1,6})\}|[nrt\\])/g, (m, e, hex) =>
        hex ? String.fromCodePoint(parseInt(hex, 16)) : { n: "\n", r: "\r", t: "\t", "\\": "\\" }[e],
      ),
    );
}

// THONGBAO_INJECTION_LIMIT=n tries only the first n (a quick local run).
const PAYLOADS = readPayloads().slice(0, Number(process.env.THONGBAO_INJECTION_LIMIT) || undefined);
// [group, field path, multi-line]
// (in the order of the form's groups, so each group opens once a round)
const FIELDS = [
  ["header", "header/symbol"],
  ["sec:p1.s1", "block/p1.s1.b1/text"],
  ["sec:p1.s1", "fig/safe_home.recognised/unit"],
  ["refs", "ref/kh221/subject"],
  ["recipients", "recipient/r1"],
];

/// What injected markup would add: counted in `root` (a document or an
/// element). Evaluated in the page.
function dangerous(rootSelector) {
  const root = rootSelector ? document.querySelector(rootSelector) : document;
  const q = (s) => root.querySelectorAll(s).length;
  const all = [...root.querySelectorAll("*")];
  return {
    script: q("script"),
    img: q("img, image, picture, video, audio, source"),
    svg: q("svg, math"),
    iframe: q("iframe, frame, object, embed"),
    style: q("style, link"),
    meta: q("meta, base"),
    form: q("form, input[type=password]"),
    template: q("template, noscript, marquee, details"),
    jsurl: all.filter((e) => [...e.attributes].some((a) => /^\s*(javascript|data|vbscript):/i.test(a.value))).length,
    on: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
  };
}

let b, page;
const events = { dialogs: [], consoleErrors: [] };
const files = mkdtempSync(join(tmpdir(), "thongbao-inj-"));
let baseline;

function watch(p, label) {
  p.on("dialog", (d) => {
    events.dialogs.push(`${label}: ${d.type()} ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  p.on("console", (m) => {
    if (m.type() === "error") events.consoleErrors.push(`${label}: ${m.text()}`);
  });
}

async function counts() {
  const app = await page.evaluate(dangerous, "#thongbao-app");
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const preview = await frame.evaluate(dangerous, null);
  return { app, preview };
}

before(async () => {
  b = await launch({ width: 1366, height: 900 });
  page = b.page;
  watch(page, "editor");
  await openApp(page);
  await openSample(page);
  await page.click("#btn-check"); // the summary shows (and follows) every finding
  await page.waitForSelector("#error-summary");
  await previewText(page, "Chi Lăng");
  baseline = await counts();
});
after(async () => b.close());

test("the payload file has at least 30 payloads", () => {
  assert.ok(PAYLOADS.length >= 30, `${PAYLOADS.length} payloads`);
  assert.ok(PAYLOADS.some((p) => p.includes("<script>")));
});

test("the detector sees an injected element (the test can fail)", async () => {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.evaluate(() => {
    const i = document.createElement("img");
    i.setAttribute("data-planted", "");
    i.id = "planted";
    document.body.append(i);
  });
  const c = await counts();
  assert.notDeepEqual(c, baseline);
  await frame.evaluate(() => document.getElementById("planted").remove());
  assert.deepEqual(await counts(), baseline);
});

const TYPED = 40;
let shown = null;
async function put(group, path, text, typed) {
  if (shown !== group) await gotoGroup(page, group);
  shown = group;
  const input = field(page, path);
  if (typed) {
    await input.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.type(text);
  } else {
    await input.fill(text);
  }
  // (After "Kiểm tra" every field shows its inline messages.)
  return input.inputValue();
}

async function exported() {
  const dl = await download(page, "html");
  const path = join(files, `n-${Date.now()}.html`);
  await dl.saveAs(path);
  return path;
}

test("every payload in five fields: nothing runs, nothing is injected, in the editor and the exported notice", async () => {
  const out = await b.context.newPage();
  watch(out, "exported");
  const outErrors = [];
  out.on("pageerror", (e) => outErrors.push(String(e)));
  let exportBaseline;
  let tried = 0;
  let typedCount = 0;
  for (const [i, payload] of PAYLOADS.entries()) {
    const values = {};
    // A page in the background gets throttled timers: keep the one in use
    // in front.
    await page.bringToFront();
    for (const [group, path] of FIELDS) {
      // Real keystrokes for the first 40 short payloads in the header
      // field; fill (one input event) for the rest.
      const typed = i < TYPED && path === "header/symbol" && payload.length <= 80 && !/[\n\r\t]/.test(payload);
      const t0 = Date.now();
      values[path] = await put(group, path, payload, typed);
      if (process.env.THONGBAO_VERBOSE) console.error(`  ${path} ${typed} ${Date.now() - t0} ms`);
      tried++;
      if (typed) typedCount++;
    }
    shown = null;
    if (process.env.THONGBAO_VERBOSE) console.error(`payload ${i + 1}/${PAYLOADS.length} ${Date.now() % 100000}`);
    // Let the preview follow the last change.
    await page.waitForTimeout(200);
    const c = await counts();
    assert.deepEqual(c, baseline, `payload ${i + 1}: ${JSON.stringify(payload)}`);

    // Export and open the notice from disk.
    const t1 = Date.now();
    const path = await exported();
    await out.bringToFront();
    await out.goto(pathToFileURL(path).href);
    if (process.env.THONGBAO_VERBOSE) console.error(`  export+open ${Date.now() - t1} ms`);
    const o = await out.evaluate(dangerous, null);
    exportBaseline ??= o;
    assert.equal(o.script, 1, `payload ${i + 1}: only the embedded data script`);
    assert.deepEqual(o, exportBaseline, `exported, payload ${i + 1}: ${JSON.stringify(payload)}`);
    const data = await out.evaluate(() => {
      const s = document.querySelector('script#thongbao-data');
      const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return { type: s?.type, json: s?.textContent, csp: csp?.content ?? "" };
    });
    assert.equal(data.type, "application/json");
    assert.match(data.csp, /default-src 'none'/);
    assert.match(data.csp, /script-src 'none'/);
    // The payload reached the export intact: only escaped, and composed as
    // the core composes (the exports leave composed; the form keeps what
    // was typed).
    const n = JSON.parse(data.json);
    const asExported = (path) => vietnameseNfc(values[path]);
    assert.equal(n.header.symbol, asExported("header/symbol"));
    assert.equal(n.recipients.find((r) => r.id === "r1").text, asExported("recipient/r1"));
    assert.equal(n.references.find((r) => r.id === "kh221").subject, asExported("ref/kh221/subject"));
  }
  assert.deepEqual(events.dialogs, [], "no dialog opened");
  assert.deepEqual(events.consoleErrors, [], "no console error");
  assert.deepEqual(b.errors.map(String), [], "no page error in the editor");
  assert.deepEqual(outErrors, [], "no page error in the exported notice");
  console.log(`injection: ${PAYLOADS.length} payloads × ${FIELDS.length} fields = ${tried} tried (${typedCount} typed key by key), ${PAYLOADS.length} exports opened`);
  await out.close();
});
