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

use crate::core::check::{check, counts};
use crate::core::json::{import, to_json};
use crate::core::lang::Lang;
use crate::core::library::Entry;
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
    if host.is_some() {
        let props = props(root.clone(), host.as_ref(), readonly);
        yew::Renderer::<App>::with_root_and_props(root, props).render();
        return;
    }
    // The standalone page keeps its notices in the library (IndexedDB),
    // which answers later: the editor mounts once it did.
    wasm_bindgen_futures::spawn_local(async move {
        let opening = library_opening().await;
        let props = AppProps {
            page: PageRef(Rc::new(BrowserPage {
                key: None,
                library: true,
                root: root.clone(),
            })),
            host: None,
            opening,
            lang: initial_lang(None),
            readonly,
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
}

/// What the standalone page opens with.
/// The draft today's version kept under [`web::storage::DRAFT_KEY`] moves
/// into the library first (it leaves localStorage only once the library's
/// transaction completed); then the notice edited last reopens. Without
/// IndexedDB (missing, refused), the old draft opens, stays where it is,
/// and the editor says it cannot save (each save tries again).
async fn library_opening() -> Opening {
    let key = web::storage::DRAFT_KEY;
    let old = web::storage::restore(key);
    if web::library::ready().await.is_err() {
        return opening(old, None);
    }
    let migrated = match old {
        web::storage::Restored::Draft { notice, dirty } => {
            let id = web::library::new_id();
            let mut entry = Entry::of(
                &id,
                &notice,
                counts(&check(&notice, notice.status.mode())),
                js_sys::Date::now(),
            );
            entry.dirty = dirty;
            match web::library::save(&entry, &to_json(&notice)).await {
                Ok(()) => {
                    web::storage::forget(key);
                    None
                }
                // Not moved: it opens from where it is, and stays there.
                Err(_) => Some(web::storage::Restored::Draft { notice, dirty }),
            }
        }
        other => Some(other),
    };
    if let Some(
        old @ (web::storage::Restored::Draft { .. } | web::storage::Restored::Broken { .. }),
    ) = migrated
    {
        return opening(old, None);
    }
    let Ok(list) = web::library::list().await else {
        return Opening::Start;
    };
    for entry in list.iter().take(1) {
        if let Ok(Some(json)) = web::library::get(&entry.id).await {
            if let Ok(notice) = import(&json) {
                return Opening::Draft {
                    id: Some(Rc::from(entry.id.as_str())),
                    notice: Rc::new(notice),
                    dirty: entry.dirty,
                };
            }
        }
    }
    Opening::Start
}

/// The opening for a draft restored from localStorage.
fn opening(restored: web::storage::Restored, id: Option<Rc<str>>) -> Opening {
    match restored {
        web::storage::Restored::Draft { notice, dirty } => Opening::Draft {
            id,
            notice: Rc::from(notice),
            dirty,
        },
        web::storage::Restored::Broken { error, kept } => Opening::Broken { error, kept },
        web::storage::Restored::None => Opening::Start,
    }
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
        Some(r) => {
            if let (Some(h), web::storage::Restored::Draft { .. }) = (host, &r) {
                h.set_restored(true);
            }
            opening(r, None)
        }
        None => Opening::Start,
    };
    AppProps {
        page: PageRef(Rc::new(BrowserPage {
            key,
            library: false,
            root,
        })),
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
