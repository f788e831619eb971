//! The start screen, when there is no draft: new from the template, the
//! Chi Lăng 2024 sample, or a file.

use super::open_file::OpenFile;
use super::state::{Action, Ctx, Doc};
use crate::core::samples::{sample, template};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub doc: Doc,
}

#[function_component(Start)]
pub fn start(p: &StartProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let onnew = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Load {
                notice: Box::new(template()),
                message: None,
            })
        })
    };
    let onsample = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Load {
                notice: Box::new(sample()),
                message: None,
            })
        })
    };
    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{ ctx.t("Soạn thông báo kết quả kiểm tra, giám sát", "Write the notice of an inspection") }</h1>
            <p>{ ctx.t(
                "Soạn thông báo ngay trong trình duyệt, không cần mạng. Bản nháp được tự động lưu trong trình duyệt này; hãy tải tệp JSON về máy để giữ lâu dài.",
                "Write the notice in the browser, no network needed. The draft is saved automatically in this browser; download the JSON file to keep it for good.") }</p>
            <div class="start-actions">
                <button type="button" id="btn-new" class="primary" onclick={onnew}>{ ctx.t("Tạo mới từ mẫu", "New from the template") }</button>
                <button type="button" id="btn-sample" onclick={onsample}>{ ctx.t("Mở mẫu Chi Lăng 2024", "Open the Chi Lăng 2024 sample") }</button>
                <OpenFile doc={p.doc.clone()} dirty={false}
                    label={AttrValue::from(ctx.t("Mở tệp đã lưu…", "Open a saved file…").to_string())} />
            </div>
        </section>
    }
}
