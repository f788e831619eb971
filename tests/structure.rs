//! The officer shapes the body: parts and sections added, removed, renamed
//! and moved through `core::edit`, and the numbering the notice prints
//! follows — in the HTML (the preview is the same function), in the Word
//! file, and through JSON (which stores the order, never the numbers).

use thongbao::core::edit::{apply, removal, Command, Edited, List, ListOp};
use thongbao::core::field::Field;
use thongbao::core::json::{import, to_json};
use thongbao::core::model::Notice;
use thongbao::core::render::{render_docx, render_html};
use thongbao::core::samples::sample;
use thongbao::core::zip::{entries, read};

/// The headings of the rendered HTML as `id=number`, in order
/// (`p1=I p1.s1=1 …`).
fn outline(html: &str) -> String {
    let mut out = Vec::new();
    for (tag, kind) in [
        ("<h2 data-field=\"part/", 'p'),
        ("<h3 data-field=\"section/", 's'),
    ] {
        let mut from = 0;
        while let Some(at) = html[from..].find(tag).map(|i| i + from) {
            let rest = &html[at + tag.len()..];
            let id = &rest[..rest.find('/').unwrap()];
            let text = &rest[rest.find('>').unwrap() + 1..];
            let no = &text[..text.find(". ").unwrap()];
            out.push((at, kind, format!("{id}={no}")));
            from = at + 1;
        }
    }
    out.sort();
    out.into_iter()
        .map(|(_, _, s)| s)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The headings' text as the HTML prints them (tags dropped).
fn html_headings(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..]
        .find("<h2 data-field=\"part/")
        .into_iter()
        .chain(html[from..].find("<h3 data-field=\"section/"))
        .min()
        .map(|i| i + from)
    {
        let close = if html[at..].starts_with("<h2") {
            "</h2>"
        } else {
            "</h3>"
        };
        let end = at + html[at..].find(close).unwrap();
        let inner = &html[at + html[at..].find('>').unwrap() + 1..end];
        // Footnote markers are Word footnotes in the .docx, not text.
        let mut inner = inner.to_string();
        while let Some(a) = inner.find("<sup") {
            let b = a + inner[a..].find("</sup>").unwrap() + 6;
            inner.replace_range(a..b, "");
        }
        out.push(strip(&inner));
        from = end;
    }
    out
}

fn strip(xml: &str) -> String {
    let mut out = String::new();
    let mut tag = false;
    for c in xml.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The text of the Word file's part and section headings.
fn docx_headings(n: &Notice) -> Vec<String> {
    let docx = render_docx(n);
    let all = entries(&docx).unwrap();
    let doc = all.iter().find(|e| e.name == "word/document.xml").unwrap();
    let xml = String::from_utf8(read(doc).unwrap()).unwrap();
    let mut out = Vec::new();
    for p in xml.split("<w:p>").skip(1) {
        if p.contains("w:val=\"TBPhan\"") || p.contains("w:val=\"TBMuc\"") {
            let mut text = String::new();
            for t in p.split("<w:t").skip(1) {
                let t = &t[t.find('>').unwrap() + 1..];
                text.push_str(&t[..t.find("</w:t>").unwrap_or(0)]);
            }
            out.push(strip(&text));
        }
    }
    out
}

fn list(list: List, op: ListOp) -> Command {
    Command::List { list, op }
}

fn set(field: Field, id: &str, value: &str) -> Command {
    Command::Set {
        path: field.of(id),
        value: value.into(),
    }
}

fn mv(l: List, id: &str, delta: isize) -> Command {
    list(
        l,
        ListOp::Move {
            id: id.into(),
            delta,
            among: vec![],
        },
    )
}

fn sections(p: &str) -> List {
    List::Sections(p.into())
}

const SAMPLE: &str =
    "p1=I p1.s1=1 p1.s2=2 p1.s3=3 p1.s4=4 p2=II p2.s1=1 p2.s2=2 p3=III p3.s1=1 p3.s2=2 p3.s3=3";

#[test]
fn numbering_follows_every_structure_edit() {
    // (what the officer does, the headings printed after it)
    let cases: Vec<(&str, Vec<Command>, &str)> = vec![
        ("the sample as it is", vec![], SAMPLE),
        (
            "a section added after I.1, then named",
            vec![
                list(
                    sections("p1"),
                    ListOp::Add {
                        after: Some("p1.s1".into()),
                    },
                ),
                set(Field::SectionTitle, "p1.new1", "Mục mới"),
            ],
            "p1=I p1.s1=1 p1.new1=2 p1.s2=3 p1.s3=4 p1.s4=5 p2=II p2.s1=1 p2.s2=2 p3=III p3.s1=1 p3.s2=2 p3.s3=3",
        ),
        (
            "a section added but left empty prints nothing",
            vec![list(sections("p2"), ListOp::Add { after: None })],
            SAMPLE,
        ),
        (
            "I.3 moved up, I.1 removed",
            vec![
                mv(sections("p1"), "p1.s3", -1),
                list(sections("p1"), ListOp::Remove("p1.s1".into())),
            ],
            "p1=I p1.s3=1 p1.s2=2 p1.s4=3 p2=II p2.s1=1 p2.s2=2 p3=III p3.s1=1 p3.s2=2 p3.s3=3",
        ),
        (
            "a part removed: the next is II",
            vec![list(List::Parts, ListOp::Remove("p2".into()))],
            "p1=I p1.s1=1 p1.s2=2 p1.s3=3 p1.s4=4 p3=II p3.s1=1 p3.s2=2 p3.s3=3",
        ),
        (
            "a part moved up, and a new one at the end",
            vec![
                mv(List::Parts, "p3", -1),
                list(List::Parts, ListOp::Add { after: None }),
                set(Field::PartTitle, "p.new1", "Tổ chức thực hiện"),
            ],
            "p1=I p1.s1=1 p1.s2=2 p1.s3=3 p1.s4=4 p3=II p3.s1=1 p3.s2=2 p3.s3=3 p2=III p2.s1=1 p2.s2=2 p.new1=IV",
        ),
        (
            "a section moved past its part's ends goes to the next part and back",
            vec![
                mv(sections("p1"), "p1.s4", 1),
                mv(sections("p2"), "p1.s4", -1),
                mv(sections("p2"), "p2.s1", -1),
            ],
            "p1=I p1.s1=1 p1.s2=2 p1.s3=3 p1.s4=4 p2.s1=5 p2=II p2.s2=1 p3=III p3.s1=1 p3.s2=2 p3.s3=3",
        ),
        (
            "a title cleared: the text stays, with no number; the rest renumber",
            vec![set(Field::SectionTitle, "p2.s1", "  ")],
            "p1=I p1.s1=1 p1.s2=2 p1.s3=3 p1.s4=4 p2=II p2.s2=1 p3=III p3.s1=1 p3.s2=2 p3.s3=3",
        ),
    ];
    for (what, commands, expected) in cases {
        let mut n = sample();
        for c in commands {
            assert!(apply(&mut n, c.clone()).changed(), "{what}: {c:?}");
        }
        let html = render_html(&n);
        assert_eq!(outline(&html), expected, "{what}");
        // Past the body's ends nothing moves.
        let first = n.parts[0].sections.first().map(|s| s.id.clone());
        if let Some(first) = first {
            let pid = n.parts[0].id.clone();
            assert_eq!(
                apply(&mut n, mv(sections(&pid), &first, -1)),
                Edited::Nothing
            );
        }
        // The Word file prints the same headings, numbers and all.
        assert_eq!(docx_headings(&n), html_headings(&html), "{what}");
        // JSON keeps the order; the numbers come back the same.
        let back = import(&to_json(&n)).unwrap();
        assert_eq!(back, n, "{what}");
        assert_eq!(outline(&render_html(&back)), expected, "{what}");
    }
}

#[test]
fn an_empty_section_prints_nothing() {
    let mut n = sample();
    let s = n.parts[1].sections[0].clone();
    // Its title cleared and its bullets emptied, as the template leaves them.
    apply(&mut n, set(Field::SectionTitle, &s.id, ""));
    for b in &s.blocks {
        apply(&mut n, set(Field::BlockText, &b.id, " "));
    }
    let html = render_html(&n);
    assert!(!html.contains(&format!("section/{}/title", s.id)));
    for b in &s.blocks {
        assert!(!html.contains(&format!("block/{}/text", b.id)), "{}", b.id);
    }
    let headings = html_headings(&html);
    assert!(
        headings.contains(&"1. Tồn tại, hạn chế".to_string()),
        "{headings:?}"
    );
    assert!(!headings
        .iter()
        .any(|h| h.trim() == "1." || h.trim() == "2."));
    let docx = docx_headings(&n);
    assert_eq!(docx, headings);

    // A part with no title and nothing in it: gone, and the next is II.
    let mut n = sample();
    apply(
        &mut n,
        list(
            List::Parts,
            ListOp::Add {
                after: Some("p1".into()),
            },
        ),
    );
    apply(
        &mut n,
        list(sections("p.new1"), ListOp::Add { after: None }),
    );
    let html = render_html(&n);
    assert!(!html.contains("part/p.new1/title"));
    assert_eq!(outline(&html), SAMPLE);
}

#[test]
fn new_parts_sections_and_footnotes_have_fresh_ids_and_focus_targets() {
    let mut n = sample();
    for (l, first) in [
        (List::Parts, Field::PartTitle),
        (sections("p2"), Field::SectionTitle),
        (List::Footnotes, Field::BlockText),
    ] {
        let Edited::Whole {
            added: Some(id), ..
        } = apply(&mut n, list(l.clone(), ListOp::Add { after: None }))
        else {
            panic!("{l:?}: nothing added");
        };
        let path = l.first_field(&n, &id);
        assert_eq!(path.field, first, "{l:?}");
        assert_eq!(
            thongbao::core::field::get(&n, &path),
            Some(""),
            "{l:?}: {path}"
        );
    }
    // The new footnote is a paragraph to write; removing it takes it away.
    let note = n.footnotes.last().unwrap().clone();
    assert_eq!(note.id, "fn.new1");
    assert_eq!(note.blocks.len(), 1);
    let gone = apply(
        &mut n,
        list(List::Footnotes, ListOp::Remove(note.id.clone())),
    );
    assert!(gone.changed());
    assert!(n.footnote(&note.id).is_none());
    // Every id is still unique.
    let mut ids: Vec<&str> = n.parts.iter().map(|p| p.id.as_str()).collect();
    ids.extend(
        n.parts
            .iter()
            .flat_map(|p| p.sections.iter().map(|s| s.id.as_str())),
    );
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

/// The footnotes as printed, in order: their first words.
fn notes(html: &str) -> Vec<String> {
    html.split("<div class=\"note\" id=\"fn-")
        .skip(1)
        .map(|n| strip(&n[n.find('>').unwrap() + 1..n.find("</div>").unwrap()]))
        .map(|t| t.split_whitespace().take(4).collect::<Vec<_>>().join(" "))
        .collect()
}

/// "Hoàn tác": what a removal took goes back exactly where and as it was —
/// the same notice (ids, titles, blocks and their footnote markers), the
/// same HTML (numbers and footnotes as before).
#[test]
fn a_removed_part_section_or_block_comes_back_as_it_was() {
    // (list, item removed, the headings printed without it, the notes
    // printed without it)
    let cases: Vec<(List, &str, &str, usize)> = vec![
        (
            List::Parts,
            "p2",
            "p1=I p1.s1=1 p1.s2=2 p1.s3=3 p1.s4=4 p3=II p3.s1=1 p3.s2=2 p3.s3=3",
            12,
        ),
        // The first section cites the first notes: the rest renumber.
        (
            sections("p1"),
            "p1.s1",
            "p1=I p1.s2=1 p1.s3=2 p1.s4=3 p2=II p2.s1=1 p2.s2=2 p3=III p3.s1=1 p3.s2=2 p3.s3=3",
            6,
        ),
        (
            sections("p3"),
            "p3.s3",
            "p1=I p1.s1=1 p1.s2=2 p1.s3=3 p1.s4=4 p2=II p2.s1=1 p2.s2=2 p3=III p3.s1=1 p3.s2=2",
            10,
        ),
        (List::Blocks("p1.s2".into()), "p1.s2.b1", SAMPLE, 11),
        (
            List::NoteBlocks("fn.media".into()),
            "fn.media.b1",
            SAMPLE,
            12,
        ),
    ];
    let n0 = sample();
    let html0 = render_html(&n0);
    assert_eq!(notes(&html0).len(), 12);
    for (l, id, headings, printed) in cases {
        let mut n = n0.clone();
        let removed = removal(&n, &l, id).unwrap_or_else(|| panic!("{id}"));
        assert!(apply(&mut n, list(l.clone(), ListOp::Remove(id.into()))).changed());
        let html = render_html(&n);
        assert_eq!(outline(&html), headings, "{id} removed");
        assert_eq!(notes(&html).len(), printed, "{id} removed");
        let back = apply(&mut n, Command::Restore(removed.clone()));
        assert_eq!(
            back,
            Edited::Whole {
                added: Some(id.into()),
                next: None
            },
            "{id}"
        );
        assert_eq!(n, n0, "{id} back as it was");
        assert_eq!(render_html(&n), html0, "{id} prints as before");
        // Its ids are in use again: a second "Hoàn tác" changes nothing.
        assert_eq!(apply(&mut n, Command::Restore(removed)), Edited::Nothing);
    }
    // Only parts, sections and blocks; only items that are there.
    for (l, id) in [
        (List::Figures, "fund.total"),
        (List::Parts, "nope"),
        (sections("nope"), "p1.s1"),
    ] {
        assert_eq!(removal(&n0, &l, id), None, "{l:?} {id}");
    }
    // Its place gone (the part it was in removed too): nothing.
    let mut n = n0.clone();
    let removed = removal(&n, &sections("p2"), "p2.s1").unwrap();
    for c in [
        list(sections("p2"), ListOp::Remove("p2.s1".into())),
        list(List::Parts, ListOp::Remove("p2".into())),
    ] {
        apply(&mut n, c);
    }
    let before = n.clone();
    assert_eq!(apply(&mut n, Command::Restore(removed)), Edited::Nothing);
    assert_eq!(n, before);
}
