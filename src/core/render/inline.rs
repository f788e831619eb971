//! Rich text to HTML: escaping, figures, citations and footnote markers.
//!
//! Every user string reaches the output through [`escape`], which leaves no
//! `<`, `>`, `&`, `"` or `'` and drops control and bidirectional-override
//! characters, so no user text can open a tag, an attribute or reorder what
//! the reader sees.

use crate::core::format::date::{format_running, parse_date};
use crate::core::format::number::{format_count, format_decimal, parse_count, parse_decimal};
use crate::core::model::{DocRef, Figure, FigureKind, Indexed};
use crate::core::text::{parse, Inline, Var};
use std::borrow::Cow;
use std::fmt::Write;

/// Shown where a figure is still blank.
pub const BLANK: &str = "…";

/// Appends `text` to `out`, escaped for HTML text and attribute values.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push(' '),
            c if is_hidden_control(c) => {}
            c => out.push(c),
        }
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Characters with no place in a signed document: C0/C1 controls and the
/// bidirectional embeddings, overrides and isolates that can make text read
/// differently from what it is.
pub(crate) fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// A figure as the notice writes it: `72.032 hộ`, `2.000đ/trẻ/ngày`,
/// `56/58 trường`, `98,9%`. What does not parse is printed as typed (the
/// checks report it); a blank prints [`BLANK`].
pub fn figure_text(f: &Figure) -> String {
    let (number, suffix) = figure_parts(f);
    number + &suffix
}

/// A figure as [`figure_text`] writes it, in two: the number (`72.032`,
/// `56/58`, `98,9`) and what follows it (` hộ`, `đ/trẻ/ngày`, `%`).
pub fn figure_parts(f: &Figure) -> (String, String) {
    let number = match f.kind {
        FigureKind::Count | FigureKind::Amount | FigureKind::Rate => count_text(&f.value),
        FigureKind::Fraction => format!("{}/{}", count_text(&f.value), count_text(&f.total)),
        FigureKind::Percent => {
            let v = f.value.trim().trim_end_matches('%').trim_end();
            let shown = match parse_decimal(v) {
                Ok(d) => format_decimal(d),
                Err(_) if v.is_empty() => BLANK.to_string(),
                Err(_) => v.to_string(),
            };
            return (shown, "%".into());
        }
    };
    let unit = f.unit.trim();
    if unit.is_empty() {
        (number, String::new())
    } else if unit.starts_with('/') || unit == "đ" || unit.starts_with("đ/") {
        (number, unit.to_string())
    } else {
        (number, format!(" {unit}"))
    }
}

/// A count as written: thousands dots, and the leading zero of `02` kept
/// when the officer typed it (the reference's house style for small counts).
fn count_text(raw: &str) -> String {
    let raw = raw.trim();
    match parse_count(raw) {
        Ok(n) if n < 10 && raw.len() == 2 && raw.starts_with('0') => format!("0{n}"),
        Ok(n) => format_count(n),
        Err(_) if raw.is_empty() => BLANK.to_string(),
        Err(_) => raw.to_string(),
    }
}

/// A date as running text writes it (`20/5/2024`), or as typed when it does
/// not parse.
pub fn date_text(raw: &str) -> String {
    match parse_date(raw) {
        Ok(d) => format_running(d),
        Err(_) => raw.trim().to_string(),
    }
}

/// `Công văn số 548/UBND-LĐTĐXHDT ngày 21/3/2024 của … về việc …`.
pub fn citation(r: &DocRef) -> String {
    let mut s = r.kind.trim().to_string();
    let ident = match (r.number.trim(), r.symbol.trim()) {
        ("", sym) => sym.to_string(),
        (num, "") => num.to_string(),
        (num, sym) => format!("{num}/{sym}"),
    };
    if !ident.is_empty() {
        s.push_str(if r.with_so { " số " } else { " " });
        s.push_str(&ident);
    }
    for (lead, part) in [
        (" ngày ", date_text(&r.date)),
        (" của ", r.issuer.trim().to_string()),
        (" ", r.subject.trim().to_string()),
    ] {
        if !part.is_empty() {
            s.push_str(lead);
            s.push_str(&part);
        }
    }
    s
}

/// Renders rich text for one field into HTML.
pub struct Inliner<'a> {
    pub notice: &'a Indexed<'a>,
    /// Footnote ids in order of first appearance; the number is index + 1.
    pub notes: &'a [&'a str],
}

impl Inliner<'_> {
    pub fn note_number(&self, id: &str) -> Option<usize> {
        self.notes.iter().position(|n| *n == id).map(|i| i + 1)
    }

    pub fn render(&self, out: &mut String, text: &str) {
        let mut italic = false;
        for piece in parse(text) {
            match piece {
                Inline::Text(t) => escape_into(out, t),
                Inline::Brace(c) => out.push(c),
                Inline::Unknown(t) => escape_into(out, t),
                Inline::Figure(id) => match self.notice.figure(id) {
                    Some(f) => {
                        let _ = write!(out, "<span data-field=\"fig/{}/value\">", escape(&f.id));
                        escape_into(out, &figure_text(f));
                        out.push_str("</span>");
                    }
                    None => escape_into(out, &format!("{{fig:{id}}}")),
                },
                Inline::Ref(id) => self.reference(out, id),
                Inline::Note(id) => match self.note_number(id) {
                    Some(n) => {
                        let _ = write!(out, "<sup><a href=\"#fn-{n}\">{n}</a></sup>");
                    }
                    None => escape_into(out, &format!("{{fn:{id}}}")),
                },
                Inline::ItalicOn if !italic => {
                    italic = true;
                    out.push_str("<i>");
                }
                Inline::ItalicOff if italic => {
                    italic = false;
                    out.push_str("</i>");
                }
                Inline::ItalicOn | Inline::ItalicOff => {}
                Inline::Var(v) => self.var(out, v),
            }
        }
        if italic {
            out.push_str("</i>");
        }
    }

    pub fn reference(&self, out: &mut String, id: &str) {
        match self.notice.reference(id) {
            Some(r) => {
                let _ = write!(out, "<span data-field=\"ref/{}/symbol\">", escape(&r.id));
                escape_into(out, &citation(r));
                out.push_str("</span>");
            }
            None => escape_into(out, &format!("{{ref:{id}}}")),
        }
    }

    /// The text of a citation: what [`Inliner::reference`] writes, unmarked.
    pub(crate) fn reference_text(&self, id: &str) -> String {
        match self.notice.reference(id) {
            Some(r) => citation(r),
            None => format!("{{ref:{id}}}"),
        }
    }

    fn var(&self, out: &mut String, v: Var) {
        let o = &self.notice.opening;
        match v {
            Var::Plan => self.reference(out, &o.plan),
            Var::Schedule => self.reference(out, &o.schedule),
            Var::InspectionDate => {
                out.push_str("<span data-field=\"opening/inspection_date\">");
                escape_into(out, &self.var_text(v));
                out.push_str("</span>");
            }
            Var::InspectedBody => {
                out.push_str("<span data-field=\"opening/inspected_body\">");
                escape_into(out, &self.var_text(v));
                out.push_str("</span>");
            }
        }
    }

    /// The text an opening variable stands for ([`BLANK`] when blank).
    fn var_text(&self, v: Var) -> String {
        let o = &self.notice.opening;
        let text = match v {
            Var::Plan => return self.reference_text(&o.plan),
            Var::Schedule => return self.reference_text(&o.schedule),
            Var::InspectionDate => date_text(&o.inspection_date),
            Var::InspectedBody => o.inspected_body.trim().to_string(),
        };
        if text.is_empty() {
            BLANK.to_string()
        } else {
            text
        }
    }

    /// Rich text with its tokens filled in, as plain pieces, for writers
    /// other than HTML (the DOCX writer): the same figures, citations,
    /// footnote numbers and italics [`Inliner::render`] writes.
    pub(crate) fn pieces<'t>(&self, text: &'t str) -> Vec<Piece<'t>> {
        let mut out = Vec::new();
        let mut italic = false;
        for piece in parse(text) {
            match piece {
                Inline::Text(t) | Inline::Unknown(t) => out.push(Piece::Text(t.into())),
                Inline::Brace(c) => out.push(Piece::Text(c.to_string().into())),
                Inline::Figure(id) => out.push(Piece::Text(match self.notice.figure(id) {
                    Some(f) => figure_text(f).into(),
                    None => format!("{{fig:{id}}}").into(),
                })),
                Inline::Ref(id) => out.push(Piece::Text(self.reference_text(id).into())),
                Inline::Note(id) => out.push(match self.note_number(id) {
                    Some(n) => Piece::Note(n),
                    None => Piece::Text(format!("{{fn:{id}}}").into()),
                }),
                Inline::ItalicOn | Inline::ItalicOff => {
                    let on = piece == Inline::ItalicOn;
                    if on != italic {
                        italic = on;
                        out.push(Piece::Italic(on));
                    }
                }
                Inline::Var(v) => out.push(Piece::Text(self.var_text(v).into())),
            }
        }
        if italic {
            out.push(Piece::Italic(false));
        }
        out
    }
}

/// A piece of rich text after its tokens are filled in (see
/// [`Inliner::pieces`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Piece<'t> {
    /// Text as printed, not escaped.
    Text(Cow<'t, str>),
    /// Italics start (`true`) or end.
    Italic(bool),
    /// The marker of footnote number `n`.
    Note(usize),
}
