//! The Word export read by real readers, not by our own parser:
//!
//! - LibreOffice (Debian's `libreoffice-writer-nogui`, headless) converts the
//!   sample's `.docx` to PDF, read back with poppler-utils: A4, a sensible
//!   page count, no page number on page 1 and the number centred in the top
//!   margin of every later page (`pdftotext -bbox`), only Times New Roman
//!   (or Liberation Serif, the metric-compatible face Debian's fontconfig
//!   substitutes for it: Times New Roman itself is not free), and the text,
//!   sentence by sentence, that the HTML export of the same notice shows;
//! - LibreOffice saves the `.docx` again (deflated, its own XML) and
//!   thongbao still opens it, its fingerprint intact;
//! - python-docx (Debian's `python3-docx`, through `tests/docx_reader.py`)
//!   finds the page setup, the borderless header table, the named styles,
//!   the footnotes and the check report in the custom properties.
//!
//! `scripts/tools.sh` installs all three; a missing tool fails the test, it
//! is never skipped. LibreOffice runs twice per test run (about 5–20 s
//! each), shared by every test here through [`converted`].

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use thongbao::core::json::import_bytes;
use thongbao::core::render::{note_order, render_docx, render_html};
use thongbao::core::report::{stamp, verify, Integrity};
use thongbao::core::samples::sample;

/// 2024-08-15T09:30:05Z.
const WHEN: u64 = 1_723_714_205;

struct Converted {
    dir: PathBuf,
    html: String,
    pdf: PathBuf,
    resaved: PathBuf,
    pages: usize,
}

/// Runs a tool; a missing tool is a failure that says how to get it.
fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("{program} could not run ({e}): scripts/tools.sh installs it (libreoffice-writer-nogui, poppler-utils, python3-docx)")
    });
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn soffice(dir: &Path, to: &str, outdir: &Path, file: &Path) {
    // A profile of its own: another soffice (or a first-run dialog) never
    // gets in the way.
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    tool(
        "soffice",
        &[
            &profile,
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            outdir.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
    );
}

/// The sample, stamped, as DOCX and HTML; the DOCX converted to PDF and
/// saved again as DOCX by LibreOffice. Once per test run.
fn converted() -> &'static Converted {
    static ONCE: OnceLock<Converted> = OnceLock::new();
    ONCE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("thongbao-readers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let notice = stamp(&sample(), WHEN);
        let docx = dir.join("notice.docx");
        std::fs::write(&docx, render_docx(&notice)).unwrap();
        soffice(&dir, "pdf", &dir, &docx);
        let resaved_dir = dir.join("resaved");
        std::fs::create_dir_all(&resaved_dir).unwrap();
        soffice(&dir, "docx:MS Word 2007 XML", &resaved_dir, &docx);
        let pdf = dir.join("notice.pdf");
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        let pages = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo gives the page count");
        Converted {
            html: render_html(&notice),
            resaved: resaved_dir.join("notice.docx"),
            dir,
            pdf,
            pages,
        }
    })
}

#[test]
fn the_pdf_is_a4_with_a_sensible_page_count() {
    let c = converted();
    let info = tool("pdfinfo", &[c.pdf.to_str().unwrap()]);
    assert!(info.contains("(A4)"), "{info}");
    // The reference notice is 9 pages of text and long footnotes.
    assert!((6..=12).contains(&c.pages), "{} pages", c.pages);
}

/// The words of page `page` with their boxes: (x centre, y top, text).
fn words(pdf: &Path, page: usize) -> Vec<(f64, f64, String)> {
    let p = page.to_string();
    let xml = tool(
        "pdftotext",
        &["-bbox", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    );
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    xml.lines()
        .filter_map(|l| l.trim().strip_prefix("<word "))
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.trim_end_matches("</word>").to_string();
            let x = (attr(tag, "xMin") + attr(tag, "xMax")) / 2.0;
            (x, attr(tag, "yMin"), text)
        })
        .collect()
}

#[test]
fn page_numbers_are_centred_at_the_top_from_page_2() {
    let c = converted();
    // 1 mm = 72 / 25.4 pt; the text area runs from 30 mm to 195 mm.
    let mm = 72.0 / 25.4;
    let centre = (30.0 + 195.0) / 2.0 * mm;
    // The top margin is 20 mm; the first body line's ascent reaches just
    // above it, so "up top" is above 15 mm.
    let top_margin = 15.0 * mm;
    let first = words(&c.pdf, 1);
    assert!(
        !first
            .iter()
            .any(|(_, y, t)| *y < top_margin && t.chars().all(|c| c.is_ascii_digit())),
        "a number in page 1's top margin: {:?}",
        &first[..3]
    );
    for page in 2..=c.pages {
        let w = words(&c.pdf, page);
        let (x, y, text) = &w[0];
        assert_eq!(text, &page.to_string(), "page {page} starts with {w:?}");
        assert!(*y < top_margin, "page {page}: the number is at y = {y}");
        assert!((x - centre).abs() < 3.0, "page {page}: centred? x = {x}");
        let numbers_up_top = w.iter().filter(|(_, y, _)| *y < top_margin).count();
        assert_eq!(numbers_up_top, 1, "page {page}: only the number up top");
    }
}

#[test]
fn every_font_is_times_new_roman() {
    let c = converted();
    let fonts = tool("pdffonts", &[c.pdf.to_str().unwrap()]);
    let names: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.split_once('+').map_or(n, |(_, name)| name))
        .collect();
    assert!(!names.is_empty(), "{fonts}");
    for name in &names {
        assert!(
            name.starts_with("TimesNewRoman") || name.starts_with("LiberationSerif"),
            "{name} is not Times New Roman (or its metric-compatible substitute): {fonts}"
        );
    }
    // Bold, italic and regular are all there (the header, the place-date).
    assert!(names.iter().any(|n| n.contains("Bold")));
    assert!(names.iter().any(|n| n.contains("Italic")));
}

/// The visible text of the HTML export, one line per block element (a
/// paragraph, a heading, a table cell, a line break), without the check
/// report (which the printed page does not show either).
fn html_blocks(html: &str) -> Vec<String> {
    let body = &html[html.find("<body>").unwrap()..html.find("</body>").unwrap()];
    let body = match body.find("<section class=\"check-report\"") {
        Some(i) => &body[..i],
        None => body,
    };
    let mut text = String::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let end = rest[i..].find('>').unwrap() + i;
        let tag = &rest[i + 1..end];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '>'])
            .next()
            .unwrap();
        if matches!(name, "p" | "br" | "td" | "h1" | "h2" | "h3" | "div" | "tr") {
            text.push('\n');
        }
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A block's sentences: split after `.`, `;` or `:` followed by a space.
fn sentences(block: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = block.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        if matches!(c, '.' | ';' | ':') && chars.peek().is_some_and(|n| n.is_whitespace()) {
            out.push(std::mem::take(&mut current));
        }
    }
    out.push(current);
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Text without whitespace: lines break differently on paper and pdftotext
/// puts them back its own way; the characters themselves must all agree.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Page breaks in the squeezed PDF text.
const BREAK: char = '¶';

/// Whether `s` is in `pdf` (squeezed, pages separated by [`BREAK`]) from
/// byte `from` on: whole, or cut by up to `gaps` page breaks. A body
/// sentence cut by a page break continues after the page's footnotes and
/// the next page's number; a footnote cut by one continues after the next
/// page's number and body text. So after the cut, the rest must be on the
/// next page (before its own break, unless cut again).
fn found(s: &str, pdf: &str, from: usize, within: Option<usize>, gaps: u32) -> bool {
    let end = within.unwrap_or(pdf.len());
    if pdf[from..end].contains(s) {
        return true;
    }
    if gaps == 0 {
        return false;
    }
    let cuts: Vec<usize> = s.char_indices().map(|(i, _)| i).skip(1).collect();
    for &cut in cuts.iter().rev() {
        let (head, tail) = s.split_at(cut);
        let mut at = from;
        while let Some(i) = pdf[at..end].find(head) {
            let i = at + i;
            let after = i + head.len();
            if let Some(b) = pdf[after..].find(BREAK) {
                let page = after + b + BREAK.len_utf8();
                let page_end = pdf[page..].find(BREAK).map_or(pdf.len(), |e| page + e);
                if found(tail, pdf, page, Some(page_end), gaps - 1) {
                    return true;
                }
            }
            at = i + head.chars().next().map_or(1, char::len_utf8);
        }
    }
    false
}

#[test]
fn the_pdf_says_what_the_html_export_says_sentence_by_sentence() {
    let c = converted();
    let raw = tool("pdftotext", &["-raw", c.pdf.to_str().unwrap(), "-"]);
    // Each page's number is the first line of pages 2 and on: drop it, and
    // mark the page break.
    let mut pdf = String::new();
    for (i, page) in raw.split('\u{c}').enumerate() {
        let mut lines = page.lines().skip_while(|l| l.trim().is_empty());
        if i > 0 && i < c.pages {
            let number = lines.next().unwrap_or("");
            assert_eq!(number.trim(), (i + 1).to_string(), "page {}", i + 1);
        }
        if i > 0 {
            pdf.push(BREAK);
        }
        for l in lines {
            pdf.push_str(&squeeze(l));
        }
    }
    let blocks = html_blocks(&c.html);
    assert!(blocks.len() > 60, "{blocks:?}");
    let mut missing = Vec::new();
    let mut total = 0;
    for block in &blocks {
        for s in sentences(block) {
            total += 1;
            if !found(&squeeze(&s), &pdf, 0, None, 2) {
                missing.push(s);
            }
        }
    }
    assert!(total > 150, "{total} sentences");
    assert!(
        missing.is_empty(),
        "{} of {total} sentences of the HTML export are not in the PDF:\n{}",
        missing.len(),
        missing.join("\n")
    );
    // And nothing more: the same characters in all, the page breaks and
    // numbers aside.
    let html_chars: usize = blocks.iter().map(|b| squeeze(b).chars().count()).sum();
    let pdf_chars = pdf.chars().filter(|&c| c != BREAK).count();
    assert_eq!(
        pdf_chars, html_chars,
        "the PDF has other text than the HTML"
    );
}

#[test]
fn libreoffice_saves_it_again_and_thongbao_still_opens_it() {
    let c = converted();
    let bytes = std::fs::read(&c.resaved).expect("LibreOffice wrote the docx");
    let n = import_bytes(&bytes).expect("the notice is still inside");
    assert_eq!(n, stamp(&sample(), WHEN));
    assert_eq!(verify(&n), Integrity::Intact);
    // LibreOffice deflates what it writes: this went through the inflater.
    let deflated = thongbao::core::zip::entries(&bytes)
        .unwrap()
        .iter()
        .any(|e| e.name.starts_with("customXml/item"));
    assert!(deflated);
}

#[test]
fn python_docx_finds_the_layout_tables_styles_footnotes_and_report() {
    let c = converted();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/docx_reader.py");
    // Debian's python3 (where python3-docx is), not one earlier on PATH.
    let out = tool(
        "/usr/bin/python3",
        &[script, c.dir.join("notice.docx").to_str().unwrap()],
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect(&out);
    assert_eq!(v["page_mm"], serde_json::json!([210.0, 297.0]));
    assert_eq!(v["margins_mm"], serde_json::json!([20.0, 15.0, 20.0, 30.0]));
    assert_eq!(v["different_first_page"], true);
    assert_eq!(v["header_xml_has_page_field"], true);
    assert_eq!(v["first_page_header_text"], "DỰ THẢO");
    // The header: a borderless table, two columns, two rows.
    let header = &v["tables"][0];
    assert_eq!(header.as_array().unwrap().len(), 2);
    let cell = |r: usize, c: usize| header[r][c].as_str().unwrap().to_string();
    assert!(
        cell(0, 0).starts_with("UBND TỈNH LẠNG SƠN\nSỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI"),
        "{}",
        cell(0, 0)
    );
    assert!(
        cell(0, 1).starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    );
    assert!(cell(1, 0).starts_with("Số:") && cell(1, 0).ends_with("/TB-SLĐTBXH"));
    assert!(cell(1, 1).starts_with("Lạng Sơn, ngày") && cell(1, 1).ends_with("tháng 8 năm 2024"));
    assert!(v["table_borders"][0]
        .as_array()
        .unwrap()
        .iter()
        .all(|b| b == "nil"));
    // Nơi nhận and the signature, side by side.
    let footer = &v["tables"][1][0];
    assert!(footer[0]
        .as_str()
        .unwrap()
        .starts_with("Nơi nhận:\n- UBND tỉnh"));
    assert!(footer[1].as_str().unwrap().ends_with("Đàm Văn Chính"));
    // Times New Roman, 14 pt; named styles, used.
    assert_eq!(v["default_font"], "Times New Roman");
    assert_eq!(v["default_size_pt"], 14.0);
    let styles = &v["styles"];
    assert_eq!(styles["TB Phần (I, II, III)"]["bold"], true);
    assert_eq!(styles["TB Phần (I, II, III)"]["based_on"], "TB Đoạn văn");
    assert_eq!(styles["TB Tiêu ngữ"]["bold"], true);
    assert_eq!(styles["TB Nơi nhận"]["size_pt"], 12.0);
    assert_eq!(styles["TB Nơi nhận (dòng)"]["size_pt"], 11.0);
    assert_eq!(styles["TB Cơ quan chủ quản"]["size_pt"], 12.0);
    let used: Vec<&str> = v["paragraph_styles_used"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for s in [
        "TB Đoạn văn",
        "TB Phần (I, II, III)",
        "TB Mục (1, 2, 3)",
        "TB Gạch đầu dòng (-)",
        "TB Tên loại văn bản",
        "TB Trích yếu",
    ] {
        assert!(used.contains(&s), "{s} not used: {used:?}");
    }
    // Twelve real footnotes, each referred to from the body.
    let notes = v["footnotes"].as_array().unwrap();
    assert_eq!(notes.len(), note_order(&sample()).len());
    assert_eq!(v["footnote_references"], notes.len());
    assert!(notes[0]["text"]
        .as_str()
        .unwrap()
        .starts_with(" Công văn số 548/UBND-LĐTĐXHDT"));
    // The check report, in the custom properties.
    let props = &v["custom_properties"];
    assert_eq!(props["thongbao.checked_at"], "2024-08-15T09:30:05Z");
    assert_eq!(props["thongbao.errors"], "3");
    assert!(props["thongbao.fingerprint"]
        .as_str()
        .unwrap()
        .starts_with("sha256:"));
}
