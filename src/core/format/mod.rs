//! Vietnamese numbers, dates and document symbols: parsing what officers type
//! and printing what documents write.
//!
//! - [`number`]: counts and amounts (`72.032`), decimals (`98,9`), the
//!   percentage of a fraction ([`number::round_half_up`]). Numbers are
//!   compared as values ([`number::Decimal::cmp_value`]), never as text.
//! - [`date`]: `20/5/2024`-style dates, the decree's zero rule, the
//!   place-and-date line.
//! - [`symbol`]: `97/TB-SLĐTBXH` by the grammar of Decree 30/2020.
//!
//! No function here panics, whatever the input.

pub mod date;
pub mod number;
pub mod symbol;
