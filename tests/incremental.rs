//! Incremental work per keystroke gives exactly what the whole work gives:
//! `Checker::edited` against `check`, and `render::update` applied to the
//! last render against `render_html`, over random edit sequences on the
//! sample and on generated notices.

mod support;

use proptest::prelude::*;
use thongbao::core::check::{check, Checker, Mode};
use thongbao::core::field::{self, FieldPath, Scope};
use thongbao::core::model::Notice;
use thongbao::core::outline::outline;
use thongbao::core::render::{escape, note_order, render_html, update, Update};
use thongbao::core::samples::sample;

/// What an officer types into a field: numbers (well-formed or not),
/// dates, symbols, prose with tokens, blanks.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9.,]{0,9}",
        "[0-9]{1,2}/[0-9]{1,2}/20[0-9]{2}",
        "[0-9]{1,3}/[A-ZĐa-z-]{1,12}",
        Just(String::new()),
        Just("98,9%".to_string()),
        Just("tỉnh … năm ... ( )".to_string()),
        Just("{fig:safe_home.recognised} và {fn:n1}{ref:r1}".to_string()),
        support::text(),
    ]
}

/// Edits `n` field by field (indices into its paths), checking after each
/// edit that the incremental checker agrees with a whole check.
fn agrees(mut n: Notice, edits: Vec<(prop::sample::Index, String)>, mode: Mode) {
    let paths = field::paths(&n);
    let mut checker = Checker::new(&n, mode);
    assert_eq!(checker.findings(&n), check(&n, mode));
    for (i, v) in edits {
        let path = &paths[i.index(paths.len())];
        assert!(field::set(&mut n, path, v.clone()), "{path} is a field");
        checker.edited(&n, path);
        assert_eq!(
            checker.findings(&n),
            check(&n, mode),
            "after {path} := {v:?}"
        );
    }
}

/// The rendered notice without its embedded JSON (the preview does not
/// keep that up to date: nothing reads it there).
fn without_json(html: &str) -> String {
    let start = html
        .find("<script type=\"application/json\"")
        .expect("embedded JSON");
    let end = start + html[start..].find("</script>").expect("end of the JSON");
    format!("{}{}", &html[..start], &html[end..])
}

/// What the preview does with an [`Update`], done to the HTML text: each
/// element with the `data-field` gets the new HTML, as its content or in
/// its place.
fn apply(html: &str, up: &Update, notice: &Notice) -> String {
    let Update::Elements { elements, title } = up else {
        return render_html(notice);
    };
    let mut html = html.to_string();
    for e in elements {
        let attr = format!(" data-field=\"{}\"", escape(&e.field));
        let mut from = 0;
        while let Some(at) = html[from..].find(&attr).map(|i| i + from) {
            let start = html[..at].rfind('<').unwrap();
            let name: String = html[start + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let open_end = at + html[at..].find('>').unwrap() + 1;
            // The matching end tag, counting elements of the same name.
            let (mut depth, mut i) = (1, open_end);
            let close = loop {
                let next = i + html[i..].find('<').unwrap();
                if html[next..].starts_with(&format!("</{name}>")) {
                    depth -= 1;
                    if depth == 0 {
                        break next;
                    }
                } else if html[next..].starts_with(&format!("<{name} "))
                    || html[next..].starts_with(&format!("<{name}>"))
                {
                    depth += 1;
                }
                i = next + 1;
            };
            let end = close + name.len() + 3;
            let new = if e.inner {
                format!("{}{}{}", &html[start..open_end], e.html, &html[close..end])
            } else {
                e.html.clone()
            };
            html.replace_range(start..end, &new);
            from = start + new.len();
        }
    }
    if let Some(t) = title {
        let start = html.find("<title>").unwrap() + 7;
        let end = html.find("</title>").unwrap();
        html.replace_range(start..end, &escape(t));
    }
    html
}

/// Edits `n` field by field; after each edit, the last render brought up
/// to date by `update` is the notice rendered anew.
fn renders_alike(mut n: Notice, edits: Vec<(FieldPath, String)>) -> usize {
    let mut shown = render_html(&n);
    let mut notes: Vec<String> = note_order(&n).iter().map(|s| s.to_string()).collect();
    let mut shown_outline = outline(&n);
    let mut partial = 0;
    for (path, v) in edits {
        let path = &path;
        assert!(field::set(&mut n, path, v.clone()), "{path} is a field");
        let now: Vec<String> = note_order(&n).iter().map(|s| s.to_string()).collect();
        let up = if now == notes {
            let refs: Vec<&str> = notes.iter().map(String::as_str).collect();
            update(&n, path, &refs, &shown_outline)
        } else {
            Update::Whole
        };
        if up == Update::Whole {
            shown_outline = outline(&n);
        }
        partial += usize::from(up != Update::Whole);
        shown = apply(&shown, &up, &n);
        notes = now;
        assert_eq!(
            without_json(&shown),
            without_json(&render_html(&n)),
            "after {path} := {v:?} ({up:?})"
        );
    }
    partial
}

/// Random edits as (path, value), on the fields `n` has.
fn on_paths(n: &Notice, edits: Vec<(prop::sample::Index, String)>) -> Vec<(FieldPath, String)> {
    let paths = field::paths(n);
    edits
        .into_iter()
        .map(|(i, v)| (paths[i.index(paths.len())].clone(), v))
        .collect()
}

/// Every field of the sample typed into, emptied and restored renders as a
/// whole render does; and mostly by partial updates, not whole renders
/// (else `update` would be correct but useless).
#[test]
fn most_edits_of_the_sample_update_part_of_it() {
    let n = sample();
    let paths = field::paths(&n);
    // Each field: typed into, emptied, restored. Of the 89 figures and 28
    // documents, every fifth field (each of their field names comes up).
    let edits: Vec<_> = paths
        .iter()
        .enumerate()
        .filter(|(i, p)| !matches!(p.scope(), Scope::Fig | Scope::Ref) || i % 5 == 0)
        .flat_map(|(_, p)| {
            let was = field::get(&n, p).unwrap().to_string();
            [format!("{was}1"), String::new(), was].map(|v| (p.clone(), v))
        })
        .collect();
    let partial = renders_alike(n, edits.clone());
    assert!(
        partial * 10 >= edits.len() * 9,
        "{partial} of {}",
        edits.len()
    );
}

#[test]
fn paths_name_every_field_once() {
    let n = sample();
    let paths = field::paths(&n);
    let unique: std::collections::HashSet<_> = paths.iter().collect();
    assert_eq!(unique.len(), paths.len());
    for p in &paths {
        assert!(field::get(&n, p).is_some(), "{p}");
    }
    // 10 header, 5 opening, 6 per reference, 4 per figure, 4 signature.
    let fixed = 10 + 5 + 6 * n.references.len() + 4 * n.figures.len() + 4;
    assert!(paths.len() > fixed + n.recipients.len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn checker_agrees_with_check_on_the_sample(
        edits in prop::collection::vec((any::<prop::sample::Index>(), value()), 1..12),
        fin in 0u8..3,
    ) {
        agrees(sample(), edits, [Mode::Draft, Mode::Final, Mode::Issued][fin as usize % 3]);
    }

    #[test]
    fn update_renders_the_sample_as_a_whole_render(
        edits in prop::collection::vec((any::<prop::sample::Index>(), value()), 1..12),
    ) {
        let n = sample();
        let edits = on_paths(&n, edits);
        renders_alike(n, edits);
    }

    #[test]
    fn update_renders_generated_notices_as_a_whole_render(
        n in support::notice(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), value()), 1..8),
    ) {
        let edits = on_paths(&n, edits);
        renders_alike(n, edits);
    }

    #[test]
    fn checker_agrees_with_check_on_generated_notices(
        n in support::notice(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), value()), 1..8),
    ) {
        agrees(n, edits, Mode::Draft);
    }
}
