//! JSON text walked character by character, knowing which characters are
//! inside a string: what laying out JSON (`json::to_json`) and taking the
//! layout away (`build.rs`, which includes this file) both need. No
//! dependencies, so a build script can compile it too.

/// Calls `each(index, char, in_string)` for every character of `json`; a
/// string's quotes count as inside it.
pub fn scan(json: &str, mut each: impl FnMut(usize, char, bool)) {
    let (mut in_string, mut escaped) = (false, false);
    for (i, c) in json.char_indices() {
        if in_string {
            each(i, c, true);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else {
            in_string = c == '"';
            each(i, c, in_string);
        }
    }
}

/// The JSON without the whitespace between tokens (strings kept as they are).
#[allow(dead_code)] // used by build.rs, which includes this file
pub fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    scan(json, |_, c, in_string| {
        if in_string || !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_keep_their_spaces_and_escapes() {
        assert_eq!(
            minify("{ \"a b\" : [ 1, \"x\\\" y\" ],\n \"c\":\"\\\\\" }"),
            "{\"a b\":[1,\"x\\\" y\"],\"c\":\"\\\\\"}"
        );
    }
}
