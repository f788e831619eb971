//! [`propose`]: a text's recognised numbers as new figures of the notice,
//! and what its words state between them as relations marked `recognised`
//! — for the editor to apply once the officer confirms (the text then
//! cites the figures as `{fig:ID}` where the numbers were typed).

use super::rich::Plain;
use super::stated::StatedKind;
use super::{recognise, Kind, Span};
use crate::core::field::{self, FieldPath};
use crate::core::model::{Figure, FigureKind, Notice};
use crate::core::nfc::fold_ascii;
use crate::core::relation::{Relation, RelationKind, Source};
use crate::core::render::figure_text;
use std::collections::HashSet;

/// What recognising one text proposes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proposal {
    /// New figures, one per number typed (ids unused in the notice,
    /// labels from the words before the number).
    pub figures: Vec<Figure>,
    /// The relations the text states, over the new figures and the ones
    /// it already cites, `source: recognised`.
    pub relations: Vec<Relation>,
    /// The text with `{fig:ID}` where the numbers were.
    pub new_text: String,
}

/// Words a label does not start with.
const LEADING: &[&str] = &[
    "trong đó",
    "trong số đó",
    "gồm",
    "bao gồm",
    "có",
    "được",
    "là",
    "với",
    "và",
    "cho",
    "đạt",
    "chiếm",
    "còn",
    "đã",
    "tại",
    "của",
    "hơn",
    "trên",
    "khoảng",
    "gần",
    "tổng cộng",
];

/// The label proposed for a number: the words before it back to the last
/// punctuation (at most eight), or what it counts.
fn label(plain: &str, span: &Span, prev_end: usize) -> String {
    let before = &plain[prev_end.min(span.start)..span.start];
    let cut = before
        .rfind(|c: char| {
            matches!(
                c,
                ',' | ';' | ':' | '.' | '(' | ')' | '\n' | '\u{FFFC}' | '“' | '”'
            )
        })
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let mut words: Vec<&str> = before[cut..].split_whitespace().collect();
    if words.len() > 8 {
        words = words.split_off(words.len() - 8);
    }
    let mut text = words.join(" ");
    loop {
        let lower = text.to_lowercase();
        let Some(w) = LEADING
            .iter()
            .find(|w| lower.starts_with(*w) && lower[w.len()..].starts_with(' ') || lower == **w)
        else {
            break;
        };
        text = text[w.len()..].trim_start().to_string();
    }
    // Nor ends with one (`Toàn xã có`).
    loop {
        let lower = text.to_lowercase();
        let Some(w) = LEADING
            .iter()
            .find(|w| lower.ends_with(*w) && lower[..lower.len() - w.len()].ends_with(' '))
        else {
            break;
        };
        text = text[..text.len() - w.len()].trim_end().to_string();
    }
    let unit = span.unit().unwrap_or("");
    if text.is_empty() {
        return match &span.kind {
            Kind::Percent { .. } => "Tỷ lệ".into(),
            Kind::Money { .. } => "Số tiền".into(),
            Kind::Rate { .. } => "Mức hỗ trợ".into(),
            _ if unit.is_empty() => "Số liệu".into(),
            _ => format!("Số {unit}"),
        };
    }
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => text,
    }
}

/// An id from a label: ASCII, lower case, words joined by `_`.
fn slug(s: &str) -> String {
    let folded = fold_ascii(s).to_lowercase();
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "so_lieu".into()
    } else {
        words.join("_")
    }
}

/// The figure a recognised span becomes, if it becomes one.
fn figure_of(span: &Span, plain: &str) -> Option<(FigureKind, String, String, String)> {
    let typed = span.typed(plain);
    Some(match &span.kind {
        Kind::Count { unit, number, .. } if !unit.is_empty() => {
            let unit_typed = typed[number.len()..].trim().to_string();
            (FigureKind::Count, number.clone(), String::new(), unit_typed)
        }
        Kind::Money { number, unit, .. } => (
            FigureKind::Amount,
            number.clone(),
            String::new(),
            unit.clone(),
        ),
        Kind::Rate { number, unit, .. } => (
            FigureKind::Rate,
            number.clone(),
            String::new(),
            unit.clone(),
        ),
        Kind::Percent { .. } => (
            FigureKind::Percent,
            typed.trim_end_matches('%').trim_end().to_string(),
            String::new(),
            String::new(),
        ),
        Kind::Fraction { .. } => {
            let (num, rest) = typed.split_once('/')?;
            let den_len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let unit = rest[den_len..].trim().to_string();
            (
                FigureKind::Fraction,
                num.to_string(),
                rest[..den_len].to_string(),
                unit,
            )
        }
        _ => return None,
    })
}

/// Proposes figures and relations for the rich text at `path`. A number
/// already cited as `{fig:ID}` keeps its figure; nothing is proposed for
/// a path that is no text.
pub fn propose(notice: &Notice, path: &FieldPath) -> Proposal {
    let Some(rich) = field::get(notice, path) else {
        return Proposal::default();
    };
    let value = |id: &str| notice.figure(id).map(figure_text);
    let plain = Plain::new(rich, &value);
    let (found, stated) = recognise(&plain.text);
    let mut taken: HashSet<String> = notice.figures.iter().map(|f| f.id.clone()).collect();
    taken.extend(notice.relations.iter().map(|r| r.id.clone()));
    let scope = if path.id.is_empty() {
        slug(&path.to_string())
    } else {
        path.id.clone()
    };
    let fresh = |base: String, taken: &mut HashSet<String>| {
        let mut id = base.clone();
        let mut k = 2;
        while taken.contains(&id) {
            id = format!("{base}_{k}");
            k += 1;
        }
        taken.insert(id.clone());
        id
    };
    let mut out = Proposal::default();
    // Each span's figure id: an existing one, or a new one.
    let mut ids: Vec<Option<String>> = Vec::with_capacity(found.len());
    let mut replace: Vec<(usize, usize, String)> = Vec::new();
    let mut prev_end = 0;
    for s in &found {
        if let Some(id) = plain.figure_at(s.start) {
            ids.push(Some(id.to_string()));
        } else if let Some((kind, value, total, unit)) = figure_of(s, &plain.text) {
            let label = label(&plain.text, s, prev_end);
            let id = fresh(format!("{scope}.{}", slug(&label)), &mut taken);
            replace.push((plain.rich_start(s.start), plain.rich_end(s.end), id.clone()));
            out.figures.push(Figure {
                id: id.clone(),
                label,
                kind,
                value,
                total,
                unit,
            });
            ids.push(Some(id));
        } else {
            ids.push(None);
        }
        prev_end = s.end;
    }
    for st in &stated {
        let id = |i: usize| ids.get(i).cloned().flatten();
        let all = |v: &[usize]| v.iter().map(|&i| id(i)).collect::<Option<Vec<String>>>();
        let kind = || -> Option<RelationKind> {
            Some(match &st.kind {
                StatedKind::PartOf { part, whole } => RelationKind::PartOf {
                    part: id(*part)?,
                    whole: id(*whole)?,
                },
                StatedKind::SumAtMost { parts, whole } => RelationKind::SumAtMost {
                    parts: all(parts)?,
                    whole: id(*whole)?,
                },
                StatedKind::Sum { parts, total } => RelationKind::Sum {
                    parts: all(parts)?,
                    total: id(*total)?,
                },
                StatedKind::Ratio {
                    percent,
                    fraction,
                    part,
                    whole,
                } => RelationKind::Ratio {
                    percent: id(*percent)?,
                    fraction: fraction.and_then(id),
                    part: part.and_then(id),
                    whole: whole.and_then(id),
                },
                StatedKind::Product { amount, factors } => RelationKind::Product {
                    amount: id(*amount)?,
                    factors: all(factors)?,
                },
                // n ≤ N is every fraction figure's own rule.
                StatedKind::Fraction { .. } => return None,
            })
        };
        let Some(kind) = kind() else { continue };
        let rel = Relation {
            id: String::new(),
            kind,
            name: None,
            rule: None,
            source: Source::Recognised,
        };
        let rid = fresh(format!("{scope}.{}", rel.kind_name()), &mut taken);
        out.relations.push(Relation { id: rid, ..rel });
    }
    let mut text = rich.to_string();
    for (a, b, id) in replace.into_iter().rev() {
        if a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
            text.replace_range(a..b, &format!("{{fig:{id}}}"));
        }
    }
    out.new_text = text;
    out
}
