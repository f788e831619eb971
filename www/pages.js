// Lays the notice out in pages just before it is printed, so that each
// footnote prints at the foot of the page that cites it, as in Word and as
// notices are read. No browser has page-foot footnotes (CSS `float:
// footnote` is in no engine), so the pages are made here: the notice is
// measured at its printed width (A4 less the margins of notice.css's
// @page), placed sheet by sheet, a paragraph cut between two words where
// a page ends, and put back as it was once the print dialog closes.
//
// Only the editor's "In / Lưu PDF" does this: the exported HTML carries no
// script (its Content-Security-Policy), so a browser printing it puts the
// notes after the signature; the DOCX has real footnotes.
//
// Inlined in the page before the glue (scripts/assemble.mjs,
// scripts/assemble-element.mjs); the wasm calls thongbaoPages.print.
var thongbaoPages = (function () {
  "use strict";
  var MM = 96 / 25.4;
  // A4 (210 × 297 mm) less the @page margins (30 + 15, 20 + 20); a sheet
  // 1 mm shorter than the page's box, so that rounding never spills one.
  var WIDTH = 165 * MM;
  var HEIGHT = 256 * MM;
  // A paragraph is cut only where both pieces keep this many words
  // (no line of two words alone at a page's top or foot).
  var KEEP = 6;

  function paginate(doc) {
    var page = doc.querySelector(".page");
    var notesSection = page && page.querySelector(":scope > .notes");
    if (!notesSection) return null;
    var kept = Array.prototype.slice.call(page.childNodes);
    var notes = {};
    notesSection.querySelectorAll(":scope > .note").forEach(function (n) {
      notes["#" + n.id] = n;
    });
    var flow = [];
    var fixed = [];
    kept.forEach(function (c) {
      if (c.nodeType !== 1 || c === notesSection) return;
      if (doc.defaultView.getComputedStyle(c).position === "fixed") fixed.push(c.cloneNode(true));
      else if (c.classList.contains("body"))
        Array.prototype.forEach.call(c.children, function (b) {
          flow.push({ node: b.cloneNode(true), wrap: c });
        });
      else flow.push({ node: c.cloneNode(true), wrap: null });
    });
    kept.forEach(function (c) {
      c.remove();
    });
    // Whatever goes wrong below, the preview is put back as it was.
    try {
    fixed.forEach(function (f) {
      page.appendChild(f);
    });

    var placed = {};
    var carry = [];
    var sheets = [];
    // Finished pages wait outside the document, so that measuring the one
    // being filled lays out that page alone (not every page before it).
    var done = doc.createDocumentFragment();
    var seen = [];
    var cur = null;
    var css = doc.defaultView.getComputedStyle.bind(doc.defaultView);

    function el(tag, style) {
      var e = doc.createElement(tag);
      if (style) e.style.cssText = style;
      return e;
    }

    function finish(s) {
      s.foot.style.display = s.foot.childNodes.length > 1 ? "flow-root" : "none";
      Array.prototype.forEach.call(s.main.children, function (c) {
        if (c._wrapOf && seen.indexOf(c._wrapOf) < 0) seen.push(c._wrapOf);
      });
      done.appendChild(s.box);
    }

    function newSheet() {
      if (cur) finish(cur);
      var s = {
        box: el(
          "div",
          "box-sizing:border-box;display:flex;flex-direction:column;overflow:visible;" +
            "width:" + WIDTH + "px;height:" + HEIGHT + "px;break-after:page;page-break-after:always",
        ),
        main: el("div", "display:flow-root"),
        foot: el("section", "display:none;margin-top:6pt"),
        items: [],
        // A note carried on from the page before takes at most 3/5 of
        // this one: the text goes on beside it (a long note runs over).
        room: HEIGHT * 0.6,
      };
      s.box.className = "sheet";
      s.foot.className = "notes";
      s.foot.appendChild(el("hr"));
      s.box.append(s.main, el("div", "flex:1"), s.foot);
      page.appendChild(s.box);
      sheets.push(s);
      cur = s;
      var c = carry;
      carry = [];
      if (c.length) fillNotes(s, c);
      s.room = HEIGHT;
    }

    function used(s) {
      var h = s.main.getBoundingClientRect().height;
      if (s.foot.childNodes.length > 1) {
        s.foot.style.display = "flow-root";
        h += s.foot.getBoundingClientRect().height + parseFloat(css(s.foot).marginTop);
      } else s.foot.style.display = "none";
      return h;
    }
    function fits(s) {
      return used(s) <= s.room + 0.5;
    }

    // The body's paragraphs sit in a copy of the body's box on each page
    // (its styles select `.body p`); on the pages after the first it starts
    // at the page's top.
    function put(s, node, wrap) {
      var last = s.main.lastElementChild;
      if (!wrap) return s.main.appendChild(node);
      if (!last || last._wrapOf !== wrap) {
        last = wrap.cloneNode(false);
        last._wrapOf = wrap;
        if (seen.indexOf(wrap) >= 0) last.style.marginTop = "0";
        s.main.appendChild(last);
      }
      last.appendChild(node);
    }
    function unput(s, node) {
      var parent = node.parentNode;
      node.remove();
      if (parent && parent !== s.main && !parent.firstChild) parent.remove();
    }

    // The notes first cited in `node` and not yet placed.
    function notesOf(node) {
      var out = [];
      node.querySelectorAll('a[href^="#fn-"]').forEach(function (a) {
        var id = a.getAttribute("href");
        if (notes[id] && !placed[id] && out.indexOf(id) < 0) out.push(id);
      });
      return out;
    }

    // Puts `node` and its notes on sheet `s`; false (and nothing put) when
    // they do not fit.
    function tryPut(s, wrap, node) {
      put(s, node, wrap);
      var ids = notesOf(node);
      var added = ids.map(function (id) {
        return s.foot.appendChild(notes[id].cloneNode(true));
      });
      if (fits(s)) {
        ids.forEach(function (id) {
          placed[id] = true;
        });
        s.items.push({ node: node, wrap: wrap, notes: added, ids: ids });
        return true;
      }
      added.forEach(function (n) {
        n.remove();
      });
      unput(s, node);
      return false;
    }
    function takeBack(s) {
      var it = s.items.pop();
      it.notes.forEach(function (n) {
        n.remove();
      });
      it.ids.forEach(function (id) {
        delete placed[id];
      });
      unput(s, it.node);
      return { node: it.node, wrap: it.wrap };
    }

    // Word boundaries of a paragraph: [text node, offset of the space].
    function spaces(node) {
      var out = [];
      var tw = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
      for (var t = tw.nextNode(); t; t = tw.nextNode()) {
        var d = t.data;
        for (var i = 1; i < d.length; i++) if (d[i] === " " && d[i - 1] !== " ") out.push([t, i]);
      }
      return out;
    }
    function cutAt(node, at) {
      var r = doc.createRange();
      r.setStart(node, 0);
      r.setEnd(at[0], at[1]);
      var a = node.cloneNode(false);
      a.appendChild(r.cloneContents());
      r = doc.createRange();
      r.setStart(at[0], at[1] + 1);
      r.setEnd(node, node.childNodes.length);
      var b = node.cloneNode(false);
      b.appendChild(r.cloneContents());
      // The first piece's last line is a full, justified line; the second
      // goes on with the same paragraph, without its indent.
      a.style.textAlignLast = "justify";
      a.style.marginBottom = "0";
      b.style.textIndent = "0";
      b.removeAttribute("id");
      return [a, b];
    }
    // The largest index in [lo, hi] for which `ok` holds (it holds for
    // every smaller one: a longer piece is never shorter on the page); -1:
    // none.
    function longest(lo, hi, ok) {
      var best = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (ok(mid)) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return best;
    }

    // Places the longest first piece of `item.node` (with its notes) that
    // fits on `s`; returns the rest, or null when no piece fits.
    function cutInto(s, item) {
      if (item.node.tagName !== "P") return null;
      var at = spaces(item.node);
      var k = longest(KEEP - 1, at.length - KEEP, function (i) {
        if (!tryPut(s, item.wrap, cutAt(item.node, at[i])[0])) return false;
        takeBack(s);
        return true;
      });
      if (k < 0) return null;
      var pieces = cutAt(item.node, at[k]);
      tryPut(s, item.wrap, pieces[0]);
      return { node: pieces[1], wrap: item.wrap };
    }

    // Adds notes to the foot of `s` while they fit, paragraph by paragraph,
    // the last one cut between words; the rest waits in `carry` for the
    // next page.
    function fillNotes(s, list) {
      for (var i = 0; i < list.length; i++) {
        var n = list[i];
        s.foot.appendChild(n);
        if (fits(s)) continue;
        var rest = n.cloneNode(false);
        rest.removeAttribute("id");
        // How many of its paragraphs fit (a note can run over pages).
        var ps = Array.prototype.slice.call(n.children);
        var show = function (count) {
          ps.forEach(function (p, at) {
            if (at < count) {
              if (p.parentNode !== n) n.appendChild(p);
            } else if (p.parentNode === n) p.remove();
          });
        };
        var kept =
          longest(0, ps.length - 1, function (j) {
            show(j + 1);
            return fits(s);
          }) + 1;
        show(kept);
        ps.slice(kept).forEach(function (p) {
          rest.appendChild(p);
        });
        var p = rest.firstElementChild;
        if (p && p.tagName === "P") {
          var at = spaces(p);
          var k = longest(KEEP - 1, at.length - KEEP, function (j) {
            var piece = n.appendChild(cutAt(p, at[j])[0]);
            var ok = fits(s);
            piece.remove();
            return ok;
          });
          // Nothing else on the page: the paragraph goes here whole rather
          // than nowhere.
          var alone = k < 0 && !n.firstElementChild && s.foot.childNodes.length === 2 && !s.main.firstChild;
          if (k >= 0) {
            var parts = cutAt(p, at[k]);
            n.appendChild(parts[0]);
            p.replaceWith(parts[1]);
          } else if (alone) n.appendChild(p);
        }
        if (!n.firstElementChild) n.remove();
        if (rest.firstElementChild) carry.push(rest);
        for (var j = i + 1; j < list.length; j++) carry.push(list[j]);
        return;
      }
    }

    // On a page of its own and still too tall with its notes: the item
    // whole, its notes begun here and carried on to the next pages.
    function force(s, item) {
      put(s, item.node, item.wrap);
      var ids = notesOf(item.node);
      ids.forEach(function (id) {
        placed[id] = true;
      });
      s.items.push({ node: item.node, wrap: item.wrap, notes: [], ids: ids });
      fillNotes(
        s,
        ids.map(function (id) {
          return notes[id].cloneNode(true);
        }),
      );
    }

    function place(item) {
      var s = cur;
      if (tryPut(s, item.wrap, item.node)) return;
      var rest = cutInto(s, item);
      if (rest) {
        newSheet();
        return place(rest);
      }
      if (s.items.length === 0) return force(s, item);
      // A title goes to the next page with the text under it; the
      // signature takes the last paragraph with it.
      var back = [];
      while (s.items.length > 1 && /^H[1-6]$/.test(s.items[s.items.length - 1].node.tagName))
        back.unshift(takeBack(s));
      if (item.node.classList.contains("ft") && s.items.length > 1) back.unshift(takeBack(s));
      newSheet();
      back.forEach(place);
      place(item);
    }

    newSheet();
    flow.forEach(place);
    // A note longer than a page goes on over the next ones.
    for (var guard = 0; carry.length && guard < 100; guard++) newSheet();
    finish(cur);
    var last = sheets[sheets.length - 1].box.style;
    last.breakAfter = "auto";
    last.pageBreakAfter = "auto";
    page.appendChild(done);
    } catch (e) {
      page.replaceChildren.apply(page, kept);
      throw e;
    }

    return function restore() {
      page.replaceChildren.apply(page, kept);
    };
  }

  // Prints the notice of `win` paged; never keeps it from printing.
  function print(win) {
    var restore = null;
    try {
      restore = paginate(win.document);
    } catch (e) {
      restore = null;
    }
    try {
      win.print();
    } finally {
      if (restore) restore();
    }
  }

  return { paginate: paginate, print: print };
})();
