//! Field paths: the one name that the checks, the form and the preview use
//! for each editable text of a notice.
//!
//! | path | field |
//! |---|---|
//! | `header/NAME` | `parent_body`, `issuer`, `number`, `symbol`, `place`, `day`, `month`, `year`, `doc_type`, `subject` |
//! | `opening/NAME` | `plan`, `schedule`, `inspection_date`, `inspected_body`, `text` |
//! | `ref/ID/NAME` | `kind`, `number`, `symbol`, `date`, `issuer`, `subject` |
//! | `fig/ID/NAME` | `value`, `total`, `unit`, `label` |
//! | `part/ID/title`, `section/ID/title` | titles |
//! | `block/ID/text` | a paragraph or bullet, in the body or a footnote |
//! | `closing` | the closing sentence |
//! | `recipient/ID` | one line of nơi nhận |
//! | `signature/NAME` | `authority`, `head`, `position`, `name` |
//!
//! Ids are the items' stable ids, so a path stays valid while lists are
//! reordered.

use crate::core::model::{Block, Notice};

macro_rules! lookup {
    ($n:expr, $path:expr, $iter:ident, $($r:tt)*) => {{
        let n = $n;
        let mut it = $path.splitn(3, '/');
        let (a, b, c) = (it.next().unwrap_or(""), it.next(), it.next());
        match (a, b, c) {
            ("closing", None, None) => Some($($r)* n.closing),
            ("header", Some(name), None) => {
                let h = $($r)* n.header;
                match name {
                    "parent_body" => Some($($r)* h.parent_body),
                    "issuer" => Some($($r)* h.issuer),
                    "number" => Some($($r)* h.number),
                    "symbol" => Some($($r)* h.symbol),
                    "place" => Some($($r)* h.place),
                    "day" => Some($($r)* h.day),
                    "month" => Some($($r)* h.month),
                    "year" => Some($($r)* h.year),
                    "doc_type" => Some($($r)* h.doc_type),
                    "subject" => Some($($r)* h.subject),
                    _ => None,
                }
            }
            ("opening", Some(name), None) => {
                let o = $($r)* n.opening;
                match name {
                    "plan" => Some($($r)* o.plan),
                    "schedule" => Some($($r)* o.schedule),
                    "inspection_date" => Some($($r)* o.inspection_date),
                    "inspected_body" => Some($($r)* o.inspected_body),
                    "text" => Some($($r)* o.text),
                    _ => None,
                }
            }
            ("signature", Some(name), None) => {
                let s = $($r)* n.signature;
                match name {
                    "authority" => Some($($r)* s.authority),
                    "head" => Some($($r)* s.head),
                    "position" => Some($($r)* s.position),
                    "name" => Some($($r)* s.name),
                    _ => None,
                }
            }
            ("recipient", Some(id), None) => {
                n.recipients.$iter().find(|l| l.id == id).map(|l| $($r)* l.text)
            }
            ("ref", Some(id), Some(name)) => {
                n.references.$iter().find(|r| r.id == id).and_then(|r| match name {
                    "kind" => Some($($r)* r.kind),
                    "number" => Some($($r)* r.number),
                    "symbol" => Some($($r)* r.symbol),
                    "date" => Some($($r)* r.date),
                    "issuer" => Some($($r)* r.issuer),
                    "subject" => Some($($r)* r.subject),
                    _ => None,
                })
            }
            ("fig", Some(id), Some(name)) => {
                n.figures.$iter().find(|f| f.id == id).and_then(|f| match name {
                    "value" => Some($($r)* f.value),
                    "total" => Some($($r)* f.total),
                    "unit" => Some($($r)* f.unit),
                    "label" => Some($($r)* f.label),
                    _ => None,
                })
            }
            ("part", Some(id), Some("title")) => {
                n.parts.$iter().find(|p| p.id == id).map(|p| $($r)* p.title)
            }
            ("section", Some(id), Some("title")) => n
                .parts
                .$iter()
                .flat_map(|p| p.sections.$iter())
                .find(|s| s.id == id)
                .map(|s| $($r)* s.title),
            ("block", Some(id), Some("text")) => {
                let body = n.parts.$iter().flat_map(|p| p.sections.$iter()).flat_map(|s| s.blocks.$iter());
                let notes = n.footnotes.$iter().flat_map(|f| f.blocks.$iter());
                body.chain(notes).find(|b| b.id == id).map(|b| $($r)* b.text)
            }
            _ => None,
        }
    }};
}

/// The text of the field at `path`, if there is such a field.
pub fn get<'a>(notice: &'a Notice, path: &str) -> Option<&'a str> {
    let found: Option<&String> = lookup!(notice, path, iter, &);
    found.map(String::as_str)
}

/// The field at `path`, to edit in place.
pub fn get_mut<'a>(notice: &'a mut Notice, path: &str) -> Option<&'a mut String> {
    lookup!(notice, path, iter_mut, &mut)
}

/// Puts `value` into the field at `path`; false when there is no such field.
pub fn set(notice: &mut Notice, path: &str, value: String) -> bool {
    match get_mut(notice, path) {
        Some(slot) => {
            *slot = value;
            true
        }
        None => false,
    }
}

/// Every block of the notice, body first, then footnotes, in order.
pub fn blocks(notice: &Notice) -> impl Iterator<Item = &Block> {
    let body = notice
        .parts
        .iter()
        .flat_map(|p| p.sections.iter())
        .flat_map(|s| s.blocks.iter());
    body.chain(notice.footnotes.iter().flat_map(|f| f.blocks.iter()))
}

/// Every field of the notice, by path, in document order.
pub fn paths(notice: &Notice) -> Vec<String> {
    let mut out: Vec<String> = [
        "parent_body",
        "issuer",
        "number",
        "symbol",
        "place",
        "day",
        "month",
        "year",
        "doc_type",
        "subject",
    ]
    .iter()
    .map(|f| format!("header/{f}"))
    .collect();
    for f in [
        "plan",
        "schedule",
        "inspection_date",
        "inspected_body",
        "text",
    ] {
        out.push(format!("opening/{f}"));
    }
    for r in &notice.references {
        for f in ["kind", "number", "symbol", "date", "issuer", "subject"] {
            out.push(format!("ref/{}/{f}", r.id));
        }
    }
    for fig in &notice.figures {
        for f in ["value", "total", "unit", "label"] {
            out.push(format!("fig/{}/{f}", fig.id));
        }
    }
    out.extend(
        rich_texts(notice)
            .into_iter()
            .filter(|(p, _)| p != "header/subject" && p != "opening/text")
            .map(|(p, _)| p),
    );
    out.extend(
        notice
            .recipients
            .iter()
            .map(|r| format!("recipient/{}", r.id)),
    );
    for f in ["authority", "head", "position", "name"] {
        out.push(format!("signature/{f}"));
    }
    out
}

/// Every rich-text field of the notice with its path, in document order
/// (footnotes last).
pub fn rich_texts(notice: &Notice) -> Vec<(String, &str)> {
    let mut out = vec![
        ("header/subject".to_string(), notice.header.subject.as_str()),
        ("opening/text".to_string(), notice.opening.text.as_str()),
    ];
    for part in &notice.parts {
        out.push((format!("part/{}/title", part.id), part.title.as_str()));
        for section in &part.sections {
            out.push((
                format!("section/{}/title", section.id),
                section.title.as_str(),
            ));
            for b in &section.blocks {
                out.push((format!("block/{}/text", b.id), b.text.as_str()));
            }
        }
    }
    out.push(("closing".to_string(), notice.closing.as_str()));
    for note in &notice.footnotes {
        for b in &note.blocks {
            out.push((format!("block/{}/text", b.id), b.text.as_str()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Figure, Line, Part, Section};

    fn notice() -> Notice {
        let mut n: Notice = serde_json::from_value(serde_json::json!({
            "format": "thongbao.notice", "version": 1, "status": "draft",
            "header": {"parent_body": "", "issuer": "", "number": "", "symbol": "", "place": "",
                       "day": "", "month": "", "year": "", "doc_type": "", "subject": ""},
            "opening": {"plan": "", "schedule": "", "inspection_date": "", "inspected_body": "", "text": ""},
            "references": [], "figures": [], "parts": [], "footnotes": [], "closing": "",
            "recipients": [], "signature": {"authority": "", "head": "", "position": "", "name": ""}
        }))
        .unwrap();
        n.figures.push(Figure {
            id: "a.b".into(),
            ..Default::default()
        });
        n.recipients.push(Line {
            id: "r1".into(),
            text: "x".into(),
        });
        n.parts.push(Part {
            id: "p1".into(),
            title: String::new(),
            sections: vec![Section {
                id: "s1".into(),
                title: String::new(),
                blocks: vec![Block {
                    id: "b1".into(),
                    ..Default::default()
                }],
            }],
        });
        n
    }

    #[test]
    fn every_path_kind_reads_and_writes() {
        let mut n = notice();
        for path in [
            "header/number",
            "header/day",
            "opening/inspection_date",
            "fig/a.b/value",
            "fig/a.b/total",
            "recipient/r1",
            "part/p1/title",
            "section/s1/title",
            "block/b1/text",
            "closing",
            "signature/name",
        ] {
            assert!(set(&mut n, path, format!("v:{path}")), "{path}");
            assert_eq!(get(&n, path), Some(format!("v:{path}").as_str()));
        }
    }

    #[test]
    fn unknown_paths_are_refused() {
        let mut n = notice();
        for path in [
            "",
            "header",
            "header/nope",
            "fig/zz/value",
            "fig/a.b/nope",
            "block/b1",
            "closing/x",
            "recipient/r2",
        ] {
            assert!(!set(&mut n, path, "x".into()), "{path}");
            assert_eq!(get(&n, path), None, "{path}");
        }
    }
}
