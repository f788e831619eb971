//! The root component: owns the one reducer, provides the context, lays out
//! toolbar, navigation, form and preview, and runs the page-level effects
//! (autosave shortly after each change, the page title, focus requests, the
//! page language).

use super::banner::BannerView;
use super::confirm::Confirm;
use super::group_form::GroupForm;
use super::nav::Nav;
use super::other_tab::OtherTab;
use super::outside::{HostRef, Live, Opening, PageRef};
use super::preview::Preview;
use super::remove_figure::RemoveFigure;
use super::start::Start;
use super::state::{Action, Banner, Ctx, Screen, State, Tab};
use super::summary::Summary;
use super::toolbar::Toolbar;
use super::view::View;
use crate::core::lang::Lang;
use crate::core::layout::HEADER;
use crate::core::samples::template;
use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

const TITLE_VI: &str = "Soạn thông báo kết quả kiểm tra";
const TITLE_EN: &str = "Inspection notice editor";

/// The state the editor opens with: the draft the shell restored, or the
/// start screen (with a message when the saved draft was damaged).
fn initial(opening: &Opening, lang: Lang) -> State {
    match opening {
        Opening::Draft { notice, dirty } => {
            let mut s = State::new(Screen::Editor, (**notice).clone(), lang);
            s.dirty = *dirty;
            s.message = Some(Banner {
                vi: "Đã mở lại bản nháp lưu trong trình duyệt.".into(),
                en: "Reopened the draft saved in this browser.".into(),
                error: false,
            });
            s
        }
        Opening::Broken { error: e, kept } => {
            let mut s = State::new(Screen::Start, template(), lang);
            let (kept_vi, kept_en) = if *kept {
                (
                    "Nội dung cũ được giữ riêng: bấm “Tải bản lưu bị hỏng” để tải về máy.",
                    "Its text is kept aside: press “Download the damaged copy” to save it.",
                )
            } else {
                ("", "")
            };
            s.message = Some(Banner {
                vi: format!(
                    "Bản nháp lưu trong trình duyệt bị hỏng, không mở lại được: {} {kept_vi} Hãy tạo mới hoặc mở tệp JSON đã tải về.",
                    e.message_vi
                ),
                en: format!(
                    "The draft saved in this browser is damaged and cannot be reopened: {} {kept_en} Start a new notice or open a JSON file you downloaded.",
                    e.message_en
                ),
                error: true,
            });
            s
        }
        Opening::Start => State::new(Screen::Start, template(), lang),
    }
}

/// The shell gives the page's services, the embedder (None on the
/// standalone page), what to open and in which language.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub page: PageRef,
    #[prop_or_default]
    pub host: Option<HostRef>,
    pub opening: Opening,
    pub lang: Lang,
    /// Show the notice, change nothing (the form's fields are disabled).
    #[prop_or_default]
    pub readonly: bool,
}

#[function_component(App)]
pub fn app(p: &AppProps) -> Html {
    let (opening, lang) = (p.opening.clone(), p.lang);
    let state = use_reducer(move || initial(&opening, lang));
    let ctx = Ctx {
        dispatch: state.dispatcher(),
        lang: state.lang,
        page: p.page.clone(),
        host: p.host.clone(),
        readonly: p.readonly,
    };
    let key = p.page.draft_key();

    // Embedded, the host gets the live editor after each render that
    // changed the document or the language (and reports ready or change).
    {
        let host = p.host.clone();
        let dispatch = state.dispatcher();
        use_effect_with((state.doc.clone(), state.lang), move |(doc, lang)| {
            if let Some(h) = host {
                h.attach(Live {
                    dispatch,
                    doc: doc.clone(),
                    lang: *lang,
                });
            }
        });
    }

    // Autosave shortly after each change (the pending save is dropped,
    // i.e. cancelled, when another change comes first). After a failed save
    // it retries every few seconds until one succeeds; it pauses while
    // another tab's save waits for the officer's answer.
    {
        let d = state.dispatcher();
        let editing = state.screen == Screen::Editor && state.conflict.is_none();
        let deps = (state.doc.clone(), state.dirty, editing, state.save_failed);
        let page = p.page.clone();
        let editing = editing && key.is_some();
        use_effect_with(deps, move |(doc, dirty, _, failed)| {
            let (doc, dirty) = (doc.clone(), *dirty);
            let editing = &editing;
            let save = move || match page.save_draft(&doc.get(), dirty) {
                Ok(()) => d.dispatch(Action::Saved(page.clock())),
                Err(_) => d.dispatch(Action::SaveFailed),
            };
            let pending = match (*editing, *failed) {
                (false, _) => None,
                (true, false) => Some((Some(Timeout::new(400, save)), None)),
                (true, true) => Some((None, Some(Interval::new(2000, save)))),
            };
            move || drop(pending)
        });
    }

    // Another tab saved the draft: ask before overwriting it.
    let own = key.clone();
    use_effect_with(state.dispatcher(), move |d| {
        let d = d.clone();
        let own = own.clone();
        let listener = EventListener::new(&gloo::utils::window(), "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if let (Some(key), Some(value)) = (e.key(), e.new_value()) {
                if Some(&key) == own.as_ref() {
                    d.dispatch(Action::OtherTab(value));
                }
            }
        });
        move || drop(listener)
    });

    // The page title says when there are errors; <html lang> follows the UI.
    let (errors, _) = state.counts();
    {
        let has_errors = state.summary && errors > 0;
        let owns_page = p.host.as_ref().is_none_or(|h| h.owns_page());
        use_effect_with((has_errors, state.lang), move |(has_errors, lang)| {
            if !owns_page {
                return;
            }
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
        let page = p.page.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            if let Some(id) = focus {
                let el = page.find(id).and_then(|e| e.dyn_into::<HtmlElement>().ok());
                if let Some(el) = el {
                    let _ = el.focus();
                    el.scroll_into_view_with_bool(false);
                }
                d.dispatch(Action::Focused);
            }
        });
    }

    // Read-only: the notice, never the start screen.
    let screen = if p.readonly {
        Screen::Editor
    } else {
        state.screen
    };
    let body = match screen {
        Screen::Start => html! {
            <main id="thongbao-app" class="app start-screen">
                if let Some(b) = &state.message {
                    <BannerView banner={b.clone()} />
                }
                <Start doc={state.doc.clone()} can_resume={state.can_resume} />
            </main>
        },
        Screen::Editor => editor(&state, p.readonly),
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <ContextProvider<super::state::Doc> context={state.doc.clone()}>
                <ContextProvider<super::state::Links> context={state.links.clone()}>
                    { body }
                </ContextProvider<super::state::Links>>
            </ContextProvider<super::state::Doc>>
        </ContextProvider<Ctx>>
    }
}

fn editor(state: &State, readonly: bool) -> Html {
    let groups = state.groups.clone();
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for f in state.findings.iter() {
        let Some(path) = f.field() else { continue };
        let c = counts.entry(groups.group_of(path)).or_default();
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
        HEADER.to_string()
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
                dirty={state.dirty} tab={state.tab} save_failed={state.save_failed} />
            if let Some(text) = &state.conflict {
                <OtherTab text={text.clone()} />
            }
            if let Some(b) = &state.message {
                <BannerView banner={b.clone()} />
            }
            if let Some(pending) = state.pending {
                <Confirm {pending} doc={state.doc.clone()} />
            }
            if let Some(removing) = &state.removing {
                <RemoveFigure removing={removing.clone()} />
            }
            <div class="workspace">
                <main class="form-pane" id="form-pane">
                    if state.summary {
                        <Summary doc={state.doc.clone()} findings={state.findings.clone()} mode={state.mode} />
                    }
                    <Nav groups={groups} current={AttrValue::from(group)} counts={Rc::new(counts)} />
                    if readonly {
                        <fieldset class="readonly" disabled=true style="border: 0; margin: 0; padding: 0; min-width: 0">
                            <GroupForm {view} />
                        </fieldset>
                    } else {
                        <GroupForm {view} />
                    }
                </main>
                <div class="preview-pane" id="preview-pane">
                    <Preview doc={state.doc.clone()} />
                </div>
            </div>
        </div>
    }
}
