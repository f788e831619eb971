//! A prose field: what prints is what is edited. The field is a native
//! `<textarea>` holding the *display text* (`core::display`): a figure as
//! its value (`8.314 hộ`), a citation as its text, a footnote marker as a
//! superscript number, never a `{…}` token. Behind it, a mirror with the
//! same font and wrapping (`aria-hidden`) marks the linked pieces.
//!
//! - Typing is the browser's own: input methods (Telex, VNI, composition
//!   events), undo, the caret and screen readers work as in any textarea.
//!   Each `input` is mapped back by `core::display::typed`: inside a
//!   figure's number it edits the figure, across a token it unlinks it,
//!   elsewhere it edits the text around the tokens.
//! - The value is never written back while the officer types or composes:
//!   what the field holds is the model (`Held`) until it loses focus; then
//!   it shows the formatted text again.
//! - "Chèn…" (or Alt+= / Ctrl+Shift+F) opens the [`Picker`]: a figure, a
//!   citation or a footnote (also a new one) goes in at the caret, through
//!   the browser's own insertion so that Ctrl+Z takes it out again.
//! - Callbacks are named on<verb>: oninput, onkeydown, onpick, onclose.

use super::messages::Messages;
use super::picker::Picker;
use super::state::{input_id, message_id, Action, Ctx, Links, State};
use crate::core::check::{Finding, Severity};
use crate::core::display::{self, Link, Shown};
use crate::core::edit::Command;
use crate::core::field::FieldPath;
use crate::core::nfc::nfc;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProseFieldProps {
    pub path: FieldPath,
    pub label: AttrValue,
    /// The rich text from the model.
    pub value: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub findings: Option<Rc<[Finding]>>,
    pub show: bool,
    #[prop_or_default]
    pub class: Classes,
}

/// What the field holds, kept between renders.
#[derive(Default)]
struct Held {
    /// The rich text `shown` stands for.
    rich: String,
    /// What the textarea holds, piece by piece.
    shown: Shown,
    focused: bool,
    composing: bool,
    /// Show the formatted text again at the next render (a footnote was
    /// inserted: its number is known only once it is cited).
    resync: bool,
    /// A token being inserted: what the field will hold.
    pending: Option<Shown>,
    /// The selection when the picker opened (UTF-16 offsets).
    selection: (u32, u32),
}

/// The byte offset of a UTF-16 offset (what the DOM's selection counts).
fn byte_at(text: &str, units: u32) -> usize {
    let mut n = 0;
    for (i, c) in text.char_indices() {
        if n >= units {
            return i;
        }
        n += c.len_utf16() as u32;
    }
    text.len()
}

fn units(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// The field now holds `value`: map it back and send the commands.
fn take(held: &RefCell<Held>, d: &UseReducerDispatcher<State>, path: &FieldPath, value: String) {
    let commands = {
        let mut h = held.borrow_mut();
        if value == h.shown.text {
            h.pending = None;
            return;
        }
        let t = match h.pending.take().filter(|p| p.text == value) {
            Some(p) => {
                let rich = nfc(&p.rich()).into_owned();
                display::Typed {
                    commands: vec![Command::Set {
                        path: path.clone(),
                        value: rich,
                    }],
                    shown: p,
                }
            }
            None => display::typed(path, &h.shown, &value),
        };
        for c in &t.commands {
            if let Command::Set { path: p, value } = c {
                if p == path {
                    h.rich = value.clone();
                }
            }
        }
        h.shown = t.shown;
        t.commands
    };
    for c in commands {
        d.dispatch(Action::Edit(c));
    }
}

/// Inserts `text` at the selection as typing would (undoable); false when
/// the browser would not.
fn insert_text(text: &str) -> bool {
    let doc = gloo::utils::document();
    let Some(f) = js_sys::Reflect::get(&doc, &JsValue::from_str("execCommand"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    f.call3(
        &doc,
        &JsValue::from_str("insertText"),
        &JsValue::FALSE,
        &JsValue::from_str(text),
    )
    .map(|v| v.is_truthy())
    .unwrap_or(false)
}

#[function_component(ProseField)]
pub fn prose_field(p: &ProseFieldProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let links = use_context::<Links>().expect("Links");
    let area = use_node_ref();
    let mirror = use_node_ref();
    let held = use_mut_ref(Held::default);
    let picking = use_state(|| false);
    let redraw = use_force_update();
    {
        let mut h = held.borrow_mut();
        let keep = h.focused && !h.resync && h.rich == p.value.as_str();
        if !keep {
            h.rich = p.value.to_string();
            h.shown = display::display(&p.value, &links.0);
            h.resync = false;
        }
    }
    let path = p.path.clone();
    let id = input_id(&path);

    // The textarea holds what `held` shows: written only when it differs,
    // never while composing; when focused, the caret keeps its distance
    // from the end.
    {
        let (area, mirror, held) = (area.clone(), mirror.clone(), held.clone());
        use_effect(move || {
            let h = held.borrow();
            if let (false, Some(el)) = (h.composing, area.cast::<HtmlTextAreaElement>()) {
                let now = el.value();
                if now != h.shown.text {
                    let tail = units(&now) - el.selection_end().ok().flatten().unwrap_or(0);
                    el.set_value(&h.shown.text);
                    if h.focused {
                        let at = units(&h.shown.text).saturating_sub(tail);
                        let _ = el.set_selection_range(at, at);
                    }
                    // Reading the scroll position lays the page out: only
                    // here and on scroll, never per keystroke.
                    if let Some(m) = mirror.cast::<web_sys::Element>() {
                        m.set_scroll_top(el.scroll_top());
                    }
                }
            }
        });
    }
    // Composition: nothing is read until it ends.
    {
        let (area, held, d, path) = (
            area.clone(),
            held.clone(),
            ctx.dispatch.clone(),
            path.clone(),
        );
        use_effect_with((), move |_| {
            let listeners = area.cast::<HtmlTextAreaElement>().map(|el| {
                let h = held.clone();
                let start = EventListener::new(&el, "compositionstart", move |_| {
                    h.borrow_mut().composing = true;
                });
                let el2 = el.clone();
                let end = EventListener::new(&el, "compositionend", move |_| {
                    held.borrow_mut().composing = false;
                    take(&held, &d, &path, el2.value());
                });
                (start, end)
            });
            move || drop(listeners)
        });
    }

    let oninput = {
        let (held, d, path) = (held.clone(), ctx.dispatch.clone(), path.clone());
        Callback::from(move |e: InputEvent| {
            if held.borrow().composing {
                return;
            }
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            take(&held, &d, &path, el.value());
        })
    };
    let onfocus = {
        let held = held.clone();
        Callback::from(move |_: FocusEvent| held.borrow_mut().focused = true)
    };
    let onblur = {
        let (held, d, path, redraw) = (
            held.clone(),
            ctx.dispatch.clone(),
            path.clone(),
            redraw.clone(),
        );
        Callback::from(move |_: FocusEvent| {
            {
                let mut h = held.borrow_mut();
                h.focused = false;
                h.composing = false;
            }
            d.dispatch(Action::Touch(path.clone()));
            redraw.force_update();
        })
    };
    let open = {
        let (held, area, picking) = (held.clone(), area.clone(), picking.clone());
        move || {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                let s = el.selection_start().ok().flatten().unwrap_or(0);
                let e = el.selection_end().ok().flatten().unwrap_or(s);
                held.borrow_mut().selection = (s, e);
            }
            picking.set(true);
        }
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let alt_eq = e.alt_key() && !e.ctrl_key() && (key == "=" || e.code() == "Equal");
            let ctrl_f = e.ctrl_key() && e.shift_key() && key.eq_ignore_ascii_case("f");
            if alt_eq || ctrl_f {
                e.prevent_default();
                open();
            }
        })
    };
    let onopen = Callback::from(move |_: MouseEvent| open());
    let onclose = {
        let (picking, area) = (picking.clone(), area.clone());
        Callback::from(move |_: ()| {
            picking.set(false);
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                let _ = el.focus();
            }
        })
    };
    let onpick = {
        let (held, area, picking) = (held.clone(), area.clone(), picking.clone());
        let (d, path, links) = (ctx.dispatch.clone(), path.clone(), links.clone());
        Callback::from(move |source: String| {
            picking.set(false);
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let _ = el.focus();
            held.borrow_mut().focused = true;
            let (at, from, to, new, caret) = {
                let mut h = held.borrow_mut();
                let (s, e) = h.selection;
                let (mut from, mut to) = (byte_at(&h.shown.text, s), byte_at(&h.shown.text, e));
                if from == to {
                    // A caret inside a token: after it.
                    if let Some(t) = h
                        .shown
                        .pieces
                        .iter()
                        .find(|t| t.link.is_some() && t.start < from && from < t.end)
                    {
                        (from, to) = (t.end, t.end);
                    }
                }
                let (new, caret) = display::insert(&h.shown, from, to, &source, &links.0);
                h.pending = Some(new.clone());
                h.resync = source.starts_with("{fn:");
                let (from16, to16) = (units(&h.shown.text[..from]), units(&h.shown.text[..to]));
                (from, from16, to16, new, caret)
            };
            let _ = el.set_selection_range(from, to);
            let inserted = new.text[at..caret].to_string();
            let caret16 = units(&new.text[..caret]);
            if !insert_text(&inserted) || held.borrow().pending.is_some() {
                el.set_value(&new.text);
                take(&held, &d, &path, new.text.clone());
            }
            let _ = el.set_selection_range(caret16, caret16);
        })
    };
    let onscroll = {
        let (area, mirror) = (area.clone(), mirror.clone());
        Callback::from(move |_: Event| {
            if let (Some(el), Some(m)) = (
                area.cast::<HtmlTextAreaElement>(),
                mirror.cast::<web_sys::Element>(),
            ) {
                m.set_scroll_top(el.scroll_top());
            }
        })
    };

    let findings: &[Finding] = p.findings.as_deref().unwrap_or(&[]);
    let shown_msgs = p.show && !findings.is_empty();
    let has_error = shown_msgs && findings.iter().any(|f| f.severity == Severity::Error);
    let invalid = shown_msgs
        && findings
            .iter()
            .any(|f| f.severity == Severity::Error || f.accepted.is_none());
    let mid = message_id(&path);
    let hint_id = format!("h-{path}");
    let help_id = format!("ph-{path}");
    let mut described = Vec::new();
    if p.hint.is_some() {
        described.push(hint_id.clone());
    }
    described.push(help_id.clone());
    if shown_msgs {
        described.push(mid.clone());
    }
    let state_class = if has_error {
        Some("has-error")
    } else if invalid {
        Some("has-warning")
    } else {
        None
    };
    let h = held.borrow();
    let text = &h.shown.text;
    let rows = (text.chars().count() / 60 + 1 + text.matches('\n').count()).clamp(2, 14);
    let marks = h.shown.pieces.iter().map(|piece| {
        let t = text[piece.start..piece.end].to_string();
        let kind = match &piece.link {
            None | Some(Link::Mark) => return html! { { t } },
            Some(Link::Figure(_)) => "fig",
            Some(Link::Ref(_)) | Some(Link::Var(_)) => "ref",
            Some(Link::Note(_)) => "note",
            Some(Link::Unknown) => "unknown",
        };
        html! { <mark class={classes!("tok", kind)}>{ t }</mark> }
    });
    // Numbers typed as plain text can become figures of the notice.
    let typed_numbers = h
        .shown
        .pieces
        .iter()
        .any(|x| x.link.is_none() && text[x.start..x.end].bytes().any(|b| b.is_ascii_digit()));
    let onrecognise = {
        let (d, path) = (ctx.dispatch.clone(), path.clone());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Edit(Command::AcceptProposal(path.clone())))
        })
    };
    let label = p.label.clone();
    html! {
        <div class={classes!("field", "prose", state_class, p.class.clone())}>
            <div class="prose-head">
                <label for={id.clone()}>{ label.clone() }</label>
                <button type="button" class="link insert" onclick={onopen}
                    aria-haspopup="dialog" aria-expanded={(*picking).then_some("true")}
                    aria-label={format!("{} – {}", ctx.t("Chèn số liệu, văn bản, chú thích", "Insert a figure, document or footnote"), label)}>
                    { ctx.t("Chèn…", "Insert…") }
                </button>
                if typed_numbers {
                    <button type="button" class="link recognise" onclick={onrecognise}
                        aria-label={format!("{} – {}", ctx.t("Biến các con số đã gõ thành số liệu", "Make the typed numbers figures"), label)}>
                        { ctx.t("Thành số liệu", "Make figures") }
                    </button>
                }
            </div>
            if let Some(hint) = &p.hint {
                <p class="hint" id={hint_id}>{ hint.clone() }</p>
            }
            <span class="visually-hidden" id={help_id}>
                { ctx.t("Số liệu, văn bản dẫn chiếu và chú thích được liên kết và tô màu; sửa con số là sửa số liệu. Alt+= để chèn.",
                        "Figures, cited documents and footnotes are linked and highlighted; editing a number edits the figure. Alt+= inserts one.") }
            </span>
            <div class="prose-box">
                <div class="prose-mirror" ref={mirror} aria-hidden="true">{ for marks }{ " " }</div>
                <textarea id={id} name={path.to_string()} ref={area} rows={rows.to_string()}
                    {oninput} {onkeydown} {onfocus} {onblur} {onscroll}
                    aria-invalid={(has_error || invalid).then_some("true")}
                    aria-describedby={described.join(" ")}
                    spellcheck="true" lang="vi" />
            </div>
            if *picking {
                <Picker {onpick} {onclose} />
            }
            if shown_msgs {
                <Messages id={mid} findings={p.findings.clone().unwrap_or_else(|| Rc::from(Vec::new()))} />
            }
        </div>
    }
}
