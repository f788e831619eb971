//! A Word `.docx` (any, not only thongbao's) → the text lines of a notice,
//! read without a server: the zip container ([`crate::core::zip`]), then
//! `word/document.xml` paragraph by paragraph (`w:p`, runs' `w:t`, tabs,
//! line breaks, italics as `*…*`), list numbering (`w:numPr` against
//! `word/numbering.xml`: bullets become `- `/`+ `, numbered levels their
//! `1.`, `a)`, `I.`), and footnotes (`w:footnoteReference` becomes a
//! superscript marker numbered in order, and the notes of
//! `word/footnotes.xml` follow the body, each led by its number).

use crate::core::json::ImportError;
use crate::core::zip;
use std::collections::HashMap;

/// The text of a `.docx`, one line per paragraph, notes at the end.
pub fn text(bytes: &[u8]) -> Result<String, ImportError> {
    let unreadable = || {
        ImportError::new(
            "Tệp nén (.docx hoặc .zip) bị hỏng hoặc không đọc được.",
            "The compressed file (.docx or .zip) is damaged or cannot be read.",
        )
    };
    let entries = zip::entries(bytes).map_err(|_| unreadable())?;
    let part = |name: &str| -> Result<Option<String>, ImportError> {
        match entries.iter().find(|e| e.name == name) {
            Some(e) => {
                let data = zip::read(e).map_err(|_| unreadable())?;
                Ok(Some(String::from_utf8(data).map_err(|_| unreadable())?))
            }
            None => Ok(None),
        }
    };
    let Some(document) = part("word/document.xml")? else {
        return Err(ImportError::new(
            "Tệp nén này không phải tệp Word (.docx): không có nội dung văn bản bên trong.",
            "This archive is not a Word file (.docx): it holds no document text.",
        ));
    };
    let numbering = part("word/numbering.xml")?
        .map(|x| Numbering::read(&x))
        .unwrap_or_default();
    let mut reader = Reader {
        numbering,
        counters: HashMap::new(),
        notes: Vec::new(),
    };
    let mut out = reader.paragraphs(&document, true);
    if !reader.notes.is_empty() {
        if let Some(footnotes) = part("word/footnotes.xml")? {
            let bodies = footnote_bodies(&footnotes);
            out.push(String::new());
            for (k, id) in reader.notes.clone().iter().enumerate() {
                let Some(body) = bodies.get(id.as_str()) else {
                    continue;
                };
                let paras = reader.paragraphs(body, false);
                let mut first = true;
                for p in paras.into_iter().filter(|p| !p.trim().is_empty()) {
                    if first {
                        out.push(format!("{} {}", superscript(k + 1), p.trim_start()));
                        first = false;
                    } else {
                        out.push(p);
                    }
                }
            }
        }
    }
    Ok(out.join("\n"))
}

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][c as usize - '0' as usize])
        .collect()
}

/// One XML token.
enum Tok<'a> {
    /// Name, attributes, self-closing.
    Open(&'a str, &'a str, bool),
    Close(&'a str),
    Text(&'a str),
}

/// The tokens of `xml` (comments and declarations skipped).
fn tokens(xml: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Tok::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Tok::Text(&rest[..lt]));
        }
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            out.push(Tok::Close(name.trim()));
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attrs) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        out.push(Tok::Open(name, attrs, self_closing));
    }
    out
}

/// The value of attribute `name` in `attrs`.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(i) = rest.find(name) {
        let after = &rest[i + name.len()..];
        let before_ok = i == 0 || rest.as_bytes()[i - 1].is_ascii_whitespace();
        if before_ok {
            if let Some(v) = after.trim_start().strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let v = &v[1..];
                    return v.find(q).map(|e| &v[..e]);
                }
            }
        }
        rest = after;
    }
    None
}

#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// (abstractNumId, ilvl) → (numFmt, lvlText).
    levels: HashMap<(String, String), (String, String)>,
}

impl Numbering {
    fn read(xml: &str) -> Self {
        let mut n = Numbering::default();
        let (mut abs, mut lvl, mut num) = (String::new(), String::new(), String::new());
        for t in tokens(xml) {
            if let Tok::Open(name, attrs, _) = t {
                let val = || attr(attrs, "w:val").unwrap_or("").to_string();
                match name {
                    "w:abstractNum" => abs = attr(attrs, "w:abstractNumId").unwrap_or("").into(),
                    "w:lvl" => lvl = attr(attrs, "w:ilvl").unwrap_or("0").into(),
                    "w:numFmt" => {
                        n.levels.entry((abs.clone(), lvl.clone())).or_default().0 = val();
                    }
                    "w:lvlText" => {
                        n.levels.entry((abs.clone(), lvl.clone())).or_default().1 = val();
                    }
                    "w:num" => num = attr(attrs, "w:numId").unwrap_or("").into(),
                    "w:abstractNumId" => {
                        n.nums.insert(num.clone(), val());
                    }
                    _ => {}
                }
            }
        }
        n
    }
}

struct Reader {
    numbering: Numbering,
    /// (numId, ilvl) → the last number given.
    counters: HashMap<(String, usize), usize>,
    /// Footnote ids in the order the body refers to them.
    notes: Vec<String>,
}

impl Reader {
    /// The paragraphs of a body of WordprocessingML, as lines.
    fn paragraphs(&mut self, xml: &str, body: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut line = String::new();
        let (mut num_id, mut ilvl) = (None::<String>, 0usize);
        let mut in_text = false;
        let mut in_rpr = false;
        let (mut run_italic, mut italic) = (false, false);
        for t in tokens(xml) {
            match t {
                Tok::Open("w:p", _, self_closing) => {
                    line.clear();
                    num_id = None;
                    ilvl = 0;
                    italic = false;
                    if self_closing {
                        out.push(String::new());
                    }
                }
                Tok::Close("w:p") => {
                    if italic {
                        line.push('*');
                        italic = false;
                    }
                    let prefix = match &num_id {
                        Some(id) if body => self.prefix(id, ilvl),
                        _ => String::new(),
                    };
                    out.push(format!("{prefix}{line}"));
                    line.clear();
                }
                Tok::Open("w:ilvl", a, _) => {
                    ilvl = attr(a, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0)
                }
                Tok::Open("w:numId", a, _) => {
                    num_id = attr(a, "w:val").filter(|v| *v != "0").map(str::to_string)
                }
                Tok::Open("w:r", _, _) => run_italic = false,
                Tok::Open("w:rPr", _, false) => in_rpr = true,
                Tok::Close("w:rPr") => in_rpr = false,
                Tok::Open("w:i", a, _) if in_rpr => {
                    run_italic = !matches!(attr(a, "w:val"), Some("0" | "false" | "off"))
                }
                Tok::Open("w:t", _, false) => in_text = true,
                Tok::Close("w:t") => in_text = false,
                Tok::Text(s) if in_text => {
                    if run_italic != italic && !s.trim().is_empty() {
                        line.push('*');
                        italic = run_italic;
                    }
                    line.push_str(&super::html::entities(s));
                }
                Tok::Open("w:tab", _, _) if !in_rpr => line.push('\t'),
                Tok::Open("w:br", _, _) | Tok::Open("w:cr", _, _) => {
                    out.push(std::mem::take(&mut line));
                }
                Tok::Open("w:footnoteReference", a, _) if body => {
                    let id = attr(a, "w:id").unwrap_or("").to_string();
                    let k = match self.notes.iter().position(|n| *n == id) {
                        Some(k) => k + 1,
                        None => {
                            self.notes.push(id);
                            self.notes.len()
                        }
                    };
                    if italic {
                        line.push('*');
                        italic = false;
                    }
                    line.push_str(&superscript(k));
                }
                Tok::Close("w:tc") if body => {
                    // Cells of a table: each of their paragraphs is a line.
                }
                _ => {}
            }
        }
        out
    }

    /// The number or bullet a list paragraph starts with.
    fn prefix(&mut self, num_id: &str, ilvl: usize) -> String {
        let Some(abs) = self.numbering.nums.get(num_id) else {
            return String::new();
        };
        let Some((fmt, text)) = self
            .numbering
            .levels
            .get(&(abs.clone(), ilvl.to_string()))
            .cloned()
        else {
            return String::new();
        };
        if fmt == "bullet" || fmt.is_empty() {
            let mark = if text.trim() == "+" { "+ " } else { "- " };
            return mark.to_string();
        }
        if fmt == "none" {
            return String::new();
        }
        let n = {
            let c = self.counters.entry((num_id.to_string(), ilvl)).or_insert(0);
            *c += 1;
            *c
        };
        // A deeper level starts again under a new number.
        self.counters
            .retain(|(id, l), _| id != num_id || *l <= ilvl);
        let shown = match fmt.as_str() {
            "lowerLetter" => char::from(b'a' + ((n - 1) % 26) as u8).to_string(),
            "upperLetter" => char::from(b'A' + ((n - 1) % 26) as u8).to_string(),
            "upperRoman" => crate::core::layout::roman(n - 1),
            "lowerRoman" => crate::core::layout::roman(n - 1).to_lowercase(),
            _ => n.to_string(),
        };
        let label = text.replace(&format!("%{}", ilvl + 1), &shown);
        format!("{} ", label.trim())
    }
}

/// The body of each footnote in `footnotes.xml`, by id.
fn footnote_bodies(xml: &str) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:footnote ") {
        let at = &rest[i..];
        let Some(gt) = at.find('>') else { break };
        let id = attr(&at[..gt], "w:id").unwrap_or("");
        let body = &at[gt + 1..];
        let end = body.find("</w:footnote>").unwrap_or(body.len());
        out.insert(id, &body[..end]);
        rest = &body[end..];
    }
    out
}
