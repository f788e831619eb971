//! The notice read by hand out of a `serde_json::Value`, as serde's derive
//! read it out of import's compact JSON text: the same notice, and for a
//! bad file the same message and the same field path (`json::path_at` of
//! where serde_json stopped). The derive was the largest single piece of
//! the wasm (a `visit_map` and a `visit_seq` monomorphised per struct,
//! ~45 KB); here every struct goes through one table-driven [`object`].
//! A unit test holds it to the derive (kept in test builds only) on
//! thousands of mutated files.
//!
//! What the derive delegated stays serde's: the enums read through a
//! `Value` (`status`, `kind`), and the relations and the report's mode,
//! read from their own compact text exactly as before.

use crate::core::model::{
    Acceptance, Block, DocRef, Figure, Footnote, Header, Line, Notice, Opening, Part, Section,
    Signature,
};
use crate::core::relation::unexpected;
use crate::core::report::CheckReport;
use serde::de::{DeserializeOwned, Error as _, Unexpected};
use serde_json::{Error, Value};

/// A refusal: the field's path as `json::path_at` names it (`.` for the
/// whole notice) and serde's message, without a position.
pub(crate) struct Fail {
    pub path: String,
    pub message: String,
}

type R<T> = Result<T, Fail>;

enum Step {
    Key(String),
    Index(usize),
}

/// Where the reader is, as import names a field (`header.number`,
/// `recipients[0].text`).
#[derive(Default)]
struct Path(Vec<Step>);

impl Path {
    fn show(&self) -> String {
        if self.0.is_empty() {
            return ".".into();
        }
        let mut out = String::new();
        for step in &self.0 {
            match step {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    fn fail(&self, e: Error) -> Fail {
        Fail {
            path: self.show(),
            message: e.to_string(),
        }
    }

    fn wrong(&self, v: &Value, expected: &str) -> Fail {
        self.fail(Error::invalid_type(unexpected(v), &expected))
    }
}

/// The notice out of `value` (import's, after the header check, the
/// migration and NFC).
pub(crate) fn notice(value: Value) -> R<Notice> {
    notice_at(value, &mut Path::default())
}

fn string(v: Value, p: &mut Path) -> R<String> {
    match v {
        Value::String(s) => Ok(s),
        v => Err(p.wrong(&v, "a string")),
    }
}

fn boolean(v: Value, p: &mut Path) -> R<bool> {
    match v {
        Value::Bool(b) => Ok(b),
        v => Err(p.wrong(&v, "a boolean")),
    }
}

fn uint(v: Value, p: &mut Path) -> R<u32> {
    const U32: &str = "u32";
    let Value::Number(n) = &v else {
        return Err(p.wrong(&v, U32));
    };
    Err(p.fail(match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => match u32::try_from(u) {
            Ok(u) => return Ok(u),
            Err(_) => Error::invalid_value(Unexpected::Unsigned(u), &U32),
        },
        (_, Some(i)) => Error::invalid_value(Unexpected::Signed(i), &U32),
        _ => Error::invalid_type(unexpected(&v), &U32),
    }))
}

fn list<T>(v: Value, p: &mut Path, item: fn(Value, &mut Path) -> R<T>) -> R<Vec<T>> {
    let mut out = Vec::new();
    each(v, p, &mut |v, p| {
        out.push(item(v, p)?);
        Ok(())
    })?;
    Ok(out)
}

/// The items of a list, each at its index: one body for every list.
fn each(v: Value, p: &mut Path, item: &mut dyn FnMut(Value, &mut Path) -> R<()>) -> R<()> {
    let Value::Array(items) = v else {
        return Err(p.wrong(&v, "a sequence"));
    };
    for (i, v) in items.into_iter().enumerate() {
        p.0.push(Step::Index(i));
        item(v, p)?;
        p.0.pop();
    }
    Ok(())
}

/// An enum the derive read through a `Value` (`model::via_value`): the
/// `Value` deserialiser's words, placed at the value.
fn via<T: DeserializeOwned>(v: Value, p: &mut Path) -> R<T> {
    T::deserialize(v).map_err(|e| p.fail(e))
}

/// The path of byte `at` of `text`, the compact text of the value at `p`,
/// as `json::path_at` names it in the whole notice's text (which holds
/// `text` as it is): `.` when `at` is at no value's start or end.
fn path_in(p: &Path, text: &str, at: usize) -> String {
    let Some(inner) = super::json::find_path(text, at) else {
        return ".".into();
    };
    let base = p.show();
    match (base.as_str(), inner.as_str()) {
        (_, ".") => base,
        (".", _) => inner,
        (_, i) if i.starts_with('[') => base + i,
        (b, i) => format!("{b}.{i}"),
    }
}

/// A value serde reads from its compact text, as it read it inside the
/// notice's text: where it stopped, within that text, continues the path.
fn by_text<T: DeserializeOwned>(v: Value, p: &mut Path) -> R<T> {
    let text = v.to_string();
    serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
            .unwrap_or(&message)
            .to_string();
        Fail {
            path: path_in(p, &text, e.column()),
            message,
        }
    })
}

/// Calls `set(field index, value, path)` for each field of a struct of the
/// format, as serde's derive with `deny_unknown_fields` reads one: from an
/// object, key by key in the text's order (sorted, as the `Value` keeps
/// them; an unknown key fails there), then a required field that was not
/// there; or from a list of the fields' values in declaration order.
/// `optional` has bit `i` set when field `i` has a default.
fn object(
    v: Value,
    p: &mut Path,
    name: &'static str,
    fields: &'static [&'static str],
    optional: u32,
    set: &mut dyn FnMut(usize, Value, &mut Path) -> R<()>,
) -> R<()> {
    match v {
        Value::Object(map) => {
            let mut seen = 0u32;
            for (k, v) in map {
                let i = fields.iter().position(|f| *f == k);
                let e = i.is_none().then(|| Error::unknown_field(&k, fields));
                p.0.push(Step::Key(k));
                if let Some(e) = e {
                    return Err(p.fail(e));
                }
                let i = i.unwrap_or_default();
                seen |= 1 << i;
                set(i, v, p)?;
                p.0.pop();
            }
            match (0..fields.len()).find(|i| (seen | optional) & (1 << i) == 0) {
                Some(i) => Err(p.fail(Error::missing_field(fields[i]))),
                None => Ok(()),
            }
        }
        Value::Array(items) => {
            // More values than fields: serde_json stops one byte into the
            // first one too many, once the others have been read.
            let trailing = (items.len() > fields.len()).then(|| {
                let text = Value::Array(items.clone()).to_string();
                let start = items[..fields.len()]
                    .iter()
                    .map(|v| v.to_string().len() + 1)
                    .sum::<usize>()
                    + 1;
                path_in(p, &text, (start + 1).min(text.len()))
            });
            let mut items = items.into_iter();
            for i in 0..fields.len() {
                match items.next() {
                    Some(v) => {
                        p.0.push(Step::Index(i));
                        set(i, v, p)?;
                        p.0.pop();
                    }
                    None if optional & (1 << i) != 0 => {}
                    None => {
                        let expected = format!("{name} with {} elements", fields.len());
                        return Err(p.fail(Error::invalid_length(i, &expected.as_str())));
                    }
                }
            }
            match trailing {
                Some(path) => Err(Fail {
                    path,
                    message: "trailing characters".into(),
                }),
                None => Ok(()),
            }
        }
        v => Err(p.wrong(&v, name)),
    }
}

fn notice_at(v: Value, p: &mut Path) -> R<Notice> {
    const FIELDS: &[&str] = &[
        "format",
        "version",
        "status",
        "header",
        "opening",
        "references",
        "figures",
        "relations",
        "parts",
        "footnotes",
        "closing",
        "recipients",
        "signature",
        "accepted",
        "report",
    ];
    let mut n = Notice {
        format: String::new(),
        version: 0,
        status: Default::default(),
        header: Default::default(),
        opening: Default::default(),
        references: Vec::new(),
        figures: Vec::new(),
        relations: Vec::new(),
        parts: Vec::new(),
        footnotes: Vec::new(),
        closing: String::new(),
        recipients: Vec::new(),
        signature: Default::default(),
        accepted: Vec::new(),
        report: None,
    };
    // relations, accepted and report have defaults.
    let optional = 1 << 7 | 1 << 13 | 1 << 14;
    object(v, p, "struct Notice", FIELDS, optional, &mut |i, v, p| {
        match i {
            0 => n.format = string(v, p)?,
            1 => n.version = uint(v, p)?,
            2 => n.status = via(v, p)?,
            3 => n.header = header_at(v, p)?,
            4 => n.opening = opening_at(v, p)?,
            5 => n.references = list(v, p, doc_ref)?,
            6 => n.figures = list(v, p, figure)?,
            7 => n.relations = list(v, p, by_text)?,
            8 => n.parts = list(v, p, part)?,
            9 => n.footnotes = list(v, p, footnote)?,
            10 => n.closing = string(v, p)?,
            11 => n.recipients = list(v, p, line)?,
            12 => n.signature = signature_at(v, p)?,
            13 => n.accepted = list(v, p, acceptance)?,
            _ => {
                n.report = match v {
                    Value::Null => None,
                    v => Some(check_report(v, p)?),
                }
            }
        }
        Ok(())
    })?;
    Ok(n)
}

/// A struct whose fields are all strings, read into `out` in declaration
/// order.
fn strings(
    v: Value,
    p: &mut Path,
    name: &'static str,
    fields: &'static [&'static str],
    out: &mut [&mut String],
) -> R<()> {
    object(v, p, name, fields, 0, &mut |i, v, p| {
        *out[i] = string(v, p)?;
        Ok(())
    })
}

fn header_at(v: Value, p: &mut Path) -> R<Header> {
    let mut h = Header::default();
    let Header {
        parent_body,
        issuer,
        number,
        symbol,
        place,
        day,
        month,
        year,
        doc_type,
        subject,
    } = &mut h;
    strings(
        v,
        p,
        "struct Header",
        &[
            "parent_body",
            "issuer",
            "number",
            "symbol",
            "place",
            "day",
            "month",
            "year",
            "doc_type",
            "subject",
        ],
        &mut [
            parent_body,
            issuer,
            number,
            symbol,
            place,
            day,
            month,
            year,
            doc_type,
            subject,
        ],
    )?;
    Ok(h)
}

fn opening_at(v: Value, p: &mut Path) -> R<Opening> {
    let mut o = Opening::default();
    let Opening {
        plan,
        schedule,
        inspection_date,
        inspected_body,
        text,
    } = &mut o;
    strings(
        v,
        p,
        "struct Opening",
        &[
            "plan",
            "schedule",
            "inspection_date",
            "inspected_body",
            "text",
        ],
        &mut [plan, schedule, inspection_date, inspected_body, text],
    )?;
    Ok(o)
}

fn signature_at(v: Value, p: &mut Path) -> R<Signature> {
    let mut s = Signature::default();
    let Signature {
        authority,
        head,
        position,
        name,
    } = &mut s;
    strings(
        v,
        p,
        "struct Signature",
        &["authority", "head", "position", "name"],
        &mut [authority, head, position, name],
    )?;
    Ok(s)
}

fn line(v: Value, p: &mut Path) -> R<Line> {
    let mut l = Line::default();
    let Line { id, text } = &mut l;
    strings(v, p, "struct Line", &["id", "text"], &mut [id, text])?;
    Ok(l)
}

fn acceptance(v: Value, p: &mut Path) -> R<Acceptance> {
    let mut a = Acceptance::default();
    let Acceptance {
        rule,
        field,
        reason,
    } = &mut a;
    strings(
        v,
        p,
        "struct Acceptance",
        &["rule", "field", "reason"],
        &mut [rule, field, reason],
    )?;
    Ok(a)
}

fn doc_ref(v: Value, p: &mut Path) -> R<DocRef> {
    let mut r = DocRef {
        with_so: true,
        ..DocRef::default()
    };
    const FIELDS: &[&str] = &[
        "id", "kind", "number", "symbol", "date", "issuer", "subject", "with_so",
    ];
    object(v, p, "struct DocRef", FIELDS, 1 << 7, &mut |i, v, p| {
        let s = match i {
            0 => &mut r.id,
            1 => &mut r.kind,
            2 => &mut r.number,
            3 => &mut r.symbol,
            4 => &mut r.date,
            5 => &mut r.issuer,
            6 => &mut r.subject,
            _ => {
                r.with_so = boolean(v, p)?;
                return Ok(());
            }
        };
        *s = string(v, p)?;
        Ok(())
    })?;
    Ok(r)
}

fn figure(v: Value, p: &mut Path) -> R<Figure> {
    let mut f = Figure::default();
    const FIELDS: &[&str] = &["id", "label", "kind", "value", "total", "unit"];
    object(
        v,
        p,
        "struct Figure",
        FIELDS,
        1 << 4 | 1 << 5,
        &mut |i, v, p| {
            let s = match i {
                0 => &mut f.id,
                1 => &mut f.label,
                2 => {
                    f.kind = via(v, p)?;
                    return Ok(());
                }
                3 => &mut f.value,
                4 => &mut f.total,
                _ => &mut f.unit,
            };
            *s = string(v, p)?;
            Ok(())
        },
    )?;
    Ok(f)
}

fn part(v: Value, p: &mut Path) -> R<Part> {
    let mut out = Part::default();
    object(
        v,
        p,
        "struct Part",
        &["id", "title", "sections"],
        0,
        &mut |i, v, p| {
            match i {
                0 => out.id = string(v, p)?,
                1 => out.title = string(v, p)?,
                _ => out.sections = list(v, p, section)?,
            }
            Ok(())
        },
    )?;
    Ok(out)
}

fn section(v: Value, p: &mut Path) -> R<Section> {
    let mut out = Section::default();
    object(
        v,
        p,
        "struct Section",
        &["id", "title", "blocks"],
        0,
        &mut |i, v, p| {
            match i {
                0 => out.id = string(v, p)?,
                1 => out.title = string(v, p)?,
                _ => out.blocks = list(v, p, block)?,
            }
            Ok(())
        },
    )?;
    Ok(out)
}

fn footnote(v: Value, p: &mut Path) -> R<Footnote> {
    let mut out = Footnote::default();
    object(
        v,
        p,
        "struct Footnote",
        &["id", "blocks"],
        0,
        &mut |i, v, p| {
            match i {
                0 => out.id = string(v, p)?,
                _ => out.blocks = list(v, p, block)?,
            }
            Ok(())
        },
    )?;
    Ok(out)
}

fn block(v: Value, p: &mut Path) -> R<Block> {
    let mut out = Block::default();
    object(
        v,
        p,
        "struct Block",
        &["id", "kind", "text", "refs"],
        1 << 3,
        &mut |i, v, p| {
            match i {
                0 => out.id = string(v, p)?,
                1 => out.kind = via(v, p)?,
                2 => out.text = string(v, p)?,
                _ => out.refs = list(v, p, string)?,
            }
            Ok(())
        },
    )?;
    Ok(out)
}

fn check_report(v: Value, p: &mut Path) -> R<CheckReport> {
    const FIELDS: &[&str] = &[
        "checked_at",
        "checked_by",
        "mode",
        "errors",
        "warnings",
        "accepted",
        "fingerprint",
    ];
    let mut r = CheckReport {
        checked_at: String::new(),
        checked_by: String::new(),
        mode: crate::core::report::ReportMode::Draft,
        errors: 0,
        warnings: 0,
        accepted: Vec::new(),
        fingerprint: String::new(),
    };
    object(
        v,
        p,
        "struct CheckReport",
        FIELDS,
        1 << 5,
        &mut |i, v, p| {
            match i {
                0 => r.checked_at = string(v, p)?,
                1 => r.checked_by = string(v, p)?,
                2 => r.mode = by_text(v, p)?,
                3 => r.errors = uint(v, p)?,
                4 => r.warnings = uint(v, p)?,
                5 => r.accepted = list(v, p, acceptance)?,
                _ => r.fingerprint = string(v, p)?,
            }
            Ok(())
        },
    )?;
    Ok(r)
}

/// For code that reads a notice with serde (`serde_json::from_str::<Notice>`:
/// `nfc::normalise_notice`, tests): through a `Value` and this reader. The
/// test build derives it instead, to compare.
#[cfg(not(test))]
impl<'de> serde::Deserialize<'de> for Notice {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        notice(Value::deserialize(d)?)
            .map_err(|f| D::Error::custom(format!("{}: {}", f.path, f.message)))
    }
}

#[cfg(test)]
mod tests {
    //! The reader against serde's derive (derived in test builds only) on
    //! the shipped notices and thousands of mutations of them: every node
    //! replaced by a value of every JSON type, keys removed and added,
    //! objects given as lists, lists shortened and lengthened. The same
    //! notice, or the same path and message.
    use super::notice;
    use crate::core::json::path_at;
    use crate::core::model::Notice;
    use serde_json::{json, Value};

    /// What import did before: serde's derive over the compact text, the
    /// path from where it stopped.
    fn derived(text: &str) -> Result<Notice, (String, String)> {
        serde_json::from_str::<Notice>(text).map_err(|e| {
            let path = path_at(text, e.column());
            let message = e.to_string();
            let message = message
                .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
                .unwrap_or(&message)
                .to_string();
            (path, message)
        })
    }

    fn ours(text: &str) -> Result<Notice, (String, String)> {
        notice(serde_json::from_str(text).unwrap()).map_err(|f| (f.path, f.message))
    }

    /// Checks one document; a difference is kept (at most 40) in `bad`.
    fn same(v: &Value, checked: &mut usize, bad: &mut Vec<String>) {
        let text = v.to_string();
        let (a, b) = (ours(&text), derived(&text));
        if a != b && bad.len() < 40 {
            let show = |o: &Result<Notice, (String, String)>| match o {
                Ok(_) => "a notice".to_string(),
                Err((p, m)) => format!("{p}: {m}"),
            };
            bad.push(format!("ours {} | derive {}", show(&a), show(&b)));
        }
        *checked += 1;
    }

    /// Every list cut to its first two items, to keep the run short.
    fn shorten(v: &mut Value) {
        match v {
            Value::Array(a) => {
                a.truncate(2);
                a.iter_mut().for_each(shorten);
            }
            Value::Object(m) => m.values_mut().for_each(shorten),
            _ => {}
        }
    }

    fn replacements(node: &Value) -> Vec<Value> {
        let mut out = vec![
            json!(null),
            json!(true),
            json!(0),
            json!(97),
            json!(-1),
            json!(1.5),
            json!(4294967296u64),
            json!(-9223372036854775808i64),
            json!(1e300),
            json!("x"),
            json!("draft"),
            json!("final"),
            json!("count"),
            json!("dash"),
            json!([]),
            json!(["x"]),
            json!([5]),
            json!({}),
            json!({"x": 1}),
            json!({"draft": null}),
            json!({"issued": 1}),
            json!({"count": null, "rate": null}),
            json!({"id": "z"}),
        ];
        match node {
            Value::Object(m) => {
                for k in m.keys() {
                    let mut less = m.clone();
                    less.remove(k);
                    out.push(Value::Object(less));
                }
                for k in ["aa", "zz", "id"] {
                    let mut more = m.clone();
                    more.insert(k.into(), json!(1));
                    out.push(Value::Object(more));
                }
                let values: Vec<Value> = m.values().cloned().collect();
                out.push(Value::Array(values.clone()));
                for n in 0..=m.len() + 2 {
                    out.push(Value::Array(
                        (0..n).map(|i| json!(format!("s{i}"))).collect(),
                    ));
                }
                let mut more = values;
                more.push(json!(1));
                out.push(Value::Array(more));
            }
            Value::Array(a) if !a.is_empty() => {
                out.push(Value::Array(a[..a.len() - 1].to_vec()));
                let mut more = a.clone();
                more.push(a[0].clone());
                out.push(Value::Array(more));
                let mut more = a.clone();
                more.push(json!(5));
                out.push(Value::Array(more));
            }
            _ => {}
        }
        out
    }

    /// Calls `each` with the whole document after each mutation of each
    /// node.
    fn mutate(doc: &Value, at: &mut Vec<PathStep>, each: &mut dyn FnMut(&Value)) {
        let node = get(doc, at).clone();
        for r in replacements(&node) {
            let mut d = doc.clone();
            *get_mut(&mut d, at) = r;
            each(&d);
        }
        match &node {
            Value::Object(m) => {
                for k in m.keys() {
                    at.push(PathStep::Key(k.clone()));
                    mutate(doc, at, each);
                    at.pop();
                }
            }
            Value::Array(a) => {
                for i in 0..a.len() {
                    at.push(PathStep::Index(i));
                    mutate(doc, at, each);
                    at.pop();
                }
            }
            _ => {}
        }
    }

    enum PathStep {
        Key(String),
        Index(usize),
    }

    fn get<'a>(v: &'a Value, at: &[PathStep]) -> &'a Value {
        at.iter().fold(v, |v, s| match s {
            PathStep::Key(k) => &v[k.as_str()],
            PathStep::Index(i) => &v[*i],
        })
    }

    fn get_mut<'a>(v: &'a mut Value, at: &[PathStep]) -> &'a mut Value {
        at.iter().fold(v, |v, s| match s {
            PathStep::Key(k) => &mut v[k.as_str()],
            PathStep::Index(i) => &mut v[*i],
        })
    }

    #[test]
    fn reads_as_the_derive_on_mutated_notices() {
        use crate::core::samples::{sample, template};
        let stamped = crate::core::report::stamp(&sample(), 1_723_714_200);
        let (mut checked, mut bad) = (0, Vec::new());
        for n in [sample(), template(), stamped] {
            let full = serde_json::to_value(&n).unwrap();
            same(&full, &mut checked, &mut bad);
            let mut doc = full;
            shorten(&mut doc);
            mutate(&doc, &mut Vec::new(), &mut |d| {
                same(d, &mut checked, &mut bad)
            });
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        assert!(checked > 5000, "{checked}");
    }
}
