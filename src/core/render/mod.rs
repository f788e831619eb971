//! The notice renderer: one document in, one standalone HTML string out,
//! laid out by Decree 30/2020 (see `shared/reference/notice-format.md`).
//!
//! The editor's preview and the exported file are both [`render_html`]: what
//! the officer sees is what they sign. The output is deterministic (same
//! notice, same bytes), carries no script (a Content-Security-Policy forbids
//! any), and embeds the notice's JSON inertly so the file can be reopened.
//! Elements carry `data-field` paths (see [`crate::core::field`]) so a click
//! in the preview can lead to the field.

pub mod docx;
mod inline;
mod update;

pub use docx::render_docx;
pub use inline::{citation, date_text, escape, figure_parts, figure_text, BLANK};
pub use update::{update, Element, Update};

use crate::core::field::{Field as F, FieldPath};
use crate::core::format::date::format_place_date;
use crate::core::json::{to_embedded_json, EMBED_ID};
use crate::core::model::{
    Block, BlockKind, Header, Indexed, Notice, Part, Section, Signature, Status,
};
use crate::core::outline::outline;
use crate::core::text::{parse, Inline};
use inline::{escape_into, Inliner};
use std::borrow::Cow;
use std::fmt::Write;

const CSS: &str = include_str!("notice.css");

/// The policy every rendered notice carries: no script, no network, no frames.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// The whole notice as a standalone HTML document.
pub fn render_html(notice: &Notice) -> String {
    let notes = note_order(notice);
    let indexed = Indexed::new(notice);
    let ctx = Inliner {
        notice: &indexed,
        notes: &notes,
    };
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, notice);
    out.push_str("<body>\n");
    if notice.status == Status::Draft {
        // The watermark is drawn by CSS (`.draft::before`): it is decoration,
        // the tag below is what readers and screen readers get.
        out.push_str("<div class=\"draft\" aria-hidden=\"true\"></div>\n");
    }
    out.push_str("<main class=\"page\">\n");
    if notice.status == Status::Draft {
        out.push_str("<p class=\"draft-tag\">DỰ THẢO</p>\n");
    }
    header(&mut out, notice, &ctx);
    out.push_str("<div class=\"body\">\n");
    para(
        &mut out,
        &ctx,
        &F::OpeningText.path(),
        &notice.opening.text,
        "",
    );
    let outline = outline(notice);
    for (pi, part) in notice.parts.iter().enumerate() {
        if let Some(no) = outline.parts[pi].number() {
            part_heading(&mut out, &ctx, no, part);
            out.push('\n');
        }
        for (si, section) in part.sections.iter().enumerate() {
            let place = outline.sections[pi][si];
            if let Some(no) = place.number() {
                section_heading(&mut out, &ctx, no, section);
                out.push('\n');
            }
            if place.printed() {
                for b in &section.blocks {
                    block(&mut out, &ctx, b);
                }
            }
        }
    }
    para(&mut out, &ctx, &F::Closing.path(), &notice.closing, "./.");
    out.push_str("</div>\n");
    footer(&mut out, notice);
    footnotes(&mut out, notice, &ctx);
    out.push_str("</main>\n");
    check_report(&mut out, notice);
    out.push_str("</body>\n</html>\n");
    out
}

/// The check report of an exported notice, after the page: shown on
/// screen, never printed (`@media print`); the same data is in the
/// embedded JSON's `report` and in a `<meta name="thongbao-fingerprint">`.
fn check_report(out: &mut String, n: &Notice) {
    let Some(r) = &n.report else { return };
    out.push_str("<section class=\"check-report\" aria-label=\"Báo cáo kiểm tra (không in)\">\n");
    for line in crate::core::report::summary_lines(r) {
        out.push_str("<p>");
        escape_into(out, &line);
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
}

/// Footnote ids in order of their first marker in the document.
pub fn note_order(notice: &Notice) -> Vec<&str> {
    let mut order: Vec<&str> = Vec::new();
    let mut visit = |text: &str| {
        // Most texts cite no footnote: skip them without parsing.
        if !text.contains("{fn:") {
            return;
        }
        for piece in parse(text) {
            if let Inline::Note(id) = piece {
                let known = notice.footnotes.iter().find(|f| f.id == id);
                if let Some(f) = known {
                    if !order.contains(&f.id.as_str()) {
                        order.push(f.id.as_str());
                    }
                }
            }
        }
    };
    visit(&notice.header.subject);
    visit(&notice.opening.text);
    for part in &notice.parts {
        visit(&part.title);
        for s in &part.sections {
            visit(&s.title);
            for b in &s.blocks {
                visit(&b.text);
            }
        }
    }
    visit(&notice.closing);
    order
}

fn head(out: &mut String, n: &Notice) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"thongbao\">\n");
    if let Some(r) = &n.report {
        out.push_str("<meta name=\"thongbao-fingerprint\" content=\"");
        escape_into(out, &r.fingerprint);
        out.push_str("\">\n");
    }
    out.push_str("<title>");
    let title = title(n);
    escape_into(out, &title);
    out.push_str("</title>\n<style>\n");
    out.push_str(CSS);
    let _ = write!(
        out,
        "</style>\n<script type=\"application/json\" id=\"{EMBED_ID}\">{}</script>\n</head>\n",
        to_embedded_json(n)
    );
}

/// The document's title (the browser's title bar, the file's name in a
/// list): `Thông báo số 12/TB-UBND: Kết quả …`.
pub fn title(n: &Notice) -> String {
    let h = &n.header;
    let mut title = h.doc_type.trim().to_string();
    if !h.number.trim().is_empty() {
        let _ = write!(title, " số {}/{}", h.number.trim(), h.symbol.trim());
    }
    let subject = crate::core::text::plain(&h.subject);
    if !subject.is_empty() {
        let _ = write!(title, ": {subject}");
    }
    title
}

/// The number before the symbol; a blank number keeps its place (it is
/// written in by hand when the notice is registered).
pub(crate) fn number_text(h: &Header) -> &str {
    let number = h.number.trim();
    if number.is_empty() {
        "\u{a0}\u{a0}\u{a0}\u{a0}"
    } else {
        number
    }
}

pub(crate) fn place_date_text(h: &Header) -> String {
    format_place_date(&h.place, &h.day, &h.month, &h.year)
}

fn field_span(out: &mut String, field: F, class: &str, text: &str) {
    let _ = write!(
        out,
        "<span class=\"{class}\" data-field=\"{}\">",
        field.path()
    );
    escape_into(out, text);
    out.push_str("</span>");
}

/// An agency name as printed: broken into lines where the officer pressed
/// Enter in the field (Decree 30 breaks a long name between its words,
/// "SỞ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI"; the browser would break it
/// anywhere, even inside "THƯƠNG BINH"). Blank lines are dropped.
pub(crate) fn agency_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
}

/// [`agency_lines`] as HTML, the lines joined by `<br>`.
pub(crate) fn agency_html(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in agency_lines(text).enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_into(&mut out, line);
    }
    out
}

fn agency_span(out: &mut String, field: F, class: &str, text: &str) {
    let _ = write!(
        out,
        "<span class=\"{class}\" data-field=\"{}\">{}</span>",
        field.path(),
        agency_html(text)
    );
}

fn header(out: &mut String, n: &Notice, ctx: &Inliner) {
    let h = &n.header;
    out.push_str("<table class=\"hd\" role=\"presentation\"><tr><td class=\"l\">");
    agency_span(out, F::ParentBody, "parent", &h.parent_body);
    out.push_str("<br>");
    agency_span(out, F::Issuer, "issuer", &h.issuer);
    out.push_str("<span class=\"rule third\"></span></td><td class=\"r\">");
    out.push_str("<span class=\"motto1\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br>");
    out.push_str("<span class=\"motto2\">Độc lập - Tự do - Hạnh phúc</span><span class=\"rule full\"></span>");
    out.push_str("</td></tr>\n<tr><td class=\"l num\">Số: ");
    field_span(out, F::Number, "", number_text(h));
    out.push('/');
    field_span(out, F::Symbol, "", h.symbol.trim());
    out.push_str("</td><td class=\"r placedate\" data-field=\"header/day\">");
    escape_into(out, &place_date_text(h));
    out.push_str("</td></tr></table>\n<h1 class=\"doctype\" data-field=\"header/doc_type\">");
    escape_into(out, &h.doc_type.to_uppercase());
    out.push_str("</h1>\n<p class=\"subject\" data-field=\"header/subject\">");
    ctx.render(out, &h.subject);
    out.push_str("</p>\n<span class=\"rule third\"></span>\n");
}

/// The Roman numeral of the part numbered `no` (`I`, `II`…; 1-based).
pub(crate) fn numeral(no: usize) -> String {
    crate::core::layout::roman(no.saturating_sub(1))
}

/// A part's title as rich text: capitals by rule, unless it holds tokens
/// (they must keep their case).
pub(crate) fn part_title(title: &str) -> Cow<'_, str> {
    if title.contains('{') {
        Cow::Borrowed(title)
    } else {
        Cow::Owned(title.to_uppercase())
    }
}

/// A part's heading; `no` is its number (see [`crate::core::outline`]).
fn part_heading(out: &mut String, ctx: &Inliner, no: usize, part: &Part) {
    let _ = write!(
        out,
        "<h2 data-field=\"part/{}/title\">{}. ",
        escape(&part.id),
        numeral(no)
    );
    ctx.render(out, &part_title(&part.title));
    out.push_str("</h2>");
}

/// A section's heading; `no` is its number within its part.
fn section_heading(out: &mut String, ctx: &Inliner, no: usize, section: &Section) {
    let _ = write!(
        out,
        "<h3 data-field=\"section/{}/title\">{}. ",
        escape(&section.id),
        no
    );
    ctx.render(out, &section.title);
    out.push_str("</h3>");
}

fn para(out: &mut String, ctx: &Inliner, path: &FieldPath, text: &str, end: &str) {
    let _ = write!(out, "<p data-field=\"{}\">", escape(&path.to_string()));
    ctx.render(out, text.trim_end());
    out.push_str(end);
    out.push_str("</p>\n");
}

fn block(out: &mut String, ctx: &Inliner, b: &Block) {
    block_element(out, ctx, b, None);
    out.push('\n');
}

/// One block as its `<p>` element; a footnote's first block leads with the
/// note's number, as at a page foot.
fn block_element(out: &mut String, ctx: &Inliner, b: &Block, note_no: Option<usize>) {
    let _ = write!(out, "<p data-field=\"block/{}/text\">", escape(&b.id));
    if let Some(no) = note_no {
        let _ = write!(out, "<span class=\"note-no\">{no}</span> ");
    }
    match b.kind {
        BlockKind::Paragraph => ctx.render(out, &b.text),
        BlockKind::Dash => {
            out.push_str("- ");
            ctx.render(out, &b.text);
        }
        BlockKind::Plus => {
            out.push_str("+ ");
            ctx.render(out, &b.text);
        }
        BlockKind::Refs => {
            ctx.render(out, &b.text);
            for (i, id) in b.refs.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                ctx.reference(out, id);
            }
        }
    }
    out.push_str("</p>");
}

fn footer(out: &mut String, n: &Notice) {
    out.push_str("<table class=\"ft\" role=\"presentation\"><tr><td class=\"l\">\n");
    out.push_str("<p class=\"rcpt-title\">Nơi nhận:</p>\n");
    let last = n.recipients.len().saturating_sub(1);
    for (i, r) in n.recipients.iter().enumerate() {
        let _ = write!(
            out,
            "<p class=\"rcpt\" data-field=\"recipient/{}\">",
            escape(&r.id)
        );
        recipient_text(out, &r.text, i == last);
        out.push_str("</p>\n");
    }
    out.push_str(
        "</td><td class=\"r\">\n<p class=\"authority\" data-field=\"signature/authority\">",
    );
    authority_text(out, &n.signature);
    out.push_str("</p>\n<div class=\"sign-space\"></div>\n<p class=\"signer\" data-field=\"signature/name\">");
    escape_into(out, n.signature.name.trim());
    out.push_str("</p>\n</td></tr></table>\n");
}

/// One line of nơi nhận: `- ` first, `;` after each but the last, `.`
/// after the last, whatever the officer typed of them.
fn recipient_text(out: &mut String, text: &str, last: bool) {
    escape_into(out, &recipient_line(text, last));
}

/// One line of nơi nhận as printed (see [`recipient_text`]).
pub(crate) fn recipient_line(text: &str, last: bool) -> String {
    let text = text
        .trim()
        .trim_start_matches("- ")
        .trim_end_matches([';', '.']);
    format!("- {text}{}", if last { '.' } else { ';' })
}

/// The signing authority in capitals (`KT. GIÁM ĐỐC`), then the position.
fn authority_text(out: &mut String, s: &Signature) {
    escape_into(out, &authority_line(s));
    out.push_str("<br><span data-field=\"signature/position\">");
    escape_into(out, &s.position.trim().to_uppercase());
    out.push_str("</span>");
}

/// The signature's first line in capitals: `KT. GIÁM ĐỐC`.
pub(crate) fn authority_line(s: &Signature) -> String {
    [s.authority.trim(), s.head.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

fn footnotes(out: &mut String, n: &Notice, ctx: &Inliner) {
    if ctx.notes.is_empty() {
        return;
    }
    out.push_str("<section class=\"notes\" aria-label=\"Chú thích\"><hr>\n");
    for (i, id) in ctx.notes.iter().enumerate() {
        let Some(note) = n.footnote(id) else { continue };
        let _ = writeln!(out, "<div class=\"note\" id=\"fn-{}\">", i + 1);
        for (bi, b) in note.blocks.iter().enumerate() {
            block_element(out, ctx, b, (bi == 0).then_some(i + 1));
            out.push('\n');
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}
