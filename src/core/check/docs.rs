//! Rules over the document itself: dates, numbers and symbols, the header,
//! nơi nhận, the signature, and the tokens in the prose.

use super::Sink;
use crate::core::field::{blocks, Field, FieldPath};
use crate::core::format::date::{date_from_parts, days_in_month, format_running, parse_date, Date};
use crate::core::format::symbol::{self, SymbolIssue};
use crate::core::lang::Lang;
use crate::core::model::{DocRef, Indexed};
use crate::core::text::{parse, Inline};
use std::collections::HashSet;

/// The date rules: the notice's own date, the cited documents' dates and
/// their order.
pub(super) fn run_dates(n: &Indexed, sink: &mut Sink) {
    let notice_date = header_date(n, sink);
    dates(n, sink, notice_date);
}

pub(super) fn run_symbols(n: &Indexed, sink: &mut Sink) {
    symbols(n, sink);
}

pub(super) fn run_header(n: &Indexed, sink: &mut Sink) {
    header(n, sink);
}

pub(super) fn run_recipients(n: &Indexed, sink: &mut Sink) {
    recipients(n, sink);
}

pub(super) fn run_signature(n: &Indexed, sink: &mut Sink) {
    signature(n, sink);
}

/// The notice's own date, for ordering. A blank day (allowed while
/// drafting) stands for the last day of its month, so that only what is
/// certainly out of order is reported.
fn header_date(n: &Indexed, sink: &mut Sink) -> Option<Date> {
    let h = &n.header;
    if h.month.trim().is_empty() || h.year.trim().is_empty() {
        return None;
    }
    let day = if h.day.trim().is_empty() {
        "1"
    } else {
        h.day.as_str()
    };
    match date_from_parts(day, &h.month, &h.year) {
        Ok(d) if h.day.trim().is_empty() => Some(Date {
            day: days_in_month(d.year, d.month),
            ..d
        }),
        Ok(d) => Some(d),
        Err(e) => {
            let field = if h.day.trim().is_empty() {
                Field::Month
            } else {
                Field::Day
            };
            sink.push(
                rule!("date.valid"),
                vec![field.path()],
                format!("Ngày ban hành: {}", e.message(Lang::Vi)),
                format!("Date of issue: {}", e.message(Lang::En)),
            );
            None
        }
    }
}

/// A typed date, reported once by `date.valid` when it does not parse.
fn date_field(sink: &mut Sink, raw: &str, field: FieldPath, what: (&str, &str)) -> Option<Date> {
    if raw.trim().is_empty() {
        return None;
    }
    match parse_date(raw) {
        Ok(d) => Some(d),
        Err(e) => {
            sink.push(
                rule!("date.valid"),
                vec![field],
                format!("{}: {}", what.0, e.message(Lang::Vi)),
                format!("{}: {}", what.1, e.message(Lang::En)),
            );
            None
        }
    }
}

fn short(r: &DocRef) -> String {
    let ident = match (r.number.trim(), r.symbol.trim()) {
        ("", s) => s.to_string(),
        (num, "") => num.to_string(),
        (num, s) => format!("{num}/{s}"),
    };
    format!("{} {}", r.kind.trim(), ident).trim().to_string()
}

fn dates(n: &Indexed, sink: &mut Sink, notice_date: Option<Date>) {
    let mut ref_dates = Vec::new();
    for r in &n.references {
        let what = short(r);
        let d = date_field(sink, &r.date, Field::RefDate.of(&r.id), (&what, &what));
        ref_dates.push((r, d));
        // A legal document's symbol carries its year (56/2017/NĐ-CP), which is
        // how the reference cites them; other numbered documents need a date.
        let has_year = r
            .symbol
            .split('/')
            .next()
            .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
        if r.date.trim().is_empty() && !r.number.trim().is_empty() && !has_year {
            sink.push(
                rule!("ref.date_missing"),
                vec![Field::RefDate.of(&r.id)],
                format!("{what} được dẫn mà không ghi ngày ban hành."),
                format!("{what} is cited without its date."),
            );
        }
        if let (Some(d), Some(nd)) = (d, notice_date) {
            if d > nd {
                sink.push(
                    rule!("ref.after_notice"),
                    vec![Field::RefDate.of(&r.id), Field::Day.path()],
                    format!(
                        "{what} ghi ngày {}, sau ngày của thông báo này.",
                        format_running(d)
                    ),
                    format!("{what} is dated {}, after this notice.", format_running(d)),
                );
            }
        }
    }
    let inspection = date_field(
        sink,
        &n.opening.inspection_date,
        Field::InspectionDate.path(),
        ("Ngày kiểm tra", "Inspection date"),
    );
    let find = |id: &str| {
        ref_dates
            .iter()
            .find(|(r, _)| r.id == id)
            .and_then(|(_, d)| *d)
    };
    let steps = [
        (
            find(&n.opening.plan),
            Field::RefDate.of(&n.opening.plan),
            "kế hoạch",
            "plan",
        ),
        (
            find(&n.opening.schedule),
            Field::RefDate.of(&n.opening.schedule),
            "thông báo lịch",
            "schedule notice",
        ),
        (
            inspection,
            Field::InspectionDate.path(),
            "ngày kiểm tra",
            "inspection",
        ),
        (
            notice_date,
            Field::Day.path(),
            "ngày thông báo",
            "notice date",
        ),
    ];
    let present: Vec<_> = steps.iter().filter(|s| s.0.is_some()).collect();
    let broken: Vec<_> = present.windows(2).filter(|w| w[0].0 > w[1].0).collect();
    let Some(first) = broken.first() else { return };
    let text = |d: Option<Date>| d.map(format_running).unwrap_or_default();
    let chain = |lang: Lang| {
        present
            .iter()
            .map(|s| format!("{} {}", lang.pick(s.2, s.3), text(s.0)))
            .collect::<Vec<_>>()
            .join(" ≤ ")
    };
    let (a, b) = (first[0], first[1]);
    sink.push(
        rule!("date.order"),
        vec![b.1.clone(), a.1.clone()],
        format!(
            "Ngày tháng không theo thứ tự: {} {} lại trước {} {}. Cần: {}.",
            b.2,
            text(b.0),
            a.2,
            text(a.0),
            chain(Lang::Vi)
        ),
        format!(
            "Dates out of order: the {} {} comes before the {} {}. Expected: {}.",
            b.3,
            text(b.0),
            a.3,
            text(a.0),
            chain(Lang::En)
        ),
    )
    .with_values(
        present
            .iter()
            .map(|s| (s.2.to_string(), text(s.0)))
            .collect(),
    );
}

/// One number/symbol pair to check, with where its fields live.
struct Numbered<'a> {
    sym_field: FieldPath,
    num_field: FieldPath,
    number: &'a str,
    symbol: &'a str,
    kind: &'a str,
    year: Option<u16>,
}

fn symbols(n: &Indexed, sink: &mut Sink) {
    let h = &n.header;
    let mut items = vec![Numbered {
        sym_field: Field::Symbol.path(),
        num_field: Field::Number.path(),
        number: &h.number,
        symbol: &h.symbol,
        kind: "Thông báo",
        year: h.year.trim().parse::<u16>().ok(),
    }];
    for r in &n.references {
        items.push(Numbered {
            sym_field: Field::RefSymbol.of(&r.id),
            num_field: Field::RefNumber.of(&r.id),
            number: &r.number,
            symbol: &r.symbol,
            kind: &r.kind,
            year: parse_date(&r.date).ok().map(|d| d.year),
        });
    }
    for Numbered {
        sym_field,
        num_field,
        number,
        symbol: sym,
        kind,
        year,
    } in items
    {
        let (issues, fixed) = symbol::check(number, sym, kind, year);
        for issue in issues {
            let (rule, field) = match issue {
                SymbolIssue::YearMismatch { .. } => (rule!("symbol.year"), sym_field.clone()),
                SymbolIssue::NumberNotPadded | SymbolIssue::NumberMalformed => {
                    (rule!("symbol.grammar"), num_field.clone())
                }
                _ => (rule!("symbol.grammar"), sym_field.clone()),
            };
            let shown = if number.trim().is_empty() {
                sym.to_string()
            } else {
                format!("{}/{}", number.trim(), sym)
            };
            let f = sink
                .push(
                    rule,
                    vec![field.clone()],
                    format!("{shown}: {}", issue.message(Lang::Vi)),
                    format!("{shown}: {}", issue.message(Lang::En)),
                )
                .with_values(vec![("số, ký hiệu".into(), shown.clone())])
                .quoting(&shown);
            if let Some((num, s)) = &fixed {
                let (value, label) = if field == num_field {
                    (num.clone(), format!("{num}/{s}"))
                } else {
                    (
                        s.clone(),
                        if num.is_empty() {
                            s.clone()
                        } else {
                            format!("{num}/{s}")
                        },
                    )
                };
                if value != (if field == num_field { number } else { sym }) {
                    f.with_fix(
                        field,
                        value,
                        format!("Sửa thành {label}"),
                        format!("Change to {label}"),
                    );
                }
            }
        }
    }
}

fn header(n: &Indexed, sink: &mut Sink) {
    let h = &n.header;
    if h.number.trim().is_empty() {
        sink.push(
            rule!("header.number_blank"),
            vec![Field::Number.path()],
            "Số văn bản còn để trống: điền khi văn thư cấp số.".into(),
            "The document number is blank: fill it in when the registry assigns it.".into(),
        );
    }
    if h.day.trim().is_empty() {
        sink.push(
            rule!("header.day_blank"),
            vec![Field::Day.path()],
            "Ngày ban hành còn để trống: điền khi ký.".into(),
            "The day of issue is blank: fill it in when the notice is signed.".into(),
        );
    }
    // The parent body is written "if any" (Decree 30/2020, Phụ lục I): a
    // People's Committee or Council, a ministry, the Government have none.
    let upper = h.issuer.trim().to_uppercase();
    let no_parent = [
        "ỦY BAN NHÂN DÂN",
        "UỶ BAN NHÂN DÂN",
        "UBND",
        "HỘI ĐỒNG NHÂN DÂN",
        "HĐND",
        "BỘ ",
        "CHÍNH PHỦ",
        "THỦ TƯỚNG",
    ]
    .iter()
    .any(|p| upper.starts_with(p));
    let parent = if no_parent {
        "-"
    } else {
        h.parent_body.as_str()
    };
    let required = [
        (
            Field::ParentBody,
            parent,
            "Tên cơ quan chủ quản",
            "The parent body",
        ),
        (
            Field::Issuer,
            &h.issuer,
            "Tên cơ quan ban hành",
            "The issuing body",
        ),
        (
            Field::Symbol,
            &h.symbol,
            "Ký hiệu văn bản",
            "The document symbol",
        ),
        (Field::Place, &h.place, "Địa danh", "The place"),
        (
            Field::Month,
            &h.month,
            "Tháng ban hành",
            "The month of issue",
        ),
        (Field::Year, &h.year, "Năm ban hành", "The year of issue"),
        (
            Field::DocType,
            &h.doc_type,
            "Tên loại văn bản",
            "The document type",
        ),
        (Field::Subject, &h.subject, "Trích yếu", "The subject line"),
        (
            Field::Position,
            &n.signature.position,
            "Chức vụ người ký",
            "The signer's position",
        ),
        (
            Field::SignerName,
            &n.signature.name,
            "Họ tên người ký",
            "The signer's name",
        ),
    ];
    for (field, value, vi, en) in required {
        if value.trim().is_empty() {
            sink.push(
                rule!("header.required"),
                vec![field.path()],
                format!("{vi} còn để trống."),
                format!("{en} is blank."),
            );
        }
    }
}

fn recipients(n: &Indexed, sink: &mut Sink) {
    let Some(last) = n.recipients.last() else {
        sink.push(
            rule!("recipients.archive"),
            vec![Field::Recipients.path()],
            "Chưa có nơi nhận: ít nhất phải có dòng “Lưu: VT, …”.".into(),
            "No recipients: at least the “Lưu: VT, …” line is required.".into(),
        );
        return;
    };
    let text = last.text.trim().trim_start_matches("- ").trim();
    let archive = text.starts_with("Lưu:") && text["Lưu:".len()..].trim_start().starts_with("VT");
    if !archive {
        let has_elsewhere = n
            .recipients
            .iter()
            .any(|r| r.text.trim().trim_start_matches("- ").starts_with("Lưu"));
        let (vi, en) = if has_elsewhere {
            (
                "Dòng “Lưu: VT, …” phải là dòng cuối của nơi nhận.",
                "The “Lưu: VT, …” line must be the last recipient.",
            )
        } else {
            (
                "Nơi nhận phải kết thúc bằng dòng lưu văn thư, ví dụ “Lưu: VT, PXH”.",
                "The recipients must end with the archive line, e.g. “Lưu: VT, PXH”.",
            )
        };
        sink.push(
            rule!("recipients.archive"),
            vec![Field::Recipient.of(&last.id)],
            vi.into(),
            en.into(),
        )
        .with_values(vec![("dòng cuối".into(), last.text.clone())]);
    }
}

fn signature(n: &Indexed, sink: &mut Sink) {
    let s = &n.signature;
    let authority = s.authority.trim().trim_end_matches('.').to_uppercase();
    let position = s.position.trim().to_uppercase();
    if authority == "KT" && !position.is_empty() && !position.starts_with("PHÓ") {
        sink.push(rule!("signature.deputy"),
            vec![Field::Position.path(), Field::Authority.path()],
            format!(
                "Ký thay (KT. {}) thì người ký là cấp phó: chức vụ phải là “PHÓ …”, không phải “{}”.",
                s.head.trim(),
                s.position.trim()
            ),
            format!(
                "A KT. signature (for the {}) is a deputy's: the position must read “PHÓ …”, not “{}”.",
                s.head.trim(),
                s.position.trim()
            ),
        )
        .with_values(vec![
            ("thẩm quyền".into(), s.authority.clone()),
            ("chức vụ".into(), s.position.clone()),
        ]);
    }
}

/// `text.token` in one rich text: every token must name something.
/// Returns the figures and footnotes it cites, in order.
pub(super) fn text_tokens<'a>(
    n: &Indexed,
    field: &FieldPath,
    text: &'a str,
    sink: &mut Sink,
) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut figs, mut notes) = (Vec::new(), Vec::new());
    if !text.contains(['{', '}']) {
        return (figs, notes);
    }
    for piece in parse(text) {
        let problem = match piece {
            Inline::Figure(id) => {
                figs.push(id);
                n.figure(id).is_none().then_some(("số liệu", "figure", id))
            }
            Inline::Ref(id) if n.reference(id).is_none() => Some(("văn bản", "document", id)),
            Inline::Note(id) => {
                notes.push(id);
                n.footnote(id)
                    .is_none()
                    .then_some(("chú thích", "footnote", id))
            }
            Inline::Unknown(t) => Some(("mã", "code", t)),
            _ => None,
        };
        if let Some((vi, en, id)) = problem {
            sink.push(rule!("text.token"),
                vec![field.clone()],
                format!("Không có {vi} “{id}” để chèn vào đây (viết {{{{ và }}}} nếu muốn in dấu ngoặc nhọn)."),
                format!("There is no {en} “{id}” to insert here (write {{{{ and }}}} for a literal brace)."),
            );
        }
    }
    (figs, notes)
}

/// `text.token` in the lists of documents and the opening's plan and
/// schedule: each must be among the documents.
pub(super) fn listed_refs(n: &Indexed, sink: &mut Sink) {
    for b in blocks(n) {
        for id in &b.refs {
            if n.reference(id).is_none() {
                sink.push(
                    rule!("text.token"),
                    vec![Field::BlockText.of(&b.id)],
                    format!("Danh sách văn bản dẫn tới “{id}” không có trong danh mục văn bản."),
                    format!("The list cites “{id}”, which is not among the documents."),
                );
            }
        }
    }
    let opening_refs = [
        (&n.opening.plan, Field::Plan, ("kế hoạch", "plan")),
        (
            &n.opening.schedule,
            Field::Schedule,
            ("thông báo lịch", "schedule notice"),
        ),
    ];
    for (id, field, what) in opening_refs {
        if !id.is_empty() && n.reference(id).is_none() {
            sink.push(
                rule!("text.token"),
                vec![field.path()],
                format!(
                    "Phần mở đầu dẫn tới {} “{id}” không có trong danh mục văn bản.",
                    what.0
                ),
                format!(
                    "The opening cites the {} “{id}”, which is not among the documents.",
                    what.1
                ),
            );
        }
    }
}

/// `footnote.unused`: footnotes no text of the notice refers to (`used`:
/// the footnotes the notice's own texts cite; a note cited only from
/// another note is not printed either).
pub(super) fn unused_notes(n: &Indexed, used: &HashSet<&str>, sink: &mut Sink) {
    for note in &n.footnotes {
        if !used.contains(note.id.as_str()) {
            let field = note.blocks.first().map(|b| Field::BlockText.of(&b.id));
            sink.push(
                rule!("footnote.unused"),
                field.into_iter().collect(),
                "Chú thích này không được dẫn ở đâu trong văn bản nên sẽ không được in.".into(),
                "No text refers to this footnote, so it is not printed.".into(),
            );
        }
    }
}
