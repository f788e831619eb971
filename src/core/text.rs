//! Rich text: plain prose with tokens the renderer fills in.
//!
//! | token | meaning |
//! |---|---|
//! | `{fig:ID}` | the figure `ID`, formatted (`72.032 hộ`) |
//! | `{ref:ID}` | the citation of the referenced document `ID` |
//! | `{fn:ID}` | the marker of footnote `ID` (numbered by first appearance) |
//! | `{i}` … `{/i}` | italics |
//! | `{plan}`, `{schedule}`, `{inspection_date}`, `{inspected_body}` | the opening's data |
//! | `{{`, `}}` | a literal brace |
//!
//! Parsing never fails: an unknown or unclosed token becomes
//! [`Inline::Unknown`], which the renderer prints as typed and the checks
//! report.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(&'a str),
    /// A literal `{` or `}` written doubled.
    Brace(char),
    Figure(&'a str),
    Ref(&'a str),
    Note(&'a str),
    ItalicOn,
    ItalicOff,
    Var(Var),
    Unknown(&'a str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Var {
    Plan,
    Schedule,
    InspectionDate,
    InspectedBody,
}

/// Rich text without its tokens, its spaces collapsed: for headings, the
/// title bar and labels.
pub fn plain(text: &str) -> String {
    let mut out = String::new();
    for piece in parse(text) {
        match piece {
            Inline::Text(t) => out.push_str(t),
            Inline::Brace(c) => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits rich text into its pieces, in order.
pub fn parse(text: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(pos) = find_brace(rest) else {
            out.push(Inline::Text(rest));
            break;
        };
        if pos > 0 {
            out.push(Inline::Text(&rest[..pos]));
        }
        rest = &rest[pos..];
        if let Some(tail) = rest.strip_prefix("{{") {
            out.push(Inline::Brace('{'));
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix("}}") {
            out.push(Inline::Brace('}'));
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix('}') {
            out.push(Inline::Unknown("}"));
            rest = tail;
        } else {
            // `{` starts a token that ends at the next `}`; another `{` first
            // means this one was never closed.
            let body_end = find_brace(&rest[1..]).map(|i| i + 1);
            match body_end {
                Some(end) if rest.as_bytes()[end] == b'}' => {
                    out.push(token(&rest[1..end], &rest[..=end]));
                    rest = &rest[end + 1..];
                }
                _ => {
                    out.push(Inline::Unknown("{"));
                    rest = &rest[1..];
                }
            }
        }
    }
    out
}

/// The figures and footnotes `text` cites (`{fig:ID}`, `{fn:ID}`), in
/// order.
pub fn citations(text: &str) -> Vec<Inline<'_>> {
    if !text.contains('{') {
        return Vec::new();
    }
    parse(text)
        .into_iter()
        .filter(|p| matches!(p, Inline::Figure(_) | Inline::Note(_)))
        .collect()
}

/// The byte offset of the first `{` or `}`. Braces are ASCII, so a byte
/// scan finds them without decoding characters (this runs over every text
/// on every keystroke).
fn find_brace(s: &str) -> Option<usize> {
    s.bytes().position(|b| b == b'{' || b == b'}')
}

fn token<'a>(body: &'a str, whole: &'a str) -> Inline<'a> {
    let id_ok = |id: &str| !id.is_empty() && !id.contains(char::is_whitespace);
    if let Some(id) = body.strip_prefix("fig:").filter(|id| id_ok(id)) {
        return Inline::Figure(id);
    }
    if let Some(id) = body.strip_prefix("ref:").filter(|id| id_ok(id)) {
        return Inline::Ref(id);
    }
    if let Some(id) = body.strip_prefix("fn:").filter(|id| id_ok(id)) {
        return Inline::Note(id);
    }
    match body {
        "i" => Inline::ItalicOn,
        "/i" => Inline::ItalicOff,
        "plan" => Inline::Var(Var::Plan),
        "schedule" => Inline::Var(Var::Schedule),
        "inspection_date" => Inline::Var(Var::InspectionDate),
        "inspected_body" => Inline::Var(Var::InspectedBody),
        _ => Inline::Unknown(whole),
    }
}

/// Escapes braces so that `text` reads back as itself.
pub fn escape(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tokens() {
        let cases: &[(&str, Vec<Inline>)] = &[
            ("", vec![]),
            ("a", vec![Inline::Text("a")]),
            (
                "có {fig:x.y} hộ{fn:n1}.",
                vec![
                    Inline::Text("có "),
                    Inline::Figure("x.y"),
                    Inline::Text(" hộ"),
                    Inline::Note("n1"),
                    Inline::Text("."),
                ],
            ),
            (
                "{i}a{/i}",
                vec![Inline::ItalicOn, Inline::Text("a"), Inline::ItalicOff],
            ),
            ("{plan}", vec![Inline::Var(Var::Plan)]),
            (
                "{{x}}",
                vec![Inline::Brace('{'), Inline::Text("x"), Inline::Brace('}')],
            ),
            ("{nope}", vec![Inline::Unknown("{nope}")]),
            ("{fig:}", vec![Inline::Unknown("{fig:}")]),
            ("{fig:a b}", vec![Inline::Unknown("{fig:a b}")]),
            (
                "a{b",
                vec![Inline::Text("a"), Inline::Unknown("{"), Inline::Text("b")],
            ),
            (
                "{a{fig:x}",
                vec![Inline::Unknown("{"), Inline::Text("a"), Inline::Figure("x")],
            ),
            ("}", vec![Inline::Unknown("}")]),
        ];
        for (text, want) in cases {
            assert_eq!(&parse(text), want, "{text:?}");
        }
    }

    fn flatten(parts: &[Inline]) -> String {
        parts
            .iter()
            .map(|p| match p {
                Inline::Text(t) | Inline::Unknown(t) => t.to_string(),
                Inline::Brace(c) => c.to_string(),
                _ => String::from("\u{1}"),
            })
            .collect()
    }

    proptest! {
        #[test]
        fn escaped_text_reads_back_as_itself(s in "\\PC*") {
            let esc = escape(&s);
            let parts = parse(&esc);
            prop_assert!(parts.iter().all(|p| matches!(p, Inline::Text(_) | Inline::Brace(_))));
            prop_assert_eq!(flatten(&parts), s);
        }

        #[test]
        fn parse_never_panics_and_keeps_all_text(s in "[{}a-z:/ ]{0,40}") {
            let parts = parse(&s);
            let plain: String = parts.iter().map(|p| match p {
                Inline::Text(t) | Inline::Unknown(t) => t.len(),
                Inline::Brace(_) => 2,
                Inline::Figure(id) => id.len() + 6,
                Inline::Ref(id) => id.len() + 6,
                Inline::Note(id) => id.len() + 5,
                Inline::ItalicOn => 3,
                Inline::ItalicOff => 4,
                Inline::Var(Var::Plan) => 6,
                Inline::Var(Var::Schedule) => 10,
                Inline::Var(Var::InspectionDate) => 17,
                Inline::Var(Var::InspectedBody) => 16,
            }).map(|n| "x".repeat(n)).collect();
            prop_assert_eq!(plain.len(), s.len());
        }
    }
}
