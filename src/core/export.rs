//! The files a notice leaves as: [`export`] gives the file of one
//! [`Format`], with its name and type, for the editor's download buttons,
//! the host page's `exportJson()` / `exportHtml()` / `exportDocx()`, the
//! iframe's `thongbao-export` and `thongbao render`. Every file carries a
//! fresh check report (`core::report::stamp`). File names are made here,
//! and only here.

use crate::core::format::date::date_from_parts;
use crate::core::json::to_json;
use crate::core::model::Notice;
use crate::core::nfc::fold_ascii;
use crate::core::render::{docx, render_docx, render_html};
use crate::core::report::stamp;

/// What a notice can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The data, to reopen and to feed other systems.
    Json,
    /// The notice to print, sign and send (the data travels inside).
    Html,
    /// The notice as a Word document, for the office's own system (the
    /// data travels inside).
    Docx,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Json, Format::Html, Format::Docx];

    /// The name hosts use (`"json"`, `"html"`), and the file's extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Html => "text/html;charset=utf-8",
            Format::Docx => docx::MIME,
        }
    }
}

/// One exported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub format: Format,
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

impl File {
    /// The content as text, for the formats that are text (JSON, HTML:
    /// UTF-8); None for a Word document.
    pub fn text(&self) -> Option<&str> {
        match self.format {
            Format::Docx => None,
            _ => std::str::from_utf8(&self.bytes).ok(),
        }
    }
}

/// When a file is made: `today` (`YYYY-MM-DD`, local) names the file while
/// the notice has no complete date of its own; `unix_secs` dates its check
/// report.
#[derive(Clone, Copy, Debug)]
pub struct Now<'a> {
    pub today: &'a str,
    pub unix_secs: u64,
}

/// The notice as a file of `format`, carrying a fresh check report.
pub fn export(notice: &Notice, format: Format, now: Now) -> File {
    let notice = stamp(notice, now.unix_secs);
    let bytes = match format {
        Format::Json => to_json(&notice).into_bytes(),
        Format::Html => render_html(&notice).into_bytes(),
        Format::Docx => render_docx(&notice),
    };
    let today = now.today;
    File {
        format,
        name: format!("{}.{}", file_stem(&notice, today), format.name()),
        mime: format.mime(),
        bytes,
    }
}

/// The file name without extension: `thong-bao-<inspected body>-<date>`,
/// the date being the notice's when it is a real date, otherwise `today`.
pub fn file_stem(n: &Notice, today: &str) -> String {
    let body = slug(&n.opening.inspected_body);
    let body = strip_prefixes(&body);
    let h = &n.header;
    let date = match date_from_parts(&h.day, &h.month, &h.year) {
        Ok(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        Err(_) => today.to_string(),
    };
    let mut parts = vec!["thong-bao"];
    if !body.is_empty() {
        parts.push(body);
    }
    parts.push(&date);
    parts.join("-")
}

/// Words that name the kind of body, not the body (`UBND huyện Chi Lăng` →
/// `chi-lang`).
fn strip_prefixes(mut s: &str) -> &str {
    const PREFIXES: [&str; 12] = [
        "uy-ban-nhan-dan-",
        "ubnd-",
        "huyen-",
        "thanh-pho-",
        "thi-xa-",
        "thi-tran-",
        "tinh-",
        "quan-",
        "phuong-",
        "xa-",
        "tp-",
        "tx-",
    ];
    loop {
        match PREFIXES.iter().find_map(|p| s.strip_prefix(p)) {
            Some(rest) if !rest.is_empty() => s = rest,
            _ => return s,
        }
    }
}

/// Lower case ASCII words joined by `-`, Vietnamese letters folded
/// (`Chi Lăng` → `chi-lang`, `Đồng Đăng` → `dong-dang`, composed or not).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in fold_ascii(text).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::samples::sample;

    #[test]
    fn file_names_come_from_the_notice() {
        assert_eq!(slug("Đồng Đăng"), "dong-dang");
        assert_eq!(slug("\u{110}o\u{302}\u{300}ng Đăng"), "dong-dang");
        assert_eq!(slug("  UBND  thị xã!  "), "ubnd-thi-xa");
        let mut n = sample();
        // (day, month, year, today, stem)
        let cases = [
            (
                "",
                "8",
                "2024",
                "2024-08-15",
                "thong-bao-chi-lang-2024-08-15",
            ),
            (
                "5",
                "8",
                "2024",
                "2030-01-01",
                "thong-bao-chi-lang-2024-08-05",
            ),
            (
                "31",
                "2",
                "2024",
                "2024-03-01",
                "thong-bao-chi-lang-2024-03-01",
            ),
            (
                "29",
                "2",
                "2024",
                "2030-01-01",
                "thong-bao-chi-lang-2024-02-29",
            ),
            (
                "x",
                "8",
                "2024",
                "2024-08-15",
                "thong-bao-chi-lang-2024-08-15",
            ),
        ];
        for (day, month, year, today, stem) in cases {
            n.header.day = day.into();
            n.header.month = month.into();
            n.header.year = year.into();
            assert_eq!(file_stem(&n, today), stem, "{day}/{month}/{year}");
        }
        n.opening.inspected_body = "UBND huyện".into();
        assert_eq!(file_stem(&n, "2024-08-15"), "thong-bao-huyen-2024-08-15");
        n.opening.inspected_body = String::new();
        assert_eq!(file_stem(&n, "2024-08-15"), "thong-bao-2024-08-15");
    }

    #[test]
    fn every_format_is_a_file_of_its_own_kind_with_its_report() {
        let n = sample();
        let now = Now {
            today: "2024-08-15",
            unix_secs: 1_723_714_205,
        };
        for f in Format::ALL {
            let file = export(&n, f, now);
            assert_eq!(Format::parse(f.name()), Some(f));
            assert!(file.name.ends_with(&format!(".{}", f.name())));
            assert_eq!(file.mime, f.mime());
            assert_eq!(file.text().is_some(), f != Format::Docx);
            let mut back = crate::core::json::import_bytes(&file.bytes).expect("reopens");
            assert_eq!(
                crate::core::report::verify(&back),
                crate::core::report::Integrity::Intact,
                "{f:?}"
            );
            back.report = None;
            assert_eq!(back, n, "{f:?}");
        }
        assert_eq!(Format::parse("pdf"), None);
    }
}
