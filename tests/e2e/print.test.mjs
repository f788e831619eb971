// Printing (issue 3): the exported sample notice printed to PDF by Chromium
// is A4, with no page number on page 1 and "2" at the top of page 2
// (text per page by poppler's pdftotext/pdfinfo). "In" in the editor prints
// the preview's document — the notice alone, in its own A4 layout — and the
// editor's own print styles hide the form.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openApp, previewText, openSample, download } from "./helpers.mjs";

let b, page, exported;
const files = mkdtempSync(join(tmpdir(), "thongbao-print-"));

before(async () => {
  b = await launch();
  page = b.page;
  await openApp(page);
  await openSample(page);
  await previewText(page, "Chi Lăng");
  const dl = await download(page, "html");
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

test("“In / Lưu PDF” prints each note at the foot of the page that cites it, and loses no word", async () => {
  const shown = await page.evaluate(() => document.getElementById("preview-frame").contentDocument.documentElement.outerHTML);
  await page.evaluate(() => {
    const w = document.getElementById("preview-frame").contentWindow;
    window.__paged = null;
    w.print = () => {
      window.__paged = w.document.documentElement.outerHTML;
    };
  });
  await page.click("#btn-print");
  const paged = await page.evaluate(() => window.__paged);
  assert.ok(paged, "printed");
  // Put back as it was once printed.
  assert.equal(await page.evaluate(() => document.getElementById("preview-frame").contentDocument.documentElement.outerHTML), shown);

  const file = join(files, "paged.html");
  writeFileSync(file, paged);
  const p = await b.context.newPage();
  await p.goto(pathToFileURL(file).href);
  const words = (s) => s.replace(/\s+/g, " ").trim();
  const layout = await p.evaluate(() => {
    const sheets = [...document.querySelectorAll(".page > .sheet")];
    const seen = new Set();
    return sheets.map((s) => {
      const [main, , foot] = s.children;
      const cited = [...main.querySelectorAll('sup a[href^="#fn-"]')].map((a) => a.getAttribute("href").slice(4));
      const first = cited.filter((n) => !seen.has(n));
      first.forEach((n) => seen.add(n));
      const last = main.lastElementChild && (main.lastElementChild.lastElementChild || main.lastElementChild);
      return {
        text: main.innerText,
        notes: foot.innerText,
        first: [...new Set(first)],
        begun: [...foot.querySelectorAll(".note[id]")].map((n) => n.id.slice(3)),
        lastTag: last ? last.tagName : "",
      };
    });
  });
  assert.ok(layout.length >= 2, `${layout.length} pages`);
  for (const [i, s] of layout.entries()) {
    // Each note begins on the page that cites it first.
    assert.deepEqual(s.begun, s.first, `page ${i + 1}: notes ${s.begun} for markers ${s.first}`);
    // No title alone at a page's foot.
    assert.doesNotMatch(s.lastTag, /^H[1-6]$/, `page ${i + 1} ends with a title`);
  }
  // Nothing lost, nothing twice: the pages read as the notice does.
  const whole = await page.evaluate(() => {
    const d = document.getElementById("preview-frame").contentDocument;
    const body = [...d.querySelector(".page").children]
      .filter((c) => !c.matches(".notes") && getComputedStyle(c).position !== "fixed")
      .map((c) => c.innerText);
    return { body: body.join(" "), notes: [...d.querySelectorAll(".page > .notes .note")].map((n) => n.innerText).join(" ") };
  });
  assert.equal(words(layout.map((s) => s.text).join(" ")), words(whole.body));
  assert.equal(words(layout.map((s) => s.notes).join(" ")), words(whole.notes));

  // Printed, each sheet is one A4 page, as laid out.
  const pdf = join(files, "paged.pdf");
  await p.pdf({ path: pdf, preferCSSPageSize: true });
  await p.close();
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  assert.equal(Number(/^Pages:\s+(\d+)/m.exec(info)[1]), layout.length);
  for (const [i, s] of layout.entries()) {
    const text = words(execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }));
    const start = words(s.text).split(" ").slice(0, 4).join(" ");
    assert.ok(text.includes(start), `page ${i + 1} begins “${start}”`);
  }
  assert.match(layout.at(-1).text, /Nơi nhận/);
});

test("Ctrl+P in the editor prints the notice in pages, as “In / Lưu PDF” does", async () => {
  await page.evaluate(() => {
    const w = document.getElementById("preview-frame").contentWindow;
    window.__paged = null;
    w.print = () => {
      window.__paged = w.document.querySelectorAll(".page > .sheet").length;
    };
  });
  await page.locator("#form-pane input, #form-pane textarea").first().focus();
  await page.keyboard.press("Control+p");
  assert.ok((await page.evaluate(() => window.__paged)) >= 2, "the preview printed in pages");
});

test("printing the editor page itself (the browser's menu) hides the form and the toolbar", async () => {
  await page.emulateMedia({ media: "print" });
  try {
    assert.equal(await page.isVisible("#form-pane"), false);
    assert.equal(await page.isVisible(".toolbar"), false);
    assert.equal(await page.isVisible("#preview-frame"), true);
  } finally {
    await page.emulateMedia({ media: null });
  }
});
