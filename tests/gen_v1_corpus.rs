//! Throwaway: writes tests/migration/v1-corpus.json from the v1 checker.
//! Each case is a v1 base file, JSON edits, and the findings v1 gave.

use serde_json::{json, Value};
use thongbao::core::check::{check, Mode};
use thongbao::core::json::import;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const GROUPS: &[&str] = &[
    "",
    "signs.source",
    "deaths.cause",
    "screening.kind",
    "fund.item",
    "schools.grade",
    "support.payment",
    "other",
];

/// Figures some v1 relation reads (hard-coded here only: this file is the
/// snapshot of v1 and goes away).
const RELATED: &[&str] = &[
    "safe_home.recognised",
    "safe_home.committed",
    "safe_home.with_children",
    "safe_home.households",
    "safe_home.visited",
    "signs.installed",
    "signs.province",
    "signs.commune",
    "deaths.total",
    "deaths.drowning",
    "deaths.traffic",
    "screening.registered",
    "screening.new",
    "screening.reexam",
    "screening.examined",
    "screening.operated",
    "fund.total",
    "fund.abandoned",
    "fund.deaths",
    "fund.abuse",
    "schools.good",
    "schools.fair",
    "edu.grade5",
    "edu.grade5_pct",
    "edu.grade1_4",
    "edu.grade1_4_pct",
];

fn number(rng: &mut Rng, was: &str) -> String {
    let v: u64 = was.replace('.', "").parse().unwrap_or(10);
    let pool = [
        was.to_string(),
        format!("{}", v + 1),
        format!("{}", v.saturating_sub(1)),
        "0".into(),
        format!("{}", v * 2),
        String::new(),
        "abc".into(),
        "1,5".into(),
        "98,8".into(),
        "99".into(),
        "100".into(),
        "12,5".into(),
        "-2".into(),
        "18446744073709551615".into(),
        "99999999999999999999".into(),
        "1.000.000".into(),
        format!("{}", rng.below(100)),
        format!("{}", rng.below(100_000)),
        format!("{}", v / 2),
        "66,7".into(),
    ];
    pool[rng.below(pool.len())].clone()
}

fn fig_index(rng: &mut Rng, figs: &[Value]) -> usize {
    if rng.below(5) > 0 {
        let id = RELATED[rng.below(RELATED.len())];
        if let Some(i) = figs.iter().position(|f| f["id"] == id) {
            return i;
        }
    }
    rng.below(figs.len())
}

fn random_id(rng: &mut Rng, figs: &[Value]) -> String {
    if rng.below(6) == 0 {
        return "nope".into();
    }
    if rng.below(2) == 0 {
        return RELATED[rng.below(RELATED.len())].into();
    }
    figs[rng.below(figs.len())]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// One edit: (figure index or -1, what, value); applied by `apply`.
fn edit(rng: &mut Rng, doc: &Value) -> Value {
    let figs = doc["figures"].as_array().unwrap();
    if figs.is_empty() {
        return json!(["noop"]);
    }
    let i = fig_index(rng, figs);
    let f = &figs[i];
    if rng.below(4) == 0 {
        // A related figure set to another's value, one either side: the
        // boundaries of every relation.
        let other = RELATED[rng.below(RELATED.len())];
        if let Some(o) = figs.iter().find(|f| f["id"] == other) {
            let v: u64 = o["value"].as_str().unwrap_or("").replace('.', "").parse().unwrap_or(0);
            let v = [v.saturating_sub(1), v, v + 1][rng.below(3)];
            return json!(["set", i, "value", v.to_string()]);
        }
    }
    match rng.below(14) {
        0..=4 => {
            let v = number(rng, f["value"].as_str().unwrap_or(""));
            json!(["set", i, "value", v])
        }
        5 => {
            let v = number(rng, f["total"].as_str().unwrap_or(""));
            json!(["set", i, "total", v])
        }
        6 => json!(["set", i, "group", GROUPS[rng.below(GROUPS.len())]]),
        7 => {
            let d = match rng.below(3) {
                0 => json!({"kind": "ratio", "fraction": random_id(rng, figs)}),
                1 => json!({"kind": "product", "count": random_id(rng, figs), "rate": random_id(rng, figs)}),
                _ => Value::Null,
            };
            json!(["set", i, "derive", d])
        }
        8 => json!(["delete", i]),
        9 => json!(["set", i, "id", format!("renamed{}", rng.below(1000))]),
        10 => {
            let k = ["count", "amount", "rate", "fraction"][rng.below(4)];
            json!(["set", i, "kind", k])
        }
        11 => json!(["swap", i, rng.below(figs.len())]),
        12 => {
            let mut copy = f.clone();
            copy["id"] = json!(format!("added{}", rng.below(1000)));
            copy["group"] = json!(GROUPS[rng.below(GROUPS.len())]);
            copy["value"] = json!(number(rng, f["value"].as_str().unwrap_or("")));
            json!(["push", copy])
        }
        _ => {
            let (path, pool): (&str, &[&str]) = match rng.below(4) {
                0 => ("/header/day", &["", "15", "31", "x"]),
                1 => ("/opening/inspection_date", &["", "10/7/2024", "29/02/2023"]),
                2 => ("/signature/position", &["GIÁM ĐỐC", "", "PHÓ GIÁM ĐỐC"]),
                _ => ("/closing", &["Có {fig:nope}", "Xong"]),
            };
            json!(["pointer", path, pool[rng.below(pool.len())]])
        }
    }
}

pub fn apply(doc: &mut Value, e: &Value) {
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
        "swap" => figs.swap(e[1].as_u64().unwrap() as usize, e[2].as_u64().unwrap() as usize),
        "push" => figs.push(e[1].clone()),
        "pointer" => *doc.pointer_mut(e[1].as_str().unwrap()).unwrap() = e[2].clone(),
        _ => {}
    }
}

#[test]
#[ignore]
fn generate() {
    let bases = [
        (
            "chi-lang-2024",
            include_str!("migration/v1/chi-lang-2024.json"),
        ),
        ("template", include_str!("migration/v1/template.json")),
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::new();
    for (name, text) in bases {
        let n = import(text).unwrap();
        out.push(json!({"base": name, "edits": [], "mode": "draft",
            "findings": check(&n, Mode::Draft)}));
        out.push(json!({"base": name, "edits": [], "mode": "final",
            "findings": check(&n, Mode::Final)}));
    }
    let mut opened = 0;
    while opened < 500 {
        let (name, text) = bases[usize::from(rng.below(5) == 0)];
        let mut doc: Value = serde_json::from_str(text).unwrap();
        let mut edits = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let e = edit(&mut rng, &doc);
            apply(&mut doc, &e);
            edits.push(e);
        }
        let Ok(n) = import(&doc.to_string()) else {
            continue;
        };
        opened += 1;
        // The rules over figures (and the tokens that cite them): the
        // others do not read figures; the base files keep every finding.
        let figure_rules = [
            "figure.number", "figure.blank", "chain.safe_home", "sum.parts", "sum.grades",
            "part.le_whole", "fraction.le_whole", "percent.ratio", "amount.product", "text.token",
        ];
        let found: Vec<_> = check(&n, Mode::Draft)
            .into_iter()
            .filter(|f| figure_rules.contains(&f.rule))
            .collect();
        out.push(json!({"base": name, "edits": edits, "mode": "draft", "rules": "figures",
            "findings": found}));
    }
    let lines: Vec<String> = out.iter().map(|c| c.to_string()).collect();
    std::fs::write(
        "tests/migration/v1-corpus.json",
        format!("[\n{}\n]\n", lines.join(",\n")),
    )
    .unwrap();
}
