//! Rules over each figure on its own: well-formed numbers, blanks the text
//! uses, n ≤ N. The rules between figures run over the notice's relations
//! (`relations.rs`).

use super::relations::sum_of;
use super::Sink;
use crate::core::field::{Field, FieldPath};
use crate::core::format::number::{parse_count, parse_decimal};
use crate::core::lang::Lang;
use crate::core::model::{Figure, FigureKind, Indexed};
use crate::core::render::figure_text;

/// `figure.number`: each figure's typed value.
pub(super) fn run_numbers(n: &Indexed, sink: &mut Sink) {
    numbers(n, sink);
}

/// The field of figure `id` that holds `part` (`value` or `total`).
pub(super) fn path(id: &str, part: &str) -> FieldPath {
    match part {
        "total" => Field::FigTotal.of(id),
        _ => Field::FigValue.of(id),
    }
}

pub(super) fn label(f: &Figure) -> &str {
    if f.label.trim().is_empty() {
        &f.id
    } else {
        f.label.trim()
    }
}

/// The parsed whole-number value of a field, or `None` when blank, absent
/// or malformed (malformed values are reported by `figure.number` alone).
pub(super) fn count(raw: &str) -> Option<u64> {
    parse_count(raw).ok()
}

pub(super) fn percent_text(raw: &str) -> &str {
    raw.trim().trim_end_matches('%').trim_end()
}

fn numbers(n: &Indexed, sink: &mut Sink) {
    for f in &n.figures {
        let mut fields = vec![("value", f.value.as_str())];
        if f.kind == FigureKind::Fraction {
            fields.push(("total", f.total.as_str()));
        }
        for (part, raw) in fields {
            if raw.trim().is_empty() {
                continue;
            }
            let err = match f.kind {
                FigureKind::Percent => parse_decimal(percent_text(raw)).err(),
                _ => parse_count(raw).err(),
            };
            if let Some(e) = err {
                let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
                let finding = sink
                    .push(
                        rule!("figure.number"),
                        vec![path(&f.id, part)],
                        format!("{}: {vi}", label(f)),
                        format!("{}: {en}", label(f)),
                    )
                    .with_values(vec![(label(f).to_string(), raw.to_string())]);
                if let Some(fixed) = e.suggestion() {
                    finding.with_fix(
                        path(&f.id, part),
                        fixed.to_string(),
                        format!("Dùng {fixed}"),
                        format!("Use {fixed}"),
                    );
                }
            }
        }
    }
}

/// `figure.blank`: the figures the text cites (`used`: in order of first
/// citation, once each) that are blank.
pub(super) fn blanks(n: &Indexed, used: &[&str], sink: &mut Sink) {
    for &id in used {
        let Some(f) = n.figure(id) else { continue };
        let total_blank = f.kind == FigureKind::Fraction && f.total.trim().is_empty();
        if !(f.value.trim().is_empty() || total_blank) {
            continue;
        }
        let part = if f.value.trim().is_empty() {
            "value"
        } else {
            "total"
        };
        let mut fields = vec![path(&f.id, part)];
        let parts = (part == "value").then(|| sum_of(n, &f.id)).flatten();
        let (vi, en) = match &parts {
            Some(p) => (
                format!(
                    "“{}” được nêu trong văn bản nhưng chưa ghi; các khoản đã có: {} = {}.",
                    label(f),
                    p.listing,
                    p.sum_text
                ),
                format!(
                    "“{}” is used in the text but blank; its parts are given: {} = {}.",
                    label(f),
                    p.listing,
                    p.sum_text
                ),
            ),
            None => (
                format!(
                    "Số liệu “{}” được nêu trong văn bản nhưng chưa điền.",
                    label(f)
                ),
                format!(
                    "The figure “{}” is used in the text but not filled in.",
                    label(f)
                ),
            ),
        };
        if let Some(p) = &parts {
            fields.extend(p.fields.iter().cloned());
        }
        let finding = sink.push(rule!("figure.blank"), fields, vi, en);
        if let Some(p) = parts {
            finding.with_fix(
                path(&f.id, "value"),
                p.value,
                format!("Ghi {}", p.sum_text),
                format!("Use {}", p.sum_text),
            );
        }
    }
}

/// `fraction.le_whole` for one figure: n ≤ N and N > 0.
pub(super) fn fraction(f: &Figure, sink: &mut Sink) {
    if f.kind == FigureKind::Fraction {
        let (Some(v), Some(t)) = (count(&f.value), count(&f.total)) else {
            return;
        };
        if t == 0 || v > t {
            let (vi, en) = if t == 0 {
                ("mẫu số N bằng 0", "the whole N is 0")
            } else {
                ("n lớn hơn N", "n is larger than N")
            };
            sink.push(
                rule!("fraction.le_whole"),
                vec![path(&f.id, "value"), path(&f.id, "total")],
                format!("“{}” ghi {}: {vi}.", label(f), figure_text(f)),
                format!("“{}” reads {}: {en}.", label(f), figure_text(f)),
            )
            .with_values(vec![
                ("n".into(), f.value.clone()),
                ("N".into(), f.total.clone()),
            ]);
        }
    }
}
