// A crash must not kill the page silently (issue 5), nor more than its own
// editor (issue 16). The release build aborts on panic: the panic hook first
// reports (the page: "thongbao-crash"; an element: its own callback), then
// the wasm traps with a WebAssembly.RuntimeError. www/boot.js catches both
// and shows a message whose button downloads the last saved draft from
// localStorage in plain JavaScript (the wasm is dead by then); each
// <thongbao-editor> runs its own instance and shows its own message.
//
// Real panics come from the test build (scripts/build.sh --test:
// target/dist-test/, feature crash-trigger: `crashForTest(message, trap)`),
// which the release files must not contain (checked below).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, typeInto, gotoGroup, previewText, openSample, ROOT, APP_PATH, APP_URL } from "./helpers.mjs";

const files = mkdtempSync(join(tmpdir(), "thongbao-crash-"));
const TEST_DIST = join(ROOT, "target", "dist-test");
const SAMPLE = JSON.parse(readFileSync(join(ROOT, "data", "chi-lang-2024.json"), "utf8"));

function testBuild(name) {
  const path = join(TEST_DIST, name);
  assert.ok(existsSync(path), `${path} is missing: run scripts/build.sh --test`);
  return path;
}

async function withDraft(number, url = APP_URL) {
  const b = await launch();
  const { page } = b;
  await page.goto(url);
  await page.waitForSelector("#thongbao-app", { timeout: 15000 });
  await openSample(page);
  await gotoGroup(page, "header");
  await typeInto(page, "header/number", number);
  await previewText(page, `${number}/TB-SLĐTBXH`);
  await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
  await page.waitForTimeout(500);
  return b;
}

async function downloadsDraft(page, number) {
  const box = page.locator("#crash");
  await box.waitFor();
  assert.equal(await box.getAttribute("role"), "alertdialog");
  assert.match(await box.textContent(), /Trình soạn thảo gặp lỗi và đã dừng/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "crash-download");
  assert.equal(await page.evaluate(() => document.getElementById("app").inert), true);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#crash-download")]);
  const path = join(files, `${number}-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  assert.match(dl.suggestedFilename(), /^thong-bao-ban-nhap-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(readFileSync(path, "utf8")).header.number, number);
  assert.match(await page.textContent("#crash-status"), /Đã tải bản nháp/);
}

test("a trap in a wasm call (RuntimeError) shows the crash message; its button downloads the saved draft", async () => {
  const b = await withDraft("71");
  try {
    assert.equal(await b.page.locator("#crash").count(), 0);
    await b.page.evaluate(() => {
      // (module (func (export "f") unreachable)): a genuine wasm trap,
      // thrown from a timer like an event handler's would be.
      const bytes = new Uint8Array([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11,
      ]);
      const m = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      setTimeout(() => m.exports.f());
    });
    await downloadsDraft(b.page, "71");
    assert.ok(b.errors.some((e) => /unreachable/.test(String(e))), "the trap itself was uncaught");
  } finally {
    await b.close();
  }
});

test("a trap in a promise (unhandled rejection) shows the crash message too", async () => {
  const b = await withDraft("72");
  try {
    await b.page.evaluate(() => {
      Promise.reject(new WebAssembly.RuntimeError("unreachable executed"));
    });
    await downloadsDraft(b.page, "72");
  } finally {
    await b.close();
  }
});

test("the panic hook's event shows the message with the panic's text", async () => {
  const b = await withDraft("73");
  try {
    await b.page.evaluate(() =>
      window.dispatchEvent(new CustomEvent("thongbao-crash", { detail: "panicked at src/ui/x.rs:1:1: boom" })),
    );
    await b.page.locator("#crash").filter({ hasText: "boom" }).waitFor();
    await downloadsDraft(b.page, "73");
  } finally {
    await b.close();
  }
});

test("an ordinary script error elsewhere does not raise the crash message", async () => {
  const b = await withDraft("74");
  try {
    await b.page.evaluate(() => setTimeout(() => { throw new TypeError("not the editor"); }));
    await b.page.waitForTimeout(300);
    assert.equal(await b.page.locator("#crash").count(), 0);
  } finally {
    await b.close();
  }
});

test("a real panic (test build) shows the page's crash message, the saved draft downloadable", async () => {
  const b = await withDraft("75", pathToFileURL(testBuild("thongbao.html")).href);
  try {
    await b.page.evaluate(() => wasm_bindgen.crashForTest("boom on the page", false));
    await b.page.locator("#crash").filter({ hasText: "boom on the page" }).waitFor();
    await downloadsDraft(b.page, "75");
  } finally {
    await b.close();
  }
});

// <thongbao-editor>: each element its own instance. A host page on file://
// with two editors and an event log.
const hostDir = mkdtempSync(join(tmpdir(), "thongbao-crash-host-"));

/** Opens a host page with `editors` ([{id, key}]) and waits for each to be ready. */
async function openHost(editors, element = testBuild("thongbao-element.js")) {
  const tags = editors
    .map(({ id, key }) => `<thongbao-editor id="${id}"${key ? ` storage-key="${key}"` : ""}></thongbao-editor>`)
    .join("\n");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<style>thongbao-editor { height: 620px; margin: 8px 0; }</style></head><body>
${tags}
<script>
window.log = [];
for (const type of ["thongbao-ready", "thongbao-change", "thongbao-error"]) {
  document.addEventListener(type, (e) => {
    const d = e.detail;
    window.log.push({ type, source: e.target.id, detail: type === "thongbao-change" ? { number: d.header.number } : d });
  });
}
</script>
<script src="${pathToFileURL(element).href}"></script>
</body></html>`;
  const path = join(hostDir, `host-${editors.map((e) => e.id).join("")}-${Date.now()}.html`);
  writeFileSync(path, html);
  const b = await launch({ height: 1400 });
  await b.page.goto(pathToFileURL(path).href);
  for (const { id } of editors) await ready(b.page, id, 1);
  return b;
}

const log = (page, source, type) =>
  page.evaluate(([s, t]) => window.log.filter((e) => e.source === s && e.type === t).map((e) => e.detail), [source, type]);
const ready = (page, id, n) =>
  page.waitForFunction(([id, n]) => window.log.filter((e) => e.source === id && e.type === "thongbao-ready").length >= n, [id, n], {
    timeout: 20000,
  });
const inEditor = (page, id, sel) => page.locator(`#${id} ${sel}`);

/** Opens the sample in editor `id` (from the host) and types `number` as the notice's number. */
async function sampleWithNumber(page, id, number) {
  await page.evaluate(([id, v]) => (document.getElementById(id).value = v), [id, SAMPLE]);
  await inEditor(page, id, '[id="nav-header"]').click();
  await typeNumber(page, id, number);
}

async function typeNumber(page, id, number) {
  await inEditor(page, id, '[id="f-header/number"]').click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(number);
  await previewOf(page, id, `${number}/TB-SLĐTBXH`);
}

async function previewOf(page, id, expect) {
  let text = "";
  for (let i = 0; i < 50; i++) {
    text = await page.evaluate(
      (id) => document.getElementById(id).shadowRoot.getElementById("preview-frame")?.contentDocument?.body?.textContent ?? "",
      id,
    );
    if (text.includes(expect)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${id}: the preview lacks ${expect}`);
}

const saved = (page, id) =>
  page.waitForFunction(
    (id) => /Đã lưu/.test(document.getElementById(id).shadowRoot.getElementById("saved-at")?.textContent ?? ""),
    id,
  );

/** The crash box of editor `id`: in its shadow root, its app inert, the draft downloadable; returns the draft. */
async function crashBoxOf(page, id, detail) {
  const box = inEditor(page, id, ".crash");
  await box.filter({ hasText: detail }).waitFor();
  assert.equal(await box.getAttribute("role"), "alertdialog");
  assert.match(await box.textContent(), /Trình soạn thảo gặp lỗi và đã dừng/);
  assert.match(await box.textContent(), /Lỗi chỉ dừng trình soạn thảo này/);
  const inside = await page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot.querySelector(".tb-root");
    return {
      box: root.lastElementChild.className,
      inert: [...root.children].filter((n) => n.className !== "crash").every((n) => n.inert),
      outside: document.querySelectorAll(".crash, #crash").length,
    };
  }, id);
  assert.deepEqual(inside, { box: "crash", inert: true, outside: 0 });
  const [dl] = await Promise.all([page.waitForEvent("download"), inEditor(page, id, "#crash-download").click()]);
  assert.match(dl.suggestedFilename(), /^thong-bao-ban-nhap-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(files, `${id}-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  assert.match(await inEditor(page, id, "#crash-status").textContent(), /Đã tải bản nháp/);
  return JSON.parse(readFileSync(path, "utf8"));
}

test("a panic in one of two editors stops it alone: its crash box and draft in its shadow root, thongbao-error, the other goes on", async () => {
  const b = await openHost([
    { id: "a", key: "crash-a" },
    { id: "b", key: "crash-b" },
  ]);
  const { page } = b;
  try {
    await sampleWithNumber(page, "a", "81");
    await sampleWithNumber(page, "b", "82");
    await saved(page, "a");
    await saved(page, "b");
    await page.waitForTimeout(500);

    // The officer is typing in B (the focus is there) when A crashes.
    await inEditor(page, "b", '[id="f-header/number"]').click();
    await page.evaluate(() => document.getElementById("a")._wasm.crashForTest("boom in A", false));
    await inEditor(page, "a", ".crash").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), "b", "A's message does not take the focus from B");
    const draft = await crashBoxOf(page, "a", "boom in A");
    assert.equal(draft.header.number, "81", "the draft saved under A's storage-key");

    // The host heard it from A, once; nothing from B; no uncaught error.
    const errors = await log(page, "a", "thongbao-error");
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /boom in A/);
    assert.deepEqual(await log(page, "b", "thongbao-error"), []);
    assert.deepEqual(b.errors.map(String), [], "the trap does not reach the host page");
    // A's API says it stopped; its value is the last notice it reported.
    const api = await page.evaluate(() => {
      const a = document.getElementById("a");
      let thrown = "";
      try {
        a.validate();
      } catch (e) {
        thrown = e.message;
      }
      return { thrown, number: a.value.header.number, ready: a.ready };
    });
    assert.match(api.thrown, /stopped/);
    assert.equal(api.number, "81");
    assert.equal(api.ready, false);

    // B goes on: keystrokes, its preview, its events, its draft.
    await typeNumber(page, "b", "83");
    assert.equal((await log(page, "b", "thongbao-change")).at(-1).number, "83");
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("crash-b")).header.number === "83");
    assert.equal(await inEditor(page, "b", ".crash").count(), 0);
    const drafts = await page.evaluate(() => ["crash-a", "crash-b"].map((k) => JSON.parse(localStorage.getItem(k)).header.number));
    assert.deepEqual(drafts, ["81", "83"], "both drafts intact");
    assert.equal((await page.evaluate(() => document.getElementById("b").validate())).mode, "draft");

    // A reopens from its saved draft, in a new instance.
    await inEditor(page, "a", "#crash-restart").click();
    await ready(page, "a", 2);
    assert.equal(await inEditor(page, "a", '[id="f-header/number"]').inputValue(), "81");
    await typeNumber(page, "a", "84");
    assert.equal(await inEditor(page, "a", ".crash").count(), 0);
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});

test("a trap without a panic stops that editor too; without storage-key the download is the notice in memory", async () => {
  const b = await openHost([{ id: "a" }, { id: "b", key: "crash-b2" }]);
  const { page } = b;
  try {
    await sampleWithNumber(page, "a", "85");
    await sampleWithNumber(page, "b", "86");
    await page.evaluate(() => document.getElementById("a")._wasm.crashForTest("", true));
    const draft = await crashBoxOf(page, "a", "unreachable");
    assert.equal(draft.header.number, "85", "the notice A held");
    const errors = await log(page, "a", "thongbao-error");
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /RuntimeError/);
    await typeNumber(page, "b", "87");
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});

test("the release files have no crash trigger (the test build has)", async () => {
  for (const name of ["thongbao.html", "thongbao-element.js"]) {
    assert.doesNotMatch(readFileSync(join(ROOT, "dist", name), "utf8"), /crashForTest/, `dist/${name}`);
    assert.match(readFileSync(testBuild(name), "utf8"), /crashForTest/, `target/dist-test/${name}`);
  }
  const b = await openHost([{ id: "a" }], join(ROOT, "dist", "thongbao-element.js"));
  try {
    assert.equal(await b.page.evaluate(() => typeof document.getElementById("a")._wasm.crashForTest), "undefined");
    await b.page.goto(pathToFileURL(APP_PATH).href);
    await b.page.waitForSelector("#thongbao-app");
    assert.equal(await b.page.evaluate(() => typeof wasm_bindgen.crashForTest), "undefined");
  } finally {
    await b.close();
  }
});
