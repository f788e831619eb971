//! Browser glue only: storage, downloads, reading files, the clock, the
//! crash report. No document logic and no markup; it imports the core and
//! nothing else of this crate (the shell puts it together with the editor).
//!
//! - [`storage`]: the autosaved draft and the language in localStorage;
//!   failures are reported, never fatal (nothing panics when storage is
//!   disabled or full).
//! - [`library`]: the notices kept in this browser, in IndexedDB (through
//!   www/library.js), saved in durable transactions.
//! - [`crash`]: the panic hook that tells the boot script.
//! - [`download`]: a `core::export::File` handed to the officer through a
//!   Blob, an object URL and an `<a download>`.
//! - [`print`]: the preview printed in pages, its notes at the foot of
//!   the page that cites them (through www/pages.js).
//! - [`files`]: reading a file the officer picked (gloo-file); the core's
//!   `json::import_bytes` decides what it is.

pub mod crash;
pub mod download;
pub mod files;
pub mod library;
pub mod print;
pub mod storage;

/// The time now as the officer reads it (`10:42`).
pub fn clock() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// Seconds since 1970.
pub fn unix_secs() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
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
