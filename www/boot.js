// Starts the editor: decodes the wasm inlined in this page (base64, no fetch,
// so the page works from file://) and mounts the app into #app.
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
  try {
    var bytes = decode(holder.textContent.trim());
    holder.textContent = "";
    wasm_bindgen({ module_or_path: bytes })
      .then(function () {
        wasm_bindgen.mount("app");
      })
      .catch(fail);
  } catch (err) {
    fail(err);
  }
})();
