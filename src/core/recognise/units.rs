//! The words recognition knows: unit nouns of more than one word, the
//! words that make a number something other than a count, the kinds of
//! document cited, and the words that link a percentage to its n/N.

/// Units of more than one word, longest first where one begins another.
pub(super) const UNITS: &[&str] = &[
    "hộ gia đình",
    "trẻ em",
    "học sinh",
    "sinh viên",
    "gia đình",
    "người dân",
    "đồng bào",
    "người lao động",
    "người có công",
    "lượt người",
    "lượt đoàn viên",
    "đoàn viên",
    "hội viên",
    "thanh thiếu nhi",
    "thiếu nhi",
    "cán bộ",
    "công chức",
    "viên chức",
    "giáo viên",
    "lao động nông thôn",
    "lao động",
    "đối tượng",
    "cơ sở y tế",
    "cơ sở",
    "đơn vị",
    "tờ rơi",
    "băng rôn",
    "suất quà",
    "phần quà",
    "xã, thị trấn",
    "thị trấn",
    "học viên",
    "lớp học",
    "mô hình",
    "doanh nghiệp",
    "hợp tác xã",
    "thôn, bản",
    "tổ dân phố",
    "cấp độ",
    "công trình",
    "dự án",
    "thành viên",
    "trạm y tế",
    "lượt khám",
];

/// Words of time: a count of them is a duration.
pub(super) const TIME: &[&str] = &["ngày", "tháng", "năm", "tuần", "quý", "giờ"];

/// Words after which a number names something rather than counts it
/// (`năm 2024`, `lớp 5`, `Điều 79`, `khoản 1`).
pub(super) const NAMING: &[&str] = &[
    "năm",
    "lớp",
    "điều",
    "khoản",
    "mục",
    "chương",
    "phần",
    "khóa",
    "khoá",
    "đợt",
    "thứ",
    "đoạn",
    "án",
    "kỳ",
    "quận",
    "phường",
    "tổ",
    "xóm",
    "khu",
    "đội",
    "phòng",
    "tuyến",
    "lộ",
    "hạng",
    "bậc",
    "vòng",
    "trang",
    "ngày",
    "tháng",
    "mẫu",
    "hiệu",
    "covid",
    "tuổi",
    "km",
];

/// Naming words and the largest number each can name (an age, a month,
/// a day, a school year): a larger one after it is a count.
pub(super) const NAMED_AT_MOST: &[(&str, u64)] = &[
    ("tuổi", 150),
    ("tháng", 12),
    ("ngày", 31),
    ("lớp", 12),
    ("quý", 4),
];

/// Words after a number that are no unit (`0 đến 16 tuổi`).
pub(super) const NOT_UNITS: &[&str] = &[
    "và", "của", "trên", "là", "với", "được", "đã", "có", "các", "cho", "tại", "trong", "đến",
    "từ", "thì", "mà", "nên", "này", "đó", "so", "theo", "về", "hoặc", "hay", "để", "như", "khi",
    "còn", "đều", "bị", "do", "vào", "ra", "sau", "trước", "tới", "năm", "trở", "thuộc", "gồm",
    "trong", "nhưng", "tỷ", "tỉ", "đạt", "chiếm", "bằng", "mỗi", "một", "hai",
];

/// Units of money: the word after the number (`đồng`, `đ`).
pub(super) const MONEY: &[&str] = &["đồng", "đ", "vnđ", "vnd"];

/// Multipliers before `đồng`.
pub(super) const SCALE: &[(&str, u64)] = &[
    ("nghìn", 1_000),
    ("ngàn", 1_000),
    ("triệu", 1_000_000),
    ("tỷ", 1_000_000_000),
    ("tỉ", 1_000_000_000),
];

/// Kinds of document, lower case, longest first where one begins another.
pub(super) const DOC_KINDS: &[&str] = &[
    "thông tư liên tịch",
    "kế hoạch liên ngành",
    "nghị quyết liên tịch",
    "công văn",
    "kế hoạch",
    "quyết định",
    "nghị định",
    "nghị quyết",
    "thông tư",
    "thông báo",
    "luật",
    "chỉ thị",
    "chương trình",
    "báo cáo",
    "tờ trình",
    "hướng dẫn",
    "công điện",
    "văn bản",
    "pháp lệnh",
    "quy chế",
    "quy định",
    "đề án",
    "kết luận",
    "biên bản",
    "giấy mời",
    "lệnh",
];

/// Words that end the issuer of a citation (`của UBND tỉnh về …`).
pub(super) const ISSUER_END: &[&str] = &[
    "về", "ban", "phê", "quy", "hướng", "thông", "triển", "thực", "tại", "theo", "đối", "sửa",
    "bổ", "được", "đã", "trong", "nhằm", "hỗ", "cho", "năm", "số", "ngày", "là", "có", "với",
    "đến", "nay", "tổ", "kiểm", "phối", "gửi",
];

/// Words allowed between an n/N and its percentage (`6005/6079 tỉ lệ
/// 98,9%`, `56/58 trường, đạt 96,6%`).
pub(super) const RATIO_LINKS: &[&str] = &[
    "tỷ", "tỉ", "lệ", "đạt", "chiếm", "bằng", "là", "tương", "ứng", "với", "=",
];

/// Words before a percentage that state it as a share (`chiếm 45%`).
pub(super) const SHARE: &[&str] = &["chiếm", "đạt", "bằng"];

/// Words before a number that make it a change, not a part (`giảm 5 vụ
/// (16,7%)`, `tăng thêm 320 hộ`).
pub(super) const CHANGE: &[&str] = &["tăng", "giảm", "vượt", "hơn", "thêm", "bớt"];

/// Words that name the whole after a percentage (`chiếm 45% tổng số …`,
/// `đạt 102,8% kế hoạch (18.000 lao động)`, `bằng 34,2% dự toán năm (…)`).
pub(super) const WHOLE_AFTER: &[&str] = &[
    "tổng", "số", "trên", "so", "với", "trong", "của", "kế", "hoạch", "chỉ", "tiêu", "dự", "toán",
    "giao", "được", "năm",
];

/// Pairs of words that, together, make a full breakdown (`trong đó nam
/// …, nữ …`).
pub(super) const COMPLEMENTS: &[(&str, &str)] =
    &[("nam", "nữ"), ("thành", "nông"), ("công", "ngoài")];

/// Words before an amount that state it as the total spent.
pub(super) const AMOUNT_WORDS: &[&str] =
    &["tổng", "tiền", "kinh", "phí", "trị", "giá", "cộng", "là"];

/// Units no relation is stated over (ages, measures of time of day).
pub(super) const NO_RELATION: &[&str] = &["tuổi", "giờ", "phút", "lần"];

/// Words after `đồng` that make another word of it (`đồng bào`).
pub(super) const NOT_MONEY: &[&str] = &[
    "bào", "chí", "thời", "ý", "hành", "nghiệp", "loạt", "bộ", "đều", "minh", "tâm", "ruộng",
    "bằng", "lòng", "hồ",
];
