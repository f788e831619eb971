//! Field paths: the one name that the checks, the form, the preview and the
//! embedding API use for each editable text of a notice.
//!
//! A [`FieldPath`] is a [`Field`] (which text of which kind of item) and, for
//! items of a list, the item's stable id. It is parsed once where a path
//! arrives as text (a host page, a JSON file, a `data-field` attribute) and
//! displayed once, as the strings findings and events have always carried:
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
//! The words of each path are written once, in [`crate::core::layout`]'s
//! table; this file maps each [`Field`] to its slot in the model. Ids are the
//! items' stable ids, so a path stays valid while lists are reordered.

use crate::core::layout;
use crate::core::model::{Block, Notice};
use std::fmt;
use std::str::FromStr;

/// Which text of a notice, whatever item it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    ParentBody,
    Issuer,
    Number,
    Symbol,
    Place,
    Day,
    Month,
    Year,
    DocType,
    Subject,
    Plan,
    Schedule,
    InspectionDate,
    InspectedBody,
    OpeningText,
    RefKind,
    RefNumber,
    RefSymbol,
    RefDate,
    RefIssuer,
    RefSubject,
    FigValue,
    FigTotal,
    FigUnit,
    FigLabel,
    PartTitle,
    SectionTitle,
    BlockText,
    Closing,
    Recipient,
    /// The list of recipients as a whole (a finding about an empty list).
    Recipients,
    Authority,
    Head,
    Position,
    SignerName,
    /// A relation between figures (`rel/ID`), and the figures it names by
    /// role (`rel/ID/part`): not texts, but where a finding about a
    /// relation sends the officer.
    Relation,
    RelFigures,
    RelPart,
    RelWhole,
    RelParts,
    RelTotal,
    RelPercent,
    RelFraction,
    RelAmount,
    RelFactors,
    RelFigure,
}

/// The kind of item a field belongs to: the first word of its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Header,
    Opening,
    Ref,
    Fig,
    Part,
    Section,
    Block,
    Closing,
    Recipient,
    Recipients,
    Signature,
    Rel,
}

impl Scope {
    /// Whether the items of this scope have ids (the path carries one).
    pub fn has_id(self) -> bool {
        matches!(
            self,
            Scope::Ref
                | Scope::Rel
                | Scope::Fig
                | Scope::Part
                | Scope::Section
                | Scope::Block
                | Scope::Recipient
        )
    }
}

impl Field {
    /// Whether the field holds rich text (tokens for figures, citations,
    /// footnotes: the fields [`rich_texts`] lists).
    pub fn is_rich(self) -> bool {
        matches!(
            self,
            Field::Subject
                | Field::OpeningText
                | Field::PartTitle
                | Field::SectionTitle
                | Field::BlockText
                | Field::Closing
        )
    }

    /// The field's row of the layout table.
    pub fn spec(self) -> &'static layout::Spec {
        layout::spec(self)
    }

    pub fn scope(self) -> Scope {
        self.spec().scope
    }

    /// The path of this field of the item `id` (ignored for fields that
    /// are not in a list).
    pub fn of(self, id: impl Into<String>) -> FieldPath {
        FieldPath {
            field: self,
            id: if self.scope().has_id() {
                id.into()
            } else {
                String::new()
            },
        }
    }

    /// The field of a relation's figures in `role` (`part`, `whole`, …, the
    /// relation's keys in the file); the relation itself for another word.
    pub fn relation_role(role: &str) -> Field {
        layout::FIELDS
            .iter()
            .find(|s| s.scope == Scope::Rel && s.name == Some(role))
            .map_or(Field::Relation, |s| s.field)
    }

    /// The path of a field that is not in a list (`header/number`).
    pub fn path(self) -> FieldPath {
        self.of(String::new())
    }
}

/// One editable text of one notice. Displays (and serialises) as
/// `scope[/id][/name]`; parses back from that.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    pub field: Field,
    /// The item's id; empty for fields that are not in a list.
    pub id: String,
}

impl FieldPath {
    pub fn scope(&self) -> Scope {
        self.field.scope()
    }
}

impl From<Field> for FieldPath {
    fn from(f: Field) -> Self {
        f.path()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let spec = self.field.spec();
        f.write_str(spec.scope_word)?;
        if spec.scope.has_id() {
            write!(f, "/{}", self.id)?;
        }
        if let Some(name) = spec.name {
            write!(f, "/{name}")?;
        }
        Ok(())
    }
}

/// A path equals its text (`header/day`): for tests and for keys that
/// arrive as text.
impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        other.parse::<FieldPath>().is_ok_and(|p| p == *self)
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl serde::Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A text that is no field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAPath;

impl FromStr for FieldPath {
    type Err = NotAPath;

    fn from_str(path: &str) -> Result<Self, NotAPath> {
        let (word, rest) = path.split_once('/').unwrap_or((path, ""));
        let spec_of = |name: Option<&str>| {
            layout::FIELDS
                .iter()
                .find(|s| s.scope_word == word && s.name == name)
        };
        let found = match layout::FIELDS.iter().find(|s| s.scope_word == word) {
            None => None,
            // The id may itself hold a `/`: the name is the last word, when
            // it is one of the scope's names.
            Some(first) if first.scope.has_id() => rest
                .rsplit_once('/')
                .filter(|(id, _)| !id.is_empty())
                .and_then(|(id, name)| spec_of(Some(name)).map(|s| (s, id)))
                .or_else(|| {
                    spec_of(None)
                        .filter(|_| !rest.is_empty())
                        .map(|s| (s, rest))
                }),
            Some(_) if rest.is_empty() => spec_of(None).map(|s| (s, "")),
            Some(_) => spec_of(Some(rest)).map(|s| (s, "")),
        };
        let (spec, id) = found.ok_or(NotAPath)?;
        Ok(FieldPath {
            field: spec.field,
            id: id.to_string(),
        })
    }
}

/// What [`get`], [`get_mut`] and [`set`] accept: a typed path, or its text
/// (parsed; a text that is no path names no field).
pub trait AsPath {
    fn as_path(&self) -> Option<std::borrow::Cow<'_, FieldPath>>;
}

impl AsPath for FieldPath {
    fn as_path(&self) -> Option<std::borrow::Cow<'_, FieldPath>> {
        Some(std::borrow::Cow::Borrowed(self))
    }
}

impl AsPath for str {
    fn as_path(&self) -> Option<std::borrow::Cow<'_, FieldPath>> {
        self.parse().ok().map(std::borrow::Cow::Owned)
    }
}

impl AsPath for String {
    fn as_path(&self) -> Option<std::borrow::Cow<'_, FieldPath>> {
        self.as_str().as_path()
    }
}

impl<T: AsPath + ?Sized> AsPath for &T {
    fn as_path(&self) -> Option<std::borrow::Cow<'_, FieldPath>> {
        (**self).as_path()
    }
}

macro_rules! slot {
    ($n:expr, $p:expr, $iter:ident, $($r:tt)*) => {{
        let n = $n;
        let p: &FieldPath = $p;
        let id = p.id.as_str();
        match p.field {
            Field::ParentBody => Some($($r)* n.header.parent_body),
            Field::Issuer => Some($($r)* n.header.issuer),
            Field::Number => Some($($r)* n.header.number),
            Field::Symbol => Some($($r)* n.header.symbol),
            Field::Place => Some($($r)* n.header.place),
            Field::Day => Some($($r)* n.header.day),
            Field::Month => Some($($r)* n.header.month),
            Field::Year => Some($($r)* n.header.year),
            Field::DocType => Some($($r)* n.header.doc_type),
            Field::Subject => Some($($r)* n.header.subject),
            Field::Plan => Some($($r)* n.opening.plan),
            Field::Schedule => Some($($r)* n.opening.schedule),
            Field::InspectionDate => Some($($r)* n.opening.inspection_date),
            Field::InspectedBody => Some($($r)* n.opening.inspected_body),
            Field::OpeningText => Some($($r)* n.opening.text),
            Field::Closing => Some($($r)* n.closing),
            Field::Authority => Some($($r)* n.signature.authority),
            Field::Head => Some($($r)* n.signature.head),
            Field::Position => Some($($r)* n.signature.position),
            Field::SignerName => Some($($r)* n.signature.name),
            Field::Recipient => n.recipients.$iter().find(|l| l.id == id).map(|l| $($r)* l.text),
            Field::Recipients => None,
            Field::Relation
            | Field::RelFigures
            | Field::RelPart
            | Field::RelWhole
            | Field::RelParts
            | Field::RelTotal
            | Field::RelPercent
            | Field::RelFraction
            | Field::RelAmount
            | Field::RelFactors
            | Field::RelFigure => None,
            Field::RefKind | Field::RefNumber | Field::RefSymbol | Field::RefDate
            | Field::RefIssuer | Field::RefSubject => {
                n.references.$iter().find(|r| r.id == id).map(|r| match p.field {
                    Field::RefKind => $($r)* r.kind,
                    Field::RefNumber => $($r)* r.number,
                    Field::RefSymbol => $($r)* r.symbol,
                    Field::RefDate => $($r)* r.date,
                    Field::RefIssuer => $($r)* r.issuer,
                    _ => $($r)* r.subject,
                })
            }
            Field::FigValue | Field::FigTotal | Field::FigUnit | Field::FigLabel => {
                n.figures.$iter().find(|f| f.id == id).map(|f| match p.field {
                    Field::FigValue => $($r)* f.value,
                    Field::FigTotal => $($r)* f.total,
                    Field::FigUnit => $($r)* f.unit,
                    _ => $($r)* f.label,
                })
            }
            Field::PartTitle => n.parts.$iter().find(|p| p.id == id).map(|p| $($r)* p.title),
            Field::SectionTitle => n
                .parts
                .$iter()
                .flat_map(|p| p.sections.$iter())
                .find(|s| s.id == id)
                .map(|s| $($r)* s.title),
            Field::BlockText => {
                let body = n.parts.$iter().flat_map(|p| p.sections.$iter()).flat_map(|s| s.blocks.$iter());
                let notes = n.footnotes.$iter().flat_map(|f| f.blocks.$iter());
                body.chain(notes).find(|b| b.id == id).map(|b| $($r)* b.text)
            }
        }
    }};
}

/// The text of the field at `path`, if there is such a field.
pub fn get(notice: &Notice, path: impl AsPath) -> Option<&str> {
    let path = path.as_path()?;
    let found: Option<&String> = slot!(notice, &path, iter, &);
    found.map(String::as_str)
}

/// The field at `path`, to edit in place.
pub fn get_mut(notice: &mut Notice, path: impl AsPath) -> Option<&mut String> {
    let path = path.as_path()?;
    slot!(notice, &path, iter_mut, &mut)
}

/// Puts `value` into the field at `path`; false when there is no such field.
pub fn set(notice: &mut Notice, path: impl AsPath, value: String) -> bool {
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

/// The block with this id, to change in place.
pub fn block_mut<'a>(notice: &'a mut Notice, id: &str) -> Option<&'a mut Block> {
    let body = notice
        .parts
        .iter_mut()
        .flat_map(|p| p.sections.iter_mut())
        .flat_map(|s| s.blocks.iter_mut());
    let notes = notice
        .footnotes
        .iter_mut()
        .flat_map(|f| f.blocks.iter_mut());
    body.chain(notes).find(|b| b.id == id)
}

/// The fields of `scope`, in the order of the layout table.
fn of_scope(scope: Scope) -> impl Iterator<Item = Field> {
    layout::FIELDS
        .iter()
        .filter(move |s| s.scope == scope)
        .map(|s| s.field)
}

/// Every field of the notice, by path, in document order.
pub fn paths(notice: &Notice) -> Vec<FieldPath> {
    let mut out: Vec<FieldPath> = of_scope(Scope::Header).map(Field::path).collect();
    out.extend(of_scope(Scope::Opening).map(Field::path));
    for r in &notice.references {
        out.extend(of_scope(Scope::Ref).map(|f| f.of(&r.id)));
    }
    for fig in &notice.figures {
        out.extend(of_scope(Scope::Fig).map(|f| f.of(&fig.id)));
    }
    out.extend(
        rich_texts(notice)
            .into_iter()
            .filter(|(p, _)| !matches!(p.field, Field::Subject | Field::OpeningText))
            .map(|(p, _)| p),
    );
    out.extend(notice.recipients.iter().map(|r| Field::Recipient.of(&r.id)));
    out.extend(of_scope(Scope::Signature).map(Field::path));
    out
}

/// Every rich-text field of the notice with its path, in document order
/// (footnotes last).
pub fn rich_texts(notice: &Notice) -> Vec<(FieldPath, &str)> {
    let mut out = vec![
        (Field::Subject.path(), notice.header.subject.as_str()),
        (Field::OpeningText.path(), notice.opening.text.as_str()),
    ];
    for part in &notice.parts {
        out.push((Field::PartTitle.of(&part.id), part.title.as_str()));
        for section in &part.sections {
            out.push((Field::SectionTitle.of(&section.id), section.title.as_str()));
            for b in &section.blocks {
                out.push((Field::BlockText.of(&b.id), b.text.as_str()));
            }
        }
    }
    out.push((Field::Closing.path(), notice.closing.as_str()));
    for note in &notice.footnotes {
        for b in &note.blocks {
            out.push((Field::BlockText.of(&b.id), b.text.as_str()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Figure, Line, Part, Section};

    fn notice() -> Notice {
        let mut n = crate::core::samples::template();
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
            "fig/value",
            "block/b1",
            "closing/x",
            "recipient/zz",
            "recipient/",
            "signature/name/x",
        ] {
            assert!(!set(&mut n, path, "x".into()), "{path}");
            assert_eq!(get(&n, path), None, "{path}");
        }
    }

    #[test]
    fn every_path_displays_as_it_parses() {
        let n = crate::core::samples::sample();
        let all = paths(&n);
        assert!(all.len() > 300);
        for p in all {
            let text = p.to_string();
            assert_eq!(text.parse::<FieldPath>(), Ok(p.clone()), "{text}");
            assert!(get(&n, &p).is_some(), "{text}");
        }
        // An id may hold a slash; the field's name is the last word.
        let p: FieldPath = "fig/a/b/value".parse().unwrap();
        assert_eq!((p.field, p.id.as_str()), (Field::FigValue, "a/b"));
        assert_eq!(p.to_string(), "fig/a/b/value");
        // A relation, and one of its figures by role.
        for (text, field, id) in [
            ("rel/r1", Field::Relation, "r1"),
            ("rel/r1/part", Field::RelPart, "r1"),
            ("recipient/a/b", Field::Recipient, "a/b"),
        ] {
            let p: FieldPath = text.parse().unwrap();
            assert_eq!((p.field, p.id.as_str()), (field, id), "{text}");
            assert_eq!(p.to_string(), text);
        }
        assert_eq!(
            serde_json::to_string(&Field::Closing.path()).unwrap(),
            "\"closing\""
        );
    }
}
