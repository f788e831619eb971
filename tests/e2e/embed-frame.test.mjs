// The iframe way: dist/thongbao.html inside an <iframe> posts the element's
// events to its parent (postMessage {type, detail}), answers requests
// ({type: 'thongbao-get' | 'thongbao-set' | 'thongbao-validate' |
// 'thongbao-export' | 'thongbao-reset', id} → {type: 'thongbao-reply', id,
// request, ok, detail | error}) and reports its height (thongbao-height).
// On dist/embed-demo.html from file://, then over http://127.0.0.1 (a tiny
// node server) for the origin rules and the element's `src` attribute.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { join, normalize, extname } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, ROOT, downloadButton } from "./helpers.mjs";

const DEMO_URL = pathToFileURL(join(ROOT, "dist", "embed-demo.html")).href;
const SAMPLE = JSON.parse(readFileSync(join(ROOT, "data", "chi-lang-2024.json"), "utf8"));

const log = (page, type) =>
  page.evaluate((t) => window.demoLog.filter((e) => e.source === "iframe" && e.type === t).map((e) => e.detail), type);

/// Sends a request to the frame and waits for its reply.
async function ask(page, type, extra = {}) {
  const id = await page.evaluate(([t, x]) => window.askFrame(t, x), [type, extra]);
  await page.waitForFunction((id) => window.frameReplies[id], id, { timeout: 10000 });
  return page.evaluate((id) => window.frameReplies[id], id);
}

async function openDemo() {
  const b = await launch();
  b.consoleErrors = [];
  b.page.on("console", (m) => {
    if (m.type() === "error") b.consoleErrors.push(m.text());
  });
  await b.page.goto(DEMO_URL);
  await b.page.waitForFunction(() => window.demoLog.some((e) => e.source === "iframe" && e.type === "thongbao-ready"), null, {
    timeout: 20000,
  });
  return b;
}

const frameHeight = (page) => page.evaluate(() => document.getElementById("frame").getBoundingClientRect().height);

test("iframe: ready, auto-height, keystrokes and change events through postMessage", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    const [ready] = await log(page, "thongbao-ready");
    assert.equal(ready.value.format, "thongbao.notice");
    assert.equal(typeof ready.restored, "boolean");
    // Auto-height: the host sized the iframe from the messages.
    await page.waitForFunction(() => window.demoLog.some((e) => e.type === "thongbao-height"));
    let heights = await log(page, "thongbao-height");
    const startHeight = heights.at(-1).height;
    assert.ok(startHeight > 100 && startHeight < 600, `start screen height ${startHeight}`);
    await page.waitForFunction((h) => document.getElementById("frame").style.height === h + "px", startHeight);

    const frame = page.frameLocator("#frame");
    await frame.locator("#btn-new").click();
    const place = frame.locator('[id="f-header/place"]');
    await place.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("Thái Nguyên");
    assert.equal(await place.inputValue(), "Thái Nguyên");
    await page.waitForFunction(() =>
      window.demoLog.some((e) => e.source === "iframe" && e.type === "thongbao-change" && e.detail.header.place === "Thái Nguyên"),
    );
    // The editor is taller than the start screen: the iframe grew to fit,
    // so the framed page does not scroll.
    await page.waitForFunction((h) => window.demoLog.filter((e) => e.type === "thongbao-height").at(-1).detail.height > h, startHeight);
    heights = await log(page, "thongbao-height");
    const h = heights.at(-1).height;
    await page.waitForFunction((h) => document.getElementById("frame").style.height === h + "px", h);
    const inner = page.frames().find((f) => f.url().includes("thongbao.html"));
    const fits = await inner.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
    assert.ok(fits, "the framed page fits its iframe");
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.consoleErrors, []);
  } finally {
    await b.close();
  }
});

test("iframe: set, get, validate, export and reset requests", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    let downloads = 0;
    page.on("download", () => downloads++);
    const set = await ask(page, "thongbao-set", { value: SAMPLE });
    assert.equal(set.ok, true);
    assert.equal(set.request, "thongbao-set");
    const frame = page.frameLocator("#frame");
    const place = frame.locator('[id="f-header/place"]');
    await place.waitFor();
    assert.equal(await place.inputValue(), SAMPLE.header.place);
    const inner = page.frames().find((f) => f.url().includes("thongbao.html"));
    await inner.waitForFunction(() =>
      (document.getElementById("preview-frame")?.contentDocument?.body?.textContent ?? "").includes("Chi Lăng"),
    );
    assert.equal((await log(page, "thongbao-change")).length, 0, "no change event for the host's own set");

    const got = await ask(page, "thongbao-get");
    assert.equal(got.ok, true);
    assert.deepEqual(got.detail.header, SAMPLE.header);
    assert.deepEqual(got.detail.figures.map((f) => f.id), SAMPLE.figures.map((f) => f.id));

    const bad = await ask(page, "thongbao-set", { value: { format: "nope" } });
    assert.equal(bad.ok, false);
    assert.ok(bad.error.message && bad.error.messageVi && bad.error.messageEn, JSON.stringify(bad.error));
    assert.equal(await place.inputValue(), SAMPLE.header.place, "a bad value changes nothing");

    const v = await ask(page, "thongbao-validate");
    assert.equal(v.ok, true);
    assert.equal(v.detail.mode, "draft");
    assert.ok(v.detail.errors >= 3);
    assert.ok(v.detail.findings.some((f) => f.rule === "percent.ratio"));
    const [event] = await log(page, "thongbao-validate");
    assert.deepEqual(event, v.detail);
    await frame.locator("#error-summary").waitFor();

    const exp = await ask(page, "thongbao-export", { format: "json" });
    assert.equal(exp.ok, true);
    assert.equal(exp.detail.format, "json");
    assert.match(exp.detail.fileName, /^thong-bao-chi-lang(-.*)?\.json$/);
    // Every export carries its check report; the notice is the same.
    const { report, ...exported } = JSON.parse(exp.detail.content);
    assert.match(report.fingerprint, /^sha256:[0-9a-f]{64}$/);
    assert.equal(report.mode, "draft");
    assert.deepEqual(exported, got.detail);
    const html = await ask(page, "thongbao-export", { format: "html" });
    assert.match(html.detail.content, /^<!DOCTYPE html>/i);

    // The toolbar's button with #export=host: the portal gets the file,
    // nothing downloads.
    await (await downloadButton(frame, "json")).click();
    await page.waitForFunction(() => window.demoLog.some((e) => e.source === "iframe" && e.type === "thongbao-export"));
    const [fromButton] = await log(page, "thongbao-export");
    assert.equal(fromButton.format, "json");
    const { report: buttonReport, ...fromButtonNotice } = JSON.parse(fromButton.content);
    assert.ok(buttonReport.fingerprint);
    assert.deepEqual(fromButtonNotice, got.detail);

    const reset = await ask(page, "thongbao-reset");
    assert.equal(reset.ok, true);
    await page.waitForFunction(async () => true);
    const after = await ask(page, "thongbao-get");
    assert.equal(after.detail.header.place, "");
    await page.waitForTimeout(500);
    assert.equal(downloads, 0);
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.consoleErrors, []);
  } finally {
    await b.close();
  }
});

/// Serves dist/ and data/ over http on a free port.
async function serve() {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json" };
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/host.html") {
      res.writeHead(200, { "content-type": types[".html"] });
      res.end(hostPage(url.searchParams.get("frame")));
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, "");
    const file = rel.startsWith("data/") ? join(ROOT, rel) : join(ROOT, "dist", rel);
    if (rel.includes("..") || !existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, port: server.address().port };
}

/// A host page on one origin framing the editor from `frame` (maybe
/// another origin), recording what the frame says.
const hostPage = (frame) => `<!doctype html><meta charset="utf-8">
<iframe id="frame" src="${frame}" style="width:100%;height:500px"></iframe>
<thongbao-editor id="ed" src="/data/chi-lang-2024.json"></thongbao-editor>
<script src="/thongbao-element.js"></script>
<script>
  window.got = [];
  window.elementReady = new Promise((r) => document.getElementById("ed").addEventListener("thongbao-ready", (e) => r(e.detail)));
  addEventListener("message", (e) => {
    if (e.source === document.getElementById("frame").contentWindow) window.got.push({ origin: e.origin, data: e.data });
  });
  window.ask = (msg, origin) => document.getElementById("frame").contentWindow.postMessage(msg, origin);
</script>`;

test("over http: the frame's origin rules, and the element's src attribute", async () => {
  const { server, port } = await serve();
  const b = await launch();
  const { page } = b;
  try {
    const parent = `http://127.0.0.1:${port}`;
    const other = `http://localhost:${port}`; // another origin, same server
    // Framed from another origin that names the portal: messages flow.
    await page.goto(`${parent}/host.html?frame=${encodeURIComponent(`${other}/thongbao.html#origin=${parent}`)}`);
    await page.waitForFunction(() => window.got.some((m) => m.data.type === "thongbao-ready"), null, { timeout: 20000 });
    assert.ok((await page.evaluate(() => window.got)).every((m) => m.origin === other));
    await page.evaluate((o) => window.ask({ type: "thongbao-get", id: 1 }, o), other);
    await page.waitForFunction(() => window.got.some((m) => m.data.type === "thongbao-reply" && m.data.id === 1));

    // The element fetched its src over http.
    const ready = await page.evaluate(() => window.elementReady);
    assert.equal(ready.value.header.place, SAMPLE.header.place);
    assert.equal(await page.locator('#ed [id="f-header/place"]').inputValue(), SAMPLE.header.place);

    // Framed from another origin without naming it: the frame posts only
    // to its own origin, so the portal hears nothing, and its requests
    // are not answered.
    await page.goto(`${parent}/host.html?frame=${encodeURIComponent(`${other}/thongbao.html`)}`);
    await page.evaluate(() => window.elementReady);
    await page.waitForTimeout(1500);
    await page.evaluate((o) => window.ask({ type: "thongbao-get", id: 2 }, o), other);
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.got), []);

    // A frame that names some other portal ignores this one's requests.
    await page.goto(
      `${parent}/host.html?frame=${encodeURIComponent(`${other}/thongbao.html#origin=https://portal.example`)}`,
    );
    await page.evaluate(() => window.elementReady);
    await page.waitForTimeout(1000);
    await page.evaluate((o) => window.ask({ type: "thongbao-get", id: 3 }, o), other);
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.got), []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    server.close();
  }
});
