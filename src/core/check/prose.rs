//! The rules over what prose states (`prose.*`): each rich text is
//! recognised ([`crate::core::recognise`]) and the relations its words
//! state are checked at once — "120 hộ, trong đó 150 hộ" is a finding on
//! that text. A `{fig:ID}` token reads as its figure's value; a relation
//! between figures only is left to the notice's own relations (declared or
//! confirmed), so nothing is reported twice.

use super::Sink;
use crate::core::field::FieldPath;
use crate::core::model::Indexed;
use crate::core::recognise::rich::Plain;
use crate::core::recognise::{recognise, verdict, ProblemKind};
use crate::core::render::figure_text;

/// The `prose.*` findings of the rich text at `path`.
pub(super) fn run(n: &Indexed, path: &FieldPath, text: &str, sink: &mut Sink) {
    // Nothing to recognise without a digit or a figure.
    if !text.bytes().any(|b| b.is_ascii_digit()) && !text.contains("{fig:") {
        return;
    }
    let value = |id: &str| n.figure(id).map(figure_text);
    let plain = Plain::new(text, &value);
    let (found, stated) = recognise(&plain.text);
    let typed = |i: usize| plain.figure_at(found[i].start).is_none();
    for st in stated {
        if !st.kind.members().into_iter().any(typed) {
            continue;
        }
        let Some(p) = verdict(&plain.text, &found, &st) else {
            continue;
        };
        let rule = match p.kind {
            ProblemKind::PartOf => rule!("prose.part_of"),
            ProblemKind::Sum => rule!("prose.sum"),
            ProblemKind::Ratio => rule!("prose.ratio"),
            ProblemKind::Fraction => rule!("prose.fraction"),
            ProblemKind::Product => rule!("prose.product"),
        };
        let f = sink
            .push(rule, vec![path.clone()], p.message_vi, p.message_en)
            .with_values(p.values);
        if let Some((i, value)) = p.fix.filter(|(i, _)| typed(*i)) {
            let (a, b) = (
                plain.rich_start(found[i].start),
                plain.rich_end(found[i].end),
            );
            if a <= b && text.is_char_boundary(a) && text.is_char_boundary(b) {
                let mut new = text.to_string();
                new.replace_range(a..b, &value);
                f.with_fix(
                    path.clone(),
                    new,
                    format!("Dùng {value}"),
                    format!("Use {value}"),
                );
            }
        }
    }
}
