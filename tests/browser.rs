//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features app --test browser
//! Compiled only for wasm32, so a native `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Yew renders asynchronously: let it run before asserting.
async fn tick() {
    gloo::timers::future::TimeoutFuture::new(10).await;
}

fn fresh_root() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn app_mounts() {
    let root = fresh_root();
    yew::Renderer::<thongbao::ui::App>::with_root(root.clone()).render();
    tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Thông báo"), "{text}");
    let _ = root.dyn_ref::<web_sys::HtmlElement>();
}
