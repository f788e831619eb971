// The officer's workflow: dự thảo → "Hoàn tất" (the copy for signing:
// checked, no "DỰ THẢO", số and ngày may stay blank for the văn thư) →
// "Ban hành" (số and ngày filled), with real clicks and keystrokes on
// dist/thongbao.html opened from disk. The tests run in order on one page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, message, typeInto, gotoGroup, download } from "./helpers.mjs";

let b, page;
const files = mkdtempSync(join(tmpdir(), "thongbao-flow-"));

before(async () => {
  b = await launch();
  page = b.page;
  page.on("dialog", (d) => {
    b.errors.push(`unexpected ${d.type()} dialog: ${d.message()}`);
    d.dismiss();
  });
  await openApp(page);
});
after(async () => {
  assert.deepEqual(b.errors.map(String), [], "no script errors");
  await b.close();
});

/// Through "Tải về", as the officer does (helpers.mjs download).
async function save(format) {
  const dl = await download(page, format);
  const path = join(files, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), text: readFileSync(path, "utf8") };
}

/// The notice inside an exported HTML file.
const data = (html) => {
  const m = html.match(/<script type="application\/json" id="thongbao-data">([\s\S]*?)<\/script>/);
  return JSON.parse(m[1]);
};
const body = (html) => html.split("<body>")[1];

test("from the template, Hoàn tất reports the placeholders, the empty bullets and the template's nơi nhận", async () => {
  await page.click("#btn-new");
  await page.waitForSelector("nav.groups");
  await page.click("#btn-finalise");
  const summary = page.locator("#error-summary");
  await summary.waitFor();
  const text = await summary.textContent();
  assert.match(text, /Chưa thể hoàn tất bản trình ký/);
  assert.match(text, /Còn chỗ trống của mẫu \(“…”\)/);
  assert.match(text, /Câu mở đầu nêu ngày kiểm tra nhưng ngày kiểm tra còn trống/);
  assert.match(text, /Nơi nhận vẫn như trong mẫu/);
  assert.match(text, /Khối chữ ký vẫn như trong mẫu/);
  const empties = await summary.locator("li", { hasText: "Gạch đầu dòng còn trống" }).count();
  assert.equal(empties, 9, "the template's nine empty bullets");
  // Every one is an error in final mode; nothing was finalised.
  assert.equal(await page.locator("#btn-issue").count(), 0);
  const { text: html } = await save("html");
  assert.match(body(html), /DỰ THẢO/);
});

test("the sample, its errors fixed, becomes the copy for signing with số and ngày blank", async () => {
  await page.click("#btn-new-notice");
  const go = page.locator("#confirm-continue");
  if (await go.isVisible().catch(() => false)) await go.click();
  await page.click("#btn-sample");
  await page.waitForSelector("nav.groups");
  // The sample's four errors in final mode, each with its fix.
  for (const path of [
    "fig/edu.grade1_4_pct/value",
    "ref/kh221/symbol",
    "ref/qd548/symbol",
    "fig/fund.total/value",
  ]) {
    await page.click("#btn-finalise");
    await page.locator(`#error-summary a[href="#f-${path}"]`).click();
    await message(page, path).locator("button.fix").click();
  }
  await page.click("#btn-finalise");
  const banner = page.locator("#banner");
  await banner.filter({ hasText: "Đã hoàn tất bản trình ký" }).waitFor();
  assert.match(await banner.textContent(), /văn thư/);
  const { name, text } = await save("html");
  assert.equal(name, "thong-bao-chi-lang.html", "no number, no day: no date in the name");
  assert.doesNotMatch(body(text), /DỰ THẢO/);
  assert.doesNotMatch(body(text), /class="draft/);
  const n = data(text);
  assert.equal(n.status, "signing");
  assert.equal(n.header.number, "");
  assert.equal(n.report.mode, "signing");
  assert.equal(n.report.errors, 0);
});

test("Ban hành needs số and ngày; filled, the notice is issued and named by them", async () => {
  await page.click("#btn-issue");
  const summary = page.locator("#error-summary");
  await summary.waitFor();
  assert.match(await summary.textContent(), /Chưa thể ban hành/);
  await gotoGroup(page, "header");
  await typeInto(page, "header/number", "120");
  await typeInto(page, "header/day", "15");
  await page.click("#btn-issue");
  await page.locator("#banner").filter({ hasText: "Đã ban hành" }).waitFor();
  const { name, text } = await save("html");
  assert.equal(name, "thong-bao-so-120-chi-lang-2024-08-15.html");
  assert.doesNotMatch(body(text), /DỰ THẢO/);
  assert.match(body(text).replace(/<[^>]+>/g, ""), /Số: 120\/TB-SLĐTBXH/);
  const n = data(text);
  assert.equal(n.status, "issued");
  assert.equal(n.report.mode, "issued");
  const json = await save("json");
  assert.equal(json.name, "thong-bao-so-120-chi-lang-2024-08-15.json");
  assert.equal(JSON.parse(json.text).status, "issued");
});
