// A small LZMA decoder ("LZMA alone" / .lzma files, as `xz --format=lzma`
// writes them), after Igor Pavlov's public-domain LzmaSpec.cpp. The page
// ships its wasm LZMA-compressed (about 25 % smaller than gzip -9, which is
// what the file's size budget counts), base64 in a <script> element; this
// turns those bytes back into the wasm. Defines one global function,
// thongbaoLzma(Uint8Array) -> Uint8Array, and throws on corrupt data.
var thongbaoLzma = function (src) {
  "use strict";
  var props = src[0];
  if (props >= 225) throw new Error("lzma: bad properties");
  var lc = props % 9, lp = ((props / 9) | 0) % 5, pb = (props / 45) | 0;
  var size = 0, known = false;
  for (var i = 12; i >= 5; i--) {
    if (src[i] !== 0xff) known = true;
    size = size * 256 + src[i];
  }
  var out = new Uint8Array(known ? size : Math.max(src.length * 4, 1 << 16));
  var outPos = 0, inPos = 14; // byte 13 is the range coder's first byte, 0
  // The range coder's range and code, in a typed array: as plain variables
  // their values above 2^31 would be boxed on every store (slow).
  var rc = new Float64Array(2);
  rc[0] = 0xffffffff;
  for (i = 0; i < 4; i++) rc[1] = rc[1] * 256 + src[inPos++];

  // Every probability in one array; the offsets name its parts.
  var LIT = 0, nLit = 0x300 << (lc + lp);
  var IS_MATCH = nLit, IS_REP = IS_MATCH + 192, IS_REP_G0 = IS_REP + 12;
  var IS_REP_G1 = IS_REP_G0 + 12, IS_REP_G2 = IS_REP_G1 + 12;
  var IS_REP0_LONG = IS_REP_G2 + 12, POS_SLOT = IS_REP0_LONG + 192;
  var POS_SPEC = POS_SLOT + 256, ALIGN = POS_SPEC + 115, LEN = ALIGN + 16;
  var REP_LEN = LEN + 514, TOTAL = REP_LEN + 514; // choice, choice2, low 16×8, mid 16×8, high 256
  var p = new Uint16Array(TOTAL).fill(1024);

  function bit(i) {
    var v = p[i], r = rc[0], c = rc[1], bound = (r >>> 11) * v, b = 0;
    if (c < bound) {
      r = bound;
      p[i] = v + ((2048 - v) >>> 5);
    } else {
      r -= bound;
      c -= bound;
      p[i] = v - (v >>> 5);
      b = 1;
    }
    if (r < 0x1000000) {
      r *= 256;
      c = c * 256 + src[inPos++];
    }
    rc[0] = r;
    rc[1] = c;
    return b;
  }
  function tree(base, bits) {
    var m = 1;
    for (var k = 0; k < bits; k++) m = (m << 1) + bit(base + m);
    return m - (1 << bits);
  }
  function reverse(base, bits) {
    var m = 1, sym = 0;
    for (var k = 0; k < bits; k++) {
      var b = bit(base + m);
      m = (m << 1) + b;
      sym |= b << k;
    }
    return sym;
  }
  function direct(bits) {
    var r = 0;
    for (var k = 0; k < bits; k++) {
      rc[0] = rc[0] >>> 1;
      var b = rc[1] >= rc[0] ? 1 : 0;
      if (b) rc[1] -= rc[0];
      r = r * 2 + b;
      if (rc[0] < 0x1000000) {
        rc[0] *= 256;
        rc[1] = rc[1] * 256 + src[inPos++];
      }
    }
    return r;
  }
  function len(base, posState) {
    if (!bit(base)) return tree(base + 2 + (posState << 3), 3);
    if (!bit(base + 1)) return 8 + tree(base + 130 + (posState << 3), 3);
    return 16 + tree(base + 258, 8);
  }
  function grow() {
    var bigger = new Uint8Array(out.length * 2);
    bigger.set(out);
    out = bigger;
  }

  var state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  var pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;
  for (;;) {
    if (known && outPos === size) break;
    if (inPos > src.length) throw new Error("lzma: truncated");
    var posState = outPos & pbMask;
    if (!bit(IS_MATCH + (state << 4) + posState)) {
      var prev = outPos > 0 ? out[outPos - 1] : 0;
      var base = LIT + 0x300 * (((outPos & lpMask) << lc) + (prev >>> (8 - lc)));
      var sym = 1;
      if (state >= 7) {
        var match = out[outPos - rep0 - 1];
        do {
          var mb = (match >>> 7) & 1;
          match <<= 1;
          var b = bit(base + ((1 + mb) << 8) + sym);
          sym = (sym << 1) | b;
          if (mb !== b) break;
        } while (sym < 0x100);
      }
      while (sym < 0x100) sym = (sym << 1) | bit(base + sym);
      if (outPos === out.length) grow();
      out[outPos++] = sym - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    var n;
    if (bit(IS_REP + state)) {
      if (outPos === 0) throw new Error("lzma: corrupt data");
      if (!bit(IS_REP_G0 + state)) {
        if (!bit(IS_REP0_LONG + (state << 4) + posState)) {
          state = state < 7 ? 9 : 11;
          if (outPos === out.length) grow();
          out[outPos] = out[outPos - rep0 - 1];
          outPos++;
          continue;
        }
      } else {
        var dist;
        if (!bit(IS_REP_G1 + state)) {
          dist = rep1;
        } else {
          if (!bit(IS_REP_G2 + state)) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      n = len(REP_LEN, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      n = len(LEN, posState);
      state = state < 7 ? 7 : 10;
      var slot = tree(POS_SLOT + ((n < 3 ? n : 3) << 6), 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        var nd = (slot >>> 1) - 1;
        rep0 = (2 | (slot & 1)) * Math.pow(2, nd);
        if (slot < 14) rep0 += reverse(POS_SPEC + rep0 - slot, nd);
        else rep0 += direct(nd - 4) * 16 + reverse(ALIGN, 4);
      }
      if (rep0 === 0xffffffff) break; // the end marker
      if (rep0 >= outPos) throw new Error("lzma: corrupt data");
    }
    n += 2;
    if (known && outPos + n > size) throw new Error("lzma: corrupt data");
    while (outPos + n > out.length) grow();
    for (var from = outPos - rep0 - 1; n > 0; n--) out[outPos++] = out[from++];
  }
  return known ? out : out.subarray(0, outPos);
};
