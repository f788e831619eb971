//! What the editor needs from outside itself, as types the editor defines:
//! the page it runs on ([`Page`]: storage, downloads, files, the clock) and,
//! when it is embedded, the host page ([`Host`]: events out, the live editor
//! in). The shell (`crate::shell`) implements both with the browser glue of
//! `crate::web`; the editor never names either, so a change to the
//! embedding API or the storage cannot ripple into the components.

use super::state::{Doc, State};
use crate::core::check::Mode;
use crate::core::export::File;
use crate::core::import::Imported;
use crate::core::json::ImportError;
use crate::core::lang::Lang;
use crate::core::library::Entry;
use crate::core::model::Notice;
use crate::core::profile::Profile;
use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::UseReducerDispatcher;

/// A file read and imported, later: the notice and what was recognised in
/// it.
pub type Reading = Pin<Box<dyn Future<Output = Result<Imported, ImportError>>>>;

/// Something the page does later (storage in IndexedDB is asynchronous).
pub type Later<T> = Pin<Box<dyn Future<Output = T>>>;

/// The browser said no (storage blocked or full, a download refused).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// Keeps hearing other tabs while it lives.
pub type Listening = Box<dyn Any>;

/// The services of the page the editor runs on.
pub trait Page {
    /// Where the draft is autosaved (a `localStorage` key, or the library);
    /// None: nowhere.
    fn draft_key(&self) -> Option<String>;
    /// Whether the page keeps a library of notices (IndexedDB), not one
    /// draft.
    fn library(&self) -> bool;
    /// A fresh id for a notice in the library.
    fn new_id(&self) -> String;
    /// Saves the notice as `entry` says (its id, its counts, whether it has
    /// changes not downloaded); resolves once it is on disk; Err when the
    /// browser refused (blocked, full).
    fn save_draft(&self, notice: &Notice, entry: Entry) -> Later<Result<(), Refused>>;
    /// Calls `f(id, text)` when another tab saved a notice (`id` None: the
    /// one draft of the page's key).
    fn listen(&self, f: Box<dyn Fn(Option<String>, String)>) -> Option<Listening>;
    /// Milliseconds since 1970.
    fn now(&self) -> f64;
    /// A time in milliseconds since 1970 as the officer reads it
    /// (`29/11/2026 14:16:05`, local time).
    fn when(&self, ms: f64) -> String;
    /// The notices in the library, the last edited first.
    fn list(&self) -> Later<Result<Vec<Entry>, Refused>>;
    /// The saved text of the library's notice `id`.
    fn load(&self, id: &str) -> Later<Result<String, Refused>>;
    /// Takes a notice out of the list (`back`: puts it back; it is deleted
    /// for good a minute later).
    fn remove(&self, id: &str, back: bool) -> Later<Result<(), Refused>>;
    /// Names a notice in the list (blank: its subject again).
    fn rename(&self, id: &str, name: &str) -> Later<Result<(), Refused>>;
    /// The whole library as one JSON text (the back-up).
    fn backup(&self) -> Later<Result<String, Refused>>;
    /// Merges a back-up file into the library: how many notices were added,
    /// kept beside a different one, already there. None: not a back-up, or
    /// refused.
    fn merge(&self, file: web_sys::File) -> Later<Option<(u32, u32, u32)>>;
    /// The times of a notice's saved versions, newest first.
    fn versions(&self, id: &str) -> Later<Result<Vec<f64>, Refused>>;
    /// The text of the version of `id` saved at `at`.
    fn version(&self, id: &str, at: f64) -> Later<Result<String, Refused>>;
    /// The raw text of a damaged draft that was kept aside, if any.
    fn broken_draft(&self) -> Option<String>;
    /// Remembers the officer's language (only where the editor owns the
    /// page).
    fn save_lang(&self, lang: Lang);
    /// The agency profile new notices start from, if one was saved.
    fn profile(&self) -> Option<Profile>;
    /// Saves the agency profile, or forgets it (None).
    fn save_profile(&self, profile: Option<&Profile>) -> Result<(), Refused>;
    /// Hands a file to the officer; Err when the browser refused.
    fn download(&self, file: &File) -> Result<(), Refused>;
    /// Reads and imports a file the officer picked.
    fn open(&self, file: web_sys::File) -> Reading;
    /// The time now as the officer reads it (`10:42`).
    fn clock(&self) -> String;
    /// Today, `YYYY-MM-DD`.
    fn today(&self) -> String;
    /// Seconds since 1970 (a check report's time).
    fn unix_secs(&self) -> u64;
    /// The element with this id in the editor (inside a shadow root when
    /// there is one).
    fn find(&self, id: &str) -> Option<web_sys::Element>;
    /// Prints the document of the window `w` (the preview): in pages, each
    /// footnote at the foot of the page that cites it.
    fn print(&self, w: &web_sys::Window);
}

/// The live editor, as a host page reaches it.
#[derive(Clone)]
pub struct Live {
    pub dispatch: UseReducerDispatcher<State>,
    pub doc: Doc,
    pub lang: Lang,
}

/// The page that embeds the editor (a custom element's page, or the parent
/// of an iframe).
pub trait Host {
    /// After each render that changed the document or the language: the
    /// host gets the live editor (and reports ready or change).
    fn attach(&self, live: Live);
    /// The officer checked ("Kiểm tra", "Hoàn tất").
    fn validated(&self, notice: &Notice, mode: Mode);
    /// An export is about to be downloaded; false when the host took the
    /// file itself.
    fn exporting(&self, file: &File) -> bool;
    /// The editor owns the page (an iframe): it may set the title, the
    /// page's language and remember the officer's language.
    fn owns_page(&self) -> bool;
}

/// A shared [`Page`], compared by identity (for props and context).
#[derive(Clone)]
pub struct PageRef(pub Rc<dyn Page>);

impl PartialEq for PageRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for PageRef {
    type Target = dyn Page;
    fn deref(&self) -> &(dyn Page + 'static) {
        &*self.0
    }
}

/// A shared [`Host`], compared by identity.
#[derive(Clone)]
pub struct HostRef(pub Rc<dyn Host>);

impl PartialEq for HostRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for HostRef {
    type Target = dyn Host;
    fn deref(&self) -> &(dyn Host + 'static) {
        &*self.0
    }
}

/// What the editor opens with (the shell restored it from storage).
#[derive(Clone, PartialEq)]
pub enum Opening {
    /// Nothing saved: the start screen.
    Start,
    /// The draft that was being written (`id`: its id in the library).
    Draft {
        id: Option<Rc<str>>,
        notice: Rc<Notice>,
        dirty: bool,
    },
    /// A saved draft that no longer imports (kept aside when `kept`).
    Broken { error: ImportError, kept: bool },
}
