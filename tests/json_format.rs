//! The file format: lossless round trips (through JSON and through exported
//! HTML), the published schema, and a specific message for every kind of
//! bad file.

mod support;

use proptest::prelude::*;
use thongbao::core::json::{import, import_bytes, schema, to_json, MAX_BYTES};
use thongbao::core::nfc::normalise_notice;
use thongbao::core::render::render_html;
use thongbao::core::samples::{sample, template};

/// `n` with every string in NFC, as import gives it back.
fn composed(n: &thongbao::core::model::Notice) -> thongbao::core::model::Notice {
    let mut n = n.clone();
    normalise_notice(&mut n);
    n
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Lossless up to NFC: import composes decomposed Vietnamese (the same
    /// text, see `tests/nfc.rs`), and that is all it changes.
    #[test]
    fn json_round_trip_is_lossless(n in support::notice()) {
        prop_assert_eq!(import(&to_json(&n)).unwrap(), composed(&n));
    }

    #[test]
    fn the_file_is_laid_out_as_serde_json_pretty(n in support::notice()) {
        prop_assert_eq!(to_json(&n), serde_json::to_string_pretty(&n).unwrap());
    }

    #[test]
    fn exported_html_reopens_as_the_same_notice(n in support::notice()) {
        prop_assert_eq!(import(&render_html(&n)).unwrap(), composed(&n));
    }

    #[test]
    fn import_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = import_bytes(&bytes);
    }

    #[test]
    fn import_never_panics_on_mangled_json(cut in 0usize..4000, byte in any::<u8>()) {
        let mut json = to_json(&sample()).into_bytes();
        let at = cut % json.len();
        json[at] = byte;
        let _ = import_bytes(&json);
        let _ = import_bytes(&json[..at]);
    }
}

#[test]
fn shipped_files_round_trip() {
    for n in [sample(), template()] {
        assert_eq!(to_json(&n), serde_json::to_string_pretty(&n).unwrap());
        assert_eq!(import(&to_json(&n)).unwrap(), n);
        assert_eq!(import(&render_html(&n)).unwrap(), n);
    }
}

#[test]
fn the_published_schema_is_current() {
    let published = include_str!("../docs/notice.schema.json");
    assert_eq!(
        published.trim_end(),
        schema(),
        "docs/notice.schema.json is stale: run `cargo run -- schema > docs/notice.schema.json`"
    );
    let v: serde_json::Value = serde_json::from_str(published).unwrap();
    for field in [
        "format",
        "version",
        "header",
        "figures",
        "references",
        "footnotes",
        "recipients",
        "signature",
    ] {
        assert!(v["properties"][field].is_object(), "schema lacks {field}");
    }
}

/// Each bad input, and words its Vietnamese and English messages must hold.
#[test]
fn bad_files_get_specific_messages() {
    let good = to_json(&sample());
    let with = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    };
    // Cut on a character boundary: the file is cut short, not mis-encoded.
    let half = (0..=good.len() / 2)
        .rev()
        .find(|&i| good.is_char_boundary(i))
        .unwrap_or(0);
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("empty", b"".to_vec(), "Tệp trống", "empty"),
        (
            "truncated",
            good.as_bytes()[..half].to_vec(),
            "cắt cụt",
            "cut short",
        ),
        (
            "syntax",
            b"{\"format\": thongbao}".to_vec(),
            "dòng 1, cột",
            "line 1, column",
        ),
        ("array", b"[1, 2]".to_vec(), "đối tượng", "object"),
        (
            "other format",
            br#"{"format":"x.y","version":1}"#.to_vec(),
            "“x.y”",
            "“x.y”",
        ),
        (
            "no format",
            br#"{"version":1}"#.to_vec(),
            "“format”",
            "“format”",
        ),
        (
            "future version",
            with("\"version\": 2", "\"version\": 7").into_bytes(),
            "phiên bản 7",
            "version 7",
        ),
        (
            "version zero",
            with("\"version\": 2", "\"version\": 0").into_bytes(),
            "“version”",
            "“version”",
        ),
        (
            "version text",
            with("\"version\": 2", "\"version\": \"1\"").into_bytes(),
            "“version”",
            "“version”",
        ),
        (
            "wrong type",
            with("\"number\": \"\"", "\"number\": 97").into_bytes(),
            "header.number",
            "expected a string",
        ),
        (
            "missing field",
            with("\"closing\":", "\"closingx\":").into_bytes(),
            "closing",
            "closing",
        ),
        (
            "extra field",
            with("\"closing\":", "\"hacker\": 1, \"closing\":").into_bytes(),
            "“hacker”",
            "“hacker”",
        ),
        (
            "bad enum",
            with("\"status\": \"draft\"", "\"status\": \"done\"").into_bytes(),
            "“done”",
            "“done”",
        ),
        (
            "list item type",
            with("\"recipients\": [", "\"recipients\": [5, ").into_bytes(),
            "recipients[0]",
            "recipients[0]",
        ),
        (
            "duplicate id",
            with("\"id\": \"r2\"", "\"id\": \"r1\"").into_bytes(),
            "“r1”",
            "“r1”",
        ),
        ("utf-16", vec![0xFF, 0xFE, b'{', 0], "UTF-16", "UTF-16"),
        (
            "binary",
            vec![0x89, b'P', b'N', b'G', 0, 0, 1, 2],
            "nhị phân",
            "binary",
        ),
        (
            "latin-1",
            b"{\"format\": \"caf\xe9\"}".to_vec(),
            "UTF-8",
            "UTF-8",
        ),
        (
            "foreign html",
            b"<!DOCTYPE html><html><body>hi</body></html>".to_vec(),
            "không phải thông báo",
            "not a notice",
        ),
        (
            "too large",
            vec![b' '; MAX_BYTES + 1],
            "quá lớn",
            "too large",
        ),
    ];
    for (name, bytes, vi, en) in cases {
        let err = import_bytes(&bytes).expect_err(name);
        assert!(
            err.message_vi.contains(vi),
            "{name}: {:?} lacks {vi:?}",
            err.message_vi
        );
        assert!(
            err.message_en.contains(en),
            "{name}: {:?} lacks {en:?}",
            err.message_en
        );
    }
}

/// The field a bad value is in, named by its path, wherever it sits (the
/// importer finds it from where serde_json stopped in the text).
#[test]
fn bad_values_are_named_by_their_path() {
    let good = to_json(&sample());
    let cases = [
        (
            "\"kind\": \"count\"",
            "\"kind\": 5",
            "figures[0].kind",
            "expected string or map",
        ),
        (
            "\"kind\": \"count\"",
            "\"kind\": {}",
            "figures[0].kind",
            "map with a single key",
        ),
        (
            "\"kind\": \"ratio\"",
            "\"kind\": \"share\"",
            "“relations[9]”",
            "“share”",
        ),
        (
            "\"kind\": \"ratio\"",
            "\"kind\": \"ratio\", \"x\": 1",
            "“relations[9]”",
            "“x”",
        ),
        (
            "\"total\": \"signs.installed\"",
            "\"total\": 5",
            "“relations[1]”",
            "expected a string",
        ),
        (
            "\"status\": \"draft\"",
            "\"status\": [\"draft\"]",
            "“status”",
            "sequence",
        ),
        (
            "\"name\": \"Đàm",
            "\"nam\": \"Đàm",
            "“signature.nam”",
            "“nam”",
        ),
        ("\"text\":", "\"txt\":", "“opening.txt”", "“txt”"),
        ("\"refs\": [\n", "\"refs\": [7,\n", ".refs[0]”", "integer"),
        (
            "\"with_so\": true",
            "\"with_so\": \"yes\"",
            "references[0].with_so",
            "boolean",
        ),
        (
            "\"signature\": {",
            "\"signature\": {\"x\": {\"y\": [1]}, ",
            "“signature.x”",
            "“x”",
        ),
        (
            "\"recipients\": [",
            "\"recipients\": [{\"id\": \"z\"}, ",
            "“recipients[0]”",
            "“text” is missing",
        ),
    ];
    for (from, to, at, what) in cases {
        assert!(good.contains(from), "{from}");
        let bad = good.replacen(from, to, 1);
        let err = import(&bad).expect_err(to);
        assert!(
            err.message_en.contains(at),
            "{to}: {:?} lacks {at:?}",
            err.message_en
        );
        assert!(
            err.message_en.contains(what),
            "{to}: {:?} lacks {what:?}",
            err.message_en
        );
        let at_vi = at.replace(['“', '”'], "");
        assert!(
            err.message_vi.contains(&at_vi),
            "{to}: {:?} lacks {at_vi:?}",
            err.message_vi
        );
    }
}

#[test]
fn a_bom_and_whitespace_are_fine() {
    let json = format!("\u{feff}\n  {}\n", to_json(&sample()));
    assert_eq!(import(&json).unwrap(), sample());
}

#[test]
fn a_bad_enum_value_lists_the_allowed_ones_in_vietnamese() {
    let bad = to_json(&sample()).replacen("\"kind\": \"count\"", "\"kind\": \"số\"", 1);
    let err = import(&bad).expect_err("a figure kind that does not exist");
    assert!(
        err.message_vi.contains(
            "giá trị “số” không hợp lệ; chỉ nhận một trong các giá trị: “count” (số đếm), \
             “amount” (số tiền), “rate” (mức tiền trên một đơn vị), “fraction” (phân số n/N), \
             “percent” (tỷ lệ phần trăm)"
        ),
        "{}",
        err.message_vi
    );
    // No English word between the names.
    assert!(!err.message_vi.contains(" or "), "{}", err.message_vi);
    assert!(!err.message_vi.contains("one of"), "{}", err.message_vi);
    let bad = to_json(&sample()).replace("\"status\": \"draft\"", "\"status\": \"done\"");
    let err = import(&bad).unwrap_err();
    assert!(
        err.message_vi
            .contains("“draft” (dự thảo), “signing” (trình ký), “final” (cách ghi cũ, đọc như “issued”), “issued” (đã ban hành)"),
        "{}",
        err.message_vi
    );
}
