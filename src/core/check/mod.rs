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

/// The rule with this id, looked up at compile time: a finding can only be
/// of a rule the table has (an unknown id does not build).
macro_rules! rule {
    ($id:literal) => {{
        const RULE: &$crate::core::check::Rule = match $crate::core::check::find($id) {
            Some(r) => r,
            None => panic!(concat!("no rule ", $id, " in the rule table")),
        };
        RULE
    }};
}

mod coherence;
mod docs;
mod figures;
mod leftovers;
mod prose;
mod relations;
mod table;

pub use table::{find, rule, Blank, Rule, RULES};

use crate::core::field::{rich_texts, Field, FieldPath, Scope};
use crate::core::lang::Lang;
use crate::core::model::{Indexed, Notice};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Draft mode tolerates what a finished notice may not (placeholders, a
/// blank number or day); final mode is what "Hoàn tất" runs for the copy
/// for signing (trình ký: số and ngày may stay blank for the văn thư);
/// issued mode is what "Ban hành" runs (số and ngày required).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Draft,
    Final,
    Issued,
}

/// A suggested fix: put `value` into `field`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub field: FieldPath,
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
    pub fields: Vec<FieldPath>,
    /// The values compared, as (label, value) pairs, labels in Vietnamese.
    pub values: Vec<(String, String)>,
    pub message_vi: String,
    pub message_en: String,
    pub fix: Option<Fix>,
    /// The officer's reason, when they accepted this warning.
    pub accepted: Option<String>,
    /// The message without the value it quotes first (`“Kh” không phải…`
    /// of `221/Kh-UBND: “Kh” không phải…`), for where the field is named
    /// beside it (the summary). Not in the findings' JSON.
    #[serde(skip)]
    pub detail: Option<(String, String)>,
}

impl Finding {
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_vi, &self.message_en)
    }

    /// The field to send the officer to (None for a finding about no
    /// field in particular).
    pub fn field(&self) -> Option<&FieldPath> {
        self.fields.first()
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
        rule: &'static Rule,
        fields: Vec<FieldPath>,
        vi: String,
        en: String,
    ) -> &mut Finding {
        self.out.push(Finding {
            rule: rule.id,
            severity: rule.severity(self.mode),
            fields,
            values: Vec::new(),
            message_vi: vi,
            message_en: en,
            fix: None,
            accepted: None,
            detail: None,
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

    /// The message after its leading quote of `quoted` (see `detail`).
    pub(crate) fn quoting(&mut self, quoted: &str) -> &mut Self {
        let after = |m: &str| {
            m.strip_prefix(quoted)
                .and_then(|r| r.strip_prefix(": "))
                .map(str::to_string)
        };
        if let (Some(vi), Some(en)) = (after(&self.message_vi), after(&self.message_en)) {
            self.detail = Some((vi, en));
        }
        self
    }

    pub(crate) fn with_fix(
        &mut self,
        field: FieldPath,
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

/// One pass over the notice: the rules it runs. An edit of a field one of
/// them reads (the rule table's `reads`) runs the pass again in
/// [`Checker::edited`].
struct Pass {
    run: fn(&Indexed, &mut Sink),
    rules: &'static [&'static Rule],
}

impl Pass {
    fn reads(&self, field: Field) -> bool {
        self.rules.iter().any(|r| r.reads.contains(&field))
    }
}

/// The passes over figures and the document's own fields, in the order
/// their findings are listed (the rules over prose come last, see
/// [`Checker`]).
const PASSES: [Pass; 10] = [
    Pass {
        run: figures::run_numbers,
        rules: &[rule!("figure.number")],
    },
    Pass {
        run: docs::run_dates,
        rules: &[
            rule!("date.valid"),
            rule!("date.order"),
            rule!("ref.after_notice"),
            rule!("ref.date_missing"),
        ],
    },
    Pass {
        run: docs::run_symbols,
        rules: &[rule!("symbol.grammar"), rule!("symbol.year")],
    },
    Pass {
        run: docs::run_header,
        rules: &[
            rule!("header.number_blank"),
            rule!("header.day_blank"),
            rule!("header.required"),
        ],
    },
    Pass {
        run: docs::run_recipients,
        rules: &[rule!("recipients.archive")],
    },
    Pass {
        run: docs::run_signature,
        rules: &[rule!("signature.deputy")],
    },
    // The rules that hold both ways, and the notice agreeing with itself.
    Pass {
        run: coherence::run_signature,
        rules: &[rule!("signature.block")],
    },
    Pass {
        run: coherence::run_archive,
        rules: &[rule!("recipients.archive_unit")],
    },
    Pass {
        run: coherence::run_header,
        rules: &[rule!("header.consistent")],
    },
    // What the template leaves behind: warnings in a draft, errors in
    // final mode.
    Pass {
        run: leftovers::run,
        rules: &[
            rule!("text.placeholder"),
            rule!("text.empty"),
            rule!("template.left"),
        ],
    },
];

/// The rules over prose, run per text and over all texts by [`Checker`].
const TOKENS: &Rule = rule!("text.token");
const BLANKS: &Rule = rule!("figure.blank");

/// A relation in words, figures named by their labels (`“Số hộ” không lớn
/// hơn “Tổng số hộ”`): what the form shows of it and its messages say.
pub fn describe(
    notice: &Indexed,
    relation: &crate::core::relation::Relation,
    lang: Lang,
) -> String {
    relations::describe(notice, relation, lang)
}

/// Runs every rule. Never fails, never panics: a value that does not parse
/// is itself a finding.
pub fn check(notice: &Notice, mode: Mode) -> Vec<Finding> {
    Checker::new(notice, mode).findings(notice)
}

/// What one rich text contributes to the rules over prose: its own
/// `text.token` findings and what it cites.
#[derive(Clone, Debug, PartialEq)]
struct Text {
    path: FieldPath,
    /// A footnote's text: what it cites does not make a note printed.
    in_note: bool,
    found: Vec<Finding>,
    figs: Vec<String>,
    notes: Vec<String>,
}

/// Checks a notice as it is edited one field at a time: an edit re-runs
/// only the passes that read the edited field, and of the rules over prose
/// only the edited text's tokens (and the rules over all citations when
/// what it cites changed). `Checker::new(n)` then `edited(n, p)` gives
/// exactly what `check(n)` gives: `tests/incremental.rs` holds it to that.
#[derive(Clone, Debug, PartialEq)]
pub struct Checker {
    mode: Mode,
    /// Per pass of [`PASSES`].
    found: Vec<Vec<Finding>>,
    /// Every rich text, in document order (see `field::rich_texts`).
    texts: Vec<Text>,
    /// Where each text path is in `texts`; None when a path is used twice.
    at: HashMap<FieldPath, Option<usize>>,
    /// `figure.blank`, `text.token` of the lists of documents, and
    /// `footnote.unused`.
    blanks: Vec<Finding>,
    lists: Vec<Finding>,
    unused: Vec<Finding>,
    /// The rules between figures, per relation (listed after the blanks).
    relations: relations::Relations,
}

impl Checker {
    pub fn new(notice: &Notice, mode: Mode) -> Self {
        let n = Indexed::new(notice);
        let found = PASSES.iter().map(|p| run(p.run, &n, mode)).collect();
        let all = rich_texts(notice);
        let first_note = all.len()
            - notice
                .footnotes
                .iter()
                .map(|f| f.blocks.len())
                .sum::<usize>();
        let mut at = HashMap::with_capacity(all.len());
        let texts: Vec<Text> = all
            .into_iter()
            .enumerate()
            .map(|(i, (path, text))| {
                at.entry(path.clone())
                    .and_modify(|e| *e = None)
                    .or_insert(Some(i));
                text_facts(&n, mode, &path, text, i >= first_note)
            })
            .collect();
        let mut c = Checker {
            mode,
            found,
            texts,
            at,
            blanks: Vec::new(),
            lists: run(docs::listed_refs, &n, mode),
            unused: Vec::new(),
            relations: relations::Relations::new(&n, mode),
        };
        c.blanks = c.blanks(&n);
        c.unused = c.unused(&n);
        c
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The field at `path` changed (nothing else did): re-runs what reads
    /// it. Returns whether any finding changed.
    pub fn edited(&mut self, notice: &Notice, path: &FieldPath) -> bool {
        let n = Indexed::new(notice);
        let mut changed = self.relations.edited(&n, path);
        let mut update = |old: &mut Vec<Finding>, new: Vec<Finding>| {
            if *old != new {
                *old = new;
                changed = true;
            }
        };
        for (pass, found) in PASSES.iter().zip(&mut self.found) {
            if pass.reads(path.field) {
                update(found, run(pass.run, &n, self.mode));
            }
        }
        // figure.blank's message reads the figure, and the sums of the
        // relations its figure is the total of.
        let figs = BLANKS.reads.contains(&path.field) || path.scope() == Scope::Rel;
        let (mut figs, mut notes) = (figs, false);
        match self.at.get(path) {
            Some(&Some(i)) => {
                let text = crate::core::field::get(notice, path).unwrap_or("");
                let new = text_facts(&n, self.mode, path, text, self.texts[i].in_note);
                let old = &self.texts[i];
                figs |= new.figs != old.figs;
                notes |= new.notes != old.notes;
                update(&mut self.texts[i].found, new.found.clone());
                self.texts[i] = new;
            }
            // A path used twice: every text again.
            Some(None) => {
                let again = Checker::new(notice, self.mode);
                changed |= again != *self;
                *self = again;
                return changed;
            }
            None => {}
        }
        // A figure's value stands in the prose that cites it: those texts'
        // `prose.*` rules again.
        if path.scope() == Scope::Fig {
            for t in &mut self.texts {
                if t.figs.contains(&path.id) {
                    let text = crate::core::field::get(notice, &t.path).unwrap_or("");
                    let new = text_facts(&n, self.mode, &t.path, text, t.in_note);
                    update(&mut t.found, new.found);
                }
            }
        }
        if TOKENS.reads.contains(&path.field) && !self.at.contains_key(path) {
            update(&mut self.lists, run(docs::listed_refs, &n, self.mode));
        }
        if figs {
            let b = self.blanks(&n);
            update(&mut self.blanks, b);
        }
        if notes {
            let u = self.unused(&n);
            update(&mut self.unused, u);
        }
        changed
    }

    /// Every finding, warnings marked with the officer's reason where they
    /// accepted them.
    pub fn findings(&self, notice: &Notice) -> Vec<Finding> {
        let (passes, rest) = self.found.split_at(1);
        let mut out: Vec<Finding> = passes
            .iter()
            .flatten()
            .chain(&self.blanks)
            .chain(self.relations.findings())
            .chain(rest.iter().flatten())
            .chain(self.texts.iter().flat_map(|t| &t.found))
            .chain(&self.lists)
            .chain(&self.unused)
            .cloned()
            .collect();
        for f in &mut out {
            if f.severity == Severity::Warning {
                f.accepted = notice
                    .accepted
                    .iter()
                    .find(|a| {
                        a.rule == f.rule && f.field().is_some_and(|p| p.to_string() == a.field)
                    })
                    .map(|a| a.reason.clone());
            }
        }
        out
    }

    fn blanks(&self, n: &Indexed) -> Vec<Finding> {
        let mut seen = HashSet::new();
        let used: Vec<&str> = self
            .texts
            .iter()
            .flat_map(|t| t.figs.iter().map(String::as_str))
            .filter(|id| seen.insert(*id))
            .collect();
        run(|n, sink| figures::blanks(n, &used, sink), n, self.mode)
    }

    fn unused(&self, n: &Indexed) -> Vec<Finding> {
        let used: HashSet<&str> = self
            .texts
            .iter()
            .filter(|t| !t.in_note)
            .flat_map(|t| t.notes.iter().map(String::as_str))
            .collect();
        run(|n, sink| docs::unused_notes(n, &used, sink), n, self.mode)
    }
}

fn text_facts(n: &Indexed, mode: Mode, path: &FieldPath, text: &str, in_note: bool) -> Text {
    let (mut figs, mut notes) = (Vec::new(), Vec::new());
    let found = run(
        |n, sink| {
            let (f, t) = docs::text_tokens(n, path, text, sink);
            figs = f.into_iter().map(str::to_string).collect();
            notes = t.into_iter().map(str::to_string).collect();
            prose::run(n, path, text, sink);
        },
        n,
        mode,
    );
    Text {
        path: path.clone(),
        in_note,
        found,
        figs,
        notes,
    }
}

/// The findings of one pass.
fn run(pass: impl FnOnce(&Indexed, &mut Sink), notice: &Indexed, mode: Mode) -> Vec<Finding> {
    let mut sink = Sink {
        mode,
        out: Vec::new(),
    };
    pass(notice, &mut sink);
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
