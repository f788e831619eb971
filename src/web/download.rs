//! Downloads: a Blob, an object URL and a click on an `<a download>`. What
//! the file holds and what it is called come from `core::export`.

use crate::core::export::File;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Hands `file` to the officer.
pub fn save(file: &File) -> Result<(), JsValue> {
    let bytes = js_sys::Uint8Array::from(file.bytes.as_slice());
    let parts = js_sys::Array::of1(&bytes);
    let opts = BlobPropertyBag::new();
    opts.set_type(file.mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let doc = gloo::utils::document();
    let a: HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(&file.name);
    a.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke once the browser has taken the file.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
