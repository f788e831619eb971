//! The figures of one group (those its text cites first, and those added
//! here): label, value as typed, total for a fraction, unit. Cite a figure
//! in a text as `{fig:ID}`; the preview shows it formatted.

use super::add_button::AddButton;
use super::item_controls::ItemControls;
use super::state::{Ctx, ListId};
use super::view::View;
use crate::core::model::FigureKind;
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
    let items = shown.iter().enumerate().map(|(i, f)| {
        let name = if f.label.is_empty() {
            format!("{} {}", ctx.t("số liệu", "figure"), i + 1)
        } else {
            format!("{} “{}”", ctx.t("số liệu", "figure"), f.label)
        };
        let value_label = match f.kind {
            FigureKind::Fraction => ctx.t("Số đạt", "Count"),
            FigureKind::Percent => ctx.t("Tỷ lệ (%)", "Percentage (%)"),
            _ => ctx.t("Giá trị", "Value"),
        };
        let title = if f.label.is_empty() { ctx.t("Số liệu mới", "New figure").to_string() } else { f.label.clone() };
        html! {
            <li key={f.id.clone()} class="item figure">
                <div class="item-head">
                    <span class="figure-title">{ title }</span>
                    <code class="token" title={ctx.t("Viết mã này trong văn bản để dẫn số liệu", "Type this code in a text to cite the figure")}>{ format!("{{fig:{}}}", f.id) }</code>
                    <ItemControls list={ListId::Figures} id={AttrValue::from(f.id.clone())} index={i} {len}
                        name={AttrValue::from(name)} group={AttrValue::from(group.to_string())} add_after={false} />
                </div>
                <div class="figure-fields">
                    { p.view.number(&format!("fig/{}/value", f.id), value_label, &f.value) }
                    if f.kind == FigureKind::Fraction {
                        { p.view.number(&format!("fig/{}/total", f.id), ctx.t("Tổng số", "Total"), &f.total) }
                    }
                    { p.view.input(&format!("fig/{}/unit", f.id), ctx.t("Đơn vị", "Unit"), &f.unit) }
                    { p.view.input(&format!("fig/{}/label", f.id), ctx.t("Tên số liệu", "Name"), &f.label) }
                </div>
            </li>
        }
    });
    html! {
        <section class="figures" aria-labelledby={format!("figs-{group}")}>
            <h3 id={format!("figs-{group}")}>{ ctx.t("Số liệu", "Figures") }</h3>
            if len == 0 {
                <p class="hint">{ ctx.t("Mục này chưa dẫn số liệu nào.", "This part cites no figures yet.") }</p>
            }
            <ol class="items">{ for items }</ol>
            <AddButton list={ListId::Figures} group={AttrValue::from(group.to_string())}
                label={AttrValue::from(ctx.t("Thêm số liệu", "Add a figure").to_string())} />
        </section>
    }
}
