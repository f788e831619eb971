//! The toolbar: Kiểm tra, Hoàn tất (the copy for signing), Ban hành (once
//! that copy is made), "Tải về" (Bản lưu (.json), Trang in (.html), Tệp
//! Word (.docx): the glossary's words, in one disclosure), Mở tệp, In, Tạo
//! mới, the language toggle, and the "Đã lưu lúc 10:42" indicator. On a
//! narrow screen it also holds the form/preview tabs.

use super::lang_switch::LangSwitch;
use super::open_file::OpenFile;
use super::outside::PageRef;
use super::preview::FRAME_ID;
use super::state::{Action, Banner, Ctx, Doc, Pending, Tab};
use crate::core::check::Mode;
use crate::core::export::{export, Format, Now};
use crate::core::model::Status;
use wasm_bindgen::JsCast;
use web_sys::HtmlIFrameElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub doc: Doc,
    pub saved_at: Option<AttrValue>,
    pub dirty: bool,
    pub tab: Tab,
    /// The last save to the browser failed.
    #[prop_or_default]
    pub save_failed: bool,
    /// On a narrow screen, the "Thêm" menu is open.
    #[prop_or_default]
    pub more: bool,
    /// How many saves completed (on the indicator as `data-saves`, for the
    /// durability test to see a save land).
    #[prop_or_default]
    pub saves: u32,
}

/// Prints the preview's document (the notice alone, in pages): "In / Lưu
/// PDF", and Ctrl+P in the editor.
pub fn print(page: &PageRef) {
    let frame = page
        .find(FRAME_ID)
        .and_then(|e| e.dyn_into::<HtmlIFrameElement>().ok())
        .and_then(|f| f.content_window());
    if let Some(w) = frame {
        page.print(&w);
    }
}

/// Downloads the notice; the banner says when the browser refused.
/// Embedded, the host hears of it first (`thongbao-export`) and may take
/// the file itself instead.
pub fn download(ctx: &Ctx, doc: &Doc, format: Format) {
    let now = Now {
        unix_secs: ctx.page.unix_secs(),
    };
    let file = export(&doc.get(), format, now);
    if ctx.host.as_ref().is_some_and(|h| !h.exporting(&file)) {
        ctx.dispatch.dispatch(Action::Exported);
        return;
    }
    match ctx.page.download(&file) {
        Ok(()) => ctx.dispatch.dispatch(Action::Exported),
        Err(_) => ctx.dispatch.dispatch(Action::Message(Some(Banner {
            vi: "Trình duyệt không cho tải tệp về. Hãy thử lại hoặc dùng trình duyệt khác.".into(),
            en: "The browser refused the download. Try again or use another browser.".into(),
            error: true,
        }))),
    }
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let d = ctx.dispatch.clone();
    // Embedded, the host hears of each check (`thongbao-validate`).
    let validated = {
        let (host, doc) = (ctx.host.clone(), p.doc.clone());
        move |mode| {
            if let Some(h) = &host {
                h.validated(&doc.get(), mode);
            }
        }
    };
    let oncheck = {
        let (d, validated) = (d.clone(), validated.clone());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::CheckAll);
            validated(Mode::Draft);
        })
    };
    let onfinalise = {
        let (d, validated) = (d.clone(), validated.clone());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Finalise);
            validated(Mode::Final);
        })
    };
    let onissue = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Issue);
            validated(Mode::Issued);
        })
    };
    let signing = p.doc.get().status == Status::Signing;
    // "Tải về": a disclosure (Enter or a click opens it; Esc and a choice
    // close it, the focus back on its button). Open or shut is this
    // component's own: nothing else reads it.
    let downloads = use_state(|| false);
    let ontoggledownloads = {
        let open = downloads.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let ondownloadskey = {
        let (d, open) = (d.clone(), downloads.clone());
        Callback::from(move |e: KeyboardEvent| {
            if *open && e.key() == "Escape" {
                // Only this menu closes (not the phone's "Thêm" around it).
                e.stop_propagation();
                open.set(false);
                d.dispatch(Action::FocusOn("btn-download".into()));
            }
        })
    };
    let choose = |format: Format| {
        let (ctx, doc, open) = (ctx.clone(), p.doc.clone(), downloads.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            ctx.dispatch
                .dispatch(Action::FocusOn("btn-download".into()));
            download(&ctx, &doc, format);
        })
    };
    let page = ctx.page.clone();
    let onprint = Callback::from(move |_: MouseEvent| print(&page));
    // "Tạo mới": back to the start screen; asks first when changes were
    // not downloaded.
    let onnew = {
        let (d, dirty) = (d.clone(), p.dirty);
        Callback::from(move |_: MouseEvent| {
            d.dispatch(if dirty {
                Action::Ask(Pending::New)
            } else {
                Action::Home
            })
        })
    };
    // On a narrow screen the secondary actions are behind "Thêm" (a
    // disclosure: Esc closes it and the focus goes back to its button).
    let ontogglemore = {
        let (d, more) = (d.clone(), p.more);
        Callback::from(move |_: MouseEvent| d.dispatch(Action::More(!more)))
    };
    let onmorekey = {
        let (d, more) = (d.clone(), p.more);
        Callback::from(move |e: KeyboardEvent| {
            if more && e.key() == "Escape" {
                d.dispatch(Action::More(false));
                d.dispatch(Action::FocusOn("btn-more".into()));
            }
        })
    };
    let tab = |t: Tab, vi: &'static str, en: &'static str| {
        let d = d.clone();
        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::Tab(t)));
        html! {
            <button type="button" role="tab" aria-selected={(p.tab == t).to_string()}
                aria-controls={if t == Tab::Form { "form-pane" } else { "preview-pane" }}
                {onclick}>{ ctx.t(vi, en) }</button>
        }
    };
    // The list of the library: the notice is saved, nothing to ask.
    let onlibrary = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Home))
    };
    html! {
        <header class="toolbar">
            <h1 class="app-name">{ ctx.t("Soạn thông báo kết quả kiểm tra", "Inspection notice editor") }</h1>
            <div class="actions">
                <button type="button" id="btn-check" onclick={oncheck}>{ ctx.t("Kiểm tra", "Check") }</button>
                if !ctx.readonly {
                    <button type="button" id="btn-finalise" onclick={onfinalise}>{ ctx.t("Hoàn tất", "Finalise") }</button>
                    if signing {
                        <button type="button" id="btn-issue" onclick={onissue}>{ ctx.t("Ban hành", "Issue") }</button>
                    }
                }
                <button type="button" id="btn-more" class="more-toggle" onclick={ontogglemore}
                    aria-expanded={p.more.to_string()} aria-controls="more-actions">
                    { ctx.t("Thêm", "More") }{ if p.more { " ▴" } else { " ▾" } }
                </button>
                <div id="more-actions" class={classes!("more", p.more.then_some("open"))} onkeydown={onmorekey}>
                    <div class="downloads" onkeydown={ondownloadskey}>
                        <button type="button" id="btn-download" onclick={ontoggledownloads}
                            aria-expanded={downloads.to_string()} aria-controls="download-menu">
                            { ctx.t("Tải về", "Download") }{ if *downloads { " ▴" } else { " ▾" } }
                        </button>
                        <div id="download-menu" class="download-menu" hidden={!*downloads}>
                            <button type="button" id="btn-json" onclick={choose(Format::Json)}>{ ctx.t("Bản lưu (.json)", "Saved file (.json)") }</button>
                            <button type="button" id="btn-html" onclick={choose(Format::Html)}>{ ctx.t("Trang in (.html)", "Printable page (.html)") }</button>
                            <button type="button" id="btn-docx" onclick={choose(Format::Docx)}>{ ctx.t("Tệp Word (.docx)", "Word file (.docx)") }</button>
                        </div>
                    </div>
                    if !ctx.readonly && ctx.page.library() {
                        <button type="button" id="btn-library" onclick={onlibrary}>{ ctx.t("Thông báo của tôi", "My notices") }</button>
                    }
                    if !ctx.readonly {
                        <button type="button" id="btn-new-notice" onclick={onnew}>{ ctx.t("Tạo mới", "New") }</button>
                        <OpenFile doc={p.doc.clone()} dirty={p.dirty} />
                    }
                    <button type="button" id="btn-print" onclick={onprint}
                        title={ctx.t("In thông báo; để có tệp PDF, chọn “Lưu dưới dạng PDF” trong hộp thoại in", "Print the notice; for a PDF file, choose “Save as PDF” in the print dialog")}>
                        { ctx.t("In / Lưu PDF", "Print / PDF") }
                    </button>
                    <LangSwitch id="btn-lang" />
                </div>
            </div>
            <p class="saved" id="saved-at" role="status" aria-live="polite" data-saves={p.saves.to_string()}>
                if p.save_failed {
                    <strong>{ ctx.t("Chưa lưu được vào trình duyệt: hãy tải Bản lưu (.json)", "Not saved in the browser: download the saved file (.json)") }</strong>
                } else if let Some(at) = &p.saved_at {
                    { ctx.t("Đã lưu lúc ", "Saved at ") }{ at.clone() }
                }
            </p>
            <div class="tabs" role="tablist" aria-label={ctx.t("Soạn hoặc xem trước", "Edit or preview")}>
                { tab(Tab::Form, "Soạn", "Edit") }
                { tab(Tab::Preview, "Xem trước", "Preview") }
            </div>
        </header>
    }
}
