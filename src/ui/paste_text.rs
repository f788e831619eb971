//! "Dán văn bản": the officer pastes a whole notice (from Word, a PDF, an
//! e-mail) into a modal dialog; the core reads its structure
//! (`core::import::import_text`) and the editor opens it, saying what was
//! recognised. Nothing changes when the text is not a notice: the message
//! says so and the dialog stays open with the text.

use super::modal::use_modal;
use super::state::{Action, Banner, Ctx};
use crate::core::import::import_text;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteTextProps {
    /// Called when the dialog closes without importing.
    pub onclose: Callback<()>,
}

#[function_component(PasteText)]
pub fn paste_text(p: &PasteTextProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let dialog = use_node_ref();
    use_modal(&dialog, p.onclose.clone());
    let text = use_state(String::new);
    let problem = use_state(|| None::<Banner>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onimport = {
        let (d, text, problem, onclose) = (
            ctx.dispatch.clone(),
            text.clone(),
            problem.clone(),
            p.onclose.clone(),
        );
        Callback::from(move |_: MouseEvent| match import_text(&text) {
            Ok(imported) => {
                d.dispatch(Action::Load {
                    message: Some(Banner::imported(None, &imported)),
                    notice: Box::new(imported.notice),
                });
                onclose.emit(());
            }
            Err(e) => problem.set(Some(Banner {
                vi: e.message_vi,
                en: e.message_en,
                error: true,
            })),
        })
    };
    let oncancel = {
        let onclose = p.onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(()))
    };
    html! {
        <dialog id="paste-dialog" class="confirm paste" ref={dialog} aria-labelledby="paste-title">
            <h2 id="paste-title">{ ctx.t("Dán văn bản thông báo", "Paste the text of a notice") }</h2>
            <label for="paste-text">{ ctx.t(
                "Dán toàn bộ thông báo (chép từ Word, PDF hoặc thư điện tử). Thông báo được đọc thành các phần, mục, chú thích, văn bản dẫn chiếu, nơi nhận và chữ ký, rồi được kiểm tra ngay.",
                "Paste the whole notice (copied from Word, a PDF or an e-mail). It is read into parts, sections, footnotes, cited documents, recipients and the signature, and checked at once.") }</label>
            <textarea id="paste-text" rows="14" lang="vi" spellcheck="false" value={(*text).clone()} {oninput}
                aria-describedby={problem.is_some().then_some("paste-problem")} />
            if let Some(b) = &*problem {
                <p id="paste-problem" class="msg error" role="alert">{ b.text(ctx.lang).to_string() }</p>
            }
            <div class="confirm-actions">
                <button type="button" id="paste-import" class="primary" onclick={onimport}
                    disabled={text.trim().is_empty()}>
                    { ctx.t("Đọc thông báo", "Read the notice") }
                </button>
                <button type="button" id="paste-cancel" onclick={oncancel}>{ ctx.t("Hủy", "Cancel") }</button>
            </div>
        </dialog>
    }
}
