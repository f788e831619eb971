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
    authority_text, block_element, escape_into, number_text, para, part_heading, place_date_text,
    recipient_text, section_heading, title,
};
use crate::core::model::{Block, Indexed, Notice};

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
/// and shows the notice whole when it changed.
pub fn update(notice: &Notice, path: &str, notes: &[&str]) -> Update {
    let indexed = Indexed::new(notice);
    let ctx = Inliner {
        notice: &indexed,
        notes,
    };
    let mut parts = path.splitn(3, '/');
    let (kind, id, name) = (parts.next().unwrap_or(""), parts.next(), parts.next());
    let h = &notice.header;
    let mut title_changed = false;
    let elements = match (kind, id, name) {
        ("header", Some(f), None) => {
            title_changed = matches!(f, "doc_type" | "number" | "symbol" | "subject");
            let mut html = String::new();
            let field = match f {
                "parent_body" | "issuer" | "symbol" => {
                    let v = if f == "parent_body" {
                        &h.parent_body
                    } else if f == "issuer" {
                        &h.issuer
                    } else {
                        h.symbol.trim()
                    };
                    escape_into(&mut html, v);
                    path
                }
                "number" => {
                    escape_into(&mut html, number_text(h));
                    path
                }
                "place" | "day" | "month" | "year" => {
                    escape_into(&mut html, &place_date_text(h));
                    "header/day"
                }
                "doc_type" => {
                    escape_into(&mut html, &h.doc_type.to_uppercase());
                    path
                }
                "subject" => {
                    ctx.render(&mut html, &h.subject);
                    path
                }
                _ => return Update::Whole,
            };
            vec![inner(field, html)]
        }
        ("opening", Some("inspection_date"), None) => {
            let d = date_text(&notice.opening.inspection_date);
            vec![inner(path, escape(if d.is_empty() { BLANK } else { &d }))]
        }
        ("opening", Some("inspected_body"), None) => {
            let body = notice.opening.inspected_body.trim();
            vec![inner(
                path,
                escape(if body.is_empty() { BLANK } else { body }),
            )]
        }
        ("opening", Some("text"), None) => {
            let mut html = String::new();
            para(&mut html, &ctx, path, &notice.opening.text, "");
            vec![outer(path, html.trim_end())]
        }
        ("closing", None, None) => {
            let mut html = String::new();
            para(&mut html, &ctx, path, &notice.closing, "./.");
            vec![outer(path, html.trim_end())]
        }
        ("fig", Some(id), Some(name)) => match (indexed.figure(id), name) {
            (Some(_), "label") => Vec::new(),
            (Some(f), _) => vec![inner(&format!("fig/{id}/value"), escape(&figure_text(f)))],
            (None, _) => return Update::Whole,
        },
        ("ref", Some(id), Some(_)) => match indexed.reference(id) {
            Some(r) => vec![inner(&format!("ref/{id}/symbol"), escape(&citation(r)))],
            None => return Update::Whole,
        },
        ("part", Some(id), Some("title")) => {
            let mut found = notice.parts.iter().enumerate().filter(|(_, p)| p.id == id);
            match (found.next(), found.next()) {
                (Some((pi, part)), None) => {
                    let mut html = String::new();
                    part_heading(&mut html, &ctx, pi, part);
                    vec![outer(path, html)]
                }
                _ => return Update::Whole,
            }
        }
        ("section", Some(id), Some("title")) => {
            let mut found = notice
                .parts
                .iter()
                .flat_map(|p| p.sections.iter().enumerate())
                .filter(|(_, s)| s.id == id);
            match (found.next(), found.next()) {
                (Some((si, section)), None) => {
                    let mut html = String::new();
                    section_heading(&mut html, &ctx, si, section);
                    vec![outer(path, html)]
                }
                _ => return Update::Whole,
            }
        }
        ("block", Some(id), Some("text")) => match block(notice, &ctx, id) {
            Some(html) => vec![outer(path, html)],
            None => return Update::Whole,
        },
        ("recipient", Some(id), None) => {
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
        ("signature", Some("authority" | "head"), None) => {
            let mut html = String::new();
            authority_text(&mut html, &notice.signature);
            vec![inner("signature/authority", html)]
        }
        ("signature", Some("position"), None) => {
            let position = notice.signature.position.trim().to_uppercase();
            vec![inner(path, escape(&position))]
        }
        ("signature", Some("name"), None) => {
            vec![inner(path, escape(notice.signature.name.trim()))]
        }
        _ => return Update::Whole,
    };
    Update::Elements {
        elements,
        title: title_changed.then(|| title(notice)),
    }
}

fn inner(field: &str, html: String) -> Element {
    Element {
        field: field.to_string(),
        html,
        inner: true,
    }
}

fn outer(field: &str, html: impl Into<String>) -> Element {
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
