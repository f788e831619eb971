//! The figures of one group (those its text cites first, and those added
//! here): label, value as typed, total for a fraction, unit. Cite a figure
//! in a text as `{fig:ID}`; the preview shows it formatted. Each figure is
//! a [`FigureItem`], re-rendered only when what it shows changed.

use super::add_button::AddButton;
use super::figure_item::FigureItem;
use super::state::Ctx;
use super::view::View;
use crate::core::edit::List;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureListProps {
    pub view: View,
}

#[function_component(FigureList)]
pub fn figure_list(p: &FigureListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = p.view.doc.get();
    let group = p.view.group.as_str();
    let shown: Vec<_> = doc
        .figures
        .iter()
        .filter(|f| p.view.groups.figure_in(&f.id, group))
        .collect();
    let len = shown.len();
    let group = AttrValue::from(group.to_string());
    let items = shown.iter().enumerate().map(|(i, f)| {
        html! {
            <FigureItem key={f.id.clone()} figure={(*f).clone()} index={i} {len} group={group.clone()}
                by_field={p.view.by_field.clone()} touched={p.view.touched.clone()}
                checked={p.view.checked} />
        }
    });
    html! {
        <section class="figures" aria-labelledby={format!("figs-{group}")}>
            <h3 id={format!("figs-{group}")}>{ ctx.t("Số liệu", "Figures") }</h3>
            if len == 0 {
                <p class="hint">{ ctx.t("Mục này chưa dẫn số liệu nào.", "This part cites no figures yet.") }</p>
            }
            <ol class="items">{ for items }</ol>
            <AddButton list={List::Figures} group={group.clone()}
                label={AttrValue::from(ctx.t("Thêm số liệu", "Add a figure").to_string())} />
        </section>
    }
}
