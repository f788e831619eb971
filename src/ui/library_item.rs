//! One notice in "Thông báo của tôi": its name (or subject), inspected
//! body, date, state, last edited, its counts of errors and warnings, and
//! what can be done with it (open, rename, duplicate, next year's notice,
//! versions, delete).

use super::state::Ctx;
use crate::core::library::Entry;
use crate::core::model::Status;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LibraryItemProps {
    pub entry: Entry,
    /// When it was last edited, as the officer reads it.
    pub edited: AttrValue,
    /// It is the notice open in the editor (it cannot be deleted from here).
    pub current: bool,
    pub onopen: Callback<String>,
    pub onrename: Callback<(String, String)>,
    pub onduplicate: Callback<String>,
    pub onnextyear: Callback<String>,
    pub onversions: Callback<String>,
    pub onremove: Callback<String>,
}

#[function_component(LibraryItem)]
pub fn library_item(p: &LibraryItemProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let e = &p.entry;
    let renaming = use_state(|| false);
    let input = use_node_ref();
    let act = |cb: &Callback<String>| {
        let (cb, id) = (cb.clone(), e.id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let (onopen, onduplicate, onnextyear, onversions, onremove) = (
        act(&p.onopen),
        act(&p.onduplicate),
        act(&p.onnextyear),
        act(&p.onversions),
        act(&p.onremove),
    );
    let onrename = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(true))
    };
    let oncancel = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(false))
    };
    let onsubmit = {
        let (renaming, input, cb, id) = (
            renaming.clone(),
            input.clone(),
            p.onrename.clone(),
            e.id.clone(),
        );
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(i) = input.cast::<HtmlInputElement>() {
                cb.emit((id.clone(), i.value().trim().to_string()));
            }
            renaming.set(false);
        })
    };
    let status = match e.status {
        Status::Draft => ctx.t("Dự thảo", "Draft"),
        Status::Signing => ctx.t("Trình ký", "For signing"),
        Status::Issued => ctx.t("Ban hành", "Issued"),
    };
    let title_id = format!("lib-title-{}", e.id);
    let untitled = ctx.t("(chưa có trích yếu)", "(no subject yet)");
    let title = if e.title().is_empty() {
        untitled
    } else {
        e.title()
    };
    let counts = format!(
        "{} {}, {} {}",
        e.errors,
        ctx.t("lỗi", if e.errors == 1 { "error" } else { "errors" }),
        e.warnings,
        ctx.t(
            "cảnh báo",
            if e.warnings == 1 {
                "warning"
            } else {
                "warnings"
            }
        )
    );
    let mut meta: Vec<String> = Vec::new();
    if !e.body.is_empty() {
        meta.push(e.body.clone());
    }
    if !e.date.is_empty() {
        meta.push(format!("{} {}", ctx.t("ngày", "dated"), e.date));
    }
    meta.push(status.to_string());
    meta.push(format!(
        "{} {}",
        ctx.t("sửa lần cuối", "last edited"),
        p.edited
    ));
    meta.push(counts);
    html! {
        <li class={classes!("lib-item", p.current.then_some("current"))} id={format!("lib-{}", e.id)}>
            <h3 class="lib-title" id={title_id.clone()}>
                <button type="button" class="link" id={format!("lib-open-{}", e.id)} onclick={onopen}>{ title }</button>
                if p.current {
                    { " " }<span class="lib-current">{ ctx.t("(đang mở)", "(open now)") }</span>
                }
            </h3>
            if e.name.is_some() && !e.subject.is_empty() {
                <p class="lib-subject">{ &e.subject }</p>
            }
            <p class="lib-meta">{ meta.join(" · ") }</p>
            if *renaming {
                <form class="lib-rename" onsubmit={onsubmit}>
                    <label for={format!("lib-name-{}", e.id)}>{ ctx.t("Tên trong danh sách", "Name in the list") }</label>
                    <input id={format!("lib-name-{}", e.id)} ref={input} type="text" value={e.name.clone().unwrap_or_else(|| e.subject.clone())} />
                    <button type="submit" id={format!("lib-name-save-{}", e.id)}>{ ctx.t("Lưu tên", "Save the name") }</button>
                    <button type="button" onclick={oncancel}>{ ctx.t("Huỷ", "Cancel") }</button>
                </form>
            } else {
                <div class="lib-actions" role="group" aria-labelledby={title_id}>
                    <button type="button" id={format!("lib-rename-{}", e.id)} onclick={onrename}>{ ctx.t("Đổi tên", "Rename") }</button>
                    <button type="button" id={format!("lib-copy-{}", e.id)} onclick={onduplicate}>{ ctx.t("Nhân bản", "Duplicate") }</button>
                    <button type="button" id={format!("lib-next-{}", e.id)} onclick={onnextyear}>{ ctx.t("Tạo từ thông báo cũ (năm sau)", "Start next year's from it") }</button>
                    <button type="button" id={format!("lib-versions-{}", e.id)} onclick={onversions}>{ ctx.t("Các bản đã lưu", "Saved versions") }</button>
                    if !p.current {
                        <button type="button" id={format!("lib-remove-{}", e.id)} onclick={onremove}>{ ctx.t("Xoá", "Delete") }</button>
                    }
                </div>
            }
        </li>
    }
}
