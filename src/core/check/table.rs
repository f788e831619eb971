//! The rule table: what each check reads and how strict it is. The README's
//! rule list and the tests are driven from [`RULES`].

use super::{Mode, Severity};
use crate::core::field::Field;
use Field as F;

/// What a blank value means to a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    /// The rule does not apply until the values are filled in.
    Skip,
    /// Blank is itself what the rule reports.
    Report,
}

#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub id: &'static str,
    /// Severity in a draft.
    pub draft: Severity,
    /// Severity when finalising (for signing, and when issued; the rules
    /// of [`ISSUED_ONLY`] keep their draft severity for signing).
    pub fin: Severity,
    /// The fields it reads, of any item: an edit of one of them re-runs
    /// the rule ([`super::Checker::edited`]). A field a message quotes (a
    /// figure's label, a document's number) counts as read, so that no
    /// message goes stale.
    pub reads: &'static [Field],
    pub blank: Blank,
    pub title_vi: &'static str,
    pub title_en: &'static str,
}

impl Rule {
    pub fn severity(&self, mode: Mode) -> Severity {
        match mode {
            Mode::Draft => self.draft,
            Mode::Final if ISSUED_ONLY.contains(&self.id) => self.draft,
            Mode::Final | Mode::Issued => self.fin,
        }
    }
}

/// What the văn thư fills in when the notice is issued: a blank số or
/// ngày stays a warning on the copy for signing, and is an error only when
/// the notice is marked issued.
pub const ISSUED_ONLY: &[&str] = &["header.number_blank", "header.day_blank"];

use Blank::{Report, Skip};
use Severity::{Error as E, Warning as W};

/// Every rule, in the order the README lists them.
pub const RULES: &[Rule] = &[
    Rule {
        id: "figure.number",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigLabel],
        blank: Skip,
        title_vi: "Số liệu phải là số viết đúng",
        title_en: "Figures must be well-formed numbers",
    },
    Rule {
        id: "figure.blank",
        draft: W,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Report,
        title_vi: "Số liệu được nêu trong văn bản phải được điền",
        title_en: "Figures used in the text must be filled in",
    },
    Rule {
        id: "chain.order",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Mỗi số trong chuỗi không lớn hơn số sau nó (a ≤ b ≤ c …)",
        title_en: "Each figure of a chain is at most the next (a ≤ b ≤ c …)",
    },
    Rule {
        id: "chain.safe_home",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Chuỗi “Ngôi nhà an toàn” của tệp phiên bản 1: công nhận ≤ ký cam kết ≤ có trẻ em ≤ tổng số hộ",
        title_en: "The safe-home chain of a version 1 file: recognised ≤ committed ≤ with children ≤ all households",
    },
    Rule {
        id: "sum.parts",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Các phần cộng lại bằng tổng",
        title_en: "Parts add up to the total",
    },
    Rule {
        id: "sum.at_most",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Các phần nêu “trong đó” cộng lại không lớn hơn tổng",
        title_en: "The parts named “of which” add up to at most the whole",
    },
    Rule {
        id: "sum.grades",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Các mức xếp loại cùng một tổng và cộng lại bằng tổng đó",
        title_en: "Grades are out of the same total and add up to it",
    },
    Rule {
        id: "part.le_whole",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Phần không lớn hơn toàn thể",
        title_en: "A part is not larger than its whole",
    },
    Rule {
        id: "fraction.le_whole",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Trong n/N, n không lớn hơn N và N khác 0",
        title_en: "In n/N, n is at most N and N is not 0",
    },
    Rule {
        id: "percent.ratio",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Tỷ lệ phần trăm bằng n/N làm tròn đến số chữ số đã ghi",
        title_en: "A percentage equals n/N rounded to the digits stated",
    },
    Rule {
        id: "percent.range",
        draft: W,
        fin: W,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Tỷ lệ phần trăm không có n/N đi kèm thì không lớn hơn 100%",
        title_en: "A percentage with no n/N behind it is at most 100%",
    },
    Rule {
        id: "amount.product",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Số tiền bằng số lượng × mức (× thời gian)",
        title_en: "An amount equals count × rate (× duration)",
    },
    Rule {
        id: "figure.range",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Số liệu nằm trong khoảng cho phép",
        title_en: "A figure lies within its bounds",
    },
    Rule {
        id: "relation.missing",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Quan hệ giữa các số liệu chỉ dẫn tới số liệu có thật",
        title_en: "A relation between figures names figures that exist",
    },
    Rule {
        id: "relation.invalid",
        draft: E,
        fin: E,
        reads: &[F::FigValue, F::FigTotal, F::FigUnit, F::FigLabel],
        blank: Skip,
        title_vi: "Quan hệ giữa các số liệu đủ thành phần (chuỗi ít nhất hai số, khoảng có giới hạn…)",
        title_en: "A relation between figures is complete (a chain of two or more, a range with a bound…)",
    },
    Rule {
        id: "date.valid",
        draft: E,
        fin: E,
        reads: &[F::Day, F::Month, F::Year, F::InspectionDate, F::RefDate, F::RefKind, F::RefNumber, F::RefSymbol],
        blank: Skip,
        title_vi: "Ngày tháng có thật trên lịch",
        title_en: "Dates exist on the calendar",
    },
    Rule {
        id: "date.order",
        draft: E,
        fin: E,
        reads: &[F::Plan, F::Schedule, F::RefDate, F::InspectionDate, F::Day, F::Month, F::Year],
        blank: Skip,
        title_vi: "Kế hoạch ≤ thông báo lịch ≤ ngày kiểm tra ≤ ngày thông báo",
        title_en: "Plan ≤ schedule notice ≤ inspection ≤ notice date",
    },
    Rule {
        id: "ref.after_notice",
        draft: E,
        fin: E,
        reads: &[F::RefDate, F::RefKind, F::RefNumber, F::RefSymbol, F::Day, F::Month, F::Year],
        blank: Skip,
        title_vi: "Văn bản được dẫn không ban hành sau thông báo",
        title_en: "Cited documents are not dated after the notice",
    },
    Rule {
        id: "ref.date_missing",
        draft: W,
        fin: W,
        reads: &[F::RefDate, F::RefKind, F::RefNumber, F::RefSymbol],
        blank: Report,
        title_vi: "Văn bản có số được dẫn kèm ngày ban hành",
        title_en: "A numbered document is cited with its date",
    },
    Rule {
        id: "symbol.grammar",
        draft: E,
        fin: E,
        reads: &[F::Number, F::Symbol, F::Year, F::RefKind, F::RefNumber, F::RefSymbol, F::RefDate],
        blank: Skip,
        title_vi: "Số, ký hiệu viết theo Nghị định 30/2020",
        title_en: "Numbers and symbols follow Decree 30/2020",
    },
    Rule {
        id: "symbol.year",
        draft: E,
        fin: E,
        reads: &[F::Number, F::Symbol, F::Year, F::RefKind, F::RefNumber, F::RefSymbol, F::RefDate],
        blank: Skip,
        title_vi: "Năm trong ký hiệu văn bản quy phạm là năm ban hành",
        title_en: "The year in a legal symbol is the year of its date",
    },
    Rule {
        id: "header.number_blank",
        draft: W,
        fin: E,
        reads: &[F::Number],
        blank: Report,
        title_vi: "Số văn bản",
        title_en: "Document number",
    },
    Rule {
        id: "header.day_blank",
        draft: W,
        fin: E,
        reads: &[F::Day],
        blank: Report,
        title_vi: "Ngày ban hành",
        title_en: "Day of issue",
    },
    Rule {
        id: "header.required",
        draft: W,
        fin: E,
        reads: &[F::ParentBody, F::Issuer, F::Symbol, F::Place, F::Month, F::Year, F::DocType, F::Subject, F::Position, F::SignerName],
        blank: Report,
        title_vi: "Các thành phần bắt buộc của văn bản",
        title_en: "Required parts of the document",
    },
    Rule {
        id: "header.consistent",
        draft: E,
        fin: E,
        reads: &[F::ParentBody, F::Issuer, F::Number, F::Symbol, F::Place, F::Day, F::Month, F::Year, F::DocType, F::Subject, F::Plan, F::Schedule, F::InspectionDate, F::InspectedBody, F::OpeningText, F::RefKind, F::RefNumber, F::RefSymbol, F::RefDate, F::RefIssuer, F::RefSubject, F::Closing],
        blank: Skip,
        title_vi: "Thông báo không tự mâu thuẫn: tên loại với ký hiệu, trích yếu và câu kết với đơn vị được kiểm tra, số với văn bản được dẫn",
        title_en: "The notice agrees with itself: type and symbol, subject and closing and the inspected body, its number and the documents cited",
    },
    Rule {
        id: "recipients.archive",
        draft: E,
        fin: E,
        reads: &[F::Recipient, F::Recipients],
        blank: Report,
        title_vi: "Nơi nhận kết thúc bằng dòng “Lưu: VT, …”",
        title_en: "Recipients end with the “Lưu: VT, …” line",
    },
    Rule {
        id: "recipients.archive_unit",
        draft: E,
        fin: E,
        reads: &[F::Recipient, F::Recipients],
        blank: Report,
        title_vi: "Dòng lưu ghi đủ “Lưu: VT, <đơn vị soạn thảo>”",
        title_en: "The archive line names the drafting unit: “Lưu: VT, <unit>”",
    },
    Rule {
        id: "signature.deputy",
        draft: E,
        fin: E,
        reads: &[F::Authority, F::Head, F::Position],
        blank: Skip,
        title_vi: "Ký thay (KT.) thì chức vụ là cấp phó",
        title_en: "A KT. signature carries a deputy's position",
    },
    Rule {
        id: "signature.block",
        draft: E,
        fin: E,
        reads: &[F::Authority, F::Head, F::Position, F::SignerName],
        blank: Skip,
        title_vi: "Khối chữ ký đúng cả hai chiều: cấp phó ký KT. chức danh người đứng đầu, thẩm quyền có chức danh, họ tên không kèm học vị",
        title_en: "The signature block holds both ways: a deputy signs KT. for the head's title, an authority names the head, the name has no titles",
    },
    Rule {
        id: "text.token",
        draft: E,
        fin: E,
        reads: &[F::Subject, F::OpeningText, F::PartTitle, F::SectionTitle, F::BlockText, F::Closing, F::Plan, F::Schedule],
        blank: Skip,
        title_vi: "Mã chèn số liệu, văn bản, chú thích phải tồn tại",
        title_en: "Inserted figures, documents and notes must exist",
    },
    Rule {
        id: "prose.part_of",
        draft: W,
        fin: W,
        reads: &[F::Subject, F::OpeningText, F::PartTitle, F::SectionTitle, F::BlockText, F::Closing, F::FigValue, F::FigTotal, F::FigUnit],
        blank: Skip,
        title_vi: "Phần nêu “trong đó” trong câu văn không lớn hơn tổng số",
        title_en: "A part stated “trong đó” (of which) in a sentence is not larger than its whole",
    },
    Rule {
        id: "prose.sum",
        draft: W,
        fin: W,
        reads: &[F::Subject, F::OpeningText, F::PartTitle, F::SectionTitle, F::BlockText, F::Closing, F::FigValue, F::FigTotal, F::FigUnit],
        blank: Skip,
        title_vi: "Các phần câu văn liệt kê (“gồm: …”, nam … nữ …) cộng lại bằng tổng số",
        title_en: "The parts a sentence lists (“gồm: …”, men … women …) add up to its total",
    },
    Rule {
        id: "prose.ratio",
        draft: W,
        fin: W,
        reads: &[F::Subject, F::OpeningText, F::PartTitle, F::SectionTitle, F::BlockText, F::Closing, F::FigValue, F::FigTotal, F::FigUnit],
        blank: Skip,
        title_vi: "Tỷ lệ phần trăm ghi trong câu văn bằng n/N làm tròn đến số chữ số đã ghi",
        title_en: "A percentage a sentence states equals its n/N rounded to the digits stated",
    },
    Rule {
        id: "prose.fraction",
        draft: W,
        fin: W,
        reads: &[F::Subject, F::OpeningText, F::PartTitle, F::SectionTitle, F::BlockText, F::Closing, F::FigValue, F::FigTotal, F::FigUnit],
        blank: Skip,
        title_vi: "Trong n/N ghi trong câu văn, n không lớn hơn N và N khác 0",
        title_en: "In an n/N a sentence states, n is at most N and N is not 0",
    },
    Rule {
        id: "prose.product",
        draft: W,
        fin: W,
        reads: &[F::Subject, F::OpeningText, F::PartTitle, F::SectionTitle, F::BlockText, F::Closing, F::FigValue, F::FigTotal, F::FigUnit],
        blank: Skip,
        title_vi: "Số tiền ghi trong câu văn bằng số lượng × mức (× thời gian) ghi cùng câu",
        title_en: "An amount a sentence states equals the count × rate (× duration) it states",
    },
    Rule {
        id: "footnote.unused",
        draft: W,
        fin: W,
        reads: &[F::BlockText],
        blank: Skip,
        title_vi: "Chú thích không được dẫn trong văn bản",
        title_en: "A footnote the text never refers to",
    },
    // What the template leaves behind (check/leftovers.rs).
    Rule {
        id: "text.placeholder",
        draft: W,
        fin: E,
        reads: &[F::ParentBody, F::Issuer, F::Place, F::DocType, F::Subject, F::InspectedBody, F::InspectionDate, F::OpeningText, F::Plan, F::Schedule, F::RefNumber, F::PartTitle, F::SectionTitle, F::BlockText, F::Closing, F::Recipient, F::Authority, F::Head, F::Position, F::SignerName],
        blank: Report,
        title_vi: "Không còn chỗ trống của mẫu (“…”, “...”, “[ ]”, “( )”) trong văn bản",
        title_en: "No placeholder of the template (“…”, “...”, “[ ]”, “( )”) is left in the text",
    },
    Rule {
        id: "text.empty",
        draft: W,
        fin: E,
        reads: &[F::PartTitle, F::SectionTitle, F::BlockText],
        blank: Report,
        title_vi: "Không có đoạn văn, gạch đầu dòng trống, mục có tiêu đề mà không có nội dung",
        title_en: "No empty paragraph or bullet, no section with a title and no body",
    },
    Rule {
        id: "template.left",
        draft: W,
        fin: E,
        reads: &[F::Recipient, F::Recipients, F::Authority, F::Head, F::Position, F::SignerName],
        blank: Report,
        title_vi: "Nơi nhận và khối chữ ký không còn như trong mẫu",
        title_en: "Recipients and the signature are no longer the template's",
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// [`rule`] at compile time, for [`rule!`](crate::core::check::rule!).
pub const fn find(id: &str) -> Option<&'static Rule> {
    let mut i = 0;
    while i < RULES.len() {
        if same(RULES[i].id.as_bytes(), id.as_bytes()) {
            return Some(&RULES[i]);
        }
        i += 1;
    }
    None
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
