//! A panic must not kill the page silently, nor more than its own editor.
//!
//! The hook logs the panic and tells whoever shows the crash message:
//! - the standalone page: a `thongbao-crash` event on `window`, which the
//!   boot script (www/boot.js) turns into a message with a button that
//!   downloads the last saved draft straight from localStorage;
//! - a `<thongbao-editor>`: the function its script gave
//!   ([`install_reporting_to`]), which shows the message inside that
//!   element's shadow root and sends `thongbao-error` to the host. Each
//!   element runs its own instance of the wasm (www/element.js), so the hook,
//!   like everything else here, belongs to one editor.
//!
//! Both are plain JavaScript, since the wasm is dead after a panic: the
//! release profile aborts, so the panic then traps as a
//! `WebAssembly.RuntimeError`, which the scripts also catch.

use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// The event the boot script listens for.
pub const EVENT: &str = "thongbao-crash";

thread_local! {
    /// Where this instance's panics go instead of the window event.
    static REPORT_TO: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// The panic hook: reports the panic (below). The shell installs it through
/// `yew::set_custom_panic_hook`, since yew otherwise puts its own hook in
/// place when an app renders.
pub fn hook(info: &std::panic::PanicHookInfo<'_>) {
    report(&info.to_string());
}

/// From now on, reports go to `f(message)` rather than to the window: the
/// instance is one embedded editor's.
pub fn report_to(f: js_sys::Function) {
    REPORT_TO.with(|r| *r.borrow_mut() = Some(f));
}

/// Logs `message` and hands it to the function given, or dispatches the
/// crash event on the window with it as the detail.
pub fn report(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("thongbao: {message}")));
    let to = REPORT_TO
        .try_with(|r| r.try_borrow().ok().and_then(|f| f.clone()))
        .ok()
        .flatten();
    if let Some(f) = to {
        let _ = f.call1(&JsValue::NULL, &JsValue::from_str(message));
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(message));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Test builds only (feature `crash-trigger`): from a timer, as a bug in an
/// event handler would, panics with `message`, or (`trap`) traps without a
/// panic, as running out of memory does (no hook runs). The release build
/// has no such function (tests/e2e/crash.test.mjs checks the shipped files).
#[cfg(feature = "crash-trigger")]
pub fn crash_later(message: String, trap: bool) {
    gloo::timers::callback::Timeout::new(0, move || {
        if trap {
            #[cfg(target_arch = "wasm32")]
            core::arch::wasm32::unreachable();
        }
        panic!("{message}")
    })
    .forget();
}
