//! What an import recognised, for the officer to review before going on:
//! how many parts, sections, bullets, footnotes, references (citations),
//! recipients, figures and relations, which header fields were found, and
//! the lines left as plain text, each with its line number and why.

use crate::core::lang::Lang;
use crate::core::model::{BlockKind, Notice};

/// A line of the input the parser kept as plain text where it stood (or
/// could not place), with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Plain {
    /// The line number in the input (from 1).
    pub line: usize,
    pub text: String,
    pub why_vi: String,
    pub why_en: String,
}

/// What an import recognised.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recognised {
    /// The file was a notice thongbao exported: read whole from its data.
    pub exported: bool,
    pub parts: usize,
    pub sections: usize,
    pub paragraphs: usize,
    /// `-` and `+` bullets.
    pub bullets: usize,
    pub footnotes: usize,
    /// Footnote markers placed in the text.
    pub markers: usize,
    /// Cited documents that became references.
    pub references: usize,
    /// Citations written as `{ref:…}` in the text (a document cited twice
    /// counts twice).
    pub citations: usize,
    pub figures: usize,
    pub relations: usize,
    pub recipients: usize,
    /// The header's fields that were found (`parent_body`, `issuer`,
    /// `number`, `symbol`, `place`, `date`, `doc_type`, `subject`).
    pub header: Vec<&'static str>,
    /// The header's fields that were not found.
    pub header_missing: Vec<&'static str>,
    /// The signature block (authority, position, name) was found.
    pub signature: bool,
    /// Lines kept as plain text, or placed by a guess, with why.
    pub plain: Vec<Plain>,
}

impl Recognised {
    /// The counts of a notice read whole from its embedded data.
    pub fn exported(n: &Notice) -> Self {
        let mut r = Recognised::counted(n);
        r.exported = true;
        r.signature = !n.signature.name.trim().is_empty();
        r
    }

    /// The counts of what `n` holds.
    pub fn counted(n: &Notice) -> Self {
        let blocks = || {
            n.parts
                .iter()
                .flat_map(|p| &p.sections)
                .flat_map(|s| &s.blocks)
        };
        let citations = |t: &str| t.matches("{ref:").count();
        let mut cites = citations(&n.header.subject)
            + citations(&n.opening.text)
            + usize::from(n.opening.text.contains("{plan}"))
            + usize::from(n.opening.text.contains("{schedule}"));
        for p in &n.parts {
            cites += citations(&p.title);
            for s in &p.sections {
                cites += citations(&s.title);
                for b in &s.blocks {
                    cites += citations(&b.text) + b.refs.len();
                }
            }
        }
        for f in &n.footnotes {
            for b in &f.blocks {
                cites += citations(&b.text) + b.refs.len();
            }
        }
        let markers = blocks()
            .map(|b| b.text.matches("{fn:").count())
            .sum::<usize>()
            + n.parts
                .iter()
                .flat_map(|p| &p.sections)
                .map(|s| s.title.matches("{fn:").count())
                .sum::<usize>()
            + n.opening.text.matches("{fn:").count();
        Recognised {
            parts: n.parts.len(),
            sections: n.parts.iter().map(|p| p.sections.len()).sum(),
            paragraphs: blocks().filter(|b| b.kind == BlockKind::Paragraph).count(),
            bullets: blocks()
                .filter(|b| matches!(b.kind, BlockKind::Dash | BlockKind::Plus))
                .count(),
            footnotes: n.footnotes.len(),
            markers,
            references: n.references.len(),
            citations: cites,
            figures: n.figures.len(),
            relations: n.relations.len(),
            recipients: n.recipients.len(),
            ..Recognised::default()
        }
    }

    /// The report as lines of text, in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if self.exported {
            out.push(
                lang.pick(
                    "Tệp là thông báo do thongbao xuất: đọc nguyên vẹn từ dữ liệu kèm theo.",
                    "The file is a notice thongbao exported: read whole from its data.",
                )
                .to_string(),
            );
        }
        out.push(match lang {
            Lang::Vi => format!(
                "Nhận ra: {} phần, {} mục, {} đoạn văn, {} gạch đầu dòng, {} chú thích ({} dấu chú thích), {} văn bản dẫn chiếu ({} lần dẫn), {} số liệu, {} quan hệ giữa số liệu, {} nơi nhận.",
                self.parts, self.sections, self.paragraphs, self.bullets, self.footnotes, self.markers,
                self.references, self.citations, self.figures, self.relations, self.recipients
            ),
            Lang::En => format!(
                "Recognised: {} parts, {} sections, {} paragraphs, {} bullets, {} footnotes ({} markers), {} cited documents ({} citations), {} figures, {} relations between figures, {} recipients.",
                self.parts, self.sections, self.paragraphs, self.bullets, self.footnotes, self.markers,
                self.references, self.citations, self.figures, self.relations, self.recipients
            ),
        });
        if self.exported {
            return out;
        }
        if !self.header.is_empty() {
            out.push(format!(
                "{}: {}.",
                lang.pick("Phần đầu có", "Header found"),
                header_labels(&self.header, lang)
            ));
        }
        if !self.header_missing.is_empty() {
            out.push(format!(
                "{}: {}.",
                lang.pick("Phần đầu còn thiếu (hãy điền)", "Header missing (fill in)"),
                header_labels(&self.header_missing, lang)
            ));
        }
        out.push(
            if self.signature {
                lang.pick("Khối chữ ký: có.", "Signature block: found.")
            } else {
                lang.pick(
                    "Khối chữ ký: không thấy (hãy điền).",
                    "Signature block: not found (fill it in).",
                )
            }
            .to_string(),
        );
        if self.figures == 0 {
            out.push(
                lang.pick(
                    "Số liệu trong văn bản được giữ nguyên như đã viết; các quan hệ nêu trong câu (“trong đó”, tỷ lệ, n/N, số lượng × mức) được kiểm tra ngay.",
                    "Figures in the prose are kept as written; the relations its sentences state (“trong đó”, rates, n/N, count × rate) are checked at once.",
                )
                .to_string(),
            );
        }
        if self.plain.is_empty() {
            out.push(
                lang.pick(
                    "Mọi dòng đều được xếp vào cấu trúc thông báo.",
                    "Every line found its place in the notice's structure.",
                )
                .to_string(),
            );
        } else {
            out.push(match lang {
                Lang::Vi => format!(
                    "{} dòng cần xem lại (giữ nguyên là chữ tại chỗ):",
                    self.plain.len()
                ),
                Lang::En => format!(
                    "{} lines to review (kept as text where they stood):",
                    self.plain.len()
                ),
            });
            for p in &self.plain {
                let text: String = p.text.chars().take(70).collect();
                let more = if p.text.chars().count() > 70 {
                    "…"
                } else {
                    ""
                };
                out.push(format!(
                    "  {} {}: {}{more} — {}",
                    lang.pick("dòng", "line"),
                    p.line,
                    text,
                    lang.pick(&p.why_vi, &p.why_en)
                ));
            }
        }
        out
    }
}

/// The header's fields as the form names them ("Cơ quan ban hành"), not by
/// their names in the file (`issuer`).
fn header_labels(names: &[&str], lang: Lang) -> String {
    names
        .iter()
        .map(|name| {
            if *name == "date" {
                return lang.pick("ngày tháng năm", "date").to_string();
            }
            format!("header/{name}")
                .parse::<crate::core::field::FieldPath>()
                .map_or_else(
                    |_| name.to_string(),
                    |p| p.field.spec().label(lang).to_lowercase(),
                )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
