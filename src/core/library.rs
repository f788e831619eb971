//! The library of notices kept in one browser (issue 15), as data: a
//! notice's entry in the list ("Thông báo của tôi": subject, inspected
//! body, date, status, last edited, its counts of errors and warnings) and
//! the search over entries. The browser glue (`web::library`) stores
//! entries next to the notices' JSON; this module knows nothing of where.

use super::model::{Notice, Status};
use super::nfc::fold_ascii;
use super::text::plain;
use serde::{Deserialize, Serialize};

/// One notice in the list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// The officer's own name for it in the list; None: its subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Trích yếu, as plain text.
    pub subject: String,
    /// Đơn vị được kiểm tra.
    pub body: String,
    /// The notice's date as written (`15/8/2024`), blank parts left out.
    pub date: String,
    pub status: Status,
    /// When it was last saved, milliseconds since 1970.
    pub edited: f64,
    pub errors: usize,
    pub warnings: usize,
    /// Changed since it was last downloaded.
    #[serde(default)]
    pub dirty: bool,
}

impl Entry {
    /// The entry of `notice` as saved now.
    pub fn of(id: &str, notice: &Notice, (errors, warnings): (usize, usize), edited: f64) -> Self {
        let h = &notice.header;
        let date = [h.day.trim(), h.month.trim(), h.year.trim()]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("/");
        Entry {
            id: id.to_string(),
            name: None,
            subject: plain(&h.subject).trim().to_string(),
            body: notice.opening.inspected_body.trim().to_string(),
            date,
            status: notice.status,
            edited,
            errors,
            warnings,
            dirty: false,
        }
    }

    /// What the list calls it: the officer's name, else the subject.
    pub fn title(&self) -> &str {
        match &self.name {
            Some(n) if !n.trim().is_empty() => n,
            _ => &self.subject,
        }
    }

    /// Whether every word of `query` is in the entry's name, subject,
    /// inspected body or date, ignoring case and Vietnamese marks
    /// (`chi lang` finds `Chi Lăng`; `lăng` does not find `lang`-less text).
    pub fn matches(&self, query: &str) -> bool {
        let hay = folded(&format!(
            "{} {} {} {}",
            self.name.as_deref().unwrap_or(""),
            self.subject,
            self.body,
            self.date
        ));
        folded(query).split_whitespace().all(|w| hay.contains(w))
    }
}

/// "Tạo từ thông báo cũ": next year's notice from an earlier one. The same
/// structure, wording, figures (their names, kinds and units), relations,
/// references and recipients; emptied: every figure's value, the notice's
/// number and day and the inspection's date, the accepted warnings (their
/// reasons were about last year's figures); the notice's year and every
/// "năm 2024" in the subject and the titles of parts and sections move on
/// a year (citations of other documents are references, kept as they
/// are); the status back to draft.
pub fn next_year(old: &Notice) -> Notice {
    let mut n = old.clone();
    n.status = Status::Draft;
    for f in &mut n.figures {
        f.value.clear();
        f.total.clear();
    }
    let h = &mut n.header;
    h.number.clear();
    h.day.clear();
    if let Ok(y) = h.year.trim().parse::<u32>() {
        h.year = (y + 1).to_string();
    }
    h.subject = years_on(&h.subject);
    n.opening.inspection_date.clear();
    for part in &mut n.parts {
        part.title = years_on(&part.title);
        for section in &mut part.sections {
            section.title = years_on(&section.title);
        }
    }
    n.accepted.clear();
    n
}

/// `text` with the year after each "năm" (any case) a year on:
/// "năm 2024" → "năm 2025". Other numbers stay.
fn years_on(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_nam(rest) {
        let after = at + "năm".len();
        out.push_str(&rest[..after]);
        rest = &rest[after..];
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        let digits = rest[spaces..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if spaces > 0 && digits == 4 {
            if let Ok(y) = rest[spaces..spaces + 4].parse::<u32>() {
                out.push_str(&rest[..spaces]);
                out.push_str(&(y + 1).to_string());
                rest = &rest[spaces + 4..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the next word "năm" (any case) starts.
fn find_nam(s: &str) -> Option<usize> {
    let lower = s.to_lowercase();
    // Lowercasing keeps these letters' byte lengths, so offsets agree.
    if lower.len() != s.len() {
        return s.find("năm").or_else(|| s.find("Năm"));
    }
    let mut from = 0;
    while let Some(i) = lower[from..].find("năm") {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        if before.is_none_or(|c| !c.is_alphanumeric()) {
            return Some(at);
        }
        from = at + "năm".len();
    }
    None
}

/// Lowercase ASCII without Vietnamese marks.
fn folded(s: &str) -> String {
    fold_ascii(&super::nfc::nfc(s)).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::samples::sample;

    #[test]
    fn entry_of_the_sample() {
        let e = Entry::of("a", &sample(), (1, 2), 5.0);
        assert!(e.subject.contains("Chi Lăng"), "{}", e.subject);
        assert_eq!(e.body, "UBND huyện Chi Lăng");
        assert_eq!((e.errors, e.warnings, e.edited), (1, 2, 5.0));
        assert_eq!(e.title(), e.subject);
    }

    #[test]
    fn search_ignores_case_and_marks() {
        let e = Entry::of("a", &sample(), (0, 0), 0.0);
        assert!(e.matches("chi lang"));
        assert!(e.matches("CHI LĂNG"));
        assert!(e.matches("lăng chi"));
        assert!(e.matches(""));
        assert!(!e.matches("chi lang bac giang"));
        let named = Entry {
            name: Some("Huyện Bắc Sơn".into()),
            ..e
        };
        assert!(named.matches("bac son"));
        assert_eq!(named.title(), "Huyện Bắc Sơn");
    }

    #[test]
    fn next_year_from_the_sample() {
        let old = sample();
        let n = next_year(&old);
        assert_eq!(n.status, Status::Draft);
        assert_eq!(n.header.number, "");
        assert_eq!(n.header.day, "");
        assert_eq!(n.header.month, old.header.month);
        assert_eq!(n.header.year, "2025");
        assert!(n
            .figures
            .iter()
            .all(|f| f.value.is_empty() && f.total.is_empty()));
        assert_eq!(n.figures.len(), old.figures.len());
        assert_eq!(
            n.figures
                .iter()
                .map(|f| (&f.id, &f.label, &f.unit))
                .collect::<Vec<_>>(),
            old.figures
                .iter()
                .map(|f| (&f.id, &f.label, &f.unit))
                .collect::<Vec<_>>()
        );
        assert_eq!(n.relations, old.relations);
        assert_eq!(
            n.references, old.references,
            "citations of other documents untouched"
        );
        assert_eq!(n.parts.len(), old.parts.len());
        assert_eq!(n.opening.text, old.opening.text);
        assert_eq!(n.opening.inspection_date, "");
        assert!(!n.header.subject.contains("2024"), "{}", n.header.subject);
        assert_eq!(
            n.header.subject,
            old.header.subject.replace("năm 2024", "năm 2025")
        );
    }

    #[test]
    fn years_move_on_after_nam_only() {
        assert_eq!(years_on("công tác năm 2024"), "công tác năm 2025");
        assert_eq!(years_on("Năm 2024 và NĂM 2023"), "Năm 2025 và NĂM 2024");
        assert_eq!(years_on("6 tháng đầu năm  2024."), "6 tháng đầu năm  2025.");
        assert_eq!(years_on("số 2024 ngày 3/7/2024"), "số 2024 ngày 3/7/2024");
        assert_eq!(years_on("năm 20245"), "năm 20245");
        assert_eq!(years_on("hằng năm, năm học 2024"), "hằng năm, năm học 2024");
        assert_eq!(years_on("{ref:kh} năm 2024"), "{ref:kh} năm 2025");
    }

    #[test]
    fn entry_round_trips_through_json() {
        let e = Entry::of("a", &sample(), (3, 4), 12.0);
        let back: Entry = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back, e);
    }
}
