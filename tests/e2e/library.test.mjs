// The library of notices (issue 15): every notice kept in IndexedDB, saved
// in durable transactions. "Đã lưu" means on disk: the browser process
// killed (SIGKILL, as a power cut or a crash would) right after the
// indicator changed loses nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { APP_URL, field, gotoGroup, previewText, library, launch, openApp, typeInto, waitSaved } from "./helpers.mjs";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

const start = (dir) =>
  chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
  });

/// The browser process of the profile in `dir` (the one Chromium process
/// whose command line names the profile and is no child: no `--type=`).
function browserPid(dir) {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  const mine = out
    .split("\n")
    .filter((l) => l.includes(`--user-data-dir=${dir}`) && !l.includes("--type="))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
  assert.equal(mine.length, 1, `one browser process for ${dir}: ${mine}`);
  return mine[0];
}

const saves = (page) => page.locator("#saved-at").getAttribute("data-saves").then(Number);

test("'Đã lưu' is on disk: the browser killed right after the indicator changed keeps the edit", async () => {
  const dir = mkdtempSync(join(tmpdir(), "thongbao-kill-"));
  let context = await start(dir);
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(APP_URL);
    await page.click("#btn-sample");
    await page.waitForSelector("nav.groups");
    await page.locator("#saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
    await page.waitForTimeout(600);
    await gotoGroup(page, "header");
    for (const number of ["81", "82", "83"]) {
      const before = await saves(page);
      // One change (one input event): the next save that lands is this one.
      await field(page, "header/number").fill(number);
      await page.waitForFunction(
        (n) => Number(document.getElementById("saved-at").dataset.saves) > n,
        before,
        { polling: 10 },
      );
      // Killed at once: no chance for the browser to flush anything later.
      process.kill(browserPid(dir), "SIGKILL");
      await context.close().catch(() => {});
      context = await start(dir);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(APP_URL);
      await page.waitForSelector("nav.groups", { timeout: 15000 });
      await gotoGroup(page, "header");
      assert.equal(await field(page, "header/number").inputValue(), number, "the edit survived the kill");
      await previewText(page, `${number}/TB-SLĐTBXH`);
      const all = await library(page);
      assert.equal(all.length, 1);
      assert.equal(all[0].notice.header.number, number);
    }
  } finally {
    await context.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
});

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/// From the start screen: a new notice (`button`), its subject typed when
/// given; waits until the library holds it.
async function create(page, button, subject) {
  const count = (await library(page)).length;
  await page.click(button);
  await page.waitForSelector("nav.groups");
  if (subject) {
    await gotoGroup(page, "header");
    await typeInto(page, "header/subject", subject);
  }
  for (let i = 0; i < 50 && (await library(page)).length === count; i++) await page.waitForTimeout(100);
  const all = await library(page);
  assert.equal(all.length, count + 1);
  if (subject) await waitSaved(page, (n) => n.header.subject === subject);
  return all[0].id;
}

/// "Thông báo của tôi" from the toolbar: the list, read.
async function openLibrary(page) {
  await page.click("#btn-library");
  await page.waitForSelector("#library .lib-list, #library .lib-empty:not(:empty)");
  await page.waitForFunction(() => !/Đang đọc/.test(document.getElementById("library").textContent));
}

const titles = (page) => page.locator(".lib-title button").allTextContents();

test("Thông báo của tôi: three notices listed after a reload; search, next year's notice, rename, delete and undo, restore a version; axe", async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page);
    const chiLang = await create(page, "#btn-sample");
    await openLibrary(page);
    const bacSon = await create(page, "#btn-new", "Kết quả kiểm tra công tác trẻ em tại huyện Bắc Sơn năm 2024");
    await openLibrary(page);
    await create(page, "#btn-blank", "Kết quả kiểm tra giảm nghèo tại huyện Văn Quan");

    // A reload: the last edited reopens; the list has all three.
    await page.reload();
    await page.waitForSelector("nav.groups");
    await openLibrary(page);
    const all = await titles(page);
    assert.equal(all.length, 3, all.join(" | "));
    assert.match(all[0], /Văn Quan/);
    assert.match(all[1], /Bắc Sơn/);
    assert.match(all[2], /Chi Lăng/);
    const meta = await page.textContent(`[id="lib-${chiLang}"] .lib-meta`);
    assert.match(meta, /UBND huyện Chi Lăng/);
    assert.match(meta, /Dự thảo/);
    assert.match(meta, /sửa lần cuối \d+\/\d+\/\d{4} \d{2}:\d{2}/);
    assert.match(meta, /\d+ lỗi, \d+ cảnh báo/);

    // axe on the list.
    await page.addScriptTag({ content: AXE });
    const axe = await page.evaluate(() => window.axe.run(document).then((r) => r.violations.map((v) => `${v.id}: ${v.help}`)));
    assert.deepEqual(axe, []);

    // Search by words, marks ignored.
    await page.fill("#lib-search", "chi lang");
    assert.deepEqual((await titles(page)).length, 1);
    await page.fill("#lib-search", "BẮC SON 2024");
    assert.match((await titles(page))[0], /Bắc Sơn/);
    await page.fill("#lib-search", "hải phòng");
    await page.locator(".lib-empty").filter({ hasText: "Không có thông báo nào khớp" }).waitFor();
    await page.fill("#lib-search", "");

    // Rename: the list's own name; the subject stays.
    await page.click(`[id="lib-rename-${bacSon}"]`);
    await page.fill(`[id="lib-name-${bacSon}"]`, "Bắc Sơn — đợt 1");
    await page.click(`[id="lib-name-save-${bacSon}"]`);
    await page.locator(`[id="lib-open-${bacSon}"]`).filter({ hasText: "Bắc Sơn — đợt 1" }).waitFor();
    assert.match(await page.textContent(`[id="lib-${bacSon}"] .lib-subject`), /công tác trẻ em tại huyện Bắc Sơn/);

    // Delete, and undo.
    await page.click(`[id="lib-remove-${bacSon}"]`);
    await page.locator("#lib-undo").waitFor();
    assert.equal((await titles(page)).length, 2);
    assert.equal((await library(page)).length, 2);
    await page.click("#lib-undo");
    await page.locator(`[id="lib-${bacSon}"]`).waitFor();
    assert.equal((await titles(page)).length, 3);
    assert.equal((await library(page)).length, 3);

    // Next year's notice from Chi Lăng 2024: figures empty, the year moved on.
    await page.click(`[id="lib-next-${chiLang}"]`);
    await page.waitForSelector("nav.groups");
    assert.match(await page.textContent("#banner"), /Đã tạo thông báo năm sau/);
    const next = await waitSaved(page, (n) => n.header.year === "2025");
    assert.ok(next.figures.length > 10);
    assert.ok(next.figures.every((f) => f.value === ""), "every figure emptied");
    assert.equal(next.header.number, "");
    assert.equal(next.header.day, "");
    assert.equal(next.status, "draft");
    assert.match(next.header.subject, /năm 2025/);
    assert.doesNotMatch(next.header.subject, /2024/);
    const lib = await library(page);
    assert.equal(lib.length, 4);
    const old = lib.find((e) => e.id === chiLang).notice;
    assert.deepEqual(next.references, old.references, "the documents cited stay as they were");
    assert.deepEqual(next.relations, old.relations);
    assert.ok(old.figures.some((f) => f.value !== ""), "the old notice keeps its figures");

    // Versions: open Chi Lăng, change its number twice; restore the first.
    await openLibrary(page);
    await page.click(`[id="lib-open-${chiLang}"]`);
    await page.waitForSelector("nav.groups");
    await gotoGroup(page, "header");
    await field(page, "header/number").fill("91");
    await waitSaved(page, (n) => n.header.number === "91");
    await field(page, "header/number").fill("92");
    await waitSaved(page, (n) => n.header.number === "92");
    await openLibrary(page);
    await page.click(`[id="lib-versions-${chiLang}"]`);
    await page.locator("#lib-versions li").first().waitFor();
    const versions = await page.locator("#lib-versions li").count();
    await page.click("#lib-restore-0");
    await page.waitForSelector("nav.groups");
    assert.match(await page.textContent("#banner"), /Đã khôi phục bản lưu lúc/);
    await gotoGroup(page, "header");
    assert.equal(await field(page, "header/number").inputValue(), "91");
    await waitSaved(page, (n) => n.header.number === "91");
    // The state before the restore is a version now.
    await openLibrary(page);
    await page.click(`[id="lib-versions-${chiLang}"]`);
    await page.locator("#lib-versions li").first().waitFor();
    assert.equal(await page.locator("#lib-versions li").count(), versions + 1);
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});

test("back-up: the whole library in one file, restored into a fresh profile; merging again keeps both when they differ", async () => {
  const files = mkdtempSync(join(tmpdir(), "thongbao-backup-"));
  const a = await launch();
  const b = await launch();
  try {
    await openApp(a.page);
    await create(a.page, "#btn-sample");
    await openLibrary(a.page);
    await create(a.page, "#btn-blank", "Kết quả kiểm tra giảm nghèo tại huyện Văn Quan");
    await openLibrary(a.page);
    const [dl] = await Promise.all([a.page.waitForEvent("download"), a.page.click("#lib-backup")]);
    assert.match(dl.suggestedFilename(), /^thong-bao-sao-luu-\d{4}-\d{2}-\d{2}\.json$/);
    const path = join(files, dl.suggestedFilename());
    await dl.saveAs(path);
    const data = JSON.parse(readFileSync(path, "utf8"));
    assert.equal(data.format, "thongbao.library");
    assert.equal(data.notices.length, 2);

    // Another computer: a fresh profile.
    await openApp(b.page);
    await b.page.waitForSelector("#library .lib-empty");
    await b.page.setInputFiles("#lib-backup-input", path);
    await b.page.locator("#banner").filter({ hasText: "Đã khôi phục từ" }).waitFor();
    assert.match(await b.page.textContent("#banner"), /thêm 2 thông báo/);
    await b.page.locator(".lib-title button").nth(1).waitFor();
    const got = await library(b.page);
    const had = await library(a.page);
    assert.deepEqual(
      got.map((e) => [e.id, e.subject, e.edited, e.notice]),
      had.map((e) => [e.id, e.subject, e.edited, e.notice]),
    );

    // Edited on the new computer, then the old back-up merged again: the
    // newer notice is not overwritten, the back-up's copy is kept beside it.
    await b.page.click(`[id="lib-open-${got[0].id}"]`);
    await b.page.waitForSelector("nav.groups");
    await gotoGroup(b.page, "header");
    await field(b.page, "header/number").fill("88");
    await waitSaved(b.page, (n) => n.header.number === "88");
    await b.page.click("#btn-library");
    await b.page.waitForSelector("#library .lib-list");
    await b.page.setInputFiles("#lib-backup-input", path);
    await b.page.locator("#banner").filter({ hasText: /1 thông báo khác với bản đang có/ }).waitFor();
    assert.match(await b.page.textContent("#banner"), /1 thông báo đã có sẵn/);
    const after = await library(b.page);
    assert.equal(after.length, 3);
    assert.equal(after.find((e) => e.id === got[0].id).notice.header.number, "88", "the newer edit stays");
    assert.ok(after.some((e) => /\(bản sao lưu\)/.test(e.name ?? "")));
    assert.deepEqual([...a.errors, ...b.errors].map(String), []);
  } finally {
    await a.close();
    await b.close();
    rmSync(files, { recursive: true, force: true });
  }
});

test("<thongbao-editor library>: the element opts in to the library; storage-key elements keep one draft in localStorage", async () => {
  const dir = mkdtempSync(join(tmpdir(), "thongbao-element-lib-"));
  const b = await launch();
  const { page } = b;
  try {
    const element = new URL("../../dist/thongbao-element.js", import.meta.url).href;
    const html = join(dir, "host.html");
    writeFileSync(html, `<!doctype html><meta charset="utf-8"><title>host</title>
<script src="${element}"></script>
<thongbao-editor id="lib" library></thongbao-editor>`);
    await page.goto(pathToFileURL(html).href);
    await page.locator("#lib #library").waitFor({ timeout: 15000 });
    await page.locator("#lib .lib-empty").filter({ hasText: "Chưa có thông báo nào" }).waitFor();
    await page.click("#lib #btn-sample");
    await page.locator("#lib #saved-at").filter({ hasText: "Đã lưu lúc" }).waitFor();
    // In IndexedDB, as the standalone page keeps them; nothing in localStorage.
    const subjects = await page.evaluate(
      () =>
        new Promise((ok, ko) => {
          const r = indexedDB.open("thongbao", 1);
          r.onsuccess = () => {
            const g = r.result.transaction("notices").objectStore("notices").getAll();
            g.onsuccess = () => ok(g.result.map((e) => e.subject));
            g.onerror = () => ko(g.error);
          };
          r.onerror = () => ko(r.error);
        }),
    );
    assert.equal(subjects.length, 1);
    assert.match(subjects[0], /Chi Lăng/);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    // Back to the list: the notice is there.
    await page.click("#lib #btn-library");
    await page.locator("#lib .lib-title button").filter({ hasText: "Chi Lăng" }).waitFor();
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("leaving for the list right after typing: the pending save is done at once and the list shows it", async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page);
    await create(page, "#btn-sample");
    await gotoGroup(page, "header");
    await field(page, "header/subject").fill("Kết quả kiểm tra tại huyện Lộc Bình năm 2024");
    // At once, before the autosave's delay.
    await page.click("#btn-library");
    await page.locator(".lib-title button").filter({ hasText: "Lộc Bình" }).waitFor({ timeout: 5000 });
    assert.match((await library(page))[0].notice.header.subject, /Lộc Bình/);
    assert.deepEqual(b.errors.map(String), []);
  } finally {
    await b.close();
  }
});
