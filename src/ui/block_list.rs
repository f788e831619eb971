//! The blocks of a section or a footnote: paragraphs, `-` and `+` bullets,
//! lists of cited documents. Each can change kind, be moved, removed, or
//! followed by a new one. Keyed by the blocks' stable ids; each block is a
//! [`BlockItem`], re-rendered only when what it shows changed.

use super::add_button::AddButton;
use super::block_item::BlockItem;
use super::state::Ctx;
use super::view::View;
use crate::core::edit::List;
use crate::core::field::Field as F;
use crate::core::model::{Block, BlockKind, DocRef};
use std::collections::HashMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BlockListProps {
    pub view: View,
    pub list: List,
}

#[function_component(BlockList)]
pub fn block_list(p: &BlockListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = p.view.doc.get();
    let blocks: &[Block] = match &p.list {
        List::Blocks(sid) => doc
            .parts
            .iter()
            .flat_map(|p| p.sections.iter())
            .find(|s| &s.id == sid)
            .map_or(&[], |s| s.blocks.as_slice()),
        List::NoteBlocks(fid) => doc.footnote(fid).map_or(&[], |f| f.blocks.as_slice()),
        _ => &[],
    };
    let len = blocks.len();
    let group = AttrValue::from(p.view.group.clone());
    let documents: HashMap<&str, &DocRef> = if blocks.iter().any(|b| b.kind == BlockKind::Refs) {
        doc.references
            .iter()
            .rev()
            .map(|r| (r.id.as_str(), r))
            .collect()
    } else {
        HashMap::new()
    };
    let items = blocks.iter().enumerate().map(|(i, b)| {
        let path = F::BlockText.of(&b.id);
        let listed = (b.kind == BlockKind::Refs && !b.refs.is_empty()).then(|| {
            let names: Vec<String> = b
                .refs
                .iter()
                .filter_map(|r| documents.get(r.as_str()))
                .map(|r| format!("{} {}/{}", r.kind, r.number, r.symbol))
                .collect();
            AttrValue::from(names.join("; "))
        });
        html! {
            <BlockItem key={b.id.clone()} list={p.list.clone()} id={AttrValue::from(b.id.clone())}
                index={i} {len} kind={b.kind} text={AttrValue::from(b.text.clone())} {listed}
                findings={p.view.by_field.get(&path).cloned()} show={p.view.shows(&path)}
                group={group.clone()} />
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
