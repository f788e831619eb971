//! Numbers as Vietnamese documents write them: `.` between thousands, `,`
//! before decimals (`72.032`, `98,9`), and parsing what officers type.
//!
//! # What is accepted
//!
//! - Digits are ASCII `0`–`9` only. Other digits (fullwidth `７２`,
//!   Arabic-Indic `٧٢`, …) are [`NumError::NotANumber`]: documents print ASCII
//!   digits and Vietnamese input methods type them, so anything else is a
//!   copy-paste accident worth showing.
//! - Thousands groups may be separated by `.` or by a space (ASCII space, NBSP
//!   U+00A0, narrow NBSP U+202F or thin space U+2009); one number uses one
//!   kind of separator (`72.032 123` is [`NumError::BadGrouping`]). The first
//!   group has 1–3 digits and is not all zeros, every later group exactly 3
//!   digits. Without separators any number of digits is fine and leading zeros
//!   are ignored (`02` is 2, as the reference notice writes small counts).
//! - The decimal separator is the comma (`98,9`, `1.234,5`). A single dot
//!   followed by exactly 1 or 2 digits with nothing else around it (`98.9`,
//!   `0.5`, `72.03`) cannot be a thousands group, so it is read as a decimal
//!   point; a dot followed by 3 digits is always a thousands group (`1.234` is
//!   one thousand two hundred and thirty-four), and a dot followed by 4 or
//!   more digits (`7.2032`) is [`NumError::BadGrouping`].
//! - A separator at the very start or end (`.5`, `5.`, `,5`, `5,`) is
//!   [`NumError::NotANumber`].
//! - A leading minus (`-` or U+2212) in front of something that is otherwise a
//!   number is [`NumError::Negative`], even `-0`: no figure in a notice is
//!   written with a sign.
//!
//! # Bounds
//!
//! - A count is at most [`MAX_COUNT`] (10^18 − 1): far beyond any amount in
//!   đồng (Vietnam's yearly GDP is about 10^16 đồng), and the sum of up to 18
//!   counts still fits in a `u64`.
//! - A decimal has at most [`MAX_SCALE`] (6) digits after the comma and an
//!   integer part of at most [`MAX_DECIMAL_INT`] (10^12 − 1), so its mantissa
//!   always fits in a `u64`.

use std::cmp::Ordering;

use crate::core::lang::Lang;

/// The largest count [`parse_count`] accepts: 999.999.999.999.999.999.
pub const MAX_COUNT: u64 = 999_999_999_999_999_999;
/// The most digits after the decimal comma [`parse_decimal`] accepts.
pub const MAX_SCALE: u8 = 6;
/// The largest integer part [`parse_decimal`] accepts: 999.999.999.999.
pub const MAX_DECIMAL_INT: u64 = 999_999_999_999;

/// Why a typed number was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// Nothing but whitespace was typed.
    Empty,
    /// Not a number at all (letters, other digits, stray separators); `text`
    /// is what was typed, trimmed.
    NotANumber { text: String },
    /// A minus sign in front of a number.
    Negative,
    /// A decimal where a whole count is meant (`3,5`, `72.032,5`, `98.9`).
    Decimal,
    /// More than [`MAX_COUNT`] (a count) or [`MAX_DECIMAL_INT`] (the integer
    /// part of a decimal).
    TooLarge,
    /// Thousands separators in the wrong place: `7.2032`, `1.2.3`, `72..032`,
    /// `72 03`, mixed `.` and spaces; `text` is what was typed, trimmed.
    BadGrouping { text: String },
    /// More than `max` digits after the decimal comma.
    TooManyDecimals { max: u8 },
    /// A count with commas between thousands, as English writes it
    /// (`72,032`, `1,234,567`); `fixed` is the Vietnamese spelling
    /// (`72.032`), offered as the fix.
    CommaThousands { text: String, fixed: String },
}

impl NumError {
    /// The value to offer instead of what was typed, when there is one
    /// (`72,032` → `72.032`).
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            NumError::CommaThousands { fixed, .. } => Some(fixed),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NumError::CommaThousands { text, fixed }, Lang::Vi) => format!(
                "“{text}”: tiếng Việt viết dấu chấm ngăn cách hàng nghìn: {fixed} (dấu phẩy \
                 đứng trước phần thập phân, mà số đếm thì không có phần thập phân)."
            ),
            (NumError::CommaThousands { text, fixed }, Lang::En) => format!(
                "“{text}”: Vietnamese writes a dot between thousands: {fixed} (a comma comes \
                 before decimals, and a count has none)."
            ),
            (NumError::Empty, Lang::Vi) => "Chưa nhập số.".to_string(),
            (NumError::Empty, Lang::En) => "No number has been entered.".to_string(),
            (NumError::NotANumber { text }, Lang::Vi) => match stray_char(text) {
                Some(Stray::Hidden(code)) => format!(
                    "“{text}” không phải là số: có một ký tự ẩn ({code}), thường lẫn vào \
                     khi dán từ Word hoặc thư điện tử; hãy xóa ô này và gõ lại số."
                ),
                Some(Stray::Digit(c)) => format!(
                    "“{text}” không phải là số: có chữ số “{c}” của bảng chữ khác; hãy gõ \
                     chữ số 0–9."
                ),
                None => format!(
                    "“{text}” không phải là số: hãy viết bằng chữ số, dấu chấm ngăn cách \
                     hàng nghìn và dấu phẩy trước phần thập phân (ví dụ 72.032 hoặc 98,9)."
                ),
            },
            (NumError::NotANumber { text }, Lang::En) => match stray_char(text) {
                Some(Stray::Hidden(code)) => format!(
                    "“{text}” is not a number: it holds an invisible character ({code}), \
                     usually pasted from Word or e-mail; clear the field and type the number \
                     again."
                ),
                Some(Stray::Digit(c)) => format!(
                    "“{text}” is not a number: it has the digit “{c}” from another script; \
                     type the digits 0–9."
                ),
                None => format!(
                    "“{text}” is not a number: write digits, with a dot between thousands \
                     and a comma before the decimals (e.g. 72.032 or 98,9)."
                ),
            },
            (NumError::Negative, Lang::Vi) => {
                "Số liệu không được là số âm: hãy bỏ dấu trừ.".to_string()
            }
            (NumError::Negative, Lang::En) => {
                "A figure cannot be negative: remove the minus sign.".to_string()
            }
            (NumError::Decimal, Lang::Vi) => {
                "Đây không phải là số nguyên: số đếm không có phần thập phân.".to_string()
            }
            (NumError::Decimal, Lang::En) => {
                "This is not a whole number: a count has no decimal part.".to_string()
            }
            (NumError::TooLarge, Lang::Vi) => format!(
                "Số quá lớn: số nguyên lớn nhất được nhận là {}, phần nguyên của số \
                 thập phân lớn nhất là {}.",
                format_count(MAX_COUNT),
                format_count(MAX_DECIMAL_INT)
            ),
            (NumError::TooLarge, Lang::En) => format!(
                "The number is too large: the largest whole number accepted is {}, \
                 the largest integer part of a decimal is {}.",
                format_count(MAX_COUNT),
                format_count(MAX_DECIMAL_INT)
            ),
            (NumError::BadGrouping { text }, Lang::Vi) => format!(
                "“{text}” viết sai dấu ngăn cách hàng nghìn: sau mỗi dấu chấm (hoặc dấu \
                 cách) phải có đúng 3 chữ số, ví dụ 72.032; phần thập phân viết sau dấu \
                 phẩy, ví dụ 98,9."
            ),
            (NumError::BadGrouping { text }, Lang::En) => format!(
                "“{text}” has misplaced thousands separators: each dot (or space) must \
                 be followed by exactly 3 digits, e.g. 72.032; decimals come after a \
                 comma, e.g. 98,9."
            ),
            (NumError::TooManyDecimals { max }, Lang::Vi) => {
                format!("Số có quá nhiều chữ số thập phân: tối đa {max} chữ số sau dấu phẩy.")
            }
            (NumError::TooManyDecimals { max }, Lang::En) => {
                format!("The number has too many decimals: at most {max} digits after the comma.")
            }
        }
    }
}

/// A non-negative decimal: `mantissa / 10^scale` (`98,9` is 989 / 10^1).
///
/// Two decimals with different scales may hold the same value (`98,9` and
/// `98,90`); compare values with [`Decimal::cmp_value`], never as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: u64,
    pub scale: u8,
}

impl Decimal {
    /// A whole number as a decimal of scale 0.
    pub fn from_count(n: u64) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// The same value written with `scale` decimals (`98,9` at scale 2 is
    /// `98,90`); `None` when that would drop non-zero digits or overflow.
    pub fn with_scale(self, scale: u8) -> Option<Decimal> {
        match scale.cmp(&self.scale) {
            Ordering::Equal => Some(self),
            Ordering::Greater => {
                let factor = 10u64.checked_pow(u32::from(scale - self.scale))?;
                let mantissa = self.mantissa.checked_mul(factor)?;
                Some(Decimal { mantissa, scale })
            }
            Ordering::Less => {
                let factor = 10u64.checked_pow(u32::from(self.scale - scale));
                match factor {
                    // 10^k beyond u64: only zero divides evenly.
                    None => (self.mantissa == 0).then_some(Decimal { mantissa: 0, scale }),
                    Some(f) => self.mantissa.is_multiple_of(f).then_some(Decimal {
                        mantissa: self.mantissa / f,
                        scale,
                    }),
                }
            }
        }
    }

    /// Compares the values, whatever the scales (`98,9` equals `98,90`).
    pub fn cmp_value(&self, other: &Decimal) -> Ordering {
        // Bring the one with fewer decimals up to the other's scale.
        let (a, b, flipped) = if self.scale <= other.scale {
            (self, other, false)
        } else {
            (other, self, true)
        };
        let diff = u32::from(b.scale - a.scale);
        let scaled = 10u128
            .checked_pow(diff)
            .and_then(|f| u128::from(a.mantissa).checked_mul(f));
        let ord = match scaled {
            Some(x) => x.cmp(&u128::from(b.mantissa)),
            // Overflowing u128 means larger than any u64 mantissa, unless zero.
            None if a.mantissa == 0 => 0u64.cmp(&b.mantissa),
            None => Ordering::Greater,
        };
        if flipped {
            ord.reverse()
        } else {
            ord
        }
    }
}

/// The parts of a well-formed number, before any bound is applied.
struct Parts {
    /// The integer part's digits, separators removed (never empty).
    int_digits: String,
    /// The digits after the decimal comma (or decimal dot), if any.
    frac_digits: Option<String>,
}

/// Separators allowed between thousands groups besides the dot.
fn is_space_sep(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// A minus sign, including the dashes Word substitutes for one.
fn is_minus(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2212}' | '\u{2010}' | '\u{2012}' | '\u{2013}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// What in a rejected text deserves naming, because the text looks like a
/// good number to the officer who typed it.
pub enum Stray {
    /// An invisible character, as `U+200B`.
    Hidden(String),
    /// A digit of another script (`٧`, `７`).
    Digit(char),
}

/// The first character of `text` that is invisible (zero-width spaces and
/// joiners, the byte-order mark, a soft hyphen, a figure space, direction
/// marks) or a digit outside 0–9.
pub fn stray_char(text: &str) -> Option<Stray> {
    text.chars().find_map(|c| match c {
        '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{2064}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{2007}'
        | '\u{180E}' => Some(Stray::Hidden(format!("U+{:04X}", c as u32))),
        c if c.is_numeric() && !c.is_ascii_digit() => Some(Stray::Digit(c)),
        _ => None,
    })
}

/// Splits `body` (trimmed, no sign) into integer and fraction digits,
/// checking the grouping. `text` is what to quote in errors.
fn split_number(body: &str, text: &str) -> Result<Parts, NumError> {
    let not_a_number = || NumError::NotANumber {
        text: text.to_string(),
    };
    let bad_grouping = || NumError::BadGrouping {
        text: text.to_string(),
    };
    if body.is_empty() {
        return Err(not_a_number());
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space_sep(c))
    {
        return Err(not_a_number());
    }
    let mut pieces = body.split(',');
    let int_part = pieces.next().unwrap_or("");
    let frac_part = pieces.next();
    if pieces.next().is_some() {
        return Err(not_a_number());
    }
    if let Some(frac) = frac_part {
        if frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number());
        }
    }
    let starts_or_ends_with_sep = |s: &str| {
        let edge = |c: Option<char>| c.is_none_or(|c| c == '.' || is_space_sep(c));
        edge(s.chars().next()) || edge(s.chars().next_back())
    };
    if starts_or_ends_with_sep(int_part) {
        return Err(not_a_number());
    }
    // Plain digits.
    if int_part.chars().all(|c| c.is_ascii_digit()) {
        return Ok(Parts {
            int_digits: int_part.to_string(),
            frac_digits: frac_part.map(str::to_string),
        });
    }
    // A decimal dot: `98.9`, `0.5` — a single dot followed by 1 or 2 digits,
    // which no thousands group can be.
    if frac_part.is_none() {
        if let Some((before, after)) = int_part.split_once('.') {
            let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
            if all_digits(before) && all_digits(after) && (1..=2).contains(&after.len()) {
                return Ok(Parts {
                    int_digits: before.to_string(),
                    frac_digits: Some(after.to_string()),
                });
            }
        }
    }
    // Thousands groups: one kind of separator, first group 1–3 digits and not
    // all zeros, the others exactly 3.
    let uses_dot = int_part.contains('.');
    let uses_space = int_part.chars().any(is_space_sep);
    if uses_dot && uses_space {
        return Err(bad_grouping());
    }
    let mut groups = int_part.split(|c: char| c == '.' || is_space_sep(c));
    let first = groups.next().unwrap_or("");
    if first.is_empty() || first.len() > 3 || first.chars().all(|c| c == '0') {
        return Err(bad_grouping());
    }
    let mut int_digits = first.to_string();
    for group in groups {
        if group.len() != 3 || !group.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad_grouping());
        }
        int_digits.push_str(group);
    }
    Ok(Parts {
        int_digits,
        frac_digits: frac_part.map(str::to_string),
    })
}

/// The value of ASCII digits, `None` on overflow.
fn digits_value(digits: &str) -> Option<u64> {
    digits.bytes().try_fold(0u64, |acc, b| {
        acc.checked_mul(10)?
            .checked_add(u64::from(b.checked_sub(b'0')?))
    })
}

/// Trims, rejects empty input and a leading minus, then splits the number.
fn parse_parts(text: &str, allow_percent: bool) -> Result<Parts, NumError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumError::Empty);
    }
    let mut body = trimmed;
    if allow_percent {
        if let Some(rest) = body.strip_suffix('%') {
            body = rest.trim_end();
        }
    }
    if let Some(first) = body.chars().next().filter(|&c| is_minus(c)) {
        let rest = body.get(first.len_utf8()..).unwrap_or("").trim_start();
        return match split_number(rest, trimmed) {
            Ok(_) => Err(NumError::Negative),
            Err(NumError::NotANumber { .. }) => Err(NumError::NotANumber {
                text: trimmed.to_string(),
            }),
            Err(e) => Err(e),
        };
    }
    split_number(body, trimmed)
}

/// A whole count or an amount in đồng: `72.032`, `72032`, `72 032`.
///
/// See the module documentation for the exact rules; at most [`MAX_COUNT`].
pub fn parse_count(text: &str) -> Result<u64, NumError> {
    let parts = parse_parts(text, false).map_err(|e| comma_thousands(text).unwrap_or(e))?;
    if parts.frac_digits.is_some() {
        return Err(comma_thousands(text).unwrap_or(NumError::Decimal));
    }
    match digits_value(&parts.int_digits) {
        Some(n) if n <= MAX_COUNT => Ok(n),
        _ => Err(NumError::TooLarge),
    }
}

/// `72,032` and `1,234,567` (thousands grouped with commas, no dot: the
/// first group 1–3 digits and not all zeros, every later one exactly 3) as
/// [`NumError::CommaThousands`]; only for counts, where a comma cannot
/// start decimals.
fn comma_thousands(text: &str) -> Option<NumError> {
    let trimmed = text.trim();
    let mut groups = trimmed.split(',');
    let first = groups.next()?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let later: Vec<&str> = groups.collect();
    let grouped = digits(first)
        && first.len() <= 3
        && first.bytes().any(|b| b != b'0')
        && !later.is_empty()
        && later.iter().all(|g| g.len() == 3 && digits(g));
    grouped.then(|| NumError::CommaThousands {
        text: trimmed.to_string(),
        fixed: trimmed.replace(',', "."),
    })
}

/// A decimal such as a percentage: `98,9`, `100`, `98.9` (when unambiguous).
///
/// A trailing `%` is ignored (`98,9%`, `98,9 %`). Trailing zeros are kept in
/// the scale (`100,0` is `Decimal { 1000, 1 }`). See the module documentation
/// for the dot rule and the bounds.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumError> {
    let parts = parse_parts(text, true)?;
    let int = match digits_value(&parts.int_digits) {
        Some(n) if n <= MAX_DECIMAL_INT => n,
        _ => return Err(NumError::TooLarge),
    };
    let frac = parts.frac_digits.unwrap_or_default();
    let scale = match u8::try_from(frac.len()) {
        Ok(s) if s <= MAX_SCALE => s,
        _ => return Err(NumError::TooManyDecimals { max: MAX_SCALE }),
    };
    let frac_value = digits_value(&frac).ok_or(NumError::TooLarge)?;
    let mantissa = 10u64
        .checked_pow(u32::from(scale))
        .and_then(|f| int.checked_mul(f))
        .and_then(|m| m.checked_add(frac_value))
        .ok_or(NumError::TooLarge)?;
    Ok(Decimal { mantissa, scale })
}

/// Puts a `.` between thousands groups of a string of ASCII digits.
fn group_thousands(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `72032` → `72.032`.
pub fn format_count(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// `Decimal { 989, 1 }` → `98,9`; `Decimal { 1000, 1 }` → `100,0`;
/// scale 0 → no comma; `Decimal { 5, 1 }` → `0,5`.
pub fn format_decimal(d: Decimal) -> String {
    let digits = d.mantissa.to_string();
    let scale = usize::from(d.scale);
    if scale == 0 {
        return group_thousands(&digits);
    }
    // Left-pad so that at least one digit stays before the comma.
    let padded = if digits.len() <= scale {
        let mut p = "0".repeat(scale + 1 - digits.len());
        p.push_str(&digits);
        p
    } else {
        digits
    };
    let split = padded.len() - scale;
    let (int, frac) = padded.split_at(split);
    format!("{},{}", group_thousands(int), frac)
}

/// `num / den × 100` (a percentage) rounded half-up to `scale` decimals, in
/// integer arithmetic: 6005/6079 at scale 1 is `98,8`; 1512/1512 at scale 0 is
/// `100`. `None` when `den` is 0 or the result does not fit (only for
/// absurd scales or ratios).
pub fn round_half_up(num: u64, den: u64, scale: u8) -> Option<Decimal> {
    if den == 0 {
        return None;
    }
    let den = u128::from(den);
    let x = 10u128
        .checked_pow(u32::from(scale))
        .and_then(|f| f.checked_mul(100))
        .and_then(|f| f.checked_mul(u128::from(num)))?;
    let q = x / den;
    let r = x % den;
    // r < den ≤ u64::MAX, so 2r cannot overflow u128.
    let q = if r * 2 >= den { q.checked_add(1)? } else { q };
    let mantissa = u64::try_from(q).ok()?;
    Some(Decimal { mantissa, scale })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_combining(s: &str) -> bool {
        !s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c))
    }

    #[test]
    fn parse_count_accepts() {
        let cases: &[(&str, u64)] = &[
            ("72.032", 72_032),
            ("72032", 72_032),
            ("72 032", 72_032),
            ("72\u{00A0}032", 72_032),
            ("72\u{202F}032", 72_032),
            ("1\u{00A0}234\u{00A0}567", 1_234_567),
            (" 72.032 ", 72_032),
            ("\t72.032\n", 72_032),
            ("02", 2),
            ("01", 1),
            ("0", 0),
            ("000", 0),
            ("3.000.000", 3_000_000),
            ("837.120.000", 837_120_000),
            ("1.234", 1_234),
            ("5.480", 5_480),
            ("999.999.999.999.999.999", MAX_COUNT),
            ("999999999999999999", MAX_COUNT),
            ("0000000000000000000000000000005", 5),
        ];
        for (text, want) in cases {
            assert_eq!(parse_count(text), Ok(*want), "{text:?}");
        }
    }

    #[test]
    fn parse_count_rejects() {
        let nan = |t: &str| NumError::NotANumber {
            text: t.to_string(),
        };
        let bad = |t: &str| NumError::BadGrouping {
            text: t.to_string(),
        };
        let cases: Vec<(&str, NumError)> = vec![
            ("", NumError::Empty),
            ("   ", NumError::Empty),
            ("\u{00A0}", NumError::Empty),
            ("-5", NumError::Negative),
            ("-0", NumError::Negative),
            ("\u{2212}72.032", NumError::Negative),
            ("- 5", NumError::Negative),
            ("-7,5", NumError::Negative),
            ("3,5", NumError::Decimal),
            ("3.5", NumError::Decimal),
            ("98.9", NumError::Decimal),
            ("72.03", NumError::Decimal),
            ("3,0", NumError::Decimal),
            ("72.032,5", NumError::Decimal),
            ("1000000000000000000", NumError::TooLarge),
            ("99999999999999999999999", NumError::TooLarge),
            ("18446744073709551616", NumError::TooLarge),
            ("abc", nan("abc")),
            ("12a", nan("12a")),
            ("-abc", nan("-abc")),
            ("-", nan("-")),
            ("+5", nan("+5")),
            ("98,9%", nan("98,9%")),
            ("１２", nan("１２")),
            ("٧٢", nan("٧٢")),
            (".5", nan(".5")),
            ("5.", nan("5.")),
            (",5", nan(",5")),
            ("5,", nan("5,")),
            ("1,2,3", nan("1,2,3")),
            ("7.2032", bad("7.2032")),
            ("1.2.3", bad("1.2.3")),
            ("72..032", bad("72..032")),
            ("72  032", bad("72  032")),
            ("72 03", bad("72 03")),
            ("1234.567", bad("1234.567")),
            ("72.032 123", bad("72.032 123")),
            ("0.032", bad("0.032")),
            ("1.23,5", bad("1.23,5")),
        ];
        for (text, want) in cases {
            assert_eq!(parse_count(text), Err(want), "{text:?}");
        }
    }

    #[test]
    fn parse_decimal_accepts() {
        let d = |mantissa, scale| Decimal { mantissa, scale };
        let cases: &[(&str, Decimal)] = &[
            ("98,9", d(989, 1)),
            ("100", d(100, 0)),
            ("0,5", d(5, 1)),
            ("98.9", d(989, 1)),
            ("0.5", d(5, 1)),
            ("72.03", d(7203, 2)),
            ("1.234", d(1234, 0)),
            ("1.234,5", d(12345, 1)),
            ("1 234,5", d(12345, 1)),
            ("100,0", d(1000, 1)),
            ("98,9%", d(989, 1)),
            ("98,9 %", d(989, 1)),
            (" 100% ", d(100, 0)),
            ("0,000001", d(1, 6)),
            ("999.999.999.999,999999", d(999_999_999_999_999_999, 6)),
            ("07,50", d(750, 2)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_decimal(text), Ok(*want), "{text:?}");
        }
    }

    #[test]
    fn parse_decimal_rejects() {
        let nan = |t: &str| NumError::NotANumber {
            text: t.to_string(),
        };
        let bad = |t: &str| NumError::BadGrouping {
            text: t.to_string(),
        };
        let cases: Vec<(&str, NumError)> = vec![
            ("", NumError::Empty),
            ("%", nan("%")),
            ("-0,5", NumError::Negative),
            ("-5%", NumError::Negative),
            ("1000000000000", NumError::TooLarge),
            ("99999999999999999999999", NumError::TooLarge),
            ("0,1234567", NumError::TooManyDecimals { max: 6 }),
            ("abc", nan("abc")),
            ("98,9%%", nan("98,9%%")),
            ("3,5,1", nan("3,5,1")),
            (".5", nan(".5")),
            ("5.", nan("5.")),
            ("5,", nan("5,")),
            ("98,9.5", nan("98,9.5")),
            ("7.2032", bad("7.2032")),
            ("1.2.3", bad("1.2.3")),
            ("1.234.5", bad("1.234.5")),
            ("98.9,5", bad("98.9,5")),
        ];
        for (text, want) in cases {
            assert_eq!(parse_decimal(text), Err(want), "{text:?}");
        }
    }

    #[test]
    fn formats() {
        let counts: &[(u64, &str)] = &[
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1_000, "1.000"),
            (72_032, "72.032"),
            (3_000_000, "3.000.000"),
            (u64::MAX, "18.446.744.073.709.551.615"),
        ];
        for (n, want) in counts {
            assert_eq!(format_count(*n), *want);
        }
        let d = |mantissa, scale| Decimal { mantissa, scale };
        let decimals: &[(Decimal, &str)] = &[
            (d(989, 1), "98,9"),
            (d(100, 0), "100"),
            (d(1000, 1), "100,0"),
            (d(5, 1), "0,5"),
            (d(5, 3), "0,005"),
            (d(0, 2), "0,00"),
            (d(12_345, 1), "1.234,5"),
            (d(1_234_567, 0), "1.234.567"),
            (d(1, 30), "0,000000000000000000000000000001"),
        ];
        for (dec, want) in decimals {
            assert_eq!(format_decimal(*dec), *want, "{dec:?}");
        }
    }

    #[test]
    fn rounds_half_up() {
        let d = |mantissa, scale| Some(Decimal { mantissa, scale });
        let cases: &[(u64, u64, u8, Option<Decimal>)] = &[
            (6005, 6079, 1, d(988, 1)),
            (6005, 6079, 2, d(9878, 2)),
            (1512, 1512, 0, d(100, 0)),
            (56, 58, 1, d(966, 1)),
            (1, 8, 1, d(125, 1)),
            (1, 8, 0, d(13, 0)),
            (1, 200, 0, d(1, 0)),
            (1, 201, 0, d(0, 0)),
            (0, 5, 2, d(0, 2)),
            (1, 3, 2, d(3333, 2)),
            (2, 3, 2, d(6667, 2)),
            (5, 0, 1, None),
            (u64::MAX, 1, 0, None),
            (1, 1, 40, None),
        ];
        for (num, den, scale, want) in cases {
            assert_eq!(
                round_half_up(*num, *den, *scale),
                *want,
                "{num}/{den}@{scale}"
            );
        }
        assert_eq!(
            format_decimal(round_half_up(6005, 6079, 1).unwrap()),
            "98,8"
        );
    }

    #[test]
    fn compares_values_not_text() {
        let d = |mantissa, scale| Decimal { mantissa, scale };
        assert_eq!(d(989, 1).cmp_value(&d(9890, 2)), Ordering::Equal);
        assert_eq!(d(989, 1).cmp_value(&d(9891, 2)), Ordering::Less);
        assert_eq!(d(100, 0).cmp_value(&d(9999, 2)), Ordering::Greater);
        assert_eq!(d(1, 0).cmp_value(&d(u64::MAX, 60)), Ordering::Greater);
        assert_eq!(d(u64::MAX, 60).cmp_value(&d(1, 0)), Ordering::Less);
        assert_eq!(d(0, 0).cmp_value(&d(0, 60)), Ordering::Equal);
        assert_eq!(d(989, 1).with_scale(3), Some(d(98_900, 3)));
        assert_eq!(d(98_900, 3).with_scale(1), Some(d(989, 1)));
        assert_eq!(d(98_901, 3).with_scale(1), None);
        assert_eq!(d(1, 0).with_scale(30), None);
        assert_eq!(Decimal::from_count(7), d(7, 0));
    }

    #[test]
    fn messages() {
        let errors = [
            NumError::Empty,
            NumError::NotANumber {
                text: "abc".to_string(),
            },
            NumError::Negative,
            NumError::Decimal,
            NumError::TooLarge,
            NumError::BadGrouping {
                text: "7.2032".to_string(),
            },
            NumError::TooManyDecimals { max: 6 },
        ];
        for e in &errors {
            let vi = e.message(Lang::Vi);
            let en = e.message(Lang::En);
            assert!(!vi.is_empty() && !en.is_empty(), "{e:?}");
            assert_ne!(vi, en, "{e:?}");
            assert!(no_combining(&vi) && no_combining(&en), "{e:?}");
        }
        assert!(errors[1].message(Lang::Vi).contains("“abc”"));
        assert!(errors[1].message(Lang::En).contains("“abc”"));
        assert!(errors[4]
            .message(Lang::Vi)
            .contains("999.999.999.999.999.999"));
        assert!(errors[3].message(Lang::Vi).contains("số nguyên"));
        assert!(errors[5].message(Lang::En).contains("“7.2032”"));
    }
}
