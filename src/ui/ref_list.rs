//! The documents the notice cites (`{ref:ID}` in a text): kind, number,
//! symbol, date, issuer, subject. Keyed by their stable ids.

use super::add_button::AddButton;
use super::groups::ref_label;
use super::item_controls::ItemControls;
use super::state::{Ctx, ListId};
use super::view::View;
use crate::core::render::citation;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RefListProps {
    pub view: View,
}

#[function_component(RefList)]
pub fn ref_list(p: &RefListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = p.view.doc.get();
    let len = doc.references.len();
    let group = AttrValue::from(p.view.group.clone());
    let items = doc.references.iter().enumerate().map(|(i, r)| {
        let name = format!("{} {}", ctx.t("văn bản", "document"), i + 1);
        let f = |n: &str, v: &str| p.view.input(&format!("ref/{}/{n}", r.id), ref_label(n, ctx.lang), v);
        html! {
            <li key={r.id.clone()} class="item reference">
                <div class="item-head">
                    <span class="figure-title">{ citation(r) }</span>
                    <code class="token">{ format!("{{ref:{}}}", r.id) }</code>
                    <ItemControls list={ListId::References} id={AttrValue::from(r.id.clone())} index={i} {len}
                        name={AttrValue::from(name)} group={group.clone()} add_after={false} />
                </div>
                <div class="ref-fields">
                    { f("kind", &r.kind) }
                    { f("number", &r.number) }
                    { f("symbol", &r.symbol) }
                    { f("date", &r.date) }
                    { f("issuer", &r.issuer) }
                </div>
                { p.view.text(&format!("ref/{}/subject", r.id), ref_label("subject", ctx.lang), &r.subject) }
            </li>
        }
    });
    html! {
        <>
            <ol class="items">{ for items }</ol>
            <AddButton list={ListId::References} group={group.clone()}
                label={AttrValue::from(ctx.t("Thêm văn bản", "Add a document").to_string())} />
        </>
    }
}
