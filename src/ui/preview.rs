//! The live preview: the exported HTML itself (`core::render::render_html`),
//! in an iframe so the app's styles and the notice's stay apart.
//!
//! - The first render sets `srcdoc` (in the markup, so the frame loads
//!   while the form is laid out); later ones update the iframe's body
//!   in place, so its scroll position stays where the officer left it.
//!   After an edit of one field, only the elements that show it are
//!   rendered and written (`core::render::update`); after any other change
//!   the notice is rendered whole and only the elements whose HTML changed
//!   are written (`preview_patch`).
//! - A click on an element with `data-field` sends the officer to that
//!   field (the listener lives in the app, the notice itself runs no
//!   script: its CSP forbids any).
//! - The notice is laid out at its own width (A4 and a margin,
//!   [`FRAME_WIDTH`]) and, when the pane is narrower, the iframe is scaled
//!   down to fit it (a CSS transform set from here; the notice's HTML stays
//!   the exported one). Clicks map through the transform, so click-to-field
//!   keeps working.
//! - The preview follows the officer: when a field of the form takes the
//!   focus (typing into it, a link of the error summary, a group chosen in
//!   the navigation), the element of the notice that shows it is scrolled
//!   into the preview's view, unless it is already there.

use super::preview_frame::PreviewFrame;
use super::preview_patch;
use super::state::{Action, Ctx, Doc};
use crate::core::outline::{outline, Outline};
use crate::core::render::{note_order, render_html, title, update, Update};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlIFrameElement, ResizeObserver};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub doc: Doc,
}

/// The id of the preview iframe (printing uses it).
pub const FRAME_ID: &str = "preview-frame";

/// The width (CSS px) the notice is laid out at: an A4 page (210 mm ≈ 794
/// px), its screen margins and a scrollbar.
pub const FRAME_WIDTH: f64 = 840.0;

/// Below this pane width the A4 page would be scaled under about 3/4 of its
/// size (14 pt text under 14 px): the notice is shown reflowed at the
/// pane's width instead, its text at full size (a phone: the notice's CSS
/// narrows the page's margins on a narrow screen).
pub const REFLOW_BELOW: f64 = 630.0;

/// Sizes the iframe to its pane: full size when the pane is wide enough
/// (or too narrow to scale: reflowed), otherwise laid out at
/// [`FRAME_WIDTH`] and scaled down to the pane.
fn fit(frame: &HtmlIFrameElement, width: f64, height: f64) {
    if width <= 0.0 || height <= 0.0 {
        return; // hidden (the form tab on a phone)
    }
    let reflow = width < REFLOW_BELOW;
    let style = if width >= FRAME_WIDTH || reflow {
        String::new()
    } else {
        let scale = width / FRAME_WIDTH;
        format!(
            "width:{FRAME_WIDTH}px;height:{:.1}px;transform:scale({scale:.4})",
            height / scale
        )
    };
    let _ = frame.set_attribute("style", &style);
    let _ = frame.set_attribute(
        "data-scale",
        &format!(
            "{:.4}",
            if reflow {
                1.0
            } else {
                (width / FRAME_WIDTH).min(1.0)
            }
        ),
    );
}

/// The preview's document and the body HTML it shows (what the next update
/// is compared with); None after a partial update (the text is then older
/// than the document).
type Shown = Option<(web_sys::Document, String)>;

/// What the preview last showed: the document's version and its footnote
/// order (an edit that renumbers the notes is shown whole).
#[derive(Default)]
struct Last {
    version: Option<u64>,
    notes: Vec<String>,
    /// Which parts and sections print, and their numbers.
    outline: Outline,
}

/// Puts `html` into the iframe: in place when a document is already there,
/// writing only the elements that changed (`preview_patch`).
/// Returns true when it replaced the body in place (the iframe's `srcdoc`
/// then holds an older notice).
fn show(frame: &HtmlIFrameElement, html: &str, shown: &RefCell<Shown>) -> bool {
    if let (Some(doc), Some(new)) = (frame.content_document(), preview_patch::body_of(html)) {
        if let (Some(b), true) = (doc.body(), doc.ready_state() == "complete") {
            if b.child_element_count() > 0 {
                let mut s = shown.borrow_mut();
                match s.as_ref() {
                    Some((d, old)) if d.is_same_node(Some(&doc)) => {
                        preview_patch::patch(&b, old, new)
                    }
                    _ => b.set_inner_html(new),
                }
                *s = Some((doc, new.to_string()));
                return true;
            }
        }
    }
    frame.set_srcdoc(html);
    *shown.borrow_mut() = None;
    false
}

/// Writes a partial update into the preview's document. Returns false when
/// there is no loaded document to write into (then it must be shown whole).
fn show_update(frame: &HtmlIFrameElement, up: &Update) -> bool {
    let Update::Elements { elements, title } = up else {
        return false;
    };
    let Some(doc) = frame.content_document() else {
        return false;
    };
    if doc.ready_state() != "complete" || doc.body().is_none_or(|b| b.child_element_count() == 0) {
        return false;
    }
    for e in elements {
        let selector = format!("[data-field=\"{}\"]", css_string(&e.field));
        let Ok(nodes) = doc.query_selector_all(&selector) else {
            return false;
        };
        for i in 0..nodes.length() {
            // The iframe's own realm: `dyn_into::<Element>` would fail.
            let Some(el) = nodes.get(i).map(|n| n.unchecked_into::<Element>()) else {
                continue;
            };
            if e.inner {
                el.set_inner_html(&e.html);
            } else {
                el.set_outer_html(&e.html);
            }
        }
    }
    if let Some(t) = title {
        doc.set_title(t);
    }
    true
}

/// `text` escaped for a double-quoted CSS string (ids may hold quotes).
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\{:x} ", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Brings the preview up to date with `doc`: partly after an edit of one
/// field since the version shown, whole otherwise. Returns true when the
/// iframe's `srcdoc` is now older than what it shows.
fn refresh(
    frame: &HtmlIFrameElement,
    doc: &Doc,
    shown: &RefCell<Shown>,
    last: &RefCell<Last>,
) -> bool {
    let n = doc.get();
    let mut l = last.borrow_mut();
    let next = l.version.map(|v| v + 1) == Some(doc.version());
    // Working the note order out reads every text: only when it can change.
    let (notes, same_notes) = if next && !doc.renumbers() {
        (std::mem::take(&mut l.notes), true)
    } else {
        let notes: Vec<String> = note_order(&n).into_iter().map(str::to_string).collect();
        let same = notes == l.notes;
        (notes, same)
    };
    let partial = match doc.edited() {
        Some(path) if next && same_notes => {
            let refs: Vec<&str> = notes.iter().map(String::as_str).collect();
            let up = update(&n, path, &refs, &l.outline);
            show_update(frame, &up)
        }
        _ => false,
    };
    l.version = Some(doc.version());
    l.notes = notes;
    if partial {
        // A partial update leaves the outline as it was (else it is whole).
        *shown.borrow_mut() = None;
        return true;
    }
    l.outline = outline(&n);
    let in_place = show(frame, &render_html(&n), shown);
    if in_place {
        // The body was written in place: the title too (printing shows it).
        if let Some(d) = frame.content_document() {
            d.set_title(&title(&n));
        }
    }
    in_place
}

/// The element of the preview that shows the form's element `id` (an
/// input `f-PATH`, or the heading of a group: its first field). A figure
/// shows through its value wherever its text cites it.
fn shown_by(frame_doc: &web_sys::Document, app: &Element, id: &str) -> Option<Element> {
    let path = match id.strip_prefix("f-") {
        Some(path) => path.to_string(),
        None if id == "group-heading" => app
            .query_selector("#form-pane [id^='f-']")
            .ok()
            .flatten()?
            .id()
            .strip_prefix("f-")?
            .to_string(),
        None => return None,
    };
    let find = |p: &str| {
        frame_doc
            .query_selector(&format!("[data-field=\"{}\"]", css_string(p)))
            .ok()
            .flatten()
    };
    find(&path).or_else(|| {
        let figure = path.strip_prefix("fig/")?.split('/').next()?;
        find(&format!("fig/{figure}/value"))
    })
}

/// Scrolls the preview so that `el` is in view (a quarter down from the
/// top), when it is not already. The frame's own window scrolls, never the
/// page around it (`scrollIntoView` would scroll both).
fn bring_into_view(frame: &HtmlIFrameElement, el: &Element) {
    let Some(win) = frame.content_window() else {
        return;
    };
    let height = win
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let r = el.get_bounding_client_rect();
    if height <= 0.0 || (r.top() >= 0.0 && r.bottom() <= height) {
        return;
    }
    let y = win.scroll_y().unwrap_or(0.0) + r.top() - height / 4.0;
    win.scroll_to_with_x_and_y(0.0, y.max(0.0));
}

#[function_component(Preview)]
pub fn preview(p: &PreviewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let frame = use_node_ref();
    let shown = use_mut_ref(|| None::<(web_sys::Document, String)>);
    let click = use_mut_ref(|| None::<EventListener>);
    // The srcdoc is older than the notice shown: a reload of the iframe
    // (the custom element was moved in its page) must show it again.
    let stale = use_mut_ref(|| false);
    let last = use_mut_ref(Last::default);
    // The first render puts the notice in `srcdoc` at once, so the frame
    // loads it while the form is laid out, not after (open → interactive).
    let first = use_memo((), {
        let doc = p.doc.clone();
        move |_| {
            (
                doc.version(),
                Rc::new(AttrValue::from(render_html(&doc.get()))),
            )
        }
    });
    // The notice now, for the frame's load handler (made once, see below).
    let latest = use_mut_ref(|| p.doc.clone());
    *latest.borrow_mut() = p.doc.clone();
    let pane = use_node_ref();

    // Fit the iframe to its pane whenever the pane's size changes.
    {
        let (pane, frame) = (pane.clone(), frame.clone());
        use_effect_with((), move |_| {
            let resize = Closure::<dyn FnMut()>::new({
                let (pane, frame) = (pane.clone(), frame.clone());
                move || {
                    if let (Some(p), Some(f)) =
                        (pane.cast::<Element>(), frame.cast::<HtmlIFrameElement>())
                    {
                        fit(&f, p.client_width() as f64, p.client_height() as f64);
                    }
                }
            });
            let observer = ResizeObserver::new(resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(p)) = (&observer, pane.cast::<Element>()) {
                o.observe(&p);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(resize);
            }
        });
    }

    // Re-render the notice after each change, at once (the preview is what
    // the officer watches; only the changed elements are written).
    {
        let frame = frame.clone();
        let shown = shown.clone();
        let stale = stale.clone();
        let (last, first) = (last.clone(), first.clone());
        use_effect_with(p.doc.clone(), move |doc| {
            let mut l = last.borrow_mut();
            if l.version.is_none() && doc.version() == first.0 {
                // The srcdoc already holds this version.
                l.version = Some(doc.version());
                l.notes = note_order(&doc.get())
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                l.outline = outline(&doc.get());
                return;
            }
            drop(l);
            if let Some(f) = frame.cast::<HtmlIFrameElement>() {
                *stale.borrow_mut() = refresh(&f, doc, &shown, &last);
            }
        });
    }

    // After each load of the iframe, listen for clicks on its fields. Made
    // once, so that the frame's props stay equal while the officer types.
    let onload = {
        let frame = frame.clone();
        let d = ctx.dispatch.clone();
        let click = click.clone();
        let (stale, latest, shown) = (stale.clone(), latest.clone(), shown.clone());
        use_memo((), move |_| {
            Callback::from(move |_: Event| {
                let Some(doc) = frame
                    .cast::<HtmlIFrameElement>()
                    .and_then(|f| f.content_document())
                else {
                    return;
                };
                let d = d.clone();
                let listener = EventListener::new(&doc, "click", move |e| {
                    // The target lives in the iframe's realm, where `instanceof
                    // Element` (what `dyn_into` asks) is false: check the node
                    // type instead.
                    let target = e
                        .target()
                        .map(|t| t.unchecked_into::<web_sys::Node>())
                        .filter(|n| n.node_type() == web_sys::Node::ELEMENT_NODE)
                        .map(|n| n.unchecked_into::<Element>());
                    let field = target
                        .and_then(|t| t.closest("[data-field]").ok().flatten())
                        .and_then(|el| el.get_attribute("data-field"));
                    // A path the preview wrote: it parses (anything else is
                    // not a field and the click does nothing).
                    if let Some(path) = field.and_then(|f| f.parse().ok()) {
                        e.prevent_default();
                        d.dispatch(Action::Goto(path));
                    }
                });
                *click.borrow_mut() = Some(listener);
                if *stale.borrow() {
                    if let Some(f) = frame.cast::<HtmlIFrameElement>() {
                        show(&f, &render_html(&latest.borrow().get()), &shown);
                    }
                }
            })
        })
    };

    // Follow the focus of the form (see the module's doc).
    {
        let (pane, frame) = (pane.clone(), frame.clone());
        use_effect_with((), move |_| {
            let app = pane
                .cast::<Element>()
                .and_then(|p| p.closest(".app").ok().flatten());
            let listener = app.clone().map(|app| {
                EventListener::new(&app.clone(), "focusin", move |e| {
                    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                        return;
                    };
                    let Some(f) = frame.cast::<HtmlIFrameElement>() else {
                        return;
                    };
                    let Some(doc) = f.content_document() else {
                        return;
                    };
                    if let Some(el) = shown_by(&doc, &app, &target.id()) {
                        bring_into_view(&f, &el);
                    }
                })
            });
            move || drop(listener)
        });
    }

    html! {
        <section class="preview" aria-labelledby="preview-title" ref={pane}>
            <h2 id="preview-title" class="visually-hidden">{ ctx.t("Xem trước thông báo", "Preview of the notice") }</h2>
            <PreviewFrame {frame} srcdoc={first.1.clone()} onload={(*onload).clone()}
                title={AttrValue::from(ctx.t("Xem trước thông báo (bấm vào một đoạn để sửa)", "Preview of the notice (click a paragraph to edit it)").to_string())} />
        </section>
    }
}
