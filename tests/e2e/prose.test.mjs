// Writing as in Word (issue 12): prose fields show what prints — figures as
// values, citations as text, footnote markers as superscript numbers, never
// a `{…}` token — editing the number in a sentence edits the figure, typed
// sentences are checked, the picker inserts from the keyboard, and input
// methods (composition, backspace-and-insert) type as in a plain textarea.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch, openApp, field, gotoGroup, openSample, previewText, focusedId } from "./helpers.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SAFE = "block/fn.safe_home.b1/text";
let b, page;
/// The paragraph the officer typed a sentence into.
let typedPath;

before(async () => {
  b = await launch({ bypassCSP: true });
  page = b.page;
  await openApp(page);
  await openSample(page);
});
after(async () => {
  assert.deepEqual(b.errors.map(String), []);
  await b.close();
});

const navIds = () =>
  page.$$eval("nav.groups [id^=nav-]", (els) => els.map((e) => e.id.slice(4)));

/// Opens the group that shows the field at `path`.
async function findField(path) {
  for (const id of await navIds()) {
    await gotoGroup(page, id);
    if ((await field(page, path).count()) > 0) return id;
  }
  throw new Error(`no group shows ${path}`);
}

/// Puts the caret (or a selection) in a textarea, by its text.
async function select(path, text, { after: atEnd = false, length } = {}) {
  const el = field(page, path);
  await el.focus();
  await el.evaluate(
    (el, [text, atEnd, length]) => {
      const i = el.value.indexOf(text);
      if (i < 0) throw new Error(`no ${text} in ${el.value}`);
      const start = atEnd ? i + text.length : i;
      const end = atEnd ? start : i + (length ?? text.length);
      el.setSelectionRange(start, end);
    },
    [text, atEnd, length],
  );
}

test("on the sample, no prose field shows a token", async () => {
  let seen = 0;
  for (const id of await navIds()) {
    await gotoGroup(page, id);
    const values = await page.$$eval(".field.prose textarea", (els) => els.map((e) => e.value));
    for (const v of values) {
      assert.doesNotMatch(v, /[{}]/, `group ${id}: ${v.slice(0, 80)}`);
      seen++;
    }
    // Nor does any other text of the form (figures, documents, footnotes).
    const form = await page.locator("#form-pane").innerText();
    assert.doesNotMatch(form, /\{(fig|ref|fn):/, `group ${id}`);
  }
  assert.ok(seen > 40, `prose fields seen: ${seen}`);
  // Figures, citations and footnote numbers show as printed, marked as linked.
  await gotoGroup(page, "opening");
  const opening = await field(page, "opening/text").inputValue();
  assert.match(opening, /Thực hiện Kế hoạch liên ngành số 99\/KHLN-/);
  assert.ok((await page.locator(".prose-mirror mark.ref").count()) > 0);
  // A figure's list says where it is used, with no token syntax.
  await findField(SAFE);
  const uses = page.locator(".figure .figure-uses").first();
  assert.doesNotMatch(await uses.textContent(), /\{/);
});

test("replacing 8.314 in the sentence edits the figure and the chain finding follows", async () => {
  await findField(SAFE);
  const area = field(page, SAFE);
  assert.match(await area.inputValue(), /công nhận “Ngôi nhà an toàn”: 8\.314 hộ/);
  assert.ok((await page.locator(".prose-mirror mark.fig").count()) > 0, "figures highlighted");
  await select(SAFE, "8.314");
  await page.keyboard.type("9.999");
  assert.match(await area.inputValue(), /: 9\.999 hộ\)/);
  // The caret stayed after what was typed.
  const caret = await area.evaluate((el) => el.value.slice(0, el.selectionStart));
  assert.match(caret, /9\.999$/);
  // The figure itself changed: its field, the preview, and the chain.
  const figure = field(page, "fig/safe_home.recognised/value");
  if ((await figure.count()) > 0) assert.equal(await figure.inputValue(), "9.999");
  await previewText(page, "9.999");
  await page.click("#btn-check");
  const summary = page.locator("#error-summary");
  await summary.filter({ hasText: "9.999" }).waitFor();
  assert.match(await summary.textContent(), /9\.999.*9\.969|9\.969.*9\.999/s);
  // The sentence still cites the figure (it shows no token, and leaving it
  // keeps the formatted value).
  await page.keyboard.press("Tab");
  assert.match(await area.inputValue(), /: 9\.999 hộ\)/);
});

test("a typed sentence is checked: 150 hộ out of 120 hộ", async () => {
  await gotoGroup(page, "sec:p1.s1");
  await page.click('[id="add-blocks-p1.s1"]');
  const id = await focusedId(page);
  assert.match(id, /^f-block\/.*\/text$/);
  const path = id.slice(2);
  typedPath = path;
  await page.keyboard.type("Toàn xã có 120 hộ, trong đó 150 hộ có trẻ em.");
  await page.keyboard.press("Tab");
  const msg = page.locator(`[id="m-${path}"]`);
  await msg.waitFor();
  assert.match(await msg.textContent(), /150 hộ.*120 hộ/s);
  // The numbers become figures; the relation the words state is recognised,
  // shown with its figures to confirm or remove.
  await page.locator(".field.prose").filter({ has: field(page, path) }).locator("button.recognise").click();
  const rel = page.locator("ul.relations li.recognised").first();
  await rel.waitFor();
  assert.match(await rel.textContent(), /nhận ra từ văn bản/);
  assert.equal(await field(page, path).inputValue(), "Toàn xã có 120 hộ, trong đó 150 hộ có trẻ em.");
  assert.equal(await page.locator(".field.prose .prose-mirror mark.fig").filter({ hasText: "150" }).count(), 1);
  await rel.locator("button", { hasText: "Xác nhận" }).click();
  await page.locator("ul.relations li.recognised").first().waitFor({ state: "detached" }).catch(() => {});
  assert.equal(await page.locator("ul.relations li.recognised").count(), 0);
});

test("the picker inserts a figure and a new footnote from the keyboard", async () => {
  await gotoGroup(page, "sec:p1.s1");
  const path = typedPath;
  const area = field(page, path);
  await area.focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Có ");
  await page.keyboard.press("Alt+Equal");
  await page.locator(".picker").waitFor();
  assert.equal(await focusedId(page), "picker-q");
  await page.keyboard.type("duoc cong nhan Ngoi nha");
  await page.keyboard.press("Enter");
  await page.locator(".picker").waitFor({ state: "detached" });
  assert.equal(await focusedId(page), `f-${path}`);
  const value = await area.inputValue();
  assert.match(value, /trẻ em\. Có 9\.999 hộ$/);
  assert.doesNotMatch(value, /\{/);
  // Typing goes on after it, as text.
  await page.keyboard.type(" nhà");
  assert.match(await area.inputValue(), /Có 9\.999 hộ nhà$/);
  // Undo takes the typing (word by word), then the figure, out again.
  for (let i = 0; i < 3 && /9\.999/.test(await area.inputValue()); i++) {
    await page.keyboard.press("Control+Z");
  }
  assert.match(await area.inputValue(), /trẻ em\. Có $/);

  // A new footnote, with its text, from the picker.
  await page.keyboard.press("Control+Shift+F");
  await page.locator(".picker").waitFor();
  await page.keyboard.type("Theo báo cáo của xã");
  await page.keyboard.press("ArrowDown");
  await page.locator(".picker li.active", { hasText: "Chú thích mới" }).waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".picker").waitFor({ state: "detached" });
  await previewText(page, "Theo báo cáo của xã");
  assert.match(await area.inputValue(), /[¹²³⁴⁵⁶⁷⁸⁹⁰]+$/);
  assert.equal(await page.locator(".prose-mirror mark.note").count() > 0, true);
  // Esc closes the picker; focus returns to the field.
  await page.keyboard.press("Alt+Equal");
  await page.locator(".picker").waitFor();
  await page.keyboard.press("Escape");
  await page.locator(".picker").waitFor({ state: "detached" });
  assert.equal(await focusedId(page), `f-${path}`);
});

test("input methods: composition, backspace-and-insert, decomposed text", async () => {
  await gotoGroup(page, "sec:p1.s1");
  await page.click('[id="add-blocks-p1.s1"]');
  const path = (await focusedId(page)).slice(2);
  const area = field(page, path);
  await page.keyboard.type("Có 120 hộ ");
  // A composition as macOS Telex or a phone keyboard sends it.
  const cdp = await page.context().newCDPSession(page);
  for (const t of ["t", "ti", "tie", "tiê", "tiế", "tiến", "tiếng"]) {
    await cdp.send("Input.imeSetComposition", { text: t, selectionStart: t.length, selectionEnd: t.length });
  }
  await cdp.send("Input.insertText", { text: "tiếng" });
  assert.equal(await area.inputValue(), "Có 120 hộ tiếng");
  assert.equal(await area.evaluate((el) => el.selectionStart), "Có 120 hộ tiếng".length);
  // Unikey-style: a letter, then Backspace and the re-composed one.
  await page.keyboard.type(" vie");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("ê");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("ệt");
  assert.equal(await area.inputValue(), "Có 120 hộ tiếng việt");
  // Decomposed ("Unicode tổ hợp"): stored composed, shown as typed.
  await cdp.send("Input.insertText", { text: " Nam nho\u0302\u0301" });
  await previewText(page, "Có 120 hộ tiếng việt Nam nhố");
  assert.equal(await area.evaluate((el) => el.selectionStart), (await area.inputValue()).length);
  // Undo works after a composition.
  await page.keyboard.press("Control+Z");
  assert.doesNotMatch(await area.inputValue(), /Nam/);
  await cdp.detach();
});

test("the form with the picker open has no axe violations", async () => {
  await gotoGroup(page, "sec:p1.s1");
  const first = page.locator(".field.prose textarea").first();
  await first.focus();
  await page.keyboard.press("Alt+Equal");
  await page.locator(".picker").waitFor();
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { iframes: false }));
  const violations = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  assert.deepEqual(violations, []);
  await page.keyboard.press("Escape");
});
