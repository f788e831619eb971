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

/// One pass over the notice: some rules, and the field paths they read
/// (prefixes; a path read by a pass re-runs it in [`Checker::edited`]).
struct Pass {
    run: fn(&Indexed, &mut Sink),
    reads: &'static [&'static str],
}

/// The rich-text fields: prose cites figures, documents and footnotes.
const TEXTS: [&str; 6] = [
    "block/",
    "section/",
    "part/",
    "opening/text",
    "closing",
    "header/subject",
];

/// Every pass, in the order findings are listed. The prefixes are wider
/// than the rule table's `reads` where a message quotes a field (a figure's
/// label, a document's short name), so that a message never goes stale.
const PASSES: [Pass; 9] = [
    Pass {
        run: figures::run_numbers,
        reads: &["fig/"],
    },
    Pass {
        run: figures::run_blanks,
        reads: &[
            "fig/", TEXTS[0], TEXTS[1], TEXTS[2], TEXTS[3], TEXTS[4], TEXTS[5],
        ],
    },
    Pass {
        run: figures::run,
        reads: &["fig/"],
    },
    Pass {
        run: docs::run_dates,
        reads: &["header/", "opening/", "ref/"],
    },
    Pass {
        run: docs::run_symbols,
        reads: &["header/", "ref/"],
    },
    Pass {
        run: docs::run_header,
        reads: &["header/", "signature/"],
    },
    Pass {
        run: docs::run_recipients,
        reads: &["recipient/"],
    },
    Pass {
        run: docs::run_signature,
        reads: &["signature/"],
    },
    Pass {
        run: docs::run_tokens,
        reads: &["opening/", TEXTS[0], TEXTS[1], TEXTS[2], TEXTS[4], TEXTS[5]],
    },
];

/// Runs every rule. Never fails, never panics: a value that does not parse
/// is itself a finding.
pub fn check(notice: &Notice, mode: Mode) -> Vec<Finding> {
    Checker::new(notice, mode).findings(notice)
}

/// Checks a notice as it is edited one field at a time: an edit re-runs
/// only the passes that read the edited field, and keeps the others'
/// findings. `Checker::new(n).edited(n, p)` gives exactly what
/// `check(n)` gives (a property test holds it to that).
#[derive(Clone, Debug)]
pub struct Checker {
    mode: Mode,
    found: Vec<Vec<Finding>>,
}

impl Checker {
    pub fn new(notice: &Notice, mode: Mode) -> Self {
        let indexed = Indexed::new(notice);
        let found = PASSES.iter().map(|p| run(p, &indexed, mode)).collect();
        Checker { mode, found }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The field at `path` changed (nothing else did): re-runs the passes
    /// that read it. Returns whether any finding changed.
    pub fn edited(&mut self, notice: &Notice, path: &str) -> bool {
        let mut indexed = None;
        let mut changed = false;
        for (pass, found) in PASSES.iter().zip(&mut self.found) {
            if pass.reads.iter().any(|r| path.starts_with(r)) {
                let n = indexed.get_or_insert_with(|| Indexed::new(notice));
                let again = run(pass, n, self.mode);
                if again != *found {
                    *found = again;
                    changed = true;
                }
            }
        }
        changed
    }

    /// Every finding, warnings marked with the officer's reason where they
    /// accepted them.
    pub fn findings(&self, notice: &Notice) -> Vec<Finding> {
        let mut out: Vec<Finding> = self.found.iter().flatten().cloned().collect();
        for f in &mut out {
            if f.severity == Severity::Warning {
                f.accepted = notice
                    .accepted
                    .iter()
                    .find(|a| a.rule == f.rule && a.field == f.field())
                    .map(|a| a.reason.clone());
            }
        }
        out
    }
}

fn run(pass: &Pass, notice: &Indexed, mode: Mode) -> Vec<Finding> {
    let mut sink = Sink {
        mode,
        out: Vec::new(),
    };
    (pass.run)(notice, &mut sink);
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
