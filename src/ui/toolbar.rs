//! The toolbar: Kiểm tra, Hoàn tất, Tải JSON, Tải HTML, Mở tệp, In, Tạo mới,
//! the language toggle, and the "Đã lưu lúc 10:42" indicator. On a narrow
//! screen it also holds the form/preview tabs.

use super::open_file::OpenFile;
use super::preview::FRAME_ID;
use super::state::{Action, Banner, Ctx, Doc, Tab};
use crate::core::json::to_json;
use crate::core::lang::Lang;
use crate::core::render::render_html;
use crate::web;
use wasm_bindgen::JsCast;
use web_sys::HtmlIFrameElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub doc: Doc,
    pub saved_at: Option<AttrValue>,
    pub dirty: bool,
    pub tab: Tab,
}

/// Downloads the notice; the banner says when the browser refused.
pub fn download(ctx: &Ctx, doc: &Doc, html: bool) {
    let n = doc.get();
    let stem = web::download::file_stem(&n, &web::today());
    let result = if html {
        web::download::save(
            &format!("{stem}.html"),
            "text/html;charset=utf-8",
            &render_html(&n),
        )
    } else {
        web::download::save(&format!("{stem}.json"), "application/json", &to_json(&n))
    };
    match result {
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
    let oncheck = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::CheckAll))
    };
    let onfinalise = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Finalise))
    };
    let onjson = {
        let (ctx, doc) = (ctx.clone(), p.doc.clone());
        Callback::from(move |_: MouseEvent| download(&ctx, &doc, false))
    };
    let onhtml = {
        let (ctx, doc) = (ctx.clone(), p.doc.clone());
        Callback::from(move |_: MouseEvent| download(&ctx, &doc, true))
    };
    let onprint = Callback::from(|_: MouseEvent| {
        let frame = gloo::utils::document()
            .get_element_by_id(FRAME_ID)
            .and_then(|e| e.dyn_into::<HtmlIFrameElement>().ok())
            .and_then(|f| f.content_window());
        if let Some(w) = frame {
            let _ = w.print();
        }
    });
    let onlang = {
        let d = d.clone();
        let next = match ctx.lang {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        };
        Callback::from(move |_: MouseEvent| {
            web::storage::save_lang(next);
            d.dispatch(Action::Lang(next))
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
    html! {
        <header class="toolbar">
            <h1 class="app-name">{ ctx.t("Soạn thông báo kết quả kiểm tra", "Inspection notice editor") }</h1>
            <div class="actions">
                <button type="button" id="btn-check" onclick={oncheck}>{ ctx.t("Kiểm tra", "Check") }</button>
                <button type="button" id="btn-finalise" onclick={onfinalise}>{ ctx.t("Hoàn tất", "Finalise") }</button>
                <button type="button" id="btn-json" onclick={onjson}>{ ctx.t("Tải JSON", "Download JSON") }</button>
                <button type="button" id="btn-html" onclick={onhtml}>{ ctx.t("Tải HTML", "Download HTML") }</button>
                <OpenFile doc={p.doc.clone()} dirty={p.dirty} />
                <button type="button" id="btn-print" onclick={onprint}>{ ctx.t("In", "Print") }</button>
                <button type="button" id="btn-lang" onclick={onlang}
                    lang={if ctx.lang == Lang::Vi { "en" } else { "vi" }}>
                    { ctx.t("English", "Tiếng Việt") }
                </button>
            </div>
            <p class="saved" id="saved-at" role="status" aria-live="polite">
                if let Some(at) = &p.saved_at {
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
