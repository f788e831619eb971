//! Golden test: the shipped sample (`data/chi-lang-2024.json`), rendered by
//! `core::render::render_html` and reduced to text, contains the reference
//! notice's body sentence by sentence, with the figures written as the
//! reference writes them, except where the reference departs from the
//! model's rules (the deliberate [`DEVIATIONS`] below, the same list as
//! `data/DEVIATIONS.md`). And it says nothing the reference does not say,
//! apart from an explicit allowlist ([`NOT_IN_REFERENCE`]).
//!
//! The reference is `tests/golden/notice-chi-lang-2024.txt`: a verbatim copy
//! of `shared/reference/notice-chi-lang-2024.txt` (the real notice as plain
//! text: footnote texts sit where the page breaks fell, some paragraphs are
//! split by a page break, the header's agency names and motto were lost in
//! the copy). It is copied into the repository
//! so that the test depends on no path outside it. Every edit this test makes
//! to it is listed below and asserted to apply exactly once, so a change to
//! the copy fails the test instead of being silently absorbed.

use thongbao::core::field;
use thongbao::core::model::Notice;
use thongbao::core::render::render_html;
use thongbao::core::samples::sample;

/// Verbatim copy of `shared/reference/notice-chi-lang-2024.txt`.
const REFERENCE: &str = include_str!("golden/notice-chi-lang-2024.txt");

/// Number of footnotes in the reference (and so in the rendered sample).
pub const NOTES: usize = 12;

// ---------------------------------------------------------------------------
// Edits that undo the plain-text copy's artefacts (markdown, page breaks).

/// Markdown left in the copy: `**…**` bold around the signature block and
/// `*…*` italics in footnotes 3 and 11. Applied to the raw text, each exactly
/// once. (The italics are real: thongbao renders them as `<i>`, which the
/// reduction to text drops.)
const MARKDOWN: &[(&str, &str)] = &[
    ("**KT. GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
    ("PHÓ GIÁM ĐỐC**", "PHÓ GIÁM ĐỐC"),
    // Footnote 3: the safe-home counts are in italics.
    ("(*Tổng số hộ gia đình", "(Tổng số hộ gia đình"),
    ("8.314 hộ*)", "8.314 hộ)"),
    // Footnote 11: the aside about the software is in italics.
    ("(*hiện nay phần mềm", "(hiện nay phần mềm"),
    ("mất dữ liệu*)", "mất dữ liệu)"),
];

/// Paragraphs a page break split in two, or whose tail the copy put after
/// other text: (how the first part ends, how the second part starts, why).
/// The second paragraph is appended to the first with one space and removed
/// from where it stood. Applied after the footnote numbers are removed.
const JOINS: &[(&str, &str, &str)] = &[
    (
        "Chương trình số 08/CTr-UBND ngày 16/5/2024",
        "về tổ chức thăm tặng quà các trường Mầm non",
        "footnote 1 goes on after the page break, below the bullet that \
         the break split (its 14th document's subject and the 15th, Kế hoạch 221)",
    ),
    (
        "triển khai thực hiện công tác phòng, chống tai nạn thương tích và phòng,",
        "chống đuối nước trẻ em để phòng tránh",
        "I.1, 6th bullet: split by the page break, footnotes 2-4 stand between its halves",
    ),
    (
        "Thực hiện xã hội hóa và cân đối bố trí thêm kinh",
        "phí để tổ chức thêm nhiều lớp dạy bơi",
        "III.1, 3rd bullet: split by the page break (inside the word `kinh phí`)",
    ),
];

// ---------------------------------------------------------------------------
// Deliberate deviations: where thongbao's rendering of the sample differs
// from the reference's wording. Exactly the "Text" table of
// `data/DEVIATIONS.md`. Applied to the (cleaned) reference before matching;
// each must apply exactly once, so the list stays honest.
//
// The "Layout only" table of DEVIATIONS.md needs no entry here: the agency
// names and motto are extra text (see `NOT_IN_REFERENCE`, and they are
// asserted present); the blank number and day are gaps of no-break spaces,
// which the reduction turns into a single space, as in the copy; the
// numbers leading footnotes (`⁹20/20…` there, `9 20/20…` here) are dropped
// on both sides, and markers are `[N]` on both sides; moved footnote texts
// and split paragraphs are `JOINS`.

/// (reference text, what thongbao renders instead, why).
pub const DEVIATIONS: &[(&str, &str, &str)] = &[
    (
        "99/KHLN-SLĐTBXH-GDĐT-VHTTDL-ĐTNCSCM, ngày 20/5/2024",
        "99/KHLN-SLĐTBXH-GDĐT-VHTTDL-ĐTNCSCM ngày 20/5/2024",
        "opening, the plan: a citation has no comma before `ngày`",
    ),
    (
        "97/TB-SLĐTBXH, ngày 12/7/2024",
        "97/TB-SLĐTBXH ngày 12/7/2024",
        "opening, the schedule: same citation rule",
    ),
    (
        "548/QĐ-BLĐT BXH, ngày 06/5/2011",
        "548/QĐ-BLĐT BXH ngày 06/5/2011",
        "I.1, 3rd bullet: same citation rule (the wrong symbol is kept; the checks report it)",
    ),
    (
        "tiểu học 1512/1512 tỷ lệ 100%",
        "tiểu học 1.512/1.512 tỷ lệ 100%",
        "I.2: a fraction's numbers print with thousands dots",
    ),
    (
        "trở lên 6005/6079 tỉ lệ 98,9%",
        "trở lên 6.005/6.079 tỉ lệ 98,9%",
        "I.2: same (98,9% stays; the checks report that 6005/6079 is 98,78%)",
    ),
    (
        "được hỗ trợ 300.000đ/ tháng",
        "được hỗ trợ 300.000đ/tháng",
        "I.2, Hội LHPN: the unit is typed `đ/tháng`, without the stray space",
    ),
    (
        "huyện chi số tiền (Hỗ trợ cho",
        "huyện chi số tiền … đồng (Hỗ trợ cho",
        "footnote 10: the reference leaves out the total; `fund.total` is blank \
         and a blank figure renders as `…` and its unit (the checks report it)",
    ),
];

/// Rendered sentences the reference copy does not have, and why. Each must
/// occur in the rendered text (checked), so the list stays honest. (The
/// notes' "Chú thích" label is an `aria-label`, not text, so it is not here.)
pub const NOT_IN_REFERENCE: &[(&str, &str)] = &[
    (
        "DỰ THẢO",
        "the draft mark (the sample's status is draft), as a watermark and a tag",
    ),
    (
        "UBND TỈNH LẠNG SƠN",
        "header: the parent body, lost in the reference copy",
    ),
    (
        "SỞ LAO ĐỘNG - THƯƠNG BINH",
        "header: the issuing agency, lost in the reference copy (its first line)",
    ),
    (
        "VÀ XÃ HỘI",
        "header: the issuing agency's second line, broken where the decree's layout breaks it",
    ),
    (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "header: the national motto, lost in the reference copy",
    ),
    (
        "Độc lập - Tự do - Hạnh phúc",
        "header: the motto's second line, lost in the reference copy",
    ),
];

/// The header parts the reference copy lost; the rendering must have each,
/// as a line of its own.
const HEADER_PARTS: &[&str] = &[
    "UBND TỈNH LẠNG SƠN",
    "SỞ LAO ĐỘNG - THƯƠNG BINH",
    "VÀ XÃ HỘI",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
];

/// How many sentences the reference yields (after the edits above). Pinned
/// so that a change in the preprocessing or the splitter is noticed.
const REFERENCE_SENTENCES: usize = 187;

// ---------------------------------------------------------------------------
// Text helpers

/// Collapses every run of whitespace (no-break spaces included) to one
/// space, and trims.
fn normalise(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Replaces the one occurrence of `from` in `text`; panics unless there is
/// exactly one.
fn replace_once(text: &mut String, from: &str, to: &str, what: &str) {
    let n = text.matches(from).count();
    assert_eq!(
        n, 1,
        "{what} {from:?} should occur exactly once in the reference, found {n}"
    );
    *text = text.replacen(from, to, 1);
}

fn superscript_digit(c: char) -> Option<usize> {
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

/// Splits a paragraph into sentences: after `; `, and after `. ` when the
/// next word starts with a capital or a digit (so `trò chơi,... được` and
/// `trẻ em... để` stay whole). Pieces of fewer than three words (`I.`, `1.`,
/// `KT.`) are merged into the next piece, or the previous one at the end.
pub fn sentences(paragraph: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut pieces: Vec<&str> = Vec::new();
    let mut start = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let space_next = matches!(chars.get(k + 1), Some((_, ' ')));
        let boundary = match c {
            ';' => space_next,
            '.' => {
                space_next
                    && chars
                        .get(k + 2)
                        .is_some_and(|&(_, n)| n.is_uppercase() || n.is_ascii_digit())
            }
            _ => false,
        };
        if boundary {
            let end = i + c.len_utf8();
            pieces.push(paragraph[start..end].trim());
            start = end;
        }
    }
    let rest = paragraph[start..].trim();
    if !rest.is_empty() {
        pieces.push(rest);
    }
    let mut out: Vec<String> = Vec::new();
    let mut carry = String::new();
    for p in pieces {
        let piece = if carry.is_empty() {
            p.to_string()
        } else {
            format!("{carry} {p}")
        };
        if piece.split_whitespace().count() < 3 {
            carry = piece;
        } else {
            carry.clear();
            out.push(piece);
        }
    }
    if !carry.is_empty() {
        match out.last_mut() {
            Some(last) => {
                last.push(' ');
                last.push_str(&carry);
            }
            None => out.push(carry),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The reference, cleaned

pub struct Reference {
    /// Paragraphs after the edits and deviations, whitespace normalised,
    /// footnote markers written `[N]`, footnote numbers removed.
    pub paragraphs: Vec<String>,
    /// Every sentence of every paragraph, in order.
    pub sentences: Vec<String>,
    /// The paragraphs joined by single spaces.
    pub text: String,
}

fn reference() -> Reference {
    reference_with(DEVIATIONS)
}

/// The cleaned reference with `deviations` applied (a notice imported from
/// the reference text has fewer than the hand-made sample: `tests/import.rs`).
pub fn reference_with(deviations: &[(&str, &str, &str)]) -> Reference {
    let mut raw = REFERENCE.replace("\r\n", "\n");
    for (from, to) in MARKDOWN {
        replace_once(&mut raw, from, to, "markdown");
    }
    assert!(
        !raw.contains('*'),
        "markdown left in the reference copy: add it to MARKDOWN"
    );

    // Paragraphs are separated by blank lines; a paragraph's own line breaks
    // (the recipient list, the signature block) become spaces.
    let mut markers = Vec::new();
    let mut note_numbers = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    for block in raw.split("\n\n") {
        let block = block.trim();
        if block.is_empty() {
            continue;
        }
        // A footnote paragraph starts with its number in superscript digits
        // (`¹ Công văn…`, `⁹20/20…`, `¹⁰Kết quả…`): removed. Anywhere else
        // superscript digits are a footnote marker: written `[N]`, as the
        // reduction writes the rendering's markers, so that each marker is
        // checked in its place.
        let lead: String = block
            .chars()
            .take_while(|&c| superscript_digit(c).is_some())
            .collect();
        let mut body = &block[lead.len()..];
        if !lead.is_empty() {
            note_numbers.push(
                lead.chars()
                    .fold(0, |n, c| n * 10 + superscript_digit(c).unwrap()),
            );
            body = body.trim_start();
        }
        let mut text = String::with_capacity(body.len());
        let mut marker: Option<usize> = None;
        for c in body.chars() {
            match superscript_digit(c) {
                Some(d) => marker = Some(marker.unwrap_or(0) * 10 + d),
                None => {
                    if let Some(m) = marker.take() {
                        markers.push(m);
                        text.push_str(&format!("[{m}]"));
                    }
                    text.push(c);
                }
            }
        }
        if let Some(m) = marker {
            markers.push(m);
            text.push_str(&format!("[{m}]"));
        }
        paragraphs.push(normalise(&text));
    }
    let one_to_n: Vec<usize> = (1..=NOTES).collect();
    assert_eq!(markers, one_to_n, "footnote markers in the reference body");
    assert_eq!(note_numbers, one_to_n, "footnote numbers in the reference");

    for (end, start, why) in JOINS {
        let firsts: Vec<usize> = (0..paragraphs.len())
            .filter(|&i| paragraphs[i].ends_with(end))
            .collect();
        let seconds: Vec<usize> = (0..paragraphs.len())
            .filter(|&i| paragraphs[i].starts_with(start))
            .collect();
        assert!(
            firsts.len() == 1 && seconds.len() == 1,
            "join ({why}): {} paragraphs end with {end:?} and {} start with {start:?}; \
             expected one each",
            firsts.len(),
            seconds.len()
        );
        let second = paragraphs.remove(seconds[0]);
        let first = if seconds[0] < firsts[0] {
            firsts[0] - 1
        } else {
            firsts[0]
        };
        paragraphs[first].push(' ');
        paragraphs[first].push_str(&second);
    }

    let mut joined = paragraphs.join("\n");
    for (from, to, why) in deviations {
        replace_once(&mut joined, from, to, &format!("deviation ({why})"));
    }
    let paragraphs: Vec<String> = joined.split('\n').map(str::to_string).collect();
    let sentences = paragraphs.iter().flat_map(|p| sentences(p)).collect();
    Reference {
        text: paragraphs.join(" "),
        paragraphs,
        sentences,
    }
}

// ---------------------------------------------------------------------------
// The rendering, reduced to text

pub struct Rendered {
    /// One entry per block-level element or line (`<p>`, `<h2>`, a `<br>`
    /// line…), whitespace normalised, empty ones dropped.
    pub paragraphs: Vec<String>,
    /// The paragraphs joined by single spaces.
    pub text: String,
    /// The footnote markers `<sup><a href="#fn-N">N</a></sup>`, in order.
    /// The text has them as `[N]`, as the cleaned reference does.
    pub markers: Vec<usize>,
    /// The numbers leading the footnotes (`<span class="note-no">N</span>`).
    pub note_numbers: Vec<usize>,
    /// How many `<div class="note" id="fn-N">` there are.
    pub notes: usize,
}

/// Tags that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "body", "main", "div", "p", "h1", "h2", "h3", "table", "tr", "td", "br", "section", "hr",
    "html",
];
/// Tags inside a line of text.
const INLINE_TAGS: &[&str] = &["span", "i", "a", "sup"];

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `N` then `close`, at the start of `s`: the number and the rest.
fn number_then<'a>(s: &'a str, close: &str) -> (usize, &'a str) {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let n = digits
        .parse()
        .unwrap_or_else(|_| panic!("a number at {s:.40?}"));
    let rest = s[digits.len()..]
        .strip_prefix(close)
        .unwrap_or_else(|| panic!("{close:?} after the number at {s:.40?}"));
    (n, rest)
}

pub fn rendered(notice: &Notice) -> Rendered {
    let html = render_html(notice);
    assert_eq!(html.matches("</head>").count(), 1, "one </head>");
    let body = html.split_once("</head>").unwrap().1;

    let mut lines: Vec<String> = vec![String::new()];
    let mut markers = Vec::new();
    let mut note_numbers = Vec::new();
    let mut notes = 0;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        lines.last_mut().unwrap().push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<sup><a href=\"#fn-") {
            // A footnote marker: record its number, write it `[N]`.
            let (n, after) = number_then(after, "\">");
            let (m, after) = number_then(after, "</a></sup>");
            assert_eq!(n, m, "a marker's link and label");
            markers.push(n);
            lines.last_mut().unwrap().push_str(&format!("[{n}]"));
            rest = after;
            continue;
        }
        if let Some(after) = rest.strip_prefix("<span class=\"note-no\">") {
            // The number leading a footnote, and the space after it.
            let (n, after) = number_then(after, "</span>");
            note_numbers.push(n);
            rest = after.strip_prefix(' ').unwrap_or(after);
            continue;
        }
        if rest.starts_with("<div class=\"note\" id=\"fn-") {
            notes += 1;
        }
        let gt = rest.find('>').expect("a tag ends");
        let tag = &rest[1..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if BLOCK_TAGS.contains(&name.as_str()) {
            lines.push(String::new());
        } else if !INLINE_TAGS.contains(&name.as_str()) {
            panic!("unexpected tag <{tag}>: add it to BLOCK_TAGS or INLINE_TAGS");
        }
        rest = &rest[gt + 1..];
    }
    lines.last_mut().unwrap().push_str(rest);

    let paragraphs: Vec<String> = lines
        .iter()
        .map(|l| normalise(&unescape(l)))
        .filter(|l| !l.is_empty())
        .collect();
    Rendered {
        text: paragraphs.join(" "),
        paragraphs,
        markers,
        note_numbers,
        notes,
    }
}

// ---------------------------------------------------------------------------
// Matching

pub struct Missing {
    pub sentence: String,
    pub context: String,
}

/// The reference sentences that `text` does not contain, each with the
/// closest rendered context: the longest prefix of the sentence that the
/// rendering has, and how each goes on from there.
pub fn missing_sentences(reference: &Reference, text: &str) -> Vec<Missing> {
    reference
        .sentences
        .iter()
        .filter(|s| !text.contains(s.as_str()))
        .map(|s| Missing {
            sentence: s.clone(),
            context: closest(text, s),
        })
        .collect()
}

fn closest(text: &str, sentence: &str) -> String {
    let cuts: Vec<usize> = sentence
        .char_indices()
        .map(|(i, _)| i)
        .chain([sentence.len()])
        .collect();
    // Containing a prefix is monotone in its length: binary search the
    // longest one the rendering contains.
    let (mut lo, mut hi) = (0, cuts.len() - 1);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text.contains(&sentence[..cuts[mid]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let matched = &sentence[..cuts[lo]];
    if matched.chars().count() < 8 {
        return "    (the rendering has no stretch of its start)".to_string();
    }
    let at = text.find(matched).unwrap() + matched.len();
    let tail = |s: &str| s.chars().take(70).collect::<String>();
    let head: String = {
        let v: Vec<char> = matched.chars().collect();
        v[v.len().saturating_sub(50)..].iter().collect()
    };
    format!(
        "    same up to: …{head}\n    reference:  …{}\n    rendered:   …{}",
        tail(&sentence[matched.len()..]),
        tail(&text[at..])
    )
}

pub fn report(missing: &[Missing]) -> String {
    let mut out = String::new();
    for m in missing {
        out.push_str(&format!("\n- {}\n{}\n", m.sentence, m.context));
    }
    out
}

/// The rendered sentences that the reference does not contain and the
/// allowlist does not explain.
pub fn invented(reference: &Reference, r: &Rendered) -> (Vec<String>, Vec<&'static str>) {
    let mut extra = Vec::new();
    let mut used = Vec::new();
    for p in &r.paragraphs {
        for s in sentences(p) {
            if reference.text.contains(&s) {
                continue;
            }
            match NOT_IN_REFERENCE.iter().find(|(a, _)| *a == s) {
                Some((a, _)) => used.push(*a),
                None => extra.push(s),
            }
        }
    }
    (extra, used)
}

// ---------------------------------------------------------------------------
// Tests

#[test]
fn rendered_sample_contains_every_reference_sentence() {
    let reference = reference();
    let r = rendered(&sample());

    let one_to_n: Vec<usize> = (1..=NOTES).collect();
    assert_eq!(r.notes, NOTES, "footnotes rendered");
    assert_eq!(r.markers, one_to_n, "footnote markers, in text order");
    assert_eq!(r.note_numbers, one_to_n, "footnote numbers, in order");
    for part in HEADER_PARTS {
        assert!(
            r.paragraphs.iter().any(|p| p == part),
            "header part {part:?} missing from the rendering"
        );
    }

    let missing = missing_sentences(&reference, &r.text);
    assert!(
        missing.is_empty(),
        "{} of {} reference sentences are not in the rendered sample:{}",
        missing.len(),
        reference.sentences.len(),
        report(&missing)
    );
    eprintln!(
        "golden: {} reference sentences checked, {} deviations applied, {} paragraphs",
        reference.sentences.len(),
        DEVIATIONS.len(),
        reference.paragraphs.len()
    );
    assert_eq!(
        reference.sentences.len(),
        REFERENCE_SENTENCES,
        "sentences in the reference"
    );
}

#[test]
fn rendered_sample_invents_nothing() {
    let reference = reference();
    let r = rendered(&sample());
    let (extra, used) = invented(&reference, &r);
    assert!(
        extra.is_empty(),
        "rendered sentences that are neither in the reference nor in NOT_IN_REFERENCE:\n- {}",
        extra.join("\n- ")
    );
    for (allowed, why) in NOT_IN_REFERENCE {
        assert!(
            used.contains(allowed),
            "NOT_IN_REFERENCE entry {allowed:?} ({why}) is not rendered: remove it"
        );
    }
}

/// The golden check bites: one changed figure is reported as one missing
/// sentence, with the place it differs, and as one invented sentence.
#[test]
fn a_changed_figure_fails_the_golden_check() {
    let reference = reference();
    let mut notice = sample();
    assert!(field::set(
        &mut notice,
        "fig/safe_home.households/value",
        "72.033".to_string()
    ));
    let r = rendered(&notice);

    let missing = missing_sentences(&reference, &r.text);
    assert_eq!(
        missing.len(),
        1,
        "one sentence should be missing:{}",
        report(&missing)
    );
    assert!(
        missing[0]
            .sentence
            .contains("Tổng số hộ gia đình: 72.032 hộ"),
        "{}",
        missing[0].sentence
    );
    assert!(
        missing[0].context.contains("rendered:   …3 hộ"),
        "the report shows where the rendering differs:\n{}",
        missing[0].context
    );

    let (extra, _) = invented(&reference, &r);
    assert_eq!(extra.len(), 1, "{extra:?}");
    assert!(
        extra[0].contains("Tổng số hộ gia đình: 72.033 hộ"),
        "{extra:?}"
    );
}
