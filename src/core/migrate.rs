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
use serde::Deserialize;
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
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
enum Derive {
    Ratio { fraction: String },
    Product { count: String, rate: String },
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
            let group = match f.remove("group") {
                None => String::new(),
                Some(Value::String(g)) => g,
                Some(other) => {
                    return Err((
                        format!("figures[{i}].group"),
                        format!("invalid type: {}, expected a string", kind_of(&other)),
                    ))
                }
            };
            let derive = match f.remove("derive") {
                None => None,
                Some(d) => serde_json::from_value::<Option<Derive>>(d)
                    .map_err(|e| (format!("figures[{i}].derive"), e.to_string()))?,
            };
            if let Some(Value::String(id)) = f.get("id") {
                figures.push((id.clone(), group, derive));
            }
        }
    }
    let relations = relations(&figures);
    root.insert("version".into(), Value::from(2));
    root.insert("relations".into(), Value::Array(relations));
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
/// group, derive), in the order version 1 listed their findings, as JSON
/// (through `Relation`'s own serialiser: no second writer of relations).
fn relations(figures: &[(String, String, Option<Derive>)]) -> Vec<Value> {
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
        out.push(serde_json::to_value(&r).unwrap_or_default());
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
