// <thongbao-editor> in Firefox, on dist/embed-demo.html from file:// (a host
// page with hostile CSS, two editors, an iframe, an event log in
// window.demoLog): real keystrokes inside the shadow root, change events
// with the notice, the element's API and its cancelable export.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, recordErrors, errors, waitFor, value, previewText, DEMO_URL, By } from "./helpers.mjs";

let b, d;

before(async () => {
  b = await launch();
  d = b.driver;
  await d.get(DEMO_URL);
  await recordErrors(d);
  // Both elements and the iframe say they are ready.
  await waitFor(
    d,
    () => (window.demoLog || []).filter((e) => e.type === "thongbao-ready").length >= 3,
    [],
    "three thongbao-ready events",
    30000,
  );
});
after(async () => {
  if (d) assert.deepEqual(await errors(d), [], "no script errors");
  await b?.close();
});

/// An element inside an editor's (open) shadow root.
async function inEditor(editor, sel) {
  const root = await d.findElement(By.id(editor)).getShadowRoot();
  return root.findElement(By.css(sel));
}

const events = (source, type) =>
  d.executeScript(
    "return window.demoLog.filter((e) => e.source === arguments[0] && e.type === arguments[1]).map((e) => e.detail)",
    source,
    type,
  );

test("each editor starts in its language and takes real keystrokes in its shadow root", async () => {
  assert.match(await (await inEditor("editor-a", "#btn-new")).getText(), /Tạo mới từ mẫu/);
  assert.match(await (await inEditor("editor-b", "#btn-new")).getText(), /New from the template/);
  for (const [ed, place] of [["editor-a", "Cao Bằng"], ["editor-b", "Hà Giang"]]) {
    await (await inEditor(ed, "#btn-new")).click();
    const input = await inEditor(ed, '[id="f-header/place"]');
    await input.click();
    await d.executeScript("arguments[0].select()", input);
    // One key at a time, as a person types (a whole string in one command
    // reaches the page faster than it renders, and the element sends one
    // change per render).
    for (const key of place) await input.sendKeys(key);
    assert.equal(await value(input), place);
    await previewText(d, place, { host: ed });
    const changes = await events(ed, "thongbao-change");
    assert.ok(changes.length >= place.length, `${ed}: a change per keystroke (${changes.length})`);
    assert.equal(changes.at(-1).header.place, place);
  }
  // Neither heard the other.
  assert.equal((await events("editor-a", "thongbao-change")).at(-1).header.place, "Cao Bằng");
  assert.equal(await d.executeScript('return document.getElementById("editor-b").value.header.place'), "Hà Giang");
});

test("the host page's CSS does not hide the editor's inputs", async () => {
  const input = await inEditor("editor-a", '[id="f-header/place"]');
  assert.ok(await input.isDisplayed());
});

test("the API: value, validate() and a cancelled export", async () => {
  const out = await d.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const ed = document.getElementById("editor-a");
    const sample = JSON.parse(document.getElementById("sample").textContent);
    ed.value = sample;
    const exported = [];
    const grab = (e) => { e.preventDefault(); exported.push(e.detail); };
    ed.addEventListener("thongbao-export", grab);
    const text = ed.exportJson();
    ed.removeEventListener("thongbao-export", grab);
    let refused = null;
    try { ed.value = { format: "x" }; } catch (e) { refused = e.message; }
    done({ place: ed.value.header.place, want: sample.header.place, validate: ed.validate(), exported, text, refused });`);
  assert.equal(out.place, out.want);
  assert.ok(out.validate.errors > 0, "the sample has errors");
  assert.equal(out.validate.mode, "draft");
  assert.equal(out.exported.length, 1);
  assert.equal(out.exported[0].format, "json");
  assert.match(out.exported[0].fileName, /\.json$/);
  assert.equal(JSON.parse(out.text).header.place, out.want);
  assert.ok(out.refused, "an invalid value throws");
  await previewText(d, "Chi Lăng", { host: "editor-a" });
});
