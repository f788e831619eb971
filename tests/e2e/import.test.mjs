// Starting from what the officer has (issue 13): the reference notice, as
// text copied out of a PDF, pasted into "Dán văn bản" or opened as a .txt
// file, becomes a structured notice that is checked at once; a text that is
// no notice is refused with a message and nothing changes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, ROOT } from "./helpers.mjs";

const REFERENCE = readFileSync(join(ROOT, "tests", "golden", "notice-chi-lang-2024.txt"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "thongbao-import-"));
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

test("a text that is no notice is refused; the dialog keeps it", async () => {
  await page.click("#btn-paste");
  await page.fill("#paste-text", "Xin chào, đây là thư mời họp.");
  await page.click("#paste-import");
  const problem = page.locator("#paste-problem");
  await problem.waitFor();
  assert.match(await problem.textContent(), /Không nhận ra thông báo/);
  assert.equal(await page.locator("#paste-text").inputValue(), "Xin chào, đây là thư mời họp.");
  await page.click("#paste-cancel");
  await page.locator("#paste-dialog").waitFor({ state: "detached" });
});

test("the reference pasted becomes a structured notice, checked at once", async () => {
  await page.click("#btn-paste");
  await page.fill("#paste-text", REFERENCE);
  await page.click("#paste-import");
  await page.waitForSelector("nav.groups");
  const banner = await page.locator("#banner").textContent();
  assert.match(banner, /Đã đọc văn bản dán vào\. Nhận ra: 3 phần/);
  // Parts and sections became groups of the form.
  assert.ok((await page.locator("nav.groups [id^='nav-sec:']").count()) >= 3);
  // The reference's own mistakes: symbols, found from its citations…
  await page.click("#btn-check");
  const summary = await page.locator("#error-summary").textContent();
  assert.match(summary, /Kh/);
  assert.match(summary, /BLĐT BXH|BLĐT/);
  // …and the 98,9% for 6.005/6.079, stated in the prose.
  assert.match(summary, /98,9%.*98,8%/s);
});

test("the reference as a .txt file through “Mở tệp”", async () => {
  const path = join(dir, "thong-bao-chi-lang.txt");
  writeFileSync(path, REFERENCE);
  await page.click("#btn-new-notice");
  const dialog = page.locator("#confirm-dialog");
  if (await dialog.count()) await page.click("#confirm-continue");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#btn-open")]);
  await chooser.setFiles(path);
  await page.locator("#banner").filter({ hasText: "Đã đọc tệp “thong-bao-chi-lang.txt”" }).waitFor();
  assert.match(await page.locator("#banner").textContent(), /Nhận ra: 3 phần/);
});
