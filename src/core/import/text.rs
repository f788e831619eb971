//! Lines → the notice's structure: a line-based parser of a notice's text.
//!
//! It reads, in order: the header (parent body and issuing body, the motto,
//! `Số:` with the number and symbol, the place and date — cells of a header
//! table saved as text come tab-separated, or all on one line), the
//! document type (`THÔNG BÁO`) and the subject, the opening (everything
//! before part I), parts `I.`, `II.` …, numbered sections (`1.` or `1)`),
//! `-` and `+` bullets and paragraphs (points `a)` stay paragraphs, as
//! written), the closing (`Trên đây là …./.`), nơi nhận and the signature
//! block (`KT.`/`TL.`/`TUQ.`/`TM.`/`Q.` and the head, the position, the
//! name), and the footnotes.
//!
//! **Footnotes.** Markers in the prose are superscript digits (`¹²`),
//! `[1]`, or plain digits right after punctuation (`địa phương.1`, when
//! they number on from the last marker); they become `{fn:ID}`. A
//! footnote's text is a paragraph that starts with its number (`¹ …`,
//! `¹⁰Kết quả…`, `[1] …`, or `1 …` among the notes). Notes come at the end
//! or where a PDF's page breaks fell, in the middle of the body: a note
//! block ends where the body resumes — a paragraph that starts in
//! lowercase continues the paragraph the page break split (the body's, or
//! the note's when a note ran over the page), a bullet after a note that
//! opened a list (`… Trung ương`, `…:`) or is one stays in the note, as
//! does a numbered line that does not number on from the part's sections.
//! Whatever follows the signature belongs to the last note.
//!
//! Nothing is dropped: a line that fits nowhere stays as a paragraph where
//! it stood, and the report names it.

use super::citations::Citations;
use super::clean::Line;
use super::report::{Plain, Recognised};
use super::Imported;
use crate::core::format::date::parse_date;
use crate::core::model::{
    Block, BlockKind, Footnote, Header, Line as Recipient, Notice, Opening, Part, Section,
    Signature, Status, FORMAT_ID, FORMAT_VERSION,
};
use crate::core::render::date_text;
use crate::core::text::escape;

/// Document types a header names (the line under the header).
const DOC_TYPES: &[&str] = &[
    "THÔNG BÁO",
    "BÁO CÁO",
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "BIÊN BẢN",
    "TỜ TRÌNH",
    "CHƯƠNG TRÌNH",
    "CÔNG VĂN",
    "HƯỚNG DẪN",
    "KẾT LUẬN",
];

const AUTHORITIES: &[&str] = &["KT.", "TL.", "TUQ.", "TM.", "Q."];

/// One paragraph of the input (a non-blank line).
#[derive(Clone, Debug)]
struct Para {
    no: usize,
    text: String,
}

/// Where a body paragraph went, to rejoin the half a page break split off.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Opening,
    Block(usize, usize, usize),
}

/// A section as read: its title (none for paragraphs before the part's
/// first section) and its blocks.
type RawSection = (Option<Para>, Vec<(BlockKind, Para)>);
/// A part as read: its title and its sections.
type RawPart = (Para, Vec<RawSection>);

struct RawNote {
    n: usize,
    no: usize,
    paras: Vec<Para>,
}

#[derive(Default)]
struct Parser {
    report: Recognised,
    header: Header,
    agencies: Vec<String>,
    opening: Vec<Para>,
    parts: Vec<RawPart>,
    notes: Vec<RawNote>,
    closing: Option<Para>,
    recipients: Vec<Para>,
    signature: Signature,
    /// The note block being read, if any (an index into `notes`).
    in_note: Option<usize>,
    /// The last body paragraph, and whether the paragraph before the
    /// current one was the body's (not a note's).
    last_body: Option<Target>,
    prev_was_body: bool,
    /// The highest footnote marker seen in the body.
    max_marker: usize,
    seen_markers: Vec<usize>,
    /// Where in the notice the parser is.
    stage: Stage,
    /// The signature block: what was read of it.
    sig_position_done: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Stage {
    #[default]
    Body,
    /// After the closing: nơi nhận and the signature.
    Footer,
    /// After the signer's name.
    Tail,
}

/// The notice in `lines` (cleaned by [`super::clean`]).
pub fn parse(lines: &[Line]) -> Imported {
    let paras: Vec<Para> = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .map(|l| Para {
            no: l.no,
            text: l.text.clone(),
        })
        .collect();
    let mut p = Parser::default();
    let body_from = p.header(&paras);
    for para in &paras[body_from..] {
        p.paragraph(para);
    }
    p.finish()
}

// ---------------------------------------------------------------------------
// Small recognisers

fn superscript(c: char) -> Option<usize> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

/// `I.`, `II)`, `III -`, `IV/`: a part's numeral and its title.
fn part_heading(t: &str) -> Option<(usize, &str)> {
    let numeral: String = t.chars().take_while(|c| "IVX".contains(*c)).collect();
    let n = match numeral.as_str() {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        "V" => 5,
        "VI" => 6,
        "VII" => 7,
        "VIII" => 8,
        "IX" => 9,
        "X" => 10,
        _ => return None,
    };
    let rest = &t[numeral.len()..];
    let rest = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))
        .or_else(|| rest.strip_prefix(" - "))
        .or_else(|| rest.strip_prefix(" – "))
        .or_else(|| rest.strip_prefix("/ "))
        .or_else(|| rest.strip_prefix(".\t"))?;
    let title = rest.trim();
    // A title in capitals, as the decree writes parts.
    let letters = title.chars().filter(|c| c.is_alphabetic());
    let lower = letters.clone().filter(|c| c.is_lowercase()).count();
    (!title.is_empty() && lower * 4 <= letters.count()).then_some((n, title))
}

/// `1. …`, `2) …`, `3/ …`: a section's number and its title.
fn section_heading(t: &str) -> Option<(usize, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &t[digits..];
    let rest = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))
        .or_else(|| rest.strip_prefix("/ "))
        .or_else(|| rest.strip_prefix(".\t"))
        .or_else(|| rest.strip_prefix(")\t"))?;
    let title = rest.trim();
    let first = title.chars().next()?;
    (first.is_alphabetic() && first.is_uppercase())
        .then(|| (t[..digits].parse().ok(), title))
        .and_then(|(n, t)| n.map(|n| (n, t)))
}

/// A footnote's text: its number, the text after it. Superscripts and
/// `[n]` anywhere; plain `n ` only where `plain` allows.
fn note_start(t: &str, plain: bool) -> Option<(usize, &str)> {
    let sup: usize = t
        .chars()
        .take_while(|&c| superscript(c).is_some())
        .map(char::len_utf8)
        .sum();
    if sup > 0 {
        let n = t[..sup]
            .chars()
            .fold(0, |n, c| n * 10 + superscript(c).unwrap_or(0));
        let rest = t[sup..].trim_start();
        return (!rest.is_empty()).then_some((n, rest));
    }
    if let Some(r) = t.strip_prefix('[') {
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&d) && r[d..].starts_with(']') {
            let rest = r[d + 1..].trim_start();
            return (!rest.is_empty()).then(|| (r[..d].parse().unwrap_or(0), rest));
        }
    }
    if plain {
        let d = t.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&d) {
            let r = &t[d..];
            let rest = r
                .strip_prefix(". ")
                .or_else(|| r.strip_prefix(") "))
                .or_else(|| r.strip_prefix(' '))
                .or_else(|| r.strip_prefix('\t'))?
                .trim_start();
            if rest
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || "-“\"(".contains(c))
            {
                return Some((t[..d].parse().unwrap_or(0), rest));
            }
        }
    }
    None
}

/// A footnote marker in prose: `(start, end, number)` byte ranges, given
/// the highest number seen so far (plain digits must number on from it).
fn markers(t: &str, mut max: usize) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if superscript(c).is_some() {
            let mut n = 0;
            let mut j = k;
            while j < chars.len() {
                match superscript(chars[j].1) {
                    Some(d) => n = n * 10 + d,
                    None => break,
                }
                j += 1;
            }
            let end = chars.get(j).map_or(t.len(), |c| c.0);
            out.push((i, end, n));
            max = max.max(n);
            k = j;
            continue;
        }
        if c == '[' {
            let r = &t[i + 1..];
            let d = r.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&d) && r[d..].starts_with(']') && i > 0 {
                let n: usize = r[..d].parse().unwrap_or(0);
                out.push((i, i + d + 2, n));
                max = max.max(n);
                k += d + 2;
                continue;
            }
        }
        // Plain digits glued after punctuation that follows a word
        // (`phương.1 `, `huyện,2 `), or after a lowercase letter before
        // punctuation (`huyện2;`), numbering on from the last marker.
        if c.is_ascii_digit() && k >= 2 {
            let prev = chars[k - 1].1;
            let before = chars[k - 2].1;
            let d = chars[k..]
                .iter()
                .take_while(|(_, c)| c.is_ascii_digit())
                .count();
            let after = chars.get(k + d).map(|c| c.1);
            let end = chars.get(k + d).map_or(t.len(), |c| c.0);
            let n: usize = t[i..end].parse().unwrap_or(0);
            let after_punct = ".,;:)”".contains(prev)
                && before.is_alphabetic()
                && after.is_none_or(|a| a.is_whitespace());
            let after_word = prev.is_lowercase()
                && prev.is_alphabetic()
                && after.is_some_and(|a| ".,;:".contains(a))
                && chars.get(k + d + 1).is_none_or(|c| c.1.is_whitespace());
            if d <= 2 && n == max + 1 && (after_punct || after_word) {
                out.push((i, end, n));
                max = n;
                k += d;
                continue;
            }
            k += d;
            continue;
        }
        k += 1;
    }
    out
}

/// Whether a paragraph ends a sentence (or a clause): a page break did
/// not split it.
fn finished(t: &str) -> bool {
    let t = t.trim_end();
    let t = t.trim_end_matches(|c: char| superscript(c).is_some());
    let t = match t.rfind('[') {
        Some(i)
            if t.ends_with(']') && t[i + 1..t.len() - 1].bytes().all(|b| b.is_ascii_digit()) =>
        {
            &t[..i]
        }
        _ => t,
    };
    t.chars()
        .next_back()
        .is_none_or(|c| ".;:!?…)””\"'/".contains(c))
}

fn starts_lowercase(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && c.is_lowercase())
}

fn is_bullet(t: &str) -> bool {
    t.starts_with("- ") || t.starts_with("+ ")
}

fn words(t: &str) -> usize {
    t.split_whitespace().count()
}

/// A paragraph that opens a list below it: ends with `:`, or a short
/// heading without a full stop.
fn opens_list(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(':') || (words(t) <= 15 && !finished(t))
}

fn is_upper_line(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase())
}

fn is_separator(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| "-_*=~—–.· \t".contains(c))
}

fn is_motto(t: &str) -> bool {
    let u = t.to_uppercase();
    u.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
        || u.contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA")
        || u.starts_with("ĐỘC LẬP - TỰ DO")
        || u.starts_with("ĐỘC LẬP – TỰ DO")
}

fn doc_type(t: &str) -> Option<&'static str> {
    let u = t.trim().to_uppercase();
    DOC_TYPES.iter().find(|d| **d == u).copied()
}

/// `Lạng Sơn, ngày 15 tháng 8 năm 2024` → place, day, month, year.
fn place_date(t: &str) -> Option<(String, String, String, String)> {
    let (place, rest) = t.split_once(", ngày")?;
    let rest = rest.trim_start();
    let (day, rest) = rest.split_once("tháng")?;
    let (month, year) = rest.split_once("năm")?;
    let year: String = year
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if year.len() != 4 {
        return None;
    }
    Some((
        place.trim().to_string(),
        day.trim().to_string(),
        month.trim().to_string(),
        year,
    ))
}

/// `Số: 97/TB-SLĐTBXH` → number, symbol, and what follows on the line.
fn number_symbol(t: &str) -> Option<(String, String, String)> {
    let rest = t
        .strip_prefix("Số")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    // `12 /TB-SYT`: spaces typed around the slash.
    let spaced = rest
        .replacen(" / ", "/", 1)
        .replacen(" /", "/", 1)
        .replacen("/ ", "/", 1);
    let rest = spaced.as_str();
    let (ident, after) = match rest.find([' ', '\t']) {
        Some(i) => (&rest[..i], rest[i..].trim_start()),
        None => (rest, ""),
    };
    let (number, symbol) = ident.split_once('/').unwrap_or(("", ident));
    Some((
        number.trim().to_string(),
        symbol.trim().to_string(),
        after.to_string(),
    ))
}

/// The words that open a place's name in an agency line (`TỈNH`, `HUYỆN`,
/// `THÀNH PHỐ`, `THỊ XÃ`: their first word).
const LEVELS: &[&str] = &["TỈNH", "HUYỆN", "XÃ", "THÀNH", "THỊ", "QUẬN", "PHƯỜNG"];

fn authority(t: &str) -> Option<(&'static str, &str)> {
    AUTHORITIES.iter().find_map(|a| {
        t.strip_prefix(a)
            .filter(|r| r.starts_with(' '))
            .map(|r| (*a, r.trim()))
    })
}

fn looks_like_name(t: &str) -> bool {
    let n = words(t);
    (2..=6).contains(&n)
        && !t.chars().any(|c| c.is_ascii_digit() || ":;()".contains(c))
        && t.split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn plain(no: usize, text: &str, vi: &str, en: &str) -> Plain {
    Plain {
        line: no,
        text: text.to_string(),
        why_vi: vi.to_string(),
        why_en: en.to_string(),
    }
}

// ---------------------------------------------------------------------------
// The parser

impl Parser {
    /// Reads the header; returns the index of the first paragraph after it
    /// (and after the document type and subject).
    fn header(&mut self, paras: &[Para]) -> usize {
        let mut i = 0;
        let mut found_any = false;
        while i < paras.len() {
            let cells = header_cells(&paras[i].text);
            if cells.iter().all(|c| self.header_cell(c, true)) {
                for c in &cells {
                    self.header_cell(c, false);
                }
                found_any = true;
                i += 1;
            } else {
                break;
            }
        }
        let _ = found_any;
        // The document type, then the subject.
        if let Some(t) = paras.get(i).and_then(|p| doc_type(&p.text)) {
            self.header.doc_type = t.to_string();
            i += 1;
            if let Some(p) = paras.get(i) {
                if part_heading(&p.text).is_none() && !is_separator(&p.text) {
                    let mut subject = p.text.replace('\t', " ");
                    i += 1;
                    while let Some(next) = paras.get(i) {
                        let t = next.text.trim();
                        if starts_lowercase(t) || t.starts_with('(') {
                            subject.push(' ');
                            subject.push_str(t);
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    self.header.subject = subject;
                }
            }
            while paras.get(i).is_some_and(|p| is_separator(&p.text)) {
                i += 1;
            }
        }
        // A body named on two lines, its place on the second (`ỦY BAN NHÂN
        // DÂN` / `TỈNH ĐIỆN BIÊN`): one agency, not a parent and an issuer.
        let mut k = 1;
        while k < self.agencies.len() {
            let has_level = |t: &str| t.split_whitespace().any(|w| LEVELS.contains(&w));
            let first = self.agencies[k].split_whitespace().next().unwrap_or("");
            if LEVELS.contains(&first) && !has_level(&self.agencies[k - 1]) {
                let line = self.agencies.remove(k);
                self.agencies[k - 1].push(' ');
                self.agencies[k - 1].push_str(&line);
            } else {
                k += 1;
            }
        }
        // The agencies: the parent body first, then the issuer.
        match self.agencies.len() {
            0 => {}
            1 => self.header.issuer = self.agencies[0].clone(),
            _ => {
                self.header.parent_body = self.agencies[0].clone();
                self.header.issuer = self.agencies[1..].join(" ");
            }
        }
        i
    }

    /// Whether `c` is a header cell; reads it unless `dry`.
    fn header_cell(&mut self, c: &str, dry: bool) -> bool {
        let c = c.trim();
        if c.is_empty() || is_separator(c) || is_motto(c) || c.to_uppercase() == "DỰ THẢO" {
            return true;
        }
        if let Some((number, symbol, after)) = number_symbol(c) {
            if !after.is_empty() && place_date(&after).is_none() {
                return false;
            }
            if !dry {
                self.header.number = number;
                self.header.symbol = symbol;
                if let Some((pl, d, m, y)) = place_date(&after) {
                    (
                        self.header.place,
                        self.header.day,
                        self.header.month,
                        self.header.year,
                    ) = (pl, d, m, y);
                }
            }
            return true;
        }
        if let Some((pl, d, m, y)) = place_date(c) {
            if words(&pl) > 6 {
                return false;
            }
            if !dry {
                (
                    self.header.place,
                    self.header.day,
                    self.header.month,
                    self.header.year,
                ) = (pl, d, m, y);
            }
            return true;
        }
        if is_upper_line(c) && doc_type(c).is_none() && part_heading(c).is_none() && words(c) <= 14
        {
            if !dry {
                self.agencies.push(c.to_string());
            }
            return true;
        }
        false
    }

    fn paragraph(&mut self, raw: &Para) {
        let t = raw.text.replace('\t', " ");
        let t = t.trim();
        let para = Para {
            no: raw.no,
            text: t.to_string(),
        };
        // A footnote's text.
        let plain_ok = self.in_note.is_some() || self.stage == Stage::Tail;
        if let Some((n, rest)) = note_start(t, plain_ok) {
            let plain_digits = t.starts_with(|c: char| c.is_ascii_digit());
            let known =
                self.seen_markers.contains(&n) && self.notes.last().map_or(1, |x| x.n + 1) == n;
            let defined = self.notes.iter().any(|x| x.n == n);
            if (!plain_digits || (known && !defined))
                && !(plain_digits
                    && section_heading(t).is_some()
                    && self.in_note.is_none()
                    && self.stage != Stage::Tail)
            {
                self.start_note(n, para.no, rest);
                return;
            }
        }
        if let Some(idx) = self.in_note {
            if self.note_goes_on(idx, &para) {
                return;
            }
            self.in_note = None;
        }
        // The footer keeps its tabs: nơi nhận and the signature side by
        // side, as a table saved as text.
        let footer = self.stage == Stage::Footer || t.starts_with("Nơi nhận");
        match self.stage {
            Stage::Body if footer => self.body(raw.clone()),
            Stage::Body => self.body(para),
            Stage::Footer => self.footer(raw.clone()),
            Stage::Tail => self.tail(para),
        }
    }

    fn start_note(&mut self, n: usize, no: usize, rest: &str) {
        let para = Para {
            no,
            text: rest.to_string(),
        };
        if let Some(idx) = self.notes.iter().position(|x| x.n == n) {
            self.report.plain.push(plain(
                no,
                rest,
                "chú thích này trùng số với một chú thích trước: nối vào chú thích đó",
                "a footnote with the number of an earlier one: added to it",
            ));
            self.notes[idx].paras.push(para);
            self.in_note = Some(idx);
        } else {
            self.notes.push(RawNote {
                n,
                no,
                paras: vec![para],
            });
            self.in_note = Some(self.notes.len() - 1);
        }
        self.prev_was_body = false;
    }

    /// Whether `para` goes on the note being read (and adds it).
    fn note_goes_on(&mut self, idx: usize, para: &Para) -> bool {
        let t = para.text.as_str();
        let note = &self.notes[idx];
        let last = &note.paras.last().expect("a note has a paragraph").text;
        if starts_lowercase(t) {
            if !finished(last) {
                let last = &mut self.notes[idx].paras.last_mut().expect("a paragraph").text;
                last.push(' ');
                last.push_str(t);
                return true;
            }
            return false;
        }
        if self.stage == Stage::Tail {
            self.notes[idx].paras.push(para.clone());
            return true;
        }
        let list = note.paras.iter().any(|p| is_bullet(&p.text))
            || opens_list(&note.paras[0].text)
            || opens_list(last);
        let closing = t.starts_with("Trên đây") || t.ends_with("./.");
        if closing || t.starts_with("Nơi nhận") || part_heading(t).is_some() {
            return false;
        }
        let numbered_out_of_turn = section_heading(t).is_some_and(|(n, _)| {
            let next = self
                .parts
                .last()
                .map_or(1, |p| p.1.iter().filter(|s| s.0.is_some()).count() + 1);
            n != next
        });
        if list && (is_bullet(t) || numbered_out_of_turn) {
            self.notes[idx].paras.push(para.clone());
            return true;
        }
        false
    }

    fn note_markers(&mut self, t: &str) {
        for (_, _, n) in markers(t, self.max_marker) {
            self.max_marker = self.max_marker.max(n);
            if !self.seen_markers.contains(&n) {
                self.seen_markers.push(n);
            }
        }
    }

    fn body(&mut self, para: Para) {
        let t = para.text.clone();
        // A page break's other half.
        if starts_lowercase(&t) {
            if !self.prev_was_body || !self.join_last_note(&t) {
                if let Some(target) = self.last_body.filter(|_| !self.last_body_finished()) {
                    self.note_markers(&t);
                    self.join(target, &t);
                    self.prev_was_body = true;
                    return;
                }
            } else {
                return;
            }
        }
        self.note_markers(&t);
        self.prev_was_body = true;
        if t.starts_with("Nơi nhận") {
            self.stage = Stage::Footer;
            self.footer(para);
            return;
        }
        if !self.parts.is_empty() && (t.starts_with("Trên đây") || t.ends_with("./.")) {
            self.closing = Some(para);
            self.stage = Stage::Footer;
            return;
        }
        if let Some((n, title)) = part_heading(&t) {
            if n != self.parts.len() + 1 {
                self.report.plain.push(plain(
                    para.no,
                    &t,
                    "phần đánh số không liên tục: thongbao đánh số lại theo thứ tự",
                    "a part out of sequence: thongbao numbers parts in order",
                ));
            }
            self.parts.push((
                Para {
                    no: para.no,
                    text: title.to_string(),
                },
                Vec::new(),
            ));
            self.last_body = None;
            return;
        }
        let Some(part) = self.parts.last_mut() else {
            self.opening.push(para);
            self.last_body = Some(Target::Opening);
            return;
        };
        if let Some((n, title)) = section_heading(&t) {
            // Text between a part's title and its first numbered section
            // is worth a look (a section's title may have lost its number);
            // a part of text alone ("III. KIẾN NGHỊ" and its bullets) is
            // how notices are written, and says nothing.
            if let [(None, blocks), ..] = part.1.as_slice() {
                if let (true, Some((_, first))) = (part.1.len() == 1, blocks.first()) {
                    self.report.plain.push(plain(
                        first.no,
                        &first.text,
                        "đoạn văn trước mục 1 của phần: đặt vào một mục không tên",
                        "a paragraph before the part's first section: put in an untitled section",
                    ));
                }
            }
            if n != part.1.iter().filter(|s| s.0.is_some()).count() + 1 {
                self.report.plain.push(plain(
                    para.no,
                    &t,
                    "mục đánh số không liên tục: thongbao đánh số lại theo thứ tự",
                    "a section out of sequence: thongbao numbers sections in order",
                ));
            }
            part.1.push((
                Some(Para {
                    no: para.no,
                    text: title.to_string(),
                }),
                Vec::new(),
            ));
            self.last_body = None;
            return;
        }
        if part.1.is_empty() {
            part.1.push((None, Vec::new()));
        }
        let (kind, text) = if let Some(r) = t.strip_prefix("- ") {
            (BlockKind::Dash, r)
        } else if let Some(r) = t.strip_prefix("+ ") {
            (BlockKind::Plus, r)
        } else {
            (BlockKind::Paragraph, t.as_str())
        };
        let section = part.1.last_mut().expect("a section");
        section.1.push((
            kind,
            Para {
                no: para.no,
                text: text.to_string(),
            },
        ));
        self.last_body = Some(Target::Block(
            self.parts.len() - 1,
            self.parts.last().map_or(0, |p| p.1.len() - 1),
            section_len(&self.parts) - 1,
        ));
    }

    fn last_body_finished(&self) -> bool {
        match self.last_body {
            Some(Target::Opening) => self.opening.last().is_none_or(|p| finished(&p.text)),
            Some(Target::Block(pi, si, bi)) => finished(&self.parts[pi].1[si].1[bi].1.text),
            None => true,
        }
    }

    /// A lowercase paragraph right after the body while the last note was
    /// cut by the page break: the note's other half.
    fn join_last_note(&mut self, t: &str) -> bool {
        let Some(note) = self.notes.last_mut() else {
            return false;
        };
        let last = &mut note.paras.last_mut().expect("a paragraph").text;
        if finished(last) {
            return false;
        }
        last.push(' ');
        last.push_str(t);
        self.in_note = Some(self.notes.len() - 1);
        self.prev_was_body = false;
        true
    }

    fn join(&mut self, target: Target, t: &str) {
        let text = match target {
            Target::Opening => &mut self.opening.last_mut().expect("an opening paragraph").text,
            Target::Block(pi, si, bi) => &mut self.parts[pi].1[si].1[bi].1.text,
        };
        text.push(' ');
        text.push_str(t);
    }

    fn footer(&mut self, para: Para) {
        for cell in para
            .text
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            self.footer_cell(para.no, cell);
        }
    }

    fn footer_cell(&mut self, no: usize, c: &str) {
        if let Some(r) = c.strip_prefix("Nơi nhận") {
            let r = r.trim_start_matches([':', ' ']).trim();
            if !r.is_empty() {
                self.footer_cell(no, r);
            }
            return;
        }
        if let Some(r) = c.strip_prefix("- ").or_else(|| c.strip_prefix("+ ")) {
            // The signature beside it, run together when the table was
            // saved with spaces: `- UBND tỉnh (b/c); PHÓ GIÁM ĐỐC`.
            if let Some((rec, beside)) = r.split_once("; ") {
                if !beside.trim().is_empty() {
                    self.footer_cell(no, &format!("- {rec};"));
                    self.footer_cell(no, beside.trim());
                    return;
                }
            }
            let text = r.trim().trim_end_matches([';', '.', ',']).trim_end();
            self.recipients.push(Para {
                no,
                text: text.to_string(),
            });
            return;
        }
        if let Some((a, head)) = authority(c) {
            self.signature.authority = a.to_string();
            self.signature.head = head.to_string();
            return;
        }
        if is_upper_line(c) && !self.sig_position_done && !looks_like_name(&title_case(c))
            || (is_upper_line(c)
                && !self.sig_position_done
                && self.signature.position.is_empty()
                && c.split_whitespace()
                    .any(|w| ["GIÁM", "ĐỐC", "TRƯỞNG", "CHỦ", "TỊCH", "PHÓ", "THỦ"].contains(&w)))
        {
            self.signature.position = c.to_string();
            self.sig_position_done = true;
            return;
        }
        if c.starts_with('(') && c.ends_with(')') {
            self.report.plain.push(plain(
                no,
                c,
                "ghi chú ở chỗ ký (không in lại)",
                "a note in the signature's place (not printed again)",
            ));
            return;
        }
        if looks_like_name(c) || (self.sig_position_done && words(c) <= 6) {
            self.signature.name = c.to_string();
            self.stage = Stage::Tail;
            self.report.signature = true;
            return;
        }
        self.report.plain.push(plain(
            no,
            c,
            "không nhận ra ở phần nơi nhận/chữ ký: giữ làm đoạn văn cuối",
            "not recognised among the recipients and signature: kept as a last paragraph",
        ));
        self.add_loose(no, c);
    }

    fn tail(&mut self, para: Para) {
        if let Some(idx) = self.notes.len().checked_sub(1) {
            self.notes[idx].paras.push(para);
            self.in_note = Some(idx);
            return;
        }
        self.report.plain.push(plain(
            para.no,
            &para.text,
            "sau chữ ký, không thuộc chú thích nào: giữ làm đoạn văn cuối",
            "after the signature, in no footnote: kept as a last paragraph",
        ));
        self.add_loose(para.no, &para.text);
    }

    /// A paragraph that fits nowhere, at the end of the body.
    fn add_loose(&mut self, no: usize, t: &str) {
        if self.parts.is_empty() {
            self.opening.push(Para {
                no,
                text: t.to_string(),
            });
            return;
        }
        let part = self.parts.last_mut().expect("a part");
        if part.1.is_empty() {
            part.1.push((None, Vec::new()));
        }
        let (kind, text) = match t.strip_prefix("- ") {
            Some(r) => (BlockKind::Dash, r),
            None => (BlockKind::Paragraph, t),
        };
        part.1.last_mut().expect("a section").1.push((
            kind,
            Para {
                no,
                text: text.to_string(),
            },
        ));
    }

    fn finish(mut self) -> Imported {
        let defined: Vec<usize> = self.notes.iter().map(|n| n.n).collect();
        let mut conv = Convert {
            cites: Citations::default(),
            defined: &defined,
            max: 0,
            undefined: Vec::new(),
        };
        // Header.
        let mut header = std::mem::take(&mut self.header);
        header.subject = conv.rich(&header.subject);
        // Opening.
        let opening_text = self
            .opening
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let mut opening_rich = conv.rich(&opening_text);
        let mut opening = Opening::default();
        opening_vars(&mut opening_rich, &mut opening, &conv.cites);
        opening.text = opening_rich;
        // Parts.
        let mut parts = Vec::new();
        for (pi, (title, sections)) in self.parts.iter().enumerate() {
            let pid = format!("p{}", pi + 1);
            let mut out_sections = Vec::new();
            for (si, (stitle, blocks)) in sections.iter().enumerate() {
                let sid = format!("{pid}.s{}", si + 1);
                let stitle = stitle
                    .as_ref()
                    .map(|p| conv.rich(&p.text))
                    .unwrap_or_default();
                let blocks = blocks
                    .iter()
                    .enumerate()
                    .map(|(bi, (kind, p))| Block {
                        id: format!("{sid}.b{}", bi + 1),
                        kind: *kind,
                        text: conv.rich(&p.text),
                        refs: Vec::new(),
                    })
                    .collect();
                out_sections.push(Section {
                    id: sid,
                    title: stitle,
                    blocks,
                });
            }
            parts.push(Part {
                id: pid,
                title: conv.rich(&title.text),
                sections: out_sections,
            });
        }
        let closing = self
            .closing
            .as_ref()
            .map(|p| {
                let t = p.text.trim_end();
                let t = t.strip_suffix("./.").unwrap_or(t);
                conv.rich(t.trim_end())
            })
            .unwrap_or_default();
        // Footnotes, after the body so markers are counted first.
        let mut footnotes = Vec::new();
        for note in &self.notes {
            let id = format!("fn{}", note.n);
            let blocks = note
                .paras
                .iter()
                .enumerate()
                .map(|(bi, p)| {
                    let (kind, text) = if let Some(r) = p.text.strip_prefix("- ") {
                        (BlockKind::Dash, r)
                    } else if let Some(r) = p.text.strip_prefix("+ ") {
                        (BlockKind::Plus, r)
                    } else {
                        (BlockKind::Paragraph, p.text.as_str())
                    };
                    Block {
                        id: format!("{id}.b{}", bi + 1),
                        kind,
                        text: conv.rich(text),
                        refs: Vec::new(),
                    }
                })
                .collect();
            footnotes.push(Footnote { id, blocks });
        }
        for n in &conv.undefined {
            self.report.plain.push(plain(
                0,
                &n.to_string(),
                "dấu chú thích không có lời chú thích: giữ nguyên là chữ",
                "a footnote marker with no footnote text: kept as text",
            ));
        }
        for note in &self.notes {
            if !self.seen_markers.contains(&note.n) {
                self.report.plain.push(plain(
                    note.no,
                    &note.paras[0].text,
                    "lời chú thích không có dấu chú thích trong văn bản",
                    "a footnote text no marker in the text points to",
                ));
            }
        }
        let recipients = self
            .recipients
            .iter()
            .enumerate()
            .map(|(i, p)| Recipient {
                id: format!("r{}", i + 1),
                text: p.text.clone(),
            })
            .collect();
        let h = &header;
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for (name, v) in [
            ("parent_body", &h.parent_body),
            ("issuer", &h.issuer),
            ("number", &h.number),
            ("symbol", &h.symbol),
            ("place", &h.place),
            ("date", &h.year),
            ("doc_type", &h.doc_type),
            ("subject", &h.subject),
        ] {
            if v.trim().is_empty() {
                missing.push(name);
            } else {
                found.push(name);
            }
        }
        let notice = Notice {
            format: FORMAT_ID.to_string(),
            version: FORMAT_VERSION,
            status: Status::Draft,
            header,
            opening,
            references: conv.cites.refs,
            figures: Vec::new(),
            relations: Vec::new(),
            parts,
            footnotes,
            closing,
            recipients,
            signature: self.signature,
            accepted: Vec::new(),
            report: None,
        };
        let mut report = Recognised::counted(&notice);
        report.header = found;
        report.header_missing = missing;
        report.signature = !notice.signature.name.is_empty();
        report.plain = std::mem::take(&mut self.report.plain);
        report.plain.sort_by_key(|p| p.line);
        Imported { notice, report }
    }
}

fn section_len(parts: &[RawPart]) -> usize {
    parts
        .last()
        .and_then(|p| p.1.last())
        .map_or(0, |s| s.1.len())
}

fn title_case(c: &str) -> String {
    c.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_string() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A header line's cells: tab-separated, and the motto split off where
/// the cells were run together on one line.
fn header_cells(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    for cell in t.split('\t') {
        let mut cell = cell.trim().to_string();
        for motto in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Độc lập – Tự do – Hạnh phúc",
        ] {
            if let Some(i) = cell.find(motto) {
                let (before, after) = (cell[..i].trim(), cell[i + motto.len()..].trim());
                let mut parts = Vec::new();
                if !before.is_empty() {
                    parts.push(before.to_string());
                }
                parts.push(motto.to_string());
                let rest = after.to_string();
                out.extend(parts);
                cell = rest;
            }
        }
        if !cell.is_empty() {
            // `Số: …` and the place-and-date run together.
            if number_symbol(&cell).is_none() && place_date(&cell).is_some() {
                // An agency in capitals before the place (`SỞ … Lạng Sơn, ngày`)
                // stays with the place: rare, read as the place-date.
            }
            out.push(cell);
        }
    }
    out
}

/// Prose → rich text: braces escaped, `*italics*`, footnote markers and
/// citations as tokens.
struct Convert<'a> {
    cites: Citations,
    defined: &'a [usize],
    max: usize,
    undefined: Vec<usize>,
}

impl Convert<'_> {
    fn rich(&mut self, t: &str) -> String {
        let found = markers(t, self.max);
        let mut out = String::with_capacity(t.len() + 16);
        let mut at = 0;
        for (s, e, n) in found {
            self.max = self.max.max(n);
            out.push_str(&italics(&escape(&t[at..s])));
            if self.defined.contains(&n) {
                out.push_str(&format!("{{fn:fn{n}}}"));
            } else {
                if !self.undefined.contains(&n) {
                    self.undefined.push(n);
                }
                out.push_str(&escape(&t[s..e]));
            }
            at = e;
        }
        out.push_str(&italics(&escape(&t[at..])));
        self.cites.replace(&out)
    }
}

/// `*…*` as `{i}…{/i}`; a lone `*` stays.
fn italics(t: &str) -> String {
    if !t.contains('*') {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len() + 8);
    let mut rest = t;
    while let Some(i) = rest.find('*') {
        let after = &rest[i + 1..];
        match after.find('*') {
            Some(j) if j > 0 && !after.starts_with(' ') && !after[..j].ends_with(' ') => {
                out.push_str(&rest[..i]);
                out.push_str("{i}");
                out.push_str(&after[..j]);
                out.push_str("{/i}");
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The opening's plan, schedule notice, inspection date and inspected
/// body, where its text names them.
fn opening_vars(text: &mut String, o: &mut Opening, cites: &Citations) {
    let ids: Vec<(String, String)> = cites
        .refs
        .iter()
        .filter(|r| text.contains(&format!("{{ref:{}}}", r.id)))
        .map(|r| (r.id.clone(), r.kind.to_lowercase()))
        .collect();
    if let Some((id, _)) = ids.iter().find(|(_, k)| k.starts_with("kế hoạch")) {
        *text = text.replacen(&format!("{{ref:{id}}}"), "{plan}", 1);
        o.plan = id.clone();
    }
    if let Some((id, _)) = ids.iter().find(|(_, k)| k.starts_with("thông báo")) {
        *text = text.replacen(&format!("{{ref:{id}}}"), "{schedule}", 1);
        o.schedule = id.clone();
    }
    // The inspection date: the first date left in the text that is no
    // document's (`Luật … số 25/2008/QH12 ngày 14/11/2008` is cited in a
    // way the citation rule leaves as text: its date is the law's).
    let mut from = 0;
    const NGAY: &str = "ngày ";
    while let Some(i) = text[from..].find(NGAY).map(|i| i + from) {
        let at = i + NGAY.len();
        let after = &text[at..];
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'/')
            .count();
        let raw = &after[..len];
        let symbol_before = text[..i]
            .trim_end()
            .trim_end_matches(',')
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.contains('/') && w.chars().any(char::is_alphabetic));
        if !symbol_before
            && super::citations::date_shaped(raw)
            && (parse_date(raw).is_err() || date_text(raw) == raw)
        {
            o.inspection_date = raw.to_string();
            text.replace_range(at..at + len, "{inspection_date}");
            break;
        }
        from = at;
    }
    // The inspected body: `đối với X.`, or where the team went — `kiểm
    // tra tại X.`, `làm việc với X.` — when X is named as a body is (a
    // capital: `UBND huyện …`, `Trường …`, `huyện Mường Chà`; not `tại
    // các xã`).
    for (marker, named) in [
        ("đối với ", false),
        ("kiểm tra tại ", true),
        ("giám sát tại ", true),
        ("làm việc tại ", true),
        ("làm việc với ", true),
    ] {
        let Some(i) = text.find(marker) else { continue };
        let at = i + marker.len();
        let after = &text[at..];
        let Some(end) = after.find('.') else { continue };
        let body = &after[..end];
        // A district or commune named as a place is its body too
        // (`tại huyện Mường Chà`, `tại thị xã Nghĩa Lộ`).
        let unit = [
            "huyện ",
            "thị xã ",
            "thành phố ",
            "quận ",
            "xã ",
            "phường ",
            "thị trấn ",
        ]
        .iter()
        .find_map(|u| body.strip_prefix(u));
        let capital = unit
            .unwrap_or(body)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !body.is_empty()
            && words(body) <= 12
            && !body.contains(['{', '}', ',', ';'])
            && (capital || !named)
        {
            o.inspected_body = body.to_string();
            text.replace_range(at..at + end, "{inspected_body}");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognisers() {
        assert_eq!(
            part_heading("I. KẾT QUẢ KIỂM TRA"),
            Some((1, "KẾT QUẢ KIỂM TRA"))
        );
        assert_eq!(part_heading("II) ĐÁNH GIÁ"), Some((2, "ĐÁNH GIÁ")));
        assert_eq!(part_heading("Ivan đã"), None);
        assert_eq!(section_heading("1. Ưu điểm"), Some((1, "Ưu điểm")));
        assert_eq!(section_heading("2) Tồn tại"), Some((2, "Tồn tại")));
        assert_eq!(section_heading("2.000 hộ"), None);
        assert_eq!(part_heading("III/ KIẾN NGHỊ"), Some((3, "KIẾN NGHỊ")));
        assert_eq!(part_heading("II – ĐÁNH GIÁ"), Some((2, "ĐÁNH GIÁ")));
        assert_eq!(section_heading("3/ Kinh phí"), Some((3, "Kinh phí")));
        assert_eq!(section_heading("20/20 trường"), None);
        assert_eq!(note_start("¹⁰Kết quả", false), Some((10, "Kết quả")));
        assert_eq!(note_start("[3] Ghi chú", false), Some((3, "Ghi chú")));
        assert_eq!(note_start("3 Ghi chú", false), None);
        assert_eq!(note_start("3 Ghi chú", true), Some((3, "Ghi chú")));
        assert!(finished("đồng.³"));
        assert!(!finished("và phòng,"));
        assert!(!finished("ngày 16/5/2024"));
        let m = markers("địa phương¹. Và huyện[2]; rồi xã.3 Học sinh 1,2,3,4", 0);
        let ns: Vec<usize> = m.iter().map(|x| x.2).collect();
        assert_eq!(ns, [1, 2, 3]);
        assert_eq!(markers("huyện4; và", 3).len(), 1);
        assert_eq!(markers("QH14; và", 13).len(), 0);
        assert_eq!(italics("(*Tổng số*) a * b"), "({i}Tổng số{/i}) a * b");
        assert_eq!(
            place_date("Lạng Sơn, ngày tháng 8 năm 2024"),
            Some(("Lạng Sơn".into(), "".into(), "8".into(), "2024".into()))
        );
    }
}
