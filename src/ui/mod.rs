//! The editor's user interface: thin yew function components over the core.
//!
//! Architecture rules (ui):
//! - The core (`crate::core`) is pure Rust and only called from here: every
//!   change to the notice (`core::edit`), field paths and labels
//!   (`core::field`, `core::layout`), checks, rendering, exports.
//! - ONE reducer ([`state::State`], `use_reducer`) holds the document and the
//!   UI state; the document is shared (`Rc`) and edited in place one field
//!   at a time, never cloned whole per keystroke.
//! - One component per file; callbacks are named on<verb> (onadd, onremove,
//!   onmoveup, oninput…); every list is keyed by its items' stable ids.
//! - Inputs show the raw text as typed; the preview shows it formatted.
//! - Browser work (storage, downloads, files, the clock) and the host page
//!   come in through [`outside`]'s `Page` and `Host`, which the shell
//!   implements: `ui` never names `crate::web` or `crate::shell`.

pub mod add_button;
pub mod app;
pub mod backup;
pub mod banner;
pub mod block_item;
pub mod block_list;
pub mod confirm;
pub mod doc;
pub mod field;
pub mod figure_item;
pub mod figure_list;
pub mod group_form;
pub mod item_controls;
pub mod lang_switch;
pub mod library;
pub mod library_item;
pub mod messages;
pub mod modal;
pub mod nav;
pub mod open_file;
pub mod other_tab;
pub mod outside;
pub mod paste_text;
pub mod picker;
pub mod preview;
pub mod preview_frame;
pub mod preview_patch;
pub mod profile_form;
pub mod prose_field;
pub mod recipient_list;
pub mod ref_list;
pub mod relation_form;
pub mod remove_figure;
pub mod start;
pub mod state;
pub mod summary;
pub mod toolbar;
pub mod undo;
pub mod view;

pub use app::App;
