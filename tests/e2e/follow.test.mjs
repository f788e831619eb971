// Finding one's way (issue 17): the error summary leaves the form in sight,
// a link of the summary shows its field whole (label to message and fix,
// not at the bottom of the screen), a message is as wide as its form, the
// preview follows the field being edited, and the agency's lines break only
// where the officer broke them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, openSample, field, message, gotoGroup, previewText } from "./helpers.mjs";

let b, page;
const HEIGHT = 800;

before(async () => {
  b = await launch({ width: 1280, height: HEIGHT });
  page = b.page;
  await openApp(page);
  await openSample(page);
});
after(async () => {
  assert.deepEqual(b.errors.map(String), []);
  await b.close();
});

/// Whether the preview's element of `path` is inside the preview's view.
const inPreview = (path) =>
  page.evaluate((p) => {
    const f = document.getElementById("preview-frame");
    const el = f.contentDocument.querySelector(`[data-field="${p}"]`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= f.contentWindow.innerHeight;
  }, path);

const box = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, width: r.width };
});

test("the error summary takes at most two fifths of the screen", async () => {
  await page.click("#btn-check");
  const summary = page.locator("#error-summary");
  await summary.waitFor();
  const { top, bottom } = await box(summary);
  assert.ok(bottom - top <= HEIGHT * 0.4, `summary is ${bottom - top} px high`);
  // Its list scrolls; every finding stays reachable.
  const items = await page.locator("#error-summary li").count();
  assert.ok(items >= 7, `${items} findings listed`);
});

test("a summary link shows its field whole, with a wide message, and the preview follows", async () => {
  const path = "fig/edu.grade1_4_pct/value";
  const link = page.locator(`#error-summary a[href="#f-${path}"]`);
  assert.equal(await link.count(), 1);
  assert.equal(await inPreview(path), false, "the preview starts at the top");
  await link.click();
  await page.waitForTimeout(300);
  const input = await box(field(page, path));
  const msg = await box(message(page, path));
  assert.ok(input.top >= 0 && msg.bottom <= HEIGHT, `field ${input.top}–${msg.bottom} px, screen ${HEIGHT}`);
  const form = await box(page.locator("#form-pane"));
  assert.ok(msg.width >= form.width * 0.6, `message ${msg.width} px wide in a form of ${form.width}`);
  assert.equal(await inPreview(path), true, "the preview shows the figure's sentence");
});

test("choosing a group and typing in it brings its text into the preview", async () => {
  await gotoGroup(page, "sec:p1.s4");
  await page.waitForTimeout(300);
  const first = await page.evaluate(() => document.querySelector("#form-pane [id^='f-']").id.slice(2));
  assert.match(first, /p1\.s4/);
  assert.equal(await inPreview(first), true, `${first} in the preview's view`);
  await gotoGroup(page, "header");
  await page.waitForTimeout(300);
  await field(page, "header/issuer").focus();
  await page.waitForTimeout(300);
  assert.equal(await inPreview("header/issuer"), true);
});

test("the issuer breaks where the officer broke it, never inside a line", async () => {
  const lines = await page.evaluate(() => {
    const el = document.getElementById("preview-frame").contentDocument.querySelector(".issuer");
    return { typed: el.innerHTML.split("<br>").length, shown: new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size };
  });
  assert.equal(lines.typed, 2);
  assert.equal(lines.shown, lines.typed);
});

test("the plan is created and filled in where the opening cites it", async () => {
  await page.click("#btn-new-notice");
  const dialog = page.locator("#confirm-dialog");
  if (await dialog.count()) await page.click("#confirm-continue");
  await page.click("#btn-new");
  await page.waitForSelector("nav.groups");
  await gotoGroup(page, "opening");
  await page.click('[id="new-f-opening/plan"]');
  // The focus is on the new plan's number, in the opening itself.
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.match(focused, /^f-ref\/.+\/number$/);
  const id = focused.slice("f-ref/".length, -"/number".length);
  assert.equal(await page.locator('[id="f-opening/plan"]').inputValue(), id);
  await page.keyboard.type("99");
  await field(page, `ref/${id}/symbol`).fill("KH-UBND");
  await field(page, `ref/${id}/date`).fill("20/5/2024");
  const text = await previewText(page, "Kế hoạch số 99/KH-UBND ngày 20/5/2024");
  assert.match(text, /Thực hiện Kế hoạch số 99\/KH-UBND ngày 20\/5\/2024/);
});
