//! The start screen, when there is no draft or after "Tạo mới": new from
//! the template (child protection, its figures and relations), a blank
//! notice for any topic (the structure, no figures), the Chi Lăng 2024
//! sample, a pasted text or a file (JSON, HTML, Word, plain text: what is
//! not thongbao's own is read by `core::import`); back to the draft
//! being edited (after "Tạo mới"); and, when a saved draft was damaged,
//! "Tải bản lưu bị hỏng" to download its raw text.

use super::lang_switch::LangSwitch;
use super::library::Library;
use super::open_file::OpenFile;
use super::paste_text::PasteText;
use super::profile_form::ProfileForm;
use super::state::{Action, Banner, Ctx, Doc};
use crate::core::export::{File, Format};
use crate::core::model::Notice;
use crate::core::samples::{blank, sample, template};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub doc: Doc,
    /// A draft is open ("Tạo mới" led here): offer to go back to it.
    #[prop_or_default]
    pub can_resume: bool,
    /// The library's notice open in the editor, if any.
    #[prop_or_default]
    pub current: Option<std::rc::Rc<str>>,
    /// Saves completed so far (the library's list follows them).
    #[prop_or_default]
    pub saves: u32,
}

#[function_component(Start)]
pub fn start(p: &StartProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    // Starts editing a notice the core makes (template, blank, sample); a
    // new one starts from the agency profile, when there is one.
    let profile = use_state(|| ctx.page.profile());
    let open = |make: fn() -> Notice, new: bool| {
        let (d, page) = (ctx.dispatch.clone(), ctx.page.clone());
        Callback::from(move |_: MouseEvent| {
            let mut notice = make();
            if let (true, Some(p)) = (new, page.profile()) {
                p.apply_to(&mut notice);
            }
            d.dispatch(Action::Load {
                notice: Box::new(notice),
                message: None,
            })
        })
    };
    let (onnew, onblank, onsample) = (open(template, true), open(blank, true), open(sample, false));
    // "Hồ sơ cơ quan": the dialog is open.
    let profiling = use_state(|| false);
    let onprofile = {
        let profiling = profiling.clone();
        Callback::from(move |_: MouseEvent| profiling.set(true))
    };
    let oncloseprofile = {
        let (profiling, profile, page) = (profiling.clone(), profile.clone(), ctx.page.clone());
        Callback::from(move |()| {
            profiling.set(false);
            profile.set(page.profile());
        })
    };
    // "Dán văn bản": the dialog is open.
    let pasting = use_state(|| false);
    let onpaste = {
        let pasting = pasting.clone();
        Callback::from(move |_: MouseEvent| pasting.set(true))
    };
    let onclosepaste = {
        let pasting = pasting.clone();
        Callback::from(move |()| pasting.set(false))
    };
    let onresume = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Resume))
    };
    // The raw text of a damaged saved draft, kept aside at start.
    let broken = ctx.page.broken_draft().is_some();
    let onbroken = {
        let (d, page) = (ctx.dispatch.clone(), ctx.page.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(text) = page.broken_draft() else {
                return;
            };
            let file = File {
                format: Format::Json,
                name: format!("thong-bao-ban-luu-hong-{}.txt", page.today()),
                mime: "text/plain;charset=utf-8",
                bytes: text.into_bytes(),
            };
            if page.download(&file).is_err() {
                d.dispatch(Action::Message(Some(Banner {
                    vi: "Trình duyệt không cho tải tệp về. Hãy thử lại.".into(),
                    en: "The browser refused the download. Try again.".into(),
                    error: true,
                })));
            }
        })
    };
    html! {
        <section class="start" aria-labelledby="start-title">
            <div class="start-lang"><LangSwitch id="btn-lang-start" /></div>
            <h1 id="start-title">{ ctx.t("Soạn thông báo kết quả kiểm tra, giám sát", "Write the notice of an inspection") }</h1>
            <p>{ ctx.t(
                "Soạn thông báo ngay trong trình duyệt, không cần mạng. Mỗi thông báo được tự động lưu trong trình duyệt này; hãy tải tệp JSON về máy để giữ lâu dài.",
                "Write the notice in the browser, no network needed. Each notice is saved automatically in this browser; download the JSON file to keep it for good.") }</p>
            <div class="start-actions">
                <button type="button" id="btn-new" class="primary" onclick={onnew}>{ ctx.t("Tạo mới từ mẫu (bảo vệ trẻ em)", "New from the template (child protection)") }</button>
                <button type="button" id="btn-blank" onclick={onblank}>{ ctx.t("Thông báo trống (mọi lĩnh vực)", "Blank notice (any topic)") }</button>
                <button type="button" id="btn-sample" onclick={onsample}>{ ctx.t("Mở mẫu Chi Lăng 2024", "Open the Chi Lăng 2024 sample") }</button>
                <button type="button" id="btn-paste" onclick={onpaste}>{ ctx.t("Dán văn bản…", "Paste a notice…") }</button>
                <OpenFile doc={p.doc.clone()} dirty={false}
                    label={AttrValue::from(ctx.t("Mở tệp đã lưu…", "Open a saved file…").to_string())} />
                <button type="button" id="btn-profile" onclick={onprofile}>{ ctx.t("Hồ sơ cơ quan…", "Agency profile…") }</button>
                if p.can_resume {
                    <button type="button" id="btn-resume" onclick={onresume}>{ ctx.t("Quay lại bản đang soạn", "Back to the current draft") }</button>
                }
            </div>
            if let Some(pr) = &*profile {
                <p id="profile-note" class="hint">
                    { ctx.t("Thông báo mới được điền sẵn từ hồ sơ cơ quan: ", "New notices start from the agency profile: ") }
                    <strong>{ pr.issuer.replace('\n', " ") }</strong>
                </p>
            }
            if broken {
                <p class="broken-draft">
                    { ctx.t("Bản nháp cũ bị hỏng được giữ riêng trong trình duyệt.", "The damaged old draft is kept aside in this browser.") }
                    { " " }
                    <button type="button" id="btn-broken" onclick={onbroken}>{ ctx.t("Tải bản lưu bị hỏng", "Download the damaged copy") }</button>
                </p>
            }
            if *profiling {
                <ProfileForm onclose={oncloseprofile} />
            }
            if ctx.page.library() {
                <Library current={p.current.clone()} saves={p.saves} />
            }
            if *pasting {
                <PasteText onclose={onclosepaste} />
            }
        </section>
    }
}
