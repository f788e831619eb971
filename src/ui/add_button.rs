//! The "add" button at the end of a list; the new item gets a fresh stable
//! id and the focus moves into it.

use super::state::{Action, Ctx};
use crate::core::edit::{List, ListOp};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddButtonProps {
    pub list: List,
    pub label: AttrValue,
    pub group: AttrValue,
}

/// "Add" at the end of a list.
#[function_component(AddButton)]
pub fn add_button(p: &AddButtonProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let onadd = {
        let d = ctx.dispatch.clone();
        let list = p.list.clone();
        let group = p.group.to_string();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::List {
                list: list.clone(),
                op: ListOp::Add { after: None },
                group: group.clone(),
            })
        })
    };
    html! {
        <button type="button" class="add" id={format!("add-{}", p.list.key())} onclick={onadd}>
            { "+ " }{ p.label.clone() }
        </button>
    }
}
