//! The page's services as the editor asks for them (`ui::outside::Page`),
//! done by the browser glue in `crate::web`.

use crate::core::export::File;
use crate::core::json::to_json;
use crate::core::lang::Lang;
use crate::core::library::Entry;
use crate::core::model::Notice;
use crate::core::profile::Profile;
use crate::ui::outside::{Later, Listening, Page, Reading, Refused};
use crate::web;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

pub struct BrowserPage {
    /// Where the draft is kept (a localStorage key); None: no autosave, or
    /// the library.
    pub key: Option<String>,
    /// The notices are kept in the library (IndexedDB), not under `key`.
    pub library: bool,
    /// The element the editor is mounted in (its ids are looked up in its
    /// shadow root when it has one).
    pub root: Element,
}

impl Page for BrowserPage {
    fn draft_key(&self) -> Option<String> {
        if self.library {
            return Some("library".into());
        }
        self.key.clone()
    }

    fn library(&self) -> bool {
        self.library
    }

    fn new_id(&self) -> String {
        web::library::new_id()
    }

    fn save_draft(&self, notice: &Notice, entry: Entry) -> Later<Result<(), Refused>> {
        if self.library {
            let json = to_json(notice);
            return Box::pin(async move {
                web::library::save(&entry, &json).await.map_err(|_| Refused)
            });
        }
        let done = match &self.key {
            Some(key) => web::storage::save_draft(key, notice, entry.dirty).map_err(|_| Refused),
            None => Ok(()),
        };
        Box::pin(std::future::ready(done))
    }

    fn listen(&self, f: Box<dyn Fn(Option<String>, String)>) -> Option<Listening> {
        if self.library {
            let l = web::library::listen(move |id, json| f(Some(id), json))?;
            return Some(Box::new(l));
        }
        let own = self.key.clone()?;
        let l = EventListener::new(&gloo::utils::window(), "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if let (Some(key), Some(value)) = (e.key(), e.new_value()) {
                if key == own {
                    f(None, value);
                }
            }
        });
        Some(Box::new(l))
    }

    fn now(&self) -> f64 {
        js_sys::Date::now()
    }

    fn when(&self, ms: f64) -> String {
        web::library::when(ms)
    }

    fn list(&self) -> Later<Result<Vec<Entry>, Refused>> {
        Box::pin(async { web::library::list().await.map_err(|_| Refused) })
    }

    fn load(&self, id: &str) -> Later<Result<String, Refused>> {
        let id = id.to_string();
        Box::pin(async move { web::library::get(&id).await.ok().flatten().ok_or(Refused) })
    }

    fn remove(&self, id: &str, back: bool) -> Later<Result<(), Refused>> {
        let id = id.to_string();
        Box::pin(async move { web::library::remove(&id, back).await.map_err(|_| Refused) })
    }

    fn rename(&self, id: &str, name: &str) -> Later<Result<(), Refused>> {
        let (id, name) = (id.to_string(), name.to_string());
        Box::pin(async move { web::library::rename(&id, &name).await.map_err(|_| Refused) })
    }

    fn backup(&self) -> Later<Result<String, Refused>> {
        Box::pin(async { web::library::backup().await.map_err(|_| Refused) })
    }

    fn merge(&self, file: web_sys::File) -> Later<Option<(u32, u32, u32)>> {
        Box::pin(async move { web::library::merge(&file).await.ok() })
    }

    fn versions(&self, id: &str) -> Later<Result<Vec<f64>, Refused>> {
        let id = id.to_string();
        Box::pin(async move { web::library::versions(&id).await.map_err(|_| Refused) })
    }

    fn version(&self, id: &str, at: f64) -> Later<Result<String, Refused>> {
        let id = id.to_string();
        Box::pin(async move {
            web::library::version(&id, at)
                .await
                .ok()
                .flatten()
                .ok_or(Refused)
        })
    }

    fn broken_draft(&self) -> Option<String> {
        // The library's page: what the single-draft version left damaged.
        let key = match self.library {
            true => Some(web::storage::DRAFT_KEY),
            false => self.key.as_deref(),
        };
        key.and_then(web::storage::broken_draft)
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

    fn print(&self, w: &web_sys::Window) {
        web::print::print(w)
    }

    fn find(&self, id: &str) -> Option<Element> {
        let node = self.root.get_root_node();
        match node.dyn_ref::<ShadowRoot>() {
            Some(shadow) => shadow.get_element_by_id(id),
            None => gloo::utils::document().get_element_by_id(id),
        }
    }
}
