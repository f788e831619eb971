//! Property tests for `core::format`: round trips, agreement with a float
//! computation, and no panic on any input.

use proptest::prelude::*;
use thongbao::core::format::date::{
    date_from_parts, days_in_month, format_place_date, format_running, parse_date, Date, MAX_YEAR,
    MIN_YEAR,
};
use thongbao::core::format::number::{
    format_count, format_decimal, parse_count, parse_decimal, round_half_up, Decimal, MAX_COUNT,
    MAX_DECIMAL_INT, MAX_SCALE,
};
use thongbao::core::format::symbol::{check, type_abbr};
use thongbao::core::lang::Lang;

/// Text made of what numbers, dates and symbols are made of, with the look-alikes.
const TRICKY: &str = "[0-9.,/%\\- \u{00A0}\u{202F}\u{2009}\u{2212}\u{2013}\u{2014}\u{2010}\
                      \u{2044}\u{2215}\u{FF0F}\u{00D0}\u{00F0}ĐđKhQyTBCrLN０-９٠-٩\u{0301}\u{0323}]{0,24}";

fn kinds() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Kế hoạch",
            "Kế hoạch liên ngành",
            "Quyết định",
            "Quy định",
            "Chương trình",
            "Chỉ thị",
            "Thông tư",
            "Nghị định",
            "Nghị quyết",
            "Công văn",
            "Luật",
            "",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn count_round_trips(n in 0..=MAX_COUNT) {
        let text = format_count(n);
        prop_assert_eq!(parse_count(&text), Ok(n));
        prop_assert_eq!(parse_count(&format!("  {text}\u{00A0}")), Ok(n));
        prop_assert_eq!(parse_count(&text.replace('.', "\u{00A0}")), Ok(n));
        prop_assert_eq!(parse_count(&text.replace('.', " ")), Ok(n));
        prop_assert_eq!(parse_count(&text.replace('.', "")), Ok(n));
    }

    #[test]
    fn small_count_round_trips(n in 0u64..100_000) {
        prop_assert_eq!(parse_count(&format_count(n)), Ok(n));
        prop_assert_eq!(parse_count(&format!("0{n}")), Ok(n));
    }

    #[test]
    fn decimal_round_trips(
        scale in 0..=MAX_SCALE,
        int in prop_oneof![0u64..1_000, 0..=MAX_DECIMAL_INT],
        frac_seed in any::<u64>(),
    ) {
        let unit = 10u64.pow(u32::from(scale));
        let d = Decimal { mantissa: int * unit + frac_seed % unit, scale };
        let text = format_decimal(d);
        prop_assert_eq!(parse_decimal(&text), Ok(d), "{}", text);
        prop_assert_eq!(parse_decimal(&format!("{text}%")), Ok(d), "{}%", text);
    }

    #[test]
    fn date_round_trips(year in MIN_YEAR..=MAX_YEAR, month in 1u8..=12, seed in any::<u8>()) {
        let day = 1 + seed % days_in_month(year, month);
        let d = Date { year, month, day };
        prop_assert_eq!(Date::new(year, month, day), Ok(d));
        prop_assert_eq!(parse_date(&format_running(d)), Ok(d));
        let iso = format!("{year:04}-{month:02}-{day:02}");
        prop_assert_eq!(parse_date(&iso), Ok(d));
        prop_assert_eq!(
            date_from_parts(&day.to_string(), &month.to_string(), &year.to_string()),
            Ok(d)
        );
    }

    #[test]
    fn round_half_up_agrees_with_float(
        num in 0u64..=10_000_000,
        den in 1u64..=10_000_000,
        scale in 0u8..=3,
    ) {
        let exact = num as f64 * 100.0 * 10f64.powi(i32::from(scale)) / den as f64;
        let frac = exact - exact.floor();
        prop_assume!((frac - 0.5).abs() > 1e-3);
        let want = exact.round() as u64;
        prop_assert_eq!(round_half_up(num, den, scale), Some(Decimal { mantissa: want, scale }));
    }

    #[test]
    fn parsers_never_panic(s in any::<String>()) {
        check_parsers(&s)?;
    }

    #[test]
    fn parsers_never_panic_on_tricky_text(s in TRICKY) {
        check_parsers(&s)?;
    }

    #[test]
    fn check_never_panics_and_fixes_are_clean(
        number in prop_oneof![TRICKY, any::<String>(), "[0-9]{0,4}"],
        symbol in prop_oneof![
            TRICKY,
            any::<String>(),
            "(20[0-9]{2}/)?(KH|Kh|kh|QĐ|Qđ|QÐ|QyĐ|QYĐ|CTr|CTR|TTLT|KHLN|QH1[0-9]|UBND)([-\u{2013} ][A-ZĐÐ]{1,6}){0,3}",
        ],
        kind in kinds(),
        year in prop::option::of(1900u16..=2100),
    ) {
        let (issues, fix) = check(&number, &symbol, &kind, year);
        for issue in &issues {
            prop_assert!(!issue.message(Lang::Vi).is_empty());
            prop_assert!(!issue.message(Lang::En).is_empty());
        }
        if let Some((n, s)) = fix {
            prop_assert!(!issues.is_empty());
            let (again, refix) = check(&n, &s, &kind, year);
            prop_assert!(again.is_empty(), "{}/{} fixed to {}/{}: {:?}", number, symbol, n, s, again);
            prop_assert_eq!(refix, None);
        }
        let _ = type_abbr(&kind);
    }
}

fn check_parsers(s: &str) -> Result<(), TestCaseError> {
    match parse_count(s) {
        Ok(n) => {
            prop_assert!(n <= MAX_COUNT);
            prop_assert_eq!(parse_count(&format_count(n)), Ok(n));
            if n <= MAX_DECIMAL_INT {
                prop_assert_eq!(
                    parse_decimal(s),
                    Ok(Decimal {
                        mantissa: n,
                        scale: 0
                    })
                );
            }
        }
        Err(e) => {
            prop_assert!(!e.message(Lang::Vi).is_empty() && !e.message(Lang::En).is_empty());
        }
    }
    match parse_decimal(s) {
        Ok(d) => {
            prop_assert!(d.scale <= MAX_SCALE);
            prop_assert_eq!(parse_decimal(&format_decimal(d)), Ok(d));
        }
        Err(e) => {
            prop_assert!(!e.message(Lang::Vi).is_empty() && !e.message(Lang::En).is_empty());
        }
    }
    match parse_date(s) {
        Ok(d) => {
            prop_assert_eq!(Date::new(d.year, d.month, d.day), Ok(d));
            prop_assert_eq!(parse_date(&format_running(d)), Ok(d));
        }
        Err(e) => {
            prop_assert!(!e.message(Lang::Vi).is_empty() && !e.message(Lang::En).is_empty());
        }
    }
    if let Err(e) = date_from_parts(s, s, s) {
        prop_assert!(!e.message(Lang::Vi).is_empty());
    }
    let _ = date_from_parts("1", s, "2024");
    let _ = format_place_date(s, s, s, s);
    let _ = type_abbr(s);
    let _ = check(s, s, s, None);
    Ok(())
}
