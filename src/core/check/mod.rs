//! The checks: a table of rules run over a notice.
//!
//! Each [`Rule`] has an id, a severity, the fields it reads, what a blank
//! value means to it, and a title in Vietnamese and English. Checking never
//! fails: [`check`] returns [`Finding`]s, each naming its rule, the fields
//! concerned (the first is where to send the officer), the values compared,
//! and a suggested [`Fix`] where one can be computed.
//!
//! Numbers are always parsed before they are compared, never compared as
//! text; a value that does not parse is reported once by `figure.number` and
//! skipped by every other rule.

mod docs;
mod figures;
mod table;

pub use table::{rule, Blank, Rule, RULES};

use crate::core::lang::Lang;
use crate::core::model::{Indexed, Notice};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Draft mode tolerates what a finished notice may not (a blank number or
/// day); final mode is what "Hoàn tất" runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Draft,
    Final,
}

/// A suggested fix: put `value` into `field`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub field: String,
    pub value: String,
    /// What the button says (`Dùng 98,8%`).
    pub label_vi: String,
    pub label_en: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Field paths (see [`crate::core::field`]); the first is where to send
    /// the officer.
    pub fields: Vec<String>,
    /// The values compared, as (label, value) pairs, labels in Vietnamese.
    pub values: Vec<(String, String)>,
    pub message_vi: String,
    pub message_en: String,
    pub fix: Option<Fix>,
    /// The officer's reason, when they accepted this warning.
    pub accepted: Option<String>,
}

impl Finding {
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_vi, &self.message_en)
    }

    /// The field to send the officer to.
    pub fn field(&self) -> &str {
        self.fields.first().map_or("", String::as_str)
    }
}

/// Where findings are collected while the rules run.
pub(crate) struct Sink {
    pub mode: Mode,
    pub out: Vec<Finding>,
}

impl Sink {
    /// Records a finding of `rule` with the rule's own severity.
    pub fn push(
        &mut self,
        rule_id: &'static str,
        fields: Vec<String>,
        vi: String,
        en: String,
    ) -> &mut Finding {
        let severity = rule(rule_id).map_or(Severity::Error, |r| r.severity(self.mode));
        self.out.push(Finding {
            rule: rule_id,
            severity,
            fields,
            values: Vec::new(),
            message_vi: vi,
            message_en: en,
            fix: None,
            accepted: None,
        });
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}

impl Finding {
    pub(crate) fn with_values(&mut self, values: Vec<(String, String)>) -> &mut Self {
        self.values = values;
        self
    }

    pub(crate) fn with_fix(
        &mut self,
        field: String,
        value: String,
        vi: String,
        en: String,
    ) -> &mut Self {
        self.fix = Some(Fix {
            field,
            value,
            label_vi: vi,
            label_en: en,
        });
        self
    }
}

/// Runs every rule. Never fails, never panics: a value that does not parse
/// is itself a finding.
pub fn check(notice: &Notice, mode: Mode) -> Vec<Finding> {
    let mut sink = Sink {
        mode,
        out: Vec::new(),
    };
    let indexed = Indexed::new(notice);
    figures::run(&indexed, &mut sink);
    docs::run(&indexed, &mut sink);
    for f in &mut sink.out {
        if f.severity == Severity::Warning {
            f.accepted = notice
                .accepted
                .iter()
                .find(|a| a.rule == f.rule && a.field == f.field())
                .map(|a| a.reason.clone());
        }
    }
    sink.out
}

/// Counts of errors and of warnings not yet accepted.
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning && f.accepted.is_none())
        .count();
    (errors, warnings)
}
