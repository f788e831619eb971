//! Downloads: a Blob, an object URL and a click on an `<a download>`; the
//! file names come from the notice (`thong-bao-chi-lang-2024-08-15.html`).

use crate::core::model::Notice;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Hands `text` to the officer as a file called `name`.
pub fn save(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let doc = gloo::utils::document();
    let a: HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke once the browser has taken the file.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The file name without extension: `thong-bao-<inspected body>-<date>`,
/// the date being the notice's when complete, otherwise `today`.
pub fn file_stem(n: &Notice, today: &str) -> String {
    let body = slug(&n.opening.inspected_body);
    let body = strip_prefixes(&body);
    let h = &n.header;
    let date = match (
        h.year.trim().parse::<u32>(),
        h.month.trim().parse::<u32>(),
        h.day.trim().parse::<u32>(),
    ) {
        (Ok(y), Ok(m), Ok(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
            format!("{y:04}-{m:02}-{d:02}")
        }
        _ => today.to_string(),
    };
    let mut parts = vec!["thong-bao"];
    if !body.is_empty() {
        parts.push(body);
    }
    parts.push(&date);
    parts.join("-")
}

/// Words that name the kind of body, not the body (`UBND huyện Chi Lăng` →
/// `chi-lang`).
fn strip_prefixes(mut s: &str) -> &str {
    const PREFIXES: [&str; 12] = [
        "uy-ban-nhan-dan-",
        "ubnd-",
        "huyen-",
        "thanh-pho-",
        "thi-xa-",
        "thi-tran-",
        "tinh-",
        "quan-",
        "phuong-",
        "xa-",
        "tp-",
        "tx-",
    ];
    loop {
        match PREFIXES.iter().find_map(|p| s.strip_prefix(p)) {
            Some(rest) if !rest.is_empty() => s = rest,
            _ => return s,
        }
    }
}

/// Lower case ASCII words joined by `-`, Vietnamese letters folded
/// (`Chi Lăng` → `chi-lang`, `Đồng Đăng` → `dong-dang`).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

fn fold(c: char) -> char {
    const GROUPS: [(&str, char); 14] = [
        ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
        ("ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ", 'A'),
        ("èéẹẻẽêềếệểễ", 'e'),
        ("ÈÉẸẺẼÊỀẾỆỂỄ", 'E'),
        ("ìíịỉĩ", 'i'),
        ("ÌÍỊỈĨ", 'I'),
        ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
        ("ÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ", 'O'),
        ("ùúụủũưừứựửữ", 'u'),
        ("ÙÚỤỦŨƯỪỨỰỬỮ", 'U'),
        ("ỳýỵỷỹ", 'y'),
        ("ỲÝỴỶỸ", 'Y'),
        ("đ", 'd'),
        ("Đ", 'D'),
    ];
    if c.is_ascii() {
        return c;
    }
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map_or(c, |(_, to)| *to)
}
