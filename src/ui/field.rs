//! One editable field: label, input (or textarea), hint, and its inline
//! messages.
//!
//! - The input shows the model's raw string, exactly as typed; it is never
//!   reformatted under the caret.
//! - Messages show only once the field was touched (lost focus) or after
//!   "Kiểm tra"; then the input gets `aria-invalid` (errors) and
//!   `aria-describedby` pointing at the message.
//! - Callbacks are named on<verb>: oninput, onblur.

use super::messages::Messages;
use super::prose_field::ProseField;
use super::state::{input_id, message_id, Action, Ctx};
use crate::core::check::{Finding, Severity};
use crate::core::edit::Command;
use crate::core::field::FieldPath;
use crate::core::nfc::nfc;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub path: FieldPath,
    pub label: AttrValue,
    /// The raw value from the model.
    pub value: AttrValue,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// `decimal` for figures, so phones show digits.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// The findings sent to this field.
    #[prop_or_default]
    pub findings: Option<Rc<[Finding]>>,
    /// Show messages (touched, or "Kiểm tra" pressed).
    pub show: bool,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    // Prose shows what prints (a path's field never changes kind, so the
    // hooks below run in the same order for a given field).
    if p.path.field.is_rich() {
        return html! {
            <ProseField path={p.path.clone()} label={p.label.clone()} value={p.value.clone()}
                hint={p.hint.clone()} findings={p.findings.clone()} show={p.show}
                class={p.class.clone()} />
        };
    }
    let ctx = use_context::<Ctx>().expect("Ctx");
    let path = p.path.clone();
    let id = input_id(&path);
    // What the officer typed, as typed: the notice holds it composed (NFC,
    // see core::edit), and writing the composed text back into the input
    // while they type would move the caret and break an input method's
    // composition. Shown while it still says what the notice says.
    let typed = use_mut_ref(|| None::<String>);
    let value = match &*typed.borrow() {
        Some(t) if nfc(t) == p.value.as_str() => AttrValue::from(t.clone()),
        _ => p.value.clone(),
    };
    let mid = message_id(&path);
    let hint_id = format!("h-{path}");
    let findings: &[Finding] = p.findings.as_deref().unwrap_or(&[]);
    let shown = p.show && !findings.is_empty();
    let invalid = shown
        && findings
            .iter()
            .any(|f| f.severity == Severity::Error || f.accepted.is_none());
    let has_error = shown && findings.iter().any(|f| f.severity == Severity::Error);
    let mut described = Vec::new();
    if p.hint.is_some() {
        described.push(hint_id.clone());
    }
    if shown {
        described.push(mid.clone());
    }
    let describedby = (!described.is_empty()).then(|| described.join(" "));

    let oninput = {
        let (d, typed) = (ctx.dispatch.clone(), typed.clone());
        let path = path.clone();
        Callback::from(move |e: InputEvent| {
            let value = if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                i.value()
            } else if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                t.value()
            } else {
                return;
            };
            *typed.borrow_mut() = Some(value.clone());
            d.dispatch(Action::Edit(Command::Set {
                path: path.clone(),
                value,
            }));
        })
    };
    let onblur = {
        let d = ctx.dispatch.clone();
        let path = path.clone();
        Callback::from(move |_: FocusEvent| d.dispatch(Action::Touch(path.clone())))
    };
    let aria_invalid = if has_error || invalid {
        Some("true")
    } else {
        None
    };
    let state_class = if has_error {
        Some("has-error")
    } else if invalid {
        Some("has-warning")
    } else {
        None
    };
    let input = if p.multiline {
        let rows = (value.chars().count() / 70 + 2).clamp(2, 12).to_string();
        html! {
            <textarea id={id.clone()} name={path.to_string()} rows={rows}
                value={value.clone()} {oninput} {onblur}
                aria-invalid={aria_invalid} aria-describedby={describedby}
                spellcheck="true" lang="vi" />
        }
    } else {
        html! {
            <input id={id.clone()} name={path.to_string()} type="text"
                value={value.clone()} {oninput} {onblur}
                inputmode={p.inputmode.clone()}
                aria-invalid={aria_invalid} aria-describedby={describedby}
                autocomplete="off" spellcheck="false" />
        }
    };
    html! {
        <div class={classes!("field", state_class, p.class.clone())}>
            <label for={id}>{ p.label.clone() }</label>
            if let Some(h) = &p.hint {
                <p class="hint" id={hint_id}>{ h.clone() }</p>
            }
            { input }
            if shown {
                <Messages id={mid} findings={p.findings.clone().unwrap_or_else(|| Rc::from(Vec::new()))} />
            }
        </div>
    }
}
