//! The inline messages under a field: each finding's text, the values it
//! compared (a chain shows every link with its value), links to the other
//! fields it involves, a one-click suggested fix, and — for a warning — the
//! officer's written reason for accepting it.

use super::state::{Action, Ctx, Doc, Links};
use crate::core::check::{Finding, Severity};
use crate::core::edit::Command;
use crate::core::layout::field_label;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    pub id: AttrValue,
    pub findings: Rc<[Finding]>,
}

#[function_component(Messages)]
pub fn messages(p: &MessagesProps) -> Html {
    html! {
        <div class="messages" id={p.id.clone()}>
            { for p.findings.iter().enumerate().map(|(i, f)| html! {
                <FindingView key={format!("{}-{i}", f.rule)} finding={f.clone()} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FindingProps {
    pub finding: Finding,
}

#[function_component(FindingView)]
pub fn finding_view(p: &FindingProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = use_context::<Doc>();
    let links = use_context::<Links>();
    // The reason being typed, before it is saved with the notice.
    let reason = use_state(|| None::<String>);
    let f = &p.finding;
    let error = f.severity == Severity::Error;
    let (kind, class) = match (error, &f.accepted) {
        (true, _) => (ctx.t("Lỗi", "Error"), "msg error"),
        (false, None) => (ctx.t("Cảnh báo", "Warning"), "msg warning"),
        (false, Some(_)) => (
            ctx.t("Cảnh báo đã chấp nhận", "Accepted warning"),
            "msg accepted",
        ),
    };

    let values = (!f.values.is_empty()).then(|| {
        html! {
            <ul class="values">
                { for f.values.iter().map(|(k, v)| html! { <li>{ k }{ ": " }<strong>{ v }</strong></li> }) }
            </ul>
        }
    });

    let related = (f.fields.len() > 1).then(|| {
        let links = f.fields[1..].iter().map(|path| {
            let label = doc.as_ref().zip(links.as_ref()).map_or_else(
                || path.to_string(),
                |(d, l)| field_label(&d.get(), path, &l.0, ctx.lang),
            );
            let onclick = {
                let d = ctx.dispatch.clone();
                let path = path.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    d.dispatch(Action::Goto(path.clone()));
                })
            };
            html! { <li><a href={format!("#{}", super::state::input_id(path))} {onclick}>{ label }</a></li> }
        });
        html! {
            <div class="related">
                { ctx.t("Liên quan:", "Related:") }
                <ul>{ for links }</ul>
            </div>
        }
    });

    let fix = f.fix.as_ref().map(|fix| {
        let onclick = {
            let d = ctx.dispatch.clone();
            let fix = fix.clone();
            Callback::from(move |_: MouseEvent| d.dispatch(Action::Edit(Command::ApplyFix(fix.clone()))))
        };
        html! {
            <button type="button" class="fix" {onclick}>{ ctx.lang.pick(&fix.label_vi, &fix.label_en) }</button>
        }
    });

    let accept = if error {
        None
    } else if let Some(why) = &f.accepted {
        let onclick = {
            let d = ctx.dispatch.clone();
            let (rule, field) = (f.rule.to_string(), field_name(f));
            Callback::from(move |_: MouseEvent| {
                d.dispatch(Action::Edit(Command::Withdraw {
                    rule: rule.clone(),
                    field: field.clone(),
                }))
            })
        };
        Some(html! {
            <p class="reason">
                { ctx.t("Lý do chấp nhận: ", "Reason for accepting: ") }<q>{ why }</q>{ " " }
                <button type="button" class="link" {onclick}>{ ctx.t("Thôi chấp nhận", "Withdraw") }</button>
            </p>
        })
    } else if let Some(text) = (*reason).clone() {
        let rid = format!("reason-{}-{}", f.rule, field_name(f));
        let oninput = {
            let reason = reason.clone();
            Callback::from(move |e: InputEvent| {
                let t: HtmlTextAreaElement = e.target_unchecked_into();
                reason.set(Some(t.value()));
            })
        };
        let onsave = {
            let d = ctx.dispatch.clone();
            let reason = reason.clone();
            let (rule, field) = (f.rule.to_string(), field_name(f));
            let text = text.clone();
            Callback::from(move |_: MouseEvent| {
                if text.trim().is_empty() {
                    return;
                }
                d.dispatch(Action::Edit(Command::Accept {
                    rule: rule.clone(),
                    field: field.clone(),
                    reason: text.trim().to_string(),
                }));
                reason.set(None);
            })
        };
        let oncancel = {
            let reason = reason.clone();
            Callback::from(move |_: MouseEvent| reason.set(None))
        };
        Some(html! {
            <div class="accept-form">
                <label for={rid.clone()}>{ ctx.t("Lý do giữ nguyên (được lưu cùng thông báo)", "Why it stays as it is (saved with the notice)") }</label>
                <textarea id={rid} rows="2" value={text.clone()} {oninput} />
                <button type="button" onclick={onsave} disabled={text.trim().is_empty()}>{ ctx.t("Lưu lý do", "Save reason") }</button>
                <button type="button" class="link" onclick={oncancel}>{ ctx.t("Hủy", "Cancel") }</button>
            </div>
        })
    } else {
        let onclick = {
            let reason = reason.clone();
            Callback::from(move |_: MouseEvent| reason.set(Some(String::new())))
        };
        Some(html! {
            <button type="button" class="link" {onclick}>{ ctx.t("Chấp nhận cảnh báo…", "Accept this warning…") }</button>
        })
    };

    html! {
        <div class={class}>
            <p><strong class="kind">{ kind }{ ": " }</strong>{ f.message(ctx.lang) }</p>
            { for values }
            { for related }
            <div class="actions">{ for fix }{ for accept }</div>
        </div>
    }
}

/// The field an acceptance is kept under: the finding's first.
fn field_name(f: &Finding) -> String {
    f.field().map(ToString::to_string).unwrap_or_default()
}
