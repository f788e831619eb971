//! What the template leaves behind: placeholders ("…", "...", empty
//! brackets) in any text, empty paragraphs and bullets, sections with a
//! title and no body, and nơi nhận or the signature still as the template
//! has them. Warnings while drafting (they are the officer's list of what
//! is left to write), errors in final mode: a notice for signing must not
//! print "tỉnh … năm …" or an empty "-". Only what prints is looked at
//! (`core::outline`): a section that prints nothing has nothing to fill.

use super::Sink;
use crate::core::field::{Field, FieldPath};
use crate::core::model::{Block, BlockKind, Indexed, Line, Signature};
use crate::core::outline::outline;
use crate::core::text::{parse, Inline, Var};
use std::sync::OnceLock;

/// The placeholder left in `text`, as the message quotes it: "…" or "..."
/// standing on its own (at the start, after a space or an opening bracket:
/// attached to a word, "trẻ em..." is prose's "and so on"), or a bracket
/// with nothing inside ("[ ]", "( )"). Tokens (`{fig:…}`) are not text.
pub fn placeholder(text: &str) -> Option<&'static str> {
    let mut prev: Option<char> = None;
    for piece in parse(text) {
        let t = match piece {
            Inline::Text(t) => t,
            Inline::ItalicOn | Inline::ItalicOff => continue,
            // A token stands for a word.
            _ => {
                prev = Some('x');
                continue;
            }
        };
        for (i, c) in t.char_indices() {
            let alone =
                prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '"' | '“'));
            match c {
                '…' if alone => return Some("…"),
                '.' if alone && t[i..].starts_with("...") => return Some("..."),
                '(' | '[' => {
                    let close = if c == '(' { ')' } else { ']' };
                    if t[i + 1..].trim_start().starts_with(close) {
                        return Some(if c == '(' { "( )" } else { "[ ]" });
                    }
                }
                _ => {}
            }
            prev = Some(c);
        }
    }
    None
}

/// A text with nothing to read: no letter, no digit, no token (a lone
/// "-" or ";" is empty).
fn empty(text: &str) -> bool {
    parse(text).iter().all(|p| match p {
        Inline::Text(t) => !t.chars().any(char::is_alphanumeric),
        Inline::Brace(_) | Inline::ItalicOn | Inline::ItalicOff => true,
        _ => false,
    })
}

/// A title that carries its own body after a colon (`1. Ưu điểm: tỷ lệ
/// hộ nghèo giảm nhanh.`), as a run-in heading does.
fn runs_on(title: &str) -> bool {
    title
        .split_once(": ")
        .is_some_and(|(_, rest)| rest.split_whitespace().count() >= 3)
}

/// What the template's nơi nhận and signature are (read once).
fn template() -> &'static (Vec<String>, Signature) {
    static T: OnceLock<(Vec<String>, Signature)> = OnceLock::new();
    T.get_or_init(|| {
        let t = crate::core::samples::template();
        (
            t.recipients.into_iter().map(|l| l.text).collect(),
            t.signature,
        )
    })
}

fn same_lines(lines: &[Line], template: &[String]) -> bool {
    lines.len() == template.len()
        && lines
            .iter()
            .zip(template)
            .all(|(l, t)| l.text.trim() == t.trim())
}

pub(super) fn run(n: &Indexed, sink: &mut Sink) {
    placeholders(n, sink);
    empties(n, sink);
    template_left(n, sink);
}

fn placeholders(n: &Indexed, sink: &mut Sink) {
    let h = &n.header;
    let s = &n.signature;
    let mut texts: Vec<(FieldPath, &str)> = vec![
        (Field::ParentBody.path(), &h.parent_body),
        (Field::Issuer.path(), &h.issuer),
        (Field::Place.path(), &h.place),
        (Field::DocType.path(), &h.doc_type),
        (Field::Subject.path(), &h.subject),
        (Field::InspectedBody.path(), &n.opening.inspected_body),
        (Field::OpeningText.path(), &n.opening.text),
    ];
    for part in &n.parts {
        texts.push((Field::PartTitle.of(&part.id), &part.title));
        for section in &part.sections {
            texts.push((Field::SectionTitle.of(&section.id), &section.title));
            for b in &section.blocks {
                texts.push((Field::BlockText.of(&b.id), &b.text));
            }
        }
    }
    texts.push((Field::Closing.path(), &n.closing));
    for note in &n.footnotes {
        for b in &note.blocks {
            texts.push((Field::BlockText.of(&b.id), &b.text));
        }
    }
    for r in &n.recipients {
        texts.push((Field::Recipient.of(&r.id), &r.text));
    }
    texts.extend([
        (Field::Authority.path(), s.authority.as_str()),
        (Field::Head.path(), &s.head),
        (Field::Position.path(), &s.position),
        (Field::SignerName.path(), &s.name),
    ]);
    for (path, text) in texts {
        if let Some(p) = placeholder(text) {
            sink.push(
                rule!("text.placeholder"),
                vec![path],
                format!("Còn chỗ trống của mẫu (“{p}”): hãy điền nội dung hoặc xóa đi."),
                format!("A placeholder of the template is left (“{p}”): fill it in or remove it."),
            )
            .with_values(vec![("Chỗ trống".into(), p.into())]);
        }
    }
    // What the opening inserts, printed "…" while blank.
    let o = &n.opening;
    let uses = |v: Var| parse(&o.text).contains(&Inline::Var(v));
    if uses(Var::InspectionDate) && o.inspection_date.trim().is_empty() {
        sink.push(
            rule!("text.placeholder"),
            vec![Field::InspectionDate.path()],
            "Câu mở đầu nêu ngày kiểm tra nhưng ngày kiểm tra còn trống (in ra là “…”).".into(),
            "The opening names the day of the inspection, which is blank (printed “…”).".into(),
        );
    }
    if uses(Var::InspectedBody) && o.inspected_body.trim().is_empty() {
        sink.push(
            rule!("text.placeholder"),
            vec![Field::InspectedBody.path()],
            "Câu mở đầu nêu đơn vị được kiểm tra nhưng tên đơn vị còn trống (in ra là “…”).".into(),
            "The opening names the inspected body, which is blank (printed “…”).".into(),
        );
    }
    for (v, id, vi, en) in [
        (
            Var::Plan,
            &o.plan,
            "Kế hoạch kiểm tra",
            "The inspection plan",
        ),
        (
            Var::Schedule,
            &o.schedule,
            "Thông báo lịch kiểm tra",
            "The schedule notice",
        ),
    ] {
        if !uses(v) {
            continue;
        }
        if let Some(r) = n.reference(id) {
            if r.number.trim().is_empty() {
                sink.push(
                    rule!("text.placeholder"),
                    vec![Field::RefNumber.of(&r.id)],
                    format!("{vi} nêu ở câu mở đầu chưa có số, ký hiệu."),
                    format!("{en} the opening cites has no number yet."),
                );
            }
        }
    }
}

fn empties(n: &Indexed, sink: &mut Sink) {
    let block = |sink: &mut Sink, b: &Block| {
        let blank = match b.kind {
            BlockKind::Refs => b.refs.is_empty() && empty(&b.text),
            _ => empty(&b.text) && placeholder(&b.text).is_none(),
        };
        if blank {
            let (vi, en) = match b.kind {
                BlockKind::Dash | BlockKind::Plus => ("Gạch đầu dòng", "A bullet"),
                BlockKind::Refs => ("Danh sách văn bản", "A list of documents"),
                BlockKind::Paragraph => ("Đoạn văn", "A paragraph"),
            };
            sink.push(
                rule!("text.empty"),
                vec![Field::BlockText.of(&b.id)],
                format!("{vi} còn trống: hãy viết nội dung hoặc xóa dòng này."),
                format!("{en} is empty: write it or remove it."),
            );
        }
    };
    // What prints decides (`core::outline`, as the renderers): a section
    // with no title and no text prints nothing, so its blank bullets are
    // not the officer's to fill; a part whose sections print nothing
    // prints its title alone.
    let o = outline(n);
    for (pi, part) in n.parts.iter().enumerate() {
        let sections = &o.sections[pi];
        if !sections.iter().any(|s| s.printed()) && !empty(&part.title) {
            sink.push(
                rule!("text.empty"),
                vec![Field::PartTitle.of(&part.id)],
                "Phần này có tiêu đề nhưng chưa có nội dung.".into(),
                "This part has a title and no content.".into(),
            );
        }
        // A part whose numbered items all end as sentences and none has a
        // body is a numbered list ("1. UBND huyện … trước ngày
        // 31/01/2025."), not headings left empty.
        let list = part.sections.iter().all(|s| {
            s.blocks.is_empty() && s.title.trim_end().ends_with(['.', ';', '!', '?', '…'])
        });
        for (section, place) in part.sections.iter().zip(sections) {
            if !place.printed() {
                continue;
            }
            if section.blocks.is_empty()
                && !empty(&section.title)
                && !list
                && !runs_on(&section.title)
            {
                sink.push(
                    rule!("text.empty"),
                    vec![Field::SectionTitle.of(&section.id)],
                    "Mục này có tiêu đề nhưng chưa có nội dung.".into(),
                    "This section has a title and no content.".into(),
                );
            }
            for b in &section.blocks {
                block(sink, b);
            }
        }
    }
    for note in &n.footnotes {
        for b in &note.blocks {
            block(sink, b);
        }
    }
}

fn template_left(n: &Indexed, sink: &mut Sink) {
    let (recipients, signature) = template();
    if same_lines(&n.recipients, recipients) {
        let first = n.recipients.first().map(|r| Field::Recipient.of(&r.id));
        sink.push(
            rule!("template.left"),
            first.into_iter().collect(),
            "Nơi nhận vẫn như trong mẫu: hãy ghi các nơi nhận của thông báo này.".into(),
            "The recipients are still the template's: write this notice's own.".into(),
        );
    }
    if n.signature == *signature {
        sink.push(
            rule!("template.left"),
            vec![Field::SignerName.path()],
            "Khối chữ ký vẫn như trong mẫu: hãy ghi thẩm quyền, chức vụ và họ tên người ký.".into(),
            "The signature block is still the template's: write the authority, position and name of the signer.".into(),
        );
    }
}
