//! Citations of documents in prose, as references: `Kế hoạch số
//! 221/Kh-UBND ngày 03/7/2024 của UBND huyện … về …` becomes a [`DocRef`]
//! (kind, number, symbol, date, issuer, subject) and a `{ref:ID}` token in
//! the text.
//!
//! The symbol is kept exactly as typed — `Kh`, a space inside
//! (`QĐ-BLĐT BXH`), a wrong dash — so that the checks report it. A
//! citation becomes a reference only when the reference prints back the
//! words it was read from (apart from a comma before `ngày`, which the
//! citation rule drops, and the date's leading zeros by the decree's
//! rule); otherwise the text stays as it was. A later short mention of a
//! document already cited in full (`theo Quyết định số 06/QĐ-TTg.`) stays
//! text too: a reference would print its date, issuer and subject again.

use crate::core::format::date::parse_date;
use crate::core::format::symbol::type_abbr;
use crate::core::model::DocRef;
use crate::core::nfc::fold_ascii;
use crate::core::render::citation;
use std::collections::HashMap;

/// Document kinds as running text names them, longest first where one
/// starts another.
const KINDS: &[&str] = &[
    "Kế hoạch liên ngành",
    "Kế hoạch liên tịch",
    "Kế hoạch",
    "Thông tư liên tịch",
    "Thông tư",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Công văn",
    "Công điện",
    "Văn bản",
    "Thông báo",
    "Chương trình",
    "Báo cáo",
    "Hướng dẫn",
    "Tờ trình",
    "Quy chế",
    "Quy định",
    "Đề án",
    "Phương án",
    "Dự án",
    "Biên bản",
    "Hợp đồng",
    "Giấy mời",
    "Lệnh",
    "Pháp lệnh",
    "Bộ luật",
    "Luật",
];

/// Words that start a cited document's subject (after its date or issuer).
const SUBJECT_STARTS: &[&str] = &[
    "về việc ",
    "về ",
    "V/v ",
    "v/v ",
    "ban hành ",
    "phê duyệt ",
    "quy định ",
    "hướng dẫn ",
    "triển khai",
    "thực hiện ",
    "sửa đổi",
    "bổ sung ",
    "Thông báo ",
];

/// Words that end an issuer when no subject follows (`của Thủ tướng
/// Chính phủ là 1.308 trẻ`).
const ISSUER_ENDS: &[&str] = &[
    " là ",
    " với ",
    " được ",
    " đã ",
    " cho ",
    " tại ",
    " theo ",
    " trong ",
    " nhằm ",
    " để ",
    " đến ",
    " đối với ",
    " nay ",
];

/// The references found so far, shared by every text of one notice.
#[derive(Default)]
pub struct Citations {
    pub refs: Vec<DocRef>,
    /// `{ref:…}` tokens written.
    pub written: usize,
}

/// One citation found at `start..end` of a text.
struct Found {
    start: usize,
    end: usize,
    r: DocRef,
}

impl Citations {
    /// `text` (rich text) with each citation it makes a reference of
    /// replaced by `{ref:ID}`.
    pub fn replace(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut i = 0;
        let mut prev_alnum = false;
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if c == '{' {
                // A token (or a literal brace): never inside a citation.
                i = match text[i..].find('}') {
                    Some(j) if !text[i..].starts_with("{{") => i + j + 1,
                    _ => i + 2.min(text.len() - i),
                };
                prev_alnum = false;
                continue;
            }
            if !prev_alnum {
                if let Some(f) = read(text, i) {
                    if let Some(id) = self.place(f.r) {
                        out.push_str(&text[at..f.start]);
                        out.push_str(&format!("{{ref:{id}}}"));
                        self.written += 1;
                        at = f.end;
                        i = f.end;
                        prev_alnum = false;
                        continue;
                    }
                }
            }
            prev_alnum = c.is_alphanumeric();
            i += c.len_utf8();
        }
        out.push_str(&text[at..]);
        out
    }

    /// The id of `r` among the references: an equal one's, or a new one.
    /// `None` for a short mention of a document already cited in full.
    fn place(&mut self, mut r: DocRef) -> Option<String> {
        let same_doc = |a: &DocRef| {
            a.kind.to_lowercase() == r.kind.to_lowercase()
                && a.number == r.number
                && a.symbol == r.symbol
        };
        let short = r.date.is_empty() && r.issuer.is_empty() && r.subject.is_empty();
        if let Some(known) = self.refs.iter().find(|a| {
            same_doc(a)
                && a.date == r.date
                && a.issuer == r.issuer
                && a.subject == r.subject
                && a.with_so == r.with_so
                && a.kind == r.kind
        }) {
            return Some(known.id.clone());
        }
        if short && self.refs.iter().any(same_doc) {
            return None;
        }
        let base = id_base(&r);
        let mut id = base.clone();
        let mut k = 1;
        while self.refs.iter().any(|a| a.id == id) {
            k += 1;
            id = format!("{base}-{k}");
        }
        r.id = id.clone();
        self.refs.push(r);
        Some(id)
    }
}

/// `kh221`, `cv548`, `nd56-2017`: the kind's abbreviation, the number, the
/// year of a legal document.
fn id_base(r: &DocRef) -> String {
    let abbr = match type_abbr(&r.kind) {
        Some(a) => a.to_string(),
        None if r.kind.to_lowercase() == "công văn" => "cv".into(),
        None => r
            .kind
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .collect(),
    };
    let mut id = fold_ascii(&abbr.to_lowercase()).into_owned();
    id.retain(|c| c.is_ascii_alphanumeric());
    id.push_str(&r.number);
    if let Some((year, _)) = r.symbol.split_once('/') {
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            id.push('-');
            id.push_str(year);
        }
    }
    if id.is_empty() {
        id = "ref".into();
    }
    id
}

/// The kind at `i`, as typed.
fn kind_at(text: &str, i: usize) -> Option<&str> {
    let rest = &text[i..];
    let first = rest.chars().next()?;
    variants(first)?.iter().find_map(|k| {
        let next = rest.get(k.len()..)?.chars().next();
        (rest.starts_with(k.as_str()) && next.is_some_and(char::is_whitespace))
            .then(|| &rest[..k.len()])
    })
}

/// The kinds starting with `first`, as running text writes them, with a
/// small initial (`kế hoạch`), and in capitals (in a part's title).
fn variants(first: char) -> Option<&'static Vec<String>> {
    static VARIANTS: std::sync::OnceLock<HashMap<char, Vec<String>>> = std::sync::OnceLock::new();
    VARIANTS
        .get_or_init(|| {
            let mut v: HashMap<char, Vec<String>> = HashMap::new();
            for k in KINDS {
                let mut cs = k.chars();
                let f = cs.next().unwrap_or(' ');
                let lower: String = f.to_lowercase().collect();
                for variant in [k.to_string(), lower + cs.as_str(), k.to_uppercase()] {
                    if let Some(c) = variant.chars().next() {
                        v.entry(c).or_default().push(variant);
                    }
                }
            }
            v
        })
        .get(&first)
}

fn is_symbol_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '/' | '–' | '—' | '‐' | '−' | '.' | '&')
}

/// The citation starting at `i`, if there is one that prints back as it
/// was written.
fn read(text: &str, i: usize) -> Option<Found> {
    let mut kind = kind_at(text, i)?;
    let mut p = i + kind.len();
    // A law cited by its name (`Luật Bảo hiểm y tế số 25/2008/QH12`): the
    // name is part of what the citation calls it.
    if kind.to_lowercase().ends_with("luật") && !text[p..].starts_with(" số ") {
        let rest = &text[p..];
        let j = rest.find(" số ")?;
        let name = rest[..j].trim();
        let named = name.chars().next().is_some_and(char::is_uppercase)
            && name.split_whitespace().count() <= 8
            && !name.contains([',', ';', '.', ':', '(', ')', '{', '}', '“', '”']);
        if !named {
            return None;
        }
        kind = &text[i..p + j];
        p += j;
    }
    let rest = &text[p..];
    let (with_so, skip) = if let Some(r) = rest.strip_prefix(" số ") {
        (true, rest.len() - r.len())
    } else {
        (false, rest.chars().next().map_or(1, char::len_utf8))
    };
    p += skip;
    let digits = text[p..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 || !text[p + digits..].starts_with('/') {
        return None;
    }
    let number = &text[p..p + digits];
    p += digits + 1;
    let sym_len: usize = text[p..]
        .chars()
        .take_while(|&c| is_symbol_char(c))
        .map(char::len_utf8)
        .sum();
    let mut symbol = text[p..p + sym_len].trim_end_matches('.');
    if !symbol
        .chars()
        .any(|c| c.is_alphabetic() && c.is_uppercase())
    {
        return None;
    }
    p += symbol.len();
    // A space typed inside the symbol (`QĐ-BLĐT BXH`): an all-capitals
    // group right after, then the end of the citation's identity.
    if let Some(after) = text[p..].strip_prefix(' ') {
        let g: usize = after
            .chars()
            .take_while(|&c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
            .map(char::len_utf8)
            .sum();
        let tail = &after[g..];
        if g >= 2
            && after[..g].chars().any(char::is_alphabetic)
            && (tail.is_empty()
                || tail.starts_with([',', ';', '.'])
                || tail.starts_with(" ngày ")
                || tail.starts_with(" của "))
        {
            symbol = &text[p - symbol.len()..p + 1 + g];
            p += 1 + g;
        }
    }
    let mut r = DocRef {
        kind: kind.to_string(),
        number: number.to_string(),
        symbol: symbol.to_string(),
        with_so,
        ..DocRef::default()
    };
    // What the reference must print: the words as written, less a comma
    // before `ngày`.
    let mut expected = text[i..p].to_string();
    // Date: `ngày 20/5/2024` (also one that does not exist, for the
    // checks to report), or `ngày 20 tháng 5 năm 2024`, which the
    // citation prints as running text writes dates (`20/5/2024`).
    for lead in [", ngày ", " ngày "] {
        if let Some(after) = text[p..].strip_prefix(lead) {
            let len = after
                .bytes()
                .take_while(|&b| b.is_ascii_digit() || b == b'/')
                .count();
            let raw = &after[..len];
            if date_shaped(raw) {
                r.date = raw.to_string();
                p += lead.len() + len;
                expected.push_str(" ngày ");
                expected.push_str(&crate::core::render::date_text(raw));
            } else if let Some((date, len)) = date_in_words(after) {
                expected.push_str(" ngày ");
                expected.push_str(&crate::core::render::date_text(&date));
                r.date = date;
                p += lead.len() + len;
            }
            break;
        }
    }
    // Issuer.
    if let Some(after) = text[p..].strip_prefix(" của ") {
        if after.chars().next().is_some_and(char::is_uppercase) {
            let end = issuer_end(after);
            let issuer = after[..end].trim_end_matches([',', ' ']);
            if !issuer.is_empty() {
                r.issuer = issuer.to_string();
                p += " của ".len() + issuer.len();
                expected.push_str(" của ");
                expected.push_str(issuer);
            }
        }
    }
    // Subject.
    if let Some(after) = text[p..].strip_prefix(' ') {
        if SUBJECT_STARTS.iter().any(|s| after.starts_with(s)) {
            let end = subject_end(after);
            let subject = after[..end]
                .trim_end()
                .trim_end_matches(['.', '…', ','])
                .trim_end();
            if !subject.is_empty() {
                r.subject = subject.to_string();
                p += 1 + subject.len();
                expected.push(' ');
                expected.push_str(subject);
            }
        }
    }
    (citation(&r) == expected).then_some(Found {
        start: i,
        end: p,
        r,
    })
}

/// `D/M/YYYY`, whether or not the day exists.
pub(crate) fn date_shaped(raw: &str) -> bool {
    let parts: Vec<&str> = raw.split('/').collect();
    matches!(parts.as_slice(), [d, m, y]
        if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) && y.len() == 4)
}

/// `20 tháng 5 năm 2024` at the start of `s`: the date as `20/5/2024`, and
/// the length it took.
fn date_in_words(s: &str) -> Option<(String, usize)> {
    let num = |s: &str| {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (n > 0).then(|| (s[..n].to_string(), n))
    };
    let (d, a) = num(s)?;
    let rest = s[a..].strip_prefix(" tháng ")?;
    let (m, b) = num(rest)?;
    let rest2 = rest[b..].strip_prefix(" năm ")?;
    let (y, c) = num(rest2)?;
    if y.len() != 4 || parse_date(&format!("{d}/{m}/{y}")).is_err() {
        return None;
    }
    let len = a + " tháng ".len() + b + " năm ".len() + c;
    Some((format!("{d}/{m}/{y}"), len))
}

/// Where an issuer ends in `s` (the text after `của `).
fn issuer_end(s: &str) -> usize {
    let mut end = s.len();
    for stop in [";", ":", "(", "{", ", ngày ", "\n"] {
        if let Some(j) = s.find(stop) {
            end = end.min(j);
        }
    }
    if let Some(j) = sentence_end(s) {
        end = end.min(j);
    }
    for stop in ISSUER_ENDS {
        if let Some(j) = s[..end].find(stop) {
            end = end.min(j);
        }
    }
    for start in SUBJECT_STARTS {
        let pat = format!(" {start}");
        if let Some(j) = s[..end].find(&pat) {
            end = end.min(j);
        }
    }
    end
}

/// Where a subject ends in `s`.
fn subject_end(s: &str) -> usize {
    let mut end = s.len();
    // A comma before a date ends it: the date is the sentence's
    // (`…năm 2024, từ ngày 18/11/2024 đến ngày 20/11/2024 Đoàn …`).
    for stop in [
        ";",
        "{",
        ", ngày ",
        ", từ ngày ",
        ", vào ngày ",
        ", trong ngày ",
        ", trong các ngày ",
        "\n",
        ": ",
    ] {
        if let Some(j) = s.find(stop) {
            end = end.min(j);
        }
    }
    if let Some(j) = sentence_end(s) {
        end = end.min(j);
    }
    end
}

/// The first `. ` before a capital or a digit, or a final `.`.
fn sentence_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    for (j, _) in s.match_indices('.') {
        let next = &s[j + 1..];
        if next.is_empty() && j > 0 && b[j - 1] != b'.' {
            return Some(j);
        }
        if let Some(after) = next.strip_prefix(' ') {
            if after
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                return Some(j);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, Vec<DocRef>) {
        let mut c = Citations::default();
        let out = c.replace(text);
        (out, c.refs)
    }

    #[test]
    fn citations_become_references() {
        let (t, r) =
            one("Triển khai Kế hoạch số 221/Kh-UBND ngày 03/7/2024 thực hiện Quy chế phối hợp.");
        assert_eq!(t, "Triển khai {ref:kh221}.");
        assert_eq!(r[0].symbol, "Kh-UBND");
        assert_eq!(r[0].date, "03/7/2024");
        assert_eq!(r[0].subject, "thực hiện Quy chế phối hợp");

        let (t, r) = one("Triển khai Quyết định số 548/QĐ-BLĐT BXH, ngày 06/5/2011 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội về việc ban hành tiêu chí{fn:n3}.");
        assert_eq!(t, "Triển khai {ref:qd548}{fn:n3}.");
        assert_eq!(r[0].symbol, "QĐ-BLĐT BXH");
        assert_eq!(r[0].issuer, "Bộ trưởng Bộ Lao động - Thương binh và Xã hội");
        assert_eq!(r[0].subject, "về việc ban hành tiêu chí");

        let (t, r) =
            one("theo quy định tại Nghị định 105/2020/NĐ-CP của Thủ tướng Chính phủ là 1.308 trẻ");
        assert_eq!(t, "theo quy định tại {ref:nd105-2020} là 1.308 trẻ");
        assert!(!r[0].with_so);
        assert_eq!(r[0].issuer, "Thủ tướng Chính phủ");

        // No number, no citation.
        let (t, r) = one("đã xây dựng kế hoạch tổ chức dạy bơi");
        assert_eq!(t, "đã xây dựng kế hoạch tổ chức dạy bơi");
        assert!(r.is_empty());
    }

    #[test]
    fn dates_in_citations() {
        // A day that does not exist is kept, for the checks to report.
        let (t, r) = one("Công văn số 12/UBND-VX ngày 31/4/2024 về việc họp.");
        assert_eq!(t, "{ref:cv12}.");
        assert_eq!(r[0].date, "31/4/2024");
        // In words: kept as a date, printed as running text writes it.
        let (t, r) = one(
            "Quyết định số 1532/QĐ-UBND ngày 12 tháng 5 năm 2024 của UBND tỉnh về việc phê duyệt.",
        );
        assert_eq!(t, "{ref:qd1532}.");
        assert_eq!(r[0].date, "12/5/2024");
        assert_eq!(r[0].issuer, "UBND tỉnh");
    }

    #[test]
    fn a_short_mention_of_a_known_document_stays_text() {
        let mut c = Citations::default();
        c.replace(
            "Quyết định số 06/QĐ-TTg ngày 03/01/2019 của Thủ tướng Chính phủ ban hành Quy định",
        );
        let t = c.replace("theo Quyết định số 06/QĐ-TTg.");
        assert_eq!(t, "theo Quyết định số 06/QĐ-TTg.");
        assert_eq!(c.refs.len(), 1);
    }
}
