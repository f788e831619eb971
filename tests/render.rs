//! The renderer: no user string can open a tag or an attribute, no script,
//! same notice same bytes, the decree's layout pieces present.

mod support;

use proptest::prelude::*;
use thongbao::core::model::Status;
use thongbao::core::render::{render_html, CSP};
use thongbao::core::samples::{sample, template};

/// Every `<` in the output opens one of the renderer's own tags with its own
/// attributes, and the only script is the inert JSON block, whose content
/// holds no `<` at all (the strict reader in tests/support).
fn assert_markup_is_ours(html: &str) {
    if let Err(e) = support::inspect_markup(html) {
        panic!("{e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_user_text_can_open_a_tag(n in support::notice()) {
        let html = render_html(&n);
        assert_markup_is_ours(&html);
        let shown = html.split("</script>").nth(1).unwrap_or_default();
        prop_assert!(!shown.contains('\u{202e}'), "a bidi override reached the visible output");
    }

    #[test]
    fn rendering_is_deterministic(n in support::notice()) {
        prop_assert_eq!(render_html(&n), render_html(&n.clone()));
    }
}

#[test]
fn shipped_notices_are_well_formed() {
    for n in [sample(), template()] {
        assert_markup_is_ours(&render_html(&n));
    }
}

#[test]
fn the_notice_forbids_scripts() {
    let html = render_html(&sample());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    )));
    assert!(CSP.contains("script-src 'none'") && CSP.contains("default-src 'none'"));
}

#[test]
fn layout_pieces_are_there() {
    let html = render_html(&sample());
    for piece in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH LẠNG SƠN",
        "SỞ LAO ĐỘNG - THƯƠNG BINH<br>VÀ XÃ HỘI",
        "Số: ",
        "/<span class=\"\" data-field=\"header/symbol\">TB-SLĐTBXH</span>",
        "Lạng Sơn, ngày \u{a0}\u{a0}\u{a0}\u{a0}\u{a0} tháng 8 năm 2024",
        ">THÔNG BÁO</h1>",
        ">I. KẾT QUẢ KIỂM TRA</h2>",
        ">II. ĐÁNH GIÁ CHUNG</h2>",
        ">III. KIẾN NGHỊ CỦA ĐOÀN KIỂM TRA</h2>",
        "đoàn kiểm tra./.</p>",
        "Nơi nhận:",
        "- Lưu: VT, PXH.</p>",
        "KT. GIÁM ĐỐC<br>",
        "PHÓ GIÁM ĐỐC",
        "Đàm Văn Chính",
        "<sup><a href=\"#fn-12\">12</a></sup>",
        "id=\"fn-12\"",
        "@page :first { @top-center { content: none; } }",
        "size: A4",
        "DỰ THẢO",
    ] {
        assert!(html.contains(piece), "missing {piece:?}");
    }
    assert!(!html.contains("#fn-13"), "more than twelve footnotes");
}

#[test]
fn footnotes_are_numbered_by_first_appearance() {
    let mut n = sample();
    let first = n.parts[0].sections[0].blocks.remove(0);
    n.parts[0].sections[0].blocks.push(first);
    let html = render_html(&n);
    let one = html.find("<sup><a href=\"#fn-1\">1</a></sup>").unwrap();
    let two = html.find("<sup><a href=\"#fn-2\">2</a></sup>").unwrap();
    assert!(one < two);
    // The block that carried note 1 now comes last among its siblings, so
    // its note is no longer the first.
    let note_text = html.split("id=\"fn-1\"").nth(1).unwrap();
    assert!(!note_text
        .trim_start()
        .starts_with(">\n<p data-field=\"block/p1.s1.b1"));
}

#[test]
fn only_a_draft_has_the_draft_mark() {
    let mut n = sample();
    for (status, marked) in [
        (Status::Draft, true),
        (Status::Signing, false),
        (Status::Issued, false),
    ] {
        n.status = status;
        let html = render_html(&n);
        let body = html.split("<body>").nth(1).unwrap();
        assert_eq!(body.contains("DỰ THẢO"), marked, "{status:?}");
        assert_eq!(body.contains("class=\"draft"), marked, "{status:?}");
    }
}

/// An agency name breaks where the officer pressed Enter, and only there
/// (blank lines dropped), in the preview's partial update as in the whole
/// render.
#[test]
fn agency_names_break_where_the_officer_breaks_them() {
    use thongbao::core::render::{update, Update};
    let mut n = sample();
    // (typed, printed)
    for (typed, printed) in [
        (
            "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
            "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        ),
        (
            "SỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI",
            "SỞ LAO ĐỘNG - THƯƠNG BINH<br>VÀ XÃ HỘI",
        ),
        (
            "SỞ LAO ĐỘNG - THƯƠNG BINH\r\n\n VÀ XÃ HỘI\n",
            "SỞ LAO ĐỘNG - THƯƠNG BINH<br> VÀ XÃ HỘI",
        ),
        ("SỞ <A>\nB", "SỞ &lt;A&gt;<br>B"),
    ] {
        n.header.issuer = typed.into();
        let html = render_html(&n);
        let span = format!("data-field=\"header/issuer\">{printed}</span>");
        assert!(html.contains(&span), "{typed:?}");
        let path = thongbao::core::field::Field::Issuer.path();
        let Update::Elements { elements, .. } =
            update(&n, &path, &[], &thongbao::core::outline::outline(&n))
        else {
            panic!("an element")
        };
        assert_eq!(elements[0].html, printed);
    }
    n.header.parent_body = "UBND\nTỈNH LẠNG SƠN".into();
    assert!(render_html(&n).contains(">UBND<br>TỈNH LẠNG SƠN</span>"));
}
