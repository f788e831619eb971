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

// Read and written by hand (below, `impl Serialize/Deserialize`) as the
// `serde` attributes say, which the schema (`JsonSchema`) reads: serde's
// derive of a flattened, internally tagged enum buffers the object in its
// `Content` type, ~25 KB of wasm (docs/size.md).
#[derive(Clone, Debug, PartialEq, JsonSchema)]
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
#[derive(Clone, Debug, PartialEq, JsonSchema)]
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

// Used by the schema's `default` only (the reader below defaults `adds_up`
// to true itself).
#[allow(dead_code)]
fn yes() -> bool {
    true
}

#[allow(dead_code)]
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

/// The kinds' names in the file, in the order of [`RelationKind`]'s
/// variants (a kind may also be given as its index, as serde's derive
/// accepts).
const KINDS: [&str; 8] = [
    "chain",
    "part_of",
    "sum",
    "sum_at_most",
    "ratio",
    "product",
    "range",
    "same_total",
];

/// Each kind's fields, in declaration order (serde's "expected one of"
/// list), with their types: `s` a string, `v` a list of strings, `w` a list
/// of [`Words`], `o` an optional string, `b` a boolean.
const FIELDS: [&[&str]; 8] = [
    &["figures", "names"],
    &["part", "whole"],
    &["parts", "total"],
    &["parts", "whole"],
    &["percent", "fraction", "part", "whole"],
    &["amount", "factors"],
    &["figure", "min", "max"],
    &["figures", "adds_up"],
];
const TYPES: [&[u8]; 8] = [b"vw", b"ss", b"vs", b"vs", b"sooo", b"sv", b"sss", b"vb"];

/// One field's value, read.
enum Slot {
    S(String),
    V(Vec<String>),
    W(Vec<Words>),
    O(Option<String>),
    B(bool),
}

impl Slot {
    fn s(self) -> String {
        match self {
            Slot::S(s) => s,
            _ => String::new(),
        }
    }
    fn v(self) -> Vec<String> {
        match self {
            Slot::V(v) => v,
            _ => Vec::new(),
        }
    }
    fn w(self) -> Vec<Words> {
        match self {
            Slot::W(w) => w,
            _ => Vec::new(),
        }
    }
    fn o(self) -> Option<String> {
        match self {
            Slot::O(o) => o,
            _ => None,
        }
    }
    fn b(self) -> bool {
        match self {
            Slot::B(b) => b,
            _ => true,
        }
    }
}

pub(crate) use serde_impl::unexpected;

mod serde_impl {
    use super::{Relation, RelationKind, Slot, Source, Words, FIELDS, KINDS, TYPES};
    use serde::de::{self, Error as _, MapAccess, Unexpected, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    impl Serialize for Relation {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use RelationKind::*;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("id", &self.id)?;
            m.serialize_entry("kind", self.kind_name())?;
            let opt = |m: &mut S::SerializeMap, k: &'static str, v: &Option<String>| match v {
                Some(v) => m.serialize_entry(k, v),
                None => Ok(()),
            };
            match &self.kind {
                Chain { figures, names } => {
                    m.serialize_entry("figures", figures)?;
                    if !names.is_empty() {
                        m.serialize_entry("names", names)?;
                    }
                }
                PartOf { part, whole } => {
                    m.serialize_entry("part", part)?;
                    m.serialize_entry("whole", whole)?;
                }
                Sum { parts, total } => {
                    m.serialize_entry("parts", parts)?;
                    m.serialize_entry("total", total)?;
                }
                SumAtMost { parts, whole } => {
                    m.serialize_entry("parts", parts)?;
                    m.serialize_entry("whole", whole)?;
                }
                Ratio {
                    percent,
                    fraction,
                    part,
                    whole,
                } => {
                    m.serialize_entry("percent", percent)?;
                    opt(&mut m, "fraction", fraction)?;
                    opt(&mut m, "part", part)?;
                    opt(&mut m, "whole", whole)?;
                }
                Product { amount, factors } => {
                    m.serialize_entry("amount", amount)?;
                    m.serialize_entry("factors", factors)?;
                }
                Range { figure, min, max } => {
                    m.serialize_entry("figure", figure)?;
                    m.serialize_entry("min", min)?;
                    m.serialize_entry("max", max)?;
                }
                SameTotal { figures, adds_up } => {
                    m.serialize_entry("figures", figures)?;
                    if !adds_up {
                        m.serialize_entry("adds_up", adds_up)?;
                    }
                }
            }
            if let Some(name) = &self.name {
                m.serialize_entry("name", name)?;
            }
            opt(&mut m, "rule", &self.rule)?;
            if self.source != Source::Declared {
                m.serialize_entry("source", &self.source)?;
            }
            m.end()
        }
    }

    /// What serde's derive would call a JSON value of the wrong type.
    pub(crate) fn unexpected(v: &Value) -> Unexpected<'_> {
        match v {
            Value::Null => Unexpected::Unit,
            Value::Bool(b) => Unexpected::Bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Unexpected::Unsigned(u),
                (_, Some(i)) => Unexpected::Signed(i),
                _ => Unexpected::Float(n.as_f64().unwrap_or_default()),
            },
            Value::String(s) => Unexpected::Str(s),
            Value::Array(_) => Unexpected::Seq,
            Value::Object(_) => Unexpected::Map,
        }
    }

    /// The kind from the value of `kind`: its name or its index.
    fn kind_index(v: &Value) -> Result<usize, serde_json::Error> {
        match v {
            Value::String(s) => KINDS
                .iter()
                .position(|k| k == s)
                .ok_or_else(|| serde_json::Error::unknown_variant(s, &KINDS)),
            Value::Number(n) if n.is_u64() => {
                let i = n.as_u64().unwrap_or_default();
                if i < 8 {
                    Ok(i as usize)
                } else {
                    Err(serde_json::Error::invalid_value(
                        Unexpected::Unsigned(i),
                        &"variant index 0 <= i < 8",
                    ))
                }
            }
            v => Err(serde_json::Error::invalid_type(
                unexpected(v),
                &"variant identifier",
            )),
        }
    }

    fn wrong(v: &Value, what: &str) -> serde_json::Error {
        serde_json::Error::invalid_type(unexpected(v), &what)
    }

    /// The kind's values read by hand from the `Value`s, with serde's
    /// words for a wrong one: the derive read them from its `Content`,
    /// whose errors differ from the `Value` deserialiser's for a phrase
    /// given as a list of three ("2 elements in sequence").
    fn string(v: Value) -> Result<String, serde_json::Error> {
        match v {
            Value::String(s) => Ok(s),
            v => Err(wrong(&v, "a string")),
        }
    }

    fn words(v: Value) -> Result<Words, serde_json::Error> {
        use serde_json::Error;
        const SEQ: &str = "struct Words with 2 elements";
        match v {
            Value::Object(map) => {
                let (mut vi, mut en) = (None, None);
                for (k, v) in map {
                    match k.as_str() {
                        "vi" => vi = Some(string(v)?),
                        "en" => en = Some(string(v)?),
                        _ => return Err(Error::unknown_field(&k, &["vi", "en"])),
                    }
                }
                Ok(Words {
                    vi: vi.ok_or_else(|| Error::missing_field("vi"))?,
                    en: en.ok_or_else(|| Error::missing_field("en"))?,
                })
            }
            Value::Array(list) => {
                let n = list.len();
                let mut it = list.into_iter();
                let vi = string(it.next().ok_or_else(|| Error::invalid_length(0, &SEQ))?)?;
                let en = string(it.next().ok_or_else(|| Error::invalid_length(1, &SEQ))?)?;
                if n > 2 {
                    return Err(Error::invalid_length(n, &"2 elements in sequence"));
                }
                Ok(Words { vi, en })
            }
            v => Err(wrong(&v, "struct Words")),
        }
    }

    /// The kind and its fields from the relation's other keys, as serde's
    /// derive reads an internally tagged enum with `deny_unknown_fields`:
    /// the tag (once), then each field in the file's order (an unknown or
    /// repeated one, or a wrong type, is an error there), then the missing
    /// ones in declaration order.
    fn kind(rest: Vec<(String, Value)>) -> Result<RelationKind, serde_json::Error> {
        use RelationKind::*;
        let mut tag = None;
        let mut others = Vec::new();
        for (k, v) in rest {
            if k == "kind" {
                if tag.is_some() {
                    return Err(serde_json::Error::duplicate_field("kind"));
                }
                tag = Some(kind_index(&v)?);
            } else {
                others.push((k, v));
            }
        }
        let i = tag.ok_or_else(|| serde_json::Error::missing_field("kind"))?;
        let (fields, types) = (FIELDS[i], TYPES[i]);
        let mut slots: Vec<Option<Slot>> = fields.iter().map(|_| None).collect();
        for (k, v) in others {
            let Some(f) = fields.iter().position(|f| *f == k) else {
                return Err(serde_json::Error::unknown_field(&k, fields));
            };
            if slots[f].is_some() {
                return Err(serde_json::Error::duplicate_field(fields[f]));
            }
            slots[f] = Some(match (types[f], v) {
                (b's', v) => Slot::S(string(v)?),
                (b'v', Value::Array(list)) => {
                    Slot::V(list.into_iter().map(string).collect::<Result<_, _>>()?)
                }
                (b'w', Value::Array(list)) => {
                    Slot::W(list.into_iter().map(words).collect::<Result<_, _>>()?)
                }
                (b'v' | b'w', v) => return Err(wrong(&v, "a sequence")),
                (b'o', Value::Null) => Slot::O(None),
                (b'o', v) => Slot::O(Some(string(v)?)),
                (_, Value::Bool(b)) => Slot::B(b),
                (_, v) => return Err(wrong(&v, "a boolean")),
            });
        }
        // Required: every string and list of strings but Range's bounds.
        for (f, slot) in slots.iter().enumerate() {
            let optional = matches!(types[f], b'w' | b'o' | b'b') || (i == 6 && f > 0);
            if slot.is_none() && !optional {
                return Err(serde_json::Error::missing_field(fields[f]));
            }
        }
        let mut it = slots.into_iter().zip(types).map(|(slot, t)| {
            slot.unwrap_or(match t {
                b's' => Slot::S(String::new()),
                b'o' => Slot::O(None),
                b'w' => Slot::W(Vec::new()),
                b'v' => Slot::V(Vec::new()),
                _ => Slot::B(true),
            })
        });
        let mut n = || it.next().unwrap_or(Slot::B(true));
        Ok(match i {
            0 => Chain {
                figures: n().v(),
                names: n().w(),
            },
            1 => PartOf {
                part: n().s(),
                whole: n().s(),
            },
            2 => Sum {
                parts: n().v(),
                total: n().s(),
            },
            3 => SumAtMost {
                parts: n().v(),
                whole: n().s(),
            },
            4 => Ratio {
                percent: n().s(),
                fraction: n().o(),
                part: n().o(),
                whole: n().o(),
            },
            5 => Product {
                amount: n().s(),
                factors: n().v(),
            },
            6 => Range {
                figure: n().s(),
                min: n().s(),
                max: n().s(),
            },
            _ => SameTotal {
                figures: n().v(),
                adds_up: n().b(),
            },
        })
    }

    struct RelationVisitor;

    impl<'de> Visitor<'de> for RelationVisitor {
        type Value = Relation;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("struct Relation")
        }

        /// As serde's derive reads a struct with a flattened field: its own
        /// fields from the text as they come, the others kept for the kind,
        /// which is read after the last key (so its errors are the
        /// relation's).
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Relation, A::Error> {
            let mut id: Option<String> = None;
            let mut name: Option<Option<Words>> = None;
            let mut rule: Option<Option<String>> = None;
            let mut source: Option<Source> = None;
            let mut rest = Vec::new();
            fn once<T, E: de::Error>(slot: &Option<T>, key: &'static str) -> Result<(), E> {
                match slot {
                    Some(_) => Err(E::duplicate_field(key)),
                    None => Ok(()),
                }
            }
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "id" => {
                        once(&id, "id")?;
                        id = Some(map.next_value()?);
                    }
                    "name" => {
                        once(&name, "name")?;
                        name = Some(map.next_value()?);
                    }
                    "rule" => {
                        once(&rule, "rule")?;
                        rule = Some(map.next_value()?);
                    }
                    "source" => {
                        once(&source, "source")?;
                        source = Some(map.next_value()?);
                    }
                    _ => {
                        let value: Value = map.next_value()?;
                        rest.push((key, value));
                    }
                }
            }
            let id = id.ok_or_else(|| A::Error::missing_field("id"))?;
            let kind = kind(rest).map_err(A::Error::custom)?;
            Ok(Relation {
                id,
                kind,
                name: name.flatten(),
                rule: rule.flatten(),
                source: source.unwrap_or_default(),
            })
        }
    }

    impl<'de> Deserialize<'de> for Relation {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(RelationVisitor)
        }
    }
}

#[cfg(test)]
mod tests {
    //! The hand-written reader and writer against serde's derive of the same
    //! attributes: the same relations, the same errors, the same JSON.
    use super::{Relation as Ours, Source, Words};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, Deserialize)]
    struct Relation {
        id: String,
        #[serde(flatten)]
        kind: Kind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<Words>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<String>,
        #[serde(default, skip_serializing_if = "is_declared")]
        source: Source,
    }

    fn is_declared(s: &Source) -> bool {
        *s == Source::Declared
    }

    #[derive(Debug, Serialize, Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
    enum Kind {
        Chain {
            figures: Vec<String>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            names: Vec<Words>,
        },
        PartOf {
            part: String,
            whole: String,
        },
        Sum {
            parts: Vec<String>,
            total: String,
        },
        SumAtMost {
            parts: Vec<String>,
            whole: String,
        },
        Ratio {
            percent: String,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            fraction: Option<String>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            part: Option<String>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            whole: Option<String>,
        },
        Product {
            amount: String,
            factors: Vec<String>,
        },
        Range {
            figure: String,
            #[serde(default)]
            min: String,
            #[serde(default)]
            max: String,
        },
        SameTotal {
            figures: Vec<String>,
            #[serde(default = "super::yes", skip_serializing_if = "super::is_true")]
            adds_up: bool,
        },
    }

    #[test]
    fn reads_and_writes_as_the_derive() {
        let cases = [
            r#"{"id":"a","kind":"chain","figures":["x","y"]}"#,
            r#"{"id":"a","kind":"chain","figures":["x","y"],"names":[{"vi":"a","en":"b"}],"name":{"vi":"c","en":"d"},"rule":"chain.safe_home"}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[{"vi":"a"}]}"#,
            r#"{"id":"a","kind":"part_of","part":"x","whole":"y","source":"recognised"}"#,
            r#"{"id":"a","kind":"part_of","part":"x"}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":"y"}"#,
            r#"{"id":"a","kind":"sum","parts":"x","total":"y"}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":5}"#,
            r#"{"id":"a","kind":"sum_at_most","parts":["x"],"whole":"y"}"#,
            r#"{"id":"a","kind":"ratio","percent":"p","fraction":"f"}"#,
            r#"{"id":"a","kind":"ratio","percent":"p","part":"x","whole":"y","fraction":null}"#,
            r#"{"id":"a","kind":"ratio","percent":"p","x":1}"#,
            r#"{"id":"a","kind":"product","amount":"p","factors":["c","r"]}"#,
            r#"{"id":"a","kind":"range","figure":"p"}"#,
            r#"{"id":"a","kind":"range","figure":"p","min":"0","max":"100"}"#,
            r#"{"id":"a","kind":"same_total","figures":["x"]}"#,
            r#"{"id":"a","kind":"same_total","figures":["x"],"adds_up":false}"#,
            r#"{"id":"a","kind":"same_total","figures":["x"],"adds_up":"no"}"#,
            r#"{"id":"a","kind":"share","figures":["x"]}"#,
            r#"{"id":"a","kind":5,"figures":["x"]}"#,
            r#"{"id":"a","kind":2,"parts":["x"],"total":"y"}"#,
            r#"{"id":"a","kind":-1}"#,
            r#"{"id":"a","kind":1.5}"#,
            r#"{"id":"a","kind":null}"#,
            r#"{"id":"a","kind":["sum"]}"#,
            r#"{"id":"a","figures":["x"]}"#,
            r#"{"kind":"sum","parts":["x"],"total":"y"}"#,
            r#"{"id":5,"kind":"sum","parts":["x"],"total":"y"}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":"y","name":"n"}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":"y","source":"other"}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":"y","rule":null}"#,
            r#"{"id":"a","kind":"sum","kind":"sum","parts":["x"],"total":"y"}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"parts":["y"],"total":"y"}"#,
            r#"{"id":"a","id":"b","kind":"sum","parts":["x"],"total":"y"}"#,
            r#"{"total":5,"kind":"sum","zzz":1,"parts":["x"],"id":"a"}"#,
            r#""sum""#,
            r#"["a","sum"]"#,
            r#"null"#,
            r#"{"id":"a","kind":"sum","parts":["x",5],"total":"y"}"#,
            r#"{"id":"a","kind":"sum","parts":[],"total":"y"}"#,
            r#"{"id":"a","kind":"sum","parts":{},"total":"y"}"#,
            r#"{"id":"a","kind":"sum","parts":null,"total":"y"}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":null}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":1.5}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":-2}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":true}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":["y"]}"#,
            r#"{"id":"a","kind":"ratio","percent":"p","part":5}"#,
            r#"{"id":"a","kind":"ratio","percent":"p","part":[]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":"n"}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[{"vi":"a","en":"b","x":1}]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[5]}"#,
            r#"{"id":"a","kind":"same_total","figures":["x"],"adds_up":null}"#,
            r#"{"id":"a","kind":"same_total","figures":["x"],"adds_up":1}"#,
            r#"{"id":"a","kind":"same_total","figures":["x"],"adds_up":true}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[{"en":"b"}]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[{"vi":5,"en":"b"}]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[{"zz":1,"vi":"a","en":"b"}]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[["a","b"]]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[["a"]]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[[]]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[["a","b","c"]]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[["a",5]]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[null]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":["n"]}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":null}"#,
            r#"{"id":"a","kind":"chain","figures":["x"],"names":[]}"#,
            r#"{"kind":"share"}"#,
            r#"{"kind":"sum"}"#,
            r#"{}"#,
            r#"{"id":"a","name":5}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":"y","name":{"vi":"a"}}"#,
            r#"{"id":"a","kind":"sum","parts":["x"],"total":"y","source":5}"#,
        ];
        for text in cases {
            let ours = serde_json::from_str::<Ours>(text);
            let theirs = serde_json::from_str::<Relation>(text);
            match (ours, theirs) {
                (Ok(a), Ok(b)) => assert_eq!(
                    serde_json::to_string(&a).unwrap(),
                    serde_json::to_string(&b).unwrap(),
                    "{text}"
                ),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                (a, b) => panic!("{text}: {a:?} vs {b:?}"),
            }
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
