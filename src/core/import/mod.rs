//! Import: a notice from what the officer has — the text of a notice
//! (`.txt`, pasted text), any HTML (saved from an e-office system or a
//! browser), a Word `.docx` — into the structured [`Notice`].
//!
//! A file thongbao exported (JSON, HTML or DOCX with the notice inside) is
//! read through [`crate::core::json::import_bytes`]: the embedded data wins.
//! Anything else goes through the parser here:
//!
//! | file | module |
//! |---|---|
//! | HTML → text lines | [`html`] |
//! | DOCX → text lines | [`docx`] |
//! | messy text → clean lines | [`clean`] |
//! | lines → the notice's structure | [`text`] |
//! | citations → references (`{ref:ID}`) | [`citations`] |
//! | what was recognised, what was left as text | [`report`] |
//!
//! Nothing is dropped: a line the parser cannot place stays as a paragraph
//! where it stood, and the [`Recognised`] report lists it with its line
//! number, so the officer reviews it before going on.

pub mod citations;
pub mod clean;
pub mod docx;
pub mod html;
pub mod report;
pub mod text;

pub use report::{Plain, Recognised};

use crate::core::json::{import_bytes, ImportError, EMBED_ID, MAX_BYTES};
use crate::core::model::Notice;

/// A notice read from a foreign file, and what the parser recognised in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub notice: Notice,
    pub report: Recognised,
}

/// The notice in `text` (the text of a notice, as typed, pasted or copied
/// out of a PDF or Word).
pub fn import_text(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(crate::core::json::too_large(text.len() as u64));
    }
    let lines = clean::lines(text);
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(ImportError::new("Tệp trống.", "The file is empty."));
    }
    let imported = text::parse(&lines);
    let r = &imported.report;
    let nothing = r.parts == 0
        && r.header.is_empty()
        && r.recipients == 0
        && !r.signature
        && r.footnotes == 0
        && r.references == 0;
    if nothing {
        return Err(ImportError::new(
            "Không nhận ra thông báo nào trong tệp: không có tiêu đề (Số, THÔNG BÁO, địa danh và ngày), không có phần I, II, III, văn bản dẫn chiếu, chú thích, nơi nhận hay chữ ký.",
            "No notice found in the file: no header (Số, THÔNG BÁO, place and date), no parts I, II, III, no cited documents, footnotes, recipients or signature.",
        ));
    }
    Ok(imported)
}

/// The notice in a file, by its bytes and its name (the extension decides
/// when the content does not: `.txt`, `.html`/`.htm`, `.docx`, `.json`).
///
/// A notice thongbao exported (JSON, or HTML/DOCX carrying its data) reads
/// back exactly as it was, with an empty report; a foreign HTML or Word
/// file and plain text go through the parser. A file that is neither (an
/// image, binary data, a legacy encoding) is refused with a message in
/// Vietnamese and English.
pub fn import_file(bytes: &[u8], name: &str) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(crate::core::json::too_large(bytes.len() as u64));
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let exported = |bytes: &[u8]| {
        import_bytes(bytes).map(|notice| Imported {
            report: Recognised::exported(&notice),
            notice,
        })
    };
    if bytes.starts_with(b"PK\x03\x04") {
        if crate::core::render::docx::embedded_json(bytes).is_ok() {
            return exported(bytes);
        }
        let text = docx::text(bytes)?;
        return import_lines(&text);
    }
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::new("Tệp trống.", "The file is empty."));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(ImportError::new(
            format!("Đây không phải văn bản mà là {}. Hãy chọn tệp .txt, .html hoặc .docx chứa thông báo.", kind.0),
            format!("This is not a text but {}. Choose a .txt, .html or .docx file holding the notice.", kind.1),
        ));
    }
    let text = decode(bytes)?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let looks_html = matches!(ext.as_str(), "html" | "htm" | "xhtml")
        || body.starts_with('<') && !body.starts_with("<<");
    if looks_html {
        if body.contains(&format!("id=\"{EMBED_ID}\"")) {
            return exported(bytes);
        }
        return import_lines(&html::text(body));
    }
    if ext == "json" || body.starts_with('{') {
        return exported(bytes);
    }
    import_text(body)
}

fn import_lines(text: &str) -> Result<Imported, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::new(
            "Tệp không có chữ nào để đọc thành thông báo.",
            "The file holds no text to read as a notice.",
        ));
    }
    import_text(text)
}

/// What a binary file is, when it is one (vi, en).
fn binary_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const MAGIC: &[(&[u8], &str, &str)] = &[
        (b"\x89PNG", "một ảnh PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "một ảnh JPEG", "a JPEG image"),
        (b"GIF8", "một ảnh GIF", "a GIF image"),
        (
            b"%PDF",
            "một tệp PDF (hãy sao chép chữ trong PDF rồi dán vào, hoặc lưu thành .txt)",
            "a PDF file (copy its text and paste it, or save it as .txt)",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "một tệp Word đời cũ (.doc): hãy lưu lại thành .docx",
            "an old Word file (.doc): save it as .docx",
        ),
    ];
    if let Some((_, vi, en)) = MAGIC.iter().find(|(m, _, _)| bytes.starts_with(m)) {
        return Some((vi, en));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None; // UTF-16: decoded below
    }
    bytes
        .iter()
        .take(4096)
        .any(|&b| b == 0)
        .then_some(("dữ liệu nhị phân", "binary data"))
}

/// The bytes as text: UTF-8 (with or without a BOM), or UTF-16 with a BOM
/// (Windows Notepad's "Unicode").
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units)
            .map_err(|_| ImportError::new("Tệp UTF-16 bị hỏng.", "The UTF-16 file is damaged."))
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(true);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(false);
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_string()),
        Err(e) => Err(ImportError::new(
            format!(
                "Tệp không dùng mã UTF-8 (byte lạ ở vị trí {}). Có thể tệp được lưu bằng mã TCVN3 hoặc VNI: hãy lưu lại với mã Unicode (UTF-8).",
                e.valid_up_to()
            ),
            format!(
                "The file is not UTF-8 (unexpected byte at offset {}). It may use a legacy Vietnamese encoding (TCVN3, VNI): save it as Unicode (UTF-8).",
                e.valid_up_to()
            ),
        )),
    }
}
