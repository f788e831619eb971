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
 * - The wasm module is compiled once, on first use; each element gets an
 *   instance of its own (its own memory, its own glue from bindgen(), its
 *   own panic hook) and mounts its yew app into a <div> in its open shadow
 *   root. A panic or a trap therefore stops one editor: that element shows
 *   its crash message (with its last draft to download) and sends
 *   `thongbao-error`; the others go on.
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
  // Printing in pages, notes at the foot (www/pages.js).
  /*@@PAGES@@*/
  // The draft's rescue download (www/draft-download.js), shared with the page.
  /*@@DRAFT@@*/
  // A fresh copy of the glue (its own `wasm`, heap and closures) per call.
  // assemble-element.mjs has it take the instance's exports through
  // `guard(exports)` (below).
  var bindgen = function (guard) {
    /*@@GLUE@@*/
    return wasm_bindgen;
  };

  var compiling = null;
  /** The WebAssembly.Module, compiled once for the page. */
  function compiled() {
    if (!compiling) {
      compiling = Promise.resolve()
        .then(function () {
          var bytes;
          if (typeof Uint8Array.fromBase64 === "function") {
            bytes = Uint8Array.fromBase64(WASM_BASE64);
          } else {
            var bin = atob(WASM_BASE64);
            bytes = new Uint8Array(bin.length);
            for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          }
          if (WASM_ENCODING === "lzma") return thongbaoLzma(bytes);
          if (WASM_ENCODING === "gzip") {
            var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
            return new Response(stream).arrayBuffer();
          }
          return bytes;
        })
        .then(function (bytes) {
          return WebAssembly.compile(bytes);
        });
      compiling.catch(function () {
        compiling = null;
      });
    }
    return compiling;
  }

  /**
   * The instance's exports as the glue sees them: each function stops at
   * `life.dead` (a dead instance is never entered again: its timers and
   * listeners do nothing) and reports a trap to `life.trap` instead of
   * throwing it into the host page (a panic traps after its hook ran).
   */
  function guarded(exports, life) {
    var out = (life.exports = {});
    Object.keys(exports).forEach(function (name) {
      var f = exports[name];
      out[name] =
        typeof f !== "function"
          ? f
          : function () {
              if (life.dead) return DEAD;
              try {
                return f.apply(undefined, arguments);
              } catch (e) {
                if (!(e instanceof WebAssembly.RuntimeError)) throw e;
                life.dead = true;
                life.trap(e);
                return DEAD;
              }
            };
    });
    return out;
  }
  // What a dead instance's functions return: zeros wherever the glue looks
  // (a result's error flag, a pointer, a length), so it reads "nothing".
  var DEAD = Object.freeze([0, 0, 0, 0]);

  /** A new instance of the module for one editor: its glue, once started. */
  function instantiate(life) {
    return compiled().then(function (module) {
      var wb = bindgen(function (exports) {
        return guarded(exports, life);
      });
      return wb({ module_or_path: module }).then(function () {
        return wb;
      });
    });
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
  var STOPPED = "thongbao-editor: the editor stopped after an error (see thongbao-error)";

  /** The crash message's texts, in the element's language. */
  var CRASH = {
    vi: {
      title: "Trình soạn thảo gặp lỗi và đã dừng",
      text:
        "Lỗi chỉ dừng trình soạn thảo này; phần còn lại của trang vẫn dùng được. " +
        "Hãy tải bản nháp về máy, rồi mở lại trình soạn thảo. Chi tiết: ",
      download: "Tải bản nháp",
      restart: "Mở lại trình soạn thảo",
      done: "Đã tải bản nháp về máy. Có thể mở tệp đó bằng “Mở tệp”.",
      none: "Không có bản nháp nào để tải.",
    },
    en: {
      title: "The editor hit an error and stopped",
      text:
        "Only this editor stopped; the rest of the page still works. " +
        "Download the draft, then reopen the editor. Details: ",
      download: "Download the draft",
      restart: "Reopen the editor",
      done: "The draft is downloaded. Open it with “Open file”.",
      none: "There is no draft to download.",
    },
  };

  class ThongbaoEditor extends HTMLElement {
    static get observedAttributes() {
      return ["lang", "src", "storage-key", "readonly"];
    }

    constructor() {
      super();
      this._editor = null; // the wasm Editor, once mounted
      this._wasm = null; // its instance's glue (this element's alone)
      this._life = null; // {dead, trap} of that instance
      this._crashed = false;
      this._last = null; // the last notice the editor reported (for a crash)
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
      if (old === value) return;
      if (name === "storage-key" && (this._editor || this._crashed)) {
        // Another draft: start again with it.
        this._stop();
        this._start();
        return;
      }
      if (!this._editor || this._crashed) return;
      if (name === "lang") this._editor.setLang(value || "vi");
      else if (name === "readonly") this._editor.setReadonly(value !== null);
      else if (name === "src" && value) this._load(value);
    }

    _start() {
      var self = this;
      var generation = ++this._generation;
      this._starting = true;
      this._ready = false;
      this._crashed = false;
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
      var life = {
        dead: false,
        trap: function (err) {
          self._crash(generation, root, String(err));
        },
      };
      instantiate(life)
        .then(function (wb) {
          if (generation !== self._generation || !self.isConnected) return;
          var src = self.getAttribute("src");
          var heldReady = null;
          self._wasm = wb;
          self._life = life;
          self._editor = new wb.Editor(root, {
            lang: self.getAttribute("lang"),
            storageKey: self.getAttribute("storage-key"),
            library: self.hasAttribute("library"),
            readonly: self.hasAttribute("readonly"),
            emit: function (type, detail) {
              if (type === "thongbao-change") self._last = detail;
              if (type === "thongbao-ready") {
                self._restored = !!(detail && detail.restored);
                self._last = detail && detail.value;
              }
              if (type === "thongbao-ready" && self._loading) {
                heldReady = detail; // sent once the src is in
                return true;
              }
              if (type === "thongbao-ready") self._ready = true;
              return self._emit(type, detail);
            },
            // This instance's panic hook (web::crash): runs before the trap.
            crashed: function (message) {
              life.dead = true;
              self._crash(generation, root, message);
            },
          });
          if (self._crashed) return;
          self._starting = false;
          if (self._pending !== undefined) {
            var v = self._pending;
            self._pending = undefined;
            try {
              self._editor.setValue(v);
              self._keep();
            } catch (e) {
              console.error(e);
            }
          } else if (src) {
            // A draft kept under storage-key wins over src (it holds the
            // officer's work); an explicit change of src loads it.
            self._load(src, function (restored) {
              return !restored;
            }).then(function () {
              if (heldReady && !self._crashed) {
                heldReady.value = self._editor ? self._editor.value : null;
                self._last = heldReady.value;
                self._ready = true;
                self._emit("thongbao-ready", heldReady);
              }
            });
          }
        })
        .catch(function (err) {
          if (generation !== self._generation || self._crashed) return;
          self._starting = false;
          console.error("thongbao-editor:", err);
          root.textContent =
            "Không mở được trình soạn thảo trong trình duyệt này (" + err + "). / The editor cannot start in this browser.";
          self._emitError(String(err));
        });
    }

    /**
     * The editor of `generation` stopped (a panic, or a trap): its instance
     * is dead. The message and the draft's download are plain JavaScript;
     * the host hears `thongbao-error` {message}.
     */
    _crash(generation, root, message) {
      if (generation !== this._generation || this._crashed) return;
      this._crashed = true;
      this._starting = false;
      this._ready = false;
      if (this._life) this._life.dead = true;
      console.error("thongbao-editor: the editor stopped:", message);
      var self = this;
      var t = CRASH[this.getAttribute("lang") === "en" ? "en" : "vi"];
      var hadFocus = this.shadowRoot && this.shadowRoot.activeElement;
      Array.prototype.forEach.call(root.children, function (n) {
        n.inert = true;
      });
      var box = document.createElement("div");
      box.className = "crash";
      box.setAttribute("role", "alertdialog");
      box.setAttribute("aria-labelledby", "crash-title");
      box.setAttribute("aria-describedby", "crash-text");
      var h = document.createElement("h2");
      h.id = "crash-title";
      h.textContent = t.title;
      var p = document.createElement("p");
      p.id = "crash-text";
      p.textContent = t.text + String(message).slice(0, 300);
      var dl = document.createElement("button");
      dl.type = "button";
      dl.id = "crash-download";
      dl.className = "primary";
      dl.textContent = t.download;
      var restart = document.createElement("button");
      restart.type = "button";
      restart.id = "crash-restart";
      restart.textContent = t.restart;
      var status = document.createElement("p");
      status.id = "crash-status";
      status.setAttribute("role", "status");
      dl.addEventListener("click", function () {
        status.textContent = self._downloadDraft() ? t.done : t.none;
      });
      restart.addEventListener("click", function () {
        var key = self.getAttribute("storage-key");
        // Without a draft in storage, the notice the editor last reported.
        if ((!key || key === "none") && self._last) self._pending = self._last;
        self._stop();
        self._start();
      });
      box.append(h, p, dl, " ", restart, status);
      root.appendChild(box);
      if (hadFocus) dl.focus();
      this._emitError(String(message));
    }

    _emitError(message) {
      this.dispatchEvent(
        new CustomEvent("thongbao-error", { detail: { message: message }, bubbles: true, composed: true }),
      );
    }

    /** The text of the draft to rescue: the one saved under storage-key, else the last notice reported. */
    _draftText() {
      var key = this.getAttribute("storage-key");
      if (key && key !== "none") {
        try {
          var saved = localStorage.getItem(key) || localStorage.getItem(key + ".broken");
          if (saved) return saved;
        } catch (e) {
          /* storage unavailable: the notice in memory */
        }
      }
      return this._last ? JSON.stringify(this._last, null, 2) : null;
    }

    _downloadDraft() {
      return thongbaoDraftDownload(this._draftText(), this.shadowRoot);
    }

    /** Remembers the notice the editor holds (after the host changed it). */
    _keep() {
      if (this._editor && !this._crashed) this._last = this._editor.value;
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
          if (editor !== self._editor || self._crashed) return;
          if (when && !when(self._restored)) return;
          try {
            editor.loadText(text, src);
            self._keep();
          } catch (e) {
            console.warn("thongbao-editor: " + src + ": " + e.message);
          }
        })
        .catch(function (err) {
          if (editor === self._editor && editor && !self._crashed)
            editor.loadFailed(src, String(err && err.message ? err.message : err));
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
        // A dead instance is left alone (nothing of it runs again).
        if (!this._crashed) {
          ed.destroy();
          ed.free();
        }
      }
      // (A live instance is not stopped: the app's own teardown ran, and
      // what it still had queued may finish.)
      this._life = null;
      this._wasm = null;
      this._crashed = false;
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
      if (this._crashed) throw new Error(STOPPED);
      if (!this._editor) throw new Error(NOT_READY);
      return this._editor;
    }

    /** Calls the editor; a crash on the way is thrown as such. */
    _call(f) {
      var editor = this._need();
      try {
        var r = f(editor);
      } catch (e) {
        if (this._crashed) throw new Error(STOPPED);
        throw e;
      }
      if (this._crashed) throw new Error(STOPPED);
      return r;
    }

    /** The notice as a plain object (null before the editor is up; after a crash, the last one it reported). */
    get value() {
      if (this._pending !== undefined) return this._pending;
      if (this._crashed) return this._last;
      return this._editor ? this._editor.value : null;
    }

    /** Opens a notice (plain object or JSON text); throws when invalid. */
    set value(v) {
      if (this._crashed) throw new Error(STOPPED);
      if (!this._editor) {
        this._pending = v;
        return;
      }
      this._call(function (ed) {
        ed.setValue(v);
      });
      this._keep();
    }

    get ready() {
      return this._ready;
    }

    /** Runs the checks ("Kiểm tra"): {mode, errors, warnings, findings}. */
    validate() {
      return this._call(function (ed) {
        return ed.validate();
      });
    }

    /** Exports as the toolbar's button does (thongbao-export first); returns the text. */
    exportJson() {
      return this._call(function (ed) {
        return ed.exportJson();
      });
    }

    exportHtml() {
      return this._call(function (ed) {
        return ed.exportHtml();
      });
    }

    exportDocx() {
      return this._call(function (ed) {
        return ed.exportDocx();
      });
    }

    /** Back to a blank notice (the template). */
    reset() {
      this._call(function (ed) {
        ed.reset();
      });
      this._keep();
    }
  }

  window.customElements.define(TAG, ThongbaoEditor);
})();
