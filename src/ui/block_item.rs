//! One block of a list: its kind, its controls and its text. A component
//! of its own so that a keystroke in one block re-renders that block only:
//! its props are what it shows, compared by value.

use super::field::Field;
use super::item_controls::ItemControls;
use super::state::{Action, Ctx};
use crate::core::check::Finding;
use crate::core::edit::{Command, List};
use crate::core::field::Field as F;
use crate::core::model::BlockKind;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BlockItemProps {
    pub list: List,
    pub id: AttrValue,
    pub index: usize,
    pub len: usize,
    pub kind: BlockKind,
    pub text: AttrValue,
    /// For a list of documents: the documents it lists, as a hint.
    pub listed: Option<AttrValue>,
    pub findings: Option<Rc<[Finding]>>,
    /// Show its messages (touched, or "Kiểm tra" pressed).
    pub show: bool,
    pub group: AttrValue,
}

fn kind_value(k: BlockKind) -> &'static str {
    match k {
        BlockKind::Paragraph => "paragraph",
        BlockKind::Dash => "dash",
        BlockKind::Plus => "plus",
        BlockKind::Refs => "refs",
    }
}

fn kind_of(v: &str) -> BlockKind {
    match v {
        "paragraph" => BlockKind::Paragraph,
        "plus" => BlockKind::Plus,
        "refs" => BlockKind::Refs,
        _ => BlockKind::Dash,
    }
}

#[function_component(BlockItem)]
pub fn block_item(p: &BlockItemProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let i = p.index;
    let name = format!("{} {}", ctx.t("đoạn", "paragraph"), i + 1);
    let path = F::BlockText.of(p.id.as_str());
    let onchange = {
        let d = ctx.dispatch.clone();
        let block = p.id.to_string();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::Edit(Command::SetKind {
                block: block.clone(),
                kind: kind_of(&s.value()),
            }))
        })
    };
    let kid = format!("kind-{}", p.id);
    let current = kind_value(p.kind);
    let opt = |v: &'static str, vi: &'static str, en: &'static str| {
        html! { <option value={v} selected={current == v}>{ ctx.t(vi, en) }</option> }
    };
    let label = format!(
        "{} {}{}",
        ctx.t("Đoạn", "Paragraph"),
        i + 1,
        match p.kind {
            BlockKind::Dash => " (-)",
            BlockKind::Plus => " (+)",
            _ => "",
        }
    );
    html! {
        <li class={classes!("item", "block", current)}>
            <div class="item-head">
                <label for={kid.clone()} class="small">{ ctx.t("Kiểu", "Kind") }</label>
                <select id={kid} {onchange}>
                    { opt("paragraph", "Đoạn văn", "Paragraph") }
                    { opt("dash", "Gạch đầu dòng (-)", "Bullet (-)") }
                    { opt("plus", "Dấu cộng (+)", "Plus item (+)") }
                    { opt("refs", "Danh sách văn bản", "List of documents") }
                </select>
                <ItemControls list={p.list.clone()} id={p.id.clone()} index={i} len={p.len}
                    name={AttrValue::from(name)} group={p.group.clone()} />
            </div>
            <Field {path} {label} value={p.text.clone()} multiline=true
                findings={p.findings.clone()} show={p.show} />
            if let Some(listed) = &p.listed {
                <p class="hint">
                    { ctx.t("Văn bản được liệt kê: ", "Documents listed: ") }
                    { listed.clone() }
                </p>
            }
        </li>
    }
}
