//! Any HTML → the text lines of a notice, for [`super::text`]: a small,
//! tolerant tag scanner (no HTML crate, no DOM). Paragraph-like elements
//! (`p`, `div`, `br`, `h1`–`h6`, `li`, `tr`…) end a line; table cells are
//! separated by tabs (a header or a signature laid out as a table);
//! `<sup>` digits become superscript markers (`<sup>1</sup>`,
//! `<sup>[1]</sup>`); `<i>`/`<em>` become `*…*` (italics); bold is plain
//! text; list items in `<ul>` start with `- `, in `<ol>` with their
//! number; `script`, `style`, `head`, comments and the like are skipped;
//! entities are decoded (named ones a notice uses, and numeric ones).

/// The text of `html`, one line per paragraph.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut sup = false;
    let mut pre = 0usize;
    // For each open list: ordered, and the next number.
    let mut lists: Vec<(bool, usize)> = Vec::new();
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out, rest, sup, pre > 0);
            break;
        };
        push_text(&mut out, &rest[..lt], sup, pre > 0);
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").map_or("", |i| &r[i + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        let (content_end, next) = tag_end(rest);
        let tag = &rest[1..content_end];
        rest = &rest[next..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // A `<` that opens no tag: text.
            push_text(&mut out, "<", sup, pre > 0);
            continue;
        }
        match name.as_str() {
            "script" | "style" | "head" | "noscript" | "template" | "title" | "svg" | "object"
                if !closing =>
            {
                let close = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = match lower.find(&close) {
                    Some(i) => {
                        let after = &rest[i..];
                        after.find('>').map_or("", |j| &after[j + 1..])
                    }
                    None => "",
                };
            }
            "sup" => sup = !closing,
            "i" | "em" => out.push('*'),
            "pre" => {
                pre = if closing {
                    pre.saturating_sub(1)
                } else {
                    pre + 1
                };
                newline(&mut out);
            }
            "ul" | "ol" => {
                if closing {
                    lists.pop();
                } else {
                    lists.push((name == "ol", 1));
                }
                newline(&mut out);
            }
            "li" => {
                newline(&mut out);
                if !closing {
                    match lists.last_mut() {
                        Some((true, n)) => {
                            out.push_str(&format!("{n}. "));
                            *n += 1;
                        }
                        _ => out.push_str("- "),
                    }
                }
            }
            "td" | "th" if closing => out.push('\t'),
            "p" | "div" | "br" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "table"
            | "section" | "article" | "header" | "footer" | "blockquote" | "hr" | "dd" | "dt"
            | "body" | "main" | "center" | "address" | "figure" | "caption" | "tbody" | "thead" => {
                newline(&mut out)
            }
            _ => {}
        }
    }
    // Lines, trimmed; cells' trailing tabs dropped.
    let mut lines = Vec::new();
    for line in out.split('\n') {
        let l = line.trim_matches([' ', '\t']);
        lines.push(l.to_string());
    }
    lines.join("\n")
}

/// The end of the tag at the start of `s` (on its `<`), quotes
/// respected: where its content ends, and where the text after it starts.
fn tag_end(s: &str) -> (usize, usize) {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return (i, i + 1),
            (None, '<') => return (i, i),
            _ => {}
        }
    }
    (s.len(), s.len())
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn push_text(out: &mut String, raw: &str, sup: bool, pre: bool) {
    if raw.is_empty() {
        return;
    }
    let text = entities(raw);
    for c in text.chars() {
        if sup {
            match c {
                '0'..='9' => out.push(
                    ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][c as usize - '0' as usize],
                ),
                '[' | ']' | ' ' => {}
                c => out.push(c),
            }
            continue;
        }
        if c == '\n' && pre {
            out.push('\n');
        } else if c.is_whitespace() && c != '\u{a0}' {
            if !out.ends_with([' ', '\n', '\t']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Entities decoded: the five of XML, the ones Word and e-office pages
/// write, and numeric ones.
pub fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map(|j| j + 1);
        let Some(end) = end.filter(|&e| rest[e..].starts_with(';')) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "hellip" => Some('…'),
            "bull" => Some('•'),
            "middot" => Some('·'),
            "sup1" => Some('¹'),
            "sup2" => Some('²'),
            "sup3" => Some('³'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_to_lines() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body>\
            <table><tr><td><b>UBND TỈNH A</b></td><td>CỘNG HÒA</td></tr></table>\
            <p>Một&nbsp;đoạn<sup>1</sup> văn, <i>nghiêng</i>.</p><!-- c --><ul><li>Ý một</li></ul>\
            <script>alert(1)</script><p>Hai<br>Ba &amp; &#7889;</p></body></html>";
        let t = text(html);
        let lines: Vec<&str> = t.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "UBND TỈNH A\tCỘNG HÒA",
                "Một\u{a0}đoạn¹ văn, *nghiêng*.",
                "- Ý một",
                "Hai",
                "Ba & ố"
            ]
        );
    }
}
