//! thongbao: write the notice of an inspection ("Thông báo kết quả kiểm tra,
//! giám sát") in the browser.
//!
//! - [`core`]: the notice model, Vietnamese formats, checks, renderer, JSON.
//!   Pure Rust, always compiled, tested natively.
//! - `ui` and `web` (feature `app`, wasm32 only in practice): the yew editor
//!   and its browser glue.

pub mod core;

#[cfg(feature = "app")]
pub mod ui;
#[cfg(feature = "app")]
pub mod web;
