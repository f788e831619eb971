// Figure relations in the editor (issue 11): on a blank notice (any
// topic), the officer adds two figures and states "A, trong đó có B" in
// the form, from the keyboard; a value that breaks it shows a finding inline
// and in the summary; removing a figure in use asks first; removing the
// relation takes the finding away.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, field, typeInto, gotoGroup } from "./helpers.mjs";

let b, page;

before(async () => {
  b = await launch();
  page = b.page;
  await openApp(page);
  await page.click("#btn-blank");
  await page.waitForSelector("nav.groups");
});
after(async () => {
  assert.deepEqual(b.errors.map(String), []);
  await b.close();
});

const summary = () => page.locator("#error-summary").textContent();

test("two figures, 'trong đó có', a value that breaks it, then the relation removed", async () => {
  await gotoGroup(page, "sec:p1.s1");
  // A blank notice has no figures: add two, as typed.
  await page.click("#add-figures");
  await typeInto(page, "fig/fig.new1/label", "Số hộ được rà soát");
  await typeInto(page, "fig/fig.new1/value", "120");
  await page.click("#add-figures");
  await typeInto(page, "fig/fig.new2/label", "Số hộ nghèo");
  await typeInto(page, "fig/fig.new2/value", "100");

  // "Số hộ được rà soát, trong đó có Số hộ nghèo", chosen from the keyboard.
  const first = page.locator('[id="rel-first-sec-p1-s1"]');
  await first.focus();
  await first.selectOption({ label: "Số hộ được rà soát" });
  await page.keyboard.press("Tab");
  await page.locator('[id="rel-words-sec-p1-s1"]').selectOption("of_which");
  await page.locator('[id="rel-second-sec-p1-s1"]').selectOption({ label: "Số hộ nghèo" });
  await page.locator('[id="rel-add-sec-p1-s1"]').focus();
  await page.keyboard.press("Enter");
  const words = page.locator("ul.relations li").first();
  await words.waitFor();
  assert.match(await words.textContent(), /“Số hộ được rà soát”, trong đó “Số hộ nghèo”/);

  // Within the whole: no finding about it.
  await page.click("#btn-check");
  await page.locator("#error-summary").waitFor();
  assert.doesNotMatch(await summary(), /Số hộ được rà soát/);

  // 150 of which out of 120: the finding, inline and in the summary.
  await typeInto(page, "fig/fig.new2/value", "150");
  await page.click("#btn-check");
  await page.locator("#error-summary").filter({ hasText: "Số hộ được rà soát" }).waitFor();
  assert.match(await summary(), /120.*150|150.*120/s);
  const inline = page.locator(".figure .msg.error").filter({ hasText: "Số hộ được rà soát" });
  await inline.first().waitFor();
  assert.equal(await field(page, "fig/fig.new2/value").inputValue(), "150");

  // Removing a figure in use asks first, and says where it is used.
  await page.click('[id="remove-fig.new2"]');
  const dialog = page.locator("#remove-figure-dialog");
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /“Số hộ nghèo”.*trong đó/s);
  await page.click("#remove-figure-keep");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await field(page, "fig/fig.new2/value").inputValue(), "150");

  // Removing the relation takes the finding away.
  await page.locator("ul.relations button").first().click();
  await page.click("#btn-check");
  await page.waitForFunction(
    () => !(document.getElementById("error-summary")?.textContent ?? "").includes("Số hộ được rà soát"),
  );
  assert.equal(await page.locator("ul.relations").count(), 0);
});
