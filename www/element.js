/* <thongbao-editor>: the thongbao editor as a custom element.
 *
 *   <script src="thongbao-element.js"></script>
 *   <thongbao-editor storage-key="notice-42" lang="vi"></thongbao-editor>
 *   <thongbao-editor library></thongbao-editor>   (every notice, in IndexedDB)
 *
 * One classic script, the wasm inlined (no fetch: it works from file:// and
 * from any host). scripts/assemble-element.mjs fills in the markers: the
 * wasm-bindgen no-modules glue, the wasm (compressed, base64; the same
 * payload as dist/thongbao.html), its LZMA decoder (www/lzma.js, local to
 * this function) and the styles.
 *
 * - Safe to include twice: the second copy sees the element defined and
 *   does nothing. The glue runs inside this function, so its global
 *   `let wasm_bindgen` cannot collide with another copy or with the
 *   standalone page's.
 * - The wasm module is instantiated once, on first use, and shared by every
 *   element on the page; each element mounts its own yew app into a <div>
 *   in its open shadow root.
 * - Removing the element tears its app down; moving it (removed and
 *   inserted again in the same task) keeps it.
 */
(function () {
  "use strict";
  var TAG = "thongbao-editor";
  if (typeof window === "undefined" || !window.customElements || window.customElements.get(TAG)) return;

  // The wasm: base64 of its LZMA ("lzma", inflated by www/lzma.js below) or
  // gzip ("gzip", inflated by the browser) compression, or of the raw bytes.
  var WASM_ENCODING = "@@ENCODING@@";
  var WASM_BASE64 = "@@WASM@@";
  var CSS = "@@CSS@@";
  /*@@LZMA@@*/
  // The library of notices (www/library.js), for elements with `library`.
  /*@@LIBRARY@@*/
  var bindgen = function () {
    /*@@GLUE@@*/
    return wasm_bindgen;
  };

  var booting = null;
  /** The wasm API, instantiated once for the page. */
  function boot() {
    if (!booting) {
      booting = Promise.resolve().then(function () {
        var wb = bindgen();
        var bytes;
        if (typeof Uint8Array.fromBase64 === "function") {
          bytes = Uint8Array.fromBase64(WASM_BASE64);
        } else {
          var bin = atob(WASM_BASE64);
          bytes = new Uint8Array(bin.length);
          for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        }
        var wasm;
        if (WASM_ENCODING === "lzma") {
          wasm = Promise.resolve(thongbaoLzma(bytes));
        } else if (WASM_ENCODING === "gzip") {
          var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
          wasm = new Response(stream).arrayBuffer().then(function (b) {
            return new Uint8Array(b);
          });
        } else {
          wasm = Promise.resolve(bytes);
        }
        return wasm
          .then(function (module) {
            return wb({ module_or_path: module });
          })
          .then(function () {
            return wb;
          });
      });
    }
    return booting;
  }

  var sheet = null;
  /** The styles, one constructed sheet shared by every shadow root. */
  function styles(shadow) {
    if (shadow.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function") {
      try {
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(CSS);
        }
        shadow.adoptedStyleSheets = [sheet];
        return;
      } catch (e) {
        /* fall back to a <style> */
      }
    }
    var style = document.createElement("style");
    style.textContent = CSS;
    shadow.appendChild(style);
  }

  var NOT_READY = "thongbao-editor: not ready yet (wait for the thongbao-ready event)";

  class ThongbaoEditor extends HTMLElement {
    static get observedAttributes() {
      return ["lang", "src", "storage-key", "readonly"];
    }

    constructor() {
      super();
      this._editor = null; // the wasm Editor, once mounted
      this._starting = false;
      this._teardown = 0; // a pending teardown (the element was removed)
      this._pending = undefined; // a value set before the editor was up
      this._ready = false;
      this._generation = 0;
    }

    connectedCallback() {
      if (this._teardown) {
        // Moved within the page: keep the app.
        clearTimeout(this._teardown);
        this._teardown = 0;
        return;
      }
      // A value set on the element before this script defined it.
      if (Object.prototype.hasOwnProperty.call(this, "value")) {
        var v = this.value;
        delete this.value;
        this.value = v;
      }
      if (this._editor || this._starting) return;
      this._start();
    }

    disconnectedCallback() {
      var self = this;
      if (this._teardown) return;
      this._teardown = setTimeout(function () {
        self._teardown = 0;
        if (!self.isConnected) self._stop();
      }, 0);
    }

    attributeChangedCallback(name, old, value) {
      if (old === value || !this._editor) return;
      if (name === "lang") this._editor.setLang(value || "vi");
      else if (name === "readonly") this._editor.setReadonly(value !== null);
      else if (name === "src" && value) this._load(value);
      else if (name === "storage-key") {
        // Another draft: start again with it.
        this._stop();
        this._start();
      }
    }

    _start() {
      var self = this;
      var generation = ++this._generation;
      this._starting = true;
      this._ready = false;
      var shadow = this.shadowRoot || this.attachShadow({ mode: "open" });
      if (!this.shadowRoot.adoptedStyleSheets || !this.shadowRoot.adoptedStyleSheets.length) styles(shadow);
      Array.prototype.slice.call(shadow.childNodes).forEach(function (n) {
        if (n.nodeName !== "STYLE") shadow.removeChild(n);
      });
      var root = document.createElement("div");
      root.className = "tb-root";
      root.setAttribute("part", "root");
      var loading = document.createElement("p");
      loading.className = "tb-loading";
      loading.textContent = this.getAttribute("lang") === "en" ? "Opening the editor…" : "Đang mở trình soạn thảo…";
      root.appendChild(loading);
      shadow.appendChild(root);
      boot()
        .then(function (wb) {
          if (generation !== self._generation || !self.isConnected) return;
          var src = self.getAttribute("src");
          var heldReady = null;
          self._editor = new wb.Editor(root, {
            lang: self.getAttribute("lang"),
            storageKey: self.getAttribute("storage-key"),
            library: self.hasAttribute("library"),
            readonly: self.hasAttribute("readonly"),
            emit: function (type, detail) {
              if (type === "thongbao-ready") self._restored = !!(detail && detail.restored);
              if (type === "thongbao-ready" && self._loading) {
                heldReady = detail; // sent once the src is in
                return true;
              }
              if (type === "thongbao-ready") self._ready = true;
              return self._emit(type, detail);
            },
          });
          self._starting = false;
          if (self._pending !== undefined) {
            var v = self._pending;
            self._pending = undefined;
            try {
              self._editor.setValue(v);
            } catch (e) {
              console.error(e);
            }
          } else if (src) {
            // A draft kept under storage-key wins over src (it holds the
            // officer's work); an explicit change of src loads it.
            self._load(src, function (restored) {
              return !restored;
            }).then(function () {
              if (heldReady) {
                heldReady.value = self._editor ? self._editor.value : null;
                self._ready = true;
                self._emit("thongbao-ready", heldReady);
              }
            });
          }
        })
        .catch(function (err) {
          self._starting = false;
          console.error("thongbao-editor:", err);
          root.textContent =
            "Không mở được trình soạn thảo trong trình duyệt này (" + err + "). / The editor cannot start in this browser.";
        });
    }

    /** Fetches `src` and opens it (`when(restored)` may decline). */
    _load(src, when) {
      var self = this;
      var editor = this._editor;
      this._loading = true;
      var done = function () {
        self._loading = false;
      };
      return new Promise(function (resolve) {
        // Wait for the first render (ready tells whether a draft was restored).
        setTimeout(resolve, 0);
      })
        .then(function () {
          return fetch(src);
        })
        .then(function (res) {
          if (!res.ok) throw new Error("HTTP " + res.status);
          return res.text();
        })
        .then(function (text) {
          if (editor !== self._editor) return;
          if (when && !when(self._restored)) return;
          try {
            editor.loadText(text, src);
          } catch (e) {
            console.warn("thongbao-editor: " + src + ": " + e.message);
          }
        })
        .catch(function (err) {
          if (editor === self._editor && editor) editor.loadFailed(src, String(err && err.message ? err.message : err));
          console.warn("thongbao-editor: could not fetch " + src + ": " + err);
        })
        .then(done, done);
    }

    _stop() {
      this._generation++;
      this._starting = false;
      this._ready = false;
      if (this._editor) {
        var ed = this._editor;
        this._editor = null;
        ed.destroy();
        ed.free();
      }
      if (this.shadowRoot) {
        var shadow = this.shadowRoot;
        Array.prototype.slice.call(shadow.childNodes).forEach(function (n) {
          if (n.nodeName !== "STYLE") shadow.removeChild(n);
        });
      }
    }

    _emit(type, detail) {
      return this.dispatchEvent(
        new CustomEvent(type, { detail: detail, bubbles: true, composed: true, cancelable: true }),
      );
    }

    _need() {
      if (!this._editor) throw new Error(NOT_READY);
      return this._editor;
    }

    /** The notice as a plain object (null before the editor is up). */
    get value() {
      if (this._pending !== undefined) return this._pending;
      return this._editor ? this._editor.value : null;
    }

    /** Opens a notice (plain object or JSON text); throws when invalid. */
    set value(v) {
      if (!this._editor) {
        this._pending = v;
        return;
      }
      this._editor.setValue(v);
    }

    get ready() {
      return this._ready;
    }

    /** Runs the checks ("Kiểm tra"): {mode, errors, warnings, findings}. */
    validate() {
      return this._need().validate();
    }

    /** Exports as the toolbar's button does (thongbao-export first); returns the text. */
    exportJson() {
      return this._need().exportJson();
    }

    exportHtml() {
      return this._need().exportHtml();
    }

    exportDocx() {
      return this._need().exportDocx();
    }

    /** Back to a blank notice (the template). */
    reset() {
      this._need().reset();
    }
  }

  window.customElements.define(TAG, ThongbaoEditor);
})();
