// A crash must not kill the page silently (issue 5). The release build
// aborts on panic: the panic hook first sends "thongbao-crash", then the
// wasm traps with a WebAssembly.RuntimeError. www/boot.js catches both and
// shows a message whose button downloads the last saved draft from
// localStorage in plain JavaScript (the wasm is dead by then).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, typeInto, gotoGroup, previewText, openSample } from "./helpers.mjs";

const files = mkdtempSync(join(tmpdir(), "thongbao-crash-"));

async function withDraft(number) {
  const b = await launch();
  const { page } = b;
  await openApp(page);
  await openSample(page);
  await gotoGroup(page, "header");
  await typeInto(page, "header/number", number);
  await previewText(page, `${number}/TB-SLĐTBXH`);
  await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
  await page.waitForTimeout(500);
  return b;
}

async function downloadsDraft(page, number) {
  const box = page.locator("#crash");
  await box.waitFor();
  assert.equal(await box.getAttribute("role"), "alertdialog");
  assert.match(await box.textContent(), /Trình soạn thảo gặp lỗi và đã dừng/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "crash-download");
  assert.equal(await page.evaluate(() => document.getElementById("app").inert), true);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#crash-download")]);
  const path = join(files, `${number}-${dl.suggestedFilename()}`);
  await dl.saveAs(path);
  assert.match(dl.suggestedFilename(), /^thong-bao-ban-nhap-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(readFileSync(path, "utf8")).header.number, number);
  assert.match(await page.textContent("#crash-status"), /Đã tải bản nháp/);
}

test("a trap in a wasm call (RuntimeError) shows the crash message; its button downloads the saved draft", async () => {
  const b = await withDraft("71");
  try {
    assert.equal(await b.page.locator("#crash").count(), 0);
    await b.page.evaluate(() => {
      // (module (func (export "f") unreachable)): a genuine wasm trap,
      // thrown from a timer like an event handler's would be.
      const bytes = new Uint8Array([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11,
      ]);
      const m = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      setTimeout(() => m.exports.f());
    });
    await downloadsDraft(b.page, "71");
    assert.ok(b.errors.some((e) => /unreachable/.test(String(e))), "the trap itself was uncaught");
  } finally {
    await b.close();
  }
});

test("a trap in a promise (unhandled rejection) shows the crash message too", async () => {
  const b = await withDraft("72");
  try {
    await b.page.evaluate(() => {
      Promise.reject(new WebAssembly.RuntimeError("unreachable executed"));
    });
    await downloadsDraft(b.page, "72");
  } finally {
    await b.close();
  }
});

test("the panic hook's event shows the message with the panic's text", async () => {
  const b = await withDraft("73");
  try {
    await b.page.evaluate(() =>
      window.dispatchEvent(new CustomEvent("thongbao-crash", { detail: "panicked at src/ui/x.rs:1:1: boom" })),
    );
    await b.page.locator("#crash").filter({ hasText: "boom" }).waitFor();
    await downloadsDraft(b.page, "73");
  } finally {
    await b.close();
  }
});

test("an ordinary script error elsewhere does not raise the crash message", async () => {
  const b = await withDraft("74");
  try {
    await b.page.evaluate(() => setTimeout(() => { throw new TypeError("not the editor"); }));
    await b.page.waitForTimeout(300);
    assert.equal(await b.page.locator("#crash").count(), 0);
  } finally {
    await b.close();
  }
});
