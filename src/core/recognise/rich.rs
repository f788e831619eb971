//! Rich text as recognition sees it: the plain text between tokens, a
//! `{fig:ID}` token replaced by its figure's formatted value (`66 trẻ`),
//! every other token by an opaque mark that separates words; and the way
//! back from a plain offset to the rich text's.

use crate::core::text::{parse, Inline};

/// What stands in for a token that is not a figure (a citation, the
/// opening's data): no digit, no letter, no sentence end.
const OPAQUE: char = '\u{FFFC}';

/// Rich text flattened for recognition.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plain {
    pub text: String,
    /// Each piece of `text`: its range there, its range in the rich text,
    /// and the figure id it stands for.
    pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq)]
struct Piece {
    plain: (usize, usize),
    rich: (usize, usize),
    figure: Option<String>,
}

impl Plain {
    /// Flattens `rich`; `figure(id)` is the figure's formatted value, None
    /// when there is no such figure.
    pub fn new(rich: &str, figure: &dyn Fn(&str) -> Option<String>) -> Plain {
        let mut out = Plain::default();
        let mut at = 0;
        for piece in parse(rich) {
            let len = match &piece {
                Inline::Text(t) | Inline::Unknown(t) => t.len(),
                Inline::Brace(_) => 2,
                Inline::Figure(id) => id.len() + 6,
                Inline::Ref(id) => id.len() + 6,
                Inline::Note(id) => id.len() + 5,
                Inline::ItalicOn => 3,
                Inline::ItalicOff => 4,
                Inline::Var(_) => rich[at..].find('}').map_or(0, |i| i + 1),
            };
            let start = out.text.len();
            let mut fig = None;
            match &piece {
                Inline::Text(t) | Inline::Unknown(t) => out.text.push_str(t),
                Inline::Brace(c) => out.text.push(*c),
                Inline::Figure(id) => match figure(id) {
                    Some(v) => {
                        out.text.push_str(&v);
                        fig = Some(id.to_string());
                    }
                    None => out.text.push(OPAQUE),
                },
                Inline::Ref(_) | Inline::Var(_) => out.text.push(OPAQUE),
                Inline::Note(_) | Inline::ItalicOn | Inline::ItalicOff => {}
            }
            out.pieces.push(Piece {
                plain: (start, out.text.len()),
                rich: (at, at + len),
                figure: fig,
            });
            at += len;
        }
        out
    }

    fn piece(&self, plain: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.plain.1 <= plain);
        self.pieces.get(i)
    }

    /// The figure whose value holds the plain offset, if any.
    pub fn figure_at(&self, plain: usize) -> Option<&str> {
        self.piece(plain).and_then(|p| p.figure.as_deref())
    }

    /// The rich offset of a plain offset at the start of something: inside
    /// a token's value, the token's start; inside text, the same place.
    pub fn rich_start(&self, plain: usize) -> usize {
        match self.piece(plain) {
            Some(p) if p.figure.is_some() || p.plain.1 - p.plain.0 != p.rich.1 - p.rich.0 => {
                p.rich.0
            }
            Some(p) => p.rich.0 + (plain - p.plain.0),
            None => self.pieces.last().map_or(0, |p| p.rich.1),
        }
    }

    /// The rich offset of a plain offset at the end of something: inside
    /// a token's value, the token's end.
    pub fn rich_end(&self, plain: usize) -> usize {
        if plain == 0 {
            return 0;
        }
        match self.piece(plain - 1) {
            Some(p) if p.figure.is_some() || p.plain.1 - p.plain.0 != p.rich.1 - p.rich.0 => {
                p.rich.1
            }
            Some(p) => p.rich.0 + (plain - p.plain.0),
            None => self.pieces.last().map_or(0, |p| p.rich.1),
        }
    }
}
