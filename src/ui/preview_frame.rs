//! The preview's iframe. A component of its own so that a keystroke does
//! not render it again: its `srcdoc` (the notice as first shown, up to
//! megabytes) would otherwise be compared on every keystroke, and its other
//! props do not change while the officer types.

use super::preview::FRAME_ID;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct PreviewFrameProps {
    pub frame: NodeRef,
    /// The notice as first shown; later changes are written in place.
    pub srcdoc: Rc<AttrValue>,
    pub onload: Callback<Event>,
    pub title: AttrValue,
}

/// `srcdoc` by identity: it is made once (comparing its text would cost
/// what this component saves).
impl PartialEq for PreviewFrameProps {
    fn eq(&self, other: &Self) -> bool {
        self.frame == other.frame
            && Rc::ptr_eq(&self.srcdoc, &other.srcdoc)
            && self.onload == other.onload
            && self.title == other.title
    }
}

#[function_component(PreviewFrame)]
pub fn preview_frame(p: &PreviewFrameProps) -> Html {
    html! {
        <iframe id={FRAME_ID} ref={p.frame.clone()} onload={p.onload.clone()}
            srcdoc={(*p.srcdoc).clone()} title={p.title.clone()} />
    }
}
