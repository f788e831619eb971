//! The message banner at the top: a bad file, storage trouble, a finished
//! notice. Errors are announced (role="alert"), the rest politely.

use super::state::{Action, Banner, Ctx};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BannerViewProps {
    pub banner: Banner,
}

#[function_component(BannerView)]
pub fn banner_view(p: &BannerViewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let onclose = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Message(None)))
    };
    html! {
        <div id="banner" class={classes!("banner", p.banner.error.then_some("error"))}
            role={if p.banner.error { "alert" } else { "status" }}>
            <p>{ p.banner.text(ctx.lang) }</p>
            <button type="button" class="link" onclick={onclose}>{ ctx.t("Đóng", "Close") }</button>
        </div>
    }
}
