//! Asked before a part or a section that holds text is removed: an in-page
//! modal `<dialog>` (focus moves in and stays; Esc keeps it) naming what
//! goes with it. An empty one goes without asking.

use super::modal::use_modal;
use super::state::{Action, Ctx, Dropping};
use crate::core::edit::List;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RemoveItemProps {
    pub dropping: Rc<Dropping>,
}

#[function_component(RemoveItem)]
pub fn remove_item(p: &RemoveItemProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let dialog = use_node_ref();
    let d = ctx.dispatch.clone();
    use_modal(
        &dialog,
        Callback::from(move |()| d.dispatch(Action::KeepItem)),
    );
    let onremove = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::DropItem))
    };
    let onkeep = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::KeepItem))
    };
    let r = &p.dropping;
    let part = r.list == List::Parts;
    let title = if r.title.trim().is_empty() {
        String::new()
    } else {
        format!(" “{}”", r.title.trim())
    };
    let what = if part {
        ctx.t("phần", "part")
    } else {
        ctx.t("mục", "section")
    };
    let blocks = match (r.blocks, part) {
        (0, _) => String::new(),
        (k, true) => format!(
            "{} {k} {}",
            ctx.t("Các mục của phần này có", "Its sections have"),
            ctx.t("đoạn văn bản.", "paragraphs of text.")
        ),
        (k, false) => format!(
            "{} {k} {}",
            ctx.t("Mục này có", "It has"),
            ctx.t("đoạn văn bản.", "paragraphs of text.")
        ),
    };
    html! {
        <dialog id="remove-item-dialog" class="confirm" ref={dialog}
            aria-labelledby="remove-item-title" aria-describedby="remove-item-text">
            <h2 id="remove-item-title">{ format!("{} {}{title}?", ctx.t("Xóa", "Remove"), r.name) }</h2>
            <div id="remove-item-text">
                if !blocks.is_empty() {
                    <p>{ blocks }</p>
                }
                <p>{ ctx.t(
                    "Nếu xóa, tiêu đề và toàn bộ nội dung sẽ mất; các phần, mục sau được đánh số lại.",
                    "If you remove it, its title and all its text are lost; the parts and sections after it are numbered again.") }</p>
            </div>
            <div class="confirm-actions">
                <button type="button" id="remove-item-keep" class="primary" onclick={onkeep}>
                    { format!("{} {what}", ctx.t("Giữ lại", "Keep the")) }
                </button>
                <button type="button" id="remove-item-confirm" onclick={onremove}>
                    { format!("{} {what}", ctx.t("Xóa", "Remove the")) }
                </button>
            </div>
        </dialog>
    }
}
