//! The preview after one field changed: which elements of the rendered
//! notice change, and their new HTML — without rendering the notice again.
//!
//! A keystroke changes one field; rendering the whole notice and comparing
//! it with the last render costs time in proportion to the notice, which on
//! a long notice is more than a keystroke may take. [`update`] renders only
//! the elements that show the field, through the same functions
//! [`super::render_html`] uses, so applying it to the last render gives
//! byte for byte the body `render_html` would give (`tests/incremental.rs`
//! holds it to that). Where one field changes more than its own elements (a
//! footnote marker renumbers the notes, an id is used twice, a reference
//! becomes the plan) the answer is [`Update::Whole`].
//!
//! Each element is found by its `data-field`, which holds the field's path;
//! `signature/head` is shown inside `signature/authority`'s element, whose
//! content (the position's element too) an edit of either rewrites.

use super::inline::{citation, date_text, escape, figure_text, Inliner, BLANK};
use super::{
    authority_text, block_element, number_text, para, part_heading, place_date_text,
    recipient_text, section_heading, title,
};
use crate::core::field::{Field as F, FieldPath};
use crate::core::model::{Block, Indexed, Notice};
use crate::core::outline::{outline, Outline};

/// How to bring the preview up to date after one field changed.
#[derive(Clone, Debug, PartialEq)]
pub enum Update {
    /// Render the notice again and show it whole.
    Whole,
    /// Change these elements (an empty list: nothing shown changed).
    Elements {
        elements: Vec<Element>,
        /// The document's new title, when it changed.
        title: Option<String>,
    },
}

/// Every element whose `data-field` is `field` gets `html`: as its content
/// (`inner`) or in its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub field: String,
    pub html: String,
    pub inner: bool,
}

/// What changes in the preview when the field at `path` changed and nothing
/// else did. `notes` is the footnote order of the last render (see
/// [`super::note_order`]); the caller compares it with the new order first
/// and shows the notice whole when it changed. `shown` is the outline of
/// the last render ([`crate::core::outline`]): a title or a text that makes
/// a part or section start or stop printing, or renumbers the others, shows
/// the notice whole.
pub fn update(notice: &Notice, path: &FieldPath, notes: &[&str], shown: &Outline) -> Update {
    let now = match path.field {
        F::PartTitle | F::SectionTitle | F::BlockText => {
            let now = outline(notice);
            if now != *shown {
                return Update::Whole;
            }
            Some(now)
        }
        _ => None,
    };
    let indexed = Indexed::new(notice);
    let ctx = Inliner {
        notice: &indexed,
        notes,
    };
    let id = path.id.as_str();
    let h = &notice.header;
    let text = |s: &str| escape(s);
    let elements = match path.field {
        F::ParentBody => vec![inner(path, super::agency_html(&h.parent_body))],
        F::Issuer => vec![inner(path, super::agency_html(&h.issuer))],
        F::Symbol => vec![inner(path, text(h.symbol.trim()))],
        F::Number => vec![inner(path, text(number_text(h)))],
        // The place-and-date line shows under `header/day`.
        F::Place | F::Day | F::Month | F::Year => {
            vec![inner(&F::Day.path(), text(&place_date_text(h)))]
        }
        F::DocType => vec![inner(path, text(&h.doc_type.to_uppercase()))],
        F::Subject => {
            let mut html = String::new();
            ctx.render(&mut html, &h.subject);
            vec![inner(path, html)]
        }
        F::InspectionDate => {
            let d = date_text(&notice.opening.inspection_date);
            vec![inner(path, text(if d.is_empty() { BLANK } else { &d }))]
        }
        F::InspectedBody => {
            let body = notice.opening.inspected_body.trim();
            vec![inner(
                path,
                text(if body.is_empty() { BLANK } else { body }),
            )]
        }
        F::OpeningText => {
            let mut html = String::new();
            para(&mut html, &ctx, path, &notice.opening.text, "");
            vec![outer(path, html.trim_end())]
        }
        F::Closing => {
            let mut html = String::new();
            para(&mut html, &ctx, path, &notice.closing, "./.");
            vec![outer(path, html.trim_end())]
        }
        F::FigLabel if indexed.figure(id).is_some() => Vec::new(),
        F::FigValue | F::FigTotal | F::FigUnit => match indexed.figure(id) {
            Some(f) => vec![inner(&F::FigValue.of(id), text(&figure_text(f)))],
            None => return Update::Whole,
        },
        F::RefKind | F::RefNumber | F::RefSymbol | F::RefDate | F::RefIssuer | F::RefSubject => {
            match indexed.reference(id) {
                Some(r) => vec![inner(&F::RefSymbol.of(id), text(&citation(r)))],
                None => return Update::Whole,
            }
        }
        F::PartTitle => {
            let now = now.unwrap_or_default();
            let mut found = notice.parts.iter().enumerate().filter(|(_, p)| p.id == id);
            match (found.next(), found.next()) {
                (Some((pi, part)), None) => match now.parts[pi].number() {
                    Some(no) => {
                        let mut html = String::new();
                        part_heading(&mut html, &ctx, no, part);
                        vec![outer(path, html)]
                    }
                    // No heading before, none now.
                    None => Vec::new(),
                },
                _ => return Update::Whole,
            }
        }
        F::SectionTitle => {
            let now = now.unwrap_or_default();
            let mut found = notice
                .parts
                .iter()
                .enumerate()
                .flat_map(|(pi, p)| {
                    p.sections
                        .iter()
                        .enumerate()
                        .map(move |(si, s)| (pi, si, s))
                })
                .filter(|(_, _, s)| s.id == id);
            match (found.next(), found.next()) {
                (Some((pi, si, section)), None) => match now.sections[pi][si].number() {
                    Some(no) => {
                        let mut html = String::new();
                        section_heading(&mut html, &ctx, no, section);
                        vec![outer(path, html)]
                    }
                    None => Vec::new(),
                },
                _ => return Update::Whole,
            }
        }
        F::BlockText => match block(notice, &ctx, id) {
            Some(html) => vec![outer(path, html)],
            None => return Update::Whole,
        },
        F::Recipient => {
            let mut found = notice
                .recipients
                .iter()
                .enumerate()
                .filter(|(_, r)| r.id == id);
            match (found.next(), found.next()) {
                (Some((i, r)), None) => {
                    let mut html = String::new();
                    recipient_text(&mut html, &r.text, i + 1 == notice.recipients.len());
                    vec![inner(path, html)]
                }
                _ => return Update::Whole,
            }
        }
        // The head's position shows inside the authority's element.
        F::Authority | F::Head => {
            let mut html = String::new();
            authority_text(&mut html, &notice.signature);
            vec![inner(&F::Authority.path(), html)]
        }
        F::Position => {
            let position = notice.signature.position.trim().to_uppercase();
            vec![inner(path, text(&position))]
        }
        F::SignerName => vec![inner(path, text(notice.signature.name.trim()))],
        F::FigLabel | F::Plan | F::Schedule | F::Recipients => return Update::Whole,
        // Relations show nowhere in the notice.
        F::Relation
        | F::RelFigures
        | F::RelPart
        | F::RelWhole
        | F::RelParts
        | F::RelTotal
        | F::RelPercent
        | F::RelFraction
        | F::RelAmount
        | F::RelFactors
        | F::RelFigure => Vec::new(),
    };
    let title_changed = matches!(path.field, F::DocType | F::Number | F::Symbol | F::Subject);
    Update::Elements {
        elements,
        title: title_changed.then(|| title(notice)),
    }
}

fn inner(field: &FieldPath, html: String) -> Element {
    Element {
        field: field.to_string(),
        html,
        inner: true,
    }
}

fn outer(field: &FieldPath, html: impl Into<String>) -> Element {
    Element {
        field: field.to_string(),
        html: html.into(),
        inner: false,
    }
}

/// The `<p>` of block `id`, or None when the id is used twice (the preview
/// could not tell its elements apart) or the block is not printed (a
/// footnote no text refers to).
fn block(notice: &Notice, ctx: &Inliner, id: &str) -> Option<String> {
    let body = notice
        .parts
        .iter()
        .flat_map(|p| p.sections.iter())
        .flat_map(|s| s.blocks.iter())
        .map(|b| (b, None));
    let notes = notice.footnotes.iter().flat_map(|f| {
        // A second footnote with the same id is never printed.
        let printed = ctx
            .notice
            .footnote(&f.id)
            .is_some_and(|first| std::ptr::eq(first, f));
        let no = ctx.note_number(&f.id).filter(|_| printed);
        f.blocks
            .iter()
            .enumerate()
            .map(move |(bi, b)| (b, Some((no, bi))))
    });
    let mut found = body.chain(notes).filter(|(b, _)| b.id == id);
    let (b, place): (&Block, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let note_no = match place {
        None => None,
        Some((None, _)) => return None,
        Some((Some(no), bi)) => (bi == 0).then_some(no),
    };
    let mut html = String::new();
    block_element(&mut html, ctx, b, note_no);
    Some(html)
}
