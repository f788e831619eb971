//! "Hồ sơ cơ quan": the agency profile (`core::profile`) in one modal
//! dialog — the office's names, symbol, place, signer and usual recipients
//! — that every new notice starts from. Opened from the start screen and
//! from the header of a notice (which can hand over its own values).

use super::modal::use_modal;
use super::state::{Action, Banner, Ctx};
use crate::core::field::Field as F;
use crate::core::profile::Profile;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A text of the profile.
type Get = fn(&mut Profile) -> &mut String;

/// The profile's texts, labelled as the notice's own fields are.
const TEXTS: [(F, Get); 8] = [
    (F::ParentBody, |p| &mut p.parent_body),
    (F::Issuer, |p| &mut p.issuer),
    (F::Symbol, |p| &mut p.symbol),
    (F::Place, |p| &mut p.place),
    (F::Authority, |p| &mut p.authority),
    (F::Head, |p| &mut p.head),
    (F::Position, |p| &mut p.position),
    (F::SignerName, |p| &mut p.name),
];

#[derive(Properties, PartialEq)]
pub struct ProfileFormProps {
    /// The notice being written, when there is one: "Lấy từ thông báo này".
    #[prop_or_default]
    pub from_notice: Option<Profile>,
    pub onclose: Callback<()>,
}

#[function_component(ProfileForm)]
pub fn profile_form(p: &ProfileFormProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let dialog = use_node_ref();
    use_modal(&dialog, p.onclose.clone());
    let saved = use_memo((), {
        let page = ctx.page.clone();
        move |_| page.profile()
    });
    let profile = use_state(|| (*saved).clone().unwrap_or_default());
    // Typed text is kept as typed; it is composed (NFC) when saved.
    let texts = TEXTS.iter().map(|(field, get)| {
        let id = format!("profile-{}", field.spec().name.unwrap_or_default());
        let oninput = {
            let profile = profile.clone();
            let get = *get;
            Callback::from(move |e: InputEvent| {
                let value = match e.target_dyn_into::<HtmlTextAreaElement>() {
                    Some(t) => t.value(),
                    None => e.target_unchecked_into::<HtmlInputElement>().value(),
                };
                let mut next = (*profile).clone();
                *get(&mut next) = value;
                profile.set(next);
            })
        };
        let value = get(&mut (*profile).clone()).clone();
        let multiline = matches!(field, F::ParentBody | F::Issuer);
        html! {
            <div class="field" key={id.clone()}>
                <label for={id.clone()}>{ field.spec().label(ctx.lang) }</label>
                if multiline {
                    <textarea id={id} rows="2" lang="vi" {value} {oninput} />
                } else {
                    <input id={id} type="text" lang="vi" {value} {oninput} />
                }
            </div>
        }
    });
    let onrecipients = {
        let profile = profile.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            let mut next = (*profile).clone();
            next.recipients = text.split('\n').map(str::to_string).collect();
            profile.set(next);
        })
    };
    let onsave = {
        let (d, page, profile, onclose) = (
            ctx.dispatch.clone(),
            ctx.page.clone(),
            profile.clone(),
            p.onclose.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let mut p = (*profile).clone();
            p.recipients.retain(|r| !r.trim().is_empty());
            let kept = if p.is_empty() { None } else { Some(p) };
            let banner = match page.save_profile(kept.as_ref()) {
                Ok(()) if kept.is_some() => Banner {
                    vi: "Đã lưu hồ sơ cơ quan: mọi thông báo mới (từ mẫu hoặc thông báo trống) sẽ điền sẵn cơ quan, địa danh, người ký và nơi nhận từ hồ sơ này.".into(),
                    en: "The agency profile is saved: every new notice (from the template or blank) starts with its agency, place, signer and recipients.".into(),
                    error: false,
                },
                Ok(()) => Banner {
                    vi: "Đã xóa hồ sơ cơ quan: thông báo mới bắt đầu từ mẫu.".into(),
                    en: "The agency profile is removed: new notices start from the template.".into(),
                    error: false,
                },
                Err(_) => Banner {
                    vi: "Trình duyệt không cho lưu hồ sơ cơ quan (bộ nhớ bị chặn hoặc đã đầy). Thông báo đang soạn không bị ảnh hưởng.".into(),
                    en: "The browser refused to save the agency profile (storage blocked or full). The notice being written is not affected.".into(),
                    error: true,
                },
            };
            d.dispatch(Action::Message(Some(banner)));
            onclose.emit(());
        })
    };
    let onfrom = p.from_notice.clone().map(|from| {
        let profile = profile.clone();
        Callback::from(move |_: MouseEvent| profile.set(from.clone()))
    });
    let oncancel = {
        let onclose = p.onclose.clone();
        Callback::from(move |_: MouseEvent| onclose.emit(()))
    };
    html! {
        <dialog id="profile-dialog" class="confirm profile" ref={dialog} aria-labelledby="profile-title">
            <h2 id="profile-title">{ ctx.t("Hồ sơ cơ quan", "Agency profile") }</h2>
            <p class="hint">{ ctx.t(
                "Những thông tin giống nhau trong mọi thông báo của cơ quan. Thông báo mới (từ mẫu hoặc thông báo trống) được điền sẵn từ đây; thông báo đã soạn không thay đổi.",
                "What every notice of the office shares. New notices (from the template or blank) start from it; notices already written do not change.") }</p>
            <div class="profile-fields">{ for texts }</div>
            <div class="field">
                <label for="profile-recipients">{ ctx.t("Nơi nhận (mỗi dòng một nơi, dòng “Lưu: VT, …” ở cuối)", "Recipients (one per line, the “Lưu: VT, …” line last)") }</label>
                <textarea id="profile-recipients" rows="5" lang="vi"
                    value={profile.recipients.join("\n")} oninput={onrecipients} />
            </div>
            <div class="confirm-actions">
                <button type="button" id="profile-save" class="primary" onclick={onsave}>{ ctx.t("Lưu hồ sơ", "Save the profile") }</button>
                if let Some(onclick) = onfrom {
                    <button type="button" id="profile-from-notice" {onclick}>{ ctx.t("Lấy từ thông báo đang soạn", "Take from this notice") }</button>
                }
                <button type="button" id="profile-cancel" onclick={oncancel}>{ ctx.t("Hủy", "Cancel") }</button>
            </div>
        </dialog>
    }
}
