//! The agency profile ("Hồ sơ cơ quan"): what every notice one office
//! writes shares — its parent body and its own name, the symbol after the
//! number, the place, who signs and how, the usual recipients with the
//! archive line. Kept once in the browser, edited in one place, and every
//! new notice (from the template or blank) starts from it.
//!
//! Stored as a notice that holds nothing but the profile's fields, in the
//! notice's own file format: read and written by the one JSON reader and
//! writer (`core::json`), so the profile adds no second (de)serialiser to
//! the wasm, and a profile file is a valid notice file.

use crate::core::edit::new_id;
use crate::core::json::{import, to_json};
use crate::core::model::{Line, Notice};
use crate::core::samples::blank;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub parent_body: String,
    pub issuer: String,
    /// The symbol after the number (`TB-SLĐTBXH`).
    pub symbol: String,
    pub place: String,
    /// `KT.`, `TM.` … or blank.
    pub authority: String,
    pub head: String,
    pub position: String,
    pub name: String,
    /// Nơi nhận, one line each, the archive line ("- Lưu: VT, …") last.
    pub recipients: Vec<String>,
}

impl Profile {
    /// The profile a notice shows: its agency, place, signature, recipients.
    pub fn of(n: &Notice) -> Profile {
        let h = &n.header;
        let s = &n.signature;
        Profile {
            parent_body: h.parent_body.clone(),
            issuer: h.issuer.clone(),
            symbol: h.symbol.clone(),
            place: h.place.clone(),
            authority: s.authority.clone(),
            head: s.head.clone(),
            position: s.position.clone(),
            name: s.name.clone(),
            recipients: n
                .recipients
                .iter()
                .map(|r| r.text.clone())
                .filter(|t| !t.trim().is_empty())
                .collect(),
        }
    }

    /// Nothing filled in: every field blank (the default profile is, so
    /// no separate comparison with it).
    pub fn is_empty(&self) -> bool {
        self.recipients.iter().all(|r| r.trim().is_empty())
            && [
                &self.parent_body,
                &self.issuer,
                &self.symbol,
                &self.place,
                &self.authority,
                &self.head,
                &self.position,
                &self.name,
            ]
            .iter()
            .all(|f| f.trim().is_empty())
    }

    /// Fills a new notice in from the profile: each field the profile has
    /// replaces the notice's; a blank one leaves the notice's as it is.
    /// Recipients are replaced as a whole when the profile lists any.
    pub fn apply_to(&self, n: &mut Notice) {
        let put = |to: &mut String, from: &String| {
            if !from.trim().is_empty() {
                to.clone_from(from);
            }
        };
        let (h, s) = (&mut n.header, &mut n.signature);
        put(&mut h.parent_body, &self.parent_body);
        put(&mut h.issuer, &self.issuer);
        put(&mut h.symbol, &self.symbol);
        put(&mut h.place, &self.place);
        put(&mut s.authority, &self.authority);
        put(&mut s.head, &self.head);
        put(&mut s.position, &self.position);
        put(&mut s.name, &self.name);
        let lines: Vec<&String> = self
            .recipients
            .iter()
            .filter(|t| !t.trim().is_empty())
            .collect();
        if !lines.is_empty() {
            n.recipients.clear();
            for text in lines {
                let id = new_id(n, "rcpt");
                n.recipients.push(Line {
                    id,
                    text: text.clone(),
                });
            }
        }
    }

    pub fn to_json(&self) -> String {
        // The blank notice with the profile's fields as the profile has
        // them (a blank one blank, not the template's).
        let mut n = blank();
        let (h, s) = (&mut n.header, &mut n.signature);
        for f in [
            &mut h.parent_body,
            &mut h.issuer,
            &mut h.symbol,
            &mut h.place,
            &mut s.authority,
            &mut s.head,
            &mut s.position,
            &mut s.name,
        ] {
            f.clear();
        }
        n.recipients.clear();
        self.apply_to(&mut n);
        to_json(&n)
    }

    /// A stored profile; None when the text is not one (a damaged value is
    /// ignored: new notices then start from the template).
    pub fn from_json(text: &str) -> Option<Profile> {
        Some(Profile::of(&import(text).ok()?)).filter(|p| !p.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::samples::{blank, sample, template};

    #[test]
    fn a_new_notice_starts_from_the_office_profile() {
        let profile = Profile::of(&sample());
        assert_eq!(profile.place, "Lạng Sơn");
        assert!(profile.issuer.starts_with("SỞ LAO ĐỘNG"));
        assert!(profile.recipients.last().unwrap().contains("Lưu"));
        for mut n in [template(), blank()] {
            profile.apply_to(&mut n);
            assert_eq!(Profile::of(&n), profile);
            // Ids stay unique across the notice's lists.
            let mut ids: Vec<&str> = n.recipients.iter().map(|r| r.id.as_str()).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), n.recipients.len());
            // What a profile does not hold stays the template's.
            assert_eq!(n.header.subject, template_or_blank_subject(&n));
            assert!(n.header.number.is_empty() && n.header.day.is_empty());
        }
    }

    fn template_or_blank_subject(n: &Notice) -> String {
        if n.figures.is_empty() {
            blank().header.subject
        } else {
            template().header.subject
        }
    }

    #[test]
    fn a_blank_field_of_the_profile_leaves_the_notice_alone() {
        let profile = Profile {
            issuer: "SỞ Y TẾ".into(),
            ..Profile::default()
        };
        let mut n = template();
        let before = n.clone();
        profile.apply_to(&mut n);
        assert_eq!(n.header.issuer, "SỞ Y TẾ");
        assert_eq!(n.recipients, before.recipients);
        assert_eq!(n.signature, before.signature);
        assert!(Profile::default().is_empty());
        assert!(Profile {
            place: "  ".into(),
            recipients: vec![" ".into()],
            ..Profile::default()
        }
        .is_empty());
        assert!(!profile.is_empty());
    }

    #[test]
    fn stored_and_read_again_decomposed_text_composed() {
        let mut p = Profile::of(&sample());
        assert_eq!(Profile::from_json(&p.to_json()), Some(p.clone()));
        p.place = "La\u{323}ng So\u{31b}n".into();
        let read = Profile::from_json(&p.to_json()).unwrap();
        assert_eq!(read.place, "Lạng Sơn");
        assert_eq!(Profile::from_json(&Profile::default().to_json()), None);
        for bad in [
            "",
            "{}",
            "[1]",
            r#"{"format":"thongbao.profile","version":1,"profile":{}}"#,
        ] {
            assert_eq!(Profile::from_json(bad), None, "{bad}");
        }
    }
}
