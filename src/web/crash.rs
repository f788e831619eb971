//! A panic must not kill the page silently. The hook logs the panic and
//! tells the page's boot script (www/boot.js) through a `thongbao-crash`
//! event on `window`; the boot script shows the message and a button that
//! downloads the last saved draft straight from localStorage, in plain
//! JavaScript, since the wasm is dead after a panic (the release profile
//! aborts: the panic then traps as a `RuntimeError`, which boot.js also
//! catches).

use wasm_bindgen::JsValue;

/// The event the boot script listens for.
pub const EVENT: &str = "thongbao-crash";

/// Installs the hook (idempotent: the last call wins, with the same hook).
pub fn install() {
    std::panic::set_hook(Box::new(|info| report(&info.to_string())));
}

/// Logs `message` and dispatches the crash event with it as the detail.
pub fn report(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("thongbao: {message}")));
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(message));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}
