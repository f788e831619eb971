//! The library of notices in IndexedDB, through `thongbaoLibrary`
//! (www/library.js, inlined in the page before the glue runs): the
//! requests are wrapped in promises there, which costs less wasm than
//! web-sys's IndexedDB bindings. Every write is one transaction with
//! durability "strict"; its future resolves only once the transaction
//! completed, so the editor says "Đã lưu" only of what is on disk.
//!
//! Entries cross as plain JS objects read and written field by field (a
//! serde deserializer for them would cost more wasm).
//!
//! Errors are the DOMException's name (`QuotaExceededError`,
//! `InvalidStateError`…, or `ReferenceError` where the page has no
//! library script); nothing here panics.

use crate::core::library::Entry;
use crate::core::model::Status;
use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = ready)]
    fn js_ready() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = list)]
    fn js_list() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = get)]
    fn js_get(id: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = save)]
    fn js_save(entry: &Object, json: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = remove)]
    fn js_remove(id: &str, back: bool) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = rename)]
    fn js_rename(id: &str, name: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = backup)]
    fn js_backup() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = merge)]
    fn js_merge(file: &web_sys::File) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = versions)]
    fn js_versions(id: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = version)]
    fn js_version(id: &str, at: f64) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = listen)]
    fn js_listen(f: Option<&Closure<dyn FnMut(String, String)>>) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = thongbaoLibrary, js_name = newId)]
    fn js_new_id() -> Result<String, JsValue>;
}

/// Why the browser said no: the exception's name.
fn name(e: JsValue) -> String {
    Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "Error".into())
}

async fn call(p: Result<Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(p.map_err(name)?).await.map_err(name)
}

/// Opens the database; Err when the browser has none or refuses it.
pub async fn ready() -> Result<(), String> {
    call(js_ready()).await.map(|_| ())
}

/// Whether an error means the storage is full.
pub fn is_full(error: &str) -> bool {
    error == "QuotaExceededError"
}

/// Every notice's entry, the last edited first.
pub async fn list() -> Result<Vec<Entry>, String> {
    let v = call(js_list()).await?;
    Ok(Array::from(&v).iter().map(|e| entry(&e)).collect())
}

/// An entry from its JS object, field by field (cheaper in wasm than a
/// deserializer).
fn entry(o: &JsValue) -> Entry {
    let get = |k: &str| Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let text = |k: &str| get(k).as_string().unwrap_or_default();
    let num = |k: &str| get(k).as_f64().unwrap_or(0.0);
    Entry {
        id: text("id"),
        name: get("name").as_string().filter(|n| !n.is_empty()),
        subject: text("subject"),
        body: text("body"),
        date: text("date"),
        status: match text("status").as_str() {
            "signing" => Status::Signing,
            "issued" => Status::Issued,
            _ => Status::Draft,
        },
        edited: num("edited"),
        errors: num("errors") as usize,
        warnings: num("warnings") as usize,
        dirty: get("dirty").is_truthy(),
    }
}

/// The JS object of an entry (the name is the list's own: not written).
fn object(e: &Entry) -> Object {
    let o = Object::new();
    let status = match e.status {
        Status::Draft => "draft",
        Status::Signing => "signing",
        Status::Issued => "issued",
    };
    let fields: [(&str, JsValue); 9] = [
        ("id", e.id.as_str().into()),
        ("subject", e.subject.as_str().into()),
        ("body", e.body.as_str().into()),
        ("date", e.date.as_str().into()),
        ("status", status.into()),
        ("edited", e.edited.into()),
        ("errors", (e.errors as f64).into()),
        ("warnings", (e.warnings as f64).into()),
        ("dirty", e.dirty.into()),
    ];
    for (k, v) in fields {
        let _ = Reflect::set(&o, &k.into(), &v);
    }
    o
}

/// A notice's JSON (None: no such notice).
pub async fn get(id: &str) -> Result<Option<String>, String> {
    Ok(call(js_get(id)).await?.as_string())
}

/// Saves a notice (its entry and JSON) in one durable transaction.
pub async fn save(entry: &Entry, json: &str) -> Result<(), String> {
    call(js_save(&object(entry), json)).await.map(|_| ())
}

/// Removes a notice from the list (`back`: brings it back). A removed
/// notice is deleted for good a minute later.
pub async fn remove(id: &str, back: bool) -> Result<(), String> {
    call(js_remove(id, back)).await.map(|_| ())
}

/// The whole library as one JSON text.
pub async fn backup() -> Result<String, String> {
    Ok(call(js_backup()).await?.as_string().unwrap_or_default())
}

/// Merges a back-up file: (added, kept both, already there).
pub async fn merge(file: &web_sys::File) -> Result<(u32, u32, u32), String> {
    let v = call(js_merge(file)).await?;
    let n = |k: &str| {
        Reflect::get(&v, &k.into())
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0) as u32
    };
    Ok((n("added"), n("both"), n("same")))
}

/// Names a notice in the list (blank: its subject again).
pub async fn rename(id: &str, name: &str) -> Result<(), String> {
    call(js_rename(id, name)).await.map(|_| ())
}

/// The time `ms` (since 1970) as the officer reads it: `29/11/2026 14:16:05`.
pub fn when(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{}/{}/{} {:02}:{:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// The times of a notice's saved versions, newest first.
pub async fn versions(id: &str) -> Result<Vec<f64>, String> {
    let v = call(js_versions(id)).await?;
    Ok(Array::from(&v).iter().filter_map(|t| t.as_f64()).collect())
}

/// The JSON of the version saved at `at`.
pub async fn version(id: &str, at: f64) -> Result<Option<String>, String> {
    Ok(call(js_version(id, at)).await?.as_string())
}

/// Hears other tabs' saves while it lives.
pub struct Listening(#[allow(dead_code)] Closure<dyn FnMut(String, String)>);

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = js_listen(None);
    }
}

/// Calls `f(id, json)` whenever another tab saved a notice, for as long as
/// the returned [`Listening`] lives.
pub fn listen(f: impl FnMut(String, String) + 'static) -> Option<Listening> {
    let c = Closure::new(f);
    js_listen(Some(&c)).ok().map(|()| Listening(c))
}

/// A fresh notice id.
pub fn new_id() -> String {
    js_new_id().unwrap_or_else(|_| format!("n{}", js_sys::Date::now()))
}
