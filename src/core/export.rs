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

/// When a file is made: `unix_secs` dates its check report (the file's
/// name comes from the notice alone, see [`file_stem`]).
#[derive(Clone, Copy, Debug)]
pub struct Now {
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
    File {
        format,
        name: format!("{}.{}", file_stem(&notice), format.name()),
        mime: format.mime(),
        bytes,
    }
}

/// The file name without extension, from the notice alone: its type
/// (`thong-bao`), its number when it has one (`so-97`), the inspected body
/// (`chi-lang`; with none, the first words of the subject) and its date
/// when the date is complete and real (`2024-08-15`). With no date of its
/// own the name carries none: today's date would name the same notice
/// differently each day, and say nothing about it.
pub fn file_stem(n: &Notice) -> String {
    let h = &n.header;
    let mut parts = Vec::new();
    let kind = slug(&h.doc_type);
    parts.push(if kind.is_empty() {
        "thong-bao".to_string()
    } else {
        kind
    });
    let number = slug(&h.number);
    if !number.is_empty() {
        parts.push(format!("so-{number}"));
    }
    let body = slug(&n.opening.inspected_body);
    let body = strip_prefixes(&body);
    if body.is_empty() {
        let subject = slug(&crate::core::text::plain(&h.subject));
        // Words every such subject begins with.
        let mut subject = subject.as_str();
        for w in ["ket-qua-", "kiem-tra-", "giam-sat-"] {
            subject = subject.strip_prefix(w).unwrap_or(subject);
        }
        let words: Vec<&str> = subject
            .split('-')
            .filter(|w| !w.is_empty())
            .take(6)
            .collect();
        if !words.is_empty() {
            parts.push(words.join("-"));
        }
    } else {
        parts.push(body.to_string());
    }
    if let Ok(d) = date_from_parts(&h.day, &h.month, &h.year) {
        parts.push(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
    }
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
        // (number, day, month, year, inspected body, subject, stem)
        let cases = [
            (
                "",
                "",
                "8",
                "2024",
                "UBND huyện Chi Lăng",
                None,
                "thong-bao-chi-lang",
            ),
            (
                "97",
                "",
                "8",
                "2024",
                "UBND huyện Chi Lăng",
                None,
                "thong-bao-so-97-chi-lang",
            ),
            (
                "97",
                "15",
                "8",
                "2024",
                "UBND huyện Chi Lăng",
                None,
                "thong-bao-so-97-chi-lang-2024-08-15",
            ),
            (
                "",
                "5",
                "8",
                "2024",
                "UBND huyện Chi Lăng",
                None,
                "thong-bao-chi-lang-2024-08-05",
            ),
            (
                "",
                "29",
                "2",
                "2024",
                "UBND huyện Chi Lăng",
                None,
                "thong-bao-chi-lang-2024-02-29",
            ),
            // Not a real date, or not complete: no date at all.
            (
                "",
                "31",
                "2",
                "2024",
                "UBND huyện Chi Lăng",
                None,
                "thong-bao-chi-lang",
            ),
            (
                "",
                "x",
                "8",
                "2024",
                "UBND huyện Chi Lăng",
                None,
                "thong-bao-chi-lang",
            ),
            (
                "",
                "15",
                "8",
                "",
                "UBND huyện Chi Lăng",
                None,
                "thong-bao-chi-lang",
            ),
            (
                "05/TB",
                "",
                "",
                "",
                "UBND thị xã Đồng Đăng",
                None,
                "thong-bao-so-05-tb-dong-dang",
            ),
            ("", "", "8", "2024", "UBND huyện", None, "thong-bao-huyen"),
            // No inspected body: the subject's first words say what it is about.
            (
                "",
                "",
                "8",
                "2024",
                "",
                None,
                "thong-bao-tinh-hinh-thuc-hien-cac-chuong",
            ),
            (
                "",
                "",
                "8",
                "2024",
                "",
                Some("Kết quả kiểm tra công tác {ref:qd06-ttg} giảm nghèo"),
                "thong-bao-cong-tac-giam-ngheo",
            ),
            ("", "", "", "", "", Some(""), "thong-bao"),
        ];
        for (number, day, month, year, body, subject, stem) in cases {
            let mut n = sample();
            n.header.number = number.into();
            n.header.day = day.into();
            n.header.month = month.into();
            n.header.year = year.into();
            n.opening.inspected_body = body.into();
            if let Some(s) = subject {
                n.header.subject = s.into();
            }
            assert_eq!(file_stem(&n), stem, "{number} {day}/{month}/{year} {body}");
        }
        let mut n = sample();
        n.header.doc_type = "BÁO CÁO".into();
        assert_eq!(file_stem(&n), "bao-cao-chi-lang");
    }

    #[test]
    fn every_format_is_a_file_of_its_own_kind_with_its_report() {
        let n = sample();
        let now = Now {
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
