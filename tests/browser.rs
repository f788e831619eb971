//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features app --test browser
//! Compiled only for wasm32, so a native `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use gloo::storage::Storage;
use std::rc::Rc;
use thongbao::core::edit::{Command, List, ListOp};
use thongbao::core::field::FieldPath;
use thongbao::core::lang::Lang;
use thongbao::core::samples::sample;
use thongbao::ui::state::{Action, Screen, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn path(text: &str) -> FieldPath {
    text.parse().expect("a field path")
}

fn set(path: &str, value: impl Into<String>) -> Action {
    Action::Edit(Command::Set {
        path: self::path(path),
        value: value.into(),
    })
}

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
    let props = thongbao::shell::props(root.clone(), None, false);
    yew::Renderer::<thongbao::ui::App>::with_root_and_props(root.clone(), props).render();
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
    let s = s.reduce(set("fig/safe_home.recognised/value", "99.999"));
    assert_eq!(
        s.doc.get().figure("safe_home.recognised").unwrap().value,
        "99.999",
        "kept as typed"
    );
    assert!(s.dirty);
    assert!(s.findings.iter().any(|f| f.rule == "chain.safe_home"
        && f.field() == Some(&path("fig/safe_home.recognised/value"))));
    assert!(s.findings.len() > before);
    // A field that is not there changes nothing (same state back).
    let again = s.clone().reduce(set("fig/nope/value", "1"));
    assert!(Rc::ptr_eq(&s, &again));
}

/// The groups are kept while the officer types, and follow a text that
/// starts or stops citing a figure (the figure moves to the first group
/// citing it) or a retitled section.
#[wasm_bindgen_test]
fn groups_follow_citations_and_titles_as_they_are_typed() {
    let s = Rc::new(State::new(Screen::Editor, sample(), Lang::Vi));
    let block = "block/p1.s1.b1/text";
    let text = s.doc.get().parts[0].sections[0].blocks[0].text.clone();
    // A figure first cited in a later group.
    let (fig, home) = s
        .doc
        .get()
        .figures
        .iter()
        .map(|f| {
            (
                f.id.clone(),
                s.groups.group_of(&path(&format!("fig/{}/value", f.id))),
            )
        })
        .find(|(_, g)| g.starts_with("sec:") && g != "sec:p1.s1")
        .expect("a figure cited in I.2–I.4");
    let fig = fig.as_str();
    let edit = |s: Rc<State>, path: &str, value: String| s.reduce(set(path, value));
    let s = edit(s, block, format!("{text} x"));
    let kept = s.groups.clone();
    let s = edit(s, block, format!("{text} xy"));
    assert!(
        Rc::ptr_eq(&kept, &s.groups),
        "plain typing keeps the groups"
    );
    let s = edit(s, block, format!("{{fig:{fig}}} {text}"));
    assert!(s.groups.figure_in(fig, "sec:p1.s1"), "cited first here now");
    let s = edit(s, block, text.clone());
    assert!(s.groups.figure_in(fig, &home), "back where it was");
    let s = edit(s, "section/p1.s1/title", "Tiêu đề mới".into());
    let title = &s
        .groups
        .list
        .iter()
        .find(|g| g.id == "sec:p1.s1")
        .unwrap()
        .title_vi;
    assert!(title.contains("Tiêu đề mới"), "{title}");
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
        list: List::Recipients,
        op: ListOp::Add {
            after: Some(first[0].clone()),
        },
        group: "recipients".into(),
    });
    let added = ids(&s)[1].clone();
    assert!(!first.contains(&added), "a fresh id");
    let s = s.reduce(Action::List {
        list: List::Recipients,
        op: ListOp::Move {
            id: added.clone(),
            delta: -1,
            among: Vec::new(),
        },
        group: "recipients".into(),
    });
    assert_eq!(ids(&s)[0], added);
    assert_eq!(s.focus.as_deref(), Some(format!("up-{added}").as_str()));
    let s = s.reduce(Action::List {
        list: List::Recipients,
        op: ListOp::Remove(added),
        group: "recipients".into(),
    });
    assert_eq!(ids(&s), first);
}

#[wasm_bindgen_test]
async fn the_panic_report_reaches_the_page() {
    use std::cell::RefCell;
    let got = Rc::new(RefCell::new(None::<String>));
    let listener = {
        let got = got.clone();
        gloo::events::EventListener::new(
            &gloo::utils::window(),
            thongbao::web::crash::EVENT,
            move |e| {
                let e = e.dyn_ref::<web_sys::CustomEvent>().unwrap();
                *got.borrow_mut() = e.detail().as_string();
            },
        )
    };
    // The hook installs (and the test runner's own comes back after).
    let runner_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(thongbao::web::crash::hook));
    std::panic::set_hook(runner_hook);
    thongbao::web::crash::report("panicked at src/x.rs:1:1: boom");
    assert_eq!(
        got.borrow().as_deref(),
        Some("panicked at src/x.rs:1:1: boom")
    );
    drop(listener);
}

#[wasm_bindgen_test]
fn a_broken_draft_is_kept_aside() {
    use thongbao::web::storage::{broken_draft, restore, save_draft, Restored};
    let key = "thongbao.test-draft";
    let ls = gloo::utils::window().local_storage().unwrap().unwrap();
    ls.set_item(key, "{\"format\": \"thongbao.notice\", \"ver")
        .unwrap();
    match restore(key) {
        Restored::Broken { error, kept } => {
            assert!(kept);
            assert!(error.message_vi.contains("cắt cụt"), "{}", error.message_vi);
        }
        _ => panic!("a broken draft must not import"),
    }
    assert_eq!(ls.get_item(key).unwrap(), None, "the draft key is free");
    assert_eq!(
        broken_draft(key).as_deref(),
        Some("{\"format\": \"thongbao.notice\", \"ver")
    );
    // A good draft comes back, with whether it was downloaded.
    save_draft(key, &sample(), false).unwrap();
    match restore(key) {
        Restored::Draft { notice, dirty } => {
            assert_eq!(*notice, sample());
            assert!(!dirty);
        }
        _ => panic!("the saved draft must import"),
    }
    for k in [
        key.to_string(),
        format!("{key}.broken"),
        format!("{key}.dirty"),
    ] {
        ls.remove_item(&k).unwrap();
    }
}

#[wasm_bindgen_test]
fn unsaved_changes_other_tabs_and_failed_saves_in_the_reducer() {
    use thongbao::ui::state::Pending;
    let s = Rc::new(State::new(Screen::Editor, sample(), Lang::Vi));
    let s = s.reduce(Action::Ask(Pending::New));
    assert_eq!(s.pending, Some(Pending::New));
    let s = s.reduce(Action::CloseAsk);
    assert_eq!(s.pending, None);
    assert_eq!(s.screen, Screen::Editor);
    let s = s.reduce(Action::Home);
    assert_eq!((s.screen, s.can_resume), (Screen::Start, true));
    let s = s.reduce(Action::Resume);
    assert_eq!(s.screen, Screen::Editor);

    // Another tab saved the very same notice: nothing to ask.
    let same = thongbao::core::json::to_json(&s.doc.get());
    let again = s.clone().reduce(Action::OtherTab(same));
    assert!(Rc::ptr_eq(&s, &again));
    let s = s.reduce(Action::OtherTab("{}".into()));
    assert!(s.conflict.is_some());
    let v = s.doc.version();
    let s = s.reduce(Action::KeepMine);
    assert!(s.conflict.is_none());
    assert!(s.doc.version() > v, "keeping mine saves it again");

    let s = s.reduce(Action::SaveFailed);
    assert!(s.save_failed);
    assert!(s.message.as_ref().is_some_and(|m| m.error));
    let s = s.reduce(Action::Saved("10:42".into()));
    assert!(!s.save_failed);
    assert!(s
        .message
        .as_ref()
        .is_some_and(|m| !m.error && m.vi.contains("10:42")));
}
