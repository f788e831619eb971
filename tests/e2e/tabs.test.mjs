// Two tabs on the same draft (issue 5): when another tab saves the draft,
// no silent overwrite. A banner asks "Tải bản của thẻ kia" / "Giữ bản của
// tôi", and autosave pauses until the officer answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, field, typeInto, gotoGroup, previewText, lastSaved, waitSaved, library } from "./helpers.mjs";

const saved = async (page) => (await lastSaved(page))?.header.number;

async function editNumber(page, value) {
  await gotoGroup(page, "header");
  await typeInto(page, "header/number", value);
  await previewText(page, `${value}/TB-SLĐTBXH`);
}

test("another tab's save is never silently overwritten", async () => {
  const b = await launch();
  const a = b.page;
  try {
    await openApp(a);
    await a.click("#btn-sample");
    await a.waitForSelector("nav.groups");
    await editNumber(a, "10");
    await waitSaved(a, (n) => n.header.number === "10");

    // Tab B opens the same draft and changes it.
    const tabB = await b.context.newPage();
    const bErrors = [];
    tabB.on("pageerror", (e) => bErrors.push(String(e)));
    await openApp(tabB);
    await tabB.waitForSelector("nav.groups");
    assert.equal(await field(tabB, "header/number").inputValue(), "10");
    assert.equal(await a.locator("#other-tab").count(), 0, "no banner while B only read");
    await editNumber(tabB, "11");
    await waitSaved(tabB, (n) => n.header.number === "11");

    // Tab A is told, and its autosave pauses: its edits do not overwrite B's.
    const banner = a.locator("#other-tab");
    await banner.waitFor();
    assert.match(await banner.textContent(), /Bản nháp vừa được sửa ở một thẻ khác/);
    assert.equal(await banner.getAttribute("role"), "alert");
    await editNumber(a, "22");
    await a.waitForTimeout(1000);
    assert.equal(await saved(a), "11", "autosave paused in tab A");

    // "Giữ bản của tôi": A saves its version; now B is asked.
    await a.click("#btn-mine");
    await banner.waitFor({ state: "detached" });
    await waitSaved(a, (n) => n.header.number === "22");
    const bannerB = tabB.locator("#other-tab");
    await bannerB.waitFor();

    // "Tải bản của thẻ kia" in B: B now shows A's version.
    await tabB.click("#btn-theirs");
    await bannerB.waitFor({ state: "detached" });
    await gotoGroup(tabB, "header");
    assert.equal(await field(tabB, "header/number").inputValue(), "22");
    await previewText(tabB, "22/TB-SLĐTBXH");
    // Both agree now: no further banner in either tab.
    await a.waitForTimeout(1000);
    assert.equal(await a.locator("#other-tab").count(), 0);
    assert.equal(await tabB.locator("#other-tab").count(), 0);
    assert.equal(await saved(a), "22");
    assert.deepEqual([...b.errors.map(String), ...bErrors], []);
  } finally {
    await b.close();
  }
});

test("different notices in two tabs work independently: no banner, each saves its own", async () => {
  const b = await launch();
  const a = b.page;
  try {
    await openApp(a);
    await a.click("#btn-sample");
    await a.waitForSelector("nav.groups");
    await editNumber(a, "30");
    await waitSaved(a, (n) => n.header.number === "30");
    // Tab B: a second notice, from the start screen.
    const tabB = await b.context.newPage();
    await openApp(tabB);
    await tabB.waitForSelector("nav.groups");
    await tabB.click("#btn-library");
    await tabB.click("#btn-new");
    await tabB.waitForSelector("nav.groups");
    await gotoGroup(tabB, "header");
    await typeInto(tabB, "header/number", "40");
    await waitSaved(tabB, (n) => n.header.number === "40");
    await editNumber(a, "31");
    await waitSaved(a, (n) => n.header.number === "31");
    await a.waitForTimeout(800);
    assert.equal(await a.locator("#other-tab").count(), 0);
    assert.equal(await tabB.locator("#other-tab").count(), 0);
    const numbers = (await library(a)).map((e) => e.notice.header.number).sort();
    assert.deepEqual(numbers, ["31", "40"]);
  } finally {
    await b.close();
  }
});

test("a notice deleted in one tab while another tab edits it comes back with the edit (never deleted for good under the editor)", async () => {
  const b = await launch();
  const a = b.page;
  try {
    await openApp(a);
    await a.click("#btn-sample");
    await a.waitForSelector("nav.groups");
    await editNumber(a, "50");
    await waitSaved(a, (n) => n.header.number === "50");
    const x = (await library(a))[0].id;
    const tabB = await b.context.newPage();
    await openApp(tabB);
    await tabB.waitForSelector("nav.groups");
    await tabB.click("#btn-library");
    await tabB.click("#btn-blank");
    await tabB.waitForSelector("nav.groups");
    await tabB.click("#btn-library");
    await tabB.click(`[id="lib-remove-${x}"]`);
    await tabB.locator("#lib-undo").waitFor();
    assert.ok(!(await library(tabB)).some((e) => e.id === x), "removed from the list");
    // Tab A still edits it: its save brings it back.
    await editNumber(a, "51");
    await waitSaved(a, (n) => n.header.number === "51");
    const back = (await library(tabB)).find((e) => e.id === x);
    assert.equal(back?.notice.header.number, "51");
  } finally {
    await b.close();
  }
});
