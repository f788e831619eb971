//! The layout of the form: one table of fields ([`FIELDS`]: the words of its
//! path, its label in Vietnamese and English, its kind of input, its hint,
//! where it lives in the form) and the form's groups for one notice
//! ([`Groups`]).
//!
//! A field's name is written here once: [`crate::core::field`] parses and
//! displays paths from this table, the form takes its labels, inputs and
//! hints from it, the summary and "see also" links name fields with
//! [`field_label`], and a click in the preview, a summary link or a finding
//! opens the group [`Groups::group_of`] gives.
//!
//! The groups follow the notice: header; opening; I.1–I.4 (part I is long,
//! one group per section); II; III; the cited documents; nơi nhận; closing
//! and signature. Figures and footnotes have no place of their own in the
//! notice: they show in the group whose text first cites them (`{fig:ID}`,
//! `{fn:ID}`). Figures the officer added and has not cited yet stay in the
//! group they were added in; anything cited nowhere shows under "Chưa dùng".

use crate::core::check::Finding;
use crate::core::field::{rich_texts, Field, FieldPath, Scope};
use crate::core::lang::Lang;
use crate::core::model::Notice;
use crate::core::text::{parse, plain, Inline};
use std::collections::HashMap;

/// How a field is typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Line,
    /// One line of digits (phones show a numeric keyboard).
    Numeric,
    /// A figure's number (`72.032`, `98,9`).
    Decimal,
    /// Prose, several lines, with citations of figures and documents.
    Text,
    /// A name printed on a line or two, broken where the officer presses
    /// Enter (the agency names: "SỞ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI").
    Lines,
    /// One of the cited documents.
    Reference,
}

/// Where a field shows in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    /// In the named fixed group (`header`, `opening`, `refs`, …).
    Group(&'static str),
    /// In the group of its part or section.
    Body,
    /// In the group whose text first cites it.
    Cited,
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub field: Field,
    pub scope: Scope,
    /// The path's first word (`header`, `fig`).
    pub scope_word: &'static str,
    /// The path's last word (`number`, `value`); None when the path is the
    /// scope (and id) alone.
    pub name: Option<&'static str>,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    pub input: Input,
    pub hint: Option<(&'static str, &'static str)>,
    pub home: Home,
}

impl Spec {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label_vi, self.label_en)
    }

    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        self.hint.map(|(vi, en)| lang.pick(vi, en))
    }
}

pub const HEADER: &str = "header";
pub const OPENING: &str = "opening";
pub const REFS: &str = "refs";
pub const RECIPIENTS: &str = "recipients";
pub const SIGNATURE: &str = "signature";
pub const OTHER: &str = "other";

const fn row(
    field: Field,
    scope: Scope,
    scope_word: &'static str,
    name: Option<&'static str>,
    label: (&'static str, &'static str),
    input: Input,
    home: Home,
) -> Spec {
    Spec {
        field,
        scope,
        scope_word,
        name,
        label_vi: label.0,
        label_en: label.1,
        input,
        hint: None,
        home,
    }
}

const fn hinted(mut s: Spec, vi: &'static str, en: &'static str) -> Spec {
    s.hint = Some((vi, en));
    s
}

use Field as F;
use Home::{Body, Cited, Group};
use Input::{Decimal, Line, Lines, Numeric, Reference, Text};
use Scope as S;

/// Every field, in [`Field`]'s order (a test keeps it so), grouped by scope
/// in the order the notice reads.
pub const FIELDS: &[Spec] = &[
    row(
        F::ParentBody,
        S::Header,
        "header",
        Some("parent_body"),
        ("Cơ quan chủ quản", "Parent body"),
        Lines,
        Group(HEADER),
    ),
    hinted(
        row(
            F::Issuer,
            S::Header,
            "header",
            Some("issuer"),
            ("Cơ quan ban hành", "Issuing body"),
            Lines,
            Group(HEADER),
        ),
        "Tên dài thì nhấn Enter ở chỗ xuống dòng, ví dụ “SỞ LAO ĐỘNG - THƯƠNG BINH” rồi “VÀ XÃ HỘI”.",
        "For a long name, press Enter where the line breaks, e.g. “SỞ LAO ĐỘNG - THƯƠNG BINH” then “VÀ XÃ HỘI”.",
    ),
    hinted(
        row(
            F::Number,
            S::Header,
            "header",
            Some("number"),
            ("Số văn bản", "Number"),
            Numeric,
            Group(HEADER),
        ),
        "Để trống khi còn là dự thảo.",
        "Leave blank in a draft.",
    ),
    row(
        F::Symbol,
        S::Header,
        "header",
        Some("symbol"),
        ("Ký hiệu", "Symbol"),
        Line,
        Group(HEADER),
    ),
    row(
        F::Place,
        S::Header,
        "header",
        Some("place"),
        ("Địa danh", "Place"),
        Line,
        Group(HEADER),
    ),
    row(
        F::Day,
        S::Header,
        "header",
        Some("day"),
        ("Ngày", "Day"),
        Numeric,
        Group(HEADER),
    ),
    row(
        F::Month,
        S::Header,
        "header",
        Some("month"),
        ("Tháng", "Month"),
        Numeric,
        Group(HEADER),
    ),
    row(
        F::Year,
        S::Header,
        "header",
        Some("year"),
        ("Năm", "Year"),
        Numeric,
        Group(HEADER),
    ),
    row(
        F::DocType,
        S::Header,
        "header",
        Some("doc_type"),
        ("Tên loại văn bản", "Document type"),
        Line,
        Group(HEADER),
    ),
    row(
        F::Subject,
        S::Header,
        "header",
        Some("subject"),
        ("Trích yếu", "Subject"),
        Text,
        Group(HEADER),
    ),
    row(
        F::Plan,
        S::Opening,
        "opening",
        Some("plan"),
        ("Kế hoạch kiểm tra", "Inspection plan"),
        Reference,
        Group(OPENING),
    ),
    row(
        F::Schedule,
        S::Opening,
        "opening",
        Some("schedule"),
        ("Thông báo lịch kiểm tra", "Schedule notice"),
        Reference,
        Group(OPENING),
    ),
    hinted(
        row(
            F::InspectionDate,
            S::Opening,
            "opening",
            Some("inspection_date"),
            ("Ngày kiểm tra", "Inspection date"),
            Line,
            Group(OPENING),
        ),
        "Ví dụ: 17/7/2024",
        "For example: 17/7/2024",
    ),
    row(
        F::InspectedBody,
        S::Opening,
        "opening",
        Some("inspected_body"),
        ("Đơn vị được kiểm tra", "Inspected body"),
        Line,
        Group(OPENING),
    ),
    hinted(
        row(
            F::OpeningText,
            S::Opening,
            "opening",
            Some("text"),
            ("Đoạn mở đầu", "Opening paragraph"),
            Text,
            Group(OPENING),
        ),
        "{plan}, {schedule}, {inspection_date}, {inspected_body} được thay bằng các ô ở trên.",
        "{plan}, {schedule}, {inspection_date}, {inspected_body} are replaced by the fields above.",
    ),
    row(
        F::RefKind,
        S::Ref,
        "ref",
        Some("kind"),
        ("Loại văn bản", "Kind"),
        Line,
        Group(REFS),
    ),
    row(
        F::RefNumber,
        S::Ref,
        "ref",
        Some("number"),
        ("Số", "Number"),
        Line,
        Group(REFS),
    ),
    row(
        F::RefSymbol,
        S::Ref,
        "ref",
        Some("symbol"),
        ("Ký hiệu", "Symbol"),
        Line,
        Group(REFS),
    ),
    row(
        F::RefDate,
        S::Ref,
        "ref",
        Some("date"),
        ("Ngày ban hành", "Date"),
        Line,
        Group(REFS),
    ),
    row(
        F::RefIssuer,
        S::Ref,
        "ref",
        Some("issuer"),
        ("Cơ quan ban hành", "Issued by"),
        Line,
        Group(REFS),
    ),
    row(
        F::RefSubject,
        S::Ref,
        "ref",
        Some("subject"),
        ("Trích yếu", "Subject"),
        Text,
        Group(REFS),
    ),
    row(
        F::FigValue,
        S::Fig,
        "fig",
        Some("value"),
        ("Số liệu", "Figure"),
        Decimal,
        Cited,
    ),
    row(
        F::FigTotal,
        S::Fig,
        "fig",
        Some("total"),
        ("Tổng số", "Total"),
        Decimal,
        Cited,
    ),
    row(
        F::FigUnit,
        S::Fig,
        "fig",
        Some("unit"),
        ("Đơn vị", "Unit"),
        Line,
        Cited,
    ),
    row(
        F::FigLabel,
        S::Fig,
        "fig",
        Some("label"),
        ("Tên", "Name"),
        Line,
        Cited,
    ),
    row(
        F::PartTitle,
        S::Part,
        "part",
        Some("title"),
        ("Tên phần", "Title of part"),
        Line,
        Body,
    ),
    row(
        F::SectionTitle,
        S::Section,
        "section",
        Some("title"),
        ("Tên mục", "Section title"),
        Text,
        Body,
    ),
    row(
        F::BlockText,
        S::Block,
        "block",
        Some("text"),
        ("Đoạn", "Paragraph"),
        Text,
        Body,
    ),
    hinted(
        row(
            F::Closing,
            S::Closing,
            "closing",
            None,
            ("Câu kết thúc", "Closing sentence"),
            Text,
            Group(SIGNATURE),
        ),
        "Dấu kết thúc “./.” được tự động thêm vào cuối.",
        "The notice adds “./.” at the end.",
    ),
    row(
        F::Recipient,
        S::Recipient,
        "recipient",
        None,
        ("Nơi nhận", "Recipient"),
        Line,
        Group(RECIPIENTS),
    ),
    row(
        F::Recipients,
        S::Recipients,
        "recipients",
        None,
        ("Nơi nhận", "Recipients"),
        Line,
        Group(RECIPIENTS),
    ),
    row(
        F::Authority,
        S::Signature,
        "signature",
        Some("authority"),
        (
            "Quyền hạn ký (KT., TM., TL.…)",
            "Signing authority (KT., TM., TL.…)",
        ),
        Line,
        Group(SIGNATURE),
    ),
    row(
        F::Head,
        S::Signature,
        "signature",
        Some("head"),
        ("Chức vụ người đứng đầu", "Head's position"),
        Line,
        Group(SIGNATURE),
    ),
    row(
        F::Position,
        S::Signature,
        "signature",
        Some("position"),
        ("Chức vụ người ký", "Signer's position"),
        Line,
        Group(SIGNATURE),
    ),
    row(
        F::SignerName,
        S::Signature,
        "signature",
        Some("name"),
        ("Họ và tên người ký", "Signer's name"),
        Line,
        Group(SIGNATURE),
    ),
    row(
        F::Relation,
        S::Rel,
        "rel",
        None,
        ("Quan hệ", "Relation"),
        Line,
        Cited,
    ),
    row(
        F::RelFigures,
        S::Rel,
        "rel",
        Some("figures"),
        ("Các số liệu", "Figures"),
        Line,
        Cited,
    ),
    row(
        F::RelPart,
        S::Rel,
        "rel",
        Some("part"),
        ("Phần", "Part"),
        Line,
        Cited,
    ),
    row(
        F::RelWhole,
        S::Rel,
        "rel",
        Some("whole"),
        ("Toàn thể", "Whole"),
        Line,
        Cited,
    ),
    row(
        F::RelParts,
        S::Rel,
        "rel",
        Some("parts"),
        ("Các phần", "Parts"),
        Line,
        Cited,
    ),
    row(
        F::RelTotal,
        S::Rel,
        "rel",
        Some("total"),
        ("Tổng", "Total"),
        Line,
        Cited,
    ),
    row(
        F::RelPercent,
        S::Rel,
        "rel",
        Some("percent"),
        ("Tỷ lệ", "Percentage"),
        Line,
        Cited,
    ),
    row(
        F::RelFraction,
        S::Rel,
        "rel",
        Some("fraction"),
        ("Số đạt trên tổng", "Fraction"),
        Line,
        Cited,
    ),
    row(
        F::RelAmount,
        S::Rel,
        "rel",
        Some("amount"),
        ("Số tiền", "Amount"),
        Line,
        Cited,
    ),
    row(
        F::RelFactors,
        S::Rel,
        "rel",
        Some("factors"),
        ("Các thừa số", "Factors"),
        Line,
        Cited,
    ),
    row(
        F::RelFigure,
        S::Rel,
        "rel",
        Some("figure"),
        ("Số liệu", "Figure"),
        Line,
        Cited,
    ),
];

/// The row of `field`.
pub fn spec(field: Field) -> &'static Spec {
    &FIELDS[field as usize]
}

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// The numeral of the part at index `i` (`I`, `II`, …; digits after X).
pub fn roman(i: usize) -> String {
    ROMAN
        .get(i)
        .map_or_else(|| (i + 1).to_string(), |r| r.to_string())
}

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

/// A part's name in the form: its numeral as printed, `–` when it prints
/// no heading (see [`crate::core::outline`]).
pub fn part_name(place: crate::core::outline::Place) -> String {
    place
        .number()
        .map_or_else(|| "–".to_string(), |no| roman(no - 1))
}

/// A section's number in the form, `–` when it prints no heading.
pub fn section_name(place: crate::core::outline::Place) -> String {
    place
        .number()
        .map_or_else(|| "–".to_string(), |no| no.to_string())
}

fn part_title(r: &str, title: &str) -> (String, String) {
    match plain(title) {
        t if t.trim().is_empty() => (
            format!("{r} (phần chưa có tiêu đề)"),
            format!("{r} (untitled part)"),
        ),
        t => (format!("{r}. {t}"), format!("{r}. {t}")),
    }
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
    /// A relation shows with the first of its figures.
    relation: HashMap<String, String>,
}

impl Groups {
    /// Whether an edit of the field at `path` can change the groups: a
    /// title names its group; a text that starts or stops citing a figure
    /// or footnote (`recites`) can move it to another group.
    pub fn moved_by(path: &FieldPath, recites: bool) -> bool {
        matches!(path.field, Field::PartTitle | Field::SectionTitle) || recites
    }

    /// `added`: figures added in this session and the group they were
    /// added in.
    pub fn of(n: &Notice, added: &HashMap<String, String>) -> Groups {
        let mut g = Groups::default();
        g.list.push(GroupInfo::new(
            HEADER,
            ("Phần đầu", "Header"),
            ("Phần đầu văn bản", "Header"),
        ));
        g.list.push(GroupInfo::new(
            OPENING,
            ("Mở đầu", "Opening"),
            ("Đoạn mở đầu", "Opening paragraph"),
        ));
        let outline = crate::core::outline::outline(n);
        for (pi, part) in n.parts.iter().enumerate() {
            let r = part_name(outline.parts[pi]);
            if pi == 0 {
                // The first part is long: one group per section.
                for (si, s) in part.sections.iter().enumerate() {
                    let id = format!("sec:{}", s.id);
                    let short = format!("{r}.{}", section_name(outline.sections[pi][si]));
                    let (title_vi, title_en) = match plain(&s.title) {
                        t if t.trim().is_empty() => (
                            format!("{short} (mục chưa có tiêu đề)"),
                            format!("{short} (untitled section)"),
                        ),
                        t => (format!("{short}. {t}"), format!("{short}. {t}")),
                    };
                    g.list.push(GroupInfo::new(
                        id.clone(),
                        (&short, &short),
                        (&title_vi, &title_en),
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
                    let (vi, en) = part_title(&r, &part.title);
                    g.list
                        .push(GroupInfo::new(id.clone(), (&r, &r), (&vi, &en)));
                    g.part.insert(part.id.clone(), id);
                }
            } else {
                let id = format!("part:{}", part.id);
                let (vi, en) = part_title(&r, &part.title);
                g.list
                    .push(GroupInfo::new(id.clone(), (&r, &r), (&vi, &en)));
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
            ("Văn bản dẫn chiếu", "Cited documents"),
        ));
        g.list.push(GroupInfo::new(
            RECIPIENTS,
            ("Nơi nhận", "Recipients"),
            ("Nơi nhận", "Recipients"),
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
                let in_note = (path.field == Field::BlockText)
                    .then(|| note_blocks.get(path.id.as_str()))
                    .flatten();
                let here = match in_note {
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
        // …then added figures where they were added, the rest under "other":
        // what the text does not use yet, and where a new footnote is
        // written before a sentence refers to it (always there, so a
        // footnote can be added).
        for f in &n.figures {
            if !g.figure.contains_key(&f.id) {
                let grp = added
                    .get(&f.id)
                    .cloned()
                    .unwrap_or_else(|| OTHER.to_string());
                g.figure.insert(f.id.clone(), grp);
            }
        }
        for f in &n.footnotes {
            if !g.note.contains_key(&f.id) {
                g.note.insert(f.id.clone(), OTHER.to_string());
            }
        }
        for r in &n.relations {
            if let Some(grp) = r.figures().find_map(|f| g.figure.get(f)) {
                g.relation.insert(r.id.clone(), grp.clone());
            }
        }
        for (b, note) in note_blocks {
            if let Some(grp) = g.note.get(note) {
                g.block.insert(b.to_string(), grp.clone());
            }
        }
        g.list.push(GroupInfo::new(
            OTHER,
            ("Chưa dùng", "Not used yet"),
            (
                "Chú thích và số liệu chưa dùng trong văn bản",
                "Footnotes and figures the text does not use yet",
            ),
        ));
        g
    }

    /// The group a field belongs to (the header when unknown).
    pub fn group_of(&self, path: &FieldPath) -> String {
        let id = &path.id;
        let found = match (path.field.spec().home, path.scope()) {
            (Home::Group(g), _) => Some(g.to_string()),
            (_, Scope::Part) => self.part.get(id).cloned(),
            (_, Scope::Section) => self.section.get(id).cloned(),
            (_, Scope::Block) => self.block.get(id).cloned(),
            (_, Scope::Fig) => self.figure.get(id).cloned(),
            (_, Scope::Rel) => self.relation.get(id).cloned(),
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

/// A short human name for a field (summary links, "see also"): the table's
/// label, with the item it belongs to. `links` (what tokens show, made once
/// per render by the caller: a list names many texts) shows a paragraph's
/// figures and citations.
pub fn field_label(
    n: &Notice,
    path: &FieldPath,
    links: &crate::core::display::Links,
    lang: Lang,
) -> String {
    let t = |vi: &str, en: &str| lang.pick(vi, en).to_string();
    let label = path.field.spec().label(lang);
    let id = path.id.as_str();
    match path.scope() {
        Scope::Recipient => {
            let text = n
                .recipients
                .iter()
                .find(|r| r.id == id)
                .map_or("", |r| r.text.as_str());
            format!("{label}: {}", clip(text, 40))
        }
        Scope::Fig => {
            let name = n.figure(id).map_or(id, |f| f.label.as_str());
            let name = if name.is_empty() { id } else { name };
            match path.field {
                Field::FigTotal => format!("{name} ({})", t("tổng số", "total")),
                Field::FigUnit => format!("{name} ({})", t("đơn vị", "unit")),
                Field::FigLabel => format!("{name} ({})", t("tên", "name")),
                _ => name.to_string(),
            }
        }
        Scope::Ref => {
            let doc = n.reference(id).map_or(id.to_string(), |r| {
                format!("{} {}/{}", r.kind, r.number, r.symbol)
            });
            format!("{doc}: {label}")
        }
        Scope::Part => {
            let o = crate::core::outline::outline(n);
            let place = o.part(n, id).unwrap_or(crate::core::outline::Place::Hidden);
            format!("{label} {}", part_name(place))
        }
        Scope::Section => {
            let title = n
                .parts
                .iter()
                .flat_map(|p| p.sections.iter())
                .find(|s| s.id == id)
                .map(|s| plain(&s.title))
                .unwrap_or_default();
            format!("{label}: {}", clip(&title, 40))
        }
        Scope::Block => {
            // As it prints, figures and citations included ("đạt 100%,
            // huyện …"), not with them dropped ("đạt , huyện").
            let text = crate::core::field::blocks(n)
                .find(|b| b.id == id)
                .map(|b| {
                    let shown = crate::core::display::display(&b.text, links);
                    shown.text.split_whitespace().collect::<Vec<_>>().join(" ")
                })
                .unwrap_or_default();
            format!("{label}: {}", clip(&text, 48))
        }
        Scope::Rel => format!("{label} “{id}”"),
        Scope::Header | Scope::Opening | Scope::Closing | Scope::Signature | Scope::Recipients => {
            label.to_string()
        }
    }
}

/// One entry of the error summary as it reads: the field's label once
/// (None when the message already names what the field is about), then the
/// finding's message, without the value it quotes first when the label says
/// it (`Kế hoạch 221/Kh-UBND, ký hiệu` + `“Kh” không phải viết tắt …`).
pub fn summary_entry(
    n: &Notice,
    f: &Finding,
    links: &crate::core::display::Links,
    lang: Lang,
) -> (Option<String>, String) {
    let Some(path) = f.field() else {
        return (None, f.message(lang).trim().to_string());
    };
    let message = match &f.detail {
        Some((vi, en)) => lang.pick(vi, en).trim(),
        None => f.message(lang).trim(),
    };
    // What the field is about: the cited document, the figure, or the
    // field itself.
    let label = field_label(n, path, links, lang);
    let subject = match (path.scope(), n.reference(&path.id), n.figure(&path.id)) {
        (Scope::Ref, Some(r), _) => format!("{} {}/{}", r.kind, r.number, r.symbol),
        (Scope::Fig, _, Some(fig)) => fig.label.clone(),
        (Scope::Fig, _, None) => String::new(),
        _ => label.clone(),
    };
    let subject = subject.trim();
    if !subject.is_empty() && message.to_lowercase().contains(&subject.to_lowercase()) {
        return (None, message.to_string());
    }
    let label = match path.scope() {
        Scope::Ref => format!("{subject}, {}", lower_first(path.field.spec().label(lang))),
        _ => label,
    };
    (Some(label), message.to_string())
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// What the status line says once an item is removed, before its
/// "Hoàn tác": "Đã xoá mục “Ưu điểm”.", "Đã xoá gạch đầu dòng “Đã tổ chức
/// …”." — the item as it printed (figures and citations shown, `links`).
pub fn removed_message(
    r: &crate::core::edit::Removed,
    links: &crate::core::display::Links,
    lang: Lang,
) -> String {
    use crate::core::edit::Taken;
    use crate::core::model::BlockKind;
    let (what, text) = match &r.item {
        Taken::Part(p) => (lang.pick("phần", "part"), &p.title),
        Taken::Section(s) => (lang.pick("mục", "section"), &s.title),
        Taken::Block(b) => (
            match b.kind {
                BlockKind::Paragraph => lang.pick("đoạn văn", "paragraph"),
                BlockKind::Dash => lang.pick("gạch đầu dòng", "bullet"),
                BlockKind::Plus => lang.pick("dấu cộng", "plus item"),
                BlockKind::Refs => lang.pick("danh sách văn bản", "list of documents"),
            },
            &b.text,
        ),
    };
    let shown = crate::core::display::display(text, links).text;
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    if shown.is_empty() {
        let before = lang.pick("Đã xoá ", "Removed an empty ");
        format!("{before}{what}{}", lang.pick(" trống.", "."))
    } else {
        let before = lang.pick("Đã xoá ", "Removed the ");
        format!("{before}{what} “{}”.", clip(&shown, 48))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::display::Links;
    use crate::core::edit::Edited;

    #[test]
    fn a_paragraph_is_named_as_it_prints_figures_included() {
        let n = crate::core::samples::sample();
        let block = crate::core::field::blocks(&n)
            .find(|b| b.text.contains("mẫu giáo đạt {fig:edu.preschool5_pct},"))
            .unwrap();
        let label = field_label(&n, &F::BlockText.of(&block.id), &Links::of(&n), Lang::Vi);
        assert!(label.contains("mẫu giáo đạt 100%, huyện"), "{label}");
    }

    #[test]
    fn a_removed_item_is_named_as_it_printed() {
        use crate::core::edit::{removal, List};
        let n = crate::core::samples::sample();
        let links = Links::of(&n);
        let mut blank = n.clone();
        blank.parts[1].sections[0].title.clear();
        blank.parts[1].sections[0].blocks[0].text = " ".into();
        // (notice, list, id, Vietnamese, English)
        let cases = [
            (
                &n,
                List::Parts,
                "p2",
                "Đã xoá phần “ĐÁNH GIÁ CHUNG”.",
                "Removed the part “ĐÁNH GIÁ CHUNG”.",
            ),
            (
                &n,
                List::Sections("p2".into()),
                "p2.s1",
                "Đã xoá mục “Ưu điểm”.",
                "Removed the section “Ưu điểm”.",
            ),
            (
                &blank,
                List::Sections("p2".into()),
                "p2.s1",
                "Đã xoá mục trống.",
                "Removed an empty section.",
            ),
            (
                &blank,
                List::Blocks("p2.s1".into()),
                "p2.s1.b1",
                "Đã xoá gạch đầu dòng trống.",
                "Removed an empty bullet.",
            ),
        ];
        for (n, list, id, vi, en) in cases {
            let r = removal(n, &list, id).unwrap();
            assert_eq!(removed_message(&r, &links, Lang::Vi), vi);
            assert_eq!(removed_message(&r, &links, Lang::En), en);
        }
        // A long paragraph is clipped; its figures show as printed.
        let block = crate::core::field::blocks(&n)
            .find(|b| b.text.starts_with("{fig:") || b.text.contains(" {fig:"))
            .unwrap();
        let sid = n
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .find(|s| s.blocks.iter().any(|b| b.id == block.id))
            .unwrap();
        let r = removal(&n, &List::Blocks(sid.id.clone()), &block.id).unwrap();
        let said = removed_message(&r, &links, Lang::Vi);
        assert!(!said.contains("{fig:") && said.ends_with("…”."), "{said}");
    }

    #[test]
    fn the_table_is_in_field_order_and_names_each_path_once() {
        for (i, s) in FIELDS.iter().enumerate() {
            assert_eq!(s.field as usize, i, "{:?}", s.field);
        }
        let mut words: Vec<(&str, Option<&str>)> =
            FIELDS.iter().map(|s| (s.scope_word, s.name)).collect();
        words.sort();
        words.dedup();
        assert_eq!(words.len(), FIELDS.len());
    }

    #[test]
    fn groups_place_every_field_of_the_sample() {
        let n = crate::core::samples::sample();
        let g = Groups::of(&n, &HashMap::new());
        for p in crate::core::field::paths(&n) {
            let group = g.group_of(&p);
            assert!(g.info(&group).is_some(), "{p} → {group}");
        }
        let closing = Field::Closing.path();
        assert_eq!(g.group_of(&closing), SIGNATURE);
        assert_eq!(
            field_label(&n, &closing, &Links::of(&n), Lang::Vi),
            "Câu kết thúc"
        );
        let part = Field::PartTitle.of(&n.parts[1].id);
        assert_eq!(g.group_of(&part), format!("part:{}", n.parts[1].id));
        assert_eq!(
            field_label(&n, &part, &Links::of(&n), Lang::En),
            "Title of part II"
        );
    }

    #[test]
    fn figures_and_notes_show_where_first_cited() {
        use crate::core::edit::{apply, Command};
        let mut n = crate::core::samples::sample();
        let g = Groups::of(&n, &HashMap::new());
        let first = format!("sec:{}", n.parts[0].sections[0].id);
        let (fig, home) = n
            .figures
            .iter()
            .map(|f| (f.id.clone(), g.group_of(&Field::FigValue.of(&f.id))))
            .find(|(_, grp)| grp.starts_with("sec:") && *grp != first)
            .expect("a figure cited in I.2–I.4");
        let block = Field::BlockText.of(&n.parts[0].sections[0].blocks[0].id);
        let text = crate::core::field::get(&n, &block).unwrap().to_string();
        let edited = apply(
            &mut n,
            Command::Set {
                path: block.clone(),
                value: format!("{{fig:{fig}}} {text}"),
            },
        );
        let Edited::Field { recites, .. } = edited else {
            panic!("one field")
        };
        assert!(Groups::moved_by(&block, recites));
        let g = Groups::of(&n, &HashMap::new());
        assert!(g.figure_in(&fig, &first), "cited first in I.1 now");
        assert!(!g.figure_in(&fig, &home));
        // Typing that cites nothing new moves nothing.
        assert!(!Groups::moved_by(&block, false));
        assert!(Groups::moved_by(&Field::SectionTitle.of("s"), false));
        // A figure cited nowhere shows under "Chưa dùng"; one added in a group,
        // there.
        n.figures.push(crate::core::model::Figure {
            id: "x.new".into(),
            ..Default::default()
        });
        let g = Groups::of(&n, &HashMap::new());
        assert!(g.figure_in("x.new", OTHER) && g.info(OTHER).is_some());
        let added = HashMap::from([("x.new".to_string(), first.clone())]);
        assert!(Groups::of(&n, &added).figure_in("x.new", &first));
    }

    #[test]
    fn summary_entries_say_the_field_once() {
        use crate::core::check::{check, Mode};
        let n = crate::core::samples::sample();
        let findings = check(&n, Mode::Draft);
        let links = Links::of(&n);
        let find = |rule: &str, field: &str| {
            findings
                .iter()
                .find(|f| f.rule == rule && f.field().is_some_and(|p| *p == field))
                .unwrap_or_else(|| panic!("{rule} on {field}"))
        };
        let (label, message) = summary_entry(
            &n,
            find("symbol.grammar", "ref/kh221/symbol"),
            &links,
            Lang::Vi,
        );
        assert_eq!(label.as_deref(), Some("Kế hoạch 221/Kh-UBND, ký hiệu"));
        assert!(message.starts_with("“Kh” không phải"), "{message}");
        let (label, message) = summary_entry(
            &n,
            find("ref.date_missing", "ref/kh88/date"),
            &links,
            Lang::Vi,
        );
        assert_eq!(label, None, "the message names the document: {message}");
        assert!(message.starts_with("Kế hoạch 88/KH-UBND"), "{message}");
        let (label, message) = summary_entry(
            &n,
            find("header.number_blank", "header/number"),
            &links,
            Lang::Vi,
        );
        assert_eq!(label, None);
        assert!(message.starts_with("Số văn bản còn để trống"), "{message}");
        // No entry repeats its document or value.
        for f in &findings {
            let (label, message) = summary_entry(&n, f, &links, Lang::Vi);
            let text = format!("{}: {message}", label.unwrap_or_default());
            for r in &n.references {
                let doc = format!("{}/{}", r.number, r.symbol);
                assert!(text.matches(&doc).count() <= 1, "{text}");
            }
        }
    }
}
