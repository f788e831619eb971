//! Dates: parsing what officers type, the decree's place-and-date line, and
//! dates in running text.

use crate::core::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    Malformed { text: String },
    BadMonth { month: u32 },
    BadDay { day: u32, month: u8, year: u16 },
    BadYear { year: u32 },
}

impl DateError {
    pub fn message(&self, lang: Lang) -> String {
        let _ = lang;
        todo!()
    }
}

/// `20/5/2024`, `03/01/2019`, `20-5-2024`, `2024-05-20`.
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let _ = text;
    todo!()
}

/// A date from the header's separate day, month and year fields.
pub fn date_from_parts(day: &str, month: &str, year: &str) -> Result<Date, DateError> {
    let _ = (day, month, year);
    todo!()
}

/// Running text, by the decree's zero rule: `20/5/2024`, `03/01/2019`.
pub fn format_running(d: Date) -> String {
    let _ = d;
    todo!()
}

/// `Lạng Sơn, ngày 15 tháng 8 năm 2024`; a blank part leaves a gap to fill in
/// by hand.
pub fn format_place_date(place: &str, day: &str, month: &str, year: &str) -> String {
    let _ = (place, day, month, year);
    todo!()
}
