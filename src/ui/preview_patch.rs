//! Updates the preview's DOM in place: only the elements whose HTML changed.
//!
//! The preview shows `render_html`'s output. Writing the whole body with
//! `innerHTML` per keystroke makes the browser parse, style and lay out the
//! whole notice again; a keystroke changes one paragraph. So the previous
//! body HTML is kept, both are split into their top-level nodes (the
//! renderer's output is well-formed: escaped text, quoted attributes), and
//! only the differing nodes are written, descending into an element whose
//! start tag is unchanged. Wherever the DOM does not have the nodes the
//! HTML describes (the parser added a `<tbody>`, dropped whitespace…), that
//! element's `innerHTML` is written whole instead: the result is always the
//! DOM `innerHTML` would give.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Elements with no end tag.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// One top-level node of an HTML fragment: its whole text, and for an
/// element its start tag and its inner HTML.
struct Part<'a> {
    html: &'a str,
    start_tag: Option<&'a str>,
    inner: &'a str,
}

fn tag_name(tag: &str) -> &str {
    let t = tag.trim_start_matches(['<', '/']);
    let end = t
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(t.len());
    &t[..end]
}

/// Splits a fragment into its top-level nodes; None when it is not the
/// simple well-formed HTML the renderer writes (then the caller rewrites).
fn split(html: &str) -> Option<Vec<Part<'_>>> {
    let b = html.as_bytes();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let end = html[i..].find('<').map_or(b.len(), |e| i + e);
            parts.push(Part {
                html: &html[i..end],
                start_tag: None,
                inner: "",
            });
            i = end;
            continue;
        }
        if html[i..].starts_with("<!--") {
            let end = i + html[i..].find("-->")? + 3;
            parts.push(Part {
                html: &html[i..end],
                start_tag: None,
                inner: "",
            });
            i = end;
            continue;
        }
        let tag_end = i + html[i..].find('>')? + 1;
        let tag = &html[i..tag_end];
        let name = tag_name(tag);
        if tag.starts_with("</") || name.is_empty() {
            return None;
        }
        if tag.ends_with("/>") || VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            parts.push(Part {
                html: tag,
                start_tag: Some(tag),
                inner: "",
            });
            i = tag_end;
            continue;
        }
        if ["script", "style", "textarea", "title"].contains(&name) {
            return None; // raw text: not scanned here
        }
        // Find the matching end tag, counting nested elements.
        let mut depth = 1;
        let mut j = tag_end;
        let close;
        loop {
            let at = j + html[j..].find('<')?;
            let end = at + html[at..].find('>')? + 1;
            let t = &html[at..end];
            if t.starts_with("<!--") {
                j = at + html[at..].find("-->")? + 3;
                continue;
            }
            let n = tag_name(t);
            if t.starts_with("</") {
                depth -= 1;
                if depth == 0 {
                    if !n.eq_ignore_ascii_case(name) {
                        return None;
                    }
                    close = (at, end);
                    break;
                }
            } else if !(t.ends_with("/>") || VOID.iter().any(|v| v.eq_ignore_ascii_case(n))) {
                depth += 1;
            }
            j = end;
        }
        parts.push(Part {
            html: &html[i..close.1],
            start_tag: Some(tag),
            inner: &html[tag_end..close.0],
        });
        i = close.1;
    }
    Some(parts)
}

/// Makes `parent`'s content, which `old` was written to, show `new`.
pub fn patch(parent: &Element, old: &str, new: &str) {
    if old == new {
        return;
    }
    if !patch_children(parent, old, new) {
        parent.set_inner_html(new);
    }
}

/// Returns false when `parent` must be rewritten whole.
fn patch_children(parent: &Element, old: &str, new: &str) -> bool {
    let (Some(a), Some(b)) = (split(old), split(new)) else {
        return false;
    };
    let nodes = parent.child_nodes();
    if nodes.length() as usize != a.len() {
        return false; // the DOM is not what the HTML says (e.g. an implied <tbody>)
    }
    // Only same-length lists are patched node by node; an added or removed
    // node rewrites this element (it is then usually a small one).
    if a.len() != b.len() {
        return false;
    }
    let changed: Vec<usize> = (0..a.len()).filter(|&k| a[k].html != b[k].html).collect();
    // Many changed children: rewriting the parent is as cheap.
    if changed.len() * 2 > a.len().max(4) {
        return false;
    }
    for k in changed {
        let Some(node) = nodes.get(k as u32) else {
            return false;
        };
        // The preview's nodes live in the iframe's realm, where `instanceof
        // Element` (what `dyn_into` asks) is false: check the node type.
        let el = (node.node_type() == web_sys::Node::ELEMENT_NODE)
            .then(|| node.unchecked_into::<Element>())
            .ok_or(());
        match (a[k].start_tag, b[k].start_tag, el) {
            // The same element in the DOM (not one the parser put in
            // between, such as a <tbody>): descend into it.
            (Some(x), Some(y), Ok(el))
                if x == y && el.tag_name().eq_ignore_ascii_case(tag_name(x)) =>
            {
                patch(&el, a[k].inner, b[k].inner)
            }
            (Some(_), Some(_), Ok(el)) => el.set_outer_html(b[k].html),
            _ => return false, // a text node changed: rewrite the (small) parent
        }
    }
    true
}

/// The inner HTML of the `<body>` of a whole document, if it has one.
pub fn body_of(html: &str) -> Option<&str> {
    let start = html.find("<body")?;
    let from = start + html[start..].find('>')? + 1;
    let to = html.rfind("</body>")?;
    (from <= to).then(|| &html[from..to])
}
