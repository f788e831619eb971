//! Numbers and dates as officers type and paste them (issue 5), end to end:
//! overflow, negatives, decimals in counts, Unicode digits, no-break and
//! other spaces, 29 February in common years, day 31 of 30-day months.
//!
//! Each value goes through the parser (`core::format::{number, date}`) and,
//! typed into the Chi Lăng sample, through `check` in draft and final mode:
//! it must give exactly one finding on its field (`figure.number` or
//! `date.valid`; every other rule skips a value that does not parse), whose
//! Vietnamese and English messages say what is wrong. The unit tests in
//! src/core/format cover the parsers' variants one by one; this file is the
//! officer's view of them.

use proptest::prelude::*;
use thongbao::core::check::{check, Finding, Mode};
use thongbao::core::field;
use thongbao::core::format::date::{date_from_parts, days_in_month, parse_date, DateError};
use thongbao::core::format::number::{
    format_count, parse_count, parse_decimal, NumError, MAX_COUNT,
};
use thongbao::core::lang::Lang;
use thongbao::core::model::Notice;
use thongbao::core::render::figure_text;
use thongbao::core::samples;

/// The Chi Lăng sample, parsed once.
fn sample() -> Notice {
    static SAMPLE: std::sync::OnceLock<Notice> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(samples::sample).clone()
}

/// Count-like figures of the sample, each in a different rule's reach: the
/// safe-home chain, a part of a sum, a sum's total, a part ≤ whole, an
/// amount, a rate, a fraction's numerator and denominator (a derived
/// percentage's source).
const COUNT_FIELDS: &[&str] = &[
    "fig/safe_home.committed/value",
    "fig/signs.province/value",
    "fig/deaths.total/value",
    "fig/screening.examined/value",
    "fig/support.drowning/value",
    "fig/sponsor.rate/value",
    "fig/edu.grade5/value",
    "fig/edu.grade5/total",
];

/// Percentages: a stated one and one derived from a fraction.
const PERCENT_FIELDS: &[&str] = &["fig/health.insured_pct/value", "fig/edu.grade5_pct/value"];

/// Typed dates: the inspection day and a cited document's date.
const DATE_FIELDS: &[&str] = &["opening/inspection_date", "ref/cv548/date"];

/// The findings of every rule that name `path`, in draft and in final mode.
fn findings_on(n: &Notice, path: &str) -> Vec<(Mode, Finding)> {
    [Mode::Draft, Mode::Final]
        .into_iter()
        .flat_map(|mode| check(n, mode).into_iter().map(move |f| (mode, f)))
        .filter(|(_, f)| f.fields.iter().any(|p| p == path))
        .collect()
}

/// `value` typed into `path` of the sample gives, in both modes, exactly one
/// finding naming the field: `rule`, on `finding_field`, whose messages hold
/// every needle.
fn assert_one_finding(
    edits: &[(&str, &str)],
    finding_field: &str,
    rule: &str,
    vi: &[String],
    en: &[String],
) {
    let mut n = sample();
    for (path, value) in edits {
        assert!(
            field::set(&mut n, path, value.to_string()),
            "no field {path}"
        );
    }
    let on = findings_on(&n, finding_field);
    let what = format!("{edits:?}");
    assert_eq!(
        on.len(),
        2,
        "{what}: want one {rule} finding on {finding_field} per mode, got {:#?}",
        on.iter()
            .map(|(m, f)| (m, f.rule, &f.message_en))
            .collect::<Vec<_>>()
    );
    for (_, f) in &on {
        assert_eq!(f.rule, rule, "{what}: {}", f.message_en);
        assert_eq!(
            f.field().map(ToString::to_string).as_deref(),
            Some(finding_field),
            "{what}"
        );
        for needle in vi {
            assert!(
                f.message_vi.contains(needle.as_str()),
                "{what}: {:?} lacks {needle:?}",
                f.message_vi
            );
        }
        for needle in en {
            assert!(
                f.message_en.contains(needle.as_str()),
                "{what}: {:?} lacks {needle:?}",
                f.message_en
            );
        }
    }
}

fn strings(s: &[&str]) -> Vec<String> {
    s.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_fields_used_here_are_clean_in_the_sample() {
    let n = sample();
    for path in COUNT_FIELDS.iter().chain(PERCENT_FIELDS).chain(DATE_FIELDS) {
        assert!(field::get(&n, path).is_some(), "no field {path}");
        let on: Vec<_> = findings_on(&n, path)
            .into_iter()
            .map(|(_, f)| f.rule)
            .collect();
        assert!(on.is_empty(), "{path} already has findings {on:?}");
    }
}

// ---------------------------------------------------------------------------
// Counts, amounts, rates, fractions.

/// (typed, what the parser says, needles vi, needles en)
type NumCase = (String, fn(&NumError) -> bool, Vec<String>, Vec<String>);

fn count_cases() -> Vec<NumCase> {
    let mut cases: Vec<NumCase> = Vec::new();
    let max = format_count(MAX_COUNT);
    let too_large = |e: &NumError| *e == NumError::TooLarge;
    for typed in [
        "1000000000000000000".to_string(),
        "18446744073709551616".to_string(),
        "9".repeat(60),
        "1.000.000.000.000.000.000".to_string(),
        "1 000 000 000 000 000 000".to_string(),
        "1\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000".to_string(),
        " 99999999999999999999999 ".to_string(),
    ] {
        cases.push((
            typed,
            too_large,
            vec!["quá lớn".into(), max.clone()],
            vec!["too large".into(), max.clone()],
        ));
    }
    let negative = |e: &NumError| *e == NumError::Negative;
    for typed in [
        "-5",
        "\u{2212}5",
        "- 72.032",
        "-0",
        "  -1.234  ",
        "-3,5",
        "-\u{a0}02",
    ] {
        cases.push((
            typed.into(),
            negative,
            strings(&["âm", "dấu trừ"]),
            strings(&["negative", "minus"]),
        ));
    }
    let decimal = |e: &NumError| *e == NumError::Decimal;
    for typed in ["3,5", "72.032,5", "98.9", "0,5", "3,0", "1.234,56", " 2,5 "] {
        cases.push((
            typed.into(),
            decimal,
            strings(&["số nguyên", "thập phân"]),
            strings(&["whole number", "decimal"]),
        ));
    }
    // Thousands grouped with commas, as English writes them: the message
    // says Vietnamese uses dots and gives the number so spelled.
    let comma = |e: &NumError| matches!(e, NumError::CommaThousands { .. });
    for (typed, fixed) in [
        ("72,032", "72.032"),
        ("1,234,567", "1.234.567"),
        (" 3,000 ", "3.000"),
    ] {
        cases.push((
            typed.into(),
            comma,
            strings(&["tiếng Việt viết dấu chấm ngăn cách hàng nghìn", fixed]),
            strings(&["Vietnamese writes a dot between thousands", fixed]),
        ));
    }
    let grouping = |e: &NumError| matches!(e, NumError::BadGrouping { .. });
    for typed in [
        "72\u{a0}\u{a0}032",
        "72.032\u{a0}123",
        "7\u{202f}2032",
        "72 03",
    ] {
        cases.push((
            typed.into(),
            grouping,
            vec![format!("“{typed}”"), "3 chữ số".into()],
            vec![format!("“{typed}”"), "3 digits".into()],
        ));
    }
    // Other scripts' digits are not read as numbers: the message quotes them.
    let nan = |e: &NumError| matches!(e, NumError::NotANumber { .. });
    for typed in UNICODE_DIGITS {
        cases.push((
            typed.to_string(),
            nan,
            vec![format!("“{typed}”"), "không phải là số".into()],
            vec![format!("“{typed}”"), "not a number".into()],
        ));
    }
    cases
}

/// Numbers in other scripts' digits, fullwidth, mathematical, mixed.
const UNICODE_DIGITS: &[&str] = &[
    "٧٢٠٣٢",       // Arabic-Indic
    "۷۲۰۳۲",       // Extended Arabic-Indic (Persian)
    "७२०३२",       // Devanagari
    "৭২",          // Bengali
    "๗๒",          // Thai
    "７２０３２",  // fullwidth
    "７２.０３２", // fullwidth with a dot
    "𝟕𝟐",          // mathematical bold
    "72٠32",       // one Arabic-Indic zero among ASCII
    "٩٨٫٩",        // Arabic-Indic with the Arabic decimal separator
];

#[test]
fn counts_name_what_is_wrong_in_the_parser() {
    for (typed, want, vi, en) in count_cases() {
        let e = parse_count(&typed).expect_err(&typed);
        assert!(want(&e), "{typed:?}: {e:?}");
        let (mvi, men) = (e.message(Lang::Vi), e.message(Lang::En));
        for needle in &vi {
            assert!(
                mvi.contains(needle.as_str()),
                "{typed:?}: {mvi:?} lacks {needle:?}"
            );
        }
        for needle in &en {
            assert!(
                men.contains(needle.as_str()),
                "{typed:?}: {men:?} lacks {needle:?}"
            );
        }
    }
}

#[test]
fn counts_typed_into_the_sample_give_one_figure_number_finding() {
    for (typed, _, vi, en) in count_cases() {
        for path in COUNT_FIELDS {
            assert_one_finding(&[(path, &typed)], path, "figure.number", &vi, &en);
        }
    }
}

#[test]
fn spaces_officers_type_around_and_inside_numbers_are_read() {
    let accepted = [
        ("72\u{a0}032", 72_032),
        ("\u{a0}72.032\u{a0}", 72_032),
        ("72\u{202f}032", 72_032),
        ("72\u{2009}032", 72_032),
        ("\t72.032\n", 72_032),
        ("\u{3000}72.032\u{3000}", 72_032),
        ("  02  ", 2),
        ("\u{2003}1\u{a0}234\u{a0}567\u{2003}", 1_234_567),
        (
            "999\u{a0}999\u{a0}999\u{a0}999\u{a0}999\u{a0}999",
            MAX_COUNT,
        ),
    ];
    for (typed, want) in accepted {
        assert_eq!(parse_count(typed), Ok(want), "{typed:?}");
        for path in COUNT_FIELDS {
            let mut n = sample();
            assert!(field::set(&mut n, path, typed.to_string()));
            let bad: Vec<_> = findings_on(&n, path)
                .into_iter()
                .filter(|(_, f)| f.rule == "figure.number")
                .collect();
            assert!(bad.is_empty(), "{typed:?} in {path}: {bad:?}");
        }
    }
    // Shown with the decree's dots, whatever spaces were typed.
    let mut n = sample();
    field::set(
        &mut n,
        "fig/safe_home.committed/value",
        "\u{a0}9\u{202f}969 ".into(),
    );
    let f = n.figure("safe_home.committed").unwrap();
    assert!(figure_text(f).starts_with("9.969"), "{}", figure_text(f));
}

// ---------------------------------------------------------------------------
// Percentages.

/// (typed, what the parser says, needles vi, needles en)
type PercentCase = (
    &'static str,
    fn(&NumError) -> bool,
    Vec<String>,
    Vec<String>,
);

#[test]
fn percentages_name_what_is_wrong() {
    let cases: Vec<PercentCase> = vec![
        (
            "1000000000000",
            |e| *e == NumError::TooLarge,
            strings(&["quá lớn", "999.999.999.999"]),
            strings(&["too large", "999.999.999.999"]),
        ),
        (
            "1.000.000.000.000,5%",
            |e| *e == NumError::TooLarge,
            strings(&["quá lớn"]),
            strings(&["too large"]),
        ),
        (
            "98,1234567",
            |e| matches!(e, NumError::TooManyDecimals { max: 6 }),
            strings(&["thập phân", "6"]),
            strings(&["decimals", "6"]),
        ),
        (
            "-5%",
            |e| *e == NumError::Negative,
            strings(&["âm"]),
            strings(&["negative"]),
        ),
        (
            "\u{2212}0,5",
            |e| *e == NumError::Negative,
            strings(&["âm"]),
            strings(&["negative"]),
        ),
        (
            "٩٨٫٩",
            |e| matches!(e, NumError::NotANumber { .. }),
            strings(&["“٩٨٫٩”"]),
            strings(&["“٩٨٫٩”"]),
        ),
        (
            "９８,９",
            |e| matches!(e, NumError::NotANumber { .. }),
            strings(&["“９８,９”"]),
            strings(&["“９８,９”"]),
        ),
    ];
    for (typed, want, vi, en) in cases {
        let e = parse_decimal(typed).expect_err(typed);
        assert!(want(&e), "{typed:?}: {e:?}");
        for path in PERCENT_FIELDS {
            assert_one_finding(&[(path, typed)], path, "figure.number", &vi, &en);
        }
    }
    for typed in ["98,9\u{a0}%", "\u{a0}98,9%\u{a0}", " 100 ", "100\u{202f}%"] {
        assert!(parse_decimal(typed).is_ok(), "{typed:?}");
        for path in PERCENT_FIELDS {
            let mut n = sample();
            field::set(&mut n, path, typed.into());
            assert!(
                !findings_on(&n, path)
                    .iter()
                    .any(|(_, f)| f.rule == "figure.number"),
                "{typed:?} in {path}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Dates.

type DateCase = (
    &'static str,
    fn(&DateError) -> bool,
    Vec<String>,
    Vec<String>,
);

fn date_cases() -> Vec<DateCase> {
    let mut cases: Vec<DateCase> = Vec::new();
    let not_leap = |e: &DateError| {
        matches!(
            e,
            DateError::BadDay {
                day: 29,
                month: 2,
                ..
            }
        )
    };
    for (typed, year) in [
        ("29/2/2023", "2023"),
        ("29/02/1900", "1900"),
        ("29/2/2100", "2100"),
        ("29-02-2019", "2019"),
        ("2023-02-29", "2023"),
        ("29.2.2023", "2023"),
        (" 29 / 02 / 2023 ", "2023"),
        ("\u{a0}29/2/2023\u{a0}", "2023"),
    ] {
        cases.push((
            typed,
            not_leap,
            vec![
                "không nhuận".into(),
                "28 ngày".into(),
                format!("29/02/{year}"),
            ],
            vec![
                "not a leap year".into(),
                "28 days".into(),
                format!("29/02/{year}"),
            ],
        ));
    }
    let day31 = |e: &DateError| matches!(e, DateError::BadDay { day: 31, .. });
    for (typed, month, name) in [
        ("31/4/2024", 4, "April"),
        ("31/6/2024", 6, "June"),
        ("31/09/2024", 9, "September"),
        ("31/11/2024", 11, "November"),
        ("2024-04-31", 4, "April"),
    ] {
        cases.push((
            typed,
            day31,
            vec![format!("tháng {month} chỉ có 30 ngày")],
            vec![format!("{name} has 30 days")],
        ));
    }
    cases.push((
        "30/2/2024",
        |e| {
            matches!(
                e,
                DateError::BadDay {
                    day: 30,
                    month: 2,
                    year: 2024
                }
            )
        },
        strings(&["tháng 2 năm 2024 chỉ có 29 ngày"]),
        strings(&["February 2024 has 29 days"]),
    ));
    cases.push((
        "0/1/2024",
        |e| matches!(e, DateError::BadDay { day: 0, .. }),
        strings(&["Không có ngày 0"]),
        strings(&["no day 0"]),
    ));
    cases.push((
        "17/7/9999",
        |e| matches!(e, DateError::BadYear { year: 9999 }),
        strings(&["9999", "1900–2100"]),
        strings(&["9999", "1900–2100"]),
    ));
    cases.push((
        "17/13/2024",
        |e| matches!(e, DateError::BadMonth { month: 13 }),
        strings(&["tháng 13", "1 đến 12"]),
        strings(&["month 13", "1 to 12"]),
    ));
    let malformed = |e: &DateError| matches!(e, DateError::Malformed { .. });
    for typed in [
        "١٧/٧/٢٠٢٤",
        "۱۷/۷/۲۰۲۴",
        "१७/७/२०२४",
        "１７/７/２０２４",
        "17／7／2024",
        "99999999999999999999/1/2024",
        "17/7/99999999999999999999",
        "-17/7/2024",
        "17,5/7/2024",
    ] {
        cases.push((
            typed,
            malformed,
            vec![format!("“{typed}”"), "ngày/tháng/năm".into()],
            vec![format!("“{typed}”"), "day/month/year".into()],
        ));
    }
    cases
}

#[test]
fn dates_name_what_is_wrong() {
    for (typed, want, vi, en) in date_cases() {
        let e = parse_date(typed).expect_err(typed);
        assert!(want(&e), "{typed:?}: {e:?}");
        for path in DATE_FIELDS {
            assert_one_finding(&[(path, typed)], path, "date.valid", &vi, &en);
        }
    }
}

#[test]
fn spaces_around_dates_are_read() {
    for typed in [
        "\u{a0}17/7/2024\u{a0}",
        "17\u{a0}/\u{a0}7\u{a0}/\u{a0}2024",
        "\u{3000}17/7/2024",
        " 17 / 7 / 2024 ",
        "\t2024-07-17\n",
    ] {
        assert!(parse_date(typed).is_ok(), "{typed:?}");
        for path in DATE_FIELDS {
            let mut n = sample();
            field::set(&mut n, path, typed.into());
            assert!(
                !findings_on(&n, path)
                    .iter()
                    .any(|(_, f)| f.rule == "date.valid"),
                "{typed:?} in {path}"
            );
        }
    }
}

#[test]
fn the_notice_date_fields_name_what_is_wrong() {
    type Case = (
        (&'static str, &'static str, &'static str),
        Vec<String>,
        Vec<String>,
    );
    let cases: Vec<Case> = vec![
        (
            ("29", "2", "2023"),
            strings(&["Ngày ban hành", "không nhuận", "29/02/2023"]),
            strings(&["Date of issue", "not a leap year", "29/02/2023"]),
        ),
        (
            ("31", "4", "2024"),
            strings(&["tháng 4 chỉ có 30 ngày"]),
            strings(&["April has 30 days"]),
        ),
        (
            (" 31 ", "\u{a0}06\u{a0}", "2024"),
            strings(&["tháng 6 chỉ có 30 ngày"]),
            strings(&["June has 30 days"]),
        ),
        (("٢٩", "2", "2024"), strings(&["“٢٩”"]), strings(&["“٢٩”"])),
        (
            ("２９", "2", "2024"),
            strings(&["“２９”"]),
            strings(&["“２９”"]),
        ),
        (
            ("99999999999999999999", "8", "2024"),
            strings(&["“99999999999999999999”"]),
            strings(&["“99999999999999999999”"]),
        ),
        (("-1", "8", "2024"), strings(&["“-1”"]), strings(&["“-1”"])),
        (
            ("1,5", "8", "2024"),
            strings(&["“1,5”"]),
            strings(&["“1,5”"]),
        ),
        (
            ("15", "8", "20245"),
            strings(&["20245", "1900–2100"]),
            strings(&["20245", "1900–2100"]),
        ),
    ];
    for ((day, month, year), vi, en) in cases {
        assert!(date_from_parts(day, month, year).is_err());
        assert_one_finding(
            &[
                ("header/day", day),
                ("header/month", month),
                ("header/year", year),
            ],
            "header/day",
            "date.valid",
            &vi,
            &en,
        );
    }
    // With the day still blank, a bad month or year is reported on the month.
    assert_one_finding(
        &[("header/month", "١٢")],
        "header/month",
        "date.valid",
        &strings(&["“١٢”"]),
        &strings(&["“١٢”"]),
    );
    assert_one_finding(
        &[("header/month", "13")],
        "header/month",
        "date.valid",
        &strings(&["tháng 13"]),
        &strings(&["month 13"]),
    );
    // No-break spaces and leading zeros around the parts are fine.
    let mut n = sample();
    for (path, v) in [
        ("header/day", "\u{a0}05\u{a0}"),
        ("header/month", " 08 "),
        ("header/year", "\u{3000}2024"),
    ] {
        field::set(&mut n, path, v.into());
    }
    assert!(!check(&n, Mode::Final)
        .iter()
        .any(|f| f.rule == "date.valid"));
}

// ---------------------------------------------------------------------------
// Properties.

/// Decimal digits of other scripts (zero of each block; the block holds ten).
const DIGIT_ZEROS: &[char] = &[
    '\u{0660}',
    '\u{06F0}',
    '\u{07C0}',
    '\u{0966}',
    '\u{09E6}',
    '\u{0A66}',
    '\u{0AE6}',
    '\u{0B66}',
    '\u{0BE6}',
    '\u{0C66}',
    '\u{0CE6}',
    '\u{0D66}',
    '\u{0E50}',
    '\u{0ED0}',
    '\u{0F20}',
    '\u{1040}',
    '\u{17E0}',
    '\u{1810}',
    '\u{FF10}',
    '\u{1D7CE}',
    '\u{1D7D8}',
    '\u{1D7E2}',
    '\u{1D7EC}',
    '\u{1D7F6}',
];

fn foreign_digit() -> impl Strategy<Value = char> {
    (prop::sample::select(DIGIT_ZEROS), 0..10u32)
        .prop_map(|(zero, d)| char::from_u32(zero as u32 + d).expect("a digit"))
}

/// Whitespace that trimming removes (Unicode White_Space).
fn blank() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            ' ', '\u{a0}', '\t', '\u{3000}', '\u{2003}', '\u{202f}', '\n',
        ]),
        0..3,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A number written with any other script's digit in it is never read
    /// as a number, and the message quotes what was typed.
    #[test]
    fn foreign_digits_are_never_numbers(
        ascii in "[0-9]{0,6}",
        at in any::<prop::sample::Index>(),
        digits in prop::collection::vec(foreign_digit(), 1..4),
    ) {
        let mut typed = ascii.clone();
        let pos = at.index(ascii.len() + 1);
        typed.insert_str(pos, &digits.iter().collect::<String>());
        let e = parse_count(&typed).unwrap_err();
        prop_assert!(matches!(e, NumError::NotANumber { .. }), "{:?}: {:?}", typed, e);
        let quoted = format!("“{}”", typed.trim());
        prop_assert!(e.message(Lang::Vi).contains(&quoted));
        prop_assert!(parse_decimal(&typed).is_err());
        let date = format!("{typed}/7/2024");
        prop_assert!(parse_date(&date).is_err());
    }

    /// Any count, grouped with any accepted space and wrapped in any
    /// whitespace, reads back and renders with the decree's dots.
    #[test]
    fn spaced_counts_read_back(
        n in 0..=MAX_COUNT,
        sep in prop::sample::select(vec![".", " ", "\u{a0}", "\u{202f}", "\u{2009}", ""]),
        before in blank(),
        after in blank(),
    ) {
        let typed = format!("{before}{}{after}", format_count(n).replace('.', sep));
        prop_assert_eq!(parse_count(&typed), Ok(n), "{:?}", typed);
        let mut notice = sample();
        field::set(&mut notice, "fig/safe_home.committed/value", typed.clone());
        let shown = figure_text(notice.figure("safe_home.committed").unwrap());
        prop_assert!(shown.starts_with(&format_count(n)), "{:?} shown {:?}", typed, shown);
    }

    /// 29 February exists exactly in leap years; otherwise the message says
    /// the year is not a leap year.
    #[test]
    fn february_29(year in 1900u16..=2100) {
        let leap = days_in_month(year, 2) == 29;
        match parse_date(&format!("29/2/{year}")) {
            Ok(_) => prop_assert!(leap),
            Err(e) => {
                prop_assert!(!leap);
                prop_assert!(e.message(Lang::Vi).contains("không nhuận"));
                prop_assert!(e.message(Lang::En).contains("not a leap year"));
            }
        }
    }

    /// Day 31 of a 30-day month never exists and the message gives the
    /// month's length.
    #[test]
    fn day_31_of_short_months(year in 1900u16..=2100, month in prop::sample::select(vec![4u8, 6, 9, 11])) {
        let e = parse_date(&format!("31/{month}/{year}")).unwrap_err();
        let says = format!("tháng {month} chỉ có 30 ngày");
        prop_assert!(e.message(Lang::Vi).contains(&says));
        prop_assert!(e.message(Lang::En).contains("has 30 days"));
        let e = date_from_parts("31", &month.to_string(), &year.to_string()).unwrap_err();
        prop_assert!(e.message(Lang::Vi).contains("30 ngày"));
    }
}

// ---------------------------------------------------------------------------
// Messages that do not yet say what is wrong (bugs, reported).

/// What the officer must be told about `typed`, in both languages.
fn message_says(typed: &str, vi_any: &[&str], en_any: &[&str]) -> Result<(), String> {
    let e = parse_count(typed).expect_err(typed);
    let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
    if !vi_any.iter().any(|n| vi.contains(n)) || !en_any.iter().any(|n| en.contains(n)) {
        return Err(format!("{typed:?}: {e:?}\n  vi: {vi}\n  en: {en}"));
    }
    Ok(())
}

fn all_say(inputs: &[&str], vi_any: &[&str], en_any: &[&str]) {
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|t| message_says(t, vi_any, en_any).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bug_foreign_digits_are_named() {
    all_say(UNICODE_DIGITS, &["0–9", "0-9"], &["0–9", "0-9"]);
}

#[test]
fn bug_invisible_characters_are_named() {
    all_say(
        &[
            "72\u{200b}032",
            "72.032\u{200b}",
            "\u{feff}72.032",
            "72\u{ad}032",
            "72\u{2060}032",
            "72\u{2007}032",
        ],
        &["U+"],
        &["U+"],
    );
    // The same in a date: “17/7/2024​” cannot be read, and nothing says why.
    let failures: Vec<String> = ["17/7/2024\u{200b}", "\u{feff}17/7/2024", "17/7/20\u{ad}24"]
        .iter()
        .filter_map(|t| {
            let e = parse_date(t).expect_err(t);
            let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
            (!vi.contains("U+") || !en.contains("U+")).then(|| format!("{t:?}: {vi} / {en}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bug_dash_minus_is_negative() {
    all_say(
        &["\u{2013}5", "\u{2010}5", "\u{ff0d}5", "\u{fe63}5"],
        &["âm"],
        &["negative"],
    );
}

#[test]
fn a_count_typed_with_commas_is_offered_with_dots() {
    for (typed, fixed) in [("72,032", "72.032"), ("1,234,567", "1.234.567")] {
        let e = parse_count(typed).unwrap_err();
        assert_eq!(e.suggestion(), Some(fixed), "{typed}");
        for path in COUNT_FIELDS {
            let mut n = sample();
            assert!(field::set(&mut n, path, typed.to_string()));
            let found = findings_on(&n, path);
            let fix = found[0].1.fix.as_ref().expect("a fix is offered");
            assert_eq!(
                (fix.field.to_string().as_str(), fix.value.as_str()),
                (*path, fixed)
            );
            assert_eq!(fix.label_vi, format!("Dùng {fixed}"));
        }
    }
    // Decimals and what is not grouped by three stay what they were.
    for typed in ["3,5", "0,500", "1.234,567", "72,03", "72,0321"] {
        assert!(
            parse_count(typed).unwrap_err().suggestion().is_none(),
            "{typed}"
        );
    }
}
