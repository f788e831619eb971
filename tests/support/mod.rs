//! Shared test helpers: an arbitrary-notice generator for property tests.

#![allow(dead_code)]

use proptest::prelude::*;
use thongbao::core::model::*;

/// Text an officer might type or paste: Vietnamese, markup, braces, quotes,
/// controls, bidi overrides, astral characters.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđĐ <>&\"'{}/;:=!-]{0,24}",
        Just("</script><script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("\u{202e}gnp.exe\u{0000}\u{0007}".to_string()),
        Just("{fig:nope} {{ }} {i}x".to_string()),
    ]
}

fn id(prefix: &'static str) -> impl Strategy<Value = String> {
    "[a-z0-9_.-]{1,6}".prop_map(move |s| format!("{prefix}{s}"))
}

fn unique<T: Clone>(items: Vec<T>, key: impl Fn(&T) -> String) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items.into_iter().filter(|i| seen.insert(key(i))).collect()
}

fn block(prefix: &'static str) -> impl Strategy<Value = Block> {
    (
        id(prefix),
        0..4u8,
        text(),
        prop::collection::vec(id("r"), 0..3),
    )
        .prop_map(|(id, k, text, refs)| Block {
            id,
            kind: [
                BlockKind::Paragraph,
                BlockKind::Dash,
                BlockKind::Plus,
                BlockKind::Refs,
            ][k as usize],
            text,
            refs,
        })
}

fn figure() -> impl Strategy<Value = Figure> {
    (id("f"), text(), 0..5u8, text(), text(), text()).prop_map(
        |(id, label, k, value, total, unit)| Figure {
            id,
            label,
            kind: [
                FigureKind::Count,
                FigureKind::Amount,
                FigureKind::Rate,
                FigureKind::Fraction,
                FigureKind::Percent,
            ][k as usize],
            value,
            total,
            unit,
        },
    )
}

/// A relation's shape: its id, kind, the figures it names (indices into
/// the notice's figures, or an id of none), bounds, name and source; made a
/// [`Relation`] once the figures are known ([`relation`]).
type Shape = (
    String,
    u8,
    Vec<Option<prop::sample::Index>>,
    (String, String),
    Option<(String, String)>,
    bool,
);

fn shape() -> impl Strategy<Value = Shape> {
    (
        id("q"),
        0..9u8,
        prop::collection::vec(
            prop::option::weighted(0.9, any::<prop::sample::Index>()),
            0..5,
        ),
        (
            prop_oneof![Just(String::new()), Just("0".to_string()), text()],
            prop_oneof![Just(String::new()), Just("100".to_string()), text()],
        ),
        prop::option::of((text(), text())),
        any::<bool>(),
    )
}

/// The relation of a shape over `figures`.
pub fn relation(s: Shape, figures: &[Figure]) -> Relation {
    let (id, kind, picks, (min, max), name, recognised) = s;
    let mut ids: Vec<String> = picks
        .iter()
        .map(|p| match p {
            Some(i) if !figures.is_empty() => figures[i.index(figures.len())].id.clone(),
            _ => "fnone".to_string(),
        })
        .collect();
    let first = ids.first().cloned().unwrap_or_default();
    let rest = || ids.iter().skip(1).cloned().collect::<Vec<_>>();
    let kind = match kind {
        0 => RelationKind::Chain {
            figures: ids.clone(),
            names: Vec::new(),
        },
        1 => RelationKind::PartOf {
            part: first,
            whole: ids.get(1).cloned().unwrap_or_default(),
        },
        2 => RelationKind::Sum {
            parts: rest(),
            total: first,
        },
        3 => RelationKind::SumAtMost {
            parts: rest(),
            whole: first,
        },
        4 => RelationKind::Ratio {
            percent: first,
            fraction: ids.get(1).cloned(),
            part: None,
            whole: None,
        },
        5 => RelationKind::Ratio {
            percent: first,
            fraction: None,
            part: ids.get(1).cloned(),
            whole: ids.get(2).cloned(),
        },
        6 => RelationKind::Product {
            amount: first,
            factors: rest(),
        },
        7 => RelationKind::Range {
            figure: first,
            min,
            max,
        },
        _ => RelationKind::SameTotal {
            figures: std::mem::take(&mut ids),
            adds_up: picks.len() % 2 == 0,
        },
    };
    Relation {
        id,
        kind,
        name: name.map(|(vi, en)| Words { vi, en }),
        rule: None,
        source: if recognised {
            Source::Recognised
        } else {
            Source::Declared
        },
    }
}

fn docref() -> impl Strategy<Value = DocRef> {
    (
        id("r"),
        text(),
        text(),
        text(),
        text(),
        text(),
        text(),
        any::<bool>(),
    )
        .prop_map(
            |(id, kind, number, symbol, date, issuer, subject, with_so)| DocRef {
                id,
                kind,
                number,
                symbol,
                date,
                issuer,
                subject,
                with_so,
            },
        )
}

fn header() -> impl Strategy<Value = Header> {
    prop::collection::vec(text(), 10).prop_map(|t| Header {
        parent_body: t[0].clone(),
        issuer: t[1].clone(),
        number: t[2].clone(),
        symbol: t[3].clone(),
        place: t[4].clone(),
        day: t[5].clone(),
        month: t[6].clone(),
        year: t[7].clone(),
        doc_type: t[8].clone(),
        subject: t[9].clone(),
    })
}

pub fn notice() -> impl Strategy<Value = Notice> {
    let sections = prop::collection::vec(
        (id("s"), text(), prop::collection::vec(block("b"), 0..4))
            .prop_map(|(id, title, blocks)| Section { id, title, blocks }),
        0..3,
    );
    let parts = prop::collection::vec(
        (id("p"), text(), sections).prop_map(|(id, title, sections)| Part {
            id,
            title,
            sections,
        }),
        0..3,
    );
    let notes = prop::collection::vec(
        (id("n"), prop::collection::vec(block("nb"), 1..3))
            .prop_map(|(id, blocks)| Footnote { id, blocks }),
        0..3,
    );
    let lines = prop::collection::vec(
        (id("l"), text()).prop_map(|(id, text)| Line { id, text }),
        0..4,
    );
    let opening = prop::collection::vec(text(), 5).prop_map(|t| Opening {
        plan: t[0].clone(),
        schedule: t[1].clone(),
        inspection_date: t[2].clone(),
        inspected_body: t[3].clone(),
        text: t[4].clone(),
    });
    let signature = prop::collection::vec(text(), 4).prop_map(|t| Signature {
        authority: t[0].clone(),
        head: t[1].clone(),
        position: t[2].clone(),
        name: t[3].clone(),
    });
    let accepted = prop::collection::vec(
        (text(), text(), text()).prop_map(|(rule, field, reason)| Acceptance {
            rule,
            field,
            reason,
        }),
        0..2,
    );
    (
        (
            any::<bool>(),
            header(),
            opening,
            prop::collection::vec(docref(), 0..4),
        ),
        (
            prop::collection::vec(figure(), 0..5),
            prop::collection::vec(shape(), 0..4),
            parts,
            notes,
            text(),
        ),
        (lines, signature, accepted),
    )
        .prop_map(
            |(
                (fin, header, opening, references),
                (figures, shapes, parts, notes, closing),
                (lines, signature, accepted),
            )| {
                let mut parts = unique(parts, |p| p.id.clone());
                // Section and block ids share one space: keep them unique too.
                let mut seen = std::collections::HashSet::new();
                for p in &mut parts {
                    p.sections.retain(|s| seen.insert(s.id.clone()));
                    for s in &mut p.sections {
                        s.blocks.retain(|b| seen.insert(b.id.clone()));
                    }
                }
                let mut footnotes = unique(notes, |n| n.id.clone());
                for n in &mut footnotes {
                    n.blocks.retain(|b| seen.insert(b.id.clone()));
                }
                Notice {
                    format: FORMAT_ID.into(),
                    version: FORMAT_VERSION,
                    status: if fin { Status::Issued } else { Status::Draft },
                    header,
                    opening,
                    references: unique(references, |r| r.id.clone()),
                    relations: unique(
                        shapes.into_iter().map(|s| relation(s, &figures)).collect(),
                        |r| r.id.clone(),
                    ),
                    figures: unique(figures, |f| f.id.clone()),
                    parts,
                    footnotes,
                    closing,
                    recipients: unique(lines, |l| l.id.clone()),
                    signature,
                    accepted,
                    report: None,
                }
            },
        )
}

// ---------------------------------------------------------------------------
// Markup inspection, shared by tests/injection.rs and tests/fuzz.rs: a strict
// reader of what render_html writes, the idea of tests/render.rs's allowlist
// made into a small tokenizer.

/// The tags the renderer writes, outside the embedded JSON block.
pub const RENDER_TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "div", "main", "p", "table", "tr", "td",
    "span", "br", "h1", "h2", "h3", "sup", "a", "i", "section", "hr",
];

/// The attributes the renderer writes; every one has a double-quoted value.
pub const RENDER_ATTRS: &[&str] = &[
    "class",
    "data-field",
    "href",
    "id",
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "role",
    "aria-hidden",
    "aria-label",
];

/// How the embedded JSON block opens.
pub const EMBED_OPEN: &str = "<script type=\"application/json\" id=\"thongbao-data\">";

/// What [`inspect_markup`] read out of a rendered notice.
#[derive(Debug, Default)]
pub struct Markup {
    /// The content of the `<style>` element (each one after a `\u{1}`).
    pub style: String,
    /// The text of the body with the entities decoded, a `\u{1}` standing for
    /// each tag (so text cannot match across elements).
    pub visible: String,
    /// The content of the embedded JSON block.
    pub json: String,
}

/// The characters the renderer drops on purpose (render/inline.rs
/// `is_hidden_control`): C0/C1 controls but the tab, bidi embeddings,
/// overrides, isolates and marks.
pub fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// A user string as the reader sees it once escaped: hidden controls
/// dropped, a newline shown as a space.
pub fn shown(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || !is_hidden_control(c))
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect()
}

const ENTITIES: &[(&str, &str)] = &[
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&#39;", "'"),
    ("&amp;", "&"),
];

/// Every `&` starts one of the five entities the escape function writes.
fn check_entities(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        rest = &rest[i..];
        if !ENTITIES.iter().any(|(e, _)| rest.starts_with(e)) {
            return Err(format!("a raw & in {:?}", excerpt(rest)));
        }
        rest = &rest[1..];
    }
    Ok(())
}

/// Appends `text` with the entities decoded.
fn decode_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push_str(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn excerpt(s: &str) -> &str {
    let mut end = s.len().min(60);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Reads one tag at the start of `s`; returns its length, name and whether
/// it closes an element.
fn read_tag(s: &str) -> Result<(usize, &str, bool), String> {
    let b = s.as_bytes();
    let closing = b.get(1) == Some(&b'/');
    let mut i = if closing { 2 } else { 1 };
    let start = i;
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name = &s[start..i];
    if !RENDER_TAGS.contains(&name) {
        return Err(format!("unexpected tag {:?}", excerpt(s)));
    }
    loop {
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        match b.get(i) {
            Some(b'>') => return Ok((i + 1, name, closing)),
            None => return Err(format!("unterminated tag {:?}", excerpt(s))),
            _ if closing => return Err(format!("a closing tag with more: {:?}", excerpt(s))),
            _ => {}
        }
        let a0 = i;
        while i < b.len() && (b[i].is_ascii_lowercase() || b[i] == b'-') {
            i += 1;
        }
        let attr = &s[a0..i];
        if attr.is_empty() {
            return Err(format!("unexpected text inside a tag: {:?}", excerpt(s)));
        }
        if attr.starts_with("on") {
            return Err(format!("an event handler attribute {attr:?}"));
        }
        if !RENDER_ATTRS.contains(&attr) {
            return Err(format!("unexpected attribute {attr:?} in {:?}", excerpt(s)));
        }
        if b.get(i) != Some(&b'=') || b.get(i + 1) != Some(&b'"') {
            return Err(format!("attribute {attr:?} without a quoted value"));
        }
        i += 2;
        let len = s[i..]
            .find('"')
            .ok_or_else(|| format!("unclosed attribute value in {:?}", excerpt(s)))?;
        let value = &s[i..i + len];
        i += len + 1;
        if value.contains(['<', '>']) {
            return Err(format!("< or > in the value of {attr:?}: {value:?}"));
        }
        check_entities(value).map_err(|e| format!("{e} in the value of {attr:?}"))?;
        let squashed: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(attr, "href" | "src" | "action") {
            for scheme in ["javascript:", "vbscript:", "data:"] {
                if squashed.contains(scheme) {
                    return Err(format!("a {scheme} URL in {attr}={value:?}"));
                }
            }
        }
        if attr == "href" {
            let n = value.strip_prefix("#fn-").unwrap_or("");
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("a link that is not a footnote: href={value:?}"));
            }
        }
    }
}

fn scan(chunk: &str, m: &mut Markup, in_body: &mut bool) -> Result<(), String> {
    let mut rest = chunk;
    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..lt];
        if text.as_bytes().contains(&b'>') {
            return Err(format!("a raw > in text: {:?}", excerpt(text)));
        }
        check_entities(text)?;
        if *in_body {
            decode_into(&mut m.visible, text);
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            return Ok(());
        }
        if let Some(r) = rest.strip_prefix("<!DOCTYPE html>") {
            rest = r;
            continue;
        }
        let (len, name, closing) = read_tag(rest)?;
        rest = &rest[len..];
        if *in_body {
            m.visible.push('\u{1}');
        }
        if name == "body" && !closing {
            *in_body = true;
        }
        if name == "style" && !closing {
            let end = rest.find("</style>").ok_or("unclosed <style>")?;
            if rest.as_bytes()[..end].contains(&b'<') {
                return Err("a < inside <style>".into());
            }
            // One `\u{1}` an element, so two style elements are not one.
            m.style.push('\u{1}');
            m.style.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
}

/// Reads a rendered notice strictly: one inert JSON block holding no `<`,
/// `>` or `&`; elsewhere only the renderer's own tags and attributes, every
/// value double-quoted, no event handler, no link but `#fn-N`, every `&` an
/// entity of the escape function, no raw `>` in text, the CSP meta present.
pub fn inspect_markup(html: &str) -> Result<Markup, String> {
    let open = html.find(EMBED_OPEN).ok_or("no embedded JSON block")?;
    let (before, rest) = (&html[..open], &html[open + EMBED_OPEN.len()..]);
    // The JSON may hold no `<`: the first one must close the element.
    let lt = rest.find('<').ok_or("the JSON block is not closed")?;
    let (json, after) = (&rest[..lt], &rest[lt..]);
    let after = after
        .strip_prefix("</script>")
        .ok_or("a < inside the embedded JSON")?;
    if json.as_bytes().contains(&b'>') || json.as_bytes().contains(&b'&') {
        return Err("the embedded JSON holds a > or &".into());
    }
    // A second <script> is an unexpected tag for the tokenizer below.
    let csp = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        thongbao::core::render::CSP
    );
    if !before.contains(&csp) {
        return Err("the Content-Security-Policy is missing".into());
    }
    let mut m = Markup {
        json: json.to_string(),
        visible: String::with_capacity(html.len() / 2),
        ..Markup::default()
    };
    let mut in_body = false;
    scan(before, &mut m, &mut in_body)?;
    scan(after, &mut m, &mut in_body)?;
    if !in_body {
        return Err("no <body>".into());
    }
    Ok(m)
}
