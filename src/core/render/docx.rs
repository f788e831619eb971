//! The notice as a Word document (WordprocessingML, `.docx`), laid out as
//! Decree 30/2020 wants (see `shared/reference/notice-format.md`): A4,
//! margins 20/15/20/30 mm, Times New Roman 14 pt; the header as a borderless
//! two-column table with the short lines under the issuing body and the
//! motto; số/ký hiệu and place-date on one row; the subject centred and
//! bold with its line; parts, sections and bullets as paragraphs in named
//! styles (`TB …`) a văn thư can adjust; footnotes as Word footnotes; nơi
//! nhận and the signature side by side; page numbers centred in the top
//! margin from page 2 (a different first page); "DỰ THẢO" in page 1's top
//! margin on a draft.
//!
//! The text comes from the HTML renderer's own functions (numbering,
//! footnote order, token expansion through [`Inliner::pieces`], header and
//! footer lines), so the preview, the HTML and the DOCX say the same thing.
//!
//! The notice's JSON travels inside as a custom XML part
//! (`customXml/item1.xml`, root `<notice xmlns="urn:thongbao:notice">`),
//! which [`embedded_json`] takes back out; the check report, when the
//! notice carries one, is in the document's properties (custom properties
//! `thongbao.*` and the comments), which print nowhere. The zip is
//! store-only ([`crate::core::zip`]) and the output deterministic.

use super::inline::{is_hidden_control, Inliner, Piece};
use super::{
    authority_line, note_order, number_text, numeral, part_title, place_date_text, recipient_line,
    title,
};
use crate::core::json::to_embedded_json;
use crate::core::model::{Block, BlockKind, Indexed, Notice, Status};
use crate::core::report::summary_lines;
use crate::core::zip::{self, ZipWriter};
use std::fmt::Write;

/// The MIME type of a `.docx` file.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The namespace of the custom XML part that carries the notice.
pub const NOTICE_NS: &str = "urn:thongbao:notice";

/// The part that carries the notice's JSON.
const NOTICE_PART: &str = "customXml/item1.xml";

// Page geometry in twentieths of a point (1 mm = 56.7).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_TOP: u32 = 1134; // 20 mm
const MARGIN_BOTTOM: u32 = 1134; // 20 mm
const MARGIN_LEFT: u32 = 1701; // 30 mm
const MARGIN_RIGHT: u32 = 850; // 15 mm
const HEADER_DIST: u32 = 567; // the page number 10 mm from the top edge
const TEXT_W: u32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
/// The header's columns: 42 % and 58 % (with the agency lines at 12 pt,
/// "SỞ LAO ĐỘNG - THƯƠNG BINH" holds on one line; the motto at 13 pt too).
const HEAD_L: u32 = TEXT_W * 21 / 50;
const HEAD_R: u32 = TEXT_W - HEAD_L;
/// Nơi nhận and the signature: 45 % and 55 %.
const FOOT_L: u32 = TEXT_W * 9 / 20;
const FOOT_R: u32 = TEXT_W - FOOT_L;

const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The whole notice as the bytes of a `.docx` file.
pub fn render_docx(notice: &Notice) -> Vec<u8> {
    let notes = note_order(notice);
    let indexed = Indexed::new(notice);
    let ctx = Inliner {
        notice: &indexed,
        notes: &notes,
    };
    let mut w = Body {
        ctx: &ctx,
        out: String::with_capacity(128 * 1024),
        referenced: vec![false; notes.len() + 1],
    };
    w.document(notice);
    let document = w.out;
    let footnotes = footnotes_xml(notice, &ctx);

    let mut z = ZipWriter::new();
    z.add("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    z.add("_rels/.rels", package_rels().as_bytes());
    z.add("docProps/core.xml", core_props(notice).as_bytes());
    z.add("docProps/app.xml", APP_PROPS.as_bytes());
    z.add("docProps/custom.xml", custom_props(notice).as_bytes());
    z.add("word/document.xml", document.as_bytes());
    z.add("word/_rels/document.xml.rels", document_rels().as_bytes());
    z.add("word/styles.xml", styles_xml().as_bytes());
    z.add("word/settings.xml", SETTINGS.as_bytes());
    z.add("word/footnotes.xml", footnotes.as_bytes());
    z.add("word/header1.xml", page_number_header().as_bytes());
    z.add("word/header2.xml", first_page_header(notice).as_bytes());
    z.add(NOTICE_PART, notice_xml(notice).as_bytes());
    z.add("customXml/itemProps1.xml", ITEM_PROPS.as_bytes());
    z.add("customXml/_rels/item1.xml.rels", item_rels().as_bytes());
    z.finish()
}

/// Why the notice could not be taken out of a `.docx` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip, or a damaged one.
    Unreadable,
    /// A Word document, but none thongbao wrote (no notice inside).
    NoNotice,
}

/// The notice's JSON from a `.docx` thongbao wrote (stored, or deflated by
/// Word or LibreOffice saving it again).
pub fn embedded_json(docx: &[u8]) -> Result<String, DocxError> {
    let entries = zip::entries(docx).map_err(|_| DocxError::Unreadable)?;
    let root = format!("<notice xmlns=\"{NOTICE_NS}\"");
    for e in entries
        .iter()
        .filter(|e| e.name.starts_with("customXml/item"))
    {
        let bytes = zip::read(e).map_err(|_| DocxError::Unreadable)?;
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let Some(start) = text.find(&root) else {
            continue;
        };
        let body = &text[start..];
        let open_end = body.find('>').ok_or(DocxError::NoNotice)? + 1;
        let close = body.rfind("</notice>").ok_or(DocxError::NoNotice)?;
        if close < open_end {
            return Err(DocxError::NoNotice);
        }
        return Ok(xml_unescape(&body[open_end..close]));
    }
    Err(DocxError::NoNotice)
}

/// XML text with the five entities and character references resolved.
fn xml_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let c = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Appends `text` as XML character data (or an attribute value): escaped,
/// line breaks and tabs as spaces, and without the controls and
/// bidirectional overrides the HTML drops too (XML 1.0 forbids most of
/// them anyway).
fn xml_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\t' | '\r' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if is_hidden_control(c) => {}
            c => out.push(c),
        }
    }
}

fn xml(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    xml_into(&mut s, text);
    s
}

/// `document.xml`'s body, written paragraph by paragraph.
struct Body<'a> {
    ctx: &'a Inliner<'a>,
    out: String,
    /// Which footnote numbers already have their reference: a note cited
    /// twice is a Word footnote once, then its number in superscript.
    referenced: Vec<bool>,
}

impl Body<'_> {
    fn document(&mut self, n: &Notice) {
        self.out.push_str(XML_DECL);
        let _ = write!(self.out, "<w:document {W_NS}><w:body>");
        self.header(n);
        self.open("TBDoanVan", "");
        self.rich(&n.opening.text, false);
        self.close();
        let outline = crate::core::outline::outline(n);
        for (pi, part) in n.parts.iter().enumerate() {
            if let Some(no) = outline.parts[pi].number() {
                self.open("TBPhan", "");
                self.text(&format!("{}. ", numeral(no)), false);
                self.rich(&part_title(&part.title), false);
                self.close();
            }
            for (si, section) in part.sections.iter().enumerate() {
                let place = outline.sections[pi][si];
                if let Some(no) = place.number() {
                    self.open("TBMuc", "");
                    self.text(&format!("{no}. "), false);
                    self.rich(&section.title, false);
                    self.close();
                }
                if place.printed() {
                    for b in &section.blocks {
                        self.block(b, false, false);
                    }
                }
            }
        }
        self.open("TBDoanVan", "");
        self.rich(n.closing.trim_end(), false);
        self.text("./.", false);
        self.close();
        self.footer(n);
        let _ = write!(
            self.out,
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:headerReference w:type=\"first\" r:id=\"rIdFirst\"/>\
             <w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/>\
             <w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"{HEADER_DIST}\" w:footer=\"{HEADER_DIST}\" w:gutter=\"0\"/>\
             <w:titlePg/></w:sectPr></w:body></w:document>"
        );
    }

    /// Opens a paragraph in `style`, with extra paragraph properties.
    fn open(&mut self, style: &str, extra: &str) {
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{extra}</w:pPr>"
        );
    }

    fn close(&mut self) {
        self.out.push_str("</w:p>");
    }

    /// One paragraph of plain text.
    fn line(&mut self, style: &str, text: &str) {
        self.open(style, "");
        self.text(text, false);
        self.close();
    }

    /// An agency name, its lines broken where the officer broke them
    /// (`render::agency_lines`).
    fn agency(&mut self, style: &str, text: &str) {
        self.open(style, "");
        for (i, line) in super::agency_lines(text).enumerate() {
            if i > 0 {
                self.out.push_str("<w:r><w:br/></w:r>");
            }
            self.text(line.trim(), false);
        }
        self.close();
    }

    /// A short solid line, `width` twips wide, centred in `within`.
    fn rule(&mut self, width: u32, within: u32) {
        let side = within.saturating_sub(width) / 2;
        self.open(
            "TBDuongKe",
            &format!("<w:ind w:left=\"{side}\" w:right=\"{side}\"/>"),
        );
        self.close();
    }

    fn text(&mut self, text: &str, italic: bool) {
        if text.is_empty() {
            return;
        }
        self.out.push_str("<w:r>");
        if italic {
            self.out.push_str("<w:rPr><w:i/><w:iCs/></w:rPr>");
        }
        self.out.push_str("<w:t xml:space=\"preserve\">");
        xml_into(&mut self.out, text);
        self.out.push_str("</w:t></w:r>");
    }

    /// Rich text as runs; in a footnote (`in_note`) a footnote marker is
    /// its number in superscript.
    fn rich(&mut self, text: &str, in_note: bool) {
        let mut italic = false;
        for piece in self.ctx.pieces(text) {
            match piece {
                Piece::Text(t) => self.text(&t, italic),
                Piece::Italic(on) => italic = on,
                Piece::Note(no) if !in_note && !self.referenced[no] => {
                    self.referenced[no] = true;
                    let _ = write!(
                        self.out,
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{no}\"/></w:r>"
                    );
                }
                Piece::Note(no) => {
                    let _ = write!(
                        self.out,
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t>{no}</w:t></w:r>"
                    );
                }
            }
        }
    }

    /// A block as a paragraph; a footnote's first block leads with the
    /// note's mark.
    fn block(&mut self, b: &Block, in_note: bool, note_mark: bool) {
        let style = match (in_note, b.kind) {
            (true, _) => "FootnoteText",
            (false, BlockKind::Dash) => "TBGachDauDong",
            (false, BlockKind::Plus) => "TBDauCong",
            (false, _) => "TBDoanVan",
        };
        self.open(style, "");
        if note_mark {
            self.out.push_str(
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>",
            );
            self.text(" ", false);
        }
        match b.kind {
            BlockKind::Paragraph => self.rich(&b.text, in_note),
            BlockKind::Dash => {
                self.text("- ", false);
                self.rich(&b.text, in_note);
            }
            BlockKind::Plus => {
                self.text("+ ", false);
                self.rich(&b.text, in_note);
            }
            BlockKind::Refs => {
                self.rich(&b.text, in_note);
                let cites: Vec<String> = b
                    .refs
                    .iter()
                    .map(|id| self.ctx.reference_text(id))
                    .collect();
                self.text(&cites.join("; "), false);
            }
        }
        self.close();
    }

    fn table_open(&mut self, cols: [u32; 2]) {
        let _ = write!(
            self.out,
            "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_W}\" w:type=\"dxa\"/>\
             <w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>\
             <w:tblLayout w:type=\"fixed\"/>\
             <w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>\
             <w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{}\"/><w:gridCol w:w=\"{}\"/></w:tblGrid>",
            cols[0], cols[1]
        );
    }

    fn cell_open(&mut self, width: u32) {
        let _ = write!(
            self.out,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
        );
    }

    /// The header table, the document type, the subject and its line.
    fn header(&mut self, n: &Notice) {
        let h = &n.header;
        self.table_open([HEAD_L, HEAD_R]);
        self.out.push_str("<w:tr>");
        self.cell_open(HEAD_L);
        self.agency("TBCoQuanChuQuan", &h.parent_body);
        self.agency("TBCoQuanBanHanh", &h.issuer);
        self.rule(HEAD_L * 2 / 5, HEAD_L);
        self.out.push_str("</w:tc>");
        self.cell_open(HEAD_R);
        self.line("TBQuocHieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        self.line("TBTieuNgu", "Độc lập - Tự do - Hạnh phúc");
        self.rule(HEAD_R * 31 / 50, HEAD_R);
        self.out.push_str("</w:tc></w:tr><w:tr>");
        self.cell_open(HEAD_L);
        self.line(
            "TBSoKyHieu",
            &format!("Số: {}/{}", number_text(h), h.symbol.trim()),
        );
        self.out.push_str("</w:tc>");
        self.cell_open(HEAD_R);
        self.line("TBDiaDanhNgay", &place_date_text(h));
        self.out.push_str("</w:tc></w:tr></w:tbl>");
        self.line("TBTenLoai", &h.doc_type.to_uppercase());
        self.open("TBTrichYeu", "");
        self.rich(&h.subject, false);
        self.close();
        self.rule(TEXT_W * 2 / 5, TEXT_W);
    }

    /// Nơi nhận on the left, the signature on the right.
    fn footer(&mut self, n: &Notice) {
        self.table_open([FOOT_L, FOOT_R]);
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        self.cell_open(FOOT_L);
        self.line("TBNoiNhan", "Nơi nhận:");
        let last = n.recipients.len().saturating_sub(1);
        for (i, r) in n.recipients.iter().enumerate() {
            self.line("TBNoiNhanDong", &recipient_line(&r.text, i == last));
        }
        if n.recipients.is_empty() {
            self.line("TBNoiNhanDong", "");
        }
        self.out.push_str("</w:tc>");
        self.cell_open(FOOT_R);
        self.line("TBChucVu", &authority_line(&n.signature));
        self.line("TBChucVu", &n.signature.position.trim().to_uppercase());
        self.line("TBNguoiKy", n.signature.name.trim());
        self.out.push_str("</w:tc></w:tr></w:tbl>");
    }
}

fn footnotes_xml(n: &Notice, ctx: &Inliner) -> String {
    let mut w = Body {
        ctx,
        out: String::with_capacity(32 * 1024),
        referenced: vec![true; ctx.notes.len() + 1],
    };
    w.out.push_str(XML_DECL);
    let _ = write!(
        w.out,
        "<w:footnotes {W_NS}>\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, id) in ctx.notes.iter().enumerate() {
        let _ = write!(w.out, "<w:footnote w:id=\"{}\">", i + 1);
        match n.footnote(id).filter(|note| !note.blocks.is_empty()) {
            Some(note) => {
                for (bi, b) in note.blocks.iter().enumerate() {
                    w.block(b, true, bi == 0);
                }
            }
            // A note without text still needs its paragraph and mark.
            None => w.block(&Block::default(), true, true),
        }
        w.out.push_str("</w:footnote>");
    }
    w.out.push_str("</w:footnotes>");
    w.out
}

/// Page 2 on: the page number, centred in the top margin.
fn page_number_header() -> String {
    format!(
        "{XML_DECL}<w:hdr {W_NS}><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>"
    )
}

/// Page 1: no number; "DỰ THẢO" on a draft.
fn first_page_header(n: &Notice) -> String {
    let mark = if n.status == Status::Draft {
        "<w:pPr><w:pStyle w:val=\"TBDuThao\"/></w:pPr><w:r><w:t>DỰ THẢO</w:t></w:r>"
    } else {
        "<w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
    };
    format!("{XML_DECL}<w:hdr {W_NS}><w:p>{mark}</w:p></w:hdr>")
}

/// The custom XML part: the notice's JSON as the text of one element. The
/// compact JSON HTML embeds has no `<`, `>` or `&` (they are `\u003c`…), so
/// it is XML text as it is, but for U+FFFE and U+FFFF, which XML forbids:
/// they can only be inside a JSON string, where their escape reads back as
/// the same character.
fn notice_xml(n: &Notice) -> String {
    let json = to_embedded_json(n)
        .replace('\u{FFFE}', "\\ufffe")
        .replace('\u{FFFF}', "\\uffff");
    format!("{XML_DECL}<notice xmlns=\"{NOTICE_NS}\">{json}</notice>")
}

const ITEM_PROPS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<ds:datastoreItem ds:itemID=\"{6E1A7C52-3B0D-4F8E-9A61-2D5C7B40E913}\" xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"><ds:schemaRefs><ds:schemaRef ds:uri=\"urn:thongbao:notice\"/></ds:schemaRefs></ds:datastoreItem>";

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>",
    "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>",
    "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>",
    "<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>",
    "<Override PartName=\"/customXml/itemProps1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.customXmlProperties+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
    "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>",
    "</Types>"
);

fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut out = format!("{XML_DECL}<Relationships xmlns=\"{REL_NS}\">");
    for (id, kind, target) in rels {
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{target}\"/>"
        );
    }
    out.push_str("</Relationships>");
    out
}

fn package_rels() -> String {
    relationships(&[
        (
            "rId1",
            &format!("{OFFICE_REL}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            "rId3",
            &format!("{OFFICE_REL}/extended-properties"),
            "docProps/app.xml",
        ),
        (
            "rId4",
            &format!("{OFFICE_REL}/custom-properties"),
            "docProps/custom.xml",
        ),
    ])
}

fn document_rels() -> String {
    relationships(&[
        ("rIdStyles", &format!("{OFFICE_REL}/styles"), "styles.xml"),
        (
            "rIdSettings",
            &format!("{OFFICE_REL}/settings"),
            "settings.xml",
        ),
        (
            "rIdNotes",
            &format!("{OFFICE_REL}/footnotes"),
            "footnotes.xml",
        ),
        ("rIdHeader", &format!("{OFFICE_REL}/header"), "header1.xml"),
        ("rIdFirst", &format!("{OFFICE_REL}/header"), "header2.xml"),
        (
            "rIdNotice",
            &format!("{OFFICE_REL}/customXml"),
            "../customXml/item1.xml",
        ),
    ])
}

fn item_rels() -> String {
    relationships(&[(
        "rId1",
        &format!("{OFFICE_REL}/customXmlProps"),
        "itemProps1.xml",
    )])
}

const APP_PROPS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">",
    "<Application>thongbao</Application><AppVersion>",
    env!("CARGO_PKG_VERSION"),
    "</AppVersion></Properties>"
);

/// Title, author, language; with a report, its summary as the comments and
/// its date as the modification date.
fn core_props(n: &Notice) -> String {
    let mut out = format!(
        "{XML_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>thongbao</dc:creator><dc:language>vi-VN</dc:language>",
        xml(&title(n))
    );
    if let Some(r) = &n.report {
        let _ = write!(
            out,
            "<dc:description>{}</dc:description><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{}</dcterms:modified>",
            xml(&summary_lines(r).join(" ")),
            xml(&r.checked_at)
        );
    }
    out.push_str("</cp:coreProperties>");
    out
}

/// The check report as custom document properties (`thongbao.*`): shown
/// in Word's and LibreOffice's document properties, printed nowhere.
fn custom_props(n: &Notice) -> String {
    let mut out = format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
    );
    if let Some(r) = &n.report {
        let accepted: Vec<String> = r
            .accepted
            .iter()
            .map(|a| format!("{} ({}): {}", a.rule, a.field, a.reason))
            .collect();
        let props = [
            ("thongbao.checked_at", r.checked_at.clone()),
            ("thongbao.checked_by", r.checked_by.clone()),
            ("thongbao.mode", r.mode.name().to_string()),
            ("thongbao.errors", r.errors.to_string()),
            ("thongbao.warnings", r.warnings.to_string()),
            ("thongbao.accepted", accepted.join("; ")),
            ("thongbao.fingerprint", r.fingerprint.clone()),
        ];
        for (pid, (name, value)) in props.iter().enumerate() {
            let _ = write!(
                out,
                "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{}\" name=\"{name}\"><vt:lpwstr>{}</vt:lpwstr></property>",
                pid + 2,
                xml(value)
            );
        }
    }
    out.push_str("</Properties>");
    out
}

const SETTINGS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:defaultTabStop w:val=\"567\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>",
    "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>",
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>",
    "<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>",
    "</w:settings>"
);

/// One named style: (id, name, based on, paragraph properties, run
/// properties), properties in the schema's element order.
type Style = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The paragraph styles, named in Vietnamese for the văn thư who adjusts
/// them (`TB` = thông báo).
const PARAGRAPH_STYLES: &[Style] = &[
    ("Normal", "Normal", "", "", ""),
    ("Header", "header", "Normal", "<w:jc w:val=\"center\"/>", "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"),
    ("FootnoteText", "footnote text", "Normal", "<w:spacing w:after=\"40\"/><w:jc w:val=\"both\"/>", "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"),
    ("TBDoanVan", "TB Đoạn văn", "Normal", "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"280\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>", ""),
    ("TBPhan", "TB Phần (I, II, III)", "TBDoanVan", "<w:keepNext/><w:outlineLvl w:val=\"0\"/>", "<w:b/><w:bCs/>"),
    ("TBMuc", "TB Mục (1, 2, 3)", "TBDoanVan", "<w:keepNext/><w:outlineLvl w:val=\"1\"/>", "<w:b/><w:bCs/>"),
    ("TBGachDauDong", "TB Gạch đầu dòng (-)", "TBDoanVan", "", ""),
    ("TBDauCong", "TB Dấu cộng (+)", "TBDoanVan", "", ""),
    ("TBCoQuanChuQuan", "TB Cơ quan chủ quản", "Normal", "<w:jc w:val=\"center\"/>", "<w:caps/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"),
    ("TBCoQuanBanHanh", "TB Cơ quan ban hành", "Normal", "<w:jc w:val=\"center\"/>", "<w:b/><w:bCs/><w:caps/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"),
    ("TBQuocHieu", "TB Quốc hiệu", "Normal", "<w:jc w:val=\"center\"/>", "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"),
    ("TBTieuNgu", "TB Tiêu ngữ", "Normal", "<w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>"),
    ("TBDuongKe", "TB Đường kẻ", "Normal", "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"60\" w:lineRule=\"exact\"/>", "<w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/>"),
    ("TBSoKyHieu", "TB Số, ký hiệu", "Normal", "<w:spacing w:before=\"80\"/><w:jc w:val=\"center\"/>", "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"),
    ("TBDiaDanhNgay", "TB Địa danh, ngày tháng", "Normal", "<w:spacing w:before=\"80\"/><w:jc w:val=\"center\"/>", "<w:i/><w:iCs/>"),
    ("TBTenLoai", "TB Tên loại văn bản", "Normal", "<w:keepNext/><w:spacing w:before=\"360\"/><w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>"),
    ("TBTrichYeu", "TB Trích yếu", "Normal", "<w:keepNext/><w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>"),
    ("TBNoiNhan", "TB Nơi nhận", "Normal", "<w:keepNext/><w:spacing w:before=\"120\"/>", "<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"),
    ("TBNoiNhanDong", "TB Nơi nhận (dòng)", "Normal", "<w:keepNext/>", "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"),
    ("TBChucVu", "TB Quyền hạn, chức vụ người ký", "Normal", "<w:keepNext/><w:spacing w:before=\"120\"/><w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>"),
    ("TBNguoiKy", "TB Họ tên người ký", "Normal", "<w:spacing w:before=\"1474\"/><w:jc w:val=\"center\"/>", "<w:b/><w:bCs/>"),
    ("TBDuThao", "TB Dấu dự thảo", "Normal", "<w:jc w:val=\"right\"/>", "<w:b/><w:bCs/><w:color w:val=\"B00000\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:bdr w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"B00000\"/>"),
];

fn styles_xml() -> String {
    let mut out = format!(
        "{XML_DECL}<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>\
         <w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>\
         </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );
    for (id, name, based, ppr, rpr) in PARAGRAPH_STYLES {
        let default = if *id == "Normal" {
            " w:default=\"1\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\"{default} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>"
        );
        if !based.is_empty() {
            let _ = write!(out, "<w:basedOn w:val=\"{based}\"/>");
        }
        out.push_str("<w:qFormat/>");
        if !ppr.is_empty() {
            let _ = write!(out, "<w:pPr>{ppr}</w:pPr>");
        }
        if !rpr.is_empty() {
            let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
        }
        out.push_str("</w:style>");
    }
    out.push_str(
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
         <w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         </w:styles>",
    );
    out
}
