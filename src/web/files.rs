//! Reading the file the officer picked ("Mở tệp"), with gloo-file. What the
//! bytes are (JSON, an exported HTML notice, or something else) is for the
//! core's importer to say: the file is read as bytes, never decoded as text
//! here, so the importer's encoding checks (UTF-16, legacy encodings,
//! binary data) see what is really in it.
//!
//! A file larger than the importer accepts (`json::MAX_BYTES`) is refused
//! by its size before a byte is read, so a 50 MB file cannot freeze the page.

use crate::core::json::{import_bytes, ImportError, MAX_BYTES};
use crate::core::model::Notice;

/// Reads the file and imports it; a file that cannot be read becomes an
/// [`ImportError`] like any other bad file.
pub async fn open(file: web_sys::File) -> Result<Notice, ImportError> {
    let size = file.size();
    if size > MAX_BYTES as f64 {
        return Err(too_large(size));
    }
    let file = gloo::file::File::from(file);
    match gloo::file::futures::read_as_bytes(&file).await {
        Ok(bytes) => import_bytes(&bytes),
        Err(e) => Err(ImportError {
            message_vi: format!("Không đọc được tệp ({e})."),
            message_en: format!("The file could not be read ({e})."),
        }),
    }
}

/// The importer's own words for a file that is too large.
fn too_large(size: f64) -> ImportError {
    let mb = (size / (1024.0 * 1024.0)).round() as u64;
    let max = MAX_BYTES / (1024 * 1024);
    ImportError {
        message_vi: format!(
            "Tệp quá lớn ({mb} MB): một thông báo chỉ khoảng vài trăm KB, tối đa {max} MB. Hãy kiểm tra lại xem có chọn nhầm tệp không."
        ),
        message_en: format!(
            "The file is too large ({mb} MB): a notice is a few hundred KB, at most {max} MB. Check that you chose the right file."
        ),
    }
}
