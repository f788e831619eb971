//! The library's back-up: "Sao lưu tất cả" downloads every notice kept in
//! this browser as one JSON file; "Khôi phục từ tệp sao lưu…" merges such a
//! file into the library, never overwriting: a notice already here as it
//! is is skipped, one that differs is kept beside the one here.

use super::state::{Action, Banner, Ctx};
use crate::core::export::{File, Format};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BackupProps {
    /// The library changed (a back-up was merged): read the list again.
    pub onmerged: Callback<()>,
}

#[function_component(Backup)]
pub fn backup(p: &BackupProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let input = use_node_ref();
    let say =
        |d: &UseReducerDispatcher<super::state::State>, vi: String, en: String, error: bool| {
            d.dispatch(Action::Message(Some(Banner { vi, en, error })))
        };
    let onbackup = {
        let (d, page) = (ctx.dispatch.clone(), ctx.page.clone());
        Callback::from(move |_: MouseEvent| {
            let (d, page) = (d.clone(), page.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let file = page.backup().await.ok().map(|text| File {
                    format: Format::Json,
                    name: format!("thong-bao-sao-luu-{}.json", page.today()),
                    mime: "application/json",
                    bytes: text.into_bytes(),
                });
                if file.is_none_or(|f| page.download(&f).is_err()) {
                    say(
                        &d,
                        "Không tạo được tệp sao lưu: trình duyệt không cho đọc kho thông báo hoặc không cho tải tệp về. Hãy thử lại.".into(),
                        "Could not make the back-up: the browser refused to read the library or to download the file. Try again.".into(),
                        true,
                    );
                }
            });
        })
    };
    let onpick = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let onchange = {
        let (d, page, onmerged) = (ctx.dispatch.clone(), ctx.page.clone(), p.onmerged.clone());
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = i.files().and_then(|f| f.get(0)) else {
                return;
            };
            i.set_value("");
            let name = file.name();
            let (d, merging, onmerged) = (d.clone(), page.merge(file), onmerged.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match merging.await {
                    Some((added, both, same)) => {
                        say(
                            &d,
                            format!("Đã khôi phục từ “{name}”: thêm {added} thông báo; {both} thông báo khác với bản đang có được giữ cả hai bản (“(bản sao lưu)”); {same} thông báo đã có sẵn, giữ nguyên."),
                            format!("Restored from “{name}”: {added} notices added; {both} that differ from the ones here kept both (“(bản sao lưu)”); {same} already here, unchanged."),
                            false,
                        );
                        onmerged.emit(());
                    }
                    None => say(
                        &d,
                        format!("Không khôi phục được từ “{name}”: đây không phải tệp sao lưu của thongbao, hoặc trình duyệt không cho ghi. Kho thông báo vẫn giữ nguyên."),
                        format!("Could not restore from “{name}”: it is not a thongbao back-up, or the browser refused to write. The library is unchanged."),
                        true,
                    ),
                }
            });
        })
    };
    html! {
        <p class="lib-backup">
            <button type="button" id="lib-backup" onclick={onbackup}>{ ctx.t("Sao lưu tất cả (tệp JSON)", "Back up all (JSON file)") }</button>
            { " " }
            <button type="button" id="lib-restore-backup" onclick={onpick}>{ ctx.t("Khôi phục từ tệp sao lưu…", "Restore from a back-up…") }</button>
            <input type="file" id="lib-backup-input" ref={input} hidden=true tabindex="-1" aria-hidden="true"
                accept=".json,application/json" {onchange} />
        </p>
    }
}
