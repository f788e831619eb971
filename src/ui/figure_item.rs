//! One figure of a group: label, what it is (a count, an amount, n/N, a
//! percentage…), value as typed, total for a fraction, unit, and the
//! relations it is in (each can be removed). A component of its own so that
//! a keystroke elsewhere does not render it again: its props are what it
//! shows, compared by value.

use super::field::Field;
use super::item_controls::ItemControls;
use super::state::{Action, ByField, Ctx};
use crate::core::edit::{Command, List};
use crate::core::field::{Field as F, FieldPath};
use crate::core::model::{Figure, FigureKind};
use std::collections::HashSet;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The kinds of figure, as the form names them.
const KINDS: [(FigureKind, &str, &str, &str); 5] = [
    (
        FigureKind::Count,
        "count",
        "Số lượng (hộ, người, xã…)",
        "Count",
    ),
    (FigureKind::Amount, "amount", "Số tiền", "Amount of money"),
    (FigureKind::Rate, "rate", "Mức (đồng/người/tháng…)", "Rate"),
    (
        FigureKind::Fraction,
        "fraction",
        "Số đạt trên tổng số",
        "n out of N",
    ),
    (
        FigureKind::Percent,
        "percent",
        "Tỷ lệ phần trăm",
        "Percentage",
    ),
];

#[derive(Properties)]
pub struct FigureItemProps {
    pub figure: Figure,
    pub index: usize,
    pub len: usize,
    pub group: AttrValue,
    pub by_field: Rc<ByField>,
    pub touched: Rc<HashSet<FieldPath>>,
    pub checked: bool,
    /// The relations it is in: (id, the relation in words, recognised in
    /// the text and not yet confirmed).
    pub relations: Vec<(AttrValue, AttrValue, bool)>,
    /// The fields whose text shows it, by their labels.
    pub uses: Vec<AttrValue>,
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
            && self.relations == other.relations
            && self.uses == other.uses
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
    let kind_id = format!("fkind-{}", f.id);
    let onkind = {
        let (d, figure) = (ctx.dispatch.clone(), f.id.clone());
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            if let Some((kind, ..)) = KINDS.iter().find(|k| k.1 == s.value()) {
                d.dispatch(Action::Edit(Command::SetFigureKind {
                    figure: figure.clone(),
                    kind: *kind,
                }));
            }
        })
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
                <ItemControls list={List::Figures} id={AttrValue::from(f.id.clone())} index={i} len={p.len}
                    name={AttrValue::from(name)} group={p.group.clone()} add_after={false} />
            </div>
            <div class="figure-fields">
                <div class="field">
                    <label for={kind_id.clone()}>{ ctx.t("Loại số liệu", "Kind of figure") }</label>
                    <select id={kind_id} onchange={onkind}>
                        { for KINDS.iter().map(|(k, value, vi, en)| html! {
                            <option value={*value} selected={f.kind == *k}>{ ctx.t(vi, en) }</option>
                        }) }
                    </select>
                </div>
                { field(F::FigValue, value_label, &f.value) }
                if f.kind == FigureKind::Fraction {
                    { field(F::FigTotal, F::FigTotal.spec().label(ctx.lang), &f.total) }
                }
                { field(F::FigUnit, F::FigUnit.spec().label(ctx.lang), &f.unit) }
                { field(F::FigLabel, ctx.t("Tên số liệu", "Name"), &f.label) }
            </div>
            <p class="figure-uses">
                if p.uses.is_empty() {
                    { ctx.t("Chưa có trong văn bản: đặt con trỏ vào một đoạn văn và chọn “Chèn…” (Alt+=).",
                            "Not in the text yet: put the caret in a paragraph and choose “Insert…” (Alt+=).") }
                } else {
                    { ctx.t("Có trong: ", "Used in: ") }{ p.uses.join("; ") }
                }
            </p>
            if !p.relations.is_empty() {
                <ul class="relations" aria-label={ctx.t("Quan hệ với số liệu khác", "Relations with other figures")}>
                    { for p.relations.iter().map(|(id, words, recognised)| {
                        let onremove = {
                            let (d, id) = (ctx.dispatch.clone(), id.to_string());
                            Callback::from(move |_: MouseEvent| d.dispatch(Action::Edit(Command::RemoveRelation(id.clone()))))
                        };
                        let onconfirm = {
                            let (d, id) = (ctx.dispatch.clone(), id.to_string());
                            Callback::from(move |_: MouseEvent| d.dispatch(Action::Edit(Command::ConfirmRelation(id.clone()))))
                        };
                        html! {
                            <li key={id.to_string()} class={classes!(recognised.then_some("recognised"))}>
                                { words.clone() }
                                if *recognised {
                                    { ctx.t(" (nhận ra từ văn bản)", " (recognised in the text)") }
                                }
                                { " " }
                                if *recognised {
                                    <button type="button" class="link" id={format!("confirm-rel-{id}-{}", f.id)} onclick={onconfirm}
                                        aria-label={format!("{} {}", ctx.t("Xác nhận quan hệ", "Confirm the relation"), words)}>
                                        { ctx.t("Xác nhận", "Confirm") }
                                    </button>
                                }
                                <button type="button" class="link" id={format!("remove-rel-{id}-{}", f.id)} onclick={onremove}
                                    aria-label={format!("{} {}", ctx.t("Bỏ quan hệ", "Remove the relation"), words)}>
                                    { if *recognised { ctx.t("Bỏ", "Remove") } else { ctx.t("Bỏ quan hệ", "Remove") } }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </li>
    }
}
