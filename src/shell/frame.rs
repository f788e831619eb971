//! The single-file page inside an `<iframe>`: the same events as the custom
//! element, through `postMessage` to the parent window, and answers to the
//! parent's requests. Only when embedded (`window.parent !== window`);
//! opened on its own, the page is exactly the standalone editor.
//!
//! Options come in the URL's fragment (it survives `file://`):
//! `thongbao.html#origin=https://portal.example&storage-key=k&lang=en&readonly&export=host`.
//!
//! Origins:
//! - `origin=…` given: messages are posted to that origin only, and only
//!   messages from the parent window with that origin are answered.
//! - not given, the page served over http(s): the page's own origin (a
//!   same-origin portal needs no option; another origin must name itself).
//! - not given, the page opened from disk (`file://`): `"*"`. A `file://`
//!   page has the opaque origin `"null"`, which `postMessage` cannot
//!   target, and only another local file can frame it; requests are still
//!   answered only when they come from the parent window.
//!
//! Messages to the parent: `{type, detail}` with the event names of
//! [`super::embed`], plus `thongbao-height` `{height}` (CSS pixels; the page
//! lays itself out at its natural height when framed) and
//! `thongbao-reply` `{id, request, ok, detail | error}` for each request.
//! Requests: `{type: 'thongbao-get' | 'thongbao-set' (value) |
//! 'thongbao-validate' | 'thongbao-export' (format: 'json'|'html',
//! download: bool) | 'thongbao-reset', id}`.

use super::embed::{file_detail, parse_lang, parse_storage_key, Emit, Host, Options};
use crate::core::export::Format;
use crate::ui::state::Action;
use crate::web::storage::DRAFT_KEY;
use gloo::events::EventListener;
use js_sys::Reflect;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Layout when framed: the page's natural height (the iframe takes it).
const FRAME_CSS: &str = include_str!("../../www/frame-embed.css");

/// What the fragment asked for.
pub struct FrameOptions {
    pub host: Host,
    pub readonly: bool,
    origin: String,
}

fn params() -> Vec<(String, String)> {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let dec = |s: &str| {
                js_sys::decode_uri_component(&s.replace('+', " "))
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_else(|| s.to_string())
            };
            (dec(k), dec(v))
        })
        .collect()
}

/// Some when the page runs inside a frame.
pub fn embedded(root: &Element) -> Option<FrameOptions> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    if js_sys::Object::is(&parent, &window) {
        return None;
    }
    let params = params();
    let param = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let location = window.location();
    let origin = match param("origin").filter(|o| !o.is_empty()) {
        Some(o) => o,
        None if location.protocol().ok().as_deref() == Some("file:") => "*".to_string(),
        None => location.origin().unwrap_or_else(|_| "*".into()),
    };
    let storage_key = match param("storage-key") {
        Some(k) => parse_storage_key(Some(k)),
        None => Some(DRAFT_KEY.to_string()),
    };
    let readonly = param("readonly").is_some_and(|v| v != "false" && v != "0");
    let host_exports = param("export").as_deref() == Some("host");
    let host = Host::new(
        root.clone(),
        Options {
            storage_key,
            lang: param("lang").as_deref().and_then(parse_lang),
            owns_page: true,
            emit: Emit::Parent {
                origin: origin.clone(),
                host_exports,
            },
        },
    );
    Some(FrameOptions {
        host,
        readonly,
        origin,
    })
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Answers the parent's requests and reports the page's height, for the
/// page's lifetime.
pub fn listen(frame: &FrameOptions) {
    let doc = gloo::utils::document();
    if let Some(html) = doc.document_element() {
        let classes = html.get_attribute("class").unwrap_or_default();
        let _ = html.set_attribute("class", format!("{classes} tb-framed").trim());
    }
    if let (Ok(style), Some(head)) = (doc.create_element("style"), doc.head()) {
        style.set_text_content(Some(FRAME_CSS));
        let _ = head.append_child(&style);
    }

    let host = frame.host.clone();
    let origin = frame.origin.clone();
    EventListener::new(&gloo::utils::window(), "message", move |e| {
        let window = gloo::utils::window();
        let from_parent = match window.parent() {
            Ok(Some(p)) => js_sys::Object::is(&get(e, "source"), &p),
            _ => false,
        };
        let sender = get(e, "origin").as_string().unwrap_or_default();
        if !from_parent || (origin != "*" && sender != origin) {
            return;
        }
        let data = get(e, "data");
        let Some(kind) = get(&data, "type").as_string() else {
            return;
        };
        let answer = match kind.as_str() {
            "thongbao-get" => Ok(host.value()),
            "thongbao-set" => host.set_value(&get(&data, "value")).map(|()| JsValue::TRUE),
            "thongbao-validate" => Ok(host.validate()),
            "thongbao-export" => {
                let format = get(&data, "format")
                    .as_string()
                    .and_then(|f| Format::parse(&f))
                    .unwrap_or(Format::Json);
                match host.file(format) {
                    Some(file) => {
                        let saved = if get(&data, "download").is_truthy() {
                            crate::web::download::save(&file)
                        } else {
                            Ok(())
                        };
                        host.dispatch(Action::Exported);
                        saved.map(|()| file_detail(&file))
                    }
                    None => Err(js_sys::Error::new("thongbao: the editor is not ready").into()),
                }
            }
            "thongbao-reset" => {
                host.reset();
                Ok(JsValue::TRUE)
            }
            _ => return,
        };
        let reply = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = Reflect::set(&reply, &k.into(), v);
        };
        set("type", &"thongbao-reply".into());
        set("id", &get(&data, "id"));
        set("request", &kind.as_str().into());
        match answer {
            Ok(detail) => {
                set("ok", &JsValue::TRUE);
                set("detail", &detail);
            }
            Err(err) => {
                set("ok", &JsValue::FALSE);
                let error = js_sys::Object::new();
                for k in ["message", "messageVi", "messageEn"] {
                    let _ = Reflect::set(&error, &k.into(), &get(&err, k));
                }
                set("error", &error);
            }
        }
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&reply, &origin);
        }
    })
    .forget();

    // Auto-height: the page's height whenever it changes.
    let host = frame.host.clone();
    let last = Rc::new(Cell::new(-1.0_f64));
    let report = Closure::<dyn FnMut()>::new(move || {
        let Some(html) = gloo::utils::document().document_element() else {
            return;
        };
        let height = html.get_bounding_client_rect().height().ceil();
        if height != last.replace(height) {
            let detail = js_sys::Object::new();
            let _ = Reflect::set(&detail, &"height".into(), &height.into());
            host.emit("thongbao-height", &detail.into());
        }
    });
    let window = gloo::utils::window();
    let ctor = get(&window, "ResizeObserver");
    let observed = ctor.dyn_ref::<js_sys::Function>().and_then(|ctor| {
        let observer = Reflect::construct(ctor, &js_sys::Array::of1(report.as_ref())).ok()?;
        let observe: js_sys::Function = get(&observer, "observe").dyn_into().ok()?;
        observe
            .call1(&observer, &doc.document_element()?.into())
            .ok()?;
        // Kept for the page's lifetime (an unreachable observer may be
        // collected and stop reporting).
        std::mem::forget(observer);
        Some(())
    });
    // Also measure now and then: Chromium runs no rendering steps (so no
    // ResizeObserver callbacks) in a cross-origin iframe scrolled out of
    // view, and a file:// frame is cross-origin. Cheap when nothing moved.
    let every = if observed.is_some() { 500 } else { 250 };
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        report.as_ref().unchecked_ref(),
        every,
    );
    report.forget();
}
