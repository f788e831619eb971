//! The lexer under recognition: plain text → words, numbers (Vietnamese
//! formats: `72.032`, `72 032`, `98,9`; `n/N` and `d/m/y` as one token; a
//! number with a document symbol after its slash as one token) and
//! punctuation, each with its byte range.

use std::borrow::Cow;

/// One token of plain text.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum TokKind<'a> {
    /// Letters (and digits after a letter: `QH14`), lower-cased (borrowed
    /// when already lower case, as most words are).
    Word(Cow<'a, str>),
    Num(Num),
    /// `a/b` or `a/b/c`, every part a plain number with no space around
    /// the slashes.
    Slashed(Vec<Num>),
    /// A number with a document symbol after its slash
    /// (`548/UBND-LĐTBXH`, `121/2020/QH14`): the number's text and the
    /// symbol's.
    Symbol {
        number: String,
        symbol: String,
    },
    /// A number list such as `1,2,3,4`: no value.
    List,
    Punct(char),
}

/// A number as typed.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Num {
    /// The integer part (None when beyond u64).
    pub int: Option<u64>,
    /// Digits after the decimal comma, if any.
    pub frac: Option<String>,
    /// Number of digits typed before any separator (a `02` keeps 2).
    pub lead_digits: usize,
    /// Whether thousands were grouped (`72.032`, `72 032`).
    pub grouped: bool,
}

impl Num {
    pub fn whole(&self) -> Option<u64> {
        if self.frac.is_some() {
            None
        } else {
            self.int
        }
    }
}

impl TokKind<'_> {
    pub fn word(&self) -> Option<&str> {
        match self {
            TokKind::Word(w) => Some(w.as_ref()),
            _ => None,
        }
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// Exactly `n` ASCII digits at the start of `s`, then no digit.
fn digits_exactly(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    b.len() >= n
        && b[..n].iter().all(u8::is_ascii_digit)
        && b.get(n).is_none_or(|c| !c.is_ascii_digit())
}

fn leading_digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Reads one number at `s` (starting with a digit); returns it and its
/// length in bytes.
fn number(s: &str) -> (Num, usize) {
    let lead = leading_digits(s);
    let mut digits = String::from(&s[..lead]);
    let mut i = lead;
    let mut grouped = false;
    loop {
        let rest = &s[i..];
        if rest.starts_with('.') && digits_exactly(&rest[1..], 3) {
            digits.push_str(&rest[1..4]);
            i += 4;
            grouped = true;
            continue;
        }
        // `72 032`: only a first group of 1–3 digits, and not before a
        // slash (a date or a fraction follows its own rules).
        let c = rest.chars().next();
        if let Some(c) = c.filter(|c| is_group_space(*c)) {
            let after = &rest[c.len_utf8()..];
            let first_ok = digits.len() <= 3 || grouped;
            if first_ok
                && lead <= 3
                && digits_exactly(after, 3)
                && !after[3..].starts_with(['/', ',', '.'])
            {
                digits.push_str(&after[..3]);
                i += c.len_utf8() + 3;
                grouped = true;
                continue;
            }
        }
        break;
    }
    let mut frac = None;
    let rest = &s[i..];
    if let Some(after) = rest.strip_prefix(',') {
        let n = leading_digits(after);
        if n > 0 {
            frac = Some(after[..n].to_string());
            i += 1 + n;
        }
    } else if !grouped && rest.starts_with('.') {
        // `98.9%`: a decimal dot only right before a percent sign.
        let n = leading_digits(&rest[1..]);
        let after = rest[1 + n..].trim_start();
        if (1..=2).contains(&n) && after.starts_with('%') {
            frac = Some(rest[1..1 + n].to_string());
            i += 1 + n;
        }
    }
    let int = if digits.len() > 19 {
        None
    } else {
        digits.parse::<u64>().ok()
    };
    (
        Num {
            int,
            frac,
            lead_digits: lead,
            grouped,
        },
        i,
    )
}

/// Where a document symbol after a slash ends: at a space, a bracket, a
/// comma or semicolon, a quote; a final dot or colon is the sentence's.
fn symbol_end(s: &str) -> usize {
    let end = s
        .char_indices()
        .find(|&(_, c)| is_space(c) || matches!(c, ',' | ';' | '(' | ')' | '“' | '”' | '"' | '…'))
        .map_or(s.len(), |(i, _)| i);
    s[..end].trim_end_matches(['.', ':']).len()
}

/// Splits plain text into tokens.
pub(super) fn lex(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphabetic() {
            let len = rest
                .char_indices()
                .find(|&(_, c)| !(c.is_alphanumeric() || is_mark(c)))
                .map_or(rest.len(), |(j, _)| j);
            out.push(Tok {
                start: i,
                end: i + len,
                kind: TokKind::Word(lower(&rest[..len])),
            });
            i += len;
            continue;
        }
        if c.is_ascii_digit() {
            let (first, len) = number(rest);
            let mut end = i + len;
            // `1,2,3,4`: a list, not a decimal.
            if first.frac.is_some()
                && text[end..].starts_with(',')
                && leading_digits(&text[end + 1..]) > 0
            {
                while text[end..].starts_with(',') && leading_digits(&text[end + 1..]) > 0 {
                    end += 1 + leading_digits(&text[end + 1..]);
                }
                out.push(Tok {
                    start: i,
                    end,
                    kind: TokKind::List,
                });
                i = end;
                continue;
            }
            let mut parts = vec![first];
            while text[end..].starts_with('/') && first_is_plain(&parts) {
                let after = &text[end + 1..];
                let n = leading_digits(after);
                let symbolic = after
                    .chars()
                    .take(symbol_end(after))
                    .any(char::is_alphabetic);
                if symbolic {
                    let len = symbol_end(after);
                    let number = text[i..end].to_string();
                    let symbol = after[..len].to_string();
                    end += 1 + len;
                    parts.clear();
                    out.push(Tok {
                        start: i,
                        end,
                        kind: TokKind::Symbol { number, symbol },
                    });
                    break;
                }
                if n == 0 {
                    break;
                }
                let (next, len) = number(after);
                end += 1 + len;
                parts.push(next);
            }
            if !parts.is_empty() {
                let kind = if parts.len() == 1 {
                    TokKind::Num(parts.pop().expect("one part"))
                } else {
                    TokKind::Slashed(parts)
                };
                out.push(Tok {
                    start: i,
                    end,
                    kind,
                });
            }
            i = end;
            continue;
        }
        out.push(Tok {
            start: i,
            end: i + c.len_utf8(),
            kind: TokKind::Punct(c),
        });
        i += c.len_utf8();
    }
    out
}

fn lower(w: &str) -> Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

fn first_is_plain(parts: &[Num]) -> bool {
    parts.iter().all(|p| p.frac.is_none())
}

/// A combining mark (text is NFC, but typed text may not be).
fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        lex(s)
            .into_iter()
            .map(|t| match t.kind {
                TokKind::Word(w) => format!("w:{w}"),
                TokKind::Num(n) => format!("n:{:?}:{:?}", n.int, n.frac),
                TokKind::Slashed(p) => format!(
                    "s:{}",
                    p.iter()
                        .map(|n| n.int.unwrap_or(0).to_string())
                        .collect::<Vec<_>>()
                        .join("/")
                ),
                TokKind::Symbol { number, symbol } => format!("sym:{number}/{symbol}"),
                TokKind::List => "list".into(),
                TokKind::Punct(c) => format!("p:{c}"),
            })
            .collect()
    }

    #[test]
    fn numbers() {
        assert_eq!(kinds("72.032 hộ"), ["n:Some(72032):None", "w:hộ"]);
        assert_eq!(kinds("72 032 hộ"), ["n:Some(72032):None", "w:hộ"]);
        assert_eq!(kinds("98,9%"), ["n:Some(98):Some(\"9\")", "p:%"]);
        assert_eq!(kinds("1,2,3,4 hoàn"), ["list", "w:hoàn"]);
        assert_eq!(kinds("56/58 trường"), ["s:56/58", "w:trường"]);
        assert_eq!(kinds("17/7/2024."), ["s:17/7/2024", "p:."]);
        assert_eq!(
            kinds("548/UBND-LĐTBXH ngày"),
            ["sym:548/UBND-LĐTBXH", "w:ngày"]
        );
        assert_eq!(kinds("121/2020/QH14."), ["sym:121/2020/QH14", "p:."]);
        assert_eq!(
            kinds("năm 2024 200 hộ"),
            ["w:năm", "n:Some(2024):None", "n:Some(200):None", "w:hộ"]
        );
        assert_eq!(kinds("12.000.000đ"), ["n:Some(12000000):None", "w:đ"]);
    }
}
