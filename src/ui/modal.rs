//! The in-page modal `<dialog>` the editor asks with (never
//! `window.confirm`): shown modal once it is on the page, so the focus moves
//! into it and stays there; Esc is the dialog's own "cancel" answer;
//! leaving the page's tree closes it and gives the focus back.

use gloo::events::EventListener;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

/// Opens the `<dialog>` behind `dialog` as a modal; Esc calls `oncancel`.
#[hook]
pub fn use_modal(dialog: &NodeRef, oncancel: Callback<()>) {
    let dialog = dialog.clone();
    use_effect_with((), move |_| {
        let el = dialog.cast::<HtmlDialogElement>();
        let listener = el.as_ref().map(|el| {
            EventListener::new(el, "cancel", move |e| {
                e.prevent_default();
                oncancel.emit(());
            })
        });
        if let Some(el) = &el {
            if !el.open() {
                let _ = el.show_modal();
            }
        }
        move || {
            drop(listener);
            if let Some(el) = el {
                el.close();
            }
        }
    });
}
