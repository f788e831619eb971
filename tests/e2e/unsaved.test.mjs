// Unsaved changes (issue 3): "Tạo mới" and "Mở tệp" with changes not
// downloaded ask first, in an in-page modal dialog (never window.confirm):
// "Tải bản nháp hiện tại về trước" / "Bỏ qua và tiếp tục" / "Hủy".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, field, typeInto, gotoGroup, focusedId, previewText, openSample } from "./helpers.mjs";

let b, page;
const dialogs = [];
const files = mkdtempSync(join(tmpdir(), "thongbao-unsaved-"));
const NUMBER = "header/number";

before(async () => {
  b = await launch();
  page = b.page;
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await openApp(page);
  await openSample(page);
});
after(async () => {
  assert.deepEqual(dialogs, [], "no window.confirm/alert");
  assert.deepEqual(b.errors.map(String), []);
  await b.close();
});

const dialog = () => page.locator("#confirm-dialog");

async function edit(value) {
  await gotoGroup(page, "header");
  await typeInto(page, NUMBER, value);
  await previewText(page, `${value}/TB-SLĐTBXH`);
}

test("with nothing changed, Tạo mới goes straight to the start screen and back", async () => {
  await page.click("#btn-new-notice");
  await page.waitForSelector("#btn-resume");
  assert.equal(await dialog().count(), 0);
  await page.click("#btn-resume");
  await page.waitForSelector("nav.groups");
});

test("Tạo mới with unsaved changes asks in a modal dialog; Hủy and Esc change nothing", async () => {
  await edit("41");
  await page.click("#btn-new-notice");
  await dialog().waitFor();
  assert.equal(await dialog().evaluate((d) => d.open && d.matches(":modal")), true);
  assert.equal(await dialog().getAttribute("aria-labelledby"), "confirm-title");
  assert.match(await dialog().textContent(), /chưa tải về máy/);
  // The focus is in the dialog.
  assert.equal(await focusedId(page), "confirm-download");
  for (const label of ["Tải bản nháp hiện tại về trước", "Bỏ qua và tiếp tục", "Hủy"]) {
    assert.equal(await dialog().getByRole("button", { name: label, exact: true }).count(), 1, label);
  }
  await page.click("#confirm-cancel");
  await dialog().waitFor({ state: "detached" });
  assert.equal(await field(page, NUMBER).inputValue(), "41");
  await page.click("#btn-new-notice");
  await dialog().waitFor();
  await page.keyboard.press("Escape");
  await dialog().waitFor({ state: "detached" });
  assert.equal(await field(page, NUMBER).inputValue(), "41");
  await previewText(page, "41/TB-SLĐTBXH");
});

test("“Tải bản nháp hiện tại về trước” downloads the draft, then starts anew", async () => {
  await page.click("#btn-new-notice");
  await dialog().waitFor();
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#confirm-download")]);
  const path = join(files, dl.suggestedFilename());
  await dl.saveAs(path);
  assert.match(dl.suggestedFilename(), /\.json$/);
  assert.equal(JSON.parse(readFileSync(path, "utf8")).header.number, "41");
  await page.waitForSelector("#btn-new");
  assert.equal(await dialog().count(), 0);
  // Back to the draft: nothing lost; downloaded, so Tạo mới does not ask.
  await page.click("#btn-resume");
  await page.waitForSelector("nav.groups");
  await gotoGroup(page, "header");
  assert.equal(await field(page, NUMBER).inputValue(), "41");
  await page.click("#btn-new-notice");
  await page.waitForSelector("#btn-new");
  assert.equal(await dialog().count(), 0);
  await page.click("#btn-new");
  await page.waitForSelector("nav.groups");
  assert.equal(await field(page, NUMBER).inputValue(), "");
});

test("Mở tệp with unsaved changes asks; “Bỏ qua và tiếp tục” opens the picker", async () => {
  await page.click("#btn-new-notice");
  await openSample(page);
  await edit("42");
  let chose = 0;
  const onChooser = () => chose++;
  page.on("filechooser", onChooser);
  await page.click("#btn-open");
  await dialog().waitFor();
  await page.click("#confirm-cancel");
  await dialog().waitFor({ state: "detached" });
  await page.waitForTimeout(300);
  assert.equal(chose, 0, "Hủy: no file picker");
  page.off("filechooser", onChooser);

  await page.click("#btn-open");
  await dialog().waitFor();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#confirm-continue")]);
  await chooser.setFiles(join(files, (await import("node:fs")).readdirSync(files).find((f) => f.endsWith(".json"))));
  await page.locator("#banner").filter({ hasText: "Đã mở tệp" }).waitFor();
  await gotoGroup(page, "header");
  assert.equal(await field(page, NUMBER).inputValue(), "41");
});
