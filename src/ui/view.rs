//! What the form's panels read to draw fields: the document, the findings
//! by field, which fields show their messages, and the groups. Built once
//! per render of the form and passed down; not a component.

use super::field::Field;
use super::state::{ByField, Doc};
use crate::core::field::FieldPath;
use crate::core::lang::Lang;
use crate::core::layout::{Groups, Input};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct View {
    pub doc: Doc,
    pub by_field: Rc<ByField>,
    pub touched: Rc<HashSet<FieldPath>>,
    pub checked: bool,
    pub groups: Rc<Groups>,
    /// The group shown.
    pub group: String,
}

impl View {
    /// The field at `path` as the layout table describes it: its label,
    /// its kind of input, its hint.
    pub fn input(&self, path: FieldPath, lang: Lang, value: &str) -> Html {
        let spec = path.field.spec();
        self.labelled(path, spec.label(lang), value, lang)
    }

    /// The same with a label of its own (`Tên phần II`).
    pub fn labelled(&self, path: FieldPath, label: &str, value: &str, lang: Lang) -> Html {
        let spec = path.field.spec();
        let inputmode = match spec.input {
            Input::Numeric => Some("numeric"),
            Input::Decimal => Some("decimal"),
            _ => None,
        };
        html! {
            <Field
                label={AttrValue::from(label.to_string())}
                value={AttrValue::from(value.to_string())}
                multiline={matches!(spec.input, Input::Text | Input::Lines)}
                hint={spec.hint(lang).map(AttrValue::Static)}
                inputmode={inputmode.map(AttrValue::Static)}
                findings={self.by_field.get(&path).cloned()}
                show={self.shows(&path)}
                {path} />
        }
    }

    /// Whether the messages of `path` show.
    pub fn shows(&self, path: &FieldPath) -> bool {
        self.checked || self.touched.contains(path)
    }
}
