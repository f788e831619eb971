// Broken files through "Mở tệp" (issue 5): each gets a clear, specific
// message (the core importer's), and the draft being edited is untouched —
// a field's value and the preview are the same before and after. The file
// is read as bytes (so encodings are diagnosed), and a file over the
// importer's limit is refused by its size before it is read.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, openSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openApp, field, typeInto, gotoGroup, previewText, ROOT, openSample, download } from "./helpers.mjs";

const dir = mkdtempSync(join(tmpdir(), "thongbao-files-"));
const sample = readFileSync(join(ROOT, "data", "chi-lang-2024.json"), "utf8");
const edit = (f) => {
  const n = JSON.parse(sample);
  f(n);
  return JSON.stringify(n, null, 2);
};

// [file name, contents, expected message]
const FILES = [
  ["cat-cut.json", sample.slice(0, Math.floor(sample.length / 2)), /tệp bị cắt cụt, thiếu phần cuối \(dòng \d+, cột \d+\)/],
  ["sai-cu-phap.json", sample.replace('"header"', "'header'"), /có ký tự không đúng cú pháp JSON \(dòng \d+/],
  ["mang.json", "[1, 2, 3]", /cần một đối tượng/],
  ["khac.json", '{"hello": "world"}', /thiếu trường “format” = “thongbao\.notice”/],
  ["sai-kieu.json", edit((n) => (n.header.number = 97)), /“header\.number”: sai kiểu dữ liệu: cần chuỗi ký tự, nhưng tệp ghi số/],
  ["sai-kieu-danh-sach.json", edit((n) => (n.recipients = "UBND tỉnh")), /“recipients”: sai kiểu dữ liệu/],
  ["thieu.json", edit((n) => delete n.header), /thiếu trường bắt buộc “header”/],
  ["thieu-trong.json", edit((n) => delete n.figures[0].value), /thiếu trường bắt buộc “value”/],
  ["thua.json", edit((n) => (n.extra_field = 1)), /trường lạ “extra_field”/],
  ["phien-ban-moi.json", edit((n) => (n.version = 99)), /phiên bản mới hơn của thongbao \(định dạng phiên bản 99\)/],
  ["anh.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(64).fill(0)]), /không phải văn bản mà là một ảnh PNG/],
  ["trang-khac.html", "<!doctype html><html><head><title>Báo cáo</title></head><body><p>Không phải thông báo</p></body></html>", /Không nhận ra thông báo nào trong tệp/],
  ["latin1.json", Buffer.from(sample.replace("UBND", "Trés UBND"), "latin1"), /không dùng mã UTF-8 \(byte lạ ở vị trí \d+\)/],
  ["utf16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")]), /mã UTF-16/],
  ["trong.json", "   \n", /Tệp trống/],
];

let b, page;
const RECOGNISED = "fig/safe_home.recognised/value";

before(async () => {
  b = await launch();
  page = b.page;
  await openApp(page);
  await openSample(page);
  await gotoGroup(page, "sec:p1.s1");
  await typeInto(page, RECOGNISED, "8.300");
  await previewText(page, "8.300");
  // Downloaded: "Mở tệp" opens the picker without asking.
  const dl = await download(page, "json");
  await dl.saveAs(join(dir, "current.json"));
});
after(async () => {
  assert.deepEqual(b.errors.map(String), []);
  await b.close();
});

async function open(path) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("#btn-open")]);
  await chooser.setFiles(path);
}

async function untouched() {
  assert.equal(await field(page, RECOGNISED).inputValue(), "8.300");
  const text = await previewText(page, "8.300");
  assert.match(text, /Chi Lăng/);
}

for (const [name, contents, expected] of FILES) {
  test(`${name}: a specific message, the draft untouched`, async () => {
    const path = join(dir, name);
    writeFileSync(path, contents);
    await open(path);
    const banner = page.locator('#banner[role="alert"]').filter({ hasText: name });
    await banner.waitFor();
    const text = await banner.textContent();
    assert.match(text, new RegExp(`Không mở được tệp “${name.replace(/\./g, "\\.")}”`));
    assert.match(text, expected);
    assert.match(text, /Bản nháp hiện tại vẫn giữ nguyên/);
    await untouched();
    await page.click("#banner button");
  });
}

test("a 50 MB file is refused by its size at once; the page stays responsive", async () => {
  const path = join(dir, "lon.json");
  const fd = openSync(path, "w");
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  writeSync(fd, '{"format": "thongbao.notice", "version": 1, "pad": "');
  for (let i = 0; i < 50; i++) writeSync(fd, chunk);
  writeSync(fd, '"}');
  closeSync(fd);
  const start = Date.now();
  await open(path);
  const banner = page.locator('#banner[role="alert"]').filter({ hasText: "lon.json" });
  await banner.waitFor();
  assert.ok(Date.now() - start < 3000, `${Date.now() - start} ms`);
  assert.match(await banner.textContent(), /Tệp quá lớn \(50 MB\).*tối đa 5 MB/);
  // Responsive: typing still reaches the preview straight away.
  await gotoGroup(page, "header");
  await typeInto(page, "header/number", "58");
  await previewText(page, "58/TB-SLĐTBXH");
  await gotoGroup(page, "sec:p1.s1");
  await untouched();
});

test("the good file still opens after all of these", async () => {
  await gotoGroup(page, "header");
  await typeInto(page, "header/number", "");
  const dl = await download(page, "json");
  await dl.saveAs(join(dir, "x.json"));
  await open(join(dir, "current.json"));
  await page.locator("#banner").filter({ hasText: "Đã mở tệp “current.json”" }).waitFor();
  await gotoGroup(page, "sec:p1.s1");
  await untouched();
});

test("“Tệp Word (.docx)” downloads a Word document that reopens as the same notice", async () => {
  const dl = await download(page, "docx");
  assert.match(dl.suggestedFilename(), /^thong-bao-chi-lang(-.*)?\.docx$/);
  const path = join(dir, "word.docx");
  await dl.saveAs(path);
  assert.equal(readFileSync(path).subarray(0, 4).toString("latin1"), "PK\x03\x04");
  await open(path);
  await page.locator("#banner").filter({ hasText: "Đã mở tệp “word.docx”" }).waitFor();
  await gotoGroup(page, "sec:p1.s1");
  assert.equal(await field(page, RECOGNISED).inputValue(), "8.300");
});

export const FILES_TRIED = FILES.length + 1;
