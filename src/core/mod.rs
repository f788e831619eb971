//! The notice core: no browser, no yew. This module tree is compiled without
//! the `app` feature in every native test run, so it cannot name yew, web-sys,
//! wasm-bindgen, js-sys or gloo: those crates are absent there.

pub mod check;
pub mod display;
pub mod edit;
pub mod export;
pub mod field;
pub mod format;
pub mod import;
pub mod json;
mod json_read;
mod json_text;
pub mod lang;
pub mod layout;
pub mod library;
pub mod migrate;
pub mod model;
pub mod nfc;
pub mod outline;
pub mod profile;
pub mod recognise;
pub mod relation;
pub mod render;
pub mod report;
pub mod samples;
pub mod text;
pub mod zip;
