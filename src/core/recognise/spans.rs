//! [`spans`]: plain text → what it states (counts with their units,
//! percentages, n/N, money, rates, durations, dates, citations).

use super::cite::citation;
use super::lex::{lex, Num, Tok, TokKind};
use super::units::{MONEY, NAMED_AT_MOST, NAMING, NOT_MONEY, NOT_UNITS, SCALE, TIME, UNITS};
use super::{Kind, Span};
use crate::core::format::number::parse_decimal;

/// Everything recognised in `text`, in order, never overlapping. Never
/// panics, whatever the text.
pub fn spans(text: &str) -> Vec<Span> {
    // Every kind of span holds a digit.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    spans_of(text, &lex(text))
}

/// [`spans`] over the text's tokens.
pub(super) fn spans_of(text: &str, toks: &[Tok]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((span, next)) = citation(text, toks, i) {
            out.push(span);
            i = next;
            continue;
        }
        if let Some((span, next)) = spelled_date(toks, i) {
            out.push(span);
            i = next;
            continue;
        }
        let next = match &toks[i].kind {
            TokKind::Num(n) => number(text, toks, i, n, &mut out),
            TokKind::Slashed(parts) => slashed(text, toks, i, parts, &mut out),
            _ => i + 1,
        };
        i = next.max(i + 1);
    }
    out
}

fn word<'a>(toks: &'a [Tok<'a>], i: usize) -> Option<&'a str> {
    toks.get(i).and_then(|t| t.kind.word())
}

fn punct(toks: &[Tok], i: usize) -> Option<char> {
    match toks.get(i).map(|t| &t.kind) {
        Some(TokKind::Punct(c)) => Some(*c),
        _ => None,
    }
}

fn prev_word<'a>(toks: &'a [Tok<'a>], i: usize) -> Option<&'a str> {
    i.checked_sub(1).and_then(|j| word(toks, j))
}

/// A unit noun at token `j`: a known unit of several words, or the word
/// there unless it is a function word. Returns the unit (lower case) and
/// the index of the token after it.
pub(super) fn unit_at(text: &str, toks: &[Tok], j: usize) -> Option<(String, usize)> {
    let w = word(toks, j)?;
    for u in UNITS {
        if !u.starts_with(w) {
            continue;
        }
        // Match the unit's words (and commas) token by token.
        let mut k = j;
        let matched = u.split(' ').all(|piece| {
            let (name, comma) = match piece.strip_suffix(',') {
                Some(n) => (n, true),
                None => (piece, false),
            };
            if word(toks, k) != Some(name) {
                return false;
            }
            k += 1;
            if comma {
                if punct(toks, k) != Some(',') {
                    return false;
                }
                k += 1;
            }
            true
        });
        if matched {
            return Some((u.to_string(), k));
        }
    }
    let _ = text;
    if NOT_UNITS.contains(&w) || TIME.contains(&w) {
        return None;
    }
    Some((w.to_string(), j + 1))
}

/// The word at `j` is money (`đồng`, `đ`, `triệu đồng`): its multiplier,
/// and the token after it.
fn money_at(toks: &[Tok], j: usize) -> Option<(u64, usize)> {
    let w = word(toks, j)?;
    if MONEY.contains(&w) {
        // `đồng bào`, `đồng chí`: not money.
        if w == "đồng" && word(toks, j + 1).is_some_and(|n| NOT_MONEY.contains(&n)) {
            return None;
        }
        return Some((1, j + 1));
    }
    let (_, scale) = SCALE.iter().find(|(s, _)| *s == w)?;
    let m = word(toks, j + 1)?;
    MONEY.contains(&m).then_some((*scale, j + 2))
}

/// The nouns after a rate's slashes (`/trẻ/ngày`, `/01 trẻ em`, `/ tháng`).
fn per_units(text: &str, toks: &[Tok], mut j: usize) -> (Vec<String>, usize) {
    let mut per = Vec::new();
    while punct(toks, j) == Some('/') {
        let mut k = j + 1;
        if matches!(toks.get(k).map(|t| &t.kind), Some(TokKind::Num(_))) {
            k += 1;
        }
        let Some(w) = word(toks, k) else { break };
        // `45,6 tỷ đồng/58,2 tỷ đồng`: an amount out of another, no rate.
        if k > j + 1 && money_at(toks, k).is_some() {
            break;
        }
        // After the first, a noun must follow its slash directly or be a
        // word of time (`200.000đ/tháng/ hỗ trợ` ends at the second slash).
        let tight = toks[k].start == toks[j].end;
        if !per.is_empty() && !tight && !TIME.contains(&w) {
            break;
        }
        let (unit, next) = match unit_at(text, toks, k) {
            Some(u) => u,
            None => (w.to_string(), k + 1),
        };
        per.push(unit);
        j = next;
    }
    (per, j)
}

fn end_of(toks: &[Tok], next: usize, fallback: usize) -> usize {
    next.checked_sub(1)
        .and_then(|j| toks.get(j))
        .map_or(fallback, |t| t.end)
}

/// A number: a percentage, money or a rate, a duration, a count.
fn number(text: &str, toks: &[Tok], i: usize, n: &Num, out: &mut Vec<Span>) -> usize {
    let t = &toks[i];
    let typed = &text[t.start..t.end];
    // A range (`2023-2024`, `200.000- 500.000 đồng`, `từ 18 đến 45 tuổi`)
    // states no one number.
    let dash = matches!(punct(toks, i + 1), Some('-' | '–'));
    let words =
        prev_word(toks, i) == Some("từ") && matches!(word(toks, i + 1), Some("đến" | "tới"));
    if (dash || words) && matches!(toks.get(i + 2).map(|t| &t.kind), Some(TokKind::Num(_))) {
        let mut j = i + 3;
        if let Some((_, next)) = money_at(toks, j) {
            j = next;
        }
        return j;
    }
    if punct(toks, i + 1) == Some('%') {
        if let Ok(value) = parse_decimal(typed) {
            out.push(Span {
                start: t.start,
                end: toks[i + 1].end,
                kind: Kind::Percent {
                    value,
                    digits: value.scale,
                },
            });
        }
        return i + 2;
    }
    if let Some((dong, next)) = compound(text, toks, i) {
        out.push(Span {
            start: t.start,
            end: toks[next - 1].end,
            kind: Kind::Money {
                dong,
                number: crate::core::format::number::format_count(dong),
                unit: "đồng".into(),
            },
        });
        return next;
    }
    if let Some((scale, next)) = money_at(toks, i + 1) {
        let Some(dong) = scaled(typed, scale) else {
            return next;
        };
        let unit_start = toks[i + 1].start;
        let unit = text[unit_start..toks[next - 1].end].to_string();
        let (mut per, after) = per_units(text, toks, next);
        let end = end_of(toks, after, t.end);
        let number = typed.to_string();
        // `mỗi hộ 50 triệu đồng`: a rate said before the amount.
        if per.is_empty() {
            per.extend(each(text, toks, i));
        }
        let kind = if per.is_empty() {
            Kind::Money { dong, number, unit }
        } else {
            Kind::Rate {
                dong,
                number,
                unit: text[unit_start..end].to_string(),
                per,
            }
        };
        out.push(Span {
            start: t.start,
            end,
            kind,
        });
        return after;
    }
    let Some(value) = n.whole() else {
        return i + 1;
    };
    // `tuổi 16`, `tháng 7` name an age, a month; in `dưới 6 tuổi 8.800
    // người`, `dưới 3 tháng 150 học viên` the number is beyond what the
    // word can name, so it counts what follows it.
    let beyond = NAMED_AT_MOST
        .iter()
        .any(|(w, most)| prev_word(toks, i) == Some(*w) && value > *most);
    if prev_word(toks, i).is_some_and(|w| NAMING.contains(&w)) && !beyond {
        return i + 1;
    }
    // After a range's dash: the range was skipped at its first number.
    if let Some(w) = word(toks, i + 1).filter(|w| TIME.contains(w)) {
        out.push(Span {
            start: t.start,
            end: toks[i + 1].end,
            kind: Kind::Duration {
                value,
                unit: w.to_string(),
            },
        });
        return i + 2;
    }
    let (unit, next) = unit_at(text, toks, i + 1).unwrap_or_default();
    let next = next.max(i + 1);
    out.push(Span {
        start: t.start,
        end: end_of(toks, next, t.end),
        kind: Kind::Count {
            value,
            unit,
            number: typed.to_string(),
        },
    });
    next
}

/// The noun of `mỗi <noun>` right before token `i` (`mỗi hộ`, `mỗi học
/// viên`, `mỗi tháng`).
fn each(text: &str, toks: &[Tok], i: usize) -> Option<String> {
    (1..=3).find_map(|len| {
        let k = i.checked_sub(len)?;
        if k == 0 || word(toks, k - 1) != Some("mỗi") {
            return None;
        }
        let w = word(toks, k)?;
        match unit_at(text, toks, k) {
            Some((unit, next)) if next == i => Some(unit),
            None if TIME.contains(&w) && k + 1 == i => Some(w.to_string()),
            _ => None,
        }
    })
}

/// `2 tỷ 500 triệu đồng`: amounts in several scales, largest first.
fn compound(text: &str, toks: &[Tok], i: usize) -> Option<(u64, usize)> {
    let mut total = 0u64;
    let mut k = i;
    let mut last_scale = u64::MAX;
    let mut parts = 0;
    loop {
        let t = toks.get(k)?;
        if !matches!(t.kind, TokKind::Num(_)) {
            return None;
        }
        let w = word(toks, k + 1)?;
        let (_, scale) = SCALE.iter().find(|(s, _)| *s == w)?;
        if *scale >= last_scale {
            return None;
        }
        total = total.checked_add(scaled(&text[t.start..t.end], *scale)?)?;
        last_scale = *scale;
        parts += 1;
        if word(toks, k + 2).is_some_and(|m| MONEY.contains(&m)) {
            return (parts > 1).then_some((total, k + 3));
        }
        k += 2;
    }
}

/// `3,45` × a billion → 3.450.000.000 (None when not a whole number of
/// đồng or too large).
fn scaled(typed: &str, scale: u64) -> Option<u64> {
    let d = parse_decimal(typed).ok().or_else(|| {
        crate::core::format::number::parse_count(typed)
            .ok()
            .map(crate::core::format::number::Decimal::from_count)
    })?;
    let pow = 10u64.checked_pow(u32::from(d.scale))?;
    let whole = u128::from(d.mantissa) * u128::from(scale);
    if whole % u128::from(pow) != 0 {
        return None;
    }
    u64::try_from(whole / u128::from(pow)).ok()
}

/// `a/b` or `a/b/c`: a date or a fraction.
fn slashed(text: &str, toks: &[Tok], i: usize, parts: &[Num], out: &mut Vec<Span>) -> usize {
    let t = &toks[i];
    let vals: Vec<Option<u64>> = parts.iter().map(Num::whole).collect();
    let lead = prev_word(toks, i);
    let start_with = |w: &[&str]| {
        if lead.is_some_and(|l| w.contains(&l)) {
            toks[i - 1].start
        } else {
            t.start
        }
    };
    let is_year = |v: u64, p: &Num| p.lead_digits == 4 && (1900..=2100).contains(&v);
    match vals.as_slice() {
        [Some(d), Some(m), Some(y)]
            if is_year(*y, &parts[2]) && (1..=31).contains(d) && (1..=12).contains(m) =>
        {
            out.push(Span {
                start: start_with(&["ngày"]),
                end: t.end,
                kind: Kind::Date {
                    day: u8::try_from(*d).ok(),
                    month: *m as u8,
                    year: u16::try_from(*y).ok(),
                },
            });
            i + 1
        }
        [Some(m), Some(y)] if is_year(*y, &parts[1]) && (1..=12).contains(m) => {
            out.push(Span {
                start: start_with(&["tháng"]),
                end: t.end,
                kind: Kind::Date {
                    day: None,
                    month: *m as u8,
                    year: u16::try_from(*y).ok(),
                },
            });
            i + 1
        }
        [Some(a), Some(b)] => {
            let day_month = (1..=31).contains(a) && (1..=12).contains(b);
            let unit = unit_at(text, toks, i + 1);
            let dated =
                lead.is_some_and(|l| ["ngày", "tết", "nhi", "hôm", "từ", "đến"].contains(&l));
            if day_month && (dated || (a > b && unit.is_none())) {
                out.push(Span {
                    start: start_with(&["ngày"]),
                    end: t.end,
                    kind: Kind::Date {
                        day: Some(*a as u8),
                        month: *b as u8,
                        year: None,
                    },
                });
                return i + 1;
            }
            let (unit, next) = unit.unwrap_or_default();
            let next = next.max(i + 1);
            out.push(Span {
                start: t.start,
                end: end_of(toks, next, t.end),
                kind: Kind::Fraction {
                    n: *a,
                    total: *b,
                    unit,
                },
            });
            next
        }
        _ => i + 1,
    }
}

/// `ngày 17 tháng 7 năm 2024`, `tháng 7 năm 2024`.
fn spelled_date(toks: &[Tok], i: usize) -> Option<(Span, usize)> {
    let num = |k: usize| match toks.get(k).map(|t| &t.kind) {
        Some(TokKind::Num(n)) => n.whole(),
        _ => None,
    };
    let (day, m) = match word(toks, i)? {
        "ngày" if word(toks, i + 2) == Some("tháng") => (Some(num(i + 1)?), i + 3),
        "tháng" => (None, i + 1),
        _ => return None,
    };
    let month = num(m)?;
    if word(toks, m + 1) != Some("năm") {
        return None;
    }
    let year = num(m + 2)?;
    let ok = day.is_none_or(|d| (1..=31).contains(&d))
        && (1..=12).contains(&month)
        && (1900..=2100).contains(&year);
    ok.then(|| {
        (
            Span {
                start: toks[i].start,
                end: toks[m + 2].end,
                kind: Kind::Date {
                    day: day.and_then(|d| u8::try_from(d).ok()),
                    month: month as u8,
                    year: u16::try_from(year).ok(),
                },
            },
            m + 3,
        )
    })
}
