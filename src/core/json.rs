//! The file format: a notice as versioned JSON (`"format":
//! "thongbao.notice"`, `"version": 2`; version 1 files are migrated), and reading a notice back out of an
//! HTML file thongbao exported (the JSON sits in it in an inert
//! `<script type="application/json" id="thongbao-data">`), or out of a
//! `.docx` thongbao exported (a custom XML part, see
//! [`crate::core::render::docx`]).
//!
//! Import never panics and never half-applies: it returns a whole
//! [`Notice`] or an [`ImportError`] that says what is wrong and where.

use crate::core::lang::Lang;
use crate::core::model::{Notice, FORMAT_ID, FORMAT_VERSION};
use std::collections::HashSet;

/// The largest file import accepts; a real notice is around 100 KB.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The id of the script element that carries the notice inside exported HTML.
pub const EMBED_ID: &str = "thongbao-data";

#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    pub message_vi: String,
    pub message_en: String,
}

impl ImportError {
    pub(crate) fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        ImportError {
            message_vi: vi.into(),
            message_en: en.into(),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_vi, &self.message_en)
    }
}

/// The notice as pretty JSON (the file thongbao writes).
pub fn to_json(notice: &Notice) -> String {
    // A Notice holds only strings, numbers, bools and lists: serialising it
    // cannot fail. Laid out from the compact text rather than by
    // `to_string_pretty`: the wasm then holds one serialiser of the notice,
    // not two.
    pretty(&serde_json::to_string(notice).unwrap_or_default())
}

/// Compact JSON laid out as serde_json's `to_string_pretty` lays it out (two
/// spaces a level, `": "`, `[]` and `{}` when empty).
fn pretty(compact: &str) -> String {
    fn newline(out: &mut String, depth: usize) {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
    let b = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0;
    super::json_text::scan(compact, |i, c, in_string| match c {
        _ if in_string => out.push(c),
        '{' | '[' => {
            out.push(c);
            if !matches!(b.get(i + 1), Some(b'}' | b']')) {
                depth += 1;
                newline(&mut out, depth);
            }
        }
        '}' | ']' => {
            // Outside a string, only an empty object or list has `{` or
            // `[` just before its end.
            if !matches!(b[i - 1], b'{' | b'[') {
                depth -= 1;
                newline(&mut out, depth);
            }
            out.push(c);
        }
        ',' => {
            out.push(c);
            newline(&mut out, depth);
        }
        ':' => out.push_str(": "),
        _ => out.push(c),
    });
    out
}

/// The notice as JSON that is safe inside an HTML `<script>` element: no
/// `<`, `>` or `&` survive, so no text can end the element or open a tag.
pub fn to_embedded_json(notice: &Notice) -> String {
    let json = serde_json::to_string(notice).unwrap_or_default();
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The refusal of a file of `size` bytes, above [`MAX_BYTES`]; the browser
/// uses it to refuse a file before reading it.
pub fn too_large(size: u64) -> ImportError {
    let mb = size / (1024 * 1024);
    let max = MAX_BYTES / (1024 * 1024);
    ImportError::new(
        format!(
            "Tệp quá lớn ({mb} MB): một thông báo chỉ khoảng vài trăm KB, tối đa {max} MB. Hãy kiểm tra lại xem có chọn nhầm tệp không."
        ),
        format!(
            "The file is too large ({mb} MB): a notice is a few hundred KB, at most {max} MB. Check that you chose the right file."
        ),
    )
}

/// Reads a file as the browser or the CLI got it: UTF-8 JSON, or an HTML
/// or DOCX notice thongbao exported.
pub fn import_bytes(bytes: &[u8]) -> Result<Notice, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return import_docx(bytes);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::new(
            "Tệp được lưu bằng mã UTF-16. Hãy mở tệp bằng trình soạn thảo và lưu lại với mã UTF-8.",
            "The file is encoded as UTF-16. Open it in a text editor and save it as UTF-8.",
        ));
    }
    if bytes.iter().take(4096).any(|&b| b == 0) {
        return Err(ImportError::new(
            "Đây không phải tệp văn bản (tệp nhị phân). Hãy chọn tệp .json hoặc .html do thongbao tải về.",
            "This is not a text file (binary data). Choose a .json or .html file that thongbao downloaded.",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => import(text),
        Err(e) => Err(ImportError::new(
            format!(
                "Tệp không dùng mã UTF-8 (byte lạ ở vị trí {}). Có thể tệp được lưu bằng mã TCVN3 hoặc VNI: hãy lưu lại với mã UTF-8.",
                e.valid_up_to()
            ),
            format!(
                "The file is not UTF-8 (unexpected byte at offset {}). It may use a legacy Vietnamese encoding (TCVN3, VNI): save it as UTF-8.",
                e.valid_up_to()
            ),
        )),
    }
}

/// Reads the notice out of a `.docx` thongbao wrote (its custom XML part).
fn import_docx(bytes: &[u8]) -> Result<Notice, ImportError> {
    use crate::core::render::docx::{embedded_json, DocxError};
    match embedded_json(bytes) {
        Ok(json) => import(&json),
        Err(DocxError::Unreadable) => Err(ImportError::new(
            "Tệp nén (.docx hoặc .zip) bị hỏng hoặc không đọc được.",
            "The compressed file (.docx or .zip) is damaged or cannot be read.",
        )),
        Err(DocxError::NoNotice) => Err(ImportError::new(
            "Tệp Word này không phải thông báo do thongbao xuất ra (không có dữ liệu thông báo bên trong). Hãy mở tệp .json, .html hoặc .docx tải từ thongbao.",
            "This Word file is not a notice exported by thongbao (it carries no notice data). Open a .json, .html or .docx file downloaded from thongbao.",
        )),
    }
}

/// Reads a notice from JSON text, or from the HTML of an exported notice.
pub fn import(text: &str) -> Result<Notice, ImportError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(ImportError::new("Tệp trống.", "The file is empty."));
    }
    if text.starts_with('<') {
        return import(&extract_embedded(text)?);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let (vi, en) = match e.classify() {
            serde_json::error::Category::Eof => (
                "tệp bị cắt cụt, thiếu phần cuối",
                "the file is cut short, its end is missing",
            ),
            _ => (
                "có ký tự không đúng cú pháp JSON",
                "a character breaks the JSON syntax",
            ),
        };
        ImportError::new(
            format!(
                "Tệp không phải JSON hợp lệ: {vi} (dòng {}, cột {}).",
                e.line(),
                e.column()
            ),
            format!(
                "The file is not valid JSON: {en} (line {}, column {}).",
                e.line(),
                e.column()
            ),
        )
    })?;
    let version = check_header(&value)?;
    let value = migrate(value, version).map_err(|(path, message)| {
        let (vi, en) = explain(&message);
        ImportError::new(
            format!("Trường “{path}”: {vi}."),
            format!("Field “{path}”: {en}."),
        )
    })?;
    // The Value's compact text keeps what the Value saw: keys in sorted
    // order (so the same first error is reported) and a repeated key once,
    // with its last value.
    let text = serde_json::to_string(&value).unwrap_or_default();
    // Text enters the core here: every string in NFC, so that decomposed
    // Vietnamese (a Mac, a PDF, Unikey's "Unicode tổ hợp") compares, checks
    // and renders as the composed text it looks like. On the compact text,
    // where serde_json has written every `\u` escape of the file out.
    let text = crate::core::nfc::nfc_json(&text);
    // Read by hand (`json_read`), naming the field as serde's derive did
    // through `path_at` when it read this text.
    let value = serde_json::from_str(&text).unwrap_or_default();
    let notice = super::json_read::notice(value).map_err(|f| {
        let (vi, en) = explain(&f.message);
        if f.path == "." {
            // The notice itself: there is no field to name.
            ImportError::new(format!("Tệp {vi}."), format!("The file: {en}."))
        } else {
            ImportError::new(
                format!("Trường “{}”: {vi}.", f.path),
                format!("Field “{}”: {en}.", f.path),
            )
        }
    })?;
    check_ids(&notice)?;
    Ok(notice)
}

fn check_header(value: &serde_json::Value) -> Result<u32, ImportError> {
    let Some(obj) = value.as_object() else {
        return Err(ImportError::new(
            "Tệp JSON không chứa một thông báo (cần một đối tượng { … } ở ngoài cùng).",
            "The JSON file does not hold a notice (an object { … } is expected at the top).",
        ));
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT_ID) => {}
        Some(other) => {
            return Err(ImportError::new(
                format!("Tệp có định dạng “{other}”, không phải thông báo của thongbao (“{FORMAT_ID}”)."),
                format!("The file's format is “{other}”, not a thongbao notice (“{FORMAT_ID}”)."),
            ))
        }
        None => {
            return Err(ImportError::new(
                format!("Tệp JSON không phải thông báo của thongbao: thiếu trường “format” = “{FORMAT_ID}”."),
                format!("The JSON file is not a thongbao notice: the field “format” = “{FORMAT_ID}” is missing."),
            ))
        }
    }
    match obj.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v >= 1 && v <= u64::from(FORMAT_VERSION) => Ok(v as u32),
        Some(v) if v > u64::from(FORMAT_VERSION) => Err(ImportError::new(
            format!("Tệp được tạo bởi phiên bản mới hơn của thongbao (định dạng phiên bản {v}); ứng dụng này chỉ đọc đến phiên bản {FORMAT_VERSION}. Hãy dùng thongbao mới nhất."),
            format!("The file was written by a newer thongbao (format version {v}); this one reads up to version {FORMAT_VERSION}. Use the latest thongbao."),
        )),
        _ => Err(ImportError::new(
            "Trường “version” phải là số phiên bản định dạng (số nguyên từ 1).",
            "The field “version” must be the format version (a whole number from 1).",
        )),
    }
}

/// Brings an older file up to [`FORMAT_VERSION`], one version at a time
/// (see [`crate::core::migrate`]).
pub fn migrate(
    value: serde_json::Value,
    version: u32,
) -> Result<serde_json::Value, crate::core::migrate::Refusal> {
    debug_assert!(version <= FORMAT_VERSION);
    match version {
        1 => crate::core::migrate::v1_to_v2(value),
        _ => Ok(value),
    }
}

/// The path (`header.number`, `recipients[0].text`, `.` for the whole file)
/// of what serde_json was reading when it stopped at byte `at` of `text`
/// (compact JSON, one line). It stops just after a value it rejects (a
/// string, a number, a closed object missing a field), just after a key it
/// rejects (the path then ends with that key), or on the `{` or `[` of an
/// object or list where something else is expected.
#[cfg(test)]
pub(crate) fn path_at(text: &str, at: usize) -> String {
    find_path(text, at).unwrap_or_else(|| ".".into())
}

/// As [`path_at`], but `None` where it says `.` because `at` is at no
/// value's start or end (`json_read` then knows the whole file is meant).
pub(crate) fn find_path(text: &str, at: usize) -> Option<String> {
    enum Step {
        Key(String),
        Index(usize),
    }
    fn show(path: &[Step]) -> String {
        if path.is_empty() {
            return ".".into();
        }
        let mut out = String::new();
        for step in path {
            match step {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
    /// Skips the string that starts at `i` (on its `"`); returns its end.
    fn string_end(b: &[u8], mut i: usize) -> usize {
        i += 1;
        while i < b.len() && b[i] != b'"' {
            i += if b[i] == b'\\' { 2 } else { 1 };
        }
        i + 1
    }
    /// Walks the value at `*i`; `Some` once `at` is found.
    fn value(
        b: &[u8],
        text: &str,
        i: &mut usize,
        at: usize,
        path: &mut Vec<Step>,
    ) -> Option<String> {
        if *i == at {
            return Some(show(path));
        }
        match b.get(*i) {
            Some(b'{') | Some(b'[') => {
                let object = b[*i] == b'{';
                *i += 1;
                let mut index = 0;
                while *i < b.len() && b[*i] != b'}' && b[*i] != b']' {
                    if object {
                        let end = string_end(b, *i);
                        let key = serde_json::from_str(&text[*i..end]).unwrap_or_default();
                        path.push(Step::Key(key));
                        *i = end;
                        if *i == at {
                            return Some(show(path));
                        }
                        *i += 1; // the ':'
                    } else {
                        path.push(Step::Index(index));
                        index += 1;
                    }
                    let found = value(b, text, i, at, path);
                    path.pop();
                    if found.is_some() {
                        return found;
                    }
                    if b.get(*i) == Some(&b',') {
                        *i += 1;
                    }
                }
                *i += 1;
            }
            Some(b'"') => *i = string_end(b, *i),
            _ => {
                while *i < b.len() && !matches!(b[*i], b',' | b']' | b'}') {
                    *i += 1;
                }
            }
        }
        (*i == at).then(|| show(path))
    }
    let mut i = 0;
    value(text.as_bytes(), text, &mut i, at, &mut Vec::new())
}

/// Puts serde's English explanation into words for an officer.
fn explain(serde_msg: &str) -> (String, String) {
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    if serde_msg.starts_with("missing field") {
        let f = quoted(serde_msg);
        (
            format!("thiếu trường bắt buộc “{f}”"),
            format!("the required field “{f}” is missing"),
        )
    } else if serde_msg.starts_with("unknown field") {
        let f = quoted(serde_msg);
        (
            format!("có trường lạ “{f}” không thuộc định dạng thông báo"),
            format!("the field “{f}” is not part of the notice format"),
        )
    } else if serde_msg.starts_with("unknown variant") {
        let f = quoted(serde_msg);
        let expected = serde_msg.split("expected ").nth(1).unwrap_or("");
        let allowed = expected.replace('`', "");
        // serde lists the names as `a`, `b` or `a`, `b`, `c` (English
        // words between them): each name with what it means, in Vietnamese.
        let names: Vec<String> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|name| match value_name_vi(name) {
                Some(vi) => format!("“{name}” ({vi})"),
                None => format!("“{name}”"),
            })
            .collect();
        (
            format!(
                "giá trị “{f}” không hợp lệ; chỉ nhận một trong các giá trị: {}",
                names.join(", ")
            ),
            format!("the value “{f}” is not allowed (expected {allowed})"),
        )
    } else if let Some(rest) = serde_msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let kind_vi = |t: &str| {
            if t.contains("string") {
                "chuỗi ký tự"
            } else if t.contains("sequence") {
                "danh sách [ … ]"
            } else if t.contains("bool") {
                "true/false"
            } else if t.contains("integer") || t.contains("u32") || t.contains("number") {
                "số"
            } else if t.contains("map") || t.contains("struct") {
                "đối tượng { … }"
            } else if t.contains("null") {
                "null"
            } else {
                "giá trị khác"
            }
        };
        (
            format!(
                "sai kiểu dữ liệu: cần {}, nhưng tệp ghi {}",
                kind_vi(expected),
                kind_vi(found)
            ),
            format!(
                "wrong type: expected {expected}, found {}",
                found.replace('`', "")
            ),
        )
    } else {
        (
            format!("dữ liệu không hợp lệ ({serde_msg})"),
            format!("invalid data ({serde_msg})"),
        )
    }
}

/// What the names of the file format's enums mean, in Vietnamese, for the
/// message that lists the allowed ones.
fn value_name_vi(name: &str) -> Option<&'static str> {
    Some(match name {
        // status
        "draft" => "dự thảo",
        "signing" => "trình ký",
        "issued" => "đã ban hành",
        "final" => "cách ghi cũ, đọc như “issued”",
        // figure kinds
        "count" => "số đếm",
        "amount" => "số tiền",
        "rate" => "mức tiền trên một đơn vị",
        "fraction" => "phân số n/N",
        "percent" => "tỷ lệ phần trăm",
        // how a figure is derived
        "ratio" => "tỷ lệ của một phân số",
        "product" => "tích số lượng × mức tiền",
        // block kinds
        "paragraph" => "đoạn văn",
        "dash" => "gạch đầu dòng “-”",
        "plus" => "dòng “+”",
        "refs" => "danh sách văn bản dẫn chiếu",
        _ => return None,
    })
}

fn check_ids(n: &Notice) -> Result<(), ImportError> {
    let mut seen = HashSet::new();
    let lists: [(&str, Vec<&str>); 7] = [
        (
            "references",
            n.references.iter().map(|r| r.id.as_str()).collect(),
        ),
        ("figures", n.figures.iter().map(|f| f.id.as_str()).collect()),
        (
            "relations",
            n.relations.iter().map(|r| r.id.as_str()).collect(),
        ),
        ("parts", n.parts.iter().map(|p| p.id.as_str()).collect()),
        (
            "footnotes",
            n.footnotes.iter().map(|f| f.id.as_str()).collect(),
        ),
        (
            "recipients",
            n.recipients.iter().map(|r| r.id.as_str()).collect(),
        ),
        (
            "sections/blocks",
            n.parts
                .iter()
                .flat_map(|p| p.sections.iter())
                .flat_map(|s| {
                    std::iter::once(s.id.as_str()).chain(s.blocks.iter().map(|b| b.id.as_str()))
                })
                .chain(
                    n.footnotes
                        .iter()
                        .flat_map(|f| f.blocks.iter().map(|b| b.id.as_str())),
                )
                .collect(),
        ),
    ];
    for (list, ids) in lists {
        seen.clear();
        for id in ids {
            if id.is_empty() || id.contains('/') || id.chars().any(char::is_whitespace) {
                return Err(ImportError::new(
                    format!("Danh sách “{list}” có mã (id) không hợp lệ “{id}”: mã không được trống, không có dấu / hay dấu cách."),
                    format!("The list “{list}” has an invalid id “{id}”: ids are non-empty, without / or spaces."),
                ));
            }
            if !seen.insert(id) {
                return Err(ImportError::new(
                    format!("Danh sách “{list}” có hai mục cùng mã (id) “{id}”."),
                    format!("The list “{list}” has two items with the same id “{id}”."),
                ));
            }
        }
    }
    Ok(())
}

fn extract_embedded(html: &str) -> Result<String, ImportError> {
    let marker = format!("id=\"{EMBED_ID}\"");
    let not_ours = || {
        ImportError::new(
            "Tệp HTML này không phải thông báo do thongbao xuất ra (không có dữ liệu thông báo bên trong). Hãy mở tệp .json hoặc tệp .html tải từ thongbao.",
            "This HTML file is not a notice exported by thongbao (it carries no notice data). Open a .json file or an .html file downloaded from thongbao.",
        )
    };
    let start = html.find(&marker).ok_or_else(not_ours)?;
    let open_end = html[start..].find('>').ok_or_else(not_ours)? + start + 1;
    let close = html[open_end..].find("</script>").ok_or_else(not_ours)? + open_end;
    Ok(html[open_end..close].to_string())
}

/// The JSON Schema of the file format, generated from the model's types.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Notice);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
