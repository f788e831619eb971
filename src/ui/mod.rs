//! The editor's user interface (placeholder while the tooling is set up).

use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! { <main id="thongbao-app"><h1>{ "Thông báo" }</h1></main> }
}
