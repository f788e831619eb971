// The draft's rescue download, shared by the page's crash message
// (www/boot.js) and the custom element's (www/element.js): plain JavaScript,
// since it runs when the editor's wasm has stopped. One copy of the code
// and of the file's name; scripts/assemble.mjs and
// scripts/assemble-element.mjs inline it (as www/library.js).
//
// thongbaoDraftDownload(text, parent): downloads `text` as
// thong-bao-ban-nhap-YYYY-MM-DD.json through a hidden <a download> put in
// `parent` (the page's body or the element's shadow root); false when there
// is no text.
function thongbaoDraftDownload(text, parent) {
  if (!text) return false;
  var d = new Date();
  var p = function (n) {
    return (n < 10 ? "0" : "") + n;
  };
  var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  var a = document.createElement("a");
  a.href = url;
  a.download = "thong-bao-ban-nhap-" + d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()) + ".json";
  a.hidden = true;
  parent.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the browser may read the blob after click() returns.
  setTimeout(function () {
    URL.revokeObjectURL(url);
  }, 60000);
  return true;
}
