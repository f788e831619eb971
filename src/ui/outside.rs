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
use crate::core::model::Notice;
use crate::core::profile::Profile;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::UseReducerDispatcher;

/// A file read and imported, later: the notice and what was recognised in
/// it.
pub type Reading = Pin<Box<dyn Future<Output = Result<Imported, ImportError>>>>;

/// The browser said no (storage blocked or full, a download refused).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// The services of the page the editor runs on.
pub trait Page {
    /// Where the draft is autosaved (a `localStorage` key); None: nowhere.
    fn draft_key(&self) -> Option<String>;
    /// Saves the draft; Err when the browser refused (blocked, full).
    fn save_draft(&self, notice: &Notice, dirty: bool) -> Result<(), Refused>;
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
    /// The draft that was being written.
    Draft { notice: Rc<Notice>, dirty: bool },
    /// A saved draft that no longer imports (kept aside when `kept`).
    Broken { error: ImportError, kept: bool },
}
