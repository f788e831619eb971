//! The root component: owns the one reducer, provides the context, lays out
//! toolbar, navigation, form and preview, and runs the page-level effects
//! (autosave shortly after each change, the page title, focus requests, the
//! page language).

use super::banner::BannerView;
use super::group_form::GroupForm;
use super::groups::Groups;
use super::nav::Nav;
use super::preview::Preview;
use super::start::Start;
use super::state::{Action, Banner, Ctx, Screen, State, Tab};
use super::summary::Summary;
use super::toolbar::Toolbar;
use super::view::View;
use crate::core::lang::Lang;
use crate::core::samples::template;
use crate::web;
use gloo::timers::callback::Timeout;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

const TITLE_VI: &str = "Soạn thông báo kết quả kiểm tra";
const TITLE_EN: &str = "Inspection notice editor";

/// The state the page opens with: the saved draft if there is one,
/// otherwise the start screen.
fn initial() -> State {
    let lang = web::storage::load_lang();
    match web::storage::load_draft() {
        Some(Ok(notice)) => {
            let mut s = State::new(Screen::Editor, notice, lang);
            s.message = Some(Banner {
                vi: "Đã mở lại bản nháp lưu trong trình duyệt.".into(),
                en: "Reopened the draft saved in this browser.".into(),
                error: false,
            });
            s
        }
        Some(Err(e)) => {
            let mut s = State::new(Screen::Start, template(), lang);
            s.message = Some(Banner {
                vi: format!(
                    "Bản nháp lưu trong trình duyệt không đọc được: {}",
                    e.message_vi
                ),
                en: format!(
                    "The draft saved in this browser cannot be read: {}",
                    e.message_en
                ),
                error: true,
            });
            s
        }
        None => State::new(Screen::Start, template(), lang),
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial);
    let ctx = Ctx {
        dispatch: state.dispatcher(),
        lang: state.lang,
    };

    // Autosave shortly after each change (the pending save is dropped,
    // i.e. cancelled, when another change comes first).
    {
        let d = state.dispatcher();
        let editing = state.screen == Screen::Editor;
        use_effect_with((state.doc.clone(), editing), move |(doc, editing)| {
            let pending = editing.then(|| {
                let doc = doc.clone();
                Timeout::new(400, move || match web::storage::save_draft(&doc.get()) {
                    Ok(()) => d.dispatch(Action::Saved(web::clock())),
                    Err(_) => d.dispatch(Action::Message(Some(Banner {
                        vi: "Không lưu được bản nháp vào trình duyệt (bộ nhớ bị chặn hoặc đã đầy). Bạn vẫn soạn tiếp được, nhưng hãy bấm “Tải JSON” để giữ bản nháp.".into(),
                        en: "The draft could not be saved in this browser (storage blocked or full). You can keep working, but press “Download JSON” to keep your draft.".into(),
                        error: true,
                    }))),
                })
            });
            move || drop(pending)
        });
    }

    // The page title says when there are errors; <html lang> follows the UI.
    let (errors, _) = state.counts();
    {
        let has_errors = state.summary && errors > 0;
        use_effect_with((has_errors, state.lang), move |(has_errors, lang)| {
            let doc = gloo::utils::document();
            let base = lang.pick(TITLE_VI, TITLE_EN);
            let title = if *has_errors {
                format!("{}{base}", lang.pick("Lỗi: ", "Error: "))
            } else {
                base.to_string()
            };
            doc.set_title(&title);
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", if *lang == Lang::Vi { "vi" } else { "en" });
            }
        });
    }

    // Focus what an action asked for, once it is on the page.
    {
        let d = state.dispatcher();
        use_effect_with(state.focus.clone(), move |focus| {
            if let Some(id) = focus {
                let el = gloo::utils::document()
                    .get_element_by_id(id)
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                if let Some(el) = el {
                    let _ = el.focus();
                    el.scroll_into_view_with_bool(false);
                }
                d.dispatch(Action::Focused);
            }
        });
    }

    let body = match state.screen {
        Screen::Start => html! {
            <main id="thongbao-app" class="app start-screen">
                if let Some(b) = &state.message {
                    <BannerView banner={b.clone()} />
                }
                <Start doc={state.doc.clone()} />
            </main>
        },
        Screen::Editor => editor(&state),
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <ContextProvider<super::state::Doc> context={state.doc.clone()}>
                { body }
            </ContextProvider<super::state::Doc>>
        </ContextProvider<Ctx>>
    }
}

fn editor(state: &State) -> Html {
    let groups = Rc::new(Groups::of(&state.doc.get(), &state.figure_groups));
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for f in state.findings.iter() {
        let c = counts.entry(groups.group_of(f.field())).or_default();
        match (f.severity, &f.accepted) {
            (crate::core::check::Severity::Error, _) => c.0 += 1,
            (_, None) => c.1 += 1,
            _ => {}
        }
    }
    // A group that vanished (its section was removed) falls back to the first.
    let group = if groups.info(&state.group).is_some() {
        state.group.clone()
    } else {
        super::groups::HEADER.to_string()
    };
    let view = View {
        doc: state.doc.clone(),
        by_field: state.by_field.clone(),
        touched: state.touched.clone(),
        checked: state.checked,
        groups: groups.clone(),
        group: group.clone(),
    };
    let tab_class = match state.tab {
        Tab::Form => "show-form",
        Tab::Preview => "show-preview",
    };
    html! {
        <div id="thongbao-app" class={classes!("app", tab_class)}>
            <Toolbar doc={state.doc.clone()} saved_at={state.saved_at.clone().map(AttrValue::from)}
                dirty={state.dirty} tab={state.tab} />
            if let Some(b) = &state.message {
                <BannerView banner={b.clone()} />
            }
            <div class="workspace">
                <main class="form-pane" id="form-pane">
                    if state.summary {
                        <Summary doc={state.doc.clone()} findings={state.findings.clone()} mode={state.mode} />
                    }
                    <Nav groups={groups} current={AttrValue::from(group)} counts={Rc::new(counts)} />
                    <GroupForm {view} />
                </main>
                <div class="preview-pane" id="preview-pane">
                    <Preview doc={state.doc.clone()} />
                </div>
            </div>
        </div>
    }
}
