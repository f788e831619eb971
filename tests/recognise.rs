//! Typed prose, recognised (issue 12): tables of real sentences from the
//! reference notice with the spans expected, invented sentences on other
//! topics with planted mistakes and correct ones, the checks the Checker
//! runs on them (at once, per keystroke), the proposals, and properties
//! (never a panic; spans in bounds, ordered, on character boundaries).

use proptest::prelude::*;
use thongbao::core::check::{check, Checker, Mode};
use thongbao::core::edit::{self, Command};
use thongbao::core::field::{self, FieldPath};
use thongbao::core::format::number::format_decimal;
use thongbao::core::model::Notice;
use thongbao::core::recognise::rich::Plain;
use thongbao::core::recognise::{
    propose, relations, relations_over, spans, verdict, Kind, ProblemKind, Span, StatedKind,
};
use thongbao::core::relation::{RelationKind, Source};
use thongbao::core::render::figure_text;
use thongbao::core::samples::{blank, sample, scaled};

const REFERENCE: &str = include_str!("golden/notice-chi-lang-2024.txt");

/// A span as the tables write it.
fn describe(s: &Span, text: &str) -> String {
    match &s.kind {
        Kind::Count { value, unit, .. } if unit.is_empty() => format!("count {value}"),
        Kind::Count { value, unit, .. } => format!("count {value} {unit}"),
        Kind::Percent { value, digits } => format!("pct {} /{digits}", format_decimal(*value)),
        Kind::Fraction { n, total, unit } if unit.is_empty() => format!("frac {n}/{total}"),
        Kind::Fraction { n, total, unit } => format!("frac {n}/{total} {unit}"),
        Kind::Money { dong, .. } => format!("money {dong}"),
        Kind::Rate { dong, per, .. } => format!("rate {dong}/{}", per.join("/")),
        Kind::Duration { value, unit } => format!("dur {value} {unit}"),
        Kind::Date { day, month, year } => match (day, year) {
            (Some(d), Some(y)) => format!("date {d}/{month}/{y}"),
            (None, Some(y)) => format!("date {month}/{y}"),
            (Some(d), None) => format!("date {d}/{month}"),
            (None, None) => format!("date {month}"),
        },
        Kind::Citation(c) => format!(
            "cite {}|{}|{}|{}|{} “{}”",
            c.kind,
            c.number,
            c.symbol,
            c.date,
            c.issuer,
            s.typed(text)
        ),
    }
}

fn described(text: &str) -> Vec<String> {
    spans(text).iter().map(|s| describe(s, text)).collect()
}

/// Real sentences of the reference notice and what they state.
const REAL: &[(&str, &[&str])] = &[
    (
        "UBND huyện cấp 5.480 tờ rơi tuyên truyền phòng, chống đuối nước trẻ em cho UBND các xã, thị trấn biển báo;",
        &["count 5480 tờ rơi"],
    ),
    (
        "Các Liên đội trường học trên địa bàn huyện tổ chức triển khai tuyên truyền Luật trẻ em đến 100% đội viên, kết quả tuyên truyền được trên 46 buổi với hơn 9.616 em thanh thiếu nhi tham gia;",
        &["pct 100 /0", "count 46 buổi", "count 9616 em"],
    ),
    (
        "tuyên truyền bảo vệ sức khỏe học đường, tác hại của thuốc lá được 23 buổi, thu hút 1.605 lượt đoàn viên thanh niên tham gia;",
        &["count 23 buổi", "count 1605 lượt đoàn viên"],
    ),
    (
        "Tuyên truyền công tác gia đình, ngày Quốc tế hạnh phúc, treo 24 băng rôn tại các trục đường chính",
        &["count 24 băng rôn"],
    ),
    (
        "xây dựng tin bài phát trên Đài truyền thanh cơ sở huyện, phát 160 lượt trên đài truyền thanh xã;",
        &["count 160 lượt"],
    ),
    (
        "20/20 Đoàn các xã, thị trấn tiếp nhận học sinh trở về địa bàn dân cư sinh hoạt;",
        &["frac 20/20 đoàn"],
    ),
    (
        "tổ chức trò chơi,... được 06 buổi thu hút trên 400 thiếu nhi tham gia;",
        &["count 6 buổi", "count 400 thiếu nhi"],
    ),
    (
        "Hoạt động tư vấn tâm lý học đường: 38/38 trường tiểu học, THCS đã thành lập tổ tư vấn tâm lý học đường.",
        &["frac 38/38 trường"],
    ),
    (
        "Triển khai thực hiện mô hình “Ngôi nhà an toàn” tại 20 xã, thị trấn trên địa bàn huyện",
        &["count 20 xã, thị trấn"],
    ),
    (
        "(*Tổng số hộ gia đình: 72.032 hộ; Số hộ gia đình có trẻ em dưới 16 tuổi: 10.099 hộ; Số hộ gia đình ký cam kết đạt “Ngôi nhà an toàn”: 9.969 hộ; Số hộ gia đình được công nhận “Ngôi nhà an toàn”: 8.314 hộ*).",
        &["count 72032 hộ", "count 16 tuổi", "count 10099 hộ", "count 9969 hộ", "count 8314 hộ"],
    ),
    (
        "Đoàn đã kiểm tra trực tiếp 02 hộ gia đình được công nhận “Ngôi nhà an toàn”",
        &["count 2 hộ gia đình"],
    ),
    (
        "tổ chức thăm hỏi, động viên hỗ trợ 01 gia đình có trẻ em bị tử vong do đuối nước tại xã Vạn Linh, số tiền 3.000.000 đồng;",
        &["count 1 gia đình", "money 3000000"],
    ),
    (
        "01 trẻ em bị bạo hành, số tiền: 2.000.000 đồng.",
        &["count 1 trẻ em", "money 2000000"],
    ),
    (
        "Trên địa bàn huyện có 67 điểm có nguy cơ đuối nước cho trẻ em hiện tại đã cắm được 21 biển cảnh báo khu vực nguy hiểm tại các xã có điểm nguy cơ đuối nước cho trẻ em (kính phí của tỉnh 19 biển; kính phí xã: 02 biển).",
        &["count 67 điểm", "count 21 biển", "count 19 biển", "count 2 biển"],
    ),
    (
        "Tính tới thời điểm kiểm tra trên địa bàn huyện Chi Lăng có 02 trẻ em tử vong do tai nạn thương tích (01 trẻ em bị tử vong do đuối nước tại xã Vạn Linh; 01 trẻ em bị tử vong do tai nạn giao thông tại thị trấn Đông Mô).",
        &["count 2 trẻ em", "count 1 trẻ em", "count 1 trẻ em"],
    ),
    (
        "Thực hiện hỗ trợ học tập hằng tháng cho 20 trẻ em thuộc hộ nghèo, cận nghèo, mức hỗ trợ mỗi tháng 300.000 đồng/01 trẻ em, do ông Lê Quang Hưng tài trợ, (thực hiện từ tháng 10/2021 đến khi các em học hết THPT);",
        &["count 20 trẻ em", "rate 300000/trẻ em", "date 10/2021"],
    ),
    (
        "Thực hiện đầy đủ, kịp thời chính sách hỗ trợ ăn trưa cho trẻ mẫu giáo theo quy định tại Nghị định 105/2020/NĐ-CP của Thủ tướng Chính phủ là 1.308 trẻ với kinh phí là 837.120.000 đồng.",
        &[
            "cite Nghị định|105|2020/NĐ-CP||Thủ tướng Chính phủ “Nghị định 105/2020/NĐ-CP của Thủ tướng Chính phủ”",
            "count 1308 trẻ",
            "money 837120000",
        ],
    ),
    (
        "số trẻ được hỗ trợ học phí: Miễn học phí là 718 trẻ, giảm học phí 70% là 499 trẻ, giảm 50% là 94 trẻ với tổng số tiền là 232.900.000 đồng;",
        &["count 718 trẻ", "pct 70 /0", "count 499 trẻ", "pct 50 /0", "count 94 trẻ", "money 232900000"],
    ),
    (
        "các nhà hảo tâm tặng quà cho 529 trẻ em mồ côi và các nguyên nhân khác, với số tiền trị giá: 126.500.000 đồng;",
        &["count 529 trẻ em", "money 126500000"],
    ),
    (
        "Duy trì hỗ trợ đỡ đầu được 28 trẻ mồ côi mức hỗ trợ 200.000- 500.000 đồng/tháng.",
        &["count 28 trẻ"],
    ),
    (
        "cháu Vi Hoàng Bách, sinh năm 2021 (Làng Hăng, xã Quan Sơn), được hỗ trợ 200.000đ/tháng, được hỗ trợ trong 3 năm;",
        &["rate 200000/tháng", "dur 3 năm"],
    ),
    (
        "Cụ thể có cháu Nông Đức Hậu, sinh năm 2013 (Đông Quan, xã Bằng Mạc) được hỗ trợ 300.000đ/ tháng, hỗ trợ cháu đến khi cháu đủ 18 tuổi;",
        &["rate 300000/tháng", "count 18 tuổi"],
    ),
    (
        "Hội LHPN huyện đã trao 10 suất quà cho 10 em học sinh có hoàn cảnh khó khăn trên địa bàn xã Liên Sơn, Lâm Sơn với tổng trị giá 3.000.000đ",
        &["count 10 suất quà", "count 10 em", "money 3000000"],
    ),
    (
        "Học sinh lớp 5 hoàn thành chương trình tiểu học 1512/1512 tỷ lệ 100%.",
        &["frac 1512/1512", "pct 100 /0"],
    ),
    (
        "Học sinh 1,2,3,4 hoàn thành trở lên 6005/6079 tỉ lệ 98,9%.",
        &["frac 6005/6079", "pct 98,9 /1"],
    ),
    (
        "Đã triển khai thực hiện xây dựng trường học hạnh phúc tại các trường, kết quả năm học 2023-2024: Xếp loại tốt 56/58 trường, xếp loại khá 02/58 trường.",
        &["frac 56/58 trường", "frac 2/58 trường"],
    ),
    (
        "Tổng số 66 trẻ đăng ký khám sàng lọc (39 trẻ em mới phát sinh năm 2024; 27 trẻ tái khám); trong đó có 58 trẻ em đến khám; có 13 trẻ em được chỉ định phẫu thuật và hội chẩn.",
        &["count 66 trẻ", "count 39 trẻ em", "count 27 trẻ", "count 58 trẻ em", "count 13 trẻ em"],
    ),
    (
        "20/20 trường Mầm non tổ chức cho trẻ uống sữa bột với kinh phí 2.000đ/trẻ/ngày. 20/20 đơn vị đã thực hiện việc khám sức khỏe 01 lần/học kỳ",
        &["frac 20/20 trường", "rate 2000/trẻ/ngày", "frac 20/20 đơn vị", "count 1 lần"],
    ),
    (
        "Kết quả chi trong 6 tháng đầu năm Quỹ Bảo trợ trẻ em huyện chi số tiền (Hỗ trợ cho 02 hộ gia đình trực tiếp chăm sóc, nuôi dưỡng trẻ em bị bỏ rơi, số tiền: 4.000.000 đồng;",
        &["dur 6 tháng", "count 2 hộ gia đình", "money 4000000"],
    ),
    (
        "Thực hiện Kế hoạch liên ngành số 99/KHLN-SLĐTBXH-GDĐT-VHTTDL-ĐTNCSCM, ngày 20/5/2024 của Sở Lao động - Thương binh và Xã hội về kiểm tra, giám sát",
        &["cite Kế hoạch liên ngành|99|KHLN-SLĐTBXH-GDĐT-VHTTDL-ĐTNCSCM|20/5/2024|Sở Lao động - Thương binh và Xã hội “Kế hoạch liên ngành số 99/KHLN-SLĐTBXH-GDĐT-VHTTDL-ĐTNCSCM, ngày 20/5/2024 của Sở Lao động - Thương binh và Xã hội”"],
    ),
    (
        "Thông báo số 97/TB-SLĐTBXH, ngày 12/7/2024 của Sở Lao động - Thương binh và Xã hội Thông báo Lịch kiểm tra, giám sát, ngày 17/7/2024 Sở Lao động - Thương binh và Xã hội phối hợp",
        &[
            "cite Thông báo|97|TB-SLĐTBXH|12/7/2024|Sở Lao động - Thương binh và Xã hội “Thông báo số 97/TB-SLĐTBXH, ngày 12/7/2024 của Sở Lao động - Thương binh và Xã hội”",
            "date 17/7/2024",
        ],
    ),
    (
        "Công văn số 548/UBND-LĐTĐXHDT ngày 21/3/2024 về việc phối hợp tổ chức chương trình khám sàng lọc cho trẻ em khuyết tật năm 2024",
        &["cite Công văn|548|UBND-LĐTĐXHDT|21/3/2024| “Công văn số 548/UBND-LĐTĐXHDT ngày 21/3/2024”"],
    ),
    (
        "Kế hoạch số 88/KH-UBND về thực hiện Quyết định số 06/QĐ-TTg ngày 03/01/2019 của Thủ tướng Chính phủ ban hành Quy định tiêu chuẩn",
        &[
            "cite Kế hoạch|88|KH-UBND|| “Kế hoạch số 88/KH-UBND”",
            "cite Quyết định|06|QĐ-TTg|03/01/2019|Thủ tướng Chính phủ “Quyết định số 06/QĐ-TTg ngày 03/01/2019 của Thủ tướng Chính phủ”",
        ],
    ),
    (
        "Kế hoạch số 164/KH-UBND ngày 06/5/2024 triển khai, thực hiện Nghị quyết số 121/2020/QH14 ngày 19/6/2020 của Quốc hội về việc tiếp tục tăng cường",
        &[
            "cite Kế hoạch|164|KH-UBND|06/5/2024| “Kế hoạch số 164/KH-UBND ngày 06/5/2024”",
            "cite Nghị quyết|121|2020/QH14|19/6/2020|Quốc hội “Nghị quyết số 121/2020/QH14 ngày 19/6/2020 của Quốc hội”",
        ],
    ),
    (
        "Thông tư số 27/2022/TT-BLĐTBXH ngày 29/12/2022 của Bộ Lao động-Thương binh và Xã hội về việc hướng dẫn",
        &["cite Thông tư|27|2022/TT-BLĐTBXH|29/12/2022|Bộ Lao động-Thương binh và Xã hội “Thông tư số 27/2022/TT-BLĐTBXH ngày 29/12/2022 của Bộ Lao động-Thương binh và Xã hội”"],
    ),
    (
        "Chỉ thị số 23/CT-TTg ngày 26/5/2020 của Thủ tướng Chính phủ về tăng cường các giải pháp",
        &["cite Chỉ thị|23|CT-TTg|26/5/2020|Thủ tướng Chính phủ “Chỉ thị số 23/CT-TTg ngày 26/5/2020 của Thủ tướng Chính phủ”"],
    ),
    (
        "về tổ chức thăm tặng quà các trường Mầm non nhân dịp Tết Thiếu nhi 01/6; Kế hoạch số 221/Kh-UBND ngày 03/7/2024 thực hiện Quy chế",
        &["date 1/6", "cite Kế hoạch|221|Kh-UBND|03/7/2024| “Kế hoạch số 221/Kh-UBND ngày 03/7/2024”"],
    ),
    (
        "Tỷ lệ trẻ em 5 tuổi đi mẫu giáo đạt 100%, huyện Chi Lăng đã hoàn thành phổ cập giáo dục mầm non cho trẻ em dưới 5 tuổi từ năm 2015.",
        &["count 5 tuổi", "pct 100 /0", "count 5 tuổi"],
    ),
    (
        "Hỗ trợ chi phí học tập 1.214 trẻ với tổng số tiền là 728.400.000 đồng;",
        &["count 1214 trẻ", "money 728400000"],
    ),
];

/// Sentences on other topics, and number formats.
const OTHER: &[(&str, &[&str])] = &[
    (
        "Năm 2024, huyện đã tổ chức 15 lớp dạy nghề cho 450 lao động nông thôn, trong đó 120 người khuyết tật.",
        &["count 15 lớp", "count 450 lao động nông thôn", "count 120 người"],
    ),
    (
        "Tổng kinh phí thực hiện là 3,45 tỷ đồng, trong đó ngân sách tỉnh 216 triệu đồng.",
        &["money 3450000000", "money 216000000"],
    ),
    ("Chi trả 12.000.000đ cho 4 hộ.", &["money 12000000", "count 4 hộ"]),
    ("Có 72 032 hộ dân.", &["count 72032 hộ"]),
    (
        "Số người có công được thăm hỏi là 1.250 người có công, đạt 98.5% kế hoạch.",
        &["count 1250 người có công", "pct 98,5 /1"],
    ),
    (
        "Ngày 05/02/2025, Đoàn làm việc với 3/5 xã của huyện.",
        &["date 5/2/2025", "frac 3/5 xã"],
    ),
    (
        "theo Luật số 58/2014/QH13 ngày 20/11/2014 của Quốc hội",
        &["cite Luật|58|2014/QH13|20/11/2014|Quốc hội “Luật số 58/2014/QH13 ngày 20/11/2014 của Quốc hội”"],
    ),
    (
        "Quyết định số 1719/QĐ-TTg ngày 14 tháng 10 năm 2021 của Thủ tướng Chính phủ phê duyệt Chương trình",
        &["cite Quyết định|1719|QĐ-TTg|14 tháng 10 năm 2021|Thủ tướng Chính phủ “Quyết định số 1719/QĐ-TTg ngày 14 tháng 10 năm 2021 của Thủ tướng Chính phủ”"],
    ),
    ("giảm 1,5% so với năm 2023", &["pct 1,5 /1"]),
    (
        "Ngày 17 tháng 7 năm 2024, Đoàn làm việc; đến tháng 12 năm 2024 hoàn thành.",
        &["date 17/7/2024", "date 12/2024"],
    ),
    (
        "Hỗ trợ 1,2 triệu đồng/người/tháng cho 35 người có công.",
        &["rate 1200000/người/tháng", "count 35 người có công"],
    ),
    ("thu 2.500.000 VNĐ", &["money 2500000"]),
    (
        "Tổng kinh phí 2 tỷ 500 triệu đồng, hỗ trợ 300 đồng bào dân tộc thiểu số.",
        &["money 2500000000", "count 300 đồng bào"],
    ),
    (
        "Thực hiện Công văn số 548/UBND-LĐTBXH ngày 21/3/2024 của UBND tỉnh về việc phối hợp",
        &["cite Công văn|548|UBND-LĐTBXH|21/3/2024|UBND tỉnh “Công văn số 548/UBND-LĐTBXH ngày 21/3/2024 của UBND tỉnh”"],
    ),
    // Units of two words on other topics, ranges in words, grouped decimals.
    (
        "Có 45 công trình cấp nước, 14 dự án và Ban chỉ đạo gồm 15 thành viên.",
        &["count 45 công trình", "count 14 dự án", "count 15 thành viên"],
    ),
    (
        "10/10 trạm y tế xã khám cho 42.316 lượt khám.",
        &["frac 10/10 trạm y tế", "count 42316 lượt khám"],
    ),
    ("Độ tuổi của học viên từ 18 đến 45 tuổi.", &[]),
    ("Giá nước sinh hoạt từ 6.500 đến 9.800 đồng/m3.", &[]),
    ("Hỗ trợ từ 10 tới 15 triệu đồng/hộ.", &[]),
    ("Công suất thiết kế từ 200 - 1.500 m3/ngày đêm.", &[]),
    (
        "Đã giải ngân 2.870,5 triệu đồng trên tổng số 1.234,5 tỷ đồng.",
        &["money 2870500000", "money 1234500000000"],
    ),
    (
        "tăng 1 240 người so với năm 2023 (tăng 6,1%), giảm 1,2 điểm phần trăm",
        &["count 1240 người", "pct 6,1 /1"],
    ),
    (
        "mỗi hộ 50 triệu đồng, mỗi học viên 30.000 đồng, mỗi tháng 300.000 đồng",
        &["rate 50000000/hộ", "rate 30000/học viên", "rate 300000/tháng"],
    ),
    (
        "trẻ em dưới 6 tuổi 8.800 người, độ tuổi 15",
        &["count 6 tuổi", "count 8800 người"],
    ),
    (
        "dưới 3 tháng 150 học viên, tháng 12, ngày 15",
        &["dur 3 tháng", "count 150 học viên"],
    ),
    (
        "Giải ngân 45,6 tỷ đồng/58,2 tỷ đồng kế hoạch vốn",
        &["money 45600000000", "money 58200000000"],
    ),
    ("khoản 1 Điều 79 Luật Trẻ em", &[]),
    ("trong giai đoạn 2021-2025", &[]),
    ("", &[]),
];

#[test]
fn real_sentences_give_the_spans_expected() {
    let mut failures = Vec::new();
    for (text, want) in REAL.iter().chain(OTHER) {
        let got = described(text);
        if got != *want {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(REAL.len() >= 30, "{} real sentences", REAL.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn offsets_are_bytes_of_the_text() {
    let text = "Có 120 hộ, trong đó 150 hộ nghèo; tỷ lệ 98,9%.";
    let s = spans(text);
    assert_eq!(s[0].typed(text), "120 hộ");
    assert_eq!(s[1].typed(text), "150 hộ");
    assert_eq!(s[2].typed(text), "98,9%");
    assert_eq!(&text[s[1].start..s[1].end], "150 hộ");
}

/// The rule ids of what the checks find in one sentence.
fn problems(text: &str) -> Vec<&'static str> {
    let s = spans(text);
    relations_over(text, &s)
        .iter()
        .filter_map(|st| verdict(text, &s, st))
        .map(|p| p.kind.rule_id())
        .collect()
}

/// Invented sentences: (text, rules that must fire; none = correct).
const CHECKED: &[(&str, &[&str])] = &[
    // "trong đó"
    ("Toàn xã có 120 hộ, trong đó 150 hộ nghèo.", &["prose.part_of"]),
    ("Toàn xã có 120 hộ, trong đó 15 hộ nghèo.", &[]),
    (
        "Huyện có 1.200 hộ nghèo, trong đó 700 hộ dân tộc thiểu số, 600 hộ có người khuyết tật.",
        &["prose.part_of"],
    ),
    (
        "Huyện có 1.200 hộ nghèo, trong đó 500 hộ dân tộc thiểu số, 600 hộ có người khuyết tật.",
        &[],
    ),
    (
        "Đào tạo nghề cho 450 lao động, trong đó nam 200 người, nữ 240 người.",
        &[],
    ),
    (
        "Đào tạo nghề cho 450 người, trong đó nam 200 người, nữ 240 người.",
        &["prose.sum"],
    ),
    (
        "Đào tạo nghề cho 450 người, trong đó nam 210 người, nữ 240 người.",
        &[],
    ),
    (
        "Tổng kinh phí 3,45 tỷ đồng, trong đó ngân sách tỉnh 3.500.000.000 đồng.",
        &["prose.part_of"],
    ),
    (
        "Tổng kinh phí 3,45 tỷ đồng, trong đó ngân sách tỉnh 216 triệu đồng.",
        &[],
    ),
    // units must agree: hộ is not người
    ("Có 120 hộ, trong đó 150 người cao tuổi.", &[]),
    // nested parts in later clauses are each only ≤ the whole
    (
        "Tổng số 66 trẻ đăng ký khám (39 trẻ em mới; 27 trẻ tái khám); trong đó có 58 trẻ em đến khám; có 13 trẻ em được phẫu thuật.",
        &[],
    ),
    (
        "Tổng số 66 trẻ đăng ký khám (39 trẻ em mới; 37 trẻ tái khám).",
        &["prose.part_of"],
    ),
    // "gồm"
    (
        "Đoàn kiểm tra 12 xã gồm: 5 xã vùng cao; 4 xã vùng thấp; 3 xã ven sông.",
        &[],
    ),
    (
        "Đoàn kiểm tra 12 xã gồm: 5 xã vùng cao; 4 xã vùng thấp; 4 xã ven sông.",
        &["prose.sum"],
    ),
    (
        "Đoàn kiểm tra 12 xã gồm: 5 xã vùng cao; 4 xã vùng thấp...",
        &[],
    ),
    // ratio
    ("Học sinh hoàn thành 6005/6079 tỉ lệ 98,9%.", &["prose.ratio"]),
    ("Học sinh hoàn thành 6005/6079 tỉ lệ 98,8%.", &[]),
    ("Có 1.512/1.512 học sinh hoàn thành, đạt 100%.", &[]),
    ("Tỷ lệ đạt 97% (97/100 xã).", &[]),
    ("Tỷ lệ đạt 96% (97/100 xã).", &["prose.ratio"]),
    (
        "Có 85 người có công được hỗ trợ, chiếm 42,5% tổng số 200 người có công.",
        &[],
    ),
    (
        "Có 85 người có công được hỗ trợ, chiếm 45% tổng số 200 người có công.",
        &["prose.ratio"],
    ),
    (
        "Tổng số 1.000 lao động được đào tạo, trong đó 640 lao động có việc làm, chiếm 64%.",
        &[],
    ),
    (
        "Tổng số 1.000 lao động được đào tạo, trong đó 640 lao động có việc làm, chiếm 46%.",
        &["prose.ratio"],
    ),
    ("Có 56/58 trường đạt chuẩn quốc gia, đạt 96,6%.", &[]),
    ("Có 56/58 trường đạt chuẩn quốc gia, đạt 95,6%.", &["prose.ratio"]),
    // the whole in the sentence before, and inside brackets
    ("Toàn huyện có 1.200 hộ nghèo. Trong đó: 700 hộ dân tộc thiểu số; 600 hộ khác.", &["prose.part_of"]),
    ("Toàn huyện có 1.200 hộ nghèo (trong đó 1.300 hộ dân tộc thiểu số).", &["prose.part_of"]),
    ("Toàn huyện có 1.200 hộ nghèo (trong đó 300 hộ dân tộc thiểu số).", &[]),
    ("Có 45/50 hộ được tập huấn, tỷ lệ hài lòng đạt 85%.", &[]),
    (
        "Tổng kinh phí 2 tỷ 500 triệu đồng, trong đó ngân sách tỉnh 1 tỷ đồng.",
        &[],
    ),
    (
        "Tổng kinh phí 2 tỷ 500 triệu đồng, trong đó ngân sách tỉnh 3 tỷ đồng.",
        &["prose.part_of"],
    ),
    (
        "Tổng số đối tượng: 1.250 người; trong đó: người có công 850 người, thân nhân 450 người.",
        &["prose.part_of"],
    ),
    (
        "Kiểm tra 20 hộ gồm 10 hộ nghèo và 10 hộ cận nghèo.",
        &[],
    ),
    (
        "Kiểm tra 20 hộ gồm 10 hộ nghèo và 12 hộ cận nghèo.",
        &["prose.sum"],
    ),
    // a percentage with no n/N states nothing
    ("97% học sinh được khám sức khỏe.", &[]),
    // n/N
    ("Đã kiểm tra 5/3 xã.", &["prose.fraction"]),
    ("Đã kiểm tra 3/5 xã.", &[]),
    ("Xếp loại tốt 56/58 trường, xếp loại khá 02/58 trường.", &[]),
    ("Có 4/0 trường đạt chuẩn.", &["prose.fraction"]),
    // a date is not a fraction
    ("Tết Thiếu nhi 01/6 và ngày 20/11 hằng năm.", &[]),
    // products
    (
        "Hỗ trợ 20 trẻ em mức 2.000đ/trẻ/ngày trong 30 ngày, tổng kinh phí 1.200.000 đồng.",
        &[],
    ),
    (
        "Hỗ trợ 20 trẻ em mức 2.000đ/trẻ/ngày trong 30 ngày, tổng kinh phí 1.500.000 đồng.",
        &["prose.product"],
    ),
    (
        "Trợ cấp cho 15 người có công, mức 1.500.000 đồng/người/tháng trong 12 tháng, tổng số tiền 270.000.000 đồng.",
        &[],
    ),
    (
        "Trợ cấp cho 15 người có công, mức 1.500.000 đồng/người/tháng trong 12 tháng, tổng số tiền 207.000.000 đồng.",
        &["prose.product"],
    ),
    (
        "Hỗ trợ 20 trẻ x 2.000đ/trẻ/ngày x 30 ngày = 1.300.000đ.",
        &["prose.product"],
    ),
    (
        "Hỗ trợ 35 người có công, mức 1,2 triệu đồng/người/tháng trong 3 tháng, tổng cộng 126 triệu đồng.",
        &[],
    ),
    // the rate with no count or no total states no product
    ("Trẻ uống sữa với kinh phí 2.000đ/trẻ/ngày.", &[]),
    (
        "Hỗ trợ tiền ăn cho 35 học viên, mức 30.000 đồng/học viên/ngày trong 60 ngày, tổng kinh phí 63.000.000 đồng.",
        &[],
    ),
    (
        "Hỗ trợ tiền ăn cho 35 học viên, mức 30.000 đồng/học viên/ngày trong 60 ngày, tổng kinh phí 36.000.000 đồng.",
        &["prose.product"],
    ),
    // a percentage alone in brackets is the share of what it follows …
    (
        "Toàn huyện có 38/38 xã đạt chuẩn nông thôn mới (100%), 14/38 xã đạt chuẩn nông thôn mới nâng cao (36,8%), 3/38 xã đạt chuẩn kiểu mẫu (7,9%).",
        &[],
    ),
    (
        "Toàn huyện có 38/38 xã đạt chuẩn nông thôn mới (100%), 14/38 xã đạt chuẩn nông thôn mới nâng cao (38,6%), 3/38 xã đạt chuẩn kiểu mẫu (7,9%).",
        &["prose.ratio"],
    ),
    ("Có 13/40 xã đạt chuẩn (30%).", &["prose.ratio"]),
    ("Có 12/40 xã đạt chuẩn (30%).", &[]),
    (
        "Tổng số 1.000 lao động được đào tạo, trong đó 640 lao động có việc làm (64%).",
        &[],
    ),
    (
        "Tổng số 1.000 lao động được đào tạo, trong đó 640 lao động có việc làm (46%).",
        &["prose.ratio"],
    ),
    (
        "Tổng vốn 156,8 tỷ đồng, trong đó ngân sách nhà nước 98,5 tỷ đồng (chiếm 62,8%), vốn lồng ghép 35,2 tỷ đồng, vốn nhân dân đóng góp 23,1 tỷ đồng.",
        &[],
    ),
    (
        "Tổng vốn 156,8 tỷ đồng, trong đó ngân sách nhà nước 98,5 tỷ đồng (chiếm 52,8%), vốn lồng ghép 35,2 tỷ đồng.",
        &["prose.ratio"],
    ),
    // … but a percentage is not the n/N after the bracket it closes
    ("Có 38/38 xã (100%), 14/38 xã nâng cao.", &[]),
    // a change is no share: "tăng … so với cùng kỳ"
    (
        "Có 42.316 lượt khám, tăng 8,4% so với cùng kỳ; trong đó điều trị nội trú 3.950 lượt, chiếm 9,3%.",
        &[],
    ),
    (
        "Có 42.316 lượt khám, tăng 8,4% so với cùng kỳ; trong đó điều trị nội trú 3.950 lượt, chiếm 8,4%.",
        &["prose.ratio"],
    ),
    (
        "Số lao động có việc làm 1.032/1.180 người, đạt tỷ lệ 87,5%, tăng 3,2% so với cùng kỳ năm 2023.",
        &[],
    ),
    (
        "Số lao động có việc làm 1.032/1.180 người, đạt tỷ lệ 89,5%, tăng 3,2% so với cùng kỳ năm 2023.",
        &["prose.ratio"],
    ),
    ("Số hộ nghèo 4.215 hộ, giảm 513 hộ so với đầu năm (giảm 10,8%).", &[]),
    // "tổng số X, gồm: …" (a comma before "gồm")
    (
        "Tổng số 68.215 người, gồm: nhóm do ngân sách đóng 31.402 người; nhóm hộ gia đình 21.560 người; nhóm khác 15.253 người.",
        &[],
    ),
    (
        "Tổng số 68.215 người, gồm: nhóm do ngân sách đóng 31.402 người; nhóm hộ gia đình 21.560 người; nhóm do người lao động đóng 9.831 người; nhóm khác 5.322 người.",
        &["prose.sum"],
    ),
    ("Kiểm tra 20 hộ, bao gồm 10 hộ nghèo và 12 hộ cận nghèo.", &["prose.sum"]),
    // the whole after a percentage is named ("tổng số …"), not the next item
    (
        "Tổng số 120 cơ sở được kiểm tra, 98 cơ sở đạt yêu cầu (81,7%), 22 cơ sở chưa đạt (18,3%).",
        &[],
    ),
    (
        "Có 56 trường, trong đó 40 trường công lập (71,4%), 16 trường ngoài công lập (28,6%).",
        &[],
    ),
    (
        "Có 56 trường, trong đó 40 trường công lập (74,1%), 16 trường ngoài công lập (28,6%).",
        &["prose.ratio"],
    ),
    ("Kết quả: 45 xã đạt chuẩn, chiếm 81,8% tổng số 55 xã.", &[]),
    // parts that make up the whole, then something else counted among it
    (
        "Đã kiểm tra 45 cơ sở; trong đó 40 cơ sở đạt (88,9%), 5 cơ sở không đạt (11,1%), xử phạt 3 cơ sở với số tiền 15 triệu đồng.",
        &[],
    ),
    (
        "Đã kiểm tra 45 cơ sở; trong đó 40 cơ sở đạt, 6 cơ sở không đạt, xử phạt 3 cơ sở.",
        &["prose.part_of"],
    ),
    // a bracketed share is of the quantity right before it
    (
        "Tuyển sinh 850 học viên, trong đó sơ cấp 700 học viên (82,4%), dưới 3 tháng 150 học viên (17,6%).",
        &[],
    ),
    (
        "Tuyển sinh 850 học viên, trong đó sơ cấp 700 học viên (82,4%), dưới 3 tháng 150 học viên (71,6%).",
        &["prose.ratio"],
    ),
    // a share of a plan or an estimate whose amount is given
    (
        "Giải quyết việc làm cho 18.500 lao động, đạt 102,8% kế hoạch (18.000 lao động).",
        &[],
    ),
    (
        "Giải quyết việc làm cho 18.500 lao động, đạt 108,2% kế hoạch (18.000 lao động).",
        &["prose.ratio"],
    ),
    (
        "Chi khám, chữa bệnh 18,6 tỷ đồng, bằng 34,2% dự toán năm (54,4 tỷ đồng).",
        &[],
    ),
    (
        "Thu ngân sách 245,5 tỷ đồng, đạt 121,3% dự toán được giao (218,6 tỷ đồng).",
        &["prose.ratio"],
    ),
    ("Hỗ trợ 100 hộ, đạt 83,3% kế hoạch, 120 hộ còn lại chưa được hỗ trợ.", &[]),
    // a percentage in brackets after a change is the change's rate
    ("Có 120 hộ, trong đó 20 hộ nghèo, giảm 5 hộ (20%).", &[]),
    ("Năm 2024: 25 vụ, giảm 5 vụ (16,7%) so với năm 2023.", &[]),
    (
        "Tổng số 1.000 lao động, trong đó 640 lao động có việc làm (64%), tăng 40 lao động (6,7%).",
        &[],
    ),
    (
        "Cấp thẻ BHYT cho 25.600 người, trong đó người nghèo 12.300 người, người cận nghèo 4.500 người, trẻ em dưới 6 tuổi 9.800 người.",
        &["prose.part_of"],
    ),
    // a rate said before the amount: "mỗi hộ 50 triệu đồng"
    (
        "Hỗ trợ 32 hộ làm nhà ở, mỗi hộ 50 triệu đồng, tổng số tiền 1,6 tỷ đồng.",
        &[],
    ),
    (
        "Hỗ trợ 32 hộ làm nhà ở, mỗi hộ 50 triệu đồng, tổng số tiền 1,5 tỷ đồng.",
        &["prose.product"],
    ),
    (
        "Hỗ trợ cho 20 trẻ em, mỗi tháng 300.000 đồng trong 12 tháng, tổng kinh phí 72.000.000 đồng.",
        &[],
    ),
    (
        "Tặng 10 suất quà, mỗi suất quà 500.000 đồng, tổng trị giá 4.500.000 đồng.",
        &["prose.product"],
    ),
    ("Mỗi xã 01 cán bộ, tổng cộng 21 cán bộ.", &[]),
    // a range is no whole
    ("Mỗi lớp có từ 25 đến 35 học viên, trong đó 30 học viên nữ.", &[]),
];

#[test]
fn stated_relations_are_checked() {
    let mut failures = Vec::new();
    for (text, want) in CHECKED {
        let got = problems(text);
        if got != *want {
            failures.push(format!(
                "{text}\n  want {want:?}\n  got  {got:?}\n  stated {:?}",
                relations(text)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_reference_notice_has_one_true_mistake_in_its_prose() {
    let mut found = Vec::new();
    for line in REFERENCE.lines() {
        let s = spans(line);
        for st in relations_over(line, &s) {
            if let Some(p) = verdict(line, &s, &st) {
                found.push((p.kind, p.message_vi));
            }
        }
    }
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, ProblemKind::Ratio);
    assert!(
        found[0].1.contains("98,9%") && found[0].1.contains("98,8%"),
        "{}",
        found[0].1
    );
}

#[test]
fn the_sample_states_no_false_relation() {
    // As shipped (numbers are figures: their relations are the notice's).
    let n = sample();
    let prose: Vec<_> = check(&n, Mode::Final)
        .into_iter()
        .filter(|f| f.rule.starts_with("prose."))
        .collect();
    assert!(prose.is_empty(), "{prose:#?}");
    // As if every figure had been typed into the text: only 98,9%.
    let mut found = Vec::new();
    for (_, text) in field::rich_texts(&n) {
        let value = |id: &str| n.figure(id).map(figure_text);
        let plain = Plain::new(text, &value);
        let s = spans(&plain.text);
        for st in relations_over(&plain.text, &s) {
            if let Some(p) = verdict(&plain.text, &s, &st) {
                found.push(p.message_vi);
            }
        }
    }
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("98,9%"), "{found:?}");
}

fn typed(n: &mut Notice, checker: &mut Checker, path: &FieldPath, text: &str) {
    edit::apply(
        n,
        Command::Set {
            path: path.clone(),
            value: text.into(),
        },
    );
    checker.edited(n, path);
}

#[test]
fn typing_into_a_blank_paragraph_is_checked_at_once() {
    let mut n = blank();
    let path: FieldPath = "block/p1.s1.b1/text".parse().unwrap();
    let mut checker = Checker::new(&n, Mode::Draft);
    let mut text = String::new();
    for c in "Toàn xã có 120 hộ, trong đó 150 hộ nghèo.".chars() {
        text.push(c);
        typed(&mut n, &mut checker, &path, &text);
        assert_eq!(
            checker.findings(&n),
            check(&n, Mode::Draft),
            "after {text:?}"
        );
    }
    let f: Vec<_> = checker
        .findings(&n)
        .into_iter()
        .filter(|f| f.rule == "prose.part_of")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].field(), Some(&path));
    assert!(
        f[0].message_vi.contains("150 hộ lớn hơn 120 hộ"),
        "{}",
        f[0].message_vi
    );
    assert!(
        f[0].message_en.contains("150 hộ is more than 120 hộ"),
        "{}",
        f[0].message_en
    );
    typed(
        &mut n,
        &mut checker,
        &path,
        "Toàn xã có 120 hộ, trong đó 15 hộ nghèo.",
    );
    assert!(!checker
        .findings(&n)
        .iter()
        .any(|f| f.rule.starts_with("prose.")));
}

#[test]
fn a_wrong_percentage_gets_its_fix() {
    let mut n = blank();
    let path: FieldPath = "block/p1.s1.b1/text".parse().unwrap();
    field::set(
        &mut n,
        &path,
        "Học sinh hoàn thành 6005/6079 tỉ lệ 98,9%{fn:x}.".into(),
    );
    let f = check(&n, Mode::Draft)
        .into_iter()
        .find(|f| f.rule == "prose.ratio")
        .expect("a prose.ratio finding");
    let fix = f.fix.expect("a fix");
    assert_eq!(fix.label_vi, "Dùng 98,8%");
    assert_eq!(fix.field, path);
    assert_eq!(
        fix.value,
        "Học sinh hoàn thành 6005/6079 tỉ lệ 98,8%{fn:x}."
    );
    edit::apply(&mut n, Command::ApplyFix(fix));
    assert!(!check(&n, Mode::Draft)
        .iter()
        .any(|f| f.rule == "prose.ratio"));
}

/// Sums of amounts in `triệu đồng` or `tỷ đồng` are told in the scale the
/// sentence writes them in, and so is the fix.
#[test]
fn sums_of_scaled_amounts_are_told_in_their_scale() {
    let cases = [
        (
            "Tổng kinh phí 3.250 triệu đồng, trong đó: Trung ương 2.100 triệu đồng; tỉnh 1.250 triệu đồng.",
            "3.350 triệu đồng",
            None,
        ),
        (
            "Tổng kinh phí 3,45 tỷ đồng gồm: ngân sách tỉnh 2,1 tỷ đồng; ngân sách huyện 1,25 tỷ đồng.",
            "3,35 tỷ đồng",
            Some("3,35 tỷ đồng"),
        ),
        (
            "Hỗ trợ 35 người có công, mức 1,2 triệu đồng/người/tháng trong 3 tháng, tổng cộng 125 triệu đồng.",
            "126 triệu đồng",
            Some("126 triệu đồng"),
        ),
    ];
    for (text, said, fix) in cases {
        let s = spans(text);
        let p = relations_over(text, &s)
            .iter()
            .find_map(|st| verdict(text, &s, st))
            .unwrap_or_else(|| panic!("a problem in {text}"));
        assert!(p.message_vi.contains(said), "{}", p.message_vi);
        assert_eq!(p.fix.map(|(_, v)| v).as_deref(), fix, "{text}");
    }
}

#[test]
fn a_figure_token_reads_as_its_value_and_an_edit_of_it_rechecks_the_text() {
    let mut n = sample();
    // "{fig:screening.registered}" is 66 trẻ; typed parts beside it.
    let path: FieldPath = "block/p1.s1.b1/text".parse().unwrap();
    let mut checker = Checker::new(&n, Mode::Draft);
    typed(
        &mut n,
        &mut checker,
        &path,
        "Tổng số {fig:screening.registered} đăng ký, trong đó 70 trẻ đến khám.",
    );
    let rules = |c: &Checker, n: &Notice| -> Vec<&'static str> {
        c.findings(n)
            .iter()
            .map(|f| f.rule)
            .filter(|r| r.starts_with("prose."))
            .collect()
    };
    assert_eq!(rules(&checker, &n), ["prose.part_of"]);
    let fig: FieldPath = "fig/screening.registered/value".parse().unwrap();
    typed(&mut n, &mut checker, &fig, "80");
    assert!(rules(&checker, &n).is_empty());
    assert_eq!(checker.findings(&n), check(&n, Mode::Draft));
}

#[test]
fn proposals_make_figures_and_recognised_relations() {
    let mut n = blank();
    let path: FieldPath = "block/p1.s1.b1/text".parse().unwrap();
    let text = "Toàn xã có 120 hộ, trong đó 150 hộ nghèo; kinh phí 3.000.000 đồng.";
    field::set(&mut n, &path, text.into());
    let p = propose(&n, &path);
    let ids: Vec<&str> = p.figures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(p.figures.len(), 3, "{:#?}", p.figures);
    assert_eq!(p.figures[0].value, "120");
    assert_eq!(p.figures[0].unit, "hộ");
    assert_eq!(p.figures[0].label, "Toàn xã");
    assert_eq!(p.figures[1].label, "Số hộ");
    assert_eq!(p.figures[2].unit, "đồng");
    assert_eq!(p.figures[2].label, "Kinh phí");
    assert_eq!(
        p.new_text,
        format!(
            "Toàn xã có {{fig:{}}}, trong đó {{fig:{}}} nghèo; kinh phí {{fig:{}}}.",
            ids[0], ids[1], ids[2]
        )
    );
    assert_eq!(p.relations.len(), 1);
    assert_eq!(p.relations[0].source, Source::Recognised);
    assert_eq!(
        p.relations[0].kind,
        RelationKind::PartOf {
            part: ids[1].into(),
            whole: ids[0].into()
        }
    );
    // Applied, the notice renders the same words and the relation (now
    // the notice's own) finds what the prose did.
    n.figures.extend(p.figures.clone());
    n.relations.extend(p.relations.clone());
    field::set(&mut n, &path, p.new_text.clone());
    let found = check(&n, Mode::Draft);
    assert!(
        found.iter().any(|f| f.rule == "part.le_whole"),
        "{found:#?}"
    );
    assert!(!found.iter().any(|f| f.rule.starts_with("prose.")));
    // Ids are fresh: proposing again does not reuse them.
    field::set(&mut n, &path, text.into());
    let again = propose(&n, &path);
    for f in &again.figures {
        assert!(n.figure(&f.id).is_none(), "{} reused", f.id);
    }
}

#[test]
fn proposals_keep_existing_figures() {
    let mut n = sample();
    let path: FieldPath = "block/p1.s1.b1/text".parse().unwrap();
    field::set(
        &mut n,
        &path,
        "Tổng số {fig:screening.registered}, trong đó 58 trẻ đến khám.".into(),
    );
    let p = propose(&n, &path);
    assert_eq!(p.figures.len(), 1);
    assert_eq!(
        p.relations[0].kind,
        RelationKind::PartOf {
            part: p.figures[0].id.clone(),
            whole: "screening.registered".into()
        }
    );
    assert!(p
        .new_text
        .starts_with("Tổng số {fig:screening.registered}, trong đó {fig:"));
}

#[test]
fn every_text_of_the_scaled_notice_is_recognised_quickly() {
    let n = scaled(100);
    let texts = field::rich_texts(&n);
    let t = std::time::Instant::now();
    let mut count = 0;
    for (_, text) in &texts {
        let value = |id: &str| n.figure(id).map(figure_text);
        let plain = Plain::new(text, &value);
        let s = spans(&plain.text);
        count += s.len() + relations_over(&plain.text, &s).len();
    }
    assert!(count > 0);
    // Generous: a debug build on a busy machine.
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

fn well_formed(text: &str) -> Result<(), TestCaseError> {
    let s = spans(text);
    let mut last = 0;
    for x in &s {
        prop_assert!(x.start <= x.end && x.end <= text.len(), "{x:?}");
        prop_assert!(x.start >= last, "overlap {x:?}");
        prop_assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
        last = x.end;
    }
    for st in relations_over(text, &s) {
        for m in st.kind.members() {
            prop_assert!(m < s.len());
        }
        let same = matches!(st.kind, StatedKind::PartOf { part, whole } if part == whole);
        prop_assert!(!same, "a part of itself");
        let _ = verdict(text, &s, &st);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn recognition_never_panics_on_any_text(text in "\\PC{0,120}") {
        well_formed(&text)?;
    }

    #[test]
    fn recognition_never_panics_on_number_soup(
        text in "([0-9]{1,4}|[.,/%;:()-]| |đồng|đ|tỷ|triệu|trong đó|gồm|chiếm|tỉ lệ|hộ|trẻ em|ngày|tháng|năm|Công văn số|của|xã|\u{00A0}|\n){0,40}"
    ) {
        well_formed(&text)?;
    }

    #[test]
    fn proposals_never_panic(text in "([0-9]{1,4}|[.,/%;{}]| |fig:x|đồng|hộ|trong đó|gồm|chiếm){0,30}") {
        let mut n = blank();
        let path: FieldPath = "block/p1.s1.b1/text".parse().unwrap();
        field::set(&mut n, &path, text);
        let p = propose(&n, &path);
        for f in &p.figures {
            let token = format!("{{fig:{}}}", f.id);
            prop_assert!(p.new_text.contains(&token), "no {}", token);
        }
        let _ = check(&n, Mode::Final);
    }
}
