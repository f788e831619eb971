// The officer shapes the body: sections added, renamed, moved (from the
// keyboard), removed and put back ("Hoàn tác"), with real clicks and
// keystrokes on dist/thongbao.html opened from disk; the preview's
// numbering and the form's navigation follow, and a section with no title
// and no text prints nothing. The tests run in order on one page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, openSample, field, typeInto, gotoGroup, previewText, focusedId, download } from "./helpers.mjs";

let b, page;
const files = mkdtempSync(join(tmpdir(), "thongbao-structure-"));

before(async () => {
  b = await launch();
  page = b.page;
  page.on("dialog", (d) => {
    b.errors.push(`unexpected ${d.type()} dialog: ${d.message()}`);
    d.dismiss();
  });
  await openApp(page);
  await openSample(page);
});
after(async () => {
  assert.deepEqual(b.errors.map(String), [], "no script errors");
  await b.close();
});

/// The preview's part and section headings, once `until` holds for them.
async function headings(until = () => true) {
  let got = [];
  for (let i = 0; i < 50; i++) {
    got = await page.evaluate(() =>
      [...(document.getElementById("preview-frame")?.contentDocument?.querySelectorAll("h2, h3") ?? [])].map((h) =>
        h.textContent.replace(/\s+/g, " ").trim(),
      ),
    );
    if (until(got)) return got;
    await page.waitForTimeout(100);
  }
  throw new Error(`the preview's headings never matched: ${JSON.stringify(got)}`);
}

/// The headings of part II (between "II." and "III.").
const partTwo = (h) => h.slice(h.findIndex((t) => t.startsWith("II.")) + 1, h.findIndex((t) => t.startsWith("III.")));

test("a section added to part II, named: numbered 3", async () => {
  await gotoGroup(page, "part:p2");
  await page.click('[id="add-sections-p2"]');
  // The focus is in the new section's title; it prints nothing yet.
  assert.equal(await focusedId(page), "f-section/p2.new1/title");
  await page.keyboard.type("Kiến nghị bổ sung");
  const h = await headings((h) => h.includes("3. Kiến nghị bổ sung"));
  assert.deepEqual(partTwo(h), ["1. Ưu điểm", "2. Tồn tại, hạn chế", "3. Kiến nghị bổ sung"]);
});

test("a section renamed", async () => {
  await typeInto(page, "section/p2.s1/title", "Những kết quả đạt được");
  const h = await headings((h) => h.includes("1. Những kết quả đạt được"));
  assert.deepEqual(partTwo(h), ["1. Những kết quả đạt được", "2. Tồn tại, hạn chế", "3. Kiến nghị bổ sung"]);
});

test("the new section moved up with the keyboard: the focus stays on its button", async () => {
  await page.focus('[id="up-p2.new1"]');
  await page.keyboard.press("Enter");
  const h = await headings((h) => h.includes("2. Kiến nghị bổ sung"));
  assert.deepEqual(partTwo(h), ["1. Những kết quả đạt được", "2. Kiến nghị bổ sung", "3. Tồn tại, hạn chế"]);
  assert.equal(await focusedId(page), "up-p2.new1");
  // Its buttons are named for screen readers.
  assert.equal(await page.getAttribute('[id="up-p2.new1"]', "aria-label"), "Chuyển mục II.2 lên");
});

/// The preview's body text, once its headings hold `until`.
async function body(until) {
  await headings(until);
  return page.evaluate(() => document.getElementById("preview-frame").contentDocument.body.textContent);
}

test("a section with text is removed at once, the numbering follows; “Hoàn tác” puts it back as it was", async () => {
  const before = await body((h) => h.includes("3. Tồn tại, hạn chế"));
  await page.click('[id="remove-p2.s2"]');
  const h = await headings((h) => !h.includes("3. Tồn tại, hạn chế"));
  assert.deepEqual(partTwo(h), ["1. Những kết quả đạt được", "2. Kiến nghị bổ sung"]);
  assert.ok(!(await previewText(page)).includes("Tồn tại, hạn chế"));
  // Said politely, with "Hoàn tác" at hand: the focus is on it.
  const status = page.locator("#undo-status");
  assert.equal(await status.getAttribute("aria-live"), "polite");
  assert.equal((await status.textContent()).trim(), "Đã xoá mục “Tồn tại, hạn chế”. Hoàn tác");
  assert.equal(await focusedId(page), "btn-undo");
  await page.keyboard.press("Enter");
  const after = await body((h) => h.includes("3. Tồn tại, hạn chế"));
  assert.equal(after, before, "the preview as before");
  assert.equal(await focusedId(page), "remove-p2.s2");
  assert.equal((await status.textContent()).trim(), "");
  // Removed again for the tests below; the line goes with the next edit.
  await page.click('[id="remove-p2.s2"]');
  await headings((h) => !h.includes("3. Tồn tại, hạn chế"));
  await status.locator("#btn-undo").waitFor();
});

test("a section with its title cleared and no text prints nothing, and its form says so", async () => {
  await typeInto(page, "section/p2.new1/title", "");
  assert.equal((await page.locator("#undo-status").textContent()).trim(), "", "the undo went with the edit");
  const h = await headings((h) => !h.includes("2. Kiến nghị bổ sung"));
  assert.deepEqual(partTwo(h), ["1. Những kết quả đạt được"]);
  assert.ok(!h.some((t) => /^\d+\.$/.test(t)), `no bare number: ${JSON.stringify(h)}`);
  assert.match(await page.locator("#form-pane").textContent(), /Mục này chưa có tiêu đề và nội dung nên không được in/);
});

test("in part I each section is a group: the navigation follows an added and a removed section", async () => {
  await gotoGroup(page, "sec:p1.s1");
  await page.click('[id="add-after-p1.s1"]');
  await page.locator('[id="nav-sec:p1.new1"]').waitFor();
  assert.equal(await page.getAttribute('[id="nav-sec:p1.new1"]', "aria-current"), "true");
  assert.equal(await focusedId(page), "f-section/p1.new1/title");
  await page.keyboard.type("Công tác truyền thông");
  await headings((h) => h.includes("2. Công tác truyền thông"));
  // The navigation numbers as the notice does.
  const names = await page.locator("nav.groups .nav-name").allTextContents();
  assert.deepEqual(names.filter((n) => n.startsWith("I.")), ["I.1", "I.2", "I.3", "I.4", "I.5"]);
  // Removed at once, as every part and section.
  await page.click('[id="remove-p1.new1"]');
  await page.locator('[id="nav-sec:p1.new1"]').waitFor({ state: "detached" });
  const h = await headings((h) => !h.includes("2. Công tác truyền thông"));
  assert.ok(h.includes("2. Về bảo vệ trẻ em, chăm sóc trẻ em"));
  // The form shows the section that took its place.
  assert.equal(await page.getAttribute('[id="nav-sec:p1.s2"]', "aria-current"), "true");
});

test("the exported HTML numbers as the preview does", async () => {
  const dl = await download(page, "html");
  const path = join(files, dl.suggestedFilename());
  await dl.saveAs(path);
  const html = readFileSync(path, "utf8");
  const h3 = [...html.matchAll(/<h3 data-field="section\/([^/]+)\/title">(\d+)\. /g)].map((m) => `${m[1]}=${m[2]}`);
  assert.deepEqual(h3, ["p1.s1=1", "p1.s2=2", "p1.s3=3", "p1.s4=4", "p2.s1=1", "p3.s1=1", "p3.s2=2", "p3.s3=3"]);
  assert.ok(!html.includes("section/p2.new1/title"));
});

test("a footnote is created, written and removed under Chưa dùng", async () => {
  await gotoGroup(page, "other");
  assert.match(await page.locator("#group-heading").textContent(), /Chú thích và số liệu chưa dùng trong văn bản/);
  await page.click('[id="add-notes"]');
  const path = "block/fn.new1.new1/text";
  assert.equal(await focusedId(page), `f-${path}`);
  await page.keyboard.type("Số liệu do Phòng Lao động cung cấp.");
  assert.equal(await field(page, path).inputValue(), "Số liệu do Phòng Lao động cung cấp.");
  assert.match(await page.locator("#form-pane").textContent(), /Chú thích chưa gắn vào câu nào/);
  await page.click('[id="remove-fn.new1"]');
  await field(page, path).waitFor({ state: "detached" });
});

test("a section moved up past its part's first place goes to the part before; the form follows it", async () => {
  await gotoGroup(page, "part:p3");
  await page.focus('[id="up-p3.s1"]');
  await page.keyboard.press("Enter");
  const h = await headings((h) => partTwo(h).length === 2);
  assert.deepEqual(partTwo(h), ["1. Những kết quả đạt được", "2. Đối với Ủy ban nhân dân huyện Chi Lăng"]);
  assert.equal(await page.getAttribute('[id="nav-part:p2"]', "aria-current"), "true");
  assert.equal(await focusedId(page), "up-p3.s1");
  // At the body's very first section, "up" is disabled.
  assert.ok(await page.locator('[id="up-p1.s1"]').count() === 0 || (await page.locator('[id="up-p1.s1"]').isDisabled()));
});
