//! The top layer: puts the editor (`crate::ui`) on a page with the browser
//! glue (`crate::web`) — the standalone page, the `<thongbao-editor>`
//! custom element ([`element`]), the page inside an iframe ([`frame`]) —
//! and connects it to its host ([`embed`]).
//!
//! Only this layer names both `ui` and `web`: it implements the editor's
//! own interface to the outside (`ui::outside::Page` in [`page`],
//! `ui::outside::Host` in [`embed`]).

pub mod element;
pub mod embed;
pub mod frame;
pub mod page;

use crate::core::lang::Lang;
use crate::ui::app::{App, AppProps};
use crate::ui::outside::{HostRef, Opening, PageRef};
use crate::web;
use embed::Host;
use page::BrowserPage;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Mounts the editor into the element with id `root_id` (the page's boot
/// script calls this once the wasm is instantiated).
#[wasm_bindgen]
pub fn mount(root_id: &str) {
    let Some(root) = gloo::utils::document().get_element_by_id(root_id) else {
        gloo::console::error!(format!("thongbao: no element #{root_id}"));
        return;
    };
    install_panic_hook();
    root.set_inner_html("");
    // Inside an <iframe>: the same page, talking to its parent (frame.rs).
    let (host, readonly) = match frame::embedded(&root) {
        Some(framed) => {
            frame::listen(&framed);
            (Some(framed.host), framed.readonly)
        }
        None => (None, false),
    };
    let props = props(root.clone(), host.as_ref(), readonly);
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Test builds only (feature `crash-trigger`): a panic (or, `trap`, a trap
/// with no panic), from a timer, in this instance: the page's, or one
/// `<thongbao-editor>`'s.
#[cfg(feature = "crash-trigger")]
#[wasm_bindgen(js_name = crashForTest)]
pub fn crash_for_test(message: String, trap: bool) {
    web::crash::crash_later(message, trap);
}

/// The panic hook (`web::crash`), set through yew: otherwise yew sets its own
/// (console only) when the app renders, and the crash message would never
/// hear of the panic.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(web::crash::hook));
}

/// The editor's props on this page: its services, its host, the draft it
/// reopens and its language.
pub fn props(root: Element, host: Option<&Host>, readonly: bool) -> AppProps {
    let key = draft_key(host);
    let opening = match key.as_deref().map(web::storage::restore) {
        Some(web::storage::Restored::Draft { notice, dirty }) => {
            if let Some(h) = host {
                h.set_restored(true);
            }
            Opening::Draft {
                notice: Rc::from(notice),
                dirty,
            }
        }
        Some(web::storage::Restored::Broken { error, kept }) => Opening::Broken { error, kept },
        Some(web::storage::Restored::None) | None => Opening::Start,
    };
    AppProps {
        page: PageRef(Rc::new(BrowserPage { key, root })),
        host: host.map(|h| HostRef(Rc::new(h.clone()))),
        opening,
        lang: initial_lang(host),
        readonly,
    }
}

/// Where the editor keeps its draft: the page's key standalone, the host's
/// choice embedded (None: no autosave).
fn draft_key(host: Option<&Host>) -> Option<String> {
    match host {
        None => Some(web::storage::DRAFT_KEY.to_string()),
        Some(h) => h.storage_key().map(str::to_string),
    }
}

/// The language the editor opens in: the host's choice; otherwise the saved
/// preference when the editor owns the page, Vietnamese in someone else's.
fn initial_lang(host: Option<&Host>) -> Lang {
    match host {
        Some(h) if !h.owns_page() => h.lang().unwrap_or_default(),
        _ => host
            .and_then(Host::lang)
            .unwrap_or_else(web::storage::load_lang),
    }
}
