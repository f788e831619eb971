// One editor's crash in Firefox: two <thongbao-editor>s from the test build
// (target/dist-test, scripts/build.sh --test: crashForTest) on a file:// host
// page; a real panic in one shows its crash message in its own shadow root,
// downloads its draft and tells the host (thongbao-error), while the other
// goes on taking keystrokes. tests/e2e/crash.test.mjs has the whole story in
// Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, recordErrors, errors, waitFor, typeInto, previewText, ROOT, By } from "./helpers.mjs";

const ELEMENT = join(ROOT, "target", "dist-test", "thongbao-element.js");
const SAMPLE = readFileSync(join(ROOT, "data", "chi-lang-2024.json"), "utf8");

function hostPage() {
  assert.ok(existsSync(ELEMENT), `${ELEMENT} is missing: run scripts/build.sh --test`);
  const path = join(mkdtempSync(join(tmpdir(), "thongbao-ff-crash-")), "host.html");
  writeFileSync(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<style>thongbao-editor { height: 600px; margin: 8px 0; }</style></head><body>
<thongbao-editor id="a" storage-key="ff-crash-a"></thongbao-editor>
<thongbao-editor id="b" storage-key="ff-crash-b"></thongbao-editor>
<script>
window.log = [];
for (const type of ["thongbao-ready", "thongbao-error"]) {
  document.addEventListener(type, (e) => window.log.push({ type, source: e.target.id, detail: e.detail }));
}
const sample = ${SAMPLE.replace(/</g, "\\u003c")};
for (const e of document.querySelectorAll("thongbao-editor")) e.value = sample;
</script>
<script src="${pathToFileURL(ELEMENT).href}"></script>
</body></html>`,
  );
  return pathToFileURL(path).href;
}

test("Firefox: a panic in one of two editors stops it alone; its draft downloads; the other types on", async () => {
  const b = await launch({ height: 1300 });
  const d = b.driver;
  try {
    await d.get(hostPage());
    await recordErrors(d);
    await waitFor(d, () => window.log.filter((e) => e.type === "thongbao-ready").length >= 2, [], "two editors", 30000);
    const inEditor = async (id, sel) => (await d.findElement(By.id(id)).getShadowRoot()).findElement(By.css(sel));
    for (const [id, number] of [["a", "91"], ["b", "92"]]) {
      await (await inEditor(id, '[id="nav-header"]')).click();
      await typeInto(d, await inEditor(id, '[id="f-header/number"]'), number);
      await previewText(d, `${number}/TB-SLĐTBXH`, { host: id });
    }
    await waitFor(d, () => JSON.parse(localStorage.getItem("ff-crash-a") || "null")?.header.number === "91", [], "A's draft saved");

    await d.executeScript('document.getElementById("a")._wasm.crashForTest("boom in A", false)');
    const box = await waitFor(
      d,
      () => {
        const box = document.getElementById("a").shadowRoot.querySelector(".crash");
        return box && /boom in A/.test(box.textContent) ? box.textContent : null;
      },
      [],
      "A's crash message",
    );
    assert.match(box, /Trình soạn thảo gặp lỗi và đã dừng/);
    const heard = await d.executeScript("return window.log.filter((e) => e.type === 'thongbao-error')");
    assert.equal(heard.length, 1);
    assert.equal(heard[0].source, "a");
    assert.match(heard[0].detail.message, /boom in A/);

    await (await inEditor("a", "#crash-download")).click();
    const file = await waitFor(
      d,
      () => /Đã tải bản nháp/.test(document.getElementById("a").shadowRoot.getElementById("crash-status").textContent),
      [],
      "the download's status",
    ).then(async () => {
      for (let i = 0; i < 50; i++) {
        const f = readdirSync(b.downloads).find((n) => /^thong-bao-ban-nhap-.*\.json$/.test(n));
        if (f && readFileSync(join(b.downloads, f), "utf8").length) return join(b.downloads, f);
        await d.sleep(100);
      }
      throw new Error("no draft downloaded");
    });
    assert.equal(JSON.parse(readFileSync(file, "utf8")).header.number, "91");

    // B goes on.
    await typeInto(d, await inEditor("b", '[id="f-header/number"]'), "93");
    await previewText(d, "93/TB-SLĐTBXH", { host: "b" });
    assert.equal(await d.executeScript('return document.getElementById("b").value.header.number'), "93");
    assert.deepEqual(await errors(d), [], "nothing uncaught on the host page");
  } finally {
    await b.close();
  }
});
