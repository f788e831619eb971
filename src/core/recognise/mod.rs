//! Typed prose, recognised: the numbers, amounts, dates and citations an
//! officer writes into a sentence ([`spans`]), and the relations the words
//! state between them ([`relations`]: "X …, trong đó Y …", "gồm: a; b; c",
//! "n/N tỷ lệ Z%", "n/N xã", count × rate × duration = amount), which
//! [`verdict`] checks and [`propose`] turns into figures and relations of
//! the notice (`source: recognised`).
//!
//! Everything here is a pure function of the text: no notice, no browser.
//! Rich text enters through [`rich`], where a `{fig:ID}` token stands for
//! the figure's formatted value (a number the officer already made a
//! figure) and every other token for an opaque value.
//!
//! Recognition is of the language, not of one notice: a count's unit is
//! the noun after it, whatever it is (a table knows the nouns of more than
//! one word); a relation is only stated when the words say so, and only
//! between numbers of the same unit.

mod cite;
mod lex;
mod propose;
pub mod rich;
mod spans;
mod stated;
mod units;
mod verdict;

pub use propose::{propose, Proposal};
pub use spans::spans;
pub use stated::{relations, relations_over, Stated, StatedKind};
pub use verdict::{verdict, Problem, ProblemKind};

use crate::core::format::number::Decimal;

/// [`spans`] and [`relations_over`] them, reading the text once.
pub fn recognise(text: &str) -> (Vec<Span>, Vec<Stated>) {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return (Vec::new(), Vec::new());
    }
    let toks = lex::lex(text);
    let found = spans::spans_of(text, &toks);
    let stated = stated::relations_of(text, &toks, &found);
    (found, stated)
}

/// One thing recognised in plain text, at `start..end` (byte offsets,
/// on character boundaries): a count covers its unit (`120 hộ`), an amount
/// its `đồng`, a percentage its `%`.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Span {
    /// The span's text as typed.
    pub fn typed<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The unit of a count, a fraction or a duration; `đồng` for money.
    pub fn unit(&self) -> Option<&str> {
        match &self.kind {
            Kind::Count { unit, .. }
            | Kind::Fraction { unit, .. }
            | Kind::Duration { unit, .. } => Some(unit.as_str()).filter(|u| !u.is_empty()),
            Kind::Money { .. } => Some("đồng"),
            _ => None,
        }
    }

    /// The value that adds up: a count's, an amount's, a duration's.
    pub fn amount(&self) -> Option<u64> {
        match &self.kind {
            Kind::Count { value, .. } | Kind::Duration { value, .. } => Some(*value),
            Kind::Money { dong, .. } => Some(*dong),
            _ => None,
        }
    }
}

/// What a span is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A whole number of something: `120 hộ`, `9.616 em`, `02 trẻ em`.
    /// `unit` is the noun after it, lower case (empty when none follows).
    Count {
        value: u64,
        unit: String,
        /// The number alone, as typed (`02`, `72.032`).
        number: String,
    },
    /// `98,9%`: the value, and the decimals typed (`digits`, its scale).
    Percent { value: Decimal, digits: u8 },
    /// `56/58 trường`.
    Fraction { n: u64, total: u64, unit: String },
    /// Money in đồng: `3.000.000 đồng`, `12.000.000đ`, `3,45 tỷ đồng`.
    /// `unit` is as typed after the number (`đồng`, `đ`, `tỷ đồng`).
    Money {
        dong: u64,
        number: String,
        unit: String,
    },
    /// Money per something: `2.000đ/trẻ/ngày`, `300.000 đồng/tháng`,
    /// `mỗi hộ 50 triệu đồng`; `per` the nouns after the slashes (`trẻ`,
    /// `ngày`), or after `mỗi`.
    Rate {
        dong: u64,
        number: String,
        unit: String,
        per: Vec<String>,
    },
    /// `6 tháng`, `3 năm`, `30 ngày`.
    Duration { value: u64, unit: String },
    /// `ngày 17/7/2024`, `17/7/2024`, `tháng 7/2024`, `ngày 01/6`.
    Date {
        day: Option<u8>,
        month: u8,
        year: Option<u16>,
    },
    /// A document cited: `Công văn số 548/UBND-LĐTBXH ngày 21/3/2024 của
    /// UBND tỉnh`.
    Citation(Citation),
}

/// A cited document, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Citation {
    /// `Công văn`, `Kế hoạch liên ngành` (as typed).
    pub kind: String,
    /// `548`
    pub number: String,
    /// `UBND-LĐTBXH`, `2020/QH14`
    pub symbol: String,
    /// `21/3/2024` as typed, empty when not given.
    pub date: String,
    /// `UBND tỉnh`, empty when not given.
    pub issuer: String,
}
