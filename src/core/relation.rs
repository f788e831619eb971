//! Relations between figures, as data (file format version 2): which figures
//! must agree with which, and how. The checks over figures are generic rules
//! run over these relations (`check/relations.rs`); no figure id is named in
//! the code, so a notice on any topic carries its own checks, and renaming
//! a figure renames it in its relations (`Relation::rename_figure`).
//!
//! In the file a relation is one object: a stable `id`, a `kind` and the
//! figure ids of that kind's roles, e.g.
//! `{"id": "signs", "kind": "sum", "parts": ["signs.province", "signs.commune"], "total": "signs.installed"}`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Relation {
    /// Stable id (`safe_home`, `sum.signs`); findings name it as `rel/ID`.
    pub id: String,
    #[serde(flatten)]
    pub kind: RelationKind,
    /// What the relation is about, for its messages: the chain's name
    /// (`Ngôi nhà an toàn`), or what a same-total set counts (`trường`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Words>,
    /// The rule its findings are reported under, where its kind has more
    /// than one: only `chain.safe_home`, which version 1 reported the
    /// safe-home chain under (kept so a migrated file gives the same
    /// findings). Absent: the kind's own rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Whether the officer declared it or it was recognised in the text
    /// (and awaits confirmation).
    #[serde(default, skip_serializing_if = "Source::is_declared")]
    pub source: Source,
}

/// The kinds of relation, each with its figures' roles. Figures are named
/// by id; a relation whose figure does not exist is itself a finding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RelationKind {
    /// Each figure is at most the next: `figures` smallest first
    /// (recognised ≤ committed ≤ with children ≤ all households).
    Chain {
        figures: Vec<String>,
        /// Short names of the figures for the message, in the same order;
        /// absent, the figures' labels.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        names: Vec<Words>,
    },
    /// `part` ≤ `whole` (examined ≤ registered).
    PartOf { part: String, whole: String },
    /// The parts add up to the total (by source, by cause, by kind).
    Sum { parts: Vec<String>, total: String },
    /// "Trong đó": the parts named add up to at most the whole (they need
    /// not list every part).
    SumAtMost { parts: Vec<String>, whole: String },
    /// A stated percentage is n/N rounded half up to the digits stated: n/N
    /// from a fraction figure, or from a `part` and a `whole` figure.
    Ratio {
        percent: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fraction: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        part: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        whole: Option<String>,
    },
    /// An amount is the product of its factors: count × rate (× duration).
    Product {
        amount: String,
        factors: Vec<String>,
    },
    /// A figure lies within bounds, written as figures are (`0`, `100`,
    /// `2,5`); a blank bound is open.
    Range {
        figure: String,
        #[serde(default)]
        min: String,
        #[serde(default)]
        max: String,
    },
    /// Fractions out of the same total (grades: good 56/58, fair 02/58),
    /// which, unless `adds_up` is false, add up to it.
    SameTotal {
        figures: Vec<String>,
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        adds_up: bool,
    },
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// A phrase in both languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub vi: String,
    pub en: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Written by the officer (or carried over from version 1).
    #[default]
    Declared,
    /// Recognised in the text; the officer has yet to confirm it.
    Recognised,
}

impl Source {
    fn is_declared(&self) -> bool {
        *self == Source::Declared
    }
}

impl Relation {
    /// The figure ids it reads with their roles, in the order its messages
    /// name them (role names are the file's keys).
    pub fn roles(&self) -> Vec<(&'static str, &str)> {
        use RelationKind::*;
        fn many<'a>(role: &'static str, ids: &'a [String]) -> Vec<(&'static str, &'a str)> {
            ids.iter().map(|id| (role, id.as_str())).collect()
        }
        match &self.kind {
            Chain { figures, .. } => many("figures", figures),
            PartOf { part, whole } => vec![("part", part), ("whole", whole)],
            Sum { parts, total } => {
                let mut v = vec![("total", total.as_str())];
                v.extend(many("parts", parts));
                v
            }
            SumAtMost { parts, whole } => {
                let mut v = vec![("whole", whole.as_str())];
                v.extend(many("parts", parts));
                v
            }
            Ratio {
                percent,
                fraction,
                part,
                whole,
            } => {
                let mut v = vec![("percent", percent.as_str())];
                for (role, id) in [("fraction", fraction), ("part", part), ("whole", whole)] {
                    if let Some(id) = id {
                        v.push((role, id.as_str()));
                    }
                }
                v
            }
            Product { amount, factors } => {
                let mut v = vec![("amount", amount.as_str())];
                v.extend(many("factors", factors));
                v
            }
            Range { figure, .. } => vec![("figure", figure)],
            SameTotal { figures, .. } => many("figures", figures),
        }
    }

    /// Every figure id it reads (a figure may come twice).
    pub fn figures(&self) -> impl Iterator<Item = &str> {
        self.roles().into_iter().map(|(_, id)| id)
    }

    /// Whether it reads figure `id`.
    pub fn reads(&self, id: &str) -> bool {
        self.figures().any(|f| f == id)
    }

    /// Renames figure `from` to `to` wherever the relation names it.
    pub fn rename_figure(&mut self, from: &str, to: &str) {
        use RelationKind::*;
        let one = |s: &mut String| {
            if s == from {
                *s = to.to_string();
            }
        };
        let all = |v: &mut Vec<String>| v.iter_mut().for_each(one);
        match &mut self.kind {
            Chain { figures, .. } | SameTotal { figures, .. } => all(figures),
            PartOf { part, whole } => {
                one(part);
                one(whole);
            }
            Sum { parts, total } => {
                all(parts);
                one(total);
            }
            SumAtMost { parts, whole } => {
                all(parts);
                one(whole);
            }
            Ratio {
                percent,
                fraction,
                part,
                whole,
            } => {
                one(percent);
                for s in [fraction, part, whole].into_iter().flatten() {
                    one(s);
                }
            }
            Product { amount, factors } => {
                one(amount);
                all(factors);
            }
            Range { figure, .. } => one(figure),
        }
    }

    /// The kind's name in the file (`chain`, `part_of`, …).
    pub fn kind_name(&self) -> &'static str {
        use RelationKind::*;
        match self.kind {
            Chain { .. } => "chain",
            PartOf { .. } => "part_of",
            Sum { .. } => "sum",
            SumAtMost { .. } => "sum_at_most",
            Ratio { .. } => "ratio",
            Product { .. } => "product",
            Range { .. } => "range",
            SameTotal { .. } => "same_total",
        }
    }
}

/// How an officer states a relation between two (or three) figures in the
/// form, in their words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stated {
    /// "A không lớn hơn B": part ≤ whole.
    AtMost,
    /// "A, trong đó B": B is one part of A (the parts so far add up to at
    /// most A).
    OfWhich,
    /// "A bằng tổng của B, C…": A = B + C + ….
    SumOf,
    /// "A là tỷ lệ của B/C": A% = B/C.
    RateOf,
    /// "A bằng B × C": an amount = count × rate.
    ProductOf,
}

impl Stated {
    pub const ALL: [Stated; 5] = [
        Stated::AtMost,
        Stated::OfWhich,
        Stated::SumOf,
        Stated::RateOf,
        Stated::ProductOf,
    ];

    /// The words in the form, and a stable name for its `<option>`.
    pub fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Stated::AtMost => ("at_most", "không lớn hơn", "is at most"),
            Stated::OfWhich => ("of_which", "trong đó có", "of which"),
            Stated::SumOf => ("sum_of", "bằng tổng của", "is the sum of"),
            Stated::RateOf => ("rate_of", "là tỷ lệ của", "is the rate of"),
            Stated::ProductOf => ("product_of", "bằng số lượng × mức", "equals count × rate"),
        }
    }

    pub fn parse(name: &str) -> Option<Stated> {
        Stated::ALL.into_iter().find(|s| s.words().0 == name)
    }

    /// How many figures follow the first: `RateOf` and `ProductOf` take
    /// two, the others one.
    pub fn others(self) -> usize {
        match self {
            Stated::RateOf | Stated::ProductOf => 2,
            _ => 1,
        }
    }

    /// The relation "`first` <words> `others`", or None when a figure is
    /// missing or named twice.
    pub fn relation(self, first: &str, others: &[String]) -> Option<RelationKind> {
        let all = std::iter::once(first).chain(others.iter().map(String::as_str));
        let mut seen = Vec::new();
        for id in all {
            if id.is_empty() || seen.contains(&id) {
                return None;
            }
            seen.push(id);
        }
        if others.len() != self.others() {
            return None;
        }
        let first = first.to_string();
        Some(match self {
            Stated::AtMost => RelationKind::PartOf {
                part: first,
                whole: others[0].clone(),
            },
            Stated::OfWhich => RelationKind::SumAtMost {
                parts: others.to_vec(),
                whole: first,
            },
            Stated::SumOf => RelationKind::Sum {
                parts: others.to_vec(),
                total: first,
            },
            Stated::RateOf => RelationKind::Ratio {
                percent: first,
                fraction: None,
                part: Some(others[0].clone()),
                whole: Some(others[1].clone()),
            },
            Stated::ProductOf => RelationKind::Product {
                amount: first,
                factors: others.to_vec(),
            },
        })
    }
}
