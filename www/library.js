// The library of notices kept in this browser, in IndexedDB (issue 15):
// promise-wrapped requests for src/web/library.rs (cheaper than web-sys's
// IndexedDB bindings in the wasm). Every write is one transaction with
// durability "strict" and its promise settles when the transaction
// completes (or aborts): "Đã lưu" is said only once the data is on disk.
//
// Stores: "notices" (the list's entry: id, name, subject, body, date,
// status, edited, errors, warnings, dirty; vslot/vat for the versions;
// removed: when it was deleted, for "Hoàn tác"), "texts" (id → the notice's
// JSON) and "versions" ([id, slot] → { at, json }: the last VERSIONS saved
// states, a ring).
var thongbaoLibrary = (function () {
  "use strict";
  var VERSIONS = 10;
  // A saved state becomes a version when the last version is older than this.
  var EVERY = 60000;
  var db = null;
  // Ids that had a version taken since this page opened: the first save of
  // a session always makes one.
  var seen = {};
  var channel = null;
  var STORES = ["notices", "texts", "versions"];
  function open() {
    if (!db) {
      db = new Promise(function (ok, ko) {
        var r = indexedDB.open("thongbao", 1);
        r.onupgradeneeded = function () {
          var d = r.result;
          d.createObjectStore("notices", { keyPath: "id" });
          d.createObjectStore("texts");
          d.createObjectStore("versions");
        };
        r.onsuccess = function () {
          // Another page deletes or upgrades the database: let it.
          r.result.onversionchange = function () { r.result.close(); db = null; };
          ok(r.result);
        };
        r.onerror = function () { ko(r.error); };
        r.onblocked = function () { ko(new DOMException("blocked", "InvalidStateError")); };
      });
      db.catch(function () { db = null; });
    }
    return db;
  }
  // Runs `body(stores, fail)` in one transaction; resolves with what
  // body's `result` holds once the transaction completed.
  function tx(mode, body) {
    return open().then(function (d) {
      return new Promise(function (ok, ko) {
        var failed = null;
        var out = { result: undefined };
        var t = d.transaction(STORES, mode, { durability: "strict" });
        var guard = function (f) {
          return function () {
            try {
              f.apply(null, arguments);
            } catch (e) {
              failed = failed || e;
              try { t.abort(); } catch (_) {}
            }
          };
        };
        t.oncomplete = function () { ok(out.result); };
        t.onabort = t.onerror = function () {
          ko(failed || t.error || new DOMException("The transaction was aborted.", "AbortError"));
        };
        var s = {};
        STORES.forEach(function (n) { s[n] = t.objectStore(n); });
        guard(body)(s, guard, out);
      });
    });
  }
  function req(r, guard, f) {
    r.onsuccess = guard(function () { f(r.result); });
  }
  function entry(e) {
    var o = {};
    for (var k in e) if (k !== "vslot" && k !== "vat" && k !== "removed") o[k] = e[k];
    return o;
  }
  function bus() {
    if (!channel && typeof BroadcastChannel === "function") channel = new BroadcastChannel("thongbao.library");
    return channel;
  }
  // Writes a notice's entry and text (and, now and then, a version); keeps
  // its versions and its name in the list.
  function put(s, guard, e, json, version) {
    req(s.notices.get(e.id), guard, function (old) {
      var n = entry(e);
      n.vslot = old ? old.vslot : 0;
      n.vat = old ? old.vat : 0;
      // A save brings a removed notice back: another tab still edits it,
      // and what it saves must not be deleted for good a minute later.
      if (old && old.name && !n.name) n.name = old.name;
      if (version && (!seen[e.id] || n.edited - n.vat >= EVERY)) {
        seen[e.id] = true;
        s.versions.put({ at: n.edited, json: json }, [e.id, n.vslot % VERSIONS]);
        n.vslot += 1;
        n.vat = n.edited;
      }
      s.notices.put(n);
      s.texts.put(json, e.id);
    });
  }
  return {
    // Opens the database; rejects when the browser has none or refuses it.
    ready: function () {
      return open().then(function () { return true; });
    },
    // The entries, newest first (removed ones left out; those
    // removed over a minute ago are deleted for good now).
    list: function () {
      return this.entries();
    },
    entries: function () {
      return tx("readwrite", function (s, guard, out) {
        req(s.notices.getAll(), guard, function (all) {
          var now = Date.now();
          out.result = all.filter(function (e) {
            if (e.removed && now - e.removed > 60000) {
              s.notices.delete(e.id);
              s.texts.delete(e.id);
              s.versions.delete(IDBKeyRange.bound([e.id, 0], [e.id, VERSIONS]));
            }
            return !e.removed;
          }).map(entry).sort(function (a, b) { return b.edited - a.edited; });
        });
      });
    },
    // A notice's JSON, or null.
    get: function (id) {
      return tx("readonly", function (s, guard, out) {
        req(s.texts.get(id), guard, function (t) { out.result = t === undefined ? null : t; });
      });
    },
    // Saves a notice (its entry and JSON); tells the other tabs once it is
    // on disk.
    save: function (e, json) {
      return tx("readwrite", function (s, guard) {
        put(s, guard, e, json, true);
      }).then(function () {
        var c = bus();
        if (c) c.postMessage({ id: e.id, json: json });
        return true;
      });
    },
    // Marks a notice removed (undo: restore), or brings it back.
    remove: function (id, back) {
      return tx("readwrite", function (s, guard) {
        req(s.notices.get(id), guard, function (n) {
          if (!n) return;
          if (back) delete n.removed;
          else n.removed = Date.now();
          s.notices.put(n);
        });
      });
    },
    // Names a notice in the list ("" or null: its subject again).
    rename: function (id, name) {
      return tx("readwrite", function (s, guard) {
        req(s.notices.get(id), guard, function (n) {
          if (!n) return;
          if (name) n.name = name;
          else delete n.name;
          s.notices.put(n);
        });
      });
    },
    // The times of a notice's versions, newest first.
    versions: function (id) {
      return tx("readonly", function (s, guard, out) {
        req(s.versions.getAll(IDBKeyRange.bound([id, 0], [id, VERSIONS])), guard, function (all) {
          out.result = all.map(function (v) { return v.at; }).sort(function (a, b) { return b - a; });
        });
      });
    },
    // One version's JSON, to restore it: the notice's current state is
    // kept as a version first (in the same transaction).
    version: function (id, at) {
      return tx("readwrite", function (s, guard, out) {
        req(s.versions.getAll(IDBKeyRange.bound([id, 0], [id, VERSIONS])), guard, function (all) {
          var v = all.filter(function (v) { return v.at === at; })[0];
          if (!v) return;
          out.result = v.json;
          req(s.notices.get(id), guard, function (n) {
            req(s.texts.get(id), guard, function (cur) {
              if (!n || cur === undefined || cur === v.json) return;
              var now = Math.max(Date.now(), n.vat + 1);
              s.versions.put({ at: now, json: cur }, [id, n.vslot % VERSIONS]);
              n.vslot += 1;
              n.vat = now;
              s.notices.put(n);
            });
          });
        });
      });
    },
    // The back-up: every notice (entry and JSON) as one JSON text.
    backup: function () {
      return tx("readonly", function (s, guard, out) {
        req(s.notices.getAll(), guard, function (all) {
          var res = [];
          all.forEach(function (e) {
            if (e.removed) return;
            req(s.texts.get(e.id), guard, function (json) {
              res.push({ entry: entry(e), notice: JSON.parse(json) });
            });
          });
          out.result = res;
        });
      }).then(function (res) {
        return JSON.stringify({ format: "thongbao.library", version: 1, notices: res });
      });
    },
    // Merges a back-up file into the library; never overwrites: a notice
    // it already has as it is is skipped, one that differs (edited here or
    // there) is added beside it under a new id, "(bản sao lưu)" in its
    // name. Resolves { added, both, same }; rejects with a SyntaxError for
    // a file that is no back-up.
    merge: function (file) {
      var self = this;
      return file.text().then(function (text) {
        var data = JSON.parse(text);
        if (!data || data.format !== "thongbao.library" || !Array.isArray(data.notices)) {
          throw new DOMException("not a thongbao back-up", "SyntaxError");
        }
        var counts = { added: 0, both: 0, same: 0 };
        return tx("readwrite", function (s, guard) {
          data.notices.forEach(function (r) {
            var e = r && r.entry;
            if (!e || typeof e.id !== "string" || !r.notice || r.notice.format !== "thongbao.notice") return;
            var json = JSON.stringify(r.notice);
            req(s.notices.get(e.id), guard, function (old) {
              if (!old) {
                counts.added++;
                put(s, guard, e, json, false);
                return;
              }
              req(s.texts.get(e.id), guard, function (cur) {
                if (!old.removed && cur !== undefined && JSON.stringify(JSON.parse(cur)) === json) {
                  counts.same++;
                  return;
                }
                counts.both++;
                var copy = entry(e);
                copy.id = self.newId();
                copy.name = (e.name || e.subject || "") + " (bản sao lưu)";
                put(s, guard, copy, json, false);
              });
            });
          });
        }).then(function () { return counts; });
      });
    },
    // Calls f(id, json) when another tab saved a notice.
    listen: function (f) {
      var c = bus();
      if (c) c.onmessage = f ? function (m) { if (m.data && m.data.id) f(m.data.id, m.data.json); } : null;
    },
    // A new notice's id.
    newId: function () {
      return "n" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    },
  };
})();
