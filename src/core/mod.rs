//! The notice core: no browser, no yew. This module tree is compiled without
//! the `app` feature in every native test run, so it cannot name yew, web-sys,
//! wasm-bindgen, js-sys or gloo: those crates are absent there.

pub mod format;
pub mod lang;
pub mod model;
