//! The editor embedded in someone else's page: the `<thongbao-editor>`
//! custom element ([`super::element`]) or the single-file page inside an
//! `<iframe>` ([`super::frame`]).
//!
//! A [`Host`] is what the app knows about its embedder: where its draft is
//! kept (or that it keeps none), the language it was asked for, where to
//! look up its own elements (a shadow root is not the document), and how
//! events leave (a `CustomEvent` on the element, or `postMessage` to the
//! parent window). The app registers its dispatcher and document with the
//! host after each render, so the embedder's API (value, validate, export,
//! reset) acts on the live editor.
//!
//! Event names and details (the same both ways):
//! - `thongbao-ready` `{value, restored}`: the editor is up.
//! - `thongbao-change` the notice: after each change the officer made (not
//!   after the embedder set the value).
//! - `thongbao-validate` `{mode, errors, warnings, findings}`: "Kiểm tra",
//!   "Hoàn tất" or `validate()`; findings as `thongbao check --json` gives
//!   them.
//! - `thongbao-export` `{format, fileName, content}`: before a download; a
//!   custom element's event is cancelable (no download when cancelled).

use crate::core::check::{check, counts, Finding, Mode};
use crate::core::export::{export, File, Format, Now};
use crate::core::json::{import, ImportError};
use crate::core::lang::Lang;
use crate::core::model::Notice;
use crate::ui::outside::Live;
use crate::ui::state::{Action, Banner};
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// How events reach the embedder.
pub enum Emit {
    /// A JS function `(type, detail) => boolean` (false: cancelled); the
    /// custom element dispatches a `CustomEvent` in it.
    Function(js_sys::Function),
    /// `parent.postMessage({type, detail}, origin)`; `host_exports`: the
    /// embedder takes exported files itself (no download in the frame).
    Parent { origin: String, host_exports: bool },
}

/// What the embedder chose.
pub struct Options {
    /// localStorage key of the draft; None: no autosave.
    pub storage_key: Option<String>,
    pub lang: Option<Lang>,
    /// The app owns the page (the iframe): it may set the title and the
    /// page's language.
    pub owns_page: bool,
    pub emit: Emit,
}

struct Inner {
    options: Options,
    /// The element the app is mounted in.
    root: Element,
    live: RefCell<Option<Live>>,
    /// Actions asked for before the first render.
    queue: RefCell<Vec<Action>>,
    /// A notice the embedder set that the app has not rendered yet.
    pending: RefCell<Option<Rc<Notice>>>,
    /// The next document change came from the embedder: no change event.
    quiet: Cell<bool>,
    restored: Cell<bool>,
    /// `thongbao-ready` was sent.
    ready: Cell<bool>,
}

/// The embedder, as the app sees it. Cheap to clone; equal when the same.
#[derive(Clone)]
pub struct Host(Rc<Inner>);

impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A JS error whose message is in the editor's language, with both
/// languages as `messageVi` / `messageEn`.
pub fn import_error(e: &ImportError, lang: Lang) -> JsValue {
    let err = js_sys::Error::new(e.message(lang));
    let _ = js_sys::Reflect::set(&err, &"messageVi".into(), &e.message_vi.as_str().into());
    let _ = js_sys::Reflect::set(&err, &"messageEn".into(), &e.message_en.as_str().into());
    err.into()
}

/// A serde value as a plain JS object (maps as objects, not `Map`s; `None`
/// as `null`): `JSON.parse` of its JSON text, as serde-wasm-bindgen's
/// JSON-compatible serialiser built it, without that serialiser's code.
pub fn to_js<T: Serialize + ?Sized>(v: &T) -> JsValue {
    let json = serde_json::to_string(v).unwrap_or_default();
    js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL)
}

/// The notice as a plain JS object, the one `to_js` would give: through its
/// JSON text, so the wasm holds no second serialiser of the notice.
fn notice_to_js(n: &Notice) -> JsValue {
    let json = serde_json::to_string(n).unwrap_or_default();
    js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL)
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &key.into(), value);
}

/// `{mode, errors, warnings, findings}` (as `thongbao check --json`).
pub fn findings_detail(findings: &[Finding], mode: Mode) -> JsValue {
    let (errors, warnings) = counts(findings);
    let obj = js_sys::Object::new();
    set(&obj, "mode", &to_js(&mode));
    set(&obj, "errors", &(errors as u32).into());
    set(&obj, "warnings", &(warnings as u32).into());
    set(&obj, "findings", &to_js(findings));
    obj.into()
}

/// `{format, fileName, content}`: an exported file as hosts receive it.
pub fn file_detail(file: &File) -> JsValue {
    let obj = js_sys::Object::new();
    set(&obj, "format", &file.format.name().into());
    set(&obj, "fileName", &file.name.as_str().into());
    set(&obj, "content", &content(file));
    obj.into()
}

/// A file's content as hosts receive it: text (JSON, HTML), or a
/// `Uint8Array` (a Word document).
fn content(file: &File) -> JsValue {
    match file.text() {
        Some(text) => text.into(),
        None => js_sys::Uint8Array::from(file.bytes.as_slice()).into(),
    }
}

impl Host {
    pub fn new(root: Element, options: Options) -> Host {
        Host(Rc::new(Inner {
            options,
            root,
            live: RefCell::default(),
            queue: RefCell::default(),
            pending: RefCell::default(),
            quiet: Cell::new(false),
            restored: Cell::new(false),
            ready: Cell::new(false),
        }))
    }

    /// Where the draft is kept; None: no autosave.
    pub fn storage_key(&self) -> Option<&str> {
        self.0.options.storage_key.as_deref()
    }

    pub fn lang(&self) -> Option<Lang> {
        self.0.options.lang
    }

    pub fn owns_page(&self) -> bool {
        self.0.options.owns_page
    }

    pub fn root(&self) -> &Element {
        &self.0.root
    }

    /// The app reopened a draft from its storage key.
    pub fn set_restored(&self, restored: bool) {
        self.0.restored.set(restored);
    }

    /// Sends an event; false when the embedder cancelled it.
    pub fn emit(&self, name: &str, detail: &JsValue) -> bool {
        match &self.0.options.emit {
            Emit::Function(f) => f
                .call2(&JsValue::NULL, &name.into(), detail)
                .map(|r| r.as_bool() != Some(false))
                .unwrap_or(true),
            Emit::Parent {
                origin,
                host_exports,
            } => {
                let msg = js_sys::Object::new();
                set(&msg, "type", &name.into());
                set(&msg, "detail", detail);
                if let Ok(Some(parent)) = gloo::utils::window().parent() {
                    if let Err(e) = parent.post_message(&msg, origin) {
                        gloo::console::error!("thongbao: postMessage failed", e);
                    }
                }
                !(name == "thongbao-export" && *host_exports)
            }
        }
    }

    /// Called by the app after each render that changed its document or
    /// language: runs the actions queued before the first render, then
    /// tells the embedder the editor is ready (once), or that the officer
    /// changed the notice.
    pub fn attach(&self, now: Live) {
        let (dispatch, doc) = (now.dispatch.clone(), now.doc.clone());
        let changed = {
            let mut live = self.0.live.borrow_mut();
            let changed = live.as_ref().is_some_and(|l| l.doc != doc);
            *live = Some(now);
            changed
        };
        let queued: Vec<Action> = self.0.queue.borrow_mut().drain(..).collect();
        if !queued.is_empty() {
            // The next render reports.
            for a in queued {
                dispatch.dispatch(a);
            }
            return;
        }
        if changed {
            self.0.pending.borrow_mut().take();
        }
        if !self.0.ready.replace(true) {
            self.0.quiet.set(false);
            let obj = js_sys::Object::new();
            set(&obj, "value", &notice_to_js(&doc.get()));
            set(&obj, "restored", &self.0.restored.get().into());
            self.emit("thongbao-ready", &obj.into());
            return;
        }
        if changed && !self.0.quiet.replace(false) {
            let value = notice_to_js(&doc.get());
            self.emit("thongbao-change", &value);
        }
    }

    /// Sends an action to the app (queued until its first render).
    pub fn dispatch(&self, action: Action) {
        match &*self.0.live.borrow() {
            Some(l) => l.dispatch.dispatch(action),
            None => self.0.queue.borrow_mut().push(action),
        }
    }

    fn current_lang(&self) -> Lang {
        self.0
            .live
            .borrow()
            .as_ref()
            .map(|l| l.lang)
            .or(self.0.options.lang)
            .unwrap_or_default()
    }

    /// Runs `f` on the notice as the embedder last saw it (a value it set
    /// and the app has not rendered yet counts).
    pub fn with_notice<R>(&self, f: impl FnOnce(&Notice) -> R) -> Option<R> {
        if let Some(n) = &*self.0.pending.borrow() {
            return Some(f(n));
        }
        let live = self.0.live.borrow();
        let doc = live.as_ref()?.doc.clone();
        drop(live);
        let n = doc.get();
        Some(f(&n))
    }

    /// The notice as a plain object (null before the first render).
    pub fn value(&self) -> JsValue {
        self.with_notice(notice_to_js).unwrap_or(JsValue::NULL)
    }

    /// Opens this notice (a plain object, JSON text, or an exported HTML
    /// notice): all or nothing, through the core's importer. No change
    /// event: the embedder knows.
    pub fn set_value(&self, value: &JsValue) -> Result<(), JsValue> {
        let text = match value.as_string() {
            Some(s) => s,
            None => js_sys::JSON::stringify(value)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default(),
        };
        let notice = import(&text).map_err(|e| import_error(&e, self.current_lang()))?;
        self.0.pending.replace(Some(Rc::new(notice.clone())));
        self.0.quiet.set(true);
        self.dispatch(Action::Load {
            notice: Box::new(notice),
            message: None,
        });
        Ok(())
    }

    /// "Kiểm tra" from outside: shows the findings in the editor, tells the
    /// embedder (`thongbao-validate`) and returns them.
    pub fn validate(&self) -> JsValue {
        let detail = self
            .with_notice(|n| findings_detail(&check(n, Mode::Draft), Mode::Draft))
            .unwrap_or(JsValue::NULL);
        self.dispatch(Action::CheckAll);
        if !detail.is_null() {
            self.emit("thongbao-validate", &detail);
        }
        detail
    }

    /// The app checked (the officer pressed "Kiểm tra" or "Hoàn tất").
    pub fn validated(&self, notice: &Notice, mode: Mode) {
        let detail = findings_detail(&check(notice, mode), mode);
        self.emit("thongbao-validate", &detail);
    }

    /// Announces an export; true when the file should be downloaded
    /// (the embedder did not take it).
    pub fn export(&self, file: &File) -> bool {
        self.emit("thongbao-export", &file_detail(file))
    }

    /// The notice as the embedder last saw it, as a file of `format`.
    pub fn file(&self, format: Format) -> Option<File> {
        let now = Now {
            unix_secs: crate::web::unix_secs(),
        };
        self.with_notice(|n| export(n, format, now))
    }

    /// `exportJson()` / `exportHtml()` / `exportDocx()`: the same as the
    /// toolbar's buttons; returns the file's content (text, or the bytes of
    /// a Word document).
    pub fn export_now(&self, format: Format) -> Result<JsValue, JsValue> {
        let file = self.file(format).ok_or_else(|| {
            JsValue::from(js_sys::Error::new("thongbao: the editor is not ready"))
        })?;
        if self.export(&file) {
            crate::web::download::save(&file)?;
        }
        self.dispatch(Action::Exported);
        Ok(content(&file))
    }

    /// Back to a blank notice (the template); no change event.
    pub fn reset(&self) {
        let notice = crate::core::samples::template();
        self.0.pending.replace(Some(Rc::new(notice.clone())));
        self.0.quiet.set(true);
        self.dispatch(Action::Load {
            notice: Box::new(notice),
            message: None,
        });
    }

    /// Shows a message in the editor's banner.
    pub fn message(&self, vi: String, en: String, error: bool) {
        self.dispatch(Action::Message(Some(Banner { vi, en, error })));
    }

    pub fn set_lang(&self, lang: Lang) {
        self.dispatch(Action::Lang(lang));
    }

    /// The app is gone: nothing may be dispatched to it any more.
    pub fn detach(&self) {
        self.0.live.borrow_mut().take();
        self.0.queue.borrow_mut().clear();
    }
}

/// `vi` / `en` (anything else: None).
pub fn parse_lang(s: &str) -> Option<Lang> {
    match s.trim().to_ascii_lowercase().as_str() {
        "vi" | "vi-vn" => Some(Lang::Vi),
        "en" | "en-us" | "en-gb" => Some(Lang::En),
        _ => None,
    }
}

/// A storage key as given: absent, empty or `none` means no autosave.
pub fn parse_storage_key(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case("none"))
}

impl crate::ui::outside::Host for Host {
    fn attach(&self, live: Live) {
        Host::attach(self, live);
    }

    fn validated(&self, notice: &Notice, mode: Mode) {
        Host::validated(self, notice, mode);
    }

    fn exporting(&self, file: &File) -> bool {
        self.export(file)
    }

    fn owns_page(&self) -> bool {
        Host::owns_page(self)
    }
}
