// Shared helpers for the end-to-end tests: headless Chromium (the Debian one,
// never a downloaded browser) through playwright-core, on dist/thongbao.html
// opened from disk (file://).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
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
export async function launch({ width = 1280, height = 900 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "thongbao-e2e-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    acceptDownloads: true,
    viewport: { width, height },
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
