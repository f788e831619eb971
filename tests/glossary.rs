//! The glossary (`docs/glossary.md`) holds the interface to one word per
//! thing: no string literal of the interface or of the checker's messages
//! uses a word its last column says to avoid, nor the « » quotes.

use std::fs;
use std::path::{Path, PathBuf};

/// The words to avoid: the glossary table's last column, `;`-separated,
/// each with what may follow ` — ` (when: not part of the word).
fn avoided(glossary: &str) -> Vec<String> {
    let mut out = vec!["«".to_string(), "»".to_string()];
    for line in glossary.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
        let Some(last) = cells.last() else { continue };
        if last.contains("---") || last.contains("Không dùng") {
            continue;
        }
        for word in last.split(';') {
            let word = word.split(" — ").next().unwrap_or("").trim();
            if !word.is_empty() {
                out.push(word.to_string());
            }
        }
    }
    out
}

/// The string literals of a Rust file (outside comments), roughly: enough
/// for user-facing text, which is written as plain "…" literals.
fn literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let mut chars = line.chars().peekable();
        let mut current: Option<String> = None;
        while let Some(c) = chars.next() {
            match (&mut current, c) {
                (None, '/') if chars.peek() == Some(&'/') => break,
                (None, '\'') => {
                    // A char literal ('"') or a lifetime: skip one char.
                    if let Some('\\') = chars.next() {
                        chars.next();
                    }
                }
                (None, '"') => current = Some(String::new()),
                (Some(s), '\\') => {
                    if let Some(n) = chars.next() {
                        s.push(n);
                    }
                }
                (Some(s), '"') => {
                    out.push(std::mem::take(s));
                    current = None;
                }
                (Some(s), c) => s.push(c),
                (None, _) => {}
            }
        }
        if let Some(s) = current {
            out.push(s); // a literal that goes on to the next line
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_interface_and_the_messages_use_the_glossary_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let words = avoided(&fs::read_to_string(root.join("docs/glossary.md")).unwrap());
    assert!(
        words.len() > 5,
        "the glossary lists words to avoid: {words:?}"
    );
    let mut files = Vec::new();
    for dir in ["src/ui", "src/core/check", "src/core/import"] {
        rust_files(&root.join(dir), &mut files);
    }
    files.extend(["src/core/layout.rs", "src/core/json.rs", "src/main.rs"].map(|f| root.join(f)));
    let mut found = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).unwrap();
        // Tests quote what they check against; the rest is what users read.
        let source = source.split("#[cfg(test)]").next().unwrap_or("");
        for literal in literals(source) {
            for word in words.iter().filter(|w| literal.contains(w.as_str())) {
                found.push(format!(
                    "{}: “{word}” in {literal:?}",
                    file.strip_prefix(root).unwrap().display()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words the glossary avoids:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_literals_and_skips_comments() {
    let src = "let a = \"Tiêu đề mục\"; // \"Ý nhỏ\"\nlet c = '\"'; let b = \"x \\\"y\\\"\";";
    assert_eq!(literals(src), vec!["Tiêu đề mục", "x \"y\""]);
    let words = avoided("| a | b |\n|---|---|\n| x | Tiêu đề phần; Ý nhỏ — for + |");
    assert!(words.contains(&"Ý nhỏ".to_string()));
    assert!(words.contains(&"Tiêu đề phần".to_string()));
}
