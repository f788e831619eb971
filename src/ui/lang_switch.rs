//! The switch between Vietnamese and English: in the toolbar and on the
//! start screen (an officer who reads English finds it before choosing).

use super::state::{Action, Ctx};
use crate::core::lang::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub id: AttrValue,
}

#[function_component(LangSwitch)]
pub fn lang_switch(p: &LangSwitchProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let next = match ctx.lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let onswitch = {
        let (d, page) = (ctx.dispatch.clone(), ctx.page.clone());
        let owns_page = ctx.host.as_ref().is_none_or(|h| h.owns_page());
        Callback::from(move |_: MouseEvent| {
            if owns_page {
                page.save_lang(next);
            }
            d.dispatch(Action::Lang(next))
        })
    };
    // Named in the language it switches to, marked as such for readers.
    html! {
        <button type="button" id={p.id.clone()} class="lang-switch" onclick={onswitch}
            lang={if next == Lang::En { "en" } else { "vi" }}>
            { ctx.t("English", "Tiếng Việt") }
        </button>
    }
}
