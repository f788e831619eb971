//! Asked before a figure that relations or texts use is removed: an in-page
//! modal `<dialog>` (focus moves in and stays; Esc keeps the figure) that
//! says where it is used. Removing it removes the relations that read it
//! (they cannot be checked without it); a text that cites it then shows the
//! citation as missing, to be rewritten.

use super::modal::use_modal;
use super::state::{Action, Ctx, Removing};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RemoveFigureProps {
    pub removing: Rc<Removing>,
}

#[function_component(RemoveFigure)]
pub fn remove_figure(p: &RemoveFigureProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let dialog = use_node_ref();
    let d = ctx.dispatch.clone();
    use_modal(
        &dialog,
        Callback::from(move |()| d.dispatch(Action::KeepFigure)),
    );
    let onremove = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveFigure))
    };
    let onkeep = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::KeepFigure))
    };
    let r = &p.removing;
    html! {
        <dialog id="remove-figure-dialog" class="confirm" ref={dialog}
            aria-labelledby="remove-figure-title" aria-describedby="remove-figure-text">
            <h2 id="remove-figure-title">{ ctx.t("Số liệu này đang được dùng", "This figure is in use") }</h2>
            <div id="remove-figure-text">
                <p>{ ctx.t("Số liệu ", "The figure ") }<strong>{ format!("“{}”", r.label) }</strong>{ ctx.t(" được dùng ở:", " is used in:") }</p>
                <ul>
                    { for r.relations.iter().map(|w| html! { <li>{ ctx.t("quan hệ ", "the relation ") }{ w }</li> }) }
                    { for r.texts.iter().map(|t| html! { <li>{ t }</li> }) }
                </ul>
                <p>{ ctx.t(
                    "Nếu xóa, các quan hệ trên cũng bị bỏ, và chỗ dẫn số liệu trong văn bản sẽ được đánh dấu để viết lại.",
                    "If you remove it, the relations above go too, and where the text cites it is marked for rewriting.") }</p>
            </div>
            <div class="confirm-actions">
                <button type="button" id="remove-figure-keep" class="primary" onclick={onkeep}>
                    { ctx.t("Giữ lại số liệu", "Keep the figure") }
                </button>
                <button type="button" id="remove-figure-confirm" onclick={onremove}>
                    { ctx.t("Xóa số liệu và các quan hệ của nó", "Remove the figure and its relations") }
                </button>
            </div>
        </dialog>
    }
}
