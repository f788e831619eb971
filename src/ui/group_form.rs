//! The form panel of the group chosen in the navigation: every field of that
//! part of the notice, its lists, its footnotes and its figures.

use super::block_list::BlockList;
use super::figure_list::FigureList;
use super::groups::{
    header_label, opening_label, roman, signature_label, HEADER, OPENING, OTHER, RECIPIENTS, REFS,
    SIGNATURE,
};
use super::messages::Messages;
use super::recipient_list::RecipientList;
use super::ref_list::RefList;
use super::state::{input_id, message_id, Action, Ctx, ListId};
use super::view::View;
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
    let v = &p.view;
    let doc = v.doc.get();
    let lang = ctx.lang;
    let group = v.group.as_str();
    let title = v
        .groups
        .info(group)
        .map(|g| g.title(lang).to_string())
        .unwrap_or_default();

    let body = match group {
        HEADER => {
            let h = &doc.header;
            let f = |name: &str, value: &str| {
                v.input(&format!("header/{name}"), header_label(name, lang), value)
            };
            html! {
                <>
                    { f("parent_body", &h.parent_body) }
                    { f("issuer", &h.issuer) }
                    <div class="row">
                        { v.field("header/number", header_label("number", lang), &h.number, false,
                            Some(ctx.t("Để trống khi còn là dự thảo.", "Leave blank in a draft.")), Some("numeric")) }
                        { f("symbol", &h.symbol) }
                    </div>
                    <div class="row">
                        { f("place", &h.place) }
                        { v.field("header/day", header_label("day", lang), &h.day, false, None, Some("numeric")) }
                        { v.field("header/month", header_label("month", lang), &h.month, false, None, Some("numeric")) }
                        { v.field("header/year", header_label("year", lang), &h.year, false, None, Some("numeric")) }
                    </div>
                    { f("doc_type", &h.doc_type) }
                    { v.text("header/subject", header_label("subject", lang), &h.subject) }
                </>
            }
        }
        OPENING => {
            let o = &doc.opening;
            html! {
                <>
                    { ref_select(v, &ctx, &doc, "opening/plan", opening_label("plan", lang), &o.plan) }
                    { ref_select(v, &ctx, &doc, "opening/schedule", opening_label("schedule", lang), &o.schedule) }
                    <div class="row">
                        { v.field("opening/inspection_date", opening_label("inspection_date", lang), &o.inspection_date,
                            false, Some(ctx.t("Ví dụ: 17/7/2024", "For example: 17/7/2024")), None) }
                        { v.input("opening/inspected_body", opening_label("inspected_body", lang), &o.inspected_body) }
                    </div>
                    { v.field("opening/text", opening_label("text", lang), &o.text, true,
                        Some(ctx.t(
                            "{plan}, {schedule}, {inspection_date}, {inspected_body} được thay bằng các ô ở trên.",
                            "{plan}, {schedule}, {inspection_date}, {inspected_body} are replaced by the fields above.")), None) }
                </>
            }
        }
        REFS => html! { <RefList view={v.clone()} /> },
        RECIPIENTS => html! { <RecipientList view={v.clone()} /> },
        SIGNATURE => {
            let s = &doc.signature;
            let f = |name: &str, value: &str| {
                v.input(
                    &format!("signature/{name}"),
                    signature_label(name, lang),
                    value,
                )
            };
            html! {
                <>
                    { v.field("closing", ctx.t("Câu kết thúc", "Closing sentence"), &doc.closing, true,
                        Some(ctx.t("Văn bản tự thêm “./.” ở cuối.", "The notice adds “./.” at the end.")), None) }
                    { f("authority", &s.authority) }
                    { f("head", &s.head) }
                    { f("position", &s.position) }
                    { f("name", &s.name) }
                </>
            }
        }
        OTHER => html! {
            <>
                { notes(v, &ctx, &doc) }
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
                    out.push(v.input(
                        &format!("part/{}/title", part.id),
                        &format!("{} {}", ctx.t("Tiêu đề phần", "Title of part"), roman(pi)),
                        &part.title,
                    ));
                }
                for (si, s) in part.sections.iter().enumerate() {
                    if part_id == Some(part.id.as_str()) || section_id == Some(s.id.as_str()) {
                        out.push(html! {
                            <section key={s.id.clone()} class="section" aria-labelledby={format!("sh-{}", s.id)}>
                                <h3 id={format!("sh-{}", s.id)}>{ format!("{}.{}", roman(pi), si + 1) }</h3>
                                { v.text(&format!("section/{}/title", s.id), ctx.t("Tiêu đề mục", "Section title"), &s.title) }
                                <BlockList view={v.clone()} list={ListId::Blocks(s.id.clone())} />
                            </section>
                        });
                    }
                }
            }
            html! {
                <>
                    { for out }
                    { notes(v, &ctx, &doc) }
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
fn notes(v: &View, ctx: &Ctx, doc: &Notice) -> Html {
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
                    <h4>{ ctx.t("Chú thích ", "Footnote ") }<code class="token">{ format!("{{fn:{}}}", f.id) }</code></h4>
                    <BlockList view={v.clone()} list={ListId::NoteBlocks(f.id.clone())} />
                </div>
            }) }
        </section>
    }
}

/// A choice among the cited documents (the opening's plan and schedule).
fn ref_select(v: &View, ctx: &Ctx, doc: &Notice, path: &str, label: &str, value: &str) -> Html {
    let onchange = {
        let d = ctx.dispatch.clone();
        let path = path.to_string();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::Edit {
                path: path.clone(),
                value: s.value(),
            })
        })
    };
    let findings = v.by_field.get(path).cloned();
    let shown = findings.is_some() && (v.checked || v.touched.contains(path));
    html! {
        <div class="field">
            <label for={input_id(path)}>{ label }</label>
            <select id={input_id(path)} {onchange}
                aria-describedby={shown.then(|| message_id(path))}>
                <option value="" selected={value.is_empty()}>{ ctx.t("(chưa chọn)", "(none)") }</option>
                { for doc.references.iter().map(|r| html! {
                    <option value={r.id.clone()} selected={r.id == value}>{ citation(r) }</option>
                }) }
            </select>
            if let (true, Some(f)) = (shown, findings) {
                <Messages id={message_id(path)} findings={f} />
            }
        </div>
    }
}
