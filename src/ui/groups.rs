//! The form's groups, as the notice is laid out: header; opening; I.1–I.4;
//! II; III; the cited documents; nơi nhận; closing and signature — and which
//! group each field path belongs to, so a finding, a summary link or a click
//! in the preview can open the right group.
//!
//! Figures and footnotes have no place of their own in the notice: they show
//! in the group whose text first cites them (`{fig:ID}`, `{fn:ID}`). Figures
//! the officer added and has not cited yet stay in the group they were added
//! in; anything cited nowhere shows under "Khác" (other).
//!
//! Pure functions of the notice (no browser), recomputed when rendering.

use crate::core::field::rich_texts;
use crate::core::lang::Lang;
use crate::core::model::Notice;
use crate::core::text::{parse, Inline};
use std::collections::HashMap;

pub const HEADER: &str = "header";
pub const OPENING: &str = "opening";
pub const REFS: &str = "refs";
pub const RECIPIENTS: &str = "recipients";
pub const SIGNATURE: &str = "signature";
pub const OTHER: &str = "other";

#[derive(Clone, Debug, PartialEq)]
pub struct GroupInfo {
    pub id: String,
    /// Short name in the navigation (`I.2`, `Nơi nhận`).
    pub short_vi: String,
    pub short_en: String,
    /// The heading of the group's panel.
    pub title_vi: String,
    pub title_en: String,
}

impl GroupInfo {
    fn new(id: impl Into<String>, short: (&str, &str), title: (&str, &str)) -> Self {
        GroupInfo {
            id: id.into(),
            short_vi: short.0.into(),
            short_en: short.1.into(),
            title_vi: title.0.into(),
            title_en: title.1.into(),
        }
    }

    pub fn short(&self, lang: Lang) -> &str {
        lang.pick(&self.short_vi, &self.short_en)
    }

    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_vi, &self.title_en)
    }
}

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

pub fn roman(i: usize) -> String {
    ROMAN
        .get(i)
        .map_or_else(|| (i + 1).to_string(), |r| r.to_string())
}

/// The groups of one notice and where each field goes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Groups {
    pub list: Vec<GroupInfo>,
    section: HashMap<String, String>,
    part: HashMap<String, String>,
    block: HashMap<String, String>,
    figure: HashMap<String, String>,
    note: HashMap<String, String>,
}

impl Groups {
    /// Whether an edit of the field at `path` can change the groups: a
    /// title names its group; a text that starts or stops citing a figure
    /// or footnote (`recites`) can move it to another group.
    pub fn moved_by(path: &str, recites: bool) -> bool {
        path.starts_with("part/") || path.starts_with("section/") || recites
    }

    /// `added`: figures added in this session and the group they were
    /// added in.
    pub fn of(n: &Notice, added: &HashMap<String, String>) -> Groups {
        let mut g = Groups::default();
        g.list.push(GroupInfo::new(
            HEADER,
            ("Tiêu đề", "Header"),
            ("Phần đầu văn bản", "Header"),
        ));
        g.list.push(GroupInfo::new(
            OPENING,
            ("Mở đầu", "Opening"),
            ("Đoạn mở đầu", "Opening paragraph"),
        ));
        for (pi, part) in n.parts.iter().enumerate() {
            let r = roman(pi);
            if pi == 0 {
                // Part I is long: one group per section.
                for (si, s) in part.sections.iter().enumerate() {
                    let id = format!("sec:{}", s.id);
                    let short = format!("{r}.{}", si + 1);
                    let title = format!("{r}.{}. {}", si + 1, plain(&s.title));
                    g.list.push(GroupInfo::new(
                        id.clone(),
                        (&short, &short),
                        (&title, &title),
                    ));
                    g.section.insert(s.id.clone(), id.clone());
                    if si == 0 {
                        g.part.insert(part.id.clone(), id.clone());
                    }
                    for b in &s.blocks {
                        g.block.insert(b.id.clone(), id.clone());
                    }
                }
                if part.sections.is_empty() {
                    let id = format!("part:{}", part.id);
                    let title = format!("{r}. {}", plain(&part.title));
                    g.list
                        .push(GroupInfo::new(id.clone(), (&r, &r), (&title, &title)));
                    g.part.insert(part.id.clone(), id);
                }
            } else {
                let id = format!("part:{}", part.id);
                let title = format!("{r}. {}", plain(&part.title));
                g.list
                    .push(GroupInfo::new(id.clone(), (&r, &r), (&title, &title)));
                g.part.insert(part.id.clone(), id.clone());
                for s in &part.sections {
                    g.section.insert(s.id.clone(), id.clone());
                    for b in &s.blocks {
                        g.block.insert(b.id.clone(), id.clone());
                    }
                }
            }
        }
        g.list.push(GroupInfo::new(
            REFS,
            ("Văn bản dẫn chiếu", "Cited documents"),
            ("Văn bản được dẫn chiếu", "Cited documents"),
        ));
        g.list.push(GroupInfo::new(
            RECIPIENTS,
            ("Nơi nhận", "Recipients"),
            ("Nơi nhận", "Recipients (nơi nhận)"),
        ));
        g.list.push(GroupInfo::new(
            SIGNATURE,
            ("Kết thúc, ký", "Closing, signature"),
            ("Câu kết thúc và chữ ký", "Closing sentence and signature"),
        ));

        // Figures and footnotes go where the body first cites them…
        let texts = rich_texts(n);
        let note_blocks: HashMap<&str, &str> = n
            .footnotes
            .iter()
            .flat_map(|f| f.blocks.iter().map(move |b| (b.id.as_str(), f.id.as_str())))
            .collect();
        // Footnote texts come last in `rich_texts`; a footnote cited from
        // another footnote is resolved on a later pass.
        for _ in 0..3 {
            for (path, text) in &texts {
                let here = match block_id(path).and_then(|b| note_blocks.get(b)) {
                    Some(note) => match g.note.get(*note) {
                        Some(grp) => grp.clone(),
                        None => continue,
                    },
                    None => g.group_of(path),
                };
                for piece in parse(text) {
                    match piece {
                        Inline::Figure(id) => {
                            g.figure.entry(id.to_string()).or_insert(here.clone());
                        }
                        Inline::Note(id) => {
                            g.note.entry(id.to_string()).or_insert(here.clone());
                        }
                        _ => {}
                    }
                }
            }
        }
        // …then added figures where they were added, the rest under "other".
        let mut other = false;
        for f in &n.figures {
            if !g.figure.contains_key(&f.id) {
                let grp = added.get(&f.id).cloned().unwrap_or_else(|| {
                    other = true;
                    OTHER.to_string()
                });
                g.figure.insert(f.id.clone(), grp);
            }
        }
        for f in &n.footnotes {
            if !g.note.contains_key(&f.id) {
                other = true;
                g.note.insert(f.id.clone(), OTHER.to_string());
            }
        }
        for (b, note) in note_blocks {
            if let Some(grp) = g.note.get(note) {
                g.block.insert(b.to_string(), grp.clone());
            }
        }
        if other {
            g.list.push(GroupInfo::new(
                OTHER,
                ("Khác", "Other"),
                (
                    "Số liệu và chú thích chưa được dẫn",
                    "Figures and footnotes not cited yet",
                ),
            ));
        }
        g
    }

    /// The group a field path belongs to (the header when unknown).
    pub fn group_of(&self, path: &str) -> String {
        let mut it = path.splitn(3, '/');
        let (a, b) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
        let found = match a {
            "header" => Some(HEADER.to_string()),
            "opening" => Some(OPENING.to_string()),
            "ref" => Some(REFS.to_string()),
            "recipient" => Some(RECIPIENTS.to_string()),
            "closing" | "signature" => Some(SIGNATURE.to_string()),
            "part" => self.part.get(b).cloned(),
            "section" => self.section.get(b).cloned(),
            "block" => self.block.get(b).cloned(),
            "fig" => self.figure.get(b).cloned(),
            _ => None,
        };
        found.unwrap_or_else(|| HEADER.to_string())
    }

    /// Whether figure `id` shows in group `group`.
    pub fn figure_in(&self, id: &str, group: &str) -> bool {
        self.figure.get(id).is_some_and(|g| g == group)
    }

    /// Whether footnote `id` shows in group `group`.
    pub fn note_in(&self, id: &str, group: &str) -> bool {
        self.note.get(id).is_some_and(|g| g == group)
    }

    pub fn info(&self, id: &str) -> Option<&GroupInfo> {
        self.list.iter().find(|g| g.id == id)
    }
}

fn block_id(path: &str) -> Option<&str> {
    path.strip_prefix("block/")?.strip_suffix("/text")
}

/// Rich text without its tokens, for headings and labels.
pub fn plain(text: &str) -> String {
    let mut out = String::new();
    for piece in parse(text) {
        match piece {
            Inline::Text(t) => out.push_str(t),
            Inline::Brace(c) => out.push(c),
            Inline::Figure(_) | Inline::Ref(_) | Inline::Note(_) => {}
            Inline::Var(_) | Inline::Unknown(_) | Inline::ItalicOn | Inline::ItalicOff => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short human name for a field path (summary links, "see also").
pub fn field_label(n: &Notice, path: &str, lang: Lang) -> String {
    let t = |vi: &str, en: &str| lang.pick(vi, en).to_string();
    let mut it = path.splitn(3, '/');
    let (a, b, c) = (
        it.next().unwrap_or(""),
        it.next().unwrap_or(""),
        it.next().unwrap_or(""),
    );
    match (a, b, c) {
        ("header", name, _) => header_label(name, lang).to_string(),
        ("opening", name, _) => opening_label(name, lang).to_string(),
        ("signature", name, _) => signature_label(name, lang).to_string(),
        ("closing", _, _) => t("Câu kết thúc", "Closing sentence"),
        ("recipient", id, _) => {
            let text = n
                .recipients
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.text.as_str())
                .unwrap_or("");
            format!("{}: {}", t("Nơi nhận", "Recipient"), clip(text, 40))
        }
        ("fig", id, name) => {
            let label = n.figure(id).map_or(id, |f| f.label.as_str());
            let label = if label.is_empty() { id } else { label };
            match name {
                "total" => format!("{label} ({})", t("tổng số", "total")),
                "unit" => format!("{label} ({})", t("đơn vị", "unit")),
                "label" => format!("{label} ({})", t("tên", "name")),
                _ => label.to_string(),
            }
        }
        ("ref", id, name) => {
            let r = n.reference(id);
            let doc = r.map_or(id.to_string(), |r| {
                format!("{} {}/{}", r.kind, r.number, r.symbol)
            });
            format!("{doc}: {}", ref_label(name, lang))
        }
        ("part", id, _) => {
            let i = n.parts.iter().position(|p| p.id == id).unwrap_or(0);
            format!("{} {}", t("Tiêu đề phần", "Title of part"), roman(i))
        }
        ("section", id, _) => {
            let title = n
                .parts
                .iter()
                .flat_map(|p| p.sections.iter())
                .find(|s| s.id == id)
                .map(|s| plain(&s.title))
                .unwrap_or_default();
            format!(
                "{}: {}",
                t("Tiêu đề mục", "Section title"),
                clip(&title, 40)
            )
        }
        ("block", id, _) => {
            let text = crate::core::field::blocks(n)
                .find(|b| b.id == id)
                .map(|b| plain(&b.text))
                .unwrap_or_default();
            format!("{}: {}", t("Đoạn", "Paragraph"), clip(&text, 48))
        }
        _ => path.to_string(),
    }
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

pub fn header_label(name: &str, lang: Lang) -> &'static str {
    let (vi, en) = match name {
        "parent_body" => ("Cơ quan chủ quản", "Parent body"),
        "issuer" => ("Cơ quan ban hành", "Issuing body"),
        "number" => ("Số văn bản", "Number"),
        "symbol" => ("Ký hiệu", "Symbol"),
        "place" => ("Địa danh", "Place"),
        "day" => ("Ngày", "Day"),
        "month" => ("Tháng", "Month"),
        "year" => ("Năm", "Year"),
        "doc_type" => ("Tên loại văn bản", "Document type"),
        "subject" => ("Trích yếu", "Subject"),
        _ => ("Phần đầu", "Header"),
    };
    lang.pick(vi, en)
}

pub fn opening_label(name: &str, lang: Lang) -> &'static str {
    let (vi, en) = match name {
        "plan" => ("Kế hoạch kiểm tra", "Inspection plan"),
        "schedule" => ("Thông báo lịch kiểm tra", "Schedule notice"),
        "inspection_date" => ("Ngày kiểm tra", "Inspection date"),
        "inspected_body" => ("Đơn vị được kiểm tra", "Inspected body"),
        "text" => ("Đoạn mở đầu", "Opening paragraph"),
        _ => ("Mở đầu", "Opening"),
    };
    lang.pick(vi, en)
}

pub fn signature_label(name: &str, lang: Lang) -> &'static str {
    let (vi, en) = match name {
        "authority" => (
            "Quyền hạn ký (KT., TM., TL.…)",
            "Signing authority (KT., TM., TL.…)",
        ),
        "head" => ("Chức vụ người đứng đầu", "Head's position"),
        "position" => ("Chức vụ người ký", "Signer's position"),
        "name" => ("Họ và tên người ký", "Signer's name"),
        _ => ("Chữ ký", "Signature"),
    };
    lang.pick(vi, en)
}

pub fn ref_label(name: &str, lang: Lang) -> &'static str {
    let (vi, en) = match name {
        "kind" => ("Loại văn bản", "Kind"),
        "number" => ("Số", "Number"),
        "symbol" => ("Ký hiệu", "Symbol"),
        "date" => ("Ngày ban hành", "Date"),
        "issuer" => ("Cơ quan ban hành", "Issued by"),
        "subject" => ("Trích yếu", "Subject"),
        _ => ("Văn bản", "Document"),
    };
    lang.pick(vi, en)
}
