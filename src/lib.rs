//! thongbao: write the notice of an inspection ("Thông báo kết quả kiểm tra,
//! giám sát") in the browser.
//!
//! - [`core`]: the notice model, Vietnamese formats, checks, renderer, JSON.
//!   Pure Rust, always compiled, tested natively.
//! - `ui` (feature `app`): the yew editor, thin components over the core.
//! - `web` (feature `app`): browser glue (storage, downloads, files, clock).
//! - `shell` (feature `app`): mounts the editor on a page, as a custom
//!   element or in an iframe, with the glue; the only layer that names both
//!   `ui` and `web`.
//!
//! Dependencies run one way: `core` ← `web`, `core` ← `ui`, `shell` → `ui`
//! + `web` (`tests/layers.rs` reads the imports and holds them to it).

pub mod core;

#[cfg(feature = "app")]
pub mod shell;
#[cfg(feature = "app")]
pub mod ui;
#[cfg(feature = "app")]
pub mod web;
