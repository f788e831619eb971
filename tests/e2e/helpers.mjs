// Shared helpers for the end-to-end tests: headless Chromium (the Debian one,
// never a downloaded browser) through playwright-core, on dist/thongbao.html
// opened from disk (file://).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const APP_PATH = join(ROOT, "dist", "thongbao.html");
export const APP_URL = pathToFileURL(APP_PATH).href;

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

/// A fresh persistent profile (so localStorage survives a reload) in a temp dir.
export async function launch({ width = 1280, height = 900, bypassCSP = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "thongbao-e2e-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    acceptDownloads: true,
    viewport: { width, height },
    bypassCSP,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openApp(page) {
  await page.goto(APP_URL);
  await page.waitForSelector("#thongbao-app", { timeout: 15000 });
}

/// From the start screen, opens the Chi Lăng 2024 sample.
export async function openSample(page) {
  await page.click("#btn-sample");
  await page.waitForSelector("nav.groups");
}

/// The element of a field path (ids hold `/` and `.`, so no CSS #id).
export const field = (page, path) => page.locator(`[id="f-${path}"]`);
export const message = (page, path) => page.locator(`[id="m-${path}"]`);

/// Replaces a field's text with real keystrokes.
export async function typeInto(page, path, text) {
  const input = field(page, path);
  await input.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

/// The preview's text, once it contains `expect` (the preview follows
/// shortly after each change).
export async function previewText(page, expect, { absent = false } = {}) {
  let text = "";
  for (let i = 0; i < 50; i++) {
    text = await page.evaluate(
      () => document.getElementById("preview-frame")?.contentDocument?.body?.textContent ?? "",
    );
    if (expect === undefined || text.includes(expect) !== absent) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`preview ${absent ? "still contains" : "lacks"} ${JSON.stringify(expect)}`);
}

/// The toolbar's button for one file ("json", "html", "docx"), shown the
/// way an officer gets to it: "Thêm" opened first on a phone, then "Tải
/// về". `root` is what the editor is in: the page, a frame, or a locator
/// (a custom element).
export async function downloadButton(root, format) {
  const download = root.locator("#btn-download");
  if (!(await download.isVisible())) await root.locator("#btn-more").click();
  if ((await download.getAttribute("aria-expanded")) !== "true") await download.click();
  const button = root.locator(`#btn-${format}`);
  await button.waitFor({ state: "visible" });
  return button;
}

/// Downloads the notice as `format` ("json", "html", "docx") through "Tải
/// về" (see downloadButton): playwright's Download.
export async function download(page, format, root = page) {
  const button = await downloadButton(root, format);
  const [dl] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return dl;
}

/// The id of the element that has the focus.
export const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? "");

export async function gotoGroup(page, id) {
  await page.click(`[id="nav-${id}"]`);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/// axe-core's violations on a page or frame, one line each (the page must be
/// launched with `bypassCSP`: the notice and the app forbid other scripts).
export async function axe(frame, options = {}) {
  await frame.addScriptTag({ content: AXE });
  const result = await frame.evaluate(
    (opts) => window.axe.run(document, { ...opts, iframes: false }),
    options,
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
}

/// The notices kept in this browser's library (IndexedDB, read through the
/// page's own www/library.js), the last edited first: each entry with its
/// notice parsed (`notice`).
export const library = (page) =>
  page.evaluate(async () => {
    const lib = window.thongbaoLibrary;
    const list = await lib.entries();
    return Promise.all(list.map(async (e) => ({ ...e, notice: JSON.parse(await lib.get(e.id)) })));
  });

/// The notice saved last (null when the library is empty).
export const lastSaved = async (page) => (await library(page))[0]?.notice ?? null;

/// Waits until `pred(lastSaved)` holds.
export async function waitSaved(page, pred, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const n = await lastSaved(page).catch(() => null);
    if (n && pred(n)) return n;
    if (Date.now() > end) throw new Error(`the library never held the expected notice: ${JSON.stringify(n?.header)}`);
    await page.waitForTimeout(100);
  }
}
