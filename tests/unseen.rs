//! Notices on topics the recogniser was not built on (vocational training,
//! health insurance, poverty reduction, clean water and new rural
//! development), written as officers paste them, each with the agencies,
//! symbols and layout of its own issuer. Each imports, its header,
//! structure, footnotes, recipients and signature read right, and its
//! check finds exactly what was planted: every planted inconsistency, and
//! nothing on a correct sentence (a false finding is the worst failure).

use thongbao::core::check::{check, Mode};
use thongbao::core::field::rich_texts;
use thongbao::core::import::{import_text, Imported};
use thongbao::core::model::Notice;
use thongbao::core::recognise::rich::Plain;
use thongbao::core::recognise::{recognise, StatedKind};
use thongbao::core::render::figure_text;

fn import(text: &str) -> Imported {
    import_text(text).unwrap_or_else(|e| panic!("{}", e.message_en))
}

/// The findings of a draft check as `rule field`, in order.
fn findings(n: &Notice) -> Vec<String> {
    check(n, Mode::Draft)
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f.rule,
                f.field().map_or(String::new(), |p| p.to_string())
            )
        })
        .collect()
}

/// The titles of the parts, and how many blocks each section has.
fn outline(n: &Notice) -> Vec<(String, Vec<usize>)> {
    n.parts
        .iter()
        .map(|p| {
            let blocks = p.sections.iter().map(|s| s.blocks.len()).collect();
            (p.title.clone(), blocks)
        })
        .collect()
}

fn header(n: &Notice) -> [&str; 8] {
    let h = &n.header;
    [
        &h.parent_body,
        &h.issuer,
        &h.number,
        &h.symbol,
        &h.place,
        &h.day,
        &h.month,
        &h.year,
    ]
}

/// How many relations the notice's sentences state, by kind (part,
/// parts at most, sum, ratio, n/N, product): what recognition read, so
/// that a change that stops reading a sentence shows here.
fn stated(n: &Notice) -> [usize; 6] {
    let mut counts = [0; 6];
    for (_, text) in rich_texts(n) {
        let value = |id: &str| n.figure(id).map(figure_text);
        let plain = Plain::new(text, &value);
        for st in recognise(&plain.text).1 {
            counts[match st.kind {
                StatedKind::PartOf { .. } => 0,
                StatedKind::SumAtMost { .. } => 1,
                StatedKind::Sum { .. } => 2,
                StatedKind::Ratio { .. } => 3,
                StatedKind::Fraction { .. } => 4,
                StatedKind::Product { .. } => 5,
            }] += 1;
        }
    }
    counts
}

fn message(n: &Notice, rule: &str) -> String {
    check(n, Mode::Draft)
        .into_iter()
        .find(|f| f.rule == rule)
        .map(|f| f.message_vi)
        .unwrap_or_default()
}

/// Vocational training, Sở LĐTBXH Tuyên Quang: the issuer on two lines,
/// the motto after it, `+` bullets, money in `tỷ đồng` and `triệu đồng`
/// with decimals, a count × rate × days = total that holds, ranges.
/// Planted: a part stated “trong đó” larger than its whole (1.312 of
/// 1.245), a rate that is not its n/N (1.032/1.180 is 87,5%, not 89,5%).
#[test]
fn vocational_training() {
    let got = import(include_str!(
        "fixtures/unseen/dao-tao-nghe-son-duong-2024.txt"
    ));
    let n = &got.notice;
    assert_eq!(
        header(n),
        [
            "UBND TỈNH TUYÊN QUANG",
            "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
            "45",
            "TB-SLĐTBXH",
            "Tuyên Quang",
            "18",
            "10",
            "2024"
        ]
    );
    assert_eq!(n.opening.plan, "kh112");
    assert_eq!(n.opening.inspection_date, "24/9/2024");
    assert_eq!(
        outline(n),
        [
            ("KẾT QUẢ KIỂM TRA".to_string(), vec![1, 4, 3]),
            ("ĐÁNH GIÁ CHUNG".to_string(), vec![2, 2]),
            ("KIẾN NGHỊ".to_string(), vec![1]),
        ]
    );
    assert_eq!(n.footnotes.len(), 2);
    assert_eq!(n.references.len(), 5);
    assert_eq!(n.recipients.len(), 4);
    let s = &n.signature;
    assert_eq!(
        [&s.authority, &s.head, &s.position, &s.name],
        ["KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thành"]
    );
    assert_eq!(
        findings(n),
        [
            "prose.part_of block/p1.s2.b1/text",
            "prose.ratio block/p1.s2.b3/text"
        ]
    );
    assert!(message(n, "prose.ratio").contains("87,5%"));
    // 1.312 and 564 “trong đó”, the two funds, 564 “chiếm 47,8%” and
    // 1.032/1.180, that n/N, 35 × 30.000 × 60.
    assert_eq!(stated(n), [2, 1, 0, 2, 1, 1]);
    assert!(got.report.plain.is_empty(), "{:?}", got.report.plain);
}

/// Health insurance, Sở Y tế Yên Bái: header and footer in two columns
/// split by tabs, laws cited in the opening, `1 240` grouped by a space,
/// “tăng … so với cùng kỳ; trong đó …, chiếm …”. Planted: groups that do
/// not add up to the total they are listed under (“tổng số 68.215 người,
/// gồm: …” = 68.115), a plan dated after the inspection it ordered.
#[test]
fn health_insurance() {
    let got = import(include_str!(
        "fixtures/unseen/bao-hiem-y-te-yen-bai-2024.txt"
    ));
    let n = &got.notice;
    assert_eq!(
        header(n),
        [
            "UBND TỈNH YÊN BÁI",
            "SỞ Y TẾ",
            "128",
            "TB-SYT",
            "Yên Bái",
            "12",
            "6",
            "2024"
        ]
    );
    // The laws cited by name are references; their dates are not the
    // inspection's.
    assert_eq!(n.opening.inspection_date, "21/5/2024");
    let kinds: Vec<&str> = n.references.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "Luật Bảo hiểm y tế",
            "Luật Bảo hiểm y tế",
            "Kế hoạch",
            "Báo cáo"
        ]
    );
    assert_eq!(n.footnotes.len(), 2);
    assert_eq!(n.recipients.len(), 4);
    assert_eq!(
        (n.signature.position.as_str(), n.signature.name.as_str()),
        ("GIÁM ĐỐC", "Hoàng Thị Lan")
    );
    assert_eq!(
        findings(n),
        [
            "date.order opening/inspection_date",
            "prose.sum block/p1.s1.b2/text"
        ]
    );
    assert!(message(n, "date.order").contains("ngày kiểm tra 21/5/2024"));
    assert!(message(n, "prose.sum").contains("68.115 người"));
    // 3.950 “trong đó”, the groups “gồm”, 11.873/11.920, 9,3% and 34,2% of
    // the estimate, two n/N.
    assert_eq!(stated(n), [1, 0, 1, 3, 2, 0]);
}

/// Poverty reduction, UBND tỉnh Điện Biên: the issuer “ỦY BAN NHÂN DÂN /
/// TỈNH ĐIỆN BIÊN” with no parent body, a signature `TM.` / `KT.` on three
/// lines, points `a)`, run-in headings “1. Kết quả đạt được: …”, the
/// inspection “từ ngày … đến ngày …”, `2 tỷ 350 triệu đồng`. Planted: a
/// symbol without its Đ (`861/QD-TTg`), parts stated “trong đó” that add
/// up to more than their whole (1.026 + 319 > 1.245).
#[test]
fn poverty_reduction() {
    let got = import(include_str!(
        "fixtures/unseen/giam-ngheo-dien-bien-2024.txt"
    ));
    let n = &got.notice;
    assert_eq!(
        header(n),
        [
            "",
            "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
            "215",
            "TB-UBND",
            "Điện Biên",
            "25",
            "12",
            "2024"
        ]
    );
    assert_eq!(n.opening.inspection_date, "18/11/2024");
    assert_eq!(n.references.len(), 4);
    assert_eq!(n.recipients.len(), 6);
    assert_eq!(n.signature.name, "Lò Văn Cương");
    assert_eq!(n.signature.position, "PHÓ CHỦ TỊCH");
    assert_eq!(
        findings(n),
        [
            "symbol.grammar ref/qd861/symbol",
            "prose.part_of block/p1.s2.b2/text"
        ]
    );
    assert!(message(n, "prose.part_of").contains("1.345 hộ"));
    // Two breakdowns “trong đó”, 7/12; “đạt 78,6%” has its whole in the
    // clause before and is not read.
    assert_eq!(stated(n), [0, 2, 0, 0, 1, 0]);
}

/// Clean water and new rural development, Thanh tra tỉnh Nghệ An, with no
/// mistake: header and footer laid out with spaces, numbers grouped by
/// spaces (`68 420 hộ`), `1.234,5 triệu đồng`, shares in brackets
/// (“14/38 xã … (36,8%)”, “98,5 tỷ đồng (chiếm 62,8%)”), ranges “từ 200 -
/// 1.500 m3”, “từ 6.500 đến 9.800 đồng/m3”, a QCVN symbol. Nothing found.
#[test]
fn clean_water_has_no_finding() {
    let got = import(include_str!(
        "fixtures/unseen/nuoc-sach-nong-thon-moi-nghe-an-2025.txt"
    ));
    let n = &got.notice;
    assert_eq!(
        header(n),
        [
            "UBND TỈNH NGHỆ AN",
            "THANH TRA TỈNH",
            "07",
            "TB-TTr",
            "Nghệ An",
            "14",
            "3",
            "2025"
        ]
    );
    assert_eq!(n.opening.inspection_date, "10/02/2025");
    assert_eq!(n.recipients.len(), 4);
    let s = &n.signature;
    assert_eq!(
        [&s.authority, &s.head, &s.position, &s.name],
        [
            "KT.",
            "CHÁNH THANH TRA",
            "PHÓ CHÁNH THANH TRA",
            "Phan Đình Hùng"
        ]
    );
    assert_eq!(findings(n), Vec::<String>::new());
    // 66 503 and 42 770 of 68 420, the works and the funds “trong đó”,
    // six shares (three in brackets), three n/N.
    assert_eq!(stated(n), [2, 2, 0, 6, 3, 0]);
}
