//! The checks: a rule table run over a notice. Checking never fails: it
//! returns findings.

use crate::core::model::Notice;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Draft mode tolerates what a finished notice may not (a blank number or day).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Draft,
    Final,
}

/// A suggested fix: put `value` into `field`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Fix {
    pub field: String,
    pub value: String,
    pub label_vi: String,
    pub label_en: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Field paths (see [`crate::core::field`]); the first is where to send
    /// the officer.
    pub fields: Vec<String>,
    /// The values compared, as (label, value) pairs.
    pub values: Vec<(String, String)>,
    pub message_vi: String,
    pub message_en: String,
    pub fix: Option<Fix>,
    /// The officer's reason, when they accepted this warning.
    pub accepted: Option<String>,
}

pub fn check(notice: &Notice, mode: Mode) -> Vec<Finding> {
    let _ = (notice, mode);
    Vec::new()
}
