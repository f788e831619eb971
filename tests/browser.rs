//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features app --test browser
//! Compiled only for wasm32, so a native `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use gloo::storage::Storage;
use std::rc::Rc;
use thongbao::core::lang::Lang;
use thongbao::core::samples::sample;
use thongbao::ui::state::{Action, ListId, ListOp, Screen, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

/// Yew renders asynchronously: let it run before asserting.
async fn tick() {
    gloo::timers::future::TimeoutFuture::new(20).await;
}

fn fresh_root() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

/// The element with this id, once yew has rendered it (polls for up to 5 s:
/// a loaded machine can take longer than one tick).
async fn by_id<T: JsCast>(id: &str) -> T {
    for _ in 0..250 {
        if let Some(el) = gloo::utils::document().get_element_by_id(id) {
            return el.dyn_into::<T>().unwrap();
        }
        tick().await;
    }
    panic!("no #{id}")
}

#[wasm_bindgen_test]
async fn start_screen_then_sample_with_live_checks() {
    gloo::storage::LocalStorage::clear();
    let root = fresh_root();
    yew::Renderer::<thongbao::ui::App>::with_root(root.clone()).render();
    let sample_button = by_id::<HtmlElement>("btn-sample").await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Tạo mới từ mẫu"), "{text}");
    assert!(text.contains("Mở mẫu Chi Lăng 2024"), "{text}");

    sample_button.click();
    let number: HtmlInputElement = by_id("f-header/number").await;
    assert_eq!(number.value(), "");
    // Nothing is flagged before the officer touched a field or pressed Kiểm tra.
    assert!(root
        .query_selector("[aria-invalid=true]")
        .unwrap()
        .is_none());

    by_id::<HtmlElement>("btn-check").await.click();
    tick().await;
    let summary: HtmlElement = by_id("error-summary").await;
    assert!(summary.text_content().unwrap().contains("Có"));
    tick().await;
    assert!(gloo::utils::document().title().starts_with("Lỗi: "));
    root.set_inner_html("");
}

#[wasm_bindgen_test]
fn edits_change_one_field_in_place_and_recheck() {
    let s = Rc::new(State::new(Screen::Editor, sample(), Lang::Vi));
    let before = s.findings.len();
    let s = s.reduce(Action::Edit {
        path: "fig/safe_home.recognised/value".into(),
        value: "99.999".into(),
    });
    assert_eq!(
        s.doc.get().figure("safe_home.recognised").unwrap().value,
        "99.999",
        "kept as typed"
    );
    assert!(s.dirty);
    assert!(s
        .findings
        .iter()
        .any(|f| f.rule == "chain.safe_home" && f.field() == "fig/safe_home.recognised/value"));
    assert!(s.findings.len() > before);
    // An unknown path changes nothing (same state back).
    let again = s.clone().reduce(Action::Edit {
        path: "nope/x".into(),
        value: "1".into(),
    });
    assert!(Rc::ptr_eq(&s, &again));
}

#[wasm_bindgen_test]
fn list_operations_keep_ids_stable() {
    let s = Rc::new(State::new(Screen::Editor, sample(), Lang::Vi));
    let ids = |s: &State| -> Vec<String> {
        s.doc
            .get()
            .recipients
            .iter()
            .map(|r| r.id.clone())
            .collect()
    };
    let first = ids(&s);
    let s = s.reduce(Action::List {
        list: ListId::Recipients,
        op: ListOp::Add {
            after: Some(first[0].clone()),
        },
        group: "recipients".into(),
    });
    let added = ids(&s)[1].clone();
    assert!(!first.contains(&added), "a fresh id");
    let s = s.reduce(Action::List {
        list: ListId::Recipients,
        op: ListOp::Move(added.clone(), -1),
        group: "recipients".into(),
    });
    assert_eq!(ids(&s)[0], added);
    assert_eq!(s.focus.as_deref(), Some(format!("up-{added}").as_str()));
    let s = s.reduce(Action::List {
        list: ListId::Recipients,
        op: ListOp::Remove(added),
        group: "recipients".into(),
    });
    assert_eq!(ids(&s), first);
}

#[wasm_bindgen_test]
fn file_names_come_from_the_notice() {
    use thongbao::web::download::{file_stem, slug};
    assert_eq!(slug("Đồng Đăng"), "dong-dang");
    let mut n = sample();
    assert_eq!(file_stem(&n, "2024-08-15"), "thong-bao-chi-lang-2024-08-15");
    n.header.day = "5".into();
    assert_eq!(file_stem(&n, "2030-01-01"), "thong-bao-chi-lang-2024-08-05");
}
