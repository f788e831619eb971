//! Another tab saved the same draft: no silent overwrite. The banner asks
//! which version to keep; autosave pauses until the officer answers.

use super::state::{Action, Banner, Ctx};
use crate::core::json::import;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OtherTabProps {
    /// The other tab's draft, as it saved it.
    pub text: Rc<str>,
}

#[function_component(OtherTab)]
pub fn other_tab(p: &OtherTabProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let ontheirs = {
        let (d, text) = (ctx.dispatch.clone(), p.text.clone());
        Callback::from(move |_: MouseEvent| match import(&text) {
            Ok(notice) => d.dispatch(Action::Theirs(Box::new(notice))),
            Err(e) => {
                d.dispatch(Action::KeepMine);
                d.dispatch(Action::Message(Some(Banner {
                    vi: format!(
                        "Bản nháp của thẻ kia không đọc được ({}): giữ bản của bạn.",
                        e.message_vi
                    ),
                    en: format!(
                        "The other tab's draft cannot be read ({}): keeping yours.",
                        e.message_en
                    ),
                    error: true,
                })));
            }
        })
    };
    let onmine = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::KeepMine))
    };
    html! {
        <div id="other-tab" class="banner error" role="alert">
            <p>
                <strong>{ ctx.t("Bản nháp vừa được sửa ở một thẻ khác.", "The draft was just changed in another tab.") }</strong>
                { " " }
                { ctx.t(
                    "Việc tự động lưu đang tạm dừng để không ghi đè lên bản đó. Chọn bản muốn giữ:",
                    "Autosave is paused so that it does not overwrite that version. Choose the one to keep:") }
            </p>
            <button type="button" id="btn-theirs" onclick={ontheirs}>{ ctx.t("Tải bản của thẻ kia", "Load the other tab's version") }</button>
            <button type="button" id="btn-mine" onclick={onmine}>{ ctx.t("Giữ bản của tôi", "Keep mine") }</button>
        </div>
    }
}
