//! Messy text made regular, line by line, before the structure is read:
//! Windows and old Mac line ends, a byte-order mark, decomposed Vietnamese
//! (NFD, through [`crate::core::nfc`]), non-breaking, thin and zero-width
//! spaces, soft hyphens and control characters, runs of spaces, Markdown
//! bold (`**…**`), and the bullets Word and other editors put at a line's
//! start (`•`, `–`, `—`, `−`, `*`, a dash glued to the word) as the notice's
//! `- `.
//!
//! What the notice itself uses is kept: Word's curly quotes “…” (the
//! reference writes them) and the en dash inside prose (`Lao động –
//! Thương binh`); straight double quotes become curly ones. Tabs are kept
//! (a tab separates the cells of a header or signature table saved as
//! text); [`super::text`] reads them. Italics (`*…*`) are read with the
//! prose, where they become `{i}…{/i}`.

use crate::core::nfc::nfc;

/// One line of the input, cleaned, with its number in the file (from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub no: usize,
    pub text: String,
}

/// The cleaned lines of `text`, blank ones included (they separate
/// paragraphs in some copies, and keep the line numbers right).
pub fn lines(text: &str) -> Vec<Line> {
    let text = text.trim_start_matches('\u{feff}');
    let text = nfc(text);
    let mut out = Vec::new();
    let mut rest: &str = &text;
    let mut no = 0;
    loop {
        no += 1;
        let (line, next) = match rest.find(['\n', '\r']) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], Some(&rest[i + skip..]))
            }
            None => (rest, None),
        };
        out.push(Line {
            no,
            text: line_text(line),
        });
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    out
}

/// One line, cleaned (see the module documentation).
pub fn line_text(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '\t' => s.push('\t'),
            '\u{a0}'
            | '\u{2007}'
            | '\u{202f}'
            | '\u{2009}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{2000}'..='\u{2006}'
            | '\u{3000}' => s.push(' '),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            '\u{2028}' | '\u{2029}' => s.push(' '),
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    let s = s.replace("**", "").replace("__", "");
    // Runs of spaces collapse; tabs stay (cells), spaces around them go.
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' {
            space = true;
            continue;
        }
        if space && c != '\t' && !out.is_empty() && !out.ends_with('\t') {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let out = out.trim_matches([' ', '\t']).to_string();
    curly_quotes(&bullet(out))
}

/// A bullet written otherwise at the start of a line, as `- `.
fn bullet(line: String) -> String {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return line;
    };
    let rest = chars.as_str();
    let glued = |rest: &str| rest.chars().next().is_some_and(char::is_alphabetic);
    match first {
        '•' | '–' | '—' | '−' | '‐' | '‒' | '·' | '▪' | '◦' | '●' | '■' | '*' | '-' | '+'
            if rest.starts_with([' ', '\t']) || (first != '*' && glued(rest)) =>
        {
            let mark = if first == '+' { '+' } else { '-' };
            format!("{mark} {}", rest.trim_start_matches([' ', '\t']))
        }
        _ => line,
    }
}

/// Straight double quotes as the notice writes them: “…”.
fn curly_quotes(line: &str) -> String {
    if !line.contains('"') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 4);
    let mut prev: Option<char> = None;
    for c in line.chars() {
        if c == '"' {
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([{-–:".contains(p));
            out.push(if opening { '“' } else { '”' });
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messy_lines() {
        let cases = [
            ("a\u{a0}\u{a0}b", "a b"),
            ("  a   b  ", "a b"),
            ("**KT. GIÁM ĐỐC**", "KT. GIÁM ĐỐC"),
            ("• Một", "- Một"),
            ("– Một", "- Một"),
            ("-Một", "- Một"),
            ("-\tMột", "- Một"),
            ("+ Hai", "+ Hai"),
            ("* Ba", "- Ba"),
            ("-5 độ", "-5 độ"),
            ("Số:\t\t97/TB", "Số:\t\t97/TB"),
            ("mô hình \"Ngôi nhà\"", "mô hình “Ngôi nhà”"),
            ("a\u{200b}b\u{ad}c", "abc"),
        ];
        for (raw, want) in cases {
            assert_eq!(line_text(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn line_ends_and_nfd() {
        let l = lines("\u{feff}a\r\nb\rc\n\nThe\u{302}\u{301}");
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c", "", "Thế"]);
        assert_eq!(l[4].no, 5);
    }
}
