//! The command line, run as a process: exit codes, text and JSON output,
//! rendering to a file.

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thongbao"))
        .args(args)
        .output()
        .expect("run thongbao")
}

fn tmp(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thongbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn check_reports_the_sample_errors_with_exit_1() {
    let o = run(&["check", "data/chi-lang-2024.json"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("LỖI [percent.ratio] fig/edu.grade1_4_pct/value"),
        "{out}"
    );
    assert!(out.contains("→ Dùng 98,8%"), "{out}");
    assert!(out.ends_with("3 lỗi, 4 cảnh báo.\n"), "{out}");
}

#[test]
fn check_json_and_final_mode() {
    let o = run(&["check", "data/chi-lang-2024.json", "--json", "--final"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["mode"], "final");
    // In final mode the blank number, day and fund total become errors.
    assert_eq!(v["errors"], 6);
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"header.number_blank"));
    assert_eq!(
        v["findings"][0]["fields"][0]
            .as_str()
            .map(|s| s.starts_with("fig/")),
        Some(true)
    );
}

#[test]
fn a_clean_notice_exits_0_and_english_works() {
    let sample = stdout(&run(&["sample"]));
    let fixed = sample
        .replace("\"value\": \"98,9\"", "\"value\": \"98,8\"")
        .replace("\"symbol\": \"Kh-UBND\"", "\"symbol\": \"KH-UBND\"")
        .replace("\"symbol\": \"QĐ-BLĐT BXH\"", "\"symbol\": \"QĐ-BLĐTBXH\"");
    let path = tmp("clean.json", &fixed);
    let o = run(&["check", path.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).ends_with("0 errors, 4 warnings.\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn unreadable_files_exit_2_with_a_message() {
    let o = run(&["check", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Không đọc được tệp"));
    let bad = tmp(
        "bad.json",
        "{\"format\": \"thongbao.notice\", \"version\": 9}",
    );
    let o = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("phiên bản 9"));
    assert_eq!(run(&[]).status.code(), Some(2));
}

#[test]
fn render_writes_the_notice_and_it_reopens() {
    let out = std::env::temp_dir().join(format!("thongbao-cli-{}-notice.html", std::process::id()));
    let o = run(&[
        "render",
        "data/chi-lang-2024.json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Đàm Văn Chính"));
    // The exported HTML checks like the JSON it came from.
    let o = run(&["check", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).ends_with("3 lỗi, 4 cảnh báo.\n"));
}

#[test]
fn sample_template_and_schema_print_json() {
    for cmd in ["sample", "template", "schema"] {
        let o = run(&[cmd]);
        assert_eq!(o.status.code(), Some(0), "{cmd}");
        serde_json::from_str::<serde_json::Value>(&stdout(&o))
            .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    }
}

#[test]
fn blank_prints_a_notice_with_no_figures() {
    for args in [&["blank"][..], &["template", "--blank"][..]] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}");
        let n = thongbao::core::json::import(&stdout(&o)).unwrap();
        assert_eq!(n, thongbao::core::samples::blank(), "{args:?}");
        assert!(n.figures.is_empty() && n.relations.is_empty());
    }
}
