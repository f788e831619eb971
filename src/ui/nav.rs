//! The navigation by group, as the notice is laid out, with each group's
//! count of errors and of warnings not yet accepted.

use super::state::{Action, Ctx};
use crate::core::layout::Groups;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub groups: Rc<Groups>,
    pub current: AttrValue,
    /// (errors, warnings) by group id.
    pub counts: Rc<HashMap<String, (usize, usize)>>,
}

#[function_component(Nav)]
pub fn nav(p: &NavProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let items = p.groups.list.iter().map(|g| {
        let (e, w) = p.counts.get(&g.id).copied().unwrap_or((0, 0));
        let current = p.current.as_str() == g.id;
        let onclick = {
            let d = ctx.dispatch.clone();
            let id = g.id.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                d.dispatch(Action::Group(id.clone()))
            })
        };
        let mut said = Vec::new();
        if e > 0 {
            said.push(format!(
                "{e} {}",
                ctx.t("lỗi", if e == 1 { "error" } else { "errors" })
            ));
        }
        if w > 0 {
            said.push(format!(
                "{w} {}",
                ctx.t("cảnh báo", if w == 1 { "warning" } else { "warnings" })
            ));
        }
        html! {
            <li key={g.id.clone()}>
                <a href={format!("#group-{}", g.id)} id={format!("nav-{}", g.id)} {onclick}
                    class={classes!(current.then_some("current"))}
                    aria-current={current.then_some("true")}
                    title={g.title(ctx.lang).to_string()}>
                    <span class="nav-name">{ g.short(ctx.lang) }</span>
                    if e > 0 {
                        <span class="badge error" aria-hidden="true">{ e }</span>
                    }
                    if w > 0 {
                        <span class="badge warning" aria-hidden="true">{ w }</span>
                    }
                    if !said.is_empty() {
                        <span class="visually-hidden">{ format!(" ({})", said.join(", ")) }</span>
                    }
                </a>
            </li>
        }
    });
    html! {
        <nav class="groups" aria-label={ctx.t("Các phần của thông báo", "Parts of the notice")}>
            <ol>{ for items }</ol>
        </nav>
    }
}
