//! Vietnamese numbers, dates and document symbols: parsing what officers type
//! and printing what documents write.

pub mod date;
pub mod number;
pub mod symbol;
