//! The autosaved draft and the UI language, in localStorage. The draft is
//! stored as the notice's own JSON file format and read back through the
//! core's importer, so an old or damaged draft is reported like a bad file
//! instead of breaking the page.
//!
//! Nothing here panics: storage may be disabled (the `localStorage` getter
//! throws), full (`setItem` throws) or hold anything; each is an `Err` or a
//! `None` for the editor to report.

use crate::core::json::{import, to_json, ImportError};
use crate::core::lang::Lang;
use crate::core::model::Notice;
use crate::core::profile::Profile;
use web_sys::Storage;

pub const DRAFT_KEY: &str = "thongbao.draft";
pub const LANG_KEY: &str = "thongbao.lang";

/// Where the raw text of a saved draft that did not import is kept aside,
/// so that the officer can download it ("Tải bản lưu bị hỏng").
pub fn broken_key(key: &str) -> String {
    format!("{key}.broken")
}

/// "1" while the draft saved under `key` has changes not downloaded.
pub fn dirty_key(key: &str) -> String {
    format!("{key}.dirty")
}

/// localStorage, or None when the browser refuses it.
fn store() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the page finds in storage at start.
pub enum Restored {
    None,
    Draft {
        notice: Box<Notice>,
        dirty: bool,
    },
    /// The saved draft did not import: its raw text is now under
    /// [`broken_key`] (when storage allowed it) and the draft key is free.
    Broken {
        error: ImportError,
        kept: bool,
    },
}

/// The draft saved under `key` ([`DRAFT_KEY`] for the page). A draft that
/// does not import is moved aside (see [`Restored::Broken`]).
pub fn restore(key: &str) -> Restored {
    let Some(s) = store() else {
        return Restored::None;
    };
    let Some(text) = s.get_item(key).ok().flatten() else {
        return Restored::None;
    };
    match import(&text) {
        Ok(notice) => Restored::Draft {
            notice: Box::new(notice),
            dirty: s.get_item(&dirty_key(key)).ok().flatten().as_deref() != Some("0"),
        },
        Err(error) => {
            let kept = s.set_item(&broken_key(key), &text).is_ok();
            if kept {
                let _ = s.remove_item(key);
            }
            Restored::Broken { error, kept }
        }
    }
}

/// The raw text of the broken draft kept aside, if any.
pub fn broken_draft(key: &str) -> Option<String> {
    store()?.get_item(&broken_key(key)).ok().flatten()
}

/// Saves the draft (and whether it has changes not downloaded); Err when
/// storage is unavailable or full.
pub fn save_draft(key: &str, notice: &Notice, dirty: bool) -> Result<(), String> {
    let s = store().ok_or_else(|| "localStorage unavailable".to_string())?;
    s.set_item(key, &to_json(notice))
        .map_err(|e| format!("{e:?}"))?;
    let _ = s.set_item(&dirty_key(key), if dirty { "1" } else { "0" });
    Ok(())
}

/// Forgets the draft saved under `key` (it moved into the library).
pub fn forget(key: &str) {
    if let Some(s) = store() {
        let _ = s.remove_item(key);
        let _ = s.remove_item(&dirty_key(key));
    }
}

pub fn load_lang() -> Lang {
    let text = store().and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    text.and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    // Only a preference: losing it is harmless.
    if let (Some(s), Ok(t)) = (store(), serde_json::to_string(&lang)) {
        let _ = s.set_item(LANG_KEY, &t);
    }
}

/// Where the agency profile is kept (one per browser, shared by every
/// notice and every editor of this origin).
pub const PROFILE_KEY: &str = "thongbao.profile";

pub fn load_profile() -> Option<Profile> {
    let text = store()?.get_item(PROFILE_KEY).ok().flatten()?;
    Profile::from_json(&text)
}

/// Saves the profile, or forgets it (None); Err when storage refused.
pub fn save_profile(profile: Option<&Profile>) -> Result<(), String> {
    let s = store().ok_or("no storage")?;
    match profile {
        Some(p) => s.set_item(PROFILE_KEY, &p.to_json()),
        None => s.remove_item(PROFILE_KEY),
    }
    .map_err(|e| format!("{e:?}"))
}
