//! Vietnamese text in one form: Unicode NFC, and its ASCII fold for file
//! names.
//!
//! Text typed with a decomposed ("Unicode tổ hợp") setting of Unikey or
//! EVKey, pasted from a Mac or copied out of a PDF arrives decomposed (NFD):
//! `ế` as `e` + U+0302 + U+0301. It looks the same, but every comparison the
//! core makes with a composed literal ("PHÓ", "Lưu: VT", a kind of document)
//! fails on it, and a notice rendered from it is not NFC. So text is
//! normalised once, where it enters the core: [`crate::core::json::import`]
//! (every string of a file), and every edit ([`nfc`] on the edited text;
//! [`normalise_notice`] for a whole notice from elsewhere).
//!
//! This is a Vietnamese-complete composer rather than the
//! `unicode-normalization` crate, whose full Unicode tables cost far more
//! wasm than these ~130 letters: measured, the crate adds 41 KB to
//! `dist/thongbao.html` (gzip -9), this module about 2 KB (`docs/size.md`). It implements the
//! Unicode algorithm — full canonical decomposition, canonical ordering of
//! the marks, canonical composition — restricted to the Vietnamese letters
//! (`a ă â e ê i o ô ơ u ư y` with the five tones, upper and lower case) and
//! the marks that build them: grave U+0300, acute U+0301, circumflex
//! U+0302, tilde U+0303, breve U+0306, hook above U+0309, horn U+031B, dot
//! below U+0323, and the old Vietnamese tone marks U+0340/U+0341 (which NFC
//! turns into grave and acute). On every string made of those it gives
//! exactly what full Unicode NFC gives (`tests/nfc.rs` compares it with the
//! `unicode-normalization` crate for every letter, tone and order of marks).
//! A run of marks holding any other combining mark (U+0300–U+036F and the
//! extension blocks), or longer than any letter can need (15 marks), is
//! left as it was.
//!
//! [`fold`] and [`fold_ascii`] use the same table to take Vietnamese letters
//! down to ASCII (`Đồng` → `Dong`) for file names.

use std::borrow::Cow;

use crate::core::model::Notice;

const GRAVE: char = '\u{0300}';
const ACUTE: char = '\u{0301}';
const CIRCUMFLEX: char = '\u{0302}';
const TILDE: char = '\u{0303}';
const BREVE: char = '\u{0306}';
const HOOK: char = '\u{0309}';
const HORN: char = '\u{031B}';
const DOT: char = '\u{0323}';

/// The tones, in the order of the forms in [`TONED`].
const TONES: [char; 5] = [GRAVE, ACUTE, TILDE, HOOK, DOT];

/// Each lowercase Vietnamese vowel and then its five toned forms (grave,
/// acute, tilde, hook above, dot below). Upper case is looked up through
/// lower case: every letter here has a one-to-one case pair. Arrays of
/// `char` rather than strings: indexing them needs no UTF-8 decoding code.
const TONED: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ã', 'ả', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẵ', 'ẳ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẫ', 'ẩ', 'ậ'],
    ['e', 'è', 'é', 'ẽ', 'ẻ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ễ', 'ể', 'ệ'],
    ['i', 'ì', 'í', 'ĩ', 'ỉ', 'ị'],
    ['o', 'ò', 'ó', 'õ', 'ỏ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ỗ', 'ổ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ỡ', 'ở', 'ợ'],
    ['u', 'ù', 'ú', 'ũ', 'ủ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ữ', 'ử', 'ự'],
    ['y', 'ỳ', 'ý', 'ỹ', 'ỷ', 'ỵ'],
];

/// The lowercase letters with a vowel mark: (base, mark, letter).
const MARKED: [(char, char, char); 6] = [
    ('a', BREVE, 'ă'),
    ('a', CIRCUMFLEX, 'â'),
    ('e', CIRCUMFLEX, 'ê'),
    ('o', CIRCUMFLEX, 'ô'),
    ('o', HORN, 'ơ'),
    ('u', HORN, 'ư'),
];

/// The canonical combining class of a mark this module handles; `None` for
/// any other character of U+0300–U+036F (and 0 for everything else).
fn class(c: char) -> Option<u8> {
    match c {
        HORN => Some(216),
        DOT => Some(220),
        GRAVE | ACUTE | CIRCUMFLEX | TILDE | BREVE | HOOK | '\u{0340}' | '\u{0341}' => Some(230),
        // The other combining diacritics (and their extensions and
        // supplements): not handled, so a run holding one stays as it is.
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' => None,
        _ => Some(0),
    }
}

/// Whether `s` may hold a combining mark: U+0300–U+037F are the UTF-8
/// sequences that start with the byte 0xCC or 0xCD. A byte scan, because it
/// runs on every keystroke.
fn has_marks(s: &str) -> bool {
    s.bytes().any(|b| b == 0xCC || b == 0xCD)
}

/// `c` in lower case when it is a Vietnamese letter of the table (one to
/// one), with whether it was upper case.
fn lower(c: char) -> (char, bool) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), c.is_ascii_uppercase());
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(lc), None) if lc != c => (lc, true),
        _ => (c, false),
    }
}

fn restore_case(c: char, upper: bool) -> char {
    if !upper {
        return c;
    }
    let mut u = c.to_uppercase();
    match (u.next(), u.next()) {
        (Some(uc), None) => uc,
        _ => c,
    }
}

/// The one-step canonical decomposition of a lowercase letter: the letter
/// it is built on and the mark added last, as Unicode defines it (`ậ` is
/// `ạ` + circumflex, `ợ` is `ơ` + dot below, `ấ` is `â` + acute).
fn split_lower(c: char) -> Option<(char, char)> {
    if let Some(&(base, mark, _)) = MARKED.iter().find(|m| m.2 == c) {
        return Some((base, mark));
    }
    for row in &TONED {
        if let Some(t) = row[1..].iter().position(|&f| f == c) {
            return Some(match (row[0], TONES[t]) {
                // Unicode builds these on the dotted letter, not the marked one.
                ('ă', DOT) => ('ạ', BREVE),
                ('â', DOT) => ('ạ', CIRCUMFLEX),
                ('ê', DOT) => ('ẹ', CIRCUMFLEX),
                ('ô', DOT) => ('ọ', CIRCUMFLEX),
                (v, tone) => (v, tone),
            });
        }
    }
    None
}

/// The inverse of [`split_lower`]: the letter `first` + `mark` composes to.
fn join_lower(first: char, mark: char) -> Option<char> {
    if let Some(&(_, _, letter)) = MARKED.iter().find(|m| m.0 == first && m.1 == mark) {
        return Some(letter);
    }
    let on = match (first, mark) {
        ('ạ', BREVE) => ('ă', DOT),
        ('ạ', CIRCUMFLEX) => ('â', DOT),
        ('ẹ', CIRCUMFLEX) => ('ê', DOT),
        ('ọ', CIRCUMFLEX) => ('ô', DOT),
        ('ă' | 'â' | 'ê' | 'ô', DOT) => return None,
        other => other,
    };
    let t = TONES.iter().position(|&m| m == on.1)?;
    let row = TONED.iter().find(|row| row[0] == on.0)?;
    Some(row[t + 1])
}

/// The longest run of a starter and its marks, decomposed, that is
/// composed; a longer one (no Vietnamese letter has more than three
/// parts) is left as it is.
const RUN: usize = 16;

/// Appends the full canonical decomposition of `c` to `buf[..*n]`; false
/// when it does not fit.
fn decompose_into(c: char, buf: &mut [char; RUN], n: &mut usize) -> bool {
    let c = match c {
        '\u{0340}' => GRAVE,
        '\u{0341}' => ACUTE,
        c => c,
    };
    let (l, upper) = lower(c);
    // The letter's parts first, then its last mark (or the character).
    let last = match split_lower(l) {
        Some((first, mark)) => {
            if !decompose_into(restore_case(first, upper), buf, n) {
                return false;
            }
            mark
        }
        None => c,
    };
    if *n == RUN {
        return false;
    }
    buf[*n] = last;
    *n += 1;
    true
}

/// `s` in Unicode NFC, for Vietnamese (see the module documentation).
/// Borrowed, with no allocation, when `s` holds no combining mark: ASCII
/// and already composed text, i.e. nearly every keystroke.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if !has_marks(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    // One starter and the marks after it at a time: `s[start..i]`.
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if i > 0 && class(c) == Some(0) {
            compose_cluster(&s[start..i], &mut out);
            start = i;
        }
    }
    compose_cluster(&s[start..], &mut out);
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// One character and the combining marks after it, composed onto `out`.
fn compose_cluster(cluster: &str, out: &mut String) {
    let mut buf = ['\0'; RUN];
    let mut n = 0;
    if !has_marks(cluster)
        || !cluster
            .chars()
            .all(|c| class(c).is_some() && decompose_into(c, &mut buf, &mut n))
    {
        out.push_str(cluster);
        return;
    }
    let chars = &mut buf[..n];
    // Canonical ordering: the marks stably sorted by class. Decomposing a
    // starter yields a starter first, so only marks follow index 0 —
    // except when the cluster opens with a mark (text that starts with
    // one). An insertion sort: a run is a few marks, and the standard
    // sort's code would cost more wasm than all of this module.
    let first_mark = usize::from(class(chars[0]) == Some(0));
    let cc = |c: char| class(c).unwrap_or(0);
    for i in first_mark + 1..n {
        let mut j = i;
        while j > first_mark && cc(chars[j - 1]) > cc(chars[j]) {
            chars.swap(j - 1, j);
            j -= 1;
        }
    }
    if first_mark == 0 {
        out.extend(chars.iter());
        return;
    }
    // Canonical composition: a mark joins the starter unless an earlier
    // mark that stayed has a class as high as its own (it is blocked). The
    // marks that stay move down to chars[1..kept].
    let mut starter = chars[0];
    let (mut kept, mut last_kept) = (1, 0);
    for i in 1..n {
        let m = chars[i];
        let blocked = kept > 1 && last_kept >= cc(m);
        let (l, upper) = lower(starter);
        match join_lower(l, m).filter(|_| !blocked) {
            Some(joined) => starter = restore_case(joined, upper),
            None => {
                chars[kept] = m;
                kept += 1;
                last_kept = cc(m);
            }
        }
    }
    out.push(starter);
    out.extend(chars[1..kept].iter());
}

/// `c` as ASCII when it is a Vietnamese letter (`ế` → `e`, `Đ` → `D`);
/// any other character as it is.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        'đ' => return 'd',
        'Đ' => return 'D',
        _ => {}
    }
    let (mut l, upper) = lower(c);
    while let Some((first, _)) = split_lower(l) {
        l = first;
    }
    if l.is_ascii() {
        restore_case(l, upper)
    } else {
        c
    }
}

/// `s` with its Vietnamese letters as ASCII, composed or decomposed
/// (`Đồng`, or `Đ` `o` U+0302 U+0300 `ng` → `Dong`): letters through
/// [`fold`], the marks that build Vietnamese letters dropped. Other
/// characters stay; making a file name of it is the caller's part.
pub fn fold_ascii(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !matches!(class(c), Some(1..)))
            .map(fold)
            .collect(),
    )
}

/// JSON text with every string in NFC. Composition never crosses a
/// string's quotes: a quote is not a letter marks compose with, and marks
/// only occur inside strings. It never reaches into an escape either: a
/// mark after `\u001a` (a control character) must not join the escape's
/// last digit `a`, so the text is composed in pieces that end after each
/// `\uXXXX`. Other `\u` escapes (as Python writes every non-ASCII
/// character) are not decoded: this is for JSON as serde_json writes it,
/// non-ASCII as it is, which import makes from the parsed file.
pub fn nfc_json(json: &str) -> Cow<'_, str> {
    if !has_marks(json) {
        return Cow::Borrowed(json);
    }
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let (mut from, mut i) = (0, 0);
    while i < b.len() {
        match (b[i], b.get(i + 1)) {
            (b'\\', Some(b'u')) => {
                i = (i + 6).min(b.len());
                out.push_str(&nfc(&json[from..i]));
                from = i;
            }
            (b'\\', _) => i += 2,
            _ => i += 1,
        }
    }
    out.push_str(&nfc(&json[from..]));
    if out == json {
        Cow::Borrowed(json)
    } else {
        Cow::Owned(out)
    }
}

/// Every string of `notice` in NFC; whether any changed. For a whole notice
/// that did not come through [`crate::core::json::import`] (which already
/// normalises); an edit of one field needs only [`nfc`] of its text.
///
/// It goes through the notice's JSON, so it knows every field the model
/// has, now and later, and costs a serialisation when nothing needs
/// composing.
pub fn normalise_notice(notice: &mut Notice) -> bool {
    let Ok(text) = serde_json::to_string(&*notice) else {
        return false;
    };
    let Cow::Owned(composed) = nfc_json(&text) else {
        return false;
    };
    // Through import's own reader, not serde's `Deserialize` for `Notice`
    // (a second entry into it, in the wasm for this call alone).
    let read = serde_json::from_str(&composed).map(crate::core::json_read::notice);
    match read {
        Ok(Ok(n)) => {
            *notice = n;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_vietnamese() {
        let cases = [
            (
                "PHO\u{301} GIA\u{301}M \u{110}O\u{302}\u{301}C",
                "PHÓ GIÁM ĐỐC",
            ),
            ("Lu\u{31b}u: VT", "Lưu: VT"),
            ("a\u{323}\u{302}", "ậ"),
            ("a\u{302}\u{323}", "ậ"),
            ("A\u{302}\u{323}", "Ậ"),
            ("o\u{323}\u{31b}", "ợ"),
            ("â\u{301}", "ấ"),
            ("ạ\u{306}", "ặ"),
            ("â\u{323}", "ậ"),
            // Same class, acute first: the circumflex is blocked (as in NFC).
            ("a\u{301}\u{302}", "á\u{302}"),
            ("e\u{341}", "é"),
            ("\u{301}a", "\u{301}a"),
            ("plain ASCII", "plain ASCII"),
            ("Đã có sẵn", "Đã có sẵn"),
            // Another mark in the run: left as it was.
            ("c\u{327}\u{301}", "c\u{327}\u{301}"),
        ];
        for (input, want) in cases {
            assert_eq!(nfc(input), want, "{input:?}");
        }
    }

    #[test]
    fn json_escapes_are_never_composed_into() {
        // "\u{1a}" + acute: serde_json writes the control character as
        // \u001a, whose last digit is an `a`.
        let json = serde_json::to_string(&["\u{1a}\u{301}x", "e\u{301}\n\u{1e}e\u{301}"]).unwrap();
        let composed = nfc_json(&json);
        let back: Vec<String> = serde_json::from_str(&composed).unwrap();
        assert_eq!(back, ["\u{1a}\u{301}x", "é\n\u{1e}é"]);
    }

    #[test]
    fn a_run_longer_than_any_letter_is_left_as_it_is() {
        let long = format!("a{}", "\u{323}\u{300}".repeat(10));
        assert_eq!(nfc(&long), long);
        assert_eq!(nfc(&format!("x{long}e\u{301}")), format!("x{long}é"));
    }

    #[test]
    fn borrows_when_nothing_changes() {
        assert!(matches!(nfc("Chi Lăng 72.032"), Cow::Borrowed(_)));
        assert!(matches!(nfc("á\u{302}"), Cow::Borrowed(_)));
        assert!(matches!(nfc("e\u{301}"), Cow::Owned(_)));
    }

    #[test]
    fn folds_to_ascii() {
        assert_eq!(fold_ascii("Đồng Đăng"), "Dong Dang");
        assert_eq!(fold_ascii("\u{110}o\u{302}\u{300}ng"), "Dong");
        assert_eq!(fold_ascii("Ậ ự Ỹ ý"), "A u Y y");
        assert_eq!(fold_ascii("“Chi Lăng”"), "“Chi Lang”");
        assert_eq!(fold('ß'), 'ß');
    }
}
