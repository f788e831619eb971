//! The rule table, case by case: each rule with cases that must fire and
//! cases that must not, blank handling and rounding edges. Cases start from
//! the shipped Chi Lăng sample and change one thing.

use thongbao::core::check::{check, counts, rule, Finding, Mode, Severity, RULES};
use thongbao::core::field::set;
use thongbao::core::model::{Acceptance, Figure, FigureKind, Notice, Relation, RelationKind};
use thongbao::core::samples::sample;

type Edit = fn(&mut Notice);

struct Case {
    name: &'static str,
    edit: Edit,
    mode: Mode,
    rule: &'static str,
    fires: bool,
}

fn put(n: &mut Notice, path: &str, value: &str) {
    assert!(set(n, path, value.to_string()), "no field {path}");
}

/// Section `si` of part `pi` with this title and its texts blank (as the
/// template leaves a section).
fn clear_section(n: &mut Notice, pi: usize, si: usize, title: &str) {
    let s = &mut n.parts[pi].sections[si];
    s.title = title.into();
    for b in &mut s.blocks {
        b.text = " ".into();
        b.refs.clear();
    }
}

fn add_product(n: &mut Notice, amount: &str) {
    for (id, kind, value, unit) in [
        ("t.count", FigureKind::Count, "1.308", "trẻ"),
        ("t.rate", FigureKind::Rate, "640.000", "đồng/trẻ"),
    ] {
        n.figures.push(Figure {
            id: id.into(),
            label: id.into(),
            kind,
            value: value.into(),
            unit: unit.into(),
            ..Default::default()
        });
    }
    n.figures.push(Figure {
        id: "t.amount".into(),
        label: "Kinh phí".into(),
        kind: FigureKind::Amount,
        value: amount.into(),
        unit: "đồng".into(),
        ..Default::default()
    });
    add_relation(
        n,
        "t.product",
        RelationKind::Product {
            amount: "t.amount".into(),
            factors: vec!["t.count".into(), "t.rate".into()],
        },
    );
}

fn add_relation(n: &mut Notice, id: &str, kind: RelationKind) {
    n.relations.push(Relation {
        id: id.into(),
        kind,
        name: None,
        rule: None,
        source: Default::default(),
    });
}

fn ratio(n: &mut Notice, num: &str, den: &str, pct: &str) {
    put(n, "fig/edu.grade1_4/value", num);
    put(n, "fig/edu.grade1_4/total", den);
    put(n, "fig/edu.grade1_4_pct/value", pct);
}

macro_rules! case {
    ($name:expr, $rule:expr, $fires:expr, $mode:expr, |$n:ident| $body:expr) => {
        Case {
            name: $name,
            edit: |$n: &mut Notice| $body,
            mode: $mode,
            rule: $rule,
            fires: $fires,
        }
    };
    ($name:expr, $rule:expr, $fires:expr, |$n:ident| $body:expr) => {
        case!($name, $rule, $fires, Mode::Draft, |$n| $body)
    };
}

fn cases() -> Vec<Case> {
    use Mode::{Final, Issued};
    vec![
        // figure.number
        case!("sample figures parse", "figure.number", false, |_n| ()),
        case!("letters in a count", "figure.number", true, |n| put(
            n,
            "fig/safe_home.households/value",
            "72.03x"
        )),
        case!("decimal in a count", "figure.number", true, |n| put(
            n,
            "fig/deaths.total/value",
            "1,5"
        )),
        case!("negative count", "figure.number", true, |n| put(
            n,
            "fig/deaths.total/value",
            "-2"
        )),
        case!(
            "spaces as groups are fine",
            "figure.number",
            false,
            |n| put(n, "fig/safe_home.households/value", "72 032")
        ),
        case!("blank is not malformed", "figure.number", false, |n| put(
            n,
            "fig/deaths.total/value",
            ""
        )),
        // figure.blank
        case!("used figures filled", "figure.blank", false, |n| put(
            n,
            "fig/fund.total/value",
            "12.000.000"
        )),
        case!(
            "the sample's fund total is blank",
            "figure.blank",
            true,
            |_n| ()
        ),
        case!("used figure blank", "figure.blank", true, |n| put(
            n,
            "fig/safe_home.households/value",
            ""
        )),
        // chain.safe_home
        case!("chain holds", "chain.safe_home", false, |_n| ()),
        case!("recognised > committed", "chain.safe_home", true, |n| put(
            n,
            "fig/safe_home.recognised/value",
            "9.970"
        )),
        case!("committed > with children", "chain.safe_home", true, |n| {
            put(n, "fig/safe_home.committed/value", "10.100")
        }),
        case!("with children > households", "chain.safe_home", true, |n| {
            put(n, "fig/safe_home.with_children/value", "72.033")
        }),
        case!("equal links are fine", "chain.safe_home", false, |n| put(
            n,
            "fig/safe_home.recognised/value",
            "9.969"
        )),
        case!("blank link is skipped", "chain.safe_home", false, |n| {
            put(n, "fig/safe_home.committed/value", "");
            put(n, "fig/safe_home.recognised/value", "10.000");
        }),
        case!(
            "blank link: neighbours still compared",
            "chain.safe_home",
            true,
            |n| {
                put(n, "fig/safe_home.committed/value", "");
                put(n, "fig/safe_home.recognised/value", "10.100");
            }
        ),
        case!(
            "numbers, not text: 9.969 < 10.099",
            "chain.safe_home",
            false,
            |n| {
                put(n, "fig/safe_home.committed/value", "9969");
                put(n, "fig/safe_home.with_children/value", "10099");
            }
        ),
        // sum.parts
        case!("parts add up", "sum.parts", false, |_n| ()),
        case!("signs 19 + 02 ≠ 22", "sum.parts", true, |n| put(
            n,
            "fig/signs.installed/value",
            "22"
        )),
        case!("deaths 01 + 01 ≠ 3", "sum.parts", true, |n| put(
            n,
            "fig/deaths.total/value",
            "3"
        )),
        case!("screening 39 + 27 ≠ 65", "sum.parts", true, |n| put(
            n,
            "fig/screening.registered/value",
            "65"
        )),
        case!("fund items ≠ total", "sum.parts", true, |n| put(
            n,
            "fig/fund.total/value",
            "13.000.000"
        )),
        case!("fund items = total", "sum.parts", false, |n| put(
            n,
            "fig/fund.total/value",
            "12.000.000"
        )),
        case!("blank part skips", "sum.parts", false, |n| {
            put(n, "fig/signs.commune/value", "");
            put(n, "fig/signs.installed/value", "99");
        }),
        // sum.grades
        case!("56 + 02 = 58", "sum.grades", false, |_n| ()),
        case!("56 + 03 ≠ 58", "sum.grades", true, |n| put(
            n,
            "fig/schools.fair/value",
            "03"
        )),
        case!("grades out of different totals", "sum.grades", true, |n| {
            put(n, "fig/schools.fair/total", "59")
        }),
        case!("blank grade skips", "sum.grades", false, |n| put(
            n,
            "fig/schools.fair/value",
            ""
        )),
        // part.le_whole
        case!("examined 58 ≤ 66", "part.le_whole", false, |_n| ()),
        case!("examined > registered", "part.le_whole", true, |n| {
            put(n, "fig/screening.examined/value", "67");
        }),
        case!("operated > examined", "part.le_whole", true, |n| put(
            n,
            "fig/screening.operated/value",
            "59"
        )),
        case!("visited > recognised", "part.le_whole", true, |n| put(
            n,
            "fig/safe_home.visited/value",
            "9.000"
        )),
        // fraction.le_whole
        case!("fractions fine", "fraction.le_whole", false, |_n| ()),
        case!("n > N", "fraction.le_whole", true, |n| put(
            n,
            "fig/edu.grade5/value",
            "1.513"
        )),
        case!("N = 0", "fraction.le_whole", true, |n| {
            put(n, "fig/edu.grade5/value", "0");
            put(n, "fig/edu.grade5/total", "0");
        }),
        // percent.ratio, with the rounding made explicit
        case!(
            "98,9% for 6005/6079 (98,78…) is wrong",
            "percent.ratio",
            true,
            |_n| ()
        ),
        case!("98,8% for 6005/6079", "percent.ratio", false, |n| put(
            n,
            "fig/edu.grade1_4_pct/value",
            "98,8"
        )),
        case!(
            "99% for 6005/6079 at whole precision",
            "percent.ratio",
            false,
            |n| put(n, "fig/edu.grade1_4_pct/value", "99")
        ),
        case!("98,78% at two decimals", "percent.ratio", false, |n| put(
            n,
            "fig/edu.grade1_4_pct/value",
            "98,78"
        )),
        case!(
            "98,79% at two decimals (98,7827…)",
            "percent.ratio",
            true,
            |n| put(n, "fig/edu.grade1_4_pct/value", "98,79")
        ),
        case!("1/8 = 12,5% exactly", "percent.ratio", false, |n| ratio(
            n, "1", "8", "12,5"
        )),
        case!(
            "1/8 = 12,5% rounds half up to 13%",
            "percent.ratio",
            false,
            |n| ratio(n, "1", "8", "13")
        ),
        case!("1/8 is not 12%", "percent.ratio", true, |n| ratio(
            n, "1", "8", "12"
        )),
        case!("2/3 = 66,7%", "percent.ratio", false, |n| ratio(
            n, "2", "3", "66,7"
        )),
        case!("2/3 is not 66,6% (truncated)", "percent.ratio", true, |n| {
            ratio(n, "2", "3", "66,6")
        }),
        case!("1/40 = 2,5% → 3% half up", "percent.ratio", false, |n| {
            ratio(n, "1", "40", "3")
        }),
        case!("blank percentage skips", "percent.ratio", false, |n| put(
            n,
            "fig/edu.grade1_4_pct/value",
            ""
        )),
        // amount.product
        case!(
            "1.308 × 640.000 = 837.120.000",
            "amount.product",
            false,
            |n| add_product(n, "837.120.000")
        ),
        case!(
            "1.308 × 640.000 ≠ 837.000.000",
            "amount.product",
            true,
            |n| add_product(n, "837.000.000")
        ),
        case!("blank amount skips", "amount.product", false, |n| {
            add_product(n, "")
        }),
        // chain.order: a chain declared over figures of any topic
        case!("a new chain holds", "chain.order", false, |n| add_relation(
            n,
            "c",
            RelationKind::Chain {
                figures: vec!["screening.operated".into(), "screening.examined".into()],
                names: vec![],
            }
        )),
        case!("a new chain broken", "chain.order", true, |n| add_relation(
            n,
            "c",
            RelationKind::Chain {
                figures: vec!["screening.examined".into(), "screening.operated".into()],
                names: vec![],
            }
        )),
        // sum.at_most: "trong đó"
        case!("13 of 58 examined", "sum.at_most", false, |n| add_relation(
            n,
            "t",
            RelationKind::SumAtMost {
                parts: vec!["screening.operated".into()],
                whole: "screening.examined".into(),
            }
        )),
        case!("39 + 27 within 58", "sum.at_most", true, |n| add_relation(
            n,
            "t",
            RelationKind::SumAtMost {
                parts: vec!["screening.new".into(), "screening.reexam".into()],
                whole: "screening.examined".into(),
            }
        )),
        // figure.range
        case!("100% within 0–100", "figure.range", false, |n| {
            add_relation(
                n,
                "r",
                RelationKind::Range {
                    figure: "health.insured_pct".into(),
                    min: "0".into(),
                    max: "100".into(),
                },
            )
        }),
        case!(
            "30 children above a maximum of 25",
            "figure.range",
            true,
            |n| {
                add_relation(
                    n,
                    "r",
                    RelationKind::Range {
                        figure: "swim.children".into(),
                        min: String::new(),
                        max: "25".into(),
                    },
                )
            }
        ),
        // percent.range
        case!("100% with no fraction", "percent.range", false, |_n| ()),
        case!("105% with no fraction", "percent.range", true, |n| put(
            n,
            "fig/health.insured_pct/value",
            "105"
        )),
        case!(
            "a percentage with n/N is percent.ratio's",
            "percent.range",
            false,
            |n| ratio(n, "6005", "6079", "105")
        ),
        // relation.missing
        case!(
            "every relation's figures exist",
            "relation.missing",
            false,
            |_n| ()
        ),
        case!("a part renamed away", "relation.missing", true, |n| {
            n.figures
                .iter_mut()
                .find(|f| f.id == "signs.commune")
                .unwrap()
                .id = "signs.xa".into();
        }),
        // relation.invalid
        case!("relations well formed", "relation.invalid", false, |_n| ()),
        case!(
            "a chain of one",
            "relation.invalid",
            true,
            |n| add_relation(
                n,
                "c",
                RelationKind::Chain {
                    figures: vec!["swim.children".into()],
                    names: vec![],
                }
            )
        ),
        case!("a range with no bound", "relation.invalid", true, |n| {
            add_relation(
                n,
                "r",
                RelationKind::Range {
                    figure: "swim.children".into(),
                    min: String::new(),
                    max: " ".into(),
                },
            )
        }),
        // date.valid
        case!("sample dates are real", "date.valid", false, |_n| ()),
        case!("29/02/2023", "date.valid", true, |n| put(
            n,
            "opening/inspection_date",
            "29/02/2023"
        )),
        case!("31/4/2024", "date.valid", true, |n| put(
            n,
            "ref/cv548/date",
            "31/4/2024"
        )),
        case!("29/02/2024 leap year", "date.valid", false, |n| put(
            n,
            "ref/cv548/date",
            "29/02/2024"
        )),
        case!("header day 31 in a 30-day month", "date.valid", true, |n| {
            put(n, "header/day", "31");
            put(n, "header/month", "9");
        }),
        // date.order
        case!(
            "plan ≤ schedule ≤ inspection ≤ notice",
            "date.order",
            false,
            |_n| ()
        ),
        case!(
            "inspection before the schedule notice",
            "date.order",
            true,
            |n| put(n, "opening/inspection_date", "10/7/2024")
        ),
        case!("plan after the schedule notice", "date.order", true, |n| {
            put(n, "ref/khln99/date", "13/7/2024")
        }),
        case!("notice before the inspection", "date.order", true, |n| {
            put(n, "header/day", "16");
            put(n, "header/month", "7");
        }),
        case!(
            "blank notice day counts as month end",
            "date.order",
            false,
            |n| {
                put(n, "header/month", "7");
                put(n, "opening/inspection_date", "31/7/2024");
            }
        ),
        // ref.after_notice
        case!("references dated before", "ref.after_notice", false, |_n| (
        )),
        case!(
            "a reference dated after the notice",
            "ref.after_notice",
            true,
            |n| put(n, "ref/kh221/date", "03/9/2024")
        ),
        // ref.date_missing
        case!(
            "Kế hoạch 88/KH-UBND cited without a date",
            "ref.date_missing",
            true,
            |_n| ()
        ),
        case!("dated", "ref.date_missing", false, |n| put(
            n,
            "ref/kh88/date",
            "12/3/2024"
        )),
        // symbol.grammar
        case!(
            "221/Kh-UBND and 548/QĐ-BLĐT BXH",
            "symbol.grammar",
            true,
            |_n| ()
        ),
        case!("after the fixes", "symbol.grammar", false, |n| {
            put(n, "ref/kh221/symbol", "KH-UBND");
            put(n, "ref/qd548/symbol", "QĐ-BLĐTBXH");
        }),
        case!("an unpadded number", "symbol.grammar", true, |n| {
            put(n, "ref/kh221/symbol", "KH-UBND");
            put(n, "ref/qd548/symbol", "QĐ-BLĐTBXH");
            put(n, "header/number", "5");
        }),
        case!("an en dash", "symbol.grammar", true, |n| {
            put(n, "ref/kh221/symbol", "KH-UBND");
            put(n, "ref/qd548/symbol", "QĐ–BLĐTBXH");
        }),
        // symbol.year
        case!("legal years match", "symbol.year", false, |_n| ()),
        case!("56/2017/NĐ-CP dated 2018", "symbol.year", true, |n| put(
            n,
            "ref/nd56-2017/date",
            "09/5/2018"
        )),
        // header.number_blank, header.day_blank: warning in a draft and on the
        // copy for signing, error when issued
        case!(
            "number blank in the sample",
            "header.number_blank",
            true,
            |_n| ()
        ),
        case!("number filled", "header.number_blank", false, |n| put(
            n,
            "header/number",
            "120"
        )),
        case!(
            "day blank in the sample",
            "header.day_blank",
            true,
            Final,
            |_n| ()
        ),
        case!("day filled", "header.day_blank", false, Final, |n| put(
            n,
            "header/day",
            "15"
        )),
        case!(
            "day blank when issued",
            "header.day_blank",
            true,
            Issued,
            |_n| ()
        ),
        case!(
            "number filled when issued",
            "header.number_blank",
            false,
            Issued,
            |n| put(n, "header/number", "97")
        ),
        // header.required
        case!("header complete", "header.required", false, |_n| ()),
        case!(
            "a department with its parent body blank",
            "header.required",
            true,
            |n| put(n, "header/parent_body", "")
        ),
        case!(
            "a People's Committee has no parent body (“nếu có”)",
            "header.required",
            false,
            |n| {
                put(n, "header/parent_body", "");
                put(n, "header/issuer", "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN");
            }
        ),
        case!("issuer blank", "header.required", true, |n| put(
            n,
            "header/issuer",
            " "
        )),
        case!("signer blank", "header.required", true, Final, |n| put(
            n,
            "signature/name",
            ""
        )),
        // header.consistent
        case!(
            "the sample agrees with itself",
            "header.consistent",
            false,
            |n| put(n, "header/number", "120")
        ),
        case!(
            "THÔNG BÁO with a KH- symbol",
            "header.consistent",
            true,
            |n| put(n, "header/symbol", "KH-SLĐTBXH")
        ),
        case!("the notice cites itself", "header.consistent", true, |n| {
            put(n, "header/number", "97")
        }),
        case!(
            "numbered before the schedule notice it cites",
            "header.consistent",
            true,
            |n| put(n, "header/number", "90")
        ),
        case!(
            "a subject about a later year",
            "header.consistent",
            true,
            |n| {
                put(n, "header/year", "2023");
                put(n, "header/month", "12");
            }
        ),
        case!(
            "subject names another district",
            "header.consistent",
            true,
            |n| { put(n, "opening/inspected_body", "UBND huyện Hữu Lũng") }
        ),
        case!(
            "subject names another province",
            "header.consistent",
            true,
            |n| { put(n, "header/parent_body", "UBND TỈNH CAO BẰNG") }
        ),
        // recipients.archive_unit
        case!("Lưu: VT, PXH", "recipients.archive_unit", false, |_n| ()),
        case!("Lưu: VT, HC (2).", "recipients.archive_unit", false, |n| {
            put(n, "recipient/r5", "Lưu: VT, HC (2).")
        }),
        case!(
            "Lưu: VT with no unit",
            "recipients.archive_unit",
            true,
            |n| put(n, "recipient/r5", "Lưu: VT.")
        ),
        case!(
            "Lưu: VT PXH without the comma",
            "recipients.archive_unit",
            true,
            |n| { put(n, "recipient/r5", "Lưu: VT PXH") }
        ),
        // recipients.archive
        case!(
            "ends with Lưu: VT, PXH",
            "recipients.archive",
            false,
            |_n| ()
        ),
        case!("archive line missing", "recipients.archive", true, |n| put(
            n,
            "recipient/r5",
            "Phòng Bảo trợ xã hội"
        )),
        case!("archive line not last", "recipients.archive", true, |n| {
            let last = n.recipients.remove(4);
            n.recipients.insert(0, last);
        }),
        case!("no recipients", "recipients.archive", true, |n| n
            .recipients
            .clear()),
        // signature.deputy
        case!(
            "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
            "signature.deputy",
            false,
            |_n| ()
        ),
        case!(
            "KT. with the head's own title",
            "signature.deputy",
            true,
            |n| put(n, "signature/position", "GIÁM ĐỐC")
        ),
        case!(
            "the head signs without KT.",
            "signature.deputy",
            false,
            |n| {
                put(n, "signature/authority", "");
                put(n, "signature/position", "GIÁM ĐỐC");
            }
        ),
        // signature.block: the other direction of signature.deputy
        case!(
            "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC holds",
            "signature.block",
            false,
            |_n| ()
        ),
        case!("the head signs alone", "signature.block", false, |n| {
            put(n, "signature/authority", "");
            put(n, "signature/head", "");
            put(n, "signature/position", "GIÁM ĐỐC");
        }),
        case!("a deputy signs without KT.", "signature.block", true, |n| {
            put(n, "signature/authority", "")
        }),
        case!("KT. for no head", "signature.block", true, |n| put(
            n,
            "signature/head",
            ""
        )),
        case!(
            "KT. GIÁM ĐỐC / PHÓ CHỦ TỊCH",
            "signature.block",
            true,
            |n| put(n, "signature/position", "PHÓ CHỦ TỊCH")
        ),
        case!("an unknown prefix", "signature.block", true, |n| put(
            n,
            "signature/authority",
            "K.T"
        )),
        case!("a title before the name", "signature.block", true, |n| put(
            n,
            "signature/name",
            "TS. Đàm Văn Chính"
        )),
        // prose.*: what a sentence states, recognised in the typed text
        case!(
            "a part of which within its whole",
            "prose.part_of",
            false,
            |n| put(
                n,
                "block/p1.s1.b1/text",
                "Toàn xã có 120 hộ, trong đó 15 hộ nghèo."
            )
        ),
        case!(
            "a part of which above its whole",
            "prose.part_of",
            true,
            |n| put(
                n,
                "block/p1.s1.b1/text",
                "Toàn xã có 120 hộ, trong đó 150 hộ nghèo."
            )
        ),
        case!("parts listed add up", "prose.sum", false, |n| put(
            n,
            "block/p1.s1.b1/text",
            "Đoàn kiểm tra 12 xã gồm: 5 xã vùng cao; 4 xã vùng thấp; 3 xã ven sông."
        )),
        case!("parts listed do not add up", "prose.sum", true, |n| put(
            n,
            "block/p1.s1.b1/text",
            "Đoàn kiểm tra 12 xã gồm: 5 xã vùng cao; 4 xã vùng thấp; 4 xã ven sông."
        )),
        case!("a typed rate is its n/N", "prose.ratio", false, |n| put(
            n,
            "block/p1.s1.b1/text",
            "Học sinh hoàn thành 6005/6079 tỉ lệ 98,8%."
        )),
        case!("a typed rate is not its n/N", "prose.ratio", true, |n| put(
            n,
            "block/p1.s1.b1/text",
            "Học sinh hoàn thành 6005/6079 tỉ lệ 98,9%."
        )),
        case!(
            "a typed n/N within its whole",
            "prose.fraction",
            false,
            |n| put(n, "block/p1.s1.b1/text", "Đã kiểm tra 3/5 xã.")
        ),
        case!("a typed n/N above its whole", "prose.fraction", true, |n| {
            put(n, "block/p1.s1.b1/text", "Đã kiểm tra 5/3 xã.")
        }),
        case!(
            "a typed amount is its product",
            "prose.product",
            false,
            |n| put(
                n,
                "block/p1.s1.b1/text",
                "Hỗ trợ 20 trẻ em mức 2.000đ/trẻ/ngày trong 30 ngày, tổng kinh phí 1.200.000 đồng."
            )
        ),
        case!(
            "a typed amount is not its product",
            "prose.product",
            true,
            |n| put(
                n,
                "block/p1.s1.b1/text",
                "Hỗ trợ 20 trẻ em mức 2.000đ/trẻ/ngày trong 30 ngày, tổng kinh phí 1.500.000 đồng."
            )
        ),
        // text.token
        case!("every token resolves", "text.token", false, |_n| ()),
        case!("unknown figure", "text.token", true, |n| put(
            n,
            "closing",
            "Có {fig:nope} hộ"
        )),
        case!("unknown code", "text.token", true, |n| put(
            n,
            "closing",
            "Có {abc} hộ"
        )),
        case!("escaped braces are text", "text.token", false, |n| put(
            n,
            "closing",
            "Có {{abc}} hộ"
        )),
        // footnote.unused
        case!("every footnote used", "footnote.unused", false, |_n| ()),
        case!(
            "a footnote no text refers to",
            "footnote.unused",
            true,
            |n| {
                let mut note = n.footnotes[0].clone();
                note.id = "orphan".into();
                note.blocks[0].id = "orphan.b1".into();
                n.footnotes.push(note);
            }
        ),
        // text.placeholder: "…" or "..." standing alone, empty brackets
        case!(
            "sample has no placeholder",
            "text.placeholder",
            false,
            Final,
            |_n| ()
        ),
        case!(
            "an ellipsis attached to a word is prose",
            "text.placeholder",
            false,
            Final,
            |n| put(
                n,
                "block/p1.s1.b1/text",
                "Tuyên truyền, tập huấn, hội thảo... đạt kết quả tốt; trẻ em…"
            )
        ),
        case!("… in the subject", "text.placeholder", true, Final, |n| {
            put(n, "header/subject", "Kết quả kiểm tra tại tỉnh … năm …")
        }),
        case!("... in a bullet", "text.placeholder", true, |n| put(
            n,
            "block/p1.s1.b1/text",
            "Số trẻ em được hỗ trợ: ..."
        )),
        case!("(…) in a paragraph", "text.placeholder", true, |n| put(
            n,
            "block/p1.s1.b1/text",
            "Chi số tiền (…) cho các hộ"
        )),
        case!("[ ] in the closing", "text.placeholder", true, |n| put(
            n,
            "closing",
            "Trên đây là [ ]"
        )),
        case!("( ) in the signature", "text.placeholder", true, |n| put(
            n,
            "signature/name",
            "( )"
        )),
        case!(
            "…; in nơi nhận",
            "text.placeholder",
            true,
            Final,
            |n| put(n, "recipient/r3", "UBND huyện …")
        ),
        case!(
            "a blank inspection date the opening prints",
            "text.placeholder",
            true,
            |n| put(n, "opening/inspection_date", "")
        ),
        case!("the plan with no number", "text.placeholder", true, |n| {
            let plan = n.opening.plan.clone();
            put(n, &format!("ref/{plan}/number"), "")
        }),
        // text.empty: empty paragraphs and bullets, titles with no body
        case!(
            "sample has nothing empty",
            "text.empty",
            false,
            Final,
            |_n| ()
        ),
        case!("an empty bullet", "text.empty", true, Final, |n| put(
            n,
            "block/p1.s1.b1/text",
            "  "
        )),
        case!("a bullet of a dash only", "text.empty", true, |n| put(
            n,
            "block/p1.s1.b1/text",
            "- ;"
        )),
        case!(
            "a bullet of a figure only is not empty",
            "text.empty",
            false,
            |n| put(n, "block/p1.s1.b1/text", "{fig:safe_home.recognised}")
        ),
        case!(
            "a section with a title and no body",
            "text.empty",
            true,
            |n| n.parts[0].sections[0].blocks.clear()
        ),
        case!(
            "a part that is a numbered list of sentences (kiến nghị)",
            "text.empty",
            false,
            |n| {
                for (i, s) in n.parts[2].sections.iter_mut().enumerate() {
                    s.blocks.clear();
                    s.title = format!("Đơn vị số {} báo cáo kết quả trước ngày 30/11/2024.", i + 1);
                }
            }
        ),
        case!(
            "a run-in heading: “Ưu điểm: …” with no body",
            "text.empty",
            false,
            |n| {
                n.parts[1].sections[0].blocks.clear();
                n.parts[1].sections[0].title =
                    "Ưu điểm: công tác tuyên truyền được quan tâm".into();
            }
        ),
        case!(
            "a part with a title and no section",
            "text.empty",
            true,
            |n| n.parts[1].sections.clear()
        ),
        // Only what prints (core::outline): a section with no title and no
        // text prints nothing, so its blank bullets are not findings…
        case!(
            "blank bullets of a section that prints nothing",
            "text.empty",
            false,
            Final,
            |n| clear_section(n, 0, 0, "")
        ),
        // …while under a title they print as lone "-".
        case!(
            "blank bullets under a section's title",
            "text.empty",
            true,
            Final,
            |n| clear_section(n, 0, 0, "Công tác bảo vệ trẻ em")
        ),
        case!(
            "a part whose sections print nothing prints its title alone",
            "text.empty",
            true,
            Final,
            |n| {
                for si in 0..n.parts[1].sections.len() {
                    clear_section(n, 1, si, "");
                }
            }
        ),
        // template.left: nơi nhận and signature as the template has them
        case!(
            "sample's own recipients and signature",
            "template.left",
            false,
            Final,
            |_n| ()
        ),
        case!(
            "recipients as the template",
            "template.left",
            true,
            Final,
            |n| { n.recipients = thongbao::core::samples::template().recipients }
        ),
        case!("signature as the template", "template.left", true, |n| {
            n.signature = thongbao::core::samples::template().signature
        }),
        case!(
            "the template's signature with a name",
            "template.left",
            false,
            |n| {
                n.signature = thongbao::core::samples::template().signature;
                n.signature.name = "Đàm Văn Chính".into();
            }
        ),
    ]
}

fn fired<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn every_case() {
    let mut failures = Vec::new();
    for c in cases() {
        let mut n = sample();
        (c.edit)(&mut n);
        let findings = check(&n, c.mode);
        let hits = fired(&findings, c.rule);
        if hits.is_empty() == c.fires {
            failures.push(format!(
                "{} / {}: expected {}fire, got {:#?}",
                c.rule,
                c.name,
                if c.fires { "" } else { "no " },
                hits
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_firing_and_passing_cases() {
    let cases = cases();
    for r in RULES {
        assert!(
            cases.iter().any(|c| c.rule == r.id && c.fires),
            "{} never fires",
            r.id
        );
        assert!(
            cases.iter().any(|c| c.rule == r.id && !c.fires),
            "{} never passes",
            r.id
        );
    }
    for c in &cases {
        assert!(rule(c.rule).is_some(), "case for unknown rule {}", c.rule);
    }
}

#[test]
fn findings_are_well_formed() {
    for c in cases() {
        let mut n = sample();
        (c.edit)(&mut n);
        for mode in [Mode::Draft, Mode::Final, Mode::Issued] {
            for f in check(&n, mode) {
                let r =
                    rule(f.rule).unwrap_or_else(|| panic!("finding of unknown rule {}", f.rule));
                assert_eq!(f.severity, r.severity(mode), "{}", f.rule);
                assert!(!f.fields.is_empty(), "{} has no field", f.rule);
                assert!(!f.message_vi.is_empty() && !f.message_en.is_empty());
                assert_ne!(f.message_vi, f.message_en, "{}", f.rule);
                if let Some(fix) = &f.fix {
                    assert!(
                        thongbao::core::field::get(&n, &fix.field).is_some(),
                        "fix field {}",
                        fix.field
                    );
                }
            }
        }
    }
}

#[test]
fn the_chain_is_one_finding_with_the_whole_chain() {
    let mut n = sample();
    put(&mut n, "fig/safe_home.recognised/value", "9.970");
    put(&mut n, "fig/safe_home.with_children/value", "72.100");
    let hits = check(&n, Mode::Draft);
    let hits = fired(&hits, "chain.safe_home");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    let f = hits[0];
    assert_eq!(f.fields[0], "fig/safe_home.recognised/value");
    for shown in ["72.032", "72.100", "9.969", "9.970"] {
        assert!(
            f.message_vi.contains(shown),
            "{shown} missing from {}",
            f.message_vi
        );
    }
    assert_eq!(f.values.len(), 4);
}

#[test]
fn suggested_fixes_fix() {
    let mut n = sample();
    let findings = check(&n, Mode::Draft);
    let pct = fired(&findings, "percent.ratio")[0]
        .fix
        .clone()
        .expect("a fix");
    assert_eq!(pct.value, "98,8");
    assert_eq!(pct.label_vi, "Dùng 98,8%");
    for f in &findings {
        if let Some(fix) = &f.fix {
            put(&mut n, &fix.field.to_string(), &fix.value);
        }
    }
    let after = check(&n, Mode::Draft);
    for rule in ["percent.ratio", "symbol.grammar", "figure.blank"] {
        assert!(
            fired(&after, rule).is_empty(),
            "{rule} still fires: {:#?}",
            fired(&after, rule)
        );
    }
    assert_eq!(
        thongbao::core::field::get(&n, "fig/fund.total/value"),
        Some("12.000.000")
    );
    assert_eq!(
        thongbao::core::field::get(&n, "ref/kh221/symbol"),
        Some("KH-UBND")
    );
    assert_eq!(
        thongbao::core::field::get(&n, "ref/qd548/symbol"),
        Some("QĐ-BLĐTBXH")
    );
}

#[test]
fn blank_number_and_day_block_only_the_issue() {
    let n = sample();
    // (mode, severity): the copy for signing leaves them to the văn thư.
    for (mode, severity) in [
        (Mode::Draft, Severity::Warning),
        (Mode::Final, Severity::Warning),
        (Mode::Issued, Severity::Error),
    ] {
        let found = check(&n, mode);
        for rule in ["header.number_blank", "header.day_blank"] {
            assert_eq!(fired(&found, rule)[0].severity, severity, "{mode:?}");
        }
    }
}

/// What the template leaves: warnings while drafting, errors in final
/// mode (both for signing and when issued); the template gives each.
#[test]
fn the_template_left_as_it_is_cannot_be_finalised() {
    let n = thongbao::core::samples::template();
    for (mode, severity) in [
        (Mode::Draft, Severity::Warning),
        (Mode::Final, Severity::Error),
        (Mode::Issued, Severity::Error),
    ] {
        let found = check(&n, mode);
        for (rule, at_least) in [
            ("text.placeholder", 9),
            ("text.empty", 9),
            ("template.left", 2),
        ] {
            let hits = fired(&found, rule);
            assert!(hits.len() >= at_least, "{rule} {mode:?}: {}", hits.len());
            assert!(
                hits.iter().all(|f| f.severity == severity),
                "{rule} {mode:?}"
            );
        }
    }
    let empties = fired(&check(&n, Mode::Final), "text.empty").len();
    assert_eq!(empties, 9, "the template's nine empty bullets");
}

/// The sample gains no finding from the rules over what the template
/// leaves.
#[test]
fn the_sample_leaves_nothing_of_the_template() {
    for mode in [Mode::Draft, Mode::Final, Mode::Issued] {
        let found = check(&sample(), mode);
        for rule in ["text.placeholder", "text.empty", "template.left"] {
            assert!(fired(&found, rule).is_empty(), "{rule} {mode:?}");
        }
    }
}

#[test]
fn an_accepted_warning_keeps_its_reason() {
    let mut n = sample();
    let before = counts(&check(&n, Mode::Draft));
    n.accepted.push(Acceptance {
        rule: "ref.date_missing".into(),
        field: "ref/kh88/date".into(),
        reason: "Văn bản gốc không ghi ngày".into(),
    });
    let findings = check(&n, Mode::Draft);
    let f = fired(&findings, "ref.date_missing")[0];
    assert_eq!(f.accepted.as_deref(), Some("Văn bản gốc không ghi ngày"));
    let after = counts(&findings);
    assert_eq!(after.1 + 1, before.1);
}

/// The reference notice's own inconsistencies, as the README lists them.
#[test]
fn the_sample_shows_the_reference_inconsistencies() {
    let findings = check(&sample(), Mode::Draft);
    let has = |rule: &str, field: &str| {
        findings
            .iter()
            .any(|f| f.rule == rule && f.field().is_some_and(|p| *p == field))
    };
    assert!(has("percent.ratio", "fig/edu.grade1_4_pct/value"));
    assert!(has("symbol.grammar", "ref/kh221/symbol"));
    assert!(has("symbol.grammar", "ref/qd548/symbol"));
    assert!(has("figure.blank", "fig/fund.total/value"));
    assert!(has("ref.date_missing", "ref/kh88/date"));
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.field()))
        .collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = include_str!("../README.md");
    for r in RULES {
        assert!(
            readme.contains(&format!("`{}`", r.id)),
            "README.md does not list {}",
            r.id
        );
    }
}
