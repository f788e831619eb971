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
    // For signing, the blank fund total becomes an error; the blank number
    // and day stay warnings, for the văn thư.
    assert_eq!(v["errors"], 4);
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
    // Issued: the blank number and day are errors too.
    let o = run(&["check", "data/chi-lang-2024.json", "--json", "--issued"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["mode"], "issued");
    assert_eq!(v["errors"], 6);
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

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn unknown_flags_missing_values_and_other_languages_are_refused_with_the_usage() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["check", "data/chi-lang-2024.json", "--finall"],
            "“--finall”",
        ),
        (
            &["check", "data/chi-lang-2024.json", "--lang", "fr"],
            "“fr”",
        ),
        (
            &["check", "data/chi-lang-2024.json", "--lang"],
            "“--lang” cần một giá trị",
        ),
        (&["check", "--lang", "en"], "cần tên tệp"),
        (&["check", "a.json", "b.json"], "thừa tham số “b.json”"),
        (
            &["render", "data/chi-lang-2024.json", "-o"],
            "“-o” cần một giá trị",
        ),
        (&["render", "data/chi-lang-2024.json", "--json"], "“--json”"),
        (&["sample", "--lang", "en"], "“--lang”"),
        (&["schema", "extra"], "thừa tham số"),
        (&["frobnicate"], "không có lệnh “frobnicate”"),
        (&[], "thiếu lệnh"),
    ];
    for (args, why) in cases {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(why), "{args:?}: {err}");
        assert!(
            err.contains("thongbao check FILE"),
            "{args:?}: the usage: {err}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    // What is well formed still works, in any order.
    let o = run(&["check", "--lang", "en", "--json", "data/chi-lang-2024.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn file_errors_are_in_the_language_asked_for() {
    let o = run(&["check", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("Không đọc được tệp: no/such/file.json: không có tệp hoặc thư mục này"),
        "{err}"
    );
    assert!(!err.contains("No such file"), "the system's English: {err}");
    let o = run(&["check", "no/such/file.json", "--lang", "en"]);
    assert!(
        stderr(&o)
            .starts_with("Cannot read the file: no/such/file.json: no such file or directory"),
        "{}",
        stderr(&o)
    );
    let o = run(&["check", "data"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("đây là một thư mục, không phải tệp"),
        "{}",
        stderr(&o)
    );
    let o = run(&[
        "render",
        "data/chi-lang-2024.json",
        "-o",
        "no/such/dir/out.html",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .starts_with("Không ghi được tệp: no/such/dir/out.html: không có tệp hoặc thư mục này"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn render_of_decomposed_input_writes_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let sample = stdout(&run(&["sample"]));
    let decomposed: String = sample.nfd().collect();
    assert_ne!(decomposed, sample);
    let path = tmp("decomposed.json", &decomposed);
    let o = run(&["render", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.contains("PHÓ GIÁM ĐỐC"));
    assert_eq!(html.nfc().collect::<String>(), html, "the notice is NFC");
    // And it checks as the composed sample does: no false signature.deputy
    // or recipients.archive.
    let o = run(&["check", path.to_str().unwrap()]);
    assert!(
        stdout(&o).ends_with("3 lỗi, 4 cảnh báo.\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn import_reads_a_text_notice_prints_json_and_reports_on_stderr() {
    let o = run(&["import", "tests/golden/notice-chi-lang-2024.txt"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["format"], "thongbao.notice");
    assert_eq!(v["parts"].as_array().unwrap().len(), 3);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Nhận ra: 3 phần, 9 mục"), "{err}");
    assert!(
        err.contains(
            "Phần đầu còn thiếu (hãy điền): cơ quan chủ quản, cơ quan ban hành, số văn bản"
        ),
        "{err}"
    );

    let out =
        std::env::temp_dir().join(format!("thongbao-cli-{}-imported.json", std::process::id()));
    let o = run(&[
        "import",
        "tests/golden/notice-chi-lang-2024.txt",
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("Recognised: 3 parts, 9 sections"));
    // The imported notice checks: the reference's own symbol errors.
    let o = run(&["check", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let report = stdout(&o);
    assert!(
        report.contains("LỖI [symbol.grammar] ref/kh221/symbol"),
        "{report}"
    );
    assert!(
        report.contains("LỖI [symbol.grammar] ref/qd548/symbol"),
        "{report}"
    );
}

#[test]
fn import_refuses_a_foreign_file_with_exit_2() {
    let dir = std::env::temp_dir().join(format!("thongbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("anh.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let o = run(&["import", png.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("ảnh PNG"));
    let o = run(&["import", png.to_str().unwrap(), "--lang", "en"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("PNG image"));
    // Flags of other commands are refused, with the usage.
    let o = run(&["import", "x.txt", "--final"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("thongbao import FILE"));
    assert_eq!(run(&["import"]).status.code(), Some(2));
}
