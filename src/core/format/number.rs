//! Numbers as Vietnamese documents write them: `.` between thousands, `,`
//! before decimals (`72.032`, `98,9`), and parsing what officers type.

use crate::core::lang::Lang;

/// Why a typed number was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    Empty,
    NotANumber { text: String },
    Negative,
    Decimal,
    TooLarge,
}

impl NumError {
    pub fn message(&self, lang: Lang) -> String {
        let _ = lang;
        todo!()
    }
}

/// A non-negative decimal: `mantissa / 10^scale` (`98,9` is 989 / 10^1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: u64,
    pub scale: u8,
}

/// A whole count or an amount in đồng: `72.032`, `72032`, `72 032`.
pub fn parse_count(text: &str) -> Result<u64, NumError> {
    let _ = text;
    todo!()
}

/// A decimal such as a percentage: `98,9`, `100`, `98.9` (when unambiguous).
pub fn parse_decimal(text: &str) -> Result<Decimal, NumError> {
    let _ = text;
    todo!()
}

/// `72032` → `72.032`.
pub fn format_count(n: u64) -> String {
    let _ = n;
    todo!()
}

/// `Decimal { 989, 1 }` → `98,9`.
pub fn format_decimal(d: Decimal) -> String {
    let _ = d;
    todo!()
}
