//! Every kind of relation, as tables of passing, failing, blank and missing
//! cases, on a notice of another topic than the sample's (vocational
//! training and jobs, written from the blank notice): the rules are generic,
//! figures are named by their labels, the relation is said in words, and a
//! fix, where there is one, fixes. Then two properties: renaming every
//! figure id consistently changes no finding; and the incremental checker
//! agrees with a whole check on random edits of this notice.

use proptest::prelude::*;
use serde_json::json;
use thongbao::core::check::{check, Checker, Finding, Mode};
use thongbao::core::field::{self, FieldPath, Scope};
use thongbao::core::json::{import, to_json};
use thongbao::core::model::Notice;
use thongbao::core::samples::{blank, sample};

/// A notice on vocational training, every relation holding.
fn training() -> Notice {
    let mut v = serde_json::to_value(blank()).unwrap();
    let fig = |id: &str, label: &str, kind: &str, value: &str, total: &str, unit: &str| json!({"id": id, "label": label, "kind": kind, "value": value, "total": total, "unit": unit});
    v["figures"] = json!([
        fig(
            "enrolled",
            "Số người đăng ký học nghề",
            "count",
            "1.500",
            "",
            "người"
        ),
        fig(
            "trained",
            "Số người được đào tạo nghề",
            "count",
            "1.200",
            "",
            "người"
        ),
        fig(
            "graduated",
            "Số người tốt nghiệp",
            "count",
            "1.100",
            "",
            "người"
        ),
        fig(
            "placed",
            "Số người có việc làm sau đào tạo",
            "count",
            "880",
            "",
            "người"
        ),
        fig(
            "women",
            "Số lao động nữ được đào tạo",
            "count",
            "500",
            "",
            "người"
        ),
        fig(
            "ethnic",
            "Số lao động người dân tộc thiểu số được đào tạo",
            "count",
            "300",
            "",
            "người"
        ),
        fig(
            "rural",
            "Số lao động nông thôn được đào tạo",
            "count",
            "900",
            "",
            "người"
        ),
        fig(
            "urban",
            "Số lao động thành thị được đào tạo",
            "count",
            "300",
            "",
            "người"
        ),
        fig(
            "placed_pct",
            "Tỷ lệ có việc làm sau đào tạo",
            "percent",
            "80",
            "",
            ""
        ),
        fig(
            "grads",
            "Người tốt nghiệp trên số được đào tạo",
            "fraction",
            "1.100",
            "1.200",
            "người"
        ),
        fig("grads_pct", "Tỷ lệ tốt nghiệp", "percent", "91,7", "", ""),
        fig(
            "learners",
            "Số người được hỗ trợ tiền ăn",
            "count",
            "100",
            "",
            "người"
        ),
        fig(
            "meal_rate",
            "Mức hỗ trợ tiền ăn",
            "rate",
            "900.000",
            "",
            "đồng/người/tháng"
        ),
        fig("months", "Số tháng hỗ trợ", "count", "3", "", "tháng"),
        fig(
            "meals",
            "Kinh phí hỗ trợ tiền ăn",
            "amount",
            "270.000.000",
            "",
            "đồng"
        ),
        fig("good", "Số lớp xếp loại tốt", "fraction", "12", "20", "lớp"),
        fig("fair", "Số lớp xếp loại khá", "fraction", "08", "20", "lớp"),
    ]);
    v["relations"] = json!([
        {"id": "funnel", "kind": "chain", "figures": ["placed", "graduated", "trained", "enrolled"]},
        {"id": "placed.of", "kind": "part_of", "part": "placed", "whole": "graduated"},
        {"id": "area", "kind": "sum", "parts": ["rural", "urban"], "total": "trained"},
        {"id": "of_which", "kind": "sum_at_most", "parts": ["women", "ethnic"], "whole": "trained"},
        {"id": "placed.rate", "kind": "ratio", "percent": "placed_pct", "part": "placed", "whole": "graduated"},
        {"id": "grads.rate", "kind": "ratio", "percent": "grads_pct", "fraction": "grads"},
        {"id": "meals.cost", "kind": "product", "amount": "meals", "factors": ["learners", "meal_rate", "months"]},
        {"id": "placed.range", "kind": "range", "figure": "placed_pct", "min": "0", "max": "100"},
        {"id": "classes", "kind": "same_total", "figures": ["good", "fair"], "name": {"vi": "lớp", "en": "classes"}},
    ]);
    import(&v.to_string()).expect("the training notice is a valid file")
}

fn put(n: &mut Notice, path: impl field::AsPath + std::fmt::Debug, value: &str) {
    let shown = format!("{path:?}");
    assert!(field::set(n, path, value.into()), "no field {shown}");
}

/// What a case expects of its rule.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// No finding of the rule.
    Holds,
    /// A finding whose Vietnamese message holds these words, on this field
    /// first.
    Fails(&'static str, &'static str),
}

struct Case {
    kind: &'static str,
    name: &'static str,
    rule: &'static str,
    edit: fn(&mut Notice),
    expect: Expect,
}

use Expect::*;

fn cases() -> Vec<Case> {
    macro_rules! case {
        ($kind:expr, $name:expr, $rule:expr, $expect:expr, |$n:ident| $body:expr) => {
            Case {
                kind: $kind,
                name: $name,
                rule: $rule,
                edit: |$n: &mut Notice| $body,
                expect: $expect,
            }
        };
    }
    vec![
        // chain
        case!("chain", "880 ≤ 1.100 ≤ 1.200 ≤ 1.500", "chain.order", Holds, |_n| ()),
        case!("chain", "equal links", "chain.order", Holds, |n| put(n, "fig/placed/value", "1.100")),
        case!(
            "chain",
            "graduated > trained",
            "chain.order",
            Fails("“Số người tốt nghiệp” 1.300 > “Số người được đào tạo nghề” 1.200", "fig/graduated/value"),
            |n| put(n, "fig/graduated/value", "1.300")
        ),
        case!(
            "chain",
            "the whole chain is shown",
            "chain.order",
            Fails("Cần: “Số người đăng ký học nghề” 1.500 ≥", "fig/trained/value"),
            |n| put(n, "fig/trained/value", "1.600")
        ),
        case!("chain", "a blank link is skipped", "chain.order", Holds, |n| {
            put(n, "fig/trained/value", "");
            put(n, "fig/graduated/value", "1.400")
        }),
        case!(
            "chain",
            "blank link: its neighbours still compared",
            "chain.order",
            Fails("1.600 > “Số người đăng ký học nghề” 1.500", "fig/graduated/value"),
            |n| {
                put(n, "fig/trained/value", "");
                put(n, "fig/graduated/value", "1.600")
            }
        ),
        // part_of
        case!("part_of", "880 ≤ 1.100", "part.le_whole", Holds, |_n| ()),
        case!(
            "part_of",
            "placed > graduated",
            "part.le_whole",
            Fails("“Số người có việc làm sau đào tạo” (1.101 người) lớn hơn “Số người tốt nghiệp”", "fig/placed/value"),
            |n| put(n, "fig/placed/value", "1.101")
        ),
        case!("part_of", "a blank part", "part.le_whole", Holds, |n| put(n, "fig/placed/value", "")),
        // sum
        case!("sum", "900 + 300 = 1.200", "sum.parts", Holds, |_n| ()),
        case!(
            "sum",
            "900 + 300 ≠ 1.250",
            "sum.parts",
            Fails("các phần cộng lại: Số lao động nông thôn được đào tạo 900 người + Số lao động thành thị được đào tạo 300 người = 1.200 người", "fig/trained/value"),
            |n| put(n, "fig/trained/value", "1.250")
        ),
        case!("sum", "a blank part", "sum.parts", Holds, |n| put(n, "fig/urban/value", "")),
        case!("sum", "a blank total", "sum.parts", Holds, |n| put(n, "fig/trained/value", "")),
        // sum_at_most
        case!("sum_at_most", "500 + 300 ≤ 1.200", "sum.at_most", Holds, |_n| ()),
        case!("sum_at_most", "parts may fall short", "sum.at_most", Holds, |n| put(n, "fig/women/value", "1")),
        case!(
            "sum_at_most",
            "1.000 + 300 > 1.200",
            "sum.at_most",
            Fails("riêng các phần nêu trong đó đã cộng lại", "fig/trained/value"),
            |n| put(n, "fig/women/value", "1.000")
        ),
        case!("sum_at_most", "a blank part", "sum.at_most", Holds, |n| {
            put(n, "fig/women/value", "");
            put(n, "fig/ethnic/value", "5.000")
        }),
        // ratio, both ways of giving n/N
        case!("ratio", "880/1.100 = 80%", "percent.ratio", Holds, |_n| ()),
        case!("ratio", "1.100/1.200 = 91,7%", "percent.ratio", Holds, |_n| ()),
        case!(
            "ratio",
            "880/1.100 is not 81%",
            "percent.ratio",
            Fails("Tỷ lệ ghi 81% nhưng 880/1.100 = 80,00…%", "fig/placed_pct/value"),
            |n| put(n, "fig/placed_pct/value", "81")
        ),
        case!(
            "ratio",
            "1.100/1.200 is not 91,6% (truncated)",
            "percent.ratio",
            Fails("là 91,7%", "fig/grads_pct/value"),
            |n| put(n, "fig/grads_pct/value", "91,6")
        ),
        case!("ratio", "a blank percentage", "percent.ratio", Holds, |n| put(n, "fig/placed_pct/value", "")),
        case!("ratio", "a blank whole", "percent.ratio", Holds, |n| put(n, "fig/graduated/value", "")),
        // product
        case!("product", "100 × 900.000 × 3 = 270.000.000", "amount.product", Holds, |_n| ()),
        case!(
            "product",
            "three factors, wrong amount",
            "amount.product",
            Fails("100 người × 900.000 đồng/người/tháng × 3 tháng = 270.000.000 đồng", "fig/meals/value"),
            |n| put(n, "fig/meals/value", "300.000.000")
        ),
        case!("product", "a blank factor", "amount.product", Holds, |n| put(n, "fig/months/value", "")),
        // range
        case!("range", "80% in 0–100", "figure.range", Holds, |_n| ()),
        case!("range", "100% is in", "figure.range", Holds, |n| put(n, "fig/placed_pct/value", "100")),
        case!(
            "range",
            "120% is out",
            "figure.range",
            Fails("ngoài khoảng cho phép từ 0% đến 100%", "fig/placed_pct/value"),
            |n| put(n, "fig/placed_pct/value", "120")
        ),
        case!("range", "a blank figure", "figure.range", Holds, |n| put(n, "fig/placed_pct/value", "")),
        // same_total
        case!("same_total", "12/20 + 08/20", "sum.grades", Holds, |_n| ()),
        case!(
            "same_total",
            "different totals",
            "sum.grades",
            Fails("phải cùng tổng số lớp", "fig/fair/total"),
            |n| put(n, "fig/fair/total", "21")
        ),
        case!(
            "same_total",
            "do not add up",
            "sum.grades",
            Fails("Số lớp theo các mức cộng lại là 21, khác tổng số 20 lớp", "fig/good/value"),
            |n| put(n, "fig/fair/value", "09")
        ),
        case!("same_total", "a blank grade", "sum.grades", Holds, |n| put(n, "fig/fair/value", "")),
        // A relation naming a figure that is not there: a finding, for
        // every kind.
        case!("any", "all figures there", "relation.missing", Holds, |_n| ()),
        case!(
            "chain",
            "a chain's figure removed",
            "relation.missing",
            Fails("dẫn tới số liệu “graduated” không có", "rel/funnel/figures"),
            |n| n.figures.retain(|f| f.id != "graduated")
        ),
        case!(
            "sum",
            "a part renamed",
            "relation.missing",
            Fails("“Số người được đào tạo nghề” bằng tổng của “Số lao động nông thôn được đào tạo”, “urban”", "rel/area/parts"),
            |n| n.figures.iter_mut().find(|f| f.id == "urban").unwrap().id = "city".into()
        ),
        case!(
            "ratio",
            "the fraction removed",
            "relation.missing",
            Fails("là tỷ lệ của “grads”", "rel/grads.rate/fraction"),
            |n| n.figures.retain(|f| f.id != "grads")
        ),
        case!(
            "product",
            "a factor removed",
            "relation.missing",
            Fails("“months”", "rel/meals.cost/factors"),
            |n| n.figures.retain(|f| f.id != "months")
        ),
        case!(
            "same_total",
            "a grade removed",
            "relation.missing",
            Fails("cùng một tổng", "rel/classes/figures"),
            |n| n.figures.retain(|f| f.id != "fair")
        ),
        case!(
            "range",
            "its figure removed",
            "relation.missing",
            Fails("trong khoảng 0–100", "rel/placed.range/figure"),
            |n| n.figures.retain(|f| f.id != "placed_pct")
        ),
        case!(
            "part_of",
            "its whole removed",
            "relation.missing",
            Fails("không lớn hơn “graduated”", "rel/placed.of/whole"),
            |n| n.figures.retain(|f| f.id != "graduated")
        ),
        case!(
            "sum_at_most",
            "a part removed",
            "relation.missing",
            Fails("trong đó", "rel/of_which/parts"),
            |n| n.figures.retain(|f| f.id != "women")
        ),
    ]
}

fn fired<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn the_training_notice_is_clean() {
    let n = training();
    let bad: Vec<_> = check(&n, Mode::Draft)
        .into_iter()
        .filter(|f| matches!(f.fields[0].scope(), Scope::Fig | Scope::Rel))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert_eq!(import(&to_json(&n)).unwrap(), n, "round trip");
}

#[test]
fn every_relation_case() {
    let mut failures = Vec::new();
    for c in cases() {
        let mut n = training();
        (c.edit)(&mut n);
        let findings = check(&n, Mode::Draft);
        let hits = fired(&findings, c.rule);
        match c.expect {
            Holds if hits.is_empty() => {}
            Fails(words, field)
                if hits.iter().any(|f| {
                    f.message_vi.contains(words) && f.field().is_some_and(|p| *p == field)
                }) => {}
            _ => failures.push(format!(
                "{} / {} / {}: expected {:?}, got {:#?}",
                c.kind, c.rule, c.name, c.expect, hits
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every kind has a passing, a failing, a blank and a missing case.
#[test]
fn every_kind_has_every_sort_of_case() {
    let cases = cases();
    for kind in [
        "chain",
        "part_of",
        "sum",
        "sum_at_most",
        "ratio",
        "product",
        "range",
        "same_total",
    ] {
        let of = |f: &dyn Fn(&Case) -> bool| cases.iter().any(|c| c.kind == kind && f(c));
        assert!(
            of(&|c| c.expect == Holds && !c.name.contains("blank")),
            "{kind}: no passing case"
        );
        assert!(
            of(&|c| matches!(c.expect, Fails(..)) && c.rule != "relation.missing"),
            "{kind}: no failing case"
        );
        assert!(
            of(&|c| c.name.contains("blank") && c.expect == Holds),
            "{kind}: no blank case"
        );
        assert!(
            of(&|c| c.rule == "relation.missing"),
            "{kind}: no missing case"
        );
    }
}

/// The English messages say the same, and a computed fix fixes.
#[test]
fn messages_in_english_and_fixes_that_fix() {
    for c in cases() {
        let mut n = training();
        (c.edit)(&mut n);
        for f in fired(&check(&n, Mode::Draft), c.rule) {
            assert!(
                !f.message_en.is_empty() && f.message_en != f.message_vi,
                "{}",
                c.name
            );
            if let Some(fix) = &f.fix {
                let mut fixed = n.clone();
                put(&mut fixed, &fix.field, &fix.value);
                assert!(
                    fired(&check(&fixed, Mode::Draft), c.rule).is_empty(),
                    "{}: the fix {fix:?} does not fix",
                    c.name
                );
            }
        }
    }
    // The sum, the ratio and the product compute theirs.
    for (path, value, rule) in [
        ("fig/trained/value", "1.250", "sum.parts"),
        ("fig/placed_pct/value", "81", "percent.ratio"),
        ("fig/meals/value", "1", "amount.product"),
    ] {
        let mut n = training();
        put(&mut n, path, value);
        let findings = check(&n, Mode::Draft);
        assert!(fired(&findings, rule)[0].fix.is_some(), "{rule} has no fix");
    }
}

/// A percentage with no n/N behind it above 100%, and relations that
/// cannot be checked whatever the figures say.
#[test]
fn unbacked_percentages_and_malformed_relations() {
    let mut n = training();
    n.relations
        .retain(|r| r.id != "placed.rate" && r.id != "placed.range");
    put(&mut n, "fig/placed_pct/value", "104,5");
    let f = check(&n, Mode::Draft);
    assert_eq!(fired(&f, "percent.range").len(), 1, "{f:#?}");
    for (json, words) in [
        (
            json!({"id": "x", "kind": "chain", "figures": ["placed"]}),
            "ít nhất 2",
        ),
        (
            json!({"id": "x", "kind": "sum", "parts": [], "total": "trained"}),
            "ít nhất 1",
        ),
        (
            json!({"id": "x", "kind": "product", "amount": "meals", "factors": ["months"]}),
            "thừa số",
        ),
        (
            json!({"id": "x", "kind": "ratio", "percent": "placed_pct"}),
            "n/N",
        ),
        (
            json!({"id": "x", "kind": "range", "figure": "placed", "min": "", "max": ""}),
            "giới hạn",
        ),
        (
            json!({"id": "x", "kind": "range", "figure": "placed", "min": "a", "max": "1"}),
            "không phải là số",
        ),
        (
            json!({"id": "x", "kind": "range", "figure": "placed", "min": "5", "max": "1"}),
            "lớn hơn giới hạn trên",
        ),
        (
            json!({"id": "x", "kind": "same_total", "figures": []}),
            "ít nhất 1",
        ),
    ] {
        let mut v = serde_json::to_value(training()).unwrap();
        v["relations"] = json!([json]);
        let n = import(&v.to_string()).unwrap();
        let f = check(&n, Mode::Draft);
        let hits = fired(&f, "relation.invalid");
        assert!(
            hits.len() == 1
                && hits[0].message_vi.contains(words)
                && hits[0].field().is_some_and(|p| *p == "rel/x"),
            "{json}: {hits:#?}"
        );
    }
}

/// The notice with every figure id replaced (tokens and relations too),
/// and the map back from the new ids.
fn renamed(n: &Notice, prefix: &str) -> (Notice, Vec<(String, String)>) {
    let mut out = n.clone();
    let map: Vec<(String, String)> = n
        .figures
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.clone(), format!("{prefix}{i}")))
        .collect();
    let texts: Vec<(FieldPath, String)> = field::rich_texts(n)
        .into_iter()
        .map(|(p, t)| (p, t.to_string()))
        .collect();
    for (path, text) in texts {
        let mut t = text;
        for (old, new) in &map {
            t = t.replace(&format!("{{fig:{old}}}"), &format!("{{fig:{new}}}"));
        }
        field::set(&mut out, &path, t);
    }
    for (f, (_, new)) in out.figures.iter_mut().zip(&map) {
        f.id = new.clone();
    }
    for r in &mut out.relations {
        // Through temporary names, so that no new id is taken for an old.
        for (old, _) in &map {
            r.rename_figure(old, &format!("\u{1}{old}"));
        }
        for (old, new) in &map {
            r.rename_figure(&format!("\u{1}{old}"), new);
        }
    }
    (out, map)
}

/// A finding with the renamed figures' paths put back.
fn back(f: &Finding, map: &[(String, String)]) -> Finding {
    let path = |p: &FieldPath| match map.iter().find(|(_, new)| *new == p.id) {
        Some((old, _)) if p.scope() == Scope::Fig => p.field.of(old),
        _ => p.clone(),
    };
    let mut f = f.clone();
    f.fields = f.fields.iter().map(&path).collect();
    if let Some(fix) = &mut f.fix {
        fix.field = path(&fix.field);
    }
    f
}

/// Values typed into the figures, to break and keep relations.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,4}",
        "[0-9]{1,3}\\.[0-9]{3}",
        "[0-9]{1,2},[0-9]",
        Just(String::new()),
        Just("x".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Renaming every figure id consistently changes no finding.
    #[test]
    fn renaming_every_figure_changes_no_finding(
        which in any::<bool>(),
        prefix in "[a-z]{1,4}[._]?",
        edits in prop::collection::vec((any::<prop::sample::Index>(), value()), 0..6),
    ) {
        let mut n = if which { training() } else { sample() };
        for (i, v) in &edits {
            let f = &n.figures[i.index(n.figures.len())];
            let path = format!("fig/{}/value", f.id);
            put(&mut n, &path, v);
        }
        let (m, map) = renamed(&n, &prefix);
        prop_assert!(m.figures.iter().all(|f| f.id.starts_with(prefix.as_str())));
        for mode in [Mode::Draft, Mode::Final] {
            let before = check(&n, mode);
            let after: Vec<Finding> = check(&m, mode).iter().map(|f| back(f, &map)).collect();
            prop_assert_eq!(before, after);
        }
    }

    /// Edits of this notice's figures checked incrementally give what a
    /// whole check gives.
    #[test]
    fn incremental_agrees_on_the_training_notice(
        edits in prop::collection::vec((any::<prop::sample::Index>(), value()), 1..12),
    ) {
        let mut n = training();
        let paths: Vec<FieldPath> = field::paths(&n).into_iter().filter(|p| p.scope() == Scope::Fig).collect();
        let mut checker = Checker::new(&n, Mode::Draft);
        for (i, v) in edits {
            let path = &paths[i.index(paths.len())];
            put(&mut n, path, &v);
            checker.edited(&n, path);
            prop_assert_eq!(checker.findings(&n), check(&n, Mode::Draft), "after {} := {:?}", path, v);
        }
    }
}
