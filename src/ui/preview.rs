//! The live preview: the exported HTML itself (`core::render::render_html`),
//! in an iframe so the app's styles and the notice's stay apart.
//!
//! - The first render sets `srcdoc`; later ones replace the iframe's body
//!   in place (shortly after the last keystroke), so its scroll position
//!   stays where the officer left it.
//! - A click on an element with `data-field` sends the officer to that
//!   field (the listener lives in the app, the notice itself runs no
//!   script: its CSP forbids any).

use super::state::{Action, Ctx, Doc};
use crate::core::render::render_html;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlIFrameElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub doc: Doc,
}

/// The id of the preview iframe (printing uses it).
pub const FRAME_ID: &str = "preview-frame";

/// Puts `html` into the iframe: in place when a document is already there.
fn show(frame: &HtmlIFrameElement, html: &str) {
    let body = html
        .find("<body")
        .and_then(|start| html[start..].find('>').map(|e| start + e + 1))
        .zip(html.rfind("</body>"));
    if let (Some(doc), Some((from, to))) = (frame.content_document(), body) {
        if let (Some(b), true) = (doc.body(), doc.ready_state() == "complete") {
            if from <= to && b.child_element_count() > 0 {
                b.set_inner_html(&html[from..to]);
                return;
            }
        }
    }
    frame.set_srcdoc(html);
}

#[function_component(Preview)]
pub fn preview(p: &PreviewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let frame = use_node_ref();
    let pending = use_mut_ref(|| None::<Timeout>);
    let click = use_mut_ref(|| None::<EventListener>);

    // Re-render the notice shortly after the last change.
    {
        let frame = frame.clone();
        let pending = pending.clone();
        use_effect_with(p.doc.clone(), move |doc| {
            let doc = doc.clone();
            let first = frame
                .cast::<HtmlIFrameElement>()
                .is_some_and(|f| f.srcdoc().is_empty());
            let run = move || {
                if let Some(f) = frame.cast::<HtmlIFrameElement>() {
                    show(&f, &render_html(&doc.get()));
                }
            };
            if first {
                run();
            } else {
                *pending.borrow_mut() = Some(Timeout::new(150, run));
            }
        });
    }

    // After each load of the iframe, listen for clicks on its fields.
    let onload = {
        let frame = frame.clone();
        let d = ctx.dispatch.clone();
        let click = click.clone();
        Callback::from(move |_: Event| {
            let Some(doc) = frame
                .cast::<HtmlIFrameElement>()
                .and_then(|f| f.content_document())
            else {
                return;
            };
            let d = d.clone();
            let listener = EventListener::new(&doc, "click", move |e| {
                let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                let field = target
                    .and_then(|t| t.closest("[data-field]").ok().flatten())
                    .and_then(|el| el.get_attribute("data-field"));
                if let Some(path) = field {
                    e.prevent_default();
                    d.dispatch(Action::Goto(path));
                }
            });
            *click.borrow_mut() = Some(listener);
        })
    };

    html! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title" class="visually-hidden">{ ctx.t("Xem trước thông báo", "Preview of the notice") }</h2>
            <iframe id={FRAME_ID} ref={frame} {onload}
                title={ctx.t("Xem trước thông báo (bấm vào một đoạn để sửa)", "Preview of the notice (click a paragraph to edit it)")} />
        </section>
    }
}
