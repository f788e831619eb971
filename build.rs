//! The shipped sample and template go into the binary without their
//! indentation (data/ keeps them readable): ~20 KB less wasm, ~0.4 KB less
//! once LZMA-compressed in the page (docs/size.md).

use std::{env, fs, path::Path};

#[path = "src/core/json_text.rs"]
mod json_text;
use json_text::minify;

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/core/json_text.rs");
    for name in ["chi-lang-2024.json", "template.json"] {
        let src = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).expect("data/ holds the shipped notices");
        fs::write(Path::new(&out).join(name), minify(&text)).expect("OUT_DIR is writable");
    }
}
