//! Dates: parsing what officers type, the decree's place-and-date line, and
//! dates in running text.
//!
//! Accepted: day first with `/`, `-` or `.` (`20/5/2024`, `03/01/2019`,
//! `20-5-2024`, `20.5.2024`; day and month 1–2 digits, year 4 digits) and
//! year first (`2024-05-20`, also `2024/5/20`), one kind of separator per
//! date, spaces around the whole and around separators ignored. Only real
//! Gregorian dates from 1900 to 2100 (see [`MIN_YEAR`], [`MAX_YEAR`]).

use crate::core::format::number::{stray_char, Stray};
use crate::core::lang::Lang;

/// The earliest year accepted.
pub const MIN_YEAR: u16 = 1900;
/// The latest year accepted.
pub const MAX_YEAR: u16 = 2100;
/// What a blank day, month or year prints as in the place-and-date line: five
/// no-break spaces (U+00A0), which HTML does not collapse, leaving room to
/// write the day by hand.
pub const BLANK_GAP: &str = "\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A checked date: year 1900–2100, month 1–12, a day the month has.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        validate(u32::from(year), u32::from(month), u32::from(day))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Nothing typed (or, from separate fields, a field left blank).
    Empty,
    /// Not readable as a date; `text` is what was typed, trimmed.
    Malformed {
        text: String,
    },
    BadMonth {
        month: u32,
    },
    BadDay {
        day: u32,
        month: u8,
        year: u16,
    },
    /// Outside 1900–2100.
    BadYear {
        year: u32,
    },
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `day/month/year` by the zero rule, from raw numbers (for messages).
fn running_parts(day: u32, month: u32, year: u32) -> String {
    let d = if day < 10 {
        format!("0{day}")
    } else {
        day.to_string()
    };
    let m = if month <= 2 {
        format!("0{month}")
    } else {
        month.to_string()
    };
    format!("{d}/{m}/{year}")
}

impl DateError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DateError::Empty => lang
                .pick(
                    "Chưa có ngày, hoặc chưa điền đủ ngày, tháng, năm.",
                    "The date is missing or incomplete.",
                )
                .to_string(),
            DateError::Malformed { text } => match (stray_char(text), lang) {
                (Some(Stray::Hidden(code)), Lang::Vi) => format!(
                    "Không đọc được ngày “{text}”: có một ký tự ẩn ({code}), thường lẫn vào \
                     khi dán; hãy xóa ô này và gõ lại theo dạng ngày/tháng/năm, ví dụ 20/5/2024."
                ),
                (Some(Stray::Hidden(code)), Lang::En) => format!(
                    "Cannot read the date “{text}”: it holds an invisible character ({code}), \
                     usually pasted in; clear the field and type it again as day/month/year, \
                     e.g. 20/5/2024."
                ),
                (Some(Stray::Digit(c)), Lang::Vi) => format!(
                    "Không đọc được ngày “{text}”: có chữ số “{c}” của bảng chữ khác; hãy gõ \
                     chữ số 0–9 theo dạng ngày/tháng/năm, ví dụ 20/5/2024."
                ),
                (Some(Stray::Digit(c)), Lang::En) => format!(
                    "Cannot read the date “{text}”: it has the digit “{c}” from another \
                     script; type the digits 0–9 as day/month/year, e.g. 20/5/2024."
                ),
                (None, Lang::Vi) => format!(
                    "Không đọc được ngày “{text}”: hãy viết theo dạng ngày/tháng/năm, \
                     ví dụ 20/5/2024."
                ),
                (None, Lang::En) => format!(
                    "Cannot read the date “{text}”: write it as day/month/year, \
                     e.g. 20/5/2024."
                ),
            },
            DateError::BadMonth { month } => match lang {
                Lang::Vi => format!("Không có tháng {month}: tháng phải từ 1 đến 12."),
                Lang::En => format!("There is no month {month}: the month must be 1 to 12."),
            },
            DateError::BadYear { year } => match lang {
                Lang::Vi => format!(
                    "Năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}: hãy kiểm tra lại \
                     năm (viết đủ 4 chữ số)."
                ),
                Lang::En => format!(
                    "The year {year} is outside {MIN_YEAR}–{MAX_YEAR}: check the year \
                     (all 4 digits)."
                ),
            },
            DateError::BadDay { day, month, year } => bad_day_message(*day, *month, *year, lang),
        }
    }
}

fn bad_day_message(day: u32, month: u8, year: u16, lang: Lang) -> String {
    let dim = days_in_month(year, month);
    let month_en = usize::from(month)
        .checked_sub(1)
        .and_then(|i| MONTHS_EN.get(i))
        .copied();
    let shown = running_parts(day, u32::from(month), u32::from(year));
    match (lang, month_en) {
        (Lang::Vi, None) => format!("Ngày {shown} không có: tháng phải từ 1 đến 12."),
        (Lang::En, None) => format!("{shown} does not exist: the month must be 1 to 12."),
        (Lang::Vi, Some(_)) if day == 0 => {
            format!("Không có ngày 0: tháng {month} năm {year} có các ngày từ 1 đến {dim}.")
        }
        (Lang::En, Some(name)) if day == 0 => {
            format!("There is no day 0: {name} {year} has days 1 to {dim}.")
        }
        (Lang::Vi, Some(_)) if month == 2 && !is_leap(year) => {
            format!("Ngày {shown} không có: năm {year} không nhuận, tháng 2 chỉ có {dim} ngày.")
        }
        (Lang::En, Some(_)) if month == 2 && !is_leap(year) => {
            format!("{shown} does not exist: {year} is not a leap year, February has {dim} days.")
        }
        (Lang::Vi, Some(_)) if month == 2 => {
            format!("Ngày {shown} không có: tháng 2 năm {year} chỉ có {dim} ngày.")
        }
        (Lang::En, Some(_)) if month == 2 => {
            format!("{shown} does not exist: February {year} has {dim} days.")
        }
        (Lang::Vi, Some(_)) => {
            format!("Ngày {shown} không có: tháng {month} chỉ có {dim} ngày.")
        }
        (Lang::En, Some(name)) => format!("{shown} does not exist: {name} has {dim} days."),
    }
}

/// Gregorian leap year.
fn is_leap(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// Days in `month` of `year` (Gregorian); 0 when `month` is not 1–12.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Checks year, then month, then day.
fn validate(year: u32, month: u32, day: u32) -> Result<Date, DateError> {
    let y = match u16::try_from(year) {
        Ok(y) if (MIN_YEAR..=MAX_YEAR).contains(&y) => y,
        _ => return Err(DateError::BadYear { year }),
    };
    let m = match u8::try_from(month) {
        Ok(m) if (1..=12).contains(&m) => m,
        _ => return Err(DateError::BadMonth { month }),
    };
    match u8::try_from(day) {
        Ok(d) if d >= 1 && d <= days_in_month(y, m) => Ok(Date {
            year: y,
            month: m,
            day: d,
        }),
        _ => Err(DateError::BadDay {
            day,
            month: m,
            year: y,
        }),
    }
}

/// The value of 1 to `max_len` ASCII digits; `None` otherwise.
fn small_number(s: &str, max_len: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.bytes().try_fold(0u32, |acc, b| {
        acc.checked_mul(10)?
            .checked_add(u32::from(b.checked_sub(b'0')?))
    })
}

/// `20/5/2024`, `03/01/2019`, `20-5-2024`, `20.5.2024`, `2024-05-20`.
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    let malformed = || DateError::Malformed {
        text: trimmed.to_string(),
    };
    let sep = trimmed
        .chars()
        .find(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .ok_or_else(malformed)?;
    if !matches!(sep, '/' | '-' | '.') {
        return Err(malformed());
    }
    let parts: Vec<&str> = trimmed.split(sep).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(malformed());
    };
    // Year first when the first part has 4 digits; the year has exactly 4.
    let (day, month, year) = if a.len() == 4 { (c, b, a) } else { (a, b, c) };
    if year.len() != 4 {
        return Err(malformed());
    }
    match (
        small_number(day, 2),
        small_number(month, 2),
        small_number(year, 4),
    ) {
        (Some(d), Some(m), Some(y)) => validate(y, m, d),
        _ => Err(malformed()),
    }
}

/// The number typed in one field: ASCII digits, any count of leading zeros.
fn field_number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match s.trim_start_matches('0') {
        "" => Some(0),
        significant => small_number(significant, 9),
    }
}

/// A date from the header's separate day, month and year fields.
///
/// Each field is trimmed and may carry leading zeros (`05`). A blank field is
/// [`DateError::Empty`]; a field that is not digits is
/// [`DateError::Malformed`] quoting that field.
pub fn date_from_parts(day: &str, month: &str, year: &str) -> Result<Date, DateError> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() || month.is_empty() || year.is_empty() {
        return Err(DateError::Empty);
    }
    let number = |s: &str| {
        field_number(s).ok_or_else(|| DateError::Malformed {
            text: s.to_string(),
        })
    };
    let (d, m, y) = (number(day)?, number(month)?, number(year)?);
    validate(y, m, d)
}

/// Running text, by the decree's zero rule: `20/5/2024`, `03/01/2019`.
///
/// Days 1–9 and months 1–2 take a leading zero, the rest are unpadded.
pub fn format_running(d: Date) -> String {
    running_parts(u32::from(d.day), u32::from(d.month), u32::from(d.year))
}

/// A day or month field for the place-and-date line: when it is a number in
/// `1..=max`, unpadded, with a leading zero for `1..=pad_up_to`; otherwise as
/// typed; a blank field is [`BLANK_GAP`].
fn place_date_field(typed: &str, max: u32, pad_up_to: u32) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        return BLANK_GAP.to_string();
    }
    match field_number(typed) {
        Some(n) if (1..=pad_up_to).contains(&n) => format!("0{n}"),
        Some(n) if (1..=max).contains(&n) => n.to_string(),
        _ => typed.to_string(),
    }
}

/// `Lạng Sơn, ngày 15 tháng 8 năm 2024`; a blank part leaves a gap to fill in
/// by hand.
///
/// Day and month follow the decree's zero rule when they are numbers
/// (`ngày 05 tháng 01 năm 2020`; a typed `08` month prints `8`), anything
/// else prints as typed. A blank day, month or year prints [`BLANK_GAP`]; a
/// blank place prints no `place, ` at the start.
pub fn format_place_date(place: &str, day: &str, month: &str, year: &str) -> String {
    let place = place.trim();
    let day = place_date_field(day, 31, 9);
    let month = place_date_field(month, 12, 2);
    let year = match year.trim() {
        "" => BLANK_GAP.to_string(),
        y => y.to_string(),
    };
    let line = format!("ngày {day} tháng {month} năm {year}");
    if place.is_empty() {
        line
    } else {
        format!("{place}, {line}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u8, month: u8, year: u16) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn parse_date_accepts() {
        let cases: &[(&str, Date)] = &[
            ("20/5/2024", d(20, 5, 2024)),
            ("03/01/2019", d(3, 1, 2019)),
            ("3/1/2019", d(3, 1, 2019)),
            ("20-5-2024", d(20, 5, 2024)),
            ("20.5.2024", d(20, 5, 2024)),
            ("2024-05-20", d(20, 5, 2024)),
            ("2024/5/20", d(20, 5, 2024)),
            ("  17/7/2024 ", d(17, 7, 2024)),
            ("\u{00A0}17/7/2024\u{00A0}", d(17, 7, 2024)),
            ("17 / 7 / 2024", d(17, 7, 2024)),
            ("29/2/2024", d(29, 2, 2024)),
            ("29/02/2000", d(29, 2, 2000)),
            ("31/12/2024", d(31, 12, 2024)),
            ("1/1/1900", d(1, 1, 1900)),
            ("31/12/2100", d(31, 12, 2100)),
            ("30/4/2024", d(30, 4, 2024)),
            ("31/1/2023", d(31, 1, 2023)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), Ok(*want), "{text:?}");
        }
    }

    #[test]
    fn parse_date_rejects() {
        let m = |t: &str| DateError::Malformed {
            text: t.to_string(),
        };
        let bad_day = |day, month, year| DateError::BadDay { day, month, year };
        let cases: Vec<(&str, DateError)> = vec![
            ("", DateError::Empty),
            ("   ", DateError::Empty),
            ("29/2/2023", bad_day(29, 2, 2023)),
            ("29/2/1900", bad_day(29, 2, 1900)),
            ("30/2/2024", bad_day(30, 2, 2024)),
            ("31/4/2024", bad_day(31, 4, 2024)),
            ("31/6/2024", bad_day(31, 6, 2024)),
            ("31/9/2024", bad_day(31, 9, 2024)),
            ("31/11/2024", bad_day(31, 11, 2024)),
            ("32/1/2024", bad_day(32, 1, 2024)),
            ("0/1/2024", bad_day(0, 1, 2024)),
            ("2023-02-29", bad_day(29, 2, 2023)),
            ("20/13/2024", DateError::BadMonth { month: 13 }),
            ("20/0/2024", DateError::BadMonth { month: 0 }),
            ("20/5/1899", DateError::BadYear { year: 1899 }),
            ("20/5/2101", DateError::BadYear { year: 2101 }),
            ("20/5/0999", DateError::BadYear { year: 999 }),
            ("20/5/24", m("20/5/24")),
            ("20/5/20245", m("20/5/20245")),
            ("200/5/2024", m("200/5/2024")),
            ("20/5", m("20/5")),
            ("20/5/2024/1", m("20/5/2024/1")),
            ("20/5-2024", m("20/5-2024")),
            ("20 5 2024", m("20 5 2024")),
            ("20052024", m("20052024")),
            ("hôm nay", m("hôm nay")),
            ("20/5/2024.", m("20/5/2024.")),
            ("２０/5/2024", m("２０/5/2024")),
            ("//", m("//")),
            ("20//2024", m("20//2024")),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), Err(want), "{text:?}");
        }
    }

    #[test]
    fn from_parts() {
        assert_eq!(date_from_parts("15", "8", "2024"), Ok(d(15, 8, 2024)));
        assert_eq!(date_from_parts(" 05 ", "01", "2020"), Ok(d(5, 1, 2020)));
        assert_eq!(date_from_parts("005", "001", "02020"), Ok(d(5, 1, 2020)));
        assert_eq!(date_from_parts("", "8", "2024"), Err(DateError::Empty));
        assert_eq!(date_from_parts("15", " ", "2024"), Err(DateError::Empty));
        assert_eq!(date_from_parts("15", "8", ""), Err(DateError::Empty));
        assert_eq!(
            date_from_parts("29", "2", "2023"),
            Err(DateError::BadDay {
                day: 29,
                month: 2,
                year: 2023
            })
        );
        assert_eq!(
            date_from_parts("31", "4", "2024"),
            Err(DateError::BadDay {
                day: 31,
                month: 4,
                year: 2024
            })
        );
        assert_eq!(
            date_from_parts("1", "13", "2024"),
            Err(DateError::BadMonth { month: 13 })
        );
        assert_eq!(
            date_from_parts("1", "1", "24"),
            Err(DateError::BadYear { year: 24 })
        );
        assert_eq!(
            date_from_parts("1", "1", "99999999999999"),
            Err(DateError::Malformed {
                text: "99999999999999".to_string()
            })
        );
        assert_eq!(
            date_from_parts("mười", "8", "2024"),
            Err(DateError::Malformed {
                text: "mười".to_string()
            })
        );
        assert_eq!(
            date_from_parts("0", "8", "2024"),
            Err(DateError::BadDay {
                day: 0,
                month: 8,
                year: 2024
            })
        );
    }

    #[test]
    fn new_and_days_in_month() {
        assert_eq!(Date::new(2024, 2, 29), Ok(d(29, 2, 2024)));
        assert!(Date::new(2023, 2, 29).is_err());
        assert!(Date::new(2024, 0, 1).is_err());
        assert!(Date::new(2024, 1, 0).is_err());
        assert!(Date::new(1899, 12, 31).is_err());
        let cases: &[(u16, u8, u8)] = &[
            (2024, 1, 31),
            (2024, 2, 29),
            (2023, 2, 28),
            (1900, 2, 28),
            (2000, 2, 29),
            (2100, 2, 28),
            (2024, 4, 30),
            (2024, 6, 30),
            (2024, 9, 30),
            (2024, 11, 30),
            (2024, 12, 31),
            (2024, 0, 0),
            (2024, 13, 0),
        ];
        for (y, m, want) in cases {
            assert_eq!(days_in_month(*y, *m), *want, "{m}/{y}");
        }
    }

    #[test]
    fn running() {
        let cases: &[(Date, &str)] = &[
            (d(20, 5, 2024), "20/5/2024"),
            (d(3, 1, 2019), "03/01/2019"),
            (d(2, 4, 2024), "02/4/2024"),
            (d(29, 12, 2022), "29/12/2022"),
            (d(8, 10, 2008), "08/10/2008"),
            (d(7, 1, 2021), "07/01/2021"),
            (d(19, 6, 2020), "19/6/2020"),
            (d(10, 2, 2020), "10/02/2020"),
            (d(1, 1, 1900), "01/01/1900"),
        ];
        for (date, want) in cases {
            assert_eq!(format_running(*date), *want);
        }
    }

    #[test]
    fn place_date() {
        let g = BLANK_GAP;
        type Case<'a> = ((&'a str, &'a str, &'a str, &'a str), String);
        let cases: Vec<Case> = vec![
            (
                ("Lạng Sơn", "15", "8", "2024"),
                "Lạng Sơn, ngày 15 tháng 8 năm 2024".into(),
            ),
            (
                ("Hà Nội", "5", "1", "2020"),
                "Hà Nội, ngày 05 tháng 01 năm 2020".into(),
            ),
            (
                ("Hà Nội", "05", "01", "2020"),
                "Hà Nội, ngày 05 tháng 01 năm 2020".into(),
            ),
            (
                ("Lạng Sơn", "29", "06", "2019"),
                "Lạng Sơn, ngày 29 tháng 6 năm 2019".into(),
            ),
            (
                ("Lạng Sơn", "15", "08", "2024"),
                "Lạng Sơn, ngày 15 tháng 8 năm 2024".into(),
            ),
            (
                ("Lạng Sơn", "", "8", "2024"),
                format!("Lạng Sơn, ngày {g} tháng 8 năm 2024"),
            ),
            (
                ("Lạng Sơn", " ", " ", " "),
                format!("Lạng Sơn, ngày {g} tháng {g} năm {g}"),
            ),
            (("", "15", "8", "2024"), "ngày 15 tháng 8 năm 2024".into()),
            (
                ("  ", "15", "2", "2024"),
                "ngày 15 tháng 02 năm 2024".into(),
            ),
            (
                (" Lạng Sơn ", " 15 ", " 8 ", " 2024 "),
                "Lạng Sơn, ngày 15 tháng 8 năm 2024".into(),
            ),
            (
                ("Lạng Sơn", "mười", "tám", "2024"),
                "Lạng Sơn, ngày mười tháng tám năm 2024".into(),
            ),
            (
                ("Lạng Sơn", "32", "13", "2024"),
                "Lạng Sơn, ngày 32 tháng 13 năm 2024".into(),
            ),
            (
                ("Lạng Sơn", "0", "0", "2024"),
                "Lạng Sơn, ngày 0 tháng 0 năm 2024".into(),
            ),
        ];
        for ((place, day, month, year), want) in cases {
            assert_eq!(format_place_date(place, day, month, year), want);
        }
        assert_eq!(BLANK_GAP.chars().count(), 5);
        assert!(BLANK_GAP.chars().all(|c| c == '\u{00A0}'));
    }

    #[test]
    fn messages() {
        let errors = [
            DateError::Empty,
            DateError::Malformed {
                text: "hôm nay".to_string(),
            },
            DateError::BadMonth { month: 13 },
            DateError::BadDay {
                day: 29,
                month: 2,
                year: 2023,
            },
            DateError::BadDay {
                day: 30,
                month: 2,
                year: 2024,
            },
            DateError::BadDay {
                day: 31,
                month: 4,
                year: 2024,
            },
            DateError::BadDay {
                day: 0,
                month: 4,
                year: 2024,
            },
            DateError::BadDay {
                day: 5,
                month: 13,
                year: 2024,
            },
            DateError::BadYear { year: 1899 },
        ];
        for e in &errors {
            let vi = e.message(Lang::Vi);
            let en = e.message(Lang::En);
            assert!(!vi.is_empty() && !en.is_empty(), "{e:?}");
            assert_ne!(vi, en, "{e:?}");
            let combining = |s: &str| s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c));
            assert!(!combining(&vi) && !combining(&en), "{e:?}");
        }
        assert_eq!(
            errors[3].message(Lang::Vi),
            "Ngày 29/02/2023 không có: năm 2023 không nhuận, tháng 2 chỉ có 28 ngày."
        );
        assert_eq!(
            errors[3].message(Lang::En),
            "29/02/2023 does not exist: 2023 is not a leap year, February has 28 days."
        );
        assert!(errors[5]
            .message(Lang::Vi)
            .contains("tháng 4 chỉ có 30 ngày"));
        assert!(errors[5].message(Lang::En).contains("April has 30 days"));
        assert_eq!(
            errors[1].message(Lang::Vi),
            "Không đọc được ngày “hôm nay”: hãy viết theo dạng ngày/tháng/năm, ví dụ 20/5/2024."
        );
        assert!(errors[8].message(Lang::Vi).contains("1899"));
    }

    #[test]
    fn every_date_round_trips() {
        let mut count = 0u32;
        for year in MIN_YEAR..=MAX_YEAR {
            for month in 1..=12u8 {
                for day in 1..=days_in_month(year, month) {
                    let date = d(day, month, year);
                    assert_eq!(parse_date(&format_running(date)), Ok(date));
                    count += 1;
                }
            }
        }
        // 201 years, 49 of them leap (1900 and 2100 are not).
        assert_eq!(count, 201 * 365 + 49);
    }
}
