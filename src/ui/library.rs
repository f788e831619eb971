//! "Thông báo của tôi": every notice kept in this browser (the library),
//! the last edited first, with a search by words (case and Vietnamese
//! marks ignored: "chi lang" finds "Chi Lăng"). Open, rename, duplicate,
//! start next year's notice from one ("Tạo từ thông báo cũ"), its saved
//! versions (restore one), delete with "Hoàn tác" for a few seconds.

use super::backup::Backup;
use super::library_item::LibraryItem;
use super::state::{Action, Banner, Ctx};
use crate::core::json::import;
use crate::core::library::{next_year, Entry};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How long "Hoàn tác" stays offered after a delete.
const UNDO_MS: u32 = 10_000;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// The notice open in the editor, if any.
    #[prop_or_default]
    pub current: Option<Rc<str>>,
    /// Saves completed so far: the list is read again after each (the
    /// notice just left is saved as the list opens).
    #[prop_or_default]
    pub saves: u32,
}

/// The versions of one notice being shown: its id, its title, the times.
#[derive(Clone, PartialEq)]
struct Versions {
    id: String,
    title: String,
    times: Rc<Vec<f64>>,
}

#[function_component(Library)]
pub fn library(p: &LibraryProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    // None while the list is read; Err when the browser refused.
    let entries = use_state(|| None::<Result<Rc<Vec<Entry>>, ()>>);
    let generation = use_state(|| 0u32);
    let query = use_state(String::new);
    let removed = use_state(|| None::<Entry>);
    let versions = use_state(|| None::<Versions>);
    {
        let (entries, page) = (entries.clone(), ctx.page.clone());
        use_effect_with((*generation, p.saves), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let list = page.list().await;
                entries.set(Some(list.map(Rc::new).map_err(|_| ())));
            });
        });
    }
    // "Hoàn tác" goes after a few seconds.
    {
        let removed = removed.clone();
        use_effect_with(removed.as_ref().map(|e| e.id.clone()), move |id| {
            let timer = id
                .as_ref()
                .map(|_| Timeout::new(UNDO_MS, move || removed.set(None)));
            move || drop(timer)
        });
    }
    let refresh = {
        let generation = generation.clone();
        move || generation.set(*generation + 1)
    };
    let failed = |d: &UseReducerDispatcher<super::state::State>| {
        d.dispatch(Action::Message(Some(Banner {
            vi: "Trình duyệt không cho đọc hoặc ghi kho thông báo. Những gì đã lưu vẫn còn nguyên; hãy thử lại.".into(),
            en: "The browser refused to read or write the library. Nothing saved was lost; try again.".into(),
            error: true,
        })))
    };
    // Opens a notice's saved text through `then` (the notice, its entry).
    let with_notice = {
        let (page, d, entries) = (ctx.page.clone(), ctx.dispatch.clone(), entries.clone());
        move |id: String, then: Rc<dyn Fn(crate::core::model::Notice, Entry)>| {
            let (page, d) = (page.clone(), d.clone());
            let entry = match &*entries {
                Some(Ok(l)) => l.iter().find(|e| e.id == id).cloned(),
                _ => None,
            };
            wasm_bindgen_futures::spawn_local(async move {
                let Some(entry) = entry else { return };
                match page.load(&id).await.ok().map(|t| import(&t)) {
                    Some(Ok(notice)) => then(notice, entry),
                    _ => failed(&d),
                }
            });
        }
    };
    let onopen = {
        let (with, d) = (with_notice.clone(), ctx.dispatch.clone());
        Callback::from(move |id: String| {
            let d = d.clone();
            with(
                id.clone(),
                Rc::new(move |notice, entry: Entry| {
                    d.dispatch(Action::Open {
                        id: Rc::from(entry.id.as_str()),
                        notice: Box::new(notice),
                        dirty: entry.dirty,
                        message: None,
                    })
                }),
            )
        })
    };
    // A copy (as it is, or next year's) becomes a new notice of the list.
    let copy = |next: bool| {
        let (with, d) = (with_notice.clone(), ctx.dispatch.clone());
        Callback::from(move |id: String| {
            let d = d.clone();
            with(
                id,
                Rc::new(move |notice, entry: Entry| {
                    let (notice, vi, en) = if next {
                        (
                            next_year(&notice),
                            format!("Đã tạo thông báo năm sau từ “{}”: số liệu, số và ngày của thông báo để trống, năm đã chuyển sang năm sau.", entry.title()),
                            format!("Started next year's notice from “{}”: figures, number and day left blank, the year moved on.", entry.title()),
                        )
                    } else {
                        (
                            notice,
                            format!(
                                "Đã nhân bản “{}”: đây là bản sao, bản gốc vẫn giữ nguyên.",
                                entry.title()
                            ),
                            format!(
                                "Duplicated “{}”: this is the copy, the original is unchanged.",
                                entry.title()
                            ),
                        )
                    };
                    d.dispatch(Action::Load {
                        notice: Box::new(notice),
                        message: Some(Banner {
                            vi,
                            en,
                            error: false,
                        }),
                    })
                }),
            )
        })
    };
    let (onduplicate, onnextyear) = (copy(false), copy(true));
    let onrename = {
        let (page, d, refresh) = (ctx.page.clone(), ctx.dispatch.clone(), refresh.clone());
        Callback::from(move |(id, name): (String, String)| {
            let (page, d, refresh) = (page.clone(), d.clone(), refresh.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match page.rename(&id, &name).await {
                    Ok(()) => refresh(),
                    Err(_) => failed(&d),
                }
            });
        })
    };
    let onremove = {
        let (page, d, refresh, removed, entries) = (
            ctx.page.clone(),
            ctx.dispatch.clone(),
            refresh.clone(),
            removed.clone(),
            entries.clone(),
        );
        Callback::from(move |id: String| {
            let (page, d, refresh, removed) =
                (page.clone(), d.clone(), refresh.clone(), removed.clone());
            let entry = match &*entries {
                Some(Ok(l)) => l.iter().find(|e| e.id == id).cloned(),
                _ => None,
            };
            wasm_bindgen_futures::spawn_local(async move {
                match page.remove(&id, false).await {
                    Ok(()) => {
                        removed.set(entry);
                        refresh();
                    }
                    Err(_) => failed(&d),
                }
            });
        })
    };
    let onundo = {
        let (page, d, refresh, removed) = (
            ctx.page.clone(),
            ctx.dispatch.clone(),
            refresh.clone(),
            removed.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(e) = (*removed).clone() else { return };
            let (page, d, refresh, removed) =
                (page.clone(), d.clone(), refresh.clone(), removed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match page.remove(&e.id, true).await {
                    Ok(()) => {
                        removed.set(None);
                        refresh();
                    }
                    Err(_) => failed(&d),
                }
            });
        })
    };
    let onversions = {
        let (page, d, versions, entries) = (
            ctx.page.clone(),
            ctx.dispatch.clone(),
            versions.clone(),
            entries.clone(),
        );
        Callback::from(move |id: String| {
            let (page, d, versions) = (page.clone(), d.clone(), versions.clone());
            let title = match &*entries {
                Some(Ok(l)) => l
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.title().to_string())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            wasm_bindgen_futures::spawn_local(async move {
                match page.versions(&id).await {
                    Ok(times) => versions.set(Some(Versions {
                        id,
                        title,
                        times: Rc::new(times),
                    })),
                    Err(_) => failed(&d),
                }
            });
        })
    };
    let onclose = {
        let versions = versions.clone();
        Callback::from(move |_: MouseEvent| versions.set(None))
    };
    let onquery = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let restore = |id: String, at: f64| {
        let (page, d) = (ctx.page.clone(), ctx.dispatch.clone());
        let when = ctx.page.when(at);
        Callback::from(move |_: MouseEvent| {
            let (page, d, id, when) = (page.clone(), d.clone(), id.clone(), when.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match page.version(&id, at).await.ok().map(|t| import(&t)) {
                    Some(Ok(notice)) => d.dispatch(Action::Restore {
                        id: Rc::from(id.as_str()),
                        notice: Box::new(notice),
                        message: Banner {
                            vi: format!("Đã khôi phục bản lưu lúc {when}. Bản trước khi khôi phục được giữ trong các bản đã lưu."),
                            en: format!("Restored the version saved at {when}. The state before it is kept among the saved versions."),
                            error: false,
                        },
                    }),
                    _ => failed(&d),
                }
            });
        })
    };

    let list = match &*entries {
        None => {
            html! { <p class="lib-empty">{ ctx.t("Đang đọc danh sách…", "Reading the list…") }</p> }
        }
        Some(Err(())) => html! {
            <p class="lib-empty">{ ctx.t(
                "Trình duyệt không cho đọc kho thông báo (bộ nhớ bị chặn). Hãy mở tệp JSON đã tải về.",
                "The browser refused to read the library (storage blocked). Open a JSON file you downloaded.") }</p>
        },
        Some(Ok(all)) if all.is_empty() => html! {
            <p class="lib-empty">{ ctx.t("Chưa có thông báo nào được lưu trong trình duyệt này.", "No notice is kept in this browser yet.") }</p>
        },
        Some(Ok(all)) => {
            let shown: Vec<&Entry> = all.iter().filter(|e| e.matches(&query)).collect();
            if shown.is_empty() {
                html! { <p class="lib-empty">{ ctx.t("Không có thông báo nào khớp với từ tìm.", "No notice matches the search.") }</p> }
            } else {
                html! {
                    <ul class="lib-list">
                        { for shown.into_iter().map(|e| html! {
                            <LibraryItem key={e.id.clone()} entry={e.clone()}
                                edited={AttrValue::from(ctx.page.when(e.edited))}
                                current={p.current.as_deref() == Some(e.id.as_str())}
                                onopen={onopen.clone()} onrename={onrename.clone()}
                                onduplicate={onduplicate.clone()} onnextyear={onnextyear.clone()}
                                onversions={onversions.clone()} onremove={onremove.clone()} />
                        }) }
                    </ul>
                }
            }
        }
    };
    html! {
        <section class="library" id="library" aria-labelledby="library-title">
            <h2 id="library-title">{ ctx.t("Thông báo của tôi", "My notices") }</h2>
            <p class="lib-search">
                <label for="lib-search">{ ctx.t("Tìm thông báo", "Search the notices") }</label>
                <input id="lib-search" type="search" value={(*query).clone()} oninput={onquery}
                    placeholder={ctx.t("Ví dụ: chi lang 2024", "e.g. chi lang 2024")} />
            </p>
            if let Some(e) = &*removed {
                <p class="lib-undo" role="status">
                    { ctx.t("Đã xoá “", "Deleted “") }{ e.title() }{ ctx.t("”.", "”.") }{ " " }
                    <button type="button" id="lib-undo" onclick={onundo}>{ ctx.t("Hoàn tác", "Undo") }</button>
                </p>
            }
            { list }
            <Backup onmerged={Callback::from(move |()| refresh())} />
            if let Some(v) = &*versions {
                <section class="lib-versions" id="lib-versions" aria-labelledby="lib-versions-title">
                    <h3 id="lib-versions-title">{ ctx.t("Các bản đã lưu của “", "Saved versions of “") }{ &v.title }{ "”" }</h3>
                    if v.times.is_empty() {
                        <p>{ ctx.t("Chưa có bản lưu nào.", "No saved version yet.") }</p>
                    } else {
                        <ul>
                            { for v.times.iter().enumerate().map(|(i, at)| html! {
                                <li key={at.to_string()}>
                                    { ctx.page.when(*at) }{ " " }
                                    <button type="button" id={format!("lib-restore-{i}")} onclick={restore(v.id.clone(), *at)}>
                                        { ctx.t("Khôi phục bản này", "Restore this one") }
                                    </button>
                                </li>
                            }) }
                        </ul>
                    }
                    <button type="button" id="lib-versions-close" onclick={onclose}>{ ctx.t("Đóng", "Close") }</button>
                </section>
            }
        </section>
    }
}
