//! The documents the notice cites (`{ref:ID}` in a text): kind, number,
//! symbol, date, issuer, subject. Keyed by their stable ids.

use super::add_button::AddButton;
use super::item_controls::ItemControls;
use super::state::Ctx;
use super::view::View;
use crate::core::edit::List;
use crate::core::field::Field as F;
use crate::core::model::DocRef;
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
        html! {
            <li key={r.id.clone()} class="item reference">
                <div class="item-head">
                    <span class="figure-title">{ citation(r) }</span>
                    <ItemControls list={List::References} id={AttrValue::from(r.id.clone())} index={i} {len}
                        name={AttrValue::from(name)} group={group.clone()} add_after={false} />
                </div>
                { ref_fields(&p.view, &ctx, r) }
            </li>
        }
    });
    html! {
        <>
            <ol class="items">{ for items }</ol>
            <AddButton list={List::References} group={group.clone()}
                label={AttrValue::from(ctx.t("Thêm văn bản", "Add a document").to_string())} />
        </>
    }
}

/// A cited document's fields: here, and in the opening where it is chosen.
pub fn ref_fields(view: &View, ctx: &Ctx, r: &DocRef) -> Html {
    let f = |field: F, v: &str| view.input(field.of(&r.id), ctx.lang, v);
    html! {
        <>
            <div class="ref-fields">
                { f(F::RefKind, &r.kind) }
                { f(F::RefNumber, &r.number) }
                { f(F::RefSymbol, &r.symbol) }
                { f(F::RefDate, &r.date) }
                { f(F::RefIssuer, &r.issuer) }
            </div>
            { f(F::RefSubject, &r.subject) }
        </>
    }
}
