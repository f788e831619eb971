//! The blocks of a section or a footnote: paragraphs, `-` and `+` bullets,
//! lists of cited documents. Each can change kind, be moved, removed, or
//! followed by a new one. Keyed by the blocks' stable ids.

use super::add_button::AddButton;
use super::item_controls::ItemControls;
use super::state::{Action, Ctx, ListId};
use super::view::View;
use crate::core::model::{Block, BlockKind};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BlockListProps {
    pub view: View,
    pub list: ListId,
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

#[function_component(BlockList)]
pub fn block_list(p: &BlockListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = p.view.doc.get();
    let blocks: &[Block] = match &p.list {
        ListId::Blocks(sid) => doc
            .parts
            .iter()
            .flat_map(|p| p.sections.iter())
            .find(|s| &s.id == sid)
            .map_or(&[], |s| s.blocks.as_slice()),
        ListId::NoteBlocks(fid) => doc.footnote(fid).map_or(&[], |f| f.blocks.as_slice()),
        _ => &[],
    };
    let len = blocks.len();
    let group = AttrValue::from(p.view.group.clone());
    let items = blocks.iter().enumerate().map(|(i, b)| {
        let name = format!("{} {}", ctx.t("đoạn", "paragraph"), i + 1);
        let path = format!("block/{}/text", b.id);
        let onchange = {
            let d = ctx.dispatch.clone();
            let block = b.id.clone();
            Callback::from(move |e: Event| {
                let s: HtmlSelectElement = e.target_unchecked_into();
                d.dispatch(Action::SetKind {
                    block: block.clone(),
                    kind: kind_of(&s.value()),
                })
            })
        };
        let kid = format!("kind-{}", b.id);
        let current = kind_value(b.kind);
        let opt = |v: &'static str, vi: &'static str, en: &'static str| {
            html! { <option value={v} selected={current == v}>{ ctx.t(vi, en) }</option> }
        };
        let label = format!(
            "{} {}{}",
            ctx.t("Đoạn", "Paragraph"),
            i + 1,
            match b.kind {
                BlockKind::Dash => " (-)",
                BlockKind::Plus => " (+)",
                _ => "",
            }
        );
        let refs = (b.kind == BlockKind::Refs && !b.refs.is_empty()).then(|| {
            html! {
                <p class="hint">
                    { ctx.t("Văn bản được liệt kê: ", "Documents listed: ") }
                    { b.refs.iter().filter_map(|r| doc.reference(r)).map(|r| format!("{} {}/{}", r.kind, r.number, r.symbol)).collect::<Vec<_>>().join("; ") }
                </p>
            }
        });
        html! {
            <li key={b.id.clone()} class={classes!("item", "block", current)}>
                <div class="item-head">
                    <label for={kid.clone()} class="small">{ ctx.t("Kiểu", "Kind") }</label>
                    <select id={kid} {onchange}>
                        { opt("paragraph", "Đoạn văn", "Paragraph") }
                        { opt("dash", "Gạch đầu dòng (-)", "Bullet (-)") }
                        { opt("plus", "Ý nhỏ (+)", "Sub-bullet (+)") }
                        { opt("refs", "Danh sách văn bản", "List of documents") }
                    </select>
                    <ItemControls list={p.list.clone()} id={AttrValue::from(b.id.clone())} index={i} {len}
                        name={AttrValue::from(name)} group={group.clone()} />
                </div>
                { p.view.text(&path, &label, &b.text) }
                { for refs }
            </li>
        }
    });
    html! {
        <>
            <ol class="items blocks">{ for items }</ol>
            <AddButton list={p.list.clone()} group={group.clone()}
                label={AttrValue::from(ctx.t("Thêm đoạn", "Add a paragraph").to_string())} />
        </>
    }
}
