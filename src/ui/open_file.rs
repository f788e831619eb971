//! "Mở tệp": a real button that opens the file picker (a hidden file
//! input), reads a JSON file or an HTML notice thongbao exported, and
//! replaces the draft only when the file is good. A bad file gets a clear
//! message and the draft stays as it was. With changes not downloaded yet,
//! it asks first (the in-page dialog, [`super::confirm`]), which offers to
//! download the current draft.

use super::state::{Action, Banner, Ctx, Doc, Pending};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    pub doc: Doc,
    pub dirty: bool,
    /// The button's text (the start screen says more).
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[function_component(OpenFile)]
pub fn open_file(p: &OpenFileProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let input = use_node_ref();
    let onopen = {
        let (input, ctx, dirty) = (input.clone(), ctx.clone(), p.dirty);
        Callback::from(move |_: MouseEvent| {
            if dirty {
                ctx.dispatch.dispatch(Action::Ask(Pending::Open));
                return;
            }
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let onchange = {
        let (d, page) = (ctx.dispatch.clone(), ctx.page.clone());
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = i.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Choosing the same file again must fire `change` again.
            i.set_value("");
            let name = file.name();
            let d = d.clone();
            let reading = page.open(file);
            wasm_bindgen_futures::spawn_local(async move {
                match reading.await {
                    Ok(imported) => d.dispatch(Action::Load {
                        message: Some(Banner::imported(Some(&name), &imported)),
                        notice: Box::new(imported.notice),
                    }),
                    Err(err) => d.dispatch(Action::Message(Some(Banner {
                        vi: format!(
                            "Không mở được tệp “{name}”: {} Bản nháp hiện tại vẫn giữ nguyên.",
                            err.message_vi
                        ),
                        en: format!(
                            "Could not open “{name}”: {} Your current draft is unchanged.",
                            err.message_en
                        ),
                        error: true,
                    }))),
                }
            });
        })
    };
    let label = p
        .label
        .clone()
        .unwrap_or_else(|| AttrValue::from(ctx.t("Mở tệp", "Open file").to_string()));
    html! {
        <>
            <button type="button" id="btn-open" onclick={onopen}>{ label }</button>
            <input type="file" id="file-input" ref={input} hidden=true tabindex="-1"
                aria-hidden="true"
                accept=".json,.html,.htm,.docx,.txt,text/plain,application/json,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document" {onchange} />
        </>
    }
}
