// Accessibility: axe-core (npm) in Chromium on the form, the error summary
// and the preview (the exported notice itself): zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, previewText, typeInto, gotoGroup, openSample, axe } from "./helpers.mjs";

let b, page;

// The notice forbids scripts (CSP); bypass it so axe can run in the preview.
before(async () => {
  b = await launch({ bypassCSP: true });
  page = b.page;
  await openApp(page);
});
after(async () => b.close());


test("the start screen has no axe violations", async () => {
  assert.deepEqual(await axe(page), []);
});

test("the start screen switches to English and back, with no axe violations", async () => {
  await page.click("#btn-lang-start");
  await page.locator("#start-title").filter({ hasText: "Write the notice of an inspection" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.equal(await page.locator("#btn-lang-start").getAttribute("lang"), "vi");
  assert.deepEqual(await axe(page), []);
  await page.click("#btn-lang-start");
  await page.locator("#start-title").filter({ hasText: "Soạn thông báo" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "vi");
});

test("the form with inline messages and the summary has no axe violations", async () => {
  await openSample(page);
  await gotoGroup(page, "sec:p1.s1");
  await typeInto(page, "fig/safe_home.recognised/value", "9.999");
  await page.keyboard.press("Tab");
  await page.click("#btn-check");
  await page.waitForSelector("#error-summary");
  assert.deepEqual(await axe(page), []);
});

test("the preview (the exported notice) has no axe violations", async () => {
  await previewText(page, "9.999");
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame, "the preview frame");
  assert.deepEqual(await axe(frame), []);
});

test("the workflow: Hoàn tất blocked on the template, the copy for signing with Ban hành, no axe violations", async () => {
  await page.click("#btn-new-notice");
  const go = page.locator("#confirm-continue");
  if (await go.isVisible().catch(() => false)) await go.click();
  await page.click("#btn-new");
  await page.waitForSelector("nav.groups");
  await page.click("#btn-finalise");
  await page.waitForSelector("#error-summary");
  assert.deepEqual(await axe(page), []);
  // The header group: the agency names are multi-line fields.
  await gotoGroup(page, "header");
  assert.equal(await page.locator('[id="f-header/issuer"]').evaluate((e) => e.tagName), "TEXTAREA");
  assert.deepEqual(await axe(page), []);
  // The opening: the plan and the schedule, chosen and filled in there.
  await gotoGroup(page, "opening");
  await page.locator("fieldset.cited").first().waitFor();
  assert.deepEqual(await axe(page), []);
  // A copy for signing: the "Ban hành" button and the banner.
  await page.click("#btn-new-notice");
  if (await go.isVisible().catch(() => false)) await go.click();
  await openSample(page);
  for (const path of ["fig/edu.grade1_4_pct/value", "ref/kh221/symbol", "ref/qd548/symbol", "fig/fund.total/value"]) {
    await page.click("#btn-finalise");
    await page.locator(`#error-summary a[href="#f-${path}"]`).click();
    await page.locator(`[id="m-${path}"] button.fix`).click();
  }
  await page.click("#btn-finalise");
  await page.waitForSelector("#btn-issue");
  assert.deepEqual(await axe(page), []);
});

test("the body's structure: part and section controls, “Hoàn tác” after a removal, “Tải về”, the footnotes not used yet; the phone's toolbar", async () => {
  await gotoGroup(page, "part:p2");
  await page.waitForSelector('[id="add-sections-p2"]');
  assert.deepEqual(await axe(page), []);
  // Removed at once: the status line with "Hoàn tác".
  await page.click('[id="remove-p2.s1"]');
  await page.waitForSelector("#btn-undo");
  assert.deepEqual(await axe(page), []);
  await page.click("#btn-undo");
  await page.locator('[id="remove-p2.s1"]').waitFor();
  // "Tải về" open on the desktop toolbar.
  await page.click("#btn-download");
  await page.locator("#btn-html").waitFor({ state: "visible" });
  assert.deepEqual(await axe(page), []);
  await page.keyboard.press("Escape");
  await gotoGroup(page, "other");
  await page.click('[id="add-notes"]');
  await page.waitForSelector('[id="remove-fn.new1"]');
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click("#btn-more");
  await page.click("#btn-download");
  await page.locator("#btn-html").waitFor({ state: "visible" });
  assert.deepEqual(await axe(page), []);
});
