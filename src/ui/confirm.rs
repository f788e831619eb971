//! The "unsaved changes" dialog: before "Tạo mới" or "Mở tệp" replaces a
//! draft whose changes were not downloaded. An in-page modal `<dialog>`
//! (focus moves into it and stays there; Esc cancels), never
//! `window.confirm`. Three answers:
//! - "Tải bản nháp hiện tại về trước": download the JSON, then go on;
//! - "Bỏ qua và tiếp tục": go on without downloading;
//! - "Hủy": leave everything as it is.

use super::modal::use_modal;
use super::state::{Action, Ctx, Doc, Pending};
use super::toolbar::download;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub pending: Pending,
    pub doc: Doc,
}

/// Carries out what was asked. Runs inside the click on the dialog's
/// button, so the browser still lets it open the file picker.
fn proceed(ctx: &Ctx, pending: Pending) {
    ctx.dispatch.dispatch(Action::CloseAsk);
    match pending {
        Pending::New => ctx.dispatch.dispatch(Action::Home),
        Pending::Open => {
            // In the page, or in the custom element's shadow root.
            let input = ctx
                .page
                .find("file-input")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(i) = input {
                i.click();
            }
        }
    }
}

#[function_component(Confirm)]
pub fn confirm(p: &ConfirmProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let dialog = use_node_ref();
    let d = ctx.dispatch.clone();
    use_modal(
        &dialog,
        Callback::from(move |()| d.dispatch(Action::CloseAsk)),
    );
    let ondownload = {
        let (ctx, doc, pending) = (ctx.clone(), p.doc.clone(), p.pending);
        Callback::from(move |_: MouseEvent| {
            download(&ctx, &doc, crate::core::export::Format::Json);
            proceed(&ctx, pending);
        })
    };
    let oncontinue = {
        let (ctx, pending) = (ctx.clone(), p.pending);
        Callback::from(move |_: MouseEvent| proceed(&ctx, pending))
    };
    let oncancel = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::CloseAsk))
    };
    let what = match p.pending {
        Pending::New => ctx.t(
            "Trước khi tạo thông báo mới: bản nháp hiện tại có thay đổi chưa tải về máy.",
            "Before you start a new notice: the current draft has changes you have not downloaded.",
        ),
        Pending::Open => ctx.t(
            "Trước khi mở tệp khác: bản nháp hiện tại có thay đổi chưa tải về máy.",
            "Before you open another file: the current draft has changes you have not downloaded.",
        ),
    };
    html! {
        <dialog id="confirm-dialog" class="confirm" ref={dialog}
            aria-labelledby="confirm-title" aria-describedby="confirm-text">
            <h2 id="confirm-title">{ ctx.t("Bản nháp chưa được tải về", "Your draft is not downloaded") }</h2>
            <p id="confirm-text">{ what }{ " " }{ ctx.t(
                "Nếu tiếp tục mà không tải về, các thay đổi đó sẽ mất.",
                "If you go on without downloading it, those changes are lost.") }</p>
            <div class="confirm-actions">
                <button type="button" id="confirm-download" class="primary" onclick={ondownload}>
                    { ctx.t("Tải bản nháp hiện tại về trước", "Download the current draft first") }
                </button>
                <button type="button" id="confirm-continue" onclick={oncontinue}>
                    { ctx.t("Bỏ qua và tiếp tục", "Skip and continue") }
                </button>
                <button type="button" id="confirm-cancel" onclick={oncancel}>
                    { ctx.t("Hủy", "Cancel") }
                </button>
            </div>
        </dialog>
    }
}
