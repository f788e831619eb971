//! The error summary (the GOV.UK pattern): shown after "Kiểm tra" or a
//! blocked "Hoàn tất", at the top of the form, focused, listing every
//! finding as a link that opens the field's group and focuses the field.

use super::state::{input_id, severity_class, Action, Ctx, Doc, Links};
use crate::core::check::{counts, Finding, Mode, Severity};
use crate::core::layout::summary_entry;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub doc: Doc,
    pub findings: Rc<Vec<Finding>>,
    pub mode: Mode,
}

#[function_component(Summary)]
pub fn summary(p: &SummaryProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let doc = p.doc.get();
    let links = use_context::<Links>().expect("Links");
    let (errors, warnings) = counts(&p.findings);
    let onclose = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::CloseSummary))
    };
    let title = match (errors, warnings) {
        (0, 0) => ctx
            .t("Không có lỗi hay cảnh báo nào", "No errors or warnings")
            .to_string(),
        (e, 0) => format!(
            "{} {e} {}",
            ctx.t("Có", "There are"),
            ctx.t(
                "lỗi cần sửa",
                if e == 1 {
                    "error to fix"
                } else {
                    "errors to fix"
                }
            )
        ),
        (0, w) => format!(
            "{} {w} {}",
            ctx.t("Có", "There are"),
            ctx.t(
                "cảnh báo cần xem lại",
                if w == 1 {
                    "warning to review"
                } else {
                    "warnings to review"
                }
            )
        ),
        (e, w) => format!(
            "{} {e} {} {w} {}",
            ctx.t("Có", "There are"),
            ctx.t("lỗi và", if e == 1 { "error and" } else { "errors and" }),
            ctx.t("cảnh báo", if w == 1 { "warning" } else { "warnings" })
        ),
    };
    let blocked = p.mode != Mode::Draft && errors > 0;
    let mut sorted: Vec<&Finding> = p.findings.iter().filter(|f| f.accepted.is_none()).collect();
    sorted.sort_by_key(|f| f.severity != Severity::Error);
    let items = sorted.iter().enumerate().map(|(i, f)| {
        let path = f.field().cloned();
        let onclick = {
            let d = ctx.dispatch.clone();
            let path = path.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                if let Some(path) = &path {
                    d.dispatch(Action::Goto(path.clone()))
                }
            })
        };
        let href = path.as_ref().map(|p| format!("#{}", input_id(p)));
        let path = path.map(|p| p.to_string()).unwrap_or_default();
        let (label, message) = summary_entry(&doc, f, &links.0, ctx.lang);
        let kind = if f.severity == Severity::Error {
            ctx.t("Lỗi", "Error")
        } else {
            ctx.t("Cảnh báo", "Warning")
        };
        html! {
            <li key={format!("{}-{path}-{i}", f.rule)} class={severity_class(f.severity)}>
                <a {href} {onclick}>
                    <span class="kind">{ kind }{ " · " }</span>
                    if let Some(label) = label {
                        <span class="label">{ label }{ ": " }</span>
                    }
                    { message }
                </a>
            </li>
        }
    });
    let class = if errors > 0 {
        "error-summary"
    } else {
        "error-summary ok"
    };
    html! {
        <div class={class} id="error-summary" tabindex="-1"
            role={if errors + warnings > 0 { "alert" } else { "status" }}
            aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{ title }</h2>
            if blocked && p.mode == Mode::Issued {
                <p>{ ctx.t("Chưa thể ban hành: hãy sửa các lỗi dưới đây (thông báo ban hành phải có số và ngày).",
                    "Cannot issue yet: fix the errors below (an issued notice has its number and day).") }</p>
            } else if blocked {
                <p>{ ctx.t("Chưa thể hoàn tất bản trình ký: hãy sửa các lỗi dưới đây. Bản dự thảo vẫn tải về được.",
                    "Cannot make the copy for signing yet: fix the errors below. The draft can still be downloaded.") }</p>
            }
            <ul>{ for items }</ul>
            <button type="button" class="link" onclick={onclose}>{ ctx.t("Ẩn danh sách", "Hide this list") }</button>
        </div>
    }
}
