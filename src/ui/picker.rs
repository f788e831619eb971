//! The picker of a prose field: what can go in at the caret — the notice's
//! figures (name and value), cited documents, footnotes, or a new footnote
//! with the text typed — in a list filtered as the officer types (letters
//! with or without their marks). ↑/↓ choose, Enter inserts, Esc closes;
//! focus goes back to the field. Mounted only while open, so reading the
//! whole notice here costs nothing per keystroke elsewhere.
//!
//! Callbacks: onpick (the token to insert, e.g. `{fig:ID}`), onclose.

use super::state::{Action, Ctx, Doc};
use crate::core::display::superscript;
use crate::core::edit::{new_id, Command};
use crate::core::nfc::fold_ascii;
use crate::core::render::{citation, figure_text, note_order};
use crate::core::text::plain;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub onpick: Callback<String>,
    pub onclose: Callback<()>,
}

/// One thing to insert: its token (empty: a new footnote), what kind of
/// thing it is and what it shows.
struct Choice {
    token: String,
    kind: &'static str,
    text: String,
}

/// For filtering: lowercase, without marks, punctuation as spaces
/// (`“Ngôi nhà”` is found by `ngoi nha`).
fn folded(s: &str) -> String {
    let f = fold_ascii(&s.to_lowercase()).into_owned();
    let words: String = f
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[function_component(Picker)]
pub fn picker(p: &PickerProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = use_context::<Doc>().expect("Doc");
    let query = use_state(String::new);
    let active = use_state(|| 0usize);
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                let _ = i.focus();
            }
        });
    }
    let n = doc.get();
    let mut all: Vec<Choice> = Vec::new();
    for f in &n.figures {
        let name = if f.label.trim().is_empty() {
            ctx.t("Số liệu chưa đặt tên", "Unnamed figure").to_string()
        } else {
            f.label.clone()
        };
        all.push(Choice {
            token: format!("{{fig:{}}}", f.id),
            kind: ctx.t("Số liệu", "Figure"),
            text: format!("{name}: {}", figure_text(f)),
        });
    }
    for r in &n.references {
        all.push(Choice {
            token: format!("{{ref:{}}}", r.id),
            kind: ctx.t("Văn bản", "Document"),
            text: clip(&citation(r), 90),
        });
    }
    let order = note_order(&n);
    for f in &n.footnotes {
        let number = order
            .iter()
            .position(|id| *id == f.id)
            .map_or(String::new(), |i| superscript(i + 1));
        let words = f.blocks.first().map(|b| plain(&b.text)).unwrap_or_default();
        all.push(Choice {
            token: format!("{{fn:{}}}", f.id),
            kind: ctx.t("Chú thích", "Footnote"),
            text: format!("{number} {}", clip(&words, 80)).trim().to_string(),
        });
    }
    let q = folded(query.trim());
    let mut shown: Vec<Choice> = all
        .into_iter()
        .filter(|c| q.is_empty() || folded(&c.text).contains(&q))
        .collect();
    if !query.trim().is_empty() {
        shown.push(Choice {
            token: String::new(),
            kind: ctx.t("Chú thích mới", "New footnote"),
            text: query.trim().to_string(),
        });
    }
    let len = shown.len();
    let current = (*active).min(len.saturating_sub(1));
    drop(n);

    let pick = {
        let (onpick, d, doc) = (p.onpick.clone(), ctx.dispatch.clone(), doc.clone());
        move |c: &Choice| {
            if c.token.is_empty() {
                let id = new_id(&doc.get(), "fn");
                d.dispatch(Action::Edit(Command::AddFootnote {
                    id: id.clone(),
                    text: c.text.clone(),
                }));
                onpick.emit(format!("{{fn:{id}}}"));
            } else {
                onpick.emit(c.token.clone());
            }
        }
    };
    let tokens: Vec<(String, String)> = shown
        .iter()
        .map(|c| (c.token.clone(), c.text.clone()))
        .collect();
    let choose = {
        let pick = pick.clone();
        move |i: usize| {
            if let Some((token, text)) = tokens.get(i) {
                pick(&Choice {
                    token: token.clone(),
                    kind: "",
                    text: text.clone(),
                });
            }
        }
    };
    let onkeydown = {
        let (active, onclose, choose) = (active.clone(), p.onclose.clone(), choose.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                active.set((current + 1).min(len.saturating_sub(1)));
            }
            "ArrowUp" => {
                e.prevent_default();
                active.set(current.saturating_sub(1));
            }
            "Enter" => {
                e.prevent_default();
                choose(current);
            }
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                onclose.emit(());
            }
            _ => {}
        })
    };
    let oninput = {
        let (query, active) = (query.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            query.set(i.value());
            active.set(0);
        })
    };
    let onclose = {
        let onclose = p.onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(()))
    };
    let options = shown.iter().enumerate().map(|(i, c)| {
        let onclick = {
            let choose = choose.clone();
            Callback::from(move |_: MouseEvent| choose(i))
        };
        let new = c.token.is_empty();
        html! {
            <li key={if new { "new".to_string() } else { c.token.clone() }} id={format!("pick-{i}")} role="option"
                class={classes!("choice", (i == current).then_some("active"))}
                aria-selected={if i == current { "true" } else { "false" }} {onclick}>
                <span class="kind">{ c.kind }{ if new { ": " } else { " " } }</span>
                { if new { format!("“{}”", c.text) } else { c.text.clone() } }
            </li>
        }
    });
    let title = ctx.t(
        "Chèn số liệu, văn bản dẫn chiếu hoặc chú thích",
        "Insert a figure, a cited document or a footnote",
    );
    html! {
        <div class="picker" role="dialog" aria-label={title}>
            <label for="picker-q">{ title }</label>
            <p class="hint" id="picker-help">
                { ctx.t("Gõ để lọc; ↑ ↓ để chọn, Enter để chèn, Esc để đóng. Gõ nội dung rồi chọn “Chú thích mới” để thêm chú thích.",
                        "Type to filter; ↑ ↓ to choose, Enter to insert, Esc to close. Type a text and choose “New footnote” to add one.") }
            </p>
            <input id="picker-q" ref={input} type="text" role="combobox" autocomplete="off"
                aria-expanded="true" aria-controls="picker-list" aria-autocomplete="list"
                aria-describedby="picker-help"
                aria-activedescendant={(len > 0).then(|| format!("pick-{current}"))}
                value={(*query).clone()} {oninput} {onkeydown} />
            <ul id="picker-list" role="listbox" aria-label={title}>
                { for options }
            </ul>
            if len == 0 {
                <p class="hint">{ ctx.t("Không có gì để chèn.", "Nothing to insert.") }</p>
            }
            <button type="button" onclick={onclose}>{ ctx.t("Đóng", "Close") }</button>
        </div>
    }
}
