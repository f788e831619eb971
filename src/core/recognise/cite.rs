//! Citations in prose: `Công văn số 548/UBND-LĐTBXH ngày 21/3/2024 của
//! UBND tỉnh`, `Nghị định 105/2020/NĐ-CP`, `Kế hoạch số 88/KH-UBND`.

use super::lex::{Tok, TokKind};
use super::units::{DOC_KINDS, ISSUER_END};
use super::{Citation, Kind, Span};

/// A citation starting at token `i`, and the token after it.
pub(super) fn citation(text: &str, toks: &[Tok], i: usize) -> Option<(Span, usize)> {
    let first = toks[i].kind.word()?;
    // A citation has its number/symbol within a few words: most words
    // are let go here, before the table of kinds.
    let near = toks.get(i + 1..toks.len().min(i + 6))?;
    if !near
        .iter()
        .any(|t| matches!(t.kind, TokKind::Symbol { .. }))
    {
        return None;
    }
    let kind_len = DOC_KINDS.iter().find_map(|k| {
        if !k.starts_with(first) {
            return None;
        }
        let mut n = 0;
        for w in k.split(' ') {
            if toks.get(i + n).and_then(|t| t.kind.word()) != Some(w) {
                return None;
            }
            n += 1;
        }
        Some(n)
    })?;
    let mut j = i + kind_len;
    if toks.get(j).and_then(|t| t.kind.word()) == Some("số") {
        j += 1;
    }
    let TokKind::Symbol { number, symbol } = &toks.get(j)?.kind else {
        return None;
    };
    let mut cite = Citation {
        kind: text[toks[i].start..toks[i + kind_len - 1].end].to_string(),
        number: number.clone(),
        symbol: symbol.clone(),
        ..Citation::default()
    };
    let mut end = toks[j].end;
    j += 1;
    let word = |k: usize| toks.get(k).and_then(|t| t.kind.word());
    let comma = |k: usize| matches!(toks.get(k).map(|t| &t.kind), Some(TokKind::Punct(',')));
    // `, ngày 20/5/2024` or `ngày 20 tháng 5 năm 2024`
    let k = if comma(j) { j + 1 } else { j };
    if word(k) == Some("ngày") {
        match toks.get(k + 1).map(|t| &t.kind) {
            Some(TokKind::Slashed(parts)) if parts.len() == 3 => {
                cite.date = text[toks[k + 1].start..toks[k + 1].end].to_string();
                end = toks[k + 1].end;
                j = k + 2;
            }
            Some(TokKind::Num(_))
                if word(k + 2) == Some("tháng")
                    && matches!(toks.get(k + 3).map(|t| &t.kind), Some(TokKind::Num(_)))
                    && word(k + 4) == Some("năm")
                    && matches!(toks.get(k + 5).map(|t| &t.kind), Some(TokKind::Num(_))) =>
            {
                cite.date = text[toks[k + 1].start..toks[k + 5].end].to_string();
                end = toks[k + 5].end;
                j = k + 6;
            }
            _ => {}
        }
    }
    // `của UBND tỉnh`, up to what it is about.
    let k = if comma(j) { j + 1 } else { j };
    if word(k) == Some("của") {
        let mut last = None;
        let mut m = k + 1;
        while let Some(t) = toks.get(m) {
            let stop = match &t.kind {
                TokKind::Word(w) => {
                    let lower_start = text[t.start..]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase);
                    // Another document's kind (`… Xã hội Thông báo Lịch …`).
                    let kind_next = DOC_KINDS.iter().any(|k| {
                        let mut ws = k.split(' ');
                        ws.next() == Some(w.as_ref())
                            && ws.next().is_some_and(|n| {
                                toks.get(m + 1).and_then(|t| t.kind.word()) == Some(n)
                            })
                    });
                    last.is_some()
                        && ((lower_start && ISSUER_END.contains(&w.as_ref())) || kind_next)
                }
                TokKind::Punct(c) => !matches!(c, '-' | '–' | '&'),
                _ => true,
            };
            if stop || m - k > 16 {
                break;
            }
            if matches!(t.kind, TokKind::Word(_)) {
                last = Some(m);
            }
            m += 1;
        }
        if let Some(last) = last {
            cite.issuer = text[toks[k + 1].start..toks[last].end].to_string();
            end = toks[last].end;
            j = last + 1;
        }
    }
    Some((
        Span {
            start: toks[i].start,
            end,
            kind: Kind::Citation(cite),
        },
        j,
    ))
}
