//! "Thêm quan hệ": the officer states how two (or three) figures must agree,
//! in their words — “A” không lớn hơn “B”, “A” trong đó có “B”, “A” bằng
//! tổng của “B”, “A” là tỷ lệ của “B”/“C”, “A” bằng “B” × “C” — choosing the
//! figures by their labels. Plain `<select>`s: the keyboard and screen
//! readers work as everywhere else in the form.

use super::state::{Action, Ctx, Doc};
use crate::core::edit::Command;
use crate::core::relation::{Relation, Source, Stated};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationFormProps {
    pub doc: Doc,
    /// The group it shows in (its element ids).
    pub group: AttrValue,
}

#[function_component(RelationForm)]
pub fn relation_form(p: &RelationFormProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let first = use_state(String::new);
    let stated = use_state(|| Stated::OfWhich);
    let others = use_state(|| vec![String::new(), String::new()]);
    let doc = p.doc.get();
    let key = p.group.replace(|c: char| !c.is_ascii_alphanumeric(), "-");
    let id = |what: &str| format!("rel-{what}-{key}");
    let choose = |value: &str, name: &str, label: &str, onchange: Callback<Event>| {
        html! {
            <div class="field">
                <label for={id(name)}>{ label.to_string() }</label>
                <select id={id(name)} {onchange}>
                    <option value="" selected={value.is_empty()}>{ ctx.t("(chọn số liệu)", "(choose a figure)") }</option>
                    { for doc.figures.iter().map(|f| {
                        let label = if f.label.trim().is_empty() { f.id.clone() } else { f.label.clone() };
                        html! { <option value={f.id.clone()} selected={f.id == value}>{ label }</option> }
                    }) }
                </select>
            </div>
        }
    };
    let onfirst = {
        let first = first.clone();
        Callback::from(move |e: Event| {
            first.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let onstated = {
        let stated = stated.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(s) = Stated::parse(&v) {
                stated.set(s);
            }
        })
    };
    let onother = |i: usize| {
        let others = others.clone();
        Callback::from(move |e: Event| {
            let mut v = (*others).clone();
            v[i] = e.target_unchecked_into::<HtmlSelectElement>().value();
            others.set(v);
        })
    };
    let wanted: Vec<String> = others[..stated.others()].to_vec();
    let kind = stated.relation(&first, &wanted);
    let onadd = {
        let (d, kind) = (ctx.dispatch.clone(), kind.clone());
        let (first, others) = (first.clone(), others.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(kind) = kind.clone() else { return };
            d.dispatch(Action::Edit(Command::AddRelation(Relation {
                id: String::new(),
                kind,
                name: None,
                rule: None,
                source: Source::Declared,
            })));
            first.set(String::new());
            others.set(vec![String::new(), String::new()]);
        })
    };
    let (second_label, third_label) = match *stated {
        Stated::RateOf => (ctx.t("Số đạt", "Part"), ctx.t("Trên tổng số", "Out of")),
        Stated::ProductOf => (ctx.t("Số lượng", "Count"), ctx.t("Mức", "Rate")),
        _ => (ctx.t("Số liệu thứ hai", "Second figure"), ""),
    };
    html! {
        <fieldset class="relation-form">
            <legend>{ ctx.t("Thêm quan hệ giữa các số liệu", "Add a relation between figures") }</legend>
            <p class="hint">{ ctx.t(
                "Các số liệu phải khớp với nhau thế nào, ví dụ: “Số hộ được công nhận” không lớn hơn “Số hộ ký cam kết”. Thông báo được kiểm tra theo các quan hệ này.",
                "How the figures must agree, e.g. “households recognised” is at most “households committed”. The notice is checked against these relations.") }</p>
            <div class="row">
                { choose(&first, "first", ctx.t("Số liệu", "Figure"), onfirst) }
                <div class="field">
                    <label for={id("words")}>{ ctx.t("Quan hệ", "Relation") }</label>
                    <select id={id("words")} onchange={onstated}>
                        { for Stated::ALL.iter().map(|s| {
                            let (value, vi, en) = s.words();
                            html! { <option {value} selected={*s == *stated}>{ ctx.t(vi, en) }</option> }
                        }) }
                    </select>
                </div>
                { choose(&others[0], "second", second_label, onother(0)) }
                if stated.others() > 1 {
                    { choose(&others[1], "third", third_label, onother(1)) }
                }
            </div>
            <button type="button" id={id("add")} onclick={onadd} disabled={kind.is_none()}>
                { ctx.t("Thêm quan hệ", "Add the relation") }
            </button>
        </fieldset>
    }
}
