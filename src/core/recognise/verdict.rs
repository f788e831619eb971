//! [`verdict`]: whether a relation stated in words holds, and if not, what
//! to tell the officer — quoting the numbers as they typed them, with a
//! fix where one can be computed (the percentage n/N rounds to).

use super::stated::{Stated, StatedKind};
use super::units::SCALE;
use super::{Kind, Span};
use crate::core::format::number::{format_count, format_decimal, round_half_up};

/// A stated relation that does not hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub message_vi: String,
    pub message_en: String,
    /// The values compared, as (label, value as typed).
    pub values: Vec<(String, String)>,
    /// Replace the text at this span (index) with this, when a fix can be
    /// computed.
    pub fix: Option<(usize, String)>,
}

/// Which rule a problem is reported under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A part (or the parts named "trong đó") larger than the whole.
    PartOf,
    /// Parts that do not add up to their total.
    Sum,
    /// A percentage that is not its n/N.
    Ratio,
    /// n/N with n > N, or N = 0.
    Fraction,
    /// An amount that is not count × rate (× duration).
    Product,
}

impl ProblemKind {
    pub fn rule_id(self) -> &'static str {
        match self {
            ProblemKind::PartOf => "prose.part_of",
            ProblemKind::Sum => "prose.sum",
            ProblemKind::Ratio => "prose.ratio",
            ProblemKind::Fraction => "prose.fraction",
            ProblemKind::Product => "prose.product",
        }
    }
}

fn add_all(spans: &[Span], parts: &[usize]) -> Option<u64> {
    parts
        .iter()
        .try_fold(0u64, |acc, &i| acc.checked_add(spans[i].amount()?))
}

/// `value` đồng in the scale a unit names (`triệu đồng` → `3.350`,
/// `tỷ đồng` → `3,35`), when it has one and the value is a whole number
/// of its thousandths.
fn in_scale(unit: &str, value: u64) -> Option<String> {
    let first = unit.split(' ').next()?;
    let (_, scale) = SCALE.iter().find(|(s, _)| *s == first)?;
    let (int, rest) = (value / scale, value % scale);
    if rest == 0 {
        return Some(format_count(int));
    }
    // Up to three decimals, as offices write amounts (`1.234,5 triệu`).
    let milli = scale / 1000;
    if milli == 0 || rest % milli != 0 {
        return None;
    }
    let frac = format!("{:03}", rest / milli);
    Some(format!(
        "{},{}",
        format_count(int),
        frac.trim_end_matches('0')
    ))
}

/// The sum written as the parts are (`150 hộ`, `3.000.000 đồng`, `3,35 tỷ
/// đồng`).
fn like(spans: &[Span], i: usize, value: u64) -> String {
    match &spans[i].kind {
        Kind::Count { unit, .. } if !unit.is_empty() => format!("{} {unit}", format_count(value)),
        Kind::Money { unit, .. } if in_scale(unit, value).is_some() => {
            format!("{} {unit}", in_scale(unit, value).unwrap_or_default())
        }
        Kind::Money { unit, .. } if unit == "đ" => format!("{}đ", format_count(value)),
        Kind::Money { unit, .. } if !unit.contains(' ') => {
            format!("{} {unit}", format_count(value))
        }
        Kind::Money { .. } => format!("{} đồng", format_count(value)),
        _ => format_count(value),
    }
}

/// Checks one stated relation over `spans` of `text`.
pub fn verdict(text: &str, spans: &[Span], stated: &Stated) -> Option<Problem> {
    let typed = |i: usize| spans[i].typed(text).to_string();
    let joined = |parts: &[usize]| {
        parts
            .iter()
            .map(|&i| typed(i))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    match &stated.kind {
        StatedKind::PartOf { part, whole } => {
            let (p, w) = (spans[*part].amount()?, spans[*whole].amount()?);
            (p > w).then(|| Problem {
                kind: ProblemKind::PartOf,
                message_vi: format!(
                    "{} lớn hơn {}: phần nêu “trong đó” không thể lớn hơn tổng số.",
                    typed(*part),
                    typed(*whole)
                ),
                message_en: format!(
                    "{} is more than {}: a part stated “trong đó” (of which) cannot exceed the whole.",
                    typed(*part),
                    typed(*whole)
                ),
                values: vec![("tổng".into(), typed(*whole)), ("trong đó".into(), typed(*part))],
                fix: None,
            })
        }
        StatedKind::SumAtMost { parts, whole } => {
            let (s, w) = (add_all(spans, parts)?, spans[*whole].amount()?);
            (s > w).then(|| {
                let sum = like(spans, parts[0], s);
                Problem {
                    kind: ProblemKind::PartOf,
                    message_vi: format!(
                        "Các phần nêu ra ({} = {sum}) lớn hơn tổng số {}.",
                        joined(parts),
                        typed(*whole)
                    ),
                    message_en: format!(
                        "The parts named ({} = {sum}) are more than the whole, {}.",
                        joined(parts),
                        typed(*whole)
                    ),
                    values: vec![
                        ("tổng".into(), typed(*whole)),
                        ("cộng các phần".into(), sum),
                    ],
                    fix: None,
                }
            })
        }
        StatedKind::Sum { parts, total } => {
            let (s, t) = (add_all(spans, parts)?, spans[*total].amount()?);
            (s != t).then(|| {
                let sum = like(spans, parts[0], s);
                let number = format_count(s);
                Problem {
                    kind: ProblemKind::Sum,
                    message_vi: format!(
                        "Các phần cộng lại {} = {sum}, không bằng tổng số {}.",
                        joined(parts),
                        typed(*total)
                    ),
                    message_en: format!(
                        "The parts add up to {} = {sum}, not to the total, {}.",
                        joined(parts),
                        typed(*total)
                    ),
                    values: vec![
                        ("tổng ghi".into(), typed(*total)),
                        ("cộng các phần".into(), sum.clone()),
                    ],
                    fix: Some((*total, like(spans, *total, s))).filter(|_| !number.is_empty()),
                }
            })
        }
        StatedKind::Fraction { fraction } => {
            let Kind::Fraction { n, total, .. } = spans[*fraction].kind else {
                return None;
            };
            let t = typed(*fraction);
            if total == 0 {
                return Some(Problem {
                    kind: ProblemKind::Fraction,
                    message_vi: format!("{t}: số sau dấu / (tổng số) không thể bằng 0."),
                    message_en: format!("{t}: the number after the slash (the whole) cannot be 0."),
                    values: vec![("n/N".into(), t)],
                    fix: None,
                });
            }
            (n > total).then(|| Problem {
                kind: ProblemKind::Fraction,
                message_vi: format!(
                    "{t}: {} lớn hơn tổng số {} — phần không thể lớn hơn tổng.",
                    format_count(n),
                    format_count(total)
                ),
                message_en: format!(
                    "{t}: {} is more than the whole, {} — a part cannot exceed it.",
                    format_count(n),
                    format_count(total)
                ),
                values: vec![("n/N".into(), t)],
                fix: None,
            })
        }
        StatedKind::Ratio {
            percent,
            fraction,
            part,
            whole,
        } => {
            let Kind::Percent { value, digits } = spans[*percent].kind else {
                return None;
            };
            let (num, den, of) = match (fraction, part, whole) {
                (Some(f), _, _) => match spans[*f].kind {
                    Kind::Fraction { n, total, .. } => (n, total, String::new()),
                    _ => return None,
                },
                (None, Some(p), Some(w)) => (
                    spans[*p].amount()?,
                    spans[*w].amount()?,
                    format!(" ({} trên {})", typed(*p), typed(*w)),
                ),
                _ => return None,
            };
            let expected = round_half_up(num, den, digits)?;
            if expected.cmp_value(&value).is_eq() {
                return None;
            }
            let exact = round_half_up(num, den, digits.saturating_add(2))
                .map_or_else(String::new, format_decimal);
            let want = format_decimal(expected);
            let ratio = format!("{}/{}", format_count(num), format_count(den));
            let (dv, de) = match digits {
                0 => (
                    "đến hàng đơn vị".to_string(),
                    "to a whole number".to_string(),
                ),
                1 => (
                    "đến 1 chữ số thập phân".to_string(),
                    "to 1 decimal".to_string(),
                ),
                d => (
                    format!("đến {d} chữ số thập phân"),
                    format!("to {d} decimals"),
                ),
            };
            let stated_pct = typed(*percent);
            let of_en = of.replace(" trên ", " out of ");
            Some(Problem {
                kind: ProblemKind::Ratio,
                message_vi: format!(
                    "Tỷ lệ ghi {stated_pct} nhưng {ratio}{of} = {exact}…%, làm tròn {dv} là {want}%."
                ),
                message_en: format!(
                    "The rate reads {stated_pct} but {ratio}{of_en} = {exact}…%, which rounded {de} (half up) is {want}%."
                ),
                values: vec![
                    ("tỷ lệ ghi".into(), stated_pct),
                    ("n/N".into(), ratio),
                    ("tỷ lệ tính".into(), format!("{want}%")),
                ],
                fix: Some((*percent, format!("{want}%"))),
            })
        }
        StatedKind::Product { amount, factors } => {
            let value = |i: usize| -> Option<u64> {
                match &spans[i].kind {
                    Kind::Rate { dong, .. } => Some(*dong),
                    _ => spans[i].amount(),
                }
            };
            let product = factors
                .iter()
                .try_fold(1u64, |acc, &i| acc.checked_mul(value(i)?))?;
            let a = spans[*amount].amount()?;
            (product != a).then(|| {
                let shown = like(spans, *amount, product);
                let terms = factors
                    .iter()
                    .map(|&i| typed(i))
                    .collect::<Vec<_>>()
                    .join(" × ");
                Problem {
                    kind: ProblemKind::Product,
                    message_vi: format!("{terms} = {shown}, không phải {}.", typed(*amount)),
                    message_en: format!("{terms} = {shown}, not {}.", typed(*amount)),
                    values: vec![
                        ("số tiền ghi".into(), typed(*amount)),
                        ("số tiền tính".into(), shown.clone()),
                    ],
                    fix: Some((*amount, shown)),
                }
            })
        }
    }
}
