//! Browser glue (placeholder while the tooling is set up).

use wasm_bindgen::prelude::*;

/// Mounts the editor into the element with id `root_id`.
#[wasm_bindgen]
pub fn mount(root_id: &str) {
    let Some(root) = gloo::utils::document().get_element_by_id(root_id) else {
        return;
    };
    yew::Renderer::<crate::ui::App>::with_root(root).render();
}
