//! The Word export read back by our own code: the parts a `.docx` needs, the
//! layout's settings (A4, margins, a different first page, named styles),
//! one Word footnote per note, the notice's JSON round-tripping through the
//! custom XML part, the check report in the document properties, and the
//! fingerprint catching a one-character change made outside thongbao (in
//! the JSON, the HTML and the DOCX). Real readers (LibreOffice, python-docx)
//! are in `tests/docx_readers.rs`.

mod support;

use proptest::prelude::*;
use std::path::PathBuf;
use std::process::Command;
use thongbao::core::json::{import_bytes, to_json};
use thongbao::core::model::{Notice, Status};
use thongbao::core::render::docx::embedded_json;
use thongbao::core::render::{note_order, render_docx, render_html};
use thongbao::core::report::{fingerprint, stamp, verify, Integrity};
use thongbao::core::samples::sample;
use thongbao::core::zip::{entries, read, ZipWriter};

/// 2024-08-15T09:30:05Z.
const WHEN: u64 = 1_723_714_205;

/// The parts of a docx, by name, as text.
fn parts(docx: &[u8]) -> Vec<(String, String)> {
    entries(docx)
        .unwrap()
        .iter()
        .map(|e| (e.name.clone(), String::from_utf8(read(e).unwrap()).unwrap()))
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"))
        .1
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// Every element opened is closed, in order (a cheap well-formedness check;
/// python-docx and LibreOffice parse the real thing).
fn balanced(xml: &str) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        if tag.starts_with('/') {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            stack.push(name);
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("left open: {stack:?}"))
    }
}

#[test]
fn the_sample_has_every_part_and_the_layout() {
    let n = stamp(&sample(), WHEN);
    let docx = render_docx(&n);
    assert!(docx.starts_with(b"PK\x03\x04"));
    let p = parts(&docx);
    let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
    for want in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/footnotes.xml",
        "word/header1.xml",
        "word/header2.xml",
        "docProps/core.xml",
        "docProps/app.xml",
        "docProps/custom.xml",
        "customXml/item1.xml",
        "customXml/itemProps1.xml",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    for (name, xml) in &p {
        balanced(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let doc = part(&p, "word/document.xml");
    // A4, margins 20/15/20/30 mm, a different first page.
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(doc.contains("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""));
    assert!(doc.contains("<w:titlePg/>"));
    // Two borderless tables: the header and nơi nhận / signature.
    assert_eq!(count(doc, "<w:tbl>"), 2);
    assert_eq!(count(doc, "<w:top w:val=\"nil\"/>"), 2);
    // One Word footnote per note, referred to once each.
    let notes = note_order(&n).len();
    assert_eq!(notes, 12);
    assert_eq!(count(doc, "<w:footnoteReference "), notes);
    let foot = part(&p, "word/footnotes.xml");
    assert_eq!(count(foot, "<w:footnote w:id=\""), notes);
    assert_eq!(count(foot, "<w:footnoteRef/>"), notes);
    // Page numbers from page 2: the default header has the PAGE field,
    // the first page's has none (and says DỰ THẢO on a draft).
    assert!(part(&p, "word/header1.xml").contains(" PAGE "));
    let first = part(&p, "word/header2.xml");
    assert!(!first.contains("PAGE") && first.contains("DỰ THẢO"));
    // Times New Roman by default; the named styles a văn thư adjusts.
    let styles = part(&p, "word/styles.xml");
    assert!(styles.contains("w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""));
    for name in [
        "TB Đoạn văn",
        "TB Phần (I, II, III)",
        "TB Mục (1, 2, 3)",
        "TB Gạch đầu dòng (-)",
        "TB Trích yếu",
        "TB Nơi nhận",
        "footnote text",
    ] {
        assert!(
            styles.contains(&format!("<w:name w:val=\"{name}\"/>")),
            "{name}"
        );
    }
    // The text is the notice's.
    for text in [
        "SỞ LAO ĐỘNG - THƯƠNG BINH",
        "VÀ XÃ HỘI",
        "Độc lập - Tự do - Hạnh phúc",
        ">I. <",
        "KẾT QUẢ KIỂM TRA",
        "Đàm Văn Chính",
        "- Lưu: VT, PXH.",
    ] {
        assert!(doc.contains(text), "{text}");
    }
}

#[test]
fn only_a_draft_has_the_draft_mark() {
    let mut n = sample();
    for (status, marked) in [
        (Status::Draft, true),
        (Status::Signing, false),
        (Status::Issued, false),
    ] {
        n.status = status;
        let p = parts(&render_docx(&n));
        let all = format!(
            "{}{}",
            part(&p, "word/header2.xml"),
            part(&p, "word/document.xml")
        );
        assert_eq!(all.contains("DỰ THẢO"), marked, "{status:?}");
    }
}

#[test]
fn the_export_is_deterministic() {
    let n = stamp(&sample(), WHEN);
    assert_eq!(render_docx(&n), render_docx(&n));
}

#[test]
fn the_report_is_in_the_document_properties() {
    let n = stamp(&sample(), WHEN);
    let r = n.report.as_ref().unwrap();
    assert_eq!(r.checked_at, "2024-08-15T09:30:05Z");
    assert_eq!((r.errors, r.warnings), (3, 4));
    let p = parts(&render_docx(&n));
    let custom = part(&p, "docProps/custom.xml");
    assert!(custom.contains(&format!(
        "name=\"thongbao.fingerprint\"><vt:lpwstr>{}</vt:lpwstr>",
        r.fingerprint
    )));
    assert!(custom.contains("name=\"thongbao.checked_at\"><vt:lpwstr>2024-08-15T09:30:05Z<"));
    assert!(custom.contains("name=\"thongbao.errors\"><vt:lpwstr>3<"));
    assert!(part(&p, "docProps/core.xml").contains("3 lỗi, 4 cảnh báo chưa chấp nhận"));
    // Nothing of it is in the printed document.
    assert!(!part(&p, "word/document.xml").contains("sha256:"));
    // Without a report, no properties.
    let bare = parts(&render_docx(&sample()));
    assert!(!part(&bare, "docProps/custom.xml").contains("<property"));
}

#[test]
fn the_report_lists_accepted_warnings_with_their_reasons() {
    use thongbao::core::check::{check, Mode};
    let mut n = sample();
    let findings = check(&n, Mode::Draft);
    let missing = findings
        .iter()
        .find(|f| f.rule == "ref.date_missing")
        .unwrap();
    n.accepted.push(thongbao::core::model::Acceptance {
        rule: missing.rule.into(),
        field: missing.field().map(ToString::to_string).unwrap_or_default(),
        reason: "Kế hoạch 88 không ghi ngày".into(),
    });
    let r = stamp(&n, WHEN).report.unwrap();
    assert_eq!(r.accepted.len(), 1, "{r:?}");
    assert_eq!(r.accepted[0].reason, "Kế hoạch 88 không ghi ngày");
    assert_eq!((r.errors, r.warnings), (3, 3));
    let p = parts(&render_docx(&stamp(&n, WHEN)));
    assert!(part(&p, "docProps/custom.xml").contains("Kế hoạch 88 không ghi ngày"));
}

#[test]
fn the_notice_round_trips_through_the_docx() {
    let n = stamp(&sample(), WHEN);
    let docx = render_docx(&n);
    assert_eq!(import_bytes(&docx).unwrap(), n);
    assert_eq!(verify(&import_bytes(&docx).unwrap()), Integrity::Intact);
    // And through the HTML, which shows the report off the printed page.
    let html = render_html(&n);
    assert!(html.contains(&format!(
        "<meta name=\"thongbao-fingerprint\" content=\"{}\">",
        n.report.as_ref().unwrap().fingerprint
    )));
    assert!(html.contains("<section class=\"check-report\""));
    assert!(html.contains("@media print { .check-report { display: none; } }"));
    assert_eq!(import_bytes(html.as_bytes()).unwrap(), n);
}

#[test]
fn a_docx_that_is_not_a_notice_is_refused_with_a_message() {
    let mut z = ZipWriter::new();
    z.add("word/document.xml", b"<w:document/>");
    let e = import_bytes(&z.finish()).unwrap_err();
    assert!(
        e.message_vi.contains("không phải thông báo do thongbao"),
        "{e:?}"
    );
    assert!(e.message_en.contains("not a notice exported by thongbao"));
    let mut broken = render_docx(&sample());
    broken.truncate(broken.len() / 2);
    let e = import_bytes(&broken).unwrap_err();
    assert!(e.message_en.contains("damaged"), "{e:?}");
    assert!(embedded_json(b"PK\x03\x04 nothing").is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any notice (markup, quotes, controls, bidi overrides, braces in its
    /// text) comes back whole from its docx, and every part stays balanced.
    #[test]
    fn any_notice_round_trips(n in support::notice()) {
        let docx = render_docx(&n);
        prop_assert_eq!(&import_bytes(&docx).unwrap(), &n);
        for (name, xml) in parts(&docx) {
            prop_assert!(balanced(&xml).is_ok(), "{}: {:?}", name, balanced(&xml));
        }
    }
}

// ---------------------------------------------------------------------------
// The fingerprint.

#[test]
fn the_fingerprint_is_of_the_canonical_json_without_the_report() {
    let n = sample();
    let stamped = stamp(&n, WHEN);
    assert_eq!(fingerprint(&n), fingerprint(&stamped));
    let hex = thongbao::core::report::hex(&thongbao::core::report::sha256(to_json(&n).as_bytes()));
    assert_eq!(fingerprint(&n), format!("sha256:{hex}"));
    assert_eq!(verify(&n), Integrity::Unchecked);
    assert_eq!(verify(&stamped), Integrity::Intact);
    let mut changed = stamped.clone();
    changed.closing.push('!');
    assert!(matches!(verify(&changed), Integrity::Changed { .. }));
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_thongbao"))
        .args(args)
        .output()
        .expect("run thongbao")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thongbao-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Changes one character of the notice's text in `bytes` ("thương tích"
/// → "thương tich", in the first place it occurs).
fn one_character(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains("thương tích"));
    text.replacen("thương tích", "thương tich", 1).into_bytes()
}

/// `check` on the file: its exit code and output.
fn check(path: &std::path::Path) -> (Option<i32>, String) {
    let o = run(&["check", path.to_str().unwrap()]);
    (o.status.code(), String::from_utf8(o.stdout).unwrap())
}

const CHANGED_VI: &str =
    "tệp đã bị sửa bên ngoài thongbao sau khi được kiểm tra lúc 2024-08-15T09:30:05Z";

#[test]
fn check_says_when_a_json_or_html_file_was_changed_after_its_check() {
    let n = stamp(&sample(), WHEN);
    for (name, bytes) in [
        ("notice.json", to_json(&n).into_bytes()),
        ("notice.html", render_html(&n).into_bytes()),
    ] {
        let path = tmp(name);
        std::fs::write(&path, &bytes).unwrap();
        let (code, out) = check(&path);
        assert_eq!(code, Some(1), "{name}: {out}");
        assert!(
            out.contains("Tệp đúng như khi được kiểm tra lúc 2024-08-15T09:30:05Z"),
            "{out}"
        );
        std::fs::write(&path, one_character(&bytes)).unwrap();
        let (code, out) = check(&path);
        assert_eq!(code, Some(3), "{name}: {out}");
        assert!(out.contains(CHANGED_VI), "{name}: {out}");
        assert!(out.ends_with("3 lỗi, 4 cảnh báo.\n"), "{out}");
        // And in English, and in JSON.
        let o = run(&["check", path.to_str().unwrap(), "--lang", "en", "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["integrity"], "changed");
        assert_eq!(v["checked_at"], "2024-08-15T09:30:05Z");
    }
}

#[test]
fn check_says_when_a_docx_was_changed_after_its_check() {
    let docx = render_docx(&stamp(&sample(), WHEN));
    let path = tmp("notice.docx");
    std::fs::write(&path, &docx).unwrap();
    let (code, out) = check(&path);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("dấu vân tay khớp"), "{out}");
    // Someone edits the data inside the docx with a zip tool: one character.
    let mut z = ZipWriter::new();
    for e in entries(&docx).unwrap() {
        let data = read(&e).unwrap();
        let data = if e.name == "customXml/item1.xml" {
            one_character(&data)
        } else {
            data
        };
        z.add(&e.name, &data);
    }
    std::fs::write(&path, z.finish()).unwrap();
    let (code, out) = check(&path);
    assert_eq!(code, Some(3), "{out}");
    assert!(out.contains(CHANGED_VI), "{out}");
}

#[test]
fn render_writes_docx_and_html_with_a_fresh_report() {
    let docx = tmp("cli.docx");
    let o = run(&[
        "render",
        "data/chi-lang-2024.json",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let n: Notice = import_bytes(&std::fs::read(&docx).unwrap()).unwrap();
    let r = n.report.as_ref().expect("a report");
    assert_eq!(
        r.checked_by,
        format!("thongbao {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(verify(&n), Integrity::Intact);
    let mut bare = n.clone();
    bare.report = None;
    assert_eq!(bare, sample());
    let o = run(&["render", "data/chi-lang-2024.json", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn agency_names_break_where_the_officer_breaks_them() {
    let mut n = sample();
    n.header.issuer = "SỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI".into();
    let p = parts(&render_docx(&n));
    let doc = part(&p, "word/document.xml");
    assert!(doc.contains(
        "THƯƠNG BINH</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">VÀ XÃ HỘI</w:t>"
    ));
}
