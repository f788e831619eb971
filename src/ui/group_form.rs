//! The form panel of the group chosen in the navigation: every field of that
//! part of the notice, its lists, its footnotes and its figures.

use super::add_button::AddButton;
use super::block_list::BlockList;
use super::figure_list::FigureList;
use super::item_controls::ItemControls;
use super::messages::Messages;
use super::profile_form::ProfileForm;
use super::recipient_list::RecipientList;
use super::ref_list::{ref_fields, RefList};
use super::state::{input_id, message_id, Action, Ctx, Links};
use super::view::View;
use crate::core::edit::{Command, List, ListOp};
use crate::core::field::{Field as F, FieldPath};
use crate::core::layout::{
    part_name, section_name, HEADER, OPENING, OTHER, RECIPIENTS, REFS, SIGNATURE,
};
use crate::core::model::Notice;
use crate::core::outline::outline;
use crate::core::profile::Profile;
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

    // "Hồ sơ cơ quan…" from the header: the dialog is open.
    let profiling = use_state(|| false);
    let f = |field: F, value: &str| v.input(field.path(), lang, value);
    let body = match group {
        HEADER => {
            let h = &doc.header;
            let onprofile = {
                let profiling = profiling.clone();
                Callback::from(move |_: MouseEvent| profiling.set(true))
            };
            let onclose = {
                let profiling = profiling.clone();
                Callback::from(move |()| profiling.set(false))
            };
            html! {
                <>
                    <p class="profile-link">
                        <button type="button" id="btn-profile-editor" class="link" onclick={onprofile}>{ ctx.t("Hồ sơ cơ quan…", "Agency profile…") }</button>
                        { ctx.t(" (cơ quan, địa danh, người ký, nơi nhận dùng cho mọi thông báo mới)", " (agency, place, signer, recipients for every new notice)") }
                    </p>
                    if *profiling {
                        <ProfileForm from_notice={Some(Profile::of(&doc))} {onclose} />
                    }
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
                { unused_notes(v, &ctx, &doc) }
                <FigureList view={v.clone()} />
            </>
        },
        g => {
            let (part_id, section_id) = match (g.strip_prefix("part:"), g.strip_prefix("sec:")) {
                (Some(p), _) => (Some(p), None),
                (_, Some(s)) => (None, Some(s)),
                _ => (None, None),
            };
            let outline = outline(&doc);
            let group = AttrValue::from(v.group.clone());
            let mut out = Vec::new();
            let parts = doc.parts.len();
            // A section moves past its part's ends into the next part: its
            // buttons are disabled only at the body's ends.
            let all_sections: usize = doc.parts.iter().map(|p| p.sections.len()).sum();
            let mut before = 0;
            for (pi, part) in doc.parts.iter().enumerate() {
                let r = part_name(outline.parts[pi]);
                let first_section = part.sections.first().map(|s| s.id.as_str());
                let show_part = part_id == Some(part.id.as_str())
                    || (section_id.is_some() && section_id == first_section);
                if show_part {
                    let path = F::PartTitle.of(&part.id);
                    let label = format!("{} {r}", path.field.spec().label(lang));
                    let name = format!("{} {r}", ctx.t("phần", "part"));
                    let add = format!(
                        "{} {name}",
                        ctx.t("Thêm phần mới sau", "Add a new part after")
                    );
                    out.push(html! {
                        <div key={format!("part-{}", part.id)} class="structure part-head">
                            { v.labelled(path, &label, &part.title, lang) }
                            <ItemControls list={List::Parts} id={AttrValue::from(part.id.clone())}
                                index={pi} len={parts} name={AttrValue::from(name)}
                                group={group.clone()} add_label={AttrValue::from(add)} />
                        </div>
                    });
                }
                let count = part.sections.len();
                for (si, s) in part.sections.iter().enumerate() {
                    if part_id == Some(part.id.as_str()) || section_id == Some(s.id.as_str()) {
                        let place = outline.sections[pi][si];
                        let no = format!("{r}.{}", section_name(place));
                        let name = format!("{} {no}", ctx.t("mục", "section"));
                        let add = format!(
                            "{} {name}",
                            ctx.t("Thêm mục mới sau", "Add a new section after")
                        );
                        out.push(html! {
                            <section key={s.id.clone()} class="section" aria-labelledby={format!("sh-{}", s.id)}>
                                <div class="structure">
                                    <h3 id={format!("sh-{}", s.id)}>{ format!("{} {no}", ctx.t("Mục", "Section")) }</h3>
                                    <ItemControls list={List::Sections(part.id.clone())}
                                        id={AttrValue::from(s.id.clone())} index={before + si} len={all_sections}
                                        name={AttrValue::from(name)} group={group.clone()}
                                        add_label={AttrValue::from(add)} />
                                </div>
                                { v.input(F::SectionTitle.of(&s.id), lang, &s.title) }
                                if !place.printed() {
                                    <p class="hint">{ ctx.t(
                                        "Mục này chưa có tiêu đề và nội dung nên không được in.",
                                        "This section has no title and no text yet, so it is not printed.") }</p>
                                }
                                <BlockList view={v.clone()} list={List::Blocks(s.id.clone())} />
                            </section>
                        });
                    }
                }
                before += count;
                if part_id == Some(part.id.as_str()) {
                    let label = format!(
                        "{} {r}",
                        ctx.t("Thêm mục vào phần", "Add a section to part")
                    );
                    out.push(html! {
                        <div key={format!("add-{}", part.id)}>
                            <AddButton list={List::Sections(part.id.clone())} group={group.clone()}
                                label={AttrValue::from(label)} />
                        </div>
                    });
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

/// The footnotes no sentence refers to yet: written, removed, and added
/// here (a sentence then cites one through the picker, "Chèn…").
fn unused_notes(v: &View, ctx: &Ctx, doc: &Notice) -> Html {
    let shown: Vec<_> = doc
        .footnotes
        .iter()
        .filter(|f| v.groups.note_in(&f.id, &v.group))
        .collect();
    let group = AttrValue::from(v.group.clone());
    html! {
        <section class="notes" aria-labelledby="notes-heading">
            <h3 id="notes-heading">{ ctx.t("Chú thích chưa gắn vào câu nào", "Footnotes no sentence refers to yet") }</h3>
            <p class="hint">{ ctx.t(
                "Chú thích chỉ được in khi có một câu trong văn bản dẫn đến nó (đặt dấu chú thích vào câu).",
                "A footnote prints only once a sentence of the notice refers to it (put its marker in the sentence).") }</p>
            { for shown.iter().enumerate().map(|(i, f)| {
                let onremove = {
                    let d = ctx.dispatch.clone();
                    let (id, group) = (f.id.clone(), v.group.clone());
                    Callback::from(move |_: MouseEvent| d.dispatch(Action::List {
                        list: List::Footnotes,
                        op: ListOp::Remove(id.clone()),
                        group: group.clone(),
                    }))
                };
                let name = format!("{} {}", ctx.t("chú thích chưa gắn", "unattached footnote"), i + 1);
                html! {
                    <div key={f.id.clone()} class="note">
                        <div class="structure">
                            <h4>{ ctx.t("Chú thích chưa gắn ", "Unattached footnote ") }{ i + 1 }</h4>
                            <button type="button" class="icon danger" id={format!("remove-{}", f.id)} onclick={onremove}
                                aria-label={format!("{} {name}", ctx.t("Xóa", "Remove"))}>{ "✕" }</button>
                        </div>
                        <BlockList view={v.clone()} list={List::NoteBlocks(f.id.clone())} />
                    </div>
                }
            }) }
            if shown.is_empty() {
                <p class="hint">{ ctx.t("Chú thích nào cũng đã được dẫn trong văn bản.", "Every footnote is referred to in the text.") }</p>
            }
            <AddButton list={List::Footnotes} {group}
                label={AttrValue::from(ctx.t("Thêm chú thích", "Add a footnote").to_string())} />
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
    // What a new document of this choice is (the plan is a Kế hoạch, the
    // schedule a Thông báo): the officer fills in its number, date and issuer.
    let (kind, add_vi, add_en) = match path.field {
        F::Schedule => ("Thông báo", "Thêm thông báo mới", "Add a new notice"),
        _ => ("Kế hoạch", "Thêm kế hoạch mới", "Add a new plan"),
    };
    let onadd = {
        let d = ctx.dispatch.clone();
        let path = path.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Edit(Command::CiteNew {
                path: path.clone(),
                kind: kind.to_string(),
            }))
        })
    };
    let findings = v.by_field.get(&path).cloned();
    let shown = findings.is_some() && v.shows(&path);
    let chosen = doc.references.iter().find(|r| r.id == value);
    let details = chosen.map(|r| {
        html! {
            <fieldset class="cited" key={r.id.clone()}>
                <legend>{ format!("{} {}", ctx.t("Chi tiết:", "Details:"), label.to_lowercase()) }</legend>
                { ref_fields(v, ctx, r) }
            </fieldset>
        }
    });
    html! {
        <div class="field ref-choice">
            <label for={input_id(&path)}>{ label }</label>
            <div class="choose">
                <select id={input_id(&path)} {onchange}
                    aria-describedby={shown.then(|| message_id(&path))}>
                    <option value="" selected={value.is_empty()}>{ ctx.t("(chưa chọn)", "(none)") }</option>
                    { for doc.references.iter().map(|r| html! {
                        <option value={r.id.clone()} selected={r.id == value}>{ citation(r) }</option>
                    }) }
                </select>
                <button type="button" id={format!("new-{}", input_id(&path))} onclick={onadd}>{ ctx.t(add_vi, add_en) }</button>
            </div>
            if let (true, Some(f)) = (shown, findings) {
                <Messages id={message_id(&path)} findings={f} />
            }
            { for details }
        </div>
    }
}
