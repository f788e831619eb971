//! The shipped notices: the Chi Lăng 2024 sample, the child-protection
//! template, the blank notice for any topic ("Thông báo trống"), and the
//! sample with its lists made longer, for measuring how cost grows.

use crate::core::json::import;
use crate::core::model::{Block, BlockKind, Figure, FigureKind, Line, Notice, Part, Section};

// data/*.json without their indentation (build.rs).
const SAMPLE: &str = include_str!(concat!(env!("OUT_DIR"), "/chi-lang-2024.json"));
const TEMPLATE: &str = include_str!(concat!(env!("OUT_DIR"), "/template.json"));

/// The reference notice, Chi Lăng 2024, as data.
pub fn sample() -> Notice {
    // Through the one reader every file goes through: a second
    // deserialiser would add its code to the wasm a second time.
    import(SAMPLE).expect("the shipped sample is valid (tested)")
}

/// A blank notice with the standard structure and wording.
pub fn template() -> Notice {
    import(TEMPLATE).expect("the shipped template is valid (tested)")
}

/// "Thông báo trống": the structure and standard wording of a notice of
/// inspection results with no figures, no relations and no topic, for an
/// inspection of anything (vocational training, poverty reduction, people
/// with merit…): the header, the opening with the plan and the schedule
/// notice to fill in, parts I–III, the closing, nơi nhận and the signature.
pub fn blank() -> Notice {
    let mut n = template();
    n.figures.clear();
    n.relations.clear();
    n.footnotes.clear();
    n.accepted.clear();
    n.references
        .retain(|r| r.id == n.opening.plan || r.id == n.opening.schedule);
    n.header.subject = "Kết quả kiểm tra, giám sát …".into();
    n.opening.text = "Thực hiện {plan}; {schedule}, ngày {inspection_date} … tổ chức kiểm tra, giám sát … đối với {inspected_body}. … thông báo kết quả kiểm tra, giám sát như sau:".into();
    let dash = |id: &str| Block {
        id: id.into(),
        kind: BlockKind::Dash,
        text: String::new(),
        refs: Vec::new(),
    };
    let section = |id: &str, title: &str| Section {
        id: id.into(),
        title: title.into(),
        blocks: vec![dash(&format!("{id}.b1"))],
    };
    let part = |id: &str, title: &str, sections: Vec<Section>| Part {
        id: id.into(),
        title: title.into(),
        sections,
    };
    n.parts = vec![
        part("p1", "KẾT QUẢ KIỂM TRA", vec![section("p1.s1", "…")]),
        part(
            "p2",
            "ĐÁNH GIÁ CHUNG",
            vec![
                section("p2.s1", "Ưu điểm"),
                section("p2.s2", "Tồn tại, hạn chế"),
            ],
        ),
        part(
            "p3",
            "KIẾN NGHỊ CỦA ĐOÀN KIỂM TRA",
            vec![section("p3.s1", "Đối với …")],
        ),
    ];
    n.closing = "Trên đây là Thông báo kết quả kiểm tra, giám sát … tại … của đoàn kiểm tra".into();
    let line = |id: &str, text: &str| Line {
        id: id.into(),
        text: text.into(),
    };
    n.recipients = vec![
        line("r1", "UBND tỉnh (B/c)"),
        line("r2", "Lãnh đạo Sở"),
        line("r3", "…"),
        line("r4", "Lưu: VT, …"),
    ];
    n
}

/// The sample with `factor`× as many bullets, referenced documents, support
/// payments and recipients (new items get new ids, so the notice stays
/// valid). `scaled(1)` is the sample.
pub fn scaled(factor: usize) -> Notice {
    let mut n = sample();
    let extra = factor.saturating_sub(1);
    if extra == 0 {
        return n;
    }
    for part in &mut n.parts {
        for section in &mut part.sections {
            let bullets: Vec<Block> = section
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Dash)
                .cloned()
                .collect();
            for copy in 1..=extra {
                section.blocks.extend(bullets.iter().map(|b| Block {
                    id: format!("{}.x{copy}", b.id),
                    ..b.clone()
                }));
            }
        }
    }
    let refs = n.references.clone();
    let payments: Vec<_> = n
        .figures
        .iter()
        .filter(|f| is_payment(f))
        .cloned()
        .collect();
    let recipients: Vec<_> = n.recipients[..n.recipients.len().saturating_sub(1)].to_vec();
    let mut new_blocks = Vec::new();
    for copy in 1..=extra {
        for r in &refs {
            let mut r = r.clone();
            r.id = format!("{}.x{copy}", r.id);
            new_blocks.push(r.id.clone());
            n.references.push(r);
        }
        for f in &payments {
            let mut f = f.clone();
            f.id = format!("{}.x{copy}", f.id);
            n.figures.push(f);
        }
        let at = n.recipients.len().saturating_sub(1);
        for (i, r) in recipients.iter().enumerate() {
            let mut r = r.clone();
            r.id = format!("{}.x{copy}", r.id);
            n.recipients.insert(at + i, r);
        }
    }
    // The copies are cited and shown, so they cost what real items cost.
    if let Some(note) = n.footnotes.first_mut() {
        if let Some(list) = note.blocks.iter_mut().find(|b| b.kind == BlockKind::Refs) {
            list.refs.extend(new_blocks);
        }
    }
    if let Some(note) = n
        .footnotes
        .iter_mut()
        .find(|f| f.blocks.iter().any(|b| b.text.contains("{fig:support.")))
    {
        let ids: Vec<String> = n
            .figures
            .iter()
            .filter(|f| is_payment(f) && f.id.contains(".x"))
            .map(|f| f.id.clone())
            .collect();
        for id in ids {
            note.blocks.push(Block {
                id: format!("pay.{id}"),
                kind: BlockKind::Dash,
                text: format!("Hỗ trợ thêm, số tiền {{fig:{id}}}."),
                refs: Vec::new(),
            });
        }
    }
    n
}

/// The sample's support payments (footnote 4), which `scaled` copies.
fn is_payment(f: &Figure) -> bool {
    f.kind == FigureKind::Amount && f.id.starts_with("support.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::{check, Mode};
    use crate::core::json::{import, to_json};
    use crate::core::render::render_html;

    #[test]
    fn the_minified_copies_are_the_data_files() {
        for (shipped, file) in [
            (SAMPLE, include_str!("../../data/chi-lang-2024.json")),
            (TEMPLATE, include_str!("../../data/template.json")),
        ] {
            assert!(shipped.len() < file.len() * 9 / 10);
            assert_eq!(import(shipped).unwrap(), import(file).unwrap());
        }
    }

    #[test]
    fn the_blank_notice_has_the_structure_and_no_figures() {
        let n = blank();
        assert!(n.figures.is_empty() && n.relations.is_empty());
        assert_eq!(n.parts.len(), 3);
        assert_eq!(import(&to_json(&n)).unwrap(), n, "a valid file");
        let findings = check(&n, Mode::Draft);
        // Only what a blank notice lacks: no rule over figures, no token
        // left dangling, no footnote unused.
        for f in &findings {
            assert!(
                !f.rule.starts_with("figure.")
                    && !f.rule.starts_with("relation.")
                    && f.rule != "text.token"
                    && f.rule != "footnote.unused",
                "{f:?}"
            );
        }
        assert!(render_html(&n).contains("KẾT QUẢ KIỂM TRA"));
    }

    #[test]
    fn scaled_notices_grow_and_stay_valid() {
        let one = scaled(1);
        assert_eq!(one, sample());
        let ten = scaled(10);
        assert_eq!(ten.references.len(), 10 * one.references.len());
        assert_eq!(ten.recipients.len(), 10 * (one.recipients.len() - 1) + 1);
        assert_eq!(import(&to_json(&ten)).unwrap(), ten, "ids stay unique");
        assert!(render_html(&ten).len() > 5 * render_html(&one).len());
        // Copies add no new kind of finding.
        let rules = |n: &Notice| {
            let mut r: Vec<_> = check(n, Mode::Draft).iter().map(|f| f.rule).collect();
            r.dedup();
            r
        };
        let mut a = rules(&one);
        let mut b = rules(&ten);
        a.sort();
        a.dedup();
        b.sort();
        b.dedup();
        assert_eq!(a, b);
    }
}
