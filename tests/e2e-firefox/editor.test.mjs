// The core flows in Firefox: dist/thongbao.html from file://, the template
// and the sample, real keystrokes, "Kiểm tra" and a fix, "Tải về" → "Bản
// lưu (.json)" and "Trang in (.html)", both files opened again. The tests
// run in order on one browser, as tests/e2e/editor.test.mjs does in
// Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  launch, openApp, field, fieldSel, value, typeInto, previewText, focusedId, download, downloadButton, errors,
  recordErrors, waitFor, By, Key,
} from "./helpers.mjs";

let b, d;
const RECOGNISED = "fig/safe_home.recognised/value";
const PCT = "fig/edu.grade1_4_pct/value";
const files = mkdtempSync(join(tmpdir(), "thongbao-ff-files-"));
let exportedJson, exportedHtml;

const click = async (sel) => (await d.findElement(By.css(sel))).click();
const gotoGroup = (id) => click(`[id="nav-${id}"]`);
const text = async (sel) => (await d.findElement(By.css(sel))).getText();

before(async () => {
  b = await launch();
  d = b.driver;
  await openApp(d);
});
after(async () => {
  if (d) assert.deepEqual(await errors(d), [], "no script errors");
  await b?.close();
});

test("dist/thongbao.html starts from file:// with the template and the sample offered", async () => {
  assert.match(await text("#thongbao-app"), /Mở mẫu Chi Lăng 2024/);
  assert.match(await text("#btn-new"), /Tạo mới từ mẫu/);
});

test("the template: real keystrokes in Vietnamese reach the field and the preview", async () => {
  await click("#btn-new");
  await waitFor(d, (sel) => document.querySelector(sel), [fieldSel("header/place")], "the form");
  const place = await field(d, "header/place");
  await typeInto(d, place, "Lạng Sơn");
  assert.equal(await value(place), "Lạng Sơn");
  await previewText(d, "Lạng Sơn");
  // Back to the start screen: no notice kept, a fresh page (the library's
  // database is deleted once this page's connection closes).
  await d.executeScript("localStorage.clear(); indexedDB.deleteDatabase('thongbao')");
  await openApp(d);
});

test("the sample: a broken chain shows its message once the field is left", async () => {
  await click("#btn-sample");
  await waitFor(d, () => document.querySelector("nav.groups"), [], "the editor");
  await previewText(d, "Chi Lăng");
  await gotoGroup("sec:p1.s1");
  const input = await field(d, RECOGNISED);
  assert.equal(await value(input), "8.314");
  await typeInto(d, input, "9.999");
  assert.equal(await value(input), "9.999", "typed text stays as typed");
  await input.sendKeys(Key.TAB);
  const msg = await waitFor(
    d,
    (id) => document.getElementById(id)?.textContent,
    [`m-${RECOGNISED}`],
    "the inline message",
  );
  assert.match(msg, /Ngôi nhà an toàn/);
  assert.match(msg, /9\.999/);
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  await previewText(d, "9.999");
});

test("Kiểm tra lists the findings; a link focuses the field; a fix applies", async () => {
  await gotoGroup("header");
  await click("#btn-check");
  await waitFor(d, () => document.getElementById("error-summary"), [], "the summary");
  assert.equal(await focusedId(d), "error-summary");
  assert.match(await d.getTitle(), /^Lỗi: /);
  await click(`#error-summary a[href="#f-${RECOGNISED}"]`);
  await waitFor(d, (id) => document.activeElement?.id === id, [`f-${RECOGNISED}`], "focus on the field");
  await click(`#error-summary a[href="#f-${PCT}"]`);
  const pct = await field(d, PCT);
  assert.equal(await value(pct), "98,9");
  const fix = await d.findElement(By.css(`[id="m-${PCT}"] button.fix`));
  assert.match(await fix.getText(), /98,8/);
  await fix.click();
  await waitFor(d, (sel) => document.querySelector(sel).value === "98,8", [fieldSel(PCT)], "the fix");
  await previewText(d, "98,8%");
});

test("typing a number and decomposed Vietnamese (Unikey's 'Unicode tổ hợp')", async () => {
  await gotoGroup("header");
  await typeInto(d, await field(d, "header/number"), "97");
  await previewText(d, "97/TB-SLĐTBXH");
  const decomposed = "La\u0323ng So\u031Bn";
  await typeInto(d, await field(d, "header/place"), decomposed);
  assert.equal((await value(await field(d, "header/place"))).normalize("NFC"), "Lạng Sơn");
  await previewText(d, "Lạng Sơn");
});

test("Tải về → Bản lưu (.json) downloads the notice as JSON, in NFC", async () => {
  const { name, path, text: json } = await download(b, await downloadButton(d, "json"), /\.json$/);
  assert.match(name, /^thong-bao-(so-97-)?chi-lang(-\d{4}-\d{2}-\d{2})?\.json$/);
  const n = JSON.parse(json);
  assert.equal(n.format, "thongbao.notice");
  assert.equal(n.header.number, "97");
  assert.equal(n.header.place, "Lạng Sơn");
  assert.equal(json, json.normalize("NFC"));
  assert.equal(n.figures.find((f) => f.id === "safe_home.recognised").value, "9.999");
  assert.equal(n.figures.find((f) => f.id === "edu.grade1_4_pct").value, "98,8");
  exportedJson = path;
});

test("Tải về → Trang in (.html) downloads the notice with its data inside", async () => {
  const { name, path, text: html } = await download(b, await downloadButton(d, "html"), /\.html$/);
  assert.match(name, /^thong-bao-(so-97-)?chi-lang(-\d{4}-\d{2}-\d{2})?\.html$/);
  assert.match(html, /<!DOCTYPE html>/i);
  assert.match(html, /id="thongbao-data"/);
  assert.match(html, /97\/TB-SLĐTBXH/);
  assert.match(html, /98,8%/);
  assert.equal(html, html.normalize("NFC"));
  exportedHtml = path;
});

/// Opens a file as "Mở tệp" does, through the page's file input (a
/// person picks it in the dialog the button opens; WebDriver hands the
/// input the path).
async function openFile(path) {
  const input = await d.findElement(By.id("file-input"));
  await input.sendKeys(path);
}

test("the exported HTML and JSON open again", async () => {
  await gotoGroup("header");
  await typeInto(d, await field(d, "header/number"), "123");
  await previewText(d, "123/TB-SLĐTBXH");
  await openFile(exportedHtml);
  await waitFor(d, () => /Đã mở tệp/.test(document.getElementById("banner")?.textContent ?? ""), [], "the banner");
  await gotoGroup("header");
  assert.equal(await value(await field(d, "header/number")), "97");
  await previewText(d, "97/TB-SLĐTBXH");

  await typeInto(d, await field(d, "header/number"), "124");
  await previewText(d, "124/TB-SLĐTBXH");
  await openFile(exportedJson);
  await waitFor(d, (n) => document.querySelector(n)?.value === "97", [fieldSel("header/number")], "the JSON's number");
  await previewText(d, "97/TB-SLĐTBXH");
});

test("a malformed file is refused with its message and the draft stays", async () => {
  const bad = join(files, "hong.json");
  writeFileSync(bad, '{"format": "thongbao.notice", "version": 1, "header": {');
  await openFile(bad);
  const banner = await waitFor(
    d,
    () => document.querySelector('#banner[role="alert"]')?.textContent,
    [],
    "the error banner",
  );
  assert.match(banner, /Không mở được tệp “hong\.json”/);
  assert.match(banner, /vẫn giữ nguyên/);
  await previewText(d, "97/TB-SLĐTBXH");
});

test("a reload restores the draft", async () => {
  await waitFor(d, () => /Đã lưu lúc/.test(document.getElementById("saved-at")?.textContent ?? ""), [], "the save");
  await d.sleep(600); // past the autosave delay
  await d.navigate().refresh();
  await waitFor(d, () => document.querySelector("nav.groups"), [], "the editor");
  await recordErrors(d);
  await gotoGroup("header");
  assert.equal(await value(await field(d, "header/number")), "97");
});

test("“In / Lưu PDF” in Firefox: the preview printed in pages, each note at the foot of the page that cites it", async () => {
  const pages = await d.executeScript(`
    const w = document.getElementById("preview-frame").contentWindow;
    let seen = null;
    w.print = () => {
      const known = new Set();
      seen = [...w.document.querySelectorAll(".page > .sheet")].map((s) => {
        const [main, , foot] = s.children;
        const cited = [...main.querySelectorAll('sup a[href^="#fn-"]')].map((a) => a.getAttribute("href").slice(4));
        const first = [...new Set(cited.filter((n) => !known.has(n)))];
        first.forEach((n) => known.add(n));
        return { first, begun: [...foot.querySelectorAll(".note[id]")].map((n) => n.id.slice(3)) };
      });
    };
    document.getElementById("btn-print").click();
    return { seen, after: w.document.querySelectorAll(".sheet").length };`);
  assert.ok(pages.seen && pages.seen.length >= 2, `${pages.seen?.length} pages`);
  assert.ok(pages.seen.some((s) => s.begun.length > 0), "notes at some page's foot");
  for (const [i, s] of pages.seen.entries()) assert.deepEqual(s.begun, s.first, `page ${i + 1}`);
  assert.equal(pages.after, 0, "the preview is put back after printing");
});
