//! Browser glue only: no document logic, no markup.
//!
//! Architecture rules (web):
//! - [`storage`]: the autosaved draft and the language in localStorage;
//!   failures are reported, never fatal (nothing panics when storage is
//!   disabled or full).
//! - [`crash`]: the panic hook that tells the boot script.
//! - [`download`]: files handed to the officer through a Blob, an object URL
//!   and an `<a download>`; file names built from the notice.
//! - [`files`]: reading a file the officer picked (gloo-file); the core's
//!   `json::import_bytes` decides what it is.
//! - [`mount`]: the entry point the page's boot script calls; inside an
//!   iframe it talks to the parent window ([`frame`]).
//! - [`embed`], [`element`], [`frame`]: the editor in someone else's page,
//!   as `<thongbao-editor>` (www/element.js) or in an iframe.

pub mod crash;
pub mod download;
pub mod element;
pub mod embed;
pub mod files;
pub mod frame;
pub mod storage;

use wasm_bindgen::prelude::*;

/// Mounts the editor into the element with id `root_id` (the page's boot
/// script calls this once the wasm is instantiated).
#[wasm_bindgen]
pub fn mount(root_id: &str) {
    let Some(root) = gloo::utils::document().get_element_by_id(root_id) else {
        gloo::console::error!(format!("thongbao: no element #{root_id}"));
        return;
    };
    crash::install();
    root.set_inner_html("");
    // Inside an <iframe>: the same page, talking to its parent (frame.rs).
    let Some(framed) = frame::embedded(&root) else {
        yew::Renderer::<crate::ui::App>::with_root(root).render();
        return;
    };
    frame::listen(&framed);
    let props = crate::ui::app::AppProps {
        host: Some(framed.host),
        readonly: framed.readonly,
    };
    yew::Renderer::<crate::ui::App>::with_root_and_props(root, props).render();
}

/// The time now as the officer reads it (`10:42`).
pub fn clock() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// Today as `YYYY-MM-DD` (local time).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
