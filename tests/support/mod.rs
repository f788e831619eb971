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
    (
        id("f"),
        text(),
        0..5u8,
        text(),
        text(),
        text(),
        text(),
        prop::option::of(id("f")),
    )
        .prop_map(|(id, label, k, value, total, unit, group, derive)| Figure {
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
            group,
            derive: derive.map(|fraction| Derive::Ratio { fraction }),
        })
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
        (prop::collection::vec(figure(), 0..5), parts, notes, text()),
        (lines, signature, accepted),
    )
        .prop_map(
            |(
                (fin, header, opening, references),
                (figures, parts, notes, closing),
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
                    status: if fin { Status::Final } else { Status::Draft },
                    header,
                    opening,
                    references: unique(references, |r| r.id.clone()),
                    figures: unique(figures, |f| f.id.clone()),
                    parts,
                    footnotes,
                    closing,
                    recipients: unique(lines, |l| l.id.clone()),
                    signature,
                    accepted,
                }
            },
        )
}
