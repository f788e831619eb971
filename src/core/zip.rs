//! A minimal zip, enough for a Word document: a writer of stored
//! (uncompressed) entries, and a reader of stored and deflated entries.
//!
//! thongbao writes its `.docx` store-only: the writer is a few hundred
//! bytes of wasm, the document a few hundred KB at most, and Word, LibreOffice
//! and every zip tool read stored entries. A `.docx` that Word or
//! LibreOffice saved again is deflated; [`read`] inflates it (RFC 1951, a
//! small decoder in the manner of zlib's `puff.c`) so that thongbao can
//! still take its notice back out. No zip64, no encryption, no multi-disk.

/// Why a zip could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Not a zip archive (no end-of-central-directory record).
    NotZip,
    /// A zip, but truncated or inconsistent.
    Corrupt,
    /// An entry compressed with a method other than stored (0) or deflate (8).
    Method(u16),
}

/// CRC-32 (IEEE 802.3, as zip uses it).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// Writes a zip of stored entries, in the order they are added. The
/// timestamps are fixed (1980-01-01) so that the same entries give the same
/// bytes.
#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

/// 1980-01-01 00:00 in DOS date format.
const DOS_DATE: u16 = (1 << 5) | 1;

impl ZipWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one file, stored.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        let size = data.len() as u32;
        let name = name.as_bytes();
        // Local file header.
        put32(&mut self.out, 0x0403_4b50);
        for v in [10u16, 0, 0, 0, DOS_DATE] {
            put16(&mut self.out, v); // version, flags, method, time, date
        }
        for v in [crc, size, size] {
            put32(&mut self.out, v);
        }
        put16(&mut self.out, name.len() as u16);
        put16(&mut self.out, 0);
        self.out.extend_from_slice(name);
        self.out.extend_from_slice(data);
        // Its central directory record.
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        for v in [20u16, 10, 0, 0, 0, DOS_DATE] {
            put16(c, v); // made by, needed, flags, method, time, date
        }
        for v in [crc, size, size] {
            put32(c, v);
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            put16(c, v); // name, extra, comment, disk, internal attributes
        }
        put32(c, 0); // external attributes
        put32(c, offset);
        c.extend_from_slice(name);
        self.count += 1;
    }

    /// The archive's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        let offset = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.append(&mut self.central);
        put32(&mut self.out, 0x0605_4b50);
        for v in [0u16, 0, self.count, self.count] {
            put16(&mut self.out, v);
        }
        put32(&mut self.out, size);
        put32(&mut self.out, offset);
        put16(&mut self.out, 0);
        self.out
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn get16(b: &[u8], at: usize) -> Result<u16, ZipError> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .ok_or(ZipError::Corrupt)
}

fn get32(b: &[u8], at: usize) -> Result<u32, ZipError> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or(ZipError::Corrupt)
}

/// One entry of an archive, not yet decompressed.
pub struct Entry<'a> {
    pub name: String,
    method: u16,
    size: usize,
    crc: u32,
    data: &'a [u8],
}

/// The entries of an archive, from its central directory.
pub fn entries(zip: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    // The end record is in the last 22 + 65535 bytes (its comment).
    let lowest = zip.len().saturating_sub(22 + 0xFFFF);
    let end = (lowest..=zip.len().saturating_sub(22))
        .rev()
        .find(|&i| zip[i..].starts_with(&[0x50, 0x4b, 5, 6]))
        .ok_or(ZipError::NotZip)?;
    let count = get16(zip, end + 10)?;
    let mut at = get32(zip, end + 16)? as usize;
    let mut out = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        if get32(zip, at)? != 0x0201_4b50 {
            return Err(ZipError::Corrupt);
        }
        let method = get16(zip, at + 10)?;
        let crc = get32(zip, at + 16)?;
        let csize = get32(zip, at + 20)? as usize;
        let size = get32(zip, at + 24)? as usize;
        let name_len = usize::from(get16(zip, at + 28)?);
        let skip = usize::from(get16(zip, at + 30)?) + usize::from(get16(zip, at + 32)?);
        let local = get32(zip, at + 42)? as usize;
        let name = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or(ZipError::Corrupt)?;
        at += 46 + name_len + skip;
        if get32(zip, local)? != 0x0403_4b50 {
            return Err(ZipError::Corrupt);
        }
        let start = local
            + 30
            + usize::from(get16(zip, local + 26)?)
            + usize::from(get16(zip, local + 28)?);
        let data = zip.get(start..start + csize).ok_or(ZipError::Corrupt)?;
        out.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            method,
            size,
            crc,
            data,
        });
    }
    Ok(out)
}

/// The entry's bytes, inflated when deflated, checked against its CRC.
pub fn read(entry: &Entry) -> Result<Vec<u8>, ZipError> {
    let data = match entry.method {
        0 => entry.data.to_vec(),
        8 => inflate(entry.data, entry.size)?,
        m => return Err(ZipError::Method(m)),
    };
    if data.len() != entry.size || crc32(&data) != entry.crc {
        return Err(ZipError::Corrupt);
    }
    Ok(data)
}

/// Reads bits least significant first, as deflate packs them.
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bits<'_> {
    fn bits(&mut self, n: u32) -> Result<u32, ZipError> {
        let mut v = 0;
        for i in 0..n {
            let byte = *self.data.get(self.pos / 8).ok_or(ZipError::Corrupt)?;
            v |= u32::from((byte >> (self.pos % 8)) & 1) << i;
            self.pos += 1;
        }
        Ok(v)
    }
}

/// A canonical Huffman code: how many codes of each length, and the
/// symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Self {
        let mut counts = [0u16; 16];
        for &l in lengths {
            counts[usize::from(l)] += 1;
        }
        counts[0] = 0;
        let mut offs = [0u16; 16];
        for l in 1..16 {
            offs[l] = offs[l - 1] + counts[l - 1];
        }
        let mut symbols = vec![0; lengths.len()];
        for (s, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[usize::from(offs[usize::from(l)])] = s as u16;
                offs[usize::from(l)] += 1;
            }
        }
        Huffman { counts, symbols }
    }

    fn decode(&self, bits: &mut Bits) -> Result<u16, ZipError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= bits.bits(1)? as i32;
            let count = i32::from(self.counts[len]);
            if code - first < count {
                return self
                    .symbols
                    .get((index + code - first) as usize)
                    .copied()
                    .ok_or(ZipError::Corrupt);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(ZipError::Corrupt)
    }
}

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// Raw deflate (RFC 1951) to at most `limit` bytes.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, ZipError> {
    let mut bits = Bits { data, pos: 0 };
    let mut out: Vec<u8> = Vec::with_capacity(limit);
    loop {
        let last = bits.bits(1)?;
        match bits.bits(2)? {
            0 => {
                bits.pos = bits.pos.div_ceil(8) * 8;
                let len = bits.bits(16)? as usize;
                let nlen = bits.bits(16)? as usize;
                if len != !nlen & 0xFFFF {
                    return Err(ZipError::Corrupt);
                }
                let start = bits.pos / 8;
                let chunk = data.get(start..start + len).ok_or(ZipError::Corrupt)?;
                out.extend_from_slice(chunk);
                bits.pos += len * 8;
            }
            1 => {
                let mut lengths = [0u8; 288];
                for (s, l) in lengths.iter_mut().enumerate() {
                    *l = match s {
                        0..=143 => 8,
                        144..=255 => 9,
                        256..=279 => 7,
                        _ => 8,
                    };
                }
                block(
                    &mut bits,
                    &mut out,
                    &Huffman::new(&lengths),
                    &Huffman::new(&[5; 30]),
                )?;
            }
            2 => {
                let (lit, dist) = dynamic_codes(&mut bits)?;
                block(&mut bits, &mut out, &lit, &dist)?;
            }
            _ => return Err(ZipError::Corrupt),
        }
        if out.len() > limit {
            return Err(ZipError::Corrupt);
        }
        if last == 1 {
            return Ok(out);
        }
    }
}

fn dynamic_codes(bits: &mut Bits) -> Result<(Huffman, Huffman), ZipError> {
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let nlit = bits.bits(5)? as usize + 257;
    let ndist = bits.bits(5)? as usize + 1;
    let ncode = bits.bits(4)? as usize + 4;
    let mut code_lengths = [0u8; 19];
    for &i in &ORDER[..ncode] {
        code_lengths[i] = bits.bits(3)? as u8;
    }
    let code = Huffman::new(&code_lengths);
    let mut lengths = Vec::with_capacity(nlit + ndist);
    while lengths.len() < nlit + ndist {
        let (value, repeat) = match code.decode(bits)? {
            s @ 0..=15 => (s as u8, 1),
            16 => (*lengths.last().ok_or(ZipError::Corrupt)?, 3 + bits.bits(2)?),
            17 => (0, 3 + bits.bits(3)?),
            _ => (0, 11 + bits.bits(7)?),
        };
        for _ in 0..repeat {
            lengths.push(value);
        }
    }
    if lengths.len() != nlit + ndist {
        return Err(ZipError::Corrupt);
    }
    Ok((
        Huffman::new(&lengths[..nlit]),
        Huffman::new(&lengths[nlit..]),
    ))
}

fn block(
    bits: &mut Bits,
    out: &mut Vec<u8>,
    lit: &Huffman,
    dist: &Huffman,
) -> Result<(), ZipError> {
    loop {
        let sym = usize::from(lit.decode(bits)?);
        if sym < 256 {
            out.push(sym as u8);
        } else if sym == 256 {
            return Ok(());
        } else {
            let i = sym - 257;
            let len = usize::from(*LEN_BASE.get(i).ok_or(ZipError::Corrupt)?)
                + bits.bits(u32::from(LEN_EXTRA[i]))? as usize;
            let d = usize::from(dist.decode(bits)?);
            let back = usize::from(*DIST_BASE.get(d).ok_or(ZipError::Corrupt)?)
                + bits.bits(u32::from(DIST_EXTRA[d]))? as usize;
            if back > out.len() {
                return Err(ZipError::Corrupt);
            }
            for _ in 0..len {
                out.push(out[out.len() - back]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn stored_round_trip() {
        let mut z = ZipWriter::new();
        z.add("a.txt", b"hello");
        z.add("dir/b.xml", "Thông báo".as_bytes());
        z.add("empty", b"");
        let bytes = z.finish();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let e = entries(&bytes).unwrap();
        let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "dir/b.xml", "empty"]);
        assert_eq!(read(&e[1]).unwrap(), "Thông báo".as_bytes());
        assert_eq!(read(&e[2]).unwrap(), b"");
    }

    #[test]
    fn not_a_zip_and_truncated() {
        assert_eq!(entries(b"hello").err(), Some(ZipError::NotZip));
        let mut z = ZipWriter::new();
        z.add("a", b"abc");
        let bytes = z.finish();
        assert!(entries(&bytes[..bytes.len() - 1]).is_err());
        assert!(entries(&bytes[10..]).is_err());
    }

    #[test]
    fn inflates_fixed_dynamic_and_stored_blocks() {
        // Python's zlib.compressobj(9, zlib.DEFLATED, -15).
        let fixed: &[u8] = &[0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x90, 0x00];
        assert_eq!(inflate(fixed, 100).unwrap(), b"hello hello hello");
        // A dynamic-Huffman block: the version 1 sample's first 6000 bytes.
        let dynamic: &[u8] = include_bytes!("../../tests/fixtures/chi-lang-6000.deflate");
        let text = &include_bytes!("../../tests/migration/v1/chi-lang-2024.json")[..6000];
        assert_eq!(dynamic[0] >> 1 & 3, 2, "the fixture is a dynamic block");
        assert_eq!(inflate(dynamic, 10_000).unwrap(), text);
        // A stored block: BFINAL=1, BTYPE=00, LEN=3, NLEN=!3.
        let stored: &[u8] = &[0x01, 0x03, 0x00, 0xfc, 0xff, b'a', b'b', b'c'];
        assert_eq!(inflate(stored, 10).unwrap(), b"abc");
        // Limits and garbage never panic.
        assert!(inflate(dynamic, 10).is_err());
        assert!(inflate(&[0xff; 40], 1000).is_err());
        assert!(inflate(&[], 10).is_err());
    }
}
