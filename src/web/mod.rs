//! Browser glue only: no document logic, no markup.
//!
//! Architecture rules (web):
//! - [`storage`]: the autosaved draft and the language in localStorage
//!   (gloo-storage); failures are reported, never fatal.
//! - [`download`]: files handed to the officer through a Blob, an object URL
//!   and an `<a download>`; file names built from the notice.
//! - [`files`]: reading a file the officer picked (gloo-file); the core's
//!   `json::import_bytes` decides what it is.
//! - [`mount`]: the entry point the page's boot script calls (later also the
//!   custom element).

pub mod download;
pub mod files;
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
    root.set_inner_html("");
    yew::Renderer::<crate::ui::App>::with_root(root).render();
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
