// Printing (issue 3): the exported sample notice printed to PDF by Chromium
// is A4, with no page number on page 1 and "2" at the top of page 2
// (text per page by poppler's pdftotext/pdfinfo). "In" in the editor prints
// the preview's document — the notice alone, in its own A4 layout — and the
// editor's own print styles hide the form.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openApp, previewText, openSample } from "./helpers.mjs";

let b, page, exported;
const files = mkdtempSync(join(tmpdir(), "thongbao-print-"));

before(async () => {
  b = await launch();
  page = b.page;
  await openApp(page);
  await openSample(page);
  await previewText(page, "Chi Lăng");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#btn-html")]);
  exported = join(files, dl.suggestedFilename());
  await dl.saveAs(exported);
});
after(async () => b.close());

const pdfText = (pdf, n) =>
  execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"], { encoding: "utf8" });

/// The first non-blank lines of a page's text, trimmed.
const head = (text, k = 2) =>
  text.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, k);

test("the exported notice prints to A4, page numbers from page 2", async () => {
  const p = await b.context.newPage();
  await p.goto(pathToFileURL(exported).href);
  const pdf = join(files, "notice.pdf");
  await p.pdf({ path: pdf, preferCSSPageSize: true });
  await p.close();
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");

  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "3", pdf], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  assert.ok(pages >= 2, `${pages} pages`);
  for (const m of info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    assert.ok(Math.abs(Number(m[1]) - 595.28) <= 2, `width ${m[1]} pt`);
    assert.ok(Math.abs(Number(m[2]) - 841.89) <= 2, `height ${m[2]} pt`);
  }

  const one = pdfText(pdf, 1);
  const two = pdfText(pdf, 2);
  // Page 1 opens with the header (agency, motto), no number above it.
  assert.doesNotMatch(head(one).join(" "), /^\s*1\s/);
  assert.notEqual(head(one)[0], "1");
  assert.match(one, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  // Page 2 starts with its number, centred at the top.
  assert.equal(head(two)[0], "2", `page 2 begins: ${JSON.stringify(head(two, 3))}`);
  if (pages >= 3) assert.equal(head(pdfText(pdf, 3))[0], "3");
});

test("“In” prints the preview's document: the notice alone, in its A4 layout", async () => {
  // Catch the print call of the preview frame (a real print dialog cannot
  // be driven headless).
  await page.evaluate(() => {
    const w = document.getElementById("preview-frame").contentWindow;
    window.__printed = [];
    w.print = () => window.__printed.push(w.document.documentElement.outerHTML);
    window.print = () => window.__printed.push("the whole editor");
  });
  // The officer learns that printing is how a PDF is made.
  assert.match(await page.locator("#btn-print").textContent(), /Lưu PDF/);
  assert.match(await page.locator("#btn-print").getAttribute("title"), /Lưu dưới dạng PDF/);
  await page.click("#btn-print");
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.length, 1);
  const html = printed[0];
  assert.match(html, /@page\s*\{[^}]*size:\s*A4/);
  assert.match(html, /THÔNG BÁO/);
  assert.doesNotMatch(html, /id="thongbao-app"|btn-print|nav class="groups"/);
  // The same document as the exported file (same renderer, same styles).
  const file = readFileSync(exported, "utf8");
  const style = /<style>([\s\S]*?)<\/style>/.exec(file)[1];
  assert.ok(html.includes(style.slice(0, 200)), "the exported notice's stylesheet");
});

test("printing the editor page itself (Ctrl+P) hides the form and the toolbar", async () => {
  await page.emulateMedia({ media: "print" });
  try {
    assert.equal(await page.isVisible("#form-pane"), false);
    assert.equal(await page.isVisible(".toolbar"), false);
    assert.equal(await page.isVisible("#preview-frame"), true);
  } finally {
    await page.emulateMedia({ media: null });
  }
});
