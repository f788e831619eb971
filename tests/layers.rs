//! The layers depend on each other one way: `core` ← `web`, `core` ← `ui`,
//! `shell` → `ui` + `web`. The compiler holds the core to it (it builds
//! without the `app` feature, where yew, web-sys and the rest are absent);
//! this test reads every file's imports and holds the rest.

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The layers of this crate a source text names: every `crate::NAME` and
/// every first name inside `crate::{…}`, comments left out.
fn names(text: &str) -> Vec<&'static str> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found: Vec<&str> = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let firsts: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group
                .split('}')
                .next()
                .unwrap_or("")
                .split(',')
                .map(|p| p.trim().split("::").next().unwrap_or(""))
                .collect(),
            None => vec![rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")],
        };
        found.extend(firsts);
    }
    ["core", "ui", "web", "shell"]
        .into_iter()
        .filter(|layer| found.contains(layer))
        .collect()
}

#[test]
fn dependencies_run_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // (layer, what it may name)
    let rules = [
        ("core", &["core"][..]),
        ("web", &["core", "web"][..]),
        ("ui", &["core", "ui"][..]),
        ("shell", &["core", "ui", "web", "shell"][..]),
    ];
    let mut checked = 0;
    for (layer, allowed) in rules {
        for file in files(&src.join(layer)) {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for named in names(&text) {
                assert!(
                    allowed.contains(&named),
                    "{} ({layer}) names crate::{named}",
                    file.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "read {checked} files");
}

#[test]
fn the_reader_sees_imports_in_every_form() {
    assert_eq!(names("use crate::web::storage;"), ["web"]);
    assert_eq!(names("use crate::web;"), ["web"]);
    assert_eq!(names("let x = crate::ui::state::X;"), ["ui"]);
    assert_eq!(names("use crate::{ui, web::x};"), ["ui", "web"]);
    assert_eq!(names("use crate::{\n    web::x,\n};"), ["web"]);
    assert_eq!(names("// see crate::web::x"), Vec::<&str>::new());
}
