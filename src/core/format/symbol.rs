//! Document numbers and symbols by the grammar of Decree 30/2020.

use crate::core::lang::Lang;

/// One thing wrong with a number/symbol pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymbolIssue {
    NumberNotPadded,
    NumberMalformed,
    Space,
    WrongDash { found: char },
    WrongSlash { found: char },
    WrongD,
    UnknownType { found: String, expected: Option<&'static str> },
    MissingType { expected: &'static str },
    YearMismatch { symbol_year: u16, date_year: u16 },
}

impl SymbolIssue {
    pub fn message(&self, lang: Lang) -> String {
        let _ = lang;
        todo!()
    }
}

/// The decree's abbreviation for a document kind (`Kế hoạch` → `KH`); `None`
/// for a công văn (no type) or an unknown kind.
pub fn type_abbr(kind: &str) -> Option<&'static str> {
    let _ = kind;
    todo!()
}

/// Everything wrong with `number/symbol` for a document of `kind` dated in
/// `year`, and the corrected pair when one can be computed.
pub fn check(number: &str, symbol: &str, kind: &str, year: Option<u16>) -> (Vec<SymbolIssue>, Option<(String, String)>) {
    let _ = (number, symbol, kind, year);
    todo!()
}
