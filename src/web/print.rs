//! Printing the notice in pages, each footnote at the foot of the page
//! that cites it, through `thongbaoPages` (www/pages.js, inlined in the
//! page before the glue): the pages are cut in JavaScript, where the
//! layout can be measured with less glue than web-sys's bindings.

use wasm_bindgen::prelude::*;
use web_sys::Window;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = thongbaoPages, js_name = print)]
    fn js_print(w: &Window) -> Result<(), JsValue>;
}

/// Prints the document of `w` (the preview) in pages; where the page has
/// no pages script (a test page), the browser's own print.
pub fn print(w: &Window) {
    if js_print(w).is_err() {
        let _ = w.print();
    }
}
