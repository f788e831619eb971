//! What the form's panels read to draw fields: the document, the findings
//! by field, which fields show their messages, and the groups. Built once
//! per render of the form and passed down; not a component.

use super::field::Field;
use super::groups::Groups;
use super::state::{ByField, Doc};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct View {
    pub doc: Doc,
    pub by_field: Rc<ByField>,
    pub touched: Rc<HashSet<String>>,
    pub checked: bool,
    pub groups: Rc<Groups>,
    /// The group shown.
    pub group: String,
}

impl View {
    /// A one-line field.
    pub fn input(&self, path: &str, label: &str, value: &str) -> Html {
        self.field(path, label, value, false, None, None)
    }

    /// A multi-line field (prose).
    pub fn text(&self, path: &str, label: &str, value: &str) -> Html {
        self.field(path, label, value, true, None, None)
    }

    /// A figure: phones show a numeric keyboard.
    pub fn number(&self, path: &str, label: &str, value: &str) -> Html {
        self.field(path, label, value, false, None, Some("decimal"))
    }

    pub fn field(
        &self,
        path: &str,
        label: &str,
        value: &str,
        multiline: bool,
        hint: Option<&str>,
        inputmode: Option<&'static str>,
    ) -> Html {
        html! {
            <Field
                path={AttrValue::from(path.to_string())}
                label={AttrValue::from(label.to_string())}
                value={AttrValue::from(value.to_string())}
                {multiline}
                hint={hint.map(|h| AttrValue::from(h.to_string()))}
                inputmode={inputmode.map(AttrValue::Static)}
                findings={self.by_field.get(path).cloned()}
                show={self.shows(path)} />
        }
    }

    /// Whether the messages of `path` show.
    pub fn shows(&self, path: &str) -> bool {
        self.checked || self.touched.contains(path)
    }
}
