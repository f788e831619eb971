//! Version 1 files, migrated to version 2, give the findings version 1 gave.
//!
//! `migration/v1-corpus.json` was written by the version 1 checker (commit
//! 4c87f3d, `tests/gen_v1_corpus.rs`, since removed): the v1 sample and
//! template (draft and final), and 500 v1 files made from them by editing
//! figures (values at every relation's boundary, blanks, malformed numbers,
//! groups moved, `derive` links added, removed or dangling, figures deleted,
//! renamed, reordered, added, kinds changed). Each case holds its edits and
//! the findings v1 gave (every finding for the two files; for the edited
//! files, those of the rules over figures and tokens). Here each case is
//! rebuilt from the v1 copies in `migration/v1/`, opened (migrated), checked
//! by the v2 checker, and its findings of the rules version 1 had must be
//! exactly v1's: rule, severity, fields, values, messages, fix, in order.
//! New rules (`relation.missing`, the gap rules…) may add findings; the
//! sample adds none.

use serde_json::Value;
use thongbao::core::check::{check, Finding, Mode};
use thongbao::core::json::{import, to_json};
use thongbao::core::samples::{sample, template};

const CORPUS: &str = include_str!("migration/v1-corpus.json");

/// The corpus as version 1 gave it, with one deliberate change since: the
/// messages quote with “ ” (the glossary), where version 1 used guillemets.
fn corpus() -> Vec<Value> {
    serde_json::from_str(&CORPUS.replace('\u{ab}', "“").replace('\u{bb}', "”")).unwrap()
}
const V1_SAMPLE: &str = include_str!("migration/v1/chi-lang-2024.json");
const V1_TEMPLATE: &str = include_str!("migration/v1/template.json");

/// Every rule version 1 had.
const V1_RULES: &[&str] = &[
    "figure.number",
    "figure.blank",
    "chain.safe_home",
    "sum.parts",
    "sum.grades",
    "part.le_whole",
    "fraction.le_whole",
    "percent.ratio",
    "amount.product",
    "date.valid",
    "date.order",
    "ref.after_notice",
    "ref.date_missing",
    "symbol.grammar",
    "symbol.year",
    "header.number_blank",
    "header.day_blank",
    "header.required",
    "recipients.archive",
    "signature.deputy",
    "text.token",
    "footnote.unused",
];

/// The rules the edited cases recorded.
const FIGURE_RULES: &[&str] = &[
    "figure.number",
    "figure.blank",
    "chain.safe_home",
    "sum.parts",
    "sum.grades",
    "part.le_whole",
    "fraction.le_whole",
    "percent.ratio",
    "amount.product",
    "text.token",
];

/// One edit of the generator, applied to the v1 JSON.
fn apply(doc: &mut Value, e: &Value) {
    let figs = doc["figures"].as_array_mut().unwrap();
    match e[0].as_str().unwrap() {
        "set" => {
            let i = e[1].as_u64().unwrap() as usize;
            let key = e[2].as_str().unwrap();
            if e[3].is_null() {
                figs[i].as_object_mut().unwrap().remove(key);
            } else {
                figs[i][key] = e[3].clone();
            }
        }
        "delete" => {
            figs.remove(e[1].as_u64().unwrap() as usize);
        }
        "swap" => figs.swap(
            e[1].as_u64().unwrap() as usize,
            e[2].as_u64().unwrap() as usize,
        ),
        "push" => figs.push(e[1].clone()),
        "pointer" => *doc.pointer_mut(e[1].as_str().unwrap()).unwrap() = e[2].clone(),
        other => assert_eq!(other, "noop"),
    }
}

fn of_rules(findings: &[Finding], rules: &[&str]) -> Value {
    let kept: Vec<&Finding> = findings
        .iter()
        .filter(|f| rules.contains(&f.rule))
        .collect();
    serde_json::to_value(kept).unwrap()
}

#[test]
fn every_v1_file_gives_the_findings_it_gave() {
    let corpus = corpus();
    assert!(corpus.len() > 500);
    let mut failures = Vec::new();
    for (i, case) in corpus.iter().enumerate() {
        let base = match case["base"].as_str().unwrap() {
            "chi-lang-2024" => V1_SAMPLE,
            _ => V1_TEMPLATE,
        };
        let mut doc: Value = serde_json::from_str(base).unwrap();
        for e in case["edits"].as_array().unwrap() {
            apply(&mut doc, e);
        }
        let n = import(&doc.to_string()).unwrap_or_else(|e| panic!("case {i}: {e:?}"));
        assert_eq!(n.version, 2);
        let mode = match case["mode"].as_str().unwrap() {
            // Version 1's final mode required số and ngày: issued.
            "final" => Mode::Issued,
            _ => Mode::Draft,
        };
        let rules = if case["rules"] == "figures" {
            FIGURE_RULES
        } else {
            V1_RULES
        };
        let got = of_rules(&check(&n, mode), rules);
        if got != case["findings"] {
            failures.push(format!(
                "case {i} ({} {}):\nv1: {}\nv2: {}",
                case["base"],
                case["edits"],
                serde_json::to_string_pretty(&case["findings"]).unwrap(),
                serde_json::to_string_pretty(&got).unwrap()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ; the first:\n{}",
        failures.len(),
        corpus.len(),
        failures[0]
    );
}

/// The shipped v2 files are their v1 copies migrated, and the sample gives
/// exactly what v1 gave, new rules included.
#[test]
fn the_shipped_files_are_the_v1_files_migrated() {
    // The version 2 sample breaks its issuer where the decree's layout
    // does (a line break, new since version 1): nothing else differs.
    let mut v1 = import(V1_SAMPLE).unwrap();
    assert_eq!(v1.header.issuer, sample().header.issuer.replace('\n', " "));
    v1.header.issuer = sample().header.issuer;
    assert_eq!(v1, sample());
    assert_eq!(import(V1_TEMPLATE).unwrap(), template());
    let corpus = corpus();
    for mode in [Mode::Draft, Mode::Issued] {
        let v1 = corpus
            .iter()
            .find(|c| {
                c["base"] == "chi-lang-2024"
                    && c["edits"] == Value::Array(vec![])
                    && c["mode"]
                        == if mode == Mode::Draft {
                            "draft"
                        } else {
                            "final"
                        }
            })
            .unwrap();
        assert_eq!(
            serde_json::to_value(check(&sample(), mode)).unwrap(),
            v1["findings"],
            "{mode:?}"
        );
    }
}

/// A migrated file is a v2 file: written and read again, nothing changes.
#[test]
fn migrated_files_round_trip_as_v2() {
    for text in [V1_SAMPLE, V1_TEMPLATE] {
        let n = import(text).unwrap();
        let again = to_json(&n);
        assert!(again.contains("\"version\": 2"));
        assert!(!again.contains("\"derive\"") && !again.contains("\"group\""));
        assert_eq!(import(&again).unwrap(), n);
    }
}

/// Version 1's own refusals survive the migration: a malformed `derive` or
/// `group` is refused with its field named, and a v1 file cannot smuggle in
/// `relations`.
#[test]
fn malformed_v1_links_are_refused() {
    let cases = [
        (
            "\"derive\": {\n        \"kind\": \"ratio\"",
            "\"derive\": {\n        \"kind\": \"share\"",
            "derive",
            "share",
        ),
        (
            "\"group\": \"signs.source\"",
            "\"group\": 5",
            "group",
            "expected",
        ),
        (
            "\"figures\": [",
            "\"relations\": [], \"figures\": [",
            "relations",
            "relations",
        ),
    ];
    for (from, to, at, what) in cases {
        assert!(V1_SAMPLE.contains(from), "{from}");
        let err = import(&V1_SAMPLE.replacen(from, to, 1)).expect_err(to);
        assert!(err.message_en.contains(at), "{:?}", err.message_en);
        assert!(err.message_en.contains(what), "{:?}", err.message_en);
    }
}
