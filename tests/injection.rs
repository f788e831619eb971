//! Injection, natively (issue 5): every payload of tests/injection/payloads.txt
//! (and a generated 100 kB one) in every text field of the model, one render
//! each. For every (payload, field):
//!
//! (a) the markup outside the embedded JSON is the renderer's own (strict
//!     tokenizer in tests/support: allowlisted tags and attributes, no `on*`,
//!     no link but `#fn-N`, no second script, every `&` an entity);
//! (b) the embedded JSON holds no `<`, `>` or `&`, and importing the HTML
//!     gives back exactly the notice that was rendered (ids that the format
//!     refuses, and a foreign `format`, are refused with a message instead);
//! (c) `check` in draft and final mode does not panic, and a figure or date
//!     that does not parse is a `figure.number` / `date.valid` finding;
//! (d) the payload is visible, escaped, where the field is rendered (but for
//!     the controls and bidi characters the renderer drops on purpose).
//!
//! Fields with a path are set with `field::set`; the others (ids,
//! relations, list entries, acceptances, `format`) by mutation. Ids are
//! renamed in the tokens that use them when the new id can be a token.
//!
//! The notice is the Chi Lăng sample cut down to the parts the fields need
//! (see [`reduced_sample`]), so that the ~10 000 renders, imports and double
//! checks take seconds in a debug build; `THONGBAO_INJECTION_FULL=1` runs the
//! same on the whole sample (minutes in debug, seconds with `--release`).

mod support;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use support::{inspect_markup, shown};
use thongbao::core::check::{check, Mode};
use thongbao::core::field;
use thongbao::core::format::date::{date_from_parts, parse_date};
use thongbao::core::format::number::{parse_count, parse_decimal};
use thongbao::core::json::import;
use thongbao::core::model::{Acceptance, Notice, RelationKind, Section, Words};
use thongbao::core::render::{escape, render_html};
use thongbao::core::samples::sample;
use thongbao::core::text::{parse, Inline};

const PAYLOADS: &str = include_str!("injection/payloads.txt");

/// The figures, reference, footnote and blocks the slots use;
/// `sample_is_as_the_slots_expect` checks that the sample still has them.
const REF: &str = "kh88";
const COUNT_FIG: &str = "swim.children";
const FRACTION_FIG: &str = "edu.grade5";
const PERCENT_FIG: &str = "edu.grade5_pct";
const NOTE: &str = "fn.deaths";
const REFS_BLOCK: &str = "fn.documents.b1";

/// Decodes one line of payloads.txt (see the escapes described at its top).
fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let simple = [("\\n", '\n'), ("\\r", '\r'), ("\\t", '\t'), ("\\\\", '\\')];
        if let Some((e, c)) = simple.iter().find(|(e, _)| rest.starts_with(e)) {
            out.push(*c);
            rest = &rest[e.len()..];
            continue;
        }
        if let Some(tail) = rest.strip_prefix("\\u{") {
            if let Some(end) = tail.find('}') {
                if let Some(c) = u32::from_str_radix(&tail[..end], 16)
                    .ok()
                    .and_then(char::from_u32)
                {
                    out.push(c);
                    rest = &tail[end + 1..];
                    continue;
                }
            }
        }
        out.push('\\');
        rest = &rest[1..];
    }
    out.push_str(rest);
    out
}

fn payloads() -> Vec<String> {
    let mut out: Vec<String> = PAYLOADS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(unescape)
        .collect();
    // 100 kB of markup, quotes, braces and Vietnamese (literal braces: 10 000
    // unknown tokens would make as many findings, slow in a debug build; the
    // fuzz tests long strings full of tokens).
    let unit = "<script>\"'&{{fig:x}}Đ\u{202e}";
    let long: String = unit.repeat(100 * 1024 / unit.len() + 1);
    assert!(long.len() >= 100 * 1024);
    out.push(long);
    out
}

/// Where and how a field shows in the rendered notice.
#[derive(Clone, Copy)]
enum Show {
    /// Not rendered (labels, relations, acceptances, `format`).
    Hidden,
    /// As typed, trimmed, maybe in capitals.
    Plain { upper: bool },
    /// An agency name: each line typed shows (trimmed at its end), the
    /// lines broken by `<br>`.
    Lines,
    /// Rich text: the text between tokens shows.
    Rich,
    /// A part title: capitals unless it holds a token.
    PartTitle,
    /// Nơi nhận: without a leading `- ` and trailing `;`/`.`.
    Recipient,
    /// A count: reformatted when it parses, as typed otherwise.
    Count,
    /// A percentage: the same, without a trailing `%`.
    Percent,
    /// A date in running text: reformatted when it parses.
    Date,
    /// Day or month of the place-and-date line: reformatted when a number.
    DayMonth,
    /// A reference id that is not a reference: shown as `{ref:ID}`.
    RefId,
    /// An id shown only in an attribute: `(prefix, suffix)` around it in
    /// `data-field="…"`; `token` when it shows only if it could be a token.
    Attr {
        prefix: &'static str,
        suffix: &'static str,
        token: bool,
    },
    /// A footnote id: the notes keep their numbers when it can be a token.
    NoteId,
}

/// What importing the rendered HTML must give.
#[derive(Clone, Copy, PartialEq)]
enum Import {
    /// Exactly the notice that was rendered.
    Same,
    /// The notice when the payload is a valid id, else a refusal.
    Id,
    /// A refusal (the `format` field is not ours any more).
    Refused,
}

type Apply = Box<dyn Fn(&mut Notice, &str) + Sync>;
type Bad = fn(&str) -> bool;

struct Slot {
    name: String,
    apply: Apply,
    show: Show,
    import: Import,
    /// A finding the checks must make when `bad(payload)`: (rule, field).
    finding: Option<(&'static str, String, Bad)>,
}

fn slot(name: &str, show: Show, apply: Apply) -> Slot {
    Slot {
        name: name.to_string(),
        apply,
        show,
        import: Import::Same,
        finding: None,
    }
}

/// A field that has a path: set with `field::set`.
fn path_slot(path: &str, show: Show) -> Slot {
    let p = path.to_string();
    slot(
        path,
        show,
        Box::new(move |n, v| assert!(field::set(n, &p, v.to_string()), "no field {p}")),
    )
}

fn with_finding(mut s: Slot, rule: &'static str, field: &str, bad: Bad) -> Slot {
    s.finding = Some((rule, field.to_string(), bad));
    s
}

fn id_slot(name: &str, show: Show, apply: Apply) -> Slot {
    let mut s = slot(name, show, apply);
    s.import = Import::Id;
    s
}

/// What the format accepts as an id (json.rs `check_ids`).
fn valid_id(id: &str) -> bool {
    !id.is_empty() && !id.contains('/') && !id.chars().any(char::is_whitespace)
}

/// Whether `{fig:ID}` (and ref, fn) reads as a token (text.rs `token`).
fn tokenable(id: &str) -> bool {
    !id.is_empty() && !id.contains(['{', '}']) && !id.chars().any(char::is_whitespace)
}

fn section<'a>(n: &'a mut Notice, id: &str) -> &'a mut Section {
    let mut all = n.parts.iter_mut().flat_map(|p| p.sections.iter_mut());
    all.find(|s| s.id == id).unwrap()
}

/// Renames the tokens `{kind:old}` to `{kind:new}` in every rich text.
fn retoken(n: &mut Notice, kind: &str, old: &str, new: &str) {
    let (from, to) = (format!("{{{kind}:{old}}}"), format!("{{{kind}:{new}}}"));
    let paths: Vec<_> = field::rich_texts(n).into_iter().map(|(p, _)| p).collect();
    for p in paths {
        let text = field::get_mut(n, &p).expect("a rich-text path");
        if text.contains(&from) {
            *text = text.replace(&from, &to);
        }
    }
}

fn not_blank(p: &str) -> bool {
    !p.trim().is_empty()
}

fn slots() -> Vec<Slot> {
    let plain = Show::Plain { upper: false };
    let upper = Show::Plain { upper: true };
    let mut s = vec![];
    for name in ["parent_body", "issuer"] {
        s.push(path_slot(&format!("header/{name}"), Show::Lines));
    }
    for name in ["number", "symbol", "place"] {
        s.push(path_slot(&format!("header/{name}"), plain));
    }
    s.push(path_slot("header/doc_type", upper));
    s.push(path_slot("header/subject", Show::Rich));
    s.push(with_finding(
        path_slot("header/day", Show::DayMonth),
        "date.valid",
        "header/day",
        |p| not_blank(p) && date_from_parts(p, "8", "2024").is_err(),
    ));
    s.push(with_finding(
        path_slot("header/month", Show::DayMonth),
        "date.valid",
        "header/month",
        |p| not_blank(p) && date_from_parts("1", p, "2024").is_err(),
    ));
    // With the day blank, a bad month or year is reported on the month.
    s.push(with_finding(
        path_slot("header/year", plain),
        "date.valid",
        "header/month",
        |p| not_blank(p) && date_from_parts("1", "8", p).is_err(),
    ));

    s.push(path_slot("opening/plan", Show::RefId));
    s.push(path_slot("opening/schedule", Show::RefId));
    s.push(with_finding(
        path_slot("opening/inspection_date", Show::Date),
        "date.valid",
        "opening/inspection_date",
        |p| not_blank(p) && parse_date(p).is_err(),
    ));
    s.push(path_slot("opening/inspected_body", plain));
    s.push(path_slot("opening/text", Show::Rich));

    for name in ["kind", "number", "symbol", "issuer", "subject"] {
        s.push(path_slot(&format!("ref/{REF}/{name}"), plain));
    }
    let date = format!("ref/{REF}/date");
    s.push(with_finding(
        path_slot(&date, Show::Date),
        "date.valid",
        &date,
        |p| not_blank(p) && parse_date(p).is_err(),
    ));
    s.push(id_slot(
        &format!("ref/{REF}/id"),
        Show::Attr {
            prefix: "ref/",
            suffix: "/symbol",
            token: false,
        },
        Box::new(|n, v| {
            let r = n.references.iter_mut().find(|r| r.id == REF).unwrap();
            r.id = v.to_string();
            for b in n
                .parts
                .iter_mut()
                .flat_map(|p| p.sections.iter_mut())
                .flat_map(|s| s.blocks.iter_mut())
                .chain(n.footnotes.iter_mut().flat_map(|f| f.blocks.iter_mut()))
            {
                for id in &mut b.refs {
                    if id == REF {
                        *id = v.to_string();
                    }
                }
            }
            for id in [&mut n.opening.plan, &mut n.opening.schedule] {
                if id == REF {
                    *id = v.to_string();
                }
            }
            if tokenable(v) {
                retoken(n, "ref", REF, v);
            }
        }),
    ));

    // Figures: a count, a fraction, a percentage derived from it.
    for name in ["label", "total"] {
        s.push(path_slot(&format!("fig/{COUNT_FIG}/{name}"), Show::Hidden));
    }
    s.push(slot(
        &format!("rel/ratio.{PERCENT_FIG}/name"),
        Show::Hidden,
        Box::new(|n, v| {
            let r = n
                .relations
                .iter_mut()
                .find(|r| r.reads(PERCENT_FIG))
                .unwrap();
            r.name = Some(Words {
                vi: v.to_string(),
                en: v.to_string(),
            });
        }),
    ));
    let v = format!("fig/{COUNT_FIG}/value");
    s.push(with_finding(
        path_slot(&v, Show::Count),
        "figure.number",
        &v,
        |p| not_blank(p) && parse_count(p).is_err(),
    ));
    s.push(path_slot(&format!("fig/{COUNT_FIG}/unit"), plain));
    for name in ["value", "total"] {
        let f = format!("fig/{FRACTION_FIG}/{name}");
        s.push(with_finding(
            path_slot(&f, Show::Count),
            "figure.number",
            &f,
            |p| not_blank(p) && parse_count(p).is_err(),
        ));
    }
    s.push(path_slot(&format!("fig/{FRACTION_FIG}/unit"), plain));
    let f = format!("fig/{PERCENT_FIG}/value");
    s.push(with_finding(
        path_slot(&f, Show::Percent),
        "figure.number",
        &f,
        |p| {
            let t = p.trim().trim_end_matches('%').trim_end();
            !t.is_empty() && parse_decimal(t).is_err()
        },
    ));
    s.push(slot(
        &format!("rel/ratio.{PERCENT_FIG}/fraction"),
        Show::Hidden,
        Box::new(|n, v| {
            let r = n
                .relations
                .iter_mut()
                .find(|r| r.reads(PERCENT_FIG))
                .unwrap();
            if let RelationKind::Ratio { fraction, .. } = &mut r.kind {
                *fraction = Some(v.to_string());
            }
        }),
    ));
    s.push(id_slot(
        &format!("fig/{FRACTION_FIG}/id"),
        Show::Attr {
            prefix: "fig/",
            suffix: "/value",
            token: true,
        },
        Box::new(|n, v| {
            for f in &mut n.figures {
                if f.id == FRACTION_FIG {
                    f.id = v.to_string();
                }
            }
            for r in &mut n.relations {
                r.rename_figure(FRACTION_FIG, v);
            }
            if tokenable(v) {
                retoken(n, "fig", FRACTION_FIG, v);
            }
        }),
    ));

    // Structure: parts, sections, blocks, footnotes.
    s.push(path_slot("part/p2/title", Show::PartTitle));
    s.push(path_slot("section/p1.s2/title", Show::Rich));
    for b in [
        "p1.s1.b1",
        "p1.s1.b7",
        REFS_BLOCK,
        "fn.deaths.b1",
        "fn.proposals.b1",
    ] {
        s.push(path_slot(&format!("block/{b}/text"), Show::Rich));
    }
    s.push(id_slot(
        "part/p2/id",
        Show::Attr {
            prefix: "part/",
            suffix: "/title",
            token: false,
        },
        Box::new(|n, v| n.parts.iter_mut().find(|p| p.id == "p2").unwrap().id = v.to_string()),
    ));
    s.push(id_slot(
        "section/p1.s2/id",
        Show::Attr {
            prefix: "section/",
            suffix: "/title",
            token: false,
        },
        Box::new(|n, v| section(n, "p1.s2").id = v.to_string()),
    ));
    s.push(id_slot(
        "block/p1.s2.b5/id",
        Show::Attr {
            prefix: "block/",
            suffix: "/text",
            token: false,
        },
        Box::new(|n, v| {
            let b = section(n, "p1.s2")
                .blocks
                .iter_mut()
                .find(|b| b.id == "p1.s2.b5");
            b.unwrap().id = v.to_string();
        }),
    ));
    s.push(slot(
        &format!("block/{REFS_BLOCK}/refs[0]"),
        Show::RefId,
        Box::new(|n, v| {
            let b = n
                .footnotes
                .iter_mut()
                .flat_map(|f| f.blocks.iter_mut())
                .find(|b| b.id == REFS_BLOCK)
                .unwrap();
            b.refs[0] = v.to_string();
        }),
    ));
    s.push(id_slot(
        &format!("footnote/{NOTE}/id"),
        Show::NoteId,
        Box::new(|n, v| {
            n.footnotes.iter_mut().find(|f| f.id == NOTE).unwrap().id = v.to_string();
            if tokenable(v) {
                retoken(n, "fn", NOTE, v);
            }
        }),
    ));
    s.push(path_slot("closing", Show::Rich));

    s.push(path_slot("recipient/r2", Show::Recipient));
    s.push(path_slot("recipient/r5", Show::Recipient));
    s.push(id_slot(
        "recipient/r3/id",
        Show::Attr {
            prefix: "recipient/",
            suffix: "",
            token: false,
        },
        Box::new(|n, v| n.recipients.iter_mut().find(|r| r.id == "r3").unwrap().id = v.to_string()),
    ));

    for name in ["authority", "head", "position"] {
        s.push(path_slot(&format!("signature/{name}"), upper));
    }
    s.push(path_slot("signature/name", plain));

    // The sample accepts nothing: add an acceptance, then vary each part.
    for which in 0..3 {
        s.push(slot(
            ["accepted/rule", "accepted/field", "accepted/reason"][which],
            Show::Hidden,
            Box::new(move |n, v| {
                let mut a = Acceptance {
                    rule: "ref.date_missing".into(),
                    field: "ref/kh88/date".into(),
                    reason: "Văn bản gốc không ghi ngày.".into(),
                };
                *[&mut a.rule, &mut a.field, &mut a.reason][which] = v.to_string();
                n.accepted.push(a);
            }),
        ));
    }

    let mut format = slot(
        "format",
        Show::Hidden,
        Box::new(|n, v| n.format = v.to_string()),
    );
    format.import = Import::Refused;
    s.push(format);
    s
}

/// The pieces of the payload the reader must see, for this kind of field.
fn expected_pieces(show: Show, payload: &str) -> Vec<String> {
    let trim = |s: &str| s.trim().to_string();
    let rich = |text: &str| -> Vec<String> {
        let mut pieces = vec![String::new()];
        for piece in parse(text) {
            match piece {
                Inline::Text(t) | Inline::Unknown(t) => pieces.last_mut().unwrap().push_str(t),
                Inline::Brace(c) => pieces.last_mut().unwrap().push(c),
                _ => pieces.push(String::new()),
            }
        }
        pieces
    };
    let pieces = match show {
        Show::Hidden | Show::Attr { .. } | Show::NoteId => vec![],
        Show::Plain { upper: false } => vec![trim(payload)],
        Show::Plain { upper: true } => vec![trim(payload).to_uppercase()],
        Show::Lines => payload
            .split('\n')
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
        Show::Rich => rich(payload),
        Show::PartTitle if payload.contains('{') => rich(payload),
        Show::PartTitle => rich(&payload.to_uppercase()),
        Show::Recipient => vec![shown(payload)
            .trim()
            .trim_start_matches("- ")
            .trim_end_matches([';', '.'])
            .to_string()],
        Show::Count if parse_count(payload).is_ok() => vec![],
        Show::Count => vec![trim(payload)],
        Show::Percent => {
            let v = payload.trim().trim_end_matches('%').trim_end();
            if parse_decimal(v).is_ok() {
                vec![]
            } else {
                vec![format!("{v}%")]
            }
        }
        Show::Date if parse_date(payload).is_ok() => vec![],
        Show::Date => vec![trim(payload)],
        Show::DayMonth if payload.trim().bytes().all(|b| b.is_ascii_digit()) => vec![],
        Show::DayMonth => vec![trim(payload)],
        Show::RefId => vec![format!("{{ref:{payload}}}")],
    };
    pieces
        .iter()
        .map(|p| shown(p).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

struct Baseline {
    notice: Notice,
    style: String,
    notes: usize,
}

/// Everything asserted for one (payload, field); `Err` says what failed.
fn try_one(base: &Baseline, slot: &Slot, payload: &str) -> Result<(), String> {
    let mut n = base.notice.clone();
    (slot.apply)(&mut n, payload);
    let html = render_html(&n);
    // (a) and the JSON half of (b).
    let markup = inspect_markup(&html)?;
    if markup.style != base.style {
        return Err("the style sheet changed".into());
    }
    // (b) nothing lost or altered on the way back in.
    let back = import(&html);
    let must_be_same = match slot.import {
        Import::Same => true,
        Import::Id => valid_id(payload),
        Import::Refused => payload == thongbao::core::model::FORMAT_ID,
    };
    match back {
        Ok(b) if must_be_same => {
            // Import composes decomposed Vietnamese (NFC), and changes
            // nothing else.
            let mut want = n.clone();
            thongbao::core::nfc::normalise_notice(&mut want);
            if b != want {
                return Err("import gave back a different notice".into());
            }
        }
        Ok(_) => return Err("import accepted what the format refuses".into()),
        Err(e) if must_be_same => return Err(format!("import refused it: {}", e.message_en)),
        Err(e) => {
            if e.message_vi.is_empty() || e.message_en.is_empty() {
                return Err("a refusal without a message".into());
            }
        }
    }
    // (c) the checks.
    let draft = check(&n, Mode::Draft);
    let _final = check(&n, Mode::Final);
    if let Some((rule, field, bad)) = &slot.finding {
        if bad(payload)
            && !draft
                .iter()
                .any(|f| f.rule == *rule && f.field().is_some_and(|p| *p == field.as_str()))
        {
            return Err(format!("no {rule} finding on {field}"));
        }
    }
    // (d) visible, escaped, not dropped.
    for piece in expected_pieces(slot.show, payload) {
        if !markup.visible.contains(&piece) {
            return Err(format!("not shown: {:?}", excerpt(&piece)));
        }
    }
    match slot.show {
        Show::Attr {
            prefix,
            suffix,
            token,
        } if !token || tokenable(payload) => {
            let attr = format!("data-field=\"{prefix}{}{suffix}\"", escape(payload));
            if !html.contains(&attr) {
                return Err(format!("the id is not in {:?}", excerpt(&attr)));
            }
        }
        Show::NoteId if tokenable(payload) => {
            let notes = html.matches("<div class=\"note\" id=\"fn-").count();
            if notes != base.notes {
                return Err(format!("{notes} notes instead of {}", base.notes));
            }
        }
        _ => {}
    }
    Ok(())
}

fn excerpt(s: &str) -> String {
    let cut: String = s.chars().take(60).collect();
    if cut.len() < s.len() {
        cut + "…"
    } else {
        cut
    }
}

/// Body blocks the slots use or that cite what the slots change.
const KEEP_BLOCKS: &[&str] = &[
    "p1.s1.b1", "p1.s1.b7", "p1.s2.b5", "p1.s4.b1", "p2.s1.b6", "p3.s3.b4",
];

/// The tokens `{kind:ID}` of a rich text.
fn tokens_of<'a>(text: &'a str, out: &mut Vec<Inline<'a>>) {
    out.extend(
        parse(text)
            .into_iter()
            .filter(|p| matches!(p, Inline::Figure(_) | Inline::Ref(_) | Inline::Note(_))),
    );
}

/// The Chi Lăng sample cut down to what the slots need, so that a debug
/// build renders, imports and checks it ~10 000 times in seconds: the
/// header, opening, nơi nhận and signature whole; in the body the blocks of
/// [`KEEP_BLOCKS`] (a paragraph, dashes, the figures, a citation, a block
/// in each part, the section that cites `fn.proposals`); the first block of
/// the footnotes, references and figures they cite (with the
/// figures they derive from); the first two entries of the cited documents
/// list and [`REF`]. `THONGBAO_INJECTION_FULL=1` uses the whole sample.
fn reduced_sample() -> Notice {
    let mut n = sample();
    if std::env::var("THONGBAO_INJECTION_FULL").is_ok_and(|v| v == "1") {
        return n;
    }
    for p in &mut n.parts {
        for s in &mut p.sections {
            s.blocks.retain(|b| KEEP_BLOCKS.contains(&b.id.as_str()));
        }
        p.sections.retain(|s| !s.blocks.is_empty());
    }
    let mut cited = Vec::new();
    let texts: Vec<String> = field::rich_texts(&n)
        .into_iter()
        .map(|(_, t)| t.to_string())
        .collect();
    for t in &texts {
        tokens_of(t, &mut cited);
    }
    let notes: Vec<String> = cited
        .iter()
        .filter_map(|p| match p {
            Inline::Note(id) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    n.footnotes.retain(|f| notes.contains(&f.id));
    for f in &mut n.footnotes {
        f.blocks.truncate(1);
    }
    for b in n.footnotes.iter_mut().flat_map(|f| f.blocks.iter_mut()) {
        let mut i = 0;
        b.refs.retain(|r| {
            i += 1;
            i <= 2 || r == REF
        });
    }
    let mut cited = Vec::new();
    let texts: Vec<String> = field::rich_texts(&n)
        .into_iter()
        .map(|(_, t)| t.to_string())
        .collect();
    for t in &texts {
        tokens_of(t, &mut cited);
    }
    let mut refs: Vec<String> = vec![
        n.opening.plan.clone(),
        n.opening.schedule.clone(),
        REF.into(),
    ];
    let mut figs: Vec<String> = vec![COUNT_FIG.into(), FRACTION_FIG.into(), PERCENT_FIG.into()];
    for p in &cited {
        match p {
            Inline::Ref(id) => refs.push(id.to_string()),
            Inline::Figure(id) => figs.push(id.to_string()),
            _ => {}
        }
    }
    refs.extend(field::blocks(&n).flat_map(|b| b.refs.iter().cloned()));
    n.references.retain(|r| refs.contains(&r.id));
    // And the figures a kept percentage or amount is computed from.
    for r in &n.relations {
        let from = match &r.kind {
            RelationKind::Ratio { percent, .. } => percent,
            RelationKind::Product { amount, .. } => amount,
            _ => continue,
        };
        if figs.contains(from) {
            figs.extend(r.figures().map(str::to_string));
        }
    }
    n.figures.retain(|f| figs.contains(&f.id));
    n.relations
        .retain(|r| r.figures().all(|id| figs.iter().any(|f| f == id)));
    n
}

fn baseline() -> Baseline {
    let notice = reduced_sample();
    let html = render_html(&notice);
    let markup = inspect_markup(&html).expect("the sample renders cleanly");
    Baseline {
        notice,
        style: markup.style,
        notes: html.matches("<div class=\"note\" id=\"fn-").count(),
    }
}

#[test]
fn sample_is_as_the_slots_expect() {
    let n = reduced_sample();
    let html = render_html(&n);
    for attr in [
        format!("data-field=\"ref/{REF}/symbol\""),
        format!("data-field=\"fig/{COUNT_FIG}/value\""),
        format!("data-field=\"fig/{FRACTION_FIG}/value\""),
        format!("data-field=\"fig/{PERCENT_FIG}/value\""),
        format!("data-field=\"block/{REFS_BLOCK}/text\""),
        "data-field=\"block/fn.deaths.b1/text\"".to_string(),
        "data-field=\"block/fn.proposals.b1/text\"".to_string(),
        "data-field=\"part/p2/title\"".to_string(),
        "data-field=\"section/p1.s2/title\"".to_string(),
        "data-field=\"block/p1.s2.b5/text\"".to_string(),
        "data-field=\"block/p1.s1.b7/text\"".to_string(),
        "data-field=\"recipient/r3\"".to_string(),
    ] {
        assert!(html.contains(&attr), "the sample no longer renders {attr}");
    }
    assert_eq!(n.figure(COUNT_FIG).unwrap().kind, Default::default());
    assert!(n.relations.iter().any(|r| matches!(
        &r.kind,
        RelationKind::Ratio { percent, fraction: Some(f), .. }
            if percent == PERCENT_FIG && f == FRACTION_FIG
    )));
    assert!(n.footnote(NOTE).is_some());
    assert!(n.accepted.is_empty());
    assert_eq!(n.parts.len(), 3);
    let kind = |id: &str| field::blocks(&n).find(|b| b.id == id).unwrap().kind;
    use thongbao::core::model::BlockKind::{Dash, Paragraph, Refs};
    assert_eq!(kind("p1.s1.b1"), Paragraph);
    assert_eq!(kind("p1.s1.b7"), Dash);
    assert_eq!(kind("fn.deaths.b1"), Paragraph);
    assert_eq!(kind("fn.proposals.b1"), Dash);
    assert_eq!(kind(REFS_BLOCK), Refs);
    assert!(import(&html).unwrap() == n);
    let notes = baseline().notes;
    assert_eq!(notes, n.footnotes.len(), "every footnote is shown");
    let full = sample();
    println!(
        "reduced sample: {} references, {} figures, {} blocks, {} footnotes \
         (whole sample: {}, {}, {}, {})",
        n.references.len(),
        n.figures.len(),
        field::blocks(&n).count(),
        n.footnotes.len(),
        full.references.len(),
        full.figures.len(),
        field::blocks(&full).count(),
        full.footnotes.len()
    );
}

#[test]
fn payload_file_is_big_and_varied() {
    let p = payloads();
    assert!(p.len() >= 121, "{} payloads", p.len());
    let mut seen = std::collections::HashSet::new();
    for x in &p {
        assert!(seen.insert(x), "duplicate payload {x:?}");
    }
    for needle in [
        "<script",
        "onerror",
        "onload",
        "<iframe",
        "<object",
        "<embed",
        "<math",
        "<template",
        "<style",
        "<link",
        "http-equiv=\"refresh\"",
        "<base",
        "<form",
        "\" onmouseover=",
        "' autofocus onfocus=",
        "javascript:",
        "data:text/html",
        "vbscript:",
        "</style>",
        "expression(",
        "url(javascript:",
        "@import",
        "&lt;script&gt;",
        "&#60;",
        "&#x3C;",
        "</script>",
        "<!--",
        "]]>",
        "\u{202e}",
        "\u{200d}",
        "＜script＞",
        "\u{0}",
        "{fig:x}",
        "{{",
        "{fn:",
        "\u{a0}",
        "\u{ad}",
        "“",
        "\t",
        "\n",
    ] {
        assert!(
            p.iter().any(|x| x.contains(needle)),
            "no payload holds {needle:?}"
        );
    }
    assert_eq!(
        unescape(r"a\nb\tc\\d\u{202E}e\u003c\x"),
        "a\nb\tc\\d\u{202e}e\\u003c\\x"
    );
}

#[test]
fn every_payload_in_every_field_is_inert() {
    let started = Instant::now();
    let payloads = payloads();
    let slots = slots();
    let base = baseline();
    let failures = Mutex::new(Vec::<String>::new());
    let tried = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let jobs: Vec<(usize, usize)> = (0..slots.len())
        .flat_map(|s| (0..payloads.len()).map(move |p| (s, p)))
        .collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(s, p)) = jobs.get(i) else { break };
                let (slot, payload) = (&slots[s], &payloads[p]);
                let outcome = catch_unwind(AssertUnwindSafe(|| try_one(&base, slot, payload)))
                    .unwrap_or_else(|e| {
                        let msg = e
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default();
                        Err(format!("PANIC: {msg}"))
                    });
                tried.fetch_add(1, Ordering::Relaxed);
                if let Err(why) = outcome {
                    failures.lock().unwrap().push(format!(
                        "{} ← {:?}: {why}",
                        slot.name,
                        excerpt(payload)
                    ));
                }
            });
        }
    });
    let tried = tried.into_inner();
    println!(
        "injection: {} payloads × {} fields = {tried} renders in {:.1} s",
        payloads.len(),
        slots.len(),
        started.elapsed().as_secs_f64()
    );
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {tried} cases failed:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(tried, payloads.len() * slots.len());
    assert!(tried >= 100 * slots.len());
}

/// The checker bites: markup slipped into a clean render is caught.
#[test]
fn the_markup_checker_rejects_what_it_should() {
    let html = render_html(&reduced_sample());
    assert!(inspect_markup(&html).is_ok());
    let body = "<main class=\"page\">";
    let json = "<script type=\"application/json\" id=\"thongbao-data\">{";
    let doctored = [
        (body, "<main class=\"page\"><img src=x onerror=alert(1)>"),
        (body, "<main class=\"page\"><script>alert(1)</script>"),
        (body, "<main class=\"page\"><SCRIPT>alert(1)</SCRIPT>"),
        (body, "<main class=\"page\" onmouseover=\"alert(1)\">"),
        (body, "<main class=\"page\"><a href=\"javascript:alert(1)\">x</a>"),
        (body, "<main class=\"page\"><a href=\"#fn-1\" onclick=\"x\">1</a>"),
        (body, "<main class=\"page\"><p style=\"x\">"),
        (body, "<main class=\"page\"><p class=x>"),
        (body, "<main class=\"page\">&#60;"),
        (body, "<main class=\"page\">a > b"),
        (body, "<main class=\"page\"><svg/onload=alert(1)>"),
        (body, "<main class=\"page\"><!-- x -->"),
        (json, "<script type=\"application/json\" id=\"thongbao-data\">{\"x\":\"</script><script>alert(1)</script>\","),
        (json, "<script type=\"application/json\" id=\"thongbao-data\">{\"x\":\"&amp;\","),
        ("<style>\n", "<style>\n</style><style>"),
        ("<meta http-equiv", "<meta name=\"x\" http-equiv"),
        ("script-src 'none'", "script-src *"),
    ];
    // As `try_one` does: markup errors, or a style sheet not the sample's.
    let base = baseline();
    let caught = |html: &str| inspect_markup(html).map_or(true, |m| m.style != base.style);
    assert!(!caught(&html));
    for (from, to) in doctored {
        assert!(html.contains(from), "{from}");
        assert!(caught(&html.replacen(from, to, 1)), "not caught: {to}");
    }
    // A payload that the renderer dropped would fail the visibility check.
    let slots = slots();
    let closing = slots.iter().find(|s| s.name == "closing").unwrap();
    let mut n = base.notice.clone();
    (closing.apply)(&mut n, "<b>x</b>");
    let visible = inspect_markup(&render_html(&n)).unwrap().visible;
    let pieces = expected_pieces(closing.show, "<b>x</b>");
    assert_eq!(pieces, ["<b>x</b>"]);
    assert!(visible.contains(&pieces[0]));
    assert!(!inspect_markup(&html).unwrap().visible.contains(&pieces[0]));
}
