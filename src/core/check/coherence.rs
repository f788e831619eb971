//! Rules that hold both ways, and the notice agreeing with itself: the
//! signature block read from either end (a deputy's position needs `KT.`
//! as `KT.` needs a deputy), the archive line of nơi nhận complete, and the
//! header against the subject, the opening, the closing and the cited
//! documents (Decree 30/2020; `notice-format.md`).

use super::{Finding, Sink};
use crate::core::field::{Field, FieldPath};
use crate::core::format::date::parse_date;
use crate::core::format::symbol::type_abbr;
use crate::core::model::{Indexed, Signature};
use crate::core::text::{parse, Inline};

/// The authority prefixes of Decree 30: on behalf of a collective body,
/// acting, for the head, by order, by written delegation.
const AUTHORITIES: [&str; 5] = ["TM.", "Q.", "KT.", "TL.", "TUQ."];

/// Titles and degrees the signer's name goes without.
const TITLES: [&str; 12] = [
    "ông",
    "bà",
    "anh",
    "chị",
    "đ/c",
    "đồng chí",
    "ts.",
    "ths.",
    "pgs.",
    "gs.",
    "ks.",
    "bs.",
];

/// Capitals with spaces collapsed, for comparing positions.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// A `signature.block` finding, with the block's values.
fn block<'a>(
    sink: &'a mut Sink,
    s: &Signature,
    fields: Vec<FieldPath>,
    vi: String,
    en: String,
) -> &'a mut Finding {
    sink.push(rule!("signature.block"), fields, vi, en)
        .with_values(vec![
            ("thẩm quyền".into(), s.authority.clone()),
            ("chức danh người đứng đầu".into(), s.head.clone()),
            ("chức vụ".into(), s.position.clone()),
        ])
}

/// `signature.block`: the signature block read both ways.
pub(super) fn run_signature(n: &Indexed, sink: &mut Sink) {
    let s = &n.signature;
    let authority = norm(&s.authority);
    let head = norm(&s.head);
    let position = norm(&s.position);
    let deputy = position.starts_with("PHÓ ");
    let field = |f: Field| f.path();
    let known = AUTHORITIES.contains(&authority.as_str());
    if !authority.is_empty() && !known {
        let with_dot = format!("{authority}.");
        let f = block(
            sink,
            s,
            vec![field(Field::Authority)],
            format!(
                "“{}” không phải thẩm quyền ký theo Nghị định 30/2020: chỉ có TM., Q., KT., TL., TUQ. (hoặc để trống khi người đứng đầu ký).",
                s.authority.trim()
            ),
            format!(
                "“{}” is no signing authority of Decree 30/2020: only TM., Q., KT., TL., TUQ. (or blank when the head signs).",
                s.authority.trim()
            ),
        );
        if AUTHORITIES.contains(&with_dot.as_str()) {
            f.with_fix(
                field(Field::Authority),
                with_dot.clone(),
                format!("Sửa thành {with_dot}"),
                format!("Change to {with_dot}"),
            );
        }
    }
    if deputy && authority.is_empty() {
        // The other direction of signature.deputy: a deputy signs for the
        // head, so the block reads KT. <the head's title>.
        let f = block(
            sink,
            s,
            vec![field(Field::Authority), field(Field::Position)],
            format!(
                "Người ký là cấp phó ({}) nên phải ký thay người đứng đầu: dòng trên ghi “KT. {}”.",
                s.position.trim(),
                if head.is_empty() { "<CHỨC DANH NGƯỜI ĐỨNG ĐẦU>" } else { s.head.trim() }
            ),
            format!(
                "The signer is a deputy ({}), who signs for the head: the line above reads “KT. {}”.",
                s.position.trim(),
                if head.is_empty() { "<THE HEAD'S TITLE>" } else { s.head.trim() }
            ),
        );
        if !head.is_empty() {
            f.with_fix(
                field(Field::Authority),
                "KT.".into(),
                "Ghi KT.".into(),
                "Write KT.".into(),
            );
        }
    } else if deputy && matches!(authority.as_str(), "TM." | "Q.") {
        block(
            sink,
            s,
            vec![field(Field::Authority), field(Field::Position)],
            format!(
                "Cấp phó ({}) không ký “{} …”: cấp phó ký thay người đứng đầu là “KT.”.",
                s.position.trim(),
                s.authority.trim()
            ),
            format!(
                "A deputy ({}) does not sign “{} …”: a deputy signing for the head writes “KT.”.",
                s.position.trim(),
                s.authority.trim()
            ),
        );
    }
    if known && head.is_empty() {
        block(
            sink,
            s,
            vec![field(Field::Head), field(Field::Authority)],
            format!(
                "Sau “{}” phải ghi chức danh của người đứng đầu (ví dụ “{} GIÁM ĐỐC”).",
                s.authority.trim(),
                s.authority.trim()
            ),
            format!(
                "“{}” is followed by the head's title (e.g. “{} GIÁM ĐỐC”).",
                s.authority.trim(),
                s.authority.trim()
            ),
        );
    }
    if authority.is_empty() && !head.is_empty() && !deputy {
        block(
            sink,
            s,
            vec![field(Field::Head), field(Field::Authority)],
            format!(
                "Chức danh người đứng đầu “{}” chỉ ghi sau thẩm quyền ký (KT., TM., …); khi người đứng đầu tự ký thì chỉ ghi chức vụ.",
                s.head.trim()
            ),
            format!(
                "The head's title “{}” follows a signing authority (KT., TM., …); when the head signs, only the position is written.",
                s.head.trim()
            ),
        );
    }
    if authority == "KT." && deputy && !head.is_empty() {
        let of = position.trim_start_matches("PHÓ ").trim();
        if of != head {
            block(
            sink,
            s,
                vec![field(Field::Position), field(Field::Head)],
                format!(
                    "Ký thay “{}” thì người ký là cấp phó của chức danh đó (“PHÓ {}”), không phải “{}”.",
                    s.head.trim(),
                    s.head.trim(),
                    s.position.trim()
                ),
                format!(
                    "Signing for the “{}”, the signer is that title's deputy (“PHÓ {}”), not “{}”.",
                    s.head.trim(),
                    s.head.trim(),
                    s.position.trim()
                ),
            );
        }
    }
    let name = s.name.trim().to_lowercase();
    if let Some(t) = TITLES
        .iter()
        .find(|t| name.starts_with(&format!("{t} ")) || (t.ends_with('.') && name.starts_with(*t)))
    {
        let bare = s.name.trim()[t.len()..].trim().to_string();
        block(
            sink,
            s,
            vec![field(Field::SignerName)],
            format!(
                "Họ tên người ký không kèm danh xưng hay học vị (“{}”): ghi “{bare}”.",
                s.name.trim()
            ),
            format!(
                "The signer's name goes without titles or degrees (“{}”): write “{bare}”.",
                s.name.trim()
            ),
        )
        .with_fix(
            field(Field::SignerName),
            bare.clone(),
            format!("Ghi {bare}"),
            format!("Write {bare}"),
        );
    }
}

/// `recipients.archive_unit`: the archive line names the unit that drafted
/// the notice (`Lưu: VT, PXH.`, optionally with a copy count `(2)`).
pub(super) fn run_archive(n: &Indexed, sink: &mut Sink) {
    let Some(last) = n.recipients.last() else {
        return;
    };
    let text = last.text.trim().trim_start_matches("- ").trim();
    // The line itself is recipients.archive's: only a line that is one.
    let Some(rest) = text
        .strip_prefix("Lưu:")
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix("VT"))
    else {
        return;
    };
    let rest = rest.trim().trim_end_matches(['.', ';']).trim_end();
    let unit = rest.strip_prefix(',').map(str::trim);
    let field = Field::Recipient.of(&last.id);
    match unit {
        Some(u) if !u.is_empty() && !u.starts_with('(') => {}
        Some(_) | None if rest.is_empty() || rest == "," => {
            sink.push(rule!("recipients.archive_unit"),
                vec![field],
                "Dòng lưu chưa ghi đơn vị soạn thảo: “Lưu: VT, <đơn vị>” (ví dụ “Lưu: VT, PXH”).".into(),
                "The archive line does not name the drafting unit: “Lưu: VT, <unit>” (e.g. “Lưu: VT, PXH”).".into(),
            )
            .with_values(vec![("dòng lưu".into(), last.text.clone())]);
        }
        _ => {
            let fixed = format!("Lưu: VT, {}", rest.trim_start_matches([',', ' ']));
            sink.push(rule!("recipients.archive_unit"),
                vec![field.clone()],
                format!(
                    "Dòng lưu viết “Lưu: VT, <đơn vị>”: sau VT là dấu phẩy rồi tên đơn vị soạn thảo (đang ghi “{}”).",
                    last.text.trim()
                ),
                format!(
                    "The archive line reads “Lưu: VT, <unit>”: a comma after VT, then the drafting unit (it reads “{}”).",
                    last.text.trim()
                ),
            )
            .with_values(vec![("dòng lưu".into(), last.text.clone())])
            .with_fix(
                field,
                fixed.clone(),
                format!("Sửa thành {fixed}"),
                format!("Change to {fixed}"),
            );
        }
    }
}

/// The plain text of a rich text (tokens dropped).
fn plain(rich: &str) -> String {
    parse(rich)
        .into_iter()
        .map(|p| match p {
            Inline::Text(t) => t.to_string(),
            _ => " ".to_string(),
        })
        .collect()
}

/// The levels of administrative units, longest first.
const LEVELS: [&str; 7] = [
    "thị trấn",
    "thị xã",
    "thành phố",
    "huyện",
    "quận",
    "phường",
    "xã",
];

/// The units named in `text` as (level, name): `huyện Chi Lăng` → ("huyện",
/// "CHI LĂNG"). A name is the capitalised words after the level word, so
/// `tỉnh …` (a placeholder) and `các xã` name nothing.
fn units(text: &str, levels: &[&str]) -> Vec<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let lower = |w: &str| w.to_lowercase();
        let level = levels.iter().find(|l| {
            let parts: Vec<&str> = l.split(' ').collect();
            words.len() >= i + parts.len()
                && parts
                    .iter()
                    .enumerate()
                    .all(|(k, p)| lower(words[i + k]) == *p)
        });
        let Some(level) = level else {
            i += 1;
            continue;
        };
        let mut j = i + level.split(' ').count();
        let mut name = Vec::new();
        while j < words.len() {
            let w = words[j].trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().next().is_some_and(char::is_uppercase) {
                name.push(w.to_uppercase());
                // A word that ends in punctuation ends the name.
                if words[j].ends_with(|c: char| !c.is_alphanumeric()) {
                    break;
                }
                j += 1;
            } else {
                break;
            }
        }
        if !name.is_empty() {
            out.push((level.to_string(), name.join(" ")));
        }
        i = j.max(i + 1);
    }
    out
}

/// The years written `năm YYYY` in `text`.
fn years(text: &str) -> Vec<u16> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| w[0].to_lowercase() == "năm")
        .filter_map(|w| {
            let y = w[1].trim_matches(|c: char| !c.is_ascii_digit());
            (y.len() == 4).then(|| y.parse().ok()).flatten()
        })
        .collect()
}

/// `header.consistent`: the header agrees with the subject, the opening,
/// the closing and the cited documents.
pub(super) fn run_header(n: &Indexed, sink: &mut Sink) {
    let h = &n.header;
    // The document type and the symbol's type (THÔNG BÁO ↔ TB-…).
    let group = h.symbol.trim().split('-').next().unwrap_or("").trim();
    if let Some(abbr) = type_abbr(&h.doc_type) {
        if !group.is_empty() && !group.starts_with(abbr) {
            let fixed = format!("{abbr}{}", &h.symbol.trim()[group.len()..]);
            sink.push(
                rule!("header.consistent"),
                vec![Field::Symbol.path(), Field::DocType.path()],
                format!(
                    "Tên loại là “{}” nên ký hiệu bắt đầu bằng “{abbr}”, không phải “{group}”.",
                    h.doc_type.trim()
                ),
                format!(
                    "The document type is “{}”, so the symbol starts with “{abbr}”, not “{group}”.",
                    h.doc_type.trim()
                ),
            )
            .with_fix(
                Field::Symbol.path(),
                fixed.clone(),
                format!("Sửa thành {fixed}"),
                format!("Change to {fixed}"),
            );
        }
    }
    // The notice among the documents it cites: itself, or a later one of
    // its own series (numbers run in order through a year).
    let number: Option<u32> = h.number.trim().parse().ok();
    let year: Option<u16> = h.year.trim().parse().ok();
    let symbol = h.symbol.trim();
    for r in &n.references {
        if symbol.is_empty() || r.symbol.trim() != symbol {
            continue;
        }
        let (Some(num), Ok(theirs)) = (number, r.number.trim().parse::<u32>()) else {
            continue;
        };
        let same_year = parse_date(&r.date).ok().map(|d| d.year) == year;
        let what = format!("{}/{}", r.number.trim(), r.symbol.trim());
        if theirs == num && (same_year || r.date.trim().is_empty()) {
            sink.push(
                rule!("header.consistent"),
                vec![Field::RefNumber.of(&r.id), Field::Number.path()],
                format!("Văn bản được dẫn {what} trùng số, ký hiệu với chính thông báo này."),
                format!("The cited document {what} has this notice's own number and symbol."),
            );
        } else if theirs > num && same_year {
            sink.push(rule!("header.consistent"),
                vec![Field::Number.path(), Field::RefNumber.of(&r.id)],
                format!(
                    "Thông báo này số {num} mà lại dẫn {what} cùng loại, cùng năm, số lớn hơn: số văn bản được cấp theo thứ tự trong năm."
                ),
                format!(
                    "This notice is number {num} yet cites {what}, of its own series and year with a larger number: numbers are given in order through the year."
                ),
            );
        }
    }
    // Years in the subject after the notice's year.
    let subject = plain(&h.subject);
    if let Some(y) = year {
        if let Some(later) = years(&subject).into_iter().find(|s| *s > y) {
            sink.push(
                rule!("header.consistent"),
                vec![Field::Subject.path(), Field::Year.path()],
                format!("Trích yếu nói về năm {later}, sau năm ban hành {y} của thông báo."),
                format!("The subject speaks of {later}, after the notice's year {y}."),
            );
        }
    }
    // The inspected unit, as the subject, the opening and the closing name
    // it; and the province, as the subject and the parent body name it.
    let named = |text: &str| units(text, &LEVELS);
    let body = named(&n.opening.inspected_body);
    for (field, text) in [
        (Field::Subject, subject.clone()),
        (Field::Closing, plain(&n.closing)),
    ] {
        for (level, name) in named(&text) {
            if let Some((_, other)) = body.iter().find(|(l, o)| *l == level && *o != name) {
                if body.iter().any(|(l, o)| *l == level && *o == name) {
                    continue;
                }
                sink.push(
                    rule!("header.consistent"),
                    vec![field.path(), Field::InspectedBody.path()],
                    format!(
                        "{} nói {level} {}, còn đơn vị được kiểm tra là “{}” ({level} {}).",
                        if field == Field::Closing {
                            "Câu kết"
                        } else {
                            "Trích yếu"
                        },
                        title_case(&name),
                        n.opening.inspected_body.trim(),
                        title_case(other)
                    ),
                    format!(
                        "The {} names {level} {}, but the inspected body is “{}” ({level} {}).",
                        if field == Field::Closing {
                            "closing"
                        } else {
                            "subject"
                        },
                        title_case(&name),
                        n.opening.inspected_body.trim(),
                        title_case(other)
                    ),
                );
                break;
            }
        }
    }
    let parent = units(&h.parent_body, &["tỉnh", "thành phố"]);
    for (level, name) in units(&subject, &["tỉnh"]) {
        if let Some((_, other)) = parent.iter().find(|(l, o)| *l == level && *o != name) {
            sink.push(
                rule!("header.consistent"),
                vec![Field::Subject.path(), Field::ParentBody.path()],
                format!(
                    "Trích yếu nói tỉnh {}, còn cơ quan chủ quản là “{}”.",
                    title_case(&name),
                    h.parent_body.trim()
                ),
                format!(
                    "The subject names the province {}, but the parent body is “{}” ({}).",
                    title_case(&name),
                    h.parent_body.trim(),
                    title_case(other)
                ),
            );
        }
    }
}

/// `CHI LĂNG` → `Chi Lăng`.
fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
