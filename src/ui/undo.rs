//! The status line after a part, a section or a paragraph is removed:
//! "Đã xoá mục “Ưu điểm”. [Hoàn tác]", as Word and the library's delete
//! do — removed at once, put back on demand — instead of asking first.
//!
//! A polite live region that is always on the page (a region added with
//! its text is not read out everywhere); the focus moves to "Hoàn tác"
//! (the ✕ pressed is gone) and Esc leaves it for the item that took the
//! removed one's place. It goes with the next edit or after a few seconds,
//! but never from under the focus (it waits while the button has it).

use super::state::{Action, Ctx, Undo};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long "Hoàn tác" stays offered (the library's delete: the same).
const UNDO_MS: u32 = 10_000;

/// The id of the "Hoàn tác" button (the reducer focuses it).
pub const UNDO_BUTTON: &str = "btn-undo";

#[derive(Properties, PartialEq)]
pub struct UndoLineProps {
    pub undo: Option<Rc<Undo>>,
}

#[function_component(UndoLine)]
pub fn undo_line(p: &UndoLineProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx");
    let focused = use_mut_ref(|| false);
    {
        let (d, focused) = (ctx.dispatch.clone(), focused.clone());
        use_effect_with(p.undo.clone(), move |undo| {
            let timer = undo.as_ref().map(|_| {
                Timeout::new(UNDO_MS, move || {
                    if !*focused.borrow() {
                        d.dispatch(Action::Forget(false));
                    }
                })
            });
            move || drop(timer)
        });
    }
    let onundo = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Undo))
    };
    let onkeydown = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                d.dispatch(Action::Forget(true));
            }
        })
    };
    let onfocus = {
        let f = focused.clone();
        Callback::from(move |_: FocusEvent| *f.borrow_mut() = true)
    };
    let onblur = Callback::from(move |_: FocusEvent| *focused.borrow_mut() = false);
    html! {
        <p id="undo-status" class="undo" role="status" aria-live="polite">
            if let Some(u) = &p.undo {
                { ctx.lang.pick(&u.vi, &u.en) }{ " " }
                <button type="button" id={UNDO_BUTTON} onclick={onundo} {onkeydown} {onfocus} {onblur}>
                    { ctx.t("Hoàn tác", "Undo") }
                </button>
            }
        </p>
    }
}
