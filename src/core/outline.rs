//! How the body's parts and sections are numbered and which of them print.
//!
//! The officer shapes the body: parts (I, II, III …) and sections (1., 2. …)
//! are added, removed, renamed and moved (`core::edit`). Numbers are never
//! stored; they follow from the order and from what each item holds, the
//! same way for the preview, the HTML and the Word file, and the form:
//!
//! - a section with a title prints `N. title`, N counting the titled
//!   sections of its part;
//! - a section with no title but some text prints its text with no heading
//!   and takes no number (text that belongs to the part itself);
//! - a section with no title and no text (its paragraphs and bullets blank)
//!   prints nothing at all: no bare "2.", no lone "-";
//! - parts likewise, with Roman numerals: a part with no title and nothing
//!   printed under it prints nothing.

use crate::core::model::{Block, BlockKind, Notice, Part, Section};

/// Where one part or section stands in the printed notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Prints nothing.
    Hidden,
    /// Prints its content with no heading (no title).
    Untitled,
    /// Prints its heading with this number (1-based).
    Numbered(usize),
}

impl Place {
    pub fn printed(self) -> bool {
        self != Place::Hidden
    }

    pub fn number(self) -> Option<usize> {
        match self {
            Place::Numbered(n) => Some(n),
            _ => None,
        }
    }
}

/// The places of every part and of every section, in the notice's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    pub parts: Vec<Place>,
    /// One list per part.
    pub sections: Vec<Vec<Place>>,
}

/// Whether a block prints nothing (a blank paragraph or bullet; a list of
/// documents with no document and no text).
pub fn blank_block(b: &Block) -> bool {
    b.text.trim().is_empty() && (b.kind != BlockKind::Refs || b.refs.is_empty())
}

fn blank(title: &str) -> bool {
    title.trim().is_empty()
}

/// Whether a section prints anything.
pub fn section_printed(s: &Section) -> bool {
    !blank(&s.title) || s.blocks.iter().any(|b| !blank_block(b))
}

/// Whether a part prints anything.
pub fn part_printed(p: &Part) -> bool {
    !blank(&p.title) || p.sections.iter().any(section_printed)
}

/// The outline of `n`. Cheap: a titled item is not looked into.
pub fn outline(n: &Notice) -> Outline {
    let mut out = Outline::default();
    let mut pn = 0;
    for p in &n.parts {
        let mut sn = 0;
        let sections: Vec<Place> = p
            .sections
            .iter()
            .map(|s| {
                if !blank(&s.title) {
                    sn += 1;
                    Place::Numbered(sn)
                } else if section_printed(s) {
                    Place::Untitled
                } else {
                    Place::Hidden
                }
            })
            .collect();
        let place = if !blank(&p.title) {
            pn += 1;
            Place::Numbered(pn)
        } else if sections.iter().any(|s| s.printed()) {
            Place::Untitled
        } else {
            Place::Hidden
        };
        out.parts.push(place);
        out.sections.push(sections);
    }
    out
}

impl Outline {
    /// The place of section `id` (and of its part), if it is in the notice.
    pub fn section(&self, n: &Notice, id: &str) -> Option<(Place, Place)> {
        n.parts.iter().enumerate().find_map(|(pi, p)| {
            let si = p.sections.iter().position(|s| s.id == id)?;
            Some((self.parts[pi], self.sections[pi][si]))
        })
    }

    /// The place of part `id`.
    pub fn part(&self, n: &Notice, id: &str) -> Option<Place> {
        let pi = n.parts.iter().position(|p| p.id == id)?;
        Some(self.parts[pi])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Block, Part, Section};

    fn section(title: &str, texts: &[&str]) -> Section {
        Section {
            id: String::new(),
            title: title.into(),
            blocks: texts
                .iter()
                .map(|t| Block {
                    text: t.to_string(),
                    kind: BlockKind::Dash,
                    ..Block::default()
                })
                .collect(),
        }
    }

    #[test]
    fn numbers_follow_what_prints() {
        use Place::*;
        // (part title, sections) → (part place, section places)
        type Case<'a> = (&'a str, Vec<Section>, Place, Vec<Place>);
        let cases: Vec<Case> = vec![
            (
                "KẾT QUẢ",
                vec![section("Một", &["a"]), section("Hai", &[])],
                Numbered(1),
                vec![Numbered(1), Numbered(2)],
            ),
            // A cleared title with a blank bullet prints nothing; the next
            // section takes its number.
            (
                "ĐÁNH GIÁ",
                vec![
                    section("Ưu điểm", &["x"]),
                    section("  ", &[" "]),
                    section("Tồn tại", &["y"]),
                ],
                Numbered(2),
                vec![Numbered(1), Hidden, Numbered(2)],
            ),
            // Text with no title: printed, not numbered.
            (
                "KIẾN NGHỊ",
                vec![section("", &["z"]), section("Đối với", &["w"])],
                Numbered(3),
                vec![Untitled, Numbered(1)],
            ),
            // An empty part: nothing, and the next part is IV.
            ("", vec![section("", &[""])], Hidden, vec![Hidden]),
            ("", vec![section("", &["t"])], Untitled, vec![Untitled]),
            ("CUỐI", vec![], Numbered(4), vec![]),
        ];
        let mut n = crate::core::samples::blank();
        n.parts.clear();
        for (title, sections, _, _) in &cases {
            n.parts.push(Part {
                id: String::new(),
                title: title.to_string(),
                sections: sections.clone(),
            });
        }
        let o = outline(&n);
        for (i, (_, _, part, sections)) in cases.iter().enumerate() {
            assert_eq!(o.parts[i], *part, "part {i}");
            assert_eq!(&o.sections[i], sections, "part {i}");
        }
        let refs = Block {
            kind: BlockKind::Refs,
            refs: vec!["r".into()],
            ..Block::default()
        };
        assert!(!blank_block(&refs));
    }
}
