//! The page's services as the editor asks for them (`ui::outside::Page`),
//! done by the browser glue in `crate::web`.

use crate::core::export::File;
use crate::core::lang::Lang;
use crate::core::model::Notice;
use crate::core::profile::Profile;
use crate::ui::outside::{Page, Reading, Refused};
use crate::web;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

pub struct BrowserPage {
    /// Where the draft is kept; None: no autosave.
    pub key: Option<String>,
    /// The element the editor is mounted in (its ids are looked up in its
    /// shadow root when it has one).
    pub root: Element,
}

impl Page for BrowserPage {
    fn draft_key(&self) -> Option<String> {
        self.key.clone()
    }

    fn save_draft(&self, notice: &Notice, dirty: bool) -> Result<(), Refused> {
        match &self.key {
            Some(key) => web::storage::save_draft(key, notice, dirty).map_err(|_| Refused),
            None => Ok(()),
        }
    }

    fn broken_draft(&self) -> Option<String> {
        self.key.as_deref().and_then(web::storage::broken_draft)
    }

    fn save_lang(&self, lang: Lang) {
        web::storage::save_lang(lang);
    }

    fn profile(&self) -> Option<Profile> {
        web::storage::load_profile()
    }

    fn save_profile(&self, profile: Option<&Profile>) -> Result<(), Refused> {
        web::storage::save_profile(profile).map_err(|_| Refused)
    }

    fn download(&self, file: &File) -> Result<(), Refused> {
        web::download::save(file).map_err(|_| Refused)
    }

    fn open(&self, file: web_sys::File) -> Reading {
        Box::pin(web::files::open(file))
    }

    fn clock(&self) -> String {
        web::clock()
    }

    fn today(&self) -> String {
        web::today()
    }

    fn unix_secs(&self) -> u64 {
        web::unix_secs()
    }

    fn find(&self, id: &str) -> Option<Element> {
        let node = self.root.get_root_node();
        match node.dyn_ref::<ShadowRoot>() {
            Some(shadow) => shadow.get_element_by_id(id),
            None => gloo::utils::document().get_element_by_id(id),
        }
    }
}
