// A notice on another topic, from the officer's own text to the copy for
// signing: vocational training for rural workers in Bắc Giang (not the
// sample's child protection, not its agency, no figure set of the app's):
// pasted, checked (two sentences whose parts exceed their totals, stated
// in words only), fixed by typing in those sentences, finished, and
// downloaded as HTML and DOCX — the DOCX read back by LibreOffice.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openApp, ROOT, download } from "./helpers.mjs";

const TEXT = readFileSync(join(ROOT, "tests", "fixtures", "notice-vocational-training.txt"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "thongbao-topic-"));
let b, page;

before(async () => {
  b = await launch();
  page = b.page;
  await openApp(page);
});
after(async () => {
  assert.deepEqual(b.errors.map(String), []);
  await b.close();
});

/// Replaces `from` by `to` in the focused textarea, typed as the officer
/// types (select the number, type over it).
async function retype(from, to) {
  const area = page.locator("textarea:focus");
  await area.evaluate((el, from) => {
    const i = el.value.indexOf(from);
    if (i < 0) throw new Error(`no ${from} in ${el.value}`);
    el.setSelectionRange(i, i + from.length);
  }, from);
  await page.keyboard.type(to);
  await page.keyboard.press("Tab");
}

test("pasted, the notice on vocational training becomes the form and its preview", async () => {
  await page.click("#btn-paste");
  await page.fill("#paste-text", TEXT);
  await page.click("#paste-import");
  await page.waitForSelector("nav.groups");
  assert.match(await page.locator("#banner").textContent(), /Nhận ra: 3 phần, 5 mục/);
  const preview = page.frameLocator("#preview-frame");
  await preview.locator("text=SỞ LAO ĐỘNG - THƯƠNG BINH").first().waitFor();
  const body = await preview.locator("body").textContent();
  assert.match(body, /Số: 215\/TB-SLĐTBXH/);
  assert.match(body, /Bắc Giang, ngày 18 tháng 10 năm 2025/);
  assert.match(body, /đào tạo nghề cho lao động nông thôn/);
});

test("the check finds the parts stated in words that exceed their totals, and nothing else", async () => {
  await page.click("#btn-check");
  const summary = page.locator("#error-summary");
  await summary.waitFor();
  const text = await summary.textContent();
  assert.match(text, /1\.120 học viên \+ 350 học viên = 1\.470 học viên.*lớn hơn tổng số 1\.450 học viên/s);
  assert.match(text, /2,4 tỷ đồng \+ 1,5 tỷ đồng.*lớn hơn tổng số 3,6 tỷ đồng/s);
  assert.equal(await summary.locator("li").count(), 2, text);
});

test("typing the right numbers into those sentences clears the findings", async () => {
  await page.locator("#error-summary a").filter({ hasText: "1.470" }).click();
  await retype("350", "330");
  await page.locator("#error-summary a").filter({ hasText: "3,6 tỷ" }).click();
  await retype("1,5", "1,2");
  await page.click("#btn-check");
  await page.waitForFunction(() => !/1\.470|1,5 tỷ/.test(document.getElementById("error-summary")?.textContent ?? ""));
  const preview = await page.frameLocator("#preview-frame").locator("body").textContent();
  assert.match(preview, /1\.120 học viên học nghề nông nghiệp và 330 học viên/);
  assert.match(preview, /ngân sách huyện 1,2 tỷ đồng/);
});

test("“Hoàn tất” makes the copy for signing; its HTML and DOCX say what the officer wrote, named from the notice", async () => {
  await page.click("#btn-finalise");
  await page.locator("#banner").filter({ hasText: "Đã hoàn tất bản trình ký" }).waitFor();
  const saved = {};
  for (const ext of ["html", "docx"]) {
    const dl = await download(page, ext);
    const name = dl.suggestedFilename();
    assert.match(name, new RegExp(`^thong-bao-so-215-.*2025-10-18\\.${ext}$`), name);
    saved[ext] = join(dir, name);
    await dl.saveAs(saved[ext]);
  }
  const p = await b.context.newPage();
  await p.goto(pathToFileURL(saved.html).href);
  const html = await p.locator(".page").innerText();
  await p.close();
  execFileSync("soffice", [
    `-env:UserInstallation=file://${dir}/profile`, "--headless", "--norestore",
    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, saved.docx,
  ], { stdio: "ignore", timeout: 120000 });
  const docx = readFileSync(saved.docx.replace(/\.docx$/, ".txt"), "utf8");
  for (const [what, text] of [["HTML", html], ["DOCX", docx]]) {
    const flat = text.replace(/\s+/g, " ");
    assert.match(flat, /trong đó 1\.120 học viên học nghề nông nghiệp và 330 học viên/, what);
    assert.match(flat, /ngân sách tỉnh 2,4 tỷ đồng, ngân sách huyện 1,2 tỷ đồng/, what);
    assert.match(flat, /KT\. GIÁM ĐỐC/i, what);
    assert.match(flat, /Nguyễn Văn An/, what);
    assert.doesNotMatch(flat, /DỰ THẢO/, `${what}: the copy for signing carries no draft mark`);
  }
});
