//! One figure of a group: label, value as typed, total for a fraction,
//! unit. A component of its own so that a keystroke elsewhere does not
//! render it again: its props are what it shows, compared by value.

use super::field::Field;
use super::item_controls::ItemControls;
use super::state::{ByField, Ctx};
use crate::core::edit::List;
use crate::core::field::{Field as F, FieldPath};
use crate::core::model::{Figure, FigureKind};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct FigureItemProps {
    pub figure: Figure,
    pub index: usize,
    pub len: usize,
    pub group: AttrValue,
    pub by_field: Rc<ByField>,
    pub touched: Rc<HashSet<FieldPath>>,
    pub checked: bool,
}

/// The findings and the touched fields are compared by identity: the
/// reducer makes new ones only when they changed, and comparing their
/// contents per figure per keystroke cost more than rendering the figure.
impl PartialEq for FigureItemProps {
    fn eq(&self, other: &Self) -> bool {
        self.figure == other.figure
            && self.index == other.index
            && self.len == other.len
            && self.group == other.group
            && Rc::ptr_eq(&self.by_field, &other.by_field)
            && Rc::ptr_eq(&self.touched, &other.touched)
            && self.checked == other.checked
    }
}

#[function_component(FigureItem)]
pub fn figure_item(p: &FigureItemProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let (f, i) = (&p.figure, p.index);
    let field = |field: F, label: &str, value: &str| {
        let path = field.of(&f.id);
        let number = field.spec().input == crate::core::layout::Input::Decimal;
        html! {
            <Field label={AttrValue::from(label.to_string())}
                value={AttrValue::from(value.to_string())}
                inputmode={number.then_some(AttrValue::Static("decimal"))}
                findings={p.by_field.get(&path).cloned()}
                show={p.checked || p.touched.contains(&path)} {path} />
        }
    };
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
    let title = if f.label.is_empty() {
        ctx.t("Số liệu mới", "New figure").to_string()
    } else {
        f.label.clone()
    };
    html! {
        <li class="item figure">
            <div class="item-head">
                <span class="figure-title">{ title }</span>
                <code class="token" title={ctx.t("Viết mã này trong văn bản để dẫn số liệu", "Type this code in a text to cite the figure")}>{ format!("{{fig:{}}}", f.id) }</code>
                <ItemControls list={List::Figures} id={AttrValue::from(f.id.clone())} index={i} len={p.len}
                    name={AttrValue::from(name)} group={p.group.clone()} add_after={false} />
            </div>
            <div class="figure-fields">
                { field(F::FigValue, value_label, &f.value) }
                if f.kind == FigureKind::Fraction {
                    { field(F::FigTotal, F::FigTotal.spec().label(ctx.lang), &f.total) }
                }
                { field(F::FigUnit, F::FigUnit.spec().label(ctx.lang), &f.unit) }
                { field(F::FigLabel, ctx.t("Tên số liệu", "Name"), &f.label) }
            </div>
        </li>
    }
}
