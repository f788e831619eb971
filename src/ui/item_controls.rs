//! The buttons of one list item: move up, move down, remove, add after.
//! Real `<button>`s with aria-labels naming the item, so they work from the
//! keyboard and read well in a screen reader; after a move the focus stays
//! on the moved item's button (the reducer asks for it).

use super::state::{move_button_id, Action, Ctx};
use crate::core::edit::{List, ListOp};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemControlsProps {
    pub list: List,
    pub id: AttrValue,
    pub index: usize,
    pub len: usize,
    /// How the item is named to a screen reader ("gạch đầu dòng 3").
    pub name: AttrValue,
    pub group: AttrValue,
    /// Offer "add after" (lists where the position matters).
    #[prop_or(true)]
    pub add_after: bool,
    /// The "add after" button's name, when the new item is not a "mục"
    /// of the list ("Thêm phần mới sau phần II").
    #[prop_or_default]
    pub add_label: Option<AttrValue>,
}

#[function_component(ItemControls)]
pub fn item_controls(p: &ItemControlsProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let op = |op: ListOp| {
        let d = ctx.dispatch.clone();
        let list = p.list.clone();
        let group = p.group.to_string();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::List {
                list: list.clone(),
                op: op.clone(),
                group: group.clone(),
            })
        })
    };
    let id = p.id.to_string();
    let mv = |delta| ListOp::Move {
        id: id.clone(),
        delta,
        among: Vec::new(),
    };
    let onmoveup = op(mv(-1));
    let onmovedown = op(mv(1));
    let onremove = op(ListOp::Remove(id.clone()));
    let onadd = op(ListOp::Add {
        after: Some(id.clone()),
    });
    let name = &p.name;
    html! {
        <div class="item-controls" role="group" aria-label={format!("{} {name}", ctx.t("Thao tác với", "Actions for"))}>
            <button type="button" id={move_button_id(&id, -1)} class="icon" onclick={onmoveup}
                disabled={p.index == 0}
                aria-label={format!("{} {name} {}", ctx.t("Chuyển", "Move"), ctx.t("lên", "up"))}>{ "↑" }</button>
            <button type="button" id={move_button_id(&id, 1)} class="icon" onclick={onmovedown}
                disabled={p.index + 1 >= p.len}
                aria-label={format!("{} {name} {}", ctx.t("Chuyển", "Move"), ctx.t("xuống", "down"))}>{ "↓" }</button>
            if p.add_after {
                <button type="button" class="icon" onclick={onadd}
                    id={format!("add-after-{id}")}
                    aria-label={p.add_label.clone().unwrap_or_else(|| format!("{} {name}", ctx.t("Thêm vào sau", "Add after")).into())}>{ "+" }</button>
            }
            <button type="button" class="icon danger" onclick={onremove}
                id={format!("remove-{id}")}
                aria-label={format!("{} {name}", ctx.t("Xóa", "Remove"))}>{ "✕" }</button>
        </div>
    }
}
