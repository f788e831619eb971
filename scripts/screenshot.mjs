// The README's screenshot: the editor with the Chi Lăng 2024 sample, after
// "Kiểm tra", at 1366×900 (docs/screenshot.png); with --phone also the
// narrow layout at 390 px (form and preview tabs) into target/screens/.
// usage: node scripts/screenshot.mjs [--phone]   (after scripts/build.sh)
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openApp, previewText, ROOT } from "../tests/e2e/helpers.mjs";

async function shoot(width, height, out, { preview = false, check = true } = {}) {
  const b = await launch({ width, height });
  try {
    const { page } = b;
    await openApp(page);
    await page.click("#btn-sample");
    await page.waitForSelector("nav.groups");
    await previewText(page, "Chi Lăng");
    if (check) {
      await page.click("#btn-check");
      await page.waitForSelector("#error-summary");
    }
    if (preview) await page.click('.tabs button[aria-controls="preview-pane"]');
    await page.waitForTimeout(400);
    await page.screenshot({ path: out });
    console.log(`screenshot: ${out}`);
  } finally {
    await b.close();
  }
}

await shoot(1366, 900, join(ROOT, "docs", "screenshot.png"));
if (process.argv.includes("--phone")) {
  const dir = join(ROOT, "target", "screens");
  mkdirSync(dir, { recursive: true });
  await shoot(390, 844, join(dir, "phone-form.png"));
  await shoot(390, 844, join(dir, "phone-preview.png"), { preview: true, check: false });
  await shoot(1920, 1080, join(dir, "wide.png"));
  await shoot(1024, 768, join(dir, "laptop.png"));
}
