//! The check report every export carries: when and by which thongbao the
//! notice was checked, in which mode, what was found, the warnings the
//! officer accepted with their reasons, and a SHA-256 fingerprint of the
//! notice as it was checked.
//!
//! **The fingerprint** is `sha256:` and the lowercase hex SHA-256 of the
//! notice's *canonical JSON*: the UTF-8 bytes of [`to_json`] (the file
//! thongbao writes: pretty JSON, fields in the model's order) of the notice
//! with its `report` field removed. So a notice that went out with its
//! report can be checked later: [`verify`] recomputes the fingerprint and
//! says whether anything changed after the check (one character is
//! enough). The report is not a signature: whoever changes the file can
//! also recompute the fingerprint; it catches edits made by hand or by
//! other software, not forgery.
//!
//! The core has no clock (`std::time` panics on wasm32): the caller gives
//! the time of the check as Unix seconds ([`stamp`]).

use crate::core::check::{check, counts, Mode};
use crate::core::json::to_json;
use crate::core::model::{Acceptance, Notice, Status};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The check report kept in a notice's `report` field.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct CheckReport {
    /// When the notice was checked, UTC (`2024-08-15T09:30:00Z`).
    pub checked_at: String,
    /// The program that checked it (`thongbao 0.1.0`).
    pub checked_by: String,
    /// `draft`, `signing` (the final check of the copy for signing: số and
    /// ngày may be blank) or `issued` (số and ngày required); `final`, from
    /// before the three states, reads as `issued`.
    pub mode: ReportMode,
    pub errors: u32,
    /// Warnings not accepted.
    pub warnings: u32,
    /// The warnings the officer accepted, with their reasons.
    #[serde(default)]
    pub accepted: Vec<Acceptance>,
    /// `sha256:` and the hex SHA-256 of the notice's canonical JSON (see
    /// the module documentation).
    pub fingerprint: String,
}

/// The mode of the check a report records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ReportMode {
    Draft,
    Signing,
    #[serde(alias = "final")]
    Issued,
}

impl ReportMode {
    /// `draft`, `signing` or `issued`.
    pub fn name(self) -> &'static str {
        match self {
            ReportMode::Draft => "draft",
            ReportMode::Signing => "signing",
            ReportMode::Issued => "issued",
        }
    }
}

/// The report in a few Vietnamese sentences, as the HTML's non-printing
/// block and the DOCX's document comments show it.
pub fn summary_lines(r: &CheckReport) -> Vec<String> {
    let mode = match r.mode {
        ReportMode::Draft => "dự thảo (draft)",
        ReportMode::Signing => "trình ký (for signing)",
        ReportMode::Issued => "ban hành (issued)",
    };
    let mut lines = vec![
        format!(
            "Kiểm tra lúc {} bằng {}, chế độ {mode}.",
            r.checked_at, r.checked_by
        ),
        format!(
            "Kết quả: {} lỗi, {} cảnh báo chưa chấp nhận, {} cảnh báo đã chấp nhận.",
            r.errors,
            r.warnings,
            r.accepted.len()
        ),
    ];
    for a in &r.accepted {
        lines.push(format!(
            "Đã chấp nhận {} ({}): {}",
            a.rule, a.field, a.reason
        ));
    }
    lines.push(format!("Dấu vân tay dữ liệu: {}.", r.fingerprint));
    lines
}

/// What [`verify`] finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// The notice carries no report.
    Unchecked,
    /// The notice is exactly what was checked.
    Intact,
    /// The notice was changed after it was checked.
    Changed {
        checked_at: String,
        expected: String,
        actual: String,
    },
}

/// The program and version that writes reports.
pub fn program() -> String {
    format!("thongbao {}", env!("CARGO_PKG_VERSION"))
}

/// The canonical JSON the fingerprint is taken of: [`to_json`] of the
/// notice without its report.
pub fn canonical_json(notice: &Notice) -> String {
    if notice.report.is_none() {
        return to_json(notice);
    }
    let mut bare = notice.clone();
    bare.report = None;
    to_json(&bare)
}

/// `sha256:<hex>` of the notice's canonical JSON.
pub fn fingerprint(notice: &Notice) -> String {
    format!("sha256:{}", hex(&sha256(canonical_json(notice).as_bytes())))
}

/// Checks the notice (in final mode when it is final, else draft) and
/// returns its report, dated `unix_secs`.
pub fn report(notice: &Notice, unix_secs: u64) -> CheckReport {
    let (mode, report_mode) = match notice.status {
        Status::Draft => (Mode::Draft, ReportMode::Draft),
        Status::Signing => (Mode::Final, ReportMode::Signing),
        Status::Issued => (Mode::Issued, ReportMode::Issued),
    };
    let findings = check(notice, mode);
    let (errors, warnings) = counts(&findings);
    let accepted = findings
        .iter()
        .filter_map(|f| {
            f.accepted.as_ref().map(|reason| Acceptance {
                rule: f.rule.to_string(),
                field: f.field().map(ToString::to_string).unwrap_or_default(),
                reason: reason.clone(),
            })
        })
        .collect();
    CheckReport {
        checked_at: utc_time(unix_secs),
        checked_by: program(),
        mode: report_mode,
        errors: errors as u32,
        warnings: warnings as u32,
        accepted,
        fingerprint: fingerprint(notice),
    }
}

/// The notice with a fresh report: what every export writes.
pub fn stamp(notice: &Notice, unix_secs: u64) -> Notice {
    let mut out = notice.clone();
    out.report = Some(report(notice, unix_secs));
    out
}

/// Whether the notice is what its report says was checked.
pub fn verify(notice: &Notice) -> Integrity {
    let Some(r) = &notice.report else {
        return Integrity::Unchecked;
    };
    let actual = fingerprint(notice);
    if actual == r.fingerprint {
        Integrity::Intact
    } else {
        Integrity::Changed {
            checked_at: r.checked_at.clone(),
            expected: r.fingerprint.clone(),
            actual,
        }
    }
}

/// Unix seconds as UTC `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_time(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let secs = unix_secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// SHA-256 (FIPS 180-4) of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    // The message, a 1 bit, zeros, and the length in bits: whole blocks.
    let mut tail = data[data.len() - data.len() % 64..].to_vec();
    tail.push(0x80);
    while tail.len() % 64 != 56 {
        tail.push(0);
    }
    tail.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    let whole = &data[..data.len() - data.len() % 64];
    for block in whole.chunks_exact(64).chain(tail.chunks_exact(64)) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_nist_vectors() {
        // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", SHA2 additional).
        let cases: &[(&[u8], &str)] = &[
            (
                b"abc",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                b"",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ),
            (
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            ),
            (
                b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(hex(&sha256(input)), *want, "{:?}", input);
        }
        let million_a = vec![b'a'; 1_000_000];
        assert_eq!(
            hex(&sha256(&million_a)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

    #[test]
    fn utc_times() {
        assert_eq!(utc_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_time(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_time(1_723_714_205), "2024-08-15T09:30:05Z");
        assert_eq!(utc_time(4_102_444_799), "2099-12-31T23:59:59Z");
    }
}
