// Storage trouble (issues 3, 5 and 15): storage full or disabled, and a
// corrupted saved draft. The editor keeps working, says so plainly, reminds
// the officer to download the JSON, loses nothing already saved, and the
// next successful save catches up. Notices live in the library (IndexedDB);
// a draft of the single-draft version (localStorage) moves into it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, field, typeInto, gotoGroup, previewText, openSample, library, lastSaved } from "./helpers.mjs";

const files = mkdtempSync(join(tmpdir(), "thongbao-storage-"));
const draft = lastSaved;

test("storage full: the editor says so, keeps working, loses nothing saved, and catches up once saving works again", async () => {
  const b = await launch();
  const { page } = b;
  try {
    // IndexedDB's put throws QuotaExceededError while __storageFull.
    await page.addInitScript(() => {
      const real = IDBObjectStore.prototype.put;
      window.__storageFull = false;
      IDBObjectStore.prototype.put = function (...a) {
        if (window.__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return real.apply(this, a);
      };
    });
    await openApp(page);
    // One notice saved before the storage fills up.
    await openSample(page);
    await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
    const before = await library(page);
    assert.equal(before.length, 1);
    await page.evaluate(() => (window.__storageFull = true));
    await page.click("#btn-new-notice"); // nothing typed: no question asked
    await page.click("#btn-blank");
    const banner = page.locator('#banner[role="alert"]');
    await banner.waitFor();
    assert.match(await banner.textContent(), /Không lưu được bản nháp vào trình duyệt/);
    assert.match(await banner.textContent(), /“Tải về” rồi “Bản lưu \(\.json\)”/);
    assert.match(await page.textContent("#saved-at"), /Chưa lưu được vào trình duyệt: hãy tải Bản lưu \(\.json\)/);
    // Still working: typing updates the preview; nothing is saved.
    await gotoGroup(page, "header");
    await typeInto(page, "header/number", "55");
    await previewText(page, "55/");
    await page.waitForTimeout(600);
    // Nothing was saved, and nothing already saved was lost.
    assert.deepEqual(
      (await library(page)).map((e) => [e.id, e.subject]),
      before.map((e) => [e.id, e.subject]),
    );
    // Even closing the banner leaves the reminder in the toolbar.
    await page.click("#banner button");
    assert.match(await page.textContent("#saved-at"), /Chưa lưu được/);

    // Storage works again: the retry saves everything typed meanwhile.
    await page.evaluate(() => (window.__storageFull = false));
    await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor({ timeout: 5000 });
    assert.match(await page.textContent("#banner"), /Đã lưu được bản nháp/);
    assert.equal((await draft(page)).header.number, "55");
    assert.equal((await library(page)).length, 2, "the sample and the blank notice");
    assert.equal((await library(page))[1].id, before[0].id);
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});

test("storage disabled (localStorage and IndexedDB throw): the editor starts and works", async () => {
  const b = await launch();
  const { page } = b;
  try {
    await page.addInitScript(() => {
      for (const name of ["localStorage", "indexedDB"]) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException("Access is denied for this document.", "SecurityError");
          },
        });
      }
    });
    await openApp(page);
    await openSample(page);
    await page.locator('#banner[role="alert"]').filter({ hasText: "Không lưu được" }).waitFor();
    await gotoGroup(page, "header");
    await typeInto(page, "header/number", "56");
    await previewText(page, "56/TB-SLĐTBXH");
    // The language toggle (a preference in storage) still works.
    await page.click("#btn-lang");
    await page.locator("#btn-check").filter({ hasText: "Check" }).waitFor();
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});

test("a corrupted saved draft: kept aside, downloadable, the officer is told", async () => {
  const b = await launch();
  const { page } = b;
  const broken = '{"format": "thongbao.notice", "version": 1, "header": {"parent_body": "UBND tỉnh Lạng';
  try {
    await openApp(page);
    await page.evaluate((t) => localStorage.setItem("thongbao.draft", t), broken);
    await page.reload();
    await page.waitForSelector("#btn-new");
    const banner = page.locator('#banner[role="alert"]');
    await banner.waitFor();
    assert.match(await banner.textContent(), /bị hỏng/);
    assert.match(await banner.textContent(), /cắt cụt/); // the importer's own diagnosis
    assert.match(await banner.textContent(), /Tải bản lưu bị hỏng/);
    // Kept aside under another key; the draft key is free for a new draft.
    assert.equal(await page.evaluate(() => localStorage.getItem("thongbao.draft.broken")), broken);
    assert.equal(await page.evaluate(() => localStorage.getItem("thongbao.draft")), null);
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#btn-broken")]);
    const path = join(files, dl.suggestedFilename());
    await dl.saveAs(path);
    assert.equal(readFileSync(path, "utf8"), broken);
    // The officer carries on: a new draft saves, the damaged copy stays.
    await page.click("#btn-sample");
    await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
    assert.equal((await draft(page)).format, "thongbao.notice");
    assert.equal(await page.evaluate(() => localStorage.getItem("thongbao.draft.broken")), broken);
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});

test("a draft of the single-draft version (localStorage) moves into the library, a byte-order mark and spaces around it", async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page);
    await page.click("#btn-sample");
    await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
    const n = await lastSaved(page);
    // What the single-draft version left: a version 1 file, as old drafts are.
    const v1 = JSON.parse(readFileSync(join(import.meta.dirname, "..", "migration", "v1", "chi-lang-2024.json"), "utf8"));
    v1.header.number = "57";
    await page.goto("about:blank");
    await openApp(page);
    await page.evaluate((t) => {
      localStorage.setItem("thongbao.draft", t);
      localStorage.setItem("thongbao.draft.dirty", "1");
    }, "\ufeff\n  " + JSON.stringify(v1) + "\n\n");
    await page.reload();
    await page.waitForSelector("nav.groups");
    assert.match(await page.textContent("#banner"), /Đã mở lại bản nháp/);
    assert.equal(await field(page, "header/number").inputValue(), "57");
    // In the library now, next to the notice saved before; gone from localStorage.
    const all = await library(page);
    assert.equal(all.length, 2);
    assert.equal(all[0].notice.header.number, "57");
    assert.equal(all[0].notice.version, 2, "migrated to version 2");
    assert.equal(all[0].dirty, true);
    assert.equal(all[1].notice.header.number, n.header.number);
    assert.equal(await page.evaluate(() => localStorage.getItem("thongbao.draft")), null);
    assert.equal(await page.evaluate(() => localStorage.getItem("thongbao.draft.dirty")), null);
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});

test("IndexedDB missing (an old or locked-down browser): the single draft opens, stays in localStorage, and the officer is told it cannot be saved", async () => {
  const b = await launch();
  const { page } = b;
  try {
    await page.addInitScript(() => {
      if (localStorage.getItem("thongbao.test.no-indexeddb")) {
        Object.defineProperty(window, "indexedDB", { configurable: true, get: () => undefined });
      }
    });
    await openApp(page);
    const v1 = readFileSync(join(import.meta.dirname, "..", "migration", "v1", "chi-lang-2024.json"), "utf8");
    await page.evaluate((t) => {
      localStorage.setItem("thongbao.draft", t);
      localStorage.setItem("thongbao.test.no-indexeddb", "1");
    }, v1);
    await page.reload();
    await page.waitForSelector("nav.groups");
    assert.match(await page.textContent("#banner"), /Đã mở lại bản nháp/);
    await gotoGroup(page, "header");
    await typeInto(page, "header/number", "58");
    await page.locator('#banner[role="alert"]').filter({ hasText: "Không lưu được bản nháp vào trình duyệt" }).waitFor();
    assert.match(await page.textContent("#saved-at"), /Chưa lưu được/);
    // What was saved is where it was, untouched.
    assert.equal(await page.evaluate(() => localStorage.getItem("thongbao.draft")), v1);
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});
