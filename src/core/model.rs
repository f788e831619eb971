//! The notice as data: every part of a "Thông báo kết quả kiểm tra, giám sát".
//!
//! Everything the officer types is kept as typed (`String`): figures and dates
//! are parsed by [`crate::core::format`] when they are checked or rendered, so
//! the editor never reformats text under the caret and a half-typed value is
//! never lost. Lists carry stable string ids so that adding, removing and
//! reordering items cannot confuse them.
//!
//! Prose fields are *rich text*: plain text with tokens that the renderer
//! replaces (see [`crate::core::text`]): `{fig:ID}` a figure, `{ref:ID}` a
//! referenced document, `{fn:ID}` a footnote marker, `{i}`…`{/i}` italics,
//! and the opening's `{plan}`, `{schedule}`, `{inspection_date}`,
//! `{inspected_body}`. So a figure is typed once and appears formatted
//! wherever it is used.
//!
//! The file format is these types' serde form: written by the derived
//! `Serialize`; read by hand (`core::json_read`, a fraction of the wasm the
//! derived `Deserialize` took) exactly as the derive read it. Only the test
//! build derives `Deserialize`, to hold the reader to it.

pub use crate::core::relation::{Relation, RelationKind, Source, Words};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The value of `format` in every notice file.
pub const FORMAT_ID: &str = "thongbao.notice";
/// The newest version of the file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Always `"thongbao.notice"`.
    pub format: String,
    /// File format version, currently 2 (version 1 files are migrated when
    /// read: `core::migrate`).
    pub version: u32,
    #[serde(deserialize_with = "via_value")]
    pub status: Status,
    pub header: Header,
    pub opening: Opening,
    /// Documents cited anywhere in the notice (`{ref:ID}`).
    pub references: Vec<DocRef>,
    /// Every figure the notice states (`{fig:ID}`).
    pub figures: Vec<Figure>,
    /// How figures must agree (chains, sums, ratios…), checked as the
    /// officer types (see [`crate::core::relation`]).
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Parts I, II, III (numbered by position).
    pub parts: Vec<Part>,
    /// Footnotes, numbered in order of first appearance of `{fn:ID}`.
    pub footnotes: Vec<Footnote>,
    /// The closing sentence; the renderer ends it with `./.`.
    pub closing: String,
    /// Nơi nhận, one recipient a line; the last is the archive line
    /// (`Lưu: VT, …`).
    pub recipients: Vec<Line>,
    pub signature: Signature,
    /// Warnings the officer accepted, with the reason they wrote.
    #[serde(default)]
    pub accepted: Vec<Acceptance>,
    /// The check report of the last export (see [`crate::core::report`]);
    /// absent in a notice never exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<crate::core::report::CheckReport>,
}

/// Reads an enum of plain names (`status`, `kind`) through a
/// `serde_json::Value`, from inside the JSON text deserialiser's visit. The
/// text deserialiser alone reads a wrong value (a number, a list, an object)
/// differently from the `Value` one import used to read notices with; this
/// keeps import's messages ("expected string or map", the field named), and
/// an error raised inside the visit is placed at the end of its value, which
/// is how import finds the field's path (`json::path_at`). Only the test
/// build derives the deserialiser, to hold `core::json_read` to it.
#[cfg(test)]
fn via_value<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
    use serde::de::{Error, MapAccess, SeqAccess, Visitor};
    use serde_json::Value;
    use std::marker::PhantomData;

    struct Via<T>(PhantomData<T>);
    fn via<T: serde::de::DeserializeOwned, E: Error>(v: Value) -> Result<T, E> {
        T::deserialize(v).map_err(E::custom)
    }
    impl<'de, T: serde::de::DeserializeOwned> Visitor<'de> for Via<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E: Error>(self, v: bool) -> Result<T, E> {
            via(Value::Bool(v))
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<T, E> {
            via(Value::from(v))
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<T, E> {
            via(Value::from(v))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<T, E> {
            via(Value::from(v))
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<T, E> {
            via(Value::from(v))
        }
        fn visit_unit<E: Error>(self) -> Result<T, E> {
            via(Value::Null)
        }
        fn visit_none<E: Error>(self) -> Result<T, E> {
            via(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
            via(Value::deserialize(SeqAccessDeserializer::new(seq))?)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            via(Value::deserialize(MapAccessDeserializer::new(map))?)
        }
    }
    d.deserialize_any(Via(PhantomData))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Dự thảo: still being written, rendered with a "DỰ THẢO" mark.
    #[default]
    Draft,
    /// Trình ký: the copy for signing, passed the final check; no mark; số
    /// and ngày may still be blank for the văn thư to fill in.
    Signing,
    /// Ban hành: issued, số and ngày filled (passed the final check with
    /// them required). Version 2 files written before the three states had
    /// `"final"`, which required số and ngày too: it reads as this.
    #[serde(alias = "final")]
    Issued,
}

impl Status {
    /// The check a notice in this state passed (or must pass).
    pub fn mode(self) -> crate::core::check::Mode {
        use crate::core::check::Mode;
        match self {
            Status::Draft => Mode::Draft,
            Status::Signing => Mode::Final,
            Status::Issued => Mode::Issued,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Cơ quan chủ quản, e.g. `UBND TỈNH LẠNG SƠN`.
    pub parent_body: String,
    /// Cơ quan ban hành as printed in the header, e.g.
    /// `SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`.
    pub issuer: String,
    /// The number, blank while drafting (`97`).
    pub number: String,
    /// The symbol after the slash, e.g. `TB-SLĐTBXH`.
    pub symbol: String,
    /// Place in the place-and-date line, e.g. `Lạng Sơn`.
    pub place: String,
    /// Day of the notice; blank while drafting.
    pub day: String,
    pub month: String,
    pub year: String,
    /// Tên loại, `THÔNG BÁO`.
    pub doc_type: String,
    /// Trích yếu (rich text).
    pub subject: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// Id of the reference that is the inspection plan.
    pub plan: String,
    /// Id of the reference that is the schedule notice.
    pub schedule: String,
    /// The day of the inspection, as typed (`17/7/2024`).
    pub inspection_date: String,
    /// Đơn vị được kiểm tra, e.g. `UBND huyện Chi Lăng`.
    pub inspected_body: String,
    /// The "Thực hiện …" paragraph (rich text with `{plan}`, `{schedule}`,
    /// `{inspection_date}`, `{inspected_body}`).
    pub text: String,
}

/// A document the notice cites: kind, number, symbol, date, issuer, subject.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct DocRef {
    pub id: String,
    /// Tên loại in running text: `Công văn`, `Kế hoạch`, `Nghị định`…
    pub kind: String,
    /// As typed; may be blank when the cited text gives none.
    pub number: String,
    /// Everything after the first slash: `UBND-LĐTĐXHDT`, `2017/NĐ-CP`.
    pub symbol: String,
    /// As typed (`21/3/2024`); may be blank.
    pub date: String,
    /// Who issued it, written after "của" (may be blank).
    pub issuer: String,
    /// What it is about, written after the date and issuer.
    pub subject: String,
    /// Write "số" before the number (the reference omits it at times).
    #[serde(default = "yes")]
    pub with_so: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A whole number of something (`72.032 hộ`).
    #[default]
    Count,
    /// Money (`3.000.000 đồng`, `3.000.000đ`).
    Amount,
    /// Money per something (`2.000đ/trẻ/ngày`, `300.000 đồng/tháng`).
    Rate,
    /// `n/N` of something (`56/58 trường`).
    Fraction,
    /// A stated percentage (`98,9%`).
    Percent,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Stable id, e.g. `safe_home.recognised`.
    pub id: String,
    /// What it counts, for the form (`Số hộ được công nhận`).
    pub label: String,
    #[serde(deserialize_with = "via_value")]
    pub kind: FigureKind,
    /// The number as typed (`72.032`, `72032`, `98,9`); the numerator of a
    /// fraction.
    pub value: String,
    /// The denominator of a fraction, as typed; unused otherwise.
    #[serde(default)]
    pub total: String,
    /// Written after the number: `hộ`, `đồng`, `đ/trẻ/ngày`, `trường`.
    #[serde(default)]
    pub unit: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    /// `KẾT QUẢ KIỂM TRA`; numbered I., II., III. by position.
    pub title: String,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// Rich text; numbered 1., 2. by position.
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph, first line indented.
    #[default]
    Paragraph,
    /// A `- ` bullet.
    Dash,
    /// A `+ ` bullet, one level below a dash.
    Plus,
    /// The cited documents in `refs`, joined with `; ` (text, if any, first).
    Refs,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub id: String,
    #[serde(deserialize_with = "via_value")]
    pub kind: BlockKind,
    /// Rich text.
    pub text: String,
    /// Ids of references, for a `refs` block.
    #[serde(default)]
    pub refs: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub id: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// `KT.`, `TM.`, `Q.`, `TL.`, `TUQ.` or blank when the head signs.
    pub authority: String,
    /// The head's position after the prefix (`GIÁM ĐỐC`).
    pub head: String,
    /// The signer's position (`PHÓ GIÁM ĐỐC`).
    pub position: String,
    pub name: String,
}

/// A warning the officer accepted, with their reason.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
#[cfg_attr(test, derive(Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub rule: String,
    /// The first field of the finding.
    pub field: String,
    pub reason: String,
}

impl Notice {
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn reference(&self, id: &str) -> Option<&DocRef> {
        self.references.iter().find(|r| r.id == id)
    }

    pub fn footnote(&self, id: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.id == id)
    }
}

/// A notice with its figures, references and footnotes indexed by id, so
/// that rules and the renderer look items up in constant time (a long notice
/// has thousands of tokens). It derefs to the [`Notice`]; its `figure`,
/// `reference` and `footnote` shadow the notice's linear lookups.
pub struct Indexed<'a> {
    pub notice: &'a Notice,
    figures: HashMap<&'a str, &'a Figure>,
    references: HashMap<&'a str, &'a DocRef>,
    footnotes: HashMap<&'a str, &'a Footnote>,
}

impl<'a> Indexed<'a> {
    pub fn new(notice: &'a Notice) -> Self {
        // The first item wins on a duplicate id, as the linear lookups do.
        fn index<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<&str, &T> {
            let mut map = HashMap::with_capacity(items.len());
            for item in items {
                map.entry(id(item)).or_insert(item);
            }
            map
        }
        Indexed {
            notice,
            figures: index(&notice.figures, |f| &f.id),
            references: index(&notice.references, |r| &r.id),
            footnotes: index(&notice.footnotes, |f| &f.id),
        }
    }

    pub fn figure(&self, id: &str) -> Option<&'a Figure> {
        self.figures.get(id).copied()
    }

    pub fn reference(&self, id: &str) -> Option<&'a DocRef> {
        self.references.get(id).copied()
    }

    pub fn footnote(&self, id: &str) -> Option<&'a Footnote> {
        self.footnotes.get(id).copied()
    }
}

impl std::ops::Deref for Indexed<'_> {
    type Target = Notice;

    fn deref(&self) -> &Notice {
        self.notice
    }
}
