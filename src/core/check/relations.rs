//! The rules between figures, run over the notice's relations
//! ([`crate::core::relation`]): chains, part ≤ whole, sums, "trong đó",
//! same totals, stated percentages, products and ranges; and, per figure,
//! n ≤ N and percentages with no n/N behind them.
//!
//! Every rule is generic: figures are found through the relation, named by
//! their labels, and a relation naming a figure that is not there is a
//! finding (`relation.missing`), never a panic. [`Relations`] keeps the
//! findings per relation so that an edit of a figure re-checks only the
//! relations that read it.

use super::figures::{count, fraction, label, path, percent_text};
use super::{run, Finding, Mode, Rule, Sink};
use crate::core::field::{Field, FieldPath, Scope};
use crate::core::format::number::{format_decimal, parse_decimal, round_half_up, Decimal};
use crate::core::lang::Lang;
use crate::core::model::{Figure, FigureKind, Indexed};
use crate::core::relation::{Relation, RelationKind, Words};
use crate::core::render::figure_text;
use std::collections::{HashMap, HashSet};

/// The findings of the relations and of each figure's own rules, kept
/// between edits.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Relations {
    mode: Mode,
    /// Per relation, in the notice's order.
    found: Vec<Vec<Finding>>,
    /// Per relation: listed after the figures' own findings (percentages,
    /// products, ranges), as version 1 listed the derived figures.
    late: Vec<bool>,
    /// Per figure: `fraction.le_whole`, `percent.range`.
    own: Vec<Vec<Finding>>,
    /// The relations that read each figure id.
    readers: HashMap<String, Vec<usize>>,
    /// Where each figure id is (the first, as lookups find it).
    at: HashMap<String, usize>,
}

impl Relations {
    pub(super) fn new(n: &Indexed, mode: Mode) -> Self {
        let mut readers: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in n.relations.iter().enumerate() {
            for id in r.figures() {
                let list = readers.entry(id.to_string()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let mut at = HashMap::with_capacity(n.figures.len());
        for (i, f) in n.figures.iter().enumerate() {
            at.entry(f.id.clone()).or_insert(i);
        }
        let backed = backed(n);
        Relations {
            mode,
            found: n
                .relations
                .iter()
                .map(|r| run(|n, sink| relation(n, r, sink), n, mode))
                .collect(),
            late: n.relations.iter().map(is_late).collect(),
            own: n
                .figures
                .iter()
                .map(|f| run(|_, sink| own(f, &backed, sink), n, mode))
                .collect(),
            readers,
            at,
        }
    }

    /// The field at `path` changed: re-checks the relations that read it
    /// (a figure's field), or all of them (`rel/…`, a relation itself).
    /// Returns whether any finding changed.
    pub(super) fn edited(&mut self, n: &Indexed, path: &FieldPath) -> bool {
        if path.scope() == Scope::Rel {
            let again = Relations::new(n, self.mode);
            let changed = again != *self;
            *self = again;
            return changed;
        }
        if path.scope() != Scope::Fig {
            return false;
        }
        let id = path.id.as_str();
        let mut changed = false;
        for &i in self.readers.get(id).map_or(&[][..], Vec::as_slice) {
            let Some(r) = n.relations.get(i) else {
                continue;
            };
            let new = run(|n, sink| relation(n, r, sink), n, self.mode);
            if new != self.found[i] {
                self.found[i] = new;
                changed = true;
            }
        }
        if let Some(&i) = self.at.get(id) {
            if let Some(f) = n.figures.get(i) {
                let backed = backed(n);
                let new = run(|_, sink| own(f, &backed, sink), n, self.mode);
                if new != self.own[i] {
                    self.own[i] = new;
                    changed = true;
                }
            }
        }
        changed
    }

    /// Every finding, in the order they are listed: the relations between
    /// counts, each figure's own, then percentages, products and ranges.
    pub(super) fn findings(&self) -> impl Iterator<Item = &Finding> {
        let pick = move |late: bool| {
            self.found
                .iter()
                .zip(&self.late)
                .filter(move |(_, l)| **l == late)
                .flat_map(|(f, _)| f)
        };
        pick(false)
            .chain(self.own.iter().flatten())
            .chain(pick(true))
    }
}

fn is_late(r: &Relation) -> bool {
    matches!(
        r.kind,
        RelationKind::Ratio { .. } | RelationKind::Product { .. } | RelationKind::Range { .. }
    )
}

/// The percentages that some ratio states.
fn backed<'a>(n: &'a Indexed) -> HashSet<&'a str> {
    n.relations
        .iter()
        .filter_map(|r| match &r.kind {
            RelationKind::Ratio { percent, .. } => Some(percent.as_str()),
            _ => None,
        })
        .collect()
}

/// A figure's own rules: n ≤ N; a percentage with no n/N behind it is not
/// above 100%.
fn own(f: &Figure, backed: &HashSet<&str>, sink: &mut Sink) {
    fraction(f, sink);
    if f.kind != FigureKind::Percent || backed.contains(f.id.as_str()) {
        return;
    }
    let Ok(v) = parse_decimal(percent_text(&f.value)) else {
        return;
    };
    if v.cmp_value(&Decimal::from_count(100)).is_gt() {
        sink.push(rule!("percent.range"),
            vec![path(&f.id, "value")],
            format!(
                "“{}” ghi {}: một tỷ lệ phần trăm không có số liệu n/N đi kèm thì không lớn hơn 100%. Nếu đúng là hơn 100% (một mức tăng chẳng hạn), hãy chấp nhận cảnh báo này và ghi lý do.",
                label(f),
                figure_text(f)
            ),
            format!(
                "“{}” reads {}: a percentage with no n/N behind it is at most 100%. If it really is above 100% (a growth rate, say), accept this warning with the reason.",
                label(f),
                figure_text(f)
            ),
        )
        .with_values(vec![(label(f).to_string(), f.value.clone())]);
    }
}

/// A figure's number as its kind is written: a percentage may have
/// decimals, every other kind is a whole number.
fn number(f: &Figure) -> Option<Decimal> {
    match f.kind {
        FigureKind::Percent => parse_decimal(percent_text(&f.value)).ok(),
        _ => count(&f.value).map(Decimal::from_count),
    }
}

/// How a relation that adds or compares figures reads them: percentages
/// as percentages when they are all percentages; when it mixes them with
/// counts or amounts, everything as whole numbers (a `98,9%` among counts
/// then takes no part, as in version 1, rather than being added to them).
fn reader(n: &Indexed, r: &Relation) -> fn(&Figure) -> Option<Decimal> {
    let all_percent = r
        .figures()
        .filter_map(|id| n.figure(id))
        .all(|f| f.kind == FigureKind::Percent);
    if all_percent {
        number
    } else {
        |f| count(&f.value).map(Decimal::from_count)
    }
}

/// As Vietnamese documents write it (`72.032`, `98,9`).
fn show(d: Decimal) -> String {
    format_decimal(d)
}

fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let scale = a.scale.max(b.scale);
    let (a, b) = (a.with_scale(scale)?, b.with_scale(scale)?);
    Some(Decimal {
        mantissa: a.mantissa.checked_add(b.mantissa)?,
        scale,
    })
}

fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    Some(Decimal {
        mantissa: a.mantissa.checked_mul(b.mantissa)?,
        scale: a.scale.checked_add(b.scale)?,
    })
}

/// The figure written with another value (a sum, a product), unit and all.
fn with_value(f: &Figure, d: Decimal) -> String {
    figure_text(&Figure {
        value: show(d),
        ..f.clone()
    })
}

fn quoted(f: &Figure, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("“{}”", label(f)),
        Lang::En => format!("“{}”", label(f)),
    }
}

/// The rule a relation's findings are reported under.
fn rule_of(r: &Relation) -> &'static Rule {
    use RelationKind::*;
    match r.kind {
        Chain { .. } if r.rule.as_deref() == Some("chain.safe_home") => rule!("chain.safe_home"),
        Chain { .. } => rule!("chain.order"),
        PartOf { .. } => rule!("part.le_whole"),
        Sum { .. } => rule!("sum.parts"),
        SumAtMost { .. } => rule!("sum.at_most"),
        Ratio { .. } => rule!("percent.ratio"),
        Product { .. } => rule!("amount.product"),
        Range { .. } => rule!("figure.range"),
        SameTotal { .. } => rule!("sum.grades"),
    }
}

/// One relation's findings.
fn relation(n: &Indexed, r: &Relation, sink: &mut Sink) {
    let missing: Vec<(&str, &str)> = r
        .roles()
        .into_iter()
        .filter(|(_, id)| n.figure(id).is_none())
        .collect();
    if !missing.is_empty() {
        missing_figures(n, r, &missing, sink);
    }
    if let Some((vi, en)) = malformed(r) {
        sink.push(
            rule!("relation.invalid"),
            vec![Field::Relation.of(&r.id)],
            format!("Quan hệ “{}” ({}): {vi}.", r.id, describe(n, r, Lang::Vi)),
            format!(
                "The relation “{}” ({}): {en}.",
                r.id,
                describe(n, r, Lang::En)
            ),
        );
        return;
    }
    use RelationKind::*;
    match &r.kind {
        // A chain compares the figures it has, as it skips blanks.
        Chain { figures, names } => chain(n, r, figures, names, sink),
        _ if !missing.is_empty() => {}
        PartOf { part, whole } => part_of(n, reader(n, r), part, whole, sink),
        Sum { parts, total } => sum(n, reader(n, r), parts, total, sink),
        SumAtMost { parts, whole } => sum_at_most(n, reader(n, r), parts, whole, sink),
        SameTotal { figures, adds_up } => same_total(n, r, figures, *adds_up, sink),
        Ratio {
            percent,
            fraction,
            part,
            whole,
        } => ratio(
            n,
            percent,
            fraction.as_deref(),
            part.as_deref(),
            whole.as_deref(),
            sink,
        ),
        Product { amount, factors } => product(n, reader(n, r), amount, factors, sink),
        Range { figure, min, max } => range(n, figure, min, max, sink),
    }
}

/// What makes a relation unusable whatever the figures say.
fn malformed(r: &Relation) -> Option<(String, String)> {
    use RelationKind::*;
    let few = |what_vi: &str, what_en: &str, need: usize| {
        Some((
            format!("cần ít nhất {need} {what_vi}"),
            format!("it needs at least {need} {what_en}"),
        ))
    };
    match &r.kind {
        Chain { figures, .. } if figures.len() < 2 => few("số liệu", "figures", 2),
        Sum { parts, .. } | SumAtMost { parts, .. } if parts.is_empty() => {
            few("số liệu thành phần", "part", 1)
        }
        Product { factors, .. } if factors.len() < 2 => few("thừa số", "factors", 2),
        SameTotal { figures, .. } if figures.is_empty() => few("số liệu", "figure", 1),
        Ratio {
            fraction,
            part,
            whole,
            ..
        } => match (fraction, part, whole) {
            (Some(_), None, None) | (None, Some(_), Some(_)) => None,
            _ => Some((
                "cần ghi n/N bằng một số liệu dạng phân số (fraction), hoặc bằng hai số liệu phần (part) và tổng (whole)".into(),
                "n/N is either one fraction figure (fraction) or a part and a whole figure (part, whole)".into(),
            )),
        },
        Range { min, max, .. } => {
            let bound = |b: &str| (!b.trim().is_empty()).then(|| parse_decimal(b.trim()));
            match (bound(min), bound(max)) {
                (None, None) => Some((
                    "chưa ghi giới hạn dưới (min) hay giới hạn trên (max)".into(),
                    "it has neither a lower (min) nor an upper bound (max)".into(),
                )),
                (Some(Err(_)), _) | (_, Some(Err(_))) => Some((
                    format!("giới hạn “{}”–“{}” không phải là số", min.trim(), max.trim()),
                    format!("the bounds “{}”–“{}” are not numbers", min.trim(), max.trim()),
                )),
                (Some(Ok(a)), Some(Ok(b))) if a.cmp_value(&b).is_gt() => Some((
                    format!("giới hạn dưới {} lớn hơn giới hạn trên {}", show(a), show(b)),
                    format!("the lower bound {} is above the upper bound {}", show(a), show(b)),
                )),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The relation in words, figures by label (by id when not there).
pub(crate) fn describe(n: &Indexed, r: &Relation, lang: Lang) -> String {
    use RelationKind::*;
    let name = |id: &str| match n.figure(id) {
        Some(f) => quoted(f, lang),
        None => lang.pick("“{}”", "“{}”").replace("{}", id),
    };
    let list =
        |ids: &[String], sep: &str| ids.iter().map(|id| name(id)).collect::<Vec<_>>().join(sep);
    match &r.kind {
        Chain { figures, .. } => list(figures, " ≤ "),
        PartOf { part, whole } => match lang {
            Lang::Vi => format!("{} không lớn hơn {}", name(part), name(whole)),
            Lang::En => format!("{} is at most {}", name(part), name(whole)),
        },
        Sum { parts, total } => match lang {
            Lang::Vi => format!("{} bằng tổng của {}", name(total), list(parts, ", ")),
            Lang::En => format!("{} is the sum of {}", name(total), list(parts, ", ")),
        },
        SumAtMost { parts, whole } => match lang {
            Lang::Vi => format!("{}, trong đó {}", name(whole), list(parts, ", ")),
            Lang::En => format!("{}, of which {}", name(whole), list(parts, ", ")),
        },
        Ratio {
            percent,
            fraction,
            part,
            whole,
        } => {
            let of = match (fraction, part, whole) {
                (Some(f), _, _) => name(f),
                (None, Some(p), Some(w)) => format!("{}/{}", name(p), name(w)),
                _ => "n/N".into(),
            };
            match lang {
                Lang::Vi => format!("{} là tỷ lệ của {of}", name(percent)),
                Lang::En => format!("{} is the rate of {of}", name(percent)),
            }
        }
        Product { amount, factors } => match lang {
            Lang::Vi => format!("{} bằng {}", name(amount), list(factors, " × ")),
            Lang::En => format!("{} equals {}", name(amount), list(factors, " × ")),
        },
        Range { figure, min, max } => match lang {
            Lang::Vi => format!(
                "{} trong khoảng {}–{}",
                name(figure),
                min.trim(),
                max.trim()
            ),
            Lang::En => format!("{} within {}–{}", name(figure), min.trim(), max.trim()),
        },
        SameTotal { figures, .. } => match lang {
            Lang::Vi => format!("{} cùng một tổng", list(figures, ", ")),
            Lang::En => format!("{} out of the same total", list(figures, ", ")),
        },
    }
}

fn missing_figures(n: &Indexed, r: &Relation, missing: &[(&str, &str)], sink: &mut Sink) {
    let mut fields: Vec<FieldPath> = Vec::new();
    for (role, _) in missing {
        let p = Field::relation_role(role).of(&r.id);
        if !fields.contains(&p) {
            fields.push(p);
        }
    }
    let ids = |open: &str, close: &str| {
        missing
            .iter()
            .map(|(_, id)| format!("{open}{id}{close}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (vi_what, en_what) = if missing.len() == 1 {
        ("số liệu", "the figure")
    } else {
        ("các số liệu", "the figures")
    };
    sink.push(rule!("relation.missing"),
        fields,
        format!(
            "Quan hệ “{}” ({}) dẫn tới {vi_what} {} không có trong danh sách số liệu (đã bị xoá hoặc đổi mã?): phần này chưa kiểm tra được.",
            r.id,
            describe(n, r, Lang::Vi),
            ids("“", "”")
        ),
        format!(
            "The relation “{}” ({}) refers to {en_what} {}, not among the figures (deleted or renamed?): it cannot be checked.",
            r.id,
            describe(n, r, Lang::En),
            ids("“", "”")
        ),
    )
    .with_values(
        missing
            .iter()
            .map(|(role, id)| (role.to_string(), id.to_string()))
            .collect(),
    );
}

fn chain(n: &Indexed, r: &Relation, figures: &[String], names: &[Words], sink: &mut Sink) {
    let number = reader(n, r);
    // (id, name vi, name en, value) of the figures that are there.
    let links: Vec<(&str, String, String, Option<Decimal>)> = figures
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let f = n.figure(id)?;
            let (vi, en) = match names.get(i) {
                Some(w) => (w.vi.clone(), w.en.clone()),
                None => (quoted(f, Lang::Vi), quoted(f, Lang::En)),
            };
            Some((id.as_str(), vi, en, number(f)))
        })
        .collect();
    let present: Vec<_> = links.iter().filter(|l| l.3.is_some()).collect();
    let value = |l: &(&str, String, String, Option<Decimal>)| l.3.map(show).unwrap_or_default();
    let broken: Vec<_> = present
        .windows(2)
        .filter(|w| match (w[0].3, w[1].3) {
            (Some(a), Some(b)) => a.cmp_value(&b).is_gt(),
            _ => false,
        })
        .map(|w| (w[0], w[1]))
        .collect();
    let Some(first) = broken.first() else { return };
    let pick = |l: &(&str, String, String, Option<Decimal>), lang: Lang| match lang {
        Lang::Vi => l.1.clone(),
        Lang::En => l.2.clone(),
    };
    let whole = |lang: Lang| {
        present
            .iter()
            .rev()
            .map(|l| format!("{} {}", pick(l, lang), value(l)))
            .collect::<Vec<_>>()
            .join(" ≥ ")
    };
    let breaks = |lang: Lang| {
        broken
            .iter()
            .map(|(a, b)| {
                format!(
                    "{} {} > {} {}",
                    pick(a, lang),
                    value(a),
                    pick(b, lang),
                    value(b)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut fields = vec![path(first.0 .0, "value"), path(first.1 .0, "value")];
    for (a, b) in &broken[1..] {
        for id in [a.0, b.0] {
            let p = path(id, "value");
            if !fields.contains(&p) {
                fields.push(p);
            }
        }
    }
    let (title_vi, title_en) = match &r.name {
        Some(w) => (
            format!("Chuỗi “{}” bị đứt", w.vi),
            format!("The “{}” chain is broken", w.en),
        ),
        None => (
            "Chuỗi số liệu bị đứt".to_string(),
            "The chain of figures is broken".to_string(),
        ),
    };
    sink.push(
        rule_of(r),
        fields,
        format!(
            "{title_vi}: {}. Cần: {} (mỗi số không lớn hơn số đứng trước).",
            breaks(Lang::Vi),
            whole(Lang::Vi)
        ),
        format!(
            "{title_en}: {}. Expected: {} (each at most the one before).",
            breaks(Lang::En),
            whole(Lang::En)
        ),
    )
    .with_values(present.iter().map(|l| (l.1.clone(), value(l))).collect());
}

type Reader = fn(&Figure) -> Option<Decimal>;

fn part_of(n: &Indexed, number: Reader, part: &str, whole: &str, sink: &mut Sink) {
    let (Some(pf), Some(wf)) = (n.figure(part), n.figure(whole)) else {
        return;
    };
    let (Some(p), Some(w)) = (number(pf), number(wf)) else {
        return;
    };
    if p.cmp_value(&w).is_le() {
        return;
    }
    sink.push(
        rule!("part.le_whole"),
        vec![path(part, "value"), path(whole, "value")],
        format!(
            "“{}” ({}) lớn hơn “{}” ({}).",
            label(pf),
            figure_text(pf),
            label(wf),
            figure_text(wf)
        ),
        format!(
            "“{}” ({}) is larger than “{}” ({}).",
            label(pf),
            figure_text(pf),
            label(wf),
            figure_text(wf)
        ),
    )
    .with_values(vec![
        (label(pf).to_string(), pf.value.clone()),
        (label(wf).to_string(), wf.value.clone()),
    ]);
}

/// The parts of a total, when every one of them is given.
pub(super) struct PartsSum {
    /// The sum as the fix writes it.
    pub value: String,
    pub sum: Decimal,
    /// `Chi … 4.000.000 đồng + …`
    pub listing: String,
    /// The sum written with the total's unit.
    pub sum_text: String,
    pub fields: Vec<FieldPath>,
}

fn parts_sum(n: &Indexed, number: Reader, parts: &[String], total: &Figure) -> Option<PartsSum> {
    let figs: Vec<&Figure> = parts.iter().map(|id| n.figure(id)).collect::<Option<_>>()?;
    let values: Vec<Decimal> = figs.iter().map(|f| number(f)).collect::<Option<_>>()?;
    let (first, rest) = values.split_first()?;
    let sum = rest.iter().try_fold(*first, |a, v| add(a, *v))?;
    Some(PartsSum {
        value: show(sum),
        sum,
        listing: figs
            .iter()
            .map(|f| format!("{} {}", label(f), figure_text(f)))
            .collect::<Vec<_>>()
            .join(" + "),
        sum_text: with_value(total, sum),
        fields: parts.iter().map(|id| path(id, "value")).collect(),
    })
}

/// The sum of the parts of the first sum whose total is `total_id`, for
/// `figure.blank`'s fix.
pub(super) fn sum_of(n: &Indexed, total_id: &str) -> Option<PartsSum> {
    let total = n.figure(total_id)?;
    n.relations
        .iter()
        .find_map(|r| match &r.kind {
            RelationKind::Sum { parts, total } if total == total_id => Some((r, parts)),
            _ => None,
        })
        .and_then(|(r, parts)| parts_sum(n, reader(n, r), parts, total))
}

fn sum(n: &Indexed, number: Reader, parts: &[String], total_id: &str, sink: &mut Sink) {
    let Some(total) = n.figure(total_id) else {
        return;
    };
    let Some(stated) = number(total) else { return };
    let Some(p) = parts_sum(n, number, parts, total) else {
        return;
    };
    if stated.cmp_value(&p.sum).is_eq() {
        return;
    }
    let mut fields = vec![path(total_id, "value")];
    fields.extend(p.fields.iter().cloned());
    let mut shown = vec![(label(total).to_string(), total.value.clone())];
    shown.extend(
        parts
            .iter()
            .filter_map(|id| n.figure(id))
            .map(|f| (label(f).to_string(), f.value.clone())),
    );
    sink.push(
        rule!("sum.parts"),
        fields,
        format!(
            "“{}” là {}, nhưng các phần cộng lại: {} = {}.",
            label(total),
            figure_text(total),
            p.listing,
            p.sum_text
        ),
        format!(
            "“{}” is {}, but the parts add up to {} = {}.",
            label(total),
            figure_text(total),
            p.listing,
            p.sum_text
        ),
    )
    .with_values(shown)
    .with_fix(
        path(total_id, "value"),
        p.value.clone(),
        format!("Sửa tổng thành {}", p.sum_text),
        format!("Set the total to {}", p.sum_text),
    );
}

fn sum_at_most(n: &Indexed, number: Reader, parts: &[String], whole_id: &str, sink: &mut Sink) {
    let Some(whole) = n.figure(whole_id) else {
        return;
    };
    let Some(stated) = number(whole) else { return };
    let Some(p) = parts_sum(n, number, parts, whole) else {
        return;
    };
    if p.sum.cmp_value(&stated).is_le() {
        return;
    }
    let mut fields = vec![path(whole_id, "value")];
    fields.extend(p.fields.iter().cloned());
    let mut shown = vec![(label(whole).to_string(), whole.value.clone())];
    shown.extend(
        parts
            .iter()
            .filter_map(|id| n.figure(id))
            .map(|f| (label(f).to_string(), f.value.clone())),
    );
    sink.push(
        rule!("sum.at_most"),
        fields,
        format!(
            "“{}” là {}, nhưng riêng các phần nêu trong đó đã cộng lại: {} = {}, lớn hơn tổng.",
            label(whole),
            figure_text(whole),
            p.listing,
            p.sum_text
        ),
        format!(
            "“{}” is {}, but the parts named of it alone add up to {} = {}, more than the whole.",
            label(whole),
            figure_text(whole),
            p.listing,
            p.sum_text
        ),
    )
    .with_values(shown);
}

fn same_total(n: &Indexed, r: &Relation, figures: &[String], adds_up: bool, sink: &mut Sink) {
    let Some(parts) = figures
        .iter()
        .map(|id| n.figure(id))
        .collect::<Option<Vec<&Figure>>>()
    else {
        return;
    };
    let parsed: Option<Vec<(u64, u64)>> = parts
        .iter()
        .map(|f| Some((count(&f.value)?, count(&f.total)?)))
        .collect();
    let Some(parsed) = parsed.filter(|p| !p.is_empty()) else {
        return;
    };
    let whole = parsed[0].1;
    let sum = parsed.iter().try_fold(0u64, |a, p| a.checked_add(p.0));
    let listing = parts
        .iter()
        .map(|f| figure_text(f))
        .collect::<Vec<_>>()
        .join(", ");
    // What the total counts: the relation's name, else the unit.
    let unit = parts[0].unit.trim();
    let vi = r
        .name
        .as_ref()
        .map(|w| w.vi.trim())
        .filter(|w| !w.is_empty())
        .or((!unit.is_empty()).then_some(unit));
    let en = r
        .name
        .as_ref()
        .map(|w| w.en.trim())
        .filter(|w| !w.is_empty());
    let whole_text = format_decimal(Decimal::from_count(whole));
    if let Some(other) = parts.iter().zip(&parsed).find(|(_, p)| p.1 != whole) {
        sink.push(
            rule!("sum.grades"),
            vec![path(&other.0.id, "total"), path(&parts[0].id, "total")],
            match vi {
                Some(w) => format!("Các mức xếp loại phải cùng tổng số {w}: {listing}."),
                None => format!("Các mức xếp loại phải cùng một tổng: {listing}."),
            },
            match en {
                Some(w) => format!("All grades must be out of the same number of {w}: {listing}."),
                None => format!("All grades must be out of the same total: {listing}."),
            },
        );
    } else if adds_up && sum != Some(whole) {
        let sum_text = sum.map_or_else(|| "…".into(), |s| format_decimal(Decimal::from_count(s)));
        sink.push(rule!("sum.grades"),
            parts.iter().map(|f| path(&f.id, "value")).collect(),
            match vi {
                Some(w) => format!(
                    "Số {w} theo các mức cộng lại là {sum_text}, khác tổng số {whole_text} {w} ({listing})."
                ),
                None => format!(
                    "Các mức cộng lại là {sum_text}, khác tổng {whole_text} ({listing})."
                ),
            },
            match en {
                Some(w) => format!(
                    "{} by grade add up to {sum_text}, not the {whole_text} {w} stated ({listing}).",
                    capitalised(w)
                ),
                None => format!(
                    "The grades add up to {sum_text}, not the {whole_text} stated ({listing})."
                ),
            },
        )
        .with_values(
            parts
                .iter()
                .map(|f| (label(f).to_string(), figure_text(f)))
                .collect(),
        );
    }
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn ratio(
    n: &Indexed,
    percent: &str,
    fraction: Option<&str>,
    part: Option<&str>,
    whole: Option<&str>,
    sink: &mut Sink,
) {
    let Some(f) = n.figure(percent) else { return };
    // n/N and the fields it is read from.
    let (num, den, n_field, d_field) = match (fraction, part, whole) {
        (Some(id), _, _) => {
            let Some(fr) = n.figure(id) else { return };
            (
                count(&fr.value),
                count(&fr.total),
                path(id, "value"),
                path(id, "total"),
            )
        }
        (None, Some(p), Some(w)) => {
            let (Some(pf), Some(wf)) = (n.figure(p), n.figure(w)) else {
                return;
            };
            (
                count(&pf.value),
                count(&wf.value),
                path(p, "value"),
                path(w, "value"),
            )
        }
        _ => return,
    };
    let (Some(num), Some(den)) = (num, den) else {
        return;
    };
    let Ok(stated) = parse_decimal(percent_text(&f.value)) else {
        return;
    };
    let Some(expected) = round_half_up(num, den, stated.scale) else {
        return;
    };
    if expected == stated {
        return;
    }
    // Two more digits than stated show which way the rounding went.
    let exact = round_half_up(num, den, stated.scale.saturating_add(2))
        .map_or_else(String::new, format_decimal);
    let digits_vi = match stated.scale {
        0 => "đến hàng đơn vị".to_string(),
        s => format!("đến {s} chữ số thập phân"),
    };
    let digits_en = match stated.scale {
        0 => "to a whole number".to_string(),
        1 => "to 1 decimal".to_string(),
        s => format!("to {s} decimals"),
    };
    let want = format_decimal(expected);
    let ratio_text = format!(
        "{}/{}",
        format_decimal(Decimal::from_count(num)),
        format_decimal(Decimal::from_count(den))
    );
    sink.push(rule!("percent.ratio"),
        vec![path(percent, "value"), n_field, d_field],
        format!(
            "Tỷ lệ ghi {}% nhưng {ratio_text} = {exact}…%, làm tròn {digits_vi} (từ 5 trở lên thì làm tròn lên) là {want}%.",
            format_decimal(stated)
        ),
        format!(
            "The rate reads {}% but {ratio_text} = {exact}…%, which rounded {digits_en} (half up) is {want}%.",
            format_decimal(stated)
        ),
    )
    .with_values(vec![
        ("tỷ lệ ghi".into(), format!("{}%", format_decimal(stated))),
        ("n/N".into(), ratio_text),
        ("tỷ lệ tính".into(), format!("{want}%")),
    ])
    .with_fix(
        path(percent, "value"),
        want.clone(),
        format!("Dùng {want}%"),
        format!("Use {want}%"),
    );
}

fn product(n: &Indexed, number: Reader, amount: &str, factors: &[String], sink: &mut Sink) {
    let Some(f) = n.figure(amount) else { return };
    let Some(figs) = factors
        .iter()
        .map(|id| n.figure(id))
        .collect::<Option<Vec<&Figure>>>()
    else {
        return;
    };
    let Some(values) = figs.iter().map(|f| number(f)).collect::<Option<Vec<_>>>() else {
        return;
    };
    let Some(stated) = number(f) else { return };
    let Some((first, rest)) = values.split_first() else {
        return;
    };
    let Some(expected) = rest.iter().try_fold(*first, |a, v| mul(a, *v)) else {
        return;
    };
    if expected.cmp_value(&stated).is_eq() {
        return;
    }
    let want = with_value(f, expected);
    let times = figs
        .iter()
        .map(|f| figure_text(f))
        .collect::<Vec<_>>()
        .join(" × ");
    let mut fields = vec![path(amount, "value")];
    fields.extend(factors.iter().map(|id| path(id, "value")));
    sink.push(
        rule!("amount.product"),
        fields,
        format!(
            "“{}” ghi {}, nhưng {times} = {want}.",
            label(f),
            figure_text(f)
        ),
        format!(
            "“{}” reads {}, but {times} = {want}.",
            label(f),
            figure_text(f)
        ),
    )
    .with_fix(
        path(amount, "value"),
        show(expected),
        format!("Dùng {want}"),
        format!("Use {want}"),
    );
}

fn range(n: &Indexed, figure: &str, min: &str, max: &str, sink: &mut Sink) {
    let Some(f) = n.figure(figure) else { return };
    let Some(v) = number(f) else { return };
    let bound = |b: &str| parse_decimal(b.trim()).ok();
    let (lo, hi) = (bound(min), bound(max));
    let below = lo.is_some_and(|lo| v.cmp_value(&lo).is_lt());
    let above = hi.is_some_and(|hi| v.cmp_value(&hi).is_gt());
    if !(below || above) {
        return;
    }
    let pct = if f.kind == FigureKind::Percent {
        "%"
    } else {
        ""
    };
    let b = |d: Option<Decimal>| d.map(|d| format!("{}{pct}", show(d))).unwrap_or_default();
    let (vi, en) = match (lo, hi) {
        (Some(_), Some(_)) => (
            format!("ngoài khoảng cho phép từ {} đến {}", b(lo), b(hi)),
            format!("outside the allowed range {} to {}", b(lo), b(hi)),
        ),
        (Some(_), None) => (
            format!("nhỏ hơn mức thấp nhất cho phép là {}", b(lo)),
            format!("below the allowed minimum {}", b(lo)),
        ),
        _ => (
            format!("lớn hơn mức cao nhất cho phép là {}", b(hi)),
            format!("above the allowed maximum {}", b(hi)),
        ),
    };
    sink.push(
        rule!("figure.range"),
        vec![path(figure, "value")],
        format!("“{}” ghi {}: {vi}.", label(f), figure_text(f)),
        format!("“{}” reads {}: {en}.", label(f), figure_text(f)),
    )
    .with_values(vec![
        (label(f).to_string(), f.value.clone()),
        ("khoảng".into(), format!("{}–{}", b(lo), b(hi))),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::samples::sample;

    /// An edit of a figure re-runs the relations that read it and no other:
    /// a stale entry planted in every other relation stays.
    #[test]
    fn an_edit_rechecks_only_the_relations_reading_the_figure() {
        let mut notice = sample();
        let n = Indexed::new(&notice);
        let mut rels = Relations::new(&n, Mode::Draft);
        let planted = |r: &mut Relations| {
            for found in &mut r.found {
                found.clear();
                found.extend(run(
                    |_, sink| {
                        sink.push(rule!("text.token"), vec![], "stale".into(), "y".into());
                    },
                    &n,
                    Mode::Draft,
                ));
            }
        };
        planted(&mut rels);
        drop(n);
        crate::core::field::set(
            &mut notice,
            "fig/safe_home.recognised/value",
            "9.970".into(),
        );
        let n = Indexed::new(&notice);
        assert!(rels.edited(&n, &Field::FigValue.of("safe_home.recognised")));
        for (r, found) in notice.relations.iter().zip(&rels.found) {
            let stale = found.iter().any(|f| f.message_vi == "stale");
            assert_eq!(stale, !r.reads("safe_home.recognised"), "{}", r.id);
        }
        // The chain and the visited ≤ recognised pair: two of eleven.
        let rerun = rels
            .found
            .iter()
            .filter(|f| !f.iter().any(|f| f.message_vi == "stale"));
        assert_eq!(rerun.count(), 2);
    }
}
