//! `core::import`: a notice from what the officer has. The reference notice
//! as text imports to a notice that renders it sentence by sentence (the
//! golden comparison of `tests/golden.rs`, run on the imported notice) and
//! whose check finds the reference's own symbol errors; the messy variants
//! real text comes in (a table: superscripts, `[1]`, digits after
//! punctuation, notes at the end or at page breaks, `**bold**`, tabs,
//! non-breaking spaces, curly quotes and dashes, NFD, CRLF, `1)`/`a)`
//! headings, no agency header) import to the same structure; exported
//! notices round-trip; foreign files get a clear message.

#[path = "golden.rs"]
#[allow(dead_code)]
mod golden;

use thongbao::core::check::{check, Mode};
use thongbao::core::import::{import_file, import_text, Imported};
use thongbao::core::lang::Lang;
use thongbao::core::model::{BlockKind, Notice};
use thongbao::core::render::{render_docx, render_html};
use thongbao::core::samples::sample;
use unicode_normalization::UnicodeNormalization;

const REFERENCE: &str = include_str!("golden/notice-chi-lang-2024.txt");

fn import(text: &str) -> Imported {
    import_text(text).unwrap_or_else(|e| panic!("{}", e.message_en))
}

// ---------------------------------------------------------------------------
// The reference notice

/// The golden deviations an imported notice still has: the three commas
/// before `ngày` that the citation rule drops (a citation became a
/// reference). The others — thousands dots in `1512/1512` and `6005/6079`,
/// `300.000đ/ tháng`, footnote 10's blank total — come from figures, which
/// the importer leaves as text (they print as the reference wrote them).
const IMPORT_DEVIATIONS: usize = 3;

#[test]
fn the_reference_imports_and_renders_sentence_by_sentence() {
    let imported = import(REFERENCE);
    let n = &imported.notice;
    let deviations = &golden::DEVIATIONS[..IMPORT_DEVIATIONS];
    for (from, _, why) in deviations {
        assert!(from.contains(", ngày"), "{why}");
    }
    let reference = golden::reference_with(deviations);
    let r = golden::rendered(n);
    let one_to_n: Vec<usize> = (1..=golden::NOTES).collect();
    assert_eq!(r.notes, golden::NOTES, "footnotes rendered");
    assert_eq!(r.markers, one_to_n, "footnote markers, in text order");
    assert_eq!(r.note_numbers, one_to_n);

    let missing = golden::missing_sentences(&reference, &r.text);
    assert!(
        missing.is_empty(),
        "{} of {} reference sentences are not in the imported notice:{}",
        missing.len(),
        reference.sentences.len(),
        golden::report(&missing)
    );
    let (extra, _) = golden::invented(&reference, &r);
    let allowed: Vec<&str> = golden::NOT_IN_REFERENCE.iter().map(|(a, _)| *a).collect();
    for s in &extra {
        assert!(allowed.contains(&s.as_str()), "invented: {s:?}");
    }
    eprintln!(
        "import golden: {} reference sentences found, {} deviations (the hand-made sample: {})",
        reference.sentences.len(),
        deviations.len(),
        golden::DEVIATIONS.len()
    );
    assert!(deviations.len() <= golden::DEVIATIONS.len());

    // The structure.
    let rep = &imported.report;
    assert_eq!((rep.parts, rep.sections, rep.footnotes), (3, 9, 12));
    assert_eq!(rep.recipients, 5);
    assert!(rep.signature);
    assert_eq!(n.signature.authority, "KT.");
    assert_eq!(n.signature.position, "PHÓ GIÁM ĐỐC");
    assert_eq!(n.header.symbol, "TB-SLĐTBXH");
    assert_eq!(
        (n.header.month.as_str(), n.header.year.as_str()),
        ("8", "2024")
    );
    assert_eq!(rep.header_missing, ["parent_body", "issuer", "number"]);
    assert_eq!(n.opening.inspection_date, "17/7/2024");
    assert_eq!(n.opening.inspected_body, "UBND huyện Chi Lăng");
    // The sample's references, as many (the short `theo Quyết định số
    // 06/QĐ-TTg.` stays text, as in the sample).
    let sample = sample();
    assert_eq!(n.references.len(), sample.references.len());
    for s in &sample.references {
        let found = n
            .references
            .iter()
            .any(|r| r.number == s.number && r.symbol == s.symbol && r.date == s.date);
        assert!(found, "{} {}/{}", s.kind, s.number, s.symbol);
    }
    assert!(rep.plain.is_empty(), "{:?}", rep.plain);
}

#[test]
fn the_imported_reference_checks_find_its_own_errors() {
    let n = import(REFERENCE).notice;
    let findings = check(&n, Mode::Draft);
    let has = |rule: &str, field: &str| {
        findings
            .iter()
            .any(|f| f.rule == rule && f.field().is_some_and(|p| *p == field))
    };
    assert!(
        has("symbol.grammar", "ref/kh221/symbol"),
        "Kh: {findings:#?}"
    );
    assert!(has("symbol.grammar", "ref/qd548/symbol"), "BLĐT BXH");
    assert!(has("ref.date_missing", "ref/kh88/date"));
    // …and its 98,9% for 6.005/6.079, stated in the prose it kept as text.
    let ratio = findings
        .iter()
        .find(|f| f.rule == "prose.ratio")
        .expect("the 98,9% found in the prose");
    assert!(ratio.message_vi.contains("98,9%"), "{}", ratio.message_vi);
    assert_eq!(
        ratio.fix.as_ref().map(|f| f.label_vi.as_str()),
        Some("Dùng 98,8%")
    );
    let fix = findings
        .iter()
        .find(|f| f.rule == "symbol.grammar" && f.message_vi.contains("221/Kh-UBND"))
        .and_then(|f| f.fix.as_ref())
        .expect("a fix");
    assert_eq!(fix.label_vi, "Sửa thành 221/KH-UBND");
    // No false alarm from the import: no dangling token, no unused note,
    // no date out of order.
    for f in &findings {
        assert!(
            !matches!(
                f.rule,
                "text.token" | "footnote.unused" | "date.order" | "date.valid"
            ),
            "{f:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Messy text: a notice on another topic, and the ways real text arrives

/// A notice on vocational training, as an officer would paste it. Planted
/// mistakes: `7/QĐ-UBND` (1–9 are written 01–09) and `112/SLĐTBXH–GDNN`
/// (an en dash in the symbol).
const TRAINING: &str = "UBND TỈNH HÀ GIANG
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 45/TB-SLĐTBXH
Hà Giang, ngày 12 tháng 6 năm 2025
THÔNG BÁO
Kết quả kiểm tra công tác giáo dục nghề nghiệp năm 2025 tại huyện Vị Xuyên
Thực hiện Kế hoạch số 30/KH-SLĐTBXH ngày 10/3/2025 của Sở Lao động - Thương binh và Xã hội về kiểm tra công tác giáo dục nghề nghiệp năm 2025; Thông báo số 40/TB-SLĐTBXH ngày 20/5/2025 của Sở Lao động - Thương binh và Xã hội về lịch kiểm tra, ngày 03/6/2025 Sở Lao động - Thương binh và Xã hội tổ chức kiểm tra đối với UBND huyện Vị Xuyên. Sở thông báo kết quả như sau:
I. KẾT QUẢ KIỂM TRA
1. Công tác chỉ đạo
UBND huyện đã ban hành các văn bản chỉ đạo công tác giáo dục nghề nghiệp[1], triển khai tới các xã và thị trấn trên địa bàn.
- Tổ chức 12 lớp đào tạo nghề cho 360 lao động nông thôn[2];
+ Nghề nông nghiệp: 8 lớp;
+ Nghề phi nông nghiệp: 4 lớp.
2. Kết quả đào tạo
- Số học viên tốt nghiệp 342/360, tỷ lệ 95,5%, theo Công văn số 112/SLĐTBXH–GDNN ngày 02/6/2025 của Sở Lao động - Thương binh và Xã hội.
II. ĐÁNH GIÁ CHUNG
1. Ưu điểm
- Công tác đào tạo nghề được quan tâm, mô hình “Tổ hợp tác” được nhân rộng.
2. Tồn tại, hạn chế
- Tỷ lệ có việc làm sau đào tạo còn thấp.
III. KIẾN NGHỊ
1. Đối với UBND huyện Vị Xuyên
- Tiếp tục thực hiện Quyết định số 7/QĐ-UBND ngày 05/01/2025 của UBND tỉnh Hà Giang về đào tạo nghề cho lao động nông thôn.
Trên đây là Thông báo kết quả kiểm tra công tác giáo dục nghề nghiệp năm 2025 tại huyện Vị Xuyên./.
Nơi nhận:
- UBND tỉnh (b/c);
- UBND huyện Vị Xuyên;
- Lưu: VT, GDNN.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn An
[1] Kế hoạch số 15/KH-UBND ngày 20/02/2025 của UBND huyện Vị Xuyên về đào tạo nghề năm 2025.
[2] Trong đó 5 lớp tại xã Đạo Đức, 7 lớp tại xã Việt Lâm.
";

fn assert_training_structure(n: &Notice, what: &str) {
    let blocks: Vec<_> = n
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .flat_map(|s| &s.blocks)
        .collect();
    let kinds = |k: BlockKind| blocks.iter().filter(|b| b.kind == k).count();
    assert_eq!(n.parts.len(), 3, "{what}: parts");
    assert_eq!(
        n.parts.iter().map(|p| p.sections.len()).collect::<Vec<_>>(),
        [2, 2, 1],
        "{what}: sections"
    );
    assert_eq!(kinds(BlockKind::Dash), 5, "{what}: dashes");
    assert_eq!(kinds(BlockKind::Plus), 2, "{what}: pluses");
    assert_eq!(n.footnotes.len(), 2, "{what}: footnotes");
    let b1 = &n.parts[0].sections[0].blocks[0].text;
    assert!(
        b1.contains("{fn:fn1}") && b1.ends_with("trên địa bàn."),
        "{what}: {b1}"
    );
    assert!(
        n.parts[0].sections[0].blocks[1].text.contains("{fn:fn2}"),
        "{what}"
    );
    assert_eq!(n.references.len(), 5, "{what}: {:#?}", n.references);
    assert_eq!(n.opening.plan, "kh30", "{what}");
    assert_eq!(n.opening.schedule, "tb40", "{what}");
    assert_eq!(n.opening.inspection_date, "03/6/2025", "{what}");
    assert_eq!(n.opening.inspected_body, "UBND huyện Vị Xuyên", "{what}");
    assert_eq!(n.recipients.len(), 3, "{what}");
    assert_eq!(n.recipients[2].text, "Lưu: VT, GDNN", "{what}");
    let s = &n.signature;
    assert_eq!(
        (
            s.authority.as_str(),
            s.head.as_str(),
            s.position.as_str(),
            s.name.as_str()
        ),
        ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"),
        "{what}"
    );
    let h = &n.header;
    assert_eq!(
        (
            h.number.as_str(),
            h.symbol.as_str(),
            h.place.as_str(),
            h.day.as_str(),
            h.month.as_str(),
            h.year.as_str()
        ),
        ("45", "TB-SLĐTBXH", "Hà Giang", "12", "6", "2025"),
        "{what}"
    );
    assert_eq!(h.doc_type, "THÔNG BÁO", "{what}");
    assert!(h.subject.starts_with("Kết quả kiểm tra công tác"), "{what}");
    assert!(
        n.closing.ends_with("tại huyện Vị Xuyên"),
        "{what}: {}",
        n.closing
    );
}

/// Each messy variant of [`TRAINING`] and what it must still give.
fn variants() -> Vec<(&'static str, String)> {
    let t = TRAINING;
    let at_end = |body: &str| body.to_string();
    let sup = t.replace("[1]", "¹").replace("[2]", "²");
    vec![
        ("[1] markers, notes at the end", at_end(t)),
        ("superscript markers", sup.clone()),
        (
            "superscript markers glued to the note text",
            sup.replace("¹ Kế hoạch", "¹Kế hoạch").replace("² Trong", "²Trong"),
        ),
        (
            "notes interleaved at a page break, splitting a paragraph",
            sup.replace(
                "nghiệp¹, triển khai tới các xã và thị trấn trên địa bàn.\n",
                "nghiệp¹, triển khai tới các xã\n\n¹ Kế hoạch số 15/KH-UBND ngày 20/02/2025 của UBND huyện Vị Xuyên về đào tạo nghề năm 2025.\n\nvà thị trấn trên địa bàn.\n",
            )
            .replace("¹ Kế hoạch số 15/KH-UBND ngày 20/02/2025 của UBND huyện Vị Xuyên về đào tạo nghề năm 2025.\n²", "²"),
        ),
        (
            "**bold** headings and signature",
            t.replace("I. KẾT QUẢ KIỂM TRA", "**I. KẾT QUẢ KIỂM TRA**")
                .replace("1. Công tác chỉ đạo", "**1. Công tác chỉ đạo**")
                .replace("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**")
                .replace("THÔNG BÁO\n", "**THÔNG BÁO**\n"),
        ),
        (
            "tabs: a header and a signature table saved as text, tabbed bullets",
            t.replace(
                "UBND TỈNH HÀ GIANG\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 45/TB-SLĐTBXH\nHà Giang, ngày 12 tháng 6 năm 2025",
                "UBND TỈNH HÀ GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\tĐộc lập - Tự do - Hạnh phúc\nSố: 45/TB-SLĐTBXH\tHà Giang, ngày 12 tháng 6 năm 2025",
            )
            .replace("Nơi nhận:\n- UBND tỉnh (b/c);\n- UBND huyện Vị Xuyên;\n- Lưu: VT, GDNN.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n",
                "Nơi nhận:\tKT. GIÁM ĐỐC\n- UBND tỉnh (b/c);\tPHÓ GIÁM ĐỐC\n- UBND huyện Vị Xuyên;\n- Lưu: VT, GDNN.\n\t(Đã ký)\n")
            .replace("\n- ", "\n-\t")
            .replace("\n1. ", "\n1.\t"),
        ),
        ("non-breaking spaces", t.replace(' ', "\u{a0}")),
        (
            "Word's bullets and dashes",
            t.replace("\n- Tổ chức", "\n– Tổ chức")
                .replace("\n- Công tác", "\n• Công tác")
                .replace("\n- Tỷ lệ", "\n— Tỷ lệ")
                .replace("“Tổ hợp tác”", "\"Tổ hợp tác\""),
        ),
        ("decomposed Vietnamese (NFD)", t.nfd().collect()),
        ("Windows line ends", t.replace('\n', "\r\n")),
        ("blank lines between paragraphs", t.replace('\n', "\n\n")),
        (
            "headings numbered 1)",
            t.replace("\n1. ", "\n1) ").replace("\n2. ", "\n2) "),
        ),
    ]
}

#[test]
fn messy_variants_give_the_same_notice() {
    let base = import(TRAINING);
    assert_training_structure(&base.notice, "base");
    assert!(base.report.plain.is_empty(), "{:?}", base.report.plain);
    for (what, text) in variants() {
        let got = import(&text);
        assert_training_structure(&got.notice, what);
        assert_eq!(got.notice, base.notice, "{what}");
    }
}

#[test]
fn digits_after_punctuation_are_markers() {
    let text = TRAINING
        .replace("nghề nghiệp[1],", "nghề nghiệp,1")
        .replace("nông thôn[2];", "nông thôn;2")
        .replace("[1] Kế hoạch", "1 Kế hoạch")
        .replace("[2] Trong", "2 Trong");
    let n = import(&text).notice;
    let b = &n.parts[0].sections[0].blocks;
    assert!(b[0].text.contains("nghề nghiệp,{fn:fn1}"), "{}", b[0].text);
    assert!(b[1].text.contains("nông thôn;{fn:fn2}"), "{}", b[1].text);
    assert_eq!(n.footnotes.len(), 2);
    // Class names and lists of numbers are not markers.
    let n = import(&TRAINING.replace("8 lớp;", "lớp 1,2,3,4;")).notice;
    assert!(n.parts[0].sections[0].blocks[2]
        .text
        .contains("lớp 1,2,3,4;"));
}

#[test]
fn points_a_b_stay_paragraphs_as_written() {
    let text = TRAINING.replace(
        "+ Nghề nông nghiệp: 8 lớp;",
        "a) Nghề nông nghiệp\n- Trồng trọt: 8 lớp;",
    );
    let n = import(&text).notice;
    let blocks = &n.parts[0].sections[0].blocks;
    assert_eq!(blocks[2].kind, BlockKind::Paragraph);
    assert_eq!(blocks[2].text, "a) Nghề nông nghiệp");
    assert_eq!(blocks[3].kind, BlockKind::Dash);
}

#[test]
fn a_missing_agency_header_is_reported_not_invented() {
    let text = TRAINING.lines().skip(4).collect::<Vec<_>>().join("\n");
    let got = import(&text);
    assert_eq!(got.notice.header.parent_body, "");
    assert_eq!(got.notice.header.issuer, "");
    assert_eq!(got.notice.header.number, "45");
    assert_eq!(got.report.header_missing, ["parent_body", "issuer"]);
    let rules: Vec<_> = check(&got.notice, Mode::Draft)
        .iter()
        .map(|f| f.rule)
        .collect();
    assert!(rules.contains(&"header.required"));
    // No header at all: the opening starts the notice.
    let body = TRAINING.lines().skip(8).collect::<Vec<_>>().join("\n");
    let got = import(&body);
    assert!(got.notice.opening.text.starts_with("Thực hiện {plan}"));
    assert_eq!(got.notice.parts.len(), 3);
    assert!(got.report.header_missing.contains(&"subject"));
}

#[test]
fn the_training_notice_checks_its_planted_mistakes() {
    let n = import(TRAINING).notice;
    let findings = check(&n, Mode::Draft);
    let symbol_errors: Vec<String> = findings
        .iter()
        .filter(|f| f.rule == "symbol.grammar")
        .map(|f| f.message_vi.clone())
        .collect();
    assert!(
        symbol_errors.iter().any(|m| m.starts_with("7/QĐ-UBND")),
        "{symbol_errors:?}"
    );
    assert!(
        symbol_errors
            .iter()
            .any(|m| m.starts_with("112/SLĐTBXH–GDNN")),
        "{symbol_errors:?}"
    );
    assert_eq!(symbol_errors.len(), 2, "{symbol_errors:?}");
    for f in &findings {
        assert!(
            !matches!(
                f.rule,
                "text.token"
                    | "footnote.unused"
                    | "date.order"
                    | "date.valid"
                    | "header.required"
                    | "recipients.archive"
            ),
            "{f:?}"
        );
    }
}

#[test]
fn nothing_is_dropped_and_the_report_says_what_was_left() {
    let text = TRAINING.replace(
        "I. KẾT QUẢ KIỂM TRA\n",
        "I. KẾT QUẢ KIỂM TRA\nĐoàn làm việc trong hai ngày.\n",
    ) + "Ghi chú cuối trang không số\n";
    let got = import(&text);
    let plain: Vec<usize> = got.report.plain.iter().map(|p| p.line).collect();
    assert_eq!(plain.len(), 1, "{:?}", got.report.plain);
    assert_eq!(plain[0], 11);
    let json = thongbao::core::json::to_json(&got.notice);
    assert!(json.contains("Đoàn làm việc trong hai ngày."));
    // After the signature, the last note goes on.
    assert!(json.contains("Ghi chú cuối trang không số"));
    let lines = got.report.lines(Lang::Vi);
    // The stray paragraph sits in an untitled section of its own.
    assert!(lines[0].starts_with("Nhận ra: 3 phần, 6 mục"), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("dòng 11")), "{lines:?}");
    let en = got.report.lines(Lang::En);
    assert!(
        en[0].starts_with("Recognised: 3 parts, 6 sections"),
        "{en:?}"
    );
}

#[test]
fn the_inspected_body_is_found_where_the_opening_names_it() {
    let cases = [
        (
            "ngày 17/7/2024 Sở phối hợp kiểm tra đối với UBND huyện Chi Lăng.",
            "UBND huyện Chi Lăng",
        ),
        (
            "ngày 25/9/2025 Đoàn đã tiến hành kiểm tra tại UBND huyện Lục Ngạn.",
            "UBND huyện Lục Ngạn",
        ),
        (
            "ngày 21/5/2024 Đoàn kiểm tra liên ngành đã kiểm tra tại thị xã Nghĩa Lộ.",
            "thị xã Nghĩa Lộ",
        ),
        (
            "ngày 10/02/2025 Đoàn đã làm việc với Trường THPT Yên Thành 2.",
            "Trường THPT Yên Thành 2",
        ),
        (
            "ngày 10/02/2025 Đoàn giám sát tại huyện Mường Chà.",
            "huyện Mường Chà",
        ),
        // A place that is no body, a list: left as text.
        (
            "ngày 10/02/2025 Đoàn đã kiểm tra tại các xã trên địa bàn.",
            "",
        ),
        (
            "ngày 10/02/2025 Đoàn đã kiểm tra tại UBND huyện A, UBND huyện B.",
            "",
        ),
    ];
    for (sentence, body) in cases {
        let text = format!("SỞ Y TẾ\nSố: 12/TB-SYT\nHà Nội, ngày 02 tháng 3 năm 2025\nTHÔNG BÁO\nKết quả kiểm tra\nThực hiện Kế hoạch số 5/KH-SYT ngày 01/02/2025 của Sở Y tế, {sentence} Sở Y tế thông báo như sau:\nI. KẾT QUẢ\n1. Công tác chỉ đạo\nĐã ban hành kế hoạch.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn A\n");
        let got = import(&text);
        let o = &got.notice.opening;
        assert_eq!(o.inspected_body, body, "{sentence}");
        assert_eq!(
            o.text.contains("{inspected_body}"),
            !body.is_empty(),
            "{}",
            o.text
        );
    }
}

#[test]
fn a_part_of_bullets_alone_is_how_notices_are_written_and_needs_no_look() {
    // "III. KIẾN NGHỊ" and its bullets, with no numbered section: nothing
    // to review (text before a part's first numbered section still is).
    let text = "SỞ Y TẾ\nSố: 12/TB-SYT\nHà Nội, ngày 02 tháng 3 năm 2025\nTHÔNG BÁO\nKết quả kiểm tra\nI. KẾT QUẢ\n1. Công tác chỉ đạo\nĐã ban hành kế hoạch.\nII. KIẾN NGHỊ\n- Đề nghị tiếp tục rà soát.\n- Đề nghị báo cáo kết quả.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn A\n";
    let got = import(text);
    assert_eq!(got.report.plain.len(), 0, "{:?}", got.report.plain);
    let json = thongbao::core::json::to_json(&got.notice);
    assert!(json.contains("Đề nghị báo cáo kết quả."));
    assert_eq!(got.notice.parts[1].sections.len(), 1);
    assert_eq!(got.notice.parts[1].sections[0].blocks.len(), 2);
}

// ---------------------------------------------------------------------------
// Files: round trips, foreign HTML and Word, refusals

#[test]
fn exported_notices_import_back_equal() {
    let n = sample();
    let html = render_html(&n);
    let got = import_file(html.as_bytes(), "thong-bao.html").unwrap();
    assert_eq!(got.notice, n);
    assert!(got.report.exported);
    let docx = render_docx(&n);
    let got = import_file(&docx, "thong-bao.docx").unwrap();
    assert_eq!(got.notice, n);
    let json = thongbao::core::json::to_json(&n);
    assert_eq!(import_file(json.as_bytes(), "n.json").unwrap().notice, n);
}

/// The sample's HTML without its embedded data, as an e-office system
/// would show it: read by the parser.
#[test]
fn foreign_html_is_parsed() {
    let html = render_html(&sample());
    let start = html.find("<script type=\"application/json\"").unwrap();
    let end = html[start..].find("</script>").unwrap() + start + "</script>".len();
    let foreign = format!("{}{}", &html[..start], &html[end..]);
    let got = import_file(foreign.as_bytes(), "eoffice.htm").unwrap();
    let n = &got.notice;
    assert!(!got.report.exported);
    assert_eq!(n.parts.len(), 3);
    assert_eq!(n.footnotes.len(), 12);
    assert_eq!(n.header.parent_body, "UBND TỈNH LẠNG SƠN");
    assert_eq!(n.header.issuer, "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI");
    assert_eq!(n.signature.name, "Đàm Văn Chính");
    assert_eq!(n.recipients.len(), 5);
    let rules: Vec<_> = check(n, Mode::Draft).iter().map(|f| f.rule).collect();
    assert!(rules.contains(&"symbol.grammar"));
}

/// The sample's Word file without thongbao's data part: read from its
/// paragraphs and its real Word footnotes.
#[test]
fn foreign_docx_is_parsed() {
    use thongbao::core::zip::{entries, read, ZipWriter};
    let docx = render_docx(&sample());
    let mut w = ZipWriter::new();
    for e in entries(&docx).unwrap() {
        if !e.name.starts_with("customXml/") {
            w.add(&e.name, &read(&e).unwrap());
        }
    }
    let foreign = w.finish();
    let got = import_file(&foreign, "bao-cao.docx").unwrap();
    let n = &got.notice;
    assert!(!got.report.exported);
    assert_eq!(n.parts.len(), 3, "{:?}", got.report);
    assert_eq!(n.footnotes.len(), 12);
    assert_eq!(n.signature.name, "Đàm Văn Chính");
    let r = golden::rendered(n);
    assert_eq!(r.markers, (1..=12).collect::<Vec<_>>());
}

#[test]
fn foreign_and_broken_files_are_refused_with_a_message() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let random: Vec<u8> = (0..2000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let not_a_notice = "<html><body><h1>Tin tức</h1><p>Hôm nay trời đẹp.</p></body></html>";
    let cases: [(&[u8], &str, &str); 6] = [
        (png, "anh.png", "PNG"),
        (&random, "x.bin", ""),
        (b"", "trong.txt", "empty"),
        (b"  \n\t ", "trong.txt", "empty"),
        (not_a_notice.as_bytes(), "tin.html", "No notice"),
        (b"PK\x03\x04garbage", "hong.docx", "damaged"),
    ];
    for (bytes, name, says) in cases {
        let e = import_file(bytes, name).expect_err(name);
        assert!(!e.message_vi.is_empty(), "{name}");
        assert!(e.message_en.contains(says), "{name}: {}", e.message_en);
    }
    // Latin-1 / TCVN3 bytes: a legacy encoding.
    let e = import_file(b"Th\xf4ng b\xe1o", "cu.txt").unwrap_err();
    assert!(e.message_en.contains("UTF-8"));
    // UTF-16 with a BOM (Notepad's "Unicode") is read.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in TRAINING.encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    assert_eq!(
        import_file(&utf16, "u.txt").unwrap().notice,
        import(TRAINING).notice
    );
}

#[test]
fn reading_the_reference_is_fast() {
    let t = std::time::Instant::now();
    let runs = 20;
    for _ in 0..runs {
        std::hint::black_box(import(REFERENCE));
    }
    let ms = t.elapsed().as_secs_f64() * 1e3 / f64::from(runs);
    eprintln!("import of the reference: {ms:.2} ms (debug build)");
    assert!(ms < 200.0, "{ms} ms");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any text, any bytes, any HTML-ish soup: a notice or a message,
    /// never a panic; what imports renders and checks.
    #[test]
    fn import_never_panics(
        text in "(\\PC|[\n\t\\[\\]¹²³<>/&;*{}\\-+.,:]|Kế hoạch số 12/KH-UBND ngày 1/2/2024 của |Số: |I\\. |1\\. |- |Nơi nhận:|KT\\. GIÁM ĐỐC|<p>|<sup>|</td>){0,60}",
        cut in 0usize..4000,
    ) {
        for name in ["a.txt", "a.html", "a.docx"] {
            if let Ok(got) = import_file(text.as_bytes(), name) {
                let _ = render_html(&got.notice);
                let _ = check(&got.notice, Mode::Final);
                let _ = got.report.lines(Lang::En);
            }
        }
        let reference = REFERENCE.as_bytes();
        let cut = cut.min(reference.len());
        let _ = import_file(&reference[..cut], "ref.txt");
        let _ = import_file(&reference[cut..], "ref.txt");
    }
}

/// A notice on food safety laid out with spaces (a Word table saved as
/// text): the header and the signature run together with the motto and
/// nơi nhận, `Số: 12 /TB-SYT`, `1)` and `a)` headings, a date in words.
/// Planted: `5/KH-SYT` (not 05), `320/SYT–NVY` (an en dash), `31/02/2024`.
#[test]
fn a_notice_laid_out_with_spaces_imports_and_checks() {
    let got = import(include_str!("fixtures/import-food-safety.txt"));
    let n = &got.notice;
    let h = &n.header;
    assert_eq!(h.parent_body, "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN");
    assert_eq!(h.issuer, "SỞ Y TẾ");
    assert_eq!((h.number.as_str(), h.symbol.as_str()), ("12", "TB-SYT"));
    assert_eq!(
        (h.place.as_str(), h.day.as_str(), h.month.as_str()),
        ("Bắc Kạn", "05", "3")
    );
    assert_eq!(n.signature.position, "PHÓ GIÁM ĐỐC");
    assert_eq!(n.signature.name, "Trần Thị Bình");
    assert_eq!(n.recipients.len(), 2);
    assert_eq!(n.footnotes.len(), 2);
    assert_eq!(n.references[0].date, "12/5/2023", "a date in words");
    let findings = check(n, Mode::Draft);
    let on = |rule: &str, field: &str| {
        findings
            .iter()
            .any(|f| f.rule == rule && f.field().is_some_and(|p| *p == field))
    };
    assert!(on("symbol.grammar", "ref/kh5/number"), "{findings:#?}");
    assert!(on("symbol.grammar", "ref/cv320/symbol"));
    assert!(on("date.valid", "ref/cv320/date"));
    // Part II has no numbered section: its bullet is placed in an untitled
    // one, as notices are written (nothing to review); `(Đã ký)` is named,
    // not printed.
    let lines: Vec<usize> = got.report.plain.iter().map(|p| p.line).collect();
    assert_eq!(lines, [22]);
    assert_eq!(n.parts[1].sections[0].title, "");
}

/// Headers and openings as other issuers write them: a People's Committee
/// named on two lines (its place on the second: one issuer, no parent
/// body), a department on two lines under its parent, the inspection
/// “từ ngày … đến ngày …” after a plan with a subject, a law cited before
/// the plan (its date is not the inspection's).
#[test]
fn headers_and_openings_of_other_issuers() {
    let body = "I. KẾT QUẢ\n1. Kết quả\n- Đoàn đã làm việc với 05 xã.\n";
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 215/TB-UBND\nĐiện Biên, ngày 25 tháng 12 năm 2024\nTHÔNG BÁO\nKết quả kiểm tra\nThực hiện Kế hoạch số 3120/KH-UBND ngày 02/10/2024 của UBND tỉnh về kiểm tra các chương trình năm 2024, từ ngày 18/11/2024 đến ngày 20/11/2024 Đoàn kiểm tra đã làm việc tại huyện Mường Chà.\n",
            "",
            "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
            "18/11/2024",
        ),
        (
            "UBND HUYỆN YÊN THÀNH\nỦY BAN NHÂN DÂN\nXÃ HỢP THÀNH\nSố: 12/TB-UBND\nHợp Thành, ngày 05 tháng 3 năm 2025\nTHÔNG BÁO\nKết quả kiểm tra\nThực hiện Kế hoạch số 02/KH-UBND ngày 08/01/2025 của UBND xã, ngày 10/02/2025 Đoàn kiểm tra đã làm việc.\n",
            "UBND HUYỆN YÊN THÀNH",
            "ỦY BAN NHÂN DÂN XÃ HỢP THÀNH",
            "10/02/2025",
        ),
        (
            "UBND TỈNH TUYÊN QUANG\nSỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 45/TB-SLĐTBXH\nTuyên Quang, ngày 18 tháng 10 năm 2024\nTHÔNG BÁO\nKết quả kiểm tra\nCăn cứ Luật Giáo dục nghề nghiệp số 74/2014/QH13 ngày 27/11/2014;\nThực hiện Kế hoạch số 112/KH-SLĐTBXH ngày 05/8/2024 của Sở về kiểm tra năm 2024, ngày 24/9/2024 Đoàn kiểm tra đã làm việc với UBND huyện Sơn Dương.\n",
            "UBND TỈNH TUYÊN QUANG",
            "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
            "24/9/2024",
        ),
    ];
    for (head, parent, issuer, date) in cases {
        let n = import(&format!("{head}{body}")).notice;
        assert_eq!(n.header.parent_body, *parent, "{head}");
        assert_eq!(n.header.issuer, *issuer, "{head}");
        assert_eq!(n.opening.inspection_date, *date, "{head}");
        let header_findings: Vec<_> = check(&n, Mode::Draft)
            .into_iter()
            .filter(|f| {
                f.field().is_some_and(|p| *p == "header/parent_body") || f.rule == "date.order"
            })
            .collect();
        assert!(header_findings.is_empty(), "{head}: {header_findings:#?}");
    }
}

/// Laws as openings cite them, by name before “số” or without one: each a
/// reference that prints back as written, whose symbol the checks read
/// (the year in `25/2008/QH12` is not the year of its date 14/11/2009).
#[test]
fn laws_cited_by_name_become_references() {
    let text = "UBND TỈNH YÊN BÁI\nSỞ Y TẾ\nSố: 128/TB-SYT\nYên Bái, ngày 12 tháng 6 năm 2024\nTHÔNG BÁO\nKết quả kiểm tra\nCăn cứ Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14/11/2009;\nCăn cứ Luật số 58/2014/QH13 ngày 20/11/2014 của Quốc hội;\nCăn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019;\nCăn cứ Luật Trẻ em năm 2016;\nThực hiện Kế hoạch số 76/KH-SYT ngày 15/5/2024 của Sở Y tế, ngày 21/5/2024 Đoàn kiểm tra đã làm việc.\nI. KẾT QUẢ\n1. Kết quả\n- Đã làm việc với 05 xã.\n";
    let n = import(text).notice;
    let refs: Vec<(&str, &str, &str)> = n
        .references
        .iter()
        .map(|r| (r.kind.as_str(), r.symbol.as_str(), r.date.as_str()))
        .collect();
    assert_eq!(
        refs,
        [
            ("Luật Bảo hiểm y tế", "2008/QH12", "14/11/2009"),
            ("Luật", "2014/QH13", "20/11/2014"),
            ("Bộ luật Lao động", "2019/QH14", "20/11/2019"),
            ("Kế hoạch", "KH-SYT", "15/5/2024"),
        ]
    );
    assert!(n.opening.text.contains("Căn cứ Luật Trẻ em năm 2016;"));
    assert_eq!(n.opening.inspection_date, "21/5/2024");
    let symbols: Vec<(String, String)> = check(&n, Mode::Draft)
        .into_iter()
        .filter(|f| f.rule.starts_with("symbol."))
        .map(|f| {
            (
                f.rule.to_string(),
                f.field().map(|p| p.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        symbols,
        [(
            "symbol.year".to_string(),
            format!("ref/{}/symbol", n.references[0].id)
        )]
    );
}
