//! Rich text as the editor shows it, and typing mapped back.
//!
//! The officer never sees a token: a prose field shows its *display text*,
//! where `{fig:ID}` is the figure as printed (`8.314 hộ`), `{ref:ID}` the
//! citation, `{fn:ID}` the footnote's number in superscript digits (`¹`),
//! `{plan}` and its kind what they stand for, and `{i}`/`{/i}` nothing.
//! [`display`] gives that text with its [`Piece`]s (which part of it is
//! plain text, which a linked token); [`typed`] takes the text the field
//! holds after the officer typed and says what changed in the notice:
//!
//! - a change inside a figure's number edits the **figure** (every sentence
//!   that shows it follows); replacing the whole figure with digits too;
//! - a change that cuts across a token, or inside a citation or a
//!   footnote's number, **unlinks** it: what is left of it becomes text;
//!   deleting a token's whole span removes the token;
//! - everything else edits the plain text around the tokens.
//!
//! The display text after a change is exactly what the field holds (never
//! reformatted under the caret), and the rich text is rebuilt from the
//! pieces (text escaped, tokens as stored), so the mapping needs no offsets
//! into the stored text. All of it is O(length of the text).

use crate::core::edit::Command;
use crate::core::field::{Field, FieldPath};
use crate::core::model::Notice;
use crate::core::nfc::nfc;
use crate::core::render::{citation, date_text, figure_parts, note_order, BLANK};
use crate::core::text::{escape, parse, Inline, Var};
use std::collections::HashMap;

/// What a footnote marker shows when its note is not numbered (it does not
/// exist, or only a footnote cites it).
const UNNUMBERED: &str = "*";
/// What a token shows when what it names does not exist.
const MISSING: &str = "[?]";

/// What every token of a notice shows as; worked out again when figures,
/// citations, the footnotes' order or the opening change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    /// Figure id → (number, what follows it).
    figures: HashMap<String, (String, String)>,
    refs: HashMap<String, String>,
    notes: HashMap<String, usize>,
    /// Plan, schedule, inspection date, inspected body.
    vars: [String; 4],
}

fn or_blank(s: String) -> String {
    if s.trim().is_empty() {
        BLANK.to_string()
    } else {
        s
    }
}

impl Links {
    pub fn of(n: &Notice) -> Links {
        let refs: HashMap<String, String> = n
            .references
            .iter()
            .map(|r| (r.id.clone(), or_blank(citation(r))))
            .collect();
        let reference = |id: &str| refs.get(id).cloned().unwrap_or_else(|| MISSING.into());
        let o = &n.opening;
        let vars = [
            reference(&o.plan),
            reference(&o.schedule),
            or_blank(date_text(&o.inspection_date)),
            or_blank(o.inspected_body.trim().to_string()),
        ];
        Links {
            figures: n
                .figures
                .iter()
                .map(|f| (f.id.clone(), figure_parts(f)))
                .collect(),
            notes: note_order(n)
                .into_iter()
                .enumerate()
                .map(|(i, id)| (id.to_string(), i + 1))
                .collect(),
            refs,
            vars,
        }
    }

    /// The number of footnote `id`, when it is numbered.
    pub fn note(&self, id: &str) -> Option<usize> {
        self.notes.get(id).copied()
    }
}

/// Superscript digits: `12` → `¹²`.
pub fn superscript(n: usize) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| SUP[(b - b'0') as usize])
        .collect()
}

/// What a piece of the display text stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    Figure(String),
    Ref(String),
    Note(String),
    Var(Var),
    /// `{i}` or `{/i}`: shows nothing.
    Mark,
    /// A token that names nothing known (`{nope}`, an unclosed `{`): shown
    /// as stored, for the checks to report.
    Unknown,
}

/// One piece of the display text.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Its byte range in [`Shown::text`].
    pub start: usize,
    pub end: usize,
    /// None: plain text.
    pub link: Option<Link>,
    /// The token as stored (`{fig:x}`); empty for plain text.
    source: String,
    /// A figure's number: its length at the start of the piece.
    number: usize,
}

/// Rich text as shown: the display text and its pieces, in order, covering
/// it without gaps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    pub text: String,
    pub pieces: Vec<Piece>,
}

/// A piece being built: its text, link, source and number length.
struct Part {
    text: String,
    link: Option<Link>,
    source: String,
    number: usize,
}

impl Part {
    fn text(s: &str) -> Part {
        Part {
            text: s.to_string(),
            link: None,
            source: String::new(),
            number: 0,
        }
    }
}

impl Shown {
    fn from_parts(parts: Vec<Part>) -> Shown {
        let mut out = Shown::default();
        for p in parts {
            if p.link.is_none() {
                if p.text.is_empty() {
                    continue;
                }
                if let Some(last) = out.pieces.last_mut().filter(|l| l.link.is_none()) {
                    out.text.push_str(&p.text);
                    last.end = out.text.len();
                    continue;
                }
            }
            let start = out.text.len();
            out.text.push_str(&p.text);
            out.pieces.push(Piece {
                start,
                end: out.text.len(),
                link: p.link,
                source: p.source,
                number: p.number,
            });
        }
        out
    }

    fn part(&self, p: &Piece) -> Part {
        Part {
            text: self.text[p.start..p.end].to_string(),
            link: p.link.clone(),
            source: p.source.clone(),
            number: p.number,
        }
    }

    /// The rich text this shows: plain text escaped, tokens as stored.
    pub fn rich(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        for p in &self.pieces {
            match p.link {
                None => out.push_str(&escape(&self.text[p.start..p.end])),
                Some(_) => out.push_str(&p.source),
            }
        }
        out
    }

    /// The linked pieces that show something (for the highlight).
    pub fn linked(&self) -> impl Iterator<Item = &Piece> {
        self.pieces
            .iter()
            .filter(|p| p.link.is_some() && p.link != Some(Link::Mark) && p.end > p.start)
    }
}

/// The display text of `rich` and its pieces.
pub fn display(rich: &str, links: &Links) -> Shown {
    let mut parts = Vec::new();
    let mut at = 0;
    for piece in parse(rich) {
        // The stored length of this piece (as `rich::Plain` counts it).
        let len = match &piece {
            Inline::Text(t) | Inline::Unknown(t) => t.len(),
            Inline::Brace(_) => 2,
            Inline::Figure(id) | Inline::Ref(id) => id.len() + 6,
            Inline::Note(id) => id.len() + 5,
            Inline::ItalicOn => 3,
            Inline::ItalicOff => 4,
            Inline::Var(_) => rich[at..].find('}').map_or(0, |i| i + 1),
        };
        let source = &rich[at..at + len];
        at += len;
        let token = |text: String, link: Link, number: usize| Part {
            text,
            link: Some(link),
            source: source.to_string(),
            number,
        };
        parts.push(match piece {
            Inline::Text(t) => Part::text(t),
            Inline::Brace(c) => Part::text(&c.to_string()),
            Inline::Unknown(t) => token(t.to_string(), Link::Unknown, 0),
            Inline::Figure(id) => match links.figures.get(id) {
                Some((number, suffix)) => token(
                    format!("{number}{suffix}"),
                    Link::Figure(id.into()),
                    number.len(),
                ),
                None => token(MISSING.into(), Link::Figure(id.into()), 0),
            },
            Inline::Ref(id) => {
                let text = links.refs.get(id).cloned().unwrap_or(MISSING.into());
                token(text, Link::Ref(id.into()), 0)
            }
            Inline::Note(id) => {
                let text = links.note(id).map_or(UNNUMBERED.into(), superscript);
                token(text, Link::Note(id.into()), 0)
            }
            Inline::ItalicOn | Inline::ItalicOff => token(String::new(), Link::Mark, 0),
            Inline::Var(v) => {
                let i = match v {
                    Var::Plan => 0,
                    Var::Schedule => 1,
                    Var::InspectionDate => 2,
                    Var::InspectedBody => 3,
                };
                token(links.vars[i].clone(), Link::Var(v), 0)
            }
        });
    }
    Shown::from_parts(parts)
}

/// What typing into a prose field changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Typed {
    /// What the field shows now (exactly the text it was given).
    pub shown: Shown,
    /// The commands that make the notice say it (none when nothing
    /// changed).
    pub commands: Vec<Command>,
}

/// The common prefix and suffix of `a` and `b` in bytes, on character
/// boundaries, not overlapping.
fn common(a: &str, b: &str) -> (usize, usize) {
    let prefix = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    // `min` may fall inside a character of the longer string: back off.
    let mut prefix = prefix.min(a.len()).min(b.len());
    while !a.is_char_boundary(prefix) || !b.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = a.len().min(b.len()) - prefix;
    let suffix = a[prefix..]
        .chars()
        .rev()
        .zip(b[prefix..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .scan(0, |sum, n| {
            *sum += n;
            Some(*sum)
        })
        .take_while(|s| *s <= room)
        .last()
        .unwrap_or(0);
    (prefix, suffix)
}

/// The field at `path` showed `old` and now holds `new`: what changed.
pub fn typed(path: &FieldPath, old: &Shown, new: &str) -> Typed {
    if old.text == new {
        return Typed {
            shown: old.clone(),
            commands: Vec::new(),
        };
    }
    let (prefix, suffix) = common(&old.text, new);
    let (p, e) = (prefix, old.text.len() - suffix);
    let ins = &new[prefix..new.len() - suffix];
    let (shown, figure) = change(old, p, e, ins);
    debug_assert_eq!(shown.text, new);
    let mut commands = Vec::new();
    if let Some((id, number)) = figure {
        commands.extend(figure_commands(&id, &number));
    }
    let before = old.rich();
    let after = shown.rich();
    if before != after {
        commands.push(Command::Set {
            path: path.clone(),
            value: nfc(&after).into_owned(),
        });
    }
    Typed { shown, commands }
}

/// Figure `id`'s number typed as `number`: its value, and for `n/N` its
/// total too.
fn figure_commands(id: &str, number: &str) -> Vec<Command> {
    let set = |field: Field, value: &str| Command::Set {
        path: field.of(id),
        value: value.trim().to_string(),
    };
    match number.split_once('/') {
        Some((n, total)) if !total.contains('/') => {
            vec![set(Field::FigValue, n), set(Field::FigTotal, total)]
        }
        _ => vec![set(Field::FigValue, number)],
    }
}

/// Whether a non-empty piece is touched by replacing `[p, e)` (for an
/// insertion, `p == e`: strictly inside it).
fn touches(piece: &Piece, p: usize, e: usize) -> bool {
    piece.end > piece.start
        && if p < e {
            piece.start < e && piece.end > p
        } else {
            piece.start < p && piece.end > p
        }
}

/// `[p, e)` of the display text replaced by `ins`: the new pieces, and the
/// figure whose number was edited with its new number.
fn change(old: &Shown, p: usize, e: usize, ins: &str) -> (Shown, Option<(String, String)>) {
    let touched: Vec<usize> = (0..old.pieces.len())
        .filter(|&i| touches(&old.pieces[i], p, e))
        .collect();
    // Inside one figure.
    if let [i] = touched[..] {
        let t = &old.pieces[i];
        if let (Some(Link::Figure(id)), true) = (&t.link, t.start <= p && e <= t.end) {
            let number_end = t.start + t.number;
            let whole = p == t.start && e == t.end;
            let edit = if whole && ins.bytes().any(|b| b.is_ascii_digit()) {
                // The whole figure typed over: its number (the unit stays
                // when it was typed again).
                let suffix = &old.text[number_end..t.end];
                let n = ins
                    .strip_suffix(suffix)
                    .filter(|_| !suffix.is_empty())
                    .unwrap_or(ins);
                Some((n.to_string(), ins.to_string()))
            } else if !whole && t.number > 0 && e <= number_end {
                let n = format!("{}{ins}{}", &old.text[t.start..p], &old.text[e..number_end]);
                let shown = format!("{n}{}", &old.text[number_end..t.end]);
                Some((n, shown))
            } else {
                None
            };
            if let Some((number, text)) = edit {
                let mut parts: Vec<Part> = old.pieces.iter().map(|x| old.part(x)).collect();
                parts[i].number = number.len().min(text.len());
                parts[i].text = text;
                return (Shown::from_parts(parts), Some((id.clone(), number)));
            }
        }
    }
    let mut before = Vec::new();
    let mut marks = Vec::new();
    let mut after = Vec::new();
    let mut middle = String::new();
    if let Some(&first) = touched.first() {
        middle.push_str(&old.text[old.pieces[first].start..p]);
    }
    middle.push_str(ins);
    if let Some(&last) = touched.last() {
        middle.push_str(&old.text[e..old.pieces[last].end]);
    }
    for (i, piece) in old.pieces.iter().enumerate() {
        let empty = piece.start == piece.end;
        if touched.contains(&i) {
            continue;
        } else if empty && piece.start >= p && piece.start <= e {
            marks.push(old.part(piece));
        } else if piece.end <= p && !(empty && piece.start == p) {
            before.push(old.part(piece));
        } else {
            after.push(old.part(piece));
        }
    }
    let mut parts = before;
    parts.push(Part::text(&middle));
    parts.extend(marks);
    parts.extend(after);
    (Shown::from_parts(parts), None)
}

/// Inserts the token `source` (`{fig:x}`) shown as `text` over the
/// selection `[from, to)` of `old`: the new display, and where the caret
/// goes (after the token). A selection that cuts a token unlinks it, as
/// typing would; a caret inside a token inserts after it.
pub fn insert(old: &Shown, from: usize, to: usize, source: &str, links: &Links) -> (Shown, usize) {
    let (from, to) = (from.min(old.text.len()), to.min(old.text.len()));
    let (mut from, to) = (from.min(to), from.max(to));
    while !old.text.is_char_boundary(from) {
        from -= 1;
    }
    let cleared = if from < to {
        change(old, from, to, "").0
    } else {
        old.clone()
    };
    let token = display(source, links);
    let mut at = from;
    let mut parts = Vec::new();
    let mut placed = false;
    for piece in &cleared.pieces {
        if !placed && piece.start < at && at < piece.end {
            if piece.link.is_none() {
                parts.push(Part::text(&cleared.text[piece.start..at]));
                parts.extend(token.pieces.iter().map(|x| token.part(x)));
                parts.push(Part::text(&cleared.text[at..piece.end]));
                placed = true;
                continue;
            }
            // Inside a token: after it.
            at = piece.end;
            parts.push(cleared.part(piece));
            continue;
        }
        if !placed && piece.start >= at {
            parts.extend(token.pieces.iter().map(|x| token.part(x)));
            placed = true;
        }
        parts.push(cleared.part(piece));
    }
    if !placed {
        parts.extend(token.pieces.iter().map(|x| token.part(x)));
    }
    (Shown::from_parts(parts), at + token.text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn links() -> Links {
        let mut l = Links::default();
        for (id, n, s) in [
            ("x", "8.314", " hộ"),
            ("y", "9.969", " hộ"),
            ("p", "98,9", "%"),
            ("fr", "56/58", " trường"),
            ("b", "…", " hộ"),
            ("bare", "120", ""),
        ] {
            l.figures.insert(id.into(), (n.into(), s.into()));
        }
        l.refs
            .insert("r".into(), "Công văn số 548/UBND ngày 21/3/2024".into());
        l.notes.insert("n1".into(), 1);
        l.notes.insert("n12".into(), 12);
        l.vars = [
            "Kế hoạch số 221/KH-UBND".into(),
            "…".into(),
            "17/7/2024".into(),
            "UBND huyện Chi Lăng".into(),
        ];
        l
    }

    fn path() -> FieldPath {
        Field::BlockText.of("b1")
    }

    /// What typing `new` into the field showing `rich` does: the field's
    /// new rich text (None: unchanged) and the figures set.
    fn run(rich: &str, new: &str) -> (Option<String>, Vec<(String, String)>) {
        let old = display(rich, &links());
        let t = typed(&path(), &old, new);
        assert_eq!(t.shown.text, new, "{rich:?} → {new:?}");
        let mut text = None;
        let mut figs = Vec::new();
        for c in t.commands {
            match c {
                Command::Set { path: p, value } if p == path() => text = Some(value),
                Command::Set { path: p, value } => figs.push((p.to_string(), value)),
                c => panic!("{c:?}"),
            }
        }
        (text, figs)
    }

    #[test]
    fn shows_no_token() {
        let cases = [
            ("có {fig:x} được công nhận", "có 8.314 hộ được công nhận"),
            ("địa phương{fn:n1}.", "địa phương¹."),
            ("xem{fn:n12}", "xem¹²"),
            ("theo {ref:r}", "theo Công văn số 548/UBND ngày 21/3/2024"),
            ("{i}nghiêng{/i} thường", "nghiêng thường"),
            (
                "Thực hiện {plan}, ngày {inspection_date}",
                "Thực hiện Kế hoạch số 221/KH-UBND, ngày 17/7/2024",
            ),
            ("{{a}}", "{a}"),
            ("{fig:gone} {fn:gone}", "[?] *"),
            ("tỷ lệ {fig:p}", "tỷ lệ 98,9%"),
        ];
        for (rich, shown) in cases {
            let s = display(rich, &links());
            assert_eq!(s.text, shown, "{rich:?}");
            assert_eq!(s.rich(), rich, "{rich:?} rebuilds");
        }
    }

    #[test]
    fn typing_maps_back() {
        let none: Vec<(String, String)> = Vec::new();
        let fig = |id: &str, v: &str| vec![(format!("fig/{id}/value"), v.to_string())];
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, Vec<(String, String)>);
        let cases: Vec<Case> = vec![
            // plain text before, after and between tokens
            (
                "có {fig:x} hộ",
                "Có 8.314 hộ hộ",
                Some("Có {fig:x} hộ"),
                none.clone(),
            ),
            (
                "có {fig:x}.",
                "có 8.314 hộ, rồi.",
                Some("có {fig:x}, rồi."),
                none.clone(),
            ),
            (
                "có {fig:x}",
                "có  8.314 hộ",
                Some("có  {fig:x}"),
                none.clone(),
            ),
            // insertion right after a figure with no unit: text, not the figure
            ("{fig:bare}", "1205", Some("{fig:bare}5"), none.clone()),
            ("{fig:bare}", "0120", Some("0{fig:bare}"), none.clone()),
            // inside the number: the figure
            ("có {fig:x} hộ", "có 8.3145 hộ hộ", None, fig("x", "8.3145")),
            ("có {fig:x}", "có 9.999 hộ", None, fig("x", "9.999")),
            ("có {fig:x}", "có 9 hộ", None, fig("x", "9")),
            ("có {fig:x}", "có 8.31 hộ", None, fig("x", "8.31")),
            // the whole figure typed over with digits: the figure
            ("có {fig:x}.", "có 9.999 hộ.", None, fig("x", "9.999")),
            ("có {fig:x}.", "có 7.", None, fig("x", "7")),
            // a blank figure filled in
            ("có {fig:b}", "có 12 hộ", None, fig("b", "12")),
            // n/N and a percentage
            (
                "{fig:fr}",
                "57/58 trường",
                None,
                vec![
                    ("fig/fr/value".into(), "57".into()),
                    ("fig/fr/total".into(), "58".into()),
                ],
            ),
            ("{fig:p}", "98,8%", None, fig("p", "98,8")),
            // deleting a token's whole span removes it
            ("có {fig:x} nhé", "có  nhé", Some("có  nhé"), none.clone()),
            ("phương{fn:n1}.", "phương.", Some("phương."), none.clone()),
            ("theo {ref:r}.", "theo .", Some("theo ."), none.clone()),
            // the whole figure typed over with words: plain text
            ("có {fig:x}.", "có nhiều.", Some("có nhiều."), none.clone()),
            // a change across a token unlinks it
            (
                "có {fig:x} nhé",
                "có 8.3 nhé",
                Some("có 8.3 nhé"),
                none.clone(),
            ),
            (
                "có {fig:x} nhé",
                "cX hộ nhé",
                Some("cX hộ nhé"),
                none.clone(),
            ),
            // the unit edited: unlinked
            (
                "có {fig:x}",
                "có 8.314 hô",
                Some("có 8.314 hô"),
                none.clone(),
            ),
            // typing right after the unit: text after the figure
            (
                "có {fig:x}",
                "có 8.314 hội",
                Some("có {fig:x}i"),
                none.clone(),
            ),
            // inside a citation: unlinked, as typed
            (
                "theo {ref:r}",
                "theo Công văn số 548/UBND ngày 22/3/2024",
                Some("theo Công văn số 548/UBND ngày 22/3/2024"),
                none.clone(),
            ),
            // a two-digit marker partly deleted: unlinked
            ("xem{fn:n12}", "xem¹", Some("xem¹"), none.clone()),
            // paste over a token, with text around
            (
                "a {fig:x} b",
                "a dán vào b",
                Some("a dán vào b"),
                none.clone(),
            ),
            // braces typed are literal
            ("a", "a{fig:x}", Some("a{{fig:x}}"), none.clone()),
            // italics: typing at the end of an italic run stays italic
            ("{i}ab{/i} c", "abX c", Some("{i}abX{/i} c"), none.clone()),
            ("x {i}ab{/i}", "x Yab", Some("x Y{i}ab{/i}"), none.clone()),
            // Vietnamese, composed and decomposed, around a figure
            (
                "có {fig:x}",
                "có 8.314 hộ gia đình",
                Some("có {fig:x} gia đình"),
                none.clone(),
            ),
            (
                "có {fig:x}",
                "có 8.314 hộ được",
                Some("có {fig:x} được"),
                none.clone(),
            ),
            (
                "{fig:x} hộ",
                "Tổng 8.314 hộ hộ",
                Some("Tổng {fig:x} hộ"),
                none.clone(),
            ),
            (
                "đạt {fig:p} ở xã",
                "đạt 98,9% ở thị xã",
                Some("đạt {fig:p} ở thị xã"),
                none.clone(),
            ),
            // multi-byte: a change of one tone mark next to a token
            ("hộ{fn:n1} ở", "hồ¹ ở", Some("hồ{fn:n1} ở"), none.clone()),
            ("¹{fn:n1}", "¹²¹", Some("¹²{fn:n1}"), none.clone()),
        ];
        for (rich, new, text, figs) in cases {
            let (t, f) = run(rich, new);
            assert_eq!(t.as_deref(), text, "{rich:?} → {new:?}");
            assert_eq!(f, figs, "{rich:?} → {new:?}");
        }
    }

    #[test]
    fn decomposed_typing_is_stored_composed() {
        // "hộ" typed with a decomposed setting (o + circumflex + dot below).
        let (t, _) = run("có {fig:x}", "có 8.314 hộ ho\u{323}\u{302}");
        assert_eq!(t.as_deref(), Some("có {fig:x} hộ"));
    }

    #[test]
    fn typing_a_sequence_keeps_the_figure() {
        // Select "8.314" and type 9.999 key by key, as the e2e test does.
        let mut shown = display("có {fig:x} nhé", &links());
        let mut last = Vec::new();
        for typed_so_far in [
            "có 9 hộ nhé",
            "có 9. hộ nhé",
            "có 9.9 hộ nhé",
            "có 9.99 hộ nhé",
            "có 9.999 hộ nhé",
        ] {
            let t = typed(&path(), &shown, typed_so_far);
            shown = t.shown;
            last = t.commands;
        }
        assert_eq!(
            last,
            vec![Command::Set {
                path: Field::FigValue.of("x"),
                value: "9.999".into()
            }]
        );
        assert_eq!(shown.rich(), "có {fig:x} nhé");
    }

    #[test]
    fn inserting_a_token() {
        let l = links();
        let old = display("có  hộ", &l);
        let (s, caret) = insert(&old, 4, 4, "{fig:bare}", &l);
        assert_eq!(s.text, "có 120 hộ");
        assert_eq!(s.rich(), "có {fig:bare} hộ");
        assert_eq!(caret, 7);
        // over a selection, and inside a token: after it
        let old = display("a {fig:x} b", &l);
        let (s, _) = insert(&old, 0, 1, "{fn:n1}", &l);
        assert_eq!(s.rich(), "{fn:n1} {fig:x} b");
        let (s, caret) = insert(&old, 4, 4, "{fn:n1}", &l);
        assert_eq!(s.rich(), "a {fig:x}{fn:n1} b");
        assert_eq!(&s.text[..caret], "a 8.314 hộ¹");
        let (s, _) = insert(&old, old.text.len(), old.text.len(), "{ref:r}", &l);
        assert_eq!(s.rich(), "a {fig:x} b{ref:r}");
    }

    #[test]
    fn superscripts() {
        assert_eq!(superscript(1), "¹");
        assert_eq!(superscript(10), "¹⁰");
    }

    proptest! {
        /// Any edit of the display text of any rich text: the display
        /// after it is the text typed, the rich text reads back as it, and
        /// nothing panics.
        #[test]
        fn any_edit_reads_back(
            rich in r"(có |\{fig:x\}|\{fig:p\}|\{fn:n1\}|\{ref:r\}|\{i\}|\{/i\}|ộ|\{\{|\}\}| |8){0,8}",
            cut in 0usize..40, len in 0usize..8, ins in r"[8a ộ¹\{]{0,3}",
        ) {
            let l = links();
            let old = display(&rich, &l);
            prop_assert_eq!(&old.rich(), &rich);
            let chars: Vec<(usize, char)> = old.text.char_indices().collect();
            let at = |i: usize| chars.get(i).map_or(old.text.len(), |c| c.0);
            let (a, b) = (at(cut.min(chars.len())), at((cut + len).min(chars.len())));
            let new = format!("{}{}{}", &old.text[..a], ins, &old.text[b..]);
            let t = typed(&path(), &old, &new);
            prop_assert_eq!(&t.shown.text, &new);
            let again = display(&t.shown.rich(), &l);
            // Without a figure edit, the rich text shows exactly what was typed.
            if t.commands.iter().all(|c| matches!(c, Command::Set { path: p, .. } if *p == path())) {
                prop_assert_eq!(again.text, new);
            }
        }
    }
}
