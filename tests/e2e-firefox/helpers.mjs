// Shared helpers for the end-to-end tests in Firefox: Debian's stock
// firefox-esr, headless, driven through geckodriver (classic W3C WebDriver)
// by selenium-webdriver, on dist/thongbao.html opened from disk (file://).
//
// Why selenium-webdriver: Playwright cannot drive stock Firefox (it needs
// its own patched build, which cannot be downloaded here). Selenium is the
// W3C WebDriver project's own client, maintained, with a small dependency
// tree and no browser downloads when it is given the binary and the driver;
// and it goes through geckodriver, Mozilla's driver, which the component
// tests (wasm-bindgen-test-runner) use as well, so one driver serves both.
import { Builder, By, Key, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export { By, Key, until };
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const APP_URL = pathToFileURL(join(ROOT, "dist", "thongbao.html")).href;
export const DEMO_URL = pathToFileURL(join(ROOT, "dist", "embed-demo.html")).href;

function geckodriver() {
  if (process.env.GECKODRIVER) return process.env.GECKODRIVER;
  const cargo = join(homedir(), ".cargo", "bin", "geckodriver");
  return existsSync(cargo) ? cargo : "geckodriver";
}

/// A fresh headless Firefox (geckodriver gives it a new profile) that saves
/// downloads into its own temp dir without asking.
export async function launch({ width = 1280, height = 900 } = {}) {
  const downloads = mkdtempSync(join(tmpdir(), "thongbao-ff-dl-"));
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX || "/usr/bin/firefox-esr")
    .addArguments("-headless")
    .windowSize({ width, height })
    .setPreference("browser.download.folderList", 2)
    .setPreference("browser.download.dir", downloads)
    .setPreference("browser.download.useDownloadDir", true)
    .setPreference("browser.download.always_ask_before_handling_new_types", false)
    .setPreference("browser.download.manager.showWhenStarting", false)
    .setPreference("browser.helperApps.neverAsk.saveToDisk", "application/json,text/html")
    // Quiet: no update checks, telemetry or first-run pages.
    .setPreference("app.update.enabled", false)
    .setPreference("browser.shell.checkDefaultBrowser", false)
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("toolkit.telemetry.enabled", false);
  const driver = await new Builder()
    .forBrowser("firefox")
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(geckodriver()))
    .build();
  await driver.manage().setTimeouts({ script: 20000 });
  return {
    driver,
    downloads,
    async close() {
      await driver.quit();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/// Page errors, recorded from here on (WebDriver classic has no console).
export const recordErrors = (driver) =>
  driver.executeScript(`
    window.__errors = [];
    addEventListener("error", (e) => window.__errors.push(String(e.message)));
    addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));`);
export const errors = (driver) => driver.executeScript("return window.__errors || []");

/// Waits until `fn` (in the page, with `args`) returns something truthy;
/// returns that.
export async function waitFor(driver, fn, args = [], what = "condition", timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await driver.executeScript(`return (${fn})(...arguments)`, ...args);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await driver.sleep(100);
  }
}

export async function openApp(driver) {
  await driver.get(APP_URL);
  await driver.wait(until.elementLocated(By.id("thongbao-app")), 20000);
  await recordErrors(driver);
  await waitFor(driver, () => document.getElementById("btn-new"), [], "the start screen");
}

/// The element of a field path (ids hold `/` and `.`, so [id=…]).
export const fieldSel = (path) => `[id="f-${path}"]`;
export const field = (driver, path) => driver.findElement(By.css(fieldSel(path)));
export const value = (el) => el.getProperty("value");

/// Replaces a field's text with real keystrokes, as a person does: click,
/// select all, type. (geckodriver's "Element Clear" is undone by the next
/// render of a field the app keeps, and Ctrl+A sent as keys does not select
/// there: select with `select()`, which is what the person's Ctrl+A does.)
export async function typeInto(driver, el, text) {
  await el.click();
  await driver.executeScript("arguments[0].select()", el);
  await el.sendKeys(Key.BACK_SPACE);
  await el.sendKeys(text);
}

/// The preview's text (in its iframe, under `root`: the document or a
/// shadow root), once it contains `expect` (or lacks it, with `absent`).
export async function previewText(driver, expect, { absent = false, host = null } = {}) {
  return waitFor(
    driver,
    (expect, absent, host) => {
      const root = host ? document.getElementById(host).shadowRoot : document;
      const text = root?.getElementById("preview-frame")?.contentDocument?.body?.textContent ?? "";
      return text.includes(expect) !== absent ? text || " " : null;
    },
    [expect, absent, host],
    `the preview ${absent ? "without" : "with"} ${JSON.stringify(expect)}`,
  );
}

export const focusedId = (driver) => driver.executeScript("return document.activeElement?.id ?? ''");

/// The toolbar's button for one file ("json", "html", "docx"), after
/// opening "Tải về" as the officer does (the page at a desktop width).
export async function downloadButton(driver, format) {
  const menu = await driver.findElement(By.id("btn-download"));
  if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
  const button = await driver.findElement(By.id(`btn-${format}`));
  await driver.wait(until.elementIsVisible(button), 5000);
  return button;
}

/// Clicks `sel` and waits for the file it downloads (a name matching
/// `pattern`) to land complete in the download dir.
export async function download(b, el, pattern) {
  const before = new Set(readdirSync(b.downloads));
  await el.click();
  const end = Date.now() + 15000;
  for (;;) {
    const done = readdirSync(b.downloads).filter(
      (f) => !before.has(f) && pattern.test(f) && !f.endsWith(".part"),
    );
    const partial = readdirSync(b.downloads).some((f) => f.endsWith(".part"));
    if (done.length && !partial) {
      const path = join(b.downloads, done[0]);
      return { name: done[0], path, text: readFileSync(path, "utf8") };
    }
    if (Date.now() > end) throw new Error(`no download matching ${pattern}`);
    await b.driver.sleep(100);
  }
}
