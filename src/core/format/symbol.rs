//! Document numbers and symbols by the grammar of Decree 30/2020.
//!
//! A reference is written `number/symbol`: `97/TB-SLĐTBXH`,
//! `56/2017/NĐ-CP`, `121/2020/QH14`, `548/UBND-LĐTĐXHDT`. The symbol is
//! `[YYYY/]TYPE-AGENCY[-AGENCY…]`, or `[YYYY/]AGENCY-UNIT` for a công văn
//! (no type), or `YYYY/QH<n>` (also `YYYY/UBTVQH<n>`) for acts of the National
//! Assembly and its Standing Committee.

use crate::core::lang::Lang;
use crate::core::nfc::nfc;

/// One thing wrong with a number/symbol pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymbolIssue {
    /// 1–9 not written 01–09, or extra leading zeros above 9 (`097`).
    NumberNotPadded,
    /// The number is not ASCII digits only, or is zero.
    NumberMalformed,
    /// Whitespace inside the symbol.
    Space,
    /// A dash other than U+002D between groups.
    WrongDash { found: char },
    /// A slash other than U+002F.
    WrongSlash { found: char },
    /// `Ð` (U+00D0, eth) or a look-alike where `Đ` (U+0110) belongs.
    WrongD,
    /// The type group is a decree abbreviation in the wrong case (`Kh` for
    /// `KH`); `expected` is the right spelling when known.
    UnknownType {
        found: String,
        expected: Option<&'static str>,
    },
    /// The symbol does not start with the type abbreviation the kind needs.
    MissingType { expected: &'static str },
    /// The year in the symbol is not the year of the document's date.
    YearMismatch { symbol_year: u16, date_year: u16 },
}

impl SymbolIssue {
    /// Whether [`check`] can correct this issue by itself.
    pub fn is_fixable(&self) -> bool {
        match self {
            SymbolIssue::NumberNotPadded
            | SymbolIssue::Space
            | SymbolIssue::WrongDash { .. }
            | SymbolIssue::WrongSlash { .. }
            | SymbolIssue::WrongD => true,
            SymbolIssue::UnknownType { expected, .. } => expected.is_some(),
            SymbolIssue::NumberMalformed
            | SymbolIssue::MissingType { .. }
            | SymbolIssue::YearMismatch { .. } => false,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            SymbolIssue::NumberNotPadded => lang
                .pick(
                    "Số từ 1 đến 9 phải viết 01–09 (ví dụ 05/BNV-VP); từ 10 trở lên viết \
                     không có số 0 ở đầu (ví dụ 97, không viết 097).",
                    "Numbers 1 to 9 are written 01–09 (e.g. 05/BNV-VP); 10 and above take \
                     no leading zero (e.g. 97, not 097).",
                )
                .to_string(),
            SymbolIssue::NumberMalformed => lang
                .pick(
                    "Số văn bản chỉ gồm chữ số Ả Rập, từ 01 trở lên (ví dụ 97).",
                    "A document number is Arabic digits only, from 01 up (e.g. 97).",
                )
                .to_string(),
            SymbolIssue::Space => lang
                .pick(
                    "Ký hiệu không được có dấu cách.",
                    "The symbol must not contain spaces.",
                )
                .to_string(),
            SymbolIssue::WrongDash { found } => {
                let code = u32::from(*found);
                match lang {
                    Lang::Vi => format!(
                        "Ký hiệu dùng dấu “{found}” (U+{code:04X}): giữa các nhóm chữ phải là \
                         dấu gạch nối thường “-” (U+002D)."
                    ),
                    Lang::En => format!(
                        "The symbol uses “{found}” (U+{code:04X}): the groups must be joined \
                         by a plain hyphen “-” (U+002D)."
                    ),
                }
            }
            SymbolIssue::WrongSlash { found } => {
                let code = u32::from(*found);
                match lang {
                    Lang::Vi => format!(
                        "Ký hiệu dùng dấu “{found}” (U+{code:04X}): phải là dấu gạch chéo \
                         thường “/” (U+002F)."
                    ),
                    Lang::En => format!(
                        "The symbol uses “{found}” (U+{code:04X}): it must be a plain slash \
                         “/” (U+002F)."
                    ),
                }
            }
            SymbolIssue::WrongD => lang
                .pick(
                    "Ký hiệu dùng chữ “Ð” (U+00D0, chữ eth của tiếng Iceland) thay cho chữ \
                     “Đ” của tiếng Việt (U+0110).",
                    "The symbol uses “Ð” (U+00D0, the Icelandic eth) instead of the \
                     Vietnamese “Đ” (U+0110).",
                )
                .to_string(),
            SymbolIssue::UnknownType { found, expected } => {
                match (lang, expected.and_then(|e| kind_name(e).map(|k| (k, e)))) {
                    (Lang::Vi, Some((kind, abbr))) => format!(
                        "“{found}” không phải viết tắt tên loại theo Nghị định 30/2020: \
                         {kind} viết tắt là {abbr}."
                    ),
                    (Lang::En, Some((kind, abbr))) => format!(
                        "“{found}” is not a document-type abbreviation under Decree \
                         30/2020: {kind} is abbreviated {abbr}."
                    ),
                    (Lang::Vi, None) => {
                        format!("“{found}” không phải viết tắt tên loại theo Nghị định 30/2020.")
                    }
                    (Lang::En, None) => format!(
                        "“{found}” is not a document-type abbreviation under Decree 30/2020."
                    ),
                }
            }
            SymbolIssue::MissingType { expected } => {
                let kind = kind_name(expected).unwrap_or(expected);
                match lang {
                    Lang::Vi => format!(
                        "Ký hiệu phải bắt đầu bằng viết tắt tên loại văn bản (Nghị định \
                         30/2020): {kind} viết tắt là {expected}, ví dụ {expected}-UBND."
                    ),
                    Lang::En => format!(
                        "The symbol must start with the document-type abbreviation (Decree \
                         30/2020): {kind} is abbreviated {expected}, e.g. {expected}-UBND."
                    ),
                }
            }
            SymbolIssue::YearMismatch {
                symbol_year,
                date_year,
            } => match lang {
                Lang::Vi => format!(
                    "Năm trong ký hiệu ({symbol_year}) khác năm ban hành văn bản \
                     ({date_year}): năm ghi trong ký hiệu là năm ban hành."
                ),
                Lang::En => format!(
                    "The year in the symbol ({symbol_year}) differs from the year the \
                     document was issued ({date_year}): the symbol carries the year of issue."
                ),
            },
        }
    }
}

/// Kinds of document and their abbreviations (Phụ lục III of Decree 30/2020,
/// and the legal documents' usual ones). The first entry for an abbreviation
/// is the kind's name used in messages.
const KINDS: &[(&str, &str)] = &[
    ("Nghị quyết", "NQ"),
    ("Quyết định", "QĐ"),
    ("Chỉ thị", "CT"),
    ("Quy chế", "QC"),
    ("Quy định", "QyĐ"),
    ("Thông cáo", "TC"),
    ("Thông báo", "TB"),
    ("Hướng dẫn", "HD"),
    ("Chương trình", "CTr"),
    ("Kế hoạch", "KH"),
    ("Phương án", "PA"),
    ("Đề án", "ĐA"),
    ("Dự án", "DA"),
    ("Báo cáo", "BC"),
    ("Biên bản", "BB"),
    ("Tờ trình", "TTr"),
    ("Hợp đồng", "HĐ"),
    ("Công điện", "CĐ"),
    ("Bản ghi nhớ", "BGN"),
    ("Bản thỏa thuận", "BTT"),
    ("Giấy ủy quyền", "GUQ"),
    ("Giấy mời", "GM"),
    ("Giấy giới thiệu", "GGT"),
    ("Giấy nghỉ phép", "GNP"),
    ("Phiếu gửi", "PG"),
    ("Phiếu chuyển", "PC"),
    ("Phiếu báo", "PB"),
    ("Bản sao y", "SY"),
    ("Bản trích sao", "TrS"),
    ("Bản sao lục", "SL"),
    // Joint documents: the compound type (KHLN, NQLT) starts with the base.
    ("Kế hoạch liên ngành", "KH"),
    ("Nghị quyết liên tịch", "NQ"),
    // Legal documents.
    ("Nghị định", "NĐ"),
    ("Thông tư", "TT"),
    ("Thông tư liên tịch", "TTLT"),
    // The older tone placement, still common.
    ("Bản thoả thuận", "BTT"),
    ("Giấy uỷ quyền", "GUQ"),
];

/// The kind's name for an abbreviation (`KH` → `Kế hoạch`).
pub fn kind_name(abbr: &str) -> Option<&'static str> {
    KINDS.iter().find(|(_, a)| *a == abbr).map(|(k, _)| *k)
}

/// Whether `group` is one of the decree's abbreviations, exactly as written.
pub fn is_known_abbr(group: &str) -> bool {
    KINDS.iter().any(|(_, a)| *a == group)
}

/// The decree's abbreviation spelled like `group` apart from case
/// (`Kh` → `KH`, `QYĐ` → `QyĐ`).
fn abbr_ignoring_case(group: &str) -> Option<&'static str> {
    let lower = group.to_lowercase();
    KINDS
        .iter()
        .map(|(_, a)| *a)
        .find(|a| a.to_lowercase() == lower)
}

/// The kind as the table spells it: lowercase, composed, single spaces.
fn normalise_kind(kind: &str) -> String {
    let words: Vec<&str> = kind.split_whitespace().collect();
    // Kinds reach here composed (text is normalised where it enters the
    // core), but type_abbr is public and cheap to make exact on any input.
    nfc(&words.join(" ").to_lowercase()).into_owned()
}

/// The decree's abbreviation for a document kind (`Kế hoạch` → `KH`); `None`
/// for a công văn (no type) or an unknown kind.
///
/// The kind is matched ignoring case, surrounding and repeated spaces, and
/// decomposed (NFD) diacritics; both tone placements of `thỏa`/`thoả` and
/// `ủy`/`uỷ` are known. Luật and Bộ luật carry no type (`None`).
pub fn type_abbr(kind: &str) -> Option<&'static str> {
    let key = normalise_kind(kind);
    if key.is_empty() {
        return None;
    }
    KINDS
        .iter()
        .find(|(k, _)| k.to_lowercase() == key)
        .map(|(_, a)| *a)
}

const WRONG_DASHES: &[char] = &[
    '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{FE58}',
    '\u{FE63}', '\u{FF0D}',
];
const WRONG_SLASHES: &[char] = &['\u{2044}', '\u{2215}', '\u{FF0F}', '\u{29F8}'];

/// `Đ` for the characters that look like it, `đ` for their lowercase.
fn right_d(c: char) -> Option<char> {
    match c {
        '\u{00D0}' | '\u{0189}' => Some('Đ'),
        '\u{00F0}' | '\u{0256}' => Some('đ'),
        _ => None,
    }
}

/// `QH14`, `UBTVQH15`: an act of the National Assembly (or its Standing
/// Committee), which has no type group.
fn is_assembly(rest: &str) -> bool {
    ["QH", "UBTVQH"].iter().any(|p| {
        rest.strip_prefix(p)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether `group` is `abbr` followed by capitals (`KHLN`, `TTLT`), a joint
/// type. The decree's mixed-case abbreviations (`CTr`, `TTr`) are not
/// compounds of `CT`, `TT`.
fn is_compound(group: &str, abbr: &str) -> bool {
    group.strip_prefix(abbr).is_some_and(|rest| {
        !rest.is_empty() && rest.chars().all(|c| c.is_uppercase() && c.is_alphabetic())
    })
}

/// Checks the number; returns the issue and the corrected number.
fn check_number(number: &str) -> (Option<SymbolIssue>, String) {
    let n = number.trim();
    if n.is_empty() {
        return (None, String::new());
    }
    if !n.bytes().all(|b| b.is_ascii_digit()) {
        return (Some(SymbolIssue::NumberMalformed), n.to_string());
    }
    let significant = n.trim_start_matches('0');
    let right = match significant.len() {
        0 => return (Some(SymbolIssue::NumberMalformed), n.to_string()),
        1 => format!("0{significant}"),
        _ => significant.to_string(),
    };
    if right == n {
        (None, right)
    } else {
        (Some(SymbolIssue::NumberNotPadded), right)
    }
}

/// Everything wrong with `number/symbol` for a document of `kind` dated in
/// `year`, and the corrected pair when one can be computed.
///
/// Both are trimmed first (surrounding spaces are not an issue). A blank
/// number or a blank symbol has no issues of its own. The corrected pair is
/// `Some` only when there is at least one issue and every issue can be
/// corrected ([`SymbolIssue::is_fixable`]); checking the corrected pair again
/// then finds nothing. A type group in the wrong case is reported even for a
/// công văn or an unknown kind, unless it is all capitals (it may then be an
/// agency's initials).
pub fn check(
    number: &str,
    symbol: &str,
    kind: &str,
    year: Option<u16>,
) -> (Vec<SymbolIssue>, Option<(String, String)>) {
    let mut issues = Vec::new();
    let (number_issue, fixed_number) = check_number(number);
    issues.extend(number_issue);

    let symbol = symbol.trim();
    let mut cleaned = String::with_capacity(symbol.len());
    let mut space = false;
    let mut wrong_d = false;
    let mut char_issues = Vec::new();
    for c in symbol.chars() {
        if c.is_whitespace() {
            space = true;
        } else if WRONG_DASHES.contains(&c) {
            let issue = SymbolIssue::WrongDash { found: c };
            if !char_issues.contains(&issue) {
                char_issues.push(issue);
            }
            cleaned.push('-');
        } else if WRONG_SLASHES.contains(&c) {
            let issue = SymbolIssue::WrongSlash { found: c };
            if !char_issues.contains(&issue) {
                char_issues.push(issue);
            }
            cleaned.push('/');
        } else if let Some(d) = right_d(c) {
            wrong_d = true;
            cleaned.push(d);
        } else {
            cleaned.push(c);
        }
    }
    if space {
        issues.push(SymbolIssue::Space);
    }
    issues.extend(char_issues);
    if wrong_d {
        issues.push(SymbolIssue::WrongD);
    }

    let mut fixed_symbol = cleaned.clone();
    if !cleaned.is_empty() {
        // An optional `YYYY/` in front.
        let (prefix, rest) = match cleaned.split_once('/') {
            Some((y, _)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
                let symbol_year: Option<u16> = y.parse().ok();
                if let (Some(s), Some(d)) = (symbol_year, year) {
                    if s != d {
                        issues.push(SymbolIssue::YearMismatch {
                            symbol_year: s,
                            date_year: d,
                        });
                    }
                }
                cleaned.split_at(y.len() + 1)
            }
            _ => ("", cleaned.as_str()),
        };
        let (first, tail) = match rest.split_once('-') {
            Some((first, tail)) => (first, Some(tail)),
            None => (rest, None),
        };
        let mut replacement: Option<&'static str> = None;
        match type_abbr(kind) {
            _ if is_assembly(rest) => {}
            Some(abbr) => {
                if first == abbr || is_compound(first, abbr) {
                    // Right.
                } else if first.to_lowercase() == abbr.to_lowercase() {
                    issues.push(SymbolIssue::UnknownType {
                        found: first.to_string(),
                        expected: Some(abbr),
                    });
                    replacement = Some(abbr);
                } else {
                    issues.push(SymbolIssue::MissingType { expected: abbr });
                }
            }
            None => {
                let all_caps = !first.chars().any(char::is_lowercase);
                if let Some(right) = abbr_ignoring_case(first) {
                    if right != first && !all_caps {
                        issues.push(SymbolIssue::UnknownType {
                            found: first.to_string(),
                            expected: Some(right),
                        });
                        replacement = Some(right);
                    }
                }
            }
        }
        if let Some(right) = replacement {
            fixed_symbol = match tail {
                Some(tail) => format!("{prefix}{right}-{tail}"),
                None => format!("{prefix}{right}"),
            };
        }
    }

    let fix = (!issues.is_empty() && issues.iter().all(SymbolIssue::is_fixable))
        .then_some((fixed_number, fixed_symbol));
    (issues, fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_combining(s: &str) -> bool {
        !s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c))
    }

    #[test]
    fn abbreviations() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Nghị quyết", Some("NQ")),
            ("Quyết định", Some("QĐ")),
            ("Chỉ thị", Some("CT")),
            ("Quy chế", Some("QC")),
            ("Quy định", Some("QyĐ")),
            ("Thông cáo", Some("TC")),
            ("Thông báo", Some("TB")),
            ("Hướng dẫn", Some("HD")),
            ("Chương trình", Some("CTr")),
            ("Kế hoạch", Some("KH")),
            ("Phương án", Some("PA")),
            ("Đề án", Some("ĐA")),
            ("Dự án", Some("DA")),
            ("Báo cáo", Some("BC")),
            ("Biên bản", Some("BB")),
            ("Tờ trình", Some("TTr")),
            ("Hợp đồng", Some("HĐ")),
            ("Công điện", Some("CĐ")),
            ("Bản ghi nhớ", Some("BGN")),
            ("Bản thỏa thuận", Some("BTT")),
            ("Bản thoả thuận", Some("BTT")),
            ("Giấy ủy quyền", Some("GUQ")),
            ("Giấy uỷ quyền", Some("GUQ")),
            ("Giấy mời", Some("GM")),
            ("Giấy giới thiệu", Some("GGT")),
            ("Giấy nghỉ phép", Some("GNP")),
            ("Phiếu gửi", Some("PG")),
            ("Phiếu chuyển", Some("PC")),
            ("Phiếu báo", Some("PB")),
            ("Kế hoạch liên ngành", Some("KH")),
            ("Nghị định", Some("NĐ")),
            ("Thông tư", Some("TT")),
            ("Thông tư liên tịch", Some("TTLT")),
            ("kế hoạch", Some("KH")),
            ("  Kế   hoạch ", Some("KH")),
            ("KẾ HOẠCH", Some("KH")),
            ("đề án", Some("ĐA")),
            // Decomposed (NFD): e + circumflex + acute, a + dot below.
            ("Ke\u{0302}\u{0301} hoa\u{0323}ch", Some("KH")),
            (
                "Hu\u{031B}o\u{031B}\u{0301}ng da\u{0302}\u{0303}n",
                Some("HD"),
            ),
            // Dot below stored before the circumflex (canonical order).
            (
                "Ba\u{0309}n tho\u{0309}a thua\u{0323}\u{0302}n",
                Some("BTT"),
            ),
            ("Du\u{031B}\u{0323} a\u{0301}n", Some("DA")),
            // Half composed: â followed by a combining acute.
            ("Kâ\u{0301} hoạch", None),
            ("Kê\u{0301} hoạch", Some("KH")),
            ("Luật", None),
            ("Bộ luật", None),
            ("Công văn", None),
            ("", None),
            ("Kế hoạch xyz", None),
            ("Ke hoach", None),
            ("Thông", None),
        ];
        for (kind, want) in cases {
            assert_eq!(type_abbr(kind), *want, "{kind:?}");
        }
        assert_eq!(kind_name("KH"), Some("Kế hoạch"));
        assert_eq!(kind_name("BTT"), Some("Bản thỏa thuận"));
        assert_eq!(kind_name("XYZ"), None);
    }

    type Case<'a> = (
        (&'a str, &'a str, &'a str, Option<u16>),
        Vec<SymbolIssue>,
        Option<(&'a str, &'a str)>,
    );

    #[test]
    fn checks() {
        use SymbolIssue::*;
        let cases: Vec<Case> = vec![
            // The reference notice.
            (
                ("548", "QĐ-BLĐT BXH", "Quyết định", Some(2011)),
                vec![Space],
                Some(("548", "QĐ-BLĐTBXH")),
            ),
            (
                ("221", "Kh-UBND", "Kế hoạch", Some(2024)),
                vec![UnknownType {
                    found: "Kh".into(),
                    expected: Some("KH"),
                }],
                Some(("221", "KH-UBND")),
            ),
            (
                (
                    "99",
                    "KHLN-SLĐTBXH-GDĐT-VHTTDL-ĐTNCSCM",
                    "Kế hoạch liên ngành",
                    Some(2024),
                ),
                vec![],
                None,
            ),
            (("08", "CTr-UBND", "Chương trình", Some(2024)), vec![], None),
            (("56", "2017/NĐ-CP", "Nghị định", Some(2017)), vec![], None),
            (
                ("56", "2017/NĐ-CP", "Nghị định", Some(2018)),
                vec![YearMismatch {
                    symbol_year: 2017,
                    date_year: 2018,
                }],
                None,
            ),
            (("121", "2020/QH14", "Nghị quyết", Some(2020)), vec![], None),
            (
                ("548", "UBND-LĐTĐXHDT", "Công văn", Some(2024)),
                vec![],
                None,
            ),
            (
                ("5", "BNV-VP", "Công văn", None),
                vec![NumberNotPadded],
                Some(("05", "BNV-VP")),
            ),
            (("97", "TB-SLĐTBXH", "Thông báo", Some(2024)), vec![], None),
            (("06", "QĐ-TTg", "Quyết định", Some(2019)), vec![], None),
            (("23", "CT-TTg", "Chỉ thị", Some(2020)), vec![], None),
            (
                ("27", "2022/TT-BLĐTBXH", "Thông tư", Some(2022)),
                vec![],
                None,
            ),
            (("87", "2008/TT-BTC", "Thông tư", None), vec![], None),
            (
                ("06", "2024/QĐ-UBND", "Quyết định", Some(2024)),
                vec![],
                None,
            ),
            (
                ("12", "2024/UBTVQH15", "Nghị quyết", Some(2024)),
                vec![],
                None,
            ),
            (("102", "2016/QH13", "Luật", Some(2016)), vec![], None),
            (
                ("01", "2008/TTLT-BTC-BLĐTBXH", "Thông tư liên tịch", None),
                vec![],
                None,
            ),
            (
                ("01", "2008/TTLT-BTC-BLĐTBXH", "Thông tư", None),
                vec![],
                None,
            ),
            (
                ("01", "NQLT-CP-UBTƯMTTQVN", "Nghị quyết liên tịch", None),
                vec![],
                None,
            ),
            (("15", "QyĐ-UBND", "Quy định", None), vec![], None),
            (("15", "TTr-UBND", "Tờ trình", None), vec![], None),
            // Blank parts.
            (("", "", "Kế hoạch", None), vec![], None),
            (("", "KH-UBND", "Kế hoạch", None), vec![], None),
            (("12", "", "Kế hoạch", None), vec![], None),
            ((" 12 ", " KH-UBND ", "Kế hoạch", None), vec![], None),
            // Number.
            (
                ("097", "TB-SLĐTBXH", "Thông báo", None),
                vec![NumberNotPadded],
                Some(("97", "TB-SLĐTBXH")),
            ),
            (
                ("005", "TB-SLĐTBXH", "Thông báo", None),
                vec![NumberNotPadded],
                Some(("05", "TB-SLĐTBXH")),
            ),
            (("10", "TB-X", "Thông báo", None), vec![], None),
            (
                ("9a", "TB-X", "Thông báo", None),
                vec![NumberMalformed],
                None,
            ),
            (
                ("0", "TB-X", "Thông báo", None),
                vec![NumberMalformed],
                None,
            ),
            (
                ("00", "TB-X", "Thông báo", None),
                vec![NumberMalformed],
                None,
            ),
            (
                ("９７", "TB-X", "Thông báo", None),
                vec![NumberMalformed],
                None,
            ),
            (
                ("-5", "TB-X", "Thông báo", None),
                vec![NumberMalformed],
                None,
            ),
            // Characters.
            (
                ("97", "TB\u{2013}SLĐTBXH", "Thông báo", None),
                vec![WrongDash { found: '\u{2013}' }],
                Some(("97", "TB-SLĐTBXH")),
            ),
            (
                ("97", "TB\u{2014}SLĐ\u{2212}X\u{2014}Y", "Thông báo", None),
                vec![
                    WrongDash { found: '\u{2014}' },
                    WrongDash { found: '\u{2212}' },
                ],
                Some(("97", "TB-SLĐ-X-Y")),
            ),
            (
                ("97", "TB\u{2010}X", "Thông báo", None),
                vec![WrongDash { found: '\u{2010}' }],
                Some(("97", "TB-X")),
            ),
            (
                ("56", "2017\u{2044}NĐ-CP", "Nghị định", Some(2017)),
                vec![WrongSlash { found: '\u{2044}' }],
                Some(("56", "2017/NĐ-CP")),
            ),
            (
                ("56", "2017\u{2215}NĐ-CP", "Nghị định", Some(2017)),
                vec![WrongSlash { found: '\u{2215}' }],
                Some(("56", "2017/NĐ-CP")),
            ),
            (
                ("56", "2017／NĐ-CP", "Nghị định", Some(2017)),
                vec![WrongSlash { found: '／' }],
                Some(("56", "2017/NĐ-CP")),
            ),
            (
                ("06", "Q\u{00D0}-TTg", "Quyết định", None),
                vec![WrongD],
                Some(("06", "QĐ-TTg")),
            ),
            (
                ("06", "Qy\u{00F0}-X", "Quy định", None),
                vec![
                    WrongD,
                    UnknownType {
                        found: "Qyđ".into(),
                        expected: Some("QyĐ"),
                    },
                ],
                Some(("06", "QyĐ-X")),
            ),
            (
                ("5", "Kh - UBND", "Kế hoạch", None),
                vec![
                    NumberNotPadded,
                    Space,
                    UnknownType {
                        found: "Kh".into(),
                        expected: Some("KH"),
                    },
                ],
                Some(("05", "KH-UBND")),
            ),
            (
                ("548", "QĐ-BLĐT\u{00A0}BXH", "Quyết định", None),
                vec![Space],
                Some(("548", "QĐ-BLĐTBXH")),
            ),
            // Type group.
            (
                ("15", "QYĐ-UBND", "Quy định", None),
                vec![UnknownType {
                    found: "QYĐ".into(),
                    expected: Some("QyĐ"),
                }],
                Some(("15", "QyĐ-UBND")),
            ),
            (
                ("15", "UBND", "Kế hoạch", None),
                vec![MissingType { expected: "KH" }],
                None,
            ),
            (
                ("15", "QĐ-UBND", "Kế hoạch", None),
                vec![MissingType { expected: "KH" }],
                None,
            ),
            (
                ("15", "UBND-VP", "Kế hoạch", None),
                vec![MissingType { expected: "KH" }],
                None,
            ),
            (
                ("15", "CTr-UBND", "Chỉ thị", None),
                vec![MissingType { expected: "CT" }],
                None,
            ),
            (
                ("15", "TTr-UBND", "Thông tư", None),
                vec![MissingType { expected: "TT" }],
                None,
            ),
            (("20", "NĐ-CP", "Nghị định", Some(2021)), vec![], None),
            (
                ("121", "2020/QH14", "Nghị quyết", Some(2021)),
                vec![YearMismatch {
                    symbol_year: 2020,
                    date_year: 2021,
                }],
                None,
            ),
            (
                ("56", "2017/Nđ-CP", "Nghị định", Some(2018)),
                vec![
                    YearMismatch {
                        symbol_year: 2017,
                        date_year: 2018,
                    },
                    UnknownType {
                        found: "Nđ".into(),
                        expected: Some("NĐ"),
                    },
                ],
                None,
            ),
            // Công văn and unknown kinds: no type needed, wrong case reported.
            (
                ("12", "Kh-UBND", "Công văn", None),
                vec![UnknownType {
                    found: "Kh".into(),
                    expected: Some("KH"),
                }],
                Some(("12", "KH-UBND")),
            ),
            (
                ("12", "Qđ-UBND", "", None),
                vec![UnknownType {
                    found: "Qđ".into(),
                    expected: Some("QĐ"),
                }],
                Some(("12", "QĐ-UBND")),
            ),
            (("12", "CTR-UBND", "Công văn", None), vec![], None),
            (("12", "UBND-VP", "Công văn", None), vec![], None),
            (("12", "Ubnd-VP", "Công văn", None), vec![], None),
        ];
        for ((number, symbol, kind, year), want_issues, want_fix) in cases {
            let (issues, fix) = check(number, symbol, kind, year);
            assert_eq!(issues, want_issues, "{number}/{symbol} ({kind}, {year:?})");
            let want_fix = want_fix.map(|(n, s)| (n.to_string(), s.to_string()));
            assert_eq!(fix, want_fix, "{number}/{symbol} ({kind}, {year:?})");
            if let Some((n, s)) = fix {
                assert_eq!(
                    check(&n, &s, kind, year),
                    (vec![], None),
                    "fix of {number}/{symbol}"
                );
            }
        }
    }

    #[test]
    fn messages() {
        let issues = [
            SymbolIssue::NumberNotPadded,
            SymbolIssue::NumberMalformed,
            SymbolIssue::Space,
            SymbolIssue::WrongDash { found: '\u{2013}' },
            SymbolIssue::WrongSlash { found: '\u{2044}' },
            SymbolIssue::WrongD,
            SymbolIssue::UnknownType {
                found: "Kh".into(),
                expected: Some("KH"),
            },
            SymbolIssue::UnknownType {
                found: "Xy".into(),
                expected: None,
            },
            SymbolIssue::MissingType { expected: "KH" },
            SymbolIssue::YearMismatch {
                symbol_year: 2017,
                date_year: 2018,
            },
        ];
        for issue in &issues {
            let vi = issue.message(Lang::Vi);
            let en = issue.message(Lang::En);
            assert!(!vi.is_empty() && !en.is_empty(), "{issue:?}");
            assert_ne!(vi, en, "{issue:?}");
            assert!(no_combining(&vi) && no_combining(&en), "{issue:?}");
        }
        assert_eq!(
            issues[6].message(Lang::Vi),
            "“Kh” không phải viết tắt tên loại theo Nghị định 30/2020: Kế hoạch viết tắt là KH."
        );
        assert_eq!(
            issues[6].message(Lang::En),
            "“Kh” is not a document-type abbreviation under Decree 30/2020: Kế hoạch is \
             abbreviated KH."
        );
        assert_eq!(
            issues[2].message(Lang::Vi),
            "Ký hiệu không được có dấu cách."
        );
        assert!(issues[0]
            .message(Lang::Vi)
            .starts_with("Số từ 1 đến 9 phải viết 01–09 (ví dụ 05/BNV-VP)"));
        assert!(issues[3].message(Lang::Vi).contains("U+2013"));
        assert!(issues[8]
            .message(Lang::Vi)
            .contains("Kế hoạch viết tắt là KH"));
        assert!(
            issues[9].message(Lang::En).contains("2017")
                && issues[9].message(Lang::En).contains("2018")
        );
    }
}
