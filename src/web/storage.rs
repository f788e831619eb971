//! The autosaved draft and the UI language, in localStorage (gloo-storage).
//! The draft is stored as the notice's own JSON file format and read back
//! through the core's importer, so an old or damaged draft is reported like
//! a bad file instead of breaking the page.

use crate::core::json::{import, to_json, ImportError};
use crate::core::lang::Lang;
use crate::core::model::Notice;
use gloo::storage::{LocalStorage, Storage};

pub const DRAFT_KEY: &str = "thongbao.draft";
pub const LANG_KEY: &str = "thongbao.lang";

/// The saved draft: None when there is none (or storage is unavailable).
pub fn load_draft() -> Option<Result<Notice, ImportError>> {
    let text = LocalStorage::raw().get_item(DRAFT_KEY).ok().flatten()?;
    Some(import(&text))
}

/// Saves the draft; Err when storage is unavailable or full.
pub fn save_draft(notice: &Notice) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(DRAFT_KEY, &to_json(notice))
        .map_err(|e| format!("{e:?}"))
}

pub fn load_lang() -> Lang {
    LocalStorage::get::<Lang>(LANG_KEY).unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    // Only a preference: losing it is harmless.
    let _ = LocalStorage::set(LANG_KEY, lang);
}
