//! Decomposed (NFD) Vietnamese: the composer in `src/core/nfc.rs` against
//! the `unicode-normalization` crate's full Unicode NFC, and the notice read
//! decomposed against the notice read composed (same findings, same
//! render), plus the false findings decomposed text used to cause.

use proptest::prelude::*;
use serde_json::Value;
use thongbao::core::check::{check, Mode};
use thongbao::core::json::{import, import_bytes, to_json};
use thongbao::core::nfc::{fold, fold_ascii, nfc, normalise_notice};
use thongbao::core::render::render_html;
use thongbao::core::samples::sample;
use unicode_normalization::UnicodeNormalization;

/// Every Vietnamese vowel with every tone, lower case.
const VOWELS: &str = "aàáãảạăằắẵẳặâầấẫẩậeèéẽẻẹêềếễểệiìíĩỉịoòóõỏọôồốỗổộơờớỡởợuùúũủụưừứữửựyỳýỹỷỵ";
/// The marks the composer handles: the five tones, the vowel marks and the
/// old Vietnamese tone marks.
const MARKS: [char; 10] = [
    '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{306}', '\u{302}', '\u{31b}',
    '\u{340}', '\u{341}',
];

fn letters() -> Vec<char> {
    let mut all: Vec<char> = VOWELS.chars().collect();
    all.extend(VOWELS.chars().flat_map(char::to_uppercase));
    all.extend(['d', 'D', 'đ', 'Đ']);
    all
}

fn std_nfc(s: &str) -> String {
    s.nfc().collect()
}

fn std_nfd(s: &str) -> String {
    s.nfd().collect()
}

/// Whether NFC of `s` is made of what the composer knows: ASCII, the
/// Vietnamese letters and the marks. Full NFC also composes letters of other
/// languages (`ĕ`, `î`, `ṍ`) from the same marks; the composer leaves those
/// decomposed, as it says.
fn vietnamese(s: &str) -> bool {
    let letters = letters();
    std_nfc(s)
        .chars()
        .all(|c| c.is_ascii() || letters.contains(&c) || MARKS.contains(&c))
}

fn permutations(marks: &[char]) -> Vec<Vec<char>> {
    if marks.len() <= 1 {
        return vec![marks.to_vec()];
    }
    let mut out = Vec::new();
    for i in 0..marks.len() {
        let mut rest = marks.to_vec();
        let first = rest.remove(i);
        for mut p in permutations(&rest) {
            p.insert(0, first);
            out.push(p);
        }
    }
    out
}

#[test]
fn every_letter_and_tone_in_every_order_of_its_marks() {
    let mut tried = 0;
    for letter in letters() {
        let s = letter.to_string();
        assert_eq!(nfc(&s), s, "{letter} is composed already");
        let nfd = std_nfd(&s);
        let mut chars = nfd.chars();
        let base = chars.next().unwrap();
        let marks: Vec<char> = chars.collect();
        for order in permutations(&marks) {
            // The base with its marks in this order, and with the first mark
            // already composed onto it (half-composed input).
            let spelled: String = std::iter::once(base).chain(order.iter().copied()).collect();
            let half = format!(
                "{}{}",
                std_nfc(&spelled.chars().take(2).collect::<String>()),
                spelled.chars().skip(2).collect::<String>()
            );
            for input in [spelled, half] {
                assert_eq!(nfc(&input), std_nfc(&input), "{input:?} ({letter})");
                tried += 1;
            }
        }
        assert_eq!(nfc(&nfd), s, "NFD of {letter}");
    }
    assert!(tried > 400, "{tried}");
}

#[test]
fn every_letter_with_up_to_two_marks_matches_unicode_nfc() {
    let mut compared = 0;
    let mut runs: Vec<String> = MARKS.iter().map(|m| m.to_string()).collect();
    for a in MARKS {
        for b in MARKS {
            runs.push(format!("{a}{b}"));
        }
    }
    for base in letters() {
        for run in &runs {
            let input = format!("{base}{run}x");
            if vietnamese(&input) {
                assert_eq!(nfc(&input), std_nfc(&input), "{input:?}");
                compared += 1;
            }
        }
    }
    // Plain bases with three marks: every order the tests above do not
    // build.
    for base in "aeiouyAEIOUY".chars() {
        for a in MARKS {
            for b in MARKS {
                for c in MARKS {
                    let input = format!("{base}{a}{b}{c}");
                    if vietnamese(&input) {
                        assert_eq!(nfc(&input), std_nfc(&input), "{input:?}");
                        compared += 1;
                    }
                }
            }
        }
    }
    assert!(compared > 10_000, "{compared}");
}

#[test]
fn text_already_in_nfc_is_borrowed() {
    let text = to_json(&sample());
    assert!(matches!(nfc(&text), std::borrow::Cow::Borrowed(_)));
    assert_eq!(std_nfc(&text), text);
}

#[test]
fn fold_takes_every_letter_to_its_ascii_base() {
    for letter in letters() {
        let base = std_nfd(&letter.to_string()).chars().next().unwrap();
        let want = match base {
            'đ' => 'd',
            'Đ' => 'D',
            b => b,
        };
        assert_eq!(fold(letter), want, "{letter}");
        assert_eq!(fold_ascii(&std_nfd(&letter.to_string())), want.to_string());
    }
}

#[test]
fn a_decomposed_dong_folds_to_dong_for_file_names() {
    let decomposed = std_nfd("Đồng Đăng");
    assert_ne!(decomposed, "Đồng Đăng");
    assert_eq!(fold_ascii(&decomposed), "Dong Dang");
    assert_eq!(
        fold_ascii(&decomposed).to_lowercase().replace(' ', "-"),
        "dong-dang"
    );
}

/// The sample's JSON with every string put through `f`.
fn sample_json_with(f: &dyn Fn(&str) -> String) -> String {
    fn walk(v: &mut Value, f: &dyn Fn(&str) -> String) {
        match v {
            Value::String(s) => *s = f(s),
            Value::Array(a) => a.iter_mut().for_each(|v| walk(v, f)),
            Value::Object(o) => o.values_mut().for_each(|v| walk(v, f)),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_str(&to_json(&sample())).unwrap();
    walk(&mut value, f);
    serde_json::to_string_pretty(&value).unwrap()
}

/// JSON with every non-ASCII character written as a `\u` escape, as
/// Python's `json.dumps` writes by default.
fn ascii_escaped(json: &str) -> String {
    let mut out = String::new();
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

fn assert_same_as_sample(json: &str) {
    let want = sample();
    let got = import(json).expect("the decomposed sample imports");
    assert_eq!(got, want);
    for mode in [Mode::Draft, Mode::Final] {
        assert_eq!(check(&got, mode), check(&want, mode));
    }
    assert_eq!(render_html(&got), render_html(&want));
}

#[test]
fn the_sample_decomposed_imports_as_the_sample() {
    let decomposed = sample_json_with(&std_nfd);
    assert_ne!(decomposed, to_json(&sample()));
    assert_same_as_sample(&decomposed);
    assert_same_as_sample(&ascii_escaped(&decomposed));
    // And inside an exported HTML notice, through the bytes the CLI reads.
    let embedded = thongbao::core::json::to_embedded_json(&sample());
    let html = render_html(&sample());
    assert!(html.contains(&embedded));
    let html = html.replace(&embedded, &ascii_escaped(&decomposed).replace('\n', ""));
    let got = import_bytes(html.as_bytes()).unwrap();
    assert_eq!(got, sample());
}

#[test]
fn normalise_notice_composes_every_field() {
    let mut n = import(&sample_json_with(&std_nfd)).unwrap();
    // Put decomposed text back into the notice, past import.
    n.signature.position = std_nfd("PHÓ GIÁM ĐỐC");
    n.recipients.last_mut().unwrap().text = std_nfd("Lưu: VT, PXH");
    assert!(normalise_notice(&mut n));
    assert_eq!(n, sample());
    assert!(!normalise_notice(&mut n));
}

#[test]
fn decomposed_signature_and_archive_line_give_no_false_finding() {
    let json = to_json(&sample())
        .replace(
            "\"PHÓ GIÁM ĐỐC\"",
            &serde_json::to_string(&std_nfd("PHÓ GIÁM ĐỐC")).unwrap(),
        )
        .replace(
            "\"Lưu: VT, PXH\"",
            &serde_json::to_string(&std_nfd("Lưu: VT, PXH")).unwrap(),
        );
    assert!(json.contains("PHO\u{301}"));
    // Read past import, the decomposed text is what the checker cannot
    // match; import composes it.
    let mut raw = sample();
    raw.signature.position = std_nfd("PHÓ GIÁM ĐỐC");
    raw.recipients.last_mut().unwrap().text = std_nfd("Lưu: VT, PXH");
    let raw_rules: Vec<&str> = check(&raw, Mode::Draft).iter().map(|f| f.rule).collect();
    assert!(raw_rules.contains(&"signature.deputy"), "{raw_rules:?}");
    assert!(raw_rules.contains(&"recipients.archive"), "{raw_rules:?}");
    let n = import(&json).unwrap();
    let rules: Vec<&str> = check(&n, Mode::Draft).iter().map(|f| f.rule).collect();
    assert!(!rules.contains(&"signature.deputy"), "{rules:?}");
    assert!(!rules.contains(&"recipients.archive"), "{rules:?}");
}

/// A random canonical respelling of `s`: each letter decomposed or not, its
/// marks in any order that means the same (marks of one class keep their
/// order), and the first mark sometimes composed back onto the base.
fn respell(s: &str, seed: &[u8]) -> String {
    let mut out = String::new();
    let mut k = 0usize;
    let mut next = || {
        k += 1;
        seed[k % seed.len()]
    };
    for c in s.chars() {
        let d = std_nfd(&c.to_string());
        if d.chars().count() == 1 || next() % 3 == 0 {
            out.push(c);
            continue;
        }
        let mut chars: Vec<char> = d.chars().collect();
        if chars.len() == 3 && next() % 2 == 0 {
            let (a, b) = (chars[1], chars[2]);
            // Swapping marks of different classes keeps the meaning.
            let class = |m: char| match m {
                '\u{31b}' => 216,
                '\u{323}' => 220,
                _ => 230,
            };
            if class(a) != class(b) {
                chars.swap(1, 2);
            }
        }
        let spelled: String = chars.into_iter().collect();
        if next() % 4 == 0 {
            out.push_str(&std_nfc(&spelled.chars().take(2).collect::<String>()));
            out.extend(spelled.chars().skip(2));
        } else {
            out.push_str(&spelled);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// Every string of the sample, respelled at random (decomposed, marks
    /// reordered, half composed): the same notice, findings and render.
    #[test]
    fn any_canonical_spelling_of_the_sample_is_the_sample(seed in proptest::collection::vec(any::<u8>(), 1..64)) {
        let json = sample_json_with(&|s| respell(s, &seed));
        // The respelling means the same text.
        prop_assert_eq!(std_nfc(&json), sample_json_with(&|s| s.to_string()));
        assert_same_as_sample(&json);
    }
}

#[test]
fn a_mark_after_an_escaped_control_character_survives_import() {
    // serde_json writes U+001A as \u001a: the mark after it must not be
    // composed onto the escape's last digit.
    let mut n = sample();
    n.header.place = "\u{1a}\u{301}Lạng Sơn".into();
    n.header.subject = std_nfd("\u{1e}e\u{301} Thông báo");
    let back = import(&to_json(&n)).unwrap();
    assert_eq!(back.header.place, n.header.place);
    assert_eq!(back.header.subject, "\u{1e}é Thông báo");
}
