//! `thongbao`: the core on the command line, for portals and batch jobs that
//! check and render notices without a browser.
//!
//! ```text
//! thongbao check FILE [--json] [--final] [--lang en]   exit 0 clean, 1 errors, 2 unreadable,
//!                                                      3 changed after its check report
//! thongbao render FILE [--format html|docx] [-o OUT]   the notice as HTML or Word
//! thongbao sample | template | blank | schema          shipped data, JSON Schema
//! ```

use std::io::Write;
use std::process::ExitCode;
use thongbao::core::check::{check, counts, Mode, Severity};
use thongbao::core::export::{export, Format, Now};
use thongbao::core::json::{import_bytes, schema, to_json};
use thongbao::core::lang::Lang;
use thongbao::core::report::{verify, Integrity};
use thongbao::core::samples::{blank, sample, template};

const USAGE: &str = "\
thongbao: kiểm tra và kết xuất thông báo kết quả kiểm tra, giám sát

  thongbao check FILE [--json] [--final] [--lang vi|en]
      Kiểm tra tệp (JSON, HTML hoặc DOCX do thongbao xuất). Mã thoát: 0 không có
      lỗi, 1 có lỗi, 2 không đọc được tệp, 3 tệp đã bị sửa sau khi được kiểm tra.
  thongbao render FILE [--format html|docx] [-o OUT]
      Kết xuất thông báo thành HTML hoặc Word (.docx), kèm báo cáo kiểm tra.
  thongbao sample                      In thông báo mẫu Chi Lăng 2024 (JSON).
  thongbao template                    In mẫu Bảo vệ chăm sóc trẻ em, để trống số liệu (JSON).
  thongbao blank                       In thông báo trống: cấu trúc thông báo, không có số liệu,
                                       cho mọi lĩnh vực (JSON). Cũng là: thongbao template --blank
  thongbao schema                      In JSON Schema của định dạng tệp.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let lang = match option("--lang").as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    };
    let file = args.get(1).filter(|a| !a.starts_with('-'));
    match (args.first().map(String::as_str), file) {
        (Some("check"), Some(path)) => run_check(path, flag("--json"), flag("--final"), lang),
        (Some("render"), Some(path)) => {
            run_render(path, option("-o"), option("--format").as_deref(), lang)
        }
        (Some("sample"), _) => emit(&to_json(&sample())),
        (Some("blank"), _) => emit(&to_json(&blank())),
        (Some("template"), _) if flag("--blank") => emit(&to_json(&blank())),
        (Some("template"), _) => emit(&to_json(&template())),
        (Some("schema"), _) => emit(&schema()),
        (Some("help" | "--help" | "-h"), _) => emit(USAGE),
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.write_all(b"\n"))
        .is_err()
    {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn read(path: &str, lang: Lang) -> Result<thongbao::core::model::Notice, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!(
            "{}: {path}: {e}",
            lang.pick("Không đọc được tệp", "Cannot read the file")
        );
        ExitCode::from(2)
    })?;
    import_bytes(&bytes).map_err(|e| {
        eprintln!("{path}: {}", e.message(lang));
        ExitCode::from(2)
    })
}

fn run_check(path: &str, json: bool, fin: bool, lang: Lang) -> ExitCode {
    let notice = match read(path, lang) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let mode = if fin { Mode::Final } else { Mode::Draft };
    let findings = check(&notice, mode);
    let (errors, warnings) = counts(&findings);
    let integrity = verify(&notice);
    if json {
        let (state, checked_at) = match &integrity {
            Integrity::Unchecked => ("unchecked", None),
            Integrity::Intact => ("intact", notice.report.as_ref().map(|r| &r.checked_at)),
            Integrity::Changed { checked_at, .. } => ("changed", Some(checked_at)),
        };
        let report = serde_json::json!({
            "file": path,
            "mode": mode,
            "errors": errors,
            "warnings": warnings,
            "findings": findings,
            "integrity": state,
            "checked_at": checked_at,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        for f in &findings {
            let sev = match f.severity {
                Severity::Error => lang.pick("LỖI", "ERROR"),
                Severity::Warning if f.accepted.is_some() => lang.pick("đã chấp nhận", "accepted"),
                Severity::Warning => lang.pick("cảnh báo", "warning"),
            };
            let field = f.field().map(ToString::to_string).unwrap_or_default();
            println!("{sev} [{}] {field}: {}", f.rule, f.message(lang));
            if let Some(fix) = &f.fix {
                println!("    → {}", lang.pick(&fix.label_vi, &fix.label_en));
            }
        }
        match &integrity {
            Integrity::Unchecked => {}
            Integrity::Intact => println!(
                "{}",
                match lang {
                    Lang::Vi => format!(
                        "Tệp đúng như khi được kiểm tra lúc {} (dấu vân tay khớp).",
                        notice.report.as_ref().map_or("", |r| r.checked_at.as_str())
                    ),
                    Lang::En => format!(
                        "The file is as it was when checked at {} (the fingerprint matches).",
                        notice.report.as_ref().map_or("", |r| r.checked_at.as_str())
                    ),
                }
            ),
            Integrity::Changed {
                checked_at,
                expected,
                actual,
            } => println!(
                "{}",
                match lang {
                    Lang::Vi => format!(
                        "CHÚ Ý: tệp đã bị sửa bên ngoài thongbao sau khi được kiểm tra lúc {checked_at}: dấu vân tay không khớp (báo cáo ghi {expected}, nội dung hiện là {actual}). Báo cáo kiểm tra kèm theo không còn đúng với nội dung này."
                    ),
                    Lang::En => format!(
                        "WARNING: the file was changed outside thongbao after it was checked at {checked_at}: the fingerprint does not match (the report says {expected}, the content is {actual}). Its check report no longer describes this content."
                    ),
                }
            ),
        }
        println!(
            "{}",
            match lang {
                Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo."),
                Lang::En => format!("{errors} errors, {warnings} warnings."),
            }
        );
    }
    if matches!(integrity, Integrity::Changed { .. }) {
        ExitCode::from(3)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_render(path: &str, out: Option<String>, format: Option<&str>, lang: Lang) -> ExitCode {
    let notice = match read(path, lang) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let format = match format.map(|f| (f, Format::parse(f))) {
        None => Format::Html,
        Some((_, Some(f))) => f,
        Some((other, None)) => {
            eprintln!(
                "{}: {other} (html, docx, json)",
                lang.pick("Định dạng không hỗ trợ", "Unsupported format")
            );
            return ExitCode::from(2);
        }
    };
    // Every export carries its check report, made now.
    let unix_secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let bytes = export(
        &notice,
        format,
        Now {
            today: "",
            unix_secs,
        },
    )
    .bytes;
    match out {
        Some(file) => match std::fs::write(&file, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!(
                    "{}: {file}: {e}",
                    lang.pick("Không ghi được tệp", "Cannot write the file")
                );
                ExitCode::from(2)
            }
        },
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&bytes) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            }
        }
    }
}
