// <thongbao-editor> on dist/embed-demo.html (from file://): a host page with
// hostile CSS, two editors with their own drafts, an event log
// (window.demoLog) and buttons calling the element's API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { launch, ROOT, APP_URL, downloadButton } from "./helpers.mjs";

const DEMO_URL = pathToFileURL(join(ROOT, "dist", "embed-demo.html")).href;
const ELEMENT_URL = pathToFileURL(join(ROOT, "dist", "thongbao-element.js")).href;
const SAMPLE = JSON.parse(readFileSync(join(ROOT, "data", "chi-lang-2024.json"), "utf8"));
/// The sample, as far as the data file spells it out (the editor writes
/// every field, the file leaves out empty lists and nulls).
function sameNotice(actual) {
  assert.equal(actual.format, "thongbao.notice");
  assert.deepEqual(actual.header, SAMPLE.header);
  assert.deepEqual(actual.opening, SAMPLE.opening);
  for (const list of ["references", "figures", "footnotes", "recipients"]) {
    assert.deepEqual(actual[list].map((x) => x.id), SAMPLE[list].map((x) => x.id), list);
  }
  assert.deepEqual(actual.figures.map((f) => f.value), SAMPLE.figures.map((f) => f.value));
  assert.deepEqual(actual.signature, SAMPLE.signature);
}

/// Opens the demo with console errors recorded; waits for both editors
/// and the iframe.
async function openDemo() {
  const b = await launch();
  b.consoleErrors = [];
  b.page.on("console", (m) => {
    if (m.type() === "error") b.consoleErrors.push(m.text());
  });
  await b.page.goto(DEMO_URL);
  await readyCount(b.page, 3);
  return b;
}

// A cold start of two elements and an iframe (each instance inflated and
// instantiated) took over 20 s once on this 2-core machine under a full
// test run: the wait is generous, the test still fails if one never comes.
const readyCount = (page, n) =>
  page.waitForFunction((n) => window.demoLog.filter((e) => e.type === "thongbao-ready").length >= n, n, {
    timeout: 60000,
  });

/// Events of one type from one source, in order.
const events = (page, source, type) =>
  page.evaluate(([s, t]) => window.demoLog.filter((e) => e.source === s && e.type === t).map((e) => e.detail), [source, type]);

/// A locator inside an editor's shadow root (playwright's CSS pierces open
/// shadow roots); field ids hold `/` and `.`, hence [id=…].
const inEditor = (page, editor, sel) => page.locator(`#${editor} ${sel}`);
const fieldOf = (page, editor, path) => inEditor(page, editor, `[id="f-${path}"]`);

async function typeIn(page, editor, path, text) {
  await fieldOf(page, editor, path).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

/// The text of an editor's preview (the notice in its iframe, in the
/// shadow root), once it contains `expect`.
async function previewOf(page, editor, expect) {
  let text = "";
  for (let i = 0; i < 50; i++) {
    text = await page.evaluate(
      (id) =>
        document.getElementById(id)?.shadowRoot?.getElementById("preview-frame")?.contentDocument?.body?.textContent ?? "",
      editor,
    );
    if (expect === undefined || text.includes(expect)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`${editor}: preview lacks ${JSON.stringify(expect)}`);
}

/// Saved: the toolbar says so (autosave runs 400 ms after a change).
const saved = (page, editor) =>
  page.waitForFunction(
    (id) => /Đã lưu|Saved/.test(document.getElementById(id).shadowRoot.getElementById("saved-at")?.textContent ?? ""),
    editor,
  );

test("both editors render, accept real keystrokes, and fire change events with the notice", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    // Each its own language, its own start screen.
    assert.match(await inEditor(page, "editor-a", "#btn-new").textContent(), /Tạo mới từ mẫu/);
    assert.match(await inEditor(page, "editor-b", "#btn-new").textContent(), /New from the template/);
    const ready = await events(page, "editor-a", "thongbao-ready");
    assert.equal(ready.length, 1);
    assert.equal(ready[0].value.format, "thongbao.notice");
    assert.equal(ready[0].restored, false);

    for (const [ed, place] of [["editor-a", "Cao Bằng"], ["editor-b", "Hà Giang"]]) {
      await inEditor(page, ed, "#btn-new").click();
      await typeIn(page, ed, "header/place", place);
      assert.equal(await fieldOf(page, ed, "header/place").inputValue(), place);
      await previewOf(page, ed, place);
      const changes = await events(page, ed, "thongbao-change");
      assert.ok(changes.length >= place.length, `${ed}: a change per keystroke`);
      const last = changes.at(-1);
      assert.equal(last.format, "thongbao.notice");
      assert.equal(last.header.place, place);
    }
    // Neither heard the other.
    assert.equal((await events(page, "editor-a", "thongbao-change")).at(-1).header.place, "Cao Bằng");
    assert.equal(await page.evaluate(() => document.getElementById("editor-b").value.header.place), "Hà Giang");
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.consoleErrors, []);
  } finally {
    await b.close();
  }
});

/// Computed styles that the host page's CSS would change.
const PROPS = [
  "font-size", "font-family", "font-weight", "font-style", "color", "background-color", "line-height",
  "letter-spacing", "text-transform", "text-align", "display", "box-sizing", "padding-top", "padding-left",
  "border-top-width", "border-top-style", "border-top-color", "border-radius", "margin-top", "visibility",
];
const PROBES = {
  input: '[id="f-header/place"]',
  heading: "h1.app-name",
  groupHeading: ".group-form h2",
  button: "#btn-check",
  label: ".field label",
  nav: "nav.groups a",
};

async function stylesIn(page, rootExpr) {
  return page.evaluate(
    ([rootExpr, probes, props]) => {
      const root = eval(rootExpr);
      const out = {};
      for (const [name, sel] of Object.entries(probes)) {
        const el = root.querySelector(sel);
        if (!el) {
          out[name] = null;
          continue;
        }
        const cs = getComputedStyle(el);
        out[name] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    },
    [rootExpr, PROBES, PROPS],
  );
}

test("the host page's hostile CSS changes nothing inside, and nothing leaks out", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    await inEditor(page, "editor-a", "#btn-new").click();
    await fieldOf(page, "editor-a", "header/place").waitFor();
    const inside = await stylesIn(page, 'document.getElementById("editor-a").shadowRoot');

    const alone = await launch();
    try {
      await alone.page.goto(APP_URL);
      await alone.page.click("#btn-new");
      await alone.page.locator('[id="f-header/place"]').waitFor();
      const standalone = await stylesIn(alone.page, "document");
      for (const name of Object.keys(PROBES)) {
        assert.ok(standalone[name], `standalone page has ${name}`);
        assert.deepEqual(inside[name], standalone[name], `${name} styled as on the standalone page`);
      }
    } finally {
      await alone.close();
    }
    // The input the host hides with `input { display: none !important }` is
    // visible and typeable.
    assert.ok(await fieldOf(page, "editor-a", "header/place").isVisible());

    // Nothing leaks out: the app's class names mean nothing in the host page.
    const leak = await page.evaluate(() => {
      const box = document.createElement("div");
      box.innerHTML = '<header class="toolbar"><button class="primary">x</button></header><div class="workspace"></div>';
      document.body.appendChild(box);
      const r = {
        toolbar: getComputedStyle(box.querySelector(".toolbar")).display,
        workspace: getComputedStyle(box.querySelector(".workspace")).display,
        primary: getComputedStyle(box.querySelector("button.primary")).backgroundColor,
        accent: getComputedStyle(document.documentElement).getPropertyValue("--accent"),
      };
      box.remove();
      return r;
    });
    assert.equal(leak.toolbar, "block");
    assert.equal(leak.workspace, "block");
    assert.equal(leak.primary, "rgb(255, 105, 180)"); // the host's own hotpink
    assert.equal(leak.accent, "");
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test("value set from the host appears in the form and the preview; validate reports findings", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    await page.click("#api-set");
    await fieldOf(page, "editor-a", "header/place").waitFor();
    assert.equal(await fieldOf(page, "editor-a", "header/place").inputValue(), SAMPLE.header.place);
    await previewOf(page, "editor-a", "Chi Lăng");
    // Setting the value is the host's own doing: no change event.
    assert.equal((await events(page, "editor-a", "thongbao-change")).length, 0);
    const value = await page.evaluate(() => document.getElementById("editor-a").value);
    sameNotice(value);
    // Editor B did not change.
    assert.match(await inEditor(page, "editor-b", "#btn-new").textContent(), /New from the template/);

    // An invalid value throws and changes nothing.
    const err = await page.evaluate(() => {
      const ed = document.getElementById("editor-a");
      try {
        ed.value = { format: "thongbao.notice", version: 1, header: 42 };
        return null;
      } catch (e) {
        return { message: e.message, vi: e.messageVi, en: e.messageEn };
      }
    });
    assert.ok(err && err.message && err.vi && err.en, JSON.stringify(err));
    assert.equal(await fieldOf(page, "editor-a", "header/place").inputValue(), SAMPLE.header.place);

    // validate(): returns the findings and fires thongbao-validate; the
    // summary shows in the editor.
    await page.click("#api-validate");
    const [v] = await events(page, "editor-a", "thongbao-validate");
    assert.equal(v.mode, "draft");
    assert.ok(v.errors >= 3, `errors: ${v.errors}`);
    assert.equal(typeof v.warnings, "number");
    const rules = v.findings.map((f) => f.rule);
    for (const r of ["percent.ratio", "symbol.grammar", "ref.date_missing"]) assert.ok(rules.includes(r), r);
    const f = v.findings.find((f) => f.rule === "percent.ratio");
    assert.ok(f.message_vi && f.message_en && f.fields.length && f.severity === "error");
    await inEditor(page, "editor-a", "#error-summary").waitFor();
    const returned = await page.evaluate(() => window.demoLog.find((e) => e.type === "validate() returned").detail);
    assert.deepEqual(returned, { errors: v.errors, warnings: v.warnings });

    // The officer's own "Kiểm tra" fires it too.
    await inEditor(page, "editor-a", "#btn-check").click();
    await page.waitForFunction(() => window.demoLog.filter((e) => e.type === "thongbao-validate").length === 2);

    // "Print" inside the element prints its own preview in pages, each
    // note at the foot of the page that cites it (www/pages.js, inlined in
    // the element's script).
    await page.evaluate(() => {
      const w = document.getElementById("editor-a").shadowRoot.getElementById("preview-frame").contentWindow;
      window.__paged = null;
      w.print = () => {
        const sheets = [...w.document.querySelectorAll(".page > .sheet")];
        window.__paged = { sheets: sheets.length, notes: sheets.map((s) => s.querySelectorAll(".notes .note[id]").length) };
      };
    });
    await inEditor(page, "editor-a", "#btn-print").click();
    const paged = await page.evaluate(() => window.__paged);
    assert.ok(paged && paged.sheets >= 2, JSON.stringify(paged));
    assert.equal(paged.notes.reduce((a, n) => a + n, 0), SAMPLE.footnotes.length, "every note at some page's foot");

    // reset(): back to a blank notice.
    await page.click("#api-reset");
    await page.waitForFunction(() => document.getElementById("editor-a").value.header.place === "");
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test("thongbao-export: downloads unless the host cancels it and takes the content", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    await page.click("#api-set");
    await fieldOf(page, "editor-a", "header/place").waitFor();

    // Not cancelled: the toolbar's button downloads, the event says what.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 5000 }),
      downloadButton(page.locator("#editor-a"), "json").then((b) => b.click()),
    ]);
    const [ev] = await events(page, "editor-a", "thongbao-export");
    assert.equal(ev.format, "json");
    assert.equal(ev.fileName, download.suggestedFilename());
    assert.match(ev.fileName, /^thong-bao-chi-lang(-.*)?\.json$/);
    sameNotice(JSON.parse(ev.content));

    // Cancelled (preventDefault): no download, the host has the file.
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.click("#api-upload");
    await page.waitForFunction(() => window.uploaded.length === 1);
    const up = await page.evaluate(() => window.uploaded[0]);
    assert.equal(up.fileName, ev.fileName);
    sameNotice(JSON.parse(up.content));
    // exportJson() returns the text as well.
    const text = await page.evaluate(() => {
      const ed = document.getElementById("editor-a");
      const stop = (e) => e.preventDefault();
      ed.addEventListener("thongbao-export", stop);
      try {
        return ed.exportJson();
      } finally {
        ed.removeEventListener("thongbao-export", stop);
      }
    });
    sameNotice(JSON.parse(text));
    // HTML: the exported notice, cancelled from the host as well.
    const html = await page.evaluate(() => {
      const ed = document.getElementById("editor-a");
      let detail = null;
      const stop = (e) => {
        e.preventDefault();
        detail = e.detail;
      };
      ed.addEventListener("thongbao-export", stop);
      ed.exportHtml();
      ed.removeEventListener("thongbao-export", stop);
      return detail;
    });
    assert.equal(html.format, "html");
    assert.match(html.fileName, /\.html$/);
    assert.match(html.content, /^<!DOCTYPE html>/i);
    await page.waitForTimeout(1000);
    assert.equal(downloads, 0, "a cancelled export downloads nothing");
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test("two editors with different storage-keys keep separate drafts across a reload", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    for (const [ed, place] of [["editor-a", "Bắc Kạn"], ["editor-b", "Lào Cai"]]) {
      await inEditor(page, ed, "#btn-new").click();
      await typeIn(page, ed, "header/place", place);
      await saved(page, ed);
    }
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.ok(keys.includes("demo-a") && keys.includes("demo-b"), keys.join(","));
    assert.ok(!keys.includes("thongbao.draft"), "the page's own draft key is not used");

    await page.reload();
    await readyCount(page, 3);
    assert.equal(await fieldOf(page, "editor-a", "header/place").inputValue(), "Bắc Kạn");
    assert.equal(await fieldOf(page, "editor-b", "header/place").inputValue(), "Lào Cai");
    const [ready] = await events(page, "editor-a", "thongbao-ready");
    assert.equal(ready.restored, true);
    assert.equal(ready.value.header.place, "Bắc Kạn");

    // No storage-key: no autosave.
    await page.evaluate(() => {
      const ed = document.createElement("thongbao-editor");
      ed.id = "editor-c";
      document.body.appendChild(ed);
    });
    await readyCount(page, 4);
    await inEditor(page, "editor-c", "#btn-new").click();
    await typeIn(page, "editor-c", "header/place", "Tuyên Quang");
    await page.waitForTimeout(900);
    const values = await page.evaluate(() => Object.values(localStorage).join("\n"));
    assert.ok(!values.includes("Tuyên Quang"), "an editor without storage-key saves nothing");
    assert.equal(await inEditor(page, "editor-c", "#saved-at").textContent(), "");
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test("removing an element tears it down without errors; moving it keeps its state", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    await inEditor(page, "editor-b", "#btn-new").click();
    await typeIn(page, "editor-b", "header/place", "Điện Biên");
    await previewOf(page, "editor-b", "Điện Biên");

    // Move B above A (removed and inserted again in the same task).
    await page.click("#api-move");
    assert.equal(await page.evaluate(() => document.getElementById("editors").firstElementChild.id), "editor-b");
    await page.waitForTimeout(300);
    assert.equal(await fieldOf(page, "editor-b", "header/place").inputValue(), "Điện Biên");
    await previewOf(page, "editor-b", "Điện Biên");
    // Still alive: typing still works, events still fire.
    await typeIn(page, "editor-b", "header/place", "Lai Châu");
    await previewOf(page, "editor-b", "Lai Châu");
    assert.equal((await events(page, "editor-b", "thongbao-change")).at(-1).header.place, "Lai Châu");
    assert.equal((await events(page, "editor-b", "thongbao-ready")).length, 1, "not restarted");

    // Remove it: the app is torn down (the shadow root emptied), no errors,
    // and its timers are gone (nothing fires afterwards).
    await typeIn(page, "editor-b", "header/place", "Sơn La");
    await page.evaluate(() => (window.removed = document.getElementById("editor-b")));
    await page.click("#api-remove");
    await page.waitForTimeout(1200);
    const after = await page.evaluate(() => window.demoLog.length);
    const gone = await page.evaluate(() => ({
      inPage: document.getElementById("editor-b") !== null,
      app: window.removed.shadowRoot.querySelector(".tb-root, #thongbao-app") !== null,
      value: window.removed.value,
    }));
    assert.deepEqual(gone, { inPage: false, app: false, value: null });
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.demoLog.length), after);
    // A removed element keeps its node: put back later, it starts again.
    const restarted = await page.evaluate(async () => {
      const ed = document.createElement("thongbao-editor");
      ed.setAttribute("storage-key", "demo-b");
      ed.id = "editor-b2";
      const ready = new Promise((r) => ed.addEventListener("thongbao-ready", (e) => r(e.detail), { once: true }));
      document.body.appendChild(ed);
      const d = await ready;
      ed.remove();
      return d.restored;
    });
    assert.equal(typeof restarted, "boolean");
    await page.waitForTimeout(300);
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.consoleErrors, []);
  } finally {
    await b.close();
  }
});

test("loading the element script twice works; src, lang and readonly attributes", async () => {
  const b = await openDemo();
  const { page } = b;
  try {
    await page.evaluate(
      (src) =>
        new Promise((resolve, reject) => {
          const s = document.createElement("script");
          s.src = src;
          s.onload = resolve;
          s.onerror = reject;
          document.head.appendChild(s);
        }),
      ELEMENT_URL,
    );
    // A data: URL (file:// pages cannot fetch file:// URLs).
    const dataUrl = "data:application/json;charset=utf-8," + encodeURIComponent(JSON.stringify(SAMPLE));
    const detail = await page.evaluate(async (src) => {
      const ed = document.createElement("thongbao-editor");
      ed.id = "editor-src";
      ed.setAttribute("src", src);
      ed.setAttribute("readonly", "");
      ed.setAttribute("lang", "en");
      const ready = new Promise((r) => ed.addEventListener("thongbao-ready", (e) => r(e.detail), { once: true }));
      document.body.appendChild(ed);
      return ready;
    }, dataUrl);
    assert.equal(detail.value.header.place, SAMPLE.header.place);
    // Read-only: the notice shows, its fields are disabled, no finalise.
    const place = fieldOf(page, "editor-src", "header/place");
    await place.waitFor();
    assert.equal(await place.inputValue(), SAMPLE.header.place);
    assert.equal(await place.isDisabled(), true);
    assert.equal(await inEditor(page, "editor-src", "#btn-finalise").count(), 0);
    assert.equal(await inEditor(page, "editor-src", "#btn-check").textContent(), "Check");
    await previewOf(page, "editor-src", "Chi Lăng");
    // Attributes change at run time.
    await page.evaluate(() => {
      const ed = document.getElementById("editor-src");
      ed.removeAttribute("readonly");
      ed.setAttribute("lang", "vi");
    });
    await page.waitForFunction(() => {
      const root = document.getElementById("editor-src").shadowRoot;
      return root.getElementById("btn-check")?.textContent === "Kiểm tra" && root.getElementById("btn-finalise");
    });
    assert.equal(await place.isDisabled(), false);
    assert.equal(await page.evaluate(() => document.querySelectorAll("thongbao-editor").length), 3);
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.consoleErrors, []);
  } finally {
    await b.close();
  }
});
