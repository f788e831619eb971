//! Fuzzing import → check → render → import (issue 5), with proptest.
//!
//! Whatever the bytes, opening them never panics and a refusal carries a
//! message in both languages. When a file opens, `check` (draft and final)
//! and `render_html` do not panic, the rendered markup is the renderer's own
//! (tests/support `inspect_markup`), and the notice comes back unchanged from
//! its HTML (tests/json_format.rs covers the JSON round trip).
//!
//! Inputs: (i) arbitrary bytes and arbitrary text; (ii) structure-aware
//! mutations of the Chi Lăng sample's JSON (and of the template): values
//! replaced by other JSON types, keys and items deleted, inserted, duplicated
//! and swapped, strings replaced by injection payloads, Unicode, number- and
//! date-like text, ids made invalid or duplicate, 10 000-level nesting, huge
//! numbers, strings up to 6 MB; then, in part of the cases, bytes flipped,
//! inserted, deleted or the file cut short.
//!
//! The budget is `THONGBAO_FUZZ_CASES` cases in all (default 2 000, a few
//! seconds in a debug build), shared among the tests below;
//! `scripts/fuzz.sh [CASES]` runs a big budget in release mode.

mod support;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;
use thongbao::core::check::{check, Mode};
use thongbao::core::json::{import, import_bytes, to_json, MAX_BYTES};
use thongbao::core::model::Notice;
use thongbao::core::render::render_html;
use thongbao::core::samples::{sample, template};

const DEFAULT_CASES: u64 = 2_000;
const PAYLOADS: &str = include_str!("injection/payloads.txt");

/// The whole budget, from `THONGBAO_FUZZ_CASES`.
fn budget() -> u64 {
    std::env::var("THONGBAO_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// This test's share of the budget, in percent.
fn cases(percent: u64) -> u32 {
    u32::try_from((budget() * percent / 100).max(1)).unwrap_or(u32::MAX)
}

/// Runs `test` on `cases` inputs of `strategy`; prints the cases run, how
/// many opened, and the time.
fn fuzz<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<bool, String>,
) {
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2_000,
        max_shrink_time: 120_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let started = Instant::now();
    let (ran, opened) = (AtomicU64::new(0), AtomicU64::new(0));
    let result = runner.run(&strategy, |input| {
        ran.fetch_add(1, Ordering::Relaxed);
        match test(input) {
            Ok(true) => {
                opened.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
            Ok(false) => Ok(()),
            Err(why) => Err(TestCaseError::fail(why)),
        }
    });
    println!(
        "fuzz[{name}]: {cases} cases, {} opened as a notice ({} inputs run) in {:.1} s",
        opened.load(Ordering::Relaxed),
        ran.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("fuzz[{name}] failed: {e}");
    }
}

/// Opens `bytes`; when they open, runs everything on the notice. `Ok(true)`
/// when the bytes were a notice.
fn exercise(bytes: &[u8]) -> Result<bool, String> {
    match import_bytes(bytes) {
        Ok(n) => {
            round_trip(&n)?;
            Ok(true)
        }
        Err(e) if e.message_vi.trim().is_empty() || e.message_en.trim().is_empty() => {
            Err("a refusal without a message".into())
        }
        Err(_) => Ok(false),
    }
}

/// Checks, renders and reopens a notice that opened.
fn round_trip(n: &Notice) -> Result<(), String> {
    for mode in [Mode::Draft, Mode::Final] {
        for f in check(n, mode) {
            if f.message_vi.trim().is_empty() || f.message_en.trim().is_empty() {
                return Err(format!("a {} finding without a message", f.rule));
            }
        }
    }
    let html = render_html(n);
    support::inspect_markup(&html).map_err(|e| format!("rendered markup: {e}"))?;
    match import(&html) {
        Ok(back) if back == *n => Ok(()),
        Ok(_) => Err("the notice changed on its way through HTML".into()),
        Err(e) => Err(format!("its own HTML does not reopen: {}", e.message_en)),
    }
}

// ---------------------------------------------------------------------------
// (i) Arbitrary bytes and text.

#[test]
fn arbitrary_bytes_never_panic() {
    fuzz(
        "bytes",
        cases(20),
        prop::collection::vec(any::<u8>(), 0..4096),
        |bytes| exercise(&bytes),
    );
}

#[test]
fn arbitrary_text_never_panics() {
    let text = prop_oneof![
        any::<String>(),
        "\\PC{0,400}",
        // HTML that is not ours, or almost.
        "\\PC{0,200}".prop_map(|s| format!("<html>{s}")),
        "\\PC{0,200}".prop_map(|s| format!(
            "<script type=\"application/json\" id=\"thongbao-data\">{s}</script>"
        )),
        // A notice's opening and then anything.
        "\\PC{0,300}".prop_map(|s| format!("{{\"format\":\"thongbao.notice\",\"version\":1,{s}")),
    ];
    fuzz("text", cases(10), text, |text| exercise(text.as_bytes()));
}

// ---------------------------------------------------------------------------
// (ii) Structure-aware mutations.

/// One mutation of the JSON tree.
#[derive(Clone, Debug)]
struct Op {
    kind: u8,
    /// Which node (modulo the number of candidates).
    node: u32,
    /// A second choice: which variant, where to insert, which size.
    aux: u32,
    text: String,
}

/// Strings worth putting into a field.
fn field_text() -> impl Strategy<Value = String> {
    let payloads: Vec<String> = PAYLOADS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    prop_oneof![
        3 => proptest::sample::select(payloads),
        2 => any::<String>(),
        2 => "\\PC{0,30}",
        // Numbers as typed, with Unicode digits, signs and separators.
        2 => "[-−+ \u{a0}\u{202f}0-9.,%٠-٩۰-۹०-९０-９]{0,24}",
        // Dates.
        2 => "[ \u{a0}]?[0-9]{1,3}[/.\\- ][0-9]{1,3}[/.\\- ][0-9]{1,5}[ \u{a0}]?",
        // Rich-text tokens.
        2 => "(\\{(fig|ref|fn):[a-z0-9_.]{0,12}\\}|\\{\\{|\\}\\}|\\{i\\}|\\{/i\\}|\\{plan\\}|[a-z ]{0,5}|\\{|\\}){0,8}",
        // Ids: valid, invalid, duplicate-prone.
        1 => "(p1|p1\\.s1|p1\\.s1\\.b1|r1|fn\\.media|cv548|safe_home\\.recognised|a/b| |)",
    ]
}

fn op() -> impl Strategy<Value = Op> {
    // Three in four edit a string, so that most files stay readable.
    let kind = prop_oneof![3 => 0..3u8, 1 => 3..16u8];
    (kind, any::<u32>(), any::<u32>(), field_text()).prop_map(|(kind, node, aux, text)| Op {
        kind,
        node,
        aux,
        text,
    })
}

/// A byte-level edit of the serialised file.
#[derive(Clone, Debug)]
struct ByteOp {
    kind: u8,
    at: u32,
    byte: u8,
}

fn byte_op() -> impl Strategy<Value = ByteOp> {
    (0..4u8, any::<u32>(), any::<u8>()).prop_map(|(kind, at, byte)| ByteOp { kind, at, byte })
}

#[derive(Clone, Debug)]
struct Mutation {
    /// 0–2: the sample, 3: the template.
    seed: u8,
    pretty: bool,
    ops: Vec<Op>,
    bytes: Vec<ByteOp>,
}

/// Where a node is: object keys and array indexes from the root.
#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// How many nodes (or string nodes) the tree has.
fn count_nodes(v: &Value, strings: bool) -> usize {
    let own = usize::from(!strings || v.is_string());
    own + match v {
        Value::Object(map) => map.values().map(|c| count_nodes(c, strings)).sum(),
        Value::Array(items) => items.iter().map(|c| count_nodes(c, strings)).sum(),
        _ => 0,
    }
}

/// The path of the `k`-th node (or string node) in document order.
fn nth_path(v: &Value, k: &mut usize, strings: bool, path: &mut Vec<Step>) -> bool {
    if !strings || v.is_string() {
        if *k == 0 {
            return true;
        }
        *k -= 1;
    }
    match v {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(Step::Key(key.clone()));
                if nth_path(child, k, strings, path) {
                    return true;
                }
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(Step::Index(i));
                if nth_path(child, k, strings, path) {
                    return true;
                }
                path.pop();
            }
        }
        _ => {}
    }
    false
}

fn at_mut<'a>(mut v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    for step in path {
        v = match step {
            Step::Key(k) => v.get_mut(k.as_str())?,
            Step::Index(i) => v.get_mut(*i)?,
        };
    }
    Some(v)
}

/// Raw JSON text spliced in after serialising, for what a `Value` cannot
/// hold or would take too deep a recursion to write.
fn splice_text(aux: u32) -> String {
    const DEEP: usize = 10_000;
    match aux % 12 {
        0 => format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP)),
        1 => format!("{}1{}", "{\"a\":".repeat(DEEP), "}".repeat(DEEP)),
        2 => "[".repeat(DEEP),
        3 => format!("1{}", "0".repeat(400)),
        4 => "-99999999999999999999999999".to_string(),
        5 => "1e99999".to_string(),
        6 => "4294967296".to_string(),
        7 => "18446744073709551616".to_string(),
        8 => "1.0".to_string(),
        9 => "-0".to_string(),
        10 => "1e-400".to_string(),
        _ => format!("[{}]", "1,".repeat(DEEP) + "1"),
    }
}

/// A long string: mostly tens of kB, sometimes 1 MB, rarely beyond
/// [`MAX_BYTES`].
fn long_string(aux: u32) -> String {
    let unit = "Thông báo <script>&\u{202e}{fig:x}\"\u{a0}ệ ";
    let size = match aux % 256 {
        0 => MAX_BYTES + 1024,
        1..=6 => 1 << 20,
        n => 10_000 * (1 + n as usize % 10),
    };
    unit.repeat(size / unit.len() + 1)
}

fn placeholder(k: usize) -> String {
    format!("\u{1}splice{k}\u{1}")
}

/// Applies the mutation to the seed; the file's bytes.
fn mutate(m: &Mutation, seeds: &[Value; 2]) -> Vec<u8> {
    let mut v = seeds[usize::from(m.seed == 3)].clone();
    let mut splices: Vec<String> = Vec::new();
    for op in &m.ops {
        // String edits go to string nodes, so that most files stay readable.
        let strings = op.kind <= 2 && count_nodes(&v, true) > 0;
        let mut k = op.node as usize % count_nodes(&v, strings);
        let mut path = Vec::new();
        nth_path(&v, &mut k, strings, &mut path);
        let Some(node) = at_mut(&mut v, &path) else {
            continue;
        };
        match op.kind {
            // Replace a string.
            0 | 1 => *node = Value::String(op.text.clone()),
            // Edit a string: insert the text at a character boundary.
            2 => {
                if let Value::String(s) = node {
                    let mut at = op.aux as usize % (s.len() + 1);
                    while !s.is_char_boundary(at) {
                        at -= 1;
                    }
                    s.insert_str(at, &op.text);
                }
            }
            // Other JSON types.
            3 => *node = Value::Null,
            4 => *node = Value::Bool(op.aux % 2 == 0),
            5 => {
                *node = [
                    Value::from(0),
                    Value::from(-1),
                    Value::from(1.5),
                    Value::from(u64::MAX),
                    Value::from(i64::MIN),
                    Value::from(1e308),
                ][op.aux as usize % 6]
                    .clone()
            }
            6 => *node = Value::Array(vec![]),
            7 => *node = serde_json::json!({ op.text.clone(): op.aux }),
            // Delete, insert, duplicate, swap.
            8 => match node {
                Value::Object(map) if !map.is_empty() => {
                    let key = map.keys().nth(op.aux as usize % map.len()).cloned();
                    if let Some(key) = key {
                        map.remove(&key);
                    }
                }
                Value::Array(items) if !items.is_empty() => {
                    items.remove(op.aux as usize % items.len());
                }
                _ => *node = Value::Null,
            },
            9 => match node {
                Value::Object(map) => {
                    map.insert(op.text.clone(), Value::from(op.aux));
                }
                Value::Array(items) if !items.is_empty() => {
                    let copy = items[op.aux as usize % items.len()].clone();
                    items.push(copy);
                }
                Value::Array(items) => items.push(Value::String(op.text.clone())),
                _ => {}
            },
            10 => {
                if let Value::Array(items) = node {
                    if items.len() > 1 {
                        let a = op.aux as usize % items.len();
                        let b = op.node as usize % items.len();
                        items.swap(a, b);
                    }
                }
            }
            // Nesting, huge numbers.
            11 | 12 => {
                splices.push(splice_text(op.aux));
                *node = Value::String(placeholder(splices.len() - 1));
            }
            13 => *node = Value::String(long_string(op.aux)),
            // Every id of a list the same, or one made invalid.
            14 => {
                if let Value::Array(items) = node {
                    for item in items.iter_mut() {
                        if let Some(id) = item.get_mut("id") {
                            *id = Value::String(op.text.clone());
                        }
                    }
                }
            }
            // The format's own fields.
            _ => {
                // An earlier op may have replaced the whole file.
                let Some(root) = v.as_object_mut() else {
                    continue;
                };
                match op.aux % 4 {
                    0 => root.insert("version".into(), Value::from(op.aux / 4 % 4)),
                    1 => root.insert("format".into(), Value::String(op.text.clone())),
                    2 => root.insert(
                        "status".into(),
                        Value::String(["draft", "final", "Final", ""][op.node as usize % 4].into()),
                    ),
                    _ => root.remove("accepted"),
                };
            }
        }
    }
    let mut text = if m.pretty {
        serde_json::to_string_pretty(&v)
    } else {
        serde_json::to_string(&v)
    }
    .expect("a Value serialises");
    for (k, raw) in splices.iter().enumerate() {
        let quoted = serde_json::to_string(&placeholder(k)).expect("a string serialises");
        text = text.replacen(&quoted, raw, 1);
    }
    let mut bytes = text.into_bytes();
    for b in &m.bytes {
        if bytes.is_empty() {
            break;
        }
        let at = b.at as usize % bytes.len();
        match b.kind {
            0 => bytes[at] ^= 1 << (b.byte % 8),
            1 => bytes.insert(at, b.byte),
            2 => {
                bytes.remove(at);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

fn seeds() -> [Value; 2] {
    [
        serde_json::to_value(sample()).expect("the sample is JSON"),
        serde_json::to_value(template()).expect("the template is JSON"),
    ]
}

fn mutation(max_byte_ops: usize) -> impl Strategy<Value = Mutation> {
    (
        0..4u8,
        any::<bool>(),
        prop::collection::vec(op(), 1..4),
        prop::collection::vec(byte_op(), 0..=max_byte_ops),
    )
        .prop_map(|(seed, pretty, ops, bytes)| Mutation {
            seed,
            pretty,
            ops,
            bytes,
        })
}

#[test]
fn mutated_notices_never_panic() {
    let seeds = seeds();
    fuzz("structure", cases(45), mutation(0), |m| {
        exercise(&mutate(&m, &seeds))
    });
}

#[test]
fn mutated_notices_with_broken_bytes_never_panic() {
    let seeds = seeds();
    fuzz("structure+bytes", cases(25), mutation(3), |m| {
        exercise(&mutate(&m, &seeds))
    });
}

// ---------------------------------------------------------------------------
// The special inputs, each once.

#[test]
fn the_seeds_themselves_round_trip() {
    for n in [sample(), template()] {
        round_trip(&n).unwrap();
    }
}

#[test]
fn special_inputs_are_refused_or_read_without_panic() {
    let json = to_json(&sample());
    let deep = 10_000;
    let mut inputs: Vec<Vec<u8>> = vec![
        "[".repeat(deep).into_bytes(),
        format!("{}{}", "[".repeat(deep), "]".repeat(deep)).into_bytes(),
        format!("{}1{}", "{\"a\":".repeat(deep), "}".repeat(deep)).into_bytes(),
        json.replacen(
            "\"header\": {",
            &format!("\"header\": {}{{", "[".repeat(deep)),
            1,
        )
        .into_bytes(),
        json.replacen("\"version\": 1", "\"version\": 1e99999", 1)
            .into_bytes(),
        json.replacen(
            "\"version\": 1",
            &format!("\"version\": 1{}", "0".repeat(400)),
            1,
        )
        .into_bytes(),
        json.replacen("\"version\": 1", "\"version\": 4294967297", 1)
            .into_bytes(),
        json.replacen("\"version\": 1", "\"version\": -1", 1)
            .into_bytes(),
        json.replacen("\"version\": 1", "\"version\": 1.0", 1)
            .into_bytes(),
        vec![b'"'; 3],
        format!("\"{}\"", "ệ".repeat(1 << 20)).into_bytes(),
        b"\xEF\xBB\xBF"
            .iter()
            .copied()
            .chain(json.bytes())
            .collect(),
        json.as_bytes()[..json.len() / 2].to_vec(),
    ];
    // A field holding ~1 MB: opens, renders, round-trips.
    let mut big = sample();
    big.closing = "Đoàn kiểm tra <b>&</b> \u{202e} {i} ".repeat(40_000);
    inputs.push(to_json(&big).into_bytes());
    let mut opened = 0;
    for input in &inputs {
        if exercise(input).unwrap_or_else(|e| panic!("{e}")) {
            opened += 1;
        }
    }
    // The BOM-prefixed sample, the version 1.0 refused, the big closing.
    assert!(opened >= 2, "{opened} opened");
    let huge = format!("\"{}\"", "a".repeat(MAX_BYTES));
    assert!(import_bytes(huge.as_bytes())
        .unwrap_err()
        .message_en
        .contains("too large"));
}
