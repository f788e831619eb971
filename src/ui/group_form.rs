//! The form panel of the group chosen in the navigation: every field of that
//! part of the notice, its lists, its footnotes and its figures.

use super::block_list::BlockList;
use super::figure_list::FigureList;
use super::messages::Messages;
use super::recipient_list::RecipientList;
use super::ref_list::RefList;
use super::state::{input_id, message_id, Action, Ctx, Links};
use super::view::View;
use crate::core::edit::{Command, List};
use crate::core::field::{Field as F, FieldPath};
use crate::core::layout::{roman, HEADER, OPENING, OTHER, RECIPIENTS, REFS, SIGNATURE};
use crate::core::model::Notice;
use crate::core::render::citation;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GroupFormProps {
    pub view: View,
}

#[function_component(GroupForm)]
pub fn group_form(p: &GroupFormProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let links = use_context::<Links>().expect("Links");
    let v = &p.view;
    let doc = v.doc.get();
    let lang = ctx.lang;
    let group = v.group.as_str();
    let title = v
        .groups
        .info(group)
        .map(|g| g.title(lang).to_string())
        .unwrap_or_default();

    let f = |field: F, value: &str| v.input(field.path(), lang, value);
    let body = match group {
        HEADER => {
            let h = &doc.header;
            html! {
                <>
                    { f(F::ParentBody, &h.parent_body) }
                    { f(F::Issuer, &h.issuer) }
                    <div class="row">
                        { f(F::Number, &h.number) }
                        { f(F::Symbol, &h.symbol) }
                    </div>
                    <div class="row">
                        { f(F::Place, &h.place) }
                        { f(F::Day, &h.day) }
                        { f(F::Month, &h.month) }
                        { f(F::Year, &h.year) }
                    </div>
                    { f(F::DocType, &h.doc_type) }
                    { f(F::Subject, &h.subject) }
                </>
            }
        }
        OPENING => {
            let o = &doc.opening;
            html! {
                <>
                    { ref_select(v, &ctx, &doc, F::Plan.path(), &o.plan) }
                    { ref_select(v, &ctx, &doc, F::Schedule.path(), &o.schedule) }
                    <div class="row">
                        { f(F::InspectionDate, &o.inspection_date) }
                        { f(F::InspectedBody, &o.inspected_body) }
                    </div>
                    { f(F::OpeningText, &o.text) }
                </>
            }
        }
        REFS => html! { <RefList view={v.clone()} /> },
        RECIPIENTS => html! { <RecipientList view={v.clone()} /> },
        SIGNATURE => {
            let sig = &doc.signature;
            html! {
                <>
                    { f(F::Closing, &doc.closing) }
                    { f(F::Authority, &sig.authority) }
                    { f(F::Head, &sig.head) }
                    { f(F::Position, &sig.position) }
                    { f(F::SignerName, &sig.name) }
                </>
            }
        }
        OTHER => html! {
            <>
                { notes(v, &ctx, &doc, &links) }
                <FigureList view={v.clone()} />
            </>
        },
        g => {
            let (part_id, section_id) = match (g.strip_prefix("part:"), g.strip_prefix("sec:")) {
                (Some(p), _) => (Some(p), None),
                (_, Some(s)) => (None, Some(s)),
                _ => (None, None),
            };
            let mut out = Vec::new();
            for (pi, part) in doc.parts.iter().enumerate() {
                let first_section = part.sections.first().map(|s| s.id.as_str());
                let show_part = part_id == Some(part.id.as_str())
                    || (section_id.is_some() && section_id == first_section);
                if show_part {
                    let path = F::PartTitle.of(&part.id);
                    let label = format!("{} {}", path.field.spec().label(lang), roman(pi));
                    out.push(v.labelled(path, &label, &part.title, lang));
                }
                for (si, s) in part.sections.iter().enumerate() {
                    if part_id == Some(part.id.as_str()) || section_id == Some(s.id.as_str()) {
                        out.push(html! {
                            <section key={s.id.clone()} class="section" aria-labelledby={format!("sh-{}", s.id)}>
                                <h3 id={format!("sh-{}", s.id)}>{ format!("{}.{}", roman(pi), si + 1) }</h3>
                                { v.input(F::SectionTitle.of(&s.id), lang, &s.title) }
                                <BlockList view={v.clone()} list={List::Blocks(s.id.clone())} />
                            </section>
                        });
                    }
                }
            }
            html! {
                <>
                    { for out }
                    { notes(v, &ctx, &doc, &links) }
                    <FigureList view={v.clone()} />
                </>
            }
        }
    };

    html! {
        <div class="group-form">
            <h2 id="group-heading" tabindex="-1">{ title }</h2>
            { body }
        </div>
    }
}

/// The footnotes shown in this group, each with its blocks.
fn notes(v: &View, ctx: &Ctx, doc: &Notice, links: &Links) -> Html {
    let shown: Vec<_> = doc
        .footnotes
        .iter()
        .filter(|f| v.groups.note_in(&f.id, &v.group))
        .collect();
    if shown.is_empty() {
        return html! {};
    }
    html! {
        <section class="notes" aria-labelledby="notes-heading">
            <h3 id="notes-heading">{ ctx.t("Chú thích", "Footnotes") }</h3>
            { for shown.iter().map(|f| html! {
                <div key={f.id.clone()} class="note">
                    <h4>{ ctx.t("Chú thích ", "Footnote ") }{ match links.0.note(&f.id) {
                        Some(n) => n.to_string(),
                        None => ctx.t("(chưa được dẫn trong văn bản)", "(not cited in the text yet)").to_string(),
                    } }</h4>
                    <BlockList view={v.clone()} list={List::NoteBlocks(f.id.clone())} />
                </div>
            }) }
        </section>
    }
}

/// A choice among the cited documents (the opening's plan and schedule).
fn ref_select(v: &View, ctx: &Ctx, doc: &Notice, path: FieldPath, value: &str) -> Html {
    let label = path.field.spec().label(ctx.lang);
    let onchange = {
        let d = ctx.dispatch.clone();
        let path = path.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::Edit(Command::Set {
                path: path.clone(),
                value: s.value(),
            }))
        })
    };
    let findings = v.by_field.get(&path).cloned();
    let shown = findings.is_some() && v.shows(&path);
    html! {
        <div class="field">
            <label for={input_id(&path)}>{ label }</label>
            <select id={input_id(&path)} {onchange}
                aria-describedby={shown.then(|| message_id(&path))}>
                <option value="" selected={value.is_empty()}>{ ctx.t("(chưa chọn)", "(none)") }</option>
                { for doc.references.iter().map(|r| html! {
                    <option value={r.id.clone()} selected={r.id == value}>{ citation(r) }</option>
                }) }
            </select>
            if let (true, Some(f)) = (shown, findings) {
                <Messages id={message_id(&path)} findings={f} />
            }
        </div>
    }
}
