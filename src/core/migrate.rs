//! Version 1 → version 2 of the file format, on the JSON before it is read.
//!
//! Version 1 checked the figures of one notice only: the safe-home chain,
//! four sums, the school grades and three part ≤ whole pairs were compiled
//! in for the sample's figure ids, and a figure could carry a `group` (the
//! parts of a sum) and a `derive` link (a percentage of a fraction, an
//! amount = count × rate). Version 2 carries all of that as `relations`.
//! The migration writes the relations version 1 applied to this file:
//!
//! - each compiled-in relation over the figures of it the file has, when
//!   that is enough to compare anything (version 1 skipped absent figures
//!   silently, so the migrated file gives exactly the same findings);
//! - each `derive` link as it was written, even to a figure that is not
//!   there: version 1 ignored such a link without a word; version 2 says so
//!   (`relation.missing`), a rule of its own, so no version-1 finding
//!   changes.
//!
//! The figure ids below are version 1's compiled-in checks, kept here as
//! data of the migration; no rule names a figure.

use crate::core::relation::{Relation, RelationKind, Source, Words};
use serde_json::Value;

/// Version 1's safe-home chain, smallest first, with the short names its
/// message used.
const CHAIN: [(&str, &str, &str); 4] = [
    ("safe_home.recognised", "được công nhận", "recognised"),
    ("safe_home.committed", "ký cam kết", "signed the commitment"),
    (
        "safe_home.with_children",
        "có trẻ em dưới 16 tuổi",
        "with children under 16",
    ),
    ("safe_home.households", "tổng số hộ", "all households"),
];

/// Version 1's sums: (total, the group of its parts).
const SUMS: [(&str, &str); 4] = [
    ("signs.installed", "signs.source"),
    ("deaths.total", "deaths.cause"),
    ("screening.registered", "screening.kind"),
    ("fund.total", "fund.item"),
];

/// Version 1's part ≤ whole pairs.
const PART_WHOLE: [(&str, &str); 3] = [
    ("screening.examined", "screening.registered"),
    ("screening.operated", "screening.examined"),
    ("safe_home.visited", "safe_home.recognised"),
];

/// Version 1's grades: the group of fractions out of the same total.
const GRADES: &str = "schools.grade";

/// Version 1's `derive`, read only to migrate it.
enum Derive {
    Ratio { fraction: String },
    Product { count: String, rate: String },
}

impl Derive {
    /// Reads a `derive` value as serde's derive of
    /// `#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]`
    /// read `Option<Derive>` from a `Value` (the same results and the same
    /// errors: the test below holds it to the derive), without the derive's
    /// buffering of the value (serde's `Content`, ~20 KB of wasm).
    fn read(v: Value) -> Result<Option<Derive>, serde_json::Error> {
        use serde::de::{Error, Unexpected};
        const KINDS: [&str; 2] = ["ratio", "product"];
        const FIELDS: [&[&str]; 2] = [&["fraction"], &["count", "rate"]];
        const SEQ: [&str; 2] = [
            "struct variant Derive::Ratio with 1 element",
            "struct variant Derive::Product with 2 elements",
        ];
        fn unexpected(v: &Value) -> Unexpected<'_> {
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
        let tag = |v: &Value| match v {
            Value::String(s) => KINDS
                .iter()
                .position(|k| k == s)
                .ok_or_else(|| Error::unknown_variant(s, &KINDS)),
            v => Err(Error::invalid_type(unexpected(v), &"variant identifier")),
        };
        let string = |v: Value| match v {
            Value::String(s) => Ok(s),
            v => Err(Error::invalid_type(unexpected(&v), &"a string")),
        };
        let (kind, values) = match v {
            Value::Null => return Ok(None),
            Value::Object(map) => {
                let mut kind = None;
                let mut rest = Vec::new();
                for (k, v) in map {
                    if k == "kind" {
                        kind = Some(tag(&v)?);
                    } else {
                        rest.push((k, v));
                    }
                }
                let kind = kind.ok_or_else(|| Error::missing_field("kind"))?;
                let fields = FIELDS[kind];
                let mut values = vec![None; fields.len()];
                for (k, v) in rest {
                    let Some(f) = fields.iter().position(|f| *f == k) else {
                        return Err(Error::unknown_field(&k, fields));
                    };
                    values[f] = Some(string(v)?);
                }
                let mut out = Vec::new();
                for (f, v) in values.into_iter().enumerate() {
                    out.push(v.ok_or_else(|| Error::missing_field(fields[f]))?);
                }
                (kind, out)
            }
            Value::Array(list) => {
                let mut list = list.into_iter();
                let kind = tag(&list.next().ok_or_else(|| Error::missing_field("kind"))?)?;
                let n = FIELDS[kind].len();
                let mut out = Vec::new();
                for i in 0..n {
                    let v = list
                        .next()
                        .ok_or_else(|| Error::invalid_length(i, &SEQ[kind]))?;
                    out.push(string(v)?);
                }
                let extra = list.count();
                if extra > 0 {
                    let expected = if n == 1 {
                        "1 element in sequence".to_string()
                    } else {
                        format!("{n} elements in sequence")
                    };
                    return Err(Error::invalid_length(n + extra, &expected.as_str()));
                }
                (kind, out)
            }
            v => {
                return Err(Error::invalid_type(
                    unexpected(&v),
                    &"internally tagged enum Derive",
                ))
            }
        };
        let mut values = values.into_iter();
        let mut next = || values.next().unwrap_or_default();
        Ok(Some(if kind == 0 {
            Derive::Ratio { fraction: next() }
        } else {
            Derive::Product {
                count: next(),
                rate: next(),
            }
        }))
    }
}

/// Why a version 1 file cannot be migrated: the path of the field and
/// serde's words for what is wrong with it (import puts them into words).
pub type Refusal = (String, String);

/// Brings a version 1 notice to version 2. A file that is not a version 1
/// notice in shape is passed on as it is, for import to refuse with its
/// usual message; a malformed `group` or `derive` is refused here, as
/// version 1 refused it.
pub fn v1_to_v2(mut value: Value) -> Result<Value, Refusal> {
    let Some(root) = value.as_object_mut() else {
        return Ok(value);
    };
    if root.contains_key("relations") {
        return Err((
            ".".into(),
            "unknown field `relations`, not in version 1".into(),
        ));
    }
    let mut figures: Vec<(String, String, Option<Derive>)> = Vec::new();
    if let Some(Value::Array(list)) = root.get_mut("figures") {
        for (i, f) in list.iter_mut().enumerate() {
            let Some(f) = f.as_object_mut() else { continue };
            // `group` and `derive` taken out by rebuilding the object
            // rather than by `Map::remove` (the B-tree's removal code is
            // ~4.8 KB of wasm for this one use).
            let (mut group, mut derive) = (None, None);
            for (k, v) in std::mem::take(f) {
                match k.as_str() {
                    "group" => group = Some(v),
                    "derive" => derive = Some(v),
                    _ => {
                        f.insert(k, v);
                    }
                }
            }
            let group = match group {
                None => String::new(),
                Some(Value::String(g)) => g,
                Some(other) => {
                    return Err((
                        format!("figures[{i}].group"),
                        format!("invalid type: {}, expected a string", kind_of(&other)),
                    ))
                }
            };
            let derive = match derive {
                None => None,
                Some(d) => {
                    Derive::read(d).map_err(|e| (format!("figures[{i}].derive"), e.to_string()))?
                }
            };
            if let Some(Value::String(id)) = f.get("id") {
                figures.push((id.clone(), group, derive));
            }
        }
    }
    let relations = relations(&figures);
    root.insert("version".into(), Value::from(2));
    // As JSON text and back: the serialiser and the parser are the ones
    // import and export use (`serde_json::to_value` would be a second
    // serialiser of relations in the wasm).
    let text = serde_json::to_string(&relations).unwrap_or_default();
    let relations = serde_json::from_str(&text).unwrap_or_default();
    root.insert("relations".into(), relations);
    Ok(value)
}

/// serde's name for the type of a JSON value.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "sequence",
        Value::Object(_) => "map",
    }
}

/// The relations version 1 applied to a file with these figures (id,
/// group, derive), in the order version 1 listed their findings.
fn relations(figures: &[(String, String, Option<Derive>)]) -> Vec<Relation> {
    let has = |id: &str| figures.iter().any(|f| f.0 == id);
    let group = |g: &str| -> Vec<String> {
        figures
            .iter()
            .filter(|f| f.1 == g)
            .map(|f| f.0.clone())
            .collect()
    };
    let words = |vi: &str, en: &str| Words {
        vi: vi.into(),
        en: en.into(),
    };
    let mut out = Vec::new();
    let mut push = |id: String, kind: RelationKind, name: Option<Words>, rule: Option<String>| {
        let r = Relation {
            id,
            kind,
            name,
            rule,
            source: Source::Declared,
        };
        out.push(r);
    };
    let chain: Vec<_> = CHAIN.iter().filter(|c| has(c.0)).collect();
    if chain.len() >= 2 {
        push(
            "safe_home".into(),
            RelationKind::Chain {
                figures: chain.iter().map(|c| c.0.to_string()).collect(),
                names: chain.iter().map(|c| words(c.1, c.2)).collect(),
            },
            Some(words("Ngôi nhà an toàn", "safe home")),
            Some("chain.safe_home".into()),
        );
    }
    for (total, g) in SUMS {
        let parts = group(g);
        if has(total) && !parts.is_empty() {
            push(
                format!("sum.{g}"),
                RelationKind::Sum {
                    parts,
                    total: total.into(),
                },
                None,
                None,
            );
        }
    }
    let grades = group(GRADES);
    if !grades.is_empty() {
        push(
            GRADES.into(),
            RelationKind::SameTotal {
                figures: grades,
                adds_up: true,
            },
            Some(words("trường", "schools")),
            None,
        );
    }
    for (part, whole) in PART_WHOLE {
        if has(part) && has(whole) {
            push(
                format!("part.{part}"),
                RelationKind::PartOf {
                    part: part.into(),
                    whole: whole.into(),
                },
                None,
                None,
            );
        }
    }
    for (id, _, derive) in figures {
        match derive {
            Some(Derive::Ratio { fraction }) => push(
                format!("ratio.{id}"),
                RelationKind::Ratio {
                    percent: id.clone(),
                    fraction: Some(fraction.clone()),
                    part: None,
                    whole: None,
                },
                None,
                None,
            ),
            Some(Derive::Product { count, rate }) => push(
                format!("product.{id}"),
                RelationKind::Product {
                    amount: id.clone(),
                    factors: vec![count.clone(), rate.clone()],
                },
                None,
                None,
            ),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    /// What version 1 read `derive` with.
    #[derive(Deserialize, Debug)]
    #[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
    enum Derive {
        Ratio { fraction: String },
        Product { count: String, rate: String },
    }

    #[test]
    fn derive_is_read_as_serde_derives_it() {
        let cases = [
            r#"null"#,
            r#"{"kind":"ratio","fraction":"f"}"#,
            r#"{"kind":"product","count":"c","rate":"r"}"#,
            r#"{"fraction":"f","kind":"ratio"}"#,
            r#"{"kind":"ratio"}"#,
            r#"{"kind":"product","count":"c"}"#,
            r#"{"kind":"ratio","fraction":5}"#,
            r#"{"kind":"ratio","fraction":-5}"#,
            r#"{"kind":"ratio","fraction":1.5}"#,
            r#"{"kind":"ratio","fraction":null}"#,
            r#"{"kind":"ratio","fraction":["f"]}"#,
            r#"{"kind":"ratio","fraction":"f","x":1}"#,
            r#"{"a":1,"kind":"ratio","fraction":"f"}"#,
            r#"{"kind":"product","count":"c","rate":"r","fraction":"f"}"#,
            r#"{"kind":"share"}"#,
            r#"{"kind":0,"fraction":"f"}"#,
            r#"{"kind":null}"#,
            r#"{"fraction":"f"}"#,
            r#"{}"#,
            r#""ratio""#,
            r#"5"#,
            r#"-5"#,
            r#"1.5"#,
            r#"true"#,
            r#"[]"#,
            r#"["ratio"]"#,
            r#"["ratio","f"]"#,
            r#"["ratio","f","g"]"#,
            r#"["product","c"]"#,
            r#"["product","c","r"]"#,
            r#"["product","c","r","x","y"]"#,
            r#"["share","f"]"#,
            r#"[5,"f"]"#,
            r#"["ratio",5]"#,
        ];
        for text in cases {
            let v: serde_json::Value = serde_json::from_str(text).unwrap();
            let ours = super::Derive::read(v.clone()).map(|d| match d {
                Some(super::Derive::Ratio { fraction }) => format!("ratio {fraction}"),
                Some(super::Derive::Product { count, rate }) => format!("product {count} {rate}"),
                None => "none".into(),
            });
            let theirs = serde_json::from_value::<Option<Derive>>(v).map(|d| match d {
                Some(Derive::Ratio { fraction }) => format!("ratio {fraction}"),
                Some(Derive::Product { count, rate }) => format!("product {count} {rate}"),
                None => "none".into(),
            });
            match (ours, theirs) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                (a, b) => panic!("{text}: {a:?} vs {b:?}"),
            }
        }
    }
}
