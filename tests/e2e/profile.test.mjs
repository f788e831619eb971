// The agency profile (issue 17): what every notice of an office shares is
// kept once, edited in one place ("Hồ sơ cơ quan"), and every new notice
// (template, blank) starts from it; the sample and notices already written
// keep their own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, field, gotoGroup, previewText, typeInto, axe } from "./helpers.mjs";

let b, page;

before(async () => {
  b = await launch({ bypassCSP: true });
  page = b.page;
  await openApp(page);
});
after(async () => {
  assert.deepEqual(b.errors.map(String), []);
  await b.close();
});

const PROFILE = {
  "#profile-parent_body": "UBND TỈNH CAO BẰNG",
  "#profile-issuer": "SỞ Y TẾ",
  "#profile-symbol": "TB-SYT",
  "#profile-place": "Cao Bằng",
  "#profile-authority": "KT.",
  "#profile-head": "GIÁM ĐỐC",
  "#profile-position": "PHÓ GIÁM ĐỐC",
  "#profile-name": "Nông Thị Hoa",
  "#profile-recipients": "- UBND tỉnh (b/c);\n- Lưu: VT, NVY.",
};

async function startOver() {
  await page.click("#btn-new-notice");
  const go = page.locator("#confirm-continue");
  if (await go.isVisible().catch(() => false)) await go.click();
  await page.waitForSelector("#start-title");
}

test("a profile saved on the start screen fills in a blank notice", async () => {
  await page.click("#btn-profile");
  await page.locator("#profile-dialog").waitFor();
  assert.deepEqual(await axe(page), []);
  for (const [sel, text] of Object.entries(PROFILE)) await page.fill(sel, text);
  await page.click("#profile-save");
  await page.locator("#profile-dialog").waitFor({ state: "detached" });
  assert.match(await page.locator("#banner").textContent(), /Đã lưu hồ sơ cơ quan/);
  assert.match(await page.locator("#profile-note").textContent(), /SỞ Y TẾ/);

  await page.click("#btn-blank");
  await page.waitForSelector("nav.groups");
  assert.equal(await field(page, "header/issuer").inputValue(), "SỞ Y TẾ");
  const text = await previewText(page, "Nông Thị Hoa");
  for (const s of ["UBND TỈNH CAO BẰNG", "Cao Bằng", "TB-SYT", "PHÓ GIÁM ĐỐC", "Lưu: VT, NVY."]) {
    assert.ok(text.includes(s), `the preview shows ${s}`);
  }
});

test("the profile is kept, edited from a notice's header, and the sample keeps its own", async () => {
  await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
  await page.reload();
  await page.waitForSelector("nav.groups");
  await gotoGroup(page, "header");
  await typeInto(page, "header/place", "Hà Giang");
  await page.click("#btn-profile-editor");
  await page.locator("#profile-dialog").waitFor();
  assert.equal(await page.inputValue("#profile-issuer"), "SỞ Y TẾ");
  assert.equal(await page.inputValue("#profile-place"), "Cao Bằng");
  await page.click("#profile-from-notice");
  assert.equal(await page.inputValue("#profile-place"), "Hà Giang");
  await page.click("#profile-save");
  await page.locator("#profile-dialog").waitFor({ state: "detached" });

  await startOver();
  await page.click("#btn-new");
  await page.waitForSelector("nav.groups");
  await gotoGroup(page, "header");
  assert.equal(await field(page, "header/place").inputValue(), "Hà Giang");

  await startOver();
  await page.click("#btn-sample");
  await page.waitForSelector("nav.groups");
  await gotoGroup(page, "header");
  assert.equal(await field(page, "header/place").inputValue(), "Lạng Sơn");
});
