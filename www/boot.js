// Starts the editor: decodes the wasm inlined in this page (base64 of its
// LZMA or gzip compression, no fetch, so the page works from file://) and
// mounts the app into #app.
(function () {
  "use strict";
  var holder = document.getElementById("thongbao-wasm");
  function fail(err) {
    var p = document.getElementById("boot-message");
    if (p) {
      p.textContent =
        "Không mở được trình soạn thảo trong trình duyệt này (" + err + "). " +
        "Hãy dùng Chromium, Chrome, Edge hoặc Firefox bản mới.";
    }
    console.error(err);
  }
  function decode(b64) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  // A crash must not kill the page silently: the wasm's panic hook sends
  // "thongbao-crash"; with panic = "abort" the panic then traps, and the
  // RuntimeError reaches these handlers too. The message and its buttons are
  // plain JavaScript, since the wasm is dead: "Tải bản nháp đã lưu" reads
  // the notice saved last straight from the library (IndexedDB, through
  // www/library.js), or the old single draft in localStorage.
  var DRAFT_KEY = "thongbao.draft";
  var crashed = false;
  function savedDraft() {
    try {
      return localStorage.getItem(DRAFT_KEY) || localStorage.getItem(DRAFT_KEY + ".broken");
    } catch (e) {
      return null;
    }
  }
  function lastSaved() {
    var lib = window.thongbaoLibrary;
    var old = savedDraft();
    if (old || !lib) return Promise.resolve(old);
    return lib.entries().then(function (l) {
      return l.length ? lib.get(l[0].id) : null;
    }).catch(function () { return null; });
  }
  function downloadDraft(status) {
    lastSaved().then(function (text) { give(text, status); });
  }
  function give(text, status) {
    status.textContent = thongbaoDraftDownload(text, document.body)
      ? "Đã tải bản nháp về máy. Hãy tải lại trang rồi mở tệp đó bằng “Mở tệp”."
      : "Không có bản nháp nào được lưu trong trình duyệt này.";
  }
  function crash(detail) {
    console.error("thongbao: the editor stopped:", detail);
    if (crashed || !document.body) return;
    crashed = true;
    var box = document.createElement("div");
    box.id = "crash";
    box.className = "crash";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", "crash-title");
    box.setAttribute("aria-describedby", "crash-text");
    var h = document.createElement("h2");
    h.id = "crash-title";
    h.textContent = "Trình soạn thảo gặp lỗi và đã dừng";
    var p = document.createElement("p");
    p.id = "crash-text";
    p.textContent =
      "Bản nháp lưu trong trình duyệt vẫn còn (lưu lần cuối ngay trước lỗi). " +
      "Hãy tải bản nháp về máy, rồi tải lại trang. Chi tiết: " + String(detail).slice(0, 300);
    var dl = document.createElement("button");
    dl.type = "button";
    dl.id = "crash-download";
    dl.className = "primary";
    dl.textContent = "Tải bản nháp đã lưu";
    var reload = document.createElement("button");
    reload.type = "button";
    reload.id = "crash-reload";
    reload.textContent = "Tải lại trang";
    var status = document.createElement("p");
    status.id = "crash-status";
    status.setAttribute("role", "status");
    dl.addEventListener("click", function () { downloadDraft(status); });
    reload.addEventListener("click", function () { location.reload(); });
    box.append(h, p, dl, " ", reload, status);
    var app = document.getElementById("app");
    if (app) app.setAttribute("inert", "");
    document.body.insertBefore(box, document.body.firstChild);
    dl.focus();
  }
  function isWasmTrap(err) {
    return typeof WebAssembly === "object" && err instanceof WebAssembly.RuntimeError;
  }
  window.addEventListener("thongbao-crash", function (e) { crash(e.detail); });
  window.addEventListener("error", function (e) {
    if (isWasmTrap(e.error)) crash(e.error);
  });
  window.addEventListener("unhandledrejection", function (e) {
    if (isWasmTrap(e.reason)) crash(e.reason);
  });

  // The wasm ships compressed (scripts/assemble.mjs): LZMA, inflated by
  // www/lzma.js, or gzip, inflated by the browser.
  function inflate(bytes, encoding) {
    if (encoding === "lzma") return Promise.resolve(thongbaoLzma(bytes));
    if (encoding === "gzip") {
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer();
    }
    return Promise.resolve(bytes);
  }
  try {
    performance.mark("thongbao:boot");
    var bytes = decode(holder.textContent.trim());
    var encoding = holder.getAttribute("data-encoding");
    holder.textContent = "";
    inflate(bytes, encoding)
      .then(function (wasm) {
        performance.mark("thongbao:inflated");
        return wasm_bindgen({ module_or_path: wasm });
      })
      .then(function (exports) {
        performance.mark("thongbao:instantiated");
        // The wasm's memory, for scripts/bench.mjs (its size is not in the JS heap).
        wasm_bindgen.memory = exports && exports.memory;
        wasm_bindgen.mount("app");
        performance.mark("thongbao:mounted");
      })
      .catch(fail);
  } catch (err) {
    fail(err);
  }
})();
