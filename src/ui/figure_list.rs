//! The figures of one group (those its text cites first, and those added
//! here): label, value as typed, total for a fraction, unit, and where the
//! text uses it (a prose field's "Chèn…" puts it in a sentence). Each figure is
//! a [`FigureItem`], re-rendered only when what it shows changed.

use super::add_button::AddButton;
use super::figure_item::FigureItem;
use super::relation_form::RelationForm;
use super::state::{Ctx, Links};
use super::view::View;
use crate::core::check::describe;
use crate::core::edit::List;
use crate::core::field;
use crate::core::layout::field_label;
use crate::core::model::Indexed;
use crate::core::relation::Source;
use crate::core::text::{self, Inline};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureListProps {
    pub view: View,
}

#[function_component(FigureList)]
pub fn figure_list(p: &FigureListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = p.view.doc.get();
    let links = use_context::<Links>().expect("Links");
    let group = p.view.group.as_str();
    let shown: Vec<_> = doc
        .figures
        .iter()
        .filter(|f| p.view.groups.figure_in(&f.id, group))
        .collect();
    let len = shown.len();
    let group = AttrValue::from(group.to_string());
    // The relations each shown figure is in, in words: one pass over the
    // relations, one index of the figures.
    let indexed = Indexed::new(&doc);
    let here: HashSet<&str> = shown.iter().map(|f| f.id.as_str()).collect();
    let mut relations: HashMap<&str, Vec<(AttrValue, AttrValue, bool)>> = HashMap::new();
    for r in &doc.relations {
        let mut words = None;
        for id in r.figures() {
            if !here.contains(id) {
                continue;
            }
            let words = words
                .get_or_insert_with(|| AttrValue::from(describe(&indexed, r, ctx.lang)))
                .clone();
            let of = relations.entry(id).or_default();
            if !of.iter().any(|(rid, ..)| rid.as_str() == r.id) {
                of.push((
                    AttrValue::from(r.id.clone()),
                    words,
                    r.source == Source::Recognised,
                ));
            }
        }
    }
    // Where each shown figure is used, by the labels of the texts: one pass
    // over the texts that cite figures, made again only when the groups
    // were (what a text cites changed, or a list), not per keystroke.
    let uses = {
        let key = (
            Rc::as_ptr(&p.view.groups) as usize,
            ctx.lang,
            p.view.group.clone(),
        );
        use_memo(key, |_| {
            let mut by: HashMap<String, Vec<AttrValue>> = HashMap::new();
            for (path, t) in field::rich_texts(&doc) {
                if !t.contains("{fig:") {
                    continue;
                }
                let mut seen: Vec<&str> = Vec::new();
                for c in text::citations(t) {
                    if let Inline::Figure(id) = c {
                        if here.contains(id) && !seen.contains(&id) {
                            seen.push(id);
                            by.entry(id.to_string()).or_default().push(AttrValue::from(
                                field_label(&doc, &path, &links.0, ctx.lang),
                            ));
                        }
                    }
                }
            }
            by
        })
    };
    let items = shown.iter().enumerate().map(|(i, f)| {
        let relations = relations.get(f.id.as_str()).cloned().unwrap_or_default();
        let uses: Vec<AttrValue> = uses.get(f.id.as_str()).cloned().unwrap_or_default();
        html! {
            <FigureItem key={f.id.clone()} figure={(*f).clone()} index={i} {len} group={group.clone()}
                by_field={p.view.by_field.clone()} touched={p.view.touched.clone()}
                checked={p.view.checked} {relations} {uses} />
        }
    });
    let unused = p.view.group == crate::core::layout::OTHER;
    html! {
        <section class="figures" aria-labelledby={format!("figs-{group}")}>
            if unused {
                <h3 id={format!("figs-{group}")}>{ ctx.t("Số liệu chưa dùng trong văn bản", "Figures the text does not use yet") }</h3>
            } else {
                <h3 id={format!("figs-{group}")}>{ ctx.t("Số liệu", "Figures") }</h3>
            }
            if len == 0 && unused {
                <p class="hint">{ ctx.t("Số liệu nào cũng đã được dùng trong văn bản.", "The text uses every figure.") }</p>
            } else if len == 0 {
                <p class="hint">{ ctx.t("Mục này chưa dẫn số liệu nào.", "This part cites no figures yet.") }</p>
            }
            <ol class="items">{ for items }</ol>
            <AddButton list={List::Figures} group={group.clone()}
                label={AttrValue::from(ctx.t("Thêm số liệu", "Add a figure").to_string())} />
            if doc.figures.len() >= 2 {
                <RelationForm doc={p.view.doc.clone()} group={group.clone()} />
            }
        </section>
    }
}
