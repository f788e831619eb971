//! `thongbao`: the core on the command line, for portals and batch jobs that
//! check and render notices without a browser.
//!
//! ```text
//! thongbao check FILE [--json] [--final|--issued] [--lang en]   exit 0 clean, 1 errors, 2 unreadable,
//!                                                      3 changed after its check report
//! thongbao render FILE [--format html|docx] [-o OUT]   the notice as HTML or Word
//! thongbao import FILE [-o notice.json] [--lang en]    a notice from a .txt, .html or .docx:
//!                                                      the JSON, and what was recognised on stderr
//! thongbao sample | template | blank | schema          shipped data, JSON Schema
//! ```

use std::io::Write;
use std::process::ExitCode;
use thongbao::core::check::{check, counts, Mode, Severity};
use thongbao::core::export::{export, Format, Now};
use thongbao::core::import::import_file;
use thongbao::core::json::{import_bytes, schema, to_json};
use thongbao::core::lang::Lang;
use thongbao::core::report::{verify, Integrity};
use thongbao::core::samples::{blank, sample, template};

const USAGE: &str = "\
thongbao: kiểm tra và kết xuất thông báo kết quả kiểm tra, giám sát

  thongbao check FILE [--json] [--final|--issued] [--lang vi|en]
      Kiểm tra tệp (JSON, HTML hoặc DOCX do thongbao xuất). --final: kiểm tra bản
      trình ký (như nút “Hoàn tất”: số và ngày được để trống cho văn thư); --issued:
      kiểm tra bản ban hành (số và ngày bắt buộc). Mã thoát: 0 không có lỗi, 1 có
      lỗi, 2 không đọc được tệp, 3 tệp đã bị sửa sau khi được kiểm tra.
  thongbao render FILE [--format html|docx|json] [-o OUT] [--lang vi|en]
      Kết xuất thông báo thành HTML hoặc Word (.docx), kèm báo cáo kiểm tra.
  thongbao import FILE [-o notice.json] [--lang vi|en]
      Đọc thông báo từ văn bản (.txt, .html bất kỳ, .docx) thành thông báo có cấu trúc (JSON);
      những gì nhận ra được và những dòng cần xem lại in ra stderr. Mã thoát 2: không đọc được tệp.
  thongbao sample                      In thông báo mẫu Chi Lăng 2024 (JSON).
  thongbao template                    In mẫu Bảo vệ chăm sóc trẻ em, để trống số liệu (JSON).
  thongbao blank                       In thông báo trống: cấu trúc thông báo, không có số liệu,
                                       cho mọi lĩnh vực (JSON). Cũng là: thongbao template --blank
  thongbao schema                      In JSON Schema của định dạng tệp.
";

/// What the command line asks for, once it is known to be well formed.
#[derive(Debug, PartialEq)]
enum Command {
    Check {
        path: String,
        json: bool,
        mode: Mode,
        lang: Lang,
    },
    Render {
        path: String,
        out: Option<String>,
        format: Format,
        lang: Lang,
    },
    Import {
        path: String,
        out: Option<String>,
        lang: Lang,
    },
    Sample,
    Template,
    Blank,
    Schema,
    Help,
}

/// Reads the arguments; `Err` is the line that says what is wrong with them
/// (shown above the usage, exit 2). Every argument must be understood: an
/// unknown flag or a language the messages do not exist in is refused
/// rather than ignored, since a batch job that misspells `--final` would
/// otherwise pass drafts as final.
fn parse_args(args: &[String]) -> Result<Command, String> {
    let Some(cmd) = args.first() else {
        return Err("thiếu lệnh (check, render, import, sample, template, blank, schema).".into());
    };
    let rest = &args[1..];
    let (mut path, mut json, mut mode, mut lang, mut out) = (None, false, Mode::Draft, None, None);
    let (mut format, mut blank) = (Format::Html, false);
    let takes_file = matches!(cmd.as_str(), "check" | "render" | "import");
    let mut i = 0;
    while i < rest.len() {
        let arg = rest[i].as_str();
        let mut value = || {
            i += 1;
            rest.get(i)
                .filter(|v| !v.starts_with('-'))
                .cloned()
                .ok_or_else(|| format!("tùy chọn “{arg}” cần một giá trị."))
        };
        match (cmd.as_str(), arg) {
            ("check", "--json") => json = true,
            ("check", "--final") => mode = Mode::Final,
            ("check", "--issued") => mode = Mode::Issued,
            ("check" | "render" | "import", "--lang") => {
                lang = Some(match value()?.as_str() {
                    "vi" => Lang::Vi,
                    "en" => Lang::En,
                    other => {
                        return Err(format!(
                            "ngôn ngữ “{other}” không có: chỉ có vi (tiếng Việt) và en (tiếng Anh)."
                        ))
                    }
                })
            }
            ("render" | "import", "-o") => out = Some(value()?),
            ("render", "--format") => {
                let name = value()?;
                format = Format::parse(&name).ok_or_else(|| {
                    format!("không có định dạng “{name}”: chỉ có html, docx và json.")
                })?
            }
            ("template", "--blank") => blank = true,
            (_, a) if a.starts_with('-') && a.len() > 1 => {
                return Err(format!("không có tùy chọn “{a}” cho lệnh “{cmd}”."))
            }
            (_, a) if takes_file && path.is_none() => path = Some(a.to_string()),
            (_, a) => return Err(format!("thừa tham số “{a}”.")),
        }
        i += 1;
    }
    let lang = lang.unwrap_or(Lang::Vi);
    let need_path = || {
        path.clone()
            .ok_or_else(|| format!("lệnh “{cmd}” cần tên tệp."))
    };
    match cmd.as_str() {
        "check" => Ok(Command::Check {
            path: need_path()?,
            json,
            mode,
            lang,
        }),
        "render" => Ok(Command::Render {
            path: need_path()?,
            out,
            format,
            lang,
        }),
        "import" => Ok(Command::Import {
            path: need_path()?,
            out,
            lang,
        }),
        "sample" => Ok(Command::Sample),
        "template" if blank => Ok(Command::Blank),
        "template" => Ok(Command::Template),
        "blank" => Ok(Command::Blank),
        "schema" => Ok(Command::Schema),
        "help" | "--help" | "-h" => Ok(Command::Help),
        other => Err(format!("không có lệnh “{other}”.")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Check {
            path,
            json,
            mode,
            lang,
        }) => run_check(&path, json, mode, lang),
        Ok(Command::Render {
            path,
            out,
            format,
            lang,
        }) => run_render(&path, out, format, lang),
        Ok(Command::Import { path, out, lang }) => run_import(&path, out, lang),
        Ok(Command::Sample) => emit(&to_json(&sample())),
        Ok(Command::Template) => emit(&to_json(&template())),
        Ok(Command::Blank) => emit(&to_json(&blank())),
        Ok(Command::Schema) => emit(&schema()),
        Ok(Command::Help) => emit(USAGE),
        Err(problem) => {
            eprint!("thongbao: {problem}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Why a file could not be read or written, in the officer's language: the
/// operating system's own text is English whatever the language asked for.
fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let (vi, en) = match e.kind() {
        ErrorKind::NotFound => ("không có tệp hoặc thư mục này", "no such file or directory"),
        ErrorKind::PermissionDenied => ("không có quyền truy cập", "permission denied"),
        ErrorKind::IsADirectory => (
            "đây là một thư mục, không phải tệp",
            "it is a directory, not a file",
        ),
        ErrorKind::NotADirectory => (
            "một phần của đường dẫn không phải thư mục",
            "a part of the path is not a directory",
        ),
        ErrorKind::StorageFull => ("ổ đĩa đã đầy", "the disk is full"),
        ErrorKind::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "the file system is read-only"),
        _ => ("lỗi hệ thống", "a system error"),
    };
    let text = lang.pick(vi, en);
    match e.raw_os_error() {
        Some(code) => format!("{text} ({} {code})", lang.pick("mã lỗi", "error code")),
        None => text.to_string(),
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
            "{}: {path}: {}.",
            lang.pick("Không đọc được tệp", "Cannot read the file"),
            io_reason(&e, lang)
        );
        ExitCode::from(2)
    })?;
    import_bytes(&bytes).map_err(|e| {
        eprintln!("{path}: {}", e.message(lang));
        ExitCode::from(2)
    })
}

fn run_check(path: &str, json: bool, mode: Mode, lang: Lang) -> ExitCode {
    let notice = match read(path, lang) {
        Ok(n) => n,
        Err(code) => return code,
    };
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

fn run_render(path: &str, out: Option<String>, format: Format, lang: Lang) -> ExitCode {
    let notice = match read(path, lang) {
        Ok(n) => n,
        Err(code) => return code,
    };
    // Every export carries its check report, made now.
    let unix_secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let now = Now { unix_secs };
    let bytes = export(&notice, format, now).bytes;
    match out {
        Some(file) => match std::fs::write(&file, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!(
                    "{}: {file}: {}.",
                    lang.pick("Không ghi được tệp", "Cannot write the file"),
                    io_reason(&e, lang)
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

fn run_import(path: &str, out: Option<String>, lang: Lang) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "{}: {path}: {}.",
                lang.pick("Không đọc được tệp", "Cannot read the file"),
                io_reason(&e, lang)
            );
            return ExitCode::from(2);
        }
    };
    let imported = match import_file(&bytes, path) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{path}: {}", e.message(lang));
            return ExitCode::from(2);
        }
    };
    let json = to_json(&imported.notice);
    let code = match &out {
        Some(file) => match std::fs::write(file, format!("{json}\n")) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!(
                    "{}: {file}: {}.",
                    lang.pick("Không ghi được tệp", "Cannot write the file"),
                    io_reason(&e, lang)
                );
                return ExitCode::from(2);
            }
        },
        None => emit(&json),
    };
    for line in imported.report.lines(lang) {
        eprintln!("{line}");
    }
    code
}
