// The officer's path through the editor, with real keystrokes and clicks,
// on dist/thongbao.html opened from disk. The tests run in order on one page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, field, message, typeInto, previewText, focusedId, gotoGroup, openSample, download } from "./helpers.mjs";

let b, page;
const files = mkdtempSync(join(tmpdir(), "thongbao-files-"));
const RECOGNISED = "fig/safe_home.recognised/value";
const PCT = "fig/edu.grade1_4_pct/value";
let exportedHtml;

before(async () => {
  b = await launch();
  page = b.page;
  // No window.alert/confirm anywhere: questions are asked in the page.
  page.on("dialog", (d) => {
    b.errors.push(`unexpected ${d.type()} dialog: ${d.message()}`);
    d.dismiss();
  });
  await openApp(page);
});
after(async () => {
  assert.deepEqual(b.errors.map(String), [], "no script errors");
  await b.close();
});

test("the start screen offers the template and the sample", async () => {
  assert.ok(await page.isVisible("#btn-new"));
  await openSample(page);
  await previewText(page, "Chi Lăng");
});

test("breaking the safe-home chain shows the message inline, after the field is left", async () => {
  await gotoGroup(page, "sec:p1.s1");
  const input = field(page, RECOGNISED);
  assert.equal(await input.inputValue(), "8.314");
  await typeInto(page, RECOGNISED, "9.999");
  // Typed text stays as typed.
  assert.equal(await input.inputValue(), "9.999");
  // No message before the field was left…
  assert.equal(await message(page, RECOGNISED).count(), 0);
  await page.keyboard.press("Tab");
  // …then inline, linked to the field.
  const msg = message(page, RECOGNISED);
  await msg.waitFor();
  assert.match(await msg.textContent(), /Ngôi nhà an toàn/);
  assert.match(await msg.textContent(), /9\.999/);
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.match(await input.getAttribute("aria-describedby"), new RegExp(`m-${RECOGNISED}`.replace(/[./]/g, "\\$&")));
  await previewText(page, "9.999");
});

test("Kiểm tra shows the summary; its link opens the group and focuses the field", async () => {
  await gotoGroup(page, "header");
  await page.click("#btn-check");
  const summary = page.locator("#error-summary");
  await summary.waitFor();
  assert.equal(await focusedId(page), "error-summary");
  assert.match(await page.title(), /^Lỗi: /);
  const link = summary.locator(`a[href="#f-${RECOGNISED}"]`);
  assert.match(await link.textContent(), /Ngôi nhà an toàn/);
  await link.click();
  await field(page, RECOGNISED).waitFor();
  assert.equal(await focusedId(page), `f-${RECOGNISED}`);
});

test("a suggested fix applies with one click and the preview follows", async () => {
  await page.locator(`#error-summary a[href="#f-${PCT}"]`).click();
  assert.equal(await focusedId(page), `f-${PCT}`);
  assert.equal(await field(page, PCT).inputValue(), "98,9");
  const fix = message(page, PCT).locator("button.fix");
  assert.match(await fix.textContent(), /98,8/);
  await fix.click();
  assert.equal(await field(page, PCT).inputValue(), "98,8");
  await previewText(page, "98,8%");
});

test("typing updates the preview", async () => {
  await gotoGroup(page, "header");
  await typeInto(page, "header/number", "97");
  await previewText(page, "97/TB-SLĐTBXH");
});

test("recipients: add, reorder and remove, with buttons and the keyboard", async () => {
  await gotoGroup(page, "recipients");
  const items = page.locator("ol.recipients > li");
  assert.equal(await items.count(), 5);
  await page.click("#add-recipients");
  assert.equal(await items.count(), 6);
  // The focus moves into the new line.
  const id = (await focusedId(page)).replace(/^f-recipient\//, "");
  assert.ok(id, "focus in the new recipient");
  await page.keyboard.type("Sở Y tế tỉnh Lạng Sơn");
  await previewText(page, "Sở Y tế tỉnh Lạng Sơn");
  // Move it up with the keyboard: focus the button, press Enter.
  await page.focus(`[id="up-${id}"]`);
  await page.keyboard.press("Enter");
  const texts = async () => items.locator("input").evaluateAll((els) => els.map((e) => e.value));
  assert.equal((await texts())[4], "Sở Y tế tỉnh Lạng Sơn");
  assert.equal(await focusedId(page), `up-${id}`, "focus stays on the moved item");
  await page.keyboard.press("Space");
  assert.equal((await texts())[3], "Sở Y tế tỉnh Lạng Sơn");
  // And down again with a click.
  await page.click(`[id="down-${id}"]`);
  assert.equal((await texts())[4], "Sở Y tế tỉnh Lạng Sơn");
  await page.click(`[id="remove-${id}"]`);
  assert.equal(await items.count(), 5);
  assert.ok(!(await texts()).includes("Sở Y tế tỉnh Lạng Sơn"));
  await previewText(page, "Sở Y tế tỉnh Lạng Sơn", { absent: true });
});

test("paragraphs: add after, type, remove", async () => {
  await gotoGroup(page, "sec:p1.s2");
  const items = page.locator('section[aria-labelledby="sh-p1.s2"] ol.blocks > li');
  const before = await items.count();
  await page.click('[id="add-after-p1.s2.b1"]');
  assert.equal(await items.count(), before + 1);
  await page.keyboard.type("Đoạn mới do cán bộ thêm.");
  await previewText(page, "Đoạn mới do cán bộ thêm.");
  const newId = (await focusedId(page)).replace(/^f-block\//, "").replace(/\/text$/, "");
  await page.click(`[id="remove-${newId}"]`);
  assert.equal(await items.count(), before);
  await previewText(page, "Đoạn mới do cán bộ thêm.", { absent: true });
});

/// Through "Tải về", as the officer does (helpers.mjs download).
async function save(format) {
  const dl = await download(page, format);
  const path = join(files, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path, text: readFileSync(path, "utf8") };
}

test("the preview, brought up to date field by field, is the notice rendered anew", async () => {
  // Each edit below changes only the elements that show its field (see
  // core::render::update); a reload renders the whole notice from the
  // saved draft. Both must be the same document.
  const append = async (path, text) => {
    const input = field(page, path);
    await input.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(text);
  };
  await gotoGroup(page, "header");
  await append("header/subject", " và <b>x</b>");
  await gotoGroup(page, "sec:p1.s1");
  await append("block/p1.s1.b1/text", " thêm & bớt");
  await append("section/p1.s1/title", " (sửa)");
  await append("fig/safe_home.recognised/unit", " gia đình");
  await gotoGroup(page, "refs");
  await typeInto(page, "ref/tb97/date", "2/3/2024");
  await previewText(page, "thêm & bớt");
  await previewText(page, "2/3/2024");
  const shown = () => page.evaluate(() => {
    const d = document.getElementById("preview-frame").contentDocument;
    return { title: d.title, body: d.body.innerHTML.trimEnd() };
  });
  const before = await shown();
  assert.match(before.body, /thêm &amp; bớt/);
  await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
  await page.waitForTimeout(600); // past the autosave delay
  await page.reload();
  await page.waitForSelector("nav.groups");
  await previewText(page, "thêm & bớt");
  assert.deepEqual(await shown(), before);
});

test("“Tải về” holds the three files: Enter opens it, Esc closes it, a choice closes it", async () => {
  const menu = page.locator("#btn-download");
  assert.equal(await menu.textContent(), "Tải về ▾");
  assert.ok(!(await page.locator("#btn-json").isVisible()));
  await menu.focus();
  await page.keyboard.press("Enter");
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  const labels = await page.locator("#download-menu button").allTextContents();
  assert.deepEqual(labels, ["Bản lưu (.json)", "Trang in (.html)", "Tệp Word (.docx)"]);
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "btn-json");
  await page.keyboard.press("Escape");
  await page.locator("#btn-json").waitFor({ state: "hidden" });
  assert.equal(await focusedId(page), "btn-download");
  // A choice downloads and closes it; the focus is back on "Tải về".
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await focusedId(page), "btn-html");
  await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  await page.locator("#btn-html").waitFor({ state: "hidden" });
  assert.equal(await focusedId(page), "btn-download");
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
});

test("Tải về → Bản lưu (.json) downloads the notice as JSON", async () => {
  const { name, text } = await save("json");
  assert.match(name, /^thong-bao-(so-97-)?chi-lang(-\d{4}-\d{2}-\d{2})?\.json$/);
  const n = JSON.parse(text);
  assert.equal(n.format, "thongbao.notice");
  assert.equal(n.header.number, "97");
  assert.equal(n.figures.find((f) => f.id === "safe_home.recognised").value, "9.999");
  assert.equal(n.figures.find((f) => f.id === "edu.grade1_4_pct").value, "98,8");
});

test("Tải về → Trang in (.html) downloads the notice, with its data inside", async () => {
  const { name, path, text } = await save("html");
  assert.match(name, /^thong-bao-(so-97-)?chi-lang(-\d{4}-\d{2}-\d{2})?\.html$/);
  assert.match(text, /<!DOCTYPE html>/i);
  assert.match(text, /id="thongbao-data"/);
  assert.match(text, /97\/TB-SLĐTBXH/);
  assert.match(text, /98,8%/);
  exportedHtml = path;
});

test("the exported HTML opens again (Mở tệp)", async () => {
  await gotoGroup(page, "header");
  await typeInto(page, "header/number", "123");
  await previewText(page, "123/TB-SLĐTBXH");
  // Changed since the download: "Mở tệp" asks first; go on without downloading.
  await page.click("#btn-open");
  await page.locator("#confirm-dialog").waitFor();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#confirm-continue")]);
  await chooser.setFiles(exportedHtml);
  await page.locator("#banner").filter({ hasText: "Đã mở tệp" }).waitFor();
  await gotoGroup(page, "header");
  assert.equal(await field(page, "header/number").inputValue(), "97");
  await previewText(page, "97/TB-SLĐTBXH");
});

test("a reload restores the draft", async () => {
  await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
  await page.waitForTimeout(600); // past the autosave delay
  await page.reload();
  await page.waitForSelector("nav.groups");
  assert.match(await page.textContent("#banner"), /bản nháp/);
  await gotoGroup(page, "header");
  assert.equal(await field(page, "header/number").inputValue(), "97");
  await gotoGroup(page, "sec:p1.s1");
  assert.equal(await field(page, RECOGNISED).inputValue(), "9.999");
});

test("a malformed file gets a clear message and the draft stays", async () => {
  const bad = join(files, "hong.json");
  writeFileSync(bad, '{"format": "thongbao.notice", "version": 1, "header": {');
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#btn-open")]);
  await chooser.setFiles(bad);
  const banner = page.locator('#banner[role="alert"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Không mở được tệp “hong\.json”/);
  assert.match(await banner.textContent(), /vẫn giữ nguyên/);
  assert.equal(await field(page, RECOGNISED).inputValue(), "9.999");
  await previewText(page, "97/TB-SLĐTBXH");
});

test("Hoàn tất is blocked by errors, with the summary", async () => {
  await page.click("#btn-finalise");
  const summary = page.locator("#error-summary");
  await summary.waitFor();
  assert.match(await summary.textContent(), /Chưa thể hoàn tất/);
  assert.match(await page.title(), /^Lỗi: /);
  await previewText(page, "DỰ THẢO");
});

test("text typed decomposed (Unikey's 'Unicode tổ hợp') stays as typed and leaves NFC", async () => {
  const decomposed = "La\u0323ng So\u031Bn";
  assert.notEqual(decomposed, decomposed.normalize("NFC"));
  await gotoGroup(page, "header");
  await typeInto(page, "header/place", decomposed);
  assert.equal(await field(page, "header/place").inputValue(), decomposed);
  const { text } = await save("json");
  const n = JSON.parse(text);
  assert.equal(n.header.place, "Lạng Sơn");
  assert.equal(text, text.normalize("NFC"));
  const html = await save("html");
  assert.equal(html.text, html.text.normalize("NFC"));
});
