//! The shipped sample and template go into the binary without their
//! indentation (data/ keeps them readable): ~20 KB less wasm, ~0.4 KB less
//! once LZMA-compressed in the page (docs/size.md).

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    for name in ["chi-lang-2024.json", "template.json"] {
        let src = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).expect("data/ holds the shipped notices");
        fs::write(Path::new(&out).join(name), minify(&text)).expect("OUT_DIR is writable");
    }
}

/// The JSON without the whitespace between tokens (strings kept as they are).
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
