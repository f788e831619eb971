//! Native benchmark of the core: importing the reference notice's text
//! (`core::import`), then check, render and the Word export (check
//! report included) of the sample and of the
//! notices with 10× and 100× longer lists, and what one keystroke costs the
//! core in the editor (the incremental check and the preview's partial
//! update after an edit of one paragraph), and recognising every text's
//! prose (`core::recognise`). `cargo bench --bench core`.
//!
//! A plain harness (no nightly `#[bench]`, no criterion's dependency tree):
//! each case runs for about a second after a warm-up and reports the median
//! and 95th percentile of single calls, which is what a keystroke costs.
//! The results also go to `target/bench-core.json`.

use std::hint::black_box;
use std::time::{Duration, Instant};
use thongbao::core::check::{check, Checker, Mode};
use thongbao::core::edit::{self, Command};
use thongbao::core::field::{self, FieldPath};
use thongbao::core::import::import_text;
use thongbao::core::model::Notice;
use thongbao::core::recognise::rich::Plain;
use thongbao::core::recognise::{recognise, verdict};
use thongbao::core::render::{figure_text, note_order, render_docx, render_html, update};
use thongbao::core::report::stamp;
use thongbao::core::samples::scaled;

fn measure(f: &mut dyn FnMut()) -> (f64, f64, usize) {
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(200) {
        f();
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) || times.len() < 20 {
        let t = Instant::now();
        f();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (pick(0.5), pick(0.95), times.len())
}

/// The reference notice as text copied from a PDF (`tests/golden`).
const REFERENCE: &str = include_str!("../tests/golden/notice-chi-lang-2024.txt");

fn main() {
    let mut rows = Vec::new();
    println!(
        "{:<10} {:<9} {:>10} {:>10} {:>7}",
        "notice", "task", "p50 ms", "p95 ms", "runs"
    );
    // Import: the reference's text → a structured notice.
    let mut import_it = || drop(black_box(import_text(black_box(REFERENCE))));
    let (p50, p95, runs) = measure(&mut import_it);
    println!(
        "{:<10} {:<9} {p50:>10.3} {p95:>10.3} {runs:>7}",
        "reference", "import"
    );
    rows.push(serde_json::json!({"notice": "reference", "task": "import", "p50_ms": p50, "p95_ms": p95, "runs": runs}));
    for factor in [1usize, 10, 100] {
        let n: Notice = scaled(factor);
        let name = if factor == 1 {
            "sample".to_string()
        } else {
            format!("{factor}×")
        };
        let mut check_it = || drop(black_box(check(black_box(&n), Mode::Draft)));
        let mut render_it = || drop(black_box(render_html(black_box(&n))));
        // The Word export: the check report, then the .docx.
        let mut docx_it = || {
            let stamped = stamp(black_box(&n), 1_723_714_205);
            drop(black_box(render_docx(&stamped)))
        };
        // A keystroke in the first paragraph, as the editor handles it.
        let mut edited = n.clone();
        let mut checker = Checker::new(&edited, Mode::Draft);
        let notes: Vec<String> = note_order(&n).iter().map(|s| s.to_string()).collect();
        let shown = thongbao::core::outline::outline(&n);
        let path: FieldPath = "block/p1.s1.b1/text".parse().expect("a field path");
        let text = field::get(&n, &path).unwrap_or("").to_string();
        let mut flip = false;
        let mut keystroke = || {
            flip = !flip;
            let v = if flip {
                format!("x{text}")
            } else {
                text.clone()
            };
            let command = Command::Set {
                path: path.clone(),
                value: v,
            };
            black_box(edit::apply(&mut edited, command));
            black_box(checker.edited(&edited, &path));
            let refs: Vec<&str> = notes.iter().map(String::as_str).collect();
            drop(black_box(update(&edited, &path, &refs, &shown)));
        };
        // A keystroke in the longest text with numbers in it (typed or
        // figures): what re-recognising one text costs (issue 12).
        let mut edited2 = n.clone();
        let mut checker2 = Checker::new(&edited2, Mode::Draft);
        let (path2, text2) = field::rich_texts(&n)
            .into_iter()
            .filter(|(_, t)| t.contains("{fig:") || t.bytes().any(|b| b.is_ascii_digit()))
            .max_by_key(|(_, t)| t.len())
            .map(|(p, t)| (p, t.to_string()))
            .expect("a text with numbers");
        let mut flip2 = false;
        let mut keystroke_prose = || {
            flip2 = !flip2;
            let v = if flip2 {
                format!("{text2} 120 hộ, trong đó 150 hộ")
            } else {
                text2.clone()
            };
            let command = Command::Set {
                path: path2.clone(),
                value: v,
            };
            black_box(edit::apply(&mut edited2, command));
            black_box(checker2.edited(&edited2, &path2));
            let refs: Vec<&str> = notes.iter().map(String::as_str).collect();
            drop(black_box(update(&edited2, &path2, &refs, &shown)));
        };
        // Every text recognised (issue 12): spans, the relations stated,
        // their verdicts — what the prose.* rules do over the whole notice.
        let mut recognise_it = || {
            for (_, text) in field::rich_texts(&n) {
                let value = |id: &str| n.figure(id).map(figure_text);
                let plain = Plain::new(text, &value);
                let (s, stated) = recognise(&plain.text);
                for st in &stated {
                    black_box(verdict(&plain.text, &s, st));
                }
            }
        };
        let tasks: [(&str, &mut dyn FnMut()); 6] = [
            ("check", &mut check_it),
            ("render", &mut render_it),
            ("docx", &mut docx_it),
            ("keystroke", &mut keystroke),
            ("key-prose", &mut keystroke_prose),
            ("recognise", &mut recognise_it),
        ];
        for (task, f) in tasks {
            let (p50, p95, runs) = measure(f);
            println!("{name:<10} {task:<9} {p50:>10.3} {p95:>10.3} {runs:>7}");
            rows.push(serde_json::json!({"notice": name, "task": task, "p50_ms": p50, "p95_ms": p95, "runs": runs}));
        }
    }
    let out = serde_json::json!({ "bench": "core", "results": rows });
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-core.json");
    if std::fs::write(
        &path,
        serde_json::to_string_pretty(&out).unwrap_or_default(),
    )
    .is_ok()
    {
        println!("written to {}", path.display());
    }
}
