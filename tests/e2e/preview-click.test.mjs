// Clicking a figure or a paragraph in the preview takes the officer to its
// field: the preview is the exported notice, its elements carry data-field.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, previewText, focusedId, openSample } from "./helpers.mjs";

let b, page;
before(async () => {
  b = await launch();
  page = b.page;
  await openApp(page);
  await openSample(page);
  await previewText(page, "72.032 hộ");
});
after(async () => {
  assert.deepEqual(b.errors.map(String), [], "no script errors");
  await b.close();
});

async function clickInPreview(selector) {
  const frame = page.frameLocator("#preview-frame");
  await frame.locator(selector).first().click();
}

async function focusIs(id) {
  for (let i = 0; i < 50; i++) {
    if ((await focusedId(page)) === id) return;
    await page.waitForTimeout(100);
  }
  assert.equal(await focusedId(page), id);
}

test("a figure in the preview leads to its field", async () => {
  await clickInPreview('[data-field="fig/safe_home.households/value"]');
  await focusIs("f-fig/safe_home.households/value");
});

test("a paragraph in the preview leads to its field", async () => {
  await clickInPreview('[data-field="block/p2.s2.b1/text"]');
  await focusIs("f-block/p2.s2.b1/text");
});

test("the signer's name leads to its field", async () => {
  await clickInPreview('[data-field="signature/name"]');
  await focusIs("f-signature/name");
});
