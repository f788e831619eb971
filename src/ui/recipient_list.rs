//! Nơi nhận: one recipient a line; the last is the archive line
//! (`Lưu: VT, …`). Keyed by the lines' stable ids.

use super::add_button::AddButton;
use super::item_controls::ItemControls;
use super::state::Ctx;
use super::view::View;
use crate::core::edit::List;
use crate::core::field::Field as F;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecipientListProps {
    pub view: View,
}

#[function_component(RecipientList)]
pub fn recipient_list(p: &RecipientListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = p.view.doc.get();
    let len = doc.recipients.len();
    let group = AttrValue::from(p.view.group.clone());
    let items = doc.recipients.iter().enumerate().map(|(i, r)| {
        let name = format!("{} {}", ctx.t("nơi nhận", "recipient"), i + 1);
        let label = format!("{} {}", ctx.t("Nơi nhận", "Recipient"), i + 1);
        html! {
            <li key={r.id.clone()} class="item recipient">
                { p.view.labelled(F::Recipient.of(&r.id), &label, &r.text, ctx.lang) }
                <ItemControls list={List::Recipients} id={AttrValue::from(r.id.clone())} index={i} {len}
                    name={AttrValue::from(name)} group={group.clone()} />
            </li>
        }
    });
    html! {
        <>
            <p class="hint">{ ctx.t("Mỗi dòng một nơi nhận; dòng cuối là “Lưu: VT, …”.", "One recipient a line; the last line is the archive line “Lưu: VT, …”.") }</p>
            <ol class="items recipients">{ for items }</ol>
            <AddButton list={List::Recipients} group={group.clone()}
                label={AttrValue::from(ctx.t("Thêm nơi nhận", "Add a recipient").to_string())} />
        </>
    }
}
