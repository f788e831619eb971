// Storage trouble (issues 3 and 5): storage full or disabled, and a
// corrupted saved draft. The editor keeps working, says so plainly, reminds
// the officer to download the JSON, and the next successful save catches up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, field, typeInto, gotoGroup, previewText, openSample } from "./helpers.mjs";

const files = mkdtempSync(join(tmpdir(), "thongbao-storage-"));
const draft = (page) =>
  page.evaluate(() => {
    const t = localStorage.getItem("thongbao.draft");
    return t && JSON.parse(t);
  });

test("storage full: the editor says so, keeps working, and catches up once saving works again", async () => {
  const b = await launch();
  const { page } = b;
  try {
    await page.addInitScript(() => {
      const real = Storage.prototype.setItem;
      window.__storageFull = true;
      Storage.prototype.setItem = function (k, v) {
        if (window.__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return real.call(this, k, v);
      };
    });
    await openApp(page);
    await openSample(page);
    const banner = page.locator('#banner[role="alert"]');
    await banner.waitFor();
    assert.match(await banner.textContent(), /Không lưu được bản nháp vào trình duyệt/);
    assert.match(await banner.textContent(), /Tải JSON/);
    assert.match(await page.textContent("#saved-at"), /Chưa lưu được vào trình duyệt: hãy Tải JSON/);
    // Still working: typing updates the preview; nothing is saved.
    await gotoGroup(page, "header");
    await typeInto(page, "header/number", "55");
    await previewText(page, "55/TB-SLĐTBXH");
    await page.waitForTimeout(600);
    assert.equal(await draft(page), null);
    // Even closing the banner leaves the reminder in the toolbar.
    await page.click("#banner button");
    assert.match(await page.textContent("#saved-at"), /Chưa lưu được/);

    // Storage works again: the retry saves everything typed meanwhile.
    await page.evaluate(() => (window.__storageFull = false));
    await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor({ timeout: 5000 });
    assert.match(await page.textContent("#banner"), /Đã lưu được bản nháp/);
    assert.equal((await draft(page)).header.number, "55");
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});

test("storage disabled (localStorage throws): the editor starts and works", async () => {
  const b = await launch();
  const { page } = b;
  try {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("Access is denied for this document.", "SecurityError");
        },
      });
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

test("a saved draft that still imports is recovered (a byte-order mark and spaces around it)", async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page);
    await page.click("#btn-sample");
    await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
    await page.evaluate(() => {
      const t = localStorage.getItem("thongbao.draft");
      const n = JSON.parse(t);
      n.header.number = "57";
      localStorage.setItem("thongbao.draft", "\ufeff\n  " + JSON.stringify(n) + "\n\n");
    });
    await page.reload();
    await page.waitForSelector("nav.groups");
    assert.match(await page.textContent("#banner"), /Đã mở lại bản nháp/);
    assert.equal(await field(page, "header/number").inputValue(), "57");
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});
