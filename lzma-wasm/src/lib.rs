//! A small LZMA decoder for the page's boot (www/lzma.js): decodes an
//! "LZMA alone" stream whose output size is known, after Igor Pavlov's
//! public-domain LzmaSpec.cpp. wasm instead of JavaScript because the page
//! runs it once, cold: V8 runs this code compiled at once (Liftoff) with the
//! range coder in registers, where JavaScript spends most of the decode in
//! its interpreter and waiting for the optimizing compiler.
#![no_std]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

// Probability offsets; the literal coder's probabilities come last.
const IS_MATCH: usize = 0;
const IS_REP: usize = IS_MATCH + 192;
const IS_REP_G0: usize = IS_REP + 12;
const IS_REP_G1: usize = IS_REP_G0 + 12;
const IS_REP_G2: usize = IS_REP_G1 + 12;
const IS_REP0_LONG: usize = IS_REP_G2 + 12;
const POS_SLOT: usize = IS_REP0_LONG + 192;
const POS_SPEC: usize = POS_SLOT + 256;
const ALIGN: usize = POS_SPEC + 115;
const LEN: usize = ALIGN + 16;
const REP_LEN: usize = LEN + 514;
const LIT: usize = REP_LEN + 514;
/// lc + lp at most 4 (xz's presets use lc = 3, lp = 0).
const PROBS: usize = LIT + (0x300 << 4);

static mut P: [u16; PROBS] = [0; PROBS];
/// The decoder's state between calls: range, code, input position, state,
/// rep0..rep3, output position (input position 0: not started).
static mut S: [usize; 9] = [0; 9];

struct Rc<'a> {
    range: u32,
    code: u32,
    src: &'a [u8],
    pos: usize,
}

impl Rc<'_> {
    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            // past the end: zeros (decode() then reports a truncated stream)
            let b = if self.pos < self.src.len() {
                self.src[self.pos]
            } else {
                0
            };
            self.code = (self.code << 8) | b as u32;
            self.pos += 1;
        }
    }
    #[inline(always)]
    fn bit(&mut self, p: &mut [u16], i: usize) -> u32 {
        let v = p[i] as u32;
        let bound = (self.range >> 11) * v;
        let b = if self.code < bound {
            self.range = bound;
            p[i] = (v + ((2048 - v) >> 5)) as u16;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            p[i] = (v - (v >> 5)) as u16;
            1
        };
        self.normalize();
        b
    }
    #[inline(always)]
    fn tree(&mut self, p: &mut [u16], base: usize, bits: u32) -> u32 {
        let mut m = 1u32;
        for _ in 0..bits {
            m = (m << 1) | self.bit(p, base + m as usize);
        }
        m - (1 << bits)
    }
    #[inline(always)]
    fn reverse(&mut self, p: &mut [u16], base: usize, bits: u32) -> u32 {
        let (mut m, mut sym) = (1u32, 0u32);
        for k in 0..bits {
            let b = self.bit(p, base + m as usize);
            m = (m << 1) | b;
            sym |= b << k;
        }
        sym
    }
    #[inline(always)]
    fn len(&mut self, p: &mut [u16], base: usize, pos_state: usize) -> usize {
        (if self.bit(p, base) == 0 {
            self.tree(p, base + 2 + (pos_state << 3), 3)
        } else if self.bit(p, base + 1) == 0 {
            8 + self.tree(p, base + 130 + (pos_state << 3), 3)
        } else {
            16 + self.tree(p, base + 258, 8)
        }) as usize
    }
}

/// Decodes the stream `src` (from its properties byte on: props, 4 bytes of
/// dictionary size, 8 of output size) into `dst` (exactly the output size).
/// Decodes up to about `limit` bytes of output per call, then returns 4
/// (call again): V8 first runs this function as its baseline (Liftoff)
/// code, and later calls run its optimized code, once compiled (about twice
/// as fast; a call running never switches).
/// 0: done; 1: bad header; 2: corrupt data; 3: truncated; 4: call again.
///
/// # Safety
/// `src` must point to `src_len` readable bytes and `dst` to `dst_len`
/// writable ones (www/lzma.js passes buffers in this module's memory).
#[no_mangle]
pub unsafe extern "C" fn decode(
    src: *const u8,
    src_len: usize,
    dst: *mut u8,
    dst_len: usize,
    limit: usize,
) -> i32 {
    let src = core::slice::from_raw_parts(src, src_len);
    let out = core::slice::from_raw_parts_mut(dst, dst_len);
    #[allow(static_mut_refs)]
    let p: &mut [u16] = &mut P;
    if src_len < 18 || src[0] >= 225 {
        return 1;
    }
    let props = src[0] as usize;
    let (lc, lp, pb) = (props % 9, (props / 9) % 5, props / 45);
    if lc + lp > 4 {
        return 1;
    }
    #[allow(static_mut_refs)]
    let s = &mut S;
    if s[2] == 0 {
        p.fill(1024);
        *s = [
            0xffff_ffff,
            u32::from_be_bytes([src[14], src[15], src[16], src[17]]) as usize,
            18,
            0,
            0,
            0,
            0,
            0,
            0,
        ];
    }
    let mut rc = Rc {
        range: s[0] as u32,
        code: s[1] as u32,
        src,
        pos: s[2],
    };
    let (pb_mask, lp_mask) = ((1usize << pb) - 1, (1usize << lp) - 1);
    let (mut state, mut rep0, mut rep1, mut rep2, mut rep3, mut pos) =
        (s[3], s[4], s[5], s[6], s[7], s[8]);
    let end = if limit < dst_len { limit } else { dst_len };
    while pos < end {
        if rc.pos > src_len {
            return 3;
        }
        let pos_state = pos & pb_mask;
        if rc.bit(p, IS_MATCH + (state << 4) + pos_state) == 0 {
            let prev = if pos > 0 { out[pos - 1] as usize } else { 0 };
            let base = LIT + 0x300 * (((pos & lp_mask) << lc) + (prev >> (8 - lc)));
            let mut sym = 1u32;
            if state >= 7 {
                let mut mat = out[pos - rep0 - 1] as u32;
                while sym < 0x100 {
                    let mb = (mat >> 7) & 1;
                    mat <<= 1;
                    let b = rc.bit(p, base + (((1 + mb) << 8) + sym) as usize);
                    sym = (sym << 1) | b;
                    if mb != b {
                        break;
                    }
                }
            }
            while sym < 0x100 {
                sym = (sym << 1) | rc.bit(p, base + sym as usize);
            }
            out[pos] = sym as u8;
            pos += 1;
            state = if state < 4 {
                0
            } else if state < 10 {
                state - 3
            } else {
                state - 6
            };
            continue;
        }
        let mut n;
        if pos == 0 {
            return 2;
        }
        if rc.bit(p, IS_REP + state) != 0 {
            if rc.bit(p, IS_REP_G0 + state) == 0 {
                if rc.bit(p, IS_REP0_LONG + (state << 4) + pos_state) == 0 {
                    state = if state < 7 { 9 } else { 11 };
                    out[pos] = out[pos - rep0 - 1];
                    pos += 1;
                    continue;
                }
            } else {
                let dist;
                if rc.bit(p, IS_REP_G1 + state) == 0 {
                    dist = rep1;
                } else {
                    if rc.bit(p, IS_REP_G2 + state) == 0 {
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
            n = rc.len(p, REP_LEN, pos_state);
            state = if state < 7 { 8 } else { 11 };
        } else {
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;
            n = rc.len(p, LEN, pos_state);
            state = if state < 7 { 7 } else { 10 };
            let slot = rc.tree(p, POS_SLOT + (if n < 3 { n } else { 3 } << 6), 6);
            let d = if slot < 4 {
                slot
            } else {
                let nd = (slot >> 1) - 1;
                let d = (2 | (slot & 1)) << nd;
                if slot < 14 {
                    d + rc.reverse(p, POS_SPEC + d as usize - slot as usize, nd)
                } else {
                    let mut direct = 0u32;
                    for _ in 0..nd - 4 {
                        rc.range >>= 1;
                        let b = (rc.code >= rc.range) as u32;
                        if b != 0 {
                            rc.code -= rc.range;
                        }
                        direct = (direct << 1) | b;
                        rc.normalize();
                    }
                    d.wrapping_add(direct << 4)
                        .wrapping_add(rc.reverse(p, ALIGN, 4))
                }
            };
            rep0 = d as usize;
            // also the end marker (0xffffffff): the header gave the size
            if rep0 >= pos {
                return 2;
            }
        }
        n += 2;
        if n > dst_len - pos {
            return 2;
        }
        // Byte by byte: the source may overlap what is being written.
        let from = pos - rep0 - 1;
        for at in from..from + n {
            out[pos] = out[at];
            pos += 1;
        }
    }
    *s = [
        rc.range as usize,
        rc.code as usize,
        rc.pos,
        state,
        rep0,
        rep1,
        rep2,
        rep3,
        pos,
    ];
    if pos < dst_len {
        4
    } else {
        0
    }
}
