//! `thongbao`: the core on the command line, for portals and batch jobs that
//! check and render notices without a browser.
//!
//! ```text
//! thongbao check FILE [--json] [--final] [--lang en]   exit 0 clean, 1 errors, 2 unreadable
//! thongbao render FILE [-o OUT.html]                   the notice as HTML
//! thongbao sample | template | blank | schema          shipped data, JSON Schema
//! ```

use std::io::Write;
use std::process::ExitCode;
use thongbao::core::check::{check, counts, Mode, Severity};
use thongbao::core::json::{import_bytes, schema, to_json};
use thongbao::core::lang::Lang;
use thongbao::core::render::render_html;
use thongbao::core::samples::{blank, sample, template};

const USAGE: &str = "\
thongbao: kiểm tra và kết xuất thông báo kết quả kiểm tra, giám sát

  thongbao check FILE [--json] [--final] [--lang vi|en]
      Kiểm tra tệp (JSON hoặc HTML do thongbao xuất). Mã thoát: 0 không có lỗi,
      1 có lỗi, 2 không đọc được tệp.
  thongbao render FILE [-o OUT.html]   Kết xuất thông báo thành HTML.
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
        (Some("render"), Some(path)) => run_render(path, option("-o"), lang),
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
    if json {
        let report = serde_json::json!({
            "file": path,
            "mode": mode,
            "errors": errors,
            "warnings": warnings,
            "findings": findings,
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
        println!(
            "{}",
            match lang {
                Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo."),
                Lang::En => format!("{errors} errors, {warnings} warnings."),
            }
        );
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_render(path: &str, out: Option<String>, lang: Lang) -> ExitCode {
    let notice = match read(path, lang) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let html = render_html(&notice);
    match out {
        Some(file) => match std::fs::write(&file, html) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!(
                    "{}: {file}: {e}",
                    lang.pick("Không ghi được tệp", "Cannot write the file")
                );
                ExitCode::from(2)
            }
        },
        None => emit(&html),
    }
}
