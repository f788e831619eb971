//! Rules over figures: well-formed numbers, the safe-home chain, parts and
//! totals, part ≤ whole, percentages and amounts.

use super::Sink;
use crate::core::format::number::{
    format_count, format_decimal, parse_count, parse_decimal, round_half_up,
};
use crate::core::lang::Lang;
use crate::core::model::{Derive, Figure, FigureKind, Indexed};
use crate::core::render::figure_text;

/// The safe-home chain, smallest first.
const SAFE_HOME: [(&str, &str, &str); 4] = [
    ("safe_home.recognised", "được công nhận", "recognised"),
    ("safe_home.committed", "ký cam kết", "signed the commitment"),
    (
        "safe_home.with_children",
        "có trẻ em dưới 16 tuổi",
        "with children under 16",
    ),
    ("safe_home.households", "tổng số hộ", "all households"),
];

/// (total, group of its parts).
const SUMS: [(&str, &str); 4] = [
    ("signs.installed", "signs.source"),
    ("deaths.total", "deaths.cause"),
    ("screening.registered", "screening.kind"),
    ("fund.total", "fund.item"),
];

/// (part, whole).
const PART_WHOLE: [(&str, &str); 3] = [
    ("screening.examined", "screening.registered"),
    ("screening.operated", "screening.examined"),
    ("safe_home.visited", "safe_home.recognised"),
];

const GRADES: &str = "schools.grade";

/// `figure.number`: each figure's typed value.
pub(super) fn run_numbers(n: &Indexed, sink: &mut Sink) {
    numbers(n, sink);
}

/// The rules between figures, in the order their findings are listed.
pub(super) fn run(n: &Indexed, sink: &mut Sink) {
    chain(n, sink);
    sums(n, sink);
    grades(n, sink);
    part_whole(n, sink);
    fractions(n, sink);
    derived(n, sink);
}

fn path(id: &str, part: &str) -> String {
    format!("fig/{id}/{part}")
}

fn label(f: &Figure) -> &str {
    if f.label.trim().is_empty() {
        &f.id
    } else {
        f.label.trim()
    }
}

/// The parsed whole-number value of a field, or `None` when blank, absent
/// or malformed (malformed values are reported by `figure.number` alone).
fn count(raw: &str) -> Option<u64> {
    parse_count(raw).ok()
}

fn value_of(n: &Indexed, id: &str) -> Option<u64> {
    n.figure(id).and_then(|f| count(&f.value))
}

fn percent_text(raw: &str) -> &str {
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
                        "figure.number",
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
        let parts = (part == "value").then(|| parts_sum(n, &f.id)).flatten();
        let (vi, en) = match &parts {
            Some(p) => (
                format!(
                    "«{}» được nêu trong văn bản nhưng chưa ghi; các khoản đã có: {} = {}.",
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
                    "Số liệu «{}» được nêu trong văn bản nhưng chưa điền.",
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
        let finding = sink.push("figure.blank", fields, vi, en);
        if let Some(p) = parts {
            finding.with_fix(
                path(&f.id, "value"),
                format_count(p.sum),
                format!("Ghi {}", p.sum_text),
                format!("Use {}", p.sum_text),
            );
        }
    }
}

/// The parts of a total (see [`SUMS`]), when every one of them is given.
struct PartsSum {
    sum: u64,
    /// `Chi … 4.000.000 đồng + …`
    listing: String,
    /// The sum written with the total's unit.
    sum_text: String,
    fields: Vec<String>,
}

fn parts_sum(n: &Indexed, total_id: &str) -> Option<PartsSum> {
    let (_, g) = SUMS.iter().find(|(t, _)| *t == total_id)?;
    let total = n.figure(total_id)?;
    let parts = group(n, g);
    let values: Vec<u64> = parts
        .iter()
        .map(|f| count(&f.value))
        .collect::<Option<_>>()?;
    if values.is_empty() {
        return None;
    }
    let sum = values.iter().try_fold(0u64, |a, v| a.checked_add(*v))?;
    Some(PartsSum {
        sum,
        listing: parts
            .iter()
            .map(|f| format!("{} {}", label(f), figure_text(f)))
            .collect::<Vec<_>>()
            .join(" + "),
        sum_text: figure_text(&Figure {
            value: format_count(sum),
            ..total.clone()
        }),
        fields: parts.iter().map(|f| path(&f.id, "value")).collect(),
    })
}

fn chain(n: &Indexed, sink: &mut Sink) {
    let links: Vec<(&str, &str, &str, Option<u64>)> = SAFE_HOME
        .iter()
        .map(|(id, vi, en)| (*id, *vi, *en, value_of(n, id)))
        .collect();
    let present: Vec<_> = links.iter().filter(|l| l.3.is_some()).collect();
    let broken: Vec<_> = present
        .windows(2)
        .filter(|w| w[0].3 > w[1].3)
        .map(|w| (w[0], w[1]))
        .collect();
    let Some(first) = broken.first() else { return };
    let show = |lang: Lang| {
        present
            .iter()
            .rev()
            .map(|l| {
                let name = lang.pick(l.1, l.2);
                format!("{name} {}", format_count(l.3.unwrap_or(0)))
            })
            .collect::<Vec<_>>()
            .join(" ≥ ")
    };
    let breaks = |lang: Lang| {
        broken
            .iter()
            .map(|(a, b)| {
                format!(
                    "{} {} > {} {}",
                    lang.pick(a.1, a.2),
                    format_count(a.3.unwrap_or(0)),
                    lang.pick(b.1, b.2),
                    format_count(b.3.unwrap_or(0))
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
    let values = present
        .iter()
        .map(|l| (l.1.to_string(), format_count(l.3.unwrap_or(0))))
        .collect();
    sink.push(
        "chain.safe_home",
        fields,
        format!(
            "Chuỗi «Ngôi nhà an toàn» bị đứt: {}. Cần: {} (mỗi số không lớn hơn số đứng trước).",
            breaks(Lang::Vi),
            show(Lang::Vi)
        ),
        format!(
            "The “safe home” chain is broken: {}. Expected: {} (each at most the one before).",
            breaks(Lang::En),
            show(Lang::En)
        ),
    )
    .with_values(values);
}

fn group<'a>(n: &'a Indexed, g: &str) -> Vec<&'a Figure> {
    n.figures.iter().filter(|f| f.group == g).collect()
}

fn sums(n: &Indexed, sink: &mut Sink) {
    for (total_id, g) in SUMS {
        let Some(total) = n.figure(total_id) else {
            continue;
        };
        let Some(stated) = count(&total.value) else {
            continue;
        };
        let Some(p) = parts_sum(n, total_id) else {
            continue;
        };
        if stated == p.sum {
            continue;
        }
        let mut fields = vec![path(total_id, "value")];
        fields.extend(p.fields.iter().cloned());
        let mut shown = vec![(label(total).to_string(), total.value.clone())];
        shown.extend(
            group(n, g)
                .iter()
                .map(|f| (label(f).to_string(), f.value.clone())),
        );
        sink.push(
            "sum.parts",
            fields,
            format!(
                "«{}» là {}, nhưng các phần cộng lại: {} = {}.",
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
            format_count(p.sum),
            format!("Sửa tổng thành {}", p.sum_text),
            format!("Set the total to {}", p.sum_text),
        );
    }
}

fn grades(n: &Indexed, sink: &mut Sink) {
    let parts = group(n, GRADES);
    let parsed: Option<Vec<(u64, u64)>> = parts
        .iter()
        .map(|f| Some((count(&f.value)?, count(&f.total)?)))
        .collect();
    let Some(parsed) = parsed.filter(|p| !p.is_empty()) else {
        return;
    };
    let whole = parsed[0].1;
    let sum = parsed.iter().try_fold(0u64, |a, p| a.checked_add(p.0));
    let fields: Vec<String> = parts.iter().map(|f| path(&f.id, "value")).collect();
    let listing = parts
        .iter()
        .map(|f| figure_text(f))
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(other) = parts.iter().zip(&parsed).find(|(_, p)| p.1 != whole) {
        sink.push(
            "sum.grades",
            vec![path(&other.0.id, "total"), path(&parts[0].id, "total")],
            format!("Các mức xếp loại phải cùng tổng số trường: {listing}."),
            format!("All grades must be out of the same number of schools: {listing}."),
        );
    } else if sum != Some(whole) {
        let sum_text = sum.map_or_else(|| "…".into(), format_count);
        sink.push(
            "sum.grades",
            fields,
            format!(
                "Số trường theo các mức cộng lại là {sum_text}, khác tổng số {} trường ({listing}).",
                format_count(whole)
            ),
            format!(
                "Schools by grade add up to {sum_text}, not the {} schools stated ({listing}).",
                format_count(whole)
            ),
        )
        .with_values(parts.iter().map(|f| (label(f).to_string(), figure_text(f))).collect());
    }
}

fn part_whole(n: &Indexed, sink: &mut Sink) {
    for (part_id, whole_id) in PART_WHOLE {
        let (Some(pf), Some(wf)) = (n.figure(part_id), n.figure(whole_id)) else {
            continue;
        };
        let (Some(p), Some(w)) = (count(&pf.value), count(&wf.value)) else {
            continue;
        };
        if p > w {
            sink.push(
                "part.le_whole",
                vec![path(part_id, "value"), path(whole_id, "value")],
                format!(
                    "«{}» ({}) lớn hơn «{}» ({}).",
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
    }
}

fn fractions(n: &Indexed, sink: &mut Sink) {
    for f in n.figures.iter().filter(|f| f.kind == FigureKind::Fraction) {
        let (Some(v), Some(t)) = (count(&f.value), count(&f.total)) else {
            continue;
        };
        if t == 0 || v > t {
            let (vi, en) = if t == 0 {
                ("mẫu số N bằng 0", "the whole N is 0")
            } else {
                ("n lớn hơn N", "n is larger than N")
            };
            sink.push(
                "fraction.le_whole",
                vec![path(&f.id, "value"), path(&f.id, "total")],
                format!("«{}» ghi {}: {vi}.", label(f), figure_text(f)),
                format!("“{}” reads {}: {en}.", label(f), figure_text(f)),
            )
            .with_values(vec![
                ("n".into(), f.value.clone()),
                ("N".into(), f.total.clone()),
            ]);
        }
    }
}

fn derived(n: &Indexed, sink: &mut Sink) {
    for f in &n.figures {
        match &f.derive {
            Some(Derive::Ratio { fraction }) => ratio(n, sink, f, fraction),
            Some(Derive::Product { count: c, rate }) => product(n, sink, f, c, rate),
            None => {}
        }
    }
}

fn ratio(n: &Indexed, sink: &mut Sink, f: &Figure, fraction: &str) {
    let Some(fr) = n.figure(fraction) else { return };
    let (Some(num), Some(den)) = (count(&fr.value), count(&fr.total)) else {
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
    let ratio_text = format!("{}/{}", format_count(num), format_count(den));
    sink.push(
        "percent.ratio",
        vec![path(&f.id, "value"), path(fraction, "value"), path(fraction, "total")],
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
    .with_fix(path(&f.id, "value"), want.clone(), format!("Dùng {want}%"), format!("Use {want}%"));
}

fn product(n: &Indexed, sink: &mut Sink, f: &Figure, count_id: &str, rate_id: &str) {
    let (Some(cf), Some(rf)) = (n.figure(count_id), n.figure(rate_id)) else {
        return;
    };
    let (Some(c), Some(r), Some(amount)) = (count(&cf.value), count(&rf.value), count(&f.value))
    else {
        return;
    };
    let Some(expected) = c.checked_mul(r) else {
        return;
    };
    if expected == amount {
        return;
    }
    let want = figure_text(&Figure {
        value: format_count(expected),
        ..f.clone()
    });
    sink.push(
        "amount.product",
        vec![
            path(&f.id, "value"),
            path(count_id, "value"),
            path(rate_id, "value"),
        ],
        format!(
            "«{}» ghi {}, nhưng {} × {} = {want}.",
            label(f),
            figure_text(f),
            figure_text(cf),
            figure_text(rf)
        ),
        format!(
            "“{}” reads {}, but {} × {} = {want}.",
            label(f),
            figure_text(f),
            figure_text(cf),
            figure_text(rf)
        ),
    )
    .with_fix(
        path(&f.id, "value"),
        format_count(expected),
        format!("Dùng {want}"),
        format!("Use {want}"),
    );
}
