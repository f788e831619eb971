//! The editor behind `<thongbao-editor>` (www/element.js defines the custom
//! element and calls this): one yew app per element, mounted into a `<div>`
//! inside the element's open shadow root.
//!
//! The element's script compiles the wasm module once for the page and
//! gives each element an instance of its own (its own memory, glue and
//! panic hook: a panic stops that editor alone) with one [`Editor`] in it;
//! its methods are the element's API. `options.crashed(message)` is where
//! the instance's panics are reported (`web::crash`). Removing the element calls [`Editor::destroy`] (yew's
//! `AppHandle::destroy`), which detaches the app and stops its timers.

use super::embed::{parse_lang, parse_storage_key, Emit, Host, Options};
use super::page::BrowserPage;
use crate::core::export::Format;
use crate::ui::app::{App, AppProps};
use crate::ui::outside::{Opening, PageRef};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

#[wasm_bindgen]
pub struct Editor {
    host: Host,
    handle: Option<AppHandle<App>>,
    props: AppProps,
}

fn get(options: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen]
impl Editor {
    /// Mounts an editor into `root` (a `<div>` in a shadow root).
    /// `options`: `{lang, storageKey, library, readonly, emit, crashed}`; `emit(type, detail)`
    /// sends an event and returns false when it was cancelled.
    #[wasm_bindgen(constructor)]
    pub fn new(root: Element, options: JsValue) -> Result<Editor, JsValue> {
        let emit: js_sys::Function = get(&options, "emit")
            .dyn_into()
            .map_err(|_| js_sys::Error::new("thongbao: options.emit must be a function"))?;
        // This instance is this element's alone (www/element.js): its
        // panics go to the element's crash message, not to the page.
        if let Ok(crashed) = get(&options, "crashed").dyn_into::<js_sys::Function>() {
            crate::web::crash::report_to(crashed);
        }
        super::install_panic_hook();
        let host = Host::new(
            root.clone(),
            Options {
                storage_key: parse_storage_key(get(&options, "storageKey").as_string()),
                lang: get(&options, "lang")
                    .as_string()
                    .as_deref()
                    .and_then(parse_lang),
                owns_page: false,
                emit: Emit::Function(emit),
            },
        );
        let readonly = get(&options, "readonly").is_truthy();
        let mut props = super::props(root.clone(), Some(&host), readonly);
        // `library`: every notice in the page's library (IndexedDB), listed
        // on the start screen; `storage-key` is then not used.
        if get(&options, "library").is_truthy() {
            props.page = PageRef(Rc::new(BrowserPage {
                key: None,
                library: true,
                root: root.clone(),
            }));
            props.opening = Opening::Start;
        }
        let handle = yew::Renderer::<App>::with_root_and_props(root, props.clone()).render();
        Ok(Editor {
            host,
            handle: Some(handle),
            props,
        })
    }

    /// The notice as a plain object (null before the first render).
    #[wasm_bindgen(getter)]
    pub fn value(&self) -> JsValue {
        self.host.value()
    }

    /// Opens a notice: a plain object, JSON text or an exported HTML
    /// notice. Throws (nothing changes) when it is not a valid notice.
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(&self, value: JsValue) -> Result<(), JsValue> {
        self.host.set_value(&value)
    }

    /// Loads text fetched from the `src` attribute; a bad file is shown in
    /// the editor's banner and thrown.
    #[wasm_bindgen(js_name = loadText)]
    pub fn load_text(&self, text: String, source: String) -> Result<(), JsValue> {
        let result = self.host.set_value(&JsValue::from_str(&text));
        if let Err(e) = &result {
            let (vi, en) = error_texts(e);
            self.host.message(
                format!("Không mở được thông báo từ “{source}”: {vi}"),
                format!("Could not open the notice from “{source}”: {en}"),
                true,
            );
        }
        result
    }

    /// Shows that the `src` could not be fetched.
    #[wasm_bindgen(js_name = loadFailed)]
    pub fn load_failed(&self, source: String, reason: String) {
        self.host.message(
            format!("Không tải được thông báo từ “{source}” ({reason})."),
            format!("Could not fetch the notice from “{source}” ({reason})."),
            true,
        );
    }

    pub fn validate(&self) -> JsValue {
        self.host.validate()
    }

    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> Result<JsValue, JsValue> {
        self.host.export_now(Format::Json)
    }

    #[wasm_bindgen(js_name = exportHtml)]
    pub fn export_html(&self) -> Result<JsValue, JsValue> {
        self.host.export_now(Format::Html)
    }

    #[wasm_bindgen(js_name = exportDocx)]
    pub fn export_docx(&self) -> Result<JsValue, JsValue> {
        self.host.export_now(Format::Docx)
    }

    pub fn reset(&self) {
        self.host.reset();
    }

    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, lang: String) {
        if let Some(l) = parse_lang(&lang) {
            self.host.set_lang(l);
        }
    }

    #[wasm_bindgen(js_name = setReadonly)]
    pub fn set_readonly(&mut self, readonly: bool) {
        if readonly == self.props.readonly {
            return;
        }
        self.props.readonly = readonly;
        if let Some(h) = &mut self.handle {
            h.update(self.props.clone());
        }
    }

    /// Tears the app down (the element left the page).
    pub fn destroy(&mut self) {
        self.host.detach();
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

/// The Vietnamese and English texts of an import error from
/// [`super::embed::import_error`].
fn error_texts(e: &JsValue) -> (String, String) {
    let s = |k: &str| {
        js_sys::Reflect::get(e, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    (s("messageVi"), s("messageEn"))
}
