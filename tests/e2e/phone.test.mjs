// A phone, 390 × 844 CSS px: the toolbar keeps its first actions and puts
// the rest behind "Thêm" (a keyboard-accessible disclosure), so it takes
// under a quarter of the first screen; the preview shows the notice
// reflowed at the screen's width with its text at a readable size, not an
// A4 page shrunk to 8 px. Screenshots go to tests/e2e/artifacts/ (looked at
// by a person: docs/phone-*.png are copies).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openApp, openSample, ROOT, focusedId } from "./helpers.mjs";

const W = 390;
const H = 844;
const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts");
let b, page;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  b = await launch({ width: W, height: H });
  page = b.page;
  await openApp(page);
  await openSample(page);
});
after(async () => {
  assert.deepEqual(b.errors.map(String), [], "no script errors");
  await b.close();
});

test("the toolbar takes under a quarter of the screen; the rest is behind Thêm", async () => {
  const box = await page.locator("header.toolbar").boundingBox();
  await page.screenshot({ path: join(ARTIFACTS, "phone-form.png") });
  assert.ok(box.height < H * 0.25, `toolbar ${box.height}px of ${H}px`);
  assert.ok(await page.locator("#btn-check").isVisible());
  assert.ok(await page.locator("#btn-finalise").isVisible());
  assert.ok(!(await page.locator("#btn-download").isVisible()), "Tải về is behind Thêm");
  // From the keyboard: Enter opens it, Esc closes it and the focus returns.
  const more = page.locator("#btn-more");
  assert.equal(await more.getAttribute("aria-expanded"), "false");
  await more.focus();
  await page.keyboard.press("Enter");
  await page.locator("#btn-download").waitFor({ state: "visible" });
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  await page.screenshot({ path: join(ARTIFACTS, "phone-more.png") });
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "btn-download");
  // "Tải về" within it: Enter shows the three files; Esc closes only it.
  await page.keyboard.press("Enter");
  await page.locator("#btn-html").waitFor({ state: "visible" });
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "btn-json");
  await page.keyboard.press("Escape");
  await page.locator("#btn-html").waitFor({ state: "hidden" });
  assert.equal(await focusedId(page), "btn-download");
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Escape");
  await page.locator("#btn-download").waitFor({ state: "hidden" });
  assert.equal(await focusedId(page), "btn-more");
});

test("the preview is readable: reflowed at the screen's width, body text at least 12 px", async () => {
  await page.click('[role="tab"][aria-controls="preview-pane"]');
  const frame = page.locator("#preview-frame");
  await frame.waitFor({ state: "visible" });
  let size = 0;
  let scale = 0;
  for (let i = 0; i < 50 && !(size && scale); i++) {
    await page.waitForTimeout(100);
    scale = Number(await frame.getAttribute("data-scale"));
    size = await page.evaluate(() => {
      const p = document.getElementById("preview-frame")?.contentDocument?.querySelector(".body p");
      return p ? parseFloat(getComputedStyle(p).fontSize) : 0;
    });
  }
  await page.screenshot({ path: join(ARTIFACTS, "phone-preview.png") });
  // What the eye gets: the font size times the frame's scale.
  assert.ok(size * scale >= 12, `body text ${size}px × ${scale}`);
  // The page fits the screen: no sideways scrolling.
  const wide = await page.evaluate(() => {
    const d = document.getElementById("preview-frame").contentDocument.documentElement;
    return d.scrollWidth - d.clientWidth;
  });
  assert.ok(wide <= 1, `the notice overflows by ${wide}px`);
});
