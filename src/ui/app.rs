//! The root component: owns the one reducer, provides the context, lays out
//! toolbar, navigation, form and preview, and runs the page-level effects
//! (autosave shortly after each change, the page title, focus requests, the
//! page language).

use super::banner::BannerView;
use super::confirm::Confirm;
use super::doc::Doc;
use super::group_form::GroupForm;
use super::nav::Nav;
use super::other_tab::OtherTab;
use super::outside::{HostRef, Live, Opening, PageRef};
use super::preview::Preview;
use super::remove_figure::RemoveFigure;
use super::start::Start;
use super::state::{Action, Banner, Ctx, Screen, State, Tab};
use super::summary::Summary;
use super::toolbar::{print, Toolbar};
use super::undo::UndoLine;
use super::view::View;
use crate::core::lang::Lang;
use crate::core::layout::HEADER;
use crate::core::library::Entry;
use crate::core::samples::template;
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
        Opening::Draft { id, notice, dirty } => {
            let mut s = State::new(Screen::Editor, (**notice).clone(), lang);
            s.dirty = *dirty;
            s.notice_id = id.clone();
            s.pristine = id.is_some();
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
    // i.e. cancelled, when another change of the same notice comes first;
    // when the officer leaves it — the library, another notice — it is
    // done at once). After a failed save it retries every few seconds
    // until one succeeds; it pauses while another tab's save waits for the
    // officer's answer. "Đã lưu" is said once the save is on disk (the
    // library's transaction completed).
    let carried = use_mut_ref(|| None::<(Doc, Rc<dyn Fn()>)>);
    {
        let d = state.dispatcher();
        let editing = state.screen == Screen::Editor && state.conflict.is_none();
        let deps = (state.doc.clone(), state.dirty, editing, state.save_failed);
        let page = p.page.clone();
        let editing = editing && key.is_some() && !state.pristine;
        let (id, counts) = (state.notice_id.clone(), state.counts());
        let carried = carried.clone();
        use_effect_with(deps, move |(doc, dirty, _, failed)| {
            // A save the last change left pending: superseded by this one
            // when it is the same notice still being edited, else done now.
            if let Some((old, save)) = carried.borrow_mut().take() {
                if !(editing && old.same(doc)) {
                    save();
                }
            }
            let (this, dirty) = (doc.clone(), *dirty);
            let doc = doc.clone();
            let save: Rc<dyn Fn()> = Rc::new(move || {
                let id: Rc<str> = match &id {
                    Some(id) => id.clone(),
                    None => {
                        let id: Rc<str> = Rc::from(page.new_id());
                        d.dispatch(Action::Identified(id.clone()));
                        id
                    }
                };
                let notice = doc.get();
                let mut entry = Entry::of(&id, &notice, counts, page.now());
                entry.dirty = dirty;
                let saving = page.save_draft(&notice, entry);
                drop(notice);
                let (d, page) = (d.clone(), page.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match saving.await {
                        Ok(()) => d.dispatch(Action::Saved(page.clock())),
                        Err(_) => d.dispatch(Action::SaveFailed),
                    }
                });
            });
            let pending = match (editing, *failed) {
                (false, _) => None,
                (true, false) => {
                    *carried.borrow_mut() = Some((this, save.clone()));
                    let (carried, save) = (carried.clone(), save.clone());
                    Some((
                        Some(Timeout::new(400, move || {
                            carried.borrow_mut().take();
                            save()
                        })),
                        None,
                    ))
                }
                (true, true) => Some((None, Some(Interval::new(2000, move || save())))),
            };
            move || drop(pending)
        });
    }

    // Another tab saved this notice: ask before overwriting it.
    {
        let id = state.notice_id.clone();
        let page = p.page.clone();
        use_effect_with((state.dispatcher(), id), move |(d, id)| {
            let (d, id) = (d.clone(), id.clone());
            let listening = page.listen(Box::new(move |theirs, text| {
                if theirs.is_none() || theirs.as_deref() == id.as_deref() {
                    d.dispatch(Action::OtherTab(text));
                }
            }));
            move || drop(listening)
        });
    }

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
                    // A field shows whole, its label to its message and fix,
                    // at the top of the form under the navigation
                    // (`scroll-margin-top`), not at the bottom of the screen.
                    match el.closest(".field").ok().flatten() {
                        Some(field) => field.scroll_into_view_with_bool(true),
                        None => el.scroll_into_view_with_bool(false),
                    }
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
                <Start doc={state.doc.clone()} can_resume={state.can_resume}
                    current={state.can_resume.then(|| state.notice_id.clone()).flatten()}
                    saves={state.saves} />
            </main>
        },
        Screen::Editor => editor(&state, p.readonly, &ctx.page),
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

fn editor(state: &State, readonly: bool, page: &PageRef) -> Html {
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
    // Ctrl+P in the editor prints the notice as "In / Lưu PDF" does, not
    // the editor's page around it.
    let onkeydown = {
        let page = page.clone();
        Callback::from(move |e: KeyboardEvent| {
            if (e.ctrl_key() || e.meta_key()) && !e.alt_key() && e.key().eq_ignore_ascii_case("p") {
                e.prevent_default();
                print(&page);
            }
        })
    };
    html! {
        <div id="thongbao-app" class={classes!("app", tab_class)} {onkeydown}>
            <Toolbar doc={state.doc.clone()} saved_at={state.saved_at.clone().map(AttrValue::from)}
                dirty={state.dirty} tab={state.tab} save_failed={state.save_failed} more={state.more} saves={state.saves} />
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
                    <UndoLine undo={state.undo.clone()} />
                </main>
                <div class="preview-pane" id="preview-pane">
                    <Preview doc={state.doc.clone()} />
                </div>
            </div>
        </div>
    }
}
