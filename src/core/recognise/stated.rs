//! [`relations`]: the relations a sentence states in words between the
//! numbers [`spans`](super::spans) found — only where the words say so,
//! and only between numbers of the same unit.
//!
//! - "X …, trong đó Y …": Y ≤ X; several parts in one clause add up to at
//!   most X (to X exactly when they are a full breakdown: nam …, nữ …);
//!   parts in later clauses (after `;`) are each at most X.
//! - "X (a; b)": the parts in brackets after a count add up to at most it.
//! - "X gồm: a; b; c", "tổng số X, gồm: …": the parts add up to X (at
//!   most X when the list ends with `…` or `khác`).
//! - "n/N tỷ lệ Z%", "Z% (n/N)", "n/N xã đạt chuẩn (Z%)", "Y …, chiếm Z%
//!   tổng số X …", "Y …, đạt Z% kế hoạch (X …)", "trong đó Y (Z%)": Z is
//!   n/N.
//! - "n/N xã": n ≤ N.
//! - "N trẻ … R đồng/trẻ/ngày … D ngày … tổng kinh phí A đồng" (or "mỗi
//!   trẻ R đồng"): A = N × R × D.

use super::lex::{lex, Tok, TokKind};
use super::units::{
    AMOUNT_WORDS, CHANGE, COMPLEMENTS, NO_RELATION, RATIO_LINKS, SHARE, TIME, WHOLE_AFTER,
};
use super::{spans, Kind, Span};

/// A relation stated in words, between spans (indices into the spans it
/// was recognised over), within the sentence at `start..end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stated {
    pub kind: StatedKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatedKind {
    /// "X, trong đó Y": part ≤ whole.
    PartOf { part: usize, whole: usize },
    /// "X, trong đó a, b": a + b ≤ X.
    SumAtMost { parts: Vec<usize>, whole: usize },
    /// "X gồm: a; b; c", or a full breakdown: a + b + c = X.
    Sum { parts: Vec<usize>, total: usize },
    /// A percentage and its n/N: a fraction, or a part and a whole.
    Ratio {
        percent: usize,
        fraction: Option<usize>,
        part: Option<usize>,
        whole: Option<usize>,
    },
    /// n/N: n ≤ N.
    Fraction { fraction: usize },
    /// amount = count × rate (× duration).
    Product { amount: usize, factors: Vec<usize> },
}

impl StatedKind {
    /// The spans it relates.
    pub fn members(&self) -> Vec<usize> {
        match self {
            StatedKind::PartOf { part, whole } => vec![*whole, *part],
            StatedKind::SumAtMost { parts, whole } => std::iter::once(*whole)
                .chain(parts.iter().copied())
                .collect(),
            StatedKind::Sum { parts, total } => std::iter::once(*total)
                .chain(parts.iter().copied())
                .collect(),
            StatedKind::Ratio {
                percent,
                fraction,
                part,
                whole,
            } => std::iter::once(*percent)
                .chain([*fraction, *part, *whole].into_iter().flatten())
                .collect(),
            StatedKind::Fraction { fraction } => vec![*fraction],
            StatedKind::Product { amount, factors } => std::iter::once(*amount)
                .chain(factors.iter().copied())
                .collect(),
        }
    }
}

/// The relations `text` states (over `spans(text)`).
pub fn relations(text: &str) -> Vec<Stated> {
    relations_over(text, &spans(text))
}

/// Where each token stands: its sentence, clause (between `;`) and
/// bracket depth.
struct Place {
    sentence: usize,
    clause: usize,
    depth: usize,
}

/// The relations `text` states over `spans` (which must be `spans(text)`,
/// or spans of the same text in the same order).
pub fn relations_over(text: &str, spans: &[Span]) -> Vec<Stated> {
    if spans.is_empty() {
        return Vec::new();
    }
    relations_of(text, &lex(text), spans)
}

/// [`relations_over`] with the text's tokens.
pub(super) fn relations_of(text: &str, toks: &[Tok], spans: &[Span]) -> Vec<Stated> {
    if spans.is_empty() {
        return Vec::new();
    }
    let places = places(text, toks);
    // Each span's first and one-past-last token.
    let at: Vec<(usize, usize)> = spans
        .iter()
        .map(|s| {
            let a = toks.partition_point(|t| t.end <= s.start);
            let b = toks.partition_point(|t| t.start < s.end);
            (a.min(toks.len().saturating_sub(1)), b.max(a + 1))
        })
        .collect();
    let cx = Cx {
        text,
        toks,
        places: &places,
        spans,
        at: &at,
    };
    let mut out = Vec::new();
    if toks.is_empty() {
        return out;
    }
    for (i, s) in spans.iter().enumerate() {
        if matches!(s.kind, Kind::Fraction { .. }) {
            out.push(cx.stated(StatedKind::Fraction { fraction: i }, i));
        }
    }
    let mut wholes: Vec<(usize, usize)> = Vec::new();
    for k in 0..toks.len() {
        match toks[k].kind.word() {
            Some("trong") if word(toks, k + 1) == Some("đó") => {
                cx.of_which(k, 2, &mut out, &mut wholes)
            }
            Some("trong") if word(toks, k + 1) == Some("số") && word(toks, k + 2) == Some("đó") => {
                cx.of_which(k, 3, &mut out, &mut wholes)
            }
            Some("gồm") => cx.made_of(k, &mut out),
            _ => {}
        }
        if matches!(toks[k].kind, TokKind::Punct('(')) {
            cx.bracketed(k, &mut out);
        }
    }
    for (i, s) in spans.iter().enumerate() {
        if matches!(s.kind, Kind::Percent { .. }) {
            cx.ratio(i, &wholes, &mut out);
        }
        if matches!(s.kind, Kind::Rate { .. }) {
            cx.product(i, &mut out);
        }
    }
    out
}

fn word<'a>(toks: &'a [Tok<'a>], i: usize) -> Option<&'a str> {
    toks.get(i).and_then(|t| t.kind.word())
}

fn places(text: &str, toks: &[Tok]) -> Vec<Place> {
    let (mut sentence, mut clause, mut depth) = (0, 0, 0usize);
    let mut out = Vec::with_capacity(toks.len());
    for (k, t) in toks.iter().enumerate() {
        out.push(Place {
            sentence,
            clause,
            depth,
        });
        match t.kind {
            TokKind::Punct('(') => depth += 1,
            TokKind::Punct(')') => depth = depth.saturating_sub(1),
            TokKind::Punct(';') => clause += 1,
            TokKind::Punct('.' | '!' | '?' | '…') => {
                let after = &text[t.end..];
                let ends = after.is_empty()
                    || after.starts_with(char::is_whitespace)
                    || toks.get(k + 1).is_some_and(|n| n.start > t.end);
                let more_dots = after.starts_with(['.', '…']);
                if ends && !more_dots {
                    sentence += 1;
                    clause += 1;
                    depth = 0;
                }
            }
            TokKind::Punct('\n') => {}
            _ => {}
        }
        if text[t.end..].starts_with(['\n', '\r']) {
            sentence += 1;
            clause += 1;
            depth = 0;
        }
    }
    out
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
    places: &'a [Place],
    spans: &'a [Span],
    at: &'a [(usize, usize)],
}

/// The first word of a unit, which units must share to be compared
/// (`hộ` and `hộ gia đình`, `trẻ` and `trẻ em`).
fn head(unit: &str) -> &str {
    unit.split([' ', ',']).next().unwrap_or(unit)
}

impl Cx<'_> {
    fn place(&self, span: usize) -> &Place {
        &self.places[self.at[span].0.min(self.places.len() - 1)]
    }

    fn stated(&self, kind: StatedKind, anchor: usize) -> Stated {
        let members = kind.members();
        let start = members
            .iter()
            .map(|&m| self.spans[m].start)
            .min()
            .unwrap_or(0);
        let end = members
            .iter()
            .map(|&m| self.spans[m].end)
            .max()
            .unwrap_or(0);
        let _ = anchor;
        Stated { kind, start, end }
    }

    /// A quantity that can be compared: a count with a unit (not an age),
    /// or money. Its unit's head.
    fn quantity(&self, i: usize) -> Option<&str> {
        let s = &self.spans[i];
        match &s.kind {
            Kind::Count { unit, .. } if !unit.is_empty() && !NO_RELATION.contains(&head(unit)) => {
                Some(head(unit))
            }
            Kind::Money { .. } => Some("đồng"),
            _ => None,
        }
    }

    /// Spans starting within tokens `a..b`.
    fn within(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.spans.len()).filter(move |&i| (a..b).contains(&self.at[i].0))
    }

    /// The token index where the sentence of token `k` ends.
    fn sentence_end(&self, k: usize) -> usize {
        let Some(s) = self.places.get(k).map(|p| p.sentence) else {
            return self.toks.len();
        };
        (k..self.toks.len())
            .find(|&j| self.places[j].sentence != s)
            .unwrap_or(self.toks.len())
    }

    fn sentence_start(&self, k: usize) -> usize {
        let s = self.places[k].sentence;
        (0..=k)
            .rev()
            .take_while(|&j| self.places[j].sentence == s)
            .last()
            .unwrap_or(k)
    }

    /// The end of what follows token `k` at its depth: the sentence's end
    /// or the bracket that closes around it.
    fn scope_end(&self, k: usize) -> usize {
        let end = self.sentence_end(k);
        let Some(d) = self.places.get(k).map(|p| p.depth) else {
            return end;
        };
        (k + 1..end)
            .find(|&j| self.places[j].depth < d)
            .unwrap_or(end)
    }

    /// "X …, trong đó Y …" at token `k` (`len` words).
    fn of_which(
        &self,
        k: usize,
        len: usize,
        out: &mut Vec<Stated>,
        wholes: &mut Vec<(usize, usize)>,
    ) {
        let end = self.scope_end(k);
        let depth = self.places[k].depth;
        // Parts end at the next "trong đó" or "gồm".
        let stop = (k + len..end)
            .find(|&j| {
                (word(self.toks, j) == Some("trong")
                    && matches!(word(self.toks, j + 1), Some("đó" | "số")))
                    || word(self.toks, j) == Some("gồm")
            })
            .unwrap_or(end);
        let after: Vec<usize> = self
            .within(k + len, stop)
            .filter(|&i| self.quantity(i).is_some())
            .collect();
        let Some(&first) = after.first() else { return };
        let h = self.quantity(first).unwrap_or("");
        // "… 1.200 hộ. Trong đó: …" looks back into the sentence before.
        let mut start = self.sentence_start(k);
        if start == k && start > 0 {
            start = self.sentence_start(start - 1);
        }
        let Some(whole) = self
            .within(start, k)
            .filter(|&i| self.quantity(i) == Some(h) && self.place(i).depth <= depth)
            .last()
        else {
            return;
        };
        let listed = matches!(
            self.toks.get(k + len).map(|t| &t.kind),
            Some(TokKind::Punct(':'))
        );
        let first_clause = self.place(first).clause;
        let (mut same, mut later) = (Vec::new(), Vec::new());
        for i in after {
            if self.quantity(i) != Some(h) || self.place(i).depth != self.place(first).depth {
                continue;
            }
            if listed || self.place(i).clause == first_clause {
                same.push(i);
            } else {
                later.push(i);
            }
        }
        // "45 cơ sở; trong đó 40 cơ sở đạt, 5 cơ sở không đạt, xử phạt 3
        // cơ sở": once the first parts make up the whole exactly, what
        // follows counts something else among it.
        let whole_value = self.spans[whole].amount();
        let mut running = 0u64;
        if let Some(k) = same.iter().position(|&i| {
            running = running.saturating_add(self.spans[i].amount().unwrap_or(0));
            Some(running) == whole_value
        }) {
            for i in same.split_off(k + 1) {
                later.push(i);
            }
        }
        for &p in &same {
            wholes.push((p, whole));
        }
        let kind = match same.as_slice() {
            [] => None,
            [part] => Some(StatedKind::PartOf { part: *part, whole }),
            [a, b] if self.complements(*a, *b) => Some(StatedKind::Sum {
                parts: same.clone(),
                total: whole,
            }),
            _ => Some(StatedKind::SumAtMost {
                parts: same.clone(),
                whole,
            }),
        };
        if let Some(kind) = kind {
            out.push(self.stated(kind, whole));
        }
        for part in later {
            wholes.push((part, whole));
            out.push(self.stated(StatedKind::PartOf { part, whole }, whole));
        }
    }

    /// The words right around span `i` (two before, one after).
    fn near(&self, i: usize) -> Vec<&str> {
        let (a, b) = self.at[i];
        let mut w = Vec::new();
        for j in [a.wrapping_sub(2), a.wrapping_sub(1), b] {
            if let Some(x) = word(self.toks, j) {
                w.push(x);
            }
        }
        w
    }

    /// Two parts that together are the whole: `nam …`, `nữ …`.
    fn complements(&self, a: usize, b: usize) -> bool {
        let (wa, wb) = (self.near(a), self.near(b));
        COMPLEMENTS
            .iter()
            .any(|(x, y)| (wa.contains(x) && wb.contains(y)) || (wa.contains(y) && wb.contains(x)))
    }

    /// "X gồm: a; b; c" at token `k`.
    fn made_of(&self, k: usize, out: &mut Vec<Stated>) {
        let start = self.sentence_start(k);
        let depth = self.places[k].depth;
        let clause = self.places[k].clause;
        // The whole: the last quantity before "gồm" in its clause, with
        // nothing but words between.
        let Some(total) = self
            .within(start, k)
            .filter(|&i| {
                self.quantity(i).is_some()
                    && self.place(i).depth == depth
                    && self.place(i).clause == clause
            })
            .last()
        else {
            return;
        };
        // "tổng số 68.215 người, gồm: …": words, or the comma before "gồm".
        if (self.at[total].1..k)
            .any(|j| !matches!(self.toks[j].kind, TokKind::Word(_) | TokKind::Punct(',')))
        {
            return;
        }
        let h = self.quantity(total).unwrap_or("");
        let end = self.scope_end(k);
        let stop = (k + 1..end)
            .find(|&j| word(self.toks, j) == Some("trong") && word(self.toks, j + 1) == Some("đó"))
            .unwrap_or(end);
        let parts: Vec<usize> = self
            .within(k + 1, stop)
            .filter(|&i| self.quantity(i) == Some(h))
            .collect();
        if parts.len() < 2 {
            return;
        }
        let last = parts[parts.len() - 1];
        let tail = &self.text
            [self.spans[last].end..self.toks.get(stop).map_or(self.text.len(), |t| t.start)];
        let open = tail.contains("...")
            || tail.contains('…')
            || tail.contains("khác")
            || tail.contains("v.v");
        let kind = if open {
            StatedKind::SumAtMost {
                parts,
                whole: total,
            }
        } else {
            StatedKind::Sum { parts, total }
        };
        out.push(self.stated(kind, total));
    }

    /// "X (a; b)": parts in brackets right after a count add up to at most it.
    fn bracketed(&self, k: usize, out: &mut Vec<Stated>) {
        // The quantity whose unit ends right before the bracket, or with
        // a few words between (`21 biển cảnh báo … (…)` is too far).
        let Some(whole) = (0..self.spans.len()).find(|&i| {
            self.at[i].1 <= k
                && k - self.at[i].1 <= 6
                && self.place(i).depth == self.places[k].depth
                && (self.at[i].1..k).all(|j| matches!(self.toks[j].kind, TokKind::Word(_)))
                && self.quantity(i).is_some()
        }) else {
            return;
        };
        let h = self.quantity(whole).unwrap_or("");
        let end = self.scope_end(k + 1);
        let parts: Vec<usize> = self
            .within(k + 1, end)
            .filter(|&i| {
                self.quantity(i) == Some(h) && self.place(i).depth == self.places[k].depth + 1
            })
            .collect();
        if parts.len() < 2 {
            return;
        }
        out.push(self.stated(StatedKind::SumAtMost { parts, whole }, whole));
    }

    /// Whether only words of `links` and light punctuation lie in tokens `a..b`.
    fn linked(&self, a: usize, b: usize, links: &[&str]) -> bool {
        b >= a
            && b - a <= 5
            && (a..b).all(|j| match &self.toks[j].kind {
                TokKind::Word(w) => links.contains(&w.as_ref()),
                TokKind::Punct(c) => matches!(c, ',' | '(' | ')' | ':' | '=' | '-' | '–'),
                _ => false,
            })
    }

    /// Whether span `i` is a change (`giảm 5 vụ (16,7%)`, `tăng 320 hộ`):
    /// a percentage in brackets after it is the change's rate, no share.
    fn change(&self, i: usize) -> bool {
        let a = self.at[i].0;
        (a.saturating_sub(2)..a).any(|j| word(self.toks, j).is_some_and(|w| CHANGE.contains(&w)))
    }

    /// Whether a bracket opened before token `a` closes in tokens `a..b`.
    fn closes(&self, a: usize, b: usize) -> bool {
        let mut depth = 0i32;
        (a..b.min(self.toks.len())).any(|j| {
            match self.toks[j].kind {
                TokKind::Punct('(') => depth += 1,
                TokKind::Punct(')') => depth -= 1,
                _ => {}
            }
            depth < 0
        })
    }

    /// A percentage and its n/N.
    fn ratio(&self, p: usize, wholes: &[(usize, usize)], out: &mut Vec<Stated>) {
        let (pa, pb) = self.at[p];
        let fraction = |i: usize| matches!(self.spans[i].kind, Kind::Fraction { .. });
        // "n/N tỷ lệ Z%" and "Z% (n/N)".
        let before = p
            .checked_sub(1)
            .filter(|&i| fraction(i) && self.linked(self.at[i].1, pa, RATIO_LINKS));
        // … but not across the bracket the percentage closes: in "38/38 xã
        // (100%), 14/38 xã" the 100% is the 38/38's, not the 14/38's.
        let after = (p + 1 < self.spans.len()).then_some(p + 1).filter(|&i| {
            fraction(i)
                && self.linked(pb, self.at[i].0, RATIO_LINKS)
                && !self.closes(pb, self.at[i].0)
        });
        if let Some(f) = before.or(after) {
            let kind = StatedKind::Ratio {
                percent: p,
                fraction: Some(f),
                part: None,
                whole: None,
            };
            out.push(self.stated(kind, p));
            return;
        }
        // "Y …, chiếm Z% …": Y the quantity before, in the same clause.
        let mut j = pa;
        while j > 0 && matches!(word(self.toks, j - 1), Some("tỷ" | "tỉ" | "lệ")) {
            j -= 1;
        }
        // "14/38 xã đạt chuẩn (36,8%)": a percentage alone in brackets
        // is the share of what comes before it, as "chiếm" would say.
        let alone = j == pa
            && pa > 0
            && matches!(self.toks[pa - 1].kind, TokKind::Punct('('))
            && matches!(
                self.toks.get(pb).map(|t| &t.kind),
                Some(TokKind::Punct(')'))
            );
        if !alone && (j == 0 || !word(self.toks, j - 1).is_some_and(|w| SHARE.contains(&w))) {
            return;
        }
        let start = self.sentence_start(pa);
        let clause = self.places[pa].clause;
        // "56/58 trường đạt chuẩn, đạt 96,6%": the n/N just before.
        let last = self
            .within(start, j)
            .filter(|&i| self.place(i).clause == clause)
            .last();
        // … unless another rate is named in between (`45/50 hộ …, tỷ lệ
        // hài lòng đạt 85%`).
        let named_rate =
            |from: usize| (from..j).any(|k| matches!(word(self.toks, k), Some("tỷ" | "tỉ")));
        if let Some(f) = last.filter(|&i| {
            fraction(i)
                && !named_rate(self.at[i].1)
                && j - self.at[i].1 <= 8
                && !(alone && self.change(i))
        }) {
            let kind = StatedKind::Ratio {
                percent: p,
                fraction: Some(f),
                part: None,
                whole: None,
            };
            out.push(self.stated(kind, p));
            return;
        }
        let Some(part) = self
            .within(start, j)
            .filter(|&i| self.quantity(i).is_some() && self.place(i).clause == clause)
            .last()
        else {
            return;
        };
        // In brackets, the share is of the quantity right before it (in
        // "sơ cấp 700 học viên (82,4%), dưới 3 tháng 150 học viên (17,6%)"
        // the 17,6% is not the 700's).
        let adjacent = part + 1 == p;
        if named_rate(self.at[part].1) || (alone && (self.change(part) || !adjacent)) {
            return;
        }
        let h = self.quantity(part);
        // "… tổng số X" right after the percentage, else the whole of a
        // "trong đó" the part belongs to.
        // The words must name it, with no comma between: in "98 cơ sở đạt
        // (81,7%), 22 cơ sở chưa đạt" the 22 is the next item, not the whole.
        let named = (p + 1 < self.spans.len()).then_some(p + 1).filter(|&i| {
            let a = self.at[i].0;
            self.quantity(i) == h
                && self.linked(pb, a, WHOLE_AFTER)
                && (pb..a).any(|j| word(self.toks, j).is_some())
                && !(pb..a).any(|j| matches!(self.toks[j].kind, TokKind::Punct(',')))
                && !self.closes(pb, a)
        });
        let whole = named.or_else(|| wholes.iter().find(|(q, _)| *q == part).map(|(_, w)| *w));
        if let Some(whole) = whole {
            let kind = StatedKind::Ratio {
                percent: p,
                fraction: None,
                part: Some(part),
                whole: Some(whole),
            };
            out.push(self.stated(kind, p));
        }
    }

    /// count × rate (× duration) = a stated amount, in the rate's sentence.
    fn product(&self, r: usize, out: &mut Vec<Stated>) {
        let Kind::Rate { per, .. } = &self.spans[r].kind else {
            return;
        };
        let k = self.at[r].0;
        let (a, b) = (self.sentence_start(k), self.sentence_end(k));
        let in_sentence: Vec<usize> = self.within(a, b).collect();
        let mut factors = Vec::new();
        let mut used_count = false;
        for unit in per {
            let h = head(unit);
            let found: Vec<usize> = if TIME.contains(&h) {
                in_sentence
                    .iter()
                    .copied()
                    .filter(|&i| matches!(&self.spans[i].kind, Kind::Duration { unit, .. } if unit == h))
                    .collect()
            } else {
                used_count = true;
                in_sentence
                    .iter()
                    .copied()
                    .filter(|&i| i != r && self.quantity(i) == Some(h))
                    .collect()
            };
            let [one] = found.as_slice() else { return };
            factors.push(*one);
        }
        if !used_count {
            // A rate per month alone: the one count of people it is paid to.
            let counts: Vec<usize> = in_sentence
                .iter()
                .copied()
                .filter(|&i| {
                    matches!(self.spans[i].kind, Kind::Count { .. }) && self.quantity(i).is_some()
                })
                .collect();
            let [one] = counts.as_slice() else { return };
            factors.insert(0, *one);
        }
        // The amount: money announced as a total.
        let amounts: Vec<usize> = in_sentence
            .iter()
            .copied()
            .filter(|&i| {
                matches!(self.spans[i].kind, Kind::Money { .. })
                    && (self.at[i].0.saturating_sub(3)..self.at[i].0).any(|j| {
                        word(self.toks, j).is_some_and(|w| AMOUNT_WORDS.contains(&w))
                            || matches!(self.toks[j].kind, TokKind::Punct('='))
                    })
            })
            .collect();
        let [amount] = amounts.as_slice() else { return };
        factors.insert(factors.len().min(1), r);
        out.push(self.stated(
            StatedKind::Product {
                amount: *amount,
                factors,
            },
            r,
        ));
    }
}
