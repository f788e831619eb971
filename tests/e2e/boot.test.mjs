// The single file opens from disk and the editor starts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp } from "./helpers.mjs";

test("dist/thongbao.html starts from file://", async () => {
  const b = await launch();
  try {
    await openApp(b.page);
    assert.match(await b.page.textContent("#thongbao-app"), /Mở mẫu Chi Lăng 2024/);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
